/** Neighbours, similarity and analogies on hand-made vectors whose answers are known. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateAnalogies, parseAnalogyFile, parseSimilarityFile } from '../../../src/core/word2vec/evaluate';
import { UnknownWordError, WordVectors } from '../../../src/core/word2vec/vectors';

// 2D-ish toy: gender along x, royalty along y; "queen" = king − man + woman exactly.
const words = ['man', 'woman', 'king', 'queen', 'apple', 'Man'];
const vectors = Float32Array.from([1, 0, 0.1, -1, 0, 0.1, 1, 1, 0.1, -1, 1, 0.1, 0, -1, 1, 0.9, 0.1, 0.1]);
const vecs = new WordVectors({ words, dim: 3, vectors });

test('neighbours: cosine order, the word itself excluded, k respected', () => {
  const n = vecs.neighbours('man', 2);
  assert.deepEqual(n.map((x) => x.word), ['Man', 'king']);
  assert.ok(n[0].score > n[1].score);
  assert.ok(Math.abs(vecs.similarity('man', 'king') - (1 + 0.01) / (Math.sqrt(1.01) * Math.sqrt(2.01))) < 1e-6);
});

test('analogy: 3CosAdd and 3CosMul find queen, never a query word', () => {
  for (const method of ['3cosadd', '3cosmul'] as const) {
    const a = vecs.analogy('man', 'king', 'woman', 3, method);
    assert.equal(a[0].word, 'queen', method);
    assert.ok(!a.some((x) => ['man', 'king', 'woman'].includes(x.word)), method);
  }
  // 3CosMul's scores are the Levy–Goldberg ratio of shifted cosines.
  const cos = (x: string, y: string) => (vecs.similarity(x, y) + 1) / 2;
  const expected = (cos('queen', 'king') * cos('queen', 'woman')) / (cos('queen', 'man') + 0.001);
  assert.ok(Math.abs(vecs.analogy('man', 'king', 'woman', 1, '3cosmul')[0].score - expected) < 1e-5);
});

test('unknown words are a clear error; lookups fall back to case-folding', () => {
  assert.throws(() => vecs.neighbours('prince'), (e: Error) => e instanceof UnknownWordError && e.message === '"prince" is not in the vocabulary');
  assert.equal(vecs.need('QUEEN'), 3);
  assert.equal(vecs.id('MAN', true), 0, 'the most frequent (first) spelling wins');
});

test('analogy evaluation: accuracy over covered questions, per section, case-folded', () => {
  const r = evaluateAnalogies(vecs, parseAnalogyFile(': royal\nMan King Woman Queen\nman king woman apple\nman king prince princess\n: other\nman woman king queen\n'));
  assert.equal(r.total, 4);
  assert.equal(r.covered, 3);
  assert.equal(r.correct, 2);
  assert.deepEqual(r.sections.map((s) => [s.name, s.correct, s.covered]), [['royal', 1, 2], ['other', 1, 1]]);
  assert.equal(r.oov, 0.25);
});

test('eval file parsers name the bad line', () => {
  assert.throws(() => parseSimilarityFile('# c\na\tb\t1\nc d 2\n', 'f.tsv'), /f\.tsv line 3/);
  assert.throws(() => parseAnalogyFile('a b c d\n', 'q.txt'), /q\.txt line 1/);
  assert.throws(() => parseSimilarityFile('# only comments\n'), /no word pairs/);
});
