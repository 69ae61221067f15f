import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectorErrors, recognise, sideBySide } from '../../../src/core/formula/recognise';
import { repoRoot } from './fixtures';
import { explainFormula, type ExplainOptions, symbolsOfUnsure } from '../../../src/core/formula/explain';
import { describeSymbols } from '../../../src/core/formula/symbols';
import { parseTex, show } from '../../../src/core/formula/tex';
import type { ConceptId } from '../../../src/core/formula/concepts';
import { normaliseTex } from '../../../src/core/formula/normalise';

/** The recogniser's answer weighed by the learned model's fixed thresholds alone (learned.ts, judge), without the decision step (decide.ts). */
const explainRules = (tex: string, opts: ExplainOptions = {}) => explainFormula(tex, { decision: false, ...opts });


const concept = (tex: string, before = '') => recognise(tex, { before }).concept;

test('arg min spelled in words, and the * of an optimum, are not products of gates', () => {
  for (const tex of ['g^*={arg} \\underset{g}{min} R(g)', 'u^*, c^* = {arg}\\ \\underset{u,c}{min} R(u, c)', 'h^{*} = arg \\ min_h J(h)']) {
    const r = recognise(tex);
    assert.notEqual(r.concept, 'lstm', tex);
    assert.ok(!r.candidates.some((c) => c.id === 'lstm'), tex);
  }
  // The gates themselves, written with * on the line, still are.
  assert.equal(concept('s_t = f_t * s_{t-1} + i_t * u_t'), 'lstm');
  // A function word after \operatorname* is left as it is.
  assert.equal(concept('\\hat{\\beta} = \\operatorname*{argmax}_\\beta \\log P(D \\mid \\beta)', 'maximum likelihood'), 'maximum-likelihood');
});

test('a name written on its own is a mention of what it names, whatever kind of concept', () => {
  for (const [tex, id] of [['positional \\ encoding', 'positional-encoding'], ['\\text{GRU}', 'gru'], ['\\mathrm{step}(\\cdot)', 'step-function'], ['\\text{step}(0.25)', 'step-function'], ['\\tanh', 'tanh']] as const) {
    const r = recognise(tex, { before: 'as the paper puts it' });
    assert.equal(r.concept, null, tex);
    assert.equal(r.unsure, 'mention', tex);
    assert.equal(r.mentions, id, tex);
  }
  const ex = explainFormula('\\text{GRU}');
  assert.equal(ex.concept, null);
  assert.match(ex.summary, /A name \(GRU/);
  // A call of a model on its inputs is not a mention (it uses the model), nor is a definition.
  assert.notEqual(recognise('\\mathrm{GRU}(h_{t-1}, x_t)').unsure, 'mention');
  assert.equal(concept('\\mathrm{step}(z) = 1 \\text{ if } z > 0 \\text{ else } 0'), 'step-function');
});

test('a model named in one word of several capitals is that model', () => {
  assert.equal(concept('Z = SelfAttention(Q, \\ K, \\ V)'), 'self-attention');
  assert.equal(concept('O = MultiHeadAttention(Q, K, V)'), 'multi-head-attention');
  // Defined on the left with the Transformer's letters, the right side being the scaled dot product: that step.
  assert.equal(concept('SelfAttention(Q, K, V) = softmax(Q K^T / \\sqrt{d}) V'), 'scaled-dot-product-attention');
});

test('a gradient step over all the examples is gradient descent; over a batch, or with the example counted beside the step, stochastic', () => {
  assert.equal(concept('v^{k} = v^{k-1} - \\eta \\nabla \\sum_{n=1}^{N} \\ell_n(v^{k-1})'), 'gradient-descent');
  assert.equal(concept('v^{k,n} = v^{k-1,n-1} - \\eta \\nabla \\ell_n(v^{k-1,n})'), 'minibatch-sgd');
  assert.equal(concept('u \\leftarrow u - \\frac{\\eta}{|B|} \\sum_{n \\in B} \\nabla \\ell_n(u)'), 'minibatch-sgd');
  assert.equal(concept("u \\leftarrow u - \\eta \\frac{1}{b'} \\sum_{n=1}^{b'} \\nabla_u \\ell(a_n, u)"), 'minibatch-sgd');
  // A sum the words call a minibatch is one.
  assert.equal(concept('u \\leftarrow u - \\frac{\\eta}{k} \\sum_{n=1}^{k} \\nabla_u \\ell(a_n; u)', 'Each step of minibatch training averages k gradients:'), 'minibatch-sgd');
});

test('the two-class terms keep the binary cross-entropy when the sentence says only "cross-entropy"', () => {
  const tex = 'R(u) = -\\frac{1}{M}\\sum_{m=1}^M t_m \\log(\\sigma(a_m^T u)) + (1 - t_m) \\log(1 - \\sigma(a_m^T u))';
  assert.equal(concept(tex, 'the cross entropy cost averaged over the points:'), 'binary-cross-entropy');
  assert.equal(concept('R(u) = -\\frac{1}{M}\\sum_{m=1}^M \\sum_k t_{mk} \\log q_{mk}', 'the cross entropy cost averaged over the points:'), 'cross-entropy');
});

test('a lone conditional is not the model the words are about', () => {
  for (const tex of ['p(y|x)', 'p(y \\mid x, \\theta)']) assert.equal(concept(tex, 'In machine translation with an encoder-decoder we model'), null, tex);
  assert.equal(concept('p(y \\mid x) = \\prod_{t=1}^{T} p(y_t \\mid y_{<t}, x)', 'In machine translation with an encoder-decoder we model'), 'seq2seq');
});

test('the logit named on the left, linear on the right, is logistic regression', () => {
  assert.equal(concept('logit(q) = \\beta_0 + \\beta_1 u_1 + \\beta_2 u_2'), 'logistic-regression');
  assert.equal(concept('\\text{logit}(q) = w^T u + c'), 'logistic-regression');
  // The logit defined by the odds, with nothing linear, is only the function.
  assert.notEqual(concept('\\operatorname{logit}(q) = \\log\\frac{q}{1-q}'), 'logistic-regression');
});

test('projections of the input into its query, key or value role are self-attention; equation tags are ignored', () => {
  assert.equal(concept('Q = Linear(H) = HW_{Q}'), 'self-attention');
  assert.equal(concept('Q = H W^{Q} \\tag{3}'), 'self-attention');
  assert.equal(concept('K = H W_{K} \\label{eq:k}'), 'self-attention');
  assert.equal(concept('V = Linear(H) = HW_{V} \\tag{eq.4}'), 'self-attention');
  // Another letter's weight is no projection into the left side's role.
  assert.equal(concept('K = H W_{Q}'), null);
});

test("an activation's derivative through its own value, a prime written as a superscript or scanned as a comma", () => {
  assert.equal(concept('u^\\prime = u(1 - u)'), 'sigmoid');
  assert.equal(concept('g^{\\prime} = g \\, (1 - g)'), 'sigmoid');
  assert.equal(concept('u^\\prime = 1 - u^2'), 'tanh');
  assert.equal(concept('q^{,}(t)=q(t)*(1-q(t))'), 'sigmoid');
  // A letter times one minus a different letter is not a derivative.
  assert.equal(concept('u^\\prime = v(1 - u)'), null);
});

test('updates by δW or ΔW, squared errors in braces, hinge in braces, a net input', () => {
  assert.equal(concept('V = V - \\eta {\\delta}V'), 'gradient-descent');
  assert.equal(concept('c := c - \\alpha \\Delta c'), 'gradient-descent');
  assert.equal(concept('R(T, g(u)) = \\sum_M{(T-g(u))}^2'), 'mse');
  assert.equal(concept('R(t) = \\max{(0, 1-ts)}'), 'hinge-loss');
  assert.equal(concept('Net_{o2} = w_5 * a_1 + w_6 * a_2 + b_2 * 1'), 'affine-layer');
  assert.equal(concept('net_k = \\sum_j w_{kj} o_j'), 'affine-layer');
});

// (Compared in one Unicode form: the hover writes ŷ as y with a combining circumflex.)
const meaning = (tex: string, letter: string, opts: ExplainOptions = {}) => explainFormula(tex, opts).symbols.find((s) => s.symbol.normalize('NFC') === letter.normalize('NFC'))?.meaning ?? '';

test('letters told by the structure: Σ_i^m counts m terms, a loss defined as g(w) is the loss, σ of one letter is applied to a pre-activation, w_0 alone is the intercept', () => {
  assert.match(meaning('R(u) = -\\sum_{k}^{M} t_k \\log q_k', 'M'), /how many terms/);
  assert.match(meaning('R(u) = -\\sum_{k}^{M} t_k \\log q_k', 'k'), /index/);
  assert.match(meaning('g(v) = \\frac{1}{P}\\sum_{p=1}^{P} (v^T a_p - t_p)^2', 'g'), /\bloss\b/);
  assert.match(meaning('s = \\sigma(u) \\cdot c + q', 'u'), /pre-activation/);
  assert.match(meaning('t = \\beta_0 + \\beta_1 a_1 + \\beta_2 a_2', '\u03b2_0'), /intercept/);
  // β_0 next to no weighted term is not an intercept.
  assert.doesNotMatch(meaning('t = \\beta_0 + c', '\u03b2_0'), /intercept/);
});

test('norms and their properties; tr as a subscript of ≈ is no trace', () => {
  assert.equal(concept('\\left\\lVert a+c\\right\\rVert \\leq \\left\\lVert a \\right\\rVert+\\left\\lVert c \\right\\rVert'), 'norms');
  assert.equal(concept('\\|a\\|_2 = a_1^2+a_2^2+\\cdots+a_m^2'), 'norms');
  assert.notEqual(concept('E \\approx_{\\operatorname{tr}} \\sum_i e_i'), 'trace');
  assert.equal(concept('\\operatorname{tr}(M) = \\sum_i M_{ii}'), 'trace');
});

test('a cost summed from per-example functions; steps along a descent direction; the chain rule across time steps', () => {
  assert.equal(concept('h(v) = \\sum_{n=1}^N h_n(v)'), 'empirical-risk');
  assert.equal(concept('h(v) = \\frac{1}{N}\\sum_{n=1}^N h_n(v)'), 'empirical-risk');
  assert.equal(concept('v^{1} = v^{0} + \\eta \\, d^{0}'), 'gradient-descent');
  assert.equal(concept('v^{k,n} = v^{k-1,n-1} + \\eta \\, d^{k-1,n}'), 'minibatch-sgd');
  assert.equal(concept('d^{k-1} = - \\nabla \\sum_{n=1}^N h_n(v^{k-1})'), 'gradient-descent');
  assert.equal(concept('\\frac{\\partial E(t+1)}{\\partial u} = \\frac{\\partial E(t+1)}{\\partial o(t+1)} \\cdot \\frac{\\partial o(t+1)}{\\partial c(t)} \\cdot \\frac{\\partial c(t)}{\\partial u}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial E}{\\partial u} = \\frac{\\partial E}{\\partial o} \\cdot \\frac{\\partial o}{\\partial u}'), 'chain-rule');
});

test('no detector throws on any fixture formula (a throwing detector is skipped silently in a hover)', () => {
  const dir = path.join(repoRoot(), 'test', 'fixtures', 'formulas');
  const before = detectorErrors.count;
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [, ctx, latex] = line.split('|||');
      recognise(latex.trim(), { before: ctx.trim() });
      n++;
    }
  }
  assert.ok(n > 1000, `${n} fixture formulas`);
  assert.equal(detectorErrors.count - before, 0, detectorErrors.last);
});

test('a line through the data with the target on the right; a named linear model', () => {
  assert.equal(concept('b_{0}+a b_{1}=t'.replace(/b_/g, 'w_').replace('t', 'y')), 'linear-regression');
  assert.equal(concept('w_{0}+ a_{1,n}w_{1} + \\cdots + a_{N,n}w_{N} \\approx y_{n}'), 'linear-regression');
  assert.equal(concept('\\mathbf{a}_{n}^T\\mathbf{w} \\approx y_{n}'), 'linear-regression');
  assert.equal(concept('\\text{model}(\\mathbf{a}_n, \\mathbf{w}) = \\mathbf{a}_n^T \\mathbf{w}.'), 'linear-regression');
  // Several outputs through a weight matrix are no single line.
  assert.notEqual(concept('\\mathbf{a}_{n}^T\\mathbf{W} \\approx \\mathbf{y}_n'), 'linear-regression');
});

test('a class probability equal to a sigmoid of a letter is logistic regression; σ(xᵀW) with a weight matrix is not', () => {
  assert.equal(concept('P(C_2|u)=\\sigma(s)=\\frac{1}{1+e^{-s}}'), 'logistic-regression');
  assert.equal(concept('P(T=1 \\mid U;\\beta)=\\frac{1}{1+e^{-s}}'), 'logistic-regression');
  // Of a score function, σ(f(x)), it stays the sigmoid.
  assert.notEqual(concept('P(T=1|u) = \\sigma(f(u))'), 'logistic-regression');
  assert.notEqual(concept('\\sigma\\left(\\mathbf{a}_{n}^T\\mathbf{W}\\right) \\approx \\mathbf{t}_n'), 'logistic-regression');
});

test('a softmax equated to a prediction is the output distribution, and under a minus log, the cross-entropy', () => {
  const tex = 'p(t_k | t_{<k}) = \\frac{\\exp(s_k^T e_{t_k})}{\\sum_{v\\in V}\\exp(s_k^T e_{v})}';
  assert.ok(!['attention', 'self-attention'].includes(String(concept(tex))), String(concept(tex)));
  assert.equal(concept('r_n(W) = - \\text{log}\\left( \\frac{ e^{a_n^T w_{t_n}}}{\\sum_{c=1}^{C} e^{a_n^T w_c}} \\right)'), 'cross-entropy');
  // Attention weights themselves are still attention.
  assert.equal(concept('\\alpha_{ij} = \\frac{\\exp(q_i^T k_j)}{\\sum_{l} \\exp(q_i^T k_l)}'), concept('\\alpha_{ij} = \\frac{\\exp(q_i^T k_j)}{\\sum_{l} \\exp(q_i^T k_l)}'));
  assert.ok(String(concept('\\alpha_{ij} = \\frac{\\exp(q_i^T k_j)}{\\sum_{l} \\exp(q_i^T k_l)}')).includes('attention'));
});

test('a log-likelihood without a minus is no loss, though 1 − h(x) has one; the logistic loss needs none', () => {
  // (It is the log-likelihood the maximum-likelihood estimate maximises.)
  assert.equal(concept('\\ln L(\\beta)=\\sum_{n=1}^{N}[t_n\\ln{P(t=1|a_n)}+(1-t_n)\\ln(1-P(t=1|a_n))]'), 'maximum-likelihood');
  assert.equal(concept('R(t, g(a)) = \\log(1 + \\exp(-t g(a)))'), 'binary-cross-entropy');
  // A weight written as a call, −t(0) ln q(0), still puts a minus in front of the log.
  assert.ok(['cross-entropy', 'binary-cross-entropy'].includes(String(concept('H(t, q) = - t(0) \\ln q(0) - t(1) \\ln q(1)', 'the binary cross-entropy of two distributions on two outcomes'))));
});

test('squared distances from a point, Taylor terms and bounds are no squared error; a loss plus a weighted penalty is regularisation', () => {
  assert.equal(concept('(\\beta_1-c)^2+(\\beta_2-e)^2 \\le r^2'), null);
  assert.equal(concept('g(u)=g(u_0)+g\'(u_0)(u-u_0)+\\frac{g\'\'(u_0)}{2!}(u-u_0)^2'), null);
  assert.equal(concept("R'[\\boldsymbol\\beta] = R[\\boldsymbol\\beta]+ \\lambda\\cdot \\Bigl(\\beta_{0}^2+(\\beta_1-3)^2\\Bigr)"), 'regularization');
  // A second objective weighted in is no penalty.
  assert.notEqual(concept('L_3(D)=L_2(D)+\\lambda L_1(D)'), 'regularization');
});

test('heads, additive scores, leaky max in either order, updates with the model written inside, and a cost averaged from its parts', () => {
  assert.equal(concept('\\mathbf{Q}^{(i)} = \\mathbf{W}_q^{(i)} \\mathbf{H} + \\mathbf{b}_q^{(i)} \\mathbf{1}^T'), 'multi-head-attention');
  assert.equal(concept('e_{tk} = g(U^1 s_{t-1} + U^2 h_k)'), 'mlp-attention');
  assert.equal(concept('\\psi(u) = \\max(u, \\alpha u)'), 'leaky-relu');
  assert.equal(concept('\\beta_j := \\beta_j - \\eta \\frac{1}{n} \\sum_{k=1}^{n} ((\\frac{1}{1 + e^{-\\beta^T a^{(k)}}}) - t^{(k)}) a_j^{(k)}'), 'gradient-descent');
  assert.equal(concept('R = \\frac{1}{N}\\sum_n R_n'), 'empirical-risk');
  // An averaged vector is no cost.
  assert.notEqual(concept('\\bar{v} = \\frac{1}{2k}\\sum_{-k \\le d \\le k, d \\ne 0} v_{d}'), 'empirical-risk');
});

test('time steps in angle brackets; Adam named beside a method outside the catalog; a log-likelihood the heading calls log-loss', () => {
  assert.equal(concept('a^{<t>} = \\tanh(W_{aa} a^{<t-1>} + W_{ax} x^{<t>} + b_a)'), concept('a^{(t)} = \\tanh(W_{aa} a^{(t-1)} + W_{ax} x^{(t)} + b_a)'));
  assert.equal(concept('s_t = \\beta_1 s_{t-1} + (1-\\beta_1)\\nabla_\\phi R(\\phi)', 'Unlike RMSProp alone, Adam combines momentum with it:'), 'adam');
  assert.equal(concept('\\ln \\mathcal{L}(\\mathbf{u}) = \\sum_{n=1}^N \\left(t_n \\ln(\\sigma(\\mathbf{a}_n^\\top \\mathbf u)) + (1 - t_n) \\ln(1 - \\sigma(\\mathbf{a}_n^\\top \\mathbf u))\\right)', 'Log-loss. Taking the log of the likelihood we get:'), null);
});

test('a name alone stays a mention whatever the sentence says; a marginal integral is no chain rule; sizes and spacing are ignored; y = wx + b among neurons is one unit', () => {
  const r = recognise('\\tanh', { before: 'This is where $\\tanh$ comes in: it squashes the value.' });
  assert.equal(r.concept, null);
  assert.equal(r.unsure, 'mention');
  assert.equal(concept('p_\\phi(a)=\\int p_\\phi(a\\mid c)p(c)dc'), null);
  assert.equal(concept('- \\large \\log{\\sigma\\left(u_{o}\\hspace{0.001em}^\\top v_{c}\\right)} - \\sum_k^K \\log{\\sigma\\left(-u_{k}\\hspace{0.001em}^\\top v_{c}\\right)}'), 'sgns');
  assert.equal(concept('t = va + c'.replace('va + c', 'w a + b').replace('t =', 'y ='), 'One neuron with one input:'), 'affine-layer');
  assert.equal(concept('y = w a + b', 'Fit a straight line to the points by least squares:'), 'linear-regression');
});

test('letters: Y beside Ŷ is the target, h_θ is the model whose value is the prediction, m in 1/(2m) counts the terms', () => {
  const bce = 'R(\\beta) = -\\frac{1}{n}\\sum_k T \\log(\\hat{T}) + (1-T)\\log(1-\\hat{T})'.replace(/T/g, 'Y');
  assert.match(meaning(bce, 'Y'), /target/);
  assert.match(meaning(bce, 'Y\u0302'), /prediction/);
  const lsq = 'R(\\beta) = \\frac{1}{2n}\\sum_k (h_{\\beta}(a^{(k)}) - y^{(k)})^2';
  assert.match(meaning(lsq, 'h_β'), /prediction/);
  assert.match(meaning(lsq, 'n'), /how many terms/);
  // A function with other letters under it is not a model with parameters.
  assert.doesNotMatch(meaning('q = h_{k}(a)', 'h_k'), /prediction/);
});

test("GitHub's $`…`$ backticks are no part of the formula; a scaled score of two states is scaled dot-product attention", () => {
  assert.equal(concept('`D_{\\mathrm{KL}}\\left(q_\\psi(c\\mid a)\\,\\|\\,p(c)\\right)`'), 'kl-divergence');
  assert.equal(concept('\\text{score}(\\boldsymbol{s}_k, \\boldsymbol{g}_j) = \\frac{\\boldsymbol{s}_k^\\top\\boldsymbol{g}_j}{\\sqrt{m}}'), 'scaled-dot-product-attention');
});

test('a layer index written ℓ is a layer, not a time step; a lone log-ratio equal to a linear score is no divergence', () => {
  assert.notEqual(concept('\\mathbf{h}^{(\\ell)} = f^{(\\ell)}\\!\\big(\\mathbf{W}^{(\\ell)}\\,\\mathbf{h}^{(\\ell-1)} + \\mathbf{b}^{(\\ell)}\\big)'), 'rnn');
  assert.notEqual(concept('\\ln\\frac{P(Y=2|a)}{P(Y=K|a)} = v_2 \\cdot a'), 'kl-divergence');
  assert.equal(concept('D(P \\| Q) = \\sum_a P(a) \\log \\frac{P(a)}{Q(a)}'), 'kl-divergence');
});

test('a weight letter times an input letter in a sum is a weight and an input, even where the formula is not recognised', () => {
  const tex = 'q_i = \\sum_j w_j x_{i,j} + r';
  assert.match(meaning(tex, 'w_j'), /weight/);
  assert.match(meaning(tex, 'x_{i, j}') || meaning(tex, 'x_{i,j}'), /input/);
  // Two letters that are neither a weight nor an input stay described by their shape.
  assert.doesNotMatch(meaning('q = \\sum_j u_j v_j', 'u_j'), /weight/);
});

test('an h indexed by a time step is the hidden state at that step, where only its shape was said', () => {
  assert.match(meaning('q = u h_t + v h_{t-1}', 'h_t'), /hidden state at step t/);
  assert.match(meaning('q = u h_t + v h_{t-1}', 'h_{t−1}'), /hidden state at step t−1/);
  // (By the grammar, an h indexed by j is no step.)
  assert.doesNotMatch(meaning('q = u h_j', 'h_j', { roles: false }), /hidden state/);
});

test('a loss written with t beside y takes t as the target and y as the output; h(t) and x(t) are the state and the input at step t', () => {
  const ce = 'E=-\\sum_k t_k\\log y_k';
  assert.match(meaning(ce, 't_k'), /target/);
  assert.match(meaning(ce, 'y_k'), /prediction/);
  // With a hatted prediction, y stays the target.
  assert.match(meaning('E = -\\sum_k y_k \\log \\hat{y}_k', 'y_k'), /target/);
  const rnn = 'p(t) = Ux(t) + Wh(t-1) + b';
  assert.match(meaning(rnn, 'h(t−1)'), /hidden state.*step t−1/);
  assert.match(meaning(rnn, 'x(t)'), /input.*step t/);
});

test('in Ux(t) + Wh(t − 1) + b the matrices are weights and b the bias, the states keep their step', () => {
  const tex = 'p(t) = Ux(t) + Wh(t-1) + b';
  assert.match(meaning(tex, 'U'), /weight/);
  assert.match(meaning(tex, 'W'), /weight/);
  assert.match(meaning(tex, 'b'), /bias/);
  assert.match(meaning(tex, 'h(t−1)'), /hidden state.*step t−1/);
});

test('an x indexed by a time step is the input at that step', () => {
  assert.match(meaning('q = u h_{t-1} + v x_t', 'x_t'), /input at step t/);
});

test("what an activation's formula defines is its activation, what a loss's formula defines is the loss", () => {
  assert.match(meaning('q=\\frac{1}{1+\\exp(-u)}', 'q'), /activation/);
  assert.match(meaning('\\xi(r,q) = -r \\log(q) - (1-r)\\log(1-q)', '\u03be'), /\bloss\b/);
});

test('in a gradient step written out, x is the input; the x a step moves is the point being updated', () => {
  const step = '\\theta_j := \\theta_j - \\alpha \\frac{1}{m}\\sum_{i=1}^m (h_\\theta(x^{(i)}) - y^{(i)}) x_j^{(i)}';
  assert.doesNotMatch(meaning(step, 'x_j^{(i)}'), /point being updated/);
  assert.match(meaning('x_{k+1} = x_k - \\eta \\nabla f(x_k)', 'x_{k+1}'), /point being updated/);
});

test('a function name in a text font is the function, not a letter s and an identifier oftmax', () => {
  const letters = explainFormula('\\mathrm{softmax}(t)_i = \\frac{\\exp(t_i)}{\\sum_{j=1}^{K} \\exp(t_j)}').symbols.map((s) => s.symbol);
  assert.ok(!letters.includes('s') && !letters.includes('oftmax'), letters.join(' '));
  assert.ok(letters.includes('t_i') && letters.includes('K'), letters.join(' '));
});

test('a product over the examples of each one\'s probability is the likelihood; a model factorised over its parts is not', () => {
  for (const tex of [
    '\\prod_{m=1}^{M} q(c_m \\mid r_m; \\omega)',
    'L(\\beta) = \\prod_{n} P(t_n | u_n, \\beta)',
    '\\prod_{k=1}^{K} p_{\\omega}(r_k)',
    '\\mathcal{L}(w) = \\prod_{i=1}^{n} \\hat{p}_i^{y_i} (1 - \\hat{p}_i)^{1 - y_i}',
  ]) assert.equal(concept(tex.replace(/q\(/, 'P(')), 'maximum-likelihood', tex);
  // The parameters that make the data most likely.
  assert.equal(concept('\\hat{\\omega} = \\arg\\max_{\\omega} \\log \\mathcal{L}(\\omega)'), 'maximum-likelihood');
  // A conditional model over its parts, a sequence over its time steps, naive Bayes over features, a loss: not the likelihood.
  for (const tex of ['p(r | s) = \\prod_{k=1}^{K} p(r_k | s)^{r_k} (1 - p(r_k | s))^{1 - r_k}', 'P(w_1, \\dots, w_T) = \\prod_{t=1}^{T} P(w_t | w_1, \\dots, w_{t-1})', 'P(c) \\prod_{k} P(f_k | c)', '-\\log \\prod_{n} P(t_n | u_n)']) assert.notEqual(concept(tex), 'maximum-likelihood', tex);
  // The exponents of a Bernoulli likelihood are the labels; a path's bits are hierarchical softmax's.
  assert.notEqual(concept('\\prod_{j=2}^{L} [\\sigma(v^T \\theta_j)]^{1-b_j} [1 - \\sigma(v^T \\theta_j)]^{b_j}'), 'maximum-likelihood');
});

test("a layer's error passed back through its activation's slope is backpropagation's chain rule", () => {
  assert.equal(concept('\\delta^{[k]} = (V^{[k+1]})^{\\top} \\delta^{[k+1]} \\odot g\'(u^{[k]})'), 'chain-rule');
  assert.equal(concept('\\delta^{(K)} = \\nabla_{o} E \\odot \\phi\'(u^{(K)})'), 'chain-rule');
  assert.equal(concept('\\delta_t = W^{\\top} \\delta_{t+1} \\odot f\'(z_t)'), 'backpropagation-through-time');
  // Its definition alone is notation.
  assert.equal(concept('\\delta^{(k)} = \\frac{\\partial E}{\\partial u^{(k)}}'), null);
});

test('a gradient step written with the target minus the prediction added, or with the step as an argument, is gradient descent', () => {
  assert.equal(concept('\\beta_k := \\beta_k + \\mu (t - \\hat{t}) u_k'), 'gradient-descent');
  assert.equal(concept('w^{[s+1]} = w^{[s]} + \\eta \\sum_{m=1}^{M} (y_m - o_m) u_m'.replace(/\[s\+1\]/, '(k+1)').replace(/\[s\]/, '(k)')), 'gradient-descent');
  assert.equal(concept('V(k+1) = V(k) - \\rho \\frac{\\partial E}{\\partial V(k)}'), 'gradient-descent');
  assert.equal(concept('(\\Delta u, \\Delta v) = -\\rho \\left(\\frac{\\partial g}{\\partial u}, \\frac{\\partial g}{\\partial v}\\right)'), 'gradient-descent');
  assert.equal(concept('w_k := w_k - r \\frac{1}{N} \\sum_{n=1}^{N} (f_w(u^{(n)}) - t^{(n)}) u_k^{(n)}'), 'gradient-descent');
  // A sign-based step (Rprop) and a momentum-like sum are not this.
  assert.notEqual(concept('V(k+1) = V(k) - \\operatorname{sign}(\\frac{\\partial E}{\\partial V(k)}) \\Delta(k)'), 'gradient-descent');
});

test("an LSTM's input gate applied to its candidate, and an encoder–decoder's conditionals, are named", () => {
  assert.equal(concept('i_t \\odot \\tilde{c}_t'), 'lstm');
  assert.equal(concept('i_t * \\tilde{C}_t'), 'lstm');
  assert.equal(concept('p(y_1, \\ldots, y_{M} \\mid x_1, \\ldots, x_N)'), 'seq2seq');
  assert.equal(concept('p(u_t \\mid u_1, \\ldots, u_{t-1}, c) = g(u_{t-1}, s_t, c)'.replace(/u/g, 'y')), 'seq2seq');
  assert.equal(concept('P(y_t \\mid y_{<t}, \\mathbf{x})'), 'seq2seq');
  assert.equal(concept('p(\\mathbf{y}) = \\prod_{t=1}^{T} p(y_t \\mid \\{y_1, \\ldots, y_{t-1}\\}, c)'), 'seq2seq');
  assert.equal(concept('c = q(\\{h_1, \\ldots, h_{T}\\})'), 'seq2seq');
  // A tagger's sequence of the same length, and a language model's own history, are not an encoder–decoder.
  assert.notEqual(concept('p(y_1, \\ldots, y_n \\mid x_1, \\ldots, x_n)'), 'seq2seq');
  assert.equal(concept('P(w_1, \\dots, w_T) = \\prod_{t=1}^{T} P(w_t | w_1, \\dots, w_{t-1})'), 'language-model');
});

test('time steps written as arguments are time steps; the output at a step read from the state is the RNN\'s', () => {
  assert.equal(concept('s(t) = \\phi(A u(t) + B s(t-1) + d)'), 'rnn');
  assert.equal(concept('o(t) = \\psi(C s(t) + e)'), 'rnn');
  assert.equal(concept('\\hat{y}_t = V_{out} s_t + b_{out}'), 'rnn');
  assert.equal(concept('O_t = H_t W_{ho} + b_o'), 'rnn');
  // A function of time that is no recurrence stays what it was; an output from the state and another input of the
  // step (attention's context) is not the plain RNN's output.
  assert.notEqual(concept('f(t) = A \\sin(\\omega t)'), 'rnn');
  assert.notEqual(concept('\\hat{y}_t = W [c_t; h_t] + b'), 'rnn');
});

test('a braced function head still takes its argument (h_θ(x) written {h_\\theta}\\left(x\\right))', () => {
  assert.equal(concept('{h_\\beta}\\left( z \\right)=\\frac{1}{1+{e^{-\\beta^{T}z}}}', 'the hypothesis of logistic regression'), 'logistic-regression');
  const tree = recognise('{g_\\omega}(z)').tree.items;
  assert.equal(tree.length, 1);
  assert.equal(tree[0].k, 'apply');
});

test('inputs weighted and summed with a bias are a neuron\'s net input; with a prediction on the left, linear regression', () => {
  assert.equal(concept('n = (\\theta_1 a_1) + (\\theta_2 a_2) + \\theta_0'), 'affine-layer');
  assert.equal(concept('\\sum_{k=1}^{K} \\beta_k * x_k + b'), 'affine-layer');
  assert.equal(concept('\\hat{y} = b + w_1 x_1 + w_2 x_2 + w_3 x_3'), 'linear-regression');
  // Matrices by the inputs of a time step are a recurrence's, not this.
  assert.notEqual(concept('u_t = W_{uh} h_{t-1} + W_{ux} x_t'), 'affine-layer');
});

test('a straight line is linear regression when the words speak of regression, and only then', () => {
  assert.equal(concept('y = c + d x', 'We fit a regression line to the points'), 'linear-regression');
  assert.equal(concept('h(x) = \\theta_0 + \\theta_1 x', 'the hypothesis of univariate linear regression'), 'linear-regression');
  assert.equal(concept('y = c + d x'), null);
  // A line with a matrix is a layer; numbers only state a value.
  assert.notEqual(concept('y = W x + c'), 'linear-regression');
  assert.notEqual(concept('y = 3 + 2 x'), 'linear-regression');
});

test('class probabilities against a reference class are multinomial logistic regression', () => {
  assert.equal(concept('P(Y = c \\mid x) = \\frac{\\exp(\\beta_c \\cdot x)}{1 + \\sum_{j=1}^{C-1} \\exp(\\beta_j \\cdot x)}'), 'softmax-regression');
  assert.equal(concept('P(Y = 1 \\mid x) = \\frac{\\exp(\\beta \\cdot x)}{1 + \\exp(\\beta \\cdot x)}'), 'logistic-regression');
});

test('a function worked out at a number, or its limit, states a value; a derivative keeps its prime', () => {
  for (const tex of ['\\tanh(1) \\approx 0.76', '\\sigma(0) = \\frac{1}{1 + e^{0}} = 0.5', '\\tanh(u) \\to -1', '\\hat{o} = \\sigma(0) = \\frac{1}{1 + e^0} = 0.5']) assert.equal(concept(tex, 'tanh and the sigmoid saturate'), null, tex);
  const [head] = recognise("\\tanh'(0) = 1").tree.items;
  assert.ok(head.k === 'apply' && head.fn === "tanh'", JSON.stringify(head));
  // A T inside a probability is the targets, not a distillation temperature.
  assert.notEqual(concept('\\log P(T \\mid X) = \\sum_{n} t_n \\log y_n + (1 - t_n) \\log(1 - y_n)'), 'distillation-loss');
});

test("the derivative of a named activation is explained with it; a Greek letter after a line break keeps its backslash", () => {
  assert.equal(concept('\\frac{d\\,\\mathrm{ReLU}}{du} = \\begin{cases} 1 & u > 0 \\\\ 0 & u \\le 0 \\end{cases}'), 'relu');
  assert.equal(concept('\\frac{\\partial\\, \\mathrm{softmax}(s)_a}{\\partial s_b} = \\mathrm{softmax}(s)_a (\\delta_{ab} - \\mathrm{softmax}(s)_b)'), 'softmax');
  assert.equal(concept('\\begin{cases}u & u>0\\\\alpha u & u\\le0\\end{cases}'), 'leaky-relu');
  // The column spec of an array is not its first cell.
  assert.equal(concept('\\left\\{\\begin{array}{cc} 1, & u \\ge 0 \\\\ 0, & u < 0 \\end{array}\\right.'), 'step-function');
});

test("word2vec's own derivations: the Huffman path's bits, both sides of the centre, each context word, real and sampled pairs", () => {
  assert.equal(concept('P(d_j^w \\mid x_w, \\theta_{j-1}^w) = [\\sigma(x_w^T\\theta_{j-1}^w)]^{1-d_j^w} [1-\\sigma(x_w^T\\theta_{j-1}^w)]^{d_j^w}'), 'hierarchical-softmax');
  assert.equal(concept('d_j^w \\in \\{0, 1\\}'), null);
  assert.equal(concept('P(w_i \\mid w_{i-2}, w_{i-1}, w_{i+1}, w_{i+2})'), 'cbow');
  assert.equal(concept('\\prod_{i=1}^{N} \\prod_{-k \\le r \\le k, r \\ne 0} P(w_{i+r} \\mid w_i)'), 'skipgram');
  assert.equal(concept('\\prod_{(u,v) \\in S} P(D=1 \\mid u, v) \\prod_{(u,v) \\in S\'} P(D=0 \\mid u, v)'), 'sgns');
  // One matrix projecting every context word is no query–key–value projection.
  assert.notEqual(concept('e_{i-1} = E x^{i-1}, e_{i+1} = E x^{i+1}'.replace(/e_/g, 'v_').replace(/E x/g, 'V x')), 'self-attention');
});

test('the joint over the approximate posterior is the ELBO; queries from one sequence and keys from another are attention', () => {
  assert.equal(concept('\\mathcal{L} = \\mathbb{E}_{q(h|v)}\\left[\\log \\frac{p(v, h)}{q(h|v)}\\right]'), 'elbo');
  assert.notEqual(concept('\\mathbb{E}_{q(h|v)}\\left[\\log \\frac{q(h|v)}{p(h|v)}\\right]'), 'elbo');
  assert.equal(concept('Q = A W^Q, \\quad K = B W^K, \\quad V = B W^V'), 'attention');
  assert.notEqual(concept('Q = A W^Q, \\quad K = A W^K, \\quad V = A W^V'), 'attention');
});

test('coupled forget and input gates and the squashed cell are an LSTM; a class probability of a sigmoid of a score is logistic regression', () => {
  assert.equal(concept('c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot \\tilde{c}_t'), 'lstm');
  assert.equal(concept('h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t'), 'gru');
  assert.equal(concept('m_t = \\tanh(c_t)'), 'lstm');
  assert.equal(concept('o = \\sigma(\\beta_1 x + \\beta_0) = P(c = 1 \\mid x)'), 'logistic-regression');
  assert.equal(concept('J(w_1, w_2) = (\\hat{y} - y)^2 + \\lambda(w_1^2 + w_2^2)'), 'regularization');
  assert.equal(concept('\\beta_{k} = \\beta_{k} + \\eta[1 - c_k - \\sigma(u^T\\beta_{k})]\\, u'), 'gradient-descent');
});

test('steps with the iteration as an argument and written out, or with an arrow typed <-, are gradient descent', () => {
  assert.equal(concept('u_{k}(n+1) = u_{k}(n) - \\rho \\frac{2}{M} \\sum_{m=1}^{M} (o_{m} - t_{m}) x_{m}'), 'gradient-descent');
  assert.equal(concept('u_{k}(n+1) = u_{k}(n) - \\rho \\frac{\\partial E}{\\partial u_{k}} = u_{k}(n) - \\rho (o_{k} - t_{k}) z'), 'gradient-descent');
  assert.equal(concept('v <- v - \\eta\\frac{\\partial E}{\\partial v}'), 'gradient-descent');
});

test('the evidence split into its bound and gap, a Gaussian KL in closed form, a β-weighted reconstruction and KL', () => {
  assert.equal(concept('\\log p(v) = \\mathcal{L}(q) + D_{KL}(q(h|v) \\| p(h|v))'), 'elbo');
  assert.equal(concept('\\log p(v) - \\mathcal{L} = D_{KL}(q(h|v) \\| p(h|v))'), 'elbo');
  assert.equal(concept('\\frac{1}{2}\\sum_{k}(\\mu_k^2 + \\sigma_k^2 - 1 - \\log\\sigma_k^2)'), 'kl-divergence');
  assert.equal(concept('\\mathcal{L}_\\gamma = \\text{Recon} - \\gamma \\cdot D_{KL}'), 'elbo');
});

test("the sigmoid's slope written through its own output, and a layer's error by its derivative, are named", () => {
  assert.equal(concept("o^{\\prime} = o(1-o)"), 'sigmoid');
  assert.equal(concept('\\frac{\\partial \\hat{p}}{\\partial s} = \\hat{p}(1-\\hat{p})'), 'sigmoid');
  assert.equal(concept("\\frac{\\partial E}{\\partial z^{[k]}} = (V^{[k+1]})^T \\frac{\\partial E}{\\partial z^{[k+1]}} \\odot \\phi'^{[k]}(z^{[k]})"), 'chain-rule');
  // (1 − y) y with no derivative on the left is a product, not the slope.
  assert.notEqual(concept('q = (1 - p) p'), 'sigmoid');
});

test("a variational model's letters, the error of an output against its target in a step, and context words by their offset", () => {
  const elbo = '\\mathcal{L}(\\theta, \\phi; x) = \\mathbb{E}_{q_\\phi(z|x)}[\\log p_\\theta(x|z)] - D_{KL}(q_\\phi(z|x) \\| p(z))';
  assert.match(meaning(elbo, 'z'), /latent/);
  assert.match(meaning(elbo, '\u03c6'), /encoder's parameters/);
  assert.match(meaning('\\frac{1}{2}\\sum_{k}(\\mu_k^2 + \\sigma_k^2 - 1 - \\log\\sigma_k^2)', '\u03bc_k'), /mean/);
  const step = 'u_{k}(n+1) = u_{k}(n) - \\rho \\frac{2}{M} \\sum_{m=1}^{M} (y_{m} - t_{m}) x_{m}';
  assert.match(meaning(step, 't_m'), /target/);
  assert.match(meaning(step, 'y_m'), /prediction/);
  assert.match(meaning('\\hat{v} = \\frac{v_{c-m} + v_{c+m}}{2m}', 'v_{c+m}'), /context word/);
});

test("a layer's activation of its own pre-activation completes the layer; a log run into its letter is a log", () => {
  assert.equal(concept('o^{[k]} = \\phi^{[k]}(s^{[k]})'.replace(/s\^/, 'z^')), 'affine-layer');
  assert.equal(concept('h^{k} = \\phi(u^{k})'), 'affine-layer');
  // A named activation of one layer is that activation.
  assert.equal(concept('a^{[2]} = \\mathrm{ReLU}(z^{[2]})'), 'relu');
  assert.equal(concept('\\log L(\\beta, c \\mid t, u) = \\sum_{n=1}^{N} logp(t_n \\mid u_n, \\beta, c)'), 'maximum-likelihood');
  const [, log] = recognise('y_nlogh_{w}(x_n)').tree.items;
  assert.ok(log?.k === 'apply' && log.fn === 'log', JSON.stringify(log));
  // A step by the error term δ is a gradient step.
  assert.equal(concept('c_k^{(K)} \\gets c_k^{(K)} - \\eta \\cdot \\delta_k^{(K)}'), 'gradient-descent');
});

test("a layer's activation and pre-activation, the error term a step moves by, an intercept and slopes inside brackets", () => {
  // (A layer's superscript is left out of the letter's key: o, z.)
  assert.match(meaning('o^{[k]} = \\phi^{[k]}(z^{[k]})', 'o'), /layer's activation/);
  assert.match(meaning('o^{[k]} = \\phi^{[k]}(z^{[k]})', 'z'), /pre-activation/);
  assert.match(meaning('V_{ij} \\gets V_{ij} - \\eta \\cdot \\delta_i \\cdot o_j', '\u03b4_i'), /gradient/);
  const logistic = 'P(C=1|u) = \\frac{1}{1+e^{-(\\beta_0+\\beta_1 u)}}';
  assert.match(meaning(logistic, '\u03b2_0'), /bias|intercept/);
  assert.match(meaning(logistic, '\u03b2_1'), /weight/);
});

test('a letter defined as an activation function of a pre-activation is the activation, in a formula of no concept too', () => {
  assert.equal(explainFormula('q = g(u)').concept, null);
  assert.match(meaning('q = g(u)', 'q'), /the activation \(the activation function's output/);
  assert.match(meaning('q = g(u)', 'u'), /pre-activation/);
  // A derivative of the function, or a function of a sum, is no such definition.
  assert.doesNotMatch(meaning("q = g'(u)", 'q'), /activation function's output/);
  assert.doesNotMatch(meaning('q = g(u + v)', 'q'), /activation function's output/);
});

test('the joint written out factor by factor is the chain rule of probability; with a product sign, the language model', () => {
  assert.equal(concept('P(a_1, a_2, a_3) = P(a_1) P(a_2 \\mid a_1) P(a_3 \\mid a_1, a_2)'), 'probability-chain-rule');
  assert.equal(concept('P(w_1, \\dots, w_T) = \\prod_{t=1}^{T} P(w_t | w_1, \\dots, w_{t-1})'), 'language-model');
});

test('a Greek letter applied as a function is listed as one; a step size against its bracket is the learning rate, not a function', () => {
  assert.match(meaning('\\psi(s) = s^2 + 1', '\u03c8'), /function of s/);
  assert.match(meaning('\\alpha(u, r) = u^T r', '\u03b1'), /function of u, r/);
  const step = 'b_k = b_k - \\eta (o_k - t_k) a_k';
  assert.match(meaning(step, '\u03b7'), /learning rate/);
  assert.ok(!explainFormula(step).symbols.some((s) => /value of \u03b7/.test(s.meaning)), 'η(o − t) is a product, no function value');
  // (Written with a plus, as gradient ascent does.)
  assert.match(meaning('u_j = u_j + \\alpha (g_j - \\sum_i q_i g_i)', '\u03b1'), /learning rate/);
});

test('\\R and \\RR are the reals: the letter in the exponent is a size', () => {
  assert.match(meaning('s \\in \\R^{M}', 'M'), /size of one dimension/);
  assert.match(meaning('s \\in \\RR^{M}', 'M'), /size of one dimension/);
  assert.match(meaning('s \\in \\R^{M}', '\u211d'), /real numbers/);
});

test('in a gated cell, a hatted or barred state is the candidate; the x a step moves is the parameters', () => {
  assert.match(meaning('\\bar{c}_k = \\tanh(W_c x_k + U_c h_{k-1} + b_c)', 'c\u0304_k'), /candidate/);
  assert.match(meaning('c_k = f_k \\odot c_{k-1} + i_k \\odot \\hat{c}_k', 'c\u0302_k'), /candidate/);
  assert.match(meaning('x_{k+1} = x_k - \\eta \\nabla f(x_k)', 'x_{k+1}'), /parameters/);
});

test('a lower bound on the log evidence is the ELBO; the joint minus the approximation under q too', () => {
  assert.equal(concept('\\log p(v) \\geq \\sum_{u} r(u \\mid v) \\log \\frac{p(v, u)}{r(u \\mid v)}'), 'elbo');
  assert.equal(concept('\\log p(v) \\ge \\mathrm{ELBO}'), 'elbo');
  assert.equal(concept('\\mathbb{E}_{q} \\left[ \\log p(v, u) - \\log q(u \\mid v) \\right]'), 'elbo');
  // (A bound on a conditional, or by a number, is no evidence bound.)
  assert.equal(concept('\\log p(y \\mid v) \\geq 0'), null);
});

test('one function of the parameters and an example, averaged over the examples, is the empirical risk', () => {
  assert.equal(concept('G(\\theta) = \\frac{1}{M} \\sum_{m=1}^{M} g(\\theta, Z_m)'), 'empirical-risk');
  assert.equal(concept('\\mathbb{E}[g(\\theta, Z)] \\approx \\frac{1}{M} \\sum_{m=1}^{M} g(\\theta, Z_m)'), 'empirical-risk');
});

test('squared residuals as an inner product, a markdown-escaped norm, a named softmax of the input\'s linear scores', () => {
  assert.equal(concept('\\min_{\\beta} \\frac{1}{M}(\\mathbf{t} - \\mathbf{A}\\beta)^\\top(\\mathbf{t} - \\mathbf{A}\\beta)'), 'mse');
  assert.equal(concept('R(\\mathbf{B}) = \\sum_{m=1}^{M} \\|\\|\\mathbf{o}_m - \\mathbf{t}_m\\|\\|_2^2'), 'mse');
  // (Two norms side by side stay two norms.)
  assert.equal(concept('\\frac{a \\cdot b}{\\|a\\|\\|b\\|}'), 'cosine-similarity');
  assert.equal(concept('\\mathbf{p} = \\mathrm{softmax}(\\mathbf{W}^\\top \\mathbf{x} + \\mathbf{b})'), 'softmax-regression');
  // (Of a hidden state it is the output layer's softmax.)
  assert.equal(concept('\\hat{y} = \\mathrm{softmax}(V h_t + c)'), 'softmax');
});

test('P(y | x; θ) read the supervised way in any formula: the label, the input, the parameters; a latent model left alone', () => {
  const tex = 'P(t_m = 1 \\mid \\mathbf{x}_m; \\boldsymbol\\theta) = g_m';
  assert.match(meaning(tex, 't_m'), /label being predicted/);
  assert.match(meaning(tex, 'x_m'), /input/);
  assert.match(meaning(tex, '\u03b8'), /parameters/);
  // (By the grammar alone, x given z is a generative model's data, not an input the label is predicted from.)
  assert.doesNotMatch(meaning('p(x \\mid z) = \\mathcal{N}(x; \\mu, \\sigma^2)', 'x', { roles: false }), /label|input/);
});

test('an affine layer defines a weighted input whatever its letter; a calligraphic L is a loss even in a formula not recognised', () => {
  assert.match(meaning('u = \\sum_{k=1}^{n} x_k w_k + b', 'u'), /pre-activation/);
  assert.match(meaning('\\mathcal{L}_{\\text{all}} = \\lambda \\mathcal{L}_{\\text{rec}} + \\mathcal{L}_{\\text{adv}}', 'L_{rec}'), /loss/);
});

test('in a network\'s gradient the chain rule\'s z and a are the pre-activation and the activation; in the textbook chain, the ends of the chain', () => {
  const net = '\\frac{\\partial C}{\\partial w_{kj}} = \\frac{\\partial C}{\\partial a_k} \\frac{\\partial a_k}{\\partial z_k} \\frac{\\partial z_k}{\\partial w_{kj}}';
  assert.match(meaning(net, 'z_k'), /pre-activation/);
  assert.match(meaning(net, 'a_k'), /activation/);
  // (The end of the chain is no model's output; where it starts is the composed function's input.)
  assert.match(meaning('\\frac{dz}{dx} = \\frac{dz}{dy} \\frac{dy}{dx}', 'z'), /end of the chain/);
  assert.match(meaning('\\frac{dz}{dx} = \\frac{dz}{dy} \\frac{dy}{dx}', 'x'), /the input the chain starts from/);
  assert.doesNotMatch(meaning('\\frac{dz}{dx} = \\frac{dz}{dy} \\frac{dy}{dx}', 'z'), /output/);
});

test('L(θ) as a product of probabilities, or under a log, is the likelihood; a sigmoid\'s argument is also its logit', () => {
  assert.match(meaning('L(\\beta) = \\prod_{m=1}^{M} p(t_m \\mid u_m; \\beta)', 'L'), /likelihood/);
  assert.match(meaning('R(\\beta) = -\\frac{1}{M} \\log L(\\beta)', 'L'), /likelihood/);
  assert.match(meaning('L(\\beta) = \\frac{1}{M} \\sum_m (t_m - \\beta u_m)^2', 'L'), /\bloss\b/);
  assert.match(meaning('\\hat{t} = \\sigma(s)', 's'), /logit/);
  assert.doesNotMatch(meaning('g = \\tanh(s)', 's'), /logit/);
});

test('a layer index in brackets is the layer, not a time step; an iterate\'s superscript step is listed', () => {
  assert.match(meaning('\\mathbf{u}^{[l]} = \\mathbf{V}^{[l]} \\mathbf{g}^{[l-1]} + \\mathbf{c}^{[l]}', 'l'), /layer index/);
  assert.match(meaning('z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}', 'l'), /layer index/);
  assert.match(meaning('\\theta^{k+1} = \\theta^{k} - \\eta \\nabla R(\\theta^{k})', 'k'), /step/);
});

test('queries, keys and values projected from one input, written with :=, are self-attention and its projections', () => {
  const tex = '\\begin{aligned} Q &:= E^\\top W_Q \\\\ K &:= E^\\top W_K \\\\ V &:= E^\\top W_V \\end{aligned}';
  assert.equal(concept(tex), 'self-attention');
  assert.match(meaning(tex, 'W_K'), /projection to the keys/);
  assert.doesNotMatch(meaning(tex, 'E'), /query/);
  // (A class's weight vector w_k is no projection to the keys.)
  assert.doesNotMatch(meaning('s_k = \\mathbf{w}_k^\\top \\mathbf{x} + b_k', 'w_k'), /keys/);
});

test('a period typed as a product before a bracket: W_f.[h_{t−1}, x_t] is the forget gate\'s weighted input', () => {
  assert.equal(concept('f_t = \\sigma(W_f.[h_{t-1}, x_t] + b_f)'), 'lstm');
  assert.equal(concept('x = 0.5 (a + b)'), null);
});

test('⟨w, x⟩ is wᵀx (an inequality of inner products keeps its brackets); f′ and λ in a step; a named objective under arg max', () => {
  assert.equal(concept('g(u) = \\sigma(\\langle \\beta, u \\rangle)'), 'logistic-regression');
  assert.equal(concept('\\langle a, b \\rangle^2 \\le \\langle a, a \\rangle \\langle b, b \\rangle'), 'cauchy-schwarz');
  assert.equal(concept('u_{m+1} = u_m - \\lambda g\'(u_m)'), 'gradient-descent');
  assert.equal(concept('\\hat{r} = \\arg\\max_{r} \\mathrm{ELBO}(r)'), 'elbo');
  assert.equal(concept('R(\\beta) = \\frac{1}{M} \\sum_{m=1}^{M} r_m(\\beta)'), 'empirical-risk');
  assert.equal(concept('O = \\mathrm{softmax}(S / \\sqrt{d_k}) V'), 'scaled-dot-product-attention');
  // (λ times the weights alone is a decay, no gradient step.)
  assert.equal(concept('w \\leftarrow w - \\lambda w'), null);
});

test('∇_W E: E is the loss, W what it is differentiated with; the x before a step is the point it moves; w after the bar the parameters', () => {
  const tex = '\\nabla_{W} R = \\sum_{k=1}^{T} \\nabla_{W_k} R';
  assert.match(meaning(tex, 'R'), /loss/);
  assert.match(meaning(tex, 'W'), /weight/);
  assert.match(meaning('u_{m+1} = u_m - \\eta \\nabla g(u_m)', 'g'), /loss/);
  assert.match(meaning('x_{m+1} = x_m - \\eta \\nabla g(x_m)', 'x_m'), /point/);
  assert.match(meaning('P(y = c \\mid x, w) = \\frac{e^{w_c^\\top x}}{\\sum_j e^{w_j^\\top x}}', 'w'), /parameters/);
});

test('an intercept and slopes on the right of a formula with no letter defined on its left', () => {
  const tex = '\\log\\frac{q}{1 - q} = \\beta_0 + \\beta_1 u_1 + \\beta_2 u_2';
  assert.match(meaning(tex, '\u03b2_0'), /intercept/);
  assert.match(meaning(tex, '\u03b2_2'), /coefficient of u_2/);
});

test('a label compared with a prediction in a step, a likelihood or a closed form is the target; an activation\'s argument is its pre-activation', () => {
  assert.match(meaning('\\mathbf{w} = \\mathbf{w} + \\eta (t_m - o_m) \\mathbf{x}_m', 't_m'), /target/);
  assert.match(meaning('\\mathbf{w} = \\mathbf{w} + \\eta (t_m - o_m) \\mathbf{x}_m', 'o_m'), /prediction/);
  // (What the model's own formula defines is its output, not a label.)
  assert.doesNotMatch(meaning('y = \\beta_1 u + \\beta_0', 'y'), /target/);
  assert.match(meaning('g(s) = \\max(0, s)', 's'), /pre-activation/);
});

test('gates written Γ_f^{⟨t⟩}, a divergence with square brackets, 𝓛(θ, φ; x), a log-softmax defined, text-font logs', () => {
  assert.equal(concept('\\Gamma_o^{\\langle s \\rangle} = \\sigma(V_o[a^{\\langle s-1 \\rangle}, u^{\\langle s \\rangle}] + c_o)'), 'lstm');
  assert.equal(concept('\\Gamma_r^{\\langle s \\rangle} = \\sigma(V_r[a^{\\langle s-1 \\rangle}, u^{\\langle s \\rangle}] + c_r)'), 'gru');
  assert.equal(concept('D_{KL}[R(u \\mid v) \\Vert S(u)]'), 'kl-divergence');
  assert.equal(concept('D*{KL}[R \\, \\Vert \\, S]'), 'kl-divergence');
  assert.equal(concept('\\mathcal{L}(\\theta, \\phi; \\mathbf{v}) = \\mathbb{E}_{q_\\phi(\\mathbf{u} \\mid \\mathbf{v})}[\\log p_\\theta(\\mathbf{v} \\mid \\mathbf{u})] - D_{KL}(q_\\phi \\| p)'), 'elbo');
  assert.equal(concept('\\log \\mathrm{softmax}(s)_k = s_k - \\log \\sum_m e^{s_m}'), 'softmax');
  assert.equal(concept('-\\log \\mathrm{softmax}(s)_y'), 'cross-entropy');
  assert.equal(concept('R = -\\sum_{m} [ \\text{log} \\sigma(g^\\top e_m) + \\sum_{j=1}^{k} \\text{log} \\sigma(- g^\\top e_{j}) ]'), 'sgns');
  // (Gradients in code notation, da = Wᵀ dz, are no model's forward formula.)
  assert.equal(concept('da_{prev} = V_f^T d\\Gamma_f + V_o^T d\\Gamma_o'), null);
});

test('Γ gates, a hidden state written a^{⟨t−1⟩}, a Gaussian\'s mean and spread, a word w_{i−1} after the bar', () => {
  const gate = '\\Gamma_f^{\\langle s \\rangle} = \\sigma(V_f[a^{\\langle s-1 \\rangle}, u^{\\langle s \\rangle}] + c_f)';
  assert.match(meaning(gate, '\u0393_f^{(s)}'), /forget gate/);
  assert.match(meaning('\\mathcal{N}(m(V), S(V))', 'm(V)'), /mean of the Gaussian/);
  assert.match(meaning('r(u \\mid v) = \\mathcal{N}(u; \\mu, \\sigma^2 I)', '\u03c3'), /standard deviation/);
  assert.doesNotMatch(meaning('p(w_1, \\dots, w_T) = \\prod_i p(w_i \\mid w_{i-1}, \\dots, w_{i-n+1})', 'w_{i\u22121}'), /parameters/);
});

test('one label\'s Bernoulli probability under a predicted one, P(y | x) = a^y (1 − a)^{1−y}, is logistic regression; with a product it is the likelihood', () => {
  assert.equal(concept('P(t_m \\mid u_m; \\beta) = g_m^{t_m} (1 - g_m)^{1 - t_m}'), 'logistic-regression');
  assert.equal(concept('p(t \\mid u) = \\hat{t}^{t} (1 - \\hat{t})^{1 - t}'), 'logistic-regression');
  assert.notEqual(concept('L(\\beta) = \\prod_{m} g_m^{t_m} (1 - g_m)^{1 - t_m}'), 'logistic-regression');
});

test('a sigmoid or softmax of one linear layer named as code names it is a linear classifier', () => {
  assert.equal(concept('\\hat{t} = sigmoid(Linear(e_{cls}))'), 'logistic-regression');
  assert.equal(concept('q = \\mathrm{softmax}(\\mathrm{fc}(g))'), 'softmax-regression');
});

test('x_{i+1} = x_i − α∇f(x_i) steps a point, not through examples; μ as a step size; log Z ≥ E_q[…] with \\E', () => {
  assert.equal(concept('u_{k+1} = u_k - \\eta \\nabla g(u_k)'), 'gradient-descent');
  assert.equal(concept('x_{i+1} = x_i - \\eta \\nabla g(x_i)'), 'gradient-descent');
  assert.equal(concept('v_{jk} = v_{jk} - \\mu \\frac{\\partial R}{\\partial v_{jk}}'), 'gradient-descent');
  assert.equal(concept('\\log Z(\\beta) \\geq \\E_{r(u)} [ \\log g(u) - \\log r(u) ]'), 'elbo');
});

test('a slope and an intercept written a x + b in a linear model; the net input net_j; a tie inside a font command', () => {
  // (The recogniser's reading: with no sentence beside it the learned model may doubt so short a line, which is then unsure.)
  assert.match(meaning('\\hat{y} = a x + b', 'a', { learned: false }), /slope/);
  assert.match(meaning('\\frac{\\partial E}{\\partial w_{jk}} = \\frac{\\partial E}{\\partial net_k} \\frac{\\partial net_k}{\\partial w_{jk}}', 'net_k'), /net input/);
  assert.equal(concept('\\mathrm{o}_{t} = g(V \\mathrm{~s}_{t})'), concept('o_t = g(V s_t)'));
});

test('a product of derivatives through a quantity at one step and the step before is backpropagation through time', () => {
  assert.equal(concept('\\frac{\\partial R}{\\partial g_{k-1}} = \\frac{\\partial R}{\\partial g_k} \\frac{\\partial g_k}{\\partial g_{k-1}}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial R}{\\partial u} = \\frac{\\partial R}{\\partial g} \\frac{\\partial g}{\\partial u}'), 'chain-rule');
});

test('the log of the likelihood of parameters, log L(θ) or ln P(data; θ), written out is maximum likelihood', () => {
  assert.equal(concept('\\ln L(\\beta) = \\sum_{m} [t_m \\ln g_m + (1 - t_m) \\ln (1 - g_m)]'), 'maximum-likelihood');
  // (Written out with its squared differences it is no squared-error loss, nor a negative log-likelihood.)
  assert.ok(!['mse', 'negative-log-likelihood'].includes(String(concept('\\ln P(u_1, \\dots, u_n; m, s) = -n \\ln s - \\frac{1}{2 s^2} \\sum_k (u_k - m)^2'))));
});

test('TeX escaped twice by a blog export (\\\\theta, \\_, \\*, \\\\\\\\) and full-width brackets read as TeX', () => {
  assert.equal(concept('\\\\beta\\_k = \\\\beta\\_k - \\\\eta \\\\frac {\\\\partial R(\\\\beta)} {\\\\partial \\\\beta\\_k}'), 'gradient-descent');
  assert.equal(concept('q\\_i= \\\\frac{e^{s\\_i}}{\\\\sum\\_m e^{s\\_m}}'), 'softmax');
  assert.equal(concept('g(u) = \\begin{cases} u, & u > 0 \\\\\\\\ 0, & u \\leq 0 \\\\\\\\ \\end{cases}'), 'relu');
  assert.equal(concept('P（H|E）＝\\frac{P(E|H)P(H)}{P(E)}'), 'bayes-rule');
  // A genuine line break beside single-backslash commands is left alone.
  assert.equal(concept('\\begin{aligned} z &= W u + c \\\\ \\end{aligned}'), concept('z = W u + c'));
});

test('a whole formula typed inside one \\mathrm box is the formula', () => {
  assert.equal(concept('\\mathrm{S[n,k] = \\sum_{p=1}^{5} {(A[n,p] \\times V[p,k])} + c[k]}', 'the layer computes'), concept('S[n,k] = \\sum_{p=1}^{5} {(A[n,p] \\times V[p,k])} + c[k]', 'the layer computes'));
  assert.equal(concept('\\mathrm{softmax}'), null);
});

test('a sum weighted by a weight letter w is a layer, not attention; an error passed back through w is no attention either', () => {
  assert.notEqual(concept('u_m^{(k)} = \\sum_{n} w_{m,n}^{(k)} h_n^{(k-1)} + c_m^{(k)}'), 'attention');
  assert.notEqual(concept('(V^{(k)})^\\top e^{(k)} = \\sum_{m} w^{(k)}_{m} e^{(k)}_{m}'), 'attention');
  // α-weighted sums of states still are.
  assert.equal(concept('c_t = \\sum_{j} \\alpha_{tj} h_j'), 'attention');
});

test('no reconstruction without the input itself: y(x) − a(x) is a target against a prediction; a chain of layers compares nothing', () => {
  assert.notEqual(concept('E = \\frac{1}{2m} \\sum_{u} \\|t(u) - o^K(u)\\|^2'), 'autoencoder');
  assert.notEqual(concept('g(u) = g_K(\\dots g_2(g_1(u))\\dots)'), 'autoencoder');
  assert.equal(concept('L = \\|x - g(f(x))\\|^2'), 'autoencoder');
});

test('∇_0 = ∇_1 stores a gradient; cases chosen by index equality are a Jacobian; a derivative equal to 1/0 is no step function', () => {
  assert.equal(concept('\\nabla_0 = \\nabla_1'), null);
  assert.equal(concept('\\frac{\\partial a_{p}}{\\partial u_{m}} = \\begin{cases} 0, & p \\neq m \\\\ g\'(u_p), & p = m \\end{cases}'), null);
  assert.notEqual(concept('\\psi^{\\prime}(u) = \\begin{cases} 1, & u \\geq 0 \\\\ 0, & u < 0 \\end{cases}'), 'step-function');
  assert.notEqual(concept("g'_{relu}(u) = \\begin{cases} 1 & u \\geq 0 \\\\ 0 & u < 0 \\end{cases}"), 'step-function');
  assert.equal(concept('g(u) = \\begin{cases} 1, & u \\geq 0 \\\\ 0, & u < 0 \\end{cases}'), 'step-function');
});

test('penalties: a weight written a, a letter naming the penalty, weight decay in the update; a lone norm is no penalty', () => {
  assert.equal(concept('\\min_{w} \\frac{1}{2n}||Aw-b||_2^2 + a||w||_1'), 'regularization');
  assert.equal(concept('a||w||_2^2'), 'regularization');
  assert.equal(concept('R = \\lambda \\sum_{w}{|w|}'), 'regularization');
  assert.equal(concept('w_k := w_k(1 - \\eta \\frac{\\lambda}{n}) - \\eta \\frac{1}{n}\\sum_{i=1}^{n}(f(u_i) - t_i)u_{ik}'), 'regularization');
  assert.notEqual(concept('||w||'), 'regularization');
  assert.equal(concept('||u||_1 = |u_1| + \\dots + |u_n| = \\sum_{i}|u_i|'), 'norms');
  // The separator of a divergence is not a norm's bars.
  assert.equal(concept('D_{KL}(p||q) + D_{KL}(q||p)') === 'norms', false);
});

test('a recurrent network subscripted as an encoder or a decoder is the encoder–decoder', () => {
  assert.equal(concept('s_j = \\mathrm{GRU}_{dec}(e(y_{j-1}), s_{j-1})'), 'seq2seq');
  assert.equal(concept('H = \\text{LSTM}^{\\text{enc}}(E(U), g_0)'), 'seq2seq');
  assert.equal(concept('s_j = \\mathrm{GRU}(e(y_{j-1}), s_{j-1})'), 'gru');
});

test('Attention(Q, K, V) without a scale is not scaled dot-product attention; a bare "Attention" lets the heading say which', () => {
  assert.notEqual(concept('\\text{Attention}(Q,K,V) = \\text{softmax}(QK^\\top)V'), 'scaled-dot-product-attention');
  assert.equal(concept('\\text{Attention}(Q,K,V) = \\text{softmax}(\\frac{QK^\\top}{\\sqrt{d}})V'), 'scaled-dot-product-attention');
  assert.equal(recognise('\\text{Attention}(U) = \\text{softmax}(UU^\\top)U', { heading: 'Self-attention', before: 'written out:' }).concept, 'self-attention');
});

test('a layer activation with the activation named is that activation; numbered layers with no input are no recurrence', () => {
  assert.equal(concept('b^{[2]}_{3} = \\sigma (u^{[2]}_{3})'), 'sigmoid');
  assert.equal(concept('B^{[1]} = g^{[1]}(U^{[1]}) = \\tanh (U^{[1]})'), 'tanh');
  assert.equal(concept('b^{(2)} = f(u^{(2)}) = \\text{ReLU}(u^{(2)})'), 'relu');
  // (With a generic g it is the nonlinearity completing layer l: the affine layer's output.)
  assert.equal(concept('b^{[l]} = g^{[l]}(u^{[l]})'), 'affine-layer');
  // (Written with the layer's affine step from the layer below, it is the network's forward pass.)
  assert.equal(concept('\\begin{align} z^{(l)} &= W^{(l)} v^{(l-1)} \\\\ v^{(l)} &= \\varphi(z^{(l)}) \\end{align}'), 'mlp');
  assert.notEqual(concept('g^{(3)} = \\tanh(V^{(3)} g^{(2)} + c^{(3)})'), 'rnn');
  assert.equal(concept('g_t = \\tanh(V g_{t-1} + U x_t + c)'), 'rnn');
});

test('gate lines in a block with the cell line are the cell', () => {
  const lstm = '\\begin{align} s_t &= q_t \\odot \\tanh(m_t) \\\\ m_t &= f_t \\odot m_{t-1} + i_t \\odot \\tilde m_t \\\\ \\tilde m_t &= \\tanh(\\mathrm{fc}_{m}(u_t,s_{t-1})) \\\\ i_t &= \\sigma(\\mathrm{fc}_{i}(u_t,s_{t-1})) \\\\ f_t &= \\sigma(\\mathrm{fc}_{f}(u_t,s_{t-1})) \\\\ q_t &= \\sigma(\\mathrm{fc}_{q}(u_t,s_{t-1})) \\end{align}';
  assert.equal(concept(lstm), 'lstm');
});

test('∂C / ∂W typed with a slash is a derivative; perplexity as the N-th root of 1/Π P needs no minus', () => {
  assert.equal(concept('V_{2_{new}} = V_{2_{old}} - \\alpha \\cdot \\partial R / \\partial V_2'), 'gradient-descent');
  assert.equal(concept('= \\sqrt[m]{\\frac{1}{\\prod_{j=1}^{m}{P(u_j|u_1,\\cdots,u_{j-1})}}}'), 'perplexity');
});

test('logistic regression in the logit, y s − log(1 + e^s): a log-likelihood, and with a minus in front the log-loss', () => {
  assert.equal(concept('R(w) = -\\frac{1}{n}\\sum_{k=1}^n\\{y_k w^\\top u_k - \\log(1+\\exp(w^\\top u_k))\\}'), 'binary-cross-entropy');
  assert.equal(concept('\\ell(w) = \\sum_{k=1}^n \\left[ y_k w^\\top u_k - \\log(1+e^{w^\\top u_k}) \\right]'), 'maximum-likelihood');
});

test('formulas from outside the catalog that borrow its shapes claim nothing', () => {
  // A graph convolution's D^{−1/2} normalises an adjacency: no perplexity.
  assert.notEqual(concept('H^{(k+1)} = \\sigma(D^{-1/2}(A+I)D^{-1/2} H^{(k)} V^{(k)})'), 'perplexity');
  // PPO's clip(r, 1 − ε, 1 + ε) is no hard tanh; clip(x, −1, 1) is.
  assert.notEqual(concept('J = \\mathbb{E}[\\min(r_t A_t, \\mathrm{clip}(r_t, 1-\\epsilon, 1+\\epsilon) A_t)]'), 'hardtanh');
  assert.equal(concept('g(u) = \\mathrm{clip}(u, -1, 1)'), 'hardtanh');
  // A GAN's game, a change of variables, a Bayesian network's factors, a posterior's mode.
  assert.equal(concept('\\min_G \\max_D V(D, G) = \\mathbb{E}_{u}[\\log D(u)] + \\mathbb{E}_{s}[\\log(1 - D(G(s)))]'), null);
  assert.equal(concept('\\log p_U(u) = \\log p_S(s_0) - \\sum_{k=1}^K \\log|\\det J_{g_k}(s_{k-1})|'), null);
  assert.equal(concept('p(u) = \\prod_{j=1}^m p(u_j \\mid \\mathrm{Pa}(u_j))'), null);
  assert.equal(concept('\\hat{w}_{\\text{MAP}} = \\arg\\max_{w} \\left[ \\log p(D | w) + \\log p(w) \\right]'), null);
  // (With an L2 penalty the posterior's mode is the regularised objective.)
  assert.equal(concept('\\hat{w} = \\arg\\min_{w} \\left[ \\|t - Aw\\|^2 + \\lambda \\|w\\|^2 \\right]'), 'regularization');
  // Newton's step multiplies by an inverse second derivative: no chain rule.
  assert.notEqual(concept('V_{1} = V_0 - \\left[ \\frac{\\partial^{2}g(V_0)}{\\partial V^{2}}\\right]^{-1}\\left[ \\frac{\\partial g(V_0)}{\\partial V}\\right]'), 'chain-rule');
  // X + MultiHeadAttention(X) is the residual connection around it.
  assert.notEqual(concept("U' = U + \\text{MultiHeadAttention}(U)"), 'multi-head-attention');
});

test('squared differences are the group\'s own; a covariance is no residual; a lone letter on the left names the log-odds', () => {
  assert.notEqual(concept('g(s)(1-g(s)) = \\frac{e^{-s}}{(1+e^{-s})^2}'), 'mse');
  assert.notEqual(concept('S_k = \\frac{\\sum_n r_{nk} (u_n-\\mu_k)(u_n-\\mu_k)^\\top}{\\sum_n r_{nk}}'), 'mse');
  assert.equal(concept('\\eta = \\log \\frac{q}{1-q}'), null);
  assert.equal(concept('\\log \\frac{q}{1-q} = w^\\top u'), 'logistic-regression');
});

test('a weighted sum plus a bias is a neuron; layer ℓ + 1 from layer ℓ is no recurrence', () => {
  assert.notEqual(concept('s = \\sum_j \\alpha_j u_j + \\beta'), 'attention');
  assert.notEqual(concept('g_v^{(\\ell+1)} = \\sigma(V^{(\\ell)}[g_v^{(\\ell)} ; m_v^{(\\ell)}])'), 'rnn');
});

test('the words name a concept in the note\'s own language: Japanese, Russian, German, French, Spanish, Italian', () => {
  const σ = '\\hat{o}=\\sigma(v^\\top x + b),\\quad \\sigma(s)=\\frac{1}{1+e^{-s}}';
  assert.notEqual(concept(σ), 'logistic-regression');
  assert.equal(concept(σ, '4.1 Логистическая регрессия как нейрон'), 'logistic-regression');
  assert.equal(concept(σ, 'La régression logistique'), 'logistic-regression');
  assert.equal(concept(σ, 'ロジスティック回帰のモデル'), 'logistic-regression');
  assert.equal(concept('\\mathcal{L} = -\\frac{1}{n} \\sum_{k} \\left[ t_k \\log q_k + (1 - t_k) \\log(1 - q_k) \\right]', "L'entropie croisée binaire"), 'binary-cross-entropy');
  // (A fully connected network is the network, a fully connected layer the layer.)
  const net = '\\begin{aligned} g &= f(V_1 u + c_1),\\\\ s &= V_2 g + c_2,\\\\ q &= \\operatorname{softmax}(s) \\end{aligned}';
  assert.equal(concept(net, 'Полносвязная сеть (1 скрытый слой)'), 'mlp');
});

test('the chain rule over the words of a sentence is a language model; over events it stays the rule of probability', () => {
  assert.equal(concept('P(w_1,w_2,\\cdots,w_m)=P(w_1)P(w_2|w_1)P(w_3|w_1, w_2)\\cdots P(w_m|w_1,\\cdots,w_{m-1})'), 'language-model');
  assert.equal(concept('P(u_1,u_2,\\cdots,u_m)=P(u_1)P(u_2|u_1)P(u_3|u_1, u_2)\\cdots P(u_m|u_1,\\cdots,u_{m-1})'), 'probability-chain-rule');
  assert.equal(concept('P(A, B) = P(A|B)P(B)', '언어 모델'), 'probability-chain-rule');
  // A joint probability on its own names a quantity.
  assert.equal(concept('P(w_1, w_2, ..., w_T)', 'языковая модель'), null);
});

test('Adam named in the words; a whole history from step 0; gates named in the formula; R_emp; an error passed back in code notation', () => {
  assert.equal(concept('v_t \\leftarrow \\beta_2 v_{t-1} + (1-\\beta_2)(\\nabla_{w} R(w))^2', 'Adam keeps moving averages; SGD does not'), 'adam');
  assert.equal(concept('P(\\mathbf{U}) = P(\\mathbf{u}_{0}) \\prod_{j=1}^{n} P(\\mathbf{u}_{j}|\\mathbf{U}_{[0,j-1]})'), 'language-model');
  assert.equal(concept('m^{(t)} = \\underbrace{r^{(t)}}_{\\substack{\\text{forget} \\\\ \\text{gate}}} \\circ m^{(t-1)} + \\underbrace{k^{(t)}}_{\\text{input gate}} \\circ u^{(t)}'), 'lstm');
  assert.equal(concept('\\hat{g} = \\underset{g \\in \\mathcal{G}}{\\arg\\min} R_{\\text{emp}}(g)'), 'empirical-risk');
  assert.equal(concept("dA^{[1]} = V^{[2]T} dA^{[2]} * f^{[1]'}(A^{[1]})"), 'chain-rule');
});

test('softmax(QKᵀ)V alone is dot-product attention; queries and keys projected from one input are self-attention', () => {
  assert.equal(concept('\\mathrm{softmax}(QK^\\top)V'), 'attention');
  assert.equal(concept('O = \\mathrm{softmax}(UW_Q (UW_K)^\\top) UW_V'), 'self-attention');
});

test('a squared difference inside a derivative\'s algebra is no error: an error is summed, averaged or named a loss', () => {
  assert.notEqual(concept("g'(s) = \\frac{(e^s + e^{-s})^2 - (e^s - e^{-s})^2}{(e^s + e^{-s})^2}"), 'mse');
  assert.equal(concept('R = \\frac{1}{n}\\sum_{k=1}^{n}(t_k - o_k)^2'), 'mse');
});

test('f(x) = Wx + b with a weight matrix is a layer named by its function letter', () => {
  assert.equal(concept('g(\\mathbf{u})=\\mathbf{V}\\mathbf{u} + \\mathbf{c}'), 'affine-layer');
  // (Without a matrix, h_θ(x) = Σ θ_j x_j, it is no layer.)
  assert.notEqual(concept('h_\\theta(x) = \\sum_{j=0}^{n} \\theta_j x_j = \\theta^T x'), 'affine-layer');
});

test('LogSoftmax and LogSigmoid are other functions; a dot product defined; an error term δ; a Gaussian\'s exponent', () => {
  assert.equal(concept('\\text{LogSoftmax}(u_k) = \\log\\left(\\frac{\\exp(u_k)}{\\sum_j \\exp(u_j)}\\right)', 'the softmax, then its log'), null);
  assert.equal(concept('\\mathbf{u} \\cdot \\mathbf{v} := \\sum_{k=1}^n u_k v_k'), null);
  assert.equal(concept('\\mathbf{u} \\cdot \\mathbf{v} = u_1 v_1 + \\cdots + u_n v_n'), null);
  assert.notEqual(concept('\\delta_{o,t}=\\delta_{t}\\circ \\tanh(m_{t})\\circ q_{t}\\circ(1-q_{t})'), 'lstm');
  assert.notEqual(concept('\\log p(t \\mid u) = \\log\\left[\\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{(t - w^\\top u)^2}{2\\sigma^2}}\\right]'), 'mse');
  // (`MSE loss` names the loss.)
  assert.equal(concept('\\text{MSE loss} = \\frac{1}{n}\\sum_{k=1}^{n} (t_k - \\hat{t}_k)^2', 'the mean squared error'), 'mse');
});

test('distances, tanh\'s derivative in any letter, a batch by name, a class given the input, per-layer weights', () => {
  assert.equal(concept('d(u,v) = \\sqrt{\\sum_{k=1}^{n} (u_k - v_k)^2}'), 'norms');
  assert.notEqual(concept('\\text{RMSE} = \\sqrt{\\frac{1}{n} \\sum_{k=1}^{n} (t_k - \\hat{t}_k)^2}'), 'norms');
  assert.equal(concept("\\phi'(u) = 1-\\phi^{2}(u)"), 'tanh');
  assert.equal(concept('w := w - \\eta \\frac{1}{b} \\sum_{k \\in \\text{batch}} (f(x^{(k)}) - t^{(k)}) x^{(k)}'), 'minibatch-sgd');
  assert.equal(concept('P(y=j|X) = \\frac{e^{s_j}}{\\sum_{m=1}^{M} e^{s_m}}'), 'softmax-regression');
  assert.equal(concept('p(y = c \\mid \\mathbf{s}) = \\frac{e^{s_c}}{\\sum_{c\'} e^{s_{c\'}}}'), 'softmax');
  assert.notEqual(concept('\\mathbf{g}_{m} = f(V^m \\, \\mathbf{g}_{m-1} + \\mathbf{c}^m)'), 'rnn');
});

test('the delta rule ΔW = η δ xᵀ; a net input named in bold; H(p, q) defined; plain TeX\'s \\over', () => {
  assert.equal(concept('\\Delta V_{jk} = \\eta \\, (t_k - o_k) \\, g_j'), 'gradient-descent');
  assert.equal(concept('\\textbf{net}_\\mathbf{o} = V \\, \\mathbf{g} + \\mathbf{c}'), 'affine-layer');
  assert.equal(concept('H_m(P, Q)=-\\sum_{u}{P(u)\\log{Q(u)}}'), 'cross-entropy');
  assert.equal(concept('g(s) = {1} \\over {1+e^{-s}}'), 'sigmoid');
});

test('definitions side by side on one line, and a dimension written beside a definition', () => {
  assert.equal(concept('z_1 = W_1 v + b_1 \\quad (W_1 \\in \\mathbb{R}^{4 \\times 3})'), 'affine-layer');
  assert.equal(concept('g(u) = u \\cdot a + c \\qquad g : \\mathbb{R}^{m} \\to \\mathbb{R}'), 'linear-regression');
  assert.equal(concept('s_j = c_j + \\sum_{k=1}^{m} v_{j,k} u_k \\qquad o_j = g(s_j)'), 'affine-layer');
  assert.equal(concept('q_t = \\text{GRU}_{\\text{enc}}(u_t, q_{t-1}), \\quad m = q_N'), 'seq2seq');
  // A condition or an equation number keeps the formula whole: `i = j` qualifies the derivative, it defines nothing.
  assert.notEqual(concept('\\frac{\\partial s_j}{\\partial u_k} = s_k(1 - s_k), \\quad k = j'), 'sigmoid');
});

test('gradient steps written as a map (plain, long or dashed arrow), with ∂ before the loss, with grad, as a call of the step, or climbing', () => {
  assert.equal(concept('u \\rightarrow u - \\mu \\nabla g'), 'gradient-descent');
  assert.equal(concept('u \\dashrightarrow u - \\mu \\nabla g'), 'gradient-descent');
  assert.equal(concept('u \\longrightarrow u - \\mu \\nabla g'), 'gradient-descent');
  assert.equal(concept('\\phi^{(s+1)} = \\phi^{(s)} - \\mu \\partial J(\\phi^{(s)})'.replace(/s\+1/, 'k+1').replace(/\(s\)/g, '(k)')), 'gradient-descent');
  assert.equal(concept('β ← β - α \\operatorname{grad} g'), 'gradient-descent');
  assert.equal(concept('v(t+1) = v(t) - \\mu \\nabla J(v)'), 'gradient-descent');
  assert.equal(concept('\\phi \\leftarrow \\phi + \\eta \\nabla_\\phi \\ell(\\phi)'), 'gradient-descent');
  // A map from one space to another is not a step.
  assert.equal(concept('g : \\mathbb{R}^m \\to \\mathbb{R}'), null);
});

test('a matrix times a vector written with ×, and a call whose sized brackets sit in braces', () => {
  assert.equal(concept('\\mathbf{f}_t = \\sigma(U_f \\times [\\mathbf{s}_{t-1}; \\mathbf{u}_t] + \\mathbf{c}_f)'), 'lstm');
  assert.equal(concept('\\mathbf{s}_t = \\tanh(U_u \\times \\mathbf{u}_t + U_s \\times \\mathbf{s}_{t-1} + \\mathbf{c})'), 'rnn');
  assert.equal(concept('\\mathbf{r} = \\sigma{\\left( \\mathbf{u}_{t} \\mathbf{V}_{u}^{(\\mathbf{r})} + \\mathbf{s}_{t-1} \\mathbf{V}_{s}^{(\\mathbf{r})} + \\mathbf{c}^{(\\mathbf{r})} \\right)} \\quad', 'GRU reset gate'), 'gru');
  // Dimensions keep their ×.
  assert.equal(recognise('V \\in \\mathbb{R}^{N \\times d}').concept, null);
});

test('a one-letter function applied to a layer\'s weighted sum is explained as the activation function', () => {
  const f = explainFormula('s = g(V u + c)').symbols.find((x) => x.symbol === 'g');
  assert.match(f?.meaning ?? '', /activation function/);
  // Outside a network a one-letter function stays, by the grammar alone, a function of its argument.
  const r = explainFormula('R = g(S)', { roles: false }).symbols.find((x) => x.symbol === 'g');
  assert.doesNotMatch(r?.meaning ?? '', /activation function/);
});

test('a long assignment arrow, the sign step with ±1 cases, Adam\'s moments of dW or a derivative, momentum named', () => {
  assert.equal(concept('\\boldsymbol{u} \\longleftarrow \\boldsymbol{u} - \\mu \\cfrac{\\partial E}{\\partial \\boldsymbol{u}}'), 'gradient-descent');
  assert.equal(concept('o = \\psi(s) = \\begin{cases} 1 & (s \\ge 0) \\\\ -1 & (s \\lt 0) \\end{cases}'), 'step-function');
  assert.equal(concept('o = \\text{sign}(\\langle v, u_j \\rangle + c).'), 'step-function');
  assert.equal(concept('m_{dV} = \\beta_1 m_{dV} + (1 - \\beta_1) dV', 'Adam'), 'adam');
  assert.equal(concept('r_{k+1} = \\beta_2 r_k + (1 - \\beta_2)\\left(\\frac{dJ}{du}\\right)^2', 'Adam'), 'adam');
  // A plain β averaging dW is momentum, and a sentence about momentum names a method outside the catalog.
  assert.equal(concept('m_{dV} = \\beta m_{dV} + (1 - \\beta) dV'), null);
  assert.equal(concept('\\mathbf m_k = \\beta \\mathbf m_{k-1} + (1 - \\beta) \\mathbf g_k', 'Gradient descent with momentum keeps a running average'), null);
});

test('a hypothesis of the input is the classifier; scaled weights of one query; a convolution; ReLU\'s derivative as a fraction', () => {
  assert.equal(concept('g(x; \\beta, \\beta_0) = \\sigma(\\beta^T x + \\beta_0)'.replace(/^g/, 'h')), 'logistic-regression');
  assert.equal(concept('f(x)=\\frac{1}{1+e^{-v^{T}x}}'), 'logistic-regression');
  // A hidden unit written as a letter stays a neuron.
  assert.equal(concept('h = \\sigma(w^T x + b)', 'each neuron of the hidden layer'), 'affine-layer');
  assert.equal(concept('w_r = \\text{softmax}\\left(\\frac{[q_r^T k_1, \\dots, q_r^T k_m]}{\\sqrt{d}}\\right)'), 'scaled-dot-product-attention');
  assert.equal(concept('s_r = \\sum_{j} \\mathrm{softmax}_j\\left(\\frac{\\mathbf{q}_r \\cdot \\mathbf{k}_j}{\\sqrt{d}}\\right) \\mathbf{v}_j'), 'self-attention');
  assert.equal(concept('o_i = \\sum_j u_j \\star v_{ij} + c_i'), null);
  // (The ReLU's slope, not the step function it equals.)
  assert.equal(concept('\\frac{\\partial a}{\\partial s} = \\begin{cases} 1, & s > 0 \\\\ 0, & s < 0 \\end{cases}'), 'relu');
  // The loss of the true class y^⋆ is no convolution.
  assert.equal(concept('L = -\\sum_{k} y_k \\log p(y=k \\mid x) = -\\log p(y^\\star \\mid x)'), 'cross-entropy');
});

test('the function an activation\'s own formula defines is explained as that activation function', () => {
  for (const [tex, fn, title] of [['g(u) = \\max(0, u)', 'g', /ReLU/], ['k(s) = \\frac{1}{1+\\exp(-s)}', 'k', /Sigmoid/]] as const) {
    const letter = explainFormula(tex).symbols.find((x) => x.symbol === fn)!;
    assert.match(letter.meaning, /activation function/, tex);
    assert.match(letter.meaning, title, tex);
  }
  // A probability defined as a softmax stays a probability.
  const p = explainFormula('P(c \\mid u) = \\mathrm{softmax}(V u)_c').symbols.find((x) => x.symbol === 'P');
  assert.doesNotMatch(p?.meaning ?? '', /activation function/);
});

test('a penalty whose size bars hold an indexed parameter, and a penalised loss closed by a comma', () => {
  assert.equal(concept('\\gamma \\sum_k |\\beta_k|'), 'regularization');
  assert.equal(concept('\\Omega(\\boldsymbol{\\theta}) = \\lambda \\displaystyle \\sum_k |\\theta_k|'), 'regularization');
  assert.equal(concept('J(\\beta) = \\|t - A \\beta\\|^2_2 + \\gamma \\|\\beta\\|^2_2,'), 'regularization');
  // A distance between data points is no penalty.
  assert.equal(concept('\\gamma \\sum_k |u_k - v_k|'), null);
});

test('a matrix dotted with a matrix, a call whose bracket sits in braces, a loss or cost named by its word', () => {
  assert.equal(concept('S^{[k]} = V^{[k]} \\cdot H^{[k-1]} + c^{[k]}'), 'affine-layer');
  assert.equal(concept('H^{[k]} = \\sigma{(V^{[k]} U + c^{[k]})}'), 'affine-layer');
  assert.equal(concept('R(v, c) = \\frac{1}{n}\\sum_{j = 1}^{n} Loss(\\hat{t}, t)'), 'empirical-risk');
  assert.equal(concept('Q(\\beta) = \\frac{1}{n} \\sum_{j = 1}^n Cost(g_\\beta(u^{(j)}, t^{(j)}))'), 'empirical-risk');
  // A dot between lower-case vectors stays a dot product.
  assert.notEqual(concept('s = \\mathbf{u} \\cdot \\mathbf{v}'), 'affine-layer');
});

test('a preamble\'s shorthands read by convention when the note does not define them; a text box around a font switch; \\vert pairs', () => {
  assert.equal(normaliseTex('s_j = g\\left( \\dotp{\\vu_j}{\\vz} \\right)'), 's_j = g\\left( {\\mathbf{u}_j}^\\top {\\mathbf{z}} \\right)');
  assert.equal(concept('\\norm{\\vu}_q = \\left( \\sum_k \\ab{u_k}^q \\right)^{\\frac 1 q}'), 'norms');
  assert.equal(concept('\\left\\vert\\left\\vert \\mathbf{u} \\right\\vert\\right\\vert_q = \\left( \\sum_k \\left\\vert u_k \\right\\vert^q \\right)^{1/q}'), 'norms');
  assert.match(normaliseTex('\\text{\\bf V} \\mathbf{u}'), /^\\mathbf\{V\}/);
  // Known commands keep their meaning: \vb is bold, \Delta is Δ, \si{…} is not σ.
  assert.match(normaliseTex('\\vb{u} + \\Delta{V}'), /\\vb\{u\} \+ \\Delta\{V\}/);
  // `\boldx`, `\boldW`, `\bolddelta` undefined: bold letters; `\boldsymbol` and a longer name are left alone.
  assert.equal(normaliseTex('\\hat{\\boldy} = f(\\boldx \\boldW + \\boldb)'), '\\hat{\\mathbf{y}} = f(\\mathbf{x} \\mathbf{W} + \\mathbf{b})');
  assert.equal(normaliseTex('\\bolddelta^{(l)} + \\boldsymbol{x} + \\boldface'), '\\boldsymbol{\\delta}^{(l)} + \\boldsymbol{x} + \\boldface');
  assert.equal(concept('\\boldh_t = \\tanh(\\boldW \\boldh_{t-1} + \\boldU \\boldx_t + \\boldb)'), 'rnn');
  // A data matrix's entries summed against the weights are a product, not attention.
  assert.notEqual(concept('s_n = \\sum_k X_{n,k} v_k'), 'attention');
});

test('a cell updated with dots, a GRU step with Γ and a primed candidate, plurals naming the model, role words in plural', () => {
  assert.equal(concept('S_t = g_t \\cdot S_{t-1} + j_t \\cdot \\tilde{S}_t'.replace(/g_t/, 'f_t').replace(/j_t/, 'i_t')), 'lstm');
  assert.equal(concept('s^{<t>} = (1 - \\Gamma_u) * s^{<t-1>} + \\Gamma_u * s\'^{<t>}'), 'gru');
  assert.equal(concept('\\Gamma_u = \\sigma(V_u [s^{<t-1>}, u^{<t>}] + c_u)', 'How GRUs compute the gate'), 'gru');
  assert.equal(concept('\\Gamma_u = \\sigma(V_u [s^{<t-1>}, u^{<t>}] + c_u)', 'How LSTMs compute the gate'), 'lstm');
  assert.equal(concept('\\text{scores} = \\frac{Q_d K_e^T}{\\sqrt{d_k}}'), 'scaled-dot-product-attention');
  // A dot product of plain letters is no cell.
  assert.notEqual(concept('c = a \\cdot b + d \\cdot e'), 'lstm');
});

test('a forward recurrence in a section on BPTT stays the recurrence; only a derivative there is BPTT', () => {
  assert.equal(concept('s^t = g(V_{(in)} u^t + V s^{t-1} + c)', 'The mathematical description of BPTT'), 'rnn');
  assert.equal(concept('\\frac{\\partial E}{\\partial V} = \\sum_{k=1}^{t} \\frac{\\partial E}{\\partial s^t} \\frac{\\partial s^t}{\\partial s^k} \\frac{\\partial s^k}{\\partial V}', 'The mathematical description of BPTT'), 'backpropagation-through-time');
});

test('slides that mark vectors and matrices with arrows (→θ, ⇉W), ≝ as a definition, and amsmath\'s capital accents', () => {
  assert.equal(normaliseTex('→β ← →β - μ ∇_{→β} J(→β)'), 'β ← β - μ ∇_{β} J(β)');
  assert.equal(concept('→s^{(t)} = \\tanh(⇉A→s^{(t-1)} + ⇉B→u^{(t)} + →c).'), 'rnn');
  // An arrow between two spaces or after a letter, without the convention's double arrow, stays an arrow.
  assert.equal(normaliseTex('g: U→V'), 'g: U→V');
  assert.equal(concept('\\Tilde{s}^t = \\phi(\\Tilde{A}s^{t+1} + \\Tilde{B}u^t)'), concept('\\tilde{s}^t = \\phi(\\tilde{A}s^{t+1} + \\tilde{B}u^t)'));
});

test('likelihoods of any parameters, a Bernoulli\'s closed form, a log-likelihood named through log L, a product as \\Pi', () => {
  assert.equal(concept('L(\\mu, \\tau^2; \\mathbf{U}) = \\prod_{j=1}^{n} P(u_j ; \\mu, \\tau^2)'), 'maximum-likelihood');
  assert.equal(concept('\\mathcal{L}(\\beta) = \\beta^m (1 - \\beta)^{n-m}'), 'maximum-likelihood');
  assert.equal(concept('L(p) = \\Pi_{j=1}^n p^{u_j} (1-p)^{(1-u_j)}'), 'maximum-likelihood');
  assert.equal(concept('\\ell(\\beta; \\mathbf{U}) = \\log L(\\beta; \\mathbf{U}) = \\sum_{j=1}^{n} \\log P(u_j ; \\beta)'), 'maximum-likelihood');
  // A polynomial of a letter is no likelihood.
  assert.notEqual(concept('g(\\phi) = \\phi^2 + 3\\phi'), 'maximum-likelihood');
});

test('the physics package\'s derivatives, \\given and \\grad by convention, zero-width characters, a reconstruction through two maps', () => {
  assert.equal(normaliseTex('\\pdv{e}{u} = \\dv{e}{t}'), '\\frac{\\partial e}{\\partial u} = \\frac{d e}{d t}');
  assert.equal(concept('\\pdv{e}{g} = \\sum_{j = 1}^{k} \\pdv{e}{s_j} \\cdot \\pdv{s_j}{g}'), 'chain-rule');
  assert.equal(concept('p(\\vec{u} \\given \\vec{v}) = \\frac{p(\\vec{v} \\given \\vec{u}) \\, p(\\vec{u})}{p(\\vec{v})}'), 'bayes-rule');
  assert.equal(concept('\\vec{\\beta}^{(k + 1)} = \\vec{\\beta}^{(k)} - \\mu \\cdot \\grad_{\\vec{\\beta}} J(\\vec{\\beta}^{(k)})'), 'gradient-descent');
  assert.equal(normaliseTex('o_t\u200B = s'), 'o_t = s');
  assert.equal(concept('\\min_V \\frac{1}{2} \\sum_n \\|g(f(x_n;V_f); V_g) - x_n\\|^2_2'), 'autoencoder');
});

test('a head\'s projection with the head under the letter and the role above the weight', () => {
  assert.equal(concept('K_h = E W_h^K'), 'multi-head-attention');
  // A time step under the letter is no head.
  assert.notEqual(concept('s_t = V s_{t-1}'), 'multi-head-attention');
});

test('a block of pseudo-code lines with one update, \\newline breaks, a label before the formula, @ and \\textbf, u as the weighted input', () => {
  assert.equal(concept('\\begin{align*} \\text{repeat}&\\text{ until done:} \\; \\lbrace \\newline & v_k = v_k - \\mu \\frac{\\partial J(v)}{\\partial v_k} \\newline & \\rbrace \\end{align*}'), 'gradient-descent');
  assert.equal(concept('Update: V = V - μ dV'), 'gradient-descent');
  assert.equal(concept('S[k] = V[k] @ H[k-1] + c[k]'), 'affine-layer');
  assert.equal(concept('\\textbf{u}^{(k)} = \\textbf{w}^{(k)} \\textbf{a}^{(k-1)} + \\textbf{b}^{(k)}'), 'affine-layer');
  assert.equal(concept('v(k+1)=v^{k}-\\mu \\frac{\\partial J(v)}{\\partial v}'), 'gradient-descent');
  assert.equal(concept("u_{t+1} = u_t - \\mu g'_{u_t}"), 'gradient-descent');
  // A sized brace around cases stays the cases' brace.
  assert.equal(concept('g(s)= \\left\\lbrace \\begin{array}{ll} 1, & s \\geq 0 \\\\ 0, & else \\\\ \\end{array} \\right.'), 'step-function');
});

test('the chain rule in prime notation, each derivative taken at the function the next differentiates', () => {
  assert.equal(concept("g'(u) = g'(P) \\cdot P'(Q) \\cdot Q'(u)"), 'chain-rule');
  // Two primes of unrelated arguments are no chain.
  assert.notEqual(concept("h = g'(a) \\cdot k'(b)"), 'chain-rule');
});

test('a loss named by its word plus a weighted penalty; a penalty named L1 or L2 on the left', () => {
  assert.equal(concept('\\text{Cost} = \\text{MSE} + \\gamma \\sum \\beta_k^2'), 'regularization');
  assert.equal(concept('L_{\\text{L2}} = \\sum_{k=1}^n v_k^2'.replace(/v_k/, 'w_k')), 'regularization');
  // The loss of a regression, L_reg, is not taken for a penalty.
  assert.notEqual(concept('\\mathcal{L}_\\text{reg}(\\theta) = \\frac{1}{N} \\sum_i (t_i - y_i)^2'), 'regularization');
});

test('a capital sigma with an index below is the sum, a covariance is not; sized brackets; a dot between bold matrices', () => {
  assert.equal(concept('E = -\\Sigma_{k} q_k \\log(\\hat q_k)'), 'cross-entropy');
  assert.equal(concept('R = \\frac{1}{M}\\Sigma_{m=1}^{M} \\ell(f(u_m), v_m)'), 'empirical-risk');
  assert.match(normaliseTex('(u-\\mu)^T \\Sigma_k^{-1} (u-\\mu)'), /\\Sigma_k\^\{-1\}/);
  assert.doesNotMatch(normaliseTex('\\Sigma_k^{-1}'), /\\sum/);
  assert.equal(concept('C = \\frac{1}{M} \\sum_{m=1}^M \\Big(\\hat{v}_m - v_m \\Big)^2'), 'mse');
  assert.equal(concept('\\mathbf{O} = \\mathbf{H} \\cdot \\mathbf{V} + \\mathbf{C}'), 'affine-layer');
  // (Bold vectors over their norms keep their dot: a cosine.)
  assert.equal(concept('\\text{sim} = \\frac{\\mathbf{U} \\cdot \\mathbf{V}}{\\|\\mathbf{U}\\| \\, \\|\\mathbf{V}\\|}'), 'cosine-similarity');
});

test('gates written as g with the gate\'s letter below: g_r and g_u of a GRU, g_f of an LSTM', () => {
  assert.equal(concept('g_r = \\sigma(U_{r}s_{t-1} + V_{r}u_t + c_r)'), 'gru');
  assert.equal(concept('g_u = \\sigma(U_{u}s_{t-1} + V_{u}u_t + c_u)'), 'gru');
  assert.equal(concept('g_f = \\sigma(U_{f}h_{t-1} + V_{f}u_t + c_f)'), 'lstm');
});

test('dropout with the mask beside the state, Adam\'s step without the parameter, perplexity without its name', () => {
  assert.equal(concept("s_k' = \\frac{\\xi_k}{1-p} s_k"), 'dropout');
  assert.equal(concept('\\hat{\\mathbf{S}} = \\frac{\\mathbf{S} \\odot \\mathbf{M}}{1 - p}'), 'dropout');
  // (A letter over 1 − p alone is no mask.)
  assert.equal(concept('E = \\frac{r}{1-p}'), null);
  assert.equal(concept("u_k' \\leftarrow \\frac{\\alpha \\hat{m}_k}{\\sqrt{\\hat{v}_k} + \\epsilon}"), 'adam');
  assert.equal(concept('\\mathrm{Pr}(S)^{-\\frac{1}{n}}'), 'perplexity');
  assert.equal(concept('P(u_1, \\ldots, u_n)^{-1/n}'), 'perplexity');
  // (The joint alone is still no concept.)
  assert.equal(concept('P(u_1, u_2)'), null);
});

test('an output and a target marked by their first index, y_o − y_t, are an error, not steps of an iteration', () => {
  assert.equal(concept('C = \\sum_n (y_o^{(n)} - y_t^{(n)})^2'), 'mse');
  assert.equal(concept('c = \\sum_{k=1}^{K}\\left[ y_{o,k}-y_{t,k}\\right]^2'), 'mse');
  const ex = explainFormula('C = \\sum_n (y_o^{(n)} - y_t^{(n)})^2');
  assert.match(ex.symbols.find((s) => s.symbol === 'y_t^{(n)}')?.meaning ?? '', /target/);
  assert.match(ex.symbols.find((s) => s.symbol === 'y_o^{(n)}')?.meaning ?? '', /prediction/);
  // (Iterates of an optimiser stay iterates.)
  assert.notEqual(concept('\\|u_{t+1} - u_t\\|^2 \\le \\epsilon'), 'mse');
});

test('unicode layers in superscript parentheses and superscript letters', () => {
  assert.equal(normaliseTex('u⁽ℓ⁾ = s⁽ℓ⁻¹⁾V⁽ℓ⁾ + c⁽ℓ⁾'), 'u^{(\\ell)} = s^{(\\ell -1)}V^{(\\ell)} + c^{(\\ell)}');
  assert.equal(concept('u⁽ℓ⁾ = s⁽ℓ⁻¹⁾V⁽ℓ⁾ + c⁽ℓ⁾'), 'affine-layer');
  assert.match(normaliseTex('eᶻ + xʲ'), /e\^\{z\} \+ x\^\{j\}/);
});

test('layers nested by brackets are a network; a linear score of a feature map is logistic regression', () => {
  assert.equal(concept('\\hat{q}=\\sigma(V^{(3)}(\\sigma(V^{(2)}(\\sigma(V^{(1)}u)))))'), 'mlp');
  assert.equal(concept('q = W^{(2)}(\\tanh(W^{(1)} u))'), 'mlp');
  // (A weight applied to a plain bracket is no network.)
  assert.notEqual(concept('q = W_1(u)'), 'mlp');
  assert.equal(concept('p(y=1\\mid u) = \\frac{1}{1+e^{-v\\cdot\\phi(u)}}'), 'logistic-regression');
});

test('weight decay in a step written with a gradient letter g: a gradient step on the penalised loss', () => {
  assert.equal(concept('u_{k+1} = u_k - \\eta_k g_k - \\lambda \\eta_k u_k'), 'gradient-descent');
  assert.match(recognise('u_{k+1} = u_k - \\eta_k g_k - \\lambda \\eta_k u_k').candidates[0].why, /weight decay/);
  assert.equal(concept('u_{k+1} = u_k - \\eta g_k'), 'gradient-descent');
});

test('skip-gram\'s likelihood under arg max; a prediction ŷ = σ(Wx + b) of no layer; weight decay closed by a period', () => {
  assert.equal(concept('\\arg\\max_{\\theta} \\frac{1}{T} \\sum_{t=1}^{T} \\sum_{-m \\le k \\le m, k \\neq 0} \\log p(u_{t + k} | u_{t} ; \\theta)'), 'skipgram');
  assert.equal(concept('\\hat\\theta = \\arg\\max_\\theta \\sum_i \\log p(u_i|\\theta)'), 'maximum-likelihood');
  assert.equal(concept('\\hat{y}_n = \\sigma(V u_n + c)'), 'logistic-regression');
  // (With a layer above it, the prediction is a network's output layer.)
  assert.notEqual(concept('\\hat{y} = \\sigma(V^{[2]} s^{[1]} + c^{[2]})'), 'logistic-regression');
  assert.equal(concept('u_k \\leftarrow u_k-\\alpha\\frac{\\partial E}{\\partial u_k}-\\alpha\\lambda u_k.'), 'gradient-descent');
});

test('the gradient of a penalised loss and a derivation ending in the weight-decay form; ln glued to its function; sgn', () => {
  assert.equal(concept("\\frac{\\partial E'}{\\partial w}=\\frac{\\partial E}{\\partial w}+\\lambda w"), 'regularization');
  assert.equal(concept("\\frac{\\partial E'}{\\partial w}=\\frac{\\partial E}{\\partial w}+\\lambda sgn(w)"), 'regularization');
  assert.equal(concept('w^{t+1} = w^t-\\eta(\\frac{\\partial E}{\\partial w}+\\lambda w^t)=(1-\\eta\\lambda)w^t-\\eta\\frac{\\partial E}{\\partial w}'), 'regularization');
  // (A derivative plus a constant is no penalty.)
  assert.equal(concept('\\frac{\\partial E}{\\partial u} = \\frac{\\partial E}{\\partial v} + \\lambda'), null);
  assert.match(normaliseTex('-lnf_{v}(u)'), /\\ln f_\{v\}/);
  assert.match(normaliseTex('\\hat{q}^nlnf(u)'), /\\ln f\(u\)/);
  // (logit stays a word.)
  assert.doesNotMatch(normaliseTex('logit(p)'), /\\log /);
});

test('gates and cells with the step as an argument, f(t), R(t), \\hat{C(t)}; × between factors; the bias as a word', () => {
  assert.equal(concept('f(t) = \\sigma(U_f \\cdot [s(t-1), u(t)] + c)'), 'lstm');
  assert.equal(concept('R(t) = \\sigma(U_{ur} u(t) + U_{sr} s(t-1) + c)'), 'gru');
  assert.equal(concept('C(t) = f(t) \\cdot C(t-1) + i(t) \\cdot \\hat{C(t)}'), 'lstm');
  assert.match(normaliseTex('s = v_1 × u_1 + v_2 × u_2'), /^s = v_1\s+u_1 \+ v_2\s+u_2$/);
  // (Inside a superscript × is a shape.)
  assert.match(normaliseTex('V ∈ ℝ^{n×m}'), /n\\times m/);
  assert.equal(concept('z = w_1 x_1 + w_2 x_2 + bias'), 'affine-layer');
  // (A function of time stays a function where nothing else is timed.)
  assert.equal(concept('f(x) = \\max(0, x)'), 'relu');
});

test('a weighted sum written out names its weights, inputs and bias, and a one-letter function of it is the activation function', () => {
  const perceptron = 'y = \\operatorname{sign}(w_1 x_1 + w_2 x_2 + w_3 x_3 + b)';
  assert.match(meaning(perceptron, 'w_2'), /weight/);
  assert.match(meaning(perceptron, 'b'), /bias/);
  const readout = 'o = g\\left(\\sum_i v_i h_i + c\\right)';
  assert.match(meaning(readout, 'g'), /activation function/);
  assert.match(meaning(readout, 'c'), /bias/);
  // (Row-vector books: the input before the weight matrix, a capital B added last.)
  const row = 'I \\cdot W + B = O';
  assert.match(meaning(row, 'W'), /weight/);
  assert.match(meaning(row, 'I'), /input/);
  assert.match(meaning(row, 'B'), /bias/);
  // (By the grammar, a function of one letter says nothing by itself, unless that letter is the weighted input z or u.)
  assert.doesNotMatch(meaning('q = g(r)', 'g', { roles: false }), /activation function/);
  // (Letters multiplied without a weight among them are no weighted sum: the cell state's gates.)
  assert.doesNotMatch(meaning('C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t', 'C_{t−1}'), /weights multiply/);
  assert.doesNotMatch(meaning('s = f_t \\odot c + i_t \\odot d', 'c'), /weight|bias/);
});

test('a conditional probability in a formula no concept is claimed for: the predicted letter and what it is conditioned on; a latent model left alone', () => {
  // (The recogniser alone: the learned model may name a bigram's formula after the n-gram assumption.)
  const tex = 'r_i = p(w_i \\mid w_{i-1}) - p(w_i)';
  assert.equal(explainFormula(tex, { learned: false }).concept, null);
  assert.match(meaning(tex, 'w_i', { learned: false }), /being predicted/);
  assert.match(meaning(tex, 'w_{i−1}', { learned: false }), /conditioned on/);
  assert.doesNotMatch(meaning('p(x \\mid z) = \\mathcal{N}(x; \\mu, 1)', 'z'), /input|conditioned/);
  assert.doesNotMatch(meaning('p(x \\mid z) = \\mathcal{N}(x; \\mu, 1)', 'x'), /target|predicted/);
});

test('a loss averaged over its own indexed terms, and a loss differentiated by an operator written apart', () => {
  assert.match(meaning('E = \\frac{1}{N}\\sum_{n=1}^{N} E_n', 'E_n'), /loss of one example/);
  assert.match(meaning('L = \\frac{1}{T}(L_1 + L_2 + \\dots + L_T)', 'L_2'), /loss of one example/);
  assert.match(meaning('L = \\frac{1}{T}(L_1 + L_2 + \\dots + L_T)', 'L'), /loss \(objective\) over all/);
  // (Terms multiplied by gates are no per-example losses.)
  assert.doesNotMatch(meaning('C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t', 'C_{t−1}'), /loss/);
  const step = 'g = \\frac{\\partial}{\\partial w} \\ell(x, y)';
  assert.equal(explainFormula(step).concept, null);
  assert.match(meaning(step, 'ℓ'), /loss being differentiated/);
  assert.match(meaning(step, 'w'), /differentiated with respect to it/);
});

test('an unsure formula: a letter its two closest candidates describe alike keeps that description, one they disagree on only its shape', () => {
  const tex = 'h = W x + b';
  const tree = parseTex(normaliseTex(tex), { identifiers: true });
  const cand = (id: ConceptId, score: number) => ({ id, score, why: 'test' });
  const rec = (candidates: Array<{ id: ConceptId; score: number; why: string }>) => ({ concept: null, score: candidates[0]?.score ?? 0, candidates, tree: { k: 'row' as const, items: tree.items }, unsure: 'conflict' as const });
  const alike = new Map(symbolsOfUnsure(tree, rec([cand('affine-layer', 2.6), cand('logistic-regression', 2.5)]), new Map(), '').map((s) => [s.symbol, s.meaning]));
  const alone = new Map(describeSymbols(tree, null).map((s) => [s.symbol, s.meaning]));
  const affine = new Map(describeSymbols(tree, 'affine-layer').map((s) => [s.symbol, s.meaning]));
  const lstm = new Map(describeSymbols(tree, 'lstm').map((s) => [s.symbol, s.meaning]));
  // What each candidate alone says of h differs from the formula's shape: the test can tell the three apart.
  assert.notEqual(affine.get('h'), alone.get('h'));
  const split = new Map(symbolsOfUnsure(tree, rec([cand('affine-layer', 2.6), cand('lstm', 2.5)]), new Map(), '').map((s) => [s.symbol, s.meaning]));
  assert.equal(split.get('h'), affine.get('h') === lstm.get('h') ? affine.get('h') : alone.get('h'));
  assert.equal(split.get('W'), affine.get('W') === lstm.get('W') ? affine.get('W') : alone.get('W'));
  for (const [k, v] of alike) assert.ok(v === affine.get(k) || v === alone.get(k), k);
  // Too weak a match (below 2) leaves the shape alone; so does a far-ahead candidate's absence.
  assert.deepEqual(symbolsOfUnsure(tree, rec([cand('affine-layer', 1.5)]), new Map(), ''), describeSymbols(tree, null, new Map(), ''));
  assert.deepEqual(symbolsOfUnsure(tree, rec([]), new Map(), ''), describeSymbols(tree, null, new Map(), ''));
  // One candidate alone, clearly ahead: its description.
  assert.deepEqual(symbolsOfUnsure(tree, rec([cand('affine-layer', 2.6), cand('lstm', 1.2)]), new Map(), ''), describeSymbols(tree, 'affine-layer', new Map(), ''));
});

test("a formula's grammar names letters whatever its concept: a loss's arguments, an activation's argument, 1/m before a sum, y against a prediction", () => {
  const cost = 'J(w, b) = \\frac{1}{m} \\sum_{i} \\mathcal{L}(\\hat{y}^{(i)}, y^{(i)})';
  assert.match(meaning(cost, 'w'), /weights/);
  assert.match(meaning(cost, 'b'), /bias/);
  assert.match(meaning(cost, 'm'), /how many terms|number of terms/);
  assert.match(meaning('C = (1/n) * Sum(e(k))', 'n'), /number of terms the sum averages/);
  assert.match(meaning('u = \\operatorname{sign}(z)', 'z'), /pre-activation/);
  assert.match(meaning("r = g'(z) \\cdot 3", 'z'), /pre-activation/);
  assert.match(meaning('d = a - y', 'y'), /target/);
  // (Without a sum, 1/m is no average; a letter the loss is not written of keeps its shape.)
  assert.doesNotMatch(meaning('q = \\frac{1}{m} r', 'm'), /number of terms/);
  assert.doesNotMatch(meaning('J(\\theta) = k', 'k'), /weight|bias|parameter/);
  // (By the grammar alone, x − y of two plain letters compares nothing predicted.)
  assert.doesNotMatch(meaning('d = x - y', 'y', { roles: false }), /target/);
});

test("an LSTM cell with its products juxtaposed and its steps in brackets; f and i spelled inside a word are no gates", () => {
  assert.equal(concept('s[t] = f[t]s[t-1] + i[t]g[t]'), 'lstm');
  assert.equal(concept('s(t) = i(t) g(t) + f(t) s(t-1)'), 'lstm');
  assert.equal(concept('C_t = f_t C_{t-1} + i_t \\tilde{C}_t'), 'lstm');
  assert.equal(concept('h[t] = o[t] tanh(c[t])'), 'lstm');
  // (A chain of steps ending in the words "Loss function": the letters of a word are not an LSTM's gates.)
  assert.notEqual(concept('u, v  ->  q = u * v + 1  ->  r = sigmoid(q)  -> Loss function L(r, y)'), 'lstm');
  // (Without the cell's own previous value, products of f and i are no cell update.)
  assert.notEqual(concept('s_t = f_t a_t + i_t b_t'), 'lstm');
});

test("hasty derivatives: d/d with a slash, the chain rule's factors joined by *, tanh's derivative through its own function, e^-z", () => {
  assert.equal(concept('dq/dp = dq/dr * dr/dp'), 'chain-rule');
  assert.equal(concept('dh/du = 1-h(u)^2', 'tanh'), 'tanh');
  assert.equal(concept("h'(u) = 1 - h(u)*h(u)"), 'tanh');
  assert.equal(concept('\\frac{dh}{du} = 1 - (h(u))^2'), 'tanh');
  assert.equal(concept("h'(u) = 1 - \\tanh^2(u)"), 'tanh');
  assert.equal(concept('s(u) = 1/(1+e^-u)'), 'sigmoid');
  assert.equal(normaliseTex('x^-1 + e^-v_i'), 'x^{-1} + e^{-v_i}');
  // (A weight before its input, w * x: a product; another letter's * stays the element-wise product.)
  assert.equal(normaliseTex('q = w * x + b'), 'q = w x + b');
  assert.equal(normaliseTex('c = f * c + i * g'), 'c = f * c + i * g');
  // (1 − h(u)² without a derivative on the left is no derivative; 1 − h(v)² of another function's argument is h's own.)
  assert.notEqual(concept('r = 1 - h(u)^2'), 'tanh');
});

test("what a softmax defines is a probability distribution; a hypothesis under a log gives a predicted probability", () => {
  assert.match(meaning('q = \\mathrm{softmax}(s)', 'q'), /probabilities/);
  const bce = '-\\ln f_{w,b}(x) = -[y \\ln f_{w,b}(x) + (1-y) \\ln(1 - f_{w,b}(x))]';
  assert.match(meaning(bce, 'f_{w, b}') || meaning(bce, 'f_{w,b}'), /predicted probability/);
  // (Outside a log the hypothesis's value is the prediction, a real number in regression.)
  assert.doesNotMatch(meaning('J = \\frac{1}{2m}\\sum_i (h_\\theta(x_i) - y_i)^2', 'h_θ'), /probability/);
});

test("the vector a softmax exponentiates entry by entry is the scores; in a recurrent network what a weight multiplies at the step before is the previous hidden state", () => {
  assert.match(meaning('s(\\vec v)_j = \\frac{e^{v_j}}{\\sum_{i=1}^N e^{v_i}}', 'v⃗'), /logit/);
  assert.match(meaning('\\phi_i(v) = \\frac{\\exp(v_i)}{\\sum_j \\exp(v_j)}', 'v'), /scores \(logits\)/);
  const rnn = 'q_t = \\tanh(W q_{t-1} + U x_t + b)';
  assert.match(meaning('u_t = U x_t + W s_{t-1} + b', 's_{t−1}'), /hidden state at the previous step/);
  assert.match(meaning(rnn, 'q_{t−1}'), /hidden state/);
  // (The previous output fed back, W y_{t−1}, is no hidden state.)
  assert.doesNotMatch(meaning('h_t = \\tanh(W y_{t-1} + U h_{t-1})', 'y_{t−1}'), /hidden state/);
});

test("a σ carrying a layer's index is that layer's activation function, no sigmoid; an average of a plain letter with a plain β is no Adam moment; (1 − β)² is no error", () => {
  assert.notEqual(concept('\\vec{q}_l = \\sigma_l(\\vec{u}_l)'), 'sigmoid');
  assert.notEqual(concept('Q^{[l]} = \\sigma^{[l]}(U^{[l]})'), 'sigmoid');
  assert.equal(concept('q = \\sigma(u)'), 'sigmoid');
  assert.notEqual(concept('s_t = \\beta s_{t-1} + (1-\\beta) r_t'), 'adam');
  assert.equal(concept('m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t'), 'adam');
  assert.equal(concept('v_t = \\beta_2 v_{t-1} + (1-\\beta_2) q_t^2'), 'adam');
  assert.notEqual(concept('s_t = \\beta s_{t-1} + (1-\\beta)^{2} r_{t-2} + \\sum_k r_k'), 'mse');
});

test("losses by their place: the function a gradient step descends, one example's loss differentiated, E defined as a sum of squares", () => {
  assert.match(meaning("x \\leftarrow x - \\eta f'(x)", 'f'), /objective \(loss\) the step descends/);
  assert.match(meaning('z_{i} = z_i - \\epsilon \\frac{\\partial F}{\\partial z_i}', 'F'), /objective \(loss\)/);
  assert.match(meaning('w_j \\leftarrow w_j - \\alpha \\frac{\\partial}{\\partial w_j} E_i', 'E_i'), /loss of one example/);
  assert.match(meaning('\\frac{\\partial E_t}{\\partial W} = \\sum_k \\delta_k', 'E_t'), /loss of one example or step/);
  assert.match(meaning('E = \\frac{1}{2}\\sum_k (t_k - y_k)^2', 'E'), /loss \(objective\) this formula defines/);
  // (By the grammar alone, an expectation applied is no loss; nor is a quantity a step differentiates through, ∂y/∂z.)
  assert.doesNotMatch(meaning('E = \\mathbb{E}[x]', 'E', { roles: false }), /loss/);
});

test("a word-vector model's conditional: the word predicted and the words it is conditioned on, the concept's own letters kept", () => {
  const cbow = 'J = -\\frac{1}{T}\\sum_{t=1}^{T} \\log P(w_t \\mid w_{t-1}, w_{t+1})';
  assert.equal(concept(cbow, 'CBOW predicts the centre word from its context'), 'cbow');
  const ex = explainFormula(cbow, { context: { before: 'CBOW predicts the centre word from its context' } });
  assert.match(ex.symbols.find((s) => s.symbol === 'w_{t−1}')?.meaning ?? '', /conditioned on/);
  // (A skip-gram's centre word c keeps the concept's meaning.)
  assert.match(meaning('p(o \\mid c) = \\frac{\\exp(u_o^\\top v_c)}{\\sum_{w} \\exp(u_w^\\top v_c)}', 'c'), /cent(re|er)/);
});

test("quantities a hasty note names by words: weights, bias, inputs, targets, logits, the learning rate", () => {
  const tex = 'output = relu(inputs * weights + biases)';
  assert.match(meaning(tex, 'weights'), /weights/);
  assert.match(meaning(tex, 'biases'), /biases/);
  assert.match(meaning(tex, 'inputs'), /inputs/);
  const loss = 'L = targets * -log(sigmoid(logits)) + (1 - targets) * -log(1 - sigmoid(logits))';
  assert.match(meaning(loss, 'targets'), /true labels/);
  assert.match(meaning(loss, 'logits'), /scores before/);
});

test("letters written as functions of the step or the example, and code's weights named by what they connect, described as the letters they stand for, in the note's writing", () => {
  const ex = explainFormula('s(t) = tanh( ( x(t)*w(xs) ) + ( s(t-1)*w(ss) ) + bs )');
  const said = new Map(ex.symbols.map((s) => [s.symbol, s.meaning]));
  assert.match(said.get('s(t)') ?? '', /hidden state at step t/);
  assert.match(said.get('s(t−1)') ?? '', /hidden state at the previous step/);
  assert.match(said.get('w(xs)') ?? '', /weight/);
  // (The note's own writing is kept: no s_t key appears.)
  assert.equal(said.has('s_t'), false);
  // (One letter of the step alone, f(t) = 3t, stays a function.)
  assert.match(meaning('f(t) = 3 t', 'f'), /function/);
});

test("a gate defined under the words that name it, and an LSTM cell written with ×", () => {
  assert.equal(concept('o_t = \\sigma(q_{t})', '4. Output Gate:'), 'lstm');
  assert.equal(concept('u = \\sigma(a_u)', 'The update gate decides how much of the past to keep'), 'gru');
  // (Without the words, a sigmoid of one letter stays the sigmoid; both families named leave it.)
  assert.equal(concept('o_t = \\sigma(q_{t})'), 'sigmoid');
  assert.equal(concept('o_t = \\sigma(q_{t})', 'the output gate of an LSTM and the reset gate of a GRU'), 'sigmoid');
  assert.equal(concept('s_t = f_t \\times s_{t-1} + I_t \\times g_t'), 'lstm');
});

test("the course notation of code — Waa, Wax, ba — and a one-letter h or s of a weighted sum as the activation function", () => {
  assert.equal(normaliseTex('a< t > = g1 ( Waa * a< t-1 > + Wax * x<t> + ba )'), 'a^{(t)} = g_{1} ( W_{aa} a^{(t-1)} + W_{ax} x^{(t)} + b_{a} )');
  const ex = explainFormula('a< t > = g1 ( Waa * a< t-1 > + Wax * x<t> + ba )');
  assert.equal(ex.concept, 'rnn');
  assert.match(ex.symbols.find((s) => s.symbol === 'W_{aa}')?.meaning ?? '', /weight/);
  assert.match(meaning('\\hat y = f\\left(\\sum_{j} v_j h\\left(\\sum_{i} u_{ij} x_i\\right)\\right)', 'h'), /activation function/);
  // (Other capitals followed by letters are not read so: Wxyz, Wa.)
  assert.equal(normaliseTex('Wxyz + Wa'), 'Wxyz + Wa');
});

test("an increment Δw is one quantity (a step's change, or with the loss under Δ the gradient); PE written with its subscript is one name", () => {
  assert.match(meaning('v_j \\leftarrow v_j + \\Delta v_j', 'Δv_j'), /^the change of v_j in one step \(its update\)$/);
  assert.match(meaning('\\Delta_{u}L = \\Delta_{q}L \\circ r', 'Δ_uL'), /gradient of the loss L with respect to u/);
  assert.match(meaning('\\Delta_{u}L = \\Delta_{q}L \\circ r', 'L'), /loss/);
  assert.match(meaning('\\Delta C \\approx \\nabla C \\cdot \\Delta v', 'ΔC'), /change in the loss C/);
  // (No stray Δ listed apart from its letter.)
  assert.equal(explainFormula('v_j \\leftarrow v_j + \\Delta v_j').symbols.some((s) => s.symbol === 'Δ'), false);
  const pe = explainFormula('PE_{(pos,2i)} = \\sin(pos/10000^{2i/d_{model}})');
  assert.equal(pe.concept, 'positional-encoding');
  assert.match(pe.symbols.find((s) => s.symbol === 'PE')?.meaning ?? '', /positional encoding/);
  assert.match(pe.symbols.find((s) => s.symbol === 'i')?.meaning ?? '', /pair of dimensions/);
});

test("in a classifier's loss the prediction is a predicted probability even outside a log", () => {
  // (The vector ŷ in CE(y, ŷ), where the log takes only its entries ŷ_i.)
  const ce = '\\mathrm{CE}(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_{i} y_i \\log \\hat{y}_{i}';
  assert.equal(concept(ce), 'cross-entropy');
  assert.equal(explainFormula(ce).symbols.filter((s) => /predicted probability/.test(s.meaning)).length, 2);
  // (A regression's prediction stays a prediction: a real number.)
  assert.doesNotMatch(meaning('L = \\frac{1}{n}\\sum_i (\\hat{y}_i - y_i)^2', 'ŷ_i'), /probability/);
});

test("δ in backpropagation is the error term, δ before a letter its gradient, δ_{ij} beside a sign Kronecker's delta", () => {
  // (A layer's δ defined through the next layer's and an activation's derivative.)
  assert.match(meaning("\\delta^{(2)} = (W^{(3)})^T \\delta^{(3)} \\odot g'(z^{(2)})", 'δ^{(2)}'), /error term.*gradient of the loss/);
  assert.match(meaning("\\delta^{(2)} = (W^{(3)})^T \\delta^{(3)} \\odot g'(z^{(2)})", 'δ^{(3)}'), /error term/);
  // (A bracket after δ multiplies it: no function.)
  assert.match(meaning('\\frac{\\partial J}{\\partial W^{(1)}} = \\delta^{(2)} (a^{(1)})^T', 'δ^{(2)}'), /error term/);
  // (The delta rule's step: the error term scaled by the learning rate and the input.)
  assert.match(meaning('\\Delta w_{k} = \\eta \\, \\delta_j \\, x_k', 'δ_j'), /error term/);
  // (δ before a letter the formula uses again: the gradient with respect to it.)
  assert.match(meaning('\\delta s_t = \\frac{\\partial E}{\\partial s_t}', 'δs_t'), /gradient of the loss with respect to s_t/);
  // (Kronecker's delta in a softmax derivative.)
  const k = meaning('\\frac{\\partial p_a}{\\partial z_b} = p_a (\\delta_{ab} - p_b)', 'δ_{ab}');
  assert.match(k, /Kronecker's delta: 1 where a = b/);
  assert.doesNotMatch(k, /gradient/);
  // (A δ beside a square root keeps a division finite; a lone δ > 0 says nothing.)
  assert.doesNotMatch(meaning('w = w - \\eta \\frac{g}{\\sqrt{r} + \\delta}', 'δ'), /error term/);
  assert.doesNotMatch(meaning('|x - y| < \\delta', 'δ'), /error term/);
});

test('a side that is a weight times an input alone, a loss of each layer\'s weights, the parameters after an update and after a bar', () => {
  assert.match(meaning('s = \\theta^T x', 'θ'), /weights/);
  assert.match(meaning('s = \\theta^T x', 'x'), /input/);
  assert.match(meaning('H = X W_1', 'W_1'), /weight/);
  assert.match(meaning('H = X W_1', 'X'), /input/);
  // (A product of two plain letters is no weighted sum.)
  assert.doesNotMatch(meaning('u = a b', 'a'), /weight/);
  assert.match(meaning('J(W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}) = \\frac{1}{m} \\sum_i \\ell(\\hat{y}_i, y_i)', 'W'), /weights/);
  assert.match(meaning('J(W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]}) = \\frac{1}{m} \\sum_i \\ell(\\hat{y}_i, y_i)', 'b'), /bias/);
  assert.match(meaning('\\theta_{k+1} = \\theta_k - \\mu m_k', 'θ_{k+1}'), /parameters after this step/);
  assert.match(meaning('\\log p(D \\mid \\theta) = \\sum_n \\log p(x_n \\mid \\theta)', 'θ'), /parameters/);
  assert.match(meaning('\\ell(x; \\Theta) = -\\log q(x; \\Theta)', 'Θ'), /parameters/);
});

test('the function applied to a weighted input is the activation function (its derivative when primed); what a weighted sum defines, by its letter', () => {
  assert.match(meaning('a_k = \\phi(u_k)', 'φ'), /activation function/);
  assert.match(meaning("\\frac{\\partial E}{\\partial u_k} = e_k \\, \\phi'(u_k)", 'φ′'), /derivative.*activation function/);
  // (By the grammar, a function of something else is no activation function.)
  assert.doesNotMatch(meaning('r = g(t)', 'g', { roles: false }), /activation function/);
  assert.match(meaning('o = V h + c', 'o'), /output/);
  assert.match(meaning('a = \\sigma(w^T x + b)', 'a'), /activation/);
  assert.match(meaning('u = \\sum_j w_j x_j + b', 'u'), /pre-activation/);
  assert.match(meaning('y = X w + \\varepsilon', 'y'), /target.*plus noise/);
  // (A hidden state and a loss keep their own passes.)
  assert.doesNotMatch(meaning('L = w x + b', 'L'), /output/);
});

test("a loss's arguments: one example's input and label, or the last layer's activation and the label", () => {
  const step = 'g = \\frac{1}{B} \\sum_{k=1}^{B} \\nabla_\\theta \\ell(\\theta; x_k, y_k)';
  assert.match(meaning(step, 'x_k'), /input/);
  assert.match(meaning(step, 'y_k'), /target/);
  const ce = 'L(a, y) = -(y \\log a + (1 - y) \\log (1 - a))';
  assert.match(meaning(ce, 'a'), /predicted probability/);
  assert.match(meaning(ce, 'y'), /target/);
  // (Two labels and no input: the grammar tells nothing.)
  assert.doesNotMatch(meaning('L(y_1, y_2) = |y_1 - y_2|', 'y_1', { roles: false }), /target/);
});

test("a weighted sum's previous-step state, its weight of index 0 added alone, and inputs weighted by numbers", () => {
  assert.match(meaning('q_t = c + w s_{t-1} + u e_t', 's_{t−1}'), /previous hidden state/);
  // (A layer's previous layer is no previous step.)
  assert.doesNotMatch(meaning('u^{(k)} = W^{(k)} h^{(k-1)} + b^{(k)}', 'h^{(k−1)}'), /previous hidden state/);
  assert.match(meaning('a_k = \\sum_j w_{kj} z_j + w_{k0} \\text{ for every } k', 'w_{k0}'), /bias: the weight of index 0/);
  assert.match(meaning('y = 0.5 u_1 - 1.25 u_2 + 3', 'u_1'), /input of the weighted sum/);
  // (Different letters each with a number are no inputs of one sum.)
  assert.doesNotMatch(meaning('y = 2 a_1 + 3 b_2', 'a_1'), /input/);
});

test("a recurrent cell's previous state joined with the input, and a state written with its step as a superscript", () => {
  const gate = '\\Gamma_r = \\sigma(W_r [m^{<t-1>}, x^{<t>}] + b_r)';
  assert.match(meaning(gate, 'm^{(t−1)}'), /hidden state at the previous step/);
  assert.match(meaning(gate, 'x^{(t)}'), /input/);
  // (Two inputs joined are no state and input.)
  assert.doesNotMatch(meaning('\\Gamma_r = \\sigma(W_r [m^{<t>}, x^{<t>}] + b_r)', 'm^{(t)}'), /previous/);
  const gru = explainFormula('m^{<t>} = \\Gamma_u * \\tilde{m}^{<t>} + (1 - \\Gamma_u) * m^{<t-1>}', { context: { before: 'The GRU keeps one memory:' } });
  assert.equal(gru.concept, 'gru');
  assert.match(gru.symbols.find((x) => x.symbol === 'm^{(t)}')?.meaning ?? '', /hidden state at step t/);
  assert.match(gru.symbols.find((x) => x.symbol === 'm^{(t−1)}')?.meaning ?? '', /hidden state at the previous step/);
});

test('a weight matrix times a concatenation is a weighted sum: the function applied to it is the activation function', () => {
  assert.match(meaning('y_t = g(W_y [s_t; r_t] + b_y)', 'g'), /activation function/);
  // (Without the weight, the grammar alone does not tell.)
  assert.doesNotMatch(meaning('y_t = g([s_t; r_t] + b_y)', 'g', { roles: false }), /activation function/);
});

test("a bidirectional network's forward and backward states, and the layer below's activations a layer's weights multiply", () => {
  const bi = '\\hat{y}^{<t>} = g(W_y [\\overrightarrow{s}^{<t>}, \\overleftarrow{s}^{<t>}] + b_y)';
  assert.match(meaning(bi, '→s^{(t)}'), /forward hidden state/);
  assert.match(meaning(bi, '←s^{(t)}'), /backward hidden state/);
  // (One arrow alone, outside a bidirectional network, is a vector's mark.)
  assert.doesNotMatch(meaning('\\overrightarrow{s} = W u + b', '→s'), /forward hidden state/);
  assert.match(meaning('z_j^{(l)} = \\sum_i w_{ji}^{(l)} u_i^{(l-1)} + b_j^{(l)}', 'u_i^{(l−1)}'), /layer below/);
});

test("what a softmax gives is a probability distribution, in any formula", () => {
  assert.match(meaning('\\hat{q}_t = \\mathrm{softmax}(V s_t + c)', 'q̂_t'), /softmax, a probability distribution/);
  assert.doesNotMatch(meaning('r_t = \\tanh(V s_t + c)', 'r_t'), /probability/);
});

test("a prediction where the formula names a cross-entropy or takes its complement is a predicted probability", () => {
  assert.match(meaning('\\frac{\\partial \\mathrm{CE}(y, \\hat{y})}{\\partial z} = \\hat{y} - y', 'ŷ'), /predicted probability/);
  assert.match(meaning('\\frac{d \\hat{y}}{d z} = \\hat{y}(1 - \\hat{y})', 'ŷ'), /predicted probability/);
  assert.doesNotMatch(meaning('\\frac{\\partial E}{\\partial z} = \\hat{y} - y', 'ŷ'), /probability/);
});

test('in a cross-entropy written −Σ t_j log x_j, the letter weighting the log is the target and the letter it takes the predicted probability', () => {
  const ce = explainFormula('\\mathcal{L} = -\\sum_{j} r_j \\log s_j', { context: { before: 'The cross-entropy loss:' } });
  assert.equal(ce.concept, 'cross-entropy');
  assert.match(ce.symbols.find((x) => x.symbol === 'r_j')?.meaning ?? '', /target/);
  assert.match(ce.symbols.find((x) => x.symbol === 's_j')?.meaning ?? '', /predicted probability/);
  // (An entropy of one distribution, −Σ p log p, has no target.)
  assert.doesNotMatch(meaning('H = -\\sum_i p_i \\log p_i', 'p_i'), /target/);
});

test("one attention head written as a word is that head's output; a predicted y applied to the input is the prediction", () => {
  const mha = '\\mathrm{MultiHead}(Q, K, V) = \\mathrm{Concat}(head_1, \\dots, head_h) W^O';
  assert.match(meaning(mha, 'head_1'), /one attention head's output \(head 1\)/);
  assert.match(meaning('\\hat{y}(x; w) = w_2 \\tanh(w_1 x)', 'ŷ'), /the prediction .* a function of x;w/);
  // (By the grammar alone, a plain y applied to its input stays a function.)
  assert.doesNotMatch(meaning('y(x) = w x', 'y', { roles: false }), /prediction/);
});

test('a weight or the parameters a derivative is taken with respect to, whatever is differentiated', () => {
  assert.match(meaning('\\frac{\\partial s_t}{\\partial W_{xs}} = (1 - s_t^2) x_t', 'W_{xs}'), /a weight \(the derivative is taken with respect to it\)/);
  assert.match(meaning('\\frac{\\partial q}{\\partial \\theta} = q (1 - q) x', 'θ'), /parameters/);
  // (A b in a graph of letters is left alone.)
  assert.doesNotMatch(meaning('\\frac{\\partial y}{\\partial b} = 1', 'b'), /derivative is taken/);
});

test('the m of a 1/m before a bracket or a log of a whole batch counts the terms it averages', () => {
  assert.match(meaning('J = -\\frac{1}{m}(Y \\log A^T + (1 - Y) \\log (1 - A)^T)', 'm'), /number of terms/);
  assert.match(meaning('H = -\\frac{1}{N} \\log_2 P(W)', 'N'), /number of terms/);
  // (A fraction before a single letter is a scale, not an average.)
  assert.doesNotMatch(meaning('u = \\frac{1}{m} v', 'm'), /number of terms/);
});

test("the letter an activation's derivative is taken at is the pre-activation", () => {
  assert.match(meaning("\\delta^l = (W^{l+1})^T \\delta^{l+1} \\odot \\sigma'(q^l) + g'(Z)", 'Z'), /pre-activation/);
  assert.match(meaning("e_j = r_j f'(u_j)", 'u_j'), /pre-activation/);
  assert.match(meaning("\\delta_j = h'(a_j) \\sum_k w_{kj} \\delta_k", 'a_j'), /pre-activation/);
  // (At another letter, nothing is told.)
  assert.doesNotMatch(meaning("e_j = r_j f'(m_j)", 'm_j'), /pre-activation/);
});

test("in an activation's own formula, the letter it defines or differentiates against its argument is its output, whatever the book's letters", () => {
  const relu = explainFormula('a = \\max(0, z)', { context: { before: 'ReLU:' } });
  assert.equal(relu.concept, 'relu');
  assert.match(relu.symbols.find((x) => x.symbol === 'a')?.meaning ?? '', /the activation: the output of ReLU for z/);
  assert.match(relu.symbols.find((x) => x.symbol === 'z')?.meaning ?? '', /pre-activation/);
  const sig = explainFormula('\\frac{da}{dz} = a(1 - a)', { context: { before: 'The derivative of the sigmoid:' } });
  assert.match(sig.symbols.find((x) => x.symbol === 'a')?.meaning ?? '', /the activation: the output of Sigmoid for z, a probability/);
});

test('a loss letter differentiated, whatever it is differentiated with respect to; H of two distributions is their cross-entropy', () => {
  assert.match(meaning('\\frac{\\partial E}{\\partial l_i} = o_i - l_i', 'E'), /the loss being differentiated/);
  assert.match(meaning('\\sum_j H(\\hat{y}, y_j)', 'H'), /cross-entropy of the two distributions/);
  assert.doesNotMatch(meaning('H(p) = -\\sum_i p_i \\log p_i', 'H'), /cross-entropy/);
});

test('the data matrix X after a conditional bar is the input', () => {
  assert.match(meaning('P(r_1, r_2, \\dots, r_n \\mid X)', 'X'), /conditioned on \(the input\)/);
  // (Another letter after the bar is not the input by the grammar; the learned reading of roles is off here.)
  assert.doesNotMatch(meaning('P(r_1, r_2, \\dots, r_n \\mid Z)', 'Z', { roles: false }), /input/);
});

test('a one-letter function of a weight times one other letter, with no bias, is the activation function', () => {
  assert.match(meaning('y = g(f(x^T W) V)', 'f'), /activation function/);
  assert.match(meaning('p = s(w \\cdot x)', 's'), /activation function/);
  // (The grammar does not tell a function of two plain letters.)
  assert.doesNotMatch(meaning('p = s(a \\cdot b)', 's', { roles: false }), /activation function/);
});

test("Adam's moments updated in place with numbered rates, V_{dw} = β₁ V_{dw} + (1 − β₁) dw; an average with an unnumbered rate is no Adam", () => {
  assert.equal(concept('V_{d_w} = \\beta_{1} V_{d_w} + (1 - \\beta_{1}) d_w'), 'adam');
  assert.equal(concept('S_{dW} = \\beta_2 S_{dW} + (1 - \\beta_2) dW^2'), 'adam');
  assert.equal(concept('m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t'), 'adam');
  assert.notEqual(concept('V_{x} = \\beta V_{x} + (1 - \\beta) x'), 'adam');
  assert.notEqual(concept('V_{x} = \\beta_1 V_{y} + (1 - \\beta_1) x'), 'adam');
});

test('the normal equation is a closed-form solution, no concept, its hover naming the partial match; Y = β₀ + Σ X_i β_i', () => {
  for (const tex of ['\\hat\\beta = (X^T X)^{-1} X^T y', 'w^* = (\\mathbf{X}^\\top \\mathbf{X})^{-1} \\mathbf{X}^\\top \\mathbf{y}']) {
    const ex = explainFormula(tex, { learned: false });
    assert.equal(ex.concept, null, tex);
    assert.match(ex.unsure?.reason ?? '', /partly matches Linear regression \(.*normal equation/, tex);
  }
  assert.equal(concept('H = X (X^T X)^{-1} X^T'), null);
  assert.match(explainFormula('\\hat\\beta = (X^T X + \\lambda I)^{-1} X^T y', { learned: false }).unsure?.reason ?? '', /partly matches .*ridge regression/);
  assert.equal(concept('Y = \\beta_0 + \\sum_{j=1}^p X_j \\beta_j'), 'linear-regression');
  assert.notEqual(concept('Y = \\beta_0 + \\sum_{j=1}^p Z_j \\gamma_j'), 'linear-regression');
});

test('logistic regression through its odds: Pr typed bare, the inverse logit, odds equal to an exponential', () => {
  for (const tex of ['Pr(y_i=1) = logit^{-1}(X_i\\beta)', '\\log \\bigg( \\frac{Pr(y=1)}{Pr(y=0)} \\bigg) = \\alpha + \\beta x', '\\frac{p}{1-p} = e^{\\theta^T x}', '\\frac{\\hat{y}}{1-\\hat{y}} = exp(w^Tx +b)']) assert.equal(concept(tex), 'logistic-regression', tex);
  assert.equal(normaliseTex('\\text{logit}^{-1}(z)').trim(), '\\sigma (z)');
  // Odds equal to the exponential of a lone letter say nothing of a linear model.
  assert.equal(concept('\\frac{p}{1-p} = e^{x}'), null);
});

test('a data matrix times the parameters is the linear model; ∇ written \\bigtriangledown is the gradient', () => {
  for (const tex of ['h_{\\theta}(X) = X\\theta', 'h(x) = X*\\theta', 'f(\\mathbf{X};\\theta) = \\mathbf{X}\\theta']) assert.equal(concept(tex), 'linear-regression', tex);
  // A weight matrix times an input is a layer's product, not the data matrix times the parameters.
  assert.notEqual(concept('h(x) = W x'), 'linear-regression');
  assert.equal(concept('\\theta := \\theta - \\alpha \\bigtriangledown_{\\theta} C(\\theta)'), 'gradient-descent');
});

test('word2vec in its derivation\'s own letters: x_w against θ^u is the negative-sampling score, θ_k^w a node of the Huffman path', () => {
  assert.equal(concept('\\sigma(\\mathbf{x}_{w}^{\\top} \\theta^{u})'), 'sgns');
  assert.equal(concept('\\log \\sigma(\\mathbf{x}_{w}^{\\top} \\theta^{w}) + \\sum_{u \\in NEG(w)} \\log [1 - \\sigma(\\mathbf{x}_{w}^{\\top} \\theta^{u})]'), 'sgns');
  assert.equal(concept('p(d_{3}^{w} | \\mathbf{x}_{w}, \\theta_{2}^{w}) = \\sigma(\\mathbf{x}_{w}^{\\top} \\theta_{2}^{w})'), 'hierarchical-softmax');
  // Parameters against an input stay logistic regression's score.
  assert.equal(concept('\\sigma(\\theta^{\\top} x)'), 'logistic-regression');
});

test('the centre word given its window numbered up to 2m is CBOW; a history numbered up to t − 1 is a language model', () => {
  assert.equal(concept('P(w_c \\mid w_{o_1}, \\ldots, w_{o_{2m}})'), 'cbow');
  assert.equal(concept('P(w_c \\mid w_{o_1}, \\ldots, w_{o_{2m}}) = \\frac{\\exp(\\frac{1}{2m}\\mathbf{u}_c^\\top (\\mathbf{v}_{o_1} + \\ldots + \\mathbf{v}_{o_{2m}}))}{\\sum_{i \\in \\mathcal{V}} \\exp(\\frac{1}{2m}\\mathbf{u}_i^\\top (\\mathbf{v}_{o_1} + \\ldots + \\mathbf{v}_{o_{2m}}))}'), 'cbow');
  assert.equal(concept('P(w_t \\mid w_1, \\ldots, w_{t-1})'), 'language-model');
});

test('a size worked out layer by layer is no gradient step, nor a vector listed by its entries a window', () => {
  // (The g of a subscript `img` is no gradient.)
  assert.equal(concept('w^{(l+1)}_{img} = w^{(l)}_{img} - f^{(l)} + 1 \\\\ h^{(l+1)}_{img} = h^{(l)}_{img} - f^{(l)} + 1'), null);
  assert.equal(concept('\\theta_{t+1} = \\theta_t - \\eta g_t'), 'gradient-descent');
  assert.equal(concept('\\pmb{x}=[x_1;x_2;...;x_D]'), null);
  assert.equal(concept('x = [e_{t-3}; e_{t-2}; e_{t-1}]'), 'fixed-window-lm');
  assert.equal(concept('\\mathbf{e} = [e^{(1)}; e^{(2)}; e^{(3)}; e^{(4)}]', 'concatenated word embeddings'), 'fixed-window-lm');
});

test('a softmax component beside another of the same input, or by a Kronecker delta, is the softmax and its Jacobian', () => {
  assert.equal(concept('\\frac{\\partial \\sigma(\\mathbf{a})_k}{\\partial a_m} = -\\sigma(\\mathbf{a})_k \\sigma(\\mathbf{a})_m'), 'softmax');
  assert.equal(concept('\\frac{\\partial \\sigma(u)_k}{\\partial u_m} = \\sigma(u)_k (\\delta_{km} - \\sigma(u)_m)'), 'softmax');
  assert.equal(concept('\\frac{\\partial \\sigma(\\mathbf{a})_k}{\\partial a_m} = \\frac{\\partial}{\\partial a_m} \\frac{e^{a_k}}{\\sum_{r} e^{a_r}}'), 'softmax');
  // One sigmoid's own derivative stays the sigmoid's; the gradient of a loss through the softmax stays unclaimed.
  assert.equal(concept("\\sigma'(u) = \\sigma(u)(1 - \\sigma(u))"), 'sigmoid');
  assert.equal(concept('\\frac{\\partial \\ell}{\\partial a_k} = \\frac{e^{a_k}}{\\sum_r e^{a_r}} - t_k'), null);
});

test('a left side that names its objective or its head, a layout of a line and its number, ⊙ written \\bigodot', () => {
  assert.equal(concept('ELBO = \\int q(h|v) \\log p(v, h) \\, dh - \\int q(h|v) \\log q(h|v) \\, dh'), 'elbo');
  assert.equal(concept("head_2 = Attention(Q'_2, K'_2, V'_2)"), 'multi-head-attention');
  assert.equal(concept("head3 = Attention(Q W_3, K U_3, V P_3)"), 'multi-head-attention');
  assert.equal(concept('\\begin{matrix} g^s = \\sigma(A_g u^s + B_g q^{s-1}) & (4) \\end{matrix}', 'the reset gate of a GRU'), 'gru');
  assert.equal(normaliseTex('\\begin{matrix} y = W x & (12) \\end{matrix}').trim(), 'y = W x');
  assert.equal(concept('\\tilde{q}^s = \\tanh(A u^s + B(g^s \\bigodot q^{s-1}))', 'GRU candidate'), 'gru');
});

test('one example\'s squared error under a cost letter; a step of γ against a gradient; ∇ typed bare', () => {
  assert.equal(concept('C = (o - t)^2'), 'mse');
  assert.equal(concept('E = (\\hat{y}_k - y_k)^2'), 'mse');
  // A squared difference on its own, or under another letter, is no cost.
  assert.notEqual(concept('D = (u - v)^2'), 'mse');
  assert.equal(concept('\\Delta v_k = - \\gamma \\frac{\\partial C}{\\partial v_k}'), 'gradient-descent');
  assert.equal(concept('phi <- phi + alpha nabla_phi log q_phi(z)'), 'gradient-descent');
});

test('a weighted sum holding the previous step\'s state is a recurrent layer, whatever words lift the layer it also is', () => {
  assert.equal(concept('q_t = A_{qu} u_t + A_{qq} q_{t-1} + c_q', 'the hidden layer'), 'rnn');
  assert.equal(concept('s^{<t>} = V_{ss} s^{<t-1>} + V_{su} u^{<t>} + c_s', 'the hidden layer'), 'rnn');
  // Layers as superscripts stay a layer from the one below.
  assert.equal(concept('H^{(k)} = W^{(k)} H^{(k-1)} + c^{(k)}', 'the hidden layer'), 'affine-layer');
});

test('the entropy of two distributions between equals signs is the cross-entropy it defines', () => {
  assert.equal(concept('\\mathcal{J} = H(R, Q) = -\\sum_k R(k) \\log Q(k)'), 'cross-entropy');
  // Of one distribution, the entropy (no catalog concept) is not claimed as the cross-entropy.
  assert.notEqual(concept('\\mathcal{J} = H(R) = -\\sum_k R(k) \\log R(k)'), 'cross-entropy');
});

test("Adam's bias correction and moments in any letters, under words about momentum and RMSProp too", () => {
  assert.equal(concept('\\hat{q}_t = \\frac{q_t}{1 - \\beta_1^t}', 'correct the momentum part'), 'adam');
  assert.equal(concept('\\hat{\\mathbf{r}} \\leftarrow \\frac{\\mathbf{r}}{1 - \\rho_2^t}', 'correct the bias of the RMSProp part'), 'adam');
  assert.equal(concept('\\mathbf{s}_t \\leftarrow \\rho_1 \\mathbf{s}_{t-1} + (1 - \\rho_1) \\mathbf{g}_t'), 'adam');
  assert.equal(concept('\\Delta\\theta = -\\alpha \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\epsilon}'), 'adam');
  // Under the name of a method built on those steps, the step is that method's.
  assert.notEqual(concept('\\hat{q}_t = \\frac{q_t}{1 - \\beta_1^t}', 'the Nadam correction'), 'adam');
  // RMSProp's single decay ρ is no moment of Adam's.
  assert.notEqual(concept('\\mathbf{r}_t \\leftarrow \\rho \\mathbf{r}_{t-1} + (1 - \\rho) \\mathbf{g}_t \\odot \\mathbf{g}_t'), 'adam');
});

test('a layer from the one below by weights and a bias alone, a neuron of named inputs, a layer and an example in one superscript', () => {
  assert.equal(concept('a^{k} = g(V a^{k-1} + c)'), 'affine-layer');
  assert.equal(concept('y = f(w_{1}y_{1} + \\dots + w_{m}y_{m} + b)'), 'affine-layer');
  assert.equal(concept('a^{[l](i)} = g(W^{[l]} a^{[l-1](i)} + b^{[l]})'), 'affine-layer');
  assert.equal(concept('\\mathbf{a}^l = \\sigma(\\mathbf{W}^{l} \\mathbf{a}^{l-1} + \\mathbf{b}^l)'), 'affine-layer');
  // A state from its previous step and an input stays a recurrence.
  assert.equal(concept('s_t = \\tanh(V s_{t-1} + U x_t)'), 'rnn');
  assert.equal(concept('s_t = \\tanh(V s_{t-1} + c)'), 'rnn');
});

test('a = softmax(z) of a pre-activation is the softmax; of scores, the attention weights', () => {
  assert.equal(concept('a_{3} = softmax(z_{3})'), 'softmax');
  assert.equal(concept('a = \\text{softmax}(e)'), 'attention');
});

test("the binary cross-entropy's derivative by the prediction, a step in parentheses, counts written bare", () => {
  assert.equal(concept('\\frac{\\partial L}{\\partial p} = -\\frac{t}{p} + \\frac{1-t}{1-p}'), 'binary-cross-entropy');
  assert.equal(concept('dA = -\\frac{y}{A} + \\frac{1 - y}{1 - A}'), 'binary-cross-entropy');
  // Multiplied by more of the chain, it is no longer the loss's own derivative.
  assert.notEqual(concept('\\frac{dL}{dz} = (-\\frac{y}{p} + \\frac{1-y}{1-p}) p (1 - p)'), 'binary-cross-entropy');
  assert.equal(concept('v_{3} = v_{3} - (\\eta \\times dv_{3})'), 'gradient-descent');
  assert.equal(concept('P(b | a) = \\frac{count(a, b)}{count(a)}'), 'ngram-markov');
  assert.equal(normaliseTex('count(a) + \\text{count}(b)'), '\\operatorname{count}(a) + \\text{count}(b)');
});

test('the average of per-example losses, and the loss averaged over the empirical distribution, are the empirical risk', () => {
  assert.equal(concept('C = \\frac{1}{N} \\sum C_n'), 'empirical-risk');
  assert.equal(concept('J(\\theta) = \\mathbb{E}_{(x, y) \\backsim \\hat{p}} L(f(x; \\theta), y)'), 'empirical-risk');
  // Over the true distribution it is the expected risk; summed over time steps, a sequence's loss; with a penalty, regularised.
  assert.notEqual(concept('R(f) = \\mathbb{E}_{(x, y) \\sim P} [L(f(x), y)]'), 'empirical-risk');
  assert.notEqual(concept('L = \\sum_{t} L^{(t)}'), 'empirical-risk');
  assert.notEqual(concept('C = C_0 + \\frac{\\lambda}{2n} \\sum w^2'), 'empirical-risk');
  assert.equal(concept('tanhz = \\frac{e^z - e^{-z}}{e^z + e^{-z}}'), 'tanh');
});

test('an update from the old value to the new with a rate, a lower-case row-vector layer, a weight in Greek with its layer', () => {
  assert.equal(concept('u_{k}^{(new)} = u_{k}^{(old)} - \\eta \\, e_k \\, h_i'), 'gradient-descent');
  // Without the labels, a rate times two letters is no step of its own.
  assert.notEqual(concept('u_{k} = u_{k} - \\eta \\, e_k \\, h_i'), 'gradient-descent');
  assert.equal(concept('h = xw + b'), 'affine-layer');
  assert.equal(concept('z^{[k]} = \\omega^{[k]} a^{[k-1]} + b^{[k]}'), 'affine-layer');
});

test("Bayes' theorem written whole stays Bayes' rule under words about naive Bayes", () => {
  assert.equal(concept('P(k|x) = \\frac{P(x|k) P(k)}{P(x)}', 'The naive Bayes classifier picks the class with'), 'bayes-rule');
  assert.equal(concept('P(k|x) = P(x|k) * P(k) / P(x)', 'Naive Bayes'), 'bayes-rule');
  // The classifier's own product of word probabilities is no catalog concept.
  assert.notEqual(concept('P(k|x) \\propto P(k) \\prod_i P(x_i|k)', 'Naive Bayes'), 'bayes-rule');
});

test('a recurrent pre-activation named below its letter with the step above; the leaky ReLU named bare', () => {
  assert.equal(concept('\\boldsymbol{s_a^{<t>}} = \\boldsymbol{U}_{ax}\\boldsymbol{x}^{<t>} + \\boldsymbol{U}_{aa}\\boldsymbol{a}^{<t-1>} + \\boldsymbol{c}_a'), 'rnn');
  assert.equal(concept('PReLU(z) = max(\\beta z, z)'), 'leaky-relu');
  assert.equal(concept('Leaky ReLU(z) = \\max(z, 0.1 z)'), 'leaky-relu');
  assert.equal(normaliseTex('\\text { Leaky ReLU }(z)'), '\\text { Leaky ReLU }(z)');
});

test('the next word given a window reaching n − 1 words back is the n-gram model; given the whole prefix, a language model', () => {
  assert.equal(concept('P(x_t | x_{t-1}, x_{t-2}, \\dots, x_{t-n+1})'), 'ngram-markov');
  assert.equal(concept('P(x_t | x_{t-1}, \\dots, x_{1})'), 'language-model');
  assert.equal(concept('P(x_t | x_{t-n+1}, \\ldots, x_{t-1})'), 'ngram-markov');
});

test("a weight's update whose written-out gradient holds the weight itself is a step, not a recurrence; a gradient named in letters", () => {
  assert.equal(concept('w^{k+1} = w^k - \\eta \\sum_{i} (\\sigma(w z_i + c) - t_i) z_i'), 'gradient-descent');
  assert.equal(concept('\\mathbf{v} = \\mathbf{v} + \\eta grad'), 'gradient-descent');
  // A state from its previous step stays a recurrence.
  assert.equal(concept('h_{t} = \\sigma(W h_{t-1} + U x_t)'), 'rnn');
});

test('KL written in blackboard letters is the KL divergence', () => {
  assert.equal(concept('\\mathbb{K}\\mathbb{L}[\\mathbb{A}(u) \\,\\|\\, \\mathbb{B}(u)]'), 'kl-divergence');
  assert.equal(normaliseTex('\\mathbb{KL}(a \\| b)'), '\\mathrm{KL}(a \\| b)');
});

test('the least-squares line from the means, and a response written with its intercept β₀ and noise, are linear regression', () => {
  assert.equal(concept('k = \\frac{\\sum_j (u_j - \\bar{u})(v_j - \\bar{v})}{\\sum_j (u_j - \\bar{u})^2}'), 'linear-regression');
  assert.equal(concept('b = \\bar{y} - w \\bar{x}'), 'linear-regression');
  assert.equal(concept('E[Y | X] = \\beta_0 + \\beta X'), 'linear-regression');
  // Over the root of both spreads it is the correlation; the exponential of a linear score is another model.
  assert.notEqual(concept('r = \\frac{\\sum_j (u_j - \\bar{u})(v_j - \\bar{v})}{\\sqrt{\\sum_j (u_j - \\bar{u})^2 \\sum_j (v_j - \\bar{v})^2}}'), 'linear-regression');
  assert.notEqual(concept('E(y) = \\exp(\\beta_0 + \\beta_1 x)'), 'linear-regression');
});

test("a likelihood of parameters as a product of the density written out, or of each class's probability raised to its label", () => {
  assert.equal(concept('L(\\mu) = \\prod_{n=1}^{N} \\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-\\frac{(z_n - \\mu)^2}{2\\sigma^2}}'), 'maximum-likelihood');
  assert.equal(concept('L(\\theta) = \\prod_{n} \\prod_{k} p_k^{y_{nk}}'), 'maximum-likelihood');
  // A product of exponentials of something else is no likelihood of μ.
  assert.notEqual(concept('L(\\mu) = \\prod_{n} e^{-z_n}'), 'maximum-likelihood');
});

test("code's compound assignment is an update (w -= lr * dw), an input times a matrix with a star is a layer, an escaped underscore before a space joins a word, a formula after ⇔ is itself", () => {
  assert.equal(concept('w -= lr * dw'), 'gradient-descent');
  assert.equal(concept('W_1 -= learning\\_rate * dW_1'), 'gradient-descent');
  assert.equal(concept('z1 = x*W_1+b_1'), 'affine-layer');
  assert.equal(concept('h = a * W + b'), 'affine-layer');
  assert.equal(concept('{ w }_{ i }={ w }_{ i }-\\frac { dE }{ { dw }_{ i } } \\cdot learn\\_ rate'), 'gradient-descent');
  assert.equal(concept('\\Leftrightarrow p(y|x;\\theta) = (h_{\\theta}(x))^{y}(1-h_{\\theta}(x))^{1-y}'), 'logistic-regression');
  // (A count incremented, a sum accumulated: no step against a gradient.)
  assert.equal(concept('n += 1'), null);
  assert.equal(concept('s += x_i'), null);
  // (A star between two plain letters is no layer.)
  assert.equal(concept('z = a * b + c'), null);
});

test('code-notation gradients with a layer in brackets, dW^{[l]}, dZ^{[l]}, a bold d: the gradient of the loss with respect to that letter', () => {
  const ex = explainFormula('dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}');
  const said = new Map(ex.symbols.map((s) => [s.symbol, s.meaning]));
  assert.match(said.get('dW^{[l]}') ?? '', /gradient of the loss with respect to W\^\{\[l\]\}/, [...said.keys()].join(' '));
  assert.match(said.get('dZ^{[l]}') ?? '', /gradient of the loss with respect to Z/, [...said.keys()].join(' '));
  assert.ok(!said.has('d'), 'the d is no letter of its own');
  assert.match(meaning('\\mathbf{d}b^{[l]} = \\mathbf{d}z^{[l]}', 'db^{[l]}'), /gradient of the loss with respect to b/);
  assert.match(meaning('db^{[l]} = \\frac{1}{m} \\sum_{i=1}^{m} dZ^{[l](i)}', 'dZ^{[l](i)}'), /gradient of the loss with respect to Z/);
  // (A d times a letter inside a derivative's fraction stays the derivative's d.)
  assert.ok(!explainFormula('\\frac{dW^{[l]}}{dt} = 0').symbols.some((s) => s.symbol === 'dW^{[l]}'));
});

test('a linear map and the function it feeds, line after line: a layer, a classifier or a network by what the lines define', () => {
  assert.equal(concept('Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]} \\\\ A^{[2]} = \\sigma(Z^{[2]})'), 'affine-layer');
  assert.equal(concept('s = w^\\top x + c \\\\ \\hat{y} = \\sigma(s)'), 'logistic-regression');
  assert.equal(concept('s = V x + c \\\\ \\hat{y} = \\mathrm{softmax}(s)'), 'softmax-regression');
  assert.equal(concept('u_1 = V_1 x + c_1 \\\\ h = \\tanh(u_1) \\\\ u_2 = V_2 h + c_2 \\\\ \\hat{y} = \\mathrm{softmax}(u_2)'), 'mlp');
  // A layer with its activation, then the output layer: a network, not a linear score fed to a softmax.
  assert.equal(concept('h = \\tanh(V_1 x + c_1), \\quad \\hat{y} = \\mathrm{softmax}(V_2 h + c_2)'), 'mlp');
});

test('an activation nested in an activation is a network: the inner layer is no classifier of its own', () => {
  assert.equal(concept('\\hat{y} = \\sigma(V_2 \\sigma(V_1 x + c_1) + c_2)'), 'mlp');
  assert.equal(concept('\\hat{y} = \\sigma(\\mathbf{V}_2 \\left[\\sigma(\\mathbf{V}_1 \\mathbf{x} + \\mathbf{c}_1)\\right] + \\mathbf{c}_2)'), 'mlp');
});

test('P(O = o | C = c) over word vectors is the skip-gram softmax; P(Y = k | X = x) over class weights stays softmax regression', () => {
  assert.equal(concept('P(O=o \\mid C=c) = \\frac{\\exp(u_o^\\top v_c)}{\\sum_{w \\in V} \\exp(u_w^\\top v_c)}'), 'skipgram-softmax');
  assert.equal(concept('P(Y=k \\mid X=x) = \\frac{\\exp(w_k^\\top x)}{\\sum_{j} \\exp(w_j^\\top x)}'), 'softmax-regression');
});

test('a call typed whole inside a text box is the function of its argument', () => {
  assert.equal(concept('p = \\text{softmax(s)}'), 'softmax');
  assert.equal(concept('a = \\text{sigmoid(u)}'), 'sigmoid');
  assert.match(normaliseTex('\\text{softmax(s)}'), /\\operatorname\{softmax\}\(s\)/);
});

test('a parameter moved by a rate times the error signal δ is a gradient step (the delta rule)', () => {
  assert.equal(concept('\\mathbf{W}_2 \\leftarrow \\mathbf{W}_2 + \\alpha \\, \\boldsymbol{\\delta} \\, \\mathbf{h}^\\top'), 'gradient-descent');
  assert.equal(concept('b \\leftarrow b + \\eta \\delta'), 'gradient-descent');
  // A running average added to itself is no step by an error signal.
  assert.notEqual(concept('v \\leftarrow v + \\eta \\delta'), 'gradient-descent');
});

test('counts of arithmetic are binomial coefficients, not n-gram counts', () => {
  assert.equal(concept('\\frac{C(n-k, r-s) \\, C(k, s)}{C(n, r)}'), null);
  assert.equal(concept('P(w_t \\mid w_{t-1}) = \\frac{C(w_{t-1}, w_t)}{C(w_{t-1})}'), 'ngram-markov');
});

test('an output layer over a tanh hidden layer of one input is a network, not additive attention', () => {
  assert.equal(concept('o = \\sigma(U^T \\tanh(V^T x + c) + d)'), 'mlp');
  assert.equal(concept('o = \\sigma(U^\\intercal \\tanh(V^\\intercal x + c) + d)'), 'mlp');
  // Two vectors scored together through their own weights (or concatenated) are additive attention.
  assert.equal(concept('e_{ij} = v_a^\\top \\tanh(W_a s_{i-1} + U_a h_j)'), 'mlp-attention');
  assert.equal(concept('e_{tj} = u^\\top \\tanh(P [s_{t-1}; h_j])'), 'mlp-attention');
});

test('right arrows on every state are one direction: no bidirectional RNN', () => {
  assert.equal(concept('\\overrightarrow{h_t} = (1 - \\overrightarrow{z_t}) \\odot \\overrightarrow{h_{t-1}} + \\overrightarrow{z_t} \\odot \\overrightarrow{\\tilde{h}_t}'), 'gru');
  assert.equal(concept('h_t = [\\overrightarrow{h_t}; \\overleftarrow{h_t}]'), 'bidirectional-rnn');
});

test('a layer written with its activation first and its linear map on the next line', () => {
  assert.equal(concept('\\begin{aligned} a^{l}_k &= \\sigma(u^{l}_k) \\\\ u^{l}_k &= W^{l}_{kj} a^{l-1}_j + b^{l}_k \\end{aligned}'), 'affine-layer');
});

test('queries, keys and values projected from inputs written a (q^i = W^q a^i)', () => {
  assert.equal(concept('q_j = W_q a_j'), 'self-attention');
  assert.equal(concept('Q = W^q A, \\quad W^q \\in \\mathbb{R}^{d_k \\times d}'), 'self-attention');
});

test('a short label before a formula (`l2:`) and a period between letters as a product (`x.W + b`)', () => {
  assert.equal(concept('l2: \\Omega(w) = \\|w\\|_2^2 = \\sum_i w_i^2'), 'regularization');
  assert.equal(concept('g(x) = x.W + b'), 'affine-layer');
  assert.match(normaliseTex('\\bold u.\\bold v'), /\\cdot/);
  // Text keeps its periods.
  assert.match(normaliseTex('y = x \\quad \\text{i.e. the input}'), /i\.e\./);
});

test("Iverson's bracket without the 1 counts mistakes: the 0–1 loss", () => {
  assert.equal(concept('E(a, X) = \\frac{1}{n}\\sum_{k=1}^{n}[a(x_k) \\ne y_k]'), 'zero-one-loss');
  assert.equal(concept('Q(w) = \\frac{1}{n}\\sum_{k=1}^{n}[y_k \\langle w, x_k \\rangle < 0]'), 'zero-one-loss');
  // A bracket of a sum of values (no comparison) is only a bracket.
  assert.notEqual(concept('Q(w) = \\frac{1}{n}\\sum_{k=1}^{n}[y_k - \\langle w, x_k \\rangle]^2'), 'zero-one-loss');
});

test("Adam's bias correction written in place, the hat left out", () => {
  assert.equal(concept('m_{dW} = \\frac{m_{dW}}{1 - \\beta_1^t}'), 'adam');
  assert.equal(concept('r_{db}= \\frac{r_{db}}{1-{\\beta_2}^{t}}'), 'adam');
  // A ratio of a letter to 1 − β with no power of the step is not the correction.
  assert.notEqual(concept('q = \\frac{q}{1 - \\beta}'), 'adam');
});

test('the sign as an activation is the step function; −1, x, 1 stays hardtanh', () => {
  assert.equal(concept('\\phi(u) = \\operatorname{sign}(u)'), 'step-function');
  assert.equal(concept('g(a) = \\begin{cases} -1 & a < 0 \\\\ 0 & a = 0 \\\\ 1 & a > 0 \\end{cases}'), 'step-function');
  assert.equal(concept('g(a) = \\begin{cases} -1 & a < -1 \\\\ a & -1 \\le a \\le 1 \\\\ 1 & a > 1 \\end{cases}'), 'hardtanh');
  // The sign of a different quantity (a subgradient's sign of a weight) is not an activation's definition.
  assert.notEqual(concept('g(w) = \\lambda \\operatorname{sign}(w) + \\nabla L(w)'), 'step-function');
});

test('max in an old-style roman switch, \\rm{max}, is the max', () => {
  assert.equal(concept('h = \\rm{ max}(0, z)'), 'relu');
});

test('a vector length written out as the root of a sum of squares', () => {
  assert.equal(concept('\\sqrt{u_1^2+u_2^2+\\cdots+u_n^2}'), 'norms');
  assert.equal(concept('|u| = \\sqrt \\sum u_k^2'), 'norms');
  // The root of a mean of squared errors is not a norm's definition.
  assert.notEqual(concept('RMSE = \\sqrt{\\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2}'), 'norms');
});

test('H(p, q) with the log of a reciprocal is the cross-entropy; 2 to the entropy is the perplexity', () => {
  assert.equal(concept('H(p, q) = \\sum_x p(x) \\log_2 \\frac{1}{q(x)}'), 'cross-entropy');
  // The entropy of one distribution, written the same way, is not a catalog concept.
  assert.equal(concept('H(p) = \\sum_x p(x) \\log_2 \\frac{1}{p(x)}'), null);
  assert.equal(concept('PP(p) = 2^{H(p)}'), 'perplexity');
  assert.equal(concept('2^{-\\sum_w p(w) \\log_2 p(w)}'), 'perplexity');
});

test('two derivatives chained through the letter they share, with no left side', () => {
  assert.equal(concept('\\frac{\\partial J}{\\partial a_k} \\cdot \\frac{\\partial a_k}{\\partial w}'), 'chain-rule');
  // Two derivatives that share nothing are a product, not the chain rule.
  assert.notEqual(concept('\\frac{\\partial J}{\\partial a} \\cdot \\frac{\\partial b}{\\partial w}'), 'chain-rule');
});

test("a window's score against a corrupted window's, written as two letters, is Collobert and Weston's loss", () => {
  assert.equal(concept('J = \\max(0, 1 - s + s_{c})'), 'collobert-weston');
  // Scores of classes against the true class's, summed over classes: the multiclass hinge.
  assert.equal(concept('L_i = \\sum_{j \\ne y_i} \\max(0, s_j - s_{y_i} + 1)'), 'hinge-loss');
});

test('a Greek ω weight on the input of the same index is a weighted sum', () => {
  assert.equal(concept('a = \\omega_1 x_1 + \\omega_2 x_2 + \\dots + \\omega_d x_d'), 'affine-layer');
});

test('a function of e to a braced power keeps its call, and three periods are an ellipsis', () => {
  assert.equal(concept('\\alpha^{t} = softmax(e^{t})'), 'attention');
  assert.match(normaliseTex('softmax(e^{t})'), /softmax\(e\^\{t\}\)/);
  assert.equal(normaliseTex('x_1, ..., x_n').replace(/\s+/g, ' '), 'x_1, \\ldots , x_n');
  // A decimal followed by dots is left alone.
  assert.equal(normaliseTex('3.5...'), '3.5...');
});

test('a decoder state scored against an encoder state, e_{t,i} = s_tᵀ h_i, is the first step of attention', () => {
  assert.equal(concept('\\mathbf{e}_{t, i}=\\mathbf{s}_{t}^{T} \\mathbf{h}_{i}'), 'attention');
  assert.equal(concept('\\mathbf{e}_{t, i}=\\mathbf{s}_{t}^{T} \\mathbf{W} \\mathbf{h}_{i}'), 'attention');
  assert.equal(concept('\\boldsymbol{e}_{i}=\\boldsymbol{s}^{T} \\boldsymbol{h}_{i} \\in \\mathbb{R}'), 'attention');
  // e indexed by the step and defined by the formula is the letter, not Euler's number.
  assert.equal(concept('e^{t}=[s_{t}^T h_{1},...,s_{t}^T h_{N}]'), 'attention');
  // Two inputs dotted together are no decoder and encoder states; e to the x defined by its series stays the exponential.
  assert.notEqual(concept('e_{ij} = x_i^T x_j'), 'attention');
  assert.match(show(parseTex(normaliseTex('e^{x} = 1 + x + \\frac{x^2}{2}'))), /^\\operatorname\{exp\}\(x\) =/);
});

test('the next value drawn given a window of τ earlier values is a Markov model of that order', () => {
  assert.equal(concept('X_t\\sim P(X_t|X_{t-1},...,X_{t-\\tau})'), 'ngram-markov');
  assert.equal(concept('P(x_{t+1}|x_t,...,x_{t-\\tau+1})'), 'ngram-markov');
  assert.equal(concept('X_t \\sim P(X_t\\mid X_{t-1},\\cdots,X_1)'), 'language-model');
  // A draw of one letter given the history of another is not the next-token conditional.
  assert.equal(concept('x \\sim P(y_t | y_{1}, \\ldots, y_{t-1})'), null);
});

test('a letter subscripted drop names dropout', () => {
  assert.equal(concept('\\gamma=\\frac{1}{1-p_{\\text {drop }}}'), 'dropout');
  assert.equal(concept('E\\_{p\\_{drop}} = p\\_{drop}(0) + (1-p\\_{drop})\\gamma h_i = h_i'), 'dropout');
  // The same scale without the drop probability's name is not claimed.
  assert.equal(concept('\\gamma = \\frac{1}{1-p}'), null);
});

test('a line with its intercept numbered 0, y = b_0 + b_1 x_1, typed with stars and glued digits too', () => {
  assert.equal(concept('y = b_0 + b_1 x_1'), 'linear-regression');
  assert.equal(concept('y = B0 + B1*x1 + ... + Bn * xN'), 'linear-regression');
  // The same sum defining another letter than the response is not claimed as the regression.
  assert.notEqual(concept('z = b_0 + b_1 x_1 + b_2 x_2'), 'linear-regression');
});

test('the next iterate from the residual times the input, with any rate letter, is a gradient step', () => {
  assert.equal(concept('\\beta^{t+1}=\\beta^{t}+\\cfrac{2\\lambda}{n}X^\\intercal(y - X\\beta^{(t)})'), 'gradient-descent');
  assert.equal(concept('\\theta^{(t+1)} = \\theta^{(t)} + \\rho \\sum_{n=1}^N(y_n - (\\theta^{(t)})^T x_n)x_n'), 'gradient-descent');
  // Momentum's velocity is no iterate of itself plus a residual.
  assert.notEqual(concept('v^{t+1} = \\gamma v^{t} + \\eta \\nabla L'), 'gradient-descent');
});

test('one sum of squared differences over another, R², is a measure of fit and no loss', () => {
  assert.equal(concept('R^2 = 1 - \\frac{\\Sigma_{n}(t_{n}-y_{n})^2}{\\Sigma_{n}(y_{n}-\\bar y)^2}'), null);
  assert.equal(concept('MSE = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2'), 'mse');
});

test("Andrew Ng's update gate: reading the memory cell c it is a GRU's, reading the activation a an LSTM's", () => {
  assert.equal(concept('\\Gamma_u = \\sigma(W_u[c^{<t-1>}, x^{<t>}] + b_u)'), 'gru');
  assert.equal(concept('\\Gamma_u = \\sigma(W_u[a^{<t-1>}, x^{<t>}] + b_u)'), 'lstm');
});

test("a neuron's input weighted by v, α_h = Σ_i v_ih x_i, is no attention", () => {
  assert.notEqual(concept('\\alpha_h = \\sum_{i=1}^{d} v_{ih} x_i'), 'attention');
  assert.equal(concept('c_t = \\sum_i \\alpha_{ti} h_i'), 'attention');
});

test("a GRU written with c, as Andrew Ng's course writes it, calls its state the memory cell, which is the hidden state", () => {
  const gru = explainFormula('c^{<t>} = \\Gamma_u \\ast \\widetilde{c}^{<t>} + (1 - \\Gamma_u) \\ast c^{<t-1>}', { learned: false });
  assert.equal(gru.concept, 'gru');
  const said = (k: string) => gru.symbols.find((x) => x.symbol === k)?.meaning ?? '';
  assert.match(said('c^{(t)}'), /^the memory cell at step t \(in a GRU the cell is the hidden state itself\) — defined here/);
  assert.match(said('c^{(t−1)}'), /^the memory cell at the previous step/);
  // Any other recurrence keeps calling its state the hidden state.
  const rnn = explainFormula('h_t = \\tanh(W h_{t-1} + U x_t)', { learned: false });
  assert.match(rnn.symbols.find((x) => x.symbol === 'h_t')?.meaning ?? '', /^the hidden state at step t \(the recurrent state\) — defined here/);
});

test('a linear score the words call a classifier is no linear regression, unless they name a regression', () => {
  const said = (tex: string, before: string) => explainFormula(tex, { context: { before }, learned: false });
  for (const before of ['if we use it as a classifier', 'Linear models for classification: two classes', 'a linear discriminant']) {
    const ex = said('y(x) = w^T x + w_0', before);
    assert.equal(ex.concept, null, before);
    assert.match(ex.unsure?.reason ?? '', /looks like Linear regression in part, but what it states is not that concept itself/);
  }
  assert.equal(said('y(x) = w^T x + w_0', 'linear regression, unlike classification').concept, 'linear-regression');
  assert.equal(said('y(x) = w^T x + w_0', 'the model').concept, 'linear-regression');
});

test('the KL divergence used in a statement, not written out, names no concept; written out, alone or against a number it does', () => {
  const c = (tex: string) => explainFormula(tex, { learned: false }).concept;
  for (const tex of ['D_{KL}(p \\| q) = D_{KL}(p_1 \\| q_1) + D_{KL}(p_2 \\| q_2)', 'q^* = \\arg\\min_q KL(q \\| p)', 'I(x, y) = KL(p(x, y) \\| p(x) p(y))']) assert.equal(c(tex), null, tex);
  for (const tex of ['D_{KL}(P \\| Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}', 'KL(p \\| q) = H(p, q) - H(p)', 'D_{KL}(q(z|x) \\| p(z))', 'D_{KL}(p \\| q) = \\int p(x) \\ln \\frac{p(x)}{q(x)} dx', 'D_{KL}(P \\| Q) \\geq 0', 'KL(p \\| q) = 0 \\iff p = q']) assert.equal(c(tex), 'kl-divergence', tex);
});

test('a loss gradient through an activation is a backpropagation step; the activation’s own slope stays the activation', () => {
  const c = (tex: string, before: string) => explainFormula(tex, { context: { before }, learned: false }).concept;
  assert.equal(c('\\frac{\\partial J}{\\partial Z} = \\frac{\\partial J}{\\partial A} * A * (1 - A)', 'Sigmoid: then we have'), null);
  assert.equal(c('\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} (1 - a^2)', 'Tanh: then we have'), null);
  assert.equal(c('\\sigma\'(x) = \\sigma(x)(1 - \\sigma(x))', 'Sigmoid'), 'sigmoid');
  assert.equal(c('\\tanh\'(x) = 1 - \\tanh^2(x)', 'Tanh'), 'tanh');
});

test('an objective function is not therefore an average of per-example losses: a mean of squared differences stays MSE', () => {
  const ex = explainFormula('J(\\theta) = \\frac{1}{m}\\sum_{i=1}^m \\left(h_\\theta(x_i) - y_i\\right)^2', { context: { before: 'Given the objective function' }, learned: false });
  assert.equal(ex.concept, 'mse');
});

test('a polynomial in the input is no claim of linear regression; a line in the inputs is linear regression', () => {
  // (Labellers of real notes call a polynomial in the input, w_1 x + w_2 x², a polynomial model — six lines to one.)
  for (const tex of ['\\hat{y} = b + w_1 x + w_2 x^2', 'h(x) = \\theta_0 + \\theta_1 x_1 + \\theta_2 x_1^2 + \\theta_3 x_1^3']) assert.notEqual(concept(tex), 'linear-regression', tex);
  for (const tex of ['\\hat{y} = w^T x + b', 'h(x^i) = \\theta_0 + \\theta_1 x^i', 'y = b_0 + b_1 x_1 + b_2 x_2']) assert.equal(concept(tex), 'linear-regression', tex);
});

test('total probability and independence are no chain rule of probability', () => {
  assert.equal(concept('P(X) = P(X|y_1)P(y_1) + P(X|y_2)P(y_2)'), null);
  assert.equal(concept('P(X) = \\sum_k P(X|y_k) P(y_k)'), null);
  assert.equal(concept('p(x, y) = p(x) p(y)'), null);
  assert.equal(concept('p(x, z) = p(x \\mid z) p(z)'), 'probability-chain-rule');
  assert.equal(concept('p(x_1, \\dots, x_n) = p(x_1) p(x_2 | x_1) \\cdots p(x_n | x_1, \\dots, x_{n-1})'), 'probability-chain-rule');
});

test('the gradient of the cost over m examples is no minibatch step; over a batch B, or as an estimate ĝ, it is', () => {
  assert.notEqual(concept('\\nabla_\\theta J(\\theta) = \\frac{1}{m} \\sum_{i=1}^m (h(x_i) - y_i) x_i'), 'minibatch-sgd');
  assert.equal(concept('\\hat{g} = \\frac{1}{m} \\nabla_\\theta \\sum_{i=1}^m L(x_i, y_i, \\theta)'), 'minibatch-sgd');
  assert.equal(concept('\\nabla_\\theta L_B(\\theta) = \\frac{1}{b} \\sum_{i \\in B} \\nabla_\\theta \\ell(y_i, x_i)'), 'minibatch-sgd');
});

test('the gradient of a loss written in cases is no piecewise activation', () => {
  assert.equal(concept('\\nabla_w J_i(w) = \\begin{cases} \\lambda w - y_i x_i & y_i w^T x_i < 1 \\\\ \\lambda w & y_i w^T x_i > 1 \\end{cases}'), null);
  assert.equal(concept('f(x) = \\begin{cases} x & x > 0 \\\\ 0.01 x & x \\le 0 \\end{cases}'), 'leaky-relu');
});

test('ulem underlines (\\uline, \\uuline) mark a vector or a matrix as \\underline does: no letter of their own', () => {
  const ex = explainFormula('\\uline{a}_l = \\uuline{W}_l \\cdot \\uline{x}_{l-1} + \\uline{b}_l', { learned: false });
  assert.equal(ex.concept, 'affine-layer');
  assert.ok(!ex.symbols.some((s) => /uu?line/.test(s.symbol)), ex.symbols.map((s) => s.symbol).join(' '));
  assert.match(ex.symbols.find((s) => s.symbol === 'W_l')?.meaning ?? '', /weight/);
});

test('a linear score under words on logistic regression is that model; not under words that name linear regression too', () => {
  assert.equal(concept('z = w^T x + b', 'Logistic regression, step one: the score'), 'logistic-regression');
  assert.equal(concept('s = \\theta_0 + \\theta_1 x_1 + \\theta_2 x_2', '逻辑回归：先算线性部分'), 'logistic-regression');
  assert.notEqual(concept('z = w^T x + b', 'From linear regression to logistic regression'), 'logistic-regression');
  // (A layer of a network, marked by its superscript, stays a layer.)
  assert.notEqual(concept('z^{[1]} = W^{[1]} x + b^{[1]}', 'logistic regression as a tiny network'), 'logistic-regression');
});

test('a line in the input is linear regression where the words say so, and nothing without them', () => {
  assert.equal(concept('\\hat{y} = a x + c', 'A simple linear regression fits'), 'linear-regression');
  assert.equal(concept("g_w(x) = w'x;", 'Linear regression, vectorised'), 'linear-regression');
  assert.equal(concept("g_w(x) = w'x;", 'the map'), null);
});

test('the maximum-likelihood estimate named by its subscript, and a sum of log-probabilities the words maximise', () => {
  assert.equal(concept('\\hat{p}_{MLE} = \\frac{k}{n}'), 'maximum-likelihood');
  assert.equal(concept('\\ell(w, b) = \\sum_n \\ln p(t_n \\mid u_n; w, b)'), 'maximum-likelihood');
  assert.equal(concept('\\mathcal{J} = \\sum_{(u, v)} \\log P(v \\mid u)', 'the encoder is trained to maximise the probability of the right reply'), 'maximum-likelihood');
  // (Without words about likelihood the shape alone is too common to name.)
  assert.equal(concept('\\mathcal{J} = \\sum_{(u, v)} \\log P(v \\mid u)', 'the objective'), null);
});

test("Octave's element-wise power, transpose and e(·), and code's object prefixes, read as the math they type", () => {
  assert.equal(concept('C = sum((A*w - t).^2)/(2*n);', 'cost'), 'mse');
  assert.equal(concept("C = ((A*w - t)'*(A*w - t))/(2*n);", 'cost'), 'mse');
  assert.equal(concept("g(x) = 1/(1+e(-w'x));"), 'logistic-regression');
  assert.equal(concept('self.s = torch.tanh(self.W_ss*self.s + self.W_xs*x)'), 'rnn');
});

test('the two-class log terms stay the binary cross-entropy under words that call them a negative log-likelihood', () => {
  assert.equal(concept('-t log(q) - (1-t)log(1-q)', 'the negative log likelihood of one example'), 'binary-cross-entropy');
});

test('a softmax the words call the attention distribution in Chinese or Korean is the attention step', () => {
  assert.equal(concept('p = \\mathrm{softmax}(s)', '这一步的注意力分布'), 'attention');
  assert.equal(concept('p = \\mathrm{softmax}(s)', '어텐션 분포를 구한다'), 'attention');
  assert.equal(concept('p = \\mathrm{softmax}(s)', 'normalise the outputs'), 'softmax');
});

test('concept names in other languages are matched without their accents', () => {
  assert.equal(concept('q_n = \\sigma(u^T z_n + c)', 'dans le cas de la regression logistique'), 'logistic-regression');
  assert.equal(concept('q_n = \\sigma(u^T z_n + c)', 'dans le cas de la régression logistique'), 'logistic-regression');
});

test('a letter of no other use applied to an affine map alone is a layer; P, E, N and I are not activations', () => {
  assert.equal(concept('o(Uv + c)', 'each neuron'), 'affine-layer');
  assert.equal(concept('z = A(V u + c)'), 'affine-layer');
  for (const tex of ['z = P(V u + c)', 'z = E(V u + c)', 'z = I(V u + c)', 'z = N(V u + c, s)']) assert.notEqual(concept(tex), 'affine-layer', tex);
});

test('the labels of a whole data set given its inputs, as a product over the examples, are the likelihood', () => {
  assert.equal(concept('P(T \\mid U) = \\prod_{n=1}^{m} P(t^{(n)} \\mid u^{(n)})'), 'maximum-likelihood');
  assert.equal(concept('p(t_1, \\dots, t_m \\mid z_1, \\dots, z_m) = \\prod_{n=1}^m \\sigma(\\theta^\\top z_n)^{t_n}(1-\\sigma(\\theta^\\top z_n))^{1-t_n}'), 'maximum-likelihood');
  // (A model of one quantity factorised over its parts stays no likelihood.)
  assert.notEqual(concept('p(u \\mid c) = \\prod_{j} p(u_j \\mid c)'), 'maximum-likelihood');
  // The words name the likelihood and the formula is a product of conditionals.
  assert.equal(concept('Q = \\prod_{n=1}^{m} N(t_n \\mid g(u_n), s^2)', 'the likelihood function is then'), 'maximum-likelihood');
  assert.equal(concept('Q = \\prod_{n=1}^{m} N(t_n \\mid g(u_n), s^2)', 'the product is then'), null);
});

test('word2vec conditionals typed without braces: the centre from both sides is CBOW, both sides from the centre skip-gram', () => {
  assert.equal(normaliseTex('P(v_k|v_k-1,v_k+1)'), 'P(v_k|v_{k-1},v_{k+1})');
  assert.equal(concept('P(v_k|v_k-1,v_k+1)'), 'cbow');
  assert.equal(concept('P(v_{k-1}, v_{k+1} \\mid v_k)'), 'skipgram');
  // (x_t - 1 with spaces is a difference.)
  assert.equal(normaliseTex('f(x_t - 1)'), 'f(x_t - 1)');
});

test('the chain rule written on the left, through an activation\'s derivative, and in code\'s dW = dz · ∂z/∂W', () => {
  assert.equal(concept('\\frac{\\partial E}{\\partial s}\\frac{\\partial s}{\\partial u}=\\frac{\\partial E}{\\partial s}\\cdot 1'), 'chain-rule');
  assert.equal(concept('\\frac{\\partial E}{\\partial S} = \\frac{\\partial E}{\\partial G} * g^\\prime(S)'), 'chain-rule');
  assert.equal(concept('dV^{[1]}=ds^{[1]}\\cdot \\frac{\\partial s^{[1]}}{\\partial V^{[1]}}=ds^{[1]}u^T'), 'chain-rule');
  // (The derivative of another quantity, not of what the left side differentiates: no chain.)
  assert.notEqual(concept('\\frac{\\partial E}{\\partial S} = \\frac{\\partial F}{\\partial G} * g^\\prime(S)'), 'chain-rule');
});

test('a shared weight\'s gradient summed over the time steps is backpropagation through time', () => {
  assert.equal(concept('\\frac{\\partial E}{\\partial v_{ab}} = \\sum_{t=1}^{T} \\delta_b^{t} u_a^{t}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial E}{\\partial W_{ss}} = \\sum_{t=1}^T \\frac{\\partial E}{\\partial o_t} V f\'(W_{ss}s_{t-1}) s_{t-1}'), 'backpropagation-through-time');
  // (Summed over the examples, it is an ordinary gradient.)
  assert.notEqual(concept('\\frac{\\partial E}{\\partial W} = \\sum_{n=1}^N \\frac{\\partial E}{\\partial o_n} u_n'), 'backpropagation-through-time');
});

test('a softmax of pre-activations is a layer\'s softmax; class weights against features φ are softmax regression', () => {
  assert.equal(concept('a^{(2)}_k = \\frac{e^{z^{(2)}_k}}{\\sum_m e^{z^{(2)}_m}}'), 'softmax');
  assert.equal(concept('a_{ij} = \\frac{\\exp(e_{ij})}{\\sum_k \\exp(e_{ik})}'), 'attention');
  assert.equal(concept('q_c = \\frac{\\exp(v_c^{T}\\phi)}{\\sum_m \\exp(v_m^{T}\\phi)}'), 'softmax-regression');
});

test('Goodfellow\'s LSTM letters, one unit of a gate, and 复位门; softmax(XXᵀ) is self-attention', () => {
  assert.equal(concept('s^{(t)} = f^{(t)} \\odot s^{(t-1)} + g^{(t)} \\odot \\sigma(b + U x^{(t)} + W h^{(t-1)})'), 'lstm');
  assert.equal(concept('r_j^{(t)} = \\sigma(b_j^{r} + \\sum_k U^{r}_{j,k} x_k^{(t)} + \\sum_k W^{r}_{j,k} h_k^{(t)})', '其中 r 为复位门'), 'gru');
  assert.equal(concept('B = \\mathrm{softmax}(HH^T)'), 'self-attention');
  assert.equal(concept('B = \\mathrm{softmax}(HG^T)'), 'softmax');
});

test('cosine similarity typed with * products', () => {
  assert.equal(concept('u*v = |u|*|v|*cos(\\theta)'), 'cosine-similarity');
  assert.equal(concept('cos(\\theta) = \\frac{U*V}{|U|*|V|}'), 'cosine-similarity');
});

test('the hypothesis at the end of a chain of rewritings, one parameter times the input, and log(Odds) linear', () => {
  assert.equal(concept('g(z) = \\sum_{k=0}^m \\theta_k z_k = \\theta^T z'), null);
  assert.equal(concept('h(x) = \\sum_{k=0}^m \\theta_k x_k = \\theta^Tx'), 'linear-regression');
  assert.equal(concept('h_\\theta(x) = \\theta_2 x'), 'linear-regression');
  assert.equal(concept('ln(Odds) = \\beta_0 + \\sum_{k=1}^m \\beta_k u_k'), 'logistic-regression');
});

test('the chain rule with a period as the product of its factors', () => {
  assert.equal(concept('\\frac{dE}{dv_1} = \\frac{dE}{ds}.\\frac{ds}{dv_1}'), 'chain-rule');
});

test('a neuron\'s pre-activation written as a function, z(x) = wᵀx + b, and a bold update under words on SGD', () => {
  assert.equal(concept('z(\\mathbf{u}) = \\mathbf{v}^T \\mathbf{u} + c', 'a single neuron'), 'affine-layer');
  assert.equal(concept('\\mathbf{w} \\leftarrow \\mathbf{w} - \\alpha D', 'Stochastic gradient descent'), 'gradient-descent');
  assert.equal(concept('\\mathbf{w} \\leftarrow \\mathbf{w} - \\alpha D', 'the update'), null);
});

test('KaTeX\'s \\larr is the update arrow', () => {
  assert.equal(concept("w \\larr w - \\alpha g'(w)"), 'gradient-descent');
});

test('a linear model named by its function letter: H(x) = wx + b, f(x; w) = wx, a(x) = ⟨w, x⟩', () => {
  assert.equal(concept('H(x) = wx + b', 'One-variable regression'), 'linear-regression');
  assert.equal(concept('H(x_1, x_2) = w_1 x_1 + w_2 x_2 + b', 'Regression with two variables'), 'linear-regression');
  assert.equal(concept('f(x; w) = w x', 'the model is then'), 'linear-regression');
  assert.equal(concept('a(x) = \\langle w, x \\rangle', 'we look for the best parameters of the model'), 'linear-regression');
  // (A generic map g, or a matrix, is not read as the model.)
  assert.equal(concept('g(x) = w^T x', 'the map'), null);
  assert.equal(concept('f(x) = w x^2', 'the model is then'), null);
});

test('a derivative operator before its function, ∂/∂x J, is read as the derivative ∂J/∂x', () => {
  assert.equal(concept('\\frac{\\partial}{\\partial v} J(g(v)) = \\frac{\\partial}{\\partial g} J(g) \\cdot \\frac{\\partial}{\\partial v} g(v)', 'the last layer'), 'chain-rule');
  assert.equal(concept('\\frac{\\partial}{\\partial v} J(g(v)) = 2 v', 'the last layer'), null);
});

test('a neuron without a bias: φ(wᵀx), φ(xᵀw), and a layer from the one below, z^{(l)} = w^{(l)} a^{(l−1)}', () => {
  assert.equal(concept('u = \\psi(\\mathbf{w}^\\top \\mathbf{x})', 'one neuron of the network'), 'affine-layer');
  assert.equal(concept('u = \\psi(\\mathbf{x}^\\top \\mathbf{w})', 'one neuron of the network'), 'affine-layer');
  assert.equal(concept('s^{(k)} = w^{(k)} a^{(k-1)}', 'notation for the layers'), 'affine-layer');
  // (θᵀx under g is the logistic regression of the regression notes; a layer two apart is no layer's input.)
  assert.equal(concept('h_\\theta(x) = g(\\theta^T x)', 'the hypothesis'), 'logistic-regression');
  assert.equal(concept('s^{(k)} = w^{(k)} a^{(k-2)}', 'notation for the layers'), null);
});

test('mathematical italic letters pasted from a rendered page are the plain letters', () => {
  assert.equal(concept('\u{1D714} = \u{1D714} - \\eta \\frac{\u{1D715} L}{\u{1D715} \u{1D714}}', 'each step'), 'gradient-descent');
});

test('under "SGD", a step on one gradient is gradient descent; a sum over a batch or an estimate ĝ is the minibatch step', () => {
  assert.equal(concept('v \\leftarrow v - \\rho \\frac{\\partial J}{\\partial v}', 'trained with SGD'), 'gradient-descent');
  assert.equal(concept('v \\leftarrow v - \\rho \\frac{\\partial J}{\\partial v}', 'trained with SGD on minibatches'), 'minibatch-sgd');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\epsilon \\hat{g}', 'SGD: the update'), 'minibatch-sgd');
});

test('a step with a velocity added is momentum, outside the catalog; a step through an inverse Hessian is Newton\'s', () => {
  assert.equal(concept('w_{k+1} = w_k - \\alpha \\nabla E(w_k) + \\mu v_k', 'with momentum'), null);
  assert.equal(concept('w_{k+1} = w_k - \\alpha \\nabla E(w_k) + \\mu (w_k - w_{k-1})', 'heavy ball'), null);
  assert.equal(concept('w_{k+1} = w_k - \\alpha \\nabla E(w_k)', 'each step'), 'gradient-descent');
  assert.equal(concept('w \\leftarrow w - H^{-1}_w(E) \\nabla_w E(w)', 'the update'), null);
});

test('text-mode accents typed in a formula are the tilde and the hat: \\~H is H̃, \\^{\\theta} is θ̂', () => {
  assert.equal(concept('\\~C_t = \\tanh(W_c x_t + U_c h_{t-1} + b_c)', 'the candidate memory cell'), 'lstm');
});

test('the reset gate on the previous state in capitals or with ∘: the GRU candidate', () => {
  assert.equal(concept('\\tilde{H}_k = \\tanh(X_k W_a + (R_k \\odot H_{k-1}) W_b + c)', 'the candidate state'), 'gru');
  assert.equal(concept('\\tilde{s}_t = \\tanh(U x_t + W (r_t \\circ s_{t-1}) + b)', 'the candidate state'), 'gru');
});

test('a layer\'s activation written out after its name is that activation, not the layer\'s output', () => {
  assert.equal(concept('a^k_j = g(z^k_j) = \\frac{1}{1 + e^{-z^k_j}}', 'as before'), 'sigmoid');
  assert.equal(concept('a^k_j = g(z^k_j)', 'as before'), 'affine-layer');
});

test('the mean squared error abbreviated in Spanish (ECM) and Portuguese or French (EQM)', () => {
  assert.equal(concept('\\text{ECM} = \\frac{1}{n} \\sum_{k=1}^n (t_k - \\hat{t}_k)^2', 'la función de pérdida'), 'mse');
  assert.equal(concept('EQM = \\frac{1}{n} \\sum_{k=1}^n (t_k - \\hat{t}_k)^2', 'a função de perda'), 'mse');
});

test('a weights\' norm alone is the penalty where the words speak of regularisation, and nothing without them', () => {
  assert.equal(concept('\\sum_k \\theta_k^2', 'the L2 regularizer'), 'regularization');
  assert.equal(concept('\\sum_k \\theta_k^2', 'the sum of squares'), null);
});

test('one case of a threshold unit on its own line, its condition in brackets, with comparisons typed as in code', () => {
  assert.equal(concept('y = 1 (v_1 u_1 + v_2 u_2 > \\theta)', 'the perceptron'), 'step-function');
  assert.equal(concept('y = 0 (v_1 u_1 + v_2 u_2 <= \\theta)', 'the perceptron'), 'step-function');
  assert.equal(concept('y = 2 (v_1 u_1 + v_2 u_2)', 'the perceptron'), null);
});

test('a unit\'s weights on the units below, Σ_i w_{ji} z_i, are a layer\'s weighted sum, not attention', () => {
  assert.equal(concept('u_k = \\sum_m w_{km} z_m', 'the weighted sum of each unit'), 'affine-layer');
  assert.equal(concept('c_k = \\sum_m \\alpha_{km} z_m', 'the context vector'), 'attention');
});

test('the cell state\'s Jacobian over the steps, with a capital pi for the product: backpropagation through time', () => {
  assert.equal(concept('\\frac{\\partial c_n}{\\partial c_m} = \\Pi^n_{j=m+1} \\frac{\\partial c_j}{\\partial c_{j-1}}', 'the gradient is a chain of Jacobians'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial C_n}{\\partial C_m} = \\prod_{j=m+1}^{n} g_j', 'hence'), 'backpropagation-through-time');
  // (A capital pi without a running index is a matrix or a policy.)
  assert.equal(concept('\\Pi = \\frac{\\partial c}{\\partial d}', 'the matrix'), null);
});

test('momentum\'s velocity and the step by it are not gradient descent, whatever the words about descent say', () => {
  assert.equal(concept('V_{k+1} = \\mu V_k - \\alpha \\nabla E(P_k)', 'stochastic gradient descent computes the update value'), null);
  assert.equal(concept('p^{(k+1)} = p^{(k)} - \\eta v_{k+1}', 'gradient descent with momentum'), null);
  assert.equal(concept('p^{(k+1)} = p^{(k)} - \\eta \\nabla E(p^{(k)})', 'gradient descent'), 'gradient-descent');
});

test('one conditional probability written as a function is no chain rule of probability: the rule is a product', () => {
  assert.equal(concept('q(u) = P(C = 1 \\mid U = u)', 'the predicted probability'), null);
  assert.equal(concept('P(A, B) = P(A) P(B \\mid A)', 'the probability of both'), 'probability-chain-rule');
});

test('Bayes\' rule with the evidence integrated over the hypotheses, a density for the likelihood, or as the joint written both ways', () => {
  assert.equal(concept('p(\\mu | D) = \\frac{f(D | \\mu) p(\\mu)}{\\int f(D | \\mu) p(\\mu) d\\mu}'), 'bayes-rule');
  assert.equal(concept('P(H | E) P(E) = P(E | H) P(H)'), 'bayes-rule');
  // (Two products of different events are no turned-around conditional.)
  assert.equal(concept('P(H | E) P(E) = P(G | F) P(F)'), null);
});

test('the evidence lower bound as a bound of q, as the bound plus its gap, and as a sum over z weighted by q', () => {
  assert.equal(concept('\\log p(x; \\phi) \\ge \\mathcal{L}(q, \\phi)'), 'elbo');
  assert.equal(concept('\\log p(x) = \\mathcal{L}(q) + \\mathrm{KL}(q \\| p(z | x))'), 'elbo');
  assert.equal(concept('\\mathcal{L}(q) = \\sum_{h} q(h) \\log \\frac{p(v, h | \\phi)}{q(h)}'), 'elbo');
  // (A sized bracket set in braces of its own is the bracket.)
  assert.equal(concept('\\log p(x) = \\mathcal{L}(q) + \\mathrm{KL}{\\Big(}q \\| p(z | x){\\Big)}'), 'elbo');
});

test('the likelihood written out factor by factor, and an arg max whose limits sit under the max alone', () => {
  assert.equal(concept('P(y_1, \\dots, y_m | \\beta) = P(y_1 | \\beta) P(y_2 | \\beta) \\cdots P(y_m | \\beta)'), 'maximum-likelihood');
  assert.equal(concept('\\hat{w}, \\hat{b} = \\arg\\underset{w,b}{\\max} L(w, b)'), 'maximum-likelihood');
});

test('word2vec\'s pair classifier in the textbook\'s notation: P(+ | w, c), P(− | w, c)', () => {
  assert.equal(concept('P(+ | w, c) = \\frac{1}{1 + \\exp(-c \\cdot w)}'), 'sgns');
  assert.equal(concept('P(- | w, c) = 1 - P(+ | w, c)'), 'sgns');
  // (A class given an input and its weights is a classifier's.)
  assert.equal(concept('P(1 | x, w) = \\sigma(w^T x)'), 'logistic-regression');
});

test('a decoder\'s conditional defined by its softmax output layer is the decoder\'s, in the translation letters e given f too', () => {
  assert.equal(concept('p(y_t | y_{<t}, x) = \\mathrm{softmax}(W_o s_t)'), 'seq2seq');
  assert.equal(concept('p(e_i | e_1^{i-1}, f_1^J) = \\mathrm{softmax}(W_o s_i)'), 'seq2seq');
});

test('an attention weight indexed above, an additive score of its two vectors, and coefficients after an intercept', () => {
  assert.equal(concept('c^{t} = \\sum_j \\alpha_{t}^{j} z^{j}'), 'attention');
  assert.equal(concept('e(s, h) = v^{\\top} \\tanh(W [s ; h])', 'a multi-layer perceptron scores them'), 'mlp-attention');
  assert.notEqual(concept('y = a_0 + \\sum_{i=1}^{n} a_i x_i'), 'attention');
});

test('a data matrix against a map of itself is a reconstruction; losses weighed against each other are no penalty; a chain of ≥ thresholds nothing', () => {
  assert.equal(concept('J = \\|X - g(V f(U X + b) + c)\\|^2'), 'autoencoder');
  assert.notEqual(concept('\\|X - X_k\\|^2'), 'autoencoder');
  assert.equal(concept('L = \\lambda_a L_a + \\lambda_b \\sum_{i} L_{b,i}'), null);
  assert.equal(concept('g(u_0) \\ge g(u_1) \\ge g(u_2)'), null);
});

test('Newton\'s step through an inverted Hessian is not gradient descent', () => {
  assert.equal(concept('x_{k+1} = x_k - \\alpha H^{-1} \\nabla g(x_k)'), null);
  assert.equal(concept('x_{k+1} = x_k - \\alpha \\nabla g(x_k)'), 'gradient-descent');
});

test('a distribution weighing its own log is an entropy: the joint entropy and the binary entropy are no cross-entropy', () => {
  assert.equal(concept('H(U, V) = -\\sum_{u}\\sum_{v} p(u, v) \\log p(u, v)'), null);
  assert.equal(concept('-[q \\log q + (1 - q) \\log(1 - q)]'), null);
  assert.equal(concept('-[t \\log p + (1 - t) \\log(1 - p)]'), 'binary-cross-entropy');
});

test('arg min over the parameters of a negative log-probability is maximum likelihood', () => {
  assert.equal(concept('\\hat{\\theta} = \\arg\\min_{\\theta} -\\sum_{n} \\log p_{\\theta}(x_n)'), 'maximum-likelihood');
});

test('a product of counts below scores a pair against chance: no n-gram estimate', () => {
  assert.equal(concept('s(a_i, a_j) = \\frac{C(a_i a_j) - \\delta}{C(a_i) C(a_j)}'), null);
});

test('a neighbour at an offset by a softmax over the vocabulary, Bayes\' rule in logs, a query and a key through one layer', () => {
  assert.equal(concept('p(x_{i+k} | x_i) = \\frac{\\exp(s(x_{i+k}, x_i))}{\\sum_{x\' \\in V} \\exp(s(x\', x_i))}'), 'skipgram-softmax');
  assert.equal(concept('\\log p(a) = \\log p(a | b) + \\log p(b) - \\log p(b | a)'), 'bayes-rule');
  assert.equal(concept('e_{ts} = \\tanh(W_1 q_t + W_2 k_s)'), 'mlp-attention');
});

test('markdown-escaped scripts, brackets and bars are read before the sums and calls they make', () => {
  assert.equal(concept('c=\\Sigma\\_k a\\_k s\\_k', 'the weighted sum of the encoder states'), 'attention');
  assert.equal(concept('\\beta_{ts}=\\frac{exp\\(e_{ts}\\)}{\\Sigma_{k=1}^{T} exp\\(e_{tk}\\)}', 'attention weights'), 'attention');
  // (Unescaped, \\| is a norm's bar and stays one.)
  assert.equal(concept('\\|u\\|_2 = \\sqrt{\\sum_i u_i^2}'), 'norms');
});

test('attention\'s scores and sums in more notations: score of two states, a weight of query and key, α transposed, a graph layer', () => {
  assert.equal(concept('score(h_t, \\bar{h}_s) = h_t^T W \\bar{h}_s'), 'attention');
  // (A kernel of two inputs is no attention score.)
  assert.notEqual(concept('k(x, y) = x^T y'), 'attention');
  assert.equal(concept('o_t = \\sum_{s} g(q_t, k_s) v_s'), 'attention');
  assert.equal(concept('c_t = \\alpha_t^T H'), 'attention');
  assert.equal(concept('z_u = \\sigma\\left( \\sum_{v \\in N(u)} \\alpha_{uv} W x_v \\right)'), 'attention');
  assert.equal(concept('k_t^{m} = W_k^{m} x_t'), 'self-attention');
});

test('a line by its intercept and slope, a least-squares fit by arg min, λ typed short, and θᵀθ as the penalty', () => {
  assert.equal(concept('y = \\theta_0 + \\theta_1 x'), 'linear-regression');
  assert.equal(concept('\\hat{w} = \\arg\\min_{w} \\| y - X w \\|_2^2'), 'linear-regression');
  // (Averaged, the same objective is the mean squared error.)
  assert.notEqual(concept('\\hat{w} = \\arg\\min_{w} \\frac{1}{n} \\sum_i (y_i - w^T x_i)^2'), 'linear-regression');
  assert.equal(concept('(lamda/(2*m)) * sum(W^2) + J', 'L2 regularization'), 'regularization');
  assert.equal(concept('\\min_w (t - X w)^T (t - X w) + \\gamma w^T w'), 'regularization');
});

test('weight decay in the book\'s arrow notation, w → w\' = w(1 − ηλ/n) − η ∂C/∂w', () => {
  assert.equal(concept('b \\rightarrow b\' = b\\left(1 - \\frac{\\eta \\lambda}{n}\\right) - \\eta \\frac{\\partial C}{\\partial b}'), 'regularization');
  assert.equal(concept('b \\rightarrow b\' = b - \\eta \\frac{\\partial C}{\\partial b}'), 'gradient-descent');
});

test('the context vector joined to the state under tanh is the attentional state; forward and backward states joined are a bidirectional RNN', () => {
  assert.equal(concept('\\tilde{s}_i = \\tanh(W_a [c_i; s_i])'), 'attention');
  // (An LSTM's joined input is the previous state and the new input.)
  assert.notEqual(concept('\\tilde{c}_t = \\tanh(W_c [h_{t-1}, x_t] + b_c)'), 'attention');
  assert.equal(concept('y_t = g(V [h_{fw,t}; h_{bw,t}])'), 'bidirectional-rnn');
});

test('no regression in a class picked by arg max, no attention in a weight vector built from examples, no KL in D_f, no likelihood with a prior', () => {
  assert.notEqual(concept('\\hat{y} = \\arg\\max_{k} w_k^T x + b_k'), 'linear-regression');
  assert.notEqual(concept('w = \\sum_{n} \\alpha_n t_n'), 'attention');
  assert.notEqual(concept('D_{\\phi}(P \\| Q) = \\int q(x) \\phi\\left(\\frac{p(x)}{q(x)}\\right) dx'), 'kl-divergence');
  assert.equal(concept('\\hat{\\theta} = \\arg\\max_{\\theta} \\log p(D | \\theta) + \\log p(\\theta)'), null);
  assert.equal(concept('\\hat{\\theta} = \\arg\\max_{\\theta} \\log p(D | \\theta)'), 'maximum-likelihood');
});

test('a decoder\'s state from its last state and last output, and the context words\' vectors averaged, in more notations', () => {
  assert.equal(concept('s_t = \\tanh(W [s_{t-1}, y_{t-1}, c])'), 'seq2seq');
  assert.equal(concept('h_t = \\tanh(W h_{t-1} + U x_t)'), 'rnn');
  assert.equal(concept('v_c = \\frac{1}{2m} \\sum_{j=1}^{2m} v_j'), 'cbow');
  assert.equal(concept('\\bar{v} = \\frac{v_{t-2} + v_{t-1} + v_{t+1} + v_{t+2}}{4}'), 'cbow');
});

test('weight decay inside an update, with sign(w), a fraction, a number or a bracket, is a gradient step on the penalised loss', () => {
  assert.equal(concept('u \\leftarrow u - \\eta \\frac{\\partial E_0}{\\partial u} - \\eta \\lambda \\, \\mathrm{sgn}(u)'), 'gradient-descent');
  assert.equal(concept('\\beta_2 := \\beta_2 - 3\\eta \\lambda \\beta_2 - \\eta \\frac{\\partial R}{\\partial \\beta_2}'), 'gradient-descent');
  assert.equal(concept('w \\leftarrow w - \\frac{\\eta \\lambda}{n} w - \\frac{\\eta}{n} \\sum_k \\frac{\\partial C_k}{\\partial w}'), 'gradient-descent');
  assert.equal(concept('w \\leftarrow w - \\alpha (\\lambda w + \\nabla_w E(w))'), 'gradient-descent');
  // (Each names the decay among its candidates.)
  assert.ok(recognise('w \\leftarrow w - \\alpha (\\lambda w + \\nabla_w E(w))').candidates.some((c) => c.id === 'regularization'));
  // (Without λ it is the plain step; λ alone, with no parameter beside it, decays nothing.)
  assert.equal(concept('u \\leftarrow u - \\eta \\frac{\\partial E_0}{\\partial u}'), 'gradient-descent');
  assert.notEqual(concept('w \\leftarrow w - \\eta \\lambda - \\eta \\nabla E'), 'regularization');
});

test('a step by a velocity or a moment averaged from the gradients, or by a per-parameter rate under a root, is no plain gradient descent', () => {
  const optimisers = [
    'q \\leftarrow \\mu q - \\alpha \\frac{dE}{dw}',
    '\\begin{aligned} u_t &= \\gamma u_{t-1} + \\eta \\nabla_w E(w) \\\\ w &= w - u_t \\end{aligned}',
    'P \\to P\' = \\rho P - \\alpha \\nabla E \\\\ U \\to U\' = U + P\'',
    'w_{k+1} \\gets w_k - \\frac{\\alpha}{\\sqrt{r_k + \\delta}} \\odot g_k',
    'w_{k+1} = w_k - \\frac{\\alpha}{s_k} g_k \\\\ s_k = \\sqrt{\\rho s_{k-1}^2 + (1 - \\rho) g_k^2}',
  ];
  for (const tex of optimisers) {
    const r = recognise(tex, { before: 'gradient descent, made faster' });
    assert.notEqual(r.concept, 'gradient-descent', tex);
    // (A step by a velocity another line averages is momentum's: Adam is ruled out too.)
    assert.deepEqual(r.ruledOut?.filter((id) => id !== 'adam'), ['gradient-descent', 'minibatch-sgd'], tex);
    // (The learned model does not name what the structure ruled out.)
    assert.notEqual(explainFormula(tex, { context: { before: 'gradient descent, made faster' } }).concept, 'gradient-descent', tex);
  }
  // (Adam's corrected moments under the root stay Adam's; the plain step stays gradient descent.)
  assert.equal(concept('w_{k+1} = w_k - \\frac{\\alpha}{\\sqrt{\\hat{v}_k} + \\epsilon} \\hat{m}_k'), 'adam');
  assert.equal(concept('w_{k+1} = w_k - \\alpha \\nabla E(w_k)'), 'gradient-descent');
  assert.equal(recognise('w_{k+1} = w_k - \\alpha \\nabla E(w_k)').ruledOut, undefined);
});

test('a cosine over |x||y| or bars doubled with \\left and \\right; a leaky ReLU in an array opened by a brace, or named PReLU', () => {
  assert.equal(concept('\\mathrm{sim}(a, b) = \\frac{a^T b}{|a| |b|}'), 'cosine-similarity');
  assert.equal(concept('\\cos(a, b) = \\frac{a^T b}{\\left| \\left| a \\right| \\right|_2 \\left| \\left| b \\right| \\right|_2}'), 'cosine-similarity');
  // (Bars around a letter the numerator does not multiply are no lengths of its vectors.)
  assert.notEqual(concept('r = \\frac{a^T b}{|c| |d|}'), 'cosine-similarity');
  assert.equal(concept('g(u) = \\left\\{ \\begin{array}{ll} u & u > 0 \\\\ 0.2 u & u \\le 0 \\end{array} \\right.'), 'leaky-relu');
  assert.equal(concept('g(u) = \\left\\{ \\begin{array}{ll} u & u > 0 \\\\ 0 & u \\le 0 \\end{array} \\right.'), 'relu');
  assert.equal(concept('PReLU(u) = \\max(\\beta u, u)'), 'leaky-relu');
});

test('Andrew Ng\'s GRU candidate reads the memory cell c^{<t−1>}; the LSTM\'s reads a^{<t−1>}', () => {
  assert.equal(concept('\\tilde{c}^{<t>} = \\tanh(W_c[c^{<t-1>}, x^{<t>}] + b_c)'), 'gru');
  assert.equal(concept('\\tilde{c}^{<t>} = \\tanh(W_c[\\Gamma_r * c^{<t-1>}, x^{<t>}] + b_c)'), 'gru');
  assert.equal(concept('\\tilde{c}^{<t>} = \\tanh(W_c[a^{<t-1>}, x^{<t>}] + b_c)'), 'lstm');
});

test('Att(q, K, V) names attention, and a weighted sum of values under that name is not self-attention for it', () => {
  assert.equal(concept('\\mathrm{Att}(q_j, K, V) = \\sum_{i} \\alpha_{ji} v_i'), 'attention');
  // (Unnamed, values weighted in a sentence about self-attention stay self-attention.)
  assert.equal(concept('o_j = \\sum_i \\alpha_{ji} v_i', 'the output of self-attention for each token'), 'self-attention');
});

test('the asymmetry of a KL is not the KL defined; −ax − b is a linear score', () => {
  assert.equal(concept('D_{KL}(A \\| B) \\neq D_{KL}(B \\| A)'), null);
  assert.equal(concept('KL(A \\| B) = \\sum_i A_i \\log \\frac{A_i}{B_i}'), 'kl-divergence');
  assert.equal(concept('q(x) = \\frac{1}{1 + e^{-a x - d}}'), 'logistic-regression');
  assert.equal(concept('q(x) = \\frac{1}{1 + e^{-(a x + d)}}'), 'logistic-regression');
});

test('the learned model names no line that goes on from an earlier one', () => {
  // (A line of a derivation opens with its relation; its left side is elsewhere.)
  const lines = ['= \\frac{\\exp(a_k^T b)}{\\sum_j \\exp(a_j^T b)} a_k', '&= -\\sum_k y_k \\log \\hat{y}_k', '\\approx \\frac{1}{n} \\sum_i \\ell_i'];
  for (const tex of lines) assert.equal(explainFormula(tex).learned.by === 'learned', false, tex);
});

test('the course\'s regularised step, α[(1/m) Σ (h − y) x + (λ/m) w], stays gradient descent; so does λw beside a gradient in the bracket', () => {
  assert.equal(concept('u_k := u_k - \\alpha \\left[ \\frac{1}{n} \\sum_{i=1}^n (g(x^{(i)}) - y^{(i)}) x_k^{(i)} + \\frac{\\lambda}{n} u_k \\right]'), 'gradient-descent');
  assert.equal(concept('u \\leftarrow u - \\alpha (\\lambda u + \\nabla_u E(u))'), 'gradient-descent');
});

test('a chain of states from step 0, or run backwards, is a process factorised by the chain rule, not a language model', () => {
  assert.equal(concept('p(s_0, s_1, \\dots, s_T) = p(s_0) p(s_1 | s_0) \\dots p(s_T | s_{T-1})'), 'probability-chain-rule');
  assert.equal(concept('p(s_{0:K}) = p(s_K) \\prod_{k=1}^{K} p(s_{k-1} | s_k)'), 'probability-chain-rule');
  // (A sentence's words from the first, each given all before it, stay the language model.)
  assert.equal(concept('P(w_1, \\ldots, w_m) = \\prod_{k=1}^{m} P(w_k | w_1, \\ldots, w_{k-1})'), 'language-model');
});

test('a target drawn from a Gaussian around a linear prediction is linear regression, and the learned model keeps it', () => {
  assert.equal(concept('t_k \\sim \\mathcal{N}(\\theta^\\top x_k, s^2)'), 'linear-regression');
  assert.equal(concept('q(t | x, \\theta) = \\mathcal{N}(t ; w^T \\phi(x), s^2)'), 'linear-regression');
  assert.equal(explainRules('t_k \\sim \\mathcal{N}(w^T x_k + b, s^2), \\forall k', { context: { before: 'Suppose that' } }).concept, 'linear-regression');
  assert.equal(recognise('t_k \\sim \\mathcal{N}(w^T x_k + b, s^2)').firm, true);
  // (A prior on the weights, a product over the data, or a mean that is not linear in the input is something else.)
  assert.notEqual(concept('w \\sim \\mathcal{N}(0, \\tau^2)'), 'linear-regression');
  assert.notEqual(concept('\\begin{aligned} t | w &\\sim \\mathcal{N}(w^T x, s^2) \\\\ w &\\sim \\mathcal{N}(0, \\tau^2) \\end{aligned}'), 'linear-regression');
  assert.equal(recognise('\\prod_k \\mathcal{N}(t_k | w^T x_k, s^2)').firm, undefined);
  assert.notEqual(concept('t \\sim \\mathcal{N}(\\mu_\\theta(z), s^2)'), 'linear-regression');
});

test('a smoothed n-gram estimate (pseudo-counts, interpolation, a smoothing named) is not the plain count ratio, nor named by the learned model', () => {
  assert.equal(concept('P(b | a) = \\frac{\\mathrm{count}(a, b)}{\\mathrm{count}(a)}'), 'ngram-markov');
  assert.equal(concept('P(b | a) = \\frac{\\mathrm{count}(a, b) + 1}{\\mathrm{count}(a) + V}'), null);
  assert.equal(concept('P(b | a) = \\frac{C(a\\, b) + k}{C(a) + k|V|}'), null);
  assert.deepEqual(recognise('P(c | a b) = \\lambda_1 P(c) + \\lambda_2 P(c | b) + \\lambda_3 P(c | a b)').ruledOut, ['ngram-markov']);
  assert.equal(explainFormula('P(c | a b) = \\lambda_1 P(c) + \\lambda_2 P(c | b) + \\lambda_3 P(c | a b)', { context: { before: 'the bigram and trigram probabilities mixed' } }).concept, null);
  assert.equal(concept('P_{\\mathrm{Lidstone}}(b | a) = \\frac{C(a b) + \\delta}{C(a) + \\delta V}'), null);
});

test('attention weights over scores stay attention where the sentence calls the step a softmax', () => {
  assert.equal(concept('\\alpha_{sk} = \\frac{\\exp(e_{sk})}{\\sum_{m=1}^{M} \\exp(e_{sm})}', 'then we apply the softmax:'), 'attention');
  // (A score normalised under its own letter is the softmax itself.)
  assert.notEqual(concept('\\hat{\\alpha}_{sk} = \\exp(\\alpha_{sk}) / \\sum_m \\exp(\\alpha_{sm})', 'then we apply the softmax:'), 'attention');
});

test('maximum likelihood over what indexes the model, or over the models, or of a product of densities; an estimate of a model is no n-gram', () => {
  assert.equal(concept('\\max_\\psi \\sum_n \\log p_\\psi(s_n)'), 'maximum-likelihood');
  assert.equal(concept('\\max_{p \\in Q} \\frac{1}{N} \\sum_{s \\in S} \\log p(s)'), 'maximum-likelihood');
  assert.equal(concept('\\arg\\max_{\\theta} \\prod_n g(s_n; \\theta)'), 'maximum-likelihood');
  // (A max over something else than the model is not it.)
  assert.notEqual(concept('\\max_k \\log q(s_k)'), 'maximum-likelihood');
  assert.notEqual(concept('q_\\theta(s | t) \\approx q^*(s | t)'), 'ngram-markov');
  assert.equal(concept('P(w_t | w_1, \\ldots, w_{t-1}) \\approx P(w_t | w_{t-2}, w_{t-1})'), 'ngram-markov');
});

test('softmax of coefficients B times an example x_n is softmax regression; σ(Xw) under h_w is logistic regression', () => {
  assert.equal(concept('\\hat{p}_n = \\mathrm{softmax}(B^\\top x_n)'), 'softmax-regression');
  assert.equal(concept('\\hat{Y} = \\mathrm{softmax}(X B)'), 'softmax-regression');
  // (A time step's input is a recurrent network's, not an example's.)
  assert.notEqual(concept('\\hat{y}_t = \\mathrm{softmax}(B^\\top x_t)'), 'softmax-regression');
  assert.equal(concept('h_\\beta(X) = \\sigma(X \\beta)'), 'logistic-regression');
});

test('β in a linear model written with its data is a coefficient (a weight), not a decay rate', () => {
  const ridge = '\\hat{\\beta} = \\arg\\min_\\beta \\sum_{i=1}^n (y_i - x_i^T \\beta)^2 + \\lambda \\sum_j \\beta_j^2';
  const concept = explainFormula(ridge).concept;
  assert.ok(concept === 'regularization' || concept === 'linear-regression' || concept === 'mse', String(concept));
  assert.match(meaning(ridge, 'β'), /coefficient of the linear model/);
  // (Adam's β₁, or a β with no data beside it, keeps its general reading.)
  assert.doesNotMatch(meaning('m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t', 'β₁'), /linear model/);
});

test('a linear score bounded on the line is a margin or a decision region, not the linear model; a value\'s range beside its definition is not', () => {
  assert.equal(concept('g(x) = w^{T} x + b \\leq -1'), null);
  assert.equal(concept('g(x) = w^{T} x + b'), 'linear-regression');
  assert.equal(concept('q(x) = \\frac{e^{\\beta_0 + \\beta_1 x}}{1 + e^{\\beta_0 + \\beta_1 x}} \\quad 0 \\leq q(x) \\leq 1'), 'logistic-regression');
});

test('a note\'s undefined macro for a network (\\rnn, \\birnn, \\lstmstar) reads as the network\'s name', () => {
  assert.equal(concept('\\mathbf{o}_k = \\rnn(\\mathbf{u}_{1:k})'), 'rnn');
  assert.equal(concept('\\birnn(\\mathbf{u}_{1:m}, j) = [\\mathbf{f}_j; \\mathbf{b}_j]'), 'bidirectional-rnn');
  assert.equal(concept('\\mathbf{o}_{1:m} = \\lstmstar(\\mathbf{u}_{1:m})'), 'lstm');
  // (Another undefined macro is still a letter.)
  assert.equal(concept('\\mathbf{o}_k = \\foo(\\mathbf{u}_{1:k})'), null);
});

test('a recurrent network called by its name, or its state computed from the state before and the input, is kept against the learned model', () => {
  for (const [tex, id] of [['r_k = BiGRU(e_k) \\in \\mathbb{R}^{2d}', 'bidirectional-rnn'], ['\\mathbf{o}_k = \\rnn(\\mathbf{u}_{1:k})', 'rnn'], ['s_t = R(s_{t-1}, u_t)', 'rnn']] as const) {
    const ex = explainRules(tex);
    assert.equal(ex.concept, id, tex);
    assert.equal(ex.learned.by, 'rules', tex);
  }
  // (A subscripted name, RNN_{fwd}, is one direction of something else: not firm.)
  assert.equal(recognise('h_k = RNN_{fwd}(u_{1:k})').firm, undefined);
});

test('a cases row written without & (`a z \\qquad (z \\le 0)`) splits before its bracketed condition', () => {
  assert.equal(concept('g(z) = \\begin{cases} c z \\qquad (z \\leq 0) \\\\ z \\qquad (z > 0) \\end{cases}'.replace('c z', 'a z')), 'leaky-relu');
  assert.equal(concept('g(u) = \\begin{cases} 1 \\quad (u > 0) \\\\ 0 \\quad (u \\leq 0) \\end{cases}'), 'step-function');
  assert.equal(concept('g(u) = \\begin{cases} u \\quad (u > 0) \\\\ 0 \\quad (u \\leq 0) \\end{cases}'), 'relu');
});

test('a transposed factor before \\cdot is a product, and the sentence\'s full stop after a formula is no part of it', () => {
  assert.equal(concept('h_{\\beta}(x) = \\beta^{T} \\cdot x'), 'linear-regression');
  assert.equal(concept('h_{\\beta}(x) = \\beta^{\\top} x.'), 'linear-regression');
  assert.equal(concept('h_{\\beta}(x) = \\beta^{\\top} x,'), 'linear-regression');
});

test('a second derivative of an activation is its curvature, not the slope the hover explains with the function', () => {
  assert.equal(concept('\\frac{\\partial^2 \\sigma}{\\partial u_k^2} = \\frac{\\partial \\sigma}{\\partial u_k} (1 - 2 \\sigma(u_k))'), null);
  assert.equal(concept('\\frac{\\partial^2 \\text{ReLU}}{\\partial u_k^2} = 0'), null);
  assert.equal(concept('\\frac{\\partial \\text{ReLU}}{\\partial u_k} = \\begin{cases} 1 & u_k > 0 \\\\ 0 & \\text{otherwise} \\end{cases}'), 'relu');
});

test('an equation-image link\'s entities (&space; &plus;) are the spaces and signs they stand for', () => {
  assert.equal(concept('u_{t+1}=u_{t}+M_t,\\:\\:M_t=\\rho&space;M_{t-1}-\\alpha\\nabla&space;F'), null);
  assert.ok(recognise('u_{t+1}=u_{t}+M_t,\\:\\:M_t=\\rho&space;M_{t-1}-\\alpha\\nabla&space;F').ruledOut?.includes('gradient-descent'));
  assert.equal(concept('a&space;=&space;\\sigma(z)'), 'sigmoid');
  assert.equal(concept('z=Wx&plus;b'), 'affine-layer');
});

test('a comma and a medium space (,\\; ,\\:) part two statements as \\quad does', () => {
  for (const sep of [',\\;', ',\\:\\:', ',\\quad']) {
    const tex = `u_{t+1}=u_{t}+M_t${sep} M_t=\\rho M_{t-1}-\\alpha\\nabla F`;
    assert.ok(recognise(tex).ruledOut?.includes('gradient-descent'), tex);
  }
});

test('a rate divided by RMS[g] is an adaptive step, and a slice of the data x^{(i:i+n)} makes a step a minibatch step', () => {
  assert.equal(concept('u_{k+1} = u_k - \\frac{\\alpha}{RMS[g]_k} g_k'), null);
  assert.equal(concept('u := u - \\alpha \\nabla_u L(u; a^{(j:j+b)}, c^{(j:j+b)})'), 'minibatch-sgd');
  assert.equal(concept('u := u - \\alpha \\nabla_u L(u; a^{(j)}, c^{(j)})'), 'gradient-descent');
});

test('a running maximum of a letter and its value before is no network step, nor are the inputs a sum adds up', () => {
  assert.equal(concept('S_t = \\max(\\rho S_{t-1} + (1-\\rho) q_t^2, S_{t-1})'), null);
  assert.equal(concept('s_t = f(s_{t-1}, u_t)'), 'rnn');
  assert.notEqual(concept("a'_3 = \\sigma(\\sum_{j=1}^{5} v_{3j} a_j)"), 'rnn');
});

test('the statistician\'s linear model, a response as coefficients times inputs plus an error term, is firm', () => {
  const ex = explainRules('Z_j = \\sum_{m=1}^q X_{mj} \\beta_m + \\varepsilon_j'.replace(/Z_j/, 'Y_j'));
  assert.equal(ex.concept, 'linear-regression');
  assert.ok(recognise('Y_j = \\beta_0 + \\beta_1 X_j + u_j').firm);
  // (A normalisation's ε under a root and β as a shift are no linear model.)
  assert.ok(!recognise('y = \\frac{x - m}{\\sqrt{s^2 + \\epsilon}} \\gamma + \\beta').firm);
});

test('\\arrowvert and \\Arrowvert are the bar and the double bar; the econometrician\'s x\'β is a transpose', () => {
  assert.equal(concept('P(C=c\\arrowvert D)=\\frac{P(D\\arrowvert C=c)P(C=c)}{P(D)}'), 'bayes-rule');
  assert.equal(concept('q(x,\\theta)=\\frac{1}{1+\\exp(-x^{\\prime}\\theta)}'), 'logistic-regression');
  assert.equal(concept("q(x,\\theta)=\\frac{1}{1+\\exp(-x'\\theta)}"), 'logistic-regression');
  // (A prime on a function is still a derivative.)
  assert.equal(concept("g'(x) = g(x)(1 - g(x))".replace(/g/g, '\\sigma')), 'sigmoid');
});

test('the Bernoulli log-likelihood without its minus is named binary cross-entropy and said to be its negative, unless the left side names a likelihood', () => {
  const r = recognise('m_k(q) = \\frac{1}{k}\\sum_{j=1}^{k} c_j \\ln q + (1 - c_j) \\ln (1 - q)');
  assert.equal(r.concept, 'binary-cross-entropy');
  assert.match(r.candidates[0].why, /no minus.*negates/);
  assert.notEqual(concept('\\log L(\\beta) = \\sum_j c_j \\log q_j + (1 - c_j) \\log (1 - q_j)'), 'binary-cross-entropy');
  assert.equal(recognise('J = -\\sum_j c_j \\log q_j + (1 - c_j) \\log (1 - q_j)').candidates[0].why.includes('no minus'), false);
});

test('the input less its own mean in a norm is centred, not an input given back', () => {
  assert.notEqual(concept('b = \\frac{(\\mathbf{x}-\\bar{x}\\mathbf{1})^{T}\\mathbf{t}}{\\Arrowvert \\mathbf{x}-\\bar{x}\\mathbf{1}\\Arrowvert^{2}}'), 'autoencoder');
  assert.equal(concept('L = \\| x - g(f(x)) \\|^2'), 'autoencoder');
});

test('plain TeX\'s {a \\over b} is the fraction of its group; an \\over outside any group is a slash', () => {
  assert.equal(concept('{dJ \\over dv_k} = {dJ \\over dg} \\cdot {dg \\over dv_k}'), 'chain-rule');
  assert.equal(normaliseTex('{a \\over {b+c}} + d'), '\\frac{a }{ {b+c}} + d');
  assert.equal(normaliseTex('a \\over b'), 'a  /  b');
  // (A recursive group is read inside out; 100k characters of them stay fast.)
  assert.equal(normaliseTex('{{1 \\over 2} \\over 3}'), '\\frac{\\frac{1 }{ 2} }{ 3}');
  const t0 = Date.now();
  normaliseTex('{x \\over y}'.repeat(10_000));
  assert.ok(Date.now() - t0 < 2_000);
});

test('a count of the history and a word over the sum of such counts over every word is the n-gram estimate', () => {
  assert.equal(concept('P(v | h) = \\frac{Count(h, v)}{\\sum_{u} Count(h, u)}'), 'ngram-markov');
  // (Counts of classes over a sum of counts with one argument are no history and word.)
  assert.notEqual(concept('P(Y = c) = \\frac{N_c(x)}{\\sum_u N_u(x)}'), 'ngram-markov');
});

test('the divides sign ∣ is a conditional\'s bar; code\'s ** is a power, and a bare m or v updated in place with β₁, β₂ is Adam\'s moment', () => {
  assert.equal(concept('P(a∣b) = \\frac{P(b∣a) P(a)}{P(b)}'), 'bayes-rule');
  assert.equal(normaliseTex('y = x**2 + beta1**t'), 'y = x^{2} + \\beta_1^{t}');
  assert.equal(concept('s = beta2*s + (1-beta2)*(g**2)'), 'adam');
  assert.equal(concept('sb = s / (1-beta2**t)'), 'adam');
});

test('code\'s numbered letters side by side are a product, and a dot after a numbered matrix is its product', () => {
  assert.equal(normaliseTex('g(x) = w1x1 + w2x2 + b'), 'g(x) = w_{1} x_{1} + w_{2} x_{2} + b');
  assert.equal(concept('Z2 = W2.A1 + B2'), 'affine-layer');
});

test('a product of each example\'s label given its input is a likelihood, not a language model', () => {
  assert.equal(concept('P(D) = \\prod_{n=1}^N P(t_n | x_n)'), 'maximum-likelihood');
  assert.equal(concept('P(w_1, \\ldots, w_T) = \\prod_{t=1}^T P(w_t | w_1, \\ldots, w_{t-1})'), 'language-model');
});

test('q·k over √d is the scaled dot-product score, not self-attention\'s plain score', () => {
  assert.equal(concept('s(\\mathbf q, \\mathbf k) = \\frac{\\mathbf q^\\top \\mathbf k}{\\sqrt{d_k}}'), 'scaled-dot-product-attention');
  assert.equal(concept('e_{ij} = q_i^\\top k_j'), 'self-attention');
});

test('a derivation whose first line names the KL divergence is the KL divergence, whatever the sentence mentions', () => {
  const block = '\\begin{aligned} KL(a||b) &= \\sum_j a_j \\log a_j - \\sum_j a_j \\log b_j \\\\ &= -H(a) + [-\\sum_j a_j \\log b_j] \\end{aligned}';
  assert.equal(concept(block, 'and the cross-entropy'), 'kl-divergence');
});

test('the discriminator\'s loss with its minus is binary cross-entropy; the game\'s value and negative sampling\'s pair are not', () => {
  assert.equal(concept('-\\log D(x_r) - \\log(1 - D(G(u)))'), 'binary-cross-entropy');
  assert.notEqual(concept('\\min_G \\max_D \\mathbb{E}[\\log D(x)] + \\mathbb{E}[\\log(1 - D(G(z)))]'), 'binary-cross-entropy');
  assert.equal(recognise('-\\log \\sigma(s(w, c)) - \\log(1 - \\sigma(s(w, n)))').candidates.some((c) => c.why.includes('an example of each class')), false);
});

test('a leaky ReLU\'s negative slope named in words', () => {
  assert.equal(concept('g(z)=\\begin{cases} z, & z \\ge 0 \\\\ \\text{leak} \\times z, & z<0 \\end{cases}'), 'leaky-relu');
});

test('a loss plus λ times the model\'s complexity J(f) is regularised; without the weight it is no penalty', () => {
  assert.equal(concept('R(h) = \\frac{1}{m}\\sum_{j} \\ell(y_j, h(x_j)) + \\lambda J(h)'), 'regularization');
  assert.notEqual(concept('R(h) = \\frac{1}{m}\\sum_{j} \\ell(y_j, h(x_j)) + J(h)'), 'regularization');
});

test('d2l\'s prod of the gradient from the next step and that step\'s Jacobian is backpropagation through time', () => {
  assert.equal(concept('\\frac{\\partial J}{\\partial s_k} = \\text{prod}\\left(\\frac{\\partial J}{\\partial s_{k+1}}, \\frac{\\partial s_{k+1}}{\\partial s_k}\\right)'), 'backpropagation-through-time');
});

test('the expected squared distance between a quantity and the model\'s prediction of it is a squared error', () => {
  assert.equal(concept('J = \\mathbb{E}_{t}\\left[\\| z - z_{\\theta}(y_t, t) \\|^2\\right]'), 'mse');
});

test('an arg max with nothing below it whose left side is the estimate of the parameters is maximum likelihood', () => {
  assert.equal(concept('w^*, b^* = \\arg\\max L(w, b)'), 'maximum-likelihood');
});

test('a head\'s query projection indexed r', () => {
  assert.equal(recognise('\\mathbf{K}_r = \\mathbf{Z}\\mathbf{W}_r^K').concept, 'multi-head-attention');
});

test('in a note on logistic regression, the linear score of the i-th example is its log-odds; a layer\'s index on the weights is a layer', () => {
  assert.equal(concept('z^{(2)} = w^T x^{(2)} + b', 'Vectorising logistic regression:'), 'logistic-regression');
  assert.notEqual(concept('z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}', 'Vectorising logistic regression:'), 'logistic-regression');
});

test('a slice of the data in brackets makes a step a minibatch step', () => {
  assert.equal(concept('w = w - \\eta \\nabla_w J(w; x(i:i+b); y(i:i+b))'), 'minibatch-sgd');
});

test('a velocity accumulated from the parameters\' gradients, and the step by it, anywhere in a chain, are momentum\'s; v′ = v − η∇C is a step of v', () => {
  const r = recognise('\\theta^{(k+1)} = \\theta^{(k)} + v^{(k+1)} = \\theta^{(k)} + \\mu v^{(k)} - \\eta J\'(\\theta^{(k)})');
  assert.notEqual(r.concept, 'gradient-descent');
  assert.ok(r.ruledOut?.includes('gradient-descent'));
  assert.ok(recognise('v^{(k+1)} = -\\eta J\'(\\theta^{(k)}) + v^{(k)}').ruledOut?.includes('gradient-descent'));
  assert.equal(concept('v \\to v\' = v - \\eta \\nabla C'), 'gradient-descent');
});

test('a reconstruction error plus a KL to the prior is the ELBO even on a line of a derivation that ends on its =', () => {
  assert.equal(recognise('\\begin{split} J = \\|y - \\hat{y}\\|^2 + \\operatorname{KL}[\\mathcal{N}(\\mu,\\sigma), \\mathcal{N}(0, I)] =\\\\= \\|y - G(z)\\|^2 + \\operatorname{KL}[\\mathcal{N}(\\mu,\\sigma), \\mathcal{N}(0, I)] \\end{split}').concept, 'elbo');
});

test('D(u‖v) over any two letters, ∫ u log(u/v), is the KL divergence; a two-layer map still is a network', () => {
  assert.equal(recognise('D(u||v) = \\int u(y) \\log \\frac{u(y)}{v(y)} dy').concept, 'kl-divergence');
  assert.equal(recognise('y = \\phi(\\phi(X W_1) W_2) w').candidates[0].id, 'mlp');
});

test('a rate times g(x_k), the gradient written as a function, is a gradient step', () => {
  assert.equal(concept('x_{k+1} = x_k - \\eta\\, g(x_k)'), 'gradient-descent');
});

test('the next word given a fixed window of the last ones by their offsets is an n-gram model; given both sides, CBOW', () => {
  assert.equal(concept('P(w_i | w_{i-2}, w_{i-1})'), 'ngram-markov');
  assert.equal(concept('P(w_t | w_{t-1}, w_{t+1})'), 'cbow');
});

test('the weighted input of one gate alone, marked by the gate\'s letter, is the LSTM\'s or the GRU\'s', () => {
  assert.equal(concept('x_t U^{(o)} + h_{t-1} V^{(o)} + b^{(o)}'), 'lstm');
  assert.equal(concept('x_t W_z + h_{t-1} U_z + b_z'), 'gru');
});

test('the words on each side given the centre, one log each, are skip-gram\'s loss', () => {
  assert.equal(concept('-\\log P(w_{c-1}|w_c) - \\log P(w_{c+1}|w_c)'), 'skipgram');
});

test('a weight change of a rate times the error and the prediction\'s gradient is a gradient step, the rate read as a call or not', () => {
  assert.equal(concept('\\Delta \\mathbf{w} = \\alpha\\left(g_t - \\hat{q}(s_t, \\mathbf{w})\\right) \\nabla_{\\mathbf{w}} \\hat{q}(s_t, \\mathbf{w})'), 'gradient-descent');
});

test('limits set under one operator are its own: \\underset{β}{\\max} is max over β', () => {
  assert.equal(normaliseTex('\\underset{\\beta}{\\max} \\mathcal{L}(\\beta)'), '\\max_{\\beta} \\mathcal{L}(\\beta)');
  assert.equal(recognise('\\underset{\\boldsymbol{\\beta}}{\\max} \\mathcal{L}(\\boldsymbol{\\beta})').concept, 'maximum-likelihood');
});

test('a prediction a softmax or a sigmoid gives is described as a predicted probability', () => {
  const ex = explainFormula('\\left\\{\\begin{aligned}&s=Uh+c\\\\& \\hat{y}=\\mathrm{softmax}(s)=\\frac{\\exp(s)}{1^T\\exp(s)} \\end{aligned}\\right.');
  assert.match(ex.symbols.find((s) => /^the prediction/.test(s.meaning))?.meaning ?? '', /predicted probability/);
});

test('q·k over √d scoring two positions of one sequence, score(x_i, x_j), stays self-attention\'s score', () => {
  assert.equal(concept('\\text{score}(\\mathbf{h}_a, \\mathbf{h}_b) = \\frac{\\mathbf{q}_a \\cdot \\mathbf{k}_b}{\\sqrt{d_k}}'), 'self-attention');
});

test('the cost named by its own letter plus a penalty, C = C₀ + λ/n Σ|w|, is a regularised loss', () => {
  assert.equal(concept('C=C_0+\\frac{\\lambda}{n}\\sum_w{|w|}'), 'regularization');
  assert.equal(concept('C = C_0 + \\frac{\\lambda}{2n}\\sum_w w^2'), 'regularization');
  // (A letter subscripted on the right with no penalty beside it adds nothing.)
  assert.notEqual(concept('C = C_0 + C_1'), 'regularization');
});

test('an update aligned on its arrow in an eqnarray, and a caret before a bracket typed without braces', () => {
  assert.equal(concept('\\begin{eqnarray} b & \\rightarrow & b -\\eta \\frac{\\partial C}{\\partial b} \\end{eqnarray}'), 'gradient-descent');
  assert.match(normaliseTex('\\frac{1}{1+e^(-\\beta*x)}'), /e\^\{-\\beta\s*x\}/);
  assert.equal(concept('f(x) = \\frac{1}{1+e^(-x)}'), 'sigmoid');
});

test('a dimension declared before a definition with a comma alone only annotates it', () => {
  assert.equal(concept('q_i \\in \\mathbb{R}^{d_k}, Q = W_q X'), 'self-attention');
  assert.equal(concept('x \\in \\mathbb{R}^n, y \\in \\{0, 1\\}'), null);
});

test('a gradient summed up to step t over the errors δ_{t,k} is backpropagation through time', () => {
  assert.equal(concept('\\frac{\\partial L_t}{\\partial U}=\\sum_{k=1}^t\\delta_{t,k}h^T_{k-1}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial L}{\\partial U}=\\sum_{t=1}^T\\sum_{k=1}^t\\delta_{t,k}h^T_{k-1}'), 'backpropagation-through-time');
  // (A sum over the examples is not over time.)
  assert.notEqual(concept('\\frac{\\partial L}{\\partial w}=\\sum_{i=1}^n\\delta_i x_i'), 'backpropagation-through-time');
});

test('an unbraced fraction takes one digit for each argument, as TeX does: \\frac12 is one half', () => {
  assert.equal(show(parseTex('\\frac12 w^2')), show(parseTex('\\frac{1}{2} w^2')));
  assert.equal(show(parseTex('\\frac1{2m}')), show(parseTex('\\frac{1}{2m}')));
  assert.equal(concept('R(w) = \\frac12 \\sum_j w_j^2'), 'regularization');
});

test('a loss named 0–1 or hinge above or below its letter, and the indicator of a non-positive margin, are the 0–1 loss', () => {
  assert.equal(concept('\\ell_{0-1} = 1(m \\le 0)'), 'zero-one-loss');
  assert.equal(concept('\\ell(y,\\hat y) = \\mathbb{1}[y \\hat y \\leq 0]'), 'zero-one-loss');
  // (The indicator of a non-negative input alone is the step.)
  assert.notEqual(concept('f(z) = \\mathbb{1}[z \\geq 0]'), 'zero-one-loss');
});

test('layers numbered above and composed, h^{(L)} ∘ ⋯ ∘ h^{(1)}, are a network', () => {
  assert.equal(concept('f(x) = \\left(a\\circ h^{(L)}\\circ\\cdots\\circ h^{(1)}\\right)(x)'), 'mlp');
  assert.equal(concept('f(x) = f^{(d)} \\circ f^{(d-1)} \\circ \\cdots \\circ f^{(1)}(x)'), 'mlp');
  assert.notEqual(concept('(f \\circ g)(x) = f(g(x))'), 'mlp');
});

test('a cost as the average of itself on each example, C = (1/m) Σ_i C(x^i), is the empirical risk', () => {
  assert.equal(concept('C = \\frac{1}{m} \\sum_{i=1}^m C(\\mathbf{x}^i)'), 'empirical-risk');
});

test('a step along the gradient written as its letter g is a gradient step', () => {
  assert.equal(concept('\\mathbf{x} \\leftarrow \\mathbf{x} + \\eta \\mathbf{g}'), 'gradient-descent');
  assert.notEqual(concept('\\mathbf{x} \\leftarrow \\mathbf{x} + \\eta \\mathbf{v}'), 'gradient-descent');
});

test('the likelihood maximised on the left, or the log of the data\'s probability, is maximum likelihood', () => {
  assert.equal(concept('\\max L^+ = \\prod_{x_i \\in X, y_i = 1} f(x_i)'), 'maximum-likelihood');
  assert.equal(concept('\\max \\ln L = \\sum_{i=1}^n \\left( y_i\\ln f(x_i) + (1-y_i)\\ln (1-f(x_i)) \\right)'), 'maximum-likelihood');
  assert.equal(concept('l(\\theta) = \\ln L(\\theta)'), 'maximum-likelihood');
  // (One score and its complement for the two classes is no negative sampling.)
  assert.equal(concept('\\log p(D) = \\sum_n \\left[ [y_n=+1] \\log \\sigma(w^T x_n + b) + [y_n=-1] \\log \\sigma(-(w^T x_n + b)) \\right]'), 'maximum-likelihood');
  // (Without the maximum, the labels' log-likelihood stays the binary cross-entropy with its sign left off.)
  assert.equal(concept('\\sum_{i=1}^n y_i\\ln f(x_i) + (1-y_i)\\ln (1-f(x_i))'), 'binary-cross-entropy');
});

test('one double bar inside a probability is its conditioning bar; a norm keeps both', () => {
  assert.match(normaliseTex('p(A=a \\| B=b)'), /p\(A=a \| B=b\)/);
  assert.match(normaliseTex('p(\\|x\\|)'), /\\\|x\\\|/);
});

test('softmax(QKᵀ) × V is attention, the softmax the sentence mentions its ingredient; a mask added unscaled is masked attention', () => {
  assert.equal(concept('softmax(QK^T)\\times V', 'Q and K are multiplied together, then a softmax is taken on that and multiplied with V.'), 'attention');
  assert.equal(concept('W_A = softmax(QK^T + M)'), 'masked-self-attention');
  assert.notEqual(concept('softmax(QK^T + b)'), 'masked-self-attention');
});

test('exp-(…) typed with its minus outside, and diag written bare, are read as meant', () => {
  assert.match(normaliseTex('1 / (1 + exp-(theta * x))'), /exp\s*\(\s*-\s*\(/);
  assert.equal(concept('\\boldsymbol{A}=\\boldsymbol{V}diag(\\boldsymbol{\\lambda})\\boldsymbol{V^{-1}}'), 'spectral-theorem');
});

test('the squared gradient averaged at a rate in any letter is Adam where the words say so, and its tilde correction is Adam\'s', () => {
  assert.equal(concept('S_{k+1} = a S_k + (1-a)(\\nabla f(\\theta_k))^2', 'Adam, second moment'), 'adam');
  assert.equal(concept('S_{k+1} = a S_k + (1-a)(\\nabla f(\\theta_k))^2', 'a running average'), null);
  assert.equal(concept('S_{k+1} = a S_k + (1-a)(\\nabla f(\\theta_k))^2', 'RMSProp keeps a running average'), null);
  assert.equal(concept('\\tilde{S}_{k} = \\frac{S_{k}}{1 - a^k}'), null);
  assert.equal(concept('\\tilde{S}_{k} = \\frac{S_{k}}{1 - a^t}'), 'adam');
});

test('the sigmoid of the weights times the input, θ^t x or theta * x, is logistic regression; of β x it is the curve', () => {
  assert.equal(concept('g(z) = \\frac{1}{1 + e^{-w^t z}}'), 'sigmoid');
  assert.equal(concept('h(x) = \\frac{1}{1 + e^{-\\theta^t x}}'), 'logistic-regression');
  assert.equal(concept('p = 1 / (1 + exp(-(w * x)))'), 'logistic-regression');
  assert.equal(concept('f(x) = \\frac{1}{1 + e^{-\\beta x}}'), 'sigmoid');
});

test('two definitions joined by a bare comma are two lines of one block', () => {
  assert.equal(concept('\\mathbf{Z} = \\mathbf{X}\\mathbf{W} + \\mathbf{b}, \\hat{\\mathbf{Y}} = \\mathrm{softmax}(\\mathbf{Z})'), 'softmax-regression');
  assert.equal(sideBySide('f(a, b) = a + b'), 'f(a, b) = a + b');
  assert.match(sideBySide('u = Wx + b, v = \\sigma(u)'), /\\\\/);
});

test('β₀ + β₁ x under any letter is a linear regression; a turn left or right at a tree node is the hierarchical softmax', () => {
  assert.equal(concept('u = \\beta_0 + \\beta_1 x', 'we fit a straight line'), 'linear-regression');
  assert.notEqual(concept('u = \\beta_0 + \\beta_1 \\log(x)'), 'linear-regression');
  assert.equal(concept('P(m, right) = \\sigma(-\\theta_m^T h)'), 'hierarchical-softmax');
  assert.notEqual(concept('P(m, r) = \\sigma(-\\theta_m^T h)'), 'hierarchical-softmax');
});

test('a penalty pulling the weights towards a point, the input reconstructed, and R̂ averaged over the sample', () => {
  assert.equal(concept('\\Omega(w) = \\frac{\\alpha}{2}\\|w - w_0\\|^2'), 'regularization');
  assert.equal(concept('d(e(\\mathbf{v})) = \\mathbf{v}', 'the autoencoder copies its input'), 'autoencoder');
  assert.equal(concept('d(e(\\mathbf{v})) = \\mathbf{v}', 'for two inverse functions'), null);
  assert.equal(concept('\\hat{R}(h) = \\frac{1}{N}\\sum_{n=1}^{N} \\mathbb{1}[h(x_n) \\neq y_n]'), 'empirical-risk');
});

test('the class probability as a function of a linear score is logistic regression', () => {
  assert.equal(concept('P(y=1 \\mid x) = g(w^T x + b)'), 'logistic-regression');
  assert.notEqual(concept('P(y=1 \\mid x) = g(x)'), 'logistic-regression');
});

test('a gate named by its word, Knet\'s sigm, a head\'s projections, and the distillation loss by its subscript', () => {
  assert.equal(concept('outgate = sigm(gates[:,1+2h:3h])'), 'lstm');
  assert.equal(concept('reset_gate = sigmoid(W_r * [h, x] + b_r)'), 'gru');
  assert.equal(concept('Q^{(h)} = X W_Q^{(h)}, K^{(h)} = X W_K^{(h)}, V^{(h)} = X W_V^{(h)}'), 'multi-head-attention');
  assert.equal(concept('Q = X W_Q, K = X W_K, V = X W_V'), 'self-attention');
  assert.equal(concept('L_{KD} = -\\sum_c q_c^{T} \\log p_c^{T}', 'the cross-entropy between the softened outputs'), 'distillation-loss');
});

test('weights with two indices on the inputs they weigh are a layer; σ(β₀ + β₁ x₁ + …) is logistic regression', () => {
  assert.equal(concept('N_{7} = \\gamma_{2,7} \\cdot U_2 + \\gamma_{3,7} \\cdot U_3 + b_7'), 'affine-layer');
  assert.notEqual(concept('N_{7} = \\gamma_{2,7} \\cdot U_5 + \\gamma_{3,7} \\cdot U_6'), 'affine-layer');
  assert.equal(concept('p \\sim \\sigma(\\beta_0 + u_1 \\beta_1 + u_2 \\beta_2)'), 'logistic-regression');
});

test('an activation\'s derivative primed on its letter or in a superscript, max with semicolons, and the penalty written first', () => {
  assert.equal(concept("\\sigma^{\\prime}(u) = \\sigma(u)(1 - \\sigma(u))"), 'sigmoid');
  assert.equal(concept("tanh'(u) = (1 \\space - \\space tanh^{2}(u))"), 'tanh');
  assert.equal(concept('g(v) = \\max\\{0; v\\}'), 'relu');
  assert.equal(concept('\\min_\\theta \\; \\Omega(\\theta) + C\\sum_{n=1}^N \\ell(\\theta \\cdot x_n, y_n)'), 'regularization');
});

test('a function written by where it sends its argument is its definition; Y = Xθ is a regression in matrix form', () => {
  assert.match(normaliseTex('g: \\mathbf{u} \\in \\mathbb{R}^d \\mapsto c_0 + \\mathbf{c}^\\top \\mathbf{u}'), /^g\(\\mathbf\{u\}\) = /);
  assert.equal(normaliseTex('g:\\mathbb{R}^d \\to \\mathbb{R}'), 'g:\\mathbb{R}^d \\to \\mathbb{R}');
  assert.equal(concept('h: \\mathbf{x} \\in \\mathbb{R}^p \\mapsto \\sigma(\\beta_0 + x_1 \\beta_1 + x_2 \\beta_2)'), 'logistic-regression');
  assert.equal(concept('y = X\\theta + \\epsilon'), 'linear-regression');
  assert.notEqual(concept('H = XW'), 'linear-regression');
});

test('two-class terms under the name NLL are the binary cross-entropy; a bold target times the log of a bold prediction sums over classes', () => {
  assert.equal(concept('NLL(\\theta) = -\\sum_n t_n \\log q_n + (1 - t_n) \\log(1 - q_n)'), 'binary-cross-entropy');
  assert.equal(concept('J = -\\mathbf{t} \\cdot \\log \\hat{\\mathbf{t}}'), 'cross-entropy');
  assert.notEqual(concept('J = -t \\log \\hat{t}'), 'cross-entropy');
});

test('a letter with two indices before a quantity carrying the first is the weight of that connection', () => {
  const meanings = new Map(explainFormula('N_{7} = \\gamma_{2,7} \\cdot U_2 + \\gamma_{3,7} \\cdot U_3 + b_7').symbols.map((s) => [s.symbol, s.meaning]));
  assert.match(meanings.get('γ_{2, 7}') ?? '', /weight .*connection from U_2 to unit 7/);
  assert.match(meanings.get('U_3') ?? '', /input/);
  assert.match(meanings.get('b_7') ?? '', /bias of unit 7/);
});

test('full-width digits, ≦ and a case typed whole in a text box are read as the step they write', () => {
  assert.equal(concept('g(u) = \\left\\{ \\begin{array}{c} \\text{ 0 ($u \\leqq ０ $ )}\\\\ \\text{1 ($u > ０ $ )} \\end{array} \\right.'), 'step-function');
  assert.match(normaliseTex('x ≧ ３'), /\\geq\s+3/);
});

test('a product whose conditionals are each given as many letters is not the chain rule; the model does not name it either', () => {
  assert.equal(concept('P(\\mathbf{u}, c) = P(u_1 | c) \\cdots P(u_k | c) P(c)'), null);
  assert.equal(concept('p(A, B, C) = p(A) p(B | A) p(C | A)'), null);
  assert.equal(concept('p(A, B, C, D) = p(A) p(B) p(C | A, B) p(D | C)'), null);
  assert.equal(explainRules('p(A, B, C, D) = p(A) p(B) p(C | A, B) p(D | C)', { context: { before: 'the graph factorises as' } }).concept, null);
  // Each factor given all the earlier ones, in either order, or a range of them; a chain of states, each given the one before.
  assert.equal(concept('p(s_0, s_1, s_2) = p(s_0) p(s_1 | s_0) p(s_2 | s_1)'), 'probability-chain-rule');
  assert.equal(concept('P(A, B, C) = P(A) P(B | A) P(C | A, B)'), 'probability-chain-rule');
  assert.equal(concept('P(u, v, w) = P(u | v, w) P(v | w) P(w)'), 'probability-chain-rule');
  assert.equal(concept('P(S_1 \\dots S_n) = P(S_1) P(S_2 \\mid S_1) P(S_3 \\mid S_{1:2}) \\dots P(S_n \\mid S_{1:n-1})'), 'probability-chain-rule');
});

test('a regression in the statistician\'s letters: β coefficients on named inputs; a gradient over a slice of the data is a minibatch step', () => {
  assert.equal(concept('\\text{Price} ≈ \\beta_0 + \\beta_1 \\text{Area} + \\beta_2 \\text{Rooms} + \\varepsilon'), 'linear-regression');
  assert.equal(explainRules('\\text{Price} ≈ \\beta_0 + \\beta_1 \\text{Area}', { context: { before: 'For a house without a garden' } }).concept, 'linear-regression');
  assert.equal(concept('Y = \\beta_1 u_1 + \\beta_2 u_2 + \\beta_3 u_1 u_2'), 'linear-regression');
  assert.equal(concept('\\hat{y}_j = \\hat{\\beta} X_j'), 'linear-regression');
  assert.notEqual(concept('\\text{Price} ≈ \\beta_0 + \\log(\\beta_1 \\text{Area})'), 'linear-regression');
  assert.notEqual(concept('\\eta = \\beta_1 u_1 + \\beta_2 u_2'), 'linear-regression');
  assert.equal(explainRules('\\theta := \\theta - \\alpha \\nabla \\mathcal{J}_{k:k+M-1}(\\theta)').concept, 'minibatch-sgd');
});

test('log-odds and class probabilities linear in the input are logistic regression, β typed as ß, a fraction over brackets', () => {
  const firm = (tex: string, before = '') => explainRules(tex, { context: { before } }).concept;
  assert.equal(firm('log[P(Y=1|X) / [1 - P(Y=1|X)]] = ß_0 + ß_1 X', 'take the logarithm on both sides'), 'logistic-regression');
  assert.equal(firm('P(Y=1|X) = exp(β_0 + β_1 X) / [1 + exp(β_0 + β_1 X)]', 'transform the right hand side'), 'logistic-regression');
  assert.equal(firm('P(Y=1|X) / [1 - P(Y=1|X)] = exp(β_0 + β_1 X)'), 'logistic-regression');
  assert.equal(firm('\\operatorname{logit}(q_j) = \\log(\\frac{q_j}{1-q_j}) = x_j\\beta'), 'logistic-regression');
  assert.equal(normaliseTex('\\text{Größe} = ß_2'), '\\text{Größe} = β_2');
});

test('one detail gives a concept away: 10000^{2k/d}, sin at even and cos at odd dimensions, two softmaxes at one temperature', () => {
  assert.equal(concept('\\lambda_j = \\frac{1}{10000^{2j / d}}'), 'positional-encoding');
  assert.equal(concept('\\lambda_j = 10000^{-2j/d_{model}}'), 'positional-encoding');
  assert.equal(concept('n = 10000^{2}'), null);
  assert.equal(concept('e_{(t, i)} = \\begin{cases} \\sin(\\lambda_j t), & \\text{if } i = 2j \\\\ \\cos(\\lambda_j t), & \\text{if } i = 2j + 1 \\end{cases}'), 'positional-encoding');
  assert.notEqual(concept('e_{(t, i)} = \\begin{cases} \\sin(\\lambda_j t), & \\text{if } i < j \\\\ \\cos(\\lambda_j t), & \\text{otherwise} \\end{cases}'), 'positional-encoding');
  assert.equal(concept('\\ell(y, softmax(s)) + T^{2}\\ell(softmax(\\frac{t}{T}), softmax(\\frac{s}{T}))'), 'distillation-loss');
  assert.notEqual(concept('softmax(\\frac{s}{T})'), 'distillation-loss');
});

test('f_θ = tanh(W h_{t−1} + U x_t) is a recurrent step, not a forget gate; projections under a heading about scores stay projections', () => {
  assert.equal(concept('f_{\\theta} = \\tanh( W_{hh} h_{t - 1} + W_{xh} x_t )'), 'rnn');
  assert.equal(concept('f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f)'), 'lstm');
  assert.equal(concept('g_t = \\tanh(W_g [h_{t-1}, x_t] + b_g)'), 'lstm');
  assert.equal(explainFormula('k_{j}= W_{k}e_{j}', { context: { before: 'Scaled Dot Product Attention - Q is query, K is key V is value' } }).concept, 'self-attention');
});

test('word2vec written in outside and centre vectors: the log-sum-exp spelled out, and v̂ in the centre\'s place is CBOW', () => {
  assert.equal(concept('J = -u_a^T v_b + \\log \\sum_{w} \\exp(u_w^T v_b)'), 'skipgram-softmax');
  assert.equal(concept('J = -\\mathbf{u}_a^\\top\\hat{\\mathbf{v}} + \\log\\sum_{j=1}^{|V|}\\exp(\\mathbf{u}_j^\\top\\hat{\\mathbf{v}})'), 'cbow');
  assert.equal(concept('J = -\\log\\sigma(u_a^T \\hat{v}) - \\sum_{k=1}^{K}\\log\\sigma(-u_k^T \\hat{v})'), 'cbow');
  assert.notEqual(concept('\\hat{v} = \\frac{v_{a-1} + v_{a+1}}{2}'), 'skipgram-softmax');
});

test('a penalty over a constant, ‖θ‖²/(2τ²), or weighed by a ratio of constants, σ²/τ² ‖θ‖², is a weight penalty', () => {
  assert.equal(concept('\\hat\\theta = \\arg\\min_{\\theta} L(\\theta) + \\frac{\\|\\theta\\|^2}{2\\tau^2}'), 'regularization');
  assert.equal(concept('\\hat\\theta = \\arg\\min_{\\theta} \\|y - X\\theta\\|^2 + \\frac{\\sigma^2}{\\tau^2} \\|\\theta\\|^2'), 'regularization');
  assert.notEqual(concept('\\hat\\theta = \\arg\\min_{\\theta} L(\\theta) + \\frac{\\|\\theta\\|^2}{2\\theta_0}'), 'regularization');
});

test('a chain of equal forms is the concept two of its forms are read as alone; one form read alone says nothing', () => {
  assert.equal(concept('h_\\theta(x) = \\theta^T x = \\sum_{k=0}^{m} \\theta_k x_k = \\theta_0 + \\theta_1 x_1 + \\cdots + \\theta_m x_m'), 'linear-regression');
  assert.equal(concept('h_\\theta(x) = \\sum_{k} \\theta_k x_k = \\theta x'), 'linear-regression');
  // (One form read, the other not: no claim.)
  assert.equal(concept('h = W^T X = v^T_{w_I}'), null);
});

test('a set declared after a definition, ŷ = Xw ∈ ℝ^N, leaves the definition to be read', () => {
  assert.equal(concept('\\hat{y} = X w \\in \\mathbb{R}^{N}'), 'linear-regression');
  assert.equal(concept('\\hat{y} = X w \\in R^{N}'), 'linear-regression');
  assert.equal(concept('x \\in \\mathbb{R}^{N}'), null);
});

test('hasty plain text: states, gates and moments glued to their step (Ht, Ct-1, C\'t), e**-x, max{{0, x}}, "Leaky ReLU" in two words', () => {
  assert.equal(concept('Ht = Ot * tanh(Ct)'), 'lstm');
  assert.equal(concept('Ct = Ct-1 * Ft + C\'t * It'), 'lstm');
  assert.equal(normaliseTex('Ft = sigma(Wf * [Ht-1, Xt] + bf)').replace(/\s/g, ''), 'F_{t}=\\sigma(W_{f}*[H_{t-1},X_{t}]+b_{f})');
  // (One glued letter alone is left as it is: nothing shows the habit.)
  assert.equal(normaliseTex('It = 3').replace(/\s/g, ''), 'It=3');
  assert.equal(concept('1/(1+e**-x)'), 'sigmoid');
  assert.equal(concept('y = \\max{\\{0,x\\}}'), 'relu');
  assert.equal(concept('y = \\max{\\{ax,x\\}}'), 'leaky-relu');
  assert.equal(concept('Leaky \\operatorname{ReLU}(x)=\\left\\{\\begin{array}{ll}0.01 x & \\text { if } x \\leqslant 0 \\\\ x & \\text { if } x>0\\end{array}\\right.'), 'leaky-relu');
});

test('a condition typed inside a text box, \\text{wenn a$\\geq$0}, is a condition', () => {
  assert.equal(normaliseTex('y = 1, \\text{wenn a \\geq 0}').replace(/\s+/g, ' ').trim(), 'y = 1, \\text{wenn } a \\geq 0');
  assert.equal(concept('f(a) = \\begin{cases} 1, & \\text{wenn a$\\geq$0}\\\\ 0, & \\text{wenn a$<$0} \\end{cases}'), 'step-function');
});

test('AdamW\'s step, masked scores under the name Attn, ω as the weights, M_{w,b}(x) and C(h(x_i), y_i)', () => {
  assert.equal(concept('W_t = W_{t-1} - \\eta \\left( \\frac{\\hat{M}_t}{\\sqrt{\\hat{V}_t} + \\epsilon} + \\lambda W_{t-1} \\right)'), 'adam');
  assert.notEqual(concept('W_t = W_{t-1} - \\eta \\left( \\frac{g_t}{\\sqrt{s_t} + \\epsilon} + \\lambda W_{t-1} \\right)'), 'adam');
  assert.equal(concept('\\mathrm{Attn}(Q,K,V) = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}} + M\\right) V'), 'masked-self-attention');
  assert.equal(concept('\\mathrm{Attn}(Q,K,V) = \\mathrm{softmax}\\!\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right) V'), 'scaled-dot-product-attention');
  assert.equal(concept('P(y=1|x) = \\frac{1}{1 + e^{-\\omega x}}'), 'logistic-regression');
  assert.equal(concept('M_{w,b}(x) = x \\cdot w +b'), 'linear-regression');
  assert.equal(concept('M_{t}(x) = x \\cdot w +b'), null);
  assert.equal(concept('E[h] = \\frac{1}{n} \\sum_i^n \\mathcal{C}(h(x_i), y_i)'), 'empirical-risk');
});

test('the root of the mean squared error is another measure; the mean squared error itself is the MSE', () => {
  assert.equal(concept('RMSE = \\sqrt{\\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2}'), null);
  assert.equal(concept('E = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2'), 'mse');
});

test('a noise term declared after the model, the Gaussian as the target\'s density, h_θ without its argument, the penalty as a budget', () => {
  assert.equal(concept('\\mathbf{y} = \\mathbf{X}\\mathbf{w} + \\epsilon \\quad \\textit{where} \\quad \\epsilon \\sim \\mathcal{N}(0, \\sigma^2\\mathbf{I})'), 'linear-regression');
  // (The noise alone is not a model.)
  assert.equal(concept('\\epsilon \\sim \\mathcal{N}(0, \\sigma^2\\mathbf{I})'), null);
  assert.equal(concept('p(y | x) = \\mathcal{N}(w^T x, \\sigma^2)'), 'linear-regression');
  assert.equal(concept('p(\\mathbf{y} | \\mathbf{x}; \\theta) = \\mathcal{N}(\\mathbf{y}|\\mathbf{w}^T\\mathbf{x}, \\sigma^2)'), 'linear-regression');
  assert.equal(concept('p(z) = \\mathcal{N}(w^T x, \\sigma^2)'), null);
  assert.equal(concept('p(y | x) = \\mathcal{N}(\\mu, \\sigma^2)'), null);
  assert.equal(concept('h_\\theta = \\theta^T x'), 'linear-regression');
  assert.equal(concept('h_{\\theta}=\\theta^Tx=\\theta_0+\\theta_1x_1+...\\theta_nx_n'), 'linear-regression');
  assert.equal(concept('∑|ß_j| ≤ t'), 'regularization');
  assert.equal(concept('\\sum_{j=1}^p \\beta_j^2 \\le t'), 'regularization');
  assert.equal(concept('\\|w\\|_1 \\le s'), 'regularization');
  // (A bound on the inputs is not a penalty.)
  assert.equal(concept('\\sum_i x_i^2 \\le t'), null);
});

test('the logistic loss with braced brackets, R̂ summed, the softmax\'s Jacobian, KL\'s asymmetry, 0–1 losses written in cases', () => {
  assert.equal(concept('\\ell_\\text{logistic}(\\vec{w}; \\vec{x}, y) = \\log{(1 + \\exp{(- y \\vec{w}^T \\vec{x})})}'), 'binary-cross-entropy');
  assert.equal(concept('\\log(1 + \\exp(y w^T x))'), null);
  assert.equal(concept('\\frac{\\partial y_k}{\\partial a_j} = y_k (I_{kj} - y_j)'), 'softmax');
  assert.equal(concept('\\frac{\\partial y_i}{\\partial z_j} = y_i (\\delta_{ij} - y_j)'), 'softmax');
  assert.equal(concept('\\frac{\\partial p_i}{\\partial z_j} = p_i ([i=j] - p_j)'), 'softmax');
  // (Without the Kronecker delta it is the sigmoid's slope or nothing, not the softmax's Jacobian.)
  assert.notEqual(concept('\\frac{\\partial y_i}{\\partial z_j} = y_i (1 - y_j)'), 'softmax');
  assert.equal(concept('\\KL(q \\parallel p) \\ne \\KL(p \\parallel q)'), 'kl-divergence');
  assert.equal(concept('\\ell_{0/1}(\\vec{w}; \\vec{x}_i, y_i) = \\begin{cases} 1 & \\text{if $y_i \\neq sign(\\vec{w}^T \\vec{x}_i)$} \\\\ 0 & \\text{otherwise} \\end{cases}'), 'zero-one-loss');
  assert.equal(concept('L(y, s)= \\begin{cases}0, & y s \\geq 0 \\\\ 1, & y s<0\\end{cases}'), 'zero-one-loss');
  assert.equal(concept('f(x)= \\begin{cases}0, & x \\geq 0 \\\\ 1, & x<0\\end{cases}'), 'step-function');
  assert.equal(concept('\\operatorname{XOR}(x, y) = \\begin{cases} 1 & \\text{si $x ≠ y$}\\\\ 0 & \\text{si $x = y$} \\end{cases}'), null);
  assert.equal(normaliseTex('1 & \\text{if $y \\neq \\hat y$}').replace(/\s+/g, ' ').trim(), '1 & \\text{if } y \\neq \\hat y');
});

test('a loss that is one target times the log of its prediction, L = −y_i log ŷ_i, is the cross-entropy', () => {
  assert.equal(concept('\\mathcal{L}(\\mathbf{\\hat{y}},\\mathbf{y})=-y_i\\log\\hat{y}_i'), 'cross-entropy');
  assert.equal(concept('loss = -y_j \\log a_j'), 'cross-entropy');
  // (With its other half it is the binary cross-entropy; without a loss on the left, or with another index, nothing.)
  assert.equal(concept('L = -y \\log \\hat{y} - (1 - y) \\log (1 - \\hat{y})'), 'binary-cross-entropy');
  assert.equal(concept('z = -y_i \\log \\hat{y}_i'), null);
  assert.equal(concept('L = -y_i \\log \\hat{y}_j'), null);
});

test('a distance summed from absolute differences is the L1 or Minkowski distance; a loss defined as one KL is the KL; ln run into its letter', () => {
  assert.equal(concept('d(x,y) = \\sum_{i=1}^{n} \\vert x_i - y_i \\vert.'), 'norms');
  assert.equal(concept('d(x,y) = \\sqrt[h]{\\sum_{i=1}^{n} \\vert x_i-y_i \\vert^h},'), 'norms');
  assert.equal(concept('d_1(I_1, I_2) = \\sum_p \\left| I^p_1 - I^p_2 \\right|'), 'norms');
  // (An error between a target and its prediction is no distance of two vectors; nor is a distance of one argument.)
  assert.notEqual(concept('d(y, \\hat{y}) = \\sum_i |y_i - \\hat{y}_i|'), 'norms');
  assert.equal(concept('d(x) = \\sum_i |x_i - y_i|'), null);
  assert.equal(concept('L_T = D_{KL} (q(x_T|x_0)\\ \\|\\ p(x_T))'), 'kl-divergence');
  assert.equal(concept('D_{\\text{KL}} \\left [ p(x) || q(x) \\right] \\geq 0'), 'kl-divergence');
  // (Another quantity defined as a divergence only uses it.)
  assert.equal(concept('\\text{MI}(X, Y) = D_{\\text{KL}} \\left [ p(x, y) || p(x)p(y) \\right]'), null);
  assert.equal(normaliseTex('Loss = -y_j*lna_j').includes('\\ln a_j'), true);
  assert.equal(concept('Loss = -y_j*lna_j'), 'cross-entropy');
});

test('one head\'s attention of its own queries, keys and values, and the heads concatenated and mixed, are multi-head attention', () => {
  assert.equal(concept('O^{(h)} = \\mathrm{Attn}(Q^{(h)}, K^{(h)}, V^{(h)})'), 'multi-head-attention');
  assert.equal(concept('Z_i = DPA(Q_i, K_i, V_i)'), 'multi-head-attention');
  assert.equal(concept('O = \\mathrm{Concat}(O^{(1)}, \\dots, O^{(H)}) W_O'), 'multi-head-attention');
  assert.equal(concept('Q_1 = X W_1^Q \\\\ K_1 = X W_1^K \\\\ V_1 = X W_1^V'), 'multi-head-attention');
  // (Unindexed, or indexed by different letters, it is one attention.)
  assert.notEqual(concept('O = \\mathrm{Attn}(Q, K, V)'), 'multi-head-attention');
  assert.notEqual(concept('O = \\mathrm{Attn}(Q_i, K_j, V_j)'), 'multi-head-attention');
  assert.notEqual(concept('O = \\mathrm{Concat}(a, b) W_O'), 'multi-head-attention');
});

test('round 56\'s forms: rst roles, a log-likelihood named on the left, a chain through σ, σ(z) > 0.5, skip-gram and CBOW without a written dot, the joint entropy, collapsed linear layers', () => {
  assert.equal(normaliseTex('z\\ :sup:`[1]`\\ = W\\ :sup:`[1]`\\x + b\\ :sup:`[1]`\\').replace(/\s+/g, ''), 'z^{[1]}=W^{[1]}x+b^{[1]}');
  assert.equal(normaliseTex('x\\ :sub:`i`\\ + :math:`\\alpha`').replace(/\s+/g, ''), 'x_{i}+\\alpha');
  assert.equal(concept('z\\ :sup:`[1]`\\ = W\\ :sup:`[1]`\\x + b\\ :sup:`[1]`\\'), 'affine-layer');
  assert.equal(concept('log(L)=\\sum_{i=1}^n{y_i}*log(\\hat{y_i})+(1-y_i)*log(1-\\hat{y_i})'), 'maximum-likelihood');
  // (A loss with its minus is still the binary cross-entropy; a state mixed by its gate is still the GRU's.)
  assert.equal(concept('L = -\\sum_i y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i)'), 'binary-cross-entropy');
  assert.equal(concept('h_t = (1 - z_t) * h_{t-1} + z_t * \\tilde{h}_t'), 'gru');
  assert.equal(concept('\\frac{d\\sigma}{dx} = \\frac{d\\sigma}{du}\\cdot\\frac{du}{dx}'), 'chain-rule');
  assert.equal(concept('\\frac{d\\sigma}{dx} = \\sigma(x)(1 - \\sigma(x))'), 'sigmoid');
  assert.equal(concept('\\hat{y} = \\begin{cases} 1, & \\sigma(z) > 0.5 \\\\ 0, & \\sigma(z) \\le 0.5 \\end{cases}'), 'logistic-regression');
  assert.equal(concept('f(z) = \\begin{cases} 1, & z > 0 \\\\ 0, & z \\le 0 \\end{cases}'), 'step-function');
  assert.equal(concept('P(w_O | w_I) = \\frac{\\exp(v\'_{w_O} v_{w_I})}{\\sum_{w \\in V} \\exp(v\'_{w} v_{w_I})}'), 'skipgram-softmax');
  assert.equal(concept('p(w_t | Context(w_t)) = \\frac{\\exp(v\'_{w_t} h)}{\\sum_{w \\in V} \\exp(v\'_{w} h)}'), 'cbow');
  // (The product over a corpus is the likelihood, not CBOW's softmax.)
  assert.notEqual(concept('\\prod_{w \\in C} p(w | Context(w))'), 'cbow');
  assert.equal(concept('H(X,Y)=-\\sum_{x,y}p(x,y)\\log p(x,y)'), null);
  assert.equal(concept('H(p,q)=-\\sum_x p(x)\\log q(x)'), 'cross-entropy');
  assert.equal(concept('y = W^{(2)}W^{(1)}x + W^{(2)}b^{(1)} + b^{(2)}'), null);
  assert.equal(concept('z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}'), 'affine-layer');
});

test('round 56\'s plain-text forms: an RNN step with its products written, a projection with the input first, a class probability without its bias, the parametric ReLU, cases split by a comma', () => {
  assert.equal(concept('a^{\\langle t \\rangle} = w_{ax} \\cdot x^{\\langle t \\rangle} + w_{aa} \\cdot a^{\\langle t-1 \\rangle} + b_a'), 'rnn');
  assert.equal(concept('q^i = a^i * W^q'), 'self-attention');
  assert.equal(concept('P(Y=1|x)=sigmoid(wx)'), 'logistic-regression');
  assert.notEqual(concept('P(X=1|w,c)=\\sigma(v_c^T v_w)'), 'logistic-regression');
  assert.equal(concept('f(x)=max(\\frac{x}{a_i},x)'), 'leaky-relu');
  assert.equal(concept('f(x)=\\begin{cases}x,x>0\\\\\\frac{x}{a},x\\le0 \\end{cases}'), 'leaky-relu');
  assert.equal(concept('f(x) = \\begin{cases} 1, \\text{se} \\; x > 0 \\\\ 0, \\text{se} \\; x == 0 \\\\ -1, \\text{se} \\; x < 0 \\end{cases}'), 'step-function');
});

test('letters read from their place: a multiclass margin\'s excluded class, a diffusion\'s latents, the likelihood, a penalty function, a sum over the weights, an attention score function', () => {
  const svm = 'L_i = \\sum_{j \\neq y_i} \\max(0, s_j - s_{y_i} + 1)';
  assert.match(meaning(svm, 'y_i'), /true class/);
  assert.match(meaning(svm, 'j'), /index of the sum: every value except/);
  assert.doesNotMatch(meaning(svm, 'j'), /window/);
  // (A window leaves out the offset 0, and stays a window.)
  assert.match(meaning('J = -\\sum_{-m \\le j \\le m, j \\neq 0} \\log p(w_{t+j} | w_t)', 'j'), /window/);
  const diffusion = 'L_T = D_{KL}(q(x_T | x_0) \\| p(x_T))';
  assert.match(meaning(diffusion, 'x_0'), /data point/);
  assert.match(meaning(diffusion, 'x_T'), /latent/);
  assert.match(meaning('\\mathcal{L}(\\theta) = \\sum_i \\log p(x_i; \\theta)', 'L'), /likelihood/);
  assert.match(meaning('R(\\theta) = \\frac12 \\sum_{w} w^2', 'R'), /penalty/);
  assert.match(meaning('R(\\theta) = \\frac12 \\sum_{w} w^2', 'w'), /each weight/);
  const scored = { context: { before: 'The attention score of a key x and the query q:' } };
  assert.match(meaning('s(x, q) = x^\\top q', 's', scored), /score function/);
  assert.match(meaning('s(x, q) = x^\\top q', 'q', scored), /the query/);
  assert.match(meaning('d(x,y) = \\sqrt{\\sum_{i=1}^n (x_i - y_i)^2}', 'n'), /dimension/);
});

test('round 57\'s forms: an additive score of two vectors, a hinge with its label before a bracket, a layer\'s weighted sum, a batch\'s loss, the training set\'s log-likelihood, the perceptron named in Chinese', () => {
  assert.equal(concept('a(s_{i-1}, h_j) = v_a^Ttanh(W_aS_{i-1} + U_ah_j)'), 'mlp-attention');
  assert.equal(concept('\\score(h_t,s_k) = v^T\\tanh(W[h_t,s_k])'), 'mlp-attention');
  // (Among other scores in cases it is one option of attention's score.)
  assert.notEqual(concept('score(h_t, \\bar{h}_s) = \\begin{cases} h_t^T \\bar{h}_s & \\text{dot} \\\\ v_a^T \\tanh(W_a [h_t; \\bar{h}_s]) & \\text{concat} \\end{cases}'), 'mlp-attention');
  assert.equal(concept('xi_i = max(0, 1 - y_i (inner(w, x_i) + b))'), 'hinge-loss');
  assert.equal(concept('J = \\max(0, 1 - s(w) + s(w_c))'), 'collobert-weston');
  assert.notEqual(concept('\\beta_j=\\sum_{h=1}^q w_{hj}b_h'), 'attention');
  assert.equal(concept('c_i = \\sum_j \\alpha_{ij} h_j'), 'attention');
  assert.equal(concept('w_t=w_{t-1}-\\eta \\frac{\\partial L^{B_{t-1}}}{\\partial w_{t-1}}'), 'minibatch-sgd');
  assert.equal(concept('w_t=w_{t-1}-\\eta \\frac{\\partial L}{\\partial w_{t-1}}'), 'gradient-descent');
  assert.equal(concept('\\log(P\\left[S|w\\right])=-\\sum_{i=1}^m \\log(1+e^{-y_i w^T x_i})'), 'maximum-likelihood');
  assert.equal(concept('L=\\sum_{i=1}^m \\log(1+e^{-y_i w^T x_i})'), 'binary-cross-entropy');
  assert.equal(concept('\\Delta w_i = \\eta (y-\\hat{y})x_i', '感知机 学习过程'), null);
  assert.equal(concept('\\Delta w_i = \\eta (y-\\hat{y})x_i', 'the perceptron learning rule'), null);
});

test('a layer\'s activations in capitals are the activation, its g the activation function; a softmax\'s and tanh\'s argument is their input', () => {
  assert.match(meaning('A^{[1]} = g^{[1]}(Z^{[1]})', 'A'), /^the activation/);
  assert.match(meaning('A^{[1]} = g^{[1]}(Z^{[1]})', 'g'), /activation function/);
  assert.match(meaning('z = Wx + b', 'z'), /pre-activation/);
  assert.match(meaning('\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}', 'z_i'), /input/);
  assert.match(meaning('\\tanh(z) = \\frac{e^z - e^{-z}}{e^z + e^{-z}}', 'z'), /input of tanh/);
});

test('words named like Object\'s own properties (constructor, toString, __proto__) find nothing in the lookup tables: no crash, no function text in the hover', () => {
  const words = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
  for (const w of words) {
    for (const tex of [`\\${w}`, `\\${w}(x)`, `${w}(x) = x`, `\\mathbb{${w}}`, `\\operatorname{${w}}(z)`, `y = ${w}(x, q)`, `x_{${w}}`, `${w}'(x) = 1`, `L_{${w}} = -\\log p`]) {
      const ex = explainFormula(tex, { context: { before: `${w} attention score` }, display: true });
      assert.doesNotMatch(JSON.stringify(ex), /native code/, tex);
    }
  }
});

test('rules drawn from rounds 50–57 after the fact: a layer\'s activation under its own index, a data set\'s likelihood, the logistic log-likelihood in its logit, plain-text cases and sum limits, the Heaviside of a weighted input', () => {
  // A layer's activation of its own pre-activation, whatever letter carries the layer.
  assert.equal(concept('\\vec{v}_\\ell = \\sigma_\\ell(\\vec{s}_\\ell)'), 'affine-layer');
  assert.equal(concept('a^{(l+1)}=f(z^{(l+1)})'), 'affine-layer');
  assert.equal(concept('\\V{a}^l = \\V{\\sigma}^l(\\V{z}^l)'), 'affine-layer');
  assert.equal(concept('a^{[1]} = \\sigma(z^{[1]})'), 'sigmoid');
  assert.notEqual(concept('a^{(l+1)}=\\sigma_k(z^{(l+1)})'), 'affine-layer');
  // One layer written as its affine map and its activation is a layer; two layers fed one into the other, or any layer
  // from the one before it, a network.
  assert.equal(concept('\\begin{split} z_i^{(1)} &= x^T w_i^{(1)} + b_i^{(1)} , \\\\ a_i^{(1)} &= \\sigma_i^{(1)}(z_i^{(1)}) . \\end{split}'), 'affine-layer');
  assert.equal(concept('\\begin{align} z^{(l+1)} &= W^{(l)} a^{(l)} + b^{(l)} \\\\ a^{(l+1)} &= f(z^{(l+1)}) \\end{align}'), 'mlp');
  assert.equal(concept('\\begin{align} z_2 &= W_1 x + b_1 \\\\ a_2 &= g(z_2) \\\\ z_3 &= W_2 a_2 + b_2 \\\\ a_3 &= g(z_3) \\end{align}'), 'mlp');
  // A normal distribution by a macro's name.
  assert.equal(concept('y_n \\sim \\Nor(w^T x_n + b, \\sigma^2)'), 'linear-regression');
  assert.doesNotMatch(normaliseTex('\\Norm{x}'), /mathcal/);
  // The probability of the data set given a parameter, a product over its examples.
  assert.equal(concept('p(\\mathcal{D}|\\mu) = \\prod_{i = 1}^N p(x_i|\\mu)'), 'maximum-likelihood');
  assert.notEqual(concept('p(x | z) = \\prod_{i} p(x_i | z)'), 'maximum-likelihood');
  // The Bernoulli log-likelihood in the logit; negated, the logistic loss.
  assert.equal(concept('L(w) = \\sum_{i=1}^m[y_i(w\\cdot x_i)-\\log(1+e^{w\\cdot x_i})]'), 'maximum-likelihood');
  assert.equal(concept('J(w) = -\\sum_{i=1}^m[y_i(w\\cdot x_i)-\\log(1+e^{w\\cdot x_i})]'), 'binary-cross-entropy');
  assert.ok(!recognise('L(w) = \\sum_{i=1}^m[y_i(w\\cdot x_i)-\\log(1+e^{v\\cdot z_i})]').candidates.some((c) => /logit/.test(c.why)));
  // Cases typed as prose or as C's conditional; a sum's limits typed before it.
  assert.equal(concept('f(x) = x if x>=0, 0 otherwise'), 'relu');
  assert.equal(concept('y = x<0? 0: x'), 'relu');
  assert.equal(concept('y = x > 0 ? 1 : 0'), 'step-function');
  assert.equal(normaliseTex('a := b ? c : d'), 'a := b ? c : d');
  assert.match(normaliseTex('(j=1 to p)∑ß_j^2 ≤ t'), /^\\sum_\{j=1\}\^\{p\}/);
  assert.equal(concept('(j=1 to p)∑|ß_j| ≤ t'), 'regularization');
  // The Heaviside step of a weighted input; an entropy takes no weights.
  assert.equal(concept('y = H(x * w + b)'), 'step-function');
  assert.notEqual(concept('H(X) = -\\sum_x p(x) \\log p(x)'), 'step-function');
  // A label against one constant is not a model's risk.
  assert.equal(concept('F_0(x) = \\arg\\min_{\\gamma} \\sum_{i=1}^N L(y_i, \\gamma)'), null);
  assert.equal(concept('\\hat f = \\arg\\min_f \\frac{1}{N} \\sum_{i=1}^N L(y_i, f(x_i))'), 'empirical-risk');
});

test('rules drawn from round 58 after its first runs: words in a word2vec probability, a decoder\'s concatenated input, coupled gates behind spacing, BPTT\'s shared-weight sums, code\'s derivatives, plain TeX cases, a cross-entropy of two distributions, the logistic in exponentials', () => {
  assert.equal(concept('p(context_{j} \\mid target\\ word\\ k) = \\frac{\\exp(u_{j})}{\\sum_{i=1}^{V}\\exp(u_{i})}'), 'skipgram-softmax');
  assert.equal(concept('p(jth\\ target\\ word \\mid x_{1},x_{2},...,x_{k}) = \\frac{\\exp(W_{j}^{T}h)}{\\sum_{i=1}^{V}\\exp(W_{i}^{T}h)}'), 'cbow');
  assert.equal(concept('p(target\\ word \\mid context_{1}, context_{2}, ..., context_{K})'), 'cbow');
  assert.equal(concept('p(context_{x}\\mid target\\ word)'), 'skipgram');
  assert.equal(concept('p(y = j | x) = \\frac{\\exp(w_j^T x)}{\\sum_k \\exp(w_k^T x)}'), 'softmax-regression');
  // A decoder's output given the previous one and the source; a window's concatenation stays the window model's.
  assert.equal(concept('y_{t} = P(y_{t}|y_{t-1},c) = softmax(W_{y}[h_{t};y_{t-1};c] + b_{y})'), 'seq2seq');
  assert.equal(concept('\\hat y = softmax(U[e_{t-3}; e_{t-2}; e_{t-1}] + b)'), 'fixed-window-lm');
  assert.equal(concept('softmax(W.dot(x))'), 'softmax-regression');
  assert.equal(concept('c_{t} = f_{t}\\hspace{1mm}^{\\circ} c_{t-1} + (1 - f_{t})\\hspace{1mm}^{\\circ}\\widetilde{c_{t}}'), 'lstm');
  assert.match(normaliseTex('90^{\\circ} C'), /\^\{\\circ\}/);
  // The gradient of a weight shared across the steps, summed over them.
  assert.equal(concept('\\frac{\\partial \\mathcal{L}}{\\partial W_{yh}} = \\sum_{t = 1}^\\tau \\sum_{i = 1}^n \\frac{\\partial \\mathcal{L}}{\\partial o_i^{(t)}} \\frac{\\partial o_i^{(t)}}{\\partial W_{yh}}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial E_{i}}{\\partial W} = \\sum_{t=0}^{i} \\frac{\\partial E_{i}}{\\partial y_{i}} \\frac{\\partial y_{i}}{\\partial s_{i}} \\frac{\\partial s_{i}}{\\partial s_{t}} \\frac{\\partial s_{t}}{\\partial W}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial L}{\\partial W} = \\sum_{i} \\frac{\\partial L}{\\partial y_i}\\frac{\\partial y_i}{\\partial W}'), 'chain-rule');
  // Derivatives named in words, as code comments write them; `\\part` for ∂.
  assert.equal(concept('dl/dz_i = dl/dout * dout/dz_i'), 'chain-rule');
  assert.equal(normaliseTex('dog/dat'), 'dog/dat');
  assert.equal(concept('\\frac{\\part{\\mathcal{L}}}{\\part{a}} = \\frac{\\part{\\mathcal{L}}}{\\part{x}}\\cdot \\frac{\\part{x}}{\\part{a}}'), 'chain-rule');
  assert.equal(concept('a(z)=\\cases{1, z \\geq \\theta \\\\0,z\\lt \\theta}'), 'step-function');
  // σ² differentiated is a variance's derivative; R² is no mean squared error.
  assert.notEqual(concept('\\frac{\\partial \\sigma^2}{\\partial x_i}=\\frac{2(x_i-\\mu)}{N}'), 'sigmoid');
  assert.equal(concept('\\frac{d\\sigma}{dx} = \\sigma(x)(1-\\sigma(x))'), 'sigmoid');
  assert.equal(concept('R^2 = 1 - \\frac{\\sum_i (y_i - \\hat y_i)^2}{\\sum_i (y_i - \\bar y)^2}'), null);
  // One distribution's log weighted by another's; an entropy, a divergence or Gibbs' inequality is not that.
  assert.equal(concept('\\int p(x)\\log\\frac{1}{q(x)}\\,dx'), 'cross-entropy');
  assert.equal(concept('-\\int p(x) \\log q(x) dx'), 'cross-entropy');
  assert.equal(concept('H(p, q) = H(p) + D_{\\mathrm{KL}}(p \\Vert q)'), 'cross-entropy');
  assert.notEqual(concept('-\\int p(x) \\log p(x) \\,dx \\leq - \\int p(x) \\log q(x) \\,dx'), 'cross-entropy');
  assert.notEqual(concept('\\int p(x)\\log\\frac{p(x)}{q(x)}\\,dx'), 'cross-entropy');
  assert.equal(concept('\\mathcal{L}_{kd}(f(\\mathbf{x})|T,g)=-\\sum_{c=1}^C p^{g,T}_c(\\mathbf{x})\\ln p^{f,T}_c(\\mathbf{x})'), 'distillation-loss');
  assert.ok(!recognise('-\\sum_{c=1}^C p^{g,T}_c(x) \\ln p^{f,T}_c(x)').candidates.some((c) => /under p/.test(c.why)));
  // The class probability as exponentials of a linear score.
  assert.equal(concept('\\Pr (Y = 1 | X = x_i; \\beta) = \\frac{e^{x \\beta}}{1 + e^{x \\beta}}'), 'logistic-regression');
  // (Firm: the learned model may not take it back.)
  assert.equal(recognise('\\Pr (Y = 1 | X = x_i; \\beta) = \\frac{e^{x \\beta}}{1 + e^{x \\beta}}').firm, true);
  // (The logistic loss in the logit outweighs a bare −Σ y log ŷ, even with the source's sign slip.)
  assert.equal(concept('L(y, F(x)) = -(i=1 to N)∑[y*log(odds) + log(1 + exp(log(odds)))]'), 'binary-cross-entropy');
});

test('letters drawn from round 58: a residual or total sum of squares by its name, a mean beside the values it averages, π as a probability', () => {
  assert.match(meaning('RSS(\\beta)=\\sum_{i=1}^{N}(y_i - x^T_i \\beta)^2', 'RSS'), /residual sum of squares \(the loss\)/);
  assert.equal(meaning('RSS(\\beta)=\\sum_{i=1}^{N}(y_i - x^T_i \\beta)^2', 'R'), '');
  assert.match(meaning('TSS = \\sum_i (y_i - \\bar y)^2', 'TSS'), /total sum of squares/);
  assert.match(meaning('TSS = \\sum_i (y_i - \\bar y)^2', 'ȳ'), /^the mean of the values y_i/);
  assert.match(meaning('\\Pr(Y = k|X = x) = \\frac{\\pi_k f_k(x)}{\\sum_{j = 1}^K \\pi_j f_j(x)}', 'π_k'), /^a probability/);
  assert.match(meaning('\\text{logit}(\\pi) = \\beta_0 + \\beta_1 x', 'π'), /^a probability/);
  assert.match(meaning('p(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-x^2/2\\sigma^2}', 'π'), /3\.14159/);
  // The temperature dividing a softmax's scores, and squared in front of a distillation loss's soft term.
  assert.match(meaning('p = softmax(z/T)', 'T'), /^the temperature/);
  assert.match(meaning('L=(1-\\alpha) CE(y, p)+\\alpha \\, KL(q \\| p) \\cdot T^{2}', 'T', { context: { before: 'knowledge distillation loss' } }), /^the temperature/);
  // (A power times a bracketed power is a product: the bracket is no function's argument.)
  assert.equal(meaning('L = \\pi^y (1-\\pi)^{1-y}', 'π^y(1−π)'), '');
});

test('rules drawn from round 59 after its first runs: the softmax named as the class probability given the parameters, a range between two numbers', () => {
  assert.equal(concept('\\text{softmax}_i(\\mathbf{x}^{(j)}) = Pr(y^{(j)}=i|\\mathbf{x}^{(j)},\\theta)'), 'softmax-regression');
  assert.equal(concept('\\text{softmax}_i(\\mathbf{x}^{(j)}) = p(y^{(j)}|\\mathbf{x}^{(j)},\\theta)'), 'softmax-regression');
  assert.equal(concept('softmax(z)_i = p(w_i | c, \\theta)'), 'softmax');
  assert.equal(concept('0\\le \\text{softmax}_i(\\mathbf{x})\\le 1'), null);
  assert.equal(concept('-1 < \\tanh(z) < 1'), null);
  assert.equal(concept('\\text{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}'), 'softmax');
  // A hypothesis's parameters in the condition; a named activation differentiated by its own letter.
  assert.equal(concept('P(d|h_{\\theta}) = \\prod\\limits_{j=1}^{N}P(d_j|h_{\\theta})'), 'maximum-likelihood');
  assert.equal(concept('\\frac{\\partial\\text{ReLU}(x)}{\\partial x} = \\begin{cases} 1 & x>0\\\\ 0 & x < 0 \\end{cases}'), 'relu');
  assert.notEqual(concept('\\frac{\\partial \\sigma(x)}{\\partial x} = \\left \\{ \\begin{array}{ll} x & x > 0 \\\\ 0 & x <  0 \\end{array} \\right .'), 'sigmoid');
  // The forget gate on the previous cell; the alignment model's score of two states.
  assert.equal(concept('\\mathbf{f} \\odot \\mathbf{c}_{t-1}'), 'lstm');
  assert.equal(concept('f \\odot c'), null);
  assert.equal(concept('e_{ij} = a(s_{i-1}, h_j)'), 'attention');
  assert.equal(concept('e_{ij} = a(x, y)'), null);
});

test('drawn from round 59 too: Adam\'s bias correction with the letter after its factor, the index under a softmax\'s name', () => {
  assert.equal(concept('\\tilde{\\mathbf{v}}=\\frac{1}{1-\\beta_1^t}\\mathbf{v}'), 'adam');
  assert.notEqual(concept('\\tilde{\\mathbf{v}}=\\frac{1}{1-\\beta_1^t}\\mathbf{u}'), 'adam');
  assert.match(meaning('\\text{softmax}_i(\\mathbf{x}) = \\frac{e^{a_i(\\mathbf{x})}}{\\sum_{j=1}^{c}e^{a_j(\\mathbf{x})}}', 'i'), /^the index of the entry of the result/);
  assert.match(meaning('\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}', 'i'), /^the index of the entry/);
});

test('drawn from round 60: esdiff derivatives, a bold matrix-vector pair, a recurrence at step k, the decoder named by its parameters', () => {
  assert.equal(concept('\\diffp{E}{{w_{2,5}}} = \\diffp{E}{{n_7}} \\cdot \\diffp{{n_7}}{{n_5}} \\cdot \\diffp{{n_5}}{{w_{2,5}}}'), 'chain-rule');
  assert.equal(normaliseTex('\\diffp{f}{x} + \\diff{g}{t}'), '\\frac{\\partial f}{\\partial x} + \\frac{d g}{d t}');
  assert.equal(normaliseTex('\\boldsymbol{Uh}_{k-1}'), '\\boldsymbol{U}\\boldsymbol{h}_{k-1}');
  assert.equal(normaliseTex('\\mathbf{MLP}(x)'), '\\mathbf{MLP}(x)');
  assert.equal(concept('\\boldsymbol{z}_k = \\boldsymbol{Uh}_{k-1} + \\boldsymbol{Wx}_k + \\boldsymbol{b}'), 'rnn');
  // (A layer's recursion reads the layer below, not an input at its step.)
  assert.notEqual(concept('z_l = W_l a_{l-1} + b_l'), 'rnn');
  assert.equal(concept('p_{\\theta_{dec}}(\\mathbf{y}_i | \\mathbf{Y}_{0: i-1}, \\mathbf{\\overline{X}}_{1:n})'), 'seq2seq');
  assert.equal(concept('f_{\\theta_{\\text{dec}}}(\\mathbf{y}_{i-1}, \\mathbf{c}_{i-1}) \\to \\mathbf{l}_i, \\mathbf{c}_i'), 'seq2seq');
  // (A VAE's decoder reads only its latent.)
  assert.equal(concept('p_{\\theta_{dec}}(x | z)'), null);
});

test('drawn from round 60: a gate through its own weights, heads and attention called by name, Adam\'s rates typed B_1, B_2', () => {
  const lstmGate = explainRules('\\mathbf{i}_t = \\sigma(y_i) = \\sigma(W_i \\cdot \\mathbf{z} + b_i)');
  assert.equal(lstmGate.concept, 'lstm');
  assert.notEqual(lstmGate.learned.by, 'withdrawn');
  assert.equal(concept('z_t = \\sigma(W_z \\cdot [h_{t-1}, x_t] + b_z)'), 'gru');
  assert.doesNotMatch(recognise('f_t = \\sigma(W_i x_t + b)').candidates[0]?.why ?? '', /own weights/);
  assert.equal(explainRules('\\text{where head}_i = \\text{Attention}(QW_i^Q, KW_i^K, VW_i^V)').concept, 'multi-head-attention');
  assert.equal(explainRules('\\bm{H}^{i} = \\text{Attention}(\\bm{Q}\\bm{W_q}^{i}, \\bm{K}\\bm{W_k}^{i}, \\bm{V}\\bm{W_v}^{i})', { context: { before: 'Multi-Head Self-Attention' } }).concept, 'multi-head-attention');
  assert.equal(explainRules('\\bm{H}\\isup{i} = \\text{Attention}(\\bm{Q}\\bm{W_q}\\isup{i}, \\bm{K}\\bm{W_k}\\isup{i}, \\bm{V}\\bm{W_v}\\isup{i})', { macros: '\\newcommand{\\isup}[1]{\\ensuremath{^{(#1)}}}' }).concept, 'multi-head-attention');
  assert.equal(explainRules('Z = \\text{SelfAttn}(X)').concept, 'self-attention');
  assert.equal(explainRules('\\mathbf{a}_i = \\operatorname{SDPA}(\\mathbf{q}_i, \\mathbf{k}_1, \\mathbf{v}_1)').concept, 'scaled-dot-product-attention');
  assert.equal(concept('V_t = B_2*V_{t-1} + (1-B_2)*g^2_t'), 'adam');
  assert.equal(concept('m_t = \\frac{m_t}{1-B_1^t}'), 'adam');
  assert.equal(concept('h_t = (1 - z_t) h_{t-1} + z_t \\tilde{h}_t'), 'gru');
});

test('drawn from round 60: penalties in other letters, the estimate named MLE, distances, spreads, and lines that only set or declare', () => {
  assert.equal(concept('L_2 = L_{data} + \\sigma \\|w\\|_2^2'), 'regularization');
  assert.equal(concept('\\frac{\\partial L_{reg}}{\\partial w}=\\frac{\\partial L}{\\partial w}+\\lambda \\cdot sign(w)'), 'regularization');
  assert.equal(concept('w_{MLE} = \\arg\\max_w \\sum_i \\log p(y_i | x_i; w)'), 'maximum-likelihood');
  assert.notEqual(concept('SSD(x_1, x_2) = \\|x_1 - x_2\\|_2^2'), 'autoencoder');
  assert.equal(concept('L = \\|x - g(f(x))\\|^2'), 'autoencoder');
  assert.equal(concept('w = \\sum((x - x_{mean}) * (y - y_{mean})) / \\sum((x - x_{mean})^2)'), null);
  assert.equal(concept('W_{i}^{Q} \\in R^{d_{model} \\times d_{k}}, W_{i}^{K} \\in R^{d_{model} \\times d_{k}}, W_{i}^{V} \\in R^{d_{model} \\times d_{v}}', 'where head_i = Attention(QW_i^Q, KW_i^K, VW_i^V)'), null);
  assert.equal(explainFormula('\\beta_{1}=0.9, \\beta_{2}=0.98, \\epsilon = 10^{-9}', { context: { before: 'Optimiser: Adam' } }).concept, null);
  assert.equal(concept('\\lambda_j = 10000^{-2j/d_{model}}'), 'positional-encoding');
});

test('drawn from round 60: backpropagation through time in a step k up to t; a gradient\'s sum is no weighted sum of values', () => {
  assert.equal(concept('\\frac{\\partial \\mathcal{L}_t}{\\partial u_{ij}} = \\sum_{k=1}^t \\frac{\\partial\\mathcal{L}_t}{\\partial z_k} \\frac{\\partial z_k}{\\partial h_{k-1}} \\frac{\\partial h_{k-1}}{\\partial u_{ij}}'), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial \\mathcal{L}}{\\partial W} = \\sum_{t=1}^T \\sum_{k=1}^t \\delta_{t, k} x_k^\\top'), 'backpropagation-through-time');
  assert.equal(concept('c_t = \\sum_{s} \\gamma_{ts} m_s'), 'attention');
});

test('drawn from round 60 too: Bayes with the prior first, ReLU through the step, Luong\'s score, the reset gate in the candidate, bigrams of a sentence', () => {
  assert.equal(concept('P(\\theta|D) = P(\\theta) \\frac {P(D|\\theta)}{P(D)}'), 'bayes-rule');
  assert.notEqual(concept('P(\\theta|D) = P(D) \\frac {P(D|\\theta)}{P(\\theta)}'), 'bayes-rule');
  assert.equal(explainRules('xH(x)').concept, 'relu');
  assert.notEqual(concept('xH(y)'), 'relu');
  assert.equal(recognise('h_t^\\top W_a\\overline{h}_s').candidates[0]?.id, 'attention');
  assert.equal(explainRules('\\widetilde{h_t}=tanh(W\\cdot[r_t\\cdot h_{t-1},x_t])').concept, 'gru');
  assert.equal(explainRules('P(I | <s>) * P(like | I) * P(peas | like) * P(</s> | peas)').concept, 'ngram-markov');
  assert.notEqual(concept('P(I) * P(like | I) * P(peas | like)'), 'ngram-markov');
  assert.equal(concept('\\text{Final Vector} = \\text{Word Embedding} + \\text{Positional Encoding}'), 'positional-encoding');
});

test('drawn from round 60 too: budgets written term by term, the log-likelihood of listed parameters, the prediction under "logistic regression"', () => {
  assert.equal(concept('|\\beta_1|+|\\beta_2|\\leq s'), 'regularization');
  assert.equal(concept('\\beta_1^2+\\beta_2^2\\leq s'), 'regularization');
  assert.equal(explainRules('\\ell(\\phi, \\mu_0, \\mu_1, \\Sigma) = \\sum_{i=1}^n \\left[ \\log p(x^{(i)} | y^{(i)}; \\mu_0, \\mu_1, \\Sigma) + \\log p(y^{(i)}; \\phi) \\right]').concept, 'maximum-likelihood');
  assert.equal(explainRules('\\mathcal{L}(\\theta) = \\mathbb{E}_{(x, y) \\sim \\mathcal{F}} \\left[ \\log p(y | x; \\theta) \\right]').concept, 'maximum-likelihood');
  assert.notEqual(concept('\\mathcal{L}(\\theta) = -\\mathbb{E}_{(x, y)} \\left[ \\log p(y | x; \\theta) \\right]'), 'maximum-likelihood');
  assert.equal(concept('\\hat{y}=\\sigma(z)=\\frac{1}{1+e^{-z}}', 'Logistic Regression. The output is'), 'logistic-regression');
  assert.equal(concept('\\hat{y}=\\sigma(z)=\\frac{1}{1+e^{-z}}'), 'sigmoid');
  // (Under "Adam", a step without its moments is not Adam's.)
  assert.notEqual(concept('\\theta \\leftarrow \\theta - \\alpha \\nabla_\\theta J(\\theta)', 'Adam Optimizer. Recall the standard Stochastic Gradient Descent update rule:'), 'adam');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\alpha \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}', 'Adam Optimizer'), 'adam');
});

test('letters drawn from round 60: a projection into its role by its own weights, a barred encoder state in attention', () => {
  assert.match(meaning('k_i = W_k h_i + b_k', 'k_i'), /^the key of one position/);
  assert.match(meaning('\\mathbf{q} = \\mathbf{W}_q \\mathbf{x} + \\mathbf{b}_q', 'q'), /^the query of one position/);
  assert.match(meaning('z = W_k h + b', 'z'), /^the pre-activation|^a score/);
  assert.doesNotMatch(meaning('h_t^\\top \\overline{h}_s', 'h̄_s', { context: { before: 'Dot score of attention' } }), /average/);
  assert.match(meaning('v_c^\\top \\bar{v}', 'v̄'), /average/);
});

test('the state and the input joined, under words naming the recurrent model, is a step of that model', () => {
  assert.equal(concept('\\mathbf{z} = [\\mathbf{h}_{t-1},\\mathbf{x}_t]', 'GRU equations'), 'gru');
  assert.equal(concept('\\mathbf{z} = [\\mathbf{h}_{t-1},\\mathbf{x}_t]'), null);
  assert.equal(concept('\\mathbf{z} = [\\mathbf{a},\\mathbf{b}]', 'GRU equations'), null);
});

test('drawn from round 61: an activation\'s derivative through its bare letter, hidden units summed, the estimate that minimises the NLL, a history cut short', () => {
  assert.equal(concept("g'(z) = g * (1 - g)"), 'sigmoid');
  assert.equal(concept("g'(z) = 1 - g^2"), 'tanh');
  assert.notEqual(concept("g'(z) = h * (1 - g)"), 'sigmoid');
  assert.equal(concept('f_w(x) = \\sum_{i=1}^m u_i h(\\theta_i^\\top x + b_i)'), 'mlp');
  assert.notEqual(concept('f(x) = \\sum_{i=1}^m u_i x_i'), 'mlp');
  assert.equal(concept('\\boldsymbol{\\theta}^* =\\underset{\\boldsymbol{\\theta}}{\\arg\\min}\\ -\\sum_{i=1}^{N}\\log\\left(p(\\boldsymbol{x}^{(i)};\\boldsymbol{\\theta})\\right)'), 'maximum-likelihood');
  assert.equal(concept('p(S) = p(w1)p(w2|w1)p(w3|w2)p(w4|w3)'), 'ngram-markov');
  assert.equal(concept('p(S) = p(w1)p(w2|w1)p(w3|w2w1)p(w4|w3w2)'), 'ngram-markov');
  // (The history growing with the words is the chain rule's, not a Markov model's.)
  assert.notEqual(concept('P(w_1, w_2, w_3, w_4) = P(w_1) P(w_2|w_1) P(w_3|w_1, w_2) P(w_4|w_1,w_2,w_3)'), 'ngram-markov');
});

test('drawn from round 61 too: expected logs, tanh through the sigmoid, a step of a score, the causal mask and dropout in cases, pieces of a derivative under its name', () => {
  assert.equal(concept('-E_{x~P}(log(Q(x)))'), 'cross-entropy');
  assert.equal(concept('-E_{x~P}(log(P(x)))'), null);
  assert.equal(explainFormula('L(\\theta, \\phi;x^{(i)})=E_{q_{\\phi}(z|x)}[-\\log q_{\\phi}(z|x)+\\log p_{\\theta}(x,z)]').concept, 'elbo');
  assert.equal(explainFormula('2*sigmoid(2x) - 1').concept, 'tanh');
  assert.equal(concept('y=I\\{\\boldsymbol{x}^{\\top}\\boldsymbol{w}+b>0\\}'), 'step-function');
  assert.notEqual(concept('y=I\\{x > 0\\}'), 'step-function');
  assert.equal(concept('e_{ij} = \\left\\{ \\begin{aligned} q_i^T k_j & & j \\leq i \\\\ -\\infty & & j > i \\end{aligned} \\right.'), 'masked-self-attention');
  assert.equal(concept('d(\\mathbf{x}) = \\begin{cases} \\mathbf{m}\\odot \\mathbf{x}, &\\text{during training}\\\\ p\\mathbf{x}, &\\text{otherwise} \\end{cases}'), 'dropout');
  assert.equal(concept("g'(z) = 0.01 if g(z) < 0", 'Leaky ReLU'), 'leaky-relu');
  assert.equal(concept("g'(z) = 1 if g(z) > 0", 'ReLU'), 'relu');
  assert.equal(concept("g'(z) = 1 if g(z) > 0"), null);
  assert.equal(concept('\\tilde{h} = \\tanh(x W^x + (r \\odot s_{i-1}) W^s + b)'), 'gru');
  assert.equal(concept('q_i = Q x_i'), 'self-attention');
  assert.notEqual(concept('v_i = V x_i'), 'self-attention');
});

test('words are not letters: a word spelled in italics on both sides is no update; a step by one moment is momentum or RMSProp, not Adam', () => {
  assert.equal(concept('Vector(woman) = Vector(man) + Vector(queen) - Vector(king)'), null);
  // (A letter updated by a rate times g stays a gradient step.)
  assert.equal(concept('w \\leftarrow w - \\eta g'), 'gradient-descent');
  const momentum = recognise('\\theta_t = \\theta_{t-1} - \\eta m_t \\\\ m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_{t-1}');
  assert.equal(momentum.concept, null);
  assert.ok(momentum.ruledOut?.includes('adam'));
  assert.equal(concept('\\theta_t = \\theta_{t-1} - \\frac{\\eta}{\\sqrt{v_t}} g_{t-1} \\\\ v_t = \\beta_2 v_{t-1} + (1-\\beta_2)(g_{t-1})^2'), null);
  // Adam's step takes both moments; one moment's line alone stays Adam's.
  assert.equal(concept('m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t \\\\ v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2 \\\\ \\theta_t = \\theta_{t-1} - \\frac{\\alpha \\hat{m}_t}{\\sqrt{\\hat{v}_t} + \\epsilon}'), 'adam');
  assert.equal(concept('v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2'), 'adam');
});

test('a line inside an invisible wrapper is the line: \\left. … \\right., a one-row array or cases braced after words, a term evaluated at a point', () => {
  const wrapped = [
    '\\left. \\begin{array}{ll} \\theta_{t+1}= \\theta_t - \\epsilon \\frac{\\partial L}{\\partial \\theta} \\end{array} \\right.',
    '\\begin{align} \\text{repeat until convergence} \\begin{cases} \\theta_j := \\theta_j - \\alpha \\frac{1}{m} \\sum_{i=1}^m (h(x^{(i)}) - y^{(i)}) x_j^{(i)} \\end{cases} \\end{align}',
    '\\phi_k = \\phi_{k-1} + \\left.\\eta \\nabla_{\\phi} \\mathcal{L}(\\phi, \\theta_{k-1})\\right|_{\\phi=\\phi_{k-1}}',
  ];
  for (const tex of wrapped) assert.equal(recognise(tex).concept, 'gradient-descent', tex);
  // A cases block of two rows is a definition by cases, not a wrapper of its first row.
  assert.equal(recognise('\\text{update} \\begin{cases} \\theta := \\theta - \\alpha \\nabla L & t < T \\\\ \\theta & \\text{otherwise} \\end{cases}').concept, null);
});

test('the error written out, times the input, climbs the likelihood: the LMS rule is a gradient step; a running mean is none', () => {
  assert.equal(concept('\\theta := \\theta + \\alpha (y-h_\\theta(x))x_j'), 'gradient-descent');
  assert.equal(concept('\\theta_j = \\theta_j + \\alpha\\frac{1}{m}(y-X\\theta)^Tx_j'), 'gradient-descent');
  assert.equal(concept('\\mu := \\mu + \\alpha (x - \\mu)'), null);
  assert.equal(concept('\\mu := \\mu + \\alpha (\\hat{x} - \\mu)'), null);
});

test('the likelihood of the data as a product over examples: labels as one bold vector, a density named by its family, a distribution given its own parameters', () => {
  assert.equal(concept('P(\\mathbf y \\mid \\mathbf X) = \\prod_{i=1}^{n} p(y^{(i)}|\\mathbf{x}^{(i)})'), 'maximum-likelihood');
  assert.equal(concept('p(X|\\mu,\\sigma^2) = \\prod_{n=1}^N \\mathcal{N}(x_n|\\mu,\\sigma^2)'), 'maximum-likelihood');
  assert.ok(recognise('p(X|\\mu,\\sigma^2) = \\prod_{n=1}^N p(x_n|\\mu,\\sigma^2)').candidates.some((c) => c.id === 'maximum-likelihood'));
  // A probability factorised over its parts given a latent, not over the data given parameters, is none.
  assert.equal(concept('p(\\mathbf{x} | \\mathbf{z}) = \\prod_i p(x_i | \\mathbf{z})'), null);
});

test("a step over a square root is Adam's only when it moves by a moment: the raw gradient over the root is RMSProp's or AdaGrad's", () => {
  assert.equal(concept('W := W - \\alpha \\frac{V^{corrected}_{dW}}{\\sqrt{S^{corrected}_{dW}} + \\epsilon}'), 'adam');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\epsilon \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}'), 'adam');
  assert.equal(concept('W := W - \\alpha \\frac{dW}{\\sqrt{S_{dW} + \\epsilon}}'), null);
  assert.equal(concept('w_{t+1} = w_t - \\frac{\\alpha}{\\sqrt{s_{t+1} + \\epsilon}}'), null);
});

test('a derivative by a step-t letter on the right, with no derivative on the left, reads without a detector throwing', () => {
  const before = detectorErrors.count;
  assert.equal(concept('w_{t+1} \\gets w_t - \\alpha \\frac{\\partial E}{\\partial w_t} \\quad \\alpha: learning \\space rate'), 'gradient-descent');
  recognise('\\nabla h_t = \\frac{\\partial h_t}{\\partial o_t} \\cdot \\nabla o_t + \\frac{\\partial h_t}{\\partial c_t} \\cdot \\nabla c_t');
  assert.equal(detectorErrors.count - before, 0, detectorErrors.last);
});

test('a sentence scored word by word: each word given only the one before it is a bigram model; a history cut to N − 1 words is the n-gram model', () => {
  assert.equal(concept('P(\\text{the cat sat}) \\approx P(\\text{the}) \\cdot P(\\text{cat} | \\text{the}) \\cdot P(\\text{sat} | \\text{cat})'), 'ngram-markov');
  assert.equal(concept('P(w_1^n) = P(w_1) \\cdot P(w_2 | w_1) \\cdot P(w_3 | w_1^2) \\cdot \\ldots \\cdot P(w_n | w_{n-N+1}^{n-1})'), 'ngram-markov');
  // The history growing word by word is the chain rule, not a window.
  assert.notEqual(concept('P(\\text{the cat sat}) = P(\\text{the}) P(\\text{cat} | \\text{the}) P(\\text{sat} | \\text{the cat})'), 'ngram-markov');
  assert.equal(concept('P(w_1, w_2, w_3) = P(w_1) P(w_2 | w_1) P(w_3 | w_1, w_2)'), 'language-model');
});

test('a loss letter defined as one call of a loss by its name is that loss; a scalar net with numbered weights is a network', () => {
  assert.equal(concept('\\mathcal{L}=\\text{CE}(f(Wx))'), 'cross-entropy');
  assert.equal(concept('J(\\theta) = \\text{MSE}(y, \\hat y)'), 'mse');
  assert.equal(concept('y = w_2 \\text{ReLU}(w_1 x + b_1) + b_2'), 'mlp');
  assert.notEqual(concept('y = w \\text{ReLU}(w x + b)'), 'mlp');
});

test('entries of a matrix times a vector, a distance from the current iterate and a variance are none of the concepts they resemble', () => {
  assert.equal(concept('(Ax)_i = \\sum_{k=1}^n a_{ik}x_k'), null);
  assert.equal(concept('c_i = \\sum_j a_{ij} h_j'), 'attention');
  assert.equal(concept('\\min_x \\| x - x_k \\|^2_2'), null);
  assert.equal(concept('\\min_x \\| x - \\hat{x} \\|^2_2'), 'autoencoder');
  assert.equal(concept('q_{j|i} \\propto \\frac{1}{1+\\|\\mathbf{y}_i - \\mathbf{y}_j\\|^2}'), null);
  assert.equal(concept('\\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2'), 'mse');
  assert.equal(explainFormula('EE[(Y - EE[Y])^2] = EE[Y^2] - (EE[Y])^2', { context: { before: 'the variance of the prediction' } }).concept, null);
  // The logistic loss negated inside the summand's bracket is not the log-likelihood it negates.
  assert.notEqual(concept('\\ell(\\beta) = \\sum_{i=1}^m (-y_i \\beta^T x_i + \\ln(1+e^{\\beta^T x_i}))'), 'maximum-likelihood');
  assert.equal(concept('\\ell(\\beta) = \\sum_{i=1}^m (y_i \\beta^T x_i - \\ln(1+e^{\\beta^T x_i}))'), 'maximum-likelihood');
  // (Nor without the bracket, each term negated.)
  assert.notEqual(concept('\\hat{\\beta} = \\arg\\min_{\\beta} \\sum_{i=1}^n -y_i x_i^{\\top}\\beta + \\log(1+e^{x_i^{\\top}\\beta})'), 'maximum-likelihood');
  assert.equal(concept('\\ell(\\beta) = \\sum_{i=1}^m y_i \\beta^T x_i - \\ln(1+e^{\\beta^T x_i})'), 'maximum-likelihood');
});

test('fitted models with numbers for coefficients, the regression function and the label drawn from a Bernoulli are the models they write', () => {
  assert.equal(concept('Y = 7.5 - 2X + \\epsilon'), 'linear-regression');
  assert.equal(concept('\\ln \\left[ \\frac{P_i(Y=1)}{1-P_i(Y=1)} \\right] = -0.38 - 0.37 \\times X_i'), 'logistic-regression');
  assert.equal(concept('P(Y = 1 | X = x_i) = \\frac{1}{1 + e^{-(-10.65 + 0.0055 x_i)}}'), 'logistic-regression');
  // Numbers alone are arithmetic, and a line without an error term or a class probability is not yet a model.
  assert.equal(concept('y = 3 + 2 x'), null);
  assert.equal(concept('E(Y|X) = 12 + .7 x; \\epsilon \\sim N(0, 4)'), 'linear-regression');
  assert.equal(concept('\\mathbb{E}[\\mathbf{y}|\\mathbf{X}] = \\mathbf{X}\\boldsymbol{\\beta}'), 'linear-regression');
  assert.notEqual(concept('\\mathbb{E}[y|x] = \\sigma(w^T x)'), 'linear-regression');
  assert.equal(concept('y | \\mathbf{x} \\sim \\text{Bernoulli}\\left(\\frac{1}{1+e^{-\\mathbf{x}^{\\top}\\boldsymbol\\beta}}\\right)'), 'logistic-regression');
  assert.equal(concept('m_d \\sim \\text{Bernoulli}(p)'), 'dropout');
});

test('the positive part (·)_+ is max(0, ·), and a frequency is a count', () => {
  assert.equal(normaliseTex('H(y, \\hat{y}) = (1 - y\\hat{y})_+'), 'H(y, \\hat{y}) = \\max(0, 1 - y\\hat{y})');
  assert.equal(normaliseTex('\\left[1 - m\\right]_{+}'), '\\max(0, 1 - m)');
  // Nested, and of the other bracket kind inside: each part's own bracket, the one inside left whole.
  assert.equal(normaliseTex('((a)_+)_+'), '\\max(0, \\max(0, a))');
  assert.equal(normaliseTex('[(a)_+ - b]_{+}'), '\\max(0, \\max(0, a) - b)');
  assert.equal(normaliseTex('( [x]_+ ) y'), '( \\max(0, x) ) y');
  assert.equal(concept('H(\\beta) = (1 - y x^{\\top}\\beta)_+'), 'hinge-loss');
  assert.equal(concept('P(\\text{am} | \\text{I}) = \\frac{\\text{freq}(\\text{I am})}{\\text{freq}(\\text{I})}'), 'ngram-markov');
  assert.equal(concept('P(w) = \\frac{\\text{freq}(w)}{|C|}'), 'ngram-markov');
});

test("a linear model's left side with the error term added is the observed response, and β in a penalty alone a coefficient", () => {
  for (const [tex, y] of [['y = \\beta_0 + \\beta_1 x + \\epsilon', 'y'], ['Y_{(1)} = 7.5 - 2X_{(1)} + \\epsilon_{(1)}.', 'Y_{(1)}']]) {
    assert.match(meaning(tex, y), /observed target/, tex);
    assert.doesNotMatch(meaning(tex, y), /prediction/, tex);
  }
  // Without the error term, the line's value is its prediction.
  assert.doesNotMatch(meaning('\\hat{y} = \\beta_0 + \\beta_1 x', 'ŷ'), /observed target/);
  assert.match(meaning('\\lambda \\sum_{j=1}^{p} \\beta_j^2', 'β_j'), /coefficient of the linear model/);
});

test('the ELBO\'s own letter is the objective training maximises, not a loss the formula minimises', () => {
  const m = meaning('\\mathcal L = - D_{\\mathrm{KL}} ( q_{\\phi}(z\\mid x) \\| p(z) ) + \\mathbb E_q ( \\ln p_\\theta (x \\mid z))', 'L');
  assert.match(m, /maximises: the evidence lower bound/);
});

test('the chain rule in more spellings: a bullet or a tie between the factors, δ-slash derivatives, primes of nested functions', () => {
  assert.equal(concept('\\frac{\\partial J}{\\partial z} = \\frac{\\partial J}{\\partial \\hat{y}} \\bullet \\frac{\\partial \\hat{y}}{\\partial z}'), 'chain-rule');
  assert.equal(concept('\\frac{dF}{dx} = \\frac{dg}{dh} ~ \\frac{dh}{dx}'), 'chain-rule');
  assert.equal(concept('\\delta C_0/\\delta w^l = \\delta z^l/\\delta w^l . \\delta a^l/\\delta z^l . \\delta C_0/\\delta a^l'), 'chain-rule');
  assert.equal(concept("\\nabla f(x) = g'(h(x)) \\odot \\nabla h(x)"), 'chain-rule');
  // The error δ of backpropagation is no quotient, and one primed function alone is no chain.
  assert.equal(normaliseTex('\\delta^l = (W^{l+1})^T \\delta^{l+1}'), '\\delta^l = (W^{l+1})^T \\delta^{l+1}');
  assert.equal(concept("f'(x) = 2x"), null);
});

test("error signals passed back (x̄ = ȳ ∂y/∂x) are the chain rule; display and continued fractions are fractions", () => {
  assert.equal(concept('\\bar{S}=\\bar{J} \\frac{dJ}{dS} = -1 \\cdot \\bar{J} = -\\bar{J}'), 'chain-rule');
  assert.equal(concept("\\overline{y}=\\overline{y^{'}}\\frac{ \\partial y^{'}}{ \\partial y}"), 'chain-rule');
  // A barred quantity that is no signal times a derivative is none.
  assert.equal(concept('\\bar{x} = \\bar{y} + 1'), null);
  assert.equal(normaliseTex('\\dfrac{a}{b} + \\cfrac{c}{d} + \\tfrac{e}{f}'), '\\frac{a}{b} + \\frac{c}{d} + \\frac{e}{f}');
});

test('targets written t in a linear model with its error, a bold P as a distribution, and naive Bayes given a cause in words', () => {
  assert.equal(concept('t = Xw^{*} + \\epsilon'), 'linear-regression');
  assert.equal(concept('t_i = w^{*T} x_i + \\epsilon_i'), 'linear-regression');
  assert.equal(concept('\\mathbf{P}(A,B,C,D)=\\mathbf{P}(A|B,C,D)\\mathbf{P}(B,C,D)'), 'probability-chain-rule');
  assert.notEqual(concept('\\mathbf{P}(\\text{Cause}, E_1,\\ldots E_n)=\\mathbf{P}(\\text{Cause})\\prod_i \\mathbf{P}(E_i|\\text{Cause})'), 'language-model');
  assert.equal(concept('P(\\text{the cat sat}) = \\prod_i P(w_i | \\text{history})'), 'language-model');
});

test('a model named by its parameters in a chain of forms, or without its argument, is the linear model', () => {
  assert.equal(concept('\\hat{y}_k = f_{w,b}(x_k) = w x_k + b'), 'linear-regression');
  assert.equal(concept('f_{\\mathbf{w},b} = w_1 x_1 + w_2 x_2 + w_3 x_3 + b'), 'linear-regression');
  // f named by no parameters is a function, not the hypothesis.
  assert.equal(concept('f_{k} = w_1 x_1 + w_2 x_2 + b'), 'affine-layer');
});

test("the gradient of a penalised loss in code's notation or averaged, with the loss's own part written any way", () => {
  for (const tex of ['dW^{[2]} = dZ^{[2]} A^{[1]T} + \\frac{\\lambda}{m} W^{[2]}', 'dW = \\text{(from backprop)} + \\frac{\\lambda}{m} W', '\\frac{\\partial E_{reg}}{\\partial w_{k}} = \\frac{\\partial E}{\\partial w_{k}} + 2 \\lambda w_{k}', '\\frac{d J}{d W} = \\frac{d J}{d Z} X^T + \\lambda W']) {
    const ex = explainFormula(tex, { display: true });
    assert.equal(ex.concept, 'regularization', tex);
  }
  // The gradient written out as a sum over the examples is that model's, and the penalty alone no sum of the loss.
  assert.equal(concept('\\frac{\\partial J}{\\partial w_j} = \\frac{1}{m} \\sum_{i=1}^m (h(x_i) - y_i) x_{ij} + \\frac{\\lambda}{m} w_j'), null);
  assert.equal(concept('dW = \\frac{\\lambda}{m} W + dZ A^T'), null);
});

test('a squared error at one step, or against a model of its parameters, is an error, not two iterates', () => {
  assert.equal(concept('L_t = \\frac{1}{2}(o_t - y_t)^2', 'The error at time t is'), 'mse');
  assert.equal(concept('L(\\psi) = \\frac{1}{N}\\sum_{i=1}^N\\sum_{t=1}^{T} (g_{i,t} - U_{\\psi}(z_{i,t}))^2'), 'mse');
  // Two steps of one letter are iterates of an optimiser.
  assert.notEqual(concept('\\frac{1}{T}\\sum_{t} (x_{t+1} - x_t)^2'), 'mse');
});

test("one direction's state from a cell called by name is the bidirectional RNN's; a word given the centre word as a softmax is skip-gram's", () => {
  const fwd = explainFormula('\\overrightarrow{h}_t = \\text{GRU}(W_{f} [x_t ; h_{t-1}] + b_{f}), \\quad \\overleftarrow{h}_t = \\text{GRU}(W_{b} [x_t ; h_{t+1}] + b_{b})', { display: true });
  assert.equal(fwd.concept, 'bidirectional-rnn');
  // A state with no direction called by the cell's name is that cell.
  assert.equal(concept('h_t = \\text{GRU}(x_t, h_{t-1})'), 'gru');
  assert.equal(explainFormula('P(w_k \\mid w_c) = \\frac{\\exp(s_k)}{\\sum_{i=1}^{|V|} \\exp(s_i)}', { display: true }).concept, 'skipgram-softmax');
  // A class given an input is no word given its centre word.
  assert.notEqual(concept('P(y_k \\mid x) = \\frac{\\exp(s_k)}{\\sum_{i=1}^{K} \\exp(s_i)}'), 'skipgram-softmax');
});

test("an activation's name primed alone is its derivative; a prediction of an input and its weights, linear in them, is the linear model", () => {
  assert.equal(concept('\\text{ReLU}^\\prime &= \\begin{cases} 0 & \\text{if } u < 0\\\\ 1 & \\text{if } u > 0 \\end{cases}'), 'relu');
  assert.equal(concept("\\text{Leaky ReLU}' = \\begin{cases} 0.1 & u < 0\\\\ 1 & u > 0 \\end{cases}"), 'leaky-relu');
  // A primed name the catalog does not hold is no activation's derivative.
  assert.equal(concept("\\text{Swish}' = \\begin{cases} 0 & u < 0\\\\ 1 & u > 0 \\end{cases}") === 'relu', false);
  assert.equal(explainRules('\\hat{q}(a, \\theta) = \\psi(a)^T \\theta', { display: true }).concept, 'linear-regression');
  assert.equal(explainRules('f(\\mathbf{u}, \\mathbf{w}) = \\mathbf{w}^\\top \\boldsymbol\\psi(\\mathbf{u})', { display: true }).concept, 'linear-regression');
  // Weights and features of another letter than the input, or no transpose, are no such model.
  assert.equal(concept('\\hat{q}(a, \\theta) = \\psi(b)^T \\theta'), null);
  assert.equal(concept('\\hat{q}(a, \\theta) = \\psi(a) \\theta'), null);
});

test("the letter of a primed function applied in a network's backward pass is the activation function; in a step, the objective", () => {
  assert.match(meaning("\\delta^{(k)} = (W^{(k+1)})^T \\delta^{(k+1)} \\odot g'(u^{(k)})", 'g'), /activation function/);
  assert.match(meaning("x \\leftarrow x - \\eta f'(x)", 'f'), /objective \(loss\) the step descends/);
});

test("the delta rule as a weight's change; Bayes' rule with the evidence summed term by term; ReLU through an indicator", () => {
  assert.equal(concept('\\Delta w_j = \\eta\\, x_j (d - o)', 'the Widrow-Hoff rule'), 'gradient-descent');
  assert.equal(concept('\\Delta W = (t - y) x'), 'gradient-descent');
  // The perceptron's rule is its own method.
  assert.equal(concept('\\Delta w = \\eta (t - y) x', 'the perceptron learning rule'), null);
  assert.equal(concept('P(a|b) = \\frac{P(b|a) P(a)}{P(b|a) P(a) + P(b|\\neg a) P(\\neg a)}'), 'bayes-rule');
  // A denominator whose terms do not hold the numerator is no evidence of it.
  assert.equal(concept('P(a|b) = \\frac{P(b|a) P(a)}{P(b|c) P(c) + P(b|\\neg c) P(\\neg c)}'), null);
  assert.equal(concept('g(u) = u \\, \\mathbb{1}(u \\geq 0)'), 'relu');
  assert.equal(concept('g(u) = u \\cdot 1\\{u > 0\\}'), 'relu');
  assert.equal(concept('g(u) = u \\cdot 1\\{v > 0\\}'), null);
});

test("an LSTM gate's sigmoid written alone, its weights named for the gate, where the sentence names the gate (quoted or not)", () => {
  assert.equal(concept("\\sigma(b_o + U_o' x_t + W_o' h_{t-1})", 'where this is the "output" gate.'), 'lstm');
  assert.equal(concept('\\sigma(b_i + U_i x_t + W_i h_{t-1})', 'the input gate'), 'lstm');
  // Without the words, or without weights named for a gate, a sigmoid of a state and an input names no gate.
  assert.notEqual(concept('\\sigma(b_o + U_o x_t + W_o h_{t-1})', 'the next quantity'), 'lstm');
  assert.notEqual(concept('\\sigma(b + U x_t + W h_{t-1})', 'the output gate'), 'lstm');
});

test("a weight's gradient summed from the first step to the last is gathered through time, even where the factors leave t unwritten", () => {
  const rec = recognise('\\frac{\\partial E}{\\partial w^{hid}_{kl}} = \\sum^T_{t = 1} \\frac{\\partial E}{\\partial a^{hid}_{k}} \\frac{\\partial a^{hid}_{k}}{\\partial w^{hid}_{kl}}');
  assert.equal(rec.candidates[0]?.id, 'backpropagation-through-time');
  // Summed over the examples, it is the chain rule's.
  assert.notEqual(recognise('\\frac{\\partial E}{\\partial w_{kl}} = \\sum^N_{n = 1} \\frac{\\partial E}{\\partial a_{k}} \\frac{\\partial a_{k}}{\\partial w_{kl}}').candidates[0]?.id, 'backpropagation-through-time');
});

test('a prediction by weights and a bias on inputs named by words, typed as bare letters or in text boxes, is the linear model', () => {
  assert.equal(concept('Rent = w_1 * FloorArea + w_2 * RoomCount + b'), 'linear-regression');
  assert.equal(concept('\\text{Yield} = w \\times \\text{Rainfall} + b'), 'linear-regression');
  // Letters for inputs keep the layer's reading open; two letters are no word.
  assert.notEqual(concept('z = w_1 x_1 + w_2 x_2 + b'), 'linear-regression');
  assert.notEqual(concept('ab = w_1 cd + b'), 'linear-regression');
});

test("Ng's target given the context as a softmax, a pair's real-or-sampled label as a sigmoid of its words' vectors, a barred average of word vectors", () => {
  assert.equal(explainFormula('p(t \\mid c) = \\frac{e^{\\theta_t^T e_c}}{\\sum_{j=1}^{V} e^{\\theta_j^T e_c}}', { display: true }).concept, 'skipgram-softmax');
  assert.equal(concept('p(y = 1 \\mid c, t) = \\sigma(\\theta_t^T e_c)'), 'sgns');
  assert.equal(concept('P(D = 1 \\mid w, c) = \\sigma(u_w^\\top v_c)'), 'sgns');
  // Vectors indexed by other letters than the pair's are no score of that pair.
  assert.notEqual(concept('p(y = 1 \\mid c, t) = \\sigma(\\theta_a^T e_b)'), 'sgns');
  assert.equal(concept('\\bar{w}_t = \\frac{1}{2m}\\sum_{-m \\leq j \\leq m, j \\neq 0} w_{t+j}'), 'cbow');
  // Without a barred (or hatted) average on the left, letters w summed are weights.
  assert.notEqual(concept('s = \\frac{1}{2m}\\sum_{-m \\leq j \\leq m, j \\neq 0} w_{t+j}'), 'cbow');
});

test("the econometrician's regression: an error term u_i, and words typed as bare letters with an index", () => {
  assert.equal(concept('WageRate_i = \\beta_0 + \\beta_1 Schooling_i + u_i'), 'linear-regression');
  // Without an intercept or a second slope, one coefficient on a letter and u is no model.
  assert.notEqual(concept('a = \\beta_1 x + u'), 'linear-regression');
});

test('a loss of the input and the input encoded and decoded is the autoencoder; ReLU through an Iverson bracket', () => {
  assert.equal(concept('E(\\phi) = \\sum_{u \\in D} \\ell(u, (p \\circ q)(u))'), 'autoencoder');
  assert.equal(concept('\\min_{\\phi} \\sum_{u} \\Delta(u, p_{\\phi}(q_{\\phi}(u)))'), 'autoencoder');
  // Another letter against the maps of the input is a prediction's loss, not a reconstruction.
  assert.notEqual(concept('\\sum_{u} \\ell(v, p(q(u)))'), 'autoencoder');
  assert.equal(concept('g(u) = u[u > 0]'), 'relu');
});

test('a zero-width space copied after a command still ends its name', () => {
  assert.equal(normaliseTex('\\prod\u200BP(w_i)'), '\\prod P(w_i)');
  assert.equal(normaliseTex('a\u200B + b'), 'a + b');
  assert.equal(concept('P(w_1^n\u200B)=\\prod\u200BP(w_i\u200B | w_1^{i-1}\u200B)'), 'language-model');
});

test("Bengio's language model: the previous words' embeddings side by side, and its output through a tanh layer and straight", () => {
  assert.equal(concept('v = (E(w_{t-1}), E(w_{t-2}), E(w_{t-3}))'), 'fixed-window-lm');
  assert.equal(concept('o = a + A v + B \\tanh(c + G v)'), 'fixed-window-lm');
  // The same shape over another letter inside the tanh is no such model; lookups of one word are no window.
  assert.notEqual(concept('o = a + A v + B \\tanh(c + G u)'), 'fixed-window-lm');
  assert.notEqual(concept('v = (E(w_{t-1}), E(w_{t-1}))'), 'fixed-window-lm');
});

test('derivatives multiplied through the variable they share are the chain rule, firm; through time steps they are not firm', () => {
  for (const tex of ['\\frac{\\partial J}{\\partial v} = \\frac{\\partial J}{\\partial s} \\cdot \\frac{\\partial s}{\\partial v}', '\\frac{\\partial E}{\\partial u^1} = \\frac{\\partial r^1}{\\partial u^1} \\frac{\\partial q^1}{\\partial r^1} \\frac{\\partial E}{\\partial q^1}']) {
    const r = recognise(tex);
    assert.equal(r.concept, 'chain-rule', tex);
    assert.equal(r.firm, true, tex);
    assert.equal(explainFormula(tex).concept, 'chain-rule', tex);
  }
  // Factors that share no variable are a product of derivatives, not a chain; a time-indexed chain may be through time.
  assert.notEqual(recognise('\\frac{\\partial J}{\\partial v} = \\frac{\\partial J}{\\partial s} \\frac{\\partial q}{\\partial v}').firm, true);
  assert.notEqual(recognise('\\frac{\\partial E}{\\partial c} = \\frac{\\partial E}{\\partial v^t} \\frac{\\partial v^t}{\\partial c}').firm, true);
});

test('a sentence that defines perplexity through the log-likelihood names perplexity, not the likelihood it mentions', () => {
  const tex = 'Q = \\exp(-\\frac{1}{N}\\sum_{k=1}^{N}\\log q(u_k|u_1,\\ldots,u_{k-1}))';
  assert.equal(concept(tex, 'Perplexity is e raised to the mean negative log-likelihood (NLL) per token'), 'perplexity');
  // The mean negative log-likelihood itself, under the same words, stays the likelihood.
  assert.equal(concept('-\\frac{1}{N}\\sum_{k=1}^{N}\\log q(u_k|u_1,\\ldots,u_{k-1})', 'the mean negative log-likelihood (NLL) per token'), 'negative-log-likelihood');
});

test('σ defined as one exponential, the identity or Swish is not the sigmoid, and the learned model may not name it', () => {
  assert.notEqual(concept('\\sigma(u) = e^{r(u)}'), 'sigmoid');
  assert.notEqual(concept('\\sigma(u) = \\exp(r(u))'), 'sigmoid');
  assert.notEqual(concept('\\sigma(u) = u'), 'sigmoid');
  assert.deepEqual(recognise('\\sigma(u) = \\frac{u}{1 + e^{-u}}').ruledOut, ['sigmoid', 'logistic-regression']);
  assert.equal(explainFormula('\\sigma(u) = \\frac{u}{1 + e^{-u}}', { context: { before: 'the Swish activation is defined as' } }).concept, null);
  assert.equal(concept('\\sigma(u) = \\frac{1}{1 + e^{-u}}'), 'sigmoid');
});

test('a starred or primed vector from a matrix times the plain one is a layer; a primed matrix updated is not', () => {
  assert.equal(concept('\\vec{x}^* = W\\vec{x} + \\vec{b}'), 'affine-layer');
  assert.equal(concept("x' = Wx + b"), 'affine-layer');
  assert.notEqual(concept('x = Wx + b'), 'affine-layer');
  assert.notEqual(concept("W' = W + BA"), 'affine-layer');
});

test('a letter defined as the log of the likelihood of parameters, and the likelihood defined as the data given them', () => {
  assert.equal(concept('u(\\beta) = \\log(L(\\beta))'), 'maximum-likelihood');
  assert.equal(concept('l = \\log L(\\mu, \\sigma^2) = \\sum_{k} \\log f(u_k | \\mu, \\sigma^2)'), 'maximum-likelihood');
  assert.equal(concept('u(\\pi) = \\log(L(\\pi))'), 'maximum-likelihood');
  assert.equal(concept('L(q) = f(u_1, u_2, \\ldots, u_m | q)'), 'maximum-likelihood');
  // Its derivative, taken to find the maximum, is not the likelihood; a loss of predictions is no likelihood.
  assert.notEqual(concept("u(\\pi)' = \\log(L(\\pi))'"), 'maximum-likelihood');
  assert.notEqual(concept('l = \\log L(\\hat{y}, y)'), 'maximum-likelihood');
});

test("mutual information's ratio (a conditional over its marginal, a joint over the product of its marginals) is not the KL divergence", () => {
  assert.notEqual(concept('M = \\sum_{a,b} p(a, b) \\log \\frac{p(b|a)}{p(b)}'), 'kl-divergence');
  assert.notEqual(concept('M = \\sum_{a,b} p(a,b) \\log \\frac{p(a,b)}{p(a)p(b)}'), 'kl-divergence');
  // Two distributions of one variable stay the divergence.
  assert.equal(concept('M = \\sum_{a} p(a) \\log \\frac{p(a)}{q(a)}'), 'kl-divergence');
  assert.equal(concept('M = \\sum_{a} q(a|b) \\log \\frac{q(a|b)}{p(a|b)}'), 'kl-divergence');
});

test('Attention(Q, K, V) scored through tanh is additive attention, and weighted by a similarity function attention in general', () => {
  assert.equal(concept('\\text{Attention}(Q, K, V) = \\text{softmax}(\\tanh(Q W_a + K U_a) v_a) V'), 'mlp-attention');
  assert.equal(concept('\\text{Attention}(Q, K, V) = \\frac{\\sum_{m} \\text{sim}(Q_n, K_m) V_m}{\\sum_{m} \\text{sim}(Q_n, K_m)}'), 'attention');
  assert.equal(concept('\\text{Attention}(Q, K, V) = \\text{softmax}(\\frac{QK^T}{\\sqrt{d_k}})V'), 'scaled-dot-product-attention');
});

test('a product dot typed as a character reads as \\cdot does: a matrix times a matrix, and not between vectors over their lengths', () => {
  assert.equal(concept('Z = X · W + b'), 'affine-layer');
  assert.equal(concept('Z = X ⋅ W + b'), concept('Z = X \\cdot W + b'));
  // Vectors over their lengths written with single bars keep their dot: the cosine.
  assert.equal(concept('d = \\frac{S_1·S_2}{|S_1|*|S_2|}'), 'cosine-similarity');
  assert.equal(concept('d = \\frac{S_1 \\cdot S_2}{|S_1| |S_2|}'), 'cosine-similarity');
});

test('a layer tagged bare or in brackets, its weights tagged alike, on the layer below or the input, is a layer without a bias', () => {
  assert.equal(concept('z^i := W^i a^{i-1}'), 'affine-layer');
  assert.equal(concept('a^l = W^l h^{l-1}'), 'affine-layer');
  assert.equal(concept('z^1 = W^1 x'), 'affine-layer');
  assert.equal(concept('z^{[2]} = W^{[2]} a^{[1]}'), 'affine-layer');
  assert.equal(concept('\\boldsymbol{z}^{(2)} = \\boldsymbol{a}^{(1)} \\boldsymbol{W}^{(2)}'), 'affine-layer');
  // A step tagged so is a recurrence, not a layer; a weight tagged otherwise is not the layer's.
  assert.notEqual(concept('h^t = W^t h^{t-1}'), 'affine-layer');
  assert.notEqual(concept('z^2 = W^3 x'), 'affine-layer');
});

test('letterlike characters pasted from a page are their calligraphic and double-struck letters', () => {
  assert.equal(concept('b = b - α ∂ℒ/∂b'), 'gradient-descent');
  assert.equal(concept('w = w - η ∂ℒ/∂w'), concept('w = w - \\eta \\partial \\mathcal{L}/\\partial w'));
});

test('a parameter update written with lr, in a chain of equals, bracketed with its iteration, or as a change by a derivative', () => {
  assert.equal(concept("x_1 = x_0 + \\Delta x = x_0 - lr*f'(x)"), 'gradient-descent');
  assert.equal(concept('\\Delta x = - lr * \\frac{\\partial loss}{\\partial x}'), 'gradient-descent');
  assert.equal(concept("\\Delta x = - lr * f'(x)"), 'gradient-descent');
  assert.equal(concept('\\Delta w(t) = -\\varepsilon \\frac{\\partial E}{\\partial w}(t)'), 'gradient-descent');
  assert.equal(concept("(w_{jk}^L)_{i+1} = (w_{jk}^L)_{i} - \\alpha C'((w_{jk}^L)_i)"), 'gradient-descent');
  // A chain whose later side does not start from the parameter is no update; a change by a plain value is none.
  assert.notEqual(concept("y_1 = x_0 + 1 = z - lr*f'(x)"), 'gradient-descent');
  assert.notEqual(concept('\\Delta x = - lr * x'), 'gradient-descent');
});

test('Swish under any letter, z/(1 + e^{−z}) or x σ(x), is not the sigmoid, even when the sentence names the sigmoid', () => {
  const words = 'The Swish is defined as a sigmoid multiplied with the identity';
  assert.notEqual(recognise('f(z) = \\frac{z}{1 + e^{-z}}', { before: words }).concept, 'sigmoid');
  assert.notEqual(concept('f(x) = x \\sigma(x)'), 'sigmoid');
  // The sigmoid itself, under any letter, stays the sigmoid.
  assert.equal(concept('f(z) = \\frac{1}{1 + e^{-z}}'), 'sigmoid');
  assert.equal(recognise('g(z) = \\frac{1}{1 + e^{-z}}', { before: 'the sigmoid' }).concept, 'sigmoid');
});

test("a model named by its parameters equated with the probability that the label is 1 is logistic regression", () => {
  assert.equal(concept('f_{\\vec{w}, b}(\\vec{x}) = P(y=1 | \\vec{x}; \\vec{w}, b)'), 'logistic-regression');
  assert.equal(concept('P(y=1 \\vert x; \\theta) = h_{\\theta}(x)'), 'logistic-regression');
  // An unnamed function, or a probability of another event, is not read so.
  assert.notEqual(concept('f(x) = P(y=1|x)'), 'logistic-regression');
  assert.notEqual(concept('h_{\\theta}(x) = P(x > 1)'), 'logistic-regression');
});

test('squared errors averaged by an explicit 1/m, tied with the linear model or the empirical risk, are the mean squared error', () => {
  const ols = { before: 'This is why this technique is called Ordinary Least Square (OLS) regression' };
  const erm = { before: 'ERM 经验风险最小化预测' };
  assert.equal(recognise('E(\\beta)= \\frac {1}{n} \\sum _{i=1}^{n}(y_{i}-x_{i}^{T}\\beta)^{2}', ols).concept, 'mse');
  assert.equal(recognise('L_D(\\theta)=\\frac{1}{N}||t_D-X_D\\theta||^2', erm).concept, 'mse');
  // Without the average, the same words leave the squared errors undecided between the two.
  assert.equal(recognise('E(\\beta)= \\sum _{i=1}^{n}(y_{i}-x_{i}^{T}\\beta)^{2}', ols).concept, null);
  assert.equal(recognise('L_D(\\theta)=||t_D-X_D\\theta||^2', erm).concept, null);
});

test('the evidence split into a named bound and the KL gap, or conditioned on the parameters alone, is the ELBO decomposition', () => {
  assert.equal(concept('\\log p(\\mathbf{x}; \\theta) = \\mathrm{ELBO}(q,\\mathbf{x};\\theta,\\phi) + \\mathrm{KL}[q(\\mathbf{z} \\mid \\mathbf{x}; \\phi) \\parallel p(\\mathbf{z} \\mid \\mathbf{x}; \\theta)]'), 'elbo');
  assert.equal(concept('\\log p(x | \\theta) = \\mathcal{L}(q, \\theta) + KL(q(z) \\| p(z | x, \\theta))'), 'elbo');
  // The evidence given the parameters, without a bound and its gap, is a likelihood, not the decomposition.
  assert.notEqual(concept('\\log p(x | \\theta) = \\sum_i \\log p(x_i | \\theta)'), 'elbo');
});

test("a step on a sampled example's gradient (∇f_{i_k}) or on a batch's data (J(θ, X_b, y_b)) is a stochastic step", () => {
  assert.equal(concept('x_{k+1} = x_k - \\alpha_k \\nabla f_{i_k}(x_k)'), 'minibatch-sgd');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\eta \\nabla_\\theta J(\\theta, X_b, y_b)'), 'minibatch-sgd');
  // The full gradient stays gradient descent.
  assert.equal(concept('x_{k+1} = x_k - \\alpha_k \\nabla f(x_k)'), 'gradient-descent');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\eta \\nabla_\\theta J(\\theta, X, y)'), 'gradient-descent');
});

test('a matrix written with its shape after its letter, X(4,8), is that matrix: the projection it takes part in is read', () => {
  const qkv = { before: 'Query, Key, and Value Matrices' };
  assert.equal(normaliseTex('Q(4,4) = X(4,8) \\times W_Q(8,4)'), 'Q = X \\times W_Q');
  assert.equal(normaliseTex('Z(5,4) = A(5,5)^{weight} \\times V(5,4)'), 'Z = A^{weight} \\times V');
  assert.equal(recognise('Q(5,4) = x \\times W_q', qkv).concept, 'self-attention');
  // A probability, a binomial coefficient and a normal distribution keep their numbers; so does a call of a small letter.
  for (const kept of ['P(1,2) = 0.3', 'C(5,2) = 10', 'N(0,1)', 'f(2,3) = 5']) assert.equal(normaliseTex(kept), kept);
});

test('derivatives spelt with the word part on both sides of a slash are partial derivatives', () => {
  assert.equal(normaliseTex('part C / part z_j^l'), '\\frac{\\partial C}{\\partial z_j^l}');
  assert.equal(concept('part C / part theta^l = part C / part z^l * part z^l / part theta^l'), 'chain-rule');
  // The word alone, in a sentence, is a word.
  assert.equal(normaliseTex('the part of x / 2'), 'the part of x / 2');
});

test('a weight times an input typed with an asterisk, W * x + b, is the same affine map', () => {
  assert.equal(recognise('z^[1] = W^[1] * X + b^[1]', { before: 'Computing a Neural Network Output' }).concept, 'affine-layer');
  assert.equal(recognise('z^{[1]} = W^{[1]} X + b^{[1]}', { before: 'Computing a Neural Network Output' }).concept, 'affine-layer');
});

test('a gradient step with the decay as its own term is gradient descent (on a penalised loss); factored out, it is weight decay', () => {
  const step = 'w_{i} \\leftarrow w_{i}-\\eta \\frac{\\partial L_{0}}{\\partial w_{i}}-2 \\eta \\lambda w_{i}';
  assert.equal(concept(step), 'gradient-descent');
  assert.match(recognise(step).candidates.find((c) => c.id === 'regularization')?.why ?? '', /weight decay/);
  assert.equal(concept('w \\leftarrow w - \\eta \\lambda sgn(w) - \\frac{\\eta}{|\\mathcal{B}|} \\sum_{i \\in \\mathcal{B}} x^{(i)} (w^T x^{(i)} + b - y^{(i)})'), 'minibatch-sgd');
  // Factored, (1 − ηλ) w − η ∂L/∂w, and with the decay's weight in another Greek letter, (1 − εα) w − ε ∇J.
  assert.equal(concept('w_{t+1} = (1 - \\eta \\lambda) w_t - \\eta \\frac{\\partial L}{\\partial w}'), 'regularization');
  assert.equal(concept('w \\leftarrow (1 - \\epsilon \\alpha) w - \\epsilon \\nabla_w J(w; X, y)'), 'regularization');
  // One Greek letter in the bracket is a rate, not a decay.
  assert.notEqual(concept('w \\leftarrow (1 - \\epsilon) w - \\epsilon \\nabla_w J(w; X, y)'), 'regularization');
});

test("a sigmoid's or tanh's slope equated to a number is another activation's: no sigmoid is named", () => {
  assert.equal(recognise('\\frac{d \\sigma}{dz} = 1', { before: 'The relu function is' }).concept, null);
  assert.equal(concept('\\frac{d \\tanh(x)}{dx} = 0'), null);
  // Written with the function itself, it is the sigmoid's derivative.
  assert.equal(concept('\\frac{d \\sigma}{dz} = \\sigma(z)(1 - \\sigma(z))'), 'sigmoid');
});

test("the evidence beside the KL of q from the true posterior is the ELBO's decomposition, however the bound is written", () => {
  assert.equal(concept('\\log P(x) = L_b + KL(q(z|x)||P(z|x))'), 'elbo');
  assert.equal(concept('\\log p(x) - D_\\mathrm{KL}(q(z|x)||p(z|x)) = \\mathbb{E}_{z \\sim q(z|x)} \\log p(x|z) - D_\\mathrm{KL}(q(z|x)||p(z))'), 'elbo');
  // Named KL on the left, the decomposition on the right: still the ELBO's.
  assert.equal(concept('D_{\\mathrm{KL}}(q(z|x)||p(z|x)) = \\log p(x) + D_{\\mathrm{KL}}(q(z|x) \\| p(z)) - \\mathbb{E}_{z \\sim q(z|x)} \\log p(x|z)'), 'elbo');
  // The KL to the posterior defined, with no evidence beside it, is the divergence; so is the KL to the prior.
  assert.equal(concept('KL(q(z|x) || p(z|x)) = E_q[\\log q(z|x) - \\log p(z|x)]'), 'kl-divergence');
  assert.equal(concept('D_{KL}(q(z|x) \\| p(z)) = -\\frac{1}{2}\\sum_j (1 + \\log \\sigma_j^2 - \\mu_j^2 - \\sigma_j^2)'), 'kl-divergence');
});

test("exp of a log over a count is a perplexity; over a number, a Gaussian's normaliser is not", () => {
  assert.equal(concept('\\exp\\left(-\\frac{1}{N}\\sum_{i=1}^N \\log p(w_i)\\right)'), 'perplexity');
  assert.notEqual(concept('\\exp \\left( -\\frac{1}{2} \\log \\left( (2 \\pi)^{d} \\lvert \\Sigma \\rvert \\right) - \\frac{1}{2} (x - \\mu)^T \\Sigma^{-1} (x - \\mu) \\right)'), 'perplexity');
});

test('partial derivatives typed with δ on both sides of a slash, or with a bold ∂ from the mathematical alphabets', () => {
  const chain = { before: 'Take partial derivative of E_total for w5, with chain rule' };
  assert.equal(recognise('δE_total/δw5 = δE1/δa_o1 * δa_o1/δo1 * δo1/δw5', chain).concept, 'chain-rule');
  assert.match(normaliseTex('𝟃L/𝟃w'), /\\partial L/);
  // A δ alone is the error term, not a derivative.
  assert.equal(normaliseTex('δ = y - t'), 'δ = y - t');
});

test('a history written w_1^{k}, from the first word to the k-th, is the whole history: the chain rule over a sentence, no n-gram', () => {
  assert.equal(concept('p(w_1^T) = P(w_1) \\cdot p(w_2|w_1) \\cdot p(w_3|w_1^2) \\dots p(w_T|w_1^{T-1})'), 'language-model');
  // Each word given only the one before it stays the bigram model.
  assert.equal(concept('P(w_1^n) = P(w_1) P(w_2|w_1) P(w_3|w_2) P(w_4|w_3)'), 'ngram-markov');
});

test('a loss minimised subject to a bound on the size of the parameters is the constrained ridge or lasso', () => {
  assert.equal(concept('MSE(\\beta_0,\\beta_1,t) = \\frac{1}{n} \\sum_{i=1}^{n} (y^{(i)} - (\\beta_0 + \\beta_1 x_1^{(i)} + \\beta_2 x_2^{(i)}))^2 \\text{ subject to } (\\beta_1^2 + \\beta_2^2) < t'), 'regularization');
  assert.equal(concept('y_i = \\sum_{j=1}^J \\beta_j x_{i,j} + \\epsilon_i, \\quad \\text{s.t.} \\quad \\sum_{j=1}^J |\\beta_j| < \\delta'), 'regularization');
  // A constraint on something else (the dual's Σ α_i y_i = 0) is no budget on the parameters.
  assert.notEqual(concept('L = \\sum_i (y_i - \\hat y_i)^2 \\text{ subject to } \\sum_i \\alpha_i y_i = 0'), 'regularization');
});

test('the root of a mean of squared errors is the RMSE, not the mean squared error', () => {
  assert.equal(concept('\\sqrt{ \\frac{1}{n} \\sum_{i}^{n} (y_i - \\hat{y}_i)^2 }'), null);
  assert.equal(concept('MSE = \\frac{1}{n} \\sum_{i}^{n} (y_i - \\hat{y}_i)^2'), 'mse');
  // A norm written with its root stays a norm.
  assert.equal(concept('\\|x\\|_2 = \\sqrt{\\sum_i x_i^2}'), 'norms');
});

test('a composition of functions defined with a minus elsewhere compares nothing: no autoencoder', () => {
  assert.equal(concept('f(x)=h(g(x))=(x^3+3x^2+5x)^{-2}.'), null);
  // The input against its reconstruction stays the autoencoder's.
  assert.equal(concept('\\|x - g(f(x))\\|^2'), 'autoencoder');
  assert.equal(concept('L = x - g(f(x))'), 'autoencoder');
});

test('coefficients times inputs written with \\times are the same linear score; RReLU is the leaky family', () => {
  assert.equal(concept('logit(p) = \\beta_0 + \\beta_1 \\times x_1 + \\beta_2 \\times x_2 + \\ldots + \\beta_k \\times x_k'), 'logistic-regression');
  assert.equal(concept('RReLU(x) = \\begin{cases} x, & x \\ge 0 \\\\ ax & otherwise \\end{cases}'), 'leaky-relu');
  // The plain ReLU keeps its name.
  assert.equal(concept('ReLU(x) = \\max(0, x)'), 'relu');
});

test('parameters adapted by one gradient step from θ, under a letter of their own, are a gradient-descent step', () => {
  assert.equal(concept('\\phi_i = \\theta - \\alpha \\nabla_\\theta \\mathcal{L}_{T_i}(f_\\theta)'), 'gradient-descent');
  assert.equal(concept('\\psi = w - \\eta \\nabla_w J(w; D)'), 'gradient-descent');
  // A gradient taken with respect to something else is no step from θ.
  assert.equal(concept('\\phi = \\theta - \\alpha \\nabla_x J(x)'), null);
});

test('a row vector and its matrix set bold together, \\bm{xW}_1, are each bold: the affine layer is read', () => {
  assert.equal(normaliseTex('\\bm{xW}_{1}'), normaliseTex('\\bm{x}\\bm{W}_{1}'));
  assert.equal(concept('f_2 = \\bm{hW}_{2} + \\bm{b}_{2}'), 'affine-layer');
  // A name in bold stays whole.
  assert.equal(concept('\\mathbf{ReLU}(x) = \\max(0, x)'), 'relu');
});

test('a letter defined as what an attention call returns is attention, in italic letters too, and the learned model keeps it', () => {
  const ex = explainRules('z_t = att(s_{t-1}, [h_t; g_{t-1}])', { context: { before: 'For the whole passage,' }, display: true });
  assert.equal(ex.concept, 'attention');
  assert.equal(explainRules('r = \\text{Attn}(q, H)', { display: true }).concept, 'attention');
  // Attention defined by its call on the left is not this form.
  assert.ok(!recognise('Attention(x_i) = g(x_j W_V)', {}).candidates.some((c) => c.why === 'named: attention, the letter on the left its value'));
});

test('the weight may follow the state it weighs, c_t = Σ_i h_i α_i: the context vector of attention', () => {
  assert.equal(concept('c_t = \\sum_i h_i \\alpha_i'), 'attention');
  assert.equal(concept('z = \\Sigma_j s_j a_j', 'the context vector'), 'attention');
  // A weight vector defined by the examples stays no attention.
  assert.notEqual(concept('w = \\sum_i h_i a_i'), 'attention');
});

test('a partial derivative typed with a slash may bracket the function it differentiates', () => {
  assert.equal(normaliseTex('∂(σ(z))/∂z'), '\\frac{\\partial (σ(z))}{\\partial z}');
  assert.equal(concept('∂(out_2)/∂v_1 = ∂(σ(o_2))/∂o_2 * ∂o_2/∂v_1'), 'chain-rule');
});

test('the logistic loss of the observed pair plus a sum of it over sampled negatives is negative sampling, not one logistic loss', () => {
  assert.equal(concept('\\log(1+e^{-s(u,v)}) + \\sum_{k \\in N_{u}} \\log(1+e^{s(u,k)})'), 'sgns');
  assert.equal(concept('\\sum_{t}\\left[\\log(1+e^{-s(a_t,b)}) + \\sum_{k \\in \\mathcal{N}} \\log(1+e^{-s(a_t,k)})\\right]'), 'sgns');
  // One logistic loss alone stays the binary cross-entropy's.
  assert.equal(concept('\\log(1+e^{-y\\, f(x)})'), 'binary-cross-entropy');
});

test('the chain rule over a sentence followed by ≈ the product with each history cut to a window states the Markov assumption', () => {
  assert.equal(concept('p(x_1, \\ldots, x_m) = \\prod_{j=1}^{m} p(x_j \\mid x_1, \\ldots, x_{j-1}) \\approx \\prod_{j=1}^{m} p(x_j \\mid x_{j-k+1}, \\ldots, x_{j-1})'), 'ngram-markov');
  // Without the approximation, the chain rule over the sentence is the language model.
  assert.equal(concept('p(x_1, \\ldots, x_m) = \\prod_{j=1}^{m} p(x_j \\mid x_1, \\ldots, x_{j-1})'), 'language-model');
});

test('the parameter shrunk by 1 − (one weight) before its gradient step is weight decay, not an Adam moment', () => {
  assert.equal(concept('w_{k} = (1 - \\gamma) w_{k-1} - \\eta g_k'), 'regularization');
  // A moment averaged with β stays Adam's.
  assert.equal(concept('m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t'), 'adam');
  // The same factor on something that is no parameter, with no gradient step, is no weight decay.
  assert.notEqual(concept('s_{k} = (1 - \\gamma) s_{k-1} - \\eta u_k'), 'regularization');
});

test('one item given another, scored by the dot product of their own vectors over every item, is the skip-gram softmax', () => {
  assert.equal(concept('P(j|e_i) = \\frac{\\exp(e_i^T e_j)}{\\sum_{k \\in N} \\exp(e_i^T e_k)}'), 'skipgram-softmax');
  assert.equal(explainRules('P(b|h_a) = \\frac{\\exp(h_a^T h_b)}{\\sum_{m \\in V} \\exp(h_a^T h_m)}', { display: true }).concept, 'skipgram-softmax');
  // A class given the input, scored by the class's weights against the bare input, is softmax regression.
  assert.equal(concept('P(k|x) = \\frac{\\exp(w_k^T x)}{\\sum_j \\exp(w_j^T x)}'), 'softmax-regression');
});

test('a conditional entropy H(Y | X) is neither a cross-entropy nor a negative log-likelihood', () => {
  assert.equal(concept('H(Y \\mid X) = -\\mathbb{E}\\left[\\log P(Y \\mid X)\\right]', 'the negative log-likelihood'), null);
  // H of two distributions, even of a conditional one, stays the cross-entropy.
  assert.equal(concept('H(p, q(\\cdot|x)) = -\\log q(y|x)'), 'cross-entropy');
});

test('distances named by their norm, L_1(x, y), L_p(x, y), L_∞(x, y) = max(…), are norms of the difference', () => {
  assert.equal(concept('L_1(a, b) = \\sum_{k} |a_k - b_k|'), 'norms');
  assert.equal(concept('L_\\infty(a, b) = \\max(|a_1 - b_1|, |a_2 - b_2|)'), 'norms');
  // A loss of a prediction against its target keeps no distance reading.
  assert.notEqual(concept('L(y, \\hat{y}) = \\sum_i |y_i - \\hat{y}_i|'), 'norms');
});

test('a symmetric matrix diagonalised with its diagonal named S is the spectral theorem; an inverse in the middle is not', () => {
  assert.equal(concept('B = Q S Q^T'), 'spectral-theorem');
  assert.notEqual(concept('B^{+} = V S^{-1} V^T'), 'spectral-theorem');
});

test('a plain I holding an inequality is the indicator of a mistake; a plain I of a comparison alone is left alone', () => {
  assert.equal(concept('I(c_j \\ne \\hat c_j)'), 'zero-one-loss');
  assert.notEqual(concept('g = I(z > 0)'), 'zero-one-loss');
});

test('exp typed with a superscript is e to that power; an inner product typed with ASCII angle brackets is ⟨w, x⟩', () => {
  assert.equal(normaliseTex('\\frac{1}{1+\\exp^{-z}}'), '\\frac{1}{1+e^{-z}}');
  assert.equal(concept('g(z) = \\frac{1}{1+\\exp^{-z}}'), 'sigmoid');
  assert.equal(normaliseTex('y = <w, x> + b'), normaliseTex('y = \\langle w, x\\rangle + b'));
  // (A fraction's numerator: cosine similarity with the inner product typed so.)
  assert.equal(normaliseTex('\\frac{ <d_{j}, q> }{ \\|d_{j}\\| \\|q\\| }'), normaliseTex('\\frac{ \\langle d_{j}, q\\rangle }{ \\|d_{j}\\| \\|q\\| }'));
  assert.equal(concept('s(d_{j}, q) := \\frac{ <d_{j}, q> }{ \\|d_{j} \\| \\|q \\| }'), 'cosine-similarity');
  // (Comparisons inside a group, `{a <b, c> d}`, stay as written.)
  assert.equal(normaliseTex('{a <b, c> d}').includes('langle'), false);
  // A pair of comparisons stays as written.
  assert.equal(normaliseTex('a<b, c>d'), 'a<b, c>d');
});

test('a braced bracket takes its own scripts: {(y − ŷ)}^{2} is (y − ŷ)²', () => {
  assert.equal(concept('\\sum_{i=1}^{m}{(y^{(i)} - {\\hat{y}}^{(i)})}^{2}'), concept('\\sum_{i=1}^{m}(y^{(i)} - \\hat{y}^{(i)})^{2}'));
  assert.equal(concept('\\sum_{i=1}^{m}{(y^{(i)} - {\\hat{y}}^{(i)})}^{2}'), 'mse');
  // A braced bracket without a script is left as it is.
  assert.equal(show(parseTex('{(a+b)}c')), show(parseTex('{(a+b)}c')));
});

test('CCE, the categorical cross-entropy by its Keras name, names the cross-entropy', () => {
  assert.equal(concept('\\text{CCE}(\\hat{y}, y) = -\\sum_{c=1}^{C} y_c \\log \\hat{y}_c', 'we define the CCE loss'), 'cross-entropy');
  assert.equal(concept('L_{CCE} = -\\sum_c y_c \\log p_c'), 'cross-entropy');
});

test('an update with a long or double left arrow, in a line or a matrix of lines, is the update it writes', () => {
  // (The arrows are read by the notation repairs the explanation runs first.)
  const explained = (tex: string, before = '') => explainFormula(tex, { context: { before } }).concept;
  assert.equal(explained('w \\longleftarrow w - \\eta \\frac{\\partial E}{\\partial w}'), 'gradient-descent');
  assert.equal(explained('W \\Leftarrow W - \\alpha \\cdot \\frac{\\partial L_i}{\\partial W}'), 'gradient-descent');
  assert.equal(explained('\\begin{matrix} w & \\longleftarrow & w + \\eta (d-y) x \\\\ b & \\longleftarrow & b + \\eta (d-y) \\end{matrix}', 'the gradient descent is'), 'gradient-descent');
  // A double arrow between two different things stays an implication.
  assert.equal(normaliseTex('A \\Leftarrow B').includes('\\leftarrow '), false);
});

test('v = wᵀx + b, the induced local field of a neuron, is an affine map; v as a value or word vector is not', () => {
  assert.equal(concept('v = w^\\top x + b'), 'affine-layer');
  assert.equal(concept('v = w_1x_1 + w_2x_2 + \\cdots + w_nx_n + b'), 'affine-layer');
  assert.notEqual(concept('v = u + b'), 'affine-layer');
});

test('a moving average of the gradient with a plain β under words about momentum is not Adam', () => {
  const ema = 'v_{k+1} = \\beta v_k + (1-\\beta)\\nabla f(w)';
  assert.equal(concept(ema, 'step 2: the momentum update of the gradient'), null);
  assert.equal(concept(ema, '冲量的梯度更新'), null);
  assert.equal(concept(ema, 'Adam keeps a momentum of the gradient'), 'adam');
});

test('P(w_i | the last n − 1 words) computed by a softmax is the fixed-window language model; by counts it is not', () => {
  assert.equal(concept('P(w_i | w_{i-n+1}, \\ldots, w_{i-1}) = \\text{softmax}(W [e_{w_{i-n+1}}; \\ldots; e_{w_{i-1}}] + b)'), 'fixed-window-lm');
  assert.notEqual(concept('P(w_i | w_{i-n+1}, \\ldots, w_{i-1}) = \\frac{C(w_{i-n+1}, \\ldots, w_i)}{C(w_{i-n+1}, \\ldots, w_{i-1})}'), 'fixed-window-lm');
});

test('values weighted by one query\'s weights are attention; by every position\'s, or under words about self-attention, self-attention', () => {
  assert.equal(concept('\\mathbf{c} = \\sum_{i=1}^S a_i \\mathbf{v}_i', 'the context vector is the weighted sum of the values'), 'attention');
  assert.equal(concept('o_i = \\sum_j \\alpha_{ij} v_j'), 'self-attention');
  assert.equal(concept('\\mathbf{c} = \\sum_{i=1}^S a_i \\mathbf{v}_i', 'in self-attention the output is'), 'self-attention');
});

test('one λ over a bracket of norms, λ(Σ‖p_u‖² + Σ‖q_i‖²), after a loss is a regularised loss', () => {
  assert.equal(concept('G = \\sum_{u,i} (r_{ui} - p_u q_i)^2 + \\lambda (\\Vert p_u\\Vert^2 + \\Vert q_i\\Vert^2 )'), 'regularization');
  assert.equal(concept('G = \\sum_{u,i} (r_{ui} - p_u q_i)^2 + \\lambda (\\sum_u \\Vert p_u\\Vert^2 + \\sum_i \\Vert q_i\\Vert^2 )'), 'regularization');
  // A bracket with no norm in it is no penalty.
  assert.notEqual(concept('G = \\sum_{u,i} (r_{ui} - p_u q_i)^2 + \\lambda (a + b)'), 'regularization');
});

test('a line through the origin, ŷ = wx, ŷ = xw, y = ωx + b, is linear regression', () => {
  assert.equal(concept('\\hat{y} = xw'), 'linear-regression');
  assert.equal(concept('\\hat{y} = wx'), 'linear-regression');
  assert.equal(concept('y=\\omega x+b'), 'linear-regression');
  // A hidden unit with the same product is not a prediction.
  assert.notEqual(concept('z = wx'), 'linear-regression');
});

test('an equation number after wide spacing, \\qquad (3), is no part of the formula', () => {
  const explained = (tex: string) => explainFormula(tex, {}).concept;
  assert.equal(explained('W = Q\\Lambda Q^T \\qquad (3)'), explained('W = Q\\Lambda Q^T'));
  assert.equal(explained('W = Q\\Lambda Q^T \\qquad (3)'), 'spectral-theorem');
});

test('products of two inputs of different indices, x_i x_j, are pairwise interactions, not a linear model', () => {
  assert.equal(concept('y(x) = w_0 + \\sum_{i=1}^n w_i x_i + \\sum_{i=1}^n \\sum_{j=i+1}^n w_{ij} x_i x_j'), null);
  assert.equal(concept('\\hat{y} = w_0 + \\sum_{i=1}^n w_i x_i'), 'linear-regression');
});

test('−η ∇J written alone is the step of gradient descent; sig(·) is the sigmoid by a short name', () => {
  assert.equal(concept('-\\eta\\nabla J'), 'gradient-descent');
  assert.equal(concept('-\\eta\\frac{dJ}{d\\theta}'), 'gradient-descent');
  assert.notEqual(concept('-\\eta \\nabla J + b'), 'gradient-descent');
  assert.equal(concept('sig(x) = \\frac{1}{1+e^{-x}}'), 'sigmoid');
});

test('softmax(QKᵀ/√d_k)V written whole stays scaled dot-product attention under words about self-attention', () => {
  const sdpa = '\\text{Attention}=\\text{softmax}(\\frac{QK^T}{\\sqrt{d_k}})V';
  assert.equal(concept(sdpa, '1.1 Self-Attention: the scaling factor keeps the dot products from growing'), 'scaled-dot-product-attention');
  assert.equal(recognise(sdpa).firm, true);
});

test('a remark in words or shapes after wide spacing at the end, \\qquad (dim: (n, d)), is no part of the formula', () => {
  const explained = (tex: string) => explainFormula(tex, {}).concept;
  assert.equal(explained('Q = XW_q\\qquad(维度:(n,d_q))'), explained('Q = XW_q'));
  // A condition in parentheses with no colon is left in place.
  assert.equal(normaliseTex('f(x) = x \\quad (x > 0)').includes('x > 0'), true);
});

test('a velocity from its own previous value times a plain a, minus a rate times a gradient, is momentum, not gradient descent', () => {
  const explained = (tex: string) => explainFormula(tex, {}).concept;
  assert.equal(explained('v_{t+1} = av_t - \\eta\\frac{\\partial L}{\\partial \\theta_t}'), null);
  assert.equal(recognise('v_{t+1} = av_t - \\eta\\frac{\\partial L}{\\partial \\theta_t}').ruledOut?.includes('gradient-descent'), true);
  assert.equal(explained('\\theta_{t+1} = \\theta_t - \\eta\\frac{\\partial L}{\\partial \\theta_t}'), 'gradient-descent');
});

test("a prime braced as a superscript is the prime, and v′ = v′^{(old)} − η(…)h is the update from the old value", () => {
  assert.equal(normaliseTex("w^{'}_{ij}").includes("w'_{ij}"), true);
  assert.equal(concept("w^{'}_{ij} = {w^{'}_{ij}}^{(old)} -\\eta (y_j - t_j) h_i"), 'gradient-descent');
  assert.equal(concept("v'_j = {v'_j}^{(old)} - \\eta e_j h"), 'gradient-descent');
  // The old value added to, with no rate before the step, is no update by gradient descent.
  assert.notEqual(concept("v'_j = {v'_j}^{(old)} + e_j h"), 'gradient-descent');
});

test('K_1 = X W_{k,1}: the role shares the weight\'s subscript with the layer\'s index', () => {
  assert.equal(concept('Q_2 = X_1W_{q,2}'), 'self-attention');
  assert.equal(concept('K_1 = XW_{k,1}'), concept('K = XW_{k}'));
  // Another layer's weight is not the projection of this one.
  assert.equal(concept('Q_2 = X_1W_{q,3}'), null);
});

test('dZ = dA ∗ g′(Z): the gradient passed back through the activation is the chain rule', () => {
  assert.equal(concept("dZ^{[l]} = dA^{[l]} * g'^{[l]}(Z^{[l]})"), 'chain-rule');
  assert.equal(concept("dz = g'(z) * da"), 'chain-rule');
  // The derivative at another letter than the left side's is not this step.
  assert.equal(concept("dz = da * g'(x)"), null);
});

test('a loss of the parameters plus a penalty called by its norm, J(θ) + αL_1, and L(w) = λ(w_0² + w_1²), are regularisation', () => {
  assert.equal(concept('J(\\theta)+\\alpha L_1'), 'regularization');
  assert.equal(concept('C \\cdot J(\\theta) + L_2'), 'regularization');
  assert.equal(concept('L(w) = \\lambda(w_0^2 + w_1^2)'), 'regularization');
  // Two losses added, L_1 + L_2 of two tasks, are no penalty.
  assert.equal(concept('L = L_1 + L_2'), null);
  assert.notEqual(concept('J(\\theta) + L_3'), 'regularization');
});

test('|v|² = Σ_i v_i² between single bars is a squared length; X′ = WX + b is a layer named after its input', () => {
  assert.equal(concept('|v|^2 = \\sum_{i = 1}^nv_i^2'), 'norms');
  assert.equal(concept('|v|^2 = v_1^2 + v_2^2 + v_3^2 + \\dots + v_n^2'), 'norms');
  // Another letter's entries, or a lone square, are not this vector's length.
  assert.equal(concept('|v|^2 = \\sum_i u_i^2'), null);
  assert.equal(concept('|v|^2 = v_1^2'), null);
  assert.equal(concept("X' = WX + b"), 'affine-layer');
  // A matrix marked and updated from itself is an updated weight, not a layer.
  assert.notEqual(concept("W' = W + BA"), 'affine-layer');
});

test('the learned model\'s withdrawal names the concept it prefers when the structure reads that one nearly as well', () => {
  const tex = 'p = \\frac{1}{1 + e^{-(w^Tx + b)}} = \\frac{1}{1 + e^{-z}}';
  const rec = recognise(tex);
  assert.equal(rec.concept, 'sigmoid');
  const lr = rec.candidates.find((c) => c.id === 'logistic-regression');
  assert.ok(lr && !lr.why.startsWith('related') && rec.candidates[0].score - lr.score < 0.35);
  const ex = explainFormula(tex, { context: { before: 'solving for p, we get the sigmoid function:' } });
  assert.equal(ex.concept, 'logistic-regression');
  assert.equal(ex.why, lr.why);
  // Without the learned model the recogniser's own answer stands.
  assert.equal(explainFormula(tex, { learned: false }).concept, 'sigmoid');
});

test('a word range w_1^{t−1} in a count ratio, the sigmoid slope as g′(z) = a(1 − a), the logistic curve with a ceiling, H(p, q) split with D_KL', () => {
  assert.equal(concept('P(w_t|w_1^{t-1}) = \\frac{c(w_1^t)}{c(w_1^{t-1})}'), 'ngram-markov');
  // A ratio of counts with no history in it is no n-gram estimate.
  assert.notEqual(concept('\\frac{c(a, b)}{c(a) c(b)}'), 'ngram-markov');
  assert.equal(concept("g'(z) = a (1 - a)"), 'sigmoid');
  // A primed function of a sum, or a product with another letter, is not the sigmoid's slope.
  assert.notEqual(concept("g'(z) = a (1 - b)"), 'sigmoid');
  assert.notEqual(concept("g'(x + y) = a (1 - a)"), 'sigmoid');
  assert.equal(concept('\\phi(y) = \\frac{L}{1 + e^{-k(y - y_0)}}'), 'sigmoid');
  assert.notEqual(concept('\\frac{w}{1 + e^{-x}}'), 'sigmoid');
  assert.equal(concept('H(p, q) = H(p) + D_{KL}(p || q)'), 'cross-entropy');
});

test('one example\'s squared error named e or e_n, and a loss named by its initials, SE = (y − ŷ)², is the squared error', () => {
  assert.equal(concept('e_1 = (y_1 - w x_1)^2'), 'mse');
  assert.equal(concept('e = (y - \\hat{y})^2'), 'mse');
  assert.equal(concept('SE = (y - \\hat{y})^2'), 'mse');
  // e raised to a power is the exponential, and a lone square of a sum is no error.
  assert.equal(concept('e^{x} = (1 + x)^2'), null);
  assert.notEqual(concept('e = (a + b)^2'), 'mse');
});

test('a layer\'s weighted sum written out again with the activation of its inputs stays the layer', () => {
  assert.equal(concept('z_{k}^{l+1} = \\sum_{j} w_{kj}^{l+1} a_{j}^{l} + b_{k}^{l+1} = \\sum_{j} w_{kj}^{l+1} \\sigma(z_{j}^{l}) + b_{k}^{l+1}'), 'affine-layer');
  // An activation before the affine side is the activation's formula.
  assert.notEqual(concept('a = \\sigma(z) = w^T x + b'), 'affine-layer');
});

test('derivatives of activations written out: the ReLU\'s 1/0 slope split at zero, the sigmoid\'s e^{−z}/(1 + e^{−z})² and out(1 − out)', () => {
  assert.equal(concept('\\frac{df}{dx}= \\begin{cases} 0, \\quad x \\leqslant  0 \\\\ 1, \\quad x > 0 \\end{cases}'), 'relu');
  assert.equal(concept('\\frac{df}{dx}= \\begin{cases} \\alpha, \\quad x \\leq 0 \\\\ 1, \\quad x > 0 \\end{cases}'), 'leaky-relu');
  // Split elsewhere than at zero it is no ReLU's slope.
  assert.equal(concept("f'(x) = \\begin{cases} 1 & x > 5 \\\\ 0 & x \\le 5 \\end{cases}"), null);
  assert.equal(concept('\\frac{\\partial f}{\\partial z} = \\frac{e^{-z}}{(1+e^{-z})^2}'), 'sigmoid');
  assert.notEqual(concept('\\frac{e^{-x}}{(1+e^{-z})^2}'), 'sigmoid');
  assert.equal(concept('\\frac{\\partial out_{j}}{\\partial net_{j}}=out_j(1-out_j)'), 'sigmoid');
  assert.notEqual(concept('\\frac{\\partial out}{\\partial net}=out(1-net)'), 'sigmoid');
});

test('empirical risk minimisation over a hypothesis class, and the empirical risk under other letters', () => {
  assert.equal(concept('\\hat{h}=\\arg\\min_{h\\in H} \\hat{L}(h)'), 'empirical-risk');
  assert.equal(concept('\\hat{h} = \\arg \\min_{h \\in \\mathcal{H}} Q_{\\text{emp}}(h)'), 'empirical-risk');
  // Over the parameters, with no estimate of a loss, it is no hypothesis class.
  assert.notEqual(concept('\\hat{w} = \\arg\\min_{w} \\hat{L}(w)'), 'empirical-risk');
});

test('a softmax whose sum below is written out term by term', () => {
  assert.equal(concept('a_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2} + \\dots + e^{z_N}}'), 'softmax');
  // A constant's exponential below, exp(0), is the sigmoid written as a two-class softmax.
  assert.equal(concept('\\sigma(x) = \\frac{\\exp(x)}{\\exp(x) + \\exp(0)}'), 'sigmoid');
  // An exponential above that is not among the terms below is no softmax.
  assert.notEqual(concept('\\frac{e^{y}}{e^{z_1} + e^{z_2}}'), 'softmax');
});

test('a step written above the letter, z^n = W^{xh} x + W^{hh} h^{n−1}, is the recurrence; BCE stays itself when words also call it a likelihood', () => {
  assert.equal(recognise('z^n = W^{xh}\\cdot x + W^{hh}\\cdot h^{n-1}').candidates.find((c) => c.id === 'rnn')?.why.startsWith('related'), false);
  // A layer index, z^l = W^l a^{l−1} + b^l, reads no input of its own.
  assert.notEqual(concept('z^l = W^l a^{l-1} + b^l'), 'rnn');
  const bce = '\\mathcal{C}(\\beta) = -\\sum_{i=0}^{n-1} \\left[ y_i\\log p(y_i|x_i, \\beta) + (1-y_i)\\log(1-p(y_i|x_i,\\beta)) \\right]';
  assert.equal(explainFormula(bce, { context: { before: 'The cost function is called the cross entropy, which is the negative log-likelihood of a prediction, and is given by' } }).concept, 'binary-cross-entropy');
});

test('a word below the letter is a name, not a step: the feed-forward block over h_{self-attention} is a network; W₂ ReLU(W₁x) is two layers', () => {
  assert.equal(concept('h_{FF} = W_2 \\text{ReLU}(W_1 h_{\\text{self-attention}} + b_1) + b_2'), 'mlp');
  assert.equal(concept('y = W_2 \\cdot \\text{ReLU}(W_1 x)'), 'mlp');
  // A step below the letter is still the recurrence.
  assert.equal(concept('h_t = \\tanh(W h_{t-1} + U x_t + b)'), 'rnn');
});

test('a bias-free layer: a weight matrix numbered by its layer on its input, Z = XW_1, z = (W^{(1)})ᵀx', () => {
  assert.equal(concept('Z = XW_1'), 'affine-layer');
  assert.equal(concept('\\vec{z}^{(2)} = (W^{(2)})^T\\vec{a}^{(1)}'), 'affine-layer');
  assert.equal(concept('\\mathbf{z}= \\mathbf{W}^{(1)} \\mathbf{x}'), 'affine-layer');
  // Weights named for a role, Q = XW_Q, are attention's projections; a matrix with no number is any linear map.
  assert.notEqual(concept('Q = XW_Q'), 'affine-layer');
  assert.notEqual(concept('y = Wx'), 'affine-layer');
});

test('the chain rule over random variables written as capitals or indexed by i; words indexed by i stay a language model', () => {
  assert.equal(concept('P(X^{(1)}, ..., X^{(n)}) = P(X^{(1)})\\prod_{i = 2}^nP(X^{(i)} | X^{(1)}, ..., X^{(i - 1)})'), 'probability-chain-rule');
  assert.equal(concept('P(x^{(1)},...,x^{(n)}) = P(x^{(1)})\\prod_{i=2}^{n} P(x^{(i)}|x^{(1)},...,x^{(i-1)})'), 'probability-chain-rule');
  assert.equal(concept('P(w_1,\\dots,w_n) = \\prod_{i=1}^n P(w_i \\mid w_1, \\dots, w_{i-1})'), 'language-model');
});

test('gates in the Deep Learning book\'s notation: the step above, the gate\'s letter above its weights', () => {
  assert.equal(concept('u_i^{(t)} = \\sigma(b_i^u + \\sum_jU_{i, j}^ux_j^{(t)} + \\sum_jW_{i, j}^uh_j^{(t)})'), 'gru');
  assert.equal(concept('f_i^{(t)} = \\sigma(b_i^f + \\sum_jU_{i, j}^fx_j^{(t)} + \\sum_jW_{i, j}^fh_j^{(t-1)})'), 'lstm');
  assert.equal(concept('h_i^{(t)} = \\tanh(s_i^{(t)})q_i^{(t)}'), 'lstm');
  // Weights tagged with another letter than the gate's are no gate's own.
  assert.notEqual(concept('u_i^{(t)} = \\sigma(b_i + \\sum_jU_{i, j}^rx_j^{(t)})'), 'gru');
});

test('the divergence as cross-entropy less entropy; a letter run into diag; a tag number without braces', () => {
  assert.equal(concept('D(p||q)=H(p,q) - H(p)'), 'kl-divergence');
  assert.notEqual(concept('D(p||q)=H(p,q) + H(p)'), 'kl-divergence');
  assert.equal(concept('A=Vdiag(\\lambda) V^{-1}'), 'spectral-theorem');
  assert.equal(concept('y=\\frac{1}{1+ e^{-(w^Tx + b)}}\\tag 5'), concept('y=\\frac{1}{1+ e^{-(w^Tx + b)}}'));
});

test('\\log before a big operator takes its term: the log-likelihood of a joint over examples', () => {
  assert.equal(concept('L=\\log \\prod_{i=1}^m p(x^{(i)},y^{(i)};\\theta)'), 'maximum-likelihood');
});

test('powers of the input make a polynomial model, not the linear model its first terms write', () => {
  assert.notEqual(concept('f_{\\vec{w}, b} = w_1x + w_2x^2 + b'), 'linear-regression');
  assert.notEqual(concept('h_{\\theta}(x) = \\theta_{0} + \\theta_{1}x + \\theta_{2}x^{2}'), 'linear-regression');
  assert.notEqual(concept('y = w_1x + w_2\\sqrt{x} + b'), 'linear-regression');
  // An example's index above the input is no power.
  assert.equal(concept('\\hat{y}^{(i)} = w_0 + w_1 x^{(i)}'), concept('\\hat{y} = w_0 + w_1 x'));
});

test('the tanh\'s slope under a σ standing for any activation; the chain rule is the general concept of BPTT', () => {
  assert.equal(concept("\\sigma'(z) = 1-\\tanh(z)^2"), 'tanh');
  assert.equal(concept("\\sigma'(z) = \\sigma(z)(1-\\sigma(z))"), 'sigmoid');
  assert.equal(explainRules("f^{'}(z) = 1 - f(z)^2", { context: { before: 'Its derivative:' } }).concept, 'tanh');
});

test('a neuron as an activation of w · x; the linear model f(x; w) = x · w; a GRU gate of unit j reading the earlier state', () => {
  assert.equal(concept('o = \\phi(\\overrightarrow{w} \\cdot \\overrightarrow{x})'), 'affine-layer');
  assert.equal(concept('f(\\overrightarrow{x};\\overrightarrow{w}) = \\overrightarrow{x} \\cdot \\overrightarrow{w}'), 'linear-regression');
  assert.equal(concept('r_j = \\sigma([\\mathbf{W}_r \\mathbf{x}]_j + [\\mathbf{U}_r\\mathbf{h}_{<t-1>}]_j)'), 'gru');
  // Two vectors of one kind, u · v, are no weights on an input; a gate reading no earlier step is no recurrence's.
  assert.notEqual(concept('o = \\phi(u \\cdot v)'), 'affine-layer');
  assert.notEqual(concept('r_j = \\sigma([W_r x]_j)'), 'gru');
});

test('matching features [u; v; u − v; u ⊙ v] are no model; the input added back, y = W₁x + x, is no layer', () => {
  assert.equal(concept('\\bar{f} = [h; \\tilde{h}; h - \\tilde{h}; h \\odot \\tilde{h}]'), null);
  assert.notEqual(concept('y = W_1x+x'), 'affine-layer');
  // Two directions concatenated stay a bidirectional recurrence; a bias stays a layer's.
  assert.equal(concept('h_{it} = [\\overrightarrow{h}_{it}; \\overleftarrow{h}_{it}]'), 'bidirectional-rnn');
  assert.equal(concept('y = W_1x+b'), 'affine-layer');
});

test('two layers in one formula stay an MLP under words about one layer; the outer weight after a dot, renumbered', () => {
  assert.equal(explainFormula('y = W_2^T \\max(0, W_1^T x + b_1) + b_2', { context: { before: 'and finally the output layer' } }).concept, 'mlp');
  assert.equal(concept('F(x) = \\Psi(\\phi(x \\cdot \\theta_1 + b_1) \\cdot \\theta_2 + b_2)'), 'mlp');
  assert.equal(concept('f(x) = \\sum_{i=1}^N v_i \\sigma(w_i^T x + b_i)'), 'mlp');
  assert.equal(concept('F(x) = \\sum_{i=1}^{m} \\alpha_i \\cdot \\varphi(\\sum_{j=1}^{n} w_{ij} \\cdot x_j + b_i)'), 'mlp');
  // One layer stays a layer; a dot to another letter is no second layer of the same weights.
  assert.equal(concept('y = \\phi(x \\cdot \\theta_1 + b_1)'), 'affine-layer');
  assert.notEqual(concept('y = f(x \\cdot a_1 + b) \\cdot c + d'), 'mlp');
});

test('an activation applied with square brackets to a transposed weight: a layer, and nested, a network', () => {
  assert.equal(concept('y = g^{(2)}[W^{(2)T} g^{(1)}[W^{(1)T} x]]'), 'mlp');
  assert.equal(recognise('y(x) = \\sigma[W^T x]').candidates[0]?.id, 'affine-layer');
  // σ(θᵀx) of the hypothesis's own parameters stays logistic regression; an index in brackets stays an index.
  assert.equal(concept('h_\\theta(x) = \\sigma(\\theta^T x)'), 'logistic-regression');
  assert.equal(recognise('a[l] = g[l] * z[l]').concept, null);
});

test('the hinge loss in a kernel space, its positive part written [·]_+', () => {
  assert.equal(explainFormula('h_t(g) = [ 1-y_t g(x_t) ]_+', { context: { before: 'We can run SVM in a Kernel space' } }).concept, 'hinge-loss');
});

test("Adam's moments written as functions of the parameters, m^t(θ); momentum's velocity v^t(θ) and a preconditioned step are no gradient descent", () => {
  assert.equal(concept('\\begin{align*} m^{t}(\\theta) & = \\beta_1 m^{t-1}(\\theta) + (1-\\beta_1) G(\\theta) \\\\ v^{t}(\\theta) & = \\beta_2 v^{t-1}(\\theta) + (1-\\beta_2) G(\\theta)^2 \\\\ \\theta^{t+1} & = \\theta^{t} - \\eta \\frac{m(\\theta)}{\\epsilon + \\sqrt{v(\\theta)}} \\end{align*}'), 'adam');
  assert.equal(explainFormula('\\theta^{t+1} = \\theta^{t} - \\eta v^{t}(\\theta)', { context: { before: 'we obtain the vanilla SGD. The updates are done as' } }).concept, null);
  assert.equal(explainFormula('\\theta^{t+1} \\leftarrow \\theta^{t} - \\eta_t P_t^{-1} G(\\theta^t)', { context: { before: 'SGD with adaptive learning rates. Preconditioning:' } }).concept, null);
  assert.equal(concept('\\theta \\leftarrow \\theta - H^{-1} \\nabla J(\\theta)'), null);
  assert.equal(concept('\\theta \\leftarrow \\theta - \\eta \\nabla J(\\theta)'), 'gradient-descent');
});

test('a derivation continuing its first line is named by it; argmin over θ of −log P(D | θ) in a bracket is maximum likelihood', () => {
  assert.equal(concept('\\begin{aligned} \\text{ELBO}(q) &\\equiv \\int q(\\theta) \\log P(D|\\theta) d\\theta - \\text{KL}(q \\| P) \\\\ &= \\int q(\\theta) \\log P(D|\\theta) d\\theta - \\int q(\\theta) \\log \\frac{q(\\theta)}{P(\\theta)} d\\theta \\end{aligned}'), 'elbo');
  assert.equal(recognise('\\hat\\theta = \\underset{\\theta}{\\mathrm{argmin}}\\, [-\\log P(D \\mid \\theta)]').concept, 'maximum-likelihood');
  // Over an output it is a prediction.
  assert.notEqual(recognise('\\hat y = \\underset{y}{\\mathrm{argmin}}\\, [-\\log P(y \\mid x)]').concept, 'maximum-likelihood');
});

test('a bracket to the power one half is a root; |z|_2 is the 2-norm', () => {
  assert.equal(concept('(\\sum_i (x_i - y_i)^2)^{1/2}'), 'norms');
  assert.equal(concept('(|z|_2)^2 = \\sum_{j=1}^{n} z_j^2'), 'norms');
  assert.equal(concept('\\|x\\|_2 = \\left(\\sum_i x_i^2\\right)^{\\frac{1}{2}}'), 'norms');
  assert.notEqual(concept('\\frac{1}{n}\\sum_i (x_i - y_i)^2'), 'norms');
});

test('the chain rule of several inner functions, each derivative taken at its point; h^{(t)} = f(h^{(t−1)}, x^{(t)}; θ) = g^{(t)}(…)', () => {
  assert.equal(concept('\\frac{d(f(g_1(x), \\ldots, g_m(x)))}{dx} = \\sum_{i=1}^{m} \\frac{\\partial f}{\\partial y_i}(g_1(x), \\ldots, g_m(x)) \\cdot \\frac{dg_i}{dx}(x)'), 'chain-rule');
  assert.equal(concept('h^{(t)} = f(h^{(t-1)}, x^{(t)}; \\theta) = g^{(t)}(x^{(t)}, x^{(t-1)}, \\ldots, x^{(1)})'), 'rnn');
});

test("a support vector machine's Lagrangian and dual are no attention and no penalty", () => {
  assert.notEqual(recognise('w = \\sum_{i=1}^m \\alpha_i y_i x_i').concept, 'attention');
  assert.notEqual(recognise('W(\\alpha) = \\sum_{i=1}^m \\alpha_i - \\frac{1}{2} \\sum_{i=1}^m \\sum_{j=1}^m \\alpha_i \\alpha_j y_i y_j x_i^T x_j').concept, 'attention');
  assert.notEqual(recognise('L(w, b, \\alpha) = \\frac{1}{2}\\|w\\|^2 - \\sum_{i=1}^m \\alpha_i (y_i (w^T x_i + b) - 1)').concept, 'regularization');
  // Attention weights on states stay attention; a loss with its penalty stays regularisation.
  assert.equal(concept('c = \\sum_i \\alpha_i h_i'), 'attention');
  assert.equal(concept('L(w) = \\frac{1}{n}\\sum_i (y_i - w^T x_i)^2 + \\lambda \\|w\\|^2'), 'regularization');
});

test('the halves of binary cross-entropy written ln(1/ŷ) and ln(1/(1 − ŷ))', () => {
  assert.equal(recognise('\\ell(y,\\hat{y}) = \\begin{cases} \\ln \\frac{1}{\\hat{y}}, & \\mbox{if } y = 1 \\\\ \\ln \\frac{1}{1-\\hat{y}}, & \\mbox{if } y = 0 \\end{cases}').concept, 'binary-cross-entropy');
});

test("a difference's absolute value squared is its squared norm: ½|X_out − Y_tgt|² is the squared error", () => {
  assert.equal(concept('L_2 = \\frac{1}{2}\\, \\left| X_\\text{out} - Y_\\text{tgt}\\right|^2'), 'mse');
  // One quantity's bars squared are no error.
  assert.notEqual(concept('\\left| a \\right|^2'), 'mse');
});

test('minus the log of the output at the true class, −log f(x)_y, is the negative log-likelihood', () => {
  assert.equal(concept('\\ell(f(x),y) = -\\log (f(x))_y'), 'negative-log-likelihood');
  assert.equal(concept('\\mathcal{L} = \\mathcal{L}(x, y; W, b) = -\\log(p_c)'), 'negative-log-likelihood');
  // At an index that is no class, or with the target's weight in front, it is not.
  assert.notEqual(concept('L = -\\log x_i'), 'negative-log-likelihood');
  assert.equal(concept('L = -y_i \\log \\hat y_i'), 'cross-entropy');
});

test('roles: y_t − y_p is the true value and the prediction; a plain t against y, ‖t − y‖², is the target', () => {
  const meaning = (tex: string, sym: string) => explainFormula(tex).symbols.find((s) => s.symbol === sym)?.meaning ?? '';
  assert.match(meaning('MSE = (y_t - y_p)^2', 'y_p'), /prediction/);
  assert.match(meaning('MSE = (y_t - y_p)^2', 'y_t'), /target/);
  assert.match(meaning('E = \\frac{1}{2}(t - y)^2', 't'), /target/);
  assert.match(meaning('E = \\frac{1}{2}(t - y)^2', 'y'), /prediction/);
});

test('a penalty written out with an ellipsis, λ(w_1² + ⋯ + w_n²); masked tokens named under a letter, Y_{mask}; attention heads counted in Chinese', () => {
  assert.equal(concept('J = \\frac{1}{m}\\sum_i (y_i - \\hat y_i)^2 + \\lambda (w_1^2 + \\dots + w_n^2)'), 'regularization');
  assert.equal(concept('L_{token}=-\\sum_{i=1}^{|Y_{mask}|}\\log P(y_i|X,Y_{obs})'), 'masked-lm');
  assert.equal(concept('L=-\\sum_{i=1}^{m}\\log P(y_i|x_i)'), 'negative-log-likelihood');
  assert.equal(concept('o_t^{(s)} = Attention(q_t^{(s)}, k_{\\leq t}^{(s)}, v_{\\leq t}^{(s)})', '一共有h个注意力头，则每个注意力头的输出'), 'multi-head-attention');
  assert.notEqual(concept('o_t = Attention(q_t, k_{\\leq t}, v_{\\leq t})', '注意力的输出'), 'multi-head-attention');
});

test("an intercept and slopes in the parameters' letters under any name of the model: M = θ₀ + θ₁x, ŷ = θ̂₁ + xθ̂₂", () => {
  assert.equal(concept('M = \\theta_0 + \\theta_1 x'), 'linear-regression');
  assert.equal(concept('\\hat{y} = \\hat{\\theta}_1 + x_{12}\\hat{\\theta}_2'), 'linear-regression');
  assert.equal(concept('M(\\theta; x) = \\theta_0 + \\theta_1 x.'), 'linear-regression');
  // A neuron's pre-activation keeps its reading; a slope on no input is no line.
  assert.notEqual(concept('z = \\theta_0 + \\theta_1 x'), 'linear-regression');
  assert.notEqual(concept('M = \\theta_0 + \\theta_1'), 'linear-regression');
});

test('activations before numbered weight matrices, composed without brackets, are an MLP', () => {
  assert.equal(concept('\\hat{y} = \\sigma W^{(2)} \\cdot \\sigma W^{(1)} \\cdot x'), 'mlp');
  assert.equal(concept('\\hat{y} = \\sigma W^{(3)} \\cdot \\sigma W^{(2)} \\cdot \\sigma W^{(1)} \\cdot X'), 'mlp');
  assert.notEqual(concept('\\hat{y} = \\sigma W^{(1)} \\cdot x'), 'mlp');
});

test('the lasso as a constrained problem: a penalty kept under a budget, s.t. Σ|β_k| ≤ t', () => {
  assert.equal(concept('\\begin{aligned} Min_{\\beta} & \\sum_{i=1}^N (y_i - X_i\\beta)^2 \\\\ \\mbox{s.t. } & \\sum_{k=1}^K |\\beta_k| \\leq t \\end{aligned}'), 'regularization');
  assert.equal(concept('\\min_w \\sum_i (y_i - w^T x_i)^2 \\text{ subject to } \\|w\\|^2 \\le t'), 'regularization');
  // A constraint on something other than the parameters' size is no penalty.
  assert.notEqual(concept('\\max_x f(x) \\text{ s.t. } g(x) \\le 0'), 'regularization');
});

test('attention over the neighbours, σ(Σ_j α_ij W x_j), stays attention under words about a layer', () => {
  assert.equal(recognise('x^\\prime_i = \\sigma(\\sum_{j \\in N_i} \\alpha_{ij} W x_j)', { before: 'the output of the layer is' }).concept, 'attention');
  assert.equal(concept('y = \\sigma(W x + b)', 'the output of the layer is'), 'affine-layer');
});

test('a root inside a root: each bracket to the power one half is rewritten where it stands', () => {
  assert.equal(normaliseTex('((a)^{1/2} + b)^{1/2}'), normaliseTex('\\sqrt{\\sqrt{a} + b}'));
  assert.equal(normaliseTex('(a)^{0.5} + (b)^{1/2}'), normaliseTex('\\sqrt{a} + \\sqrt{b}'));
});

test("the sigmoid's slope through the function applied, f(z)(1 − f(z)), in either order, or σ(x)(1 − σ(x)) alone", () => {
  assert.equal(concept("f'(z) = f(z) \\cdot (1 - f(z))"), 'sigmoid');
  assert.equal(concept("g'(z) = (1 - g(z)) g(z)"), 'sigmoid');
  assert.equal(concept('(1-\\sigma(x)) * \\sigma(x)'), 'sigmoid');
  assert.equal(concept('\\sigma(z)(1-\\sigma(z))'), 'sigmoid');
  // Another function's output, or a product that is not one minus the same factor, is no sigmoid slope.
  assert.notEqual(concept('\\sigma(z)(1-\\sigma(x))'), 'sigmoid');
  assert.notEqual(concept('g(z)(1 - h(z))'), 'sigmoid');
});

test('the logistic function typed as 1/1 + e^-z (its brackets lost) is read as 1/(1 + e^{−z})', () => {
  assert.equal(normaliseTex('g(z) = 1/1 + e^-z'), normaliseTex('g(z) = 1/(1 + e^{-z})'));
  assert.equal(concept('0(z) = 1/1 + e^-z'), 'sigmoid');
  assert.equal(concept('y^i = Θ(zi) = 1/1 + e^-zi'), 'sigmoid');
  // One plus something else stays as written.
  assert.equal(normaliseTex('a = 1/1 + b'), normaliseTex('a = 1/1 + b'));
  assert.notEqual(normaliseTex('x = 21/1 + e^z'), normaliseTex('x = 21/(1 + e^{z})'));
});

test('▼ and ▽ typed for the gradient are ∇; Σ glued to the function it sums, Σloss(…), is the sum', () => {
  assert.equal(concept('w <- w - \\eta ▼wEin'), 'gradient-descent');
  assert.match(normaliseTex('w - \\eta ▽ L'), /\\nabla\s+L/);
  assert.equal(concept('Ein(hΘ) = 1/m Σloss(yi,hΘ(xi))', 'Funcion de perdida'), 'empirical-risk');
  // A covariance Σ run into a vector, or raised to a power, is no sum.
  assert.ok(!normaliseTex('x^TΣx').includes('\\sum'));
  assert.ok(!normaliseTex('Σ^{-1}(x)').includes('\\sum'));
});

test('−log ŷ under a sentence that sets the label (if y = 1) is that case of the binary cross-entropy', () => {
  assert.equal(concept('Coste = -\\log(h_\\theta(x))', 'Se define en dos partes: Si la respuesta real es 1 ($y=1$):'), 'binary-cross-entropy');
  assert.equal(concept('loss(yi,y^i) = -log(1-y^i)', 'si yi = 0'), 'binary-cross-entropy');
  assert.equal(concept('-\\log(\\hat y)', 'If y = 1 the loss is'), 'binary-cross-entropy');
  // Without the label's case, or with a value that is no class, it is not claimed as the loss.
  assert.notEqual(concept('-\\log(\\hat y)', 'The loss is'), 'binary-cross-entropy');
  assert.notEqual(concept('-\\log p(x)', 'with y = 1.5 we get'), 'binary-cross-entropy');
  assert.notEqual(concept('-\\log(a + b)', 'If y = 1 the loss is'), 'binary-cross-entropy');
});

test("multi-head attention's output as its h heads side by side, o_t = [o_t^{(1)}, …, o_t^{(h)}]", () => {
  assert.equal(concept('o_t = [o_t^{(1)} , o_t^{(2)},..., o_t^{(h)}]'), 'multi-head-attention');
  // A vector listed by its n components, or heads of another letter, is not.
  assert.notEqual(concept('x = [x^{(1)}, x^{(2)}, \\dots, x^{(n)}]'), 'multi-head-attention');
  assert.notEqual(concept('o = [a^{(1)}, \\dots, a^{(h)}]'), 'multi-head-attention');
});

test("a language model's next word given every word before it, listed; a sentence's probability as its words' joint", () => {
  assert.equal(recognise('P(w_5|w_1,w_2,w_3,w_4)').concept, 'language-model');
  assert.equal(recognise('P(w_t | w_1, \\ldots, w_{t-1})').concept, 'language-model');
  assert.equal(recognise('P(W) = P(w_1,w_2,w_3,w_4,...,w_n)').concept, 'language-model');
  // Some of the words before it skipped, events rather than words, or a joint without the sentence's name: not this.
  assert.notEqual(recognise('P(w_5|w_2,w_3,w_4)').concept, 'language-model');
  assert.notEqual(recognise('P(A) = P(a_1, a_2, a_3)').concept, 'language-model');
  assert.notEqual(recognise('P(x) = P(w_1, w_2, w_3)').concept, 'language-model');
});

test('a line break with extra space, \\\\[0.5em], is the break: the cases of a threshold unit are read', () => {
  assert.equal(normaliseTex('a \\\\[0.5em] b'), normaliseTex('a \\\\ b'));
  assert.equal(concept('\\hat{y}_i = \\begin{cases} 1, & \\mathbf{w}^T\\mathbf{x}_i > 0\\\\[0.5em] 0, & \\text{otherwise} \\end{cases}'), 'step-function');
  // A bracket after a break that is no length stays.
  assert.ok(normaliseTex('a \\\\ [x, y]').includes('[x, y]'));
});

test('the chain rule over a sentence written with capital W, and each word given only the one before it, the bigram model', () => {
  assert.equal(concept('P(S) = P(W_1,W_2,...,W_n) = P(W_1)P(W_2|W_1)...P(W_n|W_1W_2,...,W_{n-1})'), 'language-model');
  assert.equal(concept('P(S) = P(W_1,W_2,...,W_n) = P(W_1)P(W_2|W_1)...P(W_n|W_{n-1})'), 'ngram-markov');
  assert.equal(concept('P(w_1, w_2, w_3) = P(w_1) P(w_2|w_1) P(w_3|w_2)'), 'ngram-markov');
  // A factor given a word other than the one before it is no bigram.
  assert.notEqual(concept('P(w_1, w_2, w_3) = P(w_1) P(w_2|w_1) P(w_3|w_1)'), 'ngram-markov');
});

test('a step index typed without its underscore, Wn beside W_{n-1}, is the index', () => {
  assert.equal(normaliseTex('P(Wn|W_{n-1})'), normaliseTex('P(W_{n}|W_{n-1})'));
  assert.equal(normaliseTex('h_t = \\tanh(W h_{t-1}) + ht'), normaliseTex('h_t = \\tanh(W h_{t-1}) + h_{t}'));
  // Without the letter written with the neighbouring index, two letters stay two letters.
  assert.equal(normaliseTex('xt + h_{t-1}'), 'xt + h_{t-1}');
});

test("skip-gram's objective over each word's context, Π_w Π_{c ∈ C(w)} p(c | w; θ), and with the full softmax", () => {
  assert.equal(concept('\\prod_{w \\in Text} \\prod_{c \\in C(w)} p(c|w; \\theta)'), 'skipgram');
  assert.equal(concept('argmax \\sum_{w \\in Text} \\sum_{c \\in c(w)} logP(c|w;\\theta)'), 'skipgram');
  assert.equal(concept("\\sum_{(w,c) \\in D} \\log \\frac{e^{u_c \\cdot v_w}}{\\sum_{c'} e^{u_{c'} \\cdot v_w}}"), 'skipgram-softmax');
  assert.equal(concept("argmax \\sum_{w \\in Text} \\sum_{c \\in c(w)} u_c \\cdot v_w - log \\sum_{c' \\in V} e^{u_{c'} \\cdot v_w}"), 'skipgram-softmax');
  // A product over the data of another conditional is the likelihood, not skip-gram's.
  assert.notEqual(concept('\\arg\\max_\\theta \\prod_{i} p(y_i|x_i; \\theta)'), 'skipgram');
});

test('one hidden layer with an output intercept, β_0 + Σ_k β_k g(w_{k0} + Σ_j w_{kj} x_j), is an MLP', () => {
  assert.equal(concept('f(x_i) = \\beta_0 + \\sum_{k=1}^K \\beta_k g\\left( w_{k0} + \\sum_{j=1}^p w_{kj} x_{ij}\\right)'), 'mlp');
  // One unit with an intercept is not.
  assert.notEqual(concept('f(x) = \\beta_0 + \\sum_{j=1}^p \\beta_j x_j'), 'mlp');
});

test('P(y = 0 | x; θ) = 1 − h_θ(x) is logistic regression; a loss defined as −ℓ(θ) is the negative log-likelihood', () => {
  assert.equal(concept('P\\left( y=0|x;\\theta \\right) \\,\\,=\\,\\,1 -\\,\\,h_{\\theta}\\left( x \\right)'), 'logistic-regression');
  assert.notEqual(concept('P(y=0|x;\\theta) = h_\\theta(x)'), 'logistic-regression');
  assert.equal(concept('J(\\theta) = -\\ell(\\theta)'), 'negative-log-likelihood');
  assert.equal(concept('loss\\left( y_i,\\hat{y}_i \\right) = -l\\left( \\theta \\right)'), 'negative-log-likelihood');
  assert.equal(concept('J(\\theta) = -\\log L(\\theta)'), 'negative-log-likelihood');
  // Minus a function of the data, not of the parameters, is not.
  assert.notEqual(concept('J(\\theta) = -\\ell(x)'), 'negative-log-likelihood');
});

test("a label drawn from a Bernoulli of a sigmoid (or a categorical of a softmax) is logistic (softmax) regression; a mask's Bernoulli stays dropout", () => {
  assert.equal(concept('\\begin{split} y &\\sim Bernoulli(p) \\\\ p &= \\frac{1}{1 + e^{-u}} \\\\ \\mu &= X\\beta \\end{split}'), 'logistic-regression');
  assert.equal(concept('\\begin{split} y &\\sim Categorical(p_{i, k}) \\\\ p_{i,k} &= \\frac{e^{z_{i, k}}}{\\sum_{k=1}^{K} e^{z_{i, k}}} \\end{split}'), 'softmax-regression');
  assert.equal(recognise('r_j \\sim Bernoulli(p)').concept, 'dropout');
  assert.notEqual(concept('y \\sim Bernoulli(p)'), 'logistic-regression');
});

test('the cosine of two points with the dot product written out, (a_1b_1 + a_2b_2)/(√(a_1² + a_2²) √(b_1² + b_2²))', () => {
  assert.equal(concept('D=\\frac{a_1b_1+a_2b_2}{\\sqrt{a_1^2+a_2^2}×\\sqrt{b_1^2+b_2^2}}'), 'cosine-similarity');
  // Products of unrelated letters over roots are not.
  assert.notEqual(concept('D=\\frac{a_1b_2+a_2b_1}{\\sqrt{a_1^2+a_2^2}×\\sqrt{b_1^2+b_2^2}}'), 'cosine-similarity');
});

test('in a gate over [h_{t−1}, e_t], the letter at this step beside the previous state is the input, whatever its letter', () => {
  const gate = (input: string) => meaning(`f_t = \\sigma(W_f[h_{t-1}, ${input}] + b_f)`, input.replace(/_t$/, '_t'), { context: { before: 'the forget gate of the LSTM' } });
  assert.equal(gate('E_t'), 'the input at this step');
  assert.equal(gate('v_t'), 'the input at this step');
  assert.equal(gate('x_t'), 'the input at this step');
  // A second state at the step before is no input.
  assert.notEqual(meaning('f_t = \\sigma(W_f[h_{t-1}, v_{t-1}] + b_f)', 'v_{t−1}', { context: { before: 'the forget gate of the LSTM' } }), 'the input at this step');
});

test('a formula escaped as pandoc writes markdown, \\\\frac with E\\_{t} and \\^{t}, is read as the TeX it escapes', () => {
  assert.equal(normaliseTex('\\\\frac{\\\\partial E\\_{t}}{\\\\partial W} = \\\\sum\\_{k=0}\\^{t} a'), normaliseTex('\\frac{\\partial E_{t}}{\\partial W} = \\sum_{k=0}^{t} a'));
  assert.equal(concept('\\\\frac{\\\\partial s\\_{3}}{\\\\partial s\\_{1}} = \\\\frac{\\\\partial s\\_{3}}{\\\\partial s\\_{2}}\\\\frac{\\\\partial s\\_{2}}{\\\\partial s\\_{1}}'), concept('\\frac{\\partial s_{3}}{\\partial s_{1}} = \\frac{\\partial s_{3}}{\\partial s_{2}}\\frac{\\partial s_{2}}{\\partial s_{1}}'));
  // In TeX written once, \\^{y} is still the hat accent.
  assert.equal(normaliseTex('\\^{y} = \\sigma(x)'), normaliseTex('\\hat{y} = \\sigma(x)'));
});

test("a GRU's state mixed by its one gate stays the GRU under words that compare it with the LSTM", () => {
  assert.equal(concept('h^{(t)} = (1 - u^{(t)}) \\cdot h^{(t-1)} + u^{(t)} \\cdot \\tilde h^{(t)}', 'plays the role of both the forget and input gate in the LSTM'), 'gru');
  assert.equal(concept('h^{(t)} = (1 - u^{(t)}) \\cdot h^{(t-1)} + u^{(t)} \\cdot \\tilde h^{(t)}', 'Update gate: controls what parts of hidden state are update vs preserved (i.e plays the role of both the forget and input gate in the LSTM)'), 'gru');
});

test('h(x) = P(y = 1 | x; θ) is logistic regression; so is f_{w,b}(x) = sigmoid(wx + b), a model named by its weight vector', () => {
  assert.equal(concept('h(x) = P (y=1|x; θ)'), 'logistic-regression');
  assert.notEqual(concept('h(x) = P(y=1|x)'), 'logistic-regression');
  assert.equal(concept('f_{w,b}(x^{(i)}) = sigmoid(wx^{(i)} + b )'), 'logistic-regression');
  // A weight matrix makes it a layer.
  assert.equal(concept('f_{W}(x) = \\sigma(W x + b)'), 'affine-layer');
});

test("the next word given every one before it, counted back with steps above the letter: P(x^{(t+1)} | x^{(t)}, …, x^{(1)})", () => {
  assert.equal(concept('P(x^{(t+1)}|x^{(t)},....,x^{(1)})'), 'language-model');
  assert.equal(concept('P(x_t \\mid x_{t-1}, \\ldots, x_1)'), 'language-model');
  assert.equal(normaliseTex('a_1, ...., a_n'), normaliseTex('a_1, ..., a_n'));
  // A history that stops short of the first word is no whole prefix.
  assert.notEqual(recognise('P(x^{(t+1)}|x^{(t)},\\ldots,x^{(2)})').candidates[0]?.why, recognise('P(x^{(t+1)}|x^{(t)},\\ldots,x^{(1)})').candidates[0]?.why);
});

test('the score of two states through W_2 tanh(W_1 [h_i, h_j]) is additive attention; W_2 tanh(W_1 x + b) of one input is a network', () => {
  assert.equal(concept('score(h_i, h_j) =\\mathbf{W}_2 \\tanh(\\mathbf{W}_1 [h_i, h_j])'), 'mlp-attention');
  assert.equal(concept('f(x) = W_2 \\tanh(W_1 x + b)'), 'mlp');
});

test('the p-norm written out under any name, g(x) = (Σ_i |x_i|^p)^{1/p}', () => {
  assert.equal(concept('g(x)=\\left(\\sum_{i=1}^n|x_i|^p\\right)^{1/p}'), 'norms');
  // Powers without the absolute value, or a root of another order, are not.
  assert.notEqual(concept('g(x)=\\left(\\sum_{i=1}^n x_i^p\\right)^{1/p}'), 'norms');
  assert.notEqual(concept('g(x)=\\left(\\sum_{i=1}^n |x_i|^p\\right)^{1/q}'), 'norms');
});

test('CEL and BCEL on the left name their losses; each head summed, Σ_i softmax(Q^i K^{iᵀ}/√d) V^i W^{o,i}, and heads concatenated up to h are multi-head attention', () => {
  assert.equal(concept('CEL(Y, \\hat{Y}) = \\frac{1}{N} \\sum_{i=1}^N H(y_i, \\hat{y}_i)'), 'cross-entropy');
  assert.equal(concept('\\mathbf{Y} = \\sum_i \\left[ \\operatorname{softmax}(\\frac{\\mathbf{Q}^i\\mathbf{K}^{i\\top}}{\\sqrt{d_k}})\\mathbf{V}^i\\mathbf{W}^{o,i} \\right]'), 'multi-head-attention');
  assert.equal(recognise('\\mathbf{Z} = \\mathrm{Concat}(\\mathbf{Z}_1, \\mathbf{Z}_2, \\ldots, \\mathbf{Z}_h)').concept, 'multi-head-attention');
  // One head's attention, or a concatenation of n items, is not.
  assert.notEqual(concept('\\mathbf{Y} = \\operatorname{softmax}(\\frac{\\mathbf{Q}\\mathbf{K}^{\\top}}{\\sqrt{d_k}})\\mathbf{V}'), 'multi-head-attention');
  assert.notEqual(concept('v = \\mathrm{Concat}(x_1, x_2, \\ldots, x_n)'), 'multi-head-attention');
});

test("a function's bracket caught in its name's text box, \\text{softmax(}e), is the call; the bound maximised by name is the ELBO", () => {
  assert.equal(normaliseTex('\\alpha = \\text{softmax(}e)'), normaliseTex('\\alpha = \\operatorname{softmax}(e)'));
  assert.equal(concept('\\phi^*, \\theta^* = \\arg\\max_{\\phi, \\theta} \\sum_{i=1}^{n} \\text{ELBO}(\\phi, \\theta; x_i)'), 'elbo');
  // A likelihood maximised is not the bound.
  assert.notEqual(concept('\\theta^* = \\arg\\max_{\\theta} \\sum_{i=1}^{n} \\log p(x_i; \\theta)'), 'elbo');
});

test('Bayes\' rule normalised by a constant, P(A | B) = η P(B | A) P(A); a probability written Pr{A | B} with braces', () => {
  assert.equal(concept('P(A|B) = \\eta P(B|A) P(A)'), 'bayes-rule');
  assert.equal(concept('\\text{Pr}\\{A|B\\} =\\eta\\text{Pr}\\{B|A\\}\\text{Pr}\\{A\\}'), 'bayes-rule');
  assert.equal(normaliseTex('\\Pr\\{A \\mid B\\}').trim(), 'P(A \\mid B)');
  // The prior of another event, or the conditional not turned around, is no Bayes' rule.
  assert.notEqual(concept('P(A|B) = \\eta P(B|A) P(C)'), 'bayes-rule');
  assert.notEqual(concept('P(A|B) = \\eta P(A|B) P(A)'), 'bayes-rule');
  // Braces of a set stay.
  assert.equal(normaliseTex('S = \\{x : x > 0\\}'), 'S = \\{x : x > 0\\}');
});

test('escaped braces raised to a power enclose a term: Σ_i \\{w_1 x_i + w_0 − y_i\\}^2 is a sum of squared errors', () => {
  assert.equal(normaliseTex('\\sum_i \\{w_1 x_i + w_0 -y_i\\}^2'), normaliseTex('\\sum_i (w_1 x_i + w_0 -y_i)^2'));
  assert.equal(normaliseTex('\\left\\{ a + b \\right\\}^2'), normaliseTex('( a + b )^2'));
  assert.equal(concept('\\mathcal{L}(w_{0:1}| x_{1:N}, y_{1:N}) = \\sum_{i=1}^N \\{w_1 x_i + w_0 -y_i\\}^2'), 'mse');
  // A set not raised keeps its braces.
  assert.equal(normaliseTex('S = \\{x_i\\} \\cup \\{y\\}'), 'S = \\{x_i\\} \\cup \\{y\\}');
});

test('a step by the one average another line keeps, under any letter (u_τ = βu_{τ−1} + (1 − β)∇E; w = w − ηu_τ), is momentum, not Adam', () => {
  const r = recognise('\\begin{aligned} u_{\\tau} &= \\beta u_{\\tau-1} + (1 - \\beta)\\nabla E(w)\\\\ w &= w - \\eta u_{\\tau} \\end{aligned}');
  assert.notEqual(r.concept, 'adam');
  assert.ok(r.ruledOut?.includes('adam'));
  assert.equal(concept('\\begin{aligned} m_t &= \\beta_1 m_{t-1} + (1-\\beta_1) g_t \\\\ v_t &= \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2 \\\\ \\theta_t &= \\theta_{t-1} - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon} \\end{aligned}'), 'adam');
});

test('brackets around the first terms of a sum add nothing: tanh((X_1 W_{31} + X_2 W_{32}) + b_3) is a layer', () => {
  assert.equal(concept('O_3=  tanh((X_1*W_{31}+X_2*W_{32})+b_3)'), 'affine-layer');
  // A bracket raised stays: the square of a weighted sum is no layer.
  assert.notEqual(concept('O = (X_1 W_{1} + X_2 W_{2})^2 + b'), 'affine-layer');
});

test("two points' Euclidean distance written out, √((a_x − p_x)² + (a_y − p_y)²)", () => {
  assert.equal(recognise('d = \\sqrt{(x_1-y_1)^2 + (x_2-y_2)^2}').concept, 'norms');
  // A hypotenuse of two letters is not.
  assert.notEqual(recognise('c = \\sqrt{a^2 + b^2}').concept, 'norms');
});

test('an index glued to its letter in plain text (Σ(yi − w xi)², θj … xj, P(wi | wi-1)) is its subscript where the habit shows', () => {
  assert.equal(normaliseTex('(yi - w xi)^2'), normaliseTex('(y_{i} - w x_{i})^2'));
  assert.equal(normaliseTex('P(wi | wi-1)'), normaliseTex('P(w_{i} | w_{i-1})'));
  const steps = explainFormula('θj := θj - α * 1/m * sum( (h(x) - y) * xj )', { context: { before: 'Gradient descent' } });
  assert.equal(steps.concept, 'gradient-descent');
  assert.ok(steps.symbols.some((s) => s.symbol === 'θ_j'));
  assert.ok(steps.symbols.some((s) => s.symbol === 'x_j'));
  // One such pair alone is left as written; π spelled out, TeX commands and longer words are not indices.
  assert.ok(!normaliseTex('ai + b').includes('a_{i}'));
  assert.ok(!normaliseTex('2 pi xi + yi').includes('p_{i}'));
  assert.ok(normaliseTex('2 pi xi + yi').includes('y_{i}'));
  assert.match(normaliseTex('\\xi + xi + yi'), /^\\xi \+ x_\{i\} \+ y_\{i\}$/);
  assert.ok(!normaliseTex('mini + maxi').includes('_{i}'));
});

test("in a model or loss whose output is a probability (logistic regression, BCE, softmax), the model's output is the predicted probability", () => {
  assert.match(meaning('h(x) = \\frac{1}{1 + e^{-\\theta^T x}}', 'h(x)', { context: { before: 'Logistic regression' } }), /predicted probability/);
  assert.match(meaning('Cost(h(x), y) = -y \\log(h(x)) - (1-y) \\log(1-h(x))', 'h(x)'), /predicted probability/);
  assert.match(meaning('\\hat y=\\frac{1}{1+e^{-(w^Tx+b)}}', 'ŷ'), /predicted probability/);
  // A linear regression's output is a prediction, no probability; the target stays the target.
  assert.doesNotMatch(meaning('h(x) = \\theta^T x', 'h(x)', { context: { before: 'Linear regression' } }), /probabilit/);
  assert.match(meaning('Cost(h(x), y) = -y \\log(h(x)) - (1-y) \\log(1-h(x))', 'y'), /target/);
});

test('in maximum likelihood L(θ) is the likelihood it maximises, not a loss; in a language model w and W are words, not weights', () => {
  const ml = '\\hat{\\theta} = \\arg\\max_\\theta L(\\theta) = \\arg\\max_\\theta \\prod_{i=1}^n p(x_i | \\theta)';
  assert.equal(concept(ml), 'maximum-likelihood');
  assert.match(meaning(ml, 'L(θ)'), /likelihood/);
  assert.doesNotMatch(meaning(ml, 'L(θ)'), /\bloss\b/);
  const lm = 'P(W_1, W_2, \\ldots, W_n) = \\prod_{i=1}^n P(W_i | W_1, \\ldots, W_{i-1})';
  assert.equal(concept(lm), 'language-model');
  assert.doesNotMatch(meaning(lm, 'W_1'), /weight/);
  // A loss stays a loss: J in the negative log-likelihood.
  assert.match(meaning('J(\\theta) = -\\frac{1}{T} \\sum_{t=1}^{T} \\log p(w_t | w_{t-1})', 'J(θ)'), /loss|objective|cost/);
});

test('a caret with nothing raised after it (loss(y, y^), y^ = wx + b) and a spacing circumflex (yˆ) are the letter’s hat', () => {
  assert.equal(normaliseTex('loss(y,y^) = 1/2(y-y^)^2'), normaliseTex('loss(y,\\hat{y}) = 1/2(y-\\hat{y})^2'));
  assert.equal(normaliseTex('y^=wx+b'), normaliseTex('\\hat{y}=wx+b'));
  assert.equal(normaliseTex('(yˆ- y)'), normaliseTex('(\\hat{y}- y)'));
  assert.match(meaning('loss(y,y^) = 1/2(y-y^)^2', 'ŷ'), /prediction/);
  // A raised exponent stays one: e^-z, x^2, x^ 2.
  assert.equal(normaliseTex('e^-z'), 'e^{-z}');
  assert.ok(!normaliseTex('x^ 2 + y^2').includes('hat'));
});

test('an h a projection maps is the hidden state; a b multiplying an input is a coefficient', () => {
  assert.match(meaning('o_t = \\sigma(W_{xo} x_t + W_{ho} h_{t-1} + b_o)', 'h_{t−1}'), /hidden state/);
  assert.match(meaning('K = W_K H', 'H'), /hidden states/);
  assert.match(meaning('q_i = W_q x_i', 'x_i'), /input/);
  assert.match(meaning('y = b_0 + b_1 x', 'b_1', { context: { before: 'Simple linear regression' } }), /weight|coefficient|slope/);
  // A b added alone stays the bias.
  assert.match(meaning('z = W x + b', 'b'), /bias/);
});

test('a numbered weight that multiplies no input, beside that letter’s weights on inputs, is the intercept (θ1 + θ2 x); each slope is named by its input', () => {
  assert.match(meaning('h(x) = \\theta_1 + \\theta_2 x', 'θ_1', { context: { before: 'Linear regression' } }), /intercept|bias/);
  assert.match(meaning('h(x) = \\theta_1 + \\theta_2 x', 'θ_2', { context: { before: 'Linear regression' } }), /coefficient of x$/);
  assert.match(meaning('y = \\beta_0 + \\beta_1 x_1 + \\beta_2 x_2', 'β_2'), /coefficient of x_2/);
  // A lone weight beside weights of other letters is no intercept of theirs.
  assert.doesNotMatch(meaning('y = w_1 + v_2 x', 'w_1'), /intercept/);
});

test('the intercept inside a function’s argument (e^{−θ_0 − θ_1 x}) and a weight row’s column 0 (Θ_{10} + Θ_{11} x_1) is the bias', () => {
  const lr = 'h_{\\theta}(x) = \\frac{1}{1 + e^{-\\theta_0 - \\theta_1 x}}';
  assert.match(meaning(lr, 'θ_0'), /intercept/);
  assert.match(meaning(lr, 'θ_1'), /coefficient of x$/);
  const row = 'h_1(x) = \\frac{\\exp(\\Theta_{10} + \\Theta_{11} x_1)}{\\exp(\\Theta_{10} + \\Theta_{11} x_1) + \\exp(\\Theta_{20} + \\Theta_{21} x_1)}';
  assert.match(meaning(row, 'Θ_{20}'), /intercept/);
  assert.match(meaning(row, 'Θ_{21}'), /coefficient of x_1/);
  // Numbered weights of two digits from different rows are no intercept of each other: w_{10} + w_{21} x.
  assert.doesNotMatch(meaning('y = w_{12} + w_{21} x', 'w_{12}'), /intercept/);
});

test('a derivative typed with a slash may differentiate by an accented or Greek letter (dL/d\\hat{y}, d\\sigma/dz)', () => {
  assert.equal(normaliseTex('dL/da = dL/d\\hat{y} * d\\hat{y}/da'), '\\frac{d L}{d a} = \\frac{d L}{d \\hat{y}} * \\frac{d \\hat{y}}{d a}');
  assert.equal(normaliseTex('d\\sigma/dz'), '\\frac{d \\sigma}{d z}');
  assert.equal(concept('dL/da = dL/d\\hat{y} * d\\hat{y}/da', 'Using the chain rule'), 'chain-rule');
  // A command that is no variable stays: d\frac{1}{2}/dx is not rewritten into a fraction of \frac.
  assert.ok(!normaliseTex('a/d\\frac{1}{2}').includes('\\frac{d'));
});

test('a prime typed as a character or as a closing quote (g′(z), g’(z), g(z)^{’}) and a bare \\prime after its letter are the prime', () => {
  for (const tex of ['g′(z) = g(z)(1-g(z))', 'g’(z) = g(z)(1-g(z))', 'g(z)^{’} = g(z)(1-g(z))', 'f\\prime(x)=f(x)(1-f(x))']) assert.equal(concept(tex), 'sigmoid', tex);
  assert.equal(normaliseTex('(X′X)^{-1}X′y'), normaliseTex("(X'X)^{-1}X'y"));
  // A quote that follows no letter is left alone.
  assert.ok(normaliseTex('a = ’b').includes('’'));
});

test('an M under the root of softmax(QKᵀ/√M)V is the dimension, no mask; PE added to the input is the positional encoding', () => {
  assert.equal(concept('Y = \\text{Softmax}(\\frac{QK^T}{\\sqrt{M}})V'), 'scaled-dot-product-attention');
  assert.equal(concept('\\text{Softmax}(\\frac{QK^T}{\\sqrt{d}} + M)V'), 'masked-self-attention');
  assert.equal(concept("X' = X + PE"), 'positional-encoding');
  assert.equal(concept('h_0 = x + \\text{PE}_{pos}'), 'positional-encoding');
  // Lower-case p e is two letters, no encoding.
  assert.notEqual(concept('z = x + p e'), 'positional-encoding');
});

test('a concept the sentence names in the note’s own language is not taken back by the learned model, which reads few of its words', () => {
  const c = (before: string) => explainRules('z=w^Tx+b', { context: { before } }).concept;
  assert.equal(c('由线性回归模型产生的预测值'), 'linear-regression');
  assert.equal(c('the prediction of the linear regression model'), 'linear-regression');
});

test('a step with the model’s output inside it is the step; a parameter changed by η times an error signal (Δω_{hj} = η g_j b_h) is a learning rule’s step', () => {
  assert.equal(concept('w^{t+1} \\leftarrow w^{t} + \\lambda \\left(y_i-\\frac{1}{1+e^{-w^Tx}}\\right)x_i', 'Weight is updated by SGD:'), 'gradient-descent');
  assert.equal(concept('\\Delta\\omega_{hj}=\\eta g_jb_h'), 'gradient-descent');
  assert.equal(concept('\\Delta\\gamma_h=-\\eta e_h'), 'gradient-descent');
  assert.equal(concept('\\Delta \\upsilon_{ih}=\\eta e_h x_i'), 'gradient-descent');
  // A change by a sum of terms, or by a rate that is not η, is no such step.
  assert.equal(concept('\\Delta t = \\eta k + c'), null);
  assert.equal(concept('\\Delta x = k a'), null);
});

test('matrices’ shapes written after wide spacing are no part of the formula; a state’s pre-activation named net is the recurrence', () => {
  assert.equal(normaliseTex('Q = X \\cdot W_Q \\quad (4 \\times 512)(512 \\times 512)').trim(), 'Q = X W_Q');
  assert.equal(concept('Q = X \\cdot W_Q \\quad (4 \\times 512)(512 \\times 512)'), 'self-attention');
  // A pair after the spacing that is no shape stays.
  assert.ok(normaliseTex('a = b \\quad (x, y)').includes('(x, y)'));
  assert.equal(concept('net_t = Ux_t + Ws_{t-1}'), 'rnn');
  // A layer's net input, one layer down, is no recurrence.
  assert.notEqual(concept('net_l = W a_{l-1} + b'), 'rnn');
});

test('a step by the target minus a model of the input (y − f(x)), and an iterate less η times itself (the gradient of a quadratic), are gradient steps', () => {
  assert.equal(concept('\\mathrm{w} :=\\mathrm{w}+\\alpha \\frac{1}{N} \\sum_{i=1}^{N}\\left(y_{i}-\\phi\\left(x_{i}\\right)\\right) \\cdot x_{i}'), 'gradient-descent');
  assert.equal(concept('\\theta_{j} = \\theta_{j} + \\alpha \\sum_{i=1}^{m} (y^{(i)} - h_{\\theta} (x^{(i)})) x_{j}^{(i)}'), 'gradient-descent');
  assert.equal(concept('x_{t+1}=x_t - 200 \\eta x_t'), 'gradient-descent');
  // A sum added to a parameter without a target minus a prediction, or an iterate less a rate times another letter,
  // is no such step.
  assert.notEqual(concept('\\mathrm{w} :=\\mathrm{w}+\\alpha \\sum_{i=1}^{N} (a_i - b_i) x_i'), 'gradient-descent');
  assert.equal(concept('x_{t+1}=x_t - 2 \\eta y_t'), null);
});

test('a state updated under words naming a recurrent method outside the catalog (xLSTM, state-space models) is not claimed as a plain RNN', () => {
  assert.equal(concept('h_t = f(Ah_{t-1}, Bx_t, M_t)', 'xLSTM: a matrix memory updated by outer products'), null);
  assert.equal(concept('h_t = f(Ah_{t-1}, Bx_t, M_t)', 'the recurrent network updates its state'), 'rnn');
});

test('amsmath’s punctuation dot (\\cdotp) and \\centerdot are the product dot; a layer under words for a hidden layer in Chinese, Japanese or Korean is the layer', () => {
  assert.equal(concept('P(Y=0 | x) = \\frac {1} {1+exp (w \\cdotp x)}'), 'logistic-regression');
  assert.ok(normaliseTex('a \\centerdot b').includes('\\cdot'));
  assert.ok(!normaliseTex('a \\cdotp b').includes('cdotp'));
  assert.equal(concept('H = XW_h + b_h', '### 隐藏层 包含单个隐藏层的多层感知机设计：'), 'affine-layer');
  assert.equal(concept('H = XW_h + b_h', '은닉층의 출력은 다층 퍼셉트론에서 다음과 같다'), 'affine-layer');
});

test('Greek letters set upright (upgreek’s \\upsigma, unicode-math’s \\mupeta) are the same letters', () => {
  assert.equal(normaliseTex('h = \\upsigma(W x + b)').trim(), 'h = \\sigma(W x + b)');
  assert.equal(concept('h = \\upsigma(W x + b)'), 'affine-layer');
  assert.equal(concept('\\upDelta w = -\\mupeta \\frac{\\partial E}{\\partial w}'), 'gradient-descent');
  // An arrow whose name begins the same way stays an arrow.
  assert.ok(normaliseTex('x \\uparrow y').includes('\\uparrow'));
});

test('an LSTM written as a block nested in a block explains every gate, and its weights, before the list is cut', () => {
  const tex = '\\begin{aligned} & \\begin{aligned} & c\'_{t} = \\tanh(A_{c} x_{t} + B_{c} h_{t-1} + d_{c}) \\\\ & i_{t} = \\sigma(A_{i} x_{t} + B_{i} h_{t-1} + d_{i}) \\\\ & f_{t} = \\sigma(A_{f} x_{t} + B_{f} h_{t-1} + d_{f}) \\\\ & o_{t} = \\sigma(A_{o} x_{t} + B_{o} h_{t-1} + d_{o}) \\\\ & c_{t} = f_{t} \\odot c_{t-1} + i_{t} \\odot c\'_{t} \\\\ & h_{t} = o_{t} \\odot \\tanh(c_{t}) \\end{aligned} \\end{aligned}';
  assert.equal(explainFormula(tex).concept, 'lstm');
  assert.match(meaning(tex, 'i_t'), /input gate/);
  assert.match(meaning(tex, 'f_t'), /forget gate/);
  assert.match(meaning(tex, 'o_t'), /output gate/);
  assert.match(meaning(tex, 'B_f'), /weight/);
  assert.match(meaning(tex, 'x_t'), /input/);
});

test('words between two equations (\\text{ and }) part them: Adam’s bias corrections written with v for the first moment and s for the second are told by the β they divide by', () => {
  const tex = '\\hat{\\mathbf{v}}_k = \\frac{\\mathbf{v}_k}{1 - \\beta_1^k} \\text{ and } \\hat{\\mathbf{s}}_k = \\frac{\\mathbf{s}_k}{1 - \\beta_2^k}.';
  const ex = explainFormula(tex, { context: { before: 'Adam' } });
  assert.equal(ex.concept, 'adam');
  const m = (letter: string) => ex.symbols.find((s) => s.symbol.normalize('NFC') === letter.normalize('NFC'))?.meaning ?? '';
  assert.match(m('v̂_k'), /bias-corrected .*first moment/);
  assert.match(m('v_k'), /first moment/);
  assert.match(m('ŝ_k'), /bias-corrected .*second moment/);
  assert.match(m('s_k'), /second moment/);
});

test('in a minibatch step that updates (w, b) together, b is the bias, not the batch size', () => {
  const both = '(\\mathbf{w}, b) \\leftarrow (\\mathbf{w}, b) - \\frac{\\eta}{|\\mathcal{B}|} \\sum_{j \\in \\mathcal{B}} \\partial_{(\\mathbf{w}, b)} \\ell_j(\\mathbf{w}, b)';
  assert.equal(explainFormula(both).concept, 'minibatch-sgd');
  assert.match(meaning(both, 'b'), /^the bias/);
  // A b that only counts the batch keeps the catalog's meaning.
  const alone = '\\theta \\leftarrow \\theta - \\frac{\\eta}{b} \\sum_{j=1}^{b} \\nabla_\\theta \\ell_j(\\theta)';
  assert.equal(explainFormula(alone).concept, 'minibatch-sgd');
  assert.match(meaning(alone, 'b'), /minibatch size/);
});

test('a letter for a probability defined as a sigmoid (p = σ(θᵀx)) is explained as a probability', () => {
  assert.match(meaning('\\frac{\\partial J}{\\partial \\theta_k} = \\frac{\\partial J}{\\partial p} \\frac{\\partial p}{\\partial \\theta_k} \\quad \\text{where } p = \\sigma(\\theta^T x)', 'p'), /a probability between 0 and 1/);
  assert.match(meaning('q_i = \\frac{1}{1 + e^{-s_i}}', 'q_i'), /the output of the sigmoid/);
  assert.doesNotMatch(meaning('q_i = \\frac{1}{1 + e^{-s_i}}', 'q_i'), /probability/);
});

test('class k’s intercept in a multiclass linear model (β_{k0} beside β_k^T x, β_{0k} beside β_{1k} x_1) is the bias, its other coefficients weights', () => {
  const rowForm = 'P(Y = k \\mid X = x) = \\frac{\\exp(\\beta_{k0} + \\beta_k^T x)}{1 + \\sum_{l=1}^{K-1} \\exp(\\beta_{l0} + \\beta_l^T x)}';
  assert.match(meaning(rowForm, 'β_{k0}'), /^the bias \(the intercept/);
  assert.match(meaning(rowForm, 'β_{l0}'), /^the bias \(the intercept/);
  const columnForm = 'u_c = \\beta_{0c} + \\sum_{m=1}^{M} \\beta_{mc} h_m';
  assert.match(meaning(columnForm, 'β_{0c}'), /^the bias \(the intercept/);
  assert.match(meaning(columnForm, 'β_{mc}'), /^a weight/);
  // An index 0 of another class's letters is no intercept of these.
  assert.doesNotMatch(meaning('u = \\beta_{k0} + \\beta_{j} x_j', 'β_{k0}'), /intercept/);
});

test('the letter a sigmoid is applied to is its input (the score), as tanh’s is', () => {
  assert.match(meaning('y = \\frac{1}{1 + e^{-z}}', 'z'), /^the input of the sigmoid: the score/);
  assert.match(meaning('\\sigma(t) = \\frac{1}{1 + e^{-t}}', 't'), /^the input of the sigmoid/);
});

test('in q_i = Q x_i, k_i = K x_i, v_i = V x_i the capitals are the learned projections, the lower-case letters the queries, keys and values', () => {
  const tex = 'q_j = Q a_j, \\quad k_j = K a_j, \\quad v_j = V a_j';
  assert.match(meaning(tex, 'Q'), /^a weight matrix \(learned\): the projection to the queries/);
  assert.match(meaning(tex, 'K'), /projection to the keys/);
  assert.match(meaning(tex, 'V'), /projection to the values/);
  assert.match(meaning(tex, 'q_j'), /quer/);
  // Attention over the matrices themselves keeps Q as the queries.
  assert.match(meaning('\\mathrm{softmax}(QK^T/\\sqrt{d})V', 'Q'), /quer/);
  assert.doesNotMatch(meaning('\\mathrm{softmax}(QK^T/\\sqrt{d})V', 'Q'), /projection/);
});

test('the leaky ReLU with its slope written after the input or as any letter (max(zα, z), max(k*x, x)) is the leaky ReLU; max of two different letters is not', () => {
  assert.equal(concept('g(u)=\\max(u\\alpha,u)'), 'leaky-relu');
  assert.equal(concept('\\mathrm{lrelu}(v) = \\max(c*v, v)'), 'leaky-relu');
  assert.equal(concept('y = \\max(0.2 s, s)'), 'leaky-relu');
  assert.notEqual(concept('y = \\max(u, v)'), 'leaky-relu');
  assert.notEqual(concept('y = \\max(k u, v)'), 'leaky-relu');
});

test('function names capitalised before their bracket (Max, Exp, Log) are the functions; longer names beginning so are not', () => {
  assert.equal(concept('\\ell = Max(0, 1 - t s)'), 'hinge-loss');
  assert.equal(concept('p_k = Exp(s_k) / \\sum_j Exp(s_j)'), 'softmax');
  assert.equal(normaliseTex('MaxPool(x)').trim(), 'MaxPool(x)');
  assert.ok(normaliseTex('Log(p)').includes('\\log'));
});

test('a norm whose bars are typed as \\| and a bar on each side (\\|| y − Xw \\||²) is the norm; a KL divergence’s bars stay', () => {
  assert.equal(normaliseTex('\\|| a - Bc \\||^2').replace(/\s+/g, ''), '\\|a-Bc\\|^2');
  assert.equal(concept('\\|| \\mathbf{t} - \\mathbf{A}\\boldsymbol{\\beta} \\||^2'), 'mse');
  assert.ok(normaliseTex('D(p\\||q)').includes('\\||'));
});

test('in a backward pass written with a for the weighted sum and z for the unit’s output (h′(a_j), ∂a_j/∂w_ji), a is the pre-activation and z the activation', () => {
  const bishop = '\\frac{\\partial E}{\\partial w_{ji}} = \\frac{\\partial E}{\\partial a_j} \\frac{\\partial a_j}{\\partial w_{ji}} = \\delta_j z_i, \\quad \\delta_j = h\'(a_j) \\sum_k w_{kj} \\delta_k';
  assert.equal(explainFormula(bishop).concept, 'chain-rule');
  assert.match(meaning(bishop, 'a_j'), /^the pre-activation/);
  assert.match(meaning(bishop, 'z_i'), /^an activation/);
  // Written the other way round (z = Wx + b, a = σ(z)), z stays the pre-activation.
  const ng = '\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a} \\frac{\\partial a}{\\partial z} \\frac{\\partial z}{\\partial w}';
  assert.match(meaning(ng, 'z'), /^the pre-activation/);
  assert.match(meaning(ng, 'a'), /^an activation/);
  // A state chained through time (∂a_j/∂a_{j−1}) is no weighted sum.
  const bptt = '\\frac{dL}{dW} = \\sum_{i=1}^{N} \\frac{dL}{da_N} \\left( \\prod_{j=i+1}^{N} \\frac{da_j}{da_{j-1}} \\right) \\frac{da_i}{dW}';
  assert.doesNotMatch(meaning(bptt, 'a_i'), /pre-activation/);
});

test('a function defined with its arguments (J(θ) = …, RSS(β) = …, H(p, q) = …) is explained as a whole too, by what its name stands for, and is not cut from a long list', () => {
  assert.match(meaning('\\text{RSS}(\\beta) = (\\mathbf{t} - \\mathbf{A}\\beta)^T(\\mathbf{t} - \\mathbf{A}\\beta)', 'RSS(β)'), /^the residual sum of squares \(the loss\), for β/);
  assert.match(meaning('H(u, v) = -\\sum_{k} u(k) \\log v(k)', 'H(u, v)'), /^the cross-entropy .*, for u, v/);
  // Fourteen other letters do not push the defined value out.
  const long = 'J(\\theta) = \\frac{1}{2n} \\sum_{i=1}^{n} (\\theta_0 + \\theta_1 a_1^{(i)} + \\theta_2 a_2^{(i)} + \\theta_3 a_3^{(i)} + \\theta_4 a_4^{(i)} + \\theta_5 a_5^{(i)} - t^{(i)})^2';
  assert.match(meaning(long, 'J(θ)'), /^the loss\b.*, for θ$/);
});

test('a prime typed as a character after a Greek letter (σ′(z)) is the derivative of the function, not a product', () => {
  assert.ok(normaliseTex('σ′(xW + b)').includes("σ'("));
  const typed = '(ŷ - y)*W_2*σ′(x W_1 + b_1)*W_1';
  assert.match(meaning(typed, 'σ′'), /^the derivative of the sigmoid/);
  assert.match(meaning(typed, 'x'), /input/);
});

test('in a cosine similarity the two vectors compared are its arguments, whatever their marks (a bar is no mean there), and their entries are theirs', () => {
  const tex = '\\text{cosine}(\\bar a, \\bar b) = \\frac{\\bar a \\cdot \\bar b}{|\\bar a||\\bar b|} = \\frac{\\sum_{k=1}^{n} a_k b_k}{\\sqrt{\\sum_k a_k^2}\\sqrt{\\sum_k b_k^2}}';
  assert.equal(explainFormula(tex).concept, 'cosine-similarity');
  assert.match(meaning(tex, 'ā'), /^the first vector/);
  assert.match(meaning(tex, 'b̄'), /^the second vector/);
  assert.match(meaning(tex, 'a_k'), /^entry k of the first vector/);
  assert.match(meaning(tex, 'b_k'), /^entry k of the second vector/);
  // A bar over a letter beside its entries elsewhere is still their mean.
  assert.match(meaning('s^2 = \\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar x)^2', 'x̄'), /mean/);
});

test('a semicolon between the arguments of max in round brackets is their comma; e^z_i typed without braces is e^{z_i}', () => {
  assert.equal(concept('\\tilde{\\ell}(m) = \\max(0; 1 - m)'), 'hinge-loss');
  assert.ok(normaliseTex('\\min(a;b;c)').includes('\\min(a;b;c)'), 'three arguments are left alone');
  // A softmax's semicolon (a concatenation) is no max's.
  assert.ok(normaliseTex('\\mathrm{softmax}(W [p;1])').includes('[p;1]'));
  assert.ok(normaliseTex('softmax(W [p;1])').includes('[p;1]'));
  assert.equal(normaliseTex('\\frac{e^u_k}{\\sum_j e^u_j}').replace(/\s+/g, ''), '\\frac{e^{u_k}}{\\sum_je^{u_j}}');
  assert.equal(concept('p(u)_k = \\frac{e^u_k}{\\sum_{j=1}^{n} e^u_j}'), 'softmax');
  // A letter other than e keeps TeX's reading.
  assert.ok(normaliseTex('x^a_i').includes('x^a_i'));
});

test('in a network’s formula W(x) and W(y), code’s names for W_x and W_y, are the weights that multiply x and y, not values of a function W', () => {
  const tex = 'h(t) = tanh(W(x) * x(t) + W(h) * h(t-1) + b)';
  assert.equal(explainFormula(tex, { context: { before: 'A recurrent layer' } }).concept, 'rnn');
  assert.match(meaning(tex, 'W(x)', { context: { before: 'A recurrent layer' } }), /^a weight matrix \(learned\): the one that multiplies x/);
  assert.match(meaning(tex, 'W(h)', { context: { before: 'A recurrent layer' } }), /multiplies h/);
});

test('the output of unit j whose weights carry j beside the summed index (y_j = b_j + Σ_i w_{ji} x_i) is a layer’s, not a regression line', () => {
  assert.equal(concept('y_k = b_k + \\sum_{m=1}^{n} w_{km} u_m'), 'affine-layer');
  assert.equal(concept('y = b + \\sum_{m=1}^{n} w_m x_m'), 'linear-regression');
});

test('two conditionals of one event equal under different givens are an n-gram approximation only where the shorter history is written with the order n in an offset', () => {
  assert.equal(concept('p(x_t | x_{1:t-1}) = p(x_t | x_{t-n+1:t-1})'), 'ngram-markov');
  assert.equal(concept('P(u_j | u_1, \\ldots, u_{j-1}) = P(u_j | u_{j-n+1}, \\ldots, u_{j-1})'), 'ngram-markov');
  // A branch taken at tree node n_k, given the node and its vector: no history of tokens.
  assert.notEqual(concept('p(d=1 | n_j, context) = p(d=1 | v_{n_j}, h)'), 'ngram-markov');
});

test('the output at step t as a softmax of the state at t through a weight (y_t = softmax(V h_t + c)) is the recurrent network’s output layer, as readers label it', () => {
  assert.equal(concept('o_t = \\mathrm{softmax}(V s_t + c)'), 'rnn');
  assert.equal(concept('\\hat{y}_t = softmax(W_{hy} h_t + b_y)'), 'rnn');
  // Without a step, or of something other than the state, it stays the softmax.
  assert.equal(concept('y = \\mathrm{softmax}(W h + b)'), 'softmax');
  assert.notEqual(concept('y_t = \\mathrm{softmax}(z_t)'), 'rnn');
});

test('the state differentiated by itself one step earlier, written out as the recurrent weight and an activation’s slope, is one step of backpropagation through time', () => {
  assert.equal(concept("\\frac{\\partial s_t}{\\partial s_{t-1}} = \\tanh'(W_{ss} s_{t-1} + W_{xs} x_t) W_{ss}"), 'backpropagation-through-time');
  assert.equal(concept('\\frac{\\partial h_k}{\\partial h_{k-1}} = W_{hh}^T \\mathrm{diag}(1 - h_k^2)'), 'backpropagation-through-time');
  // Without the recurrent weight, or of two different quantities, it is not.
  assert.notEqual(concept("\\frac{\\partial h_t}{\\partial h_{t-1}} = \\tanh'(a_t)"), 'backpropagation-through-time');
  assert.notEqual(concept("\\frac{\\partial y}{\\partial x} = f'(x) W"), 'backpropagation-through-time');
});

test('log and ln run into a one-letter subscript before them and into a braced or indexed argument after them are the functions', () => {
  assert.equal(concept('E=-\\sum_kd_klog{p_k}'), 'cross-entropy');
  assert.ok(normaliseTex('a_n\\times lnx_n').includes('\\ln x_n'));
  assert.ok(normaliseTex('catalog{x}').includes('catalog{x}'));
});

test('w at several offsets of a step given to a function or a probability are words of a window; the same w updated step by step are weights', () => {
  assert.match(meaning('J = \\frac{1}{T} \\sum_t \\log g(w_t, w_{t-1}, \\ldots, w_{t-n+1}; \\theta) + \\Omega(\\theta)', 'w_{t−1}'), /^a word \(token\)/);
  assert.doesNotMatch(meaning('w_t = w_{t-1} - \\eta g_t', 'w_{t−1}'), /word/);
});

test('a capital Q, K or V right after the input X multiplies it: the projection, not the queries, keys or values', () => {
  const tex = 'Z_j = \\mathrm{softmax}\\left(\\frac{(XQ_j)(XK_j)^T}{\\sqrt{d}}\\right)(XV_j)';
  assert.match(meaning(tex, 'Q_j'), /^a weight matrix \(learned\): the projection to the queries/);
  assert.match(meaning(tex, 'V_j'), /projection to the values/);
});

test('a function defined by its name (softmax(t)_i = …) gets no row saying its value is the function', () => {
  const rows = explainFormula('\\mathrm{softmax}(u)_k = \\frac{\\exp(u_k)}{\\sum_{j=1}^{n} \\exp(u_j)}').symbols;
  assert.ok(!rows.some((r) => /^softmax\(/.test(r.symbol) && /function/.test(r.meaning)), rows.map((r) => `${r.symbol}: ${r.meaning}`).join('; '));
});

test('hidden units written with the activation’s name (Σ_i c_i sigmoid(b_i + Σ_j w_ij x_j)) are a one-hidden-layer network', () => {
  assert.equal(concept('f = d + \\sum_k v_k\\,sigmoid(a_k + \\sum_j u_{kj}x_j)'), 'mlp');
  assert.equal(concept('f = d + \\sum_k v_k\\,tanh(a_k + \\sum_j u_{kj}x_j)'), 'mlp');
  // A softmax on each term is no hidden unit.
  assert.notEqual(concept('f = \\sum_k v_k\\,softmax(a_k + \\sum_j u_{kj}x_j)'), 'mlp');
});

test('a layer’s formula declared for every layer (l ∈ {1, …, L}) is the whole network; without the range it is one layer (h^{(l)} from h^{(l−1)} is no recurrence)', () => {
  assert.equal(explainFormula('h^{(k)} = \\phi(W^{(k)} h^{(k-1)} + b^{(k)}), \\quad k = 1, \\ldots, K').concept, 'mlp');
  assert.equal(concept('\\mathbf{h}^k=\\sigma(\\mathbf{W}^k\\mathbf{h}^{k-1}+\\mathbf{b}^k), k\\in\\{1,2,\\ldots,K\\}'), 'mlp');
  assert.equal(concept('h^{(l)} = \\phi(W^{(l)} h^{(l-1)} + b^{(l)})'), 'affine-layer');
});

test('weights indexed by the time step still make a recurrence (s_t = tanh(U_t x_t + W_t s_{t−1})), not a layer', () => {
  assert.equal(concept('q_t = \\tanh(A_t u_t + B_t q_{t-1})'), 'rnn');
  assert.equal(concept('a^{(l)} = g(W^{(l)} a^{(l-1)} + b^{(l)})'), 'affine-layer');
});

test('a variable times the sigmoid of itself written out (SiLU) is not the sigmoid', () => {
  assert.notEqual(concept('Swish = u\\cdot\\frac{1}{1+e^{-u}}'), 'sigmoid');
  assert.notEqual(explainFormula('g(v) = v*\\frac{1}{1+\\exp(-v)}').concept, 'sigmoid');
  assert.equal(concept('g(v) = \\frac{1}{1+e^{-v}}'), 'sigmoid');
});

test('a loss letter defined as the average of the examples’ errors (L = (1/N) Σ_n e_n) is the empirical risk, with a label run into it', () => {
  assert.equal(concept('C=\\frac{1}{M}\\sum_{m}{e_m}'), 'empirical-risk');
  assert.equal(concept('Cost:J=\\frac1M\\sum_m\\ell_m'), 'empirical-risk');
  // Summed without the average, it stays unnamed by this rule.
  assert.notEqual(concept('E=\\sum_m e_m'), 'empirical-risk');
});

test('the probability of a class written with an indexed c is a class probability: its sigmoid of a linear score is logistic regression', () => {
  assert.equal(explainFormula('P(c_{2}|x) = \\frac{1}{1 + e^{-\\theta^T x}}').concept, 'logistic-regression');
});

test('a value-projected input weighted by the attention weights (Σ_j α_ij W_V x_j) is self-attention; a plain W stays a graph layer', () => {
  assert.equal(explainFormula('o_i=\\sum_{j}\\alpha_{ij}^{(m)}(W_V^{(m)} x_j)').concept, 'self-attention');
  assert.equal(concept('o_i=\\sum_{j}\\alpha_{ij} W^V x_j'), 'self-attention');
  assert.equal(concept('h_i = \\sigma(\\sum_j \\alpha_{ij} W h_j)'), 'attention');
});

test('a step with a fraction of the previous change added (w + γΔw^{t−1} − η∇ℓ) is momentum, not plain gradient descent', () => {
  assert.notEqual(concept('\\theta^{k+1} = \\theta^k + \\mu \\Delta \\theta^{k-1} - \\eta \\nabla J(\\theta^k)'), 'gradient-descent');
  assert.equal(concept('\\theta^{k+1} = \\theta^k - \\eta \\nabla J(\\theta^k)'), 'gradient-descent');
});

test('plain text: a capital T glued to the weight, z(i)-style example indices and sigmoid_function(...) are read', () => {
  assert.equal(normaliseTex('u = vT *x + c').replace(/\s+/g, ' '), 'u = v^T x + c');
  assert.ok(normaliseTex('a(i)=vx(i)+c').includes('x^{(i)}'));
  // One call alone is a function's value.
  assert.ok(normaliseTex('g(1) = 2').includes('g(1)'));
  assert.equal(concept('h = sigmoid_function(u)'), 'sigmoid');
  assert.equal(concept('z(2)=wx(2)+b'), 'affine-layer');
});

test('a function name run into the d of its derivative (\\frac{dtanh}{dx}) and a triangle typed for Δ are read', () => {
  assert.equal(concept('\\frac{dtanh}{du} = 1 - tanh^{2}'), 'tanh');
  assert.ok(normaliseTex('\\vartriangle w = -\\eta g').includes('\\Delta w'));
});

test('a unit of a numbered layer from the units of the layer below (x_i^{(2)} = relu(Σ_k w_ki^{(1)} x_k^{(1)} + b_i^{(1)})) is an affine layer, not a decoder', () => {
  assert.equal(concept('u_{j}^{(3)} = relu(\\sum_{k} v_{kj}^{(2)}u_{k}^{(2)} + c_j^{(2)})'), 'affine-layer');
});

test('leaky ReLU written as max(0, z) + a·min(0, z) under any left side is the leaky ReLU', () => {
  assert.equal(concept('y^{(k)} = max(0, s^{(k)}) + a \\cdot min(0, s^{(k)})'), 'leaky-relu');
});

test('a reconstruction marked by a tilde of a decoder of an encoder (X̃ = g_θ(f_φ(X))) is the autoencoder', () => {
  assert.equal(concept('\\tilde{\\mathbf{x}} = \\mathbf{d}_{\\psi}(\\mathbf{e}_{\\omega}(\\mathbf{x}))'), 'autoencoder');
  assert.equal(concept('\\tilde{X} = D(E(X))'), 'autoencoder');
});

test('the matrix of states times the attention weights (c = H α) is attention; cos of two vectors is their cosine similarity', () => {
  assert.equal(explainFormula('c_j = V \\alpha_j').concept, 'attention');
  assert.equal(explainFormula('cos(a, b) = \\frac{a^T b}{\\|a\\| \\|b\\|}').concept, 'cosine-similarity');
  assert.equal(concept('\\cos(a, b) + 1'), 'cosine-similarity');
  assert.notEqual(concept('\\cos(\\phi) = 1'), 'cosine-similarity');
});

test('an attention score named with an escaped underscore (\\text{attn\\_score}) keeps its name: the additive score', () => {
  assert.equal(concept('\\text{attn\\_score}(k_i, q_t) = v^\\top \\tanh(W [k_i; q_t])'), 'mlp-attention');
});

test('a weighted sum under a letter of its own is its pre-activation; β_0 beside the vector β is the intercept; β updated by a gradient step is the parameters', () => {
  assert.match(meaning('r_2 = b_2 + w_{21}x_1 + w_{22}x_2', 'r_2'), /^the pre-activation/);
  assert.match(meaning('\\hat{y} = \\beta_0 + \\langle \\beta, x \\rangle', 'β_0'), /intercept/);
  assert.match(meaning('\\beta^{(k+1)} = \\beta^{(k)} - \\eta \\nabla J(\\beta^{(k)})', 'β^{(k)}'), /^the parameters being updated/);
  assert.doesNotMatch(meaning('\\Delta v = \\eta \\delta u', 'Δv'), /gradient/);
});

test('a step whose rate is divided by a scale carrying the step (η/σ_i^t, Adagrad, RMSProp) is another optimiser; over a batch’s size it stays a gradient step', () => {
  assert.notEqual(concept('w_j^{k+1} = w_j^k - \\frac{\\alpha}{r_j^k} g_j^k'), 'gradient-descent');
  assert.equal(concept('w^{k+1} = w^k - \\frac{\\alpha}{|\\mathcal{B}_k|} \\sum_{i \\in \\mathcal{B}_k} \\nabla \\ell_i(w^k)'), 'minibatch-sgd');
});

test('a change of the weights that decays the weight itself (Oja’s rule, Δw = α(x y − y² w)) is no gradient step; an error times the input is', () => {
  assert.notEqual(concept('\\Delta w = \\eta (u v - v^2 w)'), 'gradient-descent');
  assert.equal(concept('\\Delta w = \\eta (d - o) u'), 'gradient-descent');
});

test('an activation of the weighted input minus a threshold (f(wᵀx − θ), the M-P neuron) is an affine map activated', () => {
  assert.equal(concept('o = g(\\mathbf{w}^T\\mathbf{u} - \\theta)'.replace('\\mathbf{u}', '\\mathbf{x}')), 'affine-layer');
  assert.notEqual(concept('e = y - w^T x'), 'affine-layer');
});

test('index ranges noted after a wide space are notes, not the formula', () => {
  assert.equal(normaliseTex('a = b \\ \\ \\ k:1,2 \\ \\ \\ m:1,2,3').trim(), 'a = b');
  assert.ok(normaliseTex('a = b \\quad x: 1').includes('x: 1'));
});

test('a loss plus λ times a capital’s call on the parameters (λ P(β), λ C(α)) is a penalised objective', () => {
  assert.equal(concept('F(w)=\\frac{1}{n}\\sum_{i=1}^n q(h_w(x_i), y_i)+\\lambda Q(w)'), 'regularization');
  assert.notEqual(concept('F = \\sum_i (y_i - t_i)^2 + \\lambda Q(x)'), 'regularization');
});

test('\\underset{…}{\\text{maximize}} is the max over its variables', () => {
  assert.equal(normaliseTex('\\underset{w}{\\text{minimise}} \\; E(w)').replace(/\s+/g, ' '), '\\min_{w} \\; E(w)');
  assert.equal(concept('\\underset{\\theta}{\\text{maximize}} \\; \\sum_n \\log p_{\\theta}(y_n|x_n)'), 'maximum-likelihood');
});

test('a derivative written as the function times one minus itself, under any letter (S(x)(1 − S(x))), is the sigmoid’s slope for the rules', () => {
  assert.equal(concept('\\frac{d}{du}G(u) = G(u)(1 - G(u))'), 'sigmoid');
  assert.equal(concept('\\frac{\\partial q_{1}}{\\partial r_{1}} = q_{1}(r_{1}) * (1-q_{1}(r_{1}))'), 'sigmoid');
});

test('a double bar inside a conditional expectation is its conditioning bar: E(Y \\| X = x) = β₀ + β₁x is linear regression', () => {
  assert.ok(normaliseTex('E(V\\|U=u) = a + b u').includes('E(V|U=u)'));
  assert.equal(concept('E(V\\|U=u) = \\beta_{0} + \\beta_{1}u'.replace(/V/g, 'Y').replace(/U=u/, 'X=x').replace(/\\beta_\{1\}u/, '\\beta_{1}x')), 'linear-regression');
});

test('a model function equal to the weights times the input, after a target too (y_i = f(x_i) = w x_i, Σ_j w_j x_j), is a linear model', () => {
  assert.equal(concept('t_n = h(x_n) = wx_n'), 'linear-regression');
  assert.equal(concept('h(x_n) = \\sum_{j=1}^{D}w_jx_j'), 'linear-regression');
  assert.notEqual(concept('g(x) = w^T x'), 'linear-regression');
});

test('Wx + b written alone is the affine map; with other letters it is left unnamed', () => {
  assert.equal(concept('Wx + b'), 'affine-layer');
  assert.equal(concept('W x + c'), null);
});

test('a loss plus λ times a Greek capital’s call on the weights (λ Φ(w)) is penalised; an equation number after colons is dropped', () => {
  assert.equal(concept('E(w) = \\frac{1}{n}\\sum_i \\ell(w; x_i) + \\lambda \\Phi(w)'), 'regularization');
  assert.equal(normaliseTex('a = b + c :::::::::(7)').trim(), 'a = b + c');
});

test('a loss’s capitals on the left (CE = …, MSE = …) are one name, explained as that loss', () => {
  assert.match(meaning('CE = -\\sum_k t_k \\ln(\\hat{t}_k)', 'CE'), /cross-entropy/);
  assert.equal(concept('MSE = \\frac{1}{m}\\sum_j (t_j - \\hat{t}_j)^2'), 'mse');
  assert.ok(normaliseTex('ACE = b').startsWith('ACE'));
});

test('an accent set over a letter with \\overset is the accented letter; a primed or tilded cell of an LSTM is its candidate', () => {
  assert.equal(normaliseTex('\\overset{\\sim}{h}_{t}').trim(), '\\tilde{h}_{t}');
  assert.match(meaning("C_t' = \\tanh(W_c\\cdot[h_{t-1},x_t]+b_c)", 'C′_t'), /^the candidate/);
});

test('bold parameters as the loss’s argument are the parameters; a letter the note gives the sigmoid is the sigmoid function', () => {
  assert.match(meaning('J(\\boldsymbol{\\theta}) = \\frac{1}{2m}\\sum_{i} (h_{\\boldsymbol{\\theta}}(x_i) - y_i)^2', 'θ'), /^the parameters/);
  assert.match(meaning('\\frac{d}{du}G(u) = G(u)(1 - G(u))', 'G'), /^the sigmoid function/);
  assert.match(meaning('G(u) = \\frac{1}{1+e^{-u}}', 'G(u)'), /^the sigmoid function G at u/);
});

test('\\bold{…} is bold; bold function names are the functions, a bold e raised is Euler’s number', () => {
  assert.equal(normaliseTex('\\bold{max}\\,J').replace(/\s+/g, ' ').trim(), '\\max \\,J');
  assert.equal(concept('p(x)=\\frac{1}{1+\\bold{e}^{-w^Tx}}'.replace('p(x)', 'h_w(x)')), 'logistic-regression');
});

test('cases laid out in an aligned block inside a brace are cases: the leaky ReLU so written is named, firmly', () => {
  assert.equal(explainFormula('g(u) = \\left\\{ \\begin{aligned} cu, \\quad u<0 \\\\ u, \\quad u\\ge0 \\end{aligned} \\right.'.replace(/c(?=u,)/, 'a')).concept, 'leaky-relu');
});

test('a label in the note’s own language before a full-width colon is not part of the formula', () => {
  assert.equal(concept('导数公式：\\frac{d}{du}\\sigma(u) = \\sigma(u)(1 - \\sigma(u))'), 'sigmoid');
});

test('λ followed by a squared β is the ridge penalty on β, not two coefficients', () => {
  assert.equal(concept('J = (t - \\beta)^2 + \\lambda\\beta^2'), 'regularization');
});

test('\\hdots and amsmath’s \\dotsc, \\dotsb are ellipses, not letters', () => {
  const rows = explainFormula('u = v_1 y_1 + \\hdots + v_K y_K + c').symbols;
  assert.ok(!rows.some((r) => /dots/.test(r.symbol)), rows.map((r) => r.symbol).join(', '));
});

test('a bold θ or β is described as the model’s parameters; a probability’s letter is never called the sigmoid', () => {
  assert.match(meaning('\\hat{\\boldsymbol{\\theta}} = \\arg\\min_{\\boldsymbol{\\theta}} \\|\\boldsymbol{\\theta}\\|', 'θ'), /parameters/);
  assert.doesNotMatch(meaning('p(u) = \\frac{1}{1+e^{-u}}', 'p(u)'), /sigmoid function p/);
});

test('a font switch written as a command on a braced letter (\\vec{\\rm{w}}) keeps the accent’s braces', () => {
  assert.equal(normaliseTex('\\vec{\\rm{v}}_2').trim(), '\\vec{\\mathrm{v}}_2');
});

test('a divergence defined on the left, D(p‖q) = Σ p log p − Σ p log q, is the KL divergence; a chain of capitals’ conditionals is no n-gram model', () => {
  assert.equal(concept('D(r||s)=\\sum_{u}r(u) \\log r(u) - \\sum_{u}r(u) \\log s(u)'.replace(/r\(/g, 'p(').replace(/s\(/g, 'q(').replace('D(r||s)', 'D(p||q)')), 'kl-divergence');
  assert.notEqual(concept('P(A_1, A_2, A_3, A_4) = P(A_1) P(A_2 | A_1) P(A_3 | A_2) P(A_4 | A_3)'), 'ngram-markov');
  assert.equal(concept('P(w_1, w_2, w_3, w_4) = P(w_1) P(w_2 | w_1) P(w_3 | w_2) P(w_4 | w_3)'), 'ngram-markov');
});

test('a prediction as a line with its fitted numbers (ŷ = 3 + 2x) is linear regression; the angle of a·b = |a||b| cos(·) under any letter', () => {
  assert.equal(explainRules('\\hat{y} = 5 - 2 x').concept, 'linear-regression');
  assert.equal(concept('\\hat{y} = 5 - 2'), null);
  assert.equal(concept('U \\cdot V = |U||V|\\cos(b)'), 'cosine-similarity');
});

test('plain text: the last term of a numbered series (w1*a1 + … + wn*an) is read at the series’ last index', () => {
  assert.ok(normaliseTex('s = v1*u1 + v2*u2 + ... + vn*un').includes('v_{n} u_{n}'));
  assert.ok(normaliseTex('s = vn*un').includes('vn*un'));
});

test('a crafted run of index notes after wide spaces is stripped note by note, without backtracking on the run', { timeout: 10_000 }, () => {
  const run = ' \\quad i:1,2'.repeat(60);
  assert.equal(normaliseTex(`a = b${run}`).trim(), 'a = b');
  // (The same run not at the end is kept whole, and answered at once.)
  assert.ok(normaliseTex(`a = b${run} x`).includes('i:1,2'));
  assert.equal(normaliseTex(`a${':'.repeat(4000)}(1`).length > 4000, true);
});

test('plain text in the course’s step notation: c~<t>, gammaU, a pair of steps α<t,t′> and sumt′(…) are read as LaTeX notes write them', () => {
  assert.equal(concept('c<t> = gammaU * c~<t> + (1 - gammaU) * c<t-1>'), 'gru');
  const n = normaliseTex("alpha<t,t'> = exp(e<t,t'>) / sumt'(exp(e<t,t'>))");
  assert.ok(n.includes("^{<t,t'>}") && n.includes("\\sum_{t'}"), n);
  // (A comparison is not a step: nothing closes it as one.)
  assert.ok(normaliseTex('0 < x < 1').includes('x < 1'));
  const t0 = Date.now();
  for (const s of ['a<'.repeat(4000), 'gammaU~'.repeat(1200), "sumt'".repeat(1600), 'x~ <'.repeat(2000)]) normaliseTex(s);
  assert.ok(Date.now() - t0 < 2000, `${Date.now() - t0} ms`);
});

test('the class’s probability through a sigmoid of any score, P(y = +1 | x) = σ(s(x)), is logistic regression; σ(f(x)) alone stays the sigmoid applied', () => {
  assert.equal(concept('P(y = +1 | x) = sigmoid(Score(x)) = \\frac{1}{1 + e^{-Score(x)}}'), 'logistic-regression');
  assert.equal(concept('P(y_i = 1 | x_i, w) = \\frac{1}{1 + e^{-w^T h(x_i)}}'), 'logistic-regression');
  assert.notEqual(concept('\\hat{y} = \\sigma(f(x))'), 'logistic-regression');
});

test('a measure’s two-letter name that an equation defines (PP = 2^{H(P, Q)}) is the perplexity, not P times P; H(P, Q) and D_KL(P ‖ Q) compare a true distribution with another', () => {
  const rows = explainFormula('PP = 2^{H(P, Q)}').symbols;
  const of = (s: string) => rows.find((r) => r.symbol === s)?.meaning ?? '';
  assert.match(of('PP'), /perplexity/);
  assert.match(of('P'), /true probability distribution/);
  assert.match(of('Q'), /other probability distribution/);
  assert.match(meaning('D_{KL}(p \\| q) = \\sum_x p(x) \\log \\frac{p(x)}{q(x)}', 'q'), /other probability distribution/);
  // (Two letters multiplied on the left of a product are still letters.)
  assert.ok(explainFormula('AB = C').symbols.some((r) => r.symbol === 'A'));
});

test('a polynomial of one input written whole (y = θ₀ + θ₁x + θ₂x² + ⋯ + θ_n xⁿ) is linear regression on its powers; a bare sum of powers with no intercept is not claimed', () => {
  assert.equal(concept('y = \\beta_0 + \\beta_1 t + \\beta_2 t^2 + \\beta_3 t^3'), 'linear-regression');
  assert.equal(concept('y_i = a_0 + a_1 u_i + a_2 u_i^2 + \\ldots + a_d u_i^d + \\epsilon_i'), 'linear-regression');
  assert.notEqual(concept('y = w_1 x + w_2 x^2 + b'), 'linear-regression');
  assert.notEqual(concept('y = \\theta_0 + \\theta_1 x'), 'affine-layer');
});

test('the hinge written by cases (0 once the margin is met, else 1 − y·f(x)) is the hinge loss; a triangle 1 − |x| is not', () => {
  assert.equal(concept('L(y, s) = \\begin{cases} 0 & y s \\ge 1 \\\\ 1 - y s & \\text{else} \\end{cases}'), 'hinge-loss');
  assert.notEqual(concept('K(u) = \\begin{cases} 1 - |u| & |u| < 1 \\\\ 0 & \\text{else} \\end{cases}'), 'hinge-loss');
});

test('attention restricted to the positions up to its own (Σ_{j ≤ i}, ∀ j ≤ i) is masked self-attention; an unrestricted sum is not', () => {
  assert.equal(concept('z_i = \\sum_{j \\le i} \\alpha_{ij} v_j'), 'masked-self-attention');
  assert.equal(concept('\\alpha_{ij} = \\mathrm{softmax}(q_i \\cdot k_j) \\quad \\forall j \\le i'), 'masked-self-attention');
  assert.notEqual(concept('z_i = \\sum_{j} \\alpha_{ij} v_j'), 'masked-self-attention');
});

test('attention scored between two positions of one sequence (x_tᵀx_s, (U_q x_t)ᵀ(U_k x_s)) is self-attention; a decoder state against encoder states is not', () => {
  assert.equal(concept('a_{ij} = \\frac{\\exp(e_i^\\top e_j)}{\\sum_{k} \\exp(e_i^\\top e_k)}'), 'self-attention');
  assert.equal(concept('a_{ij} = \\frac{\\exp((W_q z_i)^\\top (W_k z_j))}{\\sum_{k} \\exp((W_q z_i)^\\top (W_k z_k))}'), 'self-attention');
  assert.notEqual(concept('a_{ij} = \\frac{\\exp(s_{i-1}^\\top h_j)}{\\sum_k \\exp(s_{i-1}^\\top h_k)}'), 'self-attention');
});

test('a recurrence written forward (s_{t+1} = f(s_t, x_t)) or at a numbered step (s_2 = U x_2 + W s_1) is an RNN; layer after layer is not', () => {
  assert.equal(concept('s_{t+1} = g(s_t, x_t)'), 'rnn');
  assert.equal(concept('s_2 = U x_2 + W s_1'), 'rnn');
  assert.notEqual(concept('h_2 = W_2 h_1 + b_2'), 'rnn');
});

test('the statistician’s expit is the sigmoid; σ of a value plus or minus a margin is no turn of a tree; α₀, a₀ intercepts are a regression’s', () => {
  assert.ok(normaliseTex('p = \\text{expit}(\\eta)').includes('\\sigma(\\eta)'));
  assert.equal(concept('P(y = 1 | x) = \\operatorname{expit}(\\beta_0 + \\beta_1 x)'), 'logistic-regression');
  assert.notEqual(concept('\\sigma(x\\hat{\\beta} \\pm 1.96 s)'), 'hierarchical-softmax');
  assert.equal(concept('p(n, \\pm) = \\sigma(\\pm v_n^\\top h)'), 'hierarchical-softmax');
  assert.equal(concept('Y = \\alpha_0 + \\alpha_1 X_1 + \\alpha_2 X_2'), 'linear-regression');
});

test('the log of the odds written O(H | x), linear in x, is logistic regression; a complexity O(n log n) is not odds', () => {
  assert.equal(concept('\\log O(y = 1 \\mid x) = \\beta_0 + \\beta_1 x'), 'logistic-regression');
  assert.equal(concept('T(n) = O(n \\log n)'), null);
});

test('of two readings tied on the structure, the one the words speak of is named: y = Ax + b under a regression’s heading', () => {
  assert.equal(explainFormula('y = Ax + b', { context: { before: 'Ridge regression. We fit the model' } }).concept, 'linear-regression');
  // (The reason given is the regression's, not the layer's it tied with.)
  assert.match(explainFormula('y = Ax + b', { context: { before: 'Ridge regression. We fit the model' } }).why, /straight line/);
  assert.notEqual(concept('y = Ax + b'), 'linear-regression');
});

test('backpropagation’s own writing (σ′(z^l), dz^{[2]}) makes z the pre-activation; a step-size letter first in a change of weights is the learning rate', () => {
  assert.match(meaning('\\delta^l = ((w^{l+1})^T \\delta^{l+1}) \\odot \\sigma\'(z^l)', 'z'), /pre-activation/);
  assert.match(meaning('\\Delta w_j = \\eta (t - o) x_j', 'η'), /learning rate/);
  assert.doesNotMatch(meaning('\\Delta = \\eta + x', 'η'), /learning rate/);
});

test('code’s in-place update (W1 -= learning_rate * dW1) is the gradient step written out; a counter’s increment is not', { timeout: 10_000 }, () => {
  assert.equal(concept('W2 -= learning_rate * dW2', 'update the parameters'), 'gradient-descent');
  assert.equal(concept('i += 1'), null);
  const t0 = Date.now();
  normaliseTex(`w -=${' a'.repeat(4000)}`);
  normaliseTex(`${'w'.repeat(4000)} -= x`);
  assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
});

test('words that name nonlinear regression (非线性回归, non-linear regression) do not name linear regression', () => {
  assert.notEqual(explainFormula('y = \\frac{1}{a x + 1}', { context: { before: '这是非线性回归' } }).concept, 'linear-regression');
  assert.notEqual(explainFormula('y = \\frac{1}{a x + 1}', { context: { before: 'an example of non-linear regression' } }).concept, 'linear-regression');
  assert.equal(explainFormula('y = a x + b', { context: { before: '这是线性回归' } }).concept, 'linear-regression');
});

test('a score’s log-sum-exp: z_i − log Σ_j e^{z_j} is the log-softmax (with no softmax named), −z_y + log Σ_j e^{z_j} its loss', () => {
  assert.equal(concept('\\log\\text{Prob}(i) = z_i - \\log \\sum_{j=1}^{N} \\exp(z_j)'), 'softmax');
  assert.equal(concept('\\log p_i = z_i - \\log \\sum_{j} e^{z_j}'), 'softmax');
  assert.equal(concept('L_i = -s_{y_i} + \\log\\sum_j e^{s_j}'), 'cross-entropy');
  // (The lone term and the exponent must be one letter: a different score, or a sum of exponentials alone, is neither.)
  assert.equal(concept('\\log p_i = a_i - \\log \\sum_{j} e^{z_j}'), null);
  assert.equal(concept('L = -z_y + \\log \\sum_j e^{u_j}'), null);
  assert.equal(concept('\\mathrm{LSE}(x) = \\log \\sum_i \\exp(x_i)'), null);
});

test('the sigmoid’s slope at the end of a chain (da/dz = d/dz σ(z) = σ(z)(1 − σ(z))) and a regression line written out to β_p X_p', () => {
  assert.equal(concept('\\frac{da}{dz}=\\frac{d}{dz}\\sigma(z)=\\sigma(z)\\times(1-\\sigma(z))'), 'sigmoid');
  assert.equal(concept('s = \\sigma(z) \\cdot (1 - \\sigma(z))'), 'sigmoid');
  assert.notEqual(concept('\\frac{da}{dz}=\\frac{d}{dz}\\sigma(z)=\\sigma(z) x'), 'sigmoid');
  assert.equal(concept('f_L(X) = \\beta_0 + \\beta_1X_1+ \\beta_2X_2+\\dots + \\beta_pX_p'), 'linear-regression');
  // (Every term must be the intercept, a slope or the dots: a squared input, or dots alone, is not the line.)
  assert.equal(concept('f(X) = \\beta_0 + \\beta_1 X_1 + \\dots + \\beta_p X_p^2'), null);
  assert.equal(concept('f(X) = \\beta_0 + \\dots'), null);
});

test('in a network’s chain rule, y written only beside the output it is compared with (−y/a) is the label; differentiated, it is the output', () => {
  const labelled = 'dz = \\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z} = \\left(-\\frac{y}{a} + \\frac{1-y}{1-a}\\right) a(1-a)';
  assert.equal(explainFormula(labelled).concept, 'chain-rule');
  assert.match(meaning(labelled, 'y'), /true label/);
  assert.match(meaning(labelled, 'a'), /activation/);
  const through = '\\frac{\\partial C}{\\partial z} = \\frac{\\partial C}{\\partial y} \\frac{\\partial y}{\\partial z}';
  assert.equal(explainFormula(through).concept, 'chain-rule');
  assert.match(meaning(through, 'y'), /output/);
  assert.doesNotMatch(meaning(through, 'y'), /label/);
});

test('an update typed with <= before the same letter and a step is an assignment (w6 <= w6 − learning_rate · gradient · h2); a letter compared with another is not', () => {
  assert.equal(concept('w6 <= w6 - learning_rate * gradient * h2'), 'gradient-descent');
  assert.equal(concept('w1 \\le w1 - \\eta * g'), 'gradient-descent');
  assert.match(normaliseTex('w6 <= w6 - lr * g'), /\\leftarrow/);
  assert.doesNotMatch(normaliseTex('x <= y - \\eta g'), /\\leftarrow/);
  assert.doesNotMatch(normaliseTex('0 \\le x + 1'), /\\leftarrow/);
  // (So is a ~ before the same letter and a step; a letter distributed as something else stays a distribution.)
  // (Over the examples of a batch A with the rate over its size, a minibatch step; the − of an index, a^{l−1}, is no
  // difference in the step.)
  assert.equal(concept('w^l \\sim w^l - \\frac{\\alpha}{N} \\sum_{x \\in A} \\delta_x^l (a_x^{l-1})^T'), 'minibatch-sgd');
  assert.doesNotMatch(normaliseTex('z \\sim N(0, 1)'), /\\leftarrow/);
});

test('a regression line with each input before its coefficient and an example’s index (θ₀ + x_1^{(i)} θ₁ + … + x_n^{(i)} θ_n)', () => {
  assert.equal(concept('h_\\theta(x^{(i)})_{lin} = \\theta_0 + x_1^{(i)} \\theta_1 + x_2^{(i)} \\theta_2 + ... + x_n^{(i)} \\theta_n'), 'linear-regression');
  // (A squared input is a polynomial feature, not the line.)
  assert.notEqual(concept('y = \\theta_0 + x_1^{2} \\theta_1 + x_2 \\theta_2'), 'linear-regression');
});

test('a distance as a bare letter, d = Σ|x_i − y_i|, and Minkowski’s sum under the reciprocal of its power, [Σ (x_i − y_i)^m]^{1/m}', () => {
  assert.equal(concept('d = \\sum_{i=1}^{n}|x_{i}-y_{i}|'), 'norms');
  assert.equal(concept('d(A,B) = [\\sum\\limits_{i=1}^p(x_i-y_i)^m]^{\\frac1m}'), 'norms');
  assert.equal(concept('d(x,y) = \\left(\\sum_{i=1}^n (x_i - y_i)^p\\right)^{1/p}'), 'norms');
  // (The root must undo the power; a sum of plain differences, or a max for a bare letter, is not read as a distance.)
  assert.notEqual(concept('d(x,y) = \\left(\\sum_{i=1}^n (x_i - y_i)^p\\right)^{1/q}'), 'norms');
  assert.notEqual(concept('d = \\sum_i (x_i - y_i)'), 'norms');
  assert.notEqual(concept('d = \\max_i |x_i - y_i|'), 'norms');
});

test('a softmax whose denominator writes out the terms over the numerator’s own index (e^{z_k} / (e^{z_1} + e^{z_2} + ⋯ + e^{z_K}))', () => {
  assert.equal(concept('P(y=k) = \\frac{e^{z_k}}{e^{z_1}+e^{z_2}+ \\cdots + e^{z_K}}'), 'softmax');
  assert.equal(concept('P(y=k) = \\frac{e^{a^{(k)}X+b^{(k)}}}{e^{a^{(1)}X+b^{(1)}}+e^{a^{(2)}X+b^{(2)}}+ \\cdots + e^{a^{(K)}X+b^{(K)}}}'), 'softmax-regression');
  // (The denominator's scores must be the numerator's, only indexed otherwise.)
  assert.equal(concept('\\frac{e^{z_k}}{e^{w_1}+e^{w_2}+ \\cdots + e^{w_K}}'), null);
});

test('the sigmoid’s slope from its output written element-wise (a ⊙ (1 − a), code’s a .* (1 − a)), and a ReLU given as two equations with their conditions', () => {
  assert.equal(concept("g'(z^{(l)}) = a^{(l)}.*(1 - a^{(l)})"), 'sigmoid');
  assert.equal(concept("\\sigma'(z) = a \\odot (1 - a)"), 'sigmoid');
  assert.equal(concept('y = 0, \\text{ if } x < 0; y = x, \\text{ if } x \\geq 0.'), 'relu');
  assert.equal(concept('f(x) = 0 if x < 0, f(x) = x if x >= 0'), 'relu');
  assert.equal(concept('y = 1 if z > 0; y = 0 if z <= 0'), 'step-function');
  // (Two equations of different letters are not one function's cases.)
  assert.doesNotMatch(normaliseTex('y = 0 if x < 0; z = x if x >= 0'), /cases/);
});

test('sign written as a bare word, and sized braces as a function’s brackets (sign\\Big\\{ wᵀx + b \\Big\\}): the perceptron’s sign of a score', () => {
  assert.equal(concept('\\hat{y} = sign\\Big\\{ \\mathbf{w}^T \\cdot \\mathbf{x} + b \\Big\\}'), 'step-function');
  assert.equal(concept('\\hat{y} = sign(w^T x + b)'), 'step-function');
  assert.match(normaliseTex('f(x) = \\max\\Bigg\\{0, x\\Bigg\\}'), /\\max\s*\\\{0, x\\\}/);
  // (A word that is not followed by an argument stays a word.)
  assert.doesNotMatch(normaliseTex('\\text{the sign}'), /operatorname/);
});

test('the net input written as its word (tanh(net_j)): the tanh of a pre-activation', () => {
  assert.equal(concept('o_j = \\tanh(net_j)'), 'tanh');
  assert.equal(concept('y = \\sigma(net)'), 'sigmoid');
  // (Another word of three letters is not the net input.)
  assert.notEqual(concept('y = \\sigma(abc)'), 'sigmoid');
});

test('a condition in brackets after a layer’s equation (a^{(l)} = f(…) (2 ≤ l ≤ L)) leaves a^{(l)} the activation, and L counts the layers', () => {
  const tex = 'a^{(l)} = f(w^{(l)}a^{(l-1)}+b^{(l)})\\quad (2\\leqslant l\\leqslant L)';
  assert.match(meaning(tex, 'a^{(l)}'), /the activation: the output of the nonlinearity/);
  assert.match(meaning(tex, 'L'), /number of layers/);
  assert.match(meaning('h_t = \\tanh(W h_{t-1} + U x_t), 1 \\le t \\le T', 'T'), /number of steps/);
});

test('NNLM and NPLM name the fixed-window neural language model, perp(·) the perplexity, when a formula is written under those names', () => {
  const nnlm = recognise(normaliseTex('NNLM(x) = logsoftmax(tanh(xW^{1} + b^{1})W^{2} + b^{2})'));
  assert.equal(nnlm.candidates[0]?.id, 'fixed-window-lm');
  assert.match(nnlm.candidates[0]?.why ?? '', /^named/);
  assert.equal(recognise(normaliseTex('perp(W) = \\exp(-\\frac{1}{n}\\sum_{i=1}^{n} p(w_i | w_{i-1}))')).candidates[0]?.id, 'perplexity');
  // (⊥ written \perp is no name.)
  assert.notEqual(recognise(normaliseTex('u \\perp v')).candidates[0]?.id, 'perplexity');
});

test('bold shorthands by their \\mb and \\b prefixes (\\mbx, \\mbtheta, \\bW, \\btheta) read as bold letters; \\bf, \\bm, \\be, \\beta and \\bar keep their meanings', () => {
  assert.equal(concept('\\mbo_t = \\sigma(\\mbW_o \\mbh_{t-1} + \\mbU_o \\mbx_{t} + \\mbb_o)'), 'lstm');
  assert.equal(concept('\\bo_t = \\sigma(\\bW_o \\bh_{t-1} + \\bU_o \\bx_{t} + \\bb_o)'), 'lstm');
  assert.equal(normaliseTex('p(\\bx|\\btheta)').replace(/\s/g, ''), 'p(\\mathbf{x}|\\boldsymbol{\\theta})');
  assert.equal(normaliseTex('\\mbtheta^\\star').replace(/\s/g, ''), '\\boldsymbol{\\theta}^\\star');
  assert.match(normaliseTex('\\beta x'), /\\beta/);
  assert.match(normaliseTex('\\bar{x}'), /\\bar\{x\}/);
  assert.match(normaliseTex('\\bm{x}'), /\\boldsymbol\{x\}/);
  assert.doesNotMatch(normaliseTex('\\bigl( x \\bigr)'), /mathbf/);
});

test('a column-vector macro (\\colvec{2}{a}{b}) stacks its entries, and a weight matrix times a column of vectors is the matrix times their concatenation', () => {
  assert.match(normaliseTex('\\colvec{2}{\\vec{x}^{(l)}}{\\vec{x}^{(r)}}'), /\\begin\{bmatrix\} \\vec\{x\}\^\{\(l\)\} \\\\ \\vec\{x\}\^\{\(r\)\} \\end\{bmatrix\}/);
  assert.equal(concept('i_t = \\sigma(W_i \\begin{bmatrix} h_{t-1} \\\\ x_t \\end{bmatrix} + b_i)'), 'lstm');
  assert.match(normaliseTex('y = \\tanh(W \\begin{bmatrix} x_l \\\\ x_r \\end{bmatrix} + b)'), /W \[x_l; x_r\]/);
  // (Entries written out by number, or numbers, stay a vector; a colvec missing its entries is left as it is.)
  assert.match(normaliseTex('z = W \\begin{bmatrix} x_1 \\\\ x_2 \\end{bmatrix}'), /bmatrix/);
  assert.match(normaliseTex('z = W \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}'), /pmatrix/);
  assert.match(normaliseTex('\\colvec{3}{a}{b}'), /colvec/);
  // (The gates' block, (i f o g)ᵀ = (σ σ σ tanh)ᵀ W (h_{t−1}; x_t), a product of written-out matrices, is left as it is.)
  assert.match(normaliseTex('\\begin{pmatrix} i \\\\ f \\end{pmatrix} = \\begin{pmatrix} \\sigma \\\\ \\sigma \\end{pmatrix}W\\begin{pmatrix} h_{t-1} \\\\ x_t \\end{pmatrix}'), /W\\begin\{pmatrix\} h_\{t-1\}/);
});

test('math inside a text box after words and a comma (\\text{, falls $x < 0$}) comes out of the box; a penalty summed in a bracket of its own (Σ_{j,k} (W_{j,k}²)) is a penalty', () => {
  assert.match(normaliseTex("f'(x) = \\begin{cases} 0 &\\text{, falls $x < 0$}\\\\ 1 &\\text{, falls $x > 0$} \\end{cases}"), /\\text\{, falls \} x < 0/);
  assert.equal(concept('J(X, Y) = \\frac{1}{m} \\sum_{i=1}^{m} (y^{(i)} - \\hat{y}^{(i)})^2 + \\sum_{j, k} (W_{j,k}^2)'), 'regularization');
  assert.equal(concept('J(X, Y) = \\frac{1}{m} \\sum_{i=1}^{m} (y^{(i)} - \\hat{y}^{(i)})^2 + \\sum_{j, k} (|W_{j,k}|)'), 'regularization');
  // (A bracket of something other than the parameters is no penalty.)
  assert.notEqual(concept('S = \\sum_i (x_i - \\mu)^2 + \\sum_j (y_j^2)'), 'regularization');
});

test('letters: head_1, …, head_h counts the heads; dw after a rate written σ is the gradient; MSE_{train} = …, BCE_{loss} = … define the measure, not M·S·E', () => {
  assert.match(meaning('\\text{MultiHead}(Q, K, V) = \\text{Concat}(\\text{head}_1, \\dots, \\text{head}_h)W^O', 'h'), /how many there are/);
  assert.match(meaning('w:=w-\\sigma dw', 'dw'), /gradient of the loss with respect to w/);
  assert.match(meaning('MSE_{train} = \\frac{1}{n}\\sum_i (y_i - \\hat{y}_i)^2', 'MSE'), /mean squared error/);
  assert.match(meaning('BCE_{loss} = - [y \\log(p) + (1-y) \\log(1-p)]', 'BCE'), /binary cross-entropy/);
  assert.equal(meaning('MSE_{train} = \\frac{1}{n}\\sum_i (y_i - \\hat{y}_i)^2', 'M'), '');
});

test("Beamer's overlays (\\pause, \\uncover<2->{…}, \\only<1>{…}) are no math; a whole number with a decimal point (1.0) is the number", () => {
  assert.equal(normaliseTex('A = Q \\Lambda Q^T \\pause').trim(), 'A = Q \\Lambda Q^T');
  assert.equal(concept('\\uncover<2,4,6-|handout:1>{ A_i = \\operatorname{softmax} \\left( \\frac{K Q_i}{\\sqrt{D}} \\right) } \\quad \\uncover<3,5-|handout:2>{ Y_i = V^{\\top} A_i }'), 'scaled-dot-product-attention');
  assert.equal(normaliseTex('\\only<1>{x} + \\onslide<2-> y').replace(/\s+/g, ' ').trim(), '{x} + y');
  // (A macro of the note's own that only begins with \\pause is left alone.)
  assert.match(normaliseTex('x \\pauselevel{=1}'), /\\pauselevel/);
  assert.equal(normaliseTex('p = 1.0 / (1.0 + \\exp(-z))').replace(/\s/g, ''), 'p=1/(1+\\exp(-z))');
  assert.equal(explainFormula('preds = 1.0 / (1.0 + np.exp(-preds))').concept, 'sigmoid');
  // (Other decimals, and a version-like 2.0.1, keep their digits.)
  assert.match(normaliseTex('x = 0.05 + 1.5 + 2.0.1'), /0\.05 \+ 1\.5 \+ 2\.0\.1/);
});

test('Cauchy–Schwarz in single bars (|a · b| ≤ |a||b|) and with sized angle brackets; the triangle inequality is neither', () => {
  assert.equal(concept('|a\\cdot b|\\leq|a||b|'), 'cauchy-schwarz');
  assert.equal(concept('\\left\\langle x, y\\right\\rangle^2 \\leq \\left\\langle x,x\\right\\rangle \\left\\langle y,y\\right\\rangle = \\|x\\|^2 \\|y\\|^2'), 'cauchy-schwarz');
  assert.equal(concept('|a + b| \\le |a| + |b|'), null);
  assert.equal(concept('|x| \\le |x||y|'), null);
});

test('a quantity named by its word in a text box ((\\text{target} − \\text{pred})²) is read as that quantity; \\P before a bracket is a probability', () => {
  assert.equal(concept('\\text{L} = 0.5 \\cdot (\\text{target} - \\text{pred})^2'), 'mse');
  assert.match(normaliseTex('\\text{where } x'), /\\text\{where \}/);
  assert.match(normaliseTex('\\P(X \\mid Y) = \\P\\left(Y\\right)'), /\\mathbb\{P\}\(X \\mid Y\) = \\mathbb\{P\}\\left/);
  // (The pilcrow elsewhere is left as it is.)
  assert.match(normaliseTex('\\P x'), /\\P x/);
});

test('under words about negative sampling or the hierarchical softmax, a softmax over the whole vocabulary stays the full softmax', () => {
  const full = 'P(w_t | w_c) = \\frac{\\exp(f(w_t, w_c))}{\\sum_{w_i \\in V} \\exp(f(w_i, w_c))}';
  assert.equal(concept(full, 'Negative sampling. The denominator is expensive: we compute the exponent vocabulary-size times'), 'skipgram-softmax');
  assert.equal(concept(full, 'Hierarchical softmax replaces this costly sum'), 'skipgram-softmax');
  // (The sampled objective itself under the same words is negative sampling.)
  assert.equal(concept('\\log \\sigma(u_o^T v_c) + \\sum_{k=1}^K \\log \\sigma(-u_k^T v_c)', 'Negative sampling'), 'sgns');
});

test("letters: Andrew Ng's da^{<t>} and dW_{ax} are gradients in code notation; a lower-case top of an index range from a number (1 ≤ j ≤ n) counts", () => {
  assert.match(meaning('da^{<t>} = \\frac{\\partial J}{\\partial a^{<t>}}', 'da^{(t)}'), /gradient of the loss with respect to a\^\{\(t\)\}/);
  assert.match(meaning('dW_{ax} = dz x^T', 'dW_{ax}'), /gradient of the loss with respect to W_\{ax\}/);
  assert.match(meaning('\\Vert A \\Vert_{1} = \\max_{1 \\leq j \\leq n}\\sum_{i=1}^m |a_{ij}|', 'n'), /largest value the index j takes/);
  // (A differential after a function, ∫ f(x) dx_i, is no gradient; a bound of a variable, 0 ≤ x ≤ a, counts nothing.)
  assert.doesNotMatch(meaning('\\int f(x) dx_i', 'x_i'), /gradient/);
  assert.doesNotMatch(meaning('0 \\le x \\le a', 'a'), /largest value/);
});

test("the hierarchical softmax written out for one word, σ(u_{n(w,1)}ᵀv_c) · σ(−u_{n(w,2)}ᵀv_c) · …: the node notation says it is the tree path, not negative sampling", () => {
  assert.equal(concept('P(w_3 \\mid w_c) = \\sigma(\\mathbf{u}_{n(w_3, 1)}^\\top \\mathbf{v}_c) \\cdot \\sigma(-\\mathbf{u}_{n(w_3, 2)}^\\top \\mathbf{v}_c) \\cdot \\sigma(\\mathbf{u}_{n(w_3, 3)}^\\top \\mathbf{v}_c)'), 'hierarchical-softmax');
  // (Sampled words' vectors without node notation stay negative sampling.)
  assert.equal(concept('\\sigma(\\mathbf{u}_o^\\top \\mathbf{v}_c) \\cdot \\sigma(-\\mathbf{u}_{k}^\\top \\mathbf{v}_c)'), 'sgns');
});

test('two derivatives linked through their shared variable and multiplied element-wise (⊙) are the chain rule; a line that only declares shapes (W^Q, W^K ∈ ℝ^{d×d_k}, W^V ∈ …) claims nothing', () => {
  assert.equal(concept('\\delta^{(L)} = \\frac{\\partial J}{\\partial a^{(L)}} \\odot \\frac{\\partial a^{(L)}}{\\partial z^{(L)}}'), 'chain-rule');
  assert.equal(concept('W_h^Q, W_h^K \\in \\mathbb{R}^{d \\times d_k}, \\quad W_h^V \\in \\mathbb{R}^{d \\times d_v}.'), null);
  // (A formula with a declaration beside it is still the formula.)
  assert.equal(concept('h_t = \\tanh(W h_{t-1} + U x_t), \\quad W \\in \\mathbb{R}^{d \\times d}'), 'rnn');
  assert.equal(concept('Q_h = XW_h^Q,\\quad K_h = XW_h^K, \\quad V_h = XW_h^V'), 'multi-head-attention');
});

test('a numbered word given the run just before it: from a later word, P(w_3 | w_2) and P(w_4 | w_2, w_3), an n-gram window; from w_0, the whole prefix', () => {
  assert.equal(concept('p(w_3|w_2)'), 'ngram-markov');
  assert.equal(concept('P(w_4 \\mid w_2, w_3)'), 'ngram-markov');
  assert.equal(concept('p(w_2 | w_0, w_1)'), 'language-model');
  // (Not a run ending just before the word, nor letters other than words.)
  assert.equal(concept('P(w_4 \\mid w_1, w_2)'), null);
  assert.equal(concept('P(x_3 \\mid x_2)'), null);
});

test('letters: N in a power 1/N or −1/N counts what the root averages over (the words, in the perplexity); the same letter as a power inside is the order of the norm', () => {
  assert.match(meaning('\\text{ppl}(w_1, \\dots, w_n) = p(w_1, \\dots, w_n)^{-\\frac{1}{N}}', 'N'), /number of words/);
  assert.match(meaning('G = (x_1 x_2 \\cdots x_n)^{1/m}', 'm'), /how many there are: the power 1\/m takes the m-th root/);
  assert.match(meaning('\\|x\\|_p = \\left(\\sum_i |x_i|^p\\right)^{1/p}', 'p'), /the order p/);
  // (A power that is not one over a letter says nothing of a count.)
  assert.doesNotMatch(meaning('y = x^{2/N}', 'N'), /how many there are: the power/);
});

test('letters: dL/dw written with d is the gradient of L with respect to w, as ∂L/∂w is; d/dx alone and dy/dt with another letter on top are not', () => {
  assert.match(meaning('m_{k} = \\beta_1 m_{k-1} + (1-\\beta_1) \\frac{dL}{dw}', 'dL/dw'), /gradient \(partial derivative\) of L with respect to w/);
  assert.doesNotMatch(meaning('y = \\frac{a}{dw}', 'a/dw'), /gradient/);
  assert.doesNotMatch(meaning('v = \\frac{dy}{dt}', 'dy/dt'), /loss/);
  // (A fraction with nothing on top is explained, not thrown on.)
  assert.equal(explainFormula('y = \\frac{}{d x}').concept, null);
});

test('cases rows written without &, `0 \\quad \\text{if } x < 0`, split before the word that opens the condition; code’s ReLU z * (z > 0); the 0–1 loss with its condition below the one; norms bounding one another are no penalised loss', () => {
  assert.equal(concept('f(x) = \\begin{cases} 0 \\quad \\text{if } x < 0 \\\\ x \\quad \\text{if } x \\geq 0 \\end{cases}'), 'relu');
  assert.equal(concept('f(x) = \\begin{cases} 1 \\quad \\text{if } x \\ge 0 \\\\ 0 \\quad \\text{otherwise} \\end{cases}'), 'step-function');
  assert.equal(concept('y = x * (x > 0)'), 'relu');
  // (Another letter tested, or a test other than positive, is no ReLU.)
  assert.equal(concept('y = x * (w > 0)'), null);
  assert.equal(concept('y = x * (x < 0)'), null);
  assert.equal(concept('l(f(X), Y) = \\mathbf{1}_{f(X) \\neq Y}'), 'zero-one-loss');
  // (Indices unequal below the one are a Kronecker-like mask, not a mistake.)
  assert.equal(concept('a_{ij} = \\mathbb{1}_{i \\neq j}'), null);
  assert.equal(concept('\\|\\lambda x + (1-\\lambda)y\\| \\le \\|\\lambda x\\| + \\|(1-\\lambda)y\\| \\le \\lambda\\|x\\| + (1-\\lambda)\\|y\\|'), null);
  assert.equal(concept('J(w) = L(w) + \\lambda \\|w\\|^2'), 'regularization');
});

test('a logistic model fitted with numbers (log p(X)/(1 − p(X)) = −6 + 0.05X₁ + X₂) is logistic regression; an input whose coefficient is 1 stands alone', () => {
  assert.equal(concept('\\log\\left(\\frac{p(X)}{1-p(X)}\\right) = -6 + 0.05X_1 + X_2'), 'logistic-regression');
  // (The case of the input slipping between numerator and denominator.)
  assert.equal(concept('\\log\\left(\\frac{p(X)}{1-p(x)}\\right) = -6 + 0.05X_1 + X_2'), 'logistic-regression');
  assert.equal(concept('p(X) = \\frac{e^{-6 + 0.05X_1 + X_2}}{1 + e^{-6 + 0.05X_1 + X_2}}'), 'logistic-regression');
  // (Inputs alone, with no fitted slope, are no fitted line; nor is a number to the left of no probability.)
  assert.notEqual(concept('\\log\\left(\\frac{p}{1-p}\\right) = X_1 + X_2 + X_3 + 2'), 'linear-regression');
  assert.equal(concept('y = x + 1'), null);
});

test("Adam's first moment under any letter outside the root (α v_t/√(G_t + ε)) keeps the block Adam; a lone average under the root is RMSProp's", () => {
  const adam = '\\begin{aligned} v_i &= \\beta_1 v_{i-1} + (1-\\beta_1) \\bigg( \\frac{\\partial L}{\\partial w_{i-1}}\\bigg)\\\\ G_i &= \\beta_2 G_{i-1} + (1-\\beta_2)\\bigg( \\frac{\\partial L}{\\partial w_{i-1}} \\bigg)^2 \\\\ w_i &= w_{i-1} - \\frac{\\alpha v_i}{\\sqrt{G_i + \\varepsilon}} \\end{aligned}';
  assert.equal(concept(adam), 'adam');
  assert.notEqual(concept('\\begin{aligned} v_t &= \\gamma v_{t-1} + (1-\\gamma) g_t^2 \\\\ \\theta_{t} &= \\theta_{t-1} - \\frac{\\eta}{\\sqrt{v_t + \\epsilon}} g_t \\end{aligned}'), 'adam');
  assert.notEqual(concept('\\begin{aligned} s_t &= \\beta s_{t-1} + (1-\\beta) g_t^2 \\\\ w_{t} &= w_{t-1} - \\frac{\\alpha g_t}{\\sqrt{s_t} + \\epsilon} \\end{aligned}'), 'adam');
});

test("the target's density a Gaussian around xᵀθ (the input transposed, or φ(x)ᵀθ written out as a sum) is linear regression, with its noise ε ∼ 𝒩(0, σ²) beside it; Typst's tilde.op is ∼", () => {
  assert.equal(concept('p(t \\mid \\mathbf{x}, \\mathbf{w}) = \\mathcal{N}(t \\mid \\mathbf{x}^\\top \\mathbf{w}, s^2) \\iff t = \\mathbf{x}^\\top \\mathbf{w} + \\varepsilon, \\; \\varepsilon \\sim \\mathcal{N}(0, s^2)'), 'linear-regression');
  assert.equal(concept('p(t | x, w) = \\mathcal{N}(t | \\phi^T(x) w, s^2) \\iff t = \\sum_{j=0}^{M-1} w_j \\phi_j(x) + \\epsilon'), 'linear-regression');
  assert.equal(concept('t tilde.op cal(N)(w^T x, s^2)'), 'linear-regression');
  // (A second Gaussian that is no noise term is a prior: the model is Bayesian; a sum of densities is a likelihood.)
  assert.notEqual(concept('t \\sim \\mathcal{N}(x^\\top w, s^2), \\quad w \\sim \\mathcal{N}(0, a^2)'), 'linear-regression');
  assert.notEqual(concept('\\sum_{n} \\mathcal{N}(t_n | x_n^\\top w, s^2)'), 'linear-regression');
});

test("Bayes' theorem with every factor also given the model's parameters, p(h | D, α) = p(D | h, α) p(h)/p(D | α), or with a prior written π(θ) and the likelihood f(x | θ)", () => {
  assert.equal(concept('p(h \\mid \\mathcal{D}, \\alpha) = \\frac{p(\\mathcal{D} \\mid h, \\alpha) p(h)}{p(\\mathcal{D} \\mid \\alpha)}'), 'bayes-rule');
  assert.equal(concept('\\pi(\\mu \\mid y) = \\frac{f(y \\mid \\mu) \\pi(\\mu)}{\\int f(y \\mid \\mu) \\pi(\\mu) \\, d\\mu}'), 'bayes-rule');
  // (An evidence given a letter the likelihood is not given is no Bayes' theorem.)
  assert.notEqual(concept('p(a \\mid b) = \\frac{p(b \\mid a) p(a)}{p(b \\mid c)}'), 'bayes-rule');
  // (A ratio of two policies is an importance weight.)
  assert.notEqual(concept('\\frac{\\pi(a \\mid s)}{\\pi_{old}(a \\mid s)} A'), 'bayes-rule');
});

test('shapes set under letters (\\underset{N \\times 3}{Z}) annotate them and a phantom reserves room only; a bold letter before its time in brackets, h(t − 1), is the state at that step', () => {
  assert.equal(concept('\\underset{\\scriptscriptstyle B \\times 4}{\\mathbf{A}} = \\underset{\\scriptscriptstyle B \\times 5}{\\vphantom{\\mathbf{V}}\\mathbf{U}}\\cdot\\underset{\\scriptscriptstyle 5 \\times 4}{\\mathbf{V}} + \\underset{\\scriptscriptstyle 1 \\times 4}{\\mathbf{c}}'), 'affine-layer');
  assert.match(normaliseTex('\\underset{n \\times 1}{\\mathbf{y}} = \\hphantom{xx} \\mathbf{y}'), /^\s*\\mathbf\{y\}\s*=\s*\\mathbf\{y\}$/);
  // (Set under an operator, the limits stay the operator's.)
  assert.match(normaliseTex('\\underset{w \\times v}{\\max} f'), /\\max_\{w \\times v\}/);
  assert.equal(concept('\\mathbf{s}(t) = \\tanh(\\mathbf{A} \\mathbf{x}(t) + \\mathbf{B} \\mathbf{s}(t-1))'), 'rnn');
  // (A bold letter before a bracket that holds no time is a product.)
  assert.notEqual(concept('\\mathbf{y} = \\mathbf{W}(\\mathbf{x} + \\mathbf{b})'), 'rnn');
});

test('the cross-entropy as the entropy and the divergence, CE(P, Q) = H(P) + D_KL(P ‖ Q), is no distillation loss; v̄, the averaged context vector, makes a softmax objective CBOW', () => {
  assert.equal(concept('\\mathrm{CE}(A, B) = H(A) + D_{\\mathrm{KL}}(A \\| B)'), 'cross-entropy');
  assert.equal(concept('CrossEntropy = H(a, b) = D_{KL}(a \\| b) + H(a)'), 'cross-entropy');
  // (A loss adding a cross-entropy to the labels and a divergence from a teacher stays the distillation loss.)
  assert.equal(concept('L = \\mathrm{CE}(y, s) + T^2 D_{KL}(t \\| s)'), 'distillation-loss');
  assert.equal(concept('\\log P(w_k \\mid \\mathcal{C}_k) = \\mathbf{u}_k^\\top \\bar{\\mathbf{v}}_k - \\log \\sum_{j \\in \\mathcal{V}} \\exp(\\mathbf{u}_j^\\top \\bar{\\mathbf{v}}_k)'), 'cbow');
  assert.equal(concept('\\log P(w_k \\mid w_c) = \\mathbf{u}_k^\\top \\mathbf{v}_c - \\log \\sum_{j \\in \\mathcal{V}} \\exp(\\mathbf{u}_j^\\top \\mathbf{v}_c)'), 'skipgram-softmax');
});

test('weights indexed by the summed letters reading the input at a shifted place, Σ_l Σ_m w_{l,m} a_{j+l,k+m} + b, are a convolution: no layer of all the inputs is named', () => {
  assert.equal(explainFormula('o_{r,s} = c + \\sum_{p=0}^{2} \\sum_{q=0}^{2} w_{p,q} u_{r+p, s+q}', { display: true }).concept, null);
  assert.equal(explainFormula('y_i = \\sum_{k=0}^{K-1} w_k x_{i+k} + b', { display: true }).concept, null);
  // (A sum over all the inputs, or a window of words, is not one.)
  assert.equal(concept('o_r = \\sum_{p} w_{rp} u_p + c_r'), 'affine-layer');
  assert.equal(concept('J = -\\frac{1}{T}\\sum_{t=1}^T \\sum_{-c \\le j \\le c, j \\ne 0} \\log p(w_{t+j} | w_t)'), 'skipgram');
});

test('cases laid out in an aligned block with empty cells, `& u_k & & \\text{if } u_k > 0`, keep their values; the value the very letter its condition compares with 0 is ReLU', () => {
  assert.equal(concept('q_k = \\left\\{ \\begin{aligned} & u_k & & \\text{if } u_k > 0 \\\\ & 0 & & \\text{else} \\end{aligned} \\right.'), 'relu');
  assert.equal(concept('q_k = \\left\\{ \\begin{aligned} & u_k & & \\text{if } u_k > 0 \\\\ & 0.2 u_k & & \\text{else} \\end{aligned} \\right.'), 'leaky-relu');
  assert.equal(recognise('g(s) = \\begin{cases} s, & s \\geq 0 \\\\ 0, & s < 0 \\end{cases}').candidates[0].why, 'cases x where x > 0, 0 otherwise');
  // (Another letter kept where the condition holds is the plainer reading, not the firm one.)
  assert.notEqual(recognise('g(s) = \\begin{cases} r, & s \\geq 0 \\\\ 0, & s < 0 \\end{cases}').candidates[0]?.why, 'cases x where x > 0, 0 otherwise');
});

test('the probability that a classifier is wrong, P(g(X) ≠ Y), is the 0–1 loss in expectation; a probability that a number is not 0 is not', () => {
  assert.equal(concept('\\mathrm{err}(f) = P\\left(f(X) \\neq Y\\right)'), 'zero-one-loss');
  assert.equal(concept('R = \\Pr(y \\ne h(x))'), 'zero-one-loss');
  assert.equal(concept('P(X \\neq 0)'), null);
  assert.equal(concept('P(f(x) \\neq y \\mid x)'), null);
});

test('a length written out under a plain name, r = √(Σ_k u_k²), or a p-norm with no name, (Σ_k |u_k|^q)^{1/q}, is a norm; a root of anything else is not', () => {
  assert.equal(concept('r = \\sqrt{\\sum_k u_k^2}'), 'norms');
  assert.equal(concept('R_m = \\sqrt{\\sum_k U_{mk}^2}'), 'norms');
  assert.equal(concept('\\left(\\sum_{k} |u_{k}|^{q}\\right)^{\\frac{1}{q}}'), 'norms');
  assert.equal(concept('r = \\sqrt{\\sum_k u_k^2 v_k}'), null);
  // (A letter divided by such a root is normalised, not a norm.)
  assert.notEqual(concept('r_k = \\frac{u_k}{\\sqrt{\\sum_j u_j^2}}'), 'norms');
});

test('−ln of one probability worked out: with a loss on the left one example\'s cross-entropy; alone, cross-entropy or surprisal, which only the words tell', () => {
  assert.equal(concept('L = -\\ln(0.25) = 1.386'), 'cross-entropy');
  assert.equal(concept('q = 0.4, \\; L = -\\ln(0.4) \\approx 0.92'), 'cross-entropy');
  const alone = recognise('-\\log(0.125) = 3');
  assert.deepEqual(alone.candidates.slice(0, 2).map((c) => c.id).sort(), ['cross-entropy', 'surprisal']);
  assert.equal(alone.concept, null);
  assert.equal(concept('-\\log(0.125) = 3', 'the surprisal of this event is'), 'surprisal');
  // (A letter's log, or a log of a number above 1, is not this.)
  assert.notEqual(concept('L = -\\ln(4) = -1.386'), 'cross-entropy');
});

test('0 where the prediction is the label and 1 otherwise, `0 if ŷ = y`, `0 if y = y′`, is the 0–1 loss; 0 where two indices agree is not, and 1 where one quantity exceeds another is a mask, no step', () => {
  assert.equal(concept('\\ell(y, \\hat{y}) = \\begin{cases} 0 & \\text{if } \\hat{y} = y \\\\ 1 & \\text{otherwise} \\end{cases}'), 'zero-one-loss');
  assert.equal(concept("\\ell(u, v, v') = \\begin{cases} 0 & if v = v' \\\\ 1 & \\text{otherwise} \\end{cases}".replace(/v/g, 'y')), 'zero-one-loss');
  assert.equal(recognise('\\ell(y, \\hat{y}) = \\begin{cases} 0 & \\text{if } \\hat{y} = y \\\\ 1 & \\text{otherwise} \\end{cases}').firm, true);
  assert.equal(concept('d_{ij} = \\begin{cases} 0 & i = j \\\\ 1 & \\text{otherwise} \\end{cases}'), null);
  assert.equal(concept('M_k = \\left\\{ \\begin{aligned} & 1 & & \\text{if } A_k > B_k \\\\ & 0 & & \\text{otherwise} \\end{aligned} \\right.'), null);
  assert.equal(concept('M_{kj} = \\begin{cases} 1 & \\text{if } j < \\min(A_k, n) \\\\ 0 & \\text{otherwise} \\end{cases}'), null);
  // (A unit's input against its threshold stays the step.)
  assert.equal(concept('y = \\begin{cases} 1 & \\text{if } w^\\top x + b > 0 \\\\ 0 & \\text{otherwise} \\end{cases}'), 'step-function');
});

test('code-ish notes: `dot` typed between two operands is their product, `dU[2]` is the gradient at layer 2, and a range typed as words after the formula, `for k = 1 to N`, is what its index runs over', () => {
  assert.match(normaliseTex('P[2] = U[2] dot H[1] + c[2]'), /^P_\{2\} = U_\{2\} \S*\s*H_\{1\} \+ c_\{2\}$/);
  assert.equal(normaliseTex('\\text{the dot product}'), '\\text{the dot product}');
  assert.match(normaliseTex('U[2] = U[2] - lr * dU[2]'), / dU_\{2\}$/);
  assert.match(normaliseTex('q(vk) = exp(vk) / sum(exp(vm)) for m = 1 to N'), /\\quad \\text\{for \} m = 1, \\ldots, N$/);
  const sm = explainFormula('softmax(v_k) = exp(v_k) / sum(exp(v_m)) for m = 1 to N', { display: true });
  assert.equal(sm.concept, 'softmax');
  assert.ok(sm.symbols.some((s) => s.symbol === 'N' && /number/.test(s.meaning)), 'N is explained');
  const layer = explainFormula('Z[3] = W[3] dot A[2] + b[3]', { display: true });
  assert.equal(layer.concept, 'affine-layer');
  assert.ok(!layer.symbols.some((s) => s.symbol === 'o'), 'no letters of the word dot');
});

test('projections written bold as one box, \\textbf{HW}^{(k)}, or onto the inputs called I, K = W^k I, are self-attention\'s; Δv = −∂E/∂v is a gradient step with its rate left out', () => {
  assert.equal(concept('\\textbf{K} = \\textbf{HW}^{(k)}'), 'self-attention');
  assert.match(normaliseTex('\\mathbf{KL}(p \\| q)'), /\\mathbf\{KL\}/);
  assert.equal(concept('K = W^{k} I'), 'self-attention');
  assert.equal(concept('\\Delta v_{ab} = -\\frac{\\partial E}{\\partial v_{ab}}'), 'gradient-descent');
  // (Not a loss's derivative, or another letter's: no step of this one.)
  assert.equal(concept('\\Delta x = -\\frac{\\partial f}{\\partial x}'), null);
  assert.equal(concept('\\Delta v = -\\frac{\\partial E}{\\partial u}'), null);
});

test("positions raised in brackets, w^{(s)} given w^{(s−c)} … w^{(s+c)}, are CBOW's window; cells holding only `if`, and a number before its condition in brackets, 0(h = y), are cases; a bare primed name, relu' = …, is a derivative", () => {
  assert.equal(concept('-\\sum_{s=1}^S \\log P(w^{(s)} \\mid w^{(s-c)}, \\ldots, w^{(s-1)}, w^{(s+1)}, \\ldots, w^{(s+c)})'), 'cbow');
  assert.equal(concept("relu' = \\begin{cases} 0 & if & z < 0 \\\\ 1 & if & z > 0 \\end{cases}"), 'relu');
  assert.equal(concept('\\ell(h, y) = \\begin{cases} 0 (h = y) \\\\ 1 (h \\neq y) \\end{cases}'), 'zero-one-loss');
  assert.equal(concept('g(z) = \\begin{cases} z & \\text{if} & z > 0 \\\\ 0 & \\text{if} & z \\leq 0 \\end{cases}'), 'relu');
});

test('δ holding a prediction unequal to its label counts mistakes, and a cost of a prediction and a target with the example\'s index raised, C(g(x^k), y^k), summed over k, is the empirical risk', () => {
  assert.equal(concept('E(g) = \\sum_k \\delta(g(x^k) \\neq y^k)'), 'zero-one-loss');
  // (Indices unequal are no mistake: δ(i ≠ j) is no loss.)
  assert.equal(concept('\\delta(i \\neq j)'), null);
  assert.equal(concept('R(g) = \\sum_k C(g(x^k), y^k)'), 'empirical-risk');
  // (An index raised that is not the sum's: no example's cost.)
  assert.equal(concept('R = \\sum_k C(a^j, b)'), null);
});

test('the parameters after a semicolon, argmax_θ p(𝒟; θ), are maximum likelihood; BLSTM and the pyramidal pBLSTM name a bidirectional RNN; a decoder and an encoder state each through a function, ⟨φ(s_t), ψ(h_j)⟩ typed with ASCII brackets, are attention\'s score', () => {
  assert.equal(concept('\\theta^{\\star} = \\arg\\max_{\\theta} p(\\mathbf{Y}; \\theta)'), 'maximum-likelihood');
  // (A semicolon with no parameter after it maximises something else.)
  assert.equal(concept('\\hat{a} = \\arg\\max_a p(a; b)'), null);
  assert.equal(concept('g_t^k = \\text{BLSTM}(g_{t-1}^k, g_t^{k-1})'), 'bidirectional-rnn');
  assert.equal(concept('g_t^k = \\mathrm{pBLSTM}(g_{t-1}^k, [g_{2t}^{k-1}, g_{2t+1}^{k-1}])'), 'bidirectional-rnn');
  assert.match(normaliseTex('e_{t,j} = <\\phi(s_t), \\psi(h_j)>'), /\\top/);
  assert.equal(concept('e_{t,j} = <\\phi(s_t), \\psi(h_j)>'), 'attention');
  assert.equal(concept('e_{t,j} = \\langle \\Phi(s_t), \\Psi(h_j) \\rangle'), 'attention');
  // (Two states of one sequence, or a kernel of two inputs: no decoder scoring an encoder.)
  assert.equal(concept('e_{t,j} = \\langle \\phi(s_t), \\phi(s_j) \\rangle'), null);
  assert.equal(concept('k(x, z) = \\langle \\phi(x), \\phi(z) \\rangle'), null);
});

test('one letter\'s functions per layer applied inside each other, counted down inward (φ_D(φ_{D−1}(⋯ φ_1(u)))) or f^{(4)}(f^{(3)}(f^{(2)}(v)))), are a network of layers; counted up, g_1(g_2(⋯ g_k(v))), any composition', () => {
  assert.equal(concept('F(u) = g_L(g_{L-1}(\\cdots(g_1(u))\\cdots))'), 'mlp');
  assert.equal(concept('F(v) = h^{(4)}(h^{(3)}(h^{(2)}(v)))'), 'mlp');
  assert.equal(concept('F(v) = h^{(L)}[\\cdots h^{(1)}[v]]'), 'mlp');
  assert.equal(concept('F(v) = g_1(g_2(\\cdots(g_k(v))))'), null);
  // (Two functions and no more, no depth and no ellipsis: a composition of two.)
  assert.equal(concept('F(v) = g_2(g_1(v))'), null);
});

test('the softmax\'s Jacobian written entry by entry, ∂S(a_k)/∂a_m = −S(a_k)S(a_m) and = S(a_k)(1 − S(a_k)), is the softmax\'s (the indices that differ say it is no sigmoid\'s slope); a projection written the other way round, H W^k = K, is the key role', () => {
  assert.equal(concept('\\frac{\\partial S(a_k)}{\\partial a_m} = - S(a_k)S(a_m)'), 'softmax');
  assert.equal(concept('\\frac{\\partial p_k}{\\partial a_m} = p_k(1 - p_k)'), 'softmax');
  // (One index on both sides: the sigmoid's slope at a unit.)
  assert.equal(concept('\\frac{\\partial \\sigma(a_k)}{\\partial a_k} = \\sigma(a_k)(1 - \\sigma(a_k))'), 'sigmoid');
  assert.equal(concept('H W^k = K'), 'self-attention');
  // (No role on the weight: any product of matrices.)
  assert.equal(concept('H W = K'), null);
});

test('a Bernoulli likelihood written as the data set\'s probability, p(𝒟 | θ) = Π θ^{x_n}(1 − θ)^{1−x_n}, or as the class probabilities raised to the label, Π P(Y = 1 | x_n)^{t_n} P(Y = 0 | x_n)^{1−t_n}, is maximum likelihood', () => {
  assert.equal(concept('p(D | \\theta) = \\prod_{n=1}^{N} \\theta^{x_n}(1-\\theta)^{1-x_n}'), 'maximum-likelihood');
  assert.equal(concept('\\prod_{n=1}^{N} P(Y=1 | x_n)^{t_n} P(Y=0 | x_n)^{1-t_n}'), 'maximum-likelihood');
  // (One factor raised to the label, no complement: not the two classes' likelihood.)
  assert.equal(concept('\\prod_{n=1}^{N} P(Y=1 | x_n)^{t_n}'), null);
});

test('a layer without a bias or brackets, a^ℓ = V a^{ℓ−1}, and a score function with the matrix among its arguments, g(v, U) = U v, are an affine layer; a data matrix among the arguments stays the linear model', () => {
  assert.equal(concept('a^\\ell = V a^{\\ell-1}'), 'affine-layer');
  assert.equal(concept('g(v, U) = U v'), 'affine-layer');
  // (A step, not a layer: the script is time.)
  assert.equal(concept('a^{t} = V a^{t-1}'), null);
  assert.equal(concept('g(v) = U v'), null);
});

test('one centre word\'s window under a single product, Π_{−c ≤ k ≤ c, k ≠ 0} P(w_{i+k} | w_i), is skip-gram; an alignment score computed by a named network, e_{ik} = FFN(s_{i−1}, h_k), is additive attention', () => {
  assert.equal(concept('\\prod_{-c \\le k \\le c, k \\ne 0} P(w_{i+k} | w_i)'), 'skipgram');
  assert.equal(concept('\\prod_{k=1}^{c} P(w_{i+k} | w_i)'), null);
  assert.equal(concept('e_{ik} = \\mathrm{FFN}(s_{i-1}, h_k)'), 'mlp-attention');
  assert.equal(concept('e_{ik} = \\text{MLP}([s_{i-1}; h_k])'), 'mlp-attention');
  // (A network of one input: no score of a pair.)
  assert.equal(concept('e_{ik} = \\text{MLP}(h_k)'), 'mlp');
});

test('an attention weight times its state written with a dot, Σ_i α_{ki} · h_i, is a weighted sum, not a query against a key; seq2seq reads c as the context vector and y as the target token', () => {
  assert.equal(concept('c_k = \\sum_{i=1}^{N} \\alpha_{k,i} \\cdot h_i'), 'attention');
  assert.match(meaning('c_k = \\sum_{i=1}^{N} \\alpha_{k,i} \\cdot h_i', 'α_{k, i}'), /attention weight/);
  assert.doesNotMatch(meaning('c_k = \\sum_{i=1}^{N} \\alpha_{k,i} \\cdot h_i', 'α_{k, i}'), /query/);
  // (Two states with a dot between them are still scored against each other.)
  assert.match(meaning('\\alpha_{k,i} = \\frac{\\exp(s_k \\cdot h_i)}{\\sum_j \\exp(s_k \\cdot h_j)}', 's_k'), /query/);
  const tex = 'p(y_t \\mid y_{<t}, c) = g(y_{t-1}, s_t, c)';
  assert.equal(concept(tex), 'seq2seq');
  assert.match(meaning(tex, 'c'), /context vector/);
  assert.match(meaning(tex, 'y_{t−1}'), /target/);
  assert.match(meaning(tex, 's_t'), /decoder hidden state/);
});

test('the softmax\'s Jacobian in cases, {s_a(1 − s_a) if a = b; −s_a s_b if a ≠ b}, or as one matrix, diag(s) − s sᵀ, is the softmax\'s; a matrix dotted with its input, σ(V · u), is a layer', () => {
  assert.equal(concept('\\frac{\\partial s_a}{\\partial u_b} = \\begin{cases} s_a(1 - s_a) & a = b \\\\ -s_a s_b & a \\neq b \\end{cases}'), 'softmax');
  // (The off-diagonal entry zero: no softmax.)
  assert.equal(concept('\\frac{\\partial s_a}{\\partial u_b} = \\begin{cases} s_a(1 - s_a) & a = b \\\\ 0 & a \\neq b \\end{cases}'), null);
  assert.equal(concept('\\frac{\\partial s}{\\partial u} = \\mathrm{diag}(s) - s s^\\top'), 'softmax');
  assert.equal(concept('J = \\operatorname{diag}(q) - q q^T'), 'softmax');
  // (Another vector's outer product: no Jacobian of the softmax.)
  assert.equal(concept('\\frac{\\partial s}{\\partial u} = \\mathrm{diag}(s) - r r^\\top'), null);
  assert.equal(concept('h = \\sigma(V \\cdot u)'), concept('h = \\sigma(V u)'));
  assert.equal(concept('h = \\sigma(V \\cdot u)'), 'affine-layer');
});

test('plain text with a capital sigma or pi and its index glued on, `Πt p(xt | x<t)`, `Σi yi log ŷi`, reads the index as the operator\'s and the letters\'', () => {
  assert.equal(normaliseTex('q(z1, …, zN) = Πt q(zt | z<t)'), 'q(z_{1}, …, z_{N}) = \\prod_{t}  q(z_{t} | z_{<t})');
  assert.equal(normaliseTex('C = -Σk tk log ŷk'), 'C = -\\sum_{k}  t_{k} \\log \\hat{y}_{k}');
  // (A comparison not after a bar or a comma stays one; one letter with an index and no habit stays as written.)
  assert.equal(normaliseTex('if u<t then'), 'if u<t then');
  assert.equal(normaliseTex('ai'), 'ai');
  assert.equal(concept('q(z1, …, zN) = Πt q(zt | z<t)'), 'language-model');
});

test('a fraction drawn over three plain-text lines, `1 g(u) = ------ 1 + e^(-u)`, is that fraction; the Markov assumption stated with an equals sign is the n-gram model; a Bernoulli exponent in brackets of its own, (1 − ŷ)^{(1−y)}, is the same Bernoulli; x′ = f_θ(g_φ(x)) reconstructs x', () => {
  assert.equal(normaliseTex('1 g(u) = ---------- 1 + e^(-u)'), 'g(u) = \\frac{1}{1 + e^{-u}}');
  assert.equal(concept('1 g(u) = ---------- 1 + e^(-u)'), 'sigmoid');
  // (Dashes with nothing under them are no fraction.)
  assert.equal(normaliseTex('g = ----'), 'g = ----');
  assert.equal(concept('P(v_k | v_1, \\ldots, v_{k-1}) = P(v_k | v_{k-2}, v_{k-1})'), 'ngram-markov');
  // (The same history on both sides: nothing cut.)
  assert.equal(concept('P(v_k | v_1, \\ldots, v_{k-1}) = P(v_k | v_1, v_{k-1})'), null);
  assert.equal(concept('p(t \\mid u) = \\hat{t}^{t}(1 - \\hat{t})^{(1 - t)}'), 'logistic-regression');
  assert.equal(concept("x' = d_\\theta(e_\\phi(x))"), 'autoencoder');
  assert.equal(normaliseTex('Q(S) = Q(v1) Q(v2 | v1) … Q(vn | vn-1)'), 'Q(S) = Q(v_{1}) Q(v_{2} | v_{1}) … Q(v_{n} | v_{n-1})');
});

test('the KL of a Gaussian from the standard normal as VAE code writes it is the KL divergence, and a closed form of one concept is kept by the shipped answer; a discriminant\'s log with μ² and σ² among terms in x is no closed form', () => {
  const code = '-0.5 * torch.sum(1 + log_var - m.pow(2) - log_var.exp())'.replace(/\bm\b/g, 'mu');
  assert.equal(concept(code), 'kl-divergence');
  assert.equal(explainFormula(code).concept, 'kl-divergence');
  assert.equal(concept('kl = 0.5 * K.sum(K.exp(z_log_var) + K.square(z_mean) - 1 - z_log_var, axis=1)'), 'kl-divergence');
  // (Without the variance term: not the closed form.)
  assert.equal(concept('-0.5 * torch.sum(1 + log_var - mu.pow(2))'), null);
  assert.equal(explainFormula('\\frac{1}{2}\\sum_{k=1}^{K} (\\mu_k^2 + \\sigma_k^2 - 1 - \\log \\sigma_k^2)').concept, 'kl-divergence');
  const discriminant = '\\log \\pi_c - \\frac{1}{2\\sigma^2}(u - \\mu_c)^2 - \\log \\sigma + \\frac{\\mu_c^2}{2\\sigma^2} - 1';
  assert.equal(recognise(discriminant, {}).closedForm, undefined);
});

test('Hung-yi Lee\'s total loss, L(θ) = Σ_n l^n(θ), and a risk summed over the examples of a sample, Q(a, X) = 1/m Σ_{x ∈ X} L(a, x), are empirical risks; the course\'s hypothesis H(x) = Wx + b is linear regression; `sig(x)` is the sigmoid', () => {
  assert.equal(concept('C(\\theta) = \\sum_{n=1}^{N} c^n(\\theta)'), null);
  assert.equal(concept('L(\\theta) = \\sum_{n=1}^{N} l^n(\\theta)'), 'empirical-risk');
  assert.equal(concept('Q(a, X) = \\frac{1}{m} \\sum_{x \\in X} L(a, x)'), 'empirical-risk');
  assert.equal(concept('H(x) = Wx + b'), 'linear-regression');
  assert.equal(concept('hypothesis = x_data * W + b'), 'linear-regression');
  // (Another letter on the left with a weight matrix: a layer.)
  assert.equal(concept('O = XW + b'), 'affine-layer');
  assert.equal(concept("sig'(u) = sig(u) * (1 - sig(u))"), 'sigmoid');
});

test('code\'s power function, np.power(a, b) and torch.pow(a, b), is a power, and digit separators (10_000) are the number: sinusoidal frequencies written in code are the positional encoding', () => {
  assert.equal(normaliseTex('u = np.power(v, 3)'), 'u = v^{3}');
  assert.equal(normaliseTex('torch.pow(u - v, 2)'), '(u - v)^{2}');
  assert.equal(normaliseTex('n = 10_000'), 'n = 10000');
  assert.equal(concept('angle = p / np.power(10_000, 2 * k / d_model)'), 'positional-encoding');
  // (One argument: no power.)
  assert.equal(normaliseTex('pow(u)'), 'pow(u)');
});

test('a conditional probability in square brackets, 𝔓[t = 1 | u; θ] or \\Pr[A | B], is P(…); the label as a random variable, P(T = 1 | U = u) = h_θ(u), is logistic regression\'s', () => {
  assert.equal(normaliseTex('\\mathbb{P}[t=1 | u; \\theta] = h_{\\theta}(u)'), 'P(t=1 | u; \\theta) = h_{\\theta}(u)');
  assert.equal(normaliseTex('\\Pr[A \\mid B]'), 'P(A \\mid B)');
  // (No bar inside: an expectation's or a set's brackets stay.)
  assert.equal(normaliseTex('\\mathbb{P}[A]'), '\\mathbb{P}[A]');
  assert.equal(concept('\\mathbb{P}[y=1 | u; \\theta] = h_{\\theta}(u)'), 'logistic-regression');
  assert.equal(concept('P(Y=1 | X=u) = h_{\\theta}(u)'), 'logistic-regression');
  assert.equal(concept('P(Y=0 | X=u) = 1 - h_{\\theta}(u)'), 'logistic-regression');
});

test('scores divided by the root of the keys\' dimension and passed through a softmax, softmax(S/√d_k) or softmax(e / head_dim ** (1/2)), are scaled dot-product attention\'s weights; a library\'s sqrt after a quotient divides by the root; the VAE KL with the log-variance spelled logVar or under exp', () => {
  assert.equal(concept('W = softmax(E / \\sqrt{d_k})'), 'scaled-dot-product-attention');
  assert.equal(concept('w = softmax(e / (self.head_dim ** (1 / 2)), dim=-1)'), 'scaled-dot-product-attention');
  assert.equal(normaliseTex('u / math.sqrt(d)'), 'u / \\sqrt{d}');
  assert.equal(concept('w = torch.softmax(e / math.sqrt(d_k), dim=-1)'), 'scaled-dot-product-attention');
  // (A temperature or a number under the root, or a mask added: not this reading.)
  assert.notEqual(concept('w = softmax(e / \\sqrt{2})'), 'scaled-dot-product-attention');
  assert.notEqual(concept('W = softmax(E / \\sqrt{d_k} + M)'), 'scaled-dot-product-attention');
  assert.equal(concept('kl = 0.5 * torch.sum(torch.exp(logVar) + m ** 2 - 1. - logVar)'.replace(/\bm\b/, 'mean')), 'kl-divergence');
  assert.equal(concept('kl = 0.5 * torch.sum(torch.exp(z_var) + z_mu**2 - 1.0 - z_var)'), 'kl-divergence');
});
