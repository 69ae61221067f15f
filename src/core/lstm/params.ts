import { softmaxSpecs } from '../nn/softmaxParams';
import { batchSpec, epochsSpec, hiddenSpec, levelSpec, lrSpec, type ParamSpec, seedSpec, stepsSpec } from '../params';

/**
 * Hyperparameters of the LSTM language model. Pure data (no tfjs): the extension host imports it for the sidebar
 * form; the CLI turns it into flags (--level, --embedding, ..., --time-budget); the trainer validates against it.
 * Run length: `steps` (default 2000) > 0 wins over `epochs`; `timeBudget` > 0 stops training after that many
 * seconds (with steps = 0 it is the only limit). A small notes file is many epochs in 2000 steps; Brown is about
 * 0.8 of an epoch (char level, batch 32 × 64).
 */
export const LSTM_PARAMS = [
  levelSpec(),
  { kind: 'enum', name: 'cell', label: 'Cell', description: 'The recurrent cell: LSTM (gates i, f, g, o and a cell state), GRU (reset and update gates, no cell state) or a plain tanh RNN', default: 'lstm', options: ['lstm', 'gru', 'rnn'] },
  { kind: 'int', name: 'embedding', label: 'Embedding size', description: 'Dimension of the token embeddings', default: 32, min: 1, max: 1024 },
  hiddenSpec('Units of each recurrent layer', 128, 1, 1024),
  { kind: 'int', name: 'layers', label: 'Layers', description: 'Stacked recurrent layers', default: 1, min: 1, max: 2 },
  batchSpec('Sequences trained in parallel (the corpus is cut into this many streams)', 32, 512),
  { kind: 'int', name: 'seq', label: 'Sequence length', description: 'Time steps of truncated backpropagation through time', default: 64, min: 1, max: 1024 },
  lrSpec('Adam step size', 0.003),
  { kind: 'float', name: 'dropout', label: 'Dropout', description: 'Dropout on the outputs of each LSTM layer during training (0 = none)', default: 0, min: 0, max: 0.9 },
  { kind: 'float', name: 'clip', label: 'Gradient clip', description: 'Largest global gradient norm (0 = no clipping)', default: 5, min: 0, max: 1e6 },
  stepsSpec('Training steps (0 = train for the given epochs, or until the time budget)', 2000, 0, 100_000_000),
  epochsSpec('Passes over the training text, when steps is 0 and there is no time budget', 1, 1, 10000),
  { kind: 'float', name: 'timeBudget', label: 'Time budget (s)', description: 'Stop after this many seconds of training (0 = no limit)', default: 0, min: 0, max: 7 * 24 * 3600 },
  { kind: 'int', name: 'evalEvery', label: 'Evaluate every', description: 'Steps between held-out evaluations and samples', default: 100, min: 1, max: 1_000_000 },
  { kind: 'int', name: 'checkpointEvery', label: 'Checkpoint every', description: 'Steps between checkpoints (one is always written at the end)', default: 500, min: 1, max: 100_000_000 },
  { kind: 'int', name: 'sampleLength', label: 'Sample length', description: 'Tokens in the samples shown during training', default: 120, min: 1, max: 2000 },
  { kind: 'int', name: 'evalTokens', label: 'Held-out tokens', description: 'Held-out tokens scored at each evaluation (from the start of the held-out 10%)', default: 65536, min: 2, max: 100_000_000 },
  { kind: 'int', name: 'minCount', label: 'Minimum word count', description: 'Word level: words seen fewer times become <unk>', default: 2, min: 1, max: 1000 },
  { kind: 'int', name: 'maxVocab', label: 'Maximum vocabulary', description: 'Word level: keep at most this many words (with the full softmax, the output layer over them dominates the step time)', default: 10000, min: 2, max: 200000 },
  ...softmaxSpecs(),
  seedSpec('Seed of the initialisation, dropout and samples; the same seed gives the same run'),
] as const satisfies readonly ParamSpec[];

/** Parameters that define the model and its data; a resumed run keeps the checkpoint's values of these. */
export const LSTM_ARCH_PARAMS = ['level', 'cell', 'embedding', 'hidden', 'layers', 'batch', 'seq', 'lr', 'dropout', 'clip', 'minCount', 'maxVocab', 'seed', 'evalTokens'] as const;
