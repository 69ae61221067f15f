/**
 * The word2vec stepper in the training worker (StepperWorkerRequests): one StepperSession (src/core/word2vec/
 * stepperFrame.ts, on the engine's Word2vecStepper) per id, a few at most, advanced on the host's request. Every
 * frame is computed here; the host only routes it to the panel.
 */
import type { Handlers } from '../shared/rpc';
import type { StepperWorkerRequests } from '../shared/views/w2vStep';
import { MAX_FRAME_STEPS, StepperSession } from '../core/word2vec/stepperFrame';
import { Sessions } from './sessions';

/** Most characters of text a stepper is built on. */
export const MAX_STEPPER_TEXT = 4 * 1024 * 1024;

const sessions = new Sessions<StepperSession>('stepper', 4);

export const stepperHandlers: Handlers<StepperWorkerRequests> = {
  'stepper.create': (p) => {
    const id = sessions.checkId(p.id);
    if (typeof p.text !== 'string' || p.text.length > MAX_STEPPER_TEXT) throw new Error(`text must be a string of at most ${MAX_STEPPER_TEXT} characters`);
    return sessions.set(id, new StepperSession(p.params, p.text)).frame();
  },
  'stepper.step': (p) => {
    const s = sessions.get(p.id);
    if (p.steps !== 'epoch' && !(Number.isInteger(p.steps) && p.steps >= 1 && p.steps <= MAX_FRAME_STEPS)) throw new Error(`steps must be an integer 1..${MAX_FRAME_STEPS} or "epoch"`);
    return s.run(p.steps);
  },
  'stepper.watch': (p) => {
    if (typeof p.word !== 'string' || p.word.length > 100) throw new Error('word must be a string of at most 100 characters');
    return sessions.get(p.id).watch(p.word);
  },
  'stepper.dispose': (p) => {
    sessions.delete(p.id);
    return null;
  },
};
