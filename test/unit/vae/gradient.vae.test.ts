import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AutoencoderConfig, gaussianKl, gaussianKlBackward, initParams, paramLayout, reparameterise, reparameteriseBackward, Workspace } from '../../../src/core/vae/model';
import { Rng } from '../../../src/core/util/rng';

/** Central-difference derivative of f at x[i]. */
function numeric(f: () => number, x: Float64Array, i: number, eps = 1e-6): number {
  const keep = x[i];
  x[i] = keep + eps;
  const up = f();
  x[i] = keep - eps;
  const down = f();
  x[i] = keep;
  return (up - down) / (2 * eps);
}

function randomArray(rng: Rng, n: number, scale = 1): Float64Array {
  return Float64Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);
}

/** Check every tensor of the network: analytic gradient vs central differences, error relative to the tensor's scale. */
function checkNetwork(cfg: AutoencoderConfig, beta: number) {
  const B = 3;
  const rng = new Rng(7);
  const theta = initParams(cfg, 3);
  for (let i = 0; i < theta.length; i++) theta[i] += (rng.next() - 0.5) * 0.4; // biases non-zero too
  const x = cfg.recon === 'bce' ? Float64Array.from({ length: B * cfg.inputDim }, () => rng.next()) : randomArray(rng, B * cfg.inputDim, 1.5);
  const ws = new Workspace(cfg, B);
  for (let i = 0; i < B * cfg.latent; i++) ws.eps[i] = rng.normal();
  const loss = () => ws.forward(theta, x, B, beta).loss;
  loss();
  ws.backward(theta);
  const analytic = Float64Array.from(ws.grad);
  for (const e of paramLayout(cfg).entries) {
    let maxAbs = 0;
    let maxErr = 0;
    for (let i = e.offset; i < e.offset + e.size; i++) {
      const n = numeric(loss, theta, i);
      maxAbs = Math.max(maxAbs, Math.abs(analytic[i]));
      maxErr = Math.max(maxErr, Math.abs(analytic[i] - n));
    }
    assert.ok(maxAbs > 1e-4, `${cfg.kind}/${cfg.recon} ${e.name}: gradient is (nearly) zero, the check would prove nothing`);
    assert.ok(maxErr / maxAbs < 1e-6, `${cfg.kind}/${cfg.recon} ${e.name}: finite-difference error ${(maxErr / maxAbs).toExponential(2)} of the tensor's largest gradient`);
  }
}

test('VAE gradient (encoder, reparameterisation, KL, decoder; Bernoulli pixels, β 0.7) matches finite differences', () => {
  checkNetwork({ kind: 'vae', inputDim: 6, hidden: 5, latent: 2, recon: 'bce' }, 0.7);
});

test('VAE gradient with a squared-error reconstruction and β 3 matches finite differences', () => {
  checkNetwork({ kind: 'vae', inputDim: 4, hidden: 3, latent: 3, recon: 'mse' }, 3);
});

test('autoencoder gradient matches finite differences (both reconstruction losses)', () => {
  checkNetwork({ kind: 'autoencoder', inputDim: 6, hidden: 4, latent: 2, recon: 'bce' }, 1);
  checkNetwork({ kind: 'autoencoder', inputDim: 5, hidden: 4, latent: 1, recon: 'mse' }, 1);
});

test('the KL term and the reparameterisation have gradients that match finite differences on their own', () => {
  const rng = new Rng(11);
  const L = 4;
  const mu = randomArray(rng, L, 2);
  const lv = randomArray(rng, L, 1.5);
  const eps = Float64Array.from({ length: L }, () => rng.normal());
  const w = randomArray(rng, L); // a linear read-out of z, so each z_j gets a distinct upstream gradient
  const dMu = new Float64Array(L);
  const dLv = new Float64Array(L);
  gaussianKlBackward(mu, lv, 1, dMu, dLv);
  for (let j = 0; j < L; j++) {
    assert.ok(Math.abs(dMu[j] - numeric(() => gaussianKl(mu, lv), mu, j)) < 1e-7, `∂KL/∂μ_${j}`);
    assert.ok(Math.abs(dLv[j] - numeric(() => gaussianKl(mu, lv), lv, j)) < 1e-7, `∂KL/∂logσ²_${j}`);
  }
  const z = new Float64Array(L);
  const readOut = () => {
    reparameterise(mu, lv, eps, z);
    return z.reduce((s, v, j) => s + w[j] * v, 0);
  };
  const gMu = new Float64Array(L);
  const gLv = new Float64Array(L);
  reparameteriseBackward(lv, eps, w, gMu, gLv);
  for (let j = 0; j < L; j++) {
    assert.ok(Math.abs(gMu[j] - numeric(readOut, mu, j)) < 1e-7, `∂z/∂μ_${j}`);
    assert.ok(Math.abs(gLv[j] - numeric(readOut, lv, j)) < 1e-7, `∂z/∂logσ²_${j}`);
    assert.ok(Math.abs(gLv[j]) > 1e-3, 'the log-variance gradient is not trivially zero');
  }
});
