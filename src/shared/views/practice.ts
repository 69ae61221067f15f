/**
 * Messages of the study panel's Practice view (host ⇄ panel) and the worker request behind its "what happens if…"
 * questions. Types only. Questions, grades, solutions and the runs' numbers come from src/core/practice; the view
 * draws them. A question's answer stays on the host until the student has answered.
 */
import type { PracticeOutcome } from '../../core/practice/experiments';
import type { ExperimentTemplateId } from '../../core/practice/questions';
import type { PracticeResult } from '../../core/practice/session';

export type { PracticeOutcome, PracticeResult };

/** A question as the view shows it (without its answer). */
export interface PracticeQuestionView {
  id: string;
  kind: 'numeric' | 'experiment';
  conceptTitle: string;
  prompt: string;
  /** Numbers the answer has (numeric questions). */
  components: number;
  /** The choices (experiment questions). */
  choices?: string[];
}

export interface PracticeConceptRow {
  concept: string;
  title: string;
  right: number;
  wrong: number;
  /** Leitner box 1..5 of its weakest question kind. */
  box: number;
  due: boolean;
}

export interface PracticePanelData {
  /** What is practised: "this note: …" or "the course: N notes". */
  scope: string;
  /** Concepts recognised in the scope that have questions (their titles). */
  concepts: string[];
  question: PracticeQuestionView | null;
  result: PracticeResult | null;
  /** An answer that could not be read: the message, nothing graded. */
  parseError?: string;
  progress: PracticeConceptRow[];
  /** Question kinds of the scope due now. */
  due: number;
  /** Where progress is kept: the workspace file, or memory only (untrusted workspace, no folder, or an unusable file). */
  storage: { kind: 'file' | 'memory'; note: string };
  /** Distinct per update (the view redraws only what changed). */
  stamp: number;
}

export interface PracticePanelRequests {
  /** Grade an answer: the text typed (numeric) or the index of a choice (experiment). */
  'practice.answer': { params: { id: string; answer: string | number }; result: PracticePanelData };
  /** The next question (due ones first). */
  'practice.next': { params: Record<string, never>; result: PracticePanelData };
}

/** Requests the host makes of the training worker for practice, by method. */
export interface PracticeWorkerRequests {
  /** Run a "what happens if…" question's experiment (`text`, `word`: the notes and word of the window question). */
  'practice.run': { params: { template: ExperimentTemplateId; text?: string; word?: string }; result: PracticeOutcome };
}
