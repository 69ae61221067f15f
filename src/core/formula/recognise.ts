/**
 * Concept recognition by structure. The formula is parsed (tex.ts) and a set of structural detectors each propose
 * concepts with a score ("exp of one score over a sum of exps" → softmax, whatever the letters). Detectors also
 * propose close relatives at a lower score, so the words around the formula (heading, sentence before) can break a
 * tie; context never proposes a concept on its own.
 */
import { canonicalFn, children, indexPair, mapTree, type Node, parseTex, show, walk } from './tex';
import type { ConceptId } from './concepts';
import { GATE_WORDS, normaliseTex } from './normalise';
import { conceptsNamed, namedInOtherLanguage } from './conceptNames';
import { nearWords, proseClaim } from './evidenceProse';
import { lookupTable } from './lookup';

export interface Recognition {
  concept: ConceptId | null;
  score: number;
  /** All candidates, best first (for debugging and the panel). */
  candidates: Array<{ id: ConceptId; score: number; why: string }>;
  tree: { k: 'row'; items: Node[] };
  /**
   * Why no concept was named: nothing fitted (`none`), the best fit was weak (`weak`), unrelated concepts fitted alike
   * (`conflict`), or the formula only names a function (`mention`: `\tanh`, `softmax(z)_i`; `mentions` says which).
   */
  unsure?: 'none' | 'weak' | 'conflict' | 'mention' | 'resembles';
  mentions?: ConceptId;
  /** Concepts the structure rules out however much the formula looks like them (a momentum step is no plain gradient descent). */
  ruledOut?: ConceptId[];
  /** The concept comes from a pattern whose structure the learned model's words and tokens cannot see (FIRM): it is not withdrawn. */
  firm?: true;
  /** The concept is a closed form no other concept writes (CLOSED_FORMS): the decision step keeps it. */
  closedForm?: true;
}

export interface RecogniseContext {
  heading?: string;
  before?: string;
}

type Row = Node[];
type Sym = Extract<Node, { k: 'sym' }>;
type Apply = Extract<Node, { k: 'apply' }>;
type Frac = Extract<Node, { k: 'frac' }>;
type Group = Extract<Node, { k: 'group' }>;

/** Why of the two-layer shapes of an MLP written in one formula. */
const MLP_COLUMN = 'W₂ φ(W₁ x + b₁) + b₂';
const MLP_ROW = 'φ(x W₁ + b₁) W₂ + b₂';
const MLP_NESTED = 'activation of an affine map of an activation';
const MLP_CHAINED = 'h = f(W₁x + b₁) feeding ŷ = g(W₂h + b₂)';
const TWO_LAYER_WHYS = new Set([MLP_COLUMN, MLP_ROW, MLP_NESTED, MLP_CHAINED]);
/** Why of an activation of an affine map, f(Wx + b): one layer. */
const ACTIVATED_AFFINE = 'f(Wx + b)';
/** Why of Σ_j α_ij W h_j: a graph attention layer's weighted neighbours. */
const NEIGHBOURS_WEIGHTED = 'Σ_j α_ij W h_j: the neighbours\' mapped states, weighted';
/** Why of a prediction as a line with its fitted numbers filled in. */
const FITTED_LINE = 'ŷ = a + b x with the numbers filled in: a fitted line';
/** Why of the leaky ReLU written by cases, x above zero and a small slope times x below. */
const LEAKY_CASES = 'cases x / αx';
/** Why ReLU is named for cases whose value is the input where the input is above 0 and 0 elsewhere (firm). */
const RELU_CASES = 'cases x where x > 0, 0 otherwise';
/** Why the hinge loss is named for its cases (firm: a zero branch and one minus a margin). */
const HINGE_CASES = 'cases 0 / 1 − y·f(x): the hinge loss';
/** Why of a derivative written as the function times one minus itself, any letter. */
const SIGMOID_SLOPE_WRITTEN = 'σ′(z) = σ(z)(1 − σ(z))';
/** Why of c_t = H α_t: the matrix of states times the attention weights. */
const STATES_TIMES_WEIGHTS = 'c_t = H α_t: the states weighted by the attention weights';
/** Why of cos(u, v): the cosine of a pair of vectors. */
const COSINE_OF_PAIR = 'cos(u, v): the cosine of two vectors, as a function of the pair';
/** Why of Σ_j α_ij W_V x_j: the inputs' values, weighted. */
const VALUES_WEIGHTED = 'Σ_j α_ij W_V x_j: each input mapped to its value and weighted';
/** Why of max(0, 1 − y·s): the hinge loss, the support vector machine's own loss (in a kernel space too). */
const HINGE_MARGIN = 'max(0, 1 − y·s)';
/** Why of a layer's formula declared for every layer of the network. */
const EVERY_LAYER = 'a^{(l)} = g(W^{(l)} a^{(l−1)} + b^{(l)}) for l = 1, …, L: every layer of the network from the one before';
const HIDDEN_UNITS_SUMMED = 'f(x) = Σ_i u_i h(w_iᵀx + b_i): a one-hidden-layer network';

// ---------- small structural helpers ----------

/** Every node under n (pre-order), memoised: trees are not changed after parsing, and detectors ask often. */
const allCache = new WeakMap<object, Node[]>();
function all(n: Node | Node[] | undefined): Node[] {
  if (!n) return [];
  const hit = allCache.get(n);
  if (hit) return hit;
  const out: Node[] = [];
  const list = Array.isArray(n) ? n : [n];
  for (const x of list) walk(x, (m) => void out.push(m));
  allCache.set(n, out);
  return out;
}
const rowOf = (n: Node | undefined): Row => (!n ? [] : n.k === 'row' ? n.items : [n]);
/** Every node inside a sub- or superscript under r (the i, m, g of `w_{img}`). */
const inScripts = (r: Row): Set<Node> => new Set(all(r).flatMap((x) => ('sub' in x || 'sup' in x ? [...all((x as Sym).sub), ...all((x as Sym).sup)] : [])));
/** Letters that spell a word with their neighbours (three or more bare letters in a row: the g of `king`, the V of `Vector(…)`). */
function inWords(r: Row): Set<Node> {
  const out = new Set<Node>();
  const bare = (x: Node | undefined): boolean => x?.k === 'sym' && x.name.length === 1 && !x.sub && !x.sup && !x.mods.length;
  const row = (items: Node[]) => {
    for (let i = 0; i < items.length; i++) {
      let j = i;
      while (j < items.length && bare(items[j])) j++;
      // (A run ending in a call, `Vector(man)` read as V·e·c·t·o·r(man), spells the call's name too.)
      const end = j < items.length && items[j].k === 'apply' && (items[j] as Apply).fn.length === 1 ? j + 1 : j;
      if (end - i >= 3) for (let k = i; k < end; k++) out.add(items[k]);
      i = Math.max(i, j);
    }
  };
  row(r);
  for (const x of all(r)) if (x.k === 'row') row(x.items);
  return out;
}
const applies = (n: Node | Node[] | undefined, fns?: string[]): Apply[] =>
  all(n).filter((m): m is Apply => m.k === 'apply' && (!fns || fns.includes(m.fn)));
const syms = (n: Node | Node[] | undefined): Sym[] => all(n).filter((m): m is Sym => m.k === 'sym');
const fracs = (n: Node | Node[] | undefined): Frac[] => all(n).filter((m): m is Frac => m.k === 'frac');
type Big = Extract<Node, { k: 'big' }>;
const bigs = (n: Node | Node[] | undefined, v: 'sum' | 'prod' | 'int') => all(n).filter((m): m is Big => m.k === 'big' && m.v === v);
const hasOp = (n: Node | Node[] | undefined, ...ops: string[]) => all(n).some((m) => m.k === 'op' && ops.includes(m.v));
/** A side that is the probability of a class given the input: P(y = 1 | x), P(C_1 | x), P(Y = 1 | X; θ), h_θ(x). */
function classProbability(root: Row): boolean {
  return sides(root).parts.some((p) => p.length === 1 && p[0].k === 'apply' && ((/^([pP]|Pr)$/.test(p[0].fn) && hasOp(p[0].arg, '|') && (rowOf(p[0].arg).some((x) => x.k === 'op' && x.v === '=') || syms(p[0].arg).some((x) => /^[Cc]$/.test(x.name) && !!x.sub && rowOf((p[0] as Apply).arg)[0] === x))) || (p[0].fn === 'h' && p[0].head.k === 'sym' && PARAM_LETTER.test(subText(p[0].head.sub)))));
}
/** The time steps a formula's quantities are written at: t, t − 1, t + 1 as an index, a superscript or a call's argument. */
function timeSteps(n: Node | Node[]): Set<string> {
  const out = new Set<string>();
  const step = (r: Node | undefined) => { const t = subText(r).replace(/[\s()]/g, ''); if (/^(t|t[+-]1|tau|τ)$/.test(t)) out.add(t); };
  for (const x of all(n)) {
    if (x.k === 'sym') (step(x.sub), step(x.sup));
    if (x.k === 'apply' && rowOf(x.arg).length <= 3) step(x.arg);
  }
  return out;
}
/** The word a row of plain letters spells, in lower case (`net_j`, `Net_{h1}` → net; the last letter may carry an index). */
function spelled(r: Row): string {
  return r.length && r.every((x) => x.k === 'sym' && !x.sup && !x.mods.length) ? r.map((x) => (x as Sym).name).join('').toLowerCase() : '';
}
/** An operator written on the line, not inside a sub- or superscript (the `*` of `f^*` marks an optimum). */
function hasLineOp(n: Node | Node[] | undefined, ...ops: string[]): boolean {
  let budget = 20000;
  const visit = (x: Node): boolean => {
    if (budget-- <= 0) return false;
    if (x.k === 'op') return ops.includes(x.v);
    const scripts = 'sub' in x || 'sup' in x ? [(x as { sub?: Node }).sub, (x as { sup?: Node }).sup] : [];
    return children(x).some((c) => !scripts.includes(c) && visit(c));
  };
  return (!n ? [] : Array.isArray(n) ? n : [n]).some(visit);
}
const hasSym = (n: Node | Node[] | undefined, ...names: string[]) => syms(n).some((s) => names.includes(s.name));
const names = (n: Node | Node[] | undefined) => all(n).filter((m) => m.k === 'name').map((m) => (m as { v: string }).v.toLowerCase());
const isNum = (n: Node | undefined, v?: number) => !!n && n.k === 'num' && (v === undefined || n.v === v);
/** The x of a complement written 1 − x (a row or a node), else null. */
const oneMinusOf = (n: Node | Row | undefined): Node | null => {
  const r0 = Array.isArray(n) ? n : rowOf(n);
  // (In brackets of its own, ^{(1 − y)}, it is the same.)
  const r = r0.length === 1 && r0[0].k === 'group' && r0[0].delim === '(' ? rowOf(r0[0].body) : r0;
  return r.length === 3 && isNum(r[0], 1) && r[1].k === 'op' && r[1].v === '-' ? r[2] : null;
};
const onlyNum = (n: Node | undefined, v: number) => {
  const r = rowOf(n);
  return r.length === 1 && isNum(r[0], v);
};
const isTransposeSup = (n: Node | undefined) => {
  const r = rowOf(n);
  return r.length >= 1 && r.some((x) => (x.k === 'sym' && (x.name === 'T' || x.name === 'top' || x.name === 'intercal' || x.name === '⊤')) || (x.k === 'op' && x.v === '⊤'));
};
const hasTranspose = (n: Node | Node[] | undefined) => all(n).some((m) => 'sup' in m && m.sup && isTransposeSup(m.sup));
const symBase = (n: Node | undefined): string | null => (n && n.k === 'sym' ? n.name : n && n.k === 'apply' ? n.fn : null);
/** A layer index written as a superscript in brackets (W^{(l)}, a^{[2]}), not a power or a transpose. */
/** An input indexed one back (a^{l−1}, h_{t−1}): a previous layer's activations or a previous step's state, not a regression's input. */
const previousInput = (r: Node | Node[] | undefined): boolean => syms(r).some((x) => !/^(theta|Theta|w|W|beta|u)$/.test(x.name) && /-1/.test(subText(x.sub) + subText(x.sup)));
/** D(P ‖ Q), D(p||q): a call whose arguments are parted by a double bar, as a divergence's are. */
const doubleBar = (a: Apply): boolean => hasOp(a.arg, '‖') || rowOf(a.arg).some((x, i) => x.k === 'op' && x.v === '|' && rowOf(a.arg)[i + 1]?.k === 'op' && (rowOf(a.arg)[i + 1] as { v: string }).v === '|');
const layerSup = (n: Node): boolean => 'sup' in n && !!n.sup && /^[([][a-zA-Z0-9+-]+[)\]]$/.test(subText(n.sup).replace(/\s/g, ''));
const subText = (n: Node | undefined, depth = 0): string =>
  depth > 4 ? '?' : rowOf(n).map((x) => (x.k === 'sym' ? x.name : x.k === 'num' ? x.raw : x.k === 'op' ? x.v : x.k === 'group' ? `(${subText(x.body, depth + 1)})` : x.k === 'name' || x.k === 'text' ? x.v.trim() : '?')).join('');
// (`nonlin(·)`, `act(·)`: the nonlinearity named by a word.)
const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'f', 'g', 'phi', 'varphi', 'delta', 'sigma', 'leakyrelu', 'hardtanh', 'gelu', 'h', 'nonlin', 'act'];

/** ∂L/∂x, ∂J/∂z: a derivative of the loss (L, J, E, C, ℓ) with respect to something. */
/** The letters a loss is written with. */
const LOSS_LETTER = /^(L|J|E|C|ell)$/;
const lossDerivative = (x: Node | undefined) => x?.k === 'frac' && rowOf(x.num).some((y) => y.k === 'sym' && y.name === 'partial') && syms(x.num).some((y) => LOSS_LETTER.test(y.name));

/**
 * ∂L′/∂w = ∂L/∂w + λw, dW = dZ Aᵀ + (λ/m) W: the gradient of a penalised loss — the loss's own gradient written as a
 * derivative, as the backward pass's product or as words, then the penalty's, its weight carrying a number or the count
 * it is averaged over (2λw, (λ/m) W). Written out as a sum over the examples it is the gradient of that model's loss.
 */
function penalisedGradient(lhs: Row, parts: Row[]): boolean {
  const lambda = (x: Node | undefined) => (x?.k === 'sym' && x.name === 'lambda') || (x?.k === 'frac' && rowOf(x.num).length === 1 && rowOf(x.num)[0].k === 'sym' && (rowOf(x.num)[0] as Sym).name === 'lambda');
  const penaltyGradient = (t: { sign: string; items: Row }) => {
    const f = unmultiplied(t.items);
    const at = isNum(f[0]) ? 1 : 0;
    return t.sign === '+' && f.length === at + 2 && lambda(f[at]) && ((f[at + 1]?.k === 'sym' && isParam(f[at + 1])) || (f[at + 1]?.k === 'apply' && /^(sgn|sign)$/.test((f[at + 1] as Apply).fn)));
  };
  const codeGradient = lhs.length === 2 && lhs[0].k === 'sym' && lhs[0].name === 'd' && !lhs[0].sub && isParam(lhs[1]);
  const top = lhs.length === 1 && lhs[0].k === 'frac' ? lhs[0] : null;
  const gradientOfLoss = !!top && (lossDerivative(top) || (rowOf(top.num)[0]?.k === 'sym' && (rowOf(top.num)[0] as Sym).name === 'd' && syms(top.num).some((y) => LOSS_LETTER.test(y.name)) && syms(top.den).some(isParam)));
  const terms = parts.length === 2 ? termsOf(parts[1]) : [];
  return (codeGradient || gradientOfLoss) && terms.length >= 2 && !all(terms[0].items).some((x) => x.k === 'big') && terms.slice(1).some(penaltyGradient);
}

/** w_j | w_c, w_O | w_I, o | c: a word given the centre (input) word, each one letter with its index. */
function wordGivenCentreWord(arg: Row): boolean {
  if (arg.length !== 3 || arg[1].k !== 'op' || arg[1].v !== '|' || arg[0].k !== 'sym' || arg[2].k !== 'sym') return false;
  const [a, b] = [arg[0], arg[2]];
  if (a.sup || b.sup || a.mods.length || b.mods.length) return false;
  // (o | c, and Andrew Ng's t | c: the target word given the context word.)
  if (!a.sub && !b.sub) return /^[ot]$/.test(a.name) && b.name === 'c';
  return a.name === 'w' && b.name === 'w' && /^[a-zA-Z]$/.test(subText(a.sub)) && /^(c|I)$/.test(subText(b.sub)) && subText(a.sub) !== subText(b.sub);
}

/**
 * `v | z_u` against `z_uᵀ z_v`: the two items of a conditional probability are the indices of the two vectors the score
 * multiplies (each vector indexed by its item, never the bare input x of a classifier's wᵀx).
 */
function itemGivenItem(arg: Row, d: { a: Node; b: Node }): boolean {
  const bar = arg.findIndex((x) => x.k === 'op' && x.v === '|');
  const one = (r: Row) => (r.length === 1 && r[0].k === 'sym' ? r[0] : null);
  const [a, b] = [one(arg.slice(0, bar)), one(arg.slice(bar + 1))];
  if (bar < 0 || !a || !b) return false;
  const item = (x: Sym) => (x.sub ? subText(x.sub) : x.name);
  const indexed = (x: Node): string | null => (x.k === 'sym' && x.sub && /^[a-z]$/.test(subText(x.sub)) ? subText(x.sub) : null);
  const [i, j] = [indexed(d.a), indexed(d.b)];
  return !!i && !!j && i !== j && new Set([i, j]).has(item(a)) && new Set([i, j]).has(item(b)) && item(a) !== item(b);
}

/** ∇_w J(w) = …, ∇L = …: the left side is the gradient of a loss. */
function lossGradientOnLeft(root: Row): boolean {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  return hasSym(lhs, 'nabla') && all(lhs).some((x) => (x.k === 'sym' && LOSS_LETTER.test(x.name)) || (x.k === 'apply' && LOSS_LETTER.test(x.fn)));
}

/** Split a row at top-level relation operators. */
function sides(items: Row): { parts: Row[]; rels: string[] } {
  const parts: Row[] = [[]];
  const rels: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.k === 'op' && ['=', '≈', '≤', '≥', '←', '∝', '≡', ':=', '<', '>', '≜'].includes(it.v)) {
      rels.push(it.v);
      parts.push([]);
      continue;
    }
    if (it.k === 'op' && it.v === ':' && items[i + 1]?.k === 'op' && (items[i + 1] as { v: string }).v === '=') {
      rels.push(':=');
      parts.push([]);
      i++;
      continue;
    }
    parts[parts.length - 1].push(it);
  }
  return { parts, rels };
}

/** The forms a formula gives its left side: every side after the first, or its one side when it has no relation. */
const valueSides = (parts: Row[]): Row[] => (parts.length > 1 ? parts.slice(1) : parts);

/** Dot products in a row (recursively): a^T b, a^⊤ b, a·b, a \cdot b, ⟨a, b⟩. */
/** A feature map of the input, wᵀφ(x), w · φ(x): a vector standing for the input. */
const featureMap = (x: Node | undefined) => !!x && x.k === 'apply' && x.head.k === 'sym' && /^(phi|varphi|psi)$/.test(x.head.name);

/** u_w, v'_{w_O}, v_{w_I}: a word's vector, indexed by the word. */
const wordIndexed = (x: Node): boolean => x.k === 'sym' && /^[uv]$/.test(x.name) && !x.sup && /^w/.test(subText(x.sub).replace(/\s/g, ''));

function dots(n: Node | Node[]): Array<{ a: Node; b: Node }> {
  const out: Array<{ a: Node; b: Node }> = [];
  const rows: Row[] = [];
  for (const m of all(n)) if (m.k === 'row') rows.push(m.items);
  if (Array.isArray(n)) rows.push(n);
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = r[i + 1];
      if (!b) continue;
      const vec = (x: Node) => x.k === 'sym' || (x.k === 'group' && (x.delim === '(' || x.delim === ''));
      // (A feature map of the input, wᵀφ(x), w · φ(x), is a vector too.)
      if (vec(a) && 'sup' in a && isTransposeSup(a.sup) && (b.k === 'sym' || b.k === 'group' || featureMap(b))) out.push({ a, b });
      else if (a.k === 'sym' && b.k === 'op' && (b.v === '·' || b.v === '.') && r[i + 2] && (r[i + 2].k === 'sym' || featureMap(r[i + 2]))) out.push({ a, b: r[i + 2] });
      // (Two word vectors side by side, v'_{w_O} v_{w_I}: word2vec's notes leave the dot product unwritten.)
      else if (wordIndexed(a) && wordIndexed(b)) out.push({ a, b });
    }
  }
  return out;
}

/** "exp of one thing over a sum of exps": returns the numerator's exp argument. */
function softmaxFrac(f: Frac): Node | null {
  const num = rowOf(f.num);
  const numExps = num.filter((x) => x.k === 'apply' && x.fn === 'exp');
  if (numExps.length !== 1 || num.some((x) => x.k === 'op' && (x.v === '+' || x.v === '-'))) return null;
  const den = rowOf(f.den);
  // (The sum may be written out, e^{z_1} + e^{z_2} + … + e^{z_N}, with the numerator's exponential among its terms.)
  // (Or the terms run over the indices 1, 2, …, K of the numerator's own score, e^{z_k} / (e^{z_1} + e^{z_2} + ⋯ + e^{z_K}).)
  const numIndexed = indexTemplate(show(numExps[0]));
  const sameScore = (x: Node) => show(x) === show(numExps[0]) || (!!numIndexed && numIndexed.letters && indexTemplate(show(x))?.template === numIndexed.template);
  const sumOfExps = (term: (x: Node) => boolean) => den.length >= 3 && den.every((x) => (x.k === 'apply' && x.fn === 'exp' && term(x)) || (x.k === 'op' && (x.v === '+' || x.v === '…')));
  const writtenOut = sumOfExps(() => true) && den.filter((x) => x.k === 'apply').length >= 2 && den.some((x) => x.k === 'apply' && show(x) === show(numExps[0])) && !den.some((x) => x.k === 'apply' && rowOf(x.arg).every((y) => y.k === 'num'));
  const runsOver = !writtenOut && !!numIndexed?.letters && sumOfExps(sameScore) && den.some((x) => x.k === 'apply' && indexTemplate(show(x))?.numbered);
  const denHasSum = writtenOut || runsOver || den.some((x) => x.k === 'big' && x.v === 'sum') || den.some((x) => x.k === 'sym' && x.name === '1' ) || den.some((x) => x.k === 'sym' && isTransposeSup(x.sup));
  const denExps = applies(f.den, ['exp']);
  if (!denHasSum || denExps.length === 0) return null;
  if (den.some((x) => isNum(x, 1)) && den.some((x) => x.k === 'op' && x.v === '+')) return null; // 1 + e^x: sigmoid
  return (numExps[0] as Apply).arg;
}

/**
 * `|a · b| ≤ |a| |b|`: the product of two vectors in bars on the left, the product of their lengths in single bars on
 * the right (multiplied, never added: `|a + b| ≤ |a| + |b|` is the triangle inequality).
 */
function lengthsMultiplied(left: Row, right: Row): boolean {
  const bars = right.filter((x): x is Group => x.k === 'group' && x.delim === '|');
  if (bars.length !== 2 || right.length !== 2) return false;
  const letters = bars.map((b) => (b.body.k === 'row' && b.body.items.length === 1 && b.body.items[0].k === 'sym' ? b.body.items[0].name : null));
  if (!letters[0] || !letters[1] || letters[0] === letters[1]) return false;
  const outer = left.length === 1 && left[0].k === 'group' && left[0].delim === '|' ? rowOf(left[0].body) : null;
  if (!outer || hasOp(outer, '+') || hasOp(outer, '-')) return false;
  const names = outer.filter((x): x is Sym => x.k === 'sym').map((x) => x.name);
  return names.length === 2 && names.includes(letters[0]) && names.includes(letters[1]);
}

/**
 * A term with its index letters and numbers blanked, `exp(a^{(k)} X + b^{(k)})` → `exp(a^{(#)} X + b^{(#)})`: the same
 * template for every term of a written-out sum over k; `letters` when the indices are letters, `numbered` when numbers.
 */
function indexTemplate(text: string): { template: string; letters: boolean; numbered: boolean } | null {
  let letters = false;
  let numbered = false;
  const template = text.replace(/([_^])\{(\(?)([A-Za-z]|[0-9]{1,2})(\)?)\}/g, (_m, mark: string, open: string, index: string, close: string) => {
    if (/[0-9]/.test(index)) numbered = true;
    else letters = true;
    return `${mark}{${open}#${close}}`;
  });
  return letters || numbered ? { template, letters, numbered } : null;
}

/** 1/(1+exp(−a)), e^a/(1+e^a), (1+e^{−a})^{−1}: returns the argument a. */
function sigmoidForm(n: Node): Node | null {
  if (n.k === 'frac') {
    const den = rowOf(n.den);
    const plus = den.findIndex((x) => x.k === 'op' && x.v === '+');
    if (plus < 0 || !den.some((x) => isNum(x, 1))) return null;
    const e = den.find((x): x is Apply => x.k === 'apply' && x.fn === 'exp');
    if (!e || den.length > 3) return null;
    if (onlyNum(n.num, 1)) return stripMinus(e.arg);
    const numE = rowOf(n.num);
    if (numE.length === 1 && numE[0].k === 'apply' && (numE[0] as Apply).fn === 'exp') return e.arg;
    return null;
  }
  if (n.k === 'group' && n.sup && subText(n.sup) === '-1') {
    const body = rowOf(n.body);
    const e = body.find((x): x is Apply => x.k === 'apply' && x.fn === 'exp');
    if (e && body.some((x) => isNum(x, 1))) return stripMinus(e.arg);
  }
  return null;
}
/** 1 + e^{−a} below a fraction bar: returns a, whatever stands above the bar. */
function logisticOf(den: Node): Node | null {
  return sigmoidForm({ k: 'frac', num: { k: 'row', items: [{ k: 'num', v: 1, raw: '1' }] }, den });
}
function stripMinus(n: Node): Node {
  const r = rowOf(n);
  if (r[0]?.k !== 'op' || r[0].v !== '-') return n;
  // (−ax − b, every term negated: the score ax + b.)
  const rest = r.slice(1);
  return { k: 'row', items: rest.some((x) => x.k === 'op' && x.v === '+') ? rest : rest.map((x) => (x.k === 'op' && x.v === '-' ? { ...x, v: '+' } : x)) };
}

function tanhForm(f: Frac): boolean {
  const num = rowOf(f.num);
  const den = rowOf(f.den);
  const e1 = applies(num, ['exp']).length;
  const e2 = applies(den, ['exp']).length;
  // e^z − e^{−z} over e^z + e^{−z}: the minus stands between two terms (a leading minus is a sign, as in σ′).
  return e2 >= 1 && e1 >= 1 && num.some((x, i) => i > 0 && x.k === 'op' && x.v === '-') && den.some((x) => x.k === 'op' && x.v === '+') && !den.some((x) => x.k === 'big');
}

/** d a / d b or ∂a/∂b. */
function derivative(f: Frac): { of: Row; wrt: Row } | null {
  const isD = (x: Node | undefined) => !!x && ((x.k === 'sym' && (x.name === 'partial' || x.name === 'd')) || (x.k === 'op' && x.v === '∂'));
  const num = rowOf(f.num);
  const den = rowOf(f.den);
  if (!isD(num[0]) || !isD(den[0])) return null;
  // "dL" parses as d followed by L; "\partial z" likewise.
  return { of: num.slice(1), wrt: den.slice(1) };
}
/** Two rows written alike (spaces aside): the same quantity. */
const sameRow = (a: Row, b: Row) => show({ k: 'row', items: a }).replace(/\s/g, '') === show({ k: 'row', items: b }).replace(/\s/g, '');
const derivs = (n: Node | Node[] | undefined) => fracs(n).map(derivative).filter((d): d is { of: Row; wrt: Row } => !!d);
/** Every row of a node or row (itself first, then the rows inside it): where adjacent items are read as products. */
/** A row and the lines of the blocks in it, each line's cells joined (`y &∼ Bernoulli(p)` as one row). */
const cellsJoined = (root: Row): Row[] => [root, ...all(root).flatMap((x) => (x.k === 'env' ? x.rows.map((cells) => cells.flatMap((c) => rowOf(c))) : []))];
const rowsIn = (n: Node | Node[] | undefined): Row[] => [Array.isArray(n) ? n : rowOf(n), ...all(n).filter((m): m is Extract<Node, { k: 'row' }> => m.k === 'row').map((m) => m.items)];
/** The derivative a node is, or the first one a bracketed factor holds. */
const derivativeIn = (x: Node | undefined) => (x?.k === 'frac' ? derivative(x) : x?.k === 'group' ? rowOf(x.body).map((y) => (y.k === 'frac' ? derivative(y) : null)).find(Boolean) ?? null : null);
/**
 * Derivatives multiplied in some row: adjacent, with · / × / * / . between them, element-wise (⊙, ∘: through an
 * activation applied entry by entry), or a TeX tie (`\frac{dg}{dh} ~ \frac{dh}{dx}`).
 */
function derivativePairs(n: Node | Node[]): Array<[{ of: Row; wrt: Row }, { of: Row; wrt: Row }]> {
  const pairs: Array<[{ of: Row; wrt: Row }, { of: Row; wrt: Row }]> = [];
  for (const r of rowsIn(n)) {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = derivativeIn(r[i]);
      if (!a) continue;
      // (∂f/∂y_i (g_1(x), …, g_m(x)) · dg_i/dx: the point a derivative is taken at, written after it, is passed over.)
      const at = r[i + 1]?.k === 'group' && (r[i + 1] as Group).delim === '(' && !derivs(r[i + 1]).length && r[i + 2] ? 1 : 0;
      const nx = r[i + 1 + at];
      const b = derivativeIn(nx) ?? (nx.k === 'op' && ['·', '×', '*', '∗', '.', '~', '⊙', '∘'].includes(nx.v) ? derivativeIn(r[i + 2 + at]) : null);
      if (b) pairs.push([a, b]);
    }
  }
  return pairs;
}
/** Whether some row multiplies two derivatives. */
const derivProducts = (n: Node | Node[]) => derivativePairs(n).length > 0;
/** Whether some row multiplies two derivatives linked through the variable they share (∂L/∂z · ∂z/∂w, or ∂a/∂z ∂C/∂a). */
const linkedDerivProducts = (n: Node | Node[]) => derivativePairs(n).some(([a, b]) => (a.wrt.length > 0 && sameRow(a.wrt, b.of)) || (a.of.length > 0 && sameRow(a.of, b.wrt)));
/** Some letter indexed by a time step (u^t, s_{t+N}, h_{t−1}) or a sum running up to t or T: a derivation that may be through time. */
const stepIndexed = (root: Row) => all(root).some((x) => (x.k === 'sym' && [subText(x.sub), subText(x.sup)].some((i) => /(^|[^A-Za-z])t([^A-Za-z]|$)/.test(i))) || (x.k === 'big' && /(^|[^A-Za-z])[tT]([^A-Za-z]|$)/.test(subText(x.sup))));
/** Why weights tagged as the left side is, on the layer below, make a layer without a bias. */
const LAYER_TAGGED = 'z^l = W^l a^{l−1}: the weights of layer l, tagged as the left side is, on the layer below';
/** dz/dx = dz/dy · dy/dx with the factors linked through y: the structure that is the chain rule. */
const CHAIN_LINKED = 'dz/dx = dz/dy · dy/dx, each factor linked to the next through the variable they share';

/** x · 1/(1 + e^{−x}), `x*\\frac{1}{1+e^{-x}}`: a variable times the sigmoid of itself written out (SiLU, Swish), under any name. */
function timesSigmoidWritten(right: Row): boolean {
  const factors = right.filter((n) => !(n.k === 'op' && ['*', '\\cdot', '·', '⋅', '\\times'].includes(n.v)));
  const [v, f] = factors;
  if (factors.length !== 2 || v.k !== 'sym' || f.k !== 'frac' || show(f.num).replace(/\s/g, '') !== '1' || !hasOp(rowOf(f.den), '+')) return false;
  const exponents = [...syms(f.den).filter((x) => x.name === 'e' && !!x.sup).map((x) => x.sup), ...applies(rowOf(f.den), ['exp']).map((a) => a.arg)];
  return exponents.some((x) => syms(x).some((y) => y.name === v.name));
}

/**
 * σ(x) = e^{s(x)}, one exponential (a positive scale parametrised by its log); σ(z) = z, the identity; σ(z) = z/(1 + e^{−z}),
 * the argument over the sigmoid's denominator (Swish, z·σ(z)): σ is defined as something other than the sigmoid.
 */
function sigmaRedefined(root: Row): boolean {
  const { parts } = sides(root);
  const lhs = parts[0] ?? [];
  if (parts.length >= 2 && timesSigmoidWritten(parts[parts.length - 1])) return true;
  const fn = lhs.length === 1 && lhs[0].k === 'apply' ? lhs[0] : null;
  if (!fn || parts.length < 2) return false;
  const arg = show(fn.arg).replace(/\s/g, '');
  const right = parts[1];
  const same = (n: Node | Row) => show(Array.isArray(n) ? { k: 'row', items: n } : n).replace(/\s/g, '') === arg;
  // (Any function so defined, f(z) = z/(1 + e^{−z}) or f(x) = x σ(x), is Swish, whatever its letter.)
  const swish = right.length === 1 && right[0].k === 'frac' && same(rowOf(right[0].num)) && hasOp(rowOf(right[0].den), '+') && (applies(rowOf(right[0].den), ['exp']).length > 0 || syms(right[0].den).some((x) => x.name === 'e' && !!x.sup));
  const timesSigmoid = right.length === 2 && same(right[0]) && right[1].k === 'apply' && ['sigma', 'sigmoid'].includes(right[1].fn) && same(rowOf(right[1].arg));
  if (swish || timesSigmoid) return true;
  if (!['sigma', 'sigmoid'].includes(fn.fn)) return false;
  const last = parts[parts.length - 1];
  const oneExponential = last.length === 1 && ((last[0].k === 'sym' && last[0].name === 'e' && !!last[0].sup) || (last[0].k === 'apply' && last[0].fn === 'exp'));
  return oneExponential || (right.length === 1 && right[0].k === 'sym' && same(right[0]));
}
/**
 * √((1/n) Σ (y_i − ŷ_i)²), RMSE = √(…): the root of the mean squared error is another quantity (the root mean squared
 * error, outside the catalog) — the mean squared error is not named for it.
 */
function rootOfMeanSquares(trees: Row[], cands: Map<ConceptId, { why: string }>): ConceptId[] {
  // (A formula that names the MSE keeps the name: `MSE = √(…)` is the note's own word.)
  if (cands.get('mse')?.why.startsWith('named')) return [];
  const rooted = trees.some((t) => {
    const { parts } = sides(t);
    const last = parts[parts.length - 1]?.filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v))) ?? [];
    return last.length === 1 && last[0].k === 'sqrt' && (bigs(last[0].body, 'sum').length > 0 || fracs(last[0].body).length > 0) && all(last[0].body).some((x) => 'sup' in x && subText(x.sup) === '2');
  });
  if (!rooted) return [];
  cands.delete('mse');
  return ['mse'];
}

/**
 * H(Y | X) = …: a conditional entropy, one distribution's uncertainty given another, is neither a cross-entropy nor a
 * negative log-likelihood (H(p, q), with a comma, is the cross-entropy, even of a conditional, H(p, q(·|x))).
 */
function conditionalEntropy(trees: Row[], cands: Map<ConceptId, unknown>): ConceptId[] {
  const given = (t: Row) => { const { parts } = sides(t); const lhs = parts[0] ?? []; return parts.length >= 2 && lhs.length === 1 && lhs[0].k === 'apply' && lhs[0].fn === 'H' && rowOf(lhs[0].arg).some((x) => x.k === 'op' && x.v === '|'); };
  if (!trees.some(given)) return [];
  const out: ConceptId[] = ['cross-entropy', 'negative-log-likelihood'];
  for (const id of out) cands.delete(id);
  return out;
}

/** What a window of weights slid over the input rules out (slidWeights): the weighted sums of all inputs. */
function convolved(trees: Row[], cands: Map<ConceptId, unknown>): ConceptId[] {
  if (!trees.some(slidWeights)) return [];
  const out: ConceptId[] = ['affine-layer', 'mlp', 'linear-regression'];
  for (const id of out) cands.delete(id);
  return out;
}

/** What σ redefined rules out: the sigmoid and the model built on it (the learned model may not name them either). */
function notTheSigmoid(trees: Row[], cands: Map<ConceptId, unknown>): ConceptId[] {
  if (!trees.some(sigmaRedefined)) return [];
  const out: ConceptId[] = ['sigmoid', 'logistic-regression'];
  for (const id of out) cands.delete(id);
  return out;
}

/**
 * log p(d | w)/p(d), log p(x, y)/(p(x) p(y)): a conditional over its own marginal, or a joint over the product of its
 * marginals — mutual information's ratio (outside the catalog), not two distributions of one variable.
 */
function mutualInformation(logs: Apply[]): boolean {
  return logs.some((l) => {
    const a = rowOf(l.arg);
    if (a.length !== 1 || a[0].k !== 'frac') return false;
    const num = applies(a[0].num).filter(isProb);
    const den = applies(a[0].den).filter(isProb);
    // (What a conditional is of: its argument before the bar.)
    const before = (q: Apply) => {
      const r = rowOf(q.arg);
      const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
      return show({ k: 'row', items: bar > 0 ? r.slice(0, bar) : r }).replace(/\s/g, '');
    };
    const conditionalOverMarginal = num.length === 1 && den.length === 1 && hasOp(num[0].arg, '|') && !hasOp(den[0].arg, '|') && before(num[0]) === show(den[0].arg).replace(/\s/g, '');
    const jointOverMarginals = num.length === 1 && den.length === 2 && hasOp(num[0].arg, ',') && !hasOp(num[0].arg, '|');
    return conditionalOverMarginal || jointOverMarginals;
  });
}

/** Why an activation is named for a line that works out its derivative (explained with the function and a note that the line is its slope). */
const TANH_DERIVATIVE = 'tanh′(z) = 1 − tanh²(z)';
/** Why f′(x) = 1 − f(x)², the derivative written with the function's own letter, is the tanh's. */
const TANH_SAME_LETTER = "f′(x) = 1 − f(x)²: the tanh's derivative";
const derivativeOf = (id: ConceptId) => `named: the derivative of ${id}`;

/** The state at step t computed from the state before and the input (h_t = f(x_t, h_{t−1}), s_t = R(s_{t−1}, x_t)): why it is the recurrent network. */
const RECURRENCE_STEP = 'h_t = f(x_t, h_{t−1}): the recurrence';

/** A ∂ written before what it differentiates (`∂L(θ)`, `∂_θ L`), or a gradient named `grad`. */
function partialOf(n: Node | Node[] | undefined): boolean {
  return rowsIn(n).some((r) => r.some((x, i) => (x.k === 'sym' && x.name === 'partial' && !x.sup && (r[i + 1]?.k === 'apply' || (r[i + 1]?.k === 'sym' && /^[A-Zℓ]|^ell$/.test((r[i + 1] as Sym).name)))) || (x.k === 'name' && x.v === 'grad') || (x.k === 'apply' && x.fn === 'grad')));
}
const hasGradient = (n: Node | Node[] | undefined) => hasSym(n, 'nabla') || derivs(n).length > 0 || syms(n).some((s) => s.name === 'partial' && !!s.sub) || partialOf(n);

/**
 * (1/m) Σ (ŷ − y)², (1/N) ‖t − Xθ‖²: squared errors averaged by an explicit 1/m, tied with the linear model or the
 * empirical risk they belong to, are the mean squared error the formula writes out.
 */
function averagedSquares(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row): void {
  const top = sorted[0];
  const mse = sorted.find((c) => c.id === 'mse');
  const rival = sorted.find((c) => c.id === 'linear-regression' || c.id === 'empirical-risk');
  if (!top || !mse || !rival || (top !== mse && top !== rival) || Math.abs(mse.score - rival.score) >= 0.15) return;
  const mean = fracs(items).some((f) => onlyNum(f.num, 1) && /^[mnNM]$/.test(subText(f.den).replace(/\s/g, '')));
  const squared = all(items).some((x) => 'sup' in x && !!x.sup && onlyNum(x.sup, 2));
  if (!mean || !squared) return;
  sorted.splice(sorted.indexOf(mse), 1);
  sorted.unshift({ ...mse, score: Math.max(top.score, mse.score) + MARGIN, why: `${mse.why}, averaged by 1/m` });
}
/**
 * A log-likelihood without a minus sign is not the loss (negative log-likelihood, cross-entropy …) it is close to: those
 * candidates go, but for the Bernoulli log-likelihood, which keeps its name with a why that says so.
 */
function unsignedLosses(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row, src: string): void {
  // (In a derivation, l(β) = Σ{y log p + …} = … − log(1 + e^{…}), the sign is the first line's: what it defines.)
  const lines = blockLines(src);
  const derivation = lines.length >= 2 && lines.slice(1).every((l) => /^\s*(=|\\approx|≈)/.test(l));
  if (!negated(derivation ? oneLine(parseTex(lines[0]).items) : items)) {
    // (log(1 + e^{−y f(x)}) is the logistic loss itself, written without a minus.)
    // (Nor is perplexity as the N-th root of Π 1/P, which needs no minus.)
    // (The Bernoulli log-likelihood, y log p + (1 − y) log(1 − p), is the binary cross-entropy's own sum with the sign
    // left off: named so, and said so — unless the formula says it is a likelihood, log L(θ) = …, the estimate's.)
    const likelihood = sorted.some((c) => c.id === 'maximum-likelihood' && !c.why.startsWith('related')) || likelihoodLhs(items);
    const { parts } = sides(items);
    // (Or its log named on the left, log(L) = Σ y log ŷ + (1 − y) log(1 − ŷ): the log-likelihood the estimate maximises.)
    const maximised = parts.length > 1 && (maximisedLikelihood(parts[0]) || (applies(parts[0], ['log', 'ln']).length > 0 && syms(parts[0]).some((x) => /^(L|l|ell)$/.test(x.name))));
    for (let i = sorted.length - 1; i >= 0; i--) {
      if (sorted[i].why === BERNOULLI && !likelihood) sorted[i] = { ...sorted[i], why: `${BERNOULLI} with no minus: the log-likelihood, which binary cross-entropy negates` };
      // (With the likelihood maximised on the left, max ln L = Σ y ln f + (1 − y) ln(1 − f), or log p(D) = …, it is the estimate's objective.)
      else if (sorted[i].why === BERNOULLI && maximised) sorted[i] = { id: 'maximum-likelihood', score: sorted[i].score, why: LABELS_LIKELIHOOD };
      // (Nor the cross-entropy as an entropy and a divergence, or as the log of a reciprocal, ∫ p log 1/q.)
      else if (SIGNED_LOSSES.has(sorted[i].id) && !sorted[i].why.startsWith('named') && !sorted[i].why.includes('the logistic loss') && !sorted[i].why.startsWith('N-th root') && sorted[i].why !== CROSS_ENTROPY_SPLIT && sorted[i].why !== CROSS_ENTROPY_UNDER && sorted[i].why !== LOG_SUM_EXP_LOSS) sorted.splice(i, 1);
    }
  }
}

const CROSS_ENTROPY_SPLIT = 'H(p, q) = H(p) + D_KL(p ‖ q): the entropy and the divergence';
const CROSS_ENTROPY_UNDER = '−∫ p(x) log q(x) dx: the cross-entropy of q under p';

/** The letter a sum runs over: i of Σ_{i=1}^{n}, k of Σ_k. */
const sumIndexOf = (b: Node): string | undefined => (b.k === 'big' ? syms(b.sub)[0]?.name : undefined);

/** p(D), P(𝒟 | θ): the probability of a data set 𝒟. */
function ofDataSet(a: Apply): boolean {
  const first = rowOf(a.arg)[0];
  return /^[pP]$/.test(a.fn) && first?.k === 'sym' && first.name === 'D' && !first.sub && (rowOf(a.arg).length === 1 || hasOp(a.arg, '|'));
}

/**
 * The parameter a likelihood is of: L(θ), ℓ(μ, σ²); or the data set's probability given it, p(𝒟 | μ), the parameters
 * after the bar.
 */
function likelihoodParameter(lhsApply: Apply | null | undefined): Sym | undefined {
  const paramOf = (r: Row) => syms(r).find((y) => PARAM_LETTER.test(y.name) || /^(mu|sigma|lambda|p|pi|phi|alpha)$/.test(y.name));
  if (!lhsApply) return undefined;
  if (/^(L|ell|l)$/.test(lhsApply.fn)) return paramOf(rowOf(lhsApply.arg));
  const r = rowOf(lhsApply.arg);
  return ofDataSet(lhsApply) ? paramOf(r.slice(r.findIndex((x) => x.k === 'op' && x.v === '|') + 1)) : undefined;
}

/**
 * θ^k (1 − θ)^{N−k}, μ^{x_i} (1 − μ)^{1−x_i}: the parameter and its complement each raised to a power — a Bernoulli's
 * probabilities. (μ^{x_i}(1 − μ)^{1−x_i} reads as the power μ^{x_i} applied to the raised bracket: both powers at once.)
 */
function bernoulliPowers(rhs: Row, name: string): boolean {
  const powerOf = (x: Node) => (x.k === 'sym' && x.name === name && !!x.sup) || (x.k === 'group' && !!x.sup && isNum(rowOf(x.body)[0], 1) && syms(x.body).some((y) => y.name === name));
  const bothPowers = (x: Node) => x.k === 'apply' && !!x.sup && x.head.k === 'sym' && x.head.name === name && !!x.head.sup && isNum(rowOf(x.arg)[0], 1) && syms(x.arg).some((y) => y.name === name);
  return rhs.filter(powerOf).length >= 2 || rhs.some(bothPowers);
}

/** The left side maximises a likelihood, `max L`, `max ln L⁻` (L in any script), or is the log of the data's probability, `log p(D)`. */
function maximisedLikelihood(lhs: Row): boolean {
  const L = (x: Node | undefined) => !!x && x.k === 'sym' && x.name === 'L' && !x.mods.includes('cal');
  const logArg = (x: Node | undefined) => (x?.k === 'apply' && ['log', 'ln'].includes(x.fn) && rowOf(x.arg).length === 1 ? rowOf(x.arg)[0] : undefined);
  const logOfData = (x: Node | undefined) => { const a = logArg(x); return a?.k === 'apply' && ofDataSet(a); };
  const maxed = lhs[0]?.k === 'name' && /^(arg ?)?max$/i.test(lhs[0].v) && lhs.length === 2 && (L(lhs[1]) || L(logArg(lhs[1])) || logOfData(lhs[1]));
  return maxed || (lhs.length === 1 && logOfData(lhs[0]));
}

/** The left side names a likelihood: a log of something (log L(θ), ln p(D | μ)), or L, l, ℓ, LL. */
function likelihoodLhs(root: Row): boolean {
  const { parts } = sides(root);
  if (parts.length < 2) return false;
  const lhs = parts[0];
  const head = lhs[0];
  return applies(lhs, ['log', 'ln']).length > 0 || (head?.k === 'sym' && /^(L|l|ell|ℓ)$/.test(head.name)) || (head?.k === 'apply' && /^(L|l|ell|ℓ|LL)$/.test(head.fn)) || (head?.k === 'name' && /^(LL|log)/.test(head.v));
}

/** Why a likelihood maximised on the left side is maximum likelihood, whatever the right side writes out. */
const LIKELIHOOD_MAXIMISED = 'max L = Π …, log p(D) = Σ …: the likelihood of the data (or its log), what maximum likelihood maximises';
/** Why the Bernoulli log-likelihood with the likelihood maximised on the left is maximum likelihood's objective. */
const LABELS_LIKELIHOOD = 'y log p + (1−y) log(1−p) maximised: the log-likelihood of the labels';

/** Why a label and its complement weighting the logs of p and 1 − p is binary cross-entropy. */
const BERNOULLI = 'y log p + (1−y) log(1−p)';

/** Why a composition of numbered functions is a network: one function per layer. */
const LAYER_COMPOSITION = 'f_L ∘ … ∘ f_1: a composition of layers';

/** Why an affine step from the previous state and the current input is an RNN's. */
const RECURRENT_SUM = 'a^{(t)} = b + W h^{(t−1)} + U x^{(t)}';

/**
 * Evidence from the shape of a recurrence or of a word-pair classifier, whatever the function is called:
 * h_t = f(x_t, h_{t−1}) (an RNN step), P(D = 1 | w, c) (negative sampling's "real pair?" classifier).
 */
function detectShapes(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  // (z_h^{⟨t⟩}: a name below the letter and the step above it — the step is the index that holds a t.)
  const step = (x: Sym) => {
    const sub = subText(x.sub);
    const sup = subText(x.sup).replace(/[()⟨⟩]/g, '');
    return (sub && (/t|τ/.test(sub) || !/t|τ/.test(sup)) ? sub : sup).replace(/['′]|prime/g, '');
  };
  // (The first right side of a chain too: h^{(t)} = f(h^{(t−1)}, x^{(t)}; θ) = g^{(t)}(x^{(t)}, …, x^{(1)}).)
  // (Or written forward, h_{t+1} = f(h_t, x_t): the next state from this one and this step's input.)
  const forward = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'sym' && /^t\+1$/.test(step(parts[0][0] as Sym).replace(/\s/g, ''));
  if (parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'sym' && (/^t$/.test(step(parts[0][0] as Sym)) || forward)) {
    const h = parts[0][0] as Sym;
    const rhs = parts[1].filter((x) => !(x.k === 'op' && (x.v === '.' || x.v === ',')));
    // (max(β V_{t−1} + …, V_{t−1}) keeps a running maximum: a function of arithmetic, not a network's step.)
    if (rhs.length === 1 && rhs[0].k === 'apply' && !/^(max|min|log|ln|exp|abs|sqrt|clip|mean|E)$/.test(rhs[0].fn)) {
      const args = rowOf(rhs[0].arg).filter((x): x is Sym => x.k === 'sym');
      const prev = args.some((x) => x.name === h.name && (forward ? /^t$/ : /^t-1$/).test(step(x)));
      const input = args.some((x) => x.name !== h.name && /^t$/.test(step(x)));
      // A decoder step: its own previous output y_{t−1} and a context c from the encoder.
      // (The context may be one vector c or one per step, c_t; the previous output is a y, o or word w.)
      const decoder = args.some((x) => x.name !== h.name && /^t-1$/.test(step(x)) && (/^[yow]$/.test(x.name) || !args.some((c) => c.name === 'c' && !!c.sub))) && args.some((x) => x.name === 'c' && (!x.sub || /^[ti]$/.test(step(x))));
      if (prev && decoder) add('seq2seq', 3.4, 's_t = g(y_{t−1}, c, s_{t−1}): a decoder step');
      else if (prev && input) add('rnn', 3, RECURRENCE_STEP);
    }
  }
  // (A step and the one before it: t and t−1, or t+1 and t; compared without spaces.)
  const PREVIOUS: Record<string, string> = { t: 't-1', 't+1': 't' };
  const stepOf = (x: Sym) => step(x).replace(/\s/g, '');
  // (The state's pre-activation may be named `net`, net_t = U x_t + W s_{t−1}: its step is on the word's last letter.)
  const netWord = parts.length === 2 && parts[0].length === 3 && parts[0].every((x) => x.k === 'sym' && !x.mods.length) && parts[0].map((x) => (x as Sym).name).join('') === 'net';
  const lhsStepSym = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? (parts[0][0] as Sym) : netWord ? (parts[0][2] as Sym) : undefined;
  const headStep = lhsStepSym ? stepOf(lhsStepSym) : '';
  // An affine step from the previous state and the current input: a^{(t)} = b + W h^{(t−1)} + U x^{(t)}.
  // (At a step other than t, z_k = U h_{k−1} + W x_k + b, only a state letter one step back and an input letter at the
  // step count: a layer's index, z_l = W_l a_{l−1} + b_l, reads no input of its own.)
  // (So at a numbered step, h_1 = U x_1 + W h_0: the state one step back and the input at the step.)
  const numbered = !PREVIOUS[headStep] && /^[1-9]$/.test(headStep);
  const otherStep = !PREVIOUS[headStep] && (/^([ijknτ]|tau)$/.test(headStep) || numbered);
  const previous = PREVIOUS[headStep] ?? (numbered ? String(Number(headStep) - 1) : otherStep ? `${headStep}-1` : '');
  if (previous && hasOp(parts[1], '+')) {
    const top = parts[1].filter((x): x is Sym => x.k === 'sym');
    const prevState = top.some((x) => stepOf(x) === previous && (otherStep ? /^[hsHS]$/ : /^[a-z]$/i).test(x.name));
    // (The input may be written without its step, W^{xh} x + W^{hh} h_{t−1}.)
    // (At another step letter too, when a weight is named for the state's own recurrence, W^{hh}.)
    const namedRecurrence = top.some((x) => /^[WUV]$/.test(x.name) && /^(hh|ss|aa)$/.test((subText(x.sub) || subText(x.sup)).replace(/[\s,{}]/g, '')));
    const input = otherStep ? top.some((x) => /^[xXeE]$/.test(x.name) && (stepOf(x) === headStep || (namedRecurrence && !step(x)))) : top.some((x) => (stepOf(x) === headStep && x.name !== lhsStepSym?.name) || (/^[xX]$/.test(x.name) && !step(x)));
    // (Weights are capitals, or w, u, v written before the letter they multiply: b + w s_{t−1} + u x_t, w_{aa} a^{⟨t−1⟩}.)
    const rhsItems = parts[1];
    // (Or with the product written, w_{ax} · x^{⟨t⟩}.)
    const multiplied = (i: number) => rhsItems[i + 1]?.k === 'sym' || (rhsItems[i + 1]?.k === 'op' && ['·', '*', '×'].includes((rhsItems[i + 1] as { v: string }).v) && rhsItems[i + 2]?.k === 'sym');
    const weights = top.filter((x) => /^[A-Z]$/.test(x.name) || (/^[wuv]$/.test(x.name) && !/^(t|t[+-]1|tau|τ)$/.test(stepOf(x)) && multiplied(rhsItems.indexOf(x)))).length >= 2;
    if (prevState && input && weights) add('rnn', 3.1, RECURRENT_SUM);
  }
  // A state updated from itself through the weights named for it, h = tanh(W_hh h + W_xh x) in code that keeps one
  // variable per state: the recurrence, its step left to the loop around it.
  const stateLetter = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' && /^[hsa]$/.test((parts[0][0] as Sym).name) && !(parts[0][0] as Sym).sub && !(parts[0][0] as Sym).sup ? (parts[0][0] as Sym).name : '';
  const recurrentWeight = (x: Node | undefined, i: number, r: Row) => x?.k === 'sym' && /^[WUV]$/.test(x.name) && subText(x.sub).replace(/[\s,]/g, '') === stateLetter + stateLetter && r[i + 1]?.k === 'sym' && (r[i + 1] as Sym).name === stateLetter;
  if (stateLetter && rowsIn(parts[1]).some((r) => r.some((x, i) => recurrentWeight(x, i, r)))) add('rnn', 3.4, `W_{${stateLetter}${stateLetter}} ${stateLetter}: the state computed from itself through its recurrent weights`);
  // The state at step t as the activation of that step's weighted input: h_t = tanh(z_t), s_t = f(a_t).
  if (PREVIOUS[headStep] && /^[hsHS]$/.test((parts[0][0] as Sym).name)) {
    const rhs = parts[1].filter((x) => !(x.k === 'op' && (x.v === '.' || x.v === ',')));
    const only = rhs.length === 1 && rhs[0].k === 'apply' && /^(tanh|sigmoid|relu|f|g|phi|varphi)$/.test(rhs[0].fn) ? rowOf(rhs[0].arg) : [];
    if (only.length === 1 && only[0].k === 'sym' && stepOf(only[0]) === headStep && !/^[xXhHsS]$/.test(only[0].name)) add('rnn', 3.3, 'h_t = tanh(a_t): the state at step t, the activation of its weighted input');
  }
  // Shorthand: one next-token probability given its whole prefix, P(w_t | w_{<t}), P(x_t | x_{1:t−1}; θ) — what a
  // language model gives (notes by others label it so ten times in eleven); given only the step before, P(w_t | w_{t−1}),
  // a language model only when the words around it say so.
  if (root.length === 1 && root[0].k === 'apply' && /^[pP]$/.test(root[0].fn)) {
    const r = rowOf(root[0].arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    const target = r[0];
    if (bar === 1 && target.k === 'sym' && /^t$|^i$|^n$/.test(subText(target.sub))) {
      const given = r.slice(bar + 1);
      const earlier = (re: RegExp) => given.some((x) => x.k === 'sym' && x.name === target.name && re.test(subText(x.sub).replace(/\s/g, '')));
      // (Given later tokens too, w_{t+1:n}, it is a bidirectional model's, not the next token's.)
      const later = given.some((x) => x.k === 'sym' && /^(>[tin]|[tin]\+1)/.test(subText(x.sub).replace(/\s/g, '')));
      // (Given the last two or more words by their offsets, w_{t−2}, w_{t−1}, it is a fixed window: an n-gram's.)
      const offsets = given.filter((x): x is Sym => x.k === 'sym').map((x) => (x.name === target.name ? /^[tin]-([0-9])$/.exec(subText(x.sub).replace(/\s/g, ''))?.[1] : undefined));
      const windowed = offsets.length >= 2 && offsets.every((o) => !!o) && new Set(offsets).size === offsets.length && Math.max(...offsets.map(Number)) === offsets.length && offsets.includes('1');
      if (!later && windowed) add('ngram-markov', 3.1, 'P(w_t | w_{t−2}, w_{t−1}): the next word given a fixed window of the last ones');
      else if (!later && earlier(/^(<[tin]|1:[tin]-1)$/)) add('language-model', 2.4, 'P(w_t | w_{<t}): the next token given all the ones before');
      else if (!later && earlier(/^[tin]-1$/)) add('language-model', 1.6, 'P(w_t | w_{t−1}): the next token given the one before');
    }
    // (Every word before it listed, P(w_5 | w_1, w_2, w_3, w_4) or P(w_t | w_1, …, w_{t−1}): the next word given all of them.)
    const own = (x: Node): x is Sym => x.k === 'sym' && target.k === 'sym' && x.name === target.name && /^(w|x|y)$/.test(x.name);
    // (The step below the letter or above it, x_t or x^{(t)}.)
    const stepOf = (x: Sym) => (subText(x.sub) || subText(x.sup)).replace(/[()\s]/g, '');
    const numbered = (x: Node) => (own(x) && /^[0-9]+$/.test(subText(x.sub)) ? Number(subText(x.sub)) : NaN);
    const given = r.slice(bar + 1).filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.')));
    const step = own(target) ? stepOf(target) : '';
    const counted = numbered(target) >= 3 && given.length === numbered(target) - 1 && given.every((x, i) => numbered(x) === i + 1);
    // (From the first to the one before, or back from the one before to the first: w_1, …, w_{t−1} or x^{(t)}, …, x^{(1)}.)
    const before = step.endsWith('+1') ? step.slice(0, -2) : `${step}-1`;
    const ends = given.length === 3 && given[1].k === 'op' && /^(…|⋯)$/.test(given[1].v) && own(given[0]) && own(given[2]) ? [stepOf(given[0] as Sym), stepOf(given[2] as Sym)].sort().join(' ') : '';
    const spanned = /^[tin](\+1)?$/.test(step) && !!ends && ends === ['1', before].sort().join(' ');
    if (bar === 1 && (counted || spanned)) add('language-model', 3.6, WHOLE_PREFIX);
    // (Numbered words given the run of words just before, counted from 0, P(w_2 | w_0, w_1), are the whole prefix too;
    // a run that starts later, P(w_4 | w_2, w_3) or P(w_3 | w_2), is a window cut short: an n-gram's.)
    const run = given.map(numbered);
    const last = numbered(target) - 1;
    const justBefore = bar === 1 && !counted && run.length >= 1 && run.every((n, i) => n === run[0] + i) && run[run.length - 1] === last && target.k === 'sym' && target.name === 'w';
    if (justBefore && run[0] === 0 && run.length >= 2) add('language-model', 3.6, WHOLE_PREFIX);
    else if (justBefore && run[0] >= 2) add('ngram-markov', 3.1, NUMBERED_WINDOW);
  }
  // P(W) = P(w_1, w_2, …, w_n): a sentence's probability, the joint probability of its words in order.
  if (parts.length === 2 && parts.every((p) => p.length === 1 && p[0].k === 'apply' && /^[pP]$/.test(p[0].fn))) {
    const [whole, words] = parts.map((p) => rowOf((p[0] as Apply).arg));
    const listed = words.filter((x) => !(x.k === 'op' && (x.v === ',' || /^(…|⋯|\.\.\.)$/.test(x.v))));
    const sentence = whole.length === 1 && whole[0].k === 'sym' && !whole[0].sub && (whole[0].name === 'S' || (listed[0]?.k === 'sym' && whole[0].name === listed[0].name.toUpperCase() && whole[0].name !== listed[0].name));
    if (sentence && listed[0]?.k === 'sym' && listed[0].name === 'w' && listed.length >= 3 && !hasOp(words, '|') && listed.every((x) => x.k === 'sym' && x.name === (listed[0] as Sym).name && !!x.sub) && subText(listed[0].k === 'sym' ? listed[0].sub : undefined) === '1') add('language-model', 3.6, "P(W) = P(w_1, …, w_n): a sentence's probability, the joint probability of its words");
  }
  // A loss made of a reconstruction (or log-likelihood) term and a KL term to a prior: the (negative) ELBO.
  {
    const terms: Row[] = [[]];
    // (The last side written: a line of a derivation may end on its `=`.)
    for (const x of [...parts].reverse().find((p) => p.length) ?? []) {
      if (x.k === 'op' && (x.v === '+' || x.v === '-')) terms.push([]);
      else terms[terms.length - 1].push(x);
    }
    const kl = (t: Row) => t.some((x) => (x.k === 'apply' && /^(kl|dkl|d)$/i.test(x.fn.replace(/[^A-Za-z]/g, '')) && (/kl/i.test(x.fn) || /kl/i.test(subText((x.head as Sym).sub)))) || (x.k === 'sym' && x.name === 'D' && /^KL/.test(subText(x.sub))));
    const recon = (t: Row) => !kl(t) && (t.some((x) => x.k === 'group' && !!x.sup) || applies(t, ['log']).length > 0 || syms(t).some((y) => y.name === 'E') || applies(t).some((a) => /^recon/i.test(a.fn)) || t.some((x) => (x.k === 'text' || x.k === 'name') && /^\s*recon/i.test(x.v)));
    if (parts.length >= 2 && terms.length >= 2 && terms.some(kl) && terms.some(recon)) add('elbo', 3.6, 'reconstruction + KL(q(z|x) ‖ prior)');
  }
  // ELBO as a bound: log p(x) ≥ E_q[log p(x, z) − log q(z | x)].
  if (rels.includes('≥') && parts.length === 2 && applies(parts[0], ['log']).length && syms(parts[1]).some((x) => x.name === 'E' && x.mods.includes('bb')) && applies(parts[1], ['log']).length >= 2 && applies(parts[1]).some((a) => /^q$/.test(a.fn))) add('elbo', 3.4, 'log p(x) ≥ E_q[log p(x, z) − log q(z|x)]');
  // log-softmax of word-vector scores: log P(o | c) = u_o·v_c − log Σ_i exp(u_i·v_c).
  {
    const top = parts[parts.length - 1] ?? [];
    const logSum = all(top).some((x) => x.k === 'apply' && x.fn === 'log' && bigs(x.arg, 'sum').length && applies(x.arg, ['exp']).length);
    const pair = dots(top).some((d) => wordVectorPair(d.a, d.b));
    if (logSum && pair && hasOp(top, '-')) add('skipgram-softmax', 3.3, 'log P(o | c) = u_o·v_c − log Σ exp(u_i·v_c)');
  }
  for (const a of applies(root)) {
    if (!/^[pP]$/.test(a.fn)) continue;
    const r = rowOf(a.arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    // (P(+ | t, c), P(1 | w, c): the pair's label alone before the bar, given two word letters.)
    const words = syms(r.slice(bar + 1));
    const pairOfWords = words.length === 2 && r.length === 5 && words.every((x) => /^[a-wz]$/.test(x.name) && x.name !== 'x');
    if (bar === 1 && pairOfWords && ((r[0].k === 'op' && ['+', '-', '−'].includes(r[0].v)) || isNum(r[0], 1) || isNum(r[0], 0))) add('sgns', 3.3, 'P(+ | w, c): is this a real (word, context) pair?');
    if (bar !== 3) continue;
    const [d, eq, v] = r;
    if (d.k === 'sym' && /^[dD]$/.test(d.name) && eq.k === 'op' && eq.v === '=' && (isNum(v, 1) || isNum(v, 0)) && syms(r.slice(bar + 1)).filter((x) => !/^[0-9]$/.test(x.name)).length >= 2) add('sgns', 3.3, 'P(D = 1 | w, c): is this a real (word, context) pair?');
  }
}

/** Letters that name parameters in a penalty (θ, w, W, β). */
const PARAM_LETTER = /^(theta|Theta|w|W|beta|omega)$/;
/** The letters of a step size (η, α, ε); `α(y − h)` parses as α applied to the bracket it multiplies. */
const STEP_SIZE = /^(eta|alpha|epsilon)$/;
/** Where a window of the last words starts, as a subscript: t − n + 1, i − (n − 1), t − k, t − τ + 1. */
const WINDOW_START = /-(?:n\+1|\(n-1\)|(?:[kmnN]|\\?tau|τ)(?:\+1)?)$/;
/** Learning-rate letters at the front of an update step. */
const RATE_LETTER = /^(alpha|eta|epsilon|varepsilon|gamma|lr)$/;
const ACT_CONCEPT: Record<string, ConceptId> = lookupTable({ sigmoid: 'sigmoid', sigma: 'sigmoid', logistic: 'sigmoid', tanh: 'tanh', relu: 'relu' });

/** The terms of a row split at top-level + and − (the sign kept with each term). */
function termsOf(r: Row): Array<{ sign: string; items: Row }> {
  const out: Array<{ sign: string; items: Row }> = [{ sign: '+', items: [] }];
  for (const x of r) {
    if (x.k === 'op' && (x.v === '+' || x.v === '-')) out.push({ sign: x.v, items: [] });
    else out[out.length - 1].items.push(x);
  }
  return out.filter((t) => t.items.length);
}

/** A row without its written product signs (`*`, `·`, `×`, `∗`): the factors side by side. */
const unmultiplied = (r: Row): Row => r.filter((x) => !(x.k === 'op' && ['*', '·', '×', '∗'].includes(x.v)));

/** A row that is one bracket, `(…)`: what the bracket holds; any other row as it is. */
const unparenthesised = (r: Row): Row => (r.length === 1 && r[0].k === 'group' && r[0].delim === '(' ? rowOf(r[0].body) : r);

/** θ − θ₀, w − w^{(o)}: a parameter less a point of the same letter. */
const pulledTowards = (r: Row) => r.length === 3 && r[1].k === 'op' && r[1].v === '-' && r[0].k === 'sym' && r[2].k === 'sym' && r[0].name === r[2].name;
/** The data times the coefficients, x_i β, Xβ, β x: a linear score written as one product. */
/**
 * A fitted line with numbers for its coefficients, 7.5 − 2X, −10.65 + 0.0055 x_i, 12 + .7 * x: an intercept and
 * slopes, each slope a number times one input x or X.
 */
function fittedLine(p: Row): boolean {
  return fittedTerms(termsOf(p));
}
/** The terms of a fitted line (termsOf's): numbers, and numbers times one input. */
function fittedTerms(terms: Array<{ sign: string; items: Row }>): boolean {
  const input = (x: Node) => x.k === 'sym' && /^[xX]$/.test(x.name) && !x.mods.length && !(x.sup && !onlyNum(x.sup, 1));
  const slope = (t: Row) => { const r = unmultiplied(t); return r.length === 2 && r[0].k === 'num' && !r[0].sup && input(r[1]); };
  // (An input whose fitted coefficient is 1 is written alone, −6 + 0.05X_1 + X_2.)
  return terms.length >= 2 && terms.every((t) => (t.items.length === 1 && ((t.items[0].k === 'num' && !t.items[0].sup) || input(t.items[0]))) || slope(t.items)) && terms.some((t) => slope(t.items));
}
const dataTimesCoefficients = (p: Row) => p.length === 2 && p.every((x) => x.k === 'sym' && !x.sup) && p.some((x) => x.k === 'sym' && /^[xX]$/.test(x.name)) && p.some((x) => x.k === 'sym' && /^(beta|theta|w|omega)$/.test(x.name));
/** A parameter letter, bare or indexed (θ_j, w_j, W). */
const isParam = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && PARAM_LETTER.test(x.name);

/** L(w) = λ(w_0² + w_1²): a function of the parameters alone that the right side writes out as weighted penalties. */
function penaltyOfParams(parts: Row[]): boolean {
  const [lhs, rhs] = parts;
  const ofParams = parts.length === 2 && lhs.length === 1 && lhs[0].k === 'apply' && syms(lhs[0].arg).length >= 1 && syms(lhs[0].arg).every(isParam);
  return ofParams && termsOf(rhs).length >= 1 && termsOf(rhs).every((t) => t.items.length >= 2 && t.items[0].k !== 'big' && isPenalty(t.items));
}

/** J(θ) + α L_1, C·J(θ) + L_2: a loss of the parameters plus a penalty called by its norm's name. */
function penaltyByNormName(outer: Array<{ sign: string; items: Row }>): boolean {
  const normNamed = (t: { sign: string; items: Row }) => { const r = t.items.filter((x) => !(x.k === 'op' && x.v === '·')); const last = r[r.length - 1]; return t.sign === '+' && r.length <= 2 && (r.length === 1 || (r[0].k === 'sym' && /^(lambda|alpha|beta|C)$/.test(r[0].name))) && last?.k === 'sym' && /^(L|l|ell)$/.test(last.name) && /^[12]$/.test(subText(last.sub)) && !last.sup; };
  const lossOfParams = (t: { items: Row }) => t.items.some((x) => x.k === 'apply' && /^(J|L|E)$/.test(x.fn) && syms(x.arg).length === 1 && syms(x.arg).every(isParam));
  return outer.length === 2 && lossOfParams(outer[0]) && normNamed(outer[1]);
}

/**
 * A penalty on the parameters: [λ | α | a number | λ/2m] × (‖θ‖ (any norm), Σ_j θ_j², Σ_j |w_j|, θ_j², Ω(θ), R(w)).
 */
function isPenalty(t: Row): boolean {
  // (A comma or period closing the formula is punctuation.)
  const body = t.filter((x, i) => !(x.k === 'op' && (x.v === '·' || x.v === '\\cdot' || ([',', '.'].includes(x.v) && i === t.length - 1))));
  // (The letters of the norm's body, not its indices: |θ_j| is a parameter's size.)
  // (‖w − w^{(o)}‖²: the distance of the parameters from a point they are pulled towards.)
  const norm = (x: Node) => x.k === 'group' && (x.delim === '‖' || x.delim === '|') && rowOf(x.body).some((y) => y.k === 'sym') && rowOf(x.body).every((y) => (y.k === 'sym' && (PARAM_LETTER.test(y.name) || /^[0-9]$/.test(y.name))) || y.k === 'num' || (y.k === 'op' && y.v === '-' && x.delim === '‖' && pulledTowards(rowOf(x.body))));
  const square = (x: Node) => isParam(x) && !!x.sup && /^2$/.test(subText(x.sup));
  // (A penalty named by its word, λ regulariser(w, b), takes the parameters it is written with.)
  // (Or, weighted, of the model itself: the complexity λJ(f) of statistical learning's structural risk.)
  const ofModel = (x: Node) => x.k === 'apply' && /^(Omega|R|J)$/.test(x.fn) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym' && /^[fh]$/.test((rowOf(x.arg)[0] as Sym).name);
  const reg = (x: Node) => (x.k === 'apply' && ((/^(Omega|R)$/.test(x.fn) && syms(x.arg).length === 1) || /^(regulari[sz](er|ation)|penalty)$/i.test(x.fn)) && syms(x.arg).length >= 1 && syms(x.arg).every(isParam));
  // (wᵀw: the squared length of the weights.)
  const selfProduct = (a: Node | undefined, b: Node | undefined) => !!a && !!b && isParam(a) && a.k === 'sym' && !!a.sup && /^(T|top|⊤)$/.test(subText(a.sup)) && b.k === 'sym' && b.name === a.name && !b.sup;
  // (scikit-learn's documentation writes the penalty weight α as `a`.)
  // (A ratio of constants, σ²/η², 2σ²/b: a Gaussian or Laplace prior's weight.)
  const constant = (y: Node) => y.k === 'num' || (y.k === 'sym' && !PARAM_LETTER.test(y.name) && !y.sub);
  const constants = (f: Frac) => [...rowOf(f.num), ...rowOf(f.den)].every(constant);
  // (Some notes weigh it by another Greek letter, L_data + σ‖w‖²: any lone one before the parameters' norm.)
  const coef = (x: Node) => x.k === 'num' || (x.k === 'sym' && /^(lambda|alpha|beta|gamma|sigma|mu|rho|tau|C|a)$/.test(x.name) && !x.sub) || (x.k === 'frac' && (syms(x.num).some((y) => y.name === 'lambda' || y.name === 'alpha') || isNum(rowOf(x.num)[0], 1) || constants(x)));
  let i = 0;
  // (A squared β after the λ, λβ², is the parameter the penalty squares, not another coefficient.)
  while (i < body.length && coef(body[i]) && !(i > 0 && square(body[i]))) i++;
  const rest = body.slice(i);
  if (!rest.length) return false;
  // (After λ, any capital's call on the parameters is the penalty it weighs, λ P(β), λ C(α): the letter is the note's own.)
  const weighed = i > 0 && body[0].k === 'sym' && body[0].name === 'lambda' && rest.length === 1 && rest[0].k === 'apply' && /^([A-Z]|Phi|Psi|Omega)$/.test(rest[0].fn) && syms(rest[0].arg).length === 1 && syms(rest[0].arg).every((y) => y.name === 'alpha' || isParam(y));
  if (rest.length === 1 && (norm(rest[0]) || reg(rest[0]) || square(rest[0]) || weighed)) return true;
  // (‖θ‖²/(2η²): the norm over a constant.)
  if (rest.length === 1 && rest[0].k === 'frac' && rowOf(rest[0].num).length === 1 && norm(rowOf(rest[0].num)[0]) && rowOf(rest[0].den).every(constant)) return true;
  if (i > 0 && rest.length === 1 && ofModel(rest[0])) return true;
  if (i > 0 && rest.length === 2 && selfProduct(rest[0], rest[1])) return true;
  // (Σ_j w_j² / (2σ²): a Gaussian prior's penalty, the squares over a constant.)
  if (rest.length === 2 && rest[0].k === 'big' && rest[0].v === 'sum' && rest[1].k === 'frac' && rowOf(rest[1].num).length === 1 && square(rowOf(rest[1].num)[0])) return true;
  // λ(w_1² + w_2²), λ_1(|w_1| + |w_2|), λ(w_1² + ⋯ + w_n²): a coefficient before a bracket of the parameters' squares or sizes.
  const ellipsis = (u: { items: Row }) => u.items.length === 1 && u.items[0].k === 'op' && u.items[0].v === '…';
  if (i > 0 && rest.length === 1 && rest[0].k === 'group' && rest[0].delim === '(' && !rest[0].sup) return termsOf(rowOf(rest[0].body)).filter((u) => !ellipsis(u)).every((u) => u.sign === '+' && u.items.length === 1 && (square(u.items[0]) || norm(u.items[0])));
  // Σ_j θ_j² or Σ_j |w_j| (in a bracket of its own too, Σ_{j,k} (W_{j,k}²)).
  const summand = rest[1]?.k === 'group' && rest[1].delim === '(' && !rest[1].sup && rowOf(rest[1].body).length === 1 ? rowOf(rest[1].body)[0] : rest[1];
  return rest[0].k === 'big' && rest[0].v === 'sum' && rest.length === 2 && (square(summand) || norm(summand));
}

/**
 * Why of the ridge closed form, a partial match: English words about regularisation (which describe the penalty) do
 * not lift it; the concept named in another language does.
 */
const RIDGE_SOLUTION = 'θ = (XᵀX + λI)^{-1} Xᵀ y: the closed-form solution of ridge regression';

/** −Σ p(x, y) log p(x, y): the same distribution weighing and inside the one log — an entropy (here the joint one), no cross-entropy. */
function weighsItsOwnLog(r: Row): boolean {
  // (Each log of a chain weighted so, −Σ p(x, y) log p(x, y) = −Σ_i Σ_j p(x_i, y_j) log p(x_i, y_j).)
  const logs = applies(r, ['log', 'ln']);
  return logs.length >= 1 && logs.every((l) => applies(r).some((a) => isProb(a) && !all(l.arg).includes(a) && applies(l.arg).some((b) => show(b) === show(a))));
}

/** y log y + (1 − y) log(1 − y): every log weighted by its own argument — the binary entropy of y, nothing predicted. */
function logsOfTheirOwnWeights(root: Row): boolean {
  const logs = applies(root, ['log', 'ln']);
  return logs.length > 0 && logs.every((l) => rowsIn(root).some((r) => { const k = r.indexOf(l); const before = r[k - 1]; return k > 0 && show(before.k === 'group' ? before.body : before) === show(l.arg); }));
}

/** Σ_j |β_j| ≤ t, Σ_j β_j² ≤ t², ‖w‖₁ ≤ s: the size of the parameters bounded by one letter (or its square). */
function budget(parts: Row[], rels: string[]): boolean {
  if (parts.length !== 2 || rels.length !== 1 || !['≤', '<'].includes(rels[0])) return false;
  const bound = parts[1].filter((x) => !(x.k === 'op' && ['.', ','].includes(x.v)));
  const terms = termsOf(parts[0]);
  // (Or written out term by term, |β_1| + |β_2| ≤ s, β_1² + β_2² ≤ s.)
  return bound.length === 1 && bound[0].k === 'sym' && /^[tscC]$/.test(bound[0].name) && !bound[0].sub && terms.length >= 1 && terms.every((t) => t.sign !== '-' && isPenalty(t.items) && syms(t.items).some(isParam));
}

/** R̂_n(f) = (1/n) Σ_i loss (or summed, R̂(w) = Σ_i …): the risk estimated from the sample. Gives whether the left side is R̂(…). */
function estimatedRisk(parts: Row[], lhs: Row, add: Add): boolean {
  const hatR = lhs.length === 1 && lhs[0].k === 'apply' && lhs[0].fn === 'R' && lhs[0].head.k === 'sym' && lhs[0].head.mods.includes('hat');
  const averagedSum = (r: Row) => r.some((x, i) => x.k === 'frac' && onlyNum(x.num, 1) && rowOf(x.den).length === 1 && rowOf(x.den)[0].k === 'sym' && r[i + 1]?.k === 'big' && (r[i + 1] as { v: string }).v === 'sum');
  // (Of squared differences it is the mean squared error as well, which says more.)
  const squares = parts.length === 2 && all(parts[1]).some((x) => x.k === 'group' && onlyNum(x.sup, 2));
  // (Or summed without the 1/n, R̂(w) = Σ_i log(1 + e^{−y_i wᵀx_i}): the hat still says it is estimated from the sample.)
  const summed = (r: Row) => r[0]?.k === 'big' && r[0].v === 'sum';
  if (hatR && parts.length === 2 && (averagedSum(parts[1]) || summed(parts[1])) && !squares) add('empirical-risk', 3.9, 'R̂_n(f) = (1/n) Σ_i loss: the average loss over the sample');
  return hatR;
}

/** The gradient of one sampled example's term, ∇f_{i_k}, or the data of a batch as the loss's arguments, J(θ, X_b, y_b): a stochastic step. */
function sampledData(step: Row): boolean {
  const letters = all(step).map((x) => (x.k === 'apply' && x.head.k === 'sym' ? x.head : x)).filter((x): x is Sym => x.k === 'sym');
  return letters.some((x) => rowOf(x.sub).some((y) => y.k === 'sym' && /^[ij]$/.test(y.name) && /^[kt]$/.test(subText(y.sub))) || (/^[XxYy]$/.test(x.name) && subText(x.sub) === 'b'));
}

/**
 * The parameter an update changes: a letter, or a letter bracketed to carry its iteration, (w_{jk})_{i+1} = (w_{jk})_i − α C′,
 * or taking its step as an argument, W(k+1) = W(k) + 2α e(k) pᵀ(k).
 */
function updatedParam(x: Node | undefined): Sym | null {
  if (x?.k === 'sym') return x;
  const body = x?.k === 'group' && x.delim === '(' && !x.sup ? rowOf(x.body) : [];
  if (body.length === 1 && body[0].k === 'sym') return body[0];
  return x?.k === 'apply' && x.head.k === 'sym' && /^[a-z](\+1)?$/.test(indexOf(x.arg)) ? x.head : null;
}

/**
 * Two steps written under another form than θ ← θ − η∇L: the parameter itself shrunk by a factor of one weight before its
 * gradient step, θ_t = (1 − β) θ_{t−1} − α g_t (weight decay); and parameters adapted by one step from θ under a letter
 * of their own, φ = θ − α ∇_θ L(θ).
 */
function stepsUnderAnotherName(lhs: Row, parts: Row[], add: Add): void {
  if (parts.length === 2 && lhs.length === 1 && isParam(lhs[0]) && oneWeightShrink(parts[1], lhs[0].name)) {
    add('regularization', 3.9, 'θ_t = (1 − β) θ_{t−1} − α g_t: the parameter shrunk before the gradient step, weight decay');
    return;
  }
  // φ = θ − α ∇_θ L(θ): parameters adapted by one step from θ (MAML's inner loop), named by a letter of their own; the
  // gradient must be taken with respect to the θ the step starts from.
  if (lhs.length === 1 && lhs[0].k === 'sym' && parts.length === 2) {
    const r = parts[1];
    const from = r[0]?.k === 'sym' && isParam(r[0]) && r[0].name !== lhs[0].name ? r[0] : null;
    const wrtFrom = (x: Sym) => { const s = rowOf(x.sub); return x.name === 'nabla' && s.length === 1 && s[0].k === 'sym' && s[0].name === from?.name && !s[0].sub; };
    if (from && !from.sub && r[1]?.k === 'op' && r[1].v === '-' && r[2]?.k === 'sym' && STEP_SIZE.test(r[2].name) && syms(r.slice(3)).some(wrtFrom)) add('gradient-descent', 3.4, 'φ = θ − α ∇_θ L: parameters adapted by one gradient step from θ');
  }
}

/**
 * Δw = α(x y − y² w): a bracket the rate scales (as a call of the rate or beside it) with a term that ends by scaling the
 * weight itself — Oja's or Hebb's decay, not an error driving the change.
 */
function decaysOwnWeight(weight: string, rhs: Row): boolean {
  const scaled = [...applies(rhs).filter((a) => STEP_SIZE.test(a.fn)).map((a) => rowOf(a.arg)), ...rhs.flatMap((x, i) => (x.k === 'group' && x.delim === '(' && rhs[i - 1]?.k === 'sym' && STEP_SIZE.test((rhs[i - 1] as Sym).name) ? [rowOf(x.body)] : []))];
  return scaled.some((b) => termsOf(b).some((t) => { const last = t.items[t.items.length - 1]; return t.items.length >= 2 && last?.k === 'sym' && last.name === weight && !last.sup; }));
}

/**
 * Canonical forms students write for training and activation formulas, in any letters: a penalised loss (ridge,
 * lasso, weight decay), a penalty alone, a parameter update by a learning rate, an activation applied to a
 * pre-activation, the derivative of the sigmoid or tanh written through the function itself, the normal equation.
 */
function detectForms(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhs = parts.length > 1 ? parts[parts.length - 1] : parts[0] ?? [];
  const outer = termsOf(rhs);
  // H(p, q) = …: the entropy of two distributions, the cross-entropy, defined (also between equals signs, L = H(t, p) = …).
  const entropyOfTwo = (r: Row) => r.length === 1 && r[0].k === 'apply' && r[0].fn === 'H' && termsOf(rowOf(r[0].arg)).length === 1 && rowOf(r[0].arg).filter((x) => x.k === 'op' && x.v === ',').length === 1;
  if (parts.slice(0, -1).some(entropyOfTwo) && !weighsItsOwnLog(rhs)) add('cross-entropy', 3.4, 'H(p, q) = …: the cross-entropy of two distributions');
  // ΔW = η δ hᵀ, Δw_jk = η (t_k − y_k) h_j: the change of a weight, a rate times an error and an input — the delta rule.
  const deltaLhs = lhs.length === 2 && lhs[0].k === 'sym' && lhs[0].name === 'Delta' && lhs[1].k === 'sym' && /^([wWbUV]|theta)$/.test(lhs[1].name);
  // (A rate before a bracket, α(G − v̂) ∇v̂, is read as a call of the rate.)
  const rateFirst = (r: Row) => { const q = r[0]?.k === 'op' && r[0].v === '-' ? r.slice(1) : r; return (q[0]?.k === 'sym' && STEP_SIZE.test(q[0].name)) || (q[0]?.k === 'apply' && STEP_SIZE.test(q[0].fn)); };
  // (Oja's and Hebb's rules, Δw = α(x y − y² w): a term that ends by scaling the weight itself decays it, no error drives it.)
  const decaysWeight = deltaLhs && decaysOwnWeight((lhs[1] as Sym).name, parts[parts.length - 1]);
  if (deltaLhs && parts.length >= 2 && rateFirst(parts[1]) && !decaysWeight) add('gradient-descent', 3.3, 'ΔW = η δ xᵀ: the change of a weight, a rate times an error and an input');
  if (parts.length === 1 && stepWrittenAlone(root)) add('gradient-descent', 3.2, '−η ∇J: the step against the gradient, written alone');
  empiricalRiskByName(root, add);
  const hatR = estimatedRisk(parts, lhs, add);
  if (constrainedBySize(root)) add('regularization', 4.4, CONSTRAINED_LOSS);
  // A factor in front of one bracket, ½m [loss + λ Σ θ²]: the bracket's terms.
  const lastItem = outer.length === 1 ? outer[0].items.filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.'))).pop() : undefined;
  // (arg min_θ [loss + λ‖θ‖²] reads as a call of arg min on the bracket: the bracket's terms.)
  const optimised = lastItem && lastItem.k === 'apply' && /^(arg)?(min|max)$/.test(lastItem.fn) ? rowOf(lastItem.arg) : null;
  const terms = optimised && termsOf(optimised).length >= 2 ? termsOf(optimised) : lastItem && lastItem.k === 'group' && ['[', '('].includes(lastItem.delim) && hasOp(rowOf(lastItem.body), '+') ? termsOf(rowOf(lastItem.body)) : outer;
  // A loss plus a penalty on the parameters: regularisation (the penalty names what the formula adds).
  // (A loss named by its word, `\text{MSE}`, `log-loss`, counts as the loss term.)
  // (C = C₀ + λ Σ|w|: the left side's own letter, subscripted, is the loss the penalty is added to.)
  const lhsName = lhs.length === 1 && lhs[0].k === 'sym' && !lhs[0].sub ? lhs[0].name : null;
  const hasLossTerm = terms.some((t) => !isPenalty(t.items) && (applies(t.items).length > 0 || bigs(t.items, 'sum').length > 0 || t.items.some((x) => (x.k === 'sym' && (/^(J|L|E|ell)$/.test(x.name) || (x.name === lhsName && !!x.sub))) || (x.k === 'name' && /^(mse|ce|bce|nll|loss|cost|error|log-?loss|sse|rss)$/i.test(x.v))) || fracs(t.items).length > 0 || t.items.some((x) => x.k === 'group')));
  // (Or the penalty first, R(w) + C Σ_i L(w · x_i, y_i), as SVM-style objectives write it.)
  const optimiserName = (x: Node) => x.k === 'name' && /^(arg ?)?(min|max)$/i.test(x.v);
  const penaltyFirst = terms.length >= 2 && isPenalty(terms[0].items.filter((x) => !optimiserName(x))) && terms.slice(1).every((t) => t.sign === '+');
  if (terms.length >= 2 && (terms.slice(1).some((t) => t.sign === '+' && isPenalty(t.items)) || penaltyFirst) && hasLossTerm) add('regularization', 3.9, 'loss + λ·penalty on the parameters');
  if (penaltyByNormName(outer)) add('regularization', 3.3, 'J(θ) + α L₂: a loss plus a penalty called by its norm');
  // A penalty alone, or defined: λ‖θ‖², R(w) = ½ Σ_j w_j², Ω(w) = ½ ‖w‖².
  // (R̂, hatted, is the risk estimated from the sample, not a penalty.)
  const lhsReg = lhs.length === 1 && lhs[0].k === 'apply' && /^(Omega|R)$/.test(lhs[0].fn) && !hatR;
  // (A lone R(W) or Ω(θ) with no coefficient names the penalty function: notation, not a formula of it.)
  // (A lone ‖w‖ or |w| is a norm: it becomes a penalty with its weight, λ‖w‖, or added to a loss.)
  const bareCall = terms.length === 1 && terms[0].items.length === 1 && ['apply', 'group'].includes(terms[0].items[0].k);
  // (L = α Σ_w |w|: a letter naming the penalty the right side writes out with its weight.)
  const lhsLetter = lhs.length === 1 && lhs[0].k === 'sym' && !lhs[0].sub && parts.length === 2 && !bareCall && terms.length >= 1 && terms.every((t) => isPenalty(t.items)) && terms.some((t) => t.items.length >= 2);
  // (Σ_i |θ_i| alone, with no weight, is the L1 norm written out: a penalty carries its weight, λ Σ_i |θ_i|.)
  const weighted = (t: { items: Row }) => t.items.length > 0 && t.items[0].k !== 'big';
  const penaltyDefined = penaltyOfParams(parts) || (lhsReg && parts.slice(1).some((p) => termsOf(p).length >= 1 && termsOf(p).every((t) => isPenalty(t.items) || (t.items[0]?.k === 'big' && syms(t.items).some(isParam)))));
  if (lhsLetter || (parts.length === 1 && terms.length >= 1 && !bareCall && terms.every((t) => isPenalty(t.items) && weighted(t))) || penaltyDefined) add('regularization', penaltyDefined && (lhs[0] as Apply).fn === 'Omega' ? 3.6 : 3.3, 'a penalty on the size of the parameters');
  // (The penalty as a budget, Σ_j |β_j| ≤ t, ‖w‖² ≤ s: the constrained form of the lasso or ridge.)
  else if (budget(parts, rels)) add('regularization', 3, 'Σ_j |β_j| ≤ t: the penalty as a budget the parameters must stay within (the constrained lasso or ridge)');
  // (Without its weight, Σ_j w_j², Σ |w_j| or ‖w‖₁ alone, it is a norm of the weights: the penalty when the words say so.)
  else if (parts.length === 1 && terms.length === 1 && isPenalty(terms[0].items) && syms(terms[0].items).some(isParam) && !(bareCall && terms[0].items[0].k === 'apply')) add('regularization', 1.6, 'Σ_j w_j², ‖w‖₁: a norm of the weights, the penalty of a regularised loss when the words say so');
  // The normal equation θ = (XᵀX)^{-1} Xᵀ y, with + λI: ridge regression's. A closed-form solution is a method the
  // catalog does not hold (the model and the penalty are its concepts, not how they are solved): a partial match only.
  const inv = all(root).find((x): x is Group => x.k === 'group' && x.delim === '(' && /^-1$/.test(subText(x.sup)) && hasTranspose(x.body) && hasSym(x.body, 'X'));
  if (inv) {
    if (syms(inv.body).some((x) => x.name === 'lambda' || x.name === 'alpha')) add('regularization', 1.8, RIDGE_SOLUTION);
    else add('linear-regression', 1.8, 'θ = (XᵀX)^{-1} Xᵀ y: the normal equation, the closed-form least-squares solution of linear regression');
  }
  // (A derivation that ends in the weight-decay form, … = (1 − ηλ) w^t − η ∂L/∂w, and the gradient of a penalised loss,
  // ∂L′/∂w = ∂L/∂w + λw or + λ sgn(w): weight decay.)
  if (parts.slice(1).some((p) => factoredDecay(p) && p[1]?.k === 'sym' && isParam(p[1]) && p[2]?.k === 'op' && p[2].v === '-' && hasGradient(p.slice(3)))) add('regularization', 3.9, '… = (1 − ηλ) θ − η ∂L/∂θ: weight decay');
  else stepsUnderAnotherName(lhs, parts, add);
  // (The product may be written, λ · sign(w).)
  if (penalisedGradient(lhs, parts)) add('regularization', 3.9, PENALISED_GRADIENT);
  // θ := θ − α·(step) — an update by a learning rate, even when the gradient is written out or as dθ.
  const lhsSym = lhs.length === 1 ? updatedParam(lhs[0]) : null;
  if (lhsSym && parts.length >= 2 && (rels.includes('=') || rels.includes(':=') || rels.includes('←'))) {
    // (In a chain, x_1 = x_0 + Δx = x_0 − η f′(x_0), the side that starts from the parameter is the step.)
    const fromParam = (p: Row) => updatedParam(p[0])?.name === lhsSym.name && p[1]?.k === 'op' && (p[1].v === '-' || p[1].v === '+');
    const r = parts.length === 2 ? parts[1] : parts.slice(1).find(fromParam) ?? [];
    const sign = r.findIndex((x) => x.k === 'op' && (x.v === '-' || x.v === '+'));
    const same = updatedParam(r[0])?.name === lhsSym.name && (r[0].k === lhs[0].k || r[0].k === 'sym') && sign === 1;
    // (w − (α × dw): the step in parentheses, its product written with a cross, is the same step.)
    const after = r.slice(sign + 1);
    const step = !same ? [] : (after.length === 1 && after[0].k === 'group' && after[0].delim === '(' && !after[0].sup ? rowOf(after[0].body) : after).filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '×')));
    // (λ is a step size here too, in notes that name the rate so: a gradient or an error written out must follow.)
    const rateLetter = (n: string) => RATE_LETTER.test(n) || n === 'lambda' || n === 'mu';
    const rate = (x: Node | undefined) => !!x && ((x.k === 'sym' && rateLetter(x.name)) || (x.k === 'frac' && syms(x.num).some((y) => rateLetter(y.name))) || (x.k === 'name' && /^(lr|learning_?rate)$/i.test(x.v)));
    // dW, δW, ΔW: the change of the same parameter, as the backward pass computed it.
    const dParam = step.some((x, i) => x.k === 'sym' && /^(d|delta|Delta)$/.test(x.name) && !x.sub && step[i + 1]?.k === 'sym' && (step[i + 1] as Sym).name === lhsSym.name);
    // (f′(x_n), the derivative written with a prime, is the gradient of a function of one variable.)
    // (… + η grad: the gradient named in letters.)
    const gradWord = /^(grad|gradient)$/.test(spelled(step.slice(1)));
    const grad = hasGradient(step) || dParam || gradWord || syms(step).some((x) => x.name === 'Delta' && !!x.sub) || applies(step).some((a) => a.fn.endsWith("'") || (a.head.k === 'sym' && a.head.mods.includes('prime')));
    // Without a gradient sign, the step must be the gradient written out: a sum over examples or an error (h − y).
    const writtenOut = bigs(step, 'sum').length > 0 || all(step).some((x) => x.k === 'group' && hasOp(x.body, '-'));
    // (A rate divided by a root of past gradients is an adaptive method, AdaGrad-like: not plain gradient descent.)
    const adaptive = step.some((x) => x.k === 'frac' && all(x.den).some((y) => y.k === 'sqrt'));
    // θ_j := θ_j(1 − αλ/m) − α(…): the parameter shrunk before the step, the weight-decay form of a regularised update.
    // (w_k(1 − …) reads as a call of w_k: its argument is the factor.)
    const factor = (b: Node) => all(b).some((x) => isNum(x, 1)) && hasOp(b, '-') && syms(b).some((x) => x.name === 'lambda');
    const shrunk = (r[0]?.k === 'sym' && r[0].name === lhsSym.name && r[1]?.k === 'group' && r[1].delim === '(' && factor(r[1].body) && r[2]?.k === 'op' && r[2].v === '-') || (r[0]?.k === 'apply' && r[0].head.k === 'sym' && r[0].head.name === lhsSym.name && factor(r[0].arg) && r[1]?.k === 'op' && r[1].v === '-');
    if (shrunk) add('regularization', 3.9, 'θ ← θ(1 − αλ) − α·(gradient): weight decay');
    // (v^{(new)} = v^{(old)} − η e h: the notes' own labels say it is the update; so does v′ = v′^{(old)} − η e h.)
    const newFromOld = r[0]?.k === 'sym' && /^\(?old\)?$/.test(subText(r[0].sup).replace(/\s/g, '')) && (/new/.test(subText(lhsSym.sup)) || !lhsSym.sup);
    if (same && !adaptive && rate(step[0]) && (grad || ((writtenOut || newFromOld) && (r[sign] as { v: string }).v === '-'))) {
      // (Σ_{i ∈ batch}, Σ_{i ∈ B}, 1/|B|: the examples of a minibatch.)
      // (So is a sum over a sampled set, Σ_{n ∈ S^{(i)}}.)
      const batch = sampledData(step) || step.some((x) => x.k === 'big' && x.v === 'sum' && (/[+]/.test(subText(x.sup)) || /batch|∈\s*(B|mathcalB|S|mathcalS)(\(.*\))?$/i.test(subText(x.sub).replace(/\s/g, '')))) || fracs(step).some((f) => onlyNum(f.num, 1) && /^(b|\|B\||\|mathcalB\|)$/.test(subText(f.den).replace(/\s/g, ''))) || fracs(step).some((f) => onlyNum(f.num, 1) && rowOf(f.den).some((y) => isNum(y) && !isNum(y, 1)));
      add(batch ? 'minibatch-sgd' : 'gradient-descent', grad ? 3.4 : 3.1, 'θ ← θ − α · (gradient)');
    }
  }
  // a = σ(z), A = tanh(z), g(z) = ReLU(z), o = tanh(net): an activation applied to a pre-activation (one letter, no weights).
  const single = rhs.filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.')));
  // (A = g(Z) = σ(Z): the generic activation named on the last side.)
  const namedStep = parts.length === 3 && parts[1].length === 1 && parts[1][0].k === 'apply' && rowOf(parts[1][0].arg).length === 1;
  if ((parts.length === 2 || namedStep) && single.length === 1 && single[0].k === 'apply') {
    const a = single[0];
    const c = ACT_CONCEPT[a.fn.toLowerCase()] ?? (a.head.k === 'name' ? ACT_CONCEPT[a.head.v.toLowerCase()] : undefined);
    const arg = spelled(rowOf(a.arg)) === 'net' ? [{ k: 'name', v: 'net' } as Node] : rowOf(a.arg);
    const lhsProb = lhs.length === 1 && lhs[0].k === 'apply' && /^[pP]$/.test(lhs[0].fn) && hasOp(lhs[0].arg, '=');
    // (σ_l, σ^{[l]}, σ_2: a σ carrying a layer's index is that layer's activation function, whichever it is.)
    const layerSigma = a.head.k === 'sym' && a.head.name === 'sigma' && /^(l|L|ℓ|ell|\[?\(?l\)?\]?|\[\d\]|\(\d\)|\d)$/.test(subText(a.head.sub ?? a.head.sup).replace(/\s/g, ''));
    if (c && !layerSigma && arg.length === 1 && (arg[0].k === 'sym' || arg[0].k === 'name')) add(lhsProb && c === 'sigmoid' ? 'logistic-regression' : c, 2.7, `${c} applied to a pre-activation`);
  }
  // Derivatives through the function itself: g(z)(1 − g(z)) is the sigmoid's; 1 − tanh(z)² the tanh's.
  const lhsDeriv = lhs.some((x) => (x.k === 'apply' && /['′]$/.test(x.fn)) || (x.k === 'sym' && x.mods.includes('prime')) || primeSup(x) || (x.k === 'frac' && !!derivative(x)));
  // f′(x) = 1 − f²(x), whatever the letter (σ′(x) = 1 − σ²(x) in a note that calls every activation σ): tanh's derivative.
  // (Or dg/dz: the function a derivative written as a fraction takes.)
  const fracOf = lhs.length === 1 && lhs[0].k === 'frac' ? derivative(lhs[0])?.of : undefined;
  const primedFn = lhs.length === 1 && lhs[0].k === 'apply' && isPrimed(lhs[0]) ? lhs[0].head : fracOf?.length === 1 && fracOf[0].k === 'sym' && !fracOf[0].sub ? fracOf[0] : null;
  const sameFn = (a: Node | undefined): a is Apply => !!a && a.k === 'apply' && a.head.k === 'sym' && primedFn?.k === 'sym' && a.head.name === primedFn.name;
  // (Squared as f²(x), f(x)², (f(x))², or written twice, f(x) · f(x).)
  const squaredSame = (n: Node | undefined) => !!n && primedFn?.k === 'sym' && ((sameFn(n) && (/2/.test(subText((n.head as Sym).sup)) || subText(n.sup) === '2')) || (n.k === 'group' && subText(n.sup) === '2' && applies(n.body).some((a) => sameFn(a))));
  const rhs1 = parts.length === 2 ? parts[1].filter((x) => !(x.k === 'op' && ['*', '·', '∗'].includes(x.v))) : [];
  const oneMinusSquare = rhs1.length >= 3 && isNum(rhs1[0], 1) && rhs1[1].k === 'op' && rhs1[1].v === '-' && ((rhs1.length === 3 && squaredSame(rhs1[2])) || (rhs1.length === 4 && sameFn(rhs1[2]) && show(rhs1[2]) === show(rhs1[3])));
  if (primedFn && oneMinusSquare) add('tanh', 3.9, TANH_SAME_LETTER);
  // a′ = a(1 − a), a′ = 1 − a²: the derivative of an activation written with the activation's own letter.
  const primedLetter = lhs.length === 1 && lhs[0].k === 'sym' && (lhs[0].mods.includes('prime') || primeSup(lhs[0])) ? lhs[0].name : null;
  if (primedLetter && parts.length === 2) {
    const r = parts[1];
    const oneMinusLetter = (n: Node | undefined) => { const x = n && (n.k === 'group' || n.k === 'apply') ? oneMinusOf(n.k === 'group' ? n.body : n.arg) : null; return x?.k === 'sym' && x.name === primedLetter && !x.sub; };
    if ((r.length === 1 && r[0].k === 'apply' && r[0].fn === primedLetter && oneMinusLetter(r[0])) || (r.length === 2 && r[0].k === 'sym' && r[0].name === primedLetter && oneMinusLetter(r[1]))) add('sigmoid', 3.2, "a′ = a(1 − a): the sigmoid's derivative through its value");
    const complement = oneMinusOf(r);
    if (complement?.k === 'sym' && complement.name === primedLetter && subText(complement.sup) === '2') add('tanh', 3.2, "a′ = 1 − a²: the tanh's derivative through its value");
  }
  if (lhsDeriv || parts.length === 1) {
    for (const r of parts.slice(lhsDeriv ? 1 : 0)) {
      for (let i = 0; i + 1 < r.length; i++) {
        const x = r[i];
        const g = r[i + 1];
        if (g.k !== 'group' || g.delim !== '(') continue;
        const body = rowOf(g.body);
        if (body.length === 3 && isNum(body[0], 1) && body[1].k === 'op' && body[1].v === '-' && show(body[2]) === show(x) && (x.k === 'apply' || x.k === 'frac' || x.k === 'group')) add('sigmoid', 3.2, SIGMOID_SLOPE_WRITTEN);
      }
      const t = termsOf(r);
      const tanhSquared = (x: Node | undefined) => x?.k === 'apply' && x.fn === 'tanh' && (/^2$/.test(subText(x.sup)) || /^2$/.test(subText((x.head as { sup?: Node }).sup)));
      if (t.length === 2 && onlyNum({ k: 'row', items: t[0].items }, 1) && t[1].sign === '-' && t[1].items.length === 1 && tanhSquared(t[1].items[0])) add('tanh', 3.2, TANH_DERIVATIVE);
    }
  }
}

/**
 * Σ_i [y_i (w·x_i) − log(1 + e^{w·x_i})]: the Bernoulli log-likelihood written in its logit, the label times the score
 * less the score's softplus — maximum likelihood's objective; negated, the binary cross-entropy.
 */
function detectLogitLikelihood(root: Row, add: Add): void {
  const { parts } = sides(root);
  const rhs = parts[parts.length - 1] ?? [];
  const logs = applies(root, ['log', 'ln']);
  const softplusOf = logs.flatMap((l) => {
    const r = rowOf(l.arg);
    const e = r.length === 3 && isNum(r[0], 1) && r[1].k === 'op' && r[1].v === '+' ? r[2] : undefined;
    return e?.k === 'sym' && e.name === 'e' && e.sup ? [show(e.sup)] : e?.k === 'apply' && e.fn === 'exp' ? [show(e.arg)] : [];
  });
  const text = show({ k: 'row', items: rhs });
  const score = softplusOf.find((sc) => sc.replace(/\s/g, '').length >= 2 && text.split(sc).length - 1 >= 2);
  // (The label before the score's bracket reads as a call, y_i(w·x_i).)
  const labelled = all(rhs).some((x) => (x.k === 'sym' && /^[yt]$/.test(x.name)) || (x.k === 'apply' && /^[yt]$/.test(x.fn)));
  if (score && labelled && bigs(rhs, 'sum').length) {
    // (Or negated term by term, inside the summand's bracket or without one: Σ (−y s + log(1 + e^s)), Σ −y s + log(…).)
    const negatedTerms = (ts: Array<{ sign: string; items: Row }>) => ts.some((t) => t.sign === '-' && all(t.items).some((y) => (y.k === 'sym' && /^[yt]$/.test(y.name)) || (y.k === 'apply' && /^[yt]$/.test(y.fn)))) && ts.some((t) => t.sign === '+' && applies(t.items, ['log', 'ln']).length > 0);
    const inner = rhs.find((x): x is Group => x.k === 'group' && applies(x.body, ['log', 'ln']).length > 0);
    const negated = inner ? (termsOf(rhs)[0]?.sign === '-') !== negatedTerms(termsOf(rowOf(inner.body))) : termsOf(rhs)[0]?.sign === '-' || negatedTerms(termsOf(rhs));
    add(negated ? 'binary-cross-entropy' : 'maximum-likelihood', 3.5, negated ? '−Σ [y s − log(1 + e^s)]: the logistic loss in the logit s' : 'Σ [y s − log(1 + e^s)]: the Bernoulli log-likelihood in the logit s');
  }
}

/**
 * a^{[l]} = g^{[l]}(z^{[l]}), h^l = φ(u^l): layer l's activation of its own pre-activation, the affine layer's output.
 * (A named activation, σ(z^{[1]}) or g(z) = ReLU(z^{(1)}), is that activation.)
 */
function layerActivation(parts: Row[], lhs: Row): boolean {
  // (The layer a superscript, a^l, a^{(l+1)}, or with none a subscript, v_ℓ; σ is that layer's activation only when it
  // carries the layer itself, σ^l(z^l), σ_ℓ(s_ℓ).)
  const layer = lhs.length === 1 && lhs[0].k === 'sym' ? layerIndexOf(lhs[0]) : '';
  // (Nor is one written out after it, a^l = f(z^l) = 1/(1 + e^{−z^l}): the line defines that activation.)
  const namedLater = parts.slice(2).some((p) => (p[0]?.k === 'apply' && !!ACT_CONCEPT[p[0].fn.toLowerCase()]) || applies(p, ['exp']).length > 0 || syms(p).some((x) => x.name === 'e' && !!x.sup));
  const act = parts.length >= 2 && parts[1][0]?.k === 'apply' ? parts[1][0] : undefined;
  const activation = !!act && (/^(g|f|phi|varphi)$/.test(act.fn) || (/^(sigma|sigmoid)$/.test(act.fn) && act.head.k === 'sym' && act.head.name === 'sigma' && layerIndexOf(act.head) === layer));
  if (!act || namedLater || !/^([lLk]|ell|[0-9])([+-]1)?$/.test(layer) || !activation) return false;
  const arg = rowOf(act.arg);
  const pre = arg.length === 1 && arg[0].k === 'sym' && /^(z|u|Z|U|a|s)$/.test(arg[0].name) && arg[0].name !== (lhs[0] as Sym).name ? arg[0] : undefined;
  return !!pre && layerIndexOf(pre) === layer;
}

/** The empirical risk by its name (R_emp, Q_emp, L_emp), or minimised over a hypothesis class: ĥ = arg min_{h ∈ ℋ} L̂(h). */
function empiricalRiskByName(root: Row, add: Add): void {
  // R_emp(h), R_{\text{emp}}: the empirical risk by its name.
  const heads = [...all(root), ...applies(root).map((a) => a.head)];
  const empirical = (x: Node) => 'sub' in x && /^emp/i.test(subText(x.sub).replace(/[^A-Za-z]/g, ''));
  // (Other letters carry the same subscript: Q_emp, L_emp, E_emp.)
  if (heads.some((x) => (x.k === 'sym' || x.k === 'name') && /^[RQLEJ]$/.test(x.k === 'sym' ? x.name : x.v) && empirical(x))) add('empirical-risk', 3.4, 'R_emp: the empirical risk');
  // ĥ = arg min_{h ∈ ℋ} L̂(h): the hypothesis of the class with the least estimated loss — empirical risk minimisation.
  const overHypotheses = all(root).some((x) => x.k === 'name' && /^argmin$/i.test(x.v) && (() => { const r = rowOf((x as { sub?: Node }).sub); return r.length === 3 && r[0].k === 'sym' && /^[hf]$/.test(r[0].name) && r[1].k === 'op' && r[1].v === '∈' && r[2].k === 'sym' && /^[HF]$/.test(r[2].name); })());
  const lossOfHypothesis = applies(root).some((a) => a.head.k === 'sym' && (a.head.mods.includes('hat') || empirical(a.head)) && rowOf(a.arg).length === 1 && rowOf(a.arg)[0].k === 'sym' && /^[hf]$/.test((rowOf(a.arg)[0] as Sym).name));
  if (overHypotheses && lossOfHypothesis) add('empirical-risk', 3.4, 'ĥ = arg min_{h ∈ ℋ} L̂(h): the hypothesis with the least loss on the sample');
}

/** H(p, q) = …: the left side is the cross-entropy of two distributions by its letter. */
function crossEntropyDefined(root: Row): boolean {
  const { parts } = sides(root);
  const pair = (r: Row | undefined) => r?.length === 1 && r[0].k === 'apply' && (r[0].fn === 'H' || r[0].fn === 'ce') && hasOp(r[0].arg, ',');
  // (Or CE(p, q) = …, and the name written first, `Cross entropy = H(p, q) = …`.)
  const named = parts.length > 2 && parts[0].length === 1 && lossAbbreviation(parts[0]) === 'cross-entropy';
  return parts.length > 1 && (pair(parts[0]) || (named && pair(parts[1])));
}

/**
 * −∫ p(x) log q(x) dx, ∫ p(x) log 1/q(x) dx, −Σ_x p(x) log q(x): one distribution's log weighted by another's, the
 * cross-entropy of q under p; H(p, q) = H(p) + D_KL(p ‖ q), the cross-entropy as the entropy and the divergence.
 */
function detectDistributionCrossEntropy(root: Row, add: Add): void {
  const { parts } = sides(root);
  const r = parts[parts.length - 1] ?? [];
  if (crossEntropyDefined(root) && applies(r).some((a) => a.fn === 'H' && !hasOp(a.arg, ',')) && (/KL/.test(show({ k: 'row', items: r })) || applies(r).some(isKlCall))) add('cross-entropy', 3.5, CROSS_ENTROPY_SPLIT);
  // (D(p ‖ q) = H(p, q) − H(p): the divergence as the cross-entropy less the entropy.)
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'apply' ? parts[0][0] : undefined;
  const divergenceOf = lhs && (isKlCall(lhs) || lhs.fn === 'D') && hasOp(lhs.arg, '‖');
  const [cross, minus, own] = r;
  if (divergenceOf && r.length === 3 && cross.k === 'apply' && cross.fn === 'H' && hasOp(cross.arg, ',') && minus.k === 'op' && minus.v === '-' && own.k === 'apply' && own.fn === 'H' && !hasOp(own.arg, ',')) add('kl-divergence', 3.5, 'D_KL(p ‖ q) = H(p, q) − H(p): the cross-entropy less the entropy');
  const negated = r[0]?.k === 'op' && r[0].v === '-';
  const [big, weight, log, ...rest] = negated ? r.slice(1) : r;
  if (big?.k !== 'big' || !['sum', 'int'].includes(big.v) || weight?.k !== 'apply' || log?.k !== 'apply' || !['log', 'ln'].includes(log.fn)) return;
  const distribution = (a: Node | undefined): a is Apply => a?.k === 'apply' && /^[pPqQ]$/.test(a.fn);
  const inner = rowOf(log.arg);
  const reciprocal = inner.length === 1 && inner[0].k === 'frac' && onlyNum(inner[0].num, 1) ? rowOf(inner[0].den) : undefined;
  const other = reciprocal ? reciprocal : inner;
  const q = other.length === 1 ? other[0] : undefined;
  const differential = rest.length === 0 || (rest.length === 2 && rest[0].k === 'sym' && rest[0].name === 'd');
  // (Two letters, p and q; an inequality between such integrals, Gibbs', states a property.)
  const stated = sides(root).rels.some((x) => x !== '=');
  if (distribution(weight) && distribution(q) && show(weight.arg) === show(q.arg) && weight.fn !== q.fn && differential && negated !== !!reciprocal && !stated) add('cross-entropy', 3.3, CROSS_ENTROPY_UNDER);
}

/**
 * Pr(Y = 1 | X = x; β) = e^{xβ} / (1 + e^{xβ}): the class's probability as the logistic of a linear score in the
 * parameters — logistic regression, written with the exponentials rather than σ.
 */
function detectLogisticOdds(root: Row, add: Add): void {
  if (!classProbability(root)) return;
  const power = (x: Node | undefined) => (x?.k === 'apply' && x.fn === 'exp' ? show(x.arg) : undefined);
  const logistic = sides(root).parts.slice(1).some((p) => fracs(p).some((f) => {
    const [num, den] = [rowOf(f.num), rowOf(f.den)];
    return num.length === 1 && !!power(num[0]) && den.length === 3 && isNum(den[0], 1) && den[1].k === 'op' && den[1].v === '+' && power(den[2]) === power(num[0]) && syms((num[0] as Apply).arg).some((x) => PARAM_LETTER.test(x.name));
  }));
  if (logistic) add('logistic-regression', 3.4, LOGISTIC_OF_SCORE);
}

/**
 * softmax_i(x) = Pr(y = i | x, θ): the softmax named on one side and the class probability given the input and the
 * parameters on the other — the class probabilities of a linear model, softmax regression.
 */
function detectSoftmaxClassProbability(root: Row, add: Add): void {
  const { parts } = sides(root);
  const classGiven = (p: Row) => p.length === 1 && p[0].k === 'apply' && /^([pP]|Pr)$/.test(p[0].fn) && hasOp(p[0].arg, '|') && conditionLetters(p[0]).given.some((x) => PARAM_LETTER.test(x.name)) && conditionLetters(p[0]).predicted.some((x) => /^[yY]$/.test(x.name));
  if (parts.length === 2 && parts.some(classGiven) && parts.some((p) => p.length === 1 && p[0].k === 'apply' && p[0].fn === 'softmax')) add('softmax-regression', 3.4, 'softmax_i(x) = P(y = i | x, θ): the class probabilities of a linear model');
}

/**
 * f ⊙ c_{t−1}: the forget gate on the previous cell state, the LSTM's own product; e_{ij} = a(s_{i−1}, h_j): the
 * alignment model scoring the decoder's previous state against an encoder state, attention's score.
 */
function detectGateAndAlignment(root: Row, add: Add): void {
  const previous = (x: Node | undefined) => x?.k === 'sym' && /^-1$/.test(stepIndex(x).replace(/^[a-z]/, ''));
  if (root.some((x, i) => x.k === 'sym' && x.name === 'f' && (!x.sub || stepIndex(x) === 't') && root[i + 1]?.k === 'op' && ['⊙', '∘'].includes((root[i + 1] as { v: string }).v) && root[i + 2]?.k === 'sym' && (root[i + 2] as Sym).name === 'c' && previous(root[i + 2]))) add('lstm', 3.3, 'f ⊙ c_{t−1}: the forget gate on the previous cell state');
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : undefined;
  // (The alignment model named as a network, e_{tj} = MLP(s_{t−1}, h_j) or MLP([s_{t−1}; h_j]), is additive attention's.)
  const call = parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'apply' && /^(a|mlp|ffn)$/.test(parts[1][0].fn) ? parts[1][0] : undefined;
  const joined = call && rowOf(call.arg).length === 1 && rowOf(call.arg)[0].k === 'group' ? rowOf((rowOf(call.arg)[0] as Group).body) : undefined;
  const args = call ? (joined ?? rowOf(call.arg)).filter((x) => !(x.k === 'op' && [',', ';'].includes(x.v))) : [];
  const scored = !!lhs && /^e$/.test(lhs.name) && indexOf(lhs.sub).replace(/,/g, '').length === 2 && args.length === 2 && previous(args[0]) && args[1].k === 'sym' && args[1].name === 'h' && !!args[1].sub;
  if (scored && call?.fn === 'a' && !joined) add('attention', 3.3, 'e_{ij} = a(s_{i−1}, h_j): the alignment score of the previous decoder state and an encoder state');
  else if (scored && call?.fn !== 'a') add('mlp-attention', 3.8, ALIGNMENT_NETWORK);
}

/** log(1 + exp(−y f(x))), also with its brackets braced, `\log{(1 + \exp{(−y wᵀx)})}`: the logistic loss. */
const LINEAR_IN_WEIGHTS = 'ŷ(x, w) = φ(x)ᵀw: a prediction linear in its weights, on features of the input';
const WORD_GIVEN_CENTRE = 'P(w_o | w_c): a softmax over the vocabulary of the word given the centre word';
const ITEM_GIVEN_ITEM = 'P(v | u) = exp(z_uᵀ z_v) / Σ_n exp(z_uᵀ z_n): a softmax over every item of one item given another, skip-gram\'s';
const PENALISED_GRADIENT = '∂L′/∂w = ∂L/∂w + λw: the gradient of the penalised loss (weight decay)';
const LOGISTIC_LOSS = 'log(1 + exp(−y f(x))): the logistic loss';
function logisticLoss(logs: Apply[]): boolean {
  return logs.some((l) => softplusOf(l, true));
}
/** log(1 + exp(…)); `signed`: the exponent opens with its sign, as the logistic loss's −y f(x) does. */
function softplusOf(l: Apply, signed: boolean): boolean {
  const r = unparenthesised(rowOf(l.arg));
  return r.length === 3 && isNum(r[0], 1) && r[1].k === 'op' && r[1].v === '+' && r[2].k === 'apply' && r[2].fn === 'exp' && (!signed || unparenthesised(rowOf(r[2].arg))[0]?.k === 'op');
}
/** Two terms of a row: a logistic loss alone, and a sum over a set of negatives, Σ_{n ∈ N}, of logistic losses. */
function pairAndNegatives(r: Row): boolean {
  const terms = termsOf(r);
  const sampled = (b: Node | undefined) => b?.k === 'big' && b.v === 'sum' && hasOp(b.sub, '∈') && syms(b.sub).some((x) => x.name === 'N' || x.name === 'neg');
  // (A negative's loss may be written with the score's sign turned, log(1 + e^{s(w, n)}).)
  return terms.some((t) => !bigs(t.items, 'sum').length && logisticLoss(applies(t.items, ['log', 'ln']))) && terms.some((t) => sampled(t.items[0]) && applies(t.items.slice(1), ['log', 'ln']).some((l) => softplusOf(l, false)));
}
/** A row that is one probability, P(…), and nothing else. */
const probabilityAlone = (r: Row): Apply | null => (r.length === 1 && r[0].k === 'apply' && /^([pP]|Pr|pr)$/.test(r[0].fn) ? r[0] : null);
/** p/(1 − p), or P(y = 1 | x)/P(y = 0 | x): the odds of one outcome against the other. */
function oddsFrac(f: Frac): boolean {
  const num = rowOf(f.num);
  const den = rowOf(f.den);
  const text = (r: Row) => r.map((y) => show(y)).join(' ');
  // (The case of the input may slip between the two, p(X)/(1 − p(x)).)
  if (den.length >= 3 && isNum(den[0], 1) && den[1].k === 'op' && den[1].v === '-' && text(den.slice(2)).toLowerCase() === text(num).toLowerCase()) return true;
  const [a, b] = [probabilityAlone(num), probabilityAlone(den)];
  return !!a && !!b && text(rowOf(a.arg)) !== text(rowOf(b.arg)) && outcomeOf(a) !== null && outcomeOf(b) !== null && text(withoutOutcome(a)) === text(withoutOutcome(b));
}
/** The outcome a probability names (P(y = 1 | x) → "1"), and its argument without it. */
function outcomeOf(a: Apply): string | null {
  const r = rowOf(a.arg);
  const eq = r.findIndex((x) => x.k === 'op' && x.v === '=');
  return eq > 0 && r[eq + 1] ? show(r[eq + 1]) : null;
}
const withoutOutcome = (a: Apply): Row => { const r = rowOf(a.arg); const eq = r.findIndex((x) => x.k === 'op' && x.v === '='); return eq > 0 ? [...r.slice(0, eq), ...r.slice(eq + 2)] : r; };
/** The two outcomes of a ratio of probabilities are 1 and 0 (binary), or one class against a reference class. */
function binaryOdds(f: Frac): boolean {
  const [a, b] = [probabilityAlone(rowOf(f.num)), probabilityAlone(rowOf(f.den))];
  return !a || !b || [outcomeOf(a), outcomeOf(b)].every((v) => v === '1' || v === '0');
}

/** A step function's value: the number 0 or 1, not a product (`αx` under `x > 0` is another function's). */
const stepValue = (c: Node | undefined) => { const v = rowOf(c); return (isNum(v[0], 0) || isNum(v[0], 1)) && v[1]?.k !== 'sym'; };

/**
 * y = 1 (w_1 x_1 + w_2 x_2 > θ), h(x) = 0 (x ≤ 0): one case of a threshold unit written on its own line, its
 * condition in brackets after the value (compared with θ or 0).
 */
function thresholdCase(parts: Row[]): boolean {
  const cond = parts.length === 2 && parts[1].length === 2 && stepValue(parts[1][0]) && parts[1][1].k === 'group' && parts[1][1].delim === '(' ? rowOf(parts[1][1].body) : null;
  return !!cond && cond.some((y) => y.k === 'op' && ['≥', '>', '≤', '<', '⩾', '⩽'].includes(y.v)) && (syms(cond).some((y) => y.name === 'theta') || isNum(cond[cond.length - 1], 0));
}

/**
 * y ∼ 𝒩(wᵀx, σ²), p(y | x, θ) = 𝒩(y | wᵀφ(x), σ²): the target drawn from a Gaussian around a linear prediction, linear
 * regression written as a probability model. (A product or a sum of logs of such densities is a likelihood; a second
 * Gaussian beside it, a prior w ∼ 𝒩(0, τ²), makes the model Bayesian.)
 */
const GAUSSIAN_REGRESSION = 'y ∼ 𝒩(wᵀx, σ²): the target Gaussian around a linear prediction';
function gaussianRegression(root: Row): boolean {
  const gaussians = applies(root, ['N']);
  if (bigs(root, 'prod').length || applies(root, ['log', 'ln', 'exp']).length) return false;
  // (A sum may write the line out, Σ_k θ_k φ_k(x); one before the Gaussian sums densities.)
  const summed = (g: Apply) => root.some((x, i) => x.k === 'big' && root[i + 1] === g);
  // (The noise drawn beside it, y = xᵀθ + ε, ε ∼ 𝒩(0, σ²), is the same model written out; a prior on the weights is not.)
  const drawnBy = (i: number) => { const o = root[i + 1]; return o?.k === 'op' && o.v === '~'; };
  const noise = (g: Apply) => root.some((x, i) => x.k === 'sym' && /^(epsilon|varepsilon)$/.test(x.name) && drawnBy(i) && root[i + 2] === g);
  const models = gaussians.filter((g) => !noise(g));
  return models.length === 1 && !summed(models[0]) && gaussianAroundLine(root, models[0]);
}
/** The target Gaussian around a line in the input: 𝒩(y | xᵀθ, σ²), 𝒩(wᵀφ(x), σ²), 𝒩(βx, σ²), drawn or its density. */
function gaussianAroundLine(root: Row, gaussian: Apply): boolean {
  const r = rowOf(gaussian.arg);
  const bar = r.findIndex((x) => x.k === 'op' && (x.v === '|' || x.v === ';'));
  const commas = r.flatMap((x, i) => (x.k === 'op' && x.v === ',' ? [i] : []));
  if (commas.length !== 1 || (bar >= 0 && bar > commas[0])) return false;
  const mean = r.slice(bar + 1, commas[0]);
  const tilde = root.findIndex((x) => x.k === 'op' && x.v === '~');
  // (Or the density of the target written as the Gaussian: p(y | x) = 𝒩(wᵀx, σ²).)
  const lhs = root[0]?.k === 'apply' && /^[pP]$/.test(root[0].fn) && root[1]?.k === 'op' && root[1].v === '=' && root[2] === gaussian ? rowOf(root[0].arg) : [];
  const given = lhs.length > 2 && lhs[1].k === 'op' && lhs[1].v === '|' ? lhs[0] : undefined;
  const drawn = bar >= 0 ? r[0] : tilde > 0 && root[tilde + 1] === gaussian ? root[0] : given;
  const target = !!drawn && drawn.k === 'sym' && /^[ytY]$/.test(drawn.name) && !drawn.mods.some((m) => m !== 'bold');
  const input = (x: Node) => (x.k === 'sym' && /^[xX]$/.test(x.name)) || (x.k === 'apply' && /^(phi|varphi)$/.test(x.fn));
  const param = (x: Node) => x.k === 'sym' && PARAM_LETTER.test(x.name);
  const turned = (x: Node) => (x.k === 'sym' || x.k === 'apply') && !!x.sup && isTransposeSup(x.sup);
  // (The weights or the input transposed, θᵀx or xᵀθ, or a scalar coefficient beside the input, βx.)
  const weights = all(mean).some((x) => param(x) && turned(x)) || (mean.some(param) && mean.some((x) => input(x) && turned(x))) || (mean.length === 2 && mean.some(param) && mean.some(input));
  return target && weights && all(mean).some(input);
}
/** Why logistic regression is named by its log-odds or class probability written linear in the input (structures the learned model's tokens do not see). */
const LOGIT_LINEAR = 'logit(p) = θᵀx: the log-odds are linear';
const LOG_ODDS_LINEAR = 'log p/(1 − p) = θᵀx: the log-odds are linear';
const ODDS_EXPONENTIAL = 'p/(1 − p) = e^{θᵀx}: the odds are exponential in a linear score';
const REFERENCE_CLASS_ODDS = 'log P(y = k | x)/P(y = K | x) = θ_kᵀx: log-odds against a reference class (log-odds)';
const CLASS_PROBABILITY_LINEAR = 'P(y = 1 | x) = e^{θᵀx}/(1 + e^{θᵀx}): the class probability, the sigmoid of a linear score';
/**
 * Y_i = β₀ + β₁ X_i + ε_i, y = Xβ + ε, Y_i = Σ_k X_{ki} β_k + ε_i: the response as coefficients times the inputs plus an
 * error term standing on its own, the statistician's linear model. (Nothing divided or under a root: a normalisation's
 * ε sits under its square root, and its β is a shift.)
 */
const LINEAR_MODEL = 'Y_i = β₀ + β₁X_i + ε_i: the response, coefficients times inputs, and an error term';
function linearModelWithError(root: Row): boolean {
  const { parts } = sides(root);
  // (The response written y, Y, or t for the targets, t = Xw* + ε.)
  if (parts.length !== 2 || parts[0].length !== 1 || parts[0][0].k !== 'sym' || !/^[yYtT]$/.test(parts[0][0].name) || parts[0][0].mods.some((m) => m !== 'bold')) return false;
  const comma = parts[1].findIndex((x) => x.k === 'op' && x.v === ',');
  const terms = termsOf(comma < 0 ? parts[1] : parts[1].slice(0, comma));
  const last = terms[terms.length - 1];
  const error = terms.length >= 2 && last.sign === '+' && last.items.length === 1 && last.items[0].k === 'sym' && /^(epsilon|varepsilon|u|e)$/.test(last.items[0].name) && !last.items[0].sup;
  const rest = terms.slice(0, -1).flatMap((t) => t.items);
  const plain = !all(rest).some((x) => x.k === 'frac' || x.k === 'sqrt' || x.k === 'apply');
  return error && plain && ((syms(rest).some((x) => /^(beta|theta|w)$/.test(x.name)) && syms(rest).some((x) => /^[xX]$/.test(x.name))) || fittedTerms(terms.slice(0, -1)));
}
/** Why the response's mean given the input, linear in the input, is linear regression. */
const CONDITIONAL_MEAN_LINEAR = 'E[y | x] = xᵀβ: the mean of the response given the input, linear in the input';
/**
 * E[y | x] = Xβ, E(Y | X) = 12 + .7x, 𝔼[y | x] = ȳ − wᵀx̄ + wᵀx: the regression function, the response's mean given the
 * input, written as a line (coefficients or fitted numbers; a noise term may follow after a semicolon).
 */
function conditionalMeanLinear(root: Row): boolean {
  const { parts } = sides(root);
  if (parts.length !== 2) return false;
  const l = parts[0];
  const given = l.length === 1 && l[0].k === 'apply' && l[0].fn === 'E' ? rowOf(l[0].arg) : l.length === 2 && l[0].k === 'sym' && l[0].name === 'E' && !l[0].sub && l[1].k === 'group' ? rowOf(l[1].body) : null;
  const bar = given ? given.findIndex((x) => x.k === 'op' && x.v === '|') : -1;
  if (!given || bar !== 1 || given[0].k !== 'sym' || !/^[yY]$/.test(given[0].name) || !syms(given.slice(bar + 1)).some((x) => /^[xX]$/.test(x.name))) return false;
  const cut = parts[1].findIndex((x) => x.k === 'op' && (x.v === ';' || x.v === ','));
  const r = cut < 0 ? parts[1] : parts[1].slice(0, cut);
  const known = (x: Sym) => /^[xX]$/.test(x.name) || (/^[yY]$/.test(x.name) && x.mods.includes('bar')) || /^(beta|theta|w|b|T|top|intercal)$/.test(x.name);
  return syms(r).some((x) => /^[xX]$/.test(x.name)) && syms(r).every(known) && !all(r).some((x) => x.k === 'frac' || x.k === 'sqrt' || x.k === 'apply') && (fittedLine(r) || syms(r).some((x) => /^(beta|theta|w)$/.test(x.name)));
}
/** Linear regression written with a Gaussian: its density around θᵀx spelled out, or the target drawn from it. */
function gaussianRegressions(root: Row, add: Add): void {
  if (linearModelWithError(root)) add('linear-regression', 3.3, LINEAR_MODEL);
  if (conditionalMeanLinear(root)) add('linear-regression', 3.3, CONDITIONAL_MEAN_LINEAR);
  // p(y | x; θ) = 1/(√(2π) σ) exp(−(y − θᵀx)²/(2σ²)): a Gaussian around a linear prediction (least squares).
  const gaussianLinear = applies(root, ['exp']).some((e) => fracs(e.arg).some((f) => all(f.num).some((g) => g.k === 'group' && subText(g.sup) === '2' && hasOp(g.body, '-') && (hasTranspose(g.body) || dots(g.body).length > 0))));
  if (gaussianLinear && syms(root).some((x) => x.name === 'pi')) add('linear-regression', 3.2, 'a Gaussian around θᵀx: least squares as maximum likelihood');
  if (gaussianRegression(root)) add('linear-regression', 3.2, GAUSSIAN_REGRESSION);
}
/** p(n, left) = σ(v_nᵀ h), p(n, right) = 1 − σ(…): the probability of turning left or right at a node of the tree. */
function treeTurn(parts: Row[], lhsApply: Apply | null): boolean {
  const spelled = (r: Row) => r.map((x) => (x.k === 'sym' && x.name.length === 1 && !x.sub && !x.sup ? x.name : x.k === 'name' ? x.v : ' ')).join('');
  return parts.length >= 2 && !!lhsApply && /^[pP]$/.test(lhsApply.fn) && /(^|[^a-z])(left|right)([^a-z]|$)/i.test(spelled(rowOf(lhsApply.arg))) && applies(parts.slice(1).flat(), ['sigmoid']).length > 0;
}

/** h(x), h_θ(x), f(x), ŷ, y, or h_θ without its argument (the hypothesis named by its parameters): a model's prediction on the left. */
function isHypothesis(lhsApply: Apply | null, lhsSym: Sym | null): boolean {
  if (lhsApply) return /^[hfy]$/.test(lhsApply.fn) && (lhsApply.head.k !== 'sym' || !lhsApply.head.sub || PARAM_LETTER.test(subText(lhsApply.head.sub)));
  if (!lhsSym) return false;
  return ((lhsSym.mods.includes('hat') || /^[hy]$/.test(lhsSym.name)) && !lhsSym.sub) || hypothesisByParams(lhsSym);
}
/** Why the model's output equated with the probability of the positive class is logistic regression. */
const CLASS_ONE_PROBABILITY = 'h_θ(x) = P(y = 1 | x; θ): the model named by its parameters outputs the probability that the label is 1';
/**
 * h_θ(x) = P(y = 1 | x; θ), P(y = 1 | x) = f_{w,b}(x): a model named by its parameters (h_θ, f_{w,b}) equated with the
 * probability that the label is 1 given the input — logistic regression's reading of its output.
 */
function classOneProbability(parts: Row[]): boolean {
  if (parts.length !== 2) return false;
  const label = (r: Row, v: number) => {
    const a = r.length === 1 && r[0].k === 'apply' && /^[pP]$/.test(r[0].fn) ? rowOf(r[0].arg) : [];
    // (The label as a random variable, P(Y = 1 | X = x), as well.)
    return a[0]?.k === 'sym' && /^[yY]$/.test(a[0].name) && !a[0].sub && a[1]?.k === 'op' && a[1].v === '=' && isNum(a[2], v) && a[3]?.k === 'op' && a[3].v === '|';
  };
  const model = (r: Row) => r.length === 1 && r[0].k === 'apply' && r[0].head.k === 'sym' && /^[hf]$/.test(r[0].fn) && hypothesisByParams({ ...r[0].head, sup: undefined });
  // (Or the other class, P(y = 0 | x; θ) = 1 − h_θ(x).)
  const complement = (r: Row) => { const m = oneMinusOf(r); return !!m && model([m]); };
  // (A model without its parameters, h(x) = P(y = 1 | x; θ), when the probability names them after its semicolon.)
  const plain = (r: Row) => r.length === 1 && r[0].k === 'apply' && r[0].head.k === 'sym' && /^[hf]$/.test(r[0].fn) && !r[0].head.sub && !r[0].head.sup;
  const ofParams = (r: Row) => { const a = rowOf((r[0] as Apply).arg); const semi = a.findIndex((x) => x.k === 'op' && x.v === ';'); return semi > 0 && a.slice(semi + 1).some((x) => x.k === 'sym' && PARAM_LETTER.test(x.name)); };
  return (label(parts[0], 1) && model(parts[1])) || (model(parts[0]) && label(parts[1], 1)) || (label(parts[0], 0) && complement(parts[1])) || (plain(parts[0]) && label(parts[1], 1) && ofParams(parts[1]));
}
/** h_θ, h_w, f_{w,b}: the hypothesis named by its parameters, without its argument. */
const hypothesisByParams = (x: Node | undefined): boolean => {
  if (x?.k !== 'sym' || !/^[hf]$/.test(x.name) || x.sup) return false;
  if (x.name === 'h' && PARAM_LETTER.test(subText(x.sub))) return true;
  const params = rowOf(x.sub);
  return params.some((p) => p.k === 'sym' && PARAM_LETTER.test(p.name)) && params.every((p) => (p.k === 'sym' && /^(w|W|b|theta|beta)$/.test(p.name) && !p.sub) || (p.k === 'op' && p.v === ','));
};

/** A hypothesis h_θ(x) = θᵀx or g(θᵀx), and a model named by its parameters read as the probability of the label 1. */
function hypothesisForms(parts: Row[], lhsApply: Apply | null, lhsSym: Sym | null, add: Add): void {
  const hypothesis = isHypothesis(lhsApply, lhsSym);
  const rhs = parts[parts.length - 1] ?? [];
  // θᵀx, or the data matrix times the parameters, Xθ (X·θ, X*θ).
  const dataTimesParams = (r: Row) => { const q = r.length === 3 && r[1].k === 'op' && ['*', 'cdot', '·'].includes(r[1].v) ? [r[0], r[2]] : r; return q.length === 2 && q[0].k === 'sym' && q[0].name === 'X' && !q[0].sup && q[1].k === 'sym' && /^(theta|beta|w)$/.test(q[1].name) && !q[1].sup; };
  const paramDot = (r: Row) => (r.length === 2 && r[0].k === 'sym' && isTransposeSup(r[0].sup) && r[1].k === 'sym' && (PARAM_LETTER.test(r[0].name) || PARAM_LETTER.test(r[1].name))) || dataTimesParams(r);
  // (Also at the end of a chain of rewritings, h(x) = Σ_i θ_i x_i = θᵀx; or one parameter times the input, h_θ(x) = θ₁x.)
  const oneParamTimesInput = (r: Row) => !!lhsApply && lhsApply.head.k === 'sym' && !!lhsApply.head.sub && r.length === 2 && r[0].k === 'sym' && PARAM_LETTER.test(r[0].name) && !!r[0].sub && r[1].k === 'sym' && r[1].name === 'x' && !r[1].sup;
  if (hypothesis && parts.length >= 2 && (paramDot(rhs) || oneParamTimesInput(rhs))) add('linear-regression', 2.9, 'h_θ(x) = θᵀx');
  // (The hypothesis named by its parameters, h_w(X) = σ(Xw), is the regression's, not a layer's.)
  const ofParams = !!lhsApply && lhsApply.head.k === 'sym' && PARAM_LETTER.test(subText(lhsApply.head.sub));
  // (σ(Wᵀx) with the capital W of a weight matrix, not the hypothesis's own parameters: several outputs at once, a layer.)
  const matrixScores = (r: Row) => r[0]?.k === 'sym' && r[0].name === 'W' && !ofParams;
  if (hypothesis && parts.length === 2 && rhs.length === 1 && rhs[0].k === 'apply' && /^(g|sigmoid|sigma)$/.test(rhs[0].fn) && paramDot(rowOf(rhs[0].arg)) && !matrixScores(rowOf(rhs[0].arg))) add('logistic-regression', rhs[0].fn === 'g' ? 2.3 : ofParams ? 3.2 : 3, 'h_θ(x) = g(θᵀx)');
  if (classOneProbability(parts)) add('logistic-regression', 3.1, CLASS_ONE_PROBABILITY);
}

/**
 * More canonical forms: a hypothesis h_θ(x) = θᵀx (or g(θᵀx)), the halves of the binary cross-entropy (−log ŷ for
 * y = 1, −log(1 − ŷ) for y = 0) and the logistic loss log(1 + exp(−y f(x))), H(p, q) of two distributions, one
 * projection of a transformer input into its query/key/value role, the sinusoid of a position over a power of
 * 2i/d, a recurrence written with semicolons h = f(h_{t−1}; x; θ), and a weighted sum Σ_j α_j v_j (attention only when
 * the words say so: weak on its own).
 */
function detectMoreForms(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhs = parts.length > 1 ? parts[parts.length - 1] : parts[0] ?? [];
  const lhsApply = lhs.length === 1 && lhs[0].k === 'apply' ? lhs[0] : null;
  const lhsSym = lhs.length === 1 && lhs[0].k === 'sym' ? lhs[0] : null;
  hypothesisForms(parts, lhsApply, lhsSym, add);
  if (treeTurn(parts, lhsApply)) add('hierarchical-softmax', 3.3, 'p(n, left) = σ(v_nᵀ h): a left or right turn at a node of the tree');
  // −log ŷ for y = 1 and −log(1 − ŷ) for y = 0 (a loss of a prediction and a 0/1 label); both in one formula.
  const logs = applies(root, ['log', 'ln']);
  const halves = logHalves(root, logs);
  if (halves) add('binary-cross-entropy', halves.score, halves.why);
  if (lhsApply && /^(L|ell|l|loss|cost|J)$/.test(lhsApply.fn) && rowOf(lhsApply.arg).some((x) => isNum(x, 0) || isNum(x, 1)) && termsOf(rhs).length === 1 && termsOf(rhs)[0].sign === '-' && logs.length === 1) add('binary-cross-entropy', 3, 'L(ŷ, 1) = −log ŷ: one half of the binary cross-entropy');
  if (logisticLoss(logs)) add('binary-cross-entropy', 3.2, LOGISTIC_LOSS);
  // log(1 + e^{−s(w, c)}) + Σ_{n ∈ N} log(1 + e^{s(w, n)}): the logistic loss of the observed pair and of pairs drawn
  // from a sampled set, negative sampling's objective (as fastText writes it).
  if (logisticLoss(logs) && [root, ...all(root).filter((x): x is Group => x.k === 'group').map((g) => rowOf(g.body))].some(pairAndNegatives)) add('sgns', 3.6, 'ℓ(s(w, c)) + Σ_{n ∈ N} ℓ(−s(w, n)): the logistic loss of the observed pair and of sampled negatives');
  // dL/da = −y/a + (1 − y)/(1 − a): the binary cross-entropy's derivative by its prediction, a side of those two terms alone.
  {
    const bceDerivative = (p: Row) => {
      const t = termsOf(unparenthesised(p));
      if (t.length !== 2 || t.some((x) => x.items.length !== 1 || x.items[0].k !== 'frac')) return false;
      const [a, b] = t.map((x) => x.items[0] as Frac);
      const [label, pred] = [rowOf(a.num), rowOf(a.den)];
      const [yb, pb] = [oneMinusOf(b.num), oneMinusOf(b.den)];
      return label.length === 1 && label[0].k === 'sym' && /^[yt]$/.test(label[0].name) && pred.length === 1 && !!yb && !!pb && show(yb) === show(label[0]) && show(pb) === show(pred[0]);
    };
    if (parts.some(bceDerivative)) add('binary-cross-entropy', 3.5, BCE_DERIVATIVE);
  }
  // y_i βᵀx_i − log(1 + exp(βᵀx_i)): the log-likelihood of logistic regression written in the logit; with a minus in
  // front, −1/N Σ{…}, the log-loss.
  const softplus = (x: Node | undefined) => !!x && x.k === 'apply' && (x.fn === 'log' || x.fn === 'ln') && (() => { const r = rowOf(x.arg); return r.length === 3 && isNum(r[0], 1) && r[1].k === 'op' && r[1].v === '+' && ((r[2].k === 'apply' && r[2].fn === 'exp' && rowOf(r[2].arg)[0]?.k !== 'op') || (r[2].k === 'sym' && r[2].name === 'e' && !!r[2].sup && rowOf(r[2].sup)[0]?.k !== 'op')); })();
  const logitForm = rowsIn(root).some((r) => r.some((x, i) => softplus(x) && r[i - 1]?.k === 'op' && (r[i - 1] as { v: string }).v === '-' && r.slice(0, i - 1).some((y) => y.k === 'sym' && /^[yt]$/.test(y.name))));
  const leadingMinus = valueSides(parts).some((p) => p[0]?.k === 'op' && p[0].v === '-');
  if (logitForm) add(leadingMinus ? 'binary-cross-entropy' : 'maximum-likelihood', 3.3, 'y s − log(1 + e^s): the log-likelihood of logistic regression in the logit');
  // log(p / (1 − p)) = θᵀx: the log-odds are linear in the input.
  // (Or the odds named in a word, log(Odds).)
  const spelledOdds = (l: Apply) => { const r = rowOf(l.arg); return r.length === 4 && r.every((x) => x.k === 'sym' && !x.sub && !x.sup) && r.map((x) => (x as Sym).name).join('').toLowerCase() === 'odds'; };
  // (Or written O(H | x), the odds of a hypothesis given the data, as Bayesian notes write them.)
  const oddsCall = (l: Apply) => all(l.arg).some((x) => x.k === 'apply' && /^(O|odds|Odds)$/.test(x.fn) && hasOp(x.arg, '|'));
  const oddsLog = logs.some((l) => all(l.arg).some((x) => x.k === 'frac' && oddsFrac(x)) || spelledOdds(l) || oddsCall(l));
  // (With a linear side, x_i β among them: logit(p) = log p/(1 − p) alone defines the logit function. A lone letter on
  // the left, η = log p/(1 − p), names the log-odds: only on the right is it the score they equal.)
  const linearSide = parts.some((p, i) => !applies(p, ['log', 'ln']).length && (hasTranspose(p) || dots(p).length > 0 || dataTimesCoefficients(p) || (i > 0 && fittedLine(p)) || (!!affine(p) && !p.some((x) => x.k === 'frac')) || (i > 0 && p.length === 1 && p[0].k === 'sym' && !p[0].sub)));
  const multiclass = logs.some((l) => all(l.arg).some((x) => x.k === 'frac' && oddsFrac(x) && !binaryOdds(x)));
  // logit(p) = θᵀx: the same, with the log-odds named.
  if (lhsApply && lhsApply.fn.toLowerCase() === 'logit' && parts.length === 2 && linearSide) add('logistic-regression', 3.5, LOGIT_LINEAR);
  if (oddsLog && linearSide) add(multiclass ? 'softmax-regression' : 'logistic-regression', 3.5, multiclass ? REFERENCE_CLASS_ODDS : LOG_ODDS_LINEAR);
  // p/(1 − p) = e^{θᵀx}: the odds are the exponential of a linear score.
  const linearScore = (r: Row) => hasTranspose(r) || !!affine(r);
  const expLinear = (r: Row) => r.length === 1 && ((r[0].k === 'apply' && r[0].fn === 'exp' && linearScore(rowOf(r[0].arg))) || (r[0].k === 'sym' && r[0].name === 'e' && !!r[0].sup && linearScore(rowOf(r[0].sup))));
  if (parts.length === 2 && parts.some((p) => p.length === 1 && p[0].k === 'frac' && oddsFrac(p[0]) && binaryOdds(p[0])) && parts.some(expLinear)) add('logistic-regression', 3.3, ODDS_EXPONENTIAL);
  // P(y | x; W) = e^{f_y} / Σ_j e^{f_j}: a softmax of scores giving the class probability under parameters.
  // (Or a class named given the input, P(y = k | x): the probability of class k. Given scores, p(y = c | a), it is the
  // softmax itself.)
  const classNamed = (a: Apply) => { const r = rowOf(a.arg); const bar = r.findIndex((x) => x.k === 'op' && x.v === '|'); return bar === 3 && r[0].k === 'sym' && /^[yYcC]$/.test(r[0].name) && r[1].k === 'op' && r[1].v === '=' && r[2].k === 'sym' && /^[kjc]$/.test(r[2].name) && r[4]?.k === 'sym' && /^[xX]$/.test(r[4].name); };
  const classGivenInput = lhsApply && /^[pP]$/.test(lhsApply.fn) && hasOp(lhsApply.arg, '|') && (classNamed(lhsApply) || hasOp(lhsApply.arg, ';') || (lhsApply.head.k === 'sym' && syms(lhsApply.head.sub).some((x) => PARAM_LETTER.test(x.name))));
  if (classGivenInput && fracs(rhs).some((f) => !!softmaxFrac(f))) add('softmax-regression', 3.3, 'P(y | x; W) = softmax of the class scores');
  // L(θ) = Π_i p(y_i | x_i; θ) (= Π σ(θᵀx_i)^{y_i} (1 − σ(θᵀx_i))^{1−y_i}): the likelihood of the parameters.
  // (Of any parameters — μ, σ², λ, p — and any density of the examples, f or 𝒩; or the closed form of a Bernoulli's,
  // θ^k (1 − θ)^{N−k}.)
  const likelihoodOf = likelihoodParameter(lhsApply);
  const bernoulli = !!likelihoodOf && bernoulliPowers(rhs, likelihoodOf.name);
  // (Or the labels' Bernoulli under a product, Π [π(x_i)]^{y_i} [1 − π(x_i)]^{1−y_i}; or a conditional of any letter, Π q_θ(c_n | x_n).)
  // (Or, product by product, p_j^{y_j}: each class's probability raised to its label.)
  const labelPowers = rhs.filter((x) => x.k === 'group' && !!x.sup && syms(x.sup).some((y) => y.name === 'y')).length >= 2 || all(rhs).some((x) => x.k === 'sym' && /^(p|y|pi)$/.test(x.name) && syms(x.sup).some((y) => y.name === 'y'));
  const conditional = applies(rhs).some((a) => /^[a-zA-Z]$/.test(a.fn) && hasOp(a.arg, '|'));
  // (Or the density written out, e^{−(x_i − μ)²/2σ²}: an exponential of the very parameter the likelihood is of.)
  const densityOf = !!likelihoodOf && (all(rhs).some((x) => x.k === 'sym' && x.name === 'e' && syms(x.sup).some((y) => y.name === likelihoodOf.name)) || applies(rhs, ['exp']).some((a) => syms(a.arg).some((y) => y.name === likelihoodOf.name)));
  if (likelihoodOf && ((rhs[0]?.k === 'big' && rhs[0].v === 'prod' && (applies(rhs, ['sigmoid']).length > 0 || applies(rhs).some((a) => /^[pPfN]$/.test(a.fn)) || labelPowers || conditional || densityOf)) || bernoulli)) add('maximum-likelihood', 3.9, 'L(θ) = Π_i p(y_i | x_i; θ): the likelihood');
  // σ′ = σ(1 − σ): the sigmoid's derivative, explained with the sigmoid.
  if (lhsSym && lhsSym.name === 'sigma' && lhsSym.mods.includes('prime') && applies(rhs, ['sigmoid']).length === 1) add('sigmoid', 3.2, "σ′ = σ(1 − σ)");
  // F′(x) = f′(g(x)) g′(x): the chain rule written with primes.
  const primed = (a: Apply) => a.head.k === 'sym' && (a.head.mods.includes('prime') || /prime|'|′/.test(subText(a.head.sup)));
  if (applies(rhs).filter(primed).length >= 2 && applies(rhs).some((a) => primed(a) && applies(a.arg).length > 0)) add('chain-rule', 3.4, "f′(g(x)) · g′(x)");
  // f′(A) · A′(B) · B′(x), C′(R) · R′(Z) · Z′(W): each derivative taken at the function the next one differentiates.
  const links = applies(rhs).filter(primed);
  if (links.length >= 2 && links.every((a, i) => i === 0 || (links[i - 1].head.k === 'sym' && show(links[i - 1].arg).replace(/\s/g, '') === symBase(a.head)))) add('chain-rule', 3.4, "f′(A) · A′(B) · B′(x): derivatives along the composition");
  // [h^→ ; h^←]: the states of the two directions side by side.
  const arrowed = (dir: string) => syms(root).some((x) => /^[hHsz]$/.test(x.name) && subText(x.sup).includes(dir));
  // (Both directions fed to a function, tanh(g(h^→, h^←)), make something else of them.)
  if (arrowed('→') && arrowed('←') && all(root).some((x) => x.k === 'group' && x.delim === '[')) add('bidirectional-rnn', 3.4, '[h^→ ; h^←]');
  // [h_1^→, …, h_L^→] ← RNN(x_1, …, x_L): the states of one direction, computed by a recurrent network.
  else if ((arrowed('→') || arrowed('←')) && applies(root).some((a) => /rnn|lstm|gru/i.test(a.fn))) add('bidirectional-rnn', 3.2, 'the states of one direction of a bidirectional RNN');
  // g(V f(Wx)), Uᵀ f(Wx + b): a linear map of an activation of a linear map is a network of two layers.
  const ACT = /^(f|g|phi|varphi|sigma|sigmoid|tanh|relu)$/;
  const layerOf = (r: Row) => applies(r).filter((a) => ACT.test(a.fn) && (!!affine(argRow(a)) || syms(a.arg).some((x) => /^[A-Z]$/.test(x.name))));
  // (Another letter than the inner map's input: in ∫ f(X) log(f(X)/g(X)) dX, X is the variable integrated over.)
  // (An elementwise product, O_t ⊙ tanh(C_t), O_t * tanh(C_t), gates the activation: no linear map of it.)
  const outerMatrix = (r: Row, inner: Apply) => !(r[r.indexOf(inner) - 1]?.k === 'op' && ['⊙', '∘', '*'].includes((r[r.indexOf(inner) - 1] as { v: string }).v)) && r.some((x) => x !== inner && x.k === 'sym' && /^[A-Z]$/.test(x.name) && !syms(inner.arg).some((y) => show(y) === show(x)));
  const twoLayers = applies(root).some((a) => ACT.test(a.fn) && layerOf(rowOf(a.arg)).some((b) => outerMatrix(rowOf(a.arg), b))) || (parts.length > 1 && layerOf(rhs).some((b) => outerMatrix(rhs, b) && rhs.indexOf(b) > 0));
  if (twoLayers) add('mlp', 3.2, 'a linear map of an activation of a linear map: two layers');
  // y = ε(wᵀx − θ) = {1 if … ≥ 0; 0 if … < 0}: a threshold unit's step function.
  const stepCases = all(root).some((x) => x.k === 'env' && x.rows.length === 2 && x.rows.every((r) => r.some(stepValue)) && x.rows.flat().some((c) => all(c).some((y) => y.k === 'op' && ['≥', '>', '⩾'].includes(y.v))));
  // (A derivative equal to 1 / 0, φ′(x) or ∂y/∂x, is the derivative of ReLU.)
  const derivativeLhs = parts.length > 1 && parts[0].length === 1 && parts[0][0].k === 'frac' && !!derivative(parts[0][0]);
  // (σ(z) > 0.5 thresholds a probability: a classifier's decision, read in `detect`.)
  // (Two quantities compared, 1 if X_i > Y_i, make a mask.)
  if (stepCases && !all(root).some((x) => x.k === 'env' && x.rows.some((r) => r.slice(1).some(twoQuantitiesCompared))) && !all(root).some(isPrimed) && !derivativeLhs && !sigmoidThresholded(root)) add('step-function', 2.9, '1 above the threshold, 0 below');
  if (thresholdCase(parts) && !derivativeLhs) add('step-function', 3, 'y = 1 (wᵀx > θ): the value of a threshold unit under its condition');
  // D(P ‖ Q), D(P || Q): a divergence of one distribution from another, written with the double bar.
  detectDivergence(root, add);
  gaussianRegressions(root, add);
  // A lower-triangular matrix of ones and zeros in words about a mask: the causal mask of self-attention.
  const triangle = root.some((x) => x.k === 'env' && x.rows.length >= 3 && x.rows.every((r, i) => r.length === x.rows.length && r.every((c, j) => { const v = rowOf(c); return v.length === 1 && (isNum(v[0], 0) || isNum(v[0], 1)) && (j > i ? isNum(v[0], 0) : true); })) && x.rows.every((r, i) => isNum(rowOf(r[i])[0], 1)));
  if (triangle) add('masked-self-attention', 1.5, 'ones on and below the diagonal: each position sees itself and the ones before');
  // H(p, q) = −Σ p log q: the cross-entropy of two distributions defined (H(p) alone is the entropy).
  if (lhsApply && lhsApply.fn === 'H' && rowOf(lhsApply.arg).filter((x) => x.k === 'op' && x.v === ',').length === 1 && logs.length && hasOp(rhs, '-') && !weighsItsOwnLog(rhs)) add('cross-entropy', 3.2, 'H(p, q) = −Σ p log q');
  // L = −log p_{y}: minus the log of the probability indexed by the true class.
  const trueClass = (x: Node) => x.k === 'sym' && /^[pPqs]$/.test(x.name) && syms(x.sub).some((y) => y.name === 'y' || y.mods.includes('hat'));
  if (lossLhs(root) && termsOf(rhs).length === 1 && termsOf(rhs)[0].sign === '-' && logs.length === 1 && rowOf(logs[0].arg).length === 1 && trueClass(rowOf(logs[0].arg)[0])) add('cross-entropy', 3, '−log p_y: the cross-entropy of the true class');
  // H(p, q): the cross-entropy of two distributions (H(p) alone is the entropy).
  if (parts.length === 1 && rhs.length === 1 && rhs[0].k === 'apply' && rhs[0].fn === 'H' && rowOf(rhs[0].arg).filter((x) => x.k === 'op' && x.v === ',').length === 1) add('cross-entropy', 2.6, 'H(p, q)');
  // q_i = W^Q x_i: one input projected into its query/key/value role.
  // Q = X W_Q + b_Q: the projection with a bias.
  // (The role may share the weight's script with the layer's index, K_1 = X W_{k,1}.)
  const roleWeight = (x: Node) => {
    if (x.k !== 'sym' || x.name !== 'W' || !lhsSym) return false;
    const [role, ...rest] = (subText(x.sup) || subText(x.sub)).replace(/[\s()]/g, '').toLowerCase().split(',');
    return role === lhsSym.name.toLowerCase() && (!rest.length || (rest.length === 1 && rest[0] === subText(lhsSym.sub).replace(/\s/g, '').toLowerCase()));
  };
  if (lhsSym && /^[QKV]$/.test(lhsSym.name) && rhs.some(roleWeight) && hasOp(rhs, '+') && rhs.some((x) => x.k === 'sym' && /^[XH]$/.test(x.name))) add('self-attention', 3.2, PROJECTION_WITH_BIAS);
  // Q^{(i)} = W_q^{(i)} X + b_q^{(i)}: a projection per head, i indexing the head.
  // (Or below, Q_i = X W_i^Q: the head's index under the letter, the role above the weight.)
  const headIndex = (x: Node | undefined) => !!x && x.k === 'sym' && (/^\(?[ihr]\)?$/.test((subText(x.sup) || '').replace(/\s/g, '')) || (/^[ihr]$/.test(subText(x.sub).replace(/\s/g, '')) && (x.name !== 'W' || /^[QKV]$/i.test(subText(x.sup)))));
  if (lhsSym && /^[QKV]$/.test(lhsSym.name) && headIndex(lhsSym) && parts.length === 2 && parts[1].some((x) => x.k === 'sym' && x.name === 'W' && headIndex(x)) && parts[1].some((x) => x.k === 'sym' && /^[XHEZ]$/.test(x.name))) add('multi-head-attention', 3.3, 'Q^{(i)} = W_q^{(i)} X: the projection of one head');
  // Q = X W_Q (row vectors), also as the last step of Q = Linear(X) = X W_Q.
  if (lhsSym && /^[QKV]$/.test(lhsSym.name) && parts.slice(1).some((p) => p.length === 2 && p[0].k === 'sym' && /^[XHE]$/.test(p[0].name) && roleWeight(p[1]))) {
    // (The input X projected into its key or value role is read as self-attention's too: a note on cross-attention names
    // the encoder's states, K = H_enc W_K.)
    add('self-attention', 2.8, lhsSym.name === 'Q' ? PROJECTION_ROWS : PROJECTION_KEYS);
  }
  // (Hung-yi Lee's notes write the input a: q^i = W^q a^i.)
  // (A head's index may sit above the role's letter, q_i^j = W_q^j x_i.)
  if ((lhsSym && oneInputProjected(lhsSym, rhs)) || projectedLeftOfRole(parts)) add('self-attention', 2.8, PROJECTION_ONE);
  // sin(pos / base^{2i/d}): a sinusoidal positional encoding.
  // [sin(ω_1 t), cos(ω_1 t), sin(ω_2 t), …]: sines and cosines of one position at several frequencies.
  const waves = applies(root, ['sin', 'cos']);
  const shared = waves.length ? syms(waves[0].arg).map((x) => x.name).filter((n) => waves.every((a) => syms(a.arg).some((x) => x.name === n && !x.sub))) : [];
  if (waves.filter((a) => a.fn === 'sin').length >= 2 && waves.filter((a) => a.fn === 'cos').length >= 2 && shared.length) add('positional-encoding', 3.6, 'sines and cosines of one position at several frequencies');
  if (applies(root, ['sin', 'cos']).some((a) => fracs(a.arg).some((f) => all(f.den).some((x) => 'sup' in x && !!x.sup && /2i/.test(subText(x.sup).replace(/\s/g, '')))))) add('positional-encoding', 3.4, 'sin(pos / 10000^{2i/d})');
  // h = f(h_{t−1}; x; θ): the recurrence written with the state and input as arguments.
  if (lhsSym && /^[hs]$/.test(lhsSym.name) && rhs.length === 1 && rhs[0].k === 'apply' && syms(rhs[0].arg).some((x) => x.name === lhsSym.name && /-1/.test(subText(x.sub) + subText(x.sup)) && !/^[([]?(l|ell|ℓ)-1[)\]]?$/.test((subText(x.sub) + subText(x.sup)).replace(/\s/g, ''))) && syms(rhs[0].arg).some((x) => x.name !== lhsSym.name && !/^(theta|Theta|phi|W|U|V|b)$/.test(x.name))) add('rnn', 3, 'h = f(h_{t−1}, x): the recurrence');
  // Σ_j α_j v_j: a weighted sum of vectors by weights with the same index (the words must say attention).
  if (lhsSym && rhs.length === 3 && rhs[0].k === 'big' && rhs[0].v === 'sum' && rhs[1].k === 'sym' && rhs[2].k === 'sym' && (/^(alpha|a|b|w|beta|p)$/.test(rhs[1].name) || (/^[a-z]$/.test(rhs[1].name) && /^[vV]$/.test(rhs[2].name))) && /^[vhxsmz]$/i.test(rhs[2].name)) {
    const idx = rowOf(rhs[0].sub).find((x): x is Sym => x.k === 'sym')?.name;
    if (idx && subText(rhs[1].sub).includes(idx) && subText(rhs[2].sub).includes(idx)) add('attention', rhs[1].name === 'alpha' ? 2.4 : 1.8, 'Σ_j α_j v_j: a weighted sum of the vectors');
  }
}

/** The letter a linear model's function is named by: h(x), f(x), y(x), g(x), H(x) and a(x). */
const MODEL_FN = /^[hfygHa]$/;
/** A model's function by its letter, or by any capital letter indexed by its parameters (`M_{w,b}(x)`, `F_θ(x)`). */
const modelFunction = (a: Apply) => {
  if (MODEL_FN.test(a.fn)) return true;
  const params = a.head.k === 'sym' && /^[A-Z]$/.test(a.head.name) ? syms(a.head.sub) : [];
  return params.length > 0 && params.every((x) => /^(w|b|theta|beta)$/.test(x.name)) && rowOf((a.head as Sym).sub).every((x) => x.k === 'sym' || (x.k === 'op' && x.v === ','));
};

/** w x, θ x, w^T x, w · x or ⟨w, x⟩: a weight vector (or scalar) times the input, without a bias. */
function throughOrigin(r: Row): boolean {
  const op = (x: Node | undefined, v: string) => x?.k === 'op' && x.v === v;
  const pair = r.length === 2 ? r : r.length === 3 && (op(r[1], '·') || op(r[1], '*')) ? [r[0], r[2]] : r.length === 5 && op(r[0], '⟨') && op(r[2], ',') && op(r[4], '⟩') ? [r[1], r[3]] : null;
  if (!pair || pair.some((x) => x.k !== 'sym')) return false;
  const [w, x] = pair as Sym[];
  // (θ^t x, typed in haste: a lower-case t on the weights right before the input is their transpose.)
  return /^(w|theta|beta)$/.test(w.name) && !w.sub && (!w.sup || isTransposeSup(w.sup) || subText(w.sup) === 't') && x.name === 'x' && !x.sup;
}

/**
 * f_L(f_{L−1}(⋯(f_1(x))⋯)), f^{(L)}[⋯ f^{(1)}[x]]: one letter's functions, each indexed by its own layer, each applied
 * to the output of the layer below — three or more of them, or two with the depth L or an ellipsis standing for the rest.
 */
function nestedLayerCalls(part: Row): boolean {
  const callIn = (row: Row): { head: Sym; arg: Row } | undefined => {
    const outer = row.filter((x) => !(x.k === 'op' && (x.v === '…' || x.v === '⋯')));
    const items = outer.length === 1 && outer[0].k === 'group' && outer[0].delim === '(' ? rowOf(outer[0].body).filter((x) => !(x.k === 'op' && (x.v === '…' || x.v === '⋯'))) : outer;
    if (items.length === 1 && items[0].k === 'apply' && items[0].head.k === 'sym') return { head: items[0].head, arg: rowOf(items[0].arg) };
    if (items.length === 2 && items[0].k === 'sym' && items[1].k === 'group' && items[1].delim === '[') return { head: items[0], arg: rowOf(items[1].body) };
    return undefined;
  };
  const indices: string[] = [];
  let base = '';
  let elided = false;
  for (let call = callIn(part); call && indices.length < 64; call = callIn(call.arg)) {
    const index = indexOf(call.head.sub ?? call.head.sup);
    if (!/^(f|g|h|phi)$/.test(call.head.name) || !index || (base && call.head.name !== base)) break;
    base = call.head.name;
    indices.push(index);
    elided ||= call.arg.some((x) => x.k === 'op' && (x.v === '…' || x.v === '⋯')) || call.arg.some((x) => x.k === 'group' && rowOf(x.body).some((y) => y.k === 'op' && (y.v === '…' || y.v === '⋯')));
  }
  const distinct = new Set(indices).size === indices.length;
  // (Counted down inward, the last layer outermost: numbers that fall, or the depth L outside. g_1(g_2(⋯ g_n(x))),
  // counted up, is any composition of functions.)
  const numbers = indices.map(Number);
  const downward = numbers.every((n) => Number.isInteger(n)) ? numbers.every((n, i) => i === 0 || n < numbers[i - 1]) : /^(L|l|ell|ℓ)$/.test(indices[0]);
  return distinct && downward && (indices.length >= 3 || (indices.length === 2 && (elided || indices.some((i) => /^(L|l|ell|ℓ)/.test(i)))));
}

/** Affine: a weight times an input, plus a bias (W x + b, w^T x + b, w_0 + w_1 x_1 + …, Σ w_i x_i + b). */
function affine(typed: Row): { matrix: boolean; weights: string[] } | null {
  // (A product typed with an asterisk or a cross, W * x + b, β_1 × x_1, is the same product.)
  // (So is a matrix dotted with its input, W_1 · x.)
  const matrixDot = (x: Node, i: number) => x.k === 'op' && x.v === '·' && typed[i - 1]?.k === 'sym' && /^[A-Z]$/.test((typed[i - 1] as Sym).name) && typed[i + 1]?.k === 'sym' && /^[a-z]$/.test((typed[i + 1] as Sym).name);
  const r = typed.filter((x, i) => !(x.k === 'op' && (x.v === '*' || x.v === '∗' || x.v === '×')) && !matrixDot(x, i));
  const hasPlus = r.some((x) => x.k === 'op' && x.v === '+');
  // (wᵀx − θ, Wx − b: a threshold or a bias subtracted from the weighted input, as the perceptron and M-P neuron write it.)
  const minus = r.findIndex((x) => x.k === 'op' && x.v === '-');
  const last = r[r.length - 1];
  if (!hasPlus && minus > 1 && minus === r.length - 2 && last.k === 'sym' && /^(theta|b|c|beta|w|mu)$/.test(last.name) && !last.sup) {
    const weighted = affine(r.slice(0, minus));
    if (weighted) return weighted;
  }
  if (!hasPlus && !r.some((x) => x.k === 'big')) {
    // Wx alone (no bias)
    if (r.length === 2 && r[0].k === 'sym' && r[1].k === 'sym' && /^[A-Z]$/.test(r[0].name) && r[0].name !== r[1].name) return { matrix: true, weights: [r[0].name] };
    // wᵀx, xᵀw, w^{(l)} a^{(l−1)}: a weight vector on the input, or a layer's weights on the layer below (no bias).
    if (r.length === 2 && r[0].k === 'sym' && r[1].k === 'sym') {
      const [p, q] = r;
      // (θᵀx is the regressions' letter: g(θᵀx) is Ng's logistic regression, not a layer.)
      const weight = (x: Sym) => x.name === 'w' && !x.sub;
      const input = (x: Sym) => /^(x|a|h)$/.test(x.name);
      if (weight(p) && isTransposeSup(p.sup) && input(q) && !q.sup) return { matrix: false, weights: [p.name] };
      if (input(p) && isTransposeSup(p.sup) && weight(q) && !q.sup) return { matrix: false, weights: [q.name] };
      if (weight(p) && layerSup(p) && input(q) && layerSup(q) && indexOf(q.sup) === `${indexOf(p.sup)}-1`) return { matrix: false, weights: [p.name] };
      // (wx, xw, ωx: a line through the origin, the weight and the input written plainly side by side.)
      const plain = (x: Sym) => !x.sub && !x.sup && !x.mods.length;
      const slope = (x: Sym) => /^(w|omega|theta)$/.test(x.name) && plain(x);
      if ((slope(p) && q.name === 'x' && plain(q)) || (p.name === 'x' && plain(p) && slope(q))) return { matrix: false, weights: [slope(p) ? p.name : q.name] };
      // (a^{(1)} W^{(2)}: a row-vector book's layer below times the weights of the layer above.)
      if (/^[A-Z]$|^Theta$/.test(q.name) && layerTag(q) && layerTag(p) === layerBelow(layerTag(q))) return { matrix: true, weights: [q.name] };
    }
    const w0 = r[0];
    const rest = r[1]?.k === 'op' && r[1].v === '·' ? r.slice(2) : r.slice(1);
    // (W[h; x]: a matrix times a bracket; 𝔼[X], E[X], P[A] are an expectation and a probability.)
    if (w0 && w0.k === 'sym' && /^[A-Z]$/.test(w0.name) && !/^[EP]$/.test(w0.name) && !w0.mods.includes('bb') && rest.length === 1 && rest[0].k === 'group' && rest[0].delim === '[') return { matrix: true, weights: [w0.name] };
    return null;
  }
  for (let i = 0; i + 1 < r.length; i++) {
    const a = r[i];
    const b = r[i + 1];
    // Row-vector books: the input on the left, the weight matrix on the right (h U + c, [h; x] W + b).
    if ((a.k === 'sym' || (a.k === 'group' && (a.delim === '[' || a.delim === '('))) && b.k === 'sym' && /^[A-Z]$/.test(b.name) && !(a.k === 'sym' && /^[A-Z]$/.test(a.name)) && r[i + 2]?.k === 'op' && (r[i + 2] as { v: string }).v === '+') return { matrix: true, weights: [b.name] };
    if (a.k !== 'sym' || (b.k !== 'sym' && b.k !== 'group' && b.k !== 'apply')) continue;
    if (b.k === 'sym' && b.name === a.name && !a.sup) continue;
    // (x w + b: the input before its weight, written in lower case.)
    // (b + x_1 w_1 + x_2 w_2: each input before its own weight, the same index on both.)
    if (a.k === 'sym' && a.name === 'x' && b.k === 'sym' && b.name === 'w' && ((!a.sub && !b.sub && r[i + 2]?.k === 'op' && (r[i + 2] as { v: string }).v === '+') || (!!a.sub && subText(a.sub) === subText(b.sub) && hasPlus))) return { matrix: false, weights: ['w'] };
    // (ω^{[l]}: a weight in Greek, above it its layer; ω_i x_i: a weight in Greek on the input of the same index.)
    const weightish = /^[A-Z]$|^(w|theta|beta|u|a|Theta)$/.test(a.name) || (a.name === 'omega' && (layerSup(a) || (b.k === 'sym' && b.name === 'x' && subText(a.sub) === subText(b.sub)))) || isTransposeSup(a.sup);
    if (!weightish && b.k === 'sym' && /^[A-Z]$/.test(b.name) && isTransposeSup(b.sup)) return { matrix: true, weights: [b.name] };
    if (weightish) return { matrix: /^[A-Z]$/.test(a.name) || a.name === 'Theta', weights: [a.name] };
  }
  const top = r.filter((x): x is Sym => x.k === 'sym');
  if (r.some((x) => x.k === 'big' && x.v === 'sum') && top.length >= 2) return { matrix: false, weights: [top[0].name] };
  // Σ_i (w_i * x_i) + w_0: the products inside a bracket after the sum.
  const sumAt = r.findIndex((x) => x.k === 'big' && x.v === 'sum');
  const inner = sumAt >= 0 ? r[sumAt + 1] : undefined;
  const innerRow = inner && inner.k === 'group' ? rowOf(inner.body).flatMap((x) => (x.k === 'group' ? rowOf(x.body) : [x])) : [];
  const product = innerRow.filter((x) => !(x.k === 'op' && ['*', '·'].includes(x.v)));
  if (hasPlus && product.length === 2 && innerRow.length <= 3 && product.every((x) => x.k === 'sym') && innerRow[0].k === 'sym') return { matrix: false, weights: [innerRow[0].name] };
  if (r.some((x, i) => x.k === 'sym' && r[i + 1]?.k === 'op' && (r[i + 1] as { v: string }).v === '·')) return { matrix: false, weights: [] };
  return null;
}

/**
 * The argument of max(0, ·) is a difference of scores plus a margin (s_j − s_{y_i} + Δ) summed over the classes, or
 * scored against the true class y, or one term of a sum of such maxima: the multiclass hinge loss's margin violation,
 * not a ReLU of one pre-activation. (Two scores without classes, s_c − s, may be a ranking loss: no claim here.)
 */
function marginDifference(other: Row, root: Row): boolean {
  const values = other.filter((x) => x.k !== 'op');
  if (values.length < 2 || !other.some((x) => x.k === 'op' && x.v === '-')) return false;
  const trueClass = all(other).some((x) => 'sub' in x && !!x.sub && syms(x.sub).some((y) => y.name === 'y'));
  return bigs(root, 'sum').length > 0 || trueClass || applies(root, ['max']).length >= 2;
}

/** max(0, x) clipped from above by min(·, c): a clipped activation (ReLU6, a hard sigmoid), not the plain ReLU. */
const clippedMax = (root: Row) => applies(root, ['min']).some((m) => applies(m.arg, ['max']).length > 0 && all(m.arg).some((x) => x.k === 'num' && x.v !== 0));

/** Z_i = Attention(H W_i^Q, H W_i^K, H W_i^V): projections of their own for each output index are the heads. */
function perHeadAttention(root: Row, lhs: Row): boolean {
  // (The head's index below or above, head_i, H^{i}; the projections' the same, W_i^Q or W_q^{i}.)
  const lhsIndex = lhs.length === 1 && lhs[0].k === 'sym' ? lhs[0].sub ?? lhs[0].sup : undefined;
  const headIdx = lhsIndex ? syms(lhsIndex).map((x) => x.name) : [];
  const perHead = (a: Apply) => {
    const ws = syms(a.arg).filter((x) => /^(W|U|P)$/.test(x.name));
    return ws.length >= 3 && ws.every((w) => [...syms(w.sub), ...syms(w.sup)].some((x) => x.name === headIdx[0]));
  };
  return headIdx.length === 1 && applies(root).some((a) => a.fn.toLowerCase() === 'attention' && perHead(a));
}

/** The row items of a function application's argument, with a leading weight product etc. */
const argRow = (a: Apply): Row => rowOf(a.arg);

/** Letters meaning "word vector" (word2vec notations). */
function wordVectorPair(a: Node, b: Node): boolean {
  const base = (x: Node) => (x.k === 'sym' ? x.name : x.k === 'group' ? symBase(rowOf(x.body)[0]) : null);
  const A = base(a);
  const B = base(b);
  if (!A || !B) return false;
  const wv = ['u', 'v', 'c', 'w', 'o'];
  if (B === 'x' || B === 'h' || A === 'theta' || A === 'beta') return false;
  if (a.k === 'sym' && b.k === 'sym' && /^[A-Z]$/.test(A) && /^[A-Z]$/.test(B)) return false;
  return wv.includes(A) && wv.includes(B);
}
/** x_w and θ^u (or θ^w): word2vec's derivation writes the context's sum of vectors x_w and a word's auxiliary vector θ^u. */
function contextSumAgainstWord(a: Node, b: Node): boolean {
  const unwrap = (x: Node) => (x.k === 'group' && rowOf(x.body).length === 1 ? rowOf(x.body)[0] : x);
  const [p, q] = [unwrap(a), unwrap(b)];
  return p.k === 'sym' && p.name === 'x' && indexOf(p.sub) === 'w' && q.k === 'sym' && q.name === 'theta' && !q.sub && /^[uw]$/.test(indexOf(q.sup));
}

// ---------- detectors ----------

const condBarOf = (a: Apply) => rowOf(a.arg).some((x) => x.k === 'op' && x.v === '|');

type Add = (id: ConceptId, score: number, why: string) => void;

const RELATIVES: Partial<Record<ConceptId, ConceptId[]>> = {
  'negative-log-likelihood': ['surprisal', 'teacher-forcing', 'masked-lm', 'cross-entropy', 'perplexity', 'skipgram'],
  surprisal: ['negative-log-likelihood', 'perplexity'],
  softmax: ['attention', 'self-attention', 'softmax-regression', 'skipgram-softmax', 'fixed-window-lm', 'language-model', 'cbow', 'seq2seq'],
  attention: ['self-attention', 'softmax', 'mlp-attention'],
  'self-attention': ['attention', 'masked-self-attention'],
  'scaled-dot-product-attention': ['masked-self-attention', 'self-attention'],
  sigmoid: ['logistic-regression', 'sgns'],
  'affine-layer': ['linear-regression', 'mlp', 'rnn', 'seq2seq', 'fixed-window-lm'],
  rnn: ['seq2seq', 'lstm', 'gru', 'bidirectional-rnn'],
  'hinge-loss': ['collobert-weston'],
  mse: ['linear-regression', 'autoencoder', 'empirical-risk'],
  'language-model': ['seq2seq', 'probability-chain-rule', 'ngram-markov', 'fixed-window-lm'],
  'probability-chain-rule': ['language-model'],
  'kl-divergence': ['distillation-loss', 'elbo'],
  'cross-entropy': ['negative-log-likelihood', 'binary-cross-entropy', 'distillation-loss', 'perplexity'],
  'gradient-descent': ['minibatch-sgd', 'adam'],
  'chain-rule': ['backpropagation-through-time'],
  'empirical-risk': ['maximum-likelihood', 'mse'],
  'maximum-likelihood': ['empirical-risk', 'negative-log-likelihood'],
  'step-function': ['relu'],
  'skipgram-softmax': ['softmax', 'cbow'],
};

/** Words that, near a formula, favour one of its candidate concepts. */
const CONTEXT: Partial<Record<ConceptId, RegExp>> = {
  regularization: /regulari[sz]|penalt|weight decay|\bridge\b|\blasso\b|\bl[12]\b|正则|正則|罰則|정규화|규제|регуляриз/i,
  surprisal: /surprisal|information content/i,
  perplexity: /perplexity|\bppl\b|\bpp\b/i,
  'negative-log-likelihood': /\bloss\b|\bnll\b|negative log|likelihood/i,
  'teacher-forcing': /teacher[- ]forc/i,
  'masked-lm': /mask(ed)?[- ]?(lm|language)|\bmlm\b|\bbert\b|\[mask\]/i,
  attention: /(?<!self[- ]?)attention|attend|alignment/i,
  'self-attention': /self[- ]?att|quer(y|ies).*keys?|keys?.*quer|transformer/i,
  'masked-self-attention': /mask|causal|look[- ]?ahead/i,
  'scaled-dot-product-attention': /transformer|scaled|dot[- ]product/i,
  'multi-head-attention': /transformer|heads?\b/i,
  'positional-encoding': /transformer|position/i,
  'mlp-attention': /additive|bahdanau|mlp attention|concat attention/i,
  'softmax-regression': /multiclass|multinomial|softmax regression|multi-class logistic/i,
  'logistic-regression': /logistic regression|binary classif/i,
  'skipgram-softmax': /skip-?gram|word2vec|center word|context word/i,
  sgns: /negative sampl|sgns/i,
  cbow: /cbow|continuous bag/i,
  skipgram: /skip-?gram/i,
  'fixed-window-lm': /fixed[- ]window|window/i,
  'language-model': /language model|\blm\b|next word|next token/i,
  seq2seq: /seq2seq|encoder[- ]decoder|decoder|translation|bottleneck/i,
  rnn: /recurrent|\brnns?\b/i,
  'collobert-weston': /collobert|weston|corrupt/i,
  'distillation-loss': /distil|teacher.*student|student.*teacher/i,
  'linear-regression': /linear regression|least squares|regression/i,
  'affine-layer': /layer|neuron|unit|hidden|隐藏层|隐含层|隐层|神经元|隠れ層|中間層|ニューロン|은닉\s*층|뉴런/i,
  mlp: /\bmlps?\b|multi-?layer|perceptrons|two[- ]layers?|hidden layer|\bxor\b/i,
  'minibatch-sgd': /mini-?batch|stochastic|\bsgd\b/i,
  adam: /\badam\b/i,
  'probability-chain-rule': /chain rule|probabilit/i,
  'backpropagation-through-time': /through time|bptt|vanishing|rnn/i,
  'empirical-risk': /risk|minimi[sz]e/i,
  mse: /\bmse\b|squared|square (error|loss)|least squares/i,
  'cross-entropy': /cross[- ]entropy/i,
  'binary-cross-entropy': /binary/i,
  softmax: /softmax|output distribution|output layer/i,
  'maximum-likelihood': /likelihood|\bmle\b|maximi[sz]e (the )?(log[- ]?)?(probability|likelihood)/i,
  elbo: /elbo|evidence lower/i,
  autoencoder: /autoencoder|reconstruct/i,
};

/**
 * The letters a conditional probability predicts and the ones it is given, written on its line or in a set or
 * bracket there (`p(y_t | {y_1, …, y_{t−1}}, c)` → y_t | y_1, y_{t−1}, c); index letters inside scripts are not taken.
 */
function conditionLetters(a: Apply): { predicted: Sym[]; given: Sym[] } {
  const r = rowOf(a.arg);
  const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
  const top = (q: Row) => q.flatMap((y) => (y.k === 'sym' ? [y] : y.k === 'group' ? rowOf(y.body).filter((z): z is Sym => z.k === 'sym') : []));
  return bar < 0 ? { predicted: top(r), given: [] } : { predicted: top(r.slice(0, bar)), given: top(r.slice(bar + 1)) };
}

/**
 * Time steps written as arguments (`h(t) = f(U x(t) + W h(t − 1) + b)`) read as indices (`h_t`, `h_{t−1}`), so the
 * detectors see one notation. Taken only where the formula writes two such letters, or defines one.
 */
const timeArgsCache = new WeakMap<Row, Row>();
function timeArgsAsIndices(items: Row): Row {
  const hit = timeArgsCache.get(items);
  if (hit) return hit;
  const time = (n: Node | undefined) => /^(t|t[+-][0-9a-z]|tau|τ)$/.test(subText(n).replace(/\s/g, ''));
  const timed = (n: Node): n is Apply => n.k === 'apply' && TIMED_LETTER.test(n.fn) && n.head.k === 'sym' && !n.head.sub && !n.sup && time(n.arg);
  // (A bold or arrowed letter before its bracket, `\mathbf{h}(t − 1)`, is read as a letter and a bracket: the same time.)
  const letterTimed = (a: Node, b: Node | undefined): a is Sym => a.k === 'sym' && TIMED_LETTER.test(a.name) && a.mods.length > 0 && !a.sub && !a.sup && b?.k === 'group' && b.delim === '(' && !b.sub && !b.sup && time(b.body);
  const pairs = (r: Row) => r.filter((x, i) => letterTimed(x, r[i + 1])).length;
  const merge = (r: Row): Row => {
    if (!pairs(r)) return r;
    const out: Row = [];
    for (let i = 0; i < r.length; i++) {
      const x = r[i];
      const next = r[i + 1];
      if (letterTimed(x, next) && next.k === 'group') (out.push({ ...x, sub: next.body }), i++);
      else out.push(x);
    }
    return out;
  };
  const { parts } = sides(items);
  const defines = parts.length > 1 && ((parts[0].length === 1 && timed(parts[0][0])) || (parts[0].length === 2 && letterTimed(parts[0][0], parts[0][1])));
  const count = all(items).filter(timed).length + pairs(items) + all(items).reduce((n, x) => n + (x.k === 'row' ? pairs(x.items) : 0), 0);
  const mapped = (x: Node) => mapTree(x, (n) => (timed(n) ? { ...(n.head as Sym), sub: n.arg } : n.k === 'row' ? { k: 'row', items: merge(n.items) } : n));
  const out = !defines && count < 2 ? items : merge(items).map(mapped);
  timeArgsCache.set(items, out);
  return out;
}
/** Letters a time step may be written after in brackets, h(t), x(t − 1). */
const TIMED_LETTER = /^[hxysocazuHXYSOCfigrFIGRZ]$/;

const operatorCache = new WeakMap<Row, Row>();
/**
 * ∂/∂x J, d/dt L(ŷ, y): a derivative operator written before the function it differentiates, read as the derivative
 * ∂J/∂x (the operand a letter or a function applied, not a bracket or a sum).
 */
function operatorsApplied(items: Row): Row {
  const isD = (x: Node | undefined) => !!x && ((x.k === 'sym' && (x.name === 'partial' || x.name === 'd') && !x.sub && !x.sup) || (x.k === 'op' && x.v === '∂'));
  const operator = (n: Node | undefined): n is Frac => n?.k === 'frac' && rowOf(n.num).length === 1 && isD(rowOf(n.num)[0]) && rowOf(n.den).length >= 2 && isD(rowOf(n.den)[0]);
  const operand = (n: Node | undefined) => !!n && ((n.k === 'sym' && !isD(n)) || n.k === 'apply');
  const merge = (r: Row): Row => {
    if (!r.some((x, i) => operator(x) && operand(r[i + 1]))) return r;
    const out: Row = [];
    for (let i = 0; i < r.length; i++) {
      const x = r[i];
      if (operator(x) && operand(r[i + 1])) out.push({ ...x, num: { k: 'row', items: [rowOf(x.num)[0], r[++i]] } });
      else out.push(x);
    }
    return out;
  };
  const hit = operatorCache.get(items);
  if (hit) return hit;
  const row = all(items).some(operator) ? mapTree({ k: 'row', items }, (n) => (n.k === 'row' ? { k: 'row', items: merge(n.items) } : n)) : null;
  const out = row?.k === 'row' ? row.items : items;
  operatorCache.set(items, out);
  return out;
}

/**
 * θ_{t+1} = θ_t − η∇L + γ v_t, θ − η∇J + β(θ^t − θ^{t−1}), w − η∇ℓ + γΔw^{t−1}: a gradient step with a velocity added, momentum's step,
 * which is outside the catalog (neither plain gradient descent nor its minibatch form, whatever the words about
 * descent around it say); and the velocity's own update, v_{t+1} = μ v_t − α∇L, or the step by it, w − η v.
 */
function momentumStep(root: Row): boolean {
  const { parts } = sides(root);
  const lhsHead = parts.length > 1 ? parts[0][0] : undefined;
  if (parts.length < 2 || lhsHead?.k !== 'sym') return false;
  // (Any right side of a chain, θ^{(k+1)} = θ^{(k)} + v^{(k+1)} = θ^{(k)} + γv^{(k)} − η Σ J′(θ^{(k)}): each is the step.)
  return parts.slice(1).some((p) => momentumSide(lhsHead, p));
}

/** One right side of momentumStep's line, for its left side's letter. */
function momentumSide(lhsHead: Sym, side: Row): boolean {
  const terms = termsOf(side);
  // (A gradient may be written as the loss's derivative with a prime, J′(θ).)
  const gradient = (r: Row) => hasGradient(r) || applies(r).some((a) => a.fn.endsWith("'") || (a.head.k === 'sym' && a.head.mods.includes('prime')));
  // (The velocity itself, v_{t+1} = μ v_t − α∇L, or accumulated, v^{(k+1)} = −η J′(θ^{(k)}) + v^{(k)}; or the parameter moved
  // by it, w − η v_{t+1}, θ^{(k)} + v^{(k+1)}, with no gradient.)
  // (Or written as a function of the parameters, v^t(θ).)
  const velocity = (x: Node | undefined) => (x?.k === 'sym' && /^[vV]$/.test(x.name)) || (x?.k === 'apply' && x.head.k === 'sym' && /^[vV]$/.test(x.head.name) && syms(x.arg).some((y) => PARAM_LETTER.test(y.name)));
  const loneVelocity = (t: { items: Row }) => t.items.length === 1 && velocity(t.items[0]);
  if (velocity(lhsHead) && terms.length === 2 && terms[0].items.length === 2 && terms[0].items[0].k === 'sym' && /^(mu|beta|gamma|rho|alpha)$/.test(terms[0].items[0].name) && velocity(terms[0].items[1]) && gradient(terms[1].items)) return true;
  // (The accumulated velocity's gradient is the parameters', J′(θ^{(k)}): v′ = v − η∇C by v itself is a step of v.)
  const ofParameters = (r: Row) => syms(r).some((x) => PARAM_LETTER.test(x.name)) && !syms(r).some((x) => x.name === lhsHead.name);
  if (velocity(lhsHead) && terms.length === 2 && terms.some(loneVelocity) && terms.some((t) => !loneVelocity(t) && gradient(t.items) && ofParameters(t.items))) return true;
  const ownFirst = terms[0]?.items.length === 1 && terms[0].items[0].k === 'sym' && terms[0].items[0].name === lhsHead.name;
  if (!gradient(side)) return terms.length === 2 && ownFirst && ((terms[1].sign === '-' && terms[1].items.length === 2 && velocity(terms[1].items[1])) || (terms[1].sign === '+' && loneVelocity(terms[1])));
  const own = (r: Row) => syms(r).filter((y) => y.name === lhsHead.name).length;
  return terms[0]?.items[0]?.k === 'sym' && (terms[0].items[0] as Sym).name === lhsHead.name && terms.slice(1).some((t) => t.sign === '+' && !gradient(t.items) && (syms(t.items).some((x) => /^[vV]$/.test(x.name)) || (syms(t.items).some((x) => x.name === 'Delta') && own(t.items) >= 1) || t.items.some((x) => (x.k === 'group' && own(rowOf(x.body)) >= 2) || (x.k === 'apply' && own(rowOf(x.arg)) >= 2))));
}

/**
 * A moving average of gradients, the velocity of momentum or a moment of Adam, under any letter: m ← βm − η ∂l/∂w,
 * g_t = α g_{t−1} + η ∇J, V′ = μV − η∇J — the letter defined from its own previous value, times a decay rate, plus a
 * gradient.
 */
function averagedGradient(root: Row): boolean {
  const { parts } = sides(root);
  const lhsHead = parts.length === 2 ? parts[0][parts[0].length - 1] : undefined;
  if (lhsHead?.k !== 'sym') return false;
  const terms = termsOf(parts[1]);
  const [rate, own] = terms[0]?.items.filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '*'))) ?? [];
  // (The E資格 texts write the decay a plain a, v_{t+1} = a v_t − η ∂L/∂θ.)
  const decayRate = rate?.k === 'sym' && (/^(mu|beta|gamma|rho|alpha|lambda)$/.test(rate.name) || (rate.name === 'a' && !rate.sub));
  return terms.length === 2 && decayRate && own?.k === 'sym' && own.name === lhsHead.name && (hasGradient(terms[1].items) || syms(terms[1].items).some((x) => x.name === 'g' || x.name === 'nabla'));
}

/**
 * The lines of a block that make a gradient step something else than plain gradient descent: a velocity or moment
 * averaged from the gradients (momentum, Adam), or a scale defined as a square root the step divides by
 * (σ_t = √(ρσ²_{t−1} + (1 − ρ)g²), RMSProp's and AdaGrad's per-parameter rates).
 */
function optimiserBlock(src: string): boolean {
  const lines = blockLines(src).map((l) => oneLine(parseTex(l).items));
  if (lines.length < 2) return false;
  if (lines.some((l) => momentumStep(l) || averagedGradient(l))) return true;
  const rooted = lines.map((l) => sides(l).parts).filter((p) => p.length === 2 && p[0].length === 1 && p[0][0].k === 'sym' && p[1].some((x) => x.k === 'sqrt')).map((p) => (p[0][0] as Sym).name);
  return rooted.length > 0 && lines.some((l) => fracs(l).some((f) => syms(f.den).some((y) => rooted.includes(y.name))));
}

/** Why of a gradient step that also shrinks the weights, θ ← θ − η∇E − ηλθ. */
const DECAYING_STEP = 'θ ← θ − η∇E − ηλθ: a gradient-descent step on a loss with a weight penalty (weight decay)';
const DECAYING_BATCH_STEP = 'θ ← θ − ηλθ − η/|B| Σ_{i∈B} ∇ℓ_i: a minibatch step on a loss with a weight penalty (weight decay)';

/**
 * A step taken on part of the data: a sum over a batch (i ∈ B, up to B or b, or divided by |B|; a sum over all P
 * examples is the full gradient), a slice of the data as the loss's argument or index (x^{(i:i+n)}, x_{i:i+n},
 * ℒ_{n:n+B−1}), a loss indexed by a batch (∂L^{B_{t−1}}/∂w, L_B, J_{\mathcal{B}}), or a sampled example (sampledData):
 * 'sampled' for a sampled example with no sum over a batch, 'batch' for the others, null for none.
 */
function batchOfStep(step: Row): 'batch' | 'sampled' | null {
  const overBatch = (x: Node) => x.k === 'big' && x.v === 'sum' && (/∈|\\in\b/.test(show(x.sub)) || /^\|?[Bb]\|?$|^\|?\\mathcal\{B\}\|?$/.test(subText(x.sup).replace(/\s/g, '')) || syms(x.sup).some((y) => y.mods.includes('prime')));
  const sliceText = (t: string) => /^\(?[a-z]:[a-z]\+[a-z0-9]+(?:-1)?\)?$/i.test(t.replace(/\s/g, ''));
  const slice = all(step).some((x) => (x.k === 'sym' && (sliceText(subText(x.sup)) || sliceText(subText(x.sub)))) || (x.k === 'apply' && (sliceText(subText(x.arg)) || (x.head.k === 'sym' && sliceText(subText(x.head.sub))))));
  const batchLoss = all(step).some((x) => x.k === 'sym' && LOSS_LETTER.test(x.name) && [x.sup, x.sub].some((sc) => { const r = rowOf(sc).filter((y) => y.k !== 'op'); return r.length === 1 && r[0].k === 'sym' && r[0].name === 'B'; }));
  const summed = all(step).some(overBatch);
  const sampled = sampledData(step);
  if (sampled && !summed) return 'sampled';
  return sampled || slice || batchLoss || summed || fracs(step).some((f) => onlyNum(f.num, 1) && syms(f.den).some((y) => y.name === 'B' || y.name === 'b' || y.mods.includes('prime'))) ? 'batch' : null;
}

/** Why of a loss minimised subject to a bound on the parameters' size: regularisation in its constrained form. */
const CONSTRAINED_LOSS = 'loss subject to Σ_j β_j² ≤ t: a loss minimised within a budget on the size of the parameters (the constrained ridge or lasso)';

/**
 * A loss or a model written, then `subject to` (`s.t.`) a bound on the size of its parameters, Σ_j |β_j| < t,
 * (β_1² + β_2²) ≤ t, ‖w‖² ≤ s: the constrained form of the lasso or ridge.
 */
function constrainedBySize(root: Row): boolean {
  const at = root.findIndex((x) => (x.k === 'apply' || x.k === 'name' || x.k === 'text') && /^(subject ?to|s\.?t\.?)$/i.test((x.k === 'apply' ? x.fn : x.v).trim()));
  if (at <= 0 || !root.slice(0, at).some((x) => x.k === 'big' || x.k === 'frac' || x.k === 'apply' || x.k === 'group')) return false;
  const head = root[at];
  const after = [...(head.k === 'apply' ? [{ k: 'group', delim: '(', body: head.arg } as Node] : []), ...root.slice(at + 1)];
  const end = after.findIndex((x) => x.k === 'op' && x.v === ',');
  const constraint = end < 0 ? after : after.slice(0, end);
  const rel = constraint.findIndex((x) => x.k === 'op' && ['<', '≤', '\\le', '\\leq'].includes(x.v));
  if (rel <= 0 || !constraint.slice(rel + 1).some((x) => x.k === 'sym')) return false;
  const terms = termsOf(unparenthesised(constraint.slice(0, rel)));
  return terms.length >= 1 && terms.every((t) => t.sign !== '-' && isPenalty(t.items) && syms(t.items).some(isParam));
}

/** A lone Greek letter weighing a term: λ, α, β, γ, μ, ε. */
const GREEK_WEIGHT = /^(lambda|alpha|beta|gamma|mu|epsilon|varepsilon|eta)$/;

/** 1 − ηλ, 1 − 2λη/N, 1 − εα: the factor weight decay shrinks the parameters by (the rate times the decay's weight, in any two Greek letters). */
function decayFactor(b: Node): boolean {
  const twoWeights = () => { const w = syms(b); return w.length === 2 && w[0].name !== w[1].name && w.every((x) => GREEK_WEIGHT.test(x.name) && !x.sub && !x.sup); };
  return all(b).some((x) => isNum(x, 1)) && hasOp(b, '-') && (syms(b).some((x) => x.name === 'lambda') || twoWeights());
}

/** (1 − β) θ_{t−1} − α g_t: the parameter named shrunk by 1 − (one Greek weight), then another letter's rate times a gradient. */
function oneWeightShrink(p: Row, param: string): boolean {
  const f = p[0]?.k === 'group' && p[0].delim === '(' ? rowOf(p[0].body) : [];
  const factor = f.length === 3 && isNum(f[0], 1) && f[1].k === 'op' && f[1].v === '-' && f[2].k === 'sym' && GREEK_WEIGHT.test(f[2].name) && !f[2].sub && !f[2].sup;
  const step = p.slice(4);
  // (The rate's own letter in the bracket, (1 − ε) w − ε ∇J, is no decay of another weight.)
  return factor && p[1]?.k === 'sym' && p[1].name === param && p[2]?.k === 'op' && p[2].v === '-' && p[3]?.k === 'sym' && STEP_SIZE.test(p[3].name) && p[3].name !== (f[2] as Sym).name && (hasGradient(step) || (step.length === 1 && step[0].k === 'sym' && step[0].name === 'g'));
}

/** … = (1 − ηλ) θ − η ∂L/∂θ: a side that starts with the decay factor. */
const factoredDecay = (p: Row) => p[0]?.k === 'group' && p[0].delim === '(' && decayFactor(p[0].body);

/**
 * The step of an update shrinks the parameter by λ as well as following the gradient, weight decay:
 * w − η ∂L₀/∂w − ηλ sign(w), β − 2ηλβ − η ∂E/∂β, w − (ηλ/m) w − (η/m) Σ ∂J_i/∂w, w − ε(λw + ∇J), θ_j − α[(1/m) Σ … + (λ/m)θ_j].
 */
function weightDecayStep(step: Row, param: string): boolean {
  const decay = (t: Row) => !hasGradient(t) && syms(t).some((x) => x.name === 'lambda') && (syms(t).some((x) => x.name === param) || applies(t).some((a) => /^(sign|sgn)$/.test(a.fn) && syms(a.arg).some((x) => x.name === param)) || t.some((x) => x.k === 'name' && /^(sign|sgn)$/.test(x.v)));
  const following = (t: Row) => hasGradient(t) || bigs(t, 'sum').length > 0 || syms(t).some((x) => x.name === 'g');
  const terms = termsOf(step);
  if (terms.some((d) => decay(d.items) && terms.some((t) => t !== d && following(t.items)))) return true;
  // (Inside the rate's bracket the gradient is written as one, ε(λw + ∇J); a sum written out there, α[(1/m) Σ (h − y) x + (λ/m) w],
  // is gradient descent's own regularised step as courses write it.)
  // (There the decay's weight may be any Greek letter, ε(αw + ∇_w J), as the Deep Learning book writes it.)
  const weighted = (t: Row) => { const f = unmultiplied(t); return f.length === 2 && f[0].k === 'sym' && GREEK_WEIGHT.test(f[0].name) && !f[0].sub && f[1].k === 'sym' && f[1].name === param; };
  const both = (inner: ReturnType<typeof termsOf>) => inner.some((t) => decay(t.items) || weighted(t.items)) && inner.some((t) => hasGradient(t.items));
  return step.some((x) => x.k === 'group' && both(termsOf(rowOf(x.body)))) || applies(step).some((a) => /^(eta|alpha|epsilon|gamma)$/.test(a.fn) && both(termsOf(rowOf(a.arg))));
}

/** η/√(s + ε): a fraction over a square root that is not Adam's corrected second moment (√v̂). */
// (RMS[g]_t, the root of a running mean of squares written by name, is such a root too.)
const overARoot = (f: Frac) => all(f.den).some((y) => y.k === 'sqrt' && !syms(y.body).some((z) => z.mods.includes('hat'))) || /^RMS\[/.test(show(f.den).replace(/\s/g, ''));

/** θ ← θ − η/√(s + ε) ⊙ g: a step whose rate is divided by a square root (RMSProp, AdaGrad), not Adam's corrected moments. */
function rootRateStep(root: Row): boolean {
  const { parts } = sides(root);
  if (parts.length !== 2 || !hasGradient(parts[1]) && !syms(parts[1]).some((x) => x.name === 'g')) return false;
  return fracs(parts[1]).some(overARoot);
}

/** A running moment the step moves by, outside the roots it divides by: a letter marked as an estimate (m̂, ŝ) or m, v. */
function momentInStep(step: Row): boolean {
  const outside = step.flatMap((x) => (x.k === 'frac' ? syms(x.num) : x.k === 'sqrt' ? [] : syms([x])));
  return outside.some((x) => !STEP_SIZE.test(x.name) && (/^[mMvV]$/.test(x.name) || x.mods.some((m) => m === 'hat' || m === 'widehat')));
}

/** What a step by another optimiser than gradient descent rules out. */
const NOT_GRADIENT_DESCENT: ConceptId[] = ['gradient-descent', 'minibatch-sgd'];

/**
 * A velocity or a per-parameter rate in the step makes it another optimiser than gradient descent, on one line or
 * across a block's lines: gradient descent's candidates are dropped, and the answer is whether they were.
 */
/**
 * θ_{t+1} = θ_t − η P_t^{−1} g_t, θ ← θ − H^{−1}∇J: the parameters moved through an inverse matrix — a preconditioned or
 * Newton step, not the plain gradient step.
 */
function preconditionedStep(root: Row): boolean {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : undefined;
  if (!lhs || !PARAM_LETTER.test(lhs.name)) return false;
  const terms = termsOf(parts[1]);
  const inverse = (x: Node) => ('sup' in x && /^-1$/.test(subText(x.sup).replace(/\s+/g, ''))) && (x.k === 'group' || (x.k === 'sym' && /^[A-Z]$|^(Sigma|Lambda)$/.test(x.name)));
  // (θ_i^{t+1} = θ_i^t − (η/σ_i^t) g_i^t: the rate divided by a scale the step itself carries, Adagrad's or RMSProp's own.)
  const step = /^([a-z])\+1$/.exec((subText(lhs.sup) || subText(lhs.sub)).replace(/[\s()]/g, '').split(',').pop() ?? '')?.[1];
  // (Not over a batch's size, η/|B_k|: a count is no scale of the gradient's own.)
  const sized = (f: Frac) => all(f.den).some((y) => (y.k === 'group' && y.delim === '|') || (y.k === 'sym' && (y.mods.includes('cal') || /^[BNMmn]$/.test(y.name))));
  const scaledByStep = (x: Node) => x.k === 'frac' && !sized(x) && rowOf(x.num).some((y) => y.k === 'sym' && RATE_LETTER.test(y.name)) && syms(x.den).some((y) => y.name !== step && !RATE_LETTER.test(y.name) && [subText(y.sub), subText(y.sup)].some((i) => i.replace(/[\s()]/g, '').split(',').includes(step ?? '')));
  const ownFirst = terms.length === 2 && terms[0].items.length === 1 && terms[0].items[0].k === 'sym' && (terms[0].items[0] as Sym).name === lhs.name && terms[1].sign === '-';
  return ownFirst && (terms[1].items.some(inverse) || (!!step && terms[1].items.some(scaledByStep)));
}

function otherOptimiser(trees: Row[], src: string, depth: number, cands: Map<ConceptId, unknown>): boolean {
  const other = trees.some(momentumStep) || trees.some(preconditionedStep) || (depth === 0 && (trees.some(averagedGradient) || trees.some(rootRateStep) || optimiserBlock(src)));
  if (other) for (const id of NOT_GRADIENT_DESCENT) cands.delete(id);
  return other;
}

/**
 * A block of an optimiser's lines whose step follows one moment only: by the running average m alone (momentum), or by
 * the gradient over the root of the average of squares alone (RMSProp). Adam's step takes both; its moments' lines
 * beside such a step are another optimiser's, which the catalog leaves out.
 */
function oneMomentBlock(src: string, depth: number, cands: Map<ConceptId, unknown>): ConceptId[] {
  if (depth > 0) return [];
  const lines = blockLines(src).map((l) => oneLine(parseTex(l).items));
  if (lines.length < 2 || !lines.some((l) => syms(l).some((x) => /^(beta|rho|gamma)$/.test(x.name)))) return [];
  const steps = lines.map((l) => sides(l).parts).filter((p) => p.length === 2 && p[0].length === 1 && p[0][0].k === 'sym' && p[1][0]?.k === 'sym' && (p[1][0] as Sym).name === (p[0][0] as Sym).name && hasOp(p[1], '-'));
  if (steps.length !== 1) return [];
  const step = steps[0][1];
  // (The letters another line averages, u_τ = β u_{τ−1} + (1 − β) g: a moment under any letter.)
  const averaged = new Set(lines.map((l) => sides(l).parts).filter((p) => p.length === 2 && p[0].length === 1 && p[0][0].k === 'sym' && syms(p[1]).some((x) => /^(beta|rho|gamma)$/.test(x.name)) && syms(p[1]).some((x) => x.name === (p[0][0] as Sym).name)).map((p) => (p[0][0] as Sym).name));
  const stepped = (steps[0][0][0] as Sym).name;
  // (m̂_t, or m(θ) written as a function of the parameters.)
  const rooted = all(step).some((x) => x.k === 'sqrt');
  // (Under a root, an averaged letter is the squares' average; outside it, α v_t/√(G_t + ε), the gradients' average.)
  const underRoot = new Set(all(step).filter((x): x is Extract<Node, { k: 'sqrt' }> => x.k === 'sqrt').flatMap((r) => syms(r.body)));
  const byMoment = syms(step).some((x) => x.name === 'm' || (x.name !== stepped && averaged.has(x.name) && (!rooted || !underRoot.has(x)))) || all(step).some((x) => x.k === 'apply' && x.head.k === 'sym' && x.head.name === 'm');
  const overRoot = fracs(step).some((f) => all(f.den).some((y) => y.k === 'sqrt'));
  if (!(byMoment && !all(step).some((x) => x.k === 'sqrt')) && !(overRoot && !byMoment)) return [];
  cands.delete('adam');
  return ['adam'];
}

/** What a smoothed n-gram estimate rules out: it is the estimate made another way (add-one, interpolation, backoff). */
const NOT_NGRAM: ConceptId[] = ['ngram-markov'];
/** A count written as a function: C(w), c(h, w), count(…), N(…), #(…). */
const COUNT_FN = /^(C|c|count|Count|N|n|#|freq|Freq|frequency)$/;
/**
 * A smoothed estimate of the next word's probability, which the catalog leaves out: a count ratio with pseudo-counts
 * added, (C(h, w) + 1)/(C(h) + V); a mix of estimates of several orders, λ₁P(w) + λ₂P(w | v) + …; or a smoothing named
 * under the letter, P_{Laplace}, P_{Add-k}, P_{KN}.
 */
function smoothedEstimate(root: Row): boolean {
  const addsTo = (r: Row) => {
    const terms = termsOf(r);
    return terms.length >= 2 && terms.some((t) => applies(t.items).some((a) => COUNT_FN.test(a.fn))) && terms.some((t) => t.sign === '+' && !applies(t.items).length);
  };
  const pseudoCounts = fracs(root).some((f) => applies(f.num).some((a) => COUNT_FN.test(a.fn)) && (addsTo(rowOf(f.num)) || addsTo(rowOf(f.den))));
  const weightedEstimates = termsOf(root.slice(root.findIndex((x) => x.k === 'op' && x.v === '=') + 1)).filter((t) => t.items.some((x) => x.k === 'sym' && /^(lambda|alpha)$/.test(x.name)) && applies(t.items).some(isProb)).length >= 2;
  const namedSmoothing = applies(root).some((a) => isProb(a) && a.head.k === 'sym' && /laplace|add|kn|kneser|interp|backoff|katz|smooth|lidstone/i.test(subText(a.head.sub)));
  return pseudoCounts || weightedEstimates || namedSmoothing;
}

/** A smoothed estimate's n-gram candidates dropped; what it rules out. */
function smoothedNgram(trees: Row[], cands: Map<ConceptId, unknown>): ConceptId[] {
  if (!trees.some(smoothedEstimate)) return [];
  for (const id of NOT_NGRAM) cands.delete(id);
  return NOT_NGRAM;
}

/** A line of a derivation that goes on from the one before (`= …`, `&\approx …`): it opens with its relation. */
export const CONTINUES = /^\s*&?\s*(?:=|\\approx|≈|\\propto|∝)/;

/** A probability written p(…) or P(…). */
const isProb = (a: Apply) => /^[pP]$/.test(a.fn);
/** 𝓛(q, θ): the variational bound, a function of the approximation q. */
const isBoundOfQ = (x: Node) => x.k === 'apply' && x.head.k === 'sym' && x.head.name === 'L' && x.head.mods.includes('cal') && syms(x.arg).some((y) => y.name === 'q');
/** A distribution given its parameters only, p(x, z | θ), p(x; θ): every letter after the last `|` or `;` a Greek parameter letter. */
function givenParametersOnly(a: Apply): boolean {
  const r = rowOf(a.arg);
  const cut = r.map((x) => x.k === 'op' && (x.v === '|' || x.v === ';')).lastIndexOf(true);
  const given = cut < 0 ? [] : r.slice(cut + 1).filter((x) => x.k !== 'op' || x.v !== ',');
  return given.length > 0 && given.every((x) => x.k === 'sym' && /^(theta|Theta|phi|varphi|psi|lambda|mu|sigma|pi|eta|omega|beta|alpha)$/.test(x.name));
}
/** A prime written as a superscript (a^\prime, a^{'}, and s^{,} where a scan turned the prime into a comma): a derivative. */
const primeSup = (x: Node | undefined) => !!x && (x.k === 'sym' || x.k === 'apply') && /^(prime|'|′|,)$/.test(subText(x.k === 'apply' ? (x.head as { sup?: Node }).sup : x.sup).trim());
/** A prime on a letter or on a function's head (σ′, φ^{\prime}(x), ReLU'(z), σ'_{relu}): the node is a derivative. */
const isPrimed = (n: Node): boolean => {
  const head = n.k === 'apply' ? n.head : n;
  return (n.k === 'apply' && /['′]$/.test(n.fn)) || (n.k === 'name' && /['′]$/.test(n.v)) || (head.k === 'sym' && (head.mods.includes('prime') || /prime|'|′/.test(subText(head.sup))));
};
/** An activation's slope in a row: a primed letter or function (σ′(z), f′^{(l)}(z), g'(z)). */
/** A function written with a prime, f′(z), f'(z), f^\prime(z): its derivative. */
const primedApply = (a: Apply) => a.fn.endsWith("'") || (a.head.k === 'sym' && (a.head.mods.includes('prime') || syms(a.head.sup).some((y) => y.name === 'prime')));
const primedActivation = (r: Row) => syms(r).some((y) => y.mods.includes('prime')) || applies(r).some(primedApply);
/** The index a sub- or superscript writes, without brackets or spaces (`(i)` → `i`). */
const indexOf = (n: Node | undefined) => subText(n).replace(/[\s()[\]{}]/g, '');
// A weight matrix numbered by its layer (W_1, W^{(2)}, (W^{(1)})ᵀ) on one input or hidden letter, without a bias
// (Z = XW_1, z = W^{(1)}x, ŷ = hW_2), giving a layer's letter: the layer's map. (Q = XW_Q, named for a role, is not.)
function numberedLayerMap(side: Row, lhsHead: Node | undefined): boolean {
  const r = side.filter((x) => !(x.k === 'op' && ['*', '∗', '·'].includes(x.v)));
  if (r.length !== 2 || lhsHead?.k !== 'sym' || (!!indexOf(lhsHead.sub) && !/^[0-9]$/.test(indexOf(lhsHead.sub)))) return false;
  if (!/^[zhaoyZHAOY]$/.test(lhsHead.name)) return false;
  const unwrap = (x: Node): Sym | null => {
    if (x.k === 'sym') return x;
    const inner = x.k === 'group' && x.delim === '(' && isTransposeSup(x.sup) ? rowOf(x.body) : [];
    return inner.length === 1 && inner[0].k === 'sym' ? inner[0] : null;
  };
  const [p, q] = r.map(unwrap);
  if (!p || !q) return false;
  // (A left side numbered too, z^2 = W^3 x, must carry the weights' number.)
  const lhsNumber = [indexOf(lhsHead.sub), indexOf(lhsHead.sup)].find((t) => /^[0-9]$/.test(t));
  const number = (x: Sym) => (x.name !== 'W' ? '' : [indexOf(x.sub), x.sub ? '' : indexOf(x.sup)].find((t) => /^[0-9]$/.test(t)) ?? '');
  const numbered = (x: Sym) => !!number(x) && (!lhsNumber || lhsNumber === number(x));
  const input = (x: Sym) => /^[xXhHaAzZ]$/.test(x.name) && !isTransposeSup(x.sup);
  return (numbered(p) && input(q)) || (input(p) && numbered(q));
}
/** A letter's superscript as a layer's tag, bracketed or bare (z^{(2)}, z^{[2]}, z^2, W^l → 2, 2, 2, l); none for a transpose. */
const layerTag = (x: Node | undefined): string => (x?.k === 'sym' && !!x.sup && !isTransposeSup(x.sup) && /^[A-Za-z0-9+-]{1,4}$/.test(indexOf(x.sup)) ? indexOf(x.sup) : '');
/** The tag of the layer below: 2 → 1, l → l-1. */
const layerBelow = (tag: string) => (/^[0-9]+$/.test(tag) ? String(Number(tag) - 1) : `${tag}-1`);
/** A letter's step, written as a subscript or a superscript, its brackets dropped: h_t, h^{(t)}, h^{⟨t−1⟩} → t, t, t−1. */
const stepIndex = (x: Sym) => indexOf(x.sub ?? x.sup).replace(/[⟨⟩<>]/g, '');
/** A letter's layer, written as a superscript or, with none, a subscript: a^{(l+1)}, z^{[2]}, v_ℓ → l+1, 2, ell. */
const layerIndexOf = (x: Sym) => indexOf(x.sup ?? x.sub);

/**
 * The formula starts with the derivative of one output component by one input component, ∂σ(z)_i/∂z_j, ∂S_i/∂z_j,
 * ∂(e^{z_i}/Σ_k e^{z_k})/∂z_j: a step of a vector function's Jacobian (a loss, ∂L/∂z_i, has no component of its own).
 */
function componentDerivative(root: Row): boolean {
  const first = sides(root).parts[0] ?? [];
  const f = first.find((x): x is Frac => x.k === 'frac');
  const d = f && derivative(f);
  if (!d || d.wrt.length !== 1 || d.wrt[0].k !== 'sym' || !/^[a-z]$/.test(indexOf(d.wrt[0].sub))) return false;
  const of = d.of.filter((x) => !(x.k === 'group' && !rowOf(x.body).length));
  const one = of.length === 1 ? (of[0].k === 'group' ? rowOf(of[0].body) : of) : [];
  if (one.length === 1 && one[0].k === 'frac') return applies(one[0].num, ['exp']).length > 0 && bigs(one[0].den, 'sum').length > 0;
  // (Or a function of the indexed input, ∂S(z_i)/∂z_j.)
  const argIndexed = (a: Node) => { const r = a.k === 'apply' ? rowOf(a.arg) : []; return r.length === 1 && r[0].k === 'sym' && /^[a-z]$/.test(indexOf(r[0].sub)); };
  return one.length === 1 && (one[0].k === 'sym' || one[0].k === 'apply') && (/^[a-z]$/.test(indexOf(one[0].sub)) || argIndexed(one[0]));
}

/**
 * Notations of students' derivations: the likelihood as a product over the examples, a layer's error passed back,
 * an update written with the target minus the prediction, with the step as an argument, or for several variables.
 */
function detectDerivations(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhsAll = parts.length > 1 ? parts.slice(1).flat() : parts[0];
  const lhsHead = lhs.find((x) => x.k === 'sym' || x.k === 'apply');
  const barAt = (r: Row) => r.findIndex((x) => x.k === 'op' && x.v === '|');
  // Π_i P(y_i | x_i; θ), Π_i p_θ(x_i), Π_n y_n^{t_n} (1 − y_n)^{1−t_n}: a product over the examples of each one's
  // probability is the likelihood of the data. (Over time steps, or given the same letter's earlier values, it is a
  // sequence model's; with a minus in front, a loss.)
  const rows = rowsIn(root);
  // (A conditional model defined as a product, p(x | z) = Π_i p(x_i | z), p(u | w) = Π_j p(d_j | …), factorises one
  // probability over its parts: no likelihood unless the condition is the parameters.)
  // (But p(y_1, …, y_n | x_1, …, x_n) and P(Y | X) = Π_i P(y^{(i)} | x^{(i)}) are the labels of the whole data set given its
  // inputs: a list of them, or the capital of a letter the product indexes — the likelihood.)
  const lhsArg = lhsHead?.k === 'apply' ? rowOf(lhsHead.arg) : [];
  const listed = lhsArg.slice(0, barAt(lhsArg)).some((x) => x.k === 'op' && ['…', '⋯', '...'].includes(x.v)) || all(lhsArg).some((x) => x.k === 'name' && /dots$/.test(x.v));
  // (Or the data set by its letter alone, p(𝒟 | μ).)
  const dataLetter = lhsHead?.k === 'apply' && rowOf(lhsHead.arg).slice(0, barAt(rowOf(lhsHead.arg))).length === 1 && conditionLetters(lhsHead).predicted.length === 1 && conditionLetters(lhsHead).predicted[0].name === 'D' && !conditionLetters(lhsHead).predicted[0].sub;
  // (Or the labels as one bold vector, P(𝐲 | 𝐗) = Π_i p(y^{(i)} | 𝐱^{(i)}).)
  const wholeOf = (y: Sym) => (/^[A-Z]$/.test(y.name) || (y.mods.includes('bold') && !y.sub && !y.sup)) && all(rhsAll).some((z) => z.k === 'sym' && z.name === y.name.toLowerCase() && !!(z.sub || z.sup));
  const dataSet = lhsHead?.k === 'apply' && (listed || dataLetter || conditionLetters(lhsHead).predicted.some(wholeOf));
  // (The parameters may be a hypothesis's subscript, P(d | h_θ).)
  const paramLetter = (y: Sym) => PARAM_LETTER.test(y.name) || syms(y.sub).some((z) => PARAM_LETTER.test(z.name));
  const lhsModel = lhsHead?.k === 'apply' && isProb(lhsHead) && condBarOf(lhsHead) && !conditionLetters(lhsHead).given.some(paramLetter) && !dataSet;
  const likelihood = !lhsModel && rows.some((r) => r.some((x, k) => {
    if (x.k !== 'big' || x.v !== 'prod' || !('sub' in x)) return false;
    const idx = syms(x.sub)[0]?.name;
    if (!idx || /^(t|tau|T)$/.test(idx) || r.slice(0, k).some((y) => y.k === 'op' && y.v === '-')) return false;
    const end = r.findIndex((y, j) => j > k && y.k === 'op' && ['=', '+', '-', '≈', '≤', '≥', '∝', ',', ':=', '←'].includes(y.v));
    const body = r.slice(k + 1, end < 0 ? undefined : end);
    const indexed = (s: Sym) => indexOf(s.sub) === idx || indexOf(s.sup) === idx;
    // (A density named by its family, 𝒩(x_n | μ, σ²), is the example's probability too.)
    const ofExample = applies(body).filter((a) => isProb(a) || (a.fn === 'N' && a.head.k === 'sym' && a.head.mods.includes('cal'))).some((a) => {
      const ar = rowOf(a.arg);
      const bar = barAt(ar);
      const params = (a.head.k === 'sym' && syms(a.head.sub).some((y) => PARAM_LETTER.test(y.name))) || (hasOp(a.arg, ';') && syms(a.arg).some((y) => PARAM_LETTER.test(y.name)));
      if (bar < 0) return params && syms(ar).some(indexed);
      const predicted = syms(ar.slice(0, bar));
      const given = syms(ar.slice(bar + 1));
      if (!predicted.some(indexed)) return false;
      const names = new Set(predicted.map((y) => y.name));
      // (Given any parameter, p(x_i | μ), where the left side is the data set's probability.)
      // (Or a distribution's own parameters, p(x_n | μ, σ²), where the left side is the data set's.)
      const distributionParam = (y: Sym) => dataSet && /^(mu|sigma|Sigma|lambda|pi)$/.test(y.name);
      return given.some((y) => indexed(y) && !names.has(y.name)) || (!given.some((y) => names.has(y.name)) && given.some((y) => paramLetter(y) || distributionParam(y) || (dataLetter && !indexed(y))));
    });
    const powers = all(body).flatMap((y) => (y.k === 'apply' ? [y, y.head] : [y])).map((y) => ('sup' in y ? y.sup : undefined)).filter((y): y is Node => !!y);
    // (The exponents are the labels, y_i or t_n; a code's bits, d_j, belong to hierarchical softmax's path.)
    const label = (y: Sym) => indexed(y) && /^[yYtTc]$/.test(y.name);
    const bernoulli = powers.some((y) => syms(y).some(label) && rowOf(y).length === 1) && powers.some((y) => { const sr = rowOf(y); return isNum(sr[0], 1) && sr[1]?.k === 'op' && sr[1].v === '-' && syms(sr).some(label); });
    return ofExample || bernoulli;
  }));
  if (likelihood) add('maximum-likelihood', 3.3, 'Π_i p(y_i | x_i; θ): the likelihood of the data, a product over the examples');
  // P(D_1, …, D_n | θ) = P(D_1 | θ) P(D_2 | θ) … P(D_n | θ): the same product written out, each example of one letter
  // given the parameters alone.
  const factors = (parts[1] ?? []).filter((x): x is Apply => x.k === 'apply' && isProb(x));
  const ofParams = (a: Apply) => { const { predicted, given } = conditionLetters(a); return predicted.length === 1 && !!predicted[0].sub && given.length > 0 && given.every((y) => PARAM_LETTER.test(y.name) || /^(mu|sigma|lambda|pi|phi)$/.test(y.name)); };
  const productWrittenOut = parts.length === 2 && dataSet && factors.length >= 2 && (parts[1] ?? []).every((x) => (x.k === 'apply' && isProb(x)) || (x.k === 'op' && ['…', '⋯', '...', '·', '×'].includes(x.v))) && hasOp(parts[1], '…', '⋯', '...') && factors.every(ofParams) && new Set(factors.map((a) => conditionLetters(a).predicted[0].name)).size === 1;
  if (productWrittenOut) add('maximum-likelihood', 3.3, 'P(D_1, …, D_n | θ) = P(D_1 | θ) … P(D_n | θ): the likelihood of the data, written out');
  // arg max_θ log L(θ): the parameters that make the data most likely. (Two parameter sets, θ and φ, with a q: an ELBO.)
  // (Or an arg max with nothing below it whose left side is the parameters' estimate, w*, b* = arg max L(w, b).)
  const estimated = (y: Sym) => (PARAM_LETTER.test(y.name) || y.name === 'b') && (y.mods.includes('hat') || /^[*∗]$/.test(subText(y.sup).trim()));
  const estimateLhs = parts.length >= 2 && syms(parts[0]).length > 0 && syms(parts[0]).every(estimated);
  const maxOverParams = all(root).some((x) => x.k === 'name' && /^(arg)?max$/i.test(x.v) && (syms((x as { sub?: Node }).sub).some((y) => PARAM_LETTER.test(y.name)) || (estimateLhs && /^arg/i.test(x.v) && !(x as { sub?: Node }).sub)));
  const likelihoodOfParams = applies(root).some((a) => /^(L|ell)$/.test(a.fn) && syms(a.arg).some((y) => PARAM_LETTER.test(y.name)));
  if (maxOverParams && likelihoodOfParams && !hasSym(root, 'phi', 'varphi') && !applies(root).some((a) => a.fn === 'q')) add('maximum-likelihood', 3.1, 'arg max_θ log L(θ): the parameters that make the data most likely');
  // log p(x) = ℒ + D_KL(q(z | x) ‖ p(z | x)), log p(x) − ℒ = D_KL(…): the evidence split into the bound and its gap.
  // (The evidence may be conditioned on the parameters alone, log p(x | θ); the bound may be named, ELBO(q, x; θ, φ).)
  const givenParams = (a: Apply) => { const r = rowOf(a.arg); const bar = r.findIndex((x) => x.k === 'op' && x.v === '|'); return bar > 0 && r.slice(bar + 1).every((x) => (x.k === 'sym' && /^(theta|phi)$/.test(x.name)) || (x.k === 'op' && x.v === ',')); };
  const logEvidence = applies(root, ['log']).some((l) => { const r = rowOf(l.arg); return r.length === 1 && r[0].k === 'apply' && isProb(r[0]) && (!condBarOf(r[0]) || givenParams(r[0])) && !hasOp(r[0].arg, ','); });
  const klTerm = applies(root).some(isKlCall);
  const bound = syms(root).some((y) => y.name === 'L' && y.mods.includes('cal')) || applies(root).some((a) => (a.fn === 'L' && a.head.k === 'sym' && a.head.mods.includes('cal')) || a.fn === 'elbo');
  if (logEvidence && klTerm && bound && parts.length >= 2) add('elbo', 3.8, 'log p(x) = ℒ + KL(q ‖ p(z | x)): the evidence, its lower bound and the gap');
  // (Or with the gap written as it is, the KL of q(z | x) from the true posterior p(z | x), beside the evidence: the
  // bound may be any letter, L_b, or written out, E_q[log p(x | z)] − KL(q(z | x) ‖ p(z)).)
  else if (logEvidence && parts.length >= 2 && posteriorGap(root)) add('elbo', 4.2, POSTERIOR_GAP);
  // ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²): the KL divergence of a diagonal Gaussian from the standard normal, in closed form.
  const squaredLetter = (name: string) => syms(root).some((y) => y.name === name && /^2$/.test(indexOf(y.sup)));
  if (squaredLetter('mu') && squaredLetter('sigma') && applies(root, ['log']).some((l) => syms(l.arg).some((y) => y.name === 'sigma')) && hasOp(root, '-') && all(root).some((x) => isNum(x, 1))) {
    // (Only means, variances and their indices on the right: no density of x, as a discriminant's log would have.)
    const right = sides(root).parts[sides(root).parts.length - 1];
    const bare = syms(right).every((y) => /^(mu|sigma|[ijkldnJNDKL])$/.test(y.name));
    add('kl-divergence', bare ? 4 : 3.6, bare ? GAUSSIAN_KL : '½ Σ (μ² + σ² − 1 − log σ²) among other terms: KL(N(μ, σ²) ‖ N(0, 1))');
  }
  if (gaussianKlCode(root)) add('kl-divergence', 4, GAUSSIAN_KL_CODE);
  // y′ = y(1 − y), ∂ŷ/∂z = ŷ(1 − ŷ): the sigmoid's derivative written through its own output.
  const oneMinus = (body: Node, of: Node) => show(body).replace(/\s/g, '') === `1-${show(of)}`.replace(/\s/g, '');
  // (The output may be written as the function applied, f(z)(1 − f(z)), in either order.)
  const output = (x: Node) => x.k === 'sym' || x.k === 'apply';
  const outputTimesOneMinus = (r: Row) => (r.length === 2 && ((output(r[0]) && r[1].k === 'group' && oneMinus(r[1].body, r[0])) || (output(r[1]) && r[0].k === 'group' && oneMinus(r[0].body, r[1])))) || (r.length === 1 && r[0].k === 'apply' && oneMinus(r[0].arg, r[0].head));
  // (The slope may be written as a primed function of the input, g′(z) = a(1 − a).)
  const primedOfInput = (x: Node) => x.k === 'apply' && primedApply(x) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym';
  const derivedOwn = lhs.length === 1 && ((lhs[0].k === 'sym' && (lhs[0].mods.includes('prime') || subText(lhs[0].sup) === 'prime')) || (lhs[0].k === 'frac' && !!derivative(lhs[0])) || primedOfInput(lhs[0]));
  // (The output may be a word, ∂out/∂net = out(1 − out).)
  const wordTimesOneMinus = (r: Row) => /^([a-z]{2,}(?:_\{\w+\})?)\(1-\1\)$/i.test(show({ k: 'row', items: r }).replace(/\s/g, ''));
  // (Element-wise for a layer's vector, a ⊙ (1 − a), as code writes it, a .* (1 − a).)
  const unTimes = (r: Row) => r.filter((x) => !(x.k === 'op' && ['·', '×', '*', '⊙', '∘'].includes(x.v)));
  // (Also at the end of a chain that works it out, da/dz = d/dz σ(z) = σ(z)(1 − σ(z)).)
  if (parts.length >= 2 && derivedOwn && parts.slice(1).some((p) => outputTimesOneMinus(unTimes(p)) || wordTimesOneMinus(p))) add('sigmoid', 3.2, 'y′ = y(1 − y): the sigmoid\'s slope from its output');
  // σ(x)(1 − σ(x)) on its own, or as the value of a chain: the sigmoid's slope, the function named.
  else if (rels.every((r) => r === '=') && valueSides(parts).some((p) => outputTimesOneMinus(unTimes(p)) && unTimes(p).some((x) => x.k === 'apply' && x.fn === 'sigmoid'))) add('sigmoid', 3.0, "σ(z)(1 − σ(z)): the sigmoid's slope");
  // e^{−z}/(1 + e^{−z})²: the sigmoid's derivative written out.
  const slopeWritten = (f: Frac) => { const n = rowOf(f.num); const d = rowOf(f.den); const z = d.length === 1 && d[0].k === 'group' && subText(d[0].sup) === '2' ? logisticOf(d[0].body) : null; return !!z && n.length === 1 && n[0].k === 'apply' && n[0].fn === 'exp' && show(stripMinus(n[0].arg)) === show(z); };
  if (fracs(root).some(slopeWritten)) add('sigmoid', 3.2, 'e^{−z}/(1 + e^{−z})²: the sigmoid\'s derivative');
  // δ^{(l)} = ((W^{(l+1)})ᵀ δ^{(l+1)}) ⊙ σ′(z^{(l)}): a layer's error from the next layer's error (or the loss's
  // gradient) times its activation's derivative — backpropagation's chain rule (through time steps: BPTT).
  // (Written ∂J/∂z^{[l]} = (W^{[l+1]})ᵀ ∂J/∂z^{[l+1]} ⊙ g′^{[l]}(z^{[l]}), the same error by its derivative.)
  const layerError = lhs.length === 1 && lhs[0].k === 'frac' && syms(derivative(lhs[0])?.wrt).some((y) => /^z$/i.test(y.name) && layerSup(y)) && derivs(rhsAll).some((d) => syms(d.wrt).some((y) => /^z$/i.test(y.name) && /\+1/.test(indexOf(y.sup))));
  if (layerError && primedActivation(rhsAll)) add('chain-rule', 3.5, '∂J/∂z^{[l]} = (W^{[l+1]})ᵀ ∂J/∂z^{[l+1]} ⊙ g′(z^{[l]}): the error passed back a layer');
  // (In code notation, dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]′}(Z^{[1]}): a layer's letter, a transposed weight, a slope.)
  const transposedW = syms(rhsAll).some((y) => /^[WVU]$/.test(y.name) && /T|top|intercal/.test(subText(y.sup)));
  if (!layerError && parts.length === 2 && all(lhs).some((y) => 'sup' in y && !!y.sup && layerSup(y)) && transposedW && primedActivation(rhsAll)) add('chain-rule', 3.4, 'dZ^{[l]} = W^{[l+1]ᵀ} dZ^{[l+1]} ⊙ g′(Z^{[l]}): the error passed back a layer');
  if (lhsHead?.k === 'sym' && lhsHead.name === 'delta' && (lhsHead.sub || lhsHead.sup) && parts.length > 1) {
    const activationSlope = primedActivation(rhsAll) || derivs(rhsAll).some((d) => applies(d.of).length > 0);
    const passedBack = syms(rhsAll).some((y) => y.name === 'delta' || y.name === 'nabla') || derivs(rhsAll).some((d) => !applies(d.of).length);
    if (activationSlope && passedBack) {
      const timed = /^(t|t[+-]1)$/.test(indexOf(lhsHead.sub) || indexOf(lhsHead.sup));
      add(timed ? 'backpropagation-through-time' : 'chain-rule', 3.5, 'δ^{(l)} = (W^{(l+1)ᵀ} δ^{(l+1)}) ⊙ σ′(z^{(l)}): the error passed back a layer');
    }
  }
  const assign = rels.includes('←') || rels.includes(':=') || rels.includes('=');
  const stepRateFirst = (r: Row) => (r[0]?.k === 'sym' && RATE_LETTER.test(r[0].name)) || (r[0]?.k === 'apply' && RATE_LETTER.test(r[0].fn));
  // w := w + α (y − ŷ) x, w^{(k+1)} = w^{(k)} + Σ_n (t_n − y_n) x_n: the step written with the target minus the
  // prediction, so added (minus the gradient of the squared or log loss).
  const sameStart = lhsHead?.k === 'sym' && rhsAll[0]?.k === 'sym' && (rhsAll[0] as Sym).name === lhsHead.name && PARAM_LETTER.test(lhsHead.name.replace(/^b$/, 'w'));
  if (assign && parts.length === 2 && sameStart && rhsAll[1]?.k === 'op' && rhsAll[1].v === '+' && ((lhsHead as Sym).name === 'beta' || !hasSym(rhsAll.slice(2), 'beta'))) {
    const step = rhsAll.slice(2);
    const residual = all(step).some((g) => (g.k === 'group' || g.k === 'apply') && targetMinusPrediction(rowOf(g.k === 'group' ? g.body : g.arg)));
    // (θ ← θ + η[1 − d − σ(xᵀθ)] x: the error with a model's prediction in the bracket — whatever the model, the formula
    // is the step.)
    const predictedError = all(step).some((g) => g.k === 'group' && hasOp(g.body, '-') && applies(g.body, ['sigmoid', 'tanh', 'softmax']).length > 0);
    if (residual) add('gradient-descent', 3.2, 'w ← w + α (y − ŷ) x: a step against the gradient, the error written target minus prediction');
    else if (predictedError && stepRateFirst(step)) add('gradient-descent', 4.1, 'θ ← θ + η[t − σ(xᵀθ)] x: a step against the gradient, the error written target minus prediction');
    // (W ← W + η δ xᵀ: the error signal δ of the delta rule and of backpropagation, the target side minus the output.)
    else if (stepRateFirst(step) && syms(step).some((y) => y.name === 'delta')) add('gradient-descent', 3.2, 'W ← W + η δ xᵀ: a step by the error signal (the delta rule)');
  }
  // W(i + 1) = W(i) − μ ∂ξ/∂W(i), w(t + 1) = w(t) − α (2/N) Σ (y_n − t_n) x_n: the iteration written as a function's
  // argument, the step a gradient or written out.
  const next = parts[1] ?? [];
  const writtenOut = (r: Row) => hasGradient(r) || all(r).some((g) => g.k === 'group' && hasOp(g.body, '-') && syms(g.body).length >= 2);
  if (assign && parts.length >= 2 && lhsHead?.k === 'apply' && next[0]?.k === 'apply' && next[0].fn === lhsHead.fn && /^[iktn]\+1$/.test(indexOf(lhsHead.arg)) && /^[iktn]$/.test(indexOf(next[0].arg)) && next[1]?.k === 'op' && next[1].v === '-' && next[2]?.k === 'sym' && writtenOut(next.slice(2))) add('gradient-descent', 3.2, 'W(i + 1) = W(i) − μ ∂E/∂W(i): one step of gradient descent');
  // (Δx, Δy) = −η (∂f/∂x, ∂f/∂y): the change of every variable is minus a step size times its partial derivative.
  if (parts.length === 2 && lhs.length === 1 && lhs[0].k === 'group' && syms(lhs[0].body).filter((y) => y.name === 'Delta').length >= 2 && rhsAll[0]?.k === 'op' && rhsAll[0].v === '-' && hasGradient(rhsAll)) add('gradient-descent', 3.2, '(Δx, Δy) = −η (∂f/∂x, ∂f/∂y)');
}

/** A KL divergence called by name: `KL(…)`, `D_{KL}(…)`, `\mathrm{KL}[…]`. */
const isKlCall = (a: Apply) => /kl/i.test(a.fn) || (a.head.k === 'sym' && /KL/.test(subText(a.head.sub)));

/**
 * A close contender of the best concept that is no rival to it: its general concept, or another name the words may
 * give a distinct child's form (the binary cross-entropy as a negative log-likelihood).
 */
function ownFamily(best: ConceptId, other: ConceptId): boolean {
  return ancestors(best).includes(other) || !!ALSO_NAMED[best]?.includes(other);
}
/** Why of a derivative equal to 1 above zero and 0 below. */
const RELU_SLOPE = 'φ′(x) = 1 for x > 0, 0 for x < 0: the slope of the ReLU';
/** Why of the evidence beside the KL of q from the true posterior: the ELBO's decomposition. */
const POSTERIOR_GAP = 'log p(x) = ELBO + KL(q(z | x) ‖ p(z | x)): the evidence, its lower bound and the gap to the true posterior';

/** KL(q(z | x) ‖ p(z | x)): a divergence of q from the p of the same letters given the same letters — the posterior. */
function posteriorGap(root: Row): boolean {
  const letters = (a: Apply) => { const { predicted, given } = conditionLetters(a); return given.length ? `${predicted.map((y) => show(y)).join(',')}|${given.map((y) => show(y)).join(',')}` : null; };
  return applies(root).filter(isKlCall).some((k) => {
    const inside = applies(k.arg);
    const q = inside.find((a) => a.fn === 'q' && letters(a));
    return !!q && inside.some((a) => /^[pP]$/.test(a.fn) && letters(a) === letters(q));
  });
}

/** The derivative of a named activation, and the softmax's Jacobian written with its components. */
function detectActivationDerivatives(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhsAll = parts.length > 1 ? parts.slice(1).flat() : parts[0];
  // The derivative of a named activation (dReLU/dz = {1, 0}, tanh′(x) = 1 − tanh²(x)) is explained with that activation.
  const ACTIVATION_NAMES: Record<string, ConceptId> = lookupTable({ relu: 'relu', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax', leakyrelu: 'leaky-relu' });
  // (Of the function's name, d ReLU/dz: a derivative of σ(x) in x may be a Jacobian or a step of a derivation.)
  // (Of the function applied, ∂softmax(z)_i/∂z_j = softmax(z)_i(δ_ij − softmax(z)_j), when the result is written with the
  // function itself.)
  const selfWritten = (fn: string) => termsOf(rhsAll).some((t) => t.items.some((x) => x.k === 'apply' && x.fn === fn));
  // (σ squared, ∂σ²/∂x_i, is a variance.)
  // (Or the function named in words, of one letter, by that letter, ∂ReLU(x)/∂x = {1, 0}: its derivative, however the
  // right side writes it. A σ may be any activation the sentence defines.)
  const byOwnLetter = (r: Row, wrt: Row) => r.length === 1 && r[0].k === 'apply' && r[0].head.k === 'name' && wrt.length === 1 && show(r[0].arg) === show(wrt[0]) && rowOf(r[0].arg).length === 1;
  const derivedName = (r: Row, wrt: Row = []) => (r.length === 1 && r[0].k === 'name' ? ACTIVATION_NAMES[canonicalFn(r[0].v)] : r.length === 1 && r[0].k === 'sym' && r[0].name === 'sigma' && !r[0].sub && !r[0].sup ? 'sigmoid' : r.length === 1 && r[0].k === 'apply' && (selfWritten(r[0].fn) || byOwnLetter(r, wrt)) ? ACTIVATION_NAMES[r[0].fn] : undefined);
  // (A second derivative, ∂²σ/∂x², is the curvature: not the slope the hover explains with the function.)
  const second = lhs.length === 1 && lhs[0].k === 'frac' && all(rowOf(lhs[0].num)).some((x) => x.k === 'sym' && /^(partial|d)$/.test(x.name) && subText(x.sup) === '2');
  // (Or its name primed alone, `ReLU′ = {0 if z < 0; 1 if z > 0}`, an alignment mark after it.)
  const primedName = lhs.filter((x) => !(x.k === 'op' && x.v === '&'));
  const primedActivation = primedName.length === 1 && primedName[0].k === 'name' && primedName[0].v.endsWith("'") && parts.length === 2 ? ACTIVATION_NAMES[canonicalFn(primedName[0].v.slice(0, -1).replace(/\s+/g, ''))] : undefined;
  if (primedActivation) add(primedActivation, 3.8, derivativeOf(primedActivation));
  const ofNamed = lhs.length === 1 && !second ? (lhs[0].k === 'frac' ? derivedName(derivative(lhs[0])?.of ?? [], derivative(lhs[0])?.wrt ?? []) : lhs[0].k === 'apply' && lhs[0].fn.endsWith("'") ? ACTIVATION_NAMES[lhs[0].fn.slice(0, -1)] : lhs[0].k === 'apply' && lhs[0].head.k === 'sym' && lhs[0].head.mods.includes('prime') ? ACTIVATION_NAMES[lhs[0].fn] : undefined) : undefined;
  // σ(z)_i beside σ(z)_j, or next to δ_ij / 𝟙_{i=j}: components of one vector-valued σ of the same input, each depending
  // on every z — the softmax and its Jacobian, not an element-wise sigmoid.
  const components = applies(root, ['sigmoid', 'sigma']).filter((a) => /^[a-z]$/.test(indexOf(a.sub)));
  const componentIndices = new Set(components.map((a) => indexOf(a.sub)));
  const sameInput = components.length >= 2 && components.every((a) => show(a.arg) === show(components[0].arg));
  const kronecker = syms(root).some((y) => (y.name === 'delta' && /^[a-z]{2}$/.test(indexOf(y.sub).replace(/[\s,]/g, ''))) || (/^(1|𝟙)$/.test(y.name) && /=/.test(subText(y.sub))));
  const softmaxComponents = sameInput && (componentIndices.size >= 2 || kronecker);
  if (softmaxComponents) add('softmax', 4, 'σ(z)_i with σ(z)_j: components of one vector-valued function of z, the softmax and its Jacobian');
  // (Written only as a product of derivatives through another letter, dσ/dx = dσ/du · du/dx, it states the chain rule.)
  const factors = parts.length === 2 ? unmultiplied(parts[1]) : [];
  const chained = factors.length >= 2 && factors.every((x) => x.k === 'frac' && !!derivative(x));
  // (A slope equal to a number, dσ/dz = 1, is no sigmoid's or tanh's, whose slopes vary: the σ stands for another
  // activation, a ReLU on its positive side.)
  const last = parts.length >= 2 ? parts[parts.length - 1].filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v))) : [];
  const constantSlope = last.length === 1 && last[0].k === 'num' && (ofNamed === 'sigmoid' || ofNamed === 'tanh');
  // (σ′(z) = 1 − tanh(z)²: a σ standing for any activation, the slope written with tanh is the tanh's.)
  const slopeOfTanh = ofNamed === 'sigmoid' && applies(rhsAll, ['tanh']).length > 0 && !applies(rhsAll, ['sigmoid', 'exp']).length;
  if (ofNamed && parts.length >= 2 && !chained && !constantSlope && !(softmaxComponents && ofNamed === 'sigmoid')) add(slopeOfTanh ? 'tanh' : ofNamed, 3.8, derivativeOf(slopeOfTanh ? 'tanh' : ofNamed));
  // (Its diagonal entry, S(z_i)(1 − S(z_i)) under ∂S(z_i)/∂z_j, has the sigmoid's slope written in it: the indices that
  // differ say which it is.)
  const jacobian = softmaxJacobian(parts);
  if (jacobian) add('softmax', jacobian === 'diagonal' ? 3.6 : 3.4, SOFTMAX_JACOBIAN);
  // (Both entries as the cases of i = j and i ≠ j: {y_i(1 − y_i) if i = j; −y_i y_j if i ≠ j}.)
  const env = parts.length >= 2 && parts[parts.length - 1].length === 1 && parts[parts.length - 1][0].k === 'env' ? parts[parts.length - 1][0] : undefined;
  const entries = env?.k === 'env' && env.rows.length === 2 ? env.rows.map((row) => softmaxJacobian([parts[0], rowOf(row[0])])) : [];
  if (entries.includes('diagonal') && entries.includes('entries')) add('softmax', 4, SOFTMAX_JACOBIAN_CASES);
  // J = diag(p) − p pᵀ: the softmax's Jacobian as one matrix, its outputs on the diagonal less their outer product.
  if (parts.length >= 2 && diagLessOuter(parts[parts.length - 1])) add('softmax', 4, SOFTMAX_JACOBIAN_MATRIX);
}

/** P(w_i | w_1, …, w_{i−1}) and P(w_i | w_{i−N+1}, …, w_{i−1}): one word given its whole history, and given its last words. */
function markovCut(whole: Apply, cut: Apply): boolean {
  const split = (a: Apply) => { const r = rowOf(a.arg); const b = r.findIndex((x) => x.k === 'op' && x.v === '|'); return { predicted: show({ k: 'row', items: r.slice(0, b) }), given: r.slice(b + 1).filter((x): x is Sym => x.k === 'sym') }; };
  const [w, c] = [split(whole), split(cut)];
  const fromFirst = (g: Sym[]) => g.some((x) => /^1(:|$)/.test(indexOf(x.sub)));
  const previous = (g: Sym[]) => /-1$/.test(indexOf(g[g.length - 1]?.sub));
  return w.predicted === c.predicted && fromFirst(w.given) && !fromFirst(c.given) && previous(w.given) && previous(c.given);
}

/**
 * `-0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())`, `0.5 * K.sum(1 + z_log_var - K.square(z_mean) - …)`: the
 * same KL of a Gaussian from the standard normal, as VAE code writes it — one half, a sum, a one, the log-variance, the
 * squared mean and the variance (or the exponential of its log).
 */
function gaussianKlCode(root: Row): boolean {
  const t = plainText(root).toLowerCase();
  const half = /0\.5|frac12|½|1\/2/.test(t);
  const summed = /sum|mean\(/.test(t);
  const one = /(^|[(+\-,])1(\.0*)?(?=[+\-),]|$)/.test(t);
  // (`logVar` parses as log(V) beside `ar`; a variance under exp, `exp(z_var)`, is a log-variance by another name.)
  const logVariance = /log_?var|log\(v\)ar|log\(?sigma(\^2|\*\*2)|log\((z_)?var\)|exp\((z_)?var\)/.test(t);
  const meanSquared = /(mu|mean)(\.pow\(2\)|\^2|\*\*2)|pow\((self\.)?(mu|mean),2\)|\((z_)?(mu|mean)\)\^2|square\((z_)?(mu|mean)\)/.test(t);
  const variance = /exp\((z_)?log_?var\)|exp\(log\(v\)ar\)|log_?var\.exp\(\)|(^|[^a-z_])(self\.)?var(?![a-z_])|z_var|(?<!log\(?)sigma(\^2|\*\*2)/.test(t);
  return half && summed && one && logVariance && meanSquared && variance;
}

/** A row as plain text, for names the parser spells out letter by letter: no spaces, braces, backslashes or font words. */
const plainText = (r: Row): string => show({ k: 'row', items: r }).replace(/\\(?:operatorname|mathrm|text)|\\|[\s{}]/g, '');

/** √d_k, √d_{model}, √d_{head}, head_dim^{1/2}: the root of the dimension attention's scores are divided by. */
function keyDimensionRoot(den: Row): boolean {
  const dimension = (r: Row) => /^(d_?(k|model|head|h)|head_?dim|dim|embed_?size|n_?embd)$/i.test(plainText(r));
  if (den.length === 1 && den[0].k === 'sqrt') return dimension(rowOf(den[0].body));
  const last = den[den.length - 1];
  const half = last && 'sup' in last && /^(frac12|1\/2|0\.5)$/.test(plainText(rowOf(last.sup)));
  return !!half && dimension([...den.slice(0, -1), { ...last, sup: undefined } as Node]);
}

/** diag(p) − p pᵀ: a vector on a diagonal matrix, less that vector's outer product with itself. */
function diagLessOuter(r: Row): boolean {
  const minus = r.findIndex((x) => x.k === 'op' && x.v === '-');
  if (minus !== 1 || r.length !== 4) return false;
  const diag = r[0];
  const arg = diag.k === 'apply' && /^diag$/i.test(diag.fn) ? rowOf(diag.arg) : [];
  const v = arg.length === 1 && arg[0].k === 'sym' ? arg[0] : undefined;
  const same = (x: Node) => x.k === 'sym' && !!v && x.name === v.name && subText(x.sub) === subText(v.sub);
  return !!v && same(r[2]) && same({ ...r[3], sup: undefined } as Node) && isTransposeSup((r[3] as Sym).sup) && !(r[2] as Sym).sup;
}

const SCORES_OVER_ROOT_DIMENSION = 'softmax(S/√d_k): the scores divided by the root of the keys\' dimension, then a softmax — scaled dot-product attention\'s weights';
const GAUSSIAN_KL = '½ Σ (μ² + σ² − 1 − log σ²): KL(N(μ, σ²) ‖ N(0, 1))';
const GAUSSIAN_KL_CODE = '−½ Σ (1 + log σ² − μ² − σ²) in code: KL(N(μ, σ²) ‖ N(0, 1)), as VAE code writes it';
const MARKOV_EQUALS = 'P(w_i | w_1, …, w_{i−1}) = P(w_i | w_{i−N+1}, …, w_{i−1}): the Markov assumption, the history cut to the last words';
const SOFTMAX_JACOBIAN_CASES = '∂y_i/∂x_j = {y_i(1 − y_i) if i = j; −y_i y_j if i ≠ j}: the softmax\'s Jacobian, on and off the diagonal';
const SOFTMAX_JACOBIAN_MATRIX = 'J = diag(p) − p pᵀ: the softmax\'s Jacobian as a matrix';
const SOFTMAX_JACOBIAN = '∂y_k/∂a_j = y_k(δ_kj − y_j): the softmax\'s Jacobian';
/**
 * ∂y_k/∂a_j = y_k(δ_kj − y_j), with I_kj, 1_{k=j} or [k = j] for the δ: each output of the softmax differentiated by
 * each of its inputs, written through the outputs (the letters of the derivative, the output's index on its own).
 */
function softmaxJacobian(parts: Row[]): 'diagonal' | 'entries' | false {
  const lhs = parts[0];
  const rhs = parts[parts.length - 1];
  const d = parts.length >= 2 && lhs.length === 1 && lhs[0].k === 'frac' ? derivative(lhs[0]) : null;
  if (!d || d.of.length !== 1 || d.wrt.length !== 1 || d.wrt[0].k !== 'sym') return false;
  // (The output a letter with its index, y_k, or a function of the indexed input, S(z_k).)
  const outputOf = (n: Node | undefined): { name: string; index: string } | null => {
    if (n?.k === 'sym' && n.sub) return { name: n.name, index: indexOf(n.sub) };
    const arg = n?.k === 'apply' && n.head.k === 'sym' && !n.head.sub ? rowOf(n.arg) : [];
    return arg.length === 1 && arg[0].k === 'sym' && arg[0].sub && n?.k === 'apply' ? { name: n.fn, index: indexOf(arg[0].sub) } : null;
  };
  const out = outputOf(d.of[0]);
  const [k, j] = [out?.index ?? '', indexOf(d.wrt[0].sub)];
  const lastIndex = (i: string) => i.slice(-1);
  if (!out || !k || !j || lastIndex(k) === lastIndex(j) || out.name === d.wrt[0].name) return false;
  const isOut = (n: Node | undefined, index: string) => { const o = outputOf(n); return !!o && o.name === out.name && lastIndex(o.index) === lastIndex(index); };
  // (Its two entries written apart: −y_k y_j off the diagonal, y_k(1 − y_k) on it.)
  if (rhs.length === 3 && rhs[0].k === 'op' && rhs[0].v === '-' && isOut(rhs[1], k) && isOut(rhs[2], j)) return 'entries';
  // (y_k(…) reads as a call of y_k.)
  const call = rhs.length === 1 && rhs[0].k === 'apply' && rhs[0].head.k === 'sym' && rhs[0].head.name === out.name && indexOf(rhs[0].head.sub) === k ? rowOf(rhs[0].arg) : null;
  const product = rhs.length === 2 && isOut(rhs[0], k) && rhs[1].k === 'group' && rhs[1].delim === '(' ? rowOf(rhs[1].body) : null;
  if (!call && !product) return false;
  const inner = termsOf((call ?? product) as Row);
  const pair = [lastIndex(k), lastIndex(j)].sort().join('');
  const indicator = (r: Row) => r.length === 1 && ((r[0].k === 'sym' && /^(delta|I|1|𝟙)$/.test(r[0].name) && indexOf(r[0].sub).replace(/[,=]/g, '').split('').sort().join('').endsWith(pair)) || (r[0].k === 'group' && r[0].delim === '[' && indexOf({ k: 'row', items: rowOf(r[0].body) }).replace(/=/g, '').split('').sort().join('') === pair));
  const diagonal = inner.length === 2 && inner[0].items.length === 1 && isNum(inner[0].items[0], 1) && inner[1].sign === '-' && inner[1].items.length === 1 && isOut(inner[1].items[0], k);
  if (diagonal) return 'diagonal';
  return inner.length === 2 && indicator(inner[0].items) && inner[1].sign === '-' && inner[1].items.length === 1 && isOut(inner[1].items[0], j) ? 'entries' : false;
}

/** L(y, s) = {0 if y s ≥ 0; 1 if y s < 0}: a loss on the left, its cases chosen by the sign of a margin that holds the label y. */
function marginCases(root: Row, conds: Node[]): boolean {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const loss = lhs.length === 1 && lhs[0].k === 'apply' && /^(L|ell|l|loss)$/.test(lhs[0].fn);
  return loss && conds.length === 2 && conds.every((c) => syms(c).some((x) => x.name === 'y') && all(c).some((x) => isNum(x, 0)) && ['<', '>', '≤', '≥'].some((op) => hasOp(c, op)));
}

/** A script that names a layer: in brackets, with a number, or l (`a^{[2]}`, `W^{(1)}`, `h^{(l)}`). */
const layerMark = (n: Node | undefined): boolean => /\[|[0-9]|^\(?(l|L|ell)\)?$/.test(subText(n));

/**
 * −ln(0.8) = 0.223 worked out for one number: a loss on the left (L = −ln 0.9) makes it the cross-entropy of one example
 * whose right class got that probability; with nothing on the left it is that or an event's surprisal (−log 1/6), and
 * only the words around it can tell, so each is named weakly.
 */
function logOfOneNumber(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  if (rels.some((r) => r !== '=' && r !== '≈')) return;
  const probability = (r: Row) => (r.length === 1 && r[0].k === 'num' && r[0].v > 0 && r[0].v < 1) || (r.length === 1 && r[0].k === 'frac' && onlyNum(r[0].num, 1) && rowOf(r[0].den).length === 1 && rowOf(r[0].den)[0].k === 'num');
  const minusLog = (r: Row) => {
    const t = r.filter((x) => !(x.k === 'op' && ['·', '*', '×'].includes(x.v)) && !isNum(x, 1));
    return t.length === 2 && t[0].k === 'op' && ['-', '−'].includes(t[0].v) && t[1].k === 'apply' && ['log', 'ln'].includes(t[1].fn) && probability(rowOf(t[1].arg).length === 1 && rowOf(t[1].arg)[0].k === 'group' ? rowOf((rowOf(t[1].arg)[0] as Group).body) : rowOf(t[1].arg));
  };
  const at = parts.findIndex(minusLog);
  // (What comes after it is its value; before it, a given, `p_c = 0.8, L = −ln(0.8)`, ends at a comma.)
  if (at < 0 || parts.slice(at + 1).some((p) => !(p.length === 1 && p[0].k === 'num'))) return;
  const before = at > 0 ? parts[at - 1] : [];
  const comma = before.map((x) => x.k === 'op' && x.v === ',').lastIndexOf(true);
  if (at > 1 && comma < 0) return;
  const left = before.slice(comma + 1);
  const loss = left.length === 1 && left[0].k === 'sym' && /^(L|J|ell|l|loss|CE)$/.test(left[0].name);
  if (loss) add('cross-entropy', 3, '−ln p of the right class, worked out: one example\'s cross-entropy');
  else if (!left.length) {
    add('cross-entropy', 2, '−ln p worked out: one example\'s cross-entropy, or an event\'s surprisal');
    add('surprisal', 2, '−log p worked out: an event\'s surprisal, or one example\'s cross-entropy');
  }
}

/** −∂E/∂w (or −\cfrac) and nothing else, w the very letter on the left: the gradient of the loss with respect to it. */
function unratedStep(param: Sym, rhs: Row): boolean {
  if (rhs.length !== 2 || rhs[0].k !== 'op' || !['-', '−'].includes(rhs[0].v) || rhs[1].k !== 'frac') return false;
  const d = derivative(rhs[1]);
  const wrt = d ? d.wrt.filter((x) => !(x.k === 'op')) : [];
  return !!d && wrt.length === 1 && wrt[0].k === 'sym' && show(wrt[0]) === show(param) && syms(d.of).some((x) => /^(E|L|J|C|R|l|ell|mathcal)$/.test(x.name));
}

/** `ŷ = y`, `y = y′`, `h(x) = y`: a prediction (hatted, primed, or a call) and a label letter compared, words aside. */
function predictionAndLabel(r: Row): boolean {
  // (An `if` typed bare is its letters, `if y = y′`.)
  const u = r.filter((x) => x.k !== 'text' && x.k !== 'name');
  const t = spelled(u.slice(0, 2)) === 'if' ? u.slice(2) : spelled(u.slice(0, 4)) === 'when' ? u.slice(4) : u;
  const at = t.findIndex((x) => x.k === 'op' && x.v === '=');
  if (at !== 1 || t.length !== 3) return false;
  const label = (x: Node) => x.k === 'sym' && /^[yYtc]$/.test(x.name);
  const predicted = (x: Node) => (x.k === 'sym' && /^[yYtc]$/.test(x.name) && (x.mods.includes('hat') || x.mods.includes('prime') || /′|'|\\prime|\*/.test(subText(x.sup)))) || (x.k === 'apply' && /^[fhg]$/.test(x.fn));
  return (label(t[0]) || predicted(t[0])) && (label(t[2]) || predicted(t[2])) && (predicted(t[0]) || predicted(t[2]));
}

/** A condition comparing two letters of the same standing (X_i < Y_i) or a bound taken with min or max: no threshold. */
function twoQuantitiesCompared(c: Node): boolean {
  const r = rowOf(c).filter((x) => x.k !== 'text' && x.k !== 'name');
  const at = r.findIndex((x) => x.k === 'op' && ['<', '>', '≤', '≥'].includes(x.v));
  if (at < 0) return false;
  const [a, b] = [r.slice(0, at), r.slice(at + 1)];
  if (applies(b, ['min', 'max']).length || applies(a, ['min', 'max']).length) return true;
  const indexed = (s: Row) => s.length === 1 && s[0].k === 'sym' && !!s[0].sub && !/^(theta|tau|epsilon|b|t|T)$/.test(s[0].name);
  return indexed(a) && indexed(b) && subText((a[0] as Sym).sub) === subText((b[0] as Sym).sub);
}

/** P(h(X) ≠ Y): one side of the ≠ a function called on the input, the other the label (a letter y, or another call), nothing else inside. */
function mistakeChance(p: Apply): boolean {
  const r = rowOf(p.arg);
  const at = r.findIndex((x) => x.k === 'op' && x.v === '≠');
  if (at <= 0 || r.some((x, i) => i !== at && x.k === 'op' && ['|', ',', ';', '=', '<', '>'].includes(x.v))) return false;
  const [a, b] = [r.slice(0, at), r.slice(at + 1)];
  const call = (s: Row) => s.length === 1 && s[0].k === 'apply' && !/^([pP]|Pr|E|log|exp)$/.test(s[0].fn);
  const label = (s: Row) => call(s) || (s.length === 1 && s[0].k === 'sym' && /^[yYcC]$/.test(s[0].name));
  return (call(a) && label(b)) || (call(b) && label(a));
}

/** Σ_j x_j² (or Σ_j |x_j|²) and nothing else, the squared letter indexed by the sum's own index: a squared length. */
function rootOfSquares(body: Node): boolean {
  const r = rowOf(body);
  if (r.length !== 2 || r[0].k !== 'big' || r[0].v !== 'sum') return false;
  const index = subText(r[0].sub).split('=')[0].replace(/[{}\s]/g, '');
  const x = r[1];
  const entry = x.k === 'sym' ? x : x.k === 'group' && x.delim === '|' && rowOf(x.body).length === 1 && rowOf(x.body)[0].k === 'sym' ? (rowOf(x.body)[0] as Sym) : undefined;
  const up = x.k === 'sym' ? subText(x.sup) : x.k === 'group' ? subText(x.sup) : '';
  return !!entry && up === '2' && !!index && /^[a-z]$/.test(index) && subText(entry.sub).replace(/[{},\s]/g, '').includes(index);
}

/** Of two cases' values, the one not 0 is what a condition compares with 0 (`x > 0`, `z_i \geq 0`, `0 < x`). */
function reluSplitAtZero(valText: readonly string[], conds: readonly Node[]): boolean {
  const value = valText.find((v) => v !== '0');
  if (!value || !/^[A-Za-z\\][A-Za-z_{}0-9\\]*$/.test(value)) return false;
  return conds.some((c) => {
    const t = subText({ k: 'row', items: rowOf(c).filter((x) => x.k !== 'text') }).replace(/\s/g, '').replace(/^(?:if|when|for|si|se|wenn|falls)(?=[A-Za-z\\0])/, '');
    return t === `${value}>0` || t === `${value}≥0` || t === `0<${value}` || t === `0≤${value}`;
  });
}

/**
 * A row of a cases block as value and condition. A row written without `&`, `ax \qquad (x ≤ 0)`, is split before its
 * first bracketed comparison, or before the word that opens its condition (`0 \quad \text{if } x < 0`).
 */
function caseCells(written: Node[]): Node[] {
  // (Cells left empty by an aligned layout, `& X_i & & \text{if } X_i > 0`, are not columns.)
  // (Nor is a cell holding only the word that opens the condition, `0 & if & x < 0`.)
  const wordOnly = (c: Node) => { const r = rowOf(c); return /^(if|when|for)$/i.test(r.length === 1 && (r[0].k === 'text' || r[0].k === 'name') ? r[0].v.trim() : spelled(r)); };
  const row = written.length > 1 && written.some((c) => !rowOf(c).length || (written.length > 2 && wordOnly(c))) ? written.filter((c) => rowOf(c).length && !(written.length > 2 && wordOnly(c))) : written;
  if (row.length !== 1) return row;
  const items = rowOf(row[0]);
  const compares = (r: Row) => ['<', '>', '≤', '≥'].some((op) => hasOp(r, op));
  // (A number before its condition in brackets, `0(a = g)`, `1(a ≠ g)`: equality tested too.)
  const numberFirst = items.length === 2 && items[0].k === 'num';
  const at = items.findIndex((x, i) => (i > 0 && x.k === 'group' && x.delim === '(' && (compares(rowOf(x.body)) || (numberFirst && hasOp(x.body, '=', '≠')))) || (x.k === 'apply' && x.head.k === 'sym' && compares(rowOf(x.arg))));
  // (`x, x > 0` with no `&`: the value, a comma, then the condition, `0, \text{se} x == 0` too.)
  const comma = items.findIndex((x) => x.k === 'op' && x.v === ',');
  const relates = (r: Row) => compares(r) || hasOp(r, '=', '==');
  // (`0 \quad \text{if } x < 0` with no `&`: the value, then the condition its word opens.)
  const word = items.findIndex((x, i) => i > 0 && (x.k === 'text' || x.k === 'name') && /^\s*(if|when|otherwise|else|si|se|sinon|wenn|falls|sonst|если|иначе|当|如果|否则)(\s|$)/i.test(x.v));
  if (at < 0 && word > 0 && !relates(items.slice(0, word))) return [{ k: 'row', items: items.slice(0, word) }, { k: 'row', items: items.slice(word) }];
  if (at < 0 && comma > 0 && relates(items.slice(comma + 1)) && !relates(items.slice(0, comma))) return [{ k: 'row', items: items.slice(0, comma) }, { k: 'row', items: items.slice(comma + 1) }];
  if (at < 0) return row;
  // (`x (x > 0)` reads as a call of x: its letter is the value, its argument the condition.)
  const x = items[at];
  if (x.k === 'apply') return [{ k: 'row', items: [...items.slice(0, at), x.head] }, { k: 'row', items: rowOf(x.arg) }];
  return [{ k: 'row', items: items.slice(0, at) }, { k: 'row', items: items.slice(at) }];
}

/**
 * Parts of models as notes write them: an LSTM's gated candidate alone, the encoder–decoder's conditionals, an RNN's
 * output at a step, a weighted sum of inputs with a bias, a straight line, class probabilities against a reference class.
 */
function detectModelParts(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhsAll = parts.length > 1 ? parts.slice(1).flat() : parts[0];
  const lhsHead = lhs.find((x) => x.k === 'sym' || x.k === 'apply');
  // i_t ⊙ C̃_t: the input gate applied to the candidate cell state, an LSTM's write.
  if (parts.length === 1 && root.length <= 3) {
    const gate = root[0]?.k === 'sym' && /^[iI]$/.test(root[0].name) && /^t$/.test(indexOf(root[0].sub));
    const last = root[root.length - 1];
    const candidate = last?.k === 'sym' && /^[cC]$/.test(last.name) && last.mods.includes('tilde');
    if (gate && candidate && (root.length === 2 || (root[1].k === 'op' && ['*', '⊙', '∘', '·', '×'].includes(root[1].v)))) add('lstm', 3.1, 'i_t ⊙ C̃_t: the input gate applied to the candidate state');
  }
  // p(y_1 … y_{T′} | x_1 … x_T): one sequence given another of a different length — the encoder–decoder's model.
  // p(y_t | y_1 … y_{t−1}, c): the next output given the earlier ones and the source (or its summary c).
  const lhsProb = (lhs.length ? lhs : root).find((x): x is Apply => x.k === 'apply' && isProb(x) && condBarOf(x));
  if (lhsProb && (lhs.length ? lhs : root).length === 1) {
    const letters = conditionLetters(lhsProb);
    const predicted = letters.predicted.filter((y) => !!y.sub || !!y.sup);
    const given = letters.given.filter((y) => !PARAM_LETTER.test(y.name) && y.name !== 'h');
    const names = new Set(predicted.map((y) => y.name));
    const ends = (ys: Sym[]) => new Set(ys.flatMap((y) => syms(y.sub ?? y.sup).slice(0, 1).filter((i) => rowOf(y.sub ?? y.sup).length === 1 && !/^[ijt]$/.test(i.name)).map((i) => i.name + (i.mods.includes('prime') ? "'" : ''))));
    const other = given.filter((y) => !names.has(y.name));
    const twoSequences = names.size === 1 && predicted.length >= 2 && other.length >= 2 && new Set(other.map((y) => y.name)).size === 1 && ends(predicted).size === 1 && ends(other).size === 1 && [...ends(predicted)][0] !== [...ends(other)][0];
    const ownPrefix = given.some((y) => names.has(y.name)) && predicted.length === 1 && /^[ti]$/.test(indexOf(predicted[0].sub) || indexOf(predicted[0].sup));
    // (Translation's own letters, e given f: p(e_i | e_0^{i−1}, f_1^J).)
    const source = other.some((y) => /^(x|X|c|C|s|S|z|f|F)$/.test(y.name));
    if (twoSequences) add('seq2seq', 3.5, 'p(y_1 … y_{T′} | x_1 … x_T): one sequence given another');
    // (Defined by the decoder's softmax output layer, that conditional is still the decoder's, not a classifier's.)
    else if (ownPrefix && source) add('seq2seq', applies(rhsAll, ['softmax']).length && parts.length > 1 ? 3.8 : 3.3, 'p(y_t | y_{<t}, c): the next output given the earlier ones and the source');
  }
  // y_t = g(V h_t + c), O_t = H_t W_hq + b_q: the output at a step read from the state at that step — an RNN's output
  // layer. (Another quantity of the same step beside the state, x_t or c_t, is an attention's or a decoder's.)
  const step = (y: Sym) => indexOf(y.sub) || indexOf(y.sup);
  if (parts.length === 2 && lhsHead?.k === 'sym' && /^[yYoO]$/.test(lhsHead.name) && step(lhsHead) === 't') {
    const timedRhs = syms(rhsAll).filter((y) => step(y) !== '' && /^(t|t-1)$/.test(step(y)));
    const states = timedRhs.filter((y) => /^[hHsS]$/.test(y.name) && step(y) === 't');
    const weight = syms(rhsAll).some((y) => /^[A-Z]$/.test(y.name) && !/^[HSTXY]$/.test(y.name));
    if (states.length === 1 && timedRhs.length === 1 && weight) {
      // (Through a softmax the line is still the recurrent network's output layer, as readers label it, more than the
      // softmax it names.)
      const throughSoftmax = rhsAll.length === 1 && rhsAll[0].k === 'apply' && rhsAll[0].fn === 'softmax';
      add('rnn', 3.8, throughSoftmax ? RNN_OUTPUT_LAYER : 'y_t = g(V h_t + c): the output at step t, read from the state');
    }
  }
  // z = w_1 x_1 + w_2 x_2 + b, Σ_i w_i x_i + w_0: the inputs weighted and summed with a bias — a neuron's net input;
  // with a prediction on the left (ŷ, h(x), y), the linear-regression model.
  const side = parts.length <= 2 ? parts[parts.length - 1] : [];
  const terms = termsOf(side);
  const unbracket = (r: Row) => unparenthesised(r).filter((x) => !(x.k === 'op' && ['*', '·', '×', '∗'].includes(x.v)));
  const weighted = (r: Row) => {
    const items = unbracket(r);
    if (items.length !== 2 || items.some((x) => x.k !== 'sym')) return false;
    const [a, b] = items as Sym[];
    const w: Sym | undefined = isParam(a) ? a : isParam(b) ? b : undefined;
    const x: Sym = w === a ? b : a;
    // (Scalars by inputs: a matrix W_{xh}, or inputs at a time step, are a layer's or a recurrence's.)
    return !!w && !PARAM_LETTER.test(x.name) && /^[a-z]|theta|beta|omega/.test(w.name) && /^(x|a|h)$/.test(x.name) && !!w.sub && !!x.sub && !w.sup && !/^t/.test(indexOf(x.sub));
  };
  const summed = (r: Row) => r[0]?.k === 'big' && r[0].v === 'sum' && (weighted(r.slice(1)) || (r.length === 2 && r[1].k === 'group' && weighted(rowOf(r[1].body))));
  const bias = (r: Row) => r.length === 1 && r[0].k === 'sym' && !r[0].sup && (r[0].name === 'b' || (isParam(r[0]) && indexOf(r[0].sub) === '0'));
  // (y_j = b_j + Σ_i w_{ji} x_i: the output of unit j, whose weights carry j beside the summed index, is a layer's.)
  const unitWeights = syms(side).some((y) => isParam(y) && carriesUnitIndex(lhsHead, y));
  const prediction = !unitWeights && lhsHead && ((lhsHead.k === 'sym' && /^[yY]$/.test(lhsHead.name)) || (lhsHead.k === 'apply' && /^[hf]$/.test(lhsHead.fn)) || hypothesisByParams(lhsHead));
  if (terms.length >= 1 && terms.every((t) => t.sign === '+') && (terms.filter((t) => weighted(t.items)).length >= 2 || terms.filter((t) => summed(t.items)).length === 1) && terms.every((t) => weighted(t.items) || summed(t.items) || bias(t.items))) {
    if (prediction) add('linear-regression', 3, 'ŷ = w_1 x_1 + … + w_n x_n + b: the prediction, a weighted sum of the inputs');
    add('affine-layer', prediction ? 2.5 : 3, 'z = Σ_i w_i x_i + b: the inputs weighted and summed with a bias');
  }
  // y = a + b x, h(x) = θ_0 + θ_1 x: a straight line — through the data when the words speak of regression.
  const constant = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && !x.sup && ((/^[a-wABCD]$/.test(x.name) && !x.sub) || (/^(theta|beta|w|b)$/.test(x.name) && /^[01]$/.test(indexOf(x.sub))));
  const slopeTerm = (r: Row) => { const q = unbracket(r); return q.length === 2 && q.some(constant) && q.some((x) => x.k === 'sym' && x.name === 'x' && !x.sup) && q.some((x) => !(x.k === 'sym' && x.name === 'x')); };
  if (parts.length === 2 && prediction && terms.length === 2 && terms.every((t) => t.sign === '+') && terms.some((t) => t.items.length === 1 && constant(t.items[0])) && terms.some((t) => slopeTerm(t.items))) add('linear-regression', 1.8, 'y = a + b x: a straight line (linear regression when the words say so)');
  // P(Y = k | x) = exp(w_k · x) / (1 + Σ_j exp(w_j · x)): the class probabilities of multinomial logistic regression.
  const perClassScore = (r: Row) => syms(r).some((y) => isParam(y) && (!!y.sub || /^[0-9k]$/.test(indexOf(y.sup)))) && syms(r).some((y) => y.name === 'x');
  for (const f of fracs(root)) {
    const num = rowOf(f.num);
    if (num.length !== 1 || num[0].k !== 'apply' || num[0].fn !== 'exp' || !perClassScore(rowOf(num[0].arg))) continue;
    const den = rowOf(f.den);
    const denExps = applies(den, ['exp']).filter((a) => perClassScore(rowOf(a.arg)));
    const referenceClass = isNum(den[0], 1) && den[1]?.k === 'op' && den[1].v === '+' && bigs(den, 'sum').length === 1 && denExps.length >= 1;
    // (Two classes' exponentials alone, exp(θ_1ᵀx) / (exp(θ_1ᵀx) + exp(θ_2ᵀx)), rewrite the logistic model as often as
    // they start the multinomial one: not taken.)
    if (referenceClass) add('softmax-regression', 3.4, 'P(Y = k | x) = exp(w_k·x) / (1 + Σ_j exp(w_j·x)): one weight vector per class, against a reference class');
  }
  // P(d_j^w | x_w, θ_{j−1}^w), θ_{j−1}^w: a branch of the word's Huffman path, coded by the bit d_j^w — hierarchical softmax
  // in word2vec's own derivation.
  const probApplies = applies(root).filter((a) => isProb(a));
  // (A branch by its number on the path, d_2^w, θ_1^w, as well.)
  const pathBit = syms(root).some((y) => y.name === 'd' && /^(j|[2-9])$/.test(indexOf(y.sub)) && indexOf(y.sup) === 'w');
  const nodeVector = syms(root).some((y) => y.name === 'theta' && /^(j-1|[1-9])$/.test(indexOf(y.sub)) && indexOf(y.sup) === 'w');
  if ((pathBit || nodeVector) && (applies(root, ['sigmoid']).length || probApplies.length || bigs(root, 'prod').length)) add('hierarchical-softmax', bigs(root, 'prod').length || probApplies.length ? 4 : 3.7, 'P(d_j^w | x_w, θ_{j−1}^w): one branch of the Huffman path');
  // E_q[log p(x, z)/q(z | x)], ∫ q(z) log p(x, z)/q(z) dz: the joint over the approximate posterior, averaged — the ELBO.
  // (The joint may be given the parameters only, p(X, Z | θ); a sum over z weighted by q(z) is the same average.)
  const jointOverQ = applies(root, ['log']).some((l) => fracs(l.arg).some((f) => { const n = rowOf(f.num); const d = rowOf(f.den); return n.length === 1 && n[0].k === 'apply' && isProb(n[0]) && hasOp(n[0].arg, ',') && (!hasOp(n[0].arg, '|') || givenParametersOnly(n[0])) && d.length === 1 && d[0].k === 'apply' && d[0].fn === 'q'; }));
  const weightedByQ = bigs(root, 'sum').length > 0 && root.some((x) => x.k === 'big') && applies(root, ['q']).length >= 2;
  if (jointOverQ && (syms(root).some((y) => y.name === 'E') || bigs(root, 'int').length || weightedByQ)) add('elbo', 3.9, 'E_q[log p(x, z)/q(z | x)]: the evidence lower bound');
  // P(w_t | w_{t−1}, w_{t+1}), P(w_c | w_{c−m}, …, w_{c+m}): the centre word given the words on both sides — CBOW.
  // Π_t Π_j P(w_{t+j} | w_t; θ): each context word given the centre — skip-gram's likelihood.
  // (The position may be raised in brackets instead, w^{(t)} given w^{(t−m)}, …, w^{(t+m)}, as d2l writes it.)
  const place = (y: Sym) => indexOf(y.sub) || (/^\(?[a-z](?:[+\-−][a-z0-9]{1,2})?\)?$/.test(subText(y.sup).replace(/\s/g, '')) ? indexOf(y.sup) : '');
  const positions = (a: Apply) => { const { predicted, given } = conditionLetters(a); return { at: predicted.map(place), around: given.filter((y) => predicted.some((q) => q.name === y.name)).map(place) }; };
  for (const a of applies(root).filter((q) => isProb(q) && condBarOf(q))) {
    const { at, around } = positions(a);
    // P(w_{t−1}, w_{t+1} | w_t): the words on both sides given the centre — skip-gram's prediction.
    if (around.length === 1 && /^[a-z]$/.test(around[0]) && at.some((i) => i.startsWith(`${around[0]}-`)) && at.some((i) => i.startsWith(`${around[0]}+`))) add('skipgram', 3.6, 'P(w_{t−1}, w_{t+1} | w_t): the words on both sides given the centre');
    if (at.length !== 1 || !/^[a-z]$/.test(at[0])) continue;
    const c = at[0];
    if (around.some((i) => i.startsWith(`${c}-`)) && around.some((i) => i.startsWith(`${c}+`))) add('cbow', 4, 'P(w_c | w_{c−m} … w_{c+m}): the centre word given both sides');
    // P(w_c | w_{o_1}, …, w_{o_{2m}}): the centre word given the 2m (or C) words of its window, numbered.
    else if (around.length >= 2 && conditionLetters(a).given.some((y) => /[_{,](2m|C)\}*$/.test(show(y).replace(/\s/g, '')))) add('cbow', 3.6, 'P(w_c | w_{o_1}, …, w_{o_{2m}}): the centre word given the 2m words around it');
  }
  if (bigs(root, 'prod').length >= 2 && applies(root).some((a) => { if (!isProb(a) || !condBarOf(a)) return false; const { at, around } = positions(a); return at.length === 1 && /^[a-z]\+[a-z]$/.test(at[0]) && around.length === 1 && around[0] === at[0][0]; })) add('skipgram', 4.6, 'Π_t Π_j P(w_{t+j} | w_t): each context word given the centre');
  if (bothSidesGivenCentre(applies(root).filter((a) => isProb(a) && condBarOf(a)).map(positions))) add('skipgram', 3.5, 'P(w_{t−1} | w_t) P(w_{t+1} | w_t): the words on both sides, each given the centre');
  // Π_{−m ≤ j ≤ m, j ≠ 0} P(w_{t+j} | w_t): one centre word's window, each word of it given the centre.
  const overWindow = bigs(root, 'prod').some((b) => rowOf(b.sub).filter((x) => x.k === 'op' && ['≤', '<', '⩽'].includes(x.v)).length === 2 && hasOp(b.sub, '≠'));
  if (overWindow && applies(root).some((a) => { if (!isProb(a) || !condBarOf(a)) return false; const { at, around } = positions(a); return at.length === 1 && /^[a-z]\+[a-z]$/.test(at[0]) && around.length === 1 && around[0] === at[0][0]; })) add('skipgram', 3.8, WINDOW_GIVEN_CENTRE);
  // Π P(D = 1 | w, c) Π P(D = 0 | w, c): observed pairs real, sampled ones not — negative sampling's likelihood.
  const pairLabel = (v: number) => applies(root).some((a) => { const r = rowOf(a.arg); return isProb(a) && r[0]?.k === 'sym' && /^[dD]$/.test(r[0].name) && r[1]?.k === 'op' && r[1].v === '=' && isNum(r[2], v); });
  if (pairLabel(1) && pairLabel(0) && bigs(root, 'prod').length) add('sgns', 4.4, 'Π P(D = 1 | w, c) Π P(D = 0 | w, c̃): real pairs and sampled ones');
  // Q = X W^Q, K = Y W^K, V = Y W^V: queries from one sequence, keys and values from another — attention across them.
  const source = new Map<string, string>();
  root.forEach((x, i) => { const y = root[i + 2]; if (x.k === 'sym' && /^[QKV]$/.test(x.name) && root[i + 1]?.k === 'op' && (root[i + 1] as { v: string }).v === '=' && y?.k === 'sym' && /^[A-Z]$/.test(y.name) && y.name !== 'W') source.set(x.name, y.name); });
  if (source.has('Q') && source.has('K') && source.get('Q') !== source.get('K')) add('attention', 3.9, 'Q = X W^Q, K = Y W^K: queries from one sequence, keys from another');
  // h_t = tanh(c_t): the cell state squashed into the output — the LSTM's (the output gate aside).
  // c' = g(z) f(z_i) + c f(z_f), a = h(c') f(z_o): gates written as an activation of their own input z_i, z_f, z_o (one
  // lecture's notation for the LSTM's memory cell) — two of them, or one beside the memory c.
  const gateInputs = new Set(applies(root, ['f', 'g', 'sigma', 'sigmoid']).flatMap((a) => { const r = rowOf(a.arg); return r.length === 1 && r[0].k === 'sym' && r[0].name === 'z' && /^[ifo]$/.test(indexOf(r[0].sub)) && !r[0].sup ? [indexOf(r[0].sub)] : []; }));
  const memory = syms(root).some((x) => x.name === 'c' && (!x.sub || /^t/.test(stepIndex(x))));
  if (gateInputs.size >= 2 || (gateInputs.size === 1 && memory)) add('lstm', 3.5, "gates as activations of their inputs, f(z_i), f(z_f), f(z_o), around the memory c: an LSTM cell");
  // (The step as a subscript or a superscript: c_t, c^{⟨t⟩}, c^{<t>}.)
  if (applies(root, ['tanh']).some((a) => { const r = rowOf(a.arg); return r.length === 1 && r[0].k === 'sym' && /^[cC]$/.test(r[0].name) && stepIndex(r[0]) === 't'; })) add('lstm', 3.5, 'tanh(c_t): the cell state squashed into the output');
  // (The Deep Learning book's h_i^{(t)} = tanh(s_i^{(t)}) q_i^{(t)}: the state s squashed, through the output gate q.)
  const atStep = (x: Node | undefined): x is Sym => x?.k === 'sym' && [indexOf(x.sub), indexOf(x.sup)].includes('t');
  const squashedState = root.some((x, i) => x.k === 'apply' && x.fn === 'tanh' && rowOf(x.arg).length === 1 && atStep(rowOf(x.arg)[0]) && /^[sc]$/.test((rowOf(x.arg)[0] as Sym).name) && [root[i - 1], root[i + 1]].some((y) => atStep(y) && /^[qo]$/.test(y.name)));
  if (squashedState && lhsHead?.k === 'sym' && lhsHead.name === 'h') add('lstm', 3.5, 'h^{(t)} = tanh(s^{(t)}) q^{(t)}: the state squashed, through the output gate');
  // y = σ(w_0 x + w_1) = P(t = 1 | x): a sigmoid of a linear score named as the class probability — logistic regression.
  // (Or without the bias, P(Y = 1 | x) = sigmoid(wx), σ(wᵀx); two word vectors, σ(v_cᵀ v_w), are word2vec's; a component, σ⃗(θᵀu)_c, the softmax's.)
  if (classProbability(root) && applies(root, ['sigmoid']).some((a) => syms(a.arg).some(isParam) && (hasOp(a.arg, '+') || (!a.sub && (dataTimesCoefficients(rowOf(a.arg)) || dots(a.arg).some((d) => !wordVectorPair(d.a, d.b))))))) add('logistic-regression', 3.4, 'σ(w·x + b) = P(t = 1 | x): the probability of the class');
  if (layerActivation(parts, lhs)) add('affine-layer', 3.3, LAYER_ACTIVATION);
  // log L(b, w | y, x) = Σ_i log p(y_i | x_i, b, w): the log-likelihood of the parameters given the data.
  // (ℓ(θ; X) = log L(θ; X) = Σ_i log P(x_i; θ): the same, the data after a semicolon and the log named first.)
  const likelihoodOfData = applies(lhs).some((a) => /^(L|l|ell)$/.test(a.fn) && syms(a.arg).some((y) => PARAM_LETTER.test(y.name) || y.name === 'b') && hasOp(a.arg, '|')) || (parts.length >= 3 && applies(parts[1], ['log']).some((l) => rowOf(l.arg)[0]?.k === 'apply' && /^L$/.test((rowOf(l.arg)[0] as Apply).fn)));
  if (likelihoodOfData && bigs(rhsAll, 'sum').length && applies(rhsAll, ['log']).some((l) => applies(l.arg).some((q) => isProb(q) && (condBarOf(q) || hasOp(q.arg, ';')))) && !hasLineOp(parts[1] ?? [], '-')) add('maximum-likelihood', 3.4, 'log L(θ | data) = Σ log p(y_i | x_i; θ): the log-likelihood');
  factorisedJoint(parts, add);
  // c = q({h_1, …, h_T}): the context vector summarised from all the encoder's states.
  if (parts.length === 2 && lhsHead?.k === 'sym' && /^[cC]$/.test(lhsHead.name) && rhsAll.length === 1 && rhsAll[0].k === 'apply' && syms(rhsAll[0].arg).filter((y) => y.name === 'h' && !!y.sub).length >= 2 && syms(rhsAll[0].arg).some((y) => y.name === 'h' && /^T/.test(indexOf(y.sub)))) add('seq2seq', 3.1, 'c = q({h_1, …, h_T}): the context vector from every encoder state');
}

/**
 * A joint probability written out factor by factor: each factor given all the earlier ones (the chain rule of
 * probability, over the words of a sentence the language model's, cut to a window the n-gram's), or each word given
 * only the one before it (the bigram model).
 */
function factorisedJoint(parts: Row[], add: Add): void {
  // P(x_1, …, x_T) = P(x_1) P(x_2 | x_1) P(x_3 | x_1, x_2) …: the joint written out factor by factor, each given all the
  // earlier ones — the chain rule of probability itself (a product sign, Π_t P(w_t | w_{<t}), is the language model's).
  const factors = (parts[parts.length - 1] ?? []).filter((x): x is Apply => x.k === 'apply' && isProb(x));
  // (How much a factor is given: its letters after the bar, or the words, P('chocolate' | 'I love').)
  const givenSize = (f: Apply) => Math.max(conditionLetters(f).given.length, show(f.arg).split('|').slice(1).join('|').replace(/\s/g, '').length / 8);
  // (Factors of one product: an interpolation μ_1 P(c) + μ_2 P(c | b) + … adds them.)
  // (Words written out, P(drinks | teacher) after P(teacher | The), grow only when the history keeps the earlier words.)
  const grows = (a: Apply, b: Apply) => { const [h1, h2] = [wordsAround(a), wordsAround(b)]; return h1 && h2 ? h2.given.length > h1.given.length && h2.given.includes(h1.given) && h2.given.includes(h1.predicted) : givenSize(b) > givenSize(a); };
  if (parts.length >= 2 && factors.length >= 3 && !hasLineOp(parts[parts.length - 1], '+', '-') && !condBarOf(factors[0]) && condBarOf(factors[1]) && condBarOf(factors[2]) && grows(factors[1], factors[2])) {
    // (Over the words of a sentence, w_1 … w_n or the words themselves, it is how a language model scores the sentence.)
    const words = factors.every((f) => all(f.arg).some((y) => (y.k === 'sym' && /^[wW]$/.test(y.name)) || y.k === 'name' || y.k === 'text'));
    // (A history that starts N − 1 words back, P(w_n | w_{n−N+1}^{n−1}), cuts the chain rule short: the n-gram model.)
    const windowStart = factors.some((f) => conditionLetters(f).given.some((y) => WINDOW_START.test(subText(y.sub).replace(/\s/g, ''))));
    if (words && windowStart) add('ngram-markov', 4.2, 'P(w_1) P(w_2 | w_1) … P(w_n | w_{n−N+1}^{n−1}): the chain rule with each history cut to the last N − 1 words');
    else if (words) add('language-model', 4.1, 'P(w_1, …, w_n) = P(w_1) P(w_2 | w_1) …: the chain rule over the words of a sentence');
    else add('probability-chain-rule', 3.6, 'P(x_1, …, x_T) = P(x_1) P(x_2 | x_1) P(x_3 | x_1, x_2) …: the chain rule written out');
  }
  // P(w_1) P(w_2 | w_1) … P(w_n | w_{n−1}): every word given only the one before it, the bigram model.
  const previous = (f: Apply) => {
    const { predicted, given } = conditionLetters(f);
    const at = predicted.length === 1 ? subText(predicted[0].sub).replace(/\s/g, '') : '';
    return given.length === 1 && /^[wW]$/.test(given[0].name) && given[0].name === predicted[0]?.name && !!at && subText(given[0].sub).replace(/\s/g, '') === (/^\d+$/.test(at) ? String(Number(at) - 1) : `${at}-1`);
  };
  if (parts.length >= 2 && factors.length >= 3 && !hasLineOp(parts[parts.length - 1], '+', '-') && !condBarOf(factors[0]) && factors.slice(1).every(previous)) add('ngram-markov', 4.0, BIGRAM_FACTORS);
}

function detect(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhsAll = parts.length > 1 ? parts.slice(1).flat() : parts[0];
  const every = all(root);
  const lhsHead = lhs.find((x) => x.k === 'sym' || x.k === 'apply' || x.k === 'name');
  const lhsBase = symBase(lhsHead) ?? (lhsHead?.k === 'name' ? lhsHead.v.toLowerCase() : null);
  const lhsSub = lhsHead && 'sub' in lhsHead ? subText(lhsHead.sub) : '';
  const lhsSup = lhsHead && 'sup' in lhsHead ? subText(lhsHead.sup) : '';
  // (A left side spelled in italic letters, the last one indexed or numbered: `head_1` read as h·e·a·d_1, `head1`.)
  const letters = lhs.length >= 2 && lhs[lhs.length - 1].k === 'num' ? lhs.slice(0, -1) : lhs;
  const lhsLetters = letters.length >= 2 && letters.every((x, i) => x.k === 'sym' && /^[a-z]$/i.test(x.name) && !x.mods.length && !x.sup && (!x.sub || i === letters.length - 1)) ? letters.map((x) => (x as Sym).name).join('').toLowerCase() : '';
  const nm = names(root);
  const fnNames = new Set(applies(root).map((a) => a.fn));
  const lhsApply = lhs.find((x): x is Apply => x.k === 'apply');
  const lhsFn = lhsApply?.fn ?? (lhsHead?.k === 'name' ? lhsHead.v.toLowerCase() : '');
  // The left side names a loss or objective (L, J, ℓ, \mathcal{L}, E, CE …).
  const lhsIsLoss = (!!lhsBase && /^(L|J|ell|l|E|loss|cost|ce|nll|mathcal)$/i.test(lhsBase)) || lhs.some((x) => x.k === 'sym' && (x.name === 'L' || x.name === 'J' || x.name === 'ell'));
  const allRows: Row[] = [root, ...every.filter((m): m is Extract<Node, { k: 'row' }> => m.k === 'row').map((m) => m.items)];
  const anyMinus = every.some((x) => x.k === 'op' && x.v === '-');
  const firstIdx = new Map<Row, [number, number]>();
  const idx = (r: Row): [number, number] => {
    let v = firstIdx.get(r);
    if (!v) {
      const s = r.findIndex((x) => x.k === 'big' && x.v === 'sum');
      const m = r.findIndex((x) => x.k === 'op' && x.v === '-');
      v = [s < 0 ? Infinity : s, m < 0 ? Infinity : m];
      firstIdx.set(r, v);
    }
    return v;
  };
  const firstSum = (r: Row) => idx(r)[0];
  const firstMinus = (r: Row) => idx(r)[1];
  const probApplies = applies(root).filter((a) => /^[pPq]$/.test(a.fn) || (a.head.k === 'sym' && a.head.name === 'P' && a.head.mods.includes('cal')));

  // --- attention family ---
  // A query–key dot product scaled by √d: the scaled dot-product score.
  // A mask applied to the scores of a softmax attention: masked (causal) self-attention.
  if (applies(root, ['softmax']).some((sm) => all(sm.arg).some((x) => (x.k === 'apply' && /^mask/i.test(x.fn)) || (x.k === 'name' && /^mask/i.test(x.v))) && (hasSym(sm.arg, 'Q') || hasTranspose(sm.arg)))) add('masked-self-attention', 3.6, 'softmax(mask(QK^T/√d))V');
  // The same scaled score inside the exps of a written-out softmax: exp(q·k/√d) / Σ exp(…).
  if (!nm.includes('mask') && applies(root, ['exp']).some((e) => fracs(e.arg).some((f) => rowOf(f.den).some((x) => x.k === 'sqrt') && syms(f.num).some((x) => /^[qQ]$/.test(x.name)) && syms(f.num).some((x) => /^[kK]$/.test(x.name))))) add('scaled-dot-product-attention', 3.9, 'exp(q·k/√d) / Σ exp(q·k′/√d)');
  // softmax(S/√d_k), softmax(energy/head_dim^{1/2}): scores divided by the root of the keys' dimension before the softmax.
  // (The fraction alone in the softmax, an axis beside it at most: a mask added, `+ M`, is masked attention's.)
  const scaledAlone = (sm: Apply) => { const r = rowOf(sm.arg); const comma = r.findIndex((x) => x.k === 'op' && x.v === ','); const body = comma < 0 ? r : r.slice(0, comma); return body.length === 1 && body[0].k === 'frac' && keyDimensionRoot(rowOf(body[0].den)); };
  // (The weights only: the softmax is the whole right side; with V after it the written-out forms read it whole.)
  const weightsOnly = (parts.length >= 2 ? parts[parts.length - 1] : root).filter((x) => !(x.k === 'op' && x.v === ','));
  if (weightsOnly.length === 1 && weightsOnly[0].k === 'apply' && weightsOnly[0].fn === 'softmax' && scaledAlone(weightsOnly[0])) add('scaled-dot-product-attention', 3.7, SCORES_OVER_ROOT_DIMENSION);
  if (!applies(root, ['softmax']).length && fracs(root).some((f) => rowOf(f.den).some((x) => x.k === 'sqrt') && (hasTranspose(f.num) || (hasSym(f.num, 'Q') && hasSym(f.num, 'K'))) && syms(f.num).some((x) => /^[qQ]$/.test(x.name)) && syms(f.num).some((x) => /^[kK]$/.test(x.name)))) add('scaled-dot-product-attention', 3.2, 'q·k / √d');
  for (const sm of applies(root, ['softmax'])) {
    const arg = argRow(sm);
    const f = fracs(arg)[0];
    const sqrtDen = f && rowOf(f.den).some((x) => x.k === 'sqrt');
    const qk = syms(arg).some((s) => s.name === 'Q') && syms(arg).some((s) => s.name === 'K');
    // (An M under the root is the dimension it scales by, softmax(QKᵀ/√M)V, no mask.)
    const underRoot = new Set(all(arg).filter((x) => x.k === 'sqrt').flatMap((x) => all((x as { body: Node }).body)));
    const maskM = all(arg).some((x) => x.k === 'sym' && x.name === 'M' && !underRoot.has(x));
    const masked = maskM || hasSym(arg, 'infty') || hasOp(arg, '+') && qk;
    const perPosition = dots(arg).some((d) => symBase(d.a) === 'q' && symBase(d.b) === 'k');
    // (Scaled by √d and giving only the weights, it is scaled dot-product attention's softmax, one query at a time.)
    const weightsOnly = (sqrtDen || all(arg).some((x) => x.k === 'sqrt')) && !syms(root).some((x) => /^[vV]$/.test(x.name));
    if (perPosition) add(weightsOnly ? 'scaled-dot-product-attention' : 'self-attention', 3.4, weightsOnly ? 'softmax_j(q_i·k_j/√d): the scaled weights of one query' : 'softmax_j(q_i·k_j/√d) weighting v_j');
    // (Scores named by a word, Softmax(Scores/√d)V or softmax(S/√d_k)V: scaled, then weighting the values.)
    const weighsValues = rowsIn(root).some((r) => { const i = r.indexOf(sm); return i >= 0 && r[i + 1]?.k === 'sym' && (r[i + 1] as Sym).name === 'V'; });
    // (Unscaled, softmax(QKᵀ + M) with its mask M added is masked attention's all the same.)
    if (!sqrtDen && qk && hasTranspose(arg) && hasOp(arg, '+') && maskM && !perPosition) add('masked-self-attention', 3.4, 'softmax(QKᵀ + M): the scores with a mask added');
    else if ((sqrtDen || hasOp(arg, '/') && all(arg).some((x) => x.k === 'sqrt')) && (qk || dots(arg).length || hasTranspose(arg) || weighsValues) && !perPosition) {
      if (masked && maskM) add('masked-self-attention', 3.5, 'softmax(QK^T/√d + M)V');
      // (Queries against transposed keys, scaled, weighting V: the whole formula as the paper writes it, firm.)
      else if (qk && hasTranspose(arg) && weighsValues) add('scaled-dot-product-attention', 3.2, SDPA_WRITTEN);
      else add('scaled-dot-product-attention', 3.2, 'softmax(QK^T/√d)V');
    } else if ((syms(arg).filter((s) => /^W/.test(s.name) || (s.name === 'W' && s.sub)).length >= 2 || (qk && !arg.some((s) => s.k === 'sym' && (s.name === 'Q' || s.name === 'K')))) && hasTranspose(arg)) {
      // (Q and K only as the projections' subscripts, X W_Q (X W_K)ᵀ: queries and keys of one input.)
      add('self-attention', 3, 'softmax of products of projections of one input');
    } else if (qk) {
      // (Q and K alone do not say where they come from: the general dot-product attention, unless the words say more.)
      add('attention', 3, 'softmax of query-key products');
    } else if (arg.length === 2 && arg[0].k === 'sym' && arg[1].k === 'sym' && /^[XHE]$/.test(arg[0].name) && arg[1].name === arg[0].name && !arg[0].sup && isTransposeSup(arg[1].sup)) {
      // (softmax(X Xᵀ): every input scored against every input, itself as the queries and the keys.)
      add('self-attention', 3, 'softmax(X Xᵀ): the inputs scored against themselves');
    } else if (dots(arg).length && syms(arg).every((s) => s.name === 'x' || s.name === 'T' || s.name === 'top' || s.name === 'i' || s.name === 'j')) {
      add('self-attention', 2.6, 'softmax of x_i·x_j');
    }
    if (hasSym(root, 'M') && hasSym(root, 'infty')) add('masked-self-attention', 3.6, 'mask with −∞');
  }
  if (fnNames.has('multihead') || nm.includes('multihead') || (fnNames.has('concat') && syms(root).some((s) => s.name === 'head')) || (lhsBase === 'head' || lhsLetters === 'head' || lhs.some((x) => x.k === 'name' && x.v === 'head') || lhs.some((x) => x.k === 'sym' && x.name === 'head')) && fnNames.has('attention'))
    add('multi-head-attention', 3.5, HEAD_DEFINED);
  if (perHeadAttention(root, lhs)) add('multi-head-attention', 3.5, PER_HEAD);
  {
    const projs = syms(root).filter((x) => x.name === 'W' && /^\(?[qkvQKV]\)?$/.test(subText(x.sup)) && !!x.sub);
    if (new Set(projs.map((x) => subText(x.sup).replace(/[()]/g, '').toLowerCase())).size >= 3) add('multi-head-attention', 3.4, 'per-head projections W_i^Q, W_i^K, W_i^V');
  }
  const heads = every.some((x) => (x.k === 'name' && /^head$/i.test(x.v)) || (x.k === 'sym' && x.name === 'head'));
  // (X + MultiHeadAttention(X) is the residual connection around it.)
  const residual = parts.length > 1 && termsOf(rhsAll).length >= 2 && applies(rhsAll).some((a) => termsOf(rhsAll).some((t) => t.items.length === 1 && show(t.items[0]) === show(a.arg)));
  if (!residual && (fnNames.has('multiheadattn') || fnNames.has('multiheadattention') || fnNames.has('mha'))) add('multi-head-attention', 3.3, 'MultiHead(…)');
  if (heads && syms(root).some((x) => x.name === 'W' && /^o$/i.test(subText(x.sup)))) add('multi-head-attention', 3.5, '[head_1; …; head_h] W^O');
  if (fnNames.has('attention') && !fnNames.has('softmax') && hasSym(root, 'Q')) add('scaled-dot-product-attention', 1.5, 'Attention(Q,K,V)');
  // v^T tanh(W h + U s)
  const scoreFn = sides(root).parts.length > 1 ? sides(root).parts[0].find((x): x is Apply => x.k === 'apply') : undefined;
  for (const r of all(root).filter((m): m is Extract<Node, { k: 'row' }> => m.k === 'row').map((m) => m.items).concat([root])) {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i];
      const b = r[i + 1];
      // (Without a transpose, W_2 tanh(W_1 [h_i; h_j]), only where the left side is the score of the two vectors.)
      if (a.k !== 'sym' || b.k !== 'apply' || b.fn !== 'tanh') continue;
      const scoreNamed = !!scoreFn && rowOf(scoreFn.arg).filter((x) => x.k === 'sym').length === 2 && /^[WVvw]$/.test(a.name);
      if (!isTransposeSup(a.sup) && !scoreNamed) continue;
      // (Two vectors scored together, each through its weights or concatenated: tanh(W^T x + b) of one input is a hidden layer.)
      const twoInputs = termsOf(rowOf(b.arg)).filter((t) => t.items.length >= 2).length >= 2;
      // (Defined as a score of its two vectors, a(q, k) = v^T tanh(W [q; k]), it is the attention's score, not any network.)
      // (Its arguments are the top of the bracket, their indices aside; a letter may change case on the right, s_{i−1} as S_{i−1}.)
      // (A score written as an undefined macro, \score(h_t, s_k), reads as a word and its bracket.)
      const lhs0 = sides(root).parts.length > 1 ? sides(root).parts[0] : [];
      const macroCall = lhs0.length === 2 && lhs0[0].k === 'sym' && lhs0[0].name.length > 1 && lhs0[1].k === 'group' && lhs0[1].delim === '(' ? lhs0[1].body : undefined;
      const scored = scoreFn || macroCall ? rowOf(scoreFn ? scoreFn.arg : macroCall).filter((x): x is Sym => x.k === 'sym') : [];
      // (Listed among other scores in cases, Luong's dot / general / concat, it is one option of attention's score.)
      const options = all(root).some((x) => x.k === 'env');
      const scoreOf = !options && scored.length === 2 && scored.every((x) => syms(b.arg).some((y) => y.name.toLowerCase() === x.name.toLowerCase()));
      if (twoInputs || all(b.arg).some((g) => g.k === 'group' && g.delim === '[' && hasOp(g.body, ';', ','))) add('mlp-attention', scoreOf ? 4.4 : 3.5, 'v^T tanh(W h + U s)');
    }
  }
  // score(s_t, h_i) = s_tᵀ h_i / √n: a scaled dot-product score of one state against another.
  if (lhsApply && /^score$/i.test(lhsApply.fn) && hasOp(lhsApply.arg, ',') && parts.length === 2 && hasTranspose(parts[1]) && fracs(parts[1]).some((f) => rowOf(f.den).some((x) => x.k === 'sqrt'))) add('scaled-dot-product-attention', 3.3, 'score(s, h) = sᵀh / √d: a scaled dot-product score');
  // e_ij = f(W s_{i−1} + U h_j): a score of a decoder state against an encoder state through a layer (additive attention).
  {
    const scoreLhs = lhsHead?.k === 'sym' && /^(e|a|u|score)$/.test(lhsHead.name) && syms(lhsHead.sub).length === 2;
    const right = parts.length === 2 ? parts[1] : [];
    const act = right.length === 1 && right[0].k === 'apply' && ['tanh', 'f', 'g', 'relu', 'sigmoid'].includes(right[0].fn) ? right[0] : null;
    const states = act ? rowOf(act.arg).filter((x): x is Sym => x.k === 'sym' && /^[sh]$/.test(x.name) && !!x.sub) : [];
    if (scoreLhs && act && hasOp(act.arg, '+') && new Set(states.map((x) => x.name)).size === 2) add('mlp-attention', 3.7, 'e_ij = f(W s_{i−1} + U h_j): a layer scoring a decoder state against an encoder state');
  }
  // positional encoding: sin/cos of pos / 10000^{2i/d}
  if (applies(root, ['sin', 'cos']).some((a) => all(a.arg).some((x) => isNum(x, 10000)))) add('positional-encoding', 4, 'sin/cos of position over 10000^{2i/d}');

  // --- softmax-shaped fractions ---
  // (Equated to a prediction — p(y_t | y_{<t}), σ(xᵀW), ŷ — a softmax is the model's output distribution, not attention
  // weights: e_w there is a word's embedding, not a score.)
  const prediction = (lhsApply && (/^[pP]$/.test(lhsApply.fn) || lhsApply.fn === 'sigmoid')) || (lhsHead?.k === 'sym' && lhsHead.mods.includes('hat'));
  const wordGivenCentre = !!lhsApply && /^[pP]$/.test(lhsApply.fn) && wordGivenCentreWord(rowOf(lhsApply.arg));
  for (const f of fracs(root)) {
    const arg = softmaxFrac(f);
    if (!arg) continue;
    // (P(w_j | w_c) = exp(u_j) / Σ_i exp(u_i): a word given the centre word, over the vocabulary, whatever its scores.)
    if (wordGivenCentre && parts.length === 2 && parts[1].length === 1) {
      add('skipgram-softmax', 3.2, WORD_GIVEN_CENTRE);
      continue;
    }
    const d = dots(arg);
    // (P(v | z_u) = exp(z_uᵀ z_v) / Σ_{n ∈ V} exp(z_uᵀ z_n): an item given another, scored by the dot product of the
    // two items' own vectors — skip-gram's softmax over every item, as node and item embeddings write it.)
    if (lhsApply && /^(p|P|Pr)$/.test(lhsApply.fn) && parts.length === 2 && parts[1].length === 1 && d.length === 1 && itemGivenItem(rowOf(lhsApply.arg), d[0])) {
      add('skipgram-softmax', 3.2, ITEM_GIVEN_ITEM);
      continue;
    }
    const argSyms = syms(arg);
    // (a^L_j = e^{z^L_j} / Σ_k e^{z^L_k}: an activation a of pre-activations z is a layer's softmax, not attention weights.)
    const ofPreActivations = argSyms.some((s) => s.name === 'z');
    const lhsAttn = lhsBase === 'alpha' || (lhsBase === 'a' && !!lhsSub && !ofPreActivations) || (lhsBase === 'w' && lhsSub.length >= 2);
    const argFn = applies(arg).map((a) => a.fn);
    if (lhsAttn || argFn.includes('score') || (argSyms.some((s) => s.name === 'e' && s.sub) && !prediction)) {
      if (d.some((p) => symBase(p.a) === 'q' || symBase(p.b) === 'k') || argSyms.some((s) => s.name === 'q')) add('self-attention', 3, 'softmax of q·k');
      // (Weights named as such, α_ij of scores e_ij, not a score normalised under its own letter, α̂ = exp(α)/Σ exp(α).)
      add('attention', 2.8, lhsAttn && !argSyms.some((s) => s.name === lhsBase) ? ATTENTION_WEIGHTS : 'attention weights: softmax over scores');
      continue;
    }
    if (d.length) {
      const p = d[0];
      const dd = dots(f.den)[0];
      const aVaries = !!dd && show(dd.a) !== show(p.a) && show(dd.b) === show(p.b);
      const bVaries = !!dd && show(dd.b) !== show(p.b) && show(dd.a) === show(p.a);
      if (bVaries && prediction) {
        add('softmax', 2.8, 'the output distribution: a softmax of the scores of every class');
        continue;
      }
      if (bVaries) {
        if (symBase(p.a) === 'q' && symBase(p.b) === 'k') add('self-attention', 3, 'softmax of q·k');
        add('attention', 2.9, 'weights: one query scored against every key');
        continue;
      }
      if (aVaries && lhsApply && /^[pPq]$/.test(lhsApply.fn)) {
        const la = rowOf(lhsApply.arg);
        const bar = la.findIndex((x) => x.k === 'op' && x.v === '|');
        const labelEq = la.slice(0, bar < 0 ? la.length : bar).some((x) => x.k === 'op' && x.v === '=');
        const given = bar < 0 ? '' : show({ k: 'row', items: la.slice(bar + 1).filter((x) => !(x.k === 'op' && x.v === ';')) }).split(/\s*[;,]\s*/)[0];
        const bSub = p.b.k === 'sym' && p.b.sub ? show(p.b.sub) : p.b.k === 'group' ? show((rowOf(p.b.body)[0] as Sym | undefined)?.sub) : '';
        // (P(O = o | C = c) = exp(u_o·v_c) / Σ_w exp(u_w·v_c): random variables named by capitals, word vectors indexed
        // by their values.)
        const givenValue = given.split('=').pop()!.trim();
        if (labelEq && bSub && givenValue && bSub === givenValue && wordVectorPair(p.a, p.b)) {
          add('skipgram-softmax', 3.1, 'P(O = o | C = c): softmax over the vocabulary of u_w · v_c');
          continue;
        }
        if (labelEq) {
          add('softmax-regression', 3.1, 'P(y = k | x): softmax of class-weight · input');
          continue;
        }
        if (bSub && given && bSub === given) {
          add('skipgram-softmax', 3.1, 'P(o | c): softmax over the vocabulary of u_w · v_c');
          continue;
        }
      }
      const b = p.b.k === 'sym' ? p.b.name : symBase(rowOf((p.b as Group).body)?.[0]);
      const lhsProbWords = lhsApply && /^[pP]$/.test(lhsApply.fn) ? syms(lhsApply.arg).map((s) => s.name) : [];
      // (The input's features φ, φ(x) — basis functions — are the input too.)
      const features = (n: Node) => (n.k === 'sym' && /^(phi|varphi)$/.test(n.name)) || featureMap(n);
      if (b === 'x' || symBase(p.a) === 'x' || features(p.b) || lhsProbWords.includes('y') || lhsProbWords.includes('x')) add('softmax-regression', 3, 'softmax of class-weight · input');
      else if (wordVectorPair(p.a, p.b)) add('skipgram-softmax', 3, 'softmax of word-vector dot products');
      else add('softmax', 2.4, 'softmax of dot-product scores');
      continue;
    }
    if (lhsApply && /^[pP]$/.test(lhsApply.fn) && hasTranspose(arg)) {
      add('softmax-regression', 2.8, 'P(y=k|x) as a softmax');
      continue;
    }
    const argBase = rowOf(arg).length === 1 ? symBase(rowOf(arg)[0]) : null;
    const scoreDefined = argBase && sides(root.filter((x) => !(x.k === 'op' && x.v === ','))).parts.some((p, i, all) => i + 1 < all.length && [...p].reverse().find((x) => x.k === 'sym')?.k === 'sym' && symBase([...p].reverse().find((x) => x.k === 'sym')) === argBase && dots(all[i + 1]).length > 0 && !dots(all[i + 1]).some((d) => symBase(d.a) === 'q' || symBase(d.b) === 'k'));
    if (scoreDefined) {
      add('softmax-regression', 3.2, 'softmax of scores a_k = w_k·φ');
      continue;
    }
    // Scores affine in the input x (e^{w_k x}, e^{W^T x + b}): a linear classifier's class probabilities.
    const juxtaposed = rowOf(arg).length === 2 && rowOf(arg).every((x) => x.k === 'sym') && rowOf(arg).some((x) => (x as Sym).name === 'w' || (x as Sym).name === 'theta');
    if ((affine(rowOf(arg)) || juxtaposed) && syms(arg).some((x) => x.name === 'x' || x.name === 'X') && !rowOf(arg).some((x) => x.k === 'sym' && /^[qQkK]$/.test(x.name))) {
      add('softmax-regression', 3.1, 'softmax of scores affine in the input x');
      continue;
    }
    add('softmax', 3, 'exp of one score over a sum of exps');
  }
  // softmax(Wᵀx), softmax(W x + b), softmax(θᵀx): the softmax written by name, of scores affine in the input itself.
  // (Of a hidden state or of queries and keys it is a layer's or attention's softmax.)
  for (const a of applies(root, ['softmax'])) {
    const r = rowOf(a.arg);
    // (The input may carry an example's index, x_n, not a time step's; the weights may be a matrix B of coefficients.)
    const input = r.some((x) => x.k === 'sym' && /^[xX]$/.test(x.name) && (!x.sub?.k || /^[inj]$/.test(subText(x.sub))));
    const weights = r.some((x) => x.k === 'sym' && /^(W|w|theta|Theta|beta|B)$/.test(x.name));
    if (input && weights && (affine(r) || hasTranspose(r) || dots(r).length > 0) && !syms(a.arg).some((x) => /^[qQkKhH]$/.test(x.name))) add('softmax-regression', 3.1, 'softmax(Wᵀx + b): softmax of scores affine in the input');
  }
  for (const sm of applies(root, ['softmax'])) {
    const arg = argRow(sm);
    // Concatenated window embeddings [e_{t−3}; e_{t−2}; e_{t−1}] — not a query/state pair [s_t; h_i] scored by v^T tanh(…).
    const windowConcat = (g: Node) => g.k === 'group' && g.delim === '[' && hasOp(g.body, ';') && (rowOf(g.body).filter((x) => x.k === 'op' && x.v === ';').length >= 2 || new Set(syms(g.body).filter((x) => !!x.sub).map((x) => x.name)).size === 1);
    const concat = all(arg).some(windowConcat);
    // (Named as an output given the previous one and a source, P(y_t | y_{t−1}, c), the concatenation is a decoder's input.)
    const decoder = applies(root).some((a) => isProb(a) && condBarOf(a) && (() => { const { predicted, given } = conditionLetters(a); const own = new Set(predicted.map((y) => y.name)); return given.some((y) => own.has(y.name)) && given.some((y) => !own.has(y.name) && /^(x|X|c|C)$/.test(y.name)); })());
    if (concat && decoder) add('seq2seq', 3.8, 'P(y_t | y_{t−1}, c) = softmax(W[h_t; y_{t−1}; c] + b): the decoder\'s output given the previous one and the source');
    else if (concat) add('fixed-window-lm', 3.6, 'softmax over a layer of concatenated window embeddings');
    else if (fracs(arg).some((f) => onlyNum(f.num, 1) && subText(f.den).includes('2m')) || (fracs(arg).length && bigs(arg, 'sum').length)) add('cbow', 3, 'softmax of averaged context vectors');
    // (a = softmax(z) of a pre-activation z is a layer's output activation, not attention weights.)
    else if (lhsBase === 'alpha' || (lhsBase === 'a' && !(arg.length === 1 && arg[0].k === 'sym' && /^[zZ]$/.test(arg[0].name)))) add('attention', 2.6, 'attention distribution = softmax(scores)');
    else add('softmax', 2.2, 'softmax(…)');
  }

  // P(y = 1 | x) = f(w x), p(y=1|x) = g(wᵀx + b): the probability of the class, a squashing function (named only by a
  // letter) of a linear score — logistic regression as statistics notes write it.
  const squashed = (r: Row) => r.length === 1 && r[0].k === 'apply' && /^[fgF]$/.test(r[0].fn) && !(r[0].head.k === 'sym' && r[0].head.sub) && (throughOrigin(rowOf(r[0].arg)) || !!affine(rowOf(r[0].arg)) || dots(rowOf(r[0].arg)).length > 0);
  if (parts.length === 2 && classProbability(parts[0]) && squashed(parts[1])) add('logistic-regression', 3.2, 'P(y = 1 | x) = f(w x): the class probability through a function of a linear score');
  // --- sigmoid / tanh / activations ---
  const ofClass = classProbability(root);
  // (p(X), as statistics books write Pr(Y = 1 | X), on the left of a model fitted with numbers.)
  const lhsArg = parts.length === 2 ? rowOf(probabilityAlone(parts[0])?.arg) : [];
  const probOfInput = lhsArg.length === 1 && lhsArg[0].k === 'sym' && /^[xX]$/.test(lhsArg[0].name) && !lhsArg[0].sub;
  for (const n of every) {
    const arg = sigmoidForm(n);
    if (!arg) continue;
    const argItems = rowOf(arg).length === 1 && rowOf(arg)[0].k === 'group' ? rowOf((rowOf(arg)[0] as Group).body) : rowOf(arg);
    const d = dots(argItems);
    const aff = affine(argItems);
    const fitted = fittedLine(argItems);
    const given = ofClass || (fitted && probOfInput);
    if (d.length && wordVectorPair(d[0].a, d[0].b)) add('sgns', 2.8, 'σ of a word·context dot product');
    // σ(x_wᵀθ^u): in word2vec's own derivation, the context's sum x_w against the auxiliary vector θ^u of a word u —
    // the true word or a negative sample.
    else if (d.length && contextSumAgainstWord(d[0].a, d[0].b)) add('sgns', 3.1, 'σ(x_wᵀθ^u): the context against a word, true or sampled');
    // (Giving the class probability, P(Y = 1 | X) = e^{β₀ + β₁X}/(1 + e^{β₀ + β₁X}), it is the model itself.)
    else if ((d.length || aff || ((dataTimesCoefficients(argItems.filter((x) => !(x.k === 'op' && x.v === '-'))) || fitted) && given)) && !previousInput(argItems)) add('logistic-regression', given ? 3.3 : 2.9, given ? CLASS_PROBABILITY_LINEAR : 'σ of a linear score');
    // (1/(1 + exp(−θ x)), σ(θ^t x): the weights times the input, without a bias, scored through the sigmoid. A β there,
    // 1/(1 + e^{−βx}), is the curve's slope.)
    else if (throughOrigin(argItems) && !syms(argItems).some((x) => x.name === 'beta')) add('logistic-regression', 2.9, 'σ(θ x): the sigmoid of the weights times the input');
    // P(y = 1 | x) = 1/(1 + e^{−z}), h_θ(x) = …: the sigmoid giving a class probability is logistic regression's model.
    // (Of a score function, σ(f(x)), it stays the sigmoid applied to whatever f is — unless the left side is the class's
    // probability, P(y = +1 | x) = σ(Score(x)), P(y | x, w) = 1/(1 + e^{−wᵀh(x)}): the model giving it.)
    else if (ofClass && !previousInput(argItems)) add('logistic-regression', 3.1, 'P(y = 1 | x) = σ(z): the probability of the class');
    else add('sigmoid', 3, '1/(1+e^{−z})');
  }
  // L/(1 + e^{−k(x − x₀)}): the general logistic curve, rising from 0 to its ceiling L (a letter above, not a weight).
  const ceiling = (f: Frac) => { const r = rowOf(f.num); return r.length === 1 && r[0].k === 'sym' && /^(L|K|M|A|C|c)$/.test(r[0].name) && !r[0].sub && !r[0].sup; };
  if (fracs(root).some((f) => ceiling(f) && !!logisticOf(f.den))) add('sigmoid', 3, 'L/(1 + e^{−k(x − x₀)}): the logistic curve, from 0 up to its ceiling L');
  for (const f of fracs(root)) if (tanhForm(f)) add('tanh', 3, '(e^z − e^{−z})/(e^z + e^{−z})');
  if (lhsFn === 'tanh' && !rowOf(lhsApply?.arg).some((x) => x.k === 'op' && x.v === '+') && parts.length > 1) add('tanh', 2.5, 'tanh(x) = …');
  if (lhsFn === 'sigmoid' && lhsApply && parts.length > 1 && !sigmaRedefined(root) && rowOf(lhsApply.arg).length <= 2 && !syms(lhsApply.arg).some((x) => /^(W|Theta)$/.test(x.name))) add('sigmoid', 2.2, 'σ(x) = …');
  // ReLU family via max/min and cases
  for (const m of applies(root, ['max'])) {
    const a = rowOf(m.arg);
    const commas = a.filter((x) => x.k === 'op' && x.v === ',').length;
    const inner = applies(m.arg, ['min']);
    if (inner.length && all(m.arg).some((x) => isNum(x, 1))) {
      add('hardtanh', 3.5, 'max(−1, min(1, x))');
      continue;
    }
    if (commas !== 1) continue;
    const ci = a.findIndex((x) => x.k === 'op' && x.v === ',');
    const left = a.slice(0, ci);
    const right = a.slice(ci + 1);
    const zero = (r: Row) => r.length === 1 && isNum(r[0], 0);
    const other = zero(left) ? right : zero(right) ? left : null;
    if (other) {
      const hasOne = other.some((x) => isNum(x, 1)) && other.some((x) => x.k === 'op' && x.v === '-');
      if (hasOne) {
        const applyCount = applies(other).length;
        // (Or two scores written as letters, 1 − s + s_c: the true window's score against a corrupted one's.)
        const scoreLetters = other.filter((x): x is Sym => x.k === 'sym' && x.name === 's');
        const windowScores = scoreLetters.length === 2 && scoreLetters.filter((x) => !x.sub && !x.sup && !x.mods.length).length === 1 && !bigs(root, 'sum').length;
        // (A label times a bracket, y_i (⟨w, x_i⟩ + b), reads as a call of y_i: still the label of a hinge.)
        const label = other.some((x) => { const s = x.k === 'apply' ? x.head : x; return s.k === 'sym' && /^[yt]$/.test(s.name); });
        if ((applyCount >= 2 || windowScores) && !label) add('collobert-weston', 3.2, 'max(0, 1 − s(x) + s(x′))');
        else add('hinge-loss', 3.2, HINGE_MARGIN);
      } else if (marginDifference(other, root)) add('hinge-loss', 3.2, 'max(0, s_j − s_y + Δ): a margin violation');
      else if (other.length <= 2 && other.some((x) => x.k !== 'op') && !clippedMax(root)) add('relu', 3, 'max(0, x)');
    // (Or the input over a slope above 1, max(x/a_i, x): the parametric ReLU as some notes write it.)
    // (Or the input beside itself times any slope, in either order, max(zα, z), max(k*x, x).)
    } else if (left.some((x) => x.k === 'num' && x.v > 0 && x.v < 1) || right.some((x) => x.k === 'num' && x.v > 0 && x.v < 1) || [left, right].some((r) => (r.length === 2 && r[0].k === 'sym' && /alpha|a/.test(r[0].name)) || overSlope(r)) || scaledCopy(left, right) || scaledCopy(right, left)) {
      add('leaky-relu', 3, 'max(αx, x)');
    }
  }
  for (const g of every.filter((x): x is Group => x.k === 'group' && x.delim === '[' && !!x.sub && subText(x.sub) === '+')) {
    if (all(g.body).some((x) => isNum(x, 1))) add('hinge-loss', 3.2, '[1 − y f(x)]_+');
  }
  // (clip(r, 1 − ε, 1 + ε) bounds a ratio: the hard tanh's bounds are −1 and 1 themselves.)
  for (const c of applies(root, ['clip', 'clamp'])) {
    const args = show(c.arg).replace(/\s/g, '').split(',');
    if (args.length === 3 && args[1] === '-1' && args[2] === '1') add('hardtanh', 3.4, 'clip(x, −1, 1)');
  }
  for (const written of every.filter((x): x is Extract<Node, { k: 'env' }> => x.k === 'env' && x.name === 'cases')) {
    const env = { ...written, rows: written.rows.map(caseCells) };
    // (A condition may be written in brackets, `1 & (z ≥ 0)`.)
    const conds = env.rows.map((r) => r[1]).filter(Boolean).map((c) => { const r = rowOf(c); return r.length === 1 && r[0].k === 'group' ? r[0].body : c; });
    if (env.rows.some((r) => fracs(r[0]).some((f) => subText(f.den).replace(/[()]/g, '') === '1-p'))) {
      add('dropout', 3.5, '0 with probability p, h/(1 − p) otherwise');
      continue;
    }
    // (Or a random mask while training and the input scaled by p at test: d(x) = m ⊙ x, p x.)
    const masked = (r: Row) => r.some((x, i) => x.k === 'sym' && /^(m|r|d|delta|epsilon)$/.test(x.name) && r[i + 1]?.k === 'op' && ['⊙', '∘', '*'].includes((r[i + 1] as { v: string }).v) && r[i + 2]?.k === 'sym');
    const scaled = (r: Row) => r[0]?.k === 'sym' && r[0].name === 'p' && r[1]?.k === 'sym';
    if (env.rows.length === 2 && env.rows.some((r) => masked(rowOf(r[0]))) && env.rows.some((r) => scaled(rowOf(r[0])))) {
      add('dropout', 3.6, 'd(x) = m ⊙ x in training, p x at test: dropout');
      continue;
    }
    const vals = env.rows.map((r) => rowOf(r[0]).filter((x, i, a) => !(x.k === 'op' && [',', '.', ';'].includes(x.v) && i === a.length - 1)));
    // (Or 1 when ŷ ≠ y and 0 otherwise; or, for a loss on the left, 0 and 1 by the sign of the margin y·s.)
    const zeroOne = vals.length === 2 && vals.map((v) => (v.length === 1 && v[0].k === 'num' ? v[0].v : NaN)).sort().join() === '0,1';
    const differs = conds.length >= 1 && conds.some((c) => hasOp(c, '≠')) && (conds.some((c) => hasOp(c, '=')) || zeroOne);
    // (Or 0 when the prediction equals the label, 1 otherwise: ŷ = y, y = y′, h(x) = y, never two indices, δ_ij.)
    const agree = conds.findIndex((c) => hasOp(c, '=') && !hasOp(c, '<', '>', '≤', '≥', '≠') && predictionAndLabel(rowOf(c)));
    if (zeroOne && agree >= 0 && isNum(vals[agree][0], 0) && !foreignName(root)) {
      add('zero-one-loss', 3.5, ZERO_ONE_CASES);
      continue;
    }
    // (XOR(x, y) = 1 if x ≠ y: a function the catalog does not know, named on the left.)
    if ((differs && !foreignName(root)) || (zeroOne && marginCases(root, conds))) {
      add('zero-one-loss', 3.5, ZERO_ONE_CASES);
      continue;
    }
    // (Cases chosen by an index, 0 if p ≠ m and σ′(z_p) if p = m, are a Jacobian's entries, not a piecewise activation.)
    if (!conds.some((c) => hasOp(c, '>') || hasOp(c, '<') || hasOp(c, '≥') || hasOp(c, '≤'))) continue;
    // (φ′(x) = 1 / 0 is a derivative of ReLU, not the step function it equals.)
    // (Nor is ∂y/∂x = 1 / 0, the same derivative written as a fraction.)
    const lhs0 = sides(root).parts.length > 1 ? sides(root).parts[0][0] : undefined;
    const valText = vals.map((v) => subText({ k: 'row', items: v }).replace(/^\+/, ''));
    if (lhs0 && (isPrimed(lhs0) || (sides(root).parts[0].length === 1 && lhs0.k === 'frac' && !!derivative(lhs0)))) {
      // (It is the ReLU's slope, 1 above zero and 0 below; the leaky ReLU's, 1 and α — split where the input is 0.)
      const atZero = conds.every((c) => { const r = rowOf(c).filter((x) => x.k !== 'text'); return r.length >= 3 && isNum(r[r.length - 1], 0); });
      if (vals.length === 2 && atZero && valText.includes('1') && valText.includes('0')) add('relu', 3, RELU_SLOPE);
      else if (vals.length === 2 && atZero && valText.includes('1') && valText.some((v) => /^(alpha|a|lambda)$/.test(v))) add('leaky-relu', 3, 'cases 1 / α: the slope of the leaky ReLU');
      continue;
    }
    // (1 when σ(z) > 0.5, else 0: logistic regression's decision, the sigmoid's probability thresholded — no step
    // activation.)
    if (conds.some((c) => sigmoidThresholded(rowOf(c)))) {
      add('logistic-regression', 3.2, SIGMOID_DECISION);
      continue;
    }
    // (−1, 0, 1 with no letter among the values is the sign: the perceptron's step, not the identity piece of hardtanh.)
    // (0 when the margin is met and 1 − y·f(x) (or 1 − γ/γ_ref, the margin over the one asked for) otherwise: the hinge
    // written by cases.)
    const hingeBranch = (v: Row) => v.length >= 3 && isNum(v[0], 1) && v[1].k === 'op' && ['-', '−'].includes(v[1].v) && (syms(v.slice(2)).some((x) => /^[yt]$/.test(x.name)) && v.length >= 4 || (v.length === 3 && v[2].k === 'frac'));
    // (Two quantities compared, 1 if X_i < Y_i, or an index below a bound, j < min(…), make a mask: no activation.)
    if (vals.length === 2 && valText.includes('1') && valText.includes('0') && conds.some(twoQuantitiesCompared)) continue;
    if (vals.length === 2 && valText.includes('0') && vals.some(hingeBranch)) add('hinge-loss', 3.4, HINGE_CASES);
    else if (vals.length === 3 && valText.includes('-1') && valText.includes('1') && valText.includes('0') && vals.every((v) => !syms(v).length)) add('step-function', 3.2, 'cases −1, 0, 1: the sign of the input');
    else if (vals.length === 3 && valText.includes('-1') && valText.includes('1')) add('hardtanh', 3.4, 'cases −1, x, 1');
    else if (vals.length === 2 && valText.includes('1') && valText.includes('0')) add('step-function', 3.2, 'cases 1 / 0');
    // (+1 above a threshold and −1 below: the perceptron's step written as a sign.)
    else if (vals.length === 2 && valText.includes('1') && valText.includes('-1')) add('step-function', 3.1, 'cases 1 / −1: the sign of the input');
    // (The value is the very quantity the condition compares with 0, `X_i if X_i > 0`: ReLU, firm.)
    else if (vals.length === 2 && valText.includes('0') && reluSplitAtZero(valText, conds)) add('relu', 3.2, RELU_CASES);
    else if (vals.length === 2 && valText.includes('0')) add('relu', 3, 'cases x / 0');
    // (1 above zero and α below: the leaky ReLU's slope, its derivative.)
    else if (vals.length === 2 && valText.includes('1') && valText.some((v) => /^(alpha|a|lambda)$/.test(v))) add('leaky-relu', 3, 'cases 1 / α: the slope of the leaky ReLU');
    else if (vals.length === 2 && vals.some((v) => (v.length === 2 && ((v[0].k === 'sym' && /alpha|a|lambda/.test(v[0].name)) || (v[0].k === 'num' && v[0].v > 0 && v[0].v < 1))) || overSlope(v))) add('leaky-relu', 3.1, LEAKY_CASES);
    // (The slope named in words, `negative\_slope × x`, as library docs write it.)
    else if (vals.length === 2 && vals.some((v) => v.length === 1 && v[0].k === 'sym') && vals.some((v) => { const f = v.filter((x) => !(x.k === 'op' && ['×', '·', '*'].includes(x.v))); return f.length === 2 && (f[0].k === 'text' || f[0].k === 'name') && /slope|leak/i.test(f[0].v) && f[1].k === 'sym'; })) add('leaky-relu', 3.1, 'cases x / slope × x');
  }
  // (A plain I is the indicator too when what it holds is an inequality of two things, I(y_i ≠ ŷ_i).)
  // (So is δ holding a prediction unequal to its label, δ(f(x^n) ≠ ŷ^n): Hung-yi Lee's count of mistakes.)
  const unequal = (x: Apply) => rowOf(x.arg).some((y) => y.k === 'op' && y.v === '≠');
  const predictionUnequal = (x: Apply) => unequal(x) && (applies(x.arg).length > 0 || syms(x.arg).some((y) => /^[yY]$/.test(y.name) || y.mods.includes('hat')));
  const indicatorHead = (x: Apply) => {
    const h = x.head;
    if (h.k !== 'sym') return false;
    const plain = !h.sub && !h.sup;
    return ((h.name === '1' || h.name === 'I') && h.mods.some((m) => m === 'bb' || m === 'bold')) || (h.name === 'I' && plain && unequal(x)) || (h.name === 'delta' && plain && predictionUnequal(x));
  };
  const indicator = every.filter((x): x is Apply => x.k === 'apply' && indicatorHead(x));
  if (fracs(root).some((f) => onlyNum(f.num, 1)) && bigs(root, 'sum').length && (indicator.length || root.some((x, i) => x.k === 'sym' && (x.name === '1' || x.name === 'I') && x.mods.some((m) => m === 'bb' || m === 'bold') && root[i + 1]?.k === 'group'))) add('empirical-risk', 3.6, '(1/m) Σ 𝟙{h(x_i) ≠ y_i}: the training error');
  for (const ind of indicator) {
    if (hasOp(ind.arg, '≠') && !applies(root, ['log']).length && !all(ind.arg).some((x) => x.k === 'text')) add('zero-one-loss', 3.5, '𝟙[y ≠ ŷ]');
    else if (hasOp(ind.arg, '≥', '>') && all(ind.arg).some((x) => isNum(x, 0))) add('step-function', 3, '𝟙[a ≥ 0]');
    // (𝟙[y ŷ ≤ 0]: a label times a score at most 0, the margin of a mistake.)
    else if (hasOp(ind.arg, '≤', '<') && all(ind.arg).some((x) => isNum(x, 0)) && syms(ind.arg).some((x) => x.name === 'y') && syms(ind.arg).length >= 2 && !applies(root, ['log']).length) add('zero-one-loss', 3.4, '𝟙[y ŷ ≤ 0]: a mistake, the margin not positive');
  }
  // (The condition written below the one, 𝟏_{f(X) ≠ Y}: a prediction against a label, not indices, i ≠ j.)
  const belowOne = every.some((x) => x.k === 'sym' && (x.name === '1' || x.name === 'I') && x.mods.some((m) => m === 'bb' || m === 'bold') && hasOp(rowOf(x.sub), '≠') && (applies(rowOf(x.sub)).length > 0 || syms(rowOf(x.sub)).some((y) => /^[yY]$/.test(y.name) || y.mods.includes('hat'))));
  if (belowOne && !applies(root, ['log']).length) add('zero-one-loss', 3.5, MISTAKE_BELOW_ONE);
  // (The probability that a classifier's answer is not the label, P(g(X) ≠ Y), P_{x∈D}(c(x) ≠ h(x)): the 0–1 loss's
  // expectation, its risk.)
  if (applies(root, ['P', 'Pr']).some(mistakeChance) && !applies(root, ['log']).length) add('zero-one-loss', 3.3, MISTAKE_CHANCE);
  // (Code's ReLU, z * (z > 0): the input kept where its own test for positive is true.)
  const positiveTest = (g: Node | undefined, x: Node | undefined) => g?.k === 'group' && g.delim === '(' && x?.k === 'sym' && rowOf(g.body).length === 3 && show(rowOf(g.body)[0]) === show(x) && hasOp(g.body, '>') && isNum(rowOf(g.body)[2], 0);
  if (rowsIn(root).some((r) => r.some((x, i) => r[i + 1]?.k === 'op' && ['*', '·', '⊙'].includes((r[i + 1] as { v: string }).v) && (positiveTest(r[i + 2], x) || positiveTest(x, r[i + 2]))))) add('relu', 3.2, RELU_CODE);
  // Iverson's bracket without the 1, (1/ℓ) Σ [y_i ≠ a(x_i)] or (1/ℓ) Σ [y_i ⟨w, x_i⟩ < 0]: the share of mistakes.
  if (bigs(root, 'sum').length && !applies(root, ['log']).length && every.some((x) => x.k === 'group' && x.delim === '[' && (hasOp(x.body, '≠') || (hasOp(x.body, '<') && rowOf(x.body).some((y) => isNum(y, 0)) && syms(x.body).some((y) => y.name === 'y'))) && !all(x.body).some((y) => y.k === 'text'))) add('zero-one-loss', 3.4, '[y_i ≠ a(x_i)]: Iverson\'s bracket counts the mistakes');
  // indicator written as \mathbf{1}\{…\} or \mathbb{1}[…] without merging
  for (let i = 0; i + 1 < root.length; i++) {
    const a = root[i];
    const b = root[i + 1];
    if (a.k === 'sym' && (a.name === '1' || a.name === 'I') && a.mods.some((m) => m === 'bb' || m === 'bold') && b.k === 'group') {
      if (hasOp(b.body, '≠') && !applies(root, ['log']).length && !all(b.body).some((x) => x.k === 'text')) add('zero-one-loss', 3.5, '𝟙{… ≠ y}');
      else if (hasOp(b.body, '≥', '>')) add('step-function', 3, '𝟙[a ≥ 0]');
    }
  }
  if (every.some((x) => (x.k === 'text' || x.k === 'name') && /\bif\b/.test(x.v)) && rels.some((r) => r === '≥' || r === '>') && every.some((x) => isNum(x, 0)) && every.some((x) => isNum(x, 1)) && parts.some((p) => affine(p.filter((x) => x.k !== 'text' && !isNum(x, 1))) !== null)) add('step-function', 3.4, '1 if w·x + b ≥ 0 else 0');
  // (Or its unit step, step(w·x + b), heaviside(…), MATLAB's hardlim(Wp + b).)
  const perceptron = applies(root, ['sign', 'step']).find((s) => affine(argRow(s)) || dots(s.arg).length);
  if (perceptron) add('step-function', 2.8, `${perceptron.fn}(w·x + b): the perceptron`);
  // y = H(x · w + b): the Heaviside step of a weighted input, a threshold unit. (An entropy, H(X), takes no weights.)
  if (parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'apply' && parts[1][0].fn === 'H' && !hasOp(parts[1][0].arg, '|', ',', ';') && syms(parts[1][0].arg).some((x) => x.name === 'w' || x.name === 'W') && (affine(argRow(parts[1][0])) || dots(parts[1][0].arg).length || syms(parts[1][0].arg).some((x) => x.name === 'x'))) add('step-function', 3, 'H(w·x + b): the Heaviside step of the weighted input');
  // (An activation defined as the sign of its own argument, Φ(v) = sign(v), step(z) = sign(z).)
  else if (lhsApply && parts.length > 1 && applies(rhsAll, ['sign']).some((s) => show(s.arg) === show(lhsApply.arg)) && rhsAll.filter((x) => x.k !== 'op').length <= 2) add('step-function', 3.1, 'f(v) = sign(v): the sign as an activation');
  // (A probability thresholded at 0.5 is a classifier's decision rule, not the step activation.)
  // (A chain of one relation, f(x_0) ≥ f(x_1) ≥ …, orders values; it thresholds nothing.)
  const chain = rels.length >= 2 && rels.every((r) => r === rels[0]);
  if (lhsApply && ['f', 'g', 'h'].includes(lhsApply.fn) && rels.some((r) => r === '>' || r === '≥') && !chain && every.some((x) => isNum(x, 0)) && !every.some((x) => x.k === 'num' && x.v > 0 && x.v < 1)) add('step-function', 2, 'f(z): z > 0');
  if (['relu', 'leakyrelu', 'hardtanh'].includes(lhsFn) && parts.length > 1) add(lhsFn === 'relu' ? 'relu' : lhsFn === 'leakyrelu' ? 'leaky-relu' : 'hardtanh', 3.3, 'named activation');
  if (applies(root, ['max']).some((m) => rowOf(m.arg).some((x) => isNum(x, 0))) && applies(root, ['min']).some((m) => rowOf(m.arg).some((x) => isNum(x, 0)) && !applies(m.arg, ['exp']).length) && hasOp(root, '+')) add('leaky-relu', 3.4, 'max(0, x) + α min(0, x)');

  // --- losses ---
  const logs = applies(root, ['log']);
  // binary cross-entropy: y log a + (1−y) log(1−a)
  if (logs.length < 2 && applies(root, ['ln']).length >= 2) logs.push(...applies(root, ['ln']));
  const oneMinusLog = logs.some((l) => rowOf(l.arg).some((x) => isNum(x, 1)) && hasOp(l.arg, '-'));
  const ownLogs = logsOfTheirOwnWeights(root);
  if (logs.length >= 2 && oneMinusLog && !ownLogs && every.some((x) => x.k === 'group' && rowOf(x.body).some((y) => isNum(y, 1)) && hasOp(x.body, '-'))) add('binary-cross-entropy', 3.5, BERNOULLI);
  // The same with the second log written any way (log σ(−x), log(e^{−x}/(1 + e^{−x}))): one log weighted by a label y,
  // another by its complement (1 − y).
  const complement = every.find((x): x is Group => x.k === 'group' && x.delim === '(' && rowOf(x.body).length === 3 && isNum(rowOf(x.body)[0], 1) && hasOp(x.body, '-') && rowOf(x.body)[2].k === 'sym');
  if (logs.length >= 2 && complement && !ownLogs && every.some((x) => x.k === 'sym' && x !== rowOf(complement.body)[2] && show(x) === show(rowOf(complement.body)[2]))) add('binary-cross-entropy', 3.4, 'y log p + (1−y) log(…): a label and its complement weighting two logs');
  // cross-entropy: −Σ y log ŷ
  for (const r of allRows) {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i];
      const l = r[i + 1]?.k === 'op' && ((r[i + 1] as { v: string }).v === '*' || (r[i + 1] as { v: string }).v === '·') ? r[i + 2] : r[i + 1];
      if (!l || l.k !== 'apply' || l.fn !== 'log') continue;
      if ((a.k === 'sym' || (a.k === 'apply' && /^[pqP]$/.test(a.fn))) && !(a.k === 'sym' && /^(lambda|alpha)$/.test(a.name))) {
        const lArg = rowOf(l.arg);
        const ratio = lArg.length === 1 && lArg[0].k === 'frac';
        if (ratio) continue;
        if (lArg.length === 1 && show(lArg[0]) === show(a)) continue; // −Σ p log p: entropy, not cross-entropy
        if (lArg.some((x) => x.k === 'op' && x.v === '-')) continue;
        // (A bold or arrowed target times the log of a bold prediction, −𝐲 · log 𝐲̂, sums over the classes as yᵀ log ŷ does.)
        const vector = (x: Node) => x.k === 'sym' && (x.mods.includes('bold') || x.mods.includes('vec'));
        const dotted = vector(a) && syms(l.arg).some(vector);
        const hasSum = firstSum(r) < i || (a.k === 'sym' && isTransposeSup(a.sup)) || dotted || (r !== root && firstSum(root) < Infinity);
        const neg = firstMinus(r) < i || anyMinus;
        if (hasSum && neg) add('cross-entropy', 3.2, '−Σ y log ŷ');
        else if (hasSum && lhsIsLoss) add('cross-entropy', 2.2, 'Σ y log ŷ');
      }
    }
  }
  // KL: Σ p log(p/q), E_p[log p/q], ∫ q log q/p; or KL(·‖·) named
  // (The distributions a divergence on the left names, D(f ‖ g) = ∫ f log(f/g), whatever their letters.)
  const named = new Set(applies(lhs).filter((a) => a.fn === 'D' && doubleBar(a)).flatMap((a) => rowOf(a.arg).filter((x): x is Sym => x.k === 'sym').map((x) => x.name)));
  const distribution = (fn: string) => /^[pPqQ]$/.test(fn) || named.has(fn);
  const ratioLog = logs.some((l) => {
    const a = rowOf(l.arg);
    if (a.length !== 1 || a[0].k !== 'frac' || oddsFrac(a[0])) return false;
    // p(x)/q(x): two distributions, not a softmax (exp over a sum of exps) or a count ratio.
    const probLike = (r: Node) => applies(r).length >= 1 && applies(r).every((x) => x.fn !== 'exp' && x.fn !== 'log' && !/^(C|c|count|N|n)$/.test(x.fn)) && !bigs(r, 'sum').length && !hasOp(r, '+');
    if (probLike(a[0].num) && probLike(a[0].den) && applies(a[0].den).filter((x) => distribution(x.fn)).length === 1 && applies(a[0].num).filter((x) => distribution(x.fn)).length === 1) return true;
    const n = rowOf(a[0].num);
    const d = rowOf(a[0].den);
    return n.length === 1 && d.length === 1 && n[0].k === 'sym' && d[0].k === 'sym' && !!n[0].sub && n[0].name !== d[0].name && subText(n[0].sub) === subText(d[0].sub);
  });
  const klNamed = applies(root, ['kl']).length > 0 || applies(root, ['D']).some((a) => a.head.k === 'sym' && /KL/i.test(subText(a.head.sub))) || syms(root).some((s) => s.name === 'D' && /KL/i.test(subText(s.sub))) || nm.includes('kl');
  const expectation = syms(root).some((s) => s.name === 'E' && s.mods.includes('bb'));
  const tSquared = syms(root).some((s) => s.name === 'T' && subText(s.sup) === '2');
  if (klNamed && tSquared) add('distillation-loss', 3.8, 'T² · KL between softened distributions');
  // (Not the cross-entropy defined as an entropy and a divergence, H(p, q) = H(p) + D_KL(p ‖ q).)
  if (klNamed && (nm.includes('ce') || fnNames.has('ce') || fnNames.has('H')) && !expectation && !crossEntropyDefined(root)) add('distillation-loss', 3.4, 'CE + KL to the teacher');
  const klOnLeft = applies(lhs).some((a) => a.fn === 'kl' || (a.head.k === 'sym' && a.head.name === 'D'));
  if (klNamed && expectation && logs.length && !klOnLeft && hasOp(root, '-')) add('elbo', 3.8, 'E_q[log p(x|z)] − KL(q‖p)');
  // (A lone log-ratio equal to a linear score is log-odds, not a divergence: Σ or ∫ over outcomes makes it one.)
  if (ratioLog && !expectation && !mutualInformation(logs) && (bigs(root, 'sum').length || bigs(root, 'int').length || klNamed)) add('kl-divergence', 3.4, 'Σ p log(p/q)');
  if (lhs.some((x) => (x.k === 'name' && /^elbo$/i.test(x.v)) || (x.k === 'apply' && /^elbo$/i.test(x.fn)))) add('elbo', 3.6, 'ELBO = …');
  {
    const es = syms(root).filter((x) => x.name === 'E' && x.mods.includes('bb'));
    if (es.length >= 2 && logs.length >= 2 && hasOp(root, '-')) add('elbo', 3.2, 'E_q[log p(x, z)] − E_q[log q(z)]');
  }
  if (ratioLog && expectation) add('kl-divergence', 3.4, 'E_p[log p/q]');
  // ŷ = sigmoid(Linear(x)), softmax(fc(h)): a sigmoid (softmax) of one linear layer, named as code names it, is a
  // linear classifier's output.
  for (const a of applies(root, ['sigmoid', 'softmax'])) {
    const r = rowOf(a.arg);
    if (r.length === 1 && r[0].k === 'apply' && /^(linear|fc|dense|affine)$/.test(r[0].fn) && !applies(r[0].arg).length) add(a.fn === 'sigmoid' ? 'logistic-regression' : 'softmax-regression', 3.1, `${a.fn}(Linear(x)): a ${a.fn} of one linear layer`);
  }
  // P(y | x) = a^y (1 − a)^{1−y}: one label's Bernoulli probability under a predicted probability a — the logistic
  // regression model written for one example (a product of these over the examples is the likelihood).
  {
    const ps = sides(root).parts;
    const lhsP = ps.length === 2 && ps[0].length === 1 && ps[0][0].k === 'apply' && /^[pP]$/.test(ps[0][0].fn) && hasOp(ps[0][0].arg, '|');
    const label = (sup: Node | undefined) => { const r = rowOf(sup); return r.length === 1 && r[0].k === 'sym' && /^[yt]$/.test(r[0].name) ? symbolKeyOf(r[0]) : null; };
    const oneMinus = (sup: Node | undefined) => { const x = oneMinusOf(sup); return x?.k === 'sym' ? symbolKeyOf(x) : null; };
    const rhs = ps[1] ?? [];
    // (ŷ^{y}(1 − ŷ)^{1−y} parses as a call of ŷ^{y}: its head carries the first power, the call the second.)
    const sups = rhs.flatMap((x) => ['sup' in x ? x.sup : undefined, x.k === 'apply' && 'sup' in x.head ? x.head.sup : undefined]);
    const y = sups.map(label).find(Boolean);
    const bernoulli = !!y && sups.some((sup) => oneMinus(sup) === y) && !bigs(rhs, 'prod').length;
    if (lhsP && bernoulli) add('logistic-regression', 3.3, 'P(y | x) = ŷ^y (1 − ŷ)^{1−y}: the label\'s Bernoulli probability under the predicted one');
  }
  // 𝓛(θ, φ; x) = …: the variational bound written as the VAE paper does, a function of the decoder's θ and the
  // encoder's φ.
  {
    const l = sides(root).parts.length > 1 ? sides(root).parts.slice(0, -1).flat().find((x): x is Apply => x.k === 'apply' && x.head.k === 'sym' && x.head.name === 'L' && x.head.mods.includes('cal')) : undefined;
    if (l && syms(l.arg).some((x) => x.name === 'theta') && syms(l.arg).some((x) => x.name === 'phi' || x.name === 'varphi')) add('elbo', 3.6, '𝓛(θ, φ; x): the variational lower bound of the encoder φ and decoder θ');
    // 𝓛(q, θ) + KL(q ‖ p(z | x)): the bound of the approximation q and its gap, the two parts of log p(x).
    const last = sides(root).parts[sides(root).parts.length - 1] ?? [];
    const boundOfQ = last.some(isBoundOfQ);
    const gap = applies(last, ['kl']).length > 0 || applies(last, ['D']).some((a) => a.head.k === 'sym' && /KL/i.test(subText(a.head.sub)));
    if (boundOfQ && gap && hasOp(last, '+')) add('elbo', 3.6, '𝓛(q, θ) + KL(q ‖ p(z | x)): the bound and its gap, which make up log p(x)');
  }
  // log p(x) ≥ …: a lower bound on the log evidence (an expectation or a sum over q, or the ELBO by name) is the ELBO.
  {
    const { parts: ps, rels } = sides(root);
    const left = ps[0] ?? [];
    // (log Z(θ) ≥ …: the log of a normaliser is bounded the same way.)
    // (The evidence may carry its parameters, log p(X; θ).)
    const evidence = left.length === 1 && left[0].k === 'apply' && ['log', 'ln'].includes(left[0].fn) && applies(left[0].arg).some((a) => /^[pPZ]$/.test(a.fn) && !hasOp(a.arg, '|', ',') && (!hasOp(a.arg, ';') || givenParametersOnly(a)));
    const bound = ps.slice(1).flat();
    // (The bound by its usual name, 𝓛(q, θ): a function of the approximation q.)
    const namedElbo = all(bound).some((x) => x.k === 'name' && /^elbo$/i.test(x.v)) || (bound.length === 1 && isBoundOfQ(bound[0]));
    if (ps.length >= 2 && rels[0] === '≥' && evidence && (namedElbo || syms(bound).some((x) => x.name === 'E' && x.mods.includes('bb')) || bigs(bound, 'sum').length || bigs(bound, 'int').length)) add('elbo', 3.8, 'log p(x) ≥ …: a lower bound on the log evidence');
    // 𝔼_q[log p(x, h) − log q(h | x)]: the joint's log minus the approximation's, averaged under q.
    const eq = syms(root).filter((x) => x.name === 'E' && x.mods.includes('bb') && syms(x.sub).some((y) => y.name === 'q'));
    const joint = logs.some((l) => applies(l.arg).some((a) => /^[pP]$/.test(a.fn) && hasOp(a.arg, ',') && !hasOp(a.arg, '|')));
    const approx = logs.some((l) => applies(l.arg).some((a) => a.fn === 'q'));
    if (eq.length === 1 && joint && approx && hasOp(root, '-') && !klNamed) add('elbo', 3.4, 'E_q[log p(x, h) − log q(h | x)]');
  }
  if (klOnLeft && expectation && logs.length >= 2 && hasOp(rhsAll, '-')) add('kl-divergence', 3.4, 'D_KL(P‖Q) = E_P[log P − log Q]');
  // The evidence lower bound written with an entropy: E_q[log p(h, x)] + H(q).
  if (expectation && logs.some((l) => applies(l.arg).some((a) => /^[pP]$/.test(a.fn) && hasOp(a.arg, ','))) && applies(rhsAll).some((a) => a.fn === 'H' && syms(a.arg).some((x) => x.name === 'q'))) add('elbo', 3.4, 'E_q[log p(h, x)] + H(q)');
  if (klNamed && lhs.length && !expectation && !tSquared && (lhsFn === 'kl' || lhs.some((x) => x.k === 'sym' && x.name === 'D'))) add('kl-divergence', 3, 'KL(p‖q) = …');
  // mse / autoencoder
  // (A squared difference in an exponent, exp(−(y − wᵀx)²/2σ²) or e^{…}, is a Gaussian's density, not an error.)
  const inExp = new Set([...applies(root, ['exp']).flatMap((e) => all(e.arg)), ...all(root).filter((x): x is Sym => x.k === 'sym' && x.name === 'e' && !!x.sup).flatMap((e) => all(e.sup))]);
  // (√(1/n Σ …), the root of a mean, is the RMSE: no distance.)
  const inSqrt = new Set(every.filter((x): x is Extract<Node, { k: 'sqrt' }> => x.k === 'sqrt' && !fracs(x.body).some((f) => onlyNum(f.num, 1))).flatMap((x) => all(x.body)));
  // (The minus is the group's own: (1 + e^{−a})² squares no difference.)
  const sqDiff = every.filter((x) => !inExp.has(x)).filter((x) => (x.k === 'group' && (x.delim === '(' || x.delim === '‖' || x.delim === '[')) && subText(x.sup) === '2' && rowOf(x.body).some((y) => y.k === 'op' && y.v === '-')) as Group[];
  // (C = (a − y)², E = (t − o)²: the cost or error letter alone on the left of one squared difference — one example's
  // squared error.)
  // (A lower-case e is one example's error, e_n = (y_n − w x_n)².)
  const errorLetter = parts.length === 2 && lhs.length === 1 && lhs[0].k === 'sym' && /^[CEe]$/.test(lhs[0].name) && !lhs[0].mods.length && !lhs[0].sup && parts[1].length === 1;
  // (One sum of squared differences over another, 1 − Σ(y − ŷ)²/Σ(y − ȳ)², is R², the coefficient of determination: a
  // measure of fit outside the catalog, no loss; so is any formula R² defines, written as one sum of such ratios.)
  const namedR2 = parts.length > 1 && lhs.length === 1 && lhs[0].k === 'sym' && lhs[0].name === 'R' && subText(lhs[0].sup) === '2';
  const determination = namedR2 || fracs(root).some((f) => bigs(f.num, 'sum').length > 0 && bigs(f.den, 'sum').length > 0 && sqDiff.some((g) => all(f.num).includes(g)) && sqDiff.some((g) => all(f.den).includes(g)));
  for (const g of determination ? [] : sqDiff) {
    const letters = syms(g.body).map((s) => s.name);
    const nested = applies(g.body).some((a) => applies(a.arg).length > 0);
    // Two x's are input and reconstruction, not iterates of an optimiser (x_{t+1} − x*).
    // (A starred target against a hatted prediction, y* − ŷ, is a target and its prediction.)
    const predicted = syms(g.body).some((x) => x.mods.includes('hat'));
    // (y_o − y_t, y_{o,k} − y_{t,k}: an output and a target marked by their first index, not steps.)
    const mark = (x: Sym) => subText(x.sub).split(/[,\s]/)[0];
    const outputTarget = syms(g.body).some((x) => /^(o|out|pred)$/.test(mark(x))) && syms(g.body).some((x) => /^(t|true|target)$/.test(mark(x)));
    // (ε − ε_θ(x_t, t): a quantity and the model's prediction of it, whatever steps the prediction is given.)
    const modelOf = (x: Node) => { const h = x.k === 'apply' ? x.head : x; return h.k === 'sym' && /^(theta|phi)$/.test(subText(h.sub)) ? h.name : null; };
    const modelled = rowOf(g.body).some((x) => !!modelOf(x) && rowOf(g.body).some((y) => y !== x && y.k === 'sym' && y.name === modelOf(x) && !y.sub));
    // (A step index marks iterates only on two steps of one letter, x_{t+1} − x_t; y_t − ŷ_t, d_t − y_t are at one step.)
    const stepped = syms(g.body).filter((x) => /t/.test(subText(x.sub)));
    const twoSteps = stepped.some((x) => syms(g.body).some((y) => y !== x && y.name === x.name && subText(y.sub) !== subText(x.sub)));
    const iterates = !outputTarget && !modelled && (syms(g.body).some((x) => subText(x.sup).includes('*') && !predicted) || twoSteps);
    // (x − x_0 is a distance from a point — a Taylor expansion, a circle — not an error between a prediction and a target;
    // so is x − x_k, from the current iterate, a centre or a neighbour.)
    const top = rowOf(g.body);
    const fromPoint = top.length === 3 && top[0].k === 'sym' && top[2].k === 'sym' && top[0].name === top[2].name && /^([0-9]|[kcjn])$/.test(subText(top[2].sub)) && !top[0].sub && !top[0].mods.length && !top[2].mods.length && !top[2].sup;
    // ((1 − β)², (1 − p)²: a number's complement squared, a decay's power, no difference of a prediction and a target.)
    const complement = top.length === 3 && top[0].k === 'num' && top[1].k === 'op' && top[1].v === '-';
    if (fromPoint || complement || sides(root).rels.some((r) => ['≤', '≥', '<', '>'].includes(r)) || every.some((x) => x.k === 'op' && x.v === '!')) continue;
    // (An error is summed, averaged, taken in expectation or named a loss: a lone squared difference inside a derivative's
    // algebra, ((eˣ + e⁻ˣ)² − (eˣ − e⁻ˣ)²)/(eˣ + e⁻ˣ)², is no error.)
    const aggregated = g.delim === '‖' || bigs(root, 'sum').length > 0 || fracs(root).some((f) => onlyNum(f.num, 1) || isNum(rowOf(f.den)[0], 2)) || lossLhs(root) || errorLetter || syms(root).some((x) => x.name === 'E' && x.mods.includes('bb')) || applies(root).some((a) => /^(E|mean|MSE|mse)$/.test(a.fn)) || parts.length === 1;
    if (!aggregated) continue;
    // √Σ (x_i − y_i)²: the Euclidean distance, the norm of a difference, not an error averaged.
    if (inSqrt.has(g)) {
      add('norms', 3.3, '√Σ (x_i − y_i)²: the Euclidean distance (the norm of x − y)');
      continue;
    }
    // (y(x) − a^L(x): a target and a prediction, both functions of the input, not an input and its reconstruction.)
    const ownX = rowOf(g.body).some((t) => t.k === 'sym' && /^[xX]$/.test(t.name));
    // (The input given back through two nested maps, g(f(x)), outweighs the two layers those maps also are. A data
    // matrix X against a map of itself, ‖X − g(W X + b)‖², as well; against a matrix alone, ‖X − X_k‖, it is an approximation.)
    // (‖x − x̄1‖²: the input less its own mean, centred, not given back.)
    const centred = syms(g.body).some((t) => /^[xX]$/.test(t.name) && t.mods.includes('bar'));
    // (‖x_1 − x_2‖²: two points, each its own index, none a map or a reconstruction — their distance.)
    const xs = rowOf(g.body).filter((t): t is Sym => t.k === 'sym' && /^[xX]$/.test(t.name));
    const twoPoints = xs.length === 2 && !!xs[0].sub && !!xs[1].sub && show(xs[0].sub) !== show(xs[1].sub) && xs.every((t) => !t.mods.length && !isPrimed(t)) && !applies(g.body).length && rowOf(g.body).length === 3;
    // (So are y_i − y_j, z_i − z_j of any one letter: a distance between two points, no prediction against its target.)
    const [one, between, other] = top;
    const pairOfPoints = top.length === 3 && one.k === 'sym' && other.k === 'sym' && between.k === 'op' && between.v === '-' && one.name === other.name && one.mods.every((m) => m === 'bold') && other.mods.every((m) => m === 'bold') && /^[ij]$/.test(subText(one.sub)) && /^[ijk]$/.test(subText(other.sub)) && subText(one.sub) !== subText(other.sub);
    if (g.delim === '‖' && twoPoints) add('norms', 3.2, '‖x_1 − x_2‖: the distance of two points, the norm of their difference');
    else if (pairOfPoints) continue;
    else if (g.delim === '‖' && !centred && ((nested && ownX) || ((letters.filter((l) => l === 'x').length >= 2 || (letters.filter((l) => l === 'X').length >= 2 && applies(g.body).length > 0)) && ownX && !iterates))) add('autoencoder', nested && ownX ? 3.6 : 3.4, '‖x − g(f(x))‖²');
    // (A deviation from a mean, (x − x_mean)², is a spread, not an error.)
    else if (letters.length >= 1 && !iterates && !syms(g.body).some((x) => x.name === 'mu' || (x.mods.includes('bar') && !x.sub) || /^(mean|avg|average)$/i.test(indexOf(x.sub))) && !syms(g.body).some((x) => x.name === 'E' && x.mods.includes('bb')) && !applies(g.body).some((a) => a.fn === 'E' || a.fn === 'e') && !rowOf(g.body).some((x) => x.k === 'sym' && x.name === 'E' && !x.sub)) add('mse', 3, 'mean of squared differences');
  }
  // (y − Xw)ᵀ(y − Xw): a residual's squared length written as its inner product with itself.
  for (const r of allRows) {
    r.forEach((x, i) => {
      const y = r[i + 1];
      const transposed = (g: Node | undefined) => g?.k === 'group' && g.delim === '(' && !!g.sup && isTransposeSup(g.sup);
      const plainGroup = (g: Node | undefined) => g?.k === 'group' && g.delim === '(' && !g.sup;
      // (Or (Zwᵀ − Y)(Zwᵀ − Y)ᵀ, with the rows as the examples.)
      // ((x − μ)(x − μ)ᵀ about a mean is a covariance, not residuals.)
      if (x.k === 'group' && y?.k === 'group' && ((transposed(x) && plainGroup(y)) || (plainGroup(x) && transposed(y))) && hasOp(x.body, '-') && show(x.body) === show(y.body) && syms(x.body).length >= 2 && !syms(x.body).some((z) => z.name === 'mu')) add('mse', 3, '(y − Xw)ᵀ(y − Xw): the sum of squared residuals');
    });
  }
  // (Capital D and G are a discriminator and a generator: D(G(z)) compares nothing with a reconstruction.)
  const codec = /^(f|g|h|d|e|[Ee]nc|[Dd]ec|[Ee]ncoder|[Dd]ecoder|[Ee]ncode|[Dd]ecode|ENC|DEC)$/;
  for (const a of applies(root).filter((x) => codec.test(x.fn))) {
    const inner = rowOf(a.arg);
    if (inner.length === 1 && inner[0].k === 'apply' && codec.test((inner[0] as Apply).fn)) {
      const innermost = rowOf((inner[0] as Apply).arg);
      const x = innermost.length === 1 && innermost[0].k === 'sym' ? show(innermost[0]) : null;
      // (x against its reconstruction: a difference, a norm, a loss letter, or both as arguments of one call, L(x, g(f(x)))).
      // (f_L(… f_2(f_1(x)) …) is a composition of layers, not a comparison: the comparing call takes two arguments.)
      // (The difference is taken beside the reconstruction, x − g(f(x)); a minus elsewhere, f(x) = h(g(x)) = (x³ + …)^{−2},
      // compares nothing.)
      const compared = rowsIn(root).some((r) => r.includes(a) && r.some((m) => m.k === 'op' && m.v === '-')) || all(root).some((m) => m.k === 'group' && (m.delim === '‖' || m.delim === '|')) || lossLhs(root) || applies(root).some((p) => p !== a && !codec.test(p.fn) && hasOp(p.arg, ',') && all(p.arg).includes(a));
      if (x && compared && all(root).some((m) => m.k === 'sym' && show(m) === x && !all(a).includes(m))) add('autoencoder', 3.2, 'compare x with g(f(x))');
      // (g(f(x)) = x: the reconstruction equal to the input — an identity unless the words speak of an autoencoder.)
      else if (x && sides(root).parts.length === 2 && sides(root).parts.some((p) => p.length === 1 && p[0] === a) && sides(root).parts.some((p) => p.length === 1 && p[0].k === 'sym' && show(p[0]) === x)) add('autoencoder', 1.5, 'g(f(x)) = x: the input reconstructed');
    }
  }
  // (A tilde marks the reconstruction too, X̃ = g_θ(f_φ(X)), a batch's capital X as well.)
  // (Or a prime, x' = f_θ(g_φ(x)).)
  const reconstructed = (x: Node) => x.k === 'sym' && /^[xX]$/.test(x.name) && (x.mods.includes('hat') || x.mods.includes('tilde') || x.mods.includes('prime'));
  // (Bold or indexed letters the parser leaves beside their brackets, 𝐠_θ(𝐟_φ(X)): a letter, a bracket, inside it the same again.)
  const letterCall = (r: Row): Row | null => (r.length === 2 && r[0].k === 'sym' && /^[a-zA-Z]$/.test(r[0].name) && r[1].k === 'group' && r[1].delim === '(' ? rowOf(r[1].body) : null);
  const nestedLetters = (() => { const inner = letterCall(rhsAll); const innermost = inner ? letterCall(inner) : null; return !!innermost && syms(innermost).some((y) => /^[xX]$/.test(y.name)); })();
  if (lhs.some(reconstructed) && (nestedLetters || applies(rhsAll).some((a) => applies(a.arg).length > 0 && syms(a.arg).some((y) => /^[xX]$/.test(y.name))))) add('autoencoder', 3, 'x̂ = g(f(x))');
  // regularisation: + λ‖w‖² or + λ Σ|w|
  const lam = root.findIndex((x) => x.k === 'sym' && x.name === 'lambda');
  // (The norms may share the λ in a bracket, λ(Σ_u ‖p_u‖² + Σ_i ‖q_i‖²), as matrix factorisation writes its two.)
  const normGroup = (x: Node) => x.k === 'group' && (x.delim === '‖' || x.delim === '|');
  const sharedNorms = (x: Node) => x.k === 'group' && /^[([]$/.test(x.delim) && hasOp(rowOf(x.body), '+') && all(x.body).some(normGroup);
  // (Norms compared by inequalities alone, ‖λx + (1 − λ)y‖ ≤ λ‖x‖ + (1 − λ)‖y‖, bound one another: no loss is penalised.)
  const onlyBounds = root.some((x) => x.k === 'op' && /^(≤|≥|<|>|⩽|⩾)$/.test(x.v)) && !root.some((x) => x.k === 'op' && /^(=|:=|≜|←|≡)$/.test(x.v));
  const lossThenLambda = lam > 0 && !onlyBounds && root.slice(0, lam).some((x) => x.k === 'op' && x.v === '+');
  if (lossThenLambda && root.slice(lam).some((x) => normGroup(x) || x.k === 'big')) add('regularization', 3.5, 'loss + λ·penalty');
  else if (lossThenLambda && root.slice(lam).some(sharedNorms)) add('regularization', 3.6, SHARED_PENALTY);
  if (lam < 0 && root.some((x) => x.k === 'frac' && syms(x.num).some((s) => s.name === 'lambda')) && root.some((x) => x.k === 'group' && x.delim === '‖')) add('regularization', 3.5, 'loss + λ/2 ‖θ‖²');
  {
    const terms: Row[] = [[]];
    for (const x of rhsAll.length ? rhsAll : root) {
      if (x.k === 'op' && x.v === '+') terms.push([]);
      else terms[terms.length - 1].push(x);
    }
    const penalty = (t: Row) => {
      const greek = ['lambda', 'alpha', 'beta', 'mu', 'gamma', 'rho', 'kappa', 'eta', 'nu'];
      const coef = t.some((x) => (x.k === 'sym' && greek.includes(x.name)) || (x.k === 'frac' && syms(x.num).some((y) => greek.includes(y.name))));
      // (θᵀθ is the squared norm written as a product.)
      const selfDot = dots(t).some((d) => symBase(d.a) === symBase(d.b) && !!symBase(d.a)) || t.some((x, i) => x.k === 'sym' && isTransposeSup(x.sup) && t[i + 1]?.k === 'sym' && (t[i + 1] as Sym).name === x.name);
      const sq = t.some((x) => (x.k === 'group' && (x.delim === '‖' || x.delim === '|')) || x.k === 'big') && t.some((x) => x.k === 'big' || (x.k === 'group' && !!x.sup) || x.k === 'group');
      const sumSq = t.some((x) => x.k === 'big') && syms(t).some((y) => subText(y.sup) === '2' && ['theta', 'w', 'beta', 'W'].includes(y.name));
      // (λ Σ_i L_i weighs more losses, as a multi-task objective does: no penalty on the weights.)
      const ofLosses = syms(t).some((y) => /^(L|J|ell)$/.test(y.name)) || applies(t).some((a) => /^(L|J|ell|loss)$/.test(a.fn));
      return coef && !ofLosses && (selfDot || sq || sumSq);
    };
    // (A residual squared or multiplied by its transpose, (y − Xθ)ᵀ(y − Xθ), minimised, is a loss too.)
    const residual = (t: Row) => all(t).some((g) => g.k === 'group' && hasOp(g.body, '-') && (/^2$/.test(subText(g.sup).trim()) || isTransposeSup(g.sup)));
    const lossTerm = (t: Row) => !penalty(t) && (applies(t).some((a) => /^(J|L|E|ell|l|R)$/.test(a.fn)) || t.some((x) => x.k === 'big') || t.some((x) => x.k === 'sym' && /^(L|J|E|ell)$/.test(x.name)) || residual(t));
    if (terms.length >= 2 && terms.some(penalty) && terms.some(lossTerm)) add('regularization', 3.5, 'loss + λ·‖w‖²');
    // A maximised objective minus a penalty (log-likelihood − α R(θ), − α Σ θ_j², − α Σ |θ_j|): the penalty is what
    // the formula is about; the likelihood inside is a part of it.
    const signed: Row[] = [[]];
    for (const x of rhsAll.length ? rhsAll : root) {
      if (x.k === 'op' && (x.v === '+' || x.v === '-')) signed.push([]);
      else signed[signed.length - 1].push(x);
    }
    const rPenalty = (t: Row) => penalty(t) || (t.some((x) => x.k === 'sym' && ['lambda', 'alpha'].includes(x.name)) && applies(t, ['R', 'Omega']).length > 0);
    const objective = (t: Row) => !rPenalty(t) && (all(t).some((x) => x.k === 'big') || applies(t, ['log']).length > 0);
    if (signed.length >= 2 && signed.slice(1).some(rPenalty) && signed.some(objective)) add('regularization', 3.8, 'objective − λ·penalty on the weights');
  }
  // log-likelihood family
  const condProbLogs = logs.filter((l) => {
    const inner = rowOf(l.arg).find((x): x is Apply => x.k === 'apply' && /^[pPq]'?$/.test(x.fn));
    return !!inner;
  });
  const argmaxNodes = all(root).filter((x) => (x.k === 'name' && /^argmax$/i.test(x.v)) || (x.k === 'apply' && x.fn === 'argmax'));
  // argmax over an output (y, ŷ, a class k) is decoding or prediction; maximum likelihood maximises over parameters.
  const overOutputs = argmaxNodes.some((x) => { const sub = 'sub' in x ? (x as { sub?: Node }).sub : undefined; const first = rowOf(sub).find((y): y is Sym => y.k === 'sym'); return !!first && /^(y|Y|c|k|j|i|s|t|w)$/.test(first.name) && !first.mods.includes('bold'); });
  const argmax = nm.includes('argmax') || applies(root, ['argmax']).length > 0;
  const argmaxML = argmax && !overOutputs;
  const negated = root.some((x) => x.k === 'op' && x.v === '-') || rowOf(root[0]).some((x) => x.k === 'op' && x.v === '-');
  // arg min_θ −log p_θ(D): the parameters that make the data most likely, found by minimising its negative log.
  const argminOverParams = all(root).some((x) => { const op = x.k === 'apply' && x.fn === 'argmin' ? x.head : x; return op.k === 'name' && /^argmin$/i.test(op.v) && syms((op as { sub?: Node }).sub).some((y) => PARAM_LETTER.test(y.name)); });
  // (Or the minus inside a bracket, argmin_θ [−log P(D | θ)].)
  const negatedLog = rowsIn(root).some((r) => r.some((x, i) => x.k === 'apply' && ['log', 'ln'].includes(x.fn) && r[i - 1]?.k === 'op' && (r[i - 1] as { v: string }).v === '-'));
  if (argminOverParams && (negated || negatedLog) && logs.some((l) => applies(l.arg).some((a) => /^[pP]$/.test(a.fn)))) add('maximum-likelihood', 3.7, 'arg min_θ −log p_θ(data): the maximum-likelihood estimate');
  const sumOrProd = bigs(root, 'sum').length + bigs(root, 'prod').length;
  const probArgs = condProbLogs.map((l) => rowOf(l.arg).find((x): x is Apply => x.k === 'apply')!).filter(Boolean);
  // (A gold token at a step, y*_t or y*_{<t}: the one true answer y^⋆ of a classifier is no sequence.)
  const starred = syms(root).some((s) => !!s.sub && (subText(s.sup) === '*' || (s.sup && rowOf(s.sup).some((x) => x.k === 'op' && (x.v === '*' || x.v === '∗')))));
  const allProbArgs = applies(root).filter((a) => /^[pPq]$/.test(a.fn));
  // A corrupted (masked) copy of the predicted variable in the condition: p(x_i | x̃), p(x | x_{∖i}), p(x_M | …).
  const maskedCopy = (p: Apply) => {
    const r = rowOf(p.arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    if (bar < 0) return false;
    const predicted = new Set(syms(r.slice(0, bar)).map((s) => s.name));
    return syms(r.slice(bar + 1)).some((s) => s.mods.includes('tilde') && predicted.has(s.name));
  };
  // (Or the masked tokens named under a letter, Σ_{i=1}^{|Y_{mask}|} log P(y_i | X, Y_{obs}).)
  const maskWritten = /mask/i.test(show({ k: 'row', items: root }));
  const maskNamed = all(root).some((x) => x.k === 'sym' && /^(mask(ed)?|m|obs)$/i.test(subText(x.sub).replace(/[\s{}]|\\(text|mathrm)/g, '')) && (maskWritten || /mask/i.test(subText(x.sub))));
  const maskCond = [...probArgs, ...allProbArgs].some((p) => maskedCopy(p) || syms(p.arg).some((s) => s.name === 'M' && s.mods.includes('cal')) || hasOp(p.arg, '∖')) || maskNamed;
  const windowSub = probArgs.some((p) => syms(p.arg).some((s) => /[a-z]\+[a-z]/.test(subText(s.sub) + subText(s.sup))));
  if (argmaxML && (condProbLogs.length || (logs.length && bigs(root, 'prod').length) || bigs(root, 'prod').length && applies(root).some((a) => /^[pP]$/.test(a.fn)) || logs.some((l) => applies(l.arg).some((a) => /^[pP]$/.test(a.fn))))) add('maximum-likelihood', 3.3, 'argmax of the (log-)likelihood');
  else if (argmaxML && bigs(root, 'sum').length && logs.length) add('maximum-likelihood', 3, 'argmax Σ log');
  else if (argmaxML && bigs(root, 'prod').length && applies(root).some((a) => hasOp(a.arg, '|', ';'))) add('maximum-likelihood', 3.2, 'argmax Π p(x_n | θ)');
  // (The parameters after a semicolon, argmax_θ p(𝒟; θ), are what the data's probability is given as well.)
  else if (argmaxML && probApplies.length === 1 && (condBarOf(probApplies[0]) || hasOp(probApplies[0].arg, ';')) && syms(probApplies[0].arg).some((x) => ['theta', 'w', 'W', 'mu', 'Theta'].includes(x.name))) add('maximum-likelihood', 3.2, 'argmax_θ P(X | θ)');
  const before = new Map<Node, Node>();
  for (const r of allRows) r.forEach((x, i) => i > 0 && before.set(x, r[i - 1]));
  const entropyLike = logs.some((l) => {
    const arg = rowOf(l.arg);
    const prev = before.get(l);
    return arg.length === 1 && !!prev && show(prev) === show(arg[0]);
  }) || (root.some((x, i) => root[i + 1]?.k === 'apply' && (root[i + 1] as Apply).fn === 'log' && rowOf((root[i + 1] as Apply).arg).length === 1 && show(rowOf((root[i + 1] as Apply).arg)[0]) === show(x)));
  if (bigs(root, 'prod').length >= 2 && probApplies.some((p) => syms(p.arg).some((x) => /[a-z]\+[a-z]/.test(subText(x.sub) + subText(x.sup))) && hasOp(p.arg, '|'))) add('skipgram', 3.4, 'Π_t Π_j P(w_{t+j} | w_t)');
  // (arg max_θ 1/T Σ_t Σ_j log P(w_{t+j} | w_t; θ): skip-gram's objective written as the likelihood it maximises.)
  if (argmax && windowSub && bigs(root, 'sum').length + bigs(root, 'prod').length >= 2) add('skipgram', 3.9, 'arg max Σ_t Σ_j log P(w_{t+j} | w_t)');
  if (condProbLogs.length && !argmax && !entropyLike) {
    if (windowSub && bigs(root, 'sum').length >= 2) add('skipgram', 3.6, '−1/T Σ_t Σ_j log P(w_{t+j} | w_t)');
    else if (windowSub && bigs(root, 'sum').length >= 1) add('skipgram', 3.2, 'Σ over window of log P(w_{t+j}|w_t)');
    if (maskCond) add('masked-lm', 3.4, '−Σ_{masked} log p(x_i | x̃)');
    else if (starred) add('teacher-forcing', 3, 'log p(y*_t | y*_{<t}): gold prefix');
    const lhsLoss = lhsBase && /^(L|J|ell|l|NLL|nll|mathcal|E)$/.test(lhsBase) || lhs.some((x) => x.k === 'sym' && x.name === 'L') || lhsFn === 'nll';
    const avg = fracs(root).some((f) => onlyNum(f.num, 1));
    // (The minus is in front of a log of a probability, a sum or a bracket of them: −d/2 log(2πτ²) is a Gaussian's
    // normaliser, and log |det J| is a change of variables.)
    const logDet = logs.some((l) => all(l.arg).some((x) => (x.k === 'name' && x.v === 'det') || (x.k === 'apply' && x.fn === 'det') || (x.k === 'sym' && x.name === 'det')));
    const minusLogP = !logDet && allRows.some((r) => r.some((x, i) => x.k === 'op' && x.v === '-' && r.slice(i + 1, i + 4).some((y) => condProbLogs.includes(y as Apply) || y.k === 'big' || (y.k === 'group' && condProbLogs.some((l) => all(y.body).includes(l))))));
    if ((sumOrProd || lhsLoss) && !logDet) add('negative-log-likelihood', negated && minusLogP ? 3 : lhsLoss ? 2.4 : 1.8, '−Σ log p(y|x)');
    // (A log on the left, log a/b = log a − log b, is an identity of logs.)
    else if (negated && minusLogP && !applies(lhs, ['log', 'ln']).length) add(avg ? 'negative-log-likelihood' : 'surprisal', 2.6, '−log p(x)');
    if (avg && (negated || sumOrProd)) add('perplexity', 2.1, 'average negative log-probability');
  }
  if (!condProbLogs.length && logs.length === 1 && negated && !sumOrProd && applies(logs[0].arg).some((a) => /^[pPq]/.test(a.fn))) add('surprisal', 2.6, '−log p(x)');
  logOfOneNumber(root, add);
  if (logs.some((l) => l.sub && /2/.test(subText(l.head.k === 'name' ? l.head.sub : undefined)) || true) && logs.some((l) => rowOf(l.arg).some((x) => x.k === 'frac' && onlyNum(x.num, 1) && applies(x.den).some((a) => /^[pP]$/.test(a.fn)))) && !bigs(root, 'sum').length) add('surprisal', 3, 'log 1/P(x)');
  if (lhsApply && ['I', 'h', 's'].includes(lhsApply.fn) && logs.length === 1 && !sumOrProd) add('surprisal', 2.8, 'I(x) = −log p(x)');
  // (A loss of the target and the prediction, L(y*, ŷ), compares them: it feeds nothing to a decoder.)
  if (starred && applies(root).some((a) => !/^(L|l|ell|J|loss|cost)$/.test(a.fn) && syms(a.arg).some((s) => subText(s.sup).includes('*') && /t/.test(subText(s.sub))))) add('teacher-forcing', 2.2, 'decoder fed the gold token y*');
  if (maskCond && !logs.length) add('masked-lm', 2.6, 'p(x | x̃)');
  // perplexity
  const invN = (n: Node | undefined) => {
    const r = rowOf(n);
    return r.length >= 1 && r[0].k === 'op' && r[0].v === '-' && (r.some((x) => x.k === 'frac' && onlyNum(x.num, 1)) || (r.some((x) => isNum(x, 1)) && hasOp(r, '/')));
  };
  // (What is raised to −1/N is a probability: D^{−1/2} normalises a graph's adjacency.)
  const probabilityOf = (x: Node) => x.k === 'num' || (x.k === 'apply' && /^([pPq]|Pr)$/.test(x.fn)) || (x.k === 'sym' && /^[pP]$/.test(x.name)) || (x.k === 'group' && (applies(x.body).some((a) => /^[pPq]$/.test(a.fn)) || bigs(x.body, 'prod').length > 0));
  if (every.some((x) => 'sup' in x && x.sup && invN(x.sup) && probabilityOf(x))) add('perplexity', 3.5, 'P(w_1…w_N)^{−1/N}');
  // (Over a count, 1/N or 1/|D|: a number under the bar, exp(−½ log((2π)^d |Σ|) − …), is a Gaussian's normaliser.)
  if (applies(root, ['exp']).some((e) => fracs(e.arg).some((f) => onlyNum(f.num, 1) && syms(f.den).length > 0) && applies(e.arg, ['log']).length)) add('perplexity', 3.5, 'exp(−1/N Σ log p)');
  if (every.some((x) => x.k === 'sqrt' && x.index && bigs(x.body, 'prod').length)) add('perplexity', 3.5, 'N-th root of Π 1/P');
  // (2 to the entropy, 2^{H(p)} or 2^{−Σ p log₂ p}: the perplexity of a distribution.)
  const entropyPower = (r: Row) => applies(r, ['H']).length > 0 || (bigs(r, 'sum').length > 0 && applies(r, ['log']).length > 0 && r[0]?.k === 'op' && r[0].v === '-');
  if (every.some((x) => x.k === 'num' && x.v === 2 && !!x.sup && entropyPower(rowOf(x.sup)))) add('perplexity', 3.4, '2^{H(p)}: two to the entropy');
  // (H(p, q) = Σ p log 1/q: the cross-entropy of two distributions, named by its letters.)
  if (lhsApply && lhsApply.fn === 'H' && rowOf(lhsApply.arg).filter((x) => x.k === 'op' && x.v === ',').length === 1 && parts.length > 1 && bigs(rhsAll, 'sum').length && logs.length && !weighsItsOwnLog(rhsAll)) add('cross-entropy', 3.4, 'H(p, q) = −Σ p log q');
  if (['perplexity', 'pp', 'ppl'].includes((lhsFn || lhsBase || '').toLowerCase()) || lhs.some((x) => x.k === 'name' && /^(pp|ppl|perplexity)$/i.test(x.v))) add('perplexity', 2.5, 'PP = …');
  // empirical risk: (1/n) Σ L(f(x_i), y_i) or Σ J_i(θ)
  // (Or any letter comparing a prediction with its target, D(ŷ, y): the note's name for its loss.)
  // (The prediction written as the model's call, C(h(x_i), y_i), compares it all the same.)
  const predicted = (r: Row) => syms(r).some((x) => x.mods.includes('hat') && /^[yY]$/.test(x.name)) || r.some((x) => x.k === 'apply' && modelFunction(x));
  const comparesPrediction = (a: Apply) => /^[A-Za-z]$/.test(a.fn) && !/^[pPqQNE]$/.test(a.fn) && hasOp(a.arg, ',') && predicted(rowOf(a.arg)) && rowOf(a.arg).some((x) => x.k === 'sym' && !x.mods.includes('hat') && /^[yY]$/.test(x.name));
  const lossApplies = applies(root).filter((a) => /^(L|ell|J|l|E|R|loss|cost)$/.test(a.fn) || comparesPrediction(a));
  // (Of an example: the loss indexed, J_i(θ), or an argument beside the label that varies with it — x_i, f(x_i), ŷ. A
  // label against one constant, Σ_i L(y_i, γ), fits the constant.)
  // (Or raised, l^n(θ), as Hung-yi Lee's notes number the examples; or the example the sum runs over, Σ_{x ∈ X} L(a, x).)
  const overExamples = new Set(bigs(root, 'sum').map((b) => { const r = rowOf(b.sub); return r[0]?.k === 'sym' && r[1]?.k === 'op' && r[1].v === '∈' ? r[0].name : ''; }).filter(Boolean));
  const ofAnExample = (a: Apply) => (a.head.k === 'sym' && (!!a.head.sub || /^[inkm]$/.test(subText(a.head.sup)))) || rowOf(a.arg).some((x) => x.k === 'sym' && /^[xX]$/.test(x.name) && overExamples.has(x.name)) || rowOf(a.arg).some((x) => (x.k === 'sym' && !/^[yY]$/.test(x.name) && (!!x.sub || !!x.sup || x.mods.includes('hat'))) || (x.k === 'sym' && x.mods.includes('hat')) || x.k === 'apply' || x.k === 'group' || x.k === 'frac');
  if (bigs(root, 'sum').length && lossApplies.some((a) => a !== lhsApply && ofAnExample(a)) && !logs.length) {
    const hasGrad = hasGradient(root);
    if (!hasGrad) add('empirical-risk', 2.8, '(1/n) Σ loss(f(x_i), y_i)');
  }
  // L = (1/n) Σ_x L_x, J(θ) = (1/m) Σ_i J_i(θ): a loss letter as the average of its own per-example terms.
  const lossLetter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^(L|J|C|E|ell)$/.test(x.name) && !x.sup;
  // (One term only — C = C₀ + λ Σ w² adds a penalty — and not over time steps: L = Σ_t L^{(t)} sums a sequence's losses.)
  const exampleTerm = (y: Sym, name: string) => y.name === name && !!(y.sub || y.sup) && !/^(t|tau|\(t\)|<t>|⟨t⟩|langlet rangle)$/.test((subText(y.sub) || subText(y.sup)).replace(/[\s\\]/g, ''));
  // (Or the same letter called on the example the sum runs over, C = (1/m) Σ_i C(x^i).)
  const sumIndex = bigs(rhsAll, 'sum').map(sumIndexOf).find((n) => !!n);
  const onExample = (y: Apply, name: string) => y.head.k === 'sym' && y.head.name === name && !y.head.sub && !!sumIndex && syms(y.arg).some((z) => subText(z.sub) === sumIndex || subText(z.sup).replace(/[()]/g, '') === sumIndex);
  const ownTerms = (name: string) => bigs(rhsAll, 'sum').length > 0 && termsOf(rhsAll).length === 1 && all(rhsAll).some((y) => (y.k === 'sym' && exampleTerm(y, name)) || (y.k === 'apply' && y.head.k === 'sym' && (exampleTerm(y.head, name) || onExample(y, name))));
  const lhsLoss = lossLetter(lhs[0]) && lhs.length === 1 && !(lhs[0] as Sym).sub ? (lhs[0] as Sym).name : lhsApply && lhsApply.head.k === 'sym' && lossLetter(lhsApply.head) && !lhsApply.head.sub ? lhsApply.head.name : '';
  // (Or of per-example errors, L = (1/N) Σ_n e_n, ℓ_i: the loss as the average of the examples' errors.)
  const errorTerms = fracs(rhsAll).some((f) => onlyNum(f.num, 1)) && (ownTerms('e') || ownTerms('ell'));
  if (parts.length === 2 && lhsLoss && (ownTerms(lhsLoss) || errorTerms) && !logs.length && !hasGradient(root)) add('empirical-risk', 2.9, 'L = (1/n) Σ_i L_i: the average of the per-example losses');
  // J(θ) = 𝔼_{(x,y)∼p̂_data} L(f(x; θ), y): the loss of a prediction averaged over the training data — its empirical
  // distribution p̂ or the data set 𝒟 (over the true distribution P it is the expected risk).
  const dataSet = (r: Node | undefined) => syms(r).some((y) => y.mods.includes('hat') || y.name === 'D') || /data|train/i.test(subText(r));
  const overData = root.some((x) => x.k === 'sym' && x.name === 'E' && all(x.sub).some((y) => y.k === 'op' && (y.v === '~' || y.v === '∼')) && dataSet(x.sub));
  if (overData && !logs.length && !hasGradient(root) && lossApplies.some((a) => a !== lhsApply && hasOp(a.arg, ',') && applies(a.arg).length > 0)) add('empirical-risk', 2.9, '𝔼_{(x,y)∼data} L(f(x), y): the loss averaged over the data');
  // --- linear models, networks ---
  // (Y = A(XW + b), o(Wx + b), F(w^T x + b): a letter of no other use applied to an affine map alone, as a whole side, is
  // the layer's activation; P, E, L, J, N, I, H, Q, R and their lower cases name other things.)
  // (Under a hypothesis h_w(x), g(wᵀx) is the regression notes' sigmoid, named g.)
  const hypothesisG = (a: Apply) => a.fn === 'g' && lhsApply?.fn === 'h' && lhsApply.head.k === 'sym' && !!lhsApply.head.sub;
  const genericAct = (a: Apply) => /^([A-DFGKMOS-Z]|[a-dfgkm-os-z]|Phi|Psi|psi)$/.test(a.fn) && parts.some((p) => p.length === 1 && p[0] === a) && !hasOp(a.arg, ',') && !!affine(argRow(a))?.weights.length;
  const isAct = (a: Apply) => ACTIVATIONS.includes(a.fn) || a.fn === 'sigmoid' || (a.fn === 'max' && rowOf(a.arg).some((x) => isNum(x, 0)) && hasOp(a.arg, ',')) || genericAct(a);
  const activApplies = applies(root).filter(isAct);
  for (const a of activApplies) {
    const r = argRow(a);
    const aff = affine(r);
    if (!aff || hypothesisG(a)) continue;
    // recurrence: the LHS letter (or h) appears inside with an earlier index
    const lhsS = lhsHead && lhsHead.k === 'sym' ? lhsHead : null;
    const inner = syms(r);
    // (w^{t+1} = w^t − η Σ (σ(w x_i + b) − y_i) x_i: a weight inside its own update's gradient is no recurrent state.)
    const updated = !!lhsS && PARAM_LETTER.test(lhsS.name) && rels.some((x) => ['=', ':=', '←'].includes(x)) && hasOp(rhsAll, '-') && syms(rhsAll).some((x) => RATE_LETTER.test(x.name));
    // (n = f(w₁n₁ + … + w_k n_k + B): a bare letter from namesakes indexed by anything but a step is a neuron of its
    // inputs, not a recurrence.)
    // (x'_2 = σ(Σ_i w_{2i} x_i): namesakes indexed by the sum's own variable are the inputs it adds up, not a state before.)
    const bound = new Set(bigs(r, 'sum').map((b) => subText(b.sub).replace(/\s/g, '').split(/=|∈|\\in/)[0]).filter((v) => /^[a-z]$/.test(v)));
    // (h_{self-attention}: a name below the letter, a word, is no step.)
    const wordIndex = (x: Sym) => rowOf(x.sub).some((n) => n.k === 'text') || /^[A-Za-z-]{3,}$/.test(subText(x.sub).replace(/\s/g, ''));
    const rec = lhsS && !updated && inner.find((s) => s.name === lhsS.name && !wordIndex(s) && (subText(s.sub) !== lhsSub || subText(s.sup) !== lhsSup) && !(!lhsSub && !lhsSup && !/-1|t/.test(subText(s.sub) + subText(s.sup))) && !(bound.has(subText(s.sub)) && !s.sup));
    // (h^{(2)} = ReLU(W^{(2)} h^{(1)} + b^{(2)}: numbered layers, no input beside the previous one — not time steps.)
    const numbered = (x: string) => /^[([]?[0-9][)\]]?$/.test(x.replace(/\s/g, ''));
    const numberedLayer = rec && numbered(lhsSup || lhsSub) && numbered(subText(rec.sup) || subText(rec.sub)) && !inner.some((x) => /^[xX]$/.test(x.name));
    // (a^{[l](j)}: the layer in brackets, the example after it in parentheses — the layer is the index.)
    const bare = (x: string) => x.replace(/^\s*[([]([^()[\]]+)[)\]]\s*\([^()]*\)\s*$/, '$1').replace(/[\s()[\]]/g, '').replace(/ℓ/g, 'ell').replace(/^l(?=$|[+-])/, 'ell');
    const [li, ri] = rec ? [bare(lhsSup || lhsSub), bare(subText(rec.sup) || subText(rec.sub))] : ['', ''];
    // (h^{(ℓ+1)} from h^{(ℓ)}, as well as h^{(ℓ)} from h^{(ℓ−1)}.)
    // (h_k = f(W^k h_{k−1} + b^k): weights carrying the state's own index belong to one layer; a recurrence shares them.)
    // (Not with a time step's letter, s_t = tanh(U_t x_t + W_t s_{t−1}): weights a note indexes by the step still share a recurrence.)
    const perLayerWeights = !!rec && !!li && !/^[tτ]$/.test(li) && inner.some((y) => /^[WUVw]$/.test(y.name) && y !== rec && bare(subText(y.sup) || subText(y.sub)) === li);
    // (a^n = f(W a^{n−1} + b): from the previous one with weights and a bias only, no input and no time step — a layer.)
    const onlyWeights = !!rec && /^[a-z]$/.test(li) && !/^[tτ]$/.test(li) && ri === `${li}-1` && inner.every((y) => y === rec || y.name === li || /^(W|U|V|w|b|B|c|theta|Theta)$/.test(y.name));
    const layerIndex = numberedLayer || perLayerWeights || onlyWeights || (rec && ((li === 'ell' && ri === 'ell-1') || (li === 'ell+1' && ri === 'ell')));
    if (layerIndex && everyLayer(root, li)) {
      add('mlp', 3.2, EVERY_LAYER);
      continue;
    }
    if (layerIndex) {
      add('affine-layer', 3, 'a^{(l)} = g(W^{(l)} a^{(l−1)} + b^{(l)}): layer l from layer l − 1');
      continue;
    }
    // (Numbered layers above, x_i^{(2)} = relu(Σ_k w_ki^{(1)} x_k^{(1)} + b_i^{(1)}): unit i of a layer from the units k below.)
    const unitsBelow = !!rec && numbered(lhsSup) && numbered(subText(rec.sup));
    if (unitsBelow && lhsSub && subText(rec!.sub) !== lhsSub) {
      add('affine-layer', 3, 'x_i^{(2)} = f(Σ_k w_ki^{(1)} x_k^{(1)} + b_i^{(1)}): a unit of one layer from the units of the layer below');
      continue;
    }
    const recDifferent = rec && !unitsBelow && lhsSub && subText(rec.sub) && subText(rec.sub) !== lhsSub && /^[a-z]$/.test(lhsSub) && /^[a-z]$/.test(subText(rec.sub)) && rec.sup;
    // (Γ_f, Γ_u, Γ_o, Γ_r, and g_r, g_u, g_f: gates written as a capital gamma or a g with the gate's letter below.)
    const gammaGate = (lhsS?.name === 'Gamma' && /^[fuoir]$/.test(indexOf(lhsS.sub))) || (lhsS?.name === 'g' && /^[fuorz]$/.test(indexOf(lhsS.sub))) ? indexOf(lhsS!.sub) : '';
    // (Γ_u is Andrew Ng's update gate of an LSTM as of a GRU; g_u, a GRU's.)
    const gateLetter = gammaGate ? (gammaGate === 'u' ? (lhsS!.name === 'g' ? 'z' : 'i') : gammaGate) : lhsS ? lhsS.name.toLowerCase() : '';
    const gateLetterRaw = lhsS ? lhsS.name : '';
    // (Γ_f^{⟨t⟩}: the gate's letter is below, its step above.)
    const lhsIdx = (gammaGate ? lhsSup : lhsSub || lhsSup).replace(/[()]/g, '');
    const isPrev = (s: Sym) => {
      const idx = (subText(s.sub) + subText(s.sup)).replace(/[()]/g, '');
      return /^[a-zA-Z]$/.test(lhsIdx) ? idx === `${lhsIdx}-1` : /t-1/.test(idx);
    };
    const prevH = inner.some((s) => ((s.name === 'h' || s.name === 'H') && /t-1|\(t-1\)/.test(subText(s.sub) + subText(s.sup))) || (isPrev(s) && s.name !== gateLetterRaw && s.name.toLowerCase() !== (lhsS?.name ?? '').toLowerCase()));
    const concatPrev = all(r).some((x) => x.k === 'group' && x.delim === '[' && hasOp(x.body, ',') && syms(x.body).some((s) => s.name === 'h' || s.name === 'H' || isPrev(s)));
    // A cell written for one step (library docs: `i = σ(W_ii x + b_ii + W_hi h + b_hi)`): h and x, no time index.
    const cellInputs = inner.some((s) => /^[hH]$/.test(s.name) && !s.sub && !s.sup) && inner.some((s) => /^[xX]$/.test(s.name));
    // (Which letters are read at the previous step: Andrew Ng's course writes a GRU reading the memory cell c^{⟨t−1⟩},
    // an LSTM the activation a^{⟨t−1⟩}.)
    const reads = (l: RegExp) => inner.some((s) => l.test(s.name) && isPrev(s));
    // (The candidate c̃^{⟨t⟩} = tanh(W_c[c^{⟨t−1⟩}, x^{⟨t⟩}] + b_c) read from the memory cell itself: a GRU's.)
    // (Written with a hat, ĉ^{⟨t⟩}, it is the same candidate.)
    if (lhsS?.name === 'c' && (lhsS.mods.includes('tilde') || lhsS.mods.includes('hat')) && a.fn === 'tanh' && reads(/^c$/) && !reads(/^[ahs]$/)) {
      add('gru', 3.9, 'c̃^{⟨t⟩} = tanh(W_c[c^{⟨t−1⟩}, x^{⟨t⟩}] + b_c): the candidate read from the memory cell, a GRU');
      continue;
    }
    // (c_t = tanh(W c_{t−1} + U x_t), undecorated: a state named c computed from itself through tanh alone is a plain
    // recurrence, not an LSTM's cell, which gates its candidate in.)
    if (lhsS?.name === 'c' && !lhsS.mods.length && a.fn === 'tanh' && reads(/^c$/) && !reads(/^[ahs]$/)) continue;
    // (Through tanh only the candidate, c or g, is a part of the cell: f_θ = tanh(W h_{t−1} + U x_t) is a plain RNN's step.)
    if ((prevH || concatPrev || cellInputs) && ['f', 'i', 'o', 'c', 'g'].includes(gateLetter) && !(a.fn === 'tanh' && ['f', 'i', 'o'].includes(gateLetter))) {
      add('lstm', 3.5, 'an LSTM gate: σ(W [h_{t−1}, x_t] + b)');
      // (Γ_u is the update gate of a GRU as well: the words decide — or the state it reads.)
      const readsCell = reads(/^c$/) && !reads(/^[ah]$/);
      if (gammaGate === 'u' && readsCell) add('gru', 3.9, 'Γ_u = σ(W_u[c^{⟨t−1⟩}, x^{⟨t⟩}] + b_u): the update gate reading the memory cell, a GRU');
      else if (gammaGate === 'u') add('gru', reads(/^a$/) ? 2.9 : 3.3, 'Γ_u: the update gate (of an LSTM, or of a GRU)');
      continue;
    }
    if ((prevH || concatPrev || cellInputs) && ['z', 'r'].includes(gateLetter)) {
      add('gru', 3.5, 'a GRU gate');
      continue;
    }
    if (recDifferent) {
      add('seq2seq', 3, 'decoder state computed from the encoder state');
      continue;
    }
    if (prevH && a.fn === 'sigmoid' && gateLetter && gateLetter !== 'h' && gateLetter !== 's') {
      add('lstm', 3, 'a sigmoid gate computed from h_{t−1} and x_t');
      continue;
    }
    if (rec || (prevH && gateLetter !== 'h')) {
      add('rnn', 3.3, 'h_t = f(W h_{t−1} + U x_t + b)');
      continue;
    }
    const concat = all(r).some((x) => x.k === 'group' && x.delim === '[' && hasOp(x.body, ';') && (rowOf(x.body).filter((y) => y.k === 'op' && y.v === ';').length >= 2 || new Set(syms(x.body).filter((y) => !!y.sub).map((y) => y.name)).size === 1));
    if (concat) {
      add('fixed-window-lm', 3.2, 'hidden layer over concatenated window embeddings');
      continue;
    }
    // nested: activation inside an affine inside an activation (or a weight times an activation)
    const innerAct = applies(a.arg).some((b) => (ACTIVATIONS.includes(b.fn) || b.fn === 'sigmoid') && b !== a && (affine(argRow(b)) || applies(b.arg).length));
    if (innerAct) {
      add('mlp', 3.4, MLP_NESTED);
      continue;
    }
    const d = dots(r);
    const lhsIsProb = lhsApply && /^[pP]$/.test(lhsApply.fn);
    // (A model named by its vector of parameters, f_{w,b}(x) = σ(wx + b), is read as the class probability is.)
    const namedModel = !!lhsApply && lhsApply.head.k === 'sym' && hypothesisByParams({ ...lhsApply.head, sup: undefined }) && !aff.matrix;
    // (The inner layer of σ(W₂ σ(W₁ x + b₁) + b₂) is no classifier of its own: the outer activation gives the prediction.)
    const nested = activApplies.some((b) => b !== a && applies(b.arg).includes(a));
    if ((a.fn === 'sigmoid') && (lhsIsProb || d.length || namedModel)) {
      if (d.length && wordVectorPair(d[0].a, d[0].b)) add('sgns', 3, 'P(D=1|w,c) = σ(w·c)');
      else if ((lhsIsProb || !aff.matrix) && !nested) add('logistic-regression', 3, 'σ(w^T x + b)');
      else add('affine-layer', 2.5, 'σ(Wx + b)');
      continue;
    }
    // (ŷ = σ(Wx + b), ŷ^{(i)}: a prediction of no layer — logistic regression's model, whatever the weights' case; ŷ = a^{[2]}
    // of a network carries its layer.)
    if (a.fn === 'sigmoid' && !nested && lhsS && /^[yY]$/.test(lhsS.name) && lhsS.mods.includes('hat') && !layerMark(lhsS.sup) && !syms(r).some((x) => layerMark(x.sup))) {
      add('logistic-regression', 3.2, 'ŷ = σ(Wx + b): the predicted probability of the class');
      continue;
    }
    add('affine-layer', 2.8, ACTIVATED_AFFINE);
  }
  // weight × activation(…): an MLP written as W_2 φ(W_1 x …)
  for (const r of allRows) {
    // (W^{(2)}(σ(W^{(1)} x)): the weight written against a bracket holding the inner layer.)
    for (const x of r) {
      const inner = x.k === 'apply' && x.head.k === 'sym' && /^[WV]$/.test(x.head.name) && (x.head.sup || x.head.sub) ? argRow(x) : [];
      if (inner.length === 1 && inner[0].k === 'apply' && isAct(inner[0])) add('mlp', 3.4, MLP_COLUMN);
    }
    for (let i = 0; i + 1 < r.length; i++) {
      const w = r[i];
      const act = r[i + 1];
      // (Or one hidden unit in scalars, w_2 ReLU(w_1 x + b_1) + b_2: the same weight letter, numbered by its layer.)
      const layerNumbered = w.k === 'sym' && /^[wv]$/.test(w.name) && /^[0-9]$/.test(subText(w.sub)) && act?.k === 'apply' && syms(act.arg).some((y) => y.name === w.name && /^[0-9]$/.test(subText(y.sub)) && subText(y.sub) !== subText(w.sub));
      if (w.k === 'sym' && (/^[A-Z]$/.test(w.name) || isTransposeSup(w.sup) || layerNumbered) && act.k === 'apply' && isAct(act) && (affine(argRow(act).filter((x) => !(x.k === 'op' && x.v === ',') && !isNum(x, 0))) || applies(act.arg).length)) add('mlp', 3.4, MLP_COLUMN);
      // Row vectors: φ(x W₁ + b₁) W₂ + b₂.
      // (The outer weight may be written after a dot, φ(x·θ₁ + b₁)·θ₂ + b₂: then the same letter as the inner one, renumbered.)
      const dotted = act?.k === 'op' && act.v === '·' ? 1 : 0;
      const outer = r[i + 1 + dotted];
      const renumbered = (o: Sym) => /^[0-9]$/.test(subText(o.sub)) && syms(w.k === 'apply' ? w.arg : []).some((y) => y.name === o.name && /^[0-9]$/.test(subText(y.sub)) && subText(y.sub) !== subText(o.sub));
      if (w.k === 'apply' && isAct(w) && affine(argRow(w)) && outer?.k === 'sym' && ((!dotted && /^[A-Z]$/.test(outer.name)) || renumbered(outer)) && r[i + 2 + dotted]?.k === 'op' && (r[i + 2 + dotted] as { v: string }).v === '+') add('mlp', 3.4, MLP_ROW);
    }
  }
  // Two layers in one formula: a symbol defined by one clause is fed through weights in a later clause.
  {
    const clauses: Row[] = [[]];
    for (const x of root) {
      if (x.k === 'op' && (x.v === ',' || x.v === ';')) clauses.push([]);
      else clauses[clauses.length - 1].push(x);
    }
    const defined: string[] = [];
    let chained = false;
    for (const c of clauses) {
      const { parts: ps } = sides(c);
      if (ps.length < 2) continue;
      const head = ps[0].find((x): x is Sym => x.k === 'sym');
      const rhs = ps.slice(1).flat();
      const usesEarlier = defined.some((d) => {
        const nodes = all(rhs);
        return nodes.some((m) => m.k === 'row' && m.items.some((x, i) => x.k === 'sym' && x.name === d && i > 0 && m.items[i - 1].k === 'sym' && (/^[A-Z]$/.test((m.items[i - 1] as Sym).name) || isTransposeSup((m.items[i - 1] as Sym).sup))))
          || rhs.some((x, i) => x.k === 'sym' && x.name === d && i > 0 && rhs[i - 1].k === 'sym' && (/^[A-Z]$/.test((rhs[i - 1] as Sym).name) || isTransposeSup((rhs[i - 1] as Sym).sup)))
          || nodes.some((m) => m.k === 'row' && m.items.some((x, i) => x.k === 'sym' && x.name === d && m.items[i + 1]?.k === 'sym' && (m.items[i + 1] as Sym).name === 'W'))
          || rhs.some((x, i) => x.k === 'sym' && x.name === d && rhs[i + 1]?.k === 'sym' && (rhs[i + 1] as Sym).name === 'W');
      });
      if (usesEarlier && (applies(rhs).some(isAct) || applies(rhs, ['softmax']).length || affine(rhs))) chained = true;
      if (head && (applies(rhs).some(isAct) || affine(rhs))) defined.push(head.name);
    }
    if (chained) add('mlp', 3.5, MLP_CHAINED);
  }
  // sigmoid applied to a dot product (word vectors) anywhere, e.g. log σ(u_o^T v_c)
  // (σ(θᵀx)_k, a component of a vector-valued σ, is the softmax of linear scores: softmax regression.)
  if (applies(root, ['sigmoid']).some((a) => !!a.sub && dots(a.arg).length > 0) && !applies(root, ['sigmoid']).some((a) => !a.sub)) add('softmax-regression', 3.4, 'σ(θᵀx)_k: the class-k output of a softmax of linear scores');
  // (σ(xᵀW) with a weight matrix scores several outputs at once — a layer or a normalised exponential over classes —
  // not the one probability of logistic regression.)
  const sigmaDots = applies(root, ['sigmoid']).filter((a) => dots(a.arg).length > 0 && !a.sub && !dots(a.arg).some((d) => [d.a, d.b].some((x) => x.k === 'sym' && /^(W|Theta)$/.test(x.name))));
  if (sigmaDots.length) {
    const pos = sigmaDots.find((a) => !(rowOf(a.arg)[0]?.k === 'op' && (rowOf(a.arg)[0] as { v: string }).v === '-'));
    const neg = sigmaDots.find((a) => rowOf(a.arg)[0]?.k === 'op' && (rowOf(a.arg)[0] as { v: string }).v === '-');
    // (The vector shared by the real pair and the sampled ones may stand on either side: σ(hᵀv′_w) and σ(−hᵀv′_{w̃}).)
    // (Both sides alike, σ(wᵀx + b) and σ(−(wᵀx + b)), are one score and its complement: a label's two classes, no sampled word.)
    const [dp, dn] = pos && neg ? [dots(pos.arg)[0], dots(neg.arg)[0]] : [undefined, undefined];
    const sharedCentre = !!dp && !!dn && (show(dp.b) === show(dn.b) ? show(dp.a) !== show(dn.a) : show(dp.a) === show(dn.a)) && bigs(root, 'sum').length > 0;
    const wv = sharedCentre || sigmaDots.some((a) => {
      const d = dots(a.arg)[0];
      return wordVectorPair(d.a, d.b) || contextSumAgainstWord(d.a, d.b);
    });
    const negInside = sigmaDots.some((a) => rowOf(a.arg)[0]?.k === 'op' && (rowOf(a.arg)[0] as { v: string }).v === '-');
    // A product along a tree path has its node notation (n(w, j), ch(·)) or the ± of left/right turns; written out
    // factor by factor for one word, σ(u_{n(w_3, 1)}ᵀv_c) · σ(−u_{n(w_3, 2)}ᵀv_c) · …, the node notation alone says it.
    const nodeNamed = all(root).some((x) => x.k === 'apply' && /^(n|ch)$/.test(x.fn));
    const prodPath = (bigs(root, 'prod').length > 0 && (hasOp(root, '±') || nodeNamed)) || (sigmaDots.length >= 2 && nodeNamed);
    if (prodPath) add('hierarchical-softmax', 3.6, 'Π over the tree path of σ(±v_n·h)');
    else if (wv && (negInside || logs.length)) add('sgns', negInside ? 3.8 : 3.2, 'log σ(u_o·v_c) + Σ log σ(−u_k·v_c)');
    else if (wv) add('sgns', lhsApply && /^[pP]$/.test(lhsApply.fn) ? 3.1 : 2.5, 'P(D=1|w,c) = σ(w·c)');
    else if (!sigmaDots.some((a) => previousInput(a.arg))) add('logistic-regression', 2.9, 'σ(w^T x)');
  }
  // (σ(±v·h): a turn's sign before a product; σ(Xβ ± z s), a value plus or minus a margin, is an interval's end.)
  if (applies(root, ['sigmoid']).some((a) => rowOf(a.arg).some((x, i, r) => x.k === 'op' && x.v === '±' && (i === 0 || r[i - 1].k === 'op'))) || (bigs(root, 'prod').length && applies(root, ['sigmoid']).some((a) => all(a.arg).some((x) => (x.k === 'apply' && /^(n|ch)$/.test(x.fn)) || (x.k === 'sym' && /^[nd]$/.test(x.name) && !!x.sub))))) add('hierarchical-softmax', 3.5, 'Π σ(±v_n·h) over the tree path');
  // affine without an activation: linear regression vs a layer
  // (a · b = a_1 b_1 + … defines the dot product, not a layer.)
  // (An activation only after the affine side, z = Σ_j w_j a_j + b = Σ_j w_j σ(z_j) + b, writes out its inputs: the
  // layer stays a layer.)
  const activAt = parts.findIndex((p) => activApplies.some((a) => a !== lhsApply && all({ k: 'row', items: p }).includes(a)));
  // (Over lines, z = wᵀx + c \\ ŷ = σ(z), the activation is applied to the score: read in the chains above.)
  const oneChain = !root.some((x) => (x.k === 'op' && ['\\\\', ',', ';'].includes(x.v)) || x.k === 'text' || x.k === 'env');
  if (parts.length > 1 && (activAt < 0 || (activAt > 1 && oneChain)) && !hasOp(lhs, '·')) {
    for (const side of parts.slice(1, activAt < 0 ? undefined : activAt)) {
      // (y = W₁x + x: the input added back to its own map is a residual connection, no bias.)
      const terms = termsOf(side);
      if (terms.length === 2 && terms.some((t, k) => t.items.length === 1 && t.items[0].k === 'sym' && terms[1 - k].items.length > 1 && terms[1 - k].items.some((x) => show(x) === show(t.items[0])))) continue;
      if (numberedLayerMap(side, lhsHead)) {
        add('affine-layer', 2.6, 'z = W₁x: the weights of a numbered layer on its input, without a bias');
        break;
      }
      const aff = affine(side);
      if (!aff) continue;
      if (applies(side).length || logs.length) continue;
      // (f(x_i, W) = W x_i: a function of the input with the weight matrix among its arguments is the linear score map.)
      const before = parts[parts.indexOf(side) - 1];
      const scoreFn = before?.length === 1 && before[0].k === 'apply' ? before[0] : undefined;
      if (aff.matrix && side.length === 2 && scoreFn && /^[WUV]$/.test(aff.weights[0]) && syms(scoreFn.arg).some((x) => x.name === aff.weights[0]) && side[1].k === 'sym' && syms(scoreFn.arg).some((x) => x.name === (side[1] as Sym).name)) {
        add('affine-layer', 2.7, SCORE_OF_WEIGHTS);
        break;
      }
      // A quadratic form x^T Q x is not a linear model.
      const quadratic = side.some((x, i) => x.k === 'sym' && isTransposeSup(x.sup) && side[i + 2]?.k === 'sym' && (side[i + 2] as Sym).name === x.name && !isTransposeSup((side[i + 2] as Sym).sup));
      if (quadratic) continue;
      // (A neuron's net input, written `net_j` or `Net_{h1}`, is its pre-activation z.)
      // (f(x) = Wx + b, with a weight matrix, names its function by the letter f; z(x) = wᵀx + b, a neuron's
      // pre-activation, by z.)
      const netName = lhs.some((x) => x.k === 'name' && /^net$/i.test(x.v));
      const lhsLetter = spelled(lhs) === 'net' || netName ? 'z' : lhsHead && lhsHead.k === 'sym' ? lhsHead.name : lhsApply && lhsApply.head.k === 'sym' && (aff.matrix || /^[za]$/.test(lhsApply.head.name)) ? lhsApply.head.name : '';
      // (H(x) is the hypothesis of the Korean course notes, a(x) the model of the Russian ones.)
      // (So is h_θ, the hypothesis named by its parameters without its argument.)
      // (The course's H(x) = Wx + b, `hypothesis = x_train * W + b`: its capital W is the one weight of a line.)
      const namedHypothesis = (lhsApply?.fn === 'H' && lhs.length === 1) || /^hypothesis$/i.test(spelled(lhs)) || (lhs.length === 1 && lhs[0].k === 'name' && /^hypothesis$/i.test(lhs[0].v));
      if (((lhsApply && modelFunction(lhsApply)) || hypothesisByParams(lhsHead) || namedHypothesis) && (!aff.matrix || namedHypothesis) && side.some((x) => x.k === 'op' && x.v === '+')) {
        add('linear-regression', 3, 'h_θ(x) = θ₀ + θ₁x₁ + …');
        break;
      }
      const predicts = lhsLetter === 'y' || (lhsHead?.k === 'sym' && lhsHead.mods.includes('hat'));
      // (With a weight matrix, Y = WX + b, it is a layer's map of a batch.)
      if (predicts && side.some((x) => x.k === 'sym' && x.name === 'X') && !side.some((x) => x.k === 'sym' && /^[WUV]$/.test(x.name))) {
        add('linear-regression', 3, 'ŷ = Xw + b');
        break;
      }
      // Layers as superscripts (H^{(k)} = W^{(k)} H^{(k−1)} + c^{(k)}): the same letter one layer down is the input.
      // (A step, a^{(t)} from a^{(t−1)}, is a recurrence's, not a layer's.)
      const lhsLayer = lhsHead?.k === 'sym' && layerSup(lhsHead) ? subText(lhsHead.sup).replace(/[()[\]{}<>⟨⟩]/g, '') : '';
      const timeStep = /^[tτ]$/.test(lhsLayer);
      const layerDown = !!lhsLayer && side.some((x) => x.k === 'sym' && x.name === lhsLetter && [`${lhsLayer}-1`, /^[0-9]+$/.test(lhsLayer) ? String(Number(lhsLayer) - 1) : ''].includes(subText(x.sup).replace(/[()[\]{}\s]/g, '')));
      // (Without a bias, z^{(l)} = w^{(l)} a^{(l−1)}: the weights carry the layer too.)
      const layerWeights = side.some((x) => x.k === 'sym' && aff.weights.includes(x.name) && layerSup(x) && indexOf(x.sup) === lhsLayer);
      const belowIn = side.some((x) => x.k === 'sym' && layerSup(x) && [`${lhsLayer}-1`, layerBelow(lhsLayer)].includes(indexOf(x.sup)));
      // (Tags written bare, z^i = W^i a^{i−1}, z^1 = W^1 x: the weights share the left side's tag, and the input is the
      // layer below or the plain input x.)
      const lhsTag = layerTag(lhsHead);
      const taggedWeights = !!lhsTag && aff.matrix && side.some((x) => x.k === 'sym' && aff.weights.includes(x.name) && layerTag(x) === lhsTag);
      const taggedInput = side.some((x) => x.k === 'sym' && !aff.weights.includes(x.name) && (layerTag(x) === layerBelow(lhsTag) || (x.name === 'x' && !x.sup && !x.sub)));
      // (Unmarked on the left, f = W^{(L)} v^{(L−1)}: the weights' layer and the vector one layer below it tell.)
      const weightLayers = side.filter((x): x is Sym => x.k === 'sym' && aff.weights.includes(x.name) && layerSup(x)).map((x) => indexOf(x.sup));
      const fromBelow = !lhsLayer && !!aff.matrix && weightLayers.some((k) => !/^[tτ]$/.test(k) && side.some((x) => x.k === 'sym' && !aff.weights.includes(x.name) && layerSup(x) && [`${k}-1`, layerBelow(k)].includes(indexOf(x.sup))));
      // (Without a bias or brackets, h^ℓ = W h^{ℓ−1}: the left side's script is the layer letter itself.)
      const bareLayer = lhsHead?.k === 'sym' && /^(l|ell)$/.test(subText(lhsHead.sup)) ? subText(lhsHead.sup) : '';
      const bareDown = !!bareLayer && aff.matrix && side.some((x) => x.k === 'sym' && x.name === lhsLetter && subText(x.sup).replace(/\s/g, '') === `${bareLayer}-1`);
      const layered = (aff.matrix && layerDown && side.some((x) => x.k === 'op' && x.v === '+')) || (layerWeights && belowIn) || fromBelow || bareDown;
      if ((layered || (taggedWeights && taggedInput)) && !timeStep && !/^([tτ]|tau)$/.test(lhsTag)) {
        add('affine-layer', 2.8, layered ? 'layer k from layer k − 1: W^{(k)} H^{(k−1)} + b^{(k)}' : LAYER_TAGGED);
        break;
      }
      // (x* = Wx + b, a starred or primed vector on the left: the layer's output, named after its input; a matrix so
      // marked, W′ = W + BA, is an updated weight.)
      // (So is a primed matrix of inputs, X′ = WX + b.)
      const marked = lhsHead?.k === 'sym' && lhsHead.name === lhsLetter && (/^[a-z]$/.test(lhsLetter) || (/^[XH]$/.test(lhsLetter) && !aff.weights.includes(lhsLetter))) && (subText(lhsHead.sup).trim() === '*' || lhsHead.mods.includes('prime')) && !lhsHead.sub;
      const sameLetter = (x: Node) => x.k === 'sym' && x.name === lhsLetter && (!marked || !!x.sub || subText(x.sup).trim() === '*' || x.mods.includes('prime'));
      if (aff.matrix && lhsLetter && side.some((x) => x.k === 'op' && x.v === '+') && !side.some(sameLetter)) {
        add('affine-layer', 2.7, 'O = XW + b');
        break;
      }
      const yish = lhsLetter === 'y' || (lhsHead?.k === 'sym' && lhsHead.mods.includes('hat'));
      // (Σ_j w_{ij} v_j — weights with a second index, one set per output — is a weighted sum of vectors, not a regression line.)
      // (With a bias added too, when the left letter carries one of the weight's indices, y_j = b_j + Σ_i w_{ji} x_i: unit j.)
      const perOutput = side.some((x, k) => x.k === 'big' && x.v === 'sum' && side[k + 1]?.k === 'sym' && syms((side[k + 1] as Sym).sub).length >= 2 && (!side.some((y) => y.k === 'op' && y.v === '+') || carriesUnitIndex(lhsHead, side[k + 1] as Sym)));
      // (ŷ = arg max_i w_iᵀx + b_i picks the class of the highest score: a classifier's decision, no regression.)
      const picksClass = all(root).some((x) => x.k === 'name' && /^(arg)?max$/i.test(x.v));
      if (yish && !aff.matrix && !perOutput && !picksClass) {
        add('linear-regression', 3, 'ŷ = w^T x + b');
        // (In words about a neuron, the same line is one unit's affine map.)
        add('affine-layer', 2.6, 'y = w·x + b: one neuron\'s weighted input');
      }
      else if (yish && side.some((x) => x.k === 'sym' && x.name === 'X')) add('linear-regression', 3, 'ŷ = Xβ');
      // (u is the weighted input in the notation of many Japanese and Russian texts, u = Wz + b; v, Haykin's induced
      // local field, v = wᵀx + b, with a weight letter.)
      else if ((['z', 'h', 'a', 'y', 's', 'o', 'f', 'u'].includes(lhsLetter) || (lhsLetter === 'v' && /^(w|W)$/.test(aff.weights[0] ?? ''))) && !hasOp(side, '⊙', '*')) {
        const recurrent = syms(side).some((s) => s.name === lhsLetter && /t-1/.test(subText(s.sub)));
        // (Σ_i b_i v_i without a bias and without a weight letter is a weighted sum of vectors, not a layer.)
        const weightLetter = /^(w|W|theta|Theta)$/.test(aff.weights[0] ?? '');
        if (recurrent) add('rnn', 3, 'recurrence');
        else if (side.some((x) => x.k === 'op' && x.v === '+') || (side.some((x) => x.k === 'big') && weightLetter)) add('affine-layer', 2.7, 'z = Wx + b');
      }
      break;
    }
  }
  // (Without a bias, g(x) = wᵀx is as often any linear map as a model: only the model's own letters are read so.)
  // (Also between a target and its value, y_i = f(x_i) = w x_i; or summed over the features, f(x_i) = Σ_i w_i x_i. A
  // capital W times x stays a layer's product.)
  const modelCall = parts.slice(0, -1).find((p) => p.length === 1 && p[0].k === 'apply' && MODEL_FN.test(p[0].fn) && p[0].fn !== 'g')?.[0] as Apply | undefined;
  const last = parts[parts.length - 1] ?? [];
  const summedFeatures = (r: Row) => r.length === 3 && r[0].k === 'big' && r[0].v === 'sum' && r[1].k === 'sym' && r[1].name === 'w' && r[2].k === 'sym' && r[2].name === 'x' && !!sumIndexOf(r[0]) && indexOf(r[1].sub) === sumIndexOf(r[0]) && indexOf(r[2].sub) === sumIndexOf(r[0]);
  if (parts.length >= 2 && modelCall && !activApplies.some((a) => a !== modelCall) && (throughOrigin(last) || summedFeatures(last))) add('linear-regression', 2.8, 'f(x) = w x, f(x) = ⟨w, x⟩: a linear model, the weights times the input');
  if (parts.length === 2 && lhsHead?.k === 'sym' && lhsHead.name === 'y' && !activApplies.length && parts[1].length === 2 && !parts[1].some((x) => x.k === 'apply') && dots(parts[1]).length === 1) add('linear-regression', 3, 'ŷ = x^T β');
  if (parts.length === 2 && lhsApply && lhsApply.fn === 'y' && bigs(parts[1], 'sum').length && applies(parts[1]).some((a) => ['phi', 'varphi'].includes(a.fn))) add('linear-regression', 3, 'y(x, w) = w_0 + Σ w_j φ_j(x)');
  // (The response as a random variable, Y, and its mean given the inputs, E[Y | X], as well as y.)
  const response = lhsHead?.k === 'sym' && (/^[yY]$/.test(lhsHead.name) || (lhsHead.name === 'E' && syms(lhs).some((x) => /^[yY]$/.test(x.name))));
  if (parts.length > 1 && lhsHead?.k === 'sym' && /^[yY]$/.test(lhsHead.name) && every.some((x) => x.k === 'sym' && x.name === 'varepsilon' || x.k === 'sym' && x.name === 'epsilon') && every.some((x) => x.k === 'sym' && x.name === 'beta')) add('linear-regression', 3.2, 'y = β₀ + β₁x + ε');
  // Y = β₀ + Σ_i X_i β_i, E[Y | X] = β₀ + βX: an intercept β₀ and coefficients of the inputs — the regression's own letters.
  // (The coefficients written b₀, b₁, B0, B1 or θ₀, θ₁: one letter, numbered from the intercept 0.)
  // (With β's, the statistician's coefficients, the response may have any letter: z = β₀ + β₁ x.)
  else if (parts.length === 2 && !response && lhs.length === 1 && lhsHead?.k === 'sym' && !lhsHead.sup && parts[1].some((x) => x.k === 'sym' && x.name === 'beta' && subText(x.sub) === '0') && syms(rhsAll).some((x) => x.name === 'beta' && /^[1-9]$/.test(subText(x.sub))) && syms(rhsAll).some((x) => /^[xX]$/.test(x.name)) && !applies(rhsAll).length) add('linear-regression', 3.1, 'β₀ + β₁ x: an intercept and a coefficient for the input');
  // (Or α₀, α₁ and a₀, a₁; the inputs may be transformed ones, z_1 … z_n.)
  else if (parts.length >= 2 && response && ['beta', 'b', 'B', 'theta', 'alpha', 'a'].some((c) => parts[parts.length - 1].some((x) => x.k === 'sym' && x.name === c && subText(x.sub) === '0') && syms(rhsAll).some((x) => x.name === c && /^([1-9]|[ijkn]|)$/.test(subText(x.sub)))) && syms(rhsAll).some((x) => /^[xXzZ]$/.test(x.name))) add('linear-regression', 3.2, 'Y = β₀ + Σ X_i β_i: an intercept and a coefficient for each input');
  // θ₁ = Σ (x_i − x̄)(y_i − ȳ) / Σ (x_i − x̄)², θ₀ = ȳ − θ₁ x̄: the least-squares line from the means (over a root of
  // both spreads it is the correlation).
  const centred = (r: Node | undefined) => all(r).filter((x) => x.k === 'group' && hasOp(x.body, '-') && syms(x.body).some((y) => y.mods.includes('bar') || y.mods.includes('overline')));
  if (parts.length === 2 && fracs(rhsAll).some((f) => bigs(f.num, 'sum').length > 0 && bigs(f.den, 'sum').length > 0 && centred(f.num).length >= 2 && centred(f.den).length >= 1 && !all(f.den).some((x) => x.k === 'sqrt'))) add('linear-regression', 3.4, 'θ₁ = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²: the least-squares slope');
  const barred = (x: Node | undefined, re: RegExp) => !!x && x.k === 'sym' && re.test(x.name) && (x.mods.includes('bar') || x.mods.includes('overline'));
  if (parts.length === 2 && lhs.length === 1 && lhsHead?.k === 'sym' && /^(theta|beta|w|a|b)$/.test(lhsHead.name) && rhsAll.length >= 4 && barred(rhsAll[0], /^[yY]$/) && rhsAll[1]?.k === 'op' && rhsAll[1].v === '-' && barred(rhsAll[rhsAll.length - 1], /^[xX]$/)) add('linear-regression', 3.2, 'θ₀ = ȳ − θ₁ x̄: the intercept of the least-squares line');
  // LSTM cell / GRU interpolation: c_t = f ⊙ c_{t−1} + i ⊙ c̃_t ; h_t = o_t ⊙ tanh(c_t) ; h = (1−z) ⊙ h + z ⊙ h̃
  // (A dot as the product, f_t · C_{t−1} + i_t · C̃_t, only where the cell's own update shows: the state and its candidate.)
  const dotted = !hasLineOp(root, '⊙', '*', '∘', '∗') && hasLineOp(root, '·', '×') && lhsHead?.k === 'sym' && syms(rhsAll).some((x) => x.name === (lhsHead as Sym).name && (x.mods.includes('tilde') || x.mods.includes('hat') || isPrimed(x)));
  // (Any product, c_t = f_t c_{t−1} + i_t z_t, f_t · c_{t−1} + i_t · g_t, Γ_f × c^{⟨t−1⟩} + Γ_u × c̃^{⟨t⟩}: the cell
  // written from its own previous value, a forget gate and an input gate, at the step.)
  const gateAt = (g: 'f' | 'i', x: Sym) => (x.name.toLowerCase() === g && stepIndex(x) === 't') || (x.name === 'Gamma' && (g === 'f' ? /^f/ : /^[ui]/).test(indexOf(x.sub)));
  const cellFromItself = lhsHead?.k === 'sym' && /^[cCsS]$/.test(lhsHead.name) && !!(lhsHead.sub ?? lhsHead.sup) && syms(rhsAll).some((x) => x.name === (lhsHead as Sym).name && /-1/.test(subText(x.sub) + subText(x.sup))) && (['f', 'i'] as const).every((g) => syms(rhsAll).some((x) => gateAt(g, x)));
  // (A state mixed between its previous value and another by one gate, h_t = (1 − z_t) h_{t−1} + z_t h̃_t, with the
  // products juxtaposed or written with ×; a moving average mixes by a Greek rate, β, ρ, and is no gate.)
  const gateOf = (g: Node) => (g.k === 'group' && rowOf(g.body).length === 3 && isNum(rowOf(g.body)[0], 1) && hasOp(g.body, '-') && rowOf(g.body)[2].k === 'sym' ? (rowOf(g.body)[2] as Sym) : null);
  const mixGate = all(rhsAll).map(gateOf).find(Boolean);
  const fromPrevious = lhsHead?.k === 'sym' && syms(rhsAll).some((x) => x.name === (lhsHead as Sym).name && /-1/.test(subText(x.sub) + subText(x.sup)));
  // (A numbered constant, V_t = B_2 V_{t−1} + (1 − B_2) g_t², is a moving average's rate, not a gate.)
  const mixed = !!mixGate && /^([a-zA-Z]|Gamma)$/.test(mixGate.name) && !/^[12]$/.test(indexOf(mixGate.sub)) && fromPrevious && syms(rhsAll).filter((x) => x.name === mixGate.name && show(x) === show(mixGate)).length >= 2;
  if (mixed && !hasLineOp(root, '⊙', '*', '∘', '∗') && lhsHead?.k === 'sym' && /^[hHsSc]$/.test(lhsHead.name)) add('gru', 3.5, GRU_MIX);
  if (hasLineOp(root, '⊙', '*', '∘', '∗') || dotted || cellFromItself) {
    // (Gates are letters: f and i spelled inside a word — `Loss function` — are none.)
    const bare = (x: Node | undefined) => x?.k === 'sym' && !x.sub && !x.sup && !x.mods.length;
    const spelled = new Set(rhsAll.filter((x, k) => bare(x) && (bare(rhsAll[k - 1]) || bare(rhsAll[k + 1]))));
    const letters = new Set(syms(rhsAll).filter((s) => !spelled.has(s)).map((s) => (s.name === 'Gamma' && /^[fuoi]$/.test(indexOf(s.sub)) ? (indexOf(s.sub) === 'u' ? 'i' : indexOf(s.sub)) : s.name.toLowerCase())));
    // (1 − z) as a factor of a product, not an index such as h^{(n−1)}
    const oneMinus = allRows.some((r) => r.some((x, i) => x.k === 'group' && rowOf(x.body).some((y) => isNum(y, 1)) && hasOp(x.body, '-') && !!r[i + 1] && ((r[i + 1].k === 'op' && ['⊙', '∘', '*', '∗', '·', '×'].includes((r[i + 1] as { v: string }).v)) || r[i + 1].k === 'sym' || r[i + 1].k === 'group')));
    const omVar = all(rhsAll).filter((x): x is Group => x.k === 'group' && rowOf(x.body).some((y) => isNum(y, 1)) && hasOp(x.body, '-')).map((g) => rowOf(g.body).find((y): y is Sym => y.k === 'sym')).find(Boolean);
    // (The candidate is marked with a tilde, a hat or a prime: h̃_t, h'^{<t>}.)
    const interp = omVar && syms(rhsAll).filter((x) => x.name === omVar.name).length >= 2 && syms(rhsAll).some((x) => x.mods.includes('tilde') || x.mods.includes('hat') || isPrimed(x));
    // (The cell c with a forget gate f coupled to the input, c_t = f_t ⊙ c_{t−1} + (1 − f_t) ⊙ c̃_t, is an LSTM's.)
    const coupledCell = lhsHead?.k === 'sym' && /^[cC]$/.test(lhsHead.name) && letters.has('f') && !letters.has('z');
    if (oneMinus && coupledCell) add('lstm', 3.5, COUPLED_GATES);
    // (A state is mixed, not logged: y * log(ŷ) + (1 − y) * log(1 − ŷ) is a likelihood's terms.)
    else if (oneMinus && (interp || (letters.has('z') && letters.has('h')) || mixed) && !applies(rhsAll, ['log', 'ln']).length) add('gru', 3.5, 'h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t');
    else if (!oneMinus && lhsHead?.k === 'sym' && syms(rhsAll).some((x) => x.name === (lhsHead as Sym).name && /-1/.test(subText(x.sub) + subText(x.sup))) && syms(rhsAll).some((x) => x.name === (lhsHead as Sym).name && (x.mods.includes('tilde') || x.mods.includes('hat')))) add('lstm', 3.5, 'cell update c_t = f ⊙ c_{t−1} + i ⊙ c̃_t');
    else if ((letters.has('f') && letters.has('i')) || (letters.has('o') && applies(rhsAll, ['tanh']).length)) add('lstm', 3.5, 'LSTM cell/output: f ⊙ c + i ⊙ c̃, o ⊙ tanh(c)');
    // (Goodfellow's letters: s^{(t)} = f^{(t)} ⊙ s^{(t−1)} + g^{(t)} ⊙ σ(…) — the forget gate on the previous cell plus a
    // gated input — and h^{(t)} = tanh(s^{(t)}) ⊙ q^{(t)}, the squashed cell through the output gate q.)
    else if (!oneMinus && fromPrevious && letters.has('f') && termsOf(rhsAll).length >= 2 && applies(rhsAll, ['sigmoid', 'tanh']).length > 0) add('lstm', 3.4, 's_t = f_t ⊙ s_{t−1} + g_t ⊙ σ(…): the forget gate on the previous cell plus a gated input');
    else if (!oneMinus && lhsHead?.k === 'sym' && /^[hH]$/.test(lhsHead.name) && termsOf(rhsAll).length === 1 && applies(rhsAll, ['tanh']).some((a) => { const r = rowOf(a.arg); return r.length === 1 && r[0].k === 'sym' && !/^[hH]$/.test(r[0].name) && stepIndex(r[0]) === stepIndex(lhsHead as Sym); }) && syms(rhsAll).filter((x) => stepIndex(x) === stepIndex(lhsHead as Sym)).length >= 2) add('lstm', 3.3, 'h_t = tanh(s_t) ⊙ q_t: the cell squashed through the output gate');
  }
  const resetGated = (g: Node) => {
    const body = g.k === 'group' ? g.body : g.k === 'apply' ? g.arg : null;
    // (r and h on either side of the product itself: the letters of words in brackets are no gate.)
    const r = body ? rowOf(body) : [];
    // (In capitals, R_t ⊙ H_{t−1}, as the d2l book writes a batch; the state s of Goodfellow's letters; ∘ for the product.)
    const named = (x: Node | undefined, n: RegExp) => !!x && x.k === 'sym' && n.test(x.name);
    const hLike = (x: Node | undefined) => named(x, /^[hHs]$/) || (!!x && x.k === 'group' && /^[hHs]$/.test(syms(x.body)[0]?.name ?? ''));
    return r.some((x, i) => x.k === 'op' && ['⊙', '*', '∘'].includes(x.v) && ((named(r[i - 1], /^[rR]$/) && hLike(r[i + 1])) || (hLike(r[i - 1]) && named(r[i + 1], /^[rR]$/))));
  };
  if (every.some(resetGated)) add('gru', 3.5, 'candidate tanh(W x + U(r ⊙ h_{t−1}))');
  // (A mask's letter, m_d, M^{(k)}, r_j, ξ, d, sampled from a Bernoulli; Y ∼ Bernoulli(p) is a label's distribution.)
  // (So is y | x ∼ Bernoulli(·), the label given the input.)
  // (The lines of a block, y &∼ Bernoulli(p), are read with their cells joined.)
  const lines = cellsJoined(root);
  const label = (x: Node | undefined) => x?.k === 'sym' && /^[yYtT]$/.test(x.name);
  const bernoullis = applies(root, ['bernoulli']);
  const labelled = lines.some((r) => label(r.find((x, i) => r[i + 1]?.k === 'op' && (r[i + 1] as { v: string }).v === '~'))) || (label(root[0]) && root[1]?.k === 'op' && root[1].v === '|');
  if (bernoullis.length && hasOp(root, '~') && !labelled) add('dropout', 3.4, 'a Bernoulli mask');
  // (The label's Bernoulli with the sigmoid of a linear score for its probability, y | x ∼ Bernoulli(σ(xᵀβ)): logistic regression.)
  const linearScore = (n: Node) => { const r = rowOf(n); return hasTranspose(r) || dots(r).length > 0 || !!affine(r) || dataTimesCoefficients(r) || fittedLine(r); };
  const squashedScore = (r: Row) => {
    if (r.length !== 1) return false;
    const score = sigmoidForm(r[0]) ?? (r[0].k === 'apply' && r[0].fn === 'sigmoid' ? r[0].arg : null);
    return !!score && linearScore(score);
  };
  if (labelled && hasOp(root, '~') && bernoullis.some((b) => squashedScore(rowOf(b.arg)))) add('logistic-regression', 3.3, 'y | x ∼ Bernoulli(σ(xᵀβ)): the label drawn with the sigmoid of a linear score as its probability');
  // (The mask m, r, ξ or M, R, times the state however the product is written: m ⊙ h/(1 − p), ξ_i h_i/(1 − p), Y R/(1 − p).)
  const maskOver = (row: Row) => row.some((f, i) => {
    if (f.k !== 'frac' || subText(f.den).replace(/[()\s]/g, '') !== '1-p') return false;
    const num = syms(f.num);
    const mask = num.some((x) => /^(m|r|M|R|xi|Xi)$/.test(x.name));
    return mask && (new Set(num.map((x) => x.name)).size >= 2 || row[i + 1]?.k === 'sym');
  });
  if (maskOver(root)) add('dropout', 3.4, 'mask ⊙ h / (1 − p)');
  // (A letter subscripted "drop", p_{drop}, h_{\text{drop}}: the drop probability or the dropped-out state names dropout.)
  if (parts.length > 1 && every.some((x) => x.k === 'sym' && /^drop(out)?$/i.test(subText(x.sub).replace(/\s/g, '')))) add('dropout', 3.3, 'p_drop, h_drop: the drop probability and the state after dropout');
  if (applies(root, ['bernoulli']).length && applies(root, ['sigmoid']).length) add('logistic-regression', 3, 'Bernoulli(y | σ(w^T x))');
  // (An arrow over an input or a parameter, \overrightarrow{x}, is a vector's mark: only states read in two directions.)
  const directed = every.filter((x): x is Sym => x.k === 'sym' && (x.mods.includes('fwd') || x.mods.includes('bwd')));
  // (A state read right to left, or a right-arrow state next to another state: one arrowed state alone, →s = W u + b, is a
  // vector's mark too.)
  // (Every state with a right arrow, a gate's line of a left-to-right LSTM: one direction only.)
  const oneWay = syms(root).filter((x) => /^[hsHS]$/.test(x.name)).every((x) => x.mods.includes('fwd'));
  if (directed.some((x) => x.mods.includes('bwd')) || (!oneWay && directed.some((x) => /^[hsHSz]$/.test(x.name)) && (directed.length >= 2 || new Set(syms(root).filter((x) => /^[hsHS]$/.test(x.name)).map((x) => show(x))).size >= 2))) add('bidirectional-rnn', 3.6, '[→h ; ←h]');
  // concatenated window embeddings: [e^{(1)}; e^{(2)}; …] or W[e_{t−3}; e_{t−2}; e_{t−1}]
  for (const g of every.filter((x): x is Group => x.k === 'group' && x.delim === '[' && hasOp(x.body, ';'))) {
    const ss = rowOf(g.body).filter((x): x is Sym => x.k === 'sym');
    const bases = new Set(ss.map((s) => s.name));
    const segs: Node[][] = [[]];
    for (const x of rowOf(g.body)) {
      if (x.k === 'op' && x.v === ';') segs.push([]);
      else segs[segs.length - 1].push(x);
    }
    const firsts = segs.map((sg) => sg.find((x): x is Sym => x.k === 'sym')?.name);
    const sameFirst = segs.length >= 2 && firsts.every((f) => f && f === firsts[0]) && ['e', 'x'].includes(firsts[0] ?? '');
    // (A vector written by its entries, x = [x_1; x_2; …; x_D], is no window: the letter on the left is the one listed.)
    const ownEntries = lhsHead?.k === 'sym' && lhsHead.name === ss[0]?.name && !lhsHead.sub && ss.some((x) => /^[DdNnMmKk]$/.test(subText(x.sub)));
    if (((ss.length >= 2 && bases.size === 1 && ['e', 'x'].includes(ss[0].name)) || sameFirst) && !hasOp(g.body, '…') && !ownEntries) add('fixed-window-lm', 3, 'concatenated embeddings of a fixed window');
  }
  // w_0 + x w_1 = y, x_pᵀw ≈ y_p: a line (hyperplane) through the data, with the target on the right.
  {
    const target = (r: Row) => r.length === 1 && r[0].k === 'sym' && r[0].name === 'y' && !r[0].mods.includes('hat');
    const intercept = (r: Row) => r.some((x) => x.k === 'sym' && /^(w|theta|beta)$/.test(x.name) && subText(x.sub) === '0');
    const plain = (r: Row) => !applies(r).some((a) => ACTIVATIONS.includes(a.fn) || ['exp', 'log', 'ln', 'softmax'].includes(a.fn)) && !r.some((x) => x.k === 'frac' || x.k === 'big');
    // (A matrix of weights, xᵀW ≈ y, maps to several outputs: not one line.)
    const vectorWeights = (r: Row) => !syms(r).some((x) => /^(W|Theta|B)$/.test(x.name));
    const body = (r: Row) => r.filter((x) => !(x.k === 'op' && (x.v === '.' || x.v === ',')));
    if (parts.length === 2 && ['=', '≈'].includes(rels[0]) && target(body(parts[1])) && plain(parts[0]) && vectorWeights(parts[0]) && (hasTranspose(parts[0]) || (hasOp(parts[0], '+') && intercept(parts[0])))) add('linear-regression', 3, 'w_0 + x w_1 ≈ y: a line through the data');
    // model(x_p, w) = x_pᵀ w: the linear model given a name.
    if (parts.length === 2 && lhsApply && /^model$/i.test(lhsApply.fn) && plain(parts[1]) && vectorWeights(parts[1]) && hasTranspose(parts[1]) && body(parts[1]).length <= 2) add('linear-regression', 2.8, 'model(x, w) = xᵀw');
  }
  // L′[φ] = L[φ] + λ·(…): a loss with a penalty added, weighted by λ.
  {
    const base = (x: Node | undefined) => (x?.k === 'apply' && x.head.k === 'sym' ? x.head.name : x?.k === 'sym' ? x.name : '');
    const lossLetter = (x: Node | undefined) => /^(L|J|E|ell|R|C)$/.test(base(x));
    const first = rhsAll[0];
    // (L[φ] with square brackets is a call too.)
    const called = (r: Row) => r.length === 1 || (r.length === 2 && r[1].k === 'group' && r[1].delim === '[');
    const at = rhsAll.findIndex((x, i) => x.k === 'op' && x.v === '+' && rhsAll[i + 1]?.k === 'sym' && /^(lambda|alpha|beta|gamma)$/.test((rhsAll[i + 1] as Sym).name));
    // (What λ weighs is a penalty, not a second loss: L₃ = L₂ + λL₁ combines two objectives.)
    const penalty = at > 0 && !rhsAll.slice(at + 2).some((x) => lossLetter(x) && base(x) === base(lhs[0]));
    if (parts.length === 2 && called(lhs) && lossLetter(lhs[0]) && lossLetter(first) && base(first) === base(lhs[0]) && show(first) !== show(lhs[0]) && called(rhsAll.slice(0, at).filter((x) => !(x.k === 'op'))) && penalty) add('regularization', 3.4, 'L′ = L + λ·(penalty): a loss with a penalty added');
  }
  // --- training ---
  const stepLetter = (r: Row) => syms(r).some((x) => /^(eta|alpha|epsilon|varepsilon|lr)$/.test(x.name)) || r.some((x) => x.k === 'name' && /^(lr|learning_?rate)$/i.test(x.v)) || applies(r).some((a) => STEP_SIZE.test(a.fn));
  // (Before a gradient alone, −γ ∂E/∂w, a γ is the step size too.)
  const gradientStepLetter = (r: Row) => stepLetter(r) || syms(r).some((x) => x.name === 'gamma');
  // g(w) = Σ_p g_p(w), (1/P) Σ_p g_p(w): a cost defined as the (average) sum of the same function per example.
  // (C = (1/N) Σ_k C_k too, without the parameters written.)
  const costLetter = lhsApply && lhsApply.head.k === 'sym' && !lhsApply.head.sub ? lhsApply.fn : lhs.length === 1 && lhs[0].k === 'sym' && !lhs[0].sub && !lhs[0].sup && !lhs[0].mods.length && /^[A-Za-z]$/.test(lhs[0].name) ? lhs[0].name : '';
  if (parts.length === 2 && costLetter) {
    const body = rhsAll.filter((x) => x.k !== 'frac' && !(x.k === 'op' && (x.v === '·' || x.v === '.')));
    const term = body[1];
    // (Q(w) = (1/ℓ) Σ_i q_i(w): the per-example letter may be the lower-case one.)
    const perExample = !!term && ((term.k === 'apply' && term.fn.toLowerCase() === costLetter.toLowerCase() && term.head.k === 'sym' && !!term.head.sub) || (!lhsApply && term.k === 'sym' && term.name === costLetter && !!term.sub));
    if (body.length === 2 && body[0].k === 'big' && body[0].v === 'sum' && perExample) add('empirical-risk', 3.2, 'g(w) = Σ_p g_p(w): the cost summed over the examples');
  }
  // F(x) = (1/N) Σ_i f(x, Y_i), 𝔼[f(x, Y)] ≈ (1/N) Σ_i f(x, Y_i): one function of the parameters and an example,
  // averaged over the examples.
  if (parts.length === 2 && (costLetter || syms(lhs).some((x) => x.name === 'E' && x.mods.includes('bb')))) {
    const body = rhsAll.filter((x) => x.k !== 'frac' && !(x.k === 'op' && (x.v === '·' || x.v === '.')));
    const [sum, term] = body;
    const index = sum?.k === 'big' && sum.v === 'sum' ? syms(sum.sub)[0]?.name : undefined;
    // (The example's index below or, as Hung-yi Lee writes it, above: C(f(x^n), ŷ^n).)
    const ofExample = term?.k === 'apply' && term.head.k === 'sym' && !term.head.sub && /^([a-zA-Z]|ell)$/.test(term.head.name) && term.fn !== costLetter && hasOp(term.arg, ',') && rowOf(term.arg).some((x) => x.k === 'sym' && (indexOf(x.sub) === index || (!x.sub && indexOf(x.sup).replace(/[()]/g, '') === index)));
    if (body.length === 2 && index && ofExample) add('empirical-risk', 3.2, 'F(x) = (1/N) Σ_i f(x, Y_i): one function of the parameters and an example, averaged over the examples');
  }
  // w^{k} = w^{k−1} + α d^{k−1}: a step along a descent direction; d^{k−1} = −∇g(w^{k−1}): the direction itself.
  // (Two indices, w^{k,p}, step through the examples one at a time: the stochastic step.)
  const iterScript = (x: Node | undefined) => (x && x.k === 'sym' ? subText(x.sup) || subText(x.sub) : '').replace(/\s/g, '');
  const directionStep = lhsHead?.k === 'sym' && parts.length === 2 && rhsAll[0]?.k === 'sym' && (rhsAll[0] as Sym).name === lhsHead.name && iterScript(lhsHead) !== '' && iterScript(rhsAll[0]) !== iterScript(lhsHead) && rhsAll[1]?.k === 'op' && (rhsAll[1] as { v: string }).v === '+' && stepLetter(rhsAll.slice(2, 3)) && rhsAll.slice(3).length === 1 && rhsAll[3]?.k === 'sym' && /^(d|p)$/.test((rhsAll[3] as Sym).name);
  if (directionStep) add(iterScript(lhsHead).includes(',') ? 'minibatch-sgd' : 'gradient-descent', 3.1, 'w^k = w^{k−1} + α d^{k−1}: a step along the descent direction');
  if (lhsHead?.k === 'sym' && /^(d|p)$/.test(lhsHead.name) && iterScript(lhsHead) !== '' && parts.length === 2 && rhsAll[0]?.k === 'op' && (rhsAll[0] as { v: string }).v === '-' && rhsAll[1]?.k === 'sym' && (rhsAll[1] as Sym).name === 'nabla') {
    const overSome = bigs(rhsAll, 'sum').some((b) => 'sub' in b && /∈|\\in\b/.test(show(b.sub)));
    add(iterScript(lhsHead).includes(',') || overSome ? 'minibatch-sgd' : 'gradient-descent', 3.1, 'd = −∇g: the descent direction, minus the gradient');
  }
  // (The step is a gradient or a bracketed expression of one; a lone velocity, θ − α v(t), is momentum's.)
  const explicitStep = (r: Row) => hasGradient(r) || applies(r).some((a) => STEP_SIZE.test(a.fn) && rowOf(a.arg).length > 2) || r.some((x) => x.k === 'group' && rowOf(x.body).length > 2);
  // (A rate written with another letter, θ_j := θ_j − a (1/m) Σ …, is still one when a sum over the examples follows.)
  const anyRate = (r: Row) => ((r[0]?.k === 'sym' && !r[0].sub && /^[a-z]$/.test(r[0].name)) || (r[0]?.k === 'apply' && /^[a-z]$/.test(r[0].fn))) && bigs(r, 'sum').length > 0;
  const assign = rels.includes('←') || rels.includes(':=') || (rels.includes('=') && lhsHead?.k === 'sym' && rhsAll[0]?.k === 'sym' && (rhsAll[0] as Sym).name === lhsHead.name);
  // (θ ← θ + η∇ℓ climbs a log-likelihood: gradient ascent, the same step with the sign of what it climbs.)
  // (The gradient may be its letter alone, x ← x + η g.)
  const gLetter = (r: Row) => r.length === 1 && r[0].k === 'sym' && r[0].name === 'g';
  // (Or the error written out and times the input, θ_j ← θ_j + α (y − h_θ(x)) x_j, (y − Xθ)ᵀ x_j: the LMS rule, the likelihood's
  // gradient climbed; a running mean's μ ← μ + α (x − μ) has no prediction in its bracket and no input after it.)
  const errorTimesInput = (r: Row) => {
    const inside = (x: Node) => (x.k === 'group' ? x.body : x.k === 'apply' && STEP_SIZE.test(x.fn) ? x.arg : undefined);
    const at = r.findIndex((x) => { const b = inside(x); return !!b && hasOp(b, '-') && all(b).some((y) => y.k === 'apply' || (y.k === 'sym' && (y.mods.includes('hat') || y.name === 'X'))); });
    return at >= 0 && r.slice(at + 1).some((x) => x.k === 'sym' && /^[xX]$/.test(x.name));
  };
  const ascent = rhsAll[1]?.k === 'op' && rhsAll[1].v === '+' && stepLetter(rhsAll.slice(2, 3)) && (hasGradient(rhsAll.slice(3)) || gLetter(rhsAll.slice(3)) || errorTimesInput(rhsAll.slice(2)));
  // (w(k + 1) = w(k) − η∇E: the iterate written as a function of the step.)
  // (Or the current iterate written with a script, w(k + 1) = w^k − η ∂E/∂w.)
  const iterateCall = lhsHead?.k === 'apply' && /^[tkni]\+1$/.test(show(lhsHead.arg).replace(/\s/g, '')) && ((rhsAll[0]?.k === 'apply' && (rhsAll[0] as Apply).fn === lhsHead.fn && /^[tkni]$/.test(show((rhsAll[0] as Apply).arg).replace(/\s/g, ''))) || (rhsAll[0]?.k === 'sym' && (rhsAll[0] as Sym).name === lhsHead.fn && /^\(?[tkni]\)?$/.test(iterScript(rhsAll[0]))));
  if ((assign || iterateCall) && parts.length > 1 && (ascent || rhsAll.some((x) => x.k === 'op' && x.v === '-'))) {
    const first = rhsAll[0];
    // (A word's first letter on both sides, `Vector(woman) = Vector(man) + …`, is no variable updated.)
    const sameVar = iterateCall || (lhsHead?.k === 'sym' && first?.k === 'sym' && first.name === lhsHead.name && !inWords(lhs).has(lhsHead)) || (lhs.length === 1 && lhs[0].k === 'group' && !!first && show(first) === show(lhs[0]));
    const minusAt = ascent ? 1 : rhsAll.findIndex((x) => x.k === 'op' && x.v === '-');
    const step = rhsAll.slice(minusAt + 1);
    // (The letters of a script, the g of `w_{img}`, are no gradient.)
    const scripted = inScripts(step);
    // (A step through an inverse Hessian, x − [∇²f]⁻¹ ∇f, is Newton's method: outside the catalog.)
    // (Nor is a step by the gradient's sign alone, Rprop's V − sign(∂E/∂V) Δ.)
    const newton = throughAnInverse(step) || all(step).some((x) => x.k === 'sym' && x.name === 'nabla' && subText(x.sup) === '2') || applies(step).some((a) => /^(sign|sgn)$/.test(a.fn)) || step.some((x) => x.k === 'name' && /^(sign|sgn)$/.test(x.v));
    // (δ_j, the error term backpropagation computes, is the gradient with respect to the pre-activation.)
    // (θ ← θ − η∇E − ηλθ, w − η g − λ η w: the step also shrinks the parameter by λ, weight decay.)
    // (A period closing the step is punctuation.)
    const decay = sameVar && lhsHead?.k === 'sym' && weightDecayStep(step, lhsHead.name);
    // (Written as its own term, the decay is part of the step: notes call the line gradient descent, on a penalised
    // loss. Factored out, (1 − ηλ) θ − η ∂L/∂θ, it is named for the decay: see detectForms.)
    if (decay) {
      // (A derivation that ends in the factored form, … = (1 − ηλ) θ − η ∂L/∂θ, is named for the decay there.)
      if (parts.slice(1).some(factoredDecay)) add('regularization', 3.9, 'θ ← θ − η∇E − ηλθ = (1 − ηλ) θ − η∇E: weight decay');
      // (Over a batch, w − ηλ sgn(w) − η/|B| Σ_{i∈B} …, a minibatch step.)
      else if (batchOfStep(step)) add('minibatch-sgd', 3.9, DECAYING_BATCH_STEP);
      else add('gradient-descent', 3.9, DECAYING_STEP);
      add('regularization', 2.4, 'θ ← θ − η∇E − ηλθ: the step also shrinks the weights (weight decay)');
    }
    // (f′(x_t), f'_{x_t}: a derivative written with a prime, after a rate, is the gradient of a function of one variable; so
    // is the gradient written as a function, a rate times g(x_k).)
    else if (sameVar && !newton && ((stepLetter(step.slice(0, 1)) && all(step).some((x) => (x.k === 'sym' || x.k === 'apply') && isPrimed(x) && /^(f|g|L|J|E)/.test(x.k === 'sym' ? x.name : x.fn))) || hasGradient(step) || all(step).some((x) => (x.k === 'sym' && (x.name === 'g' || (x.name === 'delta' && !!(x.sub || x.sup))) && !scripted.has(x)) || errorTimesBracket(x)) || (stepLetter(step.slice(0, 1)) && step.length === 2 && step[1].k === 'apply' && step[1].fn === 'g'))) {
      // (A sum under a square root in the step's denominator is a per-parameter adaptive rate, AdaGrad-like: not
      // plain gradient descent, and not a batch.)
      // (So is any square root the rate is divided by, η/√(s_t + ε) ⊙ g_t, unless it is Adam's corrected second moment.)
      const adaptive = step.some((x) => x.k === 'frac' && overARoot(x));
      const batch = batchOfStep(step);
      const sum = bigs(step, 'sum').length > 0;
      if (adaptive) add('gradient-descent', 1.5, 'θ ← θ − α/√(Σ g²) g: an adaptive step');
      else if (batch) add('minibatch-sgd', 3.5, batch === 'sampled' ? SAMPLED_STEP : BATCH_STEP);
      else if (sum) {
        // (The words say which: a sum over the data, or over a minibatch.)
        add('gradient-descent', 3.45, 'θ ← θ − η ∇ Σ_i ℓ_i: the gradient over the examples');
        add('minibatch-sgd', 2.9, 'θ ← θ − η Σ_i ∇ℓ_i: a sum of examples\' gradients, over a minibatch when the words say so');
      }
      // The gradient of one example's loss (x_i, y_i, ℓ_i, g_p): a gradient step (notes call it gradient descent; the words
      // may say it is stochastic).
      // (x_{i+1} = x_i − α∇f(x_i): the point updated is x itself, its index the step, no example.)
      else if (!(lhsHead?.k === 'sym' && lhsHead.name === 'x') && all(step).some((x) => (x.k === 'sym' || x.k === 'apply') && /^(x|y|L|J|ell|l|g|E|C)$/.test(x.k === 'sym' ? x.name : x.fn) && /^[ijnp]$/.test(subText(x.k === 'sym' ? x.sub : x.head.k === 'sym' ? x.head.sub : undefined).replace(/[()]/g, '')))) {
        // (θ^{k,n}: the step and the example both counted on the iterate, a stochastic step.)
        const counted = iterScript(lhsHead).includes(',');
        add(counted ? 'minibatch-sgd' : 'gradient-descent', 3.45, counted ? 'θ^{k,n} ← θ^{k−1,n−1} − η ∇ℓ_n: the step and the example both counted, a stochastic step' : 'θ ← θ − η ∇ℓ(x_i, y_i): a gradient step on one example\'s loss');
      }
      else add('gradient-descent', 3.4, 'θ ← θ − η ∇L');
    // (Adam's step divides a moment — m̂, ŝ, V_{dW} — by the root of the other; the gradient itself over the root, dW/√S,
    // is RMSProp's or AdaGrad's step, and a rate over the root alone moves by no moment: neither is Adam's.)
    } else if (sameVar && step.some((x) => x.k === 'frac' && all(x.den).some((y) => y.k === 'sqrt')) && momentInStep(step)) add('adam', 3.5, 'θ ← θ − α m̂/(√v̂ + ε)');
    // (AdamW's step, θ − η (m̂/(√v̂ + ε) + λθ): the moments' ratio in a bracket beside the decay.)
    else if (sameVar && step.some((g) => g.k === 'group' && rowOf(g.body).some((x) => x.k === 'frac' && all(x.den).some((y) => y.k === 'sqrt') && syms(x.num).some((y) => /^[mM]$/.test(y.name) && y.mods.some((m) => m === 'hat' || m === 'widehat'))))) add('adam', 3.5, 'θ ← θ − η (m̂/(√v̂ + ε) + λθ): Adam\'s step with the decay beside it (AdamW)');
    // (α(h(x) − y) reads as α applied to the bracket.)
    // (The minus on the bracket's line: a − inside an index, (a^{l−1})ᵀ, is no difference.)
    else if (sameVar && !newton && (stepLetter(step.slice(0, 2)) || anyRate(step)) && (step.some((x) => x.k === 'group' && hasLineOp(x.body, '-')) || applies(step).some((a) => hasLineOp(a.arg, '-')))) {
      // θ := θ − α/m Xᵀ(g(Xθ) − y), θ_j := θ_j − α (h(x⁽ⁱ⁾) − y⁽ⁱ⁾) x_j⁽ⁱ⁾: the gradient written out (prediction
      // minus target times the input), over the data or for one example.
      const oneExample = !bigs(step, 'sum').length && !syms(step).some((x) => /^[XA-Z]$/.test(x.name) && isTransposeSup(x.sup)) && syms(step).some((x) => /\(?i\)?/.test(subText(x.sup) + subText(x.sub)));
      // (The update is what the formula is: a model written inside its step is the gradient's content.)
      add('gradient-descent', 3.5, oneExample ? 'θ ← θ − α (h(x⁽ⁱ⁾) − y⁽ⁱ⁾) x⁽ⁱ⁾: a gradient step on one example' : 'θ ← θ − α/m Xᵀ(h(X) − y): the gradient written out');
    }
  }
  // (Over m or M examples it is a minibatch's gradient only as an estimate written g or ĝ; ∇J = (1/m) Σ … is the
  // gradient of the cost over the m examples of the data.)
  const batchCount = (f: Frac) => syms(f.den).some((x) => ['B', 'b'].includes(x.name) || (x.name === 'm' && x.mods.includes('prime')));
  const estimateLhs = parts.length > 1 && lhs.length === 1 && lhs[0].k === 'sym' && /^(g|G)$/.test(lhs[0].name);
  if (fracs(root).some((f) => onlyNum(f.num, 1) && (batchCount(f) || (estimateLhs && syms(f.den).some((x) => ['m', 'M'].includes(x.name))))) && hasSym(root, 'nabla') && bigs(root, 'sum').length) add('minibatch-sgd', 3.3, 'ĝ = (1/m) ∇ Σ_i L_i over a minibatch');
  // Δθ = −η ∂E/∂θ: the change of a parameter is minus a step size times its gradient.
  // (The parameter may carry its step as an argument, Δw(t) = −ε ∂E/∂w(t).)
  if (parts.length > 1 && lhs.length === 2 && lhs[0].k === 'sym' && lhs[0].name === 'Delta' && (lhs[1].k === 'sym' || (lhs[1].k === 'apply' && lhs[1].head.k === 'sym')) && rhsAll[0]?.k === 'op' && rhsAll[0].v === '-' && gradientStepLetter(rhsAll.slice(0, 3)) && (hasGradient(rhsAll) || applies(rhsAll).some((a) => a.head.k === 'sym' && a.head.mods.includes('prime')))) add('gradient-descent', 3.2, 'Δθ = −η ∂E/∂θ');
  // Δw = −η (ŷ_i − y_i) x_i: the gradient written out for one example.
  else if (parts.length > 1 && lhs.length === 2 && lhs[0].k === 'sym' && lhs[0].name === 'Delta' && rhsAll[0]?.k === 'op' && rhsAll[0].v === '-' && stepLetter(rhsAll.slice(0, 3)) && explicitStep(rhsAll.slice(1))) add(syms(rhsAll).some((x) => /^i$/.test(subText(x.sub))) && !bigs(rhsAll, 'sum').length ? 'minibatch-sgd' : 'gradient-descent', 3.1, 'Δw = −η (ŷ − y) x: the gradient written out');
  // (Δw = −∂E/∂w, the rate left out: the step against the gradient of the weight on the left.)
  else if (parts.length === 2 && lhs.length === 2 && lhs[0].k === 'sym' && lhs[0].name === 'Delta' && lhs[1].k === 'sym' && unratedStep(lhs[1], rhsAll)) add('gradient-descent', 2.9, 'Δw = −∂E/∂w: a step against the gradient, its rate left out');
  // v^{t+1} = v^t ± α (…), x^{(k+1)} = x^{(k)} − α d: the next iterate from the current one and a step size.
  const iterate = (x: Node | undefined, next: boolean) => !!x && x.k === 'sym' && (next ? /^\(?[tk]\+1\)?$/ : /^\(?[tk]\)?$/).test((subText(x.sup) || subText(x.sub)).replace(/\s/g, '').replace(/^.*,/, ''));
  // (The step may be written out as the residual times the input, θ^{t+1} = θ^t + ρ Σ_n (y_n − θᵀx_n) x_n, with any rate
  // letter; a β is momentum's rate unless it is the iterate itself.)
  const residualBody = (b: Node) => /^[yY]$/.test(syms(b)[0]?.name ?? '') && hasOp(b, '-');
  const residualIn = (r: Row) => all(r).some((x) => (x.k === 'group' && residualBody(x.body)) || (x.k === 'apply' && residualBody(x.arg)));
  const rated = (r: Row) => stepLetter(r.slice(0, 2)) || (residualIn(r) && syms(r.slice(0, 2)).some((x) => /^(rho|lambda|gamma|mu)$/.test(x.name)));
  // (x_{t+1} = x_t − 200 η x_t: a step proportional to the iterate itself, the gradient of a quadratic written out.)
  const proportional = (r: Row) => rhsAll[1]?.k === 'op' && rhsAll[1].v === '-' && isNum(r[0]) && stepLetter(r.slice(1, 2)) && r.slice(2).some((x) => x.k === 'sym' && x.name === (lhs[0] as Sym).name && iterate(x, false));
  if (parts.length === 2 && lhs.length === 1 && iterate(lhs[0], true) && iterate(rhsAll[0], false) && (rhsAll[0] as Sym).name === (lhs[0] as Sym).name && rhsAll[1]?.k === 'op' && ['+', '-'].includes(rhsAll[1].v) && ((rated(rhsAll.slice(2)) && (explicitStep(rhsAll.slice(2)) || residualIn(rhsAll.slice(2)))) || proportional(rhsAll.slice(2))) && ((lhs[0] as Sym).name === 'beta' || !syms(rhsAll).some((x) => x.name === 'beta'))) add('gradient-descent', 3, 'θ^{t+1} = θ^t − α (…): one step of the iteration');
  // max_θ of the log-probability of the data (an expectation or a sum of log p): maximum likelihood.
  // (Or over what indexes the model, max_φ Σ log p_φ(x_i), or over the models themselves, max_{p ∈ M} Σ log p(x).)
  const maxOverModel = (over: Node | undefined, l: Apply) => applies(l.arg).some((a) => isProb(a) && (syms(over).some((y) => PARAM_LETTER.test(y.name) || (a.head.k === 'sym' && subText(a.head.sub) === y.name)) || syms(over)[0]?.name === a.fn));
  const maxOver = root.findIndex((x, i) => x.k === 'name' && /^(max|argmax)$/.test(x.v.toLowerCase()) && applies(root.slice(i + 1), ['log', 'ln']).some((l) => maxOverModel(x.sub, l)));
  if (maxOver >= 0) add('maximum-likelihood', 3.2, 'max_θ E[log p_θ(y | x)]');
  // ℓ(β) = Σ ln(…): the log-likelihood of parameters written as a sum of logs (no minus: not a loss).
  // (ℓ(w, b): the parameters listed.)
  const paramsOnly = (r: Row) => r.length > 0 && r.every((y) => (y.k === 'op' && y.v === ',') || (y.k === 'sym' && (PARAM_LETTER.test(y.name) || y.name === 'b')));
  if (lhsApply && /^(ell|l|L)$/.test(lhsApply.fn) && syms(lhsApply.arg).some((y) => PARAM_LETTER.test(y.name)) && (rowOf(lhsApply.arg).length === 1 || paramsOnly(rowOf(lhsApply.arg))) && bigs(rhsAll, 'sum').length > 0 && rhsAll[0]?.k === 'big' && applies(rhsAll, ['log', 'ln']).length > 0) add('maximum-likelihood', 2.8, 'ℓ(θ) = Σ log p(y_i | x_i; θ): the log-likelihood');
  // θ̂_{MLE} = …, μ̂_{ML} = …: the estimate is named by its subscript — the maximum-likelihood estimate, worked out.
  // (A macro for the letter may leave the name braced after it, `\vw{MLE}` → w{MLE}; found by an arg max or min, it is
  // the estimate's definition.)
  const mleName = (t: string) => /^(mle|ml)$/.test(t.toLowerCase().replace(/[^a-z]/g, ''));
  const namedEstimate = lhs[0]?.k === 'sym' && (lhs.length === 1 ? mleName(subText(lhs[0].sub)) : lhs.length === 2 && lhs[1].k === 'group' && mleName(spelled(rowOf(lhs[1].body))));
  const optimised = all(rhsAll).some((x) => (x.k === 'name' && /^arg ?(min|max)$/i.test(x.v)) || (x.k === 'apply' && /^arg ?(min|max)$/i.test(x.fn)));
  if (parts.length >= 2 && namedEstimate) add('maximum-likelihood', optimised ? 3.6 : 3.3, 'θ̂_MLE = …: the maximum-likelihood estimate, named by its subscript');
  // 𝓛 = Σ log P(y | x), with no minus: a sum of the log-probabilities of what is predicted, the objective maximum
  // likelihood maximises — too common a shape to name alone; the words (likelihood, maximise) decide.
  const lossLetterLhs = parts.length === 2 && lhs.length === 1 && ((lhs[0].k === 'sym' && /^(L|ell|l|J)$/.test(lhs[0].name)) || (lhs[0].k === 'apply' && /^(L|ell|l|J)$/.test(lhs[0].fn)));
  const rhsLogs = applies(rhsAll, ['log', 'ln']);
  const sumOfLogProb = rhsAll[0]?.k === 'big' && rhsAll[0].v === 'sum' && !hasLineOp(rhsAll, '-', '+') && rhsLogs.length === 1 && applies(rhsLogs[0].arg).some((q) => isProb(q) && condBarOf(q));
  if (lossLetterLhs && sumOfLogProb) add('maximum-likelihood', 1.7, 'Σ log P(y | x): the log-probability of the data, which maximum likelihood maximises');
  // log L(θ) = …, ln 𝓛(θ | t, z) = …, arg max_θ log L(θ): the log of the likelihood of parameters.
  {
    // (ln P(x_1, …, x_n; μ, σ): the probability of the data with the parameters after the semicolon is a likelihood too.)
    // (p(D), p(𝒟 | θ): the probability of the data set is its likelihood.)
    const likelihood = (a: Node) => a.k === 'apply' && ((/^(L|ell)$/.test(a.fn) && syms(a.arg).some((y) => PARAM_LETTER.test(y.name))) || (/^[pP]$/.test(a.fn) && hasOp(a.arg, ';') && !hasOp(a.arg, '|')) || ofDataSet(a));
    const logOfL = (r: Row) => r.some((x) => x.k === 'apply' && ['log', 'ln'].includes(x.fn) && rowOf(x.arg).length === 1 && likelihood(rowOf(x.arg)[0]));
    const optimised = root.some((x) => x.k === 'name' && /^arg ?max$/i.test(x.v));
    // (ℓ(θ) = ln L(θ): the log-likelihood defined as the log of the likelihood.)
    const definedAsLog = !!lhsApply && /^(ell|l)$/.test(lhsApply.fn) && rhsAll.length === 1 && logOfL(rhsAll);
    if ((parts.length >= 2 && lhs.length === 1 && logOfL(lhs) && (bigs(rhsAll, 'sum').length > 0 || bigs(rhsAll, 'prod').length > 0 || applies(rhsAll, ['log', 'ln']).length > 1)) || (parts.length === 1 && optimised && logOfL(root)) || definedAsLog) add('maximum-likelihood', 3.1, 'log L(θ) = …: the log-likelihood of the parameters');
    // (u(θ) = log(L(θ)), l = log L(μ, σ²) = …: a letter defined as the log of the likelihood of parameters; and L(θ) =
    // p(x_1, …, x_n | θ), L(p) = f(x_1, …, x_n | p): the likelihood defined as the data's probability given them.)
    const ofParams = (a: Node) => a.k === 'apply' && a.fn === 'L' && syms(a.arg).length > 0 && syms(a.arg).every((y) => /^(theta|Theta|w|W|beta|omega|mu|sigma|pi|lambda|phi|alpha|p|q|n|k)$/.test(y.name)) && syms(a.arg).some((y) => y.name !== 'n' && y.name !== 'k');
    const one = (r: Row | undefined) => (r && r.length === 1 ? r[0] : undefined);
    const logged = one(parts[1]);
    const logOfParams = logged?.k === 'apply' && ['log', 'ln'].includes(logged.fn) && rowOf(logged.arg).length === 1 && (likelihood(rowOf(logged.arg)[0]) || ofParams(rowOf(logged.arg)[0]));
    const lhsOne = one(lhs);
    const logLetter = !!lhsOne && ((lhsOne.k === 'sym' && /^(l|ell|u)$/.test(lhsOne.name) && !lhsOne.sub) || (lhsOne.k === 'apply' && /^(l|ell|u)$/.test(lhsOne.fn)));
    const dataGiven = (a: Node | undefined) => a?.k === 'apply' && /^[pPf]$/.test(a.fn) && (hasOp(a.arg, '|') || hasOp(a.arg, ';'));
    // (Primed, u(θ)′ = log(L(θ))′, it is the derivative taken to find the maximum.)
    const primed = /['′]|prime/.test(show({ k: 'row', items: [...lhs, ...(parts[1] ?? [])] }));
    if (parts.length >= 2 && !primed && ((logLetter && logOfParams) || (!!lhsOne && ofParams(lhsOne) && dataGiven(one(parts[1]))))) add('maximum-likelihood', 3.1, 'ℓ(θ) = log L(θ), L(θ) = p(x_1, …, x_n | θ): the likelihood of the parameters');
    // max L = Π f(x_i), max ln L⁻ = Σ ln(1 − f(x_i)): the likelihood (or its log) maximised.
    if (parts.length >= 2 && maximisedLikelihood(lhs) && (bigs(rhsAll, 'sum').length > 0 || bigs(rhsAll, 'prod').length > 0)) add('maximum-likelihood', 3.3, LIKELIHOOD_MAXIMISED);
  }
  // f = f_L ∘ f_{L−1} ∘ … ∘ f_1: a network as a composition of its layers.
  // (Or the layers numbered above, h^{(L)} ∘ ⋯ ∘ h^{(1)}, f^{(d)} ∘ f^{(d−1)} ∘ ⋯: one function per layer.)
  const numbered = (name: string) => syms(rhsAll).filter((x) => x.name === name && /^\(?[0-9a-zA-Z](\s*-\s*1)?\)?$/.test(subText(x.sup).replace(/\s+/g, ''))).length >= 2;
  if (parts.length > 1 && hasOp(rhsAll, '∘') && (syms(rhsAll).filter((x) => x.name === 'f' && !!x.sub).length >= 2 || ['f', 'h', 'g'].some(numbered))) add('mlp', 3, LAYER_COMPOSITION);
  // (Or written as calls, each layer's function applied to the output of the one below: f_L(f_{L−1}(⋯ f_1(x)).)
  else if (parts.length > 1 && parts.slice(1).some(nestedLayerCalls)) add('mlp', 3, LAYER_COMPOSITION);
  // Adam moments and bias correction
  // (The gradient written dW, db in code's notation, or as a derivative, is averaged the same way; with Adam's β₁, β₂ —
  // a plain β is momentum's. A letter averaged from its own previous value is Adam's moment only with β₁ or β₂: with
  // a plain β, v_t = β v_{t−1} + (1 − β) θ_t, it is any exponentially weighted average.)
  const dCode = (r: Row) => r.some((x, i) => x.k === 'sym' && x.name === 'd' && !x.sub && !x.sup && r[i + 1]?.k === 'sym' && /^([A-Z]|b|w|theta)$/.test((r[i + 1] as Sym).name));
  // (Adam's numbered rates β₁, β₂ with the average updated from its previous value — m_{t−1} — or in place, V_{dw} =
  // β₁ V_{dw} + (1 − β₁) dw, are its moments, whatever the words around say of the batch.)
  // (Goodfellow's book writes the two rates ρ₁, ρ₂ — a lone ρ is RMSProp's decay; plain-text notes type them B_1, B_2.)
  const adamRate = (b: Sym) => b.name === 'beta' || (/^(rho|B)$/.test(b.name) && /^[12]$/.test(subText(b.sub)));
  const numberedBeta = syms(rhsAll).some((b) => adamRate(b) && /^[12]$/.test(subText(b.sub)));
  // (A moment written as a function of the parameters, m^t(θ) = β₁ m^{t−1}(θ) + (1 − β₁) G(θ), is the moment's letter.)
  const ofTheta = (x: Node | undefined): Sym | undefined => (x?.k === 'apply' && x.head.k === 'sym' && /^[mvs]$/.test(x.head.name) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym' && (rowOf(x.arg)[0] as Sym).name === 'theta' ? x.head : undefined);
  const moment = ofTheta(lhsHead) ?? lhsHead;
  const momentSyms = [...syms(rhsAll), ...all(rhsAll).map(ofTheta).filter((x): x is Sym => !!x)];
  const averaged = moment?.k === 'sym' && rhsAll.some((x) => x.k === 'group' && rowOf(x.body).some((y) => isNum(y, 1)) && syms(x.body).some(adamRate));
  const averageFromPrevious = moment?.k === 'sym' && momentSyms.some((s) => s.name === (moment as Sym).name && /-1\)?$/.test(subText(s.sub) + subText(s.sup)));
  // (As code writes it, `m = beta1*m + (1-beta1)*dx`: the bare letter updated in place.)
  const inPlace = moment?.k === 'sym' && (!!(moment.sub ?? moment.sup) || /^[mvs]$/.test(moment.name)) && momentSyms.some((s) => symbolKeyOf(s) === symbolKeyOf(moment as Sym));
  if (averaged && numberedBeta && (averageFromPrevious || inPlace)) add('adam', 3.7, "Adam's moment: a moving average with β₁ or β₂, updated from its previous value");
  else if (averaged && syms(rhsAll).some((s) => s.name === 'beta') && (syms(rhsAll).some((s) => s.name === 'g' || s.name === 'nabla') || ((derivs(rhsAll).length > 0 || rowsIn(rhsAll).some(dCode)) && numberedBeta))) add('adam', 3.5, AVERAGED_GRADIENTS);
  // (G_{t+1} = d G_t + (1 − d)(∇l)²: the squared gradient averaged from its own previous value at a rate in any letter —
  // Adam's second moment, or RMSProp's average: only a hint, the words say which.)
  const rateLetter = rhsAll.map((x) => (x.k === 'group' ? oneMinusOf(x.body) : null)).find((y): y is Sym => y?.k === 'sym');
  const squaredGradient = all(rhsAll).some((x) => 'sup' in x && onlyNum(x.sup, 2) && (x.k === 'group' ? hasSym(x.body, 'nabla', 'g') || derivs(rowOf(x.body)).length > 0 : x.k === 'sym' && x.name === 'g'));
  if (rateLetter && squaredGradient && (averageFromPrevious || inPlace || syms(rhsAll).some((y) => y.name === rateLetter.name && y !== rateLetter && !y.sub && !y.sup))) add('adam', 1.5, 'a moving average of the squared gradient');
  // (Or any hatted letter over 1 − β^t of itself — ŝ = s/(1 − ρ₁^t), Ĝ_t = G_t/(1 − β₂^t) — in the note's letters.)
  const correctedSelf = lhsHead?.k === 'sym' && fracs(rhsAll).some((f) => syms(f.num).some((x) => x.name === (lhsHead as Sym).name) && syms(f.den).some((r) => adamRate(r) && /^\(?t\)?$/.test(subText(r.sup).replace(/\s/g, ''))));
  // (ṽ = v/(1 − ρ^t) with a tilde, in any letter: the same correction of an average started at 0.)
  // (Or the letter after its factor, ṽ = (1/(1 − β₁^t)) v.)
  const ownLetter = (f: Node) => syms((f as { num: Node }).num).some((x) => x.name === (lhsHead as Sym).name) || (onlyNum((f as { num: Node }).num, 1) && rhsAll.length === 2 && rhsAll[0] === f && rhsAll[1].k === 'sym' && rhsAll[1].name === (lhsHead as Sym).name);
  const correctedTilde = lhsHead?.k === 'sym' && lhsHead.mods.includes('tilde') && fracs(rhsAll).some((f) => ownLetter(f) && oneMinusOf(f.den)?.k === 'sym' && /^\(?t\)?$/.test(subText((oneMinusOf(f.den) as Sym).sup).replace(/\s/g, '')));
  if (correctedTilde) add('adam', 3.1, ADAM_BIAS_CORRECTION);
  // (Corrected in place, v_{dw} = v_{dw}/(1 − β₁^t), the hat left out: the numbered β to the power t says it.)
  const correctedInPlace = correctedSelf && fracs(rhsAll).some((f) => syms(f.den).some((r) => adamRate(r) && /^[12]$/.test(subText(r.sub))));
  if (lhsHead?.k === 'sym' && ((lhsHead.mods.includes('hat') && ((['m', 'v'].includes(lhsHead.name) && fracs(rhsAll).some((f) => syms(f.den).some((s) => s.name === 'beta'))) || correctedSelf)) || correctedInPlace)) add('adam', 3.5, ADAM_BIAS_CORRECTION);
  // (The step itself without the parameter, g′ ← η m̂/(√v̂ + ε): the bias-corrected moments.)
  const hatted = (x: Sym, re: RegExp) => re.test(x.name) && x.mods.includes('hat');
  if (fracs(rhsAll).some((f) => syms(f.num).some((x) => hatted(x, /^[ms]$/)) && all(f.den).some((y) => y.k === 'sqrt' && syms(y).some((x) => hatted(x, /^[vsr]$/))))) add('adam', 3.8, ADAM_STEP);
  // chain rule and BPTT
  const ds = derivs(root);
  if (stateStepJacobian(parts)) add('backpropagation-through-time', 3.4, STATE_STEP_JACOBIAN);
  if (ds.length >= 3 || (ds.length >= 2 && parts.length > 1)) {
    const timeIdx = (r: Row) => syms(r).some((s) => /\(|t|k|[0-9]/.test(subText(s.sup) + subText(s.sub)) && (s.name === 'h' || s.name === 's'));
    const rhsDs = derivs(rhsAll);
    const hChain = ds.filter((d) => timeIdx(d.of) && timeIdx(d.wrt)).length;
    const product = derivProducts(rhsAll);
    // ∂net_t/∂net_{t−1}, ∂s_t/∂s_{t−1}: a quantity differentiated by itself one step earlier, the Jacobian of a time step.
    const stepOf = firstLetterStep;
    // (Or by itself one step later, ∂h_{t+1}/∂h_t, the gradient that flows back from the next step.)
    const stepJacobian = ds.some((d) => { const a = stepOf(d.of); const b = stepOf(d.wrt); return !!a && !!b && a.name === b.name && ((/^[tk]$/.test(a.idx) && b.idx === `${a.idx}-1`) || (/^[tk]$/.test(b.idx) && a.idx === `${b.idx}+1`)); });
    // (d2l writes the product of two derivatives as prod(∂L/∂h_{t+1}, ∂h_{t+1}/∂h_t).)
    const prodOfDerivs = applies(rhsAll, ['prod']).some((a) => derivs(a.arg).length >= 2);
    // (∂z_k/∂h_{k−1} inside Σ_{k=1}^t: a step's input differentiated by the state one step earlier, summed over the steps.)
    const acrossSteps = bigs(rhsAll, 'sum').length > 0 && product && ds.some((d) => { const a = stepOf(d.of); const b = stepOf(d.wrt); return !!a && !!b && a.name !== b.name && /^[hs]$/.test(b.name) && /^[tk]$/.test(a.idx) && b.idx === `${a.idx}-1`; });
    if (hChain >= 2 || (hChain >= 1 && product && bigs(rhsAll, 'sum').length) || (stepJacobian && (product || prodOfDerivs)) || acrossSteps) add('backpropagation-through-time', prodOfDerivs ? 3.7 : 3.6, 'product of ∂h^{(t)}/∂h^{(t−1)} factors');
    // (Quantities at two different time steps, y(t + 1) and s(t), in the factors: the chain rule through time.)
    else if (product && timeSteps(rhsAll).size >= 2) add('backpropagation-through-time', 3.45, 'the chain rule through quantities at successive time steps');
    // ([∂²h/∂W²]^{−1} [∂h/∂W]: the inverse Hessian times the gradient is Newton's step, not the chain rule.)
    else if (product && !all(rhsAll).some((x) => x.k === 'group' && /^-1$/.test(subText(x.sup)) && derivs(x.body).length > 0)) add('chain-rule', 3.3, linkedDerivProducts(rhsAll) && !stepIndexed(root) ? CHAIN_LINKED : 'dz/dx = dz/dy · dy/dx');
    const sumIdxs = bigs(rhsAll, 'sum').map((b) => ('sub' in b && b.sub ? rowOf(b.sub).find((x): x is Sym => x.k === 'sym')?.name : undefined)).filter(Boolean) as string[];
    if (rhsDs.length === 1 && sumIdxs.length && syms(rhsDs[0].of).some((s) => { const i = (subText(s.sub) || subText(s.sup)).replace(/[()]/g, ''); return /^(t|tau|τ)$/.test(i); }) && !syms(ds[0].of).some((s) => sumIdxs.includes(subText(s.sub)))) add('backpropagation-through-time', 3.5, 'Σ_t ∂L_t/∂W');
    // Σ_t over the time steps of factors taken at step t, ∂L/∂o^{(t)} · ∂o^{(t)}/∂W, for a weight of no step (or through
    // the state's Jacobian from step i back to t, ∂s_i/∂s_t): the shared weight's gradient gathered through time.
    const timeSum = sumIdxs.find((i) => /^(t|tau|τ)$/.test(i));
    const atStep = (r: Row, i: string) => syms(r).some((x) => [subText(x.sub), subText(x.sup)].some((q) => q.replace(/[\s()]/g, '').split(',').includes(i)));
    const lhsDerivative = parts.length > 1 ? derivs(parts[0])[0] : undefined;
    const sharedWeight = !!lhsDerivative && syms(lhsDerivative.wrt).some((x) => /^[WUVbw]$/.test(x.name)) && !!timeSum && !atStep(lhsDerivative.wrt, timeSum);
    const stateBack = !!timeSum && rhsDs.some((d) => { const a = stepOf(d.of); const b = stepOf(d.wrt); return !!a && !!b && a.name === b.name && /^[hs]$/.test(a.name) && a.idx !== b.idx && (a.idx === timeSum || b.idx === timeSum); });
    // (A sum from the first step to the last, Σ_{t=1}^{T}, gathers the steps even where the factors leave t unwritten.)
    const toLastStep = bigs(rhsAll, 'sum').some((b) => /^T$/.test(subText(b.sup)) && /^(t|tau|τ)=[01]$/.test(subText(b.sub).replace(/\s/g, '')));
    if (product && sharedWeight && (stateBack || toLastStep || rhsDs.some((d) => atStep(d.of, timeSum!)))) add('backpropagation-through-time', 3.7, 'Σ_t ∂L/∂o^{(t)} ∂o^{(t)}/∂W: the shared weight\'s gradient gathered over the time steps');
  }
  // ∂L/∂z · ∂z/∂x = …: the chained product written on the left, each factor through the variable the next one shares.
  const lhsDs = parts.length > 1 ? derivs(parts[0]) : [];
  if (lhsDs.length === 2 && derivProducts(parts[0]) && sameRow(lhsDs[0].wrt, lhsDs[1].of)) add('chain-rule', 3.3, '∂L/∂z · ∂z/∂x written on the left: chained through z');
  // ∂J/∂Z = ∂J/∂A ⊙ f′(Z): the loss's derivative by an activation's input, through the activation A = f(Z).
  const lhsD = lhsDs.length === 1 && parts[0].length === 1 ? lhsDs[0] : null;
  const rhsD = derivs(rhsAll);
  const throughActivation = !!lhsD && rhsD.length === 1 && sameRow(rhsD[0].of, lhsD.of) && !sameRow(rhsD[0].wrt, lhsD.wrt) && applies(rhsAll).some((a) => primedApply(a) && sameRow(rowOf(a.arg), lhsD.wrt));
  if (throughActivation) add('chain-rule', 3.3, "∂J/∂Z = ∂J/∂A · f′(Z): through the activation A = f(Z)");
  // dW = dz · ∂z/∂W: code's gradient of a parameter as the gradient of what it feeds times that one's derivative.
  const codeD = (x: Node | undefined) => (x?.k === 'sym' && x.name === 'd' && !x.sub && !x.sup ? x : null);
  const chainedCode = parts.length > 1 && parts[0].length === 2 && !!codeD(parts[0][0]) && parts[1].some((x, i) => !!codeD(x) && parts[1][i + 1]?.k === 'sym' && rhsD.some((d) => symBase(d.of[0]) === symBase(parts[1][i + 1]) && symBase(d.wrt[0]) === symBase(parts[0][1])));
  if (chainedCode) add('chain-rule', 3.3, 'dW = dz · ∂z/∂W: the gradient passed through what W feeds');
  // ∂L/∂w_{ij} = Σ_t δ_j^t x_i^t: a shared weight's gradient summed over the time steps of its errors.
  // (Or a sum over t of the loss's derivatives by the step-t outputs, ∂L/∂W_hh = Σ_t ∂L/∂y_t W_hy f′(…) h_{t−1}.)
  // (Σ_{k=1}^{t} δ_{t,k} h_{k−1}ᵀ: a sum up to step t runs over the steps before it.)
  const stepSums = lhsD ? bigs(rhsAll, 'sum').filter((b) => 'sub' in b && (/^(t|tau)$/.test(sumIndexOf(b) ?? '') || /^t$/.test(subText(b.sup)))) : [];
  const overSteps = stepSums.length > 0;
  const stepIndices = new Set(['t', ...stepSums.map((b) => sumIndexOf(b) ?? 't')]);
  const stepDelta = (x: Sym) => x.name === 'delta' && (subText(x.sup) || subText(x.sub)).replace(/[()\s]/g, '').split(',').some((i) => stepIndices.has(i));
  const stepDerivative = !!lhsD && rhsD.some((d) => syms(d.wrt).some((x) => /^(t|\(t\))$/.test(subText(x.sub) || subText(x.sup))) && sameRow(d.of, lhsD.of));
  const deltaOverTime = overSteps && (syms(rhsAll).some(stepDelta) || (stepDerivative && syms(lhsD!.wrt).some((x) => /^[WUVb]$/.test(x.name))));
  if (deltaOverTime) add('backpropagation-through-time', 3.4, '∂L/∂w = Σ_t δ^t x^t: the shared weight\'s error summed over the time steps');
  // ∂f/∂u_j × ∂u_j/∂z on its own: two derivatives chained through the variable they share.
  if (parts.length === 1 && ds.length === 2 && derivProducts(root) && show({ k: 'row', items: ds[0].wrt }) === show({ k: 'row', items: ds[1].of })) add('chain-rule', 3.3, '∂f/∂u · ∂u/∂z: chained through u');
  // ∇_x z = (∂y/∂x)ᵀ ∇_y z: a gradient passed back through another gradient (or a Jacobian); through time steps
  // (∇_{h^{(t)}} L from ∇_{h^{(t+1)}} L, ∇_{o^{(t)}} L) it is backpropagation through time.
  // (∇_0 = ∇_1 names two stored gradients: a gradient is taken with respect to a letter.)
  const nablas = syms(root).filter((x) => x.name === 'nabla' && !!x.sub && syms(x.sub).length > 0);
  const passedBack = parts.length > 1 && nablas.length >= 1 && new Set(nablas.map((x) => show(x.sub))).size + derivs(rhsAll).length >= 2 && (nablas.length >= 2 || derivs(rhsAll).length >= 1) && syms(rhsAll).some((x) => x.name === 'nabla');
  const overTime = (x: Sym) => /^\(?(t|t[+-]1|tau|τ)\)?$/.test((subText(x.sup) || subText(x.sub)).replace(/\s/g, ''));
  if (passedBack) {
    const timed = nablas.some((x) => syms(x.sub).some(overTime)) || derivs(root).some((d) => syms(d.of).some(overTime));
    add(timed ? 'backpropagation-through-time' : 'chain-rule', timed ? 3.5 : 3.3, timed ? '∇_{h^{(t)}} L from the gradients of later time steps' : '∇_x z = (∂y/∂x)ᵀ ∇_y z');
  }
  // (The state written h, s, or the LSTM's cell c, C: ∂c_t/∂c_k = Π_j ∂c_j/∂c_{j−1}.)
  const stateLetter = (x: Sym) => /^[hscC]$/.test(x.name);
  if (bigs(rhsAll, 'prod').length && ds.filter((d) => syms(d.of).some(stateLetter) && syms(d.wrt).some(stateLetter) && (/^[hs]$/.test(syms(d.of)[0]?.name ?? '') || (!!syms(d.wrt)[0] && stepIndex(syms(d.wrt)[0]) !== ''))).length >= 1) add('backpropagation-through-time', 3.6, 'Π ∂h_i/∂h_{i−1}');
  if (applies(root, ['prod']).some((a) => derivs(a.arg).length >= 2)) add('chain-rule', 3.3, 'prod(∂J/∂o, ∂o/∂W)');
  if (every.some((x) => x.k === 'op' && x.v === '∘') && every.some((x) => x.k === 'sym' && x.mods.includes('prime') || x.k === 'apply' && x.fn.endsWith("'"))) add('chain-rule', 3.3, '(f∘g)′ = f′(g) g′');
  // --- language models ---
  const condBar = (a: Apply) => hasOp(a.arg, '|');
  const sameHistory = () => {
    const given = (a: Apply) => {
      const r = rowOf(a.arg);
      const b = r.findIndex((x) => x.k === 'op' && x.v === '|');
      return new Set(r.slice(b + 1).filter((x): x is Sym => x.k === 'sym').map((x) => x.name));
    };
    // (A history of the predicted words themselves, w_t given w_{<t}, or written in words: P_θ(y | x) ≈ P*(y | x) and
    // q(x | θ) ≈ q(x_i | θ) approximate a model.)
    const ofItself = (a: Apply) => { const r = rowOf(a.arg); const g = given(a); return !g.size || syms(r.slice(0, r.findIndex((x) => x.k === 'op' && x.v === '|'))).some((x) => g.has(x.name)); };
    const [first, ...others] = probApplies.map(given);
    return others.every((g) => [...g].every((n) => first.has(n))) && probApplies.some(ofItself);
  };
  if (rels.includes('≈') && probApplies.length >= 2 && probApplies.every(condBar) && sameHistory()) add('ngram-markov', 3.5, 'P(w_t | long history) ≈ P(w_t | last n−1 words)');
  // (With an equals sign, P(w_i | w_1, …, w_{i−1}) = P(w_i | w_{i−N+1}, …, w_{i−1}): the history from the first word on
  // the left, cut short on the right — the same assumption stated.)
  else if (parts.length === 2 && parts.every((p) => p.length === 1 && p[0].k === 'apply' && isProb(p[0]) && condBar(p[0])) && sameHistory() && markovCut(parts[0][0] as Apply, parts[1][0] as Apply)) add('ngram-markov', 3.3, MARKOV_EQUALS);
  if (parts.length === 2 && rels[0] === '=' && parts[0].length === 1 && parts[1].length === 1 && parts[0][0].k === 'apply' && parts[1][0].k === 'apply' && /^[pP]$/.test(parts[0][0].fn) && /^[pP]$/.test(parts[1][0].fn)) {
    const split = (a: Apply) => {
      const r = rowOf(a.arg);
      const b = r.findIndex((x) => x.k === 'op' && x.v === '|');
      return b < 0 ? null : { what: show({ k: 'row', items: r.slice(0, b) }), given: show({ k: 'row', items: r.slice(b + 1) }) };
    };
    const L = split(parts[0][0]);
    const R = split(parts[1][0]);
    // (The shorter history is written with the order n in an offset, t − n + 1; the predicted thing is a token, not an
    // event such as b = 1.)
    if (L && R && L.what === R.what && L.given !== R.given && /[-−]\s*n\b|\bn\s*[-−+]\s*\d/.test(R.given) && !/=/.test(L.what)) add('ngram-markov', 3.3, 'p(x_t | x_{1:t−1}) = p(x_t | x_{t−n+1:t−1})');
  }
  // Counts of a word sequence over counts of its history (offset indices w_{i−1}, w_{t−n+1}), not co-occurrence counts.
  // (Or a range of words written w_1^{t−1}, w_{n−N+1}^{n−1}: the history from the lower index to the upper one.)
  const offsetIdx = all(root).some((x) => 'sub' in x && !!x.sub && (/[a-z]-[0-9a-z]/.test(subText(x.sub)) || (x.k === 'sym' && /[a-z]-[0-9a-z]/.test(subText(x.sup)))));
  // … or the count of the history with one more word over the count of the history: n(deep, learning) / n(deep).
  const extendsHistory = fracs(root).some((f) => {
    const cn = applies(f.num).find((a) => COUNT_FN.test(a.fn));
    const cd = applies(f.den).find((a) => COUNT_FN.test(a.fn));
    if (!cn || !cd) return false;
    const flat = (n: Node) => all(n).map((x) => (x.k === 'text' || x.k === 'name' ? x.v : x.k === 'sym' ? x.name : x.k === 'num' ? x.raw : '')).join(',').replace(/\s+/g, '');
    const sn = flat(cn.arg);
    const sd = flat(cd.arg);
    if (sd.length > 0 && sn.length > sd.length && sn.includes(sd)) return true;
    // (Or the count of the history and a word over the sum of such counts over every word: C(h, w) / Σ_{w′} C(h, w′).)
    const firstArg = (a: Apply) => { const r = rowOf(a.arg); const i = r.findIndex((x) => x.k === 'op' && x.v === ','); return i > 0 ? show({ k: 'row', items: r.slice(0, i) }) : null; };
    const h = firstArg(cn);
    return bigs(f.den, 'sum').length > 0 && h !== null && h === firstArg(cd);
  });
  // (A count's arguments are words: C(m − x, p − q) of arithmetic is a binomial coefficient.)
  const counts = (n: Node) => { const c = applies(n).filter((a) => COUNT_FN.test(a.fn)); return c.length > 0 && c.every((a) => !rowOf(a.arg).some((x) => x.k === 'op' && (x.v === '-' || x.v === '+'))); };
  // (A product of counts below, C(w_i w_j)/(C(w_i) C(w_j)), scores a pair against chance: no conditional estimate.)
  const oneCountBelow = (f: Frac) => applies(f.den).filter((a) => COUNT_FN.test(a.fn)).length === 1;
  if ((offsetIdx || extendsHistory) && fracs(root).some((f) => counts(f.num) && counts(f.den) && oneCountBelow(f))) add('ngram-markov', 3.5, 'count ratio C(w_{i−1} w_i)/C(w_{i−1})');
  // (P(w) = C(w)/N, freq(w)/|C|: one word's count over the size of the corpus — the unigram estimate.)
  if (unigramEstimate(parts)) add('ngram-markov', 3.4, 'P(w) = C(w)/N: a word\'s count over the size of the corpus, the unigram estimate');
  const prods = bigs(root, 'prod');
  // The unigram model: a sequence's joint probability as a product of each token's own probability, no condition.
  const joint = lhs.length === 1 && lhs[0].k === 'apply' && /^[pP]$/.test(lhs[0].fn) && !hasOp(lhs[0].arg, '|') && syms(lhs[0].arg).filter((x) => !!x.sub).length >= 2;
  const prodSub = prods.length === 1 && 'sub' in prods[0] ? prods[0].sub : undefined;
  const prodIdx = prodSub ? syms(prodSub)[0]?.name : undefined;
  if (joint && prodIdx && parts.length === 2 && probApplies.length === 2 && !probApplies.some(condBar) && probApplies.some((a) => { const r = rowOf(a.arg); return a !== lhs[0] && r.length === 1 && r[0].k === 'sym' && subText(r[0].sub) === prodIdx; })) add('ngram-markov', 3.4, 'P(w_1 … w_n) = Π_i P(w_i): the unigram model');
  const condProbs = probApplies.filter(condBar);
  // (p(x_i | Pa(x_i)): each variable given its parents in a graph — a Bayesian network, not a sequence model.)
  const parents = condProbs.some((a) => applies(a.arg).some((b) => /^(pa|parents?|parent)$/.test(b.fn)));
  if ((prods.length || condProbs.length >= 1) && probApplies.length >= 2 && !fracs(root).length && !logs.length && !rels.includes('∝') && !parents) {
    const lhsProb = lhs.find((x): x is Apply => x.k === 'apply' && /^[pPq]$/.test(x.fn));
    const rhsConds = condProbs.filter((a) => a !== lhsProb);
    const condHasOther = rhsConds.some((a) => {
      const bar = rowOf(a.arg).findIndex((x) => x.k === 'op' && x.v === '|');
      const after = rowOf(a.arg).slice(bar + 1).filter((x): x is Sym => x.k === 'sym').map((s) => s.name);
      const before = rowOf(a.arg).slice(0, bar).filter((x): x is Sym => x.k === 'sym').map((s) => s.name);
      return after.some((l) => !before.includes(l));
    });
    const lhsHasBar = lhsProb && hasOp(lhsProb.arg, '|');
    // The decoder's own earlier outputs are in the condition (y_t | y_{<t}, x): not independent examples (y_i | x_i).
    const ownPrefix = rhsConds.some((a) => {
      const r = rowOf(a.arg);
      const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
      const predicted = new Set(syms(r.slice(0, bar)).filter((x) => !!x.sub || !!x.sup).map((x) => x.name));
      return r.slice(bar + 1).some((x) => x.k === 'sym' && predicted.has(x.name));
    });
    if (lhsHasBar && condHasOther && ownPrefix) add('seq2seq', 3.2, 'p(y|x) = Π_t p(y_t | y_{<t}, x)');
    else if (rhsConds.length && !lhsHasBar) {
      const lhsSyms = syms(lhsProb?.arg);
      const seqLetters = lhsSyms.some((s) => /t|n|T|N|:/.test(subText(s.sub) + subText(s.sup)) && !/^[A-Z]$/.test(s.name));
      const generic = (!seqLetters || (!hasOp(root, '…') && prods.length === 0 && probApplies.length <= 5)) && !(prods.length);
      // (∫ p(x | z) p(z) dz marginalises z out: the evidence, not the chain rule.)
      // (Of events named by capitals, P(A, B), it is the rule itself, whatever model the section is about.)
      const events = lhsSyms.length > 0 && lhsSyms.every((x) => /^[A-Z]$/.test(x.name) && !x.sub);
      // (One conditional alone, p(x) = P(Y = 1 | X = x), names a probability: the rule is a product of two or more.)
      const factors = applies(rhsAll).filter(isProb).length >= 2 || prods.length > 0;
      if (generic && lhsProb && factors && !bigs(root, 'int').length) add('probability-chain-rule', events ? 3.5 : 3.2, 'P(A,B) = P(A) P(B|A)');
      else if (seqLetters || prods.length) {
        // The Markov assumption: each condition is a window of the last words (w_{i−1}; x_{i−k} … x_{i−1}), not the
        // whole prefix (w_{<i}, w_1^{i−1}, x_1 … x_{i−1}).
        const givenOf = (a: Apply) => {
          const r = rowOf(a.arg);
          return r.slice(r.findIndex((x) => x.k === 'op' && x.v === '|') + 1).filter((x): x is Sym => x.k === 'sym').map((x) => `${subText(x.sub)}|${subText(x.sup)}`);
        };
        // (Y_{[0, t−1]}, x_{0:t−1}: the whole history from the start, not a window.)
        const whole = (g: string[]) => g.some((k) => /^[01]\||<|[01]:|^\||^\[?[01],/.test(k) || /^[01]$/.test(k.split('|')[0]));
        const windowed = (conds: Apply[]) => conds.length > 0 && conds.map(givenOf).every((g) => g.length > 0 && !whole(g) && g.some((k) => /-\s*[0-9a-z]/.test(k)));
        const window = windowed(rhsConds);
        if (window) add('ngram-markov', 3.5, 'Π_t P(w_t | w_{t−n+1} … w_{t−1}): the Markov assumption');
        // (The chain rule, then ≈ the same product with each history cut to a window: what the line states is the
        // Markov assumption.)
        else if (rels[rels.length - 1] === '≈' && windowed(applies(parts[parts.length - 1]).filter(condBar)) && applies(parts[parts.length - 2]).filter(condBar).some((a) => whole(givenOf(a)))) add('ngram-markov', 4.3, 'Π_t P(w_t | w_{<t}) ≈ Π_t P(w_t | w_{t−n+1} … w_{t−1}): the chain rule, then the Markov assumption');
        // (Given the earlier outputs and a source, x or its summary c, it is the decoder's: a conditional model.)
        const fromSource = rhsConds.some((a) => {
          const { predicted, given } = conditionLetters(a);
          const own = new Set(predicted.map((y) => y.name));
          return given.some((y) => own.has(y.name)) && given.some((y) => !own.has(y.name) && /^(x|X|c|C|s|S|z)$/.test(y.name));
        });
        // (A chain of states from step 0, q(x_0) Π q(x_t | x_{t−1}), or run backwards, p(x_T) Π p(x_{t−1} | x_t), is a
        // process's joint — a diffusion's — factorised by the rule, not a language model's sentence.)
        const script = (x: Sym) => (subText(x.sub) + subText(x.sup)).replace(/[\s()]/g, '');
        const fromZero = lhsSyms.some((x) => /^0(?::|$)/.test(script(x)));
        const backwards = rhsConds.some((a) => {
          const { predicted, given } = conditionLetters(a);
          return predicted.some((x) => /^[a-z]-1$/.test(script(x)) && given.some((y) => y.name === x.name && script(y) === script(x).slice(0, -2)));
        });
        if (fromSource) add('seq2seq', 3.3, 'p(y) = Π_t p(y_t | y_{<t}, c): each output given the earlier ones and the source');
        else if (fromZero || backwards) add('probability-chain-rule', 3.2, 'p(x_{0:T}) = p(x_0) Π_t p(x_t | x_{t−1}): a process\'s joint by the chain rule');
        // (Random variables written as capitals or indexed by i, P(X^{(i)} | X^{(1)}, …, X^{(i−1)}), are any joint
        // factorised by the rule; a sequence in time, x_t given x_{<t}, is a language model's.)
        else if (rhsConds.length && rhsConds.every((a) => conditionLetters(a).predicted.every((x) => (/^[A-Z]$/.test(x.name) && x.name !== 'W') || (x.name === 'x' && script(x) === 'i')))) add('probability-chain-rule', 3.2, 'P(X_1, …, X_n) = Π_i P(X_i | X_1, …, X_{i−1}): a joint of random variables by the chain rule');
        // (Each factor given only other letters, Π_i P(y_i | x_i), is a product over examples, not tokens given their past
        // — the sequence's capital, P(u_j | U_{<j}), is their past.)
        // (Each factor given one and the same cause written in words, Π_i P(E_i | Cause), is naive Bayes: no past.)
        else if (!rhsConds.length || !rhsConds.every((a) => { const { predicted, given } = conditionLetters(a); return (given.length > 0 || !!wordsAround(a) || givenInWords(a)) && !given.some((y) => predicted.some((x) => x.name.toLowerCase() === y.name.toLowerCase())); })) add('language-model', 3.2, 'P(w_1…w_T) = Π_t P(w_t | w_{<t})');
      }
    }
  }
  if (argmax && probApplies.length >= 2 && condProbs.length >= 1 && !logs.length && !lhs.some((x) => x.k === 'apply' && /^[pP]$/.test(x.fn))) add('bayes-rule', 3.4, 'argmax_c P(d|c) P(c): likelihood × prior');
  // next-token conditional: P(x^{(t+1)} | x^{(t)}, …, x^{(1)})
  // (Given a window that starts n − 1 words back, P(w_i | w_{i−1}, …, w_{i−n+1}), it is the n-gram model's.)
  // (Written as the draw of the next one, X_t ∼ P(X_t | X_{t−1}, …, X_1), it is the same conditional.)
  const nextOf = root.length === 1 ? root[0] : root.length === 3 && root[0].k === 'sym' && root[1].k === 'op' && root[1].v === '~' ? root[2] : undefined;
  if (nextOf?.k === 'apply' && /^[pP]$/.test(nextOf.fn) && condBar(nextOf) && hasOp(nextOf.arg, '…') && (root.length === 1 || symbolKeyOf(root[0] as Sym) === symbolKeyOf(syms(nextOf.arg)[0]))) {
    const r = rowOf(nextOf.arg);
    const given = syms(r.slice(r.findIndex((x) => x.k === 'op' && x.v === '|') + 1)).map((x) => subText(x.sub).replace(/\s/g, ''));
    // (A window n − 1, k or τ steps back, x_{t−τ}, x_{t−τ+1}: a Markov model of that order.)
    if (given.some((g) => WINDOW_START.test(g)) && !given.some((g) => /^[01]$|^<|^[01]:/.test(g))) add('ngram-markov', 3, 'P(w_i | w_{i−1}, …, w_{i−n+1}): the next word given the last n − 1');
    else add('language-model', 2.8, 'P(next word | previous words)');
  }
  // P(w_i | w_{i−n+1}, …, w_{i−1}) = softmax(…) or exp(…)/Σ exp(…): the next word given the last n − 1, computed by a
  // network's scores instead of counts — the fixed-window neural language model.
  const windowLhs = lhs.length === 1 && lhs[0].k === 'apply' ? lhs[0] : undefined;
  if (windowLhs && /^[pP]$/.test(windowLhs.fn) && condBar(windowLhs)) {
    const given = conditionLetters(windowLhs).given.map((x) => subText(x.sub).replace(/\s/g, ''));
    const scored = applies(rhsAll, ['softmax']).length > 0 || fracs(rhsAll).some((f) => applies(f.num, ['exp']).length > 0 || all(f.num).some((x) => x.k === 'sym' && x.name === 'e' && !!x.sup));
    const counted = all(rhsAll).some((x) => x.k === 'apply' && /^(C|c|N|count|#)$/.test(x.fn));
    if (given.some((g) => WINDOW_START.test(g)) && scored && !counted) add('fixed-window-lm', 3.8, 'P(w_i | the last n − 1 words) = softmax(…): the window\'s next word from a network\'s scores');
  }
  // --- probability and linear algebra ---
  const key = (ys: Sym[]) => ys.map((y) => symbolKeyOf(y)).sort().join(',');
  // (The likelihood may be written f(x | θ), a density, the prior π(θ); the evidence summed or integrated over the
  // hypotheses.)
  const probOrDensity = (a: Apply) => /^[pPq]$/.test(a.fn) || (a.fn === 'f' && condBar(a)) || (a.fn === 'pi' && !condBar(a));
  for (const f of fracs(root)) {
    const numP = applies(f.num).filter(probOrDensity);
    const denP = applies(f.den).filter(probOrDensity);
    // (Every factor may be given the model's parameters too, p(z | x, θ) = p(x | z, θ) p(z) / p(x | θ): the evidence is
    // then the likelihood's letter given only those.)
    const background = (d: Apply) => numP.some((n) => { const a = conditionLetters(n); const b = conditionLetters(d); return condBar(n) && key(a.predicted) === key(b.predicted) && b.given.length > 0 && b.given.length < a.given.length && b.given.every((y) => a.given.some((z) => symbolKeyOf(z) === symbolKeyOf(y))); });
    const evidence = (d: Apply) => !condBar(d) || background(d);
    // (Or summed term by term, P(d | h) P(h) + P(d | h̄) P(h̄), the numerator one of the terms.)
    const denTerms = termsOf(rowOf(f.den));
    const writtenOut = denTerms.length >= 2 && denTerms.every((t) => applies(t.items).some((a) => probOrDensity(a) && condBar(a))) && denTerms.some((t) => show({ k: 'row', items: t.items }) === show(f.num));
    const marginalised = bigs(f.den, 'sum').length > 0 || bigs(f.den, 'int').length > 0 || writtenOut;
    if (numP.length >= 2 && denP.length === 1 && numP.some(condBar) && evidence(denP[0]) && !marginalised) add('bayes-rule', 3.6, BAYES_THEOREM);
    else if (numP.length >= 2 && numP.some(condBar) && marginalised && denP.length >= 2 && denP.some(condBar)) add('bayes-rule', 3.6, 'P(A|B) = P(B|A) P(A) / Σ_a P(B|a) P(a)');
  }
  // P(A | B) P(B) = P(B | A) P(A): the two ways of writing the joint, the conditional turned around.
  // (The letters of a conditional compared as sets; one conditional the other turned around, P(A | B) and P(B | A).)
  const turned = (a: Apply, b: Apply) => { const x = conditionLetters(a); const y = conditionLetters(b); return x.predicted.length > 0 && x.given.length > 0 && key(x.predicted) === key(y.given) && key(x.given) === key(y.predicted); };
  if (parts.length === 2 && rels[0] === '=') {
    const side = (r: Row) => (r.length === 2 && r.every((x) => x.k === 'apply' && isProb(x)) ? (r as Apply[]) : null);
    const [l, r] = [side(parts[0]), side(parts[1])];
    const cond = (q: Apply[] | null) => q?.filter(condBar) ?? [];
    if (l && r && cond(l).length === 1 && cond(r).length === 1 && turned(cond(l)[0], cond(r)[0])) add('bayes-rule', 3.4, 'P(A | B) P(B) = P(B | A) P(A): the joint written both ways');
  }
  if (rels.includes('∝') && probApplies.length >= 3 && condProbs.length >= 2) add('bayes-rule', 3.4, 'posterior ∝ likelihood × prior');
  // P(A | B) = η P(B | A) P(A): the posterior as the likelihood times the prior, normalised by a constant (η, α, 1/Z),
  // as robotics texts write it.
  if (parts.length === 2 && rels[0] === '=') {
    const [l, r] = [parts[0], unmultiplied(parts[1])];
    const norm = (x: Node | undefined) => (x?.k === 'sym' && /^(eta|alpha|Z|kappa)$/.test(x.name) && !x.sub) || (x?.k === 'frac' && onlyNum(x.num, 1) && rowOf(x.den).length === 1 && rowOf(x.den)[0].k === 'sym');
    const post = l.length === 1 && l[0].k === 'apply' && isProb(l[0]) && condBar(l[0]) ? l[0] : null;
    const rest = r.length === 3 && norm(r[0]) && r.slice(1).every((x) => x.k === 'apply' && isProb(x)) ? (r.slice(1) as Apply[]) : null;
    const likelihood = rest?.find((q) => condBar(q));
    const prior = rest?.find((q) => !condBar(q));
    const [a, b, c] = post && likelihood && prior ? [conditionLetters(post), conditionLetters(likelihood), conditionLetters(prior)] : [];
    // (Compared by their letters; words in another script, P(うどん | 白い), have none, and the shape alone decides.)
    if (a && b && c && key(b.predicted) === key(a.given) && key(b.given) === key(a.predicted) && key(c.predicted) === key(a.predicted)) add('bayes-rule', 3.6, 'P(A | B) = η P(B | A) P(A): the posterior, the likelihood times the prior normalised by a constant');
  }
  if (rels.includes('≤') || rels.includes('≥')) {
    const normsBoth = (r: Row) => r.filter((x) => x.k === 'group' && (x.delim === '‖' || x.delim === '(')).length >= 2;
    if (parts.length === 2 && bigs(parts[1], 'sum').length >= 2 && parts[0].some((x) => x.k === 'group' && !!x.sup && bigs(x.body, 'sum').length > 0) && !parts[0].some((x) => x.k === 'big')) add('cauchy-schwarz', 3.5, '|Σ u_i v_i|² ≤ Σ|u_i|² Σ|v_i|²');
    if (parts.length === 2 && normsBoth(parts[1]) && (parts[0].some((x) => x.k === 'group' && (x.delim === '|' || x.sup)) || hasOp(parts[0], '⟨'))) add('cauchy-schwarz', 3.5, INNER_UNDER_LENGTHS);
    if (parts.length === 2 && lengthsMultiplied(parts[0], parts[1])) add('cauchy-schwarz', 3.5, INNER_UNDER_LENGTHS);
  }
  // (Angle brackets typed bare, `\langle x, y \rangle`, or sized, `\left\langle … \right\rangle`.)
  const angles = (r: Row) => r.filter((x) => (x.k === 'op' && x.v === '⟨') || (x.k === 'group' && x.delim === '⟨')).length;
  if (parts.length >= 2 && (rels[0] === '≤' || rels[0] === '≥') && angles(parts[0]) >= 1 && angles(parts[1]) >= 2) add('cauchy-schwarz', 3.5, INNER_UNDER_PRODUCTS);
  if (parts.length > 1 && lhs.some((x) => x.k === 'group' && x.delim === '‖' && !(subText(x.sup) === '2' && hasOp(x.body, '-'))) && (bigs(rhsAll, 'sum').length || rhsAll.some((x) => x.k === 'sqrt') || dots(rhsAll).length || applies(rhsAll, ['max']).length || rhsAll.some((x) => x.k === 'name' && x.v === 'max'))) add('norms', 3.5, '‖x‖_p = (Σ|x_i|^p)^{1/p}');
  // (Σ_i |x_i|^p)^{1/p} under any name, g(x) = …: the p-norm written out, its power and root the same letter.
  const rootOfPowers = (g: Node) => {
    if (g.k !== 'group' || !g.sup) return false;
    const up = rowOf(g.sup);
    const root = up.length === 1 && up[0].k === 'frac' && onlyNum(up[0].num, 1) && rowOf(up[0].den).length === 1 && rowOf(up[0].den)[0].k === 'sym' ? (rowOf(up[0].den)[0] as Sym).name : '';
    const body = rowOf(g.body);
    return !!root && body[0]?.k === 'big' && body[0].v === 'sum' && body.length === 2 && body[1].k === 'group' && body[1].delim === '|' && subText(body[1].sup) === root && !hasOp(body[1].body, '-');
  };
  const value = parts.length > 1 ? rhsAll : root;
  if (value.length === 1 && rootOfPowers(value[0])) add('norms', 3.4, '‖x‖_p = (Σ|x_i|^p)^{1/p}');
  // ‖u‖₂ = u₁² + … + u_n², ‖u + v‖ ≤ ‖u‖ + ‖v‖, ‖k u‖ = |k| ‖u‖: a norm defined or its properties (norms on both sides,
  // or a norm of one letter equal to sums of its entries).
  const normOf = (r: Row) => r.filter((x) => x.k === 'group' && x.delim === '‖' && subText(x.sup) !== '2');
  // √(w₁² + w₂² + ⋯ + w_n²) or |v| = √Σ v_i² on its own: the length of a vector written out.
  const squares = (r: Row) => r.filter((x) => x.k === 'sym' && subText(x.sup) === '2' && !!x.sub).length;
  const root0 = value[0]?.k === 'sqrt' ? value[0] : undefined;
  // (The root is the whole value: √(w₁² + ⋯ + w_n²), √(Σ v_i²). Or, unbraced, √Σ v_i² takes only the Σ and the square follows.)
  const whole = !!root0 && value.length === 1 && (squares(rowOf(root0.body)) >= 2 || (bigs(root0.body, 'sum').length === 1 && squares(rowOf(root0.body)) === 1));
  const unbraced = !!root0 && value.length === 2 && bigs(root0.body, 'sum').length === 1 && rowOf(root0.body).length === 1 && squares(value.slice(1)) === 1;
  // (Or under a plain name, Z_i = √(Σ_j X_ij²): one letter's entries squared under the sum and nothing else, its index the sum's.)
  const namedLength = parts.length === 2 && lhs.length === 1 && (lhs[0].k === 'sym' || lhs[0].k === 'apply') && whole && rootOfSquares(root0!.body);
  if ((whole || unbraced) && (parts.length === 1 || namedLength || (lhs.length === 1 && lhs[0].k === 'group' && (lhs[0].delim === '|' || lhs[0].delim === '‖')))) add('norms', 3.3, '√(Σ x_i²): the Euclidean length of a vector');
  // (|v|² = Σ_i v_i², |v|² = v_1² + ⋯ + v_n²: between single bars, a vector's squared length in its entries.)
  const lengthOf = lhs.length === 1 && lhs[0].k === 'group' && lhs[0].delim === '|' && subText(lhs[0].sup) === '2' && rowOf(lhs[0].body).length === 1 && rowOf(lhs[0].body)[0].k === 'sym' ? (rowOf(lhs[0].body)[0] as Sym).name : '';
  const entrySquares = parts.length === 2 ? parts[1].filter((x): x is Sym => x.k === 'sym' && subText(x.sup) === '2') : [];
  if (lengthOf && entrySquares.length && entrySquares.every((x) => x.name === lengthOf && !!x.sub) && (entrySquares.length >= 2 || (parts[1][0]?.k === 'big' && parts[1][0].v === 'sum' && parts[1].length === 2))) add('norms', 3.3, '|v|² = Σ_i v_i²: the squared length of a vector in its entries');
  if (parts.length === 2 && normOf(parts[0]).length && normOf(parts[1]).length && !logs.length && !fracs(root).length) add('norms', 3.1, '‖u + v‖ ≤ ‖u‖ + ‖v‖: a property of norms');
  else if (parts.length === 2 && lhs.length === 1 && normOf(lhs).length && hasOp(parts[1], '+') && parts[1].filter((x): x is Sym => x.k === 'sym').every((x) => syms((lhs[0] as Group).body).some((y) => y.name === x.name))) add('norms', 3.1, '‖u‖ = u₁² + … : a norm written out in the entries');
  // (tr as a subscript — ≈_tr, a truncated approximation — is no trace.)
  const traceName = nm.includes('trace') || root.some((x, i) => x.k === 'name' && x.v.toLowerCase() === 'tr' && !!root[i + 1] && root[i + 1].k !== 'op');
  if (applies(root, ['tr']).length || traceName) add('trace', 3, 'tr(A) = Σ A_ii');
  if (parts.length > 1) {
    const r = parts[1];
    // (Some notes name the diagonal S, A = QSQᵀ.)
    const m = r.findIndex((x) => (x.k === 'sym' && (x.name === 'Lambda' || x.name === 'Sigma' || x.name === 'D' || (x.name === 'S' && !x.sup))) || (x.k === 'apply' && x.fn === 'diag'));
    if (m > 0 && r[m - 1].k === 'sym' && r[m + 1]?.k === 'sym' && (r[m + 1] as Sym).name === (r[m - 1] as Sym).name && (isTransposeSup((r[m + 1] as Sym).sup) || subText((r[m + 1] as Sym).sup) === '-1')) add('spectral-theorem', 3.6, 'A = QΛQ^T');
  }
  if (parts.length === 2) {
    const r = parts[1];
    for (let i = 0; i + 3 < r.length; i++) {
      const [b, l, u, v] = [r[i], r[i + 1], r[i + 2], r[i + 3]];
      if (b.k === 'big' && b.v === 'sum' && l.k === 'sym' && l.name === 'lambda' && u.k === 'sym' && v.k === 'sym' && u.name === v.name && isTransposeSup(v.sup) && !isTransposeSup(u.sup)) add('spectral-theorem', 3.5, 'Σ_i λ_i q_i q_iᵀ');
    }
  }
  // cosine similarity: u·v / (‖u‖ ‖v‖)
  for (const f of fracs(root)) {
    // (|X| of a vector the numerator multiplies, X^T Y / (|X||Y|), is its length too.)
    const ofNumerator = (x: Node) => rowOf(x).length === 1 && syms(x).length === 1 && syms(f.num).some((y) => y.name === syms(x)[0].name);
    const denNorms = rowOf(f.den).filter((x) => (x.k === 'group' && (x.delim === '‖' || (x.delim === '|' && (syms(x.body).some((y) => y.mods.includes('bold') || y.mods.includes('vec')) || ofNumerator(x.body))))) || x.k === 'sqrt').length;
    // (The dot product written out, a_1 b_1 + a_2 b_2: products of two letters with the same index, added.)
    const writtenDot = termsOf(rowOf(f.num)).length >= 2 && termsOf(rowOf(f.num)).every((t) => t.sign === '+' && t.items.length === 2 && t.items.every((x) => x.k === 'sym' && !!x.sub) && (t.items[0] as Sym).name !== (t.items[1] as Sym).name && subText((t.items[0] as Sym).sub) === subText((t.items[1] as Sym).sub));
    if (denNorms >= 2 && (dots(f.num).length || bigs(f.num, 'sum').length || hasOp(f.num, '⟨') || writtenDot)) add('cosine-similarity', 3.6, 'u·v / (‖u‖ ‖v‖)');
  }
  // a·b = |a||b| cos θ, a·b / |a||b| = cos θ: the dot product as lengths and the angle between.
  {
    // (`cos θ` typed without a backslash reads as the letters c, o, s.)
    const spelled = root.some((x, i) => x.k === 'sym' && x.name === 'c' && root[i + 1]?.k === 'sym' && (root[i + 1] as Sym).name === 'o' && root[i + 2]?.k === 'sym' && (root[i + 2] as Sym).name === 's' && root[i + 3]?.k === 'sym' && (root[i + 3] as Sym).name === 'theta');
    // (The angle under any one letter, cos(a), cos φ, as a note names it.)
    const angle = (r: Node | undefined) => { const q = rowOf(r); return q.length === 1 && q[0].k === 'sym' && (q[0].name === 'theta' || /^([a-z]|phi|alpha|varphi)$/.test(q[0].name)) && !q[0].sub; };
    const cosAngle = spelled || applies(root, ['cos']).some((a) => angle(a.arg)) || root.some((x, i) => x.k === 'name' && x.v === 'cos' && root[i + 1]?.k === 'sym' && (root[i + 1] as Sym).name === 'theta');
    const lengths = all(root).filter((x) => x.k === 'group' && (x.delim === '|' || x.delim === '‖')).length;
    // (Hasty notes write the products with *: A*B = |A|*|B|*cos θ.)
    if (cosAngle && lengths >= 2 && (dots(root).length > 0 || hasOp(root, '·') || hasLineOp(root, '*'))) add('cosine-similarity', 3.4, 'a·b = |a||b| cos θ');
    // cos(D_1, D_2), cos(u, v): the cosine of two vectors named as a function of the pair (an angle's cosine takes one argument).
    if (applies(root, ['cos']).some((a) => { const r = rowOf(a.arg); return r.length === 3 && r[1].k === 'op' && r[1].v === ',' && r[0].k === 'sym' && r[2].k === 'sym'; })) add('cosine-similarity', 3, COSINE_OF_PAIR);
  }
  for (const f of fracs(root)) {
    const denTxt = subText(f.den);
    const numVs = syms(f.num).filter((x) => x.name === 'v' || x.name === 'u');
    if (/^2[a-zA-Z]$/.test(denTxt) && numVs.length >= 2 && hasOp(f.num, '+')) add('cbow', 3.4, '(v_{c−m} + … + v_{c+m}) / 2m');
  }
  if (parts.length === 2 && lhsHead?.k === 'sym' && ['h', 'v'].includes(lhsHead.name) && fracs(parts[1]).some((f) => onlyNum(f.num, 1)) && bigs(parts[1], 'sum').length && parts[1].some((x) => x.k === 'sym' && x.name === 'v' && /w/.test(subText(x.sub)))) add('cbow', 3.2, 'h = (1/C) Σ_c v_{w_c}');
  if (fracs(root).some((f) => onlyNum(f.num, 1) && /^(C|2m|2c|2C)$/.test(subText(f.den)))) {
    const top = (g: Node) => rowOf((g as Group).body).filter((x): x is Sym => x.k === 'sym');
    const avgGroup = every.some((g) => g.k === 'group' && hasOp(g.body, '+') && new Set(top(g).map((x) => x.name)).size === 1 && top(g).length >= 2 && ['x', 'v', 'e'].includes(top(g)[0].name));
    if (avgGroup) add('cbow', 3.2, '(1/C) W^T (x_1 + … + x_C)');
  }
  // CBOW: average of context vectors (word vectors written w where the average is barred or hatted, w̄_t)
  const averagedLeft = sides(root).parts.length === 2 && syms(sides(root).parts[0]).some((s) => s.mods.includes('bar') || s.mods.includes('hat'));
  if (fracs(root).some((f) => onlyNum(f.num, 1) && /^(2[a-zA-Z]|C)$/.test(subText(f.den))) && bigs(root, 'sum').some((b) => 'sub' in b && b.sub && (hasOp(b.sub, '≤') || hasOp(b.sub, '≠'))) && syms(root).some((s) => s.name === 'v' || s.name === 'u' || s.name === 'e' || (s.name === 'w' && averagedLeft))) add('cbow', 3.3, 'v̂ = 1/2m Σ_j v_{c+j}');
  // attention: weighted sum Σ α_i h_i ; scores e^t = [s^T h_1, …]
  // (A neuron's net input, net_j = Σ_i w_ij o_i, is a layer's weighted sum.)
  // (a · b := Σ_i a_i b_i defines the dot product: no attention.)
  // (∂L/∂W = Σ_t Σ_k δ_{t,k} x_kᵀ: a gradient's terms summed, not values weighted.)
  // (A weight times its state written with a dot, Σ_j α_{tj} · h_j, is the same scaled state: no dot product of the two.)
  const weightTimes = (x: Node, j: number, a: Row) => x.k === 'op' && ['·', '*', '∗'].includes(x.v) && a[j - 1]?.k === 'sym' && ['alpha', 'a'].includes((a[j - 1] as Sym).name) && !!(a[j - 1] as Sym).sub && a[j + 1]?.k === 'sym' && !!(a[j + 1] as Sym).sub;
  for (const r of spelled(lhs) === 'net' || hasOp(lhs, '·', '\\cdot') || derivs(lhs).length ? [] : [rhsAll.filter((x, j, a) => !weightTimes(x, j, a))]) {
    for (let i = 0; i + 2 < r.length; i++) {
      if (r[i].k !== 'big' || (r[i] as { v: string }).v !== 'sum') continue;
      const w = r[i + 1];
      const v = r[i + 2];
      // ((Ax)_i = Σ_k a_{ik} x_k writes out a product of the matrix the left side names: no attention.)
      const entriesOfLeft = w.k === 'sym' && /^[a-z]$/.test(w.name) && syms(lhs).some((y) => y.name === w.name.toUpperCase());
      if (entriesOfLeft) continue;
      // (Σ_i w_{ji} z_i, Σ_j w^i_{kj} a^{i−1}_j, Σ_h w_{hj} b_h: a unit's weights on the units below, a layer's weighted sum.)
      // (A weight of three indices, Σ_k u_{ijk} z_k, is a tensor contraction, not one output's weights over the inputs.)
      // (not a recursion such as the HMM forward variable α_t(j) = Σ_i α_{t−1}(i) a_ij b_j(o_t))
      if (w.k === 'apply' && ['alpha', 'a'].includes(w.fn) && v.k === 'sym' && (v.sub || v.sup) && lhsBase !== w.fn) add('attention', 3.1, 'Σ_t α(s, h_t) h_t');
      // (Σ_i f(q_j, k_i) v_i: the weight a similarity of the query and each key.)
      else if (w.k === 'apply' && syms(w.arg).some((y) => y.name === 'q') && syms(w.arg).some((y) => y.name === 'k') && v.k === 'sym' && /^[vV]$/.test(v.name)) add('attention', 3.3, 'Σ_i f(q, k_i) v_i: values weighted by the query\'s similarity to each key');
      const sumIdx = (r[i] as { sub?: Node }).sub ? rowOf((r[i] as { sub?: Node }).sub).find((x): x is Sym => x.k === 'sym')?.name : undefined;
      // (A bias of the output's own index added to the sum, c_j + Σ_k v_{jk} u_k, makes it a neuron's net input.)
      const free = w.k === 'sym' && w.sub ? syms(w.sub).find((x) => x.name !== sumIdx)?.name : undefined;
      const biasAdded = !!free && hasOp(r, '+') && r.some((x, j) => (j < i || j > i + 2) && x.k === 'sym' && subText(x.sub) === free);
      if (sumIdx && !biasAdded && w.k === 'sym' && v.k === 'sym' && w.name !== v.name && w.sub && v.sub && syms(w.sub).length === 2 && syms(w.sub).some((x) => x.name === sumIdx) && subText(v.sub) === sumIdx && !['x', 'X', 'W', 'A'].includes(w.name) && !(v.name === 'x' && /^[wWvVuU]$/.test(w.name)) && !layerSup(w) && !(w.name === 'w' && /^[xzahbyo]$/.test(v.name))) add('attention', 3.1, 'Σ_s γ_{rs} m_s: a weighted sum of values');
      // (The running index may be written above both, Σ_i α_0^i h^i.)
      const indexAbove = w.k === 'sym' && v.k === 'sym' && !v.sub && !!w.sup && !!v.sup && /^[a-z]$/.test(subText(v.sup).trim()) && subText(w.sup).trim() === subText(v.sup).trim();
      if (w.k === 'sym' && ['alpha', 'a', 'w'].includes(w.name) && w.sub && v.k === 'sym' && (v.sub || indexAbove)) {
        const selfish = ['v'].includes(v.name) || ['x'].includes(v.name) && w.name === 'w';
        // w_ij x_j, w_ij a_j + b_i alone is also just a linear layer: only the words around it can say it is attention.
        // (A bias added after the sum, Σ_i α_i x_i + β, makes it a neuron's score: a context vector has none.)
        const biased = r[i + 3]?.k === 'op' && (r[i + 3] as { v: string }).v === '+' && r[i + 4]?.k === 'sym' && /^(b|beta|c|w|theta)$/.test((r[i + 4] as Sym).name) && i + 5 >= r.length;
        // (a_0 + Σ a_i x_i: coefficients on the inputs after an intercept of the same letter — a linear model.)
        const intercept = i >= 2 && r[i - 1].k === 'op' && (r[i - 1] as { v: string }).v === '+' && r[i - 2].k === 'sym' && (r[i - 2] as Sym).name === w.name;
        const plainLayer = (w.name === 'w' || biased || (intercept && v.name === 'x')) && !applies(root, ['softmax', 'exp']).length;
        // (w = Σ_i α_i x_i defines a weight vector by the examples, as kernel methods and the perceptron do: no attention.)
        // (Nor Σ_i α_i y_i w^T x_i, Σ_i Σ_j α_i α_j y_i y_j x_i^T x_j: multipliers times the labels ±1, a support vector
        // machine's dual.)
        const dual = v.name === 'y' || (v.name === 'alpha' && w.name === 'alpha');
        if (!/^(w|W|theta|beta)$/.test(lhsBase ?? '') && !dual) add(selfish ? 'self-attention' : 'attention', plainLayer ? 1.8 : 3.2, WEIGHTED_VALUES);
      }
      // (The weight may follow the state it weighs, c_t = Σ_i h_i α_i, the whole right side.)
      const sameIndex = w.k === 'sym' && v.k === 'sym' && !!w.sub && !!v.sub && subText(w.sub) === subText(v.sub);
      if (sameIndex && /^[hsm]$/.test((w as Sym).name) && ['alpha', 'a'].includes((v as Sym).name) && i === 0 && r.length === 3 && !/^(w|W|theta|beta|alpha|a)$/.test(lhsBase ?? '')) add('attention', 3.0, WEIGHTED_VALUES);
    }
  }
  if (parts.length > 1 && rhsAll.some((x) => x.k === 'group' && x.delim === '[' && dots(x.body).length && hasOp(x.body, '…'))) add('attention', 3, 'scores e = [s^T h_1, …, s^T h_N]');
  // (Over √d, q·k/√d, it is the scaled dot-product's score — unless the left side scores two positions of one sequence,
  // score(x_i, x_j).)
  const qk = (r: Node | Row) => dots(r).some((d) => symBase(d.a) === 'q' && symBase(d.b) === 'k');
  const scored = parts[0]?.length === 1 && parts[0][0].k === 'apply' ? syms(parts[0][0].arg).filter((x) => !!x.sub) : [];
  const samePositions = scored.length === 2 && scored[0].name === scored[1].name && subText(scored[0].sub) !== subText(scored[1].sub);
  if (parts.length > 1 && qk(rhsAll) && (samePositions || !fracs(rhsAll).some((f) => rowOf(f.den).some((x) => x.k === 'sqrt') && qk(f.num)))) add('self-attention', 3, 'e_ij = q_i^T k_j');
  // e_{t,i} = s_t^T h_i, e_i = s^T W h_i, e^t_i = h_t^T h̄_i: a decoder state scored against one encoder state, the score
  // attention turns into weights. (The letter e and the state letters s, h say it; a dimension after it, `∈ ℝ`, is no part.)
  if (parts.length === 2 && lhs.length === 1 && lhsHead?.k === 'sym' && lhsHead.name === 'e' && lhsHead.mods.every((m) => m === 'bold') && (lhsSub || lhsSup)) {
    const dimensionAt = parts[1].findIndex((x) => x.k === 'op' && x.v === '∈');
    const rhs = dimensionAt < 0 ? parts[1] : parts[1].slice(0, dimensionAt);
    const state = (x: Node | undefined) => !!x && x.k === 'sym' && /^[sh]$/.test(x.name) && !!(x.sub || x.sup || x.mods.includes('bar'));
    const scored = rhs.length === 2 || (rhs.length === 3 && rhs[1].k === 'sym' && /^W/.test(rhs[1].name));
    const idx = (x: Node) => (x.k === 'sym' ? `${subText(x.sub)}${subText(x.sup)}` : '');
    if (scored && state(rhs[0]) && isTransposeSup((rhs[0] as Sym).sup) && state(rhs[rhs.length - 1]) && idx(rhs[rhs.length - 1]) && `${lhsSub}${lhsSup}`.includes(idx(rhs[rhs.length - 1]).replace(/\s/g, '').slice(-1))) add('attention', 3, 'e_{t,i} = s_tᵀ h_i: a decoder state scored against an encoder state');
    // (Each state through a function of its own, ⟨φ(s_i), ψ(h_u)⟩: Listen, Attend and Spell scores them after an MLP each.)
    const through = (x: Node | undefined): Node | undefined => {
      const a = x?.k === 'group' && rowOf(x.body).length === 1 ? rowOf(x.body)[0] : x;
      const r = a?.k === 'apply' && a.head.k === 'sym' && !a.head.sub && /^(phi|psi|varphi|Phi|Psi)$/.test(a.fn) ? rowOf(a.arg) : [];
      return r.length === 1 ? r[0] : undefined;
    };
    const [sIn, hIn] = rhs.length === 2 ? [through(rhs[0]), through(rhs[1])] : [undefined, undefined];
    if (sIn && hIn && rhs[0].k === 'group' && isTransposeSup(rhs[0].sup) && state(sIn) && state(hIn) && (sIn as Sym).name !== (hIn as Sym).name && `${lhsSub}${lhsSup}`.replace(/\s/g, '').includes(idx(hIn).replace(/\s/g, '').slice(-1))) add('attention', 3, 'e_{i,u} = ⟨φ(s_i), ψ(h_u)⟩: a decoder state scored against an encoder state, each through its own function');
  }
  // q_i = Q x_i, k_i = K x_i, v_i = V x_i
  {
    const roles = new Set<string>();
    for (let i = 0; i + 2 < root.length; i++) {
      const a = root[i];
      const b = root[i + 2];
      if (a.k === 'sym' && ['q', 'k', 'v'].includes(a.name) && root[i + 1].k === 'op' && b.k === 'sym' && b.name === a.name.toUpperCase()) roles.add(a.name);
    }
    // Q = X W^Q, k_i = W^K x_i, …
    const { parts: segs } = sides(root.filter((x) => !(x.k === 'op' && x.v === ',')));
    let proj = 0;
    let headed = 0;
    for (let i = 0; i + 1 < segs.length; i++) {
      const lhsSym = [...segs[i]].reverse().find((x): x is Sym => x.k === 'sym');
      if (!lhsSym || !['q', 'k', 'v'].includes(lhsSym.name.toLowerCase())) continue;
      const L = lhsSym.name.toUpperCase();
      const w = segs[i + 1].find((x): x is Sym => x.k === 'sym' && x.name === 'W' && (subText(x.sup).toUpperCase() === L || subText(x.sub).toUpperCase() === L));
      if (!w) continue;
      proj++;
      // (W_Q^{(h)}, W_i^Q: the projection of one head, its other index the head's.)
      const other = (subText(w.sup).toUpperCase() === L ? subText(w.sub) : subText(w.sup)).replace(/\s+/g, '');
      // (Or the heads numbered, Q_1 = X W_1^Q, …, Q_h = X W_h^Q, or counted by m, Q_m = W_q^m H.)
      if (/^(\(h\)|h|i|\(i\)|m|[0-9])$/.test(other)) headed++;
    }
    // (Two roles at least: v_{c−m} = V x^{c−m}, …, v_{c+m} = V x^{c+m} projects every context word with one matrix.)
    // (Queries projected from one sequence and keys from another, Q = X W^Q, K = Y W^K, is attention across them.)
    const inputOf = (role: string) => root.find((x, i) => i >= 2 && root[i - 2].k === 'sym' && (root[i - 2] as Sym).name === role && root[i - 1].k === 'op' && x.k === 'sym');
    const across = (inputOf('Q') as Sym | undefined)?.name !== undefined && (inputOf('Q') as Sym).name !== (inputOf('K') as Sym | undefined)?.name && !!inputOf('K');
    if ((roles.size >= 2 || proj >= 2) && !across) add('self-attention', 3.4, 'q = Qx, k = Kx, v = Vx');
    if (headed >= 2 && !across) add('multi-head-attention', 4, 'Q^{(h)} = X W_Q^{(h)}, …: the projections of one head');
  }
}

// ---------- evidence beyond the structural detectors ----------

/** Concept families: a more specific member may stand in for the general one (and context may pick among them). */
const FAMILIES: ConceptId[][] = [
  ['attention', 'mlp-attention', 'self-attention', 'scaled-dot-product-attention', 'multi-head-attention', 'masked-self-attention'],
  ['rnn', 'lstm', 'gru', 'bidirectional-rnn', 'seq2seq', 'backpropagation-through-time'],
  ['mlp', 'affine-layer', 'fixed-window-lm'],
  ['mlp-attention', 'mlp', 'affine-layer'],
  ['seq2seq', 'teacher-forcing', 'language-model'],
  ['skipgram', 'skipgram-softmax', 'sgns', 'hierarchical-softmax', 'cbow'],
  ['cross-entropy', 'negative-log-likelihood', 'binary-cross-entropy', 'distillation-loss', 'surprisal', 'perplexity', 'masked-lm', 'teacher-forcing'],
  ['language-model', 'ngram-markov', 'probability-chain-rule', 'seq2seq', 'fixed-window-lm'],
  ['softmax', 'softmax-regression', 'skipgram-softmax'],
  ['sigmoid', 'logistic-regression'],
  ['gradient-descent', 'minibatch-sgd', 'adam'],
  ['empirical-risk', 'mse', 'maximum-likelihood', 'regularization', 'zero-one-loss', 'hinge-loss'],
];
/** Concepts that are parts of bigger ones: a name for the bigger one wins over them. */
const LESS_SPECIFIC = new Set<ConceptId>(['affine-layer', 'linear-regression', 'softmax', 'sigmoid', 'tanh', 'relu']);
/** The general member of a family: a name that says only this much leaves the structure to be more specific. */
const GENERAL = new Set<ConceptId>(['attention', 'rnn', 'mlp', 'skipgram', 'softmax', 'language-model', 'cross-entropy', 'relu']);
/** Why a weighted sum Σ α_i h_i was read as attention. */
const WEIGHTED_VALUES = 'a weighted sum Σ α_i h_i';

/** Why softmax(QKᵀ/√d_k)V written whole is scaled dot-product attention (firm: an arrangement of Q, Kᵀ, √d and V). */
const SDPA_WRITTEN = 'softmax(QKᵀ/√d)V: queries scored against the transposed keys, scaled, weighting the values';
/** −η ∇J, −η dJ/dθ written alone: the step gradient descent takes, a rate against the gradient. */
const stepWrittenAlone = (root: Row): boolean => root.length >= 3 && root[0].k === 'op' && root[0].v === '-' && root[1].k === 'sym' && STEP_SIZE.test(root[1].name) && !root[1].sub && hasGradient(root.slice(2)) && !hasOp(root.slice(2), '+', '-', '=');

/** Why a loss plus one λ over a bracket of norms is a regularised loss (firm: an arrangement of terms). */
const SHARED_PENALTY = 'loss + λ(‖p‖² + ‖q‖²): one weight on the norms of every parameter set';
/** Why a moving average of gradients with a plain β was read as Adam's first moment. */
const AVERAGED_GRADIENTS = 'moving average of gradients with β';
/** Momentum named in the words (English, Chinese, Japanese, Korean, and the Romance and Slavic spellings). */
const MOMENTUM_WORDS = /momentum|动量|動量|冲量|衝量|モーメンタム|모멘텀|momento|импульс|моментум/i;
/**
 * c = Σ_i a_i v_i, values weighted by one query's weights (one index), is every attention's output: self-attention
 * only where the words say so. (Weights of two indices, o_i = Σ_j α_{ij} v_j, are every position's over all the others.)
 * Changes `sorted` in place.
 */
function valuesWeighted(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row, words: string): void {
  if (sorted[0]?.id !== 'self-attention' || sorted[0].why !== WEIGHTED_VALUES || namedFor('self-attention', words) || /self|自注意|自己注意|셀프/i.test(words)) return;
  const weights = syms(items).filter((x) => /^(alpha|a|w)$/.test(x.name) && !!x.sub);
  if (!weights.length || weights.some((x) => syms(x.sub).length !== 1) || applies(items, ['softmax', 'exp']).length) return;
  const general = sorted.findIndex((c) => c.id === 'attention');
  if (general > 0) sorted.splice(general, 1);
  sorted[0] = { ...sorted[0], id: 'attention' };
}

/**
 * w_0 + Σ_i w_i x_i + Σ_{i<j} w_{ij} x_i x_j: products of two inputs of different indices are pairwise interactions (a
 * factorisation machine, a polynomial model), not the linear model the first terms write. Changes `sorted` in place.
 */
/** Drops the readings `drop` picks, except those a name written in the formula gave. Changes `sorted` in place. */
function dropUnnamed(sorted: Array<{ id: ConceptId; why: string }>, drop: (c: { id: ConceptId; why: string }) => boolean): void {
  for (let i = sorted.length - 1; i >= 0; i--) if (drop(sorted[i]) && !sorted[i].why.startsWith('named')) sorted.splice(i, 1);
}

/**
 * L(w, b, α) = ½‖w‖² − Σ_i α_i [y_i(wᵀx_i + b) − 1]: a Lagrangian, a function of the parameters and of multipliers
 * (α, μ, ν; a λ among the arguments is as often a penalty's weight), holds the weights' squared norm as the objective it constrains — no penalty added to a loss.
 */
function lagrangian(sorted: Array<{ id: ConceptId; why: string }>, tree: Row): void {
  const { parts } = sides(tree);
  const lhs = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'apply' ? parts[0][0] : undefined;
  const args = lhs ? rowOf(lhs.arg).filter((x): x is Sym => x.k === 'sym') : [];
  if (!lhs || !/^(L|Lambda)$/.test(lhs.fn) || args.length < 2 || !args.some((x) => /^(alpha|mu|nu)$/.test(x.name)) || !args.some((x) => PARAM_LETTER.test(x.name))) return;
  dropUnnamed(sorted, (c) => c.id === 'regularization');
}

/**
 * [u; v; u − v; u ⊙ v], [s; x; |s − x|; s ⊙ x]: a concatenation holding the difference or the product of its own parts
 * is a matching model's comparison features — no window of embeddings, no two directions of a recurrence, no cell.
 * Changes `sorted` in place.
 */
function matchingFeatures(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row): void {
  const compared = all({ k: 'row', items }).some((g) => {
    if (g.k !== 'group' || g.delim !== '[') return false;
    const partsOf: Row[] = [[]];
    for (const x of rowOf(g.body)) if (x.k === 'op' && x.v === ';') partsOf.push([]); else partsOf[partsOf.length - 1].push(x);
    return partsOf.length >= 3 && partsOf.some((p) => p.some((x, k) => (k > 0 && x.k === 'op' && ['-', '⊙', '∘'].includes(x.v)) || (x.k === 'group' && x.delim === '|')));
  });
  if (!compared) return;
  dropUnnamed(sorted, (c) => ['fixed-window-lm', 'bidirectional-rnn', 'lstm', 'rnn', 'gru'].includes(c.id));
}

function pairwiseInteractions(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row): void {
  const pair = rowsIn(items).some((r) => r.some((x, i) => { const y = r[i + 1]; return x.k === 'sym' && y?.k === 'sym' && x.name === y.name && /^[xX]$/.test(x.name) && !!x.sub && !!y.sub && subText(x.sub) !== subText(y.sub) && !x.sup && !y.sup; }));
  // (So are powers of the input, w_1 x + w_2 x² + b, θ_2 x^2, w_n x^p, w_2 √x: a polynomial model, fitted as a linear
  // one but written as a curve. A superscript in brackets, x^{(i)}, indexes the example.)
  const powered = all({ k: 'row', items }).some((x) => (x.k === 'sym' && x.name === 'x' && /^([2-9]|p)$/.test(subText(x.sup).replace(/[{}\s]/g, ''))) || (x.k === 'sqrt' && !x.index && rowOf(x.body).length === 1 && rowOf(x.body)[0].k === 'sym' && (rowOf(x.body)[0] as Sym).name === 'x'));
  if (!pair && !powered) return;
  // (Unless it is written whole as a regression's polynomial, y = θ₀ + θ₁x + θ₂x² + ⋯: an intercept and one coefficient
  // for each power.)
  dropUnnamed(sorted, (c) => ['linear-regression', 'affine-layer'].includes(c.id) && c.why !== POLYNOMIAL_REGRESSION);
}

/**
 * v ← βv + (1 − β)∇f with a plain β, under words that name momentum and not Adam or RMSProp: the velocity of momentum,
 * which the catalog does not have, not Adam's moment. Changes `sorted` in place.
 */
function momentumAverage(sorted: Array<{ id: ConceptId; score: number; why: string }>, words: string): void {
  if (!MOMENTUM_WORDS.test(words) || /adam|rms ?prop/i.test(words)) return;
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i].id === 'adam' && sorted[i].why === AVERAGED_GRADIENTS) sorted.splice(i, 1);
}

/**
 * A general name (attention, an RNN, a softmax) with the structure of a more specific relative: the structure says which.
 * (A weighted sum of values is every attention's output: under the name "attention" it says nothing of self-attention.)
 */
function specialisesName(named: ConceptId, structural: ConceptId, why: string): boolean {
  // (Two-class terms under the name NLL are the binary cross-entropy the labels' log-likelihood is.)
  // (A KL named inside an ELBO the structure found with its KL term, E_q[log p(x | z)] − KL(q ‖ p), is the bound's term.)
  const klOfElbo = structural === 'elbo' && named === 'kl-divergence' && /KL/.test(why);
  // (A loss named MSE minimised within a budget on the parameters is the constrained ridge or lasso.)
  const constrained = structural === 'regularization' && why === CONSTRAINED_LOSS;
  return (GENERAL.has(named) && !LESS_SPECIFIC.has(structural) && !(named === 'attention' && why === WEIGHTED_VALUES)) || !!ALSO_NAMED[structural]?.includes(named) || klOfElbo || constrained;
}

/**
 * The general concepts each one specialises (a child is claimed only with its distinguishing evidence, else the
 * general one): additive attention is attention scored by an MLP, full-softmax skip-gram is a softmax, …
 */
const PARENT: Partial<Record<ConceptId, ConceptId[]>> = {
  'self-attention': ['attention'], 'mlp-attention': ['attention', 'mlp'], 'scaled-dot-product-attention': ['attention'],
  'multi-head-attention': ['attention'], 'masked-self-attention': ['self-attention'],
  'skipgram-softmax': ['skipgram', 'softmax'], sgns: ['skipgram'], 'hierarchical-softmax': ['skipgram'],
  'ngram-markov': ['language-model'], 'fixed-window-lm': ['language-model'],
  'negative-log-likelihood': ['cross-entropy'], 'binary-cross-entropy': ['cross-entropy'], perplexity: ['cross-entropy'],
  lstm: ['rnn'], gru: ['rnn'], 'bidirectional-rnn': ['rnn'], 'minibatch-sgd': ['gradient-descent'],
  'softmax-regression': ['softmax'], 'logistic-regression': ['sigmoid'], 'backpropagation-through-time': ['chain-rule'],
};
export function ancestors(id: ConceptId): ConceptId[] {
  const out: ConceptId[] = [];
  const queue = [...(PARENT[id] ?? [])];
  while (queue.length) {
    const p = queue.shift()!;
    if (out.includes(p)) continue;
    out.push(p);
    queue.push(...(PARENT[p] ?? []));
  }
  return out;
}
/** Functions and linear pieces that, under a log, are part of a loss rather than the formula's concept. */
const FRAGMENTS = new Set<ConceptId>(['softmax', 'sigmoid', 'tanh', 'logistic-regression', 'softmax-regression', 'affine-layer', 'linear-regression']);
/**
 * The two halves of binary cross-entropy: −log ŷ for y = 1 and −log(1 − ŷ) for y = 0 (a loss of a prediction and a 0/1
 * label), both in one formula; or −log D(x) − log(1 − D(G(z))), one classifier's probability on two examples, a real
 * one and a generated one, with the loss's minus. (Not σ of two word pairs, a positive and a sampled negative: that is
 * negative sampling's.)
 */
function logHalves(root: Row, written: Apply[]): { score: number; why: string } | null {
  // (ln(1/ŷ) and ln(1/(1 − ŷ)) are the same halves with the minus taken into the log.)
  const logs = written.map((l) => { const r = rowOf(l.arg); return r.length === 1 && r[0].k === 'frac' && onlyNum(r[0].num, 1) ? { ...l, arg: r[0].den } : l; });
  const oneMinus = (a: Apply) => !!oneMinusOf(a.arg);
  const logOf = (x: Node) => logs.find((l) => !oneMinus(l) && show(l.arg) === show(x));
  if (logsOfTheirOwnWeights(root)) return null;
  if (logs.some((l) => oneMinus(l) && !!logOf(rowOf(l.arg)[2]))) return { score: 3.3, why: '−log ŷ if y = 1, −log(1 − ŷ) if y = 0' };
  const headOf = (r: Row) => (r.length === 1 && r[0].k === 'apply' && !['log', 'ln', 'exp', 'sigmoid', 'sigma'].includes(r[0].fn) ? r[0].fn : null);
  const complement = (l: Apply) => { const inner = rowOf(l.arg)[2]; return oneMinus(l) && inner ? headOf([inner]) : null; };
  const paired = logs.some((l) => !!complement(l) && logs.some((m) => m !== l && !oneMinus(m) && headOf(rowOf(m.arg)) === complement(l)));
  return paired && logs.length === 2 && negated(root) ? { score: 3.2, why: '−log D(x) − log(1 − D(x′)): a classifier\'s binary cross-entropy on an example of each class' } : null;
}

/**
 * Evidence in words and letters the other detectors do not read: a gate named by its word on the left
 * (`forget = σ(…)`, `ingate = …`), connection weights with two indices on the inputs they weigh
 * (λ_{1,4} I_1 + λ_{2,4} I_2 + b_4), and a statistician's linear predictor through the sigmoid (σ(β₀ + β₁ x₁ + …)).
 */
function detectWordsAndWeights(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhsAll = parts.length > 1 ? parts.slice(1).flat() : [];
  const sigmoids = applies(rhsAll, ['sigmoid']);
  const gateWord = lhs.length === 1 && lhs[0].k === 'name' ? lhs[0].v.toLowerCase() : '';
  // (An update or a reset gate is a GRU's; the others an LSTM's.)
  const gru = /^(update|reset)/.test(gateWord);
  if (sigmoids.length && GATE_WORD.test(gateWord)) add(gru ? 'gru' : 'lstm', 3.4, `${gateWord} = σ(…): ${gru ? 'a GRU' : 'an LSTM'} gate named by its word`);
  // λ_{1,4} · I_1 + λ_{2,4} · I_2 (+ b_4), Σ_i (λ_{i,j} · I_i) + b_j: each input times the weight of its connection.
  const weighted = (t: Row) => {
    const f = t.filter((x) => !(x.k === 'op' && ['·', '*'].includes(x.v)));
    const body = unparenthesised(f).filter((x) => !(x.k === 'op' && ['·', '*'].includes(x.v)));
    if (body.length !== 2 || body.some((x) => x.k !== 'sym')) return false;
    const [w, v] = body as Sym[];
    const pair = indexPair(w.sub);
    return !!pair && w.name !== v.name && subText(v.sub).replace(/\s+/g, '') === pair[0];
  };
  const rhs = parts.length > 1 ? parts[parts.length - 1] : [];
  const terms = termsOf(rhs);
  const weightedTerms = terms.filter((t) => t.sign === '+' && (weighted(t.items) || (t.items[0]?.k === 'big' && t.items[0].v === 'sum' && weighted(t.items.slice(1)))));
  const biasOnly = (t: { items: Row }) => t.items.length === 1 && t.items[0].k === 'sym' && /^b/.test(t.items[0].name);
  const inputs = weightedTerms.length >= 2 || weightedTerms.some((t) => t.items[0]?.k === 'big');
  if (lhs.length === 1 && inputs && terms.every((t) => weightedTerms.includes(t) || biasOnly(t))) add('affine-layer', 3.1, 'Σ_i λ_{i,j} I_i + b_j: each input times the weight of its connection, plus a bias');
  // Y = Xθ, ŷ = Xw, y = Xβ + ε: the responses as the data matrix times the coefficients (a noise term may follow).
  const response = parts.length === 2 && lhs.length === 1 && lhs[0].k === 'sym' && /^[yY]$/.test(lhs[0].name);
  const dataTimes = (t: Row) => t.length === 2 && t[0].k === 'sym' && t[0].name === 'X' && !t[0].sup && t[1].k === 'sym' && /^(theta|beta|w)$/.test(t[1].name) && !t[1].sup && !t[1].sub;
  const noise = (t: { sign: string; items: Row }) => t.sign === '+' && t.items.length === 1 && t.items[0].k === 'sym' && /^(epsilon|varepsilon|e)$/.test(t.items[0].name);
  if (response && terms.length >= 1 && dataTimes(terms[0].items) && terms.slice(1).every(noise)) add('linear-regression', 3, 'y = Xθ: the data matrix times the coefficients');
  // L_{kd}, ℒ_{KD}, L_{distill}: the distillation loss named by its subscript, alone or added to the loss on the labels.
  const kd = (x: Node) => (x.k === 'sym' && /^(L|ell|l|J)$/.test(x.name)) || (x.k === 'apply' && x.head.k === 'sym' && /^(L|ell|l|J)$/.test(x.head.name));
  const kdSub = (x: Node) => { const h = x.k === 'apply' ? x.head : x; return h.k === 'sym' && /^(kd|distill?|distillation)$/i.test(subText(h.sub).replace(/[^A-Za-z]/g, '')); };
  if (all(root).some((x) => kd(x) && kdSub(x))) add('distillation-loss', 4.5, DISTILLATION_NAMED);
  // σ(β₀ + β₁ x₁ + β₂ x₂): the linear predictor of a logistic model, the coefficients written β.
  for (const a of applies(root, ['sigmoid'])) {
    const ts = termsOf(rowOf(a.arg));
    const beta = (x: Node) => x.k === 'sym' && x.name === 'beta';
    const intercept = ts.some((t) => t.items.length === 1 && beta(t.items[0]) && subText((t.items[0] as Sym).sub) === '0');
    const slopes = ts.filter((t) => t.items.length === 2 && t.items.filter(beta).length === 1 && t.items.some((x) => x.k === 'sym' && x.name !== 'beta'));
    if (intercept && slopes.length >= 1 && slopes.length === ts.length - 1) add('logistic-regression', 3.2, 'σ(β₀ + β₁ x₁ + …): a linear predictor through the sigmoid');
  }
}

/** Why a gradient step over an explicit batch is minibatch SGD (a batch the learned model's tokens cannot see). */
const SAMPLED_STEP = 'θ ← θ − η ∇f_{i_k}(θ): a step on the gradient of a sampled example (or batch), a stochastic step';
const BATCH_STEP = 'θ ← θ − η/|B| Σ_{i∈B} ∇ℓ_i';
/** Why a regression is named in the statistician's letters (firm: an arrangement of coefficients and inputs). */
const STATISTICIANS_REGRESSION = 'Sales ≈ β₀ + β₁ TV + β₂ Radio: a coefficient for each input, the statistician\'s regression';
/** Why self-attention is named for an input projected into its query, key or value role. */
const PROJECTION_WITH_BIAS = 'Q = X W_Q + b_Q: the input in its query role';
const PROJECTION_ROWS = 'Q = X W_Q: the input in its query role';
const PROJECTION_ONE = 'q_i = W^Q x_i: an input in its query role';
const PROJECTION_KEYS = 'K = X W_K: the input in its key or value role';
const PROJECTIONS: ReadonlySet<string> = new Set([PROJECTION_WITH_BIAS, PROJECTION_ROWS, PROJECTION_KEYS, PROJECTION_ONE]);
/** Why the sinusoidal encoding is named by its frequencies or by the parity of its dimensions (details the learned model's tokens do not weigh). */
const ENCODING_PARITY = 'sin at the even dimensions i = 2k, cos at the odd ones: the sinusoidal positional encoding';
const ENCODING_FREQUENCIES = 'ω_k = 1/10000^{2k/d}: the geometric frequencies of the sinusoidal positional encoding';

/**
 * A regression written in the statistician's letters: the coefficients β, the inputs named by words or letters.
 *  - Sales ≈ β₀ + β₁ TV + β₂ Radio + ε, Y = β₁ x₁ + β₂ x₂ + β₃ x₁x₂: a coefficient on each input (or product of inputs),
 *    an intercept or none, a noise term or none.
 *  - ŷ_i = β̂ X_i: the fitted coefficients times the input.
 */
/** A run of three or more bare letters (`TestScore`, `HoursStudied`) as the word it spells. */
function lettersAsWords(r: Row): Row {
  const out: Row = [];
  let run: Sym[] = [];
  const bare = (x: Node): boolean => x.k === 'sym' && /^[A-Za-z]$/.test(x.name) && !x.sub && !x.sup && !x.mods.length;
  const flush = () => {
    if (run.length >= 3) out.push({ k: 'name', v: run.map((x) => x.name).join('') });
    else out.push(...run);
    run = [];
  };
  for (const x of r) {
    if (bare(x)) run.push(x as Sym);
    // (The word's last letter may carry its index, TestScore_i: the word indexed.)
    else if (run.length >= 2 && x.k === 'sym' && /^[A-Za-z]$/.test(x.name) && x.sub && !x.sup && !x.mods.length) {
      out.push({ k: 'name', v: [...run, x].map((y) => y.name).join(''), sub: x.sub });
      run = [];
    } else (flush(), out.push(x));
  }
  flush();
  return out;
}

function detectRegressions(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  if (parts.length !== 2 || !rels.every((r) => r === '=' || r === '≈')) return;
  // (A word typed without a text box, TestScore, HoursStudied, is read letter by letter: a run of three or more bare
  // letters is that word.)
  const [lhs, rhs] = parts.map(lettersAsWords);
  const one = lhs.length === 1 ? lhs[0] : undefined;
  if (!one || (one.k !== 'sym' && one.k !== 'name') || applies(rhs).length) return;
  // (With word-named inputs, weights w_j and a bias b are the coefficients too: Price = w_1 · Size + w_2 · Bedrooms + b.)
  const wordInputs = rhs.some((x) => x.k === 'name' && /^[A-Za-z]{3,}$/.test(x.v));
  const beta = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && (x.name === 'beta' || (wordInputs && x.name === 'w')) && !x.sup;
  const input = (x: Node) => (x.k === 'name' && /^[A-Za-z]{2,}$/.test(x.v)) || (x.k === 'sym' && x.name !== 'beta' && !/^(epsilon|varepsilon)$/.test(x.name) && !(x.sup && !/^T$/.test(subText(x.sup))));
  const terms = termsOf(rhs).map((t) => t.items.filter((x) => !(x.k === 'op' && ['·', '×', '*'].includes(x.v))));
  const intercept = (t: Row) => t.length === 1 && ((beta(t[0]) && subText(t[0].sub) === '0') || (wordInputs && t[0].k === 'sym' && t[0].name === 'b' && !t[0].sub && !t[0].sup));
  const slope = (t: Row) => t.length >= 2 && t.filter(beta).length === 1 && (beta(t[0]) || beta(t[t.length - 1])) && t.every((x) => beta(x) || input(x));
  // (The econometrician's error term is u_i.)
  const noise = (t: Row) => t.length === 1 && t[0].k === 'sym' && (/^(epsilon|varepsilon)$/.test(t[0].name) || (t[0].name === 'u' && !t[0].sup && !t[0].mods.length));
  const slopes = terms.filter(slope);
  const named = slopes.some((t) => t.some((x) => x.k === 'name')) || one.k === 'name';
  const response = one.k === 'sym' && /^[yY]$/.test(one.name);
  if (terms.every((t) => intercept(t) || slope(t) || noise(t)) && slopes.length >= (terms.some(intercept) ? 1 : 2) && (named || (response && slopes.length >= 2))) add('linear-regression', 3.2, STATISTICIANS_REGRESSION);
  if (response && polynomialInOneInput(terms)) add('linear-regression', 3.4, POLYNOMIAL_REGRESSION);
  if (response && one.k === 'sym' && (one.mods.includes('hat') || one.mods.includes('widehat')) && rhs.length === 2 && rhs.some(beta) && rhs.some((x) => x.k === 'sym' && /^[xX]$/.test(x.name))) add('linear-regression', 3, 'ŷ_i = β̂ X_i: the fitted coefficients times the input');
}

/** Why linear regression is named for a polynomial of one input (firm: the arrangement of its coefficients and powers). */
const POLYNOMIAL_REGRESSION = 'y = θ₀ + θ₁x + θ₂x² + … + θ_n xⁿ: linear regression on the powers of one input';

/**
 * y = θ₀ + θ₁x + θ₂x² + ⋯ + θ_n xⁿ (+ ε): an intercept and one coefficient of the same letter for each power of one input
 * (x or x_i), up to a power of at least 2 — a polynomial regression, linear in its coefficients.
 */
function polynomialInOneInput(terms: Row[]): boolean {
  const coefficient = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^(w|theta|beta|a|b|c|alpha)$/.test(x.name) && !!x.sub && !x.sup && !x.mods.length;
  const letters = new Set<string>();
  const inputs = new Set<string>();
  let intercept = false;
  let highest = 0;
  for (const t of terms) {
    if (t.length === 1 && t[0].k === 'op' && t[0].v === '…') continue;
    if (t.length === 1 && t[0].k === 'sym' && /^(epsilon|varepsilon)$/.test(t[0].name)) continue;
    const [c, x] = t;
    if (!coefficient(c)) return false;
    letters.add(c.name);
    if (t.length === 1 && subText(c.sub) === '0') {
      intercept = true;
      continue;
    }
    if (t.length !== 2 || x.k !== 'sym' || x.mods.length || x.name === c.name || (x.sub && !/^[ijn]$/.test(subText(x.sub)))) return false;
    inputs.add(x.name);
    const power = x.sup ? subText(x.sup) : '1';
    if (!/^(\d|[nNpPkKdD])$/.test(power)) return false;
    highest = Math.max(highest, /^\d$/.test(power) ? Number(power) : 9);
  }
  return intercept && letters.size === 1 && inputs.size === 1 && highest >= 2;
}

/**
 * Signatures of a concept that one detail gives away, wherever it is written:
 *  - 10000^{2k/d}, 10000^{−2i/d}: the frequencies of the sinusoidal positional encoding;
 *  - sin(ω_k t) at the even dimensions i = 2k and cos(ω_k t) at the odd ones i = 2k + 1: that encoding's two halves;
 *  - two softmaxes softened by the same temperature, softmax(r/T) and softmax(z/T): the distillation term.
 */
function detectSignatures(root: Row, add: Add): void {
  const every = all(root);
  const geometric = (x: Node) => x.k === 'num' && x.v === 10000 && !!x.sup && /^-?2[a-z]\/d/.test(show(x.sup).replace(/[\s{}]|\\frac/g, '').replace(/^-?\(?(2[a-z])\)?\(?(d[a-z_]*)\)?$/, '$1/$2'));
  if (every.some(geometric)) add('positional-encoding', 4, ENCODING_FREQUENCIES);
  for (const env of every.filter((x): x is Extract<Node, { k: 'env' }> => x.k === 'env' && x.name === 'cases')) {
    const wave = (r: Node[], fn: string) => applies(r[0] ? rowOf(r[0]) : [], [fn]).length > 0;
    const parity = (r: Node[], odd: boolean) => { const t = show(r[1] ?? { k: 'row', items: [] }).replace(/\s|\\text\{[^}]*\}|if/g, ''); return odd ? /=2[a-z]\+1$/.test(t) : /=2[a-z]$/.test(t); };
    const rows = env.rows;
    if (rows.length === 2 && ((wave(rows[0], 'sin') && parity(rows[0], false) && wave(rows[1], 'cos') && parity(rows[1], true)) || (wave(rows[0], 'cos') && parity(rows[0], true) && wave(rows[1], 'sin') && parity(rows[1], false)))) add('positional-encoding', 3.6, ENCODING_PARITY);
  }
  const softened = applies(root, ['softmax']).map((a) => rowOf(a.arg)).filter((r) => r.length === 1 && r[0].k === 'frac' && rowOf(r[0].den).length === 1 && rowOf(r[0].den)[0].k === 'sym' && ((rowOf(r[0].den)[0] as Sym).name === 'T' || (rowOf(r[0].den)[0] as Sym).name === 'tau'));
  if (softened.length >= 2 && new Set(softened.map((r) => show((r[0] as Frac).num))).size >= 2) add('distillation-loss', 3.8, 'softmax(r/T) against softmax(z/T): the teacher\'s and the student\'s distributions softened by one temperature');
}

/**
 * How a side writes a score's log-softmax with its log-sum-exp: `z_i − log Σ_j exp(z_j)` is 'log-softmax',
 * `−z_y + log Σ_j exp(z_j)` (its minus, the loss of the true class) is 'negated'; anything else undefined. The lone
 * term and the exponent are one letter, indexed, the same letter on both.
 */
function logSumExpForm(side: Row): 'log-softmax' | 'negated' | undefined {
  const terms = termsOf(side);
  if (terms.length !== 2) return undefined;
  const exponentOf = (t: { items: Row }) => {
    const logs = applies(t.items, ['log', 'ln']);
    const exps = applies(t.items, ['exp']);
    if (logs.length !== 1 || exps.length !== 1 || !bigs(t.items, 'sum').length) return undefined;
    const r = rowOf(exps[0].arg);
    return r.length === 1 && r[0].k === 'sym' && r[0].sub ? r[0].name : undefined;
  };
  const lone = terms.find((t) => t.items.length === 1 && t.items[0].k === 'sym' && !!t.items[0].sub);
  const other = terms.find((t) => t !== lone);
  if (!lone || !other || exponentOf(other) !== (lone.items[0] as Sym).name) return undefined;
  if (lone.sign === '+' && other.sign === '-') return 'log-softmax';
  return lone.sign === '-' && other.sign === '+' ? 'negated' : undefined;
}

const LOG_SUM_EXP_LOSS = "−z_y + log Σ_j e^{z_j}: minus the log-softmax of the true class's score";
/** −z_y + log Σ_j exp(z_j): minus the log-softmax of the true class's score, the cross-entropy of the scores (its minus is the lone score's). */
function detectLogSumExpLoss(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  if (rels.some((r) => r !== '=')) return;
  if (valueSides(parts).some((p) => logSumExpForm(p) === 'negated')) add('cross-entropy', 3.0, LOG_SUM_EXP_LOSS);
}

/**
 * word2vec's objectives written out in the outside (u) and centre (v) vectors:
 *  - −u_oᵀv_c + log Σ_w exp(u_wᵀv_c): minus the log of the softmax probability of the outside word, the log-sum-exp
 *    written out (summed over the window, the skip-gram's softmax objective all the same);
 *  - any such objective whose centre vector is v̂ (or v̄), the average of the context vectors: CBOW's.
 */
function detectWord2vecForms(root: Row, add: Add): void {
  const { parts } = sides(root);
  const rhs = parts[parts.length - 1] ?? [];
  const outsideCentre = (r: Node[]) => { const d = dots(r); return d.some(({ a, b }) => symBase(a) === 'u' && /^(v|V)$/.test(symBase(b) ?? '')); };
  const terms = termsOf(rhs);
  const minusDot = terms.some((t) => t.sign === '-' && outsideCentre(t.items) && !applies(t.items, ['log', 'ln', 'exp']).length);
  // (The log's argument may end at the sum, log Σ_w exp(…) parsed as log(Σ_w) exp(…): the term holds both.)
  const logSumExp = terms.some((t) => t.sign === '+' && applies(t.items, ['log', 'ln']).some((l) => bigs(l.arg, 'sum').length > 0) && applies(t.items, ['exp']).some((e) => outsideCentre(rowOf(e.arg))));
  if (minusDot && logSumExp) add('skipgram-softmax', 3.4, '−u_oᵀv_c + log Σ_w exp(u_wᵀv_c): minus the log of the softmax probability of the outside word');
  const averaged = (x: Node) => x.k === 'sym' && x.name === 'v' && ['hat', 'widehat', 'bar', 'overline'].some((m) => x.mods.includes(m));
  const objective = applies(root, ['log', 'ln', 'exp', 'sigmoid']).length > 0 || applies(root).some((a) => /^[pP]$/.test(a.fn) && hasOp(a.arg, '|'));
  if (objective && all(root).some(averaged) && syms(root).some((x) => x.name === 'u')) add('cbow', 4.4, 'v̂ in the centre\'s place, the average of the context vectors: CBOW');
}

/**
 * x_t W_x^{(f)} + h_{t−1} W_h^{(f)} + b^{(f)}: the weighted input of one gate alone, the input and the previous state
 * through weights all marked with the gate's letter — an LSTM's (f, i, o, g) or a GRU's (z, r).
 */
function detectGateInputs(root: Row, add: Add): void {
  const { parts } = sides(root);
  const side = parts[parts.length - 1] ?? [];
  const weights = syms(side).filter((x) => /^[WUV]$/.test(x.name));
  const mark = (x: Sym) => [subText(x.sup), subText(x.sub)].map((t) => t.replace(/[\s()]/g, '')).find((t) => /^[fiogzr]$/.test(t)) ?? '';
  const gate = weights.length >= 2 && weights.every((w) => mark(w) === mark(weights[0])) ? mark(weights[0]) : '';
  const previous = syms(side).some((x) => /^[hH]$/.test(x.name) && /t-1/.test(subText(x.sub) + subText(x.sup)));
  const input = syms(side).some((x) => /^[xX]$/.test(x.name) && /^t$|^\(t\)$/.test(subText(x.sub) + subText(x.sup)));
  if (gate && previous && input && hasOp(side, '+') && !applies(side).length) add(/[zr]/.test(gate) ? 'gru' : 'lstm', 3.2, `the weighted input of one gate (${gate}): x_t and h_{t−1} through the gate's own weights`);
}

/**
 * log P(w_{t−1} | w_t) + log P(w_{t+1} | w_t): conditionals (by the positions of what each predicts and of what it is
 * given) each predicting one word, all given the same centre, with words on both sides of it among them.
 */
function bothSidesGivenCentre(sided: Array<{ at: string[]; around: string[] }>): boolean {
  const centre = sided[0]?.around[0];
  if (sided.length < 2 || !centre || !/^[a-z]$/.test(centre)) return false;
  return sided.every((p) => p.at.length === 1 && p.around.length === 1 && p.around[0] === centre) && sided.some((p) => p.at[0].startsWith(`${centre}-`)) && sided.some((p) => p.at[0].startsWith(`${centre}+`));
}

/** Losses written with a minus sign (−log p): the same terms without it are a log-likelihood. */
const SIGNED_LOSSES = new Set<ConceptId>(['negative-log-likelihood', 'cross-entropy', 'binary-cross-entropy', 'perplexity', 'surprisal']);
/** A minus in front of a log, a sum, a fraction, a bracket or an expectation somewhere in the formula (−log p, −Σ …). */
/** A sentence that sets the label to one class: `if y = 1`, `si y_i = 0`, `when t^{(i)} = 1`. */
const LABEL_CASE = /(?<![A-Za-z\\])[yt](?:_\{?i\}?|_?i|\^\{?\(i\)\}?)?\s*={1,2}\s*[01](?![\d.]*\d)/;
const LABEL_CASE_LOG = '−log ŷ where the sentence sets y = 1 (−log(1 − ŷ) where y = 0): one case of the binary cross-entropy';
/** A side that is only the negated log of one prediction, or of one minus it: −log ŷ, −log(1 − h_θ(x)). */
function labelCaseLog(root: Row): boolean {
  const { parts } = sides(root);
  const terms = termsOf(unparenthesised(parts[parts.length - 1] ?? []));
  if (parts.length > 2 || terms.length !== 1 || terms[0].sign !== '-' || terms[0].items.length !== 1) return false;
  const log = terms[0].items[0];
  if (log.k !== 'apply' || !['log', 'ln'].includes(log.fn)) return false;
  const arg = unparenthesised(rowOf(log.arg));
  const one = (x: Node | undefined) => !!x && (x.k === 'sym' || (x.k === 'apply' && !['log', 'ln', 'exp'].includes(x.fn)));
  return (arg.length === 1 && one(arg[0])) || one(oneMinusOf(arg) ?? undefined);
}

function negated(root: Row): boolean {
  const rows: Row[] = [root];
  const visit = (v: unknown, depth: number): void => {
    if (!v || typeof v !== 'object' || depth > 80) return;
    if (Array.isArray(v)) {
      if (v.length && v.every((x) => x && typeof x === 'object' && 'k' in x)) rows.push(v as Row);
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const n = v as Record<string, unknown>;
    if (n.k === 'row') return visit(n.items, depth + 1);
    for (const [key, x] of Object.entries(n)) if (key !== 'k' && typeof x === 'object') visit(x, depth + 1);
  };
  visit(root, 0);
  // (1 − h(x) is a complement, not a minus in front of a log: only a log, an expectation or an entropy applied counts.)
  // (ℓ(θ), the log-likelihood of the parameters, is a log too.)
  const loggish = (x: Node | undefined) => !!x && (['big', 'frac', 'group'].includes(x.k) || (x.k === 'apply' && /^(log|ln|E|H|lg|log2)$/.test(x.fn)) || (x.k === 'sym' && /^(E|log|ln)$/.test(x.name)) || (x.k === 'apply' && /^(l|ell)$/.test(x.fn) && syms(x.arg).some((y) => PARAM_LETTER.test(y.name))));
  // −log p, −Σ …, −[…], and a weight in front: −w_n [y log x + …], −w_y log …, −y_j * ln a_j
  if (rows.map(unmultiplied).some((r) => r.some((x, i) => x.k === 'op' && x.v === '-' && (loggish(r[i + 1]) || ((r[i + 1]?.k === 'sym' || r[i + 1]?.k === 'apply') && loggish(r[i + 2])))))) return true;
  // (A log of a reciprocal, Σ p log 1/q, is the minus written inside: log 1/q = −log q.)
  return all(root).some((x) => x.k === 'apply' && /^(log|ln|lg|log2)$/.test(x.fn) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'frac' && onlyNum((rowOf(x.arg)[0] as Frac).num, 1));
}
/** Concepts that are never a loss. */
const NOT_A_LOSS = new Set<ConceptId>(['affine-layer', 'linear-regression', 'mlp', 'rnn', 'lstm', 'gru', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'hardtanh', 'softmax', 'attention', 'self-attention', 'fixed-window-lm', 'seq2seq']);
const LOSS_WORDS = /^(l|j|ell|loss|cost|objective|mathcall|mathcalj|rss|sse)$/i;
function lossLhs(root: Row): boolean {
  const { parts } = sides(root);
  if (parts.length < 2) return false;
  const lhs = parts[0].filter((x) => !(x.k === 'op' && x.v === ','));
  const h = lhs[0];
  if (!h) return false;
  // A loss word spelled in italic letters (`loss = …`, `cost(x) = …`).
  const letters = lhs.filter((x) => x.k !== 'group').map((x) => (x.k === 'sym' && /^[a-z]$/i.test(x.name) && !x.sub && !x.sup ? x.name : x.k === 'apply' && /^[a-z]$/i.test(x.fn) ? x.fn : '#')).join('');
  // (Or its initials: SE, SSE, RSS, MSE = ….)
  if (/^(loss|cost|error|objective|se|sse|rss|mse)$/i.test(letters)) return true;
  const word = h.k === 'sym' ? h.name + (h.mods.includes('cal') ? 'cal' : '') : h.k === 'apply' ? h.fn : h.k === 'name' ? h.v : '';
  // (Or a loss written between equals signs, `C = cost(ŷ, y) = (ŷ − y)²`.)
  const named = parts.slice(1, -1).some((p) => p.length === 1 && p[0].k === 'apply' && /^(loss|cost|error)$/i.test(p[0].fn));
  return named || (lhs.length <= 2 && LOSS_WORDS.test(word.replace(/[^A-Za-z]/g, '')) && /^(L|J|ell|loss|cost|objective|RSS|SSE)/i.test(word));
}

/** A loss named by its subscript, L_{CE}, ℓ_{hinge}, L_{0/1}: the name's letters. */
const LOSS_SUBSCRIPTS: Record<string, ConceptId> = lookupTable({ ce: 'cross-entropy', cce: 'cross-entropy', xent: 'cross-entropy', bce: 'binary-cross-entropy', nll: 'negative-log-likelihood', mse: 'mse', l1: 'regularization', l2: 'regularization', '01': 'zero-one-loss', zeroone: 'zero-one-loss', hinge: 'hinge-loss', hin: 'hinge-loss' });

/** The loss a subscript on the loss letter names (L_{CE}, L_{BCE}, J_{NLL}, L_{MSE}). */
function lossSubscript(root: Row): ConceptId | null {
  const h = sides(root).parts[0]?.[0];
  const sym = h?.k === 'sym' ? h : h?.k === 'apply' && h.head.k === 'sym' ? h.head : null;
  // (Or above it, as a name in parentheses: ℓ^{(0/1)}, ℓ^{(hin)}.)
  const sub = sym ? (subText(sym.sub) || subText(sym.sup)).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  // (L_{L1}, L_{L2}: the penalty named by its norm; L_{reg} may be regression's loss as well as the regularised one.)
  return LOSS_SUBSCRIPTS[sub] ?? null;
}
/** Why a loss letter defined as one call of a named loss (ℒ = CE(f(Wx))) is that loss. */
const LOSS_CALLED = 'ℒ = CE(…), J = MSE(…): the loss letter defined as one call of a loss by its name';
/** Specialisations whose structure no other member of their family has (two-class terms, gates, sampled negatives). */
const DISTINCT_CHILDREN = new Set<ConceptId>(['binary-cross-entropy', 'lstm', 'gru', 'sgns', 'multi-head-attention', 'masked-self-attention']);
/**
 * Another name the words may give a distinct child's form: the two-class terms are also a Bernoulli label's negative
 * log-likelihood; the masked scores, softmax(QKᵀ/√d + M)V, are still scaled dot-product attention; one direction's
 * state computed by a cell called by name (`→h_t = LSTM(…)` beside its backward twin) is still that cell's.
 */
const ALSO_NAMED: Partial<Record<ConceptId, ConceptId[]>> = { 'binary-cross-entropy': ['negative-log-likelihood'], 'masked-self-attention': ['scaled-dot-product-attention'], 'bidirectional-rnn': ['lstm', 'gru', 'rnn'] };
/** General concepts whose evidence is a shape every specialisation shares. */
const SHAPE_ONLY = new Set<ConceptId>(['rnn', 'attention', 'language-model', 'gradient-descent']);
/** The one loss whose derivative is claimed with the loss: −y/ŷ + (1 − y)/(1 − ŷ) is written nowhere else. */
const BCE_DERIVATIVE = "dL/dŷ = −y/ŷ + (1 − y)/(1 − ŷ): the binary cross-entropy's derivative by the prediction";
/** How far the best concept must lead every other candidate to be claimed on its own. */
export const MARGIN = 0.35;
/** Concepts whose formulas are derivatives or gradient steps. */
const DERIVATIVE_CONCEPTS = new Set<ConceptId>(['gradient-descent', 'minibatch-sgd', 'adam', 'chain-rule', 'backpropagation-through-time']);

export function related(a: ConceptId, b: ConceptId): boolean {
  if (a === b || RELATIVES[a]?.includes(b) || RELATIVES[b]?.includes(a)) return true;
  return FAMILIES.some((f) => f.includes(a) && f.includes(b));
}

/** Function names (canonical: lower-case letters and digits) that name a catalog concept, in any font. */
const NAMED_CONCEPTS: Record<string, ConceptId> = lookupTable({
  sigmoid: 'sigmoid', logistic: 'sigmoid', sig: 'sigmoid', tanh: 'tanh', relu: 'relu', leakyrelu: 'leaky-relu', lrelu: 'leaky-relu', prelu: 'leaky-relu',
  hardtanh: 'hardtanh', htanh: 'hardtanh', step: 'step-function', heaviside: 'step-function', softmax: 'softmax', mse: 'mse', rss: 'mse', sse: 'mse',
  // (The mean squared error abbreviated in Spanish, ECM, and in Portuguese and French, EQM.)
  ecm: 'mse', eqm: 'mse',
  // (CCE: the categorical cross-entropy, as Keras names it.)
  crossentropy: 'cross-entropy', categoricalcrossentropy: 'cross-entropy', cce: 'cross-entropy', xent: 'cross-entropy', bce: 'binary-cross-entropy', hinge: 'hinge-loss', nll: 'negative-log-likelihood',
  kl: 'kl-divergence', dkl: 'kl-divergence', elbo: 'elbo', rnn: 'rnn', elman: 'rnn', lstm: 'lstm', gru: 'gru', birnn: 'bidirectional-rnn',
  bilstm: 'bidirectional-rnn', bigru: 'bidirectional-rnn', brnn: 'bidirectional-rnn', seq2seq: 'seq2seq', encdec: 'seq2seq',
  // (BLSTM, and the pyramidal pBLSTM of Listen, Attend and Spell, which halves the steps between its layers.)
  blstm: 'bidirectional-rnn', bgru: 'bidirectional-rnn', pblstm: 'bidirectional-rnn',
  mlp: 'mlp', ffn: 'mlp', nn: 'mlp', feedforward: 'mlp', attention: 'attention', attend: 'attention', attn: 'attention', att: 'attention',
  additiveattention: 'mlp-attention', selfattention: 'self-attention', selfattn: 'self-attention', multihead: 'multi-head-attention',
  mha: 'multi-head-attention', multiheadattention: 'multi-head-attention', multiheadattn: 'multi-head-attention',
  maskedattention: 'masked-self-attention', sdpa: 'scaled-dot-product-attention', mhsa: 'multi-head-attention', posenc: 'positional-encoding', skipgram: 'skipgram', cbow: 'cbow', sgns: 'sgns',
  cosine: 'cosine-similarity', cossim: 'cosine-similarity', dropout: 'dropout', adam: 'adam', trace: 'trace', tr: 'trace',
  ppl: 'perplexity', perplexity: 'perplexity', perp: 'perplexity', nnlm: 'fixed-window-lm', nplm: 'fixed-window-lm', bptt: 'backpropagation-through-time', surprisal: 'surprisal', expit: 'sigmoid',
  logreg: 'logistic-regression', linreg: 'linear-regression', positionalencoding: 'positional-encoding', crossent: 'cross-entropy',
  // (MATLAB's transfer functions, as Hagan's Neural Network Design writes them: hard limit, log- and tan-sigmoid,
  // positive linear, symmetric saturating linear.)
  hardlim: 'step-function', logsig: 'sigmoid', tansig: 'tanh', poslin: 'relu', satlins: 'hardtanh',
  rect: 'relu', rectifier: 'relu', leaky: 'leaky-relu', rrelu: 'leaky-relu', hingeloss: 'hinge-loss', skipgramneg: 'sgns', negsampling: 'sgns', hsoftmax: 'hierarchical-softmax',
});
/** Model words the parser joins into one name when written in italic letters (`GRU(h, x)`, `Attention(Q, K, V)`). */
export const MODEL_WORDS = new Set(Object.keys(NAMED_CONCEPTS).filter((w) => w.length >= 3));

const ELEMENTWISE = new Set<ConceptId>(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'hardtanh', 'step-function', 'dropout']);

const nameKey = (n: Node): string | null => {
  const key = (v: string | null) => {
    if (!v) return null;
    const base = v.toLowerCase().replace(/[^a-z0-9]/g, '');
    // EncoderRNN, DecoderGRU, enc_lstm: the recurrent network of an encoder–decoder.
    if (/^(enc|encoder|dec|decoder)(rnn|gru|lstm)[0-9]*$/.test(base)) return 'seq2seq';
    return NAMED_CONCEPTS[base] ? base : NAMED_CONCEPTS[base.replace(/[0-9]+$/, '')] ? base.replace(/[0-9]+$/, '') : null;
  };
  // RNN_{enc}, \mathrm{GRU}^{dec}, LSTM_{src}: the recurrent network of an encoder or a decoder.
  const side = (h: Node) => (h.k === 'name' || h.k === 'sym') && /^(enc|encoder|dec|decoder|src|source|tgt|target)$/i.test((subText(h.sub) || subText(h.sup)).replace(/[^A-Za-z]/g, ''));
  if (n.k === 'apply' && side(n.head) && /^(rnn|gru|lstm)$/.test(key(n.head.k === 'name' ? n.head.v : n.fn) ?? '')) return 'seq2seq';
  // (The name as written first: `SelfAttention(Q, K, V)` is self-attention, though the call reads as attention.)
  if (n.k === 'apply') return (n.head.k === 'name' ? key(n.head.v) : null) ?? key(n.fn);
  return n.k === 'name' ? key(n.v) : null;
};

/**
 * The name that says what the formula IS: the function defined on the left (`GRU(h, x) = …`, `\text{Attention}(Q, K, V)
 * = …`) or the one outermost call on the right (`h_t = \mathrm{GRU}(h_{t−1}, x_t)`, `\hat y = softmax(FFN(z))`).
 */
/**
 * da_prev = W_fᵀ dΓ_f + …, dW = dz xᵀ: gradients in code notation, a d run into the letter it is the gradient of, on the
 * left and again on the right.
 */
function codeGradient(root: Row): boolean {
  const dPairs = (r: Row) => r.filter((x, i) => x.k === 'sym' && x.name === 'd' && !x.sub && !x.sup && !x.mods.length && r[i + 1]?.k === 'sym' && (r[i + 1] as Sym).name !== 'd').length;
  const { parts } = sides(root);
  return parts.length === 2 && dPairs(parts[0]) === 1 && parts[0].length <= 3 && dPairs(parts[1]) + all(parts[1]).filter((x): x is Extract<Node, { k: 'row' }> => x.k === 'row').reduce((n, r) => n + dPairs(r.items), 0) >= 1;
}

/** δ_{o,t} = …, δ^{(l)} = …: an error term (a gradient of the loss) is what the left side defines. */
function errorTerm(root: Row): boolean {
  const h = sides(root).parts.length >= 2 ? sides(root).parts[0][0] : undefined;
  return !!h && h.k === 'sym' && h.name === 'delta' && !!(h.sub || h.sup);
}

/** Guesses that are only what a log takes (the probability a loss scores) leave the contest; `sorted` is changed in place. */
function logFragments(sorted: Array<{ id: ConceptId; score: number; why: string }>, root: Row): void {
  // A function under a log is a fragment of a loss: softmax or σ inside log(…) is the probability the loss scores,
  // not what the formula is. Those guesses (and relatives derived from them) leave the contest; a minus log of a
  // softmax is the cross-entropy of the true class.
  const logged = applies(root, ['log', 'ln']).filter((a) => applies(a.arg, ['exp', 'softmax', 'sigmoid', 'sigma']).length > 0 || fracs(a.arg).some((f) => !!softmaxFrac(f)));
  if (logged.length) {
    // (The log-odds of a sigmoid are what logistic regression models, not a fragment of a loss.)
    // (Attention weights are a softmax too: under a minus log they are the probability a loss scores.)
    const fragments = (id: ConceptId) => FRAGMENTS.has(id) || (FAMILIES[0].includes(id) && hasOp(root, '-'));
    const isFragment = (c: { id: ConceptId; why: string }) => (fragments(c.id) && !c.why.includes('log-odds')) || [...FRAGMENTS, ...FAMILIES[0]].some((f) => c.why === `related to ${f}` && fragments(f));
    const softmaxUnderLog = logged.some((a) => fracs(a.arg).some((f) => !!softmaxFrac(f)) || applies(a.arg, ['softmax']).length > 0);
    // (log softmax(x)_i = x_i − log Σ e^{x_j} defines the log-softmax: its minus is inside, no loss's sign.)
    // (Or log p_i = z_i − log Σ_j e^{z_j} without the name: the log-sum-exp taken from a score of the same letter.)
    const { parts, rels } = sides(root);
    const definesLogSoftmax = (parts.length > 1 && applies(parts[0], ['log', 'ln']).some((a) => applies(a.arg, ['softmax']).length > 0)) || (rels.every((r) => r === '=') && valueSides(parts).some((p) => logSumExpForm(p) === 'log-softmax'));
    if (softmaxUnderLog && hasOp(root, '-') && !definesLogSoftmax && !sorted.some((c) => c.score >= 2.5 && !isFragment(c))) sorted.push({ id: 'cross-entropy', score: 3, why: '−log of a softmax probability: the cross-entropy of the true class' });
    dropUnnamed(sorted, isFragment);
    if (definesLogSoftmax && !sorted.some((c) => c.score >= 2.5)) sorted.push({ id: 'softmax', score: 3, why: 'log softmax(x)_i = x_i − log Σ_j e^{x_j}: the softmax, written in logarithms' });
    sorted.sort((a, b) => b.score - a.score);
  }
}

/** A letter with its subscript, as text (y_i), to compare two occurrences. */
const symbolKeyOf = (x: Sym) => `${x.name}_${subText(x.sub)}`;

/** Concepts that are objectives: what an arg max or min is taken of. */
const OBJECTIVES = new Set<ConceptId>(['elbo', 'negative-log-likelihood', 'cross-entropy', 'binary-cross-entropy', 'mse', 'kl-divergence', 'hinge-loss', 'empirical-risk']);

function primaryName(root: Row): ConceptId | null {
  const { parts } = sides(root);
  const abbreviated = parts.length > 1 ? lossAbbreviation(parts[0]) : null;
  if (abbreviated) return abbreviated;
  // (A shape declared after the definition, `ŷ = softmax(z) ∈ ℝ^{|V|}`, says where the value lives, not what it is.)
  const declared = (r: Row) => { const at = r.findIndex((x) => x.k === 'op' && x.v === '∈'); return at > 0 ? r.slice(0, at) : r; };
  const strip = (r: Row) => declared(r).filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.' || x.v === ';')) && x.k !== 'text');
  const lhs = parts.length > 1 ? strip(parts[0]) : [];
  const candidates: Row[] = [];
  if (lhs.length) candidates.push(lhs);
  for (const p of valueSides(parts)) candidates.push(strip(p));
  // A formula that is only a name, or one call of it (`tanh`, `D_{KL}(P ‖ Q)`, `GRU(h, x)`): that name.
  if (parts.length < 2) {
    const r = strip(parts[0] ?? []);
    const model = (id: ConceptId) => FAMILIES[0].includes(id) || FAMILIES[1].includes(id) || id === 'mlp';
    // A bare word in italic letters (`tanh`, `softmax`): the letters spell the name.
    const word = r.length >= 3 && r.every((x) => x.k === 'sym' && /^[a-z]$/i.test(x.name) && !x.sub && !x.sup && !x.mods.length) ? r.map((x) => (x as Sym).name).join('').toLowerCase() : null;
    if (word) return NAMED_CONCEPTS[word] && MODEL_WORDS.has(word) && !model(NAMED_CONCEPTS[word]) ? NAMED_CONCEPTS[word] : null;
    // D_{KL}(P ‖ Q): the letter's subscript is the name.
    const head = r.length === 1 && r[0].k === 'apply' && r[0].head.k === 'sym' && r[0].head.sub ? subText(r[0].head.sub).toLowerCase().replace(/[^a-z]/g, '') : '';
    if (head === 'kl') return 'kl-divergence';
    // One call of a model (`LSTM(x)`) is a use of it, not what it is; one call of a function or divergence is.
    const k = r.length === 1 && (r[0].k === 'name' || (r[0].k === 'apply' && r[0].head.k === 'name')) ? nameKey(r[0]) : null;
    // A model's name alone (`\text{LSTM}`, `\RNN`) mentions the model and shows none of it: no claim. An activation
    // applied to a whole pre-activation (`\tanh(W x_t + U h_{t−1} + b)`) is a step of a bigger model: the structure decides.
    if (!k || model(NAMED_CONCEPTS[k])) return null;
    return r[0].k === 'name' || !(ELEMENTWISE.has(NAMED_CONCEPTS[k]) && affine(argRow(r[0] as Apply))) ? NAMED_CONCEPTS[k] : null;
  }
  // Several definitions in one line (h = …, ŷ = softmax(…)): no single name speaks for all of them.
  if (parts.slice(1, -1).some((p) => p.some((x) => x.k === 'op' && (x.v === ',' || x.v === ';')))) return null;
  for (const r of candidates) {
    // A single call (a derivative operator d/dx in front is allowed): that call's name, written as a word.
    const calls = r.filter((x): x is Apply => x.k === 'apply');
    // (arg max_q ELBO(q), min_θ NLL(θ): an objective the formula optimises, by its name.)
    const optimiser = (x: Node) => x.k === 'name' && /^(arg)?\s*(max|min)$/i.test(x.v);
    const rest = r.filter((x) => x.k !== 'apply' && !(x.k === 'frac' && !!derivative(x)) && !optimiser(x));
    const optimised = r.some(optimiser);
    // (D_{KL}(q ‖ p) = …: the letter's subscript names the divergence the formula works out.)
    if (r === lhs && calls.length === 1 && rest.length === 0 && calls[0].head.k === 'sym' && subText(calls[0].head.sub).toLowerCase().replace(/[^a-z]/g, '') === 'kl') return 'kl-divergence';
    if (calls.length === 1 && rest.length === 0 && calls[0].head.k === 'name' && (!optimised || OBJECTIVES.has(NAMED_CONCEPTS[nameKey(calls[0]) ?? ''] as ConceptId))) {
      const k = nameKey(calls[0]);
      // An activation applied on the right is part of a bigger model (h_t = tanh(W h_{t−1} + U x_t)), not its name.
      if (k && (r === lhs || !ELEMENTWISE.has(NAMED_CONCEPTS[k]))) return NAMED_CONCEPTS[k];
    }
  }
  return null;
}

/** Words that put a layer inside a network of several layers. */
const MLP_WORDS = /hidden layer'?s? outputs?|outputs? of the hidden layer|(two|three|[2-9])[- ]layers?|multi-?layer|\bmlps?\b|(fully[- ]connected|feed-?forward) (neural )?network/i;
/** An activation applied to a linear map somewhere in the formula (σ(Wx + b), tanh(W h)). */
function activated(root: Row): boolean {
  return applies(root).some((a) => ['sigmoid', 'sigma', 'tanh', 'relu', 'phi', 'varphi', 'f', 'g'].includes(a.fn) && (!!affine(argRow(a)) || dots(a.arg).length > 0 || syms(a.arg).some((x) => /^[A-Z]$/.test(x.name) && /^(W|V|U|Theta)$/.test(x.name))));
}

/** Abbreviations a left side writes for a loss or a measure (CE = …, BCE(y, ŷ) = …, PP(W) = …, D_KL = …). */
const LOSS_ABBREVIATIONS: Record<string, ConceptId> = lookupTable({ ce: 'cross-entropy', cel: 'cross-entropy', cce: 'cross-entropy', xent: 'cross-entropy', bce: 'binary-cross-entropy', bcel: 'binary-cross-entropy', nll: 'negative-log-likelihood', mse: 'mse', pp: 'perplexity', ppl: 'perplexity', kl: 'kl-divergence', dkl: 'kl-divergence', elbo: 'elbo',
  // (And the measure's whole name typed as a word on the left, `perplexity = 2^{H}`, `cross_entropy = …`.)
  perplexity: 'perplexity', crossentropy: 'cross-entropy', categoricalcrossentropy: 'cross-entropy', binarycrossentropy: 'binary-cross-entropy', logloss: 'binary-cross-entropy', surprisal: 'surprisal', hingeloss: 'hinge-loss', meansquarederror: 'mse', ecm: 'mse', eqm: 'mse' });
function lossAbbreviation(lhs: Row): ConceptId | null {
  const r = lhs.filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  const one = r.length === 1 ? r[0] : null;
  const word = one && (one.k === 'name' || (one.k === 'apply' && one.head.k === 'name')) ? (one.k === 'name' ? one.v : one.fn)
    : r.length >= 2 && r.every((x) => x.k === 'sym' && /^[A-Z]$/.test(x.name) && !x.sub && !x.sup && !x.mods.length) ? r.map((x) => (x as Sym).name).join('')
    : r.length >= 2 && r.slice(0, -1).every((x) => x.k === 'sym' && /^[A-Z]$/.test(x.name) && !x.sub && !x.sup) && r[r.length - 1].k === 'apply' && /^[A-Z]$/.test((r[r.length - 1] as Apply).fn) ? [...r.slice(0, -1).map((x) => (x as Sym).name), (r[r.length - 1] as Apply).fn].join('') : null;
  return word ? LOSS_ABBREVIATIONS[word.toLowerCase().replace(/[^a-z]/g, '')] ?? null : null;
}

/** Words that name a role, not a method: a function called score(·) or loss(·) may still be any catalog concept. */
const GENERIC_NAMES = new Set(['score', 'loss', 'cost', 'error', 'err', 'prob', 'sim', 'similarity', 'dist', 'distance', 'energy', 'objective', 'obj', 'out', 'output', 'head', 'align', 'alignment', 'map', 'concat', 'f', 'g', 'model', 'net', 'network', 'layer', 'pred', 'predict', 'prediction', 'update', 'grad', 'step', 'enc', 'dec', 'encoder', 'decoder', 'emb', 'embed', 'embedding', 'proj', 'linear', 'lin', 'affine', 'dense', 'fc', 'mask', 'norm', 'exp', 'log', 'max', 'min', 'argmax', 'argmin', 'sign', 'sgn', 'arg', 'pr', 'det', 'diag', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'ce', 'mle', 'lm', 'sgd', 'pe', 'risk', 'j', 'l', 'nllloss', 'crossentropyloss', 'likelihood', 'll', 'sqrt', 'logit', 'odds', 'ln',
  // (Output and input in the languages notes are written in: Ausgang, Ausgabe, salida, sortie, saída, uscita; Eingang, entrada, entrée.)
  'ausgang', 'ausgabe', 'salida', 'sortie', 'saida', 'uscita', 'eingang', 'eingabe', 'entrada', 'entree']);

/** Why the distillation loss is named by the subscript of its loss letter. */
const DISTILLATION_NAMED = 'L_{kd}: the distillation loss by its name';
/** A gate named by its word: `forget`, `ingate`, `outgate`, `input_gate` (its underscore dropped), `updategate`. */
const GATE_WORD = new RegExp(`^${GATE_WORDS}$`);

/** The left side is one call of a named function the catalog does not know (and no generic role word). */
function foreignName(root: Row): boolean {
  const { parts } = sides(root);
  if (parts.length < 2) return false;
  const lhs = parts[0].filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.')));
  if (lhs.length !== 1) return false;
  const h = lhs[0];
  const word = h.k === 'apply' && h.head.k === 'name' ? h.head.v : h.k === 'name' ? h.v : null;
  if (!word || word.length < 2) return false;
  // (`MSE loss`, `CE cost`: a catalog name with the word loss after it.)
  const key = word.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(?<=.)(loss|cost|error)$/, '');
  // (Plurals and compounds of a role word, `scores`, `masked_scores`, `context_i`, name a role too.)
  // (So does a gate's word, `forget`, `ingate`, `resetgate`.)
  const generic = GENERIC_NAMES.has(key) || GENERIC_NAMES.has(key.replace(/s$/, '')) || /(score|weight|logit|context|mask|value|key|query|querie)s?$/.test(key) || GATE_WORD.test(key);
  return !!key && !generic && !NAMED_CONCEPTS[key] && !NAMED_CONCEPTS[key.replace(/[0-9]+$/, '')] && !MODEL_WORDS.has(key);
}

/** Multi-line blocks (aligned, array, cases, gathered …): the lines of one model vote. */
function blockLines(src: string): string[] {
  // (Definitions joined on one line by a spaced "and" are lines of a block too.)
  const AND = /\\q?quad\s*\\(?:text|mathrm|textrm)\s*\{\s*and\s*\}\s*\\q?quad/g;
  if (!/\\\\/.test(src) && !AND.test(src)) return [];
  const body = src.replace(/\\(begin|end)\{[a-zA-Z*]+\}/g, ' ').replace(AND, '\\\\');
  const lines = body.split(/\\\\(?:\[[^\]]*\])?/).map((l) => l.replace(/&/g, ' ').replace(/\\(?:text|mathrm|scriptstyle|small)\s*\{[^{}]*;[^{}]*\}/g, ' ').trim()).filter((l) => l.length > 2);
  const defs = lines.filter((l) => /=|\\equiv|\\approx|\\leftarrow|\\gets|\\mapsto/.test(l));
  return defs.length >= 2 && defs.length <= 12 ? defs : [];
}

/**
 * Definitions set side by side on one line with spacing or a word between them (`z = Wx + b, \quad a = σ(z)`,
 * `a = σ(z) \quad where \quad z = W a + b`) are the lines of a block; a dimension or a set written beside a definition
 * (`z = Wx + b \quad (W ∈ ℝ^{3×2})`) only annotates it. Gives the formula with such separators as line breaks and
 * such annotations left out; any other formula unchanged. The detectors read both: the block's lines and the formula
 * as written.
 */
export function sideBySide(src: string): string {
  // (A dimension declared before a definition, `q_i ∈ ℝ^{d_k}, Q = W_q X`, is set apart by its comma alone.)
  const declaredFirst = /^[^=,]*(?:\\in(?![A-Za-z])|∈)[^=,]*,[^,]*=/.test(src);
  // (Two definitions joined by a bare comma, `O = XW + b, y = softmax(O)`: the comma separates them too.)
  const nextDefinition = (at: number) => /^,\s*[^,=()\[\]]{1,40}(?:\([^()]{0,30}\))?\s*=/.test(src.slice(at, at + 80));
  // (Found with indexOf, not /=.*,.*=/, which backtracks cubically over a run of equals signs and then commas.)
  const firstEquals = src.indexOf('=');
  const commaAfter = firstEquals < 0 ? -1 : src.indexOf(',', firstEquals + 1);
  const commaJoined = commaAfter > 0 && src.indexOf('=', commaAfter + 1) > 0;
  if ((!declaredFirst && !commaJoined && !/\\q?quad|,\s*\\[:;]|\\text(?:it|rm)?\s*\{\s*(?:where|and|with)\s*\}|\bwhere\b/.test(src)) || /\\\\|\\begin\{/.test(src)) return src;
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  // (Sticky: tried where the walk stands, without copying the rest of the formula.)
  // (`,\;` and `,\:\:`: a comma and a medium space between two statements.)
  const SEP = /(?:,?\s*\\q?quad(?![A-Za-z])(?:\s*\\text(?:it|rm)?\s*\{\s*(?:where|and|with)\s*\}\s*\\q?quad(?![A-Za-z]))?|,\s*(?:\\[:;]\s*)+|\s*\\text(?:it|rm)?\s*\{\s*(?:where|and|with)\s*\}|\s+where\s+)/y;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    // (A run of spaces is tried once, at its start.)
    else if (depth === 0 && (c === ',' || c === '\\' || (c === ' ' && !/\s/.test(src[i - 1] ?? '')))) {
      SEP.lastIndex = i;
      const m = SEP.exec(src) ?? (c === ',' && ((declaredFirst && !pieces.length) || (commaJoined && nextDefinition(i) && src.lastIndexOf('=', i) >= start)) ? [','] : null);
      if (m && (c !== ' ' || /where/.test(m[0]))) {
        pieces.push(src.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  pieces.push(src.slice(start));
  const trimmed = pieces.map((p) => p.trim().replace(/^[,;.]|[,;.]$/g, '').trim()).filter((p) => p.length > 0);
  if (trimmed.length < 2) return src;
  // (A dimension, a set or a domain: `(W ∈ ℝ^{3×2})`, `W^1 \\in \\mathbb{R}^{n}`, `f : ℝ^d → ℝ`.)
  const dimension = (p: string) => /\\in(?![A-Za-z])|∈|\\mathbb\s*\{?\s*R\b.*(\\to|\\rightarrow|\\longrightarrow|→)/.test(p);
  // (So is the noise's distribution after a model, `y = Xw + ε \quad where \quad ε ∼ 𝒩(0, σ²I)`.)
  const noise = (p: string, i: number) => i > 0 && /^\\(?:epsilon|varepsilon)\s*\\sim(?![A-Za-z])/.test(p) && !p.includes('=');
  // (A condition, an equation number or a remark changes what the definition means or says nothing: the formula stays
  // whole.)
  const relation = (p: string) => /=|\\leftarrow|\\gets/.test(p);
  if (trimmed.some((p, i) => !dimension(p) && !noise(p, i) && (!relation(p) || /\\forall|^(?:\\text\s*\{\s*)?(?:for|if|when|otherwise|s\.t\.)\b|^\(?[a-z]\s*=\s*[a-z0-9]+\s*(,|$)/.test(p)) && !/^where$/.test(p))) return src;
  const defs = trimmed.filter((p, i) => !dimension(p) && !noise(p, i) && p !== 'where');
  return defs.length === 1 ? defs[0] : defs.join(' \\\\ ');
}

/** Explicit names of concepts in prose (a heading or sentence that says which one the formula is). */
const NAMED_IN_PROSE: Partial<Record<ConceptId, RegExp>> = {
  'cross-entropy': /cross[- ]?entropy/i,
  'binary-cross-entropy': /binary cross[- ]?entropy|\blog[- ]loss\b/i,
  'negative-log-likelihood': /negative log[- ]?likelihood|\bnll\b/i,
  'hierarchical-softmax': /hierarchical softmax/i,
  sgns: /negative sampling/i,
  'skipgram-softmax': /skip-?gram[^.]*softmax|softmax[^.]*skip-?gram/i,
  cbow: /\bcbow\b|continuous bag/i,
  'scaled-dot-product-attention': /scaled dot[- ]product/i,
  'mlp-attention': /additive attention|bahdanau|concat(enation)? attention/i,
  'multi-head-attention': /multi-?head/i,
  'masked-self-attention': /masked self-attention|causal (self-)?attention/i,
  'self-attention': /self[- ]attention/i,
  lstm: /\blstms?\b|long short-term/i,
  gru: /\bgrus?\b|gated recurrent unit/i,
  'bidirectional-rnn': /bidirectional|bi-?rnn|bi-?lstm/i,
  'minibatch-sgd': /mini-?batch|stochastic gradient|\bsgd\b/i,
  adam: /\badam\b/i,
  'backpropagation-through-time': /back-?prop\w* through time|\bbptt\b/i,
  perplexity: /perplexity|\bppl\b/i,
};

/** Words that name logistic regression (`LogisticRegression` too), and words that name linear regression or least squares. */
const logisticNamed = (words: string) => /logistic ?regression/i.test(words) || namedInOtherLanguage('logistic-regression', words);
const linearNamed = (words: string) => /(?<!non-?)linear ?regression|least squares/i.test(words) || namedInOtherLanguage('linear-regression', words);

/** The words around a formula speak of the concept: its English words, or its name in the note's own language. */
const wordsFor = (id: ConceptId, words: string): boolean => !!CONTEXT[id]?.test(words) || namedInOtherLanguage(id, words);
/** The words name the concept explicitly (a family member among its relatives), in English or the note's language. */
const namedFor = (id: ConceptId, words: string): boolean => !!NAMED_IN_PROSE[id] && (NAMED_IN_PROSE[id]!.test(words) || namedInOtherLanguage(id, words));

/** Methods outside the catalog: when the words around a formula name one, a structural guess must be strong. */
const FOREIGN = /noise[- ]contrastive|momentum|actor[- ]critic|temporal[- ]difference|\bppo\b|\bnce\b|glove|co-?occurrence|naive bayes|\bcrf\b|conditional random|viterbi|hidden markov|\bhmm\b|\bgan\b|adversarial|kernel|\bpca\b|gaussian process|policy gradient|reinforce\b|reward|q-learning|diffusion|normali[sz]ing flow|batch norm|layer norm|convolution|pooling|beam search|\bbleu\b|tf-?idf|\bpmi\b|pointwise mutual|k-means|em algorithm|expectation[- ]maximi|kneser|good[- ]turing|smoothing|back-?off|boltzmann|\brbm\b|huber|smooth ?l1|adagrad|rmsprop|adadelta|adamax|nadam|amsgrad|radam|adabelief|\blamb\b|lion optimi|\byogi\b|adabound|entropy rate|triplet|siamese|metric learning|nesterov|info-?nce|contrastive (loss|learning)|simclr|\bmoco\b|state[- ]space|\bssms?\b|\bmamba\b|\bs4\b|xlstm|\brwkv\b|retnet/i;

/**
 * A softmax the words call attention weights (`b = softmax(a)` after "obtain attention weights via softmax") is the
 * attention step: the member of the attention family the words name, else attention.
 */
function attentionSoftmax(named: ConceptId | null, words: string, root: Row): ConceptId | null {
  // (A softmax of quantities the formula itself calls scores, \text{score}_i, gives the attention weights too.)
  const ofScores = applies(root, ['softmax']).some((a) => names(a.arg).includes('score'));
  if (named !== 'softmax' || !(ofScores || /attention (weight|distribution|score)|weights? of (the )?attention|attend|alignment (weight|score)|注意力?(分布|权重|權重|分数|得分)|어텐션 ?(분포|가중치|스코어|점수)|アテンション(の)?(重み|分布|スコア)|注意(の)?重み/i.test(words))) return named;
  const family = FAMILIES[0];
  return family.find((id) => id !== 'attention' && namedFor(id, words)) ?? 'attention';
}

/** Attention(Q, K, V) = …: the Transformer's notation for scaled dot-product attention. */
function qkvAttention(named: ConceptId | null, root: Row): ConceptId | null {
  if (named !== 'attention' && named !== 'self-attention') return named;
  const lhs = sides(root).parts.length > 1 ? sides(root).parts[0] : [];
  const call = lhs.length === 1 && lhs[0].k === 'apply' ? lhs[0] : null;
  const args = call ? argRow(call).filter((x) => !(x.k === 'op' && x.v === ',')) : [];
  // (With the scores written out and no scale, softmax(QKᵀ)V, it is dot-product attention: the name adds no √d.)
  const rhs = sides(root).parts.slice(1).flat();
  const products = all(rhs).filter((x): x is Extract<Node, { k: 'row' }> => x.k === 'row').map((r) => r.items).concat([rhs]);
  const qk = products.some((r) => r.some((x, i) => x.k === 'sym' && x.name === 'Q' && r[i + 1]?.k === 'sym' && (r[i + 1] as Sym).name === 'K'));
  const unscaled = qk && !all(rhs).some((x) => x.k === 'frac' || x.k === 'sqrt');
  const qkv = args.length === 3 && args.every((x, i) => x.k === 'sym' && x.name === 'QKV'[i]);
  // (Scored through tanh, softmax(tanh(QW_q + KW_k)v)V, it is additive attention; weighted by a similarity function
  // of its own, Σ_j sim(Q_i, K_j) V_j / Σ_j sim(Q_i, K_j), it is attention in general: the name adds no √d.)
  if (qkv && applies(rhs, ['tanh']).length) return 'mlp-attention';
  if (qkv && !applies(rhs, ['softmax', 'exp']).length && !all(rhs).some((x) => x.k === 'sqrt') && applies(rhs).some((a) => /^(sim|similarity|kernel)$/i.test(a.fn))) return named;
  return qkv && !unscaled ? 'scaled-dot-product-attention' : named;
}

const MARGIN_LOSSES = new Set<ConceptId>(['hinge-loss', 'collobert-weston']);
/** Words that say a penalty term is the point of a formula. */
const PENALTY_WORDS = /regulari[sz]|penal|weight decay|ridge|lasso|complexity|overfit|prior|sparse|norm\b/i;

/**
 * A loss plus a penalty on the parameters: the words decide between the regularised objective and the data loss
 * they name ("the Square Error loss … written as" names the loss; "a regularized cost function" the penalty).
 * Without words for either, the penalty is what the formula adds.
 */
function penalisedLoss(sorted: Array<{ id: ConceptId; score: number; why: string }>, words: string): void {
  // A margin loss plus a penalty is the SVM objective: the penalty is part of the hinge loss's own definition.
  const penalised = sorted.find((c) => c.id === 'regularization' && /penalty/.test(c.why));
  const margin = sorted.find((c) => MARGIN_LOSSES.has(c.id) && !c.why.startsWith('related') && c.score >= 3);
  if (penalised && margin) {
    margin.score = Math.max(margin.score, penalised.score + 0.5);
    sorted.sort((a, b) => b.score - a.score);
    return;
  }
  const reg = sorted.find((c) => c.id === 'regularization' && c.why.startsWith('loss + λ'));
  if (!reg) return;
  const lossNamed = sorted.find((c) => c !== reg && !c.why.startsWith('related') && c.score >= 2.5 && [c.id, ...ancestors(c.id)].some((id) => wordsFor(id, words) || namedFor(id, words)) && !['empirical-risk', 'linear-regression', 'autoencoder'].includes(c.id));
  if (lossNamed && !PENALTY_WORDS.test(words)) lossNamed.score = reg.score + 0.5;
  else for (const c of sorted) if (c !== reg && c.score > reg.score - 0.5) c.score = reg.score - 0.5;
  sorted.sort((a, b) => b.score - a.score);
}

const DISTILLATION_WORDS = /distil|teacher|student|soft(ened)? (targets|labels|probabilities)|temperature/i;
const TEMPERATURE = /^(T|tau)$/;

/**
 * Claims the formula has no evidence for leave the contest: the distillation loss needs a temperature in the
 * formula (T, τ) or a teacher and student in the words (H(p, q) = H(p) + D_KL(p ‖ q) is the cross-entropy's identity).
 */
function withoutUnsupported(sorted: Array<{ id: ConceptId; score: number; why: string }>, root: Row, words: string): void {
  // H(·) = −(1/N) log P(w_1 … w_N): the entropy letter on the left defines a cross-entropy; perplexity is its exponential.
  const lhs = sides(root).parts.length === 2 ? sides(root).parts[0] : [];
  const logLoss = sorted.filter((c) => (c.id === 'perplexity' || c.id === 'negative-log-likelihood') && !c.why.startsWith('named') && !c.why.startsWith('related'));
  if (lhs.length === 1 && lhs[0].k === 'apply' && lhs[0].fn === 'H' && logLoss.length && !applies(root, ['exp']).length && !all(root).some((x) => 'sup' in x && !!x.sup && hasOp(x.sup, '-'))) {
    const score = Math.max(...logLoss.map((c) => c.score));
    for (const c of logLoss) sorted.splice(sorted.indexOf(c), 1);
    sorted.unshift({ id: 'cross-entropy', score, why: 'H(·) = −(1/N) log P: the per-item cross-entropy' });
  }
  // (A T inside a probability, P(T | X), is the targets, not a temperature.)
  const inProbability = new Set(applies(root).filter((a) => /^[pPq]$/.test(a.fn)).flatMap((a) => syms(a.arg)));
  const temperature = syms(root).some((x) => TEMPERATURE.test(x.name) && !inProbability.has(x));
  if (temperature || DISTILLATION_WORDS.test(words)) return;
  dropUnnamed(sorted, (c) => c.id === 'distillation-loss');
}

/** A side written with numbers alone (`0.964`, `[0.659, 0.242, 0.099]`, `−1`, `1/3`): a value. */
const numbersOnly = (r: Row): boolean => r.length > 0 && syms(r).length === 0 && all(r).some((x) => x.k === 'num') && all(r).every((x) => x.k === 'num' || x.k === 'op' || x.k === 'group' || x.k === 'frac' || x.k === 'row' || x.k === 'sqrt' || (x.k === 'apply' && ['exp', 'log'].includes(x.fn)) || (x.k === 'name' && ['exp', 'log'].includes(x.v)));

/** Only letters or a list of them (`h_t`, `\overrightarrow{h}_t`, `\{h_1, …, h_T\}`): quantities named, no relation. */
const symbolsOnly = (r: Row): boolean => r.length > 0 && r.every((x) => x.k === 'sym' || (x.k === 'op' && [',', '…', '.'].includes(x.v)) || (x.k === 'group' && ['{', '', '('].includes(x.delim) && !x.sup && symbolsOnly(rowOf(x.body))));

/**
 * A claim the formula itself contradicts: a formula that only names letters claims nothing; the ReLU family is
 * piecewise linear, so an exponential in it (ELU, CELU, SELU) or a clip from above (ReLU6) is another activation.
 */
function precisionVeto(root: Row, best: { id: ConceptId }): boolean {
  if (symbolsOnly(root)) return true;
  // One probability written alone (P(D = 1 | w, c), p(y | x)) names the quantity a model gives, not the model;
  // a sequence's next item given its own history (p(x_i | x_{1:i−1}), P(w_t | w_{t−1})) is the language model itself,
  // and one sequence given another of another length (p(y_1 … y_{T′} | x_1 … x_T)) the encoder–decoder's.
  const items = root.filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.')));
  if (best.id !== 'seq2seq' && items.length === 1 && items[0].k === 'apply' && /^(p|P|Pr|q|Q)$/.test(items[0].fn) && condBarOf(items[0])) {
    const arg = argRow(items[0]);
    const bar = arg.findIndex((x) => x.k === 'op' && x.v === '|');
    const given = new Set(syms(arg.slice(bar + 1)).map((x) => x.name));
    if (!syms(arg.slice(0, bar)).some((x) => given.has(x.name))) return true;
  }
  // Functions summing to a number (σ(a) + σ(−a) = 1, Σ_j α_j = 1) state a property, not a definition.
  const { parts } = sides(root);
  if (parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'num' && parts[0].some((x) => x.k === 'big' || x.k === 'apply') && hasOp(parts[0], '+')) return true;
  if (best.id === 'relu' || best.id === 'leaky-relu') return applies(root, ['exp']).length > 0 || clippedMax(root);
  // Weights times powers of the inputs (θ₁x₁² + θ₂x₂²) are polynomial features: not an affine map of the inputs. (A
  // regression on them, ŷ = w₀ + w₁x + w₂x², is still linear in its coefficients: linear regression on the powers.)
  if (best.id === 'affine-layer') return root.some((x, i) => x.k === 'sym' && !PARAM_LETTER.test(x.name) && !!x.sup && /^[2-9]$/.test(subText(x.sup)) && isParam(root[i - 1]));
  return false;
}

/**
 * A formula that states a function's value, not what the function is: `at` a point (σ(z) = 1, P(y = 1 | x) = 0.5;
 * a named function there may still be defined), or `worked` out at a number or to a limit (tanh(2) ≈ 0.964,
 * σ(0) = 1/(1 + e^0) = 0.5, tanh(z) → −1). A derivative's value, tanh′(0) = 1, works the derivative out.
 */
function statesAValue(root: Row): 'at' | 'worked' | null {
  // (`f(z) → −1` splits at its arrow like a relation.)
  const arrow = root.findIndex((x) => x.k === 'op' && x.v === '→');
  const { parts } = arrow > 0 ? { parts: [root.slice(0, arrow), root.slice(arrow + 1)] } : sides(root);
  const called = (p: Row) => (p.length === 1 && p[0].k === 'apply' && !p[0].fn.endsWith("'") && !(p[0].head.k === 'sym' && p[0].head.mods.includes('prime')) ? p[0] : undefined);
  const last = parts[parts.length - 1];
  // (A function at one number anywhere in the chain, ŷ = σ(0) = 1/(1 + e^0) = 0.5. A named value worked out in numbers,
  // w_1 = 0 − 0.01 × (−10) = 0.1, is often labelled as the step it computes: left to the other rules.)
  if (parts.length >= 2 && numbersOnly(last) && (arrow > 0 || parts.some((p) => { const a = called(p); return !!a && rowOf(a.arg).length <= 2 && numbersOnly(rowOf(a.arg)); }))) return 'worked';
  return parts.length === 2 && called(parts[0]) && parts[1].length === 1 && parts[1][0].k === 'num' ? 'at' : null;
}

/** Concepts whose formulas contain another's as a term: the ELBO a KL divergence, distillation a KL or a cross-entropy. */
const BUILT_ON: Partial<Record<ConceptId, ConceptId[]>> = { elbo: ['kl-divergence'], 'distillation-loss': ['kl-divergence', 'cross-entropy'] };

/** The lines of a block vote: the concept most lines carry (ties: the higher score) speaks for the block. */
function blockVote(src: string, add: Add, sideBySide = false): void {
  const lines = blockLines(src);
  const recs = lines.map((l) => recognise(l, {}, 1));
  // A derivation (a defined left side, then lines that go on with = …) is about what its first line defines.
  const goesOn = (l: string) => CONTINUES.test(l);
  if (lines.length >= 2 && !goesOn(lines[0]) && lines.slice(1).every(goesOn)) {
    const head = recs[0];
    // (A first line that names what it defines, D_KL(p‖q) = …, speaks louder than the words around the block — unless
    // a later line is a concept of its own built on it: a KL worked into the ELBO.)
    const named = head.candidates[0]?.why.startsWith('named') && !recs.slice(1).some((r) => !!head.concept && !!r.concept && !!BUILT_ON[r.concept]?.includes(head.concept));
    if (head.concept && head.score >= 3.3) add(head.concept, head.score + (named ? 0.9 : 0.3), `the first line of the derivation (${head.concept})`);
  }
  if (lines.length) {
    const votes = new Map<ConceptId, { n: number; score: number }>();
    let recognised = 0;
    let attentionLines = 0;
    let bareLinear = 0;
    let layerOutputs = 0;
    for (const r of recs) {
      if (r.concept === 'affine-layer' && r.candidates[0]?.why === LAYER_ACTIVATION) layerOutputs++;
      if (r.concept === 'softmax' || r.candidates.some((c) => FAMILIES[0].includes(c.id) && !c.why.startsWith('related') && c.score >= 1.8)) attentionLines++;
      if (!r.concept) continue;
      recognised++;
      if ((r.concept === 'affine-layer' || r.concept === 'linear-regression') && !applies(r.tree.items).some((a) => ACTIVATIONS.includes(a.fn) || a.fn === 'softmax')) bareLinear++;
      const v = votes.get(r.concept) ?? { n: 0, score: 0 };
      votes.set(r.concept, { n: v.n + 1, score: Math.max(v.score, r.score) });
    }
    // Scores, their softmax and the weighted sum, line after line: the steps of attention.
    if (attentionLines >= 2 && votes.has('softmax') && attentionLines > votes.get('softmax')!.n) add('attention', Math.max(3.2, Math.min(4.6, votes.get('softmax')!.score + 0.8)), 'scores, their softmax and a weighted sum: the steps of attention');
    // Q = X W_Q beside K = X W_K, V = X W_V: queries from the same input as keys and values make the block self-attention.
    if (votes.has('self-attention') && votes.has('attention') && votes.size === 2) add('self-attention', Math.min(4.6, Math.max(votes.get('attention')!.score, votes.get('self-attention')!.score) + 0.25 * (recognised - 1) + 0.15), 'queries, keys and values projected from one input: self-attention');
    // A cell's own line (c_t = f_t ⊙ c_{t−1} + …) makes σ(fc_i(x, h)) and tanh(…) lines beside it its gates.
    // (The lines of a gated cell, or of a bidirectional RNN's two directions, speak for that model.)
    const cell = (['lstm', 'gru', 'bidirectional-rnn'] as ConceptId[]).find((c) => votes.has(c));
    if (cell) {
      for (const part of ['logistic-regression', 'sigmoid', 'tanh', 'affine-layer', 'rnn'] as ConceptId[]) {
        const v = votes.get(part);
        const c = votes.get(cell)!;
        if (v) (votes.set(cell, { n: c.n + v.n, score: c.score }), votes.delete(part));
      }
    }
    const ranked = [...votes.entries()].sort((a, b) => b[1].n - a[1].n || b[1].score - a[1].score);
    const top = ranked[0];
    const linearThen = (votes.has('affine-layer') || votes.has('linear-regression')) && (votes.has('softmax') || votes.has('sigmoid')) && votes.size === 2;
    // (One recognised line of three or more speaks for the block only with strong evidence of its own.)
    if (top && (top[1].n >= 2 || (recognised === 1 && (lines.length <= 2 || top[1].score >= 3.5)) || linearThen)) {
      const has = (c: ConceptId) => votes.has(c);
      // Stacked affine layers are a network; an affine score fed to a softmax (sigmoid) is softmax (logistic) regression.
      // Lines that feed one another (h = f(W x + b), y = V h + c) are a network; lines side by side (a_1 = …, a_m = …)
      // are one layer. The last line giving back the first line's input (Ĩ = W_O H + b_O from H = W_I I + b_I) is an
      // autoencoder.
      const heads = lines.map((l) => {
        const p = sides(parseTex(l).items).parts;
        const lhs = p.length > 1 ? p[0].find((x): x is Sym => x.k === 'sym') : undefined;
        return { lhs, rhs: p.length > 1 ? syms(p.slice(1).flat()) : [] };
      });
      const uses = (h: (typeof heads)[number], g: (typeof heads)[number]) => !!g.lhs && h.rhs.some((x) => x.name === g.lhs!.name && subText(x.sub) === subText(g.lhs!.sub));
      const feeds = heads.some((h, i) => i > 0 && heads.slice(0, i).some((g) => uses(h, g)));
      // (a = σ(z) written before z = W x + b: the later line defines what the earlier one uses.)
      const fedBack = heads.some((h, i) => heads.slice(i + 1).some((g) => uses(h, g) && !uses(g, h)));
      const last = heads[heads.length - 1]?.lhs;
      const reconstructs = !!last && (last.mods.includes('tilde') || last.mods.includes('hat')) && heads[0].rhs.some((x) => x.name === last.name && !x.mods.length) && heads.length >= 2;
      if (reconstructs && (has('affine-layer') || has('mlp'))) add('autoencoder', Math.min(4.2, top[1].score + 0.25 * (top[1].n - 1) + 0.7), 'the last line gives back the first line\'s input');
      // (Z^{[1]} = W^{[1]} X + b^{[1]} then A^{[1]} = σ(Z^{[1]}): a layer's activations, numbered or written a, h — not a
      // classifier's prediction.)
      const layered = heads.some((h) => !!h.lhs && (layerMark(h.lhs.sup) || /^[aAhH]$/.test(h.lhs.name)));
      // (A layer's activation of its own pre-activation, a^l = f(z^l), is the same layer as z^l = W a^{l−1} + b: a network
      // takes two linear maps, or lines of two layers.)
      const layersWritten = new Set(heads.flatMap((h) => (h.lhs && (h.lhs.sup ?? h.lhs.sub) ? [layerIndexOf(h.lhs)] : [])));
      // (Or a layer from the one before it, z^{(l)} = W^{(l)} v^{(l−1)}: the forward pass through every layer.)
      const recursion = heads.some((h) => { const i = h.lhs ? layerIndexOf(h.lhs) : ''; return /^(l|ell|k)([+-]1)?$/.test(i) && h.rhs.some((x) => { const j = layerIndexOf(x); return j !== i && /^(l|ell|k)([+-]1)?$/.test(j) && j[0] === i[0]; }); });
      const network = feeds && (top[1].n - layerOutputs >= 2 || layersWritten.size >= 2 || recursion);
      const id: ConceptId = top[0] === 'affine-layer' && top[1].n >= 2 ? (network ? 'mlp' : 'affine-layer') : (has('affine-layer') || has('linear-regression')) && has('softmax') && votes.size === 2 ? 'softmax-regression' : (has('affine-layer') || has('linear-regression')) && has('sigmoid') && votes.size === 2 ? (layered && (feeds || fedBack) ? 'affine-layer' : 'logistic-regression') : top[0];
      // (A linear score and the function it feeds are two parts of one model, and activations fed by a network's linear
      // maps are parts of that network: those lines speak for it too.)
      const agree = linearThen && (feeds || fedBack) && bareLinear ? recognised : ranked.filter(([c]) => related(c, id) || (feeds && ['affine-layer', 'mlp', 'logistic-regression', 'softmax-regression'].includes(id) && ELEMENTWISE.has(c))).reduce((s, [, v]) => s + v.n, 0);
      // (Of definitions set side by side, one recognised line adds nothing to what the whole formula shows.)
      if (agree * 2 > recognised) add(id, Math.min(4, top[1].score + 0.25 * (top[1].n - 1) + (sideBySide && top[1].n === 1 ? 0 : 0.3)), `${top[1].n} of ${lines.length} lines of the block`);
    }
  }
}

/**
 * A named softmax that is a step of a bigger structure the formula shows: the softmax of attention scores (q·k,
 * v^T tanh(W[s; h]), a cosine of key and memory), or the output layer of a decoder whose conditional the left side writes.
 */
function softmaxAsPart(cands: Map<ConceptId, { score: number; why: string }>): { id: ConceptId; why: string } | undefined {
  const attention = [...cands.entries()].filter(([id, c]) => FAMILIES[0].includes(id) && c.score >= 3 && !c.why.startsWith('related')).sort((a, b) => b[1].score - a[1].score)[0];
  if (attention) return { id: attention[0], why: `the softmax of attention scores (${attention[1].why})` };
  const decoder = cands.get('seq2seq');
  if (decoder && decoder.score >= 3.8 && decoder.why.startsWith('p(y_t | y_{<t}')) return { id: 'seq2seq', why: `the decoder's output layer (${decoder.why})` };
  // (y_t = softmax(V h_t + c): the recurrent network's output at its step, as readers label it.)
  return cands.get('rnn')?.why === RNN_OUTPUT_LAYER ? { id: 'rnn', why: RNN_OUTPUT_LAYER } : undefined;
}

const RNN_OUTPUT_LAYER = 'y_t = softmax(V h_t + c): the output layer at step t, read from the state';

/**
 * A neighbour predicted from the centre word by a softmax over the vocabulary, Bayes' rule taken in logs, attention's
 * scores and sums in several notations, and a line fitted by least squares.
 */
function detectConditionalsAndScores(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length > 1 ? parts[0] : [];
  const rhs = parts.length > 1 ? parts.slice(1).flat() : [];
  // y = φ_0 + φ_1 x: an intercept and a slope of one parameter letter, the line of linear regression.
  const coef = (x: Node | undefined, i: string) => x?.k === 'sym' && /^(phi|theta|beta|w|a)$/.test(x.name) && subText(x.sub).trim() === i;
  const isX = (x: Node | undefined) => x?.k === 'sym' && /^[xX]$/.test(x.name);
  const line = (r: Row) => { const t = termsOf(r); return t.length >= 2 && t[0].items.length === 1 && coef(t[0].items[0], '0') && coef(t[1].items[0], '1') && t[1].items.length === 2 && isX(t[1].items[1]) && (t[0].items[0] as Sym).name === (t[1].items[0] as Sym).name; };
  if (parts.length >= 2 && lhs.length === 1 && lhs[0].k === 'sym' && /^[yY]$/.test(lhs[0].name) && parts.slice(1).some(line)) add('linear-regression', 3.2, 'y = φ_0 + φ_1 x: an intercept and a slope');
  // arg min_β ‖y − Xβ‖², arg min_φ Σ (φ_0 + φ_1 x_i − y_i)²: the parameters of a linear fit, by least squares.
  const param = (x: Node | undefined) => x?.k === 'sym' && /^(phi|theta|beta|w)$/.test(x.name);
  const linearIn = (r: Row) => line(r) || r.some((x, i) => (isX(x) && param(r[i + 1])) || (param(x) && isTransposeSup((x as Sym).sup) && isX(r[i + 1])));
  const squared = all(root).some((g) => g.k === 'group' && (g.delim === '‖' || g.delim === '(') && /^2$/.test(subText(g.sup).trim()) && hasOp(g.body, '-') && linearIn(rowOf(g.body)));
  // (Averaged, arg min (1/n) Σ (y_i − wᵀx_i)², the objective is the mean squared error the fit minimises.)
  if (all(root).some((x) => x.k === 'name' && /^argmin$/i.test(x.v)) && squared && !fracs(root).some((f) => onlyNum(f.num, 1))) add('linear-regression', 4.2, 'arg min_β ‖y − Xβ‖²: the line of least squares');
  // p(w_{t+j} | w_t) = exp(…) / Σ_{w ∈ V} exp(…): the word at an offset from the centre word, by a softmax over the vocabulary.
  const cond = lhs.length === 1 && lhs[0].k === 'apply' && isProb(lhs[0]) ? conditionLetters(lhs[0]) : undefined;
  const at = (y: Sym) => subText(y.sub).replace(/\s/g, '');
  const offset = !!cond && cond.predicted.length === 1 && cond.given.length === 1 && cond.predicted[0].name === cond.given[0].name && at(cond.given[0]).length > 0 && new RegExp(`^${at(cond.given[0]).replace(/[^A-Za-z0-9]/g, '')}[+-][A-Za-z0-9]+$`).test(at(cond.predicted[0]));
  const overVocabulary = fracs(rhs).some((f) => applies(f.num, ['exp']).length > 0 && bigs(f.den, 'sum').length > 0 && applies(f.den, ['exp']).length > 0);
  if (offset && overVocabulary) add('skipgram-softmax', 3.4, 'p(w_{t+j} | w_t) = exp(…)/Σ_w exp(…): a neighbour of the centre word, by a softmax over the vocabulary');
  // log p(x) = log p(x | z) + log p(z) − log p(z | x): Bayes' rule in logs, the conditional turned around.
  const logged = (r: Row) => applies(r, ['log', 'ln']).flatMap((l) => applies(l.arg).filter(isProb));
  const key = (ys: Sym[]) => ys.map((y) => y.name).sort().join(',');
  const ps = logged(rhs).filter((a) => hasOp(a.arg, '|')).map(conditionLetters);
  const turned = ps.some((x) => ps.some((y) => x !== y && key(x.predicted) === key(y.given) && key(x.given) === key(y.predicted)));
  if (lhs.length === 1 && logged(lhs).length === 1 && logged(rhs).length === 3 && turned) add('bayes-rule', 3.4, 'log p(x) = log p(x | z) + log p(z) − log p(z | x): Bayes\' rule in logs');
  // score(h_t, h̄_s) = h_tᵀ h̄_s (or h_tᵀ W h̄_s): two states scored by their product — attention's score; c_t = α_tᵀ h: the
  // states weighted by the attention weights.
  const fn = lhs.length === 1 && lhs[0].k === 'apply' ? lhs[0] : undefined;
  const args = fn ? rowOf(fn.arg).filter((x): x is Sym => x.k === 'sym') : [];
  const first = rhs[0];
  const last = rhs[rhs.length - 1];
  const named = (x: Node | undefined, ys: Sym[]) => x?.k === 'sym' && ys.some((y) => y.name === x.name);
  if (fn && /^(score|align|alignment|a|e)$/i.test(fn.fn) && args.length === 2 && args.every((y) => /^[hsqk]$/.test(y.name)) && rhs.length >= 2 && rhs.length <= 3 && first.k === 'sym' && isTransposeSup(first.sup) && named(first, args) && named(last, args)) add('attention', 3.3, 'score(h_t, h̄_s) = h_tᵀ h̄_s: one state scored against another by their product');
  if (lhs.length === 1 && lhs[0].k === 'sym' && lhs[0].name === 'c' && rhs.length === 2 && first.k === 'sym' && first.name === 'alpha' && isTransposeSup(first.sup) && last.k === 'sym' && /^[hHvV]$/.test(last.name)) add('attention', 3.3, 'c_t = α_tᵀ h: the states weighted by the attention weights');
  // (Or the matrix of states times the weights, c_t = H α_t.)
  if (lhs.length === 1 && lhs[0].k === 'sym' && lhs[0].name === 'c' && rhs.length === 2 && first.k === 'sym' && /^[HV]$/.test(first.name) && !first.sup && last.k === 'sym' && last.name === 'alpha' && !last.sup) add('attention', 3.3, STATES_TIMES_WEIGHTS);
  // σ(Σ_j α_ij W h_j): each neighbour's state mapped by a matrix and weighted — a graph attention layer, inside its
  // activation too.
  for (const r of rowsIn(root)) {
    r.forEach((x, i) => {
      // (The product may sit in a bracket of its own, α_ij (W_V x_j).)
      const bracketed = r[i + 2]?.k === 'group' && (r[i + 2] as Group).delim === '(' && rowOf((r[i + 2] as Group).body).length === 2 ? rowOf((r[i + 2] as Group).body) : null;
      // (Or read as the weight's call, α_ij^{(h)}(W_V^{(h)} x_j).)
      const called = r[i + 1]?.k === 'apply' && (r[i + 1] as Apply).fn === 'alpha' && rowOf((r[i + 1] as Apply).arg).length === 2 ? (r[i + 1] as Apply) : null;
      const [w, m, v] = called ? [called.head, ...rowOf(called.arg)] : bracketed ? [r[i + 1], bracketed[0], bracketed[1]] : [r[i + 1], r[i + 2], r[i + 3]];
      const idx = x.k === 'big' && x.v === 'sum' ? syms(x.sub)[0]?.name : undefined;
      if (!(idx && w?.k === 'sym' && w.name === 'alpha' && syms(w.sub).some((y) => y.name === idx) && m?.k === 'sym' && m.name === 'W' && v?.k === 'sym' && /^[hx]$/.test(v.name) && subText(v.sub).trim() === idx)) return;
      // (With the value projection's letter on W, W_V, W^V, the inputs are the sequence's own: self-attention's output.)
      if (/^[Vv]$/.test(subText(m.sub).trim()) || /^[Vv]$/.test(subText(m.sup).trim())) add('self-attention', 3.9, VALUES_WEIGHTED);
      else add('attention', 3.9, NEIGHBOURS_WEIGHTED);
    });
  }
  // tanh(W_c [c_t; h_t]): the context vector joined to the state of the same step — Luong's attentional state.
  for (const t of applies(root, ['tanh'])) {
    const g = all(t.arg).find((x): x is Group => x.k === 'group' && x.delim === '[' && hasOp(x.body, ';', ','));
    const ys = g ? rowOf(g.body).filter((x): x is Sym => x.k === 'sym') : [];
    if (ys.length === 2 && ys.some((y) => y.name === 'c') && ys.some((y) => /^[hs]$/.test(y.name)) && subText(ys[0].sub).trim() !== '' && subText(ys[0].sub) === subText(ys[1].sub)) add('attention', 3.8, 'tanh(W_c [c_t; h_t]): the context vector joined to the state — the attentional state');
  }
  // [s_{f,t}; s_{b,t}]: one state read forwards and one backwards, joined — a bidirectional RNN's output.
  const direction = (y: Sym) => /^(f|b|fw|bw|fwd|bwd|forward|backward)\b/.test(subText(y.sub).replace(/\s/g, ' ').trim());
  for (const g of all(root).filter((x): x is Group => x.k === 'group' && x.delim === '[' && hasOp(x.body, ';', ','))) {
    const ys = rowOf(g.body).filter((x): x is Sym => x.k === 'sym');
    if (ys.length === 2 && ys[0].name === ys[1].name && /^[hs]$/.test(ys[0].name) && ys.every(direction) && subText(ys[0].sub) !== subText(ys[1].sub)) add('bidirectional-rnn', 3.9, '[s_{f,t}; s_{b,t}]: the forward and backward states joined');
  }
  // s_t = f(W [s_{t−1}, y_{t−1}, c_t]): the decoder's state from its last state and its own last output (and the source's
  // summary c) — the step of a sequence-to-sequence decoder.
  const stateLhs = lhs.length === 1 && lhs[0].k === 'sym' && /^[sh]$/.test(lhs[0].name) ? lhs[0] : undefined;
  const step = stateLhs ? subText(stateLhs.sub).replace(/\s/g, '') : '';
  const before = (y: Sym) => /^[ti]$/.test(step) && subText(y.sub).replace(/\s/g, '') === `${step}-1`;
  if (stateLhs && syms(rhs).some((y) => y.name === stateLhs.name && before(y)) && syms(rhs).some((y) => y.name === 'y' && before(y))) add('seq2seq', syms(rhs).some((y) => y.name === 'c') ? 3.9 : 3.8, 's_t = f(s_{t−1}, y_{t−1}, c): the decoder\'s state from its last state and its last output');
  // x_w = 1/(2c) Σ_{i=1}^{2c} x_i, (x_{t−2} + x_{t−1} + x_{t+1} + x_{t+2})/4, h = (1/C) W Σ_{i=1}^{C} x_i: the context words'
  // vectors averaged — CBOW's hidden layer.
  const window = fracs(rhs).some((f) => onlyNum(f.num, 1) && /^(2[a-zA-Z]|C)$/.test(subText(f.den).replace(/\s/g, '')) && bigs(rhs, 'sum').some((b) => 'sup' in b && subText((b as { sup?: Node }).sup).replace(/\s/g, '') === subText(f.den).replace(/\s/g, '')));
  const offsets = fracs(rhs).some((f) => { const t = syms(f.num).filter((y) => !!y.sub).map((y) => subText(y.sub).replace(/\s/g, '')); return t.length >= 2 && t.some((i) => /^[a-z]-\d$/.test(i)) && t.some((i) => /^[a-z]\+\d$/.test(i)) && new Set(syms(f.num).filter((y) => !!y.sub).map((y) => y.name)).size === 1; });
  if (parts.length === 2 && (window || offsets) && syms(rhs).some((y) => /^[xvuew]$/.test(y.name))) add('cbow', 3.4, 'the context words\' vectors averaged: CBOW\'s hidden layer');
  // tanh(W_q q + W_k k): a query and a key through one layer together — the hidden layer of the additive score.
  for (const t of applies(root, ['tanh'])) {
    const terms = termsOf(rowOf(t.arg)).map((term) => syms(term.items).map((y) => y.name));
    if (terms.length === 2 && terms.every((n) => n.some((x) => /^W$/i.test(x))) && terms.some((n) => n.includes('q')) && terms.some((n) => n.includes('k'))) add('mlp-attention', 3.9, 'tanh(W_q q + W_k k): a query and a key through one layer together');
  }
}

/** Concept recognition for one formula and its surrounding words. */
/** What the left side's loss letter or a named softmax of a weight times a vector says the formula is. Changes `sorted` in place. */
function namedByTheirLetters(sorted: Array<{ id: ConceptId; score: number; why: string }>, root: Row, words: string): void {
  // A loss letter subscripted with the loss's name (L_{CE}, J_{NLL}, L_{MSE}) says which loss it is; a more specific
  // member of that loss's family with evidence of its own (the binary form) still speaks for the formula.
  const lossName = lossLhs(root) ? lossSubscript(root) : null;
  // (The 0–1 loss is a step of the margin: an indicator under its name is the loss.)
  if (lossName && (!sorted[0] || (!sorted[0].why.startsWith('named') && (sorted[0].score < 3 || related(sorted[0].id, lossName) || (lossName === 'zero-one-loss' && sorted[0].id === 'step-function'))))) {
    const specific = sorted.find((c) => c.id !== lossName && ancestors(c.id).includes(lossName) && !c.why.startsWith('related') && c.score >= 3 && c.id !== 'negative-log-likelihood');
    const id = specific?.id ?? lossName;
    sorted.unshift({ id, score: Math.max(3.6, (sorted[0]?.score ?? 0) + 0.4), why: `the loss is named on the left (${id})` });
  }
  // (A loss letter defined as one call of a loss by its abbreviation, ℒ = CE(f(Wx)), J(θ) = MSE(y, ŷ): that loss.)
  const { parts } = sides(root);
  const lossLetter = parts.length === 2 && parts[0].length === 1 && ((parts[0][0].k === 'sym' && LOSS_LETTER.test(parts[0][0].name)) || (parts[0][0].k === 'apply' && LOSS_LETTER.test(parts[0][0].fn)));
  const called = (lossLetter || lossLhs(root)) && parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'apply' ? lossAbbreviation(parts[1]) : null;
  if (called && !lossName) {
    const score = Math.max(FIRM_SCORE, (sorted[0]?.score ?? 0) + 0.4);
    sorted.splice(0, sorted.length, { id: called, score, why: LOSS_CALLED }, ...sorted.filter((c) => c.id !== called));
  }
  // softmax(W h) in a note about classes or labels: the output of softmax regression (a linear classifier).
  const lhsHead0 = sides(root).parts.length > 1 ? sides(root).parts[0][0] : undefined;
  const predictsY = !!lhsHead0 && lhsHead0.k === 'apply' && /^[pP]$/.test(lhsHead0.fn) && hasOp(lhsHead0.arg, '|') && syms(lhsHead0.arg).some((x) => x.name === 'y');
  if (sorted[0]?.id === 'softmax' && sorted[0].why.startsWith('named') && (predictsY || /classif|\bclass(es)?\b|\blabels?\b|predict|分类|分類|분류/i.test(words) || namedFor('softmax-regression', words))) {
    const call = applies(root, ['softmax'])[0];
    const arg = call ? rowOf(call.arg).filter((x) => x.k !== 'op' || ![',', '*', '·', '∗'].includes(x.v)) : [];
    if (arg.length >= 2 && arg.every((x) => x.k === 'sym') && arg.some((x) => /^[A-Z]$/.test((x as Sym).name))) sorted.unshift({ ...sorted[0], id: 'softmax-regression', why: 'named: softmax of a weight times a vector, predicting a class' });
  }
}

/**
 * The best guess read again as a unit of a model: σ(w·x + b) as a layer's neuron, a layer as a step of the network the
 * sentence describes, σ(z)_k with exponentials as the softmax written with σ. Changes `sorted[0]` in place.
 */
function reassignUnits(sorted: Array<{ id: ConceptId; score: number; why: string }>, root: Row, words: string, near: string): void {
  // σ(w·x + b) assigned to a hidden unit or an activation (h, a) is a neuron of a layer, not a classifier's output.
  const lhsLetter = sides(root).parts.length > 1 ? sides(root).parts[0].find((x): x is Sym => x.k === 'sym' || x.k === 'apply') : undefined;
  // (So is σ(wᵀx) where the words speak of neurons, activations or layers and not of logistic regression.)
  const neuronWords = /\bneurons?\b|activation function|\blayers?\b|\bperceptron/i.test(words) && !/logistic|classif|odds|log-?odds/i.test(words);
  // (h_θ(x), the hypothesis of a regression written with its parameters, is the model itself.)
  const lhsNode: Node | undefined = sides(root).parts.length > 1 ? sides(root).parts[0].find((x) => x.k === 'apply' || x.k === 'sym') : undefined;
  // (So is h(x), h(x; θ, θ₀): a function of the input, where a hidden unit is a letter.)
  const ofInput = (a: Apply) => { const first = rowOf(a.arg)[0]; return !!first && first.k === 'sym' && first.name === 'x' && !first.sub; };
  const hypothesis = lhsNode?.k === 'apply' && lhsNode.head.k === 'sym' && (PARAM_LETTER.test(subText(lhsNode.head.sub)) || (/^[hf]$/.test(lhsNode.head.name) && ofInput(lhsNode)));
  if (sorted[0]?.id === 'logistic-regression' && !sorted[0].why.startsWith('named') && ((lhsLetter && /^[hH]$/.test(symBase(lhsLetter) ?? '') && !hypothesis) || neuronWords) && !CONTEXT['logistic-regression']!.test(words)) sorted[0] = { ...sorted[0], id: 'affine-layer', why: 'a neuron: h = σ(w·x + b)' };
  // A layer with its activation, in the sentence right before about a network of several layers, is a step of it.
  if (sorted[0]?.id === 'affine-layer' && !sorted[0].why.startsWith('named') && activated(root) && MLP_WORDS.test(near) && !/single (unit|neuron)|\ba neuron\b|one neuron/i.test(near)) sorted[0] = { ...sorted[0], id: 'mlp', why: `a layer of the network the words describe (${sorted[0].why})` };
  // A linear score (z = wᵀx + b, y = w₀x₀ + … + w_m x_m, ŷ = h(wx + b)) in a note on logistic regression that does not
  // name linear regression is that model's linear part: the log-odds the sigmoid turns into a probability.
  // (Not a layer of a network, W^{[l]}, nor a score through another activation, nor a derivative or a loss.)
  const linearGuess = sorted[0] && (sorted[0].id === 'linear-regression' || sorted[0].id === 'affine-layer') && !sorted[0].why.startsWith('named');
  const otherActivation = applies(root).some((a) => ['tanh', 'relu', 'softmax', 'phi', 'varphi'].includes(a.fn));
  // (A layer's index is on the weights; x^{(i)}, z^{(i)} alone index the example.)
  if (linearGuess && logisticNamed(words) && !linearNamed(words) && !otherActivation && !syms(root).some((x) => layerSup(x) && /^([wWbB]|theta|Theta)$/.test(x.name)) && !all(root).some((x) => 'sup' in x && !!x.sup && /\[|\]/.test(subText(x.sup))) && !hasGradient(root) && !lossLhs(root)) {
    sorted.unshift({ id: 'logistic-regression', score: sorted[0].score + MARGIN + 0.05, why: `a linear score in a note on logistic regression: the log-odds the sigmoid turns into a probability (${sorted[0].why})` });
  }
  // σ(z)_k = …: one component of a vector-valued function; with exponentials it is the softmax written with σ.
  const lhsTop = sides(root).parts.length > 1 ? sides(root).parts[0][0] : undefined;
  if (sorted[0]?.id === 'sigmoid' && lhsTop?.k === 'apply' && lhsTop.fn === 'sigmoid' && !!lhsTop.sub && (applies(root, ['exp']).length > 0 || syms(root).some((x) => x.name === 'e' && !!x.sup))) sorted[0] = { ...sorted[0], id: 'softmax', why: 'σ(z)_k: a component of the softmax' };
}

/** A function's name alone (`\tanh`, `\text{softmax}`, `softmax` in letters) or applied to one letter (`softmax(z)_i`, `σ(x)`). */
function mentionOf(items: Row): ConceptId | null {
  const r = items.filter((x) => !(x.k === 'op' && [',', '.', ';'].includes(x.v)));
  const fn = (id: ConceptId | undefined) => (id && (ELEMENTWISE.has(id) || id === 'softmax') ? id : null);
  // A name alone, as a word or in letters (`\text{LSTM}`, `positional \ encoding`): a mention of whatever it names.
  if (r.length === 1 && r[0].k === 'name') return NAMED_CONCEPTS[r[0].v.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
  // A function applied to one letter, to a placeholder or to a number (`σ(z)`, `step(·)`, `step(0.5)`).
  const arg = r.length === 1 && r[0].k === 'apply' ? rowOf(r[0].arg) : [];
  if (arg.length === 1 && (arg[0].k === 'sym' || arg[0].k === 'num' || (arg[0].k === 'op' && ['·', '.', '∙'].includes(arg[0].v)))) return fn(NAMED_CONCEPTS[nameKey(r[0]) ?? ''] ?? (r[0].k === 'apply' && r[0].fn === 'sigmoid' ? 'sigmoid' : undefined));
  const word = r.length >= 3 && r.every((x) => x.k === 'sym' && /^[a-z]$/i.test(x.name) && !x.sub && !x.sup && !x.mods.length) ? r.map((x) => (x as Sym).name).join('').toLowerCase() : '';
  return word && MODEL_WORDS.has(word) ? NAMED_CONCEPTS[word] ?? null : null;
}

/** Display environments that only number or align one line (equation, align with one row …): that line, unaligned. */
const LINE_ENVS = /^(equation|align|aligned|gather|gathered|eqnarray|multline|split|displaymath|math|flalign|alignat)\*?$/;
/**
 * (X_1 W_{31} + X_2 W_{32}) + b_3: brackets around terms of a sum that nothing multiplies, raises or negates add
 * nothing — the terms themselves, for the detectors.
 */
function looseBrackets(items: Row): Row {
  // (Long formulas are read as written: splicing many brackets would only lengthen the rows every detector walks.)
  if (all(items).length > 400 || !all(items).some((x) => x.k === 'group' && x.delim === '(')) return items;
  const loose = (r: Row, i: number) => {
    const [x, before, after] = [r[i], r[i - 1], r[i + 1]];
    const open = !before || (before.k === 'op' && (before.v === '+' || before.v === '='));
    const shut = !after || (after.k === 'op' && ['+', '-', '='].includes(after.v));
    return x.k === 'group' && x.delim === '(' && !x.sub && !x.sup && open && shut && hasOp(x.body, '+');
  };
  // (Read as written, the same nodes, when no bracket is loose: the trees' cached walks stay shared.)
  if (!rowsIn(items).some((r) => r.some((_x, i) => loose(r, i)))) return items;
  const spliced = (r: Row): Row => r.flatMap((x, i) => (loose(r, i) ? rowOf((x as Group).body) : [x]));
  return (mapTree({ k: 'row', items }, (n) => (n.k === 'row' ? { k: 'row', items: spliced(n.items) } : n)) as { items: Row }).items;
}

function oneLine(written: Row): Row {
  const items = unwrapped(written);
  const env = items.length === 1 && items[0].k === 'env' ? items[0] : null;
  // (An alignment mark, `L(θ) &= …`, only places the line.)
  // (Of several rows, one definition among words and braces — `repeat {`, the update, `}` — is the line.)
  const defining = env && LINE_ENVS.test(env.name) ? env.rows.filter((r) => r.some((cell) => all(cell).some((x) => x.k === 'op' && ['=', '←', ':=', '~'].includes(x.v)))) : [];
  const row = env && env.rows.length === 1 ? env.rows[0] : defining.length === 1 ? defining[0] : null;
  if (!env || !LINE_ENVS.test(env.name) || !row) return withoutFullStop(items.filter((x) => !(x.k === 'op' && x.v === '&')));
  return unwrapped(withoutFullStop(row.flatMap((cell) => rowOf(cell))));
}

/**
 * What an invisible wrapper holds: `\left. … \right.` (a group with no delimiters), or words before a one-row
 * `array` or `cases` block that only braces a line (`\text{repeat until convergence} \begin{cases} θ := … \end{cases}`,
 * `\left. \begin{array}{ll} θ_{t+1} = … \end{array} \right.`): that line; a term evaluated at a point, its term.
 */
function unwrapped(items: Row): Row {
  let r = items;
  for (let depth = 0; depth < 4; depth++) {
    const kept = r.filter((x) => x.k !== 'text' && x.k !== 'name');
    const only = kept.length === 1 ? kept[0] : null;
    if (only?.k === 'group' && only.delim === '' && !only.sub && !only.sup && r.length === 1) r = rowOf(only.body);
    else if (only?.k === 'env' && /^(array|cases)$/.test(only.name) && only.rows.length === 1 && only.rows[0].length === 1) r = rowOf(only.rows[0][0]);
    else if (only?.k === 'env' && LINE_ENVS.test(only.name) && only.rows.length === 1 && kept.length < r.length) r = [only];
    else break;
  }
  // (`\left. η ∇_φ L \right|_{φ = φ_{k−1}}`: a term evaluated at a point is the term.)
  const evaluated = (x: Node) => x.k === 'group' && x.delim === '' && !x.sup && !!x.sub && rowOf(x.sub).some((y) => y.k === 'op' && y.v === '=');
  return r.some(evaluated) ? r.flatMap((x) => (x.k === 'group' && evaluated(x) ? rowOf(x.body) : [x])) : r;
}

/** The sentence's full stop or comma after a formula (`h_θ(x) = θᵀx.`) is no part of it. */
function withoutFullStop(r: Row): Row {
  const stop = (x: Node) => x.k === 'op' && (x.v === '.' || x.v === ',');
  let n = r.length;
  while (n > 1 && stop(r[n - 1])) n--;
  return n === r.length ? r : r.slice(0, n);
}

/** Attention and its kinds (its family): formulas that take a softmax of scores as one of their parts. */
const ATTENTION_KINDS = new Set<ConceptId>(FAMILIES.find((f) => f.includes('attention')));

const ADAM_BIAS_CORRECTION = 'bias correction m_t/(1 − β₁^t)';
const ADAM_STEP = 'the step η m̂/(√v̂ + ε)';
const BAYES_THEOREM = 'P(A|B) = P(B|A) P(A) / P(B)';
/**
 * Structures that are one concept's own under words about a method outside the catalog: Adam's bias correction and
 * corrected step under momentum or RMSProp (the two Adam combines), Bayes' theorem written whole under naive Bayes,
 * the hinge loss under kernels (the support vector machine's loss, in any feature space).
 */
const OWN_STRUCTURES = new Set([ADAM_BIAS_CORRECTION, ADAM_STEP, BAYES_THEOREM, HINGE_MARGIN]);
/** Methods built on those structures (Adam's variants), whose words make the structures theirs. */
const BUILT_ON_OWN_STRUCTURES = /adamax|nadam|amsgrad|radam|adabelief|adadelta|adagrad|nesterov/i;

/**
 * The words around the formula: a concept they point to gains; where they name a method outside the catalog, a
 * guess loses — not a concept the words name too (n-gram estimates under smoothing and Bayes under naive Bayes are
 * those methods' own formulas, so they lose all the same), nor a structure of the concept's own (OWN_STRUCTURES:
 * Bayes' theorem written whole stays Bayes' rule under naive Bayes).
 */
function weighWords(cands: Map<ConceptId, { score: number; why: string }>, words: string): void {
  if (!words.trim()) return;
  const foreign = FOREIGN.test(words);
  const namedHere: ConceptId[] = foreign ? conceptsMentioned(words, Infinity).filter((id) => id !== 'ngram-markov' && id !== 'bayes-rule') : [];
  // (A softmax the sentence mentions, inside attention the formula writes, is the attention's ingredient: it gains nothing.)
  const attentionBuilt = [...cands].some(([id, c]) => ATTENTION_KINDS.has(id) && c.score >= 3);
  for (const [id, c] of cands) {
    if (wordsFor(id, words) && !(id === 'softmax' && attentionBuilt) && !(id === 'regularization' && c.why === RIDGE_SOLUTION && !namedInOtherLanguage(id, words))) c.score += 0.9;
    else if (foreign && !c.why.startsWith('named') && !namedHere.includes(id) && !(OWN_STRUCTURES.has(c.why) && !BUILT_ON_OWN_STRUCTURES.test(words))) c.score -= 1.5;
  }
}

const ATTENTION_WEIGHTS = 'α = softmax of the scores: attention weights';

/**
 * Of readings tied on the structure, the one the words around the formula speak of — y = Ax + b under "Elastic net
 * regression" — when they speak of just one: moved to the front of `sorted` (its reason is the one given).
 */
function spokenOfTied<C extends { id: ConceptId; score: number; why: string }>(sorted: C[], tied: C[], words: string): C | undefined {
  const spoken = tied.filter((c) => !c.why.startsWith('related') && wordsFor(c.id, words));
  if (spoken.length !== 1 || tied[0].score - spoken[0].score >= 0.05) return undefined;
  const at = sorted.indexOf(spoken[0]);
  if (at >= 0) sorted.splice(at, 1);
  sorted.unshift(spoken[0]);
  return spoken[0];
}

/** The best of `ids` with evidence of its own (score ≥ 2.5), if it leads or is within MARGIN of the best candidate. */
function leadingReading(cands: Map<ConceptId, { score: number; why: string }>, ids: ConceptId[]): { score: number; why: string } | undefined {
  const best = ids.map((id) => cands.get(id)).filter((c): c is { score: number; why: string } => !!c && !c.why.startsWith('related') && c.score >= 2.5).sort((a, b) => b.score - a.score)[0];
  const top = Math.max(...[...cands.values()].map((c) => c.score));
  return best && best.score >= top - MARGIN ? best : undefined;
}

/** Why masked self-attention is named for attention restricted to the positions up to its own. */
const CAUSAL_RESTRICTION = 'Σ_{j ≤ i} α_ij v_j: attention restricted to positions up to its own, the causal mask';

/**
 * Attention whose sum or weights are restricted to j ≤ i (`Σ_{j ≤ i} α_ij v_j`, `α_ij = softmax(…) ∀ j ≤ i`), or whose
 * scores are −∞ for j > i: each position attends only to itself and those before it — masked (causal) self-attention.
 */
function causallyRestricted(cands: Map<ConceptId, { score: number; why: string }>, items: Row): void {
  const best = leadingReading(cands, ['attention', 'self-attention', 'scaled-dot-product-attention']);
  if (!best) return;
  const index = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^[ijkst]$/.test(x.name) && !x.sub && !x.sup;
  const infinite = all({ k: 'row', items }).some((x) => x.k === 'sym' && x.name === 'infty');
  const causal = rowsIn(items).some((r) => r.some((x, k) => {
    const [a, op, b] = [x, r[k + 1], r[k + 2]];
    if (!index(a) || !op || op.k !== 'op' || !index(b) || a.name === b.name) return false;
    return ['≤', '<'].includes(op.v) ? a.name > b.name || (a.name === 'j' && b.name === 'i') || (a.name === 's' && b.name === 't') : ['>', '≥'].includes(op.v) && infinite;
  }));
  const masked = cands.get('masked-self-attention');
  if (causal && !(masked && masked.score > best.score)) cands.set('masked-self-attention', { score: best.score + 0.1, why: CAUSAL_RESTRICTION });
}

/** Why self-attention is named for attention scores between two positions of one sequence. */
const SAME_SEQUENCE = 'A_{t,s} ∝ exp(x_tᵀ x_s): positions of one sequence scored against each other, self-attention';

/**
 * Attention whose every score is a dot product of one sequence's vectors at two positions, x_tᵀx_s, (U x_t)ᵀ(U x_s),
 * (U_q x_t)ᵀ(U_k x_s), x_i · x_j: the sequence attends to itself — self-attention.
 */
function sameSequenceScores(cands: Map<ConceptId, { score: number; why: string }>, items: Row): void {
  const best = leadingReading(cands, ['attention']);
  if (!best || (cands.get('self-attention')?.score ?? 0) > best.score) return;
  // (The vector a factor holds: itself, or the last letter of a projection in brackets, U x_t.)
  const vector = (x: Node): Sym | undefined => {
    if (x.k === 'sym') return x;
    if (x.k !== 'group') return undefined;
    const last = rowOf(x.body)[rowOf(x.body).length - 1];
    return last?.k === 'sym' ? last : undefined;
  };
  const pairs = dots(items).map((d) => [vector(d.a), vector(d.b)]);
  const samePositions = (a: Sym | undefined, b: Sym | undefined) => !!a && !!b && a.name === b.name && /^[xhez]$/.test(a.name) && a.mods.join() === b.mods.join() && !!a.sub && !!b.sub && subText(a.sub) !== subText(b.sub);
  if (pairs.length && pairs.every(([a, b]) => samePositions(a, b))) cands.set('self-attention', { score: best.score + 0.1, why: SAME_SEQUENCE });
}

/**
 * A more specific concept whose own structure is in the formula (two-class terms y log p + (1 − y) log(1 − p)) keeps
 * its lead over its general concept, when only the words lifted the general one (a sentence about "cross-entropy").
 * Attention whose structure restricts it (causal, or one sequence scored against itself) goes first.
 */
function specificStructureWins(cands: Map<ConceptId, { score: number; why: string }>, words: string, items: Row): void {
  causallyRestricted(cands, items);
  sameSequenceScores(cands, items);
  const structural = (x: { why: string }) => !/^(related|named|the note names|the words|the sentence)/.test(x.why);
  // A weighted sum that holds the previous step's state is a recurrent layer, whatever words ("the hidden layer") lift
  // the layer it also is.
  const recurrent = cands.get('rnn');
  const layer = cands.get('affine-layer');
  if (recurrent?.why === RECURRENT_SUM && layer && layer.score >= recurrent.score - MARGIN) {
    recurrent.score = Math.max(recurrent.score, layer.score);
    layer.score = recurrent.score - MARGIN - 0.05;
  }
  // Two layers written in one formula (W₂ φ(W₁x + b₁) + b₂) are the network, whatever words ("the output layer") lift
  // the one layer it also holds.
  const network = cands.get('mlp');
  if (network && TWO_LAYER_WHYS.has(network.why) && layer && structural(layer) && layer.score >= network.score - MARGIN) {
    network.score = Math.max(network.score, layer.score);
    layer.score = network.score - MARGIN - 0.05;
  }
  // (1 − u) h_{t−1} + u h̃: a state mixed by one gate is the GRU's update, not a layer's weighted sum.
  const mixedByGate = cands.get('gru');
  if (mixedByGate?.why === GRU_MIX && layer && layer.score >= mixedByGate.score - MARGIN) {
    mixedByGate.score = Math.max(mixedByGate.score, layer.score);
    layer.score = mixedByGate.score - MARGIN - 0.05;
  }
  // σ(Σ_j α_ij W h_j): attention over the neighbours, whatever words ("the layer's output") lift the layer it is
  // written through.
  const neighbours = cands.get('attention');
  if (neighbours?.why === NEIGHBOURS_WEIGHTED && layer?.why === ACTIVATED_AFFINE && layer.score >= neighbours.score - MARGIN) layer.score = neighbours.score - MARGIN - 0.05;
  // Attention weights, α_ij = exp(e_ij) / Σ_k exp(e_ik), stay attention where the words call the step a softmax: the
  // softmax is the part, the weights over scores the whole.
  const weights = cands.get('attention');
  const softmax = cands.get('softmax');
  if (weights?.why === ATTENTION_WEIGHTS && softmax && !structural(softmax) && softmax.score > weights.score - MARGIN) weights.score = softmax.score + MARGIN + 0.05;
  // Two sibling structures close together (Γ_u: an LSTM's gate or a GRU's), the words naming one of them: that one.
  const close = [...cands.entries()].filter(([, c]) => structural(c) && c.score >= 3);
  const said = close.filter(([id]) => namedFor(id, words));
  const siblings = (a: ConceptId, b: ConceptId) => (PARENT[a] ?? []).some((p) => (PARENT[b] ?? []).includes(p));
  if (said.length === 1 && close.length === 2 && siblings(close[0][0], close[1][0])) {
    const [id, c] = said[0];
    const rival = Math.max(...close.filter(([o]) => o !== id).map(([, o]) => o.score));
    if (rival - c.score < 0.5) c.score = Math.max(c.score, rival) + 0.2;
  }
  for (const [id, c] of cands) {
    if (!DISTINCT_CHILDREN.has(id) || !structural(c) || c.score < 3.3 || !words.trim()) continue;
    // A parent with a shape of its own passes the child by a little (the close contenders then give the child); another
    // name the words give the form passes it whatever its evidence, by the margin (it is no ancestor to fall back on).
    const rivals: Array<[ConceptId, number, boolean]> = [...(PARENT[id] ?? []).map((p): [ConceptId, number, boolean] => [p, 0.1, true]), ...(ALSO_NAMED[id] ?? []).map((p): [ConceptId, number, boolean] => [p, MARGIN + 0.05, false])];
    for (const [p, lead, needsShape] of rivals) {
      const rival = cands.get(p);
      if (rival && (structural(rival) || !needsShape) && rival.score >= c.score && rival.score - c.score < 1 && wordsFor(p, words)) c.score = rival.score + lead;
    }
  }
}

/** Words that speak of batches of examples, in the languages notes are written in. */
const BATCH_WORDS = /batch|批|배치|バッチ|батч|lote|lotto|stapel/i;
/** A step on one gradient: no sum over examples and no estimated gradient ĝ. */
const oneGradientStep = (tree: Row) => !bigs(tree, 'sum').length && !syms(tree).some((x) => x.name === 'g' && x.mods.includes('hat'));

/** Words that name an LSTM's gates, and a GRU's, in the languages notes are written in. */
const LSTM_GATE_WORDS = /\b(forget|input|output)["”’']?\s*(gate|ゲート)|遗忘门|输入门|输出门|遺忘門|輸入門|輸出門|忘却ゲート|入力ゲート|出力ゲート|망각\s*게이트|입력\s*게이트|출력\s*게이트|puerta de (olvido|entrada|salida)|porta de (esquecimento|entrada|saída)|porte d'(oubli|entrée|sortie)|(vergessens|eingangs|ausgangs)-?(tor|gate)/i;
const GRU_GATE_WORDS = /\b(update|reset)\s*(gate|ゲート)|更新门|重置门|复位门|更新門|重置門|復位門|更新ゲート|リセットゲート|업데이트\s*게이트|리셋\s*게이트/i;

/**
 * A gate defined under words that name it (`Forget gate: f_t = σ(u_{ft})`, "the update gate z_t = σ(…)"): a gate letter
 * defined as a sigmoid of anything is that cell's gate — an LSTM's forget, input or output gate, a GRU's update or reset
 * gate.
 */
function gateNamedByWords(root: Row, near: string, best: { id: ConceptId; score: number; why: string } | undefined): { id: ConceptId; score: number; why: string } | null {
  if (best?.why.startsWith('named') || (best && ['lstm', 'gru'].includes(best.id))) return null;
  const { parts } = sides(root);
  // (Or the gate's sigmoid alone, its weights named for it, σ(b_f + U_f x_t + W_f h_{t−1}), the sentence naming the gate.)
  const alone = parts.length === 1 && parts[0].length === 1 && parts[0][0].k === 'apply' ? parts[0][0] : null;
  if (!alone && (parts.length !== 2 || parts[0].length !== 1 || parts[1].length !== 1)) return null;
  const [lhs, rhs] = alone ? [alone, alone] : [parts[0][0], parts[1][0]];
  // (Goodfellow's book writes one unit of the gate, f_i^{(t)}: the unit below, the step above.)
  const unitAndStep = lhs.k === 'sym' && /^[ij]$/.test(indexOf(lhs.sub)) && /^t$/.test(indexOf(lhs.sup));
  const ownWeights = !!alone && syms(alone.arg).filter((x) => /^[WUb]$/.test(x.name) && /^[fiog]$/.test(indexOf(x.sub))).length >= 2 && syms(alone.arg).some((x) => x.name === 'h' && /^t-1$/.test(stepIndex(x).replace(/\s/g, '')));
  const gateLetter = ownWeights || (lhs.k === 'sym' && (/^[fioFIOzrZRu]$/.test(lhs.name) || (lhs.name === 'Gamma' && /^[fuoir]$/.test(indexOf(lhs.sub)))) && (!lhs.sub || /^(t|\(t\)|⟨t⟩|<t>)$/.test(indexOf(lhs.sub)) || lhs.name === 'Gamma' || unitAndStep));
  if (!gateLetter || rhs.k !== 'apply' || rhs.fn !== 'sigmoid') return null;
  const lstmGate = LSTM_GATE_WORDS.test(near);
  const gruGate = GRU_GATE_WORDS.test(near);
  if (lstmGate === gruGate) return null;
  const id: ConceptId = lstmGate ? 'lstm' : 'gru';
  return { id, score: Math.max(3.4, (best?.score ?? 0) + 0.1), why: `a gate the words name: ${id === 'lstm' ? "an LSTM's" : "a GRU's"} gate, a sigmoid of its inputs` };
}

/** Gates named in the formula's own annotations (\underbrace{f_t}_{\text{forget gate}}, `(Forget Gate) f = σ(…)`, `\tag{输出门}`): an LSTM. */
function annotatedGates(latex: string, best: { id: ConceptId; score: number; why: string } | undefined): { id: ConceptId; score: number; why: string } | null {
  const annotations = [...latex.matchAll(/\\(?:text|tag)\s*\{([^{}]*)\}/g)].map((m) => m[1]).join(' ');
  if (!LSTM_GATE_WORDS.test(annotations) || best?.why.startsWith('named') || (best && !related(best.id, 'lstm') && best.score >= 3.4)) return null;
  return { id: 'lstm', score: Math.max(3.4, (best?.score ?? 0) + 0.1), why: 'gates named in the formula: an LSTM' };
}

/**
 * Formulas from outside the catalog that borrow its shapes: a discriminator of a generator's sample, D(G(z)) (a GAN's
 * game); θ_MAP, a posterior's mode (unless a penalty makes it the regularised objective); P(w_1, …, w_T) on its own,
 * the quantity a model computes named, not a formula of the model.
 */
function outsideTheCatalog(root: Row, src: string, best: { id: ConceptId; why: string } | undefined): boolean {
  if (best?.why.startsWith('named')) return false;
  // (The discriminator's loss with its minus, −log D(x) − log(1 − D(G(z))), is its binary cross-entropy; the game's value is not.)
  const gan = applies(root).some((a) => a.fn === 'D' && applies(a.arg).some((b) => b.fn === 'G')) && !(best?.id === 'binary-cross-entropy' && negated(root));
  // (A joint probability raised to a power, P(W)^{−1/N}, is more than the joint.)
  const loneJoint = root.length === 1 && root[0].k === 'apply' && /^[pP]$/.test(root[0].fn) && !hasOp(root[0].arg, '|') && !root[0].sup;
  const map = /_\s*\{?\s*(?:\\(?:text|mathrm|rm|operatorname)\s*\{\s*)?MAP\b/.test(src) && best?.id !== 'regularization';
  // (x ⋆ w, x ⊛ w: a convolution or a correlation, whatever weighted sum it expands to.)
  // (Not y^⋆, y^{\star}: a starred letter.)
  const convolution = /[A-Za-z0-9})]\s*(?:\\(?:star|circledast)(?![A-Za-z])|[⋆⊛])\s*[A-Za-z\\(]/.test(src);
  return loneJoint || (!!best && (gan || map || convolution));
}

/**
 * Σ_l Σ_m w_{l,m} a_{j+l, k+m} (+ b): weights indexed by the summed letters read the input at an output's place shifted
 * by them — a window slid over the input, a convolution, not a layer's weighted sum of all its inputs.
 */
function slidWeights(root: Row): boolean {
  const summed = new Set(bigs(root, 'sum').flatMap((b) => syms(b.sub ? rowOf(b.sub).slice(0, Math.max(0, rowOf(b.sub).findIndex((x) => x.k === 'op' && x.v === '='))) : []).map((x) => x.name)));
  if (!summed.size) return false;
  const indices = (x: Sym) => subText(x.sub).replace(/\s/g, '').split(',');
  const weighted = syms(root).some((x) => /^(w|W|K|k|omega)$/.test(x.name) && indices(x).some((i) => summed.has(i)));
  // (An index of the output plus a summed letter, j + l.)
  const shifted = syms(root).some((x) => indices(x).some((i) => { const [at, by, more] = i.split('+'); return !!at && by !== undefined && more === undefined && summed.has(by); }));
  return weighted && shifted;
}

/**
 * A line or a linear score the words call a classifier (two classes, a discriminant), with no regression named: a
 * linear classifier, which the catalog does not hold, not linear regression.
 */
function linearClassifier(words: string, best: { id: ConceptId; why: string }): boolean {
  return best.id === 'linear-regression' && !best.why.startsWith('named') && /classif|\bclasses\b|discriminant|分类|分類|분류|klassifik/i.test(words) && !/regress|回归|回帰|회귀/i.test(words);
}

/**
 * A joint probability that is not factored into conditionals: a sum of products, P(X) = P(X|y₁)P(y₁) + P(X|y₂)P(y₂)
 * (total probability), or marginals multiplied with no condition, p(x, y) = p(x) p(y) (independence). Nor is a
 * product whose conditionals are each given as many letters as another: each given one class, P(x₁ | y) ⋯ P(x_m | y)
 * P(y) (naive Bayes), or each given its parents, p(B) p(C) p(A | B, C) p(D | A) p(E | A) (a Bayesian network): the
 * chain rule gives each factor all the others before it, one more letter each time.
 */
function notTheChainRule(root: Row, best: { id: ConceptId; why: string }): boolean {
  if (best.id !== 'probability-chain-rule' || best.why.startsWith('named')) return false;
  const { parts } = sides(root);
  const rhs = parts[parts.length - 1] ?? [];
  const logged = applies(root, ['log', 'ln']).length > 0;
  const summed = parts.length >= 2 && !logged && (termsOf(rhs).length >= 2 || parts.slice(1).some((p) => p[0]?.k === 'big' && p[0].v === 'sum'));
  const conditioned = all(root).some((x) => x.k === 'op' && (x.v === '|' || x.v === '∣'));
  // (A condition written with an ellipsis or an index range, x_{i_2}, ⋯, x_{i_m} or X_{1:2}, is a range, whatever its
  // count of letters.)
  const range = (a: Apply) => hasOp(rowOf(a.arg), '…') || conditionLetters(a).given.some((y) => /[:<≤]|\\le|\\dots/.test(subText(y.sub)));
  // (Each given the step before it of the same letter, p(s_0) p(s_1 | s_0) … p(s_T | s_{T−1}), is a process's joint
  // factorised by the rule.)
  const markov = (conds: Apply[]) => conds.every((a) => { const { predicted, given } = conditionLetters(a); return given.length === 1 && predicted.length === 1 && given[0].name === predicted[0].name; });
  const notChained = parts.slice(1).some((p) => {
    const probs = p.filter((x): x is Apply => x.k === 'apply' && isProb(x));
    const conds = probs.filter(condBarOf);
    const sizes = conds.map((a) => conditionLetters(a).given.length);
    const sameGiven = !conds.some(range) && !markov(conds) && new Set(sizes).size < sizes.length;
    // (Two factors given nothing beside a conditional, p(A) p(B) p(C | A, B): the parents of a graph.)
    return sameGiven || (conds.length >= 1 && probs.length - conds.length >= 2);
  });
  return summed || !conditioned || notChained;
}

/**
 * The KL divergence used, not written out: a statement about divergences (a sum of them, an arg min over one, another
 * quantity defined as one) with no sum, integral, expectation, logarithm or entropy saying what it is.
 */
function klOnlyUsed(root: Row, best: { id: ConceptId }): boolean {
  if (best.id !== 'kl-divergence') return false;
  const { parts } = sides(root);
  if (parts.filter((p) => p.length).length < 2) return false;
  // (One divergence against a number, D(p‖q) ≥ 0, D(p‖q) = 0 ⟺ p = q: a property of the divergence itself.)
  // (Also with its arguments in square brackets, D_KL[p(x) ‖ q(x)] ≥ 0.)
  const alone = (p: Row) => (p.length === 1 && (p[0].k === 'apply' || p[0].k === 'sym')) || (p.length === 2 && p[0].k === 'sym' && p[1].k === 'group' && p[1].delim === '[');
  if (alone(parts[0]) && parts[1][0] && isNum(parts[1][0])) return false;
  // (A loss term defined as one divergence, L_T = D_KL(q(x_T | x_0) ‖ p(x_T)), is that divergence; a distillation's,
  // L_KD = KL(…), is the distillation loss.)
  const lossTerm = parts[0].length === 1 && parts[0][0].k === 'sym' && /^(L|ell)$/.test(parts[0][0].name) && !/kd|distil/i.test(subText(parts[0][0].sub));
  if (lossTerm && parts.length === 2 && parts[1].length <= 2 && parts[1].some((x) => x.k === 'apply' && doubleBar(x))) return false;
  const written = bigs(root, 'sum').length + bigs(root, 'int').length + applies(root, ['log', 'ln', 'exp', 'H', 'E']).length > 0 || all(root).some((x) => (x.k === 'sym' && /^(log|ln|E|mathbbE|H)$/.test(x.name)) || (x.k === 'name' && /^(log|ln|E|H)$/.test(x.v)));
  return !written;
}

/**
 * y = W^{(2)} W^{(1)} x + W^{(2)} b^{(1)} + b^{(2)}: two linear layers with no activation between, multiplied out —
 * the argument that they collapse into one linear map, not a layer defined.
 */
function collapsedLayers(root: Row, best: { id: ConceptId }): boolean {
  if (best.id !== 'affine-layer' || applies(root).some((a) => ACTIVATIONS.includes(a.fn))) return false;
  const layer = (x: Node | undefined) => (x?.k === 'sym' && x.name === 'W' ? (subText(x.sup) || subText(x.sub)).replace(/[\s()[\]]/g, '') : '');
  return rowsIn(root).some((r) => r.some((x, i) => {
    const next = r[i + 1]?.k === 'op' && ['×', '·'].includes((r[i + 1] as { v: string }).v) ? r[i + 2] : r[i + 1];
    const inner = next?.k === 'group' ? rowOf(next.body)[0] : next;
    return !!layer(x) && !!layer(inner) && layer(x) !== layer(inner);
  }));
}

/**
 * An activation's derivative times the loss's, ∂J/∂Z = ∂J/∂A · A(1 − A), or a loss's gradient written in cases: a step
 * of backpropagation through the layer. (The activation's own slope, σ′ = σ(1 − σ), stays the activation's.)
 */
function throughActivation(root: Row, id: ConceptId): boolean {
  return ELEMENTWISE.has(id) && (all(root).some(lossDerivative) || lossGradientOnLeft(root));
}

/**
 * What the formula states is not its best concept, however well it matches: something outside the catalog, a value
 * worked out, an option's cases, a method next to the concept (the perceptron's rule, a linear classifier, a polynomial,
 * total probability), a statement that only uses the concept (a KL divergence in an arg min), a backpropagation step.
 */
function statesSomethingElse(root: Row, src: string, words: string, best: { id: ConceptId; why: string } | undefined): boolean {
  if (outsideTheCatalog(root, src, best) || onlyDeclares(root)) return true;
  const value = statesAValue(root);
  const named = !!best?.why.startsWith('named');
  if (value === 'worked' || (best && value === 'at' && !named)) return true;
  if (!best) return false;
  if (!named && (optionCases(src) || precisionVeto(root, best) || perceptronRule(root, words, best) || throughActivation(root, best.id))) return true;
  return linearClassifier(words, best) || scoreBound(root, best) || klOnlyUsed(root, best) || collapsedLayers(root, best) || notTheChainRule(root, best) || newtonStep(root, best) || maximumAPosteriori(root, best) || boundedBetween(root);
}

/**
 * β₁ = 0.9, β₂ = 0.98, ε = 10^{−9}; W_i^Q ∈ ℝ^{d×d_k}, W_i^O ∈ ℝ^{hd_v×d}: letters set to numbers or given their
 * shapes, and nothing else — settings and declarations, which define no concept whatever the words around them name.
 */
export function onlyDeclares(root: Row): boolean {
  const chunks: Row[] = [[]];
  for (const x of root) {
    if (x.k === 'op' && [',', ';', '\\\\'].includes(x.v)) chunks.push([]);
    else chunks[chunks.length - 1].push(x);
  }
  const filled = chunks.map((c) => c.filter((x) => !(x.k === 'op' && x.v === '.'))).filter((c) => c.length > 0);
  // (A number raised to letters, λ_j = 10000^{−2j/d}, is a formula in them.)
  const numeric = (x: Node) => (x.k === 'num' && !(x.sup && all(x.sup).some((y) => y.k === 'sym'))) || (x.k === 'op' && ['-', '×', '·'].includes(x.v));
  const setting = (c: Row) => c.length > 2 && c[0].k === 'sym' && c[1].k === 'op' && c[1].v === '=' && c.slice(2).every(numeric) && c.slice(2).some((x) => x.k === 'num');
  const space = (x: Node | undefined) => x?.k === 'sym' && x.name === 'R' && !!x.sup;
  const shape = (c: Row) => { const at = c.findIndex((x) => x.k === 'op' && x.v === '∈'); return at >= 1 && c.slice(0, at).every((x) => x.k === 'sym') && c.length === at + 2 && space(c[at + 1]); };
  // (Letters listed before the one whose space is given share it: `W^Q, W^K ∈ ℝ^{d×d_k}`.)
  let lastShape = -1;
  filled.forEach((c, i) => { if (shape(c)) lastShape = i; });
  const listed = (c: Row, i: number) => c.length === 1 && c[0].k === 'sym' && i < lastShape;
  return filled.length >= 1 && filled.every((c, i) => setting(c) || shape(c) || listed(c, i));
}

/**
 * (Y − 𝔼[Y])², (x − E(x))²: a quantity less its own expectation, squared — a variance or a covariance, which no concept
 * of the catalog is, whatever its letters resemble.
 */
export function ownMeanDeviation(root: Row): boolean {
  const expectation = (x: Node | undefined) => x?.k === 'sym' && x.name === 'E' && !x.sub;
  return all(root).some((g) => {
    if (g.k !== 'group' || g.delim !== '(' || !onlyNum(g.sup, 2)) return false;
    const b = rowOf(g.body);
    return b.length === 4 && b[0].k === 'sym' && b[1].k === 'op' && b[1].v === '-' && expectation(b[2]) && b[3].k === 'group' && sameRow(rowOf(b[3].body), [b[0]]);
  });
}

/** 0 ≤ softmax_i(x) ≤ 1, −1 < tanh(z) < 1: a quantity's range between two numbers states a property, not what it is. */
function boundedBetween(root: Row): boolean {
  const { parts, rels } = sides(root);
  const number = (p: Row) => p.length >= 1 && p.length <= 2 && p.every((x) => x.k === 'num' || (x.k === 'op' && x.v === '-'));
  return parts.length === 3 && rels.length === 2 && rels.every((r) => ['≤', '<', '≥', '>'].includes(r)) && number(parts[0]) && number(parts[2]);
}

/**
 * wᵀx + b ≤ −1, y(wx + b) ≥ 1 − ε: a linear score bounded on the line is a margin constraint or a decision region (an
 * SVM's, a perceptron's), not the linear model or layer it resembles.
 */
function scoreBound(root: Row, best: { id: ConceptId }): boolean {
  // (Two bounds, 0 ≤ π(x) ≤ 1, state the range of a value the line has defined.)
  return ['linear-regression', 'affine-layer', 'logistic-regression', 'mlp'].includes(best.id) && root.filter((x) => x.k === 'op' && ['≤', '≥', '<', '>'].includes(x.v)).length === 1;
}

/** arg max_θ log p(D | θ) + log p(θ): a log prior of the parameters themselves makes it the MAP estimate, outside the catalog. */
function maximumAPosteriori(root: Row, best: { id: ConceptId }): boolean {
  const maximised = all(root).some((x) => (x.k === 'name' && /^(arg)?max$/i.test(x.v)) || (x.k === 'apply' && /^(arg)?max$/i.test(x.fn)));
  return best.id === 'maximum-likelihood' && maximised && applies(root, ['log', 'ln']).some((l) => applies(l.arg).some((a) => isProb(a) && rowOf(a.arg).length === 1 && rowOf(a.arg)[0].k === 'sym' && PARAM_LETTER.test((rowOf(a.arg)[0] as Sym).name)));
}

/** δ_x^l (a_x^{l−1})ᵀ read as δ applied to the bracket: the error term times an activation, a gradient. */
const errorTimesBracket = (x: Node) => x.k === 'apply' && x.head.k === 'sym' && x.head.name === 'delta' && !!(x.head.sub || x.head.sup) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym';

/** Something inverted, H^{−1}, (∇²f)^{−1}, Hess(f)^{−1}: a matrix or function raised to −1. */
function throughAnInverse(r: Row): boolean {
  const inverse = (n: Node | undefined) => subText(n).replace(/\s/g, '') === '-1';
  return all(r).some((x) => (x.k === 'apply' && x.head.k === 'sym' && inverse(x.head.sup)) || ('sup' in x && inverse(x.sup)));
}

/** A step through an inverted matrix, x − α H^{−1} ∇f: Newton's method, outside the catalog — gradient descent inverts nothing. */
function newtonStep(root: Row, best: { id: ConceptId }): boolean {
  return (best.id === 'gradient-descent' || best.id === 'minibatch-sgd') && throughAnInverse(root);
}

/** Detectors that threw on some input since the module loaded (each is skipped, the others still run). */
export const detectorErrors = { count: 0, last: '' };

/**
 * The perceptron's rule, Δw = η (t − y) x, where the words name the perceptron or Hebb's rule: an error times the input,
 * no gradient of a loss — a method outside the catalog, however much it looks like a gradient step.
 */
function perceptronRule(root: Row, words: string, best: { id: ConceptId }): boolean {
  // (Named in Chinese, Korean or Japanese too: 感知机, 感知器, 퍼셉트론, パーセプトロン.)
  return best.id === 'gradient-descent' && /perceptr|percettr|perzeptr|персептр|hebb|\bMCP\b|感知[机器機]|퍼셉트론|パーセプトロン/i.test(words) && !hasGradient(root);
}

/** Cases chosen by an option's quoted value (`if reduction = 'mean'`) describe a setting, not a concept. */
const optionCases = (src: string) => /\\begin\{cases\}/.test(src) && /\\text\s*\{[^{}]*[`'‘’][^{}]*\}/.test(src);

/**
 * Whether the formula's left side is a derivative: a primed letter or function (σ′(x), tanh'(z), g^{\prime}(z)), or a
 * derivative fraction (dσ/dx, ∂a/∂z, \frac{d}{dx} tanh(x)). Such a line works out a slope, not the function itself.
 */
export function derivativeOnLeft(tree: Row): boolean {
  const { parts } = sides(tree);
  if (parts.length < 2) return false;
  return parts[0].some((x) => isPrimed(x) || primeSup(x) || (x.k === 'frac' && !!derivative(x)));
}

/** A line that works out a derivative or a gradient: ∂ or ∇ in it, or a derivative on its left (σ′(x) = …). */
export function derivativeLine(tree: Row): boolean {
  return hasGradient(tree) || derivativeOnLeft(tree);
}

/** Why the Cauchy–Schwarz inequality is named (firm, below): an inner product bounded by lengths or by products. */
const INNER_UNDER_LENGTHS = '|⟨u,v⟩| ≤ ‖u‖ ‖v‖: an inner product bounded by the product of the lengths';
const INNER_UNDER_PRODUCTS = '⟨x,y⟩² ≤ ⟨x,x⟩⟨y,y⟩: an inner product squared bounded by each vector\'s with itself';
/** Why the forms read by the detectors of rounds 50–57 are what they are (firm, below). */
const MINKOWSKI_DISTANCE = 'd(x, y) = Σ|x_i − y_i|: the L1 (Manhattan) distance, the norm of x − y; with a power h and its root, the Minkowski distance';
const LAYER_ACTIVATION = 'a^{[l]} = g^{[l]}(z^{[l]}): layer l\'s activation of its pre-activation, the layer\'s output';
const SIGMOID_DECISION = 'ŷ = 1 when σ(z) > 0.5: logistic regression\'s decision, its probability thresholded';
const WORD_GIVEN_CONTEXT = 'p(w | Context(w)): the word given the words around it, what CBOW predicts';
const CONTEXT_GIVEN_TARGET = 'p(context word | target word) = softmax: a context word given the target, skip-gram\'s';
const CONTEXT_GIVEN_TARGET_ALONE = 'p(context word | target word): a context word given the target, what skip-gram predicts';
const TARGET_GIVEN_CONTEXT = 'p(target word | x_1, …, x_K) = softmax: the target given its context words, CBOW\'s';
const LOGISTIC_OF_SCORE = 'P(Y = 1 | x) = e^{xβ} / (1 + e^{xβ}): the logistic of a linear score';
const COUPLED_GATES = 'c_t = f_t ⊙ c_{t−1} + (1 − f_t) ⊙ c̃_t: coupled forget and input gates';
const ONE_HEAD = 'Attn(Q_i, K_i, V_i): the attention of one head, its own queries, keys and values';
const DECODER_NAMED = 'p_{θ_dec}(y | y_{<i}, c): the decoder\'s distribution of the next target token, given the encoding';
const GATE_OWN_WEIGHTS = 'f_t = σ(W_f z + b_f): a gate at step t through its own weights W_f';
const RESET_CANDIDATE = 'h̃_t = tanh(W [r_t ⊙ h_{t−1}, x_t]): the candidate through the reset gate';
const STEP_TIMES_INPUT = 'x H(x): the input where its step is 1, else 0 — ReLU';
const PARAMETER_LOG_LIKELIHOOD = 'ℓ(θ) = Σ_i log p(x_i; θ): the log-likelihood of the data under the parameters listed';
const PREDICTION_NAMED = 'ŷ = σ(z) under the words "logistic regression": the model\'s prediction, the sigmoid of its score';
const BIGRAM_SENTENCE = 'P(w_1 | <s>) P(w_2 | w_1) … P(</s> | w_n): a sentence scored by bigrams';
const CONCAT_UNDER_MODEL = 'z = [h_{t−1}, x_t]: the previous state and the input joined, the step of the recurrent model the words name';
const ELBO_EXPECTATION = 'E_{q(z|x)}[log p(x, z) − log q(z|x)]: the evidence lower bound';
const INDICATOR_OF_SCORE = 'y = I{wᵀx + b > 0}: the step of a linear score';
const CAUSAL_CASES = 'e_{ij} = q_iᵀk_j for j ≤ i, −∞ after: the causal mask';
const TANH_THROUGH_SIGMOID = 'tanh(x) = 2σ(2x) − 1';
const PER_HEAD = 'Attention(X W_i^Q, X W_i^K, X W_i^V): one head per index';
const HEAD_DEFINED = 'heads concatenated / head_i = Attention(QW_i^Q, …)';
const BIGRAM_FACTORS = 'P(w_1) P(w_2 | w_1) … P(w_n | w_{n−1}): each word given only the one before it, the bigram model';
const CONTEXT_PAIRS = 'Π_{w ∈ Text} Π_{c ∈ C(w)} p(c | w; θ): each context word given its word, over the corpus — skip-gram\'s objective';
const CONTEXT_PAIRS_SOFTMAX = 'Σ_{(w, c)} log e^{u_c · v_w}/Σ_{c′} e^{u_{c′} · v_w}: skip-gram\'s objective with the full softmax';
const ALIGNMENT_NETWORK = 'e_{tj} = MLP(s_{t−1}, h_j): a small network scores the previous decoder state against an encoder state (additive attention)';
const WINDOW_GIVEN_CENTRE = 'Π_{−m ≤ j ≤ m, j ≠ 0} P(w_{t+j} | w_t): each word of the centre word\'s window given the centre';
const SCORE_OF_WEIGHTS = 'f(x, W) = Wx: the weight matrix, an argument of the function, applied to its input';
const LABEL_POWERS_PRODUCT = 'Π_i P(Y = 1 | x_i)^{y_i} P(Y = 0 | x_i)^{1−y_i}: the likelihood of the labels, each class\'s probability raised to its label';
const LABEL_BERNOULLI = 'y ∼ Bernoulli(p), p = σ(z): the label drawn with the probability the sigmoid of a score gives';
const LABEL_CATEGORICAL = 'y ∼ Categorical(p), p = softmax(z): the label drawn with the probabilities a softmax of scores gives';
const GRU_MIX = 'h_t = (1 − z_t) h_{t−1} + z_t h̃_t: the state mixed by the update gate';
const HEADS_SUMMED = 'Σ_i softmax(Q^i K^{iᵀ}/√d) V^i W^{o,i}: each head\'s attention, summed over the heads';
const WHOLE_PREFIX = 'P(w_t | w_1, …, w_{t−1}): the next word given every word before it';

/** Why a one with a prediction unequal to its label below it is the 0–1 loss. */
const MISTAKE_BELOW_ONE = '𝟙_{f(x) ≠ y}: 1 for a mistake, 0 otherwise';
/** Why the 0–1 loss is named for cases that give 0 where the prediction is the label and 1 elsewhere (firm). */
const ZERO_ONE_CASES = '0 when ŷ = y, 1 when ŷ ≠ y';
/** Why the 0–1 loss is named for the probability of a mistake, P(h(X) ≠ Y). */
const MISTAKE_CHANCE = 'P(h(x) ≠ y): the chance of a mistake, the 0–1 loss in expectation';

/** Why code's z * (z > 0) is the ReLU. */
const RELU_CODE = 'z · (z > 0): the input kept where it is positive, 0 elsewhere';

/** Why a numbered word given only the few words just before it is an n-gram's probability. */
const NUMBERED_WINDOW = 'P(w_4 | w_2, w_3): the next word given only the few just before it, not the whole prefix';
const HEADS_MIXED = 'Concat(O^{(1)}, …, O^{(H)}) W_O: the heads concatenated and mixed';
const HEADS_LISTED = 'o = [o^{(1)}, …, o^{(h)}]: the output as its h heads\' outputs side by side';
/**
 * From this score on, the structure and the words together make the recogniser's answer firm too: on the real-notes
 * round 50 the learned model's withdrawals of such answers took back 7 right answers and saved no error. (Not a
 * concept the words alone put ahead of the structure's, nor a relative.)
 */
/** Why attention is named when a letter is defined as the value of its call, `c_t = att(u^Q, v_t)`. */
const ATTENTION_VALUE = 'named: attention, the letter on the left its value';

const FIRM_SCORE = 4;
/**
 * Patterns the learned model may not withdraw: their evidence is an arrangement of symbols (a Gaussian's mean, a
 * product's factors) that the model's bag of words and TeX tokens does not see, so its doubt says little about them.
 */
const FIRM: ReadonlySet<string> = new Set([DISTILLATION_NAMED, INNER_UNDER_LENGTHS, INNER_UNDER_PRODUCTS, PENALISED_GRADIENT, WORD_GIVEN_CENTRE, ITEM_GIVEN_ITEM, LINEAR_IN_WEIGHTS, LOGISTIC_LOSS, CONDITIONAL_MEAN_LINEAR, SOFTMAX_JACOBIAN, SOFTMAX_JACOBIAN_CASES, SOFTMAX_JACOBIAN_MATRIX, MINKOWSKI_DISTANCE, ONE_HEAD, HEADS_MIXED, SIGMOID_DECISION, LAYER_ACTIVATION, WORD_GIVEN_CONTEXT, CONTEXT_GIVEN_TARGET, CONTEXT_GIVEN_TARGET_ALONE, TARGET_GIVEN_CONTEXT, COUPLED_GATES, LOGISTIC_OF_SCORE, GAUSSIAN_REGRESSION, LINEAR_MODEL, STATISTICIANS_REGRESSION, BATCH_STEP, SAMPLED_STEP, ENCODING_FREQUENCIES, ENCODING_PARITY, LOGIT_LINEAR, LOG_ODDS_LINEAR, ODDS_EXPONENTIAL, REFERENCE_CLASS_ODDS, CLASS_PROBABILITY_LINEAR, RECURRENCE_STEP, TANH_DERIVATIVE, TANH_SAME_LETTER, LAYER_COMPOSITION, LIKELIHOOD_MAXIMISED, LABELS_LIKELIHOOD, HIDDEN_UNITS_SUMMED, EVERY_LAYER, VALUES_WEIGHTED, STATES_TIMES_WEIGHTS, COSINE_OF_PAIR, LEAKY_CASES, HINGE_CASES, CAUSAL_RESTRICTION, SAME_SEQUENCE, FITTED_LINE, POLYNOMIAL_REGRESSION, ...(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'hardtanh'] as ConceptId[]).map(derivativeOf), ...['rnn', 'lstm', 'gru', 'bidirectional-rnn', 'self-attention', 'multi-head-attention', 'scaled-dot-product-attention'].map((id) => namedCall(id as ConceptId)), HEAD_DEFINED, PER_HEAD, DECODER_NAMED, GATE_OWN_WEIGHTS, RESET_CANDIDATE, STEP_TIMES_INPUT, PARAMETER_LOG_LIKELIHOOD, BIGRAM_SENTENCE, ELBO_EXPECTATION, INDICATOR_OF_SCORE, CAUSAL_CASES, TANH_THROUGH_SIGMOID, CHAIN_LINKED, LAYER_TAGGED, ATTENTION_VALUE, SHARED_PENALTY, SDPA_WRITTEN, LABEL_CASE_LOG, LABEL_BERNOULLI, LABEL_CATEGORICAL, CONTEXT_PAIRS, CONTEXT_PAIRS_SOFTMAX, HEADS_SUMMED, NUMBERED_WINDOW, MISTAKE_BELOW_ONE, RELU_CODE, RELU_CASES, ZERO_ONE_CASES]);

/**
 * Closed forms that belong to one concept only, whatever words surround them: the KL of a Gaussian from the standard
 * normal written out (in symbols or in VAE code), and the softmax's Jacobian as a matrix or in its two cases.
 */
const CLOSED_FORMS: ReadonlySet<string> = new Set([GAUSSIAN_KL, GAUSSIAN_KL_CODE, SOFTMAX_JACOBIAN_MATRIX, SOFTMAX_JACOBIAN_CASES]);
/** The recogniser's best answer is firm: a pattern the learned model cannot see, or a high score not lent by words alone. */
const isFirm = (best: { score: number; why: string }) => FIRM.has(best.why) || (best.score >= FIRM_SCORE && !/^(the note names|related)/.test(best.why));


/**
 * The words around a formula name a relative of the structure's best reading that the formula itself shows is not
 * meant: that name does not raise the relative.
 */
function wordsDoNotChoose(id: ConceptId, top: [ConceptId, { score: number; why: string }], items: Row, words: string, src: string): boolean {
  // (P(A, B) = P(A | B) P(B) of events stays the rule of probability; a forward step under "BPTT" stays the step.)
  if ((id === 'language-model' && top[1].why.startsWith('P(A,B)')) || (/^(chain-rule|backpropagation-through-time)$/.test(id) && !hasGradient(items))) return true;
  // (Under "SGD" a step on one gradient, with no sum, no estimate ĝ and no batch in the words, is the plain step the
  // notes write for it.)
  // (A subscript of the formula's own, J_{minibatch}(θ), says it as the words would.)
  if (id === 'minibatch-sgd' && top[0] === 'gradient-descent' && oneGradientStep(items) && !BATCH_WORDS.test(words) && !BATCH_WORDS.test(src)) return true;
  // (Under "Adam", a step with none of its moments — no m, v, β, no root — is the plain step the note recalls first.)
  if (id === 'adam' && !all(items).some((x) => (x.k === 'sym' && /^(m|v|s|beta|rho)$/.test(x.name)) || x.k === 'sqrt')) return true;
  // (Under "Scaled dot-product attention" a projection q_i = W_q x_i is still only the input in its role: the
  // scores and their softmax are written elsewhere.)
  if ((id === 'scaled-dot-product-attention' || id === 'masked-self-attention') && PROJECTIONS.has(top[1].why)) return true;
  // (Under "Negative sampling" or "Hierarchical softmax" a softmax over the whole vocabulary is the cost those
  // methods avoid, set out before them: the full softmax still.)
  if ((id === 'sgns' || id === 'hierarchical-softmax') && top[0] === 'skipgram-softmax') return true;
  return false;
}

/**
 * A line that is one step of a model the words name: ŷ = σ(z) under "Logistic regression" (the prediction the model
 * defines), g′(z) = 0 if z < 0 under "ReLU" (a piece of the named activation's derivative), z = [h_{t−1}, x_t] under
 * "LSTM" (the state and the input joined, the model's first step).
 */
function wordsNameTheStep(items: Row, named: ConceptId | null, top: [ConceptId, { score: number }] | undefined, cands: Map<ConceptId, { score: number; why: string }>, words: string, add: Add): void {
  // (ŷ = σ(z) under "Logistic regression": the prediction the model defines is the sigmoid of its score, the model's.)
  const predicted = (r: Row) => { const { parts } = sides(r); return parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'sym' && /^[yY]$/.test(parts[0][0].name) && parts[0][0].mods.includes('hat'); };
  const sigmoidLead = cands.get('sigmoid');
  if (top && sigmoidLead && sigmoidLead.score >= top[1].score && (!named || named === 'sigmoid') && predicted(items) && conceptsNamed(words).includes('logistic-regression')) add('logistic-regression', sigmoidLead.score + 0.2, PREDICTION_NAMED);
  // (g′(z) = 0 if z < 0 under "ReLU": one piece of the derivative of the activation the words name.)
  const piece = !named && derivativeOnLeft(items) && pieceOfDerivative(items) ? conceptsNamed(words).find((id) => ['relu', 'leaky-relu', 'step-function'].includes(id)) : undefined;
  if (piece) add(piece, 3.3, derivativeOf(piece));
  // (z = [h_{t−1}, x_t] under "LSTM": the state and the input joined, the first step of the model the words name.)
  const recurrent = concatenatedStep(items) && !named ? conceptsNamed(words).find((id) => ['lstm', 'gru', 'rnn', 'bidirectional-rnn'].includes(id)) : undefined;
  if (recurrent) add(recurrent, 3.2, CONCAT_UNDER_MODEL);
}

/** Why a recurrent network or an attention is named when one side of the formula is its call, `h_t = LSTM(x_t, h_{t−1})`, `y = \rnn(x_{1:n})`, `Z = SelfAttn(X)`. */
function namedCall(id: ConceptId): string {
  return `named: ${id}, called on the inputs it reads`;
}

/** One side of the formula is a single call of a name with no sub- or superscript (`RNN(x_{1:n})`, not `RNN_{enc}(x)`) that names `id`. */
/**
 * Why a concept the formula names is claimed: a model called on its inputs (firm for the recurrent networks and the
 * attentions of FIRM), attention giving the letter on the left its value (firm), else the name alone.
 */
function namedWhy(named: ConceptId, items: Row): string {
  if (FIRM.has(namedCall(named)) && calledByName(items, named)) return namedCall(named);
  return named === 'attention' && attentionValue(items) ? ATTENTION_VALUE : `named: ${named}`;
}

/** `c_t = att(u^Q, [u_t; v_{t−1}])`, `r = Attention(q, H)`: one letter defined as what an attention call returns. */
function attentionValue(root: Row): boolean {
  const { parts } = sides(root);
  return parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' && !/^(alpha|a|e|s)$/.test(parts[0][0].name) && calledByName(parts[1], 'attention');
}

function calledByName(root: Row, id: ConceptId): boolean {
  return sides(root).parts.some((p) => {
    // (A shape declared after it, `m_i = BiLSTM(g_i) ∈ ℝ^{2H}`, is left aside.)
    const at = p.findIndex((x) => x.k === 'op' && x.v === '∈');
    // (A slice taken of its output, `SelfAttn(X)[l_c:]`, is left aside too.)
    const r = (at > 0 ? p.slice(0, at) : p).filter((x) => !(x.k === 'op' && [',', '.', ';'].includes(x.v))).filter((x, i, q) => !(i === 1 && q.length === 2 && x.k === 'group' && x.delim === '['));
    const one = r.length === 1 && r[0].k === 'apply' ? r[0] : null;
    return !!one && one.head.k === 'name' && !one.head.sub && !one.head.sup && NAMED_CONCEPTS[nameKey(one) ?? ''] === id;
  });
}

/**
 * A definition with the set its value lives in declared after it (`ŷ = Xw ∈ ℝ^N`, `h = W x + b \in \mathbb{R}^d`):
 * the definition alone. The declaration says where the value lives, not what it is.
 */
function withoutDeclaredSet(items: Row): Row {
  let at = -1;
  for (let i = items.length - 1; i > 0; i--) {
    const x = items[i];
    if (x.k === 'op' && ['=', '≈', '≤', '≥', '←', ':='].includes(x.v)) return items;
    if (x.k === 'op' && x.v === '∈') { at = i; break; }
  }
  // (An index's range, `…, l ∈ {1, 2, …, L}`, says over what the definition runs: it stays.)
  const range = items[at + 1]?.k === 'group' && hasOp((items[at + 1] as Group).body, '…');
  return at > 0 && !range && items.slice(0, at).some((x) => x.k === 'op' && (x.v === '=' || x.v === ':=')) && items.length - at <= 4 ? items.slice(0, at) : items;
}

/**
 * L = −y_i log ŷ_i, loss_t = −y_t log ŷ_t: a loss that is one component of the target times the log of the same
 * component of the prediction, the cross-entropy's term for the true class (no (1 − y) log(1 − ŷ) beside it, which
 * would make it binary; no sum, which it needs none of with a one-hot target). Unindexed, −t log t̂ may be a scalar's.
 */
function detectOneTermCrossEntropy(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2) return;
  const lhs = parts[0].filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  const head = lhs.length === 1 ? lhs[0] : undefined;
  const lossName = (x: Node | undefined): boolean => !!x && ((x.k === 'sym' && /^(L|ell|l|J|E)$/.test(x.name) && !x.sup) || (x.k === 'name' && /^(loss|cost)$/i.test(x.v)) || (x.k === 'apply' && lossName(x.head)));
  if (!lossName(head)) return;
  // (The last side of a chain, L = L(x, y; W) = −log p_c.)
  const terms = termsOf(parts[parts.length - 1].filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v))));
  if (terms.length !== 1 || terms[0].sign !== '-') return;
  const items = unmultiplied(terms[0].items);
  const target = (x: Node | undefined) => !!x && x.k === 'sym' && /^[yt]$/.test(x.name) && !x.mods.some((m) => m === 'hat' || m === 'tilde') && !x.sup;
  const prediction = (r: Row) => r.length === 1 && r[0].k === 'sym' && (r[0].mods.includes('hat') || /^[apoq]$/.test(r[0].name)) && !r[0].sup;
  const log = items[1];
  if (items.length === 2 && target(items[0]) && log?.k === 'apply' && /^(log|ln)$/.test(log.fn) && prediction(rowOf(log.arg)) && !!(items[0] as Sym).sub && subText((items[0] as Sym).sub) === subText((rowOf(log.arg)[0] as Sym).sub)) add('cross-entropy', 3, 'L = −y_i log ŷ_i: the target times the log of its prediction');
  // ℓ(f(x), y) = −log f(x)_y, L = −log p_c: minus the log of the output's entry at the true class.
  const only = items.length === 1 && items[0].k === 'apply' && /^(log|ln)$/.test(items[0].fn) ? rowOf(items[0].arg) : [];
  const entry = only.length === 1 && 'sub' in only[0] && ['sym', 'group', 'apply'].includes(only[0].k) ? only[0] : undefined;
  // (`\log (f(x))_y` parses with the class under the log's own bracket.)
  const classOfLog = items.length === 1 && items[0].k === 'apply' && only.length === 1 && /^[yc]$/.test(subText(items[0].sub).trim());
  const atClass = classOfLog || (!!entry && /^[yc]$/.test(subText((entry as { sub?: Node }).sub).trim()) && (entry.k !== 'sym' || entry.mods.includes('hat') || /^[pqf]$/.test(entry.name)));
  if (atClass) add('negative-log-likelihood', 3, TRUE_CLASS_LOG);
}
/**
 * min Σ_i (y_i − X_iβ)² s.t. Σ_k |β_k| ≤ t: the lasso's (or ridge's) penalty written as a budget the parameters must
 * keep — the same regularisation, constrained instead of added.
 */
function detectPenaltyBudget(written: Row, add: Add): void {
  // (The constraint is often a line of its own in an aligned block.)
  for (const root of cellsJoined(written)) penaltyBudget(root, add);
}
function penaltyBudget(root: Row, add: Add): void {
  const at = root.findIndex((x) => (x.k === 'text' && /^\s*(s\.\s*t\.?|subject\s*to)\s*$/i.test(x.v)) || (x.k === 'name' && /^(st|subjectto)$/i.test(x.v)));
  if (at < 0) return;
  const rest = root.slice(at + 1);
  const le = rest.findIndex((x) => x.k === 'op' && (x.v === '≤' || x.v === '<'));
  const bound = rest.slice(le + 1);
  if (le < 1 || bound.length !== 1 || !(bound[0].k === 'num' || (bound[0].k === 'sym' && /^(t|c|C|s|tau)$/.test(bound[0].name)))) return;
  // (Each term a penalty on the parameters: Σ_k |β_k|, ‖w‖², a weighted mix of the two as the elastic net writes it.)
  const terms = termsOf(rest.slice(0, le)).map((t) => t.items);
  const onParams = (t: Row) => isPenalty(t) || (t.length === 1 && t[0].k === 'sqrt' && isPenalty(rowOf(t[0].body))) || (t.length >= 2 && t[0].k === 'frac' && (isPenalty(t.slice(1)) || (t[1].k === 'sqrt' && isPenalty(rowOf(t[1].body)))));
  if (terms.length && terms.every(onParams)) add('regularization', 3.6, 's.t. Σ_k |β_k| ≤ t: the penalty kept under a budget (the lasso or ridge, constrained)');
}

/**
 * ŷ = σ W^{(3)} · σ W^{(2)} · σ W^{(1)} · X: the network written as a chain of activations before numbered weight
 * matrices, without brackets, ending on the input — layers composed.
 */
function detectPrefixLayers(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2) return;
  const r = unmultiplied(parts[1]).filter((x) => !(x.k === 'op' && ['.', ','].includes(x.v)));
  const activation = (x: Node | undefined) => x?.k === 'sym' && /^(sigma|phi|varphi)$/.test(x.name) && !x.sub && !x.sup;
  const layerWeight = (x: Node | undefined) => x?.k === 'sym' && x.name === 'W' && /^\(?[0-9]\)?$/.test((subText(x.sup) || subText(x.sub)).replace(/\s/g, ''));
  let layers = 0;
  let i = 0;
  while (activation(r[i]) && layerWeight(r[i + 1])) (layers++, (i += 2));
  if (layers >= 2 && i === r.length - 1 && r[i]?.k === 'sym' && /^[xX]$/.test((r[i] as Sym).name)) add('mlp', 3.4, 'ŷ = σ W^{(2)} σ W^{(1)} x: activations of numbered weight matrices, composed');
}

/**
 * M = θ₀ + θ₁x, ŷ = θ̂₁ + x₂θ̂₂, price = θ₁ + θ₂ × area: an intercept and slopes in the parameters' own letters (θ, β,
 * numbered, hatted once fitted), each slope on one input — the line a linear regression fits, whatever its left side
 * is called (a pre-activation z, a, s is a neuron's sum instead).
 */
function detectParameterLine(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  if (parts.length !== 2 || rels[0] !== '=' || parts[0].length !== 1) return;
  const lhs = parts[0][0];
  if (!(lhs.k === 'name' || lhs.k === 'text' || (lhs.k === 'sym' && !/^(z|a|s|u|e|o|h|net|Z|A)$/.test(lhs.name)) || (lhs.k === 'apply' && lhs.head.k === 'sym' && /^[MfFh]$/.test(lhs.head.name)))) return;
  // (Written out to the last input, β₀ + β₁X₁ + … + β_pX_p: the elided terms are dots, the last slope's index a letter.)
  const coefficient = (x: Node | undefined, lettered = false) => x?.k === 'sym' && /^(theta|beta)$/.test(x.name) && (lettered ? /^[0-9]$|^[a-zA-Z]$/ : /^[0-9]$/).test(subText(x.sub)) && !x.sup;
  // (An input may carry its example's index, x_1^{(i)}.)
  const input = (x: Node | undefined) => (x?.k === 'sym' && /^[xX]$/.test(x.name) && (!x.sup || /^\([a-z]\)$/.test(subText(x.sup).replace(/\s/g, '')))) || ((x?.k === 'name' || x?.k === 'text') && /^[A-Za-z_{} ]{3,}$/.test(x.v));
  const terms = termsOf(parts[1].filter((x) => !(x.k === 'op' && ['.', ','].includes(x.v)))).map((t) => unmultiplied(t.items));
  const intercepts = terms.filter((t) => t.length === 1 && coefficient(t[0]));
  const slopes = terms.filter((t) => t.length === 2 && ((coefficient(t[0], true) && input(t[1])) || (input(t[0]) && coefficient(t[1], true))));
  const elided = terms.filter((t) => t.length === 1 && t[0].k === 'op' && ['…', '⋯', '...'].includes(t[0].v));
  const numbered = slopes.some((t) => t.some((x) => coefficient(x)));
  if (intercepts.length === 1 && numbered && intercepts.length + slopes.length + elided.length === terms.length) add('linear-regression', 3.1, "θ₀ + θ₁x: an intercept and a slope in the parameters' letters");
}

/** Why a loss of minus the log of one output entry, indexed by the true class, is the negative log-likelihood. */
const TRUE_CLASS_LOG = 'ℓ = −log f(x)_y: minus the log of the probability the model gives the true class';

/**
 * d(x, y) = Σ_i |x_i − y_i|, d(x, y) = ʰ√(Σ_i |x_i − y_i|^h), lim_h (Σ_i |x_i − y_i|^h)^{1/h}: a distance between two
 * vectors summed from the absolute differences of their entries — the L1 (Manhattan) or Minkowski distance, the norm of
 * their difference. The distance may be a bare letter, d = Σ_i |x_i − y_i|, and Minkowski's differences may be written
 * without bars when the sum is raised to the power's reciprocal, [Σ_i (x_i − y_i)^m]^{1/m}.
 */
function detectDistances(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2 || parts[0].length !== 1) return;
  const d = parts[0][0];
  // (Or named by its norm, L_1(x, y), L_p(x, y), L_∞(x, y).)
  const byNorm = d.k === 'apply' && d.fn === 'L' && d.head.k === 'sym' && /^(1|2|p|infty|∞|inf)$/.test(subText(d.head.sub).replace(/[\\\s]/g, ''));
  const ofPair = d.k === 'apply' && (/^(d|dist|D)$/.test(d.fn) || byNorm) && rowOf(d.arg).filter((x) => x.k === 'op' && x.v === ',').length === 1;
  const bare = d.k === 'sym' && /^(d|D|dist)$/.test(d.name) && !d.sup && !d.mods.length;
  if (!ofPair && !bare) return;
  // (Entries of two vectors at one index: x_i − y_i, I^p_1 − I^p_2.)
  const difference = (g: Node, delim: string) => {
    const r = g.k === 'group' && g.delim === delim ? rowOf(g.body) : [];
    if (r.length !== 3 || r[0].k !== 'sym' || r[2].k !== 'sym' || r[1].k !== 'op' || r[1].v !== '-') return false;
    const [a, b] = [r[0], r[2]];
    return !a.mods.includes('hat') && !b.mods.includes('hat') && (!!a.sub || !!a.sup) && (a.name !== b.name || show(a) !== show(b));
  };
  const entries = (g: Node) => difference(g, '|');
  const rhs = parts.slice(1).flat();
  // (The largest entry, max(|x_1 − y_1|, …), is the Chebyshev distance.)
  if ((bigs(rhs, 'sum').length || (ofPair && applies(rhs, ['max']).length)) && all(rhs).some(entries)) return add('norms', 3.4, MINKOWSKI_DISTANCE);
  // [Σ_i (x_i − y_i)^m]^{1/m}: the whole sum under the power's reciprocal, each difference raised to that power.
  const outer = rhs.length === 1 ? rhs[0] : undefined;
  // (The power's reciprocal as a fraction, ^{\frac1m}, or with a slash, ^{1/m}.)
  const power = outer?.k === 'group' ? rowOf(outer.sup) : [];
  const reciprocal = power.length === 1 && power[0].k === 'frac' && show(power[0].num) === '1' ? show(power[0].den) : power.length === 3 && show(power[0]) === '1' && power[1].k === 'op' && power[1].v === '/' ? show(power[2]) : undefined;
  const powered = (g: Node) => difference(g, '(') && g.k === 'group' && !!g.sup && show(g.sup) === reciprocal;
  if (outer?.k === 'group' && reciprocal && bigs(outer.body, 'sum').length && all(outer.body).some(powered)) add('norms', 3.4, MINKOWSKI_DISTANCE);
}

/**
 * The heads of multi-head attention written with their own letters: one head's attention of its own queries, keys and
 * values, O^{(h)} = Attn(Q^{(h)}, K^{(h)}, V^{(h)}), Z_i = DPA(Q_i, K_i, V_i); the heads' outputs concatenated and
 * mixed, Concat(O^{(1)}, …, O^{(H)}) W_O.
 */
function detectHeads(root: Row, add: Add): void {
  const headOf = (x: Node | undefined): string => {
    if (!x || x.k !== 'sym') return '';
    const idx = (subText(x.sup) || subText(x.sub)).replace(/[\s()]/g, '');
    return /^[ihmj]$/.test(idx) ? idx : '';
  };
  for (const a of applies(root)) {
    const args = rowOf(a.arg).filter((x) => !(x.k === 'op' && x.v === ','));
    const roles = args.map((x) => (x.k === 'sym' && /^[QKV]$/.test(x.name) ? x.name : '')).join('');
    const idx = args.map(headOf);
    if (roles === 'QKV' && idx[0] && idx.every((i) => i === idx[0])) add('multi-head-attention', 3.9, ONE_HEAD);
  }
  if (headsListed(root)) add('multi-head-attention', 3.2, HEADS_LISTED);
  // (Σ_i softmax(Q^i K^{iᵀ}/√d_k) V^i W^{o,i}: each head's attention, by its own Q, K, V, summed over the heads.)
  const headIndex = (x: Sym) => (subText(x.sup) || subText(x.sub)).replace(/[\s()]|T$|top$/g, '');
  const qkv = syms(root).filter((x) => /^[QKV]$/.test(x.name));
  const summedOver = bigs(root, 'sum').map(sumIndexOf).find((i) => !!i);
  if (summedOver && new Set(qkv.map((x) => x.name)).size === 3 && qkv.every((x) => headIndex(x) === summedOver) && applies(root, ['softmax']).length > 0) add('multi-head-attention', 3.8, HEADS_SUMMED);
  // (The heads listed from the first to the last, O^{(1)}, …, O^{(H)}, and mixed by the output weight W_O.)
  const { parts } = sides(root);
  const rhs = parts.slice(1).flat();
  const concat = rhs.findIndex((x) => x.k === 'apply' && x.fn === 'concat');
  if (concat < 0) return;
  const listed = rowOf((rhs[concat] as Apply).arg).filter((x): x is Sym => x.k === 'sym');
  const last = listed.length >= 2 ? (subText(listed[listed.length - 1].sup) || subText(listed[listed.length - 1].sub)).replace(/[\s()]/g, '') : '';
  const mixed = rhs.slice(concat + 1).some((x) => x.k === 'sym' && x.name === 'W' && /^o$/i.test(subText(x.sub) || subText(x.sup)));
  if (mixed && /^[hHM]$/.test(last) && listed.every((x) => x.name === listed[0].name)) add('multi-head-attention', 3.6, HEADS_MIXED);
  // (Concatenated up to h without the mixing, Concat(Z_1, …, Z_h): the heads' outputs side by side.)
  else if (/^[hH]$/.test(last) && listed.every((x) => x.name === listed[0].name)) add('multi-head-attention', 3.2, HEADS_LISTED);
}

/** o_t = [o_t^{(1)}, o_t^{(2)}, …, o_t^{(h)}]: an output defined as its own h heads' outputs side by side. */
function headsListed(root: Row): boolean {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : null;
  const list = parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'group' && parts[1][0].delim === '[' ? rowOf(parts[1][0].body) : [];
  const listed = list.filter((x): x is Sym => x.k === 'sym');
  const head = (x: Sym) => /^\(\s*([1-9]|[hH])\s*\)$/.exec(subText(x.sup))?.[1];
  const heads = listed.map(head);
  return !!lhs && listed.length >= 2 && listed.every((x) => x.name === lhs.name && show(x.sub ?? { k: 'row', items: [] }) === show(lhs.sub ?? { k: 'row', items: [] })) && heads[0] === '1' && /^[hH]$/.test(heads[heads.length - 1] ?? '') && list.some((x) => x.k === 'op' && /^(…|⋯|\.\.\.)$/.test(x.v));
}

/**
 * Π_{w ∈ Text} Π_{c ∈ C(w)} p(c | w; θ), Σ_{(w, c) ∈ D} log p(c | w): the probability of each context word given its
 * word, over the corpus's pairs — skip-gram's objective (as Goldberg and Levy write it); with p written as the softmax
 * of u_c · v_w, or as that dot product less the log of its normaliser, the skip-gram softmax.
 */
function detectContextPairs(root: Row, add: Add): void {
  // (The context of w written C(w), c(w), C_w; the pairs of the corpus (w, c) ∈ D.)
  const overPairs = all(root).some((x) => x.k === 'big' && x.v !== 'int' && /^(c∈[cC](\(w\)|_\{?w\}?)|\(w,c\)∈D)$/.test(show(x.sub ?? { k: 'row', items: [] }).replace(/\s/g, '')));
  if (!overPairs) return;
  const contextGivenWord = applies(root).some((a) => isProb(a) && conditionLetters(a).predicted[0]?.name === 'c' && conditionLetters(a).given[0]?.name === 'w');
  const dot = (r: Row) => all(r).some((x) => x.k === 'sym' && x.name === 'u' && /^c/.test(subText(x.sub))) && all(r).some((x) => x.k === 'sym' && x.name === 'v' && subText(x.sub) === 'w');
  const normalised = fracs(root).some((f) => dot(rowOf(f.num)) && bigs(f.den, 'sum').length > 0) || (dot(root) && applies(root, ['log']).some((l) => bigs(l.arg, 'sum').length > 0));
  if (normalised) add('skipgram-softmax', 3.8, CONTEXT_PAIRS_SOFTMAX);
  else if (contextGivenWord) add('skipgram', 3.7, CONTEXT_PAIRS);
}

/** p(w_t | Context(w_t)) = exp(…)/Σ exp(…): a word given its context, the probability CBOW models. */
function detectContextConditional(root: Row, add: Add): void {
  const ofContext = (a: Apply) => {
    const r = rowOf(a.arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    const after = r.slice(bar + 1);
    // (The word spelled in letters, C o n t e x t(w_t), as notes without \operatorname write it.)
    const call = after[after.length - 1];
    const name = call?.k === 'apply' ? spelled(after.slice(0, -1)) + call.fn.toLowerCase() : '';
    return bar === 1 && r[0].k === 'sym' && r[0].name === 'w' && name === 'context' && show((call as Apply).arg) === show(r[0]);
  };
  // (Defined as a softmax over the vocabulary; a product of them over the corpus, Π_w p(w | Context(w)), is the
  // likelihood the model maximises, whichever model writes it.)
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 ? parts[0][0] : undefined;
  const softmaxed = parts.length === 2 && fracs(parts[1]).some((f) => applies(f.num, ['exp']).length > 0 && bigs(f.den, 'sum').length > 0);
  if (lhs?.k === 'apply' && /^[pP]$/.test(lhs.fn) && ofContext(lhs) && softmaxed) add('cbow', 3.6, WORD_GIVEN_CONTEXT);
  // p(context_j | target word k) = exp(u_j) / Σ_i exp(u_i): the words named in the probability say which model's
  // softmax it is — a context word given the target, skip-gram's; the target given its context words, CBOW's.
  const anySoftmax = parts.slice(1).some((p) => fracs(p).some((f) => applies(f.num, ['exp']).length > 0 && bigs(f.den, 'sum').length > 0));
  // (Written alone, p(target word | context_1, …, context_K) is the model's prediction itself: CBOW's, or skip-gram's.)
  const alone = parts.length === 1 && root.length === 1 && root[0].k === 'apply' && /^[pP]$/.test(root[0].fn) && condBarOf(root[0]) ? [root[0]] : [];
  const named = parts.length >= 2 && anySoftmax ? parts.slice(0, -1).flatMap((p) => applies(p).filter((a) => /^[pP]$/.test(a.fn) && condBarOf(a))) : alone;
  for (const a of named) {
    const r = rowOf(a.arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    const letters = (q: Row) => show({ k: 'row', items: q }).replace(/\\[A-Za-z]+|[^A-Za-z]/g, '').toLowerCase();
    const [predicted, given] = [letters(r.slice(0, bar)), letters(r.slice(bar + 1))];
    const listed = rowOf(a.arg).slice(bar + 1).some((x) => x.k === 'op' && ['…', '⋯', '...'].includes(x.v)) || all(r.slice(bar + 1)).some((x) => x.k === 'name' && /dots$/.test(x.v));
    if (/context/.test(predicted) && /target|cent(er|re)|input/.test(given)) add(alone.length ? 'skipgram' : 'skipgram-softmax', 3.6, alone.length ? CONTEXT_GIVEN_TARGET_ALONE : CONTEXT_GIVEN_TARGET);
    else if (/target|cent(er|re)/.test(predicted) && (/context/.test(given) || listed)) add('cbow', 3.6, TARGET_GIVEN_CONTEXT);
  }
}

/**
 * log P[S | w] = −Σ_i log(1 + e^{−y_i ⟨w, x_i⟩}): the log of the training set's probability given the parameters on the
 * left — the log-likelihood maximum likelihood maximises, whatever loss it is written out as.
 */
function detectDataLikelihood(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2) return;
  // (P[S | w], P(S | w), p(𝒟 | θ): a capital or calligraphic data set before the bar, the parameters after it.)
  const ofData = (r: Row) => {
    const body = r.length === 2 && r[0].k === 'sym' && /^[pP]$/.test(r[0].name) && r[1].k === 'group' ? rowOf(r[1].body) : r.length === 1 && r[0].k === 'apply' && /^[pP]$/.test(r[0].fn) ? rowOf(r[0].arg) : [];
    const bar = body.findIndex((x) => x.k === 'op' && x.v === '|');
    return bar === 1 && body[0].k === 'sym' && /^[SDX]$/.test(body[0].name) && !body[0].sub && syms(body.slice(bar + 1)).some((x) => PARAM_LETTER.test(x.name));
  };
  if (parts[0].length === 1 && parts[0][0].k === 'apply' && /^(log|ln)$/.test(parts[0][0].fn) && ofData(rowOf(parts[0][0].arg))) add('maximum-likelihood', 4.2, 'log P(S | w) = …: the log-likelihood of the training set');
}

/**
 * Π_i P(Y = 1 | x_i)^{y_i} P(Y = 0 | x_i)^{1−y_i}: the probabilities of the two classes given each input, raised to the
 * label and to its complement, multiplied over the examples — the likelihood of the labels, written with no left side.
 */
function detectLabelPowersProduct(root: Row, add: Add): void {
  if (root[0]?.k !== 'big' || root[0].v !== 'prod') return;
  const given = (x: Node): x is Apply => x.k === 'apply' && /^[pP]$/.test(x.fn) && hasOp(x.arg, '|') && !!x.sup;
  const raised = root.slice(1).filter(given);
  const label = (r: Row) => r.length === 1 && r[0].k === 'sym' && /^[yt]$/.test(r[0].name);
  const complement = (r: Row) => r.length === 3 && isNum(r[0], 1) && r[1].k === 'op' && r[1].v === '-' && label(r.slice(2));
  if (raised.length === 2 && raised.some((a) => label(rowOf(a.sup!))) && raised.some((a) => complement(rowOf(a.sup!)))) add('maximum-likelihood', 3.7, LABEL_POWERS_PRODUCT);
}

/** p_{θ_dec}(y_i | Y_{0:i−1}, X̄), f_{θ_dec}(y_{i−1}, c_{i−1}): a distribution or a function the decoder's parameters carry. */
function detectDecoderDistribution(root: Row, add: Add): void {
  const decoderIndex = (h: Node) => (h.k === 'sym' || h.k === 'name') && /(^|[^a-z])dec(oder)?(?![a-z])/i.test(`${show(h.sub)},${show(h.sup)}`.replace(/\\(mathrm|text|textrm|operatorname)|\s+/g, ''));
  // (What it reads is the target so far or the encoding, not only a latent z: a VAE's decoder p_dec(x | z) is no seq2seq.)
  const readsSequence = (a: Apply) => { const letters = syms(a.arg).map((x) => x.name); return letters.some((n) => /^[yYcCsX]$/.test(n)) || all(a.arg).some((x) => x.k === 'name' && /^(BOS|EOS|SOS)/.test(x.v)); };
  if (applies(root).some((a) => /^([pPf]|Pr)$/.test(a.fn) && decoderIndex(a.head) && readsSequence(a))) add('seq2seq', 3.6, DECODER_NAMED);
}

/**
 * f_t = σ(W_f z + b_f), g_t = tanh(W_g z + b_g), z_t = σ(W_z z + b_z): a gate at step t computed through the weights
 * named for it — an LSTM's gates (f, i, o) and candidate (g), a GRU's (z, r).
 */
function detectGateOwnWeights(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : undefined;
  if (!lhs) return;
  // (The Deep Learning book's notation, f_i^{(t)} = σ(b_i^f + Σ_j U^f_{i,j} x_j^{(t)} + Σ_j W^f_{i,j} h_j^{(t−1)}): the unit
  // below, the step above, and each gate's weights tagged above by its letter — an LSTM's f, g, q; a GRU's u, r.)
  const bookStep = !!lhs.sub && indexOf(lhs.sup) === 't';
  // (Cho et al.'s r_j = σ([W_r x]_j + [U_r h_{⟨t−1⟩}]_j): a GRU gate's unit j below, the step only in the state it reads.)
  const unitGate = /^[zr]$/.test(lhs.name) && /^[ijk]$/.test(indexOf(lhs.sub)) && !lhs.sup && syms(parts.slice(1).flat()).some((x) => /^t-1$/.test(indexOf(x.sub).replace(/[⟨⟩<>]/g, '')));
  if (!unitGate && (bookStep ? !/^[fgqur]$/.test(lhs.name) : stepIndex(lhs) !== 't' || !/^[fiogzr]$/.test(lhs.name))) return;
  const gate = lhs.name;
  const own = (x: Sym) => /^[WU]$/.test(x.name) && (bookStep ? indexOf(x.sup) : indexOf(x.sub).replace(/,.*$/, '')) === gate;
  const fn = gate === 'g' && !bookStep ? 'tanh' : 'sigmoid';
  const through = parts.slice(1).some((p) => p[0]?.k === 'apply' && (p[0].fn === fn || (fn === 'sigmoid' && p[0].fn === 'sigma')) && syms(p[0].arg).some(own));
  if (through) add(/^[zr]$/.test(gate) || (bookStep && gate === 'u') ? 'gru' : 'lstm', 3.6, GATE_OWN_WEIGHTS);
}

/**
 * o = φ(w · x): a generic activation of the weights' dot product with the input is one neuron's output (the affine
 * layer's unit); f(x; w) = x · w, a function of the input with the weights after the semicolon giving their dot product,
 * is the linear model.
 */
function detectNeuronDot(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2) return;
  const weight = (x: Node | undefined): x is Sym => x?.k === 'sym' && /^(w|theta)$/.test(x.name) && !x.sub && !x.sup;
  const input = (x: Node | undefined): x is Sym => x?.k === 'sym' && x.name === 'x' && !x.sub && !x.sup;
  const dotOf = (r: Row) => r.length === 3 && r[1].k === 'op' && r[1].v === '·' && ((weight(r[0]) && input(r[2])) || (input(r[0]) && weight(r[2])));
  const [lhs, rhs] = parts;
  // (Or unit k of a layer, y_k(x) = g(w_kᵀx): the weights transposed, indexed as the output is.)
  const out = lhs.length === 1 ? (lhs[0].k === 'apply' && lhs[0].head.k === 'sym' && input(rowOf(lhs[0].arg)[0]) && rowOf(lhs[0].arg).length === 1 ? lhs[0].head : lhs[0]) : undefined;
  const unitDot = (r: Row) => {
    const q = unmultiplied(r);
    return q.length === 2 && q[0].k === 'sym' && q[0].name === 'w' && isTransposeSup(q[0].sup) && indexOf(q[0].sub) === indexOf(out && 'sub' in out ? out.sub : undefined) && input(q[1]);
  };
  const outer = rhs.length === 1 && rhs[0].k === 'apply' ? rhs[0] : undefined;
  if (out?.k === 'sym' && /^[oyah]$/.test(out.name) && outer && /^(phi|varphi|f|g)$/.test(outer.fn) && (dotOf(rowOf(outer.arg)) || unitDot(rowOf(outer.arg)))) add('affine-layer', 2.7, 'o = φ(w · x): a neuron\'s activation of its weighted inputs');
  const call = lhs.length === 1 && lhs[0].k === 'apply' && /^[fhy]$/.test(lhs[0].fn) ? rowOf(lhs[0].arg) : [];
  if (call.length === 3 && call[1].k === 'op' && call[1].v === ';' && input(call[0]) && weight(call[2]) && dotOf(rhs)) add('linear-regression', 2.9, 'f(x; w) = x · w: the linear model of the input with weights w');
}

/** P(θ | D) = P(θ) P(D | θ)/P(D): Bayes' rule with the prior written before the fraction of the likelihood over the evidence. */
function detectPriorFirstBayes(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'apply' && isProb(parts[0][0]) && condBarOf(parts[0][0]) ? parts[0][0] : undefined;
  if (!lhs) return;
  const key = (ys: Sym[]) => ys.map((y) => symbolKeyOf(y)).sort().join(',');
  const want = conditionLetters(lhs);
  const oneProb = (r: Row) => (r.length === 1 && r[0].k === 'apply' && isProb(r[0]) ? r[0] : undefined);
  const bayes = (p: Row) => {
    const f = unmultiplied(p);
    const frac = f.length === 2 ? f.find((x): x is Frac => x.k === 'frac') : undefined;
    const prior = f.length === 2 ? f.find((x): x is Apply => x.k === 'apply' && isProb(x) && !condBarOf(x)) : undefined;
    const [num, den] = frac ? [oneProb(rowOf(frac.num)), oneProb(rowOf(frac.den))] : [undefined, undefined];
    if (!prior || !num || !den || !condBarOf(num) || condBarOf(den)) return false;
    const lik = conditionLetters(num);
    return key(lik.predicted) === key(want.given) && key(lik.given) === key(want.predicted) && key(syms(prior.arg)) === key(want.predicted);
  };
  if (bayes(parts[1])) add('bayes-rule', 3.6, BAYES_THEOREM);
}

/** x H(x): the input times the step of itself — the ReLU written through the Heaviside function. */
function detectStepTimesInput(root: Row, add: Add): void {
  const { parts } = sides(root);
  const rhs = unmultiplied(parts[parts.length - 1] ?? []).filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  const input = rhs[0]?.k === 'sym' && !rhs[0].sub && !rhs[0].sup ? rhs[0] : undefined;
  if (!input) return;
  const [factor, next] = rhs.slice(1);
  const alone = rhs.length === 2;
  if (alone && factor.k === 'apply' && /^(H|heaviside|step|u|theta)$/i.test(factor.fn) && rowOf(factor.arg).length === 1 && show(rowOf(factor.arg)[0]) === show(input)) add('relu', 3.5, STEP_TIMES_INPUT);
  // (Or times the indicator that it is positive: t 1(t ≥ 0), x · 1{x ≥ 0}, x 𝟙[x > 0], x 𝕀(x > 0), and Iverson's
  // bracket, the indicator itself: x[x > 0].)
  if (input.mods.length) return;
  const positive = (r: Row) => r.length === 3 && show(r[0]) === show(input) && r[1].k === 'op' && /^(≥|>)$/.test(r[1].v) && isNum(r[2], 0);
  const indicator = alone ? (factor.k === 'apply' && /^(1|I|𝟙)$/.test(factor.fn) && positive(rowOf(factor.arg))) || (factor.k === 'group' && factor.delim === '[' && positive(rowOf(factor.body))) : rhs.length === 3 && isNum(factor, 1) && next.k === 'group' && positive(rowOf(next.body));
  if (indicator) add('relu', 3.5, STEP_TIMES_INPUT);
}

/** h_tᵀ W_a h̄_s: the decoder state against an encoder state through a matrix, Luong's general attention score. */
function detectBilinearScore(root: Row, add: Add): void {
  const { parts } = sides(root);
  const r = unmultiplied(parts[parts.length - 1] ?? []).filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  const transposedState = (x: Node | undefined) => x?.k === 'sym' && /^[hs]$/.test(x.name) && stepIndex(x) === 't' && isTransposeSup(x.sup);
  const encoderState = (x: Node | undefined) => x?.k === 'sym' && x.name === 'h' && (x.mods.includes('bar') || /^[sij]$/.test(stepIndex(x)));
  if (r.length === 3 && transposedState(r[0]) && r[1].k === 'sym' && r[1].name === 'W' && encoderState(r[2])) add('attention', 3.4, 'score(h_t, h̄_s) = h_tᵀ W_a h̄_s: the general (bilinear) attention score');
}

/** h̃_t = tanh(W [r_t ⊙ h_{t−1}, x_t]): the candidate reads the previous state through the reset gate — a GRU's. */
function detectResetCandidate(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 ? parts[0][0] : undefined;
  // (The row-vector books' r ⊙ s_{i−1}: the state written s, the gate without its step.)
  const candidate = lhs && ((lhs.k === 'sym' && /^[hs]$/.test(lhs.name) && lhs.mods.some((m) => m === 'tilde' || m === 'widetilde')) || (lhs.k === 'group' && /tilde/.test(lhs.delim)));
  const reset = rowsIn(parts[1] ?? []).some((r) => r.some((x, i) => x.k === 'sym' && x.name === 'r' && ['t', ''].includes(stepIndex(x)) && r.slice(i + 1, i + 3).some((y) => y.k === 'sym' && /^[hs]$/.test(y.name) && /-1$/.test(stepIndex(y)))));
  if (candidate && reset && applies(parts[1], ['tanh']).length) add('gru', 3.8, RESET_CANDIDATE);
}

/** P(I | <s>) P(like | I) … P(</s> | peas): a sentence's probability as a product of one-word conditionals, bigrams. */
function detectBigramProduct(root: Row, add: Add): void {
  const ps = applies(root).filter((a) => isProb(a) && condBarOf(a));
  const oneWordGiven = (a: Apply) => { const r = rowOf(a.arg); const bar = r.findIndex((x) => x.k === 'op' && x.v === '|'); return bar > 0 && r.length - bar - 1 >= 1 && !r.slice(bar + 1).some((x) => x.k === 'op' && x.v === ','); };
  const marker = /<\s*\/?\s*s\s*>|\\langle\s*\/?s\s*\\rangle|⟨\/?s⟩/.test(show({ k: 'row', items: root }));
  if (ps.length >= 3 && ps.every(oneWordGiven) && marker && !hasOp(root, '+')) add('ngram-markov', 3.5, BIGRAM_SENTENCE);
}

/** Final Vector = Word Embedding + Positional Encoding, x = emb + PE: the encoding added to the embedding, by their names. */
function detectEncodingAdded(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2 || !hasOp(parts[1], '+')) return;
  const terms = termsOf(parts[1]);
  if (terms.length !== 2) return;
  const text = show({ k: 'row', items: parts[1] }).replace(/\s+/g, '').toLowerCase();
  // (X' = X + PE: the encoding by its abbreviation, added to the input's one letter.)
  const abbreviated = terms.some((t) => /^(PE|\\(text|mathrm|operatorname)\{PE\})(_.*)?$/.test(show({ k: 'row', items: t.items }).replace(/\s+/g, '')));
  const input = terms.some((t) => t.items.length === 1 && t.items[0].k === 'sym' && /^[xXeEh]$/.test(t.items[0].name));
  if (/positionalencoding|\bpe\b/.test(text) && /embedding|emb\b/.test(text)) add('positional-encoding', 3.4, 'x = e + p: the positional encoding added to the embedding');
  else if (abbreviated && input) add('positional-encoding', 3.3, "X' = X + PE: the positional encoding added to the input");
}

/**
 * ℓ(φ, μ₀, μ₁, Σ) = Σ_i [log p(x_i | y_i; μ, Σ) + log p(y_i; φ)], 𝓛(θ) = E_{(x, y)}[log p(y | x; θ)]: the
 * log-probability of the data under parameters the left side lists, summed or in expectation, no minus — the
 * log-likelihood maximum likelihood maximises.
 */
function detectParameterLogLikelihood(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'apply' && /^(ell|l|L)$/.test(parts[0][0].fn) ? parts[0][0] : undefined;
  if (!lhs) return;
  const params = rowOf(lhs.arg).filter((y) => !(y.k === 'op' && y.v === ','));
  if (!params.length || !params.every((y) => y.k === 'sym' && (PARAM_LETTER.test(y.name) || /^(phi|mu|Sigma|sigma|pi|b)$/.test(y.name)))) return;
  const names = new Set(params.map((y) => (y as Sym).name));
  const rhs = parts[1];
  const aggregated = (rhs[0]?.k === 'big' && rhs[0].v === 'sum') || (rhs[0]?.k === 'sym' && rhs[0].name === 'E' && rhs[0].mods.includes('bb'));
  const givenParams = (q: Apply) => { const r = rowOf(q.arg); const at = r.findIndex((x) => x.k === 'op' && x.v === ';'); return at >= 0 && syms(r.slice(at + 1)).some((x) => names.has(x.name)); };
  const logs = applies(rhs, ['log', 'ln']);
  if (aggregated && logs.length && logs.every((l) => applies(l.arg).some((q) => isProb(q) && givenParams(q))) && !hasLineOp(rhs, '-') && !applies(rhs).some((a) => /^(KL|D|q)$/.test(a.fn))) add('maximum-likelihood', 3.4, PARAMETER_LOG_LIKELIHOOD);
}

/** z = [h_{t−1}, x_t] and nothing else: the previous state and the current input joined into one vector. */
function concatenatedStep(root: Row): boolean {
  const { parts } = sides(root);
  const rhs = parts.length === 2 ? parts[1].filter((x) => !(x.k === 'op' && ['.', ','].includes(x.v))) : [];
  const g = rhs.length === 1 && rhs[0].k === 'group' && rhs[0].delim === '[' ? rowOf(rhs[0].body).filter((x) => !(x.k === 'op' && [',', ';'].includes(x.v))) : [];
  return parts[0]?.filter((x) => !(x.k === 'op' && x.v === '&')).length === 1 && g.length === 2 && g.every((x) => x.k === 'sym') && (g[0] as Sym).name === 'h' && /-1$/.test(stepIndex(g[0] as Sym)) && (g[1] as Sym).name === 'x' && stepIndex(g[1] as Sym) === 't';
}

/**
 * g′(z) = g (1 − g), g′(z) = 1 − g²: an activation's derivative through itself, its argument left out on the right —
 * the sigmoid's and tanh's, whatever letter the note gives the function.
 */
function detectBareActivationDerivative(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'apply' && isPrimed(parts[0][0]) && parts[0][0].head.k === 'sym' ? parts[0][0].head.name : '';
  if (!lhs) return;
  const bare = (x: Node | undefined) => x?.k === 'sym' && x.name === lhs && !x.sub && !x.sup && !x.mods.length;
  const f = unmultiplied(parts[1]).filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  const oneMinus = (x: Node | undefined) => x?.k === 'group' && rowOf(x.body).length === 3 && isNum(rowOf(x.body)[0], 1) && hasOp(x.body, '-') && bare(rowOf(x.body)[2]);
  if (f.length === 2 && ((bare(f[0]) && oneMinus(f[1])) || (oneMinus(f[0]) && bare(f[1])))) add('sigmoid', 3.4, derivativeOf('sigmoid'));
  const squared = (x: Node | undefined) => x?.k === 'sym' && x.name === lhs && !x.sub && onlyNum(x.sup, 2);
  if (f.length === 3 && isNum(f[0], 1) && f[1].k === 'op' && f[1].v === '-' && squared(f[2])) add('tanh', 3.4, derivativeOf('tanh'));
}

/** `l ∈ {1, 2, …, L}`, `l = 1, …, L`: the layer's index declared to run over every layer (to a capital letter). */
function everyLayer(root: Row, index: string): boolean {
  const letter = index === 'ell' ? /^(l|ell)$/ : new RegExp(`^${index}$`);
  return root.some((x, i) => {
    if (x.k !== 'sym' || !letter.test(x.name) || x.sub || x.sup) return false;
    const op = root[i + 1];
    const range = op?.k === 'op' && op.v === '∈' && root[i + 2]?.k === 'group' ? rowOf((root[i + 2] as Group).body) : op?.k === 'op' && op.v === '=' ? root.slice(i + 2) : [];
    const last = range[range.length - 1];
    return isNum(range[0], 1) && range.some((y) => y.k === 'op' && ['…', '⋯'].includes(y.v)) && last?.k === 'sym' && /^[A-Z]$/.test(last.name);
  });
}

/** Activations a note may write by name on each hidden unit, y = b + Σ_i c_i sigmoid(b_i + Σ_j w_ij x_j). */
const NAMED_UNIT_ACTIVATIONS = new Set(['sigmoid', 'tanh', 'relu', 'max']);

/**
 * f(x) = Σ_i u_i h(θ_iᵀx + b_i), Σ_i α_i φ(Σ_j w_ij x_j + b_i): output weights on hidden units that each activate an
 * affine map of the input — a one-hidden-layer network.
 */
function detectHiddenUnitsSummed(root: Row, add: Add): void {
  const { parts } = sides(root);
  const whole = unmultiplied(parts[parts.length - 1] ?? []).filter((x) => !(x.k === 'op' && [',', '.'].includes(x.v)));
  // (An output intercept added before or after, β_0 + Σ_k β_k g(w_{k0} + Σ_j w_{kj} x_j), as statistics books write it.)
  const terms = termsOf(whole);
  const intercept = (t: { sign: string; items: Row }) => t.sign === '+' && t.items.length === 1 && t.items[0].k === 'sym' && !t.items[0].sup;
  const rhs = terms.length === 2 && terms.some(intercept) ? (terms.find((t) => !intercept(t)) ?? terms[0]).items : whole;
  const sum = rhs.length === 3 && rhs[0].k === 'big' && rhs[0].v === 'sum' ? rhs[0] : undefined;
  const idx = sum ? sumIndexOf(sum) : undefined;
  const weight = rhs[1];
  const unit = rhs[2];
  const indexed = (x: Node | undefined) => x?.k === 'sym' && indexOf(x.sub) === idx;
  if (idx && indexed(weight) && unit?.k === 'apply' && (unit.head.k !== 'name' || NAMED_UNIT_ACTIVATIONS.has(unit.fn)) && hasOp(unit.arg, '+') && syms(unit.arg).some((x) => /^[xX]$/.test(x.name)) && syms(unit.arg).filter((x) => indexOf(x.sub) === idx || (/^[a-z][a-z0-9]$/.test(indexOf(x.sub)) && indexOf(x.sub)[0] === idx)).length >= 2) add('mlp', 3.9, HIDDEN_UNITS_SUMMED);
}

/** √((a_x − p_x)² + (a_y − p_y)²): two points' Euclidean distance written out coordinate by coordinate. */
function detectDistanceWritten(root: Row, add: Add): void {
  const squaredDifference = (t: { sign: string; items: Row }) => t.sign === '+' && t.items.length === 1 && t.items[0].k === 'group' && subText(t.items[0].sup) === '2' && termsOf(rowOf(t.items[0].body)).length === 2 && termsOf(rowOf(t.items[0].body))[1].sign === '-';
  const written = all(root).some((x) => x.k === 'sqrt' && termsOf(rowOf(x.body)).length >= 2 && termsOf(rowOf(x.body)).every(squaredDifference));
  if (written) add('norms', 3.2, '√((x_1 − y_1)² + (x_2 − y_2)²): the Euclidean distance written out');
}

/** θ*, φ* = arg max_{θ,φ} Σ_i ELBO(θ, φ; x_i): the parameters trained by maximising the bound, named inside. */
function detectBoundMaximised(root: Row, add: Add): void {
  const maximised = all(root).some((x) => (x.k === 'name' && /^(arg ?)?max$/i.test(x.v)) || (x.k === 'apply' && /^(arg ?)?max$/i.test(x.fn)));
  if (maximised && applies(root, ['elbo']).length > 0 && sides(root).parts.length === 2) add('elbo', 3.4, 'arg max_{θ,φ} Σ_i ELBO(θ, φ; x_i): the parameters that maximise the evidence lower bound');
}

/**
 * y ∼ Bernoulli(p) with p = σ(…) (or 1/(1 + e^{−u})), y ∼ Categorical(p) with p a softmax: a label drawn from the
 * distribution a squashed score gives — logistic (softmax) regression as a statistician's model.
 */
function detectLabelDistribution(root: Row, add: Add): void {
  const drawn = (re: RegExp) => [...rowsIn(root), ...cellsJoined(root)].some((r) => r.some((x, i) => x.k === 'op' && /^(~|∼|\\sim)$/.test(x.v) && r[i + 1]?.k === 'apply' && re.test((r[i + 1] as Apply).fn)));
  if (drawn(/^(bernoulli|bern|ber)$/i) && (applies(root, ['sigmoid']).length > 0 || fracs(root).some((f) => onlyNum(f.num, 1) && !!logisticOf(f.den)))) add('logistic-regression', 3.6, LABEL_BERNOULLI);
  else if (drawn(/^(categorical|cat|multinoulli)$/i) && (applies(root, ['softmax']).length > 0 || fracs(root).some((f) => !!softmaxFrac(f) || (applies(f.num, ['exp']).length > 0 && bigs(f.den, 'sum').length > 0)))) add('softmax-regression', 3.6, LABEL_CATEGORICAL);
}

/** J(θ) = −ℓ(θ), loss(y, ŷ) = −l(θ), J(θ) = −log L(θ): a loss defined as the log-likelihood of the parameters with its sign turned. */
function detectNegatedLogLikelihood(root: Row, add: Add): void {
  const { parts } = sides(root);
  const terms = parts.length === 2 ? termsOf(parts[1]) : [];
  if (!lossLhs(root) || terms.length !== 1 || terms[0].sign !== '-' || terms[0].items.length !== 1) return;
  const x = terms[0].items[0];
  const ofParams = (a: Apply) => rowOf(a.arg).length >= 1 && rowOf(a.arg).every((y) => (y.k === 'sym' && PARAM_LETTER.test(y.name)) || (y.k === 'op' && y.v === ','));
  const logLikelihood = x.k === 'apply' && ((/^(l|ell)$/.test(x.fn) && ofParams(x)) || (x.fn === 'log' && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'apply' && (rowOf(x.arg)[0] as Apply).fn === 'L' && ofParams(rowOf(x.arg)[0] as Apply)));
  if (logLikelihood) add('negative-log-likelihood', 3.2, 'J(θ) = −ℓ(θ): the loss as the log-likelihood of the parameters, negated');
}

/** θ* = arg min_θ −Σ_i log p(x_i; θ): the parameters that minimise the negative log-likelihood — the maximum-likelihood estimate. */
function detectNegatedLikelihoodEstimate(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : undefined;
  if (!lhs || !PARAM_LETTER.test(lhs.name) || !(/^\*$|^\\ast$|ast/.test(subText(lhs.sup).trim()) || lhs.mods.includes('hat'))) return;
  const r = parts[1];
  // (Written under its variable, \underset{θ}{\arg\min}, it is a group holding the name.)
  const argmin = (x: Node): boolean => (x.k === 'name' && /^arg ?min$/i.test(x.v)) || (x.k === 'apply' && /^arg ?min$/i.test(x.fn)) || (x.k === 'group' && rowOf(x.body).length === 1 && argmin(rowOf(x.body)[0]));
  const at = r.findIndex(argmin);
  if (at < 0) return;
  const rest = r[at].k === 'apply' ? rowOf((r[at] as Apply).arg) : r.slice(at + 1);
  const negatedSum = rest[0]?.k === 'op' && rest[0].v === '-' && rest[1]?.k === 'big' && rest[1].v === 'sum';
  const logProbability = applies(rest, ['log', 'ln']).some((l) => applies(l.arg).some((q) => isProb(q)));
  if (negatedSum && logProbability && termsOf(rest).length === 1) add('maximum-likelihood', 3.6, 'θ* = arg min_θ −Σ log p(x_i; θ): the maximum-likelihood estimate');
}

/** P(w) = C(w)/N, freq(w)/|C|: a word's probability as its count over the corpus's size, N, M, T or |C|. */
function unigramEstimate(parts: Row[]): boolean {
  const [lhs, rhs] = parts;
  if (parts.length < 2 || lhs.length !== 1 || lhs[0].k !== 'apply' || !/^[pP]$/.test(lhs[0].fn) || rhs.length !== 1 || rhs[0].k !== 'frac') return false;
  const word = rowOf(lhs[0].arg);
  if (word.length !== 1 || !((word[0].k === 'sym' && word[0].name === 'w') || word[0].k === 'text' || word[0].k === 'name')) return false;
  const num = rowOf(rhs[0].num);
  const size = rowOf(rhs[0].den);
  const corpus = size.length === 1 && ((size[0].k === 'sym' && /^[NMT]$/.test(size[0].name)) || (size[0].k === 'group' && size[0].delim === '|'));
  return corpus && num.length === 1 && num[0].k === 'apply' && COUNT_FN.test(num[0].fn) && sameRow(rowOf(num[0].arg), word);
}

/** A probability given something written in words, P(E_i | \text{Cause}): what follows its bar is a text or a name. */
function givenInWords(a: Apply): boolean {
  const given = spelledAround(a)?.given;
  // (Words for the past, P(w_i | history), P(w | context), are the sequence's own words.)
  return !!given && !given.some((w) => /hist|prev|context|past|before|prefix/i.test(w));
}

/** A probability of words written out, P(drinks | teacher): the words predicted and given, or undefined where letters stand. */
function wordsAround(a: Apply): { predicted: string; given: string } | undefined {
  const { predicted, given } = spelledAround(a) ?? {};
  return predicted && given ? { predicted: predicted.join(''), given: given.join('') } : undefined;
}

/** The words on each side of a probability's bar, each side undefined unless it is only texts and names. */
function spelledAround(a: Apply): { predicted?: string[]; given?: string[] } | undefined {
  const r = rowOf(a.arg);
  const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
  const spelled = (part: Row) => (part.length > 0 && part.every((x) => x.k === 'text' || x.k === 'name') ? part.map((x) => (x as { v: string }).v) : undefined);
  return bar > 0 ? { predicted: spelled(r.slice(0, bar)), given: spelled(r.slice(bar + 1)) } : undefined;
}

/**
 * Bengio's neural language model: the context as the previous words' embeddings side by side,
 * x = (C(w_{t−1}), C(w_{t−2}), …, C(w_{t−n+1})), and its output y = b + Wx + U tanh(d + Hx) — the context through a tanh
 * layer plus the same context connected straight to the output — a fixed-window neural language model.
 */
function detectNeuralLanguageModel(root: Row, add: Add): void {
  // (A lookup of a word some steps back: C(w_{t−1}), e(w_{t−k}).)
  const stepsBack = (x: Node) => x.k === 'apply' && /^(C|c|e|E)$/.test(x.fn) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym' && /^[tn]-/.test(subText((rowOf(x.arg)[0] as Sym).sub).replace(/\s/g, ''));
  for (const g of all(root)) {
    if (g.k !== 'group' || !['(', '['].includes(g.delim)) continue;
    const lookups = rowOf(g.body).filter(stepsBack);
    const others = rowOf(g.body).filter((x) => !stepsBack(x) && !(x.k === 'op' && [',', ';', '…', '⋯'].includes(x.v)));
    if (lookups.length >= 2 && !others.length && new Set(lookups.map((x) => show(x))).size === lookups.length) {
      add('fixed-window-lm', 3.4, 'x = (C(w_{t−1}), …, C(w_{t−n+1})): the previous words\' embeddings side by side');
      return;
    }
  }
  const { parts } = sides(root);
  if (parts.length !== 2) return;
  const terms = termsOf(parts[1]);
  const hidden = terms.map((t) => t.items.find((x): x is Apply => x.k === 'apply' && x.fn === 'tanh')).find(Boolean);
  if (!hidden || terms.length !== 3 || !terms.every((t) => t.sign === '+')) return;
  const inner = termsOf(rowOf(hidden.arg));
  const direct = terms.find((t) => t.items.length === 2 && t.items[0].k === 'sym' && /^[A-Z]$/.test(t.items[0].name) && t.items[1].k === 'sym');
  const input = direct ? show(direct.items[1]) : '';
  const bias = terms.some((t) => t.items.length === 1 && t.items[0].k === 'sym' && /^[a-z]$/.test(t.items[0].name));
  const throughLayer = inner.length === 2 && inner.some((t) => t.items.length === 1 && t.items[0].k === 'sym') && inner.some((t) => t.items.length === 2 && show(t.items[1]) === input);
  if (direct && bias && throughLayer) add('fixed-window-lm', 3.9, 'y = b + Wx + U tanh(d + Hx): the window\'s embeddings through a tanh layer and straight to the output (Bengio\'s language model)');
}

/**
 * L(x, (g ∘ f)(x)), d(x, g_θ(f_θ(x))): a loss or distance of the input and the input passed through two maps in turn —
 * encoded and decoded — the autoencoder's reconstruction objective, whatever the loss is called.
 */
function detectInputGivenBack(root: Row, add: Add): void {
  for (const a of applies(root)) {
    const r = rowOf(a.arg);
    const comma = r.findIndex((x) => x.k === 'op' && x.v === ',');
    if (comma !== 1 || r[0].k !== 'sym') continue;
    const input = show(r[0]);
    const rest = r.slice(2);
    const composed = rest.length === 2 && rest[0].k === 'group' && hasOp(rest[0].body, '∘') && rest[1].k === 'group' && show(rest[1].body) === input;
    const outer = rest.length === 1 && rest[0].k === 'apply' ? rest[0] : null;
    const inner = outer && rowOf(outer.arg).length === 1 && rowOf(outer.arg)[0].k === 'apply' ? (rowOf(outer.arg)[0] as Apply) : null;
    const nested = !!inner && all(inner.arg).some((x) => x.k === 'sym' && show(x) === input);
    if (composed || nested) {
      add('autoencoder', 3.6, 'L(x, g(f(x))): the input against itself encoded and decoded — the reconstruction objective');
      return;
    }
  }
}

/**
 * p(y = 1 | c, t) = σ(θ_tᵀ e_c), P(D = 1 | w, c) = σ(u_wᵀ v_c): the probability that a pair of words is a real one — a
 * label of the pair given its two words, the sigmoid of the product of one vector of each word — the skip-gram's
 * negative-sampling classifier, whatever the vectors are called.
 */
function detectRealPair(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2 || parts[0].length !== 1 || parts[0][0].k !== 'apply' || !/^[pP]$/.test(parts[0][0].fn)) return;
  const arg = rowOf(parts[0][0].arg);
  const bar = arg.findIndex((x) => x.k === 'op' && x.v === '|');
  const label = arg.slice(0, bar);
  const given = arg.slice(bar + 1);
  if (bar < 0 || label.length !== 3 || label[0].k !== 'sym' || !(label[1].k === 'op' && label[1].v === '=') || !isNum(label[2], 1)) return;
  if (given.length !== 3 || given[0].k !== 'sym' || given[2].k !== 'sym' || !(given[1].k === 'op' && given[1].v === ',') || given[0].sub || given[2].sub) return;
  const words = new Set([(given[0] as Sym).name, (given[2] as Sym).name]);
  const rhs = parts[1];
  if (rhs.length !== 1 || rhs[0].k !== 'apply' || rhs[0].fn !== 'sigmoid') return;
  const vectors = rowOf(rhs[0].arg).filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '*')));
  const ofWord = (x: Node) => x.k === 'sym' && words.has(indexOf(x.sub));
  if (vectors.length === 2 && vectors.every(ofWord) && indexOf((vectors[0] as Sym).sub) !== indexOf((vectors[1] as Sym).sub) && vectors.some((x) => isTransposeSup((x as Sym).sup))) add('sgns', 3.8, 'p(y = 1 | c, t) = σ(θ_tᵀ e_c): the probability that the pair of words is a real one (negative sampling)');
}

/**
 * D(P ‖ Q), KL(p ‖ q): a divergence between two distributions; defined on the left, D(p‖q) = Σ p log p − Σ p log q, it is
 * what the right side spells out.
 */
function detectDivergence(root: Row, add: Add): void {
  // (H(p, q) = H(p) + D(p ‖ q) defines the cross-entropy through the divergence.)
  // (D_f, D_α, D_JS: another divergence, named by its subscript.)
  const otherDivergence = (a: Apply) => a.fn === 'D' && a.head.k === 'sym' && !!a.head.sub && !/kl/i.test(subText(a.head.sub));
  const divergence = (a: Apply) => /^(D|KL|kl)$/.test(a.fn) && !otherDivergence(a) && doubleBar(a) && applies(a.arg).filter((b) => /^[pPqQ]/.test(b.fn)).length + syms(a.arg).filter((x) => /^[PQpq]$/.test(x.name)).length >= 2;
  const { parts } = sides(root);
  const defined = parts.length >= 2 && parts[0].length === 1 && parts[0][0].k === 'apply' && divergence(parts[0][0] as Apply);
  if (!applies(root, ['H']).length && applies(root).some(divergence)) add('kl-divergence', defined ? 3.6 : 3.2, 'D(P ‖ Q): a divergence between two distributions');
}

/** ŷ = 8 − 1x, ŷ = 3 + 2x: a prediction as a line with its fitted numbers filled in — a linear regression's fit. */
function detectFittedLine(root: Row, add: Add): void {
  const { parts } = sides(root);
  const lhs = parts.length === 2 && parts[0].length === 1 && parts[0][0].k === 'sym' ? parts[0][0] : null;
  if (!lhs || lhs.name !== 'y' || !lhs.mods.includes('hat')) return;
  const terms = termsOf(parts[1]);
  const input = (x: Node | undefined) => x?.k === 'sym' && x.name === 'x' && !x.sup;
  const slope = (t: { items: Row }) => (t.items.length === 2 && t.items[0].k === 'num' && input(t.items[1])) || (t.items.length === 1 && input(t.items[0]));
  if (terms.length === 2 && terms.some((t) => t.items.length === 1 && t.items[0].k === 'num') && terms.some(slope)) add('linear-regression', 3, FITTED_LINE);
}

/** Wx + b, wx + b written alone (no left side): the affine map itself, as notes point at it in a sentence. */
function detectAffineAlone(root: Row, add: Add): void {
  const { parts } = sides(root);
  const alone = parts.length === 1 ? parts[0].filter((x) => !(x.k === 'op' && (x.v === ',' || x.v === '.'))) : [];
  if (alone.length === 4 && alone[0].k === 'sym' && /^(W|w)$/.test(alone[0].name) && !alone[0].sub && alone[1].k === 'sym' && alone[1].name === 'x' && alone[2].k === 'op' && alone[2].v === '+' && alone[3].k === 'sym' && alone[3].name === 'b' && !alone[3].sub) add('affine-layer', 2.6, 'Wx + b: the affine map itself, written alone');
}

/**
 * Δω_{hj} = η g_j b_h, Δθ_j = −η g_j, Δv_{ih} = η e_h x_i: a parameter's change as the learning rate times one product
 * (the error signal and what it reaches the weight through) — the step of a learning rule, written by its increment
 * (Zhou's *Machine Learning* writes backpropagation's updates so).
 */
function detectIncrementByRate(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2 || parts[0].length !== 2) return;
  const [delta, param] = parts[0];
  if (delta.k !== 'sym' || delta.name !== 'Delta' || delta.sub || delta.sup || param.k !== 'sym' || !/^(w|W|omega|theta|v|V|upsilon|nu|gamma|beta|b)$/.test(param.name)) return;
  const rhs = parts[1][0]?.k === 'op' && parts[1][0].v === '-' ? parts[1].slice(1) : parts[1];
  const rate = rhs[0];
  if (rate?.k !== 'sym' || rate.name !== 'eta' || rate.sub || rate.sup) return;
  const factors = rhs.slice(1).filter((x) => !(x.k === 'op' && ['·', '×', '*'].includes(x.v)));
  if (factors.length >= 1 && factors.length <= 4 && factors.every((x) => x.k === 'sym' || x.k === 'group') && !decaysOwnWeight(param.name, rhs)) add('gradient-descent', 3, 'Δw = η g b: a parameter changed by the learning rate times an error signal');
}

/**
 * Δw_i = η x_i (t − y), Δw = (d − y) x: the delta (Widrow–Hoff, LMS) rule — the change of a weight as the target minus
 * the output times the input, a step against the squared error's gradient. (Where the words name the perceptron or
 * Hebb's rule, `perceptronRule` takes the claim back.)
 */
function detectDeltaRule(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2 || parts[0].length !== 2) return;
  const [delta, weight] = parts[0];
  if (delta.k !== 'sym' || delta.name !== 'Delta' || !(isParam(weight) || (weight.k === 'name' && /^w[a-z0-9]*$/i.test(weight.v)))) return;
  const rhs = parts[1];
  const residual = all(rhs).some((g) => {
    if (g.k !== 'group' && g.k !== 'apply') return false;
    const b = rowOf(g.k === 'group' ? g.body : g.arg);
    if (b.length !== 3 || b[0].k !== 'sym' || b[1].k !== 'op' || b[1].v !== '-' || b[2].k !== 'sym') return false;
    const [target, output] = [b[0], b[2]];
    return /^[tdy]$/.test(target.name) && !target.mods.length && /^[yoa]$/.test(output.name) && !output.mods.includes('bar') && (target.name !== output.name || output.mods.includes('hat'));
  });
  const input = all(rhs).some((x) => (x.k === 'sym' && x.name === 'x') || (x.k === 'apply' && x.head.k === 'sym' && x.head.name === 'x') || (x.k === 'name' && /^x[a-z0-9]*$/i.test(x.v)));
  if (residual && input) add('gradient-descent', 3.2, 'Δw = η (t − y) x: the delta rule, a step against the squared error\'s gradient');
}

/**
 * v̂(s, w) = φ(s)ᵀw, y(x, w) = wᵀφ(x): a prediction named as a function of an input and its weights, linear in the
 * weights — the linear model on features (a linear value-function approximator is one). The weights are one argument,
 * the input the others; the right side is the weights times the features of that input, one of them transposed.
 */
function detectLinearInWeights(root: Row, add: Add): void {
  const { parts, rels } = sides(root);
  if (parts.length !== 2 || rels[0] !== '=' || parts[0].length !== 1 || parts[0][0].k !== 'apply') return;
  const lhs = parts[0][0];
  if (lhs.head.k !== 'sym' || !/^[a-zA-Z]$/.test(lhs.head.name) || lhs.head.sub) return;
  // (Letters parted by commas, each one argument.)
  const items = rowOf(lhs.arg);
  if (!items.every((x, i) => (i % 2 === 1) === (x.k === 'op' && x.v === ','))) return;
  const args = items.filter((_, i) => i % 2 === 0);
  const weights = args.filter(isParam);
  const inputs: Node[] = args.filter((a) => !isParam(a));
  if (args.length < 2 || weights.length !== 1 || !inputs.every((a): a is Sym => a.k === 'sym')) return;
  const w = weights[0];
  const rhs = parts[1].filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '*')));
  const isW = (x: Node) => x.k === 'sym' && x.name === w.name && !x.sub;
  const inputNames = new Set((inputs as Sym[]).map((a) => a.name));
  const ofInput = (r: Row) => r.length === 1 && r[0].k === 'sym' && inputNames.has(r[0].name);
  // The features: φ(s), x(S) applied to the input, or φ followed by the input in brackets.
  const feature = rhs.filter((x) => !isW(x));
  const applied = feature.length === 1 && feature[0].k === 'apply' && feature[0].head.k === 'sym' && ofInput(rowOf(feature[0].arg));
  const bracketed = feature.length === 2 && feature[0].k === 'sym' && feature[1].k === 'group' && feature[1].delim === '(' && ofInput(rowOf(feature[1].body));
  const transposed = rhs.some((x) => isTransposeSup('sup' in x ? x.sup : undefined) || (x.k === 'apply' && isTransposeSup(x.head.k === 'sym' ? x.head.sup : undefined)));
  if (rhs.filter(isW).length === 1 && (applied || bracketed) && transposed) add('linear-regression', 3, LINEAR_IN_WEIGHTS);
}

/**
 * x̄ = ȳ ∂y/∂x, h̄₁ = ḡ ∂g/∂h₁ (Grosse's error signals, S̄ = J̄ dJ/dS): the signal of a quantity is the signal of what it
 * feeds times the derivative between them — the chain rule, one step of backpropagation.
 */
function detectErrorSignals(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2 || parts[0].length !== 1) return;
  const lhs = parts[0][0];
  const barred = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && x.mods.includes('bar');
  if (!barred(lhs)) return;
  const plain = (x: Sym) => ({ ...x, mods: x.mods.filter((m) => m !== 'bar') });
  const rhs = parts[1];
  const chained = rhs.some((x, i) => {
    if (!barred(x)) return false;
    const next = rhs[i + 1]?.k === 'op' && ['·', '*', '∘', '⊙'].includes((rhs[i + 1] as { v: string }).v) ? rhs[i + 2] : rhs[i + 1];
    const d = next?.k === 'frac' ? derivative(next) : null;
    return !!d && d.of.length === 1 && d.wrt.length === 1 && sameRow(d.of, [plain(x)]) && sameRow(d.wrt, [plain(lhs)]);
  });
  if (chained) add('chain-rule', 3.3, 'x̄ = ȳ ∂y/∂x: the error signal passed back through one step, the chain rule');
}

/**
 * dZ = dA ∗ g′(Z), as notes after Ng's course write the backward pass: the gradient arriving at a layer's output times
 * the activation's derivative at its pre-activation is the gradient at the pre-activation — the chain rule.
 */
function detectBackThroughActivation(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length !== 2) return;
  const d = (x: Node | undefined) => x?.k === 'sym' && x.name === 'd' && !x.sub && !x.sup && !x.mods.length;
  const [lhs, rhs] = parts;
  if (lhs.length !== 2 || !d(lhs[0]) || lhs[1].k !== 'sym') return;
  const pre = lhs[1].name;
  const factors = rhs.filter((x) => !(x.k === 'op' && ['*', '⊙', '∘', '·'].includes(x.v)));
  if (factors.length !== 3) return;
  const at = factors.findIndex((x) => x.k === 'apply' && primedApply(x) && rowOf(x.arg).length === 1 && rowOf(x.arg)[0].k === 'sym' && (rowOf(x.arg)[0] as Sym).name === pre);
  const grad = at === 2 ? factors.slice(0, 2) : at === 0 ? factors.slice(1) : [];
  if (grad.length === 2 && d(grad[0]) && grad[1].k === 'sym' && grad[1].name !== pre) add('chain-rule', 3.3, 'dZ = dA ∗ g′(Z): the gradient passed back through the activation, the chain rule');
}

/**
 * h′(x) = g′(f(x)) · f′(x), ∇f(x) = g′(h(x)) ⊙ ∇h(x): the outer function's derivative at the inner function, times the
 * inner function's own derivative — the chain rule written with primes.
 */
function detectPrimeChain(root: Row, add: Add): void {
  const { parts } = sides(root);
  if (parts.length < 2) return;
  const rhs = parts[1];
  const base = (fn: string) => fn.replace(/['′]+$/, '');
  const inner = applies(rhs).filter(primedApply).map((a) => rowOf(a.arg)).filter((r) => r.length === 1 && r[0].k === 'apply' && !primedApply(r[0] as Apply)).map((r) => base((r[0] as Apply).fn));
  const derivedToo = (f: string) => applies(rhs).some((a) => primedApply(a) && base(a.fn) === f) || rhs.some((x, i) => x.k === 'sym' && x.name === 'nabla' && rhs[i + 1]?.k === 'apply' && (rhs[i + 1] as Apply).fn === f);
  if (inner.some(derivedToo)) add('chain-rule', 3.3, 'g′(f(x)) · f′(x): the chain rule written with primes');
}

/**
 * p(S) = p(w1) p(w2|w1) p(w3|w2) p(w4|w3): a sentence's probability as conditionals that each keep only the last one or
 * two words (the history cut short, not the chain rule's growing one) — an n-gram model.
 */
function detectMarkovProduct(root: Row, add: Add): void {
  const ps = unmultiplied(sides(root).parts.slice(-1)[0] ?? []).filter((x): x is Apply => x.k === 'apply' && isProb(x));
  const given = (a: Apply) => { const r = rowOf(a.arg); const bar = r.findIndex((x) => x.k === 'op' && x.v === '|'); return bar < 0 ? null : r.slice(bar + 1); };
  const conds = ps.map(given).filter((g): g is Row => !!g);
  const sizes = conds.map((g) => g.filter((x) => x.k === 'sym').length);
  // (w_1^{k}, the words from the first to the k-th as some books write them, is the whole history.)
  const fromFirst = (x: Node) => x.k === 'sym' && subText(x.sub) === '1' && !!x.sup && !/^\(/.test(subText(x.sup));
  const ranges = conds.some((g) => g.some((x) => (x.k === 'op' && [':', '<', '…', '\\ldots', ','].includes(x.v)) || fromFirst(x)) || all(g).some((x) => x.k === 'op' && x.v === ':'));
  const window = sizes.length >= 2 ? Math.max(...sizes.slice(-2)) : 0;
  // (Words written out, P(teacher | The) P(drinks | teacher): each given the word or two predicted just before it.)
  const spelled = ps.filter((a) => condBarOf(a)).map(wordsAround);
  const wordWindow = spelled.length >= 2 && spelled.every((w, i) => !!w && (i === 0 || w.given === spelled[i - 1]!.predicted || (i > 1 && w.given === spelled[i - 2]!.predicted + spelled[i - 1]!.predicted)));
  const truncated = (conds.length >= 3 && !ranges && window >= 1 && window <= 2 && sizes.slice(window).every((n) => n === window) && ps.length >= 4) || (wordWindow && ps.length >= 3);
  // (Random variables in capitals, P(X_2 | X_1) P(X_3 | X_2): a Markov chain of a graphical model, not words.)
  const capitals = conds.length > 0 && conds.every((g) => g.some((x) => x.k === 'sym') && g.filter((x) => x.k === 'sym').every((x) => /^[A-Z]$/.test((x as Sym).name)));
  // (The history cut short outweighs the chain rule's shape, which the same product also has.)
  if (truncated && !capitals && !hasOp(root, '+')) add('ngram-markov', 4.3, 'p(w_1) p(w_2 | w_1) p(w_3 | w_2) …: each word given only the one or two before it');
}

/**
 * −E_{x∼P}[log Q(x)]: the expected log-probability under one distribution of what another assigns — the cross-entropy
 * (with the same letter twice, the entropy, no catalog concept). E_{q(z|x)}[log p(x, z) − log q(z|x)]: the evidence
 * lower bound.
 */
function detectExpectedLogs(root: Row, add: Add): void {
  const expectations = rowsIn(root).flatMap((r) => r.flatMap((x, i): Array<{ over: Node | undefined; body: Row }> => {
    if (x.k === 'apply' && x.fn === 'E') return [{ over: (x.head as Sym).sub, body: rowOf(x.arg) }];
    const next = r[i + 1];
    return x.k === 'sym' && x.name === 'E' && next?.k === 'group' ? [{ over: x.sub, body: rowOf(next.body) }] : [];
  }));
  for (const { over, body } of expectations) {
    // (The distribution sampled from: the letter after ∼ in `x ∼ P`, or the one written as a function, `q(z | x)`.)
    const overRow = rowOf(over);
    const tilde = overRow.findIndex((y) => y.k === 'op' && ['~', '∼'].includes(y.v));
    const after = tilde >= 0 ? overRow[tilde + 1] : undefined;
    const samplerName = after?.k === 'sym' && /^[PpQq]$/.test(after.name) ? after.name : applies(overRow).find((a) => /^[pq]$/i.test(a.fn))?.fn ?? '';
    const logs = applies(body, ['log', 'ln']);
    const logged = logs.map((l) => applies(l.arg).find((a) => /^[pPqQ]$/.test(a.fn))?.fn ?? '');
    const negated = root[0]?.k === 'op' && root[0].v === '-' && root[1]?.k === 'apply' && root[1].fn === 'E';
    if (samplerName && logs.length === 1 && logged[0] && logged[0] !== samplerName && negated) add('cross-entropy', 3.5, '−E_{x∼P}[log Q(x)]: the cross-entropy of Q under P');
    const terms = termsOf(body);
    const logOf = (t: { items: Row }, fn: string) => applies(t.items, ['log', 'ln']).some((l) => applies(l.arg).some((a) => a.fn === fn && (fn !== 'q' || condBarOf(a))));
    if (samplerName === 'q' && terms.length === 2 && terms.some((t) => t.sign === '-' && logOf(t, 'q')) && terms.some((t) => t.sign !== '-' && logOf(t, 'p'))) add('elbo', 3.8, ELBO_EXPECTATION);
  }
}

/** 2σ(2x) − 1: tanh written through the sigmoid. */
function detectTanhThroughSigmoid(root: Row, add: Add): void {
  const r = unmultiplied(sides(root).parts.slice(-1)[0] ?? []);
  const sig = r[1]?.k === 'apply' && ['sigmoid', 'sigma'].includes(r[1].fn) ? r[1] : undefined;
  const arg = sig ? unmultiplied(rowOf(sig.arg)) : [];
  if (r.length === 4 && isNum(r[0], 2) && sig && arg.length === 2 && isNum(arg[0], 2) && arg[1].k === 'sym' && r[2].k === 'op' && r[2].v === '-' && isNum(r[3], 1)) add('tanh', 3.5, TANH_THROUGH_SIGMOID);
}

/** y = I{wᵀx + b > 0}, 1[w·x ≥ 0]: a linear score's sign as 0 or 1 — the perceptron's step. */
function detectIndicatorOfScore(root: Row, add: Add): void {
  const items = all(root);
  const hit = items.some((x, i) => x.k === 'sym' && (x.name === 'I' || (x.name === '1' && x.mods.includes('bb'))) && items[i + 1]?.k === 'group' && ['{', '[', '('].includes((items[i + 1] as Group).delim) && (() => {
    const b = rowOf((items[i + 1] as Group).body);
    const at = b.findIndex((y) => y.k === 'op' && ['>', '≥'].includes(y.v));
    return at > 0 && isNum(b[at + 1], 0) && b.length === at + 2 && syms(b.slice(0, at)).some((y) => /^(w|theta|beta)$/.test(y.name)) && syms(b.slice(0, at)).some((y) => /^[xX]$/.test(y.name));
  })());
  if (hit) add('step-function', 3.6, INDICATOR_OF_SCORE);
}

/** e_{ij} = {q_iᵀk_j if j ≤ i; −∞ if j > i}: later positions' scores set to −∞, the causal mask. */
function detectCausalCases(root: Row, add: Add): void {
  const envs = all(root).filter((x): x is Extract<Node, { k: 'env' }> => x.k === 'env');
  const masked = envs.some((env) => {
    const rows = env.rows.map((cells) => cells.flatMap((c) => rowOf(c)));
    const minusInfinity = rows.some((r) => r.some((x) => x.k === 'sym' && x.name === 'infty') && r.some((x) => x.k === 'op' && ['>', '<'].includes(x.v)));
    const scored = rows.some((r) => r.some((x) => x.k === 'sym' && /^[qQ]$/.test(x.name)) && r.some((x) => x.k === 'sym' && /^[kK]$/.test(x.name)));
    return minusInfinity && scored;
  });
  if (masked) add('masked-self-attention', 3.8, CAUSAL_CASES);
}

/** g′(z) = 0.01 if g(z) < 0: a derivative given as one number on one side of 0, a piece of a piecewise-linear activation's. */
function pieceOfDerivative(root: Row): boolean {
  // (The comparison splits the line like a relation: read the right of the equals sign as it is written.)
  const eq = root.findIndex((x) => x.k === 'op' && x.v === '=');
  if (eq < 0) return false;
  const r = root.slice(eq + 1);
  const spelledIf = r[1]?.k === 'sym' && r[1].name === 'i' && r[2]?.k === 'sym' && r[2].name === 'f';
  const cut = r.findIndex((x) => x.k === 'op' && ['<', '>', '≤', '≥'].includes(x.v));
  return r[0]?.k === 'num' && (spelledIf || (r[1]?.k === 'name' && /^if$/i.test(r[1].v))) && cut > 0 && isNum(r[cut + 1], 0) && r.length === cut + 2;
}

const DETECTORS = [detectParameterLine, detectPrefixLayers, detectPenaltyBudget, detect, detectShapes, detectForms, detectMoreForms, detectDerivations, detectModelParts, detectActivationDerivatives, detectConditionalsAndScores, detectGateInputs, detectWordsAndWeights, detectRegressions, detectSignatures, detectWord2vecForms, detectLogSumExpLoss, detectOneTermCrossEntropy, detectDistances, detectHeads, detectContextPairs, detectContextConditional, detectDataLikelihood, detectLabelPowersProduct, detectLogitLikelihood, detectDistributionCrossEntropy, detectLogisticOdds, detectSoftmaxClassProbability, detectGateAndAlignment, detectDecoderDistribution, detectGateOwnWeights, detectNeuronDot, detectPriorFirstBayes, detectStepTimesInput, detectBilinearScore, detectResetCandidate, detectBigramProduct, detectEncodingAdded, detectParameterLogLikelihood, detectBareActivationDerivative, detectHiddenUnitsSummed, detectNegatedLikelihoodEstimate, detectNegatedLogLikelihood, detectLabelDistribution, detectBoundMaximised, detectDistanceWritten, detectMarkovProduct, detectExpectedLogs, detectTanhThroughSigmoid, detectIndicatorOfScore, detectCausalCases, detectPrimeChain, detectBackThroughActivation, detectErrorSignals, detectLinearInWeights, detectDeltaRule, detectIncrementByRate, detectAffineAlone, detectFittedLine, detectRealPair, detectInputGivenBack, detectNeuralLanguageModel];

/** q^i = W^q a^i, or the input first as a row vector, q^i = a^i * W^q: one input projected into its role's letter. */
/** X W^q = Q: a projection written the other way round, the role's letter alone on the right. */
function projectedLeftOfRole(parts: Row[]): boolean {
  const role = parts.length === 2 && parts[1].length === 1 && parts[1][0].k === 'sym' && /^[QKV]$/.test(parts[1][0].name) && !parts[1][0].sub && !parts[1][0].sup ? parts[1][0] : null;
  return !!role && oneInputProjected(role, parts[0]);
}

function oneInputProjected(lhsSym: Sym, rhs: Row): boolean {
  // (Or the matrix named by the role's capital, q_i = Q x_i, k_i = K x_i — not v_i = V x_i, word2vec's lookup of a
  // word's vector as often as a value.)
  const roleW = (x: Node | undefined) => x?.k === 'sym' && ((x.name === 'W' && [subText(x.sup), subText(x.sub)].some((t) => t.trim().toLowerCase() === lhsSym.name.toLowerCase())) || (/^[qk]$/.test(lhsSym.name) && /^[a-z]?$/.test(stepIndex(lhsSym)) && x.name === lhsSym.name.toUpperCase() && !x.sub && !x.sup));
  // (Hung-yi Lee's slides call the matrix of inputs I: Q = W^q I.)
  const inputLetter = (x: Node | undefined) => x?.k === 'sym' && (/^[xXhHeEaA]$/.test(x.name) || (x.name === 'I' && /^[QKV]$/.test(lhsSym.name)));
  const factors = unmultiplied(rhs);
  return /^[qkv]$/i.test(lhsSym.name) && factors.length === 2 && ((roleW(factors[0]) && inputLetter(factors[1])) || (inputLetter(factors[0]) && roleW(factors[1])));
}

/** σ(z) compared with 0.5: a probability thresholded. */
const sigmoidThresholded = (root: Row) => applies(root, ['sigmoid', 'sigma']).length > 0 && all(root).some((x) => x.k === 'num' && x.v === 0.5);

/** y_j = … w_{ji} …: a weight of two indices, one of them the single-letter index of the letter on the left (unit j). */
function carriesUnitIndex(lhsHead: Node | undefined, w: Sym): boolean {
  const unit = lhsHead?.k === 'sym' ? subText(lhsHead.sub).trim() : '';
  const idx = syms(w.sub);
  return /^[a-z]$/.test(unit) && idx.length >= 2 && idx.some((y) => y.name === unit);
}

/** The first letter of a row and its step (`h_{t-1}` → h, `t-1`; `s(t)` → s, `t`). */
function firstLetterStep(r: Node | Row): { name: string; idx: string } | null {
  const x = (Array.isArray(r) ? r : rowOf(r)).find((y): y is Sym => y.k === 'sym');
  return x ? { name: x.name, idx: (subText(x.sub) || subText(x.sup)).replace(/[\s()]/g, '') } : null;
}

const STATE_STEP_JACOBIAN = '∂h_t/∂h_{t−1} = tanh′(W_hh h_{t−1} + …) W_hh: one step of the gradient back through time';

/**
 * ∂h_t/∂h_{t−1} = tanh′(W_hh h_{t−1} + W_xh x_t) W_hh, = W_hhᵀ diag(1 − h_t²): the state differentiated by itself one step
 * earlier, written out as the recurrent weight and an activation's derivative — the factor backpropagation through time
 * multiplies at each step.
 */
function stateStepJacobian(parts: Row[]): boolean {
  if (parts.length !== 2 || parts[0].length !== 1 || parts[0][0].k !== 'frac') return false;
  const d = derivative(parts[0][0]);
  const a = d ? firstLetterStep(d.of) : null;
  const b = d ? firstLetterStep(d.wrt) : null;
  if (!a || !b || !/^[hsHS]$/.test(a.name) || a.name !== b.name || !/^[tk]$/.test(a.idx) || b.idx !== `${a.idx}-1`) return false;
  const recurrentWeight = syms(parts[1]).some((x) => /^[WU]$/.test(x.name) && (/^(hh|ss|h,h|s,s)$/.test(subText(x.sub).replace(/\s/g, '')) || x.name === 'U'));
  const slope = all(parts[1]).some((x) => (x.k === 'apply' && ((x.head.k === 'sym' && x.head.mods.includes('prime')) || /'$/.test(x.fn) || !!x.sup && /'|prime/.test(subText(x.sup)))) || (x.k === 'name' && /^diag$/.test(x.v)) || (x.k === 'apply' && x.fn === 'diag'));
  return recurrentWeight && slope;
}

/** `k x`, `x α`, `k * x` beside a lone `x`: the same letter times a slope (a letter or a number between 0 and 1). */
function scaledCopy(scaled: Row, lone: Row): boolean {
  const x = lone.length === 1 && lone[0].k === 'sym' ? lone[0] : undefined;
  const r = scaled.filter((y) => !(y.k === 'op' && ['×', '·', '*'].includes(y.v)));
  if (!x || r.length !== 2) return false;
  const same = (y: Node) => y.k === 'sym' && y.name === x.name && subText(y.sub) === subText(x.sub) && !y.sup && !x.sup;
  const slope = (y: Node) => (y.k === 'sym' && y.name !== x.name && !y.sup) || (y.k === 'num' && y.v > 0 && y.v < 1);
  return (same(r[0]) && slope(r[1])) || (same(r[1]) && slope(r[0]));
}

/** x/a, x/a_i: the input over a slope letter (the leaky ReLU's negative side written as a division). */
function overSlope(r: Row): boolean {
  const f = r.length === 1 && r[0].k === 'frac' ? r[0] : undefined;
  return !!f && rowOf(f.num).length === 1 && rowOf(f.num)[0].k === 'sym' && /^[xz]$/.test((rowOf(f.num)[0] as Sym).name) && rowOf(f.den).length === 1 && rowOf(f.den)[0].k === 'sym' && /^(a|alpha)$/.test((rowOf(f.den)[0] as Sym).name);
}

/** Candidates by concept and the `add` that keeps each concept's best score and its reason. */
function scoreBoard(): { cands: Map<ConceptId, { score: number; why: string }>; add: Add } {
  const cands = new Map<ConceptId, { score: number; why: string }>();
  const add: Add = (id, score, why) => {
    const prev = cands.get(id);
    if (!prev || prev.score < score) cands.set(id, { score, why });
  };
  return { cands, add };
}

/**
 * Every detector on every row, into `to`. (A detector failing on odd input is skipped and counted, for tests to see;
 * the hover and the others go on.)
 */
function runDetectors(rows: Row[], to: Add): void {
  for (const detector of DETECTORS) {
    try {
      for (const items of rows) detector(timeArgsAsIndices(operatorsApplied(withoutDeclaredSet(items))), to);
    } catch (e) {
      detectorErrors.count++;
      detectorErrors.last = `${detector.name}: ${(e as Error)?.message ?? String(e)}`;
    }
  }
}

/**
 * The concept the links `lhs = form_k` of a chain of three or more equal sides agree on, read one link at a time (a
 * link no detector reads counts neither way): null when two links read with a score of 2.5 disagree, or fewer than two
 * links read it.
 */
function chainAgreement(items: Row): { id: ConceptId; score: number; why: string } | null {
  const { parts, rels } = sides(items);
  if (parts.length < 3 || parts.length > 8 || !rels.every((r) => r === '=' || r === '≈' || r === ':=') || !parts[0].length) return null;
  // (Several definitions on one line, `ŷ = log(z), z = w₀ + Σ w_j x_j`, and values worked out to a number are no chain
  // of forms of one thing.)
  if (parts.some((p) => p.some((x) => x.k === 'op' && (x.v === ',' || x.v === ';'))) || parts.some((p) => p.length && p.every((x) => x.k === 'num' || x.k === 'op'))) return null;
  const tops: Array<{ id: ConceptId; score: number; why: string }> = [];
  // (A function of its arguments standing alone in the chain, `ŷ = f_{w,b}(x) = wx + b`, names the forms after it too.)
  const links = parts.slice(1).map((form) => [parts[0], form]);
  parts.forEach((p, i) => {
    if (i > 0 && callAlone(p)) for (const form of parts.slice(i + 1)) links.push([p, form]);
  });
  for (const [lhs, form] of links) {
    if (!form.length) continue;
    const { cands: link, add } = scoreBoard();
    runDetectors([[...lhs, { k: 'op', v: '=' } as Node, ...form]], add);
    const ranked = [...link.entries()].sort((a, b) => b[1].score - a[1].score);
    if (!ranked.length) continue;
    // (Two concepts alike on one link: that link does not say which.)
    if (ranked[0][1].score >= 2.5 && ranked[1] && ranked[0][1].score - ranked[1][1].score < 0.15 && !related(ranked[0][0], ranked[1][0])) return null;
    tops.push({ id: ranked[0][0], ...ranked[0][1] });
  }
  const strong = tops.filter((t) => t.score >= 2.5);
  if (!strong.length || strong.some((t) => t.id !== strong[0].id)) return null;
  // (One link read alone is a guess about one form; two forms read alike, one of them weakly, are the chain's.)
  if (tops.filter((t) => t.id === strong[0].id).length < 2) return null;
  return strong.reduce((a, b) => (b.score < a.score ? b : a));
}

/** The candidates read again against what the whole formula shows (each step drops or demotes readings it rules out). */
function readAgainstStructure(sorted: Array<{ id: ConceptId; score: number; why: string }>, items: Row, words: string, src: string, first: Row): void {
  penalisedLoss(sorted, words);
  withoutUnsupported(sorted, items, words);
  // A softmax or σ under a log is the probability a loss scores, not what the formula is.
  logFragments(sorted, items);
  unsignedLosses(sorted, items, src);
  averagedSquares(sorted, items);
  momentumAverage(sorted, words);
  valuesWeighted(sorted, items, words);
  pairwiseInteractions(sorted, items);
  matchingFeatures(sorted, items);
  // (A block's first line says what its derivation works on.)
  lagrangian(sorted, first);
}

/**
 * The first line of a block at the top level (or the formula itself), and whether a name on it names the formula: yes
 * for one formula and for a derivation whose later lines only continue the first (`ELBO(q) ≡ … \\ &= … \\ &= …`); no
 * for a block of several definitions, where a name on one line names that line (the lines vote) and not the block.
 */
function blockHead(src: string, items: Row, depth: number): { first: Row; namesAll: boolean } {
  const lines = depth === 0 ? blockLines(src) : [];
  if (lines.length < 2) return { first: items, namesAll: true };
  const continued = lines.slice(1).every((l) => /^(=|\\equiv|\\approx|\\le(q)?(?![a-z])|\\ge(q)?(?![a-z])|\\propto)/.test(l));
  return { first: oneLine(parseTex(lines[0]).items), namesAll: continued };
}

/** One letter applied to its arguments and nothing else (`f_{w,b}(x)`, `h_θ(x)`). */
function callAlone(p: Node[]): boolean {
  return p.length === 1 && p[0].k === 'apply' && p[0].head.k === 'sym';
}

/** A parameter's step, and the models and activations whose output a step is written with. */
const STEPS = new Set<ConceptId>(['gradient-descent', 'minibatch-sgd']);
const MODEL_INSIDE_STEP = new Set<ConceptId>(['logistic-regression', 'linear-regression', 'softmax-regression', 'sigmoid', 'softmax', 'affine-layer']);
/**
 * A parameter's step with the model's output inside it, w ← w + λ(y − σ(wᵀx))x: the step is what the formula does, the
 * model only a part of it — no rival of the step.
 */
const insideStep = (best: { id: ConceptId; why: string }, c: { id: ConceptId }): boolean => STEPS.has(best.id) && !best.why.startsWith('related') && MODEL_INSIDE_STEP.has(c.id);

export function recognise(latex: string, ctx: RecogniseContext = {}, depth = 0): Recognition {
  const written = normaliseTex(latex);
  const src = sideBySide(written);
  const parsed = parseTex(src);
  const tree = { ...parsed, items: oneLine(parsed.items) };
  const trees = src === written ? [tree.items] : [tree.items, oneLine(parseTex(written).items)];
  const { cands, add } = scoreBoard();
  runDetectors(trees.map(looseBrackets), add);
  // A chain of equalities that no detector reads whole (`h_θ(x) = θᵀx = Σ_i θ_i x_i = θ₀ + θ₁x₁ + …`) states its left
  // side equal to each form in turn: when the forms read one by one agree on a concept, the chain is that concept.
  if (![...cands.values()].some((c) => c.score >= 2.5)) {
    const agreed = chainAgreement(tree.items);
    if (agreed) add(agreed.id, agreed.score, agreed.why);
  }
  if (depth === 0) blockVote(src, add, src !== written);
  const optimiser = otherOptimiser(trees, src, depth, cands);
  const ruledOut = [...(optimiser ? NOT_GRADIENT_DESCENT : []), ...smoothedNgram(trees, cands), ...oneMomentBlock(src, depth, cands), ...notTheSigmoid(trees, cands), ...convolved(trees, cands), ...rootOfMeanSquares(trees, cands), ...conditionalEntropy(trees, cands)];
  // One function applied to letters, written in a sentence (`\text{softmax}(z)_i`, `σ(x)`): a mention, not a definition.
  const mentions = mentionOf(tree.items);
  // (So is a line that only declares shapes or settings, `W^Q, W^K ∈ ℝ^{d×d_k}`, `η = 0.1`: it defines no formula.)
  if (mentions || trees.some(onlyDeclares)) cands.clear();
  // The note defines a function by a name the catalog does not know (PPMI(w, c) = …, BLEU = …): something else.
  if (foreignName(tree.items)) for (const c of cands.values()) if (!c.why.startsWith('named')) c.score -= 1.2;
  // A model or function named by its name: the strongest evidence there is.
  // In a block of several definitions a name on one line names that line (the lines vote above), not the block.
  const words = `${ctx.heading ?? ''} \n ${ctx.before ?? ''}`;
  const near = nearWords(ctx.before ?? '').near;
  // (A function only mentioned names nothing.)
  const head = blockHead(src, tree.items, depth);
  const named = mentions ? null : qkvAttention(attentionSoftmax(head.namesAll ? primaryName(head.first) : null, words, tree.items), tree.items);
  // A softmax of attention scores (the structure shows the scoring: q·k, v^T tanh(W[s; h]), a cosine of key and
  // memory) is the attention step the softmax is a part of.
  const scored = named === 'softmax' ? softmaxAsPart(cands) : undefined;
  if (scored) add(scored.id, Math.max(3.6, ...[...cands.values()].map((c) => c.score + 0.4)), scored.why);
  else if (named) {
    const structural = [...cands.entries()].filter(([id, c]) => c.score >= 2.5 && related(id, named) && id !== named).sort((a, b) => b[1].score - a[1].score)[0];
    if (structural && specialisesName(named, structural[0], structural[1].why)) structural[1].score += 0.4;
    else add(named, Math.max(3.6, ...[...cands.values()].map((c) => c.score + 0.4)), namedWhy(named, tree.items));
  }
  // Relatives at a lower score, so context can choose among them.
  for (const [id, c] of [...cands]) {
    for (const r of RELATIVES[id] ?? []) {
      // Capped: the words around a formula may choose among relatives of a weak guess, never overturn a clear one.
      if (!cands.has(r)) cands.set(r, { score: Math.min(c.score - 0.8, 2.1), why: `related to ${id}` });
    }
  }
  weighWords(cands, words);
  // A model's or a loss's name keeps its lead over concepts the words favour (`h_t = EncoderRNN(…)` in a sentence
  // about "the RNN"); an activation's name may still be the last step of a bigger model.
  const ownName = named && !LESS_SPECIFIC.has(named) ? cands.get(named) : undefined;
  if (ownName && ownName.why.startsWith('named')) ownName.score = Math.max(ownName.score, ...[...cands.entries()].filter(([id]) => id !== named).map(([, c]) => c.score + 0.4));
  // The words name a concept of the same family as the structure's best guess: the note says which one it is.
  const top = [...cands.entries()].sort((a, b) => b[1].score - a[1].score)[0];
  // (A name that says only "attention", `Attention(X) = softmax(XXᵀ)X` under "Self-attention", lets the words say which.)
  // (The distillation loss named by its subscript, L_{kd}, keeps its name whatever loss the words name.)
  // (So does softmax(QKᵀ/√d)V written whole, under words about self-attention, and a GRU's state mixed by its one gate
  // under words comparing it with the LSTM.)
  if (top && top[1].score >= 2.5 && !ELEMENTWISE.has(top[0]) && (!named || named === 'attention') && top[1].why !== DISTILLATION_NAMED && top[1].why !== SDPA_WRITTEN && top[1].why !== GRU_MIX) {
    for (const id of Object.keys(NAMED_IN_PROSE) as ConceptId[]) {
      if (wordsDoNotChoose(id, top, tree.items, words, src)) continue;
      if (id !== top[0] && related(id, top[0]) && !ancestors(top[0]).includes(id) && namedFor(id, words) && !namedFor(top[0], words) && ((SHAPE_ONLY.has(top[0]) && !(wordsFor(top[0], near) && !namedFor(id, near))) || !ancestors(id).includes(top[0]))) add(id, top[1].score + 0.1, `the note names it (${id})`);
    }
  }
  wordsNameTheStep(tree.items, named, top, cands, words, add);
  specificStructureWins(cands, words, tree.items);
  const sorted = [...cands.entries()].map(([id, c]) => ({ id, score: c.score, why: c.why })).sort((a, b) => b.score - a.score || Number(a.why.startsWith('related')) - Number(b.why.startsWith('related')) || Number(LESS_SPECIFIC.has(a.id)) - Number(LESS_SPECIFIC.has(b.id)));
  readAgainstStructure(sorted, tree.items, words, src, head.first);
  // The left side is a loss (L, J, ℓ, loss, cost): a layer, an activation or a network is not what it defines.
  // (J = diag(p) − p pᵀ: there J is the Jacobian.)
  if (lossLhs(tree.items)) dropUnnamed(sorted, (c) => NOT_A_LOSS.has(c.id) && c.why !== SOFTMAX_JACOBIAN_MATRIX);
  reassignUnits(sorted, tree.items, words, near);
  namedByTheirLetters(sorted, tree.items, words);
  let best = sorted[0];
  // Calibration: two unrelated concepts scoring alike is a guess; say unsure instead.
  const rival = best && sorted.find((c) => !related(c.id, best.id) && !insideStep(best, c));
  let conflict = !!rival && rival.score >= 2.5 && best.score - rival.score < 0.15;
  let vetoed = false;
  // Close contenders: when several concepts score within MARGIN of the best, the evidence does not tell them apart.
  // If one of them is the general concept the others specialise, that one is what the evidence shows; else unsure.
  if (best && !conflict && !best.why.startsWith('named') && !best.why.startsWith('the note names')) {
    const own = (c: { why: string }) => !c.why.startsWith('related');
    // A more specific concept with evidence of its own, close behind its general one, is what the formula shows.
    // (Only under the concepts whose evidence is a bare shape: a recurrence, a weighted sum, a product of conditionals.)
    const child = SHAPE_ONLY.has(best.id) ? sorted.find((c) => c !== best && own(c) && ((c.score >= 3 && best.score - c.score < 0.5) || (c.score >= 3.3 && best.score - c.score < 1)) && ancestors(c.id).includes(best.id)) : undefined;
    if (child) best = { ...child, score: best.score };
    // f(x) = … with an activation's own shape on the right: the formula defines that function, whatever uses it.
    const lhsCall = sides(tree.items).parts.length === 2 && sides(tree.items).parts[0].length === 1 && sides(tree.items).parts[0][0].k === 'apply' && rowOf((sides(tree.items).parts[0][0] as Apply).arg).length === 1;
    const definedFn = lhsCall ? sorted.find((c) => ELEMENTWISE.has(c.id) && own(c) && best.score - c.score < MARGIN) : undefined;
    if (definedFn) best = { ...definedFn, score: best.score };
    const close = definedFn || child ? [] : sorted.filter((c) => c !== best && c.id !== best.id && best.score - c.score < MARGIN && c.score >= 2 && !insideStep(best, c));
    // (A child tied with its general concept has no distinguishing evidence: the general one is claimed.)
    if (close.length && (!close.every((c) => ownFamily(best.id, c.id)) || close.some((c) => best.score - c.score < 0.05))) {
      const all = [best, ...close];
      const general = all.find((g) => all.every((c) => c.id === g.id || ancestors(c.id).includes(g.id)));
      const spoken = general ? undefined : spokenOfTied(sorted, all, words);
      best = general ? { ...general, score: best.score, why: `${general.why}; the general concept of ${all.map((c) => c.id).join(', ')}` } : spoken ?? best;
      if (!general && !spoken) conflict = true;
    }
  }
  // A derivative or gradient of a function is not that function: only the concepts that are about derivatives
  // (gradient steps, the chain rule, BPTT, a step that also decays the weights) may claim a formula with ∂ or ∇,
  // unless a name says what it is. (Lines of a block that decay the weights in their steps vote for the penalty.)
  if (best && !best.why.startsWith('named') && !(best.id === 'regularization' && / lines of the block$/.test(best.why)) && !DERIVATIVE_CONCEPTS.has(best.id) && !ELEMENTWISE.has(best.id) && !best.why.includes('weight decay') && best.why !== BCE_DERIVATIVE && best.why !== SOFTMAX_JACOBIAN_MATRIX && !(best.id === 'softmax' && componentDerivative(tree.items)) && (hasGradient(tree.items) || codeGradient(tree.items) || errorTerm(tree.items))) conflict = vetoed = true;
  // (The derivative of an activation is explained with the activation.)
  const gated = annotatedGates(latex, best) ?? gateNamedByWords(tree.items, near, best);
  if (gated) (sorted.unshift(gated), (best = gated), (conflict = false));
  if (statesSomethingElse(tree.items, src, words, best)) conflict = vetoed = true;
  // An activation of another function's output on several inputs (tanh(g(h→, h←)), tanh(attn(s, H))) is the last step
  // of a model the formula only names a part of.
  const ofCall = (a: Apply) => { const r = rowOf(a.arg); return r.length === 1 && r[0].k === 'apply' && !['sigmoid', 'tanh', 'relu', 'softmax'].includes(r[0].fn) && hasOp(r[0].arg, ','); };
  const activationOfCall = applies(tree.items).filter((a) => ['sigmoid', 'tanh', 'relu'].includes(a.fn)).some(ofCall);
  if (best && ELEMENTWISE.has(best.id) && !best.why.startsWith('named') && activationOfCall) conflict = vetoed = true;
  // Where the words name a method outside the catalog, a claim needs more than the bare minimum.
  const wordsName = (id: ConceptId) => wordsFor(id, words) || namedFor(id, words);
  const threshold = best && words.trim() && FOREIGN.test(words) && !best.why.startsWith('named') && !wordsName(best.id) ? 2.5 : 2;
  let concept = best && best.score >= threshold && !conflict ? best.id : null;
  // Still open: the words right before the formula may name it, when the formula has that concept's shape and no
  // structure of another family stands against them.
  // (A name written on its own stays a mention, whatever the sentence says about it.)
  if (!concept && depth === 0 && !vetoed && !mentions) {
    // (Words outside the catalog in the sentence or in the formula's own annotations leave it open.)
    // (Nor when the formula defines a function by a name the catalog does not know, LogSoftmax(x) = ….)
    const claim = FOREIGN.test(words) || FOREIGN.test(src) || foreignName(tree.items) ? null : proseClaim(tree.items, src, ctx, related, sorted.map((c) => c.id));
    const against = claim && sorted.some((c) => c.score >= 2.5 && !c.why.startsWith('related') && !related(c.id, claim.id));
    const gradientOnly = claim && hasGradient(tree.items) && !DERIVATIVE_CONCEPTS.has(claim.id) && !ELEMENTWISE.has(claim.id);
    // (A log-likelihood the sentence calls a loss is still written without the loss's minus.)
    const unsigned = claim && claim.id === 'binary-cross-entropy' && applies(tree.items, ['log', 'ln']).length >= 2 && !negated(tree.items);
    const momentum = claim && (claim.id === 'gradient-descent' || claim.id === 'minibatch-sgd') && optimiser;
    if (claim && !against && !gradientOnly && !unsigned && !momentum && !ruledOut.includes(claim.id) && !(ELEMENTWISE.has(claim.id) && activationOfCall) && !throughActivation(tree.items, claim.id)) {
      sorted.unshift(claim);
      best = claim;
      concept = claim.id;
    }
  }
  // −log ŷ alone, or −log(1 − ŷ), under a sentence that sets the label (`if y = 1:`): that case's half of the binary cross-entropy.
  if (!concept && depth === 0 && !vetoed && !mentions && LABEL_CASE.test(near) && labelCaseLog(tree.items)) {
    best = { id: 'binary-cross-entropy', score: 2.6, why: LABEL_CASE_LOG };
    sorted.unshift(best);
    concept = best.id;
  }
  return { concept, score: best?.score ?? 0, candidates: sorted, tree, ...(ruledOut.length ? { ruledOut } : {}), ...(concept && best && isFirm(best) ? { firm: true as const } : {}), ...(concept && best && CLOSED_FORMS.has(best.why) ? { closedForm: true as const } : {}), ...(concept ? {} : mentions ? { unsure: 'mention' as const, mentions } : { unsure: vetoed && best ? 'resembles' : conflict ? 'conflict' : best && best.score >= 1 ? 'weak' : 'none' }) };
}

/** Catalog concepts the words around a formula name explicitly, in the order they appear (for an honest "not recognised" hover). */
export function conceptsMentioned(words: string, limit = 5): ConceptId[] {
  return conceptsNamed(words, limit);
}

/**
 * y − ŷ, t − y, y − h(x), y − h_θ (x): a target minus a prediction (one letter, a hatted letter, or a function of the
 * input, its call written with or without a space).
 */
function targetMinusPrediction(b: Row): boolean {
  if (b.length < 3 || b[0].k !== 'sym' || isNum(b[0]) || b[1].k !== 'op' || b[1].v !== '-') return false;
  const target = /^(y|t)$/.test(b[0].name);
  const rest = b.slice(2);
  if (rest.length === 1 && rest[0].k === 'sym') return target || rest[0].mods.includes('hat');
  const called = (rest.length === 1 && rest[0].k === 'apply') || (rest.length === 2 && rest[0].k === 'sym' && rest[1].k === 'group' && rest[1].delim === '(' && !rest[1].sup);
  return target && called;
}
