/**
 * The causal Transformer used as a language model, like the LSTM (src/core/lstm/engine.ts): the surprisal of every
 * token of a text, perplexity, generation and teacher forcing vs free running. Every number comes from the
 * Transformer's own forward pass (`TransformerLM.logits` / `nextProbabilities`).
 *
 * Scoring cuts the token ids into consecutive windows of the context length, as the held-out loss of training does
 * (`heldOutLoss`): window w reads tokens w·seq … w·seq + seq − 1 and predicts each next one, so every token but the
 * first is scored exactly once, token j with surprisal s[j − 1], given the tokens of its window before it.
 */
import { surprisalFromLogits, summarise } from '../lm/measures';
import { drainYielding, generateWith, LmInputError, teacherForcingWith, type TokenStepper } from '../lm/use';
import type { Vocab } from '../lm/vocab';
import type { GenerateOptions, GenerateResult, PerplexityResult, TeacherForcingComparison } from '../lm/types';
import type { TransformerLM } from './transformer';

/** A causal Transformer with its vocabulary (a loaded model of kind "transformer"). */
export interface CausalLm {
  model: TransformerLM;
  vocab: Vocab;
}

/** Logit values held at once while scoring (windows are batched up to this many B·T·V floats). */
const MAX_LOGITS = 4 * 1024 * 1024;

/** The work of scoring, a batch of windows per `next()`; yields the fraction done, returns the surprisals (n − 1). */
function* scoring(lm: CausalLm, ids: Int32Array, maxTokens: number): Generator<number, Float32Array, void> {
  const n = Math.min(ids.length, maxTokens);
  if (n < 2) throw new LmInputError(`the text is too short to score: it has ${n} token(s), at least 2 are needed`);
  const { seq, vocab: V } = lm.model.cfg;
  const out = new Float32Array(n - 1);
  const full = Math.floor((n - 1) / seq);
  const perBatch = Math.max(1, Math.floor(MAX_LOGITS / (seq * V)));
  const run = (start: number, B: number, T: number) => {
    const inputs = new Int32Array(B * T);
    for (let b = 0; b < B; b++) inputs.set(ids.subarray(start + b * T, start + b * T + T), b * T);
    const t = lm.model.logits(inputs, B);
    const z = t.dataSync() as Float32Array;
    t.dispose();
    for (let r = 0; r < B * T; r++) out[start + r] = surprisalFromLogits(z.subarray(r * V, (r + 1) * V), ids[start + r + 1]);
  };
  for (let w = 0; w < full; w += perBatch) {
    run(w * seq, Math.min(perBatch, full - w), seq);
    yield (Math.min(w + perBatch, full) * seq) / (n - 1);
  }
  const rest = n - 1 - full * seq;
  if (rest > 0) run(full * seq, 1, rest);
  return out;
}

/** Surprisal (nats) of each token of `ids` after the first: element j − 1 is token j's (see the file comment). */
export function scoreTransformerIds(lm: CausalLm, ids: Int32Array, maxTokens = Infinity): Float32Array {
  const g = scoring(lm, ids, maxTokens);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

function encodeText(lm: CausalLm, text: string) {
  const enc = lm.vocab.encode(text);
  if (enc.ids.length === 0) throw new LmInputError('the text is empty (no tokens to score)');
  return enc;
}

/** Perplexity = exp(mean surprisal) of a text under the Transformer. */
export function transformerPerplexity(lm: CausalLm, text: string, opts: { maxTokens?: number } = {}): PerplexityResult {
  const enc = encodeText(lm, text);
  const m = summarise(scoreTransformerIds(lm, enc.ids, opts.maxTokens), lm.vocab.level === 'char');
  return { level: lm.vocab.level, ...m, unknown: enc.unknown.slice(0, 50), unknownCount: enc.unknownCount };
}

/**
 * transformerPerplexity for long texts in the worker: yields to the event loop every ~50 ms and throws StoppedError
 * when `signal` aborts. Also returns the surprisals, for per-token colouring.
 */
export async function transformerPerplexityAsync(lm: CausalLm, text: string, opts: { maxTokens?: number; signal?: AbortSignal } = {}): Promise<PerplexityResult & { surprisals: Float32Array }> {
  const enc = encodeText(lm, text);
  const s = await drainYielding(scoring(lm, enc.ids, opts.maxTokens ?? Infinity), opts);
  const m = summarise(s, lm.vocab.level === 'char');
  return { level: lm.vocab.level, ...m, unknown: enc.unknown.slice(0, 50), unknownCount: enc.unknownCount, surprisals: s };
}

/** Token by token: the context grows with each token fed and slides once it exceeds the model's length. */
export class TransformerStepper implements TokenStepper {
  private ctx: number[] = [];
  constructor(private readonly lm: CausalLm) {}
  reset(): void {
    this.ctx = [];
  }
  feed(id: number): Float32Array {
    this.ctx.push(id);
    if (this.ctx.length > this.lm.model.cfg.seq) this.ctx.shift();
    return this.lm.model.nextProbabilities(Int32Array.from(this.ctx));
  }
}

/** Generate `length` tokens after `prompt` (as the LSTM does; the unknown token is never generated). */
export function generateTransformer(lm: CausalLm, opts: GenerateOptions = {}): GenerateResult {
  return generateWith(lm.vocab, new TransformerStepper(lm), opts);
}

/** Teacher forcing next to free running on a piece of text. */
export function transformerTeacherForcing(lm: CausalLm, text: string, opts: { prefix?: number; length?: number } = {}): TeacherForcingComparison {
  return teacherForcingWith(lm.vocab, new TransformerStepper(lm), text, opts);
}
