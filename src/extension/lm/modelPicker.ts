/**
 * The model pickers' lists (Language Model and Attention views): the saved models of the kinds a view uses, as the
 * run store found them (contained in the storage folder), each described by the worker (`lm.describe`: model.json
 * read bounded, every field checked). A folder that cannot be described stays in the list with its reason.
 * Descriptions are kept per folder and save time, so a list is read once per saved version.
 */
import type { ModelKind } from '../../shared/protocol';
import type { ModelFacts, ModelPickerData, PickerEntry } from '../../shared/views/modelPicker';
import type { JobManager } from '../jobs/jobManager';

/** The kinds each view can use. */
export const LM_KINDS: readonly ModelKind[] = ['lstm', 'transformer'];
export const ATTENTION_KINDS: readonly ModelKind[] = ['transformer', 'mlm', 'seq2seq'];

export class ModelPickerSource {
  private readonly known = new Map<string, { savedAt: number; entry: Omit<PickerEntry, 'corpus'> }>();

  constructor(private readonly jobs: JobManager) {}

  /** Whether `dir` is a saved model of one of `kinds`. */
  isSaved(dir: unknown, kinds: readonly ModelKind[]): dir is string {
    return typeof dir === 'string' && this.jobs.savedModels().some((m) => m.dir === dir && kinds.includes(m.model));
  }

  /** The picker of the saved models of `kinds`, newest first. */
  async list(kinds: readonly ModelKind[], selected?: string, compare?: string): Promise<ModelPickerData> {
    const saved = this.jobs.savedModels().filter((m) => kinds.includes(m.model));
    const missing = saved.filter((m) => this.known.get(m.dir)?.savedAt !== m.savedAt);
    if (missing.length) {
      let answers: Array<{ dir: string; facts?: ModelFacts; error?: string }>;
      try {
        answers = await this.jobs.request('lm.describe', { dirs: missing.map((m) => m.dir) }, 60_000);
      } catch (e) {
        answers = missing.map((m) => ({ dir: m.dir, error: e instanceof Error ? e.message : String(e) }));
      }
      for (const m of missing) {
        const a = answers.find((x) => x.dir === m.dir);
        const entry = { ...(a?.facts ?? {}), name: m.name, dir: m.dir, savedAt: m.savedAt, ...(a?.facts ? {} : { error: a?.error ?? 'not described' }) };
        this.known.set(m.dir, { savedAt: m.savedAt, entry });
      }
    }
    const jobs = this.jobs.list();
    const models = saved.map((m) => {
      const entry = this.known.get(m.dir)!.entry;
      const job = jobs.find((j) => j.modelDir === m.dir);
      return job?.corpusName ? { ...entry, corpus: job.corpusName } : entry;
    });
    return { models, ...(selected ? { selected } : {}), ...(compare ? { compare } : {}) };
  }
}

/**
 * Call `refresh` when the saved models of `kinds` change (a run saved one, a folder went away), at most one at a
 * time. Returns the listener's disposable.
 */
export function onSavedModelsChange(jobs: JobManager, kinds: readonly ModelKind[], refresh: () => Promise<unknown>): { dispose(): void } {
  const key = () => jobs.savedModels().filter((m) => kinds.includes(m.model)).map((m) => `${m.dir}@${m.savedAt}`).join('|');
  let last = key();
  let running = false;
  return jobs.onDidChangeList(() => {
    const now = key();
    if (now === last || running) return;
    last = now;
    running = true;
    void refresh().catch(() => undefined).finally(() => (running = false));
  });
}
