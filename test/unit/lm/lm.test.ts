import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocab, UNK, EOS, splitTokens } from '../../../src/core/lm/vocab';
import { heldOutSplit } from '../../../src/core/lm/split';
import { StreamBatcher, BatcherError } from '../../../src/core/lm/batcher';
import { perplexity, crossEntropy, bitsPerChar, surprisalFromLogits, softmax, surprisal } from '../../../src/core/lm/measures';
import { adjustedDistribution, sampleIndex } from '../../../src/core/lm/sampling';
import { Rng } from '../../../src/core/util/rng';

test('char vocab: build, encode with unknowns, decode, serialise', () => {
  const v = Vocab.build('hello world\n', 'char');
  assert.equal(v.tokens[0], UNK);
  assert.equal(v.size, 1 + new Set('hello world\n').size);
  const enc = v.encode('hoz!');
  assert.deepEqual(enc.unknown, ['z', '!']);
  assert.equal(enc.unknownCount, 2);
  assert.equal(enc.ids[2], 0);
  assert.equal(v.decode(v.encode('hello').ids), 'hello');
  const v2 = Vocab.fromJSON(JSON.parse(JSON.stringify(v.toJSON())));
  assert.deepEqual(v2.tokens, v.tokens);
  assert.throws(() => Vocab.fromJSON({ level: 'byte', tokens: [UNK, 'a'] }), /level/);
  assert.throws(() => Vocab.fromJSON({ level: 'char', tokens: 'abc' }), /malformed/);
});

test('word vocab: sentences end with EOS, minCount maps rare words to UNK', () => {
  const toks = splitTokens('The cat sat. The dog sat.', 'word');
  assert.deepEqual(toks, ['the', 'cat', 'sat', EOS, 'the', 'dog', 'sat', EOS]);
  const v = Vocab.build('The cat sat. The dog sat.', 'word', { minCount: 2 });
  assert.deepEqual([...v.tokens].sort(), [UNK, EOS, 'sat', 'the'].sort());
  const enc = v.encode('the cat sat.');
  assert.deepEqual(enc.unknown, ['cat']);
  assert.equal(v.decode(enc.ids), `the ${UNK} sat\n`);
});

test('held-out split is the last 10%', () => {
  const ids = Int32Array.from({ length: 100 }, (_, i) => i);
  const s = heldOutSplit(ids);
  assert.equal(s.train.length, 90);
  assert.equal(s.heldOut[0], 90);
  assert.equal(s.heldOut.length, 10);
});

test('stream batcher: targets are inputs shifted by one, streams continue across batches', () => {
  const ids = Int32Array.from({ length: 41 }, (_, i) => i);
  const b = new StreamBatcher(ids, 2, 5); // streams of 20 → 4 batches an epoch
  assert.equal(b.perEpoch, 4);
  const first = b.next();
  assert.equal(first.reset, true);
  assert.deepEqual([...first.inputs], [0, 1, 2, 3, 4, 20, 21, 22, 23, 24]);
  assert.deepEqual([...first.targets], [1, 2, 3, 4, 5, 21, 22, 23, 24, 25]);
  const second = b.next();
  assert.equal(second.reset, false);
  assert.equal(second.inputs[0], 5);
  assert.equal(second.inputs[5], 25);
  b.next();
  b.next();
  assert.deepEqual(b.state, { epoch: 1, index: 0 });
  assert.throws(() => new StreamBatcher(new Int32Array(10), 2, 5), BatcherError);
});

test('perplexity equals exp(mean surprisal) computed by hand on a toy distribution', () => {
  // Toy model: fixed distribution over 3 tokens; the text is a, b, a, c.
  const p = { a: 0.5, b: 0.25, c: 0.25 };
  const text = ['a', 'b', 'a', 'c'] as const;
  const byHand = Math.exp((Math.log(2) + Math.log(4) + Math.log(2) + Math.log(4)) / 4); // = sqrt(8)
  const s = text.map((t) => surprisal(p[t]));
  assert.ok(Math.abs(perplexity(s) - byHand) < 1e-12);
  assert.ok(Math.abs(perplexity(s) - Math.sqrt(8)) < 1e-12);
  assert.ok(Math.abs(bitsPerChar(crossEntropy(s)) - 1.5) < 1e-12);
  // Same through logits: logits = ln p give the same surprisals.
  const logits = [Math.log(0.5), Math.log(0.25), Math.log(0.25)];
  assert.ok(Math.abs(surprisalFromLogits(logits, 1) - Math.log(4)) < 1e-12);
  const sm = softmax(logits);
  assert.ok(Math.abs(sm[0] - 0.5) < 1e-12);
});

test('sampling: greedy, top-k, top-p, temperature and seeding', () => {
  const p = [0.1, 0.5, 0.15, 0.25];
  const rng = new Rng(1);
  assert.equal(sampleIndex(p, { temperature: 0 }, rng), 1);
  const k2 = adjustedDistribution(p, { topK: 2 });
  assert.deepEqual([...k2].map((x) => +x.toFixed(6)), [0, 0.666667, 0, 0.333333]);
  const nucleus = adjustedDistribution(p, { topP: 0.7 });
  assert.deepEqual([...nucleus].map((x) => x > 0), [false, true, false, true]);
  const cold = adjustedDistribution(p, { temperature: 0.1 });
  assert.ok(cold[1] > 0.99);
  const hot = adjustedDistribution(p, { temperature: 100 });
  assert.ok(Math.abs(hot[0] - 0.25) < 0.01);
  const draw = (seed: number) => {
    const r = new Rng(seed);
    return Array.from({ length: 20 }, () => sampleIndex(p, { temperature: 1 }, r));
  };
  assert.deepEqual(draw(7), draw(7));
  const counts = [0, 0, 0, 0];
  const r = new Rng(3);
  for (let i = 0; i < 20000; i++) counts[sampleIndex(p, {}, r)]++;
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(counts[i] / 20000 - p[i]) < 0.02, `token ${i}: ${counts[i]}`);
  assert.throws(() => adjustedDistribution(p, { topP: 0 }), /top-p/);
  assert.throws(() => adjustedDistribution(p, { temperature: -1 }), /temperature/);
});
