/**
 * Word-vector queries answered in the training worker (the host never loads vectors): neighbours, analogies, 2D
 * maps, export and import. Loaded models are cached by folder and reloaded when model.json changes.
 * A map's projection runs in slices (projectAsync), so while UMAP or t-SNE works the worker still answers
 * `vectors.mapProgress` and `vectors.mapCancel` about it, and other requests.
 */
import type { Handlers } from '../shared/rpc';
import type { ProjectionProgress, ScoredWord, VectorsWorkerRequests } from '../shared/views/embeddings';
import type { Word2vecModel } from '../core/word2vec/model';
import { loadModel, saveModel } from '../core/word2vec/store';
import { WordVectors } from '../core/word2vec/vectors';
import { frequentRows } from '../core/word2vec/snapshot';
import { projectAsync } from '../core/word2vec/project';
import { exportVectors, importVectors } from '../core/word2vec/io';
import { modelStamp } from '../core/util/atomicWrite';
import { assertModelOut } from '../core/util/modelOut';
import { MAP_MAX_WORDS, type ProjectionMethod } from '../shared/views/embeddings';

interface Loaded {
  mtimeMs: string;
  model: Word2vecModel;
  vectors: WordVectors;
  /** The most frequent words' vectors (a map's rows), built on the first map of this model. */
  mapRows?: { words: string[]; data: Float32Array; vectors: WordVectors };
}

const cache = new Map<string, Loaded>();

function open(dir: string): Loaded {
  const mtimeMs = modelStamp(dir);
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const model = loadModel(dir);
  const entry: Loaded = { mtimeMs, model, vectors: new WordVectors(model) };
  cache.set(dir, entry);
  if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  return entry;
}

/** The `top` most frequent words of a model, kept for the maps and neighbourhoods that follow. */
function mapRows(entry: Loaded, top: number): { words: string[]; data: Float32Array; vectors: WordVectors } {
  const n = Math.min(top, entry.model.words.length);
  if (!entry.mapRows || entry.mapRows.words.length < n) {
    const { words, data } = frequentRows(entry.model, Math.max(n, MAP_MAX_WORDS));
    entry.mapRows = { words, data, vectors: new WordVectors({ words, dim: entry.model.dim, vectors: data }) };
  }
  return entry.mapRows;
}

/** Projections under way, by the caller's id. */
const projections = new Map<number, { progress: ProjectionProgress; stop: AbortController }>();

async function map(p: { dir: string; method: ProjectionMethod; top: number; id?: number }): Promise<{ words: string[]; xy: Float32Array }> {
  const entry = open(p.dir);
  const rows = mapRows(entry, p.top);
  const n = Math.min(p.top, rows.words.length);
  const run = { progress: { phase: 'neighbours', done: 0, total: n } as ProjectionProgress, stop: new AbortController() };
  if (p.id !== undefined) projections.set(p.id, run);
  try {
    const xy = await projectAsync(rows.data, n, entry.model.dim, p.method, { seed: 1 }, { signal: run.stop.signal, onProgress: (q) => (run.progress = q) });
    return { words: rows.words.slice(0, n), xy: Float32Array.from(xy) };
  } finally {
    if (p.id !== undefined) projections.delete(p.id);
  }
}

const round = (xs: ScoredWord[]) => xs.map((n) => ({ word: n.word, score: Math.round(n.score * 1e4) / 1e4 }));

/** The "vectors." requests. */
export const vectorsHandlers: Handlers<VectorsWorkerRequests> = {
  'vectors.neighbours': (p) => round(open(p.dir).vectors.neighbours(p.word, p.k)),
  'vectors.analogy': (p) => round(open(p.dir).vectors.analogy(p.a, p.b, p.c, p.k, p.method)),
  'vectors.map': map,
  'vectors.mapProgress': (p) => projections.get(p.id)?.progress ?? null,
  'vectors.mapCancel': (p) => {
    const run = projections.get(p.id);
    run?.stop.abort();
    return run !== undefined;
  },
  'vectors.mapNeighbours': (p) => {
    const rows = mapRows(open(p.dir), p.top);
    const n = Math.min(p.top, rows.words.length);
    const focus = rows.vectors.id(p.word) ?? rows.vectors.id(p.word, true);
    if (focus === undefined || focus >= n) throw new Error(`“${p.word}” is not among the ${n} words on the map`);
    return { word: rows.words[focus], focus, ...rows.vectors.nearestRows(focus, p.k, n) };
  },
  'vectors.export': (p) => exportVectors(open(p.dir).model, p.format, p.out),
  'vectors.import': (p) => {
    // replaces only earlier imported word vectors of the same name, never another model or a foreign folder
    assertModelOut(p.out, 'word2vec', { force: true });
    const model = importVectors(p.file);
    saveModel(p.out, model);
    return { words: model.words.length, dim: model.dim };
  },
};
