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

/** The most words a map shows (PCA), and the most UMAP and t-SNE project. */
export const MAP_MAX_WORDS = 20_000;
export const PROJECT_MAX_WORDS = 10_000;

/** A word-vector model's 2D map for the Embeddings view. */
export interface EmbeddingsPanelData {
  /** Model folder name, for the header. */
  name: string;
  /** The words, most frequent first. */
  words: string[];
  /** [x0, y0, x1, y1, ...], same order as words. */
  xy: Float32Array;
  method: ProjectionMethod;
  /** A snapshot of a run still training (its neighbours are not queryable yet). */
  live?: boolean;
  /** Words to highlight (a search or a neighbours query), with their cosine to `focus`. */
  focus?: string;
  neighbours?: ScoredWord[];
}

/** Where a projection is: `phase` and `done` of `total` steps in it. */
export interface ProjectionProgress {
  phase: 'neighbours' | 'optimising' | 'done';
  done: number;
  total: number;
}

/**
 * A word's neighbourhood on the map: the k words nearest to it by cosine in the vectors' own space (not on the
 * map), as rows of the map's word list, best first.
 */
export interface MapNeighbourhood {
  word: string;
  /** The word's own row on the map. */
  focus: number;
  index: Int32Array;
  score: Float32Array;
}

/** Requests the Embeddings view makes of the host, by method (about the model on show). */
export interface EmbeddingsPanelRequests {
  /** Nearest neighbours of a word in the whole vocabulary (for a word not on the map). */
  'embeddings.neighbours': { params: { word: string; k: number }; result: ScoredWord[] };
  /** The k nearest words of a word among the map's words. */
  'embeddings.isolate': { params: { word: string; k: number }; result: MapNeighbourhood };
  /** Re-project the model (as long as the projection takes; the view asks for progress meanwhile). */
  'embeddings.project': { params: { method: ProjectionMethod }; result: EmbeddingsPanelData };
  /** How far the running projection is (null when none runs). */
  'embeddings.progress': { params: Record<string, never>; result: ProjectionProgress | null };
  /** Stop the running projection (true when one was running). */
  'embeddings.cancel': { params: Record<string, never>; result: boolean };
}

/** Requests the host makes of the training worker about saved word vectors, by method. */
export interface VectorsWorkerRequests {
  'vectors.neighbours': { params: { dir: string; word: string; k: number }; result: ScoredWord[] };
  'vectors.analogy': { params: { dir: string; a: string; b: string; c: string; k: number; method: '3cosadd' | '3cosmul' }; result: ScoredWord[] };
  /** The `top` most frequent words projected; `id` names the projection for progress and cancel. */
  'vectors.map': { params: { dir: string; method: ProjectionMethod; top: number; id?: number }; result: { words: string[]; xy: Float32Array } };
  'vectors.mapProgress': { params: { id: number }; result: ProjectionProgress | null };
  'vectors.mapCancel': { params: { id: number }; result: boolean };
  /** A word's k nearest among the `top` most frequent words. */
  'vectors.mapNeighbours': { params: { dir: string; word: string; k: number; top: number }; result: MapNeighbourhood };
  'vectors.export': { params: { dir: string; format: 'word2vec' | 'word2vec-binary' | 'projector'; out: string }; result: string[] };
  'vectors.import': { params: { file: string; out: string }; result: { words: number; dim: number } };
}
