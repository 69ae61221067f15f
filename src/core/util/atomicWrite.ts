import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Atomic writes.
 *
 * Files: the data goes to a temporary file in the same folder, is fsynced, and is renamed over the target; the folder
 * is fsynced after the rename (where the platform allows it). A crash leaves the old file or the new one.
 *
 * Folders (saved models) keep their plain layout (<dir>/model.json, weights…). A save goes through siblings named
 * after the folder, each with the writer's pid:
 *   1. `.NAME.tmp-ID`  is filled, every file and the folder fsynced            (incomplete: never read)
 *   2. renamed to `.NAME.new-ID`                                              (complete)
 *   3. the current folder is renamed aside to `.NAME.old-ID`, then `.NAME.new-ID` to NAME
 * Renames of folders into a free name are atomic on Linux, macOS and Windows. If a crash lands between the two
 * renames of step 3, NAME is missing but a complete sibling exists: `modelVersionDir` reads it (newest `.new`, else
 * newest `.old`), and the next save, or `recoverModelDir`, renames it back into place. Two writers at once both
 * succeed (the last one's model stays; the other is kept as an old version). Old versions beyond `keep` (default
 * from ML_STUDY_MODEL_VERSIONS, else 1: only the current one) and incomplete siblings of dead writers are removed.
 */

/** Versions kept when nothing else is said (1: only the current folder). */
export const DEFAULT_KEEP_VERSIONS = 1;

interface Sibling {
  name: string;
  stage: 'tmp' | 'new' | 'old';
  /** Sortable: time of the save, then a counter. */
  id: string;
  pid: number;
}

function siblingsOf(dir: string): Sibling[] {
  const base = path.basename(dir);
  const prefix = `.${base}.`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(dir));
  } catch {
    return [];
  }
  const out: Sibling[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(tmp|new|old)-([0-9]{13}-[0-9a-z]{1,16})-([0-9]+)$/.exec(name.slice(prefix.length));
    if (m) out.push({ name, stage: m[1] as Sibling['stage'], id: m[2], pid: Number(m[3]) });
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; its renames are journaled by NTFS.
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // a file system that refuses fsync on folders (some network mounts): the rename is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Fsync every file under `dir`, then every folder (deepest first). */
function fsyncTree(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) fsyncTree(p);
    else if (e.isFile()) fsyncFile(p);
  }
  fsyncDir(dir);
}

/** A test hook: ML_STUDY_WRITE_PAUSE=<step> makes a save stop at that step (for crash tests) until killed. */
function pausePoint(step: string, where: string): void {
  const want = process.env.ML_STUDY_WRITE_PAUSE;
  if (!want || want !== step) return;
  const marker = process.env.ML_STUDY_WRITE_PAUSE_MARKER;
  if (marker) fs.writeFileSync(marker, `${step} ${where}\n`);
  const ms = Number(process.env.ML_STUDY_WRITE_PAUSE_MS ?? 60_000);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

let counter = 0;
function freshId(): string {
  return `${String(Date.now()).padStart(13, '0')}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Write a file atomically: the data goes to a temporary file in the same folder, is flushed, and is then renamed
 * over the target. A crash mid-write leaves the old file (or none) in place, never a torn one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(dir);
}

/** Write JSON atomically, pretty-printed. */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * The folder to read a model from: `dir` itself, or, when a crash left `dir` missing in the middle of a save, the
 * complete version beside it (the newest `.NAME.new-…`, else the newest `.NAME.old-…`). Never writes.
 */
export function modelVersionDir(dir: string): string {
  if (fs.lstatSync(dir, { throwIfNoEntry: false })) return dir;
  const s = siblingsOf(dir);
  const pick = s.find((x) => x.stage === 'new') ?? s.find((x) => x.stage === 'old');
  return pick ? path.join(path.dirname(dir), pick.name) : dir;
}

/** Something that changes whenever a model folder is replaced (for caches keyed by folder). */
export function modelStamp(dir: string): string {
  const v = modelVersionDir(dir);
  const st = fs.statSync(path.join(v, 'model.json'), { throwIfNoEntry: false });
  return `${v}:${st?.ino ?? -1}:${st?.mtimeMs ?? -1}`;
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Put a model folder back in place after a crashed save and remove what dead writers left: an incomplete `.tmp`
 * sibling is deleted; if `dir` is missing, the newest complete sibling becomes `dir`. Old versions beyond `keep`
 * are removed. Siblings of a live writer are left alone.
 */
export function recoverModelDir(dir: string, keep = keepVersions()): void {
  const parent = path.dirname(dir);
  const sibs = siblingsOf(dir);
  for (const s of sibs) if (s.stage === 'tmp' && !pidAlive(s.pid)) fs.rmSync(path.join(parent, s.name), { recursive: true, force: true });
  if (!fs.lstatSync(dir, { throwIfNoEntry: false })) {
    const dead = sibs.filter((s) => !pidAlive(s.pid));
    const pick = dead.find((x) => x.stage === 'new') ?? dead.find((x) => x.stage === 'old');
    if (!pick) return;
    try {
      fs.renameSync(path.join(parent, pick.name), dir);
      fsyncDir(parent);
    } catch {
      return; // someone else put a folder there first
    }
  }
  pruneOld(dir, keep);
}

/** Remove old versions beyond the newest keep - 1 (the current folder counts as one), and dead writers' `.new`. */
function pruneOld(dir: string, keep: number): void {
  if (!fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
  const parent = path.dirname(dir);
  let kept = 1;
  for (const s of siblingsOf(dir)) {
    if (s.stage === 'tmp') continue;
    if (s.stage === 'new') {
      if (!pidAlive(s.pid)) fs.rmSync(path.join(parent, s.name), { recursive: true, force: true });
      continue;
    }
    if (kept < Math.max(1, keep)) kept++;
    else fs.rmSync(path.join(parent, s.name), { recursive: true, force: true });
  }
}

function keepVersions(): number {
  const n = Number(process.env.ML_STUDY_MODEL_VERSIONS);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP_VERSIONS;
}

const retryable = (e: unknown) => ['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'EBUSY'].includes((e as NodeJS.ErrnoException).code ?? '');

/**
 * Replace a whole model folder atomically (see the top of this file). `fill` writes the files into the folder it is
 * given; `previous` is the current folder, if there is one (to carry files over). If `fill` throws, the model is
 * left as it was.
 */
export function writeDirAtomic(dir: string, fill: (tmpDir: string, previous: string | undefined) => void, opts: { keep?: number } = {}): void {
  dir = path.resolve(dir);
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  fs.mkdirSync(parent, { recursive: true });
  recoverModelDir(dir, Number.MAX_SAFE_INTEGER);
  const id = `${freshId()}-${process.pid}`;
  const tmp = path.join(parent, `.${base}.tmp-${id}`);
  const ready = path.join(parent, `.${base}.new-${id}`);
  fs.mkdirSync(tmp);
  try {
    fill(tmp, fs.lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : undefined);
    pausePoint('filled', tmp);
    fsyncTree(tmp);
    fs.renameSync(tmp, ready);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  fsyncDir(parent);
  pausePoint('completed', ready);
  for (let attempt = 0; ; attempt++) {
    if (fs.lstatSync(dir, { throwIfNoEntry: false })) {
      try {
        fs.renameSync(dir, path.join(parent, `.${base}.old-${freshId()}-${process.pid}`));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && !(retryable(e) && attempt < 20)) throw e;
      }
      pausePoint('aside', dir);
    }
    try {
      fs.renameSync(ready, dir);
      break;
    } catch (e) {
      // another writer put its folder in place between our two renames: move that one aside too and retry
      if (!retryable(e) || attempt >= 20) throw e;
    }
  }
  fsyncDir(parent);
  pausePoint('swapped', dir);
  pruneOld(dir, opts.keep ?? keepVersions());
}
