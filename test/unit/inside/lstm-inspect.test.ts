/**
 * Gate values are the trained model's: the trace (the Workspace forward on the wasm kernel and on float64 JS ops)
 * against an LSTM written out here step by step from the parameters, and the top-5 against the engine's own
 * token-by-token Stepper; indicators by hand; the ranking's correlations against a direct formula; `ml-study gates`
 * on a model trained by `ml-study train lstm`, and its refusals.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Vocab } from '../../../src/core/lm/vocab';
import { Stepper, type LstmModel } from '../../../src/core/lstm/engine';
import { indicators, rankUnits, traceLstm, unitSeries } from '../../../src/core/lstm/inspect';
import { initParams, paramLayout, Workspace, type LstmConfig } from '../../../src/core/lstm/model';
import { Rng } from '../../../src/core/util/rng';
import { runCli } from '../runCli';

const TEXT = 'the model $p(x_t)$ reads (one [char] at a time)\nand { keeps } state.\n';

function model(ops: LstmModel['ops'], layers = 2): LstmModel {
  const vocab = Vocab.build(TEXT + 'zq', 'char');
  const config: LstmConfig = { vocabSize: vocab.size, embedding: 6, hidden: 7, layers, dropout: 0 };
  const theta = initParams(config, 5) as Float32Array;
  const rng = new Rng(2);
  for (let i = 0; i < theta.length; i++) theta[i] += rng.normal() * 0.3; // livelier gates than at initialisation
  return { type: 'lstm', config, vocab, theta, ops };
}

/** The LSTM of the notes, in float64, one step at a time: z = x·Wx + h·Wh + b; i,f,o = σ; g = tanh; c, h. */
function reference(m: LstmModel, ids: number[]) {
  const { embedding: E, hidden: H, layers: L, vocabSize: V } = m.config;
  const off = Object.fromEntries(paramLayout(m.config).entries.map((e) => [e.name, e.offset]));
  const th = m.theta;
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  const h = Array.from({ length: L }, () => new Array(H).fill(0));
  const c = Array.from({ length: L }, () => new Array(H).fill(0));
  const steps: { gates: number[][][]; c: number[][]; h: number[][]; probs: number[] }[] = [];
  for (const id of ids) {
    let x = Array.from({ length: E }, (_, k) => th[off.emb + id * E + k]);
    const gates: number[][][] = [];
    for (let l = 0; l < L; l++) {
      const inDim = x.length;
      const z = Array.from({ length: 4 * H }, (_, j) => {
        let s = th[off[`b${l}`] + j];
        for (let k = 0; k < inDim; k++) s += x[k] * th[off[`wx${l}`] + k * 4 * H + j];
        for (let k = 0; k < H; k++) s += h[l][k] * th[off[`wh${l}`] + k * 4 * H + j];
        return s;
      });
      const gi = z.slice(0, H).map(sig);
      const gf = z.slice(H, 2 * H).map(sig);
      const gg = z.slice(2 * H, 3 * H).map(Math.tanh);
      const go = z.slice(3 * H).map(sig);
      c[l] = c[l].map((cv, j) => gf[j] * cv + gi[j] * gg[j]);
      h[l] = c[l].map((cv, j) => go[j] * Math.tanh(cv));
      gates.push([gi, gf, gg, go]);
      x = h[l];
    }
    const logits = Array.from({ length: V }, (_, v) => {
      let s = th[off.by + v];
      for (let k = 0; k < H; k++) s += x[k] * th[off.wy + k * V + v];
      return s;
    });
    const mx = Math.max(...logits);
    const ex = logits.map((v) => Math.exp(v - mx));
    const sum = ex.reduce((a, b) => a + b, 0);
    steps.push({ gates, c: c.map((r) => r.slice()), h: h.map((r) => r.slice()), probs: ex.map((v) => v / sum) });
  }
  return steps;
}

for (const [ops, tol] of [['js64', 5e-7], ['wasm', 2e-5]] as const) {
  test(`${ops}: gates, cell and hidden of every layer at every character = a step-by-step LSTM from the parameters (${tol})`, () => {
    const m = model(ops);
    const tr = traceLstm(m, TEXT, 5);
    const start = m.vocab.idOf('\n')!;
    const ref = reference(m, [start, ...tr.ids]).slice(1);
    const H = m.config.hidden;
    let worst = 0;
    for (let p = 0; p < tr.tokens.length; p++) {
      for (let l = 0; l < 2; l++) {
        const L = tr.layers[l];
        const [gi, gf, gg, go] = ref[p].gates[l];
        for (let j = 0; j < H; j++) {
          for (const [a, b] of [[L.input, gi], [L.forget, gf], [L.candidate, gg], [L.output, go], [L.cell, ref[p].c[l]], [L.hidden, ref[p].h[l]]] as const) {
            worst = Math.max(worst, Math.abs(a[p * H + j] - b[j]));
          }
        }
      }
      const best = ref[p].probs.map((q, k) => [q, k]).sort((a, b) => b[0] - a[0]).slice(0, 5);
      tr.top[p].forEach((g, k) => assert.ok(Math.abs(g.prob - best[k][0]) < tol * 10, `p=${p}: ${g.prob} vs ${best[k][0]}`));
    }
    assert.ok(worst < tol, `largest difference ${worst}`);
    // a unit's series are the same numbers
    const s = unitSeries(tr, 1, 3);
    assert.equal(s.forget[4], tr.layers[1].forget[4 * H + 3]);
  });
}

test('gates and cells equal the model stepped one character at a time (a 1 × 1 Workspace, as the engine\'s Stepper runs it)', () => {
  const m = model('wasm');
  const tr = traceLstm(m, TEXT, 5);
  const H = m.config.hidden;
  const ws = new Workspace(m.config, 1, 1, { ops: 'wasm', train: false });
  ws.theta.set(m.theta);
  ws.resetState();
  ws.forward([m.vocab.idOf('\n')!], null, false);
  let worst = 0;
  for (let p = 0; p < tr.ids.length; p++) {
    ws.forward([tr.ids[p]], null, false);
    for (let l = 0; l < 2; l++) {
      const L = tr.layers[l];
      for (let j = 0; j < H; j++) {
        worst = Math.max(worst, Math.abs(L.input[p * H + j] - ws.Z[l][j]), Math.abs(L.forget[p * H + j] - ws.Z[l][H + j]), Math.abs(L.output[p * H + j] - ws.Z[l][3 * H + j]));
        worst = Math.max(worst, Math.abs(L.cell[p * H + j] - ws.CC[l][H + j]), Math.abs(L.hidden[p * H + j] - ws.HH[l][H + j]));
      }
    }
  }
  assert.ok(worst < 1e-5, `largest difference ${worst}`);
});

test('top-5 guesses are the engine\'s own token-by-token Stepper distribution', () => {
  const m = model('wasm', 1);
  const tr = traceLstm(m, TEXT, 5);
  const st = new Stepper(m);
  st.feed(m.vocab.idOf('\n')!);
  for (let p = 0; p < tr.ids.length; p++) {
    const probs = st.feed(tr.ids[p]);
    const best = Array.from(probs).map((q, k) => [q, k]).sort((a, b) => b[0] - a[0]).slice(0, 5);
    tr.top[p].forEach((g, k) => {
      assert.ok(Math.abs(g.prob - best[k][0]) < 1e-5);
      if (k === 0) assert.equal(g.token, m.vocab.tokenText(best[0][1]));
    });
  }
});

test('indicators by hand; a pattern indicator; correlations and ranking against a direct formula', () => {
  const toks = Array.from('a $x$ (b [c]) d\nef');
  const ind = Object.fromEntries(indicators(toks, 'b \\[').map((i) => [i.name, i.values]));
  assert.deepEqual(ind.position, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1]);
  assert.deepEqual(ind.math, [0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(ind.brackets, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  assert.deepEqual(ind.afterSpace, [0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0]);
  assert.deepEqual(ind.pattern, [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => indicators(toks, '('), /not a valid regular expression/);

  const m = model('wasm', 1);
  const tr = traceLstm(m, TEXT, 5);
  const inds = indicators(tr.tokens);
  const ranks = rankUnits(tr, inds, 0, 7);
  const H = m.config.hidden;
  const n = tr.tokens.length;
  for (const [k, r] of ranks.entries()) {
    for (let i = 1; i < r.units.length; i++) assert.ok(Math.abs(r.units[i - 1].correlation) >= Math.abs(r.units[i].correlation));
    const u = r.units[0].unit;
    const x = Array.from({ length: n }, (_, p) => tr.layers[0].cell[p * H + u]);
    const y = inds[k].values;
    // r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²))
    const S = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).reduce((a, b) => a + b, 0);
    const direct = (n * S((i) => x[i] * y[i]) - S((i) => x[i]) * S((i) => y[i])) / Math.sqrt((n * S((i) => x[i] ** 2) - S((i) => x[i]) ** 2) * (n * S((i) => y[i] ** 2) - S((i) => y[i]) ** 2));
    assert.ok(Math.abs(direct - r.units[0].correlation) < 1e-9);
  }
  // a constant indicator ranks every unit at 0
  const flat = rankUnits(tr, [{ name: 'none', description: 'constant', values: new Array(n).fill(1) }], 0, 3);
  assert.deepEqual(flat[0].units.map((u) => u.correlation), [0, 0, 0]);
});

test('ml-study gates on a trained model: units, ranking, top-5; bad input exits 2 with one line', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gates-'));
  const corpus = path.join(tmp, 'notes.txt');
  fs.writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => ['the loss $L = -\\log p$ falls.', 'a (small) model [of chars].'][i % 2]).join('\n'));
  const dir = path.join(tmp, 'm');
  const t = await runCli('train', 'lstm', '--corpus', corpus, '--out', dir, '--steps', '6', '--batch', '4', '--seq', '16', '--hidden', '12', '--embedding', '8', '--eval-every', '6', '--json');
  assert.equal(t.code, 0, t.err);
  const r = await runCli('gates', dir, '--text', 'the $p$ (x)', '--unit', '3', '--pattern', 'p', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.tokens.length, 11);
  assert.equal(j.units[0].unit, 3);
  assert.equal(j.units[0].cell.length, 11);
  assert.equal(j.top[0].length, 5);
  assert.deepEqual(j.ranking.map((x: { indicator: string }) => x.indicator), ['position', 'math', 'brackets', 'afterSpace', 'pattern']);
  // the numbers are the engine's trace of the saved model
  const { loadLstm } = await import('../../../src/core/lstm/engine');
  const tr = traceLstm(loadLstm(dir), 'the $p$ (x)', 5);
  assert.deepEqual(j.units[0].forget, Array.from({ length: 11 }, (_, p) => tr.layers[0].forget[p * 12 + 3]));
  const notDir = path.join(tmp, 'x.txt');
  fs.writeFileSync(notDir, 'x');
  for (const bad of [[dir], [dir, '--text', ''], [dir, '--text', 'ab', '--unit', '99'], [dir, '--text', 'ab', '--layer', '1'], [notDir, '--text', 'ab'], [tmp, '--text', 'ab'], [dir, '--text', 'ab', '--pattern', '[']]) {
    const b = await runCli('gates', ...bad);
    assert.equal(b.code, 2, `${bad.join(' ')}: ${b.err}`);
    assert.equal(b.err.trim().split('\n').length, 1);
  }
  fs.rmSync(tmp, { recursive: true });
});
