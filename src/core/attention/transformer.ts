/**
 * A small causal Transformer language model with hand-written backpropagation.
 *
 *   x⁰ = onehot(tokens) E + P                                  (P: sinusoidal positional encodings)
 *   for each layer:  h = LN(x);  q = h W_q + b_q,  k = h W_k + b_k,  v = h W_v + b_v   (split into heads)
 *                    A = softmax(q kᵀ / √d_k + M)               (M: 0 on and below the diagonal, −10⁹ above)
 *                    x ← x + (A v) W_o + b_o
 *                    x ← x + relu(LN(x) W_1 + b_1) W_2 + b_2
 *   logits = LN(x) W_out + b_out,   loss = mean cross-entropy of the next token
 *
 * Why by hand: on the tfjs wasm backend, matMul is fast only without transpose flags and with a batch of one
 * (≈ 30 GFLOP/s against 2–3 GFLOP/s otherwise), reducing a bias gradient over the first axis is slow, slices are
 * slow, and autodiff produces exactly those kernels. The six batched products of attention (q·kᵀ, A·v and their
 * gradients) run on an AssemblyScript SIMD kernel instead (./kernel.ts). The backward pass uses non-transposed 2-D matMuls
 * for every weight gradient (transposing the activation through a cheap 3-D permutation first), ones·dY for bias
 * gradients, precomputed masks, and the embedding lookup and its gradient in JavaScript. `referenceLoss` is the same model written plainly for
 * tfjs autodiff; the unit tests check the hand-written gradients against it.
 */
import { tf } from '../tf/backend';
import { Rng } from '../util/rng';
import { createVariables, glorotUniform, sizeOf, splitFlat, VariableModel } from './weights';
import { bmm } from './kernel';
import { SampledSoftmax, type SampledClasses, type UnigramSampler } from '../nn/sampledSoftmax';
import { ADAM_EPS, BETA1, BETA2, distinctRows, LazyRows, type RowGrad } from './lazyAdam';

export interface TransformerConfig {
  vocab: number;
  layers: number;
  heads: number;
  dModel: number;
  ffn: number;
  /** Longest context (positional encodings are made for this many positions). */
  seq: number;
  /** false: bidirectional self-attention (no mask; a masked language model). Absent or true: causal. */
  causal?: boolean;
}

export type Grads = Record<string, tf.Tensor>;

const LN_EPS = 1e-5;

/** Names of every weight, in a fixed order (used for saving). */
export function weightNames(cfg: TransformerConfig): string[] {
  const names = ['emb'];
  for (let l = 0; l < cfg.layers; l++) {
    for (const n of ['ln1g', 'ln1b', 'wq', 'bq', 'wk', 'bk', 'wv', 'bv', 'wo', 'bo', 'ln2g', 'ln2b', 'w1', 'b1', 'w2', 'b2']) names.push(`l${l}.${n}`);
  }
  names.push('lnfg', 'lnfb', 'wout', 'bout');
  return names;
}

export function weightShape(cfg: TransformerConfig, name: string): number[] {
  const { vocab: V, dModel: d, ffn: F } = cfg;
  const base = name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
  const square = [d, d];
  const shapes: Record<string, number[]> = { emb: [V, d], wq: square, wk: square, wv: square, wo: square, w1: [d, F], b1: [F], w2: [F, d], wout: [d, V], bout: [V] };
  // the rest: layer-norm gains and biases, other biases
  return [...(Object.hasOwn(shapes, base) ? shapes[base] : [d])];
}

/** Sinusoidal positional encodings [T, d]: PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(...). */
export function sinusoid(T: number, d: number): Float32Array {
  const out = new Float32Array(T * d);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < d; i++) {
      const angle = t / Math.pow(10000, (2 * Math.floor(i / 2)) / d);
      out[t * d + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return out;
}

/** Every weight's name and shape, in the order of weightNames. */
export function transformerShapes(cfg: TransformerConfig): [string, number[]][] {
  return weightNames(cfg).map((n) => [n, weightShape(cfg, n)]);
}

/** Initial weights: token embeddings of the positional encodings' scale, Glorot-uniform matrices, zero biases, unit layer-norm gains. */
export function initialWeights(cfg: TransformerConfig, seed: number): Map<string, Float32Array> {
  const rng = new Rng(seed);
  const out = new Map<string, Float32Array>();
  for (const name of weightNames(cfg)) {
    const shape = weightShape(cfg, name);
    const size = sizeOf(shape);
    const w = new Float32Array(size);
    if (name === 'emb') {
      // Token embeddings as strong as the positional encodings they are added to (each component of a sinusoid has
      // standard deviation 1/√2): Glorot's limit over a V × d table would make them ~50× weaker at V = 10,000, so the
      // first layers would read positions almost alone.
      const limit = Math.sqrt(3 / 2);
      for (let i = 0; i < size; i++) w[i] = (rng.next() * 2 - 1) * limit;
    } else if (shape.length === 2) {
      glorotUniform(w, shape[0], shape[1], rng);
      // Scale residual-branch outputs down with depth (GPT-2 style) so deeper stacks start near the identity.
      if (/\.(wo|w2)$/.test(name)) for (let i = 0; i < size; i++) w[i] /= Math.sqrt(2 * cfg.layers);
    } else if (/ln.g$/.test(name)) {
      w.fill(1);
    }
    out.set(name, w);
  }
  return out;
}

export function validateConfig(cfg: TransformerConfig): void {
  const bad = (m: string) => {
    throw new Error(`invalid Transformer configuration: ${m}`);
  };
  if (!Number.isInteger(cfg.vocab) || cfg.vocab < 2) bad(`the vocabulary needs at least 2 tokens, got ${cfg.vocab}`);
  if (!Number.isInteger(cfg.layers) || cfg.layers < 1) bad(`layers must be a positive whole number, got ${cfg.layers}`);
  if (!Number.isInteger(cfg.heads) || cfg.heads < 1) bad(`heads must be a positive whole number, got ${cfg.heads}`);
  if (!Number.isInteger(cfg.dModel) || cfg.dModel < 1) bad(`d_model must be a positive whole number, got ${cfg.dModel}`);
  if (cfg.dModel % cfg.heads !== 0) bad(`d_model (${cfg.dModel}) must be divisible by the number of heads (${cfg.heads})`);
  if (!Number.isInteger(cfg.ffn) || cfg.ffn < 1) bad(`the feed-forward width must be a positive whole number, got ${cfg.ffn}`);
  if (!Number.isInteger(cfg.seq) || cfg.seq < 1) bad(`the context length must be a positive whole number, got ${cfg.seq}`);
  if (cfg.causal !== undefined && typeof cfg.causal !== 'boolean') bad(`causal must be true or false, got ${JSON.stringify(cfg.causal)}`);
}

/** Whether the model masks attention to later positions (the default) or attends both ways. */
export function isCausal(cfg: TransformerConfig): boolean {
  return cfg.causal !== false;
}

/** x [R, C] → xᵀ [C, R]. A 3-D permutation is several times faster than the 2-D transpose kernel on wasm. */
function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  const [R, C] = x.shape;
  if (R % 8 === 0 && R >= 64) return tf.transpose(x.reshape([R / 8, 8, C]), [2, 0, 1]).reshape([C, R]);
  return tf.transpose(x);
}

interface LnCache {
  xhat: tf.Tensor2D;
  rstd: tf.Tensor2D;
}

interface LayerCache {
  ln1: LnCache;
  h: tf.Tensor2D;
  q: tf.Tensor3D;
  k: tf.Tensor3D;
  v: tf.Tensor3D;
  p: tf.Tensor3D;
  o: tf.Tensor2D;
  ln2: LnCache;
  h2: tf.Tensor2D;
  u: tf.Tensor2D;
  r: tf.Tensor2D;
}

export class TransformerLM extends VariableModel {
  readonly weights: Map<string, tf.Variable>;
  private readonly consts = new Map<string, tf.Tensor>();
  /** Weights read back into JavaScript, each valid while its variable holds the same data (an assign replaces it). */
  private readonly host = new Map<string, { dataId: object; values: Float32Array }>();
  /**
   * The sampled output layer's gradient buffers, reused from step to step; `clean`: gW is zero (after a step with
   * rows, whose columns sampledRowGrads zeroes again).
   */
  private sampledBuffers: { gW: Float32Array; gB: Float32Array; dTop: Float32Array; clean: boolean } | null = null;
  private readonly dk: number;
  /** Brings weights a trainer updates lazily up to date (see Trainer); called before anything reads the weights. */
  private settleHook: (() => void) | null = null;

  constructor(readonly cfg: TransformerConfig, init: Map<string, Float32Array>) {
    super();
    validateConfig(cfg);
    this.dk = cfg.dModel / cfg.heads;
    this.weights = createVariables(transformerShapes(cfg), init, `tlm${nextId++}`);
  }

  private w(name: string): tf.Variable {
    return this.weights.get(name)!;
  }

  /**
   * A weight's values in JavaScript: read once, then reused until the variable is assigned new data. Change them only
   * to hand them to assignWeight at once (as Adam does).
   */
  hostValues(name: string): Float32Array {
    const v = this.w(name);
    const c = this.host.get(name);
    if (c && c.dataId === v.dataId) return c.values;
    const values = v.dataSync() as Float32Array;
    this.host.set(name, { dataId: v.dataId, values });
    return values;
  }

  /**
   * `hook` is called before the weights are read outside a training step (scoring, attention maps, generation,
   * saving): a trainer that updates some weights lazily brings them up to date there. null: none.
   */
  setSettleHook(hook: (() => void) | null): void {
    this.settleHook = hook;
  }

  /** Bring lazily updated weights up to date (a no-op without a trainer that updates lazily). */
  settle(): void {
    this.settleHook?.();
  }

  override weightValues(): Promise<Map<string, Float32Array>> {
    this.settle();
    return super.weightValues();
  }

  /** Give weight `name` the new `values` (taken over: the caller must not change them afterwards). */
  assignWeight(name: string, values: Float32Array): void {
    const v = this.w(name);
    const t = tf.tensor(values, v.shape);
    v.assign(t);
    t.dispose();
    this.host.set(name, { dataId: v.dataId, values });
  }

  /** Constant tensors reused across steps: positional encodings tiled over the batch, masks, ones. */
  private constant(key: string, make: () => tf.Tensor): tf.Tensor {
    let t = this.consts.get(key);
    if (!t) {
      t = tf.keep(make());
      this.consts.set(key, t);
    }
    return t;
  }

  private positions(B: number, T: number): tf.Tensor2D {
    return this.constant(`pos${B}x${T}`, () => {
      const d = this.cfg.dModel;
      const one = sinusoid(T, d);
      const all = new Float32Array(B * T * d);
      for (let b = 0; b < B; b++) all.set(one, b * T * d);
      return tf.tensor2d(all, [B * T, d]);
    }) as tf.Tensor2D;
  }

  /** Additive causal mask [B·H, T, T]: 0 where key ≤ query, −10⁹ above the diagonal (exp gives exactly 0). */
  private mask(BH: number, T: number): tf.Tensor3D {
    return this.constant(`mask${BH}x${T}`, () => {
      const m = new Float32Array(BH * T * T);
      for (let b = 0; b < BH; b++) for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) m[b * T * T + i * T + j] = -1e9;
      return tf.tensor3d(m, [BH, T, T]);
    }) as tf.Tensor3D;
  }

  private ones(N: number): tf.Tensor2D {
    return this.constant(`ones${N}`, () => tf.ones([1, N])) as tf.Tensor2D;
  }

  checkTokens(ids: Int32Array, B: number): number {
    if (B < 1 || ids.length === 0 || ids.length % B !== 0) throw new Error(`expected ${B} sequences of equal length, got ${ids.length} tokens`);
    const T = ids.length / B;
    if (T > this.cfg.seq) throw new Error(`the model reads at most ${this.cfg.seq} tokens at once, got ${T}`);
    for (let i = 0; i < ids.length; i++) {
      if (!Number.isInteger(ids[i]) || ids[i] < 0 || ids[i] >= this.cfg.vocab) throw new Error(`token id ${ids[i]} is outside the vocabulary (0–${this.cfg.vocab - 1})`);
    }
    return T;
  }

  /** Rows of the embedding matrix for the token ids, [N, d]. */
  private embed(ids: Int32Array): tf.Tensor2D {
    const d = this.cfg.dModel;
    const table = this.hostValues('emb');
    const out = new Float32Array(ids.length * d);
    for (let i = 0; i < ids.length; i++) out.set(table.subarray(ids[i] * d, ids[i] * d + d), i * d);
    return tf.tensor2d(out, [ids.length, d]);
  }

  private layerNorm(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor): { y: tf.Tensor2D; cache: LnCache } {
    const d = x.shape[1];
    const mean = tf.sum(x, -1, true).mul(1 / d);
    const xc = tf.sub(x, mean);
    const variance = tf.sum(tf.mul(xc, xc), -1, true).mul(1 / d);
    const rstd = tf.rsqrt(tf.add(variance, LN_EPS)) as tf.Tensor2D;
    const xhat = tf.mul(xc, rstd) as tf.Tensor2D;
    return { y: tf.add(tf.mul(xhat, g), b) as tf.Tensor2D, cache: { xhat, rstd } };
  }

  /** dx of y = LN(x)·g + b, and the gain and bias gradients. */
  private layerNormBackward(dy: tf.Tensor2D, c: LnCache, g: tf.Tensor, ones: tf.Tensor2D): { dx: tf.Tensor2D; dg: tf.Tensor; db: tf.Tensor } {
    const d = dy.shape[1];
    const dg = tf.matMul(ones, tf.mul(dy, c.xhat)).reshape([d]);
    const db = tf.matMul(ones, dy).reshape([d]);
    const dxhat = tf.mul(dy, g);
    const m1 = tf.sum(dxhat, -1, true).mul(1 / d);
    const m2 = tf.sum(tf.mul(dxhat, c.xhat), -1, true).mul(1 / d);
    const dx = tf.mul(tf.sub(tf.sub(dxhat, m1), tf.mul(c.xhat, m2)), c.rstd) as tf.Tensor2D;
    return { dx, dg, db };
  }

  /** [N, d] → [B·H, T, d_k] */
  private splitHeads(x: tf.Tensor2D, B: number, T: number): tf.Tensor3D {
    const H = this.cfg.heads;
    if (H === 1) return x.reshape([B, T, this.dk]);
    return tf.transpose(x.reshape([B, T, H, this.dk]), [0, 2, 1, 3]).reshape([B * H, T, this.dk]);
  }

  /** [B·H, T, d_k] → [N, d] */
  private mergeHeads(x: tf.Tensor3D, B: number, T: number): tf.Tensor2D {
    const H = this.cfg.heads;
    if (H === 1) return x.reshape([B * T, this.cfg.dModel]);
    return tf.transpose(x.reshape([B, H, T, this.dk]), [0, 2, 1, 3]).reshape([B * T, this.cfg.dModel]);
  }

  /** Forward pass; returns the logits (unless `withLogits` is false), the output layer norm and what backward needs. */
  private forward(ids: Int32Array, B: number, T: number, withLogits = true) {
    const { layers, heads: H } = this.cfg;
    const scale = 1 / Math.sqrt(this.dk);
    // Embedding lookup done in JavaScript (tf.gather is slow on wasm: 8 ms for 2048 rows; its gradient is missing
    // there too — lossAndGrads sums the embedding gradient by a scatter-add).
    let x = tf.add(this.embed(ids), this.positions(B, T)) as tf.Tensor2D;
    const caches: LayerCache[] = [];
    const mask = isCausal(this.cfg) ? this.mask(B * H, T) : null;
    for (let l = 0; l < layers; l++) {
      const p = (n: string) => this.w(`l${l}.${n}`);
      const ln1 = this.layerNorm(x, p('ln1g'), p('ln1b'));
      const h = ln1.y;
      const q = this.splitHeads(tf.add(tf.matMul(h, p('wq')), p('bq')), B, T);
      const k = this.splitHeads(tf.add(tf.matMul(h, p('wk')), p('bk')), B, T);
      const v = this.splitHeads(tf.add(tf.matMul(h, p('wv')), p('bv')), B, T);
      const scaled = tf.mul(bmm(q, k, false, true), scale);
      const s = mask ? tf.add(scaled, mask) : scaled;
      const att = tf.softmax(s) as tf.Tensor3D;
      const o = this.mergeHeads(bmm(att, v), B, T);
      x = tf.add(x, tf.add(tf.matMul(o, p('wo')), p('bo')));
      const ln2 = this.layerNorm(x, p('ln2g'), p('ln2b'));
      const h2 = ln2.y;
      const u = tf.add(tf.matMul(h2, p('w1')), p('b1')) as tf.Tensor2D;
      const r = tf.relu(u);
      x = tf.add(x, tf.add(tf.matMul(r, p('w2')), p('b2')));
      caches.push({ ln1: ln1.cache, h, q, k, v, p: att, o, ln2: ln2.cache, h2, u, r });
    }
    const lnf = this.layerNorm(x, this.w('lnfg'), this.w('lnfb'));
    const logits = withLogits ? (tf.add(tf.matMul(lnf.y, this.w('wout')), this.w('bout')) as tf.Tensor2D) : null!;
    return { logits, caches, lnf };
  }

  /** Logits [B·T, V] (no gradients). */
  logits(ids: Int32Array, B: number): tf.Tensor2D {
    const T = this.checkTokens(ids, B);
    this.settle();
    return tf.tidy(() => this.forward(ids, B, T).logits);
  }

  /**
   * Mean cross-entropy of `targets` given `ids` (both B·T token ids), without gradients. With `weights` (one 0/1 per
   * position) only the positions of weight 1 count: Σ w_i·CE_i / Σ w_i.
   */
  loss(ids: Int32Array, targets: Int32Array, B: number, weights?: Float32Array): number {
    const T = this.checkTokens(ids, B);
    this.checkTokens(targets, B);
    this.settle();
    return tf.tidy(() => {
      const { logits } = this.forward(ids, B, T);
      return weightedCrossEntropy(logits, targets, weights).loss.dataSync()[0];
    });
  }

  /**
   * Loss and the gradient of every weight, by the hand-written backward pass. The caller disposes the tensors.
   * With `sampled.rows`, the gradients of the token embeddings and the output weights are not tensors in `grads`
   * but `rows`: those of the rows named there (the batch's words; the sampled classes and the targets), which the
   * caller has brought up to date; no other row is read.
   */
  lossAndGrads(ids: Int32Array, targets: Int32Array, B: number, weights?: Float32Array, sampled?: SampledOutput): { loss: tf.Scalar; grads: Grads; rows?: Record<'emb' | 'wout', RowGrad> } {
    const T = this.checkTokens(ids, B);
    this.checkTokens(targets, B);
    const { layers, dModel: d } = this.cfg;
    const N = B * T;
    const scale = 1 / Math.sqrt(this.dk);
    if (sampled && weights) throw new Error('internal: the sampled softmax trains on every position');
    if (!sampled?.rows) this.settle();
    let rows: Record<'emb' | 'wout', RowGrad> | undefined;
    const out = tf.tidy(() => {
      const grads: Grads = {};
      const ones = this.ones(N);
      const { logits, caches, lnf } = this.forward(ids, B, T, !sampled);
      // Output layer.
      const hf = tf.add(tf.mul(lnf.cache.xhat, this.w('lnfg')), this.w('lnfb')) as tf.Tensor2D;
      let loss: tf.Scalar;
      let dhf: tf.Tensor2D;
      if (sampled) {
        ({ loss, dhf } = this.sampledOutput(hf, targets, sampled, grads));
      } else {
        const ce = weightedCrossEntropy(logits, targets, weights);
        loss = ce.loss;
        grads.wout = weightGrad(hf, ce.dz);
        grads.bout = tf.matMul(ones, ce.dz).reshape([this.cfg.vocab]);
        dhf = tf.matMul(ce.dz, transpose2d(this.w('wout') as tf.Tensor2D)) as tf.Tensor2D;
      }
      const f = this.layerNormBackward(dhf, lnf.cache, this.w('lnfg'), ones);
      grads.lnfg = f.dg;
      grads.lnfb = f.db;
      let dx = f.dx;
      for (let l = layers - 1; l >= 0; l--) {
        const c = caches[l];
        const p = (n: string) => this.w(`l${l}.${n}`) as tf.Tensor2D;
        const g = (n: string, t: tf.Tensor) => (grads[`l${l}.${n}`] = t);
        // Feed-forward: x2 = x1 + relu(h2 W1 + b1) W2 + b2.
        g('w2', weightGrad(c.r, dx));
        g('b2', tf.matMul(ones, dx).reshape([d]));
        const dr = tf.matMul(dx, transpose2d(p('w2')));
        const du = tf.mul(dr, tf.step(c.u)) as tf.Tensor2D;
        g('w1', weightGrad(c.h2, du));
        g('b1', tf.matMul(ones, du).reshape([this.cfg.ffn]));
        const dh2 = tf.matMul(du, transpose2d(p('w1'))) as tf.Tensor2D;
        const l2 = this.layerNormBackward(dh2, c.ln2, p('ln2g'), ones);
        g('ln2g', l2.dg);
        g('ln2b', l2.db);
        dx = tf.add(dx, l2.dx) as tf.Tensor2D;
        // Attention: x1 = x + (softmax(q kᵀ/√dk + M) v) Wo + bo.
        g('wo', weightGrad(c.o, dx));
        g('bo', tf.matMul(ones, dx).reshape([d]));
        const dO = this.splitHeads(tf.matMul(dx, transpose2d(p('wo'))) as tf.Tensor2D, B, T);
        const dP = bmm(dO, c.v, false, true);
        const dV = bmm(c.p, dO, true, false);
        // softmax backward: dS = P ⊙ (dP − Σ_j dP⊙P)
        const dS = tf.mul(c.p, tf.sub(dP, tf.sum(tf.mul(dP, c.p), -1, true))).mul(scale) as tf.Tensor3D;
        const dQ = this.mergeHeads(bmm(dS, c.k), B, T);
        const dK = this.mergeHeads(bmm(dS, c.q, true, false), B, T);
        const dVm = this.mergeHeads(dV as tf.Tensor3D, B, T);
        const hT = transpose2d(c.h);
        g('wq', tf.matMul(hT, dQ));
        g('wk', tf.matMul(hT, dK));
        g('wv', tf.matMul(hT, dVm));
        g('bq', tf.matMul(ones, dQ).reshape([d]));
        g('bk', tf.matMul(ones, dK).reshape([d]));
        g('bv', tf.matMul(ones, dVm).reshape([d]));
        const dh = tf.addN([
          tf.matMul(dQ, transpose2d(p('wq'))),
          tf.matMul(dK, transpose2d(p('wk'))),
          tf.matMul(dVm, transpose2d(p('wv'))),
        ]) as tf.Tensor2D;
        const l1 = this.layerNormBackward(dh, c.ln1, p('ln1g'), ones);
        g('ln1g', l1.dg);
        g('ln1b', l1.db);
        dx = tf.add(dx, l1.dx) as tf.Tensor2D;
      }
      if (sampled?.rows) {
        rows = { emb: scatterOnto(ids, dx, sampled.rows.emb, this.rowSlots()), wout: this.sampledRowGrads(sampled.rows.wout) };
      } else {
        grads.emb = scatterRows(ids, dx, this.cfg.vocab);
      }
      return { loss, grads };
    });
    return rows ? { ...out, rows } : out;
  }

  /** A scratch array of one slot per vocabulary entry, all −1 between uses. */
  private slots: Int32Array | null = null;
  rowSlots(): Int32Array {
    if (this.slots?.length !== this.cfg.vocab) this.slots = new Int32Array(this.cfg.vocab).fill(-1);
    return this.slots;
  }

  /**
   * The output weights' gradient rows (columns of W_out) of `classes` out of the sampled layer's gradient buffer,
   * which is zero elsewhere; those columns are zeroed again for the next step.
   */
  private sampledRowGrads(classes: Int32Array): RowGrad {
    const { vocab: V, dModel: d } = this.cfg;
    const gW = this.sampledBuffers!.gW;
    const values = new Float32Array(classes.length * d);
    for (let k = 0; k < classes.length; k++) {
      const c = classes[k];
      for (let h = 0, i = c, o = k * d; h < d; h++, i += V, o++) (values[o] = gW[i]), (gW[i] = 0);
    }
    return { ids: classes, values };
  }

  /** The sampled softmax over hf [N, d] (../nn/sampledSoftmax.ts): the loss, ∂loss/∂hf, and wout's and bout's gradients. */
  private sampledOutput(hf: tf.Tensor2D, targets: Int32Array, sampled: SampledOutput, grads: Grads): { loss: tf.Scalar; dhf: tf.Tensor2D } {
    const { vocab: V, dModel: d } = this.cfg;
    const N = targets.length;
    if (this.sampledBuffers?.dTop.length !== N * d) this.sampledBuffers = { gW: new Float32Array(d * V), gB: new Float32Array(V), dTop: new Float32Array(N * d), clean: true };
    const buffers = this.sampledBuffers;
    const { gW, gB, dTop } = buffers;
    // with rows, only the columns of the sampled classes and the targets are written, and sampledRowGrads zeroes them
    if (!buffers.clean) gW.fill(0);
    buffers.clean = sampled.rows !== undefined;
    gB.fill(0);
    const layer = { top: hf.dataSync() as Float32Array, topOff: 0, W: this.hostValues('wout'), wOff: 0, b: this.hostValues('bout'), bOff: 0, V };
    const total = sampled.layer.lossAndGrad(layer, targets, sampled.set, 1 / N, { dTop, dTopOff: 0, gW, gWOff: 0, gB, gBOff: 0 });
    if (!sampled.rows) grads.wout = tf.tensor2d(gW, [d, V]);
    grads.bout = tf.tensor1d(gB);
    return { loss: tf.scalar(total / N), dhf: tf.tensor2d(dTop, [N, d]) };
  }

  /**
   * The same loss written plainly with tfjs ops, for autodiff (tf.grads) — the reference the hand-written
   * backward pass is tested against. `w` maps weight names to tensors.
   */
  referenceLoss(w: Record<string, tf.Tensor>, ids: Int32Array, targets: Int32Array, B: number, weights?: Float32Array): tf.Scalar {
    const T = ids.length / B;
    const { vocab: V, dModel: d, heads: H, layers } = this.cfg;
    const ln = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(x, -1, true);
      return x.sub(mean).div(variance.add(LN_EPS).sqrt()).mul(g).add(b);
    };
    const causal = tf.linalg.bandPart(tf.ones([T, T]), -1, 0).cast('bool');
    let x: tf.Tensor = tf.oneHot(tf.tensor1d(ids, 'int32'), V).toFloat().matMul(w.emb).add(tf.tensor2d(sinusoid(T, d), [T, d]).tile([B, 1]));
    for (let l = 0; l < layers; l++) {
      const p = (n: string) => w[`l${l}.${n}`];
      const h = ln(x, p('ln1g'), p('ln1b'));
      const heads = (t: tf.Tensor) => t.reshape([B, T, H, this.dk]).transpose([0, 2, 1, 3]);
      const q = heads(h.matMul(p('wq')).add(p('bq')));
      const k = heads(h.matMul(p('wk')).add(p('bk')));
      const v = heads(h.matMul(p('wv')).add(p('bv')));
      const s = tf.matMul(q, k, false, true).div(Math.sqrt(this.dk));
      const att = tf.softmax(isCausal(this.cfg) ? tf.where(causal.reshape([1, 1, T, T]).tile([B, H, 1, 1]), s, tf.fill(s.shape, -1e9)) : s);
      const o = tf.matMul(att, v).transpose([0, 2, 1, 3]).reshape([B * T, d]);
      x = x.add(o.matMul(p('wo')).add(p('bo')));
      const f = tf.relu(ln(x, p('ln2g'), p('ln2b')).matMul(p('w1')).add(p('b1'))).matMul(p('w2')).add(p('b2'));
      x = x.add(f);
    }
    const logits = ln(x, w.lnfg, w.lnfb).matMul(w.wout).add(w.bout);
    const w8 = weights ? tf.tensor1d(weights) : undefined;
    return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(targets, 'int32'), V), logits, w8, 0, tf.Reduction.SUM_BY_NONZERO_WEIGHTS) as tf.Scalar;
  }

  /**
   * Attention weights of one sequence for every layer and head: [layer][head][query][key]. Rows sum to 1; in a
   * causal model every entry above the diagonal is 0.
   */
  attention(ids: Int32Array): number[][][][] {
    const T = this.checkTokens(ids, 1);
    this.settle();
    const { layers, heads: H } = this.cfg;
    const maps = tf.tidy(() => this.forward(ids, 1, T).caches.map((c) => c.p));
    const out: number[][][][] = [];
    for (let l = 0; l < layers; l++) {
      const data = maps[l].dataSync();
      const layer: number[][][] = [];
      for (let h = 0; h < H; h++) {
        const rows: number[][] = [];
        for (let i = 0; i < T; i++) rows.push(Array.from(data.subarray(h * T * T + i * T, h * T * T + (i + 1) * T)));
        layer.push(rows);
      }
      out.push(layer);
    }
    tf.dispose(maps);
    return out;
  }

  /** Next-token probabilities after `ids` (one sequence, at most `seq` tokens). */
  nextProbabilities(ids: Int32Array): Float32Array {
    const T = this.checkTokens(ids, 1);
    this.settle();
    return tf.tidy(() => {
      const logits = this.forward(ids, 1, T).logits;
      return tf.softmax(logits.slice([T - 1, 0], [1, this.cfg.vocab])).dataSync() as Float32Array;
    });
  }

  override dispose(): void {
    super.dispose();
    for (const t of this.consts.values()) t.dispose();
    this.consts.clear();
    this.host.clear();
    this.sampledBuffers = null;
  }
}

let nextId = 0;

/** dW = xᵀ·dy with non-transposed matMuls: transpose the narrower of the two through the fast 3-D permutation. */
function weightGrad(x: tf.Tensor2D, dy: tf.Tensor2D): tf.Tensor2D {
  if (x.shape[1] <= dy.shape[1]) return tf.matMul(transpose2d(x), dy);
  return transpose2d(tf.matMul(transpose2d(dy), x));
}

/**
 * The embedding gradient's rows of `rows` (the distinct ids, in that order): row k = Σ_{i: ids[i] = rows[k]} dx[i].
 * `slots`: one entry per vocabulary id, all −1 (left so).
 */
function scatterOnto(ids: Int32Array, dx: tf.Tensor2D, rows: Int32Array, slots: Int32Array): RowGrad {
  const d = dx.shape[1];
  const src = dx.dataSync();
  const values = new Float32Array(rows.length * d);
  for (let k = 0; k < rows.length; k++) slots[rows[k]] = k;
  for (let i = 0; i < ids.length; i++) {
    const o = slots[ids[i]] * d;
    if (o < 0) throw new Error(`internal: token ${ids[i]} is not among the rows given`);
    const r = i * d;
    for (let j = 0; j < d; j++) values[o + j] += src[r + j];
  }
  for (let k = 0; k < rows.length; k++) slots[rows[k]] = -1;
  return { ids: rows, values };
}

/** dE[v] = Σ_{i: ids[i] = v} dx[i]: the embedding gradient, summed in JavaScript (no one-hot matrix of V × N). */
function scatterRows(ids: Int32Array, dx: tf.Tensor2D, V: number): tf.Tensor2D {
  const d = dx.shape[1];
  const src = dx.dataSync();
  const out = new Float32Array(V * d);
  for (let i = 0; i < ids.length; i++) {
    const o = ids[i] * d;
    const r = i * d;
    for (let j = 0; j < d; j++) out[o + j] += src[r + j];
  }
  return tf.tensor2d(out, [V, d]);
}

/**
 * Cross-entropy of `targets` under `logits` [N, V] averaged over the positions whose weight is 1 (all N when
 * `weights` is absent), and its gradient with respect to the logits:
 *   loss = Σ_i w_i (logsumexp(z_i) − z_i,y_i) / Σ_i w_i,   dz_i = w_i (softmax(z_i) − onehot(y_i)) / Σ_i w_i.
 * A position of weight 0 contributes nothing to either, whatever its logits. `count` is Σ_i w_i.
 */
export function weightedCrossEntropy(logits: tf.Tensor2D, targets: Int32Array, weights?: Float32Array): { loss: tf.Scalar; dz: tf.Tensor2D; count: number } {
  const [N, V] = logits.shape;
  if (targets.length !== N || (weights && weights.length !== N)) throw new Error(`expected ${N} targets and weights, got ${targets.length} and ${weights?.length}`);
  const m = new Float32Array(N * V);
  const col = new Float32Array(N);
  let count = 0;
  for (let i = 0; i < N; i++) {
    const w = weights ? weights[i] : 1;
    if (w !== 0 && w !== 1) throw new Error(`position weights must be 0 or 1, got ${w}`);
    m[i * V + targets[i]] = w;
    col[i] = w;
    count += w;
  }
  return tf.tidy(() => {
    const wOneHot = tf.tensor2d(m, [N, V]);
    const logp = tf.logSoftmax(logits);
    const inv = count > 0 ? 1 / count : 0;
    const loss = tf.neg(tf.sum(tf.mul(wOneHot, logp))).mul(inv) as tf.Scalar;
    const probs = weights ? tf.mul(tf.exp(logp), tf.tensor2d(col, [N, 1])) : tf.exp(logp);
    const dz = tf.mul(tf.sub(probs, wOneHot), inv) as tf.Tensor2D;
    return { loss, dz, count };
  }) as { loss: tf.Scalar; dz: tf.Tensor2D; count: number };
}

/** A sampled output layer and the classes of one batch, for lossAndGrads. */
export interface SampledOutput {
  layer: SampledSoftmax;
  set: SampledClasses;
  /**
   * The rows whose gradients lossAndGrads returns as rows instead of dense tensors: the batch's distinct words
   * (token embeddings) and the sampled classes with the targets (output weights), each list distinct.
   */
  rows?: { emb: Int32Array; wout: Int32Array };
}

/** The seed of the sampled classes' draws at a step: from the run's seed and the optimiser's step count alone. */
export function sampledDrawSeed(seed: number, iterations: number): number {
  return (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(iterations + 1, 0x85ebca6b)) >>> 0;
}

/** Training with the sampled softmax: the sampler, classes drawn per step, and the seed of their draws. */
export interface SampledTraining {
  sampler: UnigramSampler;
  draws: number;
  seed: number;
}

/**
 * Adam over hand-computed gradients, one fused pass per weight in JavaScript. It computes what tfjs's
 * `tf.train.adam(lr)` does (m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε),
 * the powers β₁ᵗ, β₂ᵗ kept as float32 products as tfjs keeps them) without a dozen tensor kernels and temporaries per
 * weight: at a 10,000-word vocabulary the embedding and the output matrix make those kernels a large part of a step.
 *
 * With the sampled softmax a step reads and changes only a few rows of those two matrices (the batch's words, the
 * sampled classes and the targets); their other rows are updated lazily (./lazyAdam.ts): brought up to date when a
 * step reads them, and all of them whenever the model is read otherwise (its settle hook) or Adam's state is saved.
 */
export class Trainer {
  /** Adam's moments per weight (allocated at the first step, as tfjs does), and its step count. */
  private m: Map<string, Float32Array> | null = null;
  private v: Map<string, Float32Array> | null = null;
  iterations = 0;
  /** β₁ᵗ⁺¹ and β₂ᵗ⁺¹ after t steps. */
  private accBeta1 = Math.fround(BETA1);
  private accBeta2 = Math.fround(BETA2);
  private layer: SampledSoftmax | null = null;
  /** The lazily updated matrices (sampled softmax only), and whether any of their rows is behind. */
  private lazy: Map<'emb' | 'wout', LazyRows> | null = null;
  private behind = false;

  /**
   * `warmup` > 0: the step size of step s (from 1) is lr·min(s/warmup, √(warmup/s)) — a linear rise over the first
   * `warmup` steps, then a decay as 1/√s; 0: lr at every step.
   */
  constructor(
    readonly model: TransformerLM,
    readonly lr: number,
    readonly sampled?: SampledTraining,
    readonly warmup = 0,
    /** Adam's ε (tfjs's by default; the unit tests compare the lazy rows with ε = 0). */
    readonly eps = ADAM_EPS,
  ) {}

  /** The step size of step s (from 1). */
  rateAt(s: number): number {
    if (this.warmup <= 0) return this.lr;
    return this.lr * Math.min(s / this.warmup, Math.sqrt(this.warmup / s));
  }

  /** The step size of the next step. */
  rate(): number {
    return this.rateAt(this.iterations + 1);
  }

  /**
   * The sampled output layer for this batch size and this step's classes: drawn from a generator of the seed and the
   * optimiser's step count alone, so a resumed run draws what an uninterrupted one would.
   */
  private sampledOutput(N: number): SampledOutput | undefined {
    const s = this.sampled;
    if (!s) return undefined;
    if (!this.layer || this.layer.R !== N) this.layer = new SampledSoftmax(N, this.model.cfg.dModel, s.draws);
    return { layer: this.layer, set: s.sampler.draw(s.draws, new Rng(sampledDrawSeed(s.seed, this.iterations))) };
  }

  /** One step on B sequences; returns the training loss (before the update). */
  async step(ids: Int32Array, targets: Int32Array, B: number, weights?: Float32Array): Promise<number> {
    const sampled = this.sampledOutput(ids.length);
    if (sampled) sampled.rows = this.prepareRows(ids, targets, sampled.set.ids);
    const { loss, grads, rows } = this.model.lossAndGrads(ids, targets, B, weights, sampled);
    this.apply(grads, rows);
    const v = (await loss.data())[0];
    loss.dispose();
    return v;
  }

  private ensureMoments(): { m: Map<string, Float32Array>; v: Map<string, Float32Array> } {
    if (!this.m || !this.v) {
      this.m = new Map();
      this.v = new Map();
      for (const [name, w] of this.model.weights) this.m.set(name, new Float32Array(w.size)), this.v.set(name, new Float32Array(w.size));
    }
    return { m: this.m, v: this.v };
  }

  /** The step's rows of the embedding and the output matrix, brought up to date for it to read them. */
  private prepareRows(ids: Int32Array, targets: Int32Array, sampledIds: Int32Array): { emb: Int32Array; wout: Int32Array } {
    const { m, v } = this.ensureMoments();
    const { vocab: V, dModel: d } = this.model.cfg;
    if (!this.lazy) {
      const make = (name: 'emb' | 'wout', layout: ConstructorParameters<typeof LazyRows>[0]) => new LazyRows(layout, m.get(name)!, v.get(name)!, (s) => this.rateAt(s), this.iterations, this.eps);
      this.lazy = new Map([
        ['emb', make('emb', { rows: V, width: d, rowStride: d, colStride: 1 })],
        ['wout', make('wout', { rows: V, width: d, rowStride: 1, colStride: V })],
      ]);
      this.model.setSettleHook(() => this.settle());
    }
    const slots = this.model.rowSlots();
    const rows = { emb: distinctRows([ids], slots), wout: distinctRows([sampledIds, targets], slots) };
    for (const name of ['emb', 'wout'] as const) this.lazy.get(name)!.catchUp(this.model.hostValues(name), rows[name], this.iterations);
    return rows;
  }

  /** Bring every lazily updated row up to date and hand the matrices to the model's variables. */
  settle(): void {
    if (!this.lazy || !this.behind || this.model.weights.size === 0) return;
    for (const [name, rows] of this.lazy) {
      const w = this.model.hostValues(name);
      rows.catchUpAll(w, this.iterations);
      this.model.assignWeight(name, w);
    }
    this.behind = false;
  }

  /** Apply (and dispose) gradients keyed by weight name, and the row gradients of the lazily updated matrices. */
  apply(grads: Grads, rows?: Record<'emb' | 'wout', RowGrad>): void {
    const moments = this.ensureMoments();
    const c1 = Math.fround(1 - this.accBeta1);
    const c2 = Math.fround(1 - this.accBeta2);
    const lr = this.rate();
    const eps = this.eps;
    for (const name of this.model.weights.keys()) {
      const w = this.model.hostValues(name);
      const sparse = rows?.[name as 'emb' | 'wout'];
      if (sparse) {
        // the variable is handed the rows at the next settle; until then only training steps read them
        this.lazy!.get(name as 'emb' | 'wout')!.update(w, sparse, this.iterations + 1, lr, c1, c2);
        this.behind = true;
        continue;
      }
      const gt = grads[name];
      if (!gt) continue;
      const g = gt.dataSync() as Float32Array;
      const m = moments.m.get(name)!;
      const v = moments.v.get(name)!;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        const mi = (m[i] = BETA1 * m[i] + (1 - BETA1) * gi);
        const vi = (v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi);
        w[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
      this.model.assignWeight(name, w);
    }
    tf.dispose(Object.values(grads));
    this.accBeta1 = Math.fround(this.accBeta1 * BETA1);
    this.accBeta2 = Math.fround(this.accBeta2 * BETA2);
    this.iterations++;
  }

  /**
   * Adam's state: steps taken, the bias-correction powers β₁ᵗ⁺¹ and β₂ᵗ⁺¹, and the first and second moments
   * flattened in transformerShapes order (empty before the first step).
   */
  async adamState(): Promise<AdamState> {
    this.settle();
    const names = weightNames(this.model.cfg);
    const flat = (parts: Map<string, Float32Array> | null) => {
      if (!parts) return new Float32Array(0);
      const out = new Float32Array(names.reduce((s, n) => s + parts.get(n)!.length, 0));
      let o = 0;
      for (const n of names) out.set(parts.get(n)!, o), (o += parts.get(n)!.length);
      return out;
    };
    return { iterations: this.iterations, accBeta1: this.accBeta1, accBeta2: this.accBeta2, m: flat(this.m), v: flat(this.v) };
  }

  /** Continue from `state` (from adamState of a trainer of the same configuration). */
  async restoreAdam(state: AdamState): Promise<void> {
    this.settle();
    this.dropLazy();
    if (state.m.length > 0) {
      const shapes = transformerShapes(this.model.cfg);
      this.m = new Map([...splitFlat(state.m, shapes)].map(([n, a]) => [n, Float32Array.from(a)]));
      this.v = new Map([...splitFlat(state.v, shapes)].map(([n, a]) => [n, Float32Array.from(a)]));
    }
    this.iterations = state.iterations;
    this.accBeta1 = Math.fround(state.accBeta1);
    this.accBeta2 = Math.fround(state.accBeta2);
  }

  private dropLazy(): void {
    if (this.lazy) this.model.setSettleHook(null);
    this.lazy = null;
  }

  /** Frees Adam's state; the model's weights are left up to date. */
  dispose(): void {
    this.settle();
    this.dropLazy();
    this.m = this.v = null;
  }
}

/** What Adam carries from step to step (see Trainer.adamState). */
export interface AdamState {
  iterations: number;
  accBeta1: number;
  accBeta2: number;
  m: Float32Array;
  v: Float32Array;
}
