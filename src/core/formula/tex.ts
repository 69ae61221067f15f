/**
 * A small TeX parser for recognition: it turns a formula into a tree of rows, symbols, fractions, big operators,
 * delimited groups and function applications (exp, log, σ, softmax, f(x), …). It is forgiving (any input parses,
 * unknown commands become symbols) and bounded (at most MAX_TOKENS tokens, nesting at most MAX_DEPTH).
 */
import { lookupTable } from './lookup';

export type Node =
  | { k: 'row'; items: Node[] }
  | { k: 'sym'; name: string; mods: string[]; sub?: Node; sup?: Node }
  | { k: 'num'; v: number; raw: string; sub?: Node; sup?: Node }
  | { k: 'op'; v: string }
  | { k: 'frac'; num: Node; den: Node; sub?: Node; sup?: Node }
  | { k: 'sqrt'; body: Node; index?: Node; sub?: Node; sup?: Node }
  | { k: 'group'; delim: string; body: Node; sub?: Node; sup?: Node }
  | { k: 'name'; v: string; sub?: Node; sup?: Node }
  | { k: 'big'; v: 'sum' | 'prod' | 'int'; sub?: Node; sup?: Node }
  | { k: 'apply'; fn: string; head: Node; arg: Node; sub?: Node; sup?: Node }
  | { k: 'text'; v: string }
  | { k: 'env'; name: string; rows: Node[][] };

export const MAX_TOKENS = 4000;
export const MAX_DEPTH = 60;

type Tok = { t: 'cmd' | 'char' | 'num' | 'open' | 'close' | 'sub' | 'sup' | 'amp' | 'prime'; v: string };

/** Characters that are a token of their own kind. */
const SINGLE_TOKENS: Record<string, Tok['t']> = lookupTable({ '{': 'open', '}': 'close', _: 'sub', '^': 'sup', '&': 'amp', "'": 'prime' });

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const n = Math.min(src.length, MAX_TOKENS * 8);
  let i = 0;
  while (i < n && out.length < MAX_TOKENS) {
    const c = src[i];
    if (c === '\\') {
      let j = i + 1;
      while (j < n && /[A-Za-z]/.test(src[j])) j++;
      if (j === i + 1) j = Math.min(n, i + 2);
      out.push({ t: 'cmd', v: src.slice(i + 1, j) });
      i = j;
    } else if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(src[j])) j++;
      out.push({ t: 'num', v: src.slice(i, j).replace(/\.$/, '') });
      if (src[j - 1] === '.' && j - 1 > i) out.push({ t: 'char', v: '.' });
      i = j;
    } else if (SINGLE_TOKENS[c]) {
      out.push({ t: SINGLE_TOKENS[c], v: c });
      i++;
    } else if (c === '|' && src[i + 1] === '|') {
      // ASCII "||": a norm bar, or two single bars (|u||v|); decided per row in pairBars.
      out.push({ t: 'char', v: '‖?' });
      i += 2;
    } else {
      // Surrogate pairs stay together.
      const cp = src.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out.push({ t: 'char', v: UNICODE[ch] ?? ch });
      i += ch.length;
    }
  }
  return out;
}

/** Unicode symbols pasted into TeX, mapped to their command names. */
const UNICODE: Record<string, string> = lookupTable({
  'σ': 'sigma', 'θ': 'theta', 'α': 'alpha', 'β': 'beta', 'η': 'eta', 'λ': 'lambda', 'μ': 'mu', 'π': 'pi', 'Σ': 'Sigma',
  '∑': 'sum', '∏': 'prod', '∫': 'int', '≤': 'le', '≥': 'ge', '≠': 'ne', '≈': 'approx', '∈': 'in', '→': 'to', '←': 'leftarrow',
  '·': 'cdot', '×': 'times', '⊙': 'odot', '−': '-', '∇': 'nabla', '∂': 'partial', 'ε': 'epsilon', 'τ': 'tau', 'ϕ': 'phi', 'φ': 'phi',
  '∞': 'infty', '⊤': 'top', 'ℓ': 'ell', '∝': 'propto', 'γ': 'gamma', 'δ': 'delta', 'ω': 'omega', 'ρ': 'rho',
  'ν': 'nu', 'κ': 'kappa', 'ξ': 'xi', 'ψ': 'psi', 'χ': 'chi', 'ζ': 'zeta', 'Δ': 'Delta', 'Ω': 'Omega', 'Θ': 'Theta',
  'Φ': 'Phi', 'Ψ': 'Psi', 'Λ': 'Lambda', '⊗': 'otimes', '∘': 'circ', '⋅': 'cdot', '∙': 'cdot', '≡': 'equiv', '⟨': 'langle',
  '⟩': 'rangle', '⇒': 'Rightarrow', '↦': 'mapsto', 'Γ': 'Gamma', 'Π': 'Pi', 'Ξ': 'Xi', 'Υ': 'Upsilon', 'ι': 'iota', 'υ': 'upsilon',
  'ϵ': 'epsilon', 'ϑ': 'vartheta', '∣': 'mid', '⋯': 'cdots',
});
const UNICODE_CMDS = new Set(Object.values(UNICODE).filter((v) => /^[a-zA-Z]{2,}$/.test(v)));

const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda',
  'mu', 'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta',
  'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell', 'partial', 'nabla', 'infty', 'emptyset', 'top', 'intercal',
  'hbar', 'imath', 'jmath',
]);
const OPS: Record<string, string> = lookupTable({
  cdot: '·', times: '×', odot: '⊙', bigodot: '⊙', circledot: '⊙', circ: '∘', otimes: '⊗', oplus: '⊕', ast: '*', star: '*', pm: '±', mp: '∓', div: '/',
  le: '≤', leq: '≤', leqslant: '≤', ge: '≥', geq: '≥', geqslant: '≥', neq: '≠', ne: '≠', approx: '≈', propto: '∝', sim: '~',
  simeq: '≈', equiv: '≡', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊂', setminus: '∖', leftarrow: '←', longleftarrow: '←', gets: '←', larr: '←', leftarr: '←',
  to: '→', rightarrow: '→', Rightarrow: '⇒', mapsto: '↦', Leftarrow: '⇐', hookrightarrow: '→', longrightarrow: '→', dashrightarrow: '→',
  implies: '⇒', iff: '⇔', coloneqq: ':=', mid: '|', vert: '|', lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖',
  '|': '‖', langle: '⟨', rangle: '⟩', dots: '…', ldots: '…', cdots: '…', vdots: '…', ddots: '…', hdots: '…', dotsc: '…', dotsb: '…', dotsm: '…', dotso: '…', cap: '∩', cup: '∪',
  land: '∧', lor: '∨', wedge: '∧', vee: '∨', forall: '∀', exists: '∃', neg: '¬', lt: '<', gt: '>', ll: '≪', gg: '≫',
  perp: '⊥', parallel: '‖', triangleq: '≜', doteq: '≐', prec: '≺', succ: '≻', ',': '', ';': '', ':': '', '!': '', ' ': '',
  quad: '', qquad: '', space: '', enspace: '', thinspace: '', medspace: '', thickspace: '', '\\': '\\\\', cr: '\\\\', newline: '\\\\',
  '{': '{', '}': '}', '#': '#', '%': '%', '&': '&', '_': '_', '$': '$', displaystyle: '', textstyle: '', nonumber: '',
  notag: '', limits: '', nolimits: '', middle: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '',
  biggl: '', biggr: '', label: '', tag: '', hline: '', lbrace: '{', rbrace: '}', lbrack: '[', rbrack: ']', backslash: '∖',
});
const NAMED = new Set([
  'exp', 'log', 'ln', 'lg', 'tanh', 'sinh', 'cosh', 'sin', 'cos', 'tan', 'max', 'min', 'arg', 'argmax', 'argmin', 'det',
  'tr', 'Tr', 'lim', 'sup', 'inf', 'Pr', 'sgn', 'sign', 'dim', 'rank', 'diag', 'softmax', 'sigmoid', 'relu', 'ReLU',
  'limsup', 'liminf', 'ker', 'deg', 'gcd', 'mod', 'bmod', 'pmod', 'Var', 'Cov', 'KL', 'trace',
]);
const ACCENTS: Record<string, string> = lookupTable({
  hat: 'hat', widehat: 'hat', tilde: 'tilde', widetilde: 'tilde', bar: 'bar', overline: 'bar', vec: 'vec',
  // (amsmath's capital accents, for accents on accents.)
  Hat: 'hat', Tilde: 'tilde', Bar: 'bar', Vec: 'vec', Dot: 'dot', Ddot: 'ddot', Check: '', Breve: '', Acute: '', Grave: '', overrightarrow: 'fwd',
  overleftarrow: 'bwd', dot: 'dot', ddot: 'ddot', mathbf: 'bold', bold: 'bold', boldsymbol: 'bold', bm: 'bold', mathbold: 'bold', vb: 'bold', va: 'vec', vect: 'bold', bs: 'bold', pmb: 'bold', mathbb: 'bb',
  mathcal: 'cal', mathscr: 'cal', mathfrak: 'frak', mathit: '', mathsf: '', mathtt: '', underline: '', check: '', breve: '',
  // (ulem's underlines, which some notes use for vectors and matrices.)
  underbar: '', uline: '', uuline: '', uwave: '',
  acute: '', grave: '', mathring: '', boxed: '', cancel: '', bcancel: '', xcancel: '', sout: '', phantom: '', underbrace: '',
  overbrace: '', textbf: 'textbf', textit: 'textit', emph: 'textit', mathnormal: '',
});
const BIG: Record<string, 'sum' | 'prod' | 'int'> = lookupTable({
  sum: 'sum', prod: 'prod', int: 'int', iint: 'int', oint: 'int', bigcup: 'sum', bigcap: 'prod', coprod: 'sum', bigoplus: 'sum',
});
const CLOSE_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}', '|': '|', '‖': '‖', '⟨': '⟩' };

/** Canonical function names: spelling variants mapped to one id. */
export function canonicalFn(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  const map: Record<string, string> = {
    ln: 'log', lg: 'log', sigm: 'sigmoid', sigmoid: 'sigmoid', logistic: 'sigmoid', sigma: 'sigmoid', argmax: 'argmax',
    argmin: 'argmin', tr: 'tr', trace: 'tr', sgn: 'sign', sign: 'sign', heaviside: 'step', kl: 'kl', dkl: 'kl',
    leakyrelu: 'leakyrelu', lrelu: 'leakyrelu', hardtanh: 'hardtanh', htanh: 'hardtanh', relu: 'relu', multihead: 'multihead',
    selfattention: 'attention', attention: 'attention', attn: 'attention', sa: 'attention', concat: 'concat',
    crossentropy: 'ce', ce: 'ce', xent: 'ce', mse: 'mse', nll: 'nll', ppl: 'perplexity', pp: 'perplexity', perplexity: 'perplexity',
    cos: 'cos', cossim: 'cos', sim: 'sim', similarity: 'sim',
    // (MATLAB's transfer functions, as Hagan's Neural Network Design writes them.)
    hardlim: 'step', logsig: 'sigmoid', tansig: 'tanh', poslin: 'relu', satlins: 'hardtanh',
  };
  if (word === 'Pr') return 'P';
  // (Only the table's own words: `constructor` or `toString` in a note is none of its prototype's functions.)
  return Object.hasOwn(map, w) ? map[w] : w;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  parseAll(): Node {
    const items: Node[] = [];
    while (this.i < this.toks.length) {
      const before = this.i;
      const r = this.parseRow(new Set());
      items.push(...r.items);
      if (this.i === before) this.i++; // stray closer: skip
      else if (this.i < this.toks.length) this.i++;
    }
    return { k: 'row', items: postProcess(items) };
  }

  /** Items until a token in `stop` (a '}' close, or a char like ')' / ']', or '\right', or '\end'). */
  parseRow(stop: Set<string>): { k: 'row'; items: Node[] } {
    const items: Node[] = [];
    this.depth++;
    try {
      while (this.i < this.toks.length) {
        const t = this.toks[this.i];
        if (t.t === 'close' && stop.has('}')) break;
        if (t.t === 'char' && stop.has(t.v)) break;
        if (t.t === 'cmd' && (t.v === 'right' || t.v === 'end') && (stop.has('\\right') || stop.has('\\end'))) break;
        if (t.t === 'amp' && stop.has('&')) break;
        if (t.t === 'cmd' && (t.v === '}' || t.v === 'rbrace') && stop.has('\\}')) break;
        if (t.t === 'cmd' && t.v === '\\' && stop.has('\\\\')) break;
        if (t.t === 'close') {
          this.i++;
          continue; // unbalanced '}'
        }
        const node = this.parseAtom(stop);
        if (node) items.push(this.parseScripts(node));
      }
    } finally {
      this.depth--;
    }
    return { k: 'row', items };
  }

  private parseScripts(node: Node): Node {
    let n = node;
    for (let guard = 0; guard < 8 && this.i < this.toks.length; guard++) {
      const t = this.toks[this.i];
      if (t.t === 'prime') {
        this.i++;
        if (n.k === 'sym') n = { ...n, mods: [...n.mods, 'prime'] };
        else if (n.k === 'apply') n = { ...n, fn: n.fn + "'" };
        // (`\tanh'(x)`: the derivative of a named function keeps its prime.)
        else if (n.k === 'name' && !n.v.endsWith("'")) n = { ...n, v: n.v + "'" };
        continue;
      }
      if (t.t !== 'sub' && t.t !== 'sup') break;
      this.i++;
      const arg = this.parseArg();
      // A braced letter takes the scripts itself: `{\mathbf{W}}^\top` is W^⊤, `{x}_i` is x_i.
      // (So does a braced bracket, `{(y^{(i)} − {\hat y}^{(i)})}^{2}` is (y − ŷ)², however deep the braces inside it, which
      // normalise's text repair of a braced bracket does not reach.)
      if (n.k === 'row' && n.items.length === 1 && (n.items[0].k === 'sym' || (n.items[0].k === 'group' && n.items[0].delim !== '')) && !(t.t === 'sub' ? (n.items[0] as { sub?: Node }).sub : (n.items[0] as { sup?: Node }).sup)) n = n.items[0];
      if (!('sub' in n) && n.k !== 'sym' && n.k !== 'num' && n.k !== 'frac' && n.k !== 'sqrt' && n.k !== 'group' && n.k !== 'name' && n.k !== 'big' && n.k !== 'apply') {
        n = { k: 'group', delim: '', body: n.k === 'row' ? n : { k: 'row', items: [n] } };
      }
      const m = n as Node & { sub?: Node; sup?: Node };
      if (t.t === 'sub') n = { ...m, sub: m.sub ? { k: 'row', items: [m.sub, arg] } : arg } as Node;
      else n = { ...m, sup: m.sup ? { k: 'row', items: [m.sup, arg] } : arg } as Node;
    }
    return n;
  }

  /** A braced group or a single token, as a row. */
  parseArg(): Node {
    if (this.i >= this.toks.length) return { k: 'row', items: [] };
    const t = this.toks[this.i];
    if (t.t === 'open') {
      this.i++;
      if (this.depth > MAX_DEPTH) return this.skipGroup();
      const r = this.parseRow(new Set(['}']));
      if (this.i < this.toks.length) this.i++;
      return { k: 'row', items: postProcess(r.items) };
    }
    const a = this.parseAtom(new Set());
    return { k: 'row', items: a ? [a] : [] };
  }

  /** A fraction's argument: unbraced, TeX takes one digit of a number (`\frac12` is ½, `\frac1{2m}` is 1/(2m)). */
  private digitArg(): Node {
    const t = this.toks[this.i];
    if (t?.t !== 'num' || !/^\d\d/.test(t.v)) return this.parseArg();
    this.toks[this.i] = { t: 'num', v: t.v.slice(1) };
    return { k: 'row', items: [{ k: 'num', v: Number(t.v[0]), raw: t.v[0] }] };
  }

  /** Past MAX_DEPTH: skip a balanced group without building nodes (iteratively). */
  private skipGroup(): Node {
    let d = 1;
    while (this.i < this.toks.length && d > 0) {
      const t = this.toks[this.i++];
      if (t.t === 'open') d++;
      else if (t.t === 'close') d--;
    }
    return { k: 'row', items: [] };
  }

  private textArg(): string {
    // Raw text of a braced argument (for \text, \operatorname, \begin).
    if (this.toks[this.i]?.t !== 'open') {
      const t = this.toks[this.i++];
      return t ? t.v : '';
    }
    this.i++;
    let d = 1;
    let s = '';
    while (this.i < this.toks.length) {
      const t = this.toks[this.i++];
      if (t.t === 'open') d++;
      else if (t.t === 'close' && --d === 0) break;
      s += t.t === 'cmd' ? (s && /[a-z]$/i.test(s) ? ' ' : '') + t.v : t.v;
    }
    return s;
  }

  private parseAtom(stop: Set<string>): Node | null {
    if (this.depth > MAX_DEPTH * 2) {
      // Too deep (\frac\frac\frac…, \left\left…): consume the token without building structure.
      this.i++;
      return null;
    }
    this.depth++;
    try {
      return this.parseAtomInner(stop);
    } finally {
      this.depth--;
    }
  }

  private parseAtomInner(stop: Set<string>): Node | null {
    const t = this.toks[this.i++];
    if (!t) return null;
    switch (t.t) {
      case 'num':
        return { k: 'num', v: Number(t.v), raw: t.v };
      case 'open': {
        if (this.depth > MAX_DEPTH) return this.skipGroup();
        const r = this.parseRow(new Set(['}']));
        if (this.i < this.toks.length) this.i++;
        return { k: 'row', items: postProcess(r.items) };
      }
      case 'sub':
      case 'sup':
      case 'prime':
        return null;
      case 'amp':
        return { k: 'op', v: '&' };
      case 'close':
        return null;
      case 'char':
        return this.charAtom(t.v, stop);
      case 'cmd':
        return this.command(t.v, stop);
    }
    return null;
  }

  private charAtom(c: string, stop: Set<string>): Node | null {
    if (/^[A-Za-z]$/.test(c)) return { k: 'sym', name: c, mods: [] };
    if (c === '(' || c === '[') return this.delimited(c, new Set([c === '(' ? ')' : ']', c === '(' ? ']' : ')']), stop);
    if (c === '|') return { k: 'op', v: '|' };
    if (c === '‖?') return { k: 'op', v: '‖?' };
    if (UNICODE_CMDS.has(c)) return this.command(c, stop);
    if (GREEK.has(c)) return { k: 'sym', name: c, mods: [] };
    return { k: 'op', v: c };
  }

  private delimited(open: string, closers: Set<string>, outerStop: Set<string>): Node {
    if (this.depth > MAX_DEPTH) return { k: 'op', v: open };
    const stop = new Set([...closers, '\\right', '\\end']);
    if (outerStop.has('}')) stop.add('}');
    const r = this.parseRow(stop);
    const t = this.toks[this.i];
    // An unclosed ( or [ still groups what follows, up to the end of its row.
    if (t && t.t === 'char' && closers.has(t.v)) {
      this.i++;
    } else if (t && t.t === 'cmd' && t.v === 'right') {
      this.i++;
      this.delimToken();
    }
    return { k: 'group', delim: open, body: { k: 'row', items: postProcess(r.items) } };
  }

  /** The delimiter after \left / \right / \big…: returns its canonical char. */
  private delimToken(): string {
    const t = this.toks[this.i++];
    if (!t) return '';
    if (t.t === 'char') return t.v === '|' ? '|' : t.v;
    if (t.t === 'cmd') {
      if (t.v === '{' || t.v === 'lbrace') return '{';
      if (t.v === '}' || t.v === 'rbrace') return '}';
      if (t.v === '|' || t.v === 'Vert' || t.v === 'lVert' || t.v === 'rVert') return '‖';
      if (t.v === 'vert' || t.v === 'lvert' || t.v === 'rvert') return '|';
      if (t.v === 'langle') return '⟨';
      if (t.v === 'rangle') return '⟩';
      return '';
    }
    return '';
  }

  private command(name: string, stop: Set<string>): Node | null {
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac' || name === 'cfrac') {
      const num = this.digitArg();
      const den = this.digitArg();
      return { k: 'frac', num, den };
    }
    if (name === 'binom' || name === 'dbinom' || name === 'tbinom') {
      const a = this.parseArg();
      const b = this.parseArg();
      return { k: 'apply', fn: 'binom', head: { k: 'name', v: 'binom' }, arg: { k: 'row', items: [a, { k: 'op', v: ',' }, b] } };
    }
    if (name === 'sqrt') {
      let index: Node | undefined;
      if (this.toks[this.i]?.t === 'char' && this.toks[this.i].v === '[') {
        this.i++;
        index = this.parseRow(new Set([']']));
        if (this.i < this.toks.length) this.i++;
      }
      return { k: 'sqrt', body: this.parseArg(), index };
    }
    if (name === 'left') {
      const d = this.delimToken();
      const open = d === '.' ? '' : d;
      const r = this.parseRow(new Set(['\\right']));
      if (this.toks[this.i]?.t === 'cmd' && this.toks[this.i].v === 'right') {
        this.i++;
        this.delimToken();
      }
      return { k: 'group', delim: open === '{' ? '{' : open, body: { k: 'row', items: postProcess(r.items) } };
    }
    if (name === 'right') {
      this.delimToken();
      return null;
    }
    if (/^(big|Big|bigg|Bigg)[lr]?$/.test(name)) {
      const d = this.delimToken();
      if (d === '(' || d === '[') return this.delimited(d, new Set([d === '(' ? ')' : ']']), stop);
      if (d === '|' || d === '‖') return { k: 'op', v: d };
      return null;
    }
    if (name === '{' || name === 'lbrace') return this.braceSet();
    if (name === 'begin') return this.environment();
    if (name === 'end') {
      this.textArg();
      return null;
    }
    if (name === 'text' || name === 'textrm' || name === 'textsf' || name === 'texttt' || name === 'mbox' || name === 'textnormal' || name === 'hbox') {
      const s = this.textArg().trim();
      if (/^[A-Za-z][A-Za-z-]*$/.test(s) && s.length >= 2) return { k: 'name', v: s };
      if (/^[A-Za-z]$/.test(s)) return { k: 'sym', name: s, mods: [] };
      return { k: 'text', v: s };
    }
    if (name === 'operatorname' || name === 'operatornamewithlimits' || name === 'DeclareMathOperator') {
      if (this.toks[this.i]?.t === 'char' && this.toks[this.i].v === '*') this.i++;
      const s = this.textArg().trim();
      return { k: 'name', v: s || 'op' };
    }
    if (name === 'substack') return this.parseArg();
    if (name in ACCENTS) {
      const mod = ACCENTS[name];
      const arg = this.parseArg();
      return applyMod(arg, mod);
    }
    if (name === 'mathrm' || name === 'rm' || name === 'mathop') {
      const arg = this.parseArg();
      const word = plainWord(arg);
      if (word && word.length >= 2) return { k: 'name', v: word };
      return applyMod(arg, '');
    }
    if (name === 'not') {
      const nx = this.parseAtom(stop);
      if (nx && nx.k === 'op' && nx.v === '=') return { k: 'op', v: '≠' };
      return nx;
    }
    if (name in BIG) return { k: 'big', v: BIG[name] };
    if (NAMED.has(name)) return { k: 'name', v: name };
    if (name in OPS) {
      const v = OPS[name];
      if (v === '') return null;
      if (v === '{') return this.braceSet();
      return { k: 'op', v };
    }
    if (GREEK.has(name)) return { k: 'sym', name, mods: [] };
    if (name === 'exp') return { k: 'name', v: 'exp' };
    if (name === 'infty') return { k: 'sym', name: 'infty', mods: [] };
    if (name === 'color' || name === 'textcolor') {
      this.textArg();
      return null;
    }
    if (name === 'hspace' || name === 'vspace' || name === 'label' || name === 'tag' || name === 'mathstrut') {
      this.textArg();
      return null;
    }
    if (name.length === 1 && !/[A-Za-z]/.test(name)) return { k: 'op', v: name };
    // A note's macro for a model or function left undefined (`\rnn`, `\birnn`, `\LSTM`; `\rnnstar` for the RNN* that
    // returns every state) reads as that word.
    const modelWord = name.replace(/star$/, '');
    if (modelWord.length >= 3 && MODEL_FN_WORDS.has(modelWord.toLowerCase()) && !['enc', 'dec'].includes(modelWord.toLowerCase())) return { k: 'name', v: modelWord };
    // A note's own style macro left undefined (\bi{W}, \mat{B}, \mi{ReLU}): a short lower-case command taking one braced
    // letter or word, and no second argument, is read as that letter or word.
    if (/^[a-z]{1,4}$/.test(name) && this.toks[this.i]?.t === 'open') {
      const at = this.i;
      const word = this.textArg();
      if (/^[A-Za-z]{1,16}$/.test(word) && this.toks[this.i]?.t !== 'open') return word.length === 1 ? { k: 'sym', name: word, mods: [] } : { k: 'name', v: word };
      this.i = at;
    }
    return { k: 'sym', name, mods: [] };
  }

  private braceSet(): Node {
    const r = this.parseRow(new Set(['\\}']));
    const t = this.toks[this.i];
    if (t && t.t === 'cmd' && (t.v === '}' || t.v === 'rbrace')) this.i++;
    return { k: 'group', delim: '{', body: { k: 'row', items: postProcess(r.items) } };
  }

  private environment(): Node {
    const name = this.textArg().replace(/\*$/, '');
    const rows: Node[][] = [];
    let cur: Node[] = [];
    let cell: Node[] = [];
    // (The column spec, when it is still there: normalised input has it removed, and then `1` is the first cell.)
    if ((name === 'array' || name === 'alignat' || name === 'tabular') && this.toks[this.i]?.t === 'open') this.textArg();
    for (let guard = 0; this.i < this.toks.length && guard < MAX_TOKENS; guard++) {
      const r = this.parseRow(new Set(['&', '\\\\', '\\end']));
      cell.push(...r.items);
      const t = this.toks[this.i];
      if (!t) break;
      if (t.t === 'amp') {
        this.i++;
        cur.push({ k: 'row', items: postProcess(cell) });
        cell = [];
      } else if (t.t === 'cmd' && t.v === '\\') {
        this.i++;
        cur.push({ k: 'row', items: postProcess(cell) });
        rows.push(cur);
        cur = [];
        cell = [];
      } else if (t.t === 'cmd' && t.v === 'end') {
        this.i++;
        this.textArg();
        break;
      } else {
        this.i++;
      }
    }
    if (cell.length || cur.length) {
      cur.push({ k: 'row', items: postProcess(cell) });
      rows.push(cur);
    }
    return { k: 'env', name, rows };
  }
}

function plainWord(n: Node): string | null {
  if (n.k !== 'row') return null;
  let s = '';
  for (const it of n.items) {
    if (it.k === 'sym' && /^[A-Za-z]$/.test(it.name) && !it.sub && !it.sup) s += it.name;
    else if (it.k === 'op' && it.v === '-') s += '-';
    else return null;
  }
  return s;
}

function applyMod(arg: Node, mod: string): Node {
  const items = arg.k === 'row' ? arg.items : [arg];
  if (items.length === 1) {
    const only = items[0];
    if (only.k === 'sym') return mod ? { ...only, mods: [...only.mods, mod] } : only;
    if (only.k === 'num' && (mod === 'bb' || mod === 'bold')) return { k: 'sym', name: only.raw, mods: [mod] };
    if (mod === 'textbf' || mod === 'textit') return only;
    return only;
  }
  if (mod === 'bb' || mod === 'cal' || mod === 'bold' || mod === '' || mod === 'textbf' || mod === 'textit') {
    const word = plainWord(arg);
    if (word && word.length >= 2 && mod !== 'bold') return { k: 'name', v: word };
  }
  return { k: 'row', items: mod === 'bold' ? items.map((x) => (x.k === 'sym' ? { ...x, mods: [...x.mods, 'bold'] } : x)) : items };
}

/** Second pass over a row: join function heads with their arguments, `e^{…}` into exp, `\arg\max` into argmax. */
export function postProcess(input: Node[]): Node[] {
  const items = joinWords(pairBars(input));
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    let it = items[i];
    // Flatten nested plain rows ({…} groups without scripts).
    if (it.k === 'row') {
      // (A braced function head, `{h_\theta}(x)`, still takes its argument.)
      if (it.items.length === 1 && it.items[0].k === 'sym' && items[i + 1]?.k === 'group') it = it.items[0];
      else {
        out.push(...it.items);
        continue;
      }
    }
    // \arg \max → argmax
    if (it.k === 'name' && it.v === 'arg' && items[i + 1]?.k === 'name') {
      const nx = items[i + 1] as Extract<Node, { k: 'name' }>;
      if (nx.v === 'max' || nx.v === 'min') {
        it = { k: 'name', v: 'arg' + nx.v, sub: nx.sub, sup: nx.sup };
        i++;
      }
    }
    // e^{x} → exp(x)
    const supIsIndex = it.k === 'sym' && !!it.sup && it.sup.k === 'row' && it.sup.items.length === 1 && it.sup.items[0].k === 'group' && it.sup.items[0].delim === '(';
    // (A letter e indexed by a step and defined by the formula, `e^{t} = [s_t^T h_1, …]`, is the letter: the scores at step t.)
    const definedScore = it.k === 'sym' && i === 0 && items[1]?.k === 'op' && items[1].v === '=' && !!it.sup && it.sup.k === 'row' && it.sup.items.length === 1 && it.sup.items[0].k === 'sym' && /^[tijkls]$/.test(it.sup.items[0].name) && !it.sup.items[0].sub && !it.sup.items[0].sup;
    if (it.k === 'sym' && it.name === 'e' && it.sup && !it.sub && it.mods.length === 0 && !supIsIndex && !definedScore) {
      out.push({ k: 'apply', fn: 'exp', head: { k: 'name', v: 'exp' }, arg: it.sup });
      continue;
    }
    const next = items[i + 1];
    const isHead = it.k === 'name' || (it.k === 'sym' && isFnLetter(it));
    const groupOk = next && next.k === 'group' && (next.delim === '(' || (it.k === 'name' && (next.delim === '[' || next.delim === '' || next.delim === '{')) || (it.k === 'sym' && it.mods.some((m) => m === 'bb' || m === 'bold') && /^[1I]$/.test(it.name)) || (it.k === 'sym' && next.delim === '[' && bracketedActivation(it, next.body)));
    if (isHead && next && next.k === 'group' && groupOk) {
      const fn = headName(it);
      const merged: Node = { k: 'apply', fn, head: it, arg: next.body, sub: next.sub, sup: next.sup };
      out.push(merged);
      i++;
      continue;
    }
    // \exp x, \log p(x), \log \sigma(…): a named operator applied without parentheses takes the next atom (and its group).
    if (it.k === 'name' && next && PREFIX_FNS.has(canonicalFn(it.v)) && next.k !== 'op') {
      const argItems: Node[] = [next];
      let j = i + 2;
      const n2 = items[j];
      // (\log \prod_i p(x_i), \log \sum_j e^{z_j}: a big operator takes its term, up to the next sign or relation.)
      if (next.k === 'big' && canonicalFn(it.v) === 'log') {
        while (j < items.length && !(items[j].k === 'op' && ['=', '+', '-', ',', ';', '≈', '≤', '≥', '<', '>', '\\\\', '&'].includes((items[j] as { v: string }).v)) && items[j].k !== 'text') argItems.push(items[j++]);
      } else if ((next.k === 'sym' || next.k === 'name') && n2 && n2.k === 'group' && (n2.delim === '(' || n2.delim === '[')) {
        argItems.splice(0, 1, { k: 'apply', fn: headName(next), head: next, arg: n2.body, sub: n2.sub, sup: n2.sup });
        j++;
      } else if (next.k === 'name' && n2) {
        // \log \sigma(…) where the inner head was already merged later: recurse once.
        const rest = postProcess(items.slice(i + 1, i + 3));
        if (rest.length === 1) {
          argItems.splice(0, 1, rest[0]);
          j = i + 3;
        }
      }
      out.push({ k: 'apply', fn: canonicalFn(it.v), head: it, arg: { k: 'row', items: postProcess(argItems) } });
      i = j - 1;
      continue;
    }
    out.push(it);
  }
  return slashFractions(out);
}

/** `a / b` written inline becomes a fraction: the atom before over the atom after (a big operator takes the rest). */
function slashFractions(items: Node[]): Node[] {
  if (!items.some((x) => x.k === 'op' && x.v === '/')) return items;
  const out: Node[] = [];
  const unwrap = (n: Node): Node => (n.k === 'group' && (n.delim === '(' || n.delim === '[') && !n.sub && !n.sup ? n.body : n.k === 'row' ? n : { k: 'row', items: [n] });
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.k === 'op' && it.v === '/' && out.length && i + 1 < items.length && out[out.length - 1].k !== 'op') {
      const run: Node[] = [out.pop()!];
      // (A product before the slash, u·v / (‖u‖ ‖v‖), is the numerator: left to right, as plain text means it.)
      const product = (n: Node) => n.k === 'op' && ['·', '*', '×'].includes(n.v);
      while (out.length && (out[out.length - 1].k !== 'op' || product(out[out.length - 1])) && out[out.length - 1].k !== 'big' && out[out.length - 1].k !== 'text') run.unshift(out.pop()!);
      while (run.length > 1 && run[0].k === 'op') out.push(run.shift()!);
      const left: Node = run.length === 1 ? run[0] : { k: 'row', items: run };
      let j = i + 1;
      let den: Node;
      if (items[j].k === 'big') {
        const rest: Node[] = [];
        while (j < items.length && !(items[j].k === 'op' && ['=', '+', '-', ',', '≈', '≤', '≥'].includes((items[j] as { v: string }).v))) rest.push(items[j++]);
        den = { k: 'row', items: rest };
        j--;
      } else den = unwrap(items[j]);
      out.push({ k: 'frac', num: unwrap(left), den });
      i = j;
      continue;
    }
    out.push(it);
  }
  return out;
}

/** Function words written in italic letters: K L ( … ) → name KL applied. */
const FN_WORDS = new Set(['KL', 'DKL', 'CE', 'BCE', 'MSE', 'RSS', 'SSE', 'TSS', 'RMSE', 'MAE', 'NLL', 'PP', 'PPL', 'ReLU', 'softmax', 'tr', 'Tr', 'sim', 'cos', 'exp', 'log', 'max', 'min', 'sign', 'tanh']);
/** Model and block names written in italic letters (`GRU(h, x)`, `BiLSTM(X)`, `NN_2(x)`), compared in lower case. */
const MODEL_FN_WORDS = new Set(['gru', 'lstm', 'rnn', 'bilstm', 'birnn', 'bigru', 'brnn', 'blstm', 'bgru', 'pblstm', 'mlp', 'ffn', 'nn', 'attention', 'attend', 'attn', 'att', 'multihead', 'selfattn', 'selfattention', 'softmax', 'sigmoid', 'relu', 'tanh', 'skipgram', 'cbow', 'sgns', 'elbo', 'dropout', 'concat', 'encoder', 'decoder', 'enc', 'dec', 'layernorm', 'linear', 'embed', 'multiheadattention', 'multiheadattn', 'maskedattention', 'maskedselfattention', 'additiveattention', 'crossentropy', 'feedforward', 'positionalencoding', 'leakyrelu', 'hardtanh', 'hardlim', 'logsig', 'tansig', 'poslin', 'satlins', 'nnlm', 'nplm', 'perp']);
/**
 * Set for one `parseTex(…, { identifiers: true })` call (parsing is synchronous): words of three or more italic
 * letters are read as one identifier (`loss`, `pos`, `head_i`) — for naming the letters of a formula, while the
 * recogniser's own parse keeps the letters (its detectors read words such as `mask` letter by letter).
 */
let identifierWords = false;
function joinWords(items: Node[]): Node[] {
  const out: Node[] = [];
  const plain = (x: Node | undefined): x is Extract<Node, { k: 'sym' }> => !!x && x.k === 'sym' && !x.mods.length && !x.sup && /^[A-Za-z]$/.test(x.name);
  for (let i = 0; i < items.length; i++) {
    let j = i;
    let w = '';
    while (j < items.length && w.length < 24 && plain(items[j]) && !(items[j] as { sub?: Node }).sub) {
      w += (items[j] as { name: string }).name;
      j++;
    }
    // The last letter may carry the name's subscript: NN_2(x), LSTM_{enc}(x).
    let sub: Node | undefined;
    const last = items[j];
    if (w.length >= 1 && plain(last) && last.sub && items[j + 1]?.k === 'group' && MODEL_FN_WORDS.has((w + last.name).toLowerCase())) {
      w += last.name;
      sub = last.sub;
      j++;
    }
    const next = items[j];
    if (w.length >= 2 && (FN_WORDS.has(w) || MODEL_FN_WORDS.has(w.toLowerCase())) && next && next.k === 'group' && next.delim === '(') {
      out.push(sub ? { k: 'name', v: w, sub } : { k: 'name', v: w });
      i = j - 1;
      continue;
    }
    // Any other word of three or more letters (`loss`, `pos`, `head_i`, `score`): one identifier, not a product of
    // letters. (All capitals stay letters: QKV is a product.)
    const lastSub = !sub && w.length >= 2 && plain(last) ? last.sub : undefined;
    const word = lastSub ? w + (last as { name: string }).name : w;
    if (identifierWords && word.length >= 3 && /^[A-Za-z][a-z]+$/.test(word) && /[aeiou]/.test(word) && !FN_WORDS.has(word) && !MODEL_FN_WORDS.has(word.toLowerCase())) {
      const end = lastSub ? j + 1 : j;
      out.push(lastSub ? { k: 'sym', name: word, mods: [], sub: lastSub } : { k: 'sym', name: word, mods: [] });
      i = end - 1;
      continue;
    }
    // A function word without its argument (`\mathrm{softmax}(t)_i`, whose font reads it; `softmax` in passing) is the
    // function's name, not letters (its tail `oftmax` no identifier of its own). So is a measure's two-letter
    // abbreviation that an equation defines, `PP = 2^{H}`, `CE = −Σ …`: the perplexity, not P times P.
    const defines = (x: Node | undefined) => !!x && x.k === 'op' && ['=', '≈', '∝'].includes(x.v);
    // (With a subscript on its last letter, `MSE_{train} = …`, `BCE_{loss} = …`: the measure, labelled.)
    if (identifierWords && lastSub && i === 0 && defines(items[j + 1]) && FN_WORDS.has(word)) {
      out.push({ k: 'name', v: word, sub: lastSub });
      i = j;
      continue;
    }
    if (identifierWords && (w.length >= 3 || (w.length === 2 && i === 0 && defines(items[j]))) && (FN_WORDS.has(w) || MODEL_FN_WORDS.has(w.toLowerCase()))) {
      out.push({ k: 'name', v: w });
      i = j - 1;
      continue;
    }
    out.push(items[i]);
  }
  return out;
}

/** A bar operator, possibly wrapped (with scripts) by parseScripts. */
function barOf(n: Node): { v: string; sub?: Node; sup?: Node } | null {
  if (n.k === 'op' && (n.v === '‖' || n.v === '|')) return { v: n.v };
  if (n.k === 'group' && n.delim === '' && n.body.k === 'row' && n.body.items.length === 1) {
    const o = n.body.items[0];
    if (o.k === 'op' && (o.v === '‖' || o.v === '|')) return { v: o.v, sub: n.sub, sup: n.sup };
  }
  return null;
}

/** Pair ‖…‖ (always) and |…| (when a row holds at least two bars) into groups, so norms carry their scripts. */
function pairBars(input: Node[]): Node[] {
  const isAmb = (n: Node) => (n.k === 'op' && n.v === '‖?') || (n.k === 'group' && n.delim === '' && n.body.k === 'row' && n.body.items.length === 1 && n.body.items[0].k === 'op' && n.body.items[0].v === '‖?');
  let items = input;
  if (input.some(isAmb)) {
    const singles = input.some((n) => barOf(n)?.v === '|');
    items = [];
    for (const n of input) {
      if (!isAmb(n)) items.push(n);
      else if (!singles) items.push(n.k === 'op' ? { k: 'op', v: '‖' } : { ...(n as Extract<Node, { k: 'group' }>), body: { k: 'row', items: [{ k: 'op', v: '‖' }] } });
      else {
        items.push({ k: 'op', v: '|' });
        items.push(n.k === 'op' ? { k: 'op', v: '|' } : { ...(n as Extract<Node, { k: 'group' }>), body: { k: 'row', items: [{ k: 'op', v: '|' }] } });
      }
    }
  }
  let count = 0;
  for (const it of items) if (barOf(it)) count++;
  if (count < 2) return items;
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const b = barOf(items[i]);
    if (b && !b.sub && !b.sup) {
      let j = i + 1;
      while (j < items.length && !(barOf(items[j])?.v === b.v)) j++;
      if (j < items.length && j > i + 1) {
        const cb = barOf(items[j])!;
        out.push({ k: 'group', delim: b.v, body: { k: 'row', items: postProcess(items.slice(i + 1, j)) }, sub: cb.sub, sup: cb.sup });
        i = j;
        continue;
      }
    }
    out.push(items[i]);
  }
  return out;
}

const PREFIX_FNS = new Set(['exp', 'log', 'tanh', 'sin', 'cos', 'sigmoid', 'softmax', 'tr', 'det', 'relu', 'sign']);

/**
 * σ[Wᵀx], g[W^{(1)T} x]: an activation letter applied with square brackets, as some books write it — the bracket
 * holds a transposed weight, so it is no index (`a[l]`, `g[l]`).
 */
function bracketedActivation(s: Extract<Node, { k: 'sym' }>, body: Node): boolean {
  if (!/^(sigma|phi|varphi|psi|g|f)$/.test(s.name) || s.mods.length) return false;
  const transposed = (n: Node): boolean => {
    if ('sup' in n && n.sup && n.sup.k === 'row' && n.sup.items.some((x) => x.k === 'sym' && (x.name === 'T' || x.name === 'top' || x.name === 'intercal'))) return true;
    if (n.k === 'sym' && n.sup?.k === 'sym' && (n.sup.name === 'T' || n.sup.name === 'top')) return true;
    return (n.k === 'row' ? n.items : n.k === 'group' ? [n.body] : n.k === 'sym' && n.sup ? [n.sup] : []).some(transposed);
  };
  return transposed(body);
}

function isFnLetter(s: Extract<Node, { k: 'sym' }>): boolean {
  if (/^[1I]$/.test(s.name) && s.mods.some((m) => m === 'bb' || m === 'bold')) return true;
  if (s.mods.includes('bold') && s.name !== 'sigma') return false;
  return /^[A-Za-z]$/.test(s.name) || ['sigma', 'phi', 'varphi', 'delta', 'psi', 'ell', 'mu', 'pi', 'rho', 'Phi', 'Psi', 'Sigma', 'Delta', 'alpha', 'Omega'].includes(s.name);
}

function headName(n: Node): string {
  if (n.k === 'name') return canonicalFn(n.v) + (n.v.endsWith("'") ? "'" : '');
  if (n.k === 'sym') {
    if (n.name === 'sigma' && !n.sub) return 'sigmoid';
    return n.name + (n.mods.includes('prime') ? "'" : '');
  }
  return '?';
}

/** Parse TeX into a row. Never throws; bounded work. */
export function parseTex(src: string, opts: { identifiers?: boolean } = {}): { k: 'row'; items: Node[] } {
  identifierWords = !!opts.identifiers;
  try {
    const toks = tokenize(src.replace(/\\boxed/g, ' ').replace(/\\(displaystyle|scriptstyle|textstyle)/g, ' '));
    const p = new Parser(toks);
    return p.parseAll() as { k: 'row'; items: Node[] };
  } catch {
    return { k: 'row', items: [] };
  } finally {
    identifierWords = false;
  }
}

/** Visit every node (depth-first, pre-order); stop descending when fn returns false. Bounded by node count. */
export function walk(n: Node | undefined, fn: (n: Node, depth: number) => boolean | void, depth = 0, budget = { left: 20000 }): void {
  if (!n || budget.left-- <= 0 || depth > MAX_DEPTH * 2) return;
  if (fn(n, depth) === false) return;
  const kids = children(n);
  for (const c of kids) walk(c, fn, depth + 1, budget);
}

/** A copy of a tree with `f` applied to every node, children first. */
export function mapTree(n: Node, f: (n: Node) => Node): Node {
  const m = { ...n } as Record<string, unknown>;
  const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && 'k' in (v as object);
  for (const [k, v] of Object.entries(m)) {
    if (isNode(v)) m[k] = mapTree(v, f);
    else if (Array.isArray(v)) m[k] = v.map((x) => (isNode(x) ? mapTree(x, f) : x));
  }
  return f(m as Node);
}

export function children(n: Node): Node[] {
  const out: Node[] = [];
  switch (n.k) {
    case 'row':
      out.push(...n.items);
      break;
    case 'frac':
      out.push(n.num, n.den);
      break;
    case 'sqrt':
      out.push(n.body);
      if (n.index) out.push(n.index);
      break;
    case 'group':
      out.push(n.body);
      break;
    case 'apply':
      out.push(n.arg);
      if (n.head.k !== 'name' && n.head.k !== 'sym') out.push(n.head);
      if (n.head.k === 'sym' && n.head.sub) out.push(n.head.sub);
      if (n.head.k === 'name' && n.head.sub) out.push(n.head.sub);
      break;
    case 'env':
      for (const r of n.rows) out.push(...r);
      break;
    default:
      break;
  }
  if ('sub' in n && n.sub) out.push(n.sub);
  if ('sup' in n && n.sup) out.push(n.sup);
  return out;
}

/** A compact, letter-keeping string form of a node, for display of symbols and debugging. */
/** The two indices of a subscript written with a comma, λ_{1,4} → ['1', '4']; else null. */
export function indexPair(sub: Node | undefined): [string, string] | null {
  const m = /^([0-9a-z]+),([0-9a-z]+)$/.exec(show(sub).replace(/\s+/g, ''));
  return m ? [m[1], m[2]] : null;
}

export function show(n: Node | undefined, budget = { left: 400 }): string {
  if (!n || budget.left-- <= 0) return '';
  const scripts = (x: { sub?: Node; sup?: Node }) => (x.sub ? `_{${show(x.sub, budget)}}` : '') + (x.sup ? `^{${show(x.sup, budget)}}` : '');
  switch (n.k) {
    case 'row':
      return n.items.map((x) => show(x, budget)).join(' ');
    case 'sym': {
      const base = n.name.length > 1 ? `\\${n.name}` : n.name;
      let s = base;
      for (const m of n.mods) {
        if (m === 'prime') s += "'";
        else if (m === 'bold') s = `\\mathbf{${s}}`;
        else if (m === 'bb') s = `\\mathbb{${s}}`;
        else if (m === 'cal') s = `\\mathcal{${s}}`;
        else if (m === 'fwd') s = `\\overrightarrow{${s}}`;
        else if (m === 'bwd') s = `\\overleftarrow{${s}}`;
        else if (m) s = `\\${m}{${s}}`;
      }
      return s + scripts(n);
    }
    case 'num':
      return n.raw + scripts(n);
    case 'op':
      return n.v;
    case 'frac':
      return `\\frac{${show(n.num, budget)}}{${show(n.den, budget)}}` + scripts(n);
    case 'sqrt':
      return `\\sqrt{${show(n.body, budget)}}` + scripts(n);
    case 'group':
      return `${n.delim}${show(n.body, budget)}${CLOSE_OF[n.delim] ?? ''}` + scripts(n);
    case 'name':
      return `\\operatorname{${n.v}}` + scripts(n);
    case 'big':
      return `\\${n.v}` + scripts(n);
    case 'apply':
      return `${show(n.head, budget)}(${show(n.arg, budget)})` + scripts(n);
    case 'text':
      return `\\text{${n.v}}`;
    case 'env':
      return `\\begin{${n.name}}…\\end{${n.name}}`;
  }
}
