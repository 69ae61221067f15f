/**
 * What every trainer in core shares: how it reports progress and how it is stopped. Trainers know nothing of
 * workers, VS Code or the CLI; the worker and the CLI pass a context and forward the updates.
 */
import type { EmbeddingSnapshot } from './word2vec/snapshot';
import type { TeacherForcingComparison } from './lm/types';
import type { DistillPoint } from './distill/train';
import type { LatentSnapshot } from './vae/snapshot';

/**
 * What a trainer attaches to a progress report for a view, per model kind (each kind's keys are its own, so a
 * payload tells its kind: `'snapshot' in extra`). Structured-cloneable: it crosses from the worker to the host.
 */
export interface ProgressExtras {
  /** The 2D map of the most frequent words, once an epoch. */
  word2vec: { snapshot: EmbeddingSnapshot };
  /** At each evaluation: a sample, and teacher forcing vs free running on a held-out snippet. */
  lstm: { sample?: string; teacherForcing?: TeacherForcingComparison };
  /** At each evaluation: the alignment of a fixed probe input. */
  /** At each evaluation: both students' held-out curves so far (with and without the teacher). */
  distill: { history: DistillPoint[]; teacherPerplexity: number; teacher?: string };
  /** After every epoch (when asked): the latent space, reconstructions, decodings across the plane and the ELBO terms. */
  autoencoder: { latent: LatentSnapshot };
  seq2seq: { alignment: { source: string[]; target: string[]; expected: string[]; attention: number[][] } };
}
export type ProgressExtra = ProgressExtras[keyof ProgressExtras];

/** One progress report from a trainer. `loss` is the training loss at `step`. */
export interface ProgressUpdate {
  step: number;
  /** Planned number of steps (0 when unknown, e.g. a time budget). */
  total: number;
  loss: number;
  epoch?: number;
  /** Named scalar measures at this step (accuracy, heldOutLoss, perplexity, wordsPerSecond, ...). */
  metrics?: Record<string, number>;
  /** A short human-readable line (e.g. a generated sample). */
  note?: string;
  /** Model-specific payload for a view (see ProgressExtras). */
  extra?: ProgressExtra;
}

export interface TrainContext {
  /** Aborted when the user stops the job; the trainer returns promptly (within 1 s) with what it has. */
  signal: AbortSignal;
  onProgress(update: ProgressUpdate): void;
  log?(message: string): void;
}

/** A trainer stopped by its signal throws this; callers report "stopped", not "failed". */
export class StoppedError extends Error {
  constructor() {
    super('stopped by the user');
    this.name = 'StoppedError';
  }
}

/**
 * Let the event loop run (so a "stop" message can arrive) when more than `everyMs` passed since the last yield.
 * Cheap enough to call every step.
 */
export function makeYielder(everyMs = 30): () => Promise<void> {
  let last = Date.now();
  return async () => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

/** Throw StoppedError when the signal is aborted. */
export function checkStopped(signal: AbortSignal): void {
  if (signal.aborted) throw new StoppedError();
}
