/**
 * The corpora a job can train on, resolved on the host to text (the worker never touches workspace files):
 * the workspace's notes (a glob setting), the active file, the selection, any text file, or the bundled Brown corpus
 * (loaded in the worker from the package).
 */
import * as vscode from 'vscode';
import type { CorpusChoice, CorpusRef, CorpusSource } from '../shared/protocol';
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
  /** How to read the same text again (to resume a run), when it can be. */
  source?: CorpusSource;
}

/** Resolve a corpus id to text. Throws CorpusError with a sentence for the user. */
export async function resolveCorpus(id: string): Promise<ResolvedCorpus> {
  switch (id) {
    case 'none':
      return { ref: { kind: 'none' }, name: '' };
    case 'brown':
      return { ref: { kind: 'brown' }, name: 'Brown corpus', source: { id: 'brown' } };
    case 'active': {
      const ed = vscode.window.activeTextEditor;
      if (!ed) throw new CorpusError('there is no active editor to train on; open a note first');
      const uri = ed.document.uri;
      return { ...text(ed.document.getText(), vscode.workspace.asRelativePath(uri)), ...(uri.scheme === 'file' && !ed.document.isDirty ? { source: { id: 'file', path: uri.fsPath } } : {}) };
    }
    case 'selection': {
      const ed = vscode.window.activeTextEditor;
      const sel = ed ? ed.document.getText(ed.selection) : '';
      if (!sel.trim()) throw new CorpusError('select some text in a note first');
      return text(sel, `selection in ${vscode.workspace.asRelativePath(ed!.document.uri)}`);
    }
    case 'notes':
      return { ...(await notes()), source: { id: 'notes' } };
    case 'file': {
      const pick = await vscode.window.showOpenDialog({ canSelectMany: false, title: 'Train on which text file?', filters: { Text: ['txt', 'md', 'markdown', 'tex', 'latex'], 'All files': ['*'] } });
      if (!pick?.[0]) throw new CorpusError('no file chosen');
      return { ...(await fileText(pick[0])), source: { id: 'file', path: pick[0].fsPath } };
    }
    default:
      throw new CorpusError(`unknown corpus "${id.slice(0, 40)}"`);
  }
}

/** A regular text file of at most MAX_CORPUS_BYTES (checked before it is read). */
async function fileText(uri: vscode.Uri): Promise<ResolvedCorpus> {
  const name = vscode.workspace.asRelativePath(uri);
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.File) || stat.type & vscode.FileType.SymbolicLink) throw new CorpusError(`${name} is not a regular file`);
  if (stat.size > MAX_CORPUS_BYTES) throw new CorpusError(`${name} is over ${MAX_CORPUS_BYTES / 1048576} MB; train on it with the ml-study CLI`);
  return text(decodeText(await vscode.workspace.fs.readFile(uri), name), name);
}

/**
 * The text of a stored run's corpus source, to resume it; undefined when the source cannot be read again here (a
 * selection, a file outside the workspace, or anything a stored run file should not say).
 */
export async function resolveCorpusSource(source: unknown): Promise<ResolvedCorpus | undefined> {
  const s = source as CorpusSource | undefined;
  if (s?.id === 'brown' || s?.id === 'notes') return resolveCorpus(s.id);
  if (s?.id !== 'file' || typeof s.path !== 'string' || !s.path || s.path.length > 4096) return undefined;
  const uri = vscode.Uri.file(s.path);
  // Only a file of this workspace: a run file in a hostile workspace must not make us read anything else.
  if (!vscode.workspace.getWorkspaceFolder(uri) || vscode.workspace.asRelativePath(uri) === uri.fsPath) return undefined;
  try {
    return { ...(await fileText(uri)), source: { id: 'file', path: uri.fsPath } };
  } catch {
    return undefined;
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

/**
 * The workspace's notes (setting `corpus.notesGlob`), sorted by path; with `folder`, only those under that folder.
 * Throws CorpusError when there are none.
 */
export async function noteFiles(folder?: vscode.Uri): Promise<vscode.Uri[]> {
  const glob = vscode.workspace.getConfiguration(SECTION).get<unknown>('corpus.notesGlob', DEFAULT_GLOB);
  const pattern = typeof glob === 'string' && glob.trim() ? glob : DEFAULT_GLOB;
  const files = await vscode.workspace.findFiles(folder ? new vscode.RelativePattern(folder, pattern) : pattern, '**/{node_modules,.git,.ml-study}/**', 5000);
  if (!files.length) throw new CorpusError(`no notes match ${pattern} in ${folder ? vscode.workspace.asRelativePath(folder) : 'this workspace'}`);
  return files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/**
 * The notes of the folder a note is in (a hover link's `{ folder: <note URI> }`): the URI comes from a command link,
 * so it must be a file URI of at most 4096 characters inside a workspace folder, else one CorpusError.
 */
export async function resolveNoteFolder(noteUri: unknown): Promise<ResolvedCorpus> {
  let uri: vscode.Uri | undefined;
  try {
    uri = typeof noteUri === 'string' && noteUri.length <= 4096 ? vscode.Uri.parse(noteUri, true) : undefined;
  } catch {
    uri = undefined;
  }
  const ws = uri?.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  if (!uri || !ws || uri.path.split('/').includes('..')) throw new CorpusError("the note's folder must be a folder of this workspace");
  const folder = vscode.Uri.joinPath(uri, '..');
  const rel = vscode.workspace.asRelativePath(folder, false);
  return notes(folder, ` in ${folder.path === ws.uri.path ? 'the workspace folder' : rel}`);
}

/** The notes (of the workspace, or under `folder`), joined; `where` ends the corpus name ("3 notes in w2v"). */
async function notes(folder?: vscode.Uri, where?: string): Promise<ResolvedCorpus> {
  const files = await noteFiles(folder);
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
  return text(parts.join('\n\n'), `${parts.length} ${where === undefined ? 'workspace ' : ''}note${parts.length === 1 ? '' : 's'}${where ?? ''}${skipped ? ` (${skipped} unreadable skipped)` : ''}`);
}
