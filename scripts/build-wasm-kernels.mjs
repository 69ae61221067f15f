#!/usr/bin/env node
// Compiles the project's WebAssembly SIMD kernels (AssemblyScript sources, npm `assemblyscript`) into dist/. The
// binaries are never committed: they are built from source here, each skipped when it is newer than its source.
// Called from scripts/build.mjs; can also run alone: `node scripts/build-wasm-kernels.mjs [--force]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAIN = ['--use', 'abort=', '--importMemory', '--enable', 'simd'];
/** The matrix product the LSTM and attention kernels import. */
const GEMM = 'src/core/wasm/gemm.as.ts';

/** Each kernel: its source (and the sources it imports), its output, and the flags beyond `-O3 --noAssert --runtime stub`. */
export const KERNELS = [
  {
    name: 'word2vec',
    src: 'src/core/word2vec/wasm/kernel.ts',
    out: 'dist/w2v-kernel.wasm',
    // One memory shared by every thread's instance: imported, shared, up to 4 GiB.
    flags: ['--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536', '--enable', 'simd', '--enable', 'threads'],
  },
  { name: 'LSTM', src: 'src/core/lstm/wasm/kernel.as.ts', deps: [GEMM], out: 'dist/lstm-kernel.wasm', flags: PLAIN },
  { name: 'attention', src: 'src/core/attention/wasm/kernel.as.ts', deps: [GEMM], out: 'dist/attention-kernel.wasm', flags: PLAIN },
];

/** Build the kernels that are out of date (all with `force`). Returns the names of those built. */
export async function buildWasmKernels({ force = false } = {}) {
  const built = [];
  for (const k of KERNELS) {
    const out = path.join(root, k.out);
    const newest = Math.max(...[k.src, ...(k.deps ?? [])].map((f) => fs.statSync(path.join(root, f)).mtimeMs));
    if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= newest) continue;
    const asc = await import('assemblyscript/asc');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const { error, stderr } = await asc.main([k.src, '--outFile', k.out, '-O3', '--noAssert', '--runtime', 'stub', ...k.flags], { stdout: process.stdout, stderr: process.stderr, baseDir: root });
    if (error) throw new Error(`${k.name} kernel build failed: ${error.message}\n${stderr.toString()}`);
    built.push(k.name);
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWasmKernels({ force: process.argv.includes('--force') });
}
