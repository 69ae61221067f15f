import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import './cli-argv';
import { runCli } from '../runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-cli-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const corpus = path.join(tmp, 'notes.txt');
fs.writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => ['the cat sat on the mat.', 'attention weights sum to one.', 'keys and queries and values.'][i % 3]).join('\n'));
const SMALL = ['--d-model', '32', '--ffn', '32', '--seq', '16', '--batch', '4'];


test('train transformer --json, then attention DIR TEXT --json', async () => {
  const dir = path.join(tmp, 'tr');
  const r = await runCli('train', 'transformer', '--corpus', corpus, '--out', dir, '--steps', '6', '--layers', '2', '--heads', '2', ...SMALL, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.model, 'transformer');
  assert.equal(j.steps, 6);
  for (const k of ['finalLoss', 'heldOutLoss', 'heldOutPerplexity', 'stepsPerSecond', 'seconds']) assert.equal(typeof j[k], 'number', k);
  const a = await runCli('attention', dir, 'the cat', '--json');
  assert.equal(a.code, 0, a.err);
  const aj = JSON.parse(a.out);
  assert.deepEqual(Object.keys(aj).sort(), ['attention', 'tokens']);
  assert.deepEqual(aj.tokens, ['t', 'h', 'e', ' ', 'c', 'a', 't']);
  assert.equal(aj.attention.length, 2);
  assert.equal(aj.attention[1].length, 2);
  assert.equal(aj.attention[1][1][6].length, 7);
  assert.equal(aj.attention[0][0][0][1], 0);
  const human = await runCli('attention', dir, 'the cat');
  assert.equal(human.code, 0);
  assert.match(human.out, /7 tokens, 2 layer\(s\) × 2 head\(s\)/);
});

test('train transformer --resume continues the checkpoint in --out; a corrupt one exits 1 with one line', async () => {
  const dir = path.join(tmp, 'tr-resume');
  const first = await runCli('train', 'transformer', '--corpus', corpus, '--out', dir, '--steps', '4', '--heads', '2', ...SMALL, '--json');
  assert.equal(first.code, 0, first.err);
  assert.equal(JSON.parse(first.out).steps, 4);
  // the architecture comes from the checkpoint: --heads is not repeated
  const more = await runCli('train', 'transformer', '--corpus', corpus, '--out', dir, '--resume', dir, '--steps', '7', ...SMALL, '--json');
  assert.equal(more.code, 0, more.err);
  const j = JSON.parse(more.out);
  assert.equal(j.resumedFromStep, 4);
  assert.equal(j.steps, 7);
  assert.equal(j.params.heads, 2);
  assert.match(more.err, /step 7\/7/);
  const human = await runCli('train', 'transformer', '--corpus', corpus, '--out', dir, '--resume', dir, '--steps', '8', ...SMALL);
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /done after 8 steps \(resumed at step 7\)/);
  const opt = path.join(dir, 'optimizer.bin');
  const bytes = fs.readFileSync(opt);
  bytes[7] ^= 0xff;
  fs.writeFileSync(opt, bytes);
  const bad = await runCli('train', 'transformer', '--corpus', corpus, '--out', dir, '--resume', dir, '--steps', '12', ...SMALL);
  assert.equal(bad.code, 1);
  assert.equal(bad.err.trim().split('\n').length, 1, bad.err);
  assert.match(bad.err, /corrupt: optimizer\.bin does not match its checksum; nothing was changed/);
  assert.deepEqual(fs.readFileSync(opt), bytes, 'the checkpoint was left as it was');
});

test('train seq2seq --json and attention on its model', async () => {
  const dir = path.join(tmp, 's2s');
  const r = await runCli('train', 'seq2seq', '--task', 'sort', '--steps', '4', '--hidden', '16', '--batch', '8', '--out', dir, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.model, 'seq2seq');
  assert.equal(j.task, 'sort');
  assert.equal(j.testInputs, 200);
  for (const k of ['sequenceAccuracy', 'alignmentAccuracy']) assert.ok(j[k] >= 0 && j[k] <= 1, k);
  const a = await runCli('attention', dir, 'b2a1', '--json');
  assert.equal(a.code, 0, a.err);
  const aj = JSON.parse(a.out);
  assert.deepEqual(Object.keys(aj).sort(), ['attention', 'source', 'target']);
  assert.deepEqual(aj.source, ['b', '2', 'a', '1']);
  assert.equal(aj.attention.length, aj.target.length);
});

test('usage errors exit 2, runtime errors exit 1, each with one line', async () => {
  const cases: Array<[string[], number, RegExp]> = [
    [['train', 'transformer', '--out', path.join(tmp, 'x')], 2, /--corpus is required/],
    [['train', 'transformer', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--heads', '9'], 2, /Heads.*at most 4/],
    [['train', 'transformer', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--heads', '3', '--d-model', '64'], 2, /divisible/],
    [['train', 'transformer', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--steps', '3', '--epochs', '1'], 2, /only one of/],
    [['train', 'transformer', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--level', 'byte'], 2, /one of char, word/],
    [['train', 'transformer', '--corpus', path.join(tmp, 'missing.txt'), '--out', path.join(tmp, 'x')], 1, /no such file/],
    [['train', 'seq2seq', '--task', 'fly', '--out', path.join(tmp, 'x')], 2, /one of reverse, sort, copy/],
    [['train', 'seq2seq', '--min-len', '9', '--max-len', '4', '--out', path.join(tmp, 'x')], 2, /larger than --max-len/],
    [['attention', path.join(tmp, 'nothing-here'), 'abc'], 1, /does not exist/],
    [['attention', path.join(tmp, 's2s')], 2, /takes 2 argument/],
    [['attention', path.join(tmp, 's2s'), 'AB!'], 1, /unknown characters/],
    [['attention', path.join(tmp, 's2s'), ''], 2, /empty/],
  ];
  for (const [argv, code, re] of cases) {
    const r = await runCli(...argv);
    assert.equal(r.code, code, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, re, argv.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, `one line: ${r.err}`);
    assert.equal(r.out, '');
  }
  assert.equal(fs.existsSync(path.join(tmp, 'x')), false);
});
