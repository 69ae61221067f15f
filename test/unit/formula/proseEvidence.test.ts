import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { features, nearWords, proseClaim } from '../../../src/core/formula/evidenceProse';
import { parseTex } from '../../../src/core/formula/tex';
import { normaliseTex } from '../../../src/core/formula/normalise';

const concept = (tex: string, before = '', heading?: string) => recognise(tex, { before, heading }).concept;

test('shorthand the sentence before explains: the words name the concept and the formula has its shape', () => {
  const cases: Array<[string, string, string]> = [
    ['adam', 'Step 3 of our Adam update keeps a running mean of the squared steps:', 's = beta2*s + (1-beta2)*(g**2)'],
    ['language-model', 'A language model scores a whole tweet word by word:', 'P(u_1, u_2, \\ldots, u_n) = P(u_1) P(u_2 \\mid u_1) P(u_3 \\mid u_1, u_2)'],
    ['ngram-markov', 'Language model with counts. The estimate of the next word is', 'P(c \\mid a, b) = count(a, b, c) / count(a, b)'],
    ['cross-entropy', 'Our cross entropy between the label distribution r and the guess s is', 'E = -\\sum_m r_m \\ln s_m'],
    ['binary-cross-entropy', 'The cross-entropy for a yes/no tag t with predicted chance s reads', 'E = -(t \\ln s + (1-t) \\ln(1-s))'],
    ['self-attention', 'Each token is projected to a query, a key and a value:', 'q_j = W^Q e_j; \\; k_j = W^K e_j; \\; v_j = W^V e_j'],
    ['lstm', 'The forget gate scales what the cell keeps:', 'C = F_t * C_{t-1} + I_t * \\tilde{C}_t'],
    ['gru', 'GRU cell, as the library computes it:', 'h_t = (1 - u_t) * q_t + u_t * h_{t-1}'],
    ['rnn', 'A plain recurrent cell (Elman):', "h' = \\tanh(A x + B h + d)"],
    ['dropout', 'Dropped units during training:', '\\tilde{H} = H \\circ M'],
    // Typed like code: a function of t on the left, names for Greek letters, an en dash for the minus.
    ['adam', 'ADAM: keep two running averages', 's(t) = beta2 * s(t-1) + (1 – beta2) * dB^2'],
    ['gradient-descent', 'One step of gradient descent on the whole set:', '\\theta := \\theta - \\eta \\, X^T (X \\theta - t)'],
    ['chain-rule', 'By the chain rule of derivatives,', "G'(u) = p'(q(u)) q'(u)"],
    ['logistic-regression', 'The logistic regression model squashes the score:', 'f_w(u) = \\sigma(w^T u)'],
    ['attention', 'Each key vector comes from one linear map of the memory:', 'K = M W_k'],
    ['attention', 'The query and each key are compared to give a score:', '\\text{score}_j = m_j^\\top B^\\top r'],
    ['attention', 'The result is a weighted sum of the values:', '\\sum_{j=1}^n \\alpha_j (W_v m_j)'],
    // The derivative of an activation is explained with the activation (written with d's).
    ['sigmoid', 'sigmoid: g = sigmoid(u)', '\\frac{dg}{du} = g(1-g)'],
    ['tanh', 'tanh: r = tanh(u)', '\\frac{dr}{du} = 1 - r^2'],
    // The sentence names the cell and its activation: the activation is a part of the cell.
    ['rnn', 'A recurrent cell with a tanh non-linearity (Elman).', "s' = \\tanh(A * u + B * s + d)"],
    ['scaled-dot-product-attention', 'The query and each key are compared to give a score:', 'e_{rs} = \\frac{u_r \\cdot m_s}{\\sqrt{d}}'],
  ];
  for (const [want, before, tex] of cases) assert.equal(concept(tex, before), want, `${tex} after "${before}"`);
});

test('the words alone never name a concept: the formula must have the shape', () => {
  // A language model is named, but the formula is a count of parameters.
  assert.equal(concept('N = |V| + 2 m', 'Our language model has this many parameters:'), null);
  // Adam is named, but the line is a bias-correction factor with no moment or parameter defined.
  assert.equal(concept('\\frac{\\eta}{1 - \\beta_1^t}', 'In Adam the step is scaled by'), null);
  // Cross-entropy is named, but H(r) = −Σ r ln r is the entropy of one distribution.
  assert.equal(concept('H(r) = -\\sum_m r_m \\ln r_m', 'Before the cross entropy we need the entropy'), null);
});

test('declarations, draws, proportions and values take no concept from the words', () => {
  const before = 'Sampling from the language model token by token';
  assert.equal(concept('u_t \\sim P(u_t \\mid u_{<t})', before), null);
  assert.equal(concept('P_\\tau(u_t \\mid u_{<t}) \\propto P(u_t \\mid u_{<t})^{1/\\tau}', before), null);
  assert.equal(concept('P(\\text{cat}) = 0.3', before), null);
  assert.equal(concept('e_t \\in \\mathbb{R}^{d}', before), null);
  assert.equal(concept('u_t', before), null);
  // A vector written out entry by entry is notation.
  assert.equal(concept('\\phi^T = [\\phi_0, \\phi_1, \\ldots, \\phi_d]', 'The linear regression weights, as a row:'), null);
});

test('words naming a variant outside the catalog or two candidate concepts leave the formula open', () => {
  // Interpolated (smoothed) n-gram estimates are not the plain n-gram model.
  assert.equal(concept('P(c \\mid a, b) = \\mu_1 P(c) + \\mu_2 P(c \\mid b) + \\mu_3 P(c \\mid a, b)', 'We interpolate the trigram and bigram estimates:'), null);
  // The formula's own annotation names a method outside the catalog.
  assert.equal(concept('\\tilde{a}_t(i) = \\sum_j a_t(j) k(i - j) \\quad \\text{(a convolution)}', 'Reading with attention weights a_t:'), null);
  // The sentence names the softmax, the paragraph attention, and the structure considered both: the words do not say.
  const tex = '\\beta_{mn} = \\frac{\\exp s_{mn}}{\\sum_n \\exp s_{mn}}';
  const src = normaliseTex(tex);
  const ctx = { before: 'Attention between tokens m and n. We apply a softmax to the scores:' };
  assert.equal(proseClaim(parseTex(src).items, src, ctx, () => false, ['softmax', 'attention'])?.id, undefined);
  assert.equal(proseClaim(parseTex(src).items, src, ctx, () => false, ['softmax'])?.id, 'softmax');
});

test('the sentence right before weighs more than earlier words', () => {
  const { near, far } = nearWords('The cross-entropy was above. Now the language model factorises the sentence as');
  assert.match(near, /language model/);
  assert.doesNotMatch(near, /cross-entropy/);
  assert.match(far, /cross-entropy/);
  const tex = 'P(v_1, \\ldots, v_n) = \\prod_{i=1}^n P(v_i \\mid v_{1:i-1})';
  const items = parseTex(normaliseTex(tex)).items;
  const claim = proseClaim(items, normaliseTex(tex), { before: 'The cross-entropy was above. Now the language model factorises the sentence as' }, () => false);
  assert.equal(claim?.id, 'language-model');
  assert.ok(claim && claim.score > 2.5, 'the sentence before gives the stronger score');
});

test('features read the structure, not the letters in subscripts', () => {
  const src = normaliseTex('w_k = \\frac{1}{10000^{2k/d}}');
  const f = features(parseTex(src).items, src);
  assert.ok(!f.main.has('k'), 'k appears only as a subscript and an exponent');
  assert.ok(f.frac && f.relation);
});
