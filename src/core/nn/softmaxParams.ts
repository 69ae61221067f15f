/**
 * The language models' choice of training output layer (./sampledSoftmax.ts), as parameter specs. Pure data: the
 * extension host imports it (through the models' params) for the sidebar form.
 */

/** How the output layer trains: the full softmax, sampled, or sampled when the vocabulary is large. */
export type SoftmaxMode = 'auto' | 'full' | 'sampled';

/** `auto` samples above this many output classes (words); below it the full softmax is cheap. */
export const AUTO_SAMPLED_ABOVE = 2000;

/** The parameters both language models add to their specs: the training output layer and its sample size. */
export const softmaxSpecs = () =>
  [
    {
      kind: 'enum',
      name: 'softmax',
      label: 'Training softmax',
      description: `Output layer while training: full (exact), sampled (shared negatives drawn from unigram^0.75 with the log-Q correction; much faster for large vocabularies) or auto (sampled above ${AUTO_SAMPLED_ABOVE} tokens). Held-out perplexity always uses the full softmax`,
      default: 'auto',
      options: ['auto', 'full', 'sampled'],
    },
    { kind: 'int', name: 'samples', label: 'Sampled classes', description: 'Sampled softmax: classes drawn per batch (with replacement; shared by every position)', default: 512, min: 1, max: 100_000 },
  ] as const;

/** Whether a model with `vocab` output classes trains with the sampled softmax under `mode`. */
export function usesSampled(mode: string, vocab: number): boolean {
  return mode === 'sampled' || (mode === 'auto' && vocab > AUTO_SAMPLED_ABOVE);
}
