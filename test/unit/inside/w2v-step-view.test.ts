/**
 * What the training worker sends to the word2vec stepper view is the engine's: the frames of the worker's
 * `stepper.*` handlers after N updates carry the record an independent Word2vecStepper makes at update N, rows
 * equal to that stepper's vectors, dot products and σ that follow from the frame's own vectors, and after the last
 * update of the last epoch input rows and neighbours equal to trainWord2vec's vectors (one thread, same seed). The
 * map moves exactly the vectors an update moved; the objective in TeX carries the update's numbers and renders.
 * Bad settings, steps, ids and words are refused.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { stepperHandlers } from '../../../src/worker/stepperRequests';
import { Word2vecStepper } from '../../../src/core/word2vec/stepper';
import { objectiveTex, texWord } from '../../../src/core/word2vec/stepperFrame';
import { trainWord2vec } from '../../../src/core/word2vec/train';
import { tokenizeSentences } from '../../../src/core/corpus/tokenize';
import { renderTexToSvg } from '../../../src/core/formula/render';
import { repoRoot } from '../word2vec/helpers';

const text = fs.readFileSync(path.join(repoRoot(), 'demo', 'notes', '03-word2vec.tex'), 'utf8');
const settings = { arch: 'sgns', window: 2, negative: 3, dim: 6, lr: 0.1, epochs: 2, seed: 5 };
const engine = (over: Record<string, unknown> = {}) => ({ ...settings, ...over, minCount: 1, sample: 0 }) as ConstructorParameters<typeof Word2vecStepper>[0];
const H = stepperHandlers;
const quiet = { signal: new AbortController().signal, onProgress() {} };

function rowOf(m: Float32Array, dim: number, id: number): number[] {
  return Array.from(m.subarray(id * dim, (id + 1) * dim));
}

function close(a: readonly number[], b: readonly number[], tol: number, what: string): void {
  assert.equal(a.length, b.length, what);
  a.forEach((x, j) => assert.ok(Math.abs(x - b[j]) <= tol, `${what}[${j}]: ${x} vs ${b[j]}`));
}

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch}: the frame after N updates is the stepper's update N, its vectors and its numbers`, async () => {
    const id = `t-${arch}`;
    const f0 = await H['stepper.create']({ id, params: { ...settings, arch }, text });
    assert.equal(f0.updatesDone, 0);
    assert.equal(f0.record, null);
    const ref = new Word2vecStepper(engine({ arch }), text);
    assert.equal(f0.vocabulary, ref.vocab.words.length);
    let done = 0;
    for (const n of [1, 10, 100]) {
      const f = await H['stepper.step']({ id, steps: n });
      const recs = ref.step(n);
      done += n;
      assert.equal(f.updatesDone, done);
      assert.equal(f.batch, n);
      assert.deepEqual(f.record, recs[n - 1]);
      assert.ok(Math.abs(f.batchLoss! - recs.reduce((a, r) => a + r.loss, 0) / n) < 1e-12);
      const r = f.record!;
      const dim = settings.dim;
      const vin = ref.vectors();
      const vout = ref.outputVectors();
      // every moved row, after, is the stepper's row now; input rows first, then the targets' output rows
      assert.equal(f.rows.length, r.inputRows.length + r.targets.length);
      for (const row of f.rows) close(row.after, rowOf(row.matrix === 'input' ? vin : vout, dim, ref.vocab.index.get(row.word)!), 0, `${row.matrix} ${row.word}`);
      // dot products and σ follow from the vectors before the update (computed here)
      r.targets.forEach((t, k) => {
        const u = f.rows[r.inputRows.length + k].before;
        const dot = u.reduce((a, v, j) => a + v * r.input[j], 0);
        assert.ok(Math.abs(dot - t.dot) < 1e-9, `dot of ${t.word}`);
        assert.ok(Math.abs(1 / (1 + Math.exp(-dot)) - t.sigma) < 1e-9);
      });
      if (arch === 'sgns') close(r.input, f.rows[0].before, 0, 'x = v_c before');
      else {
        const mean = r.input.map((_, j) => r.context.reduce((a, w) => a + f.rows.find((x) => x.matrix === 'input' && x.word === w)!.before[j], 0) / r.context.length);
        close(r.input, mean, 1e-6, 'h = the mean of the context rows');
      }
      // neighbours of the watched word: cosines of the stepper's vectors, computed here
      const w = f.watch!.word;
      const q = rowOf(vin, dim, ref.vocab.index.get(w)!);
      for (const nb of f.watch!.neighbours) {
        const v = rowOf(vin, dim, ref.vocab.index.get(nb.word)!);
        const cos = v.reduce((a, x, j) => a + x * q[j], 0) / (Math.hypot(...v) * Math.hypot(...q));
        assert.ok(Math.abs(cos - nb.similarity) < 1e-9, `cos(${w}, ${nb.word})`);
      }
      // the objective in TeX: the words and the loss of the update, and MathJax renders it
      assert.ok(f.tex!.includes(texWord(r.center)) && f.tex!.includes(String(Number(r.loss.toPrecision(4)))), f.tex!);
      const svg = renderTexToSvg(f.tex!, { display: true });
      assert.ok('svg' in svg, 'error' in svg ? svg.error : '');
    }
    await H['stepper.dispose']({ id });
  });
}

test('one update moves exactly the vectors it changed on the map', async () => {
  const id = 'map';
  await H['stepper.create']({ id, params: settings, text });
  await H['stepper.step']({ id, steps: 30 });
  const f = await H['stepper.step']({ id, steps: 1 });
  const r = f.record!;
  const movedIn = new Set(r.inputRows.map((x) => x.word));
  const targets = new Set(r.targets.map((t) => t.word));
  assert.ok(f.map.length > 10);
  for (const p of f.map) {
    const moved = p.matrix === 'input' ? movedIn.has(p.word) : targets.has(p.word);
    assert.equal(p.current, moved, `${p.matrix} ${p.word}`);
    const still = p.x === p.x0 && p.y === p.y0;
    if (!moved) assert.ok(still, `${p.word} did not move but its point did`);
  }
  // the update's output vectors moved (σ − label ≠ 0 always)
  assert.ok(f.map.some((p) => p.matrix === 'output' && (p.x !== p.x0 || p.y !== p.y0)));
});

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch}: stepped to the end of every epoch, the frame shows trainWord2vec's vectors (1e-6)`, async () => {
    const id = `end-${arch}`;
    await H['stepper.create']({ id, params: { ...settings, arch }, text });
    let f = await H['stepper.step']({ id, steps: 'epoch' });
    assert.equal(f.record!.epoch, 1);
    f = await H['stepper.step']({ id, steps: 'epoch' });
    assert.equal(f.record!.epoch, 2);
    assert.ok(f.done);
    const model = await trainWord2vec({ ...engine({ arch }), threads: 1 } as Parameters<typeof trainWord2vec>[0], tokenizeSentences(text), quiet, { snapshotWords: 0 });
    const dim = settings.dim;
    const idOf = new Map(model.words.map((w, i) => [w, i]));
    for (const row of f.rows.filter((x) => x.matrix === 'input')) close(row.after, rowOf(model.vectors, dim, idOf.get(row.word)!), 1e-6, `v(${row.word})`);
    const q = rowOf(model.vectors, dim, idOf.get(f.watch!.word)!);
    for (const nb of f.watch!.neighbours) {
      const v = rowOf(model.vectors, dim, idOf.get(nb.word)!);
      const cos = v.reduce((a, x, j) => a + x * q[j], 0) / (Math.hypot(...v) * Math.hypot(...q));
      assert.ok(Math.abs(cos - nb.similarity) < 1e-5, `cos(${f.watch!.word}, ${nb.word}): ${nb.similarity} vs the trainer's ${cos}`);
    }
    // past the end nothing more happens
    const after = await H['stepper.step']({ id, steps: 1 });
    assert.equal(after.updatesDone, f.updatesDone);
    assert.equal(after.batch, 0);
  });
}

test('the objective in TeX: every target, the loss, words escaped; CBOW names h', () => {
  const st = new Word2vecStepper(engine({ negative: 6 }), 'the cat sat on the mat . a dog sat on a log .');
  const r = st.next()!;
  const tex = objectiveTex(r);
  assert.match(tex, /\\begin\{aligned\}/);
  assert.match(tex, /\\dots_\{\d+\\text\{ more\}\}/);
  assert.ok(tex.includes(String(Number(r.loss.toPrecision(4)))));
  assert.equal(texWord('a_b\\c{d}$'), '\\text{a·b·c·d··}');
  const cb = objectiveTex(new Word2vecStepper(engine({ arch: 'cbow' }), 'the cat sat on the mat .').next()!);
  assert.match(cb, /h &= \\tfrac\{1\}/);
  assert.ok('svg' in renderTexToSvg(cb, { display: true }));
});

test('bad settings, steps, ids, words and texts are refused', async () => {
  const id = 'bad';
  await assert.rejects(async () => H['stepper.create']({ id, params: { ...settings, dim: 50 }, text }), /Dimensions/);
  await assert.rejects(async () => H['stepper.create']({ id, params: { ...settings, bogus: 1 }, text }), /unknown parameter/);
  await assert.rejects(async () => H['stepper.create']({ id: '../x', params: settings, text }), /stepper id/);
  await assert.rejects(async () => H['stepper.create']({ id, params: settings, text: 'word' }), /distinct word/);
  await assert.rejects(async () => H['stepper.create']({ id, params: settings, text: 42 as unknown as string }), /text must be/);
  await H['stepper.create']({ id, params: settings, text });
  for (const steps of [0, -1, 1.5, 1e9, 'all' as unknown as number]) await assert.rejects(async () => H['stepper.step']({ id, steps }), /steps must be/);
  await assert.rejects(async () => H['stepper.step']({ id: 'nobody', steps: 1 }), /^Error: no stepper nobody/);
  await assert.rejects(async () => H['stepper.watch']({ id, word: 'zebra-not-here' }), /not in the vocabulary/);
  const f = await H['stepper.watch']({ id, word: 'Vectors' });
  assert.equal(f.watch!.word, 'vectors');
});
