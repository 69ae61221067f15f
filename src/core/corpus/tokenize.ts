/**
 * Word tokenisation for notes and plain text (word2vec and the word-level LSTM use it). Notes are full of LaTeX and
 * markup; formulas and markup must not pollute a word vocabulary:
 * - math is removed: $…$, $$…$$, \(…\), \[…\] and math environments (equation, align, …);
 * - code is removed: fenced blocks, inline code (single or double backticks);
 * - markup is removed but its prose kept: YAML front matter and HTML comments/tags go; a markdown link or image
 *   keeps its text and loses its target; URLs go; \begin{…}/\end{…} markers go;
 * - LaTeX command names (\alpha, \textbf) are dropped unless `keepLatexCommands`, in which case they count as words
 *   without the backslash; the arguments of reference-like commands (\cite{key}, \ref{…}, \label{…}, \url{…},
 *   \includegraphics{…}) are keys, not prose, and are dropped, while \emph{word} or \section{Title} keep their text.
 * Line structure is kept (removed spans become spaces), and lines and sentence punctuation end sentences.
 */

export interface TokenizeOptions {
  /** Keep LaTeX command names (\softmax → "softmax") as words. Default false. */
  keepLatexCommands?: boolean;
  /** Lowercase tokens. Default true. */
  lowercase?: boolean;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/;
const MATH_ENV = /\\begin\{(equation|align|alignat|gather|multline|eqnarray|math|displaymath|flalign)(\*?)\}[\s\S]*?\\end\{\1\2\}/g;
const MATH = /\$\$[\s\S]*?\$\$|\\\[[\s\S]*?\\\]|\\\([\s\S]*?\\\)|(?<!\\)\$(?:\\\$|[^$\n])+?\$/g;
const CODE = /```[\s\S]*?```|~~~[\s\S]*?~~~|``[^\n]*?``|`[^`\n]*`/g;
const HTML = /<!--[\s\S]*?-->|<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g;
/** The target part of [text](target) and ![alt](target), with an optional "title". */
const LINK_TARGET = /(?<=\])\([^()\s]*(?:\s+"[^"]*")?\)/g;
const URL_RE = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/g;
const ENV_MARK = /\\(?:begin|end)\{[^}\n]*\}/g;
const KEY_ARGS = /\\(?:cite[tp]?|ref|eqref|autoref|cref|label|url|href|includegraphics|input|include|bibliography|bibliographystyle|usepackage|documentclass)\*?(?:\[[^\]\n]*\])*\{[^}\n]*\}/g;
const LATEX_CMD = /\\([A-Za-z]+)/g;
const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/** Replace a math span by its command names (when kept), padded to keep the line structure. */
function mathNames(m: string, keep: boolean): string {
  if (!keep) return blank(m);
  const names = [...m.matchAll(LATEX_CMD)].map((c) => c[1]).filter((n) => n !== 'begin' && n !== 'end');
  const head = names.join(' ');
  return head + blank(m).slice(head.length);
}

/** Strip math, code, markup and URLs from text, keeping line structure. Optionally keep LaTeX command names. */
export function stripMarkup(text: string, keepLatexCommands = false): string {
  let out = text.replace(FRONT_MATTER, blank).replace(CODE, blank).replace(HTML, blank);
  out = out.replace(LINK_TARGET, blank).replace(URL_RE, blank);
  out = out.replace(MATH_ENV, (m) => mathNames(m, keepLatexCommands)).replace(MATH, (m) => mathNames(m, keepLatexCommands));
  out = out.replace(ENV_MARK, blank).replace(KEY_ARGS, (m) => (keepLatexCommands ? ` ${/^\\([A-Za-z]+)/.exec(m)![1]} ` + blank(m).slice(m.length) : blank(m)));
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
    // Long digit strings (ids, hashes, years in tables) are not words; short numbers are kept.
    const toks = words.filter((w) => /\p{L}/u.test(w) || w.length < 6).map((w) => (lower ? w.toLowerCase() : w));
    if (toks.length) sentences.push(toks);
  }
  return sentences;
}

/** All word tokens of a text, in order. */
export function tokenizeWords(text: string, opts: TokenizeOptions = {}): string[] {
  return tokenizeSentences(text, opts).flat();
}
