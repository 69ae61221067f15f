/**
 * Using a trained LSTM language model: scoring text (surprisal of every token, cross-entropy, perplexity, bits
 * per character), generating from a prompt (greedy, temperature, top-k, top-p, seeded) with each token's
 * probability, and contrasting teacher forcing with free running on a piece of text.
 */
import { Vocab, EOS, splitTokens } from '../lm/vocab';
import { summarise, surprisal } from '../lm/measures';
import { sampleIndex, validateSampling } from '../lm/sampling';
import type { GenerateOptions, GenerateResult, PerplexityResult, TeacherForcingComparison, TeacherForcingStep, TokenInfo } from '../lm/types';

export type { GenerateOptions, GenerateResult, PerplexityResult, TeacherForcingComparison, TeacherForcingStep, TokenInfo };
import { Rng } from '../util/rng';
import { StoppedError } from '../training';
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

export class LmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LmInputError';
  }
}

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
  const g = scoring(model, enc.ids, opts.maxTokens ?? Infinity);
  let last = Date.now();
  let s: Float32Array;
  for (;;) {
    const r = g.next();
    if (r.done) {
      s = r.value;
      break;
    }
    if (opts.signal?.aborted) throw new StoppedError();
    if (Date.now() - last >= 50) {
      opts.onProgress?.(r.value);
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = Date.now();
      if (opts.signal?.aborted) throw new StoppedError();
    }
  }
  const m = summarise(s, model.vocab.level === 'char');
  return { level: model.vocab.level, ...m, unknown: enc.unknown.slice(0, 50), unknownCount: enc.unknownCount };
}

/** Token-by-token inference with state (B = 1, T = 1). */
export class Stepper {
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

function startId(vocab: Vocab): number {
  return vocab.idOf(vocab.level === 'char' ? '\n' : EOS) ?? vocab.idOf(' ') ?? 0;
}

/** Generate `length` tokens after `prompt`. The unknown token is never generated. */
export function generate(model: LstmModel, opts: GenerateOptions = {}): GenerateResult {
  const length = opts.length ?? 200;
  if (!(Number.isInteger(length) && length >= 0 && length <= 100_000)) throw new LmInputError(`length must be a whole number from 0 to 100000, got ${length}`);
  try {
    validateSampling(opts);
  } catch (e) {
    throw new LmInputError((e as Error).message);
  }
  const vocab = model.vocab;
  const prompt = opts.prompt ?? '';
  const promptToks = splitTokens(prompt, vocab.level);
  const enc = vocab.encodeTokens(promptToks);
  const st = new Stepper(model);
  const promptTokens: TokenInfo[] = [];
  // Condition on a start token first (a line start / sentence end), so the first prompt token is scored too.
  let probs = st.feed(startId(vocab));
  for (let i = 0; i < enc.ids.length; i++) {
    const id = enc.ids[i];
    // unknown tokens keep their own spelling, so the panel can show which ones the model did not know
    promptTokens.push({ text: id === 0 ? promptToks[i] : vocab.tokenText(id), id, prob: probs[id], surprisal: surprisal(probs[id]) });
    probs = st.feed(id);
  }
  const rng = new Rng(opts.seed ?? 1);
  const tokens: TokenInfo[] = [];
  for (let k = 0; k < length; k++) {
    const masked = Float64Array.from(probs);
    masked[0] = 0; // never generate <unk>
    let id: number;
    try {
      id = sampleIndex(masked, opts, rng);
    } catch {
      id = 0;
    }
    tokens.push({ text: vocab.tokenText(id), id, prob: probs[id], surprisal: surprisal(probs[id]) });
    probs = st.feed(id);
  }
  // display strings: concatenated, prompt then continuation, they spell the passage
  let lineStart = true;
  for (const t of [...promptTokens, ...tokens]) {
    if (vocab.level === 'char') t.display = t.id === 0 && t.text.length ? t.text : vocab.tokenText(t.id);
    else if (t.id !== 0 && vocab.tokens[t.id] === EOS) {
      t.display = '\n';
      lineStart = true;
      continue;
    } else t.display = (lineStart ? '' : ' ') + t.text;
    lineStart = false;
  }
  return {
    level: vocab.level,
    prompt,
    promptTokens,
    tokens,
    text: vocab.decode(tokens.map((t) => t.id)),
    unknown: enc.unknown,
    unknownCount: enc.unknownCount,
  };
}

/**
 * "Free running vs teacher forcing" on a piece of text: the first `prefix` tokens are context; over the next
 * `length` tokens, teacher forcing predicts each token from the true history, while free running continues from
 * its own previous outputs (greedy). Errors compound only in free running — the contrast the notes draw.
 */
export function compareTeacherForcing(model: LstmModel, text: string, opts: { prefix?: number; length?: number } = {}): TeacherForcingComparison {
  const vocab = model.vocab;
  const ids = vocab.encode(text).ids;
  const prefixN = Math.min(opts.prefix ?? (vocab.level === 'char' ? 40 : 8), Math.max(1, ids.length - 1));
  const length = Math.min(opts.length ?? (vocab.level === 'char' ? 80 : 20), ids.length - prefixN);
  if (ids.length < 2 || length < 1) throw new LmInputError('the text is too short to compare teacher forcing and free running (needs at least 2 tokens)');
  const st = new Stepper(model);
  let probs = st.feed(startId(vocab));
  for (let i = 0; i < prefixN; i++) probs = st.feed(ids[i]);
  const teacherForced: TeacherForcingStep[] = [];
  for (let i = prefixN; i < prefixN + length; i++) {
    let best = 1;
    for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    teacherForced.push({ truth: vocab.tokenText(ids[i]), predicted: vocab.tokenText(best), probOfTruth: probs[ids[i]], surprisal: surprisal(probs[ids[i]]), correct: best === ids[i] });
    probs = st.feed(ids[i]);
  }
  // free running from the same state after the prefix
  st.reset();
  probs = st.feed(startId(vocab));
  for (let i = 0; i < prefixN; i++) probs = st.feed(ids[i]);
  const freeRunning: TokenInfo[] = [];
  let matches = 0;
  for (let i = 0; i < length; i++) {
    let best = 1;
    for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    freeRunning.push({ text: vocab.tokenText(best), id: best, prob: probs[best], surprisal: surprisal(probs[best]) });
    if (best === ids[prefixN + i]) matches++;
    probs = st.feed(best);
  }
  const correct = teacherForced.filter((s) => s.correct).length;
  const predictedIds = teacherForced.map((s) => vocab.idOf(s.predicted) ?? 0);
  return {
    level: vocab.level,
    prefix: vocab.decode(ids.subarray(0, prefixN)),
    truth: vocab.decode(ids.subarray(prefixN, prefixN + length)),
    teacherForced,
    teacherForcedText: vocab.decode(predictedIds),
    teacherForcedAccuracy: correct / length,
    freeRunning,
    freeRunningText: vocab.decode(freeRunning.map((t) => t.id)),
    freeRunningMatches: matches,
  };
}
