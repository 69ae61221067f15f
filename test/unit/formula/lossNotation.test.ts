import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';

const concept = (tex: string, before = '') => recognise(tex, { before }).concept;

test('losses and measures named by their abbreviation on the left', () => {
  const cases: Array<[string, string]> = [
    ['cross-entropy', 'CE = -sum(t log(o))'],
    ['binary-cross-entropy', 'BCE = -(t \\log o + (1 - t) \\log (1 - o))'],
    ['perplexity', '\\text{PPL}(D) = e^{H(D)}'],
    ['perplexity', '\\begin{equation} \\mathrm{PP}(S) = 2^{H(S)} \\end{equation}'],
    ['mse', '\\text{MSE} = \\frac{1}{m} \\sum_i (t_i - o_i)^2'],
  ];
  for (const [want, tex] of cases) assert.equal(concept(tex), want, tex);
  // An abbreviation that names nothing of the catalog claims nothing by its letters.
  assert.equal(concept('AB = -sum(t log(o))'), recognise('Q = -sum(t log(o))').concept);
});

test('a one-line display environment is read as its line', () => {
  assert.equal(concept('\\begin{align} \\ell_n &= -\\log\\left(q_{y_n}\\right), \\end{align}'), 'cross-entropy');
  assert.equal(concept('\\begin{equation*} r_t = \\sigma(U h_{t-1} + V x_t) \\end{equation*}'), concept('r_t = \\sigma(U h_{t-1} + V x_t)'));
});

test('cross-entropy written as H of two distributions or as −log of the true class', () => {
  assert.equal(concept('H(\\hat{q}, q) = -q_k \\log(\\hat{q}_k)'), 'cross-entropy');
  assert.equal(concept('H(r, s) = -\\sum_m r_m \\ln s_m'), 'cross-entropy');
  assert.equal(concept('J_n = -\\log(p_{y_n})'), 'cross-entropy');
  // −log of a probability the note does not index by the label is a surprisal or a likelihood term, not this rule's.
  assert.notEqual(concept('J_n = -\\log(p_{k})'), 'cross-entropy');
});

test('a note that calls −Σ log p(x_t | x_<t) its cross-entropy gets that name; a child of the structure stays', () => {
  assert.equal(concept('E = - \\sum_{t=1}^{n} \\log p(w_t \\mid w_{<t})', 'We train by minimising the cross-entropy between the data and the model:'), 'cross-entropy');
  // The structure shows the binary form: the general name in the words does not replace it.
  assert.equal(concept('L_{CE} = -[t \\log o + (1 - t) \\log (1 - o)]', 'The cross-entropy loss for one example is'), 'binary-cross-entropy');
});

test('target against prediction: a squared norm is a squared error, and a loss of the two is not teacher forcing', () => {
  assert.equal(concept('E_i = \\frac{1}{2} \\left\\| \\mathbf{t}^*_i - \\hat{\\mathbf{t}}_i \\right\\|^2'), 'mse');
  assert.notEqual(concept('\\ell(\\mathbf{t}^*, \\hat{\\mathbf{t}})'), 'teacher-forcing');
  // The gold previous token fed to a decoder is still teacher forcing.
  assert.equal(concept('\\log p(y^*_t \\mid y^*_{<t}, x)'), recognise('\\log p(y^*_t \\mid y^*_{<t}, x)').concept);
});

test('a softmax assigned and given its shape, ŷ = softmax(z) ∈ ℝ^K, is the softmax', () => {
  assert.equal(concept('\\hat{o} = \\operatorname{softmax}(s) \\in \\mathbb{R}^{K}'), 'softmax');
  assert.equal(concept('\\hat{o} = \\operatorname{softmax}(s)'), 'softmax');
});

test('a weighted sum of values needs the words to be attention; a score line f = wᵀx + b is a layer', () => {
  assert.equal(concept('u = \\sum_{j=1}^n g_j v_j', 'The output is a weighted sum of the values:'), 'attention');
  assert.equal(concept('u = \\sum_{j=1}^n g_j v_j'), null);
  assert.equal(concept('f_k = \\mathbf{w}_k^\\top \\mathbf{z} + b_k'), 'affine-layer');
  // Scores, their softmax and the weighted sum in one block are the steps of attention.
  assert.equal(concept('e_j = k_j^\\top q \\\\ g = \\text{softmax}(e) \\\\ u = \\sum_j g_j v_j'), 'attention');
});

test('an arrow over an input is a vector; arrows over states, or both directions, are a bidirectional RNN', () => {
  assert.notEqual(concept('P(Y=1 \\mid X=\\overrightarrow{u}) = \\overrightarrow{\\gamma}^T \\overrightarrow{u}'), 'bidirectional-rnn');
  assert.equal(concept('h_t = [\\overrightarrow{h}_t ; \\overleftarrow{h}_t]'), 'bidirectional-rnn');
});

test('an encoder or decoder RNN named as a function is the encoder–decoder model', () => {
  assert.equal(concept('s_t = \\text{DecoderLSTM}(d(y_t), s_{t-1}, c)'), 'seq2seq');
  assert.equal(concept('h_t = \\mathrm{EncGRU}(e(x_t), h_{t-1})'), 'seq2seq');
  // A recurrent network named plainly is still the recurrent network.
  assert.equal(concept('h_t = \\mathrm{GRU}(h_{t-1}, x_t)'), 'gru');
});

test('σ(z)_k with exponentials is the softmax written with σ; σ(z) = 1/(1 + e^{−z}) stays the sigmoid', () => {
  assert.equal(concept('\\sigma(\\mathbf{a})_j = \\frac{e^{a_j}}{\\sum_{m} e^{a_m}}'), 'softmax');
  assert.equal(concept('\\sigma(\\mathbf{a})_1 = \\frac{1}{1 + \\exp(a_2 - a_1)}'), 'softmax');
  assert.equal(concept('\\sigma(a) = \\frac{1}{1 + e^{-a}}'), 'sigmoid');
});

test('σ(wᵀx) in words about neurons is a unit of a layer; in words about the hidden layer of a network, a step of the network', () => {
  assert.equal(concept('\\sigma(w^\\top x)'), 'logistic-regression');
  assert.equal(concept('\\sigma(w^\\top x)', 'Each neuron applies an activation function to its weighted input:'), 'affine-layer');
  assert.equal(concept('\\sigma(w^\\top x)', 'Logistic regression passes the weighted input of each neuron through'), 'logistic-regression');
  assert.equal(concept('\\mathbf{g} = \\tanh(\\mathbf{A}^\\top \\mathbf{u})', 'In our three-layer network we first compute the output of the hidden layer:'), 'mlp');
  assert.equal(concept('\\mathbf{g} = \\tanh(\\mathbf{A}^\\top \\mathbf{u})'), 'affine-layer');
});

test('a product of sigmoids up to a bound n is a likelihood, not a path down a tree', () => {
  assert.notEqual(concept('L(w) = \\prod_{i=1}^{n} \\sigma(w^\\top x_i)^{t_i} (1 - \\sigma(w^\\top x_i))^{1 - t_i}'), 'hierarchical-softmax');
  assert.equal(concept('p(w \\mid c) = \\prod_{j=1}^{L(w)-1} \\sigma(\\pm v_{n(w,j)}^\\top h)'), 'hierarchical-softmax');
});

test('training steps written as a change or as the next iterate; a lone velocity is not a gradient step', () => {
  assert.equal(concept('\\Delta w_{k} = -\\alpha \\cfrac{\\partial J}{\\partial w_{k}}'), 'gradient-descent');
  assert.equal(concept('u^{t+1} = u^{t} - \\eta (u^{t} - r)'), 'gradient-descent');
  assert.notEqual(concept('w_{t+1} = w_{t} - \\eta m(t)'), 'gradient-descent');
});

test('maximum likelihood as max over the parameters of log p, or as the log-likelihood ℓ(θ) = Σ log', () => {
  assert.equal(concept('\\max_{w} \\mathbb{E}_{(a, b)} \\log p_w(b \\mid a)'), 'maximum-likelihood');
  assert.equal(concept('\\ell(\\theta) = \\sum_{n=1}^{N} \\ln p(t_n \\mid u_n; \\theta)'), 'maximum-likelihood');
  // The same sum with a minus in front is a loss, not the likelihood.
  assert.notEqual(concept('\\ell(\\theta) = -\\sum_{n=1}^{N} \\ln p(t_n \\mid u_n; \\theta)'), 'maximum-likelihood');
});

test('a network written as the composition of its layers', () => {
  assert.equal(concept('g(u) = g_K \\circ g_{K-1} \\circ \\cdots \\circ g_1 (u)'.replace(/g/g, 'f')), 'mlp');
  assert.notEqual(concept('f_2 \\circ f_1'), 'mlp');
});
