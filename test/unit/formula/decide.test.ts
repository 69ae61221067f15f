/**
 * The decision step (decide.ts): its options and their features, its probabilities against an independent softmax,
 * its threshold, its training, its storage, and the hovers it leads to in explain.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decide, DECISION_FEATURES, type DecisionExample, type DecisionInput, type DecisionModel, decisionOptions, loadDecisionModel,
  optionProbabilities, storeDecisionModel, trainDecision,
} from '../../../src/core/formula/decide';
import { explainFormula } from '../../../src/core/formula/explain';
import { buildHoverMarkdown } from '../../../src/core/formula/hover';
import { handModel } from './handModel';
import type { Prediction } from '../../../src/core/formula/learned';
import type { ConceptId } from '../../../src/core/formula/concepts';
import shipped from '../../../src/core/formula/decisionModel.json';

const feature = (name: (typeof DECISION_FEATURES)[number]) => DECISION_FEATURES.indexOf(name);

function prediction(probs: Array<[string, number]>, known = 10): Prediction {
  const sorted = [...probs].sort((a, b) => b[1] - a[1]);
  const best = sorted[0][0];
  return { best: best === 'null' ? null : (best as ConceptId), p: sorted[0][1], probs: new Map(probs), known };
}

const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  rules: 'sigmoid',
  candidates: [{ id: 'sigmoid', score: 3.2 }, { id: 'logistic-regression', score: 2.5 }],
  firm: false,
  derivative: false,
  pred: prediction([['sigmoid', 0.6], ['null', 0.3], ['tanh', 0.1]]),
  ...over,
});

test('options: the structure’s candidates, the model’s most probable concepts, and none, each with its features', () => {
  const opts = decisionOptions(input());
  assert.deepEqual(opts.map((o) => o.concept), ['sigmoid', 'logistic-regression', 'tanh', null]);
  const [sig, logistic, tanh, none] = opts;
  assert.equal(sig.x[feature('score')], 3.2);
  assert.equal(sig.x[feature('recognised')], 1);
  assert.equal(sig.x[feature('structureBest')], 1);
  assert.equal(sig.x[feature('modelBest')], 1);
  assert.ok(Math.abs(sig.x[feature('logP')] - Math.log(0.6 + 1e-3)) < 1e-12);
  assert.ok(Math.abs(logistic.x[feature('belowBest')] - (2.5 - 3.2)) < 1e-12);
  assert.equal(logistic.x[feature('recognised')], 0);
  assert.equal(logistic.x[feature('p')], 0);
  assert.equal(tanh.x[feature('modelOnly')], 1);
  assert.equal(tanh.x[feature('score')], 0);
  assert.equal(none.x[feature('none')], 1);
  assert.equal(none.x[feature('none.pNull')], 0.3);
  assert.equal(none.x[feature('none.bestScore')], 3.2);
  assert.equal(none.x[feature('none.rulesOpen')], 0);
  // A concept's features are 0 where "none"'s are, and the other way round.
  for (const o of opts) for (let i = 0; i < 7; i++) if (o.concept) assert.equal(o.x[i], 0);
  for (let i = 7; i < DECISION_FEATURES.length; i++) assert.equal(none.x[i], 0);
  // A model that knew too few of the formula's features says nothing.
  const blind = decisionOptions(input({ pred: prediction([['sigmoid', 0.9], ['null', 0.1]], 2) }));
  assert.equal(blind[0].x[feature('p')], 0);
  assert.equal(blind.at(-1)!.x[feature('none.modelBlind')], 1);
});

test('probabilities: the softmax of wᵀx, as an independent computation gives it', () => {
  const opts = decisionOptions(input());
  const w = Float64Array.from(DECISION_FEATURES, (_, i) => ((i * 7) % 5) / 10 - 0.2);
  const got = optionProbabilities(w, opts);
  const u = opts.map((o) => { let s = 0; for (let i = 0; i < w.length; i++) s += w[i] * o.x[i]; return s; });
  const z = u.map(Math.exp).reduce((a, b) => a + b, 0);
  u.forEach((v, k) => assert.ok(Math.abs(got[k] - Math.exp(v) / z) < 1e-12));
});

test('decide: the most probable option is named only above the threshold; none and the recogniser’s share are told', () => {
  const w = new Float64Array(DECISION_FEATURES.length);
  w[feature('recognised')] = 3;
  const opts = decisionOptions(input());
  const pr = optionProbabilities(w, opts);
  const named = decide({ weights: w, threshold: pr[0] - 0.01 }, input());
  assert.equal(named.concept, 'sigmoid');
  assert.ok(Math.abs(named.p - pr[0]) < 1e-12);
  const unsure = decide({ weights: w, threshold: pr[0] + 0.01 }, input());
  assert.equal(unsure.concept, null);
  assert.equal(unsure.best, 'sigmoid');
  assert.ok(Math.abs(unsure.pRules - pr[0]) < 1e-12);
  // "None" the most probable: no concept, whatever the threshold.
  w[feature('none')] = 10;
  const none = decide({ weights: w, threshold: 0 }, input());
  assert.equal(none.concept, null);
  assert.equal(none.best, null);
});

test('training learns a made-up rule from its examples and lowers their loss', () => {
  // The label: the model's concept when it gives it more than 0.5, else none.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const examples: DecisionExample[] = [];
  for (let i = 0; i < 400; i++) {
    const p = random();
    const inp = input({ rules: null, candidates: [{ id: 'tanh', score: 1 + random() }], pred: prediction([['relu', p], ['null', 1 - p]]) });
    examples.push({ options: decisionOptions(inp), label: p > 0.5 ? 'relu' : null });
  }
  const loss = (w: Float64Array) => examples.reduce((s, e) => s - Math.log(optionProbabilities(w, e.options)[e.options.findIndex((o) => o.concept === e.label)]), 0) / examples.length;
  const w = trainDecision(examples);
  assert.ok(loss(w) < 0.5 * loss(new Float64Array(DECISION_FEATURES.length)), `${loss(w)}`);
  let right = 0;
  for (const e of examples) {
    const pr = optionProbabilities(w, e.options);
    right += e.options[pr.indexOf(Math.max(...pr))].concept === e.label ? 1 : 0;
  }
  assert.ok(right / examples.length > 0.9, `${right}`);
});

test('a stored model loads back, a damaged one is refused with a reason, and the shipped one was trained on many sources', () => {
  const m: DecisionModel = { weights: Float64Array.from(DECISION_FEATURES, (_, i) => i / 7), threshold: 0.6 };
  const back = loadDecisionModel(JSON.parse(JSON.stringify(storeDecisionModel(m))));
  back.weights.forEach((v, i) => assert.ok(Math.abs(v - m.weights[i]) < 1e-5));
  const stored = storeDecisionModel(m);
  assert.throws(() => loadDecisionModel({ ...stored, features: stored.features.slice(1) }), /features are not/);
  assert.throws(() => loadDecisionModel({ ...stored, weights: stored.weights.map((v, i) => (i ? v : NaN)) }), /finite weights/);
  assert.throws(() => loadDecisionModel({ ...stored, threshold: 1 }), /threshold/);
  assert.throws(() => loadDecisionModel({ ...stored, version: 2 }), /version-1/);
  const ship = loadDecisionModel(shipped);
  assert.ok((ship.trainedOn?.sources ?? 0) >= 100 && (ship.trainedOn?.formulas ?? 0) >= 3000, JSON.stringify(ship.trainedOn));
  assert.ok(ship.threshold >= 0.5);
});

test('explain: the recogniser’s concept the step finds too seldom right is an honest unsure hover that says how seldom', () => {
  const tex = '\\sigma(z) = \\frac{1}{1 + e^{-z}}';
  const learned = handModel(['null', 'sigmoid', 'softmax'], 'sigmoid', ['\\sigma', 'z', '1', 'e']);
  const w = new Float64Array(DECISION_FEATURES.length);
  w[feature('recognised')] = 1;
  w[feature('none')] = 1;
  const ex = explainFormula(tex, { learned, decision: { weights: w, threshold: 0.9 } });
  assert.equal(ex.concept, null);
  assert.equal(ex.learned.by, 'withdrawn');
  assert.match(ex.unsure?.reason ?? '', /partly matches Sigmoid.*that concept only \d+% of the time.*too seldom to name it/);
  assert.match(buildHoverMarkdown(ex, { allowedCommands: [], render: false }), /^\*\*I don't recognise this formula\*\*/);
  // The same weights at a lower threshold name it, with the structure's own why.
  const named = explainFormula(tex, { learned, decision: { weights: w, threshold: 0.3 } });
  assert.equal(named.concept, 'sigmoid');
  assert.equal(named.learned.by, 'rules');
  assert.ok(named.why.length > 0 && !/model trained/.test(named.why));
  // Without the model's opinion there is nothing to weigh: the recogniser's answer stands.
  assert.equal(explainFormula(tex, { learned: false, decision: { weights: w, threshold: 0.99 } }).concept, 'sigmoid');
});

test('explain: a concept only the model offers, chosen by the step, says where the name comes from', () => {
  const tex = 'q = r + s + t';
  const learned = handModel(['null', 'softmax'], 'softmax', ['q', 'r', 's', 't']);
  const w = new Float64Array(DECISION_FEATURES.length);
  w[feature('p')] = 5;
  const ex = explainFormula(tex, { learned, decision: { weights: w, threshold: 0.5 } });
  assert.equal(ex.concept, 'softmax');
  assert.equal(ex.learned.by, 'learned');
  assert.match(ex.why, /no pattern I know matched its structure.*model trained on formulas labelled in other people's notes/);
});
