/**
 * The tanh RNN language model and the gradient-flow measure against finite differences: the parameter gradient of
 * the mean loss (with a carried state), and ∂loss_t/∂x_s for every s ≤ t for the RNN and for the LSTM (float64);
 * the wasm kernel against float64; training lowers the loss; save/load; the two CLI commands and their refusals.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Vocab } from '../../../src/core/lm/vocab';
import type { LstmModel } from '../../../src/core/lstm/engine';
import { initParams, paramLayout, Workspace } from '../../../src/core/lstm/model';
import { lstmGradientFlow, rnnGradientFlow } from '../../../src/core/rnn/gradientFlow';
import { initRnnParams, rnnLayout, RnnWorkspace, type RnnConfig } from '../../../src/core/rnn/model';
import { loadRnn, saveRnn, trainRnn } from '../../../src/core/rnn/train';
import { Rng } from '../../../src/core/util/rng';
import { runCli } from '../runCli';

const cfg: RnnConfig = { vocabSize: 9, embedding: 3, hidden: 5 };

function params(seed: number, scale = 0.4): Float64Array {
  const th = Float64Array.from(initRnnParams(cfg, seed));
  const rng = new Rng(seed + 1);
  for (let i = 0; i < th.length; i++) th[i] += rng.normal() * scale;
  return th;
}

test('RNN: the backward pass equals central finite differences for every parameter (state carried from a previous batch)', () => {
  const B = 2;
  const T = 4;
  const ws = new RnnWorkspace(cfg, B, T, { ops: 'js64' });
  ws.theta.set(params(3));
  const first = { i: [1, 2, 3, 4, 5, 6, 7, 8], o: [2, 3, 4, 5, 6, 7, 8, 0] };
  const second = { i: [3, 1, 4, 1, 5, 0, 2, 6], o: [1, 4, 1, 5, 0, 2, 6, 5] };
  ws.resetState();
  ws.forward(first.i, first.o);
  const carried = Float64Array.from(ws.HH.subarray(T * B * cfg.hidden));
  const lossAt = (theta: Float64Array) => {
    const w = new RnnWorkspace(cfg, B, T, { ops: 'js64' });
    w.theta.set(theta);
    w.HH.set(carried, T * B * cfg.hidden);
    return w.forward(second.i, second.o);
  };
  ws.forward(second.i, second.o);
  ws.backward();
  const th = Float64Array.from(ws.theta);
  const eps = 1e-6;
  assert.equal(ws.P, rnnLayout(cfg).total);
  for (let k = 0; k < ws.P; k++) {
    const p = Float64Array.from(th);
    const m = Float64Array.from(th);
    p[k] += eps;
    m[k] -= eps;
    const fd = (lossAt(p) - lossAt(m)) / (2 * eps);
    assert.ok(Math.abs(fd - ws.grad[k]) < 1e-7, `θ[${k}]: backward ${ws.grad[k]} vs finite difference ${fd}`);
  }
});

/** Finite-difference ∂loss_t/∂x_s: tokens are distinct, so the embedding row of input s is x_s alone. */
type Perturb = (add: (row: number, e: number, d: number) => void) => void;

function fdInputGrad(loss: (perturb: Perturb) => number[], row: number, E: number): number[][] {
  const eps = 1e-6;
  const out: number[][] = [];
  for (let e = 0; e < E; e++) {
    const p = loss((add) => add(row, e, eps));
    const m = loss((add) => add(row, e, -eps));
    out.push(p.map((v, t) => (v - m[t]) / (2 * eps)));
  }
  return out; // [e][t]
}

test('gradient flow: ‖∂loss_t/∂x_s‖ for the RNN and the LSTM equals finite differences at every t and s ≤ t', () => {
  const ids = [1, 2, 3, 4, 5, 6, 7, 8, 0]; // inputs are ids[0..7]: all different
  const T = ids.length - 1;
  const th = params(5);
  const rf = rnnGradientFlow(cfg, th, ids, 'js64');
  const rnnLosses = (perturb: Perturb) => {
    const w = new RnnWorkspace(cfg, 1, T, { ops: 'js64' });
    w.theta.set(th);
    perturb((row, e, d) => (w.theta[row * cfg.embedding + e] += d));
    w.resetState();
    w.forward(ids.slice(0, T), ids.slice(1));
    return Array.from(w.surp);
  };
  const vocab = new Vocab('char', ['<unk>', ...'abcdefgh']);
  const lcfg = { vocabSize: 9, embedding: 3, hidden: 4, layers: 2, dropout: 0.3 };
  const lth = Float64Array.from(initParams(lcfg, 7));
  const rng = new Rng(8);
  for (let i = 0; i < lth.length; i++) lth[i] += rng.normal() * 0.3;
  const lstm: LstmModel = { type: 'lstm', config: lcfg, vocab, theta: Float32Array.from(lth), ops: 'js64' };
  const lf = lstmGradientFlow(lstm, ids, 'js64');
  const lstmLosses = (perturb: Perturb) => {
    const w = new Workspace({ ...lcfg, dropout: 0 }, 1, T, { ops: 'js64', train: false });
    w.theta.set(Float32Array.from(lth));
    const off = paramLayout(lcfg).entries[0].offset;
    perturb((row, e, d) => (w.theta[off + row * lcfg.embedding + e] += d));
    w.resetState();
    w.forward(ids.slice(0, T), ids.slice(1), false);
    return Array.from(w.surp);
  };
  for (const [name, r, losses, E] of [['rnn', rf, rnnLosses, cfg.embedding], ['lstm', lf, lstmLosses, lcfg.embedding]] as const) {
    assert.equal(r.positions, T);
    for (let s = 0; s < T; s++) {
      const g = fdInputGrad(losses, ids[s], E);
      for (let t = 0; t < T; t++) {
        const fdNorm = Math.hypot(...g.map((col) => col[t]));
        if (t < s) {
          assert.ok(fdNorm < 1e-8, `${name}: loss_${t} must not depend on the later input ${s}`);
          continue;
        }
        const k = t - s;
        assert.ok(Math.abs(r.norms[t][k] - fdNorm) < 1e-6 * Math.max(1, fdNorm), `${name} t=${t} k=${k}: ${r.norms[t][k]} vs finite difference ${fdNorm}`);
      }
    }
    // byDistance is the mean of the heatmap's columns
    const k = 2;
    const col = r.norms.filter((row) => row.length > k).map((row) => row[k]);
    assert.ok(Math.abs(r.byDistance[k].mean - col.reduce((a, b) => a + b, 0) / col.length) < 1e-12);
    assert.equal(r.byDistance[k].count, T - k);
  }
  // (the LSTM theta was float32 in the model: the same numbers as the workspace above)
});

test('the wasm kernel gives the float64 gradient flow (RNN and LSTM, 1e-4 relative)', () => {
  const ids = Array.from({ length: 40 }, (_, i) => (i * 7 + 3) % 9);
  const th = Float32Array.from(params(2));
  const a = rnnGradientFlow(cfg, th, ids, 'wasm');
  const b = rnnGradientFlow(cfg, th, ids, 'js64');
  const lcfg = { vocabSize: 9, embedding: 3, hidden: 6, layers: 1, dropout: 0 };
  const lstm: LstmModel = { type: 'lstm', config: lcfg, vocab: new Vocab('char', ['<unk>', ...'abcdefgh']), theta: initParams(lcfg, 3) as Float32Array };
  const c = lstmGradientFlow(lstm, ids, 'wasm');
  const d = lstmGradientFlow(lstm, ids, 'js64');
  for (const [x, y] of [[a, b], [c, d]]) {
    for (const k of [0, 1, 5, 20, 38]) assert.ok(Math.abs(x.byDistance[k].mean - y.byDistance[k].mean) <= 1e-4 * y.byDistance[k].mean + 1e-12, `k=${k}: ${x.byDistance[k].mean} vs ${y.byDistance[k].mean}`);
  }
});

test('training lowers the loss; the model folder round-trips and a corrupt one is refused', async () => {
  const text = Array.from({ length: 120 }, (_, i) => ['abc abd abe', 'the cat sat'][i % 2]).join('\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-'));
  const out = path.join(dir, 'm');
  const r = await trainRnn({ hidden: 24, embedding: 8, batch: 4, seq: 16, steps: 150, lr: 0.01 }, text, { signal: new AbortController().signal, onProgress() {} }, { outDir: out });
  assert.equal(r.steps, 150);
  assert.ok(r.history[0].trainLoss > 2 && r.trainLoss < 0.8 * r.history[0].trainLoss, `loss ${r.history[0].trainLoss} → ${r.trainLoss}`);
  assert.ok(r.heldOutLoss < Math.log(r.model.vocab.size), `held-out ${r.heldOutLoss}`);
  const back = loadRnn(out);
  assert.deepEqual(Array.from(back.theta), Array.from(r.model.theta));
  assert.deepEqual(back.vocab.tokens, r.model.vocab.tokens);
  const w = path.join(out, 'weights.bin');
  const buf = fs.readFileSync(w);
  buf[10] ^= 1;
  fs.writeFileSync(w, buf);
  assert.throws(() => loadRnn(out), /checksum/);
  saveRnn(out, r.model, {});
  assert.equal(loadRnn(out).theta.length, r.model.theta.length);
  fs.rmSync(dir, { recursive: true });
});

test('ml-study train rnn and gradient-flow: JSON by distance, a heatmap; refusals exit 2 with one line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnn-cli-'));
  const corpus = path.join(dir, 'c.txt');
  fs.writeFileSync(corpus, Array.from({ length: 100 }, (_, i) => ['(a b) c', '$x$ y z'][i % 2]).join('\n'));
  const out = path.join(dir, 'm');
  const t = await runCli('train', 'rnn', '--corpus', corpus, '--out', out, '--steps', '20', '--hidden', '16', '--embedding', '4', '--batch', '4', '--seq', '8', '--json');
  assert.equal(t.code, 0, t.err);
  assert.equal(JSON.parse(t.out).steps, 20);
  const text = '(a b) c\n$x$ y z\n(a b) c';
  const g = await runCli('gradient-flow', '--text', text, '--rnn', out, '--hidden', '16', '--heatmap', '--json');
  assert.equal(g.code, 0, g.err);
  const j = JSON.parse(g.out);
  assert.equal(j.positions, text.length - 1);
  assert.equal(j.rnn.byDistance.length, text.length - 1);
  assert.equal(j.rnn.norms.length, text.length - 1);
  assert.equal(j.lstm.source, 'untrained');
  // the numbers are the engine's
  const m = loadRnn(out);
  const f = rnnGradientFlow(m.config, m.theta, m.vocab.encodeTokens(Array.from(text)).ids);
  assert.equal(j.rnn.byDistance[3].mean, f.byDistance[3].mean);
  const notDir = path.join(dir, 'c.txt');
  for (const bad of [['--text', 'a'], ['--text', 'abc', '--rnn', notDir], ['--text', 'abc', '--lstm', dir], ['--text', 'x'.repeat(500)], ['--file', dir]]) {
    const b = await runCli('gradient-flow', ...bad);
    assert.equal(b.code, 2, `${bad.join(' ')}: ${b.err}`);
    assert.equal(b.err.trim().split('\n').length, 1);
  }
  for (const bad of [['--corpus', dir, '--out', out], ['--corpus', corpus], ['--corpus', corpus, '--out', dir]]) {
    const b = await runCli('train', 'rnn', ...bad);
    assert.equal(b.code, 2, `${bad.join(' ')}: ${b.err}`);
  }
  fs.rmSync(dir, { recursive: true });
});
