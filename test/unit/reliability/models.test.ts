/**
 * Writing model folders: the --out guard of every model-writing command, and crash safety. A save is SIGKILLed at
 * each step of the folder swap (ML_STUDY_WRITE_PAUSE holds it there) from the CLI and from a training worker; the
 * folder must load afterwards as the old or the new model, never neither, and the next save cleans up.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { loadModel } from '../../../src/core/word2vec/store';
import { recoverModelDir, writeDirAtomic } from '../../../src/core/util/atomicWrite';
import { readSavedModel } from '../../../src/core/util/modelOut';
import { cli, cliChild, repoRoot, tmpDir, treeHash, waitFor } from './helpers';

const dir = tmpDir('models');
const corpus = path.join(dir, 'corpus.md');
fs.writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => ['the king and the queen rule the land', 'a man and a woman walk to the city', `the cat and the dog eat food ${i % 5}`][i % 3]).join('.\n'));
const sgns = (out: string, ...more: string[]) => ['train', 'sgns', '--corpus', corpus, '--out', out, '--dim', '8', '--epochs', '1', '--min-count', '1', ...(more.includes('--seed') ? [] : ['--seed', '1']), ...more];

describe('--out: one guard for every command that writes a model', () => {
  const notes = path.join(dir, 'notes');
  fs.mkdirSync(notes);
  fs.writeFileSync(path.join(notes, 'lecture.md'), '# my notes\n');
  const file = path.join(dir, 'essay.txt');
  fs.writeFileSync(file, 'an essay\n');
  const w2v = path.join(dir, 'w2v');
  const vectors = path.join(dir, 'vectors.txt');
  fs.writeFileSync(vectors, '2 3\nking 0.1 0.2 0.3\nqueen 0.3 0.2 0.1\n');

  const writers: Array<[string, (out: string) => string[]]> = [
    ['train sgns', (o) => sgns(o)],
    ['train transformer', (o) => ['train', 'transformer', '--corpus', corpus, '--out', o, '--steps', '1']],
    ['train seq2seq', (o) => ['train', 'seq2seq', '--out', o, '--steps', '1']],
    ['train lstm', (o) => ['train', 'lstm', '--corpus', corpus, '--out', o, '--steps', '1']],
    ['import', (o) => ['import', vectors, '--out', o]],
  ];

  it('a notes folder, a file, or a model of another kind: exit 2, one line, target untouched', () => {
    assert.equal(cli(sgns(w2v)).code, 0);
    const before = { notes: treeHash(notes), file: fs.readFileSync(file, 'utf8'), w2v: treeHash(w2v) };
    for (const [name, args] of writers) {
      for (const target of [notes, file, ...(name.includes('sgns') || name === 'import' ? [] : [w2v])]) {
        const r = cli(args(target));
        assert.equal(r.code, 2, `${name} --out ${target}: exit ${r.code}\n${r.err}`);
        assert.equal(r.err.trim().split('\n').length, 1, r.err);
        assert.match(r.err, /refusing to replace it/);
      }
      const forced = cli([...args(notes), '--force']);
      assert.equal(forced.code, 2, `${name} --force does not replace a notes folder`);
    }
    assert.deepEqual({ notes: treeHash(notes), file: fs.readFileSync(file, 'utf8'), w2v: treeHash(w2v) }, before);
  });

  it('a model of the same kind is replaced only with --force', () => {
    const again = cli(sgns(w2v));
    assert.equal(again.code, 2);
    assert.match(again.err, /already holds a word2vec model; add --force/);
    const forced = cli(sgns(w2v, '--force'));
    assert.equal(forced.code, 0, forced.err);
    assert.doesNotThrow(() => loadModel(w2v));
  });
});

describe('model type dispatch', () => {
  it('a model.json with "type": "constructor" (an Object.prototype key) gets the plain "cannot generate" message', () => {
    const m = path.join(dir, 'proto');
    fs.mkdirSync(m);
    fs.writeFileSync(path.join(m, 'model.json'), JSON.stringify({ format: 'ml-study-lm', type: 'constructor' }));
    const r = cli(['generate', m, '--prompt', 'a']);
    assert.equal(r.code, 1);
    assert.match(r.err, /holds a "constructor" model, which cannot generate text/);
  });
});

describe('checksums', () => {
  it('an attention model whose weights changed after saving is refused (as word2vec and LSTM models are)', () => {
    const out = path.join(dir, 'seq');
    assert.equal(cli(['train', 'seq2seq', '--task', 'reverse', '--steps', '1', '--hidden', '16', '--batch', '8', '--out', out]).code, 0);
    assert.equal(cli(['attention', out, 'abc']).code, 0);
    const bin = path.join(out, 'weights.bin');
    const b = fs.readFileSync(bin);
    b[0] ^= 1; // the lowest mantissa bit of the first weight: still a finite float, same length
    fs.writeFileSync(bin, b);
    const r = cli(['attention', out, 'abc']);
    assert.equal(r.code, 1);
    assert.match(r.err, /weights\.bin does not match its checksum/);
  });
});

/** Train into `out` with the save paused at `step`, kill -9 the process there, and return. */
async function killAt(step: string, out: string): Promise<void> {
  const marker = path.join(dir, `marker-${step}-${Date.now()}`);
  const { child, exited } = cliChild(sgns(out, '--force', '--seed', '2'), { ML_STUDY_WRITE_PAUSE: step, ML_STUDY_WRITE_PAUSE_MARKER: marker });
  await waitFor(() => fs.existsSync(marker), 30_000, `the save to reach "${step}"`);
  child.kill('SIGKILL');
  const r = await exited;
  assert.equal(r.signal, 'SIGKILL', r.err);
}

const sameVectors = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('a save killed at any step leaves a model that loads, old or new', () => {
  for (const step of ['filled', 'completed', 'aside', 'swapped']) {
    it(`SIGKILL at "${step}"`, async () => {
      const out = path.join(dir, `crash-${step}`);
      assert.equal(cli(sgns(out)).code, 0);
      const old = loadModel(out);
      await killAt(step, out);
      const after = loadModel(out); // throws if neither version is readable
      const isOld = sameVectors(after.vectors, old.vectors);
      // before the swap the old model is the one read; from the moment the old one is set aside, the new one
      assert.equal(isOld, step === 'filled' || step === 'completed', `after a kill at ${step} the ${isOld ? 'old' : 'new'} model loads`);
      const cmd = cli(['neighbours', out, 'king', '-k', '1']);
      assert.equal(cmd.code, 0, `the CLI reads it too: ${cmd.err}`);
      // the next save (or a recovery) puts the folder back and leaves no siblings
      recoverModelDir(out);
      assert.ok(fs.statSync(out).isDirectory());
      assert.ok(sameVectors(loadModel(out).vectors, after.vectors), 'recovery keeps the model that was read');
      assert.equal(cli(sgns(out, '--force')).code, 0);
      assert.deepEqual(fs.readdirSync(dir).filter((n) => n.startsWith(`.crash-${step}.`)), [], 'no leftovers after the next save');
    });
  }

  it('a training worker killed mid-save leaves the XOR model loadable (the new one once the old is set aside)', async () => {
    const out = path.join(dir, 'worker-xor');
    const marker = path.join(dir, 'worker-marker');
    const host = (seed: number) => `
      const { Worker } = require('node:worker_threads');
      const w = new Worker(${JSON.stringify(path.join(repoRoot(), 'dist', 'worker.js'))});
      w.on('message', (m) => { if (m.type === 'done') process.exit(0); if (m.type === 'failed') { console.error(m.error); process.exit(3); } });
      w.postMessage({ type: 'start', job: { jobId: 'xor-20260101-120000-ab12', model: 'xor', params: { epochs: 20, lr: 0.05, hidden: 4, activation: 'tanh', optimizer: 'adam', seed: ${seed} }, corpus: { kind: 'none' }, outDir: ${JSON.stringify(out)} } });`;
    const first = spawn(process.execPath, ['-e', host(1)], { stdio: 'ignore' });
    assert.equal(await new Promise((r) => first.on('exit', r)), 0);
    assert.equal(readSavedModel(out)?.meta.params && (readSavedModel(out)!.meta.params as { seed: number }).seed, 1);
    const second = spawn(process.execPath, ['-e', host(2)], { env: { ...process.env, ML_STUDY_WRITE_PAUSE: 'aside', ML_STUDY_WRITE_PAUSE_MARKER: marker }, stdio: 'ignore' });
    await waitFor(() => fs.existsSync(marker), 60_000, 'the worker save to set the old model aside');
    assert.equal(fs.existsSync(out), false, 'killed while the folder is swapped out');
    second.kill('SIGKILL');
    await new Promise((r) => second.on('exit', r));
    const found = readSavedModel(out);
    assert.equal(found?.kind, 'xor');
    assert.equal((found!.meta.params as { seed: number }).seed, 2);
  });

  it('two writers at once both succeed; the folder holds one complete model', async () => {
    const out = path.join(dir, 'race');
    assert.equal(cli(sgns(out)).code, 0);
    const runs = await Promise.all([0, 1, 2].map(() => cliChild(sgns(out, '--force'), {}).exited));
    for (const r of runs) assert.equal(r.code, 0, r.err);
    assert.doesNotThrow(() => loadModel(out));
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.startsWith('.race.')), []);
  });

  it('keeps old versions when asked, and a failing fill leaves the model as it was', () => {
    const out = path.join(dir, 'versions');
    for (let i = 0; i < 4; i++) writeDirAtomic(out, (t) => fs.writeFileSync(path.join(t, 'model.json'), `{"v":${i}}`), { keep: 3 });
    assert.equal(fs.readFileSync(path.join(out, 'model.json'), 'utf8'), '{"v":3}');
    assert.equal(fs.readdirSync(dir).filter((n) => n.startsWith('.versions.old-')).length, 2);
    assert.throws(() => writeDirAtomic(out, () => {
      throw new Error('disk full');
    }), /disk full/);
    assert.equal(fs.readFileSync(path.join(out, 'model.json'), 'utf8'), '{"v":3}');
    writeDirAtomic(out, (t) => fs.writeFileSync(path.join(t, 'model.json'), '{"v":4}'));
    assert.equal(fs.readdirSync(dir).filter((n) => n.startsWith('.versions.')).length, 0, 'the default keeps only the current version');
  });
});
