/** The embedding snapshot the study panel draws: the most frequent words with 2D PCA coordinates. */
import type { Word2vecModel } from './model';
import { pca } from './pca';

export interface EmbeddingSnapshot {
  words: string[];
  /** Flat [x0, y0, x1, y1, ...], same order as words. */
  xy: number[];
}

/**
 * Pure: the top `n` words (by corpus count when known, else file order) projected on their first two principal
 * components. Structured-cloneable, so it can ride in a progress message.
 */
export function embeddingSnapshot(model: Pick<Word2vecModel, 'words' | 'counts' | 'dim' | 'vectors'>, n = 300): EmbeddingSnapshot {
  const { words, data } = frequentRows(model, n);
  const xy = pca(data, words.length, model.dim, 2);
  return { words, xy: Array.from(xy, (x) => Math.round(x * 1e5) / 1e5) };
}

/** The `n` most frequent words (by count when known, else file order) and their vectors, for a 2D map. */
export function frequentRows(model: Pick<Word2vecModel, 'words' | 'counts' | 'dim' | 'vectors'>, n: number): { words: string[]; data: Float32Array } {
  const order = model.words.map((_, i) => i);
  if (model.counts.some((c) => c > 0)) order.sort((a, b) => model.counts[b] - model.counts[a] || a - b);
  const pick = order.slice(0, Math.min(n, order.length));
  const data = new Float32Array(pick.length * model.dim);
  pick.forEach((w, i) => data.set(model.vectors.subarray(w * model.dim, (w + 1) * model.dim), i * model.dim));
  return { words: pick.map((w) => model.words[w]), data };
}
