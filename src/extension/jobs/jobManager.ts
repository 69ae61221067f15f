/**
 * The jobs of this window: starts them in the worker, follows their progress, stops them, survives worker crashes,
 * and keeps finished runs on disk. Views subscribe to its events; it never touches a webview itself.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusRef, CorpusSource, JobInfo, ModelKind, SavedModelInfo, SeriesChunk, WorkerRequests, WorkerToHost } from '../../shared/protocol';
import type { ProgressExtra } from '../../core/training';
import type { ParamsOf, ResultOf } from '../../shared/rpc';
import { validateParams, ValidationError, type ParamValues } from '../../core/params';
import { applyExclusive, formOf } from '../models';
import { RunStore } from './runStore';
import { WorkerClient } from './workerClient';
import { showError, showInfo, showWarning } from '../util/notify';

/** How long a job may take to acknowledge a stop before its worker is terminated. */
const STOP_GRACE_MS = 2000;
/** Point batches go to views at most this often. */
const FLUSH_MS = 100;

/**
 * Models whose stopped or finished runs can continue from their checkpoint: how the worker checks the checkpoint
 * (with every check the resume itself makes), and the run's parameters to train on to step `total` (steps win over
 * epochs; a time budget would count the time already spent, so it goes).
 */
const RESUMABLE: Partial<Record<ModelKind, { check: (jobs: JobManager, dir: string) => Promise<{ step: number }>; until: (params: ParamValues, total: number) => ParamValues }>> = {
  lstm: { check: (jobs, dir) => jobs.request('lm.checkpoint', { dir }), until: (params, total) => ({ ...params, steps: total, timeBudget: 0 }) },
  // the Transformer's time budget must stay positive; it applies only when steps and epochs are 0
  transformer: { check: (jobs, dir) => jobs.request('attention.checkpoint', { dir }), until: (params, total) => ({ ...params, steps: total, epochs: 0 }) },
};

/** What a resumed run was before it started again: restored when the resume fails, so nothing is lost. */
type Before = Pick<JobInfo, 'status' | 'progress' | 'step' | 'total' | 'loss' | 'endedAt' | 'summary' | 'params'>;

interface Series {
  steps: number[];
  losses: number[];
}

export class JobManager implements vscode.Disposable {
  private readonly jobs = new Map<string, JobInfo>();
  private readonly series = new Map<string, Series>();
  private readonly pending = new Map<string, Series>();
  private readonly stopTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private models: SavedModelInfo[] = [];
  private readonly worker: WorkerClient<WorkerRequests>;
  /** Jobs sent to the worker and not finished, in the order sent: the worker runs the first, the rest wait. */
  private readonly inWorker: string[] = [];
  /** Resumed jobs still running, with what they were before. */
  private readonly resumed = new Map<string, Before>();
  /** Whether the workspace is trusted: until it is, nothing is trained, written, deleted or read from storage. */
  private trusted: boolean;
  /** The tfjs backend the worker reported, once it has. */
  backend: string | undefined;

  private readonly jobEmitter = new vscode.EventEmitter<JobInfo>();
  private readonly pointsEmitter = new vscode.EventEmitter<SeriesChunk[]>();
  private readonly listEmitter = new vscode.EventEmitter<void>();
  private readonly extraEmitter = new vscode.EventEmitter<{ job: JobInfo; extra: ProgressExtra }>();
  /** A model-specific payload arrived with a progress report (an embedding snapshot, an attention map...). */
  readonly onDidReceiveExtra = this.extraEmitter.event;
  /** A job changed (status, progress, summary). Fired at most every FLUSH_MS per job while it runs. */
  readonly onDidChangeJob = this.jobEmitter.event;
  /** New loss points, batched. */
  readonly onDidAppendPoints = this.pointsEmitter.event;
  /** Jobs were added or removed, or the saved models changed. */
  readonly onDidChangeList = this.listEmitter.event;
  private readonly changed = new Set<string>();

  constructor(
    workerScript: string,
    private store: RunStore,
    private keepRuns: number,
    opts: { trusted?: boolean; keepVersions?: number } = {},
  ) {
    this.worker = new WorkerClient(
      workerScript,
      {
        onMessage: (m) => this.onWorkerMessage(m),
        onCrash: (reason) => this.onWorkerCrash(reason),
      },
      opts.keepVersions ? { ML_STUDY_MODEL_VERSIONS: String(opts.keepVersions) } : {},
    );
    this.trusted = opts.trusted ?? true;
    if (this.trusted) this.loadStored();
  }

  /** Whether jobs may run and storage is used (the workspace is trusted). */
  get isTrusted(): boolean {
    return this.trusted;
  }

  /** The workspace became trusted: use its storage folder (read again from the settings) and list what it holds. */
  enableStorage(store: RunStore, keepRuns: number): void {
    this.store = store;
    this.keepRuns = keepRuns;
    this.trusted = true;
    this.loadStored();
    this.listEmitter.fire();
  }

  private loadStored(): void {
    try {
      for (const run of this.store.loadRuns(this.keepRuns)) {
        if (this.jobs.has(run.job.jobId)) continue;
        run.job.resumable = this.isResumable(run.job);
        this.jobs.set(run.job.jobId, run.job);
        this.series.set(run.job.jobId, { steps: run.series.steps, losses: run.series.losses });
      }
      this.models = this.store.loadModels();
    } catch (e) {
      void showWarning(`ML Study cannot use its storage folder: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private assertTrusted(what: string): void {
    if (!this.trusted) throw new UntrustedError(`${what}: this workspace is not trusted, so ML Study does not train, save or read models here. Trust the folder (Manage Workspace Trust) to enable it.`);
  }

  /** Jobs, newest first. */
  list(): JobInfo[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(jobId: string): JobInfo | undefined {
    return this.jobs.get(jobId);
  }

  running(): JobInfo[] {
    return this.list().filter((j) => j.status === 'running' || j.status === 'queued');
  }

  savedModels(): SavedModelInfo[] {
    return this.models;
  }

  /** Where models are saved (<storage>/models), checked and created; throws when it cannot be used. */
  get modelsFolder(): string {
    this.assertTrusted('cannot save models');
    return this.store.usableModelsDir();
  }

  /** Re-read the saved models (after something outside a job wrote one, e.g. an import). */
  refreshModels(): void {
    if (!this.trusted) return;
    this.models = this.store.loadModels();
    this.listEmitter.fire();
  }

  /** The whole series of every job (for a view that just opened). */
  allSeries(): SeriesChunk[] {
    return [...this.series.entries()].map(([jobId, s]) => ({ jobId, steps: s.steps, losses: s.losses }));
  }

  /** The worker thread, for tests and diagnostics. */
  get workerClient(): WorkerClient<WorkerRequests> {
    return this.worker;
  }

  /**
   * Validate and start a job. Throws ValidationError for bad parameters (nothing is started).
   * The trained model is saved in <storage>/models/<jobId> unless `save` is false.
   */
  start(model: ModelKind, rawParams: unknown, corpus: CorpusRef, opts: { corpusName: string; save?: boolean; source?: CorpusSource } = { corpusName: '' }): JobInfo {
    this.assertTrusted('cannot train');
    const form = formOf(model);
    const params: ParamValues = applyExclusive(form, rawParams, validateParams(form.params, rawParams));
    if (form.usesCorpus && corpus.kind === 'none') throw new ValidationError('choose a corpus to train on', 'corpus');
    const jobId = newJobId(model);
    const job: JobInfo = {
      jobId,
      model,
      label: `${form.title.split(' — ')[0]} #${this.countOf(model) + 1}`,
      params,
      corpusName: opts.corpusName,
      status: 'queued',
      progress: 0,
      step: 0,
      total: 0,
      startedAt: Date.now(),
      modelDir: opts.save === false ? undefined : path.join(this.modelsFolder, jobId),
      ...(opts.source ? { corpusSource: opts.source } : {}),
    };
    this.jobs.set(jobId, job);
    this.series.set(jobId, { steps: [], losses: [] });
    this.trim();
    this.listEmitter.fire();
    try {
      this.worker.post({ type: 'start', job: { jobId, model, params, corpus, outDir: job.modelDir } });
      this.inWorker.push(jobId);
    } catch (e) {
      this.finish(jobId, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
    return job;
  }

  /** Whether a job can continue from its checkpoint: a stopped or finished run of a resumable model with a model folder. */
  isResumable(job: JobInfo): boolean {
    return (job.status === 'stopped' || job.status === 'done') && RESUMABLE[job.model] !== undefined && job.modelDir !== undefined;
  }

  /** The runs that can continue, newest first. */
  resumable(): JobInfo[] {
    return this.list().filter((j) => this.isResumable(j));
  }

  /**
   * Continue a stopped or finished run from its checkpoint, as the same job: its step count and loss curve go on.
   * The checkpoint is read with every check first (a corrupt or foreign one is refused, nothing changes); a stopped
   * run goes on to its planned total, a finished one trains as many steps again. If the resumed run fails (e.g. the
   * text is not the one it was trained on), the run is put back as it was and the error shown.
   */
  async resume(jobId: string, corpus: CorpusRef): Promise<JobInfo> {
    this.assertTrusted('cannot resume training');
    const job = this.jobs.get(jobId);
    if (!job) throw new Error('no such run');
    const kind = RESUMABLE[job.model];
    if (!kind || !this.isResumable(job)) throw new Error(`${job.label} cannot be resumed (${job.status === 'running' || job.status === 'queued' ? 'it is still running' : kind ? 'it has no saved checkpoint' : `a ${job.model} run has no checkpoint to continue from`})`);
    const dir = job.modelDir!;
    let step: number;
    try {
      step = (await kind.check(this, dir)).step;
    } catch (e) {
      throw new Error(`cannot resume ${job.label}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!this.isResumable(job)) throw new Error(`${job.label} changed while its checkpoint was read; try again`);
    const planned = job.total > step ? job.total : step + Math.max(1, job.total || step);
    const form = formOf(job.model);
    const params = validateParams(form.params, kind.until(job.params, planned));
    this.resumed.set(jobId, { status: job.status, progress: job.progress, step: job.step, total: job.total, loss: job.loss, endedAt: job.endedAt, summary: job.summary, params: job.params });
    Object.assign(job, { status: 'queued', params, step, total: planned, progress: step / planned, endedAt: undefined, summary: undefined, error: undefined, resumable: false });
    this.listEmitter.fire();
    try {
      this.worker.post({ type: 'start', job: { jobId, model: job.model, params, corpus, outDir: dir, resumeFrom: dir } });
      this.inWorker.push(jobId);
    } catch (e) {
      this.finish(jobId, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
    return job;
  }

  /**
   * Ask a job to stop. A job still waiting in the worker's queue is dropped at once. The running job ends within a
   * second; if the worker does not answer in STOP_GRACE_MS it is terminated, which ends every job it held.
   */
  stop(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || (job.status !== 'running' && job.status !== 'queued')) return false;
    try {
      this.worker.post({ type: 'stop', jobId });
    } catch {
      // the worker is shut down: the job ends here
    }
    if (this.inWorker[0] !== jobId) {
      this.finish(jobId, { status: 'stopped', summary: 'stopped before it started' });
      return true;
    }
    if (!this.stopTimers.has(jobId)) {
      this.stopTimers.set(
        jobId,
        setTimeout(() => {
          this.stopTimers.delete(jobId);
          if (this.inWorker[0] !== jobId) return;
          this.killWorker(jobId);
        }, STOP_GRACE_MS),
      );
    }
    return true;
  }

  /** Terminate the worker because `jobId` ignored a stop; every job it held ends. */
  private killWorker(jobId: string): void {
    const held = [...this.inWorker];
    const label = this.jobs.get(jobId)?.label ?? jobId;
    this.worker.kill();
    for (const id of held) {
      if (id === jobId) this.finish(id, { status: 'stopped', summary: 'stopped (the worker did not answer in time and was restarted)' });
      else this.finish(id, { status: 'failed', error: `the training worker was restarted to stop ${label} before this job started; start it again` });
    }
  }

  stopAll(): void {
    for (const j of this.running()) this.stop(j.jobId);
  }

  /** Forget finished jobs (their files too). */
  clearFinished(): void {
    for (const j of this.list()) {
      if (j.status === 'running' || j.status === 'queued') continue;
      this.jobs.delete(j.jobId);
      this.series.delete(j.jobId);
      if (this.trusted) this.store.remove(j.jobId);
    }
    this.listEmitter.fire();
  }

  /** Send a request to the worker (used by features that query trained models). */
  request<M extends keyof WorkerRequests & string>(method: M, params: ParamsOf<WorkerRequests, M>, timeoutMs?: number): Promise<ResultOf<WorkerRequests, M>> {
    if (!this.trusted && method !== 'ping') return Promise.reject(new UntrustedError('this workspace is not trusted, so ML Study does not open saved models here. Trust the folder to enable it.'));
    return this.worker.request(method, params, timeoutMs);
  }

  private countOf(model: ModelKind): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.model === model) n++;
    return n;
  }

  private trim(): void {
    const finished = this.list().filter((j) => j.status !== 'running' && j.status !== 'queued');
    for (const j of finished.slice(this.keepRuns)) {
      this.jobs.delete(j.jobId);
      this.series.delete(j.jobId);
      this.store.remove(j.jobId);
    }
  }

  private onWorkerMessage(m: WorkerToHost): void {
    switch (m.type) {
      case 'ready':
        this.backend = m.backend;
        return;
      case 'log':
        return;
      case 'reply':
        return;
      case 'progress': {
        const job = this.jobs.get(m.jobId);
        if (!job) return;
        const u = m.update;
        job.status = 'running';
        job.step = u.step;
        job.total = u.total;
        job.loss = u.loss;
        job.progress = u.total > 0 ? Math.min(1, u.step / u.total) : 0;
        if (u.metrics) job.metrics = { ...job.metrics, ...u.metrics };
        const s = this.series.get(m.jobId)!;
        // A resumed run may report the step it resumed at again: the curve keeps one point per step.
        if (s.steps.length && u.step <= s.steps[s.steps.length - 1]) {
          this.changed.add(m.jobId);
          this.scheduleFlush();
          return;
        }
        s.steps.push(u.step);
        s.losses.push(u.loss);
        let p = this.pending.get(m.jobId);
        if (!p) this.pending.set(m.jobId, (p = { steps: [], losses: [] }));
        p.steps.push(u.step);
        p.losses.push(u.loss);
        this.changed.add(m.jobId);
        this.scheduleFlush();
        if (u.extra) this.extraEmitter.fire({ job, extra: u.extra });
        return;
      }
      case 'done':
        this.finish(m.jobId, { status: 'done', summary: m.summary, modelDir: m.modelDir, ...(m.step !== undefined ? { step: m.step } : {}) });
        return;
      case 'stopped':
        this.finish(m.jobId, { status: 'stopped', summary: m.summary, modelDir: m.modelDir, ...(m.step !== undefined ? { step: m.step } : {}) });
        return;
      case 'failed':
        this.finish(m.jobId, { status: 'failed', error: m.error });
        return;
    }
  }

  private onWorkerCrash(reason: string): void {
    const victims = this.running();
    this.inWorker.length = 0;
    for (const j of victims) this.finish(j.jobId, { status: 'failed', error: `the training worker crashed: ${reason}` }, false);
    void showError(`the training worker crashed (${reason}). ${victims.length ? `${victims.map((v) => v.label).join(', ')} failed. ` : ''}The next job starts a fresh worker.`);
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.pending.size) {
      const chunks = [...this.pending.entries()].map(([jobId, s]) => ({ jobId, steps: s.steps, losses: s.losses }));
      this.pending.clear();
      this.pointsEmitter.fire(chunks);
    }
    for (const id of this.changed) {
      const j = this.jobs.get(id);
      if (j) this.jobEmitter.fire(j);
    }
    this.changed.clear();
  }

  private finish(jobId: string, patch: Partial<JobInfo> & { status: JobInfo['status'] }, notify = true): void {
    const at = this.inWorker.indexOf(jobId);
    if (at >= 0) this.inWorker.splice(at, 1);
    const job = this.jobs.get(jobId);
    if (!job || job.endedAt) return;
    const timer = this.stopTimers.get(jobId);
    if (timer) clearTimeout(timer);
    this.stopTimers.delete(jobId);
    this.flush();
    const before = this.resumed.get(jobId);
    this.resumed.delete(jobId);
    if (before && patch.status === 'failed') {
      // A failed resume leaves the run and its model as they were.
      Object.assign(job, before, { resumable: this.isResumable({ ...job, ...before }) });
      this.jobEmitter.fire(job);
      this.listEmitter.fire();
      if (notify) void showError(`could not resume ${job.label}: ${patch.error ?? 'unknown error'} (the run and its model are as they were)`);
      return;
    }
    Object.assign(job, patch, { endedAt: Date.now() });
    if (patch.step !== undefined && job.total > 0) job.progress = Math.min(1, job.step / job.total);
    if (job.status === 'done') job.progress = 1;
    if (job.status === 'failed') job.modelDir = undefined;
    job.resumable = this.isResumable(job);
    const s = this.series.get(jobId) ?? { steps: [], losses: [] };
    try {
      if (this.trusted) this.store.save({ version: 1, job, series: { jobId, steps: s.steps, losses: s.losses } });
    } catch (e) {
      void showWarning(`could not save the run ${job.label}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (this.trusted) this.models = this.store.loadModels();
    this.jobEmitter.fire(job);
    this.listEmitter.fire();
    if (!notify) return;
    if (job.status === 'failed') void showError(`${job.label} failed: ${job.error}`);
    else if (job.status === 'done') void showInfo(`${job.label} finished — ${job.summary}`);
    else void showInfo(`${job.label} stopped — ${job.summary ?? ''}`);
  }

  dispose(): void {
    for (const t of this.stopTimers.values()) clearTimeout(t);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.worker.dispose();
    this.jobEmitter.dispose();
    this.pointsEmitter.dispose();
    this.listEmitter.dispose();
    this.extraEmitter.dispose();
  }
}

function newJobId(model: ModelKind): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `${model}-${stamp}-${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
}

/** An action refused because the workspace is not trusted. */
export class UntrustedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UntrustedError';
  }
}
