/**
 * No function in src/ (but the formula recogniser's matching function, `detect` in src/core/formula/recognise.ts) is
 * longer than 150 lines, as counted by scripts/function-lengths.mjs; and that checker does find a long function when
 * there is one, and excludes exactly the one function a `file:function` entry names.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './root';

const root = repoRoot();
const script = path.join(root, 'scripts', 'function-lengths.mjs');

function longFunctions(...args: string[]): { file: string; name: string; line: number; lines: number }[] {
  const r = spawnSync(process.execPath, [script, '--json', '--list-only', ...args], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('no function in src/ but the recogniser\'s detect is longer than 150 lines', () => {
  const long = longFunctions('--max=150', '--exclude=src/core/formula/recognise.ts:detect', 'src');
  assert.deepEqual(long.map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`), []);
});

test('the checker counts a function from its first line to its closing brace, nested functions included', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fnlen-'));
  try {
    const body = Array.from({ length: 149 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    fs.writeFileSync(path.join(dir, 'long.ts'), `export function long(): void {\n${body}\n}\n\nexport const short = () => {\n  const inner = function () {\n    return 1;\n  };\n  return inner();\n};\n`);
    const over = longFunctions('--max=150', dir);
    assert.deepEqual(over.map((f) => [f.name, f.line, f.lines]), [['long', 1, 151]]);
    assert.deepEqual(longFunctions('--max=150', `--exclude=${over[0].file}:long`, dir), []);
    assert.deepEqual(longFunctions('--max=150', `--exclude=${over[0].file}:short`, dir).map((f) => f.name), ['long']);
    const all = longFunctions('--max=1', dir);
    assert.deepEqual(all.map((f) => [f.name, f.lines]).sort(), [['inner', 3], ['long', 151], ['short', 6]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
