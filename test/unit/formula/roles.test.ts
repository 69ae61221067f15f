import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { explainFormula } from '../../../src/core/formula/explain';
import { normaliseTex } from '../../../src/core/formula/normalise';

const meaning = (tex: string, sym: string) => explainFormula(tex).symbols.find((s) => s.symbol === sym)?.meaning ?? '';

test('word vectors: the centre word is the vector shared by every product, whichever order the note writes', () => {
  // w first in every product, the context vectors vary: w is the centre word.
  const a = 'J = -\\log \\sigma(\\mathbf{w}^\\top \\mathbf{c}) - \\sum_{i=1}^{k} \\log \\sigma(-\\mathbf{w}^\\top \\mathbf{c}_{i})';
  assert.match(meaning(a, 'w'), /centre-word/);
  assert.match(meaning(a, 'c'), /context/);
  assert.match(meaning(a, 'c_i'), /negative/);
  // The usual order, other letters: v_t shared, u varies.
  const b = 'L = -\\log\\sigma(v_t^\\top u_c) - \\sum_k \\log \\sigma(-v_t^\\top u_k)';
  assert.match(meaning(b, 'v_t'), /centre-word/);
  assert.match(meaning(b, 'u_c'), /context/);
  assert.match(meaning(b, 'u_k'), /negative/);
  // One product: the letters decide (c · w: c is the context, w the centre word).
  const c = 'P(c \\mid w) = \\frac{\\exp(\\mathbf{c} \\cdot \\mathbf{w})}{\\sum_{c\'} \\exp(\\mathbf{c}\' \\cdot \\mathbf{w})}';
  assert.match(meaning(c, 'w'), /centre/);
  assert.match(meaning(c, 'c'), /context|outside/);
  const d = 'P(o \\mid c) = \\frac{\\exp(u_o^\\top v_c)}{\\sum_{w} \\exp(u_w^\\top v_c)}';
  assert.match(meaning(d, 'u_o'), /outside|context/);
  assert.match(meaning(d, 'v_c'), /centre-word/);
});

test('a letter whose role the formula does not tell is described by its shape, claiming no role', () => {
  // (The grammar alone: the learned reading of roles may add a hedged "probably …", marked as such.)
  const ex = explainFormula('\\mathbf{h}_t = \\mathrm{GRU}(\\mathbf{h}_{t-1}, \\mathbf{m}_t)', { roles: false });
  assert.equal(ex.concept, 'gru');
  const q = ex.symbols.find((s) => s.symbol === 'm_t');
  assert.ok(q, JSON.stringify(ex.symbols));
  assert.equal(q.meaning, 'a vector indexed by t');
});

test('an activation written by its name is the activation function; the argument of an activation is its pre-activation', () => {
  assert.match(meaning('\\tilde{c}_t = \\tanh(U h_{t-1} + V u_t + d)', 'tanh'), /activation function/);
  assert.match(meaning('q = \\text{ReLU}(U s + d)', 'ReLU'), /activation function/);
  assert.match(meaning('\\mathrm{ReLU}(u) = \\max(0, u)', 'ReLU'), /activation function this formula defines/);
  assert.match(meaning('\\mathrm{ReLU}(u) = \\max(0, u)', 'u'), /pre-activation/);
  assert.match(meaning('\\tanh(u) = \\frac{e^u - e^{-u}}{e^u + e^{-u}}', 'u'), /pre-activation/);
  // (A letter named like no activation gets no such entry.)
  assert.equal(meaning('q = \\text{Pool}(U s + d)', 'Pool'), '');
});

test('in a loss, the letter a log takes is a predicted probability wherever else it appears', () => {
  assert.match(meaning('\\mathcal{L}_{CE} = -t \\log y - (1-t) \\log (1-y)', 't'), /target/);
  assert.match(meaning('\\mathcal{L}_{CE} = -t \\log y - (1-t) \\log (1-y)', 'y'), /predicted probability/);
  // (The hover writes ŷ as y with a combining circumflex.)
  const yHat = (tex: string) => explainFormula(tex).symbols.find((s) => s.symbol.normalize('NFC') === 'ŷ')?.meaning ?? '';
  assert.match(yHat('E(y, \\hat y) = -\\sum_k y_k \\log \\hat y_k'), /predicted probability/);
  assert.match(yHat('E(y, \\hat y) = \\sum_k (y_k - \\hat y_k)^2'), /^the prediction \(/);
});

test('quantities named by words: query, key, value and the output of attention; the positional encoding and the position', () => {
  const att = '\\alpha_i = \\frac{\\exp(s(\\text{key}_i, \\text{query}))}{\\sum_j \\exp(s(\\text{key}_j, \\text{query}))}, \\quad \\text{out} = \\sum_i \\alpha_i \\text{value}_i';
  assert.match(meaning(att, 'query'), /the query/);
  assert.match(meaning(att, 'key'), /a key/);
  assert.match(meaning(att, 'value'), /value vector/);
  assert.match(meaning(att, 'out'), /attention output/);
  const pe = '\\text{PE}_{(\\text{pos}, 2k)} = \\sin(\\text{pos} / 10000^{2k/d})';
  assert.match(meaning(pe, 'PE'), /positional encoding/);
  assert.match(meaning(pe, 'pos'), /position in the sequence/);
  // (One such word without attention around it says nothing: `\text{key}` of a dictionary.)
  assert.equal(meaning('r = \\text{lookup}(\\text{key})', 'key'), '');
  // Bayes' rule and a loss written in words: each word names its quantity.
  const bayes = '\\text{posterior} = \\frac{\\text{likelihood} \\cdot \\text{prior}}{\\text{evidence}}';
  assert.match(meaning(bayes, 'posterior'), /posterior probability/);
  assert.match(meaning(bayes, 'prior'), /prior probability/);
  assert.match(meaning(bayes, 'evidence'), /probability of the data/);
  const loss = 'L(\\text{guess}, \\text{actual}) = (\\text{guess} - \\text{actual})^2';
  assert.match(meaning(loss, 'guess'), /prediction/);
  assert.match(meaning(loss, 'actual'), /target/);
});

test('gradients in code notation after a rate, a set beside its size, a bold letter written \\bb{…}', () => {
  assert.match(meaning('u = u - \\alpha du', 'du'), /gradient of the loss with respect to u/);
  assert.match(meaning('E = -\\sum_{k=1}^{|V|} y_k \\log \\hat{y}_k', 'V'), /vocabulary/);
  const ex = explainFormula('\\bb{s} _t = \\varphi(\\bb{U} \\bb{s} _{t-1} + \\bb{V} \\bb{u} _t)');
  assert.equal(ex.concept, 'rnn');
  assert.ok(ex.symbols.some((s) => s.symbol === 's_t'), ex.symbols.map((s) => s.symbol).join(' '));
  assert.match(normaliseTex('\\bb{R}^d'), /\\mathbb\{R\}/);
});

test('gated cells and Adam in any letters: g_f, g_r gates, a GRU candidate through its reset gate, H̃ from H, moments M and G', () => {
  assert.match(meaning('g_f = \\sigma(U_{f}s_{t-1} + V_{f}u_t + c_f)', 'g_f'), /forget gate/);
  assert.match(meaning('g_r = \\sigma(U_{r}s_{t-1} + V_{r}u_t + c_r)', 'g_r'), /reset gate/);
  // (In a note about the GRU.)
  const inGru = (tex: string, sym: string) => explainFormula(tex, { context: { before: 'The GRU computes' } }).symbols.find((s) => s.symbol === sym)?.meaning ?? '';
  assert.match(inGru('\\mathbf{q}_t = \\varphi( \\mathbf{r}_t \\odot \\mathbf{U} \\mathbf{s}_{t-1} + \\mathbf{V} \\mathbf{u}_t)', 'q_t'), /candidate/);
  assert.match(inGru('\\tilde{H}_t = \\tanh(X_t U + (R_t \\odot H_{t-1}) V + c)', 'H̃_t'), /candidate/);
  assert.match(meaning('M \\leftarrow \\beta_1 M + (1 - \\beta_1) \\frac{\\partial E}{\\partial P}', 'M'), /running average of gradients/);
  assert.match(meaning('G \\leftarrow \\beta_2 G + (1 - \\beta_2) (\\frac{\\partial E}{\\partial P})^2', 'G'), /squared gradients/);
  const step = 'P \\leftarrow P - \\frac{\\eta}{\\sqrt{\\hat{G}} + \\epsilon} \\hat{M}';
  const hat = (sym: string) => explainFormula(step).symbols.find((s) => s.symbol.normalize('NFC') === sym.normalize('NFC'))?.meaning ?? '';
  assert.match(hat('Ĝ'), /second moment/);
  assert.match(hat('M̂'), /first moment/);
});

test('a gradient written as one term is named as a whole; counts of an n-gram; vectors of a similarity between word embeddings', () => {
  assert.match(meaning('u \\leftarrow u - \\eta \\nabla_u F(u)', '∇_uF(u)'), /gradient of F with respect to u/);
  assert.match(meaning('U = U - \\alpha \\frac{\\partial E}{\\partial U}', '∂E/∂U'), /gradient \(partial derivative\) of E with respect to U/);
  assert.match(meaning('P(w_i \\mid w_{i-1}) = \\frac{C(w_{i-1} w_i)}{C(w_{i-1})}', 'C'), /number of times/);
  const ex = explainFormula('\\cos(\\theta) = \\frac{u \\cdot v}{\\|u\\| \\|v\\|}', { context: { before: 'The similarity of two word embeddings' } });
  assert.match(ex.symbols.find((s) => s.symbol === 'u')?.meaning ?? '', /word embedding/);
  // (Without word vectors around, the vectors stay vectors.)
  assert.doesNotMatch(meaning('\\cos(\\theta) = \\frac{u \\cdot v}{\\|u\\| \\|v\\|}', 'u'), /embedding/);
});

test('softmax by its name, losses by their names, a sum bound in an activation as a dimension, g and g′ of an activation', () => {
  assert.match(meaning('\\hat{q} = \\mathrm{softmax}(s)', 'softmax'), /activation function/);
  // (In attention the softmax makes weights, not a layer's activation.)
  assert.doesNotMatch(meaning('A = \\text{softmax}(QK^T/\\sqrt{d_k})V', 'softmax'), /activation/);
  assert.match(meaning('CE(y, \\hat y) = -\\sum_k y_k \\log \\hat y_k', 'CE'), /cross-entropy loss/);
  assert.match(meaning('s(u)_k = \\frac{e^{u_k}}{\\sum_{j=1}^N e^{u_j}}', 'N'), /dimension/);
  const d = "g'(u) = g(u) (1 - g(u))";
  assert.match(meaning(d, 'g′'), /derivative \(gradient\) of the activation function g/);
  assert.match(meaning(d, 'g'), /the activation function/);
  const lr = explainFormula('h_\\theta(u) = g(\\theta^T u)', { context: { before: 'In logistic regression' } });
  assert.match(lr.symbols.find((s) => s.symbol === 'g')?.meaning ?? '', /activation function/);
});

test('the sigmoid\'s output in logistic regression is a probability; δ in backpropagation is the error term; the letter a softmax defines is the function', () => {
  const lr = explainFormula('\\hat{y} = \\sigma(w^T x + b)');
  assert.equal(lr.concept, 'logistic-regression');
  assert.match(lr.symbols.find((s) => s.symbol.normalize('NFC') === 'ŷ')?.meaning ?? '', /probability between 0 and 1/);
  assert.match(meaning('\\delta^l=\\frac{\\partial C}{\\partial z^l}=\\frac{\\partial C}{\\partial a^l}\\frac{\\partial a^l}{\\partial z^l}', 'δ'), /error term/);
  assert.match(meaning('s(u)_k = \\frac{e^{u_k}}{\\sum_j e^{u_j}}', 's'), /activation function this formula defines \(Softmax\)/);
  // (A hidden layer's sigmoid gives an activation, not a probability.)
  assert.doesNotMatch(meaning('h = \\sigma(W u + c)', 'h'), /probability/);
});

test('Pr by its name, ∇J beside ∇J(w)', () => {
  assert.match(meaning('PP = \\mathrm{Pr}(W)^{-\\frac{1}{m}}', 'Pr'), /probability/);
  assert.match(meaning('w \\leftarrow w - \\eta \\nabla J(w)', '∇J'), /gradient of J/);
});

test('a token predicted from earlier tokens of its own sequence is both what the model reads and what it predicts', () => {
  const of = (tex: string, letter: string) => explainFormula(tex).symbols.find((s) => s.symbol === letter)?.meaning ?? '';
  assert.match(of('P(u_k \\mid u_{k-1}, u_{k-2})', 'u_k'), /sequence.*input.*predicted/);
  // A label given an input of another letter stays the target alone.
  assert.match(of('P(c \\mid v)', 'c'), /^the token or class being predicted/);
});

test("a moment's letters follow what the formula averages, not the letter; the hinge loss's prediction is a score", () => {
  // v averaged from unsquared gradients with β₁ is the first moment, at this step and the one before.
  assert.match(meaning('v_t = \\beta_1 v_{t-1} + (1-\\beta_1) g_t', 'v_{t−1}'), /first moment/);
  assert.match(meaning('\\hat{v}_t = \\frac{v_t}{1-\\beta_1^t}', 'v_t'), /first moment/);
  assert.match(meaning('\\hat{v}_t = \\frac{v_t}{1-\\beta_2^t}', 'v_t'), /second moment/);
  const hinge = explainFormula('L = \\frac{1}{N} \\sum_{i=1}^N \\max(0, 1 - y_i \\hat{y}_i)').symbols.find((s) => s.symbol.normalize('NFD').startsWith('y\u0302'));
  assert.match(hinge?.meaning ?? '', /score/);
  assert.match(meaning('L = \\prod_{i=1}^m P(y_i|x_i)', 'L'), /probability of the data/);
});

test('a moment marked corrected by a word (V^{corrected}_{dw}) is its bias-corrected form, kept apart from the moment it corrects', () => {
  const first = 'V^{corrected}_{dw}=V_{dw}/(1-\\beta _1^t)';
  assert.match(meaning(first, 'V_{dw}^{corrected}'), /^the bias-corrected running average of gradients \(first moment/);
  assert.match(meaning(first, 'V_{dw}'), /^the running average of gradients \(first moment/);
  assert.match(meaning('S^{corrected}_{dw}=S_{dw}/(1-\\beta _2^t)', 'S_{dw}'), /second moment/);
  const step = 'w:=w-\\alpha \\frac{V^{corrected}_{dw}}{\\sqrt{S^{corrected}_{dw}}+\\epsilon}';
  assert.match(meaning(step, 'S_{dw}^{corrected}'), /bias-corrected .*second moment/);
  assert.match(meaning(step, 'V_{dw}^{corrected}'), /bias-corrected .*first moment/);
  // (Without the word, a superscript other than a step is still left out of the letter's name.)
  assert.ok(explainFormula('V^{k}_{dw} = V_{dw}').symbols.some((s) => s.symbol === 'V_{dw}'));
});

test("negative sampling's D in P(D = 1 | w, c) is the label saying whether the pair came from the text", () => {
  const ex = '\\log \\sigma(u_o^\\top v_c) = \\log P(D=1 \\mid w_o, w_c)';
  assert.match(meaning(ex, 'D'), /label.*D = 1 for a true pair/);
  // (Elsewhere D stays the data set.)
  assert.doesNotMatch(meaning('p(D \\mid \\theta) = \\prod_i p(x_i \\mid \\theta)', 'D'), /true pair/);
});

test("a unit's gradient by its bias, or of a loss written with its arguments, reads z as the pre-activation", () => {
  assert.match(meaning('\\dfrac{\\partial c}{\\partial b}=\\dfrac{\\partial z}{\\partial b} \\dfrac{\\partial a}{\\partial z} \\dfrac{\\partial c}{\\partial a}', 'z'), /pre-activation/);
  assert.match(meaning('\\frac{\\partial J(y,\\hat y)}{\\partial b_i^{[l]}}=\\frac{\\partial J(y,\\hat y)}{\\partial z_{i}^{[l]}} \\frac{\\partial z_{i}^{[l]}}{\\partial b_{i}^{[l]}}', 'z_i'), /pre-activation/);
  // (The textbook chain x → y → z keeps z as the variable at the end of the chain.)
  assert.doesNotMatch(meaning('\\frac{dz}{dx} = \\frac{dz}{dy} \\frac{dy}{dx}', 'z'), /pre-activation/);
});

test('matrix factorisation: p and q multiplied together are the learned latent factors of a user and an item, not distributions', () => {
  const mf = '\\min_{P,Q}\\sum_{(u,i)}(r_{u,i}-p_u^Tq_i)^2';
  assert.match(meaning(mf, 'p_u'), /^the latent factors \(embedding\) of user u: learned parameters/);
  assert.match(meaning(mf, 'q_i'), /^the latent factors \(embedding\) of item i: learned parameters/);
  assert.match(meaning(mf, 'P'), /every user’s latent factors/);
  // (Indexed as the factors of a matrix product: p_{ik} is factor k of user i, q_{kj} factor k of item j.)
  const product = 'e_{ij}^2 = (r_{ij} - \\sum_{k=1}^K{p_{ik}q_{kj}})^2';
  assert.match(meaning(product, 'p_{ik}'), /^latent factor k .* of user i/);
  assert.match(meaning(product, 'q_{kj}'), /^latent factor k .* of item j/);
  // (Under a log they stay the distributions: cross-entropy's p_i log q_i.)
  assert.doesNotMatch(meaning('H(p, q) = -\\sum_i p_i \\log q_i', 'q_i'), /latent/);
  assert.doesNotMatch(meaning('D = \\sum_i p_i q_i', 'p_i'), /latent/);
});
