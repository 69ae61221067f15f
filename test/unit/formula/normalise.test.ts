import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { normaliseTex } from '../../../src/core/formula/normalise';
import { recognise } from '../../../src/core/formula/recognise';

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

test('calibration: unrelated concepts fitting alike, or a method outside the catalog named around it, give no concept', () => {
  // Noise-contrastive estimation is not in the catalog: its classifier probability is not claimed as negative sampling.
  assert.equal(recognise('p(d=1 \\vert w, w_I) = \\frac{p(w \\vert w_I)}{p(w \\vert w_I) + Nq(\\tilde{w})}', { before: 'Noise Contrastive Estimation (NCE)' }).concept, null);
  assert.equal(recognise('p_{co}(w_k \\vert w_i) = \\frac{C(w_i, w_k)}{C(w_i)}', { before: 'GloVe: co-occurrence counts' }).concept, null);
  const r = recognise('x^2 + y^2 = 1');
  assert.equal(r.concept, null);
  assert.equal(r.unsure, 'none');
});
