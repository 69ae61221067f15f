import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { normaliseTex } from '../../../src/core/formula/normalise';
import { recognise } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';
import { isTexmacs, texmacsToTex } from '../../../src/core/formula/texmacs';

test('repairs: TAB for \\t, bare function words, sqrt(…), decorations, array specs, bracket indexing, arrows', () => {
  assert.equal(normaliseTex('\tanh(x) + \text{a} + \theta'), '\\tanh(x) + \\text{a} + \\theta');
  assert.equal(normaliseTex('softmax(z)_i = exp(z_i) / sum'), '\\softmax(z)_i = \\exp(z_i) / sum');
  assert.equal(normaliseTex('-log p(x)'), '-\\log p(x)');
  assert.equal(normaliseTex('\\operatorname{softmax}(z) + w_{max}'), '\\operatorname{softmax}(z) + w_{max}');
  assert.equal(normaliseTex('QK^T / sqrt(d_k)'), 'QK^T / \\sqrt{d_k}');
  assert.equal(normaliseTex('\\underset{w}{\\arg\\min} \\underbrace{L(w)}_{\\text{loss}} + \\overbrace{R}^{\\text{reg}}'), '{\\arg\\min}_{w} {L(w)} + {R}');
  assert.equal(normaliseTex('\\begin{array}{ll} a \\end{array}'), '\\begin{array} a \\end{array}');
  assert.equal(normaliseTex('p_{[j]} = s_{ [k] }'), 'p_{j} = s_{k}');
  assert.equal(normaliseTex('(h_{t-1}, x_t) \\mapsto h_t'), 'h_t = \\operatorname{map}(h_{t-1}, x_t)');
  assert.equal(normaliseTex('\\delta(w^T x + b)'), '\\sigma(w^T x + b)');
  assert.equal(normaliseTex('\\delta_j = \\delta(z)'), '\\delta_j = \\delta(z)');
});

test('classes of real-note notation reach the right concept', () => {
  const cases: Array<[string, string, string?]> = [
    ['gru', '\\mathbf{h}_t = \\mathrm{GRU}(\\mathbf{h}_{t-1}, \\mathbf{x}_t)'],
    ['bidirectional-rnn', 'H = \\operatorname{BiRNN}(x_{1:T})'],
    ['rnn', 'h_t = f(x_t, h_{t-1})'],
    ['rnn', '(h_{t-1}, x_t) \\mapsto h_t'],
    ['scaled-dot-product-attention', 'Attention(Q, K, V) = softmax( QK^T / sqrt(d_k) ) V'],
    ['tanh', '\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}'],
    ['softmax', 'p_{[j]} = \\frac{\\exp(s_{[j]})}{\\sum_{k} \\exp(s_{[k]})}'],
    ['affine-layer', '\\mathbf{z} = \\mathbf{h}\\mathbf{U} + \\mathbf{c}'],
    ['mlp', '\\begin{aligned} \\mathbf{H} & = \\mathbf{X} \\mathbf{W}^{(1)} + \\mathbf{b}^{(1)}, \\\\ \\mathbf{O} & = \\mathbf{H}\\mathbf{W}^{(2)} + \\mathbf{b}^{(2)}. \\end{aligned}'],
    ['sgns', 'P(D=1\\mid w_c, w_o) = \\sigma(\\mathbf{u}_o^\\top \\mathbf{v}_c)'],
    ['gru', 'h_t = GRU(h_{t-1}, x_t)'],
    ['bidirectional-rnn', 'H = BiLSTM(X)'],
    ['mlp', 'y = NN_2(x)'],
    ['mse', 'J(θ) = 1/m Σ_i (h_θ(x_i) − y_i)^2'],
    ['rnn', '\\boldsymbol{a}^{(t)} = \\boldsymbol{b} + \\boldsymbol{W}\\boldsymbol{h}^{(t-1)} + \\boldsymbol{U}\\boldsymbol{x}^{(t)}'],
    ['hierarchical-softmax', 'P(w_3 \\mid w_c) = \\sigma(\\mathbf{u}_{n(w_3, 1)}^\\top \\mathbf{v}_c) \\cdot \\sigma(-\\mathbf{u}_{n(w_3, 2)}^\\top \\mathbf{v}_c)', 'Hierarchical softmax'],
  ];
  for (const [want, tex, ctx] of cases) assert.equal(recognise(tex, { before: ctx }).concept, want, tex);
});

test('code-like plain text: library prefixes, (transpose), numbered letters, y[i], d(·)/d(·), * products', () => {
  const cases: Array<[string, string]> = [
    ['u = np.tanh(v)', 'u = \\tanh(v)'],
    ['s2 = W3*r2 + c', 's_{2} = W_{3} r_{2} + c'],
    ['q = u(transpose)k', 'q = u^T k'],
    ["E = Sum(e[j])", 'E = \\sum(e_{j})'],
    ['d(g)/d(s) = 1', '\\frac{d g}{d s} = 1'],
    ['r = max(0, s)  # the hinge', 'r = \\max(0, s)'],
    ['\\sum\\limits_{k=1} a_k', '\\sum_{k=1} a_k'],
    ['\\frac{\\delta E}{\\delta u}', '\\frac{\\partial E}{\\partial u}'],
    // An element-wise product of a gate and a state keeps its star; the star after a matrix letter is a product.
    ['m = G_t * m_{t-1}', 'm = G_t * m_{t-1}'],
  ];
  for (const [input, want] of cases) assert.equal(normaliseTex(input), want, input);
});

test('training and activation forms in any letters reach the right concept; near misses claim nothing', () => {
  const cases: Array<[string | null, string, string?]> = [
    ['gradient-descent', 'v = v - eta * dv'],
    ['gradient-descent', '\\beta_k := \\beta_k - \\frac{\\eta}{n} \\sum_{j=1}^n (f(u^{j}) - t^{j}) u_k^{j}'],
    ['regularization', 'E(\\beta) = \\frac{1}{n}\\sum_j (t_j - \\beta^T u_j)^2 + \\gamma \\|\\beta\\|_1', 'a penalised objective'],
    ['regularization', '\\lambda \\sum_k w_k^2'],
    ['regularization', '\\Omega(\\theta) = \\frac{1}{2}\\|\\theta\\|^2'],
    ['sigmoid', 'r = sigmoid(s)'],
    ['tanh', 'U = tanh(S)'],
    ['sigmoid', "f'(s) = f(s) (1 - f(s))", 'derivative of the logistic function'],
    ['binary-cross-entropy', '\\ell(\\hat{t}, 1) = -\\log \\hat{t}'],
    ['binary-cross-entropy', '\\log(1 + \\exp(-t_k g(u_k)))'],
    ['linear-regression', 'h_w(u) = w^T u'],
    ['kl-divergence', 'D_{KL}(A \\| B)'],
    ['self-attention', 'k_j = W^K e_j'],
    ['rnn', 's = g(s_{t-1}; e; \\phi)'],
    ['chain-rule', 'd(c)/d(a) = d(c)/d(b) * d(b)/d(a)'],
    ['attention', '\\vec w = softmax(\\vec e)', 'turn the scores into attention weights with a softmax'],
    ['mlp-attention', 'a_{j} = \\mathrm{softmax}(u^\\top \\tanh(W_1 d_{k} + W_2 e_{j}))'],
    ['attention', '\\begin{aligned} s_{j} &= d^T e_{j} \\\\ a_{j} &= \\mathrm{softmax}(s_{j}) \\\\ o &= \\sum_j a_{j} e_{j} \\end{aligned}'],
    // A momentum step (outside the catalog) and an adaptive step are not plain gradient descent; a model called on
    // its own is a use of it.
    [null, '\\phi_{k+1} = \\phi_k - \\eta m(k)'],
    [null, '\\phi_{k} = \\phi_{k-1} - \\frac{\\eta}{\\sqrt{\\sum_{j=1}^{k} g_{j}^2}} g_{k}'],
    [null, '\\text{GRU}(u)'],
    [null, 'g_i(u) = w_i^T u'],
  ];
  for (const [want, tex, ctx] of cases) assert.equal(recognise(tex, { before: ctx }).concept, want, tex);
});

test('a penalised loss: the words decide between the data loss they name and the penalty', () => {
  const tex = 'E(w) = \\frac{1}{2}\\|g(u) - t\\|_2^2 + \\gamma \\|W\\|_2^2';
  assert.equal(recognise(tex, { before: 'For regression the network uses the squared error loss, written as' }).concept, 'mse');
  assert.equal(recognise(tex, { before: 'The regularised objective adds a penalty on the weights' }).concept, 'regularization');
  assert.equal(recognise(tex).concept, 'regularization');
});

test('calibration: unrelated concepts fitting alike, or a method outside the catalog named around it, give no concept', () => {
  // Noise-contrastive estimation is not in the catalog: its classifier probability is not claimed as negative sampling.
  assert.equal(recognise('p(d=1 \\vert w, w_I) = \\frac{p(w \\vert w_I)}{p(w \\vert w_I) + Nq(\\tilde{w})}', { before: 'Noise Contrastive Estimation (NCE)' }).concept, null);
  assert.equal(recognise('p_{co}(w_k \\vert w_i) = \\frac{C(w_i, w_k)}{C(w_i)}', { before: 'GloVe: co-occurrence counts' }).concept, null);
  const r = recognise('x^2 + y^2 = 1');
  assert.equal(r.concept, null);
  assert.equal(r.unsure, 'none');
});

test("code's subscripts: a word after the underscore (y_true, y_pred) and an arrow in brackets (W[x->i]); TeX's one-letter subscripts stay", () => {
  assert.equal(normaliseTex('square(y_true - y_pred)').includes('y_{true} - y_{pred}'), true);
  assert.match(normaliseTex('i[t] = σ(W[x->i]x[t] + b[1->i])'), /W_\{x \\to i\}x_\{t\} \+ b_\{1 \\to i\}/);
  // (W_fx_t is W_f x_t in TeX; w_fx + u_fh is w_f x + u_f h.)
  assert.equal(normaliseTex('f_t = \\sigma(W_fx_t + U_fh_{t-1} + b_f)'), 'f_t = \\sigma(W_fx_t + U_fh_{t-1} + b_f)');
  assert.match(normaliseTex('\\sigma(w_fx+u_fh+b_f)'), /w_fx\+u_fh\+b_f/);
  // The keys the hover gives such letters are the words: the target and the prediction of a loss written as code.
  const ex = explainFormula('loss = mean(square(y_true - y_pred))');
  assert.match(ex.symbols.find((s) => s.symbol === 'y_{true}')?.meaning ?? '', /target/);
  assert.match(ex.symbols.find((s) => s.symbol === 'y_{pred}')?.meaning ?? '', /prediction|output/);
});

test("hasty step notation: a< t > and x<t-1> typed without a superscript, x[t] after a one-letter subscript, a word's code subscript", () => {
  assert.equal(normaliseTex('a< t > = g( W * a< t-1 > + U * x<t> + b )'), 'a^{(t)} = g( W a^{(t-1)} + U x^{(t)} + b )');
  // (An inequality between numbers and a letter stays one.)
  assert.equal(normaliseTex('0 < t < 1'), '0 < t < 1');
  assert.equal(normaliseTex('w_ix[t]+u_ih[t-1]'), 'w_ix_{t}+u_ih_{t-1}');
  assert.equal(normaliseTex('b = b - learning_rate * db'), 'b = b - learning_{rate} * db');
  assert.equal(recognise('s< t > = f( V * s< t-1 > + U * x< t > + c )').concept, 'rnn');
});

test("the empty group between a subscript and a superscript, v'_{w_O}{}^T, joins nothing: the transposed output vector", () => {
  assert.equal(normaliseTex("v'_{w_O}{}^T v_{w_I}"), "v'_{w_O}^T v_{w_I}");
  assert.equal(recognise("p(w_O | w_I) = \\frac{\\exp(v'_{w_O}{}^T v_{w_I})}{\\sum_{w=1}^W \\exp(v'_w{}^T v_{w_I})}").concept, 'skipgram-softmax');
});

test('a step typed after a bare caret, c^<t-1>, is the step t − 1; gates written so are the cell named in the sentence', () => {
  assert.equal(normaliseTex('c^<t-1> + x^<t>'), 'c^{(t-1)} + x^{(t)}');
  assert.equal(recognise('\\Gamma_r = \\sigma(W_r [c^<t-1>, x^<t>] + b_r)', { before: 'GRU, the full equations:' }).concept, 'gru');
  assert.equal(recognise('\\Gamma_o = \\sigma(W_o [a^<t-1>, x^<t>] + b_o)', { before: 'LSTM gates:' }).concept, 'lstm');
  // (A comparison keeps its signs: a < b > c is no step.)
  assert.match(normaliseTex('0 < p < 1'), /</);
});

test('σ(wᵀx + b) given to a or A with no words of neurons is the logistic regression unit; given to a hidden unit h, a neuron', () => {
  assert.equal(recognise('a^{(i)} = \\sigma(w^T x^{(i)} + b)').concept, 'logistic-regression');
  assert.equal(recognise('A = \\sigma(w^T X + b)').concept, 'logistic-regression');
  assert.equal(recognise('h = \\sigma(w^T x + b)').concept, 'affine-layer');
});

test("a recurrent step's weighted input with lower-case weights or an input without its step, and the state as the activation of it, are the RNN", () => {
  assert.equal(recognise('q_{t} = c + v r_{t-1} + w e_{t}').concept, 'rnn');
  assert.equal(recognise('\\mathbf{u}_t = \\mathbf{W}_{in} \\mathbf{x} + \\mathbf{W}_{rec} \\mathbf{r}_{t-1}').concept, 'rnn');
  assert.equal(recognise('s_t = \\tanh(q_t)').concept, 'rnn');
  // (The next step from this one: t+1 and t.)
  assert.equal(recognise('q_{t+1} = c + v r_{t} + w e_{t+1}').concept, 'rnn');
  assert.equal(recognise('s_{t+1} = \\tanh(q_{t+1})').concept, 'rnn');
  // (Without a step the same shapes are a layer and an activation.)
  assert.notEqual(recognise('q = c + v r + w e').concept, 'rnn');
  assert.notEqual(recognise('s = \\tanh(q)').concept, 'rnn');
  // (The state's own input, h_t = tanh(x_t), is no recurrence.)
  assert.notEqual(recognise('h_t = \\tanh(x_t)').concept, 'rnn');
});

test("a reset gate is r beside h in the product itself, not letters of words in brackets; a weight times a state written with \\ast", () => {
  assert.equal(recognise('\\tilde{h}_t = \\tanh(W x_t + U (r_t \\odot h_{t-1}))').concept, 'gru');
  assert.notEqual(recognise('y >= 0.5 when z >= 0 (so whenever THETA^T * x >= 0)').concept, 'gru');
  assert.equal(normaliseTex('W_{zh}\\ast h_{t-1}'), 'W_{zh} h_{t-1}');
  assert.equal(recognise('z_t = \\sigma(W_{zh}\\ast h_{t-1} + W_{zx}\\ast x_t)').concept, 'gru');
});

test("the physics package's sized brackets and vector arrow: \\qty(…), \\qty{…}, \\va x", () => {
  assert.equal(normaliseTex('\\qty(a + b) \\qty[c]'), '(a + b) [c]');
  assert.equal(normaliseTex('\\max\\qty{0, 1 - z}'), '\\max(0, 1 - z)');
  assert.match(normaliseTex('\\qty(\\va\\theta\\cdot\\va x)'), /\\vec\{\\theta\}\\cdot\\vec\{x\}/);
  assert.equal(recognise('h(\\va x) = \\sigma\\qty(\\va\\theta\\cdot\\va x)', { before: 'Logistic regression:' }).concept, 'logistic-regression');
  // (Without the package's commands, \va is a note's bold a.)
  assert.match(normaliseTex('\\va + \\vb'), /\\mathbf\{a\}/);
});

test('a state mixed between its previous value and a candidate by one gate is the GRU, with the products juxtaposed or written with ×; a moving average by a Greek rate is not', () => {
  assert.equal(recognise('s_t = (1 - q_t) s_{t-1} + q_t \\tilde{s}_t').concept, 'gru');
  assert.equal(recognise('s_t = (1 - q_t) \\times s_{t-1} + q_t \\times n_t').concept, 'gru');
  assert.equal(recognise('h_t = (1 - u_t) \\odot h_{t-1} + u_t \\odot c_t').concept, 'gru');
  assert.notEqual(recognise('s_t = \\rho s_{t-1} + (1 - \\rho) g_t').concept, 'gru');
  assert.notEqual(recognise('s_t = (1 - q_t) a_t + q_t b_t').concept, 'gru');
});

test("code's weights and biases named by one suffix are subscripted where both are written; a Greek letter's digit is its index", () => {
  assert.equal(normaliseTex('gz = sigma( Wz [q(t-1), x(t)] + bz )'), 'gz = \\sigma( W_{z} [q(t-1), x(t)] + b_{z} )');
  assert.equal(normaliseTex('h(x) = θ0 + θ1 x'), 'h(x) = θ_{0} + θ_{1} x');
  // (A W with a suffix and no matching b stays as written.)
  assert.equal(normaliseTex('Wz + c'), 'Wz + c');
  // (A decimal number after θ is no index.)
  assert.equal(normaliseTex('θ0.5'), 'θ0.5');
});

test('one right-arrowed letter alone is a vector, no bidirectional network; a backward state or two directed states are', () => {
  assert.notEqual(recognise('\\overrightarrow{s} = W u + b').concept, 'bidirectional-rnn');
  assert.equal(recognise('s_t = [\\overrightarrow{s}_t ; \\overleftarrow{s}_t]').concept, 'bidirectional-rnn');
});

test('Greek names typed in capitals are the letters, an index kept: THETAj, ALPHA, hTHETA(x)', () => {
  assert.equal(normaliseTex('THETAj := THETAj - ALPHA * d'), '\\theta_{j} := \\theta_{j} - \\alpha  * d');
  assert.equal(normaliseTex('hTHETA(x) = THETA0 + THETA1 * x'), 'h_{\\theta}(x) = \\theta_{0} + \\theta_{1} * x');
  // (Capitals inside a longer word stay: META, BETAGAMMA.)
  assert.equal(normaliseTex('META + BETAGAMMA'), 'META + BETAGAMMA');
});

test("Pandoc's script marks in plain-text notes are scripts; TeX's carets and ties are left alone", () => {
  assert.equal(normaliseTex('S~dw~ = B * S~dw~ + (1-B) * dw^2^'), 'S_{dw} = B * S_{dw} + (1-B) * dw^{2}');
  assert.equal(normaliseTex('V^corrected^~dw~ = V~dw~/(1-B~1~^t^)'), 'V^{corrected}_{dw} = V_{dw}/(1-B_{1}^{t})');
  // Unbraced TeX scripts, one letter each, and a tie in TeX stay as written.
  assert.equal(normaliseTex('q^i=W^qa^i'), 'q^i=W^qa^i');
  assert.match(normaliseTex('\\text{a}~b~c'), /~b~c/);
});

test('a capital sigma from a number to a letter is the sum; a covariance to a negative power is not', () => {
  assert.match(normaliseTex('\\frac{e^{x_i}}{\\Sigma_1^n e^{x_j}}'), /\\sum_1\^n/);
  assert.match(normaliseTex('\\Sigma_1^{-1} x'), /\\Sigma_1\^\{-1\}/);
});

test("Markdown's italics around a letter are emphasis, not products; a Pandoc script may be a shifted index", () => {
  assert.equal(normaliseTex('*P*(*x*~1~,*x~2~*,…,*x~T~*) = *P*(*x~t~*∣*x*~1~,…,*x~t−1~*)'), 'P(x_{1},x_{2},…,x_{T}) = P(x_{t}|x_{1},…,x_{t-1})');
  assert.equal(normaliseTex('*P*(a, b)=*P*(a)*P*(b∣a)'), 'P(a, b)=P(a)P(b|a)');
  // Products typed with stars stay products.
  assert.equal(normaliseTex('a*b*c + x * y * z'), 'a*b*c + x * y * z');
  assert.match(normaliseTex('f(a)*b*(c)'), /\*b\*/);
  assert.equal(recognise('*P*(w~1~,…,*w~T~*) = ∏ *P*(*w~t~*∣*w*~1~,…,*w~t−1~*)').concept, 'language-model');
});

test("the perceptron's unit step of its weighted input, in any spelling: step(w·x + b), MATLAB's hardlim(Wp + b)", () => {
  for (const tex of ['y = \\mathrm{step}(w \\cdot x + b)', 'a = \\mathrm{hardlim}(w^T p + b)']) assert.equal(recognise(tex).concept, 'step-function', tex);
  assert.equal(recognise('a = \\mathrm{logsig}(w^T p + b)').concept === 'step-function', false);
  assert.ok(recognise('a = \\mathrm{tansig}(n)').candidates.some((c) => c.id === 'tanh'));
  assert.ok(recognise('a = \\mathrm{poslin}(n)').candidates.some((c) => c.id === 'relu'));
});

test("code's gradient of a numbered letter, dw2, is d before w_2", () => {
  assert.equal(normaliseTex('w2 := w2 - \\alpha dw2'), 'w_{2} := w_{2} - \\alpha dw_{2}');
  assert.equal(normaliseTex('db1 = dz1'), 'db_{1} = dz_{1}');
});

test('TeXmacs markup is read as TeX: tags, symbols, bold letters, brackets, big operators, accents and tables', () => {
  assert.equal(texmacsToTex('q<rsub|\\<phi\\>><around*|(|\\<b-z\\><around*|\\||\\<b-x\\>|\\<nobracket\\>>|)>'), 'q_{\\phi }(\\mathbf{z}|\\mathbf{x})');
  assert.equal(texmacsToTex('<frac|1|2><big|sum><rsub|i=1><rsup|n>a<rsub|i>*b<rsub|i>'), '\\frac{1}{2}\\sum _{i=1}^{n}a_{i} b_{i}');
  assert.equal(texmacsToTex('<around*|\\<\\|\\|\\>|\\<b-w\\>|\\<\\|\\|\\>><rsup|2>'), '\\|\\mathbf{w}\\|^{2}');
  assert.equal(texmacsToTex('<wide|y|^>=<sqrt|x>'), '\\hat{y}=\\sqrt{x}');
  assert.equal(texmacsToTex('<matrix|<tformat|<table|<row|<cell|a>|<cell|b>>|<row|<cell|c>|<cell|d>>>>>'), '\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}');
  // A tag never closed ends with the text; TeX with no markup is not TeXmacs.
  assert.equal(texmacsToTex('<frac|1|2'), '\\frac{1}{2}');
  assert.equal(isTexmacs('\\frac{1}{2} x_i < y'), false);
  // (A letter escaped in angle brackets, `s<sup>\\<t\\></sup>`, is markdown's escape, not a TeXmacs symbol.)
  assert.equal(isTexmacs('s<sup>\\<t\\></sup>'), false);
  assert.equal(isTexmacs('s<sup>\\<t-1\\></sup>'), false);
  // Recognised as the TeX it stands for.
  assert.equal(recognise('<wide|y|^>=\\<sigma\\><around*|(|\\<b-w\\><rsup|T>\\<b-x\\>+b|)>').concept, 'logistic-regression');
});

test('a formula URL-encoded out of an equation-image link is read with its characters', () => {
  assert.equal(normaliseTex('v = A u %2B c'), 'v = A u + c');
  assert.equal(recognise('\\vec{v} = tanh(A\\vec{u} %2B \\vec{c})').concept, 'affine-layer');
  // A percentage is no escape.
  assert.match(normaliseTex('p = 50\\% x'), /50\\% x/);
});

test("a prime after a function's bracket is the function's derivative", () => {
  assert.equal(normaliseTex("u(\\theta)' = 0"), "u'(\\theta) = 0");
  // (A bracket after a command keeps its prime where it is.)
  assert.equal(normaliseTex("\\log(x)'"), "\\log(x)'");
});

test('TeXmacs tags nested deeper than the parser reads end the formula, never the stack', () => {
  const deep = '<rsub|'.repeat(20000) + 'x' + '>'.repeat(20000);
  const tex = texmacsToTex(deep);
  assert.ok(tex.length < 2000, `${tex.length} characters`);
  assert.ok(tex.startsWith('_{_{'));
});
