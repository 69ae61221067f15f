/**
 * Exchanging vectors with other tools. Export: word2vec text, word2vec binary (as word2vec.c writes it), and the
 * TensorFlow Embedding Projector's vectors.tsv + metadata.tsv. Import: word2vec text, word2vec binary, GloVe text
 * (no header line). The format is detected from the file; problems are reported as one sentence with the line.
 */
import * as path from 'node:path';
import { decodeText } from '../corpus/text';
import { writeFileAtomic } from '../util/atomicWrite';
import { readFileBoundedAs } from '../util/safeRead';
import type { Word2vecModel } from './model';

/** Vectors files above this size are refused (they are read into memory). */
export const MAX_VECTORS_BYTES = 1024 * 1024 * 1024;

export type ExportFormat = 'word2vec' | 'word2vec-binary' | 'projector';
export type ImportFormat = 'word2vec' | 'word2vec-binary' | 'glove';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['word2vec', 'word2vec-binary', 'projector'];

export class VectorsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorsFileError';
  }
}

/** Shortest decimal that reads back as the same float32. */
function f32(x: number): string {
  for (let p = 6; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}

function checkWords(model: Word2vecModel): void {
  const bad = model.words.find((w) => w === '' || /\s/.test(w));
  if (bad !== undefined) throw new VectorsFileError(`cannot export the word ${JSON.stringify(bad)}: word2vec files need words without spaces`);
}

function rowText(model: Word2vecModel, i: number, sep: string): string {
  const out: string[] = [];
  for (let j = 0; j < model.dim; j++) out.push(f32(model.vectors[i * model.dim + j]));
  return out.join(sep);
}

export function toWord2vecText(model: Word2vecModel): string {
  checkWords(model);
  const lines = [`${model.words.length} ${model.dim}`];
  model.words.forEach((w, i) => lines.push(`${w} ${rowText(model, i, ' ')}`));
  return lines.join('\n') + '\n';
}

export function toWord2vecBinary(model: Word2vecModel): Uint8Array {
  checkWords(model);
  const parts: Buffer[] = [Buffer.from(`${model.words.length} ${model.dim}\n`, 'utf8')];
  for (let i = 0; i < model.words.length; i++) {
    const row = Buffer.alloc(model.dim * 4 + 1);
    for (let j = 0; j < model.dim; j++) row.writeFloatLE(model.vectors[i * model.dim + j], j * 4);
    row[model.dim * 4] = 0x0a;
    parts.push(Buffer.from(model.words[i] + ' ', 'utf8'), row);
  }
  return Buffer.concat(parts);
}

/** Write the model's vectors in a format. `projector` writes a folder with vectors.tsv and metadata.tsv. */
export function exportVectors(model: Word2vecModel, format: ExportFormat, out: string): string[] {
  if (format === 'word2vec') {
    writeFileAtomic(out, toWord2vecText(model));
    return [out];
  }
  if (format === 'word2vec-binary') {
    writeFileAtomic(out, toWord2vecBinary(model));
    return [out];
  }
  // Projector: one row of tab-separated numbers per word; single-column metadata has no header line.
  const rows = model.words.map((_, i) => rowText(model, i, '\t'));
  const meta = model.words.map((w) => w.replace(/[\t\r\n]/g, ' '));
  // Two plain files the Embedding Projector loads: each is replaced atomically.
  writeFileAtomic(path.join(out, 'vectors.tsv'), rows.join('\n') + '\n');
  writeFileAtomic(path.join(out, 'metadata.tsv'), meta.join('\n') + '\n');
  return [path.join(out, 'vectors.tsv'), path.join(out, 'metadata.tsv')];
}

function header(line: string): [number, number] | undefined {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Which format a vectors file is in, from its first bytes. */
export function detectFormat(bytes: Uint8Array): ImportFormat {
  const nl = bytes.indexOf(0x0a);
  const first = Buffer.from(bytes.subarray(0, nl < 0 ? Math.min(bytes.length, 200) : nl)).toString('latin1');
  if (!header(first)) return 'glove';
  // A binary body has float bytes: NULs or invalid UTF-8 within the first rows.
  const probe = bytes.subarray(nl + 1, nl + 1 + 65536);
  if (probe.includes(0)) return 'word2vec-binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(probe.subarray(0, Math.max(0, probe.lastIndexOf(0x0a))));
    return 'word2vec';
  } catch {
    return 'word2vec-binary';
  }
}

function parseText(text: string, name: string, withHeader: boolean): { words: string[]; dim: number; vectors: Float32Array } {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let start = 0;
  let expected: number | undefined;
  let dim = 0;
  if (withHeader) {
    const h = header(lines[0] ?? '');
    if (!h) throw new VectorsFileError(`${name} line 1 should be "<words> <dimensions>"`);
    [expected, dim] = h;
    start = 1;
  }
  const words: string[] = [];
  const values: number[] = [];
  for (let i = start; i < lines.length; i++) {
    const f = lines[i].trimEnd().split(/ +/);
    if (f.length === 1 && f[0] === '') throw new VectorsFileError(`${name} line ${i + 1} is empty`);
    if (!dim) dim = f.length - 1;
    if (dim < 1 || f.length !== dim + 1) throw new VectorsFileError(`${name} line ${i + 1} has ${f.length - 1} numbers, expected ${dim}`);
    for (let j = 1; j <= dim; j++) {
      const x = Number(f[j]);
      if (!Number.isFinite(x)) throw new VectorsFileError(`${name} line ${i + 1} has a value that is not a number: ${JSON.stringify(f[j].slice(0, 20))}`);
      values.push(x);
    }
    words.push(f[0]);
  }
  if (!words.length) throw new VectorsFileError(`${name} has no vectors`);
  if (expected !== undefined && words.length !== expected) {
    throw new VectorsFileError(`${name} announces ${expected} vectors but has ${words.length}: it is truncated or corrupt`);
  }
  return { words, dim, vectors: Float32Array.from(values) };
}

function parseBinary(bytes: Uint8Array, name: string): { words: string[]; dim: number; vectors: Float32Array } {
  const nl = bytes.indexOf(0x0a);
  const h = header(Buffer.from(bytes.subarray(0, Math.max(0, nl))).toString('latin1'));
  if (!h) throw new VectorsFileError(`${name} line 1 should be "<words> <dimensions>"`);
  const [n, dim] = h;
  if (dim < 1 || n < 1) throw new VectorsFileError(`${name} announces ${n} vectors of ${dim} dimensions`);
  // Each vector takes at least a one-byte word, a space and dim floats: check the length before allocating n × dim.
  const need = n * (2 + dim * 4);
  if (need > bytes.length - nl - 1) throw new VectorsFileError(`${name} announces ${n} vectors of ${dim} dimensions (at least ${need} bytes) but holds ${bytes.length - nl - 1} bytes: the header is wrong or the file is truncated`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words: string[] = [];
  const vectors = new Float32Array(n * dim);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let p = nl + 1;
  for (let i = 0; i < n; i++) {
    while (p < bytes.length && bytes[p] === 0x0a) p++;
    const sp = bytes.indexOf(0x20, p);
    if (sp < 0 || sp - p > 1000 || sp + dim * 4 > bytes.length) throw new VectorsFileError(`${name} ends after ${i} of ${n} vectors: it is truncated or corrupt`);
    let word: string;
    try {
      word = utf8.decode(bytes.subarray(p, sp));
    } catch {
      throw new VectorsFileError(`${name} vector ${i + 1} has a word that is not UTF-8: the file is corrupt`);
    }
    p = sp + 1;
    for (let j = 0; j < dim; j++, p += 4) {
      const x = dv.getFloat32(p, true);
      if (!Number.isFinite(x)) throw new VectorsFileError(`${name} vector ${i + 1} ("${word}") has a value that is not a finite number: the file is corrupt`);
      vectors[i * dim + j] = x;
    }
    words.push(word);
  }
  return { words, dim, vectors };
}

/** Read a vectors file in any supported format (detected unless given). */
export function importVectors(file: string, format?: ImportFormat): Word2vecModel {
  const bytes = readFileBoundedAs(file, MAX_VECTORS_BYTES, 'vectors file', (m) => new VectorsFileError(m));
  if (bytes.length === 0) throw new VectorsFileError(`${file} is empty`);
  const fmt = format ?? detectFormat(bytes);
  const name = path.basename(file);
  let parsed: { words: string[]; dim: number; vectors: Float32Array };
  if (fmt === 'word2vec-binary') parsed = parseBinary(bytes, name);
  else {
    let text: string;
    try {
      text = decodeText(bytes, name);
    } catch (e) {
      throw new VectorsFileError(`${(e as Error).message} (text vectors formats: word2vec text, GloVe)`);
    }
    parsed = parseText(text, name, fmt === 'word2vec');
  }
  return { ...parsed, counts: parsed.words.map(() => 0), source: `imported from ${name} (${fmt})` };
}
