/**
 * Which formulas are in a note or in the course, as concepts: the formulas are found on the host (findAllMath) and
 * each is recognised by the formula worker's `explain`, the request behind Explain Formula. Everything practice
 * knows about the notes goes through `conceptsInNotes`.
 */
import * as vscode from 'vscode';
import { findAllMath } from '../../core/formula/find';
import type { ConceptId } from '../../core/formula/concepts';
import { decodeText } from '../../core/corpus/text';
import { noteFiles } from '../corpus';
import { type FormulaService, themeColor } from '../formula/formulaFeature';

export interface NoteText {
  /** Relative path, for the scope's title. */
  name: string;
  text: string;
  languageId: string;
}

/** Most notes, bytes per note, bytes in all and formulas recognised for one practice session. */
export const COURSE_LIMITS = { notes: 300, noteBytes: 1024 * 1024, totalBytes: 16 * 1024 * 1024, formulas: 600 };

const LANGUAGE_OF: Record<string, string> = { md: 'markdown', markdown: 'markdown', tex: 'latex', latex: 'latex', txt: 'plaintext' };

/** How many formulas of each concept the notes contain (unrecognised ones are left out). */
export async function conceptsInNotes(formulas: FormulaService, notes: readonly NoteText[]): Promise<Map<ConceptId, number>> {
  const found = new Map<ConceptId, number>();
  let asked = 0;
  for (const note of notes) {
    for (const span of findAllMath(note.text, note.languageId)) {
      if (asked++ >= COURSE_LIMITS.formulas) return found;
      const r = await formulas.request('explain', { text: note.text, offset: span.start + 1, languageId: note.languageId, color: themeColor() }, 15_000).catch(() => null);
      const c = r?.explanation.concept;
      if (c) found.set(c, (found.get(c) ?? 0) + 1);
    }
  }
  return found;
}

/** The workspace notes (setting mlStudy.corpus.notesGlob), each a regular UTF-8 file, within COURSE_LIMITS. */
export async function readCourseNotes(): Promise<NoteText[]> {
  const out: NoteText[] = [];
  let bytes = 0;
  for (const f of (await noteFiles()).slice(0, COURSE_LIMITS.notes)) {
    try {
      const stat = await vscode.workspace.fs.stat(f);
      if (stat.type !== vscode.FileType.File || stat.size > COURSE_LIMITS.noteBytes || bytes + stat.size > COURSE_LIMITS.totalBytes) continue;
      const name = vscode.workspace.asRelativePath(f);
      const text = decodeText(await vscode.workspace.fs.readFile(f), name);
      bytes += text.length;
      out.push({ name, text, languageId: LANGUAGE_OF[f.path.split('.').pop()?.toLowerCase() ?? ''] ?? 'plaintext' });
    } catch {
      // not a readable UTF-8 note: left out
    }
  }
  return out;
}
