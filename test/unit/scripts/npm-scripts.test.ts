/**
 * Every script in package.json works: each command of it (the parts joined by &&) runs with `--help` appended —
 * which prints usage and changes nothing — and exits 0. A script naming a file that does not exist fails here.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './root';

const root = repoRoot();
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}` };

test('package.json has the scripts the README names', () => {
  for (const name of ['build', 'typecheck', 'start', 'test', 'test:unit', 'test:integration', 'test:e2e', 'package', 'bench:word2vec', 'bench:lstm', 'bench:attention', 'bench:report']) {
    assert.ok(scripts[name], `script "${name}" is missing`);
  }
});

for (const [name, command] of Object.entries(scripts)) {
  test(`npm run ${name}: every command runs with --help and exits 0`, () => {
    for (const part of command.split('&&').map((p) => p.trim())) {
      const [exe, file] = part.split(/\s+/);
      if (exe === 'node' && !file.startsWith('-')) assert.ok(fs.existsSync(path.join(root, file)) || file.startsWith('dist/'), `${name}: ${file} does not exist`);
      const r = spawnSync(`${part} --help`, { cwd: root, env, shell: true, encoding: 'utf8', timeout: 120_000 });
      assert.equal(r.status, 0, `${name}: \`${part} --help\` exited ${r.status}\n${r.stderr.slice(-2000)}`);
      assert.match(r.stdout + r.stderr, /usage|Usage|Options|options/, `${name}: \`${part} --help\` printed no usage`);
    }
  });
}
