/**
 * Training entry point: `trainWord2vec(params, corpus, ctx)`. Builds the vocabulary and tables, lays them out in
 * one shared WebAssembly memory, trains on the calling thread (plus `threads − 1` helper worker_threads on the same
 * memory), reports progress a few times a second, and stops within a slice (< 0.1 s) when ctx.signal aborts.
 */
import { Worker } from 'node:worker_threads';
import { tokenizeSentences, type TokenizeOptions } from '../corpus/tokenize';
import { validateParams, ValidationError } from '../params';
import type { ProgressExtras, TrainContext } from '../training';
import { requireDistFile } from '../util/distFile';
import { Rng } from '../util/rng';
import { huffmanTree } from './huffman';
import { allocMemory, instantiateKernel, kernelModule, MAX_SENTENCE, planLayout, views, writeTree } from './kernel';
import type { Word2vecModel } from './model';
import { WORD2VEC_PARAMS, type Word2vecParams } from './params';
import { type ShareConfig, trainShare } from './share';
import { embeddingSnapshot } from './snapshot';
import { aliasTable, buildVocab, encodeCorpus, keepThresholds } from './vocab';

export const THREAD_FILE = 'w2v-thread.js';
const REPORT_MS = 250;

export interface TrainOptions extends TokenizeOptions {
  /** Words in the embedding snapshot sent with each epoch's progress (0: none). Default 300. */
  snapshotWords?: number;
}

/**
 * Validate raw parameter values (from a form, the CLI or a message) into Word2vecParams. With hs on, an unset
 * negative means 0; hs with negative > 0 is refused (one output layer at a time).
 */
export function word2vecParams(raw: unknown): Word2vecParams {
  const p = validateParams(WORD2VEC_PARAMS, raw);
  if (p.hs && (raw as { negative?: unknown }).negative === undefined) p.negative = 0;
  if (p.hs && p.negative > 0) {
    throw new ValidationError(`hierarchical softmax (hs) replaces negative sampling: set Negatives (negative) to 0, got ${p.negative}`, 'negative');
  }
  return p;
}

/**
 * Train word vectors. `corpus` is sentences of tokens, or raw text (tokenized with the note tokenizer).
 * Resolves to the model; when stopped, to the model as far as it got (stats.stopped = true).
 */
export async function trainWord2vec(rawParams: Partial<Word2vecParams>, corpus: readonly (readonly string[])[] | string, ctx: TrainContext, opts: TrainOptions = {}): Promise<Word2vecModel> {
  const p = word2vecParams(rawParams);
  const sentences = typeof corpus === 'string' ? tokenizeSentences(corpus, opts) : corpus;
  const vocab = buildVocab(sentences, p.minCount);
  const { ids, offsets } = encodeCorpus(sentences, vocab, MAX_SENTENCE - 2 * p.window);
  const V = vocab.words.length;
  const tree = p.hs ? huffmanTree(vocab.counts) : undefined;
  const layout = planLayout({ vocab: V, dim: p.dim, threads: p.threads, epochs: p.epochs, tokens: ids.length, sentences: offsets.length - 1, pathSteps: tree?.pathNodes.length });
  const memory = allocMemory(layout);
  const v = views(memory, layout);
  if (tree) writeTree(v, tree);
  const rng = new Rng(p.seed);
  for (let w = 0; w < V; w++) {
    const row = w * v.rowFloats;
    for (let j = 0; j < p.dim; j++) v.syn0[row + j] = (rng.next() - 0.5) / p.dim;
  }
  const noise = aliasTable(vocab.counts);
  v.aliasProb.set(noise.prob);
  v.aliasIdx.set(noise.alias);
  v.keep.set(keepThresholds(vocab.counts, p.sample, vocab.retainedTokens));
  v.ids.set(ids);
  v.offsets.set(offsets);

  const module = kernelModule();
  const kernelCfg = { negative: p.negative, window: p.window, cbow: p.arch === 'cbow', hs: p.hs, seed: p.seed };
  const share: ShareConfig = { lr: p.lr, minLr: Math.min(p.minLr, p.lr), totalWords: ids.length * p.epochs };
  const k = instantiateKernel(module, memory, layout, 0, kernelCfg);

  const threadFile = p.threads > 1 ? requireDistFile(THREAD_FILE, 'the word2vec helper thread') : '';
  const t0 = performance.now();
  const helpers = Array.from({ length: p.threads - 1 }, (_, i) => {
    const w = new Worker(threadFile, { workerData: { module, memory, layout, thread: i + 1, kernel: kernelCfg, share } });
    return new Promise<void>((resolve, reject) => {
      w.once('message', (m: { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve()));
      w.once('error', reject);
      w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`training thread exited with code ${code}`))));
    }).finally(() => void w.terminate());
  });
  const stop = () => Atomics.store(v.stop, 0, 1);
  ctx.signal.addEventListener('abort', stop);
  if (ctx.signal.aborted) stop();

  const epochLoss = (e: number) => {
    let loss = 0;
    let pairs = 0;
    for (let t = 0; t < p.threads; t++) {
      loss += v.stats[(t * p.epochs + e) * 3];
      pairs += v.stats[(t * p.epochs + e) * 3 + 1];
    }
    return pairs > 0 ? loss / pairs : NaN;
  };
  const done = () => Number(Atomics.load(v.progress, 0));
  const epochOf = (words: number) => Math.min(p.epochs - 1, Math.floor(words / ids.length));
  let lastReport = 0;
  let lastEpoch = 0;
  const report = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastReport < REPORT_MS) return;
    lastReport = now;
    const words = done();
    const epoch = epochOf(words);
    const lr = Math.max(share.minLr, p.lr - (p.lr - share.minLr) * (words / share.totalWords));
    const update = {
      step: words,
      total: share.totalWords,
      // Just past an epoch boundary no chunk of the new epoch has finished yet: show the last epoch's loss.
      loss: Number.isNaN(epochLoss(epoch)) && epoch > 0 ? epochLoss(epoch - 1) : epochLoss(epoch),
      epoch: epoch + 1,
      metrics: { wordsPerSecond: words / Math.max(1e-9, (now - t0) / 1000), epoch: epoch + 1, lr },
      extra: undefined as ProgressExtras['word2vec'] | undefined,
    };
    if (epoch !== lastEpoch && (opts.snapshotWords ?? 300) > 0) {
      lastEpoch = epoch;
      update.extra = { snapshot: embeddingSnapshot(currentModel(), opts.snapshotWords ?? 300) };
    }
    ctx.onProgress(update);
  };
  const rows = (m: Float32Array, n: number) => {
    const out = new Float32Array(n * p.dim);
    for (let w = 0; w < n; w++) out.set(m.subarray(w * v.rowFloats, w * v.rowFloats + p.dim), w * p.dim);
    return out;
  };
  const currentModel = (withSyn1 = false): Word2vecModel => {
    const model: Word2vecModel = { words: vocab.words, counts: vocab.counts, dim: p.dim, vectors: rows(v.syn0, V), params: p, source: 'trained' };
    // Hierarchical softmax keeps the inner-node vectors (rows 0..V-2 of syn1), so the tree can be inspected.
    if (withSyn1 && p.hs) model.syn1 = rows(v.syn1, V - 1);
    return model;
  };

  // A helper that fails stops everyone (its error is rethrown below, after our own loop ends).
  const all = Promise.all(helpers);
  let helpersDone = false;
  all.then(() => (helpersDone = true), () => ((helpersDone = true), stop()));
  try {
    let lastYield = performance.now();
    for (const _ of trainShare(k, layout, v, 0, share)) {
      void _;
      const now = performance.now();
      if (now - lastYield > 30) {
        lastYield = now;
        await new Promise<void>((r) => setImmediate(r));
        report(false);
      }
    }
    // The queue is empty: keep reporting while the helpers finish their last chunks.
    while (!helpersDone) {
      await new Promise<void>((r) => setTimeout(r, 20));
      report(false);
    }
    await all;
  } catch (e) {
    stop();
    await Promise.allSettled(helpers);
    throw e;
  } finally {
    ctx.signal.removeEventListener('abort', stop);
  }
  const seconds = (performance.now() - t0) / 1000;
  report(true);
  const stopped = Atomics.load(v.stop, 0) !== 0;
  const words = done();
  const finishedEpochs = stopped ? Math.floor(words / ids.length) : p.epochs;
  const model = currentModel(true);
  model.stats = {
    rawTokens: vocab.rawTokens,
    tokens: ids.length,
    sentences: offsets.length - 1,
    threads: p.threads,
    seconds,
    wordsPerSecond: words / seconds,
    lossPerEpoch: Array.from({ length: finishedEpochs }, (_, e) => epochLoss(e)),
    stopped,
  };
  return model;
}
