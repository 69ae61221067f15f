/**
 * The encoder–decoder's three attention scores: each score's gradient against central finite differences, the
 * general score with W = I against the dot score, the variants trained on the same data, seed and steps, and the
 * CLI's --score.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../runCli';
import { initTf, tf } from '../../../src/core/tf/backend';
import { trainSeq2seqVariants } from '../../../src/core/attention/index';
import { ATTENTION_SCORES, initialSeq2seqWeights, Seq2seqModel, type AttentionScore, type Seq2seqConfig } from '../../../src/core/attention/seq2seq';
import { taskTarget } from '../../../src/core/attention/tasks';

const SOURCES = ['abca', 'cb', 'bac'];
const cfgOf = (attention: AttentionScore): Seq2seqConfig => ({ hidden: 3, attention, maxLen: 4, alphabet: 'abc' });

/** The teacher-forced loss of the reverse task on SOURCES, as a number. */
function lossOf(m: Seq2seqModel): number {
  const e = m.encodeBatch(SOURCES);
  const v = tf.tidy(() => m.loss(e, SOURCES.map((s) => taskTarget('reverse', s))).dataSync()[0]);
  m.disposeBatch(e);
  return v;
}

const OWN: Record<AttentionScore, string[]> = { dot: [], general: ['attG'], additive: ['attW', 'attU', 'attV'] };

for (const score of ATTENTION_SCORES) {
  test(`${score} score: the backward pass matches central finite differences`, async () => {
    await initTf();
    const cfg = cfgOf(score);
    // Larger initial values than Glorot's so the attention is far from uniform and every score weight matters.
    const init = initialSeq2seqWeights(cfg, 7);
    for (const w of init.values()) for (let i = 0; i < w.length; i++) w[i] *= 2;
    const m = new Seq2seqModel(cfg, init);
    const e = m.encodeBatch(SOURCES);
    const { value, grads } = tf.variableGrads(() => m.loss(e, SOURCES.map((s) => taskTarget('reverse', s))), [...m.weights.values()]);
    m.disposeBatch(e);
    value.dispose();
    const names = [...OWN[score], 'outWa', 'decHz', 'encHn'];
    const eps = 1e-2;
    let checked = 0;
    for (const name of names) {
      const v = m.weights.get(name)!;
      const g = grads[v.name].dataSync();
      const base = v.dataSync().slice();
      // Every element of a small weight, or 12 spread over a larger one.
      const idx = base.length <= 12 ? [...base.keys()] : Array.from({ length: 12 }, (_, i) => Math.floor((i * base.length) / 12));
      for (const i of idx) {
        const at = (delta: number) => {
          const w = base.slice();
          w[i] += delta;
          v.assign(tf.tensor(w, v.shape));
          return lossOf(m);
        };
        const fd = (at(eps) - at(-eps)) / (2 * eps);
        v.assign(tf.tensor(base, v.shape));
        assert.ok(Math.abs(fd - g[i]) <= 2e-3 + 3e-2 * Math.abs(fd), `${score}: ∂loss/∂${name}[${i}] = ${g[i]}, finite differences ${fd}`);
        checked++;
      }
      if (OWN[score].includes(name)) assert.ok(Math.max(...Array.from(g, Math.abs)) > 1e-4, `${score}: ${name} gets no gradient`);
    }
    assert.ok(checked >= 36);
    tf.dispose(Object.values(grads));
    m.dispose();
  });
}

test('general score with W = I attends exactly as the dot score (same shared weights)', async () => {
  await initTf();
  const dotInit = initialSeq2seqWeights(cfgOf('dot'), 3);
  const genInit = initialSeq2seqWeights(cfgOf('general'), 3);
  // The score's own weight is drawn after every shared one: the shared weights are the same values.
  for (const [name, w] of dotInit) assert.deepEqual(genInit.get(name), w, `${name} differs between the variants`);
  const D = 6;
  const eye = new Float32Array(D * D);
  for (let i = 0; i < D; i++) eye[i * D + i] = 1;
  genInit.set('attG', eye);
  const dot = new Seq2seqModel(cfgOf('dot'), dotInit);
  const gen = new Seq2seqModel(cfgOf('general'), genInit);
  const a = dot.decode(SOURCES, 4);
  const b = gen.decode(SOURCES, 4);
  assert.deepEqual(b.outputs, a.outputs);
  a.attention.forEach((rows, s) => rows.forEach((row, t) => row.forEach((x, i) => assert.ok(Math.abs(x - b.attention[s][t][i]) < 1e-5, `${x} vs ${b.attention[s][t][i]}`))));
  assert.ok(Math.abs(lossOf(dot) - lossOf(gen)) < 1e-5);
  // A different W changes the map: the score really uses it.
  genInit.set('attG', eye.map((x, i) => x + (i % 5) * 0.7));
  const other = new Seq2seqModel(cfgOf('general'), genInit);
  assert.ok(Math.abs(lossOf(other) - lossOf(dot)) > 1e-4);
  [dot, gen, other].forEach((m) => m.dispose());
});

test('variants: the three scores train on the same strings, seed and steps; curves at the same probe steps', async () => {
  await initTf();
  const params = { task: 'reverse', hidden: 8, minLen: 2, maxLen: 4, batch: 8, steps: 6, evalEvery: 3, seed: 5 };
  const steps: number[] = [];
  const r = await trainSeq2seqVariants(params, ATTENTION_SCORES, { signal: new AbortController().signal, onProgress: (u) => steps.push(u.step) });
  assert.deepEqual(r.runs.map((x) => x.attention), ['dot', 'general', 'additive']);
  assert.ok(r.runs.every((x) => x.steps === 6 && x.params.seed === 5 && x.outDir === undefined));
  assert.equal(new Set(r.runs.map((x) => x.dataSha256)).size, 1, 'the variants saw different training strings');
  for (const x of r.runs) {
    assert.deepEqual(x.curve.map((p) => p.step), [3, 6]);
    assert.ok(x.curve.every((p) => p.sequenceAccuracy >= 0 && p.sequenceAccuracy <= 1 && Number.isFinite(p.loss)));
    assert.equal(x.alignment.source.join(''), 'k3v8');
    assert.ok(x.alignment.attention.every((row) => Math.abs(row.reduce((s, v) => s + v, 0) - 1) < 1e-5));
  }
  // The losses differ: three different models, not one run three times.
  assert.equal(new Set(r.runs.map((x) => x.finalLoss.toFixed(6))).size, 3);
  // Progress counts over the three runs in turn.
  assert.equal(Math.max(...steps), 18);
  // Another seed draws other strings.
  const other = await trainSeq2seqVariants({ ...params, seed: 6, steps: 2 }, ['dot'], { signal: new AbortController().signal, onProgress: () => undefined });
  const same = await trainSeq2seqVariants({ ...params, steps: 2 }, ['additive'], { signal: new AbortController().signal, onProgress: () => undefined });
  assert.notEqual(other.runs[0].dataSha256, same.runs[0].dataSha256);
  await assert.rejects(trainSeq2seqVariants(params, ['dot', 'dot'], { signal: new AbortController().signal, onProgress: () => undefined }), /once/);
});

test('CLI: --score trains one score (saved) or several side by side (same data, not saved); bad scores exit 2', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's2s-score-'));
  try {
    const one = await runCli('train', 'seq2seq', '--score', 'general', '--steps', '2', '--hidden', '8', '--batch', '4', '--max-len', '4', '--min-len', '2', '--out', path.join(dir, 'g'), '--json');
    assert.equal(one.code, 0, one.err);
    assert.equal(JSON.parse(one.out).attention, 'general');
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'g', 'model.json'), 'utf8')) as { config: { attention: string } }).config.attention, 'general');
    const all = await runCli('train', 'seq2seq', '--score', 'all', '--steps', '4', '--eval-every', '2', '--hidden', '8', '--batch', '4', '--max-len', '4', '--min-len', '2', '--json');
    assert.equal(all.code, 0, all.err);
    const j = JSON.parse(all.out) as { runs: { attention: string; dataSha256: string; curve: { step: number }[] }[] };
    assert.deepEqual(j.runs.map((r) => r.attention), ['dot', 'general', 'additive']);
    assert.equal(new Set(j.runs.map((r) => r.dataSha256)).size, 1);
    assert.ok(j.runs.every((r) => r.curve.map((p) => p.step).join() === '2,4'));
    const text = await runCli('train', 'seq2seq', '--score', 'dot,additive', '--steps', '2', '--hidden', '8', '--batch', '4', '--max-len', '4', '--min-len', '2');
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /score\s+dot\s+additive/);
    assert.match(text.out, /sequence accuracy on 50 fresh inputs by step:/);
    for (const [args, why] of [
      [['--score', 'cosine'], /--score must be one of dot, general, additive/],
      [['--score', 'dot,dot'], /names a score twice/],
      [['--score', 'dot', '--attention', 'additive'], /give the score once/],
      [['--score', 'all', '--out', path.join(dir, 'x')], /nothing is saved/],
    ] as const) {
      const r = await runCli('train', 'seq2seq', ...args, '--steps', '2');
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, why);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'x')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
