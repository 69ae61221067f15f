/**
 * Using word vectors: cosine neighbours, similarity, analogies (3CosAdd and 3CosMul). Works on unit-normalised
 * copies of the vectors, so a cosine is one dot product; the copies live in WebAssembly memory, rows padded to
 * 4 floats, so a query against the whole vocabulary is one SIMD scan (kernel dotRows) — about 8× the plain
 * JavaScript loop, which matters for analogy sets of thousands of questions. The same code scores every tool's
 * vectors in the bench.
 */
import { type KernelExports, scanKernel } from './kernel';
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
  /** Floats per row of `unit` (dim rounded up to 4; the padding is zero). */
  readonly stride: number;
  /** Unit-length rows (zero rows stay zero), `stride` floats apart. */
  readonly unit: Float32Array;
  private readonly index: Map<string, number>;
  private folded?: Map<string, number>;
  private readonly kernel: KernelExports;
  private readonly at: { unit: number; query: number; out: number[] };
  private readonly query: Float32Array;
  private readonly out: Float32Array[];

  constructor(model: Pick<Word2vecModel, 'words' | 'dim' | 'vectors'>) {
    this.words = model.words;
    this.dim = model.dim;
    this.index = new Map();
    model.words.forEach((w, i) => {
      if (!this.index.has(w)) this.index.set(w, i);
    });
    const d = model.dim;
    const n = model.words.length;
    const S = (this.stride = Math.ceil(d / 4) * 4);
    const scan = scanKernel(n * S * 4 + S * 4 + 3 * n * 4);
    this.kernel = scan.k;
    const unitAt = scan.base;
    const queryAt = unitAt + n * S * 4;
    const outAt = [0, 1, 2].map((t) => queryAt + S * 4 + t * n * 4);
    this.at = { unit: unitAt, query: queryAt, out: outAt };
    this.unit = new Float32Array(scan.memory.buffer, unitAt, n * S);
    this.query = new Float32Array(scan.memory.buffer, queryAt, S);
    this.out = outAt.map((o) => new Float32Array(scan.memory.buffer, o, n));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += model.vectors[i * d + j] ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let j = 0; j < d; j++) this.unit[i * S + j] = model.vectors[i * d + j] * inv;
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
    const S = this.stride;
    let s = 0;
    for (let j = 0; j < this.dim; j++) s += this.unit[a * S + j] * this.unit[b * S + j];
    return s;
  }

  similarity(w1: string, w2: string): number {
    return this.cosine(this.need(w1), this.need(w2));
  }

  /** Scores of every row against the query (set in this.query) into output buffer `t`. */
  private scan(t: number): Float32Array {
    this.kernel.dotRows(this.at.unit, this.size, this.stride * 4, this.at.query, this.at.out[t]);
    return this.out[t];
  }

  /** Scores of every row against row i, into output buffer `t`. */
  private scanRow(i: number, t: number): Float32Array {
    this.query.set(this.unit.subarray(i * this.stride, (i + 1) * this.stride));
    return this.scan(t);
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

  /**
   * The k rows nearest to row i by cosine (i itself excluded), best first, among rows [0, limit): row indices and
   * cosines as typed arrays.
   */
  nearestRows(i: number, k: number, limit = this.size): { index: Int32Array; score: Float32Array } {
    const scores = this.scanRow(i, 0);
    const m = Math.max(0, Math.min(k, limit - 1));
    const index = new Int32Array(m).fill(-1);
    const score = new Float32Array(m).fill(-Infinity);
    for (let r = 0; r < limit; r++) {
      const s = scores[r];
      if (r === i || m === 0 || s <= score[m - 1]) continue;
      let at = m - 1;
      while (at > 0 && score[at - 1] < s) {
        score[at] = score[at - 1];
        index[at] = index[at - 1];
        at--;
      }
      score[at] = s;
      index[at] = r;
    }
    return { index, score };
  }

  /** Cosine nearest neighbours of a word (itself excluded). */
  neighbours(word: string, k = 10): Neighbour[] {
    const i = this.need(word);
    return this.top(this.scanRow(i, 0), k, new Set([i]));
  }

  /**
   * "a is to b as c is to ?", the query words excluded. 3CosAdd: argmax cos(d, b − a + c) (on unit vectors, as
   * gensim's most_similar). 3CosMul (Levy & Goldberg 2014): argmax cos'(d,b)·cos'(d,c) / (cos'(d,a) + 0.001) with
   * cos' = (cos + 1) / 2.
   */
  analogy(a: string, b: string, c: string, k = 10, method: AnalogyMethod = '3cosadd'): Neighbour[] {
    return this.analogyIds(this.need(a), this.need(b), this.need(c), k, method);
  }

  analogyIds(ia: number, ib: number, ic: number, k: number, method: AnalogyMethod): Neighbour[] {
    const S = this.stride;
    const u = this.unit;
    const exclude = new Set([ia, ib, ic]);
    if (method === '3cosadd') {
      for (let j = 0; j < S; j++) this.query[j] = u[ib * S + j] - u[ia * S + j] + u[ic * S + j];
      return this.top(this.scan(0), k, exclude);
    }
    const sa = this.scanRow(ia, 0);
    const sb = this.scanRow(ib, 1);
    const sc = this.scanRow(ic, 2);
    for (let i = 0; i < this.size; i++) sa[i] = (((sb[i] + 1) / 2) * ((sc[i] + 1) / 2)) / ((sa[i] + 1) / 2 + 0.001);
    return this.top(sa, k, exclude);
  }
}
