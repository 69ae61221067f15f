/**
 * Two-class data sets in the plane for the playground: XOR, a circle inside a ring, two Gaussian blobs, two
 * interleaved spirals (all generated from a seed), and points the user supplies as CSV (x,y,label per line).
 */
import * as fs from 'node:fs';
import { decodeText } from '../corpus/text';
import { Rng } from '../util/rng';

export const DATASETS = ['xor', 'circle', 'gaussians', 'spiral'] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Limits of a user's CSV of points. */
export const MAX_CSV_BYTES = 1024 * 1024;
export const MAX_POINTS = 5000;

export interface Bounds {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

export interface Dataset {
  name: string;
  /** Points, n × 2. */
  x: number[][];
  /** Labels 0 or 1. */
  y: number[];
  /** The region the grids cover: the points' extent plus a margin. */
  bounds: Bounds;
}

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/** The points' extent, widened by 10% of its size on every side (and at least 0.5 when all points coincide). */
export function boundsOf(x: readonly (readonly number[])[]): Bounds {
  let [xmin, xmax, ymin, ymax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [a, b] of x) {
    xmin = Math.min(xmin, a);
    xmax = Math.max(xmax, a);
    ymin = Math.min(ymin, b);
    ymax = Math.max(ymax, b);
  }
  const mx = Math.max(0.5, 0.25 * (xmax - xmin));
  const my = Math.max(0.5, 0.25 * (ymax - ymin));
  return { xmin: xmin - mx, xmax: xmax + mx, ymin: ymin - my, ymax: ymax + my };
}

/**
 * A generated data set. `points` is the number of points (XOR: 4 corners when `points` ≤ 4, otherwise noisy
 * copies of the corners); `noise` the standard deviation of Gaussian jitter.
 */
export function makeDataset(name: DatasetName, opts: { points?: number; noise?: number; seed?: number } = {}): Dataset {
  const n = opts.points ?? (name === 'xor' ? 4 : 200);
  const noise = opts.noise ?? (name === 'xor' ? 0 : 0.1);
  if (!Number.isInteger(n) || n < 4 || n > MAX_POINTS) throw new DatasetError(`points must be a whole number from 4 to ${MAX_POINTS}, got ${n}`);
  if (!(noise >= 0 && noise <= 10)) throw new DatasetError(`noise must be from 0 to 10, got ${noise}`);
  const rng = new Rng(opts.seed ?? 1);
  const x: number[][] = [];
  const y: number[] = [];
  const jitter = () => noise * rng.normal();
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    if (name === 'xor') {
      const a = (i >> 1) % 2;
      const b = a ^ label;
      x.push([a + jitter(), b + jitter()]);
    } else if (name === 'circle') {
      const r = label === 1 ? 0.5 * Math.sqrt(rng.next()) : 0.75 + 0.25 * rng.next();
      const t = 2 * Math.PI * rng.next();
      x.push([r * Math.cos(t) + jitter(), r * Math.sin(t) + jitter()]);
    } else if (name === 'gaussians') {
      const c = label === 1 ? 0.75 : -0.75;
      x.push([c + 0.4 * rng.normal() + jitter(), c + 0.4 * rng.normal() + jitter()]);
    } else {
      const k = Math.floor(i / 2);
      const t = (k / Math.ceil(n / 2)) * 3 * Math.PI + 0.3;
      const s = label === 1 ? 1 : -1;
      x.push([(s * t * Math.cos(t)) / (3 * Math.PI) + jitter(), (s * t * Math.sin(t)) / (3 * Math.PI) + jitter()]);
    }
    y.push(label);
  }
  return { name, x, y, bounds: boundsOf(x) };
}

/**
 * Parse points as CSV: one `x,y,label` per line (label 0 or 1; commas, semicolons, tabs or spaces between), an
 * optional header line, blank lines and `#` comments ignored. Needs both classes and at most MAX_POINTS points.
 */
export function parsePointsCsv(text: string, name = 'points'): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/\s*[,;\t ]\s*/);
    const nums = cells.map((c) => (c.trim() === '' ? NaN : Number(c)));
    if (x.length === 0 && y.length === 0 && nums.some((v) => Number.isNaN(v)) && cells.some((c) => /[A-Za-z]/.test(c))) continue; // header
    if (cells.length !== 3) throw new DatasetError(`${name} line ${i + 1}: expected 3 values (x, y, label), found ${cells.length}`);
    const [a, b, l] = nums;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a) > 1e6 || Math.abs(b) > 1e6) throw new DatasetError(`${name} line ${i + 1}: x and y must be numbers within ±1e6`);
    if (l !== 0 && l !== 1) throw new DatasetError(`${name} line ${i + 1}: the label must be 0 or 1, got "${cells[2]}"`);
    if (x.length >= MAX_POINTS) throw new DatasetError(`${name} has more than ${MAX_POINTS} points`);
    x.push([a, b]);
    y.push(l);
  }
  if (!y.includes(0) || !y.includes(1)) throw new DatasetError(`${name} needs points of both labels 0 and 1 (found ${x.length} point(s))`);
  return { name, x, y, bounds: boundsOf(x) };
}

/** Read a CSV of points: a regular file of at most MAX_CSV_BYTES, UTF-8 text. */
export function readPointsCsv(file: string): Dataset {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new DatasetError(`cannot read ${file}: no such file`);
  }
  if (!st.isFile()) throw new DatasetError(`${file} is not a regular file`);
  if (st.size > MAX_CSV_BYTES) throw new DatasetError(`${file} is ${st.size} bytes; the limit for a points file is ${MAX_CSV_BYTES}`);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!fs.fstatSync(fd).isFile()) throw new DatasetError(`${file} is not a regular file`);
    const buf = Buffer.alloc(MAX_CSV_BYTES + 1);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    if (n > MAX_CSV_BYTES) throw new DatasetError(`${file} grew past ${MAX_CSV_BYTES} bytes while being read`);
    return parsePointsCsv(decodeText(buf.subarray(0, n), file), file);
  } finally {
    fs.closeSync(fd);
  }
}
