/**
 * Three views of the study panel fed by training jobs and saved models: Distillation (`distill`), Latent Space
 * (`vae-latent`) and the hierarchical-softmax tree (`w2v-hs-tree`). The host follows the jobs' progress (the
 * engine's payloads, `ProgressExtras`), asks the training worker about saved models, checks every argument from a
 * command or a webview, and keeps what each view shows (the panel replays it to a reloaded webview).
 */
import * as vscode from 'vscode';
import { isObject, type JobInfo, type ModelKind } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { DistillPanelData, DistillPanelRequests, FollowedJob, HsTreePanelData, HsTreePanelRequests, VaePanelData, VaePanelRequests } from '../../shared/views/models';
import type { ProgressExtra } from '../../core/training';
import { MAX_SOFTENED_TOKENS } from '../../core/distill/inspect';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { showError } from '../util/notify';

/** A bad argument (from a command, a hover link or a webview); its message is shown as is. */
export class ViewArgError extends Error {}

const REQUEST_MS = 120_000;
const MAX_TEXT_CHARS = 4 * MAX_SOFTENED_TOKENS;
const MAX_WORDS = 8;
const DEFAULT_SOFTEN_TEXT = 'the cat sat on the m';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const followed = (job: JobInfo): FollowedJob => ({ jobId: job.jobId, label: job.label, status: job.status });

/** An object with only the given keys (undefined and null are {}). */
function argsOf(raw: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new ViewArgError(`${what} takes {${keys.join(', ')}}`);
  const bad = Object.keys(raw).find((k) => !keys.includes(k));
  if (bad !== undefined) throw new ViewArgError(`${what} takes {${keys.join(', ')}}; unknown key ${JSON.stringify(bad)}`);
  return raw;
}

function textArg(v: unknown, name: string, max: number, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || v.length > max) throw new ViewArgError(`${name} must be text of at most ${max} characters`);
  return v;
}

function wordsArg(v: unknown): string[] {
  if (v === undefined) return [];
  const list = typeof v === 'string' ? v.split(',') : v;
  if (!Array.isArray(list) || list.length > MAX_WORDS || !list.every((w) => typeof w === 'string' && w.trim().length <= 100)) throw new ViewArgError(`words must be at most ${MAX_WORDS} words`);
  return (list as string[]).map((w) => w.trim()).filter((w) => w !== '');
}

export class ModelViewsFeature {
  distill: DistillPanelData = { history: [] };
  vae: VaePanelData = { kind: 'vae', data: 'points', beta: 1 };
  hsTree: HsTreePanelData = { context: '', words: [] };

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  onExtra(job: JobInfo, extra: ProgressExtra): void {
    if (job.model === 'distill' && 'teacherPerplexity' in extra) {
      const { temperature, alpha } = job.params as { temperature?: number; alpha?: number };
      this.distill = { ...this.distill, job: followed(job), history: extra.history, teacherPerplexity: extra.teacherPerplexity, teacher: extra.teacher ?? this.distill.teacher, temperature, alpha, error: undefined };
      this.panel.showView('distill', this.distill, { live: true });
    } else if ((job.model === 'vae' || job.model === 'autoencoder') && 'latent' in extra) {
      this.vae = { ...this.vae, job: followed(job), snapshot: extra.latent, error: undefined };
      this.panel.showView('vae-latent', this.vae, { live: true });
    }
  }

  onJob(job: JobInfo): void {
    if (this.distill.job?.jobId === job.jobId) {
      this.distill = { ...this.distill, job: followed(job), error: job.error };
      this.panel.showView('distill', this.distill, { live: true });
    }
    if (this.vae.job?.jobId === job.jobId) {
      this.vae = { ...this.vae, job: followed(job), error: job.error };
      this.panel.showView('vae-latent', this.vae, { live: true });
    }
  }

  /** The teacher's folder: the one the followed job named, else the newest saved LSTM. */
  private teacherDir(): { dir: string; name: string } {
    const lstms = this.jobs.savedModels().filter((m) => m.model === 'lstm');
    const m = lstms.find((s) => s.name === this.distill.teacher) ?? lstms[0];
    if (!m) throw new ViewArgError('no LSTM language model yet: train one first (ML Study: Train LSTM Language Model); it is the teacher');
    return { dir: m.dir, name: m.name };
  }

  async soften(raw: unknown, open: boolean): Promise<DistillPanelData> {
    const a = argsOf(raw, ['text', 'position'], 'the softened distributions');
    const text = textArg(a.text, 'text', MAX_TEXT_CHARS, this.distill.text ?? DEFAULT_SOFTEN_TEXT);
    if (a.position !== undefined && !(Number.isInteger(a.position) && (a.position as number) >= 0)) throw new ViewArgError('position must be a whole number ≥ 0');
    const teacher = this.teacherDir();
    const softened = await this.jobs.request('teacher.soften', { dir: teacher.dir, text, position: a.position as number | undefined }, REQUEST_MS);
    this.distill = { ...this.distill, teacher: teacher.name, text, softened, error: undefined };
    this.panel.showView('distill', this.distill, { live: !open });
    return this.distill;
  }

  async trainVae(raw: unknown, open: boolean): Promise<VaePanelData> {
    const a = argsOf(raw, ['kind', 'data', 'beta'], 'training an autoencoder');
    const kind = a.kind ?? this.vae.kind;
    if (kind !== 'vae' && kind !== 'autoencoder') throw new ViewArgError('kind must be "vae" or "autoencoder"');
    const data = textArg(a.data, 'data', 300, this.vae.data);
    const beta = a.beta ?? this.vae.beta;
    if (typeof beta !== 'number' || !(beta >= 0 && beta <= 100)) throw new ViewArgError('β must be a number from 0 to 100');
    const job = this.jobs.start(kind as ModelKind, kind === 'vae' ? { data, beta } : { data }, { kind: 'none' }, { corpusName: '' });
    this.vae = { kind, data, beta, job: followed(job), snapshot: undefined };
    this.panel.showView('vae-latent', this.vae, { live: !open });
    return this.vae;
  }

  /** The latent space of a saved autoencoder or VAE (by folder; default the newest), when no job is followed. */
  async showSavedVae(raw: unknown): Promise<VaePanelData> {
    const a = argsOf(raw, ['dir'], 'Show Latent Space');
    const saved = this.jobs.savedModels().filter((m) => m.model === 'vae' || m.model === 'autoencoder');
    const m = a.dir === undefined ? saved[0] : saved.find((s) => s.dir === a.dir);
    if (!m) throw new ViewArgError(a.dir === undefined ? 'no autoencoder or VAE yet: train one (ML Study: Train VAE)' : 'dir must be the folder of a saved autoencoder or VAE');
    const snapshot = await this.jobs.request('vae.snapshot', { dir: m.dir }, REQUEST_MS);
    this.vae = { kind: snapshot.kind, data: snapshot.data.kind === 'vectors' ? 'vectors:' : snapshot.data.kind, beta: snapshot.beta, snapshot };
    this.panel.showView('vae-latent', this.vae);
    return this.vae;
  }

  async showHsTree(raw: unknown, open: boolean): Promise<HsTreePanelData> {
    const a = argsOf(raw, ['context', 'words'], 'the hierarchical-softmax tree');
    const context = textArg(a.context, 'context', 100, this.hsTree.context).trim();
    const words = a.words === undefined ? this.hsTree.words : wordsArg(a.words);
    const dirs = this.jobs.savedModels().filter((m) => m.model === 'word2vec').map((m) => m.dir).slice(0, 20);
    if (!dirs.length) throw new ViewArgError('no word vectors yet: train word2vec with hierarchical softmax first');
    const tree = await this.jobs.request('hs.tree', { dirs, context, words }, REQUEST_MS);
    const model = this.jobs.savedModels().find((m) => m.dir === tree.dir)?.name;
    this.hsTree = { model, context: tree.context, words: tree.words.map((w) => w.word), tree };
    this.panel.showView('w2v-hs-tree', this.hsTree, { live: !open });
    return this.hsTree;
  }

  /** Run a view's request; a failure is also shown in the view. */
  private async inView<T>(view: 'distill' | 'vae-latent' | 'w2v-hs-tree', act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } catch (e) {
      if (view === 'distill') this.panel.showView(view, (this.distill = { ...this.distill, error: message(e) }), { live: true });
      else if (view === 'vae-latent') this.panel.showView(view, (this.vae = { ...this.vae, error: message(e) }), { live: true });
      else this.panel.showView(view, (this.hsTree = { ...this.hsTree, error: message(e) }), { live: true });
      throw e;
    }
  }

  readonly distillHandlers: UntrustedHandlers<DistillPanelRequests> = { 'distill.soften': (p) => this.inView('distill', () => this.soften(p, false)) };
  readonly vaeHandlers: UntrustedHandlers<VaePanelRequests> = { 'vae.train': (p) => this.inView('vae-latent', () => this.trainVae(p, false)) };
  readonly hsTreeHandlers: UntrustedHandlers<HsTreePanelRequests> = { 'hsTree.show': (p) => this.inView('w2v-hs-tree', () => this.showHsTree(p, false)) };
}

export function registerModelViewsFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): ModelViewsFeature {
  const f = new ModelViewsFeature(jobs, panel);
  /** A command that opens a view: errors are shown once, and the command returns undefined. */
  const command = (id: string, what: string, run: (arg: unknown) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      if (!jobs.isTrusted) {
        void showError(`${what}: this workspace is not trusted, so ML Study neither trains nor reads saved models here. Trust the folder to enable it.`);
        return undefined;
      }
      try {
        return await run(arg);
      } catch (e) {
        void showError(`${what}: ${message(e)}`);
        return undefined;
      }
    });
  context.subscriptions.push(
    jobs.onDidReceiveExtra(({ job, extra }) => f.onExtra(job, extra)),
    jobs.onDidChangeJob((job) => f.onJob(job)),
    command('mlStudy.showDistillation', 'could not show the distillation', async (arg) => {
      if (arg === undefined && f.distill.history.length) {
        panel.showView('distill', f.distill);
        return f.distill;
      }
      return f.soften(arg, true);
    }),
    command('mlStudy.showLatentSpace', 'could not show the latent space', async (arg) => {
      if (arg === undefined && f.vae.snapshot) {
        panel.showView('vae-latent', f.vae);
        return f.vae;
      }
      return f.showSavedVae(arg);
    }),
    command('mlStudy.trainVaeLatent', 'could not train', (arg) => f.trainVae(arg, true)),
    command('mlStudy.showHsTree', 'could not show the hierarchical-softmax tree', (arg) => f.showHsTree(arg, true)),
  );
  panel.handle('distill', f.distillHandlers);
  panel.handle('vae-latent', f.vaeHandlers);
  panel.handle('w2v-hs-tree', f.hsTreeHandlers);
  return f;
}
