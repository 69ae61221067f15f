/**
 * 2D projections of word vectors for the Embeddings view: PCA (own code, pca.ts), UMAP (npm umap-js) and t-SNE
 * (npm @keckelt/tsne). Every method is seeded, so the same vectors and settings give the same map. Vectors are
 * unit-normalised first: on unit vectors Euclidean distance orders pairs as cosine does.
 */
import { TSNE } from '@keckelt/tsne';
import { UMAP } from 'umap-js';
import { Rng } from '../util/rng';
import { pca } from './pca';

export type ProjectionMethod = 'pca' | 'umap' | 'tsne';

export interface ProjectionOptions {
  seed?: number;
  /** UMAP: neighbours per point (local vs global structure). Default 15. */
  nNeighbors?: number;
  /** UMAP: how tightly points may pack. Default 0.1. */
  minDist?: number;
  /** UMAP: optimisation epochs (default: the library's choice by size; tests use fewer). */
  nEpochs?: number;
  /** t-SNE: effective number of neighbours. Default 30 (capped below the number of points). */
  perplexity?: number;
  /** t-SNE: learning rate. Default 10. */
  learningRate?: number;
  /** t-SNE: iterations. Default 500. */
  iterations?: number;
}

function unitRows(data: Float32Array, n: number, dim: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = Array.from(data.subarray(i * dim, (i + 1) * dim));
    const norm = Math.hypot(...r) || 1;
    rows.push(r.map((x) => x / norm));
  }
  return rows;
}

/** Project n rows of `dim` to 2D (settings: PROJECTION_PARAMS in params.ts). Returns [x0, y0, x1, y1, ...]. */
export function project2d(data: Float32Array, n: number, dim: number, method: ProjectionMethod, opts: ProjectionOptions = {}): Float64Array {
  if (n < 3) throw new Error(`a 2D map needs at least 3 words, got ${n}`);
  if (method === 'pca') return pca(data, n, dim, 2);
  const rng = new Rng(opts.seed ?? 1);
  const rows = unitRows(data, n, dim);
  if (method === 'umap') {
    const umap = new UMAP({
      nComponents: 2,
      nNeighbors: Math.min(opts.nNeighbors ?? 15, n - 1),
      minDist: opts.minDist ?? 0.1,
      nEpochs: opts.nEpochs,
      random: () => rng.next(),
    });
    return Float64Array.from(umap.fit(rows).flat());
  }
  const tsne = new TSNE({ dim: 2, perplexity: Math.min(opts.perplexity ?? 30, Math.max(2, (n - 1) / 3)), epsilon: opts.learningRate ?? 10 });
  tsne.initDataRaw(rows);
  // The library draws its initial layout from Math.random and has no seed option: lend it ours for that call.
  const saved = Math.random;
  Math.random = () => rng.next();
  try {
    tsne.initSolution();
  } finally {
    Math.random = saved;
  }
  for (let i = 0; i < (opts.iterations ?? 500); i++) tsne.step();
  return Float64Array.from((tsne.getSolution() as number[][]).flat());
}
