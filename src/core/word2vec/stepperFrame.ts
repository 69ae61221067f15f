/**
 * What the study panel's word2vec stepper shows, computed from the stepper (stepper.ts) and nothing else: a
 * session holds one Word2vecStepper on a few sentences, advances it 1 / 10 / 100 updates or to the end of the epoch,
 * and describes the result as a frame: the last update's record (centre, context, negatives, dots, σ, losses,
 * gradients, applied change), the rows of the input and output matrices that update moved (before → after), a 2-D
 * PCA map of the vocabulary with where each shown vector was before the request, the neighbours of a watched word,
 * and the objective in TeX with the update's numbers in it.
 */
import { validateParams } from '../params';
import { STEPPER_PARAMS, type StepperParams } from './params';
import { pca } from './pca';
import { StepperError, type StepRecord, Word2vecStepper } from './stepper';

/** Most words the PCA map places (the most frequent ones, plus the words of the last update). */
export const MAP_WORDS = 40;
/** Neighbours listed for the watched word. */
export const NEIGHBOURS = 6;
/** Most updates one request makes (to the end of an epoch included). */
export const MAX_FRAME_STEPS = 200_000;
/** Negatives written out term by term in the objective (the sum over all of them is always given). */
const TEX_TERMS = 4;

export interface RowChange {
  word: string;
  /** Which matrix the row is in: input (v, the word vectors) or output (u, the context-role vectors). */
  matrix: 'input' | 'output';
  role: 'centre' | 'context' | 'positive' | 'negative';
  before: number[];
  after: number[];
}

export interface MapPoint {
  word: string;
  matrix: 'input' | 'output';
  /** Position now. */
  x: number;
  y: number;
  /** Position before the last request's updates (the same projection). */
  x0: number;
  y0: number;
  /** The last update moved this vector. */
  current: boolean;
}

export interface Neighbour {
  word: string;
  similarity: number;
}

export interface StepperFrame {
  settings: StepperParams;
  vocabulary: number;
  tokens: number;
  sentences: number;
  updatesDone: number;
  done: boolean;
  /** Updates made by the last request, and their mean loss (null before any). */
  batch: number;
  batchLoss: number | null;
  /** The last update, or null before the first. */
  record: StepRecord | null;
  /** The rows the last update moved: input rows first, then the positive's and each negative's output row. */
  rows: RowChange[];
  /** PCA (top two components) of the shown vectors before and after the last request, together. */
  map: MapPoint[];
  /** The watched word's nearest neighbours by cosine of the input vectors now. */
  watch: { word: string; neighbours: Neighbour[] } | null;
  /** The objective with the last update's numbers substituted (TeX), or null before the first update. */
  tex: string | null;
}

export class StepperSession {
  readonly settings: StepperParams;
  private st: Word2vecStepper;
  private record: StepRecord | null = null;
  private batch = 0;
  private batchLoss: number | null = null;
  /** Input and output vectors before the last request. */
  private start: { input: Float32Array; output: Float32Array };
  private watchWord: string | null;

  /** `raw`: STEPPER_PARAMS values (validated here); `text`: the sentences. Throws StepperError or ValidationError. */
  constructor(raw: unknown, text: string) {
    this.settings = validateParams(STEPPER_PARAMS, raw);
    this.st = new Word2vecStepper({ ...this.settings, minCount: 1, sample: 0 }, text);
    this.start = { input: this.st.vectors(), output: this.st.outputVectors() };
    this.watchWord = this.st.vocab.words.find((w) => /^\p{L}{3,}$/u.test(w)) ?? this.st.vocab.words[0];
  }

  get stepper(): Word2vecStepper {
    return this.st;
  }

  /** Advance `steps` updates, or to the end of the current epoch, and describe the result. */
  run(steps: number | 'epoch'): StepperFrame {
    if (steps !== 'epoch' && !(Number.isInteger(steps) && steps >= 1 && steps <= MAX_FRAME_STEPS)) throw new StepperError(`steps must be an integer 1..${MAX_FRAME_STEPS} or "epoch"`);
    this.start = { input: this.st.vectors(), output: this.st.outputVectors() };
    let n = 0;
    let loss = 0;
    let last: StepRecord | null = null;
    const take = (r: StepRecord) => {
      n++;
      loss += r.loss;
      last = r;
    };
    if (steps === 'epoch') this.st.toEpochEnd(take);
    else {
      for (let i = 0; i < steps; i++) {
        const r = this.st.next();
        if (!r) break;
        take(r);
      }
    }
    this.batch = n;
    this.batchLoss = n ? loss / n : null;
    if (last) this.record = last;
    return this.frame();
  }

  /** Watch another word (its neighbours come with every frame). */
  watch(word: string): StepperFrame {
    const w = word.trim().toLowerCase();
    if (!this.st.vocab.index.has(w)) throw new StepperError(`"${word.slice(0, 40)}" is not in the vocabulary of the text`);
    this.watchWord = w;
    return this.frame();
  }

  frame(): StepperFrame {
    const st = this.st;
    return {
      settings: this.settings,
      vocabulary: st.vocab.words.length,
      tokens: st.ids.length,
      sentences: st.offsets.length - 1,
      updatesDone: st.steps,
      done: st.done,
      batch: this.batch,
      batchLoss: this.batchLoss,
      record: this.record,
      rows: this.record ? rowsOf(this.record) : [],
      map: this.map(),
      watch: this.watchWord === null ? null : { word: this.watchWord, neighbours: st.neighbours(this.watchWord, NEIGHBOURS) },
      tex: this.record ? objectiveTex(this.record) : null,
    };
  }

  /** The vectors on the map: input rows of the most frequent words and of the last update, output rows of its targets. */
  private map(): MapPoint[] {
    const { vocab } = this.st;
    const dim = this.settings.dim;
    const r = this.record;
    const inputWords = new Set(vocab.words.slice(0, MAP_WORDS));
    const moved = new Set(r ? r.inputRows.map((x) => x.word) : []);
    for (const w of moved) inputWords.add(w);
    const targets = new Set(r ? r.targets.map((t) => t.word) : []);
    const shown: { word: string; matrix: 'input' | 'output'; id: number }[] = [
      ...[...inputWords].map((word) => ({ word, matrix: 'input' as const, id: vocab.index.get(word)! })),
      ...[...targets].map((word) => ({ word, matrix: 'output' as const, id: vocab.index.get(word)! })),
    ];
    const now = { input: this.st.vectors(), output: this.st.outputVectors() };
    const n = shown.length;
    const data = new Float32Array(2 * n * dim);
    shown.forEach((p, i) => {
      data.set(now[p.matrix].subarray(p.id * dim, (p.id + 1) * dim), i * dim);
      data.set(this.start[p.matrix].subarray(p.id * dim, (p.id + 1) * dim), (n + i) * dim);
    });
    const xy = pca(data, 2 * n, dim, 2);
    return shown.map((p, i) => ({
      word: p.word,
      matrix: p.matrix,
      x: xy[2 * i],
      y: xy[2 * i + 1],
      x0: xy[2 * (n + i)],
      y0: xy[2 * (n + i) + 1],
      current: p.matrix === 'input' ? moved.has(p.word) : targets.has(p.word),
    }));
  }
}

/** The rows an update moved, before and after, from its record. */
export function rowsOf(r: StepRecord): RowChange[] {
  const out: RowChange[] = r.inputRows.map((x) => ({ word: x.word, matrix: 'input', role: r.arch === 'sgns' ? 'centre' : 'context', before: x.before, after: x.after }));
  for (const t of r.targets) out.push({ word: t.word, matrix: 'output', role: t.label ? 'positive' : 'negative', before: t.vector, after: t.vector.map((u, j) => u + t.applied[j]) });
  return out;
}

/** A number for TeX: 4 significant digits, a true minus sign. */
function num(x: number): string {
  if (x === 0) return '0';
  return Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(2).replace(/e([+-]?\d+)/, (_, e: string) => `\\times 10^{${Number(e)}}`);
}

/** A word as TeX text: letters, digits, apostrophes and hyphens kept, anything else shown as a dot, at most 16. */
export function texWord(w: string): string {
  const clean = [...w].map((c) => (/[\p{L}\p{N}'-]/u.test(c) ? c : '·')).join('');
  return `\\text{${clean.length > 16 ? clean.slice(0, 15) + '…' : clean}}`;
}

/**
 * The negative-sampling objective of one update with its numbers in it: the formula, the terms with each target's
 * dot product (underbraced by the target word), their values, and the loss. CBOW's input h is the mean of the
 * context vectors; SGNS's is the centre's v_c.
 */
export function objectiveTex(r: StepRecord): string {
  const cbow = r.arch === 'cbow';
  const x = cbow ? 'h' : 'v_{c}';
  const pos = r.targets[0];
  const negs = r.targets.slice(1);
  const shown = negs.slice(0, TEX_TERMS);
  const more = negs.length - shown.length;
  const k = negs.length;
  const lines: string[] = [];
  const target = cbow ? 'c' : 'o';
  lines.push(`L &= -\\log\\sigma(u_{${target}}^{\\top} ${x})${k ? ` - \\sum_{k=1}^{${k}} \\log\\sigma(-u_{k}^{\\top} ${x})` : ''}`);
  if (cbow) lines.push(`h &= \\tfrac{1}{${r.context.length}}\\textstyle\\sum_{j} v_{j},\\; c = ${texWord(r.center)}`);
  else lines.push(`c &= ${texWord(r.center)},\\; o = ${texWord(pos.word)}`);
  const term = (t: (typeof r.targets)[number]) => `\\underbrace{-\\log\\sigma(${num(t.label ? t.dot : -t.dot)})}_{${texWord(t.word)}}`;
  const rest = more ? ` - \\dots_{${more}\\text{ more}}` : '';
  lines.push(`&= ${[pos, ...shown].map(term).join(' ')}${rest}`);
  const restLoss = negs.slice(TEX_TERMS).reduce((a, t) => a + t.loss, 0);
  lines.push(`&= ${[pos, ...shown].map((t) => num(t.loss)).join(' + ')}${more ? ` + ${num(restLoss)}` : ''} = ${num(r.loss)}`);
  return `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
}
