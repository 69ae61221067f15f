/**
 * The learned second opinion (learned.ts): its features, its training math against independent computation, its
 * storage, the rule that weighs it with the recogniser, and the hover it leads to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exampleLoss, type Example, formulaTokens, gatesFrom, GATE_MIN, judge, learnedFeatures, type LearnedModel, loadModel,
  type Prediction, predictConcept, sentenceWords, storeModel, trainModel,
} from '../../../src/core/formula/learned';
import { explainFormula } from '../../../src/core/formula/explain';
import { buildHoverMarkdown } from '../../../src/core/formula/hover';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';
import shipped from '../../../src/core/formula/learnedModel.json';

test('features: TeX commands, letters with their case, words and pairs lower-cased, a length bucket', () => {
  assert.deepEqual(formulaTokens('\\sigma(W x)=Softmax'), ['\\sigma', '(', 'W', 'x', ')', '=', 'softmax']);
  assert.deepEqual(sentenceWords('The Sigmoid of z, в сети; 活性化関数'), ['the', 'sigmoid', 'сети', '活性化関', '数']);
  const f = learnedFeatures('\\sigma(z)', 'The sigmoid function');
  for (const want of ['t:\\sigma', 'b:\\sigma (', 't:z', 'c:sigmoid', 'cb:the sigmoid', 'cb:sigmoid function', 'len:0', 'bias']) assert.ok(f.includes(want), want);
  assert.deepEqual(learnedFeatures('\\sigma(z)', 'The sigmoid function'), f, 'the same input gives the same features');
});

test('the gradient of one example’s loss is the finite difference of the loss', () => {
  const K = 3;
  const W = Float64Array.from({ length: 4 * K }, (_, i) => Math.sin(i + 1) * 0.7);
  const x = [0, 2, 3];
  const { loss, grad } = exampleLoss(W, K, x, 1, 0.01);
  // The loss computed independently: softmax of summed rows, minus log of the true class, plus the L2 term on the rows used.
  const s = [0, 1, 2].map((k) => x.reduce((a, d) => a + W[d * K + k], 0));
  const z = s.reduce((a, v) => a + Math.exp(v), 0);
  const l2 = x.flatMap((d) => [0, 1, 2].map((k) => W[d * K + k] ** 2)).reduce((a, v) => a + v, 0);
  assert.ok(Math.abs(loss - (-Math.log(Math.exp(s[1]) / z) + 0.005 * l2)) < 1e-12);
  for (const [q, g] of grad) {
    const h = 1e-6;
    const up = Float64Array.from(W);
    const down = Float64Array.from(W);
    up[q] += h;
    down[q] -= h;
    const fd = (exampleLoss(up, K, x, 1, 0.01).loss - exampleLoss(down, K, x, 1, 0.01).loss) / (2 * h);
    assert.ok(Math.abs(fd - g) < 1e-6, `weight ${q}: ${g} against ${fd}`);
  }
  assert.equal(grad.size, x.length * K, 'rows of features absent from the example get no gradient');
});

/** Made-up examples: a marker token per class, noise tokens, spread over sources. */
function synthetic(n: number, seed: number): Example[] {
  const labels = ['softmax', 'sigmoid', null] as const;
  const out: Example[] = [];
  let r = seed;
  const next = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    const label = labels[i % 3];
    const marker = label ?? 'plain';
    out.push({ features: [`t:${marker}`, `t:n${Math.floor(next() * 20)}`, `t:n${Math.floor(next() * 20)}`, 'bias', `only-in:${i}`], label, source: `s${i % 7}` });
  }
  return out;
}

test('training learns made-up classes, keeps only features of several sources, and is the same for the same seed', () => {
  const model = trainModel(synthetic(300, 7), { epochs: 8, minSources: 5 });
  assert.deepEqual(model.classes, ['null', 'sigmoid', 'softmax'].sort((a, b) => (a === 'null' ? -1 : b === 'null' ? 1 : CONCEPT_IDS.indexOf(a as never) - CONCEPT_IDS.indexOf(b as never))));
  assert.ok(![...model.index.keys()].some((f) => f.startsWith('only-in:')), 'a feature of one source is dropped');
  let right = 0;
  const held = synthetic(90, 99);
  for (const e of held) {
    const p = predictConcept(model, e.features);
    if (p.best === e.label) right++;
  }
  assert.equal(right, held.length, 'the marker decides every held-out example');
  const again = trainModel(synthetic(300, 7), { epochs: 8, minSources: 5 });
  assert.deepEqual([...again.q], [...model.q]);
  const p = predictConcept(model, ['t:softmax', 't:n1', 't:n2', 'bias']);
  assert.ok(p.p > 0.9 && p.best === 'softmax', String(p.p));
  assert.ok(Math.abs([...p.probs.values()].reduce((a, v) => a + v, 0) - 1) < 1e-12);
});

test('a stored model loads back with the same weights, and a damaged one is refused with a reason', () => {
  const model = { ...trainModel(synthetic(120, 3), { epochs: 3, minSources: 3 }), withdraw: new Set(['softmax']), name: new Set(['sigmoid']) };
  const back = loadModel(JSON.parse(JSON.stringify(storeModel(model))));
  assert.deepEqual([...back.q], [...model.q]);
  assert.deepEqual([...back.index], [...model.index]);
  assert.deepEqual([...back.withdraw], ['softmax']);
  for (const [i, s] of model.scales.entries()) assert.ok(Math.abs(back.scales[i] - s) <= 1e-5 * s);
  const stored = storeModel(model);
  assert.throws(() => loadModel({ ...stored, version: 1 }), /version-2/);
  assert.throws(() => loadModel({ ...stored, classes: ['null', 'not-a-concept', 'softmax'] }), /unknown class/);
  assert.throws(() => loadModel({ ...stored, weights: stored.weights.slice(0, 8) }), /weights for/);
  assert.throws(() => loadModel({ ...stored, name: ['rm -rf'] }), /gates/);
  assert.throws(() => loadModel({ ...stored, scales: stored.scales.map(() => -1) }), /scale/);
});

const pred = (best: string | null, p: number, probs: Record<string, number>, known = 10): Prediction => ({ best: best as Prediction['best'], p, probs: new Map(Object.entries(probs)), known });
const gates = { withdraw: new Set(['sigmoid']), name: new Set(['softmax']) };

test('judge: the recogniser’s concept is kept unless its gate is open, the model gives it < 10% and another answer ≥ 50%', () => {
  assert.deepEqual(judge('sigmoid', pred('sigmoid', 0.8, { sigmoid: 0.8, null: 0.2 }), gates), { concept: 'sigmoid', by: 'rules', p: 0.8 });
  assert.deepEqual(judge('sigmoid', pred(null, 0.9, { sigmoid: 0.05, null: 0.9 }), gates), { concept: null, by: 'withdrawn', p: 0.05, instead: null });
  assert.equal(judge('sigmoid', pred('tanh', 0.45, { sigmoid: 0.05, tanh: 0.45, relu: 0.4 }), gates).concept, 'sigmoid', 'no answer it prefers enough');
  assert.equal(judge('relu', pred(null, 0.95, { relu: 0.01, null: 0.95 }), gates).concept, 'relu', 'a concept outside the gate is never withdrawn');
  assert.equal(judge('sigmoid', pred(null, 0.95, { sigmoid: 0.01, null: 0.95 }, 3), gates).concept, 'sigmoid', 'too few known features: no opinion');
});

test('judge: a concept the recogniser left open is named only inside its gate and from 90%', () => {
  assert.deepEqual(judge(null, pred('softmax', 0.93, { softmax: 0.93 }), gates), { concept: 'softmax', by: 'learned', p: 0.93 });
  assert.equal(judge(null, pred('softmax', 0.85, { softmax: 0.85 }), gates).concept, null);
  assert.equal(judge(null, pred('tanh', 0.99, { tanh: 0.99 }), gates).concept, null);
  assert.equal(judge(null, pred(null, 0.99, { null: 0.99 }), gates).by, 'none');
  assert.equal(judge(null, null, gates).by, 'none');
});

test('gates: withdrawing opens for a concept with ≥ 5 wrong claims removed and no more right ones; naming needs 80% right', () => {
  const no = (label: string | null, rules: 'sigmoid' | 'tanh' | null, p: Prediction) => ({ label, rules, pred: p });
  const against = pred(null, 0.9, { null: 0.9, sigmoid: 0.01, tanh: 0.01 });
  const held = [
    ...Array.from({ length: GATE_MIN }, () => no(null, 'sigmoid', against)),
    ...Array.from({ length: GATE_MIN }, () => no('sigmoid', 'sigmoid', against)),
    ...Array.from({ length: GATE_MIN - 1 }, () => no(null, 'tanh', against)),
    ...Array.from({ length: 8 }, () => no('softmax', null, pred('softmax', 0.95, { softmax: 0.95 }))),
    ...Array.from({ length: 2 }, () => no(null, null, pred('softmax', 0.95, { softmax: 0.95 }))),
    ...Array.from({ length: 7 }, () => no('relu', null, pred('relu', 0.95, { relu: 0.95 }))),
    ...Array.from({ length: 3 }, () => no('tanh', null, pred('relu', 0.95, { relu: 0.95 }))),
  ];
  const g = gatesFrom(held);
  assert.deepEqual([...g.withdraw], ['sigmoid'], 'tanh: only 4 wrong claims');
  assert.deepEqual([...g.name], ['softmax'], 'relu: 7 of 10 right');
});

/** A hand-made model: the letters of a formula known (weights 0) and a constant that favours one class. */
function handModel(classes: string[], favour: string, letters: string[], gate: Partial<Pick<LearnedModel, 'withdraw' | 'name'>>): LearnedModel {
  const features = ['bias', ...letters.map((l) => `t:${l}`)];
  const q = new Int8Array(features.length * classes.length);
  q[classes.indexOf(favour)] = 127;
  return { classes, index: new Map(features.map((f, i) => [f, i])), q, scales: Float64Array.from(features, () => 0.1), withdraw: gate.withdraw ?? new Set(), name: gate.name ?? new Set() };
}

test('a claim the model withdraws becomes an honest unsure hover that says why and names no concept', () => {
  const tex = '\\sigma(z) = \\frac{1}{1 + e^{-z}}';
  assert.equal(explainFormula(tex, { learned: false }).concept, 'sigmoid');
  const model = handModel(['null', 'sigmoid', 'softmax'], 'softmax', ['\\sigma', 'z', '1', 'e'], { withdraw: new Set(['sigmoid']) });
  const ex = explainFormula(tex, { learned: model });
  assert.equal(ex.concept, null);
  assert.equal(ex.learned.by, 'withdrawn');
  assert.match(ex.unsure?.reason ?? '', /partly matches Sigmoid.*more often Softmax/);
  const md = buildHoverMarkdown(ex, { allowedCommands: [], render: false });
  assert.match(md, /^\*\*I don't recognise this formula\*\*/);
  assert.doesNotMatch(md, /\*\*Sigmoid\*\*|In your notation/);
  // The same model without the gate keeps the recogniser's concept.
  assert.equal(explainFormula(tex, { learned: { ...model, withdraw: new Set() } }).concept, 'sigmoid');
});

test('a concept the model names where the recogniser was unsure says where the name comes from', () => {
  const tex = 'q = r + s + t';
  assert.equal(explainFormula(tex, { learned: false }).concept, null);
  const model = handModel(['null', 'softmax'], 'softmax', ['q', 'r', 's', 't'], { name: new Set(['softmax']) });
  const ex = explainFormula(tex, { learned: model });
  assert.equal(ex.concept, 'softmax');
  assert.equal(ex.learned.by, 'learned');
  assert.match(ex.why, /no pattern I know matched its structure.*model trained on formulas labelled in other people's notes.*100% likely/);
  assert.match(buildHoverMarkdown(ex, { allowedCommands: [], render: false }), /Why this name\\: no pattern I know matched/);
});

test('the shipped model: loads, knows only catalog concepts, holds feature names and bytes (no sentences), was trained on many sources', () => {
  const m = loadModel(shipped);
  assert.ok(m.classes.length > 20 && m.classes[0] === 'null');
  assert.ok((m.trainedOn?.sources ?? 0) >= 100, `${m.trainedOn?.sources} sources`);
  assert.ok((m.trainedOn?.minSources ?? 0) >= 5);
  for (const f of m.index.keys()) {
    assert.ok(/^(t|b|c|cb|len):|^bias$/.test(f), f);
    assert.ok(f.length <= 80 && f.split(' ').length <= 2, `feature ${f}`);
  }
  assert.ok(m.withdraw.size > 0 && m.name.size > 0, 'gates set by cross-validation');
});
