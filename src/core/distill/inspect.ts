/**
 * The teacher's softened next-token distributions at one position of a text: the teacher (an LSTM language model)
 * reads a start token and the text's tokens before the position, and its logits z for the next token are shown as
 * softmax(z / T) at several temperatures — the soft targets a student learns from. A higher T lifts the tokens the
 * teacher ranks second, third, …: the "dark knowledge" distillation passes on.
 */
import { splitTokens } from '../lm/vocab';
import { LmInputError, type LstmModel } from '../lstm/engine';
import { startId } from '../lstm/inspect';
import { Workspace } from '../lstm/model';
import { softmaxT } from './loss';

export const SOFTENED_TEMPERATURES = [1, 2, 5] as const;
/** Longest text (in tokens) read for one position. */
export const MAX_SOFTENED_TOKENS = 2000;

export interface SoftenedTokens {
  level: 'char' | 'word';
  /** The text's tokens before the position (the context), and the true next token when the text has one. */
  context: string[];
  next: string | null;
  position: number;
  /** The top tokens by the teacher's probability at T = 1 (most likely first), with their logits. */
  tokens: string[];
  logits: number[];
  /** Per temperature: the probability of each top token, and the rest of the vocabulary's mass. */
  temperatures: { temperature: number; probs: number[]; rest: number }[];
  vocabSize: number;
}

/** The teacher's logits for the token after `ids[0 .. position)`, read after its start token. */
export function teacherLogitsAt(model: LstmModel, ids: ArrayLike<number>, position: number): Float64Array {
  const seq = [startId(model), ...Array.from(ids).slice(0, position)];
  const ws = new Workspace(model.config, 1, 1, { ops: model.ops ?? 'wasm', train: false });
  ws.theta.set(model.theta);
  ws.resetState();
  for (const id of seq) ws.forward([id], null, false);
  return Float64Array.from(ws.logits);
}

/**
 * The softened distributions at `position` (0-based token index: the distribution of token `position` given the
 * ones before it; default: after the whole text). `top` tokens are shown.
 */
export function softenedAt(model: LstmModel, text: string, position?: number, temperatures: readonly number[] = SOFTENED_TEMPERATURES, top = 8): SoftenedTokens {
  const toks = splitTokens(text, model.vocab.level);
  if (toks.length > MAX_SOFTENED_TOKENS) throw new LmInputError(`the text has ${toks.length} tokens; at most ${MAX_SOFTENED_TOKENS} are read`);
  const pos = position ?? toks.length;
  if (!Number.isInteger(pos) || pos < 0 || pos > toks.length) throw new LmInputError(`the position must be a whole number from 0 to ${toks.length}, got ${position}`);
  if (!Number.isInteger(top) || top < 1 || top > 50) throw new LmInputError(`top must be 1..50, got ${top}`);
  for (const T of temperatures) if (!(T > 0 && Number.isFinite(T))) throw new LmInputError(`temperatures must be positive, got ${T}`);
  const ids = model.vocab.encodeTokens(toks).ids;
  const z = teacherLogitsAt(model, ids, pos);
  const p1 = softmaxT(z, 1);
  const order = Array.from(p1.keys()).sort((a, b) => p1[b] - p1[a]).slice(0, Math.min(top, z.length));
  return {
    level: model.vocab.level,
    context: toks.slice(0, pos),
    next: pos < toks.length ? toks[pos] : null,
    position: pos,
    tokens: order.map((k) => model.vocab.tokenText(k)),
    logits: order.map((k) => z[k]),
    temperatures: temperatures.map((T) => {
      const p = softmaxT(z, T);
      const probs = order.map((k) => p[k]);
      return { temperature: T, probs, rest: Math.max(0, 1 - probs.reduce((a, b) => a + b, 0)) };
    }),
    vocabSize: z.length,
  };
}
