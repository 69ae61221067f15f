/**
 * The latent-space view's numbers: the grid's decodings equal a decoder forward pass written here from the weight
 * layout (tanh hidden layer, linear output, logistic for pixels); the codes equal an encoder pass; the curves the
 * view gets are the trainer's own per-epoch terms.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeGlyphs, makePoints } from '../../../src/core/vae/data';
import { paramLayout } from '../../../src/core/vae/model';
import { trainAutoencoder, type AutoencoderModel } from '../../../src/core/vae/train';
import { latentSnapshot, type LatentSnapshot } from '../../../src/core/vae/snapshot';
import type { ProgressUpdate } from '../../../src/core/training';

/** y = act(x·W + b) with W (rows × cols) at `w`, b at `b`, straight from the layout. */
function layer(theta: Float64Array, x: number[], w: number, b: number, cols: number, act: (v: number) => number): number[] {
  return Array.from({ length: cols }, (_, j) => act(x.reduce((s, xi, i) => s + xi * theta[w + i * cols + j], theta[b + j])));
}
function decoder(model: AutoencoderModel, z: number[]): number[] {
  const e = Object.fromEntries(paramLayout(model.cfg).entries.map((p) => [p.name, p.offset]));
  const h = layer(model.theta, z, e['decoder.W3'], e['decoder.b3'], model.cfg.hidden, Math.tanh);
  const out = model.cfg.recon === 'bce' ? (v: number) => 1 / (1 + Math.exp(-v)) : (v: number) => v;
  return layer(model.theta, h, e['decoder.W4'], e['decoder.b4'], model.cfg.inputDim, out);
}
function encoderMean(model: AutoencoderModel, x: number[]): number[] {
  const e = Object.fromEntries(paramLayout(model.cfg).entries.map((p) => [p.name, p.offset]));
  const h = layer(model.theta, x, e['encoder.W1'], e['encoder.b1'], model.cfg.hidden, Math.tanh);
  const encOut = model.cfg.kind === 'vae' ? 2 * model.cfg.latent : model.cfg.latent;
  return layer(model.theta, h, e['encoder.W2'], e['encoder.b2'], encOut, (v) => v).slice(0, model.cfg.latent);
}

for (const [kind, data] of [['vae', makeGlyphs(300, 8, 3)], ['autoencoder', makePoints(300, 4)]] as const) {
  test(`${kind} on ${data.kind}: grid decodings, codes and curves of the snapshot come from the engine`, async () => {
    const updates: ProgressUpdate[] = [];
    const r = await trainAutoencoder(kind, { hidden: 16, latent: 2, beta: 0.5, epochs: 3, lr: 0.01, batch: 32, seed: 2 }, data, { signal: new AbortController().signal, onProgress: (u) => updates.push(u) }, { snapshots: true });
    const live = updates.map((u) => (u.extra && 'latent' in u.extra ? u.extra.latent : undefined)).filter((s): s is LatentSnapshot => s !== undefined);
    assert.equal(live.length, 3, 'one snapshot per epoch');
    // the curves: each snapshot's history is the trainer's per-epoch terms so far, as reported in the metrics
    live.forEach((s, k) => {
      assert.deepEqual(s.history, r.history.slice(0, k + 1));
      assert.equal(s.history[k].recon, updates[k].metrics!.recon);
      assert.equal(s.history[k].kl, updates[k].metrics!.kl);
    });
    if (kind === 'vae') assert.ok(r.history.every((h) => h.kl > 0 && Math.abs(h.loss - (h.recon + 0.5 * h.kl)) < 1e-9));
    else assert.ok(r.history.every((h) => h.kl === 0));
    const s = latentSnapshot(r.model, data, r.history, 5);
    assert.equal(s.grid.decoded.length, 25);
    s.grid.z.forEach((z, c) => {
      const want = decoder(r.model, z);
      s.grid.decoded[c].forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-12, `cell ${c} value ${i}: ${v} vs ${want[i]}`));
    });
    // codes of the drawn points: the encoder's mean for the sampled rows (rounded to 1e-4 for the view)
    assert.equal(s.points.xy.length, 2 * Math.min(600, data.n));
    const first = encoderMean(r.model, Array.from(data.x.subarray(0, data.dim)));
    assert.ok(Math.abs(s.points.xy[0] - first[0]) < 1e-4 && Math.abs(s.points.xy[1] - first[1]) < 1e-4);
    assert.equal(s.points.labels[0], data.labels[0]);
    const rec = s.reconstructions[0];
    const want = decoder(r.model, encoderMean(r.model, rec.input));
    rec.output.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-3, `reconstruction ${i}: ${v} vs ${want[i]}`));
  });
}
