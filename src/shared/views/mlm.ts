/**
 * Messages of the study panel's Fill-in-the-Blank view (host → panel) and the worker request behind it. Types only.
 */
import type { FillResult } from '../../core/mlm/fill';

export type { FillResult };

/** What the view draws: a masked language model's guesses for the blank(s) of a text. */
export interface MlmFillData {
  /** The model's name (its folder name) and folder. */
  name: string;
  dir: string;
  /** The text the blank was made in, and the selected part that became the blank. */
  text: string;
  selected: string;
  result: FillResult;
  /** Distinct per answer (the view redraws only what changed). */
  stamp: number;
}

/** Requests the host makes of the training worker for masked language models, by method. */
export interface MlmWorkerRequests {
  /** Load (cached per folder) a masked language model and fill the blank at the selection [from, to) of the text. */
  'mlm.fill': { params: { dir: string; text: string; from: number; to: number; k: number }; result: FillResult };
}
