/**
 * Gated cells as notes write them (made-up formulas in each notation): the cell update in any product notation, steps as
 * superscripts, Γ typed as a Unicode letter, gates written as activations of their own inputs, gates named by words in
 * other languages or in a \tag.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { recognise } from '../../../src/core/formula/recognise';
import { parseTex } from '../../../src/core/formula/tex';

const concept = (tex: string, before = '') => recognise(tex, { before }).concept;

test('the LSTM cell update from its previous value, a forget and an input gate, in any product notation', () => {
  for (const tex of ['c_t = f_t \\cdot c_{t-1} + i_t \\cdot u_t', 'c_t = f_t c_{t-1} + i_t u_t', 'c_t = f_t \\times c_{t-1} + i_t \\times u_t', 'C^{(t)} = f^{(t)} . C^{(t-1)} + i^{(t)} . u^{(t)}', 'C^{<t>} = Γ_f \\times C^{<t-1>} + Γ_u \\times \\tilde C^{<t>}']) assert.equal(concept(tex), 'lstm', tex);
  // Without a gate of each kind, or without the cell's previous value, it is no cell update.
  assert.notEqual(concept('c_t = a_t \\cdot c_{t-1} + b_t \\cdot u_t'), 'lstm');
  assert.notEqual(concept('c_t = f_t \\cdot d + i_t \\cdot u_t'), 'lstm');
});

test('the output through the squashed cell with the step as a superscript; a GRU mix written with ×', () => {
  assert.equal(concept('y^{<t>} = Γ_o \\times \\tanh(c^{<t>})'), 'lstm');
  assert.equal(concept('c^{<t>} = Γ_u \\times \\tilde c^{<t>} + (1 - Γ_u) \\times c^{<t-1>}'), 'gru');
  // Γ typed as a Unicode letter is the letter Gamma, as \Gamma is.
  assert.deepEqual(parseTex('Γ_u').items[0], parseTex('\\Gamma_u').items[0]);
});

test('gates written as an activation of their own inputs z_i, z_f, z_o: two of them, or one beside the memory c', () => {
  assert.equal(concept("c' = g(u) \\sigma(z_i) + c \\sigma(z_f)"), 'lstm');
  assert.equal(concept("y = h(c') f(z_o)"), 'lstm');
  // One such activation alone, or beside no memory, is no LSTM.
  assert.notEqual(concept('f(z_i)'), 'lstm');
  assert.notEqual(concept('p = f(z_i) + 1'), 'lstm');
  assert.notEqual(concept('a_i = \\frac{c e^{z_i}}{c \\sum_k e^{z_k}}'), 'lstm');
});

test('a sigmoid gate named by words in other languages, or in its own \\tag', () => {
  assert.equal(concept('o = \\sigma(P v + q)', '出力ゲートは次のとおり'), 'lstm');
  assert.equal(concept('o = \\sigma(P v + q)', '输出门'), 'lstm');
  assert.equal(concept('r = \\sigma(P v + q)', '리셋 게이트'), 'gru');
  assert.equal(concept('\\Gamma_o = \\sigma(P v + q) \\tag{输出门}'), 'lstm');
  // A sigmoid under words that name no gate stays unclaimed as a gate.
  assert.notEqual(concept('o = \\sigma(P v + q)', '出力は次のとおり'), 'lstm');
});

test("a hatted candidate read from the memory cell is the GRU's; a state named c computed from itself through tanh alone is a plain RNN", () => {
  assert.equal(recognise('\\hat{c}^{<t>} = \\tanh(W_c [c^{<t-1>}, x^{<t>}] + b_c)').concept, 'gru');
  assert.equal(recognise('c_t = \\tanh(U c_{t-1} + V x_t)').concept, 'rnn');
  // The candidate read from the previous hidden state stays the LSTM's.
  assert.equal(recognise('\\tilde{c}_t = \\tanh(W_c [h_{t-1}, x_t] + b_c)').concept, 'lstm');
});
