/**
 * Pictures leave the panel: a view's PNG or SVG written where the user picks, or saved beside the note being edited
 * with a reference inserted at its cursor (markdown image, LaTeX include, or the path in plain text). What the
 * webview sends is checked first (validate.ts); files are written atomically; nothing is written in an untrusted
 * (restricted) workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { ExportImageResult, ExportPanelRequests } from '../../shared/views/export';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import type { StudyPanel } from '../panel/studyPanel';
import { showInfo } from '../util/notify';
import { imageFileStem, noteKind, noteReference } from './validate';
import { ExportRefusedError, parseExportParams } from './exportParams';

/** A free file name `stem.ext`, `stem-2.ext`, … in `dir`. */
function freeName(dir: string, stem: string, ext: string): string {
  for (let i = 1; ; i++) {
    const file = path.join(dir, `${stem}${i === 1 ? '' : `-${i}`}.${ext}`);
    if (!fs.existsSync(file)) return file;
  }
}

export class ExportFeature {
  /** The last text editor the user was in (the panel takes the focus when its buttons are clicked). */
  private note: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  /** Where to write: the save dialog (integration tests replace it). */
  pickTarget: (defaultUri: vscode.Uri, format: 'png' | 'svg') => Thenable<vscode.Uri | undefined> = (defaultUri, format) =>
    vscode.window.showSaveDialog({ defaultUri, filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] }, title: 'ML Study: save the picture' });
  /** Whether the workspace is trusted (integration tests replace it to see the refusal). */
  trusted: () => boolean = () => vscode.workspace.isTrusted;

  /** Follow the active text editor (file-backed ones only). */
  track(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.uri.scheme === 'file') this.note = editor;
  }

  readonly viewHandlers: UntrustedHandlers<ExportPanelRequests> = { 'export.image': (params) => this.exportImage(params) };

  /** Check, ask where, write atomically, and (for `note`) insert the reference at the note's cursor. */
  async exportImage(params: unknown): Promise<ExportImageResult> {
    if (!this.trusted()) throw new ExportRefusedError('pictures are not saved in a restricted (untrusted) workspace; trust the workspace to export');
    const p = parseExportParams(params);
    const stem = imageFileStem(p.name);
    if (p.action === 'save') {
      const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
      const dir = this.note && !this.note.document.isClosed ? path.dirname(this.note.document.uri.fsPath) : ws?.scheme === 'file' ? ws.fsPath : undefined;
      const target = await this.pickTarget(vscode.Uri.file(dir ? freeName(dir, stem, p.format) : `${stem}.${p.format}`), p.format);
      if (!target) return {};
      const written = this.write(target, p.format, p.bytes);
      void showInfo(`saved ${vscode.workspace.asRelativePath(written)}`);
      return { written };
    }
    const ed = this.note;
    if (!ed || ed.document.isClosed) throw new ExportRefusedError('open a note (markdown, LaTeX or text) and put the cursor where the picture goes, then Insert into note');
    const notePath = ed.document.uri.fsPath;
    const position = ed.selection.active;
    const target = await this.pickTarget(vscode.Uri.file(freeName(path.dirname(notePath), stem, p.format)), p.format);
    if (!target) return {};
    const written = this.write(target, p.format, p.bytes);
    const inserted = noteReference(noteKind(ed.document.languageId, notePath), notePath, written, p.alt);
    // A markdown or LaTeX reference stands on a line of its own; in plain text the path goes where the cursor is.
    const line = ed.document.lineAt(position.line).text;
    const own = noteKind(ed.document.languageId, notePath) !== 'text';
    const text = own ? `${line.slice(0, position.character).trim() ? '\n' : ''}${inserted}${line.slice(position.character).trim() ? '\n' : ''}` : inserted;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(ed.document.uri, position, text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new ExportRefusedError(`saved ${written}, but the note could not be edited`);
    return { written, inserted };
  }

  /** Write `bytes` to `target` atomically (a local file; the format's extension added when missing). */
  private write(target: vscode.Uri, format: 'png' | 'svg', bytes: Buffer): string {
    if (target.scheme !== 'file') throw new ExportRefusedError('pictures are saved to local files only');
    const file = target.fsPath.toLowerCase().endsWith(`.${format}`) ? target.fsPath : `${target.fsPath}.${format}`;
    if (!fs.existsSync(path.dirname(file))) throw new ExportRefusedError(`the folder ${path.dirname(file)} does not exist`);
    try {
      writeFileAtomic(file, bytes);
    } catch (e) {
      throw new ExportRefusedError(`could not write ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return file;
  }
}

export function registerExportFeature(context: vscode.ExtensionContext, panel: StudyPanel): ExportFeature {
  const f = new ExportFeature();
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((ed) => f.track(ed)));
  panel.handleShared(f.viewHandlers);
  return f;
}
