/**
 * The word map's geometry, without DOM (unit-tested): a grid index over the points for culling and hit tests, the
 * greedy placement of labels that never overlap, the colour classes (log frequency rank, or the user's word lists)
 * and colour mixing.
 */
import { bounds2d } from '../../src/core/util/bounds';

/** A uniform grid over the points' bounding box; each cell lists its points in ascending index. */
export class GridIndex {
  readonly x0: number;
  readonly y0: number;
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    readonly xy: Float32Array,
    perCell = 8,
  ) {
    const n = xy.length / 2;
    let { x0, x1, y0, y1 } = bounds2d(xy);
    if (!(x1 >= x0)) [x0, x1, y0, y1] = [0, 1, 0, 1];
    const w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9);
    const cells = Math.max(1, Math.min(256 * 256, Math.ceil(n / perCell)));
    this.cell = Math.sqrt((w * h) / cells) || 1;
    this.cols = Math.min(512, Math.max(1, Math.ceil(w / this.cell)));
    this.rows = Math.min(512, Math.max(1, Math.ceil(h / this.cell)));
    this.cell = Math.max(w / this.cols, h / this.rows) * (1 + 1e-9);
    this.x0 = x0;
    this.y0 = y0;
    const count = new Int32Array(this.cols * this.rows + 1);
    const at = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      at[i] = this.cellOf(xy[2 * i], xy[2 * i + 1]);
      count[at[i] + 1]++;
    }
    for (let c = 0; c < this.cols * this.rows; c++) count[c + 1] += count[c];
    this.start = count.slice();
    this.items = new Int32Array(n);
    for (let i = 0; i < n; i++) this.items[count[at[i]]++] = i;
  }

  get bounds(): { x0: number; y0: number; x1: number; y1: number } {
    return { x0: this.x0, y0: this.y0, x1: this.x0 + this.cols * this.cell, y1: this.y0 + this.rows * this.cell };
  }

  private clampCol(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
  }

  private clampRow(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
  }

  private cellOf(x: number, y: number): number {
    return this.clampRow(y) * this.cols + this.clampCol(x);
  }

  /** Indices of the points in the cells that meet the rectangle (a superset of those inside it), into `out`. */
  query(x0: number, y0: number, x1: number, y1: number, out: Int32Array): number {
    const b = this.bounds;
    if (x1 < b.x0 || y1 < b.y0 || x0 > b.x1 || y0 > b.y1) return 0;
    const c0 = this.clampCol(x0), c1 = this.clampCol(x1), r0 = this.clampRow(y0), r1 = this.clampRow(y1);
    let m = 0;
    for (let r = r0; r <= r1; r++) {
      const from = this.start[r * this.cols + c0], to = this.start[r * this.cols + c1 + 1];
      out.set(this.items.subarray(from, to), m);
      m += to - from;
    }
    return m;
  }

  /** The point nearest to (x, y) within `radius`, or −1. */
  nearest(x: number, y: number, radius: number): number {
    const buf = new Int32Array(this.xy.length / 2);
    const m = this.query(x - radius, y - radius, x + radius, y + radius, buf);
    let best = -1, bestD = radius * radius;
    for (let k = 0; k < m; k++) {
      const i = buf[k];
      const d = (this.xy[2 * i] - x) ** 2 + (this.xy[2 * i + 1] - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }
}

/** Placed labels: for each, the point's index and its box's top-left corner (screen pixels). */
export interface PlacedLabels {
  count: number;
  index: Int32Array;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
}

export interface LabelOptions {
  /** The view's size: boxes must lie inside it. */
  width: number;
  height: number;
  /** Label height in pixels. */
  lineHeight: number;
  /** Stop after this many labels are placed, or this many candidates tried. */
  maxLabels: number;
  maxTries: number;
}

/**
 * Greedy label placement: candidates in priority order; each gets the first of four positions around its point
 * (right, left, above, below) whose box lies in the view and meets no box placed before; otherwise none. Placed
 * boxes are kept in a grid of screen cells, so a test looks only at the boxes of the cells it covers.
 */
export function placeLabels(candidates: ArrayLike<number>, count: number, sx: Float32Array, sy: Float32Array, widthOf: (i: number) => number, o: LabelOptions): PlacedLabels {
  const h = o.lineHeight;
  const cw = 64, ch = Math.max(4, h);
  const cols = Math.max(1, Math.ceil(o.width / cw)), rows = Math.max(1, Math.ceil(o.height / ch));
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  const out: PlacedLabels = { count: 0, index: new Int32Array(o.maxLabels), x: new Float64Array(o.maxLabels), y: new Float64Array(o.maxLabels), w: new Float64Array(o.maxLabels) };
  const span = (a: number, b: number, size: number, n: number): [number, number] => [Math.max(0, Math.floor(a / size)), Math.min(n - 1, Math.floor(b / size))];
  const free = (x: number, y: number, w: number): boolean => {
    if (x < 0 || y < 0 || x + w > o.width || y + h > o.height) return false;
    const [c0, c1] = span(x, x + w, cw, cols), [r0, r1] = span(y, y + h, ch, rows);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        for (const k of cells[r * cols + c]) {
          if (x < out.x[k] + out.w[k] && out.x[k] < x + w && y < out.y[k] + h && out.y[k] < y + h) return false;
        }
      }
    }
    return true;
  };
  const tries = Math.min(count, o.maxTries);
  const spotX = new Float64Array(4), spotY = new Float64Array(4);
  for (let t = 0; t < tries && out.count < o.maxLabels; t++) {
    const i = candidates[t];
    const w = widthOf(i), px = sx[i], py = sy[i];
    // right, left, above, below
    spotX[0] = px + 5, spotY[0] = py - h / 2;
    spotX[1] = px - 5 - w, spotY[1] = py - h / 2;
    spotX[2] = px - w / 2, spotY[2] = py - 4 - h;
    spotX[3] = px - w / 2, spotY[3] = py + 4;
    let s = 0;
    while (s < 4 && !free(spotX[s], spotY[s], w)) s++;
    if (s === 4) continue;
    const k = out.count++;
    out.index[k] = i;
    out.x[k] = spotX[s];
    out.y[k] = spotY[s];
    out.w[k] = w;
    const [c0, c1] = span(spotX[s], spotX[s] + w, cw, cols), [r0, r1] = span(spotY[s], spotY[s] + h, ch, rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c].push(k);
  }
  return out;
}

/** The colour class of the word of frequency rank `rank` (0 = most frequent) of `n`: log rank in `classes` steps. */
export function logRankClass(rank: number, n: number, classes: number): number {
  if (n <= 1) return 0;
  return Math.min(classes - 1, Math.floor((classes * Math.log1p(rank)) / Math.log1p(n)));
}

/** Word lists typed by the user: one list per non-empty line, words split by spaces or commas, lower-cased. */
export function parseWordLists(text: string, maxLists = 8): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/[\s,;]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))
    .filter((l) => l.length > 0)
    .slice(0, maxLists);
}

/** Each word's list (1-based; 0 = in no list); a word in several lists gets the first. */
export function listClasses(words: readonly string[], lists: readonly string[][]): Uint8Array {
  const of = new Map<string, number>();
  lists.forEach((l, k) => l.forEach((w) => of.has(w) || of.set(w, k + 1)));
  return Uint8Array.from(words, (w) => of.get(w.toLowerCase()) ?? 0);
}

/** `#rrggbb` a fraction t of the way from colour a to colour b. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
  const ch = (s: number) => Math.round(((pa >> s) & 255) * (1 - t) + ((pb >> s) & 255) * t);
  return `#${((ch(16) << 16) | (ch(8) << 8) | ch(0)).toString(16).padStart(6, '0')}`;
}
