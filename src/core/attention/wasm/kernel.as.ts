// @ts-nocheck — AssemblyScript, not TypeScript: compiled by scripts/build-wasm-kernels.mjs (npm `assemblyscript`)
// to dist/attention-kernel.wasm with SIMD. tsc and esbuild never see it (nothing imports it).
//
// Batched matrix products for the Transformer's attention (scores q·kᵀ, context P·v and their gradients), which
// the tfjs wasm backend runs only through a generic loop (2–3 GFLOP/s) when there is a batch dimension.
// Pointers are byte addresses of f32 arrays in the imported memory; strides are in elements.

import { gemm } from '../../wasm/gemm.as';

/**
 * For each of `batch` items: C[M,N] = A(M,K) · B(K,N), with C row-major contiguous (item stride M·N).
 * A(i,k) is at a + 4·(item·sA + i·rsA + k·csA) — a transposed A is just other strides.
 * B(k,j) is at b + 4·(item·sB + k·rsB + j·csB); when csB ≠ 1 each item's B is first copied row-major into
 * `scratch` (K·N floats) so the inner loop reads it four columns at a time.
 */
export function bmm(a: usize, sA: i32, rsA: i32, csA: i32, b: usize, sB: i32, rsB: i32, csB: i32, c: usize, scratch: usize, batch: i32, M: i32, K: i32, N: i32): void {
  for (let item = 0; item < batch; item++) {
    const pA = a + ((<usize>item * <usize>sA) << 2);
    let pB = b + ((<usize>item * <usize>sB) << 2);
    if (csB != 1 || rsB != N) {
      // Gather this item's B row-major into scratch.
      for (let k = 0; k < K; k++) {
        for (let j = 0; j < N; j++) {
          store<f32>(scratch + ((<usize>k * <usize>N + <usize>j) << 2), load<f32>(pB + ((<usize>k * <usize>rsB + <usize>j * <usize>csB) << 2)));
        }
      }
      pB = scratch;
    }
    gemm(pA, rsA, csA, pB, c + ((<usize>item * <usize>M * <usize>N) << 2), M, K, N, 0);
  }
}
