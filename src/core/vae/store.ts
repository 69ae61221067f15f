/**
 * Autoencoder model folders: model.json (format, kind, configuration, hyperparameters, the data's labels and
 * class names, training history, checksums), weights.f64 (the parameters, float64 little-endian) and data.f32 (the
 * training rows, float32 little-endian, so the codes of the data can be drawn again later). Saved with
 * writeDirAtomic (the old folder stays until the new one is complete); loaded with checks on every field, size
 * and checksum, never writing.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParamValues } from '../params';
import { writeDirAtomic } from '../util/atomicWrite';
import type { Dataset, ReconKind } from './data';
import { type AutoencoderConfig, paramLayout } from './model';
import type { AutoencoderKind } from './params';
import type { AutoencoderModel, EpochPoint } from './train';

export const AE_FORMAT = 'ml-study-autoencoder';
export const AE_VERSION = 1;
export const MODEL_JSON = 'model.json';
export const WEIGHTS_FILE = 'weights.f64';
export const DATA_FILE = 'data.f32';
/** Stored data above this many values is refused on load (it is read into memory). */
export const MAX_DATA_VALUES = 50_000 * 1024;

export class AutoencoderDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AutoencoderDirError';
  }
}

interface ModelJson {
  format: string;
  version: number;
  type: AutoencoderKind;
  config: AutoencoderConfig;
  params: ParamValues;
  beta: number;
  data: { kind: Dataset['kind']; source: string; n: number; dim: number; shape: number[]; classNames: string[]; labels: number[]; words?: string[]; file: string; bytes: number; sha256: string };
  weights: { file: string; count: number; bytes: number; sha256: string };
  history: EpochPoint[];
  seconds: number;
  savedAt: string;
}

export interface SavedAutoencoder {
  model: AutoencoderModel;
  data: Dataset;
  history: EpochPoint[];
  seconds: number;
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * Refuse an output that would destroy something else: a file, or a non-empty folder that is not a model folder of
 * this kind. Returns nothing when `dir` is absent, empty, or an autoencoder folder of the same kind.
 */
export function checkOutputDir(dir: string, kind: AutoencoderKind): void {
  if (!fs.existsSync(dir)) return;
  if (!fs.statSync(dir).isDirectory()) throw new AutoencoderDirError(`${dir} is a file; the model needs a folder`);
  if (fs.readdirSync(dir).length === 0) return;
  let json: { format?: unknown; type?: unknown } | undefined;
  try {
    json = JSON.parse(fs.readFileSync(path.join(dir, MODEL_JSON), 'utf8')) as typeof json;
  } catch {
    json = undefined;
  }
  if (!json || json.format !== AE_FORMAT || json.type !== kind) {
    throw new AutoencoderDirError(`refusing to replace ${dir}: it is not empty and not a saved ${kind} model; choose a new folder`);
  }
}

export function saveAutoencoder(dir: string, model: AutoencoderModel, data: Dataset, history: EpochPoint[], seconds: number): void {
  const wBytes = new Uint8Array(model.theta.length * 8);
  const wv = new DataView(wBytes.buffer);
  model.theta.forEach((v, i) => wv.setFloat64(i * 8, v, true));
  const dBytes = new Uint8Array(data.x.length * 4);
  const dv = new DataView(dBytes.buffer);
  data.x.forEach((v, i) => dv.setFloat32(i * 4, v, true));
  const json: ModelJson = {
    format: AE_FORMAT,
    version: AE_VERSION,
    type: model.cfg.kind,
    config: model.cfg,
    params: model.params,
    beta: model.beta,
    data: { kind: data.kind, source: data.source, n: data.n, dim: data.dim, shape: data.shape, classNames: data.classNames, labels: Array.from(data.labels), ...(data.words ? { words: data.words } : {}), file: DATA_FILE, bytes: dBytes.length, sha256: sha256(dBytes) },
    weights: { file: WEIGHTS_FILE, count: model.theta.length, bytes: wBytes.length, sha256: sha256(wBytes) },
    history,
    seconds,
    savedAt: new Date().toISOString(),
  };
  writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, WEIGHTS_FILE), wBytes);
    fs.writeFileSync(path.join(tmp, DATA_FILE), dBytes);
    fs.writeFileSync(path.join(tmp, MODEL_JSON), JSON.stringify(json) + '\n');
  });
}

const isInt = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** Read a file expected to have `bytes` bytes and the given checksum, or throw one clear sentence. */
function readChecked(dir: string, file: string, bytes: number, hash: string): Buffer {
  const p = path.join(dir, file);
  if (!fs.existsSync(p)) throw new AutoencoderDirError(`${p} is missing`);
  const size = fs.statSync(p).size;
  if (size !== bytes) throw new AutoencoderDirError(`${p} has ${size} bytes, expected ${bytes}: it is truncated or from another model`);
  const buf = fs.readFileSync(p);
  if (sha256(buf) !== hash) throw new AutoencoderDirError(`${p} is corrupt (checksum mismatch)`);
  return buf;
}

/** Load a model folder written by saveAutoencoder, checking everything. */
export function loadAutoencoder(dir: string): SavedAutoencoder {
  if (!fs.existsSync(dir)) throw new AutoencoderDirError(`${dir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new AutoencoderDirError(`${dir} is a file; give the folder of a trained autoencoder`);
  const jp = path.join(dir, MODEL_JSON);
  if (!fs.existsSync(jp)) throw new AutoencoderDirError(`${dir} is not a trained model folder (no ${MODEL_JSON})`);
  if (fs.statSync(jp).size > 64 * 2 ** 20) throw new AutoencoderDirError(`${jp} is larger than 64 MB; not a model written by this program`);
  let j: ModelJson;
  try {
    j = JSON.parse(fs.readFileSync(jp, 'utf8')) as ModelJson;
  } catch {
    throw new AutoencoderDirError(`${jp} is corrupt (not valid JSON)`);
  }
  if (!j || typeof j !== 'object' || j.format !== AE_FORMAT) throw new AutoencoderDirError(`${dir} is not an autoencoder model (format ${JSON.stringify(j?.format)})`);
  if (j.version !== AE_VERSION) throw new AutoencoderDirError(`${jp} has format version ${j.version}; this version reads version ${AE_VERSION}`);
  const c = j.config;
  const recon: ReconKind[] = ['bce', 'mse'];
  if (!c || (j.type !== 'autoencoder' && j.type !== 'vae') || c.kind !== j.type || !isInt(c.inputDim, 1, 4096) || !isInt(c.hidden, 1, 512) || !isInt(c.latent, 1, 16) || !recon.includes(c.recon)) {
    throw new AutoencoderDirError(`${jp} has a missing or out-of-range model configuration`);
  }
  if (!(typeof j.beta === 'number' && j.beta >= 0 && j.beta <= 100)) throw new AutoencoderDirError(`${jp} has an invalid β`);
  const P = paramLayout(c).total;
  const w = j.weights;
  if (!w || w.file !== WEIGHTS_FILE || w.count !== P || w.bytes !== P * 8 || typeof w.sha256 !== 'string') throw new AutoencoderDirError(`${jp} describes weights that do not match the model configuration`);
  const d = j.data;
  if (!d || d.file !== DATA_FILE || !isInt(d.n, 1, 1e7) || d.dim !== c.inputDim || d.n * d.dim > MAX_DATA_VALUES || d.bytes !== d.n * d.dim * 4 || typeof d.sha256 !== 'string') {
    throw new AutoencoderDirError(`${jp} describes stored data that does not match the model`);
  }
  if (!Array.isArray(d.classNames) || !d.classNames.every((s) => typeof s === 'string') || !Array.isArray(d.labels) || d.labels.length !== d.n || !d.labels.every((l) => isInt(l, 0, d.classNames.length - 1))) {
    throw new AutoencoderDirError(`${jp} has labels that do not match its classes`);
  }
  if (d.words !== undefined && (!Array.isArray(d.words) || d.words.length !== d.n || !d.words.every((s) => typeof s === 'string'))) throw new AutoencoderDirError(`${jp} has a word list that does not match its data`);
  if (!Array.isArray(d.shape) || !d.shape.every((s) => isInt(s, 1, 4096)) || d.shape.reduce((a, b) => a * b, 1) !== d.dim) throw new AutoencoderDirError(`${jp} has a data shape that does not match its dimension`);
  const wb = readChecked(dir, WEIGHTS_FILE, w.bytes, w.sha256);
  const theta = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    theta[i] = wb.readDoubleLE(i * 8);
    if (!Number.isFinite(theta[i])) throw new AutoencoderDirError(`${path.join(dir, WEIGHTS_FILE)} contains NaN or infinite weights`);
  }
  const db = readChecked(dir, DATA_FILE, d.bytes, d.sha256);
  const x = new Float64Array(d.n * d.dim);
  for (let i = 0; i < x.length; i++) x[i] = db.readFloatLE(i * 4);
  const kinds: Dataset['kind'][] = ['points', 'glyphs', 'vectors'];
  const data: Dataset = {
    kind: kinds.includes(d.kind) ? d.kind : 'points',
    n: d.n,
    dim: d.dim,
    x,
    labels: Int32Array.from(d.labels),
    classNames: d.classNames,
    recon: c.recon,
    shape: d.shape,
    ...(d.words ? { words: d.words } : {}),
    source: typeof d.source === 'string' ? d.source : '',
  };
  const history = Array.isArray(j.history) ? j.history : [];
  return { model: { cfg: { kind: c.kind, inputDim: c.inputDim, hidden: c.hidden, latent: c.latent, recon: c.recon }, theta, params: j.params ?? {}, beta: j.beta }, data, history, seconds: typeof j.seconds === 'number' ? j.seconds : 0 };
}
