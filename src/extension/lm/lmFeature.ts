/**
 * Language models in the editor: generate text, the perplexity of a file or selection, and the Language Model view
 * of the study panel (curves, samples, a generate box). Queries run in the training worker ("lm." requests); the
 * host only routes, checks arguments and keeps what the view shows.
 * "The model" is the one given as `dir`, else the newest saved language model: an LSTM (or GRU, RNN) or a causal
 * Transformer. The view's picker lists every saved language model; "compare" scores one text under two of them.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isObject, type JobInfo, type SavedModelInfo } from '../../shared/protocol';
import type { LmComparison, LmGenerated, LmGenerateParams, LmModelInfo, LmPanelData, LmPanelRequests, LmPerplexityReport } from '../../shared/views/lm';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { ProgressExtra, ProgressExtras } from '../../core/training';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { showError, showInfo } from '../util/notify';
import { ArgError, MAX_PROMPT, MAX_TEXT, onlyKeys, optString, samplingOf } from './validate';
import { LM_KINDS, ModelPickerSource, onSavedModelsChange } from './modelPicker';

const GENERATE_KEYS = ['dir', 'prompt', 'length', 'temperature', 'topK', 'topP', 'seed'] as const;
const PERPLEXITY_KEYS = ['dir', 'text'] as const;
const MAX_SAMPLES = 50;
/** Longest text the view's teacher-forcing comparison is asked about. */
const MAX_COMPARE = 20_000;

interface LiveState {
  history: LmPanelData['history'];
  samples: LmPanelData['samples'];
  teacherForcing?: LmPanelData['teacherForcing'];
  lastStatus?: JobInfo['status'];
}

export type GenerateOutcome = LmGenerated & { dir: string };
export type PerplexityOutcome = LmPerplexityReport & { dir: string; source: string };

export class LmFeature {
  private data: LmPanelData | undefined;
  private readonly live = new Map<string, LiveState>();
  private readonly pickers: ModelPickerSource;
  /** The picker last read (the view has one from then on, even before it shows a model). */
  private lastPicker: LmPanelData['picker'];

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {
    this.pickers = new ModelPickerSource(jobs);
  }

  /** The newest saved language model (LSTM or Transformer). */
  newest(): SavedModelInfo | undefined {
    return this.jobs.savedModels().find((m) => LM_KINDS.includes(m.model));
  }

  /** What the view shows (tests read it). */
  get current(): LmPanelData | undefined {
    return this.data;
  }

  /** The model folder an argument names, or the newest saved LSTM. */
  modelFor(dir: unknown): { dir: string; name: string } {
    if (dir !== undefined) {
      if (typeof dir !== 'string' || !dir.trim()) throw new ArgError(`dir must be the folder of a trained model, got ${JSON.stringify(dir)}`);
      if (!path.isAbsolute(dir)) throw new ArgError(`dir must be an absolute path, got "${dir}"`);
      const saved = this.jobs.savedModels().find((m) => m.dir === dir);
      return { dir, name: saved?.name ?? path.basename(dir) };
    }
    const m = this.newest();
    if (!m) throw new ArgError('no language model yet: train one first (ML Study: Train LSTM Language Model or Train Transformer Language Model)');
    return { dir: m.dir, name: m.name };
  }

  /** Folders the view may ask about: saved language models and the one on show. */
  private allowed(dir: string): boolean {
    return this.pickers.isSaved(dir, LM_KINDS) || this.data?.dir === dir;
  }

  /** Show data, keeping the picker (its choice follows the model on show) and a comparison already drawn. */
  private show(data: LmPanelData, live: boolean): void {
    const picker = data.picker ?? this.data?.picker ?? this.lastPicker;
    this.data = { ...data, picker: picker && { ...picker, selected: data.dir }, comparison: data.comparison ?? this.data?.comparison };
    this.panel.showView('lm', this.data, { live });
  }

  /** The picker of every saved language model, `dir` chosen. */
  private async picker(dir?: string): Promise<NonNullable<LmPanelData['picker']>> {
    this.lastPicker = await this.pickers.list(LM_KINDS, dir, this.data?.picker?.compare);
    return this.lastPicker;
  }

  async generate(a: Record<string, unknown>, prompt: string): Promise<GenerateOutcome> {
    const model = this.modelFor(a.dir);
    const opts = samplingOf(a);
    const params: LmGenerateParams = { dir: model.dir, prompt, ...opts };
    const r = await this.jobs.request('lm.generate', params, 120_000);
    const generated: LmGenerated = { ...r, options: { prompt, ...opts } };
    this.show({ ...this.baseFor(model), generated, picker: await this.picker(model.dir) }, false);
    return { ...generated, dir: model.dir };
  }

  async perplexity(dirArg: unknown, text: string, source: string): Promise<PerplexityOutcome> {
    const model = this.modelFor(dirArg);
    const r = await this.jobs.request('lm.perplexity', { dir: model.dir, text }, 300_000);
    this.show({ ...this.baseFor(model), perplexity: { ...r, source }, picker: await this.picker(model.dir) }, false);
    return { ...r, dir: model.dir, source };
  }

  /** Open the view on a model (its curves and samples as saved). */
  async showModel(dirArg: unknown, live = false): Promise<LmPanelData> {
    const model = this.modelFor(dirArg);
    const base = { ...this.baseFor(model), picker: await this.picker(model.dir) };
    if (base.jobId && base.status !== 'done') {
      this.show(base, live);
      return this.data!;
    }
    const info = await this.jobs.request('lm.info', { dir: model.dir }, 60_000);
    const saved = infoData(info);
    // A run followed here keeps what it showed as it came (a Transformer saves only its last evaluation, no samples).
    if (base.jobId && base.history.length > saved.history.length) saved.history = base.history;
    if (base.jobId && base.samples.length > saved.samples.length) saved.samples = base.samples;
    this.show({ ...base, ...saved, needsInfo: false }, live);
    return this.data!;
  }

  /** Read the picker again when it is on show (a model was saved or removed). */
  async refreshPicker(): Promise<void> {
    if (!this.lastPicker) return;
    const picker = await this.picker(this.data?.dir);
    if (this.data) this.show({ ...this.data, picker }, true);
    else if (this.newest()) await this.showModel(undefined, true);
  }

  /** Two models' perplexity and per-token surprisal of one text (also shown in the view). */
  async compare(dir: string, other: string, text: string): Promise<LmComparison> {
    const named = (d: string) => this.modelFor(d);
    const [a, b] = await Promise.all([named(dir), named(other)].map(async (m) => ({ ...(await this.jobs.request('lm.perplexity', { dir: m.dir, text }, 300_000)), dir: m.dir, name: m.name })));
    const comparison: LmComparison = { text, models: [a, b] };
    if (this.data) {
      const picker = this.data.picker && { ...this.data.picker, compare: other };
      this.show({ ...this.data, comparison, picker }, true);
    }
    return comparison;
  }

  /**
   * The view's data for a model folder: a tracked job's live state when one trains (or trained) into it, else what
   * is on show for that folder already, else just its name (the view then asks for lm.info).
   */
  private baseFor(model: { dir: string; name: string }): LmPanelData {
    const job = this.jobs.list().find((j) => LM_KINDS.includes(j.model) && j.modelDir === model.dir && this.live.has(j.jobId));
    if (job) return this.jobData(job);
    if (this.data?.dir === model.dir) return { ...this.data, generated: undefined, perplexity: undefined };
    return { dir: model.dir, name: model.name, history: [], samples: [], needsInfo: true, teacherForcing: undefined };
  }

  private jobData(job: JobInfo): LmPanelData {
    const st = this.track(job);
    const s = this.jobs.allSeries().find((x) => x.jobId === job.jobId);
    const keep = this.data?.jobId === job.jobId ? this.data : undefined;
    return {
      dir: job.modelDir,
      name: job.label,
      jobId: job.jobId,
      status: job.status,
      level: job.params.level === 'word' ? 'word' : 'char',
      kind: job.model === 'transformer' ? 'transformer' : job.params.cell === 'gru' || job.params.cell === 'rnn' ? job.params.cell : 'lstm',
      series: s ? { steps: s.steps, losses: s.losses } : undefined,
      history: st.history,
      samples: st.samples,
      teacherForcing: st.teacherForcing,
      generated: keep?.generated,
      perplexity: keep?.perplexity,
    };
  }

  private track(job: JobInfo): LiveState {
    let st = this.live.get(job.jobId);
    if (!st) this.live.set(job.jobId, (st = { history: [], samples: [] }));
    return st;
  }

  /** Put the newest saved model in the view without opening it (its history is read when the view asks). */
  seed(): void {
    const m = this.newest();
    if (m && !this.data) this.show({ dir: m.dir, name: m.name, history: [], samples: [], needsInfo: true }, true);
  }

  /** A training job's evaluation arrived (held-out measures in job.metrics, a sample and a comparison in extra). */
  onExtra(job: JobInfo, extra: ProgressExtras['lstm']): void {
    const st = this.track(job);
    if (extra.sample !== undefined && !st.samples.some((x) => x.step === job.step)) {
      st.samples.push({ step: job.step, text: extra.sample });
      if (st.samples.length > MAX_SAMPLES) st.samples.splice(0, st.samples.length - MAX_SAMPLES);
    }
    if (extra.teacherForcing) st.teacherForcing = { ...extra.teacherForcing, step: job.step };
    const m = job.metrics ?? {};
    if (typeof m.heldOutLoss === 'number' && !st.history.some((x) => x.step === job.step)) {
      // the LSTM reports `perplexity`, the Transformer `heldOutPerplexity`: both exp(held-out loss)
      st.history.push({ step: job.step, trainLoss: job.loss, heldOutLoss: m.heldOutLoss, perplexity: m.perplexity ?? m.heldOutPerplexity, bitsPerChar: m.bitsPerChar });
    }
    this.show(this.jobData(job), true);
  }

  /** A job changed: follow a new language model's run from its start, and tell the view when one ends (its model is saved). */
  onJob(job: JobInfo): void {
    if (!LM_KINDS.includes(job.model)) return;
    const known = this.live.get(job.jobId);
    if (!known && job.status !== 'running' && job.status !== 'queued') return;
    const st = this.track(job);
    if (st.lastStatus === job.status) return;
    st.lastStatus = job.status;
    if (this.data?.jobId && this.data.jobId !== job.jobId && this.data.status === 'running' && job.status !== 'running') return;
    this.show(this.jobData(job), true);
  }

  /** The params of a request of the LM view, checked: an object whose `dir` is a model the view was shown. */
  private viewParams(params: unknown, keys: readonly string[], what: string): { p: Record<string, unknown>; dir: string } {
    if (!isObject(params)) throw new ArgError(`${what}: bad parameters`);
    const dir = params.dir;
    if (typeof dir !== 'string' || !this.allowed(dir)) throw new ArgError('that model is not one of the saved language models');
    onlyKeys(params, keys, what);
    return { p: params, dir };
  }

  /** The LM view's requests. */
  readonly viewHandlers: UntrustedHandlers<LmPanelRequests> = {
    'lm.generate': async (params) => {
      const { p, dir } = this.viewParams(params, GENERATE_KEYS, 'generate');
      const prompt = optString(p, 'prompt', MAX_PROMPT) ?? '';
      const opts = samplingOf(p);
      const r = await this.jobs.request('lm.generate', { dir, prompt, ...opts }, 120_000);
      const generated: LmGenerated = { ...r, options: { prompt, ...opts } };
      // kept with the view's data, so the output survives the webview being hidden and restored
      if (this.data?.dir === dir) this.show({ ...this.data, generated }, true);
      return generated;
    },
    'lm.teacherForcing': (params) => {
      const { p, dir } = this.viewParams(params, ['dir', 'text'], 'teacher forcing');
      const text = optString(p, 'text', MAX_COMPARE);
      if (!text || !text.trim()) throw new ArgError('type or paste a piece of text to compare on');
      return this.jobs.request('lm.teacherForcing', { dir, text }, 60_000);
    },
    'lm.info': (params) => this.jobs.request('lm.info', { dir: this.viewParams(params, ['dir'], 'info').dir }, 60_000),
    'lm.select': async (params) => {
      const { dir } = this.viewParams(params, ['dir'], 'select');
      return this.showModel(dir, true);
    },
    'lm.compare': (params) => {
      const { p, dir } = this.viewParams(params, ['dir', 'other', 'text'], 'compare');
      if (!this.pickers.isSaved(p.other, LM_KINDS)) throw new ArgError('choose a saved language model to compare with');
      const text = optString(p, 'text', MAX_COMPARE);
      if (!text || !text.trim()) throw new ArgError('type or paste a piece of text to compare the two models on');
      return this.compare(dir, p.other, text);
    },
    'lm.models': async (params) => {
      if (!isObject(params) || Object.keys(params).length) throw new ArgError('models: takes no arguments');
      const picker = await this.picker(this.data?.dir);
      if (this.data) this.show({ ...this.data, picker }, true);
      return picker;
    },
    'lm.gates': async (params) => {
      const { p, dir } = this.viewParams(params, ['dir', 'text'], 'gates');
      const text = optString(p, 'text', MAX_PROMPT);
      await vscode.commands.executeCommand('mlStudy.showLstmGates', text?.trim() ? { dir, text } : { dir });
      return null;
    },
  };
}

function infoData(info: LmModelInfo): Pick<LmPanelData, 'kind' | 'level' | 'history' | 'samples'> {
  return { kind: info.kind, level: info.level, history: info.history, samples: info.samples };
}

function selectionText(): string | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed || ed.selection.isEmpty) return undefined;
  const t = ed.document.getText(ed.selection);
  return t.trim() ? t : undefined;
}

/** A language model's run (LSTM or Transformer) reports its evaluations, samples and teacher forcing in this extra. */
export function isLmExtra(job: JobInfo, extra: ProgressExtra): extra is ProgressExtras['lstm'] {
  return LM_KINDS.includes(job.model) && typeof extra === 'object';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function registerLmFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): LmFeature {
  const f = new LmFeature(jobs, panel);
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg('mlStudy.generateText', async (arg?: unknown) => {
    try {
      if (arg !== undefined && typeof arg !== 'string' && !isObject(arg)) throw new ArgError('expects a prompt or {dir, prompt, length, temperature, topK, topP, seed}');
      const a: Record<string, unknown> = typeof arg === 'string' ? { prompt: arg } : (arg ?? {});
      onlyKeys(a, GENERATE_KEYS, 'Generate Text');
      f.modelFor(a.dir); // a missing model is reported before asking for a prompt
      samplingOf(a);
      let prompt = optString(a, 'prompt', MAX_PROMPT);
      if (prompt === undefined) {
        const sel = selectionText();
        if (sel) prompt = sel.slice(-MAX_PROMPT);
        else if (arg === undefined) {
          prompt = await vscode.window.showInputBox({ title: 'ML Study: Generate Text', prompt: 'Prompt (the model continues it; may be empty)', value: '' });
          if (prompt === undefined) return undefined;
        } else prompt = '';
      }
      return await f.generate(a, prompt);
    } catch (e) {
      void showError(`Generate Text: ${message(e)}`);
      return undefined;
    }
  });

  reg('mlStudy.perplexity', async (arg?: unknown) => {
    try {
      if (arg !== undefined && !isObject(arg)) throw new ArgError('expects {dir, text}');
      const a: Record<string, unknown> = arg ?? {};
      onlyKeys(a, PERPLEXITY_KEYS, 'Perplexity');
      f.modelFor(a.dir);
      let text = optString(a, 'text', MAX_TEXT);
      let source = 'the given text';
      if (text === undefined) {
        const ed = vscode.window.activeTextEditor;
        if (!ed) throw new ArgError('open a file or select some text to score');
        const file = path.basename(ed.document.uri.path) || 'the file';
        const sel = selectionText();
        text = sel ?? ed.document.getText();
        source = sel ? `the selection in ${file}` : file;
        if (text.length > MAX_TEXT) throw new ArgError(`${source} is too long to score here (${text.length} characters, at most ${MAX_TEXT}); use the CLI: ml-study perplexity DIR --corpus FILE`);
      }
      if (!text.trim()) throw new ArgError(`${source} is empty: there is nothing to score`);
      const r = await f.perplexity(a.dir, text, source);
      const bpc = r.bitsPerChar !== undefined ? `, ${r.bitsPerChar.toFixed(3)} bits/char` : '';
      const unk = r.unknownCount ? `; ${r.unknownCount} token(s) unknown to the model` : '';
      void showInfo(`perplexity ${r.perplexity.toFixed(2)} on ${source} under ${path.basename(r.dir)} (${r.crossEntropy.toFixed(3)} nats/token${bpc}, ${r.tokens} tokens scored${unk})`);
      return r;
    } catch (e) {
      void showError(`Perplexity: ${message(e)}`);
      return undefined;
    }
  });

  reg('mlStudy.showLanguageModel', async (arg?: unknown) => {
    try {
      const dir = typeof arg === 'string' ? arg : isObject(arg) ? (onlyKeys(arg, ['dir'], 'Show Language Model'), arg.dir) : arg === undefined ? undefined : (() => { throw new ArgError('expects a model folder or {dir}'); })();
      return await f.showModel(dir);
    } catch (e) {
      void showError(`Show Language Model: ${message(e)}`);
      return undefined;
    }
  });

  context.subscriptions.push(
    jobs.onDidReceiveExtra(({ job, extra }) => {
      if (isLmExtra(job, extra)) f.onExtra(job, extra);
    }),
    jobs.onDidChangeJob((job) => f.onJob(job)),
    onSavedModelsChange(jobs, LM_KINDS, () => f.refreshPicker()),
  );
  panel.handle('lm', f.viewHandlers);

  // The view opens on the newest saved model (its history is read when the view asks).
  f.seed();
  return f;
}
