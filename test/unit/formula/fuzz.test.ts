import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findAllMath, findMathAt } from '../../../src/core/formula/find';
import { formulaHoverAt } from '../../../src/core/formula/hover';
import { explainFormula } from '../../../src/core/formula/explain';
import { recognise } from '../../../src/core/formula/recognise';
import { FORMULA_HOVER_COMMANDS } from '../../../src/core/formula/index';
import { Rng } from '../../../src/core/util/rng';

const rawHtml = (md: string) => /<[A-Za-z!/?]/.test(md);

/** Run fn, assert it neither throws nor exceeds ms (generous bounds: they catch hangs and blow-ups, not slowness on a loaded machine). */
function bounded<T>(what: string, ms: number, fn: () => T): T {
  const t0 = performance.now();
  let out: T;
  try {
    out = fn();
  } catch (e) {
    assert.fail(`${what} threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const dt = performance.now() - t0;
  assert.ok(dt < ms, `${what} took ${dt.toFixed(0)} ms (limit ${ms})`);
  return out;
}

function hover(text: string, offset: number, lang: string, ms: number) {
  return bounded(`hover at ${offset} (${lang}, ${text.length} chars)`, ms, () => {
    const h = formulaHoverAt(text, offset, lang, { allowedCommands: FORMULA_HOVER_COMMANDS, color: '#abcdef' });
    // Math at the offset must give a hover (and no math, none); every hover that comes back is checked.
    const span = findMathAt(text, offset, lang);
    if (!span) {
      assert.equal(h, null, `a hover outside math at ${offset}`);
      return h;
    }
    assert.ok(h, `math at ${offset} (${span.start}–${span.end}) but no hover`);
    assert.deepEqual([h.span.start, h.span.end], [span.start, span.end]);
    assert.ok(h.markdown.length > 0);
    assert.ok(!rawHtml(h.markdown), h.markdown.slice(0, 300));
    for (const m of h.markdown.matchAll(/command:([\w.-]+)/g)) assert.ok(FORMULA_HOVER_COMMANDS.includes(m[1]), `command ${m[1]} is not on the allow-list`);
    return h;
  });
}

const PIECES = ['$', '$$', '\\', '{', '}', '(', ')', '[', ']', '\\(', '\\)', '\\[', '\\]', '^', '_', '&', '%', '`', '```', '\n', '\n\n', ' ', 'x', 'e^{', '\\frac', '\\sum_{j}', '\\exp(', '\\log', '\\sigma', '\\begin{align}', '\\end{align}', '\\begin{cases}', '\\left(', '\\right)', '\\|', '|', '<script>', '</script>', '<img src=x onerror=alert(1)>', '&amp;', '\t', 'ext{', '\\text{', '😀', '\u0000', '\\\\', 'softmax', 'QK^T', '\\sqrt{d}', '1', '-', '=', '\\mathbf{y_i}', '\\boxed{', '\\def\\a{\\a\\a}'];

test('random TeX-ish text: never throws, never hangs, never emits raw HTML', () => {
  const rng = new Rng(12345);
  const langs = ['markdown', 'latex', 'plaintext'];
  for (let k = 0; k < 300; k++) {
    const n = 1 + Math.floor(rng.next() * 60);
    let s = '';
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(rng.next() * PIECES.length)];
    const lang = langs[k % 3];
    bounded('findAllMath', 2000, () => findAllMath(s, lang));
    for (let j = 0; j < 3; j++) hover(s, Math.floor(rng.next() * (s.length + 1)), lang, 2000);
    bounded('recognise', 2000, () => recognise(s));
  }
});

test('10,000 nested braces (and \\left, \\frac chains)', () => {
  const deep = '{'.repeat(10_000) + 'x' + '}'.repeat(10_000);
  bounded('recognise braces', 1000, () => recognise(deep));
  bounded('explain braces', 1000, () => explainFormula(deep));
  hover(`$$${deep}$$`, 5000, 'markdown', 3000);
  hover('$$' + '\\left('.repeat(5000) + 'x' + '\\right)'.repeat(5000) + '$$', 100, 'markdown', 3000);
  hover('$$' + '\\frac'.repeat(5000) + '12$$', 100, 'markdown', 3000);
  hover('$$' + '{'.repeat(3000) + '$$', 100, 'markdown', 3000);
  hover('$$' + 'x^'.repeat(3000) + 'y$$', 100, 'markdown', 3000);
});

test('unbalanced dollars and 1 MB lines', () => {
  const dollars = '$a '.repeat(100_000);
  bounded('findAllMath dollars', 2000, () => findAllMath(dollars, 'markdown'));
  hover(dollars, dollars.length - 10, 'markdown', 2000);
  const oneMb = 'x'.repeat(1_000_000);
  hover(oneMb, 500_000, 'plaintext', 2000);
  const mbMath = '$' + 'x+'.repeat(500_000) + '$';
  hover(mbMath, 10, 'markdown', 3000);
  const lonely = 'a $b '.repeat(200_000);
  hover(lonely, lonely.length - 3, 'plaintext', 3000);
  const backticks = '` $x$ '.repeat(100_000);
  bounded('backticks', 2000, () => findAllMath(backticks, 'markdown'));
  const envs = '\\begin{equation} x '.repeat(50_000);
  bounded('unclosed environments', 2000, () => findAllMath(envs, 'latex'));
  const escapes = '\\'.repeat(200_000) + '$x$';
  bounded('backslash run', 2000, () => findAllMath(escapes, 'markdown'));
  const fences = '```\n'.repeat(50_000);
  bounded('fences', 2000, () => findAllMath(fences, 'markdown'));
  const brackets = '\\( '.repeat(100_000);
  bounded('unclosed \\(', 2000, () => findAllMath(brackets, 'markdown'));
});

test('HTML and script inside formulas, in every delimiter', () => {
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '](command:workbench.action.terminal.new)', '<a href="command:x">y</a>', '<!-- -->'];
  for (const p of payloads) {
    for (const wrap of [(x: string) => `$${x}$`, (x: string) => `$$\\text{${x}}$$`, (x: string) => `\\[${x}\\]`, (x: string) => `\\begin{equation}\\sigma(${x})\\end{equation}`, (x: string) => `$\\frac{e^{${x}}}{\\sum_j e^{z_j}}$`]) {
      const text = `# Heading ${p}\n\nBefore ${p}\n\n${wrap(p)}\n`;
      for (const lang of ['markdown', 'latex', 'plaintext']) {
        const i = text.indexOf(p, text.indexOf('Before') + 10);
        hover(text, i + 1, lang, 1000);
      }
    }
  }
});

test('findMathAt agrees with findAllMath on random documents', () => {
  const rng = new Rng(99);
  for (let k = 0; k < 100; k++) {
    let s = '';
    for (let i = 0; i < 40; i++) s += PIECES[Math.floor(rng.next() * PIECES.length)];
    const all = findAllMath(s, 'markdown');
    for (const sp of all) {
      const mid = Math.floor((sp.start + sp.end) / 2);
      const at = findMathAt(s, mid, 'markdown');
      assert.ok(at && at.start === sp.start && at.end === sp.end, `${JSON.stringify(s)} @${mid}`);
    }
  }
});
