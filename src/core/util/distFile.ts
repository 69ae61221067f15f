/**
 * Finding a file the build writes to dist/ (a WebAssembly kernel, a helper-thread bundle, the packaged corpus) from
 * wherever the running bundle is: the extension's or CLI's dist/, a test or benchmark bundle under dist/, or the
 * repository during development.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** How many folders above the bundle (and the working directory) are searched. */
const LEVELS = 8;

/**
 * Every place `file` (a path relative to dist/) may be, nearest first: in each folder from this bundle's folder and
 * from the working directory up to LEVELS parents, the folder itself, its dist/, and its `extraDirs` (relative).
 */
export function distCandidates(file: string, extraDirs: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const start of [typeof __dirname === 'string' ? __dirname : process.cwd(), process.cwd()]) {
    for (let d = path.resolve(start), i = 0; i < LEVELS; i++, d = path.dirname(d)) {
      for (const sub of ['.', 'dist', ...extraDirs]) out.push(path.join(d, sub, file));
      if (path.dirname(d) === d) break;
    }
  }
  return out;
}

/** The first existing place of `file` (see distCandidates), or undefined. */
export function findDistFile(file: string, extraDirs: readonly string[] = []): string | undefined {
  return distCandidates(file, extraDirs).find((f) => fs.existsSync(f));
}

/** As findDistFile, but a missing file is an error that says how to make it. */
export function requireDistFile(file: string, what: string): string {
  const found = findDistFile(file);
  if (!found) throw new Error(`${file} is missing; run \`npm run build\` (it builds ${what})`);
  return found;
}
