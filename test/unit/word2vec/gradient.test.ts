/**
 * The kernel's update is exactly one SGD step on the notes' objective: for SGNS, loss = −log σ(u_o·v_c) −
 * Σ_k log σ(−u_k·v_c); for CBOW the same with v_c replaced by the mean h of the context vectors. The new rows must
 * equal old − lr × ∂loss/∂row as computed by tfjs autodiff, to 1e-5, except CBOW's context rows: as in word2vec.c
 * and gensim (cbow_mean=1), each receives the whole ∂loss/∂h, which is n × its own ∂loss/∂row. The loss the kernel
 * adds up must equal the loss tfjs computes. This runs the real WebAssembly kernel (dist/w2v-kernel.wasm), not a copy.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initTf, tf } from '../../../src/core/tf/backend';
import { standaloneKernel } from '../../../src/core/word2vec/kernel';
import { Rng } from '../../../src/core/util/rng';

const V = 12;
const DIM = 10; // not a multiple of 4: the padded lanes must stay zero
const LR = 0.05;

before(async () => {
  await initTf();
});

function setup(seed: number) {
  const kern = standaloneKernel(V, DIM, 16, { negative: 4, window: 2, cbow: false, seed });
  const rng = new Rng(seed);
  const { syn0, syn1, rowFloats } = kern.v;
  for (let w = 0; w < V; w++) {
    for (let j = 0; j < DIM; j++) {
      syn0[w * rowFloats + j] = rng.normal() * 0.6;
      syn1[w * rowFloats + j] = rng.normal() * 0.6;
    }
  }
  return kern;
}

const row = (m: Float32Array, w: number, stride: number) => Array.from(m.subarray(w * stride, w * stride + DIM));

/** −log σ(u_o·x) − Σ log σ(−u_k·x), written with softplus (tf.logSigmoid's gradient is broken, see PERF-FACTS). */
function objective(x: tf.Tensor1D, uo: tf.Tensor1D, un: tf.Tensor2D): tf.Scalar {
  const pos = tf.softplus(tf.neg(tf.sum(tf.mul(uo, x))));
  const neg = tf.sum(tf.softplus(tf.matMul(un, x.reshape([DIM, 1])).reshape([-1])));
  return tf.add(pos, neg) as tf.Scalar;
}

function assertClose(actual: number[], expected: number[], what: string) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= 1e-5, `${what}[${i}]: kernel ${actual[i]} vs autodiff ${expected[i]}`);
  }
}

// The kernel handles targets six at a time: 4 negatives (padded), 5 (one exact group), 8 (two groups).
const NEGATIVE_SETS = [[1, 5, 9, 11], [1, 5, 9, 11, 2], [1, 2, 4, 5, 8, 9, 10, 11]];

test('SGNS step = −lr × autodiff gradient on v_c, u_o and every negative', () => {
  for (const [seed, negs] of NEGATIVE_SETS.map((n, i) => [i + 1, n] as const)) {
    const { k, v, layout } = setup(seed);
    const S = v.rowFloats;
    const c = 3;
    const o = 7;
    v.ids.set(negs);
    const before0 = Array.from({ length: V }, (_, w) => row(v.syn0, w, S));
    const before1 = Array.from({ length: V }, (_, w) => row(v.syn1, w, S));
    const [gx, guo, gun] = tf.tidy(() => {
      const g = tf.grads((x, uo, un) => objective(x as tf.Tensor1D, uo as tf.Tensor1D, un as tf.Tensor2D));
      return g([tf.tensor1d(before0[c]), tf.tensor1d(before1[o]), tf.tensor2d(negs.map((n) => before1[n]))]).map((t) => t.arraySync());
    }) as [number[], number[], number[][]];
    const loss = tf.tidy(() => objective(tf.tensor1d(before0[c]), tf.tensor1d(before1[o]), tf.tensor2d(negs.map((n) => before1[n]))).arraySync());

    k.resetLoss();
    k.stepSgns(c, o, layout.ids, negs.length, LR);

    assertClose(row(v.syn0, c, S), before0[c].map((x, j) => x - LR * gx[j]), 'v_c');
    assertClose(row(v.syn1, o, S), before1[o].map((x, j) => x - LR * guo[j]), 'u_o');
    negs.forEach((n, i) => assertClose(row(v.syn1, n, S), before1[n].map((x, j) => x - LR * gun[i][j]), `u_neg${i}`));
    for (let w = 0; w < V; w++) {
      if (w !== c) assert.deepEqual(row(v.syn0, w, S), before0[w], `input row ${w} must not move`);
      if (w !== o && !negs.includes(w)) assert.deepEqual(row(v.syn1, w, S), before1[w], `output row ${w} must not move`);
      for (let j = DIM; j < S; j++) assert.equal(v.syn0[w * S + j], 0, 'padding stays zero');
    }
    assert.ok(Math.abs(k.getLossSum() - loss) < 1e-5, `loss ${k.getLossSum()} vs ${loss}`);
    assert.equal(k.getPairCount(), 1);
  }
});

test('CBOW step: each context row moves by −lr × ∂loss/∂h (n × its own gradient), the output rows by −lr × theirs', () => {
  for (const [seed, negs] of [[4, [1, 8, 9]], [5, [1, 8, 9, 3, 5]], [6, [1, 3, 5, 7, 8, 9, 11]]] as const) {
    const { k, v, layout } = setup(seed);
    const S = v.rowFloats;
    const ctx = [0, 2, 4, 10];
    const c = 6;
    v.ids.set([...ctx, ...negs]);
    const before0 = Array.from({ length: V }, (_, w) => row(v.syn0, w, S));
    const before1 = Array.from({ length: V }, (_, w) => row(v.syn1, w, S));
    const f = (vs: tf.Tensor2D, uo: tf.Tensor1D, un: tf.Tensor2D) => objective(tf.mean(vs, 0) as tf.Tensor1D, uo, un);
    const [gctx, guo, gun] = tf.tidy(() => {
      const g = tf.grads((vs, uo, un) => f(vs as tf.Tensor2D, uo as tf.Tensor1D, un as tf.Tensor2D));
      return g([tf.tensor2d(ctx.map((w) => before0[w])), tf.tensor1d(before1[c]), tf.tensor2d(negs.map((n) => before1[n]))]).map((t) => t.arraySync());
    }) as [number[][], number[], number[][]];
    const loss = tf.tidy(() => f(tf.tensor2d(ctx.map((w) => before0[w])), tf.tensor1d(before1[c]), tf.tensor2d(negs.map((n) => before1[n]))).arraySync());

    k.resetLoss();
    k.stepCbow(layout.ids, ctx.length, c, layout.ids + ctx.length * 4, negs.length, LR);

    // Distinct context words: ∂loss/∂h = n × ∂loss/∂v_i, and every context row receives the whole of it.
    ctx.forEach((w, i) => assertClose(row(v.syn0, w, S), before0[w].map((x, j) => x - LR * ctx.length * gctx[i][j]), `v_ctx${i}`));
    assertClose(row(v.syn1, c, S), before1[c].map((x, j) => x - LR * guo[j]), 'u_centre');
    negs.forEach((n, i) => assertClose(row(v.syn1, n, S), before1[n].map((x, j) => x - LR * gun[i][j]), `u_neg${i}`));
    assert.ok(Math.abs(k.getLossSum() - loss) < 1e-5, `loss ${k.getLossSum()} vs ${loss}`);
  }
});

test('large scores: the polynomial exp keeps σ and the loss exact far from 0', () => {
  const { k, v, layout } = setup(9);
  const S = v.rowFloats;
  // Make u_o·v_c ≈ +40 and u_neg·v_c ≈ +25: the loss is dominated by the negative's softplus(25) ≈ 25.
  for (let j = 0; j < DIM; j++) {
    v.syn0[3 * S + j] = 2;
    v.syn1[7 * S + j] = 2;
    v.syn1[1 * S + j] = 1.25;
  }
  v.ids.set([1]);
  k.resetLoss();
  k.stepSgns(3, 7, layout.ids, 1, LR);
  const expected = Math.log1p(Math.exp(-40)) + 25 + Math.log1p(Math.exp(-25));
  assert.ok(Math.abs(k.getLossSum() - expected) < 1e-4, `loss ${k.getLossSum()} vs ${expected}`);
  // σ(25) ≈ 1: the negative moves by −lr·1·v_c.
  assert.ok(Math.abs(v.syn1[1 * S] - (1.25 - LR * 2)) < 1e-5);
});
