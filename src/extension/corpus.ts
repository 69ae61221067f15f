/**
 * The corpora a job can train on, resolved on the host to text (the worker never touches workspace files):
 * the workspace's notes (a glob setting), the active file, the selection, any text file, or the bundled Brown corpus
 * (loaded in the worker from the package).
 */
import * as vscode from 'vscode';
import type { CorpusChoice, CorpusRef } from '../shared/protocol';
import { CorpusError, decodeText } from '../core/corpus/text';
import { SECTION } from './config';

export const CORPUS_CHOICES: CorpusChoice[] = [
  { id: 'notes', label: 'Workspace notes' },
  { id: 'active', label: 'Active file' },
  { id: 'selection', label: 'Selection in the active editor' },
  { id: 'brown', label: 'Brown corpus (1 M words, bundled)' },
  { id: 'file', label: 'A text file…' },
];

/** Text sent to the worker is capped: beyond this, train from a file with the CLI. */
export const MAX_CORPUS_BYTES = 64 * 1024 * 1024;
const DEFAULT_GLOB = '**/*.{md,markdown,tex,latex,txt}';

export interface ResolvedCorpus {
  ref: CorpusRef;
  name: string;
}

/** Resolve a corpus id to text. Throws CorpusError with a sentence for the user. */
export async function resolveCorpus(id: string): Promise<ResolvedCorpus> {
  switch (id) {
    case 'none':
      return { ref: { kind: 'none' }, name: '' };
    case 'brown':
      return { ref: { kind: 'brown' }, name: 'Brown corpus' };
    case 'active': {
      const ed = vscode.window.activeTextEditor;
      if (!ed) throw new CorpusError('there is no active editor to train on; open a note first');
      return text(ed.document.getText(), vscode.workspace.asRelativePath(ed.document.uri));
    }
    case 'selection': {
      const ed = vscode.window.activeTextEditor;
      const sel = ed ? ed.document.getText(ed.selection) : '';
      if (!sel.trim()) throw new CorpusError('select some text in a note first');
      return text(sel, `selection in ${vscode.workspace.asRelativePath(ed!.document.uri)}`);
    }
    case 'notes':
      return notes();
    case 'file': {
      const pick = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Train on which text file?', filters: { Text: ['txt', 'md', 'markdown', 'tex', 'latex'], 'All files': ['*'] } });
      if (!pick?.[0]) throw new CorpusError('no file chosen');
      const stat = await vscode.workspace.fs.stat(pick[0]);
      if (!(stat.type & vscode.FileType.File)) throw new CorpusError(`${vscode.workspace.asRelativePath(pick[0])} is not a regular file`);
      if (stat.size > MAX_CORPUS_BYTES) throw new CorpusError(`${vscode.workspace.asRelativePath(pick[0])} is over ${MAX_CORPUS_BYTES / 1048576} MB; train on it with the ml-study CLI`);
      return text(decodeText(await vscode.workspace.fs.readFile(pick[0]), vscode.workspace.asRelativePath(pick[0])), vscode.workspace.asRelativePath(pick[0]));
    }
    default:
      throw new CorpusError(`unknown corpus "${id.slice(0, 40)}"`);
  }
}

function text(t: string, name: string): ResolvedCorpus {
  // UTF-16 length × 3 bounds the UTF-8 size: most texts pass without counting bytes.
  if (t.length * 3 > MAX_CORPUS_BYTES && Buffer.byteLength(t, 'utf8') > MAX_CORPUS_BYTES) {
    throw new CorpusError(`${name} is over ${MAX_CORPUS_BYTES / 1048576} MB; train on it with the ml-study CLI`);
  }
  if (!t.trim()) throw new CorpusError(`${name} is empty`);
  const keepLatexCommands = vscode.workspace.getConfiguration(SECTION).get<unknown>('corpus.keepLatexCommands', false) === true;
  return { ref: { kind: 'text', name, text: t, keepLatexCommands }, name };
}

/** The workspace's notes (setting `corpus.notesGlob`), sorted by path; throws CorpusError when there are none. */
export async function noteFiles(): Promise<vscode.Uri[]> {
  const glob = vscode.workspace.getConfiguration(SECTION).get<unknown>('corpus.notesGlob', DEFAULT_GLOB);
  const pattern = typeof glob === 'string' && glob.trim() ? glob : DEFAULT_GLOB;
  const files = await vscode.workspace.findFiles(pattern, '**/{node_modules,.git,.ml-study}/**', 5000);
  if (!files.length) throw new CorpusError(`no notes match ${pattern} in this workspace`);
  return files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

async function notes(): Promise<ResolvedCorpus> {
  const files = await noteFiles();
  const parts: string[] = [];
  let bytes = 0;
  let skipped = 0;
  for (const f of files) {
    // Only regular files, and the size is checked before the file is read (a FIFO or a huge file is never opened).
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(f);
    } catch {
      skipped++;
      continue;
    }
    if (stat.type !== vscode.FileType.File) {
      skipped++;
      continue;
    }
    if (bytes + stat.size > MAX_CORPUS_BYTES) break;
    const data = await vscode.workspace.fs.readFile(f);
    if (bytes + data.length > MAX_CORPUS_BYTES) break;
    try {
      parts.push(decodeText(data, vscode.workspace.asRelativePath(f)));
      bytes += data.length;
    } catch {
      skipped++; // binary or non-UTF-8: not a note
    }
  }
  if (!parts.length) throw new CorpusError('none of the notes could be read as UTF-8 text');
  return text(parts.join('\n\n'), `${parts.length} workspace note${parts.length === 1 ? '' : 's'}${skipped ? ` (${skipped} unreadable skipped)` : ''}`);
}
