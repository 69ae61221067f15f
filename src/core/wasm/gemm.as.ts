// @ts-nocheck — AssemblyScript, not TypeScript: compiled into the LSTM and attention kernels (they import it) by
// scripts/build-wasm-kernels.mjs. tsc and esbuild never see it.
//
// The one SIMD matrix product of the kernels: 4 × 8 tiles (four rows of A broadcast against two 4-wide vectors of a
// row of B), then 4-wide and single columns.

/** One 4 × 8 tile of C: rows i..i+3, columns j..j+7 (byte strides rsB, csB of A; nB of B's and C's rows). */
// @ts-ignore: decorator
@inline
function tile48(a: usize, rsB: usize, csB: usize, b: usize, c: usize, i: i32, j: i32, K: i32, N: i32, nB: usize, acc: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let pa = a + <usize>i * rsB;
  let pb = b + (<usize>j << 2);
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let av = f32x4.splat(load<f32>(pa));
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = f32x4.splat(load<f32>(pa + rsB));
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = f32x4.splat(load<f32>(pa + 2 * rsB));
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = f32x4.splat(load<f32>(pa + 3 * rsB));
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
    pa += csB;
    pb += nB;
  }
  let pc = c + ((<usize>i * <usize>N + <usize>j) << 2);
  if (acc) {
    c00 = f32x4.add(c00, v128.load(pc)); c01 = f32x4.add(c01, v128.load(pc, 16));
    c10 = f32x4.add(c10, v128.load(pc + nB)); c11 = f32x4.add(c11, v128.load(pc + nB, 16));
    c20 = f32x4.add(c20, v128.load(pc + 2 * nB)); c21 = f32x4.add(c21, v128.load(pc + 2 * nB, 16));
    c30 = f32x4.add(c30, v128.load(pc + 3 * nB)); c31 = f32x4.add(c31, v128.load(pc + 3 * nB, 16));
  }
  v128.store(pc, c00); v128.store(pc, c01, 16);
  v128.store(pc + nB, c10); v128.store(pc + nB, c11, 16);
  v128.store(pc + 2 * nB, c20); v128.store(pc + 2 * nB, c21, 16);
  v128.store(pc + 3 * nB, c30); v128.store(pc + 3 * nB, c31, 16);
}

/** One row of C over columns j..j+7. */
// @ts-ignore: decorator
@inline
function row8(a: usize, rsB: usize, csB: usize, b: usize, c: usize, i: i32, j: i32, K: i32, N: i32, nB: usize, acc: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
  let pa = a + <usize>i * rsB;
  let pb = b + (<usize>j << 2);
  for (let k = 0; k < K; k++) {
    const av = f32x4.splat(load<f32>(pa));
    c0 = f32x4.add(c0, f32x4.mul(av, v128.load(pb)));
    c1 = f32x4.add(c1, f32x4.mul(av, v128.load(pb, 16)));
    pa += csB;
    pb += nB;
  }
  const pc = c + ((<usize>i * <usize>N + <usize>j) << 2);
  if (acc) {
    c0 = f32x4.add(c0, v128.load(pc));
    c1 = f32x4.add(c1, v128.load(pc, 16));
  }
  v128.store(pc, c0);
  v128.store(pc, c1, 16);
}

/**
 * C[M,N] (+)= A(M,K) · B[K,N]. A(i,k) is at a + 4*(i*rsA + k*csA) (so a transposed A is just other strides);
 * B and C are row-major and contiguous. acc != 0 adds to C, else overwrites it. The tiles are visited column strip
 * by column strip (B's strip stays in cache while A streams) or, when A is the larger operand, row strip by row
 * strip (A's four rows stay in cache while B streams); every element sums over k in the same order either way.
 */
export function gemm(a: usize, rsA: i32, csA: i32, b: usize, c: usize, M: i32, K: i32, N: i32, acc: i32): void {
  const rsB = <usize>rsA << 2;
  const csB = <usize>csA << 2;
  const nB = <usize>N << 2;
  const N8 = N & ~7;
  const N4 = N & ~3;
  const M4 = M & ~3;
  if (M > N) {
    for (let i = 0; i < M4; i += 4) for (let j = 0; j < N8; j += 8) tile48(a, rsB, csB, b, c, i, j, K, N, nB, acc);
    for (let j = 0; j < N8; j += 8) for (let i = M4; i < M; i++) row8(a, rsB, csB, b, c, i, j, K, N, nB, acc);
  } else {
    for (let j = 0; j < N8; j += 8) {
      let i = 0;
      for (; i < M4; i += 4) tile48(a, rsB, csB, b, c, i, j, K, N, nB, acc);
      for (; i < M; i++) row8(a, rsB, csB, b, c, i, j, K, N, nB, acc);
    }
  }
  for (let j = N8; j < N4; j += 4) {
    for (let i = 0; i < M; i++) {
      let c0 = f32x4.splat(0);
      let pa = a + <usize>i * rsB;
      let pb = b + (<usize>j << 2);
      for (let k = 0; k < K; k++) {
        c0 = f32x4.add(c0, f32x4.mul(f32x4.splat(load<f32>(pa)), v128.load(pb)));
        pa += csB;
        pb += nB;
      }
      const pc = c + ((<usize>i * <usize>N + <usize>j) << 2);
      if (acc) c0 = f32x4.add(c0, v128.load(pc));
      v128.store(pc, c0);
    }
  }
  for (let j = N4; j < N; j++) {
    for (let i = 0; i < M; i++) {
      let s: f32 = 0;
      let pa = a + <usize>i * rsB;
      let pb = b + (<usize>j << 2);
      for (let k = 0; k < K; k++) {
        s += load<f32>(pa) * load<f32>(pb);
        pa += csB;
        pb += nB;
      }
      const pc = c + ((<usize>i * <usize>N + <usize>j) << 2);
      store<f32>(pc, acc ? load<f32>(pc) + s : s);
    }
  }
}
