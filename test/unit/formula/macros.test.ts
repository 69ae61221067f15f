import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expandMacros, MAX_EXPANDED_CHARS, MAX_EXPANSIONS, macrosOf, parseMacros } from '../../../src/core/formula/macros';
import { explainFormula } from '../../../src/core/formula/explain';
import { formulaHoverAt } from '../../../src/core/formula/hover';
import { FORMULA_HOVER_COMMANDS } from '../../../src/core/formula/commands';
import { bestOf } from '../timing';

test('\\newcommand with arguments and an optional default, \\renewcommand, \\providecommand, \\def, \\DeclareMathOperator', () => {
  const t = parseMacros(String.raw`
    \newcommand{\R}{\mathbb{R}}
    \newcommand\vx{\mathbf{x}}
    \newcommand{\norm}[1]{\left\| #1 \right\|}
    \newcommand{\pr}[2][p]{#1(#2)}
    \renewcommand{\vx}{\boldsymbol{x}}
    \providecommand{\R}{\text{not this}}
    \def\inner#1#2{\langle #1, #2 \rangle}
    \DeclareMathOperator*{\argmax}{arg\,max}
  `);
  assert.equal(expandMacros('\\vx \\in \\R^d', t).latex, '\\boldsymbol{x} \\in \\mathbb{R}^d');
  assert.equal(expandMacros('\\norm{\\vx}_2', t).latex, '\\left\\| \\boldsymbol{x} \\right\\|_2');
  assert.equal(expandMacros('\\pr{x} + \\pr[q]{z}', t).latex, 'p(x) + q(z)');
  assert.equal(expandMacros('\\inner{a}{b}', t).latex, '\\langle a, b \\rangle');
  assert.equal(expandMacros('\\argmax_\\theta', t).latex, '\\operatorname*{arg\\,max}_\\theta');
  // A control word followed by a letter stays a separate token.
  assert.equal(expandMacros('\\R x', parseMacros('\\newcommand{\\R}{\\mathbb{R}}')).latex, '\\mathbb{R} x');
  assert.equal(expandMacros('\\Rx', parseMacros('\\newcommand{\\R}{\\mathbb{R}}')).latex, '\\Rx');
});

test('\\DeclareMathAlphabet makes a font command of one argument (bold for a bold series); one missing its arguments defines nothing', () => {
  const t = parseMacros(String.raw`\DeclareMathAlphabet{\mat}{U}{eur}{b}{n} \DeclareMathAlphabet{\mathcalx}{OMS}{cmsy}{m}{n} \DeclareMathAlphabet{\broken}{U}`);
  assert.equal(expandMacros('\\mat{\\Phi}\\mat{\\Phi}^T', t).latex, '\\mathbf{\\Phi}\\mathbf{\\Phi}^T');
  assert.equal(expandMacros('\\mathcalx{L}', t).latex, '\\mathit{L}');
  assert.equal(t.has('broken'), false);
  // (A note's matrices in that font are read as matrices: Φ Φᵀ = U Λ Uᵀ is the spectral theorem.)
  assert.equal(explainFormula('\\mat{\\Phi}\\, \\mat{\\Phi}^\\top = \\mat{U} \\, \\mat{\\Lambda}\\, \\mat{U}^\\top', { macros: '\\DeclareMathAlphabet{\\mat}{U}{eur}{b}{n}', decision: false }).concept, 'spectral-theorem');
});

test("KaTeX's global definitions (\\gdef, \\xdef) are read like \\def, even where they redefine a TeX primitive", () => {
  const t = parseMacros(String.raw`$$\gdef\par#1#2{\frac{\partial #1}{\partial #2}} \xdef\E{\mathbb{E}}$$`);
  assert.equal(expandMacros('\\par{C}{b} = \\E[x]', t).latex, '\\frac{\\partial C}{\\partial b} = \\mathbb{E}[x]');
  // What the expansion gives is recognised: a product of partial derivatives, the chain rule.
  const ex = explainFormula('\\par{C}{b} = \\par{C}{a} \\par{a}{z} \\par{z}{b}', { macros: '\\gdef\\par#1#2{\\frac{\\partial #1}{\\partial #2}}' });
  assert.equal(ex.concept, 'chain-rule');
});

test('markdown front matter macros (KaTeX/MathJax style)', () => {
  const note = ['---', 'title: notes', 'macros:', '  "\\\\E": "\\\\mathbb{E}"', '  vw: "\\\\mathbf{w}"', '  abs: ["\\\\left| #1 \\\\right|", 1]', 'other: 1', '---', '# Notes', '$\\E[\\vw]$'].join('\n');
  const t = macrosOf(note);
  assert.equal(expandMacros('\\E[\\vw] + \\abs{x}', t).latex, '\\mathbb{E}[\\mathbf{w}] + \\left| x \\right|');
  assert.equal(t.has('other'), false);
});

test('a recursive or exploding macro is capped with a message, never a hang', (t) => {
  // The reference, measured here: expanding the most an ordinary formula may — MAX_EXPANSIONS − 1 macros that
  // together reach nearly MAX_EXPANDED_CHARS characters.
  const body = 'y'.repeat(Math.floor(MAX_EXPANDED_CHARS / MAX_EXPANSIONS) - 2);
  const ordinary = '\\e '.repeat(MAX_EXPANSIONS - 1);
  const reference = bestOf(3, () => assert.equal(expandMacros(ordinary, parseMacros(`\\newcommand{\\e}{${body}}`)).error, undefined));
  // The capped ones, also the best of three: a blow-up would cost thousands of the reference.
  const capped = bestOf(3, () => {
    const rec = expandMacros('\\a', parseMacros('\\def\\a{\\a x}'));
    assert.match(rec.error ?? '', new RegExp(`after ${MAX_EXPANSIONS} expansions .*\\\\a`));
    const boom = expandMacros('\\b', parseMacros('\\newcommand{\\b}{\\b\\b\\b\\b}'));
    assert.ok(boom.error);
    const grow = expandMacros('\\c', parseMacros(`\\newcommand{\\c}{${'y'.repeat(5000)}\\c}`));
    assert.match(grow.error ?? '', /grew past/);
  });
  t.diagnostic(`capped expansions ${capped.toFixed(2)} ms; one ordinary full expansion ${reference.toFixed(2)} ms`);
  assert.ok(capped < 20 * reference, `the three capped expansions took ${capped.toFixed(1)} ms; one ordinary full expansion ${reference.toFixed(2)} ms`);
  // The hover says so instead of explaining half-expanded TeX.
  const ex = explainFormula('\\a', { macros: '\\def\\a{\\a x}' });
  assert.equal(ex.concept, null);
  assert.match(ex.unsure?.reason ?? '', /macro expansion stopped/);
});

test('a note that defines \\R, \\vx, \\softmax is recognised and rendered through its own macros; a preamble adds more', () => {
  const note = '\\newcommand{\\softmax}{\\operatorname{softmax}}\n\\newcommand{\\vx}{\\mathbf{x}}\n\\newcommand{\\R}{\\mathbb{R}}\n\nThe output layer: $\\softmax(\\vx)_i = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}$, with $\\vx \\in \\R^K$.';
  const h = formulaHoverAt(note, note.indexOf('softmax(') + 2, 'markdown', { allowedCommands: FORMULA_HOVER_COMMANDS, render: true })!;
  assert.equal(h.explanation.concept, 'softmax');
  assert.ok(h.explanation.latex.includes('\\operatorname{softmax}(\\mathbf{x})'), h.explanation.latex);
  assert.match(h.markdown, /data:image\/svg\+xml;base64,/);
  assert.ok(!/Could not render/.test(h.markdown));
  // Without the note's definitions the same TeX would render \softmax as an unknown macro; with a preamble-only macro:
  const note2 = 'Loss: $\\CE(\\vy, \\hat{\\vy}) = -\\sum_k y_k \\log \\hat{y}_k$';
  const pre = '\\newcommand{\\CE}{\\mathcal{L}_{\\text{CE}}}\n\\newcommand{\\vy}{\\mathbf{y}}';
  const withPre = formulaHoverAt(note2, note2.indexOf('sum'), 'markdown', { allowedCommands: [], render: false, preamble: pre })!;
  assert.equal(withPre.explanation.concept, 'cross-entropy');
  assert.ok(!withPre.explanation.latex.includes('\\CE'));
  const without = formulaHoverAt(note2, note2.indexOf('sum'), 'markdown', { allowedCommands: [], render: false })!;
  assert.ok(without.explanation.latex.includes('\\CE'));
});

test("a note's own style macro left undefined reads as the letter or word it wraps", () => {
  const ex = explainFormula('\\bq{h}_t = \\tanh(\\bq{W} \\bq{h}_{t-1} + \\bq{U} \\bq{x}_t + \\bq{b})');
  assert.equal(ex.concept, 'rnn');
  assert.match(ex.symbols.find((s) => s.symbol === 'W')?.meaning ?? '', /weight/);
  assert.equal(ex.symbols.some((s) => s.symbol === 'bq'), false);
  // (A word inside is a name: \op{softmax}(z) is the softmax.)
  assert.equal(explainFormula('\\op{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}').concept, 'softmax');
  // (A command with a second braced argument is not a style: \ip{a}{b} keeps its parts.)
  assert.equal(explainFormula('\\ip{a}{b}').symbols.some((s) => s.symbol === 'ip'), true);
});
