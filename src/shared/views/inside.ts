/**
 * Messages of the two "inside the models" views of the study panel — Inside the LSTM (gates and cell per
 * character, units ranked by what they track, top-5 guesses) and the RNN vs LSTM gradient lab — and the worker
 * requests behind them. Types only; the shapes come from the engines (src/core/lstm/inspect.ts, src/core/rnn/lab.ts).
 */
import type { GatesReport, Guess, Ranking, UnitScore, UnitSeries } from '../../core/lstm/inspect';
import type { LabCurve, LabOptions, LabProgress, LabResult } from '../../core/rnn/lab';

export type { GatesReport, Guess, LabCurve, LabOptions, LabProgress, LabResult, Ranking, UnitScore, UnitSeries };

/** A model the gate view can read: a saved LSTM, or the latest checkpoint of one training now. */
export interface GatesModelChoice {
  dir: string;
  name: string;
  /** A job is training into this folder (the view shows its latest checkpoint, refreshed as it saves). */
  training: boolean;
}

/** What the host sends to draw the Inside the LSTM view. */
export interface GatesPanelData {
  models: GatesModelChoice[];
  /** The model on show, and the training step of the weights read. */
  dir?: string;
  name?: string;
  step?: number;
  text: string;
  layer: number;
  report?: GatesReport;
  /** Why there is no report (no model yet, no checkpoint yet, a text the model cannot read). */
  error?: string;
  /** Increases with every update (tests and the view tell fresh data from a replay). */
  stamp: number;
}

/** Requests the gate view makes of the host. `dir` must be one of `models`; `unit` omitted = the strongest. */
export interface GatesPanelRequests {
  'gates.inspect': { params: { dir: string; text: string; layer: number; unit?: number }; result: GatesPanelData };
}

/** What the host sends to draw the RNN vs LSTM gradient lab. */
export interface GradientsPanelData {
  /** Where the text came from ("the selection in notes.md"). */
  source: string;
  status: 'training' | 'done' | 'stopped' | 'failed';
  progress?: LabProgress;
  result?: LabResult;
  error?: string;
  stamp: number;
}

export interface GradientsPanelRequests {
  /** Stop the lab that is training. */
  'gradients.stop': { params: Record<string, never>; result: null };
}

/** Requests the host makes of the training worker for these views ("inside." prefix). */
export interface InsideWorkerRequests {
  /** One forward pass of the LSTM in `dir` over `text`: the report, and the step its weights were saved at. */
  'inside.gates': { params: { dir: string; text: string; layer: number; unit?: number }; result: GatesReport & { step: number } };
  /** Train the lab's two models and measure their gradients; resolves when done (rejects when stopped). */
  'inside.labRun': { params: { id: string; text: string; options: LabOptions }; result: LabResult };
  /** The latest progress of lab `id` (null when there is none). */
  'inside.labProgress': { params: { id: string }; result: LabProgress | null };
  'inside.labStop': { params: { id: string }; result: null };
}
