/**
 * Word-vector queries answered in the training worker (the host never loads vectors): neighbours, analogies, 2D
 * maps, export and import. Loaded models are cached by folder and reloaded when model.json changes.
 */
import type { WorkerRequests } from '../shared/protocol';
import type { Word2vecModel } from '../core/word2vec/model';
import { loadModel, saveModel } from '../core/word2vec/store';
import { WordVectors } from '../core/word2vec/vectors';
import { frequentRows } from '../core/word2vec/snapshot';
import { project2d } from '../core/word2vec/project';
import { exportVectors, importVectors } from '../core/word2vec/io';
import { modelStamp } from '../core/util/atomicWrite';
import { assertModelOut } from '../core/util/modelOut';

type P<M extends keyof WorkerRequests> = WorkerRequests[M]['params'];

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

const round = (xs: Array<{ word: string; score: number }>) => xs.map((n) => ({ word: n.word, score: Math.round(n.score * 1e4) / 1e4 }));

/** Answer a word-vector request, or return undefined when the method is not one of these. */
export function vectorRequest(method: string, params: unknown): unknown {
  switch (method) {
    case 'w2v.neighbours': {
      const p = params as P<'w2v.neighbours'>;
      return round(open(p.dir).vectors.neighbours(p.word, p.k));
    }
    case 'w2v.analogy': {
      const p = params as P<'w2v.analogy'>;
      return round(open(p.dir).vectors.analogy(p.a, p.b, p.c, p.k, p.method));
    }
    case 'w2v.map': {
      const p = params as P<'w2v.map'>;
      const { model } = open(p.dir);
      const { words, data } = frequentRows(model, p.top);
      const xy = project2d(data, words.length, model.dim, p.method, { seed: 1 });
      return { words, xy: Array.from(xy, (x) => Math.round(x * 1e5) / 1e5) };
    }
    case 'w2v.export': {
      const p = params as P<'w2v.export'>;
      return exportVectors(open(p.dir).model, p.format, p.out);
    }
    case 'w2v.import': {
      const p = params as P<'w2v.import'>;
      // replaces only earlier imported word vectors of the same name, never another model or a foreign folder
      assertModelOut(p.out, 'word2vec', { force: true });
      const model = importVectors(p.file);
      saveModel(p.out, model);
      return { words: model.words.length, dim: model.dim };
    }
    default:
      return undefined;
  }
}
