/**
 * The preamble file named by the `mlStudy.hover.preambleFile` setting (like LaTeX Workshop's `newcommandFile`): a
 * TeX file of `\newcommand`/`\def`/`\DeclareMathOperator` definitions the hover expands in every note. Read safely:
 * a workspace-relative path that must stay inside a workspace folder, a regular file (no symlink, no directory),
 * at most MAX_PREAMBLE_BYTES. Anything else gives one warning and no preamble.
 */
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { SECTION } from '../config';
import { checkPreamblePath, MAX_PREAMBLE_BYTES } from './preamblePath';

export const PREAMBLE_SETTING = 'hover.preambleFile';

let cached: { key: string; text: string } | null = null;
let warned = '';

/** The preamble's text for a document (its workspace folder's setting), or undefined when none is set or it is refused. */
export async function readPreamble(doc: vscode.TextDocument): Promise<string | undefined> {
  const rel = vscode.workspace.getConfiguration(SECTION, doc.uri).get<unknown>(PREAMBLE_SETTING, '');
  if (typeof rel !== 'string' || !rel.trim()) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const checked = await checkPreamblePath(folder.uri.fsPath, rel);
  if ('error' in checked) {
    const msg = `ML Study: the setting ${SECTION}.${PREAMBLE_SETTING} (“${rel.slice(0, 80)}”) ${checked.error}; no preamble macros are used.`;
    if (warned !== msg) void vscode.window.showWarningMessage(msg);
    warned = msg;
    return undefined;
  }
  const st = await fs.stat(checked.file);
  const key = `${checked.file}\0${st.mtimeMs}\0${st.size}`;
  if (cached?.key === key) return cached.text;
  // O_NOFOLLOW: a file swapped for a symbolic link after the check is refused, not followed.
  const fh = await fs.open(checked.file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  try {
    const buf = Buffer.alloc(Math.min(st.size, MAX_PREAMBLE_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    cached = { key, text: buf.subarray(0, bytesRead).toString('utf8') };
    return cached.text;
  } finally {
    await fh.close();
  }
}
