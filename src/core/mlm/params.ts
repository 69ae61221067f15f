import { batchSpec, levelSpec, lrSpec, type ParamSpec, seedSpec, stepsSpec } from '../params';
import { transformerShapeSpecs, wordVocabSpecs } from '../attention/params';

/**
 * Hyperparameters of the masked language model (a small bidirectional Transformer trained as BERT is). Pure data
 * (no tfjs): the extension host imports it for the sidebar form; the CLI turns it into flags.
 */
export const MLM_PARAMS = [
  levelSpec(),
  ...transformerShapeSpecs('bidirectional self-attention', { layers: 2, heads: 2, ffn: 128, seq: 32 }, 'Tokens the model sees at once, on both sides of a blank'),
  batchSpec('Sequences per training step', 32, 512),
  lrSpec('Adam step size', 0.003),
  { kind: 'float', name: 'maskRate', label: 'Masked fraction', description: 'Fraction of positions chosen per sequence (BERT: 0.15); of those 80% become [MASK], 10% a random token, 10% stay', default: 0.15, min: 0.01, max: 0.5 },
  stepsSpec('Training steps (0: train for the time budget)', 0, 0, 10_000_000),
  { kind: 'float', name: 'timeBudget', label: 'Time budget (s)', description: 'Train for this many seconds; applies only when steps is 0', default: 60, min: 0, max: 86_400, exclusiveMin: true },
  ...wordVocabSpecs(),
  seedSpec('Seed of initialisation, masking and batch order'),
] as const satisfies readonly ParamSpec[];
