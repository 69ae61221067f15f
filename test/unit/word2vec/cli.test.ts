/**
 * The word-vector CLI end to end, in process: train → neighbours/similarity/analogy/evaluate → export → import,
 * the --json shapes, and exit codes (2 for usage errors, 1 for runtime errors) with one-line messages.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../runCli';
import { FIXTURES, tmpDir } from './helpers';


const dir = tmpDir('cli');
const corpus = path.join(dir, 'notes.md');
const model = path.join(dir, 'model');
fs.writeFileSync(
  corpus,
  Array.from({ length: 300 }, (_, i) => ['the king and the queen rule the land', 'a man and a woman walk to the city', 'the cat and the dog eat food', `gradient descent lowers the loss $\\nabla L$ step ${i % 7}`][i % 4]).join('.\n'),
);

test('train sgns --json, then use the model', async () => {
  const t = await runCli('train', 'sgns', '--corpus', corpus, '--out', model, '--dim', '16', '--epochs', '3', '--min-count', '2', '--json');
  assert.equal(t.code, 0, t.err);
  const j = JSON.parse(t.out);
  for (const k of ['tokens', 'vocab', 'seconds', 'wordsPerSecond', 'lossPerEpoch']) assert.ok(k in j, k);
  assert.equal(j.lossPerEpoch.length, 3);
  assert.ok(j.vocab > 10 && j.tokens > 1000);
  assert.match(t.err, /epoch 3\/3/, 'progress on stderr');

  const n = await runCli('neighbours', model, 'king', '-k', '3', '--json');
  assert.equal(n.code, 0, n.err);
  assert.equal(JSON.parse(n.out).neighbours.length, 3);
  const s = await runCli('similarity', model, 'king', 'queen', '--json');
  assert.ok(Math.abs(JSON.parse(s.out).similarity) <= 1);
  const a = await runCli('analogy', model, 'man', 'king', 'woman', '--json');
  assert.ok(!JSON.parse(a.out).answers.some((x: { word: string }) => ['man', 'king', 'woman'].includes(x.word)));
  const ev = await runCli('evaluate', model, '--similarity', path.join(FIXTURES(), 'sim-small.tsv'), '--analogies', path.join(FIXTURES(), 'analogies-small.txt'), '--json');
  assert.equal(ev.code, 0, ev.err);
  const ej = JSON.parse(ev.out);
  assert.ok('spearman' in ej.similarity[0] && 'oov' in ej.similarity[0] && 'accuracy' in ej.analogies[0]);
});

test('train cbow on brown is accepted (1 epoch, tiny dim)', async () => {
  const r = await runCli('train', 'cbow', '--corpus', 'brown', '--out', path.join(dir, 'brown'), '--dim', '8', '--epochs', '1', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).vocab, 14206);
});

test('export (three formats) and import round trip through the CLI', async () => {
  for (const format of ['word2vec', 'word2vec-binary', 'projector']) {
    const out = path.join(dir, `export-${format}`);
    const r = await runCli('export', model, '--format', format, '--out', out, '--json');
    assert.equal(r.code, 0, r.err);
    if (format === 'projector') continue;
    const back = path.join(dir, `import-${format}`);
    const i = await runCli('import', out, '--out', back, '--json');
    assert.equal(i.code, 0, i.err);
    const before = await runCli('neighbours', model, 'queen', '--json');
    const after = await runCli('neighbours', back, 'queen', '--json');
    assert.deepEqual(JSON.parse(after.out), JSON.parse(before.out), format);
  }
});

test('project: a seeded 2D map of the frequent words, for each method', async () => {
  for (const method of ['pca', 'umap', 'tsne']) {
    const argv = ['project', model, '--method', method, '--top', '20', '--iterations', '50', '--seed', '3', '--json'];
    const a = await runCli(...argv);
    assert.equal(a.code, 0, a.err);
    const j = JSON.parse(a.out);
    assert.equal(j.words.length, 20);
    assert.equal(j.xy.length, 40);
    assert.deepEqual(JSON.parse((await runCli(...argv)).out), j, `${method} is reproducible`);
  }
  assert.equal((await runCli('project', model, '--method', 'mds')).code, 2);
  assert.equal((await runCli('project', model, '--perplexity', '1')).code, 2);
});

test('usage errors exit 2, runtime errors exit 1, each with one line and nothing lost', async () => {
  const usage: string[][] = [
    ['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--dim', '0'],
    ['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--window', '0'],
    ['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--epochs', '-1'],
    ['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--negative', '-1'],
    ['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--lr', 'fast'],
    ['train', 'sgns', '--corpus', corpus],
    ['neighbours', model],
    ['neighbours', model, 'king', '-k', '0'],
    ['export', model, '--format', 'csv', '--out', path.join(dir, 'x.csv')],
    ['evaluate', model],
    ['train', 'sgns', '--corpus', corpus, '--out', FIXTURES()],
  ];
  for (const argv of usage) {
    const r = await runCli(...argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
  const bin = path.join(dir, 'binary.dat');
  fs.writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255]));
  const latin1 = path.join(dir, 'latin1.txt');
  fs.writeFileSync(latin1, Buffer.from('caf\xe9 na\xefve', 'latin1'));
  const empty = path.join(dir, 'empty.txt');
  fs.writeFileSync(empty, '');
  const huge = path.join(dir, 'huge.txt');
  fs.writeFileSync(huge, 'words ');
  fs.truncateSync(huge, 65 * 1024 * 1024); // sparse: no disk used
  const runtime: Array<[string[], RegExp]> = [
    [['train', 'sgns', '--corpus', bin, '--out', path.join(dir, 'x')], /binary file/],
    [['train', 'sgns', '--corpus', latin1, '--out', path.join(dir, 'x')], /not valid UTF-8/],
    [['train', 'sgns', '--corpus', empty, '--out', path.join(dir, 'x')], /corpus is empty/],
    [['train', 'sgns', '--corpus', huge, '--out', path.join(dir, 'x')], /is 65 MB; the limit is 64 MB/],
    [['train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'x'), '--min-count', '100000'], /min-count/],
    [['train', 'sgns', '--corpus', path.join(dir, 'nope.txt'), '--out', path.join(dir, 'x')], /no such file/],
    [['neighbours', model, 'zzzunknown'], /not in the vocabulary/],
    [['neighbours', path.join(dir, 'nomodel'), 'king'], /does not exist/],
    [['import', bin, '--out', path.join(dir, 'x')], /.+/],
  ];
  for (const [argv, re] of runtime) {
    const r = await runCli(...argv);
    assert.equal(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.err.trim().split('\n').filter((l) => l.startsWith('ml-study')).length, 1, r.err);
  }
  assert.ok(!fs.existsSync(path.join(dir, 'x')), 'no model written by a failed command');
  // A corrupt model is refused and left as it was.
  const vec = path.join(model, 'vectors.f32');
  const size = fs.statSync(vec).size;
  fs.truncateSync(vec, size - 4);
  const r = await runCli('neighbours', model, 'king');
  assert.equal(r.code, 1);
  assert.match(r.err, /truncated/);
  assert.equal(fs.statSync(vec).size, size - 4);
});
