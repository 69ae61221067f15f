/**
 * The vanishing-gradient lab: a plain tanh RNN and a one-layer LSTM, the same size, trained on the same text with
 * the same seed and steps, then ‖∂loss_t/∂x_{t−k}‖ measured on a window of that text for both (gradientFlow.ts).
 * Small and quick by design; progress and stop follow the trainers' contract (training.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadLstm, type LstmModel } from '../lstm/engine';
import type { OpsKind } from '../lstm/model';
import { trainLstm } from '../lstm/train';
import { checkStopped, type TrainContext } from '../training';
import { namedError } from '../util/errors';
import { type FlowResult, lstmGradientFlow, MAX_FLOW_POSITIONS, rnnGradientFlow } from './gradientFlow';
import { type RnnModel, trainRnn } from './train';

export interface LabOptions {
  /** Training steps of each model. */
  steps: number;
  hidden: number;
  embedding: number;
  seq: number;
  batch: number;
  lr: number;
  seed: number;
  /** Characters of the text's start on which gradients are measured. */
  window: number;
}

export const LAB_DEFAULTS: LabOptions = { steps: 600, hidden: 48, embedding: 16, seq: 32, batch: 8, lr: 0.01, seed: 1, window: 120 };
/** Most characters trained on (the text's start), and the accepted range of each option. */
export const LAB_MAX_TEXT = 200_000;
export const LAB_LIMITS: { readonly [K in keyof LabOptions]: readonly [number, number] } = {
  steps: [0, 5000],
  hidden: [1, 256],
  embedding: [1, 256],
  seq: [2, 256],
  batch: [1, 64],
  lr: [1e-6, 1],
  seed: [0, 2 ** 31 - 1],
  window: [2, MAX_FLOW_POSITIONS + 1],
};

export class LabError extends namedError('LabError') {}

/** Options from untrusted values: each present key checked against LAB_LIMITS, the rest defaults. */
export function labOptions(raw: Partial<Record<keyof LabOptions, unknown>>): LabOptions {
  const out = { ...LAB_DEFAULTS };
  for (const key of Object.keys(LAB_LIMITS) as (keyof LabOptions)[]) {
    const v = raw[key];
    if (v === undefined) continue;
    const [lo, hi] = LAB_LIMITS[key];
    const whole = key !== 'lr';
    if (typeof v !== 'number' || !Number.isFinite(v) || (whole && !Number.isInteger(v)) || v < lo || v > hi) throw new LabError(`${key} must be ${whole ? 'a whole number' : 'a number'} from ${lo} to ${hi}, got ${JSON.stringify(v)}`);
    out[key] = v;
  }
  return out;
}

/** Which model is training (or 'flow' while gradients are measured), at which step of how many. */
export interface LabProgress {
  phase: 'rnn' | 'lstm' | 'flow';
  step: number;
  total: number;
  loss?: number;
}

export interface LabCurve {
  /** Mean ‖∂loss_t/∂x_{t−k}‖ by distance k (gradientFlow's byDistance). */
  byDistance: FlowResult['byDistance'];
  /** norms[t][k] = ‖∂loss_t/∂x_{t−k}‖. */
  norms: number[][];
  /** Training loss at the end and held-out loss (nats per character; null when not measured). */
  trainLoss: number | null;
  heldOutLoss: number | null;
}

export interface LabResult {
  /** The window's characters; position t of the norms predicts character t + 1. */
  tokens: string[];
  steps: number;
  options: LabOptions;
  rnn: LabCurve;
  lstm: LabCurve;
}

export interface LabOutcome {
  result: LabResult;
  rnn: RnnModel;
  lstm: LstmModel;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
const curve = (f: FlowResult, trainLoss: number, heldOutLoss: number): LabCurve => ({ byDistance: f.byDistance, norms: f.norms, trainLoss: finite(trainLoss), heldOutLoss: finite(heldOutLoss) });

/** Train both models on `text` and measure their gradient flow on its first `window` characters. */
export async function runGradientLab(text: string, opts: LabOptions, ctx: { signal: AbortSignal; onProgress(p: LabProgress): void }, ops: OpsKind = 'wasm'): Promise<LabOutcome> {
  const chars = Array.from(text).slice(0, LAB_MAX_TEXT);
  if (chars.length < 3 * opts.seq) throw new LabError(`the text has ${chars.length} characters; the lab needs at least ${3 * opts.seq}`);
  const body = chars.join('');
  const common = { embedding: opts.embedding, hidden: opts.hidden, batch: opts.batch, seq: opts.seq, lr: opts.lr, clip: 5, steps: opts.steps, seed: opts.seed };
  const phaseCtx = (phase: LabProgress['phase']): TrainContext => ({ signal: ctx.signal, onProgress: (u) => ctx.onProgress({ phase, step: u.step, total: u.total, loss: u.loss }) });
  const rnnRun = await trainRnn(common, body, phaseCtx('rnn'), { ops });
  checkStopped(ctx.signal);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-study-lab-'));
  let lstm: LstmModel;
  let lstmRun: Awaited<ReturnType<typeof trainLstm>>;
  try {
    const outDir = path.join(dir, 'lstm');
    const params = { ...common, level: 'char', layers: 1, dropout: 0, evalEvery: Math.max(1, opts.steps), checkpointEvery: 100_000_000, sampleLength: 1, evalTokens: 4096 };
    lstmRun = await trainLstm(params, body, phaseCtx('lstm'), { outDir, ops });
    checkStopped(ctx.signal);
    lstm = loadLstm(outDir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  ctx.onProgress({ phase: 'flow', step: 0, total: 2 });
  const win = chars.slice(0, opts.window);
  const rf = rnnGradientFlow(rnnRun.model.config, rnnRun.model.theta, rnnRun.model.vocab.encodeTokens(win).ids, ops);
  ctx.onProgress({ phase: 'flow', step: 1, total: 2 });
  const lf = lstmGradientFlow(lstm, lstm.vocab.encodeTokens(win).ids, ops);
  ctx.onProgress({ phase: 'flow', step: 2, total: 2 });
  return {
    result: { tokens: win, steps: rnnRun.steps, options: opts, rnn: curve(rf, rnnRun.trainLoss, rnnRun.heldOutLoss), lstm: curve(lf, lstmRun.trainLoss, lstmRun.heldOutLoss) },
    rnn: rnnRun.model,
    lstm,
  };
}
