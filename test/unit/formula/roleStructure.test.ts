import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { explainFormula } from '../../../src/core/formula/explain';
import { CATALOG } from '../../../src/core/formula/catalog';

/** The meaning the explanation gives one symbol ('' when it lists none). */
const meaning = (tex: string, sym: string, before = '', macros?: string, roles?: false) =>
  explainFormula(tex, { context: { before }, macros, roles }).symbols.find((s) => s.symbol === sym)?.meaning ?? '';

test('the sentence names a letter: its words come before the letter\'s usual role', () => {
  // Word vectors written the other way round from the catalog's letters: the prose says which is which.
  const tex = '\\log \\sigma(\\mathbf{c}^\\top \\mathbf{e}) + \\sum_{n=1}^{k} \\log \\sigma(-\\mathbf{c}_n^\\top \\mathbf{e})';
  const before = 'Here the centre word $\\mathbf{e}$ and the context word $\\mathbf{c}$ are scored by';
  assert.match(meaning(tex, 'e', before), /centre-word/);
  assert.match(meaning(tex, 'c', before), /context-word/);
  // A letter introduced as a member of a space ("a query $\\mathbf{r} \\in \\mathbb{R}^m$").
  assert.match(meaning('s = \\mathbf{r}^\\top \\mathbf{k}', 'r', 'Given a query $\\mathbf{r} \\in \\mathbb{R}^m$, the score is'), /query/);
  // The note's macros apply to its sentences: \\vz is z.
  assert.match(meaning('y = \\vz + 1', 'z', 'the hidden state \\(\\vz\\) plus one', '\\newcommand{\\vz}{\\mathbf{z}}'), /hidden state/);
  // An annotation naming a gate by two names ("Output/Exposure gate").
  assert.match(meaning('g_t = \\sigma(W x_t + U h_{t-1}) \\quad \\text{(Keep/Forget gate)}', 'g_t'), /forget gate/);
});

test('each equation of a line defines its own letter', () => {
  const tex = 'a_j = \\text{softmax}(s_j), \\quad r = \\sum_j a_j m_j';
  assert.match(meaning(tex, 's_j'), /score/);
  assert.match(meaning(tex, 'a_j'), /probabilit|attention weight/);
});

test('a softmax, whatever its letters: the exponentiated letter is a score, the letter it defines the probabilities', () => {
  const tex = 'p_k = \\frac{\\exp(g_k)}{\\sum_m \\exp(g_m)}';
  assert.match(meaning(tex, 'g_k'), /score \(logit\)/);
  assert.match(meaning(tex, 'p_k'), /probabilities/);
  // About attention (the sentence says so): the probabilities are the attention weights.
  const weights = 'b_k = \\frac{\\exp(g_k)}{\\sum_m \\exp(g_m)}';
  assert.match(meaning(weights, 'b_k', 'how much each position attends to the others'), /attention weights/);
  assert.doesNotMatch(meaning(weights, 'b_k', 'turns scores into a distribution'), /attention/);
});

test('an update step: the letter scaling the subtracted term is the step size, the letter updated the weights', () => {
  const tex = 'V_{k+1} = V_k - \\rho \\, \\nabla_V E';
  assert.match(meaning(tex, 'ρ'), /learning rate/);
  assert.match(meaning(tex, 'V_k'), /weights being updated/);
  // No update (the letters differ on each side): the grammar claims no step size.
  assert.doesNotMatch(meaning('A = B - \\rho C', 'ρ', '', undefined, false), /learning rate/);
});

test('inside a nonlinearity: the capital letter multiplying a vector is a weight, the vector the input, the added letter the bias', () => {
  const tex = 'q = g(M^T r + c)';
  assert.match(meaning(tex, 'M'), /weight matrix/);
  assert.match(meaning(tex, 'r'), /input/);
  assert.match(meaning(tex, 'c'), /bias/);
  assert.match(meaning(tex, 'q'), /activation/);
  // Row-vector order, and a sum of products.
  assert.match(meaning('s = f(u^T P)', 'P'), /weight matrix/);
  assert.match(meaning('s = f(u^T P)', 'u'), /input/);
  assert.match(meaning('o_k = g\\left(\\sum_m a_{mk} r_m\\right)', 'a_{mk}'), /weight/);
  // Outside a nonlinearity a product of capitals claims nothing.
  assert.doesNotMatch(meaning('S = M N', 'M'), /weight/);
});

test('a capital letter defined by log terms or squared differences is the loss', () => {
  assert.match(meaning('R = -\\sum_i t_i \\log q_i', 'R'), /loss/);
  assert.match(meaning('G(a, b) = (a - b)^2', 'G'), /loss/);
  assert.doesNotMatch(meaning('P = \\log 2', 'P'), /loss/);
});

test('gated cells: the (1 − z) mix names the update gate and the candidate, capital gates their lower-case gate', () => {
  const tex = 'h_t = (1 - u_t) \\odot n_t + u_t \\odot h_{t-1}';
  const ex = explainFormula(tex, { context: { before: 'A GRU cell updates its state as' } });
  if (ex.concept === 'gru') {
    assert.match(ex.symbols.find((s) => s.symbol === 'u_t')?.meaning ?? '', /update gate/);
    assert.match(ex.symbols.find((s) => s.symbol === 'n_t')?.meaning ?? '', /candidate/);
  } else assert.fail(`not recognised as a GRU: ${ex.concept}`);
  const lstm = explainFormula('C_t = F_t \\odot C_{t-1} + I_t \\odot \\tilde{C}_t', { context: { before: 'The LSTM memory cell' } });
  assert.equal(lstm.concept, 'lstm');
  assert.match(lstm.symbols.find((s) => s.symbol === 'F_t')?.meaning ?? '', /forget gate/);
  assert.match(lstm.symbols.find((s) => s.symbol === 'I_t')?.meaning ?? '', /input gate/);
});

test('q, k and v written together are the query, key and value; a root under a dot product is the dimension', () => {
  const tex = 'e_{ab} = \\frac{q_a^T k_b}{\\sqrt{m}}, \\quad o_a = \\sum_b e_{ab} v_b';
  assert.match(meaning(tex, 'q_a'), /query/);
  assert.match(meaning(tex, 'k_b'), /key/);
  assert.match(meaning(tex, 'v_b'), /value/);
  assert.match(meaning(tex, 'm'), /dimension/);
});

test('letters of the scripts: step, index, sizes of a space, the count ending a list, an offset; a label is no index', () => {
  // A letter shifted by one is a step.
  assert.match(meaning('G(s+1) = G(s) + 2', 's'), /step/);
  assert.doesNotMatch(meaning('y = f(x + 1)', 'x'), /step/);
  // Subscripts and layer superscripts index.
  assert.match(meaning('Z^{(r)} = Y^{(r)} + 1', 'r'), /index/);
  assert.match(meaning('B_{pq} = 0', 'p'), /index/);
  // ℝ^{M×n}: sizes.
  assert.match(meaning('Y \\in \\mathbb{R}^{M \\times n}', 'M'), /size of one dimension/);
  // y_1, …, y_K: K is how many.
  assert.match(meaning('S = \\{y_1, \\ldots, y_K\\}', 'K'), /how many/);
  // An index minus a letter: how far back.
  assert.match(meaning('P(z_a | z_{a-r})', 'r'), /positions back/);
  // W_{xh} beside x and h: x and h are the formula's letters, not indices.
  const ex = explainFormula('h = \\tanh(W_{xh} x)');
  assert.doesNotMatch(ex.symbols.find((s) => s.symbol === 'x')?.meaning ?? '', /an index/);
});

test('a window written -m ≤ j ≤ m: the letter between the bounds is the offset, the bound the window size', () => {
  const tex = '\\sum_{-r \\leq d \\leq r, d \\neq 0} \\log P(w_{i+d} \\mid w_i)';
  assert.match(meaning(tex, 'd'), /offset/);
  assert.match(meaning(tex, 'r'), /window size/);
});

test('targets and predictions: y beside ŷ (or y′, y_pred) is the target; in a loss, what y is compared with is the prediction', () => {
  assert.match(meaning('E = \\frac{1}{2} (\\hat{y} - y)^2', 'y'), /target/);
  assert.match(meaning('E = \\frac{1}{2} (\\hat{y} - y)^2', 'y\u0302'), /prediction/);
  assert.match(meaning('D = y_{pred} - y_{true}', 'y_{true}'), /target/);
  const bce = explainFormula('\\ell = -[y \\log s + (1 - y) \\log(1 - s)]', { context: { before: 'the binary cross-entropy loss' } });
  assert.equal(bce.concept, 'binary-cross-entropy');
  assert.match(bce.symbols.find((x) => x.symbol === 's')?.meaning ?? '', /predicted probability/);
  assert.match(bce.symbols.find((x) => x.symbol === 'y')?.meaning ?? '', /target/);
});

test('word vectors: subscripts naming the input and output word, and accents, decide which vector is which', () => {
  // Mikolov's w_I / w_O on the "wrong" base letters: the subscript decides.
  const tex = '\\log \\sigma(u_{w_I}^\\top v_{w_O}) + \\sum_{k=1}^{K} \\log \\sigma(-u_k^\\top u_{w_I})';
  const ex = explainFormula(tex, { context: { before: 'negative sampling objective' } });
  assert.equal(ex.concept, 'sgns');
  assert.match(ex.symbols.find((x) => x.symbol === 'u_{w_I}')?.meaning ?? '', /centre-word/);
  assert.match(ex.symbols.find((x) => x.symbol === 'v_{w_O}')?.meaning ?? '', /context/);
  // Arrows over the letters do not hide them: w⃗ is the centre word, c⃗ the context.
  const arrows = explainFormula('\\log \\sigma(\\vec{c} \\cdot \\vec{w})', { context: { before: 'skip-gram with negative sampling, for a word and context pair' } });
  if (arrows.concept === 'sgns') {
    assert.match(arrows.symbols.find((x) => x.symbol === 'w\u20d7')?.meaning ?? '', /centre-word/);
    assert.match(arrows.symbols.find((x) => x.symbol === 'c\u20d7')?.meaning ?? '', /context/);
  } else assert.fail(`not sgns: ${arrows.concept}`);
  // A hatted vector shared by every product is an average of context vectors (CBOW): the other is the centre word's.
  const cbow = explainFormula('-\\log \\sigma(r_m^\\top \\hat{s}) - \\sum_{k=1}^{K} \\log \\sigma(-\\tilde{r}_k^\\top \\hat{s})', { context: { before: 'negative sampling objective for CBOW' } });
  if (cbow.concept === 'sgns' || cbow.concept === 'cbow') {
    assert.match(cbow.symbols.find((x) => x.symbol === 's\u0302')?.meaning ?? '', /average of the context/);
    assert.match(cbow.symbols.find((x) => x.symbol === 'r_m')?.meaning ?? '', /centre word/);
  } else assert.fail(`not a word-vector objective: ${cbow.concept}`);
});

test('a usual meaning that hedges between roles, or a data letter used as a function, is no role: the shape is said', () => {
  // α's usual meaning names several roles; in a penalty it is just a coefficient.
  const pen = explainFormula('\\tilde{J}(w) = J(w) + \\frac{\\alpha}{2} \\|w\\|^2', { context: { before: 'L2 regularisation adds a penalty' } });
  assert.ok(pen.concept, 'recognised');
  assert.doesNotMatch(pen.symbols.find((x) => x.symbol === 'α')?.meaning ?? '', /attention|learning rate/);
  // H used as a function is no hidden-state matrix.
  const h = explainFormula('H(r, s) = -\\sum_j r_j \\log s_j', { context: { before: 'cross-entropy' } });
  assert.doesNotMatch(h.symbols.find((x) => x.symbol === 'H')?.meaning ?? '', /hidden/);
  // A letter that carries its own subscript (n_t) is not "the number of examples".
  const g = explainFormula('h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}', { context: { before: 'GRU' } });
  assert.doesNotMatch(g.symbols.find((x) => x.symbol === 'n_t')?.meaning ?? '', /number of/);
  // The state of the step before, after the update gate's complement, is no candidate, whatever the left side is.
  const called = explainFormula('GRU(h_{t-1}, x_t) = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t');
  assert.match(called.symbols.find((x) => x.symbol === 'h_{t−1}')?.meaning ?? '', /^(?!.*candidate).*hidden state/);
  assert.match(called.symbols.find((x) => x.symbol === 'h̃_t')?.meaning ?? '', /candidate/);
});

test('a letter dividing a softmax score is the temperature; a Greek letter under a function its parameters; d_{…} a dimension', () => {
  assert.match(meaning('r_a = \\frac{\\exp(s_a / \\kappa)}{\\sum_b \\exp(s_b / \\kappa)}', 'κ'), /temperature/);
  assert.match(meaning('\\log g_\\psi(u) = 0', 'ψ'), /parameters g is computed with/);
  assert.match(meaning('Q_{(p, 2j)} = \\sin(p / 10000^{2j / d_{emb}})', 'd_{emb}'), /dimension/);
});

test('the sentence: a negated statement names no role; "attention values" are attention weights', () => {
  assert.doesNotMatch(meaning('r = g(u)', 'u', 'Note that $u$ is not a probability, so we pass it through'), /probabilit/);
  assert.match(meaning('o = \\sum_j b_j m_j', 'b_j', 'weighted by the attention values $b_j$'), /attention weights/);
});

test('a chain of equalities: each side is read on its own; two vectors inside a nonlinearity; the data matrix times the weights', () => {
  const chain = 'o = g\\left(\\sum_{k} w_{k} h_{k}\\right) = g(\\mathbf{w}\\mathbf{h})';
  assert.match(meaning(chain, 'o'), /activation/);
  assert.match(meaning(chain, 'w'), /weights/);
  assert.match(meaning(chain, 'h'), /input/);
  assert.match(meaning('r = g(A \\theta)', 'A'), /input/);
  assert.match(meaning('r = g(A \\theta)', 'θ'), /weights/);
  // A step written over the batch size: the numerator is the learning rate.
  assert.match(meaning('\\theta := \\theta - \\frac{\\rho}{m} A^T (g(A \\theta) - y)', 'ρ'), /learning rate/);
});

test('a language model\'s P(a | b, c): a is predicted (the target), b and c the inputs; elsewhere the bar alone says nothing', () => {
  // (The recogniser's reading and its roles; whether the learned model keeps the concept is learned.test.ts's.)
  const lm = explainFormula('P(s_1, \\ldots, s_T) = \\prod_{t=1}^{T} P(s_t \\mid s_{t-2}, s_{t-1})', { context: { before: 'a trigram language model' }, learned: false });
  assert.ok(lm.concept && ['language-model', 'ngram-markov', 'probability-chain-rule'].includes(lm.concept), String(lm.concept));
  if (lm.concept !== 'probability-chain-rule') {
    assert.match(lm.symbols.find((x) => x.symbol === 's_t')?.meaning ?? '', /target/);
    assert.match(lm.symbols.find((x) => x.symbol === 's_{t−1}')?.meaning ?? '', /input/);
  }
  // Bayes' rule on events: no role for A or B.
  const bayes = explainFormula('P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}');
  assert.doesNotMatch(bayes.symbols.find((x) => x.symbol === 'A')?.meaning ?? '', /target|input/);
});

test('a loss differentiated: the letter differentiated is the loss, what it is taken with respect to a weight, parameters or bias', () => {
  const tex = '\\frac{\\partial E}{\\partial V}, \\frac{\\partial E}{\\partial \\theta}, \\frac{\\partial E}{\\partial b}';
  assert.match(meaning(tex, 'E'), /loss/);
  assert.match(meaning(tex, 'V'), /weight/);
  assert.match(meaning(tex, 'θ'), /parameters/);
  assert.match(meaning(tex, 'b'), /bias/);
  // Not a loss letter: nothing claimed.
  assert.doesNotMatch(meaning('\\frac{\\partial q}{\\partial V}', 'V'), /weight/);
});

test('a recurrence: the letter defined at step t from itself at t − 1 is the hidden state; a matrix inside a softmax is a weight', () => {
  // (The recogniser's reading and its roles, as above.)
  const ex = explainFormula('r_t = \\tanh(A u_t + B r_{t-1}), \\quad o_t = \\text{softmax}(C r_t)', { context: { before: 'a simple recurrent network' }, learned: false });
  assert.ok(ex.concept && CATALOG[ex.concept].group === 'network', String(ex.concept));
  const m = (k: string) => ex.symbols.find((x) => x.symbol === k)?.meaning ?? '';
  assert.match(m('r_t'), /hidden state/);
  assert.match(m('r_{t−1}'), /hidden state/);
  assert.match(m('C'), /weight/);
});

test('an activation function\'s own formula: the letter it defines is the activation, the one inside the pre-activation', () => {
  const ex = explainFormula('q = \\frac{1}{1 + e^{-u}} = \\sigma(u)', { context: { before: 'the logistic sigmoid' } });
  assert.equal(ex.concept, 'sigmoid');
  assert.match(ex.symbols.find((x) => x.symbol === 'q')?.meaning ?? '', /activation/);
  // A hatted letter a softmax defines is the prediction.
  assert.match(meaning('\\hat{p} = \\text{softmax}(s)', 'p\u0302'), /prediction/);
});

test('a head written as the word loss or cost is the loss; in P(y = c | x) the value c is a class index', () => {
  assert.match(meaning('cost = A_1 + 3 A_2', 'cost'), /loss/);
  const ex = explainFormula('P(y = m \\mid x) = \\frac{e^{w_m \\cdot x}}{\\sum_{j} e^{w_j \\cdot x}}', { context: { before: 'multinomial logistic regression' } });
  assert.ok(ex.concept && CATALOG[ex.concept].group === 'linear', String(ex.concept));
  assert.match(ex.symbols.find((x) => x.symbol === 'm')?.meaning ?? '', /index over the classes/);
  assert.match(ex.symbols.find((x) => x.symbol === 'y')?.meaning ?? '', /target/);
});

test('an aligned block: each line is an equation, and what each defines is listed first', () => {
  const tex = '\\begin{aligned} g_t &= \\sigma(W_g x_t + U_g h_{t-1} + b_g) \\\\ k_t &= \\sigma(W_k x_t + U_k h_{t-1} + b_k) \\\\ m_t &= \\sigma(W_m x_t + U_m h_{t-1} + b_m) \\\\ c_t &= g_t \\odot c_{t-1} + k_t \\odot \\tanh(W_c x_t + U_c h_{t-1} + b_c) \\end{aligned}';
  const ex = explainFormula(tex, { context: { before: 'an LSTM cell' } });
  const listed = ex.symbols.map((x) => x.symbol);
  for (const head of ['g_t', 'k_t', 'm_t', 'c_t']) assert.ok(listed.includes(head), `${head} in ${listed.join(' ')}`);
  // A KL divergence is no loss by its letter (the grammar alone: the learned reading is letterRoles.test.ts's).
  assert.doesNotMatch(meaning('D_{KL}(p \\| q) = \\sum_x p(x) \\log \\frac{p(x)}{q(x)}', 'D_{KL}', '', undefined, false), /loss/);
});

test('a weighted sum plus an offset with no nonlinearity defines a score; attention\'s weighted sum defines its output', () => {
  assert.match(meaning('g_k = \\mathbf{u}_k^\\top \\mathbf{r} + c_k', 'g_k'), /score/);
  // y, h, z keep what their concept names them.
  assert.doesNotMatch(meaning('y = \\mathbf{u}^\\top \\mathbf{r} + c', 'y'), /score/);
  const ex = explainFormula('r_t = \\sum_j \\beta_{tj} m_j', { context: { before: 'the decoder attends to the encoder states' } });
  assert.match(ex.symbols.find((x) => x.symbol === 'r_t')?.meaning ?? '', /attention output/);
  // A loss's P(a | b): the outcome is the target; a y in a subscript picks the true class.
  const nll = explainFormula('\\mathcal{L} = -\\sum_t \\log P(s_t \\mid s_{<t})', { context: { before: 'the negative log-likelihood loss' } });
  assert.ok(nll.concept && CATALOG[nll.concept].group === 'loss', String(nll.concept));
  assert.match(nll.symbols.find((x) => x.symbol === 's_t')?.meaning ?? '', /target/);
  assert.match(meaning('L_i = -\\log p_{y_i}', 'y_i', 'the cross-entropy loss'), /true class/);
});

test('comparisons: y against a model\'s output is the target; the letter added after a weighted product the bias; 1/m before a sum a count', () => {
  assert.match(meaning('J = \\frac{1}{2n} \\sum_{i=1}^{n} (h_\\theta(x^{(i)}) - y^{(i)})^2', 'y^{(i)}'), /target/);
  assert.match(meaning('R(w, c) = \\frac{1}{n} \\sum_i \\ell(y_i, g(x_i))', 'y_i'), /target/);
  assert.match(meaning('R(w, c) = \\frac{1}{n} \\sum_i \\ell(y_i, g(x_i))', 'n'), /how many terms/);
  assert.match(meaning('s = \\mathbf{u}^\\top \\mathbf{r} + c', 'c'), /bias/);
});

test('linear models: the weight side of a dot product is the weight letter wherever the note writes it', () => {
  const ex = explainFormula('\\hat{y} = \\mathbf{x}^\\top \\mathbf{w} + b', { context: { before: 'linear regression predicts' } });
  if (ex.concept && CATALOG[ex.concept].group === 'linear') {
    assert.match(ex.symbols.find((x) => x.symbol === 'w')?.meaning ?? '', /weight/);
    assert.match(ex.symbols.find((x) => x.symbol === 'x')?.meaning ?? '', /input/);
  } else assert.fail(`not a linear model: ${ex.concept}`);
  // The normal equation multiplies data by data: X is no weight vector.
  const ne = explainFormula('\\theta = (X^T X)^{-1} X^T y', { context: { before: 'the normal equation of linear regression' } });
  assert.doesNotMatch(ne.symbols.find((x) => x.symbol === 'X')?.meaning ?? '', /weight/);
});

test('a gradient step written with a plus; \\label and \\tag add no letters', () => {
  assert.match(meaning('V^{k+1} = V^k + \\rho \\nabla V^k', 'ρ'), /learning rate/);
  const ex = explainFormula('\\label{eq:abc} h = \\tanh(W x + b)');
  assert.ok(!ex.symbols.some((x) => ['a', 'c', 'q'].includes(x.symbol)), ex.symbols.map((x) => x.symbol).join(' '));
});

test('a step written as one fraction: its first factor is the step size; a written-out softmax scores its denominator too', () => {
  assert.match(meaning('\\phi_t \\leftarrow \\phi_{t-1} - \\rho \\hat{a}_t / (\\sqrt{\\hat{s}_t} + \\epsilon)', 'ρ'), /learning rate/);
  const tex = 'q_n = \\frac{\\exp(g_{n,k})}{\\sum_{c} \\exp(g_{n,c})}';
  assert.match(meaning(tex, 'g_{n, c}'), /score/);
});

test('Q times K transposed is the query–key product even without a V; what a scaled dot product defines is a score', () => {
  const tex = 'S = \\frac{Q^{(r)} (K^{(r)})^\\top}{\\sqrt{m}}';
  assert.match(meaning(tex, 'Q^{(r)}'), /query/);
  assert.match(meaning(tex, 'K^{(r)}'), /key/);
  assert.match(meaning(tex, 'S'), /score/);
  // Q and K without a transposed product, and no V: not named by the grammar.
  assert.doesNotMatch(meaning('Q = K + 1', 'Q', '', undefined, false), /query/);
});

test('code notation dW: the gradient of the loss with respect to W, and the d is no dimension', () => {
  const ex = explainFormula('W = W - \\rho * dW');
  assert.match(ex.symbols.find((x) => x.symbol === 'dW')?.meaning ?? '', /gradient of the loss with respect to W/);
  assert.ok(!ex.symbols.some((x) => x.symbol === 'd'), ex.symbols.map((x) => x.symbol).join(' '));
  // Inside a fraction d is a derivative's d, not code notation.
  assert.ok(!explainFormula('\\frac{dy}{dx} = 2x').symbols.some((x) => x.symbol === 'dx'));
});

test('a named activation of one letter, in any formula; a sum of weights times inputs plus a bias; "bias parameters" are the bias', () => {
  assert.match(meaning('R = \\tanh(S)', 'R'), /activation/);
  assert.match(meaning('R = \\tanh(S)', 'S'), /pre-activation/);
  // A one-letter function of one letter says nothing by itself.
  assert.doesNotMatch(meaning('R = g(S)', 'S'), /pre-activation/);
  const sum = 'z_k = \\sum_{m} u_{k,m} r_m + \\beta_k';
  assert.match(meaning(sum, 'u_{k, m}'), /weight/);
  assert.match(meaning(sum, 'r_m'), /input/);
  assert.match(meaning(sum, 'β_k'), /bias/);
  assert.match(meaning(sum, 'z_k'), /pre-activation/);
  assert.match(meaning('\\frac{\\partial E}{\\partial c} = 1', 'c', 'the same holds for the bias parameters $c$, since'), /bias/);
});

test('the sentence names a letter without its layer superscript or index: the same letter in the formula gets the role', () => {
  const before = 'where the matrix $M$ holds the learned weights and $\\mathbf{r}$ is the input';
  assert.match(meaning('Y^{(p)} = M^{(p)} \\mathbf{r}_k', 'M^{(p)}', 'here the weights $M$ multiply'), /weight/);
  assert.match(meaning('Y^{(p)} = M^{(p)} \\mathbf{r}_k', 'r_k', before), /input/);
  // Another accent is another letter: r̂ is not named by r.
  assert.doesNotMatch(meaning('Y = \\hat{r} + 1', 'r\u0302', before), /input/);
});

test('a weight letter marked Q, K, V or O is the learned projection to the queries, keys, values or output', () => {
  const tex = 'W^{Q,(r)}, W^{K,(r)} \\in \\mathbb{R}^{m \\times n}';
  assert.match(meaning(tex, 'W^{Q, (r)}'), /weight matrix .*queries/);
  assert.match(meaning(tex, 'W^{K, (r)}'), /weight matrix .*keys/);
  // A W marked with a layer number only is not named a projection.
  assert.doesNotMatch(meaning('W^{(2)} \\in \\mathbb{R}^{m \\times n}', 'W^{(2)}'), /projection/);
});

test('a product of probabilities or of powers by the labels, and its log, define a likelihood whatever its letter: ℓ(θ) and 𝓛(W) as well as L(θ)', () => {
  assert.match(meaning('\\ell(\\theta) = \\prod_{i=1}^{N} p(x_i;\\theta)', 'ℓ'), /likelihood/);
  assert.match(meaning('\\ln(\\ell(\\theta)) = \\sum_{i = 1}^{N} \\ln(p(x_i;\\theta))', 'ℓ'), /likelihood/);
  assert.match(meaning('L(W) = \\prod_{i=1}^{n} y_{W}(x_{i})^{y_{i}} (1 - y_{W}(x_{i}))^{1 - y_{i}}', 'L'), /likelihood/);
  // (A loss summed over examples stays the loss.)
  assert.match(meaning('\\ell(\\theta) = \\sum_{i} (y_i - \\theta x_i)^2', 'ℓ'), /loss/);
  assert.doesNotMatch(meaning('\\ell(\\theta) = \\sum_{i} (y_i - \\theta x_i)^2', 'ℓ'), /likelihood/);
});

test('\\bold before a letter is the bold font, not a letter named "bold"', () => {
  const e = explainFormula('J = -\\log f(\\bold X^{(i)})');
  assert.ok(!e.symbols.some((s) => s.symbol === 'bold'), e.symbols.map((s) => s.symbol).join(', '));
  assert.ok(e.symbols.some((s) => s.symbol === 'X^{(i)}'), e.symbols.map((s) => s.symbol).join(', '));
});

test('in logistic regression and its loss a hypothesis gives a predicted probability; in linear regression a prediction', () => {
  assert.match(meaning('h_w(x) = g(w^T x)', 'h_w(x)'), /predicted probability/);
  assert.match(meaning('J(w) = -\\frac{1}{m}\\sum_{i=1}^m [y^{(i)} \\log h_w(x^{(i)}) + (1 - y^{(i)}) \\log(1 - h_w(x^{(i)}))]', 'h_w'), /predicted probability/);
  const linear = meaning('h_w(x) = w_0 + w_1 x', 'h_w(x)');
  assert.match(linear, /output/);
  assert.doesNotMatch(linear, /probability/);
});

test('in Bayes\' rule the bar names no label: y and x are events, not the target and the input of a classifier', () => {
  const e = explainFormula('P(y \\mid x) = \\frac{P(x \\mid y) P(y)}{P(x)}');
  assert.equal(e.concept, 'bayes-rule');
  assert.doesNotMatch(e.symbols.find((s) => s.symbol === 'y')?.meaning ?? 'missing', /label being predicted|missing/);
  // A classifier's conditional with its parameters still reads the label and the input.
  assert.match(meaning('P(y \\mid x; \\theta) = \\sigma(\\theta^T x)', 'y'), /label|target/);
});

test('the vector a query, key or value projection multiplies is its input, whatever its letter (q_i = W_q a_i)', () => {
  assert.match(meaning('k_j = W_k a_j', 'a_j'), /^the input/);
  assert.doesNotMatch(meaning('k_j = W_k a_j', 'a_j'), /attention/);
});

test('letters only limits, sets and exponents hold are listed: the set ranged over, the upper limit, the dimension', () => {
  // argmin_{q ∈ Q}, argmax over θ ∈ Θ: the set the letter ranges over.
  assert.match(meaning('q^* = \\argmin_{q \\in Q} D(p, q)', 'Q'), /the set q ranges over/);
  assert.match(meaning('\\hat{\\theta} = \\underset{\\theta \\in \\Theta}{\\arg\\max} L(\\theta)', 'Θ'), /the set θ ranges over/);
  // Σ^N with no lower limit and max_{j=1}^M: the upper limit counts the terms.
  assert.match(meaning('BCE = -\\sum^N (p_{y=1}\\log\\hat{y})', 'N'), /how many terms the sum/);
  assert.match(meaning('\\beta_i = \\max_{j=1}^M S_{i,j}', 'M'), /how many terms the maximum/);
  // The positional encoding's 10000^{2i/d}: d is the model dimension; a letter in another number's exponent is listed
  // by its shape only.
  assert.match(meaning('P_{p,2i} = \\sin(p/10000^{2i/d})', 'd'), /model dimension/);
  const other = meaning('y = 2^{x/n}', 'n');
  assert.ok(other !== '' && !/dimension/.test(other), other);
});

test('a list whose entries are products counts by the letter that carries the numbers; a main-line T is listed', () => {
  assert.match(meaning('e^t = [s_t^T h_1, \\dots, s_t^T h_N]', 'N'), /how many there are/);
  assert.doesNotMatch(meaning('e^t = [s_t^T h_1, \\dots, s_t^T h_N]', 't'), /how many/);
  assert.match(meaning('P(x_1, \\ldots, x_T) = \\prod_t P(x_t)', 'T'), /how many there are/);
  // T on the main line is a quantity (a temperature here), not a transpose.
  assert.notEqual(meaning('\\sigma(r / T)', 'T'), '');
  assert.equal(meaning('y = W^T x', 'T'), '');
});

test('a superscript letter that also appears shifted by one indexes layers; alone it stays a power', () => {
  assert.match(meaning('a_j^l = \\sigma ( \\sum_k w_{jk}^l a_k^{l-1} + b_j^l )', 'l'), /layer index/);
  assert.doesNotMatch(meaning('y = a x^l + b', 'l'), /index/);
});

test('a running average in any letters: the letter both scaling the old value and taken from 1 is its decay rate', () => {
  const tex = 'V_{dw} = B_1 V_{dw} + (1 - B_1) dW';
  assert.match(meaning(tex, 'V_{dw}'), /running average of gradients/);
  assert.match(meaning(tex, 'B_1'), /decay rate/);
  // The w of the subscript dw belongs to the code gradient dw: no index of its own.
  assert.equal(meaning('S_{dw} = \\beta_2 S_{dw} + (1 - \\beta_2) dW^2', 'w'), '');
  assert.match(meaning('S_{dw} = \\beta_2 S_{dw} + (1 - \\beta_2) dW^2', 'dw'), /gradient/);
  // β₁^t in the bias correction: t is the step number.
  assert.match(meaning('v_{dW} := v_{dW} / (1 - \\beta_1^t)', 't'), /step number/);
  // A power outside a correction, a matrix B^k, is no step.
  assert.doesNotMatch(meaning('y = B^k x', 'k'), /step number/);
});

test('the desired output d beside y, and a bold target t beside the output a, are the targets of a squared error', () => {
  const japanese = 'E_n(w)=\\frac{1}{2}\\sum_{j=1}^{J}(y_j-d_j)^2';
  assert.match(meaning(japanese, 'd_j'), /target/);
  assert.match(meaning(japanese, 'y_j'), /prediction/);
  const hagan = '\\hat{F}(\\textbf{x}) = (\\textbf{t} - \\textbf{a})^T(\\textbf{t} - \\textbf{a})';
  assert.match(meaning(hagan, 't'), /target/);
  assert.match(meaning(hagan, 'a'), /prediction/);
  // A d stepped from a point is no target.
  assert.doesNotMatch(meaning('x_{t+1} = x_t - d', 'd'), /target/);
});

test("a primed activation applied to the pre-activation is the activation's derivative, σ′ included (not the sigmoid itself)", () => {
  assert.match(meaning("\\delta^{(l)} = (W^{(l+1)})^T \\delta^{(l+1)} \\odot f'(z^{(l)})", 'f′'), /derivative of the activation function f/);
  const sigma = meaning("\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)", 'σ′');
  assert.match(sigma, /derivative of the activation function σ/);
  assert.doesNotMatch(sigma, /^the sigmoid function/);
  // A primed letter of something else (a step, a point) is not called an activation's derivative.
  assert.doesNotMatch(meaning("x' = x - \\eta g(x)", 'g'), /derivative of the activation/);
});
