/**
 * Labelled heatmaps on a canvas (rows × columns of weights in [0, 1], e.g. attention), a small unlabelled one for
 * grids of maps, and a hover that finds the cell under the pointer and places a tooltip beside it. Theme colours
 * only; draws what it is given.
 */
import { themeVar } from '../common/vscode';

/** How a token is written on an axis: whitespace made visible, long words shortened. */
export function tokenLabel(t: string): string {
  const s = t.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
  return s.length > 12 ? `${s.slice(0, 11)}…` : s;
}

/** Where the cells of a drawn heatmap are (CSS pixels), for hit tests. */
export interface Layout {
  x0: number;
  y0: number;
  cell: number;
  rows: number;
  cols: number;
}

export interface Cell {
  r: number;
  c: number;
}

export interface HeatmapSpec {
  rows: string[];
  cols: string[];
  /** Row by row (plain arrays or typed-array views). */
  values: ArrayLike<ArrayLike<number>>;
  /** Cells masked by construction (drawn as masked, not as weight 0). */
  masked?: (r: number, c: number) => boolean;
  /** Cells to ring (the alignment a task expects). */
  expected?: (r: number, c: number) => boolean;
  /** Row labels to flag (a wrong output symbol). */
  wrongRow?: (r: number) => boolean;
  hover?: Cell;
  maxCell: number;
  axisTitles?: { rows: string; cols: string };
}

type Colours = ReturnType<typeof colours>;

function colours() {
  return {
    fg: themeVar('--vscode-foreground', '#cccccc'),
    dim: themeVar('--vscode-descriptionForeground', '#888888'),
    bg: themeVar('--vscode-editor-background', '#1e1e1e'),
    accent: themeVar('--vscode-charts-blue', '#3794ff'),
    masked: themeVar('--vscode-editorWidget-border', themeVar('--vscode-widget-border', '#80808040')),
    focus: themeVar('--vscode-focusBorder', '#007fd4'),
    error: themeVar('--vscode-errorForeground', '#f14c4c'),
    expected: themeVar('--vscode-charts-orange', '#d18616'),
    font: themeVar('--vscode-font-family', 'sans-serif'),
  };
}

const FONT_PX = 12;
/** Cells this small (CSS pixels) are drawn as one image rather than a rectangle each (long texts: 512² cells). */
const PIXEL_CELL = 3;

/** A canvas sized to `cssW` × `cssH` CSS pixels at the device's pixel ratio, cleared, its context scaled. */
function prepare(canvas: HTMLCanvasElement, cssW: number, cssH: number): CanvasRenderingContext2D {
  const dpr = devicePixelRatio || 1;
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  canvas.width = Math.max(1, Math.round(cssW * dpr));
  canvas.height = Math.max(1, Math.round(cssH * dpr));
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  return ctx;
}

/** Fill one cell: masked grey, or the accent at the weight's opacity. */
function fillCell(ctx: CanvasRenderingContext2D, c: Colours, x: number, y: number, w: number, h: number, weight: number | undefined): void {
  if (weight === undefined) {
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = c.masked;
  } else {
    ctx.globalAlpha = Math.max(0, Math.min(1, weight));
    ctx.fillStyle = c.accent;
  }
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 1;
}

/** Cell size and margins for `width`; labels only when cells are large enough to read them. */
function layoutFor(ctx: CanvasRenderingContext2D, spec: HeatmapSpec, width: number): Layout & { labels: boolean; upright: boolean } {
  const widest = (labels: string[]) => Math.min(110, Math.max(8, ...labels.map((l) => ctx.measureText(tokenLabel(l)).width)));
  const titleSpace = spec.axisTitles ? 16 : 0;
  const cols = spec.cols.length;
  const cellFor = (x0: number) => Math.max(2, Math.min(spec.maxCell, Math.floor((width - x0 - 8) / Math.max(1, cols))));
  const x0 = widest(spec.rows) + 8 + titleSpace;
  const cell = cellFor(x0);
  const colW = widest(spec.cols);
  // Short column labels (characters) stand upright; longer ones (words) are turned.
  const upright = colW <= cell - 2;
  if (cell < 9) return { x0: titleSpace + 4, y0: titleSpace + 4, cell: cellFor(titleSpace + 4), rows: spec.rows.length, cols, labels: false, upright };
  return { x0, y0: (upright ? FONT_PX + 8 : colW + 8) + titleSpace, cell, rows: spec.rows.length, cols, labels: true, upright };
}

function drawCells(ctx: CanvasRenderingContext2D, c: Colours, spec: HeatmapSpec, L: Layout): void {
  if (L.cell <= PIXEL_CELL) return drawCellPixels(ctx, c, spec, L);
  for (let r = 0; r < L.rows; r++) {
    for (let k = 0; k < L.cols; k++) {
      const x = L.x0 + k * L.cell;
      const y = L.y0 + r * L.cell;
      if (spec.masked?.(r, k)) {
        fillCell(ctx, c, x, y, L.cell, L.cell, undefined);
        continue;
      }
      ctx.fillStyle = c.bg;
      ctx.fillRect(x, y, L.cell, L.cell);
      fillCell(ctx, c, x, y, L.cell, L.cell, spec.values[r]?.[k] ?? 0);
    }
  }
}

/** A hairline grid, when cells are large enough to read. */
function drawGridLines(ctx: CanvasRenderingContext2D, c: Colours, L: Layout): void {
  if (L.cell < 8) return;
  ctx.strokeStyle = c.masked;
  ctx.lineWidth = 0.5;
  ctx.globalAlpha = 0.6;
  ctx.beginPath();
  for (let r = 0; r <= L.rows; r++) {
    ctx.moveTo(L.x0, L.y0 + r * L.cell);
    ctx.lineTo(L.x0 + L.cols * L.cell, L.y0 + r * L.cell);
  }
  for (let k = 0; k <= L.cols; k++) {
    ctx.moveTo(L.x0 + k * L.cell, L.y0);
    ctx.lineTo(L.x0 + k * L.cell, L.y0 + L.rows * L.cell);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;
}

/** Rings on the expected cells, and the hovered cell outlined. */
function drawMarks(ctx: CanvasRenderingContext2D, c: Colours, spec: HeatmapSpec, L: Layout): void {
  if (spec.expected) {
    ctx.strokeStyle = c.expected;
    ctx.lineWidth = 1.5;
    for (let r = 0; r < L.rows; r++)
      for (let k = 0; k < L.cols; k++) {
        if (!spec.expected(r, k)) continue;
        ctx.beginPath();
        ctx.arc(L.x0 + (k + 0.5) * L.cell, L.y0 + (r + 0.5) * L.cell, Math.max(2, L.cell * 0.28), 0, Math.PI * 2);
        ctx.stroke();
      }
  }
  const hv = spec.hover;
  if (hv && hv.r < L.rows && hv.c < L.cols) {
    ctx.strokeStyle = c.focus;
    ctx.lineWidth = 2;
    ctx.strokeRect(L.x0 + hv.c * L.cell + 1, L.y0 + hv.r * L.cell + 1, L.cell - 2, L.cell - 2);
  }
}

function drawLabels(ctx: CanvasRenderingContext2D, c: Colours, spec: HeatmapSpec, L: Layout, upright: boolean): void {
  const hv = spec.hover;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (let r = 0; r < L.rows; r++) {
    ctx.fillStyle = spec.wrongRow?.(r) ? c.error : hv?.r === r ? c.focus : c.fg;
    ctx.fillText(tokenLabel(spec.rows[r]), L.x0 - 5, L.y0 + (r + 0.5) * L.cell);
  }
  ctx.textAlign = upright ? 'center' : 'left';
  for (let k = 0; k < L.cols; k++) {
    ctx.fillStyle = hv?.c === k ? c.focus : c.fg;
    if (upright) {
      ctx.fillText(tokenLabel(spec.cols[k]), L.x0 + (k + 0.5) * L.cell, L.y0 - 4 - FONT_PX / 2);
      continue;
    }
    ctx.save();
    ctx.translate(L.x0 + (k + 0.5) * L.cell, L.y0 - 5);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(tokenLabel(spec.cols[k]), 0, 0);
    ctx.restore();
  }
}

function drawAxisTitles(ctx: CanvasRenderingContext2D, c: Colours, titles: { rows: string; cols: string }, L: Layout): void {
  ctx.fillStyle = c.dim;
  ctx.font = `11px ${c.font}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(`${titles.cols} →`, L.x0, 1);
  ctx.save();
  ctx.translate(1, L.y0);
  ctx.rotate(Math.PI / 2);
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${titles.rows} →`, 0, 0);
  ctx.restore();
}

/** A colour as r, g, b (through the canvas's own colour parsing). */
function rgbOf(ctx: CanvasRenderingContext2D, colour: string): [number, number, number] {
  ctx.fillStyle = '#000';
  ctx.fillStyle = colour;
  const s = String(ctx.fillStyle);
  if (s.startsWith('#')) return [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16)) as [number, number, number];
  const m = s.match(/[\d.]+/g) ?? ['0', '0', '0'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

/** drawCells for small cells: every cell's blend of accent over background written into one ImageData. */
function drawCellPixels(ctx: CanvasRenderingContext2D, c: Colours, spec: HeatmapSpec, L: Layout): void {
  const dpr = devicePixelRatio || 1;
  const px = Math.max(1, Math.round(L.cell * dpr));
  const W = L.cols * px;
  const H = L.rows * px;
  const img = ctx.createImageData(W, H);
  const [ar, ag, ab] = rgbOf(ctx, c.accent);
  const [br, bg, bb] = rgbOf(ctx, c.bg);
  const [mr, mg, mb] = rgbOf(ctx, c.masked);
  const d = img.data;
  for (let r = 0; r < L.rows; r++) {
    const row = spec.values[r];
    for (let k = 0; k < L.cols; k++) {
      const masked = spec.masked?.(r, k) ?? false;
      const w = masked ? 0.35 : Math.max(0, Math.min(1, row?.[k] ?? 0));
      const [tr, tg, tb] = masked ? [mr, mg, mb] : [ar, ag, ab];
      const R = br + (tr - br) * w, G = bg + (tg - bg) * w, B = bb + (tb - bb) * w;
      for (let y = r * px; y < (r + 1) * px; y++)
        for (let x = k * px, o = (y * W + x) * 4; x < (k + 1) * px; x++, o += 4) {
          d[o] = R;
          d[o + 1] = G;
          d[o + 2] = B;
          d[o + 3] = 255;
        }
    }
  }
  ctx.putImageData(img, Math.round(L.x0 * dpr), Math.round(L.y0 * dpr));
}

/** Draw a labelled heatmap `width` CSS pixels wide at most; returns where the cells are, for hit tests. */
export function drawHeatmap(canvas: HTMLCanvasElement, spec: HeatmapSpec, width: number): Layout {
  const c = colours();
  const measure = canvas.getContext('2d')!;
  measure.font = `${FONT_PX}px ${c.font}`;
  const L = layoutFor(measure, spec, width);
  const ctx = prepare(canvas, Math.ceil(L.x0 + L.cols * L.cell + 8), Math.ceil(L.y0 + L.rows * L.cell + 8));
  ctx.font = `${Math.min(FONT_PX, L.cell - 1)}px ${c.font}`;
  drawCells(ctx, c, spec, L);
  drawGridLines(ctx, c, L);
  drawMarks(ctx, c, spec, L);
  if (L.labels) drawLabels(ctx, c, spec, L, L.upright);
  if (spec.axisTitles) drawAxisTitles(ctx, c, spec.axisTitles, L);
  // Where the cells are, for tests and assistive tools.
  canvas.dataset.x0 = String(L.x0);
  canvas.dataset.y0 = String(L.y0);
  canvas.dataset.cell = String(L.cell);
  return { x0: L.x0, y0: L.y0, cell: L.cell, rows: L.rows, cols: L.cols };
}

/** A small unlabelled square heatmap of `size` CSS pixels (a grid of maps); `causal` masks the upper triangle. */
export function drawMini(canvas: HTMLCanvasElement, values: ArrayLike<ArrayLike<number>>, size: number, causal: boolean): void {
  const c = colours();
  const ctx = prepare(canvas, size, size);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, size, size);
  const n = values.length;
  // More tokens than pixels: one sampled cell per pixel.
  const m = Math.min(n, size);
  const at = (i: number) => Math.floor((i * n) / m);
  const edge = (i: number) => Math.round((i * size) / Math.max(1, m));
  for (let r = 0; r < m; r++)
    for (let k = 0; k < m; k++) fillCell(ctx, c, edge(k), edge(r), edge(k + 1) - edge(k), edge(r + 1) - edge(r), causal && at(k) > at(r) ? undefined : values[at(r)][at(k)]);
}

/**
 * Hover on a heatmap: find the cell under the pointer, let `onCell` redraw with it outlined and say what the tooltip
 * reads, and place the tooltip (inside the canvas's wrapper) beside the cell.
 */
export function bindCellHover(canvas: HTMLCanvasElement, tip: HTMLElement, layout: () => Layout | undefined, onCell: (cell: Cell) => string): void {
  let last = '';
  const hide = () => {
    tip.hidden = true;
    last = '';
  };
  canvas.addEventListener('mousemove', (e) => {
    const L = layout();
    if (!L) return;
    const rect = canvas.getBoundingClientRect();
    const c = Math.floor((e.clientX - rect.left - L.x0) / L.cell);
    const r = Math.floor((e.clientY - rect.top - L.y0) / L.cell);
    if (r < 0 || c < 0 || r >= L.rows || c >= L.cols) return hide();
    if (last === `${r},${c}` && !tip.hidden) return;
    last = `${r},${c}`;
    tip.textContent = onCell({ r, c });
    tip.hidden = false;
    tip.dataset.row = String(r);
    tip.dataset.col = String(c);
    const wrap = tip.parentElement!.getBoundingClientRect();
    const left = Math.min(rect.left - wrap.left + L.x0 + (c + 1) * L.cell + 8, wrap.width - tip.offsetWidth - 4);
    let top = rect.top - wrap.top + L.y0 + (r + 1) * L.cell + 6;
    // Near the bottom edge, above the cell instead (the wrapper clips what overflows).
    if (top + tip.offsetHeight > wrap.height) top = rect.top - wrap.top + L.y0 + r * L.cell - tip.offsetHeight - 6;
    tip.style.left = `${Math.max(0, left)}px`;
    tip.style.top = `${top}px`;
  });
  canvas.addEventListener('mouseleave', hide);
}
