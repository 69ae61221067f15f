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
import { writeJsonAtomic } from '../../core/util/atomicWrite';

export interface StoredRun {
  version: 1;
  job: JobInfo;
  series: SeriesChunk;
}

export class RunStore {
  constructor(readonly root: string) {}

  get runsDir(): string {
    return path.join(this.root, 'runs');
  }

  get modelsDir(): string {
    return path.join(this.root, 'models');
  }

  save(run: StoredRun): void {
    writeJsonAtomic(path.join(this.runsDir, `${run.job.jobId}.json`), run);
  }

  remove(jobId: string): void {
    fs.rmSync(path.join(this.runsDir, `${jobId}.json`), { force: true });
  }

  /** Stored runs, newest first; unreadable files are skipped (and left alone). */
  loadRuns(limit: number): StoredRun[] {
    let files: string[];
    try {
      files = fs.readdirSync(this.runsDir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const runs: StoredRun[] = [];
    for (const f of files) {
      try {
        const r = JSON.parse(fs.readFileSync(path.join(this.runsDir, f), 'utf8')) as StoredRun;
        if (r.version === 1 && r.job && typeof r.job.jobId === 'string' && Array.isArray(r.series?.steps)) runs.push(r);
      } catch {
        // a torn or foreign file: not ours to delete
      }
    }
    runs.sort((a, b) => b.job.startedAt - a.job.startedAt);
    return runs.slice(0, limit);
  }

  /** Saved models: every models/<name>/model.json with a known format. */
  loadModels(): SavedModelInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.modelsDir);
    } catch {
      return [];
    }
    const out: SavedModelInfo[] = [];
    for (const name of names) {
      const dir = path.join(this.modelsDir, name);
      try {
        const meta = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as Record<string, unknown>;
        const model = modelOfFormat(meta.format, meta.kind);
        if (!model) continue;
        out.push({
          name,
          model,
          dir,
          savedAt: typeof meta.savedAt === 'number' ? meta.savedAt : fs.statSync(dir).mtimeMs,
          summary: summaryOf(model, meta),
        });
      } catch {
        // not a model folder
      }
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }
}

function modelOfFormat(format: unknown, kind: unknown): ModelKind | undefined {
  switch (format) {
    case 'ml-study-xor':
      return 'xor';
    case 'ml-study-word2vec':
      return 'word2vec';
    case 'ml-study-lm':
      return 'lstm';
    case 'ml-study-attention':
      return kind === 'seq2seq' ? 'seq2seq' : 'transformer';
    default:
      return undefined;
  }
}

function summaryOf(model: ModelKind, meta: Record<string, unknown>): string {
  if (model === 'xor' && typeof meta.accuracy === 'number') return `accuracy ${meta.accuracy}, loss ${Number(meta.finalLoss).toFixed(4)}`;
  const names: Record<ModelKind, string> = { xor: 'XOR MLP', word2vec: 'word vectors', lstm: 'LSTM language model', transformer: 'Transformer language model', seq2seq: 'seq2seq with attention' };
  return names[model];
}
