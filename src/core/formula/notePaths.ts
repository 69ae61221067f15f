/**
 * Which workspace files are notes for the formula map: by extension and the hover's languages, never inside the
 * excluded folders. Pure and small, so the extension host can use it without loading the recogniser.
 */

/** Folders whose files are never notes. */
export const EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git', '.ml-study'];

/** Note files by extension, and the language their math is found with. */
export const NOTE_EXTENSIONS: Readonly<Record<string, string>> = { md: 'markdown', markdown: 'markdown', tex: 'latex', ltx: 'latex', txt: 'plaintext' };

/**
 * The language of a note at a workspace-relative path ('/' or '\\' separated), or undefined when it is not a note:
 * not one of NOTE_EXTENSIONS, not among `languages` (the hover's languages; `tex` counts for latex), inside an
 * excluded folder (`extraExcluded` adds the storage folder's name), or a relative path that leaves the workspace.
 */
export function noteLanguageOf(relPath: string, languages: readonly string[], extraExcluded: readonly string[] = []): string | undefined {
  const parts = partsOf(relPath);
  if (!parts.length || !foldersMayHoldNotes(parts.slice(0, -1), extraExcluded)) return undefined;
  const m = /\.([A-Za-z]+)$/.exec(parts[parts.length - 1]);
  const lang = m ? NOTE_EXTENSIONS[m[1].toLowerCase()] : undefined;
  if (!lang) return undefined;
  return languages.includes(lang) || (lang === 'latex' && languages.includes('tex')) ? lang : undefined;
}

/**
 * Whether notes may be found under a folder at a workspace-relative path: it stays in the workspace and is not, nor
 * lies inside, an excluded folder (`extraExcluded` adds the storage folder's name).
 */
export function folderMayHoldNotes(relPath: string, extraExcluded: readonly string[] = []): boolean {
  return foldersMayHoldNotes(partsOf(relPath), extraExcluded);
}

const partsOf = (relPath: string) => relPath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');

function foldersMayHoldNotes(parts: readonly string[], extraExcluded: readonly string[]): boolean {
  return !parts.includes('..') && !parts.some((p) => EXCLUDED_FOLDERS.includes(p) || extraExcluded.includes(p));
}
