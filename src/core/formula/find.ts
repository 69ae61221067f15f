/**
 * Finding math in notes: `$…$`, `$$…$$` (across lines), `\(…\)`, `\[…\]` and the display environments
 * (`equation`, `align`, `gather`, `multline`, … starred too). Escaped `\$`, markdown code spans, fenced code and
 * LaTeX comments / verbatim are not math. Messy notes are handled: an unclosed `$` still yields the rest of its
 * line when that looks like TeX, and a TAB that replaced the `\t` of `\text` (and friends) is repaired in `latex`.
 *
 * Every scan is linear in the text length: searches for a closing delimiter are cached so no character is scanned
 * more than a bounded number of times, and a formula longer than MAX_MATH_CHARS is not taken as math.
 */

export interface MathSpan {
  /** Offset of the opening delimiter (UTF-16 code units). */
  start: number;
  /** Offset just past the closing delimiter. */
  end: number;
  /** The TeX inside the delimiters (an environment keeps its \begin…\end), repaired by cleanTex. */
  latex: string;
  display: boolean;
  /** How it was delimited; 'unclosed' is a `$` with no partner, taken to the end of its line. */
  delimiter: '$' | '$$' | '\\(' | '\\[' | 'env' | 'unclosed' | 'bare';
}

export type MathLanguage = 'markdown' | 'latex' | 'plaintext';

/** Longest formula taken as math; longer candidates are treated as text. */
export const MAX_MATH_CHARS = 20_000;
const MAX_INLINE_CHARS = 4_000;

const ENVIRONMENTS = new Set([
  'equation', 'align', 'gather', 'multline', 'eqnarray', 'flalign', 'alignat', 'displaymath', 'math',
]);
/** Environments that MathJax renders by themselves; the others (equation, displaymath, math) give their body. */
const KEEP_ENV = new Set(['align', 'gather', 'multline', 'eqnarray', 'flalign', 'alignat']);
const VERBATIM = new Set(['verbatim', 'lstlisting', 'minted', 'comment', 'Verbatim']);

/** Map a VS Code language id (or a file extension) to how math is delimited in it. */
export function mathLanguageOf(languageId?: string): MathLanguage {
  const id = (languageId ?? '').toLowerCase().replace(/^\./, '');
  if (['latex', 'tex', 'bibtex', 'context', 'ltx', 'sty', 'cls', 'doctex'].includes(id)) return 'latex';
  if (['plaintext', 'txt', 'text'].includes(id)) return 'plaintext';
  return 'markdown';
}

/** Control characters that stand where a backslash escape was lost (`\t` → TAB, `\f` → FF, …). */
const LOST_ESCAPES: Record<string, { letter: string; words: string[] }> = {
  '\t': { letter: 't', words: ['ext', 'imes', 'heta', 'au', 'ilde', 'op', 'anh', 'an', 'riangle', 'frac', 'extbf', 'extit', 'extrm', 'o'] },
  '\f': { letter: 'f', words: ['rac', 'orall'] },
  '\b': { letter: 'b', words: ['eta', 'ar', 'oldsymbol', 'f', 'egin', 'inom', 'ig', 'igg', 'oxed', 'ot'] },
  '\v': { letter: 'v', words: ['ec', 'arepsilon', 'arphi', 'dots', 'ert'] },
  '\r': { letter: 'r', words: ['ho', 'ight', 'ightarrow', 'angle', 'm', 'ceil', 'floor'] },
};

/**
 * Repair what copying from PDFs and JSON did to TeX: a control character that replaced `\t`, `\f`, `\b`, `\v`,
 * `\r` before a command's remaining letters (`⇥ext{…}` → `\text{…}`), and non-breaking spaces.
 */
export function cleanTex(tex: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    const lost = LOST_ESCAPES[ch];
    if (lost) {
      const m = /^[A-Za-z]+/.exec(tex.slice(i + 1, i + 24));
      if (m && lost.words.some((w) => m[0].startsWith(w))) {
        out += tex.slice(last, i) + '\\' + lost.letter;
        last = i + 1;
      }
    } else if (ch === '\u00a0') {
      out += tex.slice(last, i) + ' ';
      last = i + 1;
    }
  }
  return last === 0 ? tex : out + tex.slice(last);
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

/** Whether the character at i is escaped by an odd run of backslashes before it. */
function escaped(text: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 92; j--) n++;
  return n % 2 === 1;
}

/** Cached forward search: the first position ≥ from where `pred` holds, reusing the last answer when it still applies. */
class Seeker {
  private from = -1;
  private pos = -1; // -1: none until end of text
  constructor(private readonly text: string, private readonly first: string, private readonly pred: (i: number) => boolean) {}
  next(from: number): number {
    if (this.from >= 0 && from >= this.from && (this.pos === -1 || from <= this.pos)) return this.pos;
    let i = from;
    const t = this.text;
    let found = -1;
    while (true) {
      i = t.indexOf(this.first, i);
      if (i < 0) break;
      if (this.pred(i)) {
        found = i;
        break;
      }
      i++;
    }
    this.from = from;
    this.pos = found;
    return found;
  }
}

interface Scanner {
  text: string;
  lang: MathLanguage;
  blank: Seeker; // paragraph breaks: a line with only spaces
  dd: Seeker; // $$
  d1: Seeker; // valid closing $
  closeParen: Seeker; // \)
  closeBracket: Seeker; // \]
  lineEnd: Seeker;
}

function makeScanner(text: string, lang: MathLanguage): Scanner {
  const blankAt = (i: number) => {
    // i is a '\n'; a paragraph break when the next line is blank (only spaces/tabs up to '\n' or end).
    let j = i + 1;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    return j >= text.length || text[j] === '\n';
  };
  return {
    text,
    lang,
    blank: new Seeker(text, '\n', blankAt),
    dd: new Seeker(text, '$$', (i) => !escaped(text, i)),
    d1: new Seeker(text, '$', (i) => {
      if (escaped(text, i)) return false;
      if (text[i + 1] === '$' || text[i - 1] === '$') return false;
      if (isSpace(text[i - 1])) return false;
      const nx = text.charCodeAt(i + 1);
      return !(nx >= 48 && nx <= 57);
    }),
    closeParen: new Seeker(text, '\\)', (i) => !escaped(text, i)),
    closeBracket: new Seeker(text, '\\]', (i) => !escaped(text, i)),
    lineEnd: new Seeker(text, '\n', () => true),
  };
}

function looksLikeTex(s: string): boolean {
  return /\\[A-Za-z]{2,}|[_^]\{|[A-Za-z][_^][A-Za-z0-9]/.test(s);
}

function span(text: string, start: number, end: number, innerStart: number, innerEnd: number, display: boolean, delimiter: MathSpan['delimiter']): MathSpan {
  return { start, end, latex: cleanTex(text.slice(innerStart, innerEnd)).trim(), display, delimiter };
}

/**
 * A fenced code block (``` or ~~~) opening at the line start i: the offset after its closing fence line; i itself
 * when no fence opens there; null when the fence is never closed (it runs to the end of the document).
 */
function fenceEnd(text: string, sc: ReturnType<typeof makeScanner>, i: number): number | null {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(i, i + 64));
  if (!m) return i;
  const fence = m[1];
  let j = sc.lineEnd.next(i);
  while (j >= 0) {
    const line = text.slice(j + 1, j + 1 + 64);
    const mm = /^ {0,3}(`{3,}|~{3,})[ \t]*(\r?\n|$)/.exec(line);
    if (mm && mm[1][0] === fence[0] && mm[1].length >= fence.length) {
      const e = sc.lineEnd.next(j + 1);
      return e < 0 ? text.length : e + 1;
    }
    j = sc.lineEnd.next(j + 1);
  }
  return null;
}

/**
 * A markdown code span opening with the run of backticks at i: the offset after its closing run (the next run of
 * exactly as many backticks in the same paragraph), or after the opening run when none closes it. `failed` remembers,
 * per run length, the paragraph end before which no closing run exists (linear time on many unclosed runs).
 */
function codeSpanEnd(text: string, sc: ReturnType<typeof makeScanner>, i: number, failed: Map<number, number>): number {
  const n = text.length;
  let j = i;
  while (j < n && text.charCodeAt(j) === 96) j++;
  const len = j - i;
  const para = sc.blank.next(j);
  const paraEnd = para < 0 ? n : para;
  if (j < (failed.get(len) ?? -1)) return j;
  let k = j;
  while (k < paraEnd) {
    k = text.indexOf('`', k);
    if (k < 0 || k >= paraEnd) break;
    let r = k;
    while (r < n && text.charCodeAt(r) === 96) r++;
    if (r - k === len) return r;
    k = r;
  }
  failed.set(len, paraEnd);
  return j;
}

/** Scan the whole text once; calls `emit` for every math span in order. Stops early when emit returns true. */
function scan(text: string, lang: MathLanguage, emit: (s: MathSpan) => boolean | void): void {
  const sc = makeScanner(text, lang);
  const n = text.length;
  const md = lang !== 'latex';
  const backtickFail = new Map<number, number>(); // run length → no closing run before this offset
  const envFail = new Map<string, number>(); // \end{…} tag → not found before this offset
  let i = 0;
  let lineStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fenced code (markdown/plaintext): a line starting with ``` or ~~~ up to the matching fence line.
    if (md && lineStart) {
      const after = fenceEnd(text, sc, i);
      if (after === null) return; // an unclosed fence runs to the end of the document
      if (after > i) {
        i = after;
        continue;
      }
    }
    lineStart = false;
    if (c === 10) {
      lineStart = true;
      i++;
      continue;
    }
    // LaTeX comment.
    if (lang === 'latex' && c === 37 /* % */ && !escaped(text, i)) {
      const e = sc.lineEnd.next(i);
      i = e < 0 ? n : e;
      continue;
    }
    // Markdown code span: a run of N backticks up to the next run of exactly N in the same paragraph.
    if (md && c === 96) {
      i = codeSpanEnd(text, sc, i, backtickFail);
      continue;
    }
    if (c === 92 /* \ */) {
      const nx = text[i + 1];
      if (nx === '(' || nx === '[') {
        const closer = nx === '(' ? sc.closeParen : sc.closeBracket;
        const e = closer.next(i + 2);
        if (e >= 0 && e - i <= MAX_MATH_CHARS) {
          if (emit(span(text, i, e + 2, i + 2, e, nx === '[', nx === '(' ? '\\(' : '\\['))) return;
          i = e + 2;
          continue;
        }
        i += 2;
        continue;
      }
      if (nx === 'b' && text.startsWith('\\begin{', i)) {
        const m = /^\\begin\{([A-Za-z]+)(\*?)\}/.exec(text.slice(i, i + 40));
        if (m && (ENVIRONMENTS.has(m[1]) || VERBATIM.has(m[1]))) {
          const endTag = `\\end{${m[1]}${m[2]}}`;
          const failed = envFail.get(endTag) ?? -1;
          const e = i < failed ? -1 : text.indexOf(endTag, i + m[0].length);
          if (e < 0) envFail.set(endTag, n);
          if (VERBATIM.has(m[1])) {
            i = e < 0 ? n : e + endTag.length;
            continue;
          }
          if (e >= 0 && e - i <= MAX_MATH_CHARS) {
            const keep = KEEP_ENV.has(m[1]);
            const s = keep
              ? span(text, i, e + endTag.length, i, e + endTag.length, true, 'env')
              : span(text, i, e + endTag.length, i + m[0].length, e, true, 'env');
            if (emit(s)) return;
            i = e + endTag.length;
            continue;
          }
        }
      }
      i += 2; // any other escape, including \$ and \\
      continue;
    }
    if (c === 36 /* $ */) {
      if (text.charCodeAt(i + 1) === 36) {
        const e = sc.dd.next(i + 2);
        if (e >= 0 && e - i <= MAX_MATH_CHARS) {
          if (emit(span(text, i, e + 2, i + 2, e, true, '$$'))) return;
          i = e + 2;
          continue;
        }
        i += 2;
        continue;
      }
      // Inline $: the opener is followed by a non-space; the closer is the next valid `$` in the paragraph.
      const para = sc.blank.next(i);
      const paraEnd = para < 0 ? n : para;
      if (!isSpace(text[i + 1]) && i + 1 < n) {
        const e = sc.d1.next(i + 1);
        if (e >= 0 && e < paraEnd && e - i <= MAX_INLINE_CHARS) {
          if (emit(span(text, i, e + 1, i + 1, e, false, '$'))) return;
          i = e + 1;
          continue;
        }
        // Unclosed: the rest of the line, when it looks like TeX.
        const le = sc.lineEnd.next(i);
        const lineEnd = le < 0 ? n : le;
        if (lineEnd - i <= MAX_INLINE_CHARS) {
          let stop = lineEnd;
          const nextDollar = text.slice(i + 1, lineEnd).indexOf('$');
          if (nextDollar >= 0) stop = i + 1 + nextDollar;
          const body = text.slice(i + 1, stop);
          if (looksLikeTex(body)) {
            if (emit(span(text, i, stop, i + 1, stop, false, 'unclosed'))) return;
            i = stop;
            continue;
          }
        }
      }
      i++;
      continue;
    }
    i++;
  }
}

/** Every math span in the text, in order. */
export function findAllMath(text: string, languageId?: string): MathSpan[] {
  const out: MathSpan[] = [];
  scan(text, mathLanguageOf(languageId), (s) => {
    out.push(s);
  });
  return out;
}

/**
 * The math span containing `offset` (delimiters included), or null. In plain text and markdown, when the offset is
 * on a bare TeX word outside delimiters (`\mathbf{x}`, `h_t`, `w_{t+j}`), that word is returned as a 'bare' span.
 */
export function findMathAt(text: string, offset: number, languageId?: string): MathSpan | null {
  if (!Number.isFinite(offset) || offset < 0 || offset > text.length) return null;
  let found: MathSpan | null = null;
  scan(text, mathLanguageOf(languageId), (s) => {
    if (s.start <= offset && offset < s.end) found = s;
    return s.end > offset; // stop at the first span that reaches past the offset
  });
  if (found) return found;
  return mathLanguageOf(languageId) === 'latex' ? null : bareTexAt(text, offset);
}

/** A whitespace-delimited word at offset that is TeX (has a command, or a sub/superscript), or null. */
function bareTexAt(text: string, offset: number): MathSpan | null {
  const stopAt = (ch: string) => isSpace(ch) || ch === '$' || ch === '`';
  let s = offset;
  let e = offset;
  const lim = 200;
  while (s > 0 && offset - s < lim && !stopAt(text[s - 1])) s--;
  while (e < text.length && e - offset < lim && !stopAt(text[e])) e++;
  if (e <= s) return null;
  let word = text.slice(s, e);
  // Trim trailing punctuation.
  const trail = /[.,;:!?)\]]+$/.exec(word);
  if (trail && !/[)\]}]$/.test(word.replace(/[.,;:!?]+$/, ''))) word = word.slice(0, word.length - trail[0].length);
  else word = word.replace(/[.,;:!?]+$/, '');
  if (offset >= s + word.length) return null;
  if (!/\\[A-Za-z]+|[A-Za-z0-9}][_^][A-Za-z0-9{\\]/.test(word)) return null;
  if (/^https?:|[/@]/.test(word)) return null;
  // Braces must balance for it to be a formula.
  let depth = 0;
  for (const ch of word) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return null;
  }
  if (depth !== 0) return null;
  return { start: s, end: s + word.length, latex: cleanTex(word), display: false, delimiter: 'bare' };
}

export interface MathContext {
  /** The nearest heading above (markdown `#`, LaTeX \section, or a short title-like line in plain text). */
  heading: string;
  /** The text just before the formula: the rest of its line, or the previous non-empty line. */
  before: string;
}

/** The words around a formula, used to break ties between concepts. Bounded work: looks back at most 4000 chars. */
export function mathContext(text: string, span: { start: number }): MathContext {
  const from = Math.max(0, span.start - 4000);
  const chunk = text.slice(from, span.start);
  const lines = chunk.split('\n');
  const current = lines[lines.length - 1] ?? '';
  let before = current.trim();
  if (before.length < 12) {
    for (let k = lines.length - 2; k >= 0 && k >= lines.length - 6; k--) {
      const l = lines[k].trim();
      if (l && !/^\$\$?$/.test(l)) {
        before = (l + ' ' + before).trim();
        break;
      }
    }
  }
  let heading = '';
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k].trim();
    const md = /^#{1,6}\s+(.+)$/.exec(l);
    const tex = /\\(?:sub)*section\*?\{([^}]*)\}|\\(?:chapter|paragraph)\*?\{([^}]*)\}/.exec(l);
    if (md) {
      heading = md[1];
      break;
    }
    if (tex) {
      heading = tex[1] ?? tex[2] ?? '';
      break;
    }
    // Plain-text title: a short line with no sentence punctuation, preceded by a blank line.
    if (k < lines.length - 1 && l && l.length <= 48 && !/[.:;$\\=]/.test(l) && /^[A-Z]/.test(l) && (k === 0 || lines[k - 1].trim() === '')) {
      heading = l;
      break;
    }
  }
  return { heading: heading.slice(0, 200), before: before.slice(-300) };
}
