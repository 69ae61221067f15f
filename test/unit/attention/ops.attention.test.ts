import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { batchMatMul, blockDiag, mm, mmBy, transpose2d } from '../../../src/core/attention/ops';

function maxDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

test('transpose2d equals tf.transpose (fast 3-D path and fallback)', async () => {
  await initTf();
  for (const shape of [[64, 24], [128, 7], [10, 3]] as const) {
    const x = tf.randomNormal([...shape]) as tf.Tensor2D;
    assert.equal(maxDiff(transpose2d(x), tf.transpose(x)), 0, `${shape}`);
  }
});

test('hand-written matMul gradients (mm, mmBy, blockDiag) match tfjs autodiff of tf.matMul', async () => {
  await initTf();
  const a = tf.randomNormal([72, 16], 0, 1, 'float32', 1) as tf.Tensor2D;
  const w = tf.randomNormal([16, 24], 0, 1, 'float32', 2) as tf.Tensor2D;
  const v = tf.randomNormal([24, 5], 0, 1, 'float32', 3) as tf.Tensor2D;
  // A small recurrent-style chain using the weight twice, so gradients accumulate over uses.
  const loss = (f: (x: tf.Tensor2D, m: tf.Tensor2D) => tf.Tensor2D) => (x: tf.Tensor, m: tf.Tensor) =>
    tf.sum(tf.square(f(tf.tanh(f(x as tf.Tensor2D, m as tf.Tensor2D)), tf.transpose(m) as tf.Tensor2D).matMul(tf.ones([16, 3])))) as tf.Scalar;
  const ref = tf.grads(loss((x, m) => tf.matMul(x, m)))([a, w]);
  const mine = tf.grads(loss((x, m) => mm(x, m)))([a, w]);
  const byRef = tf.grads((x: tf.Tensor, m: tf.Tensor) => tf.sum(tf.sin(tf.matMul(tf.tanh(tf.matMul(x as tf.Tensor2D, m as tf.Tensor2D)), v))) as tf.Scalar)([a, w]);
  const byMine = tf.grads((x: tf.Tensor, m: tf.Tensor) => {
    const f = mmBy(m as tf.Tensor2D, tf.transpose(m) as tf.Tensor2D);
    return tf.sum(tf.sin(tf.matMul(tf.tanh(f(x as tf.Tensor2D)), v))) as tf.Scalar;
  })([a, w]);
  for (const [r, m, name] of [[ref[0], mine[0], 'mm da'], [ref[1], mine[1], 'mm dw'], [byRef[0], byMine[0], 'mmBy dx'], [byRef[1], byMine[1], 'mmBy dw']] as const) {
    const scale = tf.max(tf.abs(r)).dataSync()[0];
    assert.ok(scale > 0, name);
    assert.ok(maxDiff(r, m) <= 1e-4 * scale, `${name}: ${maxDiff(r, m)} vs scale ${scale}`);
  }
  // blockDiag: the gradient reaches each block and nothing else.
  const p = tf.randomNormal([3, 3]) as tf.Tensor2D;
  const q = tf.randomNormal([2, 4]) as tf.Tensor2D;
  const [gp, gq] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(blockDiag(x as tf.Tensor2D, y as tf.Tensor2D), tf.range(0, 35).reshape([5, 7]))) as tf.Scalar)([p, q]);
  assert.deepEqual(Array.from(gp.dataSync()), [0, 1, 2, 7, 8, 9, 14, 15, 16]);
  assert.deepEqual(Array.from(gq.dataSync()), [24, 25, 26, 27, 31, 32, 33, 34]);
});

test('batched products on the kernel (a·b, a·bᵀ) have the gradients of tf.matMul', async () => {
  await initTf();
  const a = tf.randomNormal([3, 5, 7], 0, 1, 'float32', 4) as tf.Tensor3D;
  const b = tf.randomNormal([3, 7, 6], 0, 1, 'float32', 5) as tf.Tensor3D;
  const bt = tf.randomNormal([3, 6, 7], 0, 1, 'float32', 6) as tf.Tensor3D;
  const f = (mul: (x: tf.Tensor3D, y: tf.Tensor3D) => tf.Tensor3D) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sin(mul(x as tf.Tensor3D, y as tf.Tensor3D))) as tf.Scalar;
  const pairs: Array<[tf.Tensor[], tf.Tensor[], string]> = [
    [tf.grads(f((x, y) => tf.matMul(x, y)))([a, b]), tf.grads(f((x, y) => batchMatMul(x, y)))([a, b]), 'a·b'],
    [tf.grads(f((x, y) => tf.matMul(x, y, false, true)))([a, bt]), tf.grads(f((x, y) => batchMatMul(x, y, true)))([a, bt]), 'a·bᵀ'],
  ];
  for (const [ref, mine, name] of pairs) {
    for (let i = 0; i < 2; i++) {
      const scale = tf.max(tf.abs(ref[i])).dataSync()[0];
      assert.ok(scale > 0);
      assert.ok(maxDiff(ref[i], mine[i]) <= 1e-4 * scale, `${name}, input ${i}: ${maxDiff(ref[i], mine[i])}`);
    }
  }
});
