/**
 * The formula map's index, kept in the formula worker (FormulaIndexRequests): notes are read here, not on the
 * extension host — each one bounded in size, a regular file whose real path (symlinks resolved) is inside its
 * workspace folder — hashed, and analysed again only when their text changed; the notes under a folder created or
 * moved in are listed here too (bounded, no symbolic link followed). One note per turn of the event loop, so hovers
 * asked meanwhile wait for at most one note's work.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FormulaIndex, indexNote } from '../core/formula/formulaIndex';
import { EXCLUDED_FOLDERS, folderMayHoldNotes, noteLanguageOf } from '../core/formula/notePaths';
import { readFileBounded } from '../core/util/safeRead';
import type { FormulaIndexRequests, IndexReport, NoteFile } from '../shared/views/formulas';
import type { Handlers } from '../shared/rpc';

const index = new FormulaIndex();
const hashOf = (text: string) => createHash('sha1').update(text).digest('hex');
const turn = () => new Promise<void>((r) => setImmediate(r));

/** The note's real path when it is inside its workspace folder's real path and in no excluded folder; else why not (or that it is gone). */
function containedPath(note: NoteFile): { real: string } | { reason: string } | { gone: true } {
  let real: string;
  let root: string;
  try {
    root = fs.realpathSync(note.root);
    real = fs.realpathSync(note.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { gone: true } : { reason: `cannot read it (${code ?? String(e)})` };
  }
  const rel = path.relative(root, real);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { reason: 'it leads outside the workspace (a symbolic link)' };
  if (rel.split(path.sep).slice(0, -1).some((p) => EXCLUDED_FOLDERS.includes(p))) return { reason: 'it leads into an excluded folder' };
  return { real };
}

/** Most folder entries looked at while listing the notes under folders (a folder of a million files is not walked to its end). */
export const MAX_LISTED_ENTRIES = 100_000;

/** Whether `real` is `root` or inside it (both real paths). */
const inside = (root: string, real: string) => {
  const rel = path.relative(root, real);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * The note files under `folders` (absolute paths, sorted): files and links named as notes by noteLanguageOf (the
 * host's filter), read later by `index.files`, which refuses what is not a regular file inside the workspace. Only
 * real folders inside their workspace folder are walked (a symbolic link to a folder is not followed, excluded
 * folders are not entered); at most `limit` notes and MAX_LISTED_ENTRIES entries (then `truncated`).
 */
export function notesUnder(folders: ReadonlyArray<{ path: string; root: string }>, rules: { languages: readonly string[]; excluded: readonly string[] }, limit: number, maxEntries = MAX_LISTED_ENTRIES): { paths: string[]; truncated: boolean } {
  const found = new Set<string>();
  const skipDirs = new Set([...EXCLUDED_FOLDERS, ...rules.excluded]);
  let entries = 0;
  // Entries are read one at a time (a huge folder is never loaded whole).
  const walk = (root: string, dir: string): boolean => {
    let d: fs.Dir;
    try {
      d = fs.opendirSync(dir);
    } catch {
      return true;
    }
    try {
      for (let e = d.readSync(); e !== null; e = d.readSync()) {
        if (++entries > maxEntries || found.size >= limit) return false;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!skipDirs.has(e.name) && !walk(root, full)) return false;
        } else if (noteLanguageOf(path.relative(root, full), rules.languages, rules.excluded)) {
          found.add(full);
        }
      }
      return true;
    } catch {
      return true;
    } finally {
      d.closeSync();
    }
  };
  let complete = true;
  for (const f of folders) {
    let real: { root: string; folder: string };
    try {
      if (!fs.lstatSync(f.path).isDirectory()) continue;
      real = { root: fs.realpathSync(f.root), folder: fs.realpathSync(f.path) };
    } catch {
      continue;
    }
    if (!inside(real.root, real.folder) || !inside(f.root, f.path) || !folderMayHoldNotes(path.relative(f.root, f.path), rules.excluded)) continue;
    if (!(complete = walk(f.root, f.path))) break;
  }
  return { paths: [...found].sort(), truncated: !complete };
}

/** Read and index one note from disk; returns what happened to it. */
function indexFile(note: NoteFile, maxBytes: number, preamble: string | undefined): keyof IndexReport {
  const where = containedPath(note);
  if ('gone' in where) {
    index.remove(note.path, path.sep);
    return 'skipped';
  }
  if ('reason' in where) {
    index.skip(note.path, note.file, where.reason);
    return 'skipped';
  }
  let text: string;
  try {
    text = readFileBounded(where.real, maxBytes, 'note').toString('utf8');
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    index.skip(note.path, note.file, msg.replace(where.real, note.file));
    return 'skipped';
  }
  return indexText(note, text, preamble);
}

function indexText(note: Pick<NoteFile, 'path' | 'uri' | 'file' | 'languageId'>, text: string, preamble: string | undefined): keyof IndexReport {
  const hash = hashOf(`${note.languageId}\u0000${preamble ?? ''}\u0000${text}`);
  if (index.isCurrent(note.path, hash)) return 'unchanged';
  index.set(note.path, note, hash, indexNote(text, note.languageId, preamble));
  return 'indexed';
}

export const formulaIndexHandlers: Handlers<FormulaIndexRequests> = {
  'index.files': async (p) => {
    const report: IndexReport = { indexed: 0, unchanged: 0, skipped: 0 };
    for (const note of p.files) {
      await turn();
      report[indexFile(note, p.maxBytes, p.preamble)]++;
    }
    return report;
  },
  'index.text': (p) => {
    const report: IndexReport = { indexed: 0, unchanged: 0, skipped: 0 };
    report[indexText(p, String(p.text), p.preamble)]++;
    return report;
  },
  'index.list': (p) => notesUnder(p.folders, { languages: p.languages, excluded: p.excluded }, p.limit),
  'index.remove': (p) => p.paths.reduce((n, k) => n + index.remove(k, path.sep), 0),
  'index.retain': (p) => index.retain(new Set(p.paths)),
  'index.clear': () => {
    index.clear();
    return null;
  },
  'index.snapshot': (p) => index.snapshot(p.limit),
};
