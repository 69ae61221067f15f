/**
 * The concept catalog: for each concept id, its name, a plain-words paragraph, the usual pitfalls, which worked
 * example and plot to show, which experiment to offer, and what its typical letters mean. Written for students
 * reading their own lecture notes. The text lives in catalog.json (content, not code); it is checked against the
 * types here when the module loads, so a bad entry fails at once rather than in a hover.
 */
import { CONCEPT_IDS, type ConceptId } from './concepts';
import data from './catalog.json';
import { isExampleKind, type ExampleKind } from './examples';
import { isPlotFn, type PlotFn } from './plot';
import { lookupTable } from './lookup';

export interface Experiment {
  /** Command id (the hover builder keeps only ids on its allow-list). */
  command: string;
  args?: Record<string, unknown>;
  label: string;
}

export interface ConceptInfo {
  title: string;
  group: 'activation' | 'loss' | 'linear' | 'network' | 'training' | 'lm' | 'word-vectors' | 'attention' | 'probability';
  summary: string;
  pitfalls: string[];
  example?: ExampleKind;
  plot?: PlotFn;
  experiment?: Experiment;
  /** A second experiment offered beside the first (the LSTM: train one, or see its gradients against an RNN's). */
  also?: Experiment;
  /** Meanings of letters this concept usually uses (fallbacks when structure gives no role). */
  letters?: Record<string, string>;
}

const GROUPS: ReadonlySet<string> = new Set<ConceptInfo['group']>(['activation', 'loss', 'linear', 'network', 'training', 'lm', 'word-vectors', 'attention', 'probability']);

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

/** Why `entry` is not a ConceptInfo (undefined when it is one). */
function entryProblem(entry: Record<string, unknown>): string | undefined {
  if (typeof entry.title !== 'string' || typeof entry.summary !== 'string') return 'title and summary must be text';
  if (!GROUPS.has(entry.group as string)) return `unknown group ${String(entry.group)}`;
  if (!isStrings(entry.pitfalls)) return 'pitfalls must be a list of text';
  if (entry.example !== undefined && !isExampleKind(entry.example)) return `unknown example ${String(entry.example)}`;
  if (entry.plot !== undefined && !isPlotFn(entry.plot)) return `unknown plot ${String(entry.plot)}`;
  if (entry.letters !== undefined && !isStringRecord(entry.letters)) return 'letters must map letters to text';
  for (const x of [entry.experiment, entry.also] as Array<Record<string, unknown> | undefined>) {
    if (x !== undefined && (typeof x.command !== 'string' || typeof x.label !== 'string')) return 'an experiment needs a command and a label';
  }
  return undefined;
}

/** The catalog's entries, one per concept id, each checked. */
function checkedCatalog(raw: Record<string, Record<string, unknown>>): Record<ConceptId, ConceptInfo> {
  const ids = Object.keys(raw);
  const missing = CONCEPT_IDS.filter((id) => !(id in raw));
  const extra = ids.filter((id) => !(CONCEPT_IDS as readonly string[]).includes(id));
  if (missing.length || extra.length) throw new Error(`catalog.json: missing ${missing.join(', ') || 'none'}; unknown ${extra.join(', ') || 'none'}`);
  for (const id of ids) {
    const problem = entryProblem(raw[id]);
    if (problem) throw new Error(`catalog.json, ${id}: ${problem}`);
  }
  // (Each concept's letters in a lookup table: a note's letter is looked up in them.)
  for (const id of ids) if (raw[id].letters) raw[id].letters = lookupTable(raw[id].letters as Record<string, string>);
  return raw as unknown as Record<ConceptId, ConceptInfo>;
}

export const CATALOG: Record<ConceptId, ConceptInfo> = checkedCatalog(data as Record<string, Record<string, unknown>>);

/** Meanings of letters and symbols in general ML notation, used for every formula (and for non-catalog ones). */
export const GLOSSARY: Record<string, string> = lookupTable({
  theta: 'θ — the model parameters', Theta: 'Θ — the set of all parameters', eta: 'η — the learning rate (step size)',
  alpha: 'α — a weight or rate (attention weight, learning rate, slope)', lambda: 'λ — the regularisation strength (or an eigenvalue)',
  sigma: 'σ — the sigmoid function (or a standard deviation)', mu: 'μ — a mean (or a predicted probability)', beta: 'β — a coefficient (or a decay rate)',
  epsilon: 'ε — a small constant (or noise)', varepsilon: 'ε — noise / error term', pi: 'π — 3.14159…', nabla: '∇ — the gradient',
  partial: '∂ — a partial derivative', infty: '∞ — infinity', phi: 'φ — an activation function or feature map', varphi: 'φ — an activation function',
  tau: 'τ — a step counter or temperature', Lambda: 'Λ — a diagonal matrix of eigenvalues', Sigma: 'Σ — a covariance matrix', ell: 'ℓ — a loss',
  W: 'W — a weight matrix', b: 'b — a bias', X: 'X — the input (a minibatch, one example per row)', H: 'H — the hidden-layer output (hidden states)', O: 'O — the output', x: 'x — an input', y: 'y — a target / output', h: 'h — a hidden state',
  N: 'N — the number of examples (or tokens)', n: 'n — the number of examples', T: 'T — a length (or the transpose when a superscript)',
  L: 'L — the loss', J: 'J — the objective / cost', V: 'V — the vocabulary (or the value matrix)', d: 'd — a dimension',
  e: "e — Euler's number 2.718…", i: 'i — an index', K: 'K — the number of classes (or the key matrix)',
  P: 'P — a probability', p: 'p — a probability (distribution)', q: 'q — another (approximate) distribution',
  D: 'D — the data set (or a divergence)', R: 'ℝ — the real numbers when double-struck', t: 't — a time step / position',
});
