/**
 * The preamble file named by the `mlStudy.hover.preambleFile` setting (like LaTeX Workshop's `newcommandFile`): a
 * TeX file of `\newcommand`/`\def`/`\DeclareMathOperator` definitions the hover expands in every note. Read safely:
 * a workspace-relative path that must stay inside a workspace folder, a regular file (no symlink, no directory),
 * at most MAX_PREAMBLE_BYTES. Anything else gives one warning and no preamble.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from '../config';

export const PREAMBLE_SETTING = 'hover.preambleFile';
export const MAX_PREAMBLE_BYTES = 256 * 1024;

let cached: { key: string; text: string } | null = null;
let warned = '';

/** Why a preamble path is refused, or null when it is a contained, small, regular file. Pure checks plus one lstat. */
export async function checkPreamblePath(root: string, rel: string): Promise<{ file: string } | { error: string }> {
  if (typeof rel !== 'string' || !rel.trim() || rel.length > 1024 || rel.includes('\0')) return { error: 'is not a file path' };
  if (path.isAbsolute(rel)) return { error: 'must be a path relative to the workspace folder' };
  const rootReal = await fs.realpath(root);
  const file = path.resolve(rootReal, rel);
  const inside = (p: string) => p === rootReal || p.startsWith(rootReal + path.sep);
  if (!inside(file)) return { error: 'points outside the workspace folder' };
  let st;
  try {
    st = await fs.lstat(file);
  } catch {
    return { error: 'names a file that does not exist' };
  }
  if (!st.isFile()) return { error: 'is not a regular file (a directory or a symbolic link)' };
  if (!inside(await fs.realpath(file))) return { error: 'points outside the workspace folder' };
  if (st.size > MAX_PREAMBLE_BYTES) return { error: `is larger than ${MAX_PREAMBLE_BYTES / 1024} KB` };
  return { file };
}

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
  const fh = await fs.open(checked.file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(st.size, MAX_PREAMBLE_BYTES));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    cached = { key, text: buf.subarray(0, bytesRead).toString('utf8') };
    return cached.text;
  } finally {
    await fh.close();
  }
}
