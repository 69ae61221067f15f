/**
 * Messages of the study panel's word2vec stepper view (host ⇄ panel) and the worker requests behind it. Types only.
 * The engine (src/core/word2vec/stepper.ts, described by stepperFrame.ts) runs in the training worker; every number
 * the view draws comes from its frames.
 */
import type { StepperFrame } from '../../core/word2vec/stepperFrame';

export type { MapPoint, Neighbour, RowChange, StepperFrame } from '../../core/word2vec/stepperFrame';
export type { StepRecord, TargetInfo } from '../../core/word2vec/stepper';

/** How far one Step goes: a number of updates, or to the end of the current epoch. */
export type StepAmount = 1 | 10 | 100 | 'epoch';

/** What the host sends to draw the stepper (always the whole state, so a replay restores everything). */
export interface W2vStepPanelData {
  frame: StepperFrame;
  /** Where the sentences came from, e.g. "selection in notes/word2vec.md". */
  source: string;
  /** The objective with the numbers substituted, rendered (MathJax SVG), or why it could not be. */
  svg?: string;
  renderError?: string;
  /** Why the last action failed, if it did (shown beside the controls). */
  error?: string;
  /** Distinct per message. */
  stamp: number;
}

/** Requests the stepper view makes of the host, by method. */
export interface W2vStepPanelRequests {
  'w2vStep.step': { params: { steps: StepAmount }; result: W2vStepPanelData };
  /** Back to the initial vectors, same sentences and settings. */
  'w2vStep.reset': { params: Record<string, never>; result: W2vStepPanelData };
  /** New settings (STEPPER_PARAMS values) on the same sentences; starts again. */
  'w2vStep.configure': { params: { settings: Record<string, unknown> }; result: W2vStepPanelData };
  /** Watch another word's nearest neighbours. */
  'w2vStep.watch': { params: { word: string }; result: W2vStepPanelData };
}

/** Requests the host makes of the stepper view: what it drew last (tests ask). */
export interface W2vStepPanelAnswers {
  'w2vStep.drawn': { params: Record<string, never>; result: { stamp: number; updatesDone: number; center: string | null; loss: number | null } };
}

/** Requests the host makes of the training worker for the stepper, by method. */
export interface StepperWorkerRequests {
  /** Build stepper `id` (replacing one of that id) on `text` with STEPPER_PARAMS values. */
  'stepper.create': { params: { id: string; params: Record<string, unknown>; text: string }; result: StepperFrame };
  'stepper.step': { params: { id: string; steps: number | 'epoch' }; result: StepperFrame };
  'stepper.watch': { params: { id: string; word: string }; result: StepperFrame };
  'stepper.dispose': { params: { id: string }; result: null };
}
