/**
 * Prose evidence for a formula the structure alone leaves open. Real notes write many formulas in a shorthand only
 * their sentence explains (`P(w_t | w_{<t})` after "a language model assigns", `m = β₁m + (1 − β₁)dx` under
 * "Update rule for Adam"). This step weighs the words near a formula as evidence — but only together with the
 * formula's own shape: each concept has a gate of necessary structural features (a cross-entropy has a log and a
 * sum or a minus, an Adam line defines a moment or a parameter with β or a root …). The words alone never name a
 * concept; a formula that only names letters, declares a shape (`x ∈ ℝ^d`) or states a value never takes one.
 */
import { type Node, walk } from './tex';
import type { ConceptId } from './concepts';
import { namedInOtherLanguage } from './conceptNames';

type Row = Node[];

/** Names of concepts as prose writes them. Order matters only for readability; every match is weighed. */
const PROSE_NAMES: Array<[ConceptId, RegExp]> = [
  ['binary-cross-entropy', /binary cross[- ]?entropy|\blog[- ]loss\b|\bbce\b/i],
  ['cross-entropy', /cross[- ]?entropy/i],
  ['negative-log-likelihood', /negative log[- ]?likelihood|\bnll\b/i],
  ['perplexity', /perplexity/i],
  ['kl-divergence', /\bkl[- ]divergence|kullback/i],
  // (The likelihood of the data, its log, a likelihood function — not a negative log-likelihood or a likelihood ratio.)
  ['maximum-likelihood', /maximum[- ]likelihood|\bmle\b|\bthe likelihood\b(?! ratio)|(?<!negative )\blog[- ]?likelihood|likelihood function|尤度関数|似然函数|우도 ?함수|fonction de vraisemblance|funzione di verosimiglianza|función de verosimilitud|функци[а-яё]* правдоподоби|Likelihood-?Funktion/i],
  ['ngram-markov', /\bn-?gram|\bbigram|\btrigram|markov assumption/i],
  ['language-model', /language model/i],
  ['seq2seq', /encoder[- ]decoder|seq2seq|sequence[- ]to[- ]sequence/i],
  ['bayes-rule', /bayes'? (rule|theorem)/i],
  ['scaled-dot-product-attention', /scaled dot[- ]product/i],
  ['multi-head-attention', /multi-?head/i],
  ['self-attention', /self[- ]attention/i],
  ['attention', /attention|weighted (sum|average|combination) (of|over) the values|\bquer(y|ies)\b[^.]*\bkeys?\b|\bkeys?\b[^.]*\bquer(y|ies)\b|\bkey vectors?\b|\bvalue vectors?\b/i],
  ['adam', /\badam\b/i],
  ['minibatch-sgd', /stochastic gradient|\bsgd\b|mini-?batch gradient/i],
  ['gradient-descent', /gradient descent/i],
  ['logistic-regression', /logistic regression/i],
  ['linear-regression', /linear regression/i],
  ['mse', /mean squared error|\bmse\b|squared error/i],
  ['softmax', /softmax/i],
  ['sigmoid', /sigmoid|logistic function/i],
  ['tanh', /\btanh\b|hyperbolic tangent/i],
  ['relu', /\brelu\b|rectified linear/i],
  ['affine-layer', /fully[- ]connected|linear (layer|transformation|map|score function)|affine (layer|map|transformation)/i],
  ['chain-rule', /chain rule(?! of probabilit)/i],
  ['lstm', /\blstm|long short[- ]term|forget gate|cell state/i],
  ['gru', /\bgru\b|gated recurrent/i],
  ['rnn', /recurrent|\brnn|elman/i],
  ['autoencoder', /auto-?encoder|reconstruction/i],
  ['dropout', /dropout|dropped/i],
  ['hinge-loss', /hinge|\bsvm\b|margin loss/i],
  ['regularization', /regulari[sz]|weight decay|penalt/i],
];

/** The general concept each named one specialises (a sentence naming both names the specific one). */
const SPECIALISES: Partial<Record<ConceptId, ConceptId[]>> = {
  'binary-cross-entropy': ['cross-entropy'], 'negative-log-likelihood': ['cross-entropy'], perplexity: ['cross-entropy'],
  'ngram-markov': ['language-model'], 'scaled-dot-product-attention': ['attention', 'self-attention'],
  'multi-head-attention': ['attention', 'self-attention'], 'self-attention': ['attention'], 'minibatch-sgd': ['gradient-descent'],
  adam: ['gradient-descent'], seq2seq: ['language-model'], lstm: ['rnn'], gru: ['rnn'],
};

/** A family's member a formula shows by its shape alone, when the words name the family. */
const BY_SHAPE: Partial<Record<ConceptId, ConceptId[]>> = {
  'cross-entropy': ['binary-cross-entropy'], attention: ['scaled-dot-product-attention', 'self-attention'], 'self-attention': ['scaled-dot-product-attention'],
  'language-model': ['ngram-markov'],
};

/** Concepts that are parts of bigger ones (a model's activation, its linear layer). */
const PARTS = new Set<ConceptId>(['sigmoid', 'tanh', 'relu', 'softmax', 'affine-layer']);

/** Words that say the formula is a variant outside the catalog (smoothing an n-gram model, discounting counts). */
const OUTSIDE = /interpolat|discount|smoothing|back-?off/i;

/** Structural features of a formula, computed once. */
export interface Features {
  relation: boolean;
  lhs: Row;
  log: boolean;
  exp: boolean;
  prob: boolean;
  cond: boolean;
  sum: boolean;
  prod: boolean;
  frac: boolean;
  sqrt: boolean;
  max: boolean;
  argmax: boolean;
  square: boolean;
  minus: boolean;
  deriv: boolean;
  letters: Set<string>;
  /** Letters written as quantities (not only inside a subscript). */
  main: Set<string>;
  fns: Set<string>;
  src: string;
}

const REL = new Set(['=', '←', '≈', ':=', '≜', '\\leftarrow', '\\gets', '→']);

export function features(items: Row, src: string): Features {
  const letters = new Set<string>();
  const fns = new Set<string>();
  const f: Features = { relation: false, lhs: [], main: new Set<string>(), log: false, exp: false, prob: false, cond: false, sum: false, prod: false, frac: false, sqrt: false, max: false, argmax: false, square: false, minus: false, deriv: false, letters, fns, src };
  const relAt = items.findIndex((x) => x.k === 'op' && REL.has(x.v));
  if (relAt > 0) (f.relation = true), (f.lhs = items.slice(0, relAt));
  for (const top of items) {
    walk(top, (n) => {
      if (n.k === 'sym') {
        letters.add(n.name);
        if (n.name === 'partial' || n.name === 'nabla') f.deriv = true;
      } else if (n.k === 'apply' || n.k === 'name') {
        const fn = (n.k === 'apply' ? n.fn : n.v).toLowerCase();
        fns.add(fn);
        if (fn === 'log' || fn === 'ln') f.log = true;
        if (fn === 'exp') f.exp = true;
        if (fn === 'max' || fn === 'min') f.max = true;
        if (fn === 'argmax' || fn === 'argmin') f.argmax = true;
        if (fn === 'sum') f.sum = true;
        // (A density written N(x | μ, σ²) is a probability of its argument too.)
        if (n.k === 'apply' && (/^(p|pr|q)$/.test(fn) || n.fn === 'N')) {
          f.prob = true;
          walk(n.arg, (m) => {
            if (m.k === 'op' && m.v === '|') f.cond = true;
          });
        }
      } else if (n.k === 'big') {
        if (n.v === 'sum') f.sum = true;
        if (n.v === 'prod') f.prod = true;
      } else if (n.k === 'frac') {
        f.frac = true;
        // dy/dx (also δy/δx): a derivative written with d's.
        const lead = (x: Node) => (x.k === 'row' ? x.items[0] : x);
        const [a, b] = [lead(n.num), lead(n.den)];
        if (a?.k === 'sym' && b?.k === 'sym' && /^(d|delta)$/.test(a.name) && a.name === b.name) f.deriv = true;
      }
      else if (n.k === 'sqrt') f.sqrt = true;
      else if (n.k === 'op' && (n.v === '-' || n.v === '−')) f.minus = true;
      else if (n.k === 'op' && n.v === '/') f.frac = true;
      // (x^2 and x^{2}: a braced exponent is a row holding the number.)
      const exponent = 'sup' in n && n.sup ? (n.sup.k === 'row' && n.sup.items.length === 1 ? n.sup.items[0] : n.sup) : undefined;
      if (exponent && exponent.k === 'num' && exponent.v === 2) f.square = true;
      if (n.k === 'sym' && n.name === 'e' && n.sup) f.exp = true;
    });
  }
  if (/\\nabla|\\partial|∂|∇/.test(src)) f.deriv = true;
  const main = (n: Node | undefined): void => {
    if (!n) return;
    if (n.k === 'sym') f.main.add(n.name);
    if (n.k === 'row') n.items.forEach(main);
    else if (n.k === 'group') main(n.body);
    else if (n.k === 'apply') main(n.arg);
    else if (n.k === 'frac') (main(n.num), main(n.den));
    else if (n.k === 'sqrt') main(n.body);
  };
  items.forEach(main);
  return f;
}

const has = (f: Features, ...ls: string[]) => ls.some((l) => f.main.has(l));
/** A conditional on the history of a sequence (`x_{1:i-1}`, `w_{<t}`, `y_{t-1}, …`), not on a truncated window. */
const history = (f: Features) => f.cond && /_\{?\s*(<\s*[a-z]|[a-z]\s*-\s*1\b|[01]\s*:)|\\ldots|\\dots|\.\.\./.test(f.src) && !/[a-z]\s*-\s*\(?\s*n|n\s*-\s*1/.test(f.src);
/** A log of one minus something, or one minus a label times a log: the binary form. */
const binaryLog = (src: string) => /\(\s*1\s*-[^()]*\)\s*\\?(log|ln)|\\?(log|ln)\s*(\\left)?\s*\(\s*1\s*-/.test(src);
const lhsLetters = (f: Features) => f.lhs.flatMap((x) => (x.k === 'sym' ? [x.name] : x.k === 'apply' && x.head.k === 'sym' ? [x.head.name] : []));
/** An update of a quantity by itself minus a step (θ := θ − α …, w ← w − η …). */
const selfUpdate = (f: Features) => {
  const head = lhsLetters(f)[0];
  // (The parameter may be written bold on both sides, \mathbf{\theta} ← \mathbf{\theta} − η Δ.)
  const src = f.src.replace(/\\leftarrow|:=/g, '=').replace(/\\(mathbf|boldsymbol|bm|vec)\s*\{\s*(\\?\w+)\s*\}/g, '$2');
  return !!head && f.minus && /^(theta|Theta|w|W|b|x)$/.test(head) && has(f, 'alpha', 'eta', 'lr', 'epsilon') && new RegExp(`[=←]\\s*\\\\?${head}\\b`).test(src);
};
/** Derivatives multiplied along a path (∂L/∂a · ∂a/∂z, f′(g(x)) g′(x)). */
const derivativeProduct = (f: Features) => (f.src.match(/\\[dt]?frac\s*\{\s*\\?(partial|delta|d)\b/g) ?? []).length >= 2 || /\w'\s*\(\s*\w\s*\(\s*\w\s*\)\s*\)\s*\w'\s*\(/.test(f.src);
/** Two letters side by side, one a matrix or weight letter (W x, x W, U h): a linear map of a vector. */
const linearMap = (f: Features) => /(?:\b|\\mathbf\{|\\boldsymbol\{|\\bm\{)?[WUVw]\w*[}_^{\w]*\s*\\?(?:cdot\s*)?\\?(?:mathbf\{|boldsymbol\{)?[xhaz]|[xhaz][}_\w{]*\s*\\?(?:mathbf\{|boldsymbol\{)?W/.test(f.src);

/** A line in the input: the input letter (x, X) with a sum, or multiplied by a coefficient (θ'x, θ.X, b * x); no square, no derivative. */
const lineInInput = (f: Features) => has(f, 'x', 'X') && !f.square && !f.deriv && (/\+/.test(f.src) || /['.*]\s*(\\mathbf\s*\{\s*)?[xX]\b/.test(f.src));

/** Counts of events (count(a, b), #(w), C(w_1 w_2)): an estimate by counting. */
const countOf = (src: string) => /count|\\#/i.test(src) || /\bC\s*\(/.test(src);
/** Conditional probabilities in the formula (a product of them is a chain of predictions). */
const conditionals = (f: Features) => (f.src.match(/\\mid|\|(?!\|)/g) ?? []).length;
/** A joint probability written as a product of conditionals (P(W) = P(W_1) P(W_2 | W_1) …). */
const chain = (f: Features) => {
  let depth = 0;
  let at = -1;
  for (let i = 0; i < f.src.length && at < 0; i++) {
    const c = f.src[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === '=' && depth === 0) at = i;
  }
  const lhs = at < 0 ? '' : f.src.slice(0, at);
  const rhs = at < 0 ? '' : f.src.slice(at + 1);
  return f.relation && /\b[pP]\s*\\?(left)?\(/.test(lhs) && !/\\mid|\|/.test(lhs) && /\\mid|\|/.test(rhs) && (rhs.match(/\b[pP]\s*\\?(left)?\(/g) ?? []).length >= 2;
};
/** The probability of a whole sequence (`p(x_1, …, x_L)`, `p(x_{1:L})`, a sentence's words). */
const sequenceJoint = (f: Features) => f.prob && !f.cond && (/\\dots|\\ldots|\.\.\.|_\{?\s*1\s*:/.test(f.src) || (f.src.match(/,/g) ?? []).length >= 3);
/** A conditional equated to one on a shorter history (p(x | a, b, c) = p(x | b, c)), or a window of n − 1 items. */
const markovCut = (f: Features) => f.cond && (/[a-z]\s*-\s*\(\s*n\s*-\s*1|[a-z]\s*-\s*n\s*\+\s*1/.test(f.src) || (f.relation && conditionals(f) === 2 && /^\s*\\?(?:p|P|Pr)\b/.test(f.src) && !f.prod && !/\\cdot|\\times|\)\s*\\?[pP]\s*\(/.test(f.src)));
/** Lines defining a query, key or value as a projection (`Q = X W_q`, `k_i = W^K x_i`). */
function projections(f: Features): number {
  const lines = f.src.split(/\\\\|;|&|\\q?quad|,(?![^{]*\})/);
  return lines.filter((l) => /^\s*\\?(?:mathbf|boldsymbol|bm|vec)?\s*\{?\s*[QKVqkv]\b\s*\}?\s*(?:_\{?[^=]*\}?|\^\{?[^=]*\}?)*\s*\s?[a-z]?\s*=/.test(l) && /W|\\W/.test(l.split('=')[1] ?? '')).length;
}
/** A score defined as a product of two vectors (score_i = x_i^T W^T W y, e_{ij} = q_j · k_i / √d). */
const scoreOfPair = (f: Features) => /^\s*(\\text\s*\{\s*score\s*\}|\\mathrm\s*\{\s*score\s*\}|score|e|s)(?![a-zA-Z])/.test(f.src) && /\^\s*\{?\s*(T|\\top)|\\cdot/.test(f.src) && !f.log && !f.exp;
/** Functions applied in the formula (h_θ(x) counts once). */
const applyCount = (f: Features) => f.fns.size;
/** An element-wise product (⊙, ∘, *). */
const elementwise = (f: Features) => /\\odot|\\circ|⊙|∘|\*/.test(f.src);
/** How many of the given gate letters stand in the formula as quantities (f_t, I_t, …). */
const gateLetters = (f: Features, letters: string) => [...letters].filter((l) => f.main.has(l) || f.main.has(l.toUpperCase())).length;
/** The defined letter also appears one step back on the right (h_t … h_{t−1}, h′ … h). */
const previousState = (f: Features) => {
  const head = f.lhs.find((x): x is Extract<Node, { k: 'sym' }> => x.k === 'sym');
  if (!head) return false;
  const rest = f.src.slice(f.src.search(/=|\\leftarrow|←/) + 1);
  return new RegExp(`(^|[^a-zA-Z\\\\])${head.name}(_\\{?\\(?t\\s*-\\s*1|\\b(?!'|′))`).test(rest) && /t\s*-\s*1|'|′/.test(f.src);
};
/** A letter and its own reconstruction (x̃, x̂, x′, x*) both in the formula. */
const reconstruction = (f: Features) => /\\(tilde|hat)\s*\{?\s*\\?(?:mathrm\{)?([A-Za-z])\b/.test(f.src) || /([A-Za-z])(?:_\{?\w+\}?)?\s*\^\s*\{?\s*\*/.test(f.src);

/** Shapes that alone tell a family member apart (the binary form, scaling by a root, projections of one input). */
const SHAPE_ONLY_GATES: Partial<Record<ConceptId, (f: Features) => boolean>> = {
  'binary-cross-entropy': (f) => f.log && binaryLog(f.src) && !f.deriv,
  'scaled-dot-product-attention': (f) => (has(f, 'Q') && has(f, 'K') && f.sqrt) || (scoreOfPair(f) && /\\sqrt\s*\{?\s*[dD]/.test(f.src)),
  'self-attention': (f) => projections(f) >= 2,
  'ngram-markov': (f) => (f.relation && f.prob && f.cond && countOf(f.src)) || markovCut(f),
};

/** Necessary structural features of each concept the prose may name (a formula without them is something else). */
const GATES: Partial<Record<ConceptId, (f: Features) => boolean>> = {
  // (H(p) = −Σ p log p is the entropy of one distribution, not a cross-entropy.)
  'cross-entropy': (f) => (f.log && (f.sum || f.minus || f.prod) && !f.deriv && !/^H\s*\(\s*\w\s*\)\s*=/.test(f.src.trim())) || /^H\s*\(\s*\w+\s*,\s*\w+\s*\)\s*=/.test(f.src.trim()),
  'binary-cross-entropy': (f) => f.log && binaryLog(f.src) && !f.deriv,
  'negative-log-likelihood': (f) => f.log && f.minus && !f.deriv,
  perplexity: (f) => (f.exp || /\^\s*\{?\s*-/.test(f.src)) && (f.prob || f.log),
  'kl-divergence': (f) => f.log && (f.frac || f.minus) && f.prob,
  // (Or the likelihood itself: a product of conditionals, or a sum of their logs, with no minus in front.)
  'maximum-likelihood': (f) => ((f.argmax || f.max) && (f.prob || f.log || f.fns.has('ll'))) || (f.prod && f.cond && !f.minus && !f.deriv) || (f.sum && f.log && f.prob && f.cond && !f.minus && !f.deriv),
  'ngram-markov': (f) => (f.relation && f.prob && f.cond && countOf(f.src)) || markovCut(f),
  'language-model': (f) => f.prob && (history(f) || (f.prod && f.cond) || chain(f) || sequenceJoint(f)) && !f.exp && !f.frac && !has(f, 'sigma', 'lambda'),
  // (A lone conditional, p(y | x), is what every model of y given x writes: the words alone do not make it one.)
  seq2seq: (f) => f.prob && f.cond && has(f, 'y') && has(f, 'x', 'c', 'X', 's') && (f.relation || f.prod || f.sum || f.log),
  'bayes-rule': (f) => f.prob && f.cond && f.frac,
  'multi-head-attention': (f) => has(f, 'Q', 'K', 'V') && (f.fns.has('concat') || /head/i.test(f.src)),
  'self-attention': (f) => f.relation && (has(f, 'Q', 'K', 'q', 'k') || f.fns.has('softmax')),
  'scaled-dot-product-attention': (f) => has(f, 'Q') && has(f, 'K') && (f.sqrt || f.fns.has('softmax')),
  attention: (f) => (f.sum && (has(f, 'alpha', 'a', 'w', 'v', 'V') || ['alpha', 'a', 'w'].some((l) => f.fns.has(l)))) || (f.relation && (f.fns.has('softmax') || (f.exp && f.frac) || projections(f) >= 1 || scoreOfPair(f))),
  adam: (f) => f.relation && /^(m|v|s|theta|w|W|x)$/.test(lhsLetters(f)[0] ?? '') && (/beta/.test(f.src) || f.sqrt),
  'minibatch-sgd': (f) => f.relation && f.deriv && f.sum,
  'gradient-descent': (f) => (f.relation && f.deriv && has(f, 'alpha', 'eta', 'lr')) || selfUpdate(f),
  // (Or a line in the input, ŷ = mx + b, h(x) = θ₀ + θ₁ * x₁ + …, θ'x, θ.X: an input letter, a sum or a product.)
  'linear-regression': (f) => f.relation && (/\^\s*\{?\s*(T|\\top)|\\cdot/.test(f.src) || lineInInput(f)) && !f.exp && !f.log && !f.prob && applyCount(f) <= 1,
  'logistic-regression': (f) => f.relation && (f.fns.has('sigma') || f.fns.has('sigmoid') || f.fns.has('g')) && /\^\s*\{?\s*(T|\\top)|\\cdot/.test(f.src) && !f.log,
  mse: (f) => f.square && f.minus && !f.log && !f.exp,
  softmax: (f) => (f.exp && f.frac) || (f.fns.has('softmax') && f.relation),
  // (Its derivative σ(1 − σ) is explained with the function, as for every element-wise activation.)
  sigmoid: (f) => (f.exp && f.frac && /1\s*\+/.test(f.src)) || (f.deriv && /\b(\w)\s*\\?(?:left)?\(\s*1\s*-\s*\1\s*\\?(?:right)?\)/.test(f.src)),
  tanh: (f) => f.fns.has('tanh') || (f.deriv && /1\s*-\s*\w\^\{?2/.test(f.src)),
  relu: (f) => f.max && /\(\s*0\s*,|,\s*0\s*\)/.test(f.src),
  'affine-layer': (f) => f.relation && linearMap(f) && !f.log && !f.exp && !f.prob && !f.deriv,
  'chain-rule': (f) => (f.deriv && (f.src.match(/\\partial|∂/g)?.length ?? 0) >= 4) || derivativeProduct(f),
  // Gated cells: an element-wise product of a gate letter and a state (c = f ⊙ c_{t−1} + i ⊙ c̃), or a sigmoid gate.
  lstm: (f) => f.relation && elementwise(f) && gateLetters(f, 'cfio') >= 2,
  gru: (f) => f.relation && elementwise(f) && /1\s*-/.test(f.src) && has(f, 'h', 'H'),
  // A state computed from the previous state through a squashing function.
  rnn: (f) => f.relation && (f.fns.has('tanh') || f.fns.has('sigma') || f.fns.has('sigmoid')) && previousState(f),
  // Reconstruction: the squared difference of a letter and its own copy (x̃ − x, I* − I).
  autoencoder: (f) => f.square && f.minus && reconstruction(f),
  dropout: (f) => f.relation && elementwise(f) && has(f, 'm', 'M', 'r', 'mask'),
  'hinge-loss': (f) => f.max && /\(\s*0\s*,|,\s*0\s*\)/.test(f.src) && f.minus,
  regularization: (f) => has(f, 'lambda') && (f.square || /\\\|/.test(f.src)),
};

/** A formula that declares, lists or values things: never given a concept by the words around it. */
function declarative(items: Row, src: string): boolean {
  if (/\\in\b|∈|\\subset/.test(src) && !/[=←]/.test(src.replace(/\\in\b.*$/, ''))) return true;
  // A draw from a distribution (x ~ p) or a proportionality defines no concept of the catalog.
  if (/\\sim\b|\\propto|∝/.test(src)) return true;
  // A value (p(cheese) = 0.4): the right side is one number.
  const rel = items.findIndex((x) => x.k === 'op' && REL.has(x.v));
  const rhs = rel >= 0 ? items.slice(rel + 1).filter((x) => !(x.k === 'op' && [',', '.', ';'].includes(x.v))) : [];
  // (A whole sentence's probability, p(the, mouse, ate) = 0.02, is what a language model gives.)
  if (rel >= 0 && rhs.length === 1 && rhs[0].k === 'num' && (src.match(/,/g) ?? []).length < 3) return true;
  // A vector written out (θ = [θ_0, θ_1, …, θ_n]) or a matrix of entries: notation, not a model.
  if (rel >= 0 && rhs.length === 1 && ((rhs[0].k === 'group' && ['[', '(', '{'].includes(rhs[0].delim) && /,/.test(src)) || rhs[0].k === 'env')) return true;
  const meaningful = items.filter((x) => !(x.k === 'op' && [',', '.', ';'].includes(x.v)));
  if (meaningful.every((x) => x.k === 'sym' || x.k === 'num' || x.k === 'op')) {
    // Letters, numbers and arithmetic only (`w_1x_1 + w_2x_2`, `2HC + H^2`): too little to carry a concept.
    return !/[=←]|\\leftarrow|\\gets/.test(src) || meaningful.length < 4;
  }
  return false;
}

/** The sentence right before the formula (the clause after the last full stop), and the rest of the words. */
export function nearWords(before: string): { near: string; far: string } {
  const text = before.replace(/\s+/g, ' ').trim();
  const cut = Math.max(text.lastIndexOf('. '), text.lastIndexOf('? '), text.lastIndexOf('! '));
  const near = cut >= 0 && text.length - cut > 25 ? text.slice(cut + 1) : text.slice(-160);
  return { near, far: text };
}

function named(words: string): ConceptId[] {
  // (A note in another language names the concept in its own words.)
  const ids = PROSE_NAMES.filter(([id, re]) => re.test(words) || namedInOtherLanguage(id, words)).map(([id]) => id);
  // A sentence naming a specific concept and its general one (self-attention … attention) names the specific one.
  return ids.filter((id) => !ids.some((o) => o !== id && (SPECIALISES[o] ?? []).includes(id)));
}

export interface ProseClaim {
  id: ConceptId;
  score: number;
  why: string;
}

/**
 * The concept the words near a formula name, when the formula has that concept's shape and nothing else is named
 * with a shape that fits. `related` tells whether two concepts are of one family (one claim, not a conflict).
 */
export function proseClaim(items: Row, src: string, ctx: { heading?: string; before?: string }, related: (a: ConceptId, b: ConceptId) => boolean, candidates: ConceptId[] = []): ProseClaim | null {
  if (!items.length || src.length < 4 || declarative(items, src)) return null;
  const f = features(items, src);
  const { near, far } = nearWords(ctx.before ?? '');
  const all = `${ctx.heading ?? ''} ${far}`;
  if (OUTSIDE.test(all)) return null;
  // (A family the words name fits when its own shape or the shape of a member it names by shape is there.)
  const gated = (id: ConceptId) => !!GATES[id]?.(f) || (BY_SHAPE[id] ?? []).some((c) => SHAPE_ONLY_GATES[c]?.(f));
  // (Notes say "stochastic gradient descent" over the plain update θ ← θ − η g too: without a batch in the formula,
  // it is gradient descent's step.)
  const fits = (ids: ConceptId[]) => [...new Set(ids.flatMap((id) => (gated(id) ? [id] : id === 'minibatch-sgd' && gated('gradient-descent') ? ['gradient-descent' as ConceptId] : [])))];
  const pick = (all: ConceptId[]): ConceptId | null => {
    // An activation or a layer that fits next to a model that fits is a part of that model (tanh in an RNN cell).
    const ids = all.some((id) => !PARTS.has(id)) ? all.filter((id) => !PARTS.has(id)) : all;
    if (!ids.length) return null;
    const head = ids[0];
    return ids.every((id) => id === head || related(id, head)) ? ids.find((id) => !ids.some((o) => o !== id && (SPECIALISES[o] ?? []).includes(id))) ?? head : null;
  };
  const nearFit = fits(named(near));
  const id = nearFit.length ? pick(nearFit) : pick(fits(named(all)));
  if (!id) return null;
  // Another concept the structure considered is named too (a softmax in a note on attention): the words do not decide.
  if (named(all).some((o) => o !== id && candidates.includes(o) && !(SPECIALISES[id] ?? []).includes(o) && !(SPECIALISES[o] ?? []).includes(id))) return null;
  // The formula shows the specific member of the family the words name (log(1 − q): the binary cross-entropy).
  const claimed = (BY_SHAPE[id] ?? []).find((c) => SHAPE_ONLY_GATES[c]?.(f)) ?? id;
  return nearFit.length
    ? { id: claimed, score: 2.6, why: `the sentence before names it (${claimed}) and the formula has its shape` }
    : { id: claimed, score: 2.3, why: `the words around it name it (${claimed}) and the formula has its shape` };
}
