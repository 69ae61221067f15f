/**
 * Attention in the editor: Show Attention for Selection, and the Attention view of the study panel (heatmaps per
 * layer and head, seq2seq alignment). Queries run in the training worker (`attention.map`); the host validates,
 * routes and keeps what the view shows (the panel replays it to a reloaded webview).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isObject, type JobInfo, type JobStatus } from '../../shared/protocol';
import type { AttentionMap, AttentionPanelData, AttentionPanelRequests, Seq2seqAttention } from '../../shared/views/attention';
import { ATTENTION_SCORES, SEQ2SEQ_PARAMS, SEQ2SEQ_TASKS, type Seq2seqTask } from '../../core/attention/params';
import { defaults } from '../../core/params';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { ProgressExtras } from '../../core/training';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { showError, showInfo } from '../util/notify';
import { ATTENTION_KINDS, ModelPickerSource, onSavedModelsChange } from '../lm/modelPicker';

/** Longest text the command or the view sends (the Transformer reads at most its context length of it). */
export const MAX_TEXT = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;

/** Thrown for bad command arguments or view requests; the message is shown to the user as is. */
export class AttentionArgError extends Error {}

/** Check the command's argument: nothing, or {dir?: string, text?: string}. */
export function parseShowAttentionArgs(arg: unknown): { dir?: string; text?: string } {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== 'object' || Array.isArray(arg)) throw new AttentionArgError(`Show Attention takes {dir?, text?}, not ${Array.isArray(arg) ? 'an array' : typeof arg}`);
  const a = arg as Record<string, unknown>;
  const unknownKeys = Object.keys(a).filter((k) => k !== 'dir' && k !== 'text');
  if (unknownKeys.length) throw new AttentionArgError(`Show Attention takes {dir?, text?}; unknown ${unknownKeys.length > 1 ? 'keys' : 'key'} ${unknownKeys.slice(0, 3).map((k) => JSON.stringify(k)).join(', ')}`);
  const out: { dir?: string; text?: string } = {};
  if (a.dir !== undefined) {
    if (typeof a.dir !== 'string' || !a.dir.trim()) throw new AttentionArgError('dir must be the path of a model folder (a non-empty string)');
    out.dir = a.dir;
  }
  if (a.text !== undefined) {
    if (typeof a.text !== 'string') throw new AttentionArgError('text must be a string');
    if (!a.text.trim()) throw new AttentionArgError('the text is empty');
    if (a.text.length > MAX_TEXT) throw new AttentionArgError(`the text has ${a.text.length} characters; select at most ${MAX_TEXT}`);
    out.text = a.text;
  }
  return out;
}

/** What a model chosen in the picker shows first when no text is on show. */
const DEFAULT_TEXT = { self: 'the model attends to the words before it', alignment: 'abc123' };

export class AttentionFeature {
  private data: AttentionPanelData = { focus: 'self' };
  private stamp = 0;
  private readonly pickers: ModelPickerSource;
  /** Every job started as a variant (an earlier comparison's jobs stay out of the single alignment map). */
  private readonly variantJobs = new Set<string>();

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {
    this.pickers = new ModelPickerSource(jobs);
  }

  /** What the Attention view shows (tests read it). */
  get state(): AttentionPanelData {
    return this.data;
  }

  /** The newest saved causal Transformer (or, with `kind`, masked language model), or undefined. */
  newestTransformer(kind: 'transformer' | 'mlm' = 'transformer'): { dir: string; name: string } | undefined {
    return this.jobs.savedModels().find((m) => m.model === kind);
  }

  /**
   * Show the self-attention of `text`: the model in `dir`, or the newest causal Transformer with the newest masked
   * language model's maps beside it (either alone when only one is saved). Throws when there is neither.
   */
  async showSelf(text: string, dir?: string): Promise<AttentionMap> {
    const causal = dir ?? this.newestTransformer()?.dir;
    const mlm = dir ? undefined : this.newestTransformer('mlm')?.dir;
    const first = causal ?? mlm;
    if (!first) throw new AttentionArgError('there is no trained Transformer');
    const m = await this.map(first, text);
    const other = causal && mlm ? await this.map(mlm, text) : undefined;
    this.data = { ...this.data, compare: other?.kind === 'transformer' && m.kind === 'transformer' ? other : undefined };
    this.show(m);
    return m;
  }

  private nameOf(dir: string): string {
    return this.jobs.savedModels().find((m) => m.dir === dir)?.name ?? path.basename(dir);
  }

  /** The attention of the model in `dir` for `text`, computed in the worker. */
  async map(dir: string, text: string): Promise<AttentionMap> {
    const r = await this.jobs.request('attention.map', { dir, text }, REQUEST_TIMEOUT_MS);
    return { ...r, dir, name: this.nameOf(dir), text, stamp: ++this.stamp };
  }

  /** Show a map in the view (opening the panel), as the self-attention or the alignment. */
  show(m: AttentionMap, live = false): void {
    this.put(m, false);
    this.panel.showView('attention', this.withSelection(), { live });
  }

  /** The data with the picker's choice following the model on show. */
  private withSelection(): AttentionPanelData {
    const selected = this.data.focus === 'alignment' ? this.data.alignment?.dir : this.data.self?.dir;
    if (this.data.picker) this.data = { ...this.data, picker: { ...this.data.picker, selected } };
    return this.data;
  }

  /** The picker of every saved attention model. */
  async models(): Promise<NonNullable<AttentionPanelData['picker']>> {
    const selected = this.data.focus === 'alignment' ? this.data.alignment?.dir : this.data.self?.dir;
    const picker = await this.pickers.list(ATTENTION_KINDS, selected);
    this.data = { ...this.data, picker };
    return picker;
  }

  /** Show the saved model `dir` (from the picker) on the text on show, or `text`. */
  async select(dir: string, text?: string): Promise<AttentionPanelData> {
    const kind = this.jobs.savedModels().find((m) => m.dir === dir)?.model;
    const shown = kind === 'seq2seq' ? this.data.alignment?.map.source.join('') : this.data.self?.text;
    const m = await this.map(dir, text ?? shown ?? (kind === 'seq2seq' ? DEFAULT_TEXT.alignment : DEFAULT_TEXT.self));
    // A chosen model replaces the one on show; the second map beside it stays only for the same text.
    if (m.kind === 'transformer' && this.data.compare && this.data.compare.text !== m.text) this.data = { ...this.data, compare: undefined };
    this.put(m, false);
    await this.models();
    this.panel.showView('attention', this.withSelection(), { live: true });
    return this.data;
  }

  /** Put a map in the view's data, as the self-attention or the alignment (keeping the alignment's job, if asked). */
  private put(m: AttentionMap, keepJob: boolean): void {
    if (m.kind === 'transformer') {
      this.data = { ...this.data, self: m, focus: 'self' };
      return;
    }
    const { dir, name, text: _text, stamp, ...map } = m;
    this.data = { ...this.data, alignment: { name, dir, map, stamp, job: keepJob ? this.data.alignment?.job : undefined }, focus: 'alignment' };
  }

  /** A seq2seq job's probe alignment, shown live (without opening or switching the panel). */
  onAlignment(job: JobInfo, a: ProgressExtras['seq2seq']['alignment']): void {
    const map: Seq2seqAttention = { kind: 'seq2seq', task: String(job.params.task), ...a };
    if (this.onVariantAlignment(job, map)) return;
    this.data = { ...this.data, alignment: { name: job.label, map, stamp: ++this.stamp, job: this.jobOf(job) }, focus: 'alignment' };
    this.panel.showView('attention', this.data, { live: true });
  }

  /** The job behind the alignment changed (finished: its saved model can now be queried). */
  onJob(job: JobInfo): void {
    this.onVariantJob(job);
    const al = this.data.alignment;
    if (!al?.job || al.job.jobId !== job.jobId) return;
    const running = job.status === 'running' || job.status === 'queued';
    if (running) return;
    this.data = { ...this.data, alignment: { ...al, dir: job.status === 'failed' ? undefined : job.modelDir, stamp: ++this.stamp, job: this.jobOf(job) } };
    this.panel.showView('attention', this.data, { live: true });
  }

  private jobOf(job: JobInfo): NonNullable<AttentionPanelData['alignment']>['job'] {
    const m = job.metrics ?? {};
    return {
      jobId: job.jobId,
      label: job.label,
      step: job.step,
      total: job.total,
      running: job.status === 'running' || job.status === 'queued',
      sequenceAccuracy: typeof m.sequenceAccuracy === 'number' ? m.sequenceAccuracy : undefined,
      alignmentAccuracy: typeof m.alignmentAccuracy === 'number' ? m.alignmentAccuracy : undefined,
    };
  }

  // ------------------------------------------------------------ the attention scores side by side

  /**
   * Train the seq2seq model once per attention score (dot, general, additive) on `task` for `steps` steps: the same
   * seed, so the same training strings and the same initial shared weights. A small model (32 units, strings of 3–8)
   * so the three runs take a minute or two. Returns the jobs started.
   */
  startVariants(task: Seq2seqTask, steps: number, more: Record<string, unknown> = {}): string[] {
    const base = { ...defaults(SEQ2SEQ_PARAMS), hidden: 32, batch: 32, minLen: 3, maxLen: 8, ...more, task, steps, evalEvery: Math.max(5, Math.round(steps / 20)) };
    const runs = ATTENTION_SCORES.map((score) => {
      const job = this.jobs.start('seq2seq', { ...base, attention: score }, { kind: 'none' }, { corpusName: '' });
      return { score, jobId: job.jobId, label: job.label, step: 0, total: job.total, status: job.status, curve: [] };
    });
    for (const r of runs) this.variantJobs.add(r.jobId);
    this.data = { ...this.data, variants: { task, steps, seed: Number(base.seed), runs, stamp: ++this.stamp }, focus: 'variants' };
    this.panel.showView('attention', this.data);
    return runs.map((r) => r.jobId);
  }

  /** A variant's job reported a probe (its map and a point of its accuracy curve); false when it is no variant. */
  private onVariantAlignment(job: JobInfo, map: Seq2seqAttention): boolean {
    const v = this.data.variants;
    const i = v?.runs.findIndex((r) => r.jobId === job.jobId) ?? -1;
    if (!v || i < 0) return this.variantJobs.has(job.jobId);
    const m = job.metrics ?? {};
    const point = typeof m.sequenceAccuracy === 'number' && typeof m.alignmentAccuracy === 'number' ? [{ step: job.step, sequenceAccuracy: m.sequenceAccuracy, alignmentAccuracy: m.alignmentAccuracy }] : [];
    const runs = v.runs.map((r, k) => (k === i ? { ...r, map, step: job.step, total: job.total, status: job.status, curve: [...r.curve.filter((p) => p.step < job.step), ...point] } : r));
    this.data = { ...this.data, variants: { ...v, runs, stamp: ++this.stamp } };
    this.panel.showView('attention', this.data, { live: true });
    return true;
  }

  /** A variant's job changed status. */
  private onVariantJob(job: JobInfo): void {
    const v = this.data.variants;
    const run = v?.runs.find((r) => r.jobId === job.jobId);
    if (!v || !run || (run.status === job.status && run.step === job.step)) return;
    const runs = v.runs.map((r) => (r === run ? { ...r, status: job.status as JobStatus, step: job.step, total: job.total } : r));
    this.data = { ...this.data, variants: { ...v, runs, stamp: ++this.stamp } };
    this.panel.showView('attention', this.data, { live: true });
  }

  /** Ask the task and the steps, then start the three runs; the jobs started (none when cancelled). */
  async askVariants(): Promise<string[]> {
    if (!vscode.workspace.isTrusted) throw new AttentionArgError('training is disabled in an untrusted workspace; trust the workspace to train.');
    const pick = await vscode.window.showQuickPick(
      SEQ2SEQ_TASKS.map((t) => ({ label: t, detail: t === 'reverse' ? 'abc12 → 21cba: the anti-diagonal' : t === 'sort' ? 'ba21 → 12ab: where each symbol sits' : 'abc → abc: the diagonal' })),
      { title: 'ML Study: compare dot, general and additive attention — which task?' },
    );
    if (!pick) return [];
    const steps = await vscode.window.showInputBox({
      title: 'ML Study: training steps per score (the same for all three)',
      value: '300',
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 10 && Number(v) <= 100_000 ? undefined : 'a whole number from 10 to 100000'),
    });
    if (steps === undefined) return [];
    return this.startVariants(pick.label as Seq2seqTask, Number(steps.trim()));
  }

  /** The Attention view's requests. */
  readonly viewHandlers: UntrustedHandlers<AttentionPanelRequests> = {
    'attention.map': (params) => this.viewMap(params),
    'attention.select': (params) => {
      const p = isObject(params) ? params : {};
      if (Object.keys(p).some((k) => k !== 'dir' && k !== 'text')) throw new Error('attention.select takes {dir, text?}');
      if (!this.pickers.isSaved(p.dir, ATTENTION_KINDS)) throw new Error('choose a saved attention model from the list');
      if (p.text !== undefined && (typeof p.text !== 'string' || !p.text.trim() || p.text.length > MAX_TEXT)) throw new Error(`the text must have 1 to ${MAX_TEXT} characters`);
      return this.select(p.dir, p.text as string | undefined);
    },
    'attention.models': async (params) => {
      if (!isObject(params) || Object.keys(params).length) throw new Error('attention.models takes no arguments');
      const picker = await this.models();
      this.panel.showView('attention', this.withSelection(), { live: true });
      return picker;
    },
    'attention.variants': async () => ({ jobIds: await this.askVariants() }),
  };

  /** Answer the view's `attention.map`: only saved attention models, and bounded text. */
  private async viewMap(params: unknown): Promise<AttentionMap> {
    const p = isObject(params) ? params : {};
    if (typeof p.dir !== 'string' || typeof p.text !== 'string') throw new Error('attention.map needs {dir, text}');
    const known = this.jobs.savedModels().some((m) => m.dir === p.dir && (m.model === 'transformer' || m.model === 'mlm' || m.model === 'seq2seq')) || [this.data.self?.dir, this.data.compare?.dir, this.data.alignment?.dir].includes(p.dir);
    if (!known) throw new Error('that model is no longer saved; train one again');
    if (!p.text.trim()) throw new Error('type some text first');
    if (p.text.length > MAX_TEXT) throw new Error(`the text has ${p.text.length} characters; at most ${MAX_TEXT}`);
    const m = await this.map(p.dir, p.text);
    if (p.slot === 'compare' && m.kind === 'transformer') this.data = { ...this.data, compare: m };
    else this.put(m, true);
    // Remember it for a reload of the panel (the view draws the answer itself).
    this.panel.showView('attention', this.withSelection(), { live: true });
    return m;
  }
}

/** The selection, or the current line when nothing is selected; undefined when both are blank. */
function editorText(): string | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  const sel = ed.document.getText(ed.selection);
  if (sel.trim()) return sel;
  const line = ed.document.lineAt(ed.selection.active.line).text;
  return line.trim() ? line : undefined;
}

export function registerAttentionFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): AttentionFeature {
  const f = new AttentionFeature(jobs, panel);

  context.subscriptions.push(
    vscode.commands.registerCommand('mlStudy.showAttention', async (arg?: unknown) => {
      let args: { dir?: string; text?: string };
      try {
        args = parseShowAttentionArgs(arg);
      } catch (e) {
        void showError(e instanceof Error ? e.message : String(e));
        return undefined;
      }
      const text = args.text ?? editorText();
      if (text === undefined) {
        void showError('select some text in a note (or put the cursor on a line with text), then run Show Attention for Selection.');
        return undefined;
      }
      if (text.length > MAX_TEXT) {
        void showError(`the selection has ${text.length} characters; select at most ${MAX_TEXT}`);
        return undefined;
      }
      let dir = args.dir;
      if (dir !== undefined && !path.isAbsolute(dir)) {
        const ws = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        if (!ws) {
          void showError(`dir must be an absolute path (got ${JSON.stringify(dir.slice(0, 200))})`);
          return undefined;
        }
        dir = path.resolve(ws, dir);
      }
      if (dir === undefined) {
        if (!f.newestTransformer() && !f.newestTransformer('mlm')) {
          const train = 'Train a Transformer on the notes';
          const form = 'Open the Training view';
          // Not awaited: the command returns now; the choice (if any) acts later.
          void showInfo('there is no trained Transformer yet. Train one (a small one takes about a minute), then show the attention of your selection.', train, form).then((pick) => {
            if (pick === train) void vscode.commands.executeCommand('mlStudy.trainTransformer', { corpus: 'notes', params: { dModel: 64, heads: 2, layers: 2, seq: 64, timeBudget: 60 } });
            else if (pick === form) void vscode.commands.executeCommand('mlStudy.showTrainingView');
          });
          return undefined;
        }
      }
      try {
        return await f.showSelf(text, dir);
      } catch (e) {
        void showError(`could not show the attention: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
    jobs.onDidReceiveExtra(({ job, extra }) => {
      if ('alignment' in extra) f.onAlignment(job, extra.alignment);
    }),
    jobs.onDidChangeJob((job) => {
      if (job.model === 'seq2seq') f.onJob(job);
    }),
    onSavedModelsChange(jobs, ATTENTION_KINDS, async () => {
      if (!f.state.picker) return;
      await f.models();
      panel.showView('attention', f.state, { live: true });
    }),
    vscode.commands.registerCommand('mlStudy.compareAttentionScores', async (arg?: unknown) => {
      try {
        // Arguments (tests, links): {task, steps, params?}; without them the user picks.
        if (isObject(arg)) {
          const task = SEQ2SEQ_TASKS.find((t) => t === arg.task);
          const steps = Number(arg.steps);
          if (!task || !Number.isInteger(steps) || steps < 1 || steps > 100_000) throw new AttentionArgError('Compare Attention Scores takes {task: reverse|sort|copy, steps: 1–100000, params?}');
          if (!vscode.workspace.isTrusted) throw new AttentionArgError('training is disabled in an untrusted workspace; trust the workspace to train.');
          return f.startVariants(task, steps, isObject(arg.params) ? arg.params : {});
        }
        return await f.askVariants();
      } catch (e) {
        void showError(e instanceof Error ? e.message : String(e));
        return [];
      }
    }),
  );
  panel.handle('attention', f.viewHandlers);
  return f;
}
