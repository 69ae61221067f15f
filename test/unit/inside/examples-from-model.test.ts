/**
 * The training worker's worked examples from saved models (src/worker/exampleRequests.ts): the word pair taken from
 * a note, σ(v_o · v_c) against a dot product written here from the vectors the test saved, and the language model's
 * next-character softmax against the engine's own per-position probabilities (traceLstm).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { exampleHandlers, notePair } from '../../../src/worker/exampleRequests';
import { saveModel } from '../../../src/core/word2vec/store';
import { trainLstm } from '../../../src/core/lstm/train';
import { loadLstm } from '../../../src/core/lstm/engine';
import { traceLstm } from '../../../src/core/lstm/inspect';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-from-model-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

test('the pair is two nearby content words of the note that are both in the vocabulary', () => {
  const index = new Map(['the', 'and', 'king', 'queen', 'land'].map((w, i) => [w, i]));
  assert.deepEqual(notePair('the cat and the king met the queen'.split(' '), index), ['king', 'queen']);
  // only function words known: they are used rather than nothing
  assert.deepEqual(notePair('the big and small'.split(' '), index), ['the', 'and']);
  assert.equal(notePair('nothing here is known'.split(' '), new Map([['x', 0]])), undefined);
  // the same word twice is not a pair
  assert.deepEqual(notePair('king king king land'.split(' '), index), ['king', 'land']);
});

test('σ(v_o · v_c) for the note’s pair, from the saved vectors', async () => {
  const dir = path.join(tmp, 'w2v');
  const words = ['the', 'and', 'king', 'queen', 'land'];
  const dim = 3;
  const vectors = Float32Array.from([0.1, 0.2, 0.3, -0.1, 0, 0.1, 0.5, -0.25, 1, 0.75, 0.5, -0.5, 0, 0, 1]);
  saveModel(dir, { words, counts: [50, 40, 30, 20, 10], dim, vectors, source: 'trained' });
  const ex = await exampleHandlers['example.word2vec']({ dir, text: 'Where the king and the queen are a pair.' });
  const dot = 0.5 * 0.75 + -0.25 * 0.5 + 1 * -0.5;
  assert.deepEqual([ex.values.centre, ex.values.context], ['king', 'queen']);
  assert.ok(Math.abs((ex.values.dot as number) - dot) < 1e-6);
  assert.ok(Math.abs((ex.values.sigma as number) - 1 / (1 + Math.exp(-dot))) < 1e-9);
  assert.equal(ex.model, 'w2v');
  // the note's words are not in the vocabulary: a pair from the model, and it says so
  const other = await exampleHandlers['example.word2vec']({ dir, text: 'unrelated words only' });
  assert.match(other.text, /No two nearby words of the note are in the model's vocabulary/);
  await assert.rejects(async () => exampleHandlers['example.word2vec']({ dir, text: 'x'.repeat(5000) }), /over 4000 characters/);
});

test('the language model’s next-character softmax after the note’s text equals the engine’s probabilities there', async () => {
  const dir = path.join(tmp, 'lm');
  const corpus = 'the softmax turns scores into probabilities.\n'.repeat(40);
  await trainLstm({ level: 'char', embedding: 8, hidden: 12, seq: 16, batch: 4, steps: 20, evalEvery: 10, checkpointEvery: 10, sampleLength: 4, evalTokens: 64, seed: 2 }, corpus, { signal: new AbortController().signal, onProgress: () => undefined }, { outDir: dir, ops: 'js64' });
  const before = 'the softmax turns sco';
  const ex = await exampleHandlers['example.lstm']({ dir, text: before });
  const trace = traceLstm(loadLstm(dir), before, 5);
  const want = trace.top[trace.top.length - 1];
  assert.deepEqual(ex.values.tokens, want.map((g) => g.token));
  const probs = ex.values.probs as number[];
  want.forEach((g, i) => assert.ok(Math.abs(probs[i] - g.prob) < 1e-5, `${g.token}: ${probs[i]} vs ${g.prob}`));
  // the scores are the logits: their softmax differences match the log-probability differences
  const z = ex.values.scores as number[];
  assert.ok(Math.abs(z[0] - z[1] - Math.log(probs[0] / probs[1])) < 1e-4);
});
