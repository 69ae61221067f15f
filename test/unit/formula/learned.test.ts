/**
 * The learned second opinion (learned.ts): its features, its training math against independent computation, its
 * storage, the rule that weighs it with the recogniser, and the hover it leads to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exampleLoss, type Example, formulaTokens, judge, learnedFeatures, loadModel, NAME_FROM,
  type Prediction, predictConcept, sentenceWords, storeModel, THRESHOLDS, trainModel,
} from '../../../src/core/formula/learned';
import { explainFormula, type ExplainOptions } from '../../../src/core/formula/explain';
import { buildHoverMarkdown } from '../../../src/core/formula/hover';
import { handModel } from './handModel';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';
import shipped from '../../../src/core/formula/learnedModel.json';

/** The recogniser's answer weighed by the learned model's fixed thresholds alone (learned.ts, judge), without the decision step (decide.ts). */
const explainRules = (tex: string, opts: ExplainOptions = {}) => explainFormula(tex, { decision: false, ...opts });


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
  const model = trainModel(synthetic(120, 3), { epochs: 3, minSources: 3 });
  const back = loadModel(JSON.parse(JSON.stringify(storeModel(model))));
  assert.deepEqual([...back.q], [...model.q]);
  assert.deepEqual([...back.index], [...model.index]);
  assert.deepEqual(back.classes, model.classes);
  for (const [i, s] of model.scales.entries()) assert.ok(Math.abs(back.scales[i] - s) <= 1e-5 * s);
  const stored = storeModel(model);
  assert.throws(() => loadModel({ ...stored, version: 2 }), /version-3/);
  assert.throws(() => loadModel({ ...stored, classes: ['null', 'not-a-concept', 'softmax'] }), /unknown class/);
  assert.throws(() => loadModel({ ...stored, weights: stored.weights.slice(0, 8) }), /weights for/);
  assert.throws(() => loadModel({ ...stored, features: [...stored.features.slice(1), stored.features[1]] }), /twice/);
  assert.throws(() => loadModel({ ...stored, scales: stored.scales.map(() => -1) }), /scale/);
});

const pred = (best: string | null, p: number, probs: Record<string, number>, known = 10): Prediction => ({ best: best as Prediction['best'], p, probs: new Map(Object.entries(probs)), known });

test('judge: the recogniser’s concept is kept unless the model gives it < 10% and another answer ≥ 50%', () => {
  assert.deepEqual(judge('sigmoid', pred('sigmoid', 0.8, { sigmoid: 0.8, null: 0.2 })), { concept: 'sigmoid', by: 'rules', p: 0.8 });
  assert.deepEqual(judge('sigmoid', pred(null, 0.9, { sigmoid: 0.05, null: 0.9 })), { concept: null, by: 'withdrawn', p: 0.05, instead: null });
  assert.equal(judge('sigmoid', pred('tanh', 0.45, { sigmoid: 0.05, tanh: 0.45, relu: 0.4 })).concept, 'sigmoid', 'no answer it prefers enough');
  assert.equal(judge('sigmoid', pred(null, 0.85, { sigmoid: 0.12, null: 0.85 })).concept, 'sigmoid', '12% is enough to keep it');
  assert.equal(judge('sigmoid', pred(null, 0.95, { sigmoid: 0.01, null: 0.95 }, 3)).concept, 'sigmoid', 'too few known features: no opinion');
  // Other thresholds, as the training run scores them.
  assert.equal(judge('sigmoid', pred(null, 0.85, { sigmoid: 0.12, null: 0.85 }), { ...THRESHOLDS, keepAtLeast: 0.2, otherAtLeast: 0.5, nameFrom: 1 }).by, 'withdrawn');
});

test('judge: a concept the recogniser left open is named only from NAME_FROM on', () => {
  assert.ok(NAME_FROM > 0.9 && NAME_FROM < 1);
  assert.deepEqual(judge(null, pred('softmax', 0.98, { softmax: 0.98 })), { concept: 'softmax', by: 'learned', p: 0.98 });
  assert.equal(judge(null, pred('softmax', 0.93, { softmax: 0.93 })).concept, null);
  assert.equal(judge(null, pred(null, 0.99, { null: 0.99 })).by, 'none');
  assert.equal(judge(null, null).by, 'none');
  assert.equal(judge(null, pred('softmax', 0.93, { softmax: 0.93 }), { ...THRESHOLDS, nameFrom: 0.9 }).concept, 'softmax');
});

test('judge: the concepts in KEEP_ALWAYS are never withdrawn, those in NEVER_NAME never named by the model alone', () => {
  const sure = (c: string) => pred(null, 0.99, { [c]: 0.001, null: 0.99 });
  assert.deepEqual(judge('gradient-descent', sure('gradient-descent')), { concept: 'gradient-descent', by: 'rules', p: 0.001 });
  assert.equal(judge('adam', sure('adam')).concept, 'adam');
  assert.equal(judge('sigmoid', sure('sigmoid')).by, 'withdrawn', 'other concepts are still withdrawn');
  assert.equal(judge('gradient-descent', sure('gradient-descent'), { ...THRESHOLDS, keepAlways: new Set() }).by, 'withdrawn');
  assert.equal(judge('gru', sure('gru')).concept, 'gru');
  // (A firm pattern of the recogniser is kept the same way, whatever its concept.)
  assert.equal(judge('linear-regression', sure('linear-regression'), THRESHOLDS, false, true).by, 'rules');
  assert.equal(judge('linear-regression', sure('linear-regression'), THRESHOLDS, false, false).by, 'withdrawn');
  assert.deepEqual(judge(null, pred('chain-rule', 0.999, { 'chain-rule': 0.999 })), { concept: null, by: 'none' });
  assert.equal(judge(null, pred('linear-regression', 0.999, { 'linear-regression': 0.999 })).concept, null);
  assert.equal(judge(null, pred('chain-rule', 0.999, { 'chain-rule': 0.999 }), { ...THRESHOLDS, neverName: new Set() }).concept, 'chain-rule');
});

test('a claim the model withdraws becomes an honest unsure hover that says why and names no concept', () => {
  const tex = '\\sigma(z) = \\frac{1}{1 + e^{-z}}';
  assert.equal(explainRules(tex, { learned: false }).concept, 'sigmoid');
  const model = handModel(['null', 'sigmoid', 'softmax'], 'softmax', ['\\sigma', 'z', '1', 'e']);
  const ex = explainRules(tex, { learned: model });
  assert.equal(ex.concept, null);
  assert.equal(ex.learned.by, 'withdrawn');
  assert.match(ex.unsure?.reason ?? '', /partly matches Sigmoid.*more often Softmax/);
  const md = buildHoverMarkdown(ex, { allowedCommands: [], render: false });
  assert.match(md, /^\*\*I don't recognise this formula\*\*/);
  assert.doesNotMatch(md, /\*\*Sigmoid\*\*|In your notation/);
  // A model that favours the sigmoid keeps the recogniser's concept.
  assert.equal(explainRules(tex, { learned: handModel(['null', 'sigmoid', 'softmax'], 'sigmoid', ['\\sigma', 'z', '1', 'e']) }).concept, 'sigmoid');
});

test('a concept the model names where the recogniser was unsure says where the name comes from', () => {
  const tex = 'q = r + s + t';
  assert.equal(explainRules(tex, { learned: false }).concept, null);
  const model = handModel(['null', 'softmax'], 'softmax', ['q', 'r', 's', 't']);
  const ex = explainRules(tex, { learned: model });
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
});

test('judge: on a line that works out a derivative the model names only an update', () => {
  const sure = (c: string) => pred(c, 0.999, { [c]: 0.999 });
  assert.equal(judge(null, sure('cross-entropy'), THRESHOLDS, true).by, 'none');
  assert.equal(judge(null, sure('cross-entropy'), THRESHOLDS, false).concept, 'cross-entropy');
  assert.equal(judge(null, sure('gradient-descent'), THRESHOLDS, true).concept, 'gradient-descent');
  // The recogniser's own concept on such a line is judged as before.
  assert.equal(judge('sigmoid', pred('sigmoid', 0.9, { sigmoid: 0.9 }), THRESHOLDS, true).concept, 'sigmoid');
  const model = handModel(['null', 'cross-entropy'], 'cross-entropy', ['\\partial', 'ce', 'pred', 'z', 't', 'y']);
  assert.equal(explainRules('q_{z_t} = y_{\\text{pred}, t} - 1', { learned: model }).learned.by, 'learned', 'the model names it on a plain line');
  const ex = explainRules('\\frac{\\partial \\text{CE}}{\\partial z_t} = y_{\\text{pred}, t} - 1', { learned: model });
  assert.equal(ex.learned.by, 'none', 'explainFormula tells judge the line is a derivative');
});

test('a model started from another keeps what that one knew (its classes and features) and learns the new examples', () => {
  const first = trainModel(synthetic(300, 7), { epochs: 8, minSources: 5 });
  const relu: Example[] = Array.from({ length: 90 }, (_, i) => ({ features: [i % 2 ? 't:relu' : 't:plain', `t:n${i % 20}`, 'bias'], label: i % 2 ? 'relu' : null, source: `r${i % 6}` }));
  const tuned = trainModel(relu, { epochs: 4, minSources: 5, init: first });
  const alone = trainModel(relu, { epochs: 4, minSources: 5 });
  assert.ok(tuned.classes.includes('softmax') && tuned.index.has('t:softmax'), 'the first model’s class and feature stay');
  assert.ok(!alone.classes.includes('softmax'), 'trained alone the new examples know no softmax');
  assert.equal(predictConcept(tuned, ['t:softmax', 't:n3', 'bias']).best, 'softmax');
  assert.equal(predictConcept(tuned, ['t:relu', 't:n3', 'bias']).best, 'relu');
  assert.equal(predictConcept(first, ['t:relu', 't:n3', 'bias']).best === 'relu', false, 'the first model never saw relu');
});

test('a specific concept the model takes back for the general one it is a kind of is named by the general one', () => {
  const tex = '\\frac{\\partial net_t}{\\partial net_{t-1}} = \\frac{\\partial net_t}{\\partial s_{t-1}}\\frac{\\partial s_{t-1}}{\\partial net_{t-1}}';
  assert.equal(explainRules(tex, { learned: false }).concept, 'backpropagation-through-time');
  const letters = ['\\partial', 'n', 'e', 't', 's', '1'];
  const general = explainRules(tex, { learned: handModel(['null', 'chain-rule', 'backpropagation-through-time', 'softmax'], 'chain-rule', letters) });
  assert.equal(general.concept, 'chain-rule');
  // A concept the model favours that the formula is no kind of leaves the hover unsure.
  const other = explainRules(tex, { learned: handModel(['null', 'chain-rule', 'backpropagation-through-time', 'softmax'], 'softmax', letters) });
  assert.equal(other.concept, null);
  assert.equal(other.learned.by, 'withdrawn');
});
