import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeExample, cosine, crossEntropy, kl, perplexity, sigmoid, softmax } from '../../../src/core/formula/examples';
import { recomputeExample } from '../../../src/core/formula/explain';
import { CATALOG } from '../../../src/core/formula/catalog';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';

const close = (a: number, b: number, eps = 5e-3) => assert.ok(Math.abs(a - b) <= eps, `${a} ≉ ${b}`);

test('softmax of the lecture example (1.8, −1.9, 2.9, −0.9) ≈ (0.24, 0.006, 0.73, 0.02)', () => {
  const p = softmax([1.8, -1.9, 2.9, -0.9]);
  [0.24, 0.006, 0.73, 0.016].forEach((v, i) => close(p[i], v));
  close(p.reduce((a, b) => a + b, 0), 1, 1e-12);
});

test('softmax is stable for huge scores and shift-invariant', () => {
  const p = softmax([1000, 1001]);
  assert.ok(p.every(Number.isFinite));
  const q = softmax([0, 1]);
  close(p[0], q[0], 1e-12);
});

test('sigmoid, cross-entropy, perplexity, KL, cosine', () => {
  close(sigmoid(0), 0.5, 1e-12);
  close(sigmoid(2) + sigmoid(-2), 1, 1e-12);
  assert.ok(sigmoid(-800) >= 0 && sigmoid(800) <= 1);
  close(crossEntropy([0, 1], [0.5, 0.5]), Math.log(2), 1e-12);
  close(perplexity([0.25, 0.25, 0.25]), 4, 1e-9); // uniform over 4 words
  close(kl([0.5, 0.5], [0.5, 0.5]), 0, 1e-12);
  assert.ok(kl([0.9, 0.1], [0.5, 0.5]) > 0);
  close(cosine([1, 0], [0, 1]), 0, 1e-12);
  close(cosine([1, 2], [2, 4]), 1, 1e-12);
});

test('every catalog example computes with its defaults, with finite numbers and a sentence', () => {
  for (const id of CONCEPT_IDS) {
    const kind = CATALOG[id].example;
    if (!kind) continue;
    const r = computeExample(kind);
    assert.ok(!('error' in r), `${id}: ${'error' in r ? r.error : ''}`);
    assert.ok(r.text.length > 10, id);
    const flat = r.outputs.flatMap((o) => (Array.isArray(o.value) ? o.value.flat() : [o.value]));
    assert.ok(flat.length > 0 && flat.every((v) => typeof v === 'number' && !Number.isNaN(v)), `${id} outputs ${JSON.stringify(flat)}`);
  }
});

test('recomputeExample follows edited inputs (the panel) and rejects bad ones', () => {
  const r = recomputeExample('softmax', { z: [0, 0] });
  assert.ok(!('error' in r));
  if (!('error' in r)) assert.deepEqual(r.outputs[0].value, [0.5, 0.5]);
  const s = recomputeExample('sgns', { pos: '3', neg: '1, 2' });
  assert.ok(!('error' in s));
  if (!('error' in s)) close(s.outputs[0].value as number, Math.log(sigmoid(3)) + Math.log(sigmoid(-1)) + Math.log(sigmoid(-2)), 1e-12);
  assert.ok('error' in recomputeExample('softmax', { z: ['x'] }));
  assert.ok('error' in recomputeExample('softmax', { z: new Array(1000).fill(1) }));
  assert.ok('error' in recomputeExample('no-such-thing', {}));
  assert.ok('error' in recomputeExample('perplexity', { p: [Infinity] }));
});
