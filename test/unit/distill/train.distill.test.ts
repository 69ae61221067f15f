import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { trainLstm } from '../../../src/core/lstm/train';
import { loadLstm, perplexityOf } from '../../../src/core/lstm/engine';
import { initParams, Workspace, type LstmConfig } from '../../../src/core/lstm/model';
import { applyDistillGradient, trainDistill } from '../../../src/core/distill/train';
import { softenedAt } from '../../../src/core/distill/inspect';
import type { ProgressUpdate, TrainContext } from '../../../src/core/training';
import { Rng } from '../../../src/core/util/rng';
import { assertSoftenedMatches } from './softenedReference';
import { assertGradientMatchesFiniteDifferences } from '../lstm/fdcheck';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distill-test-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const dir = (name: string) => path.join(tmp, name);
const ctx = (updates: ProgressUpdate[] = []): TrainContext => ({ signal: new AbortController().signal, onProgress: (u) => updates.push(u) });

const SENTENCES = ['the cat sat on the mat.', 'a dog ran to the park and back.', 'the quick brown fox jumps over the lazy dog.', 'models learn to predict the next character.'];
const TEXT = Array.from({ length: 300 }, (_, i) => SENTENCES[(i * 7 + (i >> 2)) % SENTENCES.length]).join('\n') + '\n';

let teacherDir: string | undefined;
async function teacher(): Promise<string> {
  if (!teacherDir) {
    teacherDir = dir('teacher');
    await trainLstm({ embedding: 12, hidden: 32, batch: 8, seq: 16, steps: 120, evalEvery: 120, checkpointEvery: 1000, sampleLength: 5, evalTokens: 500, lr: 0.02 }, TEXT, ctx(), { outDir: teacherDir });
  }
  return teacherDir;
}

test('the distillation backward through the student LSTM matches finite differences of the distillation loss (float64)', () => {
  const cfg: LstmConfig = { vocabSize: 6, embedding: 3, hidden: 4, layers: 1, dropout: 0 };
  const B = 2;
  const T = 3;
  const ws = new Workspace(cfg, B, T, { ops: 'js64' });
  initParams(cfg, 3, ws.theta);
  const rng = new Rng(9);
  for (let i = 0; i < ws.theta.length; i++) ws.theta[i] += (rng.next() - 0.5) * 0.4;
  const inputs = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const targets = Array.from({ length: B * T }, () => rng.int(cfg.vocabSize));
  const teacherLogits = Float64Array.from({ length: B * T * cfg.vocabSize }, () => (rng.next() - 0.5) * 6);
  const opts = { temperature: 2.5, alpha: 0.3 };
  const loss = () => {
    ws.resetState();
    ws.forward(inputs, targets, true);
    return applyDistillGradient(ws, teacherLogits, opts).loss;
  };
  assertGradientMatchesFiniteDifferences(ws, cfg, loss);
});

test('the softened distributions shown equal softmax(z / T) of the teacher logits from a full-sequence forward', async () => {
  const model = loadLstm(await teacher());
  const text = 'the quick brown f';
  const shown = softenedAt(model, text, 10, [1, 2, 5], 6);
  assert.equal(shown.next, 'b');
  assert.equal(shown.context.join(''), 'the quick ');
  assertSoftenedMatches(model, text, 10, shown);
  // softer at higher T: the top token's probability falls
  assert.ok(shown.temperatures[0].probs[0] > shown.temperatures[2].probs[0]);
  assert.throws(() => softenedAt(model, text, 99), /position/);
});

test('distillation trains both students on the same steps, reports both curves, and saves a usable student', async () => {
  const updates: ProgressUpdate[] = [];
  const out = dir('student');
  const r = await trainDistill({ hidden: 8, embedding: 6, batch: 8, seq: 16, steps: 40, evalEvery: 20, evalTokens: 600, temperature: 2, alpha: 0.5, lr: 0.02 }, TEXT, loadLstm(await teacher()), ctx(updates), { outDir: out });
  assert.equal(r.steps, 40);
  assert.deepEqual(r.history.map((h) => h.step), [0, 20, 40]);
  // both students start from the same weights: the same held-out loss at step 0
  assert.equal(r.history[0].distilled.heldOutLoss, r.history[0].baseline.heldOutLoss);
  assert.notEqual(r.history[2].distilled.heldOutLoss, r.history[2].baseline.heldOutLoss);
  for (const h of r.history.slice(1)) assert.ok(h.distilled.heldOutLoss < r.history[0].distilled.heldOutLoss && h.baseline.heldOutLoss < r.history[0].baseline.heldOutLoss);
  const last = updates[updates.length - 1];
  assert.ok(last.extra && 'history' in last.extra && last.extra.history.length === 3);
  // the saved student is an LSTM whose held-out perplexity is the one reported
  const student = loadLstm(out);
  assert.equal(student.config.hidden, 8);
  assert.ok(r.student.parameters < r.teacher.parameters);
  const tokens = student.vocab.encode(TEXT).ids;
  const held = student.vocab.decode(tokens.subarray(tokens.length - Math.round(tokens.length * 0.1)));
  const ppl = perplexityOf(student, held, { maxTokens: 600 }).perplexity;
  assert.ok(Math.abs(ppl - r.distilled.perplexity) / ppl < 0.05, `${ppl} vs ${r.distilled.perplexity}`);
});
