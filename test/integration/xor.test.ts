/**
 * The XOR playground in the real extension host: Open XOR Playground runs the engine in the training worker and
 * the panel shows its snapshot. The boundary grid on show equals a forward pass, written out here, of an engine
 * built with the same settings and stepped as often; 0 hidden units cannot solve XOR, 4 can; playing sends frames
 * at most 10 times a second; a CSV of points is read in the worker, and a bad one gives one clear error.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';
import type { XorPanelData } from '../../src/shared/views/xor';
import { playgroundFromParams } from '../../src/core/xor/playground';
import { PLAYGROUND_PARAMS } from '../../src/core/xor/params';
import { validateParams } from '../../src/core/params';

const open = (arg: unknown) => vscode.commands.executeCommand<XorPanelData | undefined>('mlStudy.openXorPlayground', arg);

describe('XOR playground', () => {
  it('shows the boundary of the engine stepped N times, computed here independently', async () => {
    const a = await api();
    const settings = { dataset: 'xor', hidden: 3, activation: 'tanh', lr: 0.05, seed: 7 };
    const N = 37;
    const shown = await open({ settings, steps: N });
    assert.ok(shown, 'the command returned nothing');
    const data = a.panel.dataOf('xor')!;
    assert.equal(data.stamp, shown.stamp);
    assert.equal(data.snapshot.step, N);
    await waitFor('the panel webview', () => a.panel.webviewReady, 30_000);

    // The same engine, stepped N times; the forward pass over the grid points is written out here.
    const pg = playgroundFromParams(validateParams(PLAYGROUND_PARAMS, settings));
    pg.run(N);
    const w = pg.weights();
    assert.deepEqual(data.snapshot.weights, w);
    const g = data.snapshot.boundary;
    assert.deepEqual(g.bounds, pg.data.bounds);
    assert.equal(g.values.length, g.size * g.size);
    const H = 3;
    for (let i = 0; i < g.size; i++) {
      for (let j = 0; j < g.size; j++) {
        const x = g.bounds.xmin + ((g.bounds.xmax - g.bounds.xmin) * j) / (g.size - 1);
        const y = g.bounds.ymax - ((g.bounds.ymax - g.bounds.ymin) * i) / (g.size - 1);
        let z = w.b2;
        for (let k = 0; k < H; k++) z += w.w2[k] * Math.tanh(x * w.w1[k] + y * w.w1[H + k] + w.b1[k]);
        const p = 1 / (1 + Math.exp(-z));
        assert.ok(Math.abs(g.values[i * g.size + j] - p) < 1e-12, `cell (${i}, ${j}): shown ${g.values[i * g.size + j]}, forward pass ${p}`);
      }
    }
    assert.deepEqual(data.points, pg.data.x);
    assert.deepEqual(data.labels, pg.data.y);
    assert.equal(data.points.length, 4);
    data.points.forEach(([x0, x1], i) => assert.equal(data.labels[i], x0 !== x1 ? 1 : 0, `XOR label of (${x0}, ${x1})`));
  });

  it('0 hidden units leave XOR at most 3 of 4 right; 4 hidden units solve it', async () => {
    const lin = await open({ settings: { dataset: 'xor', hidden: 0, lr: 0.05 }, steps: 2000 });
    assert.ok(lin);
    assert.equal(lin.snapshot.step, 2000);
    assert.ok(lin.snapshot.accuracy <= 0.75, `a linear model got ${lin.snapshot.accuracy} of XOR right`);
    assert.equal(lin.snapshot.hiddenSpace.kind, 'input');
    assert.equal(lin.snapshot.hiddenGrids.length, 0);
    const mlp = await open({ settings: { dataset: 'xor', hidden: 4, lr: 0.05 }, steps: 500 });
    assert.ok(mlp);
    assert.equal(mlp.snapshot.accuracy, 1);
    assert.equal(mlp.snapshot.hiddenGrids.length, 4);
    assert.equal(mlp.snapshot.hiddenSpace.kind, 'projection');
  });

  it('plays at most 10 frames a second until solved, each from the engine', async () => {
    const a = await api();
    await open({ settings: { dataset: 'xor', hidden: 4, lr: 0.05 } });
    const times: number[] = [];
    const steps: number[] = [];
    const panel = a.panel;
    const orig = panel.showView;
    panel.showView = function (view, data, opts) {
      if (view === 'xor') {
        times.push(Date.now());
        steps.push((data as XorPanelData).snapshot.step);
      }
      return orig.call(this, view, data, opts);
    };
    try {
      await open({ play: true });
      await waitFor('the playground to solve XOR and stop', () => panel.dataOf('xor')!.playing === false && panel.dataOf('xor')!.snapshot.step > 0, 60_000);
    } finally {
      panel.showView = orig;
    }
    const d = panel.dataOf('xor')!;
    assert.ok(d.snapshot.loss < 1e-3, `stopped at loss ${d.snapshot.loss}`);
    assert.equal(d.snapshot.accuracy, 1);
    // From the message that started playing (the first one only showed the panel).
    const frames = times.slice(1);
    assert.ok(frames.length >= 3, `only ${frames.length} frames`);
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i] - frames[i - 1] >= 99, `frames ${i - 1} and ${i} were ${frames[i] - frames[i - 1]} ms apart`);
    for (let i = 2; i < steps.length; i++) assert.ok(steps[i] > steps[i - 1] && steps[i] - steps[i - 1] <= 10, `frame ${i}: steps ${steps[i - 1]} → ${steps[i]}`);
  });

  it('reads a CSV of points in the worker, and refuses a bad one with one clear error', async () => {
    const a = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xor-csv-'));
    try {
      const good = path.join(dir, 'points.csv');
      fs.writeFileSync(good, 'x,y,label\n0,0,0\n1,1,0\n0,1,1\n1,0,1\n2,2,0\n');
      const st = await a.jobs.request('playground.create', { id: 'test', params: { hidden: 2 }, csvPath: good, gridSize: 5 });
      assert.deepEqual(st.points, [[0, 0], [1, 1], [0, 1], [1, 0], [2, 2]]);
      assert.deepEqual(st.labels, [0, 0, 1, 1, 0]);
      assert.equal(st.snapshot.boundary.values.length, 25);
      const bad = path.join(dir, 'bad.csv');
      fs.writeFileSync(bad, '0,0,0\n1,1,2\n');
      await assert.rejects(a.jobs.request('playground.create', { id: 'test', params: { hidden: 2 }, csvPath: bad, gridSize: 5 }), /line 2: the label must be 0 or 1/);
      await assert.rejects(a.jobs.request('playground.create', { id: 'test', params: { hidden: -1 }, gridSize: 5 }), /hidden/i);
      await a.jobs.request('playground.dispose', { id: 'test' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with bad settings, and keeps the playground it had', async () => {
    const a = await api();
    const before = a.panel.dataOf('xor')!;
    assert.equal(await open({ settings: { dataset: 'moons' } }), undefined);
    const m = a.recentMessages().at(-1)!;
    assert.match(m.message, /could not open the XOR playground: .*dataset/i);
    assert.equal(await open({ settings: { dataset: 'csv' } }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /pick a CSV file of points first/);
    assert.equal(a.panel.dataOf('xor')!.stamp, before.stamp);
  });
});
