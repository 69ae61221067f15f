/**
 * Intrinsic evaluation in the formats of the public sets (as shipped with gensim's test data):
 * similarity files (`w1<TAB>w2<TAB>score`, `#` comments) scored by Spearman's ρ between cosine and the human score
 * over pairs whose words are both known, with the out-of-vocabulary share; analogy files (`: section` headers,
 * `a b c d` lines) scored by 3CosAdd accuracy over covered questions, per section. Words are case-folded, as gensim's
 * evaluate_word_pairs / evaluate_word_analogies do by default.
 */
import type { AnalogyMethod, WordVectors } from './vectors';

export class EvalFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalFileError';
  }
}

/** Ranks 1..n with ties given their average rank. */
export function ranks(xs: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const r = new Float64Array(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) r[idx[t]] = avg;
    i = j + 1;
  }
  return r;
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(ranks(x), ranks(y));
}

export interface SimilarityPair {
  a: string;
  b: string;
  score: number;
}

/** Parse a similarity file. Comment (#) and blank lines are skipped; a malformed line is an error naming it. */
export function parseSimilarityFile(text: string, name = 'similarity file'): SimilarityPair[] {
  const out: SimilarityPair[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.split('\t');
    const score = Number(f[2]);
    if (f.length < 3 || !f[0] || !f[1] || f[2].trim() === '' || !Number.isFinite(score)) {
      throw new EvalFileError(`${name} line ${i + 1} is not "word1<TAB>word2<TAB>score": ${JSON.stringify(line.slice(0, 80))}`);
    }
    out.push({ a: f[0], b: f[1], score });
  });
  if (!out.length) throw new EvalFileError(`${name} has no word pairs`);
  return out;
}

export interface SimilarityResult {
  spearman: number;
  pearson: number;
  /** Pairs scored (both words known). */
  pairs: number;
  /** Share of pairs with an unknown word, 0..1. */
  oov: number;
}

export function evaluateSimilarity(vecs: WordVectors, pairs: readonly SimilarityPair[]): SimilarityResult {
  const human: number[] = [];
  const model: number[] = [];
  for (const p of pairs) {
    const a = vecs.id(p.a, true);
    const b = vecs.id(p.b, true);
    if (a === undefined || b === undefined) continue;
    human.push(p.score);
    model.push(vecs.cosine(a, b));
  }
  return { spearman: spearman(model, human), pearson: pearson(model, human), pairs: human.length, oov: 1 - human.length / pairs.length };
}

export interface AnalogySection {
  name: string;
  questions: Array<[string, string, string, string]>;
}

export function parseAnalogyFile(text: string, name = 'analogy file'): AnalogySection[] {
  const out: AnalogySection[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    if (line.startsWith(':')) {
      out.push({ name: line.slice(1).trim(), questions: [] });
      return;
    }
    const f = line.trim().split(/\s+/);
    if (f.length !== 4 || !out.length) {
      throw new EvalFileError(`${name} line ${i + 1} is not "a b c d" under a ": section" header: ${JSON.stringify(line.slice(0, 80))}`);
    }
    out[out.length - 1].questions.push(f as [string, string, string, string]);
  });
  if (!out.some((s) => s.questions.length)) throw new EvalFileError(`${name} has no analogy questions`);
  return out;
}

export interface AnalogyResult {
  /** Correct / covered over all sections (NaN when nothing is covered). */
  accuracy: number;
  correct: number;
  covered: number;
  total: number;
  /** Share of questions with an unknown word, 0..1. */
  oov: number;
  sections: Array<{ name: string; accuracy: number; correct: number; covered: number; total: number }>;
}

/** Accuracy of the best answer (query words excluded) over the questions whose four words are all known. */
export function evaluateAnalogies(vecs: WordVectors, sections: readonly AnalogySection[], method: AnalogyMethod = '3cosadd'): AnalogyResult {
  const res: AnalogyResult = { accuracy: NaN, correct: 0, covered: 0, total: 0, oov: 0, sections: [] };
  for (const s of sections) {
    let correct = 0;
    let covered = 0;
    for (const [a, b, c, d] of s.questions) {
      const ids = [a, b, c, d].map((w) => vecs.id(w, true));
      if (ids.some((x) => x === undefined)) continue;
      covered++;
      // As gensim: the first answer that is not a query word in another casing.
      const query = new Set([a, b, c].map((w) => w.toLowerCase()));
      const best = vecs.analogyIds(ids[0]!, ids[1]!, ids[2]!, 4, method).find((n) => !query.has(n.word.toLowerCase()));
      if (best && best.word.toLowerCase() === d.toLowerCase()) correct++;
    }
    res.sections.push({ name: s.name, accuracy: covered ? correct / covered : NaN, correct, covered, total: s.questions.length });
    res.correct += correct;
    res.covered += covered;
    res.total += s.questions.length;
  }
  res.accuracy = res.covered ? res.correct / res.covered : NaN;
  res.oov = res.total ? 1 - res.covered / res.total : 0;
  return res;
}
