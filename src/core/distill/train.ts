/**
 * Knowledge-distillation training: a trained LSTM language model (the teacher) teaches a smaller LSTM (the student)
 * with the soft-target loss at temperature T plus the hard-label term (loss.ts). To show what the teacher adds, a
 * second copy of the student — same initial weights, same batches, same steps — is trained on the labels alone; both
 * are scored on the same held-out text at every evaluation. The distilled student is saved as an ordinary LSTM
 * model folder (generate, perplexity and the LM views work on it); its meta also records both curves.
 *
 * One step: the teacher runs forward on the batch (inference, its state carried like the students'); each student
 * runs forward; the distilled student's ∂loss/∂logits is replaced by the distillation gradient of every row
 * (`applyDistillGradient`), and both backpropagate through their own LSTM, clip and take an Adam step.
 */
import { splitTokens } from '../lm/vocab';
import { HELD_OUT_FRACTION } from '../lm/split';
import { BatcherError, StreamBatcher } from '../lm/batcher';
import { summarise } from '../lm/measures';
import { validateParams, type ParamValues } from '../params';
import { makeYielder, type TrainContext } from '../training';
import { assertWritableModelDir, fingerprint, saveCheckpoint, type HistoryPoint } from '../lstm/checkpoint';
import { LmInputError, scoreIds, type LstmModel } from '../lstm/engine';
import { Adam, clipGlobalNorm, initParams, Workspace, type LstmConfig, type OpsKind } from '../lstm/model';
import type { FArr } from '../lstm/ops';
import { distillationLoss, type DistillOptions } from './loss';
import { DISTILL_TRAIN_PARAMS, type DistillTrainParams } from './params';

/** Held-out measures of one student at one evaluation. */
export interface StudentPoint {
  trainLoss: number;
  heldOutLoss: number;
  perplexity: number;
}

/** One evaluation: the student trained with the teacher, the one trained without, at the same step. */
export interface DistillPoint {
  step: number;
  distilled: StudentPoint;
  baseline: StudentPoint;
}

export interface DistillTrainResult {
  model: 'distill';
  outDir: string;
  steps: number;
  stopped: boolean;
  seconds: number;
  temperature: number;
  alpha: number;
  level: 'char' | 'word';
  vocabSize: number;
  teacher: { hidden: number; layers: number; embedding: number; parameters: number; heldOutLoss: number; perplexity: number };
  student: { hidden: number; layers: number; embedding: number; parameters: number };
  history: DistillPoint[];
  /** The last evaluation of each student. */
  distilled: StudentPoint;
  baseline: StudentPoint;
  kernel: string;
}

/**
 * Replace the student's ∂loss/∂logits (from its last training forward) with the gradient of the mean distillation
 * loss over its rows against the teacher's logits (same rows, same vocabulary) and the student's own targets.
 * Returns the mean loss and its two terms (the soft one before the T² scale).
 */
export function applyDistillGradient(student: Workspace, teacherLogits: FArr, opts: DistillOptions): { loss: number; hard: number; soft: number } {
  const { R } = student;
  const V = student.cfg.vocabSize;
  const d = student.dlogits;
  if (!d) throw new Error('internal: the student workspace was made for inference only');
  if (teacherLogits.length < R * V) throw new Error('internal: the teacher has fewer logits than the student');
  let loss = 0;
  let hard = 0;
  let soft = 0;
  for (let r = 0; r < R; r++) {
    const res = distillationLoss(student.logits.subarray(r * V, (r + 1) * V), teacherLogits.subarray(r * V, (r + 1) * V), student.tgt[r], opts);
    loss += res.loss / R;
    hard += res.hard / R;
    soft += res.soft / R;
    for (let c = 0; c < V; c++) d[r * V + c] = res.grad[c] / R;
  }
  return { loss, hard, soft };
}

/** The token ids of the corpus under the teacher's vocabulary, split into training and held-out parts. */
function prepare(teacher: LstmModel, text: string, params: DistillTrainParams): { ids: Int32Array; train: Int32Array; held: Int32Array; batcher: StreamBatcher } {
  if (!text.trim()) throw new LmInputError('the corpus is empty: there is no text to distil on');
  const ids = teacher.vocab.encodeTokens(splitTokens(text, teacher.vocab.level)).ids;
  if (ids.length < 3) throw new LmInputError(`the corpus has ${ids.length} token(s); distillation needs far more text`);
  const cut = ids.length - Math.max(1, Math.round(ids.length * HELD_OUT_FRACTION));
  const train = ids.subarray(0, cut);
  try {
    const fits = Math.floor((train.length - 1) / params.seq);
    const batch = fits >= 1 ? Math.min(params.batch, fits) : params.batch;
    return { ids, train, held: ids.subarray(cut), batcher: new StreamBatcher(train, batch, params.seq) };
  } catch (e) {
    if (e instanceof BatcherError) throw new LmInputError(`${e.message} (the training part is the first 90% of the corpus)`);
    throw e;
  }
}

/** A student: its workspace (holding its weights), optimiser, and a model view of the weights for scoring. */
class Student {
  readonly ws: Workspace;
  readonly adam: Adam;
  readonly model: LstmModel;
  lossSum = 0;
  lossN = 0;
  point: StudentPoint = { trainLoss: NaN, heldOutLoss: NaN, perplexity: NaN };
  constructor(cfg: LstmConfig, teacher: LstmModel, B: number, T: number, params: DistillTrainParams, ops: OpsKind) {
    this.ws = new Workspace(cfg, B, T, { ops });
    initParams(cfg, params.seed, this.ws.theta);
    this.adam = new Adam(this.ws.P, params.lr);
    this.model = { type: 'lstm', config: cfg, vocab: teacher.vocab, theta: this.ws.theta as Float32Array, ops };
  }
  /** Backpropagate the gradient in dlogits, clip and step; `loss` is this step's training loss. */
  update(loss: number, clip: number): void {
    if (!Number.isFinite(loss)) throw new Error(`the training loss diverged (${loss}); lower the learning rate`);
    this.ws.backward();
    clipGlobalNorm(this.ws.grad, clip);
    this.adam.step(this.ws.theta, this.ws.grad);
    this.lossSum += loss;
    this.lossN++;
  }
  evaluate(held: Int32Array, evalTokens: number, signal: AbortSignal): StudentPoint {
    const m = summarise(scoreIds(this.model, held, evalTokens, () => signal.aborted), false);
    this.point = { trainLoss: this.lossN ? this.lossSum / this.lossN : NaN, heldOutLoss: m.crossEntropy, perplexity: m.perplexity };
    this.lossSum = 0;
    this.lossN = 0;
    return this.point;
  }
}

export interface TrainDistillOptions {
  outDir: string;
  /** The teacher's name, passed on in the progress reports (the view asks for its distributions by it). */
  teacherName?: string;
  ops?: OpsKind;
}

/** Train the student with and without the teacher; save the distilled one in `outDir`. */
export async function trainDistill(rawParams: ParamValues, text: string, teacher: LstmModel, ctx: TrainContext, opts: TrainDistillOptions): Promise<DistillTrainResult> {
  const params = validateParams(DISTILL_TRAIN_PARAMS, rawParams);
  assertWritableModelDir(opts.outDir);
  const data = prepare(teacher, text, params);
  const { batcher, held } = data;
  const B = batcher.batch;
  const T = params.seq;
  const ops = opts.ops ?? teacher.ops ?? 'wasm';
  const cfg: LstmConfig = { vocabSize: teacher.config.vocabSize, embedding: params.embedding, hidden: params.hidden, layers: 1, dropout: 0 };
  const teacherWs = new Workspace(teacher.config, B, T, { ops, train: false });
  teacherWs.theta.set(teacher.theta);
  const distilled = new Student(cfg, teacher, B, T, params, ops);
  const baseline = new Student(cfg, teacher, B, T, params, ops);
  const loss: DistillOptions = { temperature: params.temperature, alpha: params.alpha };
  const started = Date.now();
  const teacherM = summarise(scoreIds(teacher, held, params.evalTokens), false);
  ctx.log?.(`distilling: vocabulary ${cfg.vocabSize}, ${data.train.length} training and ${held.length} held-out tokens, teacher ${teacherWs.P} parameters, student ${distilled.ws.P}, T ${params.temperature}, α ${params.alpha}`);
  const history: DistillPoint[] = [];
  const pause = makeYielder(30);
  let step = 0;
  let stopped = false;
  const evaluate = () => {
    history.push({ step, distilled: distilled.evaluate(held, params.evalTokens, ctx.signal), baseline: baseline.evaluate(held, params.evalTokens, ctx.signal) });
    const last = history[history.length - 1];
    ctx.onProgress({
      step,
      total: params.steps,
      loss: last.distilled.trainLoss,
      metrics: { heldOutLoss: last.distilled.heldOutLoss, perplexity: last.distilled.perplexity, baselineHeldOutLoss: last.baseline.heldOutLoss, baselinePerplexity: last.baseline.perplexity, teacherPerplexity: teacherM.perplexity },
      extra: { history: history.slice(), teacherPerplexity: teacherM.perplexity, ...(opts.teacherName !== undefined ? { teacher: opts.teacherName } : {}) },
    });
  };
  evaluate();
  while (step < params.steps) {
    if (ctx.signal.aborted) {
      stopped = true;
      break;
    }
    const batch = batcher.next();
    if (batch.reset) for (const ws of [teacherWs, distilled.ws, baseline.ws]) ws.resetState();
    teacherWs.forward(batch.inputs, null, false);
    distilled.ws.forward(batch.inputs, batch.targets, true);
    distilled.update(applyDistillGradient(distilled.ws, teacherWs.logits, loss).loss, params.clip);
    baseline.update(baseline.ws.forward(batch.inputs, batch.targets, true), params.clip);
    step++;
    if (step % params.evalEvery === 0 || step === params.steps) evaluate();
    await pause();
  }
  const seconds = (Date.now() - started) / 1000;
  save(opts.outDir, distilled, params, data, step, seconds, history, batcher);
  const size = (c: LstmConfig, P: number) => ({ hidden: c.hidden, layers: c.layers, embedding: c.embedding, parameters: P });
  return {
    model: 'distill',
    outDir: opts.outDir,
    steps: step,
    stopped,
    seconds,
    temperature: params.temperature,
    alpha: params.alpha,
    level: teacher.vocab.level,
    vocabSize: cfg.vocabSize,
    teacher: { ...size(teacher.config, teacherWs.P), heldOutLoss: teacherM.crossEntropy, perplexity: teacherM.perplexity },
    student: size(cfg, distilled.ws.P),
    history,
    distilled: distilled.point,
    baseline: baseline.point,
    kernel: distilled.ws.ops.kind,
  };
}

/** The distilled student as an LSTM checkpoint; its history is the distilled curve, its params say how it was made. */
function save(dir: string, s: Student, params: DistillTrainParams, data: { ids: Int32Array }, step: number, seconds: number, history: DistillPoint[], batcher: StreamBatcher): void {
  const hist: HistoryPoint[] = history.map((h) => ({ step: h.step, trainLoss: h.distilled.trainLoss, heldOutLoss: h.distilled.heldOutLoss, perplexity: h.distilled.perplexity, seconds }));
  const { adam, ws } = s;
  saveCheckpoint(
    dir,
    {
      config: s.model.config,
      params: { ...params, level: s.model.vocab.level, layers: 1, dropout: 0, distilledFrom: 'teacher' },
      vocab: s.model.vocab.toJSON(),
      step,
      tokens: step * batcher.batch * params.seq,
      seconds,
      data: batcher.state,
      adam: { t: adam.t, beta1: adam.beta1, beta2: adam.beta2, eps: adam.eps },
      corpus: { tokens: data.ids.length, fingerprint: fingerprint(data.ids) },
      history: hist,
      samples: [],
    },
    { theta: Float32Array.from(ws.theta), m: adam.m, v: adam.v, state: ws.getState() },
  );
}

/** One line for a notification: both students' held-out perplexity and the teacher's. */
export function distillSummary(r: DistillTrainResult): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  return `student (${r.student.parameters} parameters), ${r.steps} steps at T ${r.temperature}, α ${r.alpha}${r.stopped ? ' (stopped)' : ''}: held-out perplexity ${f(r.distilled.perplexity)} with the teacher, ${f(r.baseline.perplexity)} without (teacher ${f(r.teacher.perplexity)})`;
}
