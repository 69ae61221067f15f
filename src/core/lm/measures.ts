/**
 * Language-model measures as the notes define them. Surprisal of a token = −ln p(token | context) (nats);
 * cross-entropy per token = mean surprisal; perplexity = exp(mean surprisal); bits per character = mean surprisal
 * / ln 2 (for a char-level model, where each token is one character).
 */

/** −ln p, with p clamped away from 0 so a zero probability gives a large finite surprisal. */
export function surprisal(p: number): number {
  return -Math.log(Math.max(p, 1e-30));
}

export function meanOf(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new RangeError('no tokens to average over');
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Cross-entropy per token (nats) from per-token surprisals. */
export function crossEntropy(surprisals: ArrayLike<number>): number {
  return meanOf(surprisals);
}

/** Perplexity = exp(mean surprisal). */
export function perplexity(surprisals: ArrayLike<number>): number {
  return Math.exp(meanOf(surprisals));
}

/** Bits per character from a per-character cross-entropy in nats. */
export function bitsPerChar(ceNats: number): number {
  return ceNats / Math.LN2;
}

/** Softmax of logits (stable), into a new Float64Array. `temperature` divides the logits. */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
  const n = logits.length;
  const out = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logits[i] / temperature);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.exp(logits[i] / temperature - max);
    sum += out[i];
  }
  for (let i = 0; i < n; i++) out[i] /= sum;
  return out;
}

/** Surprisal of `target` under the softmax of `logits`, computed stably as logsumexp − logit. */
export function surprisalFromLogits(logits: ArrayLike<number>, target: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] - max);
  return Math.log(sum) + max - logits[target];
}

/** A summary of held-out measures for reports. `bitsPerChar` only for char-level models. */
export interface LmMeasures {
  tokens: number;
  crossEntropy: number;
  perplexity: number;
  bitsPerChar?: number;
}

export function summarise(surprisals: ArrayLike<number>, charLevel: boolean): LmMeasures {
  const ce = crossEntropy(surprisals);
  return { tokens: surprisals.length, crossEntropy: ce, perplexity: Math.exp(ce), ...(charLevel ? { bitsPerChar: bitsPerChar(ce) } : {}) };
}
