import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type TransformerConfig, weightNames } from '../../../src/core/attention/transformer';
import { Rng } from '../../../src/core/util/rng';

function randomIds(rng: Rng, n: number, V: number): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(V));
}

/** Perturb the initial weights so layer-norm gains and biases are not trivially 1 and 0 (their gradients matter). */
function perturbed(cfg: TransformerConfig, seed: number): Map<string, Float32Array> {
  const w = initialWeights(cfg, seed);
  const rng = new Rng(seed + 99);
  for (const v of w.values()) for (let i = 0; i < v.length; i++) v[i] += (rng.next() - 0.5) * 0.2;
  return w;
}

for (const heads of [1, 2]) {
  test(`hand-written gradients match tfjs autodiff (2 layers, ${heads} head(s))`, async () => {
    await initTf();
    const cfg: TransformerConfig = { vocab: 11, layers: 2, heads, dModel: 16, ffn: 24, seq: 16 };
    const model = new TransformerLM(cfg, perturbed(cfg, 3));
    const rng = new Rng(5);
    const B = 3, T = 16;
    const ids = randomIds(rng, B * T, cfg.vocab);
    const targets = randomIds(rng, B * T, cfg.vocab);
    const { loss, grads } = model.lossAndGrads(ids, targets, B);
    const names = weightNames(cfg);
    const vars = names.map((n) => model.weights.get(n)!);
    const ref = tf.valueAndGrads((...ws: tf.Tensor[]) => {
      const w: Record<string, tf.Tensor> = {};
      names.forEach((n, i) => (w[n] = ws[i]));
      return model.referenceLoss(w, ids, targets, B);
    })(vars);
    assert.ok(Math.abs(loss.dataSync()[0] - ref.value.dataSync()[0]) < 1e-4, `loss ${loss.dataSync()[0]} vs ${ref.value.dataSync()[0]}`);
    names.forEach((n, i) => {
      const mine = grads[n].dataSync();
      const theirs = ref.grads[i].dataSync();
      assert.equal(mine.length, theirs.length, n);
      let maxAbs = 0, maxDiff = 0;
      for (let j = 0; j < mine.length; j++) {
        maxAbs = Math.max(maxAbs, Math.abs(theirs[j]));
        maxDiff = Math.max(maxDiff, Math.abs(mine[j] - theirs[j]));
      }
      assert.ok(maxAbs > 0, `${n}: the reference gradient is all zero`);
      assert.ok(maxDiff <= 1e-3 * maxAbs + 1e-6, `${n}: max difference ${maxDiff} against max |grad| ${maxAbs}`);
    });
    tf.dispose([loss, ...Object.values(grads), ref.value, ...ref.grads]);
    model.dispose();
  });
}

test('two-thread data parallelism computes the same step as one thread', async () => {
  await initTf();
  const { ParallelTrainer } = await import('../../../src/core/attention/parallel');
  const { Trainer } = await import('../../../src/core/attention/transformer');
  const cfg: TransformerConfig = { vocab: 13, layers: 1, heads: 2, dModel: 32, ffn: 48, seq: 16 };
  const a = new TransformerLM(cfg, initialWeights(cfg, 4));
  const b = new TransformerLM(cfg, initialWeights(cfg, 4));
  const one = new Trainer(a, 0.01);
  const two = await ParallelTrainer.create(b, 0.01);
  try {
    const rng = new Rng(8);
    for (let s = 0; s < 3; s++) {
      const B = 5; // odd: halves of 2 and 3 sequences, weighted by size
      const ids = randomIds(rng, B * 16, cfg.vocab);
      const targets = randomIds(rng, B * 16, cfg.vocab);
      const l1 = await one.step(ids, targets, B);
      const l2 = await two.step(ids, targets, B);
      assert.ok(Math.abs(l1 - l2) < 1e-5, `step ${s}: loss ${l1} vs ${l2}`);
    }
    const wa = await a.weightValues();
    const wb = await b.weightValues();
    for (const [name, v] of wa) {
      // The key bias gets a gradient of exactly 0 in exact arithmetic (adding q·b_k to every score of a row leaves the
      // softmax unchanged); Adam turns its float noise into full-size steps, so it is not comparable.
      if (name.endsWith('.bk')) continue;
      const u = wb.get(name)!;
      let maxDiff = 0;
      for (let i = 0; i < v.length; i++) maxDiff = Math.max(maxDiff, Math.abs(v[i] - u[i]));
      assert.ok(maxDiff < 1e-4, `${name}: weights differ by ${maxDiff} after 3 steps`);
    }
  } finally {
    one.dispose();
    await two.dispose();
    a.dispose();
    b.dispose();
  }
});
