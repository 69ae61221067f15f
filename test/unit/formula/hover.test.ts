import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildHoverMarkdown, escapeMarkdown, formulaHoverAt, formulaPanelAt } from '../../../src/core/formula/hover';
import { explainFormula } from '../../../src/core/formula/explain';
import { FORMULA_HOVER_COMMANDS } from '../../../src/core/formula/index';

const ALL = FORMULA_HOVER_COMMANDS;
/** Raw HTML: a "<" followed by a tag-ish character. Entities (&lt;) are fine. */
const rawHtml = (md: string) => /<[A-Za-z!/?]/.test(md);

test('escapeMarkdown turns HTML into entities and neutralises markdown links', () => {
  const e = escapeMarkdown('<script>alert(1)</script> [x](command:evil) ![i](http://x) `c` *b*');
  assert.ok(!rawHtml(e));
  assert.ok(!/\]\(/.test(e), e);
  assert.ok(!/(^|[^\\])`/.test(e));
});

test('no raw HTML from the note reaches the hover: <script> and <img onerror> inside formulas', () => {
  for (const tex of ['\\text{<script>alert(1)</script>} + x', 'x^{<img src=x onerror=alert(1)>}', 'a < b > c', '\\sigma(<b>z</b>)']) {
    const text = `Intro <img src=x onerror=alert(2)>\n\n$$${tex}$$\n`;
    const h = formulaHoverAt(text, text.indexOf('$$') + 3, 'markdown', { allowedCommands: ALL, color: '#ff0000' });
    assert.ok(h, tex);
    assert.ok(!rawHtml(h!.markdown), `${tex}\n${h!.markdown}`);
    // The rendered image is base64: decode it and make sure MathJax escaped the text too.
    for (const m of h!.markdown.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)) {
      const svg = Buffer.from(m[1], 'base64').toString('utf8');
      assert.ok(!/<script|<img|<foreignObject/i.test(svg), svg.slice(0, 200));
    }
  }
});

test('a render failure shows the source and the error, escaped', () => {
  const ex = explainFormula('\\frac{<b>1</b>}{');
  const md = buildHoverMarkdown(ex, { allowedCommands: ALL });
  assert.match(md, /Could not render/);
  assert.match(md, /Missing close brace/);
  assert.match(md, /&lt;b&gt;1&lt;\/b&gt;|&lt;b&gt;1&lt;\\\/b&gt;/);
  assert.ok(!rawHtml(md));
});

test('command links only for allow-listed ids', () => {
  const ex = explainFormula('J_t(\\theta) = \\log \\sigma(u_o^T v_c) + \\sum_{i=1}^k \\log \\sigma(-u_{o_i}^T v_c)');
  assert.equal(ex.concept, 'sgns');
  const withAll = buildHoverMarkdown(ex, { allowedCommands: ALL, render: false });
  assert.match(withAll, /\[Step through this objective on your notes\]\(command:mlStudy\.stepWord2vec\?/);
  assert.match(withAll, /\(command:mlStudy\.explainFormulaAtCursor\)/);
  const none = buildHoverMarkdown(ex, { allowedCommands: [], render: false });
  assert.ok(!/command:/.test(none));
  const onlyPanel = buildHoverMarkdown(ex, { allowedCommands: ['mlStudy.explainFormulaAtCursor'], render: false });
  assert.deepEqual([...onlyPanel.matchAll(/command:([\w.]+)/g)].map((m) => m[1]), ['mlStudy.explainFormulaAtCursor']);
  // An experiment pointing to a command outside the list is dropped even if the catalog were changed.
  const tampered = { ...ex, experiment: { command: 'workbench.action.terminal.sendSequence', label: 'x' } };
  assert.ok(!/terminal/.test(buildHoverMarkdown(tampered, { allowedCommands: ALL, render: false })));
  const tampered2 = { ...ex, experiment: { command: 'mlStudy.trainXor)[evil](command:x', label: 'x' } };
  assert.ok(!/evil/.test(buildHoverMarkdown(tampered2, { allowedCommands: [...ALL, 'mlStudy.trainXor)[evil](command:x'], render: false })));
});

test('the LSTM hover offers training and the RNN vs LSTM gradient lab, both allow-listed; a tampered second link is dropped', () => {
  const ex = explainFormula('f_t = \\sigma(W_f [h_{t-1}, x_t] + b_f), \\quad c_t = f_t \\odot c_{t-1} + i_t \\odot \\tilde{c}_t');
  assert.equal(ex.concept, 'lstm');
  const md = buildHoverMarkdown(ex, { allowedCommands: ALL, render: false });
  assert.deepEqual([...md.matchAll(/command:([\w.]+)/g)].map((m) => m[1]), ['mlStudy.trainLstm', 'mlStudy.compareGradients', 'mlStudy.explainFormulaAtCursor']);
  const tampered = { ...ex, also: { command: 'workbench.action.terminal.sendSequence', label: 'x' } };
  assert.ok(!/terminal/.test(buildHoverMarkdown(tampered, { allowedCommands: ALL, render: false })));
});

test('activation hovers link to plotFunction with the function name as argument, and carry a plot', () => {
  const ex = explainFormula('\\sigma(x) = \\frac{1}{1+e^{-x}}');
  const md = buildHoverMarkdown(ex, { allowedCommands: ALL, render: false });
  const m = /command:mlStudy\.plotFunction\?([^)]+)\)/.exec(md);
  assert.ok(m, md);
  assert.deepEqual(JSON.parse(decodeURIComponent(m![1])), [{ fn: 'sigmoid' }]);
  assert.match(md, /!\[plot of sigmoid\]\(data:image\/svg\+xml;base64,/);
  assert.ok(ex.plot && ex.plot.points.length > 10);
});

test('symbols are explained in the letters the note uses', () => {
  const ex = explainFormula('P(o|c) = \\frac{\\exp(u_o^T v_c)}{\\sum_{w \\in V} \\exp(u_w^T v_c)}');
  const sym = Object.fromEntries(ex.symbols.map((s) => [s.symbol, s.meaning]));
  assert.match(sym['u_o'] ?? '', /outside|context/);
  assert.match(sym['v_c'] ?? '', /centre/);
  assert.match(sym['V'] ?? '', /vocabulary/);
  const ex2 = explainFormula("p(w_O \\mid w_I) = \\frac{\\exp({v'_{w_O}}^\\top v_{w_I})}{\\sum_{w=1}^W \\exp({v'_w}^\\top v_{w_I})}");
  const sym2 = Object.fromEntries(ex2.symbols.map((s) => [s.symbol, s.meaning]));
  assert.match(sym2['v′_{w_O}'] ?? '', /outside|context/, JSON.stringify(sym2));
  assert.match(sym2['v_{w_I}'] ?? '', /centre/);
});

test('worked example is computed for the recognised concept, using numbers the note gives', () => {
  const text = 'if $t = [1.8, -1.9, 2.9, -0.9]$ then\n\n$$\\text{Softmax}(t) = \\frac{e^t}{\\sum_j e^{t_j}}$$';
  const h = formulaHoverAt(text, text.indexOf('Softmax'), 'markdown', { allowedCommands: ALL, render: false })!;
  assert.equal(h.explanation.concept, 'softmax');
  const out = h.explanation.example!.outputs[0].value as number[];
  assert.ok(Math.abs(out[2] - 0.73) < 0.01 && Math.abs(out[0] - 0.24) < 0.01);
  const text2 = 'scores $s = [0, 0]$ then $$\\frac{e^{s_i}}{\\sum_j e^{s_j}}$$';
  const h2 = formulaHoverAt(text2, text2.indexOf('frac'), 'markdown', { allowedCommands: ALL, render: false })!;
  assert.deepEqual(h2.explanation.example!.outputs[0].value, [0.5, 0.5]);
});

test('a formula the recogniser does not know: an honest unsure hover that names no concept, says why, and what the text mentions', () => {
  const ex = explainFormula('e^{i\\pi} + 1 = 0', { context: { heading: 'Softmax and attention', before: 'we use the LSTM here' } });
  assert.equal(ex.concept, null);
  const md = buildHoverMarkdown(ex, { allowedCommands: ALL });
  assert.match(md, /^\*\*I don't recognise this formula\*\*/);
  assert.ok(!/not a catalog concept/.test(md));
  assert.match(md, /Why\\: it matches none of the concepts I know/);
  assert.match(md, /The text around it mentions\\: /);
  for (const title of ex.unsure!.mentioned.map((m) => m.title)) assert.ok(md.includes(title.replace(/[\\`*_{}[\]()#+\-.!|~:"']/g, (c) => `\\${c}`)), title);
  assert.deepEqual(ex.unsure!.mentioned.map((m) => m.id).sort(), ['attention', 'lstm', 'softmax']);
  // No concept is named anywhere: no catalog title in bold, no experiment link, no worked example.
  assert.ok(!/\*\*Worked example\*\*|command:mlStudy\.(train|show|plot)/.test(md));
  // Two unrelated concepts fitting alike also gives the unsure hover, with that reason. (The recogniser's own verdict:
  // the learned model, trained on more notes, names the squared distance's MSE here.)
  const tie = explainFormula('s(\\mathbf{q}, \\mathbf{k}_j) = -\\frac{1}{2} \\|\\mathbf{q} - \\mathbf{k}_j\\|^2 = \\mathbf{q}^\\top \\mathbf{k}_j - \\frac{1}{2} \\|\\mathbf{k}_j\\|^2 - \\frac{1}{2} \\|\\mathbf{q}\\|^2', { learned: false });
  assert.equal(tie.concept, null);
  assert.match(tie.unsure!.reason, /fits two different concepts about equally well/);
  assert.match(buildHoverMarkdown(tie, { allowedCommands: ALL, render: false }), /^\*\*I don't recognise this formula\*\*/);
  assert.match(md, /imaginary unit/);
  assert.match(md, /data:image\/svg\+xml;base64,/);
  assert.ok(!/command:mlStudy\.train/.test(md));
});

test('panel data: structured explanation, numbers the panel can edit, and the rendered formula', () => {
  const text = '## SGNS\n\n$$J = \\log \\sigma(u_o^\\top v_c) + \\sum_{k=1}^{K} \\log \\sigma(-u_k^\\top v_c)$$\n';
  const p = formulaPanelAt(text, text.indexOf('log'), 'markdown', { color: '#123456' })!;
  assert.equal(p.explanation.concept, 'sgns');
  assert.ok('svg' in p.rendered && p.rendered.svg.includes('#123456'));
  const ex = p.explanation.example!;
  assert.deepEqual(ex.inputs.map((f) => f.name), ['pos', 'neg']);
  assert.equal(typeof ex.outputs[0].value, 'number');
  assert.equal(formulaPanelAt(text, 2, 'markdown'), null);
});

test('a function named on its own is an honest mention: no concept, the function named as mentioned', () => {
  const ex = explainFormula('\\tanh', { context: { before: 'The output gate scales the squashed cell state with' } });
  assert.equal(ex.concept, null);
  assert.match(ex.unsure?.reason ?? '', /names a function without defining/);
  assert.equal(ex.unsure?.mentioned[0]?.id, 'tanh');
  assert.match(buildHoverMarkdown(ex, { allowedCommands: [], render: false }), /Hyperbolic tangent/);
  // Defined, the same function is explained as itself.
  assert.equal(explainFormula('\\tanh(u) = \\frac{e^u - e^{-u}}{e^u + e^{-u}}').concept, 'tanh');
});

test("an activation's derivative written on its own line says so above the function's explanation; the function's definition does not", () => {
  const slopes: Array<[string, string]> = [
    ["\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))", 'sigmoid'],
    ['\\frac{d}{dx} \\tanh(x) = 1 - \\tanh^2(x)', 'tanh'],
    ["tanh'(z) = 1 - tanh^2(z)", 'tanh'],
    ['\\frac{d\\sigma(x)}{dx} = \\sigma(x)(1 - \\sigma(x))', 'sigmoid'],
    ["\\text{ReLU}'(x) = \\begin{cases} 1, & x > 0 \\\\ 0, & x \\le 0 \\end{cases}", 'relu'],
  ];
  for (const [tex, concept] of slopes) {
    const ex = explainFormula(tex, { display: true });
    assert.equal(ex.concept, concept, tex);
    assert.equal(ex.derivativeNote, `This line is the derivative of the function explained below (${ex.title}): its slope, not the function itself.`, tex);
    const md = buildHoverMarkdown(ex, { allowedCommands: ALL, render: false });
    const note = md.indexOf('This line is the derivative of the function explained below');
    assert.ok(note > 0 && note < md.indexOf(escapeMarkdown(ex.summary)), `${tex}\n${md}`);
  }
  // The definitions, a model that applies an activation, and a derivative that is no activation's: no such line.
  for (const tex of ['\\sigma(x) = \\frac{1}{1 + e^{-x}}', '\\mathrm{ReLU}(x) = \\max(0, x)', 'h_t = \\tanh(W h_{t-1} + U x_t + b)', '\\frac{\\partial L}{\\partial x} = \\frac{\\partial L}{\\partial y} \\frac{\\partial y}{\\partial x}']) {
    const ex = explainFormula(tex, { display: true });
    assert.ok(ex.concept, tex);
    assert.equal(ex.derivativeNote, undefined, tex);
    assert.doesNotMatch(buildHoverMarkdown(ex, { allowedCommands: ALL, render: false }), /derivative of the function explained below/, tex);
  }
});
