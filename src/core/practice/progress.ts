/**
 * A workspace's practice progress (`.ml-study/practice.json`): one Leitner card per question template, and how many
 * questions of each template were asked (the next seed, so the numbers vary). Read from a hostile workspace: the
 * file is checked field by field and refused whole when anything is off.
 */
import { namedError } from '../util/errors';
import { BOXES, type Card } from './schedule';
import { isTemplate, templateConcept, type TemplateId } from './questions';
import type { ConceptId } from '../formula/concepts';

export const PROGRESS_VERSION = 1;
/** The largest practice.json read (bytes). */
export const MAX_PROGRESS_BYTES = 64 * 1024;
/** Counters beyond this are refused (no real student answers a million questions of one kind). */
const MAX_COUNT = 1_000_000;

export class PracticeFileError extends namedError('PracticeFileError') {}

export interface PracticeProgress {
  version: typeof PROGRESS_VERSION;
  cards: Partial<Record<TemplateId, Card>>;
  /** Questions asked so far per template. */
  asked: Partial<Record<TemplateId, number>>;
}

export const emptyProgress = (): PracticeProgress => ({ version: PROGRESS_VERSION, cards: {}, asked: {} });

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_COUNT;
const isTime = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 8.64e15;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkCard(key: string, v: unknown): Card {
  if (!isRecord(v)) throw new PracticeFileError(`card "${key}" is not an object`);
  const { box, due, right, wrong, last } = v;
  if (!(Number.isInteger(box) && (box as number) >= 1 && (box as number) <= BOXES)) throw new PracticeFileError(`card "${key}": box must be 1..${BOXES}`);
  if (!isTime(due) || !isTime(last)) throw new PracticeFileError(`card "${key}": due and last must be times`);
  if (!isCount(right) || !isCount(wrong)) throw new PracticeFileError(`card "${key}": right and wrong must be counts`);
  return { box: box as number, due, right, wrong, last };
}

/** The progress in `raw` (parsed JSON), or a PracticeFileError saying what is wrong. */
export function parseProgress(raw: unknown): PracticeProgress {
  if (!isRecord(raw)) throw new PracticeFileError('it is not a JSON object');
  if (raw.version !== PROGRESS_VERSION) throw new PracticeFileError(`unknown version ${JSON.stringify(raw.version)?.slice(0, 20)}`);
  if (!isRecord(raw.cards) || !isRecord(raw.asked)) throw new PracticeFileError('cards and asked must be objects');
  const out = emptyProgress();
  for (const [k, v] of Object.entries(raw.cards)) {
    if (!isTemplate(k)) throw new PracticeFileError(`unknown question kind "${String(k).slice(0, 40)}"`);
    out.cards[k] = checkCard(k, v);
  }
  for (const [k, v] of Object.entries(raw.asked)) {
    if (!isTemplate(k)) throw new PracticeFileError(`unknown question kind "${String(k).slice(0, 40)}"`);
    if (!isCount(v)) throw new PracticeFileError(`asked "${k}" must be a count`);
    out.asked[k] = v;
  }
  return out;
}

export interface ConceptProgress {
  concept: ConceptId;
  right: number;
  wrong: number;
  /** Lowest box among its templates' cards (0: none answered yet). */
  box: number;
  due: boolean;
}

/** Progress per concept over `templates` (only those answered at least once). */
export function progressByConcept(p: PracticeProgress, now: number): ConceptProgress[] {
  const by = new Map<ConceptId, ConceptProgress>();
  for (const [t, card] of Object.entries(p.cards) as Array<[TemplateId, Card]>) {
    const c = templateConcept(t);
    const e = by.get(c) ?? { concept: c, right: 0, wrong: 0, box: BOXES, due: false };
    e.right += card.right;
    e.wrong += card.wrong;
    e.box = Math.min(e.box, card.box);
    e.due ||= card.due <= now;
    by.set(c, e);
  }
  return [...by.values()].sort((a, b) => a.concept.localeCompare(b.concept));
}
