/**
 * The "what happens if…" runs: the engines decide. 0 hidden units cannot fit XOR (checked against the linear
 * separability of XOR: no line gets all four right), 4 can; the window run returns two neighbour lists whose
 * overlap decides the right choice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pickWord, runWindowNeighbours, runXorHidden0 } from '../../../src/core/practice/experiments';

test('XOR: 0 hidden units stays below accuracy 1 (no line separates XOR), 4 reach it; the right choice follows the run', () => {
  const o = runXorHidden0();
  const [linear, mlp] = o.runs;
  assert.equal(linear.hidden, 0);
  assert.ok(linear.accuracy <= 0.75, `linear accuracy ${linear.accuracy}`);
  assert.equal(mlp.accuracy, 1);
  assert.equal(o.correct, 1);
  // independent: a coarse search over lines w·x + b finds none that classifies all four XOR points
  const pts: Array<[number, number, number]> = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
  let best = 0;
  for (let a = -4; a <= 4; a += 0.25) for (let b = -4; b <= 4; b += 0.25) for (let c = -4; c <= 4; c += 0.25) {
    best = Math.max(best, pts.filter(([x, y, l]) => (a * x + b * y + c > 0 ? 1 : 0) === l).length);
  }
  assert.equal(best, 3);
});

test('window 1 vs 10: two lists of 5 neighbours of the word, the shared ones, the choice from their count', async () => {
  const topics = ['gradient descent updates the weights with the learning rate', 'the softmax turns the scores into probabilities', 'the gradient of the loss gives the weights a direction', 'attention weights come from a softmax over the scores'];
  const text = Array.from({ length: 40 }, (_, i) => topics[i % topics.length]).join('.\n');
  const word = pickWord(text);
  assert.equal(word, 'weights', 'the most frequent content word');
  const o = await runWindowNeighbours(text, word!);
  assert.deepEqual(o.runs.map((r) => r.window), [1, 10]);
  for (const r of o.runs) {
    assert.equal(r.neighbours.length, 5);
    assert.ok(!r.neighbours.some((n) => n.word === 'weights'));
    assert.ok(r.neighbours.every((n) => n.similarity >= -1 - 1e-6 && n.similarity <= 1 + 1e-6));
  }
  const second = new Set(o.runs[1].neighbours.map((n) => n.word));
  const shared = o.runs[0].neighbours.filter((n) => second.has(n.word)).length;
  assert.equal(o.shared.length, shared);
  assert.equal(o.correct, shared === 5 ? 0 : shared > 0 ? 1 : 2);
  await assert.rejects(runWindowNeighbours(text, 'zebra'), /not in the notes/);
});

test('pickWord: none in a text too short to ask about', () => {
  assert.equal(pickWord('a short note.'), undefined);
});
