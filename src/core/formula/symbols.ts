/**
 * Symbols explained in the note's own letters: each symbol as written (u_o, v_c, \hat{y}_i, …) gets a meaning
 * from its structural role in the recognised concept (which vector of a dot product, which index a sum runs over,
 * what is being defined), then from the concept's usual letters, then from a general glossary.
 */
import { CATALOG, GLOSSARY } from './catalog';
import type { ConceptId } from './concepts';
import { indexPair, mapTree, type Node, show, walk } from './tex';
import { lookupTable } from './lookup';

export interface SymbolNote {
  /** The symbol as the note writes it, as TeX (e.g. "u_{o}"); display text, must be escaped by the caller. */
  symbol: string;
  meaning: string;
}

type Sym = Extract<Node, { k: 'sym' }>;
const MAX_SYMBOLS = 14;

const rowOf = (n: Node | undefined): Node[] => (!n ? [] : n.k === 'row' ? n.items : [n]);
/** A row cut at its separators (`,`, `;`, `=` …): the parts between them, empty ones kept. */
const splitRow = (r: Node[], at: (x: Node) => boolean): Node[][] => r.reduce<Node[][]>((acc, x) => (at(x) ? acc.push([]) : acc[acc.length - 1].push(x), acc), [[]]);
/** An argument list's parts: a row cut at its commas and semicolons. */
const argParts = (r: Node[]): Node[][] => splitRow(r, (x) => x.k === 'op' && (x.v === ',' || x.v === ';'));
/** A letter's step or layer as written in its script, brackets and spaces dropped: h_t, c^{⟨t−1⟩}, a^{(t)} → t, t−1, t. */
const stepText = (m: Sym): string => pretty(m.sub ?? m.sup).replace(/[()⟨⟩\s]/g, '');
const isT = (n: Node | undefined) => rowOf(n).some((x) => x.k === 'sym' && ['T', 'top', 'intercal'].includes(x.name));

const GREEK: Record<string, string> = lookupTable({
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ',
  varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ', partial: '∂', nabla: '∇', infty: '∞',
});
const BB: Record<string, string> = lookupTable({ E: '𝔼', R: 'ℝ', '1': '𝟙', I: '𝕀', N: 'ℕ', P: 'ℙ' });
const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '|': '|', '‖': '‖' };

/** A readable plain-text form of a node as the note writes it: u_o, w_{t+j}, ŷ_i, h^(t). */
export function pretty(n: Node | undefined, budget = { left: 60 }): string {
  if (!n || budget.left-- <= 0) return '';
  const script = (m: string, x: Node | undefined) => {
    if (!x) return '';
    const t = pretty(x, budget);
    return t.length <= 1 ? `${m}${t}` : `${m}{${t}}`;
  };
  switch (n.k) {
    case 'row':
      return n.items.map((x) => pretty(x, budget)).join('').replace(/,/g, ', ');
    case 'sym': {
      let b = n.mods.includes('bb') ? BB[n.name] ?? n.name : GREEK[n.name] ?? n.name;
      for (const m of n.mods) {
        if (m === 'hat') b += '\u0302';
        else if (m === 'tilde') b += '\u0303';
        else if (m === 'bar') b += '\u0304';
        else if (m === 'vec') b += '\u20d7';
        else if (m === 'prime') b += '′';
        else if (m === 'fwd') b = `→${b}`;
        else if (m === 'bwd') b = `←${b}`;
      }
      return b + script('_', n.sub) + script('^', n.sup);
    }
    case 'num':
      return n.raw;
    case 'op':
      return n.v === '-' ? '−' : n.v;
    case 'group':
      return `${n.delim}${pretty(n.body, budget)}${CLOSE[n.delim] ?? ''}` + script('_', n.sub) + script('^', n.sup);
    case 'apply':
      return `${pretty(n.head, budget)}(${pretty(n.arg, budget)})`;
    case 'name':
      return n.v;
    case 'frac': {
      // (∂L/∂W, 1/m, (a + b)/c: a part of several terms keeps its brackets.)
      const part = (x: Node) => {
        const t = pretty(x, budget);
        return rowOf(x).some((y) => y.k === 'op' && y.v !== '∂') ? `(${t})` : t;
      };
      return `${part(n.num)}/${part(n.den)}`;
    }
    default:
      return show(n).slice(0, 30);
  }
}

/** A script that is the word corrected (V^{corrected}_{dw}, m_k^{corr}): the bias-corrected form of a moment. */
const correctedMark = (row: Node | undefined) => rowOf(row).some((x) => x.k === 'sym' && /^(corr(ected)?|unbiased|bc)$/i.test(x.name));

/** The display key of a symbol: base + modifiers + subscript, without transpose/power superscripts. */
export function symbolKey(s: Sym): string {
  // (A superscript step, θ^{(t)}, and the word corrected stay: V^{corrected} is not V.)
  const sup = s.sup && !isT(s.sup) && (rowOf(s.sup).some((x) => x.k === 'group' && x.delim === '(') || correctedMark(s.sup)) ? s.sup : undefined;
  return pretty({ ...s, sup, mods: s.mods.filter((m) => m !== 'bold') }).slice(0, 60);
}

function subOf(n: Node): string {
  if (n.k === 'sym' && n.sub) return pretty(n.sub);
  if (n.k === 'group') {
    const f = rowOf(n.body)[0];
    if (f && f.k === 'sym' && f.sub) return pretty(f.sub);
  }
  return '';
}
function keyOf(n: Node): string | null {
  if (n.k === 'sym') return symbolKey(n);
  if (n.k === 'group') {
    const f = rowOf(n.body)[0];
    if (f && f.k === 'sym') return symbolKey(f);
  }
  return null;
}

const WORD_VECTOR_CONCEPTS = new Set<ConceptId>(['sgns', 'skipgram-softmax', 'skipgram', 'hierarchical-softmax', 'cbow']);
/** A key without its accents and arrows (w⃗ → w, v̂_c → v_c): the letter under the notation. */
const bareKey = (k: string) => k.normalize('NFD').replace(/[\u0300-\u036f\u20d0-\u20ff→←]/g, '');
/** Subscripts naming the input (centre) or output (context) word: w_I, v_{w_I}, u_{in}; w_O, v_{w_O}, u_{out}. */
const INPUT_SUB = /_\{?(w_)?(I|in|input)\}?$/;
const OUTPUT_SUB = /_\{?(w_)?(O|out|output)\}?$/;
const contextLike = (key: string) => {
  const k = bareKey(key);
  return OUTPUT_SUB.test(k) || (!INPUT_SUB.test(k) && (/^(u|c|o)(_|$)|′|'/.test(k) || /_\{?(o|pos|neg|ctx|context)/.test(k)));
};
const centreLike = (key: string) => {
  const k = bareKey(key);
  return INPUT_SUB.test(k) || (!OUTPUT_SUB.test(k) && /^(v|w|t)(_|$)/.test(k) && !/′|'/.test(k));
};

/** Each pair as (context side, centre side). */
function orientPairs(pairs: Array<{ a: Node; b: Node }>): Array<{ a: Node; b: Node }> {
  const keys = pairs.map((p) => [keyOf(p.a) ?? '', keyOf(p.b) ?? '']);
  const count = new Map<string, number>();
  for (const k of keys.flat()) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  return pairs.map((p, i) => {
    const [ka, kb] = keys[i];
    const ca = count.get(ka) ?? 0;
    const cb = count.get(kb) ?? 0;
    const centreFirst = pairs.length >= 2 && ca !== cb ? ca > cb : centreLike(ka) && contextLike(kb) && !(centreLike(kb) && contextLike(ka));
    return centreFirst ? { a: p.b, b: p.a } : p;
  });
}

/** Descriptions of the two vectors of a dot product, per concept ({a}/{b}: their subscripts). */
const PAIRS: Partial<Record<ConceptId, [string, string]>> = {
  'skipgram-softmax': ['the "outside" (context-role) vector of word {a}', 'the centre-word vector of word {b}'],
  skipgram: ['the "outside" vector of word {a}', 'the centre-word vector of word {b}'],
  sgns: ['the context-role vector of word {a}', 'the centre-word vector of word {b}'],
  cbow: ['the output vector of the centre word {a} (the word predicted from its context)', "the average of the context words' vectors"],
  'softmax-regression': ['the weight vector of class {a}', 'the input features{b}'],
  'logistic-regression': ['the weight vector', 'the input features{b}'],
  'linear-regression': ['the weight vector', 'the input features{b}'],
  attention: ['the query (decoder state{a})', 'a key (encoder state{b})'],
  'self-attention': ['the query of position {a}', 'the key of position {b}'],
  'cosine-similarity': ['the first vector', 'the second vector'],
  'cauchy-schwarz': ['the first vector', 'the second vector'],
  softmax: ['the first vector of the score', 'the second vector of the score'],
  'hierarchical-softmax': ['the vector of an inner tree node', 'the input (centre-word) vector'],
};

const fill = (t: string, sub: string) => {
  const filled = t.replace(/\{[ab]\}/g, sub ? `\u0000${sub}` : '');
  return filled.replace(/ (of word|of class|of position)\s*(?=$|\))/, '').replace(/\u0000/g, (m, i) => (/[\s(]$/.test(filled.slice(0, i)) ? '' : ' '));
};

/** The general concept whose letters a more specific one falls back to. */
const FAMILY_LETTERS: Partial<Record<ConceptId, ConceptId>> = {
  'mlp-attention': 'attention', 'self-attention': 'attention', 'scaled-dot-product-attention': 'attention', 'multi-head-attention': 'attention',
  'masked-self-attention': 'attention', lstm: 'rnn', gru: 'rnn', 'bidirectional-rnn': 'rnn', seq2seq: 'rnn', sgns: 'skipgram', 'skipgram-softmax': 'skipgram',
  'hierarchical-softmax': 'skipgram', cbow: 'skipgram', 'affine-layer': 'mlp',
};

/** s(x, q), a(q, k) in attention, and the letters it scores. */
const SCORE_FUNCTION = 'the score function: how well a key matches the query';
const SCORED_LETTERS = new Map([['q', 'the query'], ['k', 'a key: what the query is compared with'], ['x', 'a key: what the query is compared with'], ['h', 'a key: an encoder hidden state the query is compared with']]);

/** R(θ), Ω(w) in a penalised objective. */
const PENALTY_FUNCTION = 'the penalty term (the regulariser): it grows as the model gets more complex';

/** The likelihood's letter in maximum likelihood. */
const LIKELIHOOD_LETTER = 'the likelihood (or its log): the probability of the data given θ, read as a function of θ — the objective the estimate maximises';

/** What the left-hand letter of a definition is, from its shape, when the concept's letters do not say. */
function roleOfDefined(head: Sym, concept: ConceptId): string | null {
  const group = CATALOG[concept].group;
  // (In maximum likelihood, L, ℓ, 𝓛 are the likelihood or its log: maximised, no loss.)
  if (concept === 'maximum-likelihood' && /^(L|ell|l)$/.test(head.name)) return LIKELIHOOD_LETTER;
  if ((/^(L|J|ell|E|l)$/.test(head.name) || /^(loss|cost|error|objective)$/i.test(head.name)) && (group === 'loss' || group === 'word-vectors' || group === 'lm' || head.mods.includes('cal') || concept === 'regularization' || concept === 'empirical-risk')) return 'the loss (objective) this formula defines';
  if (candidateState(head, concept)) return 'the candidate (proposed new) state — defined here';
  // An update step defines the new value of what it updates.
  if (concept === 'gradient-descent' || concept === 'minibatch-sgd' || concept === 'adam') return head.name === 'b' ? 'the bias being updated — defined here' : 'the parameters (weights) being updated — defined here';
  if (/^[zZ]$/.test(head.name) && (concept === 'affine-layer' || concept === 'mlp')) return 'the pre-activation (weighted input) — defined here';
  // (u = Σ x_k w_k + b, a = Σ_i w_i x_i: what an affine layer defines, when no nonlinearity is applied, is the weighted sum.)
  if (/^([uUaAvV]|net)$/.test(head.name) && concept === 'affine-layer') return 'the pre-activation (weighted input) — defined here';
  const step = /^t$|^t'$|^t′$/.test(pretty(head.sub));
  if (/^[hHsS]$/.test(head.name) && step && group === 'network') return `the hidden state at step ${pretty(head.sub)} — defined here`;
  if (/^[hH]$/.test(head.name) && group === 'network') return 'the hidden-layer output (hidden state) — defined here';
  if (/^[oOyY]$/.test(head.name) && (group === 'network' || group === 'linear')) return 'the output (prediction) — defined here';
  return null;
}

/** h̃, c̃ in a gated cell: the candidate the gates mix in. */
// (c̃_t, and as notes also write it ĉ_t, c̄_t, ĥ_t: the proposed state, in a gated cell only.)
// (A prime marks it too, C′_t = tanh(W_C [h_{t−1}, x_t] + b_C).)
const candidateState = (n: Sym, concept: ConceptId | null) => (concept === 'lstm' || concept === 'gru') && /^[hHcC]$/.test(n.name) && n.mods.some((m) => m === 'tilde' || m === 'hat' || m === 'bar' || m === 'prime');
/** Concepts whose upper-case W and U (any sub/superscript) are learned weight matrices. */
const WEIGHTED = new Set<ConceptId>(['affine-layer', 'mlp', 'rnn', 'lstm', 'gru', 'bidirectional-rnn', 'seq2seq', 'fixed-window-lm', 'logistic-regression', 'softmax-regression', 'linear-regression', 'mlp-attention', 'self-attention', 'attention', 'scaled-dot-product-attention', 'multi-head-attention', 'masked-self-attention']);

/** What the vector a weight matrix multiplies is, by its usual letter (the structure says it is the layer's input). */
const INPUT_OF_WEIGHTS: Record<string, string> = lookupTable({
  x: 'the input (the vector the weights multiply)',
  a: 'the activations of the layer below (the input the weights multiply)',
  h: 'the hidden state (the input the weights multiply)',
});

/**
 * What a letter the weights multiply is: the state of the step before (s_{t−1}: what the recurrent weights multiply),
 * what the layer below gave (x_i^{(l−1)}, y^{L−1}), else by its letter (x, a, h) or only as the weights' input.
 */
function inputOfWeights(v: Sym): string {
  const script = (n: Node | undefined) => pretty(n).replace(/[()[\]⟨⟩]/g, '').trim();
  if (/^[hsaHSA]$/.test(v.name) && /^(t|τ|tau)\s*[-−]\s*1$/.test(script(v.sub ?? v.sup))) return 'the previous hidden state (the recurrent weights multiply it)';
  if (/^(l|L|ℓ|k)\s*[-−]\s*1$/.test(script(v.sup ?? v.sub))) return INPUT_OF_WEIGHTS.a;
  return INPUT_OF_WEIGHTS[v.name.toLowerCase()] ?? 'the input the weights multiply';
}

/** Groups of concepts where a lower-case w is a weight (elsewhere it is a word, or an attention weight). */
const WEIGHT_W_GROUPS = new Set(['loss', 'linear', 'network', 'training']);

/** A meaning that describes only a letter's shape (`shapeOf`, or "entry i of x"): a later structural reading may replace it. */
const byShapeOnly = (meaning: string | undefined) => meaning === undefined || /^(a quantity|a vector|a matrix|entry )/.test(meaning);

/** A letter whose role neither the concept nor the formula tells: described by its shape only. */
function shapeOf(n: Sym): string {
  // (A bold θ or β is a vector of coefficients: the model's parameters, in every note that writes them so.)
  if (n.mods.includes('bold') && /^(theta|beta)$/.test(n.name) && !n.sub) return "a vector: the model's parameters (its coefficients)";
  const kind = n.mods.includes('bold') ? (/^[A-Z]$/.test(n.name) ? 'a matrix' : 'a vector') : /^[A-Z]$/.test(n.name) ? 'a quantity (upper-case: often a matrix or a set)' : 'a quantity';
  const sub = n.sub ? pretty(n.sub) : '';
  return sub ? `${kind} indexed by ${sub}` : kind;
}

type Tree = { k: 'row'; items: Node[] };
/** The meanings collected so far, in first-seen order; `set` keeps the first meaning unless told to override. */
interface Notes {
  notes: Map<string, string>;
  set: (key: string | null, meaning: string, override?: boolean) => void;
}

const averaged = (n: Node) => n.k === 'sym' && (n.mods.includes('hat') || n.mods.includes('bar'));

/**
 * 1′. Matrix factorisation: p and q multiplied together (p_uᵀq_i, Σ_k p_{ik} q_{kj}), or p_u written beside q_i (user u,
 * item i), are the learned latent factors (embeddings) of a user and an item, whose product predicts the rating — not
 * the distributions p and q usually are. P and Q beside them are the matrices of those factors.
 */
function factorRoles(tree: Tree, { set }: Notes): void {
  const letter = (x: Node | undefined, name: string): x is Sym => x?.k === 'sym' && x.name === name && !!x.sub;
  let paired = false;
  let logged = false;
  const ps: Sym[] = [];
  const qs: Sym[] = [];
  walk(tree, (n) => {
    if (letter(n, 'p')) ps.push(n);
    if (letter(n, 'q')) qs.push(n);
    // (Distributions under a log, p_i log q_i, are what p and q usually are.)
    if (n.k === 'apply' && /^(log|ln)$/.test(n.fn) && rowOf(n.arg).length === 1 && (letter(rowOf(n.arg)[0], 'p') || letter(rowOf(n.arg)[0], 'q'))) logged = true;
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const y = n.items[i + 1]?.k === 'op' && (n.items[i + 1] as { v: string }).v === '·' ? n.items[i + 2] : n.items[i + 1];
      // (With one index, Σ_i p_i q_i, they are two sequences multiplied entry by entry.)
      if (((letter(x, 'p') && letter(y, 'q')) || (letter(x, 'q') && letter(y, 'p'))) && pretty(x.sub) !== pretty(y.sub)) paired = true;
    });
  });
  const userItem = ps.some((x) => pretty(x.sub) === 'u') && qs.some((x) => pretty(x.sub) === 'i');
  // (Or indexed as the factors of a matrix product, p_{ik} and q_{kj}: the one's column is the other's row.)
  const chained = ps.some((x) => qs.some((y) => { const [a, b] = [pretty(x.sub), pretty(y.sub)]; return /^[a-z]{2}$/.test(a) && /^[a-z]{2}$/.test(b) && a[1] === b[0] && a[0] !== b[1]; }));
  if (logged || !ps.length || !qs.length || !(paired || userItem || chained)) return;
  // (p_u: the factors of user u; p_{ik}: factor k of user i; q_{kj}: factor k of item j.)
  const of = (x: Sym, who: 'user' | 'item') => {
    const sub = pretty(x.sub);
    if (!/^[a-z]{2}$/.test(sub)) return `the latent factors (embedding) of ${who} ${sub}`;
    const [own, factor] = who === 'user' ? [sub[0], sub[1]] : [sub[1], sub[0]];
    return `latent factor ${factor} (an entry of the embedding) of ${who} ${own}`;
  };
  for (const x of ps) set(symbolKey(x), `${of(x, 'user')}: learned parameters, whose product with the item’s factors predicts the rating`);
  for (const x of qs) set(symbolKey(x), `${of(x, 'item')}: learned parameters, whose product with the user’s factors predicts the rating`);
  const capital = (name: string) => { let hit: Sym | undefined; walk(tree, (n) => void (n.k === 'sym' && n.name === name && !n.sub && (hit = n))); return hit; };
  const [P, Q] = [capital('P'), capital('Q')];
  if (P && Q) {
    set(symbolKey(P), 'the matrix of every user’s latent factors (embeddings): learned parameters');
    set(symbolKey(Q), 'the matrix of every item’s latent factors (embeddings): learned parameters');
  }
}

/** 1. Dot products: which vector is which. */
function dotProductRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  const pairs: Array<{ a: Node; b: Node }> = [];
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    const r = n.items;
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i];
      const b = r[i + 1];
      if ((a.k === 'sym' || a.k === 'group') && 'sup' in a && isT(a.sup) && (b.k === 'sym' || b.k === 'group')) pairs.push({ a, b });
      // (An attention weight times its state, α_{tj} · h_j, scales the state: no dot product.)
      else if (a.k === 'sym' && b.k === 'op' && b.v === '·' && r[i + 2]?.k === 'sym' && !(a.name === 'alpha' && !!a.sub)) pairs.push({ a, b: r[i + 2] });
    }
  });
  // (Xᵀ W_Q multiplies the input by a projection weight: no score of a query against a key.)
  for (let i = pairs.length - 1; i >= 0; i--) if (projectionMark(pairs[i].a) || projectionMark(pairs[i].b)) pairs.splice(i, 1);
  const pairText = concept ? PAIRS[concept] : undefined;
  // Word-vector objectives: which vector of each dot product is the centre word's. The vector shared by every product
  // is (the negatives and the denominator vary the other one); with a single product, the letters decide
  // (v, w, t: the centre or target word; u, c, o or a primed vector: the context word), else the written order.
  // Linear models: the weight side of w·x is the weight letter (w, θ, β) wherever the note writes it; a product of
  // data with data (XᵀX, Xᵀy) pairs no weight with an input.
  const linear = concept === 'linear-regression' || concept === 'logistic-regression' || concept === 'softmax-regression';
  const weightLike = (n: Node) => /^(w|W|theta|beta)$/.test((n.k === 'sym' ? n : n.k === 'group' ? rowOf(n.body)[0] : undefined)?.k === 'sym' ? ((n.k === 'sym' ? n : rowOf((n as { body: Node }).body)[0]) as Sym).name : '');
  // (In attention, a q or a k says which side it is, xᵀq as much as qᵀk.)
  const letterOf = (n: Node) => (n.k === 'sym' ? n.name : '');
  const attentive = !!concept && CATALOG[concept].group === 'attention';
  const oriented = concept && WORD_VECTOR_CONCEPTS.has(concept) ? orientPairs(pairs) : linear ? pairs.filter((p) => weightLike(p.a) || weightLike(p.b)).map((p) => (weightLike(p.b) && !weightLike(p.a) ? { a: p.b, b: p.a } : p)) : attentive ? pairs.map((p) => (letterOf(p.b) === 'q' || letterOf(p.a) === 'k' ? { a: p.b, b: p.a } : p)) : pairs;
  oriented.forEach((p, idx) => {
    if (!pairText) return;
    const ka = keyOf(p.a);
    const kb = keyOf(p.b);
    if (concept === 'sgns' && idx > 0) set(ka, 'the vector of a randomly drawn "negative" word (one that did not occur near the centre word)');
    else if ((concept === 'skipgram-softmax' || concept === 'softmax-regression') && idx > 0) set(ka, concept === 'softmax-regression' ? 'the weight vector of each class in turn (the denominator sums over all classes)' : 'the "outside" (context-role) vector of each word in turn (the denominator sums over the vocabulary)');
    // (In attention a barred state, h_tᵀ h̄_s, is an encoder state, Luong's notation: no average.)
    else if (averaged(p.b) && !attentive && concept !== 'cbow') set(ka, 'the vector of the centre word (the word predicted from its context)');
    else set(ka, fill(pairText[0], subOf(p.a)));
    // A vector written with a hat or bar is an average: the context words' vectors averaged (CBOW), whatever its letter.
    set(kb, averaged(p.b) && !attentive ? "the average of the context words' vectors" : fill(pairText[1], subOf(p.b)));
  });

  // P(o | c) in a word-vector model: the predicted word is the context (outside) word, the given one the centre word.
  if (concept && WORD_VECTOR_CONCEPTS.has(concept) && concept !== 'cbow') {
    walk(tree, (n) => {
      if (n.k !== 'apply' || !/^[pP]$/.test(n.fn)) return;
      const r = rowOf(n.arg);
      const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
      if (bar !== 1 || r.length !== 3 || r[0].k !== 'sym' || r[2].k !== 'sym' || /^[dD]$/.test(r[0].name)) return;
      set(symbolKey(r[0]), 'the word being predicted (the target: a context word)');
      set(symbolKey(r[2]), 'the centre word it is predicted from (the input)');
    });
  }
}

/** j ≠ 0: the relation's right side is the number 0 (a window's centre left out). */
function isZeroAfter(sub: Node[], rel: Node): boolean {
  const after = sub.slice(sub.indexOf(rel) + 1);
  return after.length === 1 && after[0].k === 'num' && after[0].v === 0;
}

/** 2. Indices and ranges of sums and products. */
function indexRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  walk(tree, (n) => {
    if (n.k !== 'big' || !n.sub) return;
    const sub = rowOf(n.sub);
    const what = n.v === 'sum' ? 'the sum' : n.v === 'prod' ? 'the product' : 'the integral';
    // (In an activation or a layer, Σ_{j=1}^n runs over the entries of a vector: n is its dimension.)
    // (So it does in a similarity or a norm of vectors, Σ_{i=1}^n x_i y_i.)
    const overEntries = concept && (['activation', 'network'].includes(CATALOG[concept].group) || ['cosine-similarity', 'norms', 'cauchy-schwarz'].includes(concept)) && n.v === 'sum' ? ': the number of entries (the dimension) of the vector it runs over' : '';
    const first = sub.find((x): x is Sym => x.k === 'sym');
    if (!first) return;
    // (A leading minus, -m ≤ j ≤ m, is a sign, not the relation.)
    const rel = sub.find((x) => x.k === 'op' && x.v !== '-' && x.v !== '+');
    const upper = n.sup ? pretty(n.sup) : '';
    if (rel && rel.k === 'op' && rel.v === '∈') {
      const setSym = sub.slice(sub.indexOf(rel) + 1).find((x): x is Sym => x.k === 'sym');
      set(symbolKey(first), `the index of ${what}: it runs over every element of ${setSym ? pretty(setSym) : 'the set'}`);
      if (setSym && setSym.name === 'V') set(symbolKey(setSym), 'the vocabulary (every word type)');
    } else if (rel && rel.k === 'op' && rel.v === '=') {
      set(symbolKey(first), `the index of ${what}, from ${pretty({ k: 'row', items: sub.slice(sub.indexOf(rel) + 1) })}${upper ? ` to ${upper}` : ''}`);
      if (n.sup) {
        const up = rowOf(n.sup).find((x): x is Sym => x.k === 'sym');
        const lt = conceptLetters(concept, tree);
        if (up && !notes.has(symbolKey(up))) set(symbolKey(up), lt[up.name] ?? `how many terms ${what} has${overEntries}`);
      }
    } else if (rel && rel.k === 'op' && rel.v === '≠' && !isZeroAfter(sub, rel)) {
      // Σ_{j ≠ y_i}: every class but the true one (a multiclass margin), not a window around a word.
      const other = sub.slice(sub.indexOf(rel) + 1);
      set(symbolKey(first), `the index of ${what}: every value except ${pretty({ k: 'row', items: other })}`);
      const label = other.length === 1 && other[0].k === 'sym' && /^[yt]$/.test(other[0].name) ? other[0] : undefined;
      if (label && !notes.has(symbolKey(label))) set(symbolKey(label), 'the true class (the label of the example)');
    } else if (rel && rel.k === 'op' && (rel.v === '≤' || rel.v === '≠')) {
      // -m ≤ j ≤ m, j ≠ 0 : a window
      const idx = sub.filter((x): x is Sym => x.k === 'sym');
      const between = sub[sub.indexOf(rel) + 1];
      const j = between?.k === 'sym' && rel.v === '≤' ? between : idx.find((s) => sub.filter((x) => x.k === 'sym' && x.name === s.name).length >= 2) ?? idx[1] ?? first;
      set(symbolKey(j), `the offset inside the window of ${what} (0 excluded: a word does not predict itself)`);
      for (const s of idx) if (s !== j && s.name !== j.name) set(symbolKey(s), 'the window size (how many words on each side)');
    } else if (!upper && n.v === 'sum' && /^(w|theta|beta|x)$/.test(first.name) && !first.sub && sub.length === 1) {
      // Σ_w w², Σ_x ‖y(x) − a‖²: the sum runs over every weight, or every training input, by its own letter.
      set(symbolKey(first), first.name === 'x' ? 'each training input in turn (the sum runs over every input)' : 'each weight in turn (the sum runs over every weight of the model)');
    } else {
      set(symbolKey(first), `the index ${what} runs over${upper ? `, up to ${upper}` : ''}`);
      // Σ_i^m: the upper limit still counts the terms.
      const up = n.sup ? rowOf(n.sup).find((x): x is Sym => x.k === 'sym') : undefined;
      const lt = conceptLetters(concept, tree);
      if (up && rowOf(n.sup).length === 1 && !notes.has(symbolKey(up))) set(symbolKey(up), lt[up.name] ?? `how many terms ${what} has${overEntries}`);
    }
    return;
  });
}

/** 3. What each equation defines (left of its "="): `q_i = W_q x_i, k_i = W_k x_i` defines two letters. */
function definedSymbol(tree: Tree, concept: ConceptId | null, { set }: Notes, named: Map<string, string> | undefined, pass: 'letters' | 'fallback'): void {
  const lt = conceptLetters(concept, tree);
  for (const eq of equations(tree)) {
    const head = definition(eq)?.head;
    // A loss defined as a function of the parameters (g(w) = …, C(θ) = …): its letter is the loss.
    const applied = !head && pass === 'fallback' && concept && CATALOG[concept].group === 'loss' ? definition(eq, true)?.head : undefined;
    if (applied && !named?.get(symbolKey(applied))) set(symbolKey(applied), `the loss this formula defines (${CATALOG[concept!].title.replace(/ \(.*\)$/, '')})`);
    if (!head) continue;
    // Gated cells written in capitals (F_t, I_t, O_t for f_t, i_t, o_t): the gate of the lower-case letter.
    const gate = (concept === 'lstm' || concept === 'gru') && !lt[head.name] && /^[FIOZR]$/.test(head.name) && /gate/.test(lt[head.name.toLowerCase()] ?? '') ? lt[head.name.toLowerCase()] : undefined;
    const said = named?.get(symbolKey(head));
    if (pass === 'letters') {
      // The concept's own letter for what is defined comes before the structure's general roles.
      if (concept && lt[head.name] && !candidateState(head, concept) && CATALOG[concept].group !== 'activation') set(symbolKey(head), `${lt[head.name]} — defined here`);
      continue;
    }
    if (concept && candidateState(head, concept)) set(symbolKey(head), 'the candidate (proposed new) state the gates mix in — defined here');
    else if (gate) set(symbolKey(head), `${gate} — defined here`);
    else if (said && !lt[head.name]) set(symbolKey(head), `${said} — defined here`);
    else if (concept === 'sigmoid' && PROBABILITY_LETTER.test(head.name) && !lt[head.name]) set(symbolKey(head), SIGMOID_OUTPUT);
    else if (concept) set(symbolKey(head), lt[head.name] ? `${lt[head.name]} — defined here` : roleOfDefined(head, concept) ?? byGroup(concept));
  }
}

/** What a formula of a concept's group defines, when nothing more specific is known of its letter. */
function byGroup(concept: ConceptId): string {
  const title = CATALOG[concept].title.replace(/ \(.*\)$/, '');
  const group = CATALOG[concept].group;
  // (What a softmax gives is a probability distribution, whatever layer it ends.)
  if (concept === 'softmax') return 'the activation: the output of the softmax, probabilities (non-negative, summing to 1) — defined here';
  if (group === 'activation') return `the activation: the output of the ${title.toLowerCase()} — defined here`;
  if (group === 'loss') return `the loss this formula defines (${title})`;
  return `the quantity this formula defines (${title})`;
}

/** A word between two equations (`\\text{ and }`, read as a named word): it ends the first. */
const CONNECTIVE = /^(and|or|where|with|then|while|whereas)$/i;
/** The formula's equations: its top row split at `,` `;`, line breaks and words (`q = W_q x \quad\text{and}\quad k = W_k x`). */
function equations(tree: Tree): Node[][] {
  const out: Node[][] = [[]];
  // An aligned block (aligned, array, cases …): each of its lines, its cells joined, is an equation.
  const line: Node = { k: 'op', v: '\\\\' };
  // (A block nested in a block's cell, as `\begin{aligned} & \begin{aligned} … \end{aligned} \end{aligned}`, is read the same.)
  const lines = (xs: Node[]): Node[] => xs.flatMap((x) => (x.k === 'env' ? x.rows.flatMap((cells) => [...lines(cells.flatMap((c) => rowOf(c))), line]) : [x]));
  const items = lines(tree.items);
  for (const x of items) {
    if ((x.k === 'op' && [',', ';', '\\\\'].includes(x.v)) || x.k === 'text' || (x.k === 'name' && CONNECTIVE.test(x.v))) out.push([]);
    else out[out.length - 1].push(x);
  }
  // (A condition in brackets after an equation, `a^{(l)} = f(…) (2 ≤ l ≤ L)`, is not part of its right side.)
  const condition = (x: Node | undefined) => x?.k === 'group' && x.delim === '(' && rowOf(x.body).some((y) => y.k === 'op' && ['≤', '<', '≥', '>', '∈'].includes(y.v));
  return out.filter((e) => e.length).flatMap((e) => (e.length >= 3 && condition(e[e.length - 1]) && e.slice(0, -1).some((x) => x.k === 'op' && EQUALS.has(x.v)) ? [e.slice(0, -1), e.slice(-1)] : [e]));
}

/** An equals sign, or a definition written `:=` or `≜`. */
const EQUALS = new Set(['=', ':=', '≜']);

/**
 * An equation's defined head (the letter left of its first `=`/`←`; with `applied`, also a letter applied there, as in
 * `H(t, p) = …`) and its right side.
 */
function definition(eq: Node[], applied = false): { head: Sym; rhs: Node[]; sides: Node[][] } | null {
  const at = eq.findIndex((x) => x.k === 'op' && (EQUALS.has(x.v) || x.v === '←'));
  if (at <= 0 || at > 3) return null;
  const first = eq.slice(0, at).find((x) => x.k === 'sym' || (applied && x.k === 'apply'));
  const head = first?.k === 'apply' ? first.head : first;
  // (A chain y = f(Σ w_j x_j) = f(w·x): each side after the first "=" up to the next.)
  const rest = eq.slice(at + 1);
  const next = rest.findIndex((x) => x.k === 'op' && EQUALS.has(x.v));
  const sides: Node[][] = [[]];
  for (const x of rest) (x.k === 'op' && EQUALS.has(x.v) ? sides.push([]) : sides[sides.length - 1].push(x));
  return head && head.k === 'sym' ? { head, rhs: next >= 0 ? rest.slice(0, next) : rest, sides } : null;
}

/** The single letter a softmax or an exponential scores (`exp(z_i)`, `e^{s_{ij}/τ}`, `softmax(A)`), if it is one. */
function scoreOf(arg: Node | undefined): Sym | null {
  const r = rowOf(arg).filter((x) => !(x.k === 'op' && x.v === '/'));
  if (r.length === 1 && r[0].k === 'sym') return r[0];
  if (r.length === 1 && r[0].k === 'frac') return scoreOf(r[0].num);
  if (r.length === 2 && r[0].k === 'sym' && r[1].k === 'sym' && /^(T|tau)$/.test(r[1].name)) return r[0];
  return null;
}
const containsSumOfExp = (n: Node): boolean => {
  let sum = false;
  let exp = false;
  walk(n, (m) => void ((m.k === 'big' && m.v === 'sum' && (sum = true)) || (m.k === 'apply' && m.fn === 'exp' && (exp = true))));
  return sum && exp;
};
/** The exponentiated letters of a fraction whose denominator sums exponentials: a softmax written out. */
function softmaxNumerators(n: Node): Sym[] {
  if (n.k !== 'frac' || !containsSumOfExp(n.den)) return [];
  const out: Sym[] = [];
  // (The denominator's exponentials are the same scores, summed over every class.)
  for (const part of [n.num, n.den]) walk(part, (m) => void (m.k === 'apply' && m.fn === 'exp' && scoreOf(m.arg) && out.push(scoreOf(m.arg)!)));
  return out;
}

const TEMPERATURE_NOTE = 'the temperature (it divides the scores: higher means flatter probabilities)';

/**
 * softmax(z / T), and in a distillation loss the T (or τ) squared in front of the soft term: the temperature that
 * softens both distributions.
 */
function temperatureRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k === 'apply' && n.fn === 'softmax') {
      const r = rowOf(n.arg);
      const den = r.length === 1 && r[0].k === 'frac' ? rowOf(r[0].den) : [];
      if (den.length === 1 && den[0].k === 'sym' && /^(T|tau)$/.test(den[0].name)) set(symbolKey(den[0]), TEMPERATURE_NOTE);
    }
    if (concept === 'distillation-loss' && n.k === 'sym' && /^(T|tau)$/.test(n.name) && !n.sub && !n.mods.length) set(symbolKey({ ...n, sup: undefined }), TEMPERATURE_NOTE);
  });
}

/**
 * 3b. A softmax, whatever the concept: the letter it exponentiates or takes (`e^{z_i}/Σ_j e^{z_j}`, `softmax(A)`) is a
 * score it turns into a probability, and the letter it defines holds the probabilities — the attention weights when
 * the formula or its sentence is about attention.
 */
function softmaxRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes, attention: boolean): void {
  const score = 'a score (logit), the softmax\'s input: it exponentiates and normalises it';
  const notesSaid = (n: Sym) => notes.get(symbolKey(n)) === score;
  const scored = new Set<Node>();
  walk(tree, (n) => {
    // exp(z_i / T): the letter dividing the score is the temperature.
    if (n.k === 'apply' && n.fn === 'exp') {
      const r = rowOf(n.arg);
      const t = r.length === 3 && r[0].k === 'sym' && r[1].k === 'op' && r[1].v === '/' && r[2].k === 'sym' ? r[2] : r.length === 1 && r[0].k === 'frac' && rowOf(r[0].den).length === 1 ? rowOf(r[0].den)[0] : undefined;
      if (t?.k === 'sym' && /^[A-Za-z]+$/.test(t.name) && t.name !== 'e') set(symbolKey(t), TEMPERATURE_NOTE);
    }
    const listed = n.k === 'apply' && n.fn === 'softmax' && rowOf(n.arg).some((x) => x.k === 'op' && x.v === ',') ? rowOf(n.arg).filter((x): x is Sym => x.k === 'sym' && !!x.sub) : [];
    const s = n.k === 'apply' && n.fn === 'softmax' ? (listed.length ? listed : [scoreOf(n.arg)]) : softmaxNumerators(n);
    for (const x of s) if (x && !/^(T|tau)$/.test(x.name)) (set(symbolKey(x), score), scored.add(n));
    // (The softmax concept itself: every exponentiated letter, e^{z_i} alone too.)
    if ((concept === 'softmax' || concept === 'distillation-loss') && n.k === 'apply' && n.fn === 'exp') {
      const x = scoreOf(n.arg);
      if (x && !/^(T|tau)$/.test(x.name)) set(symbolKey(x), score);
    }
  });
  // (The vector itself, x beside the x_i the softmax exponentiates: the scores, all of them.)
  const scoredNames = new Set<string>();
  walk(tree, (n) => void (n.k === 'sym' && !!n.sub && notesSaid(n) && scoredNames.add(n.name)));
  walk(tree, (n) => void (n.k === 'sym' && !n.sub && !n.sup && scoredNames.has(n.name) && set(symbolKey(n), 'the scores (logits): the vector the softmax exponentiates and normalises')));
  for (const eq of equations(tree)) {
    const d = definition(eq, true);
    if (d && d.rhs.length && scored.has(d.rhs[0]) && d.head.mods.includes('hat')) set(symbolKey(d.head), 'the prediction: the predicted probabilities the softmax gives — defined here');
    else if (d && d.rhs.length && scored.has(d.rhs[0])) set(symbolKey(d.head), attention && !/^[pPq]$/.test(d.head.name) ? 'the attention weights the softmax gives (non-negative, summing to 1) — defined here' : 'the probabilities the softmax gives (non-negative, summing to 1) — defined here');
  }
}

const sameLetter = (a: Node | undefined, b: Node | undefined): boolean => {
  const base = (n: Node | undefined) => (n?.k === 'apply' ? n.head : n);
  const x = base(a);
  const y = base(b);
  return !!x && !!y && x.k === 'sym' && y.k === 'sym' && x.name === y.name;
};

/** Letters a step size is written with. */
const STEP_SIZE = /^(alpha|eta|epsilon|varepsilon|gamma|lr)$/;

/**
 * S(x)(1 − S(x)), a(z)(1 − a(z)), S(x) = 1/(1 + e^{−x}): in the sigmoid's slope or definition written with a letter
 * of the note's own, that letter is the sigmoid, at its argument.
 */
function sigmoidLetter(tree: Tree, { notes, set }: Notes): void {
  const calls: Extract<Node, { k: 'apply' }>[] = [];
  // (Not a primed letter, g′(u) = g(u)(1 − g(u)): that is the derivative.)
  // (Nor a probability's or a hypothesis's letter, p(x) = e^s/(1 + e^s), h(x): its value is what it names.)
  walk(tree, (n) => void (n.k === 'apply' && n.head.k === 'sym' && n.head.name.length === 1 && !/^[pPqhH]$/.test(n.head.name) && !n.head.mods.includes('prime') && calls.push(n)));
  // (The calls the sigmoid's slope takes one minus, and the call a definition gives.)
  const sigmoidCalls = new Set<string>();
  walk(tree, (n) => {
    if (n.k !== 'group' || n.delim !== '(') return;
    const r = rowOf(n.body);
    if (r.length === 3 && r[0].k === 'num' && r[0].v === 1 && r[1].k === 'op' && ['-', '−'].includes(r[1].v) && r[2].k === 'apply') sigmoidCalls.add(pretty(r[2]));
  });
  // (So is the letter a definition gives the sigmoid, S(x) = 1/(1 + e^{−x}).)
  for (const eq of equations(tree)) {
    const d = eq[0]?.k === 'apply' && eq[1]?.k === 'op' && EQUALS.has(eq[1].v) ? eq[0] : null;
    if (d && d.head.k === 'sym' && d.head.name.length === 1) sigmoidCalls.add(pretty(d));
  }
  for (const c of calls) {
    if (!sigmoidCalls.has(pretty(c))) continue;
    const head = symbolKey(c.head as Extract<Node, { k: 'sym' }>);
    if (!/activation function/.test(notes.get(head) ?? '')) set(head, `the sigmoid function (written ${pretty(c.head)} here)`, true);
    set(pretty(c).slice(0, 40), `the sigmoid function ${pretty(c.head)} at ${pretty(c.arg).slice(0, 30)} (its value, between 0 and 1)`, true);
  }
}

/**
 * 3c. An update step `θ_{t+1} = θ_t − η ∇L`, `W ← W − α g`: the same letter on both sides, and the letter that scales
 * what is subtracted is the step size (learning rate); the letter updated is the weights or parameters.
 */
function updateRoles(tree: Tree, { set }: Notes): void {
  for (const eq of equations(tree)) {
    const at = eq.findIndex((x) => x.k === 'op' && (EQUALS.has(x.v) || x.v === '←'));
    if (at <= 0 || at > 3) continue;
    // (Δw = η (t − y) x, Δw_ij = Σ_i η δ_j x_i: a change of the weights scaled by a step-size letter written first.)
    const change = eq[0]?.k === 'sym' && eq[0].name === 'Delta' && eq[1]?.k === 'sym' && /^(w|W|theta|v|b)$/.test(eq[1].name);
    const first = eq.slice(at + 1).find((x) => x.k !== 'big');
    if (change && first?.k === 'sym' && STEP_SIZE.test(first.name) && !first.sub && !first.sup) set(symbolKey(first), 'the learning rate (step size)');
    const lhs = eq.slice(0, at).find((x) => x.k === 'sym' || x.k === 'apply');
    const r = eq.slice(at + 1).filter((x) => !(x.k === 'op' && (x.v === '&' || x.v === '*' || x.v === '·')));
    // (θ + ε ∇L: a step along a gradient written with a plus.)
    const along = r[1]?.k === 'op' && r[1].v === '+' && ((r[3]?.k === 'sym' && (r[3].name === 'nabla' || r[3].name === 'partial')) || (r[2]?.k === 'apply' && r[2].head.k === 'sym' && STEP_SIZE.test(r[2].head.name)));
    if (!lhs || !sameLetter(lhs, r[0]) || !((r[1]?.k === 'op' && r[1].v === '-') || along) || !r[2]) continue;
    // (θ − (α/m) ∇J: the step size over the batch size.)
    // (γ m̂_t / √v̂_t, written as one fraction: the numerator's first factor.)
    const step = r[2].k === 'frac' ? rowOf(r[2].num)[0] ?? r[2] : r[2];
    if ((r[3] || (r[2].k === 'frac' && rowOf(r[2].num).length > 1)) && step.k === 'sym' && !sameLetter(step, lhs) && step.name !== 'nabla' && step.name !== 'partial') set(symbolKey(step), 'the learning rate (step size)');
    // (w − α(ŷ − y)x, v + α(u_o − Σ …): a step-size letter written against the bracket it scales.)
    if (step.k === 'apply' && step.head.k === 'sym' && STEP_SIZE.test(step.head.name) && !step.head.sub && !step.head.sup) set(symbolKey(step.head), 'the learning rate (step size)');
    // (x ← x − η f′(x), z ← z − ε ∂F/∂z, w ← w − η ∇_w F(w): the function whose derivative the step follows is the
    // objective it descends, whatever its letter.)
    const objective = 'the objective (loss) the step descends: its derivative is taken';
    for (const t of r.slice(2)) {
      walk(t, (m) => {
        if (m.k === 'frac') {
          const num = rowOf(m.num);
          if (num.length === 2 && num[0].k === 'sym' && (num[0].name === 'partial' || num[0].name === 'd') && num[1].k === 'sym' && /^([A-Z]|f|g|l|ell)$/.test(num[1].name) && !sameLetter(num[1], lhs)) set(symbolKey(num[1]), objective);
        }
        if (m.k === 'apply' && m.head.k === 'sym' && /^[fFgJLEC]$/.test(m.head.name) && m.head.mods.includes('prime')) set(symbolKey({ ...m.head, mods: m.head.mods.filter((x) => x !== 'prime') }), objective);
      });
    }
    // (x_{k+1} = x_k − η∇f(x_k): the letter updated is the point the step moves.)
    if (lhs.k === 'sym' && lhs.name === 'x') set(symbolKey(lhs), 'the point being updated: the variables (parameters) the step moves, at their new value');
    // (θ_{t+1} = θ_t − λ v_t: the letter defined is the weights or parameters after the step.)
    const after = lhs.k === 'apply' ? lhs.head : lhs;
    if (after.k === 'sym' && /^(w|W|theta|Theta|beta)$/.test(after.name)) set(symbolKey(after), `${/^(w|W)$/.test(after.name) ? 'the weights' : 'the parameters'} after this step (their new value)`);
    const old = r[0].k === 'apply' ? r[0].head : r[0];
    if (old.k === 'sym') {
      const what = /^(w|W|U|V)$/.test(old.name) ? 'the weights' : /^(theta|Theta|beta)$/.test(old.name) ? 'the parameters' : old.name === 'x' ? 'the point (the variables, or parameters, the step moves)' : null;
      if (what && symbolKey(old) !== (lhs.k === 'sym' ? symbolKey(lhs) : '')) set(symbolKey(old), `${what} being updated (their value before this step)`);
    }
  }
}

const SIGMOID_OUTPUT = 'the activation: the output of the sigmoid, a probability between 0 and 1 — defined here';
const PROBABILITY_LETTER = /^(p|P|pi)$/;

/** Functions applied to a weighted input: a named nonlinearity, or a one-letter function (f, g, φ) of a product. */
const NONLINEAR = new Set(['sigmoid', 'tanh', 'relu', 'gelu', 'softplus', 'softmax', 'f', 'g', 'phi', 'varphi']);
const NAMED_ACTIVATIONS = new Set(['sigmoid', 'tanh', 'relu', 'gelu', 'softplus']);
const matrixLetter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^[A-Z]$/.test(x.name) && !x.mods.includes('bb') && !x.mods.includes('cal');
const vectorLetter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^([a-z]|theta)$/.test(x.name) && x.name !== 'e';

/**
 * 3d. Inside a nonlinearity (`f(W^T x)`, `σ(x^T W + b)`, `g(Σ_j v_{jk} h_j)`, `g(f(xW) V)`): a capital letter
 * multiplying a vector is a weight matrix and the vector its input; the lone letter added after the product is the
 * bias; a sum of products pairs a weight with an input. The letter defined as the nonlinearity's value is the
 * layer's activation.
 */
function nonlinearityRoles(tree: Tree, letters: Record<string, string>, { set }: Notes, activationConcept = false, probabilityOut = false): void {
  // (What a softmax gives is a probability distribution, whatever the concept; a sigmoid's, where the concept says so.)
  // (A letter for a probability, p = σ(θᵀx), is one whatever the concept.)
  const outputOf = (fn: string, head: Sym) => (fn === 'softmax' ? 'the activation: the output of the softmax, a probability distribution over the classes — defined here' : probabilityOut || (fn === 'sigmoid' && PROBABILITY_LETTER.test(head.name)) ? SIGMOID_OUTPUT : 'the activation: the output of the nonlinearity — defined here');
  const weight = (s: Sym) => void (!letters[s.name] && set(symbolKey(s), 'a weight matrix (learned)'));
  const input = (s: Sym) => void (!letters[s.name] && set(symbolKey(s), inputOfWeights(s)));
  const applied = new Set<Node>();
  walk(tree, (n) => {
    if (n.k !== 'apply' || !NONLINEAR.has(n.fn)) return;
    const r = rowOf(n.arg).filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '×')));
    let product = false;
    r.forEach((x, i) => {
      const y = r[i + 1];
      // (X θ, X w: the data matrix times the parameters.)
      if (matrixLetter(x) && vectorLetter(y) && /^(w|theta)$/.test(y.name)) (input(x), !letters[y.name] && set(symbolKey(y), 'the weights (learned)'), (product = true));
      else if (matrixLetter(x) && vectorLetter(y)) (weight(x), input(y), (product = true));
      // Two vectors: the usual letters say which is the weight (w, θ) and which the input (x, h, a).
      else if (vectorLetter(x) && vectorLetter(y) && /^(w|theta)$/.test(x.name) !== /^(w|theta)$/.test(y.name) && /^[xha]$/.test((/^(w|theta)$/.test(x.name) ? y : x).name)) {
        const [w, v] = /^(w|theta)$/.test(x.name) ? [x, y] : [y, x];
        if (!letters[w.name]) set(symbolKey(w), 'the weights (learned)');
        input(v);
        product = true;
      }
      else if ((vectorLetter(x) || (x.k === 'apply' && NONLINEAR.has(x.fn))) && matrixLetter(y) && !isT(y.sup)) (vectorLetter(x) && input(x), weight(y), (product = true));
      else if (x.k === 'big' && x.v === 'sum' && y?.k === 'sym' && r[i + 2]?.k === 'sym' && (!!y.sub || !!(r[i + 2] as Sym).sub)) {
        if (!letters[y.name]) set(symbolKey(y), 'a weight (learned; one per input it multiplies)');
        input(r[i + 2] as Sym);
        product = true;
      }
      if (product && x.k === 'op' && x.v === '+' && y?.k === 'sym' && !letters[y.name] && (!r[i + 2] || r[i + 2].k === 'op')) set(symbolKey(y), 'the bias (added after the weights)');
    });
    if (product) applied.add(n);
  });
  for (const eq of equations(tree)) {
    const d = definition(eq);
    // An activation function's own formula (a = σ(z)): what it is applied to is the pre-activation, what it defines the activation.
    const side = d?.sides.find((r) => r.length === 1 && r[0].k === 'apply' && NONLINEAR.has(r[0].fn))?.[0];
    // (A named activation — σ, tanh, ReLU — in any formula; a one-letter f or g only in an activation's own formula.)
    const own = d && side?.k === 'apply' && (activationConcept || NAMED_ACTIVATIONS.has(side.fn)) ? rowOf(side.arg) : null;
    if (d && own?.length === 1 && own[0].k === 'sym' && own[0].name !== d.head.name) {
      set(symbolKey(d.head), outputOf((side as { fn: string }).fn, d.head));
      set(symbolKey(own[0]), preActivationOf((side as { fn: string }).fn));
    }
    // Defined as a weighted sum plus a bias, with no nonlinearity (f_j = w_j^T x + b_j, Z = H W + b): a score.
    // (z is named the pre-activation, and y, h, o, a, s name outputs and states, by the concept.)
    // (q = W_q x + b_q, k_i = W_k h_i + b_k: the input projected into its role by the weights named for it.)
    const role = d && /^[qkv]$/i.test(d.head.name) && d.sides.some((r) => affineSide(r) && r.some((w) => w.k === 'sym' && /^[WU]$/.test(w.name) && [w.sub, w.sup].some((t) => !!t && show(t).replace(/\\(mathrm|text|mathbf)|[{}\s]/g, '').toLowerCase() === d.head.name.toLowerCase())));
    if (d && role) set(symbolKey(d.head), { q: 'the query', k: 'the key', v: 'the value' }[d.head.name.toLowerCase() as 'q' | 'k' | 'v'] + ' of one position: the input projected by its own weights — defined here');
    else if (d && !letters[d.head.name] && !/^[zZyYhHoOaAsS]$/.test(d.head.name) && d.sides.some(affineSide)) set(symbolKey(d.head), 'a score (pre-activation): the weighted sum, before any nonlinearity — defined here');
    // A sum of weights times inputs plus a bias (z_i = Σ_j w_{ij} a_j + b_i): the weight, the input, the bias, and z the pre-activation.
    const summed = d?.sides.find((r) => r.length === 5 && r[0].k === 'big' && r[0].v === 'sum' && r[1].k === 'sym' && r[2].k === 'sym' && r[3].k === 'op' && r[3].v === '+' && r[4].k === 'sym');
    if (d && summed) {
      const [, w, x, , b] = summed as [Node, Sym, Sym, Node, Sym];
      if (!letters[w.name]) set(symbolKey(w), 'a weight (learned; one per input it multiplies)');
      input(x);
      if (!letters[b.name]) set(symbolKey(b), 'the bias (added after the weights)');
      if (/^[zZ]$/.test(d.head.name) && !letters[d.head.name]) set(symbolKey(d.head), 'the pre-activation (the weighted sum) — defined here');
    }
    const appliedSide = d?.sides.find((r) => r.length === 1 && applied.has(r[0]))?.[0];
    if (d && appliedSide && !letters[d.head.name]) set(symbolKey(d.head), outputOf(appliedSide.k === 'apply' ? appliedSide.fn : '', d.head));
  }
  // A named activation applied to one letter anywhere in the formula (σ(z_f) · c, tanh(c_t)): that letter is what the
  // activation is applied to, its pre-activation — unless the concept gives the letter its own meaning.
  walk(tree, (n) => {
    if (n.k !== 'apply' || !NAMED_ACTIVATIONS.has(n.fn)) return;
    const r = rowOf(n.arg);
    if (r.length === 1 && r[0].k === 'sym' && !letters[r[0].name] && /^[zau]$/i.test(r[0].name)) set(symbolKey(r[0]), preActivationOf(n.fn));
  });
}

/** L(θ) is the likelihood when it is a product of probabilities or stands under a log (−log L, (1/T) log L(θ)). */
function likelihoodL(tree: Tree): boolean {
  let product = false;
  let logged = false;
  // (A power by a letter, ŷ^{y_i} (1 − ŷ)^{1 − y_i}: the Bernoulli probability of a label.)
  let labelPower = false;
  let probabilities = false;
  walk(tree, (n) => {
    if (n.k === 'big' && n.v === 'prod') product = true;
    if (n.k === 'apply' && (n.fn === 'log' || n.fn === 'ln') && rowOf(n.arg).some((x) => x.k === 'apply' && x.head.k === 'sym' && /^(L|ell)$/.test(x.head.name))) logged = true;
    if (n.k === 'apply' && /^[pP]$/.test(n.fn)) probabilities = true;
    const sup = (n as { sup?: Node }).sup;
    if (n.k !== 'big' && sup && rowOf(sup).some((x) => x.k === 'sym' && !['T', 'top'].includes(x.name))) labelPower = true;
  });
  return (product && (probabilities || labelPower)) || logged;
}

/**
 * g(z) = max(0, z), φ(U) = 1/(1 + e^{−U}), a = max(0, z): in an activation's own formula, the letter it is applied to
 * (z, u, s, a — an input written x is left to its shape) is the pre-activation.
 */
function activationArgumentRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || CATALOG[concept].group !== 'activation') return;
  const preLetter = (x: Node | undefined): x is Sym => x?.k === 'sym' && /^[zuasvZUSV]$/.test(x.name) && !x.mods.includes('hat');
  const meaning = preActivationOf(concept === 'sigmoid' || concept === 'softmax' ? concept : '');
  for (const eq of equations(tree)) {
    const lhs = definition(eq, true);
    const first = eq[0];
    if (lhs && first?.k === 'apply' && first.head === lhs.head) {
      const arg = rowOf(first.arg);
      if (arg.length === 1 && preLetter(arg[0])) set(symbolKey(arg[0]), meaning);
    }
  }
  const applied: Sym[] = [];
  walk(tree, (n) => {
    if (n.k !== 'apply' || n.fn !== 'max') return;
    const args = rowOf(n.arg).filter((x) => !(x.k === 'op' && x.v === ','));
    const letter = args.find(preLetter);
    if (letter && args.length === 2) (set(symbolKey(letter), meaning), applied.push(letter));
  });
  // (a = max(0, z), da/dz = a(1 − a): the other letter, defined by the formula or differentiated against the one the
  // function is applied to, is its output, the activation — whatever letter the books give the pre-activation.)
  walk(tree, (n) => void (n.k === 'apply' && n.fn === 'exp' && walk(n.arg, (m) => void (preLetter(m) && applied.push(m)))));
  // (da/dz: the letter differentiated against.)
  walk(tree, (n) => void (n.k === 'frac' && rowOf(n.den).length === 2 && preLetter(rowOf(n.den)[1]) && /^(d|partial)$/.test((rowOf(n.den)[0] as Sym).name ?? '') && applied.push(rowOf(n.den)[1] as Sym)));
  const arg = applied[0];
  if (!arg) return;
  const outputs: Sym[] = [];
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (d && d.head.name !== arg.name && /^[aszyhoASZYHO]$/.test(d.head.name)) outputs.push(d.head);
  }
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    const [num, den] = [rowOf(n.num), rowOf(n.den)];
    if (num.length === 2 && den.length === 2 && num[1].k === 'sym' && den[1].k === 'sym' && den[1].name === arg.name && num[1].name !== arg.name && /^[aszyhoASZYHO]$/.test(num[1].name) && !num[1].mods.includes('hat')) outputs.push(num[1]);
  });
  const probability = concept === 'softmax' ? ', a probability distribution over the classes' : concept === 'sigmoid' ? ', a probability between 0 and 1' : '';
  for (const o of outputs) set(symbolKey(o), `the activation: the output of ${CATALOG[concept].title.replace(/ \(.*\)$/, '')} for ${pretty(arg)}${probability}`);
}

/** N(μ, Σ), 𝒩(x; μ, σ²I): a Gaussian's mean and its (co)variance, by their places. */
/**
 * A diffusion's chain, q(x_1, …, x_T | x_0), L_T = D_KL(q(x_T | x_0) ‖ p(x_T)): x_0 is the data, every later x_t a
 * latent, the data noised t steps.
 */
function diffusionLatentRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || !['elbo', 'kl-divergence', 'bayes-rule', 'maximum-likelihood', 'negative-log-likelihood'].includes(concept)) return;
  const xs: Sym[] = [];
  walk(tree, (n) => { if (n.k === 'sym' && n.name === 'x' && n.sub) xs.push(n); });
  const step = (x: Sym) => pretty(x.sub).replace(/\s/g, '');
  if (!xs.some((x) => step(x) === '0') || !xs.some((x) => /^(t|t[-−]1|T|1|t\+1|1:T)$/.test(step(x)))) return;
  for (const x of xs) {
    if (step(x) === '0') set(symbolKey(x), 'the data point, x_0: the clean input before any noise is added');
    else if (/^(t|t[-−]1|T|1|t\+1|1:T|T-1|2)$/.test(step(x))) set(symbolKey(x), `a latent variable: the data after ${step(x) === '1:T' ? 'each of the T' : step(x)} noising step${step(x) === '1' ? '' : 's'}`);
  }
}

function gaussianRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k !== 'apply' || n.head.k !== 'sym' || n.head.name !== 'N' || n.head.sub) return;
    const r = rowOf(n.arg);
    const semi = r.findIndex((x) => x.k === 'op' && x.v === ';');
    const params = splitRow(r.slice(semi + 1), (x) => x.k === 'op' && x.v === ',');
    if (params.length !== 2) return;
    const [mean, spread] = params.map((p) => (p.length === 1 && (p[0].k === 'sym' || p[0].k === 'apply') ? p[0] : p.length === 2 && p[0].k === 'sym' && p[1].k === 'sym' && /^(I|mathbf)$/.test(p[1].name) ? p[0] : null));
    const key = (x: Node) => (x.k === 'sym' ? symbolKey(x) : pretty(x).slice(0, 40));
    if (mean) set(key(mean), `the mean of the Gaussian${mean.k === 'apply' ? ' (computed from what is in brackets)' : ''}`);
    const squared = spread?.k === 'sym' && pretty(spread.sup) === '2';
    if (spread) set(key(spread), squared ? 'the standard deviation of the Gaussian (its square is the variance)' : `the variance (spread) of the Gaussian${spread.k === 'apply' ? ' (computed from what is in brackets)' : ''}`);
  });
}

/** What a nonlinearity is applied to; a sigmoid's or a softmax's argument is also called the logit(s). */
const preActivationOf = (fn: string) => (fn === 'sigmoid' || fn === 'softmax' ? 'the pre-activation (the weighted input, the logit) the function is applied to' : 'the pre-activation (the weighted input) the function is applied to');

/** A side that is a product of two letters (W x, w^T x, h W, w · x) plus one added letter, and nothing else. */
function affineSide(r: Node[]): boolean {
  const items = r.filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '&')));
  if (items.length !== 4 || !(items[2].k === 'op' && items[2].v === '+') || items[3].k !== 'sym') return false;
  const [a, b] = items;
  return a.k === 'sym' && b.k === 'sym' && (matrixLetter(a) || matrixLetter(b) || isT((a as Sym).sup));
}

/**
 * A weighted sum: a product of a weight letter (W, U, V, w, θ, or a transposed letter) and another letter added to
 * something (W x + b, w_1 x_1 + w_2 x_2, θᵀx + b), a sum of products (Σ_i w_i x_i), or W x + b itself.
 */
function weightedSum(r: Node[]): boolean {
  if (affineSide(r)) return true;
  const items = r.filter((x) => !(x.k === 'op' && ['·', '×', '*', '∗', '&'].includes(x.v)));
  const weightish = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && (/^([WUV]|w|theta)$/.test(x.name) || isT(x.sup)) && !x.mods.includes('bb') && !x.mods.includes('cal');
  const letter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^([a-zA-Z]|theta)$/.test(x.name) && !/^[0-9]+$/.test(x.name);
  // (W [h_{t−1}, x_t]: a weight matrix times a concatenation is a product too.)
  const concat = (y: Node | undefined) => !!y && y.k === 'group' && y.delim === '[';
  const product = items.some((x, i) => (letter(x) && letter(items[i + 1]) && (weightish(x) || weightish(items[i + 1]))) || (weightish(x) && /^[WU]$/.test(x.name) && concat(items[i + 1])));
  const sumOfProducts = items.some((x, i) => x.k === 'big' && x.v === 'sum' && letter(items[i + 1]) && letter(items[i + 2]));
  // (z = wᵀx, Z = X W_1: a side that is the product alone, up to the next equals sign or the end.)
  const ends = (x: Node | undefined) => !x || (x.k === 'op' && (EQUALS.has(x.v) || [',', ';'].includes(x.v)));
  const productSide = items.some((x, i) => x.k === 'op' && EQUALS.has(x.v) && letter(items[i + 1]) && letter(items[i + 2]) && (weightish(items[i + 1]) || weightish(items[i + 2])) && ends(items[i + 3]));
  return sumOfProducts || productSide || (product && items.some((x) => x.k === 'op' && x.v === '+'));
}

/**
 * λ_{1,4} · I_1 + λ_{2,4} · I_2: a letter with two indices before a quantity carrying the first of them is the weight of
 * the connection from that quantity to the unit of the second index, whatever letter the note gives weights.
 */
function connectionWeightRoles(tree: Tree, { set }: Notes, inScripts: Set<Node>): void {
  const script = (n: Node | undefined) => pretty(n).replace(/\s+/g, '');
  walk(tree, (n) => {
    if (n.k !== 'row' || inScripts.has(n)) return;
    const items = n.items.filter((x) => !(x.k === 'op' && ['·', '×', '*', '∗'].includes(x.v)));
    const units = new Set<string>();
    items.forEach((x, i) => {
      const y = items[i + 1];
      const m = x.k === 'sym' ? indexPair(x.sub) : null;
      if (!m || x.k !== 'sym' || y?.k !== 'sym' || y.name === x.name || script(y.sub) !== m[0]) return;
      units.add(m[1]);
      set(symbolKey(x), `a weight (learned): the connection from ${pretty(y)} to unit ${m[1]}`);
      set(symbolKey(y), inputOfWeights(y));
    });
    if (!units.size) return;
    // (b_4 added on its own: the unit's bias; H_{4,in} = … on the left: the unit's weighted input, before its activation.)
    items.forEach((x, i) => {
      const alone = (y: Node | undefined) => !y || (y.k === 'op' && ['+', '=', ','].includes(y.v));
      if (x.k === 'sym' && /^b$/.test(x.name) && units.has(script(x.sub)) && alone(items[i - 1]) && alone(items[i + 1])) set(symbolKey(x), `the bias of unit ${script(x.sub)} (added after the weights)`);
      if (x.k === 'sym' && items[i + 1]?.k === 'op' && (items[i + 1] as { v: string }).v === '=' && /in$/.test(script(x.sub))) set(symbolKey(x), 'the weighted input of the unit (its pre-activation, before the activation)');
    });
  });
}

/**
 * A weighted sum written out (w_1 x_1 + w_2 x_2 + b, θ_0 + θ_1 x_1, sign(w · x + b), X W_1 + b): each weight letter
 * multiplying another letter is a weight and that letter its input; the lone b or c added last is the bias. Letters
 * the concept names keep their meaning.
 */
function weightedSumRoles(tree: Tree, concept: ConceptId | null, { set }: Notes, inScripts: Set<Node>): void {
  const letters = conceptLetters(concept, tree);
  const weightLetter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^([WU]|w|theta)$/.test(x.name) && !x.mods.includes('bb') && !x.mods.includes('cal') && !x.mods.includes('hat');
  const other = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^([a-zA-Z])$/.test(x.name) && !/^[0-9]+$/.test(x.name) && !weightLetter(x);
  walk(tree, (n) => {
    if (n.k !== 'row' || inScripts.has(n) || !weightedSum(n.items)) return;
    const items = n.items.filter((x) => !(x.k === 'op' && ['·', '×', '*', '∗'].includes(x.v)));
    let product = false;
    items.forEach((x, i) => {
      const y = items[i + 1];
      const pair = weightLetter(x) && other(y) ? [x, y] : other(x) && weightLetter(y) && !isT(x.sup) ? [y, x] : null;
      if (!pair || (i > 0 && items[i - 1].k === 'sym')) return;
      const [w, v] = pair as [Sym, Sym];
      if (items[i + 2]?.k === 'sym' || items[i + 2]?.k === 'apply') return;
      product = true;
      if (!letters[w.name] && !inScripts.has(w)) set(symbolKey(w), /^[WU]$/.test(w.name) ? 'a weight matrix (learned)' : w.sub ? `a weight (learned; the one multiplying ${pretty(v)})` : 'the weights (learned)');
      if (!letters[v.name] && !inScripts.has(v)) set(symbolKey(v), inputOfWeights(v));
    });
    // (w_0, w_{j0}, θ_0 added on their own, multiplying no input: the bias written as the weight of index 0.)
    if (product) {
      items.forEach((x, i) => {
        const alone = (y: Node | undefined) => !y || y.k === 'text' || y.k === 'name' || (y.k === 'op' && (['+', '-', '−', ','].includes(y.v) || EQUALS.has(y.v)));
        if (x.k === 'sym' && /^(w|theta|W)$/.test(x.name) && /0$/.test(pretty(x.sub).replace(/\s/g, '')) && alone(items[i - 1]) && alone(items[i + 1]) && !letters[x.name]) set(symbolKey(x), 'the bias: the weight of index 0, which multiplies no input');
      });
    }
    // (b + w_1 x_1 + …: the bias may come first as well.)
    const first = items[0];
    if (product && first?.k === 'sym' && /^[bB]$/.test(first.name) && items[1]?.k === 'op' && (items[1] as { v: string }).v === '+' && !letters[first.name]) set(symbolKey(first), 'the bias (added after the weights)');
    // (… + b at the end of the sum, before an equals sign or the end: I · W + B = O.)
    items.forEach((x, i) => {
      const after = items[i + 1];
      const ends = !after || (after.k === 'op' && (EQUALS.has(after.v) || [',', ';'].includes(after.v)));
      if (product && ends && x.k === 'sym' && /^[bcB]$/.test(x.name) && items[i - 1]?.k === 'op' && (items[i - 1] as { v: string }).v === '+' && !letters[x.name]) set(symbolKey(x), 'the bias (added after the weights)');
    });
  });
}

/**
 * y = 2.75 x_1 + 1.75 x_2, 3x_1 − 2x_2: one letter with different indices, each multiplied by a number, is the inputs of
 * a weighted sum whose weights are written as numbers.
 */
function numericWeightRoles(tree: Tree, { set }: Notes, inScripts: Set<Node>): void {
  walk(tree, (n) => {
    if (n.k !== 'row' || inScripts.has(n)) return;
    const terms: Sym[] = [];
    n.items.forEach((x, i) => {
      const y = n.items[i + 1];
      const before = n.items[i - 1];
      const starts = !before || (before.k === 'op' && ['+', '-', '−', '='].includes(before.v));
      if (starts && x.k === 'num' && y?.k === 'sym' && /^[a-zA-Z]$/.test(y.name) && y.sub && !y.sup) terms.push(y);
    });
    if (terms.length < 2 || new Set(terms.map((t) => t.name)).size !== 1 || new Set(terms.map((t) => pretty(t.sub))).size !== terms.length) return;
    for (const t of terms) set(symbolKey(t), 'an input of the weighted sum (its weight is the number before it)');
  });
}

/**
 * What a weighted sum defines, by its letter: z, u (net) is the pre-activation; a letter defined as a nonlinearity of a
 * weighted sum (a = σ(Wx + b)) is the activation; y, o, ŷ, f, out and other letters defined as either are the output.
 * Hidden states (h, s), losses and probabilities are left to the passes that know them.
 */
function weightedSumHeadRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  const letters = conceptLetters(concept, tree);
  const squash = (x: Node) => x.k === 'apply' && ((x.head.k === 'sym' && /^(sigma|f|g|phi|varphi|theta)$/.test(x.head.name) && !x.head.sub) || /^(sigmoid|tanh|relu|softmax|sign|step|logistic)$/i.test(x.fn));
  for (const eq of equations(tree)) {
    const d = definition(eq, true);
    if (!d || letters[d.head.name] || d.head.mods.includes('cal') || /^(L|J|E|C|ell|l|p|P|q|Q|h|H|s|S|x|X|w|W|b|theta|delta|alpha)$/.test(d.head.name)) continue;
    const rhs = d.rhs.filter((x) => !(x.k === 'op' && x.v === '&'));
    const sum = weightedSum(rhs);
    const activated = rhs.length === 1 && squash(rhs[0]) && weightedSum(rowOf((rhs[0] as Extract<Node, { k: 'apply' }>).arg));
    if (!sum && !activated) continue;
    const key = symbolKey(d.head);
    // (y = Xw + ε: a weighted sum plus noise models the observed targets.)
    const noise = rhs.some((x) => x.k === 'sym' && /^(epsilon|varepsilon)$/.test(x.name));
    if (noise) set(key, "the target: the observed value, modelled as the weighted sum plus noise");
    else if (/^([zZuU]|net)$/.test(d.head.name)) {
      if (sum) set(key, 'the pre-activation (the weighted input) — defined here');
    } else if (/^[aA]$/.test(d.head.name)) {
      if (activated) set(key, 'the activation: the nonlinearity applied to the weighted sum — defined here');
    } else if (sum && !(/^[yYoOfF]$/.test(d.head.name) && !d.head.mods.includes('prime'))) {
      // (r_1 = b_1 + Σ_j w_1j x_j, y'_j = b_j + Σ_i w_ji x_i: a unit's weighted sum under a letter of its own is its pre-activation.)
      set(key, 'the pre-activation: the weighted sum computed here (before any nonlinearity)');
    } else set(key, activated ? "the output: the nonlinearity applied to the weighted sum — defined here" : 'the output: the weighted sum computed here');
  }
}

/** Letters notes give a loss (L, J, E, C, ℓ); with the lower-case l where a formula differentiates or defines it. */
const LOSS_LETTER = /^(L|J|E|C|ell)$/;
const LOSS_LETTER_OR_L = /^(L|J|E|C|ell|l)$/;

/**
 * An increment written with Δ before a letter is one quantity: Δw, Δw_{ij} the change a training step makes to the
 * weight (a scaled gradient), ΔC the change in the loss C; Δ_{x}L, with the variable under the Δ, the gradient of L with
 * respect to x.
 */
function incrementRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((d, i) => {
      const x = n.items[i + 1];
      if (d.k !== 'sym' || d.name !== 'Delta' || d.sup || x?.k !== 'sym' || /^(Delta|partial|nabla)$/.test(x.name)) return;
      const key = pretty({ k: 'row', items: [d, x] });
      if (d.sub && LOSS_LETTER.test(x.name)) (set(key, `the gradient of the loss ${pretty(x)} with respect to ${pretty(d.sub)}`), set(symbolKey(x), 'the loss whose gradients are taken'));
      else if (!d.sub && LOSS_LETTER.test(x.name)) set(key, `the change in the loss ${pretty(x)}`);
      else if (!d.sub) set(key, `the change of ${pretty(x)} in one step (its update)`);
    });
  });
}

/**
 * Letters whose role the formula's grammar tells, whatever its concept: what a loss is written as a function of
 * (J(w, b): the weights and the bias; L(ŷ, y): the prediction and the target), what an activation function is applied
 * to (g(z), sign(z): the pre-activation), the m of a 1/m in front of a sum (the number of terms averaged), and the y a
 * prediction is compared with (a − y, ŷ − y: the target). Letters the concept names keep their meaning.
 */
function grammarRoles(tree: Tree, concept: ConceptId | null, { set }: Notes, inScripts: Set<Node>): void {
  const letters = conceptLetters(concept, tree);
  const free = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && !inScripts.has(x) && !letters[x.name];
  let summed = false;
  walk(tree, (n) => {
    if ((n.k === 'big' && n.v === 'sum') || (n.k === 'name' && /^(sum|summation)$/i.test(n.v))) summed = true;
  });
  walk(tree, (n) => {
    // J(w, b), L(θ), E({w}), L(ŷ, y).
    if (n.k === 'apply' && n.head.k === 'sym' && LOSS_LETTER.test(n.head.name) && !n.head.sup && !inScripts.has(n.head)) {
      const args: Node[] = [];
      walk(n.arg, (x) => void (x.k === 'sym' && args.push(x)));
      // (J(W^{[1]}, b^{[1]}, …): a layer's weights and bias carry its number as a script.)
      const layer = (a: Sym) => !a.sub !== !a.sup && /^(\(|\[)?([1-9]|l|L|ℓ|ell)(\)|\])?$/.test(pretty(a.sub ?? a.sup).replace(/\s/g, ''));
      for (const a of args) {
        if (!free(a) || ((a.sub || a.sup) && !(layer(a) && /^(w|W|b|theta|Theta)$/.test(a.name)))) continue;
        // (Bold is only the vector's font, J(𝐰), J(𝛃).)
        const plain = a.mods.every((m) => m === 'bold');
        if (/^(w|W)$/.test(a.name) && plain) set(symbolKey(a), 'the weights (learned parameters; the loss is a function of them)');
        else if (a.name === 'b' && plain) set(symbolKey(a), 'the bias (a learned parameter; the loss is a function of it)');
        else if (/^(theta|Theta|beta)$/.test(a.name) && plain) set(symbolKey(a), 'the parameters (the loss is a function of them)');
        else if (a.name === 'y' && predictedY(a)) set(symbolKey(a), "the prediction (the model's output)");
        else if (a.name === 'y' && !a.mods.length && args.some((o) => o !== a && o.k === 'sym' && o.name === 'y' && predictedY(o))) set(symbolKey(a), 'the target (true label)');
      }
      // ℓ(x_i, y_i), ∇L(w, x_i, y_i), ℒ(a^{(i)}, y^{(i)}): one example's input and label, or the prediction and the label.
      const parts = argParts(rowOf(n.arg));
      const lone = parts.map((p) => (p.length === 1 && p[0].k === 'sym' && free(p[0]) && !p[0].mods.some((m) => m !== 'bold') ? (p[0] as Sym) : null));
      const xs = lone.filter((a): a is Sym => !!a && /^[xX]$/.test(a.name));
      const ys = lone.filter((a): a is Sym => !!a && /^[yY]$/.test(a.name));
      const predictions = lone.filter((a): a is Sym => !!a && /^[aA]$/.test(a.name) && !a.sub === !ys[0]?.sub && !a.sup === !ys[0]?.sup);
      if (ys.length === 1 && (xs.length === 1 || predictions.length === 1) && parts.length <= 4) {
        set(symbolKey(ys[0]), 'the target (true label) of the example');
        for (const x of xs) set(symbolKey(x), 'the input (the example the loss is computed on)');
        const logged = [...loggedNodes(tree, /^(log|ln)$/)].some((m) => m.k === 'sym' && predictions.some((a) => a.name === m.name));
        for (const a of predictions) set(symbolKey(a), logged ? "the predicted probability (the model's output, the last layer's activation)" : "the prediction (the model's output, the last layer's activation)");
      }
    }
    // g(z), g′(z), sign(z), step(u): the letter an activation function is applied to is its pre-activation.
    const activation = n.k === 'apply' && ((n.head.k === 'sym' && /^(f|g|phi|varphi)$/.test(n.head.name)) || /^(sign|step|sigmoid|tanh|relu)$/.test(n.fn));
    if (activation && n.k === 'apply') {
      const r = rowOf(n.arg);
      if (r.length === 1 && free(r[0]) && /^[zu]$/.test(r[0].name) && !r[0].mods.length) {
        set(symbolKey(r[0]), 'the pre-activation (the weighted input) the function is applied to');
        // (The one-letter function itself, g in g(z) or f′ in f′(z_j), is the activation function or its derivative.)
        const head = n.head;
        if (head.k === 'sym' && free(head) && !head.sub) {
          const primed = head.mods.includes('prime') || (!!head.sup && /^(′|')$/.test(pretty(head.sup)));
          set(symbolKey(head), primed ? 'the derivative (local gradient) of the activation function (the nonlinearity), at the weighted input' : 'the activation function (the nonlinearity) applied to the weighted input');
        }
      }
    }
    // 1/m Σ …, 1/(2m) Σ …: the number of terms the sum averages.
    // (Also before a bracket or a log of a whole batch, −1/m (Y log A + …), −1/m log Pr(W): the terms it averages.)
    const next = n.k === 'frac' ? nextOf(tree, n) : undefined;
    const averaged = !!next && (next.k === 'group' || (next.k === 'apply' && /^(log|ln|log_?2)$/.test(next.fn)));
    if (n.k === 'frac' && (summed || averaged)) {
      const num = rowOf(n.num);
      const den = rowOf(n.den).filter((x) => x.k !== 'num');
      if (num.length === 1 && num[0].k === 'num' && den.length === 1 && free(den[0]) && /^(m|n|N|M|B|T)$/.test(den[0].name) && !den[0].mods.length) set(symbolKey(den[0]), 'the number of terms the sum averages (examples, or steps)');
    }
    // a − y, ŷ − y, (y − a): a prediction compared with y, the target.
    if (n.k === 'row') {
      n.items.forEach((x, i) => {
        if (!(x.k === 'op' && x.v === '-')) return;
        const [l, r] = [n.items[i - 1], n.items[i + 1]];
        const isY = (v: Node | undefined): v is Sym => free(v) && v.name === 'y' && !predictedY(v) && !v.sup;
        const isPred = (v: Node | undefined) => !!v && v.k === 'sym' && ((v.name === 'y' && predictedY(v)) || (/^[ao]$/.test(v.name) && !v.mods.length));
        const target = isY(r) && isPred(l) && !(n.items[i - 2]?.k === 'sym') ? r : isY(l) && isPred(r) && !(n.items[i + 2] && n.items[i + 2].k !== 'op') ? l : null;
        if (target) set(symbolKey(target), 'the target (true label)');
      });
    }
  });
}

/**
 * 3e. A capital letter (or ℓ, l) defined as a sum of log terms or of squared differences (`J = log p(…) + …`,
 * `H(t, p) = −t log p − …`, `l_n = (x_n − y_n)²`) is the loss (objective) the formula defines.
 */
function lossHeadRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  for (const eq of equations(tree)) {
    const d = definition(eq, true);
    if (d && concept === 'maximum-likelihood' && /^(L|ell|l)$/.test(d.head.name)) {
      set(symbolKey(d.head), LIKELIHOOD_LETTER);
      continue;
    }
    // (D is a divergence, P and Q distributions: no loss by their letter. E is an expectation where it is applied, and the
    // error where a formula defines it as a sum of squares or of logs.)
    if (!d || !/^([A-CE-OR-Z]|ell|l|loss|cost|objective|error)$/.test(d.head.name) || /^[pPqQ]$/.test(d.head.name) || d.head.mods.includes('hat')) continue;
    // A head that is the word itself (loss = …, cost = …) is the loss whatever its right side.
    if (/^(loss|cost|objective|error)$/i.test(d.head.name)) {
      set(symbolKey(d.head), 'the loss (objective) this formula defines');
      continue;
    }
    let logs = false;
    let squares = false;
    for (const x of d.rhs) {
      walk(x, (m) => {
        if ((m.k === 'apply' && m.fn === 'log') || (m.k === 'name' && /^(log|ln)$/.test(m.v)) || (m.k === 'sym' && /^(log|ln)/.test(m.name))) logs = true;
        if (m.k === 'group' && m.sup && pretty(m.sup) === '2' && rowOf(m.body).some((o) => o.k === 'op' && o.v === '-')) squares = true;
      });
    }
    if (logs || squares) set(symbolKey(d.head), 'the loss (objective) this formula defines');
  }
}

/** Definitions whose right side is one function applied (`a = g(z)`): the letter defined, the application and its argument. */
function appliedDefinitions(tree: Tree): Array<{ head: Sym; f: Extract<Node, { k: 'apply' }>; arg: Node[] }> {
  return equations(tree).flatMap((eq) => {
    const d = definition(eq);
    const f = d?.rhs.length === 1 && d.rhs[0].k === 'apply' ? d.rhs[0] : undefined;
    return d && f ? [{ head: d.head, f, arg: rowOf(f.arg) }] : [];
  });
}

/** `o = φ(z)`, `a = g(u)`: the letter defined as an activation function of the pre-activation is the activation. */
function activationOutputRoles(tree: Tree, { notes, set }: Notes): void {
  for (const { head, f, arg } of appliedDefinitions(tree)) {
    const activation = (f.head.k === 'sym' && /^(f|g|phi|varphi)$/.test(f.head.name) && !f.head.mods.includes('prime')) || /^(sign|step|sigmoid|tanh|relu)$/.test(f.fn);
    // (Capitals too, A^{[l]} = g^{[l]}(Z^{[l]}): a layer's activations for every example; a layer's letters that called
    // the defined letter its pre-activation are corrected.)
    const key = symbolKey(head);
    if (activation && arg.length === 1 && arg[0].k === 'sym' && /^[zuZU]$/.test(arg[0].name) && !arg[0].mods.length) set(key, "the activation (the activation function's output, the layer's activation) — defined here", /^the pre-activation/.test(notes.get(key ?? '') ?? ''));
  }
}

/**
 * 3f. Gated cells: the coefficient mixed as `(1 − z) ⊙ a + z ⊙ b` is the update gate and the new term it lets in the
 * candidate; a letter defined as a tanh of the inputs is the candidate; capital gate letters (F_t, I_t, O_t) are the
 * gates their lower-case letters name.
 */
function gateRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (concept !== 'lstm' && concept !== 'gru') return;
  const lt = CATALOG[concept].letters ?? {};
  // (Γ_f, Γ_u, Γ_o, Γ_r: the gates written as a capital gamma with the gate's letter below.)
  const GAMMA: Record<string, string> = { f: 'the forget gate (0 = forget, 1 = keep)', o: 'the output gate (how much of the cell is shown)', i: 'the input (update) gate: how much of the candidate is written', u: concept === 'gru' ? 'the update gate (how much of the state is replaced)' : 'the update (input) gate: how much of the candidate is written', r: 'the reset gate (how much of the previous state the candidate sees)' };
  walk(tree, (n) => {
    if (n.k === 'sym' && /^[FIOZR]$/.test(n.name) && !lt[n.name] && /gate/.test(lt[n.name.toLowerCase()] ?? '')) set(symbolKey(n), lt[n.name.toLowerCase()]);
    // (g_f, g_i, g_o, g_r, g_u, g_z: gates written as a g with the gate's letter below; an LSTM's bare g is its candidate.)
    const g = n.k === 'sym' && (n.name === 'Gamma' || (n.name === 'g' && /^[fiorzu]$/.test(pretty(n.sub)))) ? pretty(n.sub) : '';
    const gate = g === 'z' ? GAMMA.u : g === 'u' && n.k === 'sym' && n.name === 'g' ? 'the update gate (how much of the state is replaced)' : GAMMA[g];
    if (g && gate) set(symbolKey(n as Sym), gate, true);
    // (a^{⟨t−1⟩}, a^{⟨t⟩}: the hidden state written a, as some courses do.)
    if (n.k === 'sym' && n.name === 'a' && /^\(?t(-1)?\)?$/.test(pretty(n.sup ?? n.sub).replace(/[\s−]/g, (c) => (c === '−' ? '-' : '')))) set(symbolKey(n), pretty(n.sup ?? n.sub).includes('1') ? 'the hidden state at the previous step' : 'the hidden state at this step');
  });
  for (const eq of equations(tree)) {
    const d = definition(eq);
    const r = (d?.rhs ?? eq).filter((x) => !(x.k === 'op' && ['*', '⊙', '·', '∘'].includes(x.v)));
    r.forEach((x, i) => {
      const b = x.k === 'group' ? rowOf(x.body) : [];
      if (b.length === 3 && b[0].k === 'num' && b[0].raw === '1' && b[1].k === 'op' && b[1].v === '-' && b[2].k === 'sym') {
        set(symbolKey(b[2]), 'the update gate (how much of the state is replaced)');
        const next = r[i + 1];
        if (next?.k === 'sym' && next.name !== d?.head.name && !/[-−]/.test(pretty(next.sub))) set(symbolKey(next), 'the candidate (proposed new) state the gate lets in');
      }
    });
    if (d && d.rhs.length === 1 && d.rhs[0].k === 'apply' && d.rhs[0].fn === 'tanh' && !/^[hHcC]$/.test(d.head.name)) set(symbolKey(d.head), 'the candidate (proposed new) state — defined here');
    // (q_t = φ(r_t ⊙ W h_{t−1} + U x_t): what a GRU computes through its reset gate is the candidate.)
    const through = d && d.rhs.length === 1 && d.rhs[0].k === 'apply' && /^(tanh|phi|varphi|g|f)$/.test(d.rhs[0].fn) ? d.rhs[0].arg : undefined;
    let resetInside = false;
    if (concept === 'gru' && through) walk(through, (m) => void (m.k === 'sym' && /^[rR]$/.test(m.name) && (resetInside = true)));
    if (d && resetInside && !/^[hH]$/.test(d.head.name)) set(symbolKey(d.head), 'the candidate (proposed new) state the reset gate shapes — defined here');
    if (d && d.rhs.length === 1 && d.rhs[0].k === 'apply' && d.rhs[0].fn === 'sigmoid' && !lt[d.head.name]) set(symbolKey(d.head), 'a gate (a sigmoid: between 0 and 1, it scales what it multiplies) — defined here');
  }
}

/**
 * 3f′. Adam's moments in any letters: what is updated as β X + (1 − β)(…) is a running average — of the gradients, or of
 * their squares when the new term is squared — and the same letter with a hat (or marked corrected, V^{corr}), divided by
 * 1 − βᵗ, its bias-corrected form.
 */
const FIRST_MOMENT = 'the running average of gradients (first moment: their mean, momentum)';
const SECOND_MOMENT = 'the running average of squared gradients (second moment: an uncentred variance)';
/** A moment's bias-corrected form: a hat, or the word written as its script (V^{corrected}_{dw}, m_k^{corr}). */
function biasCorrected(s: Sym): boolean {
  return s.mods.includes('hat') || correctedMark(s.sup) || correctedMark(s.sub);
}
function momentRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (concept !== 'adam') return;
  const averaged = new Map<string, string>();
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (!d || biasCorrected(d.head)) continue;
    let own = false;
    let oneMinus = false;
    let squared = false;
    // (The decay may have any letter, V = B V + (1 − B) dW: one letter both scaling the old value and subtracted from 1.)
    const decays: Sym[] = [];
    const letters: Sym[] = [];
    for (const x of d.rhs) {
      walk(x, (m) => {
        const body = m.k === 'group' ? rowOf(m.body) : [];
        if (body.length === 3 && body[2].k === 'sym' && takenFromOne(body, 2)) decays.push(body[2]);
        if (m.k === 'sym') letters.push(m);
        if (m.k === 'sym' && m.name === d.head.name && m !== d.head) own = true;
        if (m.k === 'group' && /^1-(β|\\?beta)/.test(pretty(m.body).replace(/[\s−]/g, (c) => (c === '−' ? '-' : '')))) oneMinus = true;
        if (((m.k === 'sym' || m.k === 'group') && m.sup && pretty(m.sup) === '2') || (m.k === 'op' && m.v === '⊙')) squared = true;
      });
    }
    const decay = decays.find((b) => b.name !== d.head.name && letters.some((m) => m !== b && symbolKey(m) === symbolKey(b)));
    if (!oneMinus && decay) {
      oneMinus = true;
      if (!/^(beta|β)$/.test(decay.name)) set(symbolKey(decay), 'the decay rate of the running average (as β₁ or β₂: how much of the old value it keeps)');
    }
    if (!own || !oneMinus) continue;
    const meaning = squared ? SECOND_MOMENT : FIRST_MOMENT;
    averaged.set(d.head.name, meaning);
    set(symbolKey(d.head), `${meaning} — defined here`);
    // (Its value at the step before, v_{t−1}, is the same average, whatever the letter usually stands for.)
    for (const x of d.rhs) walk(x, (m) => void (m.k === 'sym' && m.name === d.head.name && !biasCorrected(m) && set(symbolKey(m), meaning)));
  }
  // (X̂ = X/(1 − β_kᵗ) alone: the decay's index says which moment, β₁ the gradients', β₂ their squares'.)
  for (const eq of equations(tree)) {
    const d = definition(eq);
    // (A full stop may end the equation.)
    const rhs = d?.rhs.filter((x) => !(x.k === 'op' && x.v === '.'));
    if (!d || !rhs || !biasCorrected(d.head) || averaged.has(d.head.name) || rhs.length !== 1 || rhs[0].k !== 'frac') continue;
    const num = rowOf(rhs[0].num);
    const index = /(?:β|\\beta)_?\{?\s*([12₁₂])/.exec(pretty(rhs[0].den));
    if (num.length !== 1 || num[0].k !== 'sym' || num[0].name !== d.head.name || !index) continue;
    // (The index outweighs the letter: d2l writes v for the first moment and s for the second.)
    const moment = /[1₁]/.test(index[1]) ? FIRST_MOMENT : SECOND_MOMENT;
    averaged.set(d.head.name, moment);
    set(symbolKey(num[0]), moment, true);
    set(symbolKey(d.head), `the bias-corrected ${moment.replace(/^the /, '')} — defined here`, true);
  }
  walk(tree, (n) => {
    if (n.k === 'sym' && biasCorrected(n) && averaged.has(n.name)) set(symbolKey(n), `the bias-corrected ${averaged.get(n.name)!.replace(/^the /, '')}`);
  });
  // (The step, θ ← θ − η m̂/(√v̂ + ε), in any letters: the hatted letter under the root is the second moment, the other the first.)
  const rooted = new Set<Node>();
  walk(tree, (n) => void (n.k === 'sqrt' && walk(n.body, (m) => void (m.k === 'sym' && biasCorrected(m) && rooted.add(m)))));
  if (!rooted.size) return;
  walk(tree, (n) => {
    if (n.k !== 'sym' || !biasCorrected(n)) return;
    set(symbolKey(n), rooted.has(n) ? 'the bias-corrected running average of squared gradients (second moment: an uncentred variance)' : 'the bias-corrected running average of gradients (first moment: their mean)');
  });
}

/** 3g. Q, K and V written together (any case, any font): the queries, keys and values of attention. */
function qkvRoles(tree: Tree, concept: ConceptId | null, { set }: Notes, inScripts: Set<Node>): void {
  const lt = concept ? CATALOG[concept].letters ?? {} : {};
  const letters: Sym[] = [];
  walk(tree, (n) => {
    const s = n.k === 'apply' ? n.head : n;
    if (s.k === 'sym' && !inScripts.has(s) && /^[qkvQKV]$/.test(s.name)) letters.push(s);
  });
  const names = new Set(letters.map((s) => s.name.toLowerCase()));
  // Q times K transposed (Q Kᵀ, (K)ᵀ in brackets) is attention's query–key product even without a V.
  let qk = false;
  walk(tree, (n) => {
    // (Q (K)ᵀ read as Q applied to K, transposed.)
    if (n.k === 'apply' && n.head.k === 'sym' && /^[qQ]$/.test(n.head.name) && isT(n.sup) && rowOf(n.arg).length === 1 && rowOf(n.arg)[0].k === 'sym' && /^[kK]$/.test((rowOf(n.arg)[0] as Sym).name)) qk = true;
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const y = n.items[i + 1];
      const k = y?.k === 'group' && y.delim === '(' && rowOf(y.body).length === 1 ? rowOf(y.body)[0] : y;
      const transposed = !!y && 'sup' in y && isT(y.sup);
      if (x.k === 'sym' && /^[qQ]$/.test(x.name) && k?.k === 'sym' && /^[kK]$/.test(k.name) && transposed) qk = true;
    });
  });
  if (!(names.has('q') && names.has('k') && (names.has('v') || qk))) return;
  const ROLE: Record<string, string> = { q: 'a query (what a position looks for)', k: 'a key (what a position offers to be matched)', v: 'a value vector (what a position passes on when attended to)' };
  for (const s of letters) if (!lt[s.name]) set(symbolKey(s), ROLE[s.name.toLowerCase()]);
  // (q_i = Q x_i: the capital that maps the input to the lower-case vector is the projection, not the queries.)
  for (const eq of equations(tree)) {
    const d = definition(eq);
    const [m, x] = d?.rhs ?? [];
    if (!d || !/^[qkv]$/.test(d.head.name) || d.rhs.length !== 2 || m.k !== 'sym' || m.name !== d.head.name.toUpperCase() || m.sup || x.k !== 'sym' || !/^[a-z]$/.test(x.name)) continue;
    set(symbolKey(m), projectionTo(d.head.name), true);
    set(symbolKey(x), 'the input (the vector the projection maps)');
  }
  // ((XQ_i)(XK_i)ᵀ: a capital right after the input X, or H, multiplies it — the projection, not the queries.)
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const y = n.items[i + 1];
      if (x.k === 'sym' && /^[XH]$/.test(x.name) && !x.sup && y?.k === 'sym' && /^[QKV]$/.test(y.name) && !y.sup) set(symbolKey(y), projectionTo(y.name), true);
    });
  });
}

/**
 * 3g′. A weight letter marked Q, K, V or O (W^Q, W_k, W^{V,(ℓ)}, W^O): the learned projection to the queries, keys,
 * values or the output of attention.
 */
/**
 * W_Q, W^K, W_v, w^Q: a projection weight's mark (the queries, keys, values or output it projects to). A lower-case
 * w with a lower-case mark (w_k, w_o) is a class's or a word's weight vector, not a projection.
 */
function projectionMark(n: Node): Sym | undefined {
  if (n.k !== 'sym' || !/^[wW]$/.test(n.name)) return undefined;
  const marks = [...rowOf(n.sub), ...rowOf(n.sup)].filter((x): x is Sym => x.k === 'sym' && /^[qkvoQKVO]$/.test(x.name) && !x.sub);
  return marks.length === 1 && (n.name === 'W' || /^[QKVO]$/.test(marks[0].name)) ? marks[0] : undefined;
}

/** The note on a learned projection to attention's queries, keys, values or output, by its letter (any case). */
const PROJECTED: Record<string, string> = { q: 'the queries', k: 'the keys', v: 'the values', o: 'the output' };
const projectionTo = (letter: string) => `a weight matrix (learned): the projection to ${PROJECTED[letter.toLowerCase()]}`;

function projectionRoles(tree: Tree, { set }: Notes, inScripts: Set<Node>): void {
  walk(tree, (n) => {
    const mark = inScripts.has(n) ? undefined : projectionMark(n);
    if (mark) set(symbolKey(n as Sym), projectionTo(mark.name));
    // (q_i = W^q a_i: the vector a projection weight multiplies is the input it projects.)
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const next = n.items[i + 1];
      // (An h is a hidden state, H the hidden states, whatever maps them.)
      if (!inScripts.has(x) && projectionMark(x) && next?.k === 'sym' && /^[axhe]$/i.test(next.name)) set(symbolKey(next), /^h$/i.test(next.name) ? `the hidden ${next.name === 'H' ? 'states' : 'state'}: the input the projection maps` : 'the input (the vector the projection maps)', true);
    });
  });
}

/** A y marked as the model's (ŷ, y′, ỹ, y_{pred}) rather than the data's. */
// (y_o, y_{o,k}: the output marked by its first index, as y_t, y_{t,k} marks the target beside it.)
// (y_p: the predicted y, as y_t − y_p writes the true one and the prediction.)
const predictedY = (s: Sym) => s.mods.some((m) => m === 'hat' || m === 'prime' || m === 'tilde') || /pred|hat|out/i.test(pretty(s.sub) + pretty(s.sup)) || /^[op](,|$)/.test(pretty(s.sub).replace(/\s/g, ''));

/**
 * 3i. Targets and predictions: a y written beside its predicted form (ŷ, y′, y_pred) is the target and that form the
 * prediction; in a loss, a plain y is the target, and the letter it is compared with — inside a log, or in a squared
 * difference with it — the model's prediction.
 */
/** Concepts that fit a model to labels outside the losses: their y is the label, what it is compared with the prediction. */
const SUPERVISED = new Set<ConceptId>(['maximum-likelihood', 'gradient-descent', 'minibatch-sgd', 'regularization', 'linear-regression', 'logistic-regression', 'empirical-risk']);

function targetRoles(tree: Tree, concept: ConceptId | null, { set }: Notes, inScripts: Set<Node>, letters: Record<string, string>): void {
  const ys: Sym[] = [];
  // (A capital Y beside its predicted Ŷ — labels of a whole batch — is read the same way.)
  walk(tree, (n) => void (n.k === 'sym' && !inScripts.has(n) && (n.name === 'y' || n.name === 'Y') && ys.push(n)));
  const predicted = ys.filter(predictedY);
  if (ys.some((y) => y.name === 'Y') && !ys.some((y) => y.name === 'Y' && predictedY(y))) ys.splice(0, ys.length, ...ys.filter((y) => y.name === 'y'));
  // (In a supervised model's step, likelihood or closed form — w ← w + η (y_i − z_i) x_i, (XᵀX)⁻¹Xᵀy — y is the label too.)
  const strictLoss = !!concept && CATALOG[concept].group === 'loss';
  const loss = strictLoss || (!!concept && SUPERVISED.has(concept));
  if (!predicted.length && !loss) return;
  // (The y a model's formula defines, y = wx + b, is its output, not a label.)
  if (!strictLoss) {
    const heads = new Set(equations(tree).map((e) => definition(e)?.head).filter((h): h is Sym => !!h));
    for (let i = ys.length - 1; i >= 0; i--) if (heads.has(ys[i])) ys.splice(i, 1);
  }
  // (Written with t beside y — t_k the targets, y_k the outputs, as many books do — t is the target and y the output.)
  const ts: Sym[] = [];
  // (Outside the losses a bare t is as often a step: only t_k, t_n, an indexed target, is read as one there.)
  walk(tree, (n) => void (n.k === 'sym' && !inScripts.has(n) && n.name === 't' && !n.mods.length && (strictLoss || !!n.sub) && ts.push(n)));
  // (So is d, the desired output, differenced with y, and a bold t with the output a: E = ½ Σ_j (y_j − d_j)², as the
  // Japanese textbooks write it; F = (t − a)ᵀ(t − a), as Hagan's Neural Network Design does.)
  const outputs: Sym[] = [];
  const plainOrBold = (x: Node | undefined, names: RegExp): x is Sym => x?.k === 'sym' && names.test(x.name) && x.mods.every((m) => m === 'bold') && !inScripts.has(x);
  walk(tree, (n) => {
    const r = n.k === 'row' ? n.items : [];
    r.forEach((x, i) => {
      const minus = (j: number) => r[j]?.k === 'op' && (r[j] as { v: string }).v === '-';
      const other = minus(i + 1) ? r[i + 2] : minus(i - 1) ? r[i - 2] : undefined;
      // (A plain t against a plain y, ‖t − y‖², is the target Bishop's books write.)
      if (plainOrBold(x, /^[dt]$/) && plainOrBold(other, /^[ya]$/) && (x.name === 'd' || x.mods.length > 0 || (!x.sub && !other.sub && !other.mods.length)) && !ts.includes(x)) {
        ts.push(x);
        if (other.name === 'a') outputs.push(other);
      }
    });
  });
  if (loss && ts.length && outputs.length && !ys.length) {
    for (const t of ts) set(symbolKey(t), 'the target (true label)');
    for (const a of outputs) set(symbolKey(a), "the prediction (the network's output)");
    return;
  }
  // (A prediction a log takes, −Σ y log ŷ, −t log y, is a predicted probability.)
  const logged = loggedNodes(tree, /^(log|ln)$/);
  // (Any place the log takes the letter counts, with any index: L(y, ŷ) = −Σ y_i log ŷ_i names ŷ first outside the log.)
  const base = (m: Sym) => `${m.name}${m.mods.join('')}`;
  const loggedBases = new Set([...logged].filter((m): m is Sym => m.k === 'sym').map(base));
  const isLogged = (y: Sym) => logged.has(y) || loggedBases.has(base(y));
  // (In the hinge loss the prediction is a raw score whose margin is judged, not a probability.)
  const prediction = concept === 'hinge-loss' ? 'the prediction: the model\'s score (its raw output, before any threshold)' : 'the prediction (the model\'s output)';
  if (loss && ts.length && ys.length && !predicted.length) {
    for (const t of ts) set(symbolKey(t), 'the target (true label)');
    for (const y of ys) set(symbolKey(y), isLogged(y) ? 'the prediction: a predicted probability (the model\'s output)' : prediction);
    return;
  }
  // (In a classifier's loss or model, what is predicted is a probability, under a log or not.)
  // (So where the formula names a cross-entropy, CE(y, ŷ), or takes 1 − ŷ, the prediction's complement.)
  let cue = false;
  walk(tree, (n) => {
    // (Or where a softmax or a sigmoid gives the prediction, ŷ = softmax(z): its values are probabilities.)
    if ((n.k === 'name' && /^(ce|bce|nll|crossentropy|cross-entropy|logloss)$/i.test(n.v)) || (n.k === 'apply' && /^(ce|bce|nll|crossentropy|softmax|sigmoid)$/i.test(n.fn))) cue = true;
    // ((1 − ŷ), also where ŷ(1 − ŷ) was read as ŷ applied to it.)
    const inner = n.k === 'group' ? rowOf(n.body) : n.k === 'apply' ? rowOf(n.arg) : [];
    if (inner.length === 3 && inner[0].k === 'num' && (inner[1] as { v?: string }).v === '-' && inner[2].k === 'sym' && inner[2].name === 'y' && predictedY(inner[2])) cue = true;
  });
  const classifier = cue || (!!concept && ['binary-cross-entropy', 'cross-entropy', 'logistic-regression', 'softmax-regression', 'negative-log-likelihood', 'softmax'].includes(concept));
  for (const y of ys) set(symbolKey(y), predictedY(y) ? (isLogged(y) || classifier ? 'the prediction: a predicted probability (the model\'s output)' : prediction) : 'the target (true label)');
  if (!loss) return;
  const isTarget = (x: Node | undefined): boolean => x?.k === 'sym' && ((x.name === 'y' && !predictedY(x)) || (x.name === 't' && !!x.sub && !x.mods.length));
  const guess = (x: Node | undefined, meaning: string) => void (x?.k === 'sym' && !isTarget(x) && !letters[x.name] && /^[a-zA-Z]$/.test(x.name) && x.name !== 'e' && set(symbolKey(x), meaning));
  walk(tree, (n) => {
    if (n.k === 'apply' && n.fn === 'log') {
      const r = rowOf(n.arg);
      const x = r.length === 1 ? r[0] : r.length === 3 && r[0].k === 'num' && r[0].raw === '1' && r[1].k === 'op' && r[1].v === '-' ? r[2] : undefined;
      guess(x, 'the predicted probability (the model\'s output)');
    }
    if (n.k === 'group' && ((n.sup && pretty(n.sup) === '2') || (n.delim === '(' && !n.sup))) {
      const r = rowOf(n.body);
      // ‖y(x) − a^L(x)‖²: the target for x against the network's output for x.
      const yOf = (x: Node | undefined): x is Extract<Node, { k: 'apply' }> => x?.k === 'apply' && x.head.k === 'sym' && x.head.name === 'y' && !x.head.mods.length;
      if (r.length === 3 && r[1].k === 'op' && r[1].v === '-' && r[0].k === 'apply' && r[2].k === 'apply' && (yOf(r[0]) || yOf(r[2]))) {
        const [target, output] = yOf(r[0]) ? [r[0], r[2]] : [r[2], r[0]];
        set(pretty(target).slice(0, 40), `the target (true label) for ${pretty(target.arg).slice(0, 30)}`);
        set(pretty(output).slice(0, 40), `the network's output (prediction) for ${pretty(output.arg).slice(0, 30)}`);
      }
      if (r.length === 3 && r[1].k === 'op' && r[1].v === '-' && (isTarget(r[0]) || isTarget(r[2]))) {
        const target = (isTarget(r[0]) ? r[0] : r[2]) as Sym;
        set(symbolKey(target), 'the target (true label)');
        guess(target === r[0] ? r[2] : r[0], 'the prediction (the model\'s output)');
      }
    }
  });
}

/**
 * 3j. A model's conditional probability P(a | b, c) — in a language model or a classifier — a is the token or class
 * predicted (the target), b and c what it is conditioned on (the inputs). Only lower-case letters are named (P(y = k | x):
 * y and x); capitals are events or random variables, and elsewhere (a VAE's p(x | z), Bayes' rule) the bar alone
 * does not say what the letters are.
 */
/**
 * P(y | x; θ), p(t_i = 1 | x_i, W): the supervised reading of a conditional — the y or t before the bar is the label
 * predicted (the target), the x after it the input, θ, W, w, β after a `;` the parameters. Not in Bayes' rule and the
 * chain rule of probability, whose letters are any events. (Other letters, as x and z of a latent-variable model, are
 * left to the concept or their shape.)
 */
function supervisedConditionalRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (concept === 'bayes-rule' || concept === 'probability-chain-rule') return;
  for (const { r, bar, outcome } of conditionals(tree, /^[pP]$/)) {
    const label = outcome.k === 'sym' && /^[ytYT]$/.test(outcome.name) && !outcome.mods.some((m) => m === 'hat' || m === 'tilde') && (bar === 1 || (r[1].k === 'op' && r[1].v === '='));
    if (!label) continue;
    const semi = r.findIndex((x, i) => i > bar && x.k === 'op' && x.v === ';');
    const given = r.slice(bar + 1, semi < 0 ? r.length : semi);
    const inputs = given.filter((x): x is Sym => x.k === 'sym' && /^[xX]$/.test(x.name));
    if (!inputs.length) continue;
    set(symbolKey(outcome as Sym), 'the label being predicted (the target)');
    for (const x of inputs) set(symbolKey(x), 'the input the prediction is conditioned on');
    for (const x of semi < 0 ? [] : r.slice(semi + 1)) if (x.k === 'sym' && /^(theta|Theta|W|w|beta)$/.test(x.name)) set(symbolKey(x), 'the parameters of the model');
  }
}

/** Each probability written with a bar (p(y | x), q(z | x)): its argument row, where the bar stands, what stands first. */
function conditionals(tree: Tree, fns: RegExp): Array<{ r: Node[]; bar: number; outcome: Node }> {
  const out: Array<{ r: Node[]; bar: number; outcome: Node }> = [];
  walk(tree, (n) => {
    if (n.k !== 'apply' || !fns.test(n.fn)) return;
    const r = rowOf(n.arg);
    const bar = r.findIndex((x) => x.k === 'op' && x.v === '|');
    if (bar >= 1) out.push({ r, bar, outcome: r[0] });
  });
  return out;
}

function conditionalRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept) return;
  if (['lm', 'linear', 'loss'].includes(CATALOG[concept].group)) return conditionalLetters(tree, set);
  if (CATALOG[concept].group !== 'word-vectors') return;
  // (Negative sampling's P(D = 1 | w, c): D says whether the pair came from the text, the label a logistic model predicts.)
  for (const { r } of conditionals(tree, /^[pP]$/)) {
    const d = r[0];
    if (d.k === 'sym' && d.name === 'D' && r[1]?.k === 'op' && r[1].v === '=' && r[2]?.k === 'num' && (r[2].v === 0 || r[2].v === 1)) set(symbolKey(d), 'whether the pair was seen in the text: the label, D = 1 for a true pair, D = 0 for a noise pair');
  }
  // (In word vectors, letters the concept names — a skip-gram's centre word c — keep their meaning.)
  const letters = conceptLetters(concept, tree);
  conditionalLetters(tree, (key, meaning) => void (key && !Object.keys(letters).some((l) => key === l || key.startsWith(`${l}_`)) && set(key, meaning)));
}

/**
 * p(w_t | w_{t−1}, …, w_1), P(c | x): the letter a probability is written for is what is predicted and the letters after
 * the bar what it is conditioned on. (A latent model's p(x | z) is left alone: z is no input.)
 */
/**
 * p(x | θ), p(x; θ), L(θ | X), P_θ(y | x): θ (Θ) written after the bar or the semicolon of a probability or a
 * likelihood is the model's parameters, whatever the concept.
 */
function parameterArgRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k !== 'apply' || !/^([pPqL]|ell)$/.test(n.fn)) return;
    const r = rowOf(n.arg);
    const at = r.findIndex((x) => x.k === 'op' && (x.v === '|' || x.v === ';'));
    if (at < 1) return;
    for (const x of r.slice(at + 1)) if (x.k === 'sym' && /^(theta|Theta)$/.test(x.name) && !x.mods.includes('hat')) set(symbolKey(x), 'the parameters of the model (the probability is computed with them)');
  });
}

function conditionalLetters(tree: Tree, set: Notes['set'], latentToo = true): void {
  const plain = (x: Node): x is Sym => x.k === 'sym' && /^[a-z]$/.test(x.name);
  // (The data matrix X after the bar, P(y | X), is the input as well.)
  const given = (x: Node): x is Sym => x.k === 'sym' && /^([a-z]|X)$/.test(x.name);
  for (const { r, bar, outcome } of conditionals(tree, /^[pPq]$/)) {
    if (!latentToo && r.some((x) => x.k === 'sym' && x.name === 'z')) continue;
    // (The same letter after the bar, P(w_t | w_{t−1}, …, w_1): a word of the sequence the model reads, the one predicted
    // here from the words before it.)
    const ofSequence = plain(outcome) && bar === 1 && r.slice(2).some((x) => x.k === 'sym' && x.name === outcome.name && !!(x.sub || x.sup));
    if (ofSequence) set(symbolKey(outcome), 'a token of the sequence (the model’s input), here the one being predicted (the target) from the tokens before it');
    else if (plain(outcome) && (bar === 1 || (r[1].k === 'op' && r[1].v === '='))) set(symbolKey(outcome), 'the token or class being predicted (the target)');
    if (bar === 3 && r[1].k === 'op' && r[1].v === '=' && plain(r[2])) set(symbolKey(r[2]), `a class (the value ${pretty(outcome)} takes; an index over the classes)`);
    // (w and θ after the bar are the model's parameters, not an input: P(y = k | x, w).)
    // (A bare w beside the input x is the weights; with subscripts, w_{i−1}, it is a word.)
    const params = (x: Sym) => x.name === 'theta' || (x.name === 'w' && !x.sub && r.some((y) => y.k === 'sym' && /^[xX]$/.test(y.name)));
    for (const x of r.slice(bar + 1)) if (given(x)) set(symbolKey(x), params(x) ? 'the parameters of the model' : 'what the prediction is conditioned on (the input)');
  }
}

/** The recurrent state, described: a GRU written with c (c^{⟨t⟩}, as Andrew Ng's course writes it) calls it the memory cell. */
function stateAt(x: Sym, concept: ConceptId, when: string, note = '', defined = false): string {
  const state = concept === 'gru' && x.name === 'c' ? `the memory cell ${when} (in a GRU the cell is the hidden state itself)` : `the hidden state ${when}${note ? ` (${note})` : ''}`;
  return defined ? `${state} — defined here` : state;
}

/**
 * 3k. A recurrence in a network: the letter defined at step t from its own value at step t − 1 (s_t = tanh(U x_t +
 * W s_{t−1})) is the recurrent hidden state, unless the concept names the letter (an LSTM's cell c_t).
 */
function recurrentRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || CATALOG[concept].group !== 'network') return;
  const letters = conceptLetters(concept);
  for (const eq of equations(tree)) {
    const d = definition(eq);
    // (The step as a subscript, h_t, or a superscript, c^{⟨t⟩}.)
    if (!d || letters[d.head.name] || stepText(d.head) !== 't') continue;
    let previous: Sym | null = null;
    for (const x of d.rhs) walk(x, (m) => void (m.k === 'sym' && m.name === d.head.name && stepText(m) === 't−1' && (previous = m)));
    if (!previous) continue;
    // (H̃_t from H_{t−1} in a gated cell is the candidate, not the state.)
    if (candidateState(d.head, concept)) {
      set(symbolKey(d.head), 'the candidate (proposed new) state the gates mix in — defined here');
      continue;
    }
    set(symbolKey(d.head), stateAt(d.head, concept, 'at step t', 'the recurrent state', true));
    set(symbolKey(previous), stateAt(previous, concept, 'at the previous step'));
  }
  // W z_{t−1}, U h^{(t−1)}, W s_0: in a recurrent network, what a weight matrix multiplies at the step before (or at the
  // start) is the previous hidden state, whatever its letter.
  if (!['rnn', 'lstm', 'gru', 'bidirectional-rnn', 'seq2seq', 'backpropagation-through-time'].includes(concept)) return;
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const w = n.items[i - 1];
      const idx = x.k === 'sym' ? pretty(x.sub ?? x.sup).replace(/[()]/g, '') : '';
      if (x.k !== 'sym' || /^[xXyY]$/.test(x.name) || letters[x.name] || !(idx === 't−1' || idx === '0') || !(w?.k === 'sym' && /^[WU]$/.test(w.name))) return;
      set(symbolKey(x), stateAt(x, concept, 'at the previous step', 'what the recurrent weights multiply'));
    });
    // [a^{⟨t−1⟩}, x^{⟨t⟩}], [c(t−1), x(t)]: the state of the step before, joined with the step's input.
    if (n.k === 'row') {
      for (const g of n.items) {
        if (g.k !== 'group' || g.delim !== '[') continue;
        const parts = argParts(rowOf(g.body));
        const one = parts.map((p) => (p.length === 1 && p[0].k === 'sym' ? (p[0] as Sym) : null));
        // (The input may have another letter, [h_{t−1}, e_t], when it is the one at this step beside the state.)
        const input = (y: Sym | null) => !!y && (/^[xX]$/.test(y.name) || (stepText(y) === 't' && !/^[hHsScCyY]$/.test(y.name) && !letters[y.name]));
        if (parts.length !== 2 || !one[0] || !one[1] || stepText(one[0]) !== 't−1' || !input(one[1]) || /^[xXyY]$/.test(one[0].name)) continue;
        if (!letters[one[0].name]) set(symbolKey(one[0]), stateAt(one[0], concept, 'at the previous step', 'joined with the input'));
        set(symbolKey(one[1]), 'the input at this step');
      }
    }
  });
}

/**
 * A variational model's letters: in an ELBO or a KL between an encoder's q and a prior or decoder, z is the latent
 * variable, μ and σ the mean and standard deviation of the Gaussian, φ the encoder's parameters (the subscript of q,
 * or beside θ in ℒ(θ, φ)) and θ the decoder's.
 */
function variationalRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || !['elbo', 'kl-divergence', 'autoencoder'].includes(concept)) return;
  let encoder = false;
  const letters: Sym[] = [];
  walk(tree, (n) => void (n.k === 'apply' && n.fn === 'q' ? (encoder = true) : n.k === 'sym' && letters.push(n)));
  for (const x of letters) {
    if (x.name === 'z' && encoder) set(symbolKey(x), 'the latent variable (the code the encoder gives)');
    if (x.name === 'mu') set(symbolKey(x), "the mean of the Gaussian");
    if (x.name === 'sigma') set(symbolKey(x), 'the standard deviation of the Gaussian (its spread)');
    if ((x.name === 'phi' || x.name === 'varphi') && encoder) set(symbolKey(x), "the encoder's parameters");
    if (x.name === 'theta' && encoder) set(symbolKey(x), "the decoder's parameters");
  }
}

/**
 * v_{c−m}, …, v_{c+m}, u_{c−m+j}: a vector at an offset from the centre position c is a context word's vector.
 */
function contextOffsetRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (concept && !WORD_VECTOR_CONCEPTS.has(concept)) return;
  walk(tree, (n) => {
    if (n.k !== 'sym' || !['u', 'v'].includes(n.name)) return;
    const off = (n.sub ? pretty(n.sub) : n.sup ? pretty(n.sup) : '').replace(/\s/g, '');
    if (/^c[−+-][a-z0-9]+([−+-][a-z0-9]+)?$/.test(off)) set(symbolKey(n), `the vector of a context word (position ${off})`);
  });
}

/**
 * (y_n − t_n), (t_k − y_k) in a gradient step: with t beside y — t the targets, y the outputs, as many books write
 * them — the error of one output.
 */
function residualRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || CATALOG[concept].group !== 'training') return;
  walk(tree, (n) => {
    if (n.k !== 'group') return;
    const r = rowOf(n.body);
    if (r.length !== 3 || r[1].k !== 'op' || r[1].v !== '-' || r[0].k !== 'sym' || r[2].k !== 'sym') return;
    const [a, b] = [r[0], r[2]];
    const y = [a, b].find((x) => x.name === 'y' && !x.mods.length);
    const t = [a, b].find((x) => x.name === 't' && !x.mods.length);
    if (!y || !t) return;
    set(symbolKey(t), 'the target (true label)');
    set(symbolKey(y), "the prediction (the model's output)");
  });
}

/**
 * 3l. A derivative of a loss (∂L/∂W, dJ/dθ): the letter differentiated is the loss, and what it is differentiated with
 * respect to is what training adjusts — a weight (w, W, U, V), the parameters (θ, Θ) or a bias (b). A loss letter is the
 * loss whatever it is differentiated against, and a weight or θ a derivative is taken against is one, whatever is
 * differentiated.
 */
function derivativeRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  // (The letters the concept names keep their meaning: an LSTM's C_t is its cell, not a step's loss.)
  const letters = conceptLetters(concept, tree);
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    const num = rowOf(n.num);
    const den = rowOf(n.den);
    const d = (r: Node[]) => r.length === 2 && r[0].k === 'sym' && (r[0].name === 'partial' || r[0].name === 'd') && r[1].k === 'sym' ? r[1] : null;
    const loss = d(num);
    const wrt = d(den);
    // (∂/∂θ ℓ(x_i, y_i): the operator written apart, the loss applied after it.)
    const after = num.length === 1 && num[0].k === 'sym' && num[0].name === 'partial' && wrt ? nextOf(tree, n) : undefined;
    if (after?.k === 'apply' && after.head.k === 'sym' && LOSS_LETTER_OR_L.test(after.head.name)) (set(symbolKey(after.head), 'the loss being differentiated'), withRespectTo(wrt!, set));
    // (∂/∂w_j E_i: one example's loss, written after the operator.)
    if (after?.k === 'sym' && LOSS_LETTER.test(after.name) && !after.sup) (set(symbolKey(after), after.sub ? `the loss of one example or step (${pretty(after.sub)}), being differentiated` : 'the loss being differentiated'), withRespectTo(wrt!, set));
    // (∂E_t/∂W, ∂L_i/∂z: the loss of one step or example; ∂E_{CE}/∂Θ: the loss its subscript names.)
    const indexed = num.length === 2 && (num[0].k === 'sym' && (num[0].name === 'partial' || num[0].name === 'd')) && num[1].k === 'sym' && /^(L|J|E|C)$/.test(num[1].name) && !letters[num[1].name] && !!num[1].sub && !num[1].sup ? num[1] : null;
    if (indexed && wrt) {
      const sub = pretty(indexed.sub);
      set(symbolKey(indexed), /^[a-z]$|^[a-z][+−-]1$/.test(sub) ? `the loss of one example or step (${sub}), being differentiated` : 'the loss being differentiated');
      withRespectTo(wrt, set);
    }
    if (!loss || !wrt || !LOSS_LETTER_OR_L.test(loss.name)) return;
    set(symbolKey(loss), 'the loss being differentiated');
    withRespectTo(wrt, set);
  });
  // L = (1/T) Σ_t L_t, E = (1/m) Σ_i E_i, L = (L_0 + L_1 + … + L_{T−1})/T: a loss letter averaged or summed over its own
  // indexed terms is the total loss, and each term the loss of one example or step.
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (!d || !LOSS_LETTER_OR_L.test(d.head.name) || d.head.sup) continue;
    const terms: Sym[] = [];
    let multiplied = false;
    // (Each term stands alone between plus signs or after the sum: C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t multiplies its terms.)
    const alone = (x: Node | undefined) => !x || (x.k === 'op' && ['+', ',', '\\dots', '…'].includes(x.v)) || (x.k === 'big' && x.v === 'sum');
    walk({ k: 'row', items: d.rhs } as Tree, (r) => {
      if (r.k !== 'row') return;
      r.items.forEach((x, i) => {
        if (x.k !== 'sym' || x.name !== d.head.name || !x.sub || x.mods.length) return;
        terms.push(x);
        const next = r.items[i + 1];
        if (!alone(r.items[i - 1]) || !(alone(next) || next.k === 'group' || (next.k === 'op' && next.v === '.'))) multiplied = true;
      });
    });
    const summed = d.rhs.some((x) => x.k === 'big' && x.v === 'sum') || terms.length >= 2;
    if (!terms.length || !summed || multiplied || d.rhs.some((x) => x.k === 'apply' && /^(log|ln|exp)$/.test(x.fn))) continue;
    set(symbolKey(d.head), 'the loss (objective) over all examples or steps — defined here');
    for (const t of terms) set(symbolKey(t), `the loss of one example or step (${pretty(t.sub)})`);
  }
  // ∇_W E, ∇ q_i(w): the function a gradient is taken of is the loss; the letter under ∇, what it is taken with respect to.
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      if (x.k !== 'sym' || x.name !== 'nabla') return;
      const of = n.items[i + 1];
      const fn = of?.k === 'apply' && of.head.k === 'sym' ? of.head : of?.k === 'sym' && /^(L|J|E|ell|C|Q|R|f|g|q|l)$/.test(of.name) ? of : undefined;
      if (fn && /^(L|J|E|ell|C|Q|R|f|g|q|l)$/.test(fn.name) && !fn.mods.includes('bb')) set(symbolKey(fn), 'the loss (objective) whose gradient is taken');
      const wrt = rowOf(x.sub).find((y): y is Sym => y.k === 'sym');
      if (wrt) withRespectTo(wrt, set);
    });
  });
  // ∂h_t/∂W_{xh}, ∂E(w)/∂w^{(L)}_{ji}: a weight or the parameters a derivative is taken with respect to, whatever is
  // differentiated. (A b differentiated against in a graph of letters, ∂y/∂b, is as often a node as a bias, and V as often
  // the values or a velocity as a weight: left alone.)
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    const den = rowOf(n.den);
    const wrt = den.length === 2 && den[0].k === 'sym' && (den[0].name === 'partial' || den[0].name === 'd') && den[1].k === 'sym' ? den[1] : null;
    if (wrt && /^(w|W|U|theta|Theta)$/.test(wrt.name) && !letters[wrt.name] && rowOf(n.num).length >= 1) withRespectTo(wrt, set, 'the derivative is taken');
  });
  // ∂E/∂l_i, ∂C/∂w: a loss letter differentiated, whatever it is differentiated with respect to.
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    const num = rowOf(n.num);
    const den = rowOf(n.den);
    const dee = (x: Node | undefined) => x?.k === 'sym' && (x.name === 'partial' || x.name === 'd');
    if (num.length === 2 && dee(num[0]) && dee(den[0]) && num[1].k === 'sym' && LOSS_LETTER.test(num[1].name) && !letters[num[1].name] && !num[1].mods.includes('bb')) set(symbolKey(num[1]), 'the loss being differentiated');
  });
}

/**
 * δ in backpropagation's notation. Where the formula differentiates (∂, d, ∇, f′), takes a training step (←, Δw, η,
 * w = w − …) or uses δ more than once (δ_j through δ_k, δ^{(l)} through δ^{(l+1)}), or defines δ by a product, δ_j,
 * δ^{(l)} and δ^l_k are the error term: the gradient of the loss with respect to a unit's weighted input (also where a
 * bracket follows, δ^{(3)}(W^{(2)})^T, a product and no function). δ written before a letter the formula uses again
 * (δh_t = ∂L/∂h_t, w + δw) is the gradient with respect to that letter. δ_{ij} beside a plus or minus sign (δ_{ij} − p_j)
 * is Kronecker's delta; a δ added beside a square root keeps a division finite and is left to its shape.
 */
function errorTermRoles(tree: Tree, { set }: Notes): void {
  const deltas: Sym[] = [];
  const names = new Map<string, number>();
  let calculus = derivativeDs(tree).size > 0;
  walk(tree, (n) => {
    const head = n.k === 'apply' && n.head.k === 'sym' && n.head.name === 'delta' ? n.head : n.k === 'sym' && n.name === 'delta' ? n : null;
    if (head && !deltas.includes(head)) deltas.push(head);
    if (n.k === 'sym') names.set(n.name, (names.get(n.name) ?? 0) + 1);
    if (n.k === 'sym' && (/^(nabla|partial|prime|eta|Delta)$/.test(n.name) || n.mods.includes('prime'))) calculus = true;
    if ((n.k === 'apply' && /['′]$/.test(n.fn)) || (n.k === 'op' && n.v === '←')) calculus = true;
  });
  if (!deltas.length) return;
  // (w_{new} = w − α δ: a letter defined from itself minus a step.)
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (d && d.rhs[0]?.k === 'sym' && d.rhs[0].name === d.head.name && d.rhs.some((x) => x.k === 'op' && ['-', '−'].includes(x.v))) calculus = true;
  }
  const kronecker = new Set<Sym>();
  const apart = new Set<Node>();
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      if (x.k !== 'sym' || x.name !== 'delta') return;
      const sub = rowOf(x.sub);
      const sign = (y: Node | undefined) => y?.k === 'op' && ['+', '-', '−'].includes(y.v);
      if (!x.sup && sub.length === 2 && sub.every((s) => s.k === 'sym' && /^[a-z]$/.test(s.name) && !s.sub) && (sign(n.items[i - 1]) || sign(n.items[i + 1]))) (kronecker.add(x), apart.add(x));
      if ((sign(n.items[i - 1]) || sign(n.items[i + 1])) && n.items.some((y) => y.k === 'sqrt')) apart.add(x);
      const next = n.items[i + 1];
      if (!x.sub && !x.sup && next?.k === 'sym' && /^([a-zA-Z]|theta|Theta)$/.test(next.name) && (names.get(next.name) ?? 0) >= 2) {
        apart.add(x);
        if (calculus) set(pretty({ k: 'row', items: [x, next] }), `the gradient of the loss with respect to ${pretty(next)} (δ before a letter marks its gradient)`);
      }
    });
  });
  const error = deltas.filter((d) => !apart.has(d));
  const definedByProduct = equations(tree).some((eq) => {
    const d = definition(eq);
    return !!d && d.head.name === 'delta' && d.rhs.filter((x) => x.k !== 'op').length >= 2 && !d.rhs.some((x) => x.k === 'env');
  });
  const distinct = new Set(error.map((d) => symbolKey(d))).size;
  if (!(calculus || distinct >= 2 || definedByProduct)) return;
  for (const d of error) set(symbolKey(d), "the error term (backpropagation's δ): the gradient of the loss with respect to the unit's weighted input");
  for (const d of kronecker) set(symbolKey(d), `Kronecker's delta: 1 where ${pretty(rowOf(d.sub)[0])} = ${pretty(rowOf(d.sub)[1])}, else 0`);
}

/**
 * A bidirectional network's two states: letters marked with a right arrow and a left arrow (h⃗_t, h⃖_t), where both
 * directions are written or the concept is the bidirectional RNN, are the forward and the backward hidden states.
 */
function directionRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  const marked: Sym[] = [];
  walk(tree, (n) => void (n.k === 'sym' && (n.mods.includes('fwd') || n.mods.includes('bwd')) && marked.push(n)));
  const both = marked.some((x) => x.mods.includes('fwd')) && marked.some((x) => x.mods.includes('bwd'));
  if (!marked.length || !(both || concept === 'bidirectional-rnn')) return;
  for (const x of marked) if (/^[hsaHSAz]$/.test(x.name)) set(symbolKey(x), x.mods.includes('fwd') ? 'the forward hidden state (the sequence read left to right)' : 'the backward hidden state (the sequence read right to left)');
}

/**
 * A cross-entropy written −Σ t_j log x_j, −Σ p_i log q_i: the letter weighting the log is the target (the true
 * distribution, or a one-hot label) and the letter the log takes the predicted probability.
 */
function weightedLogRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (!concept || !['cross-entropy', 'binary-cross-entropy', 'negative-log-likelihood'].includes(concept)) return;
  const letters = conceptLetters(concept, tree);
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((a, i) => {
      const log = n.items[i + 1]?.k === 'op' && ['*', '·', '∗'].includes((n.items[i + 1] as { v: string }).v) ? n.items[i + 2] : n.items[i + 1];
      if (a.k !== 'sym' || !/^[a-zA-Z]$/.test(a.name) || letters[a.name] || log?.k !== 'apply' || !/^(log|ln)$/.test(log.fn)) return;
      const arg = rowOf(log.arg);
      if (arg.length !== 1 || arg[0].k !== 'sym' || pretty(arg[0]) === pretty(a) || (arg[0].name === a.name && !a.mods.length === !arg[0].mods.length)) return;
      set(symbolKey(a), 'the target: the true distribution (or one-hot label) the log-probabilities are weighted by');
      if (!letters[arg[0].name]) set(symbolKey(arg[0]), "the prediction: a predicted probability (the model's output)");
    });
  });
}

/** head_i, head_1 … head_h of multi-head attention, written as a word: one attention head's output. */
function headRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => void (n.k === 'sym' && /^head$/i.test(n.name) && set(symbolKey(n), `one attention head's output${n.sub ? ` (head ${pretty(n.sub)})` : ''}: attention over that head's projections of Q, K and V`)));
}

/**
 * σ′(z^l), g′(Z), f′(z_j), Σ′(z^l): the letter an activation's derivative is taken at is the pre-activation (the weighted
 * input), whatever else the formula differentiates.
 */
function primedActivationRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  const letters = conceptLetters(concept, tree);
  const stepped = tree.items.some((x) => x.k === 'op' && /^(←|:=|-=|\+=)$/.test(x.v)) || concept === 'gradient-descent' || concept === 'minibatch-sgd';
  walk(tree, (n) => {
    if (n.k !== 'apply' || n.head.k !== 'sym' || !/^(sigma|Sigma|f|g|h|phi|varphi)$/.test(n.head.name)) return;
    const primed = n.head.mods.includes('prime') || (!!n.head.sup && /^(′|'|prime)$/.test(pretty(n.head.sup).trim()));
    const r = rowOf(n.arg);
    // (The letter unprimed, f of f′(·), is the activation function whose slope this is.)
    const unprimed = { ...n.head, mods: n.head.mods.filter((m) => m !== 'prime'), sup: undefined };
    // (Not in a step, x ← x − η f′(x), where f is the objective the step descends.)
    if (primed && r.length === 1 && r[0].k === 'sym' && !stepped && !letters[pretty(unprimed)] && !letters[unprimed.name]) set(symbolKey(unprimed), 'the activation function (the nonlinearity) whose derivative is taken here');
    // (a as well: books that call the activation z write the weighted input a, h′(a_j).)
    if (!primed || r.length !== 1 || r[0].k !== 'sym' || !/^[zZuUa]$/.test(r[0].name)) return;
    if (!letters[r[0].name]) set(symbolKey(r[0]), 'the pre-activation (the weighted input) the derivative of the activation is taken at');
    // (The primed letter itself is the activation function's slope there, not some function of z, nor σ itself.)
    set(symbolKey(n.head), `the derivative of the activation function ${pretty(unprimed)}: its slope at the pre-activation`);
  });
}

/** H(p, q), H(ŷ, y): the cross-entropy of two distributions, a loss. */
function crossEntropyRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  const letters = conceptLetters(concept, tree);
  walk(tree, (n) => {
    if (n.k === 'apply' && n.head.k === 'sym' && n.head.name === 'H' && !n.head.sub && !letters.H && rowOf(n.arg).filter((x) => x.k === 'op' && x.v === ',').length === 1) {
      const meaning = 'the cross-entropy of the two distributions (a loss)';
      set(symbolKey(n.head), meaning);
      if (distributionPair(rowOf(n.arg), ',', set)) set(pretty(n), meaning);
    }
    // (D_KL(P ‖ Q), KL(p||q), D(P ‖ Q): a divergence's two distributions.)
    const divergence = n.k === 'apply' && ((n.head.k === 'sym' && n.head.name === 'D') || (n.head.k === 'name' && /^d?kl$/i.test(n.head.v)));
    if (divergence && distributionPair(rowOf(n.arg), '‖', set)) set(pretty(n), 'the KL divergence between the two distributions: how far the second is from the first (never negative)');
  });
}

/**
 * The two distributions a cross-entropy H(P, Q) or a divergence D_KL(P ‖ Q) compares, when each is a bare letter: the
 * first the true (reference) distribution, the second the one compared with it (the model's).
 */
function distributionPair(arg: Node[], sep: ',' | '‖', set: Notes['set']): boolean {
  // (A double bar typed as two, `P || Q`, is one.)
  const joined: Node[] = [];
  for (const x of arg) {
    const prev = joined[joined.length - 1];
    if (x.k === 'op' && x.v === '|' && prev?.k === 'op' && prev.v === '|') joined[joined.length - 1] = { k: 'op', v: '‖' };
    else joined.push(x);
  }
  const parts: Node[][] = [[]];
  for (const x of joined) (x.k === 'op' && x.v === sep ? parts.push([]) : parts[parts.length - 1].push(x));
  const bare = parts.map((p) => (p.length === 1 && p[0].k === 'sym' && /^[PQpqRr]$/.test(p[0].name) && !p[0].sub && !p[0].sup ? p[0] : null));
  if (parts.length !== 2 || !bare[0] || !bare[1] || bare[0].name === bare[1].name) return false;
  set(symbolKey(bare[0]), 'the true probability distribution (the reference the other is compared with)');
  set(symbolKey(bare[1]), 'the other probability distribution (usually the model\'s), compared with the true one');
  return true;
}

/** Every node a log (the functions `fns` names) takes, anywhere in the formula. */
function loggedNodes(tree: Tree, fns: RegExp): Set<Node> {
  const logged = new Set<Node>();
  walk(tree, (n) => void (n.k === 'apply' && fns.test(n.fn) && walk(n.arg, (m) => void logged.add(m))));
  return logged;
}

/** The node written right after `target` in its row, if any. */
function nextOf(tree: Tree, target: Node): Node | undefined {
  let found: Node | undefined;
  walk(tree, (n) => {
    if (found || n.k !== 'row') return;
    const i = n.items.indexOf(target);
    if (i >= 0) found = n.items[i + 1];
  });
  return found;
}

/** The letter a loss is differentiated with respect to: a weight, the parameters or a bias. */
function withRespectTo(wrt: Sym, set: Notes['set'], what = 'the loss is differentiated'): void {
  if (/^(w|W|U|V)$/.test(wrt.name)) set(symbolKey(wrt), `a weight (${what} with respect to it)`);
  else if (/^(theta|Theta)$/.test(wrt.name)) set(symbolKey(wrt), `the parameters (${what} with respect to them)`);
  else if (wrt.name === 'b') set(symbolKey(wrt), `a bias (${what} with respect to it)`);
}

/**
 * 3m. Attention's output: a letter defined as a sum of weights times vectors (c_t = Σ_j α_{tj} h_j) in an attention
 * formula is the attention output — the context vector.
 */
function attentionSumRoles(tree: Tree, concept: ConceptId | null, { set }: Notes, attention: boolean): void {
  if (!attention) return;
  for (const eq of equations(tree)) {
    const d = definition(eq);
    const r = (d?.rhs ?? []).filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '&')));
    if (d && r.length === 3 && r[0].k === 'big' && r[0].v === 'sum' && r[1].k === 'sym' && r[2].k === 'sym' && !conceptLetters(concept)[d.head.name]) {
      set(symbolKey(d.head), 'the attention output: the weighted sum of the vectors attended to (the context vector) — defined here');
    }
  }
}

/**
 * 3n. Wherever it stands: y compared with a model's output (h_θ(x_i) − y_i, ŷ − y) or given to a loss beside it
 * (L(y_i, f(x_i))) is the target; the lone letter added right after a weighted product (wᵀx + b, W h + b) is the bias;
 * the letter dividing a sum's average (1/m Σ …, α/m) is how many terms there are.
 */
function comparisonRoles(tree: Tree, { set }: Notes): void {
  const plainY = (x: Node | undefined): x is Sym => x?.k === 'sym' && x.name === 'y' && !predictedY(x);
  const modelled = (x: Node | undefined) => !!x && (x.k === 'apply' || (x.k === 'sym' && predictedY(x)));
  walk(tree, (n) => {
    if (n.k === 'apply' && /^(L|ell|l|J)$/.test(n.fn) && rowOf(n.arg).some(modelled)) for (const x of rowOf(n.arg)) if (plainY(x)) set(symbolKey(x), 'the target (true label)');
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const a = n.items[i - 1];
      const b = n.items[i + 1];
      if (x.k === 'op' && x.v === '-' && ((plainY(b) && modelled(a)) || (plainY(a) && modelled(b)))) set(symbolKey((plainY(b) ? b : a) as Sym), 'the target (true label)');
      const product = a?.k === 'sym' && n.items[i - 2]?.k === 'sym' && (isT((n.items[i - 2] as Sym).sup) || matrixLetter(n.items[i - 2]));
      if (x.k === 'op' && x.v === '+' && product && b?.k === 'sym' && /^[a-z]$/.test(b.name) && (!n.items[i + 2] || n.items[i + 2].k === 'op')) set(symbolKey(b), 'the bias (added after the weights)');
      const next = n.items[i + 1];
      // (1/m, and 1/(2m) with the ½ of a squared error folded in.)
      const den = rowOf(x.k === 'frac' ? x.den : undefined);
      const count = den.length === 1 ? den[0] : den.length === 2 && den[0].k === 'num' ? den[1] : undefined;
      if (x.k === 'frac' && count?.k === 'sym' && /^[a-zA-Z]$/.test(count.name) && next?.k === 'big' && next.v === 'sum') set(symbolKey(count), 'how many terms are averaged (a count)');
    });
  });
}

/** 3n′. A range an index runs over, `2 ≤ l ≤ L`, `1 ≤ t ≤ T`: the upper end counts the layers, the steps, or the index's values. */
function indexRangeRoles(tree: Tree, { set }: Notes): void {
  const below = (x: Node | undefined) => x?.k === 'op' && (x.v === '≤' || x.v === '<');
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const [lo, index, top] = [n.items[i - 3], n.items[i - 1], n.items[i + 1]];
      // (A lower-case top that counts by custom, n, m, d, from a number: `max_{1 ≤ j ≤ n}`.)
      const counted = top?.k === 'sym' && (/^[A-Z]$/.test(top.name) || (/^[nmd]$/.test(top.name) && lo?.k === 'num'));
      if (!below(x) || !below(n.items[i - 2]) || index?.k !== 'sym' || top?.k !== 'sym' || !!top.sub || !counted || (lo?.k !== 'num' && lo?.k !== 'sym')) return;
      if (index.sub || index.sup || !/^([a-z]|ell)$/.test(index.name)) return;
      const what = /^(l|ell)$/.test(index.name) ? 'the number of layers (the index of the last one)' : index.name === 't' ? 'the number of steps (the last step)' : `the largest value the index ${pretty(index)} takes (a count)`;
      set(symbolKey(top), what);
    });
  });
}

/**
 * 3o. Code notation for gradients (dW, db, dx, dW_{ax}, da^{<t>} written as a d against a letter, outside any fraction): the gradient of
 * the loss with respect to that letter; the d itself is no letter of its own.
 */
function codeGradientRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k === 'frac') return false;
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const y = n.items[i + 1];
      const before = n.items[i - 1];
      // (After a rate, a number or a sum, `w − α dw`, `0.9 dW`, `1/m dZ`, `Σ_i dZ^{(i)}`; a numbered letter, `dw1`, too.)
      const after = !before || before.k === 'op' || before.k === 'num' || before.k === 'big' || (before.k === 'sym' && /^(alpha|eta|lambda|epsilon|gamma|beta|sigma|mu|rho|tau|kappa)$/.test(before.name)) || (before.k === 'frac' && rowOf(before.num).every((z) => z.k === 'num'));
      // (A layer in brackets above the letter, dW^{[l]}, dZ^{[2]}, and a bold d, as the course notation writes them.)
      const d = x.k === 'sym' && x.name === 'd' && !x.sub && !x.sup && x.mods.every((m) => m === 'bold');
      // (A step in brackets above it, Andrew Ng's da^{<t>} read as da^{(t)}, and a weight's short label below, dW_{ax}, too.)
      if (d && y?.k === 'sym' && /^[A-Za-z]$/.test(y.name) && (!y.sub || /^(\d|[a-z]{1,3})$/.test(pretty(y.sub))) && (!y.sup || /^(\[[^\]]{1,6}\]|\([^()]{1,6}\))/.test(pretty(y.sup))) && after) {
        set(`d${pretty(y)}`, `the gradient of the loss with respect to ${pretty(y)} (code notation d${pretty(y)})`, true);
        set('d', '');
      }
    });
  });
}

/** A one-letter index-like symbol of a sub/superscript (i, j, t, ℓ), not a label (W_O, w_I) and no word. */
const indexLetter = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && (/^[a-z]$/.test(x.name) || x.name === 'ell') && !x.sub && !x.sup && !x.mods.length;

/**
 * 5. Letters the scripts hold: in ℝ^{T×d} each letter is the size of a dimension; a letter shifted by one (t − 1 in
 * h_{t−1}, W(t+1)) is a step index; a one-letter subscript or parenthesised superscript (x_i, A_{ij}, W^{(l)}) is an
 * index; a letter subtracted from an index (u_{i−k}) an offset; the last subscript of a list x_1, …, x_N the count.
 */
/** The item at i is the x of `1 − x` (the normaliser writes every minus sign as `-`). */
const takenFromOne = (items: Node[], i: number): boolean => {
  const one = items[i - 2];
  const minus = items[i - 1];
  return one?.k === 'num' && one.v === 1 && minus?.k === 'op' && minus.v === '-';
};

/** x^t, w^{k−1}, θ^{t+1}: a parameter or point with its step (t, k, τ) as a superscript, not a power. */
const iterateStep = (n: Sym) => /^(w|W|x|theta|v|b|m|g|u|z|a|h|y|s|c)$/.test(n.name) && !n.mods.includes('bb') && /^(t|k|tau)$/.test((rowOf(n.sup)[0] as Sym | undefined)?.name ?? '') && rowOf(n.sup)[0].k === 'sym' && (rowOf(n.sup).length === 1 || (rowOf(n.sup).length === 3 && rowOf(n.sup)[1].k === 'op' && ['+', '-'].includes((rowOf(n.sup)[1] as { v: string }).v)));

/** The letter of a superscript `l`, `ℓ`, `t` or `k`, alone or shifted by a number (`l−1`, `t+1`). */
function layerLetter(sup: Node | undefined): string | undefined {
  const r = rowOf(sup);
  const x = r[0];
  if (!x || x.k !== 'sym' || x.sub || x.sup || !/^(l|ell|t|k|tau)$/.test(x.name)) return undefined;
  if (r.length === 1) return x.name;
  return r.length === 3 && r[1].k === 'op' && ['+', '-', '−'].includes(r[1].v) && r[2].k === 'num' ? x.name : undefined;
}

/**
 * a_j^l beside a_k^{l−1}: superscript letters that also appear shifted by a number index layers (or steps), as
 * W^{(l)} does; one never shifted (x^k alone) stays a power.
 */
function layeredSuperscripts(tree: Tree): Set<string> {
  const shifted = new Set<string>();
  walk(tree, (n) => {
    if (n.k === 'sym' && n.sup && rowOf(n.sup).length === 3) {
      const l = layerLetter(n.sup);
      if (l) shifted.add(l);
    }
  });
  return shifted;
}

function scriptLetterRoles(tree: Tree, { notes, set }: Notes, pass: 'steps' | 'rest', inScripts: Set<Node>, probabilityModel = false): void {
  // A subscript letter that is also a letter of the formula (W_{xh} beside x and h) labels, it does not index.
  const main = new Set<string>();
  walk(tree, (n) => void (n.k === 'sym' && !inScripts.has(n) && main.add(n.name)));
  const put = (s: Sym, meaning: string, label = !main.has(s.name)) => void (!notes.has(symbolKey(s)) && label && set(symbolKey(s), meaning));
  const logged = loggedNodes(tree, /^(log|ln|log2)$/);
  const layered = layeredSuperscripts(tree);
  // V(t) beside V(t−1): a sequence written as a function of its step (f(x + 1) alone is no sequence).
  const bare = new Set<string>();
  walk(tree, (n) => void (n.k === 'apply' && rowOf(n.arg).length === 1 && indexLetter(rowOf(n.arg)[0]) && bare.add(`${pretty(n.head)}(${pretty(n.arg)})`)));
  walk(tree, (n) => {
    const subs: Array<Node | undefined> = n.k === 'apply' && indexLetter(rowOf(n.arg)[0]) && bare.has(`${pretty(n.head)}(${pretty(rowOf(n.arg)[0])})`) ? [n.arg] : [];
    // (A superscript in brackets, W^{(l)}, z^{[l]}, or an iterate's step, x^{t+1}, w^{k−1}, indexes; other superscripts are powers.)
    if (n.k === 'sym') subs.push(n.sub, n.sup && (rowOf(n.sup).some((x) => x.k === 'group' && (x.delim === '(' || x.delim === '[')) || iterateStep(n) || layered.has(layerLetter(n.sup) ?? '')) ? n.sup : undefined);
    for (const sc of subs) {
      const whole = rowOf(sc);
      const r = whole.length === 1 && whole[0].k === 'group' && (whole[0].delim === '(' || whole[0].delim === '[') ? rowOf(whole[0].body) : whole;
      r.forEach((x, i) => {
        const shifted = i === 0 && (r[i + 1]?.k === 'op' && ['+', '-'].includes((r[i + 1] as { v: string }).v) && r[i + 2]?.k === 'num') || (r[i - 1]?.k === 'op' && (r[i - 1] as { v: string }).v === '-' && r[i - 2]?.k === 'num');
        if (pass === 'steps' && indexLetter(x) && shifted && !(r[i - 1]?.k === 'op')) put(x, /^(l|ell)$/.test(x.name) ? `the layer index (${pretty(x)}−1 is the layer before)` : `the step (time-step index; ${x.name}−1 is the step before)`, true);
        // (The w of V_{dw} belongs to the code gradient dw, explained as a whole.)
        const codeGradient = r[i - 1]?.k === 'sym' && (r[i - 1] as Sym).name === 'd' && x.k === 'sym' && notes.has(`d${x.name}`);
        if (pass === 'rest' && n.k === 'sym' && n.name !== 'Gamma' && indexLetter(x) && !codeGradient) {
          const offset = r[i - 1]?.k === 'op' && (r[i - 1] as { v: string }).v === '-' && indexLetter(r[i - 2]);
          put(x, offset ? `how many positions back from ${pretty(r[i - 2])} (an offset)` : `an index (which ${pretty({ ...n, sub: undefined, sup: undefined })} is meant)`);
        }
      });
    }
    if (pass !== 'rest') return;
    // h_θ(x), f_{w,b}(x): a model written with its parameters under it; its value is the prediction.
    const params = n.k === 'apply' && n.head.k === 'sym' ? rowOf(n.head.sub).filter((g) => !(g.k === 'op' && g.v === ',')) : [];
    // (Under a log, ln f_{w,b}(x), and in logistic regression and its loss, its value is a predicted probability.)
    if (n.k === 'apply' && n.head.k === 'sym' && /^[hfy]$/.test(n.head.name) && params.length > 0 && params.every((g) => g.k === 'sym' && /^(theta|Theta|w|b|W|phi|beta|omega)$/.test(g.name))) set(symbolKey(n.head), `the model (hypothesis) with parameters ${pretty(n.head.sub)}: its value is the ${logged.has(n) || probabilityModel ? 'predicted probability' : 'prediction'} (the model's output)`, /^a function of/.test(notes.get(symbolKey(n.head)) ?? ''));
    // p_θ(x), f_Θ(h), q_φ(z|x): the Greek letter under a function is the parameters it is computed with.
    if (n.k === 'apply' && n.head.k === 'sym' && rowOf(n.head.sub).length === 1) {
      const g = rowOf(n.head.sub)[0];
      if (g.k === 'sym' && /^(theta|Theta|phi|psi|omega|varphi)$/.test(g.name)) put(g, `the parameters ${pretty({ ...n.head, sub: undefined })} is computed with (what training adjusts)`, true);
    }
    // p_{y_i}, f_{y_i}: a y in a subscript picks the entry of the true class.
    if (n.k === 'sym' && n.name === 'y' && n.sub && inScripts.has(n)) put(n, 'the true class (the target): it picks the entry of the correct class', true);
    // d_k, d_{model}: a d with a subscript names a dimension, in an exponent too.
    if (n.k === 'sym' && n.name === 'd' && n.sub && !n.mods.length) put(n, 'a dimension (the size of the vectors)', true);
    // ℝ^{T×d}, R^{H×d}: the sizes of the space's dimensions.
    if (n.k === 'sym' && n.name === 'R' && n.sup && (n.mods.includes('bb') || rowOf(n.sup).some((x) => x.k === 'op' && x.v === '×'))) {
      for (const x of rowOf(n.sup)) if (x.k === 'sym' && /^[A-Za-z]$|^ell$/.test(x.name)) put(x, 'the size of one dimension of the space (how many entries along it)');
    }
    // x_1, …, x_N: N is how many there are.
    // (In s^T h_1, …, s^T h_N the letter that counts is the one whose first entry carries a number, h's N, not s's t.)
    if (n.k === 'row') {
      const comma = (o: Node | undefined) => o?.k === 'op' && o.v === ',';
      n.items.forEach((o, d) => {
        if (!(o.k === 'op' && o.v === '…')) return;
        const element = (from: number, step: 1 | -1): Node[] => {
          const out: Node[] = [];
          let i = comma(n.items[from]) ? from + step : from;
          for (; i >= 0 && i < n.items.length && !comma(n.items[i]); i += step) out.push(n.items[i]);
          return out;
        };
        // (A named element counts the same way, head_1, …, head_h.)
        type Counted = { k: 'sym' | 'name'; sub?: Node; name: string };
        const subscripted = (items: Node[]): Counted[] => items.flatMap((x) => ((x.k === 'sym' || x.k === 'name') && rowOf(x.sub).length === 1 ? [{ k: x.k, sub: x.sub, name: x.k === 'sym' ? x.name : x.v }] : []));
        const before = subscripted(element(d - 1, -1));
        const first = before.filter((x) => rowOf(x.sub)[0].k === 'num');
        const after = subscripted(element(d + 1, 1));
        const last = (first.length ? after.filter((x) => first.some((f) => f.name === x.name && f.k === x.k)) : after.slice(0, 1)).map((x) => rowOf(x.sub)[0])[0];
        if (last && last.k === 'sym' && /^[A-Za-z]$/.test(last.name)) put(last, `how many there are (the last of the list is number ${last.name})`);
      });
    }
  });
}

/**
 * Letters only the limits and exponents hold, after every other rule: the set under argmin_{q ∈ Q} or max_{θ ∈ Θ}
 * (what the letter ranges over), the upper limit of Σ^N or max_{j=1}^M (how many terms), the step t of a bias
 * correction 1 − β^t, and a letter in the exponent of a number (10000^{2i/d}: in the positional encoding, the model's
 * dimension; elsewhere described by its shape).
 */
function rangeRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  const fresh = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && !notes.has(symbolKey(x));
  walk(tree, (n) => {
    const holder = n.k === 'apply' && n.head.k === 'name' ? n.head : n;
    const sub = (holder as { sub?: Node }).sub;
    const sup = (holder as { sup?: Node }).sup;
    const ranged = holder.k === 'big' || (holder.k === 'name' && /^(arg)?(min|max)$|^(sup|inf)$/.test(holder.v)) || (holder.k === 'group' && holder.delim === '' && rowOf(holder.body).some((x) => x.k === 'name' && /^(arg)?(min|max)$/.test(x.v)));
    if (!ranged) return;
    const r = rowOf(sub);
    const at = r.findIndex((x) => x.k === 'op' && x.v === '∈');
    const setSym = at > 0 && r.length === at + 2 ? r[at + 1] : undefined;
    if (fresh(setSym) && r[at - 1]?.k === 'sym') set(symbolKey(setSym), `the set ${pretty(r[at - 1])} ranges over`);
    const up = rowOf(sup);
    const what = holder.k === 'big' ? (holder.v === 'prod' ? 'the product' : holder.v === 'sum' ? 'the sum' : 'it') : 'the maximum or minimum';
    if (up.length === 1 && fresh(up[0]) && /^[A-Za-z]$/.test(up[0].name) && (!sub || r.some((x) => x.k === 'op' && x.v === '=') || (r.length === 1 && r[0].k === 'num'))) set(symbolKey(up[0]), `how many terms ${what} runs over (its upper limit)`);
  });
  // (1 − β₁^t, Adam's bias correction: the power is the step number.)
  walk(tree, (n) => {
    const items = n.k === 'row' ? n.items : n.k === 'group' ? rowOf(n.body) : [];
    items.forEach((b, i) => {
      if (!takenFromOne(items, i)) return;
      const power = b.k === 'sym' && /^(beta|B)$/.test(b.name) && rowOf(b.sup).length === 1 ? rowOf(b.sup)[0] : undefined;
      if (fresh(power) && /^(t|k|tau)$/.test(power.name)) set(symbolKey(power), `the step number (${pretty({ ...(b as Sym), sup: undefined })} is raised to it: the correction fades as it grows)`);
    });
  });
  // (A power 1/N or −1/N takes the N-th root: N counts what the root averages over — the words, in the perplexity.)
  const isOne = (x: Node) => x.k === 'num' && x.v === 1;
  walk(tree, (n) => {
    const up = 'sup' in n ? rowOf((n as { sup?: Node }).sup).filter((x) => !(x.k === 'op' && /^[-−]$/.test(x.v))) : [];
    const den = up.length === 1 && up[0].k === 'frac' && rowOf(up[0].num).length === 1 && isOne(rowOf(up[0].num)[0]) ? rowOf(up[0].den) : up.length === 3 && isOne(up[0]) && up[1].k === 'op' && up[1].v === '/' ? [up[2]] : [];
    const root = den.length === 1 ? den[0] : undefined;
    if (!fresh(root)) return;
    const letter = root.name;
    // (The same letter as a power inside, (Σ_i |x_i|^p)^{1/p}, is the order of a norm or mean: the root undoes the powers.)
    let raised = false;
    walk(n, (x) => void ('sup' in x && x !== n && rowOf((x as { sup?: Node }).sup).some((y) => y.k === 'sym' && y.name === letter) && (raised = true)));
    if (raised) set(symbolKey(root), `the order ${letter}: each term is raised to the power ${letter}, and the power 1/${letter} undoes it`);
    else if (/^[A-Za-z]$/.test(letter)) set(symbolKey(root), concept === 'perplexity' ? `the number of words (tokens) of the text: the power 1/${letter} averages over them` : `how many there are: the power 1/${letter} takes the ${letter}-th root (a geometric mean over them)`);
  });
  walk(tree, (n) => {
    if (n.k !== 'num' || !('sup' in n) || !n.sup) return;
    walk(n.sup, (x) => {
      if (!fresh(x) || !/^[A-Za-z]$/.test(x.name)) return;
      const dimension = concept === 'positional-encoding' && /^[dD]$/.test(x.name);
      set(symbolKey(x), dimension ? 'the model dimension (the size of each position’s encoding vector)' : shapeOf(x));
    });
  });
}

/** Nodes inside sub/superscripts (indices): described by the sums, not one by one. */
function scriptNodes(tree: Tree): Set<Node> {
  const inScripts = new Set<Node>();
  walk(tree, (n) => {
    const holders: Node[] = n.k === 'apply' ? [n, n.head] : [n];
    for (const h of holders) {
      for (const x of ['sub', 'sup'] as const) {
        const sc = (h as { sub?: Node; sup?: Node })[x];
        if (sc) walk(sc, (m) => void inScripts.add(m));
      }
    }
  });
  return inScripts;
}

/** exp(iθ) / exp(iπ…): the i is the imaginary unit. */
function hasEuler(tree: Tree): boolean {
  let hit = false;
  walk(tree, (n) => {
    if (n.k === 'apply' && n.fn === 'exp') {
      let i = false;
      let pi = false;
      walk(n.arg, (m) => {
        if (m.k === 'sym' && m.name === 'i') i = true;
        if (m.k === 'sym' && (m.name === 'pi' || m.name === 'theta')) pi = true;
      });
      if (i && pi) hit = true;
    }
  });
  return hit;
}

/** The d (or ∂) that opens a derivative's numerator or denominator. */
function derivativeDs(tree: Tree): Set<Node> {
  const derivativeD = new Set<Node>();
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    for (const part of [n.num, n.den]) {
      const first = rowOf(part)[0];
      if (first && first.k === 'sym' && (first.name === 'd' || first.name === 'partial') && !first.sub) derivativeD.add(first);
    }
  });
  return derivativeD;
}

/**
 * Letters the structure shows as the weights and bias of an affine map, whatever the concept: W (or U) multiplying
 * what follows it (W x, W_2 h_1, W [h; x]) and a b added in the same row.
 */
function affineLetters(tree: Tree): { weights: Set<Node>; biases: Set<Node>; inputs: Set<Node> } {
  const weights = new Set<Node>();
  const biases = new Set<Node>();
  const inputs = new Set<Node>();
  const isW = (x: Node | undefined): boolean => !!x && x.k === 'sym' && /^[WU]$/.test(x.name);
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    const ws = n.items.filter((x, i) => isW(x) && !!n.items[i + 1] && (n.items[i + 1].k === 'sym' || (n.items[i + 1].k === 'group' && ['(', '['].includes((n.items[i + 1] as { delim: string }).delim))));
    // The vector the weights multiply: after the matrix (W x), or before it in row-vector books (x W + b).
    let rowVector = false;
    n.items.forEach((x, i) => {
      const next = n.items[i + 1];
      if (isW(x) && next?.k === 'sym' && !isW(next) && !/^[0-9]+$/.test(next.name)) inputs.add(next);
      if (x.k === 'sym' && !isW(x) && isW(next) && /^[a-zA-Z]$/.test(x.name) && !isT(x.sup)) (inputs.add(x), (rowVector = true));
    });
    if (!ws.length && !rowVector) return;
    for (const w of ws) weights.add(w);
    n.items.forEach((x, i) => {
      if (x.k === 'sym' && x.name === 'b' && n.items[i - 1]?.k === 'op' && (n.items[i - 1] as { v: string }).v === '+' && (!n.items[i + 1] || n.items[i + 1].k === 'op')) biases.add(x);
      // (Row-vector books name the bias c: h U + c, the last term added to the product.)
      if (x.k === 'sym' && x.name === 'c' && i === n.items.length - 1 && n.items[i - 1]?.k === 'op' && (n.items[i - 1] as { v: string }).v === '+' && isW(n.items[i - 2])) biases.add(x);
    });
  });
  return { weights, biases, inputs };
}

/** A letter's meaning from the concept's letters and the glossary (blackboard E and R, ŷ), or undefined. */
function letterMeaning(n: Sym, letters: Record<string, string>, glossary: (name: string, node?: Sym) => string | undefined, notes: Map<string, string>): string | undefined {
  const subSym = n.sub && n.sub.k === 'row' && n.sub.items.length === 1 && n.sub.items[0].k === 'sym' ? n.sub.items[0] : null;
  const entry = subSym && notes.has(symbolKey(subSym)) && /^the index (of|the) /.test(notes.get(symbolKey(subSym))!) && !letters[n.name] ? `entry ${pretty(subSym)} of ${pretty({ ...n, sub: undefined, sup: undefined })}` : undefined;
  const base = letters[n.name] ?? glossary(n.name, n);
  return (entry && base ? `${base} (${entry})` : entry) ?? letters[n.name] ?? (n.mods.includes('hat') && n.name === 'y' ? 'the prediction (ŷ)' : undefined) ?? (n.mods.includes('bb') && n.name === 'E' ? 'the expectation (average) under the distribution in the subscript' : undefined) ?? (n.mods.includes('bb') && n.name === 'R' ? 'the real numbers; ℝ^d is the space of d-dimensional vectors' : undefined) ?? (n.mods.includes('cal') && n.name === 'L' ? `a loss (objective)${n.sub ? `: the ${pretty(n.sub)} loss` : ''}` : undefined) ?? glossary(n.name, n);
}

/** 4. Every other symbol: the concept's usual letters (then its family's), then the general glossary. */
/** The concept's usual letters, over its family's. */
const conceptLetters = (concept: ConceptId | null, tree?: Tree): Record<string, string> => lookupTable(concept ? { ...(FAMILY_LETTERS[concept] ? CATALOG[FAMILY_LETTERS[concept]!].letters : {}), ...(CATALOG[concept].letters ?? {}), ...(tree && concept === 'chain-rule' && networkGradient(tree) ? networkChainLetters(tree) : {}), ...(tree && concept === 'minibatch-sgd' && biasWithWeights(tree) ? { b: 'the bias (a parameter the step updates, with the weights)' } : {}) } : {});

/** `(w, b) ← …`, `l(w, b)`: b written next to the weights, as a parameter beside them (not a batch size). */
function biasWithWeights(tree: Tree): boolean {
  let hit = false;
  const weights = (x: Node | undefined) => x?.k === 'sym' && /^(w|W|theta)$/.test(x.name);
  walk(tree, (n) => {
    if (hit || n.k !== 'row') return;
    n.items.forEach((x, i) => {
      if (x.k === 'sym' && x.name === 'b' && !x.sub && n.items[i - 1]?.k === 'op' && (n.items[i - 1] as { v: string }).v === ',' && weights(n.items[i - 2])) hit = true;
    });
  });
  return hit;
}

/**
 * The chain rule's letters are those of its textbook example (x → y → z). In a network's gradient — a loss or a
 * weight differentiated — z, a, y and h are the network's own quantities the gradient passes through.
 */
const NETWORK_CHAIN: Record<string, string> = lookupTable({
  z: 'the pre-activation (weighted input) the gradient passes through',
  a: 'an activation (a layer\'s output) the gradient passes through',
  y: 'a layer\'s output (activation) the gradient passes through',
  h: 'a hidden state (a layer\'s output) the gradient passes through',
  x: 'the input',
});
/**
 * A network gradient's letters: y is the output the gradient passes through only where it is differentiated (∂y/∂z,
 * ∂L/∂y); written only beside the output it is compared with, L(a, y) or −y/a + (1 − y)/(1 − a), y is the label.
 */
function networkChainLetters(tree: Tree): Record<string, string> {
  const table = weightedSumA(tree) ? { ...NETWORK_CHAIN, ...WEIGHTED_SUM_A } : { ...NETWORK_CHAIN };
  if (!differentiated(tree, 'y')) table.y = 'the target (true label) the output is compared with';
  return table;
}

/** A plain letter (not ŷ) in a derivative: in what a ∂ or d fraction differentiates, or what it differentiates by. */
function differentiated(tree: Tree, name: string): boolean {
  let hit = false;
  const plain = (x: Node) => x.k === 'sym' && x.name === name && !x.mods.includes('hat');
  walk(tree, (n) => {
    if (hit || n.k !== 'frac') return;
    const num = rowOf(n.num);
    if (num[0]?.k === 'sym' && ['partial', 'd'].includes(num[0].name) && (num.slice(1).some(plain) || rowOf(n.den).some(plain))) hit = true;
  });
  return hit;
}

/**
 * Books that write a for the weighted sum and z for the unit's output (z = h(a)): there a is the pre-activation and z
 * the activation, the other way round from z = Wx + b, a = σ(z).
 */
const WEIGHTED_SUM_A: Record<string, string> = lookupTable({
  a: 'the pre-activation (weighted input) the gradient passes through',
  z: 'an activation (a unit\'s output, h of its weighted input) the gradient passes through',
});
/**
 * a written as what an activation's derivative takes (σ′(a_j), h′(a_t)), or differentiated by a weight (∂a_j/∂w_ji)
 * where no a is differentiated by another (∂a_j/∂a_{j−1} chains a state through time: a hidden state).
 */
function weightedSumA(tree: Tree): boolean {
  let hit = false;
  let byWeight = false;
  let recurrent = false;
  const isA = (x: Node | undefined) => x?.k === 'sym' && x.name === 'a';
  const weightLetter = (x: Node) => x.k === 'sym' && /^(w|W|theta|Theta)$/.test(x.name);
  walk(tree, (n) => {
    if (hit) return;
    if (n.k === 'apply' && n.head.k === 'sym' && n.head.mods.includes('prime') && /^(sigma|h|f|g|phi|varphi)$/.test(n.head.name) && rowOf(n.arg).length === 1 && isA(rowOf(n.arg)[0])) hit = true;
    if (n.k === 'frac') {
      const num = rowOf(n.num);
      const den = rowOf(n.den);
      const ofA = num[0]?.k === 'sym' && ['partial', 'd', 'delta'].includes(num[0].name) && num.length === 2 && isA(num[1]);
      if (ofA && den.some(weightLetter)) byWeight = true;
      if (ofA && den.some(isA)) recurrent = true;
    }
  });
  return hit || (byWeight && !recurrent);
}

function networkGradient(tree: Tree): boolean {
  let hit = false;
  // (The loss may be written with its arguments, ∂J(y, ŷ)/∂z.)
  const lossLetter = (x: Node) => (x.k === 'sym' && /^(L|J|C|E|ell)$/.test(x.name)) || (x.k === 'apply' && /^(L|J|C|E)$/.test(x.fn));
  const weightLetter = (x: Node) => x.k === 'sym' && /^(w|W|theta)$/.test(x.name);
  // (A bias differentiated, ∂c/∂b = ∂z/∂b ∂a/∂z ∂c/∂a, where a z is too: a unit's bias.)
  let hasZ = false;
  walk(tree, (n) => void (n.k === 'sym' && n.name === 'z' && (hasZ = true)));
  const biasLetter = (x: Node) => hasZ && x.k === 'sym' && x.name === 'b';
  walk(tree, (n) => {
    if (hit || n.k !== 'frac') return;
    const num = rowOf(n.num);
    const derivative = num[0]?.k === 'sym' && ['partial', 'd'].includes(num[0].name);
    if (derivative && (num.some(lossLetter) || rowOf(n.den).some((x) => weightLetter(x) || biasLetter(x)))) hit = true;
  });
  if (hit) return true;
  // (Backpropagation's own writing: an activation's slope at a layer's z, σ′(z^l), or the course's d-prefixed
  // gradients of a layer's letters, dz^{[2]}, dW^{[1]}.)
  const layered = (x: Node | undefined) => !!x && x.k === 'sym' && /^[zaWwb]$/.test(x.name) && !!(x.sup || x.sub);
  walk(tree, (n) => {
    if (n.k === 'apply' && n.head.k === 'sym' && n.head.mods.includes('prime') && rowOf(n.arg).some((x) => x.k === 'sym' && x.name === 'z')) hit = true;
    if (n.k === 'row') n.items.forEach((x, i) => void (x.k === 'sym' && x.name === 'd' && !x.sub && !x.sup && layered(n.items[i + 1]) && (hit = true)));
  });
  return hit;
}

/**
 * 3h. A dot product scaled by a square root (`q^T k / √d`, `QK^T/√n`): the letter under the root is the dimension of
 * the vectors compared.
 */
function scaleRoles(tree: Tree, { set }: Notes): void {
  const scaled = new Set<Node>();
  walk(tree, (n) => {
    if (n.k !== 'frac') return;
    const den = rowOf(n.den);
    const root = den.length === 1 && den[0].k === 'sqrt' ? rowOf(den[0].body) : [];
    let product = false;
    walk(n.num, (m) => void ('sup' in m && isT(m.sup) && (product = true)));
    if (product && root.length === 1 && root[0].k === 'sym') (set(symbolKey(root[0]), 'the dimension of the vectors compared (the product is scaled by its square root)'), scaled.add(n));
  });
  // What is defined as the scaled product is a score (before any softmax).
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (d && d.rhs.length && scaled.has(d.rhs[0])) set(symbolKey(d.head), 'a score: the scaled dot product, before any softmax — defined here');
  }
}

/** π as a probability, not the circle's constant: π_k, π_i (a class's prior, a case's chance), logit(π), Bin(m, π), 1 − π. */
const PI_PROBABILITY = 'a probability (π with an index or under logit: a class\'s prior or a case\'s chance of success, not 3.14159…)';
function chancePis(tree: Tree): Set<Node> {
  const out = new Set<Node>();
  const pi = (x: Node | undefined): x is Sym => x?.k === 'sym' && x.name === 'pi';
  walk(tree, (n) => {
    if (pi(n) && n.sub) out.add(n);
    if (n.k === 'apply' && n.fn !== 'sqrt') for (const a of rowOf(n.arg)) if (pi(a) && rowOf(n.arg).length <= 3) out.add(a);
    if (n.k === 'row') n.items.forEach((x, i) => void (pi(x) && takenFromOne(n.items, i) && out.add(x)));
  });
  return out;
}

function letterRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes, named?: Map<string, string>): void {
  const letters = conceptLetters(concept, tree);
  const seen = new Set<string>();
  const inScripts = scriptNodes(tree);
  const euler = hasEuler(tree);
  const derivativeD = derivativeDs(tree);
  // (The Δ of an increment, Δw, is explained with its letter.)
  walk(tree, (n) => void (n.k === 'row' && n.items.forEach((d, i) => void (d.k === 'sym' && d.name === 'Delta' && !d.sup && n.items[i + 1]?.k === 'sym' && derivativeD.add(d)))));
  const affineParts = affineLetters(tree);
  const chances = chancePis(tree);
  const glossary = (name: string, node?: Sym): string | undefined => {
    if (name === 'e' && node && (node.sub || node.sup)) return undefined;
    if (node && chances.has(node)) return PI_PROBABILITY;
    if (euler && name === 'i') return 'the imaginary unit, i² = −1';
    // (Mathematics' own concepts — a norm, Bayes' rule, the chain rule — say nothing of models: x is a vector or a
    // variable there, not a model's input, and y no target.)
    if (!concept || MATH_CONCEPTS.has(concept)) return UNIVERSAL[name];
    const usual = (GLOSSARY[name] ?? '').replace(/^[^—]*— /, '');
    // A usual meaning that hedges between roles ("a weight or rate", "a target / output") does not tell which: shape.
    if (HEDGED.has(name)) return undefined;
    // A letter carrying its own subscript (i_t, n_t, T_x) is no bare index or count.
    if (node?.sub && COUNTING.has(name)) return undefined;
    return usual || undefined;
  };
  walk(tree, (n) => {
    if (inScripts.has(n)) return;
    // A letter used as a function (p(x), L(θ), J(w, b), f(x)): its usual meaning, else described as a function.
    // (A power times a bracketed power, π^y (1 − π)^{1−y}, is a product: no function of the bracket.)
    const powers = n.k === 'apply' && n.head.k === 'sym' && !!n.head.sup && !isT(n.head.sup) && !!n.sup;
    if (n.k === 'apply' && n.head.k === 'sym' && !powers && (n.head.name.length === 1 || n.head.name === 'ell' || GREEK_FUNCTION.test(n.head.name)) && !inScripts.has(n.head)) {
      const k = symbolKey(n.head);
      if (!seen.has(k)) {
        seen.add(k);
        // (A letter applied to arguments is a function: the glossary's data letters — H, X, y — do not apply.)
        // (ŷ(x; w), y′(x): the prediction, written as the function of the input that gives it.)
        const predictor = n.head.name === 'y' && predictedY(n.head) ? `the prediction (the model's output), a function of ${pretty(n.arg).slice(0, 30)}` : undefined;
        // (R(θ), Ω(w) in a penalised objective: the penalty, not a loss.)
        const penalty = concept === 'regularization' && /^(R|Omega)$/.test(n.head.name) ? PENALTY_FUNCTION : undefined;
        // (s(x, q), a(q, k_i) in attention: the score function of a key and the query; q is the query by its letter.)
        const scoring = !!concept && CATALOG[concept].group === 'attention' && /^[sae]$/.test(n.head.name) && rowOf(n.arg).filter((x) => x.k === 'op' && x.v === ',').length === 1;
        if (scoring) for (const a of rowOf(n.arg)) if (a.k === 'sym' && !inScripts.has(a) && SCORED_LETTERS.has(a.name)) set(symbolKey(a), SCORED_LETTERS.get(a.name)!);
        set(k, (scoring ? SCORE_FUNCTION : undefined) ?? letters[n.head.name] ?? predictor ?? penalty ?? (/^(L|ell)$/.test(n.head.name) && likelihoodL(tree) ? 'the likelihood: the probability of the data, a function of what is in brackets' : /^(L|J|ell)$/.test(n.head.name) ? 'the loss (objective), a function of what is in brackets' : /^(p|P|q|phi|varphi|sigma)$/.test(n.head.name) ? glossary(n.head.name) : undefined) ?? (/^[pPq]$/.test(n.head.name) ? 'a probability (distribution)' : /^L$/.test(n.head.name) ? '' : `a function of ${pretty(n.arg).slice(0, 30)}`));
      }
    }
    // σ(…) and 𝔼[…] used as functions: what they are, whatever the concept.
    if (n.k === 'apply' && n.head.k === 'sym' && !inScripts.has(n.head) && (n.head.name === 'sigma' || (n.head.name === 'E' && n.head.mods.includes('bb')))) {
      const k = symbolKey(n.head);
      if (!seen.has(k)) {
        seen.add(k);
        // (σ′(…): the sigmoid's derivative, its slope there.)
        const primed = n.head.mods.includes('prime');
        set(k, primed && n.head.name === 'sigma' ? "the derivative of the sigmoid, σ(z)(1 − σ(z)): its slope at the pre-activation" : letters[n.head.name] ?? (n.head.name === 'sigma' ? 'the sigmoid function, 1/(1 + e^{−z})' : 'the expectation (average) under the distribution in the subscript'));
      }
    }
    if (n.k !== 'sym') return;
    // (T on the main line is a quantity, a count or a temperature; as a transpose it sits in a superscript.)
    if (['top', 'intercal'].includes(n.name) || /^[0-9]+$/.test(n.name)) return;
    if (derivativeD.has(n)) return; // the d of dz/dx
    const k = symbolKey(n);
    if (seen.has(k)) return;
    seen.add(k);
    const said = named?.get(k);
    if (said && !letters[n.name]) {
      set(k, said);
      return;
    }
    if (candidateState(n, concept)) {
      set(k, 'the candidate (proposed new) state the gates mix in');
      return;
    }
    if (((concept && WEIGHTED.has(concept)) || affineParts.weights.has(n)) && /^[WU]$/.test(n.name) && !letters[n.name]) {
      set(k, 'a weight matrix (learned)');
      return;
    }
    // w (w_j, w_{ih}, bold w) where w is no word and no attention weight: a learned weight, or one weight per class.
    if (concept && n.name === 'w' && !letters.w && WEIGHT_W_GROUPS.has(CATALOG[concept].group) && !WORD_VECTOR_CONCEPTS.has(concept)) {
      set(k, n.sub ? `a weight (learned parameter; entry ${pretty(n.sub)})` : 'the weights (learned parameters)');
      return;
    }
    if (((concept && WEIGHTED.has(concept)) || affineParts.weights.size) && affineParts.inputs.has(n) && !letters[n.name]) {
      set(k, inputOfWeights(n));
      return;
    }
    if ((!concept || concept === 'affine-layer' || concept === 'mlp') && affineParts.biases.has(n)) {
      set(k, 'the bias (added after the weights)');
      return;
    }
    // A letter nothing explains is described by its shape only (in an unrecognised formula too: never a guessed role).
    set(k, letterMeaning(n, letters, glossary, notes) ?? shapeOf(n));
  });
}

/**
 * Values the formula names as a whole, after its letters: a letter applied to arguments (`f(x_i)`, `h_θ(x)`, `ℓ(x, y)`)
 * is that function's value there — a loss for a loss letter, a probability for p, P or q, else the function's output —
 * and `|V|` around a capital letter is the size of that set.
 */
function valueRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  const inScripts = scriptNodes(tree);
  walk(tree, (n) => {
    // (A set's size is named wherever it stands, in a sum's bounds too: Σ_{j=1}^{|V|}.)
    if (n.k === 'group' && n.delim === '|' && n.body.k === 'row' && n.body.items.length === 1 && n.body.items[0].k === 'sym' && /^[A-Z]$/.test(n.body.items[0].name)) {
      set(pretty(n), `the number of elements of ${pretty(n.body)} (its size)`);
      // (The set itself, V for the vocabulary, is what |V| counts.)
      set(pretty(n.body), n.body.items[0].name === 'V' ? 'the vocabulary (a set of words; |V| is its size)' : `a set (|${pretty(n.body)}| is its size)`);
    }
    if (inScripts.has(n)) return;
    // (A step size written against its bracket, α(ŷ − y), multiplies it: no function has a value there.)
    // (ŷ(1 − ŷ), a(1 − a): a letter before a bracket holding itself multiplies it; no function has a value there.)
    let selfArg = false;
    if (n.k === 'apply' && n.head.k === 'sym' && rowOf(n.arg).some((x) => x.k === 'op' && ['-', '−', '+'].includes(x.v))) walk(n.arg, (x) => void (x.k === 'sym' && (pretty(x) === pretty(n.head) || (n.head.k === 'sym' && !!n.head.sup && x.name === n.head.name && pretty(x) === pretty({ ...n.head, sup: undefined }))) && (selfArg = true)));
    if (n.k === 'apply' && !selfArg && n.head.k === 'sym' && (n.head.name.length === 1 || n.head.name === 'ell' || GREEK_FUNCTION.test(n.head.name)) && !inScripts.has(n.head) && !/^the learning rate/.test(notes.get(symbolKey(n.head)) ?? '')) {
      const key = pretty(n).slice(0, 40);
      const arg = pretty(n.arg).slice(0, 30);
      const h = n.head.name;
      // (A hypothesis whose value is a predicted probability gives that probability for its argument.)
      const predicted = /its value is the predicted probability/.test(notes.get(symbolKey(n.head)) ?? '');
      // (W(x), W(y) in a network's formula: code's names for W_x, W_y, the weights that multiply x and y.)
      const weightOf = WEIGHTED.has(concept as ConceptId) && /^[WU]$/.test(h) && rowOf(n.arg).length === 1 && rowOf(n.arg)[0].k === 'sym' ? pretty(n.arg) : '';
      if (weightOf) {
        set(key, `a weight matrix (learned): the one that multiplies ${weightOf}`, true);
        return;
      }
      // (A letter the formula names definitely, H for the cross-entropy: its value here is that, for these arguments.)
      const named = definite(notes.get(symbolKey(n.head)));
      set(key, /^(L|J|ell|l)$/.test(h) ? (named && /\bloss\b|likelihood/.test(named) ? `${named}, for ${arg}` : `the loss for ${arg}`) : /^[pPq]$/.test(h) ? `the probability ${key}` : predicted ? `the predicted probability for ${arg} (the model's output)` : /^[fghFy]$/.test(h) ? `the output (value) of ${pretty(n.head)} for ${arg}` : named ? `${named}, for ${arg}` : `the value of ${pretty(n.head)} at ${arg}`);
    }
    // (A function named by a word, RSS(β), CE(p, q), ELBO(q, θ): what the word names, for its arguments.)
    if (n.k === 'apply' && n.head.k === 'name' && !inScripts.has(n.head)) {
      const named = definite(notes.get(pretty(n.head)));
      if (named) set(pretty(n).slice(0, 40), `${named}, for ${pretty(n.arg).slice(0, 30)}`);
    }
  });
}

/**
 * A note that names what a letter is ("the loss …", "the cross-entropy …"), without "— defined here"; else undefined.
 * (An activation function's note says what the letter is, not what its value at a point is.)
 */
function definite(note: string | undefined): string | undefined {
  if (!note || !/^the /.test(note) || /^the (index|value|output \(value\)) of/.test(note) || /activation function|^the (sigmoid|softmax|tanh|step|ReLU) function/.test(note)) return undefined;
  return note.replace(/ — defined here.*$/, '');
}

/**
 * Meanings for the symbols of a parsed formula, in its own letters. `named`: letters the sentence around the formula
 * names (`rolesNamedInProse`): the note's own words come first. `words`: that sentence (and heading), for what the
 * formula is about (attention). Then the formula's structure, then the concept's usual letters, then the shape.
 */
export function describeSymbols(tree: Tree, concept: ConceptId | null, named?: Map<string, string>, words = ''): SymbolNote[] {
  // h(t) = tanh(W h(t−1) + U x(t)), z(i) = w x(i) + b, x(t) * w(xh): letters written as functions of the step or of the
  // example, and code's weights named by what they connect, are described as the letters h_t, x^{(i)}, w_{xh} they stand
  // for, under the note's own writing.
  const timed = (n: Node): n is Extract<Node, { k: 'apply' }> => n.k === 'apply' && n.head.k === 'sym' && !n.head.sub && !n.head.sup && !n.head.mods.length && !n.sup && ((/^[hxysocazuvHXYSOCAZfigrFIGRmMwW]$/.test(n.head.name) && /^(t|t[+−-][0-9a-z]|tau|τ)$/.test(pretty(n.arg).replace(/\s/g, ''))) || (/^[xyzaXYZA]$/.test(n.head.name) && pretty(n.arg) === 'i') || (/^[wWU]$/.test(n.head.name) && /^[a-z]{2}$/.test(pretty(n.arg))));
  let count = 0;
  walk(tree, (n) => void (timed(n) && count++));
  if (count < 2) return describeLetters(tree, concept, named, words);
  const back = new Map<string, { key: string; step?: string }>();
  const converted = mapTree(tree, (n) => {
    if (!timed(n)) return n;
    const arg = pretty(n.arg);
    const sym: Sym = arg === 'i' ? { ...(n.head as Sym), sup: { k: 'row', items: [{ k: 'group', delim: '(', body: n.arg } as Node] } } : { ...(n.head as Sym), sub: n.arg };
    back.set(symbolKey(sym), { key: pretty(n), step: /^(t|tau|τ)/.test(arg) ? arg : undefined });
    return sym;
  }) as Tree;
  // (The step stays in what is said of a letter at a step: the hidden state at step t−1.)
  return describeLetters(converted, concept, named, words).map((s) => {
    const b = back.get(s.symbol);
    return b ? { symbol: b.key, meaning: b.step && !/\bstep\b/.test(s.meaning) ? `${s.meaning} — at step ${b.step}` : s.meaning } : s;
  });
}

/** Concepts whose model output is a probability (of the class, or a distribution over the classes). */
const PROBABILITY_OUTPUTS = new Set<ConceptId>(['logistic-regression', 'binary-cross-entropy', 'softmax', 'softmax-regression', 'cross-entropy']);

/** A meaning of the model's output (`the output (value) of h for x`, `the prediction (ŷ)`) said as the predicted probability it is. */
function predictedProbability(meaning: string): string {
  if (/probabilit/.test(meaning)) return meaning;
  const value = /^the output \(value\) of (.+) for (.+)$/.exec(meaning);
  if (value) return `the predicted probability for ${value[2]} (the output of ${value[1]})`;
  const said = /^the (prediction|output) \(([^()]*)\)(.*)$/.exec(meaning);
  return said ? `the ${said[1]} (${said[2]}): a predicted probability${said[3]}` : meaning;
}

function describeLetters(tree: Tree, concept: ConceptId | null, named?: Map<string, string>, words = ''): SymbolNote[] {
  const notes = new Map<string, string>();
  const order: string[] = [];
  // Meanings set after `late` turns true (indices inside scripts, values of functions) go last when the list is cut.
  let late = false;
  const minor = new Set<string>();
  const set = (key: string | null, meaning: string, override = false) => {
    if (!key) return;
    if (!notes.has(key)) (order.push(key), late && minor.add(key));
    if (!notes.has(key) || override) notes.set(key, meaning);
  };
  const acc: Notes = { notes, set };
  const inScripts = scriptNodes(tree);
  proseRoles(tree, acc, inScripts, named);
  primedActivationRoles(tree, concept, acc);
  factorRoles(tree, acc);
  dotProductRoles(tree, concept, acc);
  indexRoles(tree, concept, acc);
  connectionWeightRoles(tree, acc, inScripts);
  gateRoles(tree, concept, acc);
  momentRoles(tree, concept, acc);
  definedSymbol(tree, concept, acc, named, 'letters');
  const attention = (!!concept && CATALOG[concept].group === 'attention') || /\batten(d|t)/i.test(words.slice(-400));
  temperatureRoles(tree, concept, acc);
  softmaxRoles(tree, concept, acc, attention);
  attentionSumRoles(tree, concept, acc, attention);
  updateRoles(tree, acc);
  recurrentRoles(tree, concept, acc);
  directionRoles(tree, concept, acc);
  derivativeRoles(tree, concept, acc);
  crossEntropyRoles(tree, concept, acc);
  errorTermRoles(tree, acc);
  weightedLogRoles(tree, concept, acc);
  headRoles(tree, acc);
  interceptRoles(tree, acc);
  sampleMeanRoles(tree, concept, acc);
  comparedVectorRoles(tree, concept, acc);
  outputIndexRoles(tree, acc);
  // (In logistic regression and the sigmoid's own formula, what the sigmoid gives is a probability.)
  nonlinearityRoles(tree, conceptLetters(concept, tree), acc, !!concept && CATALOG[concept].group === 'activation', concept === 'logistic-regression' || concept === 'sigmoid');
  activationArgumentRoles(tree, concept, acc);
  gaussianRoles(tree, acc);
  diffusionLatentRoles(tree, concept, acc);
  scaleRoles(tree, acc);
  lossHeadRoles(tree, concept, acc);
  qkvRoles(tree, concept, acc, inScripts);
  wordLetterRoles(tree, attention, acc);
  projectionRoles(tree, acc, inScripts);
  targetRoles(tree, concept, acc, inScripts, conceptLetters(concept, tree));
  variationalRoles(tree, concept, acc);
  contextOffsetRoles(tree, concept, acc);
  layerActivationRoles(tree, concept, acc);
  residualRoles(tree, concept, acc);
  conditionalRoles(tree, concept, acc);
  supervisedConditionalRoles(tree, concept, acc);
  if (!concept) conditionalLetters(tree, acc.set, false);
  parameterArgRoles(tree, acc);
  comparisonRoles(tree, acc);
  indexRangeRoles(tree, acc);
  codeGradientRoles(tree, acc);
  weightedSumRoles(tree, concept, acc, inScripts);
  weightedSumHeadRoles(tree, concept, acc);
  numericWeightRoles(tree, acc, inScripts);
  grammarRoles(tree, concept, acc, inScripts);
  activationOutputRoles(tree, acc);
  incrementRoles(tree, acc);
  scriptLetterRoles(tree, acc, 'steps', inScripts);
  definedSymbol(tree, concept, acc, named, 'fallback');
  letterRoles(tree, concept, acc, named);
  hiddenStateRoles(tree, acc);
  weightedInputRoles(tree, acc);
  slopeInterceptRoles(tree, concept, acc);
  coefficientRoles(tree, concept, acc);
  responseRoles(tree, concept, acc);
  late = true;
  scriptLetterRoles(tree, acc, 'rest', inScripts, concept === 'logistic-regression' || concept === 'binary-cross-entropy');
  rangeRoles(tree, concept, acc);
  valueRoles(tree, concept, acc);
  if (concept === 'sigmoid') sigmoidLetter(tree, acc);
  // (A gradient named as a whole goes with the values: after the letters when the list is cut.)
  gradientTermRoles(tree, acc);
  // (Vectors a similarity compares, in a note about word vectors, are word embeddings.)
  if ((concept === 'cosine-similarity' || concept === 'cauchy-schwarz') && /embedding|word vector|word2vec|glove|词向量|嵌入|埋め込み|単語ベクトル|임베딩|단어 벡터/i.test(words)) {
    for (const k of order) if (/^the (first|second) vector/.test(notes.get(k) ?? '')) notes.set(k, `${notes.get(k)} (here a word embedding)`);
  }
  // (In a model or loss whose output is a probability, that output is a predicted probability.)
  if (concept && PROBABILITY_OUTPUTS.has(concept)) for (const k of order) notes.set(k, predictedProbability(notes.get(k) ?? ''));
  // (In maximum likelihood, L(θ) and ℓ(θ) are the likelihood it maximises; in a language model's probabilities, w and W
  // are words.)
  if (concept === 'maximum-likelihood') for (const k of order) if (/^(L|ℓ|l)(\(|$)/.test(k) && /^the loss\b/.test(notes.get(k) ?? '')) notes.set(k, LIKELIHOOD_LETTER);
  // (So are w's written at several offsets of a step, w_t, w_{t−1}, w_{t−n+1}, whatever the concept: a window of words.)
  if (concept === 'language-model' || concept === 'ngram-markov' || concept === 'fixed-window-lm' || wordWindow(tree)) for (const k of order) if (/^[wW](_|$)/.test(k) && /^(a weight|the weights)\b/.test(notes.get(k) ?? '')) notes.set(k, "a word (token) of the sequence (the model's input)");
  const kept = order.filter((k) => notes.get(k));
  // What each equation defines comes first; a formula of several equations may list a few more letters.
  const lines = equations(tree);
  const eqs = lines.map((e) => definition(e)).filter((d): d is NonNullable<typeof d> => !!d);
  const heads = new Set(eqs.map((d) => symbolKey(d.head)));
  // (A function defined with its arguments, J(θ) = …, RSS(β) = …: that value is what the equation defines too, on a
  // row of its own beside its letter's.)
  let applied = 0;
  for (const eq of lines) {
    const at = eq.findIndex((x) => x.k === 'op' && (EQUALS.has(x.v) || x.v === '←'));
    const key = at === 1 && eq[0].k === 'apply' ? pretty(eq[0]).slice(0, 40) : '';
    if (key && !heads.has(key) && notes.get(key)) (heads.add(key), applied++);
  }
  const rank = (k: string) => (heads.has(k) ? 0 : minor.has(k) ? 2 : 1);
  return [...kept]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, Math.min(MAX_SYMBOLS + 3 * Math.max(0, eqs.length - 1), 2 * MAX_SYMBOLS) + Math.min(applied, 2))
    .map((k) => ({ symbol: k, meaning: notes.get(k)! }));
}

/**
 * Lower-case w at two or more offsets of one step, given to a function or a probability (`f(w_t, w_{t−1}, …)`,
 * `C(w_{t−1})`, `P(w_t | w_{t−1})`): words of a window, not weights (an update `w_t = w_{t−1} − η g` steps weights).
 */
function wordWindow(tree: Tree): boolean {
  const offsets = new Set<string>();
  walk(tree, (a) => {
    if (a.k !== 'apply') return;
    walk(a.arg, (n) => {
      const sub = n.k === 'sym' && n.name === 'w' && n.sub ? pretty(n.sub).replace(/\s/g, '').replace(/−/g, '-') : '';
      if (/^t([-+](\d|[a-z]|[a-z][-+]\d))?$/.test(sub)) offsets.add(sub);
    });
  });
  return offsets.size >= 2;
}

/** Greek letters a note may apply as a function (ψ(t), π(x_i), μ(x), α(q, k)); σ and 𝔼 are explained apart. */
const GREEK_FUNCTION = /^(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|kappa|lambda|mu|nu|xi|pi|rho|tau|phi|varphi|chi|psi|omega|Phi|Psi|Gamma|Lambda|Omega)$/;

/**
 * y = a x + b, σ(ax + b) in a linear model: the letter that multiplies the input is its slope (the weight), the one
 * added alone its intercept (the bias); net_j, the net input of older books, is the weighted sum.
 */
function slopeInterceptRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  const linear = concept === 'linear-regression' || concept === 'logistic-regression';
  const generic = (x: Sym) => byShapeOnly(notes.get(symbolKey(x)));
  walk(tree, (n) => {
    if (n.k === 'sym' && /^net$/i.test(n.name) && generic(n)) set(symbolKey(n), 'the net input: the weighted sum of the inputs (the pre-activation)', true);
    if (!linear || n.k !== 'row') return;
    const r = n.items;
    r.forEach((x, i) => {
      const [input, plus, b] = [r[i + 1], r[i + 2], r[i + 3]];
      const ok = x.k === 'sym' && /^[a-z]$/.test(x.name) && x.name !== 'x' && !x.sub && input?.k === 'sym' && input.name === 'x' && plus?.k === 'op' && plus.v === '+' && b?.k === 'sym' && /^[a-z]$/.test(b.name) && !b.sub && (!r[i + 4] || r[i + 4].k === 'op');
      if (!ok) return;
      if (generic(x)) set(symbolKey(x), 'the slope: the weight that multiplies the input', true);
      if (generic(b as Sym)) set(symbolKey(b as Sym), 'the intercept (the bias, added alone)', true);
    });
  });
}

/** The concepts of a linear model fitted to data, whose β multiplies the inputs. */
const LINEAR_MODELS = new Set<ConceptId>(['linear-regression', 'logistic-regression', 'softmax-regression', 'regularization', 'mse', 'binary-cross-entropy', 'maximum-likelihood', 'negative-log-likelihood', 'empirical-risk']);

/**
 * β in a linear model written with the data (β₀ + β₁x, Xβ, σ(βᵀx), Σ (y − xᵀβ)² + λ Σ β_j²): a coefficient of the model,
 * the weight on an input, not a decay rate. (β₀, the intercept, is described where the sum is read.)
 */
function coefficientRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  if (!concept || !LINEAR_MODELS.has(concept)) return;
  let data = false;
  walk(tree, (n) => void (n.k === 'sym' && /^[xX]$/.test(n.name) && (data = true)));
  // (A penalty alone, λ Σ_j β_j², shrinks the same coefficients, the data elsewhere in the note.)
  if (!data && concept !== 'regularization') return;
  // (β's general reading, a coefficient or a decay rate, is the glossary's.)
  const usual = GLOSSARY.beta.replace(/^[^—]*— /, '');
  walk(tree, (n) => {
    if (n.k !== 'sym' || n.name !== 'beta' || (n.sub && pretty(n.sub) === '0')) return;
    const key = symbolKey(n);
    const meaning = notes.get(key);
    if (byShapeOnly(meaning) || meaning?.startsWith(usual)) set(key, 'a coefficient of the linear model (a weight: it multiplies one feature)', true);
  });
}

/** The left letter of a linear model with its error term: the data it is fitted to, not the line's prediction. */
const RESPONSE = 'the response: the observed target (the line plus the noise ε) — defined here';

/**
 * y = β₀ + β₁x + ε, Y_i = 7.5 − 2X_i + ε_i, y = Xβ + ε: with the error term added, the left side is the observed
 * response (the target the line is fitted to), not the line's prediction.
 */
function responseRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  if (concept !== 'linear-regression') return;
  for (const eq of equations(tree)) {
    const d = definition(eq);
    if (!d || !/^[yYtT]$/.test(d.head.name) || d.head.mods.some((m) => m !== 'bold')) continue;
    const cut = d.rhs.findIndex((x) => x.k === 'op' && (x.v === ';' || x.v === ','));
    const r = (cut < 0 ? d.rhs : d.rhs.slice(0, cut)).filter((x, i, all) => !(i === all.length - 1 && x.k === 'op' && x.v === '.'));
    const last = r[r.length - 1];
    const error = r.length >= 3 && r[r.length - 2].k === 'op' && (r[r.length - 2] as { v: string }).v === '+' && last.k === 'sym' && /^(epsilon|varepsilon)$/.test(last.name) && !last.sup;
    const key = symbolKey(d.head);
    const meaning = notes.get(key);
    if (error && (!meaning || byShapeOnly(meaning) || /output \(prediction\)/.test(meaning))) set(key, RESPONSE, true);
  }
}

/**
 * Σ_j w_j x_j, w_1 x_1 + w_2 x_2 + b, x_{ij} w_j: a term that multiplies a weight letter (w, W, θ) by an input letter
 * (x, h, a, o) is a weight times an input, whatever the formula is.
 */
function weightedInputRoles(tree: Tree, { notes, set }: Notes): void {
  // (Over a description of the letter's shape only: the product says what it is.)
  const shapeOnly = (x: Node) => byShapeOnly(notes.get(keyOf(x)));
  const weight = (x: Node | undefined): x is Sym => !!x && x.k === 'sym' && /^(w|W|U|V|theta)$/.test(x.name) && !x.sup;
  const input = (x: Node | undefined): x is Sym | Extract<Node, { k: 'apply' }> => !!x && ((x.k === 'sym' && /^[xhao]$/.test(x.name) && !x.mods.includes('hat')) || (x.k === 'apply' && x.head.k === 'sym' && /^[xh]$/.test(x.head.name)));
  const keyOf = (x: Node) => (x.k === 'sym' ? symbolKey(x) : pretty(x));
  walk(tree, (n) => {
    if (n.k !== 'row') return;
    const r = n.items.filter((x) => !(x.k === 'op' && (x.v === '·' || x.v === '*' || x.v === '×')));
    let weighted = false;
    r.forEach((x, i) => {
      const y = r[i + 1];
      const term = (i === 0 || r[i - 1].k === 'op' || r[i - 1].k === 'big') && (!r[i + 2] || r[i + 2].k === 'op');
      if (!term) return;
      // (A b multiplying an input, `b_1 x` in `y = b_0 + b_1 x`, is a coefficient, whatever its letter's habit.)
      if (x.k === 'sym' && x.name === 'b' && input(y) && /^a bias\b/.test(notes.get(symbolKey(x)) ?? '')) set(symbolKey(x), 'a weight (a coefficient: it multiplies the input beside it)', true);
      const [w, v] = weight(x) && input(y) ? [x, y] : weight(y) && input(x) && x.k === 'sym' ? [y, x] : [undefined, undefined];
      // (A state at a time step keeps its meaning; the letter multiplying it is still a weight.)
      const state = !!v && /hidden state|input at step/.test(notes.get(keyOf(v)) ?? '');
      if (w && v && shapeOnly(w) && (shapeOnly(v) || state)) {
        set(symbolKey(w), 'a weight (learned; it multiplies the input beside it)', true);
        if (!state) set(keyOf(v), 'an input (what the weight multiplies)', true);
        weighted = true;
      }
    });
    // (… + b at the end of such a sum: the bias.)
    const last = r[r.length - 1];
    if (weighted && last?.k === 'sym' && /^[bc]$/.test(last.name) && r[r.length - 2]?.k === 'op' && (r[r.length - 2] as { v: string }).v === '+' && shapeOnly(last)) set(symbolKey(last), 'the bias (added after the weights)', true);
  });
}

/**
 * h_t, h_{t−1}, h^{(t)}, h(t), x_t, x(t): an h or an x indexed by a time step, or written as a function of it, is the
 * hidden state or the input at that step — where only its shape (or, for h(t), only its value) was said.
 */
function hiddenStateRoles(tree: Tree, { notes, set }: Notes): void {
  const empty: Node = { k: 'row', items: [] };
  const at = (letter: string, key: string, step: string, open: boolean) => {
    if (/^t([+−-]1)?$/.test(step) && open) set(key, letter === 'h' ? `the hidden state at step ${step}` : `the input at step ${step}`, true);
  };
  walk(tree, (n) => {
    if (n.k === 'apply' && n.head.k === 'sym' && /^[hx]$/.test(n.head.name) && !n.head.sub) {
      const said = notes.get(pretty(n));
      at(n.head.name, pretty(n), pretty(n.arg).replace(/\s/g, ''), said === undefined || /^(the output \(value\)|the value of|a quantity)/.test(said));
    }
    if (n.k === 'sym' && /^[hx]$/.test(n.name) && !n.mods.some((m) => m === 'hat' || m === 'tilde')) {
      at(n.name, symbolKey(n), (pretty(n.sub ?? empty) || pretty(n.sup ?? empty)).replace(/[\s()⟨⟩<>]/g, ''), byShapeOnly(notes.get(symbolKey(n))));
    }
  });
}

/** softmax_i(x), σ_j(z): the index under a function's name picks one entry of its result. */
function outputIndexRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    const head = n.k === 'apply' ? n.head : undefined;
    const sub = head && (head.k === 'name' || head.k === 'sym') && head.sub ? rowOf(head.sub) : n.k === 'apply' ? rowOf(n.sub) : [];
    if (n.k === 'apply' && ['softmax', 'sigmoid', 'sigma'].includes(n.fn) && sub.length === 1 && sub[0].k === 'sym' && /^[ijkc]$/.test(sub[0].name)) set(symbolKey(sub[0]), 'the index of the entry of the result (which output component, or class)');
  });
}

/**
 * cos(v̄, w̄), sim(a, b), a · b/(‖a‖‖b‖): the two arguments a similarity compares are its first and second vectors,
 * and v_i, w_i their entries, whatever their letters and marks (a bar or an arrow on a vector, w for a word's vector).
 */
function comparedVectorRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  if (concept !== 'cosine-similarity' && concept !== 'cauchy-schwarz') return;
  let pair: [Sym, Sym] | undefined;
  walk(tree, (n) => {
    if (pair || n.k !== 'apply') return;
    const parts = splitRow(rowOf(n.arg), (x) => x.k === 'op' && x.v === ',');
    if (parts.length === 2 && parts.every((p) => p.length === 1 && p[0].k === 'sym') && (parts[0][0] as Sym).name !== (parts[1][0] as Sym).name) pair = [parts[0][0] as Sym, parts[1][0] as Sym];
  });
  if (!pair) return;
  const [a, b] = pair;
  // (What the sentence calls a vector, the query q in cos(q, d), stays so.)
  const told = (s: Sym) => /as the text calls it/.test(notes.get(symbolKey(s)) ?? '');
  set(symbolKey(a), 'the first vector', !told(a));
  set(symbolKey(b), 'the second vector', !told(b));
  walk(tree, (n) => {
    if (n.k !== 'sym' || !n.sub) return;
    const which = n.name === a.name ? 'first' : n.name === b.name ? 'second' : '';
    if (which) set(symbolKey(n), `entry ${pretty(n.sub)} of the ${which} vector`, true);
  });
}

/**
 * ȳ beside the y_i it is taken over: their mean (the average of the entries), whatever the letter. (Where vectors are
 * compared or measured, cos(v̄, w̄) = v̄ · w̄ /(|v̄||w̄|), the bar marks a vector, as an arrow would.)
 */
function sampleMeanRoles(tree: Tree, concept: ConceptId | null, { set }: Notes): void {
  if (concept === 'cosine-similarity' || concept === 'cauchy-schwarz' || concept === 'norms') return;
  const indexed = new Map<string, Node>();
  walk(tree, (n) => void (n.k === 'sym' && !!n.sub && !n.mods.length && !indexed.has(n.name) && indexed.set(n.name, n)));
  walk(tree, (n) => {
    const entry = n.k === 'sym' ? indexed.get(n.name) : undefined;
    if (n.k === 'sym' && entry && !n.sub && !n.sup && n.mods.length === 1 && (n.mods[0] === 'bar' || n.mods[0] === 'overline')) set(symbolKey(n), `the mean of the values ${pretty(entry)} (their average)`);
  });
}

/**
 * w_0 + w_1 x_1 + …, θ_0 + θ_1 x, θ_1 + θ_2 x: the weight of a numbered letter that multiplies no input, beside that
 * letter's weights on inputs, is the bias (the intercept).
 */
function interceptRoles(tree: Tree, { notes, set }: Notes): void {
  // (Every row, a bracket's or a function's argument too: e^{−(β_0 + β_1 x)}, e^{−θ_0 − θ_1 x}; a term may be
  // bracketed, (β_1 · x_1).)
  // (Each side of each equation: log(p/(1 − p)) = β_0 + β_1 x_1 has no letter on its left to define.)
  const rows: Node[][] = equations(tree).flatMap((eq) => splitRow(eq, (x) => x.k === 'op' && (EQUALS.has(x.v) || x.v === '≈')));
  walk(tree, (n) => {
    if (n.k === 'group') rows.push(rowOf(n.body));
    else if (n.k === 'apply') rows.push(rowOf(n.arg));
  });
  const generic = (key: string) => /^a (weight|coefficient)\b|^a quantity|^the (model )?parameters\b/.test(notes.get(key) ?? '');
  for (const side of rows) {
    const terms: Node[][] = [[]];
    for (const x of side) {
      if (x.k === 'op' && (x.v === '+' || x.v === '-')) terms.push([]);
      else terms[terms.length - 1].push(x);
    }
    const flat = terms.map((t) => (t.length === 1 && t[0].k === 'group' && t[0].delim === '(' ? rowOf(t[0].body) : t).filter((y) => !(y.k === 'op' && ['·', '×', '*'].includes(y.v)) && !(y.k === 'num' && y.v === 1)));
    const zero = (n?: Node) => { const r = rowOf(n); return r.length === 1 && r[0].k === 'num' && r[0].v === 0; };
    const numbered = (n?: Node) => /^\d{1,2}$/.test(pretty(n));
    // (β_{k0} + β_k^T x, β_{0k} + β_{1k} x_1 + …: class k's weights, its index 0 the intercept.)
    const index = (n?: Node) => pretty(n).replace(/[\s,]/g, '');
    const classOf = (n?: Node) => /^([a-z])0$|^0([a-z])$/.exec(index(n))?.slice(1).find(Boolean);
    for (const t of flat) {
      const w = t.length === 1 && t[0].k === 'sym' && /^(w|theta|Theta|beta|W)$/.test(t[0].name) && (zero(t[0].sub) || numbered(t[0].sub) || !!classOf(t[0].sub)) ? t[0] : null;
      if (!w) continue;
      const slopes = flat.filter((o) => o !== t && o.length >= 2).flatMap((o) => o.filter((y): y is Sym => y.k === 'sym' && y.name === w.name && !!y.sub && pretty(y.sub) !== pretty(w.sub)));
      // (Θ_{10} + Θ_{11} x_1: a row of a weight matrix, its column 0 the intercept, beside the same row's columns.)
      const rowZero = /^\d0$/.test(pretty(w.sub)) && slopes.length > 0 && slopes.every((y) => /^\d\d$/.test(pretty(y.sub)) && pretty(y.sub)[0] === pretty(w.sub)[0]);
      const c = classOf(w.sub);
      const classZero = !!c && slopes.length > 0 && slopes.every((y) => index(y.sub) === c || (index(y.sub).length === 2 && index(y.sub).includes(c)));
      if (c && !classZero) continue;
      // (A numbered weight other than 0 is the intercept only beside numbered weights on inputs.)
      if (!zero(w.sub) && !rowZero && !classZero && !slopes.every((y) => numbered(y.sub) && pretty(y.sub).length === 1)) continue;
      // (β_0 + βᵀx, β_0 + ⟨β, x⟩: index 0 beside the same letter as a whole vector of weights is the intercept too.)
      const vectorBeside = zero(w.sub) && flat.some((o) => o !== t && o.length >= 2 && o.some((y) => y.k === 'sym' && y.name === w.name && !y.sub));
      // (Over a weight's generic meaning: the structure says which weight it is.)
      if (!slopes.length && !vectorBeside) continue;
      set(symbolKey(w), 'the bias (the intercept: the weight that multiplies no input)', generic(symbolKey(w)));
      // (Named by the input it multiplies: θ_2 in θ_1 + θ_2 x is x's coefficient.)
      const inputOf = (y: Sym) => flat.find((o) => o.includes(y))?.find((z) => z !== y && (z.k === 'sym' || z.k === 'apply'));
      for (const y of slopes) {
        const x = inputOf(y);
        set(symbolKey(y), `a weight (learned): the coefficient of ${x ? pretty(x) : `input ${pretty(y.sub)}`}`, /^a coefficient|^a quantity/.test(notes.get(symbolKey(y)) ?? ''));
      }
    }
  }
}

/** Quantities a note names by words (`\text{query}`, `\text{key}_i`, `\text{PE}_{(pos, 2i)}`), in attention and elsewhere. */
const ATTENTION_WORDS: Record<string, string> = lookupTable({
  query: 'the query (what this position looks for)', key: 'a key (what each query is compared with)', value: 'a value vector (what the attention weights average)',
  head: "one attention head's output (attention over its own projections)", out: 'the attention output: the weighted sum of the values',
});
/** What a perplexity's name (PP, PPL, Perplexity) stands for in a formula. */
const PERPLEXITY_WORD = 'the perplexity: the output of evaluating the model on the text (lower is better)';
const WORD_LETTERS: Record<string, string> = lookupTable({
  pe: 'the positional encoding: the vector added to the word embedding at each position', pos: 'the position in the sequence (an index)',
  sim: 'the similarity score of the two vectors (here a cosine or a dot product)',
  count: 'the number of times the words in brackets occur in the training corpus (a count)', vocab: 'the vocabulary (its size is the number of distinct words)',
  ce: 'the cross-entropy loss', crossentropy: 'the cross-entropy loss', bce: 'the binary cross-entropy loss', nll: 'the negative log-likelihood (the loss)',
  mse: 'the mean squared error (the loss)', rss: 'the residual sum of squares (the loss)', sse: 'the sum of squared errors (the loss)',
  tss: 'the total sum of squares: the spread of the targets around their mean', rmse: 'the root mean squared error (in the units of the target)',
  mae: 'the mean absolute error (the loss)', loss: 'the loss', pr: 'the probability of what is in brackets',
  pp: PERPLEXITY_WORD, ppl: PERPLEXITY_WORD, perplexity: PERPLEXITY_WORD,
  cce: 'the categorical cross-entropy loss', cost: 'the cost (the loss)',
  weight: 'the weight (a learned parameter)', weights: 'the weights (learned parameters)', bias: 'the bias (a learned parameter, added after the weights)',
  biases: 'the biases (learned parameters, added after the weights)', input: 'the input', inputs: 'the inputs',
  target: 'the target (true label)', targets: 'the targets (true labels)', label: 'the label (the target)', labels: 'the labels (the targets)',
  logit: 'the logit (a score before the sigmoid or softmax)', logits: 'the logits (scores before the softmax or sigmoid)',
  lr: 'the learning rate (step size)', prediction: "the prediction (the model's output)", predictions: "the predictions (the model's outputs)",
  guess: "the guess (the model's prediction)", predicted: "the predicted value (the model's output)", output: "the output (the model's prediction)", outputs: "the outputs (the model's predictions)",
  actual: 'the actual value (the target, the true label)', truth: 'the true value (the target)', expected: 'the expected value (the target the output should match)',
  posterior: 'the posterior probability (after seeing the evidence)', prior: 'the prior probability (before seeing the evidence)',
  likelihood: 'the likelihood: the probability of the evidence given the hypothesis', evidence: 'the evidence: the probability of the data, which normalises',
});

function wordLetterRoles(tree: Tree, attention: boolean, { set }: Notes): void {
  const words: Array<Extract<Node, { k: 'name' }>> = [];
  walk(tree, (n) => void (n.k === 'name' ? words.push(n) : n.k === 'apply' && n.head.k === 'name' && words.push(n.head)));
  // (A word read as a letter of several characters, `loss` in `L_2 loss`: a word too.)
  walk(tree, (n) => void (n.k === 'sym' && /^[A-Za-z]{3,}$/.test(n.name) && !GREEK[n.name] && words.push({ k: 'name', v: n.name })));
  // (Attention's words need attention around them, or two of them side by side.)
  const attentionWords = attention || new Set(words.map((n) => n.v.toLowerCase()).filter((v) => ATTENTION_WORDS[v])).size >= 2;
  for (const n of words) {
    const v = n.v.toLowerCase();
    const meaning = WORD_LETTERS[v] ?? (attentionWords ? ATTENTION_WORDS[v] : undefined);
    if (meaning) set(pretty(n), meaning);
  }
  // (PE_{(pos, 2i)}: the i under the encoding's name indexes its pairs of dimensions.)
  walk(tree, (n) => {
    const name = n.k === 'name' ? n : n.k === 'apply' && n.head.k === 'name' ? n.head : null;
    if (!name || name.v.toLowerCase() !== 'pe') return;
    walk({ k: 'row', items: [name.sub ?? { k: 'row', items: [] }, n.k === 'apply' ? n.arg : { k: 'row', items: [] }] } as Tree, (m) => void (m.k === 'sym' && m.name === 'i' && set('i', 'the index of a pair of dimensions of the encoding (entries 2i and 2i + 1)')));
  });
}

/**
 * A gradient written as one term, ∇_θ J(θ), ∇J, ∂L/∂W: the gradient of that function with respect to that variable,
 * named as a whole beside its letters.
 */
function gradientTermRoles(tree: Tree, { set }: Notes): void {
  walk(tree, (n) => {
    if (n.k === 'frac') {
      const [num, den] = [rowOf(n.num), rowOf(n.den)];
      // (Or written with d, dL/dw, as code and first courses write it.)
      const d = (x: Node) => x.k === 'sym' && (x.name === 'partial' || (x.name === 'd' && !x.sub && !x.sup && !x.mods.length));
      const [top, bottom] = [num[0], den[0]];
      const of = num.length === 2 && d(top) ? num[1] : undefined;
      const wrt = of && den.length === 2 && d(bottom) && top.k === 'sym' && bottom.k === 'sym' && top.name === bottom.name ? den[1] : undefined;
      if (of && wrt) set(pretty(n), `the gradient (partial derivative) of ${pretty(of)} with respect to ${pretty(wrt)}`);
      return;
    }
    if (n.k !== 'row') return;
    n.items.forEach((x, i) => {
      const next = n.items[i + 1];
      if (x.k !== 'sym' || x.name !== 'nabla' || !next || (next.k !== 'sym' && next.k !== 'apply')) return;
      const wrt = x.sub ? pretty(x.sub) : next.k === 'apply' ? pretty(next.arg) : 'its arguments';
      set(pretty({ k: 'row', items: [x, next] }), `the gradient of ${pretty(next.k === 'apply' ? next.head : next)} with respect to ${wrt}`);
      // (∇J(w) is also written ∇J in the sentence around it.)
      if (next.k === 'apply') set(pretty({ k: 'row', items: [x, next.head] }), `the gradient of ${pretty(next.head)} with respect to ${wrt}`);
    });
  });
}

/** Activation functions written by their names, and what the hover says of them where a formula applies them. */
const APPLIED = ': the activation function (the nonlinearity) applied here';
const ACTIVATION_NAMES: Record<string, string> = lookupTable({
  softmax: "the softmax function, turning the scores into probabilities (an output layer's activation function)",
  tanh: `the hyperbolic tangent tanh, squashing into (−1, 1)${APPLIED}`, sigmoid: `the sigmoid function σ, squashing into (0, 1)${APPLIED}`,
  relu: `the ReLU function max(0, z)${APPLIED}`, leakyrelu: `the leaky ReLU function${APPLIED}`, gelu: `the GELU function${APPLIED}`,
  elu: `the ELU function${APPLIED}`, softplus: `the softplus function log(1 + e^z)${APPLIED}`,
});

/** xᵀW, X · W_1, w · x, θᵀX: a weight (W, U, w, θ, ω, or a transposed letter) times one other letter, and nothing else. */
function weightedProduct(r: Node[]): boolean {
  const items = r.filter((x) => !(x.k === 'op' && ['·', '*', '∗', '×'].includes(x.v)));
  const weight = (x: Node) => x.k === 'sym' && (/^([WU]|w|theta|Theta|omega)$/.test(x.name) || isT(x.sup));
  return items.length === 2 && items.every((x) => x.k === 'sym') && (weight(items[0]) || weight(items[1])) && (items[0] as Sym).name !== (items[1] as Sym).name;
}

/** Concepts whose formulas apply an activation function to a weighted sum: a layer, a network, a recurrent step. */
const NETWORK_STEPS: ReadonlySet<ConceptId> = new Set<ConceptId>(['affine-layer', 'mlp', 'rnn', 'lstm', 'gru', 'bidirectional-rnn', 'fixed-window-lm', 'seq2seq']);

/**
 * a^{[l]} = g^{[l]}(z^{[l]}), h^l = φ(u^l): in a network, what an activation function of one letter defines is the layer's
 * activation and its argument the pre-activation; W ← W − η δ a: the error term δ a step moves by is the gradient.
 */
function layerActivationRoles(tree: Tree, concept: ConceptId | null, { notes, set }: Notes): void {
  const generic = (key: string) => /^(the quantity this formula defines|a quantity|a weight matrix)/.test(notes.get(key) ?? '');
  // f(w·x + b), g(Σ_i w_i x_i + b), φ(W h + U x): a one-letter function of a weighted sum is the activation function,
  // whatever the formula is (a neuron, a layer, a step of a network the formula only writes in part).
  walk(tree, (n) => {
    if (n.k !== 'apply' || n.head.k !== 'sym' || !/^(f|g|h|s|phi|varphi|psi)$/.test(n.head.name) || n.head.mods.includes('prime') || !(weightedSum(rowOf(n.arg)) || weightedProduct(rowOf(n.arg)))) return;
    const key = symbolKey(n.head);
    set(key, 'the activation function (the nonlinearity, applied element-wise)', /^a function of/.test(notes.get(key) ?? ''));
  });
  // f(Wx + b), φ(u_k), g(z^{[l]}) in a layer or a recurrent step: the one-letter function is the activation function.
  if (concept && (NETWORK_STEPS.has(concept) || concept === 'logistic-regression' || concept === 'softmax-regression')) {
    walk(tree, (n) => {
      if (n.k !== 'apply' || n.head.k !== 'sym' || !/^(f|g|phi|varphi)$/.test(n.head.name)) return;
      const arg = rowOf(n.arg);
      const preActivation = arg.length === 1 && arg[0].k === 'sym' && /^(z|u|a|s|net|Z|U)$/.test(arg[0].name) && !!(arg[0].sub || arg[0].sup);
      const key = symbolKey(n.head);
      // (In logistic or softmax regression, g(θᵀx): the function of the linear score is the activation, whatever the score's form.)
      const score = (concept === 'logistic-regression' || concept === 'softmax-regression') && arg.some((x) => x.k === 'sym');
      if (affineSide(arg) || preActivation || score) set(key, 'the activation function (the nonlinearity, applied element-wise)', /^a function of/.test(notes.get(key) ?? ''));
    });
  }
  // f(x) = max(0, x), h(x) = 1/(1 + e^{−x}): the function an activation's own formula defines is that activation function.
  if (concept && CATALOG[concept].group === 'activation') {
    for (const eq of equations(tree)) {
      const at = eq.findIndex((x) => x.k === 'op' && EQUALS.has(x.v));
      const lhs = at === 1 ? eq[0] : undefined;
      // (P(y | x) = softmax(…) defines a probability, not a function.)
      if (lhs?.k !== 'apply' || lhs.head.k !== 'sym' || !/^([a-zA-Z]|phi|varphi|psi|sigma)$/.test(lhs.head.name) || /^[pPq]$/.test(lhs.head.name)) continue;
      const key = symbolKey(lhs.head);
      // (g′(z) = g(z)(1 − g(z)) defines the derivative: g itself is the activation function.)
      if (lhs.head.mods.includes('prime')) {
        const fn = pretty({ ...lhs.head, mods: [] });
        set(key, `the derivative (gradient) of the activation function ${fn}`, true);
        set(fn, `the activation function (${CATALOG[concept].title})`, /^(a function of|an activation function or feature map)/.test(notes.get(fn) ?? ''));
        continue;
      }
      // (s(x)_i = e^{x_i}/Σ e^{x_j}: the letter applied is the function, not the probabilities it gives.)
      set(key, `the activation function this formula defines (${CATALOG[concept].title})`, /^(a function of|an activation function or feature map|the probabilities the softmax gives)/.test(notes.get(key) ?? ''));
    }
  }
  // tanh(W h + U x), ReLU(z), \text{sigmoid}(a) — an activation written by its name — and `ReLU(x) = max(0, x)`, `RELU =
  // max(0, z)`, the name an activation's own formula defines.
  const defined = concept && CATALOG[concept].group === 'activation' ? equations(tree).map((eq) => eq[0]).filter((x) => x && (x.k === 'name' || (x.k === 'apply' && x.head.k === 'name'))) : [];
  walk(tree, (n) => {
    const head = n.k === 'apply' && n.head.k === 'name' ? n.head : n.k === 'name' && defined.includes(n) ? n : null;
    const name = head?.v.toLowerCase() ?? '';
    if (!head || !ACTIVATION_NAMES[name]) return;
    const own = defined.some((d) => d === n || (d.k === 'apply' && d.head === head));
    // (In attention the softmax turns scores into weights: no layer's activation.)
    const inAttention = name === 'softmax' && !!concept && CATALOG[concept].group === 'attention';
    set(pretty(head), own ? `the activation function this formula defines (${CATALOG[concept!].title})` : inAttention ? 'the softmax function, turning the scores into weights that sum to 1' : ACTIVATION_NAMES[name]);
  });
  // (A one-letter function of one letter outside a network says nothing by itself: R = g(S).)
  if (concept === 'mlp') {
    for (const { head, f, arg } of appliedDefinitions(tree)) {
      if (!/^(g|f|phi|varphi|sigma|sigmoid)$/.test(f.fn) || arg.length !== 1 || arg[0].k !== 'sym') continue;
      set(symbolKey(head), "the layer's activation (its output) — defined here", generic(symbolKey(head)));
      set(symbolKey(arg[0]), 'the pre-activation (the weighted input) of the layer', generic(symbolKey(arg[0])));
    }
  }
  // (δ^l = ∂C/∂z^l in backpropagation, and the δ a step moves by: the error term.)
  if (!concept || !['gradient-descent', 'minibatch-sgd', 'chain-rule', 'backpropagation-through-time'].includes(concept)) return;
  walk(tree, (n) => void (n.k === 'sym' && n.name === 'delta' && (n.sub || n.sup) && set(symbolKey(n), 'the error term: the gradient of the loss with respect to the pre-activation', /^(a quantity|the quantity this formula defines)/.test(notes.get(symbolKey(n)) ?? ''))));
}

/** 0. Letters the note's sentence names ("the query $q$", "$h_t$ is the hidden state"): its words, first. */
function proseRoles(tree: Tree, { set }: Notes, inScripts: Set<Node>, named?: Map<string, string>): void {
  if (!named?.size) return;
  walk(tree, (n) => {
    if (n.k !== 'sym' || inScripts.has(n)) return;
    // The sentence may name the letter without its layer superscript or its index ("the weights $W$" for W^{(ℓ)}, "the
    // hidden state $h$" for h_t): the same letter, in the same font and accents.
    const said = named.get(symbolKey(n)) ?? named.get(symbolKey({ ...n, sup: undefined })) ?? named.get(symbolKey({ ...n, sub: undefined, sup: undefined }));
    if (said) set(symbolKey(n), said);
  });
}

/**
 * Letters with several common meanings in ML notation (α: a weight, a rate or a slope; K: a count or the keys; V: the
 * vocabulary or the values; σ: the sigmoid or a deviation; μ, τ, y): their usual meaning does not tell which.
 */
const HEDGED = new Set(['alpha', 'K', 'V', 'sigma', 'mu', 'tau', 'y']);
/** Letters whose usual meaning is an index or a count. */
const COUNTING = new Set(['i', 'n', 'N', 't', 'T']);

/** Catalog concepts of mathematics rather than of a model: the glossary's model letters do not apply in them. */
const MATH_CONCEPTS = new Set<ConceptId>(['norms', 'trace', 'cauchy-schwarz', 'spectral-theorem', 'bayes-rule', 'probability-chain-rule', 'kl-divergence', 'chain-rule', 'cosine-similarity']);

/** Symbols with one meaning in all of mathematics, named even in formulas outside the catalog. */
const UNIVERSAL: Record<string, string> = lookupTable({
  pi: 'π ≈ 3.14159, the ratio of a circle\'s circumference to its diameter',
  e: "Euler's number ≈ 2.71828, the base of natural logarithms",
  infty: 'infinity',
  nabla: 'the gradient (vector of partial derivatives)',
  partial: 'a partial derivative',
});

/** Operators and functions a formula uses, named in words (for non-catalog formulas too). */
export function describeOperators(tree: { k: 'row'; items: Node[] }): SymbolNote[] {
  const found = new Map<string, string>();
  const NAMES: Record<string, [string, string]> = {
    exp: ['exp', 'the exponential e^x'], log: ['log', 'the logarithm (natural unless a base is given)'], sigmoid: ['σ(·)', 'the sigmoid function'],
    softmax: ['softmax', 'turns scores into probabilities'], tanh: ['tanh', 'hyperbolic tangent'], max: ['max', 'the larger of its arguments'],
    argmax: ['argmax', 'the argument that maximises the expression'], argmin: ['argmin', 'the argument that minimises the expression'],
    sin: ['sin', 'sine'], cos: ['cos', 'cosine'], det: ['det', 'the determinant'], tr: ['tr', 'the trace'], lim: ['lim', 'a limit'],
    binom: ['binom', 'a binomial coefficient "n choose k"'],
  };
  walk(tree, (n) => {
    if (n.k === 'apply' && NAMES[n.fn]) found.set(NAMES[n.fn][0], NAMES[n.fn][1]);
    if (n.k === 'name' && NAMES[n.v.toLowerCase()]) found.set(NAMES[n.v.toLowerCase()][0], NAMES[n.v.toLowerCase()][1]);
    if (n.k === 'big') found.set(n.v === 'sum' ? 'Σ' : n.v === 'prod' ? 'Π' : '∫', n.v === 'sum' ? 'a sum over the index below it' : n.v === 'prod' ? 'a product over the index below it' : 'an integral');
    if (n.k === 'sqrt') found.set('√', 'a square root');
    if (n.k === 'op' && n.v === '±') found.set('±', 'plus or minus: two solutions');
    if (n.k === 'op' && n.v === '⊙') found.set('⊙', 'element-wise multiplication');
    if (n.k === 'group' && n.delim === '‖') found.set('‖·‖', 'a norm (the length of a vector)');
    if (n.k === 'sym' && n.name === 'nabla') found.set('∇', 'the gradient');
    if ('sup' in n && n.sup && isT(n.sup)) found.set('ᵀ', 'transpose: with vectors, uᵀv is the dot product');
  });
  return [...found.entries()].slice(0, 6).map(([symbol, meaning]) => ({ symbol, meaning }));
}
