import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf, tf } from '../../../src/core/tf/backend';
import { Workspace, initParams, paramLayout, type LstmConfig } from '../../../src/core/lstm/model';
import { referenceLoss, referenceParams } from '../../../src/core/lstm/reference';
import { Rng } from '../../../src/core/util/rng';

test('hand-written backward pass (wasm kernel when built) matches tfjs autodiff of the same model', async () => {
  assert.equal(await initTf('cpu'), 'cpu');
  const cfg: LstmConfig = { vocabSize: 9, embedding: 6, hidden: 10, layers: 2, dropout: 0.3 };
  const B = 3;
  const T = 5;
  const ws = new Workspace(cfg, B, T, { ops: 'wasm' });
  initParams(cfg, 11, ws.theta);
  const rng = new Rng(12);
  for (let i = 0; i < ws.theta.length; i++) ws.theta[i] += (rng.next() - 0.5) * 0.3;
  const inputs = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const targets = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const state = Array.from({ length: 2 * cfg.layers * B * cfg.hidden }, () => (rng.next() - 0.5) * 0.6);
  ws.sampleMasks(new Rng(13));
  ws.setState(state);
  const ours = ws.forward(inputs, targets, true);
  ws.backward();

  const names = paramLayout(cfg).entries.map((e) => e.name);
  const params = referenceParams(cfg, ws.theta);
  const masks = ws.mask.map((m) => (m ? Array.from(m) : null));
  const f = (...ts: tf.Tensor[]) => referenceLoss(cfg, Object.fromEntries(names.map((n, i) => [n, ts[i]])), inputs, targets, B, T, state, masks);
  const { value, grads } = tf.valueAndGrads(f)(names.map((n) => params[n]));
  const refLoss = (await value.data())[0];
  assert.ok(Math.abs(ours - refLoss) < 1e-5 * Math.abs(refLoss), `loss ${ours} vs tfjs ${refLoss}`);
  for (const e of paramLayout(cfg).entries) {
    const g = await grads[names.indexOf(e.name)].data();
    let num = 0;
    let den = 0;
    for (let i = 0; i < e.size; i++) {
      num += (ws.grad[e.offset + i] - g[i]) ** 2;
      den += g[i] ** 2;
    }
    assert.ok(den > 0, `${e.name}: tfjs gradient is zero`);
    assert.ok(Math.sqrt(num / den) < 1e-4, `${e.name}: relative difference to tfjs autodiff ${Math.sqrt(num / den).toExponential(2)}`);
  }
});
