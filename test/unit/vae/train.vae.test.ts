import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaults } from '../../../src/core/params';
import { GLYPH_CLASSES, makeGlyphs, makePoints, parseDataSpec, loadWordVectors } from '../../../src/core/vae/data';
import { initParams } from '../../../src/core/vae/model';
import { VAE_PARAMS } from '../../../src/core/vae/params';
import { checkOutputDir, loadAutoencoder, saveAutoencoder, WEIGHTS_FILE } from '../../../src/core/vae/store';
import { encodeAll, evaluate, knnAccuracy, latentGrid, sampleRows, trainAutoencoder } from '../../../src/core/vae/train';
import { saveModel } from '../../../src/core/word2vec/store';
import { Rng } from '../../../src/core/util/rng';
import { ProgressClock } from '../timing';

const quiet = { signal: new AbortController().signal, onProgress() {} };
const made: string[] = [];
process.on('exit', () => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = (p: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `vae-${p}-`));
  made.push(d);
  return d;
};

test('glyphs: each class is drawn, values are in [0, 1], and a seed reproduces the set', () => {
  const a = makeGlyphs(40, 10, 4);
  const b = makeGlyphs(40, 10, 4);
  const c = makeGlyphs(40, 10, 5);
  assert.deepEqual(a.x, b.x);
  assert.notDeepEqual(a.x, c.x);
  assert.equal(a.dim, 100);
  assert.ok(a.x.every((v) => v >= 0 && v <= 1));
  for (let i = 0; i < a.n; i++) {
    const ink = a.x.subarray(i * 100, (i + 1) * 100).reduce((s, v) => s + v, 0);
    assert.ok(ink > 3 && ink < 70, `glyph ${i} (${GLYPH_CLASSES[a.labels[i]]}) has ${ink.toFixed(1)} pixels of ink`);
  }
  assert.deepEqual(new Set(a.labels), new Set([0, 1, 2, 3]));
});

test('data specs: points, glyphs and vectors:DIR are read; anything else is refused', () => {
  assert.deepEqual(parseDataSpec('points'), { kind: 'points' });
  assert.deepEqual(parseDataSpec('vectors:/m/x'), { kind: 'vectors', dir: '/m/x' });
  assert.throws(() => parseDataSpec('images'), /points, glyphs or vectors:DIR/);
  assert.throws(() => parseDataSpec('vectors:'), /folder/);
});

test('training a VAE on glyphs lowers the reconstruction term well below the untrained model\'s, and its codes separate the classes', async () => {
  const data = makeGlyphs(480, 8, 1);
  const params = { ...defaults(VAE_PARAMS), hidden: 32, epochs: 12, samples: 480, glyphSize: 8 };
  const updates: number[] = [];
  const r = await trainAutoencoder('vae', params, data, { signal: new AbortController().signal, onProgress: (u) => updates.push(u.loss) });
  assert.equal(updates.length, 12);
  assert.equal(r.history.length, 12);
  // the untrained model, measured the same way in this test
  const untrained = { ...r.model, theta: initParams(r.model.cfg, r.model.params.seed as number) };
  const u = evaluate(untrained, data);
  const t = evaluate(r.model, data);
  assert.ok(t.recon < 0.75 * u.recon, `reconstruction ${t.recon.toFixed(2)} trained vs ${u.recon.toFixed(2)} untrained`);
  assert.ok(t.loss < u.loss, 'the negative ELBO fell');
  assert.ok(r.history.every((h) => Math.abs(h.loss - (h.recon + h.kl)) < 1e-9 * h.loss), 'with β 1 the loss is the sum of the two terms');
  const codes = encodeAll(r.model, data.x, data.n);
  const sep = knnAccuracy(codes, data.labels, 2);
  assert.equal(sep.chance, 0.25);
  assert.ok(sep.accuracy > sep.chance + 0.25, `k-NN accuracy from the codes ${sep.accuracy} vs chance ${sep.chance}`);
  const untrainedSep = knnAccuracy(encodeAll(untrained, data.x, data.n), data.labels, 2);
  assert.ok(sep.accuracy > untrainedSep.accuracy, `trained codes separate the classes better (${sep.accuracy}) than random ones (${untrainedSep.accuracy})`);
});

test('β controls the KL term: a larger β ends with a smaller KL and a larger reconstruction term', async () => {
  const data = makeGlyphs(240, 8, 2);
  const base = { ...defaults(VAE_PARAMS), hidden: 24, epochs: 8, glyphSize: 8 };
  const low = await trainAutoencoder('vae', { ...base, beta: 0.2 }, data, quiet);
  const high = await trainAutoencoder('vae', { ...base, beta: 5 }, data, quiet);
  assert.ok(high.after.kl < 0.5 * low.after.kl, `KL β 5: ${high.after.kl.toFixed(3)}, β 0.2: ${low.after.kl.toFixed(3)}`);
  assert.ok(high.after.recon > low.after.recon, `reconstruction β 5: ${high.after.recon.toFixed(2)}, β 0.2: ${low.after.recon.toFixed(2)}`);
});

test('an autoencoder on 2-D point clouds reconstructs them far better than untrained, and its codes separate the clouds', async () => {
  const data = makePoints(300, 3);
  const r = await trainAutoencoder('autoencoder', { ...defaults(VAE_PARAMS), hidden: 16, epochs: 30 }, data, quiet);
  assert.ok(r.after.recon < 0.1 * r.before.recon, `reconstruction ${r.after.recon} vs untrained ${r.before.recon}`);
  assert.equal(r.after.kl, 0);
  const sep = knnAccuracy(encodeAll(r.model, data.x, data.n), data.labels, 2);
  assert.ok(sep.accuracy > 0.9, `k-NN accuracy ${sep.accuracy} (chance ${sep.chance.toFixed(2)})`);
});

test('training stops within a second of the signal (or three progress intervals on a loaded machine) and reports it', async () => {
  const data = makeGlyphs(2000, 16, 1);
  const ac = new AbortController();
  const clock = new ProgressClock();
  let abortedAt = 0;
  let reports = 0;
  const onProgress = () => {
    clock.tick();
    if (++reports === 2) {
      setTimeout(() => {
        abortedAt = Date.now();
        ac.abort();
      }, 50);
    }
  };
  const r = await trainAutoencoder('vae', { ...defaults(VAE_PARAMS), hidden: 128, epochs: 1000, glyphSize: 16 }, data, { signal: ac.signal, onProgress });
  const lag = Date.now() - abortedAt;
  assert.equal(r.stopped, true);
  assert.ok(abortedAt > 0 && lag < clock.stopBound(), `returned ${lag} ms after the stop (progress every ≤ ${clock.gap().toFixed(0)} ms)`);
  assert.ok(r.epochs < 1000);
});

test('a saved model loads back identical, a corrupt one is refused, and an output folder is checked', async () => {
  const data = makeGlyphs(60, 6, 1);
  const r = await trainAutoencoder('vae', { ...defaults(VAE_PARAMS), hidden: 8, epochs: 2, glyphSize: 6 }, data, quiet);
  const dir = path.join(tmp('save'), 'model');
  checkOutputDir(dir, 'vae');
  saveAutoencoder(dir, r.model, data, r.history, r.seconds);
  const back = loadAutoencoder(dir);
  assert.deepEqual(back.model.theta, r.model.theta);
  assert.deepEqual(back.model.cfg, r.model.cfg);
  assert.deepEqual(back.data.labels, data.labels);
  assert.deepEqual(encodeAll(back.model, back.data.x, back.data.n), encodeAll(r.model, Float64Array.from(Float32Array.from(data.x)), data.n));
  checkOutputDir(dir, 'vae');
  assert.throws(() => checkOutputDir(dir, 'autoencoder'), /not a saved autoencoder model/);
  const other = tmp('other');
  fs.writeFileSync(path.join(other, 'notes.md'), '# mine');
  assert.throws(() => checkOutputDir(other, 'vae'), /refusing to replace/);
  assert.throws(() => checkOutputDir(path.join(other, 'notes.md'), 'vae'), /is a file/);
  const w = path.join(dir, WEIGHTS_FILE);
  const bytes = fs.readFileSync(w);
  bytes[17] ^= 0xff;
  fs.writeFileSync(w, bytes);
  assert.throws(() => loadAutoencoder(dir), /checksum/);
  fs.writeFileSync(w, bytes.subarray(0, 40));
  assert.throws(() => loadAutoencoder(dir), /truncated/);
});

test('the latent grid spans the prior for a VAE and the codes for an autoencoder, and decodes every cell', async () => {
  const data = makeGlyphs(80, 6, 1);
  const base = { ...defaults(VAE_PARAMS), hidden: 8, epochs: 2, glyphSize: 6 };
  const vae = await trainAutoencoder('vae', base, data, quiet);
  const g = latentGrid(vae.model, encodeAll(vae.model, data.x, data.n), data.n, 5);
  assert.deepEqual(g.range, [[-2.5, 2.5], [-2.5, 2.5]]);
  assert.equal(g.z.length, 25);
  assert.deepEqual(g.z[0], [-2.5, 2.5], 'top-left cell');
  assert.deepEqual(g.z[24], [2.5, -2.5], 'bottom-right cell');
  assert.ok(g.decoded.every((d) => d.length === 36 && d.every((v) => v > 0 && v < 1)));
  const ae = await trainAutoencoder('autoencoder', base, data, quiet);
  const codes = encodeAll(ae.model, data.x, data.n);
  const h = latentGrid(ae.model, codes, data.n, 3);
  const xs = Array.from({ length: data.n }, (_, i) => codes[2 * i]);
  assert.ok(h.range[0][0] < Math.min(...xs) && h.range[0][1] > Math.max(...xs), 'the grid covers the codes');
});

test('word vectors: the most frequent words are used, scaled to length √dim, with frequency bands as classes', () => {
  const dir = path.join(tmp('w2v'), 'm');
  const rng = new Rng(1);
  const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
  const counts = words.map((_, i) => (i * 7) % 30);
  saveModel(dir, { words, counts, dim: 5, vectors: Float32Array.from({ length: 150 }, () => rng.next() - 0.5), source: 'test' });
  const d = loadWordVectors(dir, 12);
  assert.equal(d.n, 12);
  assert.equal(d.dim, 5);
  const byCount = words.slice().sort((a, b) => counts[words.indexOf(b)] - counts[words.indexOf(a)]).slice(0, 12);
  assert.deepEqual(d.words, byCount);
  for (let i = 0; i < d.n; i++) assert.ok(Math.abs(Math.hypot(...d.x.subarray(i * 5, i * 5 + 5)) - Math.sqrt(5)) < 1e-9);
  assert.deepEqual(Array.from(d.labels), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  assert.throws(() => loadWordVectors(path.join(dir, 'nope'), 10), /does not exist/);
});

test('a row sample keeps data whose classes come in turn balanced, and is reproducible', () => {
  const rows = sampleRows(1200, 1000);
  assert.equal(rows.length, 1000);
  assert.equal(new Set(rows).size, 1000);
  assert.deepEqual(rows, sampleRows(1200, 1000));
  const perClass = [0, 0, 0, 0];
  for (const i of rows) perClass[i % 4]++;
  assert.ok(perClass.every((c) => c > 220 && c < 280), `rows per class ${perClass}`);
  assert.deepEqual(sampleRows(5, 10), [0, 1, 2, 3, 4]);
});

test('k-NN separation agrees with a brute-force count, and is at chance level for random labels', () => {
  const rng = new Rng(6);
  const n = 120;
  const codes = Float64Array.from({ length: 2 * n }, () => rng.normal());
  const labels = Int32Array.from({ length: n }, (_, i) => (codes[2 * i] > 0.3 ? 2 : codes[2 * i + 1] > 0 ? 1 : 0));
  for (const k of [1, 3, 5]) {
    let right = 0;
    for (let i = 0; i < n; i++) {
      const order = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
      order.sort((a, b) => Math.hypot(codes[2 * i] - codes[2 * a], codes[2 * i + 1] - codes[2 * a + 1]) - Math.hypot(codes[2 * i] - codes[2 * b], codes[2 * i + 1] - codes[2 * b + 1]));
      const votes = [0, 0, 0];
      for (const j of order.slice(0, k)) votes[labels[j]]++;
      let best = labels[order[0]];
      for (let c = 0; c < 3; c++) if (votes[c] > votes[best]) best = c;
      if (best === labels[i]) right++;
    }
    assert.equal(knnAccuracy(codes, labels, 2, k).accuracy, right / n, `k ${k}`);
  }
  assert.ok(knnAccuracy(codes, labels, 2).accuracy > 0.85, 'labels that follow the codes are recovered');
  const shuffled = Int32Array.from({ length: n }, () => rng.int(3));
  const r = knnAccuracy(codes, shuffled, 2);
  assert.ok(r.accuracy < r.chance + 0.15, `random labels: ${r.accuracy} vs chance ${r.chance}`);
});

test('the same seed gives the same run, another seed another one', async () => {
  const data = makeGlyphs(64, 6, 1);
  const p = { ...defaults(VAE_PARAMS), hidden: 8, epochs: 2, glyphSize: 6 };
  const a = await trainAutoencoder('vae', p, data, quiet);
  const b = await trainAutoencoder('vae', p, data, quiet);
  const c = await trainAutoencoder('vae', { ...p, seed: 2 }, data, quiet);
  assert.deepEqual(a.model.theta, b.model.theta);
  assert.deepEqual(a.history.map((h) => h.loss), b.history.map((h) => h.loss));
  assert.notDeepEqual(a.model.theta, c.model.theta);
});
