/**
 * Canvas helpers the panel's drawn views share: a canvas sharp on high-DPI screens, a 2-D context cleared to the
 * theme's background, the theme's colours the drawings use, and a theme colour as RGB.
 */
import { h, themeVar } from '../common/vscode';

/** A canvas of `size` CSS pixels (square unless `height` is given), sharp on high-DPI screens. */
export function makeCanvas(cls: string, size: number, height = size, id?: string): HTMLCanvasElement {
  const c = h('canvas', { class: cls, id });
  sizeCanvas(c, size, height);
  return c;
}

/** Give a canvas a new size in CSS pixels (its drawing is cleared). */
export function sizeCanvas(c: HTMLCanvasElement, width: number, height: number): void {
  const dpr = window.devicePixelRatio || 1;
  c.width = Math.round(width * dpr);
  c.height = Math.round(height * dpr);
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
}

/** The canvas's 2-D context in CSS pixels, filled with the background colour. */
export function context2d(c: HTMLCanvasElement, col: { bg: string }): CanvasRenderingContext2D {
  const ctx = c.getContext('2d')!;
  const dpr = c.width / parseFloat(c.style.width);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = col.bg;
  ctx.fillRect(0, 0, c.width / dpr, c.height / dpr);
  return ctx;
}

/** A CSS colour as [r, g, b] (resolved by a 1×1 canvas, so any colour syntax the theme uses works). */
export function rgbOf(css: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/** The theme colours every drawn view uses: text, dimmed text, background, the two chart colours of a sign, font. */
export function baseColours() {
  return {
    fg: themeVar('--vscode-foreground', '#cccccc'),
    dim: themeVar('--vscode-descriptionForeground', '#888888'),
    bg: themeVar('--vscode-editor-background', '#1e1e1e'),
    blue: themeVar('--vscode-charts-blue', '#3794ff'),
    orange: themeVar('--vscode-charts-orange', '#d18616'),
    font: themeVar('--vscode-font-family', 'sans-serif'),
  };
}
