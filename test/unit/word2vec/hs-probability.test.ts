/**
 * P(word | context) along the Huffman paths: every word's probability computed from the saved vectors here (its own
 * sigmoid, dot products and branch rule) equals the engine's, and the probabilities of all words sum to 1.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { huffmanTree, hsPathProbabilities } from '../../../src/core/word2vec/huffman';
import { runCli } from '../runCli';
import { loadModel, saveModel } from '../../../src/core/word2vec/store';
import { trainWord2vec } from '../../../src/core/word2vec/train';
import { neverStop, tmpDir } from './helpers';

const TEXT = Array.from({ length: 200 }, (_, i) => ['the king and the queen rule the land', 'a man and a woman walk to the city', 'the cat and the dog eat food'][i % 3]).join('.\n');

test('hierarchical softmax: path probabilities equal an independent computation and sum to 1 over the vocabulary', async () => {
  const model = await trainWord2vec({ hs: true, negative: 0, epochs: 2, dim: 12, minCount: 1 }, TEXT, { signal: neverStop(), onProgress() {} }, { snapshotWords: 0 });
  const { words, dim, vectors, syn1 } = model;
  const tree = huffmanTree(model.counts);
  const c = words.indexOf('king');
  // independent: walk the flat path arrays, label 1 − bit as in word2vec.c, naive logistic
  const direct = (w: number) => {
    let p = 1;
    for (let k = tree.pathOffsets[w]; k < tree.pathOffsets[w + 1]; k++) {
      const n = tree.pathNodes[k];
      let f = 0;
      for (let d = 0; d < dim; d++) f += vectors[c * dim + d] * syn1![n * dim + d];
      const s = 1 / (1 + Math.exp(-f));
      p *= tree.pathCodes[k] === 0 ? s : 1 - s;
    }
    return p;
  };
  const all = hsPathProbabilities(model, 'king', words);
  let sum = 0;
  all.words.forEach((w, i) => {
    assert.ok(Math.abs(w.probability - direct(i)) < 1e-12 * Math.max(1, direct(i)), `${w.word}: ${w.probability} vs ${direct(i)}`);
    assert.ok(Math.abs(w.probability - w.path.reduce((a, s) => a * s.branch, 1)) < 1e-15);
    sum += w.probability;
  });
  assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
  // training makes a true neighbour likelier than a word from another sentence
  const p = (w: string) => all.words[words.indexOf(w)].probability;
  assert.ok(p('queen') > p('food'), `queen ${p('queen')} food ${p('food')}`);
  assert.throws(() => hsPathProbabilities(model, 'zebra', ['the']), /zebra/);

  const dir = path.join(tmpDir('hs-prob'), 'model');
  saveModel(dir, model);
  const r = await runCli('hs-tree', dir, '--words', 'queen,the', '--context', 'king', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.context, 'king');
  assert.ok(Math.abs(j.words[0].probability - p('queen')) < 1e-12);
  assert.deepEqual(loadModel(dir).words, words);
});
