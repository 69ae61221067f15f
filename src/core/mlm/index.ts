/**
 * The masked language model's entry points for the worker and the CLI:
 *   trainMlm(params, text, ctx, {outDir})   — a bidirectional Transformer trained with BERT's masking
 *   loadMlm(dir)                            — a model folder trainMlm wrote (an attention-model folder of kind mlm)
 *   fillMask(model, text, start, length, k) — the k most probable tokens for each blank
 * Hyperparameter specs (no tfjs) are in ./params.
 */
import { initTf } from '../tf/backend';
import { loadAttentionModelSync, ModelFormatError, type LoadedAttentionModel } from '../attention/store';

export { trainMlm, type MlmTrainResult } from './train';
export { fillMask, MASK_TOKEN, MAX_FILL_K, type FillResult, type FillBlank, type FillCandidate } from './fill';
export { MLM_PARAMS } from './params';

export type LoadedMlm = Extract<LoadedAttentionModel, { kind: 'mlm' }>;

/** Load a masked language model; any other model folder is refused with one sentence. */
export async function loadMlm(dir: string): Promise<LoadedMlm> {
  await initTf();
  const m = loadAttentionModelSync(dir);
  if (m.kind !== 'mlm') {
    m.model.dispose();
    throw new ModelFormatError(`${dir} holds a ${m.kind === 'seq2seq' ? 'seq2seq' : 'causal Transformer'} model, not a masked language model (train one with \`ml-study train mlm\`)`);
  }
  return m;
}
