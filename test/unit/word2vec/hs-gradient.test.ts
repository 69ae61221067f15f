/**
 * Hierarchical softmax in the real WebAssembly kernel: one step for an (input, path) pair moves every row by
 * −lr × the gradient of loss = −Σ_n log σ((1 − 2·bit_n)·u_n·x) over the path's inner nodes, where the gradient is
 * taken by central finite differences of that loss in float64 (independent of the kernel's analytic update).
 * Skip-gram (x = v_c) and CBOW (x = mean h of the context rows; as in word2vec.c and gensim, each context row
 * receives the whole ∂loss/∂h, i.e. n × its own gradient).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { huffmanTree } from '../../../src/core/word2vec/huffman';
import { standaloneKernel } from '../../../src/core/word2vec/kernel';
import { Rng } from '../../../src/core/util/rng';

// Fibonacci-like counts give a deep tree: paths up to 11 nodes, so the kernel's six-at-a-time groups are crossed.
const COUNTS = [144, 89, 55, 34, 21, 13, 8, 5, 3, 2, 1, 1];
const V = COUNTS.length;
const DIM = 10; // not a multiple of 4: the padded lanes must stay zero
const LR = 0.05;
const H = 1e-4;
const tree = huffmanTree(COUNTS);

function setup(seed: number) {
  const kern = standaloneKernel(V, DIM, 16, { negative: 0, window: 2, cbow: false, hs: true, seed }, tree);
  const rng = new Rng(seed);
  const { syn0, syn1, rowFloats } = kern.v;
  for (let w = 0; w < V; w++) {
    for (let j = 0; j < DIM; j++) {
      syn0[w * rowFloats + j] = rng.normal() * 0.6;
      if (w < V - 1) syn1[w * rowFloats + j] = rng.normal() * 0.6;
    }
  }
  return kern;
}

const row = (m: Float32Array, w: number, stride: number) => Array.from(m.subarray(w * stride, w * stride + DIM));
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

function pathOf(w: number): { nodes: number[]; bits: number[] } {
  const a = tree.pathOffsets[w];
  const b = tree.pathOffsets[w + 1];
  return { nodes: Array.from(tree.pathNodes.subarray(a, b)), bits: Array.from(tree.pathCodes.subarray(a, b)) };
}

/** −Σ log σ((1 − 2·bit)·u·x) = Σ softplus(−(1 − 2·bit)·u·x), in float64. */
function pathLoss(x: number[], us: number[][], bits: number[]): number {
  let loss = 0;
  us.forEach((u, d) => {
    const f = u.reduce((s, ui, j) => s + ui * x[j], 0);
    loss += softplus(-(1 - 2 * bits[d]) * f);
  });
  return loss;
}

/** Central finite differences of f at every coordinate of every vector in params. */
function numericGrad(params: number[][], f: () => number): number[][] {
  return params.map((p) =>
    p.map((_, j) => {
      const keep = p[j];
      p[j] = keep + H;
      const up = f();
      p[j] = keep - H;
      const down = f();
      p[j] = keep;
      return (up - down) / (2 * H);
    }),
  );
}

function assertClose(actual: number[], expected: number[], what: string) {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= 1e-5, `${what}[${i}]: kernel ${actual[i]} vs finite differences ${expected[i]}`);
  }
}

test('the tree has paths of more than six nodes (two kernel groups) and of one node', () => {
  const lengths = COUNTS.map((_, w) => pathOf(w).nodes.length);
  assert.ok(Math.max(...lengths) > 6 && Math.min(...lengths) === 1, `path lengths ${lengths}`);
});

test('HS skip-gram step = −lr × finite-difference gradient of the path loss, on v_c and every node on the path', () => {
  for (const [seed, c, o] of [[1, 3, 11], [2, 7, 0], [3, 0, 6], [4, 11, 9]] as const) {
    const { k, v } = setup(seed);
    const S = v.rowFloats;
    const { nodes, bits } = pathOf(o);
    const before0 = Array.from({ length: V }, (_, w) => row(v.syn0, w, S));
    const before1 = Array.from({ length: V - 1 }, (_, n) => row(v.syn1, n, S));
    const x = [...before0[c]];
    const us = nodes.map((n) => [...before1[n]]);
    const loss = pathLoss(x, us, bits);
    const [gx, ...gu] = numericGrad([x, ...us], () => pathLoss(x, us, bits));

    k.resetLoss();
    k.stepHsSg(c, o, LR);

    assertClose(row(v.syn0, c, S), before0[c].map((xi, j) => xi - LR * gx[j]), 'v_c');
    nodes.forEach((n, d) => assertClose(row(v.syn1, n, S), before1[n].map((ui, j) => ui - LR * gu[d][j]), `u_node${n}`));
    for (let w = 0; w < V; w++) {
      if (w !== c) assert.deepEqual(row(v.syn0, w, S), before0[w], `input row ${w} must not move`);
      if (w < V - 1 && !nodes.includes(w)) assert.deepEqual(row(v.syn1, w, S), before1[w], `inner node ${w} is off the path and must not move`);
      for (let j = DIM; j < S; j++) assert.equal(v.syn0[w * S + j], 0, 'padding stays zero');
    }
    assert.ok(Math.abs(k.getLossSum() - loss) < 1e-5, `loss ${k.getLossSum()} vs ${loss}`);
    assert.equal(k.getPairCount(), 1);
  }
});

test('HS CBOW step: each context row moves by −lr × finite-difference ∂loss/∂h (n × its own), the nodes by −lr × theirs', () => {
  for (const [seed, c] of [[5, 11], [6, 0], [7, 5]] as const) {
    const { k, v, layout } = setup(seed);
    const S = v.rowFloats;
    const ctx = [1, 2, 4, 10];
    v.ids.set(ctx);
    const { nodes, bits } = pathOf(c);
    const before0 = Array.from({ length: V }, (_, w) => row(v.syn0, w, S));
    const before1 = Array.from({ length: V - 1 }, (_, n) => row(v.syn1, n, S));
    const xs = ctx.map((w) => [...before0[w]]);
    const us = nodes.map((n) => [...before1[n]]);
    const f = () => pathLoss(Array.from({ length: DIM }, (_, j) => xs.reduce((s, r) => s + r[j], 0) / xs.length), us, bits);
    const loss = f();
    const g = numericGrad([...xs, ...us], f);

    k.resetLoss();
    k.stepHsCbow(layout.ids, ctx.length, c, LR);

    // Distinct context words: ∂loss/∂h = n × ∂loss/∂v_i, and every context row receives the whole of it.
    ctx.forEach((w, i) => assertClose(row(v.syn0, w, S), before0[w].map((xi, j) => xi - LR * ctx.length * g[i][j]), `v_ctx${i}`));
    nodes.forEach((n, d) => assertClose(row(v.syn1, n, S), before1[n].map((ui, j) => ui - LR * g[ctx.length + d][j]), `u_node${n}`));
    assert.ok(Math.abs(k.getLossSum() - loss) < 1e-5, `loss ${k.getLossSum()} vs ${loss}`);
  }
});

test('HS loss over all words is a proper distribution: Σ_w p(w | x) = 1 for any x', () => {
  const { v } = setup(8);
  const S = v.rowFloats;
  const x = row(v.syn0, 2, S);
  let total = 0;
  for (let w = 0; w < V; w++) {
    const { nodes, bits } = pathOf(w);
    total += Math.exp(-pathLoss(x, nodes.map((n) => row(v.syn1, n, S)), bits));
  }
  assert.ok(Math.abs(total - 1) < 1e-9, `Σ p = ${total}`);
});
