/**
 * Values a note writes beside a formula — Adam's β₁ and β₂, a learning rate η, k negative samples, a hidden size, a
 * window, a list of numbers — read from the formula and the sentence around it, and the experiment link they make:
 * each value checked against the target model's ParamSpec (a value the spec refuses is left out and said so), the
 * label saying what the link will run. Pure: no vscode, no DOM.
 */
import { coerceParam, type ParamSpec } from '../params';
import { XOR_PARAMS } from '../xor/params';
import { WORD2VEC_PARAMS } from '../word2vec/params';
import { LSTM_PARAMS } from '../lstm/params';
import type { Experiment } from './catalog';
import type { ConceptId } from './concepts';
import { computeExample } from './examples';
import type { Explanation } from './explain';

export interface NoteValues {
  beta1?: number;
  beta2?: number;
  lr?: number;
  negative?: number;
  hidden?: number;
  window?: number;
  /** A list of numbers written in brackets, e.g. "z = (2, 1, 0.1)": a softmax's inputs. */
  numbers?: number[];
}

/** How far around a formula its sentence is looked for, in characters each side. */
export const SENTENCE_REACH = 400;

/** A sentence ends at . ! ? followed by white space, or at a blank line. */
const BOUNDARY = /[.!?](?=\s)|\n[ \t]*\n/g;

/**
 * The sentence a formula stands in: from the end of the sentence before it (a display formula after a paragraph
 * that ends with a colon or a full stop keeps that paragraph's last sentence) to the end of the sentence after it.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - SENTENCE_REACH), start).replace(/[\s.:;,]+$/, '');
  let from = 0;
  for (const m of before.matchAll(BOUNDARY)) from = m.index + m[0].length;
  const after = text.slice(end, end + SENTENCE_REACH);
  const lead = /^\s*/.exec(after)![0].length;
  BOUNDARY.lastIndex = 0;
  const stop = new RegExp(BOUNDARY.source, 'g');
  stop.lastIndex = lead;
  const m = stop.exec(after);
  return `${before.slice(from)} ${text.slice(start, end)} ${after.slice(0, m ? m.index : after.length)}`.replace(/\s+/g, ' ').trim();
}

/** TeX and Unicode spellings made plain: β₁, \beta_{1}, beta_1 → β1; \eta → η; \text{…} → …; $ and thin spaces gone. */
function plain(s: string): string {
  return s
    .replace(/\$+|\\\\|&/g, ' ')
    .replace(/\\(?:text|mathrm|mathit|textrm|operatorname|mathbf|mathsf)\s*\{([^{}]*)\}/g, '$1')
    .replace(/₁/g, '_1')
    .replace(/₂/g, '_2')
    .replace(/\\beta(?![A-Za-z])|\bbeta(?=\s*_?\s*\{?\s*[12])/g, 'β')
    .replace(/β\s*_?\s*\{?\s*([12])\s*\}?/g, 'β$1')
    .replace(/\\eta(?![A-Za-z])/g, 'η')
    .replace(/\\alpha(?![A-Za-z])/g, 'α')
    .replace(/\\(?:coloneqq|leftarrow|gets)(?![A-Za-z])|:=/g, '=')
    .replace(/\\[,;:! ]|\\q?quad(?![A-Za-z])|~/g, ' ')
    .replace(/\s+/g, ' ');
}

/** A number as notes write it: 0.001, .5, 1e-3, 10^{-3}, 1 \times 10^{-3}. */
const NUM = String.raw`(?:(\d+(?:\.\d+)?)\s*(?:\\times|×|\\cdot|·)\s*)?(?:10\s*\^\s*\{?\s*([-−]?\d+)\s*\}?|(\d*\.\d+(?:[eE][-+−]?\d+)?|\d+(?:[eE][-+−]?\d+)?))`;
/** What may follow a value without making it part of something larger (a range, a fraction, a power, a product). */
const NOT_A_VALUE_AFTER = /^(?:\s*(?:[–—/^*_]|-\s*\d|to\s+\d|\\(?:times|cdot)(?![A-Za-z]))|[(A-Za-z\d.]\d?)/;

function numberAt(m: RegExpExecArray, before: string, rest: string): number | undefined {
  // the end of a range ("5–20"), or a value followed by a range, a fraction, a power or a product: not one value
  if (/\d\s*(?:[–—-]|to)\s*$/.test(before)) return undefined;
  if (NOT_A_VALUE_AFTER.test(rest) && !/^\.(?:\s|$)/.test(rest)) return undefined;
  const [mant, exp, plainNum] = [m[2], m[3], m[4]];
  const v = plainNum !== undefined ? Number(plainNum.replace('−', '-')) : (mant === undefined ? 1 : Number(mant)) * 10 ** Number(exp.replace('−', '-'));
  return Number.isFinite(v) ? v : undefined;
}

/** The first value `pattern` (a regex source without capture groups; the value is NUM after it) finds in `s`. */
function find(s: string, pattern: string, flags = 'i'): number | undefined {
  const re = new RegExp(`${pattern}(${NUM})`, `g${flags}`);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const end = m.index + m[0].length;
    const v = numberAt(m, s.slice(0, end - m[1].length), s.slice(end));
    if (v !== undefined) return v;
  }
  return undefined;
}

const IS = String.raw`\s*(?:=|:|\bis\b|\bof\b|\bto\b)?\s*(?:(?:typically|usually|often|set\s+to|fixed\s+at|of)\s+)?`;

const wholeNumber = (v: number | undefined) => (v !== undefined && Number.isInteger(v) ? v : undefined);

/** Adam's decay rates and a learning rate (η, "learning rate", "step size"; α only where the concept is an optimizer). */
function optimizerValues(s: string, alphaIsLr: boolean): NoteValues {
  return {
    beta1: find(s, String.raw`β1\s*(?:=|:|\bis\b)\s*(?:(?:typically|usually|often|set\s+to)\s+)?`),
    beta2: find(s, String.raw`β2\s*(?:=|:|\bis\b)\s*(?:(?:typically|usually|often|set\s+to)\s+)?`),
    lr:
      find(s, String.raw`(?:learning[\s-]rate|step[\s-]size|\blr\b)(?:\s*,?\s*\(?\s*[ηα]\s*\)?)?${IS}`) ??
      find(s, String.raw`η\s*=\s*`) ??
      (alphaIsLr ? find(s, String.raw`α\s*=\s*`) : undefined),
  };
}

function wordVectorValues(s: string): NoteValues {
  const mentionsNegatives = /negative|noise/i.test(s);
  return {
    negative: wholeNumber(
      find(s, String.raw`\bk\s*=\s*(?=\d[\d\s]*(?:negative|noise))`) ??
        find(s, String.raw`(?:negative\s+samples?|negatives|noise\s+(?:words?|samples?))\s*(?:\(\s*k\s*\)|k)?${IS}`) ??
        find(s, String.raw`(?=\d+\s+(?:negative|noise)\s+(?:samples?|words?|examples?))`) ??
        (mentionsNegatives ? find(s, String.raw`\bk\s*=\s*`, '') : undefined),
    ),
    window: wholeNumber(find(s, String.raw`(?:context\s+)?window(?:\s+size)?\s*(?:\(\s*[cmCL]\s*\)|[cmCL](?=\s*=))?${IS}`) ?? find(s, String.raw`(?=\d+[\s-]word\s+window)`)),
  };
}

function hiddenValue(s: string): number | undefined {
  return wholeNumber(
    find(s, String.raw`(?=\d+\s+hidden\s+(?:units|neurons|nodes|dimensions))`) ??
      find(s, String.raw`hidden(?:[\s-]state)?[\s-](?:size|dimension|units|layer\s+size)\s*(?:d_?\{?h\}?)?${IS}`) ??
      find(s, String.raw`\bd_\{?h\}?\s*=\s*`, ''),
  );
}

/** Two to ten numbers in brackets or parentheses: (2, 1, 0.1), [1.8, -1.9, 2.9]. */
export function bracketedNumbers(s: string): number[] | undefined {
  const n = String.raw`[-−]?\d+(?:\.\d+)?`;
  const m = new RegExp(String.raw`[[(]\s*(${n}(?:\s*,\s*${n}){1,9})\s*[\])]`).exec(s);
  if (!m) return undefined;
  const v = m[1].split(',').map((x) => Number(x.trim().replace('−', '-')));
  return v.every(Number.isFinite) ? v : undefined;
}

const OPTIMIZERS: ReadonlySet<string> = new Set(['adam', 'gradient-descent', 'minibatch-sgd']);
const WORD_VECTORS: ReadonlySet<string> = new Set(['sgns', 'skipgram', 'skipgram-softmax', 'cbow', 'cosine-similarity', 'collobert-weston']);

/** The values a formula and its sentence give for a concept (only the kinds that concept's experiment can use). */
export function extractNoteValues(concept: ConceptId | null, latex: string, sentence: string): NoteValues {
  const s = plain(`${latex} \n ${sentence}`);
  const out: NoteValues = { ...optimizerValues(s, concept !== null && OPTIMIZERS.has(concept)), hidden: hiddenValue(s) };
  if (concept && WORD_VECTORS.has(concept)) {
    Object.assign(out, wordVectorValues(s));
    // the objective written with its number of negatives: \sum_{i=1}^{5} log σ(−u·v)
    const bound = /\\sum\s*_\s*\{?\s*[a-z]\s*=\s*1\s*\}?\s*\^\s*\{?\s*(\d+)\s*\}?/.exec(latex);
    if (bound && out.negative === undefined && /\\sigma\s*\(\s*-/.test(latex)) out.negative = Number(bound[1]);
  }
  const numbers = bracketedNumbers(plain(latex)) ?? bracketedNumbers(s);
  if (numbers) out.numbers = numbers;
  for (const k of Object.keys(out) as Array<keyof NoteValues>) if (out[k] === undefined) delete out[k];
  return out;
}

// ---------- experiment links ----------

/** What a linkable command trains: its parameter specs and where the parameters sit in its argument. */
interface Target {
  specs: readonly ParamSpec[];
  /** 'root': the argument is the parameters (mlStudy.trainXor); 'params': they are its `params` field. */
  at: 'root' | 'params';
  /** Which note values this target takes, by spec name. */
  takes: ReadonlyArray<keyof NoteValues & string>;
  /** Whether the run trains on the note's folder (its argument gets `corpus: { folder: <note uri> }`). */
  folder?: boolean;
}

const TARGETS: Record<string, Target> = {
  'mlStudy.trainXor': { specs: XOR_PARAMS, at: 'root', takes: ['beta1', 'beta2', 'lr', 'hidden'] },
  'mlStudy.trainWord2vec': { specs: WORD2VEC_PARAMS, at: 'params', takes: ['negative', 'window', 'lr'], folder: true },
  'mlStudy.trainLstm': { specs: LSTM_PARAMS, at: 'params', takes: ['hidden', 'lr'] },
};

/** How a value reads in a link label. */
const LABEL: Record<string, (v: number) => string> = {
  beta1: (v) => `β₁ = ${v}`,
  beta2: (v) => `β₂ = ${v}`,
  lr: (v) => `η = ${v}`,
  negative: (v) => `k = ${v} negative${v === 1 ? '' : 's'}`,
  window: (v) => `window ${v}`,
  hidden: (v) => `${v} hidden unit${v === 1 ? '' : 's'}`,
};

export interface NoteExperiment {
  experiment: Experiment;
  /** Values the note gives that the model refuses, each with the spec's reason (left out of the link). */
  refused: string[];
}

/**
 * The experiment link with the note's values: each value the target takes is checked with the model's ParamSpec;
 * accepted ones go into the arguments and the label ("Train XOR with Adam (β₁ = 0.9, η = 0.01) →"), refused ones
 * are listed. A command that takes no values keeps its catalog link.
 */
export function noteExperiment(base: Experiment, values: NoteValues, noteUri?: string): NoteExperiment {
  const target = TARGETS[base.command];
  if (!target) return { experiment: base, refused: [] };
  const baseArgs = (base.args ?? {}) as Record<string, unknown>;
  const params: Record<string, unknown> = { ...((target.at === 'root' ? baseArgs : baseArgs.params) as Record<string, unknown> | undefined) };
  const shown: string[] = [];
  const refused: string[] = [];
  for (const name of target.takes) {
    const v = values[name];
    const spec = target.specs.find((s) => s.name === name);
    if (typeof v !== 'number' || !spec) continue;
    try {
      params[name] = coerceParam(spec, v);
      shown.push(LABEL[name](v));
    } catch (e) {
      refused.push(`${LABEL[name](v)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const folder = target.folder && noteUri ? { corpus: { folder: noteUri } } : {};
  const args = target.at === 'root' ? params : { ...baseArgs, params, ...folder };
  const label = `${base.label}${shown.length ? ` (${shown.join(', ')})` : ''}${'corpus' in folder ? " on this note's folder" : ''} →`;
  return { experiment: { ...base, args, label }, refused };
}

/**
 * An explanation with what its note says: the experiment (and the second one) carry the note's values, a softmax's
 * worked example takes the note's numbers, and values the model refuses are listed in `fromNote.refused`.
 */
export function withNoteValues(ex: Explanation, latex: string, sentence: string, noteUri?: string): Explanation {
  const key = `${noteUri ?? ''}\u0000${latex}\u0000${sentence}`;
  let byNote = noteCache.get(ex);
  const hit = byNote?.get(key);
  if (hit) return hit;
  const out = build(ex, latex, sentence, noteUri);
  if (!byNote) noteCache.set(ex, (byNote = new Map()));
  if (byNote.size > 20) byNote.clear();
  byNote.set(key, out);
  return out;
}

/** Explanations with their note's values, by the cached explanation they extend (explanations are immutable). */
const noteCache = new WeakMap<Explanation, Map<string, Explanation>>();

function build(ex: Explanation, latex: string, sentence: string, noteUri?: string): Explanation {
  const values = extractNoteValues(ex.concept, latex, sentence);
  const refused: string[] = [];
  const link = (base: Experiment | null) => {
    if (!base) return null;
    const r = noteExperiment(base, values, noteUri);
    refused.push(...r.refused.filter((x) => !refused.includes(x)));
    return r.experiment;
  };
  let example = ex.example;
  if (ex.exampleKind === 'softmax' && values.numbers) {
    const r = computeExample('softmax', { z: values.numbers });
    if (!('error' in r)) example = { ...r, text: `With your note's numbers: ${r.text}` };
  }
  return { ...ex, experiment: link(ex.experiment), also: link(ex.also), example, fromNote: { values, refused } };
}

/** Corpus ids a training command accepts by name (the rest of its argument is checked by checkExperimentArgs). */
const CORPUS_IDS: ReadonlySet<string> = new Set(['notes', 'active', 'selection', 'brown', 'file']);

/**
 * Why a training command's argument, as a command link (or anyone) sends it, cannot run: its parameters against the
 * model's ParamSpec (unknown names, wrong types, out of range), its shape and its corpus. Undefined when it can.
 * Commands this module does not link with values are not judged here (they check their own arguments).
 */
export function checkExperimentArgs(command: string, args: unknown): string | undefined {
  const target = Object.hasOwn(TARGETS, command) ? TARGETS[command] : undefined;
  if (!target || args === undefined) return undefined;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(args)) return 'the argument must be an object';
  let params: unknown = args;
  if (target.at === 'params') {
    const extra = Object.keys(args).find((k) => k !== 'params' && k !== 'corpus');
    if (extra !== undefined) return `unknown argument "${extra.slice(0, 40)}" (expected params and corpus)`;
    params = args.params ?? {};
    const c = args.corpus;
    const folderOk = isObj(c) && Object.keys(c).length === 1 && typeof c.folder === 'string' && c.folder.length <= 4096;
    if (c !== undefined && !(typeof c === 'string' && CORPUS_IDS.has(c)) && !folderOk) return `corpus must be one of ${[...CORPUS_IDS].join(', ')} or { folder: <a note's URI> }`;
  }
  if (!isObj(params)) return 'parameters must be an object';
  for (const [name, raw] of Object.entries(params)) {
    const spec = target.specs.find((s) => s.name === name);
    if (!spec) return `unknown parameter "${name.slice(0, 40)}"`;
    try {
      coerceParam(spec, raw);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }
  return undefined;
}
