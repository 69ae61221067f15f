/**
 * Where a workspace's practice progress lives: `<storage folder>/practice.json` (`.ml-study` by default). The folder
 * must be a real folder inside the workspace (no symbolic link out), the file a regular file of at most
 * MAX_PROGRESS_BYTES; it is checked field by field (src/core/practice/progress.ts) and written atomically. A file
 * that fails a check is refused and left untouched: progress is then kept in memory only, and the store says why.
 * Without a trusted workspace folder nothing is read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptyProgress, MAX_PROGRESS_BYTES, parseProgress, type PracticeProgress } from '../../core/practice/progress';
import { readFileBounded } from '../../core/util/safeRead';
import { writeJsonAtomic } from '../../core/util/atomicWrite';

export const PRACTICE_FILE = 'practice.json';

/** Whether `p` is `dir` or inside it (both resolved). */
const inside = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PracticeStore {
  /** Why progress is kept in memory only (undefined: it is saved to the file). */
  memoryOnly: string | undefined;
  progress: PracticeProgress = emptyProgress();

  /** `storage`: the storage folder and the workspace folder it must stay in; undefined keeps everything in memory. */
  constructor(
    private readonly storage: { dir: string; workspace: string } | undefined,
    memoryReason = 'no trusted workspace folder is open',
  ) {
    if (!storage) this.memoryOnly = memoryReason;
  }

  get file(): string | undefined {
    return this.storage && path.join(this.storage.dir, PRACTICE_FILE);
  }

  /** The storage folder, checked (a real folder inside the workspace); `create` makes it when missing. */
  private checkedDir(create: boolean): string | undefined {
    const { dir, workspace } = this.storage!;
    const st = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!st) {
      if (!create) return undefined;
      if (!inside(fs.realpathSync(workspace), fs.realpathSync(path.dirname(dir)))) throw new Error(`${dir} would be outside the workspace folder`);
      fs.mkdirSync(dir);
    } else if (st.isSymbolicLink() || !st.isDirectory()) throw new Error(`${dir} is not a real folder (a symbolic link or a file)`);
    if (!inside(fs.realpathSync(workspace), fs.realpathSync(dir))) throw new Error(`${dir} resolves outside the workspace folder`);
    return dir;
  }

  /** Read the file (when there is one): its progress, or memory only with the reason it was refused. */
  load(): void {
    this.progress = emptyProgress();
    if (!this.storage) return;
    this.memoryOnly = undefined;
    try {
      if (!this.checkedDir(false)) return;
      const file = this.file!;
      const st = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!st) return;
      if (!st.isFile()) throw new Error(`${file} is not a regular file`);
      const text = readFileBounded(file, MAX_PROGRESS_BYTES, 'practice file').toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${PRACTICE_FILE} is not valid JSON`);
      }
      this.progress = parseProgress(json);
    } catch (e) {
      this.memoryOnly = `${PRACTICE_FILE} was refused and left untouched (${reason(e)})`;
    }
  }

  /** Write the progress (atomically), unless it is kept in memory only. Returns false when the write failed. */
  save(): boolean {
    if (this.memoryOnly !== undefined || !this.storage) return true;
    try {
      this.checkedDir(true);
      const st = fs.lstatSync(this.file!, { throwIfNoEntry: false });
      if (st && !st.isFile()) throw new Error(`${this.file} is not a regular file`);
      writeJsonAtomic(this.file!, this.progress);
      return true;
    } catch (e) {
      this.memoryOnly = `${PRACTICE_FILE} could not be written (${reason(e)})`;
      return false;
    }
  }
}
