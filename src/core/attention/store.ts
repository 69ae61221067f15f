/**
 * Saving and loading attention models. A model folder holds `model.json` (kind, configuration, vocabulary,
 * hyperparameters, training summary, and the name, shape and offset of every weight) and `weights.bin` (all weights
 * as little-endian float32). Folders are written atomically; loading checks everything and fails with one sentence.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { modelVersionDir, writeDirAtomic } from '../util/atomicWrite';
import { FileReadError, readFileBounded } from '../util/safeRead';

/** Limits for a model's files: the toy models here are far smaller. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MAX_WEIGHTS_BYTES = 1024 * 1024 * 1024;
import type { ParamValues } from '../params';
import { Vocab } from '../lm/vocab';
import { TransformerLM, type TransformerConfig, validateConfig, weightNames, weightShape } from './transformer';
import { Seq2seqModel, type Seq2seqConfig, seq2seqWeightShapes } from './seq2seq';
import { sizeOf } from './weights';
import type { Seq2seqTask } from './params';
import { SEQ2SEQ_TASKS } from './params';

export const MODEL_FORMAT = 'ml-study-attention';
export const MODEL_VERSION = 1;

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

interface WeightEntry {
  name: string;
  shape: number[];
  offset: number;
}

interface ModelJsonBase {
  format: typeof MODEL_FORMAT;
  version: number;
  params: ParamValues;
  result?: Record<string, unknown>;
  weights: WeightEntry[];
  /** sha256 of weights.bin (hex); models saved before it was recorded have none. */
  weightsSha256?: string;
}

export interface TransformerJson extends ModelJsonBase {
  kind: 'transformer';
  config: TransformerConfig;
  vocab: { level: 'char' | 'word'; tokens: string[] };
}

/** A masked language model: a bidirectional Transformer whose last token id is [MASK] (not in `vocab`). */
export interface MlmJson extends ModelJsonBase {
  kind: 'mlm';
  config: TransformerConfig;
  vocab: { level: 'char' | 'word'; tokens: string[] };
}

export interface Seq2seqJson extends ModelJsonBase {
  kind: 'seq2seq';
  task: Seq2seqTask;
  config: Seq2seqConfig;
}

/** sha256 of `bytes`, hex. */
export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** `files`: further files written into the same folder replacement (a training checkpoint's optimizer state). */
function writeModel(dir: string, json: Omit<ModelJsonBase, 'weights' | 'format' | 'version' | 'weightsSha256'> & Record<string, unknown>, values: Map<string, Float32Array>, shapes: (name: string) => number[], files: Record<string, Uint8Array> = {}): void {
  const entries: WeightEntry[] = [];
  let total = 0;
  for (const [name, v] of values) {
    entries.push({ name, shape: shapes(name), offset: total });
    total += v.length;
  }
  const all = new Float32Array(total);
  for (const e of entries) all.set(values.get(e.name)!, e.offset);
  const bytes = new Uint8Array(all.buffer);
  writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, 'weights.bin'), bytes);
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(tmp, name), data);
    const weightsSha256 = sha256(bytes);
    fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify({ format: MODEL_FORMAT, version: MODEL_VERSION, ...json, weights: entries, weightsSha256 }, null, 1) + '\n');
  });
}

/** `checkpoint`: the training state to continue from (model.json's `training` and its files, see ./checkpoint). */
export async function saveTransformer(dir: string, model: TransformerLM, vocab: Vocab, params: ParamValues, result?: Record<string, unknown>, checkpoint?: { training: Record<string, unknown>; files: Record<string, Uint8Array> }): Promise<void> {
  const values = await model.weightValues();
  writeModel(dir, { kind: 'transformer', config: model.cfg, vocab: vocab.toJSON(), params, result, ...(checkpoint ? { training: checkpoint.training } : {}) }, values, (n) => weightShape(model.cfg, n), checkpoint?.files);
}

export async function saveMlm(dir: string, model: TransformerLM, vocab: Vocab, params: ParamValues, result?: Record<string, unknown>): Promise<void> {
  const values = await model.weightValues();
  writeModel(dir, { kind: 'mlm', config: model.cfg, vocab: vocab.toJSON(), params, result }, values, (n) => weightShape(model.cfg, n));
}

export async function saveSeq2seq(dir: string, model: Seq2seqModel, info: { task: Seq2seqTask; params: ParamValues; result?: Record<string, unknown> }): Promise<void> {
  const values = await model.weightValues();
  const shapes = seq2seqWeightShapes(model.cfg);
  writeModel(dir, { kind: 'seq2seq', task: info.task, config: model.cfg, params: info.params, result: info.result }, values, (n) => shapes[n]);
}

export type LoadedJson = TransformerJson | MlmJson | Seq2seqJson;

/** Read and check model.json and weights.bin; returns the description and the weights by name. */
export function readModelDir(dir: string): { json: LoadedJson; values: Map<string, Float32Array> } {
  const bad = (m: string): never => {
    throw new ModelFormatError(`${dir} is not a usable attention model: ${m}`);
  };
  const vdir = modelVersionDir(dir);
  if (!fs.existsSync(vdir)) throw new ModelFormatError(`no model at ${dir}: the folder does not exist`);
  if (!fs.statSync(vdir).isDirectory()) bad('it is a file, not a model folder');
  const jsonPath = path.join(vdir, 'model.json');
  const binPath = path.join(vdir, 'weights.bin');
  if (!fs.existsSync(jsonPath)) bad('model.json is missing (train one with `ml-study train transformer` or `ml-study train seq2seq`)');
  let json: LoadedJson;
  try {
    json = JSON.parse(readFileBounded(jsonPath, MAX_JSON_BYTES, 'model description').toString('utf8'));
  } catch (e) {
    return bad(e instanceof FileReadError ? e.message : `model.json is not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  if (!json || typeof json !== 'object' || json.format !== MODEL_FORMAT) bad(`model.json is not an attention model (format ${JSON.stringify((json as { format?: unknown } | null)?.format)})`);
  if (json.version !== MODEL_VERSION) bad(`model.json has version ${JSON.stringify(json.version)}; this build reads version ${MODEL_VERSION}`);
  if (json.kind !== 'transformer' && json.kind !== 'mlm' && json.kind !== 'seq2seq') bad(`unknown model kind ${JSON.stringify((json as { kind?: unknown }).kind)}`);
  if (!json.config || typeof json.config !== 'object') bad('the configuration is missing');
  if (!Array.isArray(json.weights)) bad('the weight list is missing');
  if (!fs.existsSync(binPath)) bad('weights.bin is missing');
  let buf: Buffer;
  try {
    buf = readFileBounded(binPath, MAX_WEIGHTS_BYTES, 'weights file');
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
  if (buf.length % 4 !== 0) bad(`weights.bin has ${buf.length} bytes, not a whole number of float32 values`);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
  let expected: Record<string, number[]>;
  try {
    if (json.kind === 'transformer' || json.kind === 'mlm') {
      validateConfig(json.config);
      if ((json.kind === 'mlm') !== (json.config.causal === false)) bad(json.kind === 'mlm' ? 'a masked language model must attend both ways (causal: false)' : 'a Transformer language model must be causal');
      expected = Object.fromEntries(weightNames(json.config).map((n) => [n, weightShape(json.config as TransformerConfig, n)]));
    } else {
      if (!SEQ2SEQ_TASKS.includes(json.task)) bad(`unknown task ${JSON.stringify(json.task)}`);
      expected = seq2seqWeightShapes(json.config);
    }
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    return bad(e instanceof Error ? e.message : String(e));
  }
  const values = new Map<string, Float32Array>();
  for (const [name, shape] of Object.entries(expected)) {
    const entry = json.weights.find((w) => w && w.name === name);
    if (!entry) bad(`weight ${name} is missing`);
    if (!Array.isArray(entry!.shape) || entry!.shape.join(',') !== shape.join(',')) bad(`weight ${name} has shape [${entry!.shape}] instead of [${shape}]`);
    const size = sizeOf(shape);
    if (!Number.isInteger(entry!.offset) || entry!.offset < 0 || entry!.offset + size > all.length) bad(`weight ${name} lies outside weights.bin (the file is truncated or corrupt)`);
    const v = all.subarray(entry!.offset, entry!.offset + size);
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) bad(`weight ${name} contains a non-finite value`);
    values.set(name, v);
  }
  // Last, so that a truncated or malformed file gets the more specific message above.
  if (typeof json.weightsSha256 === 'string' && sha256(buf) !== json.weightsSha256) bad('weights.bin does not match its checksum (the file is corrupt or from another model)');
  return { json, values };
}

export type LoadedAttentionModel =
  | { kind: 'transformer'; model: TransformerLM; vocab: Vocab; json: TransformerJson; dir: string }
  | { kind: 'mlm'; model: TransformerLM; vocab: Vocab; maskId: number; json: MlmJson; dir: string }
  | { kind: 'seq2seq'; model: Seq2seqModel; task: Seq2seqTask; json: Seq2seqJson; dir: string };

/** Load a model folder written by either trainer. Dispose with disposeAttentionModel. */
export function loadAttentionModelSync(dir: string): LoadedAttentionModel {
  const { json, values } = readModelDir(dir);
  try {
    if (json.kind === 'transformer') {
      const vocab = Vocab.fromJSON(json.vocab);
      if (vocab.size !== json.config.vocab) throw new ModelFormatError(`${dir} is not a usable attention model: the vocabulary has ${vocab.size} tokens but the model expects ${json.config.vocab}`);
      return { kind: 'transformer', model: new TransformerLM(json.config, values), vocab, json, dir };
    }
    if (json.kind === 'mlm') {
      const vocab = Vocab.fromJSON(json.vocab);
      if (vocab.size + 1 !== json.config.vocab) throw new ModelFormatError(`${dir} is not a usable masked language model: the vocabulary has ${vocab.size} tokens and [MASK], but the model expects ${json.config.vocab}`);
      return { kind: 'mlm', model: new TransformerLM(json.config, values), vocab, maskId: vocab.size, json, dir };
    }
    return { kind: 'seq2seq', model: new Seq2seqModel(json.config, values), task: json.task, json, dir };
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    throw new ModelFormatError(`${dir} is not a usable attention model: ${e instanceof Error ? e.message : String(e)}`);
  }
}
