/**
 * Bounded reads of files someone else may have written. Only regular files are read (a FIFO, a device such as
 * /dev/zero, a socket or a folder is refused before it is opened, so nothing blocks); the size is checked before a
 * byte is read, on the opened file too (a file swapped after the check is caught), and never more than the size
 * seen is read. Errors are one sentence.
 */
import * as fs from 'node:fs';

export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

const MB = 1048576;
const fmtMB = (n: number) => `${n >= 10 * MB ? (n / MB).toFixed(0) : (n / MB).toFixed(1)} MB`;

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Check that `file` is a regular file of at most `maxBytes`; returns its size. */
export function checkRegularFile(file: string, maxBytes: number, what = 'file'): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file} (${code ?? String(e)})`);
  }
  if (!st.isFile()) throw new FileReadError(`${file} is ${kindOf(st)}, not a ${what}`);
  if (st.size > maxBytes) throw new FileReadError(`${file} is ${fmtMB(st.size)}; the limit is ${fmtMB(maxBytes)} for a ${what}`);
  return st.size;
}

/** Read a whole regular file of at most `maxBytes`. */
export function readFileBounded(file: string, maxBytes: number, what = 'file'): Buffer {
  checkRegularFile(file, maxBytes, what);
  let fd: number;
  try {
    // O_NONBLOCK: if the path became a FIFO after the check, open does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileReadError(`cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new FileReadError(`${file} is ${kindOf(st)}, not a ${what}`);
    if (st.size > maxBytes) throw new FileReadError(`${file} is ${fmtMB(st.size)}; the limit is ${fmtMB(maxBytes)} for a ${what}`);
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = fs.readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === buf.length ? buf : buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

/** readFileBounded, its refusals (FileReadError) turned into the caller's own error by `toError`. */
export function readFileBoundedAs(file: string, maxBytes: number, what: string, toError: (message: string) => Error): Buffer {
  try {
    return readFileBounded(file, maxBytes, what);
  } catch (e) {
    if (e instanceof FileReadError) throw toError(e.message);
    throw e;
  }
}

/** Read a small JSON file (a model description, a stored run) with a size limit. */
export function readJsonBounded(file: string, maxBytes: number, what = 'JSON file'): unknown {
  const buf = readFileBounded(file, maxBytes, what);
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new FileReadError(`${file} is not valid JSON (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}
