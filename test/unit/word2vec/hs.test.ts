/**
 * Hierarchical softmax outside the kernel: the Huffman tree (checked against an independent priority-queue
 * Huffman code), the hs/negative parameter rules, training (deterministic, falling loss, syn1 kept and saved), and
 * the CLI (`train sgns|cbow --hs`, `hs-tree`).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadBrownSentences } from '../../../src/core/corpus/brown';
import { ValidationError } from '../../../src/core/params';
import { huffmanTree, hsPaths } from '../../../src/core/word2vec/huffman';
import { word2vecKind } from '../../../src/core/word2vec/params';
import { loadModel, saveModel } from '../../../src/core/word2vec/store';
import { trainWord2vec, word2vecParams } from '../../../src/core/word2vec/train';
import { runCli } from '../runCli';
import { neverStop, tmpDir } from './helpers';

const quiet = { signal: neverStop(), onProgress() {} };

/** Code lengths of an optimal prefix code by the textbook method: repeatedly merge the two lightest subtrees. */
function referenceCodeLengths(counts: number[]): number[] {
  let forest = counts.map((c, i) => ({ weight: c, leaves: [i] }));
  const len = counts.map(() => 0);
  while (forest.length > 1) {
    forest.sort((a, b) => a.weight - b.weight);
    const [a, b, ...rest] = forest;
    for (const l of [...a.leaves, ...b.leaves]) len[l]++;
    forest = [...rest, { weight: a.weight + b.weight, leaves: [...a.leaves, ...b.leaves] }];
  }
  return len;
}

const codes = (t: ReturnType<typeof huffmanTree>) =>
  Array.from({ length: t.vocab }, (_, w) => Array.from(t.pathCodes.subarray(t.pathOffsets[w], t.pathOffsets[w + 1])).join(''));

test('Huffman tree: optimal (same weighted length as an independent Huffman code), prefix-free, complete', () => {
  for (const counts of [[50, 20, 10, 10, 5, 3, 1, 1], [7, 7, 7, 7, 7], [1000, 1], [144, 89, 55, 34, 21, 13, 8, 5, 3, 2, 1, 1], [9, 8, 6, 6, 5, 4, 4, 3, 2, 2, 2, 1, 1]]) {
    const t = huffmanTree(counts);
    const cs = codes(t);
    const ref = referenceCodeLengths(counts);
    const cost = (ls: number[]) => ls.reduce((s, l, i) => s + l * counts[i], 0);
    assert.equal(cost(cs.map((c) => c.length)), cost(ref), `weighted code length for ${counts}`);
    // Kraft equality: a full binary tree. Prefix-free: no code starts another.
    assert.equal(cs.reduce((s, c) => s + 2 ** -c.length, 0), 1);
    for (const a of cs) for (const b of cs) if (a !== b) assert.ok(!b.startsWith(a), `${a} is a prefix of ${b}`);
    // More frequent words never have longer codes.
    for (let w = 1; w < counts.length; w++) if (counts[w] < counts[w - 1]) assert.ok(cs[w].length >= cs[w - 1].length);
    // Every path starts at the root (V − 2); step d is at depth d; a node's count is the sum over the words below it.
    const below = new Float64Array(counts.length - 1);
    for (let w = 0; w < counts.length; w++) {
      for (let k = t.pathOffsets[w], d = 0; k < t.pathOffsets[w + 1]; k++, d++) {
        if (d === 0) assert.equal(t.pathNodes[k], counts.length - 2);
        assert.equal(t.nodeDepths[t.pathNodes[k]], d);
        below[t.pathNodes[k]] += counts[w];
      }
    }
    assert.deepEqual(Array.from(t.nodeCounts), Array.from(below));
    assert.equal(t.maxDepth, Math.max(...cs.map((c) => c.length)));
  }
  assert.throws(() => huffmanTree([1, 2]), /sorted/);
  assert.throws(() => huffmanTree([3]), /at least 2 words/);
});

test('hs turns an unset negative into 0 and refuses hs with negative > 0', () => {
  assert.equal(word2vecParams({ hs: true }).negative, 0);
  assert.equal(word2vecParams({ hs: true, negative: 0 }).negative, 0);
  assert.equal(word2vecParams({}).negative, 5);
  assert.equal(word2vecParams({}).hs, false);
  assert.throws(() => word2vecParams({ hs: true, negative: 5 }), (e: unknown) => e instanceof ValidationError && /negative/.test(e.message));
});

const small = () => loadBrownSentences().slice(0, 4000);

for (const arch of ['sgns', 'cbow'] as const) {
  test(`${arch} --hs: deterministic with one thread, loss falls, syn1 kept (V − 1 rows) and saved`, async () => {
    const a = await trainWord2vec({ arch, hs: true, epochs: 3, dim: 20, seed: 2 }, small(), quiet, { snapshotWords: 0 });
    const b = await trainWord2vec({ arch, hs: true, epochs: 3, dim: 20, seed: 2 }, small(), quiet, { snapshotWords: 0 });
    assert.deepEqual(Array.from(a.vectors), Array.from(b.vectors));
    assert.deepEqual(Array.from(a.syn1!), Array.from(b.syn1!));
    assert.equal(a.params!.hs, true);
    assert.equal(a.params!.negative, 0);
    const V = a.words.length;
    assert.equal(a.syn1!.length, (V - 1) * 20);
    assert.ok(a.syn1!.every(Number.isFinite) && a.syn1!.some((x) => x !== 0), 'inner-node vectors trained');
    // Untrained (syn1 = 0), every node's loss is ln 2, so p(w) = 2^−depth: already the Huffman code's unigram model.
    // A run with a vanishing learning rate (the same pairs) measures that loss; training must bring it down.
    const still = await trainWord2vec({ arch, hs: true, epochs: 1, dim: 20, seed: 2, lr: 1e-12, minLr: 0 }, small(), quiet, { snapshotWords: 0 });
    const untrained = still.stats!.lossPerEpoch[0];
    const loss = a.stats!.lossPerEpoch;
    assert.ok(loss[2] < loss[0] && loss[2] < untrained - 0.1, `loss per epoch ${loss}, untrained ${untrained}`);

    const dir = path.join(tmpDir('hs'), 'model');
    saveModel(dir, a);
    assert.ok(fs.existsSync(path.join(dir, 'syn1.f32')));
    const back = loadModel(dir);
    assert.deepEqual(Array.from(back.syn1!), Array.from(a.syn1!));
    assert.deepEqual(back.params, a.params);
    // A damaged syn1 is reported, not loaded.
    fs.appendFileSync(path.join(dir, 'syn1.f32'), Buffer.alloc(4));
    assert.throws(() => loadModel(dir), /syn1\.f32 has \d+ bytes/);
  });
}

test('negative-sampling models keep no syn1 file; a model.json without hs or syn1 (older models) loads', async () => {
  const m = await trainWord2vec({ epochs: 1, dim: 8 }, small(), quiet, { snapshotWords: 0 });
  assert.equal(m.syn1, undefined);
  const dir = path.join(tmpDir('ns'), 'model');
  saveModel(dir, m);
  assert.ok(!fs.existsSync(path.join(dir, 'syn1.f32')));
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  delete json.params.hs;
  delete json.syn1;
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  const back = loadModel(dir);
  assert.equal(back.syn1, undefined);
  assert.equal(back.params!.hs, undefined);
  assert.throws(() => hsPaths(back, ['the']), /not trained with hierarchical softmax/);
});

test('CLI: train sgns --hs, then hs-tree --words --json gives codes and paths with node counts and depths', async () => {
  const dir = tmpDir('hs-cli');
  const corpus = path.join(dir, 'notes.md');
  fs.writeFileSync(corpus, Array.from({ length: 300 }, (_, i) => ['the king and the queen rule the land', 'a man and a woman walk to the city', 'the cat and the dog eat food', `gradient descent lowers the loss step ${i % 7}`][i % 4]).join('.\n'));
  const model = path.join(dir, 'model');
  const t = await runCli('train', 'sgns', '--hs', '--corpus', corpus, '--out', model, '--dim', '16', '--epochs', '2', '--min-count', '2', '--json');
  assert.equal(t.code, 0, t.err);
  assert.match(t.err, /hierarchical softmax/);
  const saved = loadModel(model);
  assert.equal(saved.params!.hs, true);
  assert.equal(saved.params!.negative, 0);

  const r = await runCli('hs-tree', model, '--words', 'the,king,step', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.innerNodes, saved.words.length - 1);
  assert.equal(j.root, saved.words.length - 2);
  assert.deepEqual(j.words.map((w: { word: string }) => w.word), ['the', 'king', 'step']);
  const total = saved.counts.reduce((s, c) => s + c, 0);
  for (const w of j.words as { word: string; count: number; code: string; path: { node: number; count: number; depth: number; bit: number }[] }[]) {
    assert.equal(w.count, saved.counts[saved.words.indexOf(w.word)]);
    assert.equal(w.code, w.path.map((s) => s.bit).join(''));
    assert.equal(w.path[0].node, j.root);
    assert.equal(w.path[0].count, total);
    w.path.forEach((s, d) => assert.equal(s.depth, d));
    for (let d = 1; d < w.path.length; d++) assert.ok(w.path[d].count < w.path[d - 1].count && w.path[d].count >= w.count);
  }
  // "the" is the most frequent word: its code is no longer than any other's.
  assert.ok(j.words[0].code.length <= Math.min(j.words[1].code.length, j.words[2].code.length));

  const cb = await runCli('train', 'cbow', '--hs', '--negative', '0', '--corpus', corpus, '--out', path.join(dir, 'cbow'), '--dim', '8', '--epochs', '1', '--min-count', '2', '--json');
  assert.equal(cb.code, 0, cb.err);
  const both = await runCli('train', 'sgns', '--hs', '--negative', '5', '--corpus', corpus, '--out', path.join(dir, 'both'), '--min-count', '2');
  assert.equal(both.code, 2);
  assert.match(both.err, /hierarchical softmax.*negative/i);
  const unknown = await runCli('hs-tree', model, '--words', 'the,zebra');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /"zebra" is not in the vocabulary/);
  const ns = await runCli('train', 'sgns', '--corpus', corpus, '--out', path.join(dir, 'ns'), '--dim', '8', '--epochs', '1', '--min-count', '2');
  assert.equal(ns.code, 0, ns.err);
  const notHs = await runCli('hs-tree', path.join(dir, 'ns'), '--words', 'the');
  assert.equal(notHs.code, 1);
  assert.match(notHs.err, /not trained with hierarchical softmax/);
});

test('a job card names the architecture and the output layer it trained', () => {
  assert.equal(word2vecKind(word2vecParams({ arch: 'sgns', hs: true })), 'skip-gram, hierarchical softmax');
  assert.equal(word2vecKind(word2vecParams({ arch: 'cbow', hs: true })), 'CBOW, hierarchical softmax');
  assert.equal(word2vecKind(word2vecParams({ arch: 'sgns', negative: 7 })), 'skip-gram, 7 negative samples');
  assert.equal(word2vecKind(word2vecParams({ arch: 'cbow', negative: 3 })), 'CBOW, 3 negative samples');
});
