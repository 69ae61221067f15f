import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cleanTex, findAllMath, findMathAt, mathContext } from '../../../src/core/formula/find';

const latexAt = (text: string, needle: string, lang = 'markdown') => findMathAt(text, text.indexOf(needle), lang)?.latex ?? null;

test('inline and display dollars, \\( \\) and \\[ \\]', () => {
  const t = 'A $x^2$ and $$\n\\frac{a}{b}\n$$ then \\(y_i\\) and \\[z = 1\\].';
  const all = findAllMath(t, 'markdown');
  assert.deepEqual(all.map((s) => [s.latex, s.display, s.delimiter]), [
    ['x^2', false, '$'],
    ['\\frac{a}{b}', true, '$$'],
    ['y_i', false, '\\('],
    ['z = 1', true, '\\['],
  ]);
  for (const s of all) assert.equal(t.slice(s.start, s.end).includes(s.latex.split('\n')[0]), true);
});

test('environments, starred too; equation gives its body, align keeps the environment', () => {
  const t = 'x\n\\begin{equation*}\na = b\n\\end{equation*}\n\\begin{align}\nc &= d \\\\\ne &= f\n\\end{align}\n\\begin{gather*}g\\end{gather*}\\begin{multline}h\\end{multline}';
  const all = findAllMath(t, 'latex');
  assert.equal(all.length, 4);
  assert.equal(all[0].latex, 'a = b');
  assert.match(all[1].latex, /^\\begin\{align\}[\s\S]*\\end\{align\}$/);
  assert.match(all[2].latex, /gather\*/);
  assert.ok(all.every((s) => s.display));
});

test('escaped \\$, code spans and fenced code are not math', () => {
  const t = 'costs \\$5 and \\$10; `$not math$` here\n\n```\n$also not$\n```\n\n~~~python\n$$x$$\n~~~\nbut $y$ is';
  assert.deepEqual(findAllMath(t, 'markdown').map((s) => s.latex), ['y']);
  assert.equal(latexAt(t, 'not math'), null);
});

test('prices are not math: a closing $ must not be followed by a digit, the opener not by a space', () => {
  assert.deepEqual(findAllMath('I paid $5 and then $10 for it', 'markdown').map((s) => s.latex), []);
  assert.deepEqual(findAllMath('$ 5 $ and $a$', 'markdown').map((s) => s.latex), ['a']);
});

test('LaTeX comments hide math', () => {
  assert.deepEqual(findAllMath('% $a$ commented\n$b$ and 50\\% of $c$', 'latex').map((s) => s.latex), ['b', 'c']);
});

test('findMathAt: inside, on delimiters, outside; UTF-16 offsets after an emoji', () => {
  const t = '😀 word $\\sigma(z)$ end';
  const open = t.indexOf('$');
  assert.equal(findMathAt(t, open, 'markdown')?.latex, '\\sigma(z)');
  assert.equal(findMathAt(t, open + 3, 'markdown')?.latex, '\\sigma(z)');
  assert.equal(findMathAt(t, t.lastIndexOf('$'), 'markdown')?.latex, '\\sigma(z)');
  assert.equal(findMathAt(t, t.indexOf('end'), 'markdown'), null);
  assert.equal(findMathAt(t, 2, 'markdown'), null);
  assert.equal(findMathAt(t, -1), null);
  assert.equal(findMathAt(t, t.length + 5), null);
});

test('$$ across several lines and paragraphs does not swallow the document when unclosed', () => {
  const t = '$$\na\n+ b\n$$\ntext $$ never closed\n\nlater $c$';
  assert.deepEqual(findAllMath(t, 'markdown').map((s) => s.latex), ['a\n+ b', 'c']);
});

test('messy notes: unclosed $ gives the rest of its line when it looks like TeX', () => {
  const t = 'Sigmoid: $f(z) = \\frac{1}{1+e^{-z}}\nnext line';
  const s = findMathAt(t, t.indexOf('frac'), 'plaintext');
  assert.equal(s?.delimiter, 'unclosed');
  assert.equal(s?.latex, 'f(z) = \\frac{1}{1+e^{-z}}');
  assert.equal(findMathAt('only $5 here', 7, 'plaintext'), null);
});

test('messy notes: a TAB that replaced \\t of \\text, \\times, \\theta is repaired', () => {
  assert.equal(cleanTex('p_{\text{ml}}'), 'p_{\\text{ml}}');
  assert.equal(cleanTex('a \times b + \theta'), 'a \\times b + \\theta');
  assert.equal(cleanTex('a\tb'), 'a\tb'); // an ordinary tab stays
  const t = 'Loss: $L = -\\log p_{\text{ml}}(x)$';
  assert.equal(latexAt(t, 'log', 'plaintext'), 'L = -\\log p_{\\text{ml}}(x)');
});

test('bare TeX in plain text is found at the cursor', () => {
  const t = 'where t_j is the value and \\mathbf{x} is input';
  assert.equal(findMathAt(t, t.indexOf('t_j') + 1, 'plaintext')?.latex, 't_j');
  assert.equal(findMathAt(t, t.indexOf('mathbf'), 'plaintext')?.latex, '\\mathbf{x}');
  assert.equal(findMathAt(t, t.indexOf('value'), 'plaintext'), null);
});

test('context: markdown heading and the sentence before', () => {
  const t = '# Word vectors\n\nSome intro.\n\nThen for a center word c and a context word o:\n\n$$P(o|c)$$';
  const s = findAllMath(t, 'markdown')[0];
  const c = mathContext(t, s);
  assert.equal(c.heading, 'Word vectors');
  assert.match(c.before, /center word c/);
  const tex = '\\section{Attention}\nThe weights are $\\alpha_i$';
  assert.equal(mathContext(tex, findAllMath(tex, 'latex')[0]).heading, 'Attention');
});
