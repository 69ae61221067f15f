/**
 * Type-level test of the typed request channel (src/shared/rpc.ts) and the panel's view table: `npm run typecheck`
 * compiles this file (it is never run). Each `@ts-expect-error` line is a deliberately drifted call — a wrong
 * method, wrong params, a wrong result type, a missing or mistyped handler, a view given another view's data. If
 * the channel stopped checking any of them, tsc would fail here with "Unused '@ts-expect-error' directive".
 * Every other line must compile, so the well-typed calls are checked too.
 */
import { Channel, type Handlers, type UntrustedHandlers } from '../../../src/shared/rpc';
import type { FormulaRequests, WorkerRequests } from '../../../src/shared/protocol';
import type { PanelAnswers, PanelRequests } from '../../../src/shared/panelViews';
import type { ScoredWord, VectorsWorkerRequests } from '../../../src/shared/views/embeddings';
import type { LmModelInfo, LmPanelRequests } from '../../../src/shared/views/lm';
import type { AttentionPanelData } from '../../../src/shared/views/attention';
import type { ProgressExtra } from '../../../src/core/training';
import type { JobManager } from '../../../src/extension/jobs/jobManager';
import type { WorkerClient } from '../../../src/extension/jobs/workerClient';
import type { StudyPanel } from '../../../src/extension/panel/studyPanel';

export async function workerChannel(ch: Channel<WorkerRequests>, jobs: JobManager): Promise<void> {
  const near: ScoredWord[] = await ch.request('vectors.neighbours', { dir: '/m', word: 'king', k: 3 });
  const info: LmModelInfo = await jobs.request('lm.info', { dir: '/m' }, 1000);
  void near;
  void info;
  // @ts-expect-error a method that does not exist (the old name of vectors.neighbours)
  void ch.request('w2v.neighbours', { dir: '/m', word: 'king', k: 3 });
  // @ts-expect-error a param of the wrong type
  void ch.request('vectors.neighbours', { dir: '/m', word: 7, k: 3 });
  // @ts-expect-error a missing param
  void ch.request('vectors.map', { dir: '/m', method: 'pca' });
  // @ts-expect-error a param value outside its union
  void jobs.request('vectors.map', { dir: '/m', method: 'mds', top: 10 });
  // @ts-expect-error the result taken as the wrong type
  const wrong: number = await jobs.request('lm.info', { dir: '/m' });
  void wrong;
}

export async function formulaChannel(formulas: WorkerClient<FormulaRequests>): Promise<void> {
  const hover = await formulas.request('hover', { text: '$x$', offset: 1, languageId: 'markdown', color: '#000', allowedCommands: [], explainArgs: null });
  void hover?.markdown;
  // @ts-expect-error the result may be null
  void hover.markdown;
  // @ts-expect-error a worker's method on another worker's channel
  void formulas.request('lm.info', { dir: '/m' });
}

export async function panelChannels(toHost: Channel<PanelRequests>, toPanel: Channel<PanelAnswers>): Promise<void> {
  const g = await toHost.request('lm.generate', { dir: '/m', prompt: '', length: 10, temperature: 0, topK: 0, topP: 1, seed: 1 });
  void g.options.prompt;
  const png: string = await toPanel.request('training.export', { format: 'png' });
  void png;
  // @ts-expect-error a format the chart does not export
  void toPanel.request('training.export', { format: 'gif' });
  // @ts-expect-error a host→panel method sent the other way
  void toHost.request('training.export', { format: 'png' });
  // @ts-expect-error the Embeddings view's request with the LM view's params
  void toHost.request('embeddings.neighbours', { dir: '/m' });
}

export function handlerTables(): void {
  const ok: Handlers<VectorsWorkerRequests> = {
    'vectors.neighbours': (p) => [{ word: p.word, score: 1 }],
    'vectors.analogy': () => [],
    'vectors.map': () => ({ words: [], xy: new Float32Array(0) }),
    'vectors.mapProgress': () => null,
    'vectors.mapCancel': () => false,
    'vectors.mapNeighbours': (p) => ({ word: p.word, focus: 0, index: new Int32Array(0), score: new Float32Array(0) }),
    'vectors.export': async (p) => [p.out],
    'vectors.import': () => ({ words: 0, dim: 0 }),
  };
  void ok;
  // @ts-expect-error a handler missing from the table
  const missing: Handlers<VectorsWorkerRequests> = { 'vectors.neighbours': () => [], 'vectors.analogy': () => [], 'vectors.map': () => ({ words: [], xy: new Float32Array(0) }), 'vectors.export': () => [] };
  void missing;
  const badResult: Handlers<VectorsWorkerRequests> = {
    // @ts-expect-error a handler whose result drifted from the table
    'vectors.neighbours': () => ['king'],
    'vectors.analogy': () => [],
    'vectors.map': () => ({ words: [], xy: new Float32Array(0) }),
    'vectors.mapProgress': () => null,
    'vectors.mapCancel': () => false,
    'vectors.mapNeighbours': (p) => ({ word: p.word, focus: 0, index: new Int32Array(0), score: new Float32Array(0) }),
    'vectors.export': () => [],
    'vectors.import': () => ({ words: 0, dim: 0 }),
  };
  void badResult;
  const untrusted: UntrustedHandlers<LmPanelRequests> = {
    // @ts-expect-error a handler of webview requests must take its params as unknown (and check them)
    'lm.info': (p: { dir: string }) => ({ dir: p.dir, level: 'char', vocabSize: 1, embedding: 1, hidden: 1, layers: 1, step: 0, history: [], samples: [] }),
    'lm.generate': () => Promise.reject(new Error('x')),
    'lm.teacherForcing': () => Promise.reject(new Error('x')),
  };
  void untrusted;
}

export function viewTable(panel: StudyPanel, attention: AttentionPanelData): void {
  panel.showView('attention', attention, { live: true });
  const lm = panel.dataOf('lm');
  void lm?.history;
  // @ts-expect-error a view given another view's data
  panel.showView('lm', attention);
  // @ts-expect-error a view that is not in the table
  panel.showView('settings', attention);
  // @ts-expect-error the Training view has no data of its own
  panel.showView('training', attention);
}

export function progressExtras(extra: ProgressExtra): void {
  if ('snapshot' in extra) void extra.snapshot.words;
  if ('alignment' in extra) void extra.alignment.attention;
  // @ts-expect-error an extra is one model's payload: narrow it by its keys first
  void extra.snapshot;
}
