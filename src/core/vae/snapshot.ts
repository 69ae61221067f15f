/**
 * What the latent-space view draws of an autoencoder or VAE, from the engine: the codes of (a sample of) the data
 * coloured by class, inputs beside their reconstructions, the decodings of a grid across the latent plane (for word
 * vectors also the nearest word to each), and the per-epoch ELBO terms. The worker sends one after every epoch
 * while a job trains, and one for a saved model.
 */
import type { Dataset } from './data';
import { decodeAll, encodeAll, latentGrid, sampleRows, type AutoencoderModel, type EpochPoint, type LatentGrid } from './train';

export interface LatentSnapshot {
  kind: 'autoencoder' | 'vae';
  beta: number;
  latent: number;
  data: { kind: Dataset['kind']; source: string; shape: number[]; classNames: string[]; recon: Dataset['recon']; rows: number };
  /** Codes of the sampled rows: the first two latent coordinates (a 1-D code has y = 0), with each row's class. */
  points: { xy: number[]; labels: number[]; words?: string[] };
  /** A few rows and their reconstructions (for 2-D points, every sampled row). */
  reconstructions: { label: number; word?: string; nearest?: string; input: number[]; output: number[] }[];
  /** Decodings across the latent plane; for word vectors, the nearest word to each decoding. */
  grid: LatentGrid & { nearest?: string[] };
  history: EpochPoint[];
}

export const SNAPSHOT_POINTS = 600;
export const SNAPSHOT_GRID = 8;

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The view's snapshot of `model` on `data` (rows sampled with a fixed seed, so snapshots of one run line up). */
export function latentSnapshot(model: AutoencoderModel, data: Dataset, history: readonly EpochPoint[], gridN = SNAPSHOT_GRID): LatentSnapshot {
  const L = model.cfg.latent;
  const D = data.dim;
  const codes = encodeAll(model, data.x, data.n);
  const grid = latentGrid(model, codes, data.n, gridN);
  const idx = sampleRows(data.n, SNAPSHOT_POINTS, 7);
  const xy: number[] = [];
  for (const i of idx) xy.push(r4(codes[i * L]), L > 1 ? r4(codes[i * L + 1]) : 0);
  const shown = data.kind === 'points' ? idx.slice(0, 300) : idx.filter((_, k) => k % Math.max(1, Math.floor(idx.length / 6)) === 0).slice(0, 6);
  const z = new Float64Array(shown.length * L);
  shown.forEach((i, r) => z.set(codes.subarray(i * L, (i + 1) * L), r * L));
  const out = decodeAll(model, z, shown.length);
  const reconstructions = shown.map((i, r) => {
    const output = Array.from(out.subarray(r * D, (r + 1) * D), r4);
    return {
      label: data.labels[i],
      ...(data.words ? { word: data.words[i], nearest: data.words[nearestRow(data.x, data.n, D, output)] } : {}),
      input: Array.from(data.x.subarray(i * D, (i + 1) * D), r4),
      output,
    };
  });
  return {
    kind: model.cfg.kind,
    beta: model.beta,
    latent: L,
    data: { kind: data.kind, source: data.source, shape: data.shape, classNames: data.classNames, recon: data.recon, rows: data.n },
    points: { xy, labels: idx.map((i) => data.labels[i]), ...(data.words ? { words: idx.map((i) => data.words![i]) } : {}) },
    reconstructions,
    grid: { ...grid, ...(data.words ? { nearest: grid.decoded.map((v) => data.words![nearestRow(data.x, data.n, D, v)]) } : {}) },
    history: history.slice(),
  };
}

/** The row of `x` (n × dim) with the largest cosine similarity to v. */
export function nearestRow(x: Float64Array, n: number, dim: number, v: ArrayLike<number>): number {
  let best = 0;
  let bestCos = -Infinity;
  let vn = 0;
  for (let d = 0; d < dim; d++) vn += v[d] * v[d];
  for (let i = 0; i < n; i++) {
    let dot = 0;
    let xn = 0;
    for (let d = 0; d < dim; d++) {
      dot += x[i * dim + d] * v[d];
      xn += x[i * dim + d] ** 2;
    }
    const c = dot / Math.sqrt(xn * vn || 1);
    if (c > bestCos) {
      bestCos = c;
      best = i;
    }
  }
  return best;
}
