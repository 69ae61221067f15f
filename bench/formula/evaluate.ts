/**
 * Scoring of the formula recogniser on labelled sets in the real-notes format (one folder, `<slug>.txt` concept
 * labels and optional `<slug>.roles.txt` role labels; see bench/formula/README.md). Pure: reads the files it is
 * given, returns counts and ids. The labelled text itself is never copied into the result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isConceptId } from '../../src/core/formula/concepts';
import { explainFormula, type Explanation } from '../../src/core/formula/explain';
import { parseTex } from '../../src/core/formula/tex';
import { pretty, symbolKey, type SymbolNote } from '../../src/core/formula/symbols';
import { expandMacros, MACRO_DEFINITION, parseMacros, type MacroTable } from '../../src/core/formula/macros';
import { normaliseTex } from '../../src/core/formula/normalise';
import { cleanTex } from '../../src/core/formula/find';

export interface LabelledFormula {
  /** 1-based line in its file: the id reported for misses. */
  line: number;
  expected: string | null;
  context: string;
  latex: string;
  /** Only in `.roles.txt`: the role of each symbol (`shape` when neither formula nor sentence says). */
  roles?: Array<{ symbol: string; role: string }>;
}

export interface LabelFile {
  formulas: LabelledFormula[];
  /** The `# macros:` comment lines, joined (macro definitions the source makes). */
  macros: string;
  /** Lines left out (an expected id that is not a catalog id) and roles outside the vocabulary, by line. */
  warnings: string[];
}

export const ROLE_IDS = [
  'center-vector', 'context-vector', 'negative-vector', 'embedding', 'input', 'output', 'target', 'weight', 'bias',
  'pre-activation', 'activation', 'activation-function', 'hidden-state', 'cell-state', 'input-gate', 'forget-gate', 'output-gate', 'update-gate',
  'reset-gate', 'candidate', 'query', 'key', 'value', 'attention-weight', 'score', 'logits', 'probability', 'loss',
  'parameters', 'learning-rate', 'gradient', 'index', 'count', 'temperature', 'mean', 'variance', 'latent', 'dimension',
  'context-vector-attn', 'shape',
] as const;

/**
 * A `# macros:` line as `\newcommand` definitions. Besides `\newcommand`/`\def` text (kept as is), the MathJax
 * configuration form `\rc{#1}={\color{red} #1} \x=\mathbf x` is accepted: each `\name{#1}…{#n}=body` becomes
 * `\newcommand{\name}[n]{body}`. A trailing parenthesised remark is dropped.
 */
export function macroLine(text: string): string {
  if (MACRO_DEFINITION.test(text)) return text;
  const defs = text.replace(/\s*\([^()]*\)\s*$/, '').split(/\s+(?=\\[A-Za-z]+(?:\{#\d\})*=)/);
  return defs
    .map((d) => /^\\([A-Za-z]+)((?:\{#\d\})*)=(.*)$/s.exec(d.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => {
      const n = (m[2].match(/#/g) ?? []).length;
      return `\\newcommand{\\${m[1]}}${n ? `[${n}]` : ''}{${m[3].trim()}}`;
    })
    .join(' ');
}

/**
 * Parse one label file. A line without its fields or with a label outside the catalog (or a role outside the
 * vocabulary) is a warning: the line (the letter) is left out of the counts and reported, never silently.
 */
export function parseLabelFile(text: string, withRoles: boolean): LabelFile {
  const formulas: LabelledFormula[] = [];
  const macros: string[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) return;
    if (line.startsWith('#')) {
      const m = /^#\s*macros:\s*(.*)$/.exec(line);
      if (m) macros.push(macroLine(m[1]));
      return;
    }
    const parts = line.split('|||');
    if (parts.length < 3 || (withRoles && parts.length < 4)) {
      warnings.push(`line ${i + 1}: not "expected ||| context ||| latex${withRoles ? ' ||| roles' : ''}" (line left out)`);
      return;
    }
    const expected = parts[0].trim();
    if (expected !== 'null' && !isConceptId(expected)) {
      warnings.push(`line ${i + 1}: "${expected.slice(0, 40)}" is not a catalog id (line left out)`);
      return;
    }
    const f: LabelledFormula = {
      line: i + 1,
      expected: expected === 'null' ? null : expected,
      context: parts[1].trim(),
      latex: (withRoles ? parts.slice(2, -1) : parts.slice(2)).join('|||').trim(),
    };
    if (withRoles) {
      // `symbol = role ; symbol = role`: a role is one word of the vocabulary, so a symbol may itself hold `;` or `=`
      // (`p(y; \mu) = probability`, `P(y=1|x) = probability`).
      const text = parts[parts.length - 1];
      const entry = /\s*(.+?)\s*=\s*([a-z][a-z-]*)\s*(?:;|$)/y;
      f.roles = [];
      let at = 0;
      for (let m = entry.exec(text); m; m = at < text.length ? entry.exec(text) : null) {
        f.roles.push({ symbol: m[1].trim(), role: m[2] });
        at = entry.lastIndex;
      }
      const rest = text.slice(at).trim();
      if (rest && !f.roles.length) throw new Error(`line ${i + 1}: role "${rest.slice(0, 40)}" has no "="`);
      if (rest) warnings.push(`line ${i + 1}: roles from "${rest.slice(0, 40)}" on not read`);
      const known = f.roles.filter((r) => (ROLE_IDS as readonly string[]).includes(r.role));
      for (const r of f.roles) if (!known.includes(r)) warnings.push(`line ${i + 1}: unknown role "${r.role.slice(0, 40)}" (letter left out)`);
      f.roles = known;
    }
    formulas.push(f);
  });
  return { formulas, macros: macros.join(' '), warnings };
}

/**
 * Phrases of a symbol meaning that claim a role in the role vocabulary. A meaning that describes only the letter's
 * shape ("a vector indexed by i") claims none.
 */
const ROLE_PHRASES: Array<[string, RegExp]> = [
  // ("non-negative" describes values, not a negative sample.)
  ['negative-vector', /(?<!non-)\bnegative\b|noise word/i],
  ['context-vector-attn', /context vector \(the attention|attention output|weighted (sum|average) of the|the context vector (for|of) (output|step|the decoder)/i],
  ['center-vector', /cent(re|er)[- ]word|cent(re|er) vector|input word'?s? vector|input \(cent(re|er)/i],
  ['context-vector', /\boutside\b|context-role|context word|output vector of word|vector of a context/i],
  ['attention-weight', /attention weight|alignment weight/i],
  ['query', /\bquer(y|ies)\b/i],
  ['key', /\bkeys?\b/i],
  // ("the value of f at x" is a function's value, not attention's value vector.)
  ['value', /\bvalue (vectors?|matri(x|ces))|\bvalues\b(?! of)|\bthe value\b(?! of)/i],
  ['forget-gate', /forget gate/i],
  ['input-gate', /input gate/i],
  ['output-gate', /output gate/i],
  ['update-gate', /update gate/i],
  ['reset-gate', /reset gate/i],
  ['candidate', /candidate/i],
  ['cell-state', /cell state|memory cell/i],
  ['hidden-state', /hidden state|hidden layer|decoder state|encoder state/i],
  ['learning-rate', /learning rate|step size/i],
  ['temperature', /temperature/i],
  ['gradient', /gradient/i],
  // (The function itself, σ or f in a = f(z), not its output: "the output of the nonlinearity" is the activation.)
  ['activation-function', /activation function|(?<!output of (the|a) )\bnon-?linearit(y|ies)\b|\b(sigmoid|logistic|tanh|relu|rectifier|step) function/i],
  ['pre-activation', /pre-activation|weighted input|before the activation/i],
  // (A pre-activation is not an activation.)
  ['activation', /(?<!pre-)\bactivation(s)?\b(?! function)/i],
  ['logits', /\blogits?\b/i],
  ['score', /\bscores?\b/i],
  ['loss', /\bloss\b|\bobjective\b|\bcost\b/i],
  ['parameters', /\bparameters\b/i],
  ['bias', /\bbias\b|\boffset\b(?! inside)/i],
  // (An attention weight is its own role, not a learned weight.)
  ['weight', /(?<!attention |alignment )\bweights?\b/i],
  ['embedding', /embedding|word vector/i],
  ['latent', /\blatent\b/i],
  ['mean', /\bmean\b/i],
  ['variance', /variance|standard deviation/i],
  ['target', /\btarget\b|true label|the label|gold/i],
  // (The input and output gates are gates, not the model's input and output.)
  ['output', /\boutput\b(?! gate)|prediction|predicted/i],
  ['input', /\binputs?\b(?! gate)|\bfeatures\b/i],
  ['probability', /probabilit|distribution/i],
  ['dimension', /dimension/i],
  ['index', /\bindex\b|runs over|offset inside|position in|time step/i],
  ['count', /number of|how many|\bsize\b|\blength\b|vocabulary/i],
];

/** Every role a meaning claims ("the decoder state (the query)" claims both hidden-state and query); empty: none. */
export function rolesOfMeaning(meaning: string): string[] {
  return ROLE_PHRASES.filter(([, re]) => re.test(meaning)).map(([role]) => role);
}

/** Equivalent roles: the vocabulary has near-synonyms a teacher would accept for one another. */
const SAME: Record<string, string[]> = {
  score: ['logits'], logits: ['score'], 'context-vector-attn': ['output'], output: ['activation'], activation: ['output', 'hidden-state'],
  'hidden-state': ['activation'], embedding: ['center-vector', 'context-vector'], weight: ['parameters'], parameters: ['weight'],
};

/** A `shape` label is right only when the meaning claims no role; any other label must be among the claimed roles. */
export function roleMatches(label: string, claimed: string[]): boolean {
  if (label === 'shape') return claimed.length === 0;
  return claimed.some((c) => c === label || (SAME[label] ?? []).includes(c));
}

/** A labelled symbol's TeX after the macro expansion and notation repairs the explanation applies. */
function symbolTex(texIn: string, macros?: MacroTable): string {
  return normaliseTex(macros?.size ? expandMacros(cleanTex(texIn), macros).latex : cleanTex(texIn));
}

/**
 * The display key the explanation uses for a symbol written in TeX (`\mathbf{u}_o` → `u_o`), after the same
 * macro expansion and notation repairs the explanation applies (`\vx` with `\newcommand{\vx}{\mathbf{x}}` → `x`).
 */
export function keyOfTex(texIn: string, macros?: MacroTable): string {
  const tex = symbolTex(texIn, macros);
  const tree = parseTex(tex, { identifiers: true });
  let first = tree.items[0];
  if (first && first.k === 'group' && first.delim === '{' && first.body.k === 'row' && first.body.items.length === 1) first = first.body.items[0];
  if (first && first.k === 'sym' && tree.items.length === 1) return symbolKey(first);
  // A function or a quantity named by its word (`\tanh`, `\text{ReLU}`, `\text{key}_i`): the word as the hover writes it.
  if (first && first.k === 'name' && tree.items.length === 1) return pretty(first);
  // A function's value (`f(x_i)`, `h_\theta(x)`) and a set's size (`|V|`): the key the explanation gives them.
  if (first && tree.items.length === 1 && (first.k === 'apply' || (first.k === 'group' && first.delim === '|'))) return pretty(first).slice(0, 40);
  return tex.replace(/\s+/g, '');
}

/** A symbol of several parts (`\nabla_x f`, `\Delta w`) as the explanation writes it, without spaces (`∇_xf`, `Δw`). */
export function prettyKey(texIn: string, macros?: MacroTable): string {
  return pretty({ k: 'row', items: parseTex(symbolTex(texIn, macros), { identifiers: true }).items }).slice(0, 40);
}

/**
 * The explanation's note on a labelled symbol: found by the key of its TeX after the label file's macros, then without
 * them, then by the symbol written out without spaces (`∇_x f` and `∇_xf` are one symbol).
 */
export function symbolFinder(symbols: SymbolNote[]): (labelled: string, table?: MacroTable) => SymbolNote | undefined {
  const byKey = new Map(symbols.map((s) => [s.symbol, s]));
  const byJoined = new Map(symbols.map((s) => [s.symbol.replace(/\s+/g, ''), s]));
  // (A word subscript from a text box keeps its hyphen, J_{\text{naive-softmax}}; the labeller's J_{naive-softmax} is read
  // with a minus sign.)
  const dashes = (k: string) => k.replace(/\s+/g, '').replace(/−/g, '-');
  const byDashes = new Map(symbols.map((s) => [dashes(s.symbol), s]));
  // (A letter the formula writes only transposed, W^{(2)ᵀ}, is the letter the labeller names W^{(2)}: the hover explains it.)
  const untransposed = (k: string) => k.replace(/\s+/g, '').replace(/\^(?:T|\{T\}|\\top|\{\\top\})\}$/, '}').replace(/\^(?:T|\{T\}|\\top|\{\\top\}|ᵀ)$/, '');
  const byUntransposed = new Map(symbols.filter((s) => untransposed(s.symbol) !== s.symbol.replace(/\s+/g, '')).map((s) => [untransposed(s.symbol), s]));
  // (A letter the labeller copies with its index glued on, as plain text writes it, `yi`, `wi-1`, is the subscripted
  // letter the hover explains where the formula shows that habit.)
  // (So is a letter glued to the name of what it belongs to, `bf`, `ba`, `ec`, `W1`, `thetat`, where the hover explains
  // b_f, b_a, e_c, W_1, θ_t.)
  const glued = (k: string) => /^([A-Za-zα-ωΘ]|\\?(?:theta|alpha|beta|gamma|delta|sigma|omega|phi|psi|mu|lambda|eta))([a-z]|\d{1,2})([-+]1)?$/.exec(k.trim());
  const byGlued = (k: string) => {
    const m = glued(k);
    return m ? byKey.get(keyOfTex(`${/^[A-Za-zα-ωΘ]$/.test(m[1]) ? m[1] : `\\${m[1].replace(/^\\/, '')}`}_{${m[2]}${m[3] ?? ''}}`)) : undefined;
  };
  // (Plain text's example index typed as a call, `z(i)`, `x(1)`, and its transpose glued on, `wT`: the letter the hover
  // explains where the formula shows that habit, z^{(i)}, w.)
  const byCall = (k: string) => {
    const m = /^([A-Za-z])\((i|j|\d{1,2}|nx|m)\)$/.exec(k.trim());
    return m ? byKey.get(keyOfTex(`${m[1]}^{(${m[2]})}`)) : undefined;
  };
  const byGluedTranspose = (k: string) => {
    const m = /^([A-Za-z])[tT]$/.exec(k.trim());
    return m ? byKey.get(keyOfTex(m[1])) : undefined;
  };
  return (labelled, table) => byKey.get(keyOfTex(labelled, table)) ?? byKey.get(keyOfTex(labelled)) ?? byJoined.get(prettyKey(labelled, table)) ?? byDashes.get(dashes(keyOfTex(labelled, table))) ?? byUntransposed.get(keyOfTex(labelled, table).replace(/\s+/g, '')) ?? byGlued(labelled) ?? byCall(labelled) ?? byGluedTranspose(labelled);
}

export interface SourceResult {
  source: string;
  catalog: number;
  right: number;
  wrong: number;
  unsure: number;
  nulls: number;
  claimed: number;
  roleLetters: number;
  roleRight: number;
  /**
   * Misses the labeller listed as also acceptable (SOURCES.md): a wrong concept that is a listed alternative, an
   * unsure answer where `null` is listed, a claim on a null formula that is listed. Subsets of wrong, unsure, claimed.
   */
  acceptable: { wrong: number; unsure: number; claimed: number };
  /** Ids (line numbers) of the misses, for the author to look up in the label file. */
  missLines: { wrong: number[]; unsure: number[]; claimed: number[]; roles: number[] };
  /** Per miss: what was expected and what was said (concept ids only). */
  misses: Array<{ line: number; expected: string | null; got: string | null }>;
  /** Label lines or letters left out, with why (ids and line numbers only). */
  warnings: string[];
}

type Explain = (latex: string, context: string, macros: string) => Explanation;

const defaultExplain: Explain = (latex, context, macros) => explainFormula(latex, { context: { before: context }, display: true, macros });

/** Score one source (its concept file and, if present, its roles file). */
export function evaluateSource(source: string, concepts: LabelFile, roles: LabelFile | null, explain: Explain = defaultExplain, alternatives?: Map<number, Set<string>>): SourceResult {
  const r: SourceResult = { source, catalog: 0, right: 0, wrong: 0, unsure: 0, nulls: 0, claimed: 0, roleLetters: 0, roleRight: 0, acceptable: { wrong: 0, unsure: 0, claimed: 0 }, missLines: { wrong: [], unsure: [], claimed: [], roles: [] }, misses: [], warnings: [...concepts.warnings, ...(roles?.warnings ?? []).map((w) => `roles ${w}`)] };
  for (const f of concepts.formulas) {
    const got = explain(f.latex, f.context, concepts.macros).concept;
    if (f.expected) {
      r.catalog++;
      if (got === f.expected) r.right++;
      else if (got) (r.wrong++, r.missLines.wrong.push(f.line), r.misses.push({ line: f.line, expected: f.expected, got }));
      else (r.unsure++, r.missLines.unsure.push(f.line), r.misses.push({ line: f.line, expected: f.expected, got }));
    } else {
      r.nulls++;
      if (got) (r.claimed++, r.missLines.claimed.push(f.line), r.misses.push({ line: f.line, expected: null, got }));
    }
  }
  r.acceptable = acceptableMisses(r.misses, alternatives);
  // (The macros a source defines are written once, in its concept file's header; a roles file may repeat them.)
  const roleMacros = roles?.macros || concepts.macros;
  const table = roleMacros ? parseMacros(roleMacros) : undefined;
  for (const f of roles?.formulas ?? []) {
    const ex = explain(f.latex, f.context, roleMacros);
    const find = symbolFinder(ex.symbols);
    let allRight = true;
    for (const { symbol, role } of f.roles ?? []) {
      r.roleLetters++;
      const meaning = find(symbol, table)?.meaning;
      const ok = meaning !== undefined && roleMatches(role, rolesOfMeaning(meaning));
      if (ok) r.roleRight++;
      else allRight = false;
    }
    if (!allRight) r.missLines.roles.push(f.line);
  }
  return r;
}

export interface FolderResult {
  dir: string;
  sources: SourceResult[];
  pooled: Omit<SourceResult, 'missLines' | 'misses' | 'warnings'>;
}

/** A label folder's file or an earlier run's JSON: a regular file under a bound, else one clear error naming it. */
export function readBounded(file: string, max = 8_000_000): string {
  const st = fs.statSync(file);
  if (!st.isFile() || st.size > max) throw new Error(`${path.basename(file)}: not a regular file under ${max} bytes`);
  return fs.readFileSync(file, 'utf8');
}

/** Score every `<slug>.txt` in a folder (with its `<slug>.roles.txt` when there is one). */
export function evaluateFolder(dir: string, explain?: Explain): FolderResult {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.roles.txt')).sort();
  if (!files.length) throw new Error(`no <slug>.txt label files in ${dir}`);
  const read = (f: string) => readBounded(path.join(dir, f), 4_000_000);
  const alternatives = fs.existsSync(path.join(dir, 'SOURCES.md')) ? parseAlsoAcceptable(read('SOURCES.md')) : new Map<string, Map<number, Set<string>>>();
  const sources = files.flatMap((f) => {
    const slug = f.slice(0, -4);
    const rolesFile = `${slug}.roles.txt`;
    const roles = fs.existsSync(path.join(dir, rolesFile)) ? parseLabelFile(read(rolesFile), true) : null;
    const concepts = parseLabelFile(read(f), false);
    // A .txt without a single label line (a README, notes) is not a source.
    if (!concepts.formulas.length && !roles?.formulas.length) return [];
    return [evaluateSource(slug, concepts, roles, explain, alternatives.get(slug))];
  });
  if (!sources.length) throw new Error(`no label lines in the .txt files of ${dir}`);
  return { dir, sources, pooled: pool(sources) };
}

/** The sources' counts added up. */
export function pool(sources: Array<Omit<SourceResult, 'missLines' | 'misses' | 'warnings'>>): FolderResult['pooled'] {
  const pooled = { source: 'pooled', catalog: 0, right: 0, wrong: 0, unsure: 0, nulls: 0, claimed: 0, roleLetters: 0, roleRight: 0, acceptable: { wrong: 0, unsure: 0, claimed: 0 } };
  for (const s of sources) {
    for (const k of ['catalog', 'right', 'wrong', 'unsure', 'nulls', 'claimed', 'roleLetters', 'roleRight'] as const) pooled[k] += s[k];
    for (const k of ['wrong', 'unsure', 'claimed'] as const) pooled.acceptable[k] += s.acceptable?.[k] ?? 0;
  }
  return pooled;
}

/**
 * The "Also acceptable" list of a folder's SOURCES.md, where the labeller wrote down a second defensible answer:
 * `- line 27 of <slug> (…): also acceptable chain-rule, null` or `- <slug>.txt line 133: … also acceptable null (…)`.
 * Gives slug → line → the ids listed (`null`: no concept is defensible too). Words in parentheses after the list
 * are comments; anything that is not a catalog id or `null` is ignored.
 */
export function parseAlsoAcceptable(text: string): Map<string, Map<number, Set<string>>> {
  const out = new Map<string, Map<number, Set<string>>>();
  for (const raw of text.split('\n')) {
    const at = raw.toLowerCase().indexOf('also acceptable');
    if (at < 0) continue;
    const head = raw.slice(0, at);
    // (Several lines of one source in one entry, `lines 21, 33 and 35 of <slug>`, each get the answers.)
    const many = /\blines ((?:\d+(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+))+\d+) of `?([\w.-]+?)`?(?:\.txt)?(?=[\s,(:]|$)/.exec(head);
    const m = /\bline (\d+) of `?([\w.-]+?)`?(?:\.txt)?(?=[\s,(:]|$)/.exec(head) ?? /\b([\w.-]+?)\.txt,? line (\d+)/.exec(head);
    if (!m && !many) continue;
    const [lines, slug] = many ? [many[1].split(/\D+/).filter(Boolean).map(Number), many[2]] : /^\d+$/.test(m![1]) ? [[Number(m![1])], m![2]] : [[Number(m![2])], m![1]];
    const list = raw.slice(at + 'also acceptable'.length).replace(/\([^)]*\)/g, ' ');
    const ids = list.split(/[^A-Za-z0-9-]+/).filter((w) => w === 'null' || isConceptId(w));
    if (!ids.length) continue;
    const bySlug = out.get(slug) ?? new Map<number, Set<string>>();
    for (const line of lines) bySlug.set(line, new Set([...(bySlug.get(line) ?? []), ...ids]));
    out.set(slug, bySlug);
  }
  return out;
}

/** How many misses are answers the labeller listed as also acceptable (an unsure answer matches `null`). */
export function acceptableMisses(misses: SourceResult['misses'], alternatives?: Map<number, Set<string>>): SourceResult['acceptable'] {
  const n = { wrong: 0, unsure: 0, claimed: 0 };
  for (const m of misses) {
    if (!alternatives?.get(m.line)?.has(m.got ?? 'null')) continue;
    if (m.expected === null) n.claimed++;
    else if (m.got) n.wrong++;
    else n.unsure++;
  }
  return n;
}

/**
 * A second labeller's folder as the "recogniser": for each formula of the first folder, the label the second
 * labeller gave the same formula (same latex and context). Scored with evaluateFolder against the first labeller,
 * it measures how often two labellers agree — the ceiling of any recogniser's score on those labels. Roles are
 * not compared (the explanation it returns has no symbols).
 */
export function labelsAsExplain(dir: string): Explain {
  const said = new Map<string, string | null>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt') && !x.endsWith('.roles.txt'))) {
    for (const x of parseLabelFile(readBounded(path.join(dir, f), 4_000_000), false).formulas) said.set(`${x.context}\u0000${x.latex}`, x.expected);
  }
  return (latex, context) => {
    const key = `${context}\u0000${latex}`;
    if (!said.has(key)) throw new Error(`the second labeller has no label for "${latex.slice(0, 40)}"`);
    return { concept: said.get(key), symbols: [] } as unknown as Explanation;
  };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

/** The console table: one line per source, then pooled. */
export function formatReport(res: FolderResult): string {
  const line = (s: Omit<SourceResult, 'missLines' | 'misses' | 'warnings'>) =>
    `${s.source.padEnd(34)} catalog ${String(s.catalog).padStart(3)}: right ${s.right} (${pct(s.right, s.catalog)}), wrong ${s.wrong} (${pct(s.wrong, s.catalog)}), unsure ${s.unsure} (${pct(s.unsure, s.catalog)}) | null ${s.nulls}: claimed ${s.claimed} (${pct(s.claimed, s.nulls)}) | roles ${s.roleRight}/${s.roleLetters} (${pct(s.roleRight, s.roleLetters)})${s.acceptable && s.acceptable.wrong + s.acceptable.unsure + s.acceptable.claimed ? ` | also acceptable: ${s.acceptable.wrong} wrong, ${s.acceptable.unsure} unsure, ${s.acceptable.claimed} claimed` : ''}`;
  const out = res.sources.map((s) => {
    const m = s.misses.map((x) => `    line ${x.line}: want ${x.expected ?? 'null'}, got ${x.got ?? 'unsure'}`).join('\n');
    const rl = s.missLines.roles.length ? `\n    role misses on roles-file lines ${s.missLines.roles.join(', ')}` : '';
    const w = s.warnings.length ? `\n    left out: ${s.warnings.join('; ')}` : '';
    return line(s) + (m ? `\n${m}` : '') + rl + w;
  });
  out.push(line(res.pooled));
  const a = res.pooled.acceptable;
  if (a.wrong + a.unsure + a.claimed) out.push(`  of the misses, listed by the labeller as also acceptable: ${a.wrong} wrong, ${a.unsure} unsure, ${a.claimed} claimed — counting them right: ${res.pooled.right + a.wrong + a.unsure}/${res.pooled.catalog} (${pct(res.pooled.right + a.wrong + a.unsure, res.pooled.catalog)}), wrong ${res.pooled.wrong - a.wrong} (${pct(res.pooled.wrong - a.wrong, res.pooled.catalog)}), claimed ${res.pooled.claimed - a.claimed} (${pct(res.pooled.claimed - a.claimed, res.pooled.nulls)})`);
  return out.join('\n');
}
