/**
 * Word-vector queries answered in the training worker (the host never loads vectors): neighbours, analogies, 2D
 * maps, export and import. Loaded models are cached by folder and reloaded when model.json changes.
 */
import type { Handlers } from '../shared/rpc';
import type { ScoredWord, VectorsWorkerRequests } from '../shared/views/embeddings';
import type { Word2vecModel } from '../core/word2vec/model';
import { loadModel, saveModel } from '../core/word2vec/store';
import { WordVectors } from '../core/word2vec/vectors';
import { frequentRows } from '../core/word2vec/snapshot';
import { project2d } from '../core/word2vec/project';
import { exportVectors, importVectors } from '../core/word2vec/io';
import { modelStamp } from '../core/util/atomicWrite';
import { assertModelOut } from '../core/util/modelOut';

const cache = new Map<string, { mtimeMs: string; model: Word2vecModel; vectors: WordVectors }>();

function open(dir: string): { model: Word2vecModel; vectors: WordVectors } {
  const mtimeMs = modelStamp(dir);
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const model = loadModel(dir);
  const entry = { mtimeMs, model, vectors: new WordVectors(model) };
  cache.set(dir, entry);
  if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  return entry;
}

const round = (xs: ScoredWord[]) => xs.map((n) => ({ word: n.word, score: Math.round(n.score * 1e4) / 1e4 }));

/** The "vectors." requests. */
export const vectorsHandlers: Handlers<VectorsWorkerRequests> = {
  'vectors.neighbours': (p) => round(open(p.dir).vectors.neighbours(p.word, p.k)),
  'vectors.analogy': (p) => round(open(p.dir).vectors.analogy(p.a, p.b, p.c, p.k, p.method)),
  'vectors.map': (p) => {
    const { model } = open(p.dir);
    const { words, data } = frequentRows(model, p.top);
    const xy = project2d(data, words.length, model.dim, p.method, { seed: 1 });
    return { words, xy: Array.from(xy, (x) => Math.round(x * 1e5) / 1e5) };
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
