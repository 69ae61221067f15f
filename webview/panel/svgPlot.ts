/**
 * Small SVG figures shared by the Distillation, Latent Space and HS Tree views: an element builder, a line chart
 * with axes, and a scatter plot. Colours come from CSS classes (media/models.css, theme variables); nothing here
 * computes a number that is shown, it only places the engine's numbers on the page.
 */
const NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element with attributes (presentation attributes and classes, never inline styles) and children. */
export function s(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export interface Series {
  name: string;
  /** CSS class of the line (its colour). */
  cls: string;
  points: [number, number][];
  dashed?: boolean;
}

export interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Canvas box: left, top, width, height of the plotting area. */
  box: [number, number, number, number];
}

export const toX = (f: Frame, x: number) => f.box[0] + ((x - f.x0) / (f.x1 - f.x0 || 1)) * f.box[2];
export const toY = (f: Frame, y: number) => f.box[1] + f.box[3] - ((y - f.y0) / (f.y1 - f.y0 || 1)) * f.box[3];

const tick = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2));

/** The extent of numbers, padded when it is a single value. */
function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  return [lo, hi];
}

/** Axes with three ticks each and labels, in an svg of width × height. */
function axes(svg: SVGElement, f: Frame, xLabel: string, yLabel: string): void {
  const [l, t, w, hgt] = f.box;
  svg.append(s('line', { x1: l, y1: t + hgt, x2: l + w, y2: t + hgt, class: 'plot-axis' }), s('line', { x1: l, y1: t, x2: l, y2: t + hgt, class: 'plot-axis' }));
  for (const k of [0, 0.5, 1]) {
    const xv = f.x0 + k * (f.x1 - f.x0);
    const yv = f.y0 + k * (f.y1 - f.y0);
    svg.append(s('text', { x: toX(f, xv), y: t + hgt + 14, class: 'plot-tick', 'text-anchor': 'middle' }, tick(xv)));
    svg.append(s('text', { x: l - 4, y: toY(f, yv) + 4, class: 'plot-tick', 'text-anchor': 'end' }, tick(yv)));
  }
  svg.append(s('text', { x: l + w / 2, y: t + hgt + 28, class: 'plot-label', 'text-anchor': 'middle' }, xLabel));
  svg.append(s('text', { x: 12, y: t + hgt / 2, class: 'plot-label', 'text-anchor': 'middle', transform: `rotate(-90 12 ${t + hgt / 2})` }, yLabel));
}

/** A line chart of several series, with a legend. */
export function lineChart(series: Series[], opts: { width: number; height: number; xLabel: string; yLabel: string; id?: string }): SVGElement {
  const svg = s('svg', { width: opts.width, height: opts.height, viewBox: `0 0 ${opts.width} ${opts.height}`, class: 'plot', ...(opts.id ? { id: opts.id } : {}) });
  const xs = series.flatMap((r) => r.points.map((p) => p[0]));
  const ys = series.flatMap((r) => r.points.map((p) => p[1]));
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const f: Frame = { x0, x1, y0, y1, box: [54, 10, opts.width - 64, opts.height - 58] };
  axes(svg, f, opts.xLabel, opts.yLabel);
  for (const r of series) {
    const pts = r.points.filter((p) => Number.isFinite(p[1]));
    if (!pts.length) continue;
    svg.append(s('polyline', { points: pts.map((p) => `${toX(f, p[0]).toFixed(1)},${toY(f, p[1]).toFixed(1)}`).join(' '), class: `plot-line ${r.cls}${r.dashed ? ' plot-dashed' : ''}` }));
    for (const p of pts) svg.append(s('circle', { cx: toX(f, p[0]).toFixed(1), cy: toY(f, p[1]).toFixed(1), r: 2.5, class: `plot-dot ${r.cls}` }));
  }
  series.forEach((r, i) => {
    const y = opts.height - 8;
    const x = 54 + i * Math.floor((opts.width - 64) / Math.max(1, series.length));
    svg.append(s('line', { x1: x, y1: y - 4, x2: x + 18, y2: y - 4, class: `plot-line ${r.cls}${r.dashed ? ' plot-dashed' : ''}` }), s('text', { x: x + 22, y, class: 'plot-tick' }, r.name));
  });
  return svg;
}

/** A scatter plot of points (x, y) with a CSS class each, in a square frame over the points' extent. */
export function scatter(points: { x: number; y: number; cls: string; title?: string }[], opts: { size: number; xLabel: string; yLabel: string; id?: string; frame?: Frame }): { svg: SVGElement; frame: Frame } {
  const size = opts.size;
  const svg = s('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, class: 'plot', ...(opts.id ? { id: opts.id } : {}) });
  const [x0, x1] = extent(points.map((p) => p.x));
  const [y0, y1] = extent(points.map((p) => p.y));
  const frame = opts.frame ?? { x0, x1, y0, y1, box: [54, 10, size - 64, size - 48] };
  axes(svg, frame, opts.xLabel, opts.yLabel);
  for (const p of points) {
    const c = s('circle', { cx: toX(frame, p.x).toFixed(1), cy: toY(frame, p.y).toFixed(1), r: 2.2, class: `plot-point ${p.cls}` });
    if (p.title) c.append(s('title', {}, p.title));
    svg.append(c);
  }
  return { svg, frame };
}
