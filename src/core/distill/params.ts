import { batchSpec, hiddenSpec, lrSpec, type ParamSpec, type ParamsOf, seedSpec, stepsSpec } from '../params';
import { DISTILL_PARAMS } from './loss';

/**
 * Hyperparameters of distillation training: the loss's temperature and α, and the student LSTM, which is trained
 * twice on the same batches — once against the teacher's soft targets plus the labels, once on the labels alone.
 * Pure data: the sidebar form, the CLI flags and the trainer's validation all come from it.
 */
export const DISTILL_TRAIN_PARAMS = [
  { ...DISTILL_PARAMS[0], kind: 'float', name: 'temperature', default: 2, min: 0, max: 100, exclusiveMin: true } as const,
  { ...DISTILL_PARAMS[1], kind: 'float', name: 'alpha', default: 0.3, min: 0, max: 1 } as const,
  { kind: 'int', name: 'embedding', label: 'Student embedding', description: 'Dimension of the student\'s token embeddings', default: 16, min: 1, max: 1024 },
  hiddenSpec('Units of the student\'s LSTM layer (smaller than the teacher\'s)', 32, 1, 1024),
  batchSpec('Sequences per step (the corpus is cut into this many streams)', 16, 512),
  { kind: 'int', name: 'seq', label: 'Sequence length', description: 'Time steps of truncated backpropagation through time', default: 32, min: 1, max: 1024 },
  lrSpec('Adam step size of both students', 0.003),
  { kind: 'float', name: 'clip', label: 'Gradient clip', description: 'Largest global gradient norm (0 = no clipping)', default: 5, min: 0, max: 1e6 },
  stepsSpec('Training steps of each student', 300, 1, 1_000_000),
  { kind: 'int', name: 'evalEvery', label: 'Evaluate every', description: 'Steps between held-out evaluations of both students', default: 25, min: 1, max: 1_000_000 },
  { kind: 'int', name: 'evalTokens', label: 'Held-out tokens', description: 'Held-out tokens scored at each evaluation (from the start of the held-out 10%)', default: 4096, min: 2, max: 10_000_000 },
  seedSpec('Seed of the students\' initialisation (both start from the same weights)'),
] as const satisfies readonly ParamSpec[];

export type DistillTrainParams = ParamsOf<typeof DISTILL_TRAIN_PARAMS>;
