/**
 * TeX → SVG with mathjax-full, as a pure function. The MathJax document is created on first use (≈ a few hundred
 * ms) and reused; results are cached (LRU) by (latex, display, color). Input is size-limited, only safe TeX
 * packages are loaded (no `require`/`autoload`, which would fetch code, and no `html`, which would let notes
 * add attributes), and every failure comes back as `{ error }` — never a throw. Fonts are inside the package.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { safeColor } from './plot';

export interface RenderOptions {
  display?: boolean;
  /** Theme foreground colour, e.g. "#cccccc"; replaces MathJax's currentColor. */
  color?: string;
  /** Pixels per ex (MathJax sizes are in ex); default 8. */
  exPx?: number;
}

export type RenderResult = { svg: string; width: number; height: number } | { error: string };

/** Longest TeX we render. */
export const MAX_RENDER_CHARS = 1500;
/** Deepest brace / \left nesting we render (MathJax recurses per level). */
export const MAX_RENDER_DEPTH = 120;
const CACHE_MAX = 500;

const PACKAGES = ['base', 'ams', 'boldsymbol', 'newcommand', 'noundefined', 'color', 'cancel', 'braket', 'mathtools', 'textmacros', 'upgreek', 'gensymb', 'cases'];

interface Jax {
  convert(latex: string, display: boolean): string;
}

let jax: Jax | null = null;
let initError: string | null = null;
const cache = new Map<string, RenderResult>();

function init(): Jax {
  if (jax) return jax;
  if (initError) throw new Error(initError);
  try {
    // Explicit requires so esbuild bundles exactly these modules (and their fonts).
    const { mathjax } = require('mathjax-full/js/mathjax.js');
    const { TeX } = require('mathjax-full/js/input/tex.js');
    const { SVG } = require('mathjax-full/js/output/svg.js');
    const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
    const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
    require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
    require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
    require('mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js');
    require('mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js');
    require('mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js');
    require('mathjax-full/js/input/tex/color/ColorConfiguration.js');
    require('mathjax-full/js/input/tex/cancel/CancelConfiguration.js');
    require('mathjax-full/js/input/tex/braket/BraketConfiguration.js');
    require('mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js');
    require('mathjax-full/js/input/tex/textmacros/TextMacrosConfiguration.js');
    require('mathjax-full/js/input/tex/upgreek/UpgreekConfiguration.js');
    require('mathjax-full/js/input/tex/gensymb/GensymbConfiguration.js');
    require('mathjax-full/js/input/tex/cases/CasesConfiguration.js');
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const tex = new TeX({
      packages: PACKAGES,
      maxMacros: 2000,
      maxBuffer: 20 * 1024,
      formatError: (_jax: unknown, err: Error) => {
        throw err;
      },
    });
    const svg = new SVG({ fontCache: 'local' });
    const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
    jax = {
      convert(latex: string, display: boolean): string {
        const node = doc.convert(latex, { display, em: 16, ex: 8, containerWidth: 80 * 16 });
        // The container is <mjx-container>; we want its <svg> child.
        const inner = adaptor.firstChild(node);
        return adaptor.outerHTML(inner ?? node);
      },
    };
    return jax;
  } catch (e) {
    initError = `MathJax could not start: ${e instanceof Error ? e.message : String(e)}`;
    throw new Error(initError);
  }
}

function exToPx(svg: string, exPx: number): { svg: string; width: number; height: number } {
  let width = 0;
  let height = 0;
  const out = svg.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
    const a = attrs
      .replace(/\swidth="([\d.]+)ex"/, (_x, w: string) => {
        width = Math.ceil(parseFloat(w) * exPx);
        return ` width="${width}"`;
      })
      .replace(/\sheight="([\d.]+)ex"/, (_x, h: string) => {
        height = Math.ceil(parseFloat(h) * exPx);
        return ` height="${height}"`;
      })
      .replace(/\sstyle="[^"]*"/, '');
    return `<svg${a}>`;
  });
  return { svg: out, width, height };
}

/**
 * Render TeX to a standalone SVG string coloured with `color`. Fast after the first call (cached document and
 * results); safe on any input: errors, oversize input and MathJax failures return `{ error }`.
 */
export function renderTexToSvg(latex: string, opts: RenderOptions = {}): RenderResult {
  if (typeof latex !== 'string') return { error: 'not a string' };
  const display = !!opts.display;
  const color = safeColor(opts.color, 'currentColor');
  const exPx = opts.exPx && opts.exPx > 0 && opts.exPx < 100 ? opts.exPx : 8;
  if (latex.length > MAX_RENDER_CHARS) return { error: `formula too long to render (${latex.length} characters, limit ${MAX_RENDER_CHARS})` };
  if (!latex.trim()) return { error: 'empty formula' };
  let depth = 0;
  let maxDepth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex.charCodeAt(i);
    if (c === 123 /* { */) maxDepth = Math.max(maxDepth, ++depth);
    else if (c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  const lefts = latex.split('\\left').length - 1;
  if (maxDepth > MAX_RENDER_DEPTH || lefts > MAX_RENDER_DEPTH) return { error: `formula nested too deeply to render (depth ${Math.max(maxDepth, lefts)}, limit ${MAX_RENDER_DEPTH})` };
  const key = `${display ? 'D' : 'I'}|${color}|${exPx}|${latex}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let result: RenderResult;
  try {
    const j = init();
    const raw = j.convert(latex, display);
    if (!raw.startsWith('<svg')) throw new Error('MathJax returned no SVG');
    const merror = /data-mml-node="merror"[\s\S]*?<text[^>]*>([^<]*)</.exec(raw);
    if (merror) throw new Error(merror[1]);
    const sized = exToPx(raw.replace(/currentColor/g, color), exPx);
    const svg = sized.svg.startsWith('<svg xmlns=') ? sized.svg : sized.svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
    result = { svg, width: sized.width, height: sized.height };
  } catch (e) {
    const m = e && typeof e === 'object' && 'message' in e ? (e as { message: unknown }).message : e;
    const msg = typeof m === 'string' ? m : String(m);
    result = { error: msg.split('\n')[0].slice(0, 300) || 'render failed' };
  }
  cache.set(key, result);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return result;
}

/** A data: URI for an SVG (base64, so nothing in it is ever read as markdown or HTML). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** Drop the render cache (tests, theme changes). */
export function clearRenderCache(): void {
  cache.clear();
}
