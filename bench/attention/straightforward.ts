/**
 * The "straightforward" tfjs causal Transformer the benchmark compares against: what one writes first from the
 * paper — separate Q, K, V projections, a broadcast boolean mask with tf.where, LayerNorm from tf.moments, autodiff
 * for everything, tf.losses.softmaxCrossEntropy. Embedding by one-hot × matrix (tf.gather has no gradient on wasm).
 * 1 layer, 1 head as the issue specifies; kept here, outside src/, because the product never uses it.
 */
import { tf } from '../../src/core/tf/backend';
import { Rng } from '../../src/core/util/rng';

export interface StraightforwardConfig {
  vocab: number;
  d: number;
  ffn: number;
  seq: number;
  lr: number;
  seed: number;
}

export class StraightforwardTransformer {
  readonly vars: tf.Variable[] = [];
  private readonly w: Record<string, tf.Variable> = {};
  private readonly pos: tf.Tensor2D;
  private readonly mask: tf.Tensor2D;
  private readonly optimizer: tf.Optimizer;

  constructor(readonly cfg: StraightforwardConfig) {
    const rng = new Rng(cfg.seed);
    const { vocab: V, d, ffn } = cfg;
    const mat = (name: string, r: number, c: number) => this.add(name, tf.tensor2d(glorot(rng, r, c), [r, c]));
    const vec = (name: string, n: number, value: number) => this.add(name, tf.fill([n], value));
    const layerNorm = (name: string) => (vec(`${name}g`, d, 1), vec(`${name}b`, d, 0));
    const dense = (weight: string, bias: string, r: number, c: number) => (mat(weight, r, c), vec(bias, c, 0));
    mat('emb', V, d);
    layerNorm('ln1');
    for (const p of ['q', 'k', 'v', 'o']) dense(`w${p}`, `b${p}`, d, d);
    layerNorm('ln2');
    dense('w1', 'b1', d, ffn);
    dense('w2', 'b2', ffn, d);
    layerNorm('lnf');
    dense('wout', 'bout', d, V);
    this.pos = sinusoid(cfg.seq, d);
    this.mask = tf.linalg.bandPart(tf.ones([cfg.seq, cfg.seq]), -1, 0) as tf.Tensor2D;
    this.optimizer = tf.train.adam(cfg.lr);
  }

  private add(name: string, t: tf.Tensor): tf.Variable {
    const v = tf.variable(t, true, `sf_${name}`);
    t.dispose();
    this.w[name] = v;
    this.vars.push(v);
    return v;
  }

  private layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).div(variance.add(1e-5).sqrt()).mul(g).add(b);
  }

  /** Logits [B, T, V] for token ids [B, T]. */
  logits(ids: tf.Tensor2D): tf.Tensor3D {
    const w = this.w;
    const [B, T] = ids.shape;
    const { vocab: V, d } = this.cfg;
    const x0 = tf.oneHot(ids, V).toFloat().reshape([B * T, V]).matMul(w.emb).reshape([B, T, d]).add(this.pos.slice([0, 0], [T, d]));
    const h = this.layerNorm(x0, w.ln1g, w.ln1b).reshape([B * T, d]);
    const q = h.matMul(w.wq).add(w.bq).reshape([B, T, d]);
    const k = h.matMul(w.wk).add(w.bk).reshape([B, T, d]);
    const v = h.matMul(w.wv).add(w.bv).reshape([B, T, d]);
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const mask = this.mask.slice([0, 0], [T, T]).expandDims(0).tile([B, 1, 1]).cast('bool');
    scores = tf.where(mask, scores, tf.fill([B, T, T], -1e9));
    const att = tf.softmax(scores);
    const a = tf.matMul(att, v).reshape([B * T, d]).matMul(w.wo).add(w.bo).reshape([B, T, d]);
    const x1 = x0.add(a);
    const h2 = this.layerNorm(x1, w.ln2g, w.ln2b).reshape([B * T, d]);
    const f = tf.relu(h2.matMul(w.w1).add(w.b1)).matMul(w.w2).add(w.b2).reshape([B, T, d]);
    const x2 = x1.add(f);
    const hf = this.layerNorm(x2, w.lnfg, w.lnfb).reshape([B * T, d]);
    return hf.matMul(w.wout).add(w.bout).reshape([B, T, V]);
  }

  loss(inputs: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
    const logits = this.logits(inputs);
    const [B, T, V] = logits.shape;
    const labels = tf.oneHot(targets.reshape([B * T]), V);
    return tf.losses.softmaxCrossEntropy(labels, logits.reshape([B * T, V])) as tf.Scalar;
  }

  /** One Adam step on a batch; returns the loss. */
  async step(inputs: Int32Array, targets: Int32Array, batch: number): Promise<number> {
    const T = inputs.length / batch;
    const x = tf.tensor2d(inputs, [batch, T], 'int32');
    const y = tf.tensor2d(targets, [batch, T], 'int32');
    const l = this.optimizer.minimize(() => this.loss(x, y), true, this.vars) as tf.Scalar;
    const v = (await l.data())[0];
    l.dispose();
    x.dispose();
    y.dispose();
    return v;
  }

  evalLoss(inputs: Int32Array, targets: Int32Array, batch: number): number {
    const T = inputs.length / batch;
    return tf.tidy(() => this.loss(tf.tensor2d(inputs, [batch, T], 'int32'), tf.tensor2d(targets, [batch, T], 'int32')).dataSync()[0]);
  }

  dispose(): void {
    for (const v of this.vars) v.dispose();
    this.pos.dispose();
    this.mask.dispose();
    this.optimizer.dispose();
  }
}

function glorot(rng: Rng, rows: number, cols: number): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = (rng.next() * 2 - 1) * limit;
  return out;
}

function sinusoid(T: number, d: number): tf.Tensor2D {
  const out = new Float32Array(T * d);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < d; i++) {
      const angle = t / Math.pow(10000, (2 * Math.floor(i / 2)) / d);
      out[t * d + i] = i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return tf.tensor2d(out, [T, d]);
}
