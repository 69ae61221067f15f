/**
 * Which kind of model a folder holds, and the one guard every command that writes a model goes through: it writes
 * only into a folder that does not exist, an empty folder, or (with `force`) a model of the same kind. A file, a
 * folder of notes or a model of another kind is refused before anything is read or trained, and left untouched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { modelVersionDir } from './atomicWrite';
import { readJsonBounded } from './safeRead';

export type SavedModelKind = 'xor' | 'word2vec' | 'lstm' | 'transformer' | 'seq2seq' | 'vae' | 'autoencoder' | 'mlm';

/** Descriptions above this size are not models this project wrote. */
const MAX_META_BYTES = 256 * 1024 * 1024;

export class ModelOutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelOutError';
  }
}

/** The kind of model a parsed model.json describes, or undefined for anything else. */
export function savedKindOf(meta: unknown): SavedModelKind | undefined {
  if (!meta || typeof meta !== 'object') return undefined;
  const m = meta as Record<string, unknown>;
  switch (m.format) {
    case 'ml-study-xor':
      return 'xor';
    case 'ml-study-word2vec':
      return 'word2vec';
    case 'ml-study-lm':
      return m.type === 'lstm' ? 'lstm' : undefined;
    case 'ml-study-attention':
      return m.kind === 'seq2seq' ? 'seq2seq' : m.kind === 'transformer' ? 'transformer' : m.kind === 'mlm' ? 'mlm' : undefined;
    case 'ml-study-autoencoder':
      return m.type === 'vae' ? 'vae' : m.type === 'autoencoder' ? 'autoencoder' : undefined;
    default:
      return undefined;
  }
}

/** The parsed model.json of a model folder (current version) and its kind; undefined when it is not a model. */
export function readSavedModel(dir: string, maxBytes = MAX_META_BYTES): { meta: Record<string, unknown>; kind: SavedModelKind; versionDir: string } | undefined {
  try {
    const versionDir = modelVersionDir(dir);
    const meta = readJsonBounded(path.join(versionDir, 'model.json'), maxBytes, 'model description') as Record<string, unknown>;
    const kind = savedKindOf(meta);
    return kind ? { meta, kind, versionDir } : undefined;
  } catch {
    return undefined;
  }
}

const KIND_NAMES: Record<SavedModelKind, string> = { xor: 'XOR MLP', word2vec: 'word2vec', lstm: 'LSTM', transformer: 'Transformer', seq2seq: 'seq2seq', vae: 'VAE', autoencoder: 'autoencoder', mlm: 'masked language' };

/**
 * Refuse an output folder this command does not own. Allowed: a path that does not exist, an empty folder, and a
 * model folder of the same kind when `force` is set (or when `resuming` names it: training continues there).
 */
export function assertModelOut(dir: string, kind: SavedModelKind, opts: { force?: boolean; resuming?: string } = {}): void {
  const st = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isSymbolicLink()) throw new ModelOutError(`${dir} is a symbolic link; give a real folder for the model`);
  if (!st.isDirectory()) throw new ModelOutError(`${dir} is a file, not a model folder; refusing to replace it`);
  if (fs.readdirSync(dir).length === 0) return;
  const found = readSavedModel(dir);
  if (!found) throw new ModelOutError(`${dir} is a folder that is not a saved model; refusing to replace it (choose a new or empty folder)`);
  if (found.kind !== kind) throw new ModelOutError(`${dir} holds a ${KIND_NAMES[found.kind]} model, not a ${KIND_NAMES[kind]} one; refusing to replace it`);
  const resumingHere = opts.resuming !== undefined && path.resolve(opts.resuming) === path.resolve(dir);
  if (!opts.force && !resumingHere) throw new ModelOutError(`${dir} already holds a ${KIND_NAMES[kind]} model; add --force to replace it`);
}
