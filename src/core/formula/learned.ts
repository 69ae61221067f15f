/**
 * A learned second opinion on a formula's concept. The structural recogniser (recognise.ts) matches patterns; this is a
 * softmax regression over the formula's tokens and the words of its sentence, trained (bench/formula/train.ts) on
 * formulas that other people's notes write and a reader labelled. It never explains anything itself: it only
 *  - takes a concept away from the recogniser when notes that write a formula this way almost never mean that concept
 *    (the hover then says it is unsure, and why; explain.ts's switchedTo names the concept the model gives instead
 *    when the recogniser read that one too, nearly as well), and
 *  - names a concept the recogniser left open when the notes it learned from name one for such a formula almost always.
 * The weights are numbers per feature (a token of TeX, a word or two words of the sentence); a feature is kept only
 * when it occurs in several labelled sources, so no source's own text is in the model (which holds names of features
 * and bytes, not sentences).
 */
import { CONCEPT_IDS, type ConceptId, isConceptId } from './concepts';

/**
 * A trained model: class names (concept ids and `null`), feature names, and one row of weights per feature (one
 * weight per class). Rows are stored centred on their median (softmax ignores a constant added to every class) and
 * quantised to bytes with a scale per row.
 */
export interface LearnedModel {
  classes: string[];
  /** Feature name → row. */
  index: Map<string, number>;
  /** Row-major quantised weights, rows × classes. */
  q: Int8Array;
  /** Per row: the weight of a step of 1 in q. */
  scales: Float64Array;
  trainedOn?: TrainedOn;
}

export interface TrainedOn {
  sources: number;
  formulas: number;
  minSources: number;
  epochs: number;
  seed: number;
}

/** The model as JSON: weights as base64 of the signed bytes. */
export interface StoredModel {
  version: 3;
  classes: string[];
  features: string[];
  scales: number[];
  weights: string;
  trainedOn?: TrainedOn;
}

export interface Prediction {
  /** The most probable class: a concept id, or null (not a catalog concept). */
  best: ConceptId | null;
  p: number;
  /** Probability of each class the model knows (concept ids, and `null`). */
  probs: Map<string, number>;
  /** Features of the formula the model has weights for: how much it had to go on. */
  known: number;
}

/**
 * When the model may overrule or complete the recogniser, for every concept alike (chosen by an 11-fold
 * cross-validation by folder of held-out predictions; bench/formula/README.md). Below KEEP_AT_LEAST probability of the
 * recogniser's concept, the recogniser's claim is withdrawn …
 */
export const KEEP_AT_LEAST = 0.1;
/** … when the model gives another answer (a concept, or none) at least this probability. */
export const OTHER_AT_LEAST = 0.5;
/** From this probability on, a concept the recogniser left open is named. */
export const NAME_FROM = 0.97;
/** Fewer known features than this and the model has no opinion (a formula of two tokens, an unseen script). */
export const MIN_KNOWN = 4;
/**
 * Concepts whose structure the recogniser reads more reliably than the model: an update with a step size against a
 * gradient, Adam's moments, the window-ranking margin, a product of conditionals, a dot product over two lengths. The
 * model's withdrawals of them on the real-notes rounds 19–20 took back 21 right answers and saved 3 errors, so the
 * model does not withdraw them. Likewise a GRU's gates, a path of left/right sigmoids, an eigendecomposition and a
 * reconstruction through an encoder and a decoder: on rounds 28–40 its withdrawals of them took back 13 right answers
 * and saved 2 errors. So do a sum of p log(p/q) and an n-gram's counts or conditionals on the words before: on rounds
 * 60–65 its withdrawals of KL divergence and the n-gram model took back 17 right answers and saved 5 errors and 4 null
 * claims.
 */
export const KEEP_ALWAYS: ReadonlySet<ConceptId> = new Set<ConceptId>(['gradient-descent', 'adam', 'collobert-weston', 'probability-chain-rule', 'cosine-similarity', 'gru', 'hierarchical-softmax', 'spectral-theorem', 'autoencoder', 'kl-divergence', 'ngram-markov']);
/**
 * Concepts the model does not name on its own: on rounds 19–20 its namings of them where the recogniser was unsure
 * (derivative steps, a line without a loss, an unrolled gradient) were 15 right against 25 null formulas claimed and 6
 * wrong concepts.
 */
export const NEVER_NAME: ReadonlySet<ConceptId> = new Set<ConceptId>(['chain-rule', 'linear-regression', 'backpropagation-through-time', 'kl-divergence']);
/**
 * On a line that works out a derivative, the only concepts the model names on its own: updates, whose steps are
 * written with gradients. Its namings of a loss, an activation or a model on such lines were right 19 times and
 * claimed a concept for a formula labelled null 23 times on rounds 19–21: no better than a coin.
 */
export const NAMED_ON_DERIVATIVES: ReadonlySet<ConceptId> = new Set<ConceptId>(['gradient-descent', 'minibatch-sgd', 'adam']);

/** TeX tokens: commands, words (multi-letter ones lower-cased), numbers, and every other character on its own. */
export function formulaTokens(tex: string): string[] {
  const t = tex.slice(0, 4000).match(/\\[A-Za-z]+|[A-Za-z]+|\d+|[^\s\w]/g) ?? [];
  return t.map((x) => (/^[A-Za-z]{2,}$/.test(x) ? x.toLowerCase() : x));
}

/** Words of a sentence: Latin (with accents) and Cyrillic words of 3 letters or more; kana, CJK and Hangul in runs of up to 4. */
export function sentenceWords(text: string): string[] {
  return text.slice(0, 1200).toLowerCase().match(/[a-z\u00c0-\u024f\u0400-\u04ff]{3,}|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,4}/g) ?? [];
}

/**
 * The features of a formula (its normalised TeX) and the words around it: tokens and pairs of tokens, words and pairs
 * of words, a length bucket, and a constant.
 */
export function learnedFeatures(normalisedTex: string, words: string): string[] {
  const f = new Set<string>();
  const t = formulaTokens(normalisedTex);
  for (const x of t) f.add(`t:${x}`);
  for (let i = 0; i + 1 < t.length; i++) f.add(`b:${t[i]} ${t[i + 1]}`);
  const w = sentenceWords(words);
  for (const x of w) f.add(`c:${x}`);
  for (let i = 0; i + 1 < w.length; i++) f.add(`cb:${w[i]} ${w[i + 1]}`);
  f.add(`len:${Math.min(10, Math.floor(t.length / 5))}`);
  f.add('bias');
  return [...f];
}

/** Scores → probabilities (max subtracted first). */
function softmaxInPlace(s: Float64Array): void {
  let m = -Infinity;
  for (const v of s) m = Math.max(m, v);
  let z = 0;
  for (let k = 0; k < s.length; k++) z += s[k] = Math.exp(s[k] - m);
  for (let k = 0; k < s.length; k++) s[k] /= z;
}

/** The class probabilities for a set of features, and the most probable class. */
export function predictClasses(model: LearnedModel, features: string[]): { best: string; p: number; probs: Map<string, number>; known: number } {
  const K = model.classes.length;
  const s = new Float64Array(K);
  let known = 0;
  for (const f of features) {
    const d = model.index.get(f);
    if (d === undefined) continue;
    if (f !== 'bias' && !f.startsWith('len:')) known++;
    const scale = model.scales[d];
    for (let k = 0; k < K; k++) s[k] += model.q[d * K + k] * scale;
  }
  softmaxInPlace(s);
  let b = 0;
  for (let k = 1; k < K; k++) if (s[k] > s[b]) b = k;
  return { best: model.classes[b], p: s[b], probs: new Map(model.classes.map((c, k) => [c, s[k]])), known };
}

/** The concept probabilities for a formula's features. */
export function predictConcept(model: LearnedModel, features: string[]): Prediction {
  const { best, p, probs, known } = predictClasses(model, features);
  return { best: isConceptId(best) ? best : null, p, probs, known };
}

/** What the two opinions decide together. */
export interface Verdict {
  concept: ConceptId | null;
  /** `rules`: the recogniser's concept, kept; `learned`: named by the model where the recogniser was unsure; `withdrawn`: the recogniser's concept taken back; `none`: no concept. */
  by: 'rules' | 'learned' | 'withdrawn' | 'none';
  /** The model's probability of the concept named (or withdrawn). */
  p?: number;
  /** For `withdrawn`: what the model thinks such formulas usually are (null: not a catalog concept). */
  instead?: ConceptId | null;
}

/** Thresholds of judge (the defaults are the shipped ones; the training run also scores others). */
export interface Thresholds {
  keepAtLeast: number;
  otherAtLeast: number;
  nameFrom: number;
  /** The recogniser's concepts the model never withdraws. */
  keepAlways: ReadonlySet<ConceptId>;
  /** Concepts the model never names where the recogniser is unsure. */
  neverName: ReadonlySet<ConceptId>;
  /** The only concepts the model names on a line that works out a derivative. */
  namedOnDerivatives: ReadonlySet<ConceptId>;
}
export const THRESHOLDS: Thresholds = { keepAtLeast: KEEP_AT_LEAST, otherAtLeast: OTHER_AT_LEAST, nameFrom: NAME_FROM, keepAlways: KEEP_ALWAYS, neverName: NEVER_NAME, namedOnDerivatives: NAMED_ON_DERIVATIVES };

/**
 * The recogniser's concept (or none) weighed with the model's prediction; `derivative`: the line works out a derivative;
 * `firm`: the recogniser's concept comes from a pattern the model cannot see (recognise.ts, FIRM), kept like keepAlways.
 */
export function judge(rules: ConceptId | null, pred: Prediction | null, t: Thresholds = THRESHOLDS, derivative = false, firm = false): Verdict {
  if (!pred || pred.known < MIN_KNOWN) return rules ? { concept: rules, by: 'rules' } : { concept: null, by: 'none' };
  if (rules) {
    const p = pred.probs.get(rules) ?? 0;
    const withdraw = p < t.keepAtLeast && pred.best !== rules && pred.p >= t.otherAtLeast && !t.keepAlways.has(rules) && !firm;
    return withdraw ? { concept: null, by: 'withdrawn', p, instead: pred.best } : { concept: rules, by: 'rules', p };
  }
  const nameable = pred.best && !t.neverName.has(pred.best) && (!derivative || t.namedOnDerivatives.has(pred.best));
  return nameable && pred.p >= t.nameFrom ? { concept: pred.best, by: 'learned', p: pred.p } : { concept: null, by: 'none' };
}

/** One held-out formula: its label, the recogniser's concept, and the prediction of a model trained without it. */
export interface HeldOut {
  label: string | null;
  rules: ConceptId | null;
  pred: Prediction;
  /** The line works out a derivative, and the recogniser's answer is firm (judge's last arguments). */
  derivative: boolean;
  firm: boolean;
}

// ---------- training ----------

export interface Example {
  features: string[];
  /** A concept id, or null. */
  label: string | null;
  /** Where it comes from (a source's name): a feature is kept only when it occurs in minSources different sources. */
  source: string;
}

export interface TrainOptions {
  epochs?: number;
  /** AdaGrad's step. */
  rate?: number;
  l2?: number;
  seed?: number;
  minSources?: number;
  /**
   * A model to start from: its features are kept beside those seen in enough sources here, its weights are the
   * starting point (classes it lacks start at 0), and every AdaGrad sum (a new feature's too) starts at `initWeight`, so
   * that steps are smaller than from zero.
   */
  init?: LearnedModel;
  initWeight?: number;
}

/** A small seeded generator (mulberry32): the same examples and seed give the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The gradient of one example's cross-entropy (plus the L2 term of its rows) under dense weights W (feature-major, K
 * classes), written into out (|x| × K, the rows of x in order); returns the loss. x holds distinct rows.
 */
function exampleGradient(W: Float64Array, K: number, x: ArrayLike<number>, y: number, l2: number, out: Float64Array): number {
  const s = new Float64Array(K);
  for (let i = 0; i < x.length; i++) for (let k = 0; k < K; k++) s[k] += W[x[i] * K + k];
  softmaxInPlace(s);
  let loss = -Math.log(Math.max(s[y], 1e-300));
  for (let i = 0; i < x.length; i++) {
    for (let k = 0; k < K; k++) {
      const w = W[x[i] * K + k];
      out[i * K + k] = s[k] - (k === y ? 1 : 0) + l2 * w;
      loss += 0.5 * l2 * w * w;
    }
  }
  return loss;
}

/** Cross-entropy of one example under dense weights W (feature-major, K classes), and its gradient for the example's rows. */
export function exampleLoss(W: Float64Array, K: number, x: number[], y: number, l2 = 0): { loss: number; grad: Map<number, number> } {
  const rows = [...new Set(x)];
  const out = new Float64Array(rows.length * K);
  const loss = exampleGradient(W, K, rows, y, l2, out);
  const grad = new Map<number, number>();
  rows.forEach((d, i) => {
    for (let k = 0; k < K; k++) grad.set(d * K + k, out[i * K + k]);
  });
  return { loss, grad };
}

/** Train a softmax regression over the examples (AdaGrad, seeded order). Classes: `null` first, then the catalog's ids that occur. */
export function trainModel(examples: Example[], opts: TrainOptions = {}): LearnedModel {
  const present = new Set(examples.map((e) => e.label));
  return trainSoftmax(examples, ['null', ...CONCEPT_IDS.filter((c) => present.has(c))], opts);
}

/** W (and AdaGrad's sums G) filled from a trained model, its rows and classes matched by name. */
function startFrom(init: LearnedModel, fi: Map<string, number>, ci: Map<string, number>, W: Float64Array, G: Float64Array, weight: number): void {
  const K = ci.size;
  const cols = init.classes.map((c) => ci.get(c)!);
  for (const [f, r] of init.index) {
    const d = fi.get(f)!;
    for (let k = 0; k < init.classes.length; k++) W[d * K + cols[k]] = init.q[r * init.classes.length + k] * init.scales[r];
  }
  G.fill(weight);
}

/** Train a softmax regression over the given classes (an example labelled `null` is of class `null`; others not listed are left out). */
export function trainSoftmax(examples: Example[], classes: string[], opts: TrainOptions = {}): LearnedModel {
  const { epochs = 12, rate = 0.3, l2 = 1e-4, seed = 1, minSources = 5, init, initWeight = 1 } = opts;
  if (init) classes = [...classes, ...init.classes.filter((c) => !classes.includes(c))];
  const ci = new Map(classes.map((c, i) => [c, i]));
  const seen = new Map<string, Set<string>>();
  for (const e of examples) for (const f of e.features) (seen.get(f) ?? seen.set(f, new Set()).get(f)!).add(e.source);
  const names = [...new Set([...[...seen].filter(([, s]) => s.size >= minSources).map(([f]) => f), ...(init?.index.keys() ?? [])])].sort();
  const fi = new Map(names.map((f, i) => [f, i]));
  const K = classes.length;
  const W = new Float64Array(names.length * K);
  const G = new Float64Array(names.length * K).fill(1e-8);
  if (init) startFrom(init, fi, ci, W, G, initWeight);
  const data = examples
    .filter((e) => ci.has(e.label ?? 'null'))
    .map((e) => ({ x: Int32Array.from(new Set(e.features.map((f) => fi.get(f)).filter((d): d is number => d !== undefined))), y: ci.get(e.label ?? 'null')! }));
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);
  const grad = new Float64Array(data.reduce((m, e) => Math.max(m, e.x.length), 1) * K);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { x, y } = data[i];
      exampleGradient(W, K, x, y, l2, grad);
      for (let r = 0; r < x.length; r++) {
        for (let k = 0; k < K; k++) {
          const q = x[r] * K + k;
          const g = grad[r * K + k];
          G[q] += g * g;
          W[q] -= (rate * g) / Math.sqrt(G[q]);
        }
      }
    }
  }
  const q = new Int8Array(W.length);
  const scales = new Float64Array(names.length);
  for (let d = 0; d < names.length; d++) {
    const row = Array.from(W.subarray(d * K, (d + 1) * K));
    const median = [...row].sort((a, b) => a - b)[Math.floor(K / 2)];
    const max = Math.max(...row.map((w) => Math.abs(w - median)));
    scales[d] = max > 0 ? max / 127 : 1;
    for (let k = 0; k < K; k++) q[d * K + k] = Math.round((row[k] - median) / scales[d]);
  }
  return { classes, index: fi, q, scales, trainedOn: { sources: new Set(examples.map((e) => e.source)).size, formulas: data.length, minSources, epochs, seed } };
}

/** The model as JSON (scales rounded to 6 significant digits, weights as base64). */
export function storeModel(m: LearnedModel): StoredModel {
  const features = [...m.index.keys()].sort((a, b) => m.index.get(a)! - m.index.get(b)!);
  let bin = '';
  const bytes = new Uint8Array(m.q.buffer, m.q.byteOffset, m.q.byteLength);
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { version: 3, classes: m.classes, features, scales: Array.from(m.scales, (v) => Number(v.toPrecision(6))), weights: btoa(bin), ...(m.trainedOn ? { trainedOn: m.trainedOn } : {}) };
}

/** A model read from JSON, checked: class names known (concept ids and `null` unless told), one scale per feature, a weight per feature and class. */
export function loadModel(raw: unknown, known: (c: string) => boolean = (c) => c === 'null' || isConceptId(c)): LearnedModel {
  const m = raw as StoredModel;
  const bad = (why: string) => new Error(`learned model: ${why}`);
  if (!m || m.version !== 3 || !Array.isArray(m.classes) || !Array.isArray(m.features) || !Array.isArray(m.scales) || typeof m.weights !== 'string') throw bad('not a version-3 model');
  for (const c of m.classes) if (typeof c !== 'string' || !known(c)) throw bad(`unknown class ${String(c).slice(0, 40)}`);
  if (m.scales.length !== m.features.length || !m.scales.every((v) => Number.isFinite(v) && v > 0)) throw bad('one positive scale per feature expected');
  const bin = atob(m.weights);
  if (bin.length !== m.features.length * m.classes.length) throw bad(`${bin.length} weights for ${m.features.length} features × ${m.classes.length} classes`);
  const q = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) q[i] = (bin.charCodeAt(i) << 24) >> 24;
  const index = new Map(m.features.map((f, i) => [String(f), i]));
  if (index.size !== m.features.length) throw bad('a feature named twice');
  return { classes: m.classes, index, q, scales: Float64Array.from(m.scales), trainedOn: m.trainedOn };
}
