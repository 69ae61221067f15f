/**
 * The formula map: the index of every formula in the workspace notes (built in the formula worker, kept current
 * by the host), the panel's Formulas page, and the worker requests behind them. Types only; the map's shapes are
 * the engine's (src/core/formula/formulaIndex.ts).
 */
import type { FormulaMap, FormulaOccurrence } from '../../core/formula/formulaIndex';

export type { ConceptOccurrences, FormulaMap, FormulaOccurrence, GroupOccurrences, Notation, SkippedNote, UnrecognisedFormula } from '../../core/formula/formulaIndex';

/** The map as features see it: the formulas, and whether notes are still being read. */
export interface FormulaMapData extends FormulaMap {
  /** True while the first indexing of the workspace (or a re-index) is under way. */
  indexing: boolean;
}

/** Where a formula is, as the panel asks the host to reveal it. */
export type FormulaLocation = Pick<FormulaOccurrence, 'uri' | 'line' | 'character' | 'endLine' | 'endCharacter'>;

/** Requests the Formulas page makes of the host. */
export interface FormulasPanelRequests {
  /** Open the note and select the formula. */
  'formulas.reveal': { params: FormulaLocation; result: boolean };
}

/** A note the worker reads from disk: its path (absolute), the workspace folder that must contain it, and labels. */
export interface NoteFile {
  path: string;
  root: string;
  uri: string;
  /** Relative to the workspace, for display. */
  file: string;
  languageId: string;
}

/** What one indexing request did. */
export interface IndexReport {
  /** Notes analysed again (their text changed). */
  indexed: number;
  /** Notes whose text had not changed. */
  unchanged: number;
  skipped: number;
}

/** The formula worker's index requests (part of FormulaRequests). */
export interface FormulaIndexRequests {
  /** Read notes from disk (bounded, contained in their workspace folder) and index those whose text changed. */
  'index.files': { params: { files: NoteFile[]; maxBytes: number; preamble?: string }; result: IndexReport };
  /** Index the text of an open editor (unsaved edits included). */
  'index.text': { params: { path: string; uri: string; file: string; languageId: string; text: string; preamble?: string }; result: IndexReport };
  /**
   * The notes under folders (created or moved into the workspace): absolute paths of at most `limit` files named
   * as notes (noteLanguageOf with `languages` and `excluded`), each folder inside its workspace folder `root`, no
   * symbolic link followed, at most a bounded number of entries looked at. A path that is not a folder lists nothing.
   */
  'index.list': { params: { folders: Array<{ path: string; root: string }>; languages: string[]; excluded: string[]; limit: number }; result: { paths: string[]; truncated: boolean } };
  /** Forget notes: a path, or a folder and every note under it. */
  'index.remove': { params: { paths: string[] }; result: number };
  /** Forget every note not among `paths` (a rescan found them gone). */
  'index.retain': { params: { paths: string[] }; result: number };
  /** Forget everything (a re-index from scratch). */
  'index.clear': { params: Record<string, never>; result: null };
  /** The map, grouped; at most `limit` formulas per list. */
  'index.snapshot': { params: { limit?: number }; result: FormulaMap };
}
