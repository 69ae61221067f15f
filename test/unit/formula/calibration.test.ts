/**
 * Calibration of the recogniser on classes of notation real notes use: a wrong concept is worse than an honest
 * "not sure". Each case is written here in our own letters; each asserts what a careful teacher would say the
 * formula is (or that it claims nothing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';

const is = (tex: string, want: string | null, before = '') => assert.equal(recognise(tex, { before }).concept, want, tex);

test('markdown-escaped TeX and one-step cell gates are read as the gated cell they belong to', () => {
  is('G\\_{t}=\\operatorname{sigmoid}\\left(W^{GX} X\\_{t}+W^{GH} H\\_{t-1}+b^{G}\\right)', 'lstm');
  is('F\\_{t}=\\sigma\\left(U\\_{f} X\\_{t}+V\\_{f} H\\_{t-1}+c\\_{f}\\right)', 'lstm');
  is('f = sigmoid(A_{f} x + a_{f} + B_{f} h + b_{f})', 'lstm', 'One step of a long short-term memory cell.');
  is('r = sigmoid(A_{r} x + a_{r} + B_{r} h + b_{r})', 'gru', 'One step of a gated recurrent unit (GRU) cell.');
  // Without the gate letter or the cell's name it is only an affine map inside an activation: never a GRU/LSTM claim.
  assert.notEqual(recognise('q = \\sigma(A x + c)').concept, 'lstm');
});

test('a function under a log is a fragment of the loss around it', () => {
  is('\\ell_n = -\\log \\frac{\\exp(s_{n,t_n})}{\\sum_{k=1}^K \\exp(s_{n,k})}', 'cross-entropy');
  is('J(u, c) = -\\left[t \\log \\sigma(u \\cdot z + c) + (1-t) \\log (1-\\sigma(u \\cdot z + c))\\right]', 'binary-cross-entropy');
});

test('the sign of a loss: a log-likelihood without a minus is not the negative log-likelihood', () => {
  const r = recognise('\\log p(t \\mid z) = t \\log \\hat{t} + (1-t) \\log (1-\\hat{t})');
  assert.ok(!['negative-log-likelihood', 'binary-cross-entropy', 'cross-entropy'].includes(r.concept ?? ''), String(r.concept));
});

test('derivatives of a loss are not the loss; derivatives of an activation keep the activation', () => {
  is('\\frac{\\partial J}{\\partial u_k} = \\left(\\sigma(u \\cdot z + c) - t\\right) z_k', null);
  is('\\frac{\\partial}{\\partial s_k} \\left(-\\sum_m t_m \\log q_m\\right) = q_k - t_k', null);
  is('\\frac{d}{dz} \\sigma(z) = \\sigma(z)(1 - \\sigma(z))', 'sigmoid');
});

test('an objective with a penalty on the weights is regularization, not the likelihood inside it', () => {
  is('\\hat{\\beta} = \\operatorname{argmax}_{\\beta} \\sum_{n=1}^{N} \\log P(t_n \\mid z_n) - \\alpha \\sum_{k=1}^{K} \\beta_k^2', 'regularization');
});

test('close relatives: the child needs its distinguishing evidence, a tie gives the general concept', () => {
  // A bounded window in the condition is the Markov assumption of an n-gram model.
  is('P(a_1, \\ldots, a_M) \\approx \\prod_{m=1}^{M} P(a_m \\mid a_{m-2}, a_{m-1})', 'ngram-markov');
  // The whole prefix is a language model's chain rule.
  is('P(a_{1:M}) = \\prod_{m=1}^{M} P(a_m \\mid a_{1:m-1})', 'language-model');
});

test('a loss named by its subscript is that loss', () => {
  is('L_{CE} = -\\log q_{k}', 'cross-entropy');
});

test('methods outside the catalog named around a formula, and settings, claim nothing', () => {
  is('P(b \\mid a) = \\frac{\\max(\\text{count}(a, b) - d, 0)}{\\text{count}(a)}', null, 'Absolute discounting, as in Kneser-Ney smoothing, subtracts d from every count.');
  is('\\ell(s, t) = \\begin{cases} \\frac{1}{N}\\sum_n e_n, & \\text{if reduction} = \\text{`avg\';}\\\\ \\sum_n e_n, & \\text{if reduction} = \\text{`total\'.} \\end{cases}', null);
});

test('a reconstruction term plus a KL term to the prior is the ELBO', () => {
  is('\\mathcal{L} = \\|r - \\hat{r}\\|^2 + \\mathrm{KL}(q(u \\mid r) \\,\\|\\, \\mathcal{N}(0, I))', 'elbo');
});

test('neurons side by side are one layer; a block that gives back its input is an autoencoder', () => {
  is('h_1 &= \\sigma(u^{(1)T} z + c_1) \\\\ h_2 &= \\sigma(u^{(2)T} z + c_2)', 'affine-layer');
  is('\\begin{array}{l} E = W_{e} z + b_{e} \\\\ \\tilde{z} = W_{d} E + b_{d} \\end{array}', 'autoencoder');
});

test('an unrecognised formula still lists its letters, by shape only', () => {
  const ex = explainFormula('\\kappa_{m} = \\frac{r_m}{\\sum_{j} r_j^2}');
  assert.equal(ex.concept, null);
  const kappa = ex.symbols.find((s) => s.symbol.startsWith('κ'));
  assert.ok(kappa, JSON.stringify(ex.symbols));
  assert.match(kappa!.meaning, /quantity/);
  assert.doesNotMatch(kappa!.meaning, /weight|loss|probabilit|input|output/i);
});

test('rectifier names and library products: rect(·), leaky(·), w_{ih} * x', () => {
  is('\\operatorname{rect}(u) = \\operatorname{max}(u, 0)', 'relu');
  is('\\operatorname{leaky}(u) = \\operatorname{max}(u, 0.1 u)', 'leaky-relu');
  is('s_t = \\tanh(w_{in} * z_t + b_{in} + w_{st} * s_{(t-1)} + b_{st})', 'rnn');
});
