#!/usr/bin/env node
// Compiles the word2vec SIMD kernel (AssemblyScript, src/core/word2vec/wasm/kernel.ts) to dist/w2v-kernel.wasm.
// The binary is never committed: it is built from source here, and skipped when it is newer than its source.
// Called from scripts/build.mjs; can also run alone: `node scripts/build-w2v-wasm.mjs [--force]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(root, 'src/core/word2vec/wasm/kernel.ts');
const OUT = path.join(root, 'dist/w2v-kernel.wasm');

export async function buildW2vWasm({ force = false } = {}) {
  if (!force && fs.existsSync(OUT) && fs.statSync(OUT).mtimeMs >= fs.statSync(SRC).mtimeMs) return false;
  const asc = await import('assemblyscript/asc');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const { error, stderr } = await asc.main([
    path.relative(root, SRC),
    '--outFile', path.relative(root, OUT),
    '-O3', '--noAssert', '--runtime', 'stub',
    // One memory shared by every thread's instance: imported, shared, up to 4 GiB.
    '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536',
    '--enable', 'simd', '--enable', 'threads',
  ], { stdout: process.stdout, stderr: process.stderr, baseDir: root });
  if (error) throw new Error(`w2v kernel build failed: ${error.message}\n${stderr.toString()}`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildW2vWasm({ force: process.argv.includes('--force') });
}
