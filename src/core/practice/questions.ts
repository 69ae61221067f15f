/**
 * Practice questions the project grades itself. Numeric ones are generated per template with varied numbers from a
 * seed, and their answers and worked solutions come from the same math the worked examples and engines use
 * (src/core/formula/examples.ts). "What happens if…" questions are multiple choice and graded by running the
 * experiment (experiments.ts): the run decides which choice is right.
 */
import type { ConceptId } from '../formula/concepts';
import { cosine, crossEntropy, dot, fmt, kl, perplexity, relu, sigmoid, softmax, vec } from '../formula/examples';
import { Rng } from '../util/rng';

export interface NumericQuestion {
  kind: 'numeric';
  /** `<template>:<seed>`: the same id always gives the same question. */
  id: string;
  template: NumericTemplateId;
  concept: ConceptId;
  prompt: string;
  /** The answer's components (one for a number). */
  answer: number[];
  /** Absolute tolerance per component. */
  tolerance: number;
  /** The worked solution, one line per step, shown after answering. */
  solution: string[];
}

export interface ChoiceQuestion {
  kind: 'experiment';
  id: string;
  template: ExperimentTemplateId;
  concept: ConceptId;
  prompt: string;
  choices: string[];
  /** The word whose neighbours are compared (window question). */
  word?: string;
}

export type Question = NumericQuestion | ChoiceQuestion;

type Gen = (rng: Rng) => Omit<NumericQuestion, 'kind' | 'id' | 'template' | 'concept'>;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];
/** An integer in [lo, hi]. */
const int = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
/** A number in [lo, hi] with one decimal. */
const tenth = (rng: Rng, lo: number, hi: number): number => int(rng, lo * 10, hi * 10) / 10;
const ints = (rng: Rng, n: number, lo: number, hi: number): number[] => Array.from({ length: n }, () => int(rng, lo, hi));
/** softmax(z) rounded to two decimals (at least 0.01 each), the last one making the sum exactly 1: the numbers shown are the numbers used. */
function roundedDist(z: readonly number[]): number[] {
  const p = softmax(z).map((x) => Math.max(0.01, Math.round(x * 100) / 100));
  const head = p.slice(0, -1);
  const rest = Math.round((1 - head.reduce((a, b) => a + b, 0)) * 100) / 100;
  return rest >= 0.01 ? [...head, rest] : roundedDist(z.map((x, i) => (i === z.length - 1 ? x + 1 : x)));
}

const NUMERIC: Record<string, { concept: ConceptId; gen: Gen }> = {
  sigmoid: {
    concept: 'sigmoid',
    gen: (rng) => {
      const z = pick(rng, [0, tenth(rng, -4, 4)]);
      const s = sigmoid(z);
      return {
        prompt: `σ(${fmt(z)}) = ?  (σ(z) = 1 / (1 + e^(−z)))`,
        answer: [s],
        tolerance: 0.005,
        solution: [`e^(−z) = e^(${fmt(-z)}) = ${fmt(Math.exp(-z))}`, `σ(${fmt(z)}) = 1 / (1 + ${fmt(Math.exp(-z))}) = ${fmt(s)}`],
      };
    },
  },
  tanh: {
    concept: 'tanh',
    gen: (rng) => {
      const z = tenth(rng, -2.5, 2.5);
      const t = Math.tanh(z);
      return {
        prompt: `tanh(${fmt(z)}) = ?`,
        answer: [t],
        tolerance: 0.005,
        solution: [`tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1`, `= 2σ(${fmt(2 * z)}) − 1 = 2 · ${fmt(sigmoid(2 * z))} − 1 = ${fmt(t)}`],
      };
    },
  },
  relu: {
    concept: 'relu',
    gen: (rng) => {
      const z = [tenth(rng, -3, 3), tenth(rng, -3, 3), tenth(rng, -3, 3)];
      const r = z.map(relu);
      return {
        prompt: `ReLU applied to z = ${vec(z)}, component by component: ?`,
        answer: r,
        tolerance: 0.001,
        solution: [`ReLU(z) = max(0, z): negative components become 0, the others stay.`, `ReLU${vec(z)} = ${vec(r)}`],
      };
    },
  },
  softmax: {
    concept: 'softmax',
    gen: (rng) => {
      const z = ints(rng, 3, -2, 4);
      const e = z.map(Math.exp);
      const sum = e.reduce((a, b) => a + b, 0);
      const p = softmax(z);
      return {
        prompt: `softmax${vec(z)} = ?  (three probabilities)`,
        answer: p,
        tolerance: 0.01,
        solution: [`exp of each score: ${vec(e)}`, `their sum: ${fmt(sum)}`, `each divided by the sum: ${vec(p)} (they add up to 1)`],
      };
    },
  },
  'cross-entropy': {
    concept: 'cross-entropy',
    gen: (rng) => {
      const q = roundedDist(ints(rng, 3, -1, 3));
      const y = rng.int(3);
      const onehot = [0, 1, 2].map((i): number => (i === y ? 1 : 0));
      const h = crossEntropy(onehot, q);
      return {
        prompt: `The model predicts q = ${vec(q)} and the true class is ${y + 1}. Cross-entropy loss H(p, q) = −Σ p_i log q_i (natural log) = ?`,
        answer: [h],
        tolerance: 0.01,
        solution: [`p is one-hot on class ${y + 1}, so only that term is left: H = −log q_${y + 1}`, `= −log ${fmt(q[y])} = ${fmt(h)} nats`],
      };
    },
  },
  perplexity: {
    concept: 'perplexity',
    gen: (rng) => {
      const n = pick(rng, [2, 10, 26, 27, 50, 100, 256]);
      const ppl = perplexity(new Array(12).fill(1 / n));
      return {
        prompt: `A language model gives every one of ${n} characters probability 1/${n} at every position. Its perplexity on any text = ?`,
        answer: [ppl],
        tolerance: 0.05,
        solution: [`surprisal of each token: −log(1/${n}) = log ${n} = ${fmt(Math.log(n))} nats`, `perplexity = exp(mean surprisal) = exp(${fmt(Math.log(n))}) = ${fmt(ppl)}: a uniform model is as unsure as a choice among ${n}.`],
      };
    },
  },
  surprisal: {
    concept: 'surprisal',
    gen: (rng) => {
      const p = pick(rng, [0.5, 0.25, 0.1, 0.05, 0.01, 0.8]);
      const s = -Math.log(p);
      return {
        prompt: `The model gave the next token probability ${fmt(p)}. Its surprisal −log p (natural log) = ?`,
        answer: [s],
        tolerance: 0.01,
        solution: [`−log ${fmt(p)} = ${fmt(s)} nats (${fmt(s / Math.LN2)} bits)`],
      };
    },
  },
  cosine: {
    concept: 'cosine-similarity',
    gen: (rng) => {
      let a = ints(rng, 3, -3, 3);
      const b = ints(rng, 3, -3, 3);
      if (!a.some((x) => x !== 0)) a = [1, 0, 0];
      if (!b.some((x) => x !== 0)) b[1] = 1;
      const c = cosine(a, b);
      const na = Math.hypot(...a);
      const nb = Math.hypot(...b);
      return {
        prompt: `Cosine similarity of u = ${vec(a)} and v = ${vec(b)} = ?`,
        answer: [c],
        tolerance: 0.01,
        solution: [`u·v = ${fmt(dot(a, b))}`, `‖u‖ = ${fmt(na)}, ‖v‖ = ${fmt(nb)}`, `cos = u·v / (‖u‖‖v‖) = ${fmt(dot(a, b))} / ${fmt(na * nb)} = ${fmt(c)}`],
      };
    },
  },
  sgns: {
    concept: 'sgns',
    gen: (rng) => {
      const v = [tenth(rng, -1, 1), tenth(rng, -1, 1)];
      const u = [tenth(rng, -1, 1), tenth(rng, -1, 1)];
      const n = [tenth(rng, -1, 1), tenth(rng, -1, 1)];
      const pos = dot(u, v);
      const neg = dot(n, v);
      const loss = -Math.log(sigmoid(pos)) - Math.log(sigmoid(-neg));
      return {
        prompt: `Skip-gram with one negative: centre v_c = ${vec(v)}, context u_o = ${vec(u)}, negative u_k = ${vec(n)}. The loss −log σ(u_o·v_c) − log σ(−u_k·v_c) = ?`,
        answer: [loss],
        tolerance: 0.01,
        solution: [
          `u_o·v_c = ${fmt(pos)}, σ(${fmt(pos)}) = ${fmt(sigmoid(pos))}, −log of it = ${fmt(-Math.log(sigmoid(pos)))}`,
          `u_k·v_c = ${fmt(neg)}, σ(${fmt(-neg)}) = ${fmt(sigmoid(-neg))}, −log of it = ${fmt(-Math.log(sigmoid(-neg)))}`,
          `loss = ${fmt(loss)}`,
        ],
      };
    },
  },
  attention: {
    concept: 'scaled-dot-product-attention',
    gen: (rng) => {
      const q = ints(rng, 4, -1, 2);
      const keys = [ints(rng, 4, -1, 2), ints(rng, 4, -1, 2), ints(rng, 4, -1, 2)];
      const scores = keys.map((k) => dot(q, k) / Math.sqrt(4));
      const w = softmax(scores);
      const i = rng.int(3);
      return {
        prompt: `Scaled dot-product attention, d_k = 4: query q = ${vec(q)}, keys k₁ = ${vec(keys[0])}, k₂ = ${vec(keys[1])}, k₃ = ${vec(keys[2])}. The weight on key ${i + 1}, softmax(q·k / √d_k)_${i + 1} = ?`,
        answer: [w[i]],
        tolerance: 0.01,
        solution: [`scores q·k_j / √4: ${vec(scores)}`, `softmax of the scores: ${vec(w)}`, `the weight on key ${i + 1} is ${fmt(w[i])}`],
      };
    },
  },
  kl: {
    concept: 'kl-divergence',
    gen: (rng) => {
      const p = roundedDist(ints(rng, 2, -1, 2));
      const q = roundedDist(ints(rng, 2, -1, 2).map((x, j) => x + j));
      const d = kl(p, q);
      return {
        prompt: `KL(p ‖ q) = Σ p_i log(p_i / q_i) (natural log) for p = ${vec(p)}, q = ${vec(q)} = ?`,
        answer: [d],
        tolerance: 0.01,
        solution: [...p.map((pi, j) => `p_${j + 1} log(p_${j + 1}/q_${j + 1}) = ${fmt(pi)} · log(${fmt(pi)}/${fmt(q[j])}) = ${fmt(pi * Math.log(pi / q[j]))}`), `sum: ${fmt(d)} (0 only when p = q)`],
      };
    },
  },
  mse: {
    concept: 'mse',
    gen: (rng) => {
      const y = ints(rng, 3, -2, 3);
      const yh = y.map((v) => v + tenth(rng, -1.5, 1.5));
      const e = y.map((v, i) => (yh[i] - v) ** 2);
      const m = e.reduce((a, b) => a + b, 0) / 3;
      return {
        prompt: `Mean squared error of predictions ŷ = ${vec(yh)} against targets y = ${vec(y)} = ?`,
        answer: [m],
        tolerance: 0.01,
        solution: [`squared errors (ŷ_i − y_i)²: ${vec(e)}`, `mean: ${fmt(m)}`],
      };
    },
  },
};

export type NumericTemplateId = keyof typeof NUMERIC & string;
export const NUMERIC_TEMPLATES = Object.keys(NUMERIC) as NumericTemplateId[];

export const EXPERIMENT_TEMPLATES = ['xor-hidden0', 'window-neighbours'] as const;
export type ExperimentTemplateId = (typeof EXPERIMENT_TEMPLATES)[number];
export type TemplateId = NumericTemplateId | ExperimentTemplateId;

/** The questions each recognised concept leads to (concepts without a template get none). */
export const CONCEPT_TEMPLATES: Partial<Record<ConceptId, readonly TemplateId[]>> = {
  sigmoid: ['sigmoid'],
  'logistic-regression': ['sigmoid'],
  'binary-cross-entropy': ['sigmoid', 'cross-entropy'],
  tanh: ['tanh'],
  relu: ['relu'],
  'leaky-relu': ['relu'],
  softmax: ['softmax'],
  'softmax-regression': ['softmax', 'cross-entropy'],
  'cross-entropy': ['cross-entropy'],
  'negative-log-likelihood': ['cross-entropy', 'surprisal'],
  perplexity: ['perplexity'],
  surprisal: ['surprisal', 'perplexity'],
  'language-model': ['perplexity'],
  'ngram-markov': ['perplexity'],
  'cosine-similarity': ['cosine'],
  skipgram: ['cosine', 'window-neighbours'],
  'skipgram-softmax': ['softmax', 'window-neighbours'],
  sgns: ['sgns', 'window-neighbours'],
  cbow: ['window-neighbours'],
  attention: ['attention'],
  'self-attention': ['attention'],
  'scaled-dot-product-attention': ['attention'],
  'multi-head-attention': ['attention'],
  'masked-self-attention': ['attention'],
  'kl-divergence': ['kl'],
  mse: ['mse'],
  'linear-regression': ['mse'],
  mlp: ['xor-hidden0', 'relu'],
  'affine-layer': ['xor-hidden0'],
};

export const isNumericTemplate = (t: string): t is NumericTemplateId => Object.hasOwn(NUMERIC, t);
export const isTemplate = (t: string): t is TemplateId => isNumericTemplate(t) || (EXPERIMENT_TEMPLATES as readonly string[]).includes(t);

/** The concept a template practises. */
export function templateConcept(t: TemplateId): ConceptId {
  if (isNumericTemplate(t)) return NUMERIC[t].concept;
  return t === 'xor-hidden0' ? 'mlp' : 'sgns';
}

/** The numeric question of a template for a seed (any integer): the same seed gives the same numbers. */
export function numericQuestion(template: NumericTemplateId, seed: number): NumericQuestion {
  const q = NUMERIC[template].gen(new Rng(seed));
  return { kind: 'numeric', id: `${template}:${seed}`, template, concept: NUMERIC[template].concept, ...q };
}

export const XOR_STEPS = 2000;

/** A "what happens if…" question; `word` names the word of the notes the window question asks about. */
export function choiceQuestion(template: ExperimentTemplateId, word = ''): ChoiceQuestion {
  if (template === 'xor-hidden0') {
    return {
      kind: 'experiment',
      id: template,
      template,
      concept: 'mlp',
      prompt: `An MLP with 0 hidden units — the inputs wired straight to a sigmoid output — is trained on the four XOR points for ${XOR_STEPS} updates. What accuracy does it reach?`,
      choices: ['All four points right (accuracy 1)', 'At most three of the four (accuracy below 1)'],
    };
  }
  return {
    kind: 'experiment',
    id: `${template}:${word}`,
    template,
    concept: 'sgns',
    word,
    prompt: `Train word vectors on your notes twice, once with window 1 and once with window 10 (same seed, everything else equal). How many of the 5 nearest neighbours of “${word}” do the two runs share?`,
    choices: ['All 5: the window does not change the neighbours', 'Some of them (1 to 4)', 'None'],
  };
}

/** Whether every component of `given` is within the question's tolerance (plus 0.5% of the answer's size). */
export function gradeNumeric(q: NumericQuestion, given: readonly number[]): boolean {
  return given.length === q.answer.length && q.answer.every((a, i) => Math.abs(given[i] - a) <= q.tolerance + 0.005 * Math.abs(a));
}
