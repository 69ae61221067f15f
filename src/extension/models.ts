/**
 * The models the user can train from the editor, as forms (parameter specs, no tfjs): the sidebar draws them,
 * the host validates against them before anything reaches the worker.
 */
import type { ModelForm, ModelKind } from '../shared/protocol';
import { ValidationError, type ParamSpec, type ParamValues } from '../core/params';
import { XOR_PARAMS } from '../core/xor/params';
import { WORD2VEC_PARAMS } from '../core/word2vec/params';
import { LSTM_PARAMS } from '../core/lstm/params';
import { SEQ2SEQ_PARAMS, TRANSFORMER_PARAMS } from '../core/attention/params';
import { MLM_PARAMS } from '../core/mlm/params';
import { DISTILL_TRAIN_PARAMS } from '../core/distill/params';
import { AUTOENCODER_PARAMS, VAE_PARAMS } from '../core/vae/params';

/** The distillation form: the teacher (a saved LSTM, by name; empty: the newest), then the loss and the student. */
export const DISTILL_FORM_PARAMS: readonly ParamSpec[] = [
  { kind: 'string', name: 'teacher', label: 'Teacher', description: 'Name of a saved LSTM language model (Saved models list); empty: the newest', default: '', maxLength: 200 },
  ...DISTILL_TRAIN_PARAMS,
];

export const MODEL_FORMS: readonly ModelForm[] = [
  {
    model: 'xor',
    title: 'XOR — two-layer perceptron',
    description: 'Four points no line separates. With hidden units the MLP solves it; with 0 hidden units it is a linear model and cannot.',
    params: XOR_PARAMS,
    usesCorpus: false,
  },
  {
    model: 'word2vec',
    title: 'Word vectors — skip-gram / CBOW',
    description: 'word2vec as in the notes: skip-gram with negative sampling or CBOW, on your notes or the Brown corpus. Formulas and markup are left out of the vocabulary.',
    params: WORD2VEC_PARAMS,
    usesCorpus: true,
    exclusive: [{ when: 'hs', field: 'negative', value: 0, why: 'hierarchical softmax replaces negative sampling' }],
  },
  {
    model: 'lstm',
    title: 'Recurrent language model (LSTM / GRU / RNN)',
    description: 'Character- or word-level LSTM, GRU or plain tanh RNN trained with teacher forcing and truncated BPTT; held-out perplexity on the last 10% of the text, samples as it learns.',
    params: LSTM_PARAMS,
    usesCorpus: true,
  },
  {
    model: 'transformer',
    title: 'Transformer language model',
    description: 'A small causal Transformer (self-attention with a causal mask, pre-LayerNorm); its attention maps can be shown for any text.',
    params: TRANSFORMER_PARAMS,
    usesCorpus: true,
  },
  {
    model: 'mlm',
    title: 'Masked language model (BERT-style)',
    description: 'A small bidirectional Transformer (no causal mask): 15% of positions are chosen, 80% become [MASK], 10% a random token, 10% stay; the loss counts only those. Then select a word and Fill in the Blank.',
    params: MLM_PARAMS,
    usesCorpus: true,
  },
  {
    model: 'seq2seq',
    title: 'Seq2seq with attention',
    description: 'An RNN encoder–decoder with attention on a task whose right alignment is known (reverse, sort, copy a string).',
    params: SEQ2SEQ_PARAMS,
    usesCorpus: false,
  },
  {
    model: 'distill',
    title: 'Knowledge distillation — LSTM teacher → small student',
    description: 'A saved LSTM teaches a smaller LSTM with soft targets at temperature T plus the labels (weight α); a twin trained without the teacher on the same batches is the baseline.',
    params: DISTILL_FORM_PARAMS,
    usesCorpus: true,
  },
  {
    model: 'vae',
    title: 'VAE — variational autoencoder',
    description: 'Encoder → μ, log σ² → z → decoder; the ELBO is reconstruction + β·KL. Data: points, glyphs, or vectors:NAME (a saved word2vec model; vectors: alone is the newest).',
    params: VAE_PARAMS,
    usesCorpus: false,
  },
  {
    model: 'autoencoder',
    title: 'Autoencoder',
    description: 'Encoder → code z → decoder, trained on reconstruction alone. Data: points, glyphs, or vectors:NAME (a saved word2vec model).',
    params: AUTOENCODER_PARAMS,
    usesCorpus: false,
  },
];

/**
 * The form's exclusive fields, on the host: with `when` on, an unset `field` takes its value, a different one is
 * refused (one clear error, nothing started). Returns the parameters to train with.
 */
export function applyExclusive(form: ModelForm, raw: unknown, params: ParamValues): ParamValues {
  const given = (raw ?? {}) as Record<string, unknown>;
  const out = { ...params };
  for (const r of form.exclusive ?? []) {
    if (out[r.when] !== true) continue;
    if (given[r.field] !== undefined && given[r.field] !== '' && Number(given[r.field]) !== r.value) {
      throw new ValidationError(`${r.why}: with ${r.when} on, ${r.field} must be ${r.value}, got ${String(given[r.field])}`, r.field);
    }
    out[r.field] = r.value;
  }
  return out;
}

export function formOf(model: ModelKind): ModelForm {
  const f = MODEL_FORMS.find((m) => m.model === model);
  if (!f) throw new Error(`unknown model "${model}"`);
  return f;
}
