/**
 * Checks of a picture that comes from the webview before anything is written (no vscode here, unit-tested): a PNG
 * (data: URL, size, signature, IHDR first and IEND last) or an SVG (size, well-formed XML with one `svg` root in the
 * SVG namespace, no DTD, no scripts or event handlers, links only inside the document or to embedded images), and
 * the reference a note gets to an image beside it.
 */
import * as path from 'node:path';
import { MAX_EXPORT_BYTES } from '../../shared/views/export';

export class ExportDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportDataError';
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const MAX_SIDE = 32_768;

/** The bytes of a PNG data: URL and its size in pixels; throws ExportDataError on anything else. */
export function checkPng(data: string): { bytes: Buffer; width: number; height: number } {
  const m = /^data:image\/png;base64,([A-Za-z0-9+/]*={0,2})$/.exec(data.length <= (MAX_EXPORT_BYTES * 4) / 3 + 64 ? data : '');
  if (!m) throw new ExportDataError(data.length > (MAX_EXPORT_BYTES * 4) / 3 + 64 ? 'the picture is too large' : 'the picture is not a PNG data URL');
  const bytes = Buffer.from(m[1], 'base64');
  if (bytes.length > MAX_EXPORT_BYTES) throw new ExportDataError('the picture is too large');
  if (bytes.length < 8 + 25 + 12 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new ExportDataError('the picture is not a PNG (bad signature)');
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new ExportDataError('the PNG has no IHDR header');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) throw new ExportDataError(`the PNG's size ${width} × ${height} is out of range`);
  if (IEND.some((b, i) => bytes[bytes.length - 12 + i] !== b)) throw new ExportDataError('the PNG is cut short (no IEND at its end)');
  return { bytes, width, height };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/;
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed']);

/** Character data: every `&` starts a predefined or numeric entity, and there is no `<`. */
function checkText(s: string, where: string): void {
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) if (!ENTITY.test(s.slice(i, i + 12))) throw new ExportDataError(`the SVG has a bad "&" in ${where}`);
  if (s.includes('<')) throw new ExportDataError(`the SVG has a "<" in ${where}`);
}

/** A safe link: inside the document, or an embedded PNG or JPEG. */
const safeHref = (v: string) => v.startsWith('#') || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]*$/.test(v);

/** Parse one start tag's attributes from `s` at `i` (after the name); returns them and the index after `>`. */
function parseAttributes(s: string, i: number, element: string): { attrs: Map<string, string>; end: number; selfClosing: boolean } {
  const attrs = new Map<string, string>();
  for (;;) {
    const ws = /^\s*/.exec(s.slice(i, i + 4096))![0].length;
    i += ws;
    if (s.startsWith('/>', i)) return { attrs, end: i + 2, selfClosing: true };
    if (s[i] === '>') return { attrs, end: i + 1, selfClosing: false };
    if (!ws) throw new ExportDataError(`the SVG's <${element}> tag is malformed`);
    const name = NAME.exec(s.slice(i, i + 256))?.[0];
    if (!name) throw new ExportDataError(`the SVG's <${element}> tag is malformed`);
    i += name.length;
    const eq = /^\s*=\s*(["'])/.exec(s.slice(i, i + 64));
    if (!eq) throw new ExportDataError(`attribute ${name} of <${element}> has no quoted value`);
    i += eq[0].length;
    const close = s.indexOf(eq[1], i);
    if (close < 0) throw new ExportDataError(`attribute ${name} of <${element}> is not closed`);
    const value = s.slice(i, close);
    checkText(value, `attribute ${name}`);
    if (attrs.has(name)) throw new ExportDataError(`attribute ${name} appears twice on <${element}>`);
    if (/^on/i.test(name)) throw new ExportDataError(`the SVG has an event handler (${name})`);
    if (/(^|:)href$/i.test(name) && !safeHref(value.trim())) throw new ExportDataError('the SVG links outside itself');
    attrs.set(name, value);
    i = close + 1;
  }
}

/** Skip a comment, CDATA section or processing instruction at `i`; the index after it, or -1 when none is there. */
function skipSpecial(s: string, i: number): number {
  for (const [open, close] of [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']] as const) {
    if (!s.startsWith(open, i)) continue;
    const end = s.indexOf(close, i + open.length);
    if (end < 0) throw new ExportDataError(`the SVG has an unclosed ${open}`);
    return end + close.length;
  }
  return -1;
}

/** Check an SVG document's text; returns its root's width and height attributes (as written). */
export function checkSvg(text: string): { width?: string; height?: string } {
  if (text.length > MAX_EXPORT_BYTES) throw new ExportDataError('the picture is too large');
  const s = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(s)) throw new ExportDataError('the SVG has a DTD (not accepted)');
  const stack: string[] = [];
  let root: Map<string, string> | undefined;
  let rootClosed = false;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const chars = s.slice(i, lt < 0 ? s.length : lt);
    checkText(chars, 'text');
    if ((!stack.length) && chars.trim()) throw new ExportDataError('the SVG has text outside its root element');
    if (lt < 0) break;
    const special = skipSpecial(s, lt);
    if (special >= 0) {
      i = special;
      continue;
    }
    if (s[lt + 1] === '/') {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(s.slice(lt, lt + 300));
      if (!m || stack.pop() !== m[1]) throw new ExportDataError(`the SVG's </${m?.[1] ?? '?'}> does not close the open element`);
      if (!stack.length) rootClosed = true;
      i = lt + m[0].length;
      continue;
    }
    const name = NAME.exec(s.slice(lt + 1, lt + 257))?.[0];
    if (!name) throw new ExportDataError('the SVG has a "<" that starts no tag');
    if (rootClosed) throw new ExportDataError('the SVG has more than one root element');
    if (FORBIDDEN_ELEMENTS.has(name.toLowerCase().replace(/^.*:/, ''))) throw new ExportDataError(`the SVG has a <${name}> element (not accepted)`);
    const { attrs, end, selfClosing } = parseAttributes(s, lt + 1 + name.length, name);
    if (!root) {
      if (name !== 'svg' || attrs.get('xmlns') !== SVG_NS) throw new ExportDataError(`the picture's root is <${name}>, not an SVG <svg xmlns="${SVG_NS}">`);
      root = attrs;
    }
    if (selfClosing) {
      if (!stack.length) rootClosed = true;
    } else stack.push(name);
    i = end;
  }
  if (!root) throw new ExportDataError('the picture has no <svg> root');
  if (stack.length) throw new ExportDataError(`the SVG's <${stack[stack.length - 1]}> is never closed`);
  return { width: root.get('width'), height: root.get('height') };
}

export type NoteKind = 'markdown' | 'latex' | 'text';

/** A note's kind from its VS Code language, else its extension. */
export function noteKind(languageId: string, file: string): NoteKind {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'latex' || languageId === 'tex') return 'latex';
  const ext = path.extname(file).toLowerCase();
  if (['.md', '.markdown', '.mdx', '.qmd', '.rmd'].includes(ext)) return 'markdown';
  if (['.tex', '.ltx', '.latex'].includes(ext)) return 'latex';
  return 'text';
}

/**
 * What to insert in a note at `notePath` for an image at `imagePath`: a markdown image, a LaTeX
 * `\includegraphics` (a PNG; `\includesvg` of the svg package for an SVG, which graphicx cannot read), or the path.
 * Paths are relative to the note's folder, with forward slashes.
 */
export function noteReference(kind: NoteKind, notePath: string, imagePath: string, alt: string): string {
  const rel = path.relative(path.dirname(notePath), imagePath).split(path.sep).join('/');
  if (kind === 'markdown') {
    const cleanAlt = alt.replace(/[[\]\\\r\n]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
    return `![${cleanAlt}](${/[\s()<>]/.test(rel) ? `<${rel}>` : rel})`;
  }
  if (kind === 'latex') {
    const stem = rel.replace(/\.(png|svg)$/i, '');
    return imagePath.toLowerCase().endsWith('.svg') ? `\\includesvg{${stem}}` : `\\includegraphics{${stem}}`;
  }
  return rel;
}

/** A file name from a view's name for a picture: letters, digits, dashes; never empty. */
export function imageFileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'picture';
}
