/**
 * The map of a course's formulas: every formula of every note, recognised as the hover recognises it, grouped by the
 * catalog's groups and concepts. Pure (no fs, no vscode): the formula worker feeds it one note at a time
 * (`indexNote` → `FormulaIndex.set`), keyed by the note's path and the hash of its text, so a note whose text did
 * not change is not analysed again, and `snapshot()` builds the grouped view from the per-note entries.
 */
import { CATALOG, type ConceptInfo } from './catalog';
import { type ConceptId } from './concepts';
import { explainFormula } from './explain';
import { findAllMath, mathContext } from './find';
import { expandMacros, macrosOf } from './macros';

/** Where a formula is in its note and how it is written. Lines and characters are 0-based (as in an editor). */
export interface FormulaSpan {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** The TeX as written in the note (inside its delimiters). */
  latex: string;
  /** The symbols the formula uses, in the note's letters (u_{o}, v_{c}, …). */
  letters: string[];
}

/** One formula of a note, as the map shows it. */
export interface FormulaOccurrence extends FormulaSpan {
  /** The note's URI (what the host opens to reveal it). */
  uri: string;
  /** The note's path relative to the workspace, for display. */
  file: string;
}

export interface UnrecognisedFormula extends FormulaOccurrence {
  /** Why no concept was named, in words. */
  reason: string;
}

/** One way a concept is written: the same letters, in how many formulas. */
export interface Notation {
  letters: string[];
  count: number;
}

export interface ConceptOccurrences {
  id: ConceptId;
  title: string;
  count: number;
  /** How many notes write it. */
  files: number;
  /** Its different notations, most used first. */
  notations: Notation[];
  /** The formulas (at most `limit` of snapshot(); `count` is the full number). */
  occurrences: FormulaOccurrence[];
}

export type ConceptGroup = ConceptInfo['group'];

export interface GroupOccurrences {
  group: ConceptGroup;
  title: string;
  count: number;
  concepts: ConceptOccurrences[];
}

/** A note left out of the map, and why (too large, unreadable, outside the workspace). */
export interface SkippedNote {
  file: string;
  reason: string;
}

/** The whole map, as the tree view and the panel page draw it. */
export interface FormulaMap {
  groups: GroupOccurrences[];
  unrecognised: UnrecognisedFormula[];
  /** All unrecognised formulas (the list holds at most `limit`). */
  unrecognisedCount: number;
  skipped: SkippedNote[];
  /** Notes indexed, and formulas in them. */
  notes: number;
  formulas: number;
}

/** What indexing a note keeps per formula: where it is, and the concept named (null: not recognised, and why). */
export interface IndexedFormula extends FormulaSpan {
  concept: ConceptId | null;
  reason?: string;
}

/** Titles of the catalog's groups, in the order the map lists them. */
export const GROUP_TITLES: Readonly<Record<ConceptGroup, string>> = {
  activation: 'Activation functions',
  loss: 'Losses',
  linear: 'Linear models',
  network: 'Networks',
  training: 'Training',
  lm: 'Language models',
  'word-vectors': 'Word vectors',
  attention: 'Attention',
  probability: 'Probability and linear algebra',
};

/** Most formulas kept from one note (a generated or pasted file cannot flood the map). */
export const MAX_FORMULAS_PER_NOTE = 2000;

/** Offsets of the start of every line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line and character of an offset (binary search over line starts). */
function positionOf(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/**
 * Every formula of one note, recognised with the note's (and the preamble's) macros and the words around it, as a
 * hover over it would. A leading byte-order mark is not part of the text an editor shows, so positions skip it.
 */
export function indexNote(textIn: string, languageId: string, preamble?: string): IndexedFormula[] {
  const text = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const spans = findAllMath(text, languageId).slice(0, MAX_FORMULAS_PER_NOTE);
  if (!spans.length) return [];
  const starts = lineStarts(text);
  const macros = macrosOf(text, preamble);
  return spans.map((span) => {
    const expanded = expandMacros(span.latex, macros);
    const ex = explainFormula(expanded.error ? span.latex : expanded.latex, { context: mathContext(text, span), display: span.display, ...(expanded.error ? { macros } : {}) });
    const a = positionOf(starts, span.start);
    const b = positionOf(starts, span.end);
    return {
      line: a.line,
      character: a.character,
      endLine: b.line,
      endCharacter: b.character,
      latex: span.latex,
      letters: [...new Set(ex.symbols.map((s) => s.symbol))],
      concept: ex.concept,
      ...(ex.concept ? {} : { reason: ex.unsure?.reason ?? 'it matches none of the concepts I know' }),
    };
  });
}

interface NoteEntry {
  uri: string;
  file: string;
  hash: string;
  formulas: IndexedFormula[];
}

const byFileThenLine = (a: FormulaOccurrence, b: FormulaOccurrence) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.character - b.character);

/** The notes' formulas, one entry per note path; snapshot() groups them. */
export class FormulaIndex {
  private readonly notes = new Map<string, NoteEntry>();
  private readonly skips = new Map<string, SkippedNote>();

  /** True when the note at `key` is indexed from text of this hash (nothing to do). */
  isCurrent(key: string, hash: string): boolean {
    return this.notes.get(key)?.hash === hash;
  }

  set(key: string, note: { uri: string; file: string }, hash: string, formulas: IndexedFormula[]): void {
    this.skips.delete(key);
    this.notes.set(key, { uri: note.uri, file: note.file, hash, formulas });
  }

  /** Leave a note out of the map, saying why. */
  skip(key: string, file: string, reason: string): void {
    this.notes.delete(key);
    this.skips.set(key, { file, reason });
  }

  /** Forget a note, or every note under a folder (a deleted folder's notes). Returns how many were forgotten. */
  remove(key: string, sep = '/'): number {
    let n = 0;
    const under = key.endsWith(sep) ? key : key + sep;
    for (const table of [this.notes, this.skips] as Array<Map<string, unknown>>) {
      for (const k of [...table.keys()]) {
        if (k === key || k.startsWith(under)) {
          table.delete(k);
          n++;
        }
      }
    }
    return n;
  }

  /** Forget every note (and skip) whose key is not in `keys` (notes gone while nobody was told). Returns how many. */
  retain(keys: ReadonlySet<string>): number {
    let n = 0;
    for (const table of [this.notes, this.skips] as Array<Map<string, unknown>>) {
      for (const k of [...table.keys()]) {
        if (!keys.has(k)) {
          table.delete(k);
          n++;
        }
      }
    }
    return n;
  }

  clear(): void {
    this.notes.clear();
    this.skips.clear();
  }

  get size(): number {
    return this.notes.size;
  }

  /** The map: groups in catalog order, concepts by count, each concept's notations and formulas; at most `limit` formulas per list. */
  snapshot(limit = 500): FormulaMap {
    const byConcept = new Map<ConceptId, FormulaOccurrence[]>();
    const unrecognised: UnrecognisedFormula[] = [];
    let formulas = 0;
    for (const note of this.notes.values()) {
      for (const f of note.formulas) {
        formulas++;
        const { concept: _concept, reason: _reason, ...span } = f;
        const occ: FormulaOccurrence = { uri: note.uri, file: note.file, ...span };
        if (f.concept) {
          let list = byConcept.get(f.concept);
          if (!list) byConcept.set(f.concept, (list = []));
          list.push(occ);
        } else unrecognised.push({ ...occ, reason: f.reason ?? '' });
      }
    }
    const groups = new Map<ConceptGroup, GroupOccurrences>();
    for (const g of Object.keys(GROUP_TITLES) as ConceptGroup[]) groups.set(g, { group: g, title: GROUP_TITLES[g], count: 0, concepts: [] });
    for (const [id, list] of byConcept) {
      const group = groups.get(CATALOG[id].group)!;
      list.sort(byFileThenLine);
      group.count += list.length;
      group.concepts.push({ id, title: CATALOG[id].title, count: list.length, files: new Set(list.map((o) => o.uri)).size, notations: notationsOf(list), occurrences: list.slice(0, limit) });
    }
    for (const g of groups.values()) g.concepts.sort((a, b) => b.count - a.count || (a.title < b.title ? -1 : 1));
    unrecognised.sort(byFileThenLine);
    return {
      groups: [...groups.values()].filter((g) => g.count > 0),
      unrecognised: unrecognised.slice(0, limit),
      unrecognisedCount: unrecognised.length,
      skipped: [...this.skips.values()].sort((a, b) => (a.file < b.file ? -1 : 1)),
      notes: this.notes.size,
      formulas,
    };
  }
}

/** The distinct sets of letters a concept is written with, most used first. */
export function notationsOf(list: readonly FormulaOccurrence[]): Notation[] {
  const counts = new Map<string, Notation>();
  for (const o of list) {
    const letters = [...o.letters].sort();
    const key = letters.join('\u0000');
    const n = counts.get(key);
    if (n) n.count++;
    else counts.set(key, { letters, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.letters.join(',').localeCompare(b.letters.join(',')));
}

