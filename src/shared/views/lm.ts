/**
 * Messages of the study panel's Language Model view (host ⇄ panel) and the worker requests behind it. Types only
 * (the result shapes come from src/core/lm/types.ts, which has no runtime imports).
 */
import type { GenerateResult, PerplexityResult, TeacherForcingComparison } from '../../core/lm/types';
import type { ModelPickerData, ModelPickerWorkerRequests, PickerKind } from './modelPicker';

export type { GenerateResult, PerplexityResult, TeacherForcingComparison };

/** How to sample a continuation (the generate box, the Generate Text command). */
export interface LmGenerateParams {
  dir: string;
  prompt: string;
  /** Tokens to generate. */
  length: number;
  /** 0 = greedy. */
  temperature: number;
  /** 0 = no top-k cut. */
  topK: number;
  /** 1 = no nucleus cut. */
  topP: number;
  seed: number;
}

/** One held-out evaluation during training. */
export interface LmHistoryPoint {
  step: number;
  trainLoss?: number;
  heldOutLoss?: number;
  perplexity?: number;
  bitsPerChar?: number;
}

/** What a saved model folder says about itself (its config, evaluations and samples). */
export interface LmModelInfo {
  dir: string;
  /** The engine: a recurrent cell or the causal Transformer. */
  kind: PickerKind;
  level: 'char' | 'word';
  vocabSize: number;
  embedding: number;
  hidden: number;
  layers: number;
  /** A Transformer's heads per layer and context length (tokens read at once). */
  heads?: number;
  context?: number;
  step: number;
  history: LmHistoryPoint[];
  samples: Array<{ step: number; text: string }>;
}

/** One token of a scored text: `surprisal`/`prob` are absent for tokens that were context only. */
export interface LmScoredToken {
  /** How to show the token in running text (see TokenInfo.display). */
  display: string;
  prob?: number;
  surprisal?: number;
}

/** The perplexity of a text, with the surprisal of every scored token when the text is not too long. */
export interface LmPerplexityReport extends PerplexityResult {
  /** The text's tokens in order, or undefined when the text has more than `detailLimit` tokens. */
  detail?: LmScoredToken[];
  detailLimit: number;
}

/** A generation on show, with the options that made it. */
export interface LmGenerated extends GenerateResult {
  options: Omit<LmGenerateParams, 'dir'>;
}

/** Two models' perplexity and surprisal colouring of the same text, side by side. */
export interface LmComparison {
  /** The text both scored. */
  text: string;
  models: Array<LmPerplexityReport & { dir: string; name: string }>;
}

/** What the host sends to draw the Language Model view. */
export interface LmPanelData {
  /** The model folder on show (for a running job, where its checkpoints go). */
  dir?: string;
  name: string;
  /** The training job this view follows, if any. */
  jobId?: string;
  status?: 'queued' | 'running' | 'done' | 'stopped' | 'failed';
  level?: 'char' | 'word';
  /** The engine (from the model folder): the LSTM's gate view is offered only for recurrent models. */
  kind?: PickerKind;
  /** The training loss of the job so far (later points arrive through onPoints). */
  series?: { steps: number[]; losses: number[] };
  /** Held-out evaluations, oldest first. */
  history: LmHistoryPoint[];
  /** Samples as training went on, oldest first. */
  samples: Array<{ step: number; text: string }>;
  /** The latest teacher-forcing vs free-running comparison, on a held-out snippet (during training). */
  teacherForcing?: TeacherForcingComparison & { step?: number };
  /** A generation to show (from the Generate Text command). */
  generated?: LmGenerated;
  /** A perplexity to show (from the Perplexity command). */
  perplexity?: LmPerplexityReport & { source: string };
  /** The folder's model.json was not read yet: the view asks for `lm.info`. */
  needsInfo?: boolean;
  /** Every saved language model, the one on show and the one compared with it. */
  picker?: ModelPickerData;
  /** The latest comparison of two models on one text. */
  comparison?: LmComparison;
}

/** Requests the LM view makes of the host, by method. The host checks `dir` is a known model. */
export interface LmPanelRequests {
  'lm.generate': { params: LmGenerateParams; result: LmGenerated };
  'lm.teacherForcing': { params: { dir: string; text: string }; result: TeacherForcingComparison };
  'lm.info': { params: { dir: string }; result: LmModelInfo };
  /** Use another saved language model in the view (`dir` from the picker); the view's new data. */
  'lm.select': { params: { dir: string }; result: LmPanelData };
  /** The perplexity and surprisals of `text` under two saved language models. */
  'lm.compare': { params: { dir: string; other: string; text: string }; result: LmComparison };
  /** Read the saved models again (the picker's refresh). */
  'lm.models': { params: Record<string, never>; result: ModelPickerData };
  /** Open Inside the LSTM on this model (on `text` when given). */
  'lm.gates': { params: { dir: string; text?: string }; result: null };
}

/** Requests the host makes of the training worker for language models, by method ("lm." prefix). */
export interface LmWorkerRequests extends ModelPickerWorkerRequests {
  'lm.generate': { params: LmGenerateParams; result: GenerateResult };
  'lm.perplexity': { params: { dir: string; text: string }; result: LmPerplexityReport };
  'lm.teacherForcing': { params: { dir: string; text: string; prefix?: number; length?: number }; result: TeacherForcingComparison };
  'lm.info': { params: { dir: string }; result: LmModelInfo };
  /** The checkpoint a stopped run would continue from, read with every check of a resume; throws when unusable. */
  'lm.checkpoint': { params: { dir: string }; result: { step: number; corpusTokens: number } };
}
