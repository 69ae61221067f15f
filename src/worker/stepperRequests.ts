/**
 * The word2vec stepper in the training worker (StepperWorkerRequests): one StepperSession (src/core/word2vec/
 * stepperFrame.ts, on the engine's Word2vecStepper) per id, a few at most, advanced on the host's request. Every
 * frame is computed here; the host only routes it to the panel.
 */
import type { Handlers } from '../shared/rpc';
import type { StepperWorkerRequests } from '../shared/views/w2vStep';
import { MAX_FRAME_STEPS, StepperSession } from '../core/word2vec/stepperFrame';

/** Sessions kept at once (the oldest goes first). */
const MAX_SESSIONS = 4;
/** Most characters of text a stepper is built on. */
export const MAX_STEPPER_TEXT = 4 * 1024 * 1024;

const sessions = new Map<string, StepperSession>();

function checkId(id: unknown): string {
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) throw new Error('stepper id must be 1–64 letters, digits, _ or -');
  return id;
}

function session(id: unknown): StepperSession {
  const s = sessions.get(checkId(id));
  // The message is matched by the host, which builds the stepper again (a fresh worker has none).
  if (!s) throw new Error(`no stepper ${String(id)} in this worker`);
  return s;
}

export const stepperHandlers: Handlers<StepperWorkerRequests> = {
  'stepper.create': (p) => {
    const id = checkId(p.id);
    if (typeof p.text !== 'string' || p.text.length > MAX_STEPPER_TEXT) throw new Error(`text must be a string of at most ${MAX_STEPPER_TEXT} characters`);
    const s = new StepperSession(p.params, p.text);
    sessions.delete(id);
    sessions.set(id, s);
    while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    return s.frame();
  },
  'stepper.step': (p) => {
    const s = session(p.id);
    if (p.steps !== 'epoch' && !(Number.isInteger(p.steps) && p.steps >= 1 && p.steps <= MAX_FRAME_STEPS)) throw new Error(`steps must be an integer 1..${MAX_FRAME_STEPS} or "epoch"`);
    return s.run(p.steps);
  },
  'stepper.watch': (p) => {
    if (typeof p.word !== 'string' || p.word.length > 100) throw new Error('word must be a string of at most 100 characters');
    return session(p.id).watch(p.word);
  },
  'stepper.dispose': (p) => {
    sessions.delete(checkId(p.id));
    return null;
  },
};
