/**
 * The LSTM language model: embedding → 1–2 LSTM layers → softmax, with a hand-written forward and backward pass
 * over the kernels of ops.ts. Teacher forcing (the input at t is the true token t, the target token t+1),
 * truncated backpropagation through time (the state at the end of a batch starts the next one, but no gradient
 * flows into it), inverted dropout on the outputs of every LSTM layer, global-norm gradient clipping and Adam.
 *
 * Cell (gate order i, f, g, o):  z = x·Wx + h₋·Wh + b;  i,f,o = σ(z);  g = tanh(z);  c = f⊙c₋ + i⊙g;  h = o⊙tanh(c).
 * Speed: the input projections of all time steps are one big matrix product (for a small vocabulary, the table
 * emb·Wx₀ + b₀ is computed once per step and its rows gathered, which is the same function); only the recurrent
 * product h₋·Wh runs per time step; the weight gradients are one big product over all steps.
 *
 * All parameters live in one flat array (`theta`) with a named layout, so clipping, Adam and checkpoints are loops
 * over one vector. Rows of activations are time-major: row r = t·B + b.
 */
import { Rng } from '../util/rng';
import { createJsOps, createWasmOps, type FArr, type Ops } from './ops';
import { type CellKind, gatesOf, gruBackward, gruForward, rnnBackward, rnnForward } from './cells';
import { SampledSoftmax, type SampledClasses } from '../nn/sampledSoftmax';

export interface LstmConfig {
  vocabSize: number;
  embedding: number;
  hidden: number;
  layers: number;
  dropout: number;
  /** The recurrent cell (./cells.ts); absent means LSTM (models saved before the choice existed). */
  cell?: CellKind;
}

export interface ParamEntry<N extends string = string> {
  name: N;
  offset: number;
  shape: number[];
  size: number;
}

/** Named tensors laid out one after the other in one flat parameter vector, in the given order. */
export function layoutOf<N extends string>(shapes: readonly (readonly [N, number[]])[]): { entries: ParamEntry<N>[]; total: number } {
  let offset = 0;
  const entries = shapes.map(([name, shape]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const e = { name, offset, shape, size };
    offset += size;
    return e;
  });
  return { entries, total: offset };
}

export function paramLayout(cfg: LstmConfig): { entries: ParamEntry[]; total: number } {
  const { vocabSize: V, embedding: E, hidden: H, layers: L } = cfg;
  const G = gatesOf(cfg.cell);
  const shapes: [string, number[]][] = [['emb', [V, E]]];
  for (let l = 0; l < L; l++) shapes.push([`wx${l}`, [l === 0 ? E : H, G * H]], [`wh${l}`, [H, G * H]], [`b${l}`, [G * H]]);
  shapes.push(['wy', [H, V]], ['by', [V]]);
  return layoutOf(shapes);
}

/**
 * Parameters drawn entry by entry, in layout order, uniformly from ±limitOf(name) with one seeded stream; an entry
 * whose limit is 0 is zero (and draws nothing).
 */
export function initUniform<N extends string>(entries: readonly ParamEntry<N>[], theta: FArr, seed: number, limitOf: (name: N) => number): FArr {
  const rng = new Rng(seed);
  for (const e of entries) {
    const lim = limitOf(e.name);
    for (let i = 0; i < e.size; i++) theta[e.offset + i] = lim ? (rng.next() * 2 - 1) * lim : 0;
  }
  return theta;
}

/** Initial parameters: embedding U(±0.1), recurrent weights U(±1/√H), LSTM forget-gate bias 1, output Glorot-uniform. */
export function initParams(cfg: LstmConfig, seed: number, out?: FArr): FArr {
  const { entries, total } = paramLayout(cfg);
  const H = cfg.hidden;
  const theta = initUniform(entries, out ?? new Float32Array(total), seed, (name) =>
    name === 'emb' ? 0.1 : name.startsWith('wx') || name.startsWith('wh') ? 1 / Math.sqrt(H) : name === 'wy' ? Math.sqrt(6 / (H + cfg.vocabSize)) : 0,
  );
  if (gatesOf(cfg.cell) === 4) for (const e of entries) if (/^b\d$/.test(e.name)) for (let j = H; j < 2 * H; j++) theta[e.offset + j] = 1;
  return theta;
}

export type OpsKind = 'wasm' | 'js32' | 'js64';

/** Working memory of one workspace is capped below WebAssembly's 4 GB address space. */
export const MAX_WORKSPACE_BYTES = 3 * 2 ** 30;

export class WorkspaceTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceTooLargeError';
  }
}

/**
 * Buffers and the forward/backward pass for one batch shape (B sequences × T steps). A workspace owns its own
 * copy of the parameters (`theta`) and gradient (`grad`).
 */
export class Workspace {
  readonly ops: Ops;
  /** Rows of a step's matrices: B × T. */
  readonly R: number;
  readonly layout: ParamEntry[];
  readonly off: Record<string, number>;
  readonly P: number;
  readonly useTable: boolean;
  /** Gate blocks of the cell: 4 (LSTM), 3 (GRU), 1 (plain RNN). */
  readonly G: number;
  theta: FArr;
  grad: FArr;
  ids: Int32Array;
  tgt: Int32Array;
  table: FArr | null = null;
  dTable: FArr | null = null;
  X: FArr | null = null;
  dX: FArr | null = null;
  Z: FArr[] = [];
  HH: FArr[] = [];
  CC: FArr[] = [];
  TC: FArr[] = [];
  /** Dropped-out inputs of layers ≥ 1 and of the output layer (index L), with their masks. */
  drop: (FArr | null)[] = [];
  mask: (FArr | null)[] = [];
  logits: FArr;
  dlogits: FArr | null;
  surp: FArr;
  dZ: FArr | null;
  dIn: FArr | null;
  dhNext: FArr | null;
  dcNext: FArr | null;
  whT: FArr | null;
  wxT: FArr | null;
  wyT: FArr | null;
  /** GRU only: h₋·Wh of one step (B × 3H), and ∂loss/∂(h₋·Wh) of every step (R × 3H). */
  S: FArr | null = null;
  dS: FArr | null = null;

  /** Bytes of working memory (times `copies`, when several workspaces of this shape are made together). */
  readonly bytes: number;
  /** A training workspace's sampled output layer (../nn/sampledSoftmax.ts), when it trains with one. */
  readonly sampledOut: SampledSoftmax | null;
  /** The classes the next training forward samples (drawn per batch by the trainer); null: the full softmax. */
  sampledSet: SampledClasses | null = null;

  constructor(
    readonly cfg: LstmConfig,
    readonly B: number,
    readonly T: number,
    opts: { ops?: OpsKind; train?: boolean; copies?: number; sampledClasses?: number } = {},
  ) {
    this.R = B * T;
    const { entries, total } = paramLayout(cfg);
    this.layout = entries;
    this.P = total;
    this.off = Object.fromEntries(entries.map((e) => [e.name, e.offset]));
    const train = opts.train ?? true;
    // A workspace that trains only with the sampled softmax needs no R × V logits.
    const fullOut = !(train && opts.sampledClasses);
    const { vocabSize: V, embedding: E, hidden: H, layers: L, dropout } = cfg;
    const R = this.R;
    const G = (this.G = gatesOf(cfg.cell));
    const gru = cfg.cell === 'gru';
    // The table trick pays when the vocabulary is small next to the number of rows.
    this.useTable = V * 2 <= R;
    const sizes: number[] = [total, total, R, R];
    const fl = (n: number) => (sizes.push(n), n);
    const plan = () => {
      if (this.useTable) {
        fl(V * G * H);
        if (train) fl(V * G * H);
      } else {
        fl(R * E);
        if (train) fl(R * E);
      }
      for (let l = 0; l < L; l++) {
        fl(R * G * H);
        fl((T + 1) * B * H);
        fl((T + 1) * B * H);
        fl(R * H);
      }
      if (train && dropout > 0) for (let l = 1; l <= L; l++) (fl(R * H), fl(R * H));
      if (fullOut) fl(R * V);
      if (train && fullOut) fl(R * V);
      fl(R);
      if (train) [R * G * H, R * H, B * H, B * H, G * H * H, G * H * Math.max(E, H), V * H].forEach(fl);
      if (gru) fl(B * G * H);
      if (gru && train) fl(R * G * H);
    };
    plan();
    const bytes = sizes.reduce((a, n) => a + Math.ceil((n * 4) / 16) * 16 + 16, 0);
    this.bytes = bytes * (opts.copies ?? 1);
    if (this.bytes > MAX_WORKSPACE_BYTES) {
      throw new WorkspaceTooLargeError(
        `this configuration needs ${(this.bytes / 2 ** 30).toFixed(1)} GB of working memory for one batch (limit ${MAX_WORKSPACE_BYTES / 2 ** 30} GB); use a smaller batch, sequence length, hidden size or vocabulary`,
      );
    }
    const kind = opts.ops ?? 'wasm';
    let ops: Ops | null = null;
    if (kind === 'wasm') ops = createWasmOps(bytes);
    this.ops = ops ?? createJsOps(kind === 'js64' ? 64 : 32);
    const F = (n: number) => this.ops.allocF(n);
    this.theta = F(total);
    this.grad = F(total);
    this.ids = this.ops.allocI(R);
    this.tgt = this.ops.allocI(R);
    if (this.useTable) {
      this.table = F(V * G * H);
      this.dTable = train ? F(V * G * H) : null;
    } else {
      this.X = F(R * E);
      this.dX = train ? F(R * E) : null;
    }
    for (let l = 0; l < L; l++) {
      this.Z.push(F(R * G * H));
      this.HH.push(F((T + 1) * B * H));
      this.CC.push(F((T + 1) * B * H));
      this.TC.push(F(R * H));
    }
    for (let l = 0; l <= L; l++) {
      const has = train && dropout > 0 && l >= 1;
      this.drop.push(has ? F(R * H) : null);
      this.mask.push(has ? F(R * H) : null);
    }
    this.logits = F(fullOut ? R * V : 0);
    this.dlogits = train && fullOut ? F(R * V) : null;
    this.sampledOut = fullOut ? null : new SampledSoftmax(R, H, opts.sampledClasses!, this.ops.kind);
    this.surp = F(R);
    this.dZ = train ? F(R * G * H) : null;
    this.dIn = train ? F(R * H) : null;
    this.dhNext = train ? F(B * H) : null;
    this.dcNext = train ? F(B * H) : null;
    this.whT = train ? F(G * H * H) : null;
    this.wxT = train ? F(G * H * Math.max(E, H)) : null;
    this.wyT = train ? F(V * H) : null;
    if (gru) {
      this.S = F(B * G * H);
      this.dS = train ? F(R * G * H) : null;
    }
  }

  /** Zero the recurrent state (start of an epoch or of a new text). */
  resetState(): void {
    const n = this.B * this.cfg.hidden;
    for (let l = 0; l < this.cfg.layers; l++) {
      this.HH[l].fill(0, this.T * n, (this.T + 1) * n);
      this.CC[l].fill(0, this.T * n, (this.T + 1) * n);
    }
  }

  /** The state the next batch starts from: [h₀, c₀, h₁, c₁, ...], each B×H. */
  getState(): Float32Array {
    const n = this.B * this.cfg.hidden;
    const out = new Float32Array(2 * this.cfg.layers * n);
    for (let l = 0; l < this.cfg.layers; l++) {
      out.set(this.HH[l].subarray(this.T * n, (this.T + 1) * n), 2 * l * n);
      out.set(this.CC[l].subarray(this.T * n, (this.T + 1) * n), (2 * l + 1) * n);
    }
    return out;
  }

  setState(s: ArrayLike<number>): void {
    const n = this.B * this.cfg.hidden;
    if (s.length !== 2 * this.cfg.layers * n) throw new Error(`internal: state of length ${s.length}, expected ${2 * this.cfg.layers * n}`);
    for (let l = 0; l < this.cfg.layers; l++) {
      for (let i = 0; i < n; i++) {
        this.HH[l][this.T * n + i] = s[2 * l * n + i];
        this.CC[l][this.T * n + i] = s[(2 * l + 1) * n + i];
      }
    }
  }

  /** Fill dropout masks (inverted dropout: kept units are scaled by 1/(1−p)) from a seeded generator. */
  sampleMasks(rng: Rng): void {
    const p = this.cfg.dropout;
    const keep = 1 / (1 - p);
    for (const m of this.mask) {
      if (!m) continue;
      for (let i = 0; i < m.length; i++) m[i] = rng.next() < p ? 0 : keep;
    }
  }

  /**
   * Forward over one batch. `inputs`/`targets` are batch-major (b·T + t), as StreamBatcher makes them. The state
   * carried from the previous call (or reset) starts the batch. `train` applies dropout (masks from sampleMasks)
   * and computes dlogits for backward(). Returns the mean cross-entropy (nats per token); surp holds each row's.
   */
  forward(inputs: ArrayLike<number>, targets: ArrayLike<number> | null, train: boolean): number {
    const { ops, B, T, R, G, cfg, theta, off } = this;
    const { vocabSize: V, embedding: E, hidden: H, layers: L } = cfg;
    const n = B * H;
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) {
        this.ids[t * B + b] = inputs[b * T + t];
        if (targets) this.tgt[t * B + b] = targets[b * T + t];
      }
    }
    if (train && !this.dlogits && !this.sampledOut) throw new Error('internal: this workspace was made for inference only');
    if (this.sampledOut && !(train && this.sampledSet)) throw new Error('internal: this workspace trains with a sampled softmax only');
    // carry: the state after the previous batch becomes the initial state
    for (let l = 0; l < L; l++) {
      this.HH[l].copyWithin(0, T * n, (T + 1) * n);
      this.CC[l].copyWithin(0, T * n, (T + 1) * n);
    }
    // layer 0 input projection for all steps
    const Z0 = this.Z[0];
    if (this.table) {
      ops.gemm(theta, off.emb, E, 1, theta, off.wx0, this.table, 0, V, E, G * H, false);
      ops.gatherRows(this.table, this.ids, R, G * H, theta, off.b0, Z0);
    } else {
      ops.gatherRows(theta.subarray(off.emb, off.emb + V * E) as FArr, this.ids, R, E, null, 0, this.X!);
      ops.gemm(this.X!, 0, E, 1, theta, off.wx0, Z0, 0, R, E, G * H, false);
      ops.addRowBias(Z0, theta, off.b0, R, G * H);
    }
    for (let l = 0; l < L; l++) {
      const Z = this.Z[l];
      if (l > 0) {
        const [src, so] = this.layerInput(l, train);
        ops.gemm(src, so, H, 1, theta, off[`wx${l}`], Z, 0, R, H, G * H, false);
        ops.addRowBias(Z, theta, off[`b${l}`], R, G * H);
      }
      this.recurForward(l);
    }
    const [top, to] = this.layerInput(L, train);
    if (this.sampledOut) {
      if (!targets) throw new Error('internal: the sampled softmax needs targets');
      return this.sampledOut.lossAndGrad(this.outputLayer(top, to), this.tgt, this.sampledSet!, 1 / R) / R;
    }
    ops.gemm(top, to, H, 1, theta, off.wy, this.logits, 0, R, H, V, false);
    ops.addRowBias(this.logits, theta, off.by, R, V);
    if (!targets) return NaN;
    const total = ops.softmaxXent(this.logits, this.tgt, R, V, train ? this.dlogits : null, 1 / R, this.surp);
    return total / R;
  }

  /** The output layer's input rows and weights, as the sampled softmax reads them. */
  private outputLayer(top: FArr, to: number) {
    const { theta, off } = this;
    return { top, topOff: to, W: theta, wOff: off.wy, b: theta, bOff: off.by, V: this.cfg.vocabSize };
  }

  /** The recurrence of layer l over the batch's T steps; Z[l] holds x·Wx + b of every step on entry. */
  private recurForward(l: number): void {
    const { ops, B, T, G, theta } = this;
    const H = this.cfg.hidden;
    const n = B * H;
    const Z = this.Z[l];
    const HH = this.HH[l];
    const whO = this.off[`wh${l}`];
    for (let t = 0; t < T; t++) {
      if (this.S) {
        ops.gemm(HH, t * n, H, 1, theta, whO, this.S, 0, B, H, G * H, false);
        gruForward(Z, t * G * n, this.S, HH, t * n, HH, (t + 1) * n, this.TC[l], t * n, B, H);
        continue;
      }
      ops.gemm(HH, t * n, H, 1, theta, whO, Z, t * G * n, B, H, G * H, true);
      if (G === 1) rnnForward(Z, t * n, HH, (t + 1) * n, B, H);
      else ops.lstmFwd(Z, t * G * n, this.CC[l], t * n, this.CC[l], (t + 1) * n, this.TC[l], t * n, HH, (t + 1) * n, B, H);
    }
  }

  /**
   * Backward through the T steps of layer l, from ∂loss/∂h in dIn: dZ gets ∂loss/∂(x·Wx + b) of every step (and,
   * for the GRU, dS gets ∂loss/∂(h₋·Wh)).
   */
  private recurBackward(l: number): void {
    const { ops, B, T, G, theta } = this;
    const H = this.cfg.hidden;
    const n = B * H;
    const [Z, HH, TC, dZ, dIn, dhNext] = [this.Z[l], this.HH[l], this.TC[l], this.dZ!, this.dIn!, this.dhNext!];
    transpose(theta, this.off[`wh${l}`], H, G * H, this.whT!);
    for (let t = T - 1; t >= 0; t--) {
      const more = t < T - 1;
      if (this.dS) {
        gruBackward(Z, t * G * n, HH, t * n, TC, t * n, dIn, t * n, dhNext, dZ, t * G * n, this.dS, t * G * n, B, H, more);
        if (t > 0) ops.gemm(this.dS, t * G * n, G * H, 1, this.whT!, 0, dhNext, 0, B, G * H, H, true);
        continue;
      }
      if (G === 1) rnnBackward(HH, (t + 1) * n, dIn, t * n, dhNext, dZ, t * n, B, H, more);
      else ops.lstmBwd(Z, t * G * n, this.CC[l], t * n, TC, t * n, dIn, t * n, dhNext, this.dcNext!, dZ, t * G * n, B, H, more);
      if (t > 0) ops.gemm(dZ, t * G * n, G * H, 1, this.whT!, 0, dhNext, 0, B, G * H, H, false);
    }
  }

  /** The input of layer l (l = L: the output layer): the previous layer's h, dropped out when training. */
  private layerInput(l: number, train: boolean): [FArr, number] {
    const n = this.B * this.cfg.hidden;
    const prev = this.HH[l - 1];
    const d = this.drop[l];
    if (!train || !d) return [prev, n];
    const m = this.mask[l]!;
    for (let i = 0; i < d.length; i++) d[i] = prev[n + i] * m[i];
    return [d, 0];
  }

  /** Gradient of the last training forward's mean loss with respect to theta, into grad (overwritten). */
  backward(): void {
    const { ops, B, R, G, cfg, theta, off, grad } = this;
    const { vocabSize: V, embedding: E, hidden: H, layers: L } = cfg;
    const n = B * H;
    const dZ = this.dZ!;
    const dIn = this.dIn!;
    grad.fill(0);
    // output layer
    const [top, to] = this.layerInput(L, false);
    const topIn: [FArr, number] = this.drop[L] ? [this.drop[L]!, 0] : [top, to];
    if (this.sampledOut) {
      this.sampledOut.backward(this.outputLayer(topIn[0], topIn[1]), this.tgt, this.sampledSet!, { dTop: dIn, dTopOff: 0, gW: grad, gWOff: off.wy, gB: grad, gBOff: off.by });
    } else {
      ops.gemm(topIn[0], topIn[1], 1, H, this.dlogits!, 0, grad, off.wy, H, R, V, true);
      ops.colSumAdd(this.dlogits!, R, V, grad, off.by);
      transpose(theta, off.wy, H, V, this.wyT!);
      ops.gemm(this.dlogits!, 0, V, 1, this.wyT!, 0, dIn, 0, R, V, H, false);
    }
    if (this.mask[L]) ops.mulInPlace(dIn, this.mask[L]!, R * H);
    for (let l = L - 1; l >= 0; l--) {
      this.recurBackward(l);
      // weight gradients over all steps at once: dWh = Σ_t h_{t-1}ᵀ ∂loss/∂(h_{t-1}·Wh) (for the LSTM and RNN, dz_t)
      ops.gemm(this.HH[l], 0, 1, H, this.dS ?? dZ, 0, grad, off[`wh${l}`], H, R, G * H, true);
      ops.colSumAdd(dZ, R, G * H, grad, off[`b${l}`]);
      if (l > 0) {
        const inp: [FArr, number] = this.drop[l] ? [this.drop[l]!, 0] : [this.HH[l - 1], n];
        ops.gemm(inp[0], inp[1], 1, H, dZ, 0, grad, off[`wx${l}`], H, R, G * H, true);
        transpose(theta, off[`wx${l}`], H, G * H, this.wxT!);
        ops.gemm(dZ, 0, G * H, 1, this.wxT!, 0, dIn, 0, R, G * H, H, false);
        if (this.mask[l]) ops.mulInPlace(dIn, this.mask[l]!, R * H);
      } else if (this.table) {
        const dT = this.dTable!;
        dT.fill(0);
        ops.scatterAddRows(dZ, this.ids, R, G * H, dT, 0);
        transpose(theta, off.wx0, E, G * H, this.wxT!);
        ops.gemm(dT, 0, G * H, 1, this.wxT!, 0, grad, off.emb, V, G * H, E, true);
        ops.gemm(theta, off.emb, 1, E, dT, 0, grad, off.wx0, E, V, G * H, true);
      } else {
        ops.gemm(this.X!, 0, 1, E, dZ, 0, grad, off.wx0, E, R, G * H, true);
        transpose(theta, off.wx0, E, G * H, this.wxT!);
        ops.gemm(dZ, 0, G * H, 1, this.wxT!, 0, this.dX!, 0, R, G * H, E, false);
        ops.scatterAddRows(this.dX!, this.ids, R, E, grad, off.emb);
      }
    }
  }

  /** Softmax probabilities of row r of the last forward's logits (row r = t·B + b). */
  probsAt(r: number): Float64Array {
    const V = this.cfg.vocabSize;
    const out = new Float64Array(V);
    let mx = -Infinity;
    for (let k = 0; k < V; k++) mx = Math.max(mx, this.logits[r * V + k]);
    let s = 0;
    for (let k = 0; k < V; k++) s += out[k] = Math.exp(this.logits[r * V + k] - mx);
    for (let k = 0; k < V; k++) out[k] /= s;
    return out;
  }
}

/** dst[c, r] = src[off + r·cols + c] for a rows × cols matrix. */
function transpose(src: FArr, off: number, rows: number, cols: number, dst: FArr): void {
  for (let r = 0; r < rows; r++) {
    const s = off + r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[s + c];
  }
}

/** Global L2 norm of a gradient vector. */
export function globalNorm(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/** Scale g so its global norm is at most maxNorm (0 = no clipping). Returns the norm before clipping. */
export function clipGlobalNorm(g: FArr, maxNorm: number): number {
  const norm = globalNorm(g);
  if (maxNorm > 0 && norm > maxNorm) {
    const s = maxNorm / norm;
    for (let i = 0; i < g.length; i++) g[i] *= s;
  }
  return norm;
}

/** Adam (Kingma & Ba) with bias correction; `t` is the 1-based step number after this update. */
export class Adam {
  m: Float32Array;
  v: Float32Array;
  t = 0;
  constructor(
    size: number,
    public lr: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly eps = 1e-8,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  step(theta: FArr, g: FArr): void {
    this.t++;
    const { beta1: b1, beta2: b2, eps, m, v } = this;
    const c1 = 1 / (1 - Math.pow(b1, this.t));
    const c2 = 1 / (1 - Math.pow(b2, this.t));
    const lr = this.lr;
    for (let i = 0; i < theta.length; i++) {
      const gi = g[i];
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      theta[i] -= (lr * (m[i] * c1)) / (Math.sqrt(v[i] * c2) + eps);
    }
  }
}
