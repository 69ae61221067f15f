import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { conceptsNamed, CONCEPT_NAMES, TRANSLATED_NAMES, namedInOtherLanguage } from '../../../src/core/formula/conceptNames';
import { conceptsMentioned } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';

test('every name table entry is a catalog concept, and most of the catalog has a name', () => {
  const ids = Object.keys(CONCEPT_NAMES);
  for (const id of ids) assert.ok((CONCEPT_IDS as readonly string[]).includes(id), id);
  assert.ok(ids.length >= CONCEPT_IDS.length - 2, `${ids.length} of ${CONCEPT_IDS.length}`);
});

test('names in English, Chinese and Korean notes, in the order the text gives them', () => {
  assert.deepEqual(conceptsNamed('The hyperbolic tangent is a rescaled logistic function.'), ['tanh', 'sigmoid']);
  assert.deepEqual(conceptsNamed('（2）**交叉熵代价函数**：用于逻辑回归'), ['cross-entropy', 'logistic-regression']);
  assert.deepEqual(conceptsNamed('로지스틱 회귀에서는 시그모이드 함수를 쓴다'), ['logistic-regression', 'sigmoid']);
  assert.deepEqual(conceptsNamed('长短期记忆网络（LSTM）是一种循环神经网络'), ['lstm', 'rnn']);
  assert.deepEqual(conceptsNamed('Surprisal:'), ['surprisal']);
  assert.deepEqual(conceptsNamed('Distilling a teacher into a student'), ['distillation-loss']);
});

test('topics are not names: a layer, a regression, a multi-layer perceptron', () => {
  assert.deepEqual(conceptsNamed('each layer of the network computes a regression on its input'), []);
  assert.deepEqual(conceptsNamed('a multi-layer perceptron'), ['mlp']);
  assert.deepEqual(conceptsNamed('多层感知机'), ['mlp']);
  assert.deepEqual(conceptsNamed('the perceptron predicts'), ['step-function']);
  assert.deepEqual(conceptsNamed('a fully connected layer'), ['affine-layer']);
});

test('the unsure hover lists the concepts the words name, at most five', () => {
  assert.equal(conceptsMentioned('softmax, sigmoid, tanh, relu, dropout, adam and perplexity').length, 5);
  const ex = explainFormula('q = r + s', { context: { before: 'With logistic regression (逻辑回归) in mind, and the hyperbolic tangent:' } });
  assert.equal(ex.concept, null);
  assert.deepEqual(ex.unsure?.mentioned.map((m) => m.id), ['logistic-regression', 'tanh']);
});

test('names in the other languages of real notes: every entry a catalog concept; an English name is not "another language"', () => {
  for (const id of Object.keys(TRANSLATED_NAMES)) assert.ok((CONCEPT_IDS as readonly string[]).includes(id), id);
  assert.deepEqual(conceptsNamed('La régression logistique, puis la descente de gradient'), ['logistic-regression', 'gradient-descent']);
  assert.deepEqual(conceptsNamed('Рекуррентные сети и механизм внимания'), ['rnn', 'attention']);
  assert.deepEqual(conceptsNamed('交差エントロピー誤差'), ['cross-entropy']);
  assert.ok(namedInOtherLanguage('cross-entropy', '交叉熵代价函数'));
  assert.ok(namedInOtherLanguage('sgns', '負例サンプリングによる獲得方法'));
  assert.ok(!namedInOtherLanguage('cross-entropy', 'the cross-entropy loss'));
  // (A fully connected network is a network, not the layer.)
  assert.deepEqual(conceptsNamed('Полносвязная сеть'), ['mlp']);
});
