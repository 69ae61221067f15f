/**
 * Choosing the next token from a probability vector: greedy (argmax), or sampling with a temperature, top-k and
 * top-p (nucleus) truncation, from a seeded Rng so a seed reproduces the text.
 */
import { Rng } from '../util/rng';

export interface SamplingOptions {
  /** 0 = greedy (argmax). Otherwise probabilities are raised to 1/temperature and renormalised. Default 1. */
  temperature?: number;
  /** Keep only the k most probable tokens (0 = all). */
  topK?: number;
  /** Keep the smallest set of most probable tokens whose mass reaches p (1 = all). */
  topP?: number;
}

/**
 * Generation settings used when none are given: the CLI's `generate`, the editor's Generate Text and the samples
 * shown during training all read them from here.
 */
export const GENERATION_DEFAULTS = { length: 200, temperature: 0.8, topK: 0, topP: 1, seed: 1 } as const;

export function validateSampling(o: SamplingOptions): void {
  const t = o.temperature ?? 1;
  if (!(Number.isFinite(t) && t >= 0 && t <= 100)) throw new RangeError(`temperature must be between 0 and 100, got ${t}`);
  const k = o.topK ?? 0;
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`top-k must be a whole number ≥ 0, got ${k}`);
  const p = o.topP ?? 1;
  if (!(Number.isFinite(p) && p > 0 && p <= 1)) throw new RangeError(`top-p must be in (0, 1], got ${p}`);
}

export function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
  return best;
}

/**
 * The distribution actually sampled from after temperature, top-k and top-p (a new array summing to 1). With
 * temperature 0 it is one-hot on the argmax.
 */
export function adjustedDistribution(probs: ArrayLike<number>, o: SamplingOptions = {}): Float64Array {
  validateSampling(o);
  const n = probs.length;
  const out = new Float64Array(n);
  const t = o.temperature ?? 1;
  if (t === 0) {
    out[argmax(probs)] = 1;
    return out;
  }
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, probs[i]);
  if (!(max > 0)) throw new RangeError('the probability vector has no positive entry');
  // p^(1/t) computed in log space relative to the max, to stay finite for small t.
  for (let i = 0; i < n; i++) out[i] = probs[i] > 0 ? Math.exp((Math.log(probs[i]) - Math.log(max)) / t) : 0;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => out[b] - out[a] || a - b);
  let keep = n;
  const k = o.topK ?? 0;
  if (k > 0) keep = Math.min(keep, k);
  const p = o.topP ?? 1;
  if (p < 1) {
    let total = 0;
    for (let i = 0; i < n; i++) total += out[i];
    let mass = 0;
    for (let r = 0; r < keep; r++) {
      mass += out[order[r]] / total;
      if (mass >= p - 1e-12) {
        keep = r + 1;
        break;
      }
    }
  }
  for (let r = keep; r < n; r++) out[order[r]] = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i];
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** Pick the next token index. */
export function sampleIndex(probs: ArrayLike<number>, o: SamplingOptions, rng: Rng): number {
  if ((o.temperature ?? 1) === 0) {
    validateSampling(o);
    return argmax(probs);
  }
  const d = adjustedDistribution(probs, o);
  const u = rng.next();
  let acc = 0;
  let last = 0;
  for (let i = 0; i < d.length; i++) {
    if (d[i] <= 0) continue;
    acc += d[i];
    last = i;
    if (u < acc) return i;
  }
  return last;
}
