/**
 * A trained language model is a folder with `model.json` (metadata, `type` says which engine made it) and weight
 * files. This reads just the type, so commands can dispatch to the right engine (lstm, transformer, ...).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelVersionDir } from '../util/atomicWrite';
import { FileReadError, readFileBounded } from '../util/safeRead';

export const MODEL_JSON = 'model.json';
/** model.json holds the vocabulary and history; larger descriptions are refused rather than parsed. */
export const MAX_MODEL_JSON_BYTES = 256 * 1024 * 1024;

/** The folder to read a model from (itself, or the complete copy a crashed save left beside it). */
export const versionDir = modelVersionDir;

export class ModelDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelDirError';
  }
}

/** Parse DIR/model.json with clear messages for a missing folder, a missing file and corrupt JSON. */
export function readModelJson(modelDir: string): Record<string, unknown> {
  const dir = modelVersionDir(modelDir);
  if (!fs.existsSync(dir)) throw new ModelDirError(`${modelDir} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new ModelDirError(`${modelDir} is a file; give the folder of a trained model`);
  const file = path.join(dir, MODEL_JSON);
  if (!fs.existsSync(file)) throw new ModelDirError(`${modelDir} is not a trained model folder (no ${MODEL_JSON})`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileBounded(file, MAX_MODEL_JSON_BYTES, 'model description').toString('utf8'));
  } catch (e) {
    if (e instanceof FileReadError) throw new ModelDirError(e.message);
    throw new ModelDirError(`${file} is corrupt (not valid JSON: ${e instanceof Error ? e.message : String(e)})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ModelDirError(`${file} is corrupt (not a JSON object)`);
  return raw as Record<string, unknown>;
}

/** The engine type of a model folder ("lstm", ...). */
export function readModelType(dir: string): string {
  const j = readModelJson(dir);
  if (typeof j.type !== 'string') throw new ModelDirError(`${path.join(dir, MODEL_JSON)} does not say which kind of model it is (no "type")`);
  return j.type;
}
