import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findAllMath, findMathAt } from '../../../src/core/formula/find';
import { formulaHoverAt } from '../../../src/core/formula/hover';
import { explainFormula } from '../../../src/core/formula/explain';
import { recognise } from '../../../src/core/formula/recognise';
import { normaliseTex } from '../../../src/core/formula/normalise';
import { FORMULA_HOVER_COMMANDS } from '../../../src/core/formula/index';
import { Rng } from '../../../src/core/util/rng';
import { bestOf } from '../timing';

const rawHtml = (md: string) => /<[A-Za-z!/?]/.test(md);

/**
 * Every time bound here is a multiple of a reference measured in the same test on the same machine: the best of three
 * sorts of 100,000 numbers, a fixed piece of CPU work (a few milliseconds on a quiet machine). A hang or a blow-up
 * (exponential backtracking, a quadratic scan over a megabyte) costs hundreds of those; a loaded machine slows both
 * alike. A bound that fails is checked again against the reference measured anew, so a burst of load between the two
 * measurements does not count.
 */
const NUMBERS = Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
function referenceMs(): number {
  return bestOf(3, () => NUMBERS.slice().sort());
}
let reference = 0;
test.beforeEach(() => {
  reference = referenceMs();
});

/** Run fn; assert it neither throws nor takes longer than `units` references. */
function bounded<T>(what: string, units: number, fn: () => T): T {
  const t0 = performance.now();
  let out: T;
  try {
    out = fn();
  } catch (e) {
    assert.fail(`${what} threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const dt = performance.now() - t0;
  if (dt > units * reference) reference = Math.max(reference, referenceMs());
  assert.ok(dt <= units * reference, `${what} took ${dt.toFixed(0)} ms, ${(dt / reference).toFixed(0)} references (${reference.toFixed(2)} ms each; limit ${units})`);
  slowest = Math.max(slowest, dt / reference);
  return out;
}
let slowest = 0;
test.after(() => console.log(`# fuzz: the slowest call took ${slowest.toFixed(1)} references (the last reference ${reference.toFixed(2)} ms)`));

function hover(text: string, offset: number, lang: string, units: number) {
  return bounded(`hover at ${offset} (${lang}, ${text.length} chars)`, units, () => {
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

const PIECES = ['$', '$$', '\\', '{', '}', '(', ')', '[', ']', '\\(', '\\)', '\\[', '\\]', '^', '_', '&', '%', '`', '```', '\n', '\n\n', ' ', 'x', 'e^{', '\\frac', '\\sum_{j}', '\\exp(', '\\log', '\\sigma', '\\begin{align}', '\\end{align}', '\\begin{cases}', '\\left(', '\\right)', '\\|', '|', '<script>', '</script>', '<img src=x onerror=alert(1)>', '&amp;', '\t', 'ext{', '\\text{', '😀', '\u0000', '\\\\', 'softmax', 'QK^T', '\\sqrt{d}', '1', '-', '=', '\\mathbf{y_i}', '\\boxed{', '\\def\\a{\\a\\a}', '\\langle', '\\rangle', '\\alpha', ','];

test('random TeX-ish text: never throws, never hangs, never emits raw HTML', () => {
  const rng = new Rng(12345);
  const langs = ['markdown', 'latex', 'plaintext'];
  for (let k = 0; k < 300; k++) {
    const n = 1 + Math.floor(rng.next() * 60);
    let s = '';
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(rng.next() * PIECES.length)];
    const lang = langs[k % 3];
    bounded('findAllMath', 100, () => findAllMath(s, lang));
    for (let j = 0; j < 3; j++) hover(s, Math.floor(rng.next() * (s.length + 1)), lang, 100);
    bounded('recognise', 100, () => recognise(s));
  }
});

test('10,000 nested braces (and \\left, \\frac chains)', () => {
  const deep = '{'.repeat(10_000) + 'x' + '}'.repeat(10_000);
  bounded('recognise braces', 60, () => recognise(deep));
  bounded('explain braces', 60, () => explainFormula(deep));
  hover(`$$${deep}$$`, 5000, 'markdown', 150);
  hover('$$' + '\\left('.repeat(5000) + 'x' + '\\right)'.repeat(5000) + '$$', 100, 'markdown', 150);
  hover('$$' + '\\frac'.repeat(5000) + '12$$', 100, 'markdown', 150);
  hover('$$' + '{'.repeat(3000) + '$$', 100, 'markdown', 150);
  hover('$$' + 'x^'.repeat(3000) + 'y$$', 100, 'markdown', 150);
});

test('many equals signs then many commas, and other runs the notation repairs search, explain in bounded time', () => {
  bounded('equals then commas', 60, () => explainFormula('a='.repeat(1900) + 'b,'.repeat(1900)));
  bounded('maps-to chain', 60, () => explainFormula(`f: ${'x'.repeat(39)} \\in ${'y'.repeat(39)}${'\\mapsto '.repeat(900)}`));
  bounded('maps-to after a run of spaces', 60, () => explainFormula(`f:${' '.repeat(7000)}x \\mapsto y`));
  bounded('max with semicolons', 60, () => explainFormula(`\\max\\{${'0'.repeat(79)}${';'.repeat(3000)}`));
  bounded('cases in text boxes', 60, () => explainFormula(`x = ${'\\text{1 ('.repeat(700)}`));
});

test('angle brackets without a comma (bra-kets ⟨α | β⟩, one after another) are no inner products to search for', () => {
  const brakets = Array.from({ length: 40 }, (_, i) => `\\langle   \\alpha_{${i}} | \\beta \\rangle`).join(' - ');
  bounded('explain bra-kets', 60, () => explainFormula(`\\implies ${brakets}`));
  hover(`$$${brakets}$$`, 20, 'markdown', 100);
  // An inner product among them is still read as one, and the bra-ket left as written.
  const both = normaliseTex('\\langle \\alpha | \\beta \\rangle + \\langle \\mathbf{w}, \\mathbf{x} \\rangle');
  assert.match(both, /\\langle \\alpha \| \\beta \\rangle/);
  assert.match(both, /\{\\mathbf\{w\}\}\^\\top \{\\mathbf\{x\}\}/);
});

test('unbalanced dollars and 1 MB lines', () => {
  const dollars = '$a '.repeat(100_000);
  bounded('findAllMath dollars', 100, () => findAllMath(dollars, 'markdown'));
  hover(dollars, dollars.length - 10, 'markdown', 100);
  const oneMb = 'x'.repeat(1_000_000);
  hover(oneMb, 500_000, 'plaintext', 100);
  const mbMath = '$' + 'x+'.repeat(500_000) + '$';
  hover(mbMath, 10, 'markdown', 150);
  const lonely = 'a $b '.repeat(200_000);
  hover(lonely, lonely.length - 3, 'plaintext', 150);
  const backticks = '` $x$ '.repeat(100_000);
  bounded('backticks', 100, () => findAllMath(backticks, 'markdown'));
  const envs = '\\begin{equation} x '.repeat(50_000);
  bounded('unclosed environments', 100, () => findAllMath(envs, 'latex'));
  const escapes = '\\'.repeat(200_000) + '$x$';
  bounded('backslash run', 100, () => findAllMath(escapes, 'markdown'));
  const fences = '```\n'.repeat(50_000);
  bounded('fences', 100, () => findAllMath(fences, 'markdown'));
  const brackets = '\\( '.repeat(100_000);
  bounded('unclosed \\(', 100, () => findAllMath(brackets, 'markdown'));
});

test('HTML and script inside formulas, in every delimiter', () => {
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '](command:workbench.action.terminal.new)', '<a href="command:x">y</a>', '<!-- -->'];
  for (const p of payloads) {
    for (const wrap of [(x: string) => `$${x}$`, (x: string) => `$$\\text{${x}}$$`, (x: string) => `\\[${x}\\]`, (x: string) => `\\begin{equation}\\sigma(${x})\\end{equation}`, (x: string) => `$\\frac{e^{${x}}}{\\sum_j e^{z_j}}$`]) {
      const text = `# Heading ${p}\n\nBefore ${p}\n\n${wrap(p)}\n`;
      for (const lang of ['markdown', 'latex', 'plaintext']) {
        const i = text.indexOf(p, text.indexOf('Before') + 10);
        hover(text, i + 1, lang, 60);
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
