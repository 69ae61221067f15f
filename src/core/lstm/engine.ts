/**
 * Using a trained LSTM language model: scoring text (surprisal of every token, cross-entropy, perplexity, bits
 * per character), generating from a prompt (greedy, temperature, top-k, top-p, seeded) with each token's
 * probability, and contrasting teacher forcing with free running on a piece of text.
 */
import { Vocab } from '../lm/vocab';
import { summarise } from '../lm/measures';
import { drainYielding, generateWith, LmInputError, teacherForcingWith, type TokenStepper } from '../lm/use';
import type { GenerateOptions, GenerateResult, PerplexityResult, TeacherForcingComparison, TeacherForcingStep, TokenInfo } from '../lm/types';

export type { GenerateOptions, GenerateResult, PerplexityResult, TeacherForcingComparison, TeacherForcingStep, TokenInfo };
import { loadCheckpoint, type CheckpointMeta } from './checkpoint';
import { Workspace, type LstmConfig, type OpsKind } from './model';

export interface LstmModel {
  type: 'lstm';
  config: LstmConfig;
  vocab: Vocab;
  theta: Float32Array;
  /** Checkpoint metadata when loaded from a folder. */
  meta?: CheckpointMeta;
  /** Kernels to run on (default wasm, falling back to JS). */
  ops?: OpsKind;
}

export { LmInputError };

/** Load a trained (or partly trained) LSTM from its folder. Throws a clear error for a missing or corrupt one. */
export function loadLstm(dir: string): LstmModel {
  const ck = loadCheckpoint(dir);
  return { type: 'lstm', config: ck.meta.config, vocab: Vocab.fromJSON(ck.meta.vocab), theta: ck.theta, meta: ck.meta };
}

const cache = new WeakMap<LstmModel, Map<string, Workspace>>();

/** An inference workspace of the model for B × T, with the model's current parameters copied in. */
function workspace(model: LstmModel, B: number, T: number): Workspace {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = new Map()));
  const key = `${B}x${T}`;
  let ws = m.get(key);
  if (!ws) {
    ws = new Workspace(model.config, B, T, { ops: model.ops ?? 'wasm', train: false });
    m.set(key, ws);
  }
  ws.theta.set(model.theta);
  ws.resetState();
  return ws;
}

/**
 * Surprisal (nats) of each token of `ids` after the first, given the tokens before it. The text is cut into up to
 * 32 contiguous streams scored in parallel with the state carried along each stream, so each stream's first token
 * is context only; at most `maxTokens` tokens are scored (from the start).
 */
export function scoreIds(model: LstmModel, ids: Int32Array, maxTokens = Infinity, shouldStop?: () => boolean): Float32Array {
  const g = scoring(model, ids, maxTokens);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    if (shouldStop?.()) return new Float32Array(0);
  }
}

/** The work of scoreIds, one chunk of T positions per `next()`; yields the fraction done, returns the surprisals. */
function* scoring(model: LstmModel, ids: Int32Array, maxTokens: number): Generator<number, Float32Array, void> {
  const n = Math.min(ids.length, maxTokens);
  if (n < 2) throw new LmInputError(`the text is too short to score: it has ${n} token(s), at least 2 are needed`);
  const T = Math.min(model.config.vocabSize > 4096 ? 32 : 64, n - 1);
  const B = Math.max(1, Math.min(32, Math.floor((n - 1) / T)));
  const L = Math.floor((n - 1) / B);
  const ws = workspace(model, B, T);
  const out = new Float32Array(B * L);
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  for (let start = 0; start < L; start += T) {
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        const ok = start + t < L;
        const pos = b * L + start + t;
        inputs[b * T + t] = ok ? ids[pos] : 0;
        targets[b * T + t] = ok ? ids[pos + 1] : 0;
      }
    }
    ws.forward(inputs, targets, false);
    for (let b = 0; b < B; b++) for (let t = 0; t < T && start + t < L; t++) out[b * L + start + t] = ws.surp[t * B + b];
    if (start + T < L) yield (start + T) / L;
  }
  return out;
}

/** Perplexity = exp(mean surprisal) of a text under the model. */
export function perplexityOf(model: LstmModel, text: string, opts: { maxTokens?: number } = {}): PerplexityResult {
  const enc = model.vocab.encode(text);
  if (enc.ids.length === 0) throw new LmInputError('the text is empty (no tokens to score)');
  const s = scoreIds(model, enc.ids, opts.maxTokens);
  const m = summarise(s, model.vocab.level === 'char');
  return { level: model.vocab.level, ...m, unknown: enc.unknown.slice(0, 50), unknownCount: enc.unknownCount };
}

/**
 * perplexityOf for long texts in the worker: yields to the event loop every ~50 ms, reports the fraction done, and
 * throws StoppedError within a fraction of a second when `signal` aborts.
 */
export async function perplexityOfAsync(
  model: LstmModel,
  text: string,
  opts: { maxTokens?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<PerplexityResult> {
  const enc = model.vocab.encode(text);
  if (enc.ids.length === 0) throw new LmInputError('the text is empty (no tokens to score)');
  const s = await drainYielding(scoring(model, enc.ids, opts.maxTokens ?? Infinity), opts);
  const m = summarise(s, model.vocab.level === 'char');
  return { level: model.vocab.level, ...m, unknown: enc.unknown.slice(0, 50), unknownCount: enc.unknownCount };
}

/** Token-by-token inference with state (B = 1, T = 1). */
export class Stepper implements TokenStepper {
  private ws: Workspace;
  constructor(readonly model: LstmModel) {
    this.ws = workspace(model, 1, 1);
  }
  reset(): void {
    this.ws.resetState();
  }
  /** Feed one token; returns the distribution of the next one. */
  feed(id: number): Float64Array {
    this.ws.forward([id], null, false);
    return this.ws.probsAt(0);
  }
}

/** Generate `length` tokens after `prompt`. The unknown token is never generated. */
export function generate(model: LstmModel, opts: GenerateOptions = {}): GenerateResult {
  return generateWith(model.vocab, new Stepper(model), opts);
}

/** Teacher forcing next to free running on a piece of text (see teacherForcingWith). */
export function compareTeacherForcing(model: LstmModel, text: string, opts: { prefix?: number; length?: number } = {}): TeacherForcingComparison {
  return teacherForcingWith(model.vocab, new Stepper(model), text, opts);
}
