/**
 * Result shapes shared by every language-model engine (LSTM, Transformer, ...), so the CLI, the worker and the
 * panel handle any of them the same way. No tfjs.
 */
import type { LmLevel } from './vocab';
import type { SamplingOptions } from './sampling';

export interface PerplexityResult {
  level: LmLevel;
  /** Tokens scored (every token but the first of each stream). */
  tokens: number;
  crossEntropy: number;
  perplexity: number;
  bitsPerChar?: number;
  /** Tokens of the text that are not in the vocabulary (scored as the unknown token). */
  unknown: string[];
  unknownCount: number;
}

export interface TokenInfo {
  text: string;
  id: number;
  /** Probability the model gave this token (before temperature/top-k/top-p). */
  prob: number;
  /** −ln prob, nats. */
  surprisal: number;
  /**
   * How to show the token in running text: the prompt's `display` strings followed by the generated ones spell the
   * whole passage (characters as they are; words with a space before them, end of sentence as a line break).
   */
  display?: string;
}

export interface GenerateOptions extends SamplingOptions {
  prompt?: string;
  /** Tokens to generate (default 200). */
  length?: number;
  seed?: number;
}

export interface GenerateResult {
  level: LmLevel;
  prompt: string;
  /** The prompt's tokens, each with its probability given a line start (char) or sentence start (word) and the tokens before it. Unknown ones keep their spelling and have id 0. */
  promptTokens: TokenInfo[];
  tokens: TokenInfo[];
  /** The generated text (without the prompt). */
  text: string;
  /** Prompt tokens not in the vocabulary: they were fed as the unknown token. */
  unknown: string[];
  unknownCount: number;
}

export interface TeacherForcingStep {
  /** The true token at this position. */
  truth: string;
  /** The model's most likely token given the TRUE history (teacher forcing). */
  predicted: string;
  /** Probability the model gave the true token. */
  probOfTruth: number;
  surprisal: number;
  correct: boolean;
}

export interface TeacherForcingComparison {
  level: LmLevel;
  /** The context both runs start from. */
  prefix: string;
  /** What the text really says next. */
  truth: string;
  /** Teacher forcing: at each position the model sees the true history and predicts the next token. */
  teacherForced: TeacherForcingStep[];
  teacherForcedText: string;
  teacherForcedAccuracy: number;
  /** Free running: the model's own greedy continuation, each token fed back as the next input. */
  freeRunning: TokenInfo[];
  freeRunningText: string;
  /** Positions where free running produced the true token. */
  freeRunningMatches: number;
}
