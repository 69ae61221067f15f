/**
 * Small pictures of vectors for the Neuron View and Step Through: bars around a zero line and heat strips (one cell
 * per dimension), both diverging (blue positive, orange negative, the theme's chart colours), and one colour per
 * attention head. Draws what it is given.
 */
import { themeVar } from '../common/vscode';
import { viewColours } from './canvas';

/** The colours of the attention pictures: the base colours, one per head, and a font for numbers. */
export function attentionColours() {
  return viewColours((base) => ({
    pos: base.blue,
    neg: base.orange,
    grid: themeVar('--vscode-widget-border', themeVar('--vscode-panel-border', '#80808060')),
    mono: themeVar('--vscode-editor-font-family', 'monospace'),
    accent: themeVar('--vscode-focusBorder', base.blue),
  }), ['bg', 'pos', 'neg', 'fg']);
}
export type AttentionColours = ReturnType<typeof attentionColours>;

const HEAD_VARS: [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-red', '#f14c4c'],
  ['--vscode-charts-yellow', '#cca700'],
];

/** The colour of head `h` (the theme's chart colours in turn). */
export function headColour(h: number): string {
  const [name, fallback] = HEAD_VARS[h % HEAD_VARS.length];
  return themeVar(name, fallback);
}

/** 3 significant digits, short: for cells and captions. */
export function n3(x: number): string {
  if (x === 0) return '0';
  if (x <= -1e8) return '−∞';
  const a = Math.abs(x);
  return a >= 0.001 && a < 1000 ? x.toPrecision(3) : x.toExponential(1);
}

/** The largest |value| (1 when all are 0), the scale of a picture. */
export const maxAbs = (values: readonly number[]): number => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Bars of `values` around a zero line in the middle of `box`, scaled so `scale` fills half the height. */
export function drawBars(ctx: CanvasRenderingContext2D, values: readonly number[], box: Box, scale: number, col: AttentionColours): void {
  const n = Math.max(1, values.length);
  const bw = box.w / n;
  const mid = box.y + box.h / 2;
  ctx.globalAlpha = 1;
  ctx.fillStyle = col.grid;
  ctx.fillRect(box.x, mid, box.w, 1);
  values.forEach((v, i) => {
    const len = (Math.min(1, Math.abs(v) / scale) * box.h) / 2;
    ctx.fillStyle = v >= 0 ? col.pos : col.neg;
    ctx.fillRect(box.x + i * bw + (bw > 3 ? 0.5 : 0), v >= 0 ? mid - len : mid, Math.max(1, bw - (bw > 3 ? 1 : 0)), Math.max(len, v === 0 ? 0 : 0.5));
  });
}

/** A heat strip: one cell per value, blue for +, orange for −, stronger for larger |value| (relative to `scale`). */
export function drawStrip(ctx: CanvasRenderingContext2D, values: readonly number[], box: Box, scale: number, col: AttentionColours): void {
  const n = Math.max(1, values.length);
  const cw = box.w / n;
  values.forEach((v, i) => {
    const [r, g, b] = v >= 0 ? col.rgb.pos : col.rgb.neg;
    const a = Math.min(1, Math.abs(v) / scale);
    ctx.fillStyle = `rgba(${r}, ${g}, ${b}, ${a.toFixed(3)})`;
    ctx.fillRect(box.x + i * cw, box.y, Math.max(1, cw), box.h);
  });
  ctx.strokeStyle = col.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
}
