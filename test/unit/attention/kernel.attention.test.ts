import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { bmm, kernelAvailable, setKernelEnabled } from '../../../src/core/attention/kernel';
import { initialWeights, TransformerLM, type TransformerConfig } from '../../../src/core/attention/transformer';
import { Rng } from '../../../src/core/util/rng';

test('the SIMD kernel is built and its batched products equal tf.matMul (every transpose, ragged sizes)', async () => {
  await initTf();
  assert.ok(kernelAvailable(), 'dist/attention-kernel.wasm was not found or did not load (run the build)');
  for (const [B, M, K, N] of [[4, 64, 64, 64], [3, 7, 5, 13], [5, 9, 16, 8], [2, 1, 3, 17], [6, 33, 12, 31]]) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        const a = tf.randomNormal(ta ? [B, K, M] : [B, M, K]) as tf.Tensor3D;
        const b = tf.randomNormal(tb ? [B, N, K] : [B, K, N]) as tf.Tensor3D;
        const want = tf.matMul(a, b, ta, tb);
        const got = bmm(a, b, ta, tb);
        assert.deepEqual(got.shape, want.shape);
        const d = tf.max(tf.abs(tf.sub(want, got))).dataSync()[0];
        assert.ok(d < 1e-4, `[${B},${M},${K},${N}] transA=${ta} transB=${tb}: differs by ${d}`);
        tf.dispose([a, b, want, got]);
      }
    }
  }
  assert.throws(() => bmm(tf.zeros([2, 3, 4]) as tf.Tensor3D, tf.zeros([2, 5, 6]) as tf.Tensor3D), /do not match/);
});

test('the Transformer gives the same loss and gradients with the kernel and with the tf.matMul fallback', async () => {
  await initTf();
  const cfg: TransformerConfig = { vocab: 9, layers: 2, heads: 2, dModel: 32, ffn: 40, seq: 20 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 11));
  const rng = new Rng(2);
  const ids = Int32Array.from({ length: 3 * 19 }, () => rng.int(9));
  const targets = Int32Array.from({ length: 3 * 19 }, () => rng.int(9));
  const withKernel = model.lossAndGrads(ids, targets, 3);
  setKernelEnabled(false);
  try {
    const without = model.lossAndGrads(ids, targets, 3);
    assert.ok(Math.abs(withKernel.loss.dataSync()[0] - without.loss.dataSync()[0]) < 1e-5);
    for (const [name, g] of Object.entries(withKernel.grads)) {
      const d = tf.max(tf.abs(tf.sub(g, without.grads[name]))).dataSync()[0];
      const scale = tf.max(tf.abs(g)).dataSync()[0];
      assert.ok(d <= 1e-4 * scale + 1e-7, `${name}: ${d} (scale ${scale})`);
    }
    tf.dispose([without.loss, ...Object.values(without.grads)]);
  } finally {
    setKernelEnabled(true);
  }
  tf.dispose([withKernel.loss, ...Object.values(withKernel.grads)]);
  model.dispose();
});
