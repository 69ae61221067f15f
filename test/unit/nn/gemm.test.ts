import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWasmOps } from '../../../src/core/lstm/ops';
import { Rng } from '../../../src/core/util/rng';

/**
 * The kernels' SIMD matrix product (src/core/wasm/gemm.as.ts, through the LSTM kernel) against a float64 triple loop:
 * shapes with more rows than columns (visited row strip by row strip) and fewer (column strip by column strip), with
 * remainders of the 4 × 8 tiles on both sides, a transposed A (strides) and accumulation into C.
 */
const SHAPES: [number, number, number][] = [[37, 13, 22], [64, 70, 9], [5, 3, 41], [8, 16, 8], [130, 64, 19], [19, 64, 130], [1, 7, 1]];

for (const transA of [false, true]) {
  for (const acc of [false, true]) {
    test(`gemm equals the plain product (${transA ? 'Aᵀ' : 'A'}, ${acc ? 'accumulating' : 'overwriting'})`, () => {
      const rng = new Rng(3);
      for (const [M, K, N] of SHAPES) {
        const ops = createWasmOps(4 * (M * K + K * N + M * N) + 1024);
        assert.ok(ops, 'the LSTM kernel is built');
        const a = ops.allocF(M * K);
        const b = ops.allocF(K * N);
        const c = ops.allocF(M * N);
        a.forEach((_, i) => (a[i] = rng.next() * 2 - 1));
        b.forEach((_, i) => (b[i] = rng.next() * 2 - 1));
        c.forEach((_, i) => (c[i] = rng.next() * 2 - 1));
        const c0 = Float64Array.from(c);
        // A(i,k) at a[i*rsA + k*csA]: stored [M,K] (rsA = K, csA = 1) or [K,M] (rsA = 1, csA = M)
        const [rsA, csA] = transA ? [1, M] : [K, 1];
        ops.gemm(a, 0, rsA, csA, b, 0, c, 0, M, K, N, acc);
        let worst = 0;
        for (let i = 0; i < M; i++) {
          for (let j = 0; j < N; j++) {
            let s = acc ? c0[i * N + j] : 0;
            for (let k = 0; k < K; k++) s += a[i * rsA + k * csA] * b[k * N + j];
            worst = Math.max(worst, Math.abs(s - c[i * N + j]));
          }
        }
        assert.ok(worst < 1e-4, `${M}×${K}×${N}: differs by ${worst}`);
      }
    });
  }
}
