/**
 * Batched matrix products for attention on the AssemblyScript SIMD kernel (src/core/attention/wasm/kernel.as.ts →
 * dist/attention-kernel.wasm). tfjs's wasm backend computes a matMul with a batch dimension by a generic loop at
 * 2–3 GFLOP/s; the kernel's 4×8 register tiles do several times better. Inputs are copied from tfjs into the
 * kernel's memory and the result back (a few hundred kB per product, far cheaper than the product).
 * When the binary is missing or the tensors are very large, `bmm` falls back to tf.matMul — same result.
 */
import * as fs from 'node:fs';
import { findDistFile } from '../util/distFile';
import { tf } from '../tf/backend';

export const KERNEL_FILE = 'attention-kernel.wasm';
/** Above this many bytes of operands the fallback is used rather than growing the kernel's memory further. */
const MAX_KERNEL_BYTES = 256 * 1024 * 1024;

type BmmFn = (a: number, sA: number, rsA: number, csA: number, b: number, sB: number, rsB: number, csB: number, c: number, scratch: number, batch: number, M: number, K: number, N: number) => void;

interface Kernel {
  memory: WebAssembly.Memory;
  bmm: BmmFn;
}

let kernel: Kernel | null | undefined;
let disabled = false;

/** dist/attention-kernel.wasm beside this bundle or in a dist/ folder above it (tests, benchmarks). */
function findKernel(): string | undefined {
  return findDistFile(KERNEL_FILE);
}

function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  kernel = null;
  const file = findKernel();
  if (!file) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: 64 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), { env: { memory } });
    kernel = { memory, bmm: instance.exports.bmm as unknown as BmmFn };
  } catch {
    kernel = null;
  }
  return kernel;
}

/** Whether products run on the kernel (false: tf.matMul). `setKernelEnabled(false)` forces the fallback (tests). */
export function kernelAvailable(): boolean {
  return !disabled && load() !== null;
}

export function setKernelEnabled(on: boolean): void {
  disabled = !on;
}

const align = (n: number) => (n + 15) & ~15;

/**
 * a·b for every item of a batch: a [batch, M, K] (or [batch, K, M] with transA), b [batch, K, N] (or [batch, N, K]
 * with transB) → [batch, M, N]. Not differentiable by tfjs: the Transformer's backward pass is written by hand.
 */
export function bmm(a: tf.Tensor3D, b: tf.Tensor3D, transA = false, transB = false): tf.Tensor3D {
  const [batch, a1, a2] = a.shape;
  const [batchB, b1, b2] = b.shape;
  const M = transA ? a2 : a1;
  const K = transA ? a1 : a2;
  const N = transB ? b1 : b2;
  const KB = transB ? b2 : b1;
  if (batch !== batchB || K !== KB) throw new Error(`bmm: shapes [${a.shape}]${transA ? 'ᵀ' : ''} and [${b.shape}]${transB ? 'ᵀ' : ''} do not match`);
  const bytesA = align(4 * a.size);
  const bytesB = align(4 * b.size);
  const bytesC = align(4 * batch * M * N);
  const bytesS = align(4 * K * N);
  const total = bytesA + bytesB + bytesC + bytesS;
  const k = disabled || total > MAX_KERNEL_BYTES ? null : load();
  if (!k) return tf.matMul(a, b, transA, transB);
  const have = k.memory.buffer.byteLength;
  if (have < total) k.memory.grow(Math.ceil((total - have) / 65536));
  const heap = new Float32Array(k.memory.buffer);
  const offB = bytesA;
  const offC = bytesA + bytesB;
  const offS = offC + bytesC;
  heap.set(a.dataSync() as Float32Array, 0);
  heap.set(b.dataSync() as Float32Array, offB / 4);
  // A(i,k): stored [M,K] → rows K apart; stored [K,M] (transA) → rows 1 apart, columns M apart. B(k,j) likewise.
  k.bmm(0, a1 * a2, transA ? 1 : K, transA ? M : 1, offB, b1 * b2, transB ? 1 : N, transB ? K : 1, offC, offS, batch, M, K, N);
  return tf.tensor3d(heap.slice(offC / 4, offC / 4 + batch * M * N), [batch, M, N]);
}
