/**
 * Checks of what the language-model commands and the LM view send: commands are also called from hovers and other
 * code, and the view is a webview. Each failure is an ArgError with a message fit for the user.
 */
import type { LmGenerateParams } from '../../shared/views/lm';
import { GENERATION_DEFAULTS } from '../../core/lm/sampling';

export class ArgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgError';
  }
}

export const GENERATE_DEFAULTS: Omit<LmGenerateParams, 'dir' | 'prompt'> = GENERATION_DEFAULTS;
export const MAX_PROMPT = 10_000;
export const MAX_LENGTH = 5000;
/** Longest text the perplexity command scores (characters). */
export const MAX_TEXT = 5_000_000;

/** Refuse keys the caller did not mean (a typo such as `topk` would otherwise be silently ignored). */
export function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new ArgError(`${what}: unknown argument "${k}" (expected ${allowed.join(', ')})`);
}

function num(o: Record<string, unknown>, key: string, dflt: number, check: (x: number) => boolean, rule: string): number {
  const v = o[key];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) throw new ArgError(`${key} must be ${rule}, got ${JSON.stringify(v)}`);
  return v;
}

export function optString(o: Record<string, unknown>, key: string, max: number): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ArgError(`${key} must be a string, got ${typeof v}`);
  if (v.length > max) throw new ArgError(`${key} is too long (${v.length} characters, at most ${max})`);
  return v;
}

/** The sampling options of a generate call (everything but dir and prompt), with defaults. */
export function samplingOf(o: Record<string, unknown>): Omit<LmGenerateParams, 'dir' | 'prompt'> {
  return {
    length: num(o, 'length', GENERATE_DEFAULTS.length, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_LENGTH, `a whole number from 1 to ${MAX_LENGTH}`),
    temperature: num(o, 'temperature', GENERATE_DEFAULTS.temperature, (x) => x >= 0 && x <= 10, 'a number from 0 (greedy) to 10'),
    topK: num(o, 'topK', GENERATE_DEFAULTS.topK, (x) => Number.isInteger(x) && x >= 0 && x <= 1_000_000, 'a whole number ≥ 0 (0 = no cut)'),
    topP: num(o, 'topP', GENERATE_DEFAULTS.topP, (x) => x > 0 && x <= 1, 'a number in (0, 1] (1 = no cut)'),
    seed: num(o, 'seed', GENERATE_DEFAULTS.seed, (x) => Number.isInteger(x) && x >= 0 && x <= 2 ** 31 - 1, 'a whole number from 0 to 2147483647'),
  };
}
