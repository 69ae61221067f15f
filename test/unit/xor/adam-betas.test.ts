/**
 * The XOR trainer's Adam with the decay rates a note writes (β₁, β₂): its loss curve against an independent float64
 * implementation of the same network, loss and Adam update, written out here by hand.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { initTf } from '../../../src/core/tf/backend';
import { trainXor, XOR_X, XOR_Y } from '../../../src/core/xor/mlp';
import { Rng } from '../../../src/core/util/rng';

before(async () => {
  await initTf();
});

/** The loss before each of `epochs` full-batch Adam updates of the tanh MLP, in float64. */
function referenceLosses(hidden: number, seed: number, lr: number, b1: number, b2: number, epochs: number): number[] {
  const rng = new Rng(seed);
  const glorot = (rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    return Array.from({ length: rows * cols }, () => (Math.fround(rng.next() * 2 - 1) * limit));
  };
  // parameters as one vector: W1 (2×H, row-major), b1 (H), w2 (H), b2 (1)
  const W1 = glorot(2, hidden).map(Math.fround);
  const w2 = glorot(hidden, 1).map(Math.fround);
  const theta = [...W1, ...new Array(hidden).fill(0), ...w2, 0];
  const m = new Array(theta.length).fill(0);
  const v = new Array(theta.length).fill(0);
  const losses: number[] = [];
  for (let t = 1; t <= epochs; t++) {
    const g = new Array(theta.length).fill(0);
    let loss = 0;
    for (let n = 0; n < 4; n++) {
      const [x0, x1] = XOR_X[n];
      const h: number[] = [];
      for (let j = 0; j < hidden; j++) h.push(Math.tanh(x0 * theta[j] + x1 * theta[hidden + j] + theta[2 * hidden + j]));
      let z = theta[4 * hidden];
      for (let j = 0; j < hidden; j++) z += h[j] * theta[3 * hidden + j];
      const y = XOR_Y[n];
      loss += (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z) / 4;
      const dz = (1 / (1 + Math.exp(-z)) - y) / 4;
      g[4 * hidden] += dz;
      for (let j = 0; j < hidden; j++) {
        g[3 * hidden + j] += dz * h[j];
        const da = dz * theta[3 * hidden + j] * (1 - h[j] * h[j]);
        g[j] += da * x0;
        g[hidden + j] += da * x1;
        g[2 * hidden + j] += da;
      }
    }
    losses.push(loss);
    for (let i = 0; i < theta.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      theta[i] -= (lr * (m[i] / (1 - b1 ** t))) / (Math.sqrt(v[i] / (1 - b2 ** t)) + 1e-7);
    }
  }
  return losses;
}

const ctx = { signal: new AbortController().signal, onProgress() {} };

test('Adam with a note’s β₁ and β₂ follows the hand-written Adam update', async () => {
  const epochs = 30;
  const run = await trainXor({ epochs, lr: 0.05, hidden: 3, activation: 'tanh', optimizer: 'adam', beta1: 0.5, beta2: 0.9, seed: 3 }, ctx);
  const ref = referenceLosses(3, 3, 0.05, 0.5, 0.9, epochs);
  for (let i = 0; i < epochs; i++) assert.ok(Math.abs(run.lossHistory[i] - ref[i]) < 2e-4, `epoch ${i + 1}: ${run.lossHistory[i]} vs ${ref[i]}`);
  // the decay rates change the run: the default β's give a different curve, which the reference also follows
  const dflt = await trainXor({ epochs, lr: 0.05, hidden: 3, activation: 'tanh', optimizer: 'adam', beta1: 0.9, beta2: 0.999, seed: 3 }, ctx);
  const refDefault = referenceLosses(3, 3, 0.05, 0.9, 0.999, epochs);
  assert.ok(Math.abs(dflt.lossHistory[epochs - 1] - refDefault[epochs - 1]) < 2e-4);
  assert.ok(Math.abs(dflt.lossHistory[epochs - 1] - run.lossHistory[epochs - 1]) > 1e-3, 'β₁ and β₂ must matter');
});
