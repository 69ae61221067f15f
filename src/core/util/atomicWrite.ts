import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Atomic writes.
 *
 * Files: the data goes to a temporary file in the same folder, is fsynced, and is renamed over the target; the folder
 * is fsynced after the rename (where the platform allows it). A crash leaves the old file or the new one.
 *
 * Folders (saved models): a model folder holds versions and a pointer,
 *     <dir>/CURRENT         one line, the name of the current version ("v-…")
 *     <dir>/v-…/            a complete version (model.json, weights…)
 * A save builds the new version in a hidden `.v-…` folder, fsyncs every file and the folder, renames it to `v-…`
 * (a fresh name, so the rename never meets a non-empty folder), then replaces CURRENT atomically. Whatever moment a
 * crash hits, CURRENT names a complete version (the old one or the new one). Leftover hidden folders of dead writers
 * are removed by the next save, and old versions are pruned (`keep`, default from ML_STUDY_MODEL_VERSIONS, else 2).
 * Readers call `modelVersionDir(dir)`; a folder without CURRENT (the older flat layout) is read as it is.
 */

/** The pointer file of a versioned folder. */
export const CURRENT_FILE = 'CURRENT';
const VERSION_RE = /^v-[0-9]{13}-[0-9]+-[0-9a-z]{1,12}$/;
const TMP_RE = /^\.v-[0-9]{13}-([0-9]+)-[0-9a-z]{1,12}\.tmp$/;
/** Versions kept when nothing else is said. */
export const DEFAULT_KEEP_VERSIONS = 2;

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
function freshName(): string {
  return `v-${String(Date.now()).padStart(13, '0')}-${process.pid}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
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
 * The folder that holds the current version of a model folder: `<dir>/<CURRENT>` for a versioned folder, `dir`
 * itself for a flat one. Throws when CURRENT is unreadable or names something that is not one of its versions.
 */
export function modelVersionDir(dir: string): string {
  let name: string;
  try {
    const st = fs.lstatSync(path.join(dir, CURRENT_FILE));
    if (!st.isFile() || st.size > 256) throw new Error(`${path.join(dir, CURRENT_FILE)} is not a version pointer`);
    name = fs.readFileSync(path.join(dir, CURRENT_FILE), 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return dir;
    throw e;
  }
  if (!VERSION_RE.test(name)) throw new Error(`${path.join(dir, CURRENT_FILE)} does not name a version of this model`);
  const v = path.join(dir, name);
  const st = fs.lstatSync(v, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new Error(`${dir} is damaged: its current version ${name} is missing`);
  return v;
}

/** Something that changes whenever a model folder gets a new version (for caches keyed by folder). */
export function modelStamp(dir: string): string {
  try {
    const v = modelVersionDir(dir);
    const st = fs.statSync(path.join(v, 'model.json'), { throwIfNoEntry: false });
    return `${v}:${st?.mtimeMs ?? -1}`;
  } catch {
    return 'unreadable';
  }
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
 * Remove what crashed saves left in a versioned folder (hidden `.v-…tmp` folders of dead writers, stray temp files
 * of CURRENT) and versions beyond the newest `keep` (never the current one).
 */
export function cleanModelDir(dir: string, keep = keepVersions()): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  let current: string | undefined;
  try {
    current = path.basename(modelVersionDir(dir));
  } catch {
    current = undefined;
  }
  const versions: string[] = [];
  for (const e of entries) {
    const tmp = TMP_RE.exec(e.name);
    if (tmp && e.isDirectory()) {
      if (!pidAlive(Number(tmp[1]))) fs.rmSync(path.join(dir, e.name), { recursive: true, force: true });
    } else if (e.isFile() && e.name.startsWith(`.${CURRENT_FILE}.`) && e.name.endsWith('.tmp')) {
      const pid = Number(e.name.split('.')[2]);
      if (!pidAlive(pid)) fs.rmSync(path.join(dir, e.name), { force: true });
    } else if (VERSION_RE.test(e.name) && e.isDirectory()) {
      versions.push(e.name);
    }
  }
  // A folder whose CURRENT is missing or broken keeps all its versions: nothing is deleted on a guess.
  if (!current || !versions.includes(current)) return;
  versions.sort().reverse();
  const keepSet = new Set(versions.slice(0, Math.max(1, keep)));
  keepSet.add(current);
  for (const v of versions) if (!keepSet.has(v)) fs.rmSync(path.join(dir, v), { recursive: true, force: true });
}

function keepVersions(): number {
  const n = Number(process.env.ML_STUDY_MODEL_VERSIONS);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_KEEP_VERSIONS;
}

/**
 * Save a new version of a model folder atomically (see the top of this file). `fill` writes the files into the
 * folder it is given; `previous` is the current version's folder, if any (to carry files over). If `fill` throws,
 * the model is left as it was.
 */
export function writeDirAtomic(dir: string, fill: (tmpDir: string, previous: string | undefined) => void, opts: { keep?: number } = {}): void {
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  cleanModelDir(dir, Number.MAX_SAFE_INTEGER);
  let previous: string | undefined;
  try {
    const v = modelVersionDir(dir);
    previous = v === dir ? (fs.existsSync(path.join(dir, 'model.json')) ? dir : undefined) : v;
  } catch {
    previous = undefined;
  }
  const name = freshName();
  const tmp = path.join(dir, `.${name}.tmp`);
  fs.mkdirSync(tmp);
  try {
    fill(tmp, previous);
    pausePoint('filled', tmp);
    fsyncTree(tmp);
    pausePoint('synced', tmp);
    fs.renameSync(tmp, path.join(dir, name));
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  fsyncDir(dir);
  pausePoint('renamed', dir);
  writeFileAtomic(path.join(dir, CURRENT_FILE), name + '\n');
  pausePoint('pointed', dir);
  cleanModelDir(dir, opts.keep ?? keepVersions());
}
