/**
 * The text of a folder of notes (or of one notes file), for training on the command line: every Markdown, LaTeX,
 * reStructuredText and plain-text file under the folder, in sorted path order, joined by blank lines. Symbolic
 * links, hidden folders and node_modules are not followed; each file is read through readTextFile (regular files,
 * size checked first), and the total is bounded.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusError, MAX_TEXT_BYTES, readTextFile } from './text';

export const NOTE_EXTENSIONS = ['.md', '.markdown', '.tex', '.txt', '.rst'];
const MAX_DEPTH = 8;
const MAX_FILES = 10_000;

function collect(dir: string, depth: number, out: string[]): void {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) collect(p, depth + 1, out);
    else if (e.isFile() && NOTE_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) && out.length < MAX_FILES) out.push(p);
  }
}

/** The notes' text and how many files it came from. Throws CorpusError with one sentence when there is none. */
export function readNotesFolder(dir: string, maxBytes = MAX_TEXT_BYTES): { text: string; files: number } {
  const st = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!st) throw new CorpusError(`${dir} does not exist`);
  if (st.isSymbolicLink()) throw new CorpusError(`${dir} is a symbolic link; give the notes folder itself`);
  if (st.isFile()) return { text: readTextFile(dir, maxBytes), files: 1 };
  if (!st.isDirectory()) throw new CorpusError(`${dir} is neither a folder nor a file`);
  const files: string[] = [];
  collect(dir, 0, files);
  if (files.length === 0) throw new CorpusError(`${dir} has no notes (${NOTE_EXTENSIONS.join(', ')} files)`);
  const parts: string[] = [];
  let left = maxBytes;
  for (const f of files) {
    const size = fs.statSync(f).size;
    if (size > left) throw new CorpusError(`the notes under ${dir} are larger than ${(maxBytes / 2 ** 20).toFixed(0)} MB together`);
    left -= size;
    parts.push(readTextFile(f, maxBytes));
  }
  return { text: parts.join('\n\n'), files: files.length };
}
