/**
 * The word map's canvas (Canvas 2D): up to tens of thousands of points, drawn at most once per animation frame.
 * Each frame draws only the points in the grid cells on screen (GridIndex), every such point as a small square in
 * its colour class, then labels placed greedily by priority (most frequent first; the isolated word and its
 * neighbours first when a neighbourhood is isolated) so no two overlap. Drag pans, the wheel and a two-finger pinch
 * zoom about the pointer, a click picks the nearest word. The element's data attributes say what the last frame
 * drew (frames, visible points, labels, the average time to draw one), for tests.
 */
import { bounds2d } from '../../src/core/util/bounds';
import { GridIndex, placeLabels } from './mapLayout';

export interface MapColours {
  fg: string;
  bg: string;
  dim: string;
  accent: string;
  /** An isolated word's neighbours. */
  near: string;
  font: string;
  /** One colour per class (classOf values index it). */
  classes: string[];
  /** A short legend: colour and text. */
  legend: Array<[string, string]>;
}

const POINT = 3;
const LINE = 14;

export class MapCanvas {
  readonly canvas: HTMLCanvasElement;
  private words: string[] = [];
  private xy: Float32Array = new Float32Array(0);
  private grid: GridIndex | undefined;
  private classOf: Uint8Array = new Uint8Array(0);
  private listed = false;
  private colours: MapColours | undefined;
  private members: Uint8Array | undefined;
  private focus = -1;
  private neighbours = new Int32Array(0);
  private widths = new Float32Array(0);
  private readonly charWidths = new Map<string, number>();
  private sx = new Float32Array(0);
  private sy = new Float32Array(0);
  private visible = new Int32Array(0);
  private scale = 1;
  private tx = 0;
  private ty = 0;
  private fitScale = 1;
  private size = { w: 0, h: 0 };
  private pending = false;
  private pixels: ImageData | undefined;
  private frames = 0;
  /** Time to draw a frame (moving average, ms). */
  private renderMs = 0;
  /** A click on a word. */
  onPick: (i: number) => void = () => undefined;

  constructor(label: string) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map';
    this.canvas.id = 'embeddings-canvas';
    this.canvas.setAttribute('aria-label', label);
    new ResizeObserver(() => {
      const r = this.canvas.getBoundingClientRect();
      const first = this.size.w === 0;
      // the centre of the view stays where it was
      this.tx += (r.width - this.size.w) / 2;
      this.ty += (r.height - this.size.h) / 2;
      this.size = { w: r.width, h: r.height };
      if (first && this.grid) this.fit();
      this.requestDraw();
    }).observe(this.canvas);
    this.bindPointer();
  }

  /** New words and coordinates: the view fits them; isolation and classes are reset. */
  setData(words: string[], xy: Float32Array): void {
    this.words = words;
    this.xy = xy;
    const n = words.length;
    this.grid = new GridIndex(xy);
    this.widths = new Float32Array(n).fill(NaN);
    this.sx = new Float32Array(n);
    this.sy = new Float32Array(n);
    this.visible = new Int32Array(n);
    this.classOf = new Uint8Array(n);
    this.clearIsolation();
    this.fit();
  }

  /** Colour classes per word; `listed`: class 0 is "in no list of the user's" and labels go to the others first. */
  setColours(classOf: Uint8Array, colours: MapColours, listed: boolean): void {
    if (this.colours?.font !== colours.font) {
      this.widths.fill(NaN);
      this.charWidths.clear();
    }
    this.classOf = classOf;
    this.colours = colours;
    this.listed = listed;
    this.requestDraw();
  }

  /** Show only `focus` and `neighbours` (indices into the words) in colour, the rest dimmed, and zoom to them. */
  isolate(focus: number, neighbours: Int32Array): void {
    this.focus = focus;
    this.neighbours = neighbours.filter((i) => i >= 0 && i < this.words.length);
    this.members = new Uint8Array(this.words.length);
    this.members[focus] = 1;
    for (const i of this.neighbours) this.members[i] = 1;
    this.fit(Int32Array.of(focus, ...this.neighbours));
  }

  clearIsolation(): void {
    this.members = undefined;
    this.focus = -1;
    this.neighbours = new Int32Array(0);
    this.requestDraw();
  }

  get isolated(): boolean {
    return this.members !== undefined;
  }

  /** Fit the given points (default: all) into the view. */
  fit(indices?: Int32Array): void {
    const { w, h } = this.size;
    const { x0, x1, y0, y1 } = bounds2d(this.xy, indices);
    if (!(x1 >= x0)) return;
    const bw = Math.max(1e-6, x1 - x0), bh = Math.max(1e-6, y1 - y0);
    const W = w || 600, H = h || 400;
    this.scale = Math.min(0.85 * (W - 120) / bw, 0.85 * H / bh);
    if (!indices) this.fitScale = this.scale;
    this.scale = Math.min(this.scale, this.fitScale * 4000);
    this.tx = W / 2 - this.scale * (x0 + bw / 2);
    this.ty = H / 2 + this.scale * (y0 + bh / 2);
    this.requestDraw();
  }

  /** Zoom by factor k about the screen point (px, py). */
  zoom(k: number, px: number, py: number): void {
    const next = Math.min(this.fitScale * 4000, Math.max(this.fitScale / 8, this.scale * k));
    const f = next / this.scale;
    this.tx = px - f * (px - this.tx);
    this.ty = py - f * (py - this.ty);
    this.scale = next;
    this.requestDraw();
  }

  pan(dx: number, dy: number): void {
    this.tx += dx;
    this.ty += dy;
    this.requestDraw();
  }

  /** Draw in the next animation frame (several requests in one frame draw once). */
  requestDraw(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render();
    });
  }

  private bindPointer(): void {
    const c = this.canvas;
    const at = (e: { clientX: number; clientY: number }) => {
      const r = c.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      const p = at(e);
      this.zoom(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), p.x, p.y);
    }, { passive: false });
    const down = new Map<number, { x: number; y: number }>();
    let moved = 0;
    c.addEventListener('pointerdown', (e) => {
      try {
        c.setPointerCapture(e.pointerId);
      } catch {
        // a pointer the browser does not track (a synthetic event): no capture needed
      }
      down.set(e.pointerId, at(e));
      moved = 0;
    });
    c.addEventListener('pointermove', (e) => {
      const last = down.get(e.pointerId);
      if (!last) return;
      const p = at(e);
      const other = [...down].find(([id]) => id !== e.pointerId)?.[1];
      if (other) {
        // two fingers: zoom by the change of their distance about their midpoint, pan with the midpoint
        const before = Math.hypot(last.x - other.x, last.y - other.y), after = Math.hypot(p.x - other.x, p.y - other.y);
        if (before > 0) this.zoom(after / before, (p.x + other.x) / 2, (p.y + other.y) / 2);
        this.pan((p.x - last.x) / 2, (p.y - last.y) / 2);
      } else {
        this.pan(p.x - last.x, p.y - last.y);
      }
      moved += Math.abs(p.x - last.x) + Math.abs(p.y - last.y);
      down.set(e.pointerId, p);
    });
    const up = (e: PointerEvent) => {
      const was = down.delete(e.pointerId);
      if (!was || moved > 3 || down.size > 0 || e.type !== 'pointerup' || !this.grid) return;
      const p = at(e);
      const i = this.grid.nearest((p.x - this.tx) / this.scale, (this.ty - p.y) / this.scale, 10 / this.scale);
      if (i >= 0) this.onPick(i);
    };
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
  }

  /** Draw now (an export draws the same picture into another context). */
  renderNow(): void {
    this.render();
  }

  private render(): void {
    const t0 = performance.now();
    const { w, h } = this.size;
    const dpr = devicePixelRatio || 1;
    const bw = Math.max(1, Math.round(w * dpr)), bh = Math.max(1, Math.round(h * dpr));
    if (this.canvas.width !== bw || this.canvas.height !== bh) [this.canvas.width, this.canvas.height] = [bw, bh];
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const colours = this.colours;
    if (!this.grid || !colours || w === 0) return;
    const pad = 20 / this.scale;
    const m = this.grid.query(-this.tx / this.scale - pad, (this.ty - h) / this.scale - pad, (w - this.tx) / this.scale + pad, this.ty / this.scale + pad, this.visible);
    // most frequent first (the words come ordered by frequency)
    const vis = this.visible.subarray(0, m).sort();
    for (const i of vis) this.project(i);
    this.drawPoints(ctx, vis, colours);
    ctx.font = colours.font;
    ctx.textBaseline = 'top';
    const labels = this.drawLabels(ctx, vis, colours);
    this.drawLegend(ctx, colours);
    this.frames++;
    const d = this.canvas.dataset;
    d.frames = String(this.frames);
    d.visible = String(m);
    d.labels = String(labels);
    d.scale = (this.scale / this.fitScale).toFixed(3);
    this.renderMs = this.frames === 1 ? performance.now() - t0 : 0.9 * this.renderMs + 0.1 * (performance.now() - t0);
    d.renderMs = this.renderMs.toFixed(1);
  }

  private project(i: number): void {
    this.sx[i] = this.tx + this.scale * this.xy[2 * i];
    this.sy[i] = this.ty - this.scale * this.xy[2 * i + 1];
  }

  /**
   * Points as pixels (one putImageData: much cheaper than tens of thousands of paths): rare words first, so the
   * frequent ones (bigger) lie on top; a user's listed words over the others; an isolated neighbourhood over the
   * dimmed rest.
   */
  private drawPoints(ctx: CanvasRenderingContext2D, vis: Int32Array, colours: MapColours): void {
    const W = this.canvas.width, H = this.canvas.height, dpr = W / this.size.w;
    if (this.pixels?.width !== W || this.pixels.height !== H) this.pixels = ctx.createImageData(W, H);
    const buf = new Uint32Array(this.pixels.data.buffer);
    buf.fill(0);
    const px = colours.classes.map(pixelOf);
    const dim = pixelOf(colours.dim);
    const small = Math.max(2, Math.round(POINT * dpr)), big = small + Math.max(1, Math.round(dpr));
    const put = (i: number, colour: number, size: number) => {
      const left = Math.round(this.sx[i] * dpr - size / 2), top = Math.round(this.sy[i] * dpr - size / 2);
      const x0 = Math.max(0, left), y0 = Math.max(0, top), x1 = Math.min(W, left + size), y1 = Math.min(H, top + size);
      if (x0 >= x1) return;
      for (let y = y0; y < y1; y++) buf.fill(colour, y * W + x0, y * W + x1);
    };
    const members = this.members;
    const front = (i: number) => (members ? members[i] === 1 : this.listed && this.classOf[i] > 0);
    for (let k = vis.length - 1; k >= 0; k--) {
      const i = vis[k];
      if (!front(i)) put(i, members ? dim : px[this.classOf[i]], this.classOf[i] < 3 && !members ? big : small);
    }
    const near = pixelOf(colours.near);
    for (let k = vis.length - 1; k >= 0; k--) if (front(vis[k])) put(vis[k], members ? near : px[this.classOf[vis[k]]], members ? big + 2 : big);
    ctx.putImageData(this.pixels, 0, 0);
    if (this.focus >= 0) {
      this.project(this.focus);
      ctx.fillStyle = colours.accent;
      ctx.beginPath();
      ctx.arc(this.sx[this.focus], this.sy[this.focus], 5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  /** Labels by priority; returns how many were drawn. */
  private drawLabels(ctx: CanvasRenderingContext2D, vis: Int32Array, colours: MapColours): number {
    let cands: Int32Array;
    if (this.members) {
      cands = Int32Array.of(this.focus, ...this.neighbours);
      for (const i of cands) this.project(i);
    } else {
      // most frequent first; words in a user's list before the others
      cands = vis;
      if (this.listed) {
        const first = new Int32Array(cands.length);
        let k = 0;
        for (const i of cands) if (this.classOf[i] > 0) first[k++] = i;
        for (const i of cands) if (this.classOf[i] === 0) first[k++] = i;
        cands = first;
      }
    }
    const widthOf = (i: number) => {
      if (Number.isNaN(this.widths[i])) this.widths[i] = this.textWidth(ctx, this.words[i]);
      return this.widths[i];
    };
    const placed = placeLabels(cands, cands.length, this.sx, this.sy, widthOf, { width: this.size.w, height: this.size.h, lineHeight: LINE, maxLabels: 320, maxTries: 2500 });
    ctx.fillStyle = colours.bg;
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    for (let k = 0; k < placed.count; k++) ctx.rect(placed.x[k] - 1, placed.y[k], placed.w[k] + 2, LINE);
    ctx.fill();
    ctx.globalAlpha = 1;
    for (let k = 0; k < placed.count; k++) {
      const i = placed.index[k];
      ctx.fillStyle = i === this.focus ? colours.accent : colours.fg;
      ctx.fillText(this.words[i], placed.x[k], placed.y[k] + 1);
    }
    return placed.count;
  }

  /**
   * A word's width in the label font: the sum of its characters' widths, each measured once (measureText per word
   * costs too much while zooming brings thousands of new words into view); 1 px spare for kerning.
   */
  private textWidth(ctx: CanvasRenderingContext2D, word: string): number {
    let w = 1;
    for (const ch of word) {
      let cw = this.charWidths.get(ch);
      if (cw === undefined) this.charWidths.set(ch, (cw = ctx.measureText(ch).width));
      w += cw;
    }
    return w;
  }

  private drawLegend(ctx: CanvasRenderingContext2D, colours: MapColours): void {
    let x = 8;
    const y = this.size.h - LINE - 6;
    for (const [colour, text] of colours.legend) {
      const tw = ctx.measureText(text).width;
      ctx.fillStyle = colours.bg;
      ctx.globalAlpha = 0.8;
      ctx.fillRect(x - 3, y - 2, tw + 20, LINE + 4);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colour;
      ctx.fillRect(x, y + 3, 8, 8);
      ctx.fillStyle = colours.fg;
      ctx.fillText(text, x + 12, y + 1);
      x += tw + 24;
    }
  }
}

const pixelCache = new Map<string, number>();
let probe: CanvasRenderingContext2D | undefined;

/** A CSS colour as one canvas pixel (RGBA bytes in memory order, read as a little-endian uint32), opaque. */
function pixelOf(css: string): number {
  let v = pixelCache.get(css);
  if (v === undefined) {
    probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = css;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    v = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    pixelCache.set(css, v);
  }
  return v;
}
