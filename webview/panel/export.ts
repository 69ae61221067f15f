/**
 * Pictures leave the panel: PNG, SVG and "Insert into note" buttons any view adds with one line, e.g.
 *     figure.append(exportButtons(ctx, canvasSource(canvas, () => this.redraw(), { name: 'xor-boundary', alt: '…' })));
 * A source makes the picture: `canvasSource` for a canvas a view redraws synchronously (PNG from its pixels; SVG by
 * running the same drawing into an SvgContext, so it is vector), `domSource` for coloured text laid out in HTML
 * (boxes and text from the layout, the PNG rasterised from that SVG), `svgSource` for an <svg> already on the page.
 * The host checks and writes the file (src/extension/export/); this module only draws and sends.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../../media/export.css';
import { h } from '../common/vscode';
import { SvgContext } from './svgContext';
import type { ViewContext } from './viewModule';

export interface ExportSource {
  /** File name stem, e.g. "alignment-map". */
  name(): string;
  /** What the picture shows (a markdown image's alt text). */
  alt(): string;
  /** The picture as a PNG data: URL. */
  png(): Promise<string>;
  /** The picture as an SVG document. */
  svg(): Promise<string>;
}

interface Names {
  name: string | (() => string);
  alt: string | (() => string);
  /** Fill behind the drawing (default: the editor's background). */
  background?: () => string;
}

const call = (v: string | (() => string)) => (typeof v === 'function' ? v() : v);
const editorBackground = () => getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';

/**
 * Run `redraw` with the canvas's 2-D context replaced by an SvgContext; the canvas is drawn again for real after.
 * The SVG's coordinates are the canvas's pixels; it is shown at the canvas's CSS size.
 */
export function canvasToSvg(canvas: HTMLCanvasElement, redraw: () => void, opts: { background?: string; title?: string } = {}): string {
  let svg: SvgContext | undefined;
  const own = Object.getOwnPropertyDescriptor(canvas, 'getContext');
  const real = canvas.getContext.bind(canvas) as (type: string, o?: unknown) => RenderingContext | null;
  const fake = (type: string, o?: unknown) => (type === '2d' ? (svg ??= new SvgContext(canvas.width, canvas.height)).asContext() : real(type, o));
  Object.defineProperty(canvas, 'getContext', { value: fake, configurable: true, writable: true });
  try {
    redraw();
  } finally {
    if (own) Object.defineProperty(canvas, 'getContext', own);
    else delete (canvas as { getContext?: unknown }).getContext;
  }
  redraw();
  if (!svg) throw new Error('nothing was drawn');
  // The drawing may have resized the canvas after it asked for the context: the final size is the picture's.
  const drawn = svg as SvgContext;
  (drawn as { width: number }).width = canvas.width;
  (drawn as { height: number }).height = canvas.height;
  const cssW = parseFloat(canvas.style.width) || canvas.width;
  const cssH = parseFloat(canvas.style.height) || canvas.height;
  return drawn.toSvg({ cssWidth: cssW, cssHeight: cssH, ...opts });
}

/** A canvas the view draws synchronously with `redraw` (which gets its context from the canvas). */
export function canvasSource(canvas: HTMLCanvasElement, redraw: () => void, names: Names): ExportSource {
  return {
    name: () => call(names.name),
    alt: () => call(names.alt),
    png: async () => {
      redraw();
      // The canvas may be transparent where nothing was drawn: put the background under it.
      const out = document.createElement('canvas');
      out.width = canvas.width;
      out.height = canvas.height;
      const g = out.getContext('2d')!;
      g.fillStyle = (names.background ?? editorBackground)();
      g.fillRect(0, 0, out.width, out.height);
      g.drawImage(canvas, 0, 0);
      return out.toDataURL('image/png');
    },
    svg: async () => canvasToSvg(canvas, redraw, { background: (names.background ?? editorBackground)(), title: call(names.alt) }),
  };
}

/** Rasterise an SVG document to a PNG data: URL at `scale` × its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 1): Promise<string> {
  const img = new Image();
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the picture could not be rasterised'));
    img.src = url;
  });
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(width * scale));
  c.height = Math.max(1, Math.round(height * scale));
  const g = c.getContext('2d')!;
  g.drawImage(img, 0, 0, c.width, c.height);
  return c.toDataURL('image/png');
}

/**
 * HTML laid out by the browser (coloured text: spans with backgrounds) as SVG: each element's background box, and
 * each text node's characters at the positions the layout gave them (one <text> per line of a node).
 */
export function domToSvg(el: HTMLElement, background: string): { svg: string; width: number; height: number } {
  const box = el.getBoundingClientRect();
  const parts: string[] = [];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const n = (x: number) => String(Math.round(x * 100) / 100);
  const transparent = (c: string) => !c || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
  const walk = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const e = node as HTMLElement;
      const st = getComputedStyle(e);
      if (st.display === 'none' || st.visibility === 'hidden') return;
      if (e !== el && !transparent(st.backgroundColor)) {
        for (const r of e.getClientRects()) parts.push(`<rect x="${n(r.left - box.left)}" y="${n(r.top - box.top)}" width="${n(r.width)}" height="${n(r.height)}" fill="${esc(st.backgroundColor)}"/>`);
      }
      node.childNodes.forEach(walk);
      return;
    }
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent) return;
    const st = getComputedStyle(node.parentElement!);
    const font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
    const text = node.textContent;
    const range = document.createRange();
    // Characters grouped into runs on one line (a run ends where the next character's box moves down).
    let start = 0;
    let runTop: number | undefined;
    let runLeft = 0;
    let runBottom = 0;
    const flush = (end: number) => {
      const t = text.slice(start, end);
      if (runTop !== undefined && t.trim()) parts.push(`<text x="${n(runLeft - box.left)}" y="${n((runTop + runBottom) / 2 - box.top)}" dominant-baseline="central" fill="${esc(st.color)}" style="${esc(`font: ${font}`)}" xml:space="preserve">${esc(t)}</text>`);
    };
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (runTop === undefined || Math.abs(r.top - runTop) > r.height / 2) {
        flush(i);
        start = i;
        runTop = r.top;
        runLeft = r.left;
        runBottom = r.bottom;
      }
    }
    flush(text.length);
  };
  walk(el);
  const w = Math.ceil(box.width);
  const hgt = Math.ceil(box.height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}"><rect width="${w}" height="${hgt}" fill="${esc(background)}"/>${parts.join('')}</svg>`;
  return { svg, width: w, height: hgt };
}

/** Coloured text (or any HTML) as a picture. */
export function domSource(el: () => HTMLElement | undefined, names: Names): ExportSource {
  const make = () => {
    const e = el();
    if (!e) throw new Error('there is nothing to export yet');
    return domToSvg(e, (names.background ?? editorBackground)());
  };
  return {
    name: () => call(names.name),
    alt: () => call(names.alt),
    svg: async () => make().svg,
    png: async () => {
      const { svg, width, height } = make();
      return svgToPng(svg, width, height, devicePixelRatio || 1);
    },
  };
}

const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight'];

/** Copy the computed presentation styles (theme colours from CSS classes) onto the copy, element by element. */
function inlineStyles(from: Element, to: Element): void {
  const st = getComputedStyle(from);
  to.removeAttribute('class');
  for (const p of STYLE_PROPS) {
    const v = st.getPropertyValue(p);
    if (v && v !== 'normal') to.setAttribute(p, v);
  }
  for (let i = 0; i < from.children.length; i++) inlineStyles(from.children[i], to.children[i]);
}

/** An <svg> element on the page (its computed colours are what the theme shows). */
export function svgSource(svgEl: () => SVGSVGElement | undefined, names: Names): ExportSource {
  const text = () => {
    const s = svgEl();
    if (!s) throw new Error('there is nothing to export yet');
    const copy = s.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    inlineStyles(s, copy);
    const r = s.getBoundingClientRect();
    copy.setAttribute('width', String(Math.ceil(r.width)));
    copy.setAttribute('height', String(Math.ceil(r.height)));
    return { svg: new XMLSerializer().serializeToString(copy), width: Math.ceil(r.width), height: Math.ceil(r.height) };
  };
  return {
    name: () => call(names.name),
    alt: () => call(names.alt),
    svg: async () => text().svg,
    png: async () => {
      const t = text();
      return svgToPng(t.svg, t.width, t.height, devicePixelRatio || 1);
    },
  };
}

/**
 * The three buttons of a picture: save as PNG, save as SVG (each asks where), and Insert into note (a PNG saved beside
 * the note being edited, a reference at its cursor). `id` prefixes the buttons' ids (`<id>-png`, `-svg`, `-note`).
 */
export function exportButtons(ctx: ViewContext, source: ExportSource, id: string): HTMLElement {
  const status = h('span', { class: 'muted export-status', id: `${id}-status`, 'aria-live': 'polite' });
  const run = async (format: 'png' | 'svg', action: 'save' | 'note') => {
    status.textContent = '';
    status.classList.remove('error');
    try {
      const data = format === 'png' ? await source.png() : await source.svg();
      const r = await ctx.host.request('export.image', { format, data, name: source.name(), alt: source.alt(), action }, 600_000);
      status.textContent = r.inserted ? `Inserted ${r.inserted}` : r.written ? `Saved ${r.written}` : '';
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
      status.classList.add('error');
    }
  };
  const button = (suffix: string, label: string, title: string, f: () => void) => h('vscode-button', { id: `${id}-${suffix}`, secondary: true, title, onclick: f }, label);
  return h(
    'div',
    { class: 'export-buttons', id },
    button('png', 'PNG', 'Save this picture as a PNG image', () => void run('png', 'save')),
    button('svg', 'SVG', 'Save this picture as an SVG (vector) drawing', () => void run('svg', 'save')),
    button('note', 'Insert into note', 'Save a PNG beside the note you are editing and insert a link to it at the cursor', () => void run('png', 'note')),
    status,
  );
}
