/**
 * tfjs helpers shaped by the wasm backend's performance: its matMul is fast only for a non-transposed 2-D product
 * (a batch of one); with a transpose flag or a batch it falls back to a loop several times slower. tf.matMul's own
 * gradient uses the transpose flags, so `mm` below is a matMul whose gradient transposes explicitly instead.
 */
import { tf } from '../tf/backend';
import { bmm } from './kernel';

/** x [R, C] → xᵀ [C, R]. A 3-D permutation is several times faster than the 2-D transpose kernel on wasm. */
export function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  const [R, C] = x.shape;
  if (R % 8 === 0 && R >= 64) return tf.transpose(x.reshape([R / 8, 8, C]), [2, 0, 1]).reshape([C, R]);
  return tf.transpose(x);
}

/**
 * A differentiable product of two tensors: `value(a, b)`, and the gradients of a and b from dy and the two tensors
 * `keep(a, b)` saves for the backward pass (a and b themselves unless told otherwise).
 */
function product<T extends tf.Tensor>(value: (a: T, b: T) => T, grads: (dy: T, s0: T, s1: T) => [T, T], keep: (a: T, b: T) => [tf.Tensor, tf.Tensor] = (a, b) => [a, b]) {
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [a, b, save] = args as [T, T, tf.GradSaveFunc];
    save(keep(a, b));
    return { value: value(a, b), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => grads(dy as T, saved[0] as T, saved[1] as T) };
  });
}

/** a·b for 2-D tensors, with the gradient computed by non-transposed matMuls: da = dy·bᵀ, db = aᵀ·dy. */
const mmImpl = product<tf.Tensor2D>((a, b) => tf.matMul(a, b), (dy, a, b) => [tf.matMul(dy, transpose2d(b)), tf.matMul(transpose2d(a), dy)]);

export function mm(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return mmImpl(a, b) as tf.Tensor2D;
}

/** The block-diagonal matrix [[a, 0], [0, b]] (differentiable). */
export function blockDiag(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const [r1, c1] = a.shape;
  const [r2, c2] = b.shape;
  return tf.concat([tf.concat([a, tf.zeros([r1, c2])], 1), tf.concat([tf.zeros([r2, c1]), b], 1)], 0) as tf.Tensor2D;
}

/**
 * A matMul by a fixed weight inside a recurrent loop: x·w, whose input gradient uses `wT` (= wᵀ, computed once by
 * the caller per forward pass) instead of transposing w again at every time step.
 */
export function mmBy(w: tf.Tensor2D, wT: tf.Tensor2D): (x: tf.Tensor2D) => tf.Tensor2D {
  const op = product<tf.Tensor2D>((x, weight) => tf.matMul(x, weight), (dy, x, swT) => [tf.matMul(dy, swT), tf.matMul(transpose2d(x), dy)], (x) => [x, wT]);
  return (x) => op(x, w) as tf.Tensor2D;
}

/**
 * Differentiable batched products on the attention kernel: a·b (NN) and a·bᵀ (NT) for [batch, ·, ·] tensors.
 *   C = A·B:  dA = dC·Bᵀ, dB = Aᵀ·dC        C = A·Bᵀ:  dA = dC·B, dB = dCᵀ·A
 */
const bmmNN = product<tf.Tensor3D>((a, b) => bmm(a, b), (dy, a, b) => [bmm(dy, b, false, true), bmm(a, dy, true, false)]);
const bmmNT = product<tf.Tensor3D>((a, b) => bmm(a, b, false, true), (dy, a, b) => [bmm(dy, b), bmm(dy, a, true, false)]);

export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D, transposeB = false): tf.Tensor3D {
  return (transposeB ? bmmNT(a, b) : bmmNN(a, b)) as tf.Tensor3D;
}
