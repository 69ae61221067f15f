/**
 * Using word vectors: cosine neighbours, similarity, analogies (3CosAdd and 3CosMul). Works on unit-normalised
 * copies of the vectors, so a cosine is one dot product. The same code scores every tool's vectors in the bench.
 */
import type { Word2vecModel } from './model';

export class UnknownWordError extends Error {
  constructor(readonly word: string) {
    super(`"${word}" is not in the vocabulary`);
    this.name = 'UnknownWordError';
  }
}

export interface Neighbour {
  word: string;
  score: number;
}

export type AnalogyMethod = '3cosadd' | '3cosmul';

export class WordVectors {
  readonly words: string[];
  readonly dim: number;
  /** Unit-length rows (zero rows stay zero). */
  readonly unit: Float32Array;
  private readonly index: Map<string, number>;
  private folded?: Map<string, number>;

  constructor(model: Pick<Word2vecModel, 'words' | 'dim' | 'vectors'>) {
    this.words = model.words;
    this.dim = model.dim;
    this.index = new Map();
    model.words.forEach((w, i) => {
      if (!this.index.has(w)) this.index.set(w, i);
    });
    const d = model.dim;
    this.unit = new Float32Array(model.vectors.length);
    for (let i = 0; i < model.words.length; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += model.vectors[i * d + j] ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let j = 0; j < d; j++) this.unit[i * d + j] = model.vectors[i * d + j] * inv;
    }
  }

  get size(): number {
    return this.words.length;
  }

  /** Row of a word, exact match; with `fold`, case-insensitively (the most frequent spelling wins). */
  id(word: string, fold = false): number | undefined {
    if (!fold) return this.index.get(word);
    if (!this.folded) {
      this.folded = new Map();
      this.words.forEach((w, i) => {
        const k = w.toLowerCase();
        if (!this.folded!.has(k)) this.folded!.set(k, i);
      });
    }
    return this.folded.get(word.toLowerCase());
  }

  /** Row of a word, or an UnknownWordError. Tries the exact word, then case-folded. */
  need(word: string): number {
    const i = this.id(word) ?? this.id(word, true);
    if (i === undefined) throw new UnknownWordError(word);
    return i;
  }

  cosine(a: number, b: number): number {
    const d = this.dim;
    let s = 0;
    for (let j = 0; j < d; j++) s += this.unit[a * d + j] * this.unit[b * d + j];
    return s;
  }

  similarity(w1: string, w2: string): number {
    return this.cosine(this.need(w1), this.need(w2));
  }

  /** Dot product of every row with q (length dim), into out. */
  private scores(q: Float32Array | Float64Array, out: Float32Array): void {
    const d = this.dim;
    const u = this.unit;
    for (let i = 0, n = this.words.length; i < n; i++) {
      let s0 = 0;
      let s1 = 0;
      const o = i * d;
      let j = 0;
      for (; j + 1 < d; j += 2) {
        s0 += u[o + j] * q[j];
        s1 += u[o + j + 1] * q[j + 1];
      }
      if (j < d) s0 += u[o + j] * q[j];
      out[i] = s0 + s1;
    }
  }

  /** The k best rows by score, skipping `exclude`. */
  private top(scores: Float32Array, k: number, exclude: ReadonlySet<number>): Neighbour[] {
    const best: Array<[number, number]> = [];
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i];
      if (best.length === k && s <= best[k - 1][1]) continue;
      if (exclude.has(i)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1][1] < s) at--;
      best.splice(at, 0, [i, s]);
      if (best.length > k) best.pop();
    }
    return best.map(([i, s]) => ({ word: this.words[i], score: s }));
  }

  /** Cosine nearest neighbours of a word (itself excluded). */
  neighbours(word: string, k = 10): Neighbour[] {
    const i = this.need(word);
    const out = new Float32Array(this.size);
    this.scores(this.unit.subarray(i * this.dim, (i + 1) * this.dim), out);
    return this.top(out, k, new Set([i]));
  }

  /**
   * "a is to b as c is to ?", the query words excluded. 3CosAdd: argmax cos(d, b − a + c) (on unit vectors, as
   * gensim's most_similar). 3CosMul (Levy & Goldberg 2014): argmax cos'(d,b)·cos'(d,c) / (cos'(d,a) + 0.001) with
   * cos' = (cos + 1) / 2.
   */
  analogy(a: string, b: string, c: string, k = 10, method: AnalogyMethod = '3cosadd'): Neighbour[] {
    return this.analogyIds(this.need(a), this.need(b), this.need(c), k, method);
  }

  analogyIds(ia: number, ib: number, ic: number, k: number, method: AnalogyMethod, buf?: Float32Array[]): Neighbour[] {
    const d = this.dim;
    const exclude = new Set([ia, ib, ic]);
    const [s0, s1, s2] = buf ?? [new Float32Array(this.size), new Float32Array(this.size), new Float32Array(this.size)];
    if (method === '3cosadd') {
      const q = new Float64Array(d);
      for (let j = 0; j < d; j++) q[j] = this.unit[ib * d + j] - this.unit[ia * d + j] + this.unit[ic * d + j];
      this.scores(q, s0);
      return this.top(s0, k, exclude);
    }
    this.scores(this.unit.subarray(ia * d, ia * d + d), s0);
    this.scores(this.unit.subarray(ib * d, ib * d + d), s1);
    this.scores(this.unit.subarray(ic * d, ic * d + d), s2);
    for (let i = 0; i < this.size; i++) s0[i] = (((s1[i] + 1) / 2) * ((s2[i] + 1) / 2)) / ((s0[i] + 1) / 2 + 0.001);
    return this.top(s0, k, exclude);
  }
}
