/**
 * One-click training setups: a name, the corpus and every parameter, so the palette and the Training view start
 * exactly the run described (pure data: the extension host imports it).
 */
import type { ParamValues } from '../params';

export interface TrainingPreset {
  title: string;
  /** A corpus id of the extension's corpus picker ('brown', 'notes'). */
  corpus: 'brown' | 'notes';
  params: ParamValues;
}

/**
 * A word-level causal Transformer on the Brown corpus for three minutes of wall time: 2 layers of 4 heads (enough
 * heads for previous-token and sentence-start patterns to form), a 10,000-word vocabulary, trained with the sampled
 * softmax (scored with the full one). A feed-forward width of 128 and 256 draws a batch make a step about half as
 * long as 256 and 512 do, so the three minutes train nearly twice the steps, to a lower held-out perplexity
 * (BENCHMARKS.md, `npm run bench:attention -- --heads`).
 */
export const BROWN_WORD_TRANSFORMER: TrainingPreset = {
  title: 'Train on Brown, word level (3 min)',
  corpus: 'brown',
  params: { level: 'word', layers: 2, heads: 4, dModel: 64, ffn: 128, seq: 32, batch: 32, lr: 0.005, warmup: 0, epochs: 0, steps: 0, timeBudget: 180, minCount: 2, maxVocab: 10000, softmax: 'sampled', samples: 256, threads: 1, seed: 1 },
};
