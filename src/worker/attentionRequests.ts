/**
 * Attention queries answered in the training worker (AttentionWorkerRequests): the attention weights of a trained
 * model for a text. Loaded models are cached per folder (reloaded when model.json changes); an evicted or replaced
 * model's tfjs tensors are disposed.
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import { packAttention, type AttentionWorkerRequests } from '../shared/views/attention';
import { attentionFor, disposeAttentionModel, type LoadedAttentionModel } from '../core/attention';
import { loadAttentionModelSync } from '../core/attention/store';
import { loadTransformerCheckpoint } from '../core/attention/checkpoint';
import { initTf, tf } from '../core/tf/backend';
import { modelStamp } from '../core/util/atomicWrite';

/** How many models stay loaded (each holds its weights as tfjs tensors). */
const MAX_CACHED = 3;
/** Texts longer than this are refused (the Transformer reads at most its context length anyway). */
const MAX_TEXT = 20_000;

const cache = new Map<string, { mtimeMs: string; model: LoadedAttentionModel }>();
/** Loads in flight, so two requests for one folder load it once. */
const loading = new Map<string, Promise<LoadedAttentionModel>>();

function mtimeOf(dir: string): string {
  return modelStamp(dir);
}

function evict(dir: string): void {
  const hit = cache.get(dir);
  if (!hit) return;
  cache.delete(dir);
  disposeAttentionModel(hit.model);
}

/**
 * Load a model folder. Inside tf.tidy: the models' constructors build each weight as tf.variable(tf.tensor(…)) and
 * leave the temporary tensor behind (a second copy of every weight, never freed); tidy frees those and keeps the
 * variables, which tidy never disposes.
 */
async function load(dir: string): Promise<LoadedAttentionModel> {
  await initTf();
  let model: LoadedAttentionModel | undefined;
  tf.tidy(() => {
    model = loadAttentionModelSync(dir);
  });
  return model!;
}

/** A loaded attention model (Transformer, masked language model or seq2seq) for a folder, from the cache when current. */
export async function openAttentionModel(dir: string): Promise<LoadedAttentionModel> {
  const mtimeMs = mtimeOf(dir);
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === mtimeMs) {
    // Most recently used last.
    cache.delete(dir);
    cache.set(dir, hit);
    return hit.model;
  }
  evict(dir);
  const pending = loading.get(dir);
  if (pending) return pending;
  const p = load(dir).then((model) => {
    cache.set(dir, { mtimeMs, model });
    while (cache.size > MAX_CACHED) evict(cache.keys().next().value as string);
    return model;
  });
  loading.set(dir, p);
  try {
    return await p;
  } finally {
    loading.delete(dir);
  }
}

/** Check what arrives (the paths and lengths matter: a model folder is read, a text is run through the model). */
export function checkDirText(p: { dir: unknown; text: unknown }, method = 'attention.map'): { dir: string; text: string } {
  if (typeof p.dir !== 'string' || !p.dir || !path.isAbsolute(p.dir)) throw new Error(`${method} needs the absolute path of a model folder (dir)`);
  if (typeof p.text !== 'string') throw new Error(`${method} needs a text`);
  if (p.text.length > MAX_TEXT) throw new Error(`the text has ${p.text.length} characters; at most ${MAX_TEXT}`);
  return { dir: p.dir, text: p.text };
}

/** The "attention." requests. */
export const attentionHandlers: Handlers<AttentionWorkerRequests> = {
  'attention.map': async (params) => {
    const p = checkDirText(params);
    const r = attentionFor(await openAttentionModel(p.dir), p.text);
    return r.kind === 'transformer' ? packAttention(r) : r;
  },
  'attention.checkpoint': (p) => {
    if (typeof p.dir !== 'string' || !p.dir) throw new Error('no model folder given');
    const c = loadTransformerCheckpoint(p.dir);
    return { step: c.step, corpusTokens: c.json.training.corpus.tokens };
  },
};

/** How many models are loaded (tests, diagnostics). */
export function cachedAttentionModels(): number {
  return cache.size;
}
