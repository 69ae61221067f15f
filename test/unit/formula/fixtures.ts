import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Case {
  expected: string | null;
  context: string;
  latex: string;
  line: number;
}

/** Find the repo root from the bundled test's location (dist/test/unit/formula) or the source tree. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function loadCases(name: string): Case[] {
  const file = path.join(repoRoot(), 'test', 'fixtures', 'formulas', `${name}.txt`);
  const out: Case[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const a = line.indexOf('|||');
      const b = line.indexOf('|||', a + 3);
      if (a < 0 || b < 0) throw new Error(`bad fixture line ${i + 1}`);
      const expected = line.slice(0, a).trim();
      out.push({ expected: expected === 'null' ? null : expected, context: line.slice(a + 3, b).trim(), latex: line.slice(b + 3).trim(), line: i + 1 });
    });
  return out;
}
