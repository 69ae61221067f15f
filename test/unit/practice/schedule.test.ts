/** The Leitner schedule, the order questions are asked in, the session's grading and the practice file's checks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOX_INTERVALS_MS, BOXES, type Card, isDue, practiceOrder, review } from '../../../src/core/practice/schedule';
import { emptyProgress, parseProgress, PracticeFileError, progressByConcept } from '../../../src/core/practice/progress';
import { PracticeAnswerError, PracticeSession } from '../../../src/core/practice/session';
import { numericQuestion } from '../../../src/core/practice/questions';

const DAY = 86_400_000;

test('review: right moves up one box (at most the last), wrong back to box 1; due after the box interval', () => {
  assert.deepEqual(BOX_INTERVALS_MS, [600_000, DAY, 3 * DAY, 7 * DAY, 21 * DAY]);
  let c: Card | undefined;
  let t = 1_000_000;
  const boxes: number[] = [];
  for (const right of [true, true, true, true, true, true, false, true]) {
    c = review(c, right, t);
    boxes.push(c.box);
    assert.equal(c.due - t, BOX_INTERVALS_MS[c.box - 1]);
    assert.equal(c.last, t);
    t = c.due;
  }
  assert.deepEqual(boxes, [2, 3, 4, 5, 5, 5, 1, 2]);
  assert.equal(c!.right, 7);
  assert.equal(c!.wrong, 1);
  assert.equal(BOXES, 5);
  assert.equal(review(undefined, false, 0).box, 1);
});

test('order: due first (most overdue first), then new in the given order, then the rest by due time', () => {
  const now = 10 * DAY;
  const cards: Record<string, Card> = {
    a: { box: 3, due: now + DAY, right: 2, wrong: 0, last: 0 },
    b: { box: 1, due: now - 5, right: 0, wrong: 1, last: 0 },
    c: { box: 2, due: now - DAY, right: 1, wrong: 1, last: 0 },
    e: { box: 4, due: now + 1, right: 3, wrong: 0, last: 0 },
  };
  assert.deepEqual(practiceOrder(['a', 'b', 'c', 'd', 'e', 'f'], cards, now), ['c', 'b', 'd', 'f', 'e', 'a']);
  assert.ok(isDue(cards.b, now) && !isDue(cards.a, now) && !isDue(undefined, now));
});

test('session: a wrong answer comes back first once due; a right one goes to box 2; unreadable input records nothing', () => {
  const s = new PracticeSession(['sigmoid', 'softmax'], emptyProgress());
  const t0 = 5 * DAY;
  const q1 = s.next(t0)!;
  assert.equal(q1.template, 'sigmoid');
  const unread = s.answerNumeric(q1.id, 'banana', t0);
  assert.ok('parseError' in unread);
  assert.equal(s.progress.cards.sigmoid, undefined, 'nothing recorded for an unreadable answer');
  const wrong = s.answerNumeric(q1.id, '42', t0);
  assert.ok(!('parseError' in wrong) && !wrong.correct && wrong.next === 'in 10 minutes');
  assert.throws(() => s.answerNumeric(q1.id, '0.5', t0), PracticeAnswerError, 'answered already');
  const q2 = s.next(t0)!;
  assert.equal(q2.template, 'softmax', 'the other kind next');
  const right = s.answerNumeric(q2.id, `(${(q2 as ReturnType<typeof numericQuestion>).answer.join(', ')})`, t0);
  assert.ok(!('parseError' in right) && right.correct && right.next === 'in 1 day');
  assert.equal(s.due(t0 + 11 * 60_000), 1, 'the wrong one is due after 10 minutes');
  const q3 = s.next(t0 + 11 * 60_000)!;
  assert.equal(q3.template, 'sigmoid', 'the due one first');
  assert.notEqual(q3.id, q1.id, 'with other numbers');
  assert.throws(() => s.answerNumeric(q1.id, '0.5', t0), /no longer open/);
  const rows = progressByConcept(s.progress, t0 + 11 * 60_000);
  assert.deepEqual(rows.map((r) => [r.concept, r.right, r.wrong, r.box, r.due]), [['sigmoid', 0, 1, 1, true], ['softmax', 1, 0, 2, false]]);
});

test('session: skipping questions without answering goes through every kind', () => {
  const kinds = ['sigmoid', 'tanh', 'relu', 'xor-hidden0', 'mse'] as const;
  const s = new PracticeSession(kinds, emptyProgress());
  const seen = Array.from({ length: 10 }, () => s.next(0)!.template);
  assert.deepEqual(seen, [...kinds, ...kinds]);
});

test('session: a choice is graded by the run outcome, not by a stored key', () => {
  const s = new PracticeSession(['xor-hidden0'], emptyProgress());
  const q = s.next(0)!;
  assert.throws(() => s.answerChoice(q.id, 7, { template: 'xor-hidden0', runs: [], correct: 1 }, 0), /choose one of the 2/);
  const r = s.answerChoice(q.id, 0, { template: 'xor-hidden0', runs: [{ hidden: 0, accuracy: 1, loss: 0.1, steps: 10 }], correct: 0 }, 0);
  assert.ok(r.correct, 'the run said choice 0');
});

test('practice.json: a valid file round-trips; crafted ones are refused with a reason', () => {
  const s = new PracticeSession(['sigmoid'], emptyProgress());
  s.answerNumeric(s.next(DAY)!.id, '0', DAY);
  assert.deepEqual(parseProgress(JSON.parse(JSON.stringify(s.progress))), s.progress);
  const good = JSON.parse(JSON.stringify(s.progress));
  const crafted: Array<[unknown, RegExp]> = [
    [null, /not a JSON object/],
    [[], /not a JSON object/],
    [{ ...good, version: 2 }, /unknown version/],
    [{ ...good, cards: [] }, /must be objects/],
    [{ ...good, cards: { __proto__x: good.cards.sigmoid } }, /unknown question kind/],
    [{ ...good, cards: { sigmoid: { ...good.cards.sigmoid, box: 9 } } }, /box must be 1..5/],
    [{ ...good, cards: { sigmoid: { ...good.cards.sigmoid, due: 'soon' } } }, /due and last/],
    [{ ...good, cards: { sigmoid: { ...good.cards.sigmoid, right: -1 } } }, /counts/],
    [{ ...good, asked: { sigmoid: 1e12 } }, /must be a count/],
  ];
  for (const [raw, re] of crafted) assert.throws(() => parseProgress(raw), (e: Error) => e instanceof PracticeFileError && re.test(e.message), JSON.stringify(raw)?.slice(0, 80));
});
