/**
 * The runs behind the "what happens if…" questions. Each trains the project's own engine (the XOR playground's MLP,
 * the word2vec trainer) and returns its numbers and which choice of the question they make right.
 */
import { playgroundFromParams } from '../xor/playground';
import { PLAYGROUND_PARAMS } from '../xor/params';
import { defaults } from '../params';
import { tokenizeSentences } from '../corpus/tokenize';
import { trainWord2vec } from '../word2vec/train';
import { WordVectors } from '../word2vec/vectors';
import { namedError } from '../util/errors';
import { XOR_STEPS } from './questions';

export class PracticeRunError extends namedError('PracticeRunError') {}

export interface XorOutcome {
  template: 'xor-hidden0';
  /** The run with 0 hidden units, and a run with 4 beside it. */
  runs: Array<{ hidden: number; accuracy: number; loss: number; steps: number }>;
  /** The index of the right choice, by the 0-hidden run's accuracy. */
  correct: number;
}

export interface WindowOutcome {
  template: 'window-neighbours';
  word: string;
  runs: Array<{ window: number; neighbours: Array<{ word: string; similarity: number }> }>;
  shared: string[];
  correct: number;
  tokens: number;
}

export type PracticeOutcome = XorOutcome | WindowOutcome;

/** Train the XOR MLP with 0 and with 4 hidden units (same seed) for XOR_STEPS full-batch updates. */
export function runXorHidden0(seed = 1): XorOutcome {
  const runs = [0, 4].map((hidden) => {
    const pg = playgroundFromParams({ ...defaults(PLAYGROUND_PARAMS), dataset: 'xor', hidden, seed });
    pg.run(XOR_STEPS);
    const s = pg.snapshot(2);
    return { hidden, accuracy: s.accuracy, loss: s.loss, steps: s.step };
  });
  return { template: 'xor-hidden0', runs, correct: runs[0].accuracy >= 1 ? 0 : 1 };
}

/** Words never asked about: too common to have telling neighbours. */
const STOP = new Set('the and for that with this from are was were which when where what have has had into than then them they their there these those each such also over under only more most some many much very will would could should about after before other between because being both does done just like make made same using used while your you our not but can its his her how all any may one two three'.split(' '));

/** The most frequent word of the text worth asking about (4+ letters, not a stop word), or undefined. */
export function pickWord(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const s of tokenizeSentences(text)) for (const w of s) if (w.length >= 4 && /^\p{L}+$/u.test(w) && !STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && best !== undefined && w < best)) [best, n] = [w, c];
  return n >= 3 ? best : undefined;
}

/** Most words of notes one window question trains on. */
export const MAX_WINDOW_TOKENS = 200_000;

/** word2vec (skip-gram, negative sampling) on `text` with window 1 and window 10; the 5 nearest of `word` in each. */
export async function runWindowNeighbours(text: string, word: string, signal: AbortSignal = new AbortController().signal): Promise<WindowOutcome> {
  const sentences = tokenizeSentences(text);
  const tokens = sentences.reduce((a, s) => a + s.length, 0);
  if (tokens > MAX_WINDOW_TOKENS) throw new PracticeRunError(`the notes have ${tokens} words; this question trains on at most ${MAX_WINDOW_TOKENS}`);
  if (!sentences.some((s) => s.includes(word))) throw new PracticeRunError(`"${word}" is not in the notes`);
  const runs: WindowOutcome['runs'] = [];
  for (const window of [1, 10]) {
    const model = await trainWord2vec({ window, dim: 32, minCount: 2, epochs: 15, negative: 5, sample: 0, seed: 1, threads: 1 }, sentences, { signal, onProgress: () => undefined }, { snapshotWords: 0 });
    runs.push({ window, neighbours: new WordVectors(model).neighbours(word, 5).map((n) => ({ word: n.word, similarity: n.score })) });
  }
  const second = new Set(runs[1].neighbours.map((n) => n.word));
  const shared = runs[0].neighbours.map((n) => n.word).filter((w) => second.has(w));
  return { template: 'window-neighbours', word, runs, shared, tokens, correct: shared.length === 5 ? 0 : shared.length > 0 ? 1 : 2 };
}
