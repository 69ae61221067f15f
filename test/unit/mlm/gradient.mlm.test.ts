import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type TransformerConfig, weightedCrossEntropy, weightNames } from '../../../src/core/attention/transformer';
import { Rng } from '../../../src/core/util/rng';

const CFG: TransformerConfig = { vocab: 9, layers: 2, heads: 2, dModel: 8, ffn: 12, seq: 6, causal: false };
const B = 2;
const T = 6;

function setup(seed = 3) {
  const w = initialWeights(CFG, seed);
  const rng = new Rng(seed + 99);
  for (const v of w.values()) for (let i = 0; i < v.length; i++) v[i] += (rng.next() - 0.5) * 0.4;
  const model = new TransformerLM(CFG, w);
  const ids = Int32Array.from({ length: B * T }, () => rng.int(CFG.vocab));
  const targets = Int32Array.from({ length: B * T }, () => rng.int(CFG.vocab));
  const weights = Float32Array.from({ length: B * T }, (_, i) => (i % 3 === 1 ? 1 : 0));
  return { model, ids, targets, weights, rng };
}

test('bidirectional attention backward pass: directional finite differences of every weight tensor', async () => {
  await initTf();
  const { model, ids, targets, weights, rng } = setup();
  const { loss, grads } = model.lossAndGrads(ids, targets, B, weights);
  const eps = 3e-3;
  for (const name of weightNames(CFG)) {
    const v = model.weights.get(name)!;
    const base = v.dataSync().slice() as Float32Array;
    const dir = Float32Array.from(base, () => rng.next() * 2 - 1);
    const at = (s: number) => {
      v.assign(tf.tensor(base.map((x, i) => x + s * dir[i]), v.shape));
      return model.loss(ids, targets, B, weights);
    };
    const numeric = (at(eps) - at(-eps)) / (2 * eps);
    v.assign(tf.tensor(base, v.shape));
    const g = grads[name].dataSync();
    let analytic = 0;
    for (let i = 0; i < g.length; i++) analytic += g[i] * dir[i];
    // The key bias moves every score of a row by the same amount, which softmax ignores: its gradient is 0.
    if (name.endsWith('.bk')) {
      assert.ok(Math.abs(analytic) < 1e-4 && Math.abs(numeric) < 2e-3, `${name}: ${analytic} vs ${numeric}`);
      continue;
    }
    assert.ok(Math.abs(analytic) > 1e-3, `${name}: directional derivative ${analytic} is (nearly) zero; the check would prove nothing`);
    assert.ok(Math.abs(analytic - numeric) <= 2e-2 * Math.abs(analytic) + 2e-4, `${name}: analytic ${analytic} vs finite difference ${numeric}`);
  }
  tf.dispose([loss, ...Object.values(grads)]);
  model.dispose();
});

test('bidirectional gradients match tfjs autodiff of the plainly written model, element by element', async () => {
  await initTf();
  const { model, ids, targets, weights } = setup(7);
  const { loss, grads } = model.lossAndGrads(ids, targets, B, weights);
  const names = weightNames(CFG);
  const ref = tf.valueAndGrads((...ws: tf.Tensor[]) => {
    const w: Record<string, tf.Tensor> = {};
    names.forEach((n, i) => (w[n] = ws[i]));
    return model.referenceLoss(w, ids, targets, B, weights);
  })(names.map((n) => model.weights.get(n)!));
  assert.ok(Math.abs(loss.dataSync()[0] - ref.value.dataSync()[0]) < 1e-4);
  names.forEach((n, i) => {
    if (n.endsWith('.bk')) return;
    const mine = grads[n].dataSync();
    const theirs = ref.grads[i].dataSync();
    let maxAbs = 0;
    let maxDiff = 0;
    for (let j = 0; j < mine.length; j++) {
      maxAbs = Math.max(maxAbs, Math.abs(theirs[j]));
      maxDiff = Math.max(maxDiff, Math.abs(mine[j] - theirs[j]));
    }
    assert.ok(maxAbs > 0, `${n}: zero reference gradient`);
    assert.ok(maxDiff <= 1e-3 * maxAbs + 1e-6, `${n}: max difference ${maxDiff} against max |grad| ${maxAbs}`);
  });
  tf.dispose([loss, ...Object.values(grads), ref.value, ...ref.grads]);
  model.dispose();
});

test('without the causal mask a position sees later tokens; with it, it does not', async () => {
  await initTf();
  const { model, ids } = setup(11);
  const maps = model.attention(ids.subarray(0, T));
  let above = 0;
  for (const layer of maps) for (const head of layer) for (let q = 0; q < T; q++) for (let k = q + 1; k < T; k++) above += head[q][k];
  assert.ok(above > 0.5, `attention above the diagonal sums to ${above}`);
  const changedLast = Int32Array.from(ids.subarray(0, T));
  changedLast[T - 1] = (changedLast[T - 1] + 1) % CFG.vocab;
  const first = (m: TransformerLM, x: Int32Array) => Array.from(m.logits(x, 1).dataSync().slice(0, CFG.vocab));
  const a = first(model, ids.subarray(0, T));
  const b = first(model, changedLast);
  assert.ok(a.some((x, i) => Math.abs(x - b[i]) > 1e-4), 'the first position ignores the last token');
  const causal = new TransformerLM({ ...CFG, causal: true }, await model.weightValues());
  const c = first(causal, ids.subarray(0, T));
  const d = first(causal, changedLast);
  assert.deepEqual(c, d);
  causal.dispose();
  model.dispose();
});

test('the masked loss counts only chosen positions: other logits change neither loss nor gradient', async () => {
  await initTf();
  const rng = new Rng(4);
  const N = 12;
  const V = 5;
  const z = Float32Array.from({ length: N * V }, () => rng.next() * 4 - 2);
  const targets = Int32Array.from({ length: N }, () => rng.int(V));
  const weights = Float32Array.from({ length: N }, (_, i) => (i % 4 === 0 ? 1 : 0));
  const z2 = z.slice();
  for (let i = 0; i < N; i++) if (weights[i] === 0) for (let v = 0; v < V; v++) z2[i * V + v] += rng.next() * 10 - 5;
  const a = weightedCrossEntropy(tf.tensor2d(z, [N, V]), targets, weights);
  const b = weightedCrossEntropy(tf.tensor2d(z2, [N, V]), targets, weights);
  assert.equal(a.count, 3);
  assert.equal(b.count, 3);
  assert.equal(a.loss.dataSync()[0], b.loss.dataSync()[0]);
  assert.deepEqual(Array.from(a.dz.dataSync()), Array.from(b.dz.dataSync()));
  // Against a direct float64 computation over the chosen rows only.
  let direct = 0;
  for (let i = 0; i < N; i++) {
    if (!weights[i]) continue;
    let mx = -Infinity;
    for (let v = 0; v < V; v++) mx = Math.max(mx, z[i * V + v]);
    let s = 0;
    for (let v = 0; v < V; v++) s += Math.exp(z[i * V + v] - mx);
    direct += Math.log(s) + mx - z[i * V + targets[i]];
  }
  assert.ok(Math.abs(a.loss.dataSync()[0] - direct / 3) < 1e-5);
  const dz = a.dz.dataSync();
  for (let i = 0; i < N; i++) if (!weights[i]) for (let v = 0; v < V; v++) assert.equal(dz[i * V + v], 0);
});

test('in the model, targets at unmasked positions change neither the loss nor any gradient', async () => {
  await initTf();
  const { model, ids, targets, weights } = setup(5);
  const other = Int32Array.from(targets, (t, i) => (weights[i] ? t : (t + 1 + i) % CFG.vocab));
  assert.notDeepEqual(Array.from(other), Array.from(targets));
  const a = model.lossAndGrads(ids, targets, B, weights);
  const b = model.lossAndGrads(ids, other, B, weights);
  assert.equal(a.loss.dataSync()[0], b.loss.dataSync()[0]);
  for (const n of weightNames(CFG)) assert.deepEqual(Array.from(a.grads[n].dataSync()), Array.from(b.grads[n].dataSync()), n);
  // …while a target at a chosen position does change it.
  const chosen = Int32Array.from(targets);
  chosen[1] = (chosen[1] + 1) % CFG.vocab;
  assert.notEqual(model.loss(ids, chosen, B, weights), a.loss.dataSync()[0]);
  tf.dispose([a.loss, b.loss, ...Object.values(a.grads), ...Object.values(b.grads)]);
  model.dispose();
});
