/**
 * The causal Transformer as a language model: its surprisals, perplexity and generation against a float64
 * forward pass written here from the weights (no tfjs), what a training run reports for the Language Model view,
 * and the model picker's facts of saved model folders, hostile ones included.
 */
import './cli-argv';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type TransformerConfig } from '../../../src/core/attention/transformer';
import { generateTransformer, scoreTransformerIds, transformerPerplexity, transformerTeacherForcing } from '../../../src/core/attention/causalLm';
import { loadAttentionModelSync, saveTransformer } from '../../../src/core/attention/store';
import { trainTransformer } from '../../../src/core/attention/transformerTrainer';
import type { ProgressExtras, ProgressUpdate } from '../../../src/core/training';
import { Vocab } from '../../../src/core/lm/vocab';
import { modelFacts, ModelFactsError } from '../../../src/core/lm/describe';
import { Rng } from '../../../src/core/util/rng';
import { runCli } from '../runCli';

type W = Map<string, Float32Array>;

/** y = x·W + b for one row x (W is [n, m], row-major). */
function affine(x: number[], w: Float32Array, b: Float32Array | undefined, m: number): number[] {
  const out = Array.from({ length: m }, (_, j) => (b ? b[j] : 0));
  for (let i = 0; i < x.length; i++) for (let j = 0; j < m; j++) out[j] += x[i] * w[i * m + j];
  return out;
}

function layerNorm(x: number[], g: Float32Array, b: Float32Array): number[] {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * g[i] + b[i]);
}

/** Logits of every position of one window, in float64, straight from the weights. */
function referenceLogits(cfg: TransformerConfig, w: W, ids: number[]): number[][] {
  const { dModel: d, heads: H, ffn: F, vocab: V } = cfg;
  const dk = d / H;
  const T = ids.length;
  let x = ids.map((id, t) => Array.from({ length: d }, (_, i) => w.get('emb')![id * d + i] + (i % 2 === 0 ? Math.sin : Math.cos)(t / 10000 ** ((2 * Math.floor(i / 2)) / d))));
  for (let l = 0; l < cfg.layers; l++) {
    const p = (n: string) => w.get(`l${l}.${n}`)!;
    const h = x.map((r) => layerNorm(r, p('ln1g'), p('ln1b')));
    const q = h.map((r) => affine(r, p('wq'), p('bq'), d));
    const k = h.map((r) => affine(r, p('wk'), p('bk'), d));
    const v = h.map((r) => affine(r, p('wv'), p('bv'), d));
    const o = x.map(() => new Array<number>(d).fill(0));
    for (let hd = 0; hd < H; hd++) {
      for (let i = 0; i < T; i++) {
        const s: number[] = [];
        for (let j = 0; j <= i; j++) {
          let dot = 0;
          for (let c = hd * dk; c < (hd + 1) * dk; c++) dot += q[i][c] * k[j][c];
          s.push(dot / Math.sqrt(dk));
        }
        const mx = Math.max(...s);
        const e = s.map((z) => Math.exp(z - mx));
        const sum = e.reduce((a, b) => a + b, 0);
        for (let j = 0; j <= i; j++) for (let c = hd * dk; c < (hd + 1) * dk; c++) o[i][c] += (e[j] / sum) * v[j][c];
      }
    }
    x = x.map((r, i) => affine(o[i], p('wo'), p('bo'), d).map((z, c) => z + r[c]));
    const h2 = x.map((r) => layerNorm(r, p('ln2g'), p('ln2b')));
    x = x.map((r, i) => affine(affine(h2[i], p('w1'), p('b1'), F).map((z) => Math.max(0, z)), p('w2'), p('b2'), d).map((z, c) => z + r[c]));
  }
  return x.map((r) => affine(layerNorm(r, w.get('lnfg')!, w.get('lnfb')!), w.get('wout')!, w.get('bout')!, V));
}

function logSoftmaxAt(z: number[], target: number): number {
  const mx = Math.max(...z);
  return z[target] - mx - Math.log(z.reduce((a, v) => a + Math.exp(v - mx), 0));
}

/** Weights that are not the initial zeros and ones, so every part of the forward pass matters. */
function perturbed(cfg: TransformerConfig, seed: number): W {
  const w = initialWeights(cfg, seed);
  const rng = new Rng(seed + 7);
  for (const v of w.values()) for (let i = 0; i < v.length; i++) v[i] += (rng.next() - 0.5) * 0.3;
  return w;
}

const TEXT = 'the cat sat on the mat. the dog sat on the log.';

async function setup() {
  await initTf();
  const vocab = Vocab.build(TEXT, 'char');
  const cfg: TransformerConfig = { vocab: vocab.size, layers: 2, heads: 2, dModel: 16, ffn: 24, seq: 8 };
  const weights = perturbed(cfg, 11);
  return { vocab, cfg, weights, lm: { model: new TransformerLM(cfg, weights), vocab } };
}

test('Transformer surprisals and perplexity equal a float64 forward pass over windows of the context length', async () => {
  const { vocab, cfg, weights, lm } = await setup();
  const ids = vocab.encode(TEXT).ids;
  const s = scoreTransformerIds(lm, ids);
  assert.equal(s.length, ids.length - 1, 'every token but the first is scored once');
  // Independent: window w holds tokens w·seq … w·seq + seq − 1 and predicts each next one (the last window is short).
  const expected: number[] = [];
  for (let start = 0; start < ids.length - 1; start += cfg.seq) {
    const win = Array.from(ids.subarray(start, Math.min(start + cfg.seq, ids.length - 1)));
    const z = referenceLogits(cfg, weights, win);
    win.forEach((_, t) => expected.push(-logSoftmaxAt(z[t], ids[start + t + 1])));
  }
  assert.equal(expected.length, s.length);
  expected.forEach((e, i) => assert.ok(Math.abs(e - s[i]) < 2e-3, `token ${i + 1}: ${s[i]} vs ${e}`));
  const r = transformerPerplexity(lm, TEXT);
  const meanRef = expected.reduce((a, b) => a + b, 0) / expected.length;
  assert.equal(r.tokens, ids.length - 1);
  assert.ok(Math.abs(r.perplexity - Math.exp(meanRef)) / Math.exp(meanRef) < 1e-3, `perplexity ${r.perplexity} vs ${Math.exp(meanRef)}`);
  assert.ok(Math.abs(r.bitsPerChar! - meanRef / Math.LN2) < 1e-3);
  assert.ok(r.perplexity > 1 && r.perplexity < vocab.size * 10, 'a plausible figure for random weights');
  lm.model.dispose();
});

test('Transformer generation: each token’s probability is the forward pass’s, seeded, greedy is the argmax', async () => {
  const { vocab, cfg, weights, lm } = await setup();
  const g = generateTransformer(lm, { prompt: 'the c', length: 12, temperature: 0.9, seed: 4 });
  assert.equal(g.tokens.length, 12);
  assert.equal(g.promptTokens.length, 5);
  assert.equal([...g.promptTokens, ...g.tokens].map((t) => t.display).join(''), 'the c' + g.text);
  const again = generateTransformer(lm, { prompt: 'the c', length: 12, temperature: 0.9, seed: 4 });
  assert.equal(again.text, g.text, 'the same seed gives the same text');
  // Context: the start token (a line start is not in this vocabulary: a space), then every token, sliding at seq.
  const start = vocab.idOf('\n') ?? vocab.idOf(' ')!;
  const all = [start, ...[...g.promptTokens, ...g.tokens].map((t) => t.id)];
  [...g.promptTokens, ...g.tokens].forEach((t, i) => {
    const ctx = all.slice(Math.max(0, i + 1 - cfg.seq), i + 1);
    const z = referenceLogits(cfg, weights, ctx);
    const p = Math.exp(logSoftmaxAt(z[z.length - 1], t.id));
    assert.ok(Math.abs(p - t.prob) < 1e-3, `token ${i}: p ${t.prob} vs ${p}`);
  });
  const greedy = generateTransformer(lm, { prompt: 'the', length: 3, temperature: 0, seed: 1 });
  const ctx = [start, ...vocab.encode('the').ids];
  const z = referenceLogits(cfg, weights, ctx);
  const last = z[z.length - 1];
  let best = 1;
  for (let k = 1; k < last.length; k++) if (last[k] > last[best]) best = k;
  assert.equal(greedy.tokens[0].id, best, 'greedy picks the most probable token (never the unknown one)');
  const tf = transformerTeacherForcing(lm, TEXT, { prefix: 6, length: 10 });
  assert.equal(tf.teacherForced.length, 10);
  assert.equal(tf.freeRunning.length, 10);
  assert.equal(tf.truth, TEXT.slice(6, 16));
  lm.model.dispose();
});

test('model picker facts: a saved Transformer and an LSTM description, and hostile descriptions refused in one sentence', async () => {
  const { vocab, cfg, weights } = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'picker-'));
  const model = new TransformerLM(cfg, weights);
  await saveTransformer(path.join(dir, 't'), model, vocab, {}, { steps: 7, heldOutPerplexity: 12.5, trainTokens: 40, heldOutTokens: 5 });
  const json = JSON.parse(fs.readFileSync(path.join(dir, 't', 'model.json'), 'utf8'));
  const facts = modelFacts(json);
  assert.deepEqual(facts, { kind: 'transformer', level: 'char', parameters: model.paramCount(), heldOutPerplexity: 12.5, steps: 7, corpusTokens: 45 });
  model.dispose();
  const lstm = { format: 'ml-study-lm', type: 'lstm', config: { cell: 'gru' }, vocab: { level: 'word' }, weights: { theta: 1234 }, step: 50, corpus: { tokens: 900 }, history: [{ perplexity: 40 }, { perplexity: 31.5 }, { step: 3 }] };
  assert.deepEqual(modelFacts(lstm), { kind: 'gru', level: 'word', parameters: 1234, heldOutPerplexity: 31.5, steps: 50, corpusTokens: 900 });
  const hostile: Array<[unknown, RegExp]> = [
    [null, /not a JSON object/],
    [{ format: 'ml-study-lm', type: 'lstm' }, /configuration is missing/],
    [{ ...lstm, config: { cell: 'constructor' } }, /not lstm, gru or rnn/],
    [{ ...lstm, weights: { theta: -1 } }, /weight description/],
    [{ ...lstm, vocab: { level: 'byte' } }, /characters or words/],
    [{ ...json, weights: 'all of them' }, /weight list/],
    [{ ...json, weights: [{ shape: [1e7, 1e7, 1e7] }] }, /implausibly large/],
    [{ format: 'ml-study-xor' }, /xor model, not a language or attention model/],
    [{ format: 'something-else' }, /does not describe a model/],
  ];
  for (const [meta, msg] of hostile) assert.throws(() => modelFacts(meta), (e: Error) => e instanceof ModelFactsError && msg.test(e.message), JSON.stringify(meta)?.slice(0, 80));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('ml-study generate and perplexity take a saved Transformer (the figure is the engine’s)', async () => {
  const { vocab, lm } = await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcli-'));
  await saveTransformer(path.join(dir, 'm'), lm.model, vocab, {});
  fs.writeFileSync(path.join(dir, 'text.txt'), TEXT);
  const p = await runCli('perplexity', path.join(dir, 'm'), '--corpus', path.join(dir, 'text.txt'), '--json');
  assert.equal(p.code, 0, p.err);
  const j = JSON.parse(p.out);
  assert.equal(j.model, 'transformer');
  const mine = transformerPerplexity(lm, TEXT);
  assert.ok(Math.abs(j.perplexity - mine.perplexity) < 1e-9 * mine.perplexity, `${j.perplexity} vs ${mine.perplexity}`);
  const g = await runCli('generate', path.join(dir, 'm'), '--prompt', 'the', '--length', '6', '--seed', '3', '--json');
  assert.equal(g.code, 0, g.err);
  assert.equal(JSON.parse(g.out).text, generateTransformer(lm, { prompt: 'the', length: 6, seed: 3, temperature: 0.8 }).text);
  lm.model.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a Transformer run reports as a language model: held-out measures, a sample and teacher forcing of the model as it is', async () => {
  await initTf();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tprogress-'));
  const updates: ProgressUpdate[] = [];
  const text = Array.from({ length: 60 }, (_, i) => ['the cat sat on the mat.', 'keys meet queries.', 'values are mixed by weights.'][i % 3]).join('\n');
  const r = await trainTransformer({ dModel: 32, ffn: 32, seq: 16, batch: 4, heads: 2, layers: 1, lr: 0.01, seed: 3, steps: 6 }, text, { signal: new AbortController().signal, onProgress: (u) => updates.push(u) }, { outDir: path.join(dir, 'm') });
  const last = updates.at(-1)!;
  assert.equal(last.step, r.steps);
  for (const u of updates.filter((x) => x.extra)) assert.equal(typeof u.metrics?.heldOutLoss, 'number', `an extra at step ${u.step} comes with a fresh held-out loss`);
  const m = last.metrics!;
  assert.ok(Math.abs(m.heldOutLoss - r.heldOutLoss) < 1e-9, 'the final report scores the final model');
  assert.ok(Math.abs(m.heldOutPerplexity - Math.exp(m.heldOutLoss)) < 1e-9 * m.heldOutPerplexity);
  assert.ok(Math.abs(m.bitsPerChar - m.heldOutLoss / Math.LN2) < 1e-12, 'bits per character at char level');
  const extra = last.extra as ProgressExtras['lstm'];
  assert.ok(extra.sample && extra.teacherForcing, 'the final report carries a sample and teacher forcing');
  const tf = extra.teacherForcing;
  // the same comparison computed again from the saved model on the same held-out text
  const saved = loadAttentionModelSync(path.join(dir, 'm'));
  assert.ok(saved.kind === 'transformer');
  if (saved.kind === 'transformer') {
    const again = transformerTeacherForcing({ model: saved.model, vocab: saved.vocab }, tf.prefix + tf.truth, { prefix: Array.from(tf.prefix).length });
    assert.equal(again.truth, tf.truth);
    assert.deepEqual(again.teacherForced.map((s) => s.predicted), tf.teacherForced.map((s) => s.predicted));
    assert.equal(again.freeRunningText, tf.freeRunningText);
    saved.model.dispose();
  }
  // the sample continues the first characters of the held-out text
  assert.ok(extra.sample.startsWith(tf.prefix.slice(0, 24)), `sample ${JSON.stringify(extra.sample)} vs held-out ${JSON.stringify(tf.prefix)}`);
  assert.ok(extra.sample.length > 24);
  fs.rmSync(dir, { recursive: true, force: true });
});
