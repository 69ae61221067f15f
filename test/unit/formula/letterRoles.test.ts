/**
 * The learned reading of letters' roles (letterRoles.ts): where a letter stands, the phrases the hover says, the
 * threshold, that it only adds to meanings that describe a shape, and that the bench reads each phrase as its role.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainFormula, letterTreeOf } from '../../../src/core/formula/explain';
import { type Example, loadModel, storeModel, trainSoftmax } from '../../../src/core/formula/learned';
import { isRoleClass, letterFeatures, type LetterRole, predictRole, ROLE_AT_LEAST, ROLE_CLASSES, ROLE_PHRASES, SHAPE_ONLY, withRole } from '../../../src/core/formula/letterRoles';
import { ROLE_IDS, rolesOfMeaning } from '../../../bench/formula/evaluate';
import { loadCases } from './fixtures';
import shipped from '../../../src/core/formula/roleModel.json';

test('where a letter stands: inside a derivative, as a function’s argument, beside an operator, on one side of =', () => {
  const grad = letterFeatures(letterTreeOf('\\frac{\\partial L}{\\partial w_1} = x_1 \\delta'), 'w_1', null);
  for (const want of ['b:w', 'in0:dden', 'side:lhs', 'sub:num', 'k:none', 'case:lower', 'bias']) assert.ok(grad.includes(want), `${want} in ${grad.join(' ')}`);
  const top = letterFeatures(letterTreeOf('\\frac{\\partial L}{\\partial w_1} = x_1 \\delta'), 'L', 'chain-rule');
  assert.ok(top.includes('in0:dnum') && top.includes('k:chain-rule'), top.join(' '));
  const act = letterFeatures(letterTreeOf('a = \\sigma(W x + b)'), 'x', 'affine-layer');
  for (const want of ['in0:arg:sigmoid', 'l:s:W', 'r:o:+', 'side:rhs', 'b:x|l:s:W']) assert.ok(act.includes(want), `${want} in ${act.join(' ')}`);
  const applied = letterFeatures(letterTreeOf('J(\\theta) = k'), 'J', null);
  assert.ok(applied.includes('applied') && applied.includes('case:upper'), applied.join(' '));
  assert.ok(letterFeatures(letterTreeOf('y = x'), 'q', null).includes('unplaced'));
});

test('each role is said in a phrase the bench reads as that role and no other, the shape kept first', () => {
  assert.deepEqual([...ROLE_CLASSES].sort(), [...ROLE_IDS].sort(), 'the model names the labelling vocabulary’s roles');
  for (const role of Object.keys(ROLE_PHRASES) as LetterRole[]) {
    const said = withRole('a quantity indexed by t', role);
    assert.ok(said.startsWith('a quantity indexed by t — probably '), said);
    assert.deepEqual(rolesOfMeaning(said), [role], `${role}: ${said}`);
  }
  assert.deepEqual(rolesOfMeaning('a quantity indexed by t'), [], 'the shape alone claims no role');
  for (const m of ['a quantity', 'a vector indexed by i', 'entry i of x', 'a function of x', 'the quantity this formula defines (Softmax)']) assert.match(m, SHAPE_ONLY);
  for (const m of ['the weights (learned parameters)', 'the learning rate (step size)', 'an index the sum runs over']) assert.doesNotMatch(m, SHAPE_ONLY);
});

/** A model trained on made-up letters: u before v is a weight; z alone carries no role (`shape`). */
function toyModel() {
  const ex: Example[] = [];
  for (let i = 0; i < 40; i++) {
    ex.push({ features: ['bias', 'b:u', 'r:s:v', `noise:${i % 7}`], label: 'weight', source: `s${i % 8}` });
    ex.push({ features: ['bias', 'b:z', `noise:${i % 5}`], label: 'shape', source: `s${i % 8}` });
  }
  return trainSoftmax(ex, [...ROLE_CLASSES], { epochs: 20, minSources: 2 });
}

test('a role is said from the threshold on, never the shape class, and a stored model reads back the same', () => {
  const model = toyModel();
  const w = predictRole(model, ['bias', 'b:u', 'r:s:v']);
  assert.equal(w?.role, 'weight');
  assert.ok(w!.p >= ROLE_AT_LEAST);
  assert.equal(predictRole(model, ['bias', 'b:u', 'r:s:v'], 1.01), null, 'below the threshold nothing is said');
  assert.equal(predictRole(model, ['bias', 'b:z']), null, 'the shape class is never said as a role');
  const back = loadModel(JSON.parse(JSON.stringify(storeModel(model))), isRoleClass);
  assert.deepEqual(predictRole(back, ['bias', 'b:u', 'r:s:v'])?.role, 'weight');
  assert.throws(() => loadModel(JSON.parse(JSON.stringify(storeModel(model)))), /unknown class/, 'a role model is no concept model');
  assert.throws(() => loadModel({ ...storeModel(model), classes: ['shape', 'wizard'] }, isRoleClass), /unknown class wizard/);
});

test('in an explanation the model only adds a "probably" to letters described by their shape; off, nothing changes', () => {
  const model = toyModel();
  const tex = 'r = u v + z';
  // (The sentence names a concept of the catalog: the formula is one of machine learning's, so the model may speak.)
  const context = { before: 'the affine layer of the network computes' };
  // (The concept model is left out: this is about the role model, on a formula no concept is named for.)
  const plain = explainFormula(tex, { context, roles: false, learned: false });
  const withModel = explainFormula(tex, { context, roles: model, learned: false });
  assert.equal(plain.concept, null, 'no concept named: the sentence alone lets the model speak');
  const before = new Map(plain.symbols.map((s) => [s.symbol, s.meaning]));
  assert.ok(SHAPE_ONLY.test(before.get('u') ?? ''), `u is described by its shape alone: ${before.get('u')}`);
  for (const s of withModel.symbols) {
    const was = before.get(s.symbol) ?? '';
    if (s.meaning === was) continue;
    assert.ok(SHAPE_ONLY.test(was), `${s.symbol}: only a shape-only meaning may change (was "${was}")`);
    assert.ok(s.meaning.startsWith(`${was} — probably `), s.meaning);
  }
  assert.match(withModel.symbols.find((s) => s.symbol === 'u')?.meaning ?? '', /— probably a weight/);
  assert.doesNotMatch(withModel.symbols.find((s) => s.symbol === 'z')?.meaning ?? '', /probably/);
});

test('the shipped model: a role model of the vocabulary, and over the fixture formulas it only ever adds to shape-only meanings', () => {
  const model = loadModel(shipped, isRoleClass);
  assert.ok(model.index.size > 100, `${model.index.size} features`);
  let added = 0;
  for (const set of ['dev', 'heldout-b', 'heldout-c']) {
    for (const f of loadCases(set).slice(0, 80)) {
      const context = { before: f.context };
      const plain = new Map(explainFormula(f.latex, { context, roles: false }).symbols.map((s) => [s.symbol, s.meaning]));
      for (const s of explainFormula(f.latex, { context }).symbols) {
        const was = plain.get(s.symbol) ?? '';
        if (s.meaning === was) continue;
        added++;
        assert.ok(SHAPE_ONLY.test(was) && s.meaning.startsWith(`${was} — probably `), `${f.latex}: ${s.symbol} "${was}" → "${s.meaning}"`);
      }
    }
  }
  assert.ok(added > 0, 'the shipped model says some role');
});

test('where the grammar tells nothing, the shipped model adds at most a hedged "probably …" and keeps the shape first', () => {
  const cases: Array<[string, string]> = [
    ['p(x \\mid z) = \\mathcal{N}(x; \\mu, \\sigma^2)', 'x'], ['d = x - y', 'y'], ['E = \\mathbb{E}[x]', 'E'], ['L(y_1, y_2) = |y_1 - y_2|', 'y_1'],
    ['y(x) = w x', 'y'], ['Q = K + 1', 'Q'], ['R = g(S)', 'g'], ['q = u h_j', 'h_j'], ['p = s(a \\cdot b)', 's'], ['J(\\theta) = k', 'k'], ['A = B - \\rho C', 'ρ'],
  ];
  for (const [tex, letter] of cases) {
    const plain = explainFormula(tex, { roles: false }).symbols.find((s) => s.symbol === letter)?.meaning ?? '';
    const said = explainFormula(tex).symbols.find((s) => s.symbol === letter)?.meaning ?? '';
    assert.match(plain, SHAPE_ONLY, `${tex}: ${letter} is described by its shape by the grammar`);
    assert.ok(said === plain || said.startsWith(`${plain} — probably `), `${tex}: ${letter} "${said}"`);
  }
});

test('formulas of other subjects get no learned role: E = mc², PV = nRT, a² + b² = c², A = πr², the quadratic formula', () => {
  for (const tex of ['E = mc^2', 'PV = nRT', 'a^2 + b^2 = c^2', 'A = \\pi r^2', 'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}', 'F = ma', 'v = u + at']) {
    const ex = explainFormula(tex);
    assert.equal(ex.concept, null, tex);
    for (const s of ex.symbols) assert.doesNotMatch(s.meaning, /probably/, `${tex}: ${s.symbol} "${s.meaning}"`);
  }
  // (The same letters in a formula the recogniser names still may get one: E of a squared error is the loss by its grammar.)
  assert.match(explainFormula('E = \\frac{1}{2} \\sum_k (t_k - y_k)^2').symbols.find((s) => s.symbol === 'E')?.meaning ?? '', /loss/);
});
