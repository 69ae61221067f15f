/**
 * Inside the LSTM: Show LSTM Gates, and the gate view's requests. The forward pass runs in the training worker
 * (`inside.gates`, core/lstm/inspect.ts); the host checks what the view asks for (a model it offered, a bounded
 * text, a layer and unit in range), keeps what the view shows, and while a job trains into the model on show it
 * reads the text again through the newest checkpoint after each evaluation.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isObject, type JobInfo } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { GatesModelChoice, GatesPanelData, GatesPanelRequests } from '../../shared/views/inside';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { reportingCommand } from '../util/notify';
import { ArgError, onlyKeys } from '../lm/validate';
import { editorText, message, wholeIn } from './args';

/** Longest text the view reads at once (characters). */
export const MAX_GATES_TEXT = 2000;
const DEFAULT_TEXT = 'The loss $L = -\\log p(x_t)$ of a model (one [char] at a time)\nkeeps {state} across lines.\n';
const KEYS = ['dir', 'text', 'layer', 'unit'] as const;
const TIMEOUT_MS = 60_000;

interface Ask {
  dir: string;
  text: string;
  layer: number;
  unit?: number;
}

export class GatesFeature {
  private data: GatesPanelData = { models: [], text: DEFAULT_TEXT, layer: 0, stamp: 0 };
  private refreshing = false;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  /** What the view shows (tests read it). */
  get current(): GatesPanelData {
    return this.data;
  }

  /** LSTMs training now (their latest checkpoint), then saved LSTMs, newest first. */
  models(): GatesModelChoice[] {
    const running = this.jobs.list().filter((j) => j.model === 'lstm' && (j.status === 'running' || j.status === 'queued') && j.modelDir);
    const out: GatesModelChoice[] = running.map((j) => ({ dir: j.modelDir!, name: j.label, training: true }));
    for (const m of this.jobs.savedModels()) if (m.model === 'lstm' && !out.some((o) => o.dir === m.dir)) out.push({ dir: m.dir, name: m.name, training: false });
    return out;
  }

  /** Check what a caller (the view or a command) asks for; `dir` must be one of the models offered. */
  check(raw: unknown, fallback: Partial<Ask> = {}): Ask {
    if (raw !== undefined && !isObject(raw)) throw new ArgError('expects {dir?, text?, layer?, unit?}');
    const a: Record<string, unknown> = raw ?? {};
    onlyKeys(a, KEYS, 'LSTM gates');
    const models = this.models();
    const dir = a.dir ?? fallback.dir ?? models[0]?.dir;
    if (dir === undefined) throw new ArgError('no LSTM language model yet: train one first (ML Study: Train LSTM Language Model)');
    if (typeof dir !== 'string' || !models.some((m) => m.dir === dir)) throw new ArgError('that folder is not one of the LSTM language models here');
    const text = a.text ?? fallback.text ?? DEFAULT_TEXT;
    if (typeof text !== 'string' || !text.length) throw new ArgError('type or select some text for the model to read');
    if (Array.from(text).length > MAX_GATES_TEXT) throw new ArgError(`the text is too long for the gate view (at most ${MAX_GATES_TEXT} characters); select less`);
    const layer = wholeIn(a, 'layer', 0, 1) ?? 0;
    const unit = wholeIn(a, 'unit', 0, 1023);
    return { dir, text, layer, unit };
  }

  private publish(patch: Partial<GatesPanelData>, live: boolean): GatesPanelData {
    this.data = { ...this.data, models: this.models(), ...patch, stamp: this.data.stamp + 1 };
    this.panel.showView('gates', this.data, { live });
    return this.data;
  }

  /** Read `ask.text` with the model and show it; an error the worker gives is shown in the view. */
  async inspect(ask: Ask, live: boolean): Promise<GatesPanelData> {
    const name = this.models().find((m) => m.dir === ask.dir)?.name ?? path.basename(ask.dir);
    try {
      const r = await this.jobs.request('inside.gates', ask, TIMEOUT_MS);
      const { step, ...report } = r;
      return this.publish({ dir: ask.dir, name, step, text: ask.text, layer: ask.layer, report, error: undefined }, live);
    } catch (e) {
      return this.publish({ dir: ask.dir, name, text: ask.text, layer: ask.layer, report: undefined, error: message(e) }, live);
    }
  }

  /** A job trained further: read the text on show again through its newest checkpoint (one refresh at a time). */
  async onTraining(job: JobInfo): Promise<void> {
    const d = this.data;
    if (job.model !== 'lstm' || !d.dir || job.modelDir !== d.dir || this.refreshing) return;
    this.refreshing = true;
    try {
      const r = await this.jobs.request('inside.gates', { dir: d.dir, text: d.text, layer: d.layer, unit: d.report?.unit }, TIMEOUT_MS);
      const { step, ...report } = r;
      this.publish({ step, report, error: undefined }, true);
    } catch {
      // no checkpoint yet, or one being replaced: the next evaluation tries again
    } finally {
      this.refreshing = false;
    }
  }

  readonly viewHandlers: UntrustedHandlers<GatesPanelRequests> = {
    'gates.inspect': (params) => {
      if (!isObject(params) || typeof params.dir !== 'string' || typeof params.text !== 'string') throw new ArgError('gates: bad parameters');
      return this.inspect(this.check(params), true);
    },
  };
}

export function registerGatesFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): GatesFeature {
  const f = new GatesFeature(jobs, panel);
  context.subscriptions.push(
    reportingCommand('mlStudy.showLstmGates', 'Show LSTM Gates', async (arg?: unknown) => {
      const picked = editorText(MAX_GATES_TEXT);
      const ask = f.check(arg, { dir: f.current.dir, text: picked?.text ?? f.current.text });
      return await f.inspect(ask, false);
    }),
    jobs.onDidReceiveExtra(({ job }) => void f.onTraining(job)),
    jobs.onDidChangeJob((job) => {
      if (job.status === 'done' || job.status === 'stopped') void f.onTraining(job);
    }),
  );
  panel.handle('gates', f.viewHandlers);
  return f;
}
