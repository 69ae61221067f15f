/**
 * Inside a trained LSTM, character by character (Karpathy's view): after each character of a text, every unit's
 * cell state c and gates — input i, forget f, output o, and the candidate g — and hidden output h, as the model's
 * own forward pass (Workspace.forward, the kernels training uses) computes them; the model's top guesses for the
 * next character; and a ranking of units by how strongly their cell value tracks something nameable about the
 * text (position in the line, inside $…$, inside brackets, after a space, or a pattern the user gives): the
 * absolute Pearson correlation of the unit's cell value with the indicator across the text.
 */
import { EOS } from '../lm/vocab';
import type { LstmModel } from './engine';
import { pearson } from '../word2vec/evaluate';
import { Workspace } from './model';
import { namedError } from '../util/errors';

export class InspectError extends namedError('InspectError') {}

/** Longest text traced at once (one forward pass over all of it). */
export const MAX_INSPECT_CHARS = 5000;

/** Per layer, time-major arrays of T × H: the values after reading character t. */
export interface LayerTrace {
  input: Float32Array;
  forget: Float32Array;
  candidate: Float32Array;
  output: Float32Array;
  cell: Float32Array;
  hidden: Float32Array;
}

export interface Guess {
  token: string;
  prob: number;
}

export interface LstmTrace {
  /** The text's tokens (characters), one per position. */
  tokens: string[];
  ids: number[];
  hidden: number;
  layers: LayerTrace[];
  /** At each position, the model's top-k guesses for the next token. */
  top: Guess[][];
}

/** The token the model is conditioned on before the text (as generate() does): a line start. */
export function startId(model: LstmModel): number {
  const v = model.vocab;
  return v.idOf(v.level === 'char' ? '\n' : EOS) ?? v.idOf(' ') ?? 0;
}

/** Run the model over `text` (after a start token) and keep every gate, cell and hidden value, and the top-k guesses. */
export function traceLstm(model: LstmModel, text: string, topK = 5): LstmTrace {
  if (model.vocab.level !== 'char') throw new InspectError('the gate view needs a character-level model');
  if ((model.config.cell ?? 'lstm') !== 'lstm') throw new InspectError(`the gate view shows an LSTM's gates; this model has a ${model.config.cell === 'gru' ? 'GRU' : 'plain RNN'} cell`);
  const tokens = Array.from(text);
  if (tokens.length === 0) throw new InspectError('the text is empty');
  if (tokens.length > MAX_INSPECT_CHARS) throw new InspectError(`the text has ${tokens.length} characters; the limit is ${MAX_INSPECT_CHARS}`);
  if (!(Number.isInteger(topK) && topK >= 1 && topK <= 50)) throw new InspectError(`top-k must be 1..50, got ${topK}`);
  const ids = Array.from(model.vocab.encodeTokens(tokens).ids);
  const T = ids.length + 1;
  const { hidden: H, layers: L, vocabSize: V } = model.config;
  const ws = new Workspace(model.config, 1, T, { ops: model.ops ?? 'wasm', train: false });
  ws.theta.set(model.theta);
  ws.resetState();
  ws.forward([startId(model), ...ids], null, false);
  const layers: LayerTrace[] = [];
  const n = T - 1;
  for (let l = 0; l < L; l++) {
    const tr: LayerTrace = { input: new Float32Array(n * H), forget: new Float32Array(n * H), candidate: new Float32Array(n * H), output: new Float32Array(n * H), cell: new Float32Array(n * H), hidden: new Float32Array(n * H) };
    // position p of the text is time step p + 1 (step 0 reads the start token)
    for (let p = 0; p < n; p++) {
      const t = p + 1;
      const z = ws.Z[l].subarray(t * 4 * H, (t + 1) * 4 * H);
      tr.input.set(z.subarray(0, H), p * H);
      tr.forget.set(z.subarray(H, 2 * H), p * H);
      tr.candidate.set(z.subarray(2 * H, 3 * H), p * H);
      tr.output.set(z.subarray(3 * H, 4 * H), p * H);
      tr.cell.set(ws.CC[l].subarray((t + 1) * H, (t + 2) * H), p * H);
      tr.hidden.set(ws.HH[l].subarray((t + 1) * H, (t + 2) * H), p * H);
    }
    layers.push(tr);
  }
  const top: Guess[][] = [];
  for (let p = 0; p < n; p++) {
    const probs = ws.probsAt(p + 1);
    const order = Array.from({ length: V }, (_, k) => k).sort((a, b) => probs[b] - probs[a]).slice(0, topK);
    top.push(order.map((k) => ({ token: model.vocab.tokenText(k), prob: probs[k] })));
  }
  return { tokens, ids, hidden: H, layers, top };
}

export interface Indicator {
  name: string;
  description: string;
  values: number[];
}

/** Longest user pattern (a regular expression) accepted as an indicator. */
export const MAX_PATTERN_LENGTH = 200;

/**
 * Indicators of the text, one value per character: column in the line, inside $…$ (math), inside brackets
 * ( ( [ { nesting > 0 ), after a space; and, given `pattern`, inside a match of that regular expression.
 */
export function indicators(tokens: readonly string[], pattern?: string): Indicator[] {
  const col: number[] = [];
  const math: number[] = [];
  const brackets: number[] = [];
  const afterSpace: number[] = [];
  let c = 0;
  let inMath = false;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const ch = tokens[i];
    col.push(c);
    c = ch === '\n' ? 0 : c + 1;
    // the $ characters themselves count as inside
    if (ch === '$') {
      math.push(1);
      inMath = !inMath;
    } else math.push(inMath ? 1 : 0);
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    brackets.push(depth > 0 ? 1 : 0);
    if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    afterSpace.push(i > 0 && tokens[i - 1] === ' ' ? 1 : 0);
  }
  const out: Indicator[] = [
    { name: 'position', description: 'position in the line (0 at a line start)', values: col },
    { name: 'math', description: 'inside $…$', values: math },
    { name: 'brackets', description: 'inside ( ), [ ] or { }', values: brackets },
    { name: 'afterSpace', description: 'the previous character is a space', values: afterSpace },
  ];
  if (pattern !== undefined) out.push(patternIndicator(tokens, pattern));
  return out;
}

function patternIndicator(tokens: readonly string[], pattern: string): Indicator {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) throw new InspectError(`the pattern must be 1..${MAX_PATTERN_LENGTH} characters`);
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'gu');
  } catch (e) {
    throw new InspectError(`the pattern is not a valid regular expression: ${(e as Error).message}`);
  }
  // positions are code points (tokens); map string offsets to them
  const text = tokens.join('');
  const pos = new Int32Array(text.length + 1);
  for (let i = 0, k = 0; i < tokens.length; i++) {
    for (let j = 0; j < tokens[i].length; j++) pos[k + j] = i;
    k += tokens[i].length;
    pos[k] = i + 1;
  }
  const values = new Array(tokens.length).fill(0);
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    for (let i = pos[m.index!]; i < pos[m.index! + m[0].length]; i++) values[i] = 1;
  }
  return { name: 'pattern', description: `inside a match of /${pattern}/`, values };
}

export interface UnitScore {
  unit: number;
  /** Signed Pearson correlation of the unit's cell value with the indicator (0 when either is constant). */
  correlation: number;
}

export interface Ranking {
  indicator: string;
  description: string;
  /** Units by |correlation|, strongest first (the first `limit`). */
  units: UnitScore[];
}

const constant = (v: readonly number[]) => v.every((x) => x === v[0]);

/** For each indicator, the units of `layer` whose cell value tracks it most strongly. */
export function rankUnits(trace: LstmTrace, inds: readonly Indicator[], layer = 0, limit = 10): Ranking[] {
  const H = trace.hidden;
  const n = trace.tokens.length;
  const cell = trace.layers[layer].cell;
  const series = Array.from({ length: H }, (_, u) => Float64Array.from({ length: n }, (_, p) => cell[p * H + u]));
  return inds.map((ind) => ({
    indicator: ind.name,
    description: ind.description,
    units: series
      .map((s, unit) => {
        const r = constant(ind.values) ? 0 : pearson(s, ind.values);
        return { unit, correlation: Number.isNaN(r) ? 0 : r };
      })
      .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation) || a.unit - b.unit)
      .slice(0, limit),
  }));
}

/** One unit's values across the text, as plain arrays (for JSON). */
export function unitSeries(trace: LstmTrace, layer: number, unit: number): Record<'input' | 'forget' | 'candidate' | 'output' | 'cell' | 'hidden', number[]> {
  const H = trace.hidden;
  if (!(layer >= 0 && layer < trace.layers.length)) throw new InspectError(`layer must be 0..${trace.layers.length - 1}, got ${layer}`);
  if (!(Number.isInteger(unit) && unit >= 0 && unit < H)) throw new InspectError(`unit must be 0..${H - 1}, got ${unit}`);
  const tr = trace.layers[layer];
  const pick = (a: Float32Array) => Array.from({ length: trace.tokens.length }, (_, p) => a[p * H + unit]);
  return { input: pick(tr.input), forget: pick(tr.forget), candidate: pick(tr.candidate), output: pick(tr.output), cell: pick(tr.cell), hidden: pick(tr.hidden) };
}

/** The values a unit's view draws: its gates, cell and hidden output at each character. */
export type UnitSeries = ReturnType<typeof unitSeries>;

/** Everything the gate view shows for one text and one unit (plain JSON). */
export interface GatesReport {
  tokens: string[];
  layer: number;
  layers: number;
  hidden: number;
  /** The unit on show: the one asked for, else the strongest of the ranking. */
  unit: number;
  series: UnitSeries;
  /** Per nameable feature, the units of the layer ranked by |r| of their cell value with it. */
  ranking: Ranking[];
  /** At each position, the model's top guesses for the next character. */
  top: Guess[][];
}

/** The strongest unit over every ranking (largest |r|; ties to the lower unit). */
export function strongestUnit(ranking: readonly Ranking[]): number {
  let best = { unit: 0, r: -1 };
  for (const rk of ranking) for (const s of rk.units) if (Math.abs(s.correlation) > best.r || (Math.abs(s.correlation) === best.r && s.unit < best.unit)) best = { unit: s.unit, r: Math.abs(s.correlation) };
  return best.unit;
}

/** One forward pass over `text` (traceLstm), the ranking of the layer's units, and the chosen unit's values. */
export function gatesReport(model: LstmModel, text: string, opts: { layer?: number; unit?: number; limit?: number; topK?: number } = {}): GatesReport {
  const layer = opts.layer ?? 0;
  const L = model.config.layers;
  if (!(Number.isInteger(layer) && layer >= 0 && layer < L)) throw new InspectError(`layer must be 0..${L - 1}, got ${layer}`);
  const trace = traceLstm(model, text, opts.topK ?? 5);
  const ranking = rankUnits(trace, indicators(trace.tokens), layer, Math.min(opts.limit ?? 8, trace.hidden));
  const unit = opts.unit ?? strongestUnit(ranking);
  return { tokens: trace.tokens, layer, layers: L, hidden: trace.hidden, unit, series: unitSeries(trace, layer, unit), ranking, top: trace.top };
}
