/**
 * An autoencoder and a variational autoencoder written out by hand, in float64:
 *
 *   encoder   h₁ = tanh(x W₁ + b₁),   e = h₁ W₂ + b₂          (e = z for the autoencoder, e = [μ | log σ²] for the VAE)
 *   sampling  z = μ + exp(½ log σ²) ⊙ ε,   ε ~ N(0, I)        (VAE only: the reparameterisation)
 *   decoder   h₂ = tanh(z W₃ + b₃),   o = h₂ W₄ + b₄          (o: pixel logits, or the reconstruction itself)
 *
 * The loss per example is rec(x, o) + β·KL(q(z|x) ‖ N(0, I)) (β·KL only for the VAE), averaged over the batch:
 *   rec = Σ_d [softplus(o_d) − x_d o_d]   (Bernoulli: binary cross-entropy on logits)   or   Σ_d (o_d − x_d)²   (squared error)
 *   KL  = ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²)
 * The VAE's negative ELBO is rec + KL (β = 1). `backward` fills the gradient of the batch loss in one pass.
 */
import { Rng } from '../util/rng';
import type { ReconKind } from './data';
import type { AutoencoderKind } from './params';

export interface AutoencoderConfig {
  kind: AutoencoderKind;
  inputDim: number;
  hidden: number;
  latent: number;
  recon: ReconKind;
}

export interface ParamEntry {
  name: string;
  offset: number;
  size: number;
  rows: number;
  cols: number;
}

/** Where each weight matrix and bias lives in the one flat parameter vector. */
export function paramLayout(cfg: AutoencoderConfig): { entries: ParamEntry[]; total: number } {
  const encOut = cfg.kind === 'vae' ? 2 * cfg.latent : cfg.latent;
  const shapes: [string, number, number][] = [
    ['encoder.W1', cfg.inputDim, cfg.hidden],
    ['encoder.b1', 1, cfg.hidden],
    ['encoder.W2', cfg.hidden, encOut],
    ['encoder.b2', 1, encOut],
    ['decoder.W3', cfg.latent, cfg.hidden],
    ['decoder.b3', 1, cfg.hidden],
    ['decoder.W4', cfg.hidden, cfg.inputDim],
    ['decoder.b4', 1, cfg.inputDim],
  ];
  let offset = 0;
  const entries = shapes.map(([name, rows, cols]) => {
    const e = { name, offset, size: rows * cols, rows, cols };
    offset += e.size;
    return e;
  });
  return { entries, total: offset };
}

/** Glorot-uniform weights, zero biases. */
export function initParams(cfg: AutoencoderConfig, seed: number): Float64Array {
  const { entries, total } = paramLayout(cfg);
  const theta = new Float64Array(total);
  const rng = new Rng(seed);
  for (const e of entries) {
    if (e.rows === 1) continue;
    const limit = Math.sqrt(6 / (e.rows + e.cols));
    for (let i = 0; i < e.size; i++) theta[e.offset + i] = (rng.next() * 2 - 1) * limit;
  }
  return theta;
}

/** y[B×O] = x[B×I] · W[I×O] + b (W and b read from theta at the given offsets). */
function affine(x: Float64Array, B: number, I: number, theta: Float64Array, w: number, b: number, O: number, y: Float64Array): void {
  for (let n = 0; n < B; n++) {
    const yo = n * O;
    for (let o = 0; o < O; o++) y[yo + o] = theta[b + o];
    for (let i = 0; i < I; i++) {
      const xi = x[n * I + i];
      if (xi === 0) continue;
      const wo = w + i * O;
      for (let o = 0; o < O; o++) y[yo + o] += xi * theta[wo + o];
    }
  }
}

/** Given dy[B×O] of y = x W + b: grad[W] += xᵀ dy, grad[b] += Σ dy, and dx = dy Wᵀ when dx is given. */
function affineBack(x: Float64Array, dy: Float64Array, B: number, I: number, O: number, theta: Float64Array, grad: Float64Array, w: number, b: number, dx?: Float64Array): void {
  for (let n = 0; n < B; n++) {
    const yo = n * O;
    for (let o = 0; o < O; o++) grad[b + o] += dy[yo + o];
    for (let i = 0; i < I; i++) {
      const xi = x[n * I + i];
      const wo = w + i * O;
      let s = 0;
      for (let o = 0; o < O; o++) {
        grad[wo + o] += xi * dy[yo + o];
        s += theta[wo + o] * dy[yo + o];
      }
      if (dx) dx[n * I + i] = s;
    }
  }
}

const softplus = (v: number) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
const sigmoid = (v: number) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));

/** Reconstruction loss of one row: Bernoulli negative log-likelihood on logits, or the squared error. */
export function reconLoss(kind: ReconKind, x: ArrayLike<number>, o: ArrayLike<number>, from = 0, dim = x.length): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const xv = x[from + d];
    const ov = o[from + d];
    s += kind === 'bce' ? softplus(ov) - xv * ov : (ov - xv) * (ov - xv);
  }
  return s;
}

/** Closed-form KL(N(μ, diag σ²) ‖ N(0, I)) of one row. */
export function gaussianKl(mu: ArrayLike<number>, logvar: ArrayLike<number>, from = 0, dim = mu.length): number {
  let s = 0;
  for (let j = 0; j < dim; j++) {
    const m = mu[from + j];
    const lv = logvar[from + j];
    s += 0.5 * (m * m + Math.exp(lv) - 1 - lv);
  }
  return s;
}

/** ∂KL/∂μ = μ and ∂KL/∂log σ² = ½(σ² − 1), each times `scale`, added into dMu and dLogvar. */
export function gaussianKlBackward(mu: ArrayLike<number>, logvar: ArrayLike<number>, scale: number, dMu: Float64Array, dLogvar: Float64Array): void {
  for (let j = 0; j < mu.length; j++) {
    dMu[j] += scale * mu[j];
    dLogvar[j] += scale * 0.5 * (Math.exp(logvar[j]) - 1);
  }
}

/** z = μ + exp(½ log σ²) ε. */
export function reparameterise(mu: ArrayLike<number>, logvar: ArrayLike<number>, eps: ArrayLike<number>, z: Float64Array): void {
  for (let j = 0; j < mu.length; j++) z[j] = mu[j] + Math.exp(0.5 * logvar[j]) * eps[j];
}

/** Given dz: ∂/∂μ = dz, ∂/∂log σ² = dz · ε · ½ exp(½ log σ²); added into dMu and dLogvar. */
export function reparameteriseBackward(logvar: ArrayLike<number>, eps: ArrayLike<number>, dz: ArrayLike<number>, dMu: Float64Array, dLogvar: Float64Array): void {
  for (let j = 0; j < dz.length; j++) {
    dMu[j] += dz[j];
    dLogvar[j] += dz[j] * eps[j] * 0.5 * Math.exp(0.5 * logvar[j]);
  }
}

export interface BatchLoss {
  /** rec + β·KL, averaged over the batch. */
  loss: number;
  /** Mean reconstruction term per example. */
  recon: number;
  /** Mean KL term per example (0 for the autoencoder). */
  kl: number;
}

/**
 * Buffers for one batch size, and the forward/backward pass. `eps` (B × latent) is the reparameterisation noise;
 * the caller fills it (from a seeded generator) before `forward`, or zeros it to use the means.
 */
export class Workspace {
  readonly h1: Float64Array;
  readonly enc: Float64Array;
  readonly z: Float64Array;
  readonly eps: Float64Array;
  readonly h2: Float64Array;
  readonly out: Float64Array;
  readonly grad: Float64Array;
  private readonly dOut: Float64Array;
  private readonly dH2: Float64Array;
  private readonly dZ: Float64Array;
  private readonly dEnc: Float64Array;
  private readonly dH1: Float64Array;
  private readonly layout: ReturnType<typeof paramLayout>;
  private x: Float64Array = new Float64Array(0);
  private rows = 0;
  private beta = 1;

  constructor(readonly cfg: AutoencoderConfig, readonly maxBatch: number) {
    const { hidden: H, latent: L, inputDim: D } = cfg;
    const E = cfg.kind === 'vae' ? 2 * L : L;
    this.layout = paramLayout(cfg);
    this.h1 = new Float64Array(maxBatch * H);
    this.enc = new Float64Array(maxBatch * E);
    this.z = new Float64Array(maxBatch * L);
    this.eps = new Float64Array(maxBatch * L);
    this.h2 = new Float64Array(maxBatch * H);
    this.out = new Float64Array(maxBatch * D);
    this.dOut = new Float64Array(maxBatch * D);
    this.dH2 = new Float64Array(maxBatch * H);
    this.dZ = new Float64Array(maxBatch * L);
    this.dEnc = new Float64Array(maxBatch * E);
    this.dH1 = new Float64Array(maxBatch * H);
    this.grad = new Float64Array(this.layout.total);
  }

  private off(i: number): number {
    return this.layout.entries[i].offset;
  }

  /** Encode rows of x (B × inputDim) into `enc`: the codes (autoencoder) or [μ | log σ²] per row (VAE). */
  encode(theta: Float64Array, x: Float64Array, B: number): void {
    const { hidden: H, inputDim: D } = this.cfg;
    const E = this.cfg.kind === 'vae' ? 2 * this.cfg.latent : this.cfg.latent;
    affine(x, B, D, theta, this.off(0), this.off(1), H, this.h1);
    for (let i = 0; i < B * H; i++) this.h1[i] = Math.tanh(this.h1[i]);
    affine(this.h1, B, H, theta, this.off(2), this.off(3), E, this.enc);
  }

  /** Decode rows of z (B × latent) into `out` (logits for Bernoulli data). */
  decode(theta: Float64Array, z: Float64Array, B: number): void {
    const { hidden: H, latent: L, inputDim: D } = this.cfg;
    affine(z, B, L, theta, this.off(4), this.off(5), H, this.h2);
    for (let i = 0; i < B * H; i++) this.h2[i] = Math.tanh(this.h2[i]);
    affine(this.h2, B, H, theta, this.off(6), this.off(7), D, this.out);
  }

  /** The batch loss of rows x (B × inputDim), keeping what `backward` needs. */
  forward(theta: Float64Array, x: Float64Array, B: number, beta: number): BatchLoss {
    if (B > this.maxBatch) throw new Error(`batch of ${B} rows exceeds the workspace (${this.maxBatch})`);
    const { latent: L, inputDim: D } = this.cfg;
    this.x = x;
    this.rows = B;
    this.beta = beta;
    this.encode(theta, x, B);
    let kl = 0;
    if (this.cfg.kind === 'vae') {
      for (let n = 0; n < B; n++) {
        const mu = this.enc.subarray(n * 2 * L, n * 2 * L + L);
        const lv = this.enc.subarray(n * 2 * L + L, (n + 1) * 2 * L);
        reparameterise(mu, lv, this.eps.subarray(n * L, (n + 1) * L), this.z.subarray(n * L, (n + 1) * L));
        kl += gaussianKl(mu, lv);
      }
    } else {
      this.z.set(this.enc.subarray(0, B * L));
    }
    this.decode(theta, this.z, B);
    let rec = 0;
    for (let n = 0; n < B; n++) rec += reconLoss(this.cfg.recon, x, this.out, n * D, D);
    const recon = rec / B;
    const klMean = kl / B;
    return { loss: recon + (this.cfg.kind === 'vae' ? beta * klMean : 0), recon, kl: klMean };
  }

  /** Gradient of the last forward's batch loss with respect to theta, into `grad` (overwritten). */
  backward(theta: Float64Array): void {
    const { hidden: H, latent: L, inputDim: D } = this.cfg;
    const B = this.rows;
    const E = this.cfg.kind === 'vae' ? 2 * L : L;
    const x = this.x;
    this.grad.fill(0);
    for (let i = 0; i < B * D; i++) {
      const o = this.out[i];
      this.dOut[i] = (this.cfg.recon === 'bce' ? sigmoid(o) - x[i] : 2 * (o - x[i])) / B;
    }
    affineBack(this.h2, this.dOut, B, H, D, theta, this.grad, this.off(6), this.off(7), this.dH2);
    for (let i = 0; i < B * H; i++) this.dH2[i] *= 1 - this.h2[i] * this.h2[i];
    affineBack(this.z, this.dH2, B, L, H, theta, this.grad, this.off(4), this.off(5), this.dZ);
    if (this.cfg.kind === 'vae') {
      this.dEnc.fill(0, 0, B * E);
      for (let n = 0; n < B; n++) {
        const mu = this.enc.subarray(n * E, n * E + L);
        const lv = this.enc.subarray(n * E + L, (n + 1) * E);
        const dMu = this.dEnc.subarray(n * E, n * E + L);
        const dLv = this.dEnc.subarray(n * E + L, (n + 1) * E);
        reparameteriseBackward(lv, this.eps.subarray(n * L, (n + 1) * L), this.dZ.subarray(n * L, (n + 1) * L), dMu, dLv);
        gaussianKlBackward(mu, lv, this.beta / B, dMu, dLv);
      }
    } else {
      this.dEnc.set(this.dZ.subarray(0, B * L));
    }
    affineBack(this.h1, this.dEnc, B, H, E, theta, this.grad, this.off(2), this.off(3), this.dH1);
    for (let i = 0; i < B * H; i++) this.dH1[i] *= 1 - this.h1[i] * this.h1[i];
    affineBack(x, this.dH1, B, D, H, theta, this.grad, this.off(0), this.off(1));
  }
}

/** Adam on a flat parameter vector. */
export class Adam {
  readonly m: Float64Array;
  readonly v: Float64Array;
  t = 0;
  constructor(size: number, public lr: number, readonly beta1 = 0.9, readonly beta2 = 0.999, readonly epsilon = 1e-8) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  step(theta: Float64Array, grad: Float64Array): void {
    this.t++;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i];
      this.m[i] = this.beta1 * this.m[i] + (1 - this.beta1) * g;
      this.v[i] = this.beta2 * this.v[i] + (1 - this.beta2) * g * g;
      theta[i] -= (this.lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + this.epsilon);
    }
  }
}
