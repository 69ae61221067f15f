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

/** a·b for 2-D tensors, with the gradient computed by non-transposed matMuls: da = dy·bᵀ, db = aᵀ·dy. */
const mmImpl = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor2D[];
      return [tf.matMul(dy as tf.Tensor2D, transpose2d(sb)), tf.matMul(transpose2d(sa), dy as tf.Tensor2D)];
    },
  };
});

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
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, weight, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    save([x, wT]);
    return {
      value: tf.matMul(x, weight),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, swT] = saved as tf.Tensor2D[];
        return [tf.matMul(dy as tf.Tensor2D, swT), tf.matMul(transpose2d(sx), dy as tf.Tensor2D)];
      },
    };
  });
  return (x) => op(x, w) as tf.Tensor2D;
}

/**
 * Differentiable batched products on the attention kernel: a·b (NN) and a·bᵀ (NT) for [batch, ·, ·] tensors.
 *   C = A·B:  dA = dC·Bᵀ, dB = Aᵀ·dC        C = A·Bᵀ:  dA = dC·B, dB = dCᵀ·A
 */
const bmmNN = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: bmm(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor3D[];
      return [bmm(dy as tf.Tensor3D, sb, false, true), bmm(sa, dy as tf.Tensor3D, true, false)];
    },
  };
});

const bmmNT = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: bmm(a, b, false, true),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor3D[];
      return [bmm(dy as tf.Tensor3D, sb), bmm(dy as tf.Tensor3D, sa, true, false)];
    },
  };
});

export function batchMatMul(a: tf.Tensor3D, b: tf.Tensor3D, transposeB = false): tf.Tensor3D {
  return (transposeB ? bmmNT(a, b) : bmmNN(a, b)) as tf.Tensor3D;
}
