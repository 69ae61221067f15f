/** Small checks and editor reads shared by the gate view and the gradient lab. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ArgError } from '../lm/validate';

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** o[key] as a whole number in [lo, hi], or undefined when absent. */
export function wholeIn(o: Record<string, unknown>, key: string, lo: number, hi: number): number | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new ArgError(`${key} must be a whole number from ${lo} to ${hi}, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * The active editor's selection (or, with `whole`, its document when nothing is selected), cut to its first `max`
 * characters, and where it came from; undefined when there is no editor or only whitespace.
 */
export function editorText(max: number, whole = false): { text: string; source: string } | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  const file = path.basename(ed.document.uri.path) || 'the file';
  const sel = ed.selection.isEmpty ? undefined : ed.document.getText(ed.selection);
  const text = sel ?? (whole ? ed.document.getText() : undefined);
  if (text === undefined || !text.trim()) return undefined;
  return { text: Array.from(text.slice(0, 2 * max)).slice(0, max).join(''), source: sel !== undefined ? `the selection in ${file}` : file };
}
