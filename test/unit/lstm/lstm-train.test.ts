import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainLstm } from '../../../src/core/lstm/train';
import { compareTeacherForcing, generate, LmInputError, loadLstm, perplexityOf, perplexityOfAsync, Stepper } from '../../../src/core/lstm/engine';
import { StoppedError } from '../../../src/core/training';
import { ValidationError, type ParamValues } from '../../../src/core/params';
import type { ProgressUpdate, TrainContext } from '../../../src/core/training';
import { surprisal } from '../../../src/core/lm/measures';
import { ProgressClock } from '../timing';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-test-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const SENTENCES = [
  'the cat sat on the mat.',
  'a dog ran to the park and back.',
  'the quick brown fox jumps over the lazy dog.',
  'models learn to predict the next character.',
  'perplexity is the exponential of the mean surprisal.',
];
function corpus(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(SENTENCES[(i * 7 + (i >> 2)) % SENTENCES.length]);
  return lines.join('\n') + '\n';
}
const TEXT = corpus(400); // ~16k characters
const SMALL: ParamValues = { embedding: 8, hidden: 16, batch: 4, seq: 16, dropout: 0.2, evalEvery: 5, checkpointEvery: 1000, sampleLength: 20, evalTokens: 2000, lr: 0.01 };

function ctx(updates: ProgressUpdate[] = [], signal = new AbortController().signal): TrainContext {
  return { signal, onProgress: (u) => updates.push(u) };
}
const dir = (name: string) => path.join(tmp, name);

test('training lowers the loss and reports held-out measures, samples and teacher forcing', async () => {
  const updates: ProgressUpdate[] = [];
  const r = await trainLstm({ ...SMALL, steps: 40 }, TEXT, ctx(updates), { outDir: dir('a') });
  assert.equal(r.steps, 40);
  assert.equal(r.stopped, false);
  assert.ok(r.history.length >= 8);
  assert.ok(r.history[r.history.length - 1].heldOutLoss! < r.history[0].heldOutLoss!, 'held-out loss should fall');
  assert.ok(Math.abs(r.heldOutPerplexity - Math.exp(r.heldOutLoss)) < 1e-9 * r.heldOutPerplexity);
  assert.ok(Math.abs(r.bitsPerChar! - r.heldOutLoss / Math.LN2) < 1e-12);
  const withNote = updates.filter((u) => u.note);
  assert.ok(withNote.length >= 8);
  const m = withNote[withNote.length - 1].metrics!;
  for (const k of ['heldOutLoss', 'perplexity', 'bitsPerChar', 'tokensPerSecond']) assert.ok(Number.isFinite(m[k]), `metric ${k}`);
  const tf = (withNote[withNote.length - 1].extra as { teacherForcing: { teacherForced: unknown[]; freeRunning: unknown[] } }).teacherForcing;
  assert.ok(tf.teacherForced.length > 0 && tf.teacherForced.length === tf.freeRunning.length);
  assert.ok(fs.existsSync(path.join(dir('a'), 'model.json')) && fs.existsSync(path.join(dir('a'), 'weights.bin')));
});

test('resume: k steps + checkpoint + m more steps equals k+m steps straight', async () => {
  const straight = await trainLstm({ ...SMALL, steps: 14 }, TEXT, ctx(), { outDir: dir('straight') });
  await trainLstm({ ...SMALL, steps: 6 }, TEXT, ctx(), { outDir: dir('part') });
  const resumed = await trainLstm({ ...SMALL, steps: 14 }, TEXT, ctx(), { outDir: dir('part'), resumeFrom: dir('part') });
  assert.equal(resumed.resumedFromStep, 6);
  assert.equal(resumed.steps, 14);
  const a = loadLstm(dir('straight'));
  const b = loadLstm(dir('part'));
  let maxDiff = 0;
  let maxMove = 0;
  const init = loadLstm(dir('a')); // a different run, to show the comparison is not trivially true
  for (let i = 0; i < a.theta.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a.theta[i] - b.theta[i]));
    maxMove = Math.max(maxMove, Math.abs(a.theta[i] - init.theta[i]));
  }
  assert.ok(maxDiff < 1e-6, `resumed parameters differ by ${maxDiff}`);
  assert.ok(maxMove > 1e-3);
  assert.ok(Math.abs(straight.trainLoss - resumed.trainLoss) < 1e-6);
  assert.equal(b.meta!.adam.t, 14);
});

test('stopping: returns within a second, marks the run stopped and keeps a loadable checkpoint', async () => {
  const ac = new AbortController();
  const t0 = Date.now();
  let abortedAt = 0;
  const updates: ProgressUpdate[] = [];
  const clock = new ProgressClock();
  const onProgress = (u: ProgressUpdate) => {
    updates.push(u);
    if (!abortedAt) clock.tick();
  };
  const p = trainLstm({ ...SMALL, steps: 0, timeBudget: 60, evalEvery: 1000 }, TEXT, { signal: ac.signal, onProgress }, { outDir: dir('stop') });
  setTimeout(() => {
    abortedAt = Date.now();
    ac.abort();
  }, 700);
  fs.mkdirSync(dir('stop'), { recursive: true });
  fs.writeFileSync(path.join(dir('stop'), 'run.json'), '{"by":"the editor"}');
  const r = await p;
  assert.equal(r.stopped, true);
  assert.equal(fs.readFileSync(path.join(dir('stop'), 'run.json'), 'utf8'), '{"by":"the editor"}', 'other files in the model folder survive checkpoints');
  const took = Date.now() - abortedAt;
  assert.ok(took < clock.stopBound(), `took ${took} ms to stop (progress every ≤ ${clock.gap().toFixed(0)} ms)`);
  assert.ok(r.steps > 0);
  assert.equal(loadLstm(dir('stop')).meta!.step, r.steps);
  // progress is throttled: a few reports a second at most
  const secs = (Date.now() - t0) / 1000;
  assert.ok(updates.length <= Math.ceil(secs * 5) + 2, `${updates.length} progress reports in ${secs} s`);
});

test('bad input: empty corpus, corpus shorter than one batch, nonsense hyperparameters', async () => {
  await assert.rejects(trainLstm({ ...SMALL }, '', ctx(), { outDir: dir('bad') }), (e: Error) => e instanceof LmInputError && /empty/.test(e.message));
  await assert.rejects(trainLstm({ ...SMALL }, '  \n ', ctx(), { outDir: dir('bad') }), /empty/);
  await assert.rejects(trainLstm({ ...SMALL }, 'just a short note.', ctx(), { outDir: dir('bad') }), (e: Error) => e instanceof LmInputError && /too short/.test(e.message));
  const bads: ParamValues[] = [{ hidden: 0 }, { lr: 0 }, { layers: 3 }, { level: "byte" }, { dropout: 1 }, { batch: 2.5 }, { nonsense: 1 }];
  for (const bad of bads) {
    await assert.rejects(trainLstm({ ...SMALL, ...bad }, TEXT, ctx(), { outDir: dir('bad') }), ValidationError, JSON.stringify(bad));
  }
  // longer than one sequence but shorter than a batch: the batch shrinks to fit, and the run works
  const logs: string[] = [];
  const short = await trainLstm({ ...SMALL, steps: 3 }, TEXT.slice(0, 60), { ...ctx(), log: (m) => logs.push(m) }, { outDir: dir('short') });
  assert.equal(short.batch, 3);
  assert.equal(short.steps, 3);
  assert.ok(logs.some((l) => /batch is reduced to 3/.test(l)));
  assert.equal(loadLstm(dir('short')).meta!.params.batch, 3);
  // valid one by one, but far too big together: a clear message instead of an allocation failure
  await assert.rejects(trainLstm({ ...SMALL, hidden: 1024, batch: 512, seq: 1024 }, TEXT.repeat(40), ctx(), { outDir: dir('bad') }), /GB of working memory/);
  assert.equal(fs.existsSync(dir('bad')), false, 'nothing is written for bad input');
  // a folder that is not a model folder is never replaced
  fs.mkdirSync(dir('notes'));
  fs.writeFileSync(path.join(dir('notes'), 'lecture.md'), '# my notes');
  await assert.rejects(trainLstm({ ...SMALL, steps: 2 }, TEXT, ctx(), { outDir: dir('notes') }), /not a model folder/);
  assert.equal(fs.readFileSync(path.join(dir('notes'), 'lecture.md'), 'utf8'), '# my notes');
});

test('corrupt or truncated checkpoints are reported and nothing is overwritten', async () => {
  await trainLstm({ ...SMALL, steps: 3 }, TEXT, ctx(), { outDir: dir('c') });
  const w = path.join(dir('c'), 'weights.bin');
  const good = fs.readFileSync(w);
  const cases: [string, () => void, RegExp][] = [
    ['truncated', () => fs.writeFileSync(w, good.subarray(0, good.length - 100)), /truncated/],
    ['flipped byte', () => fs.writeFileSync(w, Buffer.from(good.map((b, i) => (i === 123 ? b ^ 0xff : b)))), /checksum/],
    ['missing weights', () => fs.rmSync(w), /missing/],
  ];
  for (const [what, damage, re] of cases) {
    damage();
    const before = fs.existsSync(w) ? fs.readFileSync(w) : null;
    assert.throws(() => loadLstm(dir('c')), re, what);
    await assert.rejects(trainLstm({ ...SMALL, steps: 6 }, TEXT, ctx(), { outDir: dir('c'), resumeFrom: dir('c') }), re, what);
    assert.deepEqual(fs.existsSync(w) ? fs.readFileSync(w) : null, before, `${what}: the damaged checkpoint must not be overwritten`);
    fs.writeFileSync(w, good);
  }
  const mj = path.join(dir('c'), 'model.json');
  const json = fs.readFileSync(mj, 'utf8');
  fs.writeFileSync(mj, json.slice(0, json.length / 2));
  assert.throws(() => loadLstm(dir('c')), /corrupt/);
  fs.writeFileSync(mj, json);
  assert.ok(loadLstm(dir('c')).theta.length > 0);
  assert.throws(() => loadLstm(dir('nowhere')), /does not exist/);
  await assert.rejects(trainLstm({ ...SMALL, steps: 6 }, TEXT.slice(0, 12000), ctx(), { outDir: dir('c'), resumeFrom: dir('c') }), /different corpus/);
});

test('generation: seeded, greedy is deterministic, every token carries its probability and surprisal', () => {
  const model = loadLstm(dir('a'));
  const a = generate(model, { prompt: 'the cat', length: 30, temperature: 1, seed: 4 });
  const b = generate(model, { prompt: 'the cat', length: 30, temperature: 1, seed: 4 });
  assert.equal(a.tokens.length, 30);
  assert.equal(a.text, b.text);
  assert.equal(a.text, a.tokens.map((t) => t.text).join(''));
  assert.equal([...a.promptTokens, ...a.tokens].map((t) => t.display).join(''), 'the cat' + a.text);
  for (const t of a.tokens) {
    assert.ok(t.prob > 0 && t.prob <= 1);
    assert.ok(Math.abs(t.surprisal - -Math.log(t.prob)) < 1e-9);
    assert.notEqual(t.id, 0, 'the unknown token is never generated');
  }
  const seeds = new Set([1, 2, 3, 5, 6].map((s) => generate(model, { prompt: 'the ', length: 40, seed: s, temperature: 1.5 }).text));
  assert.ok(seeds.size > 1, 'different seeds should give different samples');
  const g1 = generate(model, { prompt: 'the ', length: 25, temperature: 0 });
  const g2 = generate(model, { prompt: 'the ', length: 25, temperature: 0, seed: 99 });
  assert.equal(g1.text, g2.text);
  // greedy picks the most probable token at every step
  const top1 = generate(model, { prompt: 'the ', length: 25, topK: 1, seed: 7 });
  assert.equal(top1.text, g1.text);
  assert.throws(() => generate(model, { prompt: 'x', topP: 1.5 }), /top-p/);
});

test('generation: unknown prompt characters are mapped to <unk> and reported', () => {
  const model = loadLstm(dir('a'));
  const g = generate(model, { prompt: 'Zebra €', length: 5 });
  assert.deepEqual(g.unknown, ['Z', '€']);
  assert.equal(g.unknownCount, 2);
  assert.equal(g.promptTokens[0].id, 0);
  assert.equal(g.promptTokens[0].text, 'Z');
  assert.equal(g.tokens.length, 5);
});

test('perplexity of a text equals exp(mean surprisal) computed token by token', () => {
  const model = loadLstm(dir('a'));
  const text = 'the quick brown fox jumps over the lazy cat.';
  const r = perplexityOf(model, text);
  const ids = model.vocab.encode(text).ids;
  const st = new Stepper(model);
  let sum = 0;
  for (let i = 0; i + 1 < ids.length; i++) sum += surprisal(st.feed(ids[i])[ids[i + 1]]);
  const byHand = Math.exp(sum / (ids.length - 1));
  assert.equal(r.tokens, ids.length - 1);
  assert.ok(Math.abs(r.perplexity - byHand) < 1e-4 * byHand, `${r.perplexity} vs ${byHand}`);
  assert.ok(Math.abs(r.bitsPerChar! - Math.log(r.perplexity) / Math.LN2) < 1e-9);
  assert.throws(() => perplexityOf(model, 'a'), /too short/);
  assert.throws(() => perplexityOf(model, ''), /empty/);
});

test('teacher forcing vs free running on a held-out snippet', () => {
  const model = loadLstm(dir('a'));
  const c = compareTeacherForcing(model, 'the quick brown fox jumps over the lazy dog.', { prefix: 10, length: 20 });
  assert.equal(c.prefix, 'the quick ');
  assert.equal(c.truth, 'brown fox jumps over');
  assert.equal(c.teacherForced.length, 20);
  assert.equal(c.freeRunning.length, 20);
  assert.equal(c.teacherForced.map((s) => s.truth).join(''), c.truth);
  // the accuracy recomputed step by step: after the start token and the prefix, is the most probable known token
  // (never <unk>, id 0) the true next one?
  const ids = model.vocab.encode('the quick brown fox jumps over the lazy dog.').ids;
  const st = new Stepper(model);
  let probs = st.feed(model.vocab.idOf('\n')!);
  for (let i = 0; i < 10; i++) probs = st.feed(ids[i]);
  let hits = 0;
  for (let i = 10; i < 30; i++) {
    let best = 1;
    for (let k = 2; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
    const hit = best === ids[i];
    assert.equal(c.teacherForced[i - 10].correct, hit, `step ${i - 10}`);
    assert.equal(c.teacherForced[i - 10].predicted, model.vocab.tokenText(best));
    if (hit) hits++;
    probs = st.feed(ids[i]);
  }
  assert.equal(c.teacherForcedAccuracy, hits / 20);
  // after 40 steps on this text it already guesses well above chance (1 in the vocabulary size)
  assert.ok(c.teacherForcedAccuracy >= 3 / model.vocab.size, `teacher-forced accuracy ${c.teacherForcedAccuracy} (vocabulary ${model.vocab.size})`);
  for (const s of c.teacherForced) assert.ok(Math.abs(s.surprisal + Math.log(s.probOfTruth)) < 1e-9);
});

test('word-level model: EOS tokens, <unk> for rare words, perplexity without bits per char', async () => {
  const r = await trainLstm({ ...SMALL, level: 'word', seq: 8, steps: 10, minCount: 2 }, TEXT + 'zyzzyva appears once.\n'.repeat(1), ctx(), { outDir: dir('w') });
  assert.equal(r.level, 'word');
  assert.equal(r.bitsPerChar, undefined);
  const model = loadLstm(dir('w'));
  assert.ok(model.vocab.idOf('<eos>')! > 0);
  assert.equal(model.vocab.idOf('zyzzyva'), undefined);
  const g = generate(model, { prompt: 'the aardvark', length: 8 });
  assert.deepEqual(g.unknown, ['aardvark']);
  const shown = [...g.promptTokens, ...g.tokens].map((t) => t.display).join('');
  assert.ok(shown.startsWith('the aardvark'), shown);
  assert.equal(shown.replace(/\s+/g, ' ').trim(), `the aardvark ${g.text}`.replace(/\s+/g, ' ').trim());
  assert.equal(g.tokens.length, 8);
  const p = perplexityOf(model, 'the cat sat on the mat.');
  assert.equal(p.bitsPerChar, undefined);
  assert.ok(p.perplexity > 1 && p.perplexity < model.vocab.size);
});

test('without the WebAssembly kernel the plain-JS kernels train the same model', async () => {
  const js = await trainLstm({ ...SMALL, steps: 4, dropout: 0 }, TEXT, ctx(), { outDir: dir('js'), ops: 'js32' });
  const wasm = await trainLstm({ ...SMALL, steps: 4, dropout: 0 }, TEXT, ctx(), { outDir: dir('wasm') });
  assert.equal(js.kernel, 'js32');
  assert.ok(Math.abs(js.trainLoss - wasm.trainLoss) < 1e-4, `${js.trainLoss} vs ${wasm.trainLoss}`);
  assert.ok(Math.abs(js.heldOutLoss - wasm.heldOutLoss) < 1e-3);
});

test('a large step runs as groups of streams: same training, and a stop between groups undoes the partial step', async () => {
  const logs: string[] = [];
  // without dropout (whose masks are drawn per group) grouping changes nothing but the order of sums
  const whole = await trainLstm({ ...SMALL, dropout: 0, steps: 6 }, TEXT, ctx(), { outDir: dir('whole') });
  const grouped = await trainLstm({ ...SMALL, dropout: 0, steps: 6 }, TEXT, { ...ctx(), log: (m) => logs.push(m) }, { outDir: dir('grouped'), maxStepFlops: 1 });
  assert.ok(logs.some((l) => /in 4 groups of 1 streams/.test(l)), logs.join('\n'));
  assert.ok(Math.abs(whole.trainLoss - grouped.trainLoss) < 1e-5, `${whole.trainLoss} vs ${grouped.trainLoss}`);
  const a = loadLstm(dir('whole')).theta;
  const b = loadLstm(dir('grouped')).theta;
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  assert.ok(d < 1e-4, `grouped parameters differ by ${d}`);
  // resume of a grouped run continues exactly
  await trainLstm({ ...SMALL, steps: 9 }, TEXT, ctx(), { outDir: dir('grouped'), resumeFrom: dir('grouped'), maxStepFlops: 1 });
  const straight = await trainLstm({ ...SMALL, dropout: 0, steps: 9 }, TEXT, ctx(), { outDir: dir('grouped9'), maxStepFlops: 1 });
  const c = loadLstm(dir('grouped')).theta;
  const e = loadLstm(dir('grouped9')).theta;
  let d2 = 0;
  for (let i = 0; i < c.length; i++) d2 = Math.max(d2, Math.abs(c[i] - e[i]));
  assert.ok(d2 < 1e-6, `resumed grouped run differs by ${d2}`);
  assert.equal(straight.steps, 9);
  // stop in the middle of a step: the checkpoint is the state before that step
  const ac = new AbortController();
  let calls = 0;
  const stopCtx: TrainContext = { signal: ac.signal, onProgress: () => undefined };
  const origImmediate = setImmediate;
  (globalThis as { setImmediate: unknown }).setImmediate = ((fn: () => void) => {
    if (++calls === 2) ac.abort(); // abort while the first step waits between its groups
    return origImmediate(fn);
  }) as unknown;
  try {
    const r = await trainLstm({ ...SMALL, steps: 5 }, TEXT, stopCtx, { outDir: dir('midstop'), maxStepFlops: 1 });
    assert.equal(r.stopped, true);
    assert.equal(r.steps, 0);
    const m = loadLstm(dir('midstop')).meta!;
    assert.equal(m.step, 0);
    assert.deepEqual(m.data, { epoch: 0, index: 0 });
  } finally {
    (globalThis as { setImmediate: unknown }).setImmediate = origImmediate;
  }
});

test('perplexityOfAsync equals perplexityOf and stops when aborted', async () => {
  const model = loadLstm(dir('a'));
  const text = TEXT.repeat(3);
  const sync = perplexityOf(model, text);
  const fractions: number[] = [];
  const asyncR = await perplexityOfAsync(model, text, { onProgress: (f) => fractions.push(f) });
  assert.equal(asyncR.tokens, sync.tokens);
  assert.ok(Math.abs(asyncR.perplexity - sync.perplexity) < 1e-9 * sync.perplexity);
  for (const f of fractions) assert.ok(f > 0 && f < 1);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(perplexityOfAsync(model, text, { signal: ac.signal }), StoppedError);
});

for (const cell of ['gru', 'rnn'] as const) {
  test(`the ${cell.toUpperCase()} cell trains through the language-model path; generation and perplexity load it`, async () => {
    const r = await trainLstm({ ...SMALL, cell, steps: 40 }, TEXT, ctx(), { outDir: dir(`cell-${cell}`) });
    assert.equal(r.cell, cell);
    assert.ok(r.history[r.history.length - 1].heldOutLoss! < r.history[0].heldOutLoss!, 'held-out loss should fall');
    const m = loadLstm(dir(`cell-${cell}`));
    assert.equal(m.config.cell, cell);
    assert.equal(m.theta.length, 8 * r.vocabSize + (8 + 16 + 1) * (cell === 'gru' ? 3 : 1) * 16 + 17 * r.vocabSize);
    const g = generate(m, { prompt: 'the ', length: 20, seed: 1 });
    assert.equal(g.tokens.length, 20);
    const p = perplexityOf(m, 'the cat sat on the mat.');
    assert.ok(p.perplexity > 1 && p.perplexity < r.vocabSize / 2, `perplexity ${p.perplexity} of a training sentence (vocabulary ${r.vocabSize})`);
    // A resumed run keeps the checkpoint's cell even when asked for another one.
    const again = await trainLstm({ ...SMALL, cell: 'lstm', steps: 45 }, TEXT, ctx(), { outDir: dir(`cell-${cell}`), resumeFrom: dir(`cell-${cell}`) });
    assert.equal(again.cell, cell);
  });
}
