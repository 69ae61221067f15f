#!/usr/bin/env node
// Compiles the attention kernel (AssemblyScript with SIMD, src/core/attention/wasm/kernel.as.ts) to
// dist/attention-kernel.wasm. The binary is never committed: it is built from source here, and skipped when it is
// newer than its source. Called from scripts/build.mjs; can also run alone: `node scripts/build-attention-kernel.mjs [--force]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(root, 'src/core/attention/wasm/kernel.as.ts');
const OUT = path.join(root, 'dist/attention-kernel.wasm');

export async function buildAttentionKernel({ force = false } = {}) {
  if (!force && fs.existsSync(OUT) && fs.statSync(OUT).mtimeMs >= fs.statSync(SRC).mtimeMs) return false;
  const asc = await import('assemblyscript/asc');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const { error, stderr } = await asc.main(
    [path.relative(root, SRC), '--outFile', path.relative(root, OUT), '-O3', '--noAssert', '--runtime', 'stub', '--use', 'abort=', '--importMemory', '--enable', 'simd'],
    { stdout: process.stdout, stderr: process.stderr, baseDir: root },
  );
  if (error) throw new Error(`attention kernel build failed: ${error.message}\n${stderr.toString()}`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildAttentionKernel({ force: process.argv.includes('--force') });
}
