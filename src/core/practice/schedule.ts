/**
 * Spaced repetition with Leitner boxes. Every question template (a kind of question about one concept) is a card in
 * a box 1..5 (a new card counts as box 1). A right answer moves it up one box, a wrong one back to box 1; it is next due after its
 * box's interval: box 1 — 10 minutes, 2 — 1 day, 3 — 3 days, 4 — 7 days, 5 — 21 days. Due cards come first (the
 * longest overdue first), then cards never seen, then the rest by how soon they fall due.
 */

export const BOX_INTERVALS_MS = [10 * 60_000, 86_400_000, 3 * 86_400_000, 7 * 86_400_000, 21 * 86_400_000] as const;
export const BOXES = BOX_INTERVALS_MS.length;

export interface Card {
  /** 1..BOXES */
  box: number;
  /** When the card is next due (ms since the epoch). */
  due: number;
  right: number;
  wrong: number;
  /** When it was last answered (ms since the epoch). */
  last: number;
}

/** The card after an answer at time `now`. A card never answered is `undefined`. */
export function review(card: Card | undefined, correct: boolean, now: number): Card {
  const box = correct ? Math.min(BOXES, (card?.box ?? 1) + 1) : 1;
  return {
    box,
    due: now + BOX_INTERVALS_MS[box - 1],
    right: (card?.right ?? 0) + (correct ? 1 : 0),
    wrong: (card?.wrong ?? 0) + (correct ? 0 : 1),
    last: now,
  };
}

export const isDue = (card: Card | undefined, now: number): boolean => card !== undefined && card.due <= now;

/**
 * `keys` in the order to practise them: due first (most overdue first), then new ones (by `newRank`, by default the
 * given order), then the rest by due time.
 */
export function practiceOrder<K extends string>(keys: readonly K[], cards: Readonly<Partial<Record<K, Card>>>, now: number, newRank: (k: K) => number = (k) => keys.indexOf(k)): K[] {
  const rank = (k: K): [number, number] => {
    const c = cards[k];
    if (!c) return [1, newRank(k)];
    return c.due <= now ? [0, c.due] : [2, c.due];
  };
  return [...keys].sort((a, b) => {
    const [ra, ta] = rank(a);
    const [rb, tb] = rank(b);
    return ra - rb || ta - tb;
  });
}
