/**
 * A plain (Elman) tanh RNN language model, the LSTM's simpler ancestor, for the vanishing-gradient lab:
 *   x_t = emb[token_t],  h_t = tanh(x_t·Wx + h_{t−1}·Wh + b),  logits_t = h_t·Wy + by,  loss = mean cross-entropy.
 * Hand-written forward and backward pass over the LSTM's kernels (lstm/ops.ts: gemm, gather/scatter, softmax
 * cross-entropy, on WebAssembly or in float32/float64 JS); truncated BPTT with the state carried between batches,
 * exactly as the LSTM's Workspace does. Rows of activations are time-major: row r = t·B + b.
 * Backward through time: dh_t = (dlogits_t·Wyᵀ) + dz_{t+1}·Whᵀ,  dz_t = dh_t ⊙ (1 − h_t²).
 */
import { initUniform, layoutOf, type OpsKind, type ParamEntry } from '../lstm/model';
import { createJsOps, createWasmOps, type FArr, type Ops } from '../lstm/ops';

export interface RnnConfig {
  vocabSize: number;
  embedding: number;
  hidden: number;
}

export type RnnEntry = ParamEntry<'emb' | 'wx' | 'wh' | 'b' | 'wy' | 'by'>;

export function rnnLayout(cfg: RnnConfig): { entries: RnnEntry[]; total: number } {
  const { vocabSize: V, embedding: E, hidden: H } = cfg;
  return layoutOf<RnnEntry['name']>([['emb', [V, E]], ['wx', [E, H]], ['wh', [H, H]], ['b', [H]], ['wy', [H, V]], ['by', [V]]]);
}

/** Initial parameters: embedding U(±0.1), Wx and Wh U(±1/√H), output Glorot-uniform, zero biases (as the LSTM's). */
export function initRnnParams(cfg: RnnConfig, seed: number, out?: FArr): FArr {
  const { entries, total } = rnnLayout(cfg);
  const H = cfg.hidden;
  return initUniform(entries, out ?? new Float32Array(total), seed, (name) =>
    name === 'emb' ? 0.1 : name === 'wx' || name === 'wh' ? 1 / Math.sqrt(H) : name === 'wy' ? Math.sqrt(6 / (H + cfg.vocabSize)) : 0,
  );
}

/** dst[c·rows + r] = src[off + r·cols + c]: the transpose of a rows × cols block. */
function transpose(src: FArr, off: number, rows: number, cols: number, dst: FArr): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[off + r * cols + c];
}

/** Buffers and the forward/backward pass of the RNN for B sequences × T steps. */
export class RnnWorkspace {
  readonly ops: Ops;
  /** Rows of a step's matrices: B × T. */
  readonly R: number;
  readonly P: number;
  readonly off: Record<RnnEntry['name'], number>;
  theta: FArr;
  grad: FArr;
  ids: Int32Array;
  tgt: Int32Array;
  /** Embedded inputs, R × E. */
  X: FArr;
  /** Pre-activations, R × H. */
  Z: FArr;
  /** Hidden states, (T+1)·B × H; block 0 is the state carried in. */
  HH: FArr;
  logits: FArr;
  dlogits: FArr;
  surp: FArr;
  /** ∂loss/∂z per row, and ∂loss/∂x per row (after backward). */
  dZ: FArr;
  dX: FArr;
  private dH: FArr;
  private dhNext: FArr;
  private whT: FArr;
  private wxT: FArr;
  private wyT: FArr;

  constructor(
    readonly cfg: RnnConfig,
    readonly B: number,
    readonly T: number,
    opts: { ops?: OpsKind } = {},
  ) {
    this.R = B * T;
    const { entries, total } = rnnLayout(cfg);
    this.P = total;
    this.off = Object.fromEntries(entries.map((e) => [e.name, e.offset])) as Record<RnnEntry['name'], number>;
    const { vocabSize: V, embedding: E, hidden: H } = cfg;
    const R = this.R;
    const sizes = [total, total, R, R, R * E, R * E, R * H, R * H, R * H, (T + 1) * B * H, R * V, R * V, R, B * H, H * H, E * H, V * H];
    const bytes = sizes.reduce((a, n) => a + Math.ceil((n * 4) / 16) * 16 + 16, 0);
    const kind = opts.ops ?? 'wasm';
    this.ops = (kind === 'wasm' ? createWasmOps(bytes) : null) ?? createJsOps(kind === 'js64' ? 64 : 32);
    const F = (n: number) => this.ops.allocF(n);
    this.theta = F(total);
    this.grad = F(total);
    this.ids = this.ops.allocI(R);
    this.tgt = this.ops.allocI(R);
    this.X = F(R * E);
    this.dX = F(R * E);
    this.Z = F(R * H);
    this.dZ = F(R * H);
    this.dH = F(R * H);
    this.HH = F((T + 1) * B * H);
    this.logits = F(R * V);
    this.dlogits = F(R * V);
    this.surp = F(R);
    this.dhNext = F(B * H);
    this.whT = F(H * H);
    this.wxT = F(E * H);
    this.wyT = F(V * H);
  }

  /** Zero the recurrent state. */
  resetState(): void {
    const n = this.B * this.cfg.hidden;
    this.HH.fill(0, this.T * n, (this.T + 1) * n);
  }

  /**
   * Forward over one batch (inputs/targets batch-major, b·T + t), starting from the state the previous batch left.
   * Returns the mean cross-entropy; surp holds each row's, dlogits the gradient of the mean for backward().
   */
  forward(inputs: ArrayLike<number>, targets: ArrayLike<number> | null): number {
    const { ops, B, T, R, theta, off } = this;
    const { vocabSize: V, embedding: E, hidden: H } = this.cfg;
    const n = B * H;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        this.ids[t * B + b] = inputs[b * T + t];
        if (targets) this.tgt[t * B + b] = targets[b * T + t];
      }
    }
    this.HH.copyWithin(0, T * n, (T + 1) * n);
    ops.gatherRows(theta.subarray(off.emb, off.emb + V * E) as FArr, this.ids, R, E, null, 0, this.X);
    ops.gemm(this.X, 0, E, 1, theta, off.wx, this.Z, 0, R, E, H, false);
    ops.addRowBias(this.Z, theta, off.b, R, H);
    const { Z, HH } = this;
    for (let t = 0; t < T; t++) {
      ops.gemm(HH, t * n, H, 1, theta, off.wh, Z, t * n, B, H, H, true);
      for (let i = 0; i < n; i++) HH[(t + 1) * n + i] = Math.tanh(Z[t * n + i]);
    }
    ops.gemm(HH, n, H, 1, theta, off.wy, this.logits, 0, R, H, V, false);
    ops.addRowBias(this.logits, theta, off.by, R, V);
    if (!targets) return NaN;
    return ops.softmaxXent(this.logits, this.tgt, R, V, this.dlogits, 1 / R, this.surp) / R;
  }

  /** Gradient of the loss whose ∂/∂logits is in dlogits (by default the last forward's mean loss) into grad; dX gets ∂/∂x. */
  backward(): void {
    const { ops, B, T, R, theta, off, grad } = this;
    const { vocabSize: V, embedding: E, hidden: H } = this.cfg;
    const n = B * H;
    grad.fill(0);
    ops.gemm(this.HH, n, 1, H, this.dlogits, 0, grad, off.wy, H, R, V, true);
    ops.colSumAdd(this.dlogits, R, V, grad, off.by);
    transpose(theta, off.wy, H, V, this.wyT);
    ops.gemm(this.dlogits, 0, V, 1, this.wyT, 0, this.dH, 0, R, V, H, false);
    transpose(theta, off.wh, H, H, this.whT);
    const { dZ, dH, HH, dhNext } = this;
    for (let t = T - 1; t >= 0; t--) {
      for (let i = 0; i < n; i++) {
        const h = HH[(t + 1) * n + i];
        dZ[t * n + i] = (dH[t * n + i] + (t < T - 1 ? dhNext[i] : 0)) * (1 - h * h);
      }
      if (t > 0) ops.gemm(dZ, t * n, H, 1, this.whT, 0, dhNext, 0, B, H, H, false);
    }
    ops.gemm(HH, 0, 1, H, dZ, 0, grad, off.wh, H, R, H, true);
    ops.colSumAdd(dZ, R, H, grad, off.b);
    ops.gemm(this.X, 0, 1, E, dZ, 0, grad, off.wx, E, R, H, true);
    transpose(theta, off.wx, E, H, this.wxT);
    ops.gemm(dZ, 0, H, 1, this.wxT, 0, this.dX, 0, R, H, E, false);
    ops.scatterAddRows(this.dX, this.ids, R, E, grad, off.emb);
  }
}
