/**
 * The numeric kernels of the LSTM language model behind one interface, with two implementations:
 * - `wasm`: the AssemblyScript SIMD kernel (src/core/lstm/wasm/kernel.as.ts → dist/lstm-kernel.wasm), float32, on
 *   buffers inside its own WebAssembly memory — the fast path.
 * - `js`: plain loops over Float32Array or Float64Array with exactly the same semantics — the readable reference
 *   and fallback, and (in float64) what the finite-difference gradient check runs on.
 * Buffers are passed as (array, element offset) pairs so per-time-step slices cost nothing.
 */
import * as fs from 'node:fs';
import { findDistFile } from '../util/distFile';

export type FArr = Float32Array | Float64Array;

export interface Ops {
  readonly kind: 'wasm' | 'js32' | 'js64';
  allocF(n: number): FArr;
  allocI(n: number): Int32Array;
  /** C[M,N] (+)= A(M,K)·B[K,N]; A(i,k) = a[ao + i*rsA + k*csA]; B, C row-major contiguous. */
  gemm(a: FArr, ao: number, rsA: number, csA: number, b: FArr, bo: number, c: FArr, co: number, M: number, K: number, N: number, acc: boolean): void;
  lstmFwd(z: FArr, zo: number, cPrev: FArr, cpo: number, c: FArr, co: number, tc: FArr, tco: number, h: FArr, ho: number, B: number, H: number): void;
  lstmBwd(act: FArr, ao: number, cPrev: FArr, cpo: number, tc: FArr, tco: number, dOut: FArr, doo: number, dhNext: FArr, dcNext: FArr, dz: FArr, dzo: number, B: number, H: number, hasNext: boolean): void;
  /** Summed softmax cross-entropy of n rows; dl (optional) gets (softmax − onehot)·scale; surp (optional) each row's loss. */
  softmaxXent(logits: FArr, targets: Int32Array, n: number, V: number, dl: FArr | null, scale: number, surp: FArr | null): number;
  gatherRows(table: FArr, ids: Int32Array, n: number, w: number, bias: FArr | null, bo: number, out: FArr): void;
  scatterAddRows(d: FArr, ids: Int32Array, n: number, w: number, out: FArr, oo: number): void;
  colSumAdd(x: FArr, rows: number, w: number, out: FArr, oo: number): void;
  addRowBias(x: FArr, bias: FArr, bo: number, n: number, w: number): void;
  mulInPlace(x: FArr, m: FArr, n: number): void;
  /** The sampled softmax's rows in the kernel (wasm only; see sampledRows in wasm/kernel.as.ts): all arrays from allocF/allocI. */
  sampledRows?(z: FArr, cb: FArr, zt: FArr, hits: Int32Array, n: number, K: number, scale: number, dzt: FArr, surp: FArr): number;
}

// ---------------------------------------------------------------- plain JS

export function createJsOps(precision: 32 | 64 = 32): Ops {
  const F = precision === 64 ? Float64Array : Float32Array;
  const sigm = (x: number) => 1 / (1 + Math.exp(-x));
  return {
    kind: precision === 64 ? 'js64' : 'js32',
    allocF: (n) => new F(n),
    allocI: (n) => new Int32Array(n),
    gemm(a, ao, rsA, csA, b, bo, c, co, M, K, N, acc) {
      for (let i = 0; i < M; i++) {
        const cr = co + i * N;
        if (!acc) c.fill(0, cr, cr + N);
        for (let k = 0; k < K; k++) {
          const av = a[ao + i * rsA + k * csA];
          if (av === 0) continue;
          const br = bo + k * N;
          for (let j = 0; j < N; j++) c[cr + j] += av * b[br + j];
        }
      }
    },
    lstmFwd(z, zo, cPrev, cpo, c, co, tc, tco, h, ho, B, H) {
      for (let b = 0; b < B; b++) {
        const zr = zo + b * 4 * H;
        for (let j = 0; j < H; j++) {
          const gi = sigm(z[zr + j]);
          const gf = sigm(z[zr + H + j]);
          const gg = Math.tanh(z[zr + 2 * H + j]);
          const go = sigm(z[zr + 3 * H + j]);
          z[zr + j] = gi;
          z[zr + H + j] = gf;
          z[zr + 2 * H + j] = gg;
          z[zr + 3 * H + j] = go;
          const cv = gf * cPrev[cpo + b * H + j] + gi * gg;
          c[co + b * H + j] = cv;
          const t = Math.tanh(cv);
          tc[tco + b * H + j] = t;
          h[ho + b * H + j] = go * t;
        }
      }
    },
    lstmBwd(act, ao, cPrev, cpo, tc, tco, dOut, doo, dhNext, dcNext, dz, dzo, B, H, hasNext) {
      for (let b = 0; b < B; b++) {
        const zr = ao + b * 4 * H;
        const dr = dzo + b * 4 * H;
        for (let j = 0; j < H; j++) {
          const k = b * H + j;
          const gi = act[zr + j];
          const gf = act[zr + H + j];
          const gg = act[zr + 2 * H + j];
          const go = act[zr + 3 * H + j];
          let dh = dOut[doo + k];
          let dcn = 0;
          if (hasNext) {
            dh += dhNext[k];
            dcn = dcNext[k];
          }
          const t = tc[tco + k];
          const dc = dh * go * (1 - t * t) + dcn;
          dcNext[k] = dc * gf;
          dz[dr + j] = dc * gg * gi * (1 - gi);
          dz[dr + H + j] = dc * cPrev[cpo + k] * gf * (1 - gf);
          dz[dr + 2 * H + j] = dc * gi * (1 - gg * gg);
          dz[dr + 3 * H + j] = dh * t * go * (1 - go);
        }
      }
    },
    softmaxXent(logits, targets, n, V, dl, scale, surp) {
      let total = 0;
      for (let r = 0; r < n; r++) {
        const o = r * V;
        let mx = -Infinity;
        for (let k = 0; k < V; k++) mx = Math.max(mx, logits[o + k]);
        let s = 0;
        for (let k = 0; k < V; k++) s += Math.exp(logits[o + k] - mx);
        const lse = Math.log(s) + mx;
        const tgt = targets[r];
        const loss = lse - logits[o + tgt];
        total += loss;
        if (surp) surp[r] = loss;
        if (dl) {
          for (let k = 0; k < V; k++) dl[o + k] = Math.exp(logits[o + k] - lse) * scale;
          dl[o + tgt] -= scale;
        }
      }
      return total;
    },
    gatherRows(table, ids, n, w, bias, bo, out) {
      for (let r = 0; r < n; r++) {
        const s = ids[r] * w;
        for (let k = 0; k < w; k++) out[r * w + k] = table[s + k] + (bias ? bias[bo + k] : 0);
      }
    },
    scatterAddRows(d, ids, n, w, out, oo) {
      for (let r = 0; r < n; r++) {
        const t = oo + ids[r] * w;
        for (let k = 0; k < w; k++) out[t + k] += d[r * w + k];
      }
    },
    colSumAdd(x, rows, w, out, oo) {
      for (let r = 0; r < rows; r++) for (let k = 0; k < w; k++) out[oo + k] += x[r * w + k];
    },
    addRowBias(x, bias, bo, n, w) {
      for (let r = 0; r < n; r++) for (let k = 0; k < w; k++) x[r * w + k] += bias[bo + k];
    },
    mulInPlace(x, m, n) {
      for (let i = 0; i < n; i++) x[i] *= m[i];
    },
  };
}

// ---------------------------------------------------------------- WebAssembly

export const KERNEL_FILE = 'lstm-kernel.wasm';
const HEAP_BASE = 65536; // the kernel's static data (math tables) lives below this
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** Where dist/lstm-kernel.wasm is: beside the bundle or in any parent's dist/. */
function findKernelFile(): string | undefined {
  return findDistFile(KERNEL_FILE);
}

/** The compiled kernel module, or null when dist/lstm-kernel.wasm is missing or invalid (then use the JS ops). */
export function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const f = findKernelFile();
  try {
    compiled = f ? new WebAssembly.Module(fs.readFileSync(f)) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

interface KernelExports {
  gemm(a: number, rsA: number, csA: number, b: number, c: number, M: number, K: number, N: number, acc: number): void;
  lstmFwd(z: number, cPrev: number, c: number, tc: number, h: number, B: number, H: number): void;
  lstmBwd(act: number, cPrev: number, tc: number, dOut: number, dhNext: number, dcNext: number, dz: number, B: number, H: number, hasNext: number): void;
  softmaxXent(logits: number, targets: number, n: number, V: number, dl: number, scale: number, surp: number): number;
  gatherRows(table: number, ids: number, n: number, w: number, bias: number, out: number): void;
  scatterAddRows(d: number, ids: number, n: number, w: number, out: number): void;
  colSumAdd(x: number, rows: number, w: number, out: number): void;
  addRowBias(x: number, bias: number, n: number, w: number): void;
  mulInPlace(x: number, m: number, n: number): void;
  sampledRows(z: number, cb: number, zt: number, hits: number, n: number, K: number, scale: number, dzt: number, surp: number): number;
}

/**
 * Wasm ops with room for `bytes` of buffers, each in its own memory (so a memory never grows and views never
 * detach). Returns null if the kernel is unavailable.
 */
export function createWasmOps(bytes: number): Ops | null {
  const mod = kernelModule();
  if (!mod) return null;
  const pages = Math.ceil((HEAP_BASE + bytes + 16 * 64) / PAGE) + 1;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    throw new Error(`could not reserve ${Math.ceil((pages * PAGE) / 2 ** 20)} MB of memory for the LSTM; use a smaller batch, sequence length, hidden size or vocabulary`);
  }
  const k = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as KernelExports;
  const buf = memory.buffer;
  let next = HEAP_BASE;
  const limit = pages * PAGE;
  const take = (n: number) => {
    const at = next;
    next += Math.ceil((n * 4) / 16) * 16;
    if (next > limit) throw new Error(`internal: LSTM kernel workspace overflow (${next} > ${limit} bytes)`);
    return at;
  };
  const p = (x: FArr | Int32Array, o = 0) => x.byteOffset + o * 4;
  return {
    kind: 'wasm',
    allocF: (n) => new Float32Array(buf, take(n), n),
    allocI: (n) => new Int32Array(buf, take(n), n),
    gemm: (a, ao, rsA, csA, b, bo, c, co, M, K, N, acc) => k.gemm(p(a, ao), rsA, csA, p(b, bo), p(c, co), M, K, N, acc ? 1 : 0),
    lstmFwd: (z, zo, cPrev, cpo, c, co, tc, tco, h, ho, B, H) => k.lstmFwd(p(z, zo), p(cPrev, cpo), p(c, co), p(tc, tco), p(h, ho), B, H),
    lstmBwd: (act, ao, cPrev, cpo, tc, tco, dOut, doo, dhNext, dcNext, dz, dzo, B, H, hasNext) =>
      k.lstmBwd(p(act, ao), p(cPrev, cpo), p(tc, tco), p(dOut, doo), p(dhNext), p(dcNext), p(dz, dzo), B, H, hasNext ? 1 : 0),
    softmaxXent: (logits, targets, n, V, dl, scale, surp) => k.softmaxXent(p(logits), p(targets), n, V, dl ? p(dl) : 0, scale, surp ? p(surp) : 0),
    gatherRows: (table, ids, n, w, bias, bo, out) => k.gatherRows(p(table), p(ids), n, w, bias ? p(bias, bo) : 0, p(out)),
    scatterAddRows: (d, ids, n, w, out, oo) => k.scatterAddRows(p(d), p(ids), n, w, p(out, oo)),
    colSumAdd: (x, rows, w, out, oo) => k.colSumAdd(p(x), rows, w, p(out, oo)),
    addRowBias: (x, bias, bo, n, w) => k.addRowBias(p(x), p(bias, bo), n, w),
    mulInPlace: (x, m, n) => k.mulInPlace(p(x), p(m), n),
    sampledRows: (z, cb, zt, hits, n, K, scale, dzt, surp) => k.sampledRows(p(z), p(cb), p(zt), p(hits), n, K, scale, p(dzt), p(surp)),
  };
}
