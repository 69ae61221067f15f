import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { explainCommand } from '../../../src/cli/commands/explain';
import type { CliIO } from '../../../src/cli/types';
import { repoRoot } from './fixtures';

const io = (): CliIO & { lines: string[] } => {
  const lines: string[] = [];
  return { json: true, signal: new AbortController().signal, out: (l) => lines.push(l), progress: () => {}, lines };
};

type Row = { offset: number; latex: string | null; concept: string | null; title: string | null; markdown: string | null };

test('ml-study explain: one result per offset, concept ids, null outside math, UTF-16 offsets', async () => {
  const file = path.join(repoRoot(), 'demo', 'notes', '02-softmax-and-cross-entropy.md');
  const text = fs.readFileSync(file, 'utf8');
  const inSoftmax = text.indexOf('\\mathrm{softmax}(t)_i') + 3;
  const inProse = text.indexOf('A classifier');
  const r = (await explainCommand.run({ positionals: [file], options: { offset: [inSoftmax, inProse, text.length + 10] } }, io())) as Row[];
  assert.equal(r.length, 3);
  assert.deepEqual(r.map((x) => x.offset), [inSoftmax, inProse, text.length + 10]);
  assert.equal(r[0].concept, 'softmax');
  assert.match(r[0].latex!, /\\mathrm\{softmax\}\(t\)_i/);
  assert.equal(r[0].title, 'Softmax');
  assert.match(r[0].markdown!, /\*\*Softmax\*\*/);
  assert.deepEqual(r[1], { offset: inProse, latex: null, concept: null, title: null, markdown: null });
  assert.equal(r[2].latex, null);
  // JSON round trip (what --json prints)
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('offsets count UTF-16 code units (an emoji before the formula shifts them by 2)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-explain-'));
  const file = path.join(dir, 'n.txt');
  fs.writeFileSync(file, '😀😀 then $\\sigma(z) = \\frac{1}{1+e^{-z}}$ done');
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('sigma');
  const r = (await explainCommand.run({ positionals: [file], options: { offset: [at] } }, io())) as Row[];
  assert.equal(r[0].concept, 'sigmoid');
  const before = (await explainCommand.run({ positionals: [file], options: { offset: [text.indexOf('then')] } }, io())) as Row[];
  assert.equal(before[0].latex, null);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('errors: a missing file is a runtime error, a negative offset a usage error', async () => {
  await assert.rejects(() => explainCommand.run({ positionals: ['/no/such/file.md'], options: { offset: [1] } }, io()), /cannot read/);
  await assert.rejects(() => explainCommand.run({ positionals: [path.join(repoRoot(), 'demo', 'notes', '00-math-refresher.md')], options: { offset: [-1] } }, io()), (e: Error) => e.name === 'UsageError');
});
