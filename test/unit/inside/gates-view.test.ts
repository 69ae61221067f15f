/**
 * The Inside the LSTM view's numbers: what the worker sends the view (`inside.gates`) for a saved model equals the
 * engine's forward pass (traceLstm) over the same text, value for value, and obeys the LSTM's own equations
 * (c_t = f·c_{t−1} + i·g, h_t = o·tanh c_t); the ranking finds a unit whose weights were planted to count brackets;
 * a model training now is read through its newest checkpoint; bad requests are refused.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Vocab } from '../../../src/core/lm/vocab';
import { loadLstm, type LstmModel } from '../../../src/core/lstm/engine';
import { gatesReport, indicators, rankUnits, traceLstm, unitSeries } from '../../../src/core/lstm/inspect';
import { initParams, paramLayout, type LstmConfig } from '../../../src/core/lstm/model';
import { trainLstm } from '../../../src/core/lstm/train';
import { pearson } from '../../../src/core/word2vec/evaluate';
import { insideHandlers } from '../../../src/worker/insideRequests';

const CORPUS = 'the model (one char) reads $x_t$ and [keeps] state {across} lines.\n'.repeat(30);
const TEXT = 'a (b) and $c_t$ [d e]\nf {g} h';
const ctx = { signal: new AbortController().signal, onProgress: () => undefined };
const PARAMS = { level: 'char', embedding: 8, hidden: 10, layers: 2, seq: 16, batch: 4, steps: 12, evalEvery: 6, checkpointEvery: 6, sampleLength: 4, evalTokens: 64, seed: 3 };

async function trained(): Promise<string> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gates-view-')), 'lm');
  await trainLstm(PARAMS, CORPUS, ctx, { outDir: dir, ops: 'js64' });
  return dir;
}

test('inside.gates sends exactly the forward pass of the saved model: every gate, cell, hidden value, ranking and top-5', async () => {
  const dir = await trained();
  const model = loadLstm(dir);
  for (const layer of [0, 1]) {
    const sent = await insideHandlers['inside.gates']({ dir, text: TEXT, layer });
    const trace = traceLstm(model, TEXT, 5);
    assert.equal(sent.step, PARAMS.steps);
    assert.deepEqual(sent.tokens, Array.from(TEXT));
    assert.deepEqual(sent.series, unitSeries(trace, layer, sent.unit), `layer ${layer}: the unit's series = the forward pass`);
    assert.deepEqual(sent.top, trace.top);
    assert.deepEqual(sent.ranking, rankUnits(trace, indicators(trace.tokens), layer, 8));
    // The unit on show without one asked for is the strongest |r| of the ranking.
    const best = Math.max(...sent.ranking.flatMap((r) => r.units.map((u) => Math.abs(u.correlation))));
    assert.ok(sent.ranking.some((r) => r.units.some((u) => u.unit === sent.unit && Math.abs(u.correlation) === best)));
    // And the values obey the LSTM's equations (the cell starts from 0 after the start token's step, so from p = 1).
    const s = sent.series;
    for (let p = 1; p < s.cell.length; p++) {
      const c = s.forget[p] * s.cell[p - 1] + s.input[p] * s.candidate[p];
      assert.ok(Math.abs(c - s.cell[p]) < 1e-5, `layer ${layer} position ${p}: c = f·c₋₁ + i·g (${c} vs ${s.cell[p]})`);
      assert.ok(Math.abs(s.output[p] * Math.tanh(s.cell[p]) - s.hidden[p]) < 1e-5, `h = o·tanh c at ${p}`);
      for (const g of [s.input[p], s.forget[p], s.output[p]]) assert.ok(g > 0 && g < 1, 'gates are in (0, 1)');
    }
    for (const guesses of sent.top) {
      assert.equal(guesses.length, 5);
      for (let k = 1; k < 5; k++) assert.ok(guesses[k - 1].prob >= guesses[k].prob, 'top-5 in order');
    }
  }
  // A unit asked for is the one sent.
  const u7 = await insideHandlers['inside.gates']({ dir, text: TEXT, layer: 0, unit: 7 });
  assert.equal(u7.unit, 7);
  assert.deepEqual(u7.series, unitSeries(traceLstm(model, TEXT, 5), 0, 7));
});

test('inside.gates reads a model training now through its newest checkpoint', async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gates-live-')), 'lm');
  const seen: number[] = [];
  const series: number[][] = [];
  await trainLstm({ ...PARAMS, layers: 1, steps: 18 }, CORPUS, {
    signal: new AbortController().signal,
    onProgress: (u) => {
      if (u.extra && fs.existsSync(path.join(dir, 'model.json'))) {
        const r = insideHandlers['inside.gates']({ dir, text: TEXT, layer: 0, unit: 2 }) as Awaited<ReturnType<(typeof insideHandlers)['inside.gates']>>;
        seen.push(r.step);
        series.push(r.series.cell);
        assert.deepEqual(r.series, unitSeries(traceLstm(loadLstm(dir), TEXT), 0, 2), 'the values are the checkpoint\'s forward pass');
      }
    },
  }, { outDir: dir, ops: 'js64' });
  assert.ok(seen.length >= 2, `read during training ${seen.length} times`);
  assert.ok(seen[seen.length - 1] > seen[0], `newer weights later: steps ${seen.join(', ')}`);
  assert.notDeepEqual(series[0], series[series.length - 1], 'the values change as the model trains');
});

test('the ranking finds a unit whose weights were planted to track "inside brackets" (r shown as Pearson r)', () => {
  const text = 'ab (cd ef) gh [ij] kl {mn op qr} st uv (w) xy za (bcdefg hij) kl mn\nop [q r s t] uv wx yz (ab) cd ef {g}';
  const vocab = Vocab.build(text, 'char');
  const E = 5;
  const H = 6;
  const config: LstmConfig = { vocabSize: vocab.size, embedding: E, hidden: H, layers: 1, dropout: 0 };
  const theta = initParams(config, 11) as Float32Array;
  const off = Object.fromEntries(paramLayout(config).entries.map((e) => [e.name, e.offset]));
  const opens = ['(', '[', '{'];
  const closes = [')', ']', '}'];
  // Embedding dims 0 and 1 say "an opening / a closing bracket" (0 for every other character).
  for (let v = 0; v < vocab.size; v++) {
    const t = vocab.tokenText(v);
    theta[off.emb + v * E] = opens.includes(t) ? 1 : 0;
    theta[off.emb + v * E + 1] = closes.includes(t) ? 1 : 0;
  }
  const U = 4;
  const col = (gate: number) => gate * H + U;
  for (let gate = 0; gate < 4; gate++) {
    for (let k = 0; k < E; k++) theta[off.wx0 + k * 4 * H + col(gate)] = 0;
    for (let k = 0; k < H; k++) theta[off.wh0 + k * 4 * H + col(gate)] = 0;
    theta[off.b0 + col(gate)] = 0;
  }
  // input gate opens on a bracket; forget gate keeps; the candidate is +1 on an opening, −1 on a closing bracket
  theta[off.b0 + col(0)] = -6;
  theta[off.wx0 + 0 * 4 * H + col(0)] = 12;
  theta[off.wx0 + 1 * 4 * H + col(0)] = 12;
  theta[off.b0 + col(1)] = 8;
  theta[off.wx0 + 0 * 4 * H + col(2)] = 4;
  theta[off.wx0 + 1 * 4 * H + col(2)] = -4;
  const model: LstmModel = { type: 'lstm', config, vocab, theta, ops: 'js64' };

  const report = gatesReport(model, text);
  const brackets = report.ranking.find((r) => r.indicator === 'brackets')!;
  assert.equal(brackets.units[0].unit, U, `the planted unit ranks first: ${JSON.stringify(brackets.units.slice(0, 3))}`);
  // r is the Pearson correlation of that unit's cell with the indicator, computed here directly.
  const cell = unitSeries(traceLstm(model, text), 0, U).cell;
  const ind = indicators(Array.from(text)).find((i) => i.name === 'brackets')!.values;
  const r = pearson(Float64Array.from(cell), ind);
  assert.ok(Math.abs(brackets.units[0].correlation - r) < 1e-9, `${brackets.units[0].correlation} vs ${r}`);
  assert.ok(r > 0.8, `the planted unit tracks the brackets (r = ${r})`);
  assert.ok(Math.abs(brackets.units[1].correlation) < Math.abs(r) - 0.2, 'well ahead of the next unit');
  assert.equal(gatesReport(model, text, { unit: 1 }).unit, 1);
});

test('inside.gates refuses what it cannot read, with one clear message', async () => {
  const dir = await trained();
  const ask = (p: Record<string, unknown>) => Promise.resolve().then(() => insideHandlers['inside.gates'](p as never));
  await assert.rejects(ask({ dir, text: '', layer: 0 }), /empty/);
  await assert.rejects(ask({ dir, text: 'x'.repeat(5001), layer: 0 }), /limit is 5000/);
  await assert.rejects(ask({ dir, text: 'ab', layer: 2 }), /layer must be 0\.\.1/);
  await assert.rejects(ask({ dir, text: 'ab', layer: 0, unit: 10 }), /unit must be 0\.\.9/);
  await assert.rejects(ask({ dir, text: 42, layer: 0 }), /no text/);
  await assert.rejects(ask({ dir: path.join(dir, 'nope'), text: 'ab', layer: 0 }), /./);
});
