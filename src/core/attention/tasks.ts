/**
 * Synthetic string tasks whose right alignment is known, for the encoder–decoder with attention.
 *   reverse "ab12" → "21ba"  (output step t should attend to input position n−1−t: the anti-diagonal)
 *   copy    "ab12" → "ab12"  (step t attends to position t: the diagonal)
 *   sort    "ba21" → "12ab"  (characters in code order, digits before letters; step t attends to a position
 *                             holding the character it writes)
 * No tfjs here.
 */
import { Rng } from '../util/rng';
import { SEQ2SEQ_ALPHABET, type Seq2seqTask } from './params';

export class TaskInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskInputError';
  }
}

export function taskTarget(task: Seq2seqTask, source: string): string {
  switch (task) {
    case 'reverse':
      return Array.from(source).reverse().join('');
    case 'copy':
      return source;
    case 'sort':
      return Array.from(source).sort().join('');
  }
}

/**
 * Is the largest attention weight of output step t (writing `target[t]`) on a right source position?
 * `argmax` is that source position.
 */
export function alignedAt(task: Seq2seqTask, source: string, target: string, t: number, argmax: number): boolean {
  const n = source.length;
  switch (task) {
    case 'reverse':
      return argmax === n - 1 - t;
    case 'copy':
      return argmax === t;
    case 'sort':
      return source[argmax] === target[t];
  }
}

/** A random string of `minLen`–`maxLen` symbols of the alphabet. */
export function randomString(rng: Rng, minLen: number, maxLen: number, alphabet = SEQ2SEQ_ALPHABET): string {
  const n = minLen + rng.int(maxLen - minLen + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

/** Check a user-typed input: only alphabet symbols, length 1..maxLen. Returns it unchanged or throws one clear sentence. */
export function checkTaskInput(text: string, maxLen: number, alphabet = SEQ2SEQ_ALPHABET): string {
  if (text.length === 0) throw new TaskInputError('the input is empty; type a few letters or digits');
  const bad = [...new Set(Array.from(text).filter((c) => !alphabet.includes(c)))];
  if (bad.length) {
    const shown = bad.slice(0, 5).map((c) => JSON.stringify(c)).join(', ');
    throw new TaskInputError(`unknown character${bad.length > 1 ? 's' : ''} ${shown}: the model knows only lowercase letters a–z and digits 0–9`);
  }
  if (text.length > maxLen) throw new TaskInputError(`the input has ${text.length} characters; this model was trained on at most ${maxLen}`);
  return text;
}
