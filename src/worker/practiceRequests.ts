/**
 * The runs behind practice's "what happens if…" questions (PracticeWorkerRequests), in the training worker: the
 * engines of src/core/practice/experiments.ts, on arguments checked here.
 */
import type { Handlers } from '../shared/rpc';
import type { PracticeWorkerRequests } from '../shared/views/practice';
import { runWindowNeighbours, runXorHidden0 } from '../core/practice/experiments';

/** Most characters of notes one window question reads. */
const MAX_TEXT_CHARS = 4 * 1024 * 1024;

export const practiceHandlers: Handlers<PracticeWorkerRequests> = {
  'practice.run': async (p) => {
    if (p.template === 'xor-hidden0') return runXorHidden0();
    if (p.template !== 'window-neighbours') throw new Error(`unknown practice experiment ${JSON.stringify(String(p.template).slice(0, 40))}`);
    if (typeof p.text !== 'string' || p.text.length > MAX_TEXT_CHARS) throw new Error(`text must be a string of at most ${MAX_TEXT_CHARS} characters`);
    if (typeof p.word !== 'string' || !/^\p{L}{1,40}$/u.test(p.word)) throw new Error('word must be one word');
    return runWindowNeighbours(p.text, p.word);
  },
};
