/**
 * The same LSTM language model written with plain tfjs ops, differentiated by tfjs autodiff. tfjs is the
 * declared engine and the reference: tests check that the hand-written backward pass of model.ts (which runs on
 * the WebAssembly kernel) gives the gradients tfjs computes for this definition. Not used for training.
 */
import { tf } from '../tf/backend';
import { paramLayout, type LstmConfig } from './model';

/**
 * Mean cross-entropy of one batch (batch-major inputs/targets, B × T), starting from `state` ([h₀, c₀, h₁, c₁, ...],
 * each B×H, as Workspace.getState()) with dropout masks `masks[l]` (time-major R×H, for layer inputs l ≥ 1 and
 * the output layer l = L) already scaled by 1/(1−p), or none.
 */
export function referenceLoss(
  cfg: LstmConfig,
  p: Record<string, tf.Tensor>,
  inputs: ArrayLike<number>,
  targets: ArrayLike<number>,
  B: number,
  T: number,
  state: ArrayLike<number>,
  masks: (ArrayLike<number> | null)[] = [],
): tf.Scalar {
  const { hidden: H, layers: L, vocabSize: V } = cfg;
  const n = B * H;
  const ids = tf.tensor2d(Array.from(inputs), [B, T], 'int32');
  // x[t] : [B, E]
  let xs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) xs.push(tf.gather(p.emb, ids.slice([0, t], [B, 1]).reshape([B])) as tf.Tensor2D);
  const dropAt = (l: number, t: number, h: tf.Tensor2D): tf.Tensor2D => {
    const m = masks[l];
    if (!m) return h;
    return h.mul(tf.tensor2d(Array.from(m).slice(t * n, (t + 1) * n), [B, H])) as tf.Tensor2D;
  };
  for (let l = 0; l < L; l++) {
    let h = tf.tensor2d(Array.from(state).slice(2 * l * n, (2 * l + 1) * n), [B, H]);
    let c = tf.tensor2d(Array.from(state).slice((2 * l + 1) * n, (2 * l + 2) * n), [B, H]);
    const outs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const x = l === 0 ? xs[t] : dropAt(l, t, xs[t]);
      const z = x.matMul(p[`wx${l}`] as tf.Tensor2D).add(h.matMul(p[`wh${l}`] as tf.Tensor2D)).add(p[`b${l}`]) as tf.Tensor2D;
      const [zi, zf, zg, zo] = tf.split(z, 4, 1);
      c = tf.sigmoid(zf).mul(c).add(tf.sigmoid(zi).mul(tf.tanh(zg))) as tf.Tensor2D;
      h = tf.sigmoid(zo).mul(tf.tanh(c)) as tf.Tensor2D;
      outs.push(h);
    }
    xs = outs;
  }
  let total = tf.scalar(0);
  for (let t = 0; t < T; t++) {
    const top = dropAt(L, t, xs[t]);
    const logits = top.matMul(p.wy as tf.Tensor2D).add(p.by);
    const tg = tf.oneHot(tf.tensor1d(Array.from({ length: B }, (_, b) => targets[b * T + t]), 'int32'), V);
    total = total.add(tf.neg(tf.sum(tf.mul(tg, tf.logSoftmax(logits)))));
  }
  return total.div(B * T) as tf.Scalar;
}

/** Split a flat parameter vector into named tensors of the layout. */
export function referenceParams(cfg: LstmConfig, theta: ArrayLike<number>): Record<string, tf.Tensor> {
  const out: Record<string, tf.Tensor> = {};
  for (const e of paramLayout(cfg).entries) out[e.name] = tf.tensor(Array.from(theta).slice(e.offset, e.offset + e.size), e.shape);
  return out;
}
