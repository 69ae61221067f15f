/**
 * The attention models' entry points for the editor's worker and the CLI:
 *   trainTransformer(params, text, ctx, {outDir})   — causal Transformer LM on a text
 *   trainSeq2seq(params, ctx, {outDir})             — encoder–decoder with attention on reverse / sort / copy
 *   trainSeq2seqVariants(params, scores, ctx)       — the same run once per attention score (dot, general, additive)
 *   loadAttentionModel(dir)                         — either kind, from a folder the trainers wrote
 *   attentionFor(model, text)                       — the attention maps for a text
 * Hyperparameter specs (no tfjs) are in ./params.
 */
import { initTf } from '../tf/backend';
import { splitTokens } from '../lm/vocab';
import { ValidationError } from '../params';
import { loadAttentionModelSync, type LoadedAttentionModel } from './store';
import { checkTaskInput, taskTarget } from './tasks';
import { readsLowercase } from '../mlm/fill';

export { trainTransformer, type TransformerTrainResult } from './transformerTrainer';
export { trainSeq2seq, trainSeq2seqVariants, evaluateSeq2seq, type Seq2seqTrainResult, type Seq2seqVariantsResult, type Seq2seqCurvePoint } from './seq2seqTrainer';
export { ModelFormatError, type LoadedAttentionModel } from './store';
export { TaskInputError } from './tasks';
export * from './params';

/** Self-attention of every layer and head over the tokens of the text (one context window). */
export interface TransformerAttention {
  kind: 'transformer';
  /** A masked language model's attention (both ways) rather than a causal model's. */
  bidirectional: boolean;
  tokens: string[];
  /** [layer][head][query][key]; each row sums to 1; a causal model's entries above the diagonal are 0. */
  attention: number[][][][];
  /** Tokens of the text not in the vocabulary (shown as the unknown token). */
  unknown: string[];
  /** The text had more tokens than the context length; only the first `tokens.length` were used. */
  truncated: boolean;
  /** The model's characters have no capitals (e.g. trained on the lowercased Brown corpus), so the text was lowercased. */
  lowercased: boolean;
}

/** Encoder–decoder attention while the model writes its output for the text. */
export interface Seq2seqAttention {
  kind: 'seq2seq';
  task: string;
  source: string[];
  /** What the model produced (greedy), one symbol per output step. */
  target: string[];
  /** What the task's right answer is, for comparison. */
  expected: string[];
  /** [targetStep][sourcePos]; each row sums to 1. */
  attention: number[][];
}

export type AttentionResult = TransformerAttention | Seq2seqAttention;

/** Load a model folder written by trainTransformer, trainMlm or trainSeq2seq (initialises tfjs if needed). */
export async function loadAttentionModel(dir: string): Promise<LoadedAttentionModel> {
  await initTf();
  return loadAttentionModelSync(dir);
}

export function disposeAttentionModel(m: LoadedAttentionModel): void {
  m.model.dispose();
}

/**
 * The attention maps of a loaded model for `text`. Transformer: the text's tokens (at most the context length)
 * and the weights of every layer and head. Seq2seq: the model's output for the text and the attention of each
 * output step over the input. Throws ValidationError / TaskInputError with one clear sentence on bad text.
 */
export function attentionFor(m: LoadedAttentionModel, text: string): AttentionResult {
  if (typeof text !== 'string' || text.length === 0) throw new ValidationError('the text is empty');
  if (m.kind === 'seq2seq') {
    const src = checkTaskInput(text, m.model.cfg.maxLen, m.model.cfg.alphabet);
    const { outputs, attention } = m.model.decode([src]);
    return {
      kind: 'seq2seq',
      task: m.task,
      source: Array.from(src),
      target: Array.from(outputs[0]),
      expected: Array.from(taskTarget(m.task, src)),
      attention: attention[0],
    };
  }
  // A character model that never saw a capital letter (Brown is lowercased) reads the text lowercased, rather than
  // showing every capital as unknown.
  const lowercased = readsLowercase(m.vocab, text);
  const toks = splitTokens(lowercased ? text.toLowerCase() : text, m.vocab.level);
  if (toks.length === 0) throw new ValidationError(`the text has no ${m.vocab.level === 'char' ? 'characters' : 'words'} to attend over`);
  const truncated = toks.length > m.model.cfg.seq;
  const used = truncated ? toks.slice(0, m.model.cfg.seq) : toks;
  const enc = m.vocab.encodeTokens(used);
  if (enc.unknownCount === used.length) {
    const shown = enc.unknown.slice(0, 5).map((t) => JSON.stringify(t)).join(', ');
    throw new ValidationError(`none of the ${m.vocab.level === 'char' ? 'characters' : 'words'} of the text are in the model's vocabulary (${shown}${enc.unknown.length > 5 ? ', …' : ''})`);
  }
  return {
    kind: 'transformer',
    bidirectional: m.kind === 'mlm',
    tokens: used.map((t, i) => (enc.ids[i] === 0 ? m.vocab.tokenText(0) : t)),
    attention: m.model.attention(enc.ids),
    unknown: enc.unknown,
    truncated,
    lowercased,
  };
}
