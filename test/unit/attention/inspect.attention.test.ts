/**
 * The numbers of the head, neuron and step views (src/core/attention/inspect.ts) against the real Transformer
 * forward (tfjs, float32) and against an independent float64 computation written here in matrix form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { TransformerLM, sinusoid, weightNames, weightShape, type TransformerConfig } from '../../../src/core/attention/transformer';
import { headView, InspectError, neuronView, stepView, traceTransformer, inspectText } from '../../../src/core/attention/inspect';
import type { LoadedAttentionModel } from '../../../src/core/attention/store';
import { Vocab } from '../../../src/core/lm/vocab';
import { Rng } from '../../../src/core/util/rng';

const TEXT = 'the cat sat on the mat. a query looks at keys.';
const EPS32 = 2e-4;

/** A model whose every weight (biases and layer-norm gains too) is random, so each term of the forward matters. */
function randomModel(causal: boolean, seed: number): LoadedAttentionModel {
  const vocab = Vocab.build(TEXT, 'char');
  const cfg: TransformerConfig = { vocab: vocab.size + (causal ? 0 : 1), layers: 2, heads: 2, dModel: 8, ffn: 12, seq: 24, causal };
  const rng = new Rng(seed);
  const init = new Map<string, Float32Array>();
  for (const n of weightNames(cfg)) {
    const size = weightShape(cfg, n).reduce((a, b) => a * b, 1);
    init.set(n, Float32Array.from({ length: size }, () => (/ln.g$/.test(n) ? 1 : 0) + (rng.next() - 0.5) * 0.9));
  }
  const model = new TransformerLM(cfg, init);
  const json = {} as never;
  return causal ? { kind: 'transformer', model, vocab, json, dir: '/m' } : { kind: 'mlm', model, vocab, maskId: vocab.size, json, dir: '/m' };
}

// ---------------------------------------------------------------- an independent float64 forward, matrix by matrix

type M = number[][];
const mat = (w: Float32Array, r: number, c: number): M => Array.from({ length: r }, (_, i) => Array.from(w.subarray(i * c, i * c + c), Number));
const matmul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
const addRow = (a: M, b: Float32Array): M => a.map((row) => row.map((x, j) => x + b[j]));
const add = (a: M, b: M): M => a.map((row, i) => row.map((x, j) => x + b[i][j]));
const transpose = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const cols = (a: M, from: number, to: number): M => a.map((row) => row.slice(from, to));
function ln(x: M, g: Float32Array, b: Float32Array): M {
  return x.map((row) => {
    const mu = row.reduce((s, v) => s + v, 0) / row.length;
    const sd = Math.sqrt(row.reduce((s, v) => s + (v - mu) ** 2, 0) / row.length + 1e-5);
    return row.map((v, j) => ((v - mu) / sd) * g[j] + b[j]);
  });
}
function softmaxRows(s: M): M {
  return s.map((row) => {
    const lse = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
    return row.map((v) => Math.exp(v - lse));
  });
}

function reference(m: LoadedAttentionModel & { kind: 'transformer' | 'mlm' }, ids: Int32Array) {
  const cfg = m.model.cfg;
  const { dModel: d, heads: H, ffn: F, vocab: V } = cfg;
  const dk = d / H;
  const w = (n: string) => m.model.weights.get(n)!.dataSync() as Float32Array;
  const T = ids.length;
  const E = mat(w('emb'), V, d);
  let x = add(Array.from(ids, (id) => E[id]), mat(sinusoid(T, d), T, d));
  const layers = [];
  for (let l = 0; l < cfg.layers; l++) {
    const p = (n: string) => w(`l${l}.${n}`);
    const h = ln(x, p('ln1g'), p('ln1b'));
    const Q = addRow(matmul(h, mat(p('wq'), d, d)), p('bq'));
    const K = addRow(matmul(h, mat(p('wk'), d, d)), p('bk'));
    const Vv = addRow(matmul(h, mat(p('wv'), d, d)), p('bv'));
    const A: M[] = [];
    const S: M[] = [];
    const ctx: M[] = [];
    for (let hd = 0; hd < H; hd++) {
      const [qh, kh, vh] = [Q, K, Vv].map((z) => cols(z, hd * dk, (hd + 1) * dk));
      const raw = matmul(qh, transpose(kh));
      S.push(raw);
      const masked = raw.map((row, i) => row.map((s, j) => (cfg.causal !== false && j > i ? -Infinity : s / Math.sqrt(dk))));
      A.push(softmaxRows(masked));
      ctx.push(matmul(A[hd], vh));
    }
    const concat = Array.from({ length: T }, (_, i) => ctx.flatMap((c) => c[i]));
    const attnOut = addRow(matmul(concat, mat(p('wo'), d, d)), p('bo'));
    const x1 = add(x, attnOut);
    const hidden = addRow(matmul(ln(x1, p('ln2g'), p('ln2b')), mat(p('w1'), d, F)), p('b1')).map((r) => r.map((u) => (u > 0 ? u : 0)));
    x = add(x1, addRow(matmul(hidden, mat(p('w2'), F, d)), p('b2')));
    layers.push({ Q, K, V: Vv, S, A, ctx, attnOut, hidden, out: x });
  }
  const logits = addRow(matmul(ln(x, w('lnfg'), w('lnfb')), mat(w('wout'), d, V)), w('bout'));
  return { layers, logits, probs: softmaxRows(logits) };
}

function close(actual: readonly number[], expected: readonly number[], tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `${what}[${i}] = ${a}, expected ${expected[i]}`));
}

/** The real forward's attention sublayer output at every layer: (A v merged) W_o + b_o from TransformerLM's own caches. */
function modelAttentionOutputs(m: LoadedAttentionModel & { kind: 'transformer' | 'mlm' }, ids: Int32Array): number[][][] {
  const forward = (m.model as unknown as { forward(ids: Int32Array, B: number, T: number): { caches: { o: tf.Tensor2D }[] } }).forward;
  assert.equal(typeof forward, 'function', 'TransformerLM has a forward pass with per-layer caches');
  return tf.tidy(() => forward.call(m.model, ids, 1, ids.length).caches.map((c, l) => {
    const out = tf.add(tf.matMul(c.o, m.model.weights.get(`l${l}.wo`)!), m.model.weights.get(`l${l}.bo`)!) as tf.Tensor2D;
    return out.arraySync();
  }));
}

for (const causal of [true, false]) {
  const kind = causal ? 'causal Transformer' : 'masked language model';

  test(`${kind}: every stage of the trace equals an independent float64 forward`, async () => {
    await initTf();
    const m = randomModel(causal, causal ? 7 : 8) as LoadedAttentionModel & { kind: 'transformer' | 'mlm' };
    const { ids } = inspectText(m, 'the cat sat');
    const tr = traceTransformer(m.model, ids);
    const ref = reference(m, ids);
    tr.layers.forEach((L, l) => {
      const R = ref.layers[l];
      for (let h = 0; h < m.model.cfg.heads; h++) {
        const dk = m.model.cfg.dModel / m.model.cfg.heads;
        ids.forEach((_, i) => {
          close(L.q[h][i], R.Q[i].slice(h * dk, (h + 1) * dk), 1e-10, `q l${l} h${h} t${i}`);
          close(L.scores[h][i], R.S[h][i], 1e-10, `scores l${l} h${h} t${i}`);
          close(L.weights[h][i], R.A[h][i], 1e-10, `weights l${l} h${h} t${i}`);
          close(L.context[h][i], R.ctx[h][i], 1e-10, `context l${l} h${h} t${i}`);
        });
      }
      ids.forEach((_, i) => {
        close(L.attnOut[i], R.attnOut[i], 1e-10, `attnOut l${l} t${i}`);
        close(L.hidden[i], R.hidden[i], 1e-10, `ffn hidden l${l} t${i}`);
        close(L.output[i], R.out[i], 1e-10, `output l${l} t${i}`);
      });
    });
    ids.forEach((_, i) => close(tr.probs[i], ref.probs[i], 1e-10, `probs t${i}`));
    m.model.dispose();
  });

  test(`${kind}: the neuron view's numbers are Attention(Q,K,V) for the token and its output is the model's layer output`, async () => {
    await initTf();
    const m = randomModel(causal, causal ? 11 : 12) as LoadedAttentionModel & { kind: 'transformer' | 'mlm' };
    const text = 'a cat looks at the mat';
    const { ids } = inspectText(m, text);
    const real = modelAttentionOutputs(m, ids);
    const realMaps = m.model.attention(ids);
    const ref = reference(m, ids);
    const dk = m.model.cfg.dModel / m.model.cfg.heads;
    for (const [layer, head, position] of [[0, 0, 5], [1, 1, ids.length - 1], [1, 0, 0]]) {
      const n = neuronView(m, text, layer, head, position);
      assert.equal(n.keys.length, ids.length);
      // Each stage from its own numbers, as the view shows them.
      n.keys.forEach((k, j) => {
        assert.ok(Math.abs(k.products.reduce((s, x) => s + x, 0) - k.score) < 1e-12, 'the products sum to the score');
        assert.ok(Math.abs(k.scaled - k.score / Math.sqrt(dk)) < 1e-12, 'the score is scaled by 1/√d_k');
        assert.equal(k.masked, causal && j > position);
        if (k.masked) assert.equal(k.weight, 0);
      });
      const e = n.keys.map((k) => (k.masked ? 0 : Math.exp(k.scaled)));
      close(n.keys.map((k) => k.weight), e.map((x) => x / e.reduce((a, b) => a + b, 0)), 1e-12, 'softmax of the scaled scores');
      close(n.context, n.keys.reduce((acc, k) => acc.map((x, t) => x + k.weighted[t]), new Array<number>(dk).fill(0)), 1e-12, 'Σ w·v');
      // Against the float64 reference and the real model.
      close(n.q, ref.layers[layer].Q[position].slice(head * dk, (head + 1) * dk), 1e-10, 'q');
      close(n.keys.map((k) => k.weight), realMaps[layer][head][position], EPS32, 'weights vs the model');
      close(n.output, real[layer][position], EPS32, 'attention sublayer output vs the model');
    }
    m.model.dispose();
  });

  test(`${kind}: the step-through's probabilities are the model's next-token distribution`, async () => {
    await initTf();
    const m = randomModel(causal, causal ? 21 : 22) as LoadedAttentionModel & { kind: 'transformer' | 'mlm' };
    const text = 'the mat';
    const { ids } = inspectText(m, text);
    const V = m.model.cfg.vocab;
    const modelProbs = tf.tidy(() => tf.softmax(m.model.logits(ids, 1)).arraySync() as number[][]);
    const tr = traceTransformer(m.model, ids);
    for (let pos = 0; pos < ids.length; pos++) {
      close(tr.probs[pos], modelProbs[pos], EPS32, `probabilities at ${pos}`);
      const s = stepView(m, text, pos, 5);
      assert.equal(s.top.length, 5);
      assert.equal(s.predicts, causal ? 'next' : 'this');
      for (const t of s.top) assert.ok(Math.abs(t.p - modelProbs[pos][t.id]) < EPS32, `p(${t.token}) at ${pos}`);
      const best = modelProbs[pos].indexOf(Math.max(...modelProbs[pos]));
      assert.equal(s.top[0].id, best, 'the first of the top-k is the model\'s most likely token');
      for (let i = 1; i < s.top.length; i++) assert.ok(s.top[i - 1].p >= s.top[i].p);
      if (causal) {
        // A causal model's distribution at `pos` is its next-token distribution after the prefix.
        close(Array.from(m.model.nextProbabilities(ids.slice(0, pos + 1))), modelProbs[pos], EPS32, `next-token after ${pos + 1} tokens`);
        if (pos + 1 < ids.length) assert.ok(Math.abs(s.actualP! - modelProbs[pos][ids[pos + 1]]) < EPS32);
      }
      assert.equal(s.layerSteps.length, m.model.cfg.layers);
      close(s.x0, s.embedding.map((e, i) => e + s.positional[i]), 1e-12, 'x0 = embedding + position');
      close(s.layerSteps[0].resid1, s.x0.map((x, i) => x + s.layerSteps[0].attnOut[i]), 1e-12, 'residual after attention');
      assert.equal(s.vocab, V);
    }
    m.model.dispose();
  });
}

test('bad text and positions are refused with one sentence', async () => {
  await initTf();
  const m = randomModel(true, 3);
  assert.throws(() => headView(m, '   '), InspectError);
  assert.throws(() => headView(m, 'x'.repeat(25)), (e: Error) => e instanceof InspectError && /at most 24/.test(e.message));
  assert.throws(() => headView(m, 'x'.repeat(5000)), InspectError);
  assert.throws(() => neuronView(m, 'the cat', 2, 0, 0), /layer must be a whole number from 1 to 2/);
  assert.throws(() => neuronView(m, 'the cat', 0, 0, 7), /position must be/);
  assert.throws(() => stepView(m, 'the cat', -8), InspectError);
  assert.equal(stepView(m, 'the cat', -1).position, 6);
  const hv = headView(m, 'The cat');
  assert.equal(hv.lowercased, true);
  assert.equal(hv.attention.length, 2);
  assert.equal(hv.attention[0][0].length, 7);
  if (m.kind !== 'seq2seq') m.model.dispose();
});
