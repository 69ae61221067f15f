/**
 * Messages of the study panel's Embeddings view (the 2D map of a word-vector model) and the worker requests on
 * trained word vectors ("vectors." methods). Types only.
 */

/** A word and its cosine similarity to the word asked about. */
export interface ScoredWord {
  word: string;
  score: number;
}

export type ProjectionMethod = 'pca' | 'umap' | 'tsne';

/** A word-vector model's 2D map for the Embeddings view. */
export interface EmbeddingsPanelData {
  /** Model folder name, for the header. */
  name: string;
  words: string[];
  /** Flat [x0, y0, x1, y1, ...], same order as words. */
  xy: number[];
  method: ProjectionMethod;
  /** Words to highlight (a search or a neighbours query), with their cosine to `focus`. */
  focus?: string;
  neighbours?: ScoredWord[];
}

/** Requests the Embeddings view makes of the host, by method (about the model on show). */
export interface EmbeddingsPanelRequests {
  /** Nearest neighbours of a word. */
  'embeddings.neighbours': { params: { word: string; k: number }; result: ScoredWord[] };
  /** Re-project the model. */
  'embeddings.project': { params: { method: ProjectionMethod }; result: EmbeddingsPanelData };
}

/** Requests the host makes of the training worker about saved word vectors, by method. */
export interface VectorsWorkerRequests {
  'vectors.neighbours': { params: { dir: string; word: string; k: number }; result: ScoredWord[] };
  'vectors.analogy': { params: { dir: string; a: string; b: string; c: string; k: number; method: '3cosadd' | '3cosmul' }; result: ScoredWord[] };
  'vectors.map': { params: { dir: string; method: ProjectionMethod; top: number }; result: { words: string[]; xy: number[] } };
  'vectors.export': { params: { dir: string; format: 'word2vec' | 'word2vec-binary' | 'projector'; out: string }; result: string[] };
  'vectors.import': { params: { file: string; out: string }; result: { words: number; dim: number } };
}
