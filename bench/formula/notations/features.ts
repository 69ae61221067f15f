/**
 * The notation model: a softmax regression over a formula's parse tree read in the abstract — letters by their kind
 * (a lower-case letter, a capital, a Greek letter) with their accents and the shape of their indices (`_t-1`, `^T`,
 * `^(l)`), functions by name, each token with the operation it sits in (under a log, in a fraction's denominator, in
 * a sum). It is trained (model.ts) on formulas generated from a grammar of many notations of
 * each catalog concept and of formulas outside the catalog, so it reads notations no labelled note has shown, in any
 * letters. It sees no words. bench.ts measures it on labelled notes, alone and as a second opinion beside the recogniser; it is not shipped (its figures: bench/formula/README.md).
 */
import type { Node } from '../../../src/core/formula/tex';

const GREEK_LOWER = /^(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega)$/;
const GREEK_UPPER = /^(Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)$/;
/** Accents and fonts that change what a letter is (ŷ a prediction, c̃ a candidate, h̄ an encoder state, 𝓛 a loss). */
const KEPT_MODS = new Set(['hat', 'tilde', 'bar', 'prime', 'fwd', 'bwd', 'cal', 'bb', 'star']);
const DEFINES = new Set([':=', '\\coloneqq', '≔', '\\triangleq', '≜', '\\equiv', '≡', '\\doteq', '≐', '\\stackrel{def}{=}']);
const ASSIGNS = new Set(['\\leftarrow', '\\gets', '←', '⟵', '\\longleftarrow']);
const RELATIONS = new Set(['=', '←', '≈', '∝', '≤', '≥', '<', '>', '\\approx', '\\propto', '\\le', '\\ge', '\\leq', '\\geq', '∼', '\\sim']);

/** The kind of a letter: `a` lower-case Latin, `A` capital, `γ` Greek, `Γ` capital Greek, `w` a longer name. */
function letterKind(name: string): string {
  if (/^[a-z]$/.test(name)) return 'a';
  if (/^[A-Z]$/.test(name)) return 'A';
  if (GREEK_LOWER.test(name)) return 'γ';
  if (GREEK_UPPER.test(name)) return 'Γ';
  return 'w';
}

/** The shape of an index: one letter, a letter minus or plus one, a number, two letters, a layer in brackets, a word. */
function indexShape(n: Node | undefined, sup: boolean): string {
  if (!n) return '';
  const flat = flatText(n).replace(/\s+/g, '');
  if (sup && /^(T|\\top|top|⊤|\\intercal|intercal|\\mathsf\{T\}|'|t)$/.test(flat) && flat !== 't') return '^T';
  const p = sup ? '^' : '_';
  if (/^-?\d+$/.test(flat)) return `${p}${sup && (flat === '2' || flat === '-1') ? flat : 'n'}`;
  if (/^[(\[<{⟨]?[a-zA-Z][)\]>}⟩]?$/.test(flat)) return /^[(\[<⟨]/.test(flat) ? `${p}(i)` : `${p}i`;
  if (/^[(\[<⟨]?[a-zA-Z][-−]1[)\]>⟩]?$/.test(flat)) return `${p}i-1`;
  if (/^[(\[<⟨]?[a-zA-Z]\+1[)\]>⟩]?$/.test(flat)) return `${p}i+1`;
  if (/^[a-zA-Z],?[a-zA-Z]$/.test(flat)) return `${p}ij`;
  if (/^[a-zA-Z]+$/.test(flat)) return `${p}word`;
  if (/^\*$|^\\ast$/.test(flat)) return `${p}*`;
  return `${p}x`;
}

/** A node's letters and operators as plain text (for index shapes). */
function flatText(n: Node): string {
  switch (n.k) {
    case 'row':
      return n.items.map(flatText).join('');
    case 'sym':
      return (n.name.length > 1 ? `\\${n.name}` : n.name) + (n.mods.includes('prime') ? "'" : '');
    case 'num':
      return n.raw;
    case 'op':
      return n.v;
    case 'group':
      return `${n.delim}${flatText(n.body)}${n.delim === '(' ? ')' : n.delim === '[' ? ']' : n.delim === '⟨' || n.delim === '<' ? '>' : ''}`;
    case 'text':
      return n.v;
    case 'name':
      return n.v;
    default:
      return '?';
  }
}

interface Reader {
  seq: string[];
  feats: Set<string>;
  /** The operations the current token sits in, innermost last. */
  within: string[];
  /** Nodes still to read (a bound on odd trees). */
  left: number;
}

function emit(r: Reader, tok: string): void {
  r.seq.push(tok);
  if (r.within.length) r.feats.add(`in:${r.within[r.within.length - 1]}>${tok}`);
  if (r.within.length > 1) r.feats.add(`in2:${r.within[r.within.length - 2]}>${r.within[r.within.length - 1]}>${tok}`);
}

function inside(r: Reader, label: string, n: Node | undefined): void {
  if (!n) return;
  r.within.push(label);
  read(r, n);
  r.within.pop();
}

function scripts(n: { sub?: Node; sup?: Node }): string {
  return indexShape(n.sub, false) + indexShape(n.sup, true);
}

function read(r: Reader, n: Node): void {
  if (r.left-- <= 0) return;
  switch (n.k) {
    case 'row':
      for (const x of n.items) read(r, x);
      return;
    case 'sym': {
      const mods = n.mods.filter((m) => KEPT_MODS.has(m)).sort().join('.');
      emit(r, `${letterKind(n.name)}${mods ? `.${mods}` : ''}${scripts(n)}`);
      r.feats.add(`c:${n.name}${mods ? `.${mods}` : ''}`);
      return;
    }
    case 'num':
      emit(r, (['0', '1', '2'].includes(n.raw) ? n.raw : 'N') + scripts(n));
      return;
    case 'op':
      emit(r, DEFINES.has(n.v) ? '=' : ASSIGNS.has(n.v) ? '←' : n.v);
      return;
    case 'frac':
      emit(r, 'FRAC');
      inside(r, 'num', n.num);
      inside(r, 'den', n.den);
      emit(r, `/FRAC${scripts(n)}`);
      return;
    case 'sqrt':
      emit(r, 'SQRT');
      inside(r, 'sqrt', n.body);
      emit(r, '/SQRT');
      return;
    case 'group':
      emit(r, n.delim);
      inside(r, `grp${n.delim}`, n.body);
      emit(r, `/${n.delim}${scripts(n)}`);
      return;
    case 'name':
      emit(r, `NAME:${n.v.toLowerCase().slice(0, 20)}${scripts(n)}`);
      return;
    case 'big':
      emit(r, `${n.v.toUpperCase()}${n.sub ? '_' : ''}${n.sup ? '^' : ''}`);
      return;
    case 'apply': {
      const fn = n.fn.length === 1 ? (/[A-Z]/.test(n.fn) ? 'F' : 'f') : n.fn.toLowerCase().slice(0, 20);
      emit(r, `${fn}(${scripts(n)}`);
      r.feats.add(`fn:${fn}`);
      inside(r, fn, n.arg);
      emit(r, `/${fn}`);
      return;
    }
    case 'text':
      emit(r, `TEXT:${n.v.trim().toLowerCase().split(/\s+/)[0]?.slice(0, 16) ?? ''}`);
      return;
    case 'env':
      emit(r, `ENV:${n.name}`);
      for (const row of n.rows) {
        r.within.push(n.name);
        for (const cell of row) read(r, cell);
        r.within.pop();
        emit(r, '\\\\');
      }
      return;
  }
}

/** The features of a parsed formula: abstract tokens alone, in pairs and in threes, with what they sit in; letters as written; what the left side is. */
export function notationFeatures(items: Node[]): string[] {
  const r: Reader = { seq: [], feats: new Set(), within: [], left: 3000 };
  read(r, { k: 'row', items });
  const s = r.seq;
  for (let i = 0; i < s.length; i++) {
    r.feats.add(`u:${s[i]}`);
    if (i + 1 < s.length) r.feats.add(`b:${s[i]} ${s[i + 1]}`);
    if (i + 2 < s.length) r.feats.add(`t:${s[i]} ${s[i + 1]} ${s[i + 2]}`);
  }
  const rel = s.findIndex((t) => RELATIONS.has(t));
  if (rel > 0) for (const t of s.slice(0, rel)) r.feats.add(`lhs:${t}`);
  if (rel >= 0 && rel + 1 < s.length) r.feats.add(`rhs0:${s[rel + 1]}`);
  r.feats.add(`rel:${rel < 0 ? 'none' : s[rel]}`);
  r.feats.add(`n:${Math.min(8, Math.floor(s.length / 6))}`);
  r.feats.add('bias');
  return [...r.feats];
}
