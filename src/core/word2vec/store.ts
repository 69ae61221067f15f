/**
 * Saving and loading models (format: FORMAT.md beside this file). A model is a folder with model.json (format,
 * version, hyperparameters, vocabulary with counts, statistics, loss per epoch) and vectors.f32 (little-endian
 * float32 rows). Saving replaces the folder atomically; loading checks the format, version, sizes and checksum
 * and never writes anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { modelVersionDir, writeDirAtomic } from '../util/atomicWrite';
import { FileReadError, readFileBounded } from '../util/safeRead';
import type { Word2vecModel } from './model';

export const MODEL_FORMAT = 'ml-study-word2vec';
export const MODEL_VERSION = 1;
export const MODEL_JSON = 'model.json';
export const VECTORS_FILE = 'vectors.f32';
/** model.json holds the vocabulary; larger descriptions are refused rather than parsed. */
export const MAX_MODEL_JSON_BYTES = 256 * 1024 * 1024;

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

interface ModelJson {
  format: string;
  version: number;
  source: string;
  dim: number;
  vocabSize: number;
  vectors: { file: string; dtype: 'float32'; byteOrder: 'little'; rows: number; cols: number; bytes: number; crc32: number };
  params?: Word2vecModel['params'];
  stats?: Word2vecModel['stats'];
  words: string[];
  counts: number[];
}

function vectorBytes(model: Word2vecModel): Uint8Array {
  const buf = new Uint8Array(model.vectors.length * 4);
  const dv = new DataView(buf.buffer);
  for (let i = 0; i < model.vectors.length; i++) dv.setFloat32(i * 4, model.vectors[i], true);
  return buf;
}

/** Save a model to `dir`, replacing any model there only once the new one is completely written. */
export function saveModel(dir: string, model: Word2vecModel): void {
  if (model.vectors.length !== model.words.length * model.dim) throw new Error('model vectors do not match its vocabulary and dimension');
  const bytes = vectorBytes(model);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    source: model.source,
    dim: model.dim,
    vocabSize: model.words.length,
    vectors: { file: VECTORS_FILE, dtype: 'float32', byteOrder: 'little', rows: model.words.length, cols: model.dim, bytes: bytes.length, crc32: zlib.crc32(bytes) },
    params: model.params,
    stats: model.stats,
    words: model.words,
    counts: model.counts,
  };
  writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, VECTORS_FILE), bytes);
    fs.writeFileSync(path.join(tmp, MODEL_JSON), JSON.stringify(json) + '\n');
  });
}

/** Load a model folder, checking everything; errors are ModelFormatError with one clear sentence. */
export function loadModel(modelDir: string): Word2vecModel {
  const dir = modelVersionDir(modelDir);
  if (!fs.existsSync(dir)) throw new ModelFormatError(`no model at ${modelDir}: the folder does not exist`);
  const jsonPath = path.join(dir, MODEL_JSON);
  if (!fs.existsSync(jsonPath)) throw new ModelFormatError(`${modelDir} is not a word2vec model: ${MODEL_JSON} is missing`);
  let json: ModelJson;
  try {
    json = JSON.parse(readFileBounded(jsonPath, MAX_MODEL_JSON_BYTES, 'model description').toString('utf8')) as ModelJson;
  } catch (e) {
    if (e instanceof FileReadError) throw new ModelFormatError(e.message);
    throw new ModelFormatError(`${jsonPath} is corrupt or truncated (not valid JSON)`);
  }
  if (json?.format !== MODEL_FORMAT) throw new ModelFormatError(`${jsonPath} is not a word2vec model (format ${JSON.stringify(json?.format)})`);
  if (json.version !== MODEL_VERSION) throw new ModelFormatError(`${jsonPath} has format version ${json.version}; this version reads version ${MODEL_VERSION}`);
  const { dim, vocabSize, words, counts, vectors: vf } = json;
  if (!Number.isInteger(dim) || dim < 1 || !Number.isInteger(vocabSize) || vocabSize < 1 || !Array.isArray(words) || words.length !== vocabSize || !Array.isArray(counts) || counts.length !== vocabSize) {
    throw new ModelFormatError(`${jsonPath} is inconsistent: vocabulary size, word list and counts disagree`);
  }
  if (!vf || vf.file !== VECTORS_FILE || vf.dtype !== 'float32' || vf.rows !== vocabSize || vf.cols !== dim || vf.bytes !== vocabSize * dim * 4) {
    throw new ModelFormatError(`${jsonPath} describes vectors that do not match ${vocabSize} words × ${dim} dimensions`);
  }
  const binPath = path.join(dir, VECTORS_FILE);
  if (!fs.existsSync(binPath)) throw new ModelFormatError(`${binPath} is missing`);
  let bytes: Buffer;
  try {
    bytes = readFileBounded(binPath, vf.bytes, 'vectors file of this model');
  } catch (e) {
    if (e instanceof FileReadError) throw new ModelFormatError(`${e.message}: the file is from another model or corrupt`);
    throw e;
  }
  if (bytes.length !== vf.bytes) throw new ModelFormatError(`${binPath} has ${bytes.length} bytes, expected ${vf.bytes}: the file is truncated or from another model`);
  if (zlib.crc32(bytes) !== vf.crc32) throw new ModelFormatError(`${binPath} is corrupt (checksum mismatch)`);
  const vectors = new Float32Array(vocabSize * dim);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < vectors.length; i++) vectors[i] = dv.getFloat32(i * 4, true);
  return { words, counts, dim, vectors, params: json.params, stats: json.stats, source: json.source };
}
