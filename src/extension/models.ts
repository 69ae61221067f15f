/**
 * The models the user can train from the editor, as forms (parameter specs, no tfjs): the sidebar draws them,
 * the host validates against them before anything reaches the worker.
 */
import type { ModelForm, ModelKind } from '../shared/protocol';
import { XOR_PARAMS } from '../core/xor/params';
import { WORD2VEC_PARAMS } from '../core/word2vec/params';
import { LSTM_PARAMS } from '../core/lstm/params';
import { SEQ2SEQ_PARAMS, TRANSFORMER_PARAMS } from '../core/attention/params';
import { MLM_PARAMS } from '../core/mlm/params';

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
];

export function formOf(model: ModelKind): ModelForm {
  const f = MODEL_FORMS.find((m) => m.model === model);
  if (!f) throw new Error(`unknown model "${model}"`);
  return f;
}
