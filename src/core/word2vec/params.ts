import { epochsSpec, lrSpec, type ParamsOf, type ParamSpec, seedSpec } from '../params';

/**
 * Hyperparameters of word2vec (skip-gram and CBOW, with negative sampling or hierarchical softmax). Pure data: the
 * extension host imports it to build the sidebar form, the CLI to build its flags. Defaults are word2vec's/gensim's.
 *
 * The output layer is one of the two: negative sampling (hs off, negative ≥ 1) or hierarchical softmax (hs on,
 * negative 0 — gensim's hs=1, negative=0). word2vecParams() turns an unset negative into 0 when hs is on and refuses
 * hs with negative > 0 (gensim would train both output layers side by side; this engine trains one).
 */
export const WORD2VEC_PARAMS = [
  { kind: 'enum', name: 'arch', label: 'Architecture', description: 'Skip-gram with negative sampling (predict each context word from the centre) or CBOW (predict the centre from the mean of its context)', default: 'sgns', options: ['sgns', 'cbow'] },
  { kind: 'int', name: 'dim', label: 'Dimensions', description: 'Length of each word vector', default: 100, min: 1, max: 1000 },
  { kind: 'int', name: 'window', label: 'Window', description: 'Largest distance between centre and context word; each centre draws a reduced window in 1..window', default: 5, min: 1, max: 50 },
  { kind: 'int', name: 'negative', label: 'Negatives', description: 'Noise words per positive pair, drawn from unigram^0.75 (0 with hierarchical softmax)', default: 5, min: 0, max: 63 },
  { kind: 'bool', name: 'hs', label: 'Hierarchical softmax', description: 'Predict each word along its path in a Huffman tree of the vocabulary instead of negative sampling (needs negative 0)', default: false },
  { kind: 'int', name: 'minCount', label: 'Min count', description: 'Ignore words seen fewer times than this', default: 5, min: 1, max: 1_000_000_000 },
  { kind: 'float', name: 'sample', label: 'Subsampling', description: 'Frequent-word subsampling threshold (0 keeps every token)', default: 1e-3, min: 0, max: 1 },
  epochsSpec('Passes over the corpus', 5, 1, 1000),
  lrSpec('Initial learning rate; it falls linearly to the minimum over training', 0.025),
  { kind: 'float', name: 'minLr', label: 'Minimum learning rate', description: 'Learning rate at the end of training', default: 0.0001, min: 0, max: 1 },
  { kind: 'int', name: 'threads', label: 'Threads', description: 'Training threads (more than 1 is faster but not reproducible)', default: 1, min: 1, max: 16 },
  seedSpec('Seed of initialisation and sampling; with 1 thread the same seed gives the same vectors'),
] as const satisfies readonly ParamSpec[];

/** Validated word2vec settings, typed from WORD2VEC_PARAMS. */
export type Word2vecParams = ParamsOf<typeof WORD2VEC_PARAMS>;

/** What a word2vec run trains, as a job card names it: the architecture and the output layer. */
export function word2vecKind(params: { arch?: unknown; hs?: unknown; negative?: unknown }): string {
  const arch = params.arch === 'cbow' ? 'CBOW' : 'skip-gram';
  return params.hs === true ? `${arch}, hierarchical softmax` : `${arch}, ${Number(params.negative ?? 0)} negative samples`;
}

/**
 * Settings of the word2vec stepper in the study panel (one update at a time on a few sentences): the objective, the
 * window, the negatives, small vectors that can be drawn, the learning rate, the passes and the seed. Every word
 * counts (min count 1) and nothing is subsampled, so each sentence gives the updates one can follow by hand.
 */
export const STEPPER_PARAMS = [
  { kind: 'enum', name: 'arch', label: 'Objective', description: 'Skip-gram with negative sampling (one centre → one context word per update) or CBOW (the mean of the context → the centre)', default: 'sgns', options: ['sgns', 'cbow'] },
  { kind: 'int', name: 'window', label: 'Window', description: 'Largest distance between centre and context word; each centre draws a reduced window in 1..window', default: 2, min: 1, max: 10 },
  { kind: 'int', name: 'negative', label: 'Negatives (k)', description: 'Noise words per update, drawn from unigram^0.75', default: 3, min: 1, max: 20 },
  { kind: 'int', name: 'dim', label: 'Dimensions', description: 'Length of each word vector (small, so every number can be shown)', default: 5, min: 2, max: 10 },
  lrSpec('Initial learning rate; it falls linearly to 0.0001 over the passes', 0.1),
  epochsSpec('Passes over the sentences', 5, 1, 100),
  seedSpec('Seed of initialisation and sampling; the same seed gives the same updates'),
] as const satisfies readonly ParamSpec[];

/** Validated stepper settings, typed from STEPPER_PARAMS. */
export type StepperParams = ParamsOf<typeof STEPPER_PARAMS>;

/** Settings of the 2D map (Embeddings view, `ml-study project`). Pure data, like WORD2VEC_PARAMS. */
export const PROJECTION_PARAMS = [
  { kind: 'enum', name: 'method', label: 'Projection', description: 'PCA (linear, fast), UMAP or t-SNE (non-linear neighbourhood maps)', default: 'pca', options: ['pca', 'umap', 'tsne'] },
  { kind: 'int', name: 'top', label: 'Words', description: 'How many of the most frequent words to place', default: 500, min: 3, max: 20000 },
  seedSpec('Seed of the UMAP/t-SNE layout; the same seed gives the same map'),
  { kind: 'int', name: 'nNeighbors', label: 'UMAP neighbours', description: 'Neighbours per point: small values keep local structure, large values global', default: 15, min: 2, max: 200 },
  { kind: 'float', name: 'minDist', label: 'UMAP min distance', description: 'How tightly UMAP may pack points', default: 0.1, min: 0, max: 1 },
  { kind: 'float', name: 'perplexity', label: 't-SNE perplexity', description: 'Effective number of neighbours of each point', default: 30, min: 2, max: 100 },
  { kind: 'float', name: 'learningRate', label: 't-SNE learning rate', description: 'Step size of the t-SNE optimisation', default: 10, min: 0, max: 1000, exclusiveMin: true },
  { kind: 'int', name: 'iterations', label: 't-SNE iterations', description: 'Optimisation steps of t-SNE', default: 500, min: 10, max: 10000 },
] as const satisfies readonly ParamSpec[];
