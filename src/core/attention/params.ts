import { softmaxSpecs } from '../nn/softmaxParams';
import { batchSpec, epochsSpec, hiddenSpec, levelSpec, lrSpec, type ParamSpec, seedSpec, stepsSpec } from '../params';

/**
 * Hyperparameters of the two attention models. Pure data (no tfjs): the extension host imports this file to build
 * the sidebar form; the CLI turns the same specs into flags.
 */

/**
 * The shape of a small Transformer (blocks, heads, width, feed-forward width, context), shared by the causal
 * language model and the masked one: `attention` names the blocks' attention, the numbers are the defaults.
 */
export const transformerShapeSpecs = (attention: string, d: { layers: number; heads: number; ffn: number; seq: number }, seqDescription: string) =>
  [
    { kind: 'int', name: 'layers', label: 'Layers', description: `Transformer blocks (pre-LayerNorm ${attention} + feed-forward)`, default: d.layers, min: 1, max: 2 },
    { kind: 'int', name: 'heads', label: 'Heads', description: 'Attention heads per layer; must divide the model width', default: d.heads, min: 1, max: 4 },
    { kind: 'int', name: 'dModel', label: 'Model width', description: 'd_model: width of token vectors (32–128)', default: 64, min: 32, max: 128 },
    { kind: 'int', name: 'ffn', label: 'Feed-forward width', description: 'Hidden units of the feed-forward sublayer', default: d.ffn, min: 16, max: 1024 },
    { kind: 'int', name: 'seq', label: 'Context length', description: seqDescription, default: d.seq, min: 4, max: 512 },
  ] as const;

/** Word level of a Transformer: the rare-word cut and the vocabulary limit. */
export const wordVocabSpecs = () =>
  [
    { kind: 'int', name: 'minCount', label: 'Minimum count (words)', description: 'Word level: words seen fewer times become <unk>', default: 2, min: 1, max: 1000 },
    { kind: 'int', name: 'maxVocab', label: 'Vocabulary limit (words)', description: 'Word level: keep at most this many most frequent words (the output layer is this wide)', default: 4000, min: 10, max: 20_000 },
  ] as const;

/** The causal Transformer language model (self-attention). */
export const TRANSFORMER_PARAMS = [
  levelSpec(),
  ...transformerShapeSpecs('self-attention', { layers: 1, heads: 1, ffn: 256, seq: 64 }, 'Tokens the model sees at once (the attention map is seq × seq)'),
  batchSpec('Sequences per training step', 32, 512),
  lrSpec('Adam step size', 0.003),
  { kind: 'int', name: 'warmup', label: 'Warm-up steps', description: 'The step size rises linearly to the learning rate over this many steps, then decays as 1/√step (0: a constant step size)', default: 0, min: 0, max: 1_000_000 },
  epochsSpec('Passes over the training text (0: use steps or the time budget)', 0, 0, 1000),
  stepsSpec('Training steps (0: use epochs or the time budget)', 0, 0, 10_000_000),
  { kind: 'float', name: 'timeBudget', label: 'Time budget (s)', description: 'Train for this many seconds; applies only when epochs and steps are both 0', default: 60, min: 0, max: 86_400, exclusiveMin: true },
  ...wordVocabSpecs(),
  ...softmaxSpecs(),
  { kind: 'int', name: 'threads', label: 'Threads', description: 'Threads per training step: 2 splits each batch over two cores (data parallelism; same batch, same gradient)', default: 1, min: 1, max: 2 },
  seedSpec('Seed of initialisation and batch order'),
] as const satisfies readonly ParamSpec[];

export const SEQ2SEQ_TASKS = ['reverse', 'sort', 'copy'] as const;

/** The encoder–decoder's attention scores of the notes: dot, general (multiplicative, Luong) and additive (Bahdanau). */
export const ATTENTION_SCORES = ['dot', 'general', 'additive'] as const;
export type AttentionScore = (typeof ATTENTION_SCORES)[number];
export type Seq2seqTask = (typeof SEQ2SEQ_TASKS)[number];

/** The symbols the seq2seq tasks use: lowercase letters and digits. */
export const SEQ2SEQ_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The RNN encoder–decoder with attention on a synthetic string task. */
export const SEQ2SEQ_PARAMS = [
  { kind: 'enum', name: 'task', label: 'Task', description: 'What the model learns to do with a string of letters and digits', default: 'reverse', options: SEQ2SEQ_TASKS },
  { kind: 'enum', name: 'attention', label: 'Attention score', description: 'dot: e_i = s_tᵀ h_i (as in the notes); general: e_i = s_tᵀ W h_i; additive (Bahdanau): e_i = vᵀ tanh(W h_i + U s_t)', default: 'dot', options: ATTENTION_SCORES },
  hiddenSpec('GRU units per encoder direction (the decoder has twice as many)', 64, 8, 256),
  { kind: 'int', name: 'minLen', label: 'Shortest input', description: 'Training strings are at least this long', default: 5, min: 1, max: 30 },
  { kind: 'int', name: 'maxLen', label: 'Longest input', description: 'Training strings are at most this long (also the longest input the model accepts)', default: 12, min: 2, max: 30 },
  batchSpec('Strings per training step', 64, 1024),
  lrSpec('Adam step size', 0.005),
  stepsSpec('Training steps (each on freshly generated strings)', 600, 1, 1_000_000),
  { kind: 'int', name: 'evalEvery', label: 'Probe every', description: 'Steps between snapshots of the alignment map and accuracy checks (on 50 fresh inputs)', default: 25, min: 1, max: 100_000 },
  seedSpec('Seed of initialisation and data'),
] as const satisfies readonly ParamSpec[];
