/**
 * Data for the autoencoders: generated 2-D point clouds, generated glyphs (small pictures of lines, circles,
 * crosses and squares with random position, size and thickness), or the vectors of a saved word2vec model.
 * Every data set is a matrix `x` (n × dim, row-major) with a class label per row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ValidationError } from '../params';
import { Rng } from '../util/rng';
import { loadModel, MODEL_JSON, VECTORS_FILE } from '../word2vec/store';

/** How a reconstruction is scored: Bernoulli (binary cross-entropy on logits) for pixels, Gaussian (squared error) otherwise. */
export type ReconKind = 'bce' | 'mse';

export interface Dataset {
  kind: 'points' | 'glyphs' | 'vectors';
  n: number;
  dim: number;
  x: Float64Array;
  labels: Int32Array;
  classNames: string[];
  recon: ReconKind;
  /** How one row is drawn: [side, side] for glyphs, [dim] otherwise. */
  shape: number[];
  /** The word of each row (word vectors only). */
  words?: string[];
  /** Where the data came from, e.g. "glyphs 12×12" or "vectors of /models/brown". */
  source: string;
}

export type DataSpec = { kind: 'points' } | { kind: 'glyphs' } | { kind: 'vectors'; dir: string };

/** Parse `points`, `glyphs` or `vectors:DIR`. */
export function parseDataSpec(raw: string): DataSpec {
  const s = raw.trim();
  if (s === 'points' || s === 'glyphs') return { kind: s };
  if (s.startsWith('vectors:')) {
    const dir = s.slice('vectors:'.length);
    if (!dir) throw new ValidationError('data vectors:DIR needs the folder of a saved word2vec model after the colon', 'data');
    return { kind: 'vectors', dir };
  }
  throw new ValidationError(`data must be points, glyphs or vectors:DIR, got ${JSON.stringify(raw)}`, 'data');
}

export const POINT_CLASSES = ['upper moon', 'lower moon', 'ring'];

/**
 * Three 2-D point clouds: two interleaved half-moons and a ring around them, with a little Gaussian noise.
 * Coordinates are roughly within [−2, 2].
 */
export function makePoints(n: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    const t = rng.next() * Math.PI;
    let px: number;
    let py: number;
    if (c === 0) {
      px = Math.cos(t) - 0.5;
      py = Math.sin(t) - 0.25;
    } else if (c === 1) {
      px = 0.5 - Math.cos(t);
      py = 0.25 - Math.sin(t);
    } else {
      const a = rng.next() * 2 * Math.PI;
      px = 1.9 * Math.cos(a);
      py = 1.9 * Math.sin(a);
    }
    x[2 * i] = px + 0.08 * rng.normal();
    x[2 * i + 1] = py + 0.08 * rng.normal();
    labels[i] = c;
  }
  return { kind: 'points', n, dim: 2, x, labels, classNames: POINT_CLASSES, recon: 'mse', shape: [2], source: '2-D point clouds (two moons and a ring)' };
}

export const GLYPH_CLASSES = ['line', 'circle', 'cross', 'square'];

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Draw one glyph of class `c` on a side × side square into `out` (values in [0, 1]). Each pixel's ink falls off
 * linearly with the distance of its centre from the stroke: 1 within half the thickness, 0 half a pixel further.
 */
export function drawGlyph(c: number, side: number, rng: Rng, out: Float64Array, offset = 0): void {
  const size = side * (0.3 + 0.25 * rng.next()); // half-extent of the shape, in pixels
  const margin = size + 0.5;
  const cx = margin + rng.next() * Math.max(0, side - 2 * margin);
  const cy = margin + rng.next() * Math.max(0, side - 2 * margin);
  const thick = 0.6 + rng.next() * (side / 10);
  const angle = rng.next() * Math.PI;
  const ux = Math.cos(angle) * size;
  const uy = Math.sin(angle) * size;
  for (let r = 0; r < side; r++) {
    for (let q = 0; q < side; q++) {
      const px = q + 0.5;
      const py = r + 0.5;
      let d: number;
      if (c === 0) d = segmentDistance(px, py, cx - ux, cy - uy, cx + ux, cy + uy);
      else if (c === 1) d = Math.abs(Math.hypot(px - cx, py - cy) - size);
      else if (c === 2) d = Math.min(segmentDistance(px, py, cx - ux, cy - uy, cx + ux, cy + uy), segmentDistance(px, py, cx + uy, cy - ux, cx - uy, cy + ux));
      else d = Math.abs(Math.max(Math.abs(px - cx), Math.abs(py - cy)) - size);
      out[offset + r * side + q] = Math.max(0, Math.min(1, thick / 2 + 0.5 - d));
    }
  }
}

/** `n` glyphs, the classes in turn, each drawn with its own random position, size, angle and thickness. */
export function makeGlyphs(n: number, side: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const dim = side * side;
  const x = new Float64Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % GLYPH_CLASSES.length;
    drawGlyph(labels[i], side, rng, x, i * dim);
  }
  return { kind: 'glyphs', n, dim, x, labels, classNames: GLYPH_CLASSES, recon: 'bce', shape: [side, side], source: `glyphs ${side}×${side}` };
}

export const VECTOR_CLASSES = ['frequent', 'middle', 'rare'];
/** Word vectors wider than this are refused (the network's first layer is dim × hidden). */
export const MAX_VECTOR_DIM = 1024;
/** Word2vec folders whose files are larger than this are refused before anything is read into memory. */
export const MAX_VECTOR_FOLDER_BYTES = 512 * 2 ** 20;

/**
 * The `n` most frequent words of a saved word2vec model, each vector scaled to length √dim (so the code learns
 * directions, which is what cosine similarity compares, and each coordinate has a mean square of 1, the scale the
 * squared-error reconstruction and the KL term are balanced for). The class of a word is its frequency band: the first,
 * second or last third of the rows used.
 */
export function loadWordVectors(dir: string, n: number): Dataset {
  for (const f of [MODEL_JSON, VECTORS_FILE]) {
    const p = path.join(dir, f);
    if (fs.existsSync(p) && fs.statSync(p).size > MAX_VECTOR_FOLDER_BYTES) throw new ValidationError(`${p} is larger than ${MAX_VECTOR_FOLDER_BYTES / 2 ** 20} MB; too large to read`, 'data');
  }
  const model = loadModel(dir);
  if (model.dim > MAX_VECTOR_DIM) throw new ValidationError(`the vectors in ${dir} have ${model.dim} dimensions; at most ${MAX_VECTOR_DIM} are supported`, 'data');
  const order = model.words.map((_, i) => i).sort((a, b) => model.counts[b] - model.counts[a] || a - b);
  const rows: number[] = [];
  for (const i of order) {
    if (rows.length >= n) break;
    let norm = 0;
    let finite = true;
    for (let j = 0; j < model.dim; j++) {
      const v = model.vectors[i * model.dim + j];
      if (!Number.isFinite(v)) finite = false;
      norm += v * v;
    }
    if (finite && norm > 0) rows.push(i);
  }
  if (rows.length < 10) throw new ValidationError(`the model in ${dir} has only ${rows.length} usable word vectors; at least 10 are needed`, 'data');
  const dim = model.dim;
  const x = new Float64Array(rows.length * dim);
  const labels = new Int32Array(rows.length);
  rows.forEach((w, r) => {
    let norm = 0;
    for (let j = 0; j < dim; j++) norm += model.vectors[w * dim + j] ** 2;
    const scale = Math.sqrt(dim / norm);
    for (let j = 0; j < dim; j++) x[r * dim + j] = model.vectors[w * dim + j] * scale;
    labels[r] = Math.min(2, Math.floor((3 * r) / rows.length));
  });
  return { kind: 'vectors', n: rows.length, dim, x, labels, classNames: VECTOR_CLASSES, recon: 'mse', shape: [dim], words: rows.map((w) => model.words[w]), source: `vectors of ${dir}` };
}

/** Build the data set a parameter set asks for. */
export function loadDataset(params: { data: string; samples: number; glyphSize: number; seed: number }): Dataset {
  const spec = parseDataSpec(params.data);
  if (spec.kind === 'points') return makePoints(params.samples, params.seed);
  if (spec.kind === 'glyphs') return makeGlyphs(params.samples, params.glyphSize, params.seed);
  return loadWordVectors(spec.dir, params.samples);
}
