import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { normaliseTex } from '../../../src/core/formula/normalise';

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
  assert.equal(concept('f(u) = f_K \\circ f_{K-1} \\circ \\cdots \\circ f_1 (u)'), 'mlp');
  assert.notEqual(concept('f_2 \\circ f_1'), 'mlp');
});

test('log-odds linear in the input are logistic regression, never a KL divergence', () => {
  assert.equal(concept('\\ln \\frac{q(x)}{1 - q(x)} = w^\\top x + b'), 'logistic-regression');
  assert.equal(concept('\\log \\frac{P(t=1 \\mid u)}{P(t=0 \\mid u)} = \\beta^\\top u'), 'logistic-regression');
  assert.equal(concept('\\log \\frac{\\frac{1}{1+\\exp(-w^\\top u)}}{1-\\frac{1}{1+\\exp(-w^\\top u)}} = w^\\top u'), 'logistic-regression');
  assert.equal(concept('\\sum_x p(x) \\log \\frac{p(x)}{q(x)}'), 'kl-divergence');
});

test('the likelihood of parameters as a product, and a derivation about its first line', () => {
  assert.equal(concept('L(w) = \\prod_{n=1}^{N} p(t_n \\mid u_n ; w)'), 'maximum-likelihood');
  assert.equal(concept('L(w) & = \\prod_{n} p(t_n \\mid u_n ; w) \\\\ & = \\prod_{n} \\sigma(w^\\top u_n)^{t_n} (1 - \\sigma(w^\\top u_n))^{1 - t_n}'), 'maximum-likelihood');
});

test('derivatives with primes: σ′ = σ(1 − σ) is the sigmoid, F′(x) = f′(g(x)) g′(x) the chain rule', () => {
  assert.equal(concept("\\sigma' = \\sigma(1-\\sigma)"), 'sigmoid');
  assert.equal(concept('H^\\prime (u) = k^\\prime (m(u)) \\cdot m^\\prime (u)'), 'chain-rule');
});

test('states of both directions side by side, a threshold unit, and Newton\'s step', () => {
  assert.equal(concept('h_3 = [h_3^\\rightarrow; h_{L-2}^\\leftarrow]'), 'bidirectional-rnn');
  assert.equal(concept('o = \\varepsilon(w^T u - b) = \\left\\{\\begin{array}{ll} 1, & w^T u - b \\geq 0 \\\\ 0, & w^T u - b < 0 \\end{array}\\right.'), 'step-function');
  assert.notEqual(concept('x^{t+1} = x^{t} - [\\nabla^2 f(x^t)]^{-1} \\nabla f(x^t)'), 'gradient-descent');
  assert.equal(concept('x^{t+1} = x^{t} - \\eta \\nabla f(x^t)'), 'gradient-descent');
});

test('softmax regression: σ(θᵀx)_k, P(y | x; W) as a softmax of scores, log-odds against a reference class', () => {
  assert.equal(concept('\\sigma(\\theta_c^\\top u)_c = \\frac{\\exp(\\theta_c^\\top u)}{\\sum_{m=1}^C \\exp(\\theta_m^\\top u)}'), 'softmax-regression');
  assert.equal(concept('p(t=c \\mid u;\\theta) = \\vec \\sigma(\\theta^\\top u)_c'), 'softmax-regression');
  assert.equal(concept('P(t_n \\mid u_n; A) = \\frac{e^{s_{t_n}}}{\\sum_m e^{s_m}}'), 'softmax-regression');
  assert.equal(concept('\\log \\frac{P(T=2 \\mid u)}{P(T=C \\mid u)} = \\beta_2^\\top u'), 'softmax-regression');
  // A layer's k-th output written with an element-wise σ on both sides is the layer, not a classifier.
  assert.notEqual(concept('\\sigma(A \\cdot u)_k = \\sigma(a_k^\\top u)'), 'softmax-regression');
});

test('an alignment mark does not hide the left side; an activation of a function of several inputs is not the activation', () => {
  assert.equal(concept('L(w) & = \\prod_{n} p(t_n \\mid u_n ; w) = \\prod_{n} \\vec \\sigma(w^\\top u_n)_{t_n}'), 'maximum-likelihood');
  assert.equal(concept('q = \\tanh(m(a^\\rightarrow, a^\\leftarrow))', 'passing them through a linear layer and applying the $\\tanh$ activation function.'), null);
  assert.equal(concept('q = \\tanh(u)', 'applying the $\\tanh$ activation function:'), 'tanh');
});

test('gradients passed back: ∇_x z = (∂y/∂x)ᵀ ∇_y z is the chain rule; through time steps it is BPTT', () => {
  assert.equal(concept('\\nabla_{u} q = \\left( \\frac{\\partial v}{\\partial u} \\right)^\\top \\nabla_{v} q'), 'chain-rule');
  assert.equal(concept('\\nabla_{s^{(t)}} J = A^\\top \\nabla_{s^{(t+1)}} J'), 'backpropagation-through-time');
  assert.notEqual(concept('\\nabla f(\\mathbf{u}) = 0'), 'chain-rule');
});

test('a reconstruction loss named in the sentence; the dot product as lengths and the cosine of the angle', () => {
  assert.equal(concept('E = \\frac{1}{2}(\\tilde{V} - V)^{2}', 'Reconstruction loss of the auto-encoder:'), 'autoencoder');
  assert.equal(concept('u · v = |u||v| cos θ'), 'cosine-similarity');
  assert.equal(concept('\\mathbf{u} \\cdot \\mathbf{v} = \\|\\mathbf{u}\\| \\|\\mathbf{v}\\| \\cos \\theta'), 'cosine-similarity');
  assert.notEqual(concept('x = r \\cos \\theta'), 'cosine-similarity');
});

test('two layers: an activation of a weight times an activation of a linear map', () => {
  assert.equal(concept('\\mathbf{o} = g\\left(f(\\mathbf{u}^{T} \\mathbf{A}) B\\right)'), 'mlp');
  assert.equal(concept('r = V^T f(A u + c)'), 'mlp');
  assert.equal(concept('r = f(A u + c)'), 'affine-layer');
  assert.equal(concept('h_t = \\tanh(W h_{t-1} + U x_t)'), 'rnn');
});

test('a gradient step with the gradient written out: over the data, or for one example', () => {
  assert.equal(concept('w := w - \\frac{\\eta}{n} A^{T} (\\sigma(A w) - t)'), 'gradient-descent');
  // (One example's step: notes by others call it gradient descent, the stochastic kind only when their words say so.)
  assert.equal(concept('w_k := w_k - \\eta (f_{w}(u^{(i)}) - t^{(i)}) \\cdot u^{(i)}_k'), 'gradient-descent');
  // A velocity or a lone term is not the gradient written out.
  assert.notEqual(concept('w := w - \\eta v'), 'gradient-descent');
});

test('a divergence written D(P ‖ Q), a Gaussian around a linear prediction, a causal mask in words about masks, Δw written out', () => {
  assert.equal(concept('\\min_w \\mathbb{E}_{u} \\left[ D(P_\\text{data}(t|u) \\mid\\mid P_w(t|u)) \\right]'), 'kl-divergence');
  assert.equal(concept('H(a,b) = H(a) + D_{KL}(a \\| b)'), recognise('H(a,b) = H(a) + D_{KL}(a \\| b)').concept);
  assert.notEqual(concept('H(a,b) = H(a) + D_{KL}(a \\| b)'), 'kl-divergence');
  assert.equal(concept('p(t \\mid u; w) = \\frac{1}{\\sqrt{2\\pi}s} \\exp\\left( -\\frac{(t - w^\\top u)^2}{2 s^2} \\right)'), 'linear-regression');
  const mask = '\\begin{matrix} 1 & 0 & 0 \\\\ 1 & 1 & 0 \\\\ 1 & 1 & 1 \\end{matrix}';
  assert.equal(concept(mask, 'so the target mask looks like this:'), 'masked-self-attention');
  assert.equal(concept(mask), null);
  assert.equal(concept('\\Delta w = -\\eta(\\hat{t}_i - t_i) u_i'), 'minibatch-sgd');
});

test('the hypothesis h_θ(x) = g(θᵀx) is logistic regression, the log-odds equal to the logit letter too', () => {
  assert.equal(concept('h_\\beta(u) = g(\\beta^{T} u)'), 'logistic-regression');
  assert.equal(concept('h_\\beta(u) = \\frac{1}{1 + e^{-\\beta^{T} u}}'), 'logistic-regression');
  assert.equal(concept('\\log \\frac{P(t=1|a)}{P(t=0|a)} = a'), 'logistic-regression');
  assert.notEqual(concept('\\mathrm{logit}(q) = \\log\\frac{q}{1-q}'), 'logistic-regression');
});

test('the Transformer\'s notation: Q = X W_Q + b_Q, Attention(Q, K, V) = …, P_w(y | x) as a softmax of w·φ', () => {
  assert.equal(concept('Q = X W_Q + b_Q'), 'self-attention');
  assert.equal(concept('\\text{Attention}(Q,K,V) = \\text{softmax}(\\text{scores})V'), 'scaled-dot-product-attention');
  assert.equal(concept('P_{w}(Y = c \\mid X = u) = \\frac{\\exp w \\cdot \\phi(u, c)}{\\sum_{c\'} \\exp w \\cdot \\phi(u, c\')}'), 'softmax-regression');
});

test('a recurrence in a sentence about the plain RNN stays the RNN in a note about LSTMs', () => {
  assert.equal(concept('h_t = f(W_{xh}x_t + W_{hh}h_{t-1})', 'LSTM: why do we need the LSTM? In a plain RNN the state is updated as'), 'rnn');
  assert.equal(concept('h_t = f(W_{xh}x_t + W_{hh}h_{t-1})', 'The LSTM keeps a cell state. Its hidden state is computed from the previous one as'), 'lstm');
});

test("a weight's transpose times itself, and a Gaussian prior's squared weights over a constant, are penalties added to a loss", () => {
  assert.equal(concept('E = \\sum_n (t_n - y_n)^2 + \\gamma w^T w'), 'regularization');
  assert.equal(concept('E = \\sum_{n}\\frac{(t_n - y_n)^2}{2 s^2} + \\sum_{j} \\frac{w_j^2}{2 r^2}'), 'regularization');
  // (A product of two different letters is no penalty.)
  assert.notEqual(concept('E = \\sum_n (t_n - y_n)^2 + \\gamma w^T v'), 'regularization');
});

test("a label's Bernoulli distribution is no dropout mask; an expectation 𝔼[X] is no weight matrix times a bracket", () => {
  assert.notEqual(concept('Y \\sim \\text{Bernoulli}(p)'), 'dropout');
  assert.equal(concept('r_j \\sim \\text{Bernoulli}(p)'), 'dropout');
  assert.notEqual(concept('f(\\mathbb{E}[Z]) \\leq \\mathbb{E}[f(Z)]'), 'affine-layer');
  // (A weight matrix before a bracket stays one: W[h; x].)
  assert.notEqual(concept('a = \\tanh(W [h; x])'), null);
});

test("the perceptron's rule, an error times the input, is no gradient step where the words name the perceptron", () => {
  assert.equal(concept('\\Delta w_j = \\eta (t - o) x_j', 'The perceptron learning rule:'), null);
  assert.equal(concept('\\Delta w_j = \\eta (t - o) x_j', 'Training a linear unit by gradient descent:'), 'gradient-descent');
  // (A gradient of a loss stays a gradient step, whatever the words.)
  assert.equal(concept('w \\leftarrow w - \\eta \\nabla_w L', 'A perceptron trained by gradient descent:'), 'gradient-descent');
});

test('a penalty named by its word, λ penalty(w), is added to a loss as regularisation', () => {
  assert.equal(concept('L = \\sum_i \\ell(y_i, f(x_i)) + \\lambda \\operatorname{penalty}(w)'), 'regularization');
  // (The word on something that is no parameter, penalty(x_i), is no penalty on the weights.)
  assert.notEqual(concept('L = \\sum_i \\ell(y_i, f(x_i)) + \\lambda \\operatorname{penalty}(x_i)'), 'regularization');
});

test('log run into a one-letter subscript or between two letters is the logarithm; RSS and a loss named between equals signs', () => {
  assert.equal(normaliseTex('-\\sum_k t_klog\\hat{t_k}'), '-\\sum_k t_{k}\\log \\hat{t_k}');
  assert.equal(concept('L(\\hat{t}, t) = -\\sum_k t_klog\\hat{t_k}'), 'cross-entropy');
  assert.equal(concept('L(o, t) = -(tlogo + (1-t)log(1-o))'), 'binary-cross-entropy');
  // Words are left alone: `catalog`, `logit`, a log of a word.
  assert.doesNotMatch(normaliseTex('\\text{catalog} = 1'), /\\log/);
  assert.equal(concept('\\text{SSE}(w) = \\sum_{n=1}^N (t_n - o_n)^2'), 'mse');
  assert.equal(concept('C = cost(o, t) = (o - t)^2'), 'mse');
  // A squared difference named by no loss is not claimed as one (the cost letter C alone is one example's squared error).
  assert.notEqual(concept('S = (o - t)^2'), 'mse');
});

test("plain text's sum(…) is a sum: the squared error and a penalised loss typed as code", () => {
  assert.equal(normaliseTex('sum((o - t)^2)'), '\\sum ((o - t)^2)');
  assert.equal(concept('J(w) = 1/2m * sum( (o(x) - t)^2 )'), 'mse');
  // (The penalty summed as code writes it is seen: the regularised loss leads its own binary cross-entropy.)
  assert.equal(recognise('J(w) = -1/m * sum(t * log(o(x)) + (1-t) * log(1-o(x))) + sum(lambda * w^2)/2m').candidates[0]?.id, 'regularization');
  assert.doesNotMatch(normaliseTex('\\text{checksum}(x)'), /\\sum/);
});
