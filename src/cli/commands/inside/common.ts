/** Helpers shared by the "see inside the models" commands. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextFile } from '../../../core/corpus/text';
import { type ParsedArgs, UsageError } from '../../types';
import { asUsage, strOpt } from '../common';

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
