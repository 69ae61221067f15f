/** Helpers shared by the "see inside the models" commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextFile } from '../../../core/corpus/text';
import { type ParsedArgs, UsageError } from '../../types';

/** Errors that mean the user's input was wrong (exit 2), by name, from the engines these commands call. */
const INPUT_ERRORS = new Set(['CorpusError', 'DatasetError', 'LmInputError', 'ModelDirError', 'VocabError', 'StepperError', 'InspectError']);

/** Run `f`, turning an input error into a usage error (one line, exit 2). */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && INPUT_ERRORS.has(e.name)) throw new UsageError(e.message);
    throw e;
  }
}

/** asUsage for an async engine call. */
export async function asUsageAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    return asUsage(() => {
      throw e;
    });
  }
}

/** A file the user names must be a regular file (not a folder, device or pipe) before it is read. */
export function assertRegularFile(file: string): void {
  let regular = false;
  try {
    regular = fs.statSync(file).isFile();
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (!regular) throw new UsageError(`${file} is not a regular file`);
}

export function strOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return v === undefined ? undefined : String(v);
}

export function intOpt(args: ParsedArgs, name: string, def: number, lo: number, hi: number): number {
  const v = args.options[name];
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new UsageError(`--${name} must be a whole number from ${lo} to ${hi}, got ${v}`);
  return n;
}

/** Text from --text or --file (a bounded read), exactly one of them; at most `maxBytes`. */
export function textFromArgs(args: ParsedArgs, maxBytes: number): string {
  const text = strOpt(args, 'text');
  const file = strOpt(args, 'file');
  if ((text === undefined) === (file === undefined)) throw new UsageError('give the text with exactly one of --text or --file');
  if (text !== undefined) {
    if (Buffer.byteLength(text) > maxBytes) throw new UsageError(`--text is longer than ${maxBytes} bytes`);
    return text;
  }
  assertRegularFile(file!);
  return asUsage(() => readTextFile(file!, maxBytes));
}

/** Largest model.json and weights.bin read from a model folder. */
const MODEL_FILE_CAPS: Record<string, number> = { 'model.json': 64 * 1024 * 1024, 'weights.bin': 2 * 1024 * 1024 * 1024 };

/** Before a model folder is loaded: it is a folder whose model files are regular files within their size caps. */
export function checkModelFolder(dir: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new UsageError(`${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`${dir} is not a folder; give the folder of a trained model`);
  for (const [name, cap] of Object.entries(MODEL_FILE_CAPS)) {
    const f = path.join(dir, name);
    let s: fs.Stats;
    try {
      s = fs.lstatSync(f);
    } catch {
      throw new UsageError(`${dir} is not a trained model folder (no ${name})`);
    }
    if (!s.isFile()) throw new UsageError(`${f} is not a regular file`);
    if (s.size > cap) throw new UsageError(`${f} is ${s.size} bytes, more than the ${cap} a model file may have`);
  }
}
