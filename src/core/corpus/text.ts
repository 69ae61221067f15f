/**
 * Reading user text files safely: a size limit, binary detection, strict UTF-8 decoding. Errors are one clear
 * sentence, fit for a notification or a CLI error line.
 */
import * as fs from 'node:fs';

/** Files above this size are refused rather than read into memory. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

/** Decode bytes as UTF-8 text, refusing binary data and invalid UTF-8. `name` is used in messages. */
export function decodeText(bytes: Uint8Array, name: string): string {
  const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (probe.includes(0)) throw new CorpusError(`${name} looks like a binary file (it contains NUL bytes), not text`);
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  } catch {
    throw new CorpusError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

/** Read a text file with the checks above. */
export function readTextFile(file: string, maxBytes = MAX_TEXT_BYTES): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CorpusError(`cannot read ${file}: no such file`);
  }
  if (stat.isDirectory()) throw new CorpusError(`${file} is a folder, not a text file`);
  if (stat.size > maxBytes) {
    throw new CorpusError(`${file} is ${(stat.size / 1048576).toFixed(0)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`);
  }
  return decodeText(fs.readFileSync(file), file);
}
