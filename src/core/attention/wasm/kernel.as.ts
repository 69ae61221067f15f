// @ts-nocheck — AssemblyScript, not TypeScript: compiled by scripts/build-wasm-kernels.mjs (npm `assemblyscript`)
// to dist/attention-kernel.wasm with SIMD. tsc and esbuild never see it (nothing imports it).
//
// Batched matrix products for the Transformer's attention (scores q·kᵀ, context P·v and their gradients), which
// the tfjs wasm backend runs only through a generic loop (2–3 GFLOP/s) when there is a batch dimension.
// Pointers are byte addresses of f32 arrays in the imported memory; strides are in elements.

/**
 * For each of `batch` items: C[M,N] = A(M,K) · B(K,N), with C row-major contiguous (item stride M·N).
 * A(i,k) is at a + 4·(item·sA + i·rsA + k·csA) — a transposed A is just other strides.
 * B(k,j) is at b + 4·(item·sB + k·rsB + j·csB); when csB ≠ 1 each item's B is first copied row-major into
 * `scratch` (K·N floats) so the inner loop reads it four columns at a time.
 */
export function bmm(a: usize, sA: i32, rsA: i32, csA: i32, b: usize, sB: i32, rsB: i32, csB: i32, c: usize, scratch: usize, batch: i32, M: i32, K: i32, N: i32): void {
  const nBytes = <usize>N << 2;
  const N8 = N & ~7;
  const M4 = M & ~3;
  const rA = <usize>rsA << 2;
  const cA = <usize>csA << 2;
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
    const pC = c + ((<usize>item * <usize>M * <usize>N) << 2);
    // 4 × 8 tiles: four rows of A broadcast against two 4-wide vectors of a row of B.
    for (let j = 0; j < N8; j += 8) {
      let i = 0;
      for (; i < M4; i += 4) {
        let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
        let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
        let pa = pA + <usize>i * rA;
        let pb = pB + (<usize>j << 2);
        for (let k = 0; k < K; k++) {
          const b0 = v128.load(pb);
          const b1 = v128.load(pb, 16);
          const a0 = f32x4.splat(load<f32>(pa));
          const a1 = f32x4.splat(load<f32>(pa + rA));
          const a2 = f32x4.splat(load<f32>(pa + 2 * rA));
          const a3 = f32x4.splat(load<f32>(pa + 3 * rA));
          c00 = f32x4.add(c00, f32x4.mul(a0, b0));
          c01 = f32x4.add(c01, f32x4.mul(a0, b1));
          c10 = f32x4.add(c10, f32x4.mul(a1, b0));
          c11 = f32x4.add(c11, f32x4.mul(a1, b1));
          c20 = f32x4.add(c20, f32x4.mul(a2, b0));
          c21 = f32x4.add(c21, f32x4.mul(a2, b1));
          c30 = f32x4.add(c30, f32x4.mul(a3, b0));
          c31 = f32x4.add(c31, f32x4.mul(a3, b1));
          pa += cA;
          pb += nBytes;
        }
        const pc = pC + ((<usize>i * <usize>N + <usize>j) << 2);
        v128.store(pc, c00);
        v128.store(pc, c01, 16);
        v128.store(pc + nBytes, c10);
        v128.store(pc + nBytes, c11, 16);
        v128.store(pc + 2 * nBytes, c20);
        v128.store(pc + 2 * nBytes, c21, 16);
        v128.store(pc + 3 * nBytes, c30);
        v128.store(pc + 3 * nBytes, c31, 16);
      }
      for (; i < M; i++) {
        let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
        let pa = pA + <usize>i * rA;
        let pb = pB + (<usize>j << 2);
        for (let k = 0; k < K; k++) {
          const av = f32x4.splat(load<f32>(pa));
          c0 = f32x4.add(c0, f32x4.mul(av, v128.load(pb)));
          c1 = f32x4.add(c1, f32x4.mul(av, v128.load(pb, 16)));
          pa += cA;
          pb += nBytes;
        }
        const pc = pC + ((<usize>i * <usize>N + <usize>j) << 2);
        v128.store(pc, c0);
        v128.store(pc, c1, 16);
      }
    }
    // Remaining columns (N not a multiple of 8), one at a time.
    for (let j = N8; j < N; j++) {
      for (let i = 0; i < M; i++) {
        let s: f32 = 0;
        let pa = pA + <usize>i * rA;
        let pb = pB + (<usize>j << 2);
        for (let k = 0; k < K; k++) {
          s += load<f32>(pa) * load<f32>(pb);
          pa += cA;
          pb += nBytes;
        }
        store<f32>(pC + ((<usize>i * <usize>N + <usize>j) << 2), s);
      }
    }
  }
}
