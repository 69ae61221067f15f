/**
 * The host side of the formula map's index. The index itself lives in the formula worker (formulaIndexRequests.ts),
 * which reads and analyses the notes; the host only finds note files, watches them and routes changes: a created or
 * changed file is re-read, the notes of a folder created, moved or renamed into the workspace are listed (by the
 * worker, bounded) and read, a deleted file or folder is forgotten, an open editor's edits are sent as text (after a
 * short pause in typing). Only the notes that changed are analysed again (the worker compares hashes). It reads
 * and never writes, so it works in an untrusted workspace as hovers do. Other features use `current` and
 * `onDidChange` (typed in src/shared/views/formulas.ts).
 */
import * as vscode from 'vscode';
import { folderMayHoldNotes, noteLanguageOf } from '../../core/formula/notePaths';
import type { FormulaMapData, IndexReport, NoteFile } from '../../shared/views/formulas';
import { readSettings, SECTION } from '../config';
import type { FormulaService } from './formulaFeature';
import { readPreamble } from './preamble';

/** Notes larger than this are left out of the map (listed as skipped). */
export const MAX_NOTE_BYTES = 1024 * 1024;
/** Most notes indexed in one workspace. */
export const MAX_NOTES = 5000;
/** Notes sent to the worker per request while the whole workspace is indexed. */
const CHUNK = 20;
/** Least time between two rescans when the window regains focus. */
const RESCAN_MS = 10_000;
const NOTE_GLOB = '**/*.{md,markdown,tex,ltx,txt,MD,TEX,TXT}';
const DEFAULT_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext'];

const EMPTY: FormulaMapData = { groups: [], unrecognised: [], unrecognisedCount: 0, skipped: [], notes: 0, formulas: 0, indexing: false };

type Pending = { kind: 'file'; uri: vscode.Uri } | { kind: 'text'; doc: vscode.TextDocument } | { kind: 'remove'; uri: vscode.Uri };

/** What decides which files are notes: the hover's languages and the storage folder (read once per batch). */
interface NoteRules {
  languages: string[];
  excluded: string[];
  multiRoot: boolean;
}

function noteRules(): NoteRules {
  const langs = vscode.workspace.getConfiguration(SECTION).get<unknown>('hover.languages', DEFAULT_LANGUAGES);
  return {
    languages: Array.isArray(langs) && langs.every((l) => typeof l === 'string') ? (langs as string[]) : DEFAULT_LANGUAGES,
    excluded: [readSettings().storageFolder.split('/')[0]],
    multiRoot: (vscode.workspace.workspaceFolders?.length ?? 0) > 1,
  };
}

/** The note behind a URI (a file in a workspace folder, a note by NOTE_EXTENSIONS and the hover's languages), or undefined. */
function noteOf(uri: vscode.Uri, rules: NoteRules = noteRules()): NoteFile | undefined {
  if (uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const rel = vscode.workspace.asRelativePath(uri, false);
  const languageId = noteLanguageOf(rel, rules.languages, rules.excluded);
  return languageId ? { path: uri.fsPath, root: folder.uri.fsPath, uri: uri.toString(), file: rules.multiRoot ? vscode.workspace.asRelativePath(uri, true) : rel, languageId } : undefined;
}

export class FormulaMapIndex implements vscode.Disposable {
  private data: FormulaMapData = EMPTY;
  private readonly emitter = new vscode.EventEmitter<FormulaMapData>();
  /** The map changed (a note was indexed, changed or deleted). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private started: Promise<void> | undefined;
  /** Work in order: one request to the worker at a time. */
  private chain: Promise<void> = Promise.resolve();
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  /** The worker's start count when it was last indexed: a fresh worker (after a crash) has an empty index. */
  private workerStarts = -1;
  private lastRescan = Date.now();
  /** What the worker did so far: notes analysed, found unchanged (same hash) and left out. */
  readonly stats: IndexReport = { indexed: 0, unchanged: 0, skipped: 0 };

  constructor(
    private readonly service: FormulaService,
    private readonly opts: { debounceMs?: number } = {},
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    // A folder created, moved in or deleted comes as one event for the folder: watch every path for those.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      folderWatcher,
      watcher.onDidCreate((uri) => this.queue(uri, 'file')),
      watcher.onDidChange((uri) => this.queue(uri, 'file')),
      folderWatcher.onDidCreate((uri) => this.queueCreated(uri)),
      folderWatcher.onDidDelete((uri) => this.queue(uri, 'remove')),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.queueText(e.document);
      }),
      // Changes made through the editor (the Explorer, saves, refactorings) come here even when the watcher is late.
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.queue(uri, 'file'))),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.queue(uri, 'remove'))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => (this.queue(f.oldUri, 'remove'), this.queue(f.newUri, 'file')))),
      vscode.workspace.onDidSaveTextDocument((doc) => this.queue(doc.uri, 'file')),
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused && this.started && Date.now() - this.lastRescan > RESCAN_MS) {
          this.lastRescan = Date.now();
          void this.rescan();
        }
      }),
      // A note closed with its edits thrown away: the file on disk is what counts again.
      vscode.workspace.onDidCloseTextDocument((doc) => this.queue(doc.uri, 'file')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.hover`)) void this.rebuild();
      }),
    );
  }

  /** The map as it stands (empty until the first indexing has begun). */
  get current(): FormulaMapData {
    return this.data;
  }

  /** Index the workspace the first time this is called (the tree view or the page asks); resolves when done. */
  start(): Promise<void> {
    this.started ??= this.rebuild();
    return this.started;
  }

  /** Index every note of the workspace again from scratch. */
  rebuild(): Promise<void> {
    this.started ??= Promise.resolve();
    return this.enqueue(() => this.indexAll());
  }

  /** Look for changes the watcher missed (Refresh, and the window regaining focus): only changed notes are analysed. */
  rescan(): Promise<void> {
    if (!this.started) return this.start();
    return this.enqueue(() => (this.service.starts !== this.workerStarts ? this.indexAll() : this.rescanNow()));
  }

  /** Resolves when every change seen so far is in the map. */
  async whenIdle(): Promise<void> {
    await this.started;
    while (this.pending.size || this.timer) await this.flush();
    await this.chain;
  }

  private enqueue(op: () => Promise<void>): Promise<void> {
    const next = this.chain.then(op, op);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private queue(uri: vscode.Uri, kind: 'file' | 'remove'): void {
    if (!this.started) return;
    if (kind === 'file') {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open && open.isDirty) return this.queueText(open);
    }
    this.pending.set(uri.toString(), kind === 'file' ? { kind, uri } : { kind, uri });
    this.schedule();
  }

  /**
   * A path the folder watcher saw created: queued only where notes may be (not under the storage folder, where every
   * training run writes, nor under another excluded folder), so those writes cost the host nothing.
   */
  private queueCreated(uri: vscode.Uri): void {
    if (folderMayHoldNotes(vscode.workspace.asRelativePath(uri, false), noteRules().excluded)) this.queue(uri, 'file');
  }

  private queueText(doc: vscode.TextDocument): void {
    if (!this.started || !noteOf(doc.uri)) return;
    this.pending.set(doc.uri.toString(), { kind: 'text', doc });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.opts.debounceMs ?? 300);
  }

  /** Send the changes waiting to the worker (in order after whatever it is doing), then refresh the map. */
  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    return this.enqueue(async () => {
      if (this.service.starts !== this.workerStarts) return this.indexAll();
      const files: NoteFile[] = [];
      const removed: string[] = [];
      const others: vscode.Uri[] = [];
      const rules = noteRules();
      for (const p of batch) {
        if (p.kind === 'remove') removed.push(p.uri.fsPath);
        else if (p.kind === 'file') {
          const note = noteOf(p.uri, rules);
          if (note) files.push(note);
          else others.push(p.uri);
        } else {
          const note = noteOf(p.doc.uri, rules);
          if (note) this.count(await this.service.request('index.text', { ...note, text: p.doc.getText(), preamble: await readPreamble(p.doc) }, 30_000));
        }
      }
      if (removed.length) await this.service.request('index.remove', { paths: removed }, 30_000);
      if (others.length) {
        // A folder's notes: those open with unsaved edits are indexed from their editors, the others read once each.
        const dirty = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
        const listed = new Set(files.map((f) => f.path));
        for (const note of await this.notesIn(others, rules)) {
          const doc = dirty.get(note.uri);
          if (doc) this.queueText(doc);
          else if (!listed.has(note.path)) files.push(note);
        }
      }
      if (files.length) this.count(await this.service.request('index.files', { files, maxBytes: MAX_NOTE_BYTES, preamble: await this.preamble(files[0]) }, 120_000));
      await this.refresh(false);
    });
  }

  /** The notes under those of `uris` that are folders in a workspace folder (the worker lists them; files list nothing). */
  private async notesIn(uris: vscode.Uri[], rules: NoteRules): Promise<NoteFile[]> {
    const folders: Array<{ path: string; root: string }> = [];
    for (const uri of uris) {
      const folder = uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
      // Paths inside an excluded folder (or the storage folder) are not even looked at.
      const rel = vscode.workspace.asRelativePath(uri, false);
      if (folder?.uri.scheme === 'file' && folderMayHoldNotes(rel, rules.excluded)) folders.push({ path: uri.fsPath, root: folder.uri.fsPath });
    }
    if (!folders.length) return [];
    const listed = await this.service.request('index.list', { folders, languages: rules.languages, excluded: rules.excluded, limit: MAX_NOTES }, 30_000);
    return listed.paths.map((p) => noteOf(vscode.Uri.file(p), rules)).filter((n): n is NoteFile => n !== undefined);
  }

  private preamble(note: NoteFile): Promise<string | undefined> {
    return readPreamble({ uri: vscode.Uri.parse(note.uri) } as vscode.TextDocument).catch(() => undefined);
  }

  /** Index every note from scratch. */
  private async indexAll(): Promise<void> {
    this.workerStarts = this.service.starts;
    await this.service.request('index.clear', {}, 30_000);
    await this.rescanNow();
  }

  /**
   * Find every note and send them all to the worker, which analyses only those whose text changed (the others cost
   * a read and a hash there), forgets the notes no longer found, then takes open editors' unsaved text; the map is
   * refreshed about once a second meanwhile. This catches whatever the file watcher missed.
   */
  private async rescanNow(): Promise<void> {
    this.workerStarts = this.service.starts;
    this.data = { ...this.data, indexing: true };
    this.emitter.fire(this.data);
    const uris = await vscode.workspace.findFiles(NOTE_GLOB, '**/{node_modules,.git,.ml-study}/**', MAX_NOTES + 1);
    const rules = noteRules();
    // An open note with unsaved edits is indexed from its editor's text below, not from the file.
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const found = uris.slice(0, MAX_NOTES).map((uri) => noteOf(uri, rules)).filter((n): n is NoteFile => n !== undefined);
    const notes = found.filter((n) => !dirty.has(n.uri));
    notes.sort((a, b) => (a.file < b.file ? -1 : 1));
    const preamble = notes.length ? await this.preamble(notes[0]) : undefined;
    let shown = Date.now();
    for (let i = 0; i < notes.length; i += CHUNK) {
      this.count(await this.service.request('index.files', { files: notes.slice(i, i + CHUNK), maxBytes: MAX_NOTE_BYTES, preamble }, 120_000));
      if (Date.now() - shown > 1000) {
        await this.refresh(true);
        shown = Date.now();
      }
    }
    await this.service.request('index.retain', { paths: found.map((n) => n.path) }, 30_000);
    for (const doc of vscode.workspace.textDocuments) {
      const note = doc.isDirty ? noteOf(doc.uri, rules) : undefined;
      if (note) this.count(await this.service.request('index.text', { ...note, text: doc.getText(), preamble }, 30_000));
    }
    await this.refresh(false, uris.length > MAX_NOTES ? `only the first ${MAX_NOTES} notes are indexed` : undefined);
  }

  private count(r: IndexReport): void {
    this.stats.indexed += r.indexed;
    this.stats.unchanged += r.unchanged;
    this.stats.skipped += r.skipped;
  }

  private async refresh(indexing: boolean, note?: string): Promise<void> {
    // While indexing, counts and a few formulas per list are enough (a smaller message for the host to read).
    const map = await this.service.request('index.snapshot', indexing ? { limit: 20 } : {}, 30_000);
    const skipped = note ? [...map.skipped, { file: '…', reason: note }] : map.skipped;
    this.data = { ...map, skipped, indexing };
    this.emitter.fire(this.data);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
