import { batchSpec, levelSpec, lrSpec, type ParamSpec, seedSpec, stepsSpec } from '../params';

/**
 * Hyperparameters of the masked language model (a small bidirectional Transformer trained as BERT is). Pure data
 * (no tfjs): the extension host imports it for the sidebar form; the CLI turns it into flags.
 */
export const MLM_PARAMS = [
  levelSpec(),
  { kind: 'int', name: 'layers', label: 'Layers', description: 'Transformer blocks (pre-LayerNorm bidirectional self-attention + feed-forward)', default: 2, min: 1, max: 2 },
  { kind: 'int', name: 'heads', label: 'Heads', description: 'Attention heads per layer; must divide the model width', default: 2, min: 1, max: 4 },
  { kind: 'int', name: 'dModel', label: 'Model width', description: 'd_model: width of token vectors (32–128)', default: 64, min: 32, max: 128 },
  { kind: 'int', name: 'ffn', label: 'Feed-forward width', description: 'Hidden units of the feed-forward sublayer', default: 128, min: 16, max: 1024 },
  { kind: 'int', name: 'seq', label: 'Context length', description: 'Tokens the model sees at once, on both sides of a blank', default: 32, min: 4, max: 256 },
  batchSpec('Sequences per training step', 32, 512),
  lrSpec('Adam step size', 0.003),
  { kind: 'float', name: 'maskRate', label: 'Masked fraction', description: 'Fraction of positions chosen per sequence (BERT: 0.15); of those 80% become [MASK], 10% a random token, 10% stay', default: 0.15, min: 0.01, max: 0.5 },
  stepsSpec('Training steps (0: train for the time budget)', 0, 0, 10_000_000),
  { kind: 'float', name: 'timeBudget', label: 'Time budget (s)', description: 'Train for this many seconds; applies only when steps is 0', default: 60, min: 0, max: 86_400, exclusiveMin: true },
  { kind: 'int', name: 'minCount', label: 'Minimum count (words)', description: 'Word level: words seen fewer times become <unk>', default: 2, min: 1, max: 1000 },
  { kind: 'int', name: 'maxVocab', label: 'Vocabulary limit (words)', description: 'Word level: keep at most this many most frequent words (the output layer is this wide)', default: 4000, min: 10, max: 20_000 },
  seedSpec('Seed of initialisation, masking and batch order'),
] as const satisfies readonly ParamSpec[];
