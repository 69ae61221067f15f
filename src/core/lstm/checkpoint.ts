/**
 * LSTM checkpoints: a folder with model.json (config, vocabulary, hyperparameters, step, data position, history,
 * a checksum) and weights.bin (float32 little-endian: parameters | Adam first moments | Adam second moments |
 * recurrent state carried into the next batch). Written atomically as a whole folder, so a crash leaves the previous
 * checkpoint intact; read with checks, so a truncated or corrupt one is reported clearly and never used.
 * No generator state is stored: dropout masks and samples draw from generators seeded by (seed, step), and the
 * data position is the batcher's (epoch, batch), so a resumed run repeats exactly what the straight run does.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_JSON, ModelDirError, readModelJson, versionDir } from '../lm/modelDir';
import { readFileBounded } from '../util/safeRead';
import { assertModelOut } from '../util/modelOut';
import { Vocab, type VocabJson } from '../lm/vocab';
import type { BatcherState } from '../lm/batcher';
import type { ParamValues } from '../params';
import { writeDirAtomic } from '../util/atomicWrite';
import { paramLayout, type LstmConfig } from './model';
import { CELL_KINDS } from './cells';

export const WEIGHTS_FILE = 'weights.bin';
export const FORMAT = 'ml-study-lm';
export const VERSION = 1;

export interface HistoryPoint {
  step: number;
  trainLoss: number;
  heldOutLoss?: number;
  perplexity?: number;
  bitsPerChar?: number;
  seconds: number;
}

export interface CheckpointMeta {
  format: typeof FORMAT;
  version: number;
  type: 'lstm';
  config: LstmConfig;
  params: ParamValues;
  vocab: VocabJson;
  step: number;
  /** Tokens trained on so far. */
  tokens: number;
  seconds: number;
  data: BatcherState;
  adam: { t: number; beta1: number; beta2: number; eps: number };
  corpus: { tokens: number; fingerprint: string };
  history: HistoryPoint[];
  samples: { step: number; text: string }[];
  weights: { file: string; bytes: number; sha256: string; theta: number; m: number; v: number; state: number };
  savedAt: string;
}

export interface Checkpoint {
  meta: CheckpointMeta;
  theta: Float32Array;
  m: Float32Array;
  v: Float32Array;
  state: Float32Array;
}

/** Refuse to replace a folder that is not an LSTM model folder (e.g. a notes folder given as --out by mistake). */
export function assertWritableModelDir(dir: string): void {
  try {
    assertModelOut(dir, 'lstm', { force: true });
  } catch (e) {
    throw new ModelDirError(`${e instanceof Error ? e.message : String(e)} (not a model folder an LSTM may replace)`);
  }
}

export function saveCheckpoint(dir: string, meta: Omit<CheckpointMeta, 'weights' | 'savedAt' | 'format' | 'version' | 'type'>, arrays: { theta: Float32Array; m: Float32Array; v: Float32Array; state: Float32Array }): void {
  // (trainLstm checks with assertWritableModelDir before training; files found beside the checkpoint are kept)
  const parts = [arrays.theta, arrays.m, arrays.v, arrays.state];
  const bytes = parts.reduce((a, p) => a + p.length * 4, 0);
  const buf = Buffer.alloc(bytes);
  let o = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++, o += 4) buf.writeFloatLE(p[i], o);
  }
  const full: CheckpointMeta = {
    format: FORMAT,
    version: VERSION,
    type: 'lstm',
    ...meta,
    weights: {
      file: WEIGHTS_FILE,
      bytes,
      sha256: crypto.createHash('sha256').update(buf).digest('hex'),
      theta: arrays.theta.length,
      m: arrays.m.length,
      v: arrays.v.length,
      state: arrays.state.length,
    },
    savedAt: new Date().toISOString(),
  };
  writeDirAtomic(dir, (tmp, previous) => {
    // keep whatever else the caller stored beside the checkpoint (e.g. a run record)
    if (previous) {
      for (const e of fs.readdirSync(previous, { withFileTypes: true })) {
        if (e.name !== MODEL_JSON && e.name !== WEIGHTS_FILE && !e.name.startsWith('.') && (e.isFile() || e.isDirectory())) {
          fs.cpSync(path.join(previous, e.name), path.join(tmp, e.name), { recursive: true });
        }
      }
    }
    fs.writeFileSync(path.join(tmp, WEIGHTS_FILE), buf);
    fs.writeFileSync(path.join(tmp, MODEL_JSON), JSON.stringify(full, null, 1) + '\n');
  });
}

const corrupt = (dir: string, what: string) => new ModelDirError(`the checkpoint in ${dir} is corrupt: ${what}; nothing was changed`);

export function loadCheckpoint(dir: string): Checkpoint {
  const j = readModelJson(dir) as unknown as CheckpointMeta;
  if (j.format !== FORMAT) throw corrupt(dir, `${MODEL_JSON} is not an ml-study model (format ${JSON.stringify(j.format)})`);
  if (j.type !== 'lstm') throw new ModelDirError(`${dir} holds a ${String(j.type)} model, not an LSTM`);
  if (j.version !== VERSION) throw new ModelDirError(`${dir} was written by another version of the LSTM engine (format version ${j.version}, expected ${VERSION})`);
  const c = j.config;
  const okInt = (x: unknown, lo: number, hi: number) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!c || !okInt(c.vocabSize, 2, 10_000_000) || !okInt(c.embedding, 1, 1024) || !okInt(c.hidden, 1, 1024) || !okInt(c.layers, 1, 2) || !(c.dropout >= 0 && c.dropout < 1) || (c.cell !== undefined && !CELL_KINDS.includes(c.cell))) {
    throw corrupt(dir, 'the model configuration is missing or out of range');
  }
  let vocab: Vocab;
  try {
    vocab = Vocab.fromJSON(j.vocab);
  } catch (e) {
    throw corrupt(dir, e instanceof Error ? e.message : String(e));
  }
  if (vocab.size !== c.vocabSize) throw corrupt(dir, `the vocabulary has ${vocab.size} tokens but the model expects ${c.vocabSize}`);
  const w = j.weights;
  const P = paramLayout(c).total;
  if (!w || w.theta !== P || w.m !== P || w.v !== P || !okInt(w.state, 0, 1e9) || w.bytes !== (3 * P + w.state) * 4) {
    throw corrupt(dir, 'the weight table does not match the model configuration');
  }
  const file = path.join(versionDir(dir), WEIGHTS_FILE);
  if (!fs.existsSync(file)) throw corrupt(dir, `${WEIGHTS_FILE} is missing`);
  let buf: Buffer;
  try {
    buf = readFileBounded(file, w.bytes, 'weights file of this model');
  } catch (e) {
    throw corrupt(dir, e instanceof Error ? e.message : String(e));
  }
  if (buf.length !== w.bytes) throw corrupt(dir, `${WEIGHTS_FILE} has ${buf.length} bytes, expected ${w.bytes} (truncated?)`);
  if (crypto.createHash('sha256').update(buf).digest('hex') !== w.sha256) throw corrupt(dir, `${WEIGHTS_FILE} does not match its checksum`);
  const all = new Float32Array(buf.length / 4);
  for (let i = 0; i < all.length; i++) all[i] = buf.readFloatLE(i * 4);
  for (let i = 0; i < 3 * P; i++) if (!Number.isFinite(all[i])) throw corrupt(dir, 'the weights contain NaN or infinite values');
  if (!Number.isInteger(j.step) || j.step < 0 || !j.data || !j.adam || !Number.isInteger(j.adam.t)) throw corrupt(dir, 'the training position is missing');
  return {
    meta: j,
    theta: all.slice(0, P),
    m: all.slice(P, 2 * P),
    v: all.slice(2 * P, 3 * P),
    state: all.slice(3 * P),
  };
}

/** A short fingerprint of a token sequence, to check that a resumed run trains on the same corpus. */
export function fingerprint(ids: Int32Array): string {
  return crypto.createHash('sha256').update(Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength)).digest('hex').slice(0, 16);
}
