/** The counts behind the last line of `npm test` ("N passed, N failed, N skipped"), from TAP and mocha output. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './root';

const lib = pathToFileURL(path.join(repoRoot(), 'scripts', 'test-counts.mjs')).href;

/** Call one export of scripts/test-counts.mjs with JSON arguments, in a child ES-module process. */
function call(fn: string, ...args: unknown[]): unknown {
  const code = `import * as m from ${JSON.stringify(lib)}; process.stdout.write(JSON.stringify(m[${JSON.stringify(fn)}](...${JSON.stringify(args)})));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('TAP: passed, failed (with cancelled) and skipped (with todo) are read from the closing comments', () => {
  const tap = ['TAP version 13', 'ok 1 - a', 'not ok 2 - b', 'ok 3 - c # SKIP', '1..3', '# tests 7', '# suites 0', '# pass 3', '# fail 1', '# cancelled 1', '# skipped 1', '# todo 1', '# duration_ms 12'].join('\n');
  assert.deepEqual(call('tapCounts', tap), { passed: 3, failed: 2, skipped: 2 });
  assert.deepEqual(call('tapCounts', ''), { passed: 0, failed: 0, skipped: 0 });
});

test("integration: the suite's closing line, and mocha's pending count as skipped", () => {
  const out = '  attention\n    ✔ opens\n    - later\n\n  5 passing (3s)\n  2 pending\n\nintegration: 5 passed, 0 failed\n';
  assert.deepEqual(call('integrationCounts', out), { passed: 5, failed: 0, skipped: 2 });
  assert.deepEqual(call('integrationCounts', 'integration: 4 passed, 1 failed\n'), { passed: 4, failed: 1, skipped: 0 });
  assert.equal(call('integrationCounts', 'crashed before the end'), null);
  const twoSessions = '  3 passing\n  1 pending\nintegration: 3 passed, 0 failed\n  2 passing\n  1 failing\n  2 pending\nintegration: 2 passed, 1 failed\n';
  assert.deepEqual(call('integrationCounts', twoSessions), { passed: 5, failed: 1, skipped: 3 });
});

test('the summary line adds up every suite, skipped included', () => {
  const line = call('summaryLine', [{ name: 'typecheck', passed: 1, failed: 0 }, { name: 'unit', passed: 10, failed: 1, skipped: 2 }, { name: 'integration', passed: 5, failed: 0, skipped: 1 }]);
  assert.equal(line, '16 passed, 1 failed, 3 skipped');
});
