/**
 * 2D projections of word vectors for the Embeddings view: PCA (own code, pca.ts), UMAP (npm umap-js) and t-SNE
 * (npm @keckelt/tsne for small maps; own Barnes–Hut t-SNE, bhtsne.ts, above EXACT_TSNE_MAX words, where the exact
 * method's n × n matrices no longer fit). Every method is seeded, so the same vectors and settings give the same map.
 * Vectors are unit-normalised first: on unit vectors Euclidean distance orders pairs as cosine does.
 *
 * A projection is a sequence of small steps (`projection()`): the nearest-neighbour search one row at a time, then
 * one optimisation epoch at a time, so `projectAsync` can report progress, yield to the event loop and stop between
 * steps; `project2d` runs the same steps in one go.
 */
import { TSNE } from '@keckelt/tsne';
import { UMAP } from 'umap-js';
import { StoppedError } from '../training';
import { Rng } from '../util/rng';
import { BhTsne, type NeighbourGraph } from './bhtsne';
import { pca } from './pca';
import { WordVectors } from './vectors';

export type ProjectionMethod = 'pca' | 'umap' | 'tsne';

/** Above this many words t-SNE runs Barnes–Hut (exact t-SNE keeps three n × n float64 matrices). */
export const EXACT_TSNE_MAX = 1500;

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
  /** t-SNE: learning rate. Default 10 (exact) or max(200, n / 12) (Barnes–Hut). */
  learningRate?: number;
  /** t-SNE: iterations. Default 500 (exact) or 750 (Barnes–Hut). */
  iterations?: number;
  /** t-SNE: the largest map computed exactly (default EXACT_TSNE_MAX). */
  exactMax?: number;
}

/** Where a projection is: `phase` and `done` of `total` steps in it. */
export interface ProjectionProgress {
  phase: 'neighbours' | 'optimising' | 'done';
  done: number;
  total: number;
}

/** A projection in steps: call `step()` until it returns true, then `result()`. */
export interface Projection {
  progress(): ProjectionProgress;
  step(): boolean;
  result(): Float64Array;
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

/**
 * The k nearest rows of every row by cosine (itself excluded), one row per call of `step`; distances are those of
 * the unit vectors (squared: 2 − 2·cos).
 */
class NeighbourSearch {
  readonly graph: NeighbourGraph;
  private readonly vectors: WordVectors;
  row = 0;

  constructor(data: Float32Array, readonly n: number, dim: number, readonly k: number) {
    this.vectors = new WordVectors({ words: Array.from({ length: n }, (_, i) => String(i)), dim, vectors: data.subarray(0, n * dim) });
    this.graph = { k, index: new Int32Array(n * k), dist2: new Float32Array(n * k) };
  }

  get done(): boolean {
    return this.row >= this.n;
  }

  step(): void {
    const { index, score } = this.vectors.nearestRows(this.row, this.k);
    this.graph.index.set(index, this.row * this.k);
    for (let j = 0; j < this.k; j++) this.graph.dist2[this.row * this.k + j] = Math.max(0, 2 - 2 * score[j]);
    this.row++;
  }
}

/** An optimisation that runs `total` steps after the neighbour search. */
interface Optimiser {
  total: number;
  steps: number;
  step(): void;
  result(): Float64Array;
}

/** Neighbour search, then optimisation epochs, as one Projection. */
function twoPhase(search: NeighbourSearch, start: () => Optimiser): Projection {
  let opt: Optimiser | undefined;
  return {
    progress: () => (!opt ? { phase: 'neighbours', done: search.row, total: search.n } : { phase: opt.steps >= opt.total ? 'done' : 'optimising', done: opt.steps, total: opt.total }),
    step() {
      if (!search.done) {
        search.step();
        return false;
      }
      opt ??= start();
      if (opt.steps < opt.total) {
        opt.step();
        opt.steps++;
      }
      return opt.steps >= opt.total;
    },
    result: () => opt!.result(),
  };
}

function umapProjection(data: Float32Array, n: number, dim: number, opts: ProjectionOptions): Projection {
  const k = Math.min(opts.nNeighbors ?? 15, n - 1);
  const search = new NeighbourSearch(data, n, dim, k - 1);
  return twoPhase(search, () => {
    const rng = new Rng(opts.seed ?? 1);
    const umap = new UMAP({ nComponents: 2, nNeighbors: k, minDist: opts.minDist ?? 0.1, nEpochs: opts.nEpochs, random: () => rng.next() });
    // umap-js takes each row's neighbours with the row itself first, at distance 0.
    const knnIndices: number[][] = [];
    const knnDistances: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row = Array.from(search.graph.index.subarray(i * (k - 1), (i + 1) * (k - 1)));
      knnIndices.push([i, ...row]);
      knnDistances.push([0, ...Array.from(search.graph.dist2.subarray(i * (k - 1), (i + 1) * (k - 1)), Math.sqrt)]);
    }
    umap.setPrecomputedKNN(knnIndices, knnDistances);
    const total = umap.initializeFit(unitRows(data, n, dim));
    return { total, steps: 0, step: () => void umap.step(), result: () => Float64Array.from(umap.getEmbedding().flat()) };
  });
}

function bhTsneProjection(data: Float32Array, n: number, dim: number, opts: ProjectionOptions): Projection {
  const perplexity = Math.min(opts.perplexity ?? 30, Math.max(2, (n - 1) / 3));
  const search = new NeighbourSearch(data, n, dim, Math.min(n - 1, Math.floor(3 * perplexity)));
  return twoPhase(search, () => {
    const t = new BhTsne(search.graph, n, { perplexity, iterations: opts.iterations ?? 750, learningRate: opts.learningRate, seed: opts.seed ?? 1 });
    return { total: opts.iterations ?? 750, steps: 0, step: () => t.step(), result: () => Float64Array.from(t.Y) };
  });
}

function exactTsneProjection(data: Float32Array, n: number, dim: number, opts: ProjectionOptions): Projection {
  const rng = new Rng(opts.seed ?? 1);
  const tsne = new TSNE({ dim: 2, perplexity: Math.min(opts.perplexity ?? 30, Math.max(2, (n - 1) / 3)), epsilon: opts.learningRate ?? 10 });
  tsne.initDataRaw(unitRows(data, n, dim));
  // The library draws its initial layout from Math.random and has no seed option: lend it ours for that call.
  const saved = Math.random;
  Math.random = () => rng.next();
  try {
    tsne.initSolution();
  } finally {
    Math.random = saved;
  }
  const total = opts.iterations ?? 500;
  let done = 0;
  return {
    progress: () => ({ phase: done >= total ? 'done' : 'optimising', done, total }),
    step() {
      if (done < total) {
        tsne.step();
        done++;
      }
      return done >= total;
    },
    result: () => Float64Array.from((tsne.getSolution() as number[][]).flat()),
  };
}

/** A projection of n rows of `dim` to 2D, in steps (settings: PROJECTION_PARAMS in params.ts). */
export function projection(data: Float32Array, n: number, dim: number, method: ProjectionMethod, opts: ProjectionOptions = {}): Projection {
  if (n < 3) throw new Error(`a 2D map needs at least 3 words, got ${n}`);
  if (method === 'pca') {
    let xy: Float64Array | undefined;
    return {
      progress: () => ({ phase: xy ? 'done' : 'optimising', done: xy ? 1 : 0, total: 1 }),
      step: () => Boolean((xy = pca(data, n, dim, 2))),
      result: () => xy!,
    };
  }
  if (method === 'umap') return umapProjection(data, n, dim, opts);
  return n <= (opts.exactMax ?? EXACT_TSNE_MAX) ? exactTsneProjection(data, n, dim, opts) : bhTsneProjection(data, n, dim, opts);
}

/** Project n rows of `dim` to 2D in one go. Returns [x0, y0, x1, y1, ...]. */
export function project2d(data: Float32Array, n: number, dim: number, method: ProjectionMethod, opts: ProjectionOptions = {}): Float64Array {
  const p = projection(data, n, dim, method, opts);
  while (!p.step()) {
    // every step runs here
  }
  return p.result();
}

/**
 * The same projection, yielding to the event loop every ~30 ms (so other messages are answered meanwhile),
 * reporting progress there and stopping with a StoppedError when `signal` aborts.
 */
export async function projectAsync(
  data: Float32Array,
  n: number,
  dim: number,
  method: ProjectionMethod,
  opts: ProjectionOptions,
  run: { signal?: AbortSignal; onProgress?: (p: ProjectionProgress) => void } = {},
): Promise<Float64Array> {
  const p = projection(data, n, dim, method, opts);
  for (let slice = performance.now(); !p.step(); ) {
    if (performance.now() - slice < 30) continue;
    run.onProgress?.(p.progress());
    await new Promise((r) => setImmediate(r));
    if (run.signal?.aborted) throw new StoppedError();
    slice = performance.now();
  }
  run.onProgress?.({ phase: 'done', done: 1, total: 1 });
  return p.result();
}
