/**
 * An RNN encoder–decoder with attention, written as the notes write it.
 *
 * Encoder: a bidirectional GRU over the source symbols; h_i = [→h_i ; ←h_i] (2H wide).
 * Decoder: a GRU whose state s_t (2H wide) starts from s_0 = tanh([→h_n ; ←h_1] W_init + b) and reads the previous
 * output symbol. At each output step
 *     e_i = s_tᵀ h_i                 (dot score; general: e_i = s_tᵀ W h_i; additive: e_i = vᵀ tanh(W h_i + U s_t))
 *     α   = softmax(e)               (over the real source positions only)
 *     a_t = Σ_i α_i h_i              (the context)
 *     p(y_t | ...) = softmax(W_out tanh(W_s s_t + W_a a_t + b) + b_out)
 *
 * Because the decoder state does not depend on a_t (no input feeding), teacher-forced training computes the
 * decoder states first and then the attention of all output steps at once with two batched matMuls — far fewer
 * tfjs kernels per step than a step-by-step loop, which is what makes training take a minute instead of ten.
 * Greedy decoding runs step by step.
 *
 * Symbols: id 0 is PAD in the source, BOS as the decoder's first input and EOS as an output; ids 1..A are the
 * alphabet's symbols in all three roles.
 */
import { tf } from '../tf/backend';
import { Rng } from '../util/rng';
import { createVariables, glorotUniform, sizeOf, VariableModel } from './weights';
import { batchMatMul, blockDiag, mm, mmBy } from './ops';

import { ATTENTION_SCORES, type AttentionScore } from './params';

export { ATTENTION_SCORES, type AttentionScore };

export interface Seq2seqConfig {
  hidden: number;
  attention: AttentionScore;
  /** Longest source string; outputs are at most maxLen + 1 steps (with EOS). */
  maxLen: number;
  alphabet: string;
}

export function seq2seqWeightShapes(cfg: Seq2seqConfig): Record<string, number[]> {
  const H = cfg.hidden;
  const D = 2 * H;
  const V = cfg.alphabet.length + 1;
  const shapes: Record<string, number[]> = {
    encXz: [2, V, H], encXr: [2, V, H], encXn: [2, V, H],
    encHz: [2, H, H], encHr: [2, H, H], encHn: [2, H, H],
    encBz: [2, 1, H], encBr: [2, 1, H], encBhn: [2, 1, H],
    initW: [D, D], initB: [D],
    decXz: [V, D], decXr: [V, D], decXn: [V, D],
    decHz: [D, D], decHr: [D, D], decHn: [D, D],
    decBz: [D], decBr: [D], decBhn: [D],
    outWs: [D, D], outWa: [D, D], outB: [D],
    outW: [D, V], outBv: [V],
  };
  if (cfg.attention === 'additive') {
    const A = H;
    Object.assign(shapes, { attW: [D, A], attU: [D, A], attV: [A, 1] });
  }
  // general: W of e_i = s_tᵀ W h_i, stored transposed ([D, D], row-vector layout) so keys are h_iᵀ Wᵀ = (W h_i)ᵀ.
  if (cfg.attention === 'general') shapes.attG = [D, D];
  return shapes;
}

export function initialSeq2seqWeights(cfg: Seq2seqConfig, seed: number): Map<string, Float32Array> {
  const rng = new Rng(seed);
  const out = new Map<string, Float32Array>();
  for (const [name, shape] of Object.entries(seq2seqWeightShapes(cfg))) {
    const w = new Float32Array(sizeOf(shape));
    const rows = shape[shape.length - 2];
    if (shape.length >= 2 && rows > 1) glorotUniform(w, rows, shape[shape.length - 1], rng);
    out.set(name, w);
  }
  return out;
}

export interface EncodedBatch {
  B: number;
  /** Padded source length (the longest source in the batch). */
  S: number;
  /**
   * One-hot sources, [S·B, 2V], step-major: at step t the first V columns hold the symbol at position t (forward
   * direction), the last V the symbol at position S−1−t (backward direction); all zero on padding.
   */
  srcOneHot: tf.Tensor2D;
  /** Per step, 1 in the columns of a direction that reads a real symbol, [S, B, 2H]. */
  stepMask: tf.Tensor3D;
  /** 0 on real source positions, −10⁹ on padding, [B, 1, S]. */
  attnMask: tf.Tensor3D;
  lengths: number[];
}

let nextId = 0;

interface DecRecurrent {
  z: (s: tf.Tensor2D) => tf.Tensor2D;
  r: (s: tf.Tensor2D) => tf.Tensor2D;
  n: (s: tf.Tensor2D) => tf.Tensor2D;
}

export class Seq2seqModel extends VariableModel {
  readonly weights: Map<string, tf.Variable>;
  readonly V: number;

  constructor(readonly cfg: Seq2seqConfig, init: Map<string, Float32Array>) {
    super();
    if (!Number.isInteger(cfg.hidden) || cfg.hidden < 1) throw new Error(`hidden units must be a positive whole number, got ${cfg.hidden}`);
    if (!ATTENTION_SCORES.includes(cfg.attention)) throw new Error(`attention must be one of ${ATTENTION_SCORES.join(', ')}, got ${JSON.stringify(cfg.attention)}`);
    if (!Number.isInteger(cfg.maxLen) || cfg.maxLen < 1) throw new Error(`the longest input must be a positive whole number, got ${cfg.maxLen}`);
    if (!cfg.alphabet || new Set(cfg.alphabet).size !== cfg.alphabet.length) throw new Error('the alphabet must be non-empty without repeated symbols');
    this.V = cfg.alphabet.length + 1;
    this.weights = createVariables(Object.entries(seq2seqWeightShapes(cfg)), init, `s2s${nextId++}`);
  }

  private w(name: string): tf.Tensor2D {
    return this.weights.get(name)! as tf.Tensor2D;
  }

  symbolIds(text: string): number[] {
    return Array.from(text).map((c) => {
      const i = this.cfg.alphabet.indexOf(c);
      if (i < 0) throw new Error(`unknown symbol ${JSON.stringify(c)}`);
      return i + 1;
    });
  }

  /** Tensors describing a batch of source strings (the caller disposes them with disposeBatch). */
  encodeBatch(sources: string[]): EncodedBatch {
    const B = sources.length;
    const ids = sources.map((s) => this.symbolIds(s));
    const lengths = ids.map((x) => x.length);
    const S = Math.max(...lengths);
    const V = this.V;
    const H = this.cfg.hidden;
    const oh = new Float32Array(S * B * 2 * V);
    const sm = new Float32Array(S * B * 2 * H);
    const am = new Float32Array(B * S);
    for (let b = 0; b < B; b++) {
      const n = lengths[b];
      for (let t = 0; t < S; t++) {
        const row = t * B + b;
        if (t < n) {
          oh[row * 2 * V + ids[b][t]] = 1;
          sm.fill(1, row * 2 * H, row * 2 * H + H);
        } else am[b * S + t] = -1e9;
        const pos = S - 1 - t;
        if (pos < n) {
          oh[row * 2 * V + V + ids[b][pos]] = 1;
          sm.fill(1, row * 2 * H + H, row * 2 * H + 2 * H);
        }
      }
    }
    return {
      B,
      S,
      lengths,
      srcOneHot: tf.tensor2d(oh, [S * B, 2 * V]),
      stepMask: tf.tensor3d(sm, [S, B, 2 * H]),
      attnMask: tf.tensor3d(am, [B, 1, S]),
    };
  }

  disposeBatch(e: EncodedBatch): void {
    tf.dispose([e.srcOneHot, e.stepMask, e.attnMask]);
  }

  /**
   * Encoder states [B, S, 2H] and the decoder's initial state [B, 2H]. Both directions run in one state
   * [B, 2H] = [→h ; ←h] with block-diagonal weights, so each step is a few fast 2-D matMuls.
   */
  encode(e: EncodedBatch): { enc: tf.Tensor3D; s0: tf.Tensor2D } {
    const { B, S } = e;
    const H = this.cfg.hidden;
    const w = (n: string) => this.w(n);
    const diag = (n: string) => {
      const [a, b] = tf.unstack(w(n)) as tf.Tensor2D[];
      return blockDiag(a, b);
    };
    const bias = (n: string) => w(n).reshape([2 * H]);
    // Input contributions of every step at once: [S·B, 2H] → per step [B, 2H].
    const proj = (name: string, b?: string) => {
      let x: tf.Tensor2D = mm(e.srcOneHot, diag(name));
      if (b) x = tf.add(x, bias(b));
      return tf.unstack(x.reshape([S, B, 2 * H])) as tf.Tensor2D[];
    };
    const xz = proj('encXz', 'encBz');
    const xr = proj('encXr', 'encBr');
    const xn = proj('encXn');
    const by = (m: tf.Tensor2D) => mmBy(m, tf.transpose(m));
    const hz = by(diag('encHz'));
    const hr = by(diag('encHr'));
    const hn = by(diag('encHn'));
    const bhn = bias('encBhn');
    const masks = tf.unstack(e.stepMask) as tf.Tensor2D[];
    let h: tf.Tensor2D = tf.zeros([B, 2 * H]);
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < S; t++) {
      const z = tf.sigmoid(tf.add(xz[t], hz(h)));
      const r = tf.sigmoid(tf.add(xr[t], hr(h)));
      const n = tf.tanh(tf.add(xn[t], tf.mul(r, tf.add(hn(h), bhn))));
      const hNew = tf.add(n, tf.mul(z, tf.sub(h, n)));
      h = tf.add(h, tf.mul(masks[t], tf.sub(hNew, h))) as tf.Tensor2D;
      states.push(h);
    }
    // Position i: the forward half of step i and the backward half of step S−1−i.
    const half = new Float32Array(2 * H).fill(1, 0, H);
    const fwdMask = tf.tensor1d(half);
    const bwdMask = tf.sub(1, fwdMask);
    const enc = tf.add(tf.mul(tf.stack(states), fwdMask), tf.mul(tf.stack([...states].reverse()), bwdMask)); // [S, B, 2H]
    const encB = tf.transpose(enc, [1, 0, 2]) as tf.Tensor3D; // [B, S, 2H]
    const s0 = tf.tanh(tf.add(mm(h, w('initW') as tf.Tensor2D), w('initB'))) as tf.Tensor2D;
    return { enc: encB, s0 };
  }

  /** The decoder's recurrent products s·W_z, s·W_r, s·W_n (transposes for the backward pass made once). */
  private decRecurrent(): DecRecurrent {
    const by = (n: string) => mmBy(this.w(n), tf.transpose(this.w(n)));
    return { z: by('decHz'), r: by('decHr'), n: by('decHn') };
  }

  /** One decoder GRU step from state s [B, D], given the input contributions of the previous symbol. */
  private decStep(rec: DecRecurrent, s: tf.Tensor2D, xz: tf.Tensor2D, xr: tf.Tensor2D, xn: tf.Tensor2D): tf.Tensor2D {
    const z = tf.sigmoid(tf.add(xz, rec.z(s)));
    const r = tf.sigmoid(tf.add(xr, rec.r(s)));
    const n = tf.tanh(tf.add(xn, tf.mul(r, tf.add(rec.n(s), this.w('decBhn')))));
    return tf.add(n, tf.mul(z, tf.sub(s, n))) as tf.Tensor2D;
  }

  /**
   * What the score compares a decoder state with, per encoder position, computed once per source: W h_i (general,
   * as rows [B, S, D]) or W₁ h_i (additive, [B, 1, S, A]); the encoder states themselves for the dot score.
   */
  private attentionKeys(enc: tf.Tensor3D): tf.Tensor {
    const [B, S, D] = enc.shape;
    if (this.cfg.attention === 'general') return mm(enc.reshape([B * S, D]), this.w('attG')).reshape([B, S, D]);
    if (this.cfg.attention === 'additive') return mm(enc.reshape([B * S, D]), this.w('attW')).reshape([B, 1, S, -1]);
    return enc;
  }

  /**
   * Attention of decoder states sd [B, Tt, D] over encoder states [B, S, D]: weights [B, Tt, S] and contexts
   * [B, Tt, D]. `keys` from attentionKeys (computed here when absent).
   */
  private attend(sd: tf.Tensor3D, enc: tf.Tensor3D, attnMask: tf.Tensor3D, encKeys?: tf.Tensor): { alpha: tf.Tensor3D; ctx: tf.Tensor3D } {
    const keys = encKeys ?? this.attentionKeys(enc);
    let scores: tf.Tensor3D;
    if (this.cfg.attention === 'additive') {
      const [B, Tt, D] = sd.shape;
      const S = enc.shape[1];
      const queries = mm(sd.reshape([B * Tt, D]), this.w('attU')).reshape([B, Tt, 1, -1]);
      const hidden = tf.tanh(tf.add(keys, queries)); // [B, Tt, S, A]
      const A = hidden.shape[3] as number;
      scores = mm(hidden.reshape([B * Tt * S, A]), this.w('attV')).reshape([B, Tt, S]);
    } else {
      scores = batchMatMul(sd, keys as tf.Tensor3D, true); // e_i = s_tᵀ h_i, or s_tᵀ (W h_i)
    }
    const alpha = tf.softmax(tf.add(scores, attnMask)) as tf.Tensor3D;
    const ctx = batchMatMul(alpha, enc); // a_t = Σ α_i h_i
    return { alpha, ctx };
  }

  private outputLogits(sd: tf.Tensor2D, ctx: tf.Tensor2D): tf.Tensor2D {
    const w = (n: string) => this.w(n);
    const o = tf.tanh(tf.add(tf.add(mm(sd, w('outWs')), mm(ctx, w('outWa'))), w('outB'))) as tf.Tensor2D;
    return tf.add(mm(o, w('outW')), w('outBv')) as tf.Tensor2D;
  }

  /**
   * Teacher-forced mean cross-entropy per output symbol (EOS included) of `targets` given `sources`.
   * Use inside tf.tidy / optimizer.minimize.
   */
  loss(e: EncodedBatch, targets: string[]): tf.Scalar {
    const { B } = e;
    const V = this.V;
    const D = 2 * this.cfg.hidden;
    const tIds = targets.map((t) => this.symbolIds(t));
    const Tt = Math.max(...tIds.map((x) => x.length)) + 1;
    // Decoder inputs: BOS then the target symbols; outputs: the target symbols then EOS. Layout [Tt·B, V], step-major.
    const inOh = new Float32Array(Tt * B * V);
    const outOh = new Float32Array(B * Tt * V); // batch-major, matching the attention layout; zero rows for padding
    let count = 0;
    for (let b = 0; b < B; b++) {
      const y = tIds[b];
      for (let t = 0; t <= y.length; t++) {
        inOh[(t * B + b) * V + (t === 0 ? 0 : y[t - 1])] = 1;
        outOh[(b * Tt + t) * V + (t < y.length ? y[t] : 0)] = 1;
        count++;
      }
    }
    const { enc, s0 } = this.encode(e);
    const inputs = tf.tensor2d(inOh, [Tt * B, V]);
    const split = (name: string, bias?: string) => {
      let x: tf.Tensor = mm(inputs, this.w(name));
      if (bias) x = tf.add(x, this.w(bias));
      return tf.unstack(x.reshape([Tt, B, D])) as tf.Tensor2D[];
    };
    const xz = split('decXz', 'decBz');
    const xr = split('decXr', 'decBr');
    const xn = split('decXn');
    const rec = this.decRecurrent();
    let s = s0;
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < Tt; t++) {
      s = this.decStep(rec, s, xz[t], xr[t], xn[t]);
      states.push(s);
    }
    const sd = tf.transpose(tf.stack(states), [1, 0, 2]) as tf.Tensor3D; // [B, Tt, D]
    const { ctx } = this.attend(sd, enc, e.attnMask);
    const logits = this.outputLogits(sd.reshape([B * Tt, D]), ctx.reshape([B * Tt, D]));
    const target = tf.tensor2d(outOh, [B * Tt, V]);
    return tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)))).div(count) as tf.Scalar;
  }

  /**
   * Greedy decoding of a batch of sources. Returns, per source, the output string and the attention of each output
   * step over the source positions (rows sum to 1; the EOS step is not included).
   */
  decode(sources: string[], maxSteps?: number): { outputs: string[]; attention: number[][][] } {
    const e = this.encodeBatch(sources);
    const { B, S } = e;
    const V = this.V;
    const limit = maxSteps ?? this.cfg.maxLen + 1;
    const outputs: number[][] = sources.map(() => []);
    const attention: number[][][] = sources.map(() => []);
    const done = new Array<boolean>(B).fill(false);
    const state = tf.tidy(() => {
      const { enc, s0 } = this.encode(e);
      const keys = this.cfg.attention === 'dot' ? undefined : this.attentionKeys(enc);
      return { enc, s: s0, keys };
    });
    let { s } = state;
    let prev = new Int32Array(B); // BOS
    for (let t = 0; t < limit && done.some((d) => !d); t++) {
      const [next, alpha, logits] = tf.tidy(() => {
        const x = tf.oneHot(tf.tensor1d(prev, 'int32'), V).toFloat() as tf.Tensor2D;
        const sNew = this.decStep(
          this.decRecurrent(),
          s,
          tf.add(mm(x, this.w('decXz')), this.w('decBz')),
          tf.add(mm(x, this.w('decXr')), this.w('decBr')),
          mm(x, this.w('decXn')),
        );
        const { alpha, ctx } = this.attend(sNew.expandDims(1) as tf.Tensor3D, state.enc, e.attnMask, state.keys);
        const lg = this.outputLogits(sNew, ctx.reshape([B, -1]));
        return [sNew, alpha.reshape([B, S]), lg.argMax(1)];
      });
      s.dispose();
      s = next as tf.Tensor2D;
      const a = alpha.dataSync();
      const y = logits.dataSync();
      alpha.dispose();
      logits.dispose();
      prev = new Int32Array(B);
      for (let b = 0; b < B; b++) {
        if (done[b]) continue;
        if (y[b] === 0) {
          done[b] = true;
          continue;
        }
        outputs[b].push(y[b]);
        attention[b].push(Array.from(a.subarray(b * S, b * S + e.lengths[b])));
        prev[b] = y[b];
      }
    }
    s.dispose();
    tf.dispose([state.enc, state.keys ?? []]);
    this.disposeBatch(e);
    return { outputs: outputs.map((ids) => ids.map((i) => this.cfg.alphabet[i - 1]).join('')), attention };
  }
}
