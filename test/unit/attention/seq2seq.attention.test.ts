import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf, tf } from '../../../src/core/tf/backend';
import { attentionFor, disposeAttentionModel, evaluateSeq2seq, loadAttentionModel, trainSeq2seq } from '../../../src/core/attention/index';
import { initialSeq2seqWeights, Seq2seqModel, type Seq2seqConfig } from '../../../src/core/attention/seq2seq';
import { SEQ2SEQ_ALPHABET } from '../../../src/core/attention/params';
import { alignedAt, checkTaskInput, taskTarget } from '../../../src/core/attention/tasks';
import type { ProgressUpdate } from '../../../src/core/training';
import { ProgressClock } from '../timing';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-s2s-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

test('tasks: targets and the alignment each task expects', () => {
  assert.equal(taskTarget('reverse', 'ab12c'), 'c21ba');
  assert.equal(taskTarget('copy', 'ab12c'), 'ab12c');
  assert.equal(taskTarget('sort', 'b2a1c'), '12abc');
  assert.ok(alignedAt('reverse', 'abcd', 'dcba', 0, 3) && !alignedAt('reverse', 'abcd', 'dcba', 0, 0));
  assert.ok(alignedAt('copy', 'abcd', 'abcd', 2, 2) && !alignedAt('copy', 'abcd', 'abcd', 2, 1));
  assert.ok(alignedAt('sort', 'ba', 'ab', 0, 1) && !alignedAt('sort', 'ba', 'ab', 0, 0));
  assert.throws(() => checkTaskInput('', 12), /empty/);
  assert.throws(() => checkTaskInput('abC!', 12), /unknown characters "C", "!"/);
  assert.throws(() => checkTaskInput('abcdefghijklm', 12), /trained on at most 12/);
});

test('both scores: attention rows over the real source positions sum to 1, padding gets 0', async () => {
  await initTf();
  for (const attention of ['dot', 'additive'] as const) {
    const cfg: Seq2seqConfig = { hidden: 16, attention, maxLen: 9, alphabet: SEQ2SEQ_ALPHABET };
    const m = new Seq2seqModel(cfg, initialSeq2seqWeights(cfg, 2));
    const sources = ['abc', 'z9y8x7w6v', 'q'];
    const { outputs, attention: maps } = m.decode(sources, 6);
    sources.forEach((s, b) => {
      assert.equal(maps[b].length, outputs[b].length);
      for (const row of maps[b]) {
        assert.equal(row.length, s.length, 'one weight per real source position');
        const sum = row.reduce((a, x) => a + x, 0);
        assert.ok(Math.abs(sum - 1) <= 1e-5, `${attention}: row sums to ${sum}`);
      }
    });
    // The loss is differentiable with respect to every weight (each gets a non-zero gradient).
    const e = m.encodeBatch(sources);
    const g = tf.variableGrads(() => m.loss(e, sources.map((s) => taskTarget('reverse', s))), [...m.weights.values()]);
    for (const [name, t] of Object.entries(g.grads)) assert.ok(tf.abs(t).max().dataSync()[0] > 0, `${attention}: zero gradient for ${name}`);
    tf.dispose([g.value, ...Object.values(g.grads)]);
    m.disposeBatch(e);
    m.dispose();
  }
});

// The target (≥ 90% sequence accuracy and ≥ 90% of output steps aligned with the mirrored input position,
// on 200 fresh inputs of length 5–12) takes about 300 steps of batch 64 (~50 s on one core; see BENCHMARKS.md).
// The bounded version below keeps every threshold and the 200 fresh test inputs but uses lengths 3–8, which the
// same model learns in about half the steps: a real reversal learned from scratch (an untrained model scores 0%),
// in ~20 s here.
test('reversal: ≥ 90% sequence accuracy and ≥ 90% anti-diagonal alignment on 200 fresh inputs (lengths 3–8)', async () => {
  await initTf();
  const cfg: Seq2seqConfig = { hidden: 64, attention: 'dot', maxLen: 8, alphabet: SEQ2SEQ_ALPHABET };
  const untrained = new Seq2seqModel(cfg, initialSeq2seqWeights(cfg, 1));
  const before = evaluateSeq2seq(untrained, 'reverse', { count: 200, minLen: 3, maxLen: 8, seed: 77 });
  untrained.dispose();
  assert.ok(before.sequenceAccuracy < 0.05, `untrained accuracy ${before.sequenceAccuracy}`);
  const updates: ProgressUpdate[] = [];
  const dir = path.join(tmp, 'rev');
  const r = await trainSeq2seq({ task: 'reverse', steps: 200, minLen: 3, maxLen: 8, evalEvery: 50, seed: 1 }, { signal: new AbortController().signal, onProgress: (u) => updates.push(u) }, { outDir: dir });
  assert.equal(r.testInputs, 200);
  assert.ok(r.sequenceAccuracy >= 0.9, `sequence accuracy ${r.sequenceAccuracy}`);
  assert.ok(r.alignmentAccuracy >= 0.9, `alignment accuracy ${r.alignmentAccuracy}`);
  // Progress: metrics and the growing alignment map of the probe input.
  const probes = updates.filter((u) => u.extra);
  assert.equal(probes.length, 4);
  for (const u of updates) assert.equal(typeof u.metrics?.stepsPerSecond, 'number');
  const extra = probes[probes.length - 1].extra!;
  assert.ok('alignment' in extra, 'a seq2seq probe carries an alignment');
  const last = extra.alignment;
  assert.equal(last.source.length, 8);
  assert.deepEqual(last.expected, [...last.source].reverse());
  assert.equal(last.target.join(''), taskTarget('reverse', last.source.join('')));
  last.attention.forEach((row, t) => {
    let best = 0;
    row.forEach((a, i) => (a > row[best] ? (best = i) : 0));
    assert.equal(best, 7 - t, `probe step ${t} attends to ${best}`);
  });
  // Loading the saved model gives the same behaviour on a user-typed input.
  const m = await loadAttentionModel(dir);
  const a = attentionFor(m, 'ab3d9');
  assert.ok(a.kind === 'seq2seq');
  if (a.kind === 'seq2seq') {
    assert.equal(a.target.join(''), '9d3ba');
    assert.deepEqual(a.source, ['a', 'b', '3', 'd', '9']);
    for (const row of a.attention) assert.ok(Math.abs(row.reduce((x, y) => x + y, 0) - 1) <= 1e-5);
  }
  assert.throws(() => attentionFor(m, 'AB'), /unknown characters "A", "B"/);
  assert.throws(() => attentionFor(m, 'abcdefghij'), /at most 8/);
  disposeAttentionModel(m);
});

test('stopping: the trainer returns within a second of the signal, with the model saved', async () => {
  await initTf();
  const ac = new AbortController();
  let abortedAt = 0;
  const clock = new ProgressClock();
  const dir = path.join(tmp, 'stop');
  const p = trainSeq2seq({ task: 'copy', steps: 100000, hidden: 16, batch: 16, seed: 3 }, {
    signal: ac.signal,
    onProgress: (u) => {
      if (abortedAt) return;
      clock.tick();
      if (u.step >= 5) {
        abortedAt = Date.now();
        ac.abort();
      }
    },
  }, { outDir: dir, testInputs: 20 });
  const r = await p;
  const took = Date.now() - abortedAt;
  assert.ok(r.stopped);
  assert.ok(r.steps < 100000);
  assert.ok(took < clock.stopBound(), `took ${took} ms to stop (progress every ≤ ${clock.gap().toFixed(0)} ms)`);
  assert.ok(fs.existsSync(path.join(dir, 'model.json')));
});
