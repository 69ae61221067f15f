import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctRows, LazyRows, type RowGrad } from '../../../src/core/attention/lazyAdam';
import { initialWeights, sampledDrawSeed, Trainer, TransformerLM } from '../../../src/core/attention/transformer';
import { SampledSoftmax, UnigramSampler } from '../../../src/core/nn/sampledSoftmax';
import { initTf } from '../../../src/core/tf/backend';
import { Rng } from '../../../src/core/util/rng';

/**
 * Dense Adam written out in float64 for a whole matrix, every row every step (an untouched row's gradient is 0):
 * the reference the lazy rows are compared with. 0/0 (a weight that never had a gradient, with ε = 0) counts as 0.
 */
class DenseAdam {
  readonly m: Float64Array;
  readonly v: Float64Array;
  step = 0;
  constructor(readonly w: Float64Array, readonly eps: number) {
    this.m = new Float64Array(w.length);
    this.v = new Float64Array(w.length);
  }
  apply(g: Float64Array, lr: number): void {
    const s = ++this.step;
    const c1 = 1 - Math.pow(0.9, s);
    const c2 = 1 - Math.pow(0.999, s);
    for (let i = 0; i < g.length; i++) {
      this.m[i] = 0.9 * this.m[i] + 0.1 * g[i];
      this.v[i] = 0.999 * this.v[i] + 0.001 * g[i] * g[i];
      const den = Math.sqrt(this.v[i] / c2) + this.eps;
      if (den > 0) this.w[i] -= (lr * (this.m[i] / c1)) / den;
    }
  }
}

const warmupRate = (lr: number, warmup: number) => (s: number) => lr * Math.min(s / warmup, Math.sqrt(warmup / s));

/**
 * 330 steps on a 12 × 5 matrix (both layouts): a few rows touched often, one every 7th step, one at steps 3 and 320
 * only (a gap longer than the 263 terms the closed form sums), one never; a warm-up schedule.
 */
function runBoth(layout: 'rows' | 'columns', eps: number, gradScale: number) {
  const R = 12, W = 5;
  const rng = new Rng(7);
  const init = Float64Array.from({ length: R * W }, () => rng.next() * 2 - 1);
  const dense = new DenseAdam(Float64Array.from(init), eps);
  const w = Float32Array.from(init);
  const L = layout === 'rows' ? { rows: R, width: W, rowStride: W, colStride: 1 } : { rows: R, width: W, rowStride: 1, colStride: R };
  const lrAt = warmupRate(0.01, 20);
  const lazy = new LazyRows(L, new Float32Array(R * W), new Float32Array(R * W), lrAt, 0, eps);
  const at = (r: number, j: number) => r * L.rowStride + j * L.colStride;
  let worstTouched = 0;
  for (let s = 1; s <= 330; s++) {
    const rows = [0, 1, 2].filter(() => rng.next() < 0.7);
    if (s % 7 === 0) rows.push(5);
    if (s === 3 || s === 320) rows.push(9);
    if (rng.next() < 0.3) rows.push(3 + rng.int(2));
    const ids = Int32Array.from(new Set(rows));
    const g = new Float64Array(R * W);
    const values = new Float32Array(ids.length * W);
    ids.forEach((r, k) => {
      for (let j = 0; j < W; j++) g[at(r, j)] = values[k * W + j] = (rng.next() * 2 - 1) * gradScale;
    });
    dense.apply(g, lrAt(s));
    lazy.catchUp(w, ids, s - 1);
    lazy.update(w, { ids, values } satisfies RowGrad, s, lrAt(s), 1 - Math.pow(0.9, s), 1 - Math.pow(0.999, s));
    // the rows just updated are up to date: they must equal dense Adam's now
    for (const r of ids) for (let j = 0; j < W; j++) worstTouched = Math.max(worstTouched, Math.abs(w[at(r, j)] - dense.w[at(r, j)]));
  }
  lazy.catchUpAll(w, 330);
  let worst = 0;
  let moved = 0;
  for (let i = 0; i < w.length; i++) {
    worst = Math.max(worst, Math.abs(w[i] - dense.w[i]));
    moved = Math.max(moved, Math.abs(dense.w[i] - init[i]));
  }
  let worstMoments = 0;
  for (let i = 0; i < w.length; i++) {
    worstMoments = Math.max(worstMoments, Math.abs(lazy.m[i] - dense.m[i]) / gradScale, Math.abs(Math.sqrt(lazy.v[i]) - Math.sqrt(dense.v[i])) / gradScale);
  }
  return { worstTouched, worst, moved, worstMoments, untouchedRow: Array.from({ length: W }, (_, j) => [w[at(11, j)], init[at(11, j)]]) };
}

for (const layout of ['rows', 'columns'] as const) {
  test(`lazy Adam rows (${layout}) with ε negligible compute dense Adam's weights and moments`, () => {
    const r = runBoth(layout, 1e-30, 1);
    assert.ok(r.moved > 0.05, `the weights moved (${r.moved})`);
    assert.ok(r.worstTouched < 2e-6, `touched rows differ from dense Adam by ${r.worstTouched}`);
    assert.ok(r.worst < 2e-6, `after bringing every row up to date: ${r.worst}`);
    assert.ok(r.worstMoments < 1e-6, `moments differ by ${r.worstMoments}`);
    for (const [now, before] of r.untouchedRow) assert.equal(now, Math.fround(before), 'a row never touched keeps its value');
  });
}

test("lazy Adam rows with Adam's ε differ from dense Adam by a small fraction of the weights' movement", () => {
  // gradients of 10⁻⁴ (as small as a word-level model's rare rows get): √v̂ is then 10⁻⁵–10⁻⁶ in the untouched
  // steps, where ε = 10⁻⁷ shortens dense Adam's moves by a few per cent (1.4% of the movement here)
  const r = runBoth('rows', 1e-7, 1e-4);
  assert.ok(r.moved > 0.05, `the weights moved (${r.moved})`);
  assert.ok(r.worst < 0.03 * r.moved, `lazy vs dense ${r.worst}, movement ${r.moved}`);
  // with gradients of 10⁻², ε is negligible again
  const big = runBoth('rows', 1e-7, 1e-2);
  assert.ok(big.worst < 1e-3 * big.moved, `lazy vs dense ${big.worst}, movement ${big.moved}`);
});

test('distinctRows lists each value once, in order of first appearance, and leaves its scratch array clean', () => {
  const seen = new Int32Array(10).fill(-1);
  assert.deepEqual(Array.from(distinctRows([[3, 1, 3, 7], [7, 0, 1]], seen)), [3, 1, 7, 0]);
  assert.ok(seen.every((x) => x === -1));
});

test('a Transformer trained with the sampled softmax and lazy rows has the weights of dense Adam on the same batches', async () => {
  // the same model twice: the Trainer with the sampled softmax (lazy rows of the embedding and the output weights)
  // and a dense Trainer applying the dense gradients of the same sampled classes (their draws reproduced)
  await initTf();
  const V = 40, B = 3, T = 6, draws = 8, seed = 4;
  const cfg = { vocab: V, layers: 1, heads: 2, dModel: 8, ffn: 16, seq: T };
  const rng = new Rng(11);
  // a skewed word distribution: frequent words in every batch, rare ones now and then, a few never
  const corpus = Int32Array.from({ length: 2000 }, () => Math.min(rng.int(V - 4), rng.int(V - 4), rng.int(V - 4)));
  const sampler = UnigramSampler.fromIds(corpus, V);
  const lazyModel = new TransformerLM(cfg, initialWeights(cfg, 2));
  const denseModel = new TransformerLM(cfg, initialWeights(cfg, 2));
  const lazy = new Trainer(lazyModel, 0.02, { sampler, draws, seed }, 5);
  const dense = new Trainer(denseModel, 0.02, undefined, 5);
  const layer = new SampledSoftmax(B * T, cfg.dModel, draws);
  const batchRng = new Rng(12);
  const heldIds = corpus.slice(0, B * T);
  const heldTargets = corpus.slice(1, B * T + 1);
  for (let step = 0; step < 40; step++) {
    const ids = new Int32Array(B * T);
    const targets = new Int32Array(B * T);
    for (let b = 0; b < B; b++) {
      const s0 = batchRng.int(corpus.length - T - 1);
      ids.set(corpus.subarray(s0, s0 + T), b * T);
      targets.set(corpus.subarray(s0 + 1, s0 + T + 1), b * T);
    }
    const set = sampler.draw(draws, new Rng(sampledDrawSeed(seed, dense.iterations)));
    const { loss, grads } = denseModel.lossAndGrads(ids, targets, B, undefined, { layer, set });
    const denseLoss = loss.dataSync()[0];
    loss.dispose();
    dense.apply(grads);
    const lazyLoss = await lazy.step(ids, targets, B);
    assert.ok(Math.abs(lazyLoss - denseLoss) < 1e-4, `step ${step}: training loss ${lazyLoss} vs ${denseLoss}`);
    if (step === 20) {
      // reading the model (scoring) brings every row up to date first
      const a = lazyModel.loss(heldIds, heldTargets, B);
      const b = denseModel.loss(heldIds, heldTargets, B);
      assert.ok(Math.abs(a - b) < 1e-4, `held-out loss mid-run ${a} vs ${b}`);
    }
  }
  const a = await lazyModel.weightValues();
  const b = await denseModel.weightValues();
  const init = initialWeights(cfg, 2);
  for (const [name, values] of b) {
    const got = a.get(name)!;
    let worst = 0, moved = 0;
    for (let i = 0; i < values.length; i++) (worst = Math.max(worst, Math.abs(got[i] - values[i]))), (moved = Math.max(moved, Math.abs(values[i] - init.get(name)![i])));
    // l0.bk's gradient is 0 in exact arithmetic (a constant added to every key of a query leaves its softmax as it
    // was): both runs move it by rounding noise alone, so it is not compared
    if (name === 'l0.bk') continue;
    assert.ok(moved > 0.05, `${name} moved (${moved})`);
    assert.ok(worst < 3e-4, `${name} differs by ${worst} (moved ${moved})`);
  }
  const emb0 = initialWeights(cfg, 2).get('emb')!;
  const moved = Math.max(...Array.from(a.get('emb')!, (x, i) => Math.abs(x - emb0[i])));
  assert.ok(moved > 0.05, `the embeddings moved (${moved})`);
  const stateA = await lazy.adamState();
  const stateB = await dense.adamState();
  let worstM = 0;
  for (let i = 0; i < stateA.m.length; i++) worstM = Math.max(worstM, Math.abs(stateA.m[i] - stateB.m[i]));
  assert.ok(worstM < 1e-6, `saved first moments differ by ${worstM}`);
  lazy.dispose();
  dense.dispose();
  lazyModel.dispose();
  denseModel.dispose();
});

test('the warm-up schedule: a linear rise over `warmup` steps, then lr·√(warmup/s); a constant rate without warm-up', async () => {
  await initTf();
  const cfg = { vocab: 5, layers: 1, heads: 1, dModel: 4, ffn: 4, seq: 3 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 1));
  const t = new Trainer(model, 0.01, undefined, 100);
  assert.equal(t.rateAt(1), 0.0001);
  assert.equal(t.rateAt(50), 0.005);
  assert.equal(t.rateAt(100), 0.01);
  assert.ok(Math.abs(t.rateAt(400) - 0.005) < 1e-15);
  assert.equal(t.rate(), t.rateAt(1), 'the next step of a fresh trainer is step 1');
  const flat = new Trainer(model, 0.01);
  for (const s of [1, 10, 1000]) assert.equal(flat.rateAt(s), 0.01);
  model.dispose();
});

test('row gradients of the sampled layer equal the dense gradient\'s columns, also right after a dense call', async () => {
  await initTf();
  const V = 30, B = 2, T = 5;
  const cfg = { vocab: V, layers: 1, heads: 1, dModel: 8, ffn: 8, seq: T };
  const model = new TransformerLM(cfg, initialWeights(cfg, 6));
  const rng = new Rng(8);
  const ids = Int32Array.from({ length: B * T }, () => rng.int(V));
  const targets = Int32Array.from({ length: B * T }, () => rng.int(V));
  const sampler = UnigramSampler.fromIds(Int32Array.from({ length: 300 }, () => rng.int(V)), V);
  const set = sampler.draw(6, new Rng(9));
  const layer = new SampledSoftmax(B * T, cfg.dModel, 6);
  const slots = new Int32Array(V).fill(-1);
  const rows = { emb: distinctRows([ids], slots), wout: distinctRows([set.ids, targets], slots) };
  for (let round = 0; round < 2; round++) {
    // a dense call (it leaves the layer's gradient buffer full), then one with rows on the same weights
    const dense = model.lossAndGrads(ids, targets, B, undefined, { layer, set });
    const sparse = model.lossAndGrads(ids, targets, B, undefined, { layer, set, rows });
    const gW = dense.grads.wout.dataSync();
    const gE = dense.grads.emb.dataSync();
    let worst = 0;
    rows.wout.forEach((c, k) => {
      for (let h = 0; h < cfg.dModel; h++) worst = Math.max(worst, Math.abs(sparse.rows!.wout.values[k * cfg.dModel + h] - gW[h * V + c]));
    });
    rows.emb.forEach((r, k) => {
      for (let h = 0; h < cfg.dModel; h++) worst = Math.max(worst, Math.abs(sparse.rows!.emb.values[k * cfg.dModel + h] - gE[r * cfg.dModel + h]));
    });
    assert.ok(worst < 1e-6, `round ${round}: row gradients differ from the dense ones by ${worst}`);
    // the columns of the rows hold every nonzero of the dense gradients
    let outside = 0;
    for (let c = 0; c < V; c++) if (!rows.wout.includes(c)) for (let h = 0; h < cfg.dModel; h++) outside = Math.max(outside, Math.abs(gW[h * V + c]));
    assert.equal(outside, 0);
    for (const r of [dense, sparse]) (r.loss.dispose(), Object.values(r.grads).forEach((t) => t.dispose()));
  }
  model.dispose();
});
