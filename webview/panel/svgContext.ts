/**
 * A 2-D context that records SVG instead of pixels: the subset of CanvasRenderingContext2D the panel's views draw
 * with (rectangles, paths with lines, arcs and curves, text, transforms, save/restore, alpha, dashes, images), so
 * the same draw function renders to a canvas or to a vector drawing. Path points are transformed as they are added
 * (as a canvas does); rectangles, text and images carry the current transform as a `matrix(...)`. Pixels a view
 * puts directly (putImageData, drawImage of a canvas) become an embedded PNG `<image>`. No DOM needed but for
 * encoding those images and measuring text (both replaceable, for tests).
 */

type Matrix = [number, number, number, number, number, number];

interface State {
  fillStyle: string;
  strokeStyle: string;
  globalAlpha: number;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  dash: number[];
  m: Matrix;
}

export interface SvgContextOptions {
  /** Width of text in `font` (default: a canvas's measureText, or 0.6 em per character without a DOM). */
  measure?: (text: string, font: string) => number;
  /** A PNG data: URL of pixels (default: through a canvas). */
  encode?: (image: ImageData | CanvasImageSource) => string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1000) / 1000));
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (a: Matrix, b: Matrix): Matrix => [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];

let measurer: CanvasRenderingContext2D | undefined;
function defaultMeasure(text: string, font: string): number {
  if (typeof document === 'undefined') return 0.6 * (parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '10') || 10) * text.length;
  measurer ??= document.createElement('canvas').getContext('2d')!;
  measurer.font = font;
  return measurer.measureText(text).width;
}

function defaultEncode(image: ImageData | CanvasImageSource): string {
  if (typeof ImageData !== 'undefined' && image instanceof ImageData) {
    const c = document.createElement('canvas');
    c.width = image.width;
    c.height = image.height;
    c.getContext('2d')!.putImageData(image, 0, 0);
    return c.toDataURL('image/png');
  }
  if (image instanceof HTMLCanvasElement) return image.toDataURL('image/png');
  const c = document.createElement('canvas');
  const src = image as HTMLImageElement;
  c.width = src.width;
  c.height = src.height;
  c.getContext('2d')!.drawImage(src, 0, 0);
  return c.toDataURL('image/png');
}

export class SvgContext {
  private state: State = { fillStyle: '#000000', strokeStyle: '#000000', globalAlpha: 1, lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', dash: [], m: [...IDENTITY] };
  private readonly stack: State[] = [];
  private path: string[] = [];
  /** The current point in device coordinates (for arcs that continue a path). */
  private hasPoint = false;
  private readonly parts: string[] = [];
  private readonly measure: (text: string, font: string) => number;
  private readonly encode: (image: ImageData | CanvasImageSource) => string;
  /** Smoothing flags some views set before drawing images: accepted and ignored. */
  imageSmoothingEnabled = true;
  imageSmoothingQuality: ImageSmoothingQuality = 'low';

  constructor(
    readonly width: number,
    readonly height: number,
    opts: SvgContextOptions = {},
  ) {
    this.measure = opts.measure ?? defaultMeasure;
    this.encode = opts.encode ?? defaultEncode;
  }

  // ---------------------------------------------------------------- state

  get fillStyle(): string { return this.state.fillStyle; }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) { if (typeof v === 'string') this.state.fillStyle = v; }
  get strokeStyle(): string { return this.state.strokeStyle; }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) { if (typeof v === 'string') this.state.strokeStyle = v; }
  get globalAlpha(): number { return this.state.globalAlpha; }
  set globalAlpha(v: number) { if (Number.isFinite(v) && v >= 0 && v <= 1) this.state.globalAlpha = v; }
  get lineWidth(): number { return this.state.lineWidth; }
  set lineWidth(v: number) { if (Number.isFinite(v) && v > 0) this.state.lineWidth = v; }
  get lineCap(): CanvasLineCap { return this.state.lineCap; }
  set lineCap(v: CanvasLineCap) { this.state.lineCap = v; }
  get lineJoin(): CanvasLineJoin { return this.state.lineJoin; }
  set lineJoin(v: CanvasLineJoin) { this.state.lineJoin = v; }
  get font(): string { return this.state.font; }
  set font(v: string) { this.state.font = v; }
  get textAlign(): CanvasTextAlign { return this.state.textAlign; }
  set textAlign(v: CanvasTextAlign) { this.state.textAlign = v; }
  get textBaseline(): CanvasTextBaseline { return this.state.textBaseline; }
  set textBaseline(v: CanvasTextBaseline) { this.state.textBaseline = v; }
  setLineDash(d: number[]): void { this.state.dash = d.every((x) => Number.isFinite(x) && x >= 0) ? [...d] : this.state.dash; }
  getLineDash(): number[] { return [...this.state.dash]; }

  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash], m: [...this.state.m] });
  }
  restore(): void {
    const s = this.stack.pop();
    if (s) this.state = s;
  }

  // ---------------------------------------------------------------- transforms

  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'object') this.state.m = [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0];
    else this.state.m = [a, b, c, d, e, f];
  }
  resetTransform(): void { this.state.m = [...IDENTITY]; }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void { this.state.m = multiply(this.state.m, [a, b, c, d, e, f]); }
  translate(x: number, y: number): void { this.transform(1, 0, 0, 1, x, y); }
  scale(x: number, y: number): void { this.transform(x, 0, 0, y, 0, 0); }
  rotate(angle: number): void { this.transform(Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), 0, 0); }

  private pt(x: number, y: number): string {
    const m = this.state.m;
    return `${num(m[0] * x + m[2] * y + m[4])} ${num(m[1] * x + m[3] * y + m[5])}`;
  }
  /** The current transform's scale (exact for rotations, translations and uniform scales). */
  private get unit(): number {
    const m = this.state.m;
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
  }
  private transformAttr(): string {
    const m = this.state.m;
    return m.every((v, i) => v === IDENTITY[i]) ? '' : ` transform="matrix(${m.map(num).join(' ')})"`;
  }

  // ---------------------------------------------------------------- paths

  beginPath(): void { this.path = []; this.hasPoint = false; }
  closePath(): void { if (this.path.length) this.path.push('Z'); }
  moveTo(x: number, y: number): void { this.path.push(`M${this.pt(x, y)}`); this.hasPoint = true; }
  lineTo(x: number, y: number): void { this.path.push(`${this.hasPoint ? 'L' : 'M'}${this.pt(x, y)}`); this.hasPoint = true; }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void { this.path.push(`Q${this.pt(cx, cy)} ${this.pt(x, y)}`); this.hasPoint = true; }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void { this.path.push(`C${this.pt(c1x, c1y)} ${this.pt(c2x, c2y)} ${this.pt(x, y)}`); this.hasPoint = true; }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${this.pt(x, y)}L${this.pt(x + w, y)}L${this.pt(x + w, y + h)}L${this.pt(x, y + h)}Z`);
    this.hasPoint = true;
  }
  /** An arc as SVG arc commands (a full circle as two halves); joined to the path with a line, as on a canvas. */
  arc(x: number, y: number, r: number, start: number, end: number, ccw = false): void {
    if (!(r >= 0)) throw new RangeError('negative radius');
    let sweep = ccw ? start - end : end - start;
    if (sweep >= 2 * Math.PI || sweep <= -2 * Math.PI) sweep = 2 * Math.PI;
    else sweep = ((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    const at = (a: number) => this.pt(x + r * Math.cos(a), y + r * Math.sin(a));
    this.path.push(`${this.hasPoint ? 'L' : 'M'}${at(start)}`);
    this.hasPoint = true;
    const R = num(r * this.unit);
    const dir = ccw ? -1 : 1;
    const det = this.state.m[0] * this.state.m[3] - this.state.m[1] * this.state.m[2];
    const flag = (ccw ? 0 : 1) ^ (det < 0 ? 1 : 0);
    const pieces = sweep >= Math.PI * 1.999 ? 2 : 1;
    for (let i = 1; i <= pieces; i++) {
      const a = start + dir * (sweep * i) / pieces;
      this.path.push(`A${R} ${R} 0 ${sweep / pieces > Math.PI ? 1 : 0} ${flag} ${at(a)}`);
    }
  }

  private paint(kind: 'fill' | 'stroke'): string {
    const s = this.state;
    const a = s.globalAlpha < 1 ? ` ${kind}-opacity="${num(s.globalAlpha)}"` : '';
    if (kind === 'fill') return `fill="${esc(s.fillStyle)}"${a}`;
    const dash = s.dash.length ? ` stroke-dasharray="${s.dash.map((d) => num(d * this.unit)).join(' ')}"` : '';
    const caps = `${s.lineCap !== 'butt' ? ` stroke-linecap="${s.lineCap}"` : ''}${s.lineJoin !== 'miter' ? ` stroke-linejoin="${s.lineJoin}"` : ''}`;
    return `fill="none" stroke="${esc(s.strokeStyle)}" stroke-width="${num(s.lineWidth * this.unit)}"${a}${dash}${caps}`;
  }

  fill(rule?: CanvasFillRule | Path2D): void {
    if (!this.path.length) return;
    this.parts.push(`<path d="${this.path.join('')}" ${this.paint('fill')}${rule === 'evenodd' ? ' fill-rule="evenodd"' : ''}/>`);
  }
  stroke(): void {
    if (!this.path.length) return;
    this.parts.push(`<path d="${this.path.join('')}" ${this.paint('stroke')}/>`);
  }

  // ---------------------------------------------------------------- rectangles

  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" ${this.paint('fill')}${this.transformAttr()}/>`);
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const s = this.state;
    const a = s.globalAlpha < 1 ? ` stroke-opacity="${num(s.globalAlpha)}"` : '';
    this.parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="none" stroke="${esc(s.strokeStyle)}" stroke-width="${num(s.lineWidth)}"${a}${this.transformAttr()}/>`);
  }
  /** Clearing the whole drawing forgets what was drawn; a part of it becomes transparent only on a canvas. */
  clearRect(x: number, y: number, w: number, h: number): void {
    const m = this.state.m;
    const x0 = m[0] * x + m[4], y0 = m[3] * y + m[5];
    if (m[1] === 0 && m[2] === 0 && x0 <= 0 && y0 <= 0 && x0 + m[0] * w >= this.width && y0 + m[3] * h >= this.height) this.parts.length = 0;
  }

  // ---------------------------------------------------------------- text

  measureText(text: string): TextMetrics {
    return { width: this.measure(text, this.state.font) } as TextMetrics;
  }

  private text(kind: 'fill' | 'stroke', t: string, x: number, y: number): void {
    const s = this.state;
    const anchor = s.textAlign === 'center' ? 'middle' : s.textAlign === 'right' || s.textAlign === 'end' ? 'end' : 'start';
    const base = { top: 'hanging', hanging: 'hanging', middle: 'central', alphabetic: 'alphabetic', ideographic: 'ideographic', bottom: 'text-after-edge' }[s.textBaseline];
    const style = `font: ${s.font}`;
    this.parts.push(`<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" dominant-baseline="${base}" style="${esc(style)}" ${this.paint(kind)} xml:space="preserve"${this.transformAttr()}>${esc(t)}</text>`);
  }
  fillText(t: string, x: number, y: number): void { this.text('fill', t, x, y); }
  strokeText(t: string, x: number, y: number): void { this.text('stroke', t, x, y); }

  // ---------------------------------------------------------------- pixels

  createImageData(w: number, h: number): ImageData {
    if (typeof ImageData !== 'undefined') return new ImageData(w, h);
    return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4), colorSpace: 'srgb' } as ImageData;
  }
  putImageData(image: ImageData, dx: number, dy: number): void {
    // putImageData ignores the transform and alpha: the pixels land at device coordinates.
    this.parts.push(`<image x="${num(dx)}" y="${num(dy)}" width="${image.width}" height="${image.height}" href="${esc(this.encode(image))}" style="image-rendering: pixelated"/>`);
  }
  drawImage(image: CanvasImageSource, ...a: number[]): void {
    const src = image as { width: number; height: number };
    const [dx, dy, dw, dh] = a.length >= 8 ? a.slice(4, 8) : [a[0], a[1], a[2] ?? src.width, a[3] ?? src.height];
    const alpha = this.state.globalAlpha < 1 ? ` opacity="${num(this.state.globalAlpha)}"` : '';
    this.parts.push(`<image x="${num(dx)}" y="${num(dy)}" width="${num(dw)}" height="${num(dh)}" href="${esc(this.encode(image))}" preserveAspectRatio="none"${alpha}${this.transformAttr()}/>`);
  }

  /**
   * The SVG document: drawn in the context's own coordinates (`width` × `height`), shown `cssWidth` × `cssHeight`
   * (a canvas drawn at a device pixel ratio keeps its CSS size). `background` fills it first.
   */
  toSvg(opts: { cssWidth?: number; cssHeight?: number; background?: string; title?: string } = {}): string {
    const w = opts.cssWidth ?? this.width;
    const h = opts.cssHeight ?? this.height;
    const bg = opts.background ? `<rect width="${num(this.width)}" height="${num(this.height)}" fill="${esc(opts.background)}"/>` : '';
    const title = opts.title ? `<title>${esc(opts.title)}</title>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(this.width)} ${num(this.height)}">${title}${bg}${this.parts.join('')}</svg>`;
  }

  /** This object as the canvas context type a view's draw code expects. */
  asContext(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }
}
