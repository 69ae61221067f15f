/** A trained (or imported) word2vec model: the vocabulary, the input vectors, and how they were made. */
import type { Word2vecParams } from './params';

export interface TrainStats {
  /** Corpus tokens before min-count. */
  rawTokens: number;
  /** Tokens of vocabulary words (the words/s numerator, per epoch). */
  tokens: number;
  sentences: number;
  threads: number;
  /** Seconds spent in the training loop (not counting vocabulary building). */
  seconds: number;
  wordsPerSecond: number;
  /** Average loss per positive pair in each finished epoch. */
  lossPerEpoch: number[];
  stopped: boolean;
}

export interface Word2vecModel {
  words: string[];
  /** Corpus counts; 0 where unknown (imported vectors). */
  counts: number[];
  dim: number;
  /** words.length × dim, row-major. */
  vectors: Float32Array;
  /** Hierarchical softmax models: the inner-node vectors of the Huffman tree (huffman.ts), (words.length − 1) × dim. */
  syn1?: Float32Array;
  /** Absent for imported vectors. */
  params?: Word2vecParams;
  stats?: TrainStats;
  /** Where the vectors came from, e.g. "trained" or "imported from glove.txt". */
  source: string;
}
