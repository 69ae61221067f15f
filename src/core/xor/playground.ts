/**
 * The XOR playground: the same two-layer perceptron as mlp.ts, in plain float64 JavaScript so it can be advanced
 * one full-batch update at a time and looked into after any update:
 *   h = act(x W1 + b1)  (inverted dropout on h while training),  z = h w2 + b2,  p = σ(z)
 *   L = mean[softplus(z) − y z] + (λ/2)(‖W1‖² + ‖w2‖²)     (L2 on the weights, not the biases)
 * With 0 hidden units the model is p = σ(x w + b), a linear classifier. The initialisation draws from the same
 * seeded generator in the same order as mlp.ts (Glorot-uniform W1, then w2; zero biases), and Adam uses tfjs's
 * constants, so on XOR without L2/dropout the playground follows the tfjs trainer's run.
 *
 * What it shows after each update: the weights; the output p over a grid of the input plane; each hidden unit's
 * activation over the same grid; and the hidden space — the data as the output unit sees it (the plane itself for
 * 2 hidden units; for more, the plane spanned by the output unit's weight direction and the widest spread of the
 * hidden points across it, where the logit depends on the first coordinate only; a line for 1; the input plane
 * for 0) — with the output unit's separating line z = 0 drawn in that space, exact in every case.
 */
import { Rng } from '../util/rng';
import { type Bounds, type Dataset, type DatasetName, makeDataset } from './datasets';

export interface PlaygroundConfig {
  hidden: number;
  activation: 'tanh' | 'sigmoid' | 'relu';
  optimizer: 'adam' | 'sgd';
  lr: number;
  /** λ of the L2 penalty (λ/2)‖W‖². */
  l2: number;
  /** Probability of dropping each hidden unit during a training update (0: none). */
  dropout: number;
  seed: number;
}

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-7 };

export interface Weights {
  /** 2 × hidden, row-major (empty with 0 hidden units). */
  w1: number[];
  b1: number[];
  /** in × 1, where in = hidden (or 2 with 0 hidden units). */
  w2: number[];
  b2: number;
}

/** A line a·u + b·v + c = 0 in a plane. */
export interface Line {
  a: number;
  b: number;
  c: number;
}

export interface HiddenSpace {
  /**
   * 'input': 0 hidden units (the input plane); 'line': 1 unit; 'plane': 2 units; 'projection': more — the hidden
   * points projected on the unit vectors e1 = w2/‖w2‖ (the output unit's weights) and e2 ⟂ e1 (the top principal
   * direction of the points with their e1 part removed): u = e1·h, v = e2·(h − mean). The logit is z = ‖w2‖ u + b2
   * there, so the line z = 0 separates the drawn points exactly as the output does. With vanishing output weights,
   * e1 and e2 are the top two principal directions and there is no line.
   */
  kind: 'input' | 'line' | 'plane' | 'projection';
  /** One (u, v) per data point, in the data set's order. */
  points: [number, number][];
  /** Where the output unit's logit is zero, in (u, v); null when the output weights vanish on this plane. */
  line: Line | null;
  /** What u and v are, as axis labels. */
  axes: [string, string];
  /** For 'projection': e1 and e2 (each of length hidden), the mean of the hidden points, the variance along e2. */
  projection?: { axes: [number[], number[]]; mean: number[]; spread: number };
}

export interface Grid {
  size: number;
  bounds: Bounds;
  /** size × size values, row-major, row 0 at ymax, column 0 at xmin. */
  values: number[];
}

export interface PlaygroundSnapshot {
  step: number;
  loss: number;
  accuracy: number;
  weights: Weights;
  /** p of the output over the grid. */
  boundary: Grid;
  /** Each hidden unit's activation over the grid. */
  hiddenGrids: Grid[];
  hiddenSpace: HiddenSpace;
  /** p of each data point. */
  predictions: number[];
}

export function glorot(rng: Rng, rows: number, cols: number): number[] {
  const limit = Math.sqrt(6 / (rows + cols));
  return Array.from({ length: rows * cols }, () => (rng.next() * 2 - 1) * limit);
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function activate(kind: PlaygroundConfig['activation'], a: number): number {
  return kind === 'tanh' ? Math.tanh(a) : kind === 'sigmoid' ? sigmoid(a) : Math.max(0, a);
}

/** d act / d a, from the activation's value h. */
function activationSlope(kind: PlaygroundConfig['activation'], h: number): number {
  return kind === 'tanh' ? 1 - h * h : kind === 'sigmoid' ? h * (1 - h) : h > 0 ? 1 : 0;
}

/** The points (x, y) of a size × size grid over `b`, row-major from the top-left corner. */
export function gridPoints(b: Bounds, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) out.push([b.xmin + ((b.xmax - b.xmin) * j) / (size - 1), b.ymax - ((b.ymax - b.ymin) * i) / (size - 1)]);
  }
  return out;
}

export class Playground {
  readonly cfg: PlaygroundConfig;
  readonly data: Dataset;
  /** Flat parameters: W1 (2·H), b1 (H), w2 (in), b2 (1). */
  theta: Float64Array;
  step = 0;
  private m: Float64Array;
  private v: Float64Array;
  private dropRng: Rng;
  readonly H: number;
  readonly inDim: number;

  constructor(cfg: PlaygroundConfig, data: Dataset) {
    if (!Number.isInteger(cfg.hidden) || cfg.hidden < 0 || cfg.hidden > 256) throw new RangeError(`hidden must be 0..256, got ${cfg.hidden}`);
    if (!(cfg.dropout >= 0 && cfg.dropout < 1)) throw new RangeError(`dropout must be in [0, 1), got ${cfg.dropout}`);
    if (!(cfg.l2 >= 0)) throw new RangeError(`l2 must be ≥ 0, got ${cfg.l2}`);
    if (!(cfg.lr > 0)) throw new RangeError(`lr must be > 0, got ${cfg.lr}`);
    if (data.x.length === 0 || data.x.length !== data.y.length) throw new RangeError('the data set is empty or its labels do not match its points');
    this.cfg = cfg;
    this.data = data;
    this.H = cfg.hidden;
    this.inDim = cfg.hidden === 0 ? 2 : cfg.hidden;
    this.theta = new Float64Array(0);
    this.m = new Float64Array(0);
    this.v = new Float64Array(0);
    this.dropRng = new Rng(0);
    this.reset();
  }

  /** Back to the initial weights (same seed: the same run again). */
  reset(): void {
    const { H, inDim } = this;
    const rng = new Rng(this.cfg.seed);
    const w1 = H ? glorot(rng, 2, H) : [];
    const w2 = glorot(rng, inDim, 1);
    this.theta = new Float64Array(2 * H + H + inDim + 1);
    this.theta.set(w1, 0);
    this.theta.set(w2, 3 * H);
    this.m = new Float64Array(this.theta.length);
    this.v = new Float64Array(this.theta.length);
    // Dropout masks come from their own stream, so switching dropout on does not change the initial weights.
    this.dropRng = new Rng((this.cfg.seed ^ 0x5bd1e995) >>> 0);
    this.step = 0;
  }

  weights(): Weights {
    const { H, inDim, theta } = this;
    return { w1: Array.from(theta.subarray(0, 2 * H)), b1: Array.from(theta.subarray(2 * H, 3 * H)), w2: Array.from(theta.subarray(3 * H, 3 * H + inDim)), b2: theta[3 * H + inDim] };
  }

  /** Hidden activations of one point (the point itself with 0 hidden units), without dropout. */
  hiddenOf(x0: number, x1: number, theta: ArrayLike<number> = this.theta): number[] {
    const { H } = this;
    if (H === 0) return [x0, x1];
    const h: number[] = new Array(H);
    for (let j = 0; j < H; j++) h[j] = activate(this.cfg.activation, x0 * theta[j] + x1 * theta[H + j] + theta[2 * H + j]);
    return h;
  }

  /** The output's logit z for hidden activations h. */
  logitOf(h: readonly number[], theta: ArrayLike<number> = this.theta): number {
    const o = 3 * this.H;
    let z = theta[o + this.inDim];
    for (let j = 0; j < this.inDim; j++) z += h[j] * theta[o + j];
    return z;
  }

  predict(x0: number, x1: number): number {
    return sigmoid(this.logitOf(this.hiddenOf(x0, x1)));
  }

  /**
   * Loss and its gradient at `theta` over the whole data set. `masks` (n × H, already scaled by 1/(1−p)) applies
   * dropout; without it the network runs undropped. Returns the loss (data term + L2).
   */
  lossAndGrad(theta: ArrayLike<number>, grad: Float64Array | null, masks: Float64Array | null = null): number {
    const { H, inDim, data, cfg } = this;
    const n = data.x.length;
    const o2 = 3 * H;
    if (grad) grad.fill(0);
    let loss = 0;
    const hRaw = new Float64Array(Math.max(H, 1));
    const h = new Float64Array(inDim);
    for (let i = 0; i < n; i++) {
      const [x0, x1] = data.x[i];
      if (H === 0) {
        h[0] = x0;
        h[1] = x1;
      } else {
        for (let j = 0; j < H; j++) {
          hRaw[j] = activate(cfg.activation, x0 * theta[j] + x1 * theta[H + j] + theta[2 * H + j]);
          h[j] = masks ? hRaw[j] * masks[i * H + j] : hRaw[j];
        }
      }
      let z = theta[o2 + inDim];
      for (let j = 0; j < inDim; j++) z += h[j] * theta[o2 + j];
      loss += softplus(z) - data.y[i] * z;
      if (!grad) continue;
      const dz = (sigmoid(z) - data.y[i]) / n;
      for (let j = 0; j < inDim; j++) grad[o2 + j] += dz * h[j];
      grad[o2 + inDim] += dz;
      for (let j = 0; j < H; j++) {
        const da = dz * theta[o2 + j] * (masks ? masks[i * H + j] : 1) * activationSlope(cfg.activation, hRaw[j]);
        grad[j] += da * x0;
        grad[H + j] += da * x1;
        grad[2 * H + j] += da;
      }
    }
    loss /= n;
    if (cfg.l2 > 0) {
      let s = 0;
      const weightIdx = (k: number) => k < 2 * H || (k >= o2 && k < o2 + inDim);
      for (let k = 0; k < theta.length; k++) {
        if (!weightIdx(k)) continue;
        s += theta[k] * theta[k];
        if (grad) grad[k] += cfg.l2 * theta[k];
      }
      loss += (cfg.l2 / 2) * s;
    }
    return loss;
  }

  /** Inverted-dropout masks for one update (n × H), or null without dropout. */
  private sampleMasks(): Float64Array | null {
    const p = this.cfg.dropout;
    if (p === 0 || this.H === 0) return null;
    const out = new Float64Array(this.data.x.length * this.H);
    for (let i = 0; i < out.length; i++) out[i] = this.dropRng.next() < p ? 0 : 1 / (1 - p);
    return out;
  }

  /** One full-batch update. Returns the training loss before it (with this update's dropout masks). */
  update(): number {
    const grad = new Float64Array(this.theta.length);
    const loss = this.lossAndGrad(this.theta, grad, this.sampleMasks());
    if (!Number.isFinite(loss)) throw new Error(`the loss diverged (${loss}) at update ${this.step + 1}; lower the learning rate`);
    this.step++;
    const { lr } = this.cfg;
    if (this.cfg.optimizer === 'sgd') {
      for (let k = 0; k < grad.length; k++) this.theta[k] -= lr * grad[k];
    } else {
      const { beta1: b1, beta2: b2, eps } = ADAM;
      const c1 = 1 - Math.pow(b1, this.step);
      const c2 = 1 - Math.pow(b2, this.step);
      for (let k = 0; k < grad.length; k++) {
        this.m[k] = b1 * this.m[k] + (1 - b1) * grad[k];
        this.v[k] = b2 * this.v[k] + (1 - b2) * grad[k] * grad[k];
        this.theta[k] -= (lr * (this.m[k] / c1)) / (Math.sqrt(this.v[k] / c2) + eps);
      }
    }
    return loss;
  }

  /** `n` updates; returns the loss before each. */
  run(n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(this.update());
    return out;
  }

  /** Everything the views draw, after the current update. `gridSize` ≥ 2. */
  snapshot(gridSize = 41): PlaygroundSnapshot {
    if (!Number.isInteger(gridSize) || gridSize < 2 || gridSize > 401) throw new RangeError(`grid size must be 2..401, got ${gridSize}`);
    const { data, H } = this;
    const pts = gridPoints(data.bounds, gridSize);
    const hs = pts.map(([a, b]) => this.hiddenOf(a, b));
    const boundary: Grid = { size: gridSize, bounds: data.bounds, values: hs.map((h) => sigmoid(this.logitOf(h))) };
    const hiddenGrids: Grid[] = [];
    for (let j = 0; j < H; j++) hiddenGrids.push({ size: gridSize, bounds: data.bounds, values: hs.map((h) => h[j]) });
    const predictions = data.x.map(([a, b]) => this.predict(a, b));
    let right = 0;
    predictions.forEach((p, i) => (right += (p >= 0.5 ? 1 : 0) === data.y[i] ? 1 : 0));
    return {
      step: this.step,
      loss: this.lossAndGrad(this.theta, null),
      accuracy: right / data.x.length,
      weights: this.weights(),
      boundary,
      hiddenGrids,
      hiddenSpace: this.hiddenSpace(),
      predictions,
    };
  }

  /** The data in the space the output unit sees, with its separating line z = 0 there. */
  hiddenSpace(): HiddenSpace {
    const { H, data } = this;
    const w = this.weights();
    const hs = data.x.map(([a, b]) => this.hiddenOf(a, b));
    const lineOf = (a: number, b: number, c: number): Line | null => (Math.abs(a) + Math.abs(b) > 1e-12 ? { a, b, c } : null);
    if (H === 0 || H === 2) {
      return { kind: H === 0 ? 'input' : 'plane', points: hs.map((h) => [h[0], h[1]]), line: lineOf(w.w2[0], w.w2[1], w.b2), axes: H === 0 ? ['x₁', 'x₂'] : ['h₁', 'h₂'] };
    }
    if (H === 1) return { kind: 'line', points: hs.map((h) => [h[0], 0]), line: lineOf(w.w2[0], 0, w.b2), axes: ['h₁', ''] };
    return outputProjection(hs, w.w2, w.b2);
  }
}

const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((s, x, i) => s + x * v[i], 0);

/** v with its component along the unit vector e removed, scaled to length 1; null when nothing is left of it. */
function unitAcross(v: readonly number[], e: readonly number[]): number[] | null {
  const d = dot(v, e);
  const r = v.map((x, i) => x - d * e[i]);
  const n = Math.hypot(...r);
  return n > 1e-9 ? r.map((x) => x / n) : null;
}

/**
 * Hidden points h (rows) seen by an output unit with weights w and bias b: u = e1·h along e1 = w/‖w‖, so its logit is
 * w·h + b = ‖w‖ u + b and its line z = 0 is u = −b/‖w‖, exactly; v = e2·(h − mean) along the top principal direction
 * of the points across e1 (the widest spread the picture can show). Without output weights: the top two principal
 * directions, and no line.
 */
export function outputProjection(hs: readonly (readonly number[])[], w: readonly number[], b: number): HiddenSpace {
  const norm = Math.hypot(...w);
  if (!(norm > 1e-12)) {
    const { mean, vectors, values } = principalAxes(hs, 2);
    const [e1, e2] = vectors;
    const points = hs.map((h) => [dot(h, e1), dot(h.map((x, i) => x - mean[i]), e2)] as [number, number]);
    return { kind: 'projection', points, line: null, axes: ['e₁·h (top principal direction; no output weights)', 'e₂·(h − mean)'], projection: { axes: [e1, e2], mean, spread: values[1] } };
  }
  const e1 = w.map((x) => x / norm);
  const across = hs.map((h) => {
    const d = dot(h, e1);
    return h.map((x, i) => x - d * e1[i]);
  });
  const { vectors, values } = principalAxes(across, 1);
  // The top direction is already ⟂ e1 when the points spread across it; otherwise any unit vector ⟂ e1 will do.
  const basis = e1.map((_, k) => e1.map((__, i) => (i === k ? 1 : 0)));
  const e2 = [vectors[0], ...basis].map((v) => unitAcross(v, e1)).find((v) => v !== null)!;
  const mean = e1.map((_, j) => hs.reduce((s, h) => s + h[j], 0) / hs.length);
  const v0 = dot(mean, e2);
  const points = hs.map((h) => [dot(h, e1), dot(h, e2) - v0] as [number, number]);
  return {
    kind: 'projection',
    points,
    line: { a: norm, b: 0, c: b },
    axes: ['ŵ·h (output weights’ direction)', 'widest spread ⟂ ŵ'],
    projection: { axes: [e1, e2], mean, spread: values[0] },
  };
}

/**
 * The top `k` principal axes of row vectors: the mean, and the eigenvectors of the covariance (1/n) Σ (h−μ)(h−μ)ᵀ
 * with the largest eigenvalues, by cyclic Jacobi rotations (exact for the small symmetric matrices here). Each
 * vector's sign makes its largest-magnitude entry positive.
 */
export function principalAxes(rows: readonly (readonly number[])[], k: number): { mean: number[]; vectors: number[][]; values: number[] } {
  const n = rows.length;
  const d = rows[0].length;
  const mean = new Array(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  const a = Array.from({ length: d }, () => new Array(d).fill(0));
  for (const r of rows) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) a[i][j] += ((r[i] - mean[i]) * (r[j] - mean[j])) / n;
  const { values, vectors } = symmetricEigen(a);
  const order = values.map((_, i) => i).sort((x, y) => values[y] - values[x]);
  const vs = order.slice(0, k).map((i) => {
    const v = vectors.map((row) => row[i]);
    let big = 0;
    for (let j = 0; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    return v[big] < 0 ? v.map((x) => -x) : v;
  });
  while (vs.length < k) vs.push(new Array(d).fill(0));
  return { mean, vectors: vs, values: order.slice(0, k).map((i) => values[i]).concat(new Array(Math.max(0, k - d)).fill(0)) };
}

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi. */
export function symmetricEigen(m: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const d = m.length;
  const a = m.map((r) => r.slice());
  const v: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) off += a[i][j] * a[i][j];
    if (off < 1e-30) break;
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((r, i) => r[i]), vectors: v };
}

/** A playground from validated PLAYGROUND_PARAMS values, on `data` or on the generated data set they name. */
export function playgroundFromParams(p: Record<string, number | string | boolean>, data?: Dataset): Playground {
  const dataset = data ?? makeDataset(p.dataset as DatasetName, {
    points: (p.points as number) || undefined,
    noise: (p.noise as number) >= 0 ? (p.noise as number) : undefined,
    seed: p.seed as number,
  });
  return new Playground(
    {
      hidden: p.hidden as number,
      activation: p.activation as PlaygroundConfig['activation'],
      optimizer: p.optimizer as PlaygroundConfig['optimizer'],
      lr: p.lr as number,
      l2: p.l2 as number,
      dropout: p.dropout as number,
      seed: p.seed as number,
    },
    dataset,
  );
}
