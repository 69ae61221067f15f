/** The finite-difference check of an LSTM workspace's gradient, shared by the cell, distillation and sampled-softmax tests. */
import assert from 'node:assert/strict';
import { initParams, paramLayout, Workspace, type LstmConfig } from '../../../src/core/lstm/model';
import type { SampledClasses } from '../../../src/core/nn/sampledSoftmax';
import { Rng } from '../../../src/core/util/rng';

/**
 * A B × T training workspace with perturbed initial parameters, random inputs, targets and initial state, and its
 * loss as a function of its parameters. With `sampled`, it trains with the sampled softmax on those classes.
 */
export function setup(cfg: LstmConfig, B: number, T: number, ops: 'js64' | 'js32' | 'wasm', seed = 5, sampled: SampledClasses | null = null) {
  const ws = new Workspace(cfg, B, T, { ops, ...(sampled ? { sampledClasses: sampled.ids.length } : {}) });
  ws.sampledSet = sampled;
  initParams(cfg, seed, ws.theta);
  const rng = new Rng(seed + 1);
  // perturb every parameter (biases included) so no gradient is trivially zero
  for (let i = 0; i < ws.theta.length; i++) ws.theta[i] += (rng.next() - 0.5) * 0.4;
  const inputs = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const targets = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const state = Array.from({ length: 2 * cfg.layers * B * cfg.hidden }, () => (rng.next() - 0.5) * 0.5);
  if (cfg.dropout > 0) ws.sampleMasks(new Rng(seed + 2));
  const loss = () => {
    ws.setState(state);
    return ws.forward(inputs, targets, true);
  };
  return { ws, loss };
}

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
