/**
 * Every message that crosses a boundary, typed in one place:
 *   host ⇄ worker   (HostToWorker / WorkerToHost)
 *   host ⇄ panel    (HostToPanel / PanelToHost)      — the study panel webview
 *   host ⇄ sidebar  (HostToSidebar / SidebarToHost)  — the training view webview
 * Types only (plus the validators for what arrives from webviews): importable from the host, the worker and the
 * webview bundles alike.
 */
import type { ParamSpec, ParamValues } from '../core/params';
import type { ProgressUpdate } from '../core/training';
import type { Explanation, WorkedExample } from '../core/formula';
import type { LmPanelData, LmPanelRequests, LmWorkerRequests } from './views/lm';
import type { AttentionPanelData, AttentionPanelRequests, AttentionWorkerRequests } from './views/attention';

export type { LmPanelData, LmPanelRequests, LmWorkerRequests, AttentionPanelData, AttentionPanelRequests, AttentionWorkerRequests };

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
export type ModelKind = 'xor' | 'word2vec' | 'lstm' | 'transformer' | 'seq2seq';

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
}

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
}

// ---------------------------------------------------------------- host ⇄ worker

export type HostToWorker = { type: 'start'; job: JobSpec } | { type: 'stop'; jobId: string } | Request;

export type WorkerToHost =
  /** tfjs is initialised; `backend` is the one in use. */
  | { type: 'ready'; backend: string }
  | { type: 'progress'; jobId: string; update: ProgressUpdate }
  | { type: 'done'; jobId: string; summary: string; result: Record<string, unknown>; modelDir?: string }
  | { type: 'stopped'; jobId: string; summary: string; modelDir?: string }
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

export type PanelView = 'training' | 'explain' | 'embeddings' | 'lm' | 'attention';

/** A word-vector model's 2D map for the Embeddings view. */
export interface EmbeddingsView {
  /** Model folder name, for the header. */
  name: string;
  words: string[];
  /** Flat [x0, y0, x1, y1, ...], same order as words. */
  xy: number[];
  method: 'pca' | 'umap' | 'tsne';
  /** Words to highlight (a search or a neighbours query), with their cosine to `focus`. */
  focus?: string;
  neighbours?: Array<{ word: string; score: number }>;
}

/** A formula explained for the panel: the structured explanation plus the rendered formula. */
export interface ExplainView {
  explanation: Explanation;
  /** The formula as SVG (MathJax), or why it could not be rendered. */
  svg?: string;
  renderError?: string;
  /** A larger plot of the activation or loss, when the concept has one. */
  plotSvg?: string;
  /** Where it came from, e.g. "notes.md, line 12". */
  source: string;
}

export type HostToPanel =
  /** The full state, sent after `ready` and when the panel becomes visible again. */
  | { type: 'state'; jobs: JobInfo[]; series: SeriesChunk[]; view: PanelView }
  /** New points of running jobs, batched (at most ~10 messages a second). */
  | { type: 'points'; chunks: SeriesChunk[] }
  | { type: 'job'; job: JobInfo }
  | { type: 'removeJob'; jobId: string }
  | { type: 'showView'; view: PanelView }
  /** Show a formula's explanation (Explain Formula at Cursor, or a plotted function). */
  | { type: 'explain'; view: ExplainView }
  /** Show (or update) the Embeddings view; `live` updates the map of a running job without switching views. */
  | { type: 'embeddings'; view: EmbeddingsView; live?: boolean }
  /** Show (or update) the Language Model view; `live` updates it without switching views. */
  | { type: 'lm'; data: LmPanelData; live?: boolean }
  /** Show (or update) the Attention view; `live` updates it without switching views. */
  | { type: 'attention'; data: AttentionPanelData; live?: boolean }
  /** Ask the webview to export its chart; it answers with an `export` message. */
  | { type: 'exportChart'; format: 'png' | 'csv' }
  | Reply;

export type PanelToHost =
  | { type: 'ready' }
  /** The user switched tabs; the host replays this view rather than its own last choice. */
  | { type: 'viewChanged'; view: PanelView }
  | { type: 'stopJob'; jobId: string }
  /** Export the chart: PNG as a data: URL, or CSV text; the host asks where to save. */
  | { type: 'export'; format: 'png' | 'csv'; data: string }
  | Request;

/** Requests the panel makes (PanelToHost `request`), by method. */
export interface PanelRequests extends LmPanelRequests, AttentionPanelRequests {
  /** Recompute the worked example of the explain view from edited inputs. */
  recompute: { params: { which: string; inputs: Record<string, unknown> }; result: WorkedExample | { error: string } };
  /** Nearest neighbours of a word in the model on show. */
  neighbours: { params: { word: string; k: number }; result: Array<{ word: string; score: number }> };
  /** Re-project the model on show. */
  project: { params: { method: 'pca' | 'umap' | 'tsne' }; result: EmbeddingsView };
}

/** Requests the host makes of the training worker (besides jobs), by method. Word vectors are read there. */
export interface WorkerRequests extends LmWorkerRequests, AttentionWorkerRequests {
  ping: { params: null; result: { pong: true; backend: string } };
  'w2v.neighbours': { params: { dir: string; word: string; k: number }; result: Array<{ word: string; score: number }> };
  'w2v.analogy': { params: { dir: string; a: string; b: string; c: string; k: number; method: '3cosadd' | '3cosmul' }; result: Array<{ word: string; score: number }> };
  'w2v.map': { params: { dir: string; method: 'pca' | 'umap' | 'tsne'; top: number }; result: { words: string[]; xy: number[] } };
  'w2v.export': { params: { dir: string; format: 'word2vec' | 'word2vec-binary' | 'projector'; out: string }; result: string[] };
  'w2v.import': { params: { file: string; out: string }; result: { words: number; dim: number } };
}

// ---------------------------------------------------------------- host ⇄ formula worker (requests only, rpc.ts)

/** What the formula worker answers, by method. MathJax and the recogniser run there, off the extension host. */
export interface FormulaRequests {
  hover: {
    params: { text: string; offset: number; languageId: string; color: string; allowedCommands: readonly string[]; explainArgs: unknown; preamble?: string };
    result: { markdown: string; start: number; end: number } | null;
  };
  explain: { params: { text: string; offset: number; languageId: string; color: string; preamble?: string }; result: Omit<ExplainView, 'source'> | null };
  recompute: PanelRequests['recompute'];
  /** Render and explain a document's formulas ahead of hovers; `key` (the document URI) lets a newer call supersede. */
  prewarm: { params: { text: string; languageId: string; color: string; key?: string; preamble?: string }; result: number };
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
  | { type: 'openPanel' }
  | { type: 'clearFinished' };

// ---------------------------------------------------------------- validation of what webviews send

const PANEL_VIEWS: readonly PanelView[] = ['training', 'explain', 'embeddings', 'lm', 'attention'];
const MODEL_KINDS: readonly ModelKind[] = ['xor', 'word2vec', 'lstm', 'transformer', 'seq2seq'];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

/** Accept a message from the panel only when it has the exact shape of a PanelToHost; undefined otherwise. */
export function parsePanelMessage(m: unknown): PanelToHost | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'viewChanged':
      return PANEL_VIEWS.includes(m.view as PanelView) ? { type: 'viewChanged', view: m.view as PanelView } : undefined;
    case 'stopJob':
      return isStr(m.jobId) ? { type: 'stopJob', jobId: m.jobId } : undefined;
    case 'export':
      if ((m.format === 'png' || m.format === 'csv') && isStr(m.data, 64 * 1024 * 1024)) return { type: 'export', format: m.format, data: m.data };
      return undefined;
    case 'request':
      if (typeof m.requestId === 'number' && Number.isInteger(m.requestId) && isStr(m.method, 64)) return { type: 'request', requestId: m.requestId, method: m.method, params: m.params };
      return undefined;
    default:
      return undefined;
  }
}

/** Accept a message from the sidebar only when it has the exact shape of a SidebarToHost; undefined otherwise. */
export function parseSidebarMessage(m: unknown): SidebarToHost | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'ready':
    case 'openPanel':
    case 'clearFinished':
      return { type: m.type };
    case 'stopJob':
      return isStr(m.jobId) ? { type: 'stopJob', jobId: m.jobId } : undefined;
    case 'start':
      if (MODEL_KINDS.includes(m.model as ModelKind) && isObj(m.params) && isStr(m.corpus)) {
        return { type: 'start', model: m.model as ModelKind, params: m.params, corpus: m.corpus };
      }
      return undefined;
    default:
      return undefined;
  }
}
