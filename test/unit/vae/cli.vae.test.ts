import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../runCli';
import { saveModel } from '../../../src/core/word2vec/store';
import { Rng } from '../../../src/core/util/rng';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vae-cli-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const TINY = ['--samples', '200', '--glyph-size', '8', '--hidden', '16'];
const SMALL = [...TINY, '--epochs', '6'];

/** A usage error: exit 2 and exactly one line on stderr, nothing on stdout. */
function refused(r: { code: number; out: string; err: string }, pattern: RegExp) {
  assert.equal(r.code, 2, r.err);
  assert.equal(r.out, '');
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(r.err, pattern);
}

test('train vae --json trains on glyphs, saves the model, and latent DIR --json gives codes, examples and the decoded grid', async () => {
  const out = path.join(tmp, 'vae');
  const r = await runCli('train', 'vae', '--data', 'glyphs', '--out', out, '--beta', '0.5', ...SMALL, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.model, 'vae');
  assert.equal(j.beta, 0.5);
  assert.equal(j.history.length, 6);
  assert.ok(j.after.recon < j.before.recon, `reconstruction ${j.after.recon} vs ${j.before.recon}`);
  assert.ok(j.history.every((h: { recon: number; kl: number; loss: number }) => Math.abs(h.loss - (h.recon + 0.5 * h.kl)) < 1e-9 * h.loss), 'loss = recon + β·KL per epoch');
  assert.ok(fs.existsSync(path.join(out, 'model.json')));
  const l = await runCli('latent', out, '--grid', '3', '--examples', '2', '--json');
  assert.equal(l.code, 0, l.err);
  const k = JSON.parse(l.out);
  assert.equal(k.model, 'vae');
  assert.deepEqual(k.shape, [8, 8]);
  assert.deepEqual(k.classNames, ['line', 'circle', 'cross', 'square']);
  assert.equal(k.points.length, 200);
  assert.ok(k.points.every((p: { z: number[]; label: number }) => p.z.length === 2 && p.label >= 0 && p.label < 4));
  assert.equal(k.grid.cells.length, 9);
  assert.ok(k.grid.cells.every((c: { decoded: number[] }) => c.decoded.length === 64));
  assert.deepEqual(k.grid.cells[0].z, [-2.5, 2.5]);
  assert.equal(k.examples.length, 2);
  assert.equal(k.examples[0].input.length, 64);
  assert.equal(k.examples[0].reconstruction.length, 64);
  assert.deepEqual(k.examples.map((e: { label: number }) => e.label), [0, 1]);
  assert.ok(k.separation.accuracy > k.separation.chance, `k-NN ${k.separation.accuracy} vs chance ${k.separation.chance}`);
  const few = JSON.parse((await runCli('latent', out, '--max-points', '40', '--grid', '1', '--json')).out);
  assert.equal(few.points.length, 40);
  assert.deepEqual(new Set(few.points.map((p: { label: number }) => p.label)), new Set([0, 1, 2, 3]), 'a subset keeps every class');
  // training again into a folder of the same kind replaces it
  const again = await runCli('train', 'vae', '--out', out, ...TINY, '--epochs', '1', '--json');
  assert.equal(again.code, 0, again.err);
  assert.equal(JSON.parse(again.out).epochs, 1);
  // the text form draws the grid
  const text = await runCli('latent', out, '--grid', '2');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /decodings across the latent plane/);
});

test('train autoencoder on points, and on the vectors of a saved word2vec model', async () => {
  const out = path.join(tmp, 'ae-points');
  const r = await runCli('train', 'autoencoder', '--data', 'points', '--out', out, '--samples', '150', '--epochs', '10', '--hidden', '8', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.model, 'autoencoder');
  assert.equal(j.dim, 2);
  assert.ok(j.after.recon < j.before.recon);
  const w2v = path.join(tmp, 'w2v');
  const rng = new Rng(3);
  const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
  saveModel(w2v, { words, counts: words.map((_, i) => 40 - i), dim: 6, vectors: Float32Array.from({ length: 240 }, () => rng.next() - 0.5), source: 'test' });
  const vOut = path.join(tmp, 'ae-vectors');
  const v = await runCli('train', 'autoencoder', '--data', `vectors:${w2v}`, '--out', vOut, '--samples', '30', '--epochs', '3', '--hidden', '8', '--json');
  assert.equal(v.code, 0, v.err);
  assert.equal(JSON.parse(v.out).rows, 30);
  const l = JSON.parse((await runCli('latent', vOut, '--grid', '2', '--json')).out);
  assert.deepEqual(l.points.slice(0, 3).map((p: { word: string }) => p.word), ['word0', 'word1', 'word2']);
  assert.ok(l.grid.cells.every((c: { nearest: string }) => words.includes(c.nearest)));
});

test('bad input is refused with one line and exit 2, and nothing is written', async () => {
  const notes = path.join(tmp, 'notes');
  fs.mkdirSync(notes);
  fs.writeFileSync(path.join(notes, 'a.md'), '# keep me');
  refused(await runCli('train', 'vae', '--out', notes, ...SMALL), /refusing to replace/);
  assert.deepEqual(fs.readdirSync(notes), ['a.md']);
  refused(await runCli('train', 'vae', '--out', path.join(notes, 'a.md'), ...SMALL), /is a file/);
  assert.equal(fs.readFileSync(path.join(notes, 'a.md'), 'utf8'), '# keep me');
  const vae = path.join(tmp, 'vae-kind');
  assert.equal((await runCli('train', 'vae', '--out', vae, ...TINY, '--epochs', '1')).code, 0);
  refused(await runCli('train', 'autoencoder', '--out', vae, ...SMALL), /not a saved autoencoder model/);
  refused(await runCli('train', 'vae', ...SMALL), /--out is required/);
  refused(await runCli('train', 'vae', '--out', path.join(tmp, 'x'), '--data', 'images'), /points, glyphs or vectors:DIR/);
  refused(await runCli('train', 'vae', '--out', path.join(tmp, 'x'), '--data', `vectors:${path.join(tmp, 'nope')}`), /does not exist/);
  refused(await runCli('train', 'vae', '--out', path.join(tmp, 'x'), '--beta', '-1'), /β/);
  refused(await runCli('train', 'vae', '--out', path.join(tmp, 'x'), '--latent', '0'), /Latent size/);
  refused(await runCli('train', 'autoencoder', '--out', path.join(tmp, 'x'), '--beta', '1'), /unknown option --beta/);
  assert.equal(fs.existsSync(path.join(tmp, 'x')), false);
  refused(await runCli('latent', path.join(tmp, 'nope')), /does not exist/);
  refused(await runCli('latent', notes), /not a trained model folder/);
  refused(await runCli('latent', vae, '--grid', '0'), /--grid/);
  fs.writeFileSync(path.join(vae, 'data.f32'), 'short');
  refused(await runCli('latent', vae), /truncated/);
});
