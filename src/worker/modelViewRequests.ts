/**
 * Requests of the Distillation, Latent Space and HS Tree views, answered in the training worker from saved models:
 * the teacher's softened distributions, an autoencoder's latent snapshot, hierarchical-softmax paths.
 */
import type { Handlers } from '../shared/rpc';
import type { ModelViewWorkerRequests } from '../shared/views/models';
import { softenedAt } from '../core/distill/inspect';
import { loadLstm } from '../core/lstm/engine';
import { loadAutoencoder } from '../core/vae/store';
import { latentSnapshot } from '../core/vae/snapshot';
import { HuffmanError, hsExampleWords, hsPathProbabilities } from '../core/word2vec/huffman';
import { loadModel } from '../core/word2vec/store';

export const modelViewHandlers: Handlers<ModelViewWorkerRequests> = {
  'teacher.soften': (p) => softenedAt(loadLstm(p.dir), p.text, p.position),
  'vae.snapshot': (p) => {
    const saved = loadAutoencoder(p.dir);
    return latentSnapshot(saved.model, saved.data, saved.history);
  },
  'hs.tree': (p) => {
    for (const dir of p.dirs) {
      const model = loadModel(dir);
      if (!model.params?.hs || !model.syn1) continue;
      const ex = hsExampleWords(model.words);
      return { ...hsPathProbabilities(model, p.context || ex.context, p.words.length ? p.words : ex.words), dir };
    }
    throw new HuffmanError('no saved word2vec model was trained with hierarchical softmax: train one with "Hierarchical softmax" on in the Training view (or ml-study train sgns --hs)');
  },
};
