import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';
import { normaliseTex } from '../../../src/core/formula/normalise';
import { parseTex } from '../../../src/core/formula/tex';
import { rolesNamedInProse } from '../../../src/core/formula/proseRoles';
import { expandMacros, parseMacros } from '../../../src/core/formula/macros';

const concept = (tex: string, before = '') => recognise(tex, { before }).concept;
const meaning = (tex: string, sym: string, before = '') => explainFormula(tex, { context: { before } }).symbols.find((s) => s.symbol === sym)?.meaning ?? '';

test('plain-text and unicode spellings reach the same concept as the TeX one', () => {
  const pairs: Array<[string, string, string]> = [
    ['softmax', 'softmax(z)_i = exp(z_i)/sum_j exp(z_j)', '\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}'],
    ['cross-entropy', 'L = −Σᵢ yᵢ log ŷᵢ', 'L = -\\sum_i y_i \\log \\hat{y}_i'],
    ['mse', 'MSE = (1/n) Σ (yᵢ − ŷᵢ)²', '\\mathrm{MSE} = \\frac{1}{n}\\sum_i (y_i - \\hat{y}_i)^2'],
    ['scaled-dot-product-attention', 'Attention(Q, K, V) = softmax(QKᵀ / √dₖ) V', '\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V'],
    ['cosine-similarity', 'cos(u, v) = u·v / (‖u‖ ‖v‖)', '\\cos(u, v) = \\frac{u \\cdot v}{\\|u\\| \\|v\\|}'],
    ['rnn', 'hₜ = tanh(W hₜ₋₁ + U xₜ + b)', 'h_t = \\tanh(W h_{t-1} + U x_t + b)'],
  ];
  for (const [want, plain, tex] of pairs) {
    assert.equal(concept(tex), want, `TeX: ${tex}`);
    assert.equal(concept(plain), want, `plain: ${plain}`);
  }
});

test('unicode scripts, accents and the root sign become TeX', () => {
  assert.equal(normaliseTex('x² + Wᵀh₁'), 'x^{2} + W^{T}h_{1}');
  assert.equal(normaliseTex('ŷ = 1/√d'), '\\hat{y} = 1/\\sqrt{d}');
  assert.equal(normaliseTex('c\u0303_t'), '\\tilde{c}_t');
});

test('old-style font switches are fonts, and a braced letter takes its own scripts', () => {
  assert.equal(normaliseTex('{\\bf W}^\\top {\\cal L}'), '\\mathbf{W}^\\top \\mathcal{L}');
  const items = parseTex('{\\mathbf{W}}^\\top x').items;
  assert.equal(items[0].k, 'sym');
  assert.equal(items[0].k === 'sym' && items[0].name, 'W');
  // The same softmax regression in either font notation.
  const a = '\\mathbf{y} = \\frac{e^{\\mathbf{W}^\\top \\mathbf{x} + \\mathbf{b}}}{\\mathbf{1}^\\top e^{\\mathbf{W}^\\top \\mathbf{x} + \\mathbf{b}}}';
  const b = '{\\bf y} = \\frac{e^{ {{\\bf W}}^\\top {{\\bf x}}+{{\\bf b}} }}{ {{\\bf 1}}^\\top e^{ {{\\bf W}}^\\top {{\\bf x}} + {{\\bf b}}}}';
  assert.equal(concept(a), 'softmax-regression');
  assert.equal(concept(b), concept(a));
});

test('calibration: values, long blocks and pieces claim nothing they do not show', () => {
  // A function's value at a point is a number, not the function's definition.
  assert.equal(concept('\\sigma(z) = 1'), null);
  assert.equal(concept('\\sigma(z) = \\frac{1}{1 + e^{-z}}'), 'sigmoid');
  // A composition with nothing compared is not an autoencoder; the input against its reconstruction is.
  assert.equal(concept('F(x) = f(g(x))'), null);
  assert.equal(concept('L(x, g(f(x)))'), 'autoencoder');
  // A prose-named child does not override a parent the structure shows fully (no negatives in the formula).
  assert.equal(concept('\\prod_{t=1}^{T} \\prod_{-m \\le j \\le m, j \\ne 0} P(w^{(t+j)} \\mid w^{(t)})', 'Negative sampling rewrites the joint probability as'), 'skipgram');
  // One example's gradient is a stochastic step; the full gradient is gradient descent.
  assert.equal(concept('w \\leftarrow w - \\eta \\frac{\\partial L(w^T x_i + b, y_i)}{\\partial w}'), 'gradient-descent');
  assert.equal(concept('\\theta \\leftarrow \\theta - \\eta \\nabla_\\theta J'), 'gradient-descent');
  // A weighted sum with one set of weights per output is not a regression line.
  assert.notEqual(concept('y_i = \\sum_j \\alpha_{ij} v_j'), 'linear-regression');
  // The unigram model (independent tokens) and a decoder step fed its previous output and a per-step context.
  assert.equal(concept('P(w_1, w_2, \\ldots, w_n) = \\prod_{i=1}^n P(w_i)'), 'ngram-markov');
  assert.equal(concept('P(w_1, w_2, \\ldots, w_n) = \\prod_{i=1}^n P(w_i \\mid w_{i-1})'), 'ngram-markov');
  assert.equal(concept('s_t = f(s_{t-1}, y_{t-1}, c_t)'), 'seq2seq');
  assert.equal(concept('h_t = f(h_{t-1}, x_t)'), 'rnn');
  // A loss spelled in letters on the left is a loss: the affine-looking right side is not a layer.
  assert.equal(concept('loss = C_1 T^2 + \\alpha C_2'), null);
});

test('the binary cross-entropy is a label and its complement weighting two logs, whatever the second log holds', () => {
  assert.equal(concept('loss(x, y) = -\\frac{1}{C} \\sum_i y_i \\log((1 + \\exp(-x_i))^{-1}) + (1 - y_i) \\log\\left(\\frac{\\exp(-x_i)}{1 + \\exp(-x_i)}\\right)'), 'binary-cross-entropy');
  // A penalty inside the bracket of a scaled loss is regularisation.
  assert.equal(concept('J(\\theta) = \\frac{1}{2m} \\left[ \\sum_{i=1}^m (h_\\theta(x^{i}) - y^{i})^2 + \\lambda \\sum_{j=1}^n \\theta_j^2 \\right],'), 'regularization');
});

test('letters the sentence names get that role; letters it does not name keep their shape', () => {
  const named = rolesNamedInProse('we add three weight matrices $W_q$, $W_k$ and $W_v$ and the query $q_i$; here $x_i$ is the input vector, and $m$ is a mask.');
  assert.match(named.get('W_q') ?? '', /weight/);
  assert.match(named.get('W_k') ?? '', /weight/);
  assert.match(named.get('W_v') ?? '', /weight/);
  assert.match(named.get('q_i') ?? '', /query/);
  assert.match(named.get('x_i') ?? '', /input/);
  assert.equal(named.get('m'), undefined);
  // In an explanation: the named letter gets the sentence's role, an unnamed one its shape.
  const before = 'the previous memory $H_{t-1}$ and the current input $X_t$';
  assert.match(meaning('Z = W X_t + H_{t-1} M', 'X_t', before), /input/);
  assert.match(meaning('Z = W X_t + H_{t-1} M', 'M'), /quantity|matrix/);
  // (The grammar names no role for it; the learned reading of roles, off here, may add a "probably".)
  assert.doesNotMatch(explainFormula('Z = W X_t + H_{t-1} M', { roles: false }).symbols.find((s) => s.symbol === 'M')?.meaning ?? '', /input|weight|hidden/);
  // The formula's own annotation names what it defines.
  assert.match(meaning('F_t = \\sigma(W x_t + U h_{t-1}) \\quad \\text{(forget gate)}', 'F_t'), /forget gate/);
});

test('multi-letter identifiers are one letter in the explanation; the weights and bias of an affine product are named', () => {
  const ex = explainFormula('loss = score_i + eps');
  const keys = ex.symbols.map((s) => s.symbol);
  assert.ok(keys.includes('loss') && keys.includes('score_i') && keys.includes('eps'), keys.join(','));
  assert.ok(!keys.includes('o') && !keys.includes('s'), keys.join(','));
  const aff = explainFormula('Z = W_2 H_1 + b_1 + c');
  assert.match(aff.symbols.find((s) => s.symbol === 'W_2')?.meaning ?? '', /weight/);
});

test('a macro ending in a control word keeps it one word; \\ensuremath is only its content', () => {
  const table = parseMacros('\\newcommand{\\vect}[1]{\\ensuremath{\\mathbold#1}}');
  const tex = expandMacros('P(y=k \\mid x) = \\frac{e^{\\vect{w_k}\\vect{x}}}{\\sum_j e^{\\vect{w_j}\\vect{x}}}', table).latex;
  assert.match(tex, /\\mathbold w_k/);
  assert.equal(concept(tex), 'softmax-regression');
  // The class probabilities of a linear classifier, however the scores are written.
  assert.equal(concept('p(y | x) = softmax(W^T * X)'), 'softmax-regression');
  assert.equal(concept('P(y=k|x) = \\frac{e^{\\mathbf{w}_k \\mathbf{x}}}{\\sum_j e^{\\mathbf{w}_j \\mathbf{x}}}'), 'softmax-regression');
  // Scores of queries and keys stay attention's, not a classifier's.
  assert.notEqual(concept('a_{ij} = \\frac{e^{q_i k_j}}{\\sum_l e^{q_i k_l}}'), 'softmax-regression');
});

test('an upright subscript is read as its letters: D_{\\mathrm{KL}}, L_{\\text{CE}}', () => {
  const elbo = '\\log p(X) \\ge \\mathbb{E}_{z \\sim q}( \\log p(X | z) ) - D_{KL}(q(Z | X) \\| p(Z))';
  assert.equal(concept(elbo), 'elbo');
  assert.equal(concept(elbo.replace('D_{KL}', '\\mathcal{D}_{\\mathrm{KL}}')), 'elbo');
  assert.equal(concept('L_{\\text{CE}} = -\\sum_k y_k \\log \\hat{y}_k'), 'cross-entropy');
});

test('a function applied to arguments is its value there; |V| is a size', () => {
  const ex = explainFormula('J = \\frac{1}{m} \\sum_{i=1}^{|V|} \\ell(f(x_i), y_i)');
  const said = (k: string) => ex.symbols.find((s) => s.symbol === k)?.meaning ?? '';
  assert.match(said('f(x_i)'), /output/);
  assert.match(said('|V|'), /number of elements of V/);
  assert.match(said('ℓ(f(x_i), y_i)'), /loss/);
});

test('σ and 𝔼 used as functions are named; code-like beta1 is β₁; p(…) is a probability', () => {
  const ex = explainFormula('J = -\\mathbb{E}_{c \\sim P_n}[\\log \\sigma(-u_c^\\top v)] + p(x)');
  const said = (k: string) => ex.symbols.find((s) => s.symbol === k)?.meaning ?? '';
  assert.match(said('σ'), /sigmoid function/);
  assert.match(said('p'), /probability/);
  assert.match(normaliseTex('m = beta1*m'), /^m = \\beta_1\b/);
});

test('plain-text notes: ∂ with a slash, Python\'s conditional, log2, and hθ(x) read as their TeX', () => {
  assert.equal(concept('∂L/∂x = ∂L/∂y · ∂y/∂x'), 'chain-rule');
  assert.equal(concept('∂E/∂w = ∂E/∂o * ∂o/∂w'), 'chain-rule');
  assert.equal(concept('f(x) = x if x > 0 else 0'), 'relu');
  assert.equal(concept('step(z) = 1 if z >= 0 else 0'), 'step-function');
  assert.equal(concept('f(x) = x if x > 0 else 0.01 * x'), 'leaky-relu');
  assert.equal(normaliseTex('I(x) = -log2 p(x)'), normaliseTex('I(x) = -\\log_{2} p(x)'));
  assert.equal(concept('I(x) = -log2 p(x)'), 'surprisal');
  assert.equal(concept('hθ(x) = g(θᵀx)'), 'logistic-regression');
  assert.equal(concept('hθ(x) = θ0 + θ1*x1 + θ2*x2'), 'linear-regression');
  // (A Greek letter after another letter elsewhere is a product: αx is α times x.)
  assert.equal(normaliseTex('αx + b'), 'αx + b');
});

test('code-ish notes: a state written h_prev is the previous step, and alpha_ij is α with both indices', () => {
  assert.equal(concept('z = \\sigma(W_z x_t + U_z h_{prev} + b_z)'), 'gru');
  assert.equal(concept('r = sigmoid(W_r x + U_r h_prev + b_r)'), 'gru');
  assert.match(normaliseTex('c_i = sum_j alpha_ij * h_j'), /\\alpha_\{ij\}/);
  assert.equal(concept('c_i = sum_j alpha_ij * h_j'), 'attention');
  // (A subscript of one letter before the next letter stays TeX's: \alpha_i x is α_i times x.)
  assert.equal(normaliseTex('\\alpha_i x'), '\\alpha_i x');
});

test('a measure named by its whole word on the left is that measure', () => {
  assert.equal(concept('perplexity = 2^(cross_entropy)'), 'perplexity');
  assert.equal(concept('Perplexity = 2^{H(p)}'), 'perplexity');
  assert.equal(concept('cross_entropy = -sum(y * log(p))'), 'cross-entropy');
  // (A word the catalog does not know on the left is still not a claim.)
  assert.equal(concept('entropy = -sum(p * log(p))'), null);
});

test('a definition written right to left, a transposed factor times with *, and derivative macros a note did not define', () => {
  assert.equal(concept('W x + b = z'), concept('z = W x + b'));
  assert.equal(concept('W x + b = z'), 'affine-layer');
  assert.equal(concept('WX + b = y'), 'affine-layer');
  assert.equal(concept('\\hat{y} = Xw + b'), 'linear-regression');
  assert.equal(normaliseTex('WX + b = y'), 'y = WX + b');
  // (A sum equal to a number, or an equation between two expressions, stays as written.)
  assert.equal(normaliseTex('a + b = 1'), 'a + b = 1');
  assert.equal(normaliseTex('p(x) + q(x) = r(x) + s'), 'p(x) + q(x) = r(x) + s');
  assert.equal(concept('h(x) = theta^T * x'), 'linear-regression');
  assert.equal(concept('\\deriv{h}{x}=\\deriv{h}{g}\\deriv{g}{f}\\deriv{f}{x}'), 'chain-rule');
  assert.equal(concept('\\partialDeriv{L}{w} = \\partialDeriv{L}{a} \\partialDeriv{a}{z} \\partialDeriv{z}{w}'), 'chain-rule');
});

test('a TeX cases block that writes if and else in text boxes is left as its cases', () => {
  const tex = 'f(x) = \\begin{cases} x & \\text{ if } x > 0 \\\\ 0.01x & \\text{ else } \\end{cases}';
  assert.equal(normaliseTex(tex), tex);
  assert.equal(concept(tex), 'leaky-relu');
});

test('if and else written in text boxes on one line are the two cases', () => {
  assert.equal(normaliseTex('\\hat{y} = 1 \\text{ if } w^T x + b \\geq 0 \\text{ else } 0'), '\\hat{y} = \\begin{cases} 1 & w^T x + b \\geq 0 \\\\ 0 & \\text{otherwise} \\end{cases}');
});

test('the sentence leading into a formula names its left side ("and our output matrix is", "the loss becomes:"), never an object of a preposition or a clause with a verb of its own', () => {
  const lead = (words: string, tex: string) => rolesNamedInProse(words, { k: 'row', items: parseTex(tex).items });
  assert.match(lead('and our output matrix is', 'Z = AV').get('Z') ?? '', /output/);
  assert.match(lead('This gives us our output at position $i$ as', 'z_i = \\sum_j a_{ij} V_j').get('z_i') ?? '', /output/);
  assert.match(lead('Then the loss becomes:', 'L = -\\log p').get('L') ?? '', /loss/);
  assert.equal(lead('The hidden state is then passed to the output as', 'h_t = \\tanh(W h_{t-1})').get('h_t'), undefined);
  assert.equal(lead('we feed it into the loss as', 'z = Wx').get('z'), undefined);
  assert.equal(lead('the gradient of the loss is', 'g = \\nabla L').get('g'), undefined);
});
