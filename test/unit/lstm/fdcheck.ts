/** The finite-difference check of an LSTM workspace's gradient, shared by the cell and distillation tests. */
import assert from 'node:assert/strict';
import { paramLayout, type LstmConfig, type Workspace } from '../../../src/core/lstm/model';

/**
 * Runs `loss` once and the backward pass, then compares every parameter's analytic gradient with a central difference
 * of `loss`. The error of each element is taken relative to the scale of its tensor: central differences in float64
 * carry an absolute rounding error of about 1e-10 here, so elementwise relative errors of near-zero entries are noise.
 */
export function assertGradientMatchesFiniteDifferences(ws: Workspace, cfg: LstmConfig, loss: () => number): void {
  loss();
  ws.backward();
  const analytic = Float64Array.from(ws.grad);
  const eps = 1e-6;
  for (const e of paramLayout(cfg).entries) {
    let maxAbs = 0;
    let maxErr = 0;
    for (let i = e.offset; i < e.offset + e.size; i++) {
      const keep = ws.theta[i];
      ws.theta[i] = keep + eps;
      const lp = loss();
      ws.theta[i] = keep - eps;
      const lm = loss();
      ws.theta[i] = keep;
      maxAbs = Math.max(maxAbs, Math.abs(analytic[i]));
      maxErr = Math.max(maxErr, Math.abs(analytic[i] - (lp - lm) / (2 * eps)));
    }
    assert.ok(maxAbs > 1e-4, `${e.name}: gradient is (nearly) zero, the check would prove nothing`);
    assert.ok(maxErr / maxAbs < 1e-6, `${e.name}: finite-difference error ${(maxErr / maxAbs).toExponential(2)} of the tensor's largest gradient`);
  }
}
