/**
 * Training and using the autoencoders: mini-batch Adam over shuffled rows, one progress report per epoch with the
 * ELBO's two terms, and what the views need afterwards (codes of the data, reconstructions, decodings across the
 * latent plane, how well the codes separate the classes).
 */
import type { ParamValues } from '../params';
import { checkStopped, makeYielder, StoppedError, type TrainContext } from '../training';
import { Rng } from '../util/rng';
import type { Dataset } from './data';
import { Adam, type AutoencoderConfig, initParams, Workspace } from './model';
import type { AutoencoderKind } from './params';
import { latentSnapshot } from './snapshot';

export interface EpochPoint {
  epoch: number;
  /** Mean training loss of the epoch (rec + β·KL). */
  loss: number;
  recon: number;
  kl: number;
  seconds: number;
}

export interface AutoencoderModel {
  cfg: AutoencoderConfig;
  theta: Float64Array;
  params: ParamValues;
  beta: number;
}

export interface TrainResult {
  model: AutoencoderModel;
  history: EpochPoint[];
  epochs: number;
  steps: number;
  seconds: number;
  stopped: boolean;
  /** Loss terms of the untrained and the trained model on the whole data (same noise). */
  before: Evaluation;
  after: Evaluation;
}

export interface Evaluation {
  recon: number;
  kl: number;
  /** rec + β·KL, the training objective. */
  loss: number;
}

/** Chunk size of the batched passes used for evaluation and encoding. */
const CHUNK = 256;

function rowsOf(data: Dataset, from: number, to: number): Float64Array {
  return data.x.subarray(from * data.dim, to * data.dim);
}

/**
 * Mean loss terms over a data set. For the VAE the reconstruction term is a one-sample Monte-Carlo estimate of
 * E_q[−log p(x|z)] drawn from a generator seeded with `seed`, so two models evaluated with one seed see the same ε.
 */
export function evaluate(model: AutoencoderModel, data: Dataset, seed = 12345): Evaluation {
  const ws = new Workspace(model.cfg, CHUNK);
  const rng = new Rng(seed);
  let recon = 0;
  let kl = 0;
  for (let from = 0; from < data.n; from += CHUNK) {
    const B = Math.min(CHUNK, data.n - from);
    if (model.cfg.kind === 'vae') for (let i = 0; i < B * model.cfg.latent; i++) ws.eps[i] = rng.normal();
    const r = ws.forward(model.theta, rowsOf(data, from, from + B), B, model.beta);
    recon += r.recon * B;
    kl += r.kl * B;
  }
  recon /= data.n;
  kl /= data.n;
  return { recon, kl, loss: recon + (model.cfg.kind === 'vae' ? model.beta * kl : 0) };
}

export function configFor(kind: AutoencoderKind, params: ParamValues, data: Dataset): AutoencoderConfig {
  return { kind, inputDim: data.dim, hidden: params.hidden as number, latent: params.latent as number, recon: data.recon };
}

/**
 * Train an autoencoder or VAE. With `snapshots`, each epoch's progress report carries the latent-space view's
 * snapshot (`extra.latent`).
 */
export async function trainAutoencoder(kind: AutoencoderKind, params: ParamValues, data: Dataset, ctx: TrainContext, opts: { snapshots?: boolean } = {}): Promise<TrainResult> {
  const cfg = configFor(kind, params, data);
  const epochs = params.epochs as number;
  const batch = Math.min(params.batch as number, data.n);
  const beta = kind === 'vae' ? (params.beta as number) : 0;
  const seed = params.seed as number;
  const model: AutoencoderModel = { cfg, theta: initParams(cfg, seed), params, beta };
  const before = evaluate(model, data);
  const ws = new Workspace(cfg, batch);
  const adam = new Adam(model.theta.length, params.lr as number);
  const rng = new Rng(seed + 1);
  const order = Array.from({ length: data.n }, (_, i) => i);
  const xb = new Float64Array(batch * data.dim);
  const pause = makeYielder();
  const started = Date.now();
  const history: EpochPoint[] = [];
  const stepsPerEpoch = Math.ceil(data.n / batch);
  let steps = 0;
  let stopped = false;
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      rng.shuffle(order);
      let sumLoss = 0;
      let sumRec = 0;
      let sumKl = 0;
      for (let from = 0; from < data.n; from += batch) {
        const B = Math.min(batch, data.n - from);
        for (let r = 0; r < B; r++) xb.set(data.x.subarray(order[from + r] * data.dim, (order[from + r] + 1) * data.dim), r * data.dim);
        if (kind === 'vae') for (let i = 0; i < B * cfg.latent; i++) ws.eps[i] = rng.normal();
        const r = ws.forward(model.theta, xb, B, beta);
        if (!Number.isFinite(r.loss)) throw new Error(`the loss diverged (${r.loss}) at epoch ${epoch}; lower the learning rate`);
        ws.backward(model.theta);
        adam.step(model.theta, ws.grad);
        steps++;
        sumLoss += r.loss * B;
        sumRec += r.recon * B;
        sumKl += r.kl * B;
        checkStopped(ctx.signal);
        await pause();
      }
      const point = { epoch, loss: sumLoss / data.n, recon: sumRec / data.n, kl: sumKl / data.n, seconds: (Date.now() - started) / 1000 };
      history.push(point);
      const extra = opts.snapshots ? { latent: latentSnapshot(model, data, history) } : undefined;
      ctx.onProgress({ step: epoch * stepsPerEpoch, total: epochs * stepsPerEpoch, epoch, loss: point.loss, metrics: { recon: point.recon, kl: point.kl }, extra });
    }
  } catch (e) {
    if (!(e instanceof StoppedError)) throw e;
    stopped = true;
  }
  return { model, history, epochs: history.length, steps, seconds: (Date.now() - started) / 1000, stopped, before, after: evaluate(model, data) };
}

/** Codes of every row: z for the autoencoder, the mean μ of q(z|x) for the VAE. n × latent, row-major. */
export function encodeAll(model: AutoencoderModel, x: Float64Array, n: number): Float64Array {
  const { latent: L, inputDim: D, kind } = model.cfg;
  const E = kind === 'vae' ? 2 * L : L;
  const ws = new Workspace(model.cfg, CHUNK);
  const codes = new Float64Array(n * L);
  for (let from = 0; from < n; from += CHUNK) {
    const B = Math.min(CHUNK, n - from);
    ws.encode(model.theta, x.subarray(from * D, (from + B) * D), B);
    for (let r = 0; r < B; r++) codes.set(ws.enc.subarray(r * E, r * E + L), (from + r) * L);
  }
  return codes;
}

/** Decoded rows in data space (pixel probabilities for Bernoulli data). n × inputDim, row-major. */
export function decodeAll(model: AutoencoderModel, z: Float64Array, n: number): Float64Array {
  const { latent: L, inputDim: D } = model.cfg;
  const ws = new Workspace(model.cfg, CHUNK);
  const out = new Float64Array(n * D);
  for (let from = 0; from < n; from += CHUNK) {
    const B = Math.min(CHUNK, n - from);
    ws.decode(model.theta, z.subarray(from * L, (from + B) * L), B);
    for (let i = 0; i < B * D; i++) {
      const o = ws.out[i];
      out[from * D + i] = model.cfg.recon === 'bce' ? 1 / (1 + Math.exp(-o)) : o;
    }
  }
  return out;
}

export interface LatentGrid {
  /** Points per side; the grid has n × n cells (n for a one-dimensional code). */
  n: number;
  /** Range of the first latent axis and (when latent ≥ 2) of the second. */
  range: [number, number][];
  /** The code of each cell, row by row from the top (largest second coordinate) down. */
  z: number[][];
  /** The decoding of each cell, in the same order. */
  decoded: number[][];
}

/**
 * Decodings across the plane of the first two latent axes (other axes held at 0 for the VAE, the prior's mean, and
 * at the mean code of the data for the autoencoder). The VAE's plane spans ±2.5 (where the prior has its mass);
 * the autoencoder's spans the codes of the data, with a 5% margin.
 */
export function latentGrid(model: AutoencoderModel, codes: Float64Array, count: number, n: number): LatentGrid {
  const L = model.cfg.latent;
  const axes = Math.min(2, L);
  const mean = new Float64Array(L);
  const range: [number, number][] = [];
  if (model.cfg.kind === 'autoencoder') {
    for (let r = 0; r < count; r++) for (let j = 0; j < L; j++) mean[j] += codes[r * L + j] / count;
  }
  for (let a = 0; a < axes; a++) {
    if (model.cfg.kind === 'vae') range.push([-2.5, 2.5]);
    else {
      let lo = Infinity;
      let hi = -Infinity;
      for (let r = 0; r < count; r++) {
        lo = Math.min(lo, codes[r * L + a]);
        hi = Math.max(hi, codes[r * L + a]);
      }
      if (!(hi > lo)) {
        lo -= 1;
        hi += 1;
      }
      const m = 0.05 * (hi - lo);
      range.push([lo - m, hi + m]);
    }
  }
  const at = (a: number, k: number) => (n === 1 ? (range[a][0] + range[a][1]) / 2 : range[a][0] + ((range[a][1] - range[a][0]) * k) / (n - 1));
  const cells: number[][] = [];
  const rowsCount = axes === 2 ? n : 1;
  for (let i = 0; i < rowsCount; i++) {
    for (let k = 0; k < n; k++) {
      const z = Array.from(mean);
      z[0] = at(0, k);
      if (axes === 2) z[1] = at(1, n - 1 - i);
      cells.push(z);
    }
  }
  const decoded = decodeAll(model, Float64Array.from(cells.flat()), cells.length);
  const D = model.cfg.inputDim;
  return { n, range, z: cells, decoded: cells.map((_, c) => Array.from(decoded.subarray(c * D, (c + 1) * D))) };
}

/**
 * Leave-one-out k-nearest-neighbour accuracy of the class labels from the codes (Euclidean distance, majority vote,
 * ties to the nearest neighbour's class), and chance: the share of the most common class.
 */
export function knnAccuracy(codes: Float64Array, labels: Int32Array, dim: number, k = 5): { accuracy: number; chance: number } {
  const n = labels.length;
  const classes = Math.max(...labels) + 1;
  const freq = new Array<number>(classes).fill(0);
  for (const l of labels) freq[l]++;
  let right = 0;
  const kk = Math.min(k, n - 1);
  const nearD = new Float64Array(kk);
  const nearI = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    // the kk nearest rows, kept sorted by distance (insertion; kk is small)
    let found = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let d = 0; d < dim; d++) s += (codes[i * dim + d] - codes[j * dim + d]) ** 2;
      if (found === kk && s >= nearD[kk - 1]) continue;
      let at = found < kk ? found++ : kk - 1;
      while (at > 0 && nearD[at - 1] > s) {
        nearD[at] = nearD[at - 1];
        nearI[at] = nearI[at - 1];
        at--;
      }
      nearD[at] = s;
      nearI[at] = j;
    }
    const votes = new Array<number>(classes).fill(0);
    for (let m = 0; m < found; m++) votes[labels[nearI[m]]]++;
    let best = labels[nearI[0]];
    for (let c = 0; c < classes; c++) if (votes[c] > votes[best]) best = c;
    if (best === labels[i]) right++;
  }
  return { accuracy: right / n, chance: Math.max(...freq) / n };
}

/**
 * Indices of at most `max` of `n` rows, drawn without replacement by a seeded generator and returned in order (an
 * even stride would alias with data whose classes come in turn).
 */
export function sampleRows(n: number, max: number, seed = 1): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  return new Rng(seed).shuffle(all).slice(0, max).sort((a, b) => a - b);
}
