/**
 * Training checkpoints of the Transformer language model. The model folder (./store) stays a normal model; a
 * checkpoint adds to model.json a `training` entry (steps done, seconds trained, the batch generator's position,
 * Adam's step count and bias-correction powers, the corpus fingerprint, and the size and checksum of optimizer.bin)
 * and the file optimizer.bin: Adam's first moments then its second moments, float32, in transformerShapes order.
 * Everything is written in one atomic folder replacement with the weights; reading checks sizes (bounded reads),
 * shapes, lengths, checksums and finiteness, so a truncated or corrupt checkpoint is refused with one sentence and
 * nothing is changed. With the generator's position stored, a resumed run draws exactly the batches the straight
 * run would have drawn.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelVersionDir } from '../util/atomicWrite';
import { readFileBounded } from '../util/safeRead';
import { Rng } from '../util/rng';
import { ModelFormatError, readModelDir, sha256, type TransformerJson } from './store';
import { transformerShapes, type AdamState, type TransformerConfig } from './transformer';
import { sizeOf } from './weights';

export const OPTIMIZER_FILE = 'optimizer.bin';

/** model.json's `training` entry. */
export interface TrainingMeta {
  step: number;
  seconds: number;
  /** Position of the generator that draws the training windows (Rng.state). */
  rng: number[];
  adam: { iterations: number; accBeta1: number; accBeta2: number };
  corpus: { tokens: number; fingerprint: string };
  optimizer: { file: string; bytes: number; sha256: string; m: number; v: number };
}

export interface TransformerCheckpoint {
  json: TransformerJson & { training: TrainingMeta };
  weights: Map<string, Float32Array>;
  adam: AdamState;
  rng: Rng;
  step: number;
  seconds: number;
}

/** model.json's `training` entry and optimizer.bin for the state after `step` steps. */
export function checkpointFiles(state: { step: number; seconds: number; rng: Rng; adam: AdamState; corpus: TrainingMeta['corpus'] }): { training: Record<string, unknown>; files: Record<string, Uint8Array> } {
  const { adam } = state;
  const moments = new Float32Array(adam.m.length + adam.v.length);
  moments.set(adam.m);
  moments.set(adam.v, adam.m.length);
  const bytes = new Uint8Array(moments.buffer);
  const training: TrainingMeta = {
    step: state.step,
    seconds: state.seconds,
    rng: state.rng.state,
    adam: { iterations: adam.iterations, accBeta1: adam.accBeta1, accBeta2: adam.accBeta2 },
    corpus: state.corpus,
    optimizer: { file: OPTIMIZER_FILE, bytes: bytes.length, sha256: sha256(bytes), m: adam.m.length, v: adam.v.length },
  };
  return { training: training as unknown as Record<string, unknown>, files: { [OPTIMIZER_FILE]: bytes } };
}

/** Read a Transformer checkpoint with every check; throws ModelFormatError with one sentence. */
export function loadTransformerCheckpoint(dir: string): TransformerCheckpoint {
  const corrupt = (what: string): never => {
    throw new ModelFormatError(`the checkpoint in ${dir} is corrupt: ${what}; nothing was changed`);
  };
  const { json, values } = readModelDir(dir);
  if (json.kind !== 'transformer') throw new ModelFormatError(`${dir} holds a ${json.kind} model, not a Transformer language model`);
  const t = (json as { training?: TrainingMeta }).training;
  if (!t || typeof t !== 'object') throw new ModelFormatError(`${dir} holds no training state to continue from (it was saved without a checkpoint)`);
  const okInt = (x: unknown, lo: number, hi: number) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!okInt(t.step, 0, 1e12) || !(t.seconds >= 0 && Number.isFinite(t.seconds))) corrupt('the step count is missing or invalid');
  let rng: Rng;
  try {
    rng = Rng.fromState(t.rng);
  } catch (e) {
    return corrupt(`the batch generator's position is invalid (${e instanceof Error ? e.message : String(e)})`);
  }
  const a = t.adam;
  if (!a || !okInt(a.iterations, 0, 1e12) || !(a.accBeta1 > 0 && a.accBeta1 <= 1) || !(a.accBeta2 > 0 && a.accBeta2 <= 1)) corrupt("the optimiser's step count is missing or invalid");
  if (!t.corpus || typeof t.corpus.fingerprint !== 'string' || !okInt(t.corpus.tokens, 0, 1e12)) corrupt('the corpus fingerprint is missing');
  const P = transformerShapes(json.config).reduce((s, [, shape]) => s + sizeOf(shape), 0);
  const o = t.optimizer;
  const n = a.iterations > 0 ? P : 0;
  if (!o || o.file !== OPTIMIZER_FILE || o.m !== n || o.v !== n || o.bytes !== 8 * n || typeof o.sha256 !== 'string') corrupt(`the optimiser table does not match the model (${P} weights, ${a.iterations} optimiser steps)`);
  const file = path.join(modelVersionDir(dir), OPTIMIZER_FILE);
  if (!fs.existsSync(file)) corrupt(`${OPTIMIZER_FILE} is missing`);
  let buf: Buffer;
  try {
    buf = readFileBounded(file, o.bytes, 'optimiser state of this model');
  } catch (e) {
    return corrupt(e instanceof Error ? e.message : String(e));
  }
  if (buf.length !== o.bytes) corrupt(`${OPTIMIZER_FILE} has ${buf.length} bytes, expected ${o.bytes} (truncated?)`);
  if (sha256(buf) !== o.sha256) corrupt(`${OPTIMIZER_FILE} does not match its checksum`);
  const moments = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  for (let i = 0; i < moments.length; i++) if (!Number.isFinite(moments[i])) corrupt('the optimiser state contains NaN or infinite values');
  return {
    json: json as TransformerCheckpoint['json'],
    weights: values,
    adam: { iterations: a.iterations, accBeta1: a.accBeta1, accBeta2: a.accBeta2, m: moments.subarray(0, n), v: moments.subarray(n) },
    rng,
    step: t.step,
    seconds: t.seconds,
  };
}

/** Check that the configuration a resumed run builds is the checkpoint's. */
export function assertSameConfig(cfg: TransformerConfig, ckpt: TransformerCheckpoint, dir: string): void {
  const saved = ckpt.json.config;
  const keys = [...new Set([...Object.keys(cfg), ...Object.keys(saved)])] as (keyof TransformerConfig)[];
  const differ = keys.filter((k) => cfg[k] !== saved[k]);
  if (differ.length) throw new ModelFormatError(`cannot resume from ${dir}: these parameters and this text make a different model (${differ.map((k) => `${k} ${String(cfg[k])} instead of ${String(saved[k])}`).join(', ')}); give the same text`);
}
