/**
 * The generated-notation experiment (bench/formula/notations): the grammar's expansion and the abstract features the
 * notation model reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { damage, expand, generate } from '../../../bench/formula/notations/generate';
import { GRAMMAR } from '../../../bench/formula/notations/grammar';
import { FUNCS, SLOTS } from '../../../bench/formula/notations/slots';
import { notationFeatures } from '../../../bench/formula/notations/features';
import { seededRandom } from '../../../src/core/formula/learned';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';
import { parseTex } from '../../../src/core/formula/tex';
import { normaliseTex } from '../../../src/core/formula/normalise';

const ex = { slots: SLOTS, funcs: FUNCS };
/** A generator that always picks the first variant. */
const first = () => 0;

test('a slot is chosen once per formula, so a letter stays the same letter', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const s = expand('$W $x + $W', { slots: { W: ['A', 'B', 'C'], x: ['x', 'y'] }, funcs: {} }, seededRandom(seed));
    const [a, , , c] = s.split(' ');
    assert.equal(a, c, s);
  }
});

test('functions take their arguments expanded, alternatives pick one branch, and a `;` ends a slot name', () => {
  const small = { slots: { T: ['^T'], z: ['u'] }, funcs: { f: ['F(#1, #2)'], dot: ['#1$T;#2'] } };
  assert.equal(expand('@f{$z}{«a|b»}', small, first), 'F(u, a)');
  assert.equal(expand('@dot{w}{x}', small, first), 'w^Tx');
  assert.equal(expand('«p|«q|r»»', small, () => 0.99), 'r');
  assert.throws(() => expand('$nope', small, first), /unknown slot \$nope/);
  assert.throws(() => expand('@f{a}', small, first), /expects 2 arguments/);
});

test('every concept of the catalog has templates, and every template expands to TeX that parses', () => {
  for (const id of CONCEPT_IDS) assert.ok(GRAMMAR[id]?.length, `no template for ${id}`);
  for (const key of Object.keys(GRAMMAR)) assert.ok(key === 'null' || (CONCEPT_IDS as readonly string[]).includes(key), `unknown label ${key}`);
  const random = seededRandom(3);
  for (const [label, templates] of Object.entries(GRAMMAR)) {
    for (const t of templates) {
      for (let k = 0; k < 5; k++) {
        const s = expand(t, ex, random);
        assert.doesNotMatch(s, /[«»]|\$[A-Za-z]|@[A-Za-z]|#\d/, `${label}: ${s}`);
        assert.ok(parseTex(normaliseTex(s)).items.length > 0, `${label}: ${s}`);
      }
    }
  }
});

test('the same seed generates the same formulas; another seed others', () => {
  const a = generate(GRAMMAR, ex, 3, 5).map((g) => g.latex);
  const b = generate(GRAMMAR, ex, 3, 5).map((g) => g.latex);
  const c = generate(GRAMMAR, ex, 3, 6).map((g) => g.latex);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  assert.equal(a.length, (Object.keys(GRAMMAR).length - 1) * 3 + 3 * 4);
});

test('damage only rewrites what real notes damage', () => {
  assert.equal(damage('\\log(x) \\cdot y', () => 0.99), '\\log(x) \\cdot y');
  assert.equal(damage('\\log(x) + \\exp(y)', () => 0.01).includes('\\log'), false);
});

test('the abstract features do not depend on the letters a note picks, and do on the structure', () => {
  const feats = (tex: string) => new Set(notationFeatures(parseTex(normaliseTex(tex)).items).filter((f) => !f.startsWith('c:')));
  const a = feats('h_t = \\tanh(W h_{t-1} + U x_t + b)');
  const b = feats('s_k = \\tanh(A s_{k-1} + B e_k + c)');
  assert.deepEqual([...a].sort(), [...b].sort());
  const c = feats('h_t = \\tanh(W h_{t+1} + U x_t + b)');
  assert.notDeepEqual([...a].sort(), [...c].sort());
  assert.ok(a.has('u:a_i-1'), [...a].join(' '));
  assert.ok(a.has('in:tanh>A'), [...a].join(' '));
  const t = feats('\\hat{y} = \\sigma(w^\\top x)');
  assert.ok(t.has('lhs:a.hat'), [...t].join(' '));
  assert.ok(t.has('u:a^T'), [...t].join(' '));
});
