import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { plainMath } from '../../../src/core/formula/plainMath';
import { normaliseTex } from '../../../src/core/formula/normalise';
import { recognise } from '../../../src/core/formula/recognise';

const concept = (tex: string, before = '') => recognise(tex, { before }).concept;

test('plain-text math: scripts in parentheses, fractions of brackets, dotted symbols, quoted words, calls as notation', () => {
  assert.equal(plainMath('u_(k) = v^(n-1)'), 'u_{k} = v^{n-1}');
  assert.equal(plainMath('(partial E)/(partial w_(i j))'), '\\frac{\\partial E}{\\partial w_{i j}}');
  assert.equal(plainMath('W arrow.l W - mu gradient_W E'), 'W \\leftarrow W - \\mu \\nabla _W E');
  assert.equal(plainMath('a dot.circle b lt.eq c'), 'a \\odot b \\le c');
  assert.equal(plainMath('s = "Softmax"(o)'), 's = \\operatorname{Softmax}(o)');
  assert.equal(plainMath('accent(accent(s, tilde), arrow) = hat(y)'), '\\vec{\\tilde{s}} = \\hat{y}');
  assert.equal(plainMath('J = 1/2 norm(u - v)^2_2 + abs(w_1)'), 'J = \\frac{1}{2} \\|u - v\\|^2_2 + |w_1|');
  assert.equal(plainMath('EE_(q) = sum_(k=1)^K sqrt(x_k)'), '\\mathbb{E} _{q} = \\sum _{k=1}^K \\sqrt{x_k}');
  // TeX, and text without plain-math marks, are left as they are.
  assert.equal(plainMath('\\sum_{i} (x_i)^2'), '\\sum_{i} (x_i)^2');
  assert.equal(plainMath('y = w x + b'), 'y = w x + b');
  // Unbalanced brackets stop the rewriting without losing text.
  assert.match(plainMath('g_(z = (a'), /g_\(z = \(a/);
});

test('plain-text math reaches the recogniser: a gradient step, a squared error, a gated state, a norm', () => {
  assert.equal(concept('V arrow.l V - mu gradient_V J'), 'gradient-descent');
  assert.equal(concept('L(u, v) = 1/2 norm(u - v)^2_2'), 'mse');
  assert.equal(concept('accent(s^k, arrow) = accent(z^k, arrow) dot.circle accent(accent(s^k, tilde), arrow) + (1 - accent(z^k, arrow)) dot.circle accent(s^(k-1), arrow)'), 'gru');
  assert.equal(concept('norm(w)_2 = sqrt(sum_j w_j^2)'), 'norms');
  assert.equal(concept('beta_i arrow.l beta_i - mu gradient_(beta_i) J - mu lambda beta_i'), 'gradient-descent');
});

test('HTML scripts, stray dollars and a backtick prime in markdown notes', () => {
  assert.equal(normaliseTex('u<sup>(k)</sup> + V<sub>ab</sub>'), 'u^{(k)} + V_{ab}');
  // (The step in angle brackets becomes the step t.)
  assert.equal(normaliseTex('s<sup>\\<t\\></sup>'), 's^{(t)}');
  assert.equal(concept('s<sup>\\<t\\></sup> = g(V<sub>ss</sub> s<sup>\\<t-1\\></sup> + V<sub>su</sub> u<sup>\\<t\\></sup> + c<sub>s</sub>)'), 'rnn');
  assert.equal(concept('L(\\hat{p}, q) = -(q$ log $\\hat{p} + (1-q)$ log $(1-\\hat{p}))'), 'binary-cross-entropy');
  assert.match(normaliseTex('dZ = dA * g`(Z)'), /g'\(Z\)/);
});

test('Typst fonts, text, fractions and cases; formulas written as code', () => {
  assert.equal(plainMath('bold(h) = cal(F)(bold(u))'), '\\mathbf{h} = \\mathcal{F}(\\mathbf{u})');
  assert.equal(plainMath('g_text("tanh")(u) = frac(1, 2)'), 'g_{\\text{tanh}}(u) = \\frac{1}{2}');
  assert.equal(plainMath('s(u) = cases(u & text("if") u > 0, 0 & text("else"))'), 's(u) = \\begin{cases} u & \\text{if} u > 0 \\\\ 0 & \\text{else} \\end{cases}');
  // (A one-argument frac is no fraction: left as written.)
  assert.equal(plainMath('frac(u) + bold(v)'), 'frac(u) + \\mathbf{v}');
  // (Typst's relation names: ∼, ≃, ≡, ⇒, ⇔.)
  assert.equal(plainMath('u tilde.op cal(N)(m, s) arrow.r.double v tilde.eq c'), 'u \\sim \\mathcal{N}(m, s) \\Rightarrow v \\simeq c');
  assert.equal(plainMath('a eq.triple b arrow.l.r.double c'), 'a \\equiv b \\Leftrightarrow c');
  assert.equal(normaliseTex('q = 1 / (1+(e**(-u)))'), 'q = 1 / (1+e^{-u})');
  assert.equal(normaliseTex('s = np.dot(v.T, u) + c'), 's = v^T u + c');
  assert.equal(normaliseTex('r = tf.reduce_mean(tf.square(p - q))'), 'r = mean((p - q)^2)');
  // (Typst's one-argument dot is an accent, not a product.)
  assert.match(normaliseTex('dot(u) + a ** (b)'), /dot\(u\) \+ a\^\{b\}/);
});

test('Typst notes and code-style notes reach the recogniser', () => {
  assert.equal(concept('g_text("logistic")(u) = frac(1, 1 + exp(-u))'), 'sigmoid');
  assert.equal(concept('g_text("step")(u) = cases(1 & text("if") u >= 0, 0 & text("otherwise"))'), 'step-function');
  assert.equal(concept('bold(o) = bold(h) dot bold(V) + bold(c)'), 'affine-layer');
  assert.equal(concept('q_(k) = frac(exp(u_(k)), sum_j exp(u_(j)))'), 'softmax');
  assert.equal(concept('g(u) = 1 / (1+(e**(-u)))'), 'sigmoid');
  assert.equal(concept('g(u) = (1-(e**(-2u))) / (1+(e**(-2u)))'), 'tanh');
  assert.equal(concept('s = np.dot(v.T, u) + c'), 'affine-layer');
});

test('math typed in HTML: named and numeric entities as their characters, layout tags as spaces', () => {
  assert.equal(normaliseTex('u = &tau;(v<sub>1</sub>&middot;s<sub>1</sub> + c)'), 'u = τ(v_{1} \\cdot s_{1} + c)');
  assert.equal(normaliseTex('&Omega; &#946; &lambda;'), 'Ω β λ');
  // (An entity it does not know stays as written.)
  assert.equal(normaliseTex('a &frobnicate; b'), 'a &frobnicate; b');
  assert.equal(concept('<span class=m>&part;</span>E/<span class=m>&part;</span>v<sub>2</sub> = <span class=m>&part;</span>E/<span class=m>&part;</span>u &middot; <span class=m>&part;</span>u/<span class=m>&part;</span>v<sub>2</sub>'), 'chain-rule');
});
