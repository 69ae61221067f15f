/**
 * What a model picker shows of a saved model, read from its parsed model.json alone (no weights, no tfjs): its
 * kind, token level, size in parameters, held-out perplexity, training length and corpus size. A model.json from a
 * workspace is hostile: every field is checked, and one that is missing or malformed gives one clear sentence
 * (`ModelFactsError`) rather than a wrong figure.
 */
import { savedKindOf } from '../util/modelOut';

export type PickerKind = 'lstm' | 'gru' | 'rnn' | 'transformer' | 'mlm' | 'seq2seq';

export interface ModelFacts {
  kind: PickerKind;
  /** Token level of a language model. */
  level?: 'char' | 'word';
  /** Number of trained weights. */
  parameters?: number;
  /** The last held-out perplexity the trainer measured. */
  heldOutPerplexity?: number;
  /** Training steps done. */
  steps?: number;
  /** Tokens of the training text (training and held-out parts). */
  corpusTokens?: number;
  /** A seq2seq model's task. */
  task?: string;
}

export class ModelFactsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFactsError';
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const count = (x: unknown): number | undefined => (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 1e12 ? x : undefined);
const positive = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : undefined);

function levelOf(vocab: unknown): 'char' | 'word' {
  const level = isObj(vocab) ? vocab.level : undefined;
  if (level !== 'char' && level !== 'word') throw new ModelFactsError('its vocabulary does not say whether it reads characters or words');
  return level;
}

/** Σ of the shapes' products of an attention model's weight list. */
function weightCount(weights: unknown): number {
  if (!Array.isArray(weights) || weights.length === 0 || weights.length > 10_000) throw new ModelFactsError('its weight list is missing or malformed');
  let total = 0;
  for (const w of weights) {
    const shape = isObj(w) ? w.shape : undefined;
    if (!Array.isArray(shape) || shape.length > 8 || !shape.every((d) => count(d) !== undefined)) throw new ModelFactsError('a weight of its weight list has no valid shape');
    total += (shape as number[]).reduce((a, b) => a * b, 1);
  }
  if (!(total <= 1e12)) throw new ModelFactsError('its weight list is implausibly large');
  return total;
}

function lstmFacts(meta: Record<string, unknown>): ModelFacts {
  const config = isObj(meta.config) ? meta.config : undefined;
  if (!config) throw new ModelFactsError('its configuration is missing');
  const cell = config.cell ?? 'lstm';
  if (cell !== 'lstm' && cell !== 'gru' && cell !== 'rnn') throw new ModelFactsError(`its cell ${JSON.stringify(cell).slice(0, 40)} is not lstm, gru or rnn`);
  const parameters = count(isObj(meta.weights) ? meta.weights.theta : undefined);
  if (parameters === undefined) throw new ModelFactsError('its weight description is missing');
  const history = Array.isArray(meta.history) ? meta.history : [];
  let heldOutPerplexity: number | undefined;
  for (let i = history.length - 1; i >= 0 && heldOutPerplexity === undefined; i--) heldOutPerplexity = positive(isObj(history[i]) ? (history[i] as Record<string, unknown>).perplexity : undefined);
  return { kind: cell, level: levelOf(meta.vocab), parameters, heldOutPerplexity, steps: count(meta.step), corpusTokens: count(isObj(meta.corpus) ? meta.corpus.tokens : undefined) };
}

function attentionFacts(kind: 'transformer' | 'mlm' | 'seq2seq', meta: Record<string, unknown>): ModelFacts {
  const parameters = weightCount(meta.weights);
  const result = isObj(meta.result) ? meta.result : {};
  const training = isObj(meta.training) ? meta.training : {};
  const corpusTokens = count(isObj(training.corpus) ? training.corpus.tokens : undefined) ?? (count(result.trainTokens) !== undefined && count(result.heldOutTokens) !== undefined ? count(result.trainTokens)! + count(result.heldOutTokens)! : undefined);
  const steps = count(result.steps) ?? count(training.step);
  if (kind === 'seq2seq') return { kind, parameters, steps, task: typeof meta.task === 'string' ? meta.task.slice(0, 40) : undefined };
  const heldOutPerplexity = kind === 'transformer' ? positive(result.heldOutPerplexity) : undefined;
  return { kind, level: levelOf(meta.vocab), parameters, heldOutPerplexity, steps, corpusTokens };
}

/** The picker's facts of a parsed model.json; throws ModelFactsError for one it cannot describe. */
export function modelFacts(meta: unknown): ModelFacts {
  if (!isObj(meta)) throw new ModelFactsError('model.json is not a JSON object');
  const kind = savedKindOf(meta);
  if (kind === 'lstm') return lstmFacts(meta);
  if (kind === 'transformer' || kind === 'mlm' || kind === 'seq2seq') return attentionFacts(kind, meta);
  throw new ModelFactsError(kind ? `it is a ${kind} model, not a language or attention model` : 'model.json does not describe a model this extension trains');
}
