/**
 * Every message that crosses a boundary, typed in one place:
 *   host ⇄ worker   (HostToWorker / WorkerToHost)
 *   host ⇄ panel    (HostToPanel / PanelToHost)      — the study panel webview
 *   host ⇄ sidebar  (HostToSidebar / SidebarToHost)  — the training view webview
 * Types only (plus the validators for what arrives from webviews): importable from the host, the worker and the
 * webview bundles alike. The panel's views, their data and their requests are in panelViews.ts (one table); each
 * view's and each model's message types are in views/*.ts. Requests go through the typed channel of rpc.ts.
 */
import type { ParamSpec, ParamValues } from '../core/params';
import type { ProgressUpdate } from '../core/training';
import type { ExplainPanelData, ExplainPanelRequests } from './views/explain';
import type { VectorsWorkerRequests } from './views/embeddings';
import type { LmWorkerRequests } from './views/lm';
import type { AttentionWorkerRequests } from './views/attention';
import type { PlaygroundWorkerRequests } from './views/xor';
import type { StepperWorkerRequests } from './views/w2vStep';
import type { MlmWorkerRequests } from './views/mlm';
import type { InsideWorkerRequests } from './views/inside';
import type { ModelViewWorkerRequests } from './views/models';
import type { HeadsWorkerRequests } from './views/heads';
import type { FormulaIndexRequests } from './views/formulas';
import type { ExampleWorkerRequests } from './views/explain';
import type { PracticeWorkerRequests } from './views/practice';
import { isPanelView, type PanelView, type ViewMessage } from './panelViews';

// ---------------------------------------------------------------- shared pieces

/** A request expecting one reply (see rpc.ts). */
export interface Request {
  type: 'request';
  requestId: number;
  method: string;
  params: unknown;
}

/** The reply to a Request. */
export type Reply = { type: 'reply'; requestId: number; ok: true; result: unknown } | { type: 'reply'; requestId: number; ok: false; error: string };

/** The models the worker trains. */
export type ModelKind = 'xor' | 'word2vec' | 'lstm' | 'transformer' | 'seq2seq' | 'distill' | 'vae' | 'autoencoder' | 'mlm';

/** Where training text comes from. The host resolves files and selections to text before a job starts. */
export type CorpusRef = { kind: 'none' } | { kind: 'brown' } | { kind: 'text'; name: string; text: string; keepLatexCommands?: boolean };

/** Everything the worker needs to run one job. */
export interface JobSpec {
  jobId: string;
  model: ModelKind;
  params: ParamValues;
  corpus: CorpusRef;
  /** Folder where the trained model is saved (absolute path), if any. */
  outDir?: string;
  /** A checkpoint folder to continue from (the job's own outDir when a stopped run is resumed). */
  resumeFrom?: string;
}

/** Where a job's text came from, so that a resumed run can read it again (a selection cannot be). */
export type CorpusSource = { id: 'brown' } | { id: 'notes' } | { id: 'file'; path: string };

export type JobStatus = 'queued' | 'running' | 'done' | 'stopped' | 'failed';

/** What the host keeps about a job, and shows in the sidebar and the panel. */
export interface JobInfo {
  jobId: string;
  model: ModelKind;
  label: string;
  params: ParamValues;
  corpusName: string;
  status: JobStatus;
  /** Fraction done, 0..1. */
  progress: number;
  step: number;
  total: number;
  loss?: number;
  metrics?: Record<string, number>;
  startedAt: number;
  endedAt?: number;
  error?: string;
  /** Where the trained model was saved, when it was. */
  modelDir?: string;
  /** A one-line outcome, e.g. "loss 0.0001, accuracy 1". */
  summary?: string;
  /** Where its text came from, when it can be read again. */
  corpusSource?: CorpusSource;
  /** Stopped or finished with a checkpoint it can continue from (the host decides; see JobManager.isResumable). */
  resumable?: boolean;
}

/** A model saved in the workspace, listed in the sidebar. */
export interface SavedModelInfo {
  name: string;
  model: ModelKind;
  dir: string;
  savedAt: number;
  summary: string;
}

/** A model's form: its parameter specs and a title, for the sidebar. */
export interface ModelForm {
  model: ModelKind;
  title: string;
  description: string;
  params: readonly ParamSpec[];
  /** Whether the model trains on text (then the form shows a corpus picker). */
  usesCorpus: boolean;
  /** Fields another turns off: while the bool `when` is on, `field` must be `value` (the form sets and disables it). */
  exclusive?: readonly ExclusiveRule[];
}

export interface ExclusiveRule {
  when: string;
  field: string;
  value: number;
  why: string;
}

// ---------------------------------------------------------------- host ⇄ worker

export type HostToWorker = { type: 'start'; job: JobSpec } | { type: 'stop'; jobId: string } | Request;

export type WorkerToHost =
  /** tfjs is initialised; `backend` is the one in use. */
  | { type: 'ready'; backend: string }
  | { type: 'progress'; jobId: string; update: ProgressUpdate }
  /** `step`: the step the job ended at, when the model says (progress reports may stop a little before it). */
  | { type: 'done'; jobId: string; summary: string; result: Record<string, unknown>; modelDir?: string; step?: number }
  | { type: 'stopped'; jobId: string; summary: string; modelDir?: string; step?: number }
  | { type: 'failed'; jobId: string; error: string }
  | { type: 'log'; message: string }
  | Reply;

// ---------------------------------------------------------------- host ⇄ study panel

/** One point batch of a run's loss curve. */
export interface SeriesChunk {
  jobId: string;
  steps: number[];
  losses: number[];
}

export type HostToPanel =
  /** The jobs, their series and the view on show: after `ready` (then every view's data follows). */
  | { type: 'state'; jobs: JobInfo[]; series: SeriesChunk[]; view: PanelView }
  /** The list of jobs changed (a run started, ended, was resumed or cleared): the webview keeps the points it has. */
  | { type: 'jobs'; jobs: JobInfo[] }
  /** New points of running jobs, batched (at most ~10 messages a second). */
  | { type: 'points'; chunks: SeriesChunk[] }
  | { type: 'job'; job: JobInfo }
  | { type: 'removeJob'; jobId: string }
  | { type: 'showView'; view: PanelView }
  /** Draw a view with its data (see panelViews.ts); replayed, under the same `rev`, after every reload of the webview. */
  | ViewMessage
  /** A request of the host to a view (PanelAnswers), and the reply to a request of the panel. */
  | Request
  | Reply;

export type PanelToHost =
  | { type: 'ready' }
  /** The user switched tabs; the host replays this view rather than its own last choice. */
  | { type: 'viewChanged'; view: PanelView }
  | { type: 'stopJob'; jobId: string }
  /** The user exported the chart: PNG as a data: URL, or CSV text; the host asks where to save. */
  | { type: 'export'; format: 'png' | 'csv'; data: string }
  /** A request of a view to the host (PanelRequests), and the reply to a request of the host. */
  | Request
  | Reply;

/** Requests the host makes of the training worker (besides jobs), by method. Trained models are read there. */
export interface WorkerRequests extends ExampleWorkerRequests, VectorsWorkerRequests, LmWorkerRequests, AttentionWorkerRequests, PlaygroundWorkerRequests, InsideWorkerRequests, ModelViewWorkerRequests, MlmWorkerRequests, StepperWorkerRequests, HeadsWorkerRequests, PracticeWorkerRequests {
  ping: { params: null; result: { pong: true; backend: string } };
  /** Make the worker die the way a native fault would (the integration test of crash recovery). */
  crash: { params: { really: boolean }; result: null };
  /** Block the worker's thread for `ms` (development builds; the integration test of the forced stop). */
  hang: { params: { ms: number }; result: null };
}

// ---------------------------------------------------------------- host ⇄ formula worker (requests only, rpc.ts)

/** What the formula worker answers, by method. MathJax and the recogniser run there, off the extension host. */
export interface FormulaRequests extends FormulaIndexRequests {
  hover: {
    params: { text: string; offset: number; languageId: string; color: string; allowedCommands: readonly string[]; explainArgs: unknown; preamble?: string; noteUri?: string };
    result: { markdown: string; start: number; end: number } | null;
  };
  explain: { params: { text: string; offset: number; languageId: string; color: string; preamble?: string; noteUri?: string }; result: Omit<ExplainPanelData, 'source'> | null };
  recompute: ExplainPanelRequests['explain.recompute'];
  /** Render TeX built by the engine (e.g. an objective with numbers substituted) as SVG. */
  render: { params: { latex: string; display: boolean; color: string }; result: { svg: string } | { error: string } };
  /** Render and explain a document's formulas ahead of hovers; `key` (the document URI) lets a newer call supersede. */
  prewarm: { params: { text: string; languageId: string; color: string; key?: string; preamble?: string }; result: number };
  /** Block the worker's thread for `ms` (development builds; the integration test of the hung-worker restart). */
  hang: { params: { ms: number }; result: null };
}

// ---------------------------------------------------------------- host ⇄ sidebar

export type HostToSidebar =
  | { type: 'state'; jobs: JobInfo[]; models: SavedModelInfo[]; forms: ModelForm[]; corpora: CorpusChoice[]; trusted: boolean }
  | { type: 'job'; job: JobInfo }
  | { type: 'formError'; field?: string; message: string };

/** A corpus the form offers. */
export interface CorpusChoice {
  id: string;
  label: string;
}

export type SidebarToHost =
  | { type: 'ready' }
  | { type: 'start'; model: ModelKind; params: Record<string, unknown>; corpus: string }
  | { type: 'stopJob'; jobId: string }
  | { type: 'resumeJob'; jobId: string }
  | { type: 'openPanel' }
  | { type: 'clearFinished' };

// ---------------------------------------------------------------- validation of what webviews send

const MODEL_KINDS: readonly ModelKind[] = ['xor', 'word2vec', 'lstm', 'transformer', 'seq2seq', 'distill', 'vae', 'autoencoder', 'mlm'];

/** The largest chart export (PNG data: URL or CSV text, in characters) accepted from the panel. */
export const MAX_CHART_EXPORT = 64 * 1024 * 1024;

/** A plain object (not null, not an array): the first check of anything that arrives from a webview. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isRequestId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Accept a message from the panel only when it has the exact shape of a PanelToHost; undefined otherwise. */
export function parsePanelMessage(m: unknown): PanelToHost | undefined {
  if (!isObject(m)) return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'viewChanged':
      return isPanelView(m.view) ? { type: 'viewChanged', view: m.view } : undefined;
    case 'stopJob':
      return isStr(m.jobId) ? { type: 'stopJob', jobId: m.jobId } : undefined;
    case 'export':
      if ((m.format === 'png' || m.format === 'csv') && isStr(m.data, MAX_CHART_EXPORT)) return { type: 'export', format: m.format, data: m.data };
      return undefined;
    case 'request':
      if (isRequestId(m.requestId) && isStr(m.method, 64)) return { type: 'request', requestId: m.requestId, method: m.method, params: m.params };
      return undefined;
    case 'reply':
      if (!isRequestId(m.requestId)) return undefined;
      if (m.ok === true) return { type: 'reply', requestId: m.requestId, ok: true, result: m.result };
      return m.ok === false && isStr(m.error, 10_000) ? { type: 'reply', requestId: m.requestId, ok: false, error: m.error } : undefined;
    default:
      return undefined;
  }
}

/** Accept a message from the sidebar only when it has the exact shape of a SidebarToHost; undefined otherwise. */
export function parseSidebarMessage(m: unknown): SidebarToHost | undefined {
  if (!isObject(m)) return undefined;
  switch (m.type) {
    case 'ready':
    case 'openPanel':
    case 'clearFinished':
      return { type: m.type };
    case 'stopJob':
      return isStr(m.jobId) ? { type: 'stopJob', jobId: m.jobId } : undefined;
    case 'resumeJob':
      return isStr(m.jobId) ? { type: 'resumeJob', jobId: m.jobId } : undefined;
    case 'start':
      if (MODEL_KINDS.includes(m.model as ModelKind) && isObject(m.params) && isStr(m.corpus)) {
        return { type: 'start', model: m.model as ModelKind, params: m.params, corpus: m.corpus };
      }
      return undefined;
    default:
      return undefined;
  }
}
