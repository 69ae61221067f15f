/** practice.json in a hostile workspace: kept and read back; crafted, linked or oversized files refused and left untouched. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { PracticeStore } from '../../../src/extension/practice/progressStore';
import { review } from '../../../src/core/practice/schedule';

function workspace(): { ws: string; dir: string; file: string } {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-ws-'));
  const dir = path.join(ws, '.ml-study');
  return { ws, dir, file: path.join(dir, 'practice.json') };
}

test('progress is written to .ml-study/practice.json and read back', () => {
  const { ws, dir } = workspace();
  const s = new PracticeStore({ dir, workspace: ws });
  s.load();
  assert.equal(s.memoryOnly, undefined);
  s.progress.cards.softmax = review(undefined, false, 1000);
  s.progress.asked.softmax = 1;
  assert.ok(s.save());
  assert.deepEqual(fs.readdirSync(dir), ['practice.json'], 'no temporary file left');
  const t = new PracticeStore({ dir, workspace: ws });
  t.load();
  assert.deepEqual(t.progress, s.progress);
});

test('a crafted, linked or oversized practice.json is refused, left untouched, and progress stays in memory', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-out-'));
  const cases: Array<[string, (w: ReturnType<typeof workspace>) => void, RegExp]> = [
    ['not JSON', (w) => fs.writeFileSync(w.file, '{ nope'), /not valid JSON/],
    ['unknown kind', (w) => fs.writeFileSync(w.file, JSON.stringify({ version: 1, cards: { rm: {} }, asked: {} })), /unknown question kind/],
    ['oversized', (w) => fs.writeFileSync(w.file, ' '.repeat(70_000)), /limit/],
    ['a symlink', (w) => fs.symlinkSync(path.join(outside, 'x.json'), w.file), /not a regular file/],
    ['a folder', (w) => fs.mkdirSync(w.file), /not a regular file/],
  ];
  for (const [what, craft, re] of cases) {
    const w = workspace();
    fs.mkdirSync(w.dir);
    craft(w);
    const before = fs.lstatSync(w.file);
    const s = new PracticeStore({ dir: w.dir, workspace: w.ws });
    s.load();
    assert.match(s.memoryOnly ?? '', re, what);
    s.progress.cards.sigmoid = review(undefined, true, 5);
    assert.ok(s.save());
    const after = fs.lstatSync(w.file);
    assert.equal(after.mtimeMs, before.mtimeMs, `${what}: untouched`);
    assert.equal(after.size, before.size, `${what}: untouched`);
  }
  assert.deepEqual(fs.readdirSync(outside), [], 'nothing written outside');
});

test('.ml-study as a symlink out of the workspace: nothing read or written there', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-out-'));
  fs.writeFileSync(path.join(outside, 'practice.json'), JSON.stringify({ version: 1, cards: {}, asked: {} }));
  const w = workspace();
  fs.symlinkSync(outside, w.dir);
  const s = new PracticeStore({ dir: w.dir, workspace: w.ws });
  s.load();
  assert.match(s.memoryOnly ?? '', /not a real folder/);
  s.save();
  assert.deepEqual(fs.readdirSync(outside), ['practice.json']);
  assert.equal(fs.readFileSync(path.join(outside, 'practice.json'), 'utf8'), JSON.stringify({ version: 1, cards: {}, asked: {} }));
});

test('no workspace: memory only, with the reason', () => {
  const s = new PracticeStore(undefined, 'the workspace is not trusted');
  s.load();
  assert.equal(s.memoryOnly, 'the workspace is not trusted');
  assert.ok(s.save());
});
