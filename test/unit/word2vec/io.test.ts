/** Model folders and vector files: round trips, format detection, and clear errors for damaged files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { exportVectors, importVectors, VectorsFileError } from '../../../src/core/word2vec/io';
import { loadModel, ModelFormatError, saveModel } from '../../../src/core/word2vec/store';
import { pythonWithGensim, randomModel, tmpDir } from './helpers';

const WORDS = ['the', 'naïve', 'bayes', "don't", 'x-ray', '数据', 'a'];

test('model folder: save then load gives the same words, counts, vectors, params and stats', () => {
  const dir = tmpDir('store');
  const m = randomModel(WORDS, 7);
  m.params = { arch: 'cbow', dim: 7, window: 3, negative: 2, hs: false, minCount: 1, sample: 0, epochs: 2, lr: 0.05, minLr: 0.0001, threads: 1, seed: 9 };
  m.stats = { rawTokens: 10, tokens: 9, sentences: 2, threads: 1, seconds: 0.1, wordsPerSecond: 90, lossPerEpoch: [2.5, 2.1], stopped: false };
  saveModel(path.join(dir, 'm'), m);
  const back = loadModel(path.join(dir, 'm'));
  assert.deepEqual(back.words, m.words);
  assert.deepEqual(back.counts, m.counts);
  assert.deepEqual(Array.from(back.vectors), Array.from(m.vectors));
  assert.deepEqual(back.params, m.params);
  assert.deepEqual(back.stats, m.stats);
  assert.deepEqual(fs.readdirSync(dir), ['m'], 'no temporary folders left behind');
});

test('model folder: truncated, corrupt, wrong-version and inconsistent models are refused with one clear line', () => {
  const dir = tmpDir('bad');
  const good = path.join(dir, 'good');
  saveModel(good, randomModel(WORDS, 5));
  const variant = (name: string, edit: (d: string) => void) => {
    const d = path.join(dir, name);
    fs.cpSync(good, d, { recursive: true });
    edit(d);
    return d;
  };
  const vec = (d: string) => path.join(d, 'vectors.f32');
  const json = (d: string) => path.join(d, 'model.json');
  const cases: Array<[string, (d: string) => void, RegExp]> = [
    ['truncated', (d) => fs.truncateSync(vec(d), 40), /truncated/],
    ['flipped', (d) => {
      const b = fs.readFileSync(vec(d));
      b[10] ^= 0xff;
      fs.writeFileSync(vec(d), b);
    }, /corrupt \(checksum/],
    ['jsoncut', (d) => fs.writeFileSync(json(d), fs.readFileSync(json(d), 'utf8').slice(0, 50)), /not valid JSON/],
    ['version', (d) => fs.writeFileSync(json(d), fs.readFileSync(json(d), 'utf8').replace('"version":1', '"version":7')), /version 7/],
    ['words', (d) => fs.writeFileSync(json(d), fs.readFileSync(json(d), 'utf8').replace('"the",', '')), /inconsistent/],
    ['novec', (d) => fs.rmSync(vec(d)), /missing/],
  ];
  for (const [name, edit, re] of cases) {
    const d = variant(name, edit);
    const before = fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f)).toString('base64'));
    assert.throws(() => loadModel(d), (e: Error) => e instanceof ModelFormatError && re.test(e.message) && !e.message.includes('\n'), name);
    assert.deepEqual(fs.readdirSync(d).map((f) => fs.readFileSync(path.join(d, f)).toString('base64')), before, `${name}: loading must not change files`);
  }
  assert.throws(() => loadModel(path.join(dir, 'nothing')), /does not exist/);
});

test('a failed save leaves the previous model intact', () => {
  const dir = path.join(tmpDir('keep'), 'm');
  const m = randomModel(WORDS, 4);
  saveModel(dir, m);
  const broken = { ...m, vectors: new Float32Array(3) };
  assert.throws(() => saveModel(dir, broken));
  assert.deepEqual(loadModel(dir).words, WORDS);
});

for (const format of ['word2vec', 'word2vec-binary'] as const) {
  test(`export ${format} then import gives the same vectors (format detected)`, () => {
    const dir = tmpDir('rt');
    const m = randomModel(WORDS, 9);
    const f = path.join(dir, 'v.bin');
    exportVectors(m, format, f);
    const back = importVectors(f);
    assert.match(back.source, new RegExp(`\\(${format}\\)`));
    assert.deepEqual(back.words, WORDS);
    assert.deepEqual(Array.from(back.vectors), Array.from(m.vectors), 'float32 values survive exactly');
  });
}

test('GloVe text (no header) imports; projector export writes vectors.tsv and metadata.tsv', () => {
  const dir = tmpDir('glove');
  const f = path.join(dir, 'glove.txt');
  fs.writeFileSync(f, 'the 0.1 -0.2 0.3\ncat 1 2 3\r\ndog -1e-3 0 4.5\n');
  const g = importVectors(f);
  assert.deepEqual(g.words, ['the', 'cat', 'dog']);
  assert.equal(g.dim, 3);
  assert.deepEqual(Array.from(g.vectors), [0.1, -0.2, 0.3, 1, 2, 3, -1e-3, 0, 4.5].map(Math.fround));
  const files = exportVectors(g, 'projector', path.join(dir, 'proj'));
  assert.equal(fs.readFileSync(files[0], 'utf8'), '0.1\t-0.2\t0.3\n1\t2\t3\n-0.001\t0\t4.5\n');
  assert.equal(fs.readFileSync(files[1], 'utf8'), 'the\ncat\ndog\n');
});

test('damaged or wrong vector files are refused with the line or vector that is wrong', () => {
  const dir = tmpDir('badvec');
  const write = (name: string, data: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };
  assert.throws(() => importVectors(write('short.txt', '3 2\na 1 2\nb 3 4\n')), /announces 3 vectors but has 2/);
  assert.throws(() => importVectors(write('ragged.txt', '2 2\na 1 2\nb 3\n')), /line 3 has 1 numbers, expected 2/);
  assert.throws(() => importVectors(write('nan.txt', 'a 1 2\nb 3 x\n')), /line 2 has a value that is not a number/);
  assert.throws(() => importVectors(write('empty.txt', '')), /is empty/);
  assert.throws(() => importVectors(write('latin1.txt', Buffer.from([0x61, 0x20, 0x31, 0x0a, 0xe9, 0x20, 0x32, 0x0a]))), /not valid UTF-8/);
  const m = randomModel(WORDS, 4);
  const bin = path.join(dir, 'cut.bin');
  exportVectors(m, 'word2vec-binary', bin);
  fs.truncateSync(bin, fs.statSync(bin).size - 10);
  assert.throws(() => importVectors(bin), (e: Error) => e instanceof VectorsFileError && /ends after 6 of 7 vectors/.test(e.message));
  assert.throws(() => importVectors(path.join(dir, 'missing.txt')), /no such file/);
});

test('gensim reads our word2vec text and binary exports with the same values', () => {
  const py = pythonWithGensim();
  const dir = tmpDir('gensim-io');
  const m = randomModel(WORDS, 6);
  for (const [format, binary] of [['word2vec', 'False'], ['word2vec-binary', 'True']] as const) {
    const f = path.join(dir, format);
    exportVectors(m, format, f);
    const code = `import sys,json\nfrom gensim.models import KeyedVectors\nkv=KeyedVectors.load_word2vec_format(sys.argv[1], binary=${binary})\nprint(json.dumps({"words": list(kv.index_to_key), "v": [float(x) for x in kv.vectors.ravel()]}))`;
    const r = spawnSync(py, ['-c', code, f], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as { words: string[]; v: number[] };
    assert.deepEqual(got.words, WORDS);
    assert.deepEqual(got.v, Array.from(m.vectors));
  }
});
