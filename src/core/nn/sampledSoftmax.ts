/**
 * Sampled softmax: a cheap stand-in for the full softmax output layer of a language model while it trains (never
 * when it is scored: held-out perplexity always uses the full softmax).
 *
 * The full layer costs three R × H × V matrix products a step (logits, the weight gradient and the input gradient);
 * at a 10,000-word vocabulary that is nearly all of a step. Here each batch draws `draws` classes (with replacement)
 * from the unigram distribution raised to 0.75 (the proposal word2vec's negative sampling uses), shared by every
 * position of the batch, so the three products shrink to R × H × K for the K distinct classes drawn. Each position
 * r scores its true class y_r and the K drawn ones, each logit corrected by the log of the probability that the
 * class is in the sample, π_c = 1 − (1 − q_c)^draws (the "log-Q correction", which makes the softmax over the
 * sample an estimate of the full one):
 *
 *   s_c = h_r·w_c + b_c − log π_c   for c ∈ {y_r} ∪ S \ {y_r}        loss_r = −log softmax(s)_{y_r}
 *
 * A drawn class equal to y_r (an "accidental hit") is left out of row r. When the sample holds every class with
 * π = 1 (`allClasses`) the candidates of each row are the whole vocabulary with the true logits, so loss and
 * gradient equal the full softmax's exactly; the unit tests check that, and the gradient by finite differences.
 *
 * The products run on the LSTM's matrix kernel (src/core/lstm/ops.ts) in its own memory, so both the LSTM and the
 * Transformer use this module: they hand over the output layer's inputs, weights and targets as plain arrays and
 * get the loss, the input gradient and the weight gradients back.
 */
import { Rng } from '../util/rng';
import { createJsOps, createWasmOps, type FArr, type Ops } from '../lstm/ops';

export { AUTO_SAMPLED_ABOVE, softmaxSpecs, usesSampled, type SoftmaxMode } from './softmaxParams';

/** Distinct classes of one batch's sample and the log of each one's probability of being in it. */
export interface SampledClasses {
  ids: Int32Array;
  logPi: Float64Array;
  /** log π_c for any class c (the true class of a position may not have been drawn). */
  logPiOf(c: number): number;
}

/** Every class of a V-way output, each with π = 1: the sampled layer then computes the full softmax. */
export function allClasses(V: number): SampledClasses {
  return { ids: Int32Array.from({ length: V }, (_, i) => i), logPi: new Float64Array(V), logPiOf: () => 0 };
}

/** Draws classes from q ∝ count^power (every class at least count 1). */
export class UnigramSampler {
  readonly q: Float64Array;
  private readonly cdf: Float64Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(counts: ArrayLike<number>, readonly power = 0.75) {
    const V = counts.length;
    if (V < 1) throw new Error('internal: a sampler needs at least one class');
    this.q = new Float64Array(V);
    let s = 0;
    for (let i = 0; i < V; i++) s += this.q[i] = Math.pow(Math.max(1, counts[i]), power);
    this.cdf = new Float64Array(V);
    let acc = 0;
    for (let i = 0; i < V; i++) {
      this.q[i] /= s;
      this.cdf[i] = acc += this.q[i];
    }
    this.seen = new Int32Array(V);
  }

  /** Counts of each id of `ids` in a V-class vocabulary. */
  static fromIds(ids: ArrayLike<number>, V: number, power = 0.75): UnigramSampler {
    const counts = new Float64Array(V);
    for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
    return new UnigramSampler(counts, power);
  }

  /** `draws` classes drawn with replacement; the distinct ones in order of first draw, with log π_c. */
  draw(draws: number, rng: Rng): SampledClasses {
    const { q, cdf, seen } = this;
    const V = q.length;
    if (++this.stamp === 0x7fffffff) (seen.fill(0), (this.stamp = 1));
    const ids: number[] = [];
    for (let i = 0; i < draws; i++) {
      const u = rng.next() * cdf[V - 1];
      let lo = 0;
      let hi = V - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      if (seen[lo] !== this.stamp) {
        seen[lo] = this.stamp;
        ids.push(lo);
      }
    }
    // π_c = 1 − (1 − q_c)^draws, computed without cancellation for small q_c
    const logPiOf = (c: number) => Math.log(-Math.expm1(draws * Math.log1p(-Math.min(q[c], 1 - 1e-16))));
    return { ids: Int32Array.from(ids), logPi: Float64Array.from(ids, logPiOf), logPiOf };
  }
}

/** Where the output layer's gradients go: the input gradient (overwritten) and the weight gradients (added to). */
export interface SampledGrads {
  dTop: FArr;
  dTopOff: number;
  gW: FArr;
  gWOff: number;
  gB: FArr;
  gBOff: number;
}

/** The output layer's inputs and weights: top R × H, W H × V (row-major), b V, each at an offset of its array. */
export interface OutputLayer {
  top: FArr;
  topOff: number;
  W: FArr;
  wOff: number;
  b: FArr;
  bOff: number;
  V: number;
}

/**
 * The sampled output layer for batches of R rows of width H, up to `maxClasses` distinct sampled classes, with its
 * working buffers in the memory of its own kernel instance ('wasm', falling back to JS; 'js64' for gradient checks).
 */
export class SampledSoftmax {
  readonly ops: Ops;
  private readonly top: FArr;
  private readonly wn: FArr;
  private readonly wnT: FArr;
  private readonly z: FArr;
  private readonly dTop: FArr;
  private readonly dWn: FArr;
  /** Gradient rows of the true classes' weights (class i's at i·H), and the sampled classes' bias gradient. */
  private readonly dRows: FArr;
  private readonly db: FArr;
  private readonly zt: Float64Array;
  private readonly dzt: Float64Array;
  private pos: Int32Array = new Int32Array(0);
  /** The classes whose weight rows are gathered: the sampled ones (first K), then the rows' other true classes. */
  private readonly cls: Int32Array;
  private nCls = 0;
  /** Each row's loss (nats) after lossAndGrad. */
  readonly surp: Float64Array;
  /** The per-row softmax in the kernel (wasm): its inputs and outputs in the kernel's memory. */
  private readonly kernelRows: { cb: FArr; zt: FArr; dzt: FArr; surp: FArr; hits: Int32Array } | null;

  constructor(
    readonly R: number,
    readonly H: number,
    readonly maxClasses: number,
    kind: 'wasm' | 'js32' | 'js64' = 'wasm',
  ) {
    const K = maxClasses;
    const floats = R * H * 2 + H * K * 2 + 2 * (K + R) * H + R * K + K + (K + 4 * R + 16);
    const ops = kind === 'wasm' ? createWasmOps(floats * 4 + 16 * 8) : null;
    this.ops = ops ?? createJsOps(kind === 'js64' ? 64 : 32);
    const F = (n: number) => this.ops.allocF(n);
    [this.top, this.wn, this.wnT, this.z, this.dTop, this.dWn, this.dRows, this.db] = [F(R * H), F(H * K), F((K + R) * H), F(R * K), F(R * H), F(H * K), F((K + R) * H), F(K)];
    this.cls = new Int32Array(K + R);
    this.zt = new Float64Array(R);
    this.dzt = new Float64Array(R);
    this.surp = new Float64Array(R);
    this.kernelRows = this.ops.sampledRows ? { cb: F(K), zt: F(R), dzt: F(R), surp: F(R), hits: this.ops.allocI(R) } : null;
  }

  /**
   * Σ_r loss_r over the R rows, and (when `grads` is given) scale × its gradients: dTop is overwritten, gW and gB
   * are added to. `targets` holds each row's true class.
   */
  lossAndGrad(layer: OutputLayer, targets: ArrayLike<number>, set: SampledClasses, scale: number, grads?: SampledGrads): number {
    const { R, H, ops, top, wn, wnT, z, zt } = this;
    const { W, wOff, b, bOff, V } = layer;
    const K = set.ids.length;
    if (K > this.maxClasses) throw new Error(`internal: ${K} sampled classes, room for ${this.maxClasses}`);
    if (this.pos.length !== V) this.pos = new Int32Array(V).fill(-1);
    const { pos, cls } = this;
    top.set(layer.top.subarray(layer.topOff, layer.topOff + R * H));
    const cb = new Float64Array(K);
    // the weight rows of every class involved, each gathered once (W is H × V: a column is a strided read)
    let n = 0;
    for (let k = 0; k < K; k++) (pos[set.ids[k]] = n), (cls[n++] = set.ids[k]);
    for (let r = 0; r < R; r++) if (pos[targets[r]] < 0) (pos[targets[r]] = n), (cls[n++] = targets[r]);
    this.nCls = n;
    for (let i = 0; i < n; i++) {
      const c = cls[i];
      for (let h = 0; h < H; h++) wnT[i * H + h] = W[wOff + h * V + c];
    }
    for (let k = 0; k < K; k++) {
      cb[k] = b[bOff + set.ids[k]] - set.logPi[k];
      for (let h = 0; h < H; h++) wn[h * K + k] = wnT[k * H + h];
    }
    ops.gemm(top, 0, H, 1, wn, 0, z, 0, R, H, K, false);
    let total = 0;
    const kr = this.kernelRows;
    for (let r = 0; r < R; r++) {
      const y = targets[r];
      const p = pos[y];
      let s = b[bOff + y] - set.logPiOf(y);
      for (let h = 0; h < H; h++) s += top[r * H + h] * wnT[p * H + h];
      zt[r] = s;
      if (kr) (kr.zt[r] = s), (kr.hits[r] = p < K ? p : -1);
      else total += this.row(r, y, p < K ? p : -1, cb, K, scale);
    }
    if (kr) {
      for (let k = 0; k < K; k++) kr.cb[k] = cb[k];
      total = this.ops.sampledRows!(z, kr.cb, kr.zt, kr.hits, R, K, scale, kr.dzt, kr.surp);
      for (let r = 0; r < R; r++) (this.dzt[r] = kr.dzt[r]), (this.surp[r] = kr.surp[r]);
    }
    for (let i = 0; i < n; i++) pos[cls[i]] = -1;
    if (grads) this.backward(layer, targets, set, grads);
    return total;
  }

  /** Row r's loss; z's row becomes scale·p (0 at an accidental hit) and dzt[r] scale·(p_y − 1). (The kernel's sampledRows does the same.) */
  private row(r: number, y: number, hit: number, cb: Float64Array, K: number, scale: number): number {
    const { z, zt, dzt } = this;
    const o = r * K;
    let m = zt[r];
    for (let k = 0; k < K; k++) if (k !== hit) m = Math.max(m, z[o + k] + cb[k]);
    let sum = Math.exp(zt[r] - m);
    for (let k = 0; k < K; k++) {
      if (k === hit) z[o + k] = 0;
      else sum += z[o + k] = Math.exp(z[o + k] + cb[k] - m);
    }
    const loss = Math.log(sum) - (zt[r] - m);
    this.surp[r] = loss;
    const inv = scale / sum;
    for (let k = 0; k < K; k++) z[o + k] *= inv;
    dzt[r] = Math.exp(zt[r] - m) * inv - scale;
    return loss;
  }

  /** The gradients of the last lossAndGrad (same layer, targets and classes), scaled as it was. */
  backward(layer: OutputLayer, targets: ArrayLike<number>, set: SampledClasses, g: SampledGrads): void {
    const { R, H, ops, top, wnT, z, dTop, dWn, dRows, db, dzt, pos, cls, nCls: n } = this;
    const V = layer.V;
    const K = set.ids.length;
    // sampled classes: dW_S = topᵀ·dZ (H × K), db_S = Σ_r dZ, dTop = dZ·W_Sᵀ
    ops.gemm(top, 0, 1, H, z, 0, dWn, 0, H, R, K, false);
    db.fill(0, 0, K);
    ops.colSumAdd(z, R, K, db, 0);
    ops.gemm(z, 0, K, 1, wnT, 0, dTop, 0, R, K, H, false);
    // each row's true class, through its gathered row (class i's gradient row at i·H of dRows)
    dRows.fill(0, 0, n * H);
    for (let i = 0; i < n; i++) pos[cls[i]] = i;
    for (let r = 0; r < R; r++) {
      const y = targets[r];
      const p = pos[y] * H;
      const d = dzt[r];
      const o = r * H;
      g.gB[g.gBOff + y] += d;
      for (let h = 0; h < H; h++) {
        g.dTop[g.dTopOff + o + h] = dTop[o + h] + d * wnT[p + h];
        dRows[p + h] += d * top[o + h];
      }
    }
    for (let i = 0; i < n; i++) {
      const c = cls[i];
      pos[c] = -1;
      const gw = g.gWOff + c;
      if (i < K) {
        g.gB[g.gBOff + c] += db[i];
        for (let h = 0; h < H; h++) g.gW[gw + h * V] += dWn[h * K + i] + dRows[i * H + h];
      } else {
        for (let h = 0; h < H; h++) g.gW[gw + h * V] += dRows[i * H + h];
      }
    }
  }
}
