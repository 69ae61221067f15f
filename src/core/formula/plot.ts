/**
 * Tiny function plots drawn as SVG by our own code (no library): activations and the hinge loss.
 */
import { hardtanh, hinge, leakyRelu, relu, sigmoid, step } from './examples';

export type PlotFn = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'hardtanh' | 'step' | 'hinge';

export const PLOT_FNS: Record<PlotFn, { f: (x: number) => number; x: [number, number]; y: [number, number]; xLabel: string; yLabel: string }> = {
  sigmoid: { f: sigmoid, x: [-6, 6], y: [-0.1, 1.1], xLabel: 'z', yLabel: 'σ(z)' },
  tanh: { f: Math.tanh, x: [-4, 4], y: [-1.2, 1.2], xLabel: 'z', yLabel: 'tanh(z)' },
  relu: { f: relu, x: [-3, 3], y: [-0.5, 3], xLabel: 'z', yLabel: 'ReLU(z)' },
  'leaky-relu': { f: (x) => leakyRelu(x, 0.1), x: [-3, 3], y: [-0.5, 3], xLabel: 'z', yLabel: 'LeakyReLU(z), α = 0.1' },
  hardtanh: { f: hardtanh, x: [-3, 3], y: [-1.3, 1.3], xLabel: 'z', yLabel: 'hardtanh(z)' },
  step: { f: step, x: [-3, 3], y: [-0.2, 1.2], xLabel: 'z', yLabel: 'step(z)' },
  hinge: { f: hinge, x: [-2, 3], y: [-0.2, 3], xLabel: 'margin y·s', yLabel: 'max(0, 1 − y·s)' },
};

export function isPlotFn(s: unknown): s is PlotFn {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(PLOT_FNS, s);
}

/** Sample points of a plot function (x, y), n points evenly over its x range. */
export function plotPoints(fn: PlotFn, n = 81): Array<[number, number]> {
  const p = PLOT_FNS[fn];
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) {
    const x = p.x[0] + ((p.x[1] - p.x[0]) * k) / (n - 1);
    out.push([x, p.f(x)]);
  }
  return out;
}

const SAFE_COLOR = /^(#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.\s,%]+\)|[a-zA-Z]{3,20})$/;

/** A colour usable inside an SVG attribute, or the fallback. */
export function safeColor(c: string | undefined, fallback = '#888888'): string {
  return c && SAFE_COLOR.test(c.trim()) ? c.trim() : fallback;
}

/** An SVG plot of the function, in `color` (axes in the same colour, lighter). */
export function plotSvg(fn: PlotFn, opts: { color?: string; width?: number; height?: number } = {}): string {
  const p = PLOT_FNS[fn];
  const W = opts.width ?? 180;
  const H = opts.height ?? 110;
  const pad = 14;
  const color = safeColor(opts.color);
  const sx = (x: number) => pad + ((x - p.x[0]) / (p.x[1] - p.x[0])) * (W - 2 * pad);
  const sy = (y: number) => H - pad - ((y - p.y[0]) / (p.y[1] - p.y[0])) * (H - 2 * pad);
  const pts = plotPoints(fn, fn === 'step' ? 2001 : 121)
    .map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
    .join(' ');
  const ax = Math.min(Math.max(0, p.x[0]), p.x[1]);
  const ay = Math.min(Math.max(0, p.y[0]), p.y[1]);
  const label = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="9">` +
    `<line x1="${pad}" y1="${sy(ay).toFixed(1)}" x2="${W - pad}" y2="${sy(ay).toFixed(1)}" stroke="${color}" stroke-opacity="0.45" stroke-width="1"/>` +
    `<line x1="${sx(ax).toFixed(1)}" y1="${pad / 2}" x2="${sx(ax).toFixed(1)}" y2="${H - pad}" stroke="${color}" stroke-opacity="0.45" stroke-width="1"/>` +
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts}"/>` +
    `<text x="${W - pad}" y="${H - 3}" text-anchor="end" fill="${color}" fill-opacity="0.8">${label(p.xLabel)}</text>` +
    `<text x="${pad + 2}" y="${pad - 3}" fill="${color}" fill-opacity="0.8">${label(p.yLabel)}</text>` +
    `</svg>`
  );
}
