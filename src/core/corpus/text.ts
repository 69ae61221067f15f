/**
 * Reading user text files safely: a size limit, binary detection, strict UTF-8 decoding. Errors are one clear
 * sentence, fit for a notification or a CLI error line.
 */
import { readFileBoundedAs } from '../util/safeRead';

/** Files above this size are refused rather than read into memory. */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;
const MAX_STRING_UNITS = 2 ** 29 - 24;

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
  // V8 strings hold at most 2^29 - 24 UTF-16 units; a longer text cannot be decoded at all.
  if (bytes.length > MAX_STRING_UNITS) throw new CorpusError(`${name} is ${(bytes.length / 1048576).toFixed(0)} MB, more text than one string can hold; split it`);
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  } catch (e) {
    if (e instanceof RangeError && !/encoded data was not valid/i.test(e.message)) throw new CorpusError(`${name} is too large to decode as one text (${e.message})`);
    throw new CorpusError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

/** Read a text file with the checks above (a regular file only, size checked before reading). */
export function readTextFile(file: string, maxBytes = MAX_TEXT_BYTES): string {
  const bytes = readFileBoundedAs(file, maxBytes, 'text file', (m) => new CorpusError(m));
  return decodeText(bytes, file);
}
