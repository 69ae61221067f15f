import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allClasses, SampledSoftmax, UnigramSampler, usesSampled, type SampledClasses } from '../../../src/core/nn/sampledSoftmax';
import type { LstmConfig } from '../../../src/core/lstm/model';
import { Rng } from '../../../src/core/util/rng';
import { assertGradientMatchesFiniteDifferences, setup } from '../lstm/fdcheck';
import { trainLstm } from '../../../src/core/lstm/train';
import { loadLstm, scoreIds } from '../../../src/core/lstm/engine';
import { splitTokens } from '../../../src/core/lm/vocab';
import { HELD_OUT_FRACTION } from '../../../src/core/lm/split';
import { initTf, tf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type SampledOutput } from '../../../src/core/attention/transformer';
import { trainTransformer } from '../../../src/core/attention/transformerTrainer';
import { loadAttentionModelSync } from '../../../src/core/attention/store';
import type { TrainContext } from '../../../src/core/training';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sampled-softmax-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const quiet = (): TrainContext => ({ onProgress: () => {}, signal: new AbortController().signal });

/** Full softmax cross-entropy of one row in float64, written out independently of the code under test. */
function fullRowLoss(z: ArrayLike<number>, y: number): number {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) m = Math.max(m, z[i]);
  let s = 0;
  for (let i = 0; i < z.length; i++) s += Math.exp(z[i] - m);
  return Math.log(s) + m - z[y];
}

function randomLayer(R: number, H: number, V: number, seed: number) {
  const rng = new Rng(seed);
  const r = (n: number) => Float64Array.from({ length: n }, () => (rng.next() - 0.5) * 2);
  return { top: r(R * H), W: r(H * V), b: r(V), targets: Int32Array.from({ length: R }, () => rng.int(V)) };
}

test('the sampler draws distinct classes with log π = log(1 − (1 − q)^draws), frequent classes more often', () => {
  const counts = [1000, 100, 10, 1, 1, 1, 1, 1];
  const s = new UnigramSampler(counts);
  const q0 = Math.pow(1000, 0.75) / counts.reduce((a, c) => a + Math.pow(c, 0.75), 0);
  assert.ok(Math.abs(s.q[0] - q0) < 1e-12);
  const set = s.draw(5, new Rng(3));
  assert.equal(new Set(set.ids).size, set.ids.length);
  assert.ok(set.ids.length <= 5 && set.ids.length >= 1);
  for (let k = 0; k < set.ids.length; k++) assert.ok(Math.abs(set.logPi[k] - Math.log(1 - Math.pow(1 - s.q[set.ids[k]], 5))) < 1e-12);
  let hits0 = 0;
  let hits7 = 0;
  for (let i = 0; i < 2000; i++) {
    const d = s.draw(1, new Rng(100 + i));
    if (d.ids[0] === 0) hits0++;
    if (d.ids[0] === 7) hits7++;
  }
  assert.ok(Math.abs(hits0 / 2000 - s.q[0]) < 0.04, `class 0 drawn ${hits0 / 2000} of the time, q = ${s.q[0]}`);
  assert.ok(hits7 < hits0 / 5);
  assert.equal(usesSampled('auto', 2001), true);
  assert.equal(usesSampled('auto', 2000), false);
  assert.equal(usesSampled('full', 50_000), false);
  assert.equal(usesSampled('sampled', 5), true);
});

test('with every class in the sample (π = 1) the sampled layer is the full softmax: loss and gradients', () => {
  const [R, H, V] = [6, 4, 9];
  const { top, W, b, targets } = randomLayer(R, H, V, 11);
  const layer = new SampledSoftmax(R, H, V, 'js64');
  const g = { dTop: new Float64Array(R * H), dTopOff: 0, gW: new Float64Array(H * V), gWOff: 0, gB: new Float64Array(V), gBOff: 0 };
  const loss = layer.lossAndGrad({ top, topOff: 0, W, wOff: 0, b, bOff: 0, V }, targets, allClasses(V), 1 / R, g);
  // independent full softmax: logits, loss, dz = (p − onehot)/R and the three gradients
  let full = 0;
  const dTop = new Float64Array(R * H);
  const gW = new Float64Array(H * V);
  const gB = new Float64Array(V);
  for (let r = 0; r < R; r++) {
    const z = Array.from({ length: V }, (_, c) => b[c] + Array.from({ length: H }, (_, h) => top[r * H + h] * W[h * V + c]).reduce((a, x) => a + x, 0));
    full += fullRowLoss(z, targets[r]);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, x) => a + x, 0);
    for (let c = 0; c < V; c++) {
      const dz = (e[c] / s - (c === targets[r] ? 1 : 0)) / R;
      gB[c] += dz;
      for (let h = 0; h < H; h++) {
        gW[h * V + c] += dz * top[r * H + h];
        dTop[r * H + h] += dz * W[h * V + c];
      }
    }
  }
  assert.ok(Math.abs(loss - full) < 1e-12, `${loss} vs ${full}`);
  const close = (a: Float64Array, b2: Float64Array, what: string) => a.forEach((x, i) => assert.ok(Math.abs(x - b2[i]) < 1e-12, `${what}[${i}]: ${x} vs ${b2[i]}`));
  close(g.dTop, dTop, 'dTop');
  close(g.gW, gW, 'gW');
  close(g.gB, gB, 'gB');
});

test('finite-difference check (float64) of the sampled layer with the log-Q correction and accidental hits', () => {
  const [R, H, V] = [5, 3, 12];
  const { top, W, b, targets } = randomLayer(R, H, V, 21);
  const sampler = UnigramSampler.fromIds(targets, V);
  const set = sampler.draw(8, new Rng(4));
  // the sample must hold some rows' true class (an accidental hit) and miss others', or the check is partial
  const hits = Array.from(targets).filter((y) => set.ids.includes(y)).length;
  assert.ok(hits > 0 && hits < R, `hits ${hits}`);
  const layer = new SampledSoftmax(R, H, 8, 'js64');
  const io = { top, topOff: 0, W, wOff: 0, b, bOff: 0, V };
  const g = { dTop: new Float64Array(R * H), dTopOff: 0, gW: new Float64Array(H * V), gWOff: 0, gB: new Float64Array(V), gBOff: 0 };
  layer.lossAndGrad(io, targets, set, 0.5, g);
  const f = () => 0.5 * layer.lossAndGrad(io, targets, set, 0.5);
  const eps = 1e-6;
  for (const [name, arr, grad] of [['top', top, g.dTop], ['W', W, g.gW], ['b', b, g.gB]] as const) {
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < arr.length; i++) {
      const keep = arr[i];
      arr[i] = keep + eps;
      const lp = f();
      arr[i] = keep - eps;
      const lm = f();
      arr[i] = keep;
      scale = Math.max(scale, Math.abs(grad[i]));
      worst = Math.max(worst, Math.abs((lp - lm) / (2 * eps) - grad[i]));
    }
    assert.ok(scale > 1e-3, `${name}: gradient (nearly) zero`);
    assert.ok(worst / scale < 1e-7, `${name}: finite-difference error ${worst / scale}`);
  }
});

test("the kernel's per-row softmax (wasm) computes the JavaScript rows' loss and gradients, with and without accidental hits", () => {
  const [R, H, V] = [40, 16, 300];
  const { top, W, b, targets } = randomLayer(R, H, V, 31);
  const sampler = UnigramSampler.fromIds(Int32Array.from({ length: 3000 }, (_, i) => (i * i) % V), V);
  const set = sampler.draw(60, new Rng(6));
  const hits = Array.from(targets).filter((y) => set.ids.includes(y)).length;
  assert.ok(hits > 0 && hits < R, `hits ${hits}`);
  const run = (kind: 'wasm' | 'js64') => {
    const layer = new SampledSoftmax(R, H, 60, kind);
    const g = { dTop: new Float64Array(R * H), dTopOff: 0, gW: new Float64Array(H * V), gWOff: 0, gB: new Float64Array(V), gBOff: 0 };
    const loss = layer.lossAndGrad({ top, topOff: 0, W, wOff: 0, b, bOff: 0, V }, targets, set, 1 / R, g);
    return { loss, g, surp: Float64Array.from(layer.surp), kernel: layer.ops.sampledRows !== undefined };
  };
  const wasm = run('wasm');
  const ref = run('js64');
  assert.ok(wasm.kernel, 'the wasm layer uses the kernel rows');
  assert.ok(!ref.kernel);
  assert.ok(Math.abs(wasm.loss - ref.loss) < 1e-5 * Math.abs(ref.loss), `${wasm.loss} vs ${ref.loss}`);
  wasm.surp.forEach((x, r) => assert.ok(Math.abs(x - ref.surp[r]) < 1e-4, `row ${r}: ${x} vs ${ref.surp[r]}`));
  for (const k of ['dTop', 'gW', 'gB'] as const) {
    let worst = 0;
    let scale = 0;
    ref.g[k].forEach((x, i) => ((worst = Math.max(worst, Math.abs(x - wasm.g[k][i]))), (scale = Math.max(scale, Math.abs(x)))));
    assert.ok(scale > 1e-4 && worst < 1e-5 * scale * 10, `${k}: differs by ${worst} (scale ${scale})`);
  }
});

const CFG: LstmConfig = { vocabSize: 11, embedding: 3, hidden: 4, layers: 2, dropout: 0.3 };

/** The gradient-check workspace of the LSTM tests (2 streams × 4 steps), with the sampled softmax on `set`. */
const lstmSetup = (cfg: LstmConfig, set: SampledClasses | null, ops: 'js64' | 'wasm') => setup(cfg, 2, 4, ops, 5, set);

test('finite-difference gradient check of the LSTM trained with the sampled softmax, 2 layers, dropout (float64)', () => {
  const set = new UnigramSampler([9, 1, 5, 1, 3, 1, 1, 7, 1, 2, 1]).draw(6, new Rng(9));
  const { ws, loss } = lstmSetup(CFG, set, 'js64');
  assert.equal(ws.logits.length, 0, 'a sampled training workspace keeps no R × V logits');
  assertGradientMatchesFiniteDifferences(ws, CFG, loss);
});

for (const ops of ['js64', 'wasm'] as const) {
  test(`the LSTM with every class sampled (π = 1) trains exactly as with the full softmax (${ops})`, () => {
    const full = lstmSetup(CFG, null, ops);
    const sampled = lstmSetup(CFG, allClasses(CFG.vocabSize), ops);
    const lf = full.loss();
    full.ws.backward();
    const ls = sampled.loss();
    sampled.ws.backward();
    const tol = ops === 'js64' ? 1e-12 : 1e-5;
    assert.ok(Math.abs(lf - ls) < tol, `${lf} vs ${ls}`);
    let worst = 0;
    for (let i = 0; i < full.ws.grad.length; i++) worst = Math.max(worst, Math.abs(full.ws.grad[i] - sampled.ws.grad[i]));
    assert.ok(worst < tol, `gradients differ by ${worst}`);
  });
}

test('the Transformer with every class sampled (π = 1) has the full softmax loss and gradients', async () => {
  await initTf();
  const cfg = { vocab: 13, layers: 1, heads: 2, dModel: 8, ffn: 16, seq: 5 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 3));
  const rng = new Rng(5);
  const ids = Int32Array.from({ length: 10 }, () => rng.int(13));
  const targets = Int32Array.from({ length: 10 }, () => rng.int(13));
  const full = model.lossAndGrads(ids, targets, 2);
  const sampled: SampledOutput = { layer: new SampledSoftmax(10, 8, 13, 'js32'), set: allClasses(13) };
  const fast = model.lossAndGrads(ids, targets, 2, undefined, sampled);
  assert.ok(Math.abs(full.loss.dataSync()[0] - fast.loss.dataSync()[0]) < 1e-5);
  for (const name of Object.keys(full.grads)) {
    const a = full.grads[name].dataSync();
    const b = fast.grads[name].dataSync();
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    assert.ok(worst < 1e-5, `${name} differs by ${worst}`);
  }
  tf.dispose([full.loss, fast.loss, ...Object.values(full.grads), ...Object.values(fast.grads)]);
  model.dispose();
});

const WORDS = 'the a cat dog sat ran on in mat park fox jumps over lazy quick brown models learn predict next word perplexity is exponential mean surprisal of and to back'.split(' ');
function wordText(n: number, seed: number): string {
  const rng = new Rng(seed);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(Array.from({ length: 6 + rng.int(6) }, () => WORDS[Math.min(rng.int(WORDS.length), rng.int(WORDS.length))]).join(' ') + ' .');
  return lines.join('\n');
}

test('an LSTM trained with the sampled softmax reports the held-out loss of the full softmax', async () => {
  const text = wordText(600, 1);
  const dir = path.join(tmp, 'lstm');
  const r = await trainLstm({ level: 'word', softmax: 'sampled', samples: 8, embedding: 8, hidden: 16, batch: 4, seq: 8, steps: 30, evalEvery: 1000, evalTokens: 400, lr: 0.01 }, text, quiet(), { outDir: dir });
  const model = loadLstm(dir);
  const toks = splitTokens(text, 'word');
  const cut = toks.length - Math.max(1, Math.round(toks.length * HELD_OUT_FRACTION));
  const held = model.vocab.encodeTokens(toks).ids.subarray(cut);
  const s = scoreIds(model, held, 400);
  const mean = s.reduce((a, x) => a + x, 0) / s.length;
  assert.ok(Math.abs(r.heldOutLoss - mean) < 1e-6, `${r.heldOutLoss} vs full-softmax ${mean}`);
  assert.ok(r.heldOutLoss < Math.log(r.vocabSize), 'it learned something');
});

test('a Transformer trained with the sampled softmax reports the held-out loss of the full softmax', async () => {
  await initTf();
  const text = wordText(400, 2);
  const dir = path.join(tmp, 'tlm');
  const r = await trainTransformer({ level: 'word', softmax: 'sampled', samples: 8, dModel: 32, ffn: 32, seq: 8, batch: 4, heads: 2, steps: 20, lr: 0.01, timeBudget: 60 }, text, quiet(), { outDir: dir });
  const loaded = loadAttentionModelSync(dir);
  assert.ok(loaded.kind === 'transformer', `a ${loaded.kind} model, not a Transformer`);
  // the held-out windows the trainer scores (consecutive windows of seq tokens of the last 10%), scored here from
  // the logits with a float64 softmax over the whole vocabulary
  const ids = loaded.vocab.encodeTokens(splitTokens(text, 'word')).ids;
  const held = ids.subarray(ids.length - Math.max(1, Math.round(ids.length * 0.1)));
  const T = 8;
  const windows = Math.min(32, Math.floor((held.length - 1) / T));
  const inputs = new Int32Array(windows * T);
  const targets = new Int32Array(windows * T);
  for (let w = 0; w < windows; w++) {
    inputs.set(held.subarray(w * T, w * T + T), w * T);
    targets.set(held.subarray(w * T + 1, w * T + T + 1), w * T);
  }
  const logits = loaded.model.logits(inputs, windows);
  const z = logits.dataSync();
  const V = loaded.model.cfg.vocab;
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += fullRowLoss(z.subarray(i * V, (i + 1) * V), targets[i]);
  logits.dispose();
  loaded.model.dispose();
  assert.ok(Math.abs(r.heldOutLoss - sum / targets.length) < 1e-4, `${r.heldOutLoss} vs full-softmax ${sum / targets.length}`);
});
