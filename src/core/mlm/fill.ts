/**
 * Fill in the blank with a masked language model: the tokens at [start, start + length) of a text become [MASK],
 * the model reads a window of at most `seq` tokens around them, both sides at once, and for each blank gives its
 * k most probable tokens with their probabilities (softmax over the whole output; [MASK] and the unknown token are
 * never proposed). Positions count characters (code points, after line ends are normalised to \n) at char level and
 * words (sentence ends not counted) at word level.
 */
import { tf } from '../tf/backend';
import { ValidationError } from '../params';
import { EOS, splitTokens, type Vocab } from '../lm/vocab';
import type { TransformerLM } from '../attention/transformer';

export interface MaskedModel {
  model: TransformerLM;
  vocab: Vocab;
  maskId: number;
}

export interface FillCandidate {
  token: string;
  p: number;
}

export interface FillBlank {
  /** Index of the position in the text (characters or words). */
  index: number;
  original: string;
  candidates: FillCandidate[];
}

export interface FillResult {
  level: 'char' | 'word';
  /** The tokens the model read, the blanks shown as [MASK]. */
  context: string[];
  blanks: FillBlank[];
  /** The text with every blank replaced by its most probable token. */
  filled: string;
  /** The text was lowercased because the model knows no capital letters. */
  lowercased: boolean;
}

export const MASK_TOKEN = '[MASK]';
export const MAX_FILL_K = 50;

/** Whether a character model read only lowercase text (e.g. Brown): then a text is lowercased before reading. */
export function readsLowercase(vocab: Vocab, text: string): boolean {
  return vocab.level === 'char' && !vocab.tokens.some((t, i) => i > 0 && t !== t.toLowerCase()) && text !== text.toLowerCase();
}

/** The positions (into the token list) that count as text positions: every token, or every word but sentence ends. */
function countedPositions(tokens: string[], level: 'char' | 'word'): number[] {
  const out: number[] = [];
  tokens.forEach((t, i) => {
    if (level === 'char' || t !== EOS) out.push(i);
  });
  return out;
}

/** Softmax of one row of logits, in float64. */
function softmaxRow(z: Float32Array | Int32Array | Uint8Array, off: number, V: number): Float64Array {
  const p = new Float64Array(V);
  let mx = -Infinity;
  for (let v = 0; v < V; v++) mx = Math.max(mx, z[off + v]);
  let s = 0;
  for (let v = 0; v < V; v++) s += p[v] = Math.exp(z[off + v] - mx);
  for (let v = 0; v < V; v++) p[v] /= s;
  return p;
}

function checkRequest(n: number, start: number, length: number, k: number, unit: string, seq: number): void {
  if (n === 0) throw new ValidationError(`the text has no ${unit}s to fill in`);
  if (!Number.isInteger(start) || start < 0 || start >= n) throw new ValidationError(`the blank at ${start} is outside the text (it has ${n} ${unit}s, 0–${n - 1})`);
  if (!Number.isInteger(length) || length < 1 || start + length > n) throw new ValidationError(`a blank of ${length} ${unit}(s) at ${start} does not fit in the text (${n} ${unit}s)`);
  if (length > seq) throw new ValidationError(`the model reads ${seq} ${unit}s at once; a blank of ${length} is too long`);
  if (!Number.isInteger(k) || k < 1 || k > MAX_FILL_K) throw new ValidationError(`k must be a whole number from 1 to ${MAX_FILL_K}, got ${k}`);
}

/** Fill the blank at [start, start + length) of `text`; see the file comment. Throws ValidationError on bad input. */
export function fillMask(m: MaskedModel, text: string, start: number, length = 1, k = 5): FillResult {
  if (typeof text !== 'string' || text.length === 0) throw new ValidationError('the text is empty');
  const { model, vocab, maskId } = m;
  const level = vocab.level;
  const lowercased = readsLowercase(vocab, text);
  const tokens = splitTokens(lowercased ? text.toLowerCase() : text, level);
  const counted = countedPositions(tokens, level);
  const unit = level === 'char' ? 'character' : 'word';
  const T = model.cfg.seq;
  checkRequest(counted.length, start, length, k, unit, T);
  const first = counted[start];
  const last = counted[start + length - 1];
  // A window of at most T tokens with the blank in its middle.
  const from = Math.max(0, Math.min(tokens.length - T, Math.round((first + last + 1) / 2 - T / 2)));
  const window = tokens.slice(from, from + T);
  const ids = vocab.encodeTokens(window).ids;
  const blankAt: number[] = [];
  for (let i = start; i < start + length; i++) blankAt.push(counted[i] - from);
  for (const b of blankAt) ids[b] = maskId;
  const logits = tf.tidy(() => model.logits(ids, 1));
  const z = logits.dataSync() as Float32Array;
  logits.dispose();
  const V = model.cfg.vocab;
  const blanks: FillBlank[] = blankAt.map((b, j) => {
    const p = softmaxRow(z, b * V, V);
    const order = Array.from({ length: V }, (_, v) => v).filter((v) => v !== 0 && v !== maskId);
    order.sort((a, c) => p[c] - p[a]);
    return { index: start + j, original: window[b], candidates: order.slice(0, k).map((v) => ({ token: vocab.tokenText(v), p: p[v] })) };
  });
  const context = window.map((t, i) => (blankAt.includes(i) ? MASK_TOKEN : t));
  const filledTokens = tokens.slice();
  blankAt.forEach((b, j) => (filledTokens[b + from] = blanks[j].candidates[0].token));
  return { level, context, blanks, filled: level === 'char' ? filledTokens.join('') : filledTokens.map((t) => (t === EOS ? '\n' : t)).join(' '), lowercased };
}

/**
 * The blank for a selection [from, to) of `text` (UTF-16 offsets, as an editor gives them): at char level the code
 * points it covers, at word level the words it covers (at least one: the word it starts in).
 */
export function blankOfSelection(level: 'char' | 'word', text: string, from: number, to: number): { start: number; length: number } {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > text.length) throw new ValidationError(`the selection ${from}–${to} is outside the text (${text.length} characters)`);
  const count = (s: string) => countedPositions(splitTokens(s, level), level).length;
  if (level === 'char') return { start: count(text.slice(0, from)), length: Math.max(1, count(text.slice(from, to))) };
  // A word the selection starts inside counts as its first word (it is not yet counted before `from`).
  const before = text.slice(0, from);
  const inWord = /\w$/.test(before) && /^\w/.test(text.slice(from));
  const start = count(before) - (inWord ? 1 : 0);
  return { start, length: Math.max(1, count(text.slice(inWord ? from - (before.match(/\w+$/)?.[0].length ?? 0) : from, to))) };
}
