/**
 * The XOR playground against independent computations: the gradient against central finite differences (with L2
 * and a fixed dropout mask), the trajectory against the tfjs trainer (mlp.ts, autodiff) on XOR, every grid against
 * a forward pass written out here, the hidden space against the hidden activations and the output weights, the
 * projected hidden space against the network's own outputs, the principal axes against the eigen-equations of the
 * covariance; 0 hidden units fail on XOR; CSV points are validated.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { initTf } from '../../../src/core/tf/backend';
import { trainXor } from '../../../src/core/xor/mlp';
import { makeDataset, parsePointsCsv, readPointsCsv, MAX_CSV_BYTES } from '../../../src/core/xor/datasets';
import { gridPoints, Playground, type PlaygroundConfig, principalAxes } from '../../../src/core/xor/playground';
import { Rng } from '../../../src/core/util/rng';
import { runCli } from '../runCli';

const base: PlaygroundConfig = { hidden: 4, activation: 'tanh', optimizer: 'adam', lr: 0.05, l2: 0, dropout: 0, seed: 1 };

before(async () => {
  await initTf();
});

test('the gradient matches central finite differences (tanh/sigmoid/relu, L2, a dropout mask, 0 hidden units)', () => {
  const data = makeDataset('circle', { points: 30, seed: 3 });
  for (const cfg of [
    { ...base, l2: 0.3 },
    { ...base, activation: 'sigmoid' as const, hidden: 3, l2: 0.1 },
    { ...base, activation: 'relu' as const, hidden: 5 },
    { ...base, hidden: 0, l2: 0.2 },
  ]) {
    const pg = new Playground(cfg, data);
    const rng = new Rng(9);
    for (let k = 0; k < pg.theta.length; k++) pg.theta[k] += rng.normal() * 0.5;
    const masks = cfg.hidden ? Float64Array.from({ length: 30 * cfg.hidden }, () => (rng.next() < 0.3 ? 0 : 1 / 0.7)) : null;
    const g = new Float64Array(pg.theta.length);
    pg.lossAndGrad(pg.theta, g, masks);
    const eps = 1e-6;
    for (let k = 0; k < pg.theta.length; k++) {
      const tp = Float64Array.from(pg.theta);
      const tm = Float64Array.from(pg.theta);
      tp[k] += eps;
      tm[k] -= eps;
      const fd = (pg.lossAndGrad(tp, null, masks) - pg.lossAndGrad(tm, null, masks)) / (2 * eps);
      assert.ok(Math.abs(fd - g[k]) < 1e-6 * Math.max(1, Math.abs(fd)), `${cfg.activation} H=${cfg.hidden} θ[${k}]: analytic ${g[k]} vs finite difference ${fd}`);
    }
  }
});

test('on XOR without L2/dropout the playground follows the tfjs trainer (same init, Adam and SGD)', async () => {
  for (const optimizer of ['adam', 'sgd'] as const) {
    const epochs = 300;
    const tfRun = await trainXor({ epochs, lr: 0.05, hidden: 4, activation: 'tanh', optimizer, beta1: 0.9, beta2: 0.999, seed: 7 }, { signal: new AbortController().signal, onProgress() {} });
    const pg = new Playground({ ...base, optimizer, seed: 7 }, makeDataset('xor'));
    const losses = pg.run(epochs);
    for (const i of [0, 1, 10, 100, 299]) assert.ok(Math.abs(losses[i] - tfRun.lossHistory[i]) < 2e-4, `${optimizer} update ${i + 1}: playground ${losses[i]} vs tfjs ${tfRun.lossHistory[i]}`);
    // and the decision boundary on the trainer's grid ([-0.5, 1.5]², 41 × 41) agrees
    const pts = gridPoints({ xmin: -0.5, xmax: 1.5, ymin: -0.5, ymax: 1.5 }, 41);
    let worst = 0;
    pts.forEach(([a, b], i) => (worst = Math.max(worst, Math.abs(pg.predict(a, b) - tfRun.grid[i]))));
    assert.ok(worst < 2e-3, `${optimizer}: largest difference on the grid ${worst}`);
  }
});

test('grids are the forward pass at the grid points; hidden space is h(x) with the line z = 0', () => {
  const pg = new Playground({ ...base, hidden: 2 }, makeDataset('gaussians', { points: 40, seed: 2 }));
  pg.run(50);
  const s = pg.snapshot(9);
  const { w1, b1, w2, b2 } = s.weights;
  const h = (x: number, y: number) => [0, 1].map((j) => Math.tanh(x * w1[j] + y * w1[2 + j] + b1[j]));
  const p = (x: number, y: number) => {
    const hh = h(x, y);
    return 1 / (1 + Math.exp(-(hh[0] * w2[0] + hh[1] * w2[1] + b2)));
  };
  const { xmin, xmax, ymin, ymax } = s.boundary.bounds;
  for (let i = 0; i < 9; i++) {
    for (let j = 0; j < 9; j++) {
      const x = xmin + ((xmax - xmin) * j) / 8;
      const y = ymax - ((ymax - ymin) * i) / 8;
      assert.ok(Math.abs(s.boundary.values[i * 9 + j] - p(x, y)) < 1e-12);
      for (let u = 0; u < 2; u++) assert.ok(Math.abs(s.hiddenGrids[u].values[i * 9 + j] - h(x, y)[u]) < 1e-12);
    }
  }
  assert.equal(s.hiddenSpace.kind, 'plane');
  pg.data.x.forEach(([x, y], i) => {
    const [u, v] = s.hiddenSpace.points[i];
    assert.ok(Math.abs(u - h(x, y)[0]) < 1e-12 && Math.abs(v - h(x, y)[1]) < 1e-12);
    const { a, b, c } = s.hiddenSpace.line!;
    // the side of the line is the side of p = 0.5
    assert.equal(a * u + b * v + c > 0, p(x, y) > 0.5);
  });
  const acc = pg.data.x.filter(([x, y], i) => (p(x, y) >= 0.5 ? 1 : 0) === pg.data.y[i]).length / 40;
  assert.equal(s.accuracy, acc);
});

test('principal axes: the eigen-equations and invariants of the covariance hold', () => {
  const rng = new Rng(4);
  const rows = Array.from({ length: 25 }, () => {
    const a = rng.normal();
    return [2 * a + 0.3 * rng.normal(), -a + 0.5 * rng.normal(), 0.2 * rng.normal()];
  });
  const { mean, vectors, values } = principalAxes(rows, 3);
  const C = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / rows.length));
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(C[i].reduce((s, c, j) => s + c * vectors[k][j], 0) - values[k] * vectors[k][i]) < 1e-10);
    assert.ok(Math.abs(Math.hypot(...vectors[k]) - 1) < 1e-12);
  }
  assert.ok(values[0] >= values[1] && values[1] >= values[2]);
  const trace = C[0][0] + C[1][1] + C[2][2];
  const det = C[0][0] * (C[1][1] * C[2][2] - C[1][2] * C[2][1]) - C[0][1] * (C[1][0] * C[2][2] - C[1][2] * C[2][0]) + C[0][2] * (C[1][0] * C[2][1] - C[1][1] * C[2][0]);
  assert.ok(Math.abs(values[0] + values[1] + values[2] - trace) < 1e-10);
  assert.ok(Math.abs(values[0] * values[1] * values[2] - det) < 1e-10);
});

const dotOf = (u: readonly number[], v: readonly number[]) => u.reduce((s, x, i) => s + x * v[i], 0);

test('hidden space with 3–8 units: every drawn point is on the side of the drawn line the network puts it on', () => {
  const rng = new Rng(21);
  const sets = ['xor', 'circle', 'gaussians', 'spiral'] as const;
  let checked = 0;
  for (let trial = 0; trial < 24; trial++) {
    const hidden = 3 + (trial % 6);
    const activation = (['tanh', 'sigmoid', 'relu'] as const)[trial % 3];
    const data = makeDataset(sets[trial % 4], { points: 40, seed: 100 + trial });
    const pg = new Playground({ ...base, hidden, activation, seed: 1 + Math.floor(rng.next() * 1000) }, data);
    pg.run(20 + Math.floor(rng.next() * 400));
    const s = pg.snapshot(3);
    const hs = s.hiddenSpace;
    assert.equal(hs.kind, 'projection');
    const w2 = pg.weights().w2;
    const b2 = pg.weights().b2;
    const norm = Math.hypot(...w2);
    const [e1, e2] = hs.projection!.axes;
    // the first axis is the output weights' direction, the second a unit vector across it
    e1.forEach((x, j) => assert.ok(Math.abs(x - w2[j] / norm) < 1e-12));
    assert.ok(Math.abs(Math.hypot(...e2) - 1) < 1e-12);
    assert.ok(Math.abs(dotOf(e1, e2)) < 1e-12);
    const H = pg.data.x.map(([x, y]) => pg.hiddenOf(x, y));
    const mean = e1.map((_, j) => H.reduce((t, h) => t + h[j], 0) / H.length);
    const { a, b, c } = hs.line!;
    pg.data.x.forEach((_, i) => {
      const h = H[i];
      const [u, v] = hs.points[i];
      assert.ok(Math.abs(u - dotOf(h, w2) / norm) < 1e-12);
      assert.ok(Math.abs(v - dotOf(h.map((x, j) => x - mean[j]), e2)) < 1e-12);
      // the line's value at the drawn point is the network's own logit there, so its side is the output's side
      const z = dotOf(h, w2) + b2;
      const side = a * u + b * v + c;
      assert.ok(Math.abs(side - z) < 1e-9 * (1 + Math.abs(z)), `line ${side} vs logit ${z}`);
      if (Math.abs(s.predictions[i] - 0.5) > 1e-9) {
        assert.equal(side > 0, s.predictions[i] > 0.5, `trial ${trial}, point ${i}: p ${s.predictions[i]}, side ${side}`);
        checked++;
      }
    });
    // e2 is the widest spread across e1: an eigenvector of the covariance of the points with their e1 part removed,
    // and no unit vector across e1 spreads them more
    const across = H.map((h) => h.map((x, j) => x - dotOf(h, e1) * e1[j]));
    const spread = (d: number[]) => {
      const proj = across.map((r) => dotOf(r, d));
      const m = proj.reduce((t, x) => t + x, 0) / proj.length;
      return proj.reduce((t, x) => t + (x - m) ** 2, 0) / proj.length;
    };
    assert.ok(Math.abs(spread(e2) - hs.projection!.spread) < 1e-10);
    for (let k = 0; k < 20; k++) {
      const r = e1.map(() => rng.normal());
      const rr = r.map((x, j) => x - dotOf(r, e1) * e1[j]);
      const n = Math.hypot(...rr);
      assert.ok(spread(rr.map((x) => x / n)) <= spread(e2) + 1e-10);
    }
    assert.deepEqual(hs.axes.length, 2);
  }
  assert.ok(checked > 500, `only ${checked} points checked`);

  // 2 units: the hidden plane itself, with the output's own line
  const two = new Playground({ ...base, hidden: 2 }, makeDataset('circle', { points: 30, seed: 2 }));
  two.run(150);
  const hs2 = two.hiddenSpace();
  assert.equal(hs2.kind, 'plane');
  two.data.x.forEach(([x, y], i) => assert.deepEqual(hs2.points[i], two.hiddenOf(x, y)));
  assert.deepEqual(hs2.line, { a: two.weights().w2[0], b: two.weights().w2[1], c: two.weights().b2 });

  // vanishing output weights: the top two principal directions, and no line
  const flat = new Playground({ ...base, hidden: 4 }, makeDataset('xor'));
  flat.theta.fill(0, 3 * 4, 4 * 4);
  const hf = flat.hiddenSpace();
  assert.equal(hf.kind, 'projection');
  assert.equal(hf.line, null);
});

test('0 hidden units cannot solve XOR; 4 can', () => {
  const lin = new Playground({ ...base, hidden: 0 }, makeDataset('xor'));
  lin.run(3000);
  const s = lin.snapshot(5);
  assert.ok(s.accuracy <= 0.75, `linear accuracy ${s.accuracy}`);
  assert.ok(s.loss > 0.5, `linear loss ${s.loss}`);
  assert.equal(s.hiddenGrids.length, 0);
  assert.equal(s.hiddenSpace.kind, 'input');
  const mlp = new Playground(base, makeDataset('xor'));
  mlp.run(1000);
  assert.equal(mlp.snapshot(5).accuracy, 1);
});

test('L2 shrinks the weights; dropout is seeded and changes the run; reset restarts it exactly', () => {
  const data = makeDataset('spiral', { points: 80, seed: 1 });
  const norm = (pg: Playground) => Math.hypot(...pg.weights().w1, ...pg.weights().w2);
  const plain = new Playground({ ...base, hidden: 8 }, data);
  const l2 = new Playground({ ...base, hidden: 8, l2: 0.05 }, data);
  plain.run(400);
  l2.run(400);
  assert.ok(norm(l2) < 0.8 * norm(plain), `‖W‖ with L2 ${norm(l2)} vs without ${norm(plain)}`);
  const d1 = new Playground({ ...base, hidden: 8, dropout: 0.3 }, data);
  const d2 = new Playground({ ...base, hidden: 8, dropout: 0.3 }, data);
  const l1 = d1.run(20);
  assert.deepEqual(d2.run(20), l1);
  assert.notDeepEqual(Array.from(d1.theta), Array.from(plain.theta));
  d1.reset();
  assert.equal(d1.step, 0);
  assert.deepEqual(d1.run(20), l1);
});

test('CSV points: parsed, validated, and read only from a bounded regular file', () => {
  const d = parsePointsCsv('x,y,label\n0,0,0\n1,1,1\n# comment\n\n0.5;0.25;1\n');
  assert.deepEqual(d.x, [[0, 0], [1, 1], [0.5, 0.25]]);
  assert.deepEqual(d.y, [0, 1, 1]);
  assert.throws(() => parsePointsCsv('0,0,0\n1,1,2\n'), /label must be 0 or 1/);
  assert.throws(() => parsePointsCsv('0,0,0\n1,1,0\n'), /both labels/);
  assert.throws(() => parsePointsCsv('0,0\n'), /expected 3 values/);
  assert.throws(() => parsePointsCsv('0,0,0\n0,1e999,0\n1,1,1'), /numbers/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pts-'));
  assert.throws(() => readPointsCsv(dir), /not a regular file/);
  const big = path.join(dir, 'big.csv');
  fs.writeFileSync(big, Buffer.alloc(MAX_CSV_BYTES + 1, 0x30));
  assert.throws(() => readPointsCsv(big), /limit/);
  const bin = path.join(dir, 'bin.csv');
  fs.writeFileSync(bin, Buffer.from([0, 1, 2]));
  assert.throws(() => readPointsCsv(bin), /binary/);
  fs.rmSync(dir, { recursive: true });
});

test('ml-study xor --json: the grids and hidden space; bad input exits 2 with one line', async () => {
  const r = await runCli('xor', '--hidden', '3', '--steps', '300', '--grid', '7', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.boundary.values.length, 49);
  assert.equal(j.hiddenGrids.length, 3);
  assert.equal(j.hiddenSpace.kind, 'projection');
  assert.equal(j.step, 300);
  assert.equal(j.accuracy, 1);
  // the JSON grid is the engine's forward pass: replay the same run and compare one cell
  const pg = new Playground({ ...base, hidden: 3 }, makeDataset('xor'));
  pg.run(300);
  const [x, y] = gridPoints(j.boundary.bounds, 7)[10];
  assert.ok(Math.abs(j.boundary.values[10] - pg.predict(x, y)) < 1e-12);

  const tr = await runCli('xor', '--steps', '40', '--every', '10', '--grid', '2', '--json');
  assert.equal(tr.code, 0, tr.err);
  const tj = JSON.parse(tr.out);
  assert.deepEqual(tj.trace.map((e: { step: number }) => e.step), [10, 20, 30, 40]);
  const replay = new Playground(base, makeDataset('xor'));
  replay.run(20);
  assert.deepEqual(tj.trace[1].weights, replay.weights());
  assert.equal((await runCli('xor', '--steps', '5000', '--every', '1')).code, 2, 'more than 1000 trace entries are refused');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pts-'));
  const f = path.join(dir, 'p.csv');
  fs.writeFileSync(f, '0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
  const c = await runCli('xor', '--points-file', f, '--hidden', '0', '--steps', '500', '--grid', '3', '--json');
  assert.equal(c.code, 0, c.err);
  assert.ok(JSON.parse(c.out).accuracy <= 0.75);
  for (const bad of [['--points-file', dir], ['--grid', '1'], ['--dataset', 'moons'], ['--dropout', '0.95'], ['--points', '2']]) {
    const e = await runCli('xor', ...bad);
    assert.equal(e.code, 2, `${bad.join(' ')}: ${e.err}`);
    assert.equal(e.err.trim().split('\n').length, 1);
  }
  fs.rmSync(dir, { recursive: true });
});
