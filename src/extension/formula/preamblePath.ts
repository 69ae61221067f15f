/**
 * The checks on the preamble file's path (no vscode, so unit-testable): a workspace-relative path that stays inside
 * the workspace folder (also after resolving symbolic links), a regular file, at most MAX_PREAMBLE_BYTES.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export const MAX_PREAMBLE_BYTES = 256 * 1024;

/** The file to read, or why the path is refused: outside the folder, missing, not a regular file, or too large. */
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
