/**
 * Vocabulary for word2vec: counts, min-count, the frequency order, the corpus as word ids, and the two sampling
 * tables the kernel needs (noise distribution unigram^0.75 as an alias table; subsampling keep thresholds).
 */

export interface Vocab {
  /** Words, most frequent first (ties keep first-occurrence order, as gensim does). */
  words: string[];
  counts: number[];
  index: Map<string, number>;
  /** Tokens in the corpus before min-count. */
  rawTokens: number;
  /** Tokens whose word is in the vocabulary. */
  retainedTokens: number;
}

export class VocabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VocabError';
  }
}

/** Count words and keep those seen at least `minCount` times. Throws a VocabError for an empty result. */
export function buildVocab(sentences: readonly (readonly string[])[], minCount: number): Vocab {
  const counts = new Map<string, number>();
  let raw = 0;
  for (const s of sentences) {
    for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
    raw += s.length;
  }
  if (raw === 0) throw new VocabError('the corpus is empty: it has no words to train on');
  const kept = [...counts].filter(([, c]) => c >= minCount);
  if (kept.length < 2) {
    throw new VocabError(
      `only ${kept.length} distinct word(s) occur at least ${minCount} times (min-count) among ${counts.size} distinct words; lower --min-count or use a larger corpus`,
    );
  }
  kept.sort((a, b) => b[1] - a[1]); // stable: equal counts keep first-occurrence order
  const words = kept.map(([w]) => w);
  const cs = kept.map(([, c]) => c);
  return { words, counts: cs, index: new Map(words.map((w, i) => [w, i])), rawTokens: raw, retainedTokens: cs.reduce((a, b) => a + b, 0) };
}

/** The corpus as word ids (out-of-vocabulary tokens dropped), with sentence starts; long sentences are split. */
export function encodeCorpus(sentences: readonly (readonly string[])[], vocab: Vocab, maxSentence: number): { ids: Uint32Array; offsets: Uint32Array } {
  const ids = new Uint32Array(vocab.retainedTokens);
  const offs: number[] = [0];
  let n = 0;
  for (const s of sentences) {
    let start = n;
    for (const w of s) {
      const id = vocab.index.get(w);
      if (id === undefined) continue;
      ids[n++] = id;
      if (n - start === maxSentence) {
        offs.push(n);
        start = n;
      }
    }
    if (n > start) offs.push(n);
  }
  return { ids, offsets: Uint32Array.from(offs) };
}

/**
 * Alias table (Vose) for sampling word i with probability ∝ counts[i]^power. Bucket b is drawn uniformly; it
 * stays b when a uniform u32 is below prob[b], else becomes alias[b]. Exact, and one random draw per sample.
 */
export function aliasTable(counts: readonly number[], power = 0.75): { prob: Uint32Array; alias: Uint32Array } {
  const n = counts.length;
  const w = counts.map((c) => Math.pow(c, power));
  const total = w.reduce((a, b) => a + b, 0);
  const scaled = Float64Array.from(w, (x) => (x * n) / total);
  const prob = new Uint32Array(n);
  const alias = new Uint32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    prob[s] = Math.min(0xffffffff, Math.round(scaled[s] * 4294967296));
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) {
    prob[i] = 0xffffffff;
    alias[i] = i;
  }
  return { prob, alias };
}

/**
 * Subsampling as in word2vec/gensim: a word of count c is kept with probability (√(c/t) + 1)·t/c, capped at 1,
 * where t = sample × retained tokens. Returned as u32 thresholds (keep when a random u32 is below). sample 0: keep all.
 */
export function keepThresholds(counts: readonly number[], sample: number, retainedTokens: number): Uint32Array {
  const out = new Uint32Array(counts.length);
  const t = sample * retainedTokens;
  for (let i = 0; i < counts.length; i++) {
    const p = sample > 0 ? (Math.sqrt(counts[i] / t) + 1) * (t / counts[i]) : 1;
    out[i] = Math.min(0xffffffff, Math.round(p * 4294967296));
  }
  return out;
}
