/**
 * word2vec one update at a time: the trainer's run (train.ts with one thread), cut into single updates that can be
 * looked at. Each update is one skip-gram pair (centre c, context o) or one CBOW centre with its context words,
 * against k sampled negatives. The stepper makes the same random draws in the same order as the kernel's
 * trainSentence (xorshift64* seeded as instantiateKernel seeds thread 0; subsampling of the whole sentence first,
 * then per centre the reduced window, then per update the negatives) and lets the real kernel apply each update
 * (its stepSgns/stepCbow entry points), so N epochs of the stepper leave exactly the vectors the trainer leaves.
 * Before each update it records what the update is made of: the input vector, the dot products with the targets,
 * σ of each, the loss, the gradients, and afterwards the change actually applied.
 */
import { tokenizeSentences, type TokenizeOptions } from '../corpus/tokenize';
import { Rng } from '../util/rng';
import { MAX_SENTENCE, standaloneKernel } from './kernel';
import { word2vecParams } from './train';
import type { Word2vecParams } from './params';
import { aliasTable, buildVocab, encodeCorpus, keepThresholds, type Vocab } from './vocab';
import { namedError } from '../util/errors';

const MASK64 = 0xffffffffffffffffn;
const EPOCH_END = Symbol('epoch end');
/** Most words a stepper trains on (it keeps every update's draws in plain JavaScript). */
export const MAX_STEPPER_TOKENS = 200_000;

export class StepperError extends namedError('StepperError') {}

export interface TargetInfo {
  word: string;
  /** 1 for the positive target, 0 for a negative. */
  label: number;
  /** u_t, the target's output vector, before the update. */
  vector: number[];
  /** u_t · x before the update. */
  dot: number;
  sigma: number;
  /** This target's share of the loss: −log σ(dot) for the positive, −log σ(−dot) for a negative. */
  loss: number;
  /** ∂loss/∂u_t = (σ − label)·x. */
  grad: number[];
  /** The change the update made to u_t (new − old), after every target of this update moved. */
  applied: number[];
}

export interface StepRecord {
  /** 1-based update number over the whole run. */
  step: number;
  /** 1-based epoch. */
  epoch: number;
  sentence: number;
  /** Index of the centre among the sentence's tokens kept by subsampling. */
  position: number;
  arch: 'sgns' | 'cbow';
  lr: number;
  center: string;
  /** SGNS: the one context word; CBOW: all of them (their mean is the input). */
  context: string[];
  negatives: string[];
  /** The input vector x: v_c (SGNS) or the mean of the context vectors (CBOW), before the update. */
  input: number[];
  targets: TargetInfo[];
  loss: number;
  /** ∂loss/∂x = Σ_t (σ_t − label_t)·u_t. */
  inputGrad: number[];
  /** The change applied to v_c (SGNS) or to each context row (CBOW: the same change, inputGrad·(−lr), for each — every context row receives the full ∂L/∂h, as in word2vec.c). */
  inputApplied: number[];
  /** The input rows the update moved (SGNS: v_c; CBOW: each distinct context word's), before and after. */
  inputRows: { word: string; before: number[]; after: number[] }[];
  /** The objective with this update's numbers in it. */
  formula: string;
}

/** The thread-0 seed of instantiateKernel, as the 64-bit state the kernel's setup() starts from. */
export function kernelSeed(seed: number, thread = 0): bigint {
  const s = (BigInt(seed >>> 0) * 0x9e3779b97f4a7c15n + BigInt(thread + 1) * 0xbf58476d1ce4e5b9n) & MASK64;
  return s === 0n ? 0x9e3779b97f4a7c15n : s;
}

const f32 = Math.fround;
const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const r6 = (x: number) => Number(x.toPrecision(6));

export class Word2vecStepper {
  readonly p: Word2vecParams;
  readonly vocab: Vocab;
  readonly ids: Uint32Array;
  readonly offsets: Uint32Array;
  /** Updates done so far. */
  steps = 0;
  private rng: bigint;
  private kern: ReturnType<typeof standaloneKernel>;
  private scratch: number;
  private noise: { prob: Uint32Array; alias: Uint32Array };
  private keep: Uint32Array;
  /** Yields each update's record, and EPOCH_END after the last update of each epoch. */
  private gen: Generator<StepRecord | typeof EPOCH_END, void, void>;
  private finished = false;
  /** Epochs whose last update has been made. */
  private epochsDone = 0;

  constructor(rawParams: Partial<Word2vecParams>, corpus: readonly (readonly string[])[] | string, opts: TokenizeOptions = {}) {
    const p = word2vecParams({ ...rawParams, threads: 1 });
    this.p = p;
    const sentences = typeof corpus === 'string' ? tokenizeSentences(corpus, opts) : corpus;
    this.vocab = buildVocab(sentences, p.minCount);
    const enc = encodeCorpus(sentences, this.vocab, MAX_SENTENCE - 2 * p.window);
    if (enc.ids.length > MAX_STEPPER_TOKENS) throw new StepperError(`the text has ${enc.ids.length} words; stepping through updates is for small texts (at most ${MAX_STEPPER_TOKENS})`);
    this.ids = enc.ids;
    this.offsets = enc.offsets;
    const V = this.vocab.words.length;
    this.kern = standaloneKernel(V, p.dim, 2 * p.window + p.negative + 4, { negative: p.negative, window: p.window, cbow: p.arch === 'cbow', seed: p.seed });
    this.scratch = this.kern.layout.ids;
    // the trainer's initialisation: syn0 uniform in ±0.5/dim from Rng(seed), syn1 zero
    const rng = new Rng(p.seed);
    const { syn0, rowFloats } = this.kern.v;
    for (let w = 0; w < V; w++) for (let j = 0; j < p.dim; j++) syn0[w * rowFloats + j] = (rng.next() - 0.5) / p.dim;
    this.noise = aliasTable(this.vocab.counts);
    this.keep = keepThresholds(this.vocab.counts, p.sample, this.vocab.retainedTokens);
    this.rng = kernelSeed(p.seed);
    this.gen = this.run();
  }

  /** True when every epoch has been trained. */
  get done(): boolean {
    return this.finished || this.epochsDone >= this.p.epochs;
  }

  private nextRand(): bigint {
    let x = this.rng;
    x ^= x >> 12n;
    x = (x ^ (x << 25n)) & MASK64;
    x ^= x >> 27n;
    this.rng = x;
    return (x * 0x2545f4914f6cdd1dn) & MASK64;
  }

  private randU32(): number {
    return Number(this.nextRand() & 0xffffffffn);
  }

  private sampleNoise(): number {
    const r = this.nextRand();
    const b = Number(((r >> 32n) * BigInt(this.vocab.words.length)) >> 32n);
    return Number(r & 0xffffffffn) < this.noise.prob[b] ? b : this.noise.alias[b];
  }

  private drawNegatives(positive: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.p.negative; k++) {
      const w = this.sampleNoise();
      if (w !== positive) out.push(w);
    }
    return out;
  }

  private *run(): Generator<StepRecord | typeof EPOCH_END, void, void> {
    const { p, ids, offsets } = this;
    const tokens = ids.length;
    const lr0 = f32(p.lr);
    const lrMin = f32(Math.min(p.minLr, p.lr));
    const totalWords = tokens * p.epochs;
    const sentences = offsets.length - 1;
    for (let e = 0; e < p.epochs; e++) {
      for (let s = 0; s < sentences; s++) {
        const done = e * tokens + offsets[s];
        let lr = f32(lr0 - f32(f32(lr0 - lrMin) * (done / totalWords)));
        if (lr < lrMin) lr = lrMin;
        const len = Math.min(offsets[s + 1] - offsets[s], MAX_SENTENCE - 2 * p.window);
        const kept: number[] = [];
        for (let i = 0; i < len; i++) {
          const w = ids[offsets[s] + i];
          if (this.randU32() < this.keep[w]) kept.push(w);
        }
        for (let i = 0; i < kept.length; i++) {
          const b = this.randU32() % p.window;
          const lo = Math.max(0, i - p.window + b);
          const hi = Math.min(kept.length, i + p.window + 1 - b);
          const c = kept[i];
          if (p.arch === 'cbow') {
            const ctx: number[] = [];
            for (let j = lo; j < hi; j++) if (j !== i) ctx.push(kept[j]);
            if (ctx.length === 0) continue;
            yield this.apply(c, ctx, this.drawNegatives(c), lr, e, s, i);
          } else {
            for (let j = lo; j < hi; j++) {
              if (j === i) continue;
              const o = kept[j];
              yield this.apply(c, [o], this.drawNegatives(o), lr, e, s, i);
            }
          }
        }
      }
      yield EPOCH_END;
    }
  }

  private row(m: Float32Array, w: number): number[] {
    const o = w * this.kern.v.rowFloats;
    return Array.from(m.subarray(o, o + this.p.dim));
  }

  /** One update through the kernel, with its numbers before and after. */
  private apply(c: number, ctx: number[], negs: number[], lr: number, e: number, s: number, i: number): StepRecord {
    const { p, kern } = this;
    const { syn0, syn1 } = kern.v;
    const cbow = p.arch === 'cbow';
    const words = this.vocab.words;
    const positive = cbow ? c : ctx[0];
    const targetIds = [positive, ...negs];
    // the input as the kernel forms it (CBOW: float32 sum of the rows times float32 1/n)
    let x: number[];
    if (cbow) {
      const inv = f32(1 / ctx.length);
      const sum = new Array(p.dim).fill(0);
      for (const w of ctx) this.row(syn0, w).forEach((v, j) => (sum[j] = f32(sum[j] + v)));
      x = sum.map((v) => f32(v * inv));
    } else x = this.row(syn0, c);
    const before = targetIds.map((w) => this.row(syn1, w));
    const inputRow = cbow ? ctx[0] : c;
    const inputIds = cbow ? [...new Set(ctx)] : [c];
    const inputsBefore = inputIds.map((w) => this.row(syn0, w));
    const inputBefore = this.row(syn0, inputRow);
    const targets: TargetInfo[] = targetIds.map((w, t) => {
      const u = before[t];
      const dot = u.reduce((a, v, j) => a + v * x[j], 0);
      const label = t === 0 ? 1 : 0;
      const sigma = sigmoid(dot);
      return { word: words[w], vector: u, label, dot, sigma, loss: softplus(label ? -dot : dot), grad: x.map((v) => (sigma - label) * v), applied: [] };
    });
    const inputGrad = new Array(p.dim).fill(0);
    targets.forEach((t, k) => before[k].forEach((u, j) => (inputGrad[j] += (t.sigma - t.label) * u)));
    // the kernel applies it
    const u32 = new Uint32Array(kern.memory.buffer, this.scratch, 2 * p.window + p.negative + 4);
    u32.set(negs, 0);
    if (cbow) {
      u32.set(ctx, negs.length);
      kern.k.stepCbow(this.scratch + 4 * negs.length, ctx.length, c, this.scratch, negs.length, lr);
    } else kern.k.stepSgns(c, ctx[0], this.scratch, negs.length, lr);
    targets.forEach((t, k) => {
      const now = this.row(syn1, targetIds[k]);
      t.applied = now.map((v, j) => v - before[k][j]);
    });
    const inputNow = this.row(syn0, inputRow);
    this.steps++;
    const loss = targets.reduce((a, t) => a + t.loss, 0);
    const xName = cbow ? 'h' : 'v_c';
    const terms = targets.map((t) => (t.label ? `−log σ(${r6(t.dot)})` : `−log σ(${r6(-t.dot)})`));
    const formula =
      `L = −log σ(u_${cbow ? 'c' : 'o'}·${xName}) − Σ_k log σ(−u_k·${xName}) = ${terms.join(' ')} = ${r6(loss)}` +
      (cbow ? `, with h = mean of ${ctx.length} context vector(s); each context row receives the full −lr·∂L/∂h, as in word2vec.c` : '');
    return {
      step: this.steps,
      epoch: e + 1,
      sentence: s,
      position: i,
      arch: p.arch,
      lr,
      center: words[c],
      context: ctx.map((w) => words[w]),
      negatives: negs.map((w) => words[w]),
      input: x,
      targets,
      loss,
      inputGrad,
      inputApplied: inputNow.map((v, j) => v - inputBefore[j]),
      inputRows: inputIds.map((w, n) => ({ word: words[w], before: inputsBefore[n], after: this.row(syn0, w) })),
      formula,
    };
  }

  /** The next update (or EPOCH_END between epochs), or null after the last one. */
  private advance(): StepRecord | typeof EPOCH_END | null {
    if (this.finished) return null;
    const r = this.gen.next();
    if (r.done) {
      this.finished = true;
      return null;
    }
    if (r.value === EPOCH_END) this.epochsDone++;
    return r.value;
  }

  /** The next update, or null after the last one. */
  next(): StepRecord | null {
    for (;;) {
      const r = this.advance();
      if (r !== EPOCH_END) return r;
    }
  }

  /** Up to `n` updates. */
  step(n: number): StepRecord[] {
    const out: StepRecord[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.next();
      if (!r) break;
      out.push(r);
    }
    return out;
  }

  /**
   * The updates left in the current epoch (when it has just ended: the next epoch's). `each` is called after each
   * update, while the vectors are as that update left them.
   */
  toEpochEnd(each?: (r: StepRecord) => void): StepRecord[] {
    const out: StepRecord[] = [];
    for (;;) {
      const r = this.advance();
      if (r === null || (r === EPOCH_END && out.length > 0)) break;
      if (r === EPOCH_END) continue;
      out.push(r);
      each?.(r);
    }
    return out;
  }

  /** The input vectors now (V × dim, row-major, unpadded), as the trainer's model holds them. */
  vectors(): Float32Array {
    return this.unpadded(this.kern.v.syn0);
  }

  /** The output (context-role) vectors now (V × dim, row-major, unpadded). */
  outputVectors(): Float32Array {
    return this.unpadded(this.kern.v.syn1);
  }

  private unpadded(m: Float32Array): Float32Array {
    const { dim } = this.p;
    const { rowFloats } = this.kern.v;
    const V = this.vocab.words.length;
    const out = new Float32Array(V * dim);
    for (let w = 0; w < V; w++) out.set(m.subarray(w * rowFloats, w * rowFloats + dim), w * dim);
    return out;
  }

  /** The `k` nearest words to `word` by cosine similarity of the input vectors now. */
  neighbours(word: string, k = 5): { word: string; similarity: number }[] {
    const id = this.vocab.index.get(word);
    if (id === undefined) throw new StepperError(`"${word}" is not in the vocabulary of the text`);
    const q = this.row(this.kern.v.syn0, id);
    const qn = Math.hypot(...q) || 1;
    const out: { word: string; similarity: number }[] = [];
    for (let w = 0; w < this.vocab.words.length; w++) {
      if (w === id) continue;
      const r = this.row(this.kern.v.syn0, w);
      out.push({ word: this.vocab.words[w], similarity: r.reduce((a, v, j) => a + v * q[j], 0) / (qn * (Math.hypot(...r) || 1)) });
    }
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }
}
