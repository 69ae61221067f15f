/**
 * The models the user can train from the editor, as forms (parameter specs, no tfjs): the sidebar draws them,
 * the host validates against them before anything reaches the worker.
 */
import type { ModelForm, ModelKind } from '../shared/protocol';
import { XOR_PARAMS } from '../core/xor/params';

export const MODEL_FORMS: readonly ModelForm[] = [
  {
    model: 'xor',
    title: 'XOR — two-layer perceptron',
    description: 'Four points no line separates. With hidden units the MLP solves it; with 0 hidden units it is a linear model and cannot.',
    params: XOR_PARAMS,
    usesCorpus: false,
  },
];

export function formOf(model: ModelKind): ModelForm {
  const f = MODEL_FORMS.find((m) => m.model === model);
  if (!f) throw new Error(`unknown model "${model}"`);
  return f;
}
