/**
 * Precision of the recogniser: a confident wrong concept is worse than the honest "not sure". Each rule is checked
 * both ways, on formulas written here in our own letters: the class it silences claims nothing (or the right
 * concept), and the nearby formula that IS the concept is still recognised.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';

const is = (tex: string, want: string | null, before = '') => assert.equal(recognise(tex, { before }).concept, want, tex);
const isNot = (tex: string, not: string, before = '') => assert.notEqual(recognise(tex, { before }).concept, not, tex);

test('letters alone, lists of letters and function signatures claim nothing, whatever the words say', () => {
  const words = 'A bidirectional recurrent network reads the sentence forwards and backwards.';
  is('\\overrightarrow{\\mathbf{s}}_k', null, words);
  is('\\overleftarrow{\\mathbf{s}}_k', null, words);
  is('\\{s_1, \\ldots, s_K\\}', null, 'the hidden states of the recurrent network');
  is('g: \\mathbb{R}^m \\to \\mathbb{R}^m', null, 'the recurrent cell is a function');
  // The concatenation of both directions is the bidirectional state.
  is('\\mathbf{s}_k = [\\overrightarrow{\\mathbf{s}}_k ; \\overleftarrow{\\mathbf{s}}_k]', 'bidirectional-rnn', words);
});

test('a model or function name alone mentions it and claims nothing', () => {
  is('\\text{GRU}', null, 'We can swap the cell for a gated recurrent unit.');
  is('\\mathrm{BiLSTM}', null, 'a bidirectional LSTM encoder');
  is('\\operatorname{RNN}', null, 'the recurrent network');
  is('\\tanh', null, 'The output gate scales the squashed cell state.');
  is('\\text{softmax}', null, 'The scores pass through a');
  is('\\mathrm{softmax}(\\mathbf{z})_i', null, 'the corresponding output');
  // A use of the model with its equation is still that model.
  is('\\mathbf{s}_k = \\mathrm{GRU}(\\mathbf{s}_{k-1}, \\mathbf{u}_k)', 'gru');
});

test('a penalty function written alone without a coefficient or a norm is notation, a weighted norm is the penalty', () => {
  is('\\Omega(\\mathbf{w})', null, 'we add a regularization penalty');
  is('R(\\theta)', null, 'regularization');
  is('\\beta \\|\\mathbf{w}\\|_2^2', 'regularization', 'the L2 penalty');
});

test('the distillation loss needs a temperature or a teacher and a student', () => {
  // (It is the cross-entropy split into the entropy and the divergence.)
  is('H(a, b) = H(a) + D_{KL}(a \\| b)', 'cross-entropy');
  isNot('H(a, b) = H(a) + D_{KL}(a \\| b)', 'distillation-loss', 'the cross-entropy decomposes into the entropy and the KL divergence');
  isNot('J = -\\frac{1}{M} \\sum_{m=1}^M t_m \\ln s_m + (1 - t_m) \\ln(1 - s_m)', 'distillation-loss');
  // With the temperature squared it is Hinton's loss.
  is('\\mathcal{L} = \\lambda\\, H(y, s) + (1 - \\lambda)\\, T^2\\, D_{KL}(p^{T} \\| s^{T})', 'distillation-loss');
});

test('exponential negative parts and clipping are not the ReLU family', () => {
  is('\\mathrm{ELU}(u) = \\max(0, u) + \\min(0, \\beta (e^{u} - 1))', null);
  is('g(u) = \\max(0, u) + \\min(0, \\beta (\\exp(u) - 1))', null);
  is('\\mathrm{ReLU6}(u) = \\min(\\max(0, u), 6)', null);
  is('g(u) = \\min(\\max(0, u), 6)', null);
  // The piecewise-linear members stay recognised.
  is('g(u) = \\max(0, u) + \\beta \\min(0, u)', 'leaky-relu');
  is('\\mathrm{ReLU}(u) = \\max(0, u)', 'relu');
  is('g(u) = \\max(0, u)', 'relu');
});

test('sums of max(0, margin violation) are the multiclass hinge loss, and a penalty added does not turn them into regularisation', () => {
  is('\\ell_n = \\sum_{k \\neq c_n} \\max(0, r_k - r_{y_n} + 1)', 'hinge-loss');
  is('\\ell_n = \\sum_{k \\neq y_n} \\max(0, r_k - r_{y_n} + \\Delta)', 'hinge-loss');
  is('\\ell = \\max(0, 2 - 5 + 1) + \\max(0, 4 - 5 + 1)', 'hinge-loss');
  is('J = \\frac{1}{M} \\sum_n \\sum_{k \\neq y_n} \\max(0, r_k - r_{y_n} + \\Delta) + \\beta \\sum_{a}\\sum_{b} W_{a,b}^2', 'hinge-loss', 'data loss plus regularization loss');
  is('\\ell_n = C \\max(0, 1 - t_n \\mathbf{w}^\\top \\mathbf{u}_n) + R(\\mathbf{w})', 'hinge-loss');
  // A placeholder argument is no ReLU either.
  isNot('\\max(0, -)', 'relu');
  // Squared-error loss plus a penalty is still regularisation.
  is('J(\\mathbf{w}) = \\frac{1}{2M} \\sum_{n=1}^M (\\mathbf{w}^\\top \\mathbf{u}_n - t_n)^2 + \\frac{\\beta}{2} \\|\\mathbf{w}\\|_2^2', 'regularization');
});

test('backpropagation through time needs a time index; a softmax derivative over classes is not BPTT', () => {
  isNot('\\frac{\\partial J}{\\partial u_c} = -\\sum_k t_k \\frac{1}{s_k} \\frac{\\partial s_k}{\\partial u_c}', 'backpropagation-through-time');
  isNot('\\frac{\\partial J}{\\partial c_m} = \\sum_{n=1}^M \\frac{\\partial J_n}{\\partial c_m}', 'backpropagation-through-time');
  is('\\frac{\\partial J}{\\partial U} = \\sum_{t=1}^{T} \\frac{\\partial J_t}{\\partial U}', 'backpropagation-through-time');
});

test('an activation applied to a whole recurrent pre-activation is not the activation', () => {
  isNot('\\tanh(A u_k + B s_{k-1} + c)', 'tanh');
  isNot('\\sigma(A s + B u + c)', 'sigmoid');
  is('U = \\tanh(u)', 'tanh');
});

test('a lone probability of other variables and functions summing to a number claim nothing', () => {
  is('P(E = 1 \\mid a, b)', null, 'Skip-gram with negative sampling models whether a pair was observed.');
  is('\\sigma(\\mathbf{a}^\\top \\mathbf{b}) + \\sigma(-\\mathbf{a}^\\top \\mathbf{b}) = 1', null, 'the probabilities of going left and right');
  // The next item given its own history is the language model.
  is('P(x_t \\mid x_{1:t-1})', 'language-model', 'A language model predicts the next token from the ones before');
  is('p(x_t \\mid x_{<t})', 'language-model', 'A language model predicts the next token from the ones before');
});

test('weights times powers of the inputs are polynomial features, not an affine map', () => {
  is('s = w_0 + w_1 u_1^2 + w_2 u_2^2', null, 'a curved decision boundary');
  // The plain weighted sum of the inputs stays an affine map.
  isNot('s = w_0 + w_1 u_1 + w_2 u_2', 'mlp', 'a linear decision boundary');
  assert.ok(['affine-layer', 'linear-regression'].includes(recognise('s = w_0 + w_1 u_1 + w_2 u_2').concept ?? ''));
});

test('a probability thresholded at 0.5 is a decision rule, not the step function', () => {
  is('g_w(u) \\geq 0.5 \\longrightarrow t = 1', null, 'the predicted probability that t = 1');
  is('g(u) = 1 \\text{ if } u \\geq 0', 'step-function');
});

test('two layers defined on one line joined by "and" are read as the lines of one network', () => {
  is('\\mathbf{s} = g(\\mathbf{A}^{T} \\mathbf{u}) \\quad\\text{and}\\quad \\mathbf{o} = h(\\mathbf{B}^{T} \\mathbf{s})', 'mlp');
  is('s_{m} = g\\left(\\sum_{n} a_{nm}u_{n}\\right) \\quad\\text{and}\\quad o_{r} = h\\left(\\sum_{m} b_{mr}s_{m}\\right)', 'mlp');
});

test('the entropy letter on the left defines a cross-entropy; perplexity is its exponential', () => {
  is('H(S) = -\\frac{1}{M} \\log P(s_1 s_2 \\ldots s_M)', 'cross-entropy', 'how well a model predicts a text, and its perplexity');
  is('\\mathrm{PP}(S) = P(s_1 s_2 \\ldots s_M)^{-\\frac{1}{M}}', 'perplexity');
});

test('the unsure hover for a model name alone names no concept but lists the model as mentioned', () => {
  const ex = explainFormula('\\text{GRU}');
  assert.equal(ex.concept, null);
  assert.ok(ex.unsure);
  assert.ok(ex.unsure.mentioned.some((m) => m.id === 'gru'), JSON.stringify(ex.unsure.mentioned));
  // A bare letter mentions nothing.
  assert.deepEqual(explainFormula('h_t').unsure?.mentioned, []);
});

test('a weight of three indices summed against a vector is a tensor contraction, not attention', () => {
  is('r_{ab} = \\sum_c T_{abc} q_c', null);
  // One output's weights over the inputs, summed against the inputs' vectors, is the attention sum.
  is('\\mathbf{o}_a = \\sum_c \\gamma_{ac} \\mathbf{m}_c', 'attention');
});

test('sines and cosines of one position at several frequencies are the positional encoding, whatever the heading', () => {
  is('e(k) = [\\sin(\\omega_1 k), \\cos(\\omega_1 k), \\sin(\\omega_2 k), \\cos(\\omega_2 k), \\ldots]', 'positional-encoding', 'Self-attention has no notion of order');
  // One sine alone is no encoding.
  isNot('y = \\sin(\\omega k)', 'positional-encoding');
});

test('a softmax of quantities the formula calls scores gives attention weights', () => {
  is('[\\beta_1, \\ldots, \\beta_N] = \\mathrm{softmax}([\\text{score}_1, \\ldots, \\text{score}_N])', 'attention');
  is('\\mathbf{p} = \\mathrm{softmax}(\\mathbf{z})', 'softmax');
});

test('attention over projections of their own for each output index is multi-head attention', () => {
  is('O_j = \\mathrm{Attention}(X P_j^{Q}, X P_j^{K}, X P_j^{V})', 'multi-head-attention');
  // Shared projections are one attention.
  isNot('O = \\mathrm{Attention}(X P^{Q}, X P^{K}, X P^{V})', 'multi-head-attention');
});
