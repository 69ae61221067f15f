import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { explainFormula } from '../../../src/core/formula/explain';

const meaningOf = (tex: string, sym: string, macros?: string) => explainFormula(tex, { macros }).symbols.find((s) => s.symbol === sym)?.meaning ?? '';

test('layers written as superscripts: one layer computed from the layer below is an affine layer', () => {
  for (const tex of ['H^{(k)} = W^{(k)} H^{(k-1)} + c^{(k)}', 'A^{[3]} = W^{[3]} A^{[2]} + b^{[3]}', 'S^{(m)} = U^{(m)} S^{(m-1)} + d^{(m)}'])
    assert.equal(recognise(tex).concept, 'affine-layer', tex);
  // The same letter at the same layer on both sides is no layer-to-layer map.
  assert.notEqual(recognise('A^{[3]} = W^{[3]} A^{[3]} + b^{[3]}').concept, 'affine-layer');
});

test('a neuron with a layer index is a weighted input plus a bias, not attention over values', () => {
  assert.equal(recognise('z_j^{(k)} = \\sum_{m} u_{j,m}^{(k)} h_m^{(k-1)} + c_j^{(k)}').concept, 'affine-layer');
  // Without layer indices the same weighted sum of vectors is still read as attention.
  assert.equal(recognise('o_i = \\sum_j \\gamma_{ij} m_j').concept, 'attention');
});

test('the note\'s own \\def and \\renewcommand macros with unbraced arguments reach the same concept', () => {
  const macros = '\\renewcommand{\\vec}[1]{\\boldsymbol{\\mathbf{#1}}} \\def\\mat#1{\\boldsymbol{\\mathbf{#1}}} \\def\\Wm{\\mat{W}}';
  const written = '\\mat H^{(k)} = \\Wm^{(k)} \\mat H^{(k-1)} + \\vec c^{(k)}';
  const expanded = '\\boldsymbol{\\mathbf{H}}^{(k)} = \\boldsymbol{\\mathbf{W}}^{(k)} \\boldsymbol{\\mathbf{H}}^{(k-1)} + \\boldsymbol{\\mathbf{c}}^{(k)}';
  assert.equal(explainFormula(written, { macros, learned: false }).concept, 'affine-layer');
  // With the learned model too, the macros reach what the expanded formula reaches.
  const e = explainFormula(written, { macros });
  assert.equal(e.concept, explainFormula(expanded).concept);
  assert.equal(e.learned.by, explainFormula(expanded).learned.by);
});

test('in an affine map the structure tells which letter is the input and which the bias, in either vector convention', () => {
  assert.match(meaningOf('Z^{(l)} = W^{(l)} A^{(l-1)} + b^{(l)}', 'A^{(l−1)}'), /activations of the layer below/);
  assert.match(meaningOf('Z^{(l)} = W^{(l)} A^{(l-1)} + b^{(l)}', 'Z^{(l)}'), /pre-activation/);
  // Row-vector books: the input stands before the matrix and the bias is often c.
  assert.match(meaningOf('o = h W + c', 'h'), /input the weights multiply/);
  assert.match(meaningOf('o = h W + c', 'c'), /bias/);
  assert.match(meaningOf('s = W q + b', 'q'), /^the input the weights multiply$/);
});

test('the letter a softmax exponentiates is its score, whatever letter the note uses', () => {
  for (const [tex, sym] of [['q_k = \\frac{e^{r_k}}{\\sum_m e^{r_m}}', 'r_k'], ['\\pi_i = \\frac{\\exp(o_i / T)}{\\sum_j \\exp(o_j / T)}', 'o_i']] as const) {
    const e = explainFormula(tex);
    assert.equal(e.concept, 'softmax', tex);
    assert.match(e.symbols.find((s) => s.symbol === sym)?.meaning ?? '', /score \(logit\)/, tex);
  }
});

test('a lower-case w is a learned weight in losses and linear models, a word in word-vector objectives', () => {
  assert.match(meaningOf('L = \\frac{1}{n}\\sum_i (t_i - w_0 - w_1 s_i)^2', 'w_1'), /weight \(learned/);
  const sg = explainFormula('J = -\\log \\sigma(u_o^\\top v_c) - \\sum_{k=1}^K \\log \\sigma(-u_k^\\top v_c)');
  assert.ok(!sg.symbols.some((s) => /learned parameter/.test(s.meaning)), 'no weight claimed in a word-vector objective');
});
