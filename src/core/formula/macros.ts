/**
 * The note's own macros: `\newcommand`, `\renewcommand`, `\providecommand`, `\def` (`\gdef`), `\DeclareMathOperator` found in
 * the note, in a preamble file, or in markdown front matter (`macros:` entries), expanded before recognition and
 * rendering. Expansion is capped (count and size), so a recursive macro gives a message, never a hang.
 */

export interface Macro {
  params: number;
  /** Default value of the first parameter (`\newcommand{\x}[2][d]{…}`), if any. */
  optional?: string;
  body: string;
}

export type MacroTable = Map<string, Macro>;

/** Most expansions per formula, and the largest expanded formula. */
export const MAX_EXPANSIONS = 500;
export const MAX_EXPANDED_CHARS = 20_000;
/** Most definitions read from one source text, and the longest text scanned for them. */
const MAX_DEFINITIONS = 2000;
const MAX_SCAN_CHARS = 2_000_000;

/** A balanced `{…}` group starting at i (which must be `{`): its inside and the index after it, or null. */
function braced(s: string, i: number): { body: string; end: number } | null {
  if (s[i] !== '{') return null;
  let depth = 0;
  for (let j = i; j < s.length && j - i < 20_000; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return { body: s.slice(i + 1, j), end: j + 1 };
  }
  return null;
}

const skipSpace = (s: string, i: number) => {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
};

/** `{\name}` or `\name` at i: the command name (without backslash) and the index after it. */
function commandName(s: string, i: number): { name: string; end: number } | null {
  i = skipSpace(s, i);
  if (s[i] === '{') {
    const b = braced(s, i);
    if (!b) return null;
    const m = /^\s*\\([A-Za-z]+|.)\s*$/.exec(b.body);
    return m ? { name: m[1], end: b.end } : null;
  }
  const m = /^\\([A-Za-z]+|.)/.exec(s.slice(i, i + 100));
  return m ? { name: m[1], end: i + m[0].length } : null;
}

/** Read macro definitions from TeX or markdown text (the note, a preamble file, front matter). Later ones win. */
/** The commands that define a macro (`\\gdef`, `\\edef`, `\\xdef`: KaTeX's global forms of `\\def`). */
export const MACRO_DEFINITION = /\\(newcommand|renewcommand|providecommand|DeclareMathOperator|DeclareMathAlphabet|def|gdef|edef|xdef)\b(\*?)/;

export function parseMacros(text: string, into: MacroTable = new Map()): MacroTable {
  const s = String(text ?? '').slice(0, MAX_SCAN_CHARS);
  frontMatterMacros(s, into);
  const re = new RegExp(MACRO_DEFINITION.source, 'g');
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(s)) && count < MAX_DEFINITIONS) {
    const kind = m[1];
    const name = commandName(s, m.index + m[0].length);
    if (!name) continue;
    let i = name.end;
    let params = 0;
    let optional: string | undefined;
    if (/^[gex]?def$/.test(kind)) {
      // \def\name#1#2{body} (and KaTeX's global \gdef, \edef, \xdef): undelimited parameters only.
      const p = /^(#[1-9])*/.exec(s.slice(i, i + 20))![0];
      params = p.length / 2;
      i += p.length;
    } else if (kind === 'DeclareMathAlphabet') {
      // \DeclareMathAlphabet{\mat}{U}{eur}{b}{n}: \mat{X} is X in a font of its own, bold when its series is (b, bx).
      const args: string[] = [];
      let j = i;
      for (let k = 0; k < 4; k++) {
        const arg = braced(s, skipSpace(s, j));
        if (!arg) break;
        args.push(arg.body.trim());
        j = arg.end;
      }
      if (args.length < 4) continue;
      into.set(name.name, { params: 1, body: /^b/.test(args[2]) ? '\\mathbf{#1}' : '\\mathit{#1}' });
      count++;
      re.lastIndex = j;
      continue;
    } else if (kind !== 'DeclareMathOperator') {
      i = skipSpace(s, i);
      const pm = /^\[\s*([0-9])\s*\]/.exec(s.slice(i, i + 10));
      if (pm) {
        params = Number(pm[1]);
        i = skipSpace(s, i + pm[0].length);
        if (s[i] === '[') {
          const close = s.indexOf(']', i);
          if (close < 0 || close - i > 200) continue;
          optional = s.slice(i + 1, close);
          i = close + 1;
        }
      }
    }
    i = skipSpace(s, i);
    const body = braced(s, i);
    if (!body) continue;
    if (kind === 'providecommand' && into.has(name.name)) continue;
    const text = kind === 'DeclareMathOperator' ? `\\operatorname${m[2]}{${body.body}}` : body.body;
    into.set(name.name, { params, optional, body: text });
    count++;
    re.lastIndex = body.end;
  }
  return into;
}

/**
 * Markdown front matter (`---` … `---` at the top) with a `macros:` block, as KaTeX/MathJax settings write it:
 *   macros:
 *     "\\R": "\\mathbb{R}"
 *     vx: "\\mathbf{x}"
 *     norm: ["\\left\\| #1 \\right\\|", 1]
 */
function frontMatterMacros(s: string, into: MacroTable): void {
  const fm = /^\uFEFF?---\r?\n([\s\S]{0,20000}?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(s);
  if (!fm) return;
  const lines = fm[1].split(/\r?\n/);
  let inMacros = false;
  let indent = -1;
  for (const line of lines) {
    if (/^\s*macros\s*:\s*$/.test(line)) {
      inMacros = true;
      indent = -1;
      continue;
    }
    if (!inMacros) continue;
    const ind = /^(\s*)/.exec(line)![1].length;
    if (!line.trim()) continue;
    if (indent < 0) indent = ind;
    if (ind < indent || ind === 0) {
      inMacros = false;
      continue;
    }
    const m = /^\s*("?)\\{0,2}([A-Za-z]+)\1\s*:\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const v = m[3];
    let body: string | null = null;
    let params = 0;
    const arr = /^\[\s*"((?:[^"\\]|\\.)*)"\s*,\s*([0-9])\s*\]$/.exec(v);
    const str = /^"((?:[^"\\]|\\.)*)"$/.exec(v) ?? /^'((?:[^']|'')*)'$/.exec(v);
    if (arr) {
      body = unescapeYaml(arr[1]);
      params = Number(arr[2]);
    } else if (str) body = v.startsWith('"') ? unescapeYaml(str[1]) : str[1].replace(/''/g, "'");
    else if (!/^[[{]/.test(v)) body = v;
    if (body !== null) into.set(m[2], { params, body });
  }
}

const unescapeYaml = (s: string) => s.replace(/\\(["\\])/g, '$1');

export interface Expanded {
  latex: string;
  /** Set when expansion stopped at the cap (a recursive or runaway macro); `latex` is then the text as far as it got. */
  error?: string;
}

/** One macro argument at i: a braced group or a single token. */
function argAt(s: string, i: number): { body: string; end: number } | null {
  i = skipSpace(s, i);
  if (i >= s.length) return null;
  if (s[i] === '{') return braced(s, i);
  const m = /^\\([A-Za-z]+|.)/.exec(s.slice(i, i + 100));
  if (m) return { body: m[0], end: i + m[0].length };
  return { body: s[i], end: i + 1 };
}

/** Expand the table's macros in a formula, left to right, until none is left or the cap is reached. */
export function expandMacros(latex: string, table: MacroTable | undefined): Expanded {
  let s = String(latex ?? '');
  if (!table || !table.size || !s.includes('\\')) return { latex: s };
  let expansions = 0;
  let i = 0;
  const re = /\\([A-Za-z]+|[^A-Za-z\s])/g;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) break;
    const mac = table.get(m[1]);
    if (!mac) {
      i = m.index + m[0].length;
      continue;
    }
    if (++expansions > MAX_EXPANSIONS) return { latex: s, error: `macro expansion stopped after ${MAX_EXPANSIONS} expansions (is \\${m[1].slice(0, 40)} recursive?)` };
    let j = m.index + m[0].length;
    const args: string[] = [];
    let first = 0;
    if (mac.optional !== undefined && mac.params > 0) {
      const k = skipSpace(s, j);
      if (s[k] === '[') {
        const close = s.indexOf(']', k);
        args.push(close > k ? s.slice(k + 1, close) : mac.optional);
        j = close > k ? close + 1 : j;
      } else args.push(mac.optional);
      first = 1;
    }
    for (let p = first; p < mac.params; p++) {
      const a = argAt(s, j);
      if (!a) break;
      args.push(a.body);
      j = a.end;
    }
    // (A control word right before an argument stays one word: `\mathbold#1` with `w` is `\mathbold w`, as TeX reads it.)
    const body = mac.body.replace(/(\\[A-Za-z]+)?#([1-9])/g, (_, cw: string | undefined, d: string) => `${cw ? `${cw} ` : ''}${args[Number(d) - 1] ?? ''}`);
    // A letter right after a control word must stay separate from it.
    const glue = /^[A-Za-z]/.test(s.slice(j, j + 1)) && /\\[A-Za-z]+$/.test(body) ? ' ' : '';
    s = s.slice(0, m.index) + body + glue + s.slice(j);
    if (s.length > MAX_EXPANDED_CHARS) return { latex: s.slice(0, MAX_EXPANDED_CHARS), error: `macro expansion stopped: the formula grew past ${MAX_EXPANDED_CHARS} characters (is \\${m[1].slice(0, 40)} recursive?)` };
    i = m.index; // the expansion may itself contain macros
  }
  return { latex: s };
}

/** Macro definitions of a note plus an optional preamble (the preamble first, so the note's own definitions win). */
export function macrosOf(noteText: string, preamble?: string): MacroTable {
  const t: MacroTable = new Map();
  if (preamble) parseMacros(preamble, t);
  return parseMacros(noteText, t);
}
