/**
 * Using any trained language model one token at a time: generation from a prompt (greedy, temperature, top-k,
 * top-p, seeded) with each token's probability, and teacher forcing next to free running on a piece of text. An
 * engine (the LSTM, the causal Transformer) supplies a `TokenStepper`: feed a token, get the next token's
 * distribution. No tfjs.
 */
import { EOS, splitTokens, type LmLevel, type Vocab } from './vocab';
import { surprisal } from './measures';
import { sampleIndex, validateSampling } from './sampling';
import { Rng } from '../util/rng';
import type { GenerateOptions, GenerateResult, TeacherForcingComparison, TeacherForcingStep, TokenInfo } from './types';
import { StoppedError } from '../training';

/** Token-by-token inference of one model: `feed` returns the distribution of the token after those fed so far. */
export interface TokenStepper {
  reset(): void;
  feed(id: number): ArrayLike<number>;
}

export class LmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LmInputError';
  }
}

/** The token a text is conditioned on first (a line start for characters, a sentence end for words). */
export function startId(vocab: Vocab): number {
  return vocab.idOf(vocab.level === 'char' ? '\n' : EOS) ?? vocab.idOf(' ') ?? 0;
}

/**
 * How each token shows in running text: concatenated they spell the passage (characters as they are; words with a
 * space before them except at a line start; the end of a sentence as a line break). `unknown[i]` is the spelling of
 * an unknown token (id 0) when known.
 */
export function displayStrings(vocab: Vocab, ids: ArrayLike<number>, spelling?: (i: number) => string | undefined): string[] {
  const out: string[] = [];
  let lineStart = true;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const text = (id === 0 ? spelling?.(i) : undefined) ?? vocab.tokenText(id);
    if (vocab.level === 'char') out.push(text);
    else if (id !== 0 && vocab.tokens[id] === EOS) out.push('\n');
    else out.push((lineStart ? '' : ' ') + text);
    lineStart = vocab.level === 'word' && id !== 0 && vocab.tokens[id] === EOS;
  }
  return out;
}

/** Display strings of split tokens (the unknown ones keep their own spelling). */
export function displayTokens(level: LmLevel, toks: readonly string[]): string[] {
  const out: string[] = [];
  let lineStart = true;
  for (const t of toks) {
    if (level === 'char') out.push(t);
    else out.push(t === EOS ? '\n' : (lineStart ? '' : ' ') + t);
    lineStart = level === 'word' && t === EOS;
  }
  return out;
}

/** Generate `length` tokens after `prompt`. The unknown token is never generated. */
export function generateWith(vocab: Vocab, st: TokenStepper, opts: GenerateOptions = {}): GenerateResult {
  const length = opts.length ?? 200;
  if (!(Number.isInteger(length) && length >= 0 && length <= 100_000)) throw new LmInputError(`length must be a whole number from 0 to 100000, got ${length}`);
  try {
    validateSampling(opts);
  } catch (e) {
    throw new LmInputError((e as Error).message);
  }
  const prompt = opts.prompt ?? '';
  const promptToks = splitTokens(prompt, vocab.level);
  const enc = vocab.encodeTokens(promptToks);
  st.reset();
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
  const all = [...promptTokens, ...tokens];
  const shown = displayStrings(vocab, all.map((t) => t.id), (i) => (all[i].text.length ? all[i].text : undefined));
  all.forEach((t, i) => (t.display = shown[i]));
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

function best(probs: ArrayLike<number>): number {
  let b = 1;
  for (let k = 1; k < probs.length; k++) if (probs[k] > probs[b]) b = k;
  return b;
}

/**
 * "Free running vs teacher forcing" on a piece of text: the first `prefix` tokens are context; over the next
 * `length` tokens, teacher forcing predicts each token from the true history, while free running continues from
 * its own previous outputs (greedy). Errors compound only in free running — the contrast the notes draw.
 */
export function teacherForcingWith(vocab: Vocab, st: TokenStepper, text: string, opts: { prefix?: number; length?: number } = {}): TeacherForcingComparison {
  const ids = vocab.encode(text).ids;
  const prefixN = Math.min(opts.prefix ?? (vocab.level === 'char' ? 40 : 8), Math.max(1, ids.length - 1));
  const length = Math.min(opts.length ?? (vocab.level === 'char' ? 80 : 20), ids.length - prefixN);
  if (ids.length < 2 || length < 1) throw new LmInputError('the text is too short to compare teacher forcing and free running (needs at least 2 tokens)');
  const afterPrefix = (): ArrayLike<number> => {
    st.reset();
    let probs = st.feed(startId(vocab));
    for (let i = 0; i < prefixN; i++) probs = st.feed(ids[i]);
    return probs;
  };
  let probs = afterPrefix();
  const teacherForced: TeacherForcingStep[] = [];
  for (let i = prefixN; i < prefixN + length; i++) {
    const b = best(probs);
    teacherForced.push({ truth: vocab.tokenText(ids[i]), predicted: vocab.tokenText(b), probOfTruth: probs[ids[i]], surprisal: surprisal(probs[ids[i]]), correct: b === ids[i] });
    probs = st.feed(ids[i]);
  }
  // free running from the same state after the prefix
  probs = afterPrefix();
  const freeRunning: TokenInfo[] = [];
  let matches = 0;
  for (let i = 0; i < length; i++) {
    const b = best(probs);
    freeRunning.push({ text: vocab.tokenText(b), id: b, prob: probs[b], surprisal: surprisal(probs[b]) });
    if (b === ids[prefixN + i]) matches++;
    probs = st.feed(b);
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

/**
 * Run a scoring generator (it yields the fraction done) in the worker: yields to the event loop every ~50 ms,
 * reports progress, and throws StoppedError within a fraction of a second when `signal` aborts.
 */
export async function drainYielding<T>(g: Generator<number, T, void>, opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<T> {
  let last = Date.now();
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    if (opts.signal?.aborted) throw new StoppedError();
    if (Date.now() - last >= 50) {
      opts.onProgress?.(r.value);
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = Date.now();
      if (opts.signal?.aborted) throw new StoppedError();
    }
  }
}
