/**
 * The hover markdown. Everything that comes from the note (the TeX, symbol names, context) is escaped: HTML
 * characters become entities and markdown punctuation is backslash-escaped, so no raw HTML or link from a note can
 * reach the hover. Images are base64 data URIs. Command links are emitted only for ids on the caller's allow-list.
 */
import type { Explanation } from './explain';
import { explainFormula } from './explain';
import { findAllMath, findMathAt, type MathSpan, mathContext } from './find';
import { plotSvg } from './plot';
import { renderTexToSvg, svgDataUri } from './render';
import { EXPLAIN_COMMAND, FORMULA_HOVER_COMMANDS } from './commands';

export { EXPLAIN_COMMAND, FORMULA_HOVER_COMMANDS };
import { expandMacros, type MacroTable, macrosOf } from './macros';
import { sentenceAround, withNoteValues } from './noteValues';

/** Escape text for markdown: entities for & < > and a backslash before every markdown punctuation character. */
export function escapeMarkdown(s: string): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:"']/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export interface HoverMarkdownOptions {
  /** Command ids the hover may link to; any other experiment or command is dropped. */
  allowedCommands: readonly string[];
  /** Theme foreground colour for the rendered formula and the plot (e.g. "#cccccc"). */
  color?: string;
  /** Render the formula with MathJax (default true). */
  render?: boolean;
  /** Arguments for the "Explain in the panel" link (mlStudy.explainFormulaAtCursor), e.g. { uri, offset }. */
  explainArgs?: unknown;
  /** Include the worked example, pitfalls and plot (default true); a compact hover leaves them out. */
  full?: boolean;
  /** Macro definitions from a preamble file (the note's own definitions are always read). */
  preamble?: string;
  /** The note's URI: an experiment that trains on the note's folder names it. */
  noteUri?: string;
}


function commandLink(label: string, command: string, args: unknown, allowed: readonly string[]): string | null {
  if (!allowed.includes(command) || !/^[A-Za-z][\w.-]*$/.test(command)) return null;
  const q = args === undefined ? '' : `?${encodeURIComponent(JSON.stringify([args]))}`;
  return `[${escapeMarkdown(label)}](command:${command}${q})`;
}

/** Build the hover markdown for an explanation. Pure; `svg` is the rendered formula when the caller already has it. */
export function buildHoverMarkdown(ex: Explanation, opts: HoverMarkdownOptions, rendered?: { svg: string } | { error: string }): string {
  const out: string[] = [];
  const full = opts.full !== false;
  const r = rendered ?? (opts.render === false ? undefined : renderTexToSvg(ex.latex, { display: ex.display, color: opts.color }));
  out.push(ex.concept ? `**${escapeMarkdown(ex.title)}**` : ex.unsure ? `**I don't recognise this formula**` : `**${escapeMarkdown(ex.title)}**`);
  if (r && 'svg' in r) out.push(`![formula](${svgDataUri(r.svg)})`);
  else if (r && 'error' in r) out.push(`Could not render this formula: ${escapeMarkdown(r.error)}\n\nSource: ${escapeMarkdown(ex.latex.slice(0, 2000))}`);
  if (ex.derivativeNote) out.push(escapeMarkdown(ex.derivativeNote));
  out.push(escapeMarkdown(ex.summary));
  if (ex.learned?.by === 'learned') out.push(escapeMarkdown(`Why this name: ${ex.why}.`));
  if (ex.unsure) {
    out.push(escapeMarkdown(`Why: ${ex.unsure.reason}.`));
    if (ex.unsure.mentioned.length) out.push(escapeMarkdown(`The text around it mentions: ${ex.unsure.mentioned.map((m) => m.title).join('; ')}.`));
  }
  if (ex.symbols.length) {
    out.push(`**${ex.concept ? 'In your notation' : 'Symbols'}**\n\n` + ex.symbols.map((s) => `- ${escapeMarkdown(s.symbol)} — ${escapeMarkdown(s.meaning)}`).join('\n'));
  }
  if (!ex.concept && ex.operators.length) out.push(ex.operators.map((s) => `- ${escapeMarkdown(s.symbol)} — ${escapeMarkdown(s.meaning)}`).join('\n'));
  if (full && ex.example) out.push(`**Worked example** ${escapeMarkdown(ex.example.text)}`);
  if (full && ex.plot) out.push(`![plot of ${escapeMarkdown(ex.plot.fn)}](${svgDataUri(plotSvg(ex.plot.fn, { color: opts.color }))})`);
  if (full && ex.pitfalls.length) out.push('**Watch out**\n\n' + ex.pitfalls.map((p) => `- ${escapeMarkdown(p)}`).join('\n'));
  if (ex.fromNote?.refused.length) out.push('**Not used from your note**\n\n' + ex.fromNote.refused.map((r) => `- ${escapeMarkdown(r)}`).join('\n'));
  const links: string[] = [];
  for (const exp of [ex.experiment, ex.also]) {
    const l = exp && commandLink(exp.label, exp.command, exp.args, opts.allowedCommands);
    if (l) links.push(l);
  }
  const panel = commandLink('Explain in the panel', EXPLAIN_COMMAND, opts.explainArgs, opts.allowedCommands);
  if (panel) links.push(panel);
  if (links.length) out.push(links.join(' · '));
  return out.join('\n\n');
}

/** Macro tables by (note text, preamble): a note's definitions are read once per version, not once per hover. */
let macroCache: { text: string; preamble: string; table: MacroTable } | null = null;
function macroTableFor(text: string, preamble: string | undefined): MacroTable {
  if (macroCache && macroCache.text === text && macroCache.preamble === (preamble ?? '')) return macroCache.table;
  const table = macrosOf(text, preamble);
  macroCache = { text, preamble: preamble ?? '', table };
  return table;
}

/**
 * The explanation of one span of a note, with the note's (and the preamble's) macros expanded, and what the note
 * writes beside it (its values in the experiment link, its numbers in the worked example).
 */
function explainSpan(text: string, span: MathSpan, preamble: string | undefined, noteUri?: string): Explanation {
  const table = macroTableFor(text, preamble);
  const context = mathContext(text, span);
  const expanded = expandMacros(span.latex, table);
  const ex = expanded.error ? explainFormula(span.latex, { context, display: span.display, macros: table }) : explainCached(expanded.latex, span.display, context);
  return withNoteValues(ex, ex.latex, sentenceAround(text, span.start, span.end), noteUri);
}

const explainCache = new Map<string, Explanation>();
const EXPLAIN_CACHE_MAX = 500;

/** explainFormula, memoised by (latex, display, context). Explanations are immutable once built. */
function explainCached(latex: string, display: boolean, context: { heading: string; before: string }): Explanation {
  const key = `${display ? 'D' : 'I'}\u0000${context.heading}\u0000${context.before}\u0000${latex}`;
  const hit = explainCache.get(key);
  if (hit) return hit;
  const ex = explainFormula(latex, { context, display });
  explainCache.set(key, ex);
  if (explainCache.size > EXPLAIN_CACHE_MAX) explainCache.delete(explainCache.keys().next().value as string);
  return ex;
}

/**
 * Render (and explain) every formula of a document ahead of the first hover, within a time budget, so hovers hit
 * the caches. The host can call it when a note is opened or changed (in a worker or on idle). Returns how many
 * formulas were prepared.
 */
export function prewarmDocument(text: string, languageId: string | undefined, opts: { color?: string; budgetMs?: number; preamble?: string } = {}): number {
  const t0 = Date.now();
  const budget = opts.budgetMs ?? 2000;
  let n = 0;
  for (const span of findAllMath(text, languageId)) {
    if (Date.now() - t0 > budget) break;
    const ex = explainSpan(text, span, opts.preamble);
    renderTexToSvg(ex.latex, { display: span.display, color: opts.color });
    n++;
  }
  return n;
}

export interface FormulaHover {
  span: MathSpan;
  explanation: Explanation;
  markdown: string;
}

/**
 * Everything a hover provider needs at one offset: find the math, read its context, explain it, build the
 * markdown. Returns null when the offset is not inside math.
 */
export function formulaHoverAt(text: string, offset: number, languageId: string | undefined, opts: HoverMarkdownOptions): FormulaHover | null {
  const span = findMathAt(text, offset, languageId);
  if (!span) return null;
  const explanation = explainSpan(text, span, opts.preamble, opts.noteUri);
  return { span, explanation, markdown: buildHoverMarkdown(explanation, opts) };
}

export interface FormulaPanel {
  span: MathSpan;
  explanation: Explanation;
  /** The formula rendered for the panel (display style), or why it could not be. */
  rendered: { svg: string; width: number; height: number } | { error: string };
}

/**
 * What the study panel's "Explain Formula at Cursor" view needs: the structured explanation (no markup) and the
 * rendered formula. The panel draws it itself and calls recomputeExample when the user edits the inputs.
 */
export function formulaPanelAt(text: string, offset: number, languageId: string | undefined, opts: { color?: string; preamble?: string; noteUri?: string } = {}): FormulaPanel | null {
  const span = findMathAt(text, offset, languageId);
  if (!span) return null;
  const explanation = explainSpan(text, span, opts.preamble, opts.noteUri);
  return { span, explanation, rendered: renderTexToSvg(explanation.latex, { display: true, color: opts.color }) };
}
