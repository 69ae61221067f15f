/**
 * The one step that decides a formula's concept from its two opinions: the recogniser's candidates (recognise.ts, each
 * with the score its structure and words earned) and the learned model's probabilities (learned.ts). It is a
 * conditional logit over the options — each concept the structure scored (its best four), each concept the model finds
 * most probable (its best four), and "none of the catalog" — trained by bench/formula/trainDecision.ts on formulas of
 * other people's notes a reader labelled. Its features are only the strengths of the two opinions (scores,
 * probabilities, whether the structure's pattern is one the model cannot see), never the formula's text or the concept's
 * name: what it learns is how far to trust each opinion, the same for every concept. The option it finds most probable
 * is the answer when it is "none" or more probable than the model's threshold; otherwise no concept is named, and the
 * hover says it is unsure.
 */
import { type ConceptId, isConceptId } from './concepts';
import { MIN_KNOWN, type Prediction } from './learned';

/**
 * The features, by name: the first seven are "none"'s own, the rest a concept's. A concept's: its score from the
 * structure, how far under the best score, whether it is the recogniser's answer (and a firm one, or on a line that works
 * out a derivative), the model's probability (and its log), whether it is the model's best or the structure's best,
 * whether its score reaches 4, whether only the model offers it (and on a derivative's line). The model's are 0 when
 * it knew too few of the formula's features (MIN_KNOWN).
 */
export const DECISION_FEATURES = [
  'none', 'none.pNull', 'none.logPNull', 'none.bestScore', 'none.rulesOpen', 'none.firm', 'none.modelBlind',
  'score', 'belowBest', 'recognised', 'recognisedFirm', 'p', 'logP', 'modelBest', 'structureBest', 'scoreFrom4', 'recognisedDerivative', 'modelOnly', 'modelOnlyDerivative',
] as const;
const NONE_FEATURES = 7;
const F = DECISION_FEATURES.length;
/** How many candidates of each opinion are options. */
const PER_OPINION = 4;

export interface DecisionInput {
  /** The recogniser's own answer. */
  rules: ConceptId | null;
  /** Its candidates, best first. */
  candidates: ReadonlyArray<{ id: ConceptId; score: number }>;
  /** The recogniser's answer comes from a pattern the model cannot see, or a name the sentence writes in a language it does not read. */
  firm: boolean;
  /** The line works out a derivative. */
  derivative: boolean;
  pred: Prediction | null;
}

export interface DecisionOption {
  concept: ConceptId | null;
  x: Float64Array;
}

export interface DecisionModel {
  weights: Float64Array;
  /** A concept is named only when the decision gives it more than this. */
  threshold: number;
  trainedOn?: { sources: number; formulas: number };
}

export interface StoredDecisionModel {
  version: 1;
  features: string[];
  weights: number[];
  threshold: number;
  trainedOn?: { sources: number; formulas: number };
}

export interface Decision {
  concept: ConceptId | null;
  /** The decision's probability of its most probable option (`best`), named or not. */
  p: number;
  /** Its probability of the recogniser's answer (0 when it had none). */
  pRules: number;
  /** The most probable option, named or not (null: none of the catalog). */
  best: ConceptId | null;
}

/** The options of a formula, each with its features. */
export function decisionOptions(input: DecisionInput): DecisionOption[] {
  const { rules, firm, derivative, pred } = input;
  const cands = input.candidates.slice(0, PER_OPINION);
  const scoreOf = new Map(cands.map((c) => [c.id, Math.round(c.score * 100) / 100]));
  const seeing = !!pred && pred.known >= MIN_KNOWN ? 1 : 0;
  const ranked = pred ? [...pred.probs].sort((a, b) => b[1] - a[1]).slice(0, PER_OPINION) : [];
  const pOf = new Map(ranked);
  const modelBest = ranked[0]?.[0];
  const bestScore = cands.length ? scoreOf.get(cands[0].id)! : 0;
  const ids = [...new Set([...cands.map((c) => c.id), ...ranked.map(([c]) => c).filter((c): c is ConceptId => c !== 'null' && isConceptId(c))])];
  const options: DecisionOption[] = ids.map((id) => {
    const x = new Float64Array(F);
    const s = scoreOf.get(id) ?? 0;
    const p = pOf.get(id) ?? 0;
    const recognised = id === rules ? 1 : 0;
    const modelOnly = scoreOf.has(id) ? 0 : 1;
    x.set([s, s - bestScore, recognised, recognised * +firm, p * seeing, Math.log(p + 1e-3) * seeing, (id === modelBest ? 1 : 0) * seeing, cands[0]?.id === id ? 1 : 0, s >= 4 ? 1 : 0, recognised * +derivative, modelOnly, modelOnly * +derivative], NONE_FEATURES);
    return { concept: id, x };
  });
  const pNull = pOf.get('null') ?? 0;
  const none = new Float64Array(F);
  none.set([1, pNull * seeing, Math.log(pNull + 1e-3) * seeing, bestScore, rules ? 0 : 1, +firm, 1 - seeing]);
  options.push({ concept: null, x: none });
  return options;
}

/** The softmax of the options' utilities wᵀx. */
export function optionProbabilities(weights: Float64Array, options: readonly DecisionOption[]): Float64Array {
  const u = options.map((o) => o.x.reduce((s, v, i) => s + v * weights[i], 0));
  const max = Math.max(...u);
  const e = Float64Array.from(u, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function decide(model: DecisionModel, input: DecisionInput): Decision {
  const options = decisionOptions(input);
  const probs = optionProbabilities(model.weights, options);
  let j = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[j]) j = i;
  const best = options[j].concept;
  const rulesAt = options.findIndex((o) => o.concept !== null && o.concept === input.rules);
  const named = best !== null && probs[j] > model.threshold;
  return { concept: named ? best : null, p: probs[j], pRules: rulesAt >= 0 ? probs[rulesAt] : 0, best };
}

export interface DecisionExample {
  options: DecisionOption[];
  label: string | null;
}

/**
 * The weights by full-batch gradient descent on the examples' mean negative log-likelihood plus an L2 penalty; an
 * example whose label is none of its options teaches nothing and is left out.
 */
export function trainDecision(examples: readonly DecisionExample[], opts: { epochs?: number; rate?: number; l2?: number } = {}): Float64Array {
  const { epochs = 400, rate = 0.5, l2 = 1e-2 } = opts;
  const data = examples.map((e) => ({ options: e.options, y: e.options.findIndex((o) => (o.concept ?? null) === e.label) })).filter((e) => e.y >= 0);
  const w = new Float64Array(F);
  const g = new Float64Array(F);
  for (let ep = 0; ep < epochs && data.length; ep++) {
    g.fill(0);
    for (const { options, y } of data) {
      const pr = optionProbabilities(w, options);
      options.forEach((o, k) => o.x.forEach((v, i) => (g[i] += (pr[k] - (k === y ? 1 : 0)) * v)));
    }
    for (let i = 0; i < F; i++) w[i] -= rate * (g[i] / data.length + l2 * w[i]);
  }
  return w;
}

export function storeDecisionModel(m: DecisionModel): StoredDecisionModel {
  return { version: 1, features: [...DECISION_FEATURES], weights: Array.from(m.weights, (v) => Number(v.toPrecision(6))), threshold: m.threshold, ...(m.trainedOn ? { trainedOn: m.trainedOn } : {}) };
}

/** A model read from JSON, checked: this version's features in this order, a finite weight for each, a threshold in [0, 1). */
export function loadDecisionModel(raw: unknown): DecisionModel {
  const m = raw as StoredDecisionModel;
  const bad = (why: string) => new Error(`decision model: ${why}`);
  if (!m || m.version !== 1 || !Array.isArray(m.features) || !Array.isArray(m.weights)) throw bad('not a version-1 model');
  if (m.features.length !== F || m.features.some((f, i) => f !== DECISION_FEATURES[i])) throw bad('its features are not this version’s');
  if (m.weights.length !== F || !m.weights.every((v) => typeof v === 'number' && Number.isFinite(v))) throw bad(`${F} finite weights expected`);
  if (typeof m.threshold !== 'number' || !(m.threshold >= 0 && m.threshold < 1)) throw bad('threshold outside [0, 1)');
  return { weights: Float64Array.from(m.weights), threshold: m.threshold, trainedOn: m.trainedOn };
}
