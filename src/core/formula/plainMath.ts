/**
 * Math typed without TeX: Typst's math (`sum_(i=1)^N`, `(partial E)/(partial w)`, `arrow.l`, `dot.circle`,
 * `accent(h, tilde)`, `"Softmax"(x)`, `bold(x)`, `cal(L)`, `f_text("step")`, `cases(…)`), AsciiMath-like plain text
 * (`x^(n-1)`, `sqrt(x)`, `norm(x)^2`, `abs(w_i)`, `hat(y)`). Rewritten to the TeX the parser reads; a formula with any
 * TeX command is left as it is.
 */
import { lookupTable } from './lookup';

/** Marks only plain-text math has: scripts in parentheses, dotted symbol names, quoted words, call-style notation, Typst's 𝔼 (`EE[x]`). */
const PLAIN_MARKS = /[_^]\(|\b(?:arrow|dot|lt|gt|eq|times|plus|tilde)\.[a-z]|"[A-Za-z][A-Za-z -]*"|\b(?:accent|norm|abs|hat|tilde|bar|vec|sqrt|bold|cal|bb|upright|cases|frac)\(|\b(?:sum|product|prod|integral)_|\bgradient_|\bEE[\[(]/;

const SYMBOLS: Record<string, string> = lookupTable({
  'arrow.l.long': '\\leftarrow', 'arrow.l': '\\leftarrow', 'arrow.r.long': '\\rightarrow', 'arrow.r': '\\rightarrow', 'arrow.l.r': '\\leftrightarrow',
  'dot.circle': '\\odot', 'dot.op': '\\cdot', 'dot.c': '\\cdot', 'times.circle': '\\otimes', 'plus.circle': '\\oplus', 'plus.minus': '\\pm',
  'arrow.r.double': '\\Rightarrow', 'arrow.l.r.double': '\\Leftrightarrow', 'tilde.op': '\\sim', 'tilde.eq': '\\simeq', 'eq.triple': '\\equiv',
  'lt.eq': '\\le', 'gt.eq': '\\ge', 'eq.not': '\\ne', 'lt.double': '\\ll', 'gt.double': '\\gg',
});

/** (Longest names first: arrow.l.long before arrow.l.) */
const SYMBOL_NAMES = Object.keys(SYMBOLS).sort((a, b) => b.length - a.length);

const WORDS: Record<string, string> = lookupTable({
  sum: '\\sum', product: '\\prod', prod: '\\prod', integral: '\\int', partial: '\\partial', gradient: '\\nabla', nabla: '\\nabla',
  EE: '\\mathbb{E}', RR: '\\mathbb{R}', NN: '\\mathbb{N}', times: '\\times', dot: '\\cdot', in: '\\in', approx: '\\approx', oo: '\\infty', infinity: '\\infty',
  kappa: '\\kappa', mu: '\\mu', nu: '\\nu', rho: '\\rho', tau: '\\tau', phi: '\\phi', psi: '\\psi', xi: '\\xi', chi: '\\chi', zeta: '\\zeta', pi: '\\pi',
  Gamma: '\\Gamma', Delta: '\\Delta', Theta: '\\Theta', Lambda: '\\Lambda', Sigma: '\\Sigma', Phi: '\\Phi', Omega: '\\Omega',
  log: '\\log', ln: '\\ln', exp: '\\exp', tanh: '\\tanh', max: '\\max', min: '\\min', argmax: '\\arg\\max', argmin: '\\arg\\min',
  quad: '\\quad', wide: '\\qquad', thick: '\\;', forall: '\\forall',
});

/** Typst's font calls: `bold(W)`, `cal(L)`, `bb(R)`, `upright(d)`. */
const FONTS: Record<string, string> = lookupTable({ bold: 'mathbf', cal: 'mathcal', bb: 'mathbb', upright: 'mathrm' });

/** The arguments of a call split at its top-level commas (commas inside brackets or quotes stay). */
export function topLevel(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let j = 0; j < args.length; j++) {
    const c = args[j];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) (out.push(args.slice(from, j)), (from = j + 1));
  }
  out.push(args.slice(from));
  return out.map((a) => a.trim());
}

const ACCENTS: Record<string, string> = lookupTable({ '~': 'tilde', tilde: 'tilde', arrow: 'vec', '->': 'vec', hat: 'hat', '^': 'hat', bar: 'bar', macron: 'bar', dot: 'dot', circle: 'mathring' });

/** The index of the bracket closing the `(` or `[` at `open` (brackets of the same kind counted), or −1. */
export function closingBracket(s: string, open: number): number {
  const [o, c] = s[open] === '[' ? ['[', ']'] : ['(', ')'];
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === o) depth++;
    else if (s[j] === c && --depth === 0) return j;
  }
  return -1;
}

/**
 * Every match of `call` (which ends at an opening bracket) and its bracket rewritten by `f(inside, call text)`, in one
 * pass from the left: unlike `calls`, the call may be any pattern (`**(`, `dot(`) and what `f` writes is not read again.
 */
export function bracketCalls(s: string, call: RegExp, f: (args: string, call: string) => string): string {
  const re = new RegExp(call.source, 'g');
  let out = '';
  let from = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const close = closingBracket(s, open);
    if (close < 0) break;
    out += s.slice(from, m.index) + f(s.slice(open + 1, close), m[0]);
    from = close + 1;
    re.lastIndex = close + 1;
  }
  return out + s.slice(from);
}

/** Every `name(…)` call rewritten by `f(args)`, innermost calls first (their text is rewritten before the outer ones). */
function calls(s: string, name: RegExp, f: (args: string, name: string) => string): string {
  const call = new RegExp(`(^|[^A-Za-z\\\\])(${name.source})\\(`);
  for (let guard = 0; guard < 200; guard++) {
    const m = call.exec(s);
    if (!m) return s;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(s, open);
    if (close < 0) return s;
    s = s.slice(0, m.index + m[1].length) + f(s.slice(open + 1, close), m[2]) + s.slice(close + 1);
  }
  return s;
}

/** `x_(…)`, `x^(…)`: a script in parentheses, its parentheses as braces (Typst drops them). */
function scripts(s: string): string {
  for (let guard = 0; guard < 400; guard++) {
    const at = s.search(/[_^]\(/);
    if (at < 0) return s;
    const close = closingBracket(s, at + 1);
    if (close < 0) return s;
    s = `${s.slice(0, at + 1)}{${s.slice(at + 2, close)}}${s.slice(close + 1)}`;
  }
  return s;
}

/** `(a)/(b)`, `1/N`, `x/2`: a slash between bracketed or single operands, as a fraction. */
function fractions(s: string): string {
  for (let guard = 0; guard < 200; guard++) {
    const slash = s.search(/\)\s*\/\s*\(/);
    if (slash < 0) break;
    // The bracket before the slash: walk back to its opening.
    let depth = 0;
    let open = -1;
    for (let j = slash; j >= 0; j--) {
      if (s[j] === ')') depth++;
      else if (s[j] === '(' && --depth === 0) {
        open = j;
        break;
      }
    }
    const right = s.indexOf('(', slash);
    const close = closingBracket(s, right);
    if (open < 0 || close < 0) break;
    s = `${s.slice(0, open)}\\frac{${s.slice(open + 1, slash)}}{${s.slice(right + 1, close)}}${s.slice(close + 1)}`;
  }
  // A number or a letter over a bracket, `1 / (1 + e^{-x})`.
  for (let guard = 0; guard < 200; guard++) {
    const m = /(^|[\s=(+\-])([0-9]+|[A-Za-z])\s*\/\s*\(/.exec(s);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(s, open);
    if (close < 0) break;
    s = `${s.slice(0, m.index + m[1].length)}\\frac{${m[2]}}{${s.slice(open + 1, close)}}${s.slice(close + 1)}`;
  }
  return s.replace(/(^|[\s=(+\-])([0-9]+|[A-Za-z])\s*\/\s*([0-9]+|[A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?)(?=[\s)]|$)/g, '$1\\frac{$2}{$3}');
}

/** Plain-text math rewritten as TeX; TeX (any backslash command) and text without plain-math marks unchanged. */
export function plainMath(s: string): string {
  if (/\\[A-Za-z]/.test(s) || !PLAIN_MARKS.test(s)) return s;
  for (const name of SYMBOL_NAMES) s = s.split(name).join(` ${SYMBOLS[name]} `);
  // Typst's text in a formula, `f_text("step")`, `text("if")`: roman text, a script holding it braced.
  s = s.replace(/([_^])text\("([^"]*)"\)/g, '$1{\\text{$2}}').replace(/\btext\("([^"]*)"\)/g, '\\text{$1}');
  s = s.replace(/"([A-Za-z][A-Za-z -]*)"/g, (_m, w: string) => `\\operatorname{${w.trim().replace(/\s+/g, '\\ ')}}`);
  s = calls(s, /accent/, (args) => {
    const comma = args.lastIndexOf(',');
    const mark = ACCENTS[args.slice(comma + 1).trim()];
    return comma > 0 && mark ? `\\${mark}{${args.slice(0, comma).trim()}}` : `(${args})`;
  });
  s = calls(s, /hat|tilde|bar|vec/, (args, name) => `\\${name}{${args}}`);
  s = calls(s, /bold|cal|bb|upright/, (args, name) => `\\${FONTS[name]}{${args}}`);
  s = calls(s, /frac/, (args) => {
    const parts = topLevel(args);
    return parts.length === 2 ? `\\frac{${parts[0]}}{${parts[1]}}` : `frac(${args})`;
  });
  // Typst's cases: one row per argument, `&` before its condition.
  s = calls(s, /cases/, (args) => `\\begin{cases} ${topLevel(args).filter(Boolean).join(' \\\\ ')} \\end{cases}`);
  s = calls(s, /norm/, (args) => `\\|${args}\\|`);
  s = calls(s, /abs/, (args) => `|${args}|`);
  s = calls(s, /sqrt/, (args) => `\\sqrt{${args}}`);
  s = scripts(s);
  s = fractions(s);
  // (Words inside \text{…} and \operatorname{…} are text: `text("tanh")` stays the word.)
  s = s
    .split(/(\\(?:text|operatorname)\{[^{}]*\})/)
    .map((part, i) => (i % 2 ? part : part.replace(/(^|[^\\A-Za-z])([A-Za-z]+)(?![A-Za-z])/g, (m, pre: string, w: string) => (WORDS[w] ? `${pre}${WORDS[w]} ` : m))))
    .join('');
  return s.replace(/[ \t]{2,}/g, ' ').trim();
}
