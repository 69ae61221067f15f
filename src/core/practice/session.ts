/**
 * One practice session over the question kinds (templates) of a note or a course: which question comes next (due
 * ones first, by the Leitner schedule), grading an answer, and the progress it updates. Pure: the extension keeps
 * the session, runs the experiments in the training worker and stores the progress.
 */
import { CATALOG } from '../formula/catalog';
import { fmt, vec } from '../formula/examples';
import { parseAnswer } from './parse';
import type { PracticeOutcome } from './experiments';
import { type PracticeProgress } from './progress';
import { BOX_INTERVALS_MS, isDue, practiceOrder, review } from './schedule';
import { choiceQuestion, gradeNumeric, isNumericTemplate, numericQuestion, type Question, type TemplateId } from './questions';

/** The grade of an answer, with the worked solution (numeric) or the run's numbers (experiment). */
export interface PracticeResult {
  id: string;
  correct: boolean;
  given: string;
  expected: string;
  solution: string[];
  outcome?: PracticeOutcome;
  /** When the question kind is next due, in words. */
  next: string;
}

export class PracticeAnswerError extends Error {}

/** "in 10 minutes", "in 3 days". */
export function inWords(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 120) return `in ${min} minute${min === 1 ? '' : 's'}`;
  const days = Math.round(ms / 86_400_000);
  return days >= 1 ? `in ${days} day${days === 1 ? '' : 's'}` : `in ${Math.round(min / 60)} hours`;
}

/** The run's numbers in words (what the student sees after answering an experiment question). */
export function outcomeLines(o: PracticeOutcome): string[] {
  if (o.template === 'xor-hidden0') {
    return o.runs.map((r) => `${r.hidden} hidden unit${r.hidden === 1 ? '' : 's'}: accuracy ${fmt(r.accuracy)} (${Math.round(r.accuracy * 4)} of 4 points), loss ${fmt(r.loss)} after ${r.steps} updates`).concat(
      'A single line (no hidden layer) cannot put (0,1) and (1,0) on one side and (0,0) and (1,1) on the other; a hidden layer bends the boundary.',
    );
  }
  return [
    ...o.runs.map((r) => `window ${r.window}: ${r.neighbours.map((n) => `${n.word} (${fmt(n.similarity)})`).join(', ')}`),
    `shared: ${o.shared.length ? o.shared.join(', ') : 'none'} (${o.shared.length} of 5), trained on ${o.tokens} words of your notes`,
    'A small window makes words neighbours when they fill the same slot (syntax); a wide one when they share a topic.',
  ];
}

export class PracticeSession {
  current: Question | null = null;
  private answered = false;

  constructor(
    readonly templates: readonly TemplateId[],
    public progress: PracticeProgress,
    /** The word of the notes the window question asks about (no window question without one). */
    private readonly word?: string,
  ) {}

  /** Question kinds of the session due now. */
  due(now: number): number {
    return this.templates.filter((t) => isDue(this.progress.cards[t], now)).length;
  }

  /** The next question: due kinds first, then new ones, then the soonest due; its numbers vary with each asking. */
  next(now: number): Question | null {
    const kinds = this.templates.filter((t) => t !== 'window-neighbours' || this.word);
    // new kinds skipped without an answer go behind the ones not asked yet
    const order = practiceOrder(kinds, this.progress.cards, now, (t) => (this.progress.asked[t] ?? 0) * kinds.length + kinds.indexOf(t));
    // the question just answered goes last unless it is the only one
    const t = order.find((x) => !this.current || x !== this.current.template || order.length === 1);
    if (!t) return (this.current = null);
    const asked = this.progress.asked[t] ?? 0;
    this.progress.asked[t] = asked + 1;
    this.current = isNumericTemplate(t) ? numericQuestion(t, asked + 1) : choiceQuestion(t, this.word);
    this.answered = false;
    return this.current;
  }

  /** The open question with this id; throws when it is not open (another question, or already answered). */
  open(id: unknown): Question {
    if (!this.current || id !== this.current.id) throw new PracticeAnswerError('that question is no longer open; ask for the next one');
    if (this.answered) throw new PracticeAnswerError('that question was answered already; ask for the next one');
    return this.current;
  }

  private record(q: Question, correct: boolean, now: number): string {
    const card = review(this.progress.cards[q.template], correct, now);
    this.progress.cards[q.template] = card;
    this.answered = true;
    return inWords(BOX_INTERVALS_MS[card.box - 1]);
  }

  /** Grade a typed answer to the open numeric question: the result, or the message when it cannot be read (nothing recorded). */
  answerNumeric(id: unknown, text: unknown, now: number): PracticeResult | { parseError: string } {
    const q = this.open(id);
    if (q.kind !== 'numeric') throw new PracticeAnswerError('this question takes one of its choices');
    const parsed = parseAnswer(text, q.answer.length);
    if (!parsed.ok) return { parseError: parsed.message };
    const correct = gradeNumeric(q, parsed.value);
    const show = (v: number[]) => (v.length === 1 ? fmt(v[0]) : vec(v));
    return { id: q.id, correct, given: show(parsed.value), expected: show(q.answer), solution: q.solution, next: this.record(q, correct, now) };
  }

  /** The choice index, checked against the open experiment question. */
  checkChoice(id: unknown, choice: unknown): { question: Extract<Question, { kind: 'experiment' }>; choice: number } {
    const q = this.open(id);
    if (q.kind !== 'experiment') throw new PracticeAnswerError('this question takes a number');
    if (!Number.isInteger(choice) || (choice as number) < 0 || (choice as number) >= q.choices.length) throw new PracticeAnswerError(`choose one of the ${q.choices.length} answers`);
    return { question: q, choice: choice as number };
  }

  /** Grade a choice by the run's outcome (the run decides which choice is right). */
  answerChoice(id: unknown, choice: unknown, outcome: PracticeOutcome, now: number): PracticeResult {
    const { question: q, choice: c } = this.checkChoice(id, choice);
    const correct = c === outcome.correct;
    return { id: q.id, correct, given: q.choices[c], expected: q.choices[outcome.correct], solution: outcomeLines(outcome), outcome, next: this.record(q, correct, now) };
  }
}

export const conceptTitle = (q: Question): string => CATALOG[q.concept].title;
