import { isTexmacs, texmacsToTex } from './texmacs';
import { bracketCalls, closingBracket, plainMath, topLevel } from './plainMath';
import { lookupTable } from './lookup';

/**
 * Notation repairs before parsing, so every spelling of a formula reaches the parser in one canonical form:
 * TAB characters that ate the `\t` of `\text`/`\tanh`/`\theta`, bare function words without their backslash
 * (`log`, `exp`, `softmax`, `sqrt(…)`), `\underset`/`\underbrace`/`\overset` decorations, array column specs,
 * bracket indexing `p_{[j]}`, and the `(a, b) \mapsto c` arrow form of a function. Linear-time, string to string.
 */

/** Words that are functions when written bare in plain-text notes (`log p`, `exp(z)`, `softmax(z)`, `ln[p/q]`). */
const BARE_FNS = ['softmax', 'sigmoid', 'argmax', 'argmin', 'tanh', 'log', 'exp', 'max', 'min', 'sin', 'cos', 'relu', 'ReLU', 'ln', 'sgn', 'sign', 'diag'];
/** A gate named by its word, `forget`, `ingate`, `input_gate`, `reset_gate` (a regular-expression source). */
export const GATE_WORDS = '(?:forget|ingate|outgate|(?:forget|input|output|in|out|update|reset)_?gate)';
/** Bare words TeX has no command for: written as operator names. */
const OPERATOR_NAMES: Record<string, string> = lookupTable({ ReLU: 'operatorname{ReLU}', relu: 'operatorname{relu}', sgn: 'operatorname{sgn}', sign: 'operatorname{sign}', diag: 'operatorname{diag}' });
const BARE_RE = new RegExp(`(^|[^\\\\A-Za-z{])(${BARE_FNS.join('|')})(?=\\s*'?\\s*[({[\\\\_^]|\\s+[A-Za-z0-9]|[A-Z])`, 'g');

/** A bracket (one level of brackets inside) wrapped in braces: before a power, and as a function's argument. */
const BRACKET = String.raw`(\((?:[^(){}]|\([^(){}]*\))*\))`;
const BRACED_BRACKET_POWER = new RegExp(String.raw`\{\s*${BRACKET}\s*\}(?=\s*\^)`, 'g');
const BRACED_BRACKET_CALL = new RegExp(String.raw`(\\(?:max|min|log|ln|exp|tanh|sigma))\s*\{\s*${BRACKET}\s*\}`, 'g');
/** A set `\{…\}` wrapped in braces as max's or min's argument, `\max{\{0, x\}}`. */
const BRACED_SET_CALL = /(\\(?:max|min))\s*\{\s*(\\\{(?:[^{}]|\{[^{}]*\}){1,80}?\\\})\s*\}/g;

/** A norm's double bars however a note typed them: `\left\vert\left\vert w …`, `\|\|x\|\|`, `\|| x \||`, `||w||`, all ‖·‖. */
function doubleBarNorms(src: string): string {
  let s = src;
  // A norm's double bars written with \vert (`\left\vert\left\vert w \right\vert\right\vert`): ‖w‖.
  // (So are `\left| \left| w \right| \right|`, the bars doubled with \left and \right.)
  s = s.replace(/\\left\s*(?:\\vert|\|)\s*\\left\s*(?:\\vert|\|)/g, '\\left\\|').replace(/\\right\s*(?:\\vert|\|)\s*\\right\s*(?:\\vert|\|)/g, '\\right\\|').replace(/\\vert\s*\\vert/g, '\\|');
  // `\|\|x\|\|`: a markdown note escaped the bars of ||x|| (a norm), which TeX reads as ‖‖x‖‖.
  s = s.replace(/\\\|\s*\\\|((?:(?!\\\|).){1,200}?)\\\|\s*\\\|/g, '\\|$1\\|');
  // (`\|| y − Xw \||`: the norm's bars typed as `\|` and a bar, on each side.)
  s = s.replace(/\\\|\|((?:(?!\\\|).){1,200}?)\\\|\|/g, (m, body: string) => (balanced(body) ? `\\|${body}\\|` : m));
  // `||w||_2^2` typed with two ASCII bars a side: a norm. (Not the separator of KL(p||q): the bars must enclose a
  // balanced stretch.)
  if (s.includes('||')) s = s.replace(/(?<!\\)\|\|((?:(?!\|\|)[^|]){1,200}?)\|\|/g, (m, body: string) => (balanced(body) ? `\\|${body}\\|` : m));
  return s;
}

/** Every bracket in s closed in order. */
function balanced(s: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const c of s) {
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (pairs[c] && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0;
}

/** The index after a balanced `{…}` starting at i, or -1. */
function closeBrace(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
  }
  return -1;
}

/**
 * Plain text's operators: `sum(…)`, `SUM(…)` (the sum of what the brackets hold); `log`/`ln` run into a one-letter
 * subscript before it, `y_jlog\hat{y}_j`, `y_iln(p_i)` (TeX's subscript is that one letter), or between two letters,
 * `ylogy_pred`, `yloga` (the logarithm, not part of a word); `logy_hat`, `ylogyhat`: the log glued to a hatted letter.
 */
function plainOperators(s: string): string {
  return s
    // (`1/1 + e^{-z}`: the logistic function typed with its denominator's brackets lost; one plus e^{−z} over one is never meant.)
    .replace(/(?<![\w.}])1\s*\/\s*1\s*\+\s*(?:e\s*\^\s*(\{[^{}]*\}|\([^()]*\)|-?\\?[A-Za-z0-9_]+)|(\\?exp\s*\([^()]*\)))/g, (_m, power?: string, call?: string) => `1/(1 + ${call ?? `e^{${power!.replace(/^\{(.*)\}$/, '$1')}}`})`)
    .replace(/(?<![\\A-Za-z])([a-z]?)(log|ln)([a-z])_?hat(?![A-Za-z])/g, '$1 \\$2 \\hat{$3}')
    .replace(/(^|[^\\A-Za-z{])(?:sum|SUM)\s*(?=\()/g, '$1\\sum ')
    .replace(/(?<![\\A-Za-z])([A-Za-z])_([A-Za-z0-9])(log|ln)(?=\s*[\\({]|[A-Za-z](?![A-Za-z]))/g, '$1_{$2}\\$3 ')
    .replace(/(?<![\\A-Za-z])([a-z])(log|ln)(?=[a-z](?![a-z]))/g, '$1 \\$2 ');
}

/** A matrix's sub- and superscript (`W_f`, `W^{[l]}`) and a capital letter with them. */
const SCRIPTS = String.raw`(?:_\{[^{}]{1,20}\}|_[A-Za-z0-9])?(?:\^\{[^{}]{1,20}\})?`;
const CAPITAL = String.raw`(?<![A-Za-z\\])[A-Z]${SCRIPTS}`;
/** `W_f \times [h; x]`, `W_h \times h`, `\mathbf{W} \times x`: × between a matrix and a vector. */
const MATRIX_TIMES_VECTOR = new RegExp(String.raw`(${CAPITAL}|\\mathbf\{[A-Z]\}${SCRIPTS})\s*\\times\s*(?=\[|\\left\s*\[|\\mathbf\{[a-z]|\\boldsymbol\{[a-z]|[a-z](?![A-Za-z]))`, 'g');
/** `W^{[l]} \cdot A^{[l-1]}`, `\mathbf{X} \cdot \mathbf{W}`: a dot between two capital letters. */
const BOLD_CAPITAL = String.raw`\\(?:mathbf|boldsymbol)\{[A-Z]\}${SCRIPTS}`;
const MATRIX_DOT_MATRIX = new RegExp(String.raw`(${CAPITAL}|${BOLD_CAPITAL})\s*\\cdot\s*(?=[A-Z](?![A-Za-z])|\\(?:mathbf|boldsymbol)\{[A-Z]\})`, 'g');

/** A transposed factor before a dot, `\Theta^{T} \cdot x`: θᵀx, the product, as θ^T * x is. */
const TRANSPOSED_DOT = /(\^\s*(?:\{\s*)?(?:T|\\top|\\intercal|\\mathsf\{T\})(?:\s*\})?)\s*\\cdot(?![A-Za-z])\s*/g;

/** `\sigma{(…)}`, `\sigma{\left( … \right)}`: a call's brackets wrapped in braces, unwrapped to `\sigma( … )`. */
function bracedSizedCall(s: string): string {
  const re = /\\(?:max|min|log|ln|exp|tanh|sigma)\s*\{(?=\s*(?:\\left\s*)?[([])/g;
  let out = '';
  let from = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    const close = closeBrace(s, open);
    const body = s.slice(open + 1, close - 1).trim();
    // (Only a single bracket: `\sigma{(a)(b)}` is left as it is.)
    const start = body.search(/[([]/);
    const end = start < 0 ? -1 : closingBracket(body, start);
    if (close < 0 || end < 0 || body.slice(end + 1).trim() !== '') continue;
    out += `${s.slice(from, open)} ${s.slice(open + 1, close - 1)} `;
    from = close;
    re.lastIndex = close;
  }
  return out + s.slice(from);
}

/** Derivatives typed with a slash: ∂C / ∂W_1, dg/dz, dL/dw_1, and code's words, dl/dout * dout/dz_i. */
function slashDerivatives(s: string): string {
  // (Plain notes spell ∂ as the word part, `part C / part z_j^l`, when they write the quotient with it on both sides.)
  if (/(?<![A-Za-z\\])part\s+\\?[A-Za-z][^/]{0,24}\/\s*part\s+\\?[A-Za-z]/.test(s)) s = s.replace(/(?<![A-Za-z\\])part(?=\s+\\?[A-Za-z])/g, '\\partial');
  // ∂C / ∂W_1 typed with a slash: the partial derivative. (The function differentiated may be bracketed, ∂(σ(o_1))/∂o_1,
  // ∂[E_total]/∂w.)
  const variable = String.raw`(?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]{1,20}\}|_[A-Za-z0-9])?(?:\^\{[^{}]{1,20}\}|\^[A-Za-z0-9])?`;
  const bracketed = String.raw`\((?:[^()]|\([^()]*\)){1,40}\)|\[[^[\]]{1,40}\]`;
  s = s.replace(new RegExp(String.raw`\\partial\s*(${variable}|${bracketed})\s*\/\s*\\partial\s*(${variable})`, 'g'), '\\frac{\\partial $1}{\\partial $2}');
  // (Code names them in words, dl/dout * dout/dz_i, dact/dz: two such derivatives, a word a name.)
  const WORD_D = String.raw`d([A-Za-z]{1,8})((?:_\{[^{}]{1,12}\}|_[A-Za-z0-9]+)?)`;
  const wordDerivative = new RegExp(String.raw`(^|[^A-Za-z\\])${WORD_D}\s*\/\s*${WORD_D}(?![A-Za-z0-9_{])`, 'g');
  if ((s.match(wordDerivative) ?? []).length >= 2) s = s.replace(wordDerivative, (_m, pre: string, a: string, ai: string, b: string, bi: string) => `${pre}\\frac{d ${a.length > 1 ? `\\mathrm{${a}}` : a}${ai}}{d ${b.length > 1 ? `\\mathrm{${b}}` : b}${bi}}`);
  // (And with d, as plain notes write it: dg/dz, dL/dw_1, dz^{[2]}/dw, dL/d\hat{y}, d\sigma/dz.)
  const dVar = String.raw`(?:\\(?:hat|tilde|bar|vec|mathbf|boldsymbol|bm)\{\\?[A-Za-z]{1,8}\}|\\[A-Za-z]{2,8}(?![A-Za-z])|[A-Za-z])(?:_\{[^{}]{1,12}\}|_[A-Za-z0-9])?(?:\^\{[^{}]{1,12}\})?`;
  s = s.replace(new RegExp(String.raw`(^|[^A-Za-z\\])d(${dVar})\s*\/\s*d(${dVar})(?![A-Za-z0-9_{])`, 'g'), '$1\\frac{d $2}{d $3}');
  // (A function's name run into the d of its derivative, \frac{dtanh}{dx}: d of the function.)
  s = s.replace(/(\\frac\s*\{\s*d)\s*(tanh|sigmoid)(?![A-Za-z])/g, '$1\\$2 ');
  return s;
}

/** Greek letters a bold shorthand may carry after `\b` (`\btheta`): all but β and η, which `\beta` would swallow. */
const GREEK_AFTER_B = 'alpha|gamma|delta|epsilon|varepsilon|theta|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega';
/** Greek letters a bold shorthand may carry after `\bold` or `\mb` (`\bolddelta`, `\mbtheta`). */
const GREEK_BOLD = `${GREEK_AFTER_B}|beta|eta`;
/** A letter a bold shorthand may carry after `\b`: not `\bf` and `\bm`, real commands, nor `\be`, read as β. */
const B_LETTER = '(?![fme])[a-zA-Z]';
/** A bold shorthand by its `\mb` or `\b` prefix, `\mbx`, `\bW`, `\btheta`. */
const BOLD_PREFIXED = new RegExp(`\\\\(?:mb(?:[a-zA-Z]|${GREEK_BOLD})|b(?:${B_LETTER}|${GREEK_AFTER_B}))(?![A-Za-z{])`);

/** `\<prefix><letter>` → `\mathbf{letter}`, `\<prefix><greek>` → `\boldsymbol{\greek}`, when no letter or brace follows. */
function boldByPrefix(s: string, prefix: string, greek: string, letter = '[a-zA-Z]'): string {
  return s.replace(new RegExp(`\\\\${prefix}(${letter})(?![A-Za-z{])`, 'g'), '\\mathbf{$1}').replace(new RegExp(`\\\\${prefix}(${greek})(?![A-Za-z{])`, 'g'), '\\boldsymbol{\\$1}');
}

/** `\colvec{n}{a_1}…{a_n}`, a column-vector macro papers define: the entries stacked in a bmatrix. */
function columnVectors(s: string): string {
  for (let guard = 0; guard < 20; guard++) {
    const m = /\\colvec\s*\{\s*([1-9])\s*\}/.exec(s);
    if (!m) return s;
    const entries: string[] = [];
    let at = m.index + m[0].length;
    for (let k = 0; k < Number(m[1]); k++) {
      while (s[at] === ' ') at++;
      const end = s[at] === '{' ? closeBrace(s, at) : -1;
      if (end < 0) return s;
      entries.push(s.slice(at + 1, end - 1).trim());
      at = end;
    }
    s = `${s.slice(0, m.index)}\\begin{bmatrix} ${entries.join(' \\\\ ')} \\end{bmatrix}${s.slice(at)}`;
  }
  return s;
}

/** A column entry that is one vector: a letter, bold or arrowed, with at most two scripts (`\vec{y}^{(i+1,j)}`, `h_{t-1}`). */
const VECTOR_ENTRY = /^(?:\\(?:vec|mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:\^\{[^{}]{0,20}\}|\^[A-Za-z0-9]|_\{[^{}]{0,20}\}|_[A-Za-z0-9]){0,2}$/;

/**
 * A weight matrix times a column of vectors stacked (`W \begin{bmatrix} h_{t-1} \\ x_t \end{bmatrix}`,
 * `\mathbf{M_i} \begin{bmatrix} \vec{y}^{(l)} \\ \vec{y}^{(r)} \end{bmatrix}`): the matrix times their concatenation
 * `[h_{t-1}; x_t]`. (A column of numbers or of entries x_1, x_2 written out stays a vector.)
 */
function stackedColumns(s: string): string {
  if (!/\\begin\{[bp]matrix\}/.test(s)) return s;
  // (Not in a product of written-out matrices, the gates' block (σ σ σ tanh)ᵀ W (h_{t−1}; x_t), which is read as it is.)
  const weight = String.raw`(?<![\\A-Za-z])(?<!\\end\{[bpv]?matrix\}\s*)(?:\\mathbf\s*\{\s*[A-Z](?:_\{?[A-Za-z0-9]{1,3}\}?)?\s*\}|[A-Z])(?:_\{[^{}]{0,12}\}|_[A-Za-z0-9])?`;
  return s.replace(new RegExp(String.raw`(${weight})\s*\\begin\{([bp]matrix)\}([^&]{1,300}?)\\end\{\2\}`, 'g'), (m, w: string, _env: string, body: string) => {
    const rows = body.split('\\\\').map((r) => r.trim()).filter(Boolean);
    const vectors = rows.length >= 2 && rows.length <= 4 && rows.every((r) => VECTOR_ENTRY.test(r)) && !rows.every((r) => /^[A-Za-z]_\{?[0-9]\}?$/.test(r));
    return vectors ? `${w} [${rows.join('; ')}]` : m;
  });
}

/**
 * Shorthands a note's preamble defines but the formula arrived without (a book's macro file, a copied snippet), read by
 * their common conventions: `\given` (a conditional's bar), `\grad` (∇), `\vx`, `\vw` (bold vectors), `\mW` (a bold
 * matrix), `\boldx`, `\boldW`, `\bolddelta` (bold), `\mat W`, `\bb{h}` (bold; `\bb{R}` the reals), `\dotp{a}{b}` (aᵀb), `\norm{x}`, `\abs{x}`, `\th`/`\be`/`\si` (θ, β, σ); colour wrappers (`\textcolor{c}{x}`, a capitalised
 * one-argument macro like `\VARm{x}`) give their content. A command the note defines has been expanded before this.
 */
function conventionalShorthands(s: string): string {
  s = s.replace(/\\textcolor\s*\{[^{}]*\}/g, '').replace(/\\color\s*\{[^{}]*\}/g, '');
  // (Not `\vb{x}`, the physics package's bold, nor siunitx's `\si{…}`: a shorthand takes no argument.)
  s = s.replace(/\\v([a-zA-Z])(?![A-Za-z{])/g, '\\mathbf{$1}').replace(/\\m([A-Z])(?![A-Za-z{])/g, '\\mathbf{$1}');
  s = s.replace(/\\mat(?![A-Za-z])\s*(\\[A-Za-z]+|[A-Za-z])/g, '\\mathbf{$1}');
  // `\boldx`, `\boldW`, `\bolddelta`: bold by the name's convention (Goldberg's and Rush's notes).
  s = boldByPrefix(s, 'bold', GREEK_BOLD);
  // `\mbx`, `\mbtheta` (Linderman's notes), `\bx`, `\bW`, `\btheta`: bold by the same convention. (Not `\bf` and `\bm`,
  // real commands, nor `\be`, read as β below, and `\beta`.)
  s = boldByPrefix(boldByPrefix(s, 'mb', GREEK_BOLD), 'b', GREEK_AFTER_B, B_LETTER);
  // `\colvec{2}{a}{b}`: a column vector of its n entries, stacked.
  s = columnVectors(s);
  // `\upsigma`, `\upeta` (upgreek) and `\mupsigma` (unicode-math): the Greek letter set upright, the same letter.
  s = s.replace(/\\m?up(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)(?![A-Za-z])/g, '\\$1');
  // `\bb{h}`, `\bb{W}`, `\bv{x}`: a bold letter; `\bb{R}` of a number set, blackboard bold.
  s = s.replace(/\\(?:bb|bv)\s*\{\s*([^{}]*?)\s*\}/g, (_m, a: string) => (/^[RNZQCE]$/.test(a) ? `\\mathbb{${a}}` : /^\\[A-Za-z]+$/.test(a) ? `\\boldsymbol{${a}}` : `\\mathbf{${a}}`));
  // `\V{a}`, `\V{\sigma}`: a one-letter capital macro around a small letter is a bold vector (a variance, \V{X}, takes a capital).
  s = s.replace(/\\V\s*\{\s*(\\[a-z]+|[a-z])\s*\}/g, '\\mathbf{$1}');
  // `\Nor(μ, σ²)`, `\Normal`, `\Gauss`, `\cN`: the normal distribution's 𝒩 (not `\Norm`, often a norm's).
  s = s.replace(/\\(?:Nor|Normal|normal|Gauss|gauss|cN|calN|Ncal)(?![A-Za-z])/g, '\\mathcal{N}');
  s = s.replace(/\\given(?![A-Za-z])/g, ' \\mid ').replace(/\\grad(?![A-Za-z])/g, '\\nabla ');
  s = s.replace(/\\th(?![A-Za-z{])/g, '\\theta').replace(/\\be(?![A-Za-z{])/g, '\\beta').replace(/\\si(?![A-Za-z{])/g, '\\sigma');
  // (One-argument shorthands, innermost first: their argument is a brace group.)
  for (let guard = 0; guard < 100; guard++) {
    const m = /\\(dotp|norm|abs|ab|(?!(?:Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega|Pr|Var|Cov|KL|Tr|Big[glr]?|Bigg[lr]?|Vert|Re|Im|[A-Z])(?![A-Za-z]))[A-Z][A-Za-z]*)\s*\{/.exec(s);
    if (!m) break;
    const open = m.index + m[0].length - 1;
    const close = closeBrace(s, open);
    if (close < 0) break;
    const a = s.slice(open + 1, close - 1);
    let rep: string;
    let end = close;
    if (m[1] === 'dotp') {
      const two = twoArgs(s, open);
      const [x, y] = two ? two : a.split(',');
      rep = y === undefined ? `(${a})` : `{${x}}^\\top {${y}}`;
      if (two) end = two[2];
    } else if (m[1] === 'norm') rep = `\\|${a}\\|`;
    else if (m[1] === 'abs' || m[1] === 'ab') rep = `|${a}|`;
    else rep = ` ${a} `;
    s = s.slice(0, m.index) + rep + s.slice(end);
  }
  return s;
}

/** `\pdv{f}{x}` → `\frac{\partial f}{\partial x}`, `\dv{f}{x}` → `\frac{d f}{d x}`, `\dv{x}` → `\frac{d}{d x}`. */
/**
 * Letters named as code and hasty notes name them: Greek names typed in capitals (THETA, ALPHA), weights and biases by
 * one suffix where both are written (`sigma(Wu [h, x] + bu)`: W_u and b_u) or by what they connect in the course notation
 * (Waa, Wax, Wya and ba, by; W_hh in code), and a Greek letter's index typed against it (θ0 + θ1 x: θ_0, θ_1).
 */
function codeLetterNames(s: string): string {
  // (Greek names typed in capitals, hTHETA(x) = THETA^T * x, THETAj, ALPHA, LAMBDA: the lower-case letters, an index kept.)
  const GREEK_CAPS = 'THETA|ALPHA|LAMBDA|SIGMA|DELTA|GAMMA|BETA|ETA|EPSILON';
  s = s.replace(new RegExp(`(?<![A-Za-z\\\\])(${GREEK_CAPS})([a-z0-9])(?![A-Za-z0-9])`, 'g'), (_m, g: string, i: string) => `\\${g.toLowerCase()}_{${i}}`);
  s = s.replace(new RegExp(`(?<![A-Za-z\\\\])(${GREEK_CAPS})(?![A-Za-z0-9])`, 'g'), (_m, g: string) => `\\${g.toLowerCase()} `).replace(/(?<![A-Za-z\\])([a-z])THETA(?=[\s(_^])/g, '$1_{\\theta}');
  for (const m of s.matchAll(/(?<![A-Za-z\\])W([a-z]{1,2})(?![A-Za-z])/g)) {
    if (new RegExp(`(?<![A-Za-z\\\\])b${m[1]}(?![A-Za-z])`).test(s)) s = s.replace(new RegExp(`(?<![A-Za-z\\\\])([Wb])${m[1]}(?![A-Za-z])`, 'g'), `$1_{${m[1]}}`);
  }
  s = s.replace(/(θ|\\theta|β|\\beta)([0-9])(?![0-9.])/g, '$1_{$2}');
  // (`lr`, code's learning rate, is one name, not the letters l and r.)
  s = s.replace(/(?<![A-Za-z\\{])lr(?![A-Za-z{])/g, '\\mathrm{lr}');
  // (Code writes them with an underscore, `W_hh`, `U_xs`: one subscript of two letters, a `*` after it a product.)
  s = s.replace(/(?<![A-Za-z\\])([WUV])_([hxyoacsz]{2})(?![A-Za-z{_^])(?:\s*\*(?![*^_]))?\s*/g, '$1_{$2} ');
  if (/(?<![A-Za-z\\])W[ahxyoc]{2}(?![A-Za-z])/.test(s)) s = s.replace(/(?<![A-Za-z\\])W([ahxyoc]{2})(?![A-Za-z])(?:\s*\*(?![*^_]))?\s*/g, 'W_{$1} ').replace(/(?<=\+\s*)b([ahxyoc])(?![A-Za-z])/g, 'b_{$1}');
  return s;
}

/**
 * The physics package's notation: `\va x` its arrow over x (in a note written with the package — \qty, \pdv, \dv,
 * \vb{…}), its derivatives `\pdv{f}{x}` (∂f/∂x), `\dv{f}{x}` (df/dx), `\dv{x}` (d/dx), and its sized brackets.
 */
function physicsPackage(s: string): string {
  if (/\\(qty|pdv|dv|vb|va)(?![A-Za-z])\s*[{([|]/.test(s)) s = s.replace(/\\va(?![A-Za-z])\s*(\\[A-Za-z]+|[A-Za-z])/g, '\\vec{$1}');
  if (DERIVATIVE_MACRO.test(s)) s = derivativeCommands(s);
  if (/\\qty(?![A-Za-z])/.test(s)) s = physicsBrackets(s);
  return s;
}

/** The physics package's sized brackets: `\qty(…)`, `\qty[…]`, `\qty|…|` are the brackets; `\qty{…}` a bracketed group. */
function physicsBrackets(s: string): string {
  s = s.replace(/\\qty\s*(?=[([|])/g, '');
  for (let guard = 0; guard < 50; guard++) {
    const m = /\\qty\s*(?=\{)/.exec(s);
    if (!m) break;
    const end = closeBrace(s, m.index + m[0].length);
    if (end <= 0) break;
    s = `${s.slice(0, m.index)}(${s.slice(m.index + m[0].length + 1, end - 1)})${s.slice(end)}`;
  }
  return s;
}

/**
 * Derivative commands: the physics package's `\pdv` and `\dv`, and the names notes give their own derivative macros
 * when the definition is not in the note (`\deriv{h}{x}`, `\partialDeriv{L}{w}`, `\pd{f}{x}`, `\diff{y}{t}`), and the esdiff
 * package's `\diffp{f}{x}` (∂f/∂x) and `\diff{f}{x}` (df/dx).
 */
const DERIVATIVE_MACRO = /\\(pdv|pd|pderiv|pdiff|pder|partialDeriv|partialderiv|partialDerivative|dv|deriv|derivative|diffp|diff|der)\*?\s*(?:\[[^\]]*\]\s*)?(?=\{)/;

function derivativeCommands(s: string): string {
  for (let guard = 0; guard < 50; guard++) {
    const m = DERIVATIVE_MACRO.exec(s);
    if (!m) break;
    // (esdiff's \diffp is its partial derivative, \diff its total one; a starred form or an order in brackets reads the same.)
    const d = m[1].startsWith('p') || m[1] === 'diffp' ? '\\partial ' : 'd ';
    const two = twoArgs(s, m.index + m[0].length);
    const one = closeBrace(s, m.index + m[0].length);
    if (two) s = `${s.slice(0, m.index)}\\frac{${d}${two[0]}}{${d}${two[1]}}${s.slice(two[2])}`;
    else if (one > 0) s = `${s.slice(0, m.index)}\\frac{${d.trim()}}{${d}${s.slice(m.index + m[0].length + 1, one - 1)}}${s.slice(one)}`;
    else break;
  }
  return s;
}

/** `\cmd{A}{B}` at i → [A, B, end], or null. */
function twoArgs(s: string, i: number): [string, string, number] | null {
  let k = i;
  while (s[k] === ' ') k++;
  const a1 = closeBrace(s, k);
  if (s[k] !== '{' || a1 < 0) return null;
  let k2 = a1;
  while (s[k2] === ' ') k2++;
  const a2 = closeBrace(s, k2);
  if (s[k2] !== '{' || a2 < 0) return null;
  return [s.slice(k + 1, a1 - 1), s.slice(k2 + 1, a2 - 1), a2];
}

/** The unescaped brace closing (dir 1) or opening (dir −1) the group around position from, or −1. */
function groupEdge(s: string, from: number, dir: 1 | -1): number {
  let depth = 0;
  for (let j = from; j >= 0 && j < s.length; j += dir) {
    const c = s[j];
    if ((c !== '{' && c !== '}') || s[j - 1] === '\\') continue;
    if ((c === '{') === (dir === 1)) depth++;
    else if (depth === 0) return j;
    else depth--;
  }
  return -1;
}

/**
 * Plain TeX's `{a \over b}`: the group holding `\over` is the fraction, its part before over its part after
 * (`{dL \over dw}`, `{1 \over T}`). An `\over` outside any group stands as a slash.
 */
function groupOver(src: string): string {
  // (`{a} \\over {b}`, each side braced: the fraction of the two.)
  let s = src.replace(/\{((?:[^{}]|\{[^{}]*\})*)\}\s*\\over(?![A-Za-z])\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '\\frac{$1}{$2}');
  for (let n = 0; n < 64; n++) {
    const m = /\\over(?![A-Za-z])/.exec(s);
    if (!m) break;
    const open = groupEdge(s, m.index - 1, -1);
    const close = open < 0 ? -1 : groupEdge(s, m.index + 5, 1);
    s = open < 0 || close < 0 ? `${s.slice(0, m.index)} / ${s.slice(m.index + 5)}` : `${s.slice(0, open)}\\frac{${s.slice(open + 1, m.index)}}{${s.slice(m.index + 5, close)}}${s.slice(close + 1)}`;
  }
  return s;
}

/**
 * Drop `\underbrace{A}_{note}` / `\overbrace{A}^{note}` decorations and shapes set under a letter (`\underset{N \times 3}{Z}`);
 * `\underset{w}{\arg\min}` (or `\arg\underset{w}{\min}`) → `\arg\min_{w}`.
 */
function decorations(s: string): string {
  if (!/\\(underbrace|overbrace|underset|overset|stackrel)/.test(s)) return s;
  let out = '';
  let i = 0;
  const re = /\\(underbrace|overbrace|underset|overset|stackrel)\b/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(s)) && guard++ < 200) {
    out += s.slice(i, m.index);
    let k = m.index + m[0].length;
    if (m[1] === 'underbrace' || m[1] === 'overbrace') {
      while (s[k] === ' ') k++;
      const end = closeBrace(s, k);
      if (s[k] !== '{' || end < 0) {
        i = m.index + m[0].length;
        continue;
      }
      out += `{${s.slice(k + 1, end - 1)}}`;
      let e = end;
      while (s[e] === ' ') e++;
      if (s[e] === (m[1] === 'underbrace' ? '_' : '^')) {
        e++;
        while (s[e] === ' ') e++;
        const ne = s[e] === '{' ? closeBrace(s, e) : /^\\[A-Za-z]+/.test(s.slice(e)) ? e + /^\\[A-Za-z]+/.exec(s.slice(e))![0].length : e + 1;
        i = ne < 0 ? end : ne;
      } else i = end;
    } else {
      const two = twoArgs(s, k);
      if (!two) {
        i = m.index + m[0].length;
        continue;
      }
      // (Set under one operator, `\underset{β}{\max}`, the limits are the operator's own: `\max_{β}`.)
      // (`\underset{θ}{\mathrm{argmin}}`, `\underset{w}{\operatorname{arg\,max}}`: the arg min or max in a font.)
      const argOp = /^\s*(?:\\(?:mathrm|operatorname\*?|text|textrm|rm)\s*\{)?\s*arg\s*(?:\\[,;!]\s*|\\?\s+)?(min|max)\s*\}?\s*$/.exec(two[1]);
      // (`\underset{φ, θ}{\text{maximize}}`, `\underset{w}{\text{minimise}}`: the max or min in words.)
      const worded = /^\s*(?:\\(?:mathrm|operatorname\*?|text|textrm|rm)\s*\{)?\s*(max|min)imi[sz]e\s*\}?\s*$/.exec(two[1]);
      const operator = argOp ? `\\arg\\${argOp[1]}` : worded ? `\\${worded[1]}` : /^\s*\\[A-Za-z]+\s*$/.test(two[1]) ? two[1].trim() : `{${two[1]}}`;
      // (A shape set under a letter, `\underset{N \times 3}{\mathbf{Z}}`, annotates it: the letter alone, unbraced.)
      const shape = !argOp && !worded && /\\times|×/.test(two[0]) && !/^\s*\\[A-Za-z]+\s*$/.test(two[1]);
      out += shape ? ` ${two[1]} ` : m[1] === 'underset' ? `${operator}_{${two[0]}}` : `{${two[1]}}`;
      i = two[2];
    }
    re.lastIndex = i;
  }
  // (`\arg\underset{w}{\max}`, the limits set under the max alone, is the same arg max.)
  return (out + s.slice(i)).replace(/\\arg\s*\{\s*\\(max|min)\s*\}/g, '\\arg\\$1');
}

/** `sqrt(x)` written without a backslash → `\sqrt{x}` (balanced parentheses). */
function bareSqrt(s: string): string {
  let out = '';
  let i = 0;
  const re = /(^|[^\\A-Za-z])sqrt\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const open = m.index + m[0].length - 1;
    const close = closingBracket(s, open);
    if (close < 0) break;
    out += s.slice(i, m.index) + m[1] + `\\sqrt{${s.slice(open + 1, close)}}`;
    i = close + 1;
    re.lastIndex = i;
  }
  return out + s.slice(i);
}

/** Equation numbers and labels name the equation; they are no part of it. */
function withoutEquationNumbers(s: string): string {
  s = s.replace(/\\(tag|label)\*?\s*\{[^{}]{0,200}\}|\\(nonumber|notag)(?![A-Za-z])/g, ' ');
  // (A tag's number without braces, `\tag 5`, `\tag 2.1`.)
  s = s.replace(/\\tag\*?\s*[0-9][0-9.]{0,5}(?![0-9])/g, ' ');
  // (An equation number typed after wide spacing, `… \qquad (3)`, at the end of a line, is a tag too; so is a remark
  // in words or shapes there, `Q = XW_q \qquad (维度: (n, d_q))`.)
  s = s.replace(/\\q?quad\s*\(\s*\d{1,3}(?:[.-]\d{1,3})?[a-z]?\s*\)\s*(?=$|\\\\|\\end\{)/g, ' ');
  s = s.replace(/\\q?quad\s*\((?=[^()=]{0,40}[:：])[^()=]{0,40}(?:\([^()=]{0,40}\)[^()=]{0,10})?\)\s*$/, ' ');
  // (And matrices' shapes written after the spacing, `Q = X W_Q \quad (4 \times 512)(512 \times 512)`.)
  s = s.replace(/\\q?quad\s*(?:\(\s*[0-9A-Za-z_{}]{1,8}\s*(?:\\times|×|x|\*)\s*[0-9A-Za-z_{}]{1,8}\s*\)\s*){1,4}(?:=\s*\(\s*[0-9A-Za-z_{}]{1,8}\s*(?:\\times|×|x|\*)\s*[0-9A-Za-z_{}]{1,8}\s*\)\s*)?$/, ' ');
  // (A one-row matrix or array laying out a line and its number, `\begin{matrix} r = σ(…) & (1) \end{matrix}`: that line.)
  return s.replace(/^\s*\\begin\{(matrix|array)\}(?:\{[lcr|\s]{1,12}\})?((?:(?!\\\\|\\begin|&).){1,1500})&\s*\(\s*\d{1,3}[a-z]?\s*\)\s*\\end\{\1\}\s*$/, '$2');
}

/** Greek letters (and ∇) plain-text notes spell without a backslash (`w - alpha * dw`, `beta1*m`, `nabla_theta J`). */
const BARE_GREEK = /(^|[^\\A-Za-z])(alpha|beta|gamma|delta|epsilon|eta|theta|lambda|sigma|omega|phi|psi|nabla)(?![A-Za-z])/g;

/** The numeric libraries whose prefixes code writes before a function (`np.exp`, `math.sqrt`, `tf.tanh`). */
const LIBRARIES = 'np|numpy|torch|tf|math|jnp';
const ROOT_PREFIX = new RegExp(`(^|[^A-Za-z\\\\])(?:(?:${LIBRARIES})\\.)+(?=sqrt\\s*\\()`, 'g');
const MODULE_PREFIX = new RegExp(`(^|[^A-Za-z\\\\])(?:(?:${LIBRARIES}|F|nn|functional|self)\\.)+(?=[A-Za-z])`, 'g');

/**
 * A library's square root, `math.sqrt(d)`, `tf.sqrt(…)`: its prefix dropped before plain math turns the call into a root,
 * so `x / math.sqrt(d)` divides by the root, not by `m`.
 */
function rootPrefixes(s: string): string {
  return s.replace(ROOT_PREFIX, '$1');
}

/**
 * Code-like plain text (lecture summaries, notebooks): library prefixes (`np.exp`, `torch.tanh`), `np.maximum`,
 * `w(transpose)x` and `X.T`, a trailing `# comment`, `Sum(`, letters numbered without an underscore (`z1`, `W2`),
 * Python indexing `y[i]`, `d(z)/d(x)` derivatives, `**` powers and `*` products by a scalar or a matrix, `dot` between
 * two operands, and a range written after it in words (`for j = 1 to K`).
 */
function codeNotation(s: string): string {
  if (/\\(newcommand|def|renewcommand)\b/.test(s)) return s;
  // (Module and object prefixes, one or several: `tf.math.tanh`, `self.W_hh`, `nn.functional.relu`.)
  s = s.replace(MODULE_PREFIX, '$1');
  // Octave's element-wise operators (`.^2`, `.*`, `./`) and its transpose `'` before a product or a letter
  // (`y'*log(h)`, `(Xθ − y)'*(Xθ − y)`, `θ'x`), in a line typed as code (a `;` at its end, or those operators).
  if (/;\s*$|\.\^|\.\*|'\s*\*/.test(s)) {
    s = s.replace(/\.\^/g, '^').replace(/\.\*/g, ' \\odot ').replace(/\.\//g, '/');
    s = s.replace(/(?<=[A-Za-z0-9)}\]α-ωΑ-Ω])'(?=\s*\*|[A-Za-zα-ωΑ-Ω\\])/g, '^{T} ').replace(/;\s*$/, '');
    // (`e(-z)`: the exponential typed as a call of e.)
    s = s.replace(/(?<![A-Za-z\\])e\(/g, '\\exp(');
  }
  s = s.replace(/(^|[^\\A-Za-z])maximum\s*\(/g, '$1max(').replace(/(^|[^\\A-Za-z])minimum\s*\(/g, '$1min(');
  s = s.replace(/\s*\(transpose\)\s*/g, '^T ').replace(/([A-Za-z])\.T(?![A-Za-z])/g, '$1^T');
  // `wT*x`, `wT *X`: a capital T glued to a letter before a product is its transpose.
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z])T(?=\s*\*\s*[A-Za-z(])/g, '$1^T ');
  // (Typed with a small t, `wt*x(1)`, before an input that is no step of its own.)
  s = s.replace(/(?<![\\A-Za-z])([wW])t(?=\s*\*\s*[xX](?![A-Za-z_]))/g, '$1^T ');
  // `sigmoid_function(z)`, `relu_fn(x)`: the function by its name.
  s = s.replace(/(?<![\\A-Za-z])(sigmoid|tanh|relu|softmax)_?(?:function|func|fn)(?=\s*\()/g, '$1');
  s = exampleCalls(s);
  s = s.replace(/\s+#\s+[A-Za-z].*$/, '');
  // (An activation's name primed bare, `Relu' = …`: the name of its derivative, not letters.)
  s = s.replace(/(?<![A-Za-z\\{])(ReLU|ReLu|Relu|relu|sigmoid|tanh|softmax)(?=['′]\s*=)/g, '\\mathrm{$1}');
  // (A range typed after the formula as words, `for j = 1 to K`, `for i in 1..n`: what an index runs over, as TeX writes it.)
  s = s.replace(/\s+for\s+([a-z])\s*(?:=\s*([0-9a-z]{1,3})\s+to|in\s+([0-9a-z]{1,3})\s*\.\.\.?)\s*([A-Za-z0-9]{1,6})\s*\.?\s*$/, (_m, i: string, a: string | undefined, b: string | undefined, n: string) => ` \\quad \\text{for } ${i} = ${a ?? b}, \\ldots, ${n}`);
  // A state written with the step before named in words, h_prev, c_{prev}, a_{\text{prev}}: the previous step.
  s = s.replace(/(?<![A-Za-z\\])([hcsaCH])_(?:prev|\{\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?prev(?:\s*\})?\s*\})(?![A-Za-z])/g, '$1_{t-1}');
  // Python's conditional expression, `f(x) = x if x > 0 else 0` (its words in text boxes too, `1 \text{ if } … \text{ else } 0`):
  // the two cases. (A cases block already has its cases.)
  if (!/&|\\begin/.test(s)) s = pythonConditional(s);
  // log2 and log10 typed without the underscore: the base as a subscript.
  s = s.replace(/(^|[^\\A-Za-z])log(2|10)(?=\s*[A-Za-z(\\])/g, '$1\\log_{$2}');
  s = s.replace(/(^|[^\\A-Za-z])Sum\s*\(/g, '$1\\sum(');
  // (Two such letters side by side, `w1x1`, are a product; a dot between a numbered matrix and a letter, `W1.X`, `W2.A1`, is code's matrix product.)
  s = s.replace(/(^|[^A-Za-z0-9\\_^.{'])([A-Za-z])(\d)([A-Za-z])(\d)(?![0-9A-Za-z.])/g, '$1$2_{$3} $4_{$5}').replace(/(^|[^A-Za-z0-9\\_^.{'])([A-Za-z])(\d{1,2})\.(?=[A-Za-z](?:\d{1,2})?(?![A-Za-z0-9]))/g, '$1$2_{$3} ');
  // (Code's gradient of a numbered letter, `dw2`, `dZ1`, `db1`: d before the numbered letter.)
  s = s.replace(/(^|[^A-Za-z0-9\\_^.{'])d([A-Za-z])(\d{1,2})(?![0-9A-Za-z.])/g, '$1d$2_{$3}');
  s = s.replace(/(^|[^A-Za-z0-9\\_^.{'])([A-Za-z])(\d{1,2})(?![0-9A-Za-z.])/g, '$1$2_{$3}');
  // (The last term of a numbered series, `w1*a1 + … + wn*an`: the same letters at the series' last index.)
  s = s.replace(/(?<![A-Za-z\\_])([a-z])([nNmkKdD])\s*\*\s*([a-z])\2(?![A-Za-z0-9])/g, (m, a: string, i: string, b: string) => (s.includes(`${a}_{1}`) && s.includes(`${b}_{1}`) ? `${a}_{${i}} ${b}_{${i}}` : m));
  // (Side by side, f[t]c[t−1]: each letter's bracket read, the one before it already rewritten.)
  s = s.replace(/(?<=^|[^A-Za-z\\]|_[A-Za-z])([A-Za-z]'?|d[A-Z])\[([a-z](?:[+−-]1)?|\d)\]/g, (_m, a: string, i: string) => `${a}_{${i.replace('−', '-')}}`);
  // (`W[1] dot A[0]`: the word dot typed between two operands is their product.)
  s = s.replace(/(?<=(?:^|[^A-Za-z\\])[A-Za-z]|[0-9}\])])\s+dot\s+(?=[A-Za-z](?![a-z]{2})|\(|\\)/g, ' \\cdot ');
  s = s.replace(/\*\*\s*(\d)/g, '^$1');
  // A caret with nothing raised after it, `loss(y, y^)`, `y^ = wx + b`, and the spacing circumflex typed after a letter,
  // `(yˆ − y)`: the letter's hat.
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z])\s*\^(?=\s*(?:$|[),=|\]:;]|\s[-+*/]\s))/g, '\\hat{$1}').replace(/(?<![\\A-Za-z])([A-Za-z])ˆ/g, '\\hat{$1}');
  // `ht = tanh(W ht-1 + U xt)`: a state's step glued to its letter, read so where a previous step or two such letters
  // show the habit.
  // (So are a gate's, a moment's and a capital state's, `Ht = Ot * tanh(Ct)`, `C't`, `mt = β1 mt-1 + (1-β1) gt`.)
  // `Πt p(xt | x<t)`, `Σi yi log ŷi`: a capital sigma or pi with its running index glued to it is the sum or product
  // over that index, and the index glued to letters after it theirs; `x<t` after a bar or a comma, the letters before t.
  s = s.replace(/(?<![\\A-Za-z])([ΣΠ∑∏])([ijktn])(?=\s|\()/g, (_m, op: string, ix: string) => `${/[Σ∑]/.test(op) ? '\\sum' : '\\prod'}_{${ix}} `);
  s = s.replace(/(?<=[|,]\s*)([A-Za-z])<([ijt])(?![A-Za-z0-9])/g, '$1_{<$2}');
  const overIndex = (ix: string) => new RegExp(`\\\\(sum|prod)_\\{${ix}\\}`).test(s);
  const glued = /(?<![\\A-Za-z0-9_^{'])([hcxyozrfigmvHCXYOZRFI])('?)t([-+]1)?(?![A-Za-z0-9_{'(])/g;
  const gluedSteps = [...s.matchAll(glued)];
  if (gluedSteps.some((m) => m[3]) || new Set(gluedSteps.map((m) => m[0])).size >= 2 || (gluedSteps.length && overIndex('t'))) s = s.replace(glued, (_m, l: string, p: string, d?: string) => `${l}${p}_{t${d ?? ''}}`);
  s = gluedIndices(s, overIndex);
  // `P(w_t|w_t-1,w_t+1)`: a step's offset typed without braces, inside a list of arguments, belongs to the index.
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z])_([a-z])([-+]\d)(?=\s*(?:[,|)\]]|\\mid))/g, '$1_{$2$3}');
  // v'_{w_O}{}^T: the empty group TeX writers put between a subscript and a superscript joins nothing.
  s = s.replace(/(?<=[}A-Za-z0-9'])\s*\{\s*\}\s*(?=[\^_])/g, '');
  // e^z_i, e^x_j: Euler's number raised to an indexed letter typed without braces (TeX would index e itself).
  s = s.replace(/(?<![\\A-Za-z])e\^([A-Za-z])_([A-Za-z0-9])(?![A-Za-z0-9{])/g, 'e^{$1_$2}');
  // e^-z, x^-1: a negative exponent typed without braces.
  s = s.replace(/\^\s*-\s*([A-Za-z0-9](?:_\{[^{}]{1,8}\}|_[A-Za-z0-9])?)(?![A-Za-z0-9_{(])/g, '^{-$1}');
  // `e**(-x)`: a power of a bracket, its bracket as the superscript's braces; `(e**(-x))` in a sum is e^{−x} itself.
  s = bracketCalls(s, /(?<=[\w)\]])\s*\*\*\s*\(/, (args) => `^{${args}}`);
  // `\mathbb{P}[y = 1 | x; θ]`, `\Pr[A | B]`: a probability written with square brackets around its conditional.
  s = squareProbabilities(s);
  // `np.power(10000, 2*i/d)`, `torch.pow(x, 2)`: the power function of code, its base raised to its exponent; and a
  // number typed with digit separators, `10_000`, is that number.
  s = s.replace(/(?<![\w.])(\d{1,3})((?:_\d{3})+)(?![\w])/g, (_m, a: string, b: string) => a + b.replace(/_/g, ''));
  s = bracketCalls(s, /(?<![A-Za-z\\])(?:power|pow)\s*\(/, (args, call) => {
    const parts = topLevel(args);
    if (parts.length !== 2) return `${call}${args})`;
    const base = parts[0].trim();
    return `${/^[A-Za-z0-9.]+$/.test(base) ? base : `(${base})`}^{${parts[1].trim()}}`;
  });
  // `p(A \| B)`: one double bar inside a probability is its conditioning bar, as some books' macros draw it (a norm has two).
  // (So is it inside a conditional expectation, E(Y \| X = x).)
  if (s.includes('\\|')) s = bracketCalls(s, /(?<![A-Za-z\\])[pPqE](?:_\{[^{}]*\}|_[A-Za-z])?\s*\(/, (args, call) => `${call}${(args.match(/\\\|/g) ?? []).length === 1 ? args.replace('\\|', '|') : args})`);
  // `exp-(θ x)`: the minus typed between the function and its bracket belongs inside.
  s = bracketCalls(s, /(?<![A-Za-z\\])exp\s*-\s*\(/, (args) => `exp(-(${args}))`);
  // `softmax(QKᵀ) \times V`: a cross before a matrix after a bracket is the product.
  s = s.replace(/\)\s*\\times\s*(?=[A-Z](?![A-Za-z]))/g, ') ');
  // `e^(-\beta x)`: TeX's caret before a bracket typed without braces raises the whole bracket.
  s = bracketCalls(s, /(?<=(?<![A-Za-z\\])e)\s*\^\s*\(/, (args) => `^{${args}}`);
  // (Not a function's argument: `softmax(e^{t})` keeps its call.)
  s = s.replace(/(?<![A-Za-z]{2}|(?<![_^\\])[A-Za-z]|[0-9)\]'])\(\s*(e\^\{[^{}]*\})\s*\)/g, '$1');
  // `dot(w.T, x)`, `matmul(A, B)`: a product of two operands; `square(u)`; `reduce_mean`, `reduce_sum` by their names.
  s = bracketCalls(s, /(?<![A-Za-z\\])(?:dot|matmul|mm)\s*\(/, (args, call) => {
    const parts = topLevel(args);
    return parts.length === 2 ? `${parts[0]} ${parts[1]}` : `${call}${args})`;
  });
  // (NumPy's method, `W.dot(x)`, `X.dot(w)`: the same product.)
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z](?:_\{?[A-Za-z0-9]{1,3}\}?)?)\.(?:dot|matmul)\(\s*([^()]{1,30}?)\s*\)/g, (_m, a: string, b: string) => (/^[A-Za-z](?:_\{?[A-Za-z0-9]{1,3}\}?)?(?:\.T)?$/.test(b) ? `${a} ${b}` : `${a} \\cdot (${b})`));
  s = bracketCalls(s, /(?<![A-Za-z\\])square\s*\(/, (args) => `(${args})^2`).replace(/(?<![A-Za-z\\])reduce_(mean|sum)\s*\(/g, '$1(');
  // d(z)/d(x) and d(J / dw): a derivative written with the d as a function.
  s = s.replace(/(^|[^A-Za-z\\])d\(((?:[^()]|\([^()]*\))+)\)\s*\/\s*d\(([^()]+)\)/g, '$1\\frac{d $2}{d $3}');
  s = s.replace(/(^|[^A-Za-z\\])d\(((?:[^()]|\([^()]*\))+?)\s*\/\s*d([A-Za-z])\)/g, '$1\\frac{d $2}{d $3}');
  // `*` as a product: by a number, a Greek scalar, an upper-case (matrix) letter, or before a bracket or fraction.
  // (And a lower-case weight before its input, w * x, w1*x1, w(t)*x: the weighted input of a hasty note.)
  s = s.replace(/(?<![A-Za-z\\])(w(?:_?\{?\d{1,2}\}?)?(?:\(t\))?)\s*\*(?![*^_])\s*(?=[a-zA-Z](?![a-zA-Z]{2}))/g, '$1 ');
  // (A lower-case input before an upper-case weight matrix, the row-vector order: x*W_1, a * W.)
  s = s.replace(/(?<![A-Za-z\\])([a-z](?:_\{?[A-Za-z0-9]{1,3}\}?|\d)?)\s*\*(?![*^_])\s*(?=[WUV](?![A-Za-z]))/g, '$1 ');
  s = s.replace(/((?:^|[^A-Za-z\\])(?:\d+(?:\.\d+)?|\\(?:alpha|eta|lambda|epsilon|gamma|beta)(?:_\{?[0-9a-z]{1,3}\}?)?|[WUVXA](?:_\{[a-z0-9]{1,3}\}|_\{?\d\}?)?|lr))\s*\*(?![*^_])\s*/g, '$1 ');
  s = s.replace(/\)\s*\*\s*(?=\()/g, ') ');
  // (A transposed factor before `*` is a matrix product: theta^T * x, X^T * X.)
  s = s.replace(/(\^\s*(?:\{\s*)?(?:T|\\top)(?:\s*\})?)\s*\*(?![*^_])\s*/g, '$1 ');
  s = s.replace(/([0-9}])\s*\*\s*(?=\(|\\frac|\\left)/g, '$1 ');
  return s;
}

/** `z(i)`, `x(1)`, `a(nx)`: an example's index typed as a call of the letter (plain text's z⁽ⁱ⁾). */
const EXAMPLE_CALL = /(?<![\\A-Za-z])([a-z]?)([xyzaXYZA])\((i|j|\d{1,2}|nx|m)\)/g;

/** The example index typed as calls, `z(i) = wx(i) + b`, read as superscripts where two such calls show the habit. */
function exampleCalls(s: string): string {
  if ((s.match(EXAMPLE_CALL) ?? []).length < 2 || /\\[A-Za-z]/.test(s)) return s;
  return s.replace(EXAMPLE_CALL, (_m, before: string, l: string, i: string) => `${before ? `${before} ` : ''}${l}^{(${i})}`);
}

/** A letter and the index i, j or k glued to it, `yi`, `θj`, `wi-1` (not π spelled `pi`). */
// (The offset may be an order's, `wi−N+1`, the first word of an n-gram's history.)
const GLUED_INDEX = /(?<![\\A-Za-z0-9_^{'.])(?!pi(?![A-Za-z]))([A-Za-zα-ωΘ])([ijk])([-+](?:[Nn][-+][12]|1))?(?![A-Za-z0-9_{'(.])/g;

/**
 * `Σ(yi − w xi)²`, `θj := θj − α Σ (h(x) − y) xj`, `P(wi | wi-1)`: an index glued to its letter in plain text, read as
 * the subscript where the formula shows the habit — two letters carrying one index, or a letter with the step before
 * (`wi-1`). One such pair alone (`ai`, `xi`) is left as written.
 */
function gluedIndices(s: string, overIndex: (ix: string) => boolean): string {
  const found = [...s.matchAll(GLUED_INDEX)];
  // (Or a sum over that index glued to its sign, `Σi yi log ŷi`.)
  const habit = new Set(['i', 'j', 'k'].filter((ix) => {
    const mine = found.filter((m) => m[2] === ix);
    return mine.some((m) => m[3]) || new Set(mine.map((m) => m[1])).size >= 2 || (mine.length > 0 && overIndex(ix));
  }));
  // (A hatted letter carries it as well, `(yi − ŷi)²`: the hat read first, `\hat{y}i`.)
  const hatted = /(\\hat\{[A-Za-zα-ω]\})([ijk])(?![A-Za-z0-9_{'(])/g;
  for (const m of s.matchAll(hatted)) if (found.some((f) => f[2] === m[2])) habit.add(m[2]);
  // (A sequence's last letter, `P(w1) … P(wn | wn-1)`: the letter numbered elsewhere in the formula runs up to n.)
  for (const l of new Set([...s.matchAll(/(?<![\\A-Za-z])([A-Za-z])_\{[0-9]\}/g)].map((m) => m[1]))) s = s.replace(new RegExp(`(?<![\\\\A-Za-z0-9_^{'.])${l}([nNT])([-+]1)?(?![A-Za-z0-9_{'(.])`, 'g'), `${l}_{$1$2}`);
  if (!habit.size) return s;
  return s.replace(GLUED_INDEX, (m, l: string, ix: string, d?: string) => (habit.has(ix) ? `${l}_{${ix}${d ?? ''}}` : m)).replace(hatted, (m, h: string, ix: string) => (habit.has(ix) ? `${h}_{${ix}}` : m));
}

/**
 * `lhs = a if cond else b`, `lhs = a if cond, b otherwise` and C's `lhs = cond ? a : b` → the cases block of a and b
 * (the ternary only where its condition compares).
 */
function pythonConditional(s: string): string {
  const plain = s.replace(/\\(?:text|textrm|mathrm)\s*\{\s*(if|else|otherwise)\s*\}/g, ' $1 ');
  const cases = (lhs: string, a: string, cond: string, b: string) => `${lhs}\\begin{cases} ${a} & ${cond.replace(/>=/g, '\\geq ').replace(/<=/g, '\\leq ')} \\\\ ${b.trim()} & \\text{otherwise} \\end{cases}`;
  const m = /^([^=]{1,80}=\s*)([^=]{1,80}?)\s+if\s+(.{1,80}?)\s+else\s+(.{1,80})$/.exec(plain);
  if (m) return cases(m[1], m[2], m[3], m[4]);
  const o = /^([^=]{1,80}=\s*)([^=]{1,80}?)\s+if\s+(.{1,80}?)\s*,\s*(.{1,80}?)\s+otherwise\s*[.,]?\s*$/.exec(plain);
  if (o) return cases(o[1], o[2], o[3], o[4]);
  // (Each case its own equation of the same letter, `y = 0, if x < 0; y = x, if x ≥ 0`.)
  const two = casesByEquation(plain);
  if (two) return two;
  const t = /^([^=?:]{1,80}=\s*)([^?:]{1,80}?)\s*\?\s*([^?:]{1,80}?)\s*:\s*([^?:]{1,80})$/.exec(plain);
  if (t && /[<>]|\\[gl]eq?(?![A-Za-z])|==/.test(t[2])) return cases(t[1], t[3], t[2].replace(/==/g, '='), t[4]);
  return s;
}

/** `y = 0, if x < 0; y = x, if x ≥ 0`: two equations of one letter, each with its condition → that letter's cases block. */
function casesByEquation(plain: string): string | null {
  const lhs = /^\s*([A-Za-z][A-Za-z0-9_{}()']{0,20})\s*=/.exec(plain)?.[1];
  if (!lhs) return null;
  // (The cases apart by `;`, a wide space, or a comma before the letter's second equation.)
  const second = plain.indexOf(lhs, plain.indexOf('=') + 1);
  const comma = second > 0 && /,\s*$/.test(plain.slice(0, second)) && /^\s*=/.test(plain.slice(second + lhs.length));
  const pieces = (comma ? [plain.slice(0, second).replace(/,\s*$/, ''), plain.slice(second)] : plain.split(/\s*(?:;|\\q?quad(?![A-Za-z]))\s*/)).filter((p) => p.trim() && !/^[.,]$/.test(p.trim()));
  if (pieces.length !== 2 || pieces.some((p) => p.split(/\bif\b/).length !== 2)) return null;
  const read = (p: string) => /^\s*([A-Za-z][A-Za-z0-9_{}()']{0,20})\s*=\s*([^=]{1,80}?)\s*,?\s+if\s+([^=]{1,80}?)\s*[.,]?\s*$/.exec(p);
  const [a, b] = pieces.map(read);
  if (!a || !b || a[1] !== b[1]) return null;
  return `${a[1]} = \\begin{cases} ${a[2]} & ${a[3]} \\\\ ${b[2]} & ${b[3]} \\end{cases}`;
}

const SUPERSCRIPTS: Record<string, string> = lookupTable({
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+', 'ᵀ': 'T', 'ⁿ': 'n', 'ⁱ': 'i', 'ᵗ': 't',
  'ᵃ': 'a', 'ᵇ': 'b', 'ᶜ': 'c', 'ᵈ': 'd', 'ᵉ': 'e', 'ᵍ': 'g', 'ʰ': 'h', 'ʲ': 'j', 'ᵏ': 'k', 'ˡ': 'l', 'ᵐ': 'm', 'ᵒ': 'o', 'ᵖ': 'p', 'ʳ': 'r', 'ˢ': 's',
  'ᵘ': 'u', 'ᵛ': 'v', 'ʷ': 'w', 'ˣ': 'x', 'ʸ': 'y', 'ᶻ': 'z', 'ᴸ': 'L',
});
const SUBSCRIPTS: Record<string, string> = lookupTable({ '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', '₋': '-', '₊': '+', 'ᵢ': 'i', 'ⱼ': 'j', 'ₜ': 't', 'ₖ': 'k', 'ₙ': 'n', 'ₘ': 'm', 'ₒ': 'o', 'ₓ': 'x' });
const SCRIPT_RUN = (chars: Record<string, string>) => new RegExp(`[${Object.keys(chars).join('')}]+`, 'g');
const SUP_RE = SCRIPT_RUN(SUPERSCRIPTS);
const SUB_RE = SCRIPT_RUN(SUBSCRIPTS);
/** Letters with a combining hat, tilde or bar (ŷ, x̃, x̄) as TeX accents. */
const COMBINING: Record<string, string> = lookupTable({ '\u0302': 'hat', '\u0303': 'tilde', '\u0304': 'bar', '\u20D7': 'vec' });
const PRECOMPOSED: Record<string, string> = lookupTable({ 'ŷ': '\\hat{y}', 'ĥ': '\\hat{h}', 'ô': '\\hat{o}', 'ẑ': '\\hat{z}', 'ỹ': '\\tilde{y}', 'õ': '\\tilde{o}', 'ẽ': '\\tilde{e}' });

/** Every × outside a superscript, between two factors, read as the product it is. */
function productCrosses(s: string): string {
  let out = '';
  let depth = 0;
  const sup: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') {
      depth++;
      if (s[i - 1] === '^') sup.push(depth);
    } else if (c === '}') {
      if (sup[sup.length - 1] === depth) sup.pop();
      depth--;
    }
    if (c === '×' && !sup.length && /[A-Za-z0-9})\]]\s*$/.test(s.slice(Math.max(0, i - 3), i)) && /^\s*[A-Za-z0-9\\([]/.test(s.slice(i + 1, i + 4))) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Unicode typed into plain-text notes: super- and subscript characters (`x²`, `W⁻¹`, `xᵀ`, `h₁`, `wᵢ`), letters with
 * a combining or precomposed accent (`ŷ`, `c̃`), and a root sign before a letter or a bracket (`√d_k`, `√(x)`).
 */
function unicodeScripts(s: string): string {
  if (!/[^\x00-\x7F]/.test(s)) return s;
  // Slides that mark a vector with a leading arrow and a matrix with a double one (`→θ`, `⇉W→x`, `⁇→x` for a random
  // vector): the letters themselves. (An arrow between two terms, `X → Y`, has a letter or a space before it.)
  // (Where the double arrow shows the convention, every arrow glued to a letter is one: `⇉U→h` is U h.)
  const marks = /[⇉⁇]/.test(s) ? /[⁇]?[→⇉](?=\\?[A-Za-zα-ωΑ-Ω])/g : /(?<=^|[^A-Za-z0-9}\s]|\s)[⁇]?[→⇉](?=\\?[A-Za-zα-ωΑ-Ω])/g;
  s = s.replace(marks, '').replace(/≝/g, '=');
  // (The German keyboard's ß standing alone, `ß_0 + ß_1X`, `∑ß_j^2`, is the β it is typed for; inside a word it is a letter.)
  s = s.replace(/(?<![A-Za-zÀ-ÿ])ß(?![a-zà-ÿ])/g, 'β');
  s = s.replace(/[ŷĥôẑỹõẽ]/g, (c) => PRECOMPOSED[c] ?? c);
  // (A product dot typed as a character, `X · W`, `w⋅x`: TeX's \cdot, which the rules below read.)
  s = s.replace(/[·⋅∙]/g, ' \\cdot ');
  s = s.replace(/([A-Za-z])([\u0302\u0303\u0304\u20D7])/g, (_m, l: string, acc: string) => `\\${COMBINING[acc]}{${l}}`);
  // A layer in superscript parentheses, `z⁽ℓ⁾`, `h⁽ℓ⁻¹⁾`: the layer above the letter.
  s = s.replace(/⁽([^⁽⁾]{1,10})⁾/g, (_m, inner: string) => `^{(${[...inner].map((c) => SUPERSCRIPTS[c] ?? (c === 'ℓ' ? '\\ell ' : c)).join('').trim()})}`);
  s = s.replace(SUP_RE, (m) => `^{${[...m].map((c) => SUPERSCRIPTS[c]).join('')}}`).replace(SUB_RE, (m) => `_{${[...m].map((c) => SUBSCRIPTS[c]).join('')}}`);
  // (A × between two factors, `w_1 × x_1 + w_2 × x_2`, `0.5 × 0.3`, is a product; inside a superscript, `ℝ^{n×m}`, a shape.)
  if (s.includes('×')) s = productCrosses(s);
  // ∂ typed as a character is TeX's \partial (so ∂L/∂w with a slash is read as the fraction it is); `hθ(x)`, the
  // hypothesis of the course notes that write θ after h, is h_θ(x).
  // (So are its bold and italic forms from the mathematical alphabets, 𝟃, 𝜕; and a δ on both sides of a slash,
  // δE/δw, typed for it.)
  s = s.replace(/\u{1D6DB}|\u{1D715}|\u{1D74F}|\u{1D789}|\u{1D7C3}/gu, '∂');
  if (/δ\s*[A-Za-z(][^/]{0,30}\/\s*δ\s*[A-Za-z(]/.test(s)) s = s.replace(/δ(?=\s*[A-Za-z(])/g, '∂');
  s = s.replace(/∂\s*/g, '\\partial ').replace(/(?<![A-Za-z\\])hθ(?=\s*\()/g, 'h_{θ}');
  s = s.replace(/√\s*\(/g, 'sqrt(').replace(/√\s*(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9]+)?|[0-9]+)/g, '\\sqrt{$1}');
  return s;
}

/**
 * TeX escaped a second time for a markdown or HTML renderer (a blog export): every command written `\\theta`,
 * `\\frac`, its line breaks `\\\\`, a product `\*`. Halved back to TeX: all of it when no command is written
 * with a single backslash, else only the line breaks.
 */
function doubleEscaped(s: string): string {
  if (!s.includes('\\')) return s;
  const single = /(^|[^\\])\\[A-Za-z]{2,}/.test(s);
  // (Escaped as pandoc writes markdown, `\\frac`, `E\_{t}`, `\^{t}`, `\&`: the script marks and the alignment are TeX's own.)
  if (!single && /\\\\[A-Za-z]{2,}/.test(s)) s = s.replace(/\\\\/g, '\\').replace(/(?<!\\)\\([_^&$])/g, '$1');
  else if (single) s = s.replace(/\\\\\\\\/g, '\\\\');
  return s.replace(/\\\*/g, '*');
}

/**
 * A formula copied out of an equation-image link, URL-encoded: `W\vec{x} %2B \vec{b}`. TeX's `%` begins a comment, so
 * `%` before two hex digits of a character formulas use is read as that character.
 */
const urlEncoded = (s: string) => s.replace(/%(2B|20|5E|7B|7D|5C|3D|28|29|2C|7C|5F|2F|5B|5D)/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** HTML's named entities math pages use (the Greek letters by their names; `&space;` and `&plus;` of a formula copied out of an equation-image link). */
const HTML_ENTITIES: Record<string, string> = lookupTable({
  space: ' ', plus: '+', equals: '=', thinsp: ' ', part: '∂', nabla: '∇', middot: '·', sdot: '·', times: '×', minus: '−', sum: '∑', prod: '∏', radic: '√', infin: '∞',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', rarr: '→', larr: '←', harr: '↔', isin: '∈', hellip: '…', nbsp: ' ', prime: '′', deg: '°',
  ...Object.fromEntries('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega'.split(' ').flatMap((g, i) => [[g, 'αβγδεζηθικλμνξπρστυφχψω'[i]], [g[0].toUpperCase() + g.slice(1), 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΠΡΣΤΥΦΧΨΩ'[i]]])),
});

/**
 * Markdown notes that type scripts in HTML and math between stray dollars: `x<sup>(i)</sup>`, `W<sub>aa</sub>`,
 * `a<sup>\<t\></sup>` (Andrew Ng's step in angle brackets), `-(y$ log $\hat{y})` with the dollars left inside, and a
 * prime typed as a backtick (`` g`(z) ``).
 */
function htmlScripts(s: string): string {
  if (!/<su[bp]>|\$|`|&[A-Za-z]{2,8};|&#\d{2,5};|<\/?(span|table|tbody|tr|td|th|div|font|var|em|strong)\b/.test(s)) return s;
  // (Math typed in HTML: its entities, &sigma; &part; &middot; &#8721;, as the characters they name; its layout tags
  // (tables, spans) as spaces.)
  s = s.replace(/&#(\d{2,5});/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&([A-Za-z]{2,8});/g, (m, name: string) => HTML_ENTITIES[name] ?? m);
  s = s.replace(/<\/?(?:span|table|tbody|thead|tr|td|th|div|font|var|em|strong|br|p)\b[^<>]{0,120}>/g, ' ');
  // (Math set in a text box between words, `\text{if $y \neq \hat y$}`: the words, then the math outside the box.)
  s = s.replace(/\\text\s*\{([^{}$]*)\$([^$]*)\$([^{}$]*)\}/g, (m, a: string, math: string, b: string) => (/^[\sA-Za-z\u00c0-\u024f,;:.]*$/.test(a + b) && /[A-Za-z0-9]/.test(math.replace(/\\[A-Za-z]+/g, '')) ? `\\text{${a}} ${math} ${b.trim() ? `\\text{${b}}` : ''}` : m));
  s = s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\\([<>])/g, '$1').replace(/\$/g, ' ').replace(/([A-Za-z}\]])`(?=\s*\()/g, "$1'");
  for (let guard = 0; guard < 50 && /<su[bp]>/.test(s); guard++) {
    s = s.replace(/\s*<(su[bp])>((?:(?!<\/?su[bp]>).){0,80})<\/\1>/g, (_m, tag: string, body: string) => `${tag === 'sup' ? '^' : '_'}{${body.trim()}}`);
  }
  // (A step written in angle brackets, a^{<t>}: the step t.)
  return s.replace(/\^\{\s*<\s*([^<>{}]{1,12}?)\s*>\s*\}/g, '^{\\langle $1 \\rangle}');
}

/**
 * An array opened by a brace and closed by nothing, `\left\{ \begin{array}{l} αz & z ≤ 0 \\ z & z > 0 \end{array} \right.`,
 * is cases; other arrays lose their column specification.
 */
function arrays(s: string): string {
  const cases = s.replace(/\\left\s*\\\{\s*\\begin\s*\{array\}(?:\s*\{[^{}]{0,20}\})?((?:(?!\\begin\s*\{array\}).){1,2000}?)\\end\s*\{array\}\s*\\right\s*\./g, '\\begin{cases}$1\\end{cases}');
  return cases.replace(/\\begin\{array\}\s*\{[^{}]*\}/g, '\\begin{array}');
}

/** A prime on a data letter (x, X, z, Z, bold or not, with a subscript) before another factor: `x′β`, `X'X`. */
const DATA_PRIME = /(?<![A-Za-z\\])((?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*[xXzZ]\s*\}|[xXzZ])(?:_\{[^{}]{1,12}\}|_[A-Za-z0-9])?)(?:'|\^\s*\{\s*\\prime\s*\}|\^\s*\\prime(?![A-Za-z]))(?=\s*(?:\\(?:beta|theta|mathbf|boldsymbol|bm)(?![A-Za-z])|[A-Za-z]))/g;

/**
 * `\bigtriangledown`, `\triangledown` and the triangles ▼ ▽ typed for ∇; `logit^{-1}` (the inverse of the logit) is the sigmoid; `\backsim` for
 * the ∼ of x ∼ p; `tanhx = …` opening a formula defines tanh(x), its space lost; `count(w_{i−1}, w_i)` (or `score(h_t, h_s)`) written bare
 * is the count of the words (the score of the states), not five letters; `Leaky ReLU`, `PReLU` typed bare are the leaky ReLU's name;
 * `\mathbb{K}\mathbb{L}` is KL in blackboard letters.
 */
function otherSpellings(s: string): string {
  s = s.replace(/(?<![\\A-Za-z]|\\(?:operatorname|text|textrm|mathrm|rm|mathit|texttt|mathsf)\s*\{\s*)([Cc]ount|score|align)(?=\s*\()/g, '\\operatorname{$1}');
  s = bracesRaised(probabilityBraces(s));
  // (A function's opening bracket caught in its name's text box, `\text{softmax(}e)`: the name, then the bracket.)
  s = s.replace(/\\(?:text|textrm|mathrm|operatorname)\s*\{\s*([A-Za-z]{2,12})\s*\(\s*\}/g, '\\operatorname{$1}(');
  // (A distribution typed by its name, `y ~ Bernoulli(p)`: the distribution, not nine letters.)
  s = s.replace(/(?<![\\A-Za-z{])(Bernoulli|Categorical|Multinomial|Multinoulli|Binomial|Poisson|Dirichlet)(?=\s*\()/g, '\\operatorname{$1}');
  // (λ typed short, as code must: `lambd`, `lamda`, `lmbda`.)
  s = s.replace(/(^|[^\\A-Za-z])(?:lambd|lamda|lmbda)(?![A-Za-z])/g, '$1\\lambda ');
  s = s.replace(/(?<![\\A-Za-z{]|\{\s+)(?:Leaky[\s_-]?ReLU|LeakyRelu|[PpR]Re[Ll][Uu]|prelu|rrelu|LReLU)(?![A-Za-z])/g, '\\operatorname{LeakyReLU}');
  s = s.replace(/\\mathbb\s*\{\s*K\s*\}\s*\\mathbb\s*\{\s*L\s*\}|\\mathbb\s*\{\s*KL\s*\}/g, '\\mathrm{KL}');
  // (`\part{L}`, a shorthand for ∂; plain TeX's `\cases{1, x ≥ θ \\ 0, x < θ}`: a cases block.)
  s = s.replace(/\\part(?![A-Za-z])/g, '\\partial ');
  const cases = /\\cases\s*\{/.exec(s);
  const shut = cases ? closeBrace(s, cases.index + cases[0].length - 1) : -1;
  if (cases && shut > 0) s = `${s.slice(0, cases.index)}\\begin{cases} ${s.slice(cases.index + cases[0].length, shut - 1).replace(/\\cr(?![A-Za-z])/g, '\\\\')} \\end{cases}${s.slice(shut)}`;
  // (A circle raised after a space between two operands, `f_t\hspace{1mm}^{\circ} c_{t−1}`: the element-wise product ∘, not
  // degrees.)
  s = s.replace(/(?:\\hspace\s*\{[^{}]*\}|\s)\s*\^\s*\{\s*\\circ\s*\}(?=\s*(?:\\(?!right|end)[A-Za-z]|[A-Za-z(]))/g, ' \\circ ');
  // (\arrowvert and \Arrowvert: the bar and the double bar by their delimiter names.)
  s = s.replace(/\\arrowvert(?![A-Za-z])/g, '|').replace(/\\Arrowvert(?![A-Za-z])/g, '\\|');
  // (A prime braced as a superscript, `w^{'}`, `f^{''}`, is the prime itself.)
  s = s.replace(/\^\s*\{\s*('{1,3})\s*\}/g, '$1');
  // (A prime typed as a character, `g′(z)`, `X′X`, or as the closing quote a word processor puts for it, `g’(z)`,
  // `g(z)^{’}`, and `\prime` written straight after its letter, `f\prime(x)`, are the prime.)
  s = s.replace(/\^\s*\{\s*[’′]\s*\}/g, "'").replace(/(?<=[A-Za-z0-9)}\]\u0391-\u03c9])\s*[’′]/g, "'").replace(/(?<=[A-Za-z)}])\\prime(?![A-Za-z])/g, "'");
  // (x′β, X′X, X′y: the econometrician's prime on a data letter before another factor is a transpose.)
  s = s.replace(DATA_PRIME, '$1^{T}');
  // (Any other prime written as a superscript, σ^{\prime}(z), is the prime itself.)
  s = s.replace(/\^\s*\{\s*\\prime\s*\}|\^\s*\\prime(?![A-Za-z])/g, "'");
  // (A semicolon between the arguments of max or min, `\max\{0; u\}`, as Russian notes separate them, is their comma.)
  s = s.replace(/((?:\\|(?<![A-Za-z]))(?:max|min)\s*(?:\\left)?\s*\\\{)([^{};]{1,80});([^{};]{1,80}\\(?:right)?\s*\\?\})/g, '$1$2,$3');
  // (So it is in round brackets, `\max(0; 1 - M)`; not in `softmax(…; …)`, whose name only ends so.)
  s = s.replace(/((?:\\|(?<![A-Za-z]))(?:max|min)\s*(?:\\left)?\s*\()([^();]{1,80});([^();]{1,80}(?:\\right)?\s*\))/g, '$1$2,$3');
  // (A function written by where it sends its argument, `f: x ∈ ℝ^p ↦ β₀ + βᵀx`, is the definition f(x) = β₀ + βᵀx.)
  // (The argument starts at a non-space, so the spaces after the colon are not split every way over a long run of them.)
  if (s.includes('\\mapsto')) s = s.replace(/^(\s*[A-Za-z](?:_\{[^{}]{1,12}\}|_[A-Za-z0-9])?)\s*:\s*((?:(?!\\in(?![A-Za-z])|\\mapsto|[:=])\S)(?:(?!\\in(?![A-Za-z])|\\mapsto|[:=]).){0,39}?)\s*(?:\\in(?![A-Za-z])(?:(?!\\mapsto).){1,40}?)?\\mapsto(?![A-Za-z])(?!.*\\mapsto)/, '$1($2) = ');
  // (≦ and ≧, `\leqq` and `\geqq`, as Japanese notes write them, are ≤ and ≥.)
  s = s.replace(/\\leqq(?![A-Za-z])|≦/g, '\\leq ').replace(/\\geqq(?![A-Za-z])|≧/g, '\\geq ');
  // (A case typed whole in a text box, value then condition in brackets, `\text{0 (x ≤ 0)}`: the value and its condition.)
  s = s.replace(/\\text\s*\{\s*([-+]?\d+(?:\.\d+)?)\s*\(([^{}()]*)\)\s*\}/g, '$1 & ($2)');
  // (Knet's `sigm(x)` is the sigmoid; a gate named by its word on the left, `forget = …`, `input_gate = …`, is one name.)
  // (So is a note's `sig(x)`, `Sig'(x)`, the name cut short.)
  s = s.replace(/(?<![\\A-Za-z])(?:sigm|[Ss]ig)(?=\s*'?\s*\()/g, '\\sigma');
  s = s.replace(new RegExp(`^(\\s*)(${GATE_WORDS})(?=\\s*=)`), (_m, sp: string, w: string) => `${sp}\\operatorname{${w.replace('_', '')}}`);
  s = s.replace(/\\backsim(?![A-Za-z])/g, '\\sim').replace(/^(\s*\\?(?:tanh|sigmoid|relu|softmax|sigma))([a-z])(?=\s*=)/, '$1($2)');
  // (Code's in-place update, `W1 -= learning_rate * dW1`: the step written out, W1 := W1 − learning_rate · dW1.)
  s = s.replace(/^(\s*)([A-Za-z][A-Za-z0-9_]{0,20}(?:\[[^\]=]{1,8}\])?)\s*([-+])=\s*([^=]{1,400})$/, (_m, sp: string, v: string, sign: string, rest: string) => `${sp}${v} := ${v} ${sign} ${/[-+]/.test(rest.trim().slice(1)) ? `(${rest.trim()})` : rest.trim()}`);
  // (So is the statistician's expit, the logistic function by the name SciPy and R give it.)
  s = s.replace(/(?:\\(?:operatorname|text|mathrm)\s*\{\s*)?(?<![A-Za-z\\])expit(?:\s*\})?(?=\s*\()/g, '\\sigma');
  return s.replace(/\\(?:big)?triangledown(?![A-Za-z])|[▼▽]/g, '\\nabla ').replace(/(?:\\(?:operatorname|text|mathrm)\s*\{\s*)?(?<![A-Za-z\\])logit(?:\s*\})?\s*\^\s*\{\s*-\s*1\s*\}/gi, '\\sigma ');
}

/** A loss or a measure named by its word in plain-text notes (`Loss = -log(a_j)`, `perplexity = 2^{H}`): one name, not letters. */
function measureWords(s: string): string {
  // (`Cost(h(x), y)` too.)
  s = s.replace(/(^|[^\\A-Za-z{])(Loss|loss|Cost|cost)(?=\s*[(=_^]|\s*$)/g, '$1\\mathrm{$2}');
  // (So is a measure's whole name typed on the left, `perplexity = 2^{H}`, `cross_entropy(y, p) = …`.)
  // (And its capitals, `CE = …`, `BCE(y, p) = …`, `MSE = …`: one name, not letters multiplied.)
  s = s.replace(/^(\s*)(MSE|RMSE|MAE|CE|BCE|CCE|NLL|SSE|RSS)(?=\s*(?:\([^()]*\))?\s*=)/, '$1\\operatorname{$2}');
  s = s.replace(/^(\s*)((?:[Pp]erplexity|[Ss]urprisal|(?:[Bb]inary[_ -]?)?[Cc]ross[_ -]?[Ee]ntropy|[Ll]og[_ -]?[Ll]oss|[Hh]inge[_ -]?[Ll]oss|[Mm]ean[_ -]?[Ss]quared[_ -]?[Ee]rror))(?=\s*(?:\([^()]*\))?\s*=)/, '$1\\operatorname{$2}');
  return s;
}

/** Functions typed in a text font, `\text{log}`, `\textrm{exp}`, and calls typed whole inside a text box, `\text{softmax(X)}`. */
function textFontFunctions(s: string): string {
  return s
    // (A quantity named by its word in a text box, `(\text{target} - \text{pred})^2`: the word as a letter is read.)
    .replace(/\\(?:text|textrm|mathrm|textit|mathit)\s*\{\s*(target|targets|true|label|pred|preds|prediction|predicted|output|input|actual|observed|expected)\s*\}/g, ' $1 ')
    .replace(/\\(?:text|textrm|mathrm|rm)\s*\{\s*(log|exp|ln|tanh|max|min)\s*\}/g, '\\$1 ')
    .replace(/\\(?:text|textrm|mathrm)\s*\{\s*(softmax|sigmoid|tanh|relu|ReLU|log|exp)\s*\(([^(){}]*)\)\s*\}/g, '\\operatorname{$1}($2)');
}

/**
 * A period as a product, as typed in hasty notes: before a bracket (`W_{f}.[h_{t-1}, x_t]`), and between two letters as
 * Goldberg's book writes products: `x.W + b` a vector times a matrix, `\bold x.\bold w` a dot product. (Text boxes keep
 * their periods, `\text{e.g.}`; `v.T` is code's transpose.)
 */
function periodProducts(s: string): string {
  return s
    .replace(/([}A-Za-z])\s*\.\s*(?=[[(])/g, '$1 \\cdot ')
    .replace(/\\(?:text|textrm|mbox|mathrm)\s*\{[^{}]*\}|(?<![A-Za-z\\])([A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?)\.(?=\s*(?:\\(?:bold|mathbf|boldsymbol)\b\s*\{?\s*)?([A-Za-z])(?![A-Za-z]))(?!T(?![A-Za-z]))/g, (m, a?: string, b?: string) => (a ? `${a}${/[A-Z]/.test(b ?? '') ? ' ' : ' \\cdot '}` : m));
}

/**
 * Updates and ties between lines written as code or arrows: an update as a map (`x → x − η∇f`), an assignment arrow
 * typed as `<-`, code's compound assignment (`w -= lr * dw`), and a logical arrow before a formula (`⇔ p(y|x) = …`).
 */
function assignments(s: string): string {
  // An update written as a map, `x → x − η∇f` (or a dashed arrow `x ⇢ x − η∇f`): the letter replaced by the step from it.
  // (An eqnarray aligns on the arrow, `\begin{eqnarray} w & \rightarrow & w − η∂C/∂w`.)
  s = s.replace(/^(\s*(?:\\begin\{(?:eqnarray|align|aligned|split)\*?\}\s*)?(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*)&?\s*(?:\\(?:rightarrow|to|mapsto|longrightarrow|dashrightarrow)(?![A-Za-z])|→|⇢)\s*&?(?=\s*\2\s*[-+])/, '$1\\leftarrow ');
  // A long or double left arrow as the assignment (`w \longleftarrow w + η(d − y)x`, `W \Leftarrow W − α ∂L/∂W`), a
  // line of a matrix or array too: the letter replaced by the step from it.
  s = s.replace(/(^|\\\\|\\end\{[a-z]*\}|\\begin\{(?:matrix|array|aligned|align\*?|eqnarray\*?)\}(?:\{[^{}]*\})?)(\s*(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*)&?\s*\\(?:longleftarrow|Longleftarrow|Leftarrow)(?![A-Za-z])\s*&?(?=\s*\3\s*[-+])/g, '$1$2\\leftarrow ');
  // The new value named after the arrow, `w → w' = w − η ∂C/∂w`: the primed letter defined.
  s = s.replace(/^(\s*)(\\?[A-Za-z]+)\s*(?:\\rightarrow|\\to|→)\s*\2\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)\s*=/, "$1$2' =");
  // An assignment arrow typed as `<-` (`w <- w - \eta g`).
  s = s.replace(/\s<-\s/g, ' \\leftarrow ');
  // An assignment typed as `<=` or `~` before the same letter and a step (`w6 <= w6 - learning_rate * gradient * h2`,
  // `w^l \sim w^l - α/N Σ δ a`): a letter compared with, or distributed as, itself plus or minus a term is never what a
  // note means by it.
  s = s.replace(/^(\s*([A-Za-z][A-Za-z0-9]{0,3}(?:[_^](?:\{[^{}]{1,8}\}|[A-Za-z0-9]))?)\s*)(?:<=|≤|\\leq?(?![A-Za-z])|⇐|\\sim(?![A-Za-z])|∼)(?=\s*\2\s*[-+])/, '$1\\leftarrow ');
  // Code's compound assignment, `w -= lr * dw`, `W_1 += η δ xᵀ`: the letter replaced by the step from it (one line only).
  if (!/\\\\/.test(s)) s = s.replace(/^(\s*)(\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9]+)?)\s*([-+])=\s*(\S.*)$/s, (_m, sp: string, x: string, op: string, rhs: string) => `${sp}${x} \\leftarrow ${x} ${op} (${rhs.trim()})`);
  // A formula after a logical arrow that ties it to the line before (`⇔ p(y|x) = …`): the formula itself.
  s = s.replace(/^\s*(?:\\(?:Leftrightarrow|Rightarrow|implies|iff|Longleftrightarrow|Longrightarrow)(?![A-Za-z])|[⇔⇒])\s*/, '');
  return s;
}

/**
 * Characters pasted from a rendered page: zero-width ones are nothing; mathematical alphanumerics (𝜔, 𝜕, 𝓛, 𝐱) are
 * the plain letters they are styled from; the letterlike ones (ℒ, ℋ, ℝ, ℕ) are their calligraphic and
 * double-struck letters. Text-mode accents typed in a formula, `\~H`, `\^{\theta}`, are the tilde and
 * the hat.
 */
function plainCharacters(s: string): string {
  // (In a formula whose commands are all doubled, `\\frac … \^{t}`, a caret after a backslash is markdown's escape, no accent.)
  const doubled = /\\\\[A-Za-z]{2,}/.test(s) && !/(^|[^\\])\\[A-Za-z]{2,}/.test(s);
  // (The divides sign ∣ pasted for a conditional's bar; code's power `dx**2`, `beta1**t`.)
  // (Full-width digits, letters, signs and spaces typed with an East Asian input method, `x ≦ ０`: their ASCII forms.)
  // (A zero-width space copied from a web page is dropped; after a command, `\prod​P`, it still ends the command's name.)
  return s.replace(/(\\[A-Za-z]+)[\u200B-\u200D\uFEFF]+(?=[A-Za-z])/g, '$1 ').replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').replace(/∣/g, '|').replace(/(?<=[A-Za-z0-9)])\s*\*\*\s*(-?(?:[A-Za-z]\w{0,11}|\d+(?:\.\d+)?))(?![\w(])/g, '^{$1}').replace(/[\u{1D400}-\u{1D7FF}]/gu, (c) => c.normalize('NFKC')).replace(/[ℬℰℱℋℐℒℳℛ]/g, (c) => `\\mathcal{${c.normalize('NFKC')}}`).replace(/[ℂℕℙℚℝℤ]/g, (c) => `\\mathbb{${c.normalize('NFKC')}}`).replace(/(?<!\\)\\([~^])\s*(\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z])/g, (m, accent: string, x: string) => (doubled ? m : `\\${accent === '~' ? 'tilde' : 'hat'}{${x.replace(/^\{|\}$/g, '')}}`));
}

/** Capital Greek letters written for the big operators: Σ with an index below it is the sum, Π over a running index the product. */
function capitalSumsAndProducts(s: string): string {
  // A capital sigma with an index below it, `\Sigma_{i}`, `\Sigma_{i=1}^{N}`, is the sum (a covariance `\Sigma_k^{-1}` is not).
  s = s.replace(/\\Sigma(?![A-Za-z])\s*(?=_(?:\{\s*[a-z](?:\s*=[^{}]*)?\s*\}|[a-z])(?!\s*\^\s*\{?\s*-))/g, '\\sum');
  // (So is one running from a number to a letter, `\Sigma_1^n`.)
  s = s.replace(/\\Sigma(?![A-Za-z])\s*(?=_\s*(?:\{\s*[0-9]\s*\}|[0-9])\s*\^\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))/g, '\\sum');
  // (A capital pi over an index running from a value, `\Pi^t_{j=k+1}`, `\Pi_{i=1}^{n}`, is the product.)
  s = s.replace(/\\Pi(?![A-Za-z])\s*(?=(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*)?_\s*\{\s*[a-z]\s*=)/g, '\\prod');
  // A sum's range typed before it, `(j=1 to p)∑`, `(i=1)∑`: its limits.
  s = s.replace(/\(\s*([a-z])\s*=\s*([A-Za-z0-9]{1,4})\s*(?:to\s*([A-Za-z0-9]{1,4})\s*)?\)\s*(∑|Σ)/g, (_m, i: string, a: string, b: string | undefined) => `\\sum_{${i}=${a}}${b ? `^{${b}}` : ''} `);
  return s;
}

/**
 * Markdown-escaped scripts and brackets, `F\_{t}`, `\Sigma\_i`, `exp\(e_{ij}\)`, read before anything reads a script; a
 * whole formula in `\( … \)` is inline math. Where the brackets are escaped, so is a conditional's bar: `p\(y\|x\)` is
 * p(y | x), no norm. (An escaped underscore before a space inside a word, `learn\_ rate`, joins the word.)
 */
function markdownEscapes(s: string): string {
  // (A name with an escaped underscore in a text box, `\text{attention\_score}`, is one name: its words joined.)
  s = s.replace(/\\(text|textrm|mathrm|operatorname)\s*\{([A-Za-z]+(?:\\_[A-Za-z]+)+)\}/g, (_m, c: string, w: string) => `\\${c}{${w.replace(/\\_/g, '-')}}`);
  s = s.replace(/^\s*\\\(([\s\S]*)\\\)\s*$/, '$1');
  if (/(?<!\\)\\[()]/.test(s)) s = s.replace(/(?<!\\)\\([()|])/g, '$1');
  return s.replace(/(?<=[A-Za-z])\\_\s+(?=[a-z])/g, '_').replace(/\\_(?=[{A-Za-z0-9\\])/g, '_');
}

/**
 * A condition typed inside a text box, `\text{wenn a$\geq$0}`, `\text{if x > 0}`: the words, then the comparison. A
 * leaky ReLU written in two words, `Leaky \operatorname{ReLU}(x)`: its name.
 */
function conditionsAndNames(s: string): string {
  return s
    .replace(/\\text\s*\{\s*((?:[A-Za-z\u00c0-\u024f]{2,12}\s+){1,3})([A-Za-z](?:_[A-Za-z0-9])?\s*(?:\\(?:geq?|leq?|neq?)(?![A-Za-z])|[<>]=?|≥|≤)\s*-?[A-Za-z0-9.]{1,6})\s*\}/g, '\\text{$1} $2')
    .replace(/(?<![A-Za-z\\])Leaky\s*\\(?:operatorname|mathrm)\s*\{\s*ReLU\s*\}/gi, '\\operatorname{LeakyReLU}');
}

/**
 * A step index typed without its underscore, `P(Wn | W_{n-1})`, `h_{t-1} … ht`: where the same letter is written with
 * that index minus (or plus) one, the index it runs over.
 */
function bareStepIndices(s: string): string {
  const stepped = new Set([...s.matchAll(/(?<![A-Za-z\\])([A-Za-z])_\{\s*([a-z])\s*[-+]\s*1\s*\}/g)].map((m) => `${m[1]}${m[2]}`));
  return stepped.size ? s.replace(/(?<![A-Za-z\\_^])([A-Za-z])([a-z])(?![A-Za-z_{(])/g, (m, letter: string, step: string) => (stepped.has(`${letter}${step}`) ? `${letter}_{${step}}` : m)) : s;
}

/** Escaped braces paired in one pass: where each `\{` opens, where its `\}` closes (unpaired ones left out). */
function escapedPairs(s: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = s.indexOf('\\'); i >= 0 && i < s.length; i = s.indexOf('\\', i + 1)) {
    if (s[i + 1] === '{') open.push(i);
    else if (s[i + 1] === '}' && open.length) pairs.set(open.pop()!, i);
    if (s[i + 1] === '{' || s[i + 1] === '}' || s[i + 1] === '\\') i++;
  }
  return pairs;
}

/** `\text{Pr}\{A | B\}`, `\Pr\{A\}`: a probability written with braces, as robotics and probability texts do, is `P(A | B)`. */
function probabilityBraces(s: string): string {
  if (!s.includes('Pr')) return s;
  const pairs = escapedPairs(s);
  const open = /(?:\\(?:text|mathrm|operatorname|textrm)\s*\{\s*Pr\s*\}|\\Pr(?![A-Za-z])|(?<![A-Za-z\\])Pr)\s*\\\{/g;
  let out = '';
  let from = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const close = pairs.get(m.index + m[0].length - 2);
    if (close === undefined) continue;
    out += `${s.slice(from, m.index)} P(${s.slice(m.index + m[0].length, close)})`;
    from = close + 2;
    open.lastIndex = from;
  }
  return out + s.slice(from);
}

/** `\{w_1 x_i + w_0 − y_i\}^2`: escaped braces raised to a power enclose a term, as brackets do — no set is squared. */
function bracesRaised(s: string): string {
  if (!s.includes('\\{')) return s;
  const raised = [...escapedPairs(s)].filter(([, close]) => /^\s*\^/.test(s.slice(close + 2, close + 12)));
  if (!raised.length) return s;
  const opens = new Set(raised.map(([o]) => o));
  const closes = new Set(raised.map(([, c]) => c));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (!opens.has(i) && !closes.has(i)) {
      out += s[i];
      continue;
    }
    // (Sized, `\left\{ … \right\}^2`, the sizes go with the braces.)
    const sized = (opens.has(i) ? /\\left\s*$/ : /\\right\s*$/).exec(s.slice(Math.max(0, i - 12), i));
    out = `${sized ? out.slice(0, out.length - sized[0].length) : out}${opens.has(i) ? '(' : ')'}`;
    i++;
  }
  return out;
}

/** Comparisons typed as in code, `x <= 0`, `a >= b`: ≤ and ≥ (`<=>`, `=>` are arrows). */
function typedComparisons(s: string): string {
  return s.replace(/(?<![<=])<=(?![>=])/g, '\\le ').replace(/(?<![=<>-])>=(?!=)/g, '\\ge ');
}

/**
 * A connective typed into a name's text box, `\text{where head}_i`: the name. A matrix and the vector it multiplies set
 * bold together, `\boldsymbol{Uh}_{k-1}`, `\mathbf{Wx}_t`, a row vector before its matrix, `\bm{xW}_1`: each letter bold, the
 * index the second letter's (only a capital and a small letter, or a capital before a weight matrix, `\mathbf{XW}^Q`, and
 * `\mathbf{QK}`: `\mathbf{MLP}` and `\mathbf{softmax}` are names). A macro that gives only an index, `\isup{i}` →
 * `{^{(i)}}`, leaves it braced alone: the index of what precedes it.
 */
function boxesAndIndices(s: string): string {
  return s
    .replace(/\\(text|mathrm|textrm)\s*\{\s*(?:where|with|and)\s+([A-Za-z]+)\s*\}/g, '\\$1{$2}')
    .replace(/\\(boldsymbol|mathbf|bm|textbf)\s*\{\s*([A-Z]\s*[a-z]|[a-z]\s*[A-Z]|[A-Z]\s*[WUV]|Q\s*K)\s*\}/g, (_m, f: string, ab: string) => { const b = f === 'textbf' ? 'mathbf' : f; return `\\${b}{${ab[0]}}\\${b}{${ab[ab.length - 1]}}`; })
    .replace(/(?<=[}A-Za-z0-9])\s*\{\s*([\^_])\s*(\{[^{}]*\}|[A-Za-z0-9])\s*\}/g, '$1$2');
}

/**
 * reStructuredText's roles typed into a formula: `z\ :sup:`[1]`\ = W\ :sup:`[1]`\x` is z^{[1]} = W^{[1]}x, `:sub:` a
 * subscript, `:math:`…`` the math it holds. (The `\ ` around a role is rst's escaped space, which joins it to its letter.)
 */
function restructuredRoles(s: string): string {
  if (!s.includes(':`') && !s.includes(':sup:') && !s.includes(':sub:')) return s;
  return s
    .replace(/(?:\\ )?:(sup|sub|superscript|subscript):`([^`]{0,60})`(?:\\ ?)?/g, (_m, role: string, body: string) => `${role.startsWith('sup') ? '^' : '_'}{${body}}`)
    .replace(/:math:`([^`]{0,400})`/g, '$1');
}

/**
 * Pandoc's script marks in plain-text notes with no TeX command, `V~dw~`, `B~1~^t^`: the subscript and superscript
 * (`~` stays a tie wherever a backslash says the text is TeX).
 */
function pandocScripts(s: string): string {
  if (/\\/.test(s)) return s;
  // (The closing mark ends the script: in `W^qa^i` the carets are TeX's, each raising one letter.)
  const sup = (t: string) => t.replace(/(?<=[A-Za-z0-9)\]}])\^([A-Za-z0-9]{1,12})\^(?![A-Za-z0-9{(\\])/g, '^{$1}');
  return sup(sup(s).replace(/(?<=[A-Za-z0-9)\]}])~([A-Za-z0-9]{1,12}|[A-Za-z0-9]{1,4}[+\-−][0-9]{1,3})~(?![A-Za-z0-9{(\\])/g, '_{$1}'));
}

/**
 * Markdown's italics around a letter in notes with no TeX command, `*P*(*x*~1~, *x~2~*)`: emphasis, not products.
 * (After a bracket, only a probability before another, `P(a)*P*(b|a)`: a product would not star the P on both sides.)
 */
function markdownItalics(s: string): string {
  if (/\\/.test(s)) return s;
  return s.replace(/(^|[\s(,=∣|+/[])\*([A-Za-z](?:~[A-Za-z0-9+\-−]{1,12}~)?)\*(?=[\s(),∣|=~.+\-/\]]|$)/g, '$1$2').replace(/(?<=\))\*([PQ])\*(?=\()/g, '$1');
}

/**
 * A matrix's shape written after its letter, `Q(4,4) = X(4,8) \times W_Q(8,4)`, `K^T(4,5)`, `A(5,5)^{weight}`: two to
 * four whole numbers in brackets after a capital letter are its rows and columns, not the arguments of a call. (P, C
 * and N take numbers as arguments: a probability, a binomial coefficient, a normal distribution.)
 */
function shapeAnnotations(s: string): string {
  if (!/[A-Z][^(]{0,30}\(\s*\d+\s*,\s*\d+/.test(s)) return s;
  const script = String.raw`(?:_\{[^{}]{1,20}\}|_[A-Za-z0-9])?(?:\^\{[^{}]{1,20}\}|\^[A-Za-z0-9])?`;
  const shaped = new RegExp(String.raw`(?<![A-Za-z\\])([ABD-MOQ-Z]${script}${script})\s*\(\s*\d+\s*(?:,\s*\d+\s*){1,3}\)`, 'g');
  return s.replace(shaped, '$1');
}

/** Fractions, derivatives and products in the spellings notes use for the ones the parser reads. */
function productsAndQuotients(s: string): string {
  // (A derivative typed with δ on both sides of a slash, `\delta C_0/\delta w^l`: ∂C_0/∂w^l, the error δ being no quotient.)
  s = s.replace(/\\delta\s*(?=[A-Za-z][^/\s]*\s*\/\s*\\delta\s*[A-Za-z])([A-Za-z][^/\s]*)\s*\/\s*\\delta(?![A-Za-z])/g, '\\partial $1/\\partial');
  // (A bold P applied, 𝐏(A | B, C), is a probability distribution, as AI textbooks write it.)
  s = s.replace(/\\(?:mathbf|boldsymbol|bm)\s*\{\s*P\s*\}\s*(?=\()|\\(?:mathbf|bm)\s+P\s*(?=\()/g, 'P');
  // (Display, text and continued fractions are fractions: `\dfrac`, `\tfrac`, `\cfrac` as `\frac`.)
  s = s.replace(/\\[dtc]frac(?![A-Za-z])/g, '\\frac');
  // (`\bullet` between factors, ∂J/∂ŷ • ∂ŷ/∂z, or as a placeholder, f(•): the product dot, or the placeholder `\cdot` is;
  // so are amsmath's punctuation dot, `w \cdotp x`, and `\centerdot`.)
  return s.replace(/\\(?:bullet|cdotp|centerdot)(?![A-Za-z])/g, '\\cdot');
}

/** Where a command such as `\left` or `\right` (and the spaces after it) starts before index i, or i itself when none stands there. */
function commandBefore(s: string, i: number, command: string): number {
  let k = i;
  while (k > 0 && /\s/.test(s[k - 1])) k--;
  return k >= command.length && s.slice(k - command.length, k) === command ? k - command.length : i;
}

/** `(a, b) \mapsto c` (a function given by its arrow) → `c = \operatorname{map}(a, b)`. */
function mappedDefinition(s: string): string {
  const mp = /^\s*(\([^()]{1,200}\))\s*\\(?:mapsto|to|rightarrow|longmapsto)\s*([^=]{1,100})$/.exec(s);
  return mp ? `${mp[2].trim()} = \\operatorname{map}${mp[1]}` : s;
}

/**
 * An inner product typed with ASCII angle brackets: two single letters (each maybe indexed or bold) between `<` and `>`,
 * alone or before a sign, a closing bracket or brace (a fraction's numerator, `\frac{ <d_j, q> }{…}`) or a slash.
 */
const ANGLE_LETTER = String.raw`(?:\\[A-Za-z]+\s*)?\{?\\?[A-Za-z]+\}?(?:_\{?[A-Za-z0-9]{1,3}\}?)?`;
/** (Or a function of one such letter, `<\phi(s_i), \psi(h_u)>`.) */
const ANGLE_OPERAND = String.raw`(${ANGLE_LETTER}|\\?[A-Za-z]+\s*\(\s*${ANGLE_LETTER}\s*\))`;
const ANGLE_PRODUCT = new RegExp(String.raw`(^|[\s=(+\-])<\s*${ANGLE_OPERAND}\s*,\s*${ANGLE_OPERAND}\s*>(?=\s*(?:$|[+\-=)}/]))`, 'g');

/**
 * Products and powers typed in ASCII: an inner product with angle brackets, `<w, x> + b`, as ⟨w, x⟩ (a comparison would
 * not close the bracket after its second letter); `\exp^{-z}`, the exponential typed with its name and a superscript,
 * as `e^{-z}`.
 */
function asciiProducts(s: string): string {
  return s.replace(ANGLE_PRODUCT, '$1\\langle $2, $3\\rangle').replace(/\\exp\s*\^/g, 'e^');
}

/**
 * Single bars as a norm: `\left| x − y \right|^2`, a difference's absolute value squared, is its squared norm (the same
 * for a number); `|z|_2`, `|x|_p` with a norm's subscript are the norm, and `(‖z‖_2)^2` is its square, ‖z‖_2^2.
 */
function singleBarNorms(s: string): string {
  s = s.replace(/\\left\s*\|((?:(?!\\right)[^|]){1,80})\\right\s*\|\s*(?=\^\s*\{?\s*2\b)/g, (m, body: string) => (/-/.test(body) ? `\\|${body}\\|` : m));
  return s.replace(/(?<![\\|])\|([^|=]{1,40})\|_(\{\s*(?:[12p]|\\infty)\s*\}|[12p])/g, '\\|$1\\|_$2').replace(/\(\s*(\\\|[^()|]{1,60}?\\\|_(?:\{[^{}]{1,8}\}|[0-9p]))\s*\)\s*\^/g, '$1^');
}

/** `(Σ_i (x_i − y_i)²)^{1/2}`, `\left(…\right)^{\frac{1}{2}}`, `(…)^{0.5}`: a bracket raised to one half is its square root. */
export function halfPowers(s: string): string {
  const HALF = /\^\s*\{\s*(?:1\s*\/\s*2|\\t?frac\s*\{?\s*1\s*\}?\s*\{?\s*2\s*\}?|0?\.5)\s*\}/g;
  let out = s;
  // (Left to right, searching again after each rewrite: an inner root, ((a)^{1/2} + b)^{1/2}, is rewritten first.)
  for (let h = HALF.exec(out); h; h = HALF.exec(out)) {
    let close = h.index - 1;
    while (close >= 0 && out[close] === ' ') close--;
    if (out[close] !== ')') continue;
    let open = close;
    for (let depth = 0; open >= 0; open--) {
      if (out[open] === ')') depth++;
      else if (out[open] === '(' && --depth === 0) break;
    }
    if (open < 0) continue;
    const left = /\\left\s*$/.exec(out.slice(0, open));
    const right = /\\right\s*$/.exec(out.slice(0, close));
    const from = left ? open - left[0].length : open;
    const root = `\\sqrt{${out.slice(open + 1, right ? close - right[0].length : close)}}`;
    out = `${out.slice(0, from)}${root}${out.slice(h.index + h[0].length)}`;
    HALF.lastIndex = from + root.length;
  }
  return out;
}

/**
 * The positive part, `(1 − y ŷ)_+`, `\left[1 - m\right]_{+}`: max(0, ·), as the hinge loss writes it with `\max`. One
 * pass: each bracket's opening kept on a stack of its kind, so nested and many positive parts cost no rescans.
 */
function positivePart(s: string): string {
  const subPlus = /\s*_\s*(?:\+|\{\s*\+\s*\})/y;
  const opens: Record<string, number[]> = { '(': [], '[': [] };
  const edits: Array<{ from: number; to: number; text: string }> = [];
  for (let j = 0; j < s.length; j++) {
    const c = s[j];
    if (c === '(' || c === '[') opens[c].push(j);
    if (c !== ')' && c !== ']') continue;
    const at = opens[c === ')' ? '(' : '['].pop();
    subPlus.lastIndex = j + 1;
    const plus = at === undefined ? null : subPlus.exec(s);
    if (at === undefined || !plus) continue;
    edits.push({ from: commandBefore(s, at, '\\left'), to: at + 1, text: '\\max(0, ' });
    edits.push({ from: commandBefore(s, j, '\\right'), to: j + 1 + plus[0].length, text: ')' });
  }
  if (!edits.length) return s;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let from = 0;
  for (const e of edits) (out += s.slice(from, e.from) + e.text), (from = e.to);
  return out + s.slice(from);
}

/** Time steps in angle brackets (h^{<t>}, h_{<t-1>}, x^{\langle t \rangle}), as LaTeX and plain-text course notes write them. */
function stepsInAngles(input: string): string {
  let s = input;
  // (The step as an index in parentheses.)
  s = s.replace(/([_^])\{\s*(?:<|\\langle)\s*([A-Za-z](?:\s*[+-]\s*\d)?)\s*(?:>|\\rangle)\s*\}/g, '$1{($2)}');
  // (Typed with a bare caret, c^<t-1>, a^<t>: the same step.)
  s = s.replace(/([_^])\s*<\s*([A-Za-z](?:\s*[+-]\s*\d)?)\s*>/g, '$1{($2)}');
  // (Typed without the superscript, a< t >, y<t-1>, x<t>: the same step.)
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z])\s*<\s*([tT](?:\s*[+-]\s*1)?)\s*>/g, '$1^{($2)}');
  // (Course notes in plain text write the rest of that notation too: a candidate c~<t>, the gates gammaU and gammaR
  // (Γ_u, Γ_r), a step t' or a number, y<1>, x<t'>, attention's pair of steps alpha<t,t'> (as LaTeX notes write them,
  // α^{<t,t'>}), and sumt'(…), the sum over t'.)
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z])~(?=\s*<\s*[tT])/g, '\\tilde{$1}').replace(/(?<![A-Za-z\\])(?:gamma|Γ)([urfoURFO])(?![A-Za-z])/g, (_m, g: string) => `\\Gamma_{${g.toLowerCase()}}`);
  s = s.replace(/((?<![A-Za-z\\])[A-Za-z]|\\[A-Za-z]+|\})<((?:[tT]'?|\d)(?:\s*,\s*(?:[tT]'?|\d))?)>/g, '$1^{<$2>}');
  s = s.replace(/(?<![A-Za-z\\])sum([tTij]'?)(?=\()/g, '\\sum_{$1}');
  return s;
}

/**
 * Line breaks: one with its extra space, `\\[0.5em]`, `\\[2pt]`, is the break; one eating a Greek letter's backslash
 * (`x>0\\alpha x`) is the break, then the letter.
 */
function lineBreaks(s: string): string {
  return s
    .replace(/\\\\\s*\[\s*-?\d*\.?\d+\s*(?:em|ex|pt|mm|cm|in|mu|bp|sp|pc)\s*\]/g, '\\\\')
    .replace(/\\\\(alpha|beta|gamma|delta|epsilon|eta|theta|lambda|mu|sigma|tau|phi|omega)(?![A-Za-z])/g, '\\\\ \\$1');
}

/**
 * Beamer's overlay commands show a slide's formula piece by piece and are no math: `\pause` goes, `\uncover<2->{x}`,
 * `\only<1>{x}`, `\visible<+->{x}`, `\alert<2>{x}` are their argument, `\onslide<3->` goes.
 */
function beamerOverlays(s: string): string {
  if (!/\\(?:pause|uncover|only|visible|invisible|alert|onslide)(?![A-Za-z])/.test(s)) return s;
  return s
    .replace(/\\pause(?:\s*\[\s*\d{1,3}\s*\])?(?![A-Za-z])/g, ' ')
    .replace(/\\onslide\s*(?:<[^<>{}\\]{0,40}>)?/g, ' ')
    .replace(/\\(?:uncover|only|visible|invisible|alert)\s*(?:<[^<>{}\\]{0,40}>)?\s*(?=\{)/g, '');
}

/** `\mathbb{P}[y = 1 | x]`, `\Pr[A \mid B]`, `P[y | x]`: a conditional probability in square brackets, as P(…). */
function squareProbabilities(s: string): string {
  const open = /(?:\\mathbb\s*\{\s*P\s*\}|\\Pr(?![A-Za-z])|(?<![\\A-Za-z])P)\s*\[/g;
  if (!open.test(s)) return s;
  // (Each square bracket's closing one, found in one pass.)
  const closing = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[') stack.push(i);
    else if (s[i] === ']' && stack.length) closing.set(stack.pop()!, i);
  }
  open.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const end = closing.get(m.index + m[0].length - 1) ?? -1;
    const body = end > 0 ? s.slice(m.index + m[0].length, end) : '';
    if (end < 0 || !/\||\\mid(?![A-Za-z])/.test(body) || /\[/.test(body)) continue;
    out += `${s.slice(from, m.index)}P(${body})`;
    from = end + 1;
    open.lastIndex = end + 1;
  }
  return out + s.slice(from);
}

/**
 * A fraction drawn over three lines of plain text and read as one line, `1 f(x) = ---------- 1 + e^(-x)`: the numerator
 * typed before the left side, the bar of dashes, the denominator after it.
 */
function asciiFraction(s: string): string {
  const m = /^\s*([A-Za-z0-9.]{1,12})\s+([A-Za-z][A-Za-z0-9_']{0,10}(?:\([^()=]{1,20}\))?\s*=)\s*-{3,}\s*([^=]{1,80}?)\s*$/.exec(s);
  return m ? `${m[2]} \\frac{${m[1]}}{${m[3]}}` : s;
}

export function normaliseTex(src: string): string {
  const raw = asciiFraction(beamerOverlays(String(src ?? '')));
  let s = plainMath(rootPrefixes(htmlScripts(doubleEscaped(plainCharacters(pandocScripts(markdownItalics(restructuredRoles(isTexmacs(raw) ? texmacsToTex(raw) : urlEncoded(raw)))))))));
  s = bareStepIndices(positivePart(typedComparisons(physicsPackage(s))));
  s = fontsAndBraces(s);
  // A whole formula typed inside one text-font box (`\mathrm{Z_1[i,j] = \sum_p X[i,p] W[p,j]}`): the formula itself.
  const box = /^\s*\\(?:mathrm|textrm|text|mathit)\s*\{/.exec(s);
  if (box && closeBrace(s, box[0].length - 1) === s.trimEnd().length && /=|\\[A-Za-z]{2,}/.test(s.slice(box[0].length))) s = s.trim().slice(box[0].length - s.search(/\S/), -1);
  // A TAB is never TeX: it is the `\t` of \text, \tanh, \theta, \times, \top, \tilde … eaten by an escape.
  s = s.replace(/\t(?=[a-z])/g, '\\t').replace(/\t/g, ' ');
  // Other control characters eaten the same way: \f (\frac), \b (\beta, \bar), \r (\rho, \right), \v (\vec).
  s = s.replace(/\f(?=rac|orall)/g, '\\f').replace(/\x08(?=eta|ar|m|oldsymbol)/g, '\\b').replace(/\r(?=ho|ight)/g, '\\r').replace(/\v(?=ec|ert|arphi)/g, '\\v');
  s = capitalSumsAndProducts(markdownEscapes(s));
  // A triangle typed for the increment, `\vartriangle w`, `\triangle w`: Δ.
  s = s.replace(/\\(?:vartriangle|triangle|bigtriangleup)(?![A-Za-z])\s*(?=[A-Za-z\\])/g, '\\Delta ');
  // Sized brackets, `\Big( … \Big)^2`, `\bigl[ … \bigr]`: the brackets themselves.
  s = s.replace(/\\(?:big|Big|bigg|Bigg)[lrm]?\s*(?=[()[\]]|\\[{}|])/g, '');
  // (A sized bracket set in braces of its own, `\text{KL}{\big(}q \| p{\big)}`: the bracket.)
  s = s.replace(/(?<!\\)\{\s*([()[\]])\s*\}/g, '$1');
  s = halfPowers(productsAndQuotients(shapeAnnotations(otherSpellings(s))));
  s = lineBreaks(s);
  // `\newline` breaks a line; `@` multiplies matrices, as in code; `\textbf{x}` is a bold letter.
  s = withoutLabel(s).replace(/\\newline(?![A-Za-z])/g, '\\\\').replace(/\s@\s/g, ' ').replace(/\\textbf\s*\{\s*([A-Za-z])\s*\}/g, '\\mathbf{$1}');
  // (Braces opening and closing a block of lines, `repeat \lbrace \\ … \\ \rbrace`, enclose lines, not a group.)
  if (/\\\\/.test(s)) s = s.replace(/(?<!\\(?:left|right|[bB]igg?[lr]?)\s*)\\[lr]brace(?![A-Za-z])/g, ' ');
  s = assignments(s);
  // A prime after a function's bracket, `u(θ)'`: the derivative of u at θ, `u'(θ)` (the parser keeps primes on heads).
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z])\s*\(([^()]{1,40})\)\s*'/g, "$1'($2)");
  // Unicode operators typed into plain-text notes; three periods (or a few more) typed for an ellipsis (`x_1, ..., x_n`).
  s = unicodeScripts(s).replace(/(?<![.\d])\.{3,6}(?![.\d])/g, ' \\ldots ');
  // A whole number written with a decimal point, as code writes it (`1.0 / (1.0 + np.exp(-z))`): the number.
  s = s.replace(/(?<![\d.])(\d{1,6})\.0{1,6}(?![\d.])/g, '$1');
  // (`\Pi_{i=1}^n`, a capital pi with the bounds of a product, is the product.)
  s = s.replace(/[−–]/g, '-').replace(/∑|Σ(?=\s*_|\s+[A-Za-z(\\]|[A-Za-z]+\s*\()/g, '\\sum ').replace(/∏|(?:Π|\\Pi)(?=\s*_)/g, '\\prod').replace(/×/g, '\\times ');
  s = asciiProducts(singleBarNorms(doubleBarNorms(s)));
  // ⟨w, x⟩: the inner product written with angle brackets, as wᵀx.
  // (Inequalities between inner products, Cauchy–Schwarz, keep their brackets.)
  if (/\\langle/.test(s) && !/\\(le|ge|leq|geq)(?![A-Za-z])|[≤≥]/.test(s)) s = s.replace(/\\langle\s*((?:[^,{}\\^]|\\(?!rangle|langle)[A-Za-z]+(?![A-Za-z])|\{[^{}]*\})+?)\s*,\s*((?:[^,{}\\]|\\(?!rangle|langle)[A-Za-z]+(?![A-Za-z])|\{[^{}]*\})+?)\s*\\rangle/g, '{$1}^\\top {$2}');
  // A tie (`~`, an unbreakable space) at the start of a font command's argument: `\mathrm{~s}_{t}` is s_t.
  s = s.replace(/(\\(?:mathrm|text|textrm|mathbf|boldsymbol|operatorname)\s*\{)\s*~\s*/g, '$1');
  s = conditionsAndNames(s);
  s = measureWords(s);
  s = textFontFunctions(s);
  // `D*{KL}`: a markdown renderer turned the subscript's underscore into emphasis.
  s = s.replace(/\b(D|KL)\*\{/g, '$1_{');
  // D_{KL}[P ‖ Q], KL[q ‖ p]: a divergence's arguments in square brackets, as a call.
  if (/KL\s*\}?\s*\[/.test(s)) s = divergenceBrackets(s);
  s = periodProducts(s);
  // The usual shorthands for the reals and the expectation, `\R`, `\RR`, `\Reals`, `\E` (a note that defines them has
  // had them expanded).
  // (`\P` is the pilcrow in TeX, never before a bracket: there it is the probability a note's macro makes it.)
  s = s.replace(/\\(?:RR|Reals|reals|R)(?![A-Za-z])/g, '\\mathbb{R}').replace(/\\(?:EE|E)(?![A-Za-z])/g, '\\mathbb{E}').replace(/\\(?:PP|P)(?![A-Za-z])\s*(?=\(|\[|\\left(?![A-Za-z])|\\(?:big|Big)l?\s*\()/g, '\\mathbb{P}');
  // `\ensuremath{…}` only asks for math mode: its content.
  s = boxesAndIndices(s.replace(/\\ensuremath(?![A-Za-z])\s*/g, ''));
  // Old-style font switches: `{\bf x}` → `\mathbf{x}`, `{\cal L}` → `\mathcal{L}`, in a text box too (`\text{\bf W}`); a
  // switch elsewhere only sets the font.
  if (/\\(bf|rm|it|sf|tt|cal|bm)(?![A-Za-z])/.test(s)) {
    // (A switch written as a command on a braced letter, `\vec{\rm{w}}`, `\rm{x}`: that letter in the font.)
    s = s.replace(/\\(bf|rm|it|sf|tt|cal)\s*\{\s*([A-Za-z])\s*\}/g, '\\math$1{$2}').replace(/\\bm\s*\{\s*([A-Za-z])\s*\}/g, '\\boldsymbol{$1}');
    s = s.replace(/\\(?:text|textrm|mbox)\s*(?=\{\s*\\(?:bf|rm|it|sf|tt|cal|bm)(?![A-Za-z]))/g, '');
    s = s.replace(/\{\s*\\(bf|rm|it|sf|tt|cal|bm)(?![A-Za-z])\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, (_m, f: string, body: string) => `${f === 'bm' ? '\\boldsymbol' : `\\math${f}`}{${body.trim()}}`);
    s = s.replace(/\\(bf|rm|it|sf|tt|cal|bm)(?![A-Za-z])\s*/g, '');
  }
  // (Code-like Greek with a number, `beta1`, is β₁.)
  // (Greek with two index letters and no braces, alpha_ij, \alpha_ij h_j: both letters are the index, as in code.)
  s = s.replace(BARE_GREEK, '$1\\$2').replace(/(\\(?:alpha|beta|gamma|delta|epsilon|eta|theta|lambda|sigma|omega|phi|psi|mu|pi))_([ijkstnm]{2})(?![A-Za-z0-9_{])/g, '$1_{$2}');
  s = codeNotation(s.replace(/\\(alpha|beta|gamma|delta|epsilon|eta|theta|lambda|sigma|omega)([0-9])(?![0-9A-Za-z])/g, '\\$1_$2'));
  // (A numbered coefficient times a numbered input, `B_{1}*x_{1}` from `B1*x1`: their product.)
  s = s.replace(/(?<![A-Za-z\\])([A-Za-z]_\{?[0-9]{1,2}\}?)\s*\*(?![*^_])\s*(?=[a-z]_\{?[0-9]{1,2}\}?)/g, '$1 ');
  // A derivative's variable braced with its d and then indexed, as equation editors write it: `\frac{dE}{{dw}_{i}}` is dE/dw_i.
  if (s.includes('\\frac')) s = s.replace(/\{\s*d\s*([A-Za-z])\s*\}\s*_/g, 'd $1_');
  // Markdown-escaped TeX (a note written for a markdown renderer): `\\{y = k\\}`, and a blockquote's `>` at the start
  // of a line of a derivation (its escaped underscores and brackets are read before the scripts, below).
  if (/\\\\\{/.test(s) && /\\\\\}/.test(s)) s = s.replace(/\\\\([{}])/g, '\\$1');
  s = s.replace(/(^|\\\\|\\begin\{[a-z*]+\})\s*>(?=\s)/g, '$1');
  // Library docs write a weight times an input as `w_{ih} * x` (elsewhere their ` * ` is the element-wise product).
  s = s.replace(/(\b[wW]_(?:\{[^{}]{1,12}\}|[a-z]{1,4}))\s+\*\s+(?=[A-Za-z\\(])/g, '$1 ');
  // (The same product written with \ast, W_{rh} \ast h_{t-1}.)
  s = s.replace(/(\b[wW]_(?:\{[^{}]{1,12}\}|[a-z]{1,4}))\s*\\ast(?![A-Za-z])\s*(?=[A-Za-z\\(])/g, '$1 ');
  s = decorations(s);
  // Braces around a bracket only group it: {(y − f(x))}^2 is (y − f(x))^2, \max{\{0, x\}} is \max\{0, x\}.
  s = s.replace(BRACED_BRACKET_POWER, '$1').replace(BRACED_BRACKET_CALL, '$1$2').replace(BRACED_SET_CALL, '$1$2');
  s = bracedSizedCall(s);
  if (/\\(?:v[a-zA-Z]|m[A-Z]|mat|dotp|norm|abs|ab|th|be|si|given|grad|textcolor|color|bb|bv|bold(?!symbol)[a-zA-Z]+|cN|calN|normal|gauss|m?up[A-Za-z]+|[A-Z][A-Za-z]*|colvec)(?![A-Za-z])/.test(s) || BOLD_PREFIXED.test(s)) s = conventionalShorthands(s);
  s = stackedColumns(s);
  // A matrix times a vector written with ×, as slides do (`W_f \times [h_{t-1}; x_t]`, `W_h \times h_{t-1}`): the
  // product itself.
  s = s.replace(MATRIX_TIMES_VECTOR, '$1 ');
  // (So is a matrix times a matrix with a dot, `W^{[l]} \cdot A^{[l-1]}`, not vectors over their norms, A·B/(‖A‖ ‖B‖) or A·B/(|A| |B|); and a transposed factor before a dot.)
  if (!/\||\\[lr]?[vV]ert|‖/.test(s)) s = s.replace(MATRIX_DOT_MATRIX, '$1 ');
  s = s.replace(TRANSPOSED_DOT, '$1 ');
  // An operator wrapped in a text box (`y_{\mbox{<}t}`) is the operator.
  s = s.replace(/\\(?:mbox|text|textrm|mathrm)\s*\{\s*([<>=≤≥+\-*,;:|]|\\(?:le|ge|leq|geq|lt|gt))\s*\}/g, ' $1 ');
  s = stepsInAngles(s);
  // GitHub's math markup $`…`$ leaves the backticks around the formula.
  s = s.replace(/^\s*`([^`]*)`\s*$/, '$1');
  // Sizes and spacing commands only place the glyphs.
  // (A phantom only reserves the room of what it hides.)
  s = s.replace(/\\(?:tiny|small|normalsize|large|Large|LARGE|huge|Huge|displaystyle|textstyle|scriptstyle|scriptscriptstyle)(?![A-Za-z])/g, ' ').replace(/\\[hv]space\*?\s*\{[^{}]{0,40}\}/g, ' ').replace(/\\[hv]?phantom\s*\{(?:[^{}]|\{[^{}]*\}){0,80}\}/g, ' ');
  s = trailingNotes(s);
  // arg min / arg max spelled in words: `{arg} {min}_{f}`, `arg\ min`, `argmin`.
  s = s.replace(/\{\s*(min|max)\s*\}(?=\s*_)/g, '\\$1').replace(/(^|[^\\A-Za-z{*])(?:\{\s*arg\s*\}|arg(?=[\s\\]))(?:\s|\\[ ,;:!])*(?=\\?(?:min|max)(?![a-z]))/g, '$1\\arg ');
  // \limits / \nolimits only place the scripts; a product dot before a log (y_i \cdot \log o_i) is the product itself;
  // \frac{\delta L}{\delta a} written for a partial derivative.
  if (/\\over(?![A-Za-z])/.test(s)) s = groupOver(s);
  s = s.replace(/\\(no)?limits(?![A-Za-z])/g, '').replace(/\\cdot\s*(?=\\(log|ln)\b)/g, ' ');
  // A prime typed inside a superscript, g^{[1]'}(z): the derivative of g^{[1]}.
  s = s.replace(/([A-Za-z])\^\{([^{}']{1,12})'\}/g, "$1'^{$2}");
  s = slashDerivatives(s);
  s = s.replace(/\\frac\s*\{\s*\\delta\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\{\s*\\delta\s*([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g, '\\frac{\\partial $1}{\\partial $2}');
  if (/\\begin\s*\{array\}/.test(s)) s = arrays(s);
  // Bracket indexing p_{[j]}, β_{[t]} → p_{j}, β_{t}.
  s = s.replace(/_\{\s*\[([^[\]{}]{1,20})\]\s*\}/g, '_{$1}');
  if (/sqrt\s*\(/.test(s)) s = bareSqrt(s);
  // Plain-text big operators and hats: sum_i, prod_{t=1}, yhat / y_hat.
  s = plainOperators(s);
  s = s.replace(/(^|[^\\A-Za-z{])(sum|prod)(?=\s*_)/g, '$1\\$2').replace(/(^|[^\\A-Za-z{])([A-Za-z])_?hat(?![A-Za-z])/g, '$1\\hat{$2}');
  // A letter's word subscript typed without braces, as code does (y_true, y_pred): the whole word. (Two letters, W_fx_t,
  // w_fx + u_fh, are TeX's one-letter subscript before the next letter.)
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z])_([A-Za-z]{3,12})(?![A-Za-z{(_])/g, '$1_{$2}');
  // (So is a word's: learning_rate, d_model — one identifier, the word subscripted.)
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z]{2,16})_([A-Za-z]{3,12})(?![A-Za-z{(_])/g, '$1_{$2}');
  s = codeLetterNames(s);
  // PE_{(pos, 2i)}, PE(pos, 2i): the positional encoding's two letters are one name.
  s = s.replace(/(?<![A-Za-z\\{])PE(?=\s*[_(])/g, '\\mathrm{PE}');
  // Code's arrow subscripts, W[x->i] (the weight from x to i), b[1->h]: a subscript from one to the other.
  s = s.replace(/(?<![\\A-Za-z])([A-Za-z])\[\s*([A-Za-z0-9]{1,4})\s*-+>\s*([A-Za-z0-9]{1,4})\s*\]/g, '$1_{$2 \\to $3}');
  // (An accent over a letter's call, `\hat{C(t)}`, `\tilde{h(t)}`: the accented letter called.)
  s = s.replace(/\\(hat|tilde|bar|widehat|widetilde)\s*\{\s*([A-Za-z])\(([^(){}]{1,12})\)\s*\}/g, '\\$1{$2}($3)');
  // (The bias written as a word, `+ bias`, `+ Bias`: the letter b.)
  s = s.replace(/(^|[^\\A-Za-z])(?:bias|Bias)(?![A-Za-z_])/g, '$1b');
  // (A matrix's letter run into a named operator's call, `Vdiag(λ)V^{-1}`: the letter, then the operator.)
  s = s.replace(/(^|[^\\A-Za-z{])([A-Z])(diag|softmax|sigmoid|tanh)(?=\s*\()/g, '$1$2 $3');
  // (A function's name capitalised before its bracket, `Max(0, x)`, `Exp(z)`, `Log(p)`: the function. `Sigmoid(` and
  // `Tanh(` are read as named calls already.)
  s = s.replace(/(^|[^\\A-Za-z{])(Max|Min|Exp|Log|Ln)(?=\s*\()/g, (_m, pre: string, w: string) => `${pre}${w.toLowerCase()}`);
  s = s.replace(BARE_RE, (m, pre: string, w: string, at: number, all: string) => `${pre}\\${OPERATOR_NAMES[w] ?? w}${/[A-Za-z]/.test(all[at + m.length] ?? '') ? ' ' : ''}`);
  // `log` and `ln` run into the function or the letter they take (`\sum logp(y|x)`, `y_ilogh_{w}(x)`, `-lnf_{w,b}(x)`,
  // `\hat{y}^n lnf(x)`, `-y_j*lna_j`).
  // (So do they after a one-letter subscript, before a braced argument or an indexed x or z: `t_klog{y_k}`, `lnx_n`.)
  s = s.replace(/(^|[^A-Za-z\\]|[_^][A-Za-z0-9])(log|ln)(?=[fpqghyaxz]\s*[(_]|\s*\{)/g, '$1\\$2 ');
  // The logit written bare: logit(p).
  s = s.replace(/(^|[^\\A-Za-z{])logit(?=\s*\()/g, '$1\\operatorname{logit}');
  // `Pr(y = 1)`: the probability, as `\Pr`.
  s = s.replace(/(^|[^\\A-Za-z])Pr(?=\s*\()/g, '$1\\Pr');
  // Plain-text notes write σ as δ: δ applied to a dot product or an affine score is the sigmoid.
  s = s.replace(/\\delta\s*\((?=[^()]*\^\s*\{?\\?(T|top|intercal)\b)/g, '\\sigma(');
  return reversedDefinition(mappedDefinition(s));
}

/** What a note writes after the formula: its number (also after a run of colons, `… :::::::::(12)`, a renderer's spacing
 * left as text) and index ranges past a wide space (`… \ \ \ i:1,2,3 \ \ j:1,2,3`). */
function trailingNotes(s: string): string {
  let out = withoutEquationNumbers(s.replace(/\s*(?<!:):{3,}\s*\(\d{1,3}\)\s*$/, ''));
  // (One note at a time from the end, each after its wide space: a single pattern over all of them backtracks
  // exponentially on a crafted run of notes.)
  for (;;) {
    const note = /[a-z]\s*:\s*\d+(?:\s*,\s*\d+)+\s*$/.exec(out);
    const before = note ? widelySpaced(out.slice(0, note.index)) : null;
    if (before === null) return out;
    out = before;
  }
}

/** The text before a wide space at its end (`\quad`, `\qquad`, or two or more `\ `), or null when it ends otherwise. */
function widelySpaced(s: string): string | null {
  const quad = /\\q?quad\s*$/.exec(s);
  if (quad) return s.slice(0, quad.index).trimEnd();
  let t = s;
  let spaces = 0;
  for (let m = /\\ \s*$/.exec(t); m; m = /\\ \s*$/.exec(t)) (t = t.slice(0, m.index)), spaces++;
  return spaces >= 2 ? t.trimEnd() : null;
}

/**
 * `\bold{W}` (a shorthand some notes define) is bold; bold names of functions, `\bold{min}`, `\mathbf{log}`, are the
 * functions, and a bold e raised to a power is Euler's number. Cases laid out in an aligned block inside a brace,
 * `\left\{ \begin{aligned} ax, \quad x < 0 \\ x, \quad x ≥ 0 \end{aligned} \right.`, are cases (a system of equations
 * so braced stays one). An accent set over a letter with \overset, `\overset{\sim}{C}_t`, is the accented letter.
 */
function fontsAndBraces(src: string): string {
  let s = src.replace(/\\bold\s*\{/g, '\\mathbf{').replace(/\\mathbf\s*\{\s*(min|max|log|exp|ln)\s*\}/g, '\\$1 ').replace(/\\mathbf\s*\{\s*e\s*\}(?=\s*\^)/g, 'e');
  // (So is a matrix's, `\left\{\begin{matrix} +1 & x ≥ 0 \\ −1 & x < 0 \end{matrix}\right.`, as CSDN's editor writes cases.)
  s = s.replace(/\\left\s*\\\{\s*\\begin\{(aligned|gathered|matrix)\}([\s\S]*?)\\end\{\1\}\s*\\right\s*\./g, (m, _env: string, body: string) => (/(?<![<>!\\])=/.test(body) ? m : `\\begin{cases}${body}\\end{cases}`));
  return s.replace(/\\overset\s*\{\s*(\\sim|~|\\wedge|\^|-|\\rightarrow|\\to)\s*\}\s*\{/g, (_m, a: string) => `\\${/sim|~/.test(a) ? 'tilde' : /wedge|\^/.test(a) ? 'hat' : a === '-' ? 'bar' : 'vec'}{`);
}

/**
 * A label before the formula, `Update: W = W - α dW`, `Forward: Z = WA + b`, `l2: Ω(w) = …`: not part of it. (Nor is a
 * label in the note's own language before a colon, `sigmoid导数：…`, `손실：…`, or one run into the formula, `Loss:L=…`,
 * `Loss:\\ \\ L=…`, where an equation follows.)
 */
function withoutLabel(s: string): string {
  return s
    .replace(/^\s*[A-Za-z]{0,12}[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^=：:\\$]{0,20}[：:]\s*(?=\S)/, '')
    .replace(/^\s*(?:[A-Z][a-z]{2,}(?: [a-z]+)?|[A-Za-z]{1,3}[0-9])\s*:(?:\s|\\ )+(?=\S)/, '')
    .replace(/^\s*(?:Loss|Cost|Error|Risk|Objective)\s*:(?:\s|\\ )*(?=[A-Za-z\\][^=]{0,40}=)/, '');
}

/** A letter defined on the right, `WX + b = y`, `\sum_i w_i x_i + b = \hat{y}`: the same definition written left to right. */
function reversedDefinition(s: string): string {
  if (s.length > 400 || /\\\\|[<>!:]=|==|\\(?:le|ge|leq|geq|approx|neq|ne|equiv)(?![A-Za-z])/.test(s)) return s;
  const parts = s.split('=');
  if (parts.length !== 2) return s;
  const [lhs, rhs] = parts;
  const letter = /^\s*(?:\\(?:hat|mathbf|boldsymbol|tilde)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])(?:_\{[^{}]{1,10}\}|_[A-Za-z0-9])?(?:\^\{[^{}]{1,10}\}|\^[A-Za-z0-9])?\s*[.,]?\s*$/;
  if (!letter.test(rhs) || letter.test(lhs) || !/[+-]|\\sum|\\frac/.test(lhs)) return s;
  return `${rhs.trim().replace(/[.,]$/, '')} = ${lhs.trim()}`;
}

/** `D_{KL}[P ‖ Q]` → `D_{KL}(P ‖ Q)`: the matching square brackets after a KL name become parentheses. */
function divergenceBrackets(s: string): string {
  const re = /(KL\s*\}?)\s*\[/g;
  let out = '';
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < s.length && i < open + 2000; i++) {
      if (s[i] === '[') depth++;
      else if (s[i] === ']' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) continue;
    out += `${s.slice(last, open)}(${s.slice(open + 1, close)})`;
    last = close + 1;
    re.lastIndex = close + 1;
  }
  return out + s.slice(last);
}
