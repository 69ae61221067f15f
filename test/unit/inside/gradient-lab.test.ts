/**
 * The RNN vs LSTM lab: what it sends the view is the engines' gradient flow of the two models it trained (the same
 * numbers from gradientFlow.ts on the returned weights; gradientFlow itself is checked against finite differences in
 * rnn.test.ts); both models learn; progress is reported for each phase; a stop ends the run; bad options are refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lstmGradientFlow, rnnGradientFlow } from '../../../src/core/rnn/gradientFlow';
import { LAB_DEFAULTS, labOptions, type LabProgress, runGradientLab } from '../../../src/core/rnn/lab';
import { insideHandlers } from '../../../src/worker/insideRequests';

const TEXT = 'the cat sat on the mat. (a dog) sat on a log; [the end] of it.\n'.repeat(20);
const OPTS = { ...LAB_DEFAULTS, steps: 40, hidden: 8, embedding: 6, seq: 16, batch: 4, lr: 0.02, window: 30 };

test('the lab trains both models and sends the engines\' ‖∂loss_t/∂x_{t−k}‖ for them', async () => {
  const progress: LabProgress[] = [];
  const out = await runGradientLab(TEXT, OPTS, { signal: new AbortController().signal, onProgress: (p) => progress.push(p) }, 'js64');
  const r = out.result;
  assert.deepEqual(r.tokens, Array.from(TEXT).slice(0, 30));
  assert.equal(r.steps, 40);
  const win = r.tokens;
  const rf = rnnGradientFlow(out.rnn.config, out.rnn.theta, out.rnn.vocab.encodeTokens(win).ids, 'js64');
  const lf = lstmGradientFlow(out.lstm, out.lstm.vocab.encodeTokens(win).ids, 'js64');
  assert.deepEqual(r.rnn.norms, rf.norms);
  assert.deepEqual(r.rnn.byDistance, rf.byDistance);
  assert.deepEqual(r.lstm.norms, lf.norms);
  assert.deepEqual(r.lstm.byDistance, lf.byDistance);
  assert.equal(r.rnn.norms.length, 29);
  assert.equal(r.rnn.byDistance.length, 29);

  // Both models learn: the final training loss is below the uniform guess ln V.
  assert.ok(r.rnn.trainLoss! < Math.log(out.rnn.config.vocabSize), `RNN loss ${r.rnn.trainLoss}`);
  assert.ok(r.lstm.trainLoss! < Math.log(out.lstm.config.vocabSize), `LSTM loss ${r.lstm.trainLoss}`);
  for (const phase of ['rnn', 'lstm', 'flow'] as const) assert.ok(progress.some((p) => p.phase === phase), `progress of ${phase}`);
  assert.equal(progress.filter((p) => p.phase === 'rnn').at(-1)!.step, 40);
  assert.deepEqual(progress.at(-1), { phase: 'flow', step: 2, total: 2 });
});

test('inside.labRun reports progress while it trains and stops when asked', async () => {
  const id = 'unit-lab';
  const run = Promise.resolve(insideHandlers['inside.labRun']({ id, text: TEXT, options: { ...OPTS, steps: 5000 } }));
  let p: LabProgress | null = null;
  const t0 = Date.now();
  while (!p && Date.now() - t0 < 30_000) {
    await new Promise((r) => setTimeout(r, 20));
    p = (await insideHandlers['inside.labProgress']({ id })) as LabProgress | null;
  }
  assert.ok(p, 'progress arrives while the lab runs');
  assert.equal(p.phase, 'rnn');
  assert.equal(p.total, 5000);
  const asked = Date.now();
  insideHandlers['inside.labStop']({ id });
  await assert.rejects(run, /stopped/i);
  assert.ok(Date.now() - asked < 5000, 'the stop lands promptly');
  assert.equal(await insideHandlers['inside.labProgress']({ id }), null, 'a stopped lab is forgotten');
});

test('the lab refuses bad options and too short a text, with one clear message', async () => {
  assert.throws(() => labOptions({ steps: -1 }), /steps must be a whole number from 0 to 5000/);
  assert.throws(() => labOptions({ hidden: 1.5 }), /hidden must be a whole number/);
  assert.throws(() => labOptions({ lr: 'x' }), /lr must be a number/);
  assert.throws(() => labOptions({ window: 500 }), /window must be a whole number from 2 to 401/);
  assert.deepEqual(labOptions({}), LAB_DEFAULTS);
  await assert.rejects(runGradientLab('short', LAB_DEFAULTS, { signal: new AbortController().signal, onProgress: () => undefined }, 'js64'), /at least 96/);
  await assert.rejects(Promise.resolve().then(() => insideHandlers['inside.labRun']({ id: '', text: TEXT, options: OPTS })), /id/);
});
