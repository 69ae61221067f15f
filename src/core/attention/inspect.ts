/**
 * The Transformer language model opened up: one forward pass over a short text in float64 JavaScript, with the
 * model's own weights, keeping every intermediate value (embedding, positional encoding, layer norms, q/k/v per
 * head, the raw and scaled scores, the mask, the softmax, the context, the attention sublayer's output, the
 * residual sums, the feed-forward layer, the final layer norm, the logits and the full-softmax probabilities).
 * It follows TransformerLM's forward step by step (see transformer.ts): pre-layer-norm blocks,
 *   h = LN(x);  A = softmax(q kᵀ/√d_k + M);  x ← x + (A v) W_o + b_o;  x ← x + relu(LN(x) W_1 + b_1) W_2 + b_2,
 * and logits = LN(x) W_out + b_out over the whole vocabulary. The views take their numbers from here:
 *   headView   — the attention of every layer and head (bertviz's head view)
 *   neuronView — one query position in one head: q, each k, q⊙k, the score, ÷√d_k, the mask, softmax, Σ w·v
 *   stepView   — one position through the whole model to its next-token probabilities (Transformer Explainer)
 */
import { splitTokens } from '../lm/vocab';
import { readsLowercase } from '../mlm/fill';
import { namedError } from '../util/errors';
import { isCausal, sinusoid, type TransformerConfig, type TransformerLM } from './transformer';
import type { LoadedAttentionModel } from './store';
import { MAX_INSPECT_CHARS } from './inspectLimits';

/** Bad text or a bad position for an inspection; the message is one sentence for the user. */
export class InspectError extends namedError('InspectError') {}

/** The layer norm's ε, as the model's. */
const LN_EPS = 1e-5;
/** What a masked score is, as the model's additive mask. */
const MASKED = -1e9;

type Vec = number[];

/** Every value of one layer for every position. Per-head arrays are [head][position][…]. */
export interface LayerTrace {
  input: Vec[];
  ln1: Vec[];
  q: Vec[][];
  k: Vec[][];
  v: Vec[][];
  /** q·k before scaling, [head][query][key]. */
  scores: Vec[][];
  /** softmax(q·k/√d_k + M), [head][query][key]. */
  weights: Vec[][];
  /** Σ_j w_j v_j, [head][query][d_k]. */
  context: Vec[][];
  /** concat(heads' context) W_o + b_o: the attention sublayer's output, [position][d]. */
  attnOut: Vec[];
  /** input + attnOut. */
  resid1: Vec[];
  ln2: Vec[];
  /** relu(LN(resid1) W_1 + b_1), [position][ffn]. */
  hidden: Vec[];
  /** hidden W_2 + b_2. */
  ffnOut: Vec[];
  /** resid1 + ffnOut: what the next layer reads. */
  output: Vec[];
}

export interface TransformerTrace {
  cfg: TransformerConfig;
  causal: boolean;
  /** 1/√d_k. */
  scale: number;
  embedding: Vec[];
  position: Vec[];
  layers: LayerTrace[];
  /** The final layer norm's output. */
  final: Vec[];
  logits: Vec[];
  /** softmax(logits) over the whole vocabulary, per position. */
  probs: Vec[];
}

/** The model's weights as plain arrays (read once from its tfjs variables). */
export function weightArrays(model: TransformerLM): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, v] of model.weights) out.set(name, v.dataSync() as Float32Array);
  return out;
}

/** x W + b for one row: W is [x.length, cols] row-major. */
function affine(x: Vec, W: Float32Array, b: Float32Array, cols: number): Vec {
  const out = Array.from(b, Number);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j] += xi * W[row + j];
  }
  return out;
}

function layerNorm(x: Vec, g: Float32Array, b: Float32Array): Vec {
  const d = x.length;
  const mean = x.reduce((a, v) => a + v, 0) / d;
  const variance = x.reduce((a, v) => a + (v - mean) * (v - mean), 0) / d;
  const rstd = 1 / Math.sqrt(variance + LN_EPS);
  return x.map((v, i) => (v - mean) * rstd * g[i] + b[i]);
}

/** A numerically stable softmax. */
export function softmax(z: Vec): Vec {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}

const addVec = (a: Vec, b: Vec): Vec => a.map((v, i) => v + b[i]);
const dot = (a: Vec, b: Vec): number => a.reduce((s, v, i) => s + v * b[i], 0);

/** One block of the model over all positions. */
function traceLayer(w: (n: string) => Float32Array, cfg: TransformerConfig, x: Vec[], causal: boolean): LayerTrace {
  const { dModel: d, heads: H, ffn: F } = cfg;
  const dk = d / H;
  const scale = 1 / Math.sqrt(dk);
  const T = x.length;
  const ln1 = x.map((row) => layerNorm(row, w('ln1g'), w('ln1b')));
  const split = (rows: Vec[]): Vec[][] => Array.from({ length: H }, (_, h) => rows.map((r) => r.slice(h * dk, (h + 1) * dk)));
  const q = split(ln1.map((r) => affine(r, w('wq'), w('bq'), d)));
  const k = split(ln1.map((r) => affine(r, w('wk'), w('bk'), d)));
  const v = split(ln1.map((r) => affine(r, w('wv'), w('bv'), d)));
  const scores = q.map((qh, h) => qh.map((qi) => k[h].map((kj) => dot(qi, kj))));
  const weights = scores.map((sh) => sh.map((row, i) => softmax(row.map((s, j) => s * scale + (causal && j > i ? MASKED : 0)))));
  const context = weights.map((wh, h) => wh.map((row) => {
    const c = new Array<number>(dk).fill(0);
    row.forEach((a, j) => {
      for (let t = 0; t < dk; t++) c[t] += a * v[h][j][t];
    });
    return c;
  }));
  const attnOut = Array.from({ length: T }, (_, i) => affine(context.flatMap((ch) => ch[i]), w('wo'), w('bo'), d));
  const resid1 = x.map((row, i) => addVec(row, attnOut[i]));
  const ln2 = resid1.map((row) => layerNorm(row, w('ln2g'), w('ln2b')));
  const hidden = ln2.map((r) => affine(r, w('w1'), w('b1'), F).map((u) => Math.max(0, u)));
  const ffnOut = hidden.map((r) => affine(r, w('w2'), w('b2'), d));
  const output = resid1.map((row, i) => addVec(row, ffnOut[i]));
  return { input: x, ln1, q, k, v, scores, weights, context, attnOut, resid1, ln2, hidden, ffnOut, output };
}

/** The forward pass of `model` over `ids` (one sequence, at most the context length), every value kept. */
export function traceTransformer(model: TransformerLM, ids: Int32Array): TransformerTrace {
  const T = model.checkTokens(ids, 1);
  const cfg = model.cfg;
  const { dModel: d, vocab: V } = cfg;
  const weights = weightArrays(model);
  const get = (name: string) => weights.get(name)!;
  const emb = get('emb');
  const pe = sinusoid(T, d);
  const embedding = Array.from(ids, (id) => Array.from(emb.subarray(id * d, id * d + d), Number));
  const position = Array.from({ length: T }, (_, t) => Array.from(pe.subarray(t * d, t * d + d), Number));
  const causal = isCausal(cfg);
  let x = embedding.map((e, t) => addVec(e, position[t]));
  const layers: LayerTrace[] = [];
  for (let l = 0; l < cfg.layers; l++) {
    const layer = traceLayer((n) => get(`l${l}.${n}`), cfg, x, causal);
    layers.push(layer);
    x = layer.output;
  }
  const final = x.map((row) => layerNorm(row, get('lnfg'), get('lnfb')));
  const logits = final.map((r) => affine(r, get('wout'), get('bout'), V));
  return { cfg, causal, scale: 1 / Math.sqrt(d / cfg.heads), embedding, position, layers, final, logits, probs: logits.map(softmax) };
}

// ---------------------------------------------------------------- text → tokens

/** A text as the model reads it. */
export interface InspectedText {
  tokens: string[];
  ids: Int32Array;
  /** Tokens not in the vocabulary (read as the unknown token). */
  unknown: string[];
  /** The model never saw capitals, so the text was lowercased. */
  lowercased: boolean;
}

type TransformerModel = Extract<LoadedAttentionModel, { kind: 'transformer' | 'mlm' }>;

/**
 * The tokens of `text` for a Transformer or masked language model. Refuses (InspectError) an empty text, a text
 * longer than the model's context (no silent cut: every number shown is for the text as given) and a text of
 * unknown tokens only.
 */
export function inspectText(m: LoadedAttentionModel, text: string): InspectedText & { model: TransformerModel } {
  if (m.kind === 'seq2seq') throw new InspectError('this is a seq2seq model; the head, neuron and step views read a Transformer language model');
  if (typeof text !== 'string' || !text.trim()) throw new InspectError('the text is empty: select a few words in a note');
  if (text.length > MAX_INSPECT_CHARS) throw new InspectError(`the selection has ${text.length} characters; select at most ${m.model.cfg.seq} tokens (the model's context)`);
  const lowercased = readsLowercase(m.vocab, text);
  const toks = splitTokens(lowercased ? text.toLowerCase() : text, m.vocab.level);
  const unit = m.vocab.level === 'char' ? 'characters' : 'words';
  if (toks.length === 0) throw new InspectError(`the text has no ${unit} to attend over`);
  if (toks.length > m.model.cfg.seq) throw new InspectError(`the selection is ${toks.length} ${unit === 'characters' ? 'tokens (characters)' : 'tokens (words)'} long; this model reads at most ${m.model.cfg.seq} at once: select less`);
  const enc = m.vocab.encodeTokens(toks);
  if (enc.unknownCount === toks.length) throw new InspectError(`none of the ${unit} of the text are in the model's vocabulary`);
  return { model: m, tokens: toks.map((t, i) => (enc.ids[i] === 0 ? m.vocab.tokenText(0) : t)), ids: enc.ids, unknown: enc.unknown, lowercased };
}

/** The display text of a token id, [MASK] included. */
function tokenName(m: TransformerModel, id: number): string {
  return m.kind === 'mlm' && id === m.maskId ? '[MASK]' : m.vocab.tokenText(id);
}

/** A position counted from the end when negative (−1: the last of n). */
const fromEnd = (at: number, n: number): number => (Number.isInteger(at) && at < 0 && at >= -n ? n + at : at);

function checkIndex(v: number, n: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v >= n) throw new InspectError(`${what} must be a whole number from 1 to ${n}, got ${Number.isFinite(v) ? v + 1 : String(v)}`);
  return v;
}

// ---------------------------------------------------------------- the three views' numbers

/** What every view's data starts with: the text as read and the model's shape. */
export interface InspectedBase {
  tokens: string[];
  unknown: string[];
  lowercased: boolean;
  /** false for a masked language model (no mask: every token sees every other). */
  causal: boolean;
  layers: number;
  heads: number;
  dModel: number;
  dk: number;
}

function baseOf(t: InspectedText, cfg: TransformerConfig): InspectedBase {
  return { tokens: t.tokens, unknown: t.unknown, lowercased: t.lowercased, causal: isCausal(cfg), layers: cfg.layers, heads: cfg.heads, dModel: cfg.dModel, dk: cfg.dModel / cfg.heads };
}

/** The head view: the attention weights of every layer and head, [layer][head][query][key]. */
export interface HeadViewData extends InspectedBase {
  attention: number[][][][];
}

export function headView(m: LoadedAttentionModel, text: string): HeadViewData {
  const t = inspectText(m, text);
  return { ...baseOf(t, t.model.model.cfg), attention: t.model.model.attention(t.ids) };
}

/** One key position as the query of the neuron view sees it. */
export interface NeuronKey {
  k: number[];
  /** q ⊙ k, elementwise (their sum is the score). */
  products: number[];
  /** q·k. */
  score: number;
  /** q·k / √d_k. */
  scaled: number;
  /** Later than the query in a causal model: −∞ is added (the weight is 0). */
  masked: boolean;
  /** softmax over the keys of scaled + mask. */
  weight: number;
  v: number[];
  /** weight · v. */
  weighted: number[];
}

/** Attention(Q, K, V) = softmax(QKᵀ/√d_k)V for one query position in one head, every number of it. */
export interface NeuronViewData extends InspectedBase {
  layer: number;
  head: number;
  position: number;
  /** 1/√d_k. */
  scale: number;
  q: number[];
  keys: NeuronKey[];
  /** Σ_j weight_j v_j: this head's part of the position's context. */
  context: number[];
  /** The attention sublayer's output at this position: all heads' contexts · W_o + b_o (what is added to x). */
  output: number[];
}

/** `at`: the query position (−1 the last token, −2 the one before, …). */
export function neuronView(m: LoadedAttentionModel, text: string, layer: number, head: number, at: number): NeuronViewData {
  const t = inspectText(m, text);
  const cfg = t.model.model.cfg;
  checkIndex(layer, cfg.layers, 'the layer');
  checkIndex(head, cfg.heads, 'the head');
  const position = checkIndex(fromEnd(at, t.ids.length), t.ids.length, 'the position');
  const tr = traceTransformer(t.model.model, t.ids);
  const L = tr.layers[layer];
  const q = L.q[head][position];
  const keys = L.k[head].map((k, j): NeuronKey => {
    const products = q.map((qi, i) => qi * k[i]);
    const weight = L.weights[head][position][j];
    const v = L.v[head][j];
    return { k, products, score: L.scores[head][position][j], scaled: L.scores[head][position][j] * tr.scale, masked: tr.causal && j > position, weight, v, weighted: v.map((x) => x * weight) };
  });
  return { ...baseOf(t, cfg), layer, head, position, scale: tr.scale, q, keys, context: L.context[head][position], output: L.attnOut[position] };
}

/** One layer at one position, as the step-through shows it. */
export interface StepLayer {
  input: number[];
  ln1: number[];
  /** The position's q, k and v, all heads side by side (head h is columns h·d_k … (h+1)·d_k − 1). */
  q: number[];
  k: number[];
  v: number[];
  /** Per head: q·k/√d_k against every key. */
  scaled: number[][];
  /** Per key: masked (later than this position in a causal model). */
  masked: boolean[];
  /** Per head: the softmax weights over the keys. */
  weights: number[][];
  /** All heads' contexts side by side. */
  context: number[];
  attnOut: number[];
  resid1: number[];
  ln2: number[];
  hidden: number[];
  ffnOut: number[];
  output: number[];
}

export interface TopToken {
  id: number;
  token: string;
  logit: number;
  p: number;
}

/** One position through the whole model. */
export interface StepViewData extends InspectedBase {
  position: number;
  /** What the output at this position predicts: the next token (causal) or the token here (masked LM). */
  predicts: 'next' | 'this';
  /** The token actually there in the text (the next one, or this one), when the text has it. */
  actual?: string;
  embedding: number[];
  positional: number[];
  /** embedding + positional: what the first layer reads. */
  x0: number[];
  layerSteps: StepLayer[];
  final: number[];
  /** The k most likely tokens: logit and probability (softmax over the whole vocabulary). */
  top: TopToken[];
  /** The smallest and largest logit over the vocabulary. */
  logitRange: [number, number];
  vocab: number;
  /** Probability of `actual`, when there is one. */
  actualP?: number;
}

export const STEP_TOP_K = 10;

/** `at`: the position (−1 the last token, −2 the one before, …). */
export function stepView(m: LoadedAttentionModel, text: string, at: number, topK = STEP_TOP_K): StepViewData {
  const t = inspectText(m, text);
  const model = t.model;
  const cfg = model.model.cfg;
  const position = checkIndex(fromEnd(at, t.ids.length), t.ids.length, 'the position');
  const tr = traceTransformer(model.model, t.ids);
  const i = position;
  const layerSteps = tr.layers.map((L): StepLayer => ({
    input: L.input[i],
    ln1: L.ln1[i],
    q: L.q.flatMap((h) => h[i]),
    k: L.k.flatMap((h) => h[i]),
    v: L.v.flatMap((h) => h[i]),
    scaled: L.scores.map((h) => h[i].map((s) => s * tr.scale)),
    masked: t.tokens.map((_, j) => tr.causal && j > i),
    weights: L.weights.map((h) => h[i]),
    context: L.context.flatMap((h) => h[i]),
    attnOut: L.attnOut[i],
    resid1: L.resid1[i],
    ln2: L.ln2[i],
    hidden: L.hidden[i],
    ffnOut: L.ffnOut[i],
    output: L.output[i],
  }));
  const probs = tr.probs[i];
  const logits = tr.logits[i];
  const order = probs.map((_, id) => id).sort((a, b) => probs[b] - probs[a]).slice(0, Math.max(1, Math.min(topK, probs.length)));
  const predicts = tr.causal ? 'next' : 'this';
  const actualIndex = predicts === 'next' ? i + 1 : i;
  const actualId = actualIndex < t.ids.length ? t.ids[actualIndex] : undefined;
  return {
    ...baseOf(t, cfg),
    position,
    predicts,
    actual: actualId === undefined ? undefined : tokenName(model, actualId),
    actualP: actualId === undefined ? undefined : probs[actualId],
    embedding: tr.embedding[i],
    positional: tr.position[i],
    x0: layerSteps[0]?.input ?? addVec(tr.embedding[i], tr.position[i]),
    layerSteps,
    final: tr.final[i],
    top: order.map((id) => ({ id, token: tokenName(model, id), logit: logits[id], p: probs[id] })),
    logitRange: [Math.min(...logits), Math.max(...logits)],
    vocab: cfg.vocab,
  };
}
