/**
 * Finished runs and saved models on disk, so they are listed again after a window reload:
 *   <storage>/runs/<jobId>.json      job info + loss series (written atomically when a job ends)
 *   <storage>/models/<name>/model.json   saved models (written by the worker)
 * <storage> is `.ml-study` in the first workspace folder (setting mlStudy.storage.folder), or the extension's
 * global storage when no folder is open.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JobInfo, ModelKind, SavedModelInfo, SeriesChunk } from '../../shared/protocol';
import { recoverModelDir, writeJsonAtomic } from '../../core/util/atomicWrite';
import { readSavedModel } from '../../core/util/modelOut';
import { readJsonBounded } from '../../core/util/safeRead';

export interface StoredRun {
  version: 1;
  job: JobInfo;
  series: SeriesChunk;
}

const MODEL_KINDS: readonly ModelKind[] = ['xor', 'word2vec', 'lstm', 'transformer', 'seq2seq', 'distill', 'vae', 'autoencoder', 'mlm'];
/** Job ids are made by the job manager (`newJobId`): model, date, time, a short random tag. Nothing else is one. */
const JOB_ID_RE = /^(xor|word2vec|lstm|transformer|seq2seq|distill|vae|autoencoder)-[0-9]{8}-[0-9]{6}-[0-9a-z]{1,8}$/;
const STATUSES = new Set(['queued', 'running', 'done', 'stopped', 'failed']);
/** A run file is a job and its loss series; anything larger is not ours. */
const MAX_RUN_BYTES = 32 * 1024 * 1024;

export function isJobId(id: unknown): id is string {
  return typeof id === 'string' && JOB_ID_RE.test(id);
}

/** The storage folder cannot be used (a symlink, outside the workspace, not a folder). */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Whether `p` is `dir` or inside it (both already resolved). */
function inside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Runs and models of one storage folder. Every path it touches is built from a checked name and checked again after
 * resolving symlinks: it never reads, writes or deletes outside <root>/runs and <root>/models. `within`, when given,
 * is the workspace folder the storage folder must stay inside (a `.ml-study` symlinked elsewhere is refused).
 */
export class RunStore {
  constructor(
    readonly root: string,
    private readonly within?: string,
  ) {}

  get runsDir(): string {
    return path.join(this.root, 'runs');
  }

  get modelsDir(): string {
    return path.join(this.root, 'models');
  }

  /**
   * Check the storage folder and one of its sub-folders: no symlinks on the way, the real path inside `within`.
   * Creates them when `create` is set. Returns false when they do not exist (and were not to be created).
   */
  private checkDir(dir: string, create: boolean): boolean {
    for (const d of [this.root, dir]) {
      const st = fs.lstatSync(d, { throwIfNoEntry: false });
      if (!st) {
        if (!create) return false;
        this.assertAncestorInside(d);
        fs.mkdirSync(d, { recursive: true });
        continue;
      }
      if (st.isSymbolicLink()) throw new StorageError(`${d} is a symbolic link; ML Study keeps its files only in a real folder inside the workspace`);
      if (!st.isDirectory()) throw new StorageError(`${d} is not a folder`);
    }
    if (this.within) {
      const ws = fs.realpathSync(this.within);
      if (!inside(ws, fs.realpathSync(dir))) throw new StorageError(`${dir} resolves outside the workspace folder`);
    }
    return true;
  }

  /** Before creating `d`: its nearest existing ancestor must resolve inside `within` (no symlink leads out). */
  private assertAncestorInside(d: string): void {
    if (!this.within) return;
    let a = path.dirname(d);
    while (!fs.existsSync(a) && path.dirname(a) !== a) a = path.dirname(a);
    if (!inside(fs.realpathSync(this.within), fs.realpathSync(a))) throw new StorageError(`${d} would be created outside the workspace folder`);
  }

  /** The models folder, created if needed; throws StorageError when it (or the storage folder) leads elsewhere. */
  usableModelsDir(): string {
    this.checkDir(this.modelsDir, true);
    return this.modelsDir;
  }

  /** The path of a run file, or an error for an id that is not a job id. */
  private runFile(jobId: string): string {
    if (!isJobId(jobId)) throw new StorageError(`"${String(jobId).slice(0, 60)}" is not a job id`);
    return path.join(this.runsDir, `${jobId}.json`);
  }

  save(run: StoredRun): void {
    const file = this.runFile(run.job.jobId);
    this.checkDir(this.runsDir, true);
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (st && !st.isFile()) throw new StorageError(`${file} is not a regular file; it was left alone`);
    writeJsonAtomic(file, run);
  }

  /** Delete a run file; an id that is not a job id, or a storage folder that cannot be used, deletes nothing. */
  remove(jobId: string): void {
    try {
      if (!isJobId(jobId) || !this.checkDir(this.runsDir, false)) return;
    } catch {
      return;
    }
    const file = this.runFile(jobId);
    // only a regular file is ours to delete (a symlink named like a run is someone else's)
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isFile()) fs.rmSync(file, { force: true });
  }

  /** Stored runs, newest first; unreadable, foreign or malformed files are skipped (and left alone). */
  loadRuns(limit: number): StoredRun[] {
    let files: string[];
    try {
      if (!this.checkDir(this.runsDir, false)) return [];
      files = fs.readdirSync(this.runsDir).filter((f) => f.endsWith('.json') && isJobId(f.slice(0, -5)));
    } catch {
      return [];
    }
    const runs: StoredRun[] = [];
    for (const f of files) {
      try {
        const file = path.join(this.runsDir, f);
        if (!fs.lstatSync(file).isFile()) continue;
        const r = this.validRun(readJsonBounded(file, MAX_RUN_BYTES, 'run file'), f.slice(0, -5));
        if (r) runs.push(r);
      } catch {
        // a torn or foreign file: not ours to delete
      }
    }
    runs.sort((a, b) => b.job.startedAt - a.job.startedAt);
    return runs.slice(0, limit);
  }

  /** A stored run as this store wrote it, or undefined. Its model folder must be one of ours. */
  private validRun(raw: unknown, expectedId: string): StoredRun | undefined {
    const r = raw as StoredRun;
    if (!r || r.version !== 1 || !r.job || typeof r.job !== 'object' || !r.series || typeof r.series !== 'object') return undefined;
    const j = r.job;
    if (j.jobId !== expectedId || !MODEL_KINDS.includes(j.model) || !STATUSES.has(j.status) || typeof j.label !== 'string' || !Number.isFinite(j.startedAt)) return undefined;
    const { steps, losses } = r.series;
    if (!Array.isArray(steps) || !Array.isArray(losses) || steps.length !== losses.length || !steps.every((x) => typeof x === 'number') || !losses.every((x) => typeof x === 'number' || x === null)) return undefined;
    if (j.modelDir !== undefined && !this.ownModelDir(j.modelDir)) j.modelDir = undefined;
    // Nothing runs after a reload: a run stored as queued or running was interrupted.
    if (j.status === 'queued' || j.status === 'running') {
      j.status = 'stopped';
      j.summary = 'interrupted';
      j.endedAt ??= j.startedAt;
    }
    return { version: 1, job: j, series: { jobId: j.jobId, steps, losses } };
  }

  /** Whether `dir` is a folder directly in <root>/models (after resolving symlinks). */
  ownModelDir(dir: unknown): boolean {
    if (typeof dir !== 'string' || !path.isAbsolute(dir)) return false;
    const name = path.basename(dir);
    if (path.resolve(dir) !== path.join(this.modelsDir, name) || name.startsWith('.')) return false;
    try {
      if (!this.checkDir(this.modelsDir, false)) return false;
      const st = fs.lstatSync(dir, { throwIfNoEntry: false });
      return !st || (st.isDirectory() && inside(fs.realpathSync(this.modelsDir), fs.realpathSync(dir)));
    } catch {
      return false;
    }
  }

  /** Put back model folders a crashed save left aside (see core/util/atomicWrite.ts) and remove dead leftovers. */
  private recoverModels(): void {
    const names = new Set<string>();
    for (const n of fs.readdirSync(this.modelsDir)) {
      const m = /^\.(.+)\.(tmp|new|old)-[0-9]{13}-[0-9a-z]+-[0-9]+$/.exec(n);
      if (m && !m[1].startsWith('.') && !m[1].includes('/')) names.add(m[1]);
    }
    for (const n of names) {
      try {
        recoverModelDir(path.join(this.modelsDir, n));
      } catch {
        // left for the next start
      }
    }
  }

  /** Saved models: every models/<name> (not hidden, not a symlink) whose current version is a model we know. */
  loadModels(): SavedModelInfo[] {
    let names: string[];
    try {
      if (!this.checkDir(this.modelsDir, false)) return [];
      this.recoverModels();
      names = fs.readdirSync(this.modelsDir).filter((n) => !n.startsWith('.'));
    } catch {
      return [];
    }
    const out: SavedModelInfo[] = [];
    for (const name of names) {
      const dir = path.join(this.modelsDir, name);
      try {
        if (!fs.lstatSync(dir).isDirectory()) continue;
        const found = readSavedModel(dir, MAX_RUN_BYTES);
        if (!found || !inside(fs.realpathSync(dir), fs.realpathSync(found.versionDir))) continue;
        const { meta, kind: model } = found;
        out.push({
          name,
          model,
          dir,
          savedAt: typeof meta.savedAt === 'number' ? meta.savedAt : fs.statSync(found.versionDir).mtimeMs,
          summary: summaryOf(model, meta),
        });
      } catch {
        // not a model folder
      }
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }
}

function summaryOf(model: ModelKind, meta: Record<string, unknown>): string {
  if (model === 'xor' && typeof meta.accuracy === 'number') return `accuracy ${meta.accuracy}, loss ${Number(meta.finalLoss).toFixed(4)}`;
  const names: Record<ModelKind, string> = { xor: 'XOR MLP', word2vec: 'word vectors', lstm: 'LSTM language model', transformer: 'Transformer language model', seq2seq: 'seq2seq with attention', distill: 'distilled LSTM student', vae: 'VAE', autoencoder: 'autoencoder', mlm: 'masked language model' };
  return names[model];
}
