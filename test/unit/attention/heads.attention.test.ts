/**
 * The head-pattern counts of `bench:attention -- --heads` (bench/attention/heads.ts): checked on maps whose answer is
 * known by construction, and on a real model's maps against the float64 forward pass of inspect.ts with the means
 * written out again here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headPatterns } from '../../../bench/attention/heads';
import { initTf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type TransformerConfig } from '../../../src/core/attention/transformer';
import { traceTransformer } from '../../../src/core/attention/inspect';
import { Rng } from '../../../src/core/util/rng';

const EOS = 9;
/** One map [query][key] of T positions from a rule giving each query its row. */
const mapOf = (T: number, row: (t: number) => number[]) => Array.from({ length: T }, (_, t) => row(t));
const oneHot = (T: number, k: number) => Array.from({ length: T }, (_, j) => (j === k ? 1 : 0));
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('head patterns of constructed maps: previous token, sentence start, uniform and self', () => {
  const T = 8;
  // sentence ends at positions 2 and 5: queries 3..5 start at 2, queries 6..7 start at 5
  const ids = Int32Array.from([1, 2, EOS, 3, 4, EOS, 5, 6]);
  const startOf = (t: number) => Math.max(0, [...ids.subarray(0, t)].lastIndexOf(EOS));
  const previous = mapOf(T, (t) => oneHot(T, Math.max(0, t - 1)));
  const start = mapOf(T, (t) => oneHot(T, startOf(t)));
  const uniform = mapOf(T, (t) => Array.from({ length: T }, (_, j) => (j <= t ? 1 / (t + 1) : 0)));
  const self = mapOf(T, (t) => oneHot(T, t));
  // maps[window][layer][head][query][key]: one window, one layer, four heads
  const [p, s, u, me] = headPatterns([[[previous, start, uniform, self]]], [ids], EOS);
  close(p.previous, 1, 'previous-token head on t−1');
  close(s.sentenceStart, 1, 'sentence-start head on the start');
  close(me.self, 1, 'self head on itself');
  close(me.previous, 0, 'self head on t−1');
  // the queries counted for the sentence start are those whose start is before t − 1: t = 2 (start 0), 4 and 5
  // (start 2), 7 (start 5); at t = 3 and 6 the start is t − 1, at t = 0 and 1 it is t or t − 1
  const counted = [2, 4, 5, 7];
  close(u.sentenceStart, counted.reduce((a, t) => a + 1 / (t + 1), 0) / counted.length, 'uniform head on the start');
  close(u.previous, [1, 2, 3, 4, 5, 6, 7].reduce((a, t) => a + 1 / (t + 1), 0) / 7, 'uniform head on t−1');
  close(u.firstToken, [0, 1, 2, 3, 4, 5, 6, 7].reduce((a, t) => a + 1 / (t + 1), 0) / 8, 'uniform head on the first token');
  // the previous-token head puts no weight on a sentence start that is not t−1
  close(p.sentenceStart, 0, 'previous-token head on the start');
});

test('head patterns of a model’s maps equal the means of the float64 forward pass’s weights, per layer and head', async () => {
  await initTf();
  const cfg: TransformerConfig = { vocab: 12, layers: 2, heads: 2, dModel: 16, ffn: 16, seq: 10 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 5));
  const rng = new Rng(3);
  const windows = [0, 1, 2].map(() => Int32Array.from({ length: 10 }, () => Math.floor(rng.next() * 12)));
  const got = headPatterns(windows.map((w) => model.attention(w)), windows, EOS);
  const traces = windows.map((w) => traceTransformer(model, w));
  for (let l = 0; l < 2; l++) {
    for (let h = 0; h < 2; h++) {
      let sum = 0;
      let n = 0;
      for (const tr of traces) for (let t = 1; t < 10; t++) (sum += tr.layers[l].weights[h][t][t - 1]), n++;
      const g = got.find((x) => x.layer === l && x.head === h)!;
      assert.ok(Math.abs(g.previous - sum / n) < 1e-5, `layer ${l} head ${h}: ${g.previous} vs ${sum / n}`);
      let self = 0;
      for (const tr of traces) for (let t = 0; t < 10; t++) self += tr.layers[l].weights[h][t][t];
      assert.ok(Math.abs(g.self - self / 30) < 1e-5, `layer ${l} head ${h} self: ${g.self} vs ${self / 30}`);
    }
  }
  model.dispose();
});
