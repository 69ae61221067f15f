#!/usr/bin/env node
// `npm test`: every test, on a fresh clone with nothing installed beforehand.
//   1. setup: npm packages, Debian packages (chromium, ripgrep, ...), code-server 4.100.3 from npm
//   2. build (esbuild) and typecheck (tsc --noEmit)
//   3. unit tests (node:test), integration tests (mocha in code-server's extension host), end-to-end tests
//      (Playwright driving code-server in Debian's Chromium; screenshots in test-results/screenshots/)
// Ends with one line "N passed, N failed, N skipped". Options: --only=unit,integration,e2e
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, ensureCodeServerInstalled, ensureNodeModules, ensureSystemDeps, log, root } from './lib.mjs';
import { integrationCounts, summaryLine, tapCounts } from './test-counts.mjs';

if (process.argv.includes('--help')) {
  process.stdout.write('usage: node scripts/test-all.mjs [--only=unit,integration,e2e]\n  setup, build, typecheck, then the chosen test suites; ends with "N passed, N failed, N skipped"\n');
  process.exit(0);
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s) => !only || only.includes(s);
const results = [];
const t0 = Date.now();

/** Run a command, echo its output, and return { code, output }. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    p.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    p.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** node:test on every *.test.js under `dir`; with `runner`, as `node <runner> --test …` (which runs node itself). */
async function nodeTests(name, dir, extra = [], runner) {
  const tap = path.join(root, 'test-results', `${name}.tap`);
  fs.mkdirSync(path.dirname(tap), { recursive: true });
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)) : [];
  if (!files.length) {
    results.push({ name, passed: 0, failed: 1, note: `no test files in ${path.relative(root, dir)}` });
    return;
  }
  const { code } = await run(process.execPath, [...(runner && fs.existsSync(runner) ? [runner] : []), '--test', ...extra, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const c = tapCounts(fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '');
  if (code !== 0 && c.failed === 0) c.failed = 1;
  results.push({ name, ...c });
}

try {
  log('[test] setup');
  ensureNodeModules();
  if (want('integration') || want('e2e')) {
    ensureSystemDeps();
    await ensureCodeServerInstalled();
  }
  build();
  const tsc = await run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit']);
  results.push({ name: 'typecheck', passed: tsc.code === 0 ? 1 : 0, failed: tsc.code === 0 ? 0 : 1 });
  // Unit test files run two at a time (node's default on two cores is one): each file is one mostly single-threaded
  // process. Integration and e2e each drive one code-server at a time.
  if (want('unit')) await nodeTests('unit', path.join(root, 'dist', 'test', 'unit'), ['--test-concurrency=2']);
  if (want('integration')) {
    const { code, output } = await run(process.execPath, [path.join(root, 'dist', 'test', 'integration', 'run.js')]);
    const c = integrationCounts(output) ?? { passed: 0, failed: 1, skipped: 0 };
    if (code !== 0 && c.failed === 0) c.failed = 1;
    results.push({ name: 'integration', ...c });
  }
  // The e2e suites' sessions share one code-server and Chromium started by dist/test/e2e/run.js.
  if (want('e2e')) await nodeTests('e2e', path.join(root, 'dist', 'test', 'e2e'), [], path.join(root, 'dist', 'test', 'e2e', 'run.js'));
} catch (e) {
  log(`[test] ${e instanceof Error ? e.message : String(e)}`);
  results.push({ name: 'setup', passed: 0, failed: 1 });
}

const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\n[test] summary');
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${summaryLine([r])}${r.note ? ` (${r.note})` : ''}`);
console.log(`[test] ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(summaryLine(results));
process.exit(failed > 0 ? 1 : 0);
