import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import './cli-argv';
import { runCli } from '../runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlm-cli-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const notes = path.join(tmp, 'notes');
fs.mkdirSync(path.join(notes, 'sub'), { recursive: true });
fs.writeFileSync(path.join(notes, 'a.md'), Array.from({ length: 80 }, () => 'the cat sat on the mat.').join('\n'));
fs.writeFileSync(path.join(notes, 'sub', 'b.txt'), Array.from({ length: 80 }, () => 'keys and queries and values.').join('\n'));
fs.writeFileSync(path.join(notes, 'image.png'), Buffer.from([0, 1, 2, 3]));
const SMALL = ['--layers', '1', '--d-model', '32', '--ffn', '32', '--seq', '16', '--batch', '4', '--steps', '5'];

test('train mlm DIR --json, then fill MODEL TEXT --mask-at N (--json and text)', async () => {
  const out = path.join(tmp, 'model');
  const r = await runCli('train', 'mlm', notes, '--out', out, ...SMALL, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.model, 'mlm');
  assert.equal(j.steps, 5);
  for (const k of ['heldOutLoss', 'unigramLoss', 'initialHeldOutLoss', 'heldOutAccuracy']) assert.equal(typeof j[k], 'number', k);
  assert.match(r.err, /\(2 file\(s\)\)/);
  const f = await runCli('fill', out, 'the cat sat', '--mask-at', '4', '-k', '3', '--json');
  assert.equal(f.code, 0, f.err);
  const fj = JSON.parse(f.out);
  assert.equal(fj.blanks.length, 1);
  assert.equal(fj.blanks[0].index, 4);
  assert.equal(fj.blanks[0].original, 'c');
  assert.equal(fj.blanks[0].candidates.length, 3);
  assert.equal(fj.context[4], '[MASK]');
  const human = await runCli('fill', out, 'the cat sat', '--mask-at', '4');
  assert.equal(human.code, 0);
  assert.match(human.out, /blank at 4 \(was "c"\):/);
  assert.equal(human.out.match(/%\n/g)?.length, 5);
  // The attention command reads it too: bidirectional maps (entries above the diagonal).
  const a = await runCli('attention', out, 'the cat', '--json');
  assert.equal(a.code, 0, a.err);
  const maps: number[][][][] = JSON.parse(a.out).attention;
  assert.ok(maps[0][0][0][1] > 0);
});

test('bad input is refused with one line and exit 2', async () => {
  const model = path.join(tmp, 'model2');
  const ok = await runCli('train', 'mlm', notes, '--out', model, ...SMALL, '--json');
  assert.equal(ok.code, 0, ok.err);
  const file = path.join(tmp, 'file.txt');
  fs.writeFileSync(file, 'keep me');
  const cases: [string[], RegExp][] = [
    [['train', 'mlm', '--out', path.join(tmp, 'x')], /give a notes folder \(DIR\) or --brown/],
    [['train', 'mlm', notes, '--brown', '--out', path.join(tmp, 'x')], /not both/],
    [['train', 'mlm', path.join(tmp, 'missing'), '--out', path.join(tmp, 'x')], /does not exist/],
    [['train', 'mlm', notes, '--out', file], /is a file/],
    [['train', 'mlm', notes, '--out', notes], /not a saved model/],
    [['train', 'mlm', notes, '--out', path.join(tmp, 'x'), '--mask-rate', '0.9'], /mask-rate/],
    [['fill', model, 'the cat', '--mask-at', '7'], /outside the text \(it has 7 characters/],
    [['fill', model, 'the cat', '--mask-at', '-1'], /mask-at/],
    [['fill', model, 'the cat', '--mask-at', '1', '-k', '0'], /k must be/],
    [['fill', model, 'the cat'], /--mask-at is required/],
    [['fill', notes, 'the cat', '--mask-at', '1'], /not a usable attention model|model\.json is missing/],
    [['fill', path.join(tmp, 'nothing'), 'the cat', '--mask-at', '1'], /does not exist/],
  ];
  for (const [argv, re] of cases) {
    const r = await runCli(...argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: exit ${r.code}, ${r.err}`);
    assert.match(r.err, re, argv.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, `${argv.join(' ')}: ${r.err}`);
  }
  assert.equal(fs.readFileSync(file, 'utf8'), 'keep me');
});
