/**
 * Word tokenisation for notes and plain text. Notes are full of LaTeX and markup; formulas and markup must not
 * pollute a word vocabulary. Math spans ($…$, $$…$$, \(…\), \[…\]) are removed; fenced and inline code, URLs and
 * markdown punctuation are dropped. LaTeX command names (\alpha, \text) are dropped unless `keepLatexCommands`,
 * in which case they count as words without the backslash ("alpha", "frac").
 */

export interface TokenizeOptions {
  /** Keep LaTeX command names (\softmax → "softmax") as words. Default false. */
  keepLatexCommands?: boolean;
  /** Lowercase tokens. Default true. */
  lowercase?: boolean;
}

const MATH = /\$\$[\s\S]*?\$\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)|(?<!\\)\$(?:\\\$|[^$\n])+?\$/g;
const CODE = /```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]*`/g;
const URL_RE = /\bhttps?:\/\/\S+/g;
const LATEX_CMD = /\\([A-Za-z]+)/g;
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Strip math, code and URLs from text, keeping line structure. Optionally keep command names of the math. */
export function stripMarkup(text: string, keepLatexCommands = false): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  let out = text.replace(CODE, blank).replace(URL_RE, blank);
  out = out.replace(MATH, (m) => {
    if (!keepLatexCommands) return blank(m);
    const names: string[] = [];
    for (const c of m.matchAll(LATEX_CMD)) names.push(c[1]);
    return names.join(' ') + blank(m).slice(names.join(' ').length);
  });
  out = out.replace(LATEX_CMD, (_m, name: string) => (keepLatexCommands ? ` ${name} ` : ' '));
  return out;
}

/** Split text into sentences of word tokens. Lines and sentence punctuation end sentences. */
export function tokenizeSentences(text: string, opts: TokenizeOptions = {}): string[][] {
  const lower = opts.lowercase ?? true;
  const clean = stripMarkup(text, opts.keepLatexCommands ?? false);
  const sentences: string[][] = [];
  for (const line of clean.split(/\n|(?<=[.!?])\s+/)) {
    const words = line.match(WORD);
    if (!words) continue;
    const toks = words.filter((w) => /\p{L}/u.test(w) || w.length < 6).map((w) => (lower ? w.toLowerCase() : w));
    if (toks.length) sentences.push(toks);
  }
  return sentences;
}

/** All word tokens of a text, in order. */
export function tokenizeWords(text: string, opts: TokenizeOptions = {}): string[] {
  return tokenizeSentences(text, opts).flat();
}
