/**
 * The word2vec stepper's updates are the trainer's updates: running every update of every epoch leaves the vectors
 * trainWord2vec (one thread, same seed) leaves, to 1e-6 (SGNS and CBOW, with subsampling). Each recorded update is
 * checked against its own numbers and against an independent float64 SGD on the notes' objective replaying the same
 * draws; step / to-epoch-end / neighbours; the CLI's JSON and its refusals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBrownSentences } from '../../../src/core/corpus/brown';
import { trainWord2vec } from '../../../src/core/word2vec/train';
import { Word2vecStepper, type StepRecord } from '../../../src/core/word2vec/stepper';
import { allocMemory, instantiateKernel, kernelModule, planLayout, views } from '../../../src/core/word2vec/kernel';
import { aliasTable, keepThresholds } from '../../../src/core/word2vec/vocab';
import { Rng } from '../../../src/core/util/rng';
import { runCli } from '../runCli';

const corpus = () => loadBrownSentences().slice(0, 150);
const quiet = { signal: new AbortController().signal, onProgress() {} };
const params = { dim: 10, window: 3, negative: 4, minCount: 2, sample: 1e-3, epochs: 2, lr: 0.05, seed: 11 };

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch}: every update of every epoch through the stepper = the trainer's vectors (1e-6)`, async () => {
    const st = new Word2vecStepper({ ...params, arch }, corpus());
    const model = await trainWord2vec({ ...params, arch, threads: 1 }, corpus(), quiet, { snapshotWords: 0 });
    assert.deepEqual(st.vocab.words, model.words);
    let n = 0;
    let lossSum = 0;
    let epoch1 = 0;
    for (let r = st.next(); r; r = st.next()) {
      n++;
      lossSum += r.loss;
      if (r.epoch === 1) epoch1++;
    }
    assert.ok(n > 1000, `${n} updates`);
    const v = st.vectors();
    let worst = 0;
    for (let i = 0; i < v.length; i++) worst = Math.max(worst, Math.abs(v[i] - model.vectors[i]));
    assert.ok(worst <= 1e-6, `largest difference ${worst}`);
    // and the comparison can tell runs apart: another sampling seed (same initial vectors) ends elsewhere
    const other = new Word2vecStepper({ ...params, arch }, corpus());
    (other as unknown as { rng: bigint }).rng ^= 1n;
    while (other.next());
    const o = other.vectors();
    let apart = 0;
    for (let i = 0; i < v.length; i++) apart = Math.max(apart, Math.abs(o[i] - model.vectors[i]));
    assert.ok(apart > 1e-3, `another draw sequence differs by only ${apart}`);
    // the trainer's per-epoch mean loss is the mean of the stepper's update losses (its float32 polynomial σ vs exact)
    assert.ok(Math.abs(model.stats!.lossPerEpoch.reduce((a, b) => a + b, 0) / 2 - lossSum / n) < 0.02, `${model.stats!.lossPerEpoch} vs ${lossSum / n}`);
    assert.ok(epoch1 > 0 && epoch1 < n);
  });
}

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch}: N updates of the stepper = the engine's kernel run over the same sentences (trainRange), mid-run, to 1e-6`, () => {
    const all = new Word2vecStepper({ ...params, arch }, corpus());
    const sentenceOf: number[] = [];
    for (let r = all.next(); r && r.epoch === 1; r = all.next()) sentenceOf.push(r.sentence);
    for (const s of [1, 7, 40]) {
      const n = sentenceOf.filter((x) => x < s).length;
      const st = new Word2vecStepper({ ...params, arch }, corpus());
      assert.equal(st.step(n).length, n);
      // the engine as trainWord2vec sets it up, trained on sentences [0, s) by the kernel's own loop
      const { vocab, ids, offsets } = st;
      const V = vocab.words.length;
      const layout = planLayout({ vocab: V, dim: params.dim, threads: 1, epochs: params.epochs, tokens: ids.length, sentences: offsets.length - 1 });
      const mem = allocMemory(layout);
      const v = views(mem, layout);
      const rng = new Rng(params.seed);
      for (let w = 0; w < V; w++) for (let j = 0; j < params.dim; j++) v.syn0[w * v.rowFloats + j] = (rng.next() - 0.5) / params.dim;
      const noise = aliasTable(vocab.counts);
      v.aliasProb.set(noise.prob);
      v.aliasIdx.set(noise.alias);
      v.keep.set(keepThresholds(vocab.counts, params.sample, vocab.retainedTokens));
      v.ids.set(ids);
      v.offsets.set(offsets);
      const k = instantiateKernel(kernelModule(), mem, layout, 0, { negative: params.negative, window: params.window, cbow: arch === 'cbow', seed: params.seed });
      k.trainRange(layout.ids, layout.offsets, 0, s, params.lr, 1e-4, ids.length * params.epochs, layout.progress);
      assert.ok(Math.abs(k.getPairCount() - n) < 1e-9, `the kernel made ${k.getPairCount()} updates, the stepper ${n}`);
      const mine = st.vectors();
      let worst = 0;
      for (let w = 0; w < V; w++) for (let j = 0; j < params.dim; j++) worst = Math.max(worst, Math.abs(mine[w * params.dim + j] - v.syn0[w * v.rowFloats + j]));
      assert.ok(worst <= 1e-6, `after ${s} sentence(s) (${n} updates): largest difference ${worst}`);
    }
  });
}

/** Replays records on float64 copies of the vectors, with the SGD step on −log σ(u₀·x) − Σ log σ(−u_k·x). */
function replay(records: StepRecord[], words: string[], syn0: number[][], syn1: number[][], arch: 'sgns' | 'cbow') {
  const id = new Map(words.map((w, i) => [w, i]));
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  for (const r of records) {
    const ctx = r.context.map((w) => id.get(w)!);
    const inputs = arch === 'sgns' ? [id.get(r.center)!] : ctx;
    const x = syn0[inputs[0]].map((_, j) => inputs.reduce((a, w) => a + syn0[w][j], 0) / inputs.length);
    const tg = [arch === 'sgns' ? ctx[0] : id.get(r.center)!, ...r.negatives.map((w) => id.get(w)!)];
    const g = tg.map((w, t) => r.lr * ((t === 0 ? 1 : 0) - sig(syn1[w].reduce((a, u, j) => a + u * x[j], 0))));
    const e = new Array(x.length).fill(0);
    tg.forEach((w, t) => {
      for (let j = 0; j < x.length; j++) {
        e[j] += g[t] * syn1[w][j];
        syn1[w][j] += g[t] * x[j];
      }
    });
    // CBOW as word2vec.c: every context row receives the whole error e.
    for (const w of inputs) for (let j = 0; j < x.length; j++) syn0[w][j] += e[j];
  }
}

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch}: each record's numbers are the objective's, and 300 updates replayed in float64 give the same vectors`, () => {
    const st = new Word2vecStepper({ ...params, arch }, corpus());
    const dim = params.dim;
    const V = st.vocab.words.length;
    const v0 = st.vectors();
    const syn0 = Array.from({ length: V }, (_, w) => Array.from(v0.subarray(w * dim, (w + 1) * dim), Number));
    const syn1 = Array.from({ length: V }, () => new Array(dim).fill(0));
    const recs = st.step(300);
    assert.equal(recs.length, 300);
    for (const r of recs) {
      assert.equal(r.targets.length, 1 + r.negatives.length);
      assert.ok(Math.abs(r.loss - r.targets.reduce((a, t) => a + (t.label ? Math.log1p(Math.exp(-t.dot)) : Math.log1p(Math.exp(t.dot))), 0)) < 1e-9);
      const distinct = new Set(r.targets.map((t) => t.word)).size === r.targets.length;
      if (!distinct) continue;
      // the applied change is −lr × the recorded gradient
      for (const t of r.targets) t.applied.forEach((d, j) => assert.ok(Math.abs(d + r.lr * t.grad[j]) < 1e-6));
      // SGNS: v_c; CBOW: each context row receives the full −lr × ∂L/∂h (when the context words are distinct)
      if (arch === 'sgns' || new Set(r.context).size === r.context.length) r.inputApplied.forEach((d, j) => assert.ok(Math.abs(d + r.lr * r.inputGrad[j]) < 1e-6));
      assert.ok(r.formula.startsWith('L = −log σ(') && r.formula.includes(String(Number(r.loss.toPrecision(6)))));
    }
    replay(recs, st.vocab.words, syn0, syn1, arch);
    const v = st.vectors();
    let worst = 0;
    for (let w = 0; w < V; w++) for (let j = 0; j < dim; j++) worst = Math.max(worst, Math.abs(v[w * dim + j] - syn0[w][j]));
    assert.ok(worst < 1e-5, `largest difference after 300 updates ${worst}`);
  });
}

test('toEpochEnd stops at the epoch boundary; step counts; neighbours move; the run ends with null', () => {
  const st = new Word2vecStepper({ ...params, epochs: 2 }, corpus());
  const first = st.step(10);
  assert.deepEqual(first.map((r) => r.step), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const before = st.neighbours('the', 5);
  const rest = st.toEpochEnd();
  assert.ok(rest.every((r) => r.epoch === 1) && rest.length > 0);
  const next = st.next()!;
  assert.equal(next.epoch, 2);
  assert.equal(next.step, 11 + rest.length);
  assert.notDeepEqual(st.neighbours('the', 5), before);
  st.toEpochEnd();
  assert.equal(st.next(), null);
  assert.ok(st.done);
  assert.throws(() => st.neighbours('zzzz-not-a-word'), /not in the vocabulary/);
});

test('ml-study step --json: one record per update; bad input exits 2 with one line', async () => {
  const text = 'the cat sat on the mat . the dog sat on the log . a cat and a dog .';
  const r = await runCli('step', '--text', text, '--steps', '5', '--dim', '4', '--negative', '2', '--window', '2', '--watch', 'cat', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.steps.length, 5);
  assert.equal(j.steps[0].targets.length, 1 + j.steps[0].negatives.length);
  assert.equal(j.steps[4].neighbours.length, 5);
  // the same run again through the engine gives the same first record
  const st = new Word2vecStepper({ dim: 4, negative: 2, window: 2, minCount: 1, sample: 0, epochs: 1, seed: 1 }, text);
  const rec = st.next()!;
  assert.equal(j.steps[0].center, rec.center);
  assert.deepEqual(j.steps[0].negatives, rec.negatives);
  assert.ok(Math.abs(j.steps[0].loss - rec.loss) < 1e-9);
  const br = JSON.parse((await runCli('step', '--text', text, '--steps', '5', '--dim', '4', '--negative', '2', '--window', '2', '--brief', '--json')).out);
  assert.equal(br.steps[0].loss, j.steps[0].loss);
  assert.deepEqual(br.steps[0].inputGrad, []);
  assert.equal(j.steps[0].inputGrad.length, 4);
  const e = await runCli('step', '--text', text, '--to-epoch-end', '--dim', '3', '--json');
  assert.equal(e.code, 0, e.err);
  assert.ok(JSON.parse(e.out).steps.every((s: StepRecord) => s.epoch === 1));
  for (const bad of [[], ['--text', text, '--file', '/etc/hostname'], ['--text', text, '--watch', 'zebra'], ['--file', '/'], ['--text', ''], ['--text', text, '--steps', '0']]) {
    const b = await runCli('step', ...bad);
    assert.equal(b.code, 2, `${bad.join(' ')}: ${b.err}`);
    assert.equal(b.err.trim().split('\n').length, 1);
  }
});
