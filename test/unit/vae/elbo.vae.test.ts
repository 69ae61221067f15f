import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type AutoencoderConfig, gaussianKl, initParams, paramLayout, Workspace } from '../../../src/core/vae/model';
import { Rng } from '../../../src/core/util/rng';

test('closed-form Gaussian KL agrees with a Monte-Carlo estimate of E_q[log q(z) − log p(z)]', () => {
  const rng = new Rng(3);
  const mu = [0.8, -1.3, 0.1];
  const lv = [-0.7, 0.4, 1.1];
  const closed = gaussianKl(mu, lv);
  const N = 200_000;
  let sum = 0;
  let sumSq = 0;
  for (let s = 0; s < N; s++) {
    let logRatio = 0;
    for (let j = 0; j < mu.length; j++) {
      const sd = Math.exp(0.5 * lv[j]);
      const e = rng.normal();
      const z = mu[j] + sd * e;
      const logQ = -0.5 * Math.log(2 * Math.PI) - Math.log(sd) - 0.5 * e * e;
      const logP = -0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
      logRatio += logQ - logP;
    }
    sum += logRatio;
    sumSq += logRatio * logRatio;
  }
  const mean = sum / N;
  const se = Math.sqrt((sumSq / N - mean * mean) / N);
  assert.ok(closed > 0.5, `the example is not trivial (KL ${closed})`);
  assert.ok(Math.abs(mean - closed) < 4 * se, `Monte-Carlo ${mean.toFixed(4)} ± ${se.toFixed(4)} vs closed form ${closed.toFixed(4)}`);
  assert.equal(gaussianKl([0, 0], [0, 0]), 0, 'KL of the prior from itself is 0');
});

/** An independent forward pass in plain arrays, written from the equations rather than the workspace. */
function direct(cfg: AutoencoderConfig, theta: Float64Array, x: number[], eps: number[], beta: number) {
  const get = (name: string) => {
    const e = paramLayout(cfg).entries.find((p) => p.name === name)!;
    return Array.from({ length: e.rows }, (_, r) => Array.from(theta.subarray(e.offset + r * e.cols, e.offset + (r + 1) * e.cols)));
  };
  const layer = (v: number[], W: number[][], b: number[][]) => b[0].map((bo, o) => bo + v.reduce((s, vi, i) => s + vi * W[i][o], 0));
  const h1 = layer(x, get('encoder.W1'), get('encoder.b1')).map(Math.tanh);
  const e = layer(h1, get('encoder.W2'), get('encoder.b2'));
  const L = cfg.latent;
  const mu = e.slice(0, L);
  const lv = e.slice(L, 2 * L);
  const z = mu.map((m, j) => m + Math.sqrt(Math.exp(lv[j])) * eps[j]);
  const h2 = layer(z, get('decoder.W3'), get('decoder.b3')).map(Math.tanh);
  const o = layer(h2, get('decoder.W4'), get('decoder.b4'));
  const p = o.map((v) => 1 / (1 + Math.exp(-v)));
  // −log Bernoulli(x | p), written as cross-entropy of probabilities
  const recon = -x.reduce((s, xv, d) => s + xv * Math.log(p[d]) + (1 - xv) * Math.log(1 - p[d]), 0);
  let kl = 0;
  for (let j = 0; j < L; j++) {
    const s2 = Math.exp(lv[j]);
    kl += -0.5 * (1 + lv[j] - mu[j] ** 2 - s2);
  }
  return { recon, kl, loss: recon + beta * kl };
}

test('the batch loss, reconstruction and KL terms equal a direct computation', () => {
  const cfg: AutoencoderConfig = { kind: 'vae', inputDim: 5, hidden: 4, latent: 2, recon: 'bce' };
  const theta = initParams(cfg, 9);
  const rng = new Rng(2);
  for (let i = 0; i < theta.length; i++) theta[i] += (rng.next() - 0.5) * 0.5;
  const B = 4;
  const xs = Array.from({ length: B }, () => Array.from({ length: cfg.inputDim }, () => rng.next()));
  const eps = Array.from({ length: B }, () => Array.from({ length: cfg.latent }, () => rng.normal()));
  const ws = new Workspace(cfg, B);
  ws.eps.set(eps.flat());
  const beta = 2.5;
  const got = ws.forward(theta, Float64Array.from(xs.flat()), B, beta);
  const want = xs.map((x, n) => direct(cfg, theta, x, eps[n], beta));
  const mean = (k: 'recon' | 'kl' | 'loss') => want.reduce((s, w) => s + w[k], 0) / B;
  assert.ok(Math.abs(got.recon - mean('recon')) < 1e-9 * Math.abs(mean('recon')), `reconstruction ${got.recon} vs ${mean('recon')}`);
  assert.ok(Math.abs(got.kl - mean('kl')) < 1e-9 * Math.abs(mean('kl')), `KL ${got.kl} vs ${mean('kl')}`);
  assert.ok(Math.abs(got.loss - mean('loss')) < 1e-9 * Math.abs(mean('loss')), `loss ${got.loss} vs ${mean('loss')}`);
  assert.ok(mean('kl') > 0.01, 'the KL term is not trivially zero');
});
