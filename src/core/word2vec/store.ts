/**
 * Saving and loading models (format: FORMAT.md beside this file). A model is a folder with model.json (format,
 * version, hyperparameters, vocabulary with counts, statistics, loss per epoch) and vectors.f32 (little-endian
 * float32 rows); hierarchical-softmax models add syn1.f32, the inner-node vectors. Saving replaces the folder
 * atomically; loading checks the format, version, sizes and checksums and never writes anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { modelVersionDir, writeDirAtomic } from '../util/atomicWrite';
import { FileReadError, readFileBounded, readFileBoundedAs } from '../util/safeRead';
import type { Word2vecModel } from './model';

export const MODEL_FORMAT = 'ml-study-word2vec';
export const MODEL_VERSION = 1;
export const MODEL_JSON = 'model.json';
export const VECTORS_FILE = 'vectors.f32';
/** model.json holds the vocabulary; larger descriptions are refused rather than parsed. */
export const MAX_MODEL_JSON_BYTES = 256 * 1024 * 1024;
export const SYN1_FILE = 'syn1.f32';

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

interface MatrixJson {
  file: string;
  dtype: 'float32';
  byteOrder: 'little';
  rows: number;
  cols: number;
  bytes: number;
  crc32: number;
}

interface ModelJson {
  format: string;
  version: number;
  source: string;
  dim: number;
  vocabSize: number;
  vectors: MatrixJson;
  /** Hierarchical-softmax models only: the Huffman tree's inner-node vectors. */
  syn1?: MatrixJson;
  params?: Word2vecModel['params'];
  stats?: Word2vecModel['stats'];
  words: string[];
  counts: number[];
}

function matrixBytes(m: Float32Array): Uint8Array {
  const buf = new Uint8Array(m.length * 4);
  const dv = new DataView(buf.buffer);
  for (let i = 0; i < m.length; i++) dv.setFloat32(i * 4, m[i], true);
  return buf;
}

const describe = (file: string, rows: number, cols: number, bytes: Uint8Array): MatrixJson => ({ file, dtype: 'float32', byteOrder: 'little', rows, cols, bytes: bytes.length, crc32: zlib.crc32(bytes) });

/** Read a matrix file described in model.json, checking its description, size and checksum. */
function readMatrix(dir: string, jsonPath: string, m: MatrixJson | undefined, file: string, rows: number, cols: number, what: string): Float32Array {
  if (!m || m.file !== file || m.dtype !== 'float32' || m.rows !== rows || m.cols !== cols || m.bytes !== rows * cols * 4) {
    throw new ModelFormatError(`${jsonPath} describes ${what} that do not match ${rows} rows × ${cols} dimensions`);
  }
  const binPath = path.join(dir, file);
  if (!fs.existsSync(binPath)) throw new ModelFormatError(`${binPath} is missing`);
  const size = fs.statSync(binPath).size;
  if (size !== m.bytes) throw new ModelFormatError(`${binPath} has ${size} bytes, expected ${m.bytes}: the file is truncated or from another model`);
  const bytes = readFileBoundedAs(binPath, m.bytes, `${what} file of this model`, (msg) => new ModelFormatError(`${msg}: the file is from another model or corrupt`));
  if (bytes.length !== m.bytes) throw new ModelFormatError(`${binPath} has ${bytes.length} bytes, expected ${m.bytes}: the file is truncated or from another model`);
  if (zlib.crc32(bytes) !== m.crc32) throw new ModelFormatError(`${binPath} is corrupt (checksum mismatch)`);
  const out = new Float32Array(rows * cols);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}

/** Save a model to `dir`, replacing any model there only once the new one is completely written. */
export function saveModel(dir: string, model: Word2vecModel): void {
  if (model.vectors.length !== model.words.length * model.dim) throw new Error('model vectors do not match its vocabulary and dimension');
  if (model.syn1 && model.syn1.length !== (model.words.length - 1) * model.dim) throw new Error('model inner-node vectors do not match its vocabulary and dimension');
  const bytes = matrixBytes(model.vectors);
  const syn1 = model.syn1 && matrixBytes(model.syn1);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    source: model.source,
    dim: model.dim,
    vocabSize: model.words.length,
    vectors: describe(VECTORS_FILE, model.words.length, model.dim, bytes),
    syn1: syn1 && describe(SYN1_FILE, model.words.length - 1, model.dim, syn1),
    params: model.params,
    stats: model.stats,
    words: model.words,
    counts: model.counts,
  };
  writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, VECTORS_FILE), bytes);
    if (syn1) fs.writeFileSync(path.join(tmp, SYN1_FILE), syn1);
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
  const vectors = readMatrix(dir, jsonPath, vf, VECTORS_FILE, vocabSize, dim, 'vectors');
  const model: Word2vecModel = { words, counts, dim, vectors, params: json.params, stats: json.stats, source: json.source };
  if (json.syn1 !== undefined) model.syn1 = readMatrix(dir, jsonPath, json.syn1, SYN1_FILE, vocabSize - 1, dim, 'inner-node vectors');
  return model;
}
