/**
 * Training the LSTM language model: the editor's worker and the CLI call `trainLstm`. Progress (a few reports a
 * second at most) carries the training loss, and at every evaluation the held-out cross-entropy, perplexity and bits
 * per character, a sample (`note`) and a teacher-forcing vs free-running comparison (`extra`). Checkpoints are
 * written every `checkpointEvery` steps, when stopped, and at the end; `resumeFrom` continues a run exactly.
 */
import { splitTokens, Vocab } from '../lm/vocab';
import { HELD_OUT_FRACTION } from '../lm/split';
import { BatcherError, StreamBatcher } from '../lm/batcher';
import { summarise, type LmMeasures } from '../lm/measures';
import { GENERATION_DEFAULTS } from '../lm/sampling';
import { validateParams, ValidationError, type ParamValues, type ParamsOf } from '../params';
import { makeYielder, type TrainContext } from '../training';
import { Rng } from '../util/rng';
import { assertWritableModelDir, fingerprint, loadCheckpoint, saveCheckpoint, type Checkpoint, type HistoryPoint } from './checkpoint';
import { compareTeacherForcing, generate, LmInputError, scoreIds, type LstmModel, type TeacherForcingComparison } from './engine';
import { Adam, clipGlobalNorm, initParams, Workspace, type LstmConfig, type OpsKind } from './model';
import type { FArr } from './ops';
import { LSTM_ARCH_PARAMS, LSTM_PARAMS } from './params';
import { type CellKind, gatesOf } from './cells';
import { UnigramSampler, usesSampled } from '../nn/sampledSoftmax';

export interface TrainLstmOptions {
  /** The model folder: checkpoints go here (replaced atomically each time). */
  outDir: string;
  /** A checkpoint folder to continue from (may equal outDir). */
  resumeFrom?: string;
  /** Kernels: 'wasm' (default, falls back to JS when the kernel is missing), 'js32', 'js64'. */
  ops?: OpsKind;
  /**
   * Largest work (floating-point operations) done between two chances to stop: bigger steps run as groups of
   * streams (default 3e9, about a quarter of a second here). Mainly for tests.
   */
  maxStepFlops?: number;
}

export interface TrainLstmResult {
  model: 'lstm';
  level: 'char' | 'word';
  /** The recurrent cell the model was trained with. */
  cell: CellKind;
  outDir: string;
  /** Total steps, including those before a resume. */
  steps: number;
  epochs: number;
  /** Wall-clock seconds of this run. */
  seconds: number;
  /** Tokens trained per second in this run. */
  tokensPerSecond: number;
  trainLoss: number;
  heldOutLoss: number;
  heldOutPerplexity: number;
  bitsPerChar?: number;
  heldOutTokens: number;
  /** Batch size used (smaller than asked when the text is short). */
  batch: number;
  vocabSize: number;
  trainTokens: number;
  stopped: boolean;
  resumedFromStep?: number;
  kernel: string;
  history: HistoryPoint[];
  samples: { step: number; text: string }[];
  lastSample?: string;
  teacherForcing?: TeacherForcingComparison;
}

const REPORT_MS = 250;

function mixSeed(seed: number, step: number): number {
  return (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b)) >>> 0;
}

/** A step is split into groups of streams when it would run longer than this (so a stop is honoured quickly). */
const GROUP_FLOPS = 3e9;

/**
 * Approximate floating-point operations of one training step (forward + backward); `outputs`: the classes the
 * output layer scores (the vocabulary, or the sampled softmax's sample).
 */
function stepFlops(cfg: LstmConfig, B: number, T: number, outputs = cfg.vocabSize): number {
  const { hidden: H, layers: L, vocabSize: V, embedding: E } = cfg;
  const G = gatesOf(cfg.cell);
  const perRow = 3 * 2 * (L * H * G * H + (L - 1) * H * G * H + H * outputs) + (V * 2 > B * T ? 3 * 2 * E * G * H : 0);
  return B * T * perRow;
}

/**
 * One training step over B streams, optionally as k groups of B/k streams run one after another with a chance to
 * stop in between. This is exact: streams are independent, so the gradient of the mean loss is the mean of the
 * groups' gradients. With k = 1 it is just one workspace.
 */
class StreamGroups {
  readonly groups: Workspace[];
  readonly theta: FArr;
  readonly grad: FArr;
  readonly P: number;
  /** With `sampler`, every step trains with the sampled softmax on `draws` classes drawn by `sampleRng(step)`. */
  constructor(cfg: LstmConfig, readonly B: number, readonly T: number, readonly k: number, ops: OpsKind, readonly sampled?: { sampler: UnigramSampler; draws: number }) {
    const Bg = B / k;
    const sampledClasses = sampled?.draws;
    // the first workspace checks the memory of all k together before any other is made
    this.groups = [new Workspace(cfg, Bg, T, { ops, copies: k, sampledClasses })];
    for (let i = 1; i < k; i++) this.groups.push(new Workspace(cfg, Bg, T, { ops, sampledClasses }));
    this.P = this.groups[0].P;
    this.theta = k === 1 ? this.groups[0].theta : new Float32Array(this.P);
    this.grad = k === 1 ? this.groups[0].grad : new Float32Array(this.P);
  }
  get kind(): string {
    return this.groups[0].ops.kind;
  }
  resetState(): void {
    for (const g of this.groups) g.resetState();
  }
  getState(): Float32Array {
    const parts = this.groups.map((g) => g.getState());
    const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) (out.set(p, o), (o += p.length));
    return out;
  }
  setState(s: ArrayLike<number>): void {
    const n = s.length / this.k;
    if (!Number.isInteger(n)) throw new Error(`state of length ${s.length} does not split into ${this.k} groups`);
    this.groups.forEach((g, i) => g.setState(Float32Array.from({ length: n }, (_, j) => s[i * n + j])));
  }
  /** Forward and backward of one batch; leaves the gradient in `grad`. Returns the mean loss, or null if stopped. */
  async forwardBackward(inputs: Int32Array, targets: Int32Array, rng: Rng | null, shouldStop: () => boolean, sampleRng?: Rng): Promise<number | null> {
    const { k } = this;
    if (this.sampled) {
      // one sample of classes for the whole batch, shared by its groups
      const set = this.sampled.sampler.draw(this.sampled.draws, sampleRng!);
      for (const g of this.groups) g.sampledSet = set;
    }
    if (k === 1) {
      const g = this.groups[0];
      if (rng) g.sampleMasks(rng);
      const loss = g.forward(inputs, targets, true);
      g.backward();
      return loss;
    }
    const w = (this.B / k) * this.T;
    this.grad.fill(0);
    let loss = 0;
    for (let i = 0; i < k; i++) {
      if (i > 0) {
        await new Promise<void>((r) => setImmediate(r));
        if (shouldStop()) return null;
      }
      const g = this.groups[i];
      g.theta.set(this.theta);
      if (rng) g.sampleMasks(rng);
      loss += g.forward(inputs.subarray(i * w, (i + 1) * w), targets.subarray(i * w, (i + 1) * w), true) / k;
      g.backward();
      const gg = g.grad;
      for (let j = 0; j < this.P; j++) this.grad[j] += gg[j] / k;
    }
    return loss;
  }
}

/** Validated LSTM hyperparameters, typed from LSTM_PARAMS. */
type LstmParams = ParamsOf<typeof LSTM_PARAMS>;

/** The parameters to train with: the given ones, except that a resumed run keeps its checkpoint's architecture. */
function resolveParams(rawParams: ParamValues, resumeFrom: string | undefined): { params: LstmParams; resume?: Checkpoint } {
  const params = validateParams(LSTM_PARAMS, rawParams);
  if (!resumeFrom) return { params };
  const resume = loadCheckpoint(resumeFrom);
  const keep: ParamValues = {};
  // A checkpoint from before the cell choice has no `cell`: it is an LSTM.
  for (const k of LSTM_ARCH_PARAMS) keep[k] = resume.meta.params[k] ?? (k === 'cell' ? 'lstm' : undefined)!;
  return { params: validateParams(LSTM_PARAMS, { ...params, ...keep }), resume };
}

/** The tokenised corpus, its vocabulary, the train / held-out split and the batcher over the training part. */
interface LstmData {
  params: LstmParams;
  vocab: Vocab;
  ids: Int32Array;
  train: Int32Array;
  held: Int32Array;
  batcher: StreamBatcher;
  fingerprint: string;
}

function prepareData(params: LstmParams, text: string, resume: Checkpoint | undefined, ctx: TrainContext, resumeFrom?: string): LstmData {
  const { level, seq: T } = params;
  if (!text || !text.trim()) throw new LmInputError('the corpus is empty: there is no text to train on');
  const toks = splitTokens(text, level);
  if (toks.length < 2) throw new LmInputError(`the corpus has ${toks.length} ${level === 'char' ? 'character' : 'word'}(s); a language model needs far more text`);
  const cut = toks.length - Math.max(1, Math.round(toks.length * HELD_OUT_FRACTION));
  const vocab = resume ? Vocab.fromJSON(resume.meta.vocab) : Vocab.fromTokens(toks.slice(0, cut), level, level === 'word' ? { minCount: params.minCount, maxSize: params.maxVocab } : {});
  if (vocab.size < 2) throw new LmInputError('the training text yields an empty vocabulary (every word is rarer than the minimum count)');
  const ids = vocab.encodeTokens(toks).ids;
  const train = ids.subarray(0, cut);
  const held = ids.subarray(cut);
  const fits = Math.floor((train.length - 1) / T);
  if (!resume && fits >= 1 && fits < params.batch) {
    // Short text (a selection, a small note): fewer parallel streams rather than no training at all.
    ctx.log?.(`the training text (${train.length} tokens) is short for ${params.batch} sequences of ${T}: the batch is reduced to ${fits}`);
    params = { ...params, batch: fits };
  }
  let batcher: StreamBatcher;
  try {
    batcher = new StreamBatcher(train, params.batch, T);
  } catch (e) {
    if (e instanceof BatcherError) throw new LmInputError(`${e.message} (the training part is the first 90% of the corpus: ${train.length} ${level === 'char' ? 'characters' : 'tokens'})`);
    throw e;
  }
  const fp = fingerprint(ids);
  if (resume && resume.meta.corpus.fingerprint !== fp) {
    throw new LmInputError(`cannot resume from ${resumeFrom}: it was trained on a different corpus (${resume.meta.corpus.tokens} tokens); give the same text`);
  }
  return { params, vocab, ids, train, held, batcher, fingerprint: fp };
}

/** How many groups of streams a step runs as, so that no group does more than `maxFlops` of work. */
function groupCount(cfg: LstmConfig, B: number, T: number, maxFlops: number, outputs?: number): number {
  let k = 1;
  while (k < B && (B % k !== 0 || stepFlops(cfg, B, T, outputs) / k > maxFlops)) k++;
  return k;
}

/** One training run: the model, optimiser and data, the progress so far, and the evaluation, sampling and saving. */
class LstmRun {
  readonly cfg: LstmConfig;
  readonly k: number;
  readonly ws: StreamGroups;
  readonly adam: Adam;
  readonly model: LstmModel;
  readonly charLevel: boolean;
  readonly snippet: string;
  step = 0;
  tokens = 0;
  secondsBefore = 0;
  history: HistoryPoint[] = [];
  samples: { step: number; text: string }[] = [];
  readonly started = Date.now();
  startStep = 0;
  startTokens = 0;
  lastLoss = NaN;
  lossSum = 0;
  lossN = 0;
  measures: LmMeasures | undefined;
  lastSample: string | undefined;
  teacherForcing: TeacherForcingComparison | undefined;
  lastEvalStep = -1;

  constructor(
    readonly data: LstmData,
    readonly ctx: TrainContext,
    readonly opts: TrainLstmOptions,
    resume: Checkpoint | undefined,
  ) {
    const { params, vocab, held } = data;
    this.cfg = { vocabSize: vocab.size, embedding: params.embedding, hidden: params.hidden, layers: params.layers, dropout: params.dropout, cell: params.cell };
    const sampled = usesSampled(params.softmax, vocab.size) ? { sampler: UnigramSampler.fromIds(data.train, vocab.size), draws: params.samples } : undefined;
    this.k = groupCount(this.cfg, params.batch, params.seq, opts.maxStepFlops ?? GROUP_FLOPS, sampled?.draws);
    this.ws = new StreamGroups(this.cfg, params.batch, params.seq, this.k, opts.ops ?? 'wasm', sampled);
    this.adam = new Adam(this.ws.P, params.lr);
    if (resume) this.restore(resume);
    else initParams(this.cfg, params.seed, this.ws.theta);
    this.startStep = this.step;
    this.startTokens = this.tokens;
    this.model = { type: 'lstm', config: this.cfg, vocab, theta: this.ws.theta as Float32Array, ops: opts.ops };
    this.charLevel = params.level === 'char';
    this.snippet = held.length >= 2 ? vocab.decode(held.subarray(0, Math.min(held.length, this.charLevel ? 160 : 40))) : '';
  }

  private restore(resume: Checkpoint): void {
    const { ws, adam } = this;
    if (resume.theta.length !== ws.P) throw new LmInputError(`the checkpoint in ${this.opts.resumeFrom} does not fit this configuration`);
    ws.theta.set(resume.theta);
    adam.m.set(resume.m);
    adam.v.set(resume.v);
    adam.t = resume.meta.adam.t;
    try {
      this.data.batcher.state = resume.meta.data;
      ws.setState(resume.state);
    } catch (e) {
      throw new LmInputError(`the checkpoint in ${this.opts.resumeFrom} has an invalid training position: ${(e as Error).message}`);
    }
    this.step = resume.meta.step;
    this.tokens = resume.meta.tokens;
    this.secondsBefore = resume.meta.seconds;
    this.history = resume.meta.history ?? [];
    this.samples = resume.meta.samples ?? [];
  }

  get totalSteps(): number {
    const { steps, timeBudget, epochs } = this.data.params;
    return steps > 0 ? steps : timeBudget > 0 ? 0 : epochs * this.data.batcher.perEpoch;
  }

  elapsed(): number {
    return (Date.now() - this.started) / 1000;
  }

  epochNow(): number {
    const { batcher } = this.data;
    return batcher.state.epoch + batcher.state.index / batcher.perEpoch;
  }

  evaluate(): void {
    this.lastEvalStep = this.step;
    const { held, params } = this.data;
    if (held.length < 2) return;
    const s = scoreIds(this.model, held, params.evalTokens, () => this.ctx.signal.aborted);
    if (this.ctx.signal.aborted) return;
    this.measures = summarise(s, this.charLevel);
  }

  sample(): void {
    if (!this.snippet) return;
    const { vocab, held, params } = this.data;
    const prompt = vocab.decode(held.subarray(0, Math.min(this.charLevel ? 24 : 5, held.length)));
    const g = generate(this.model, { prompt, length: params.sampleLength, temperature: GENERATION_DEFAULTS.temperature, seed: mixSeed(params.seed, this.step) });
    this.lastSample = this.charLevel ? prompt + g.text : `${prompt} ${g.text}`;
    this.samples.push({ step: this.step, text: this.lastSample });
    if (this.samples.length > 50) this.samples.splice(0, this.samples.length - 50);
    this.teacherForcing = compareTeacherForcing(this.model, this.snippet, {});
  }

  metrics(): Record<string, number> {
    const secs = this.elapsed();
    const m: Record<string, number> = { tokensPerSecond: secs > 0 ? (this.tokens - this.startTokens) / secs : 0 };
    if (this.measures) {
      m.heldOutLoss = this.measures.crossEntropy;
      m.perplexity = this.measures.perplexity;
      if (this.measures.bitsPerChar !== undefined) m.bitsPerChar = this.measures.bitsPerChar;
    }
    return m;
  }

  private pushHistory(trainLoss: number): void {
    const m = this.measures;
    this.history.push({ step: this.step, trainLoss, heldOutLoss: m?.crossEntropy, perplexity: m?.perplexity, bitsPerChar: m?.bitsPerChar, seconds: this.secondsBefore + this.elapsed() });
    if (this.history.length > 5000) this.history.splice(0, this.history.length - 5000);
  }

  private reportEvaluation(loss: number): void {
    this.ctx.onProgress({ step: this.step, total: this.totalSteps, loss, epoch: this.epochNow(), metrics: this.metrics(), note: this.lastSample, extra: { sample: this.lastSample, teacherForcing: this.teacherForcing } });
  }

  save(): void {
    const { adam, ws, data } = this;
    saveCheckpoint(
      this.opts.outDir,
      {
        config: this.cfg,
        params: data.params,
        vocab: data.vocab.toJSON(),
        step: this.step,
        tokens: this.tokens,
        seconds: this.secondsBefore + this.elapsed(),
        data: data.batcher.state,
        adam: { t: adam.t, beta1: adam.beta1, beta2: adam.beta2, eps: adam.eps },
        corpus: { tokens: data.ids.length, fingerprint: data.fingerprint },
        history: this.history,
        samples: this.samples,
      },
      { theta: Float32Array.from(ws.theta), m: adam.m, v: adam.v, state: ws.getState() },
    );
  }

  /** One step: the loss, or null when stopped between groups (the partial step is undone). */
  private async trainStep(): Promise<number | null> {
    const { ws, data, ctx } = this;
    const { batcher, params } = data;
    const before = this.k > 1 ? { data: batcher.state, state: ws.getState() } : undefined;
    const batch = batcher.next();
    if (batch.reset) ws.resetState();
    const rng = this.cfg.dropout > 0 ? new Rng(mixSeed(params.seed, this.step)) : null;
    // the sampled softmax's classes: drawn from a generator of the step alone, so a resumed run draws the same
    const sampleRng = ws.sampled ? new Rng(mixSeed(params.seed ^ 0x5a5a5a5a, this.step)) : undefined;
    const loss = await ws.forwardBackward(batch.inputs, batch.targets, rng, () => ctx.signal.aborted, sampleRng);
    if (loss === null) {
      // the checkpoint must be exactly the state before this step
      batcher.state = before!.data;
      ws.setState(before!.state);
      return null;
    }
    if (!Number.isFinite(loss)) throw new Error(`the training loss diverged (${loss}) at step ${this.step + 1}; lower the learning rate or the gradient clip`);
    clipGlobalNorm(ws.grad, params.clip);
    this.adam.step(ws.theta, ws.grad);
    this.step++;
    this.tokens += params.batch * params.seq;
    this.lastLoss = loss;
    this.lossSum += loss;
    this.lossN++;
    return loss;
  }

  /** Train until the step count or time budget is reached, or the job is stopped. Returns whether it was stopped. */
  async loop(): Promise<boolean> {
    const { params } = this.data;
    const pause = makeYielder(50);
    let lastReport = 0;
    for (;;) {
      if (this.totalSteps > 0 && this.step >= this.totalSteps) return false;
      if (params.timeBudget > 0 && this.elapsed() >= params.timeBudget) return false;
      if (this.ctx.signal.aborted) return true;
      if ((await this.trainStep()) === null) return true;
      const now = Date.now();
      if (this.step % params.evalEvery === 0) {
        this.evaluate();
        if (this.ctx.signal.aborted) continue;
        this.sample();
        this.pushHistory(this.lossSum / this.lossN);
        this.reportEvaluation(this.lossSum / this.lossN);
        this.lossSum = 0;
        this.lossN = 0;
        lastReport = now;
      } else if (now - lastReport >= REPORT_MS) {
        this.ctx.onProgress({ step: this.step, total: this.totalSteps, loss: this.lossSum / this.lossN, epoch: this.epochNow(), metrics: this.metrics() });
        lastReport = now;
      }
      if (this.step % params.checkpointEvery === 0) this.save();
      await pause();
    }
  }

  /** Evaluate once more (unless stopped or just evaluated), save, and sum up. */
  finish(stopped: boolean, resumed: boolean): TrainLstmResult {
    const evaluatedAtEnd = !stopped && this.lastEvalStep !== this.step;
    if (evaluatedAtEnd) {
      this.evaluate();
      this.sample();
      if (this.lossN) this.pushHistory(this.lossSum / this.lossN);
    }
    if (this.step > this.startStep || !resumed) this.save();
    const seconds = this.elapsed();
    const { params, vocab, train } = this.data;
    const m = this.measures;
    const result: TrainLstmResult = {
      model: 'lstm',
      level: params.level,
      cell: params.cell,
      outDir: this.opts.outDir,
      steps: this.step,
      epochs: this.epochNow(),
      seconds,
      tokensPerSecond: seconds > 0 ? (this.tokens - this.startTokens) / seconds : 0,
      trainLoss: this.lastLoss,
      heldOutLoss: m?.crossEntropy ?? NaN,
      heldOutPerplexity: m?.perplexity ?? NaN,
      ...(this.charLevel ? { bitsPerChar: m?.bitsPerChar ?? NaN } : {}),
      heldOutTokens: m?.tokens ?? 0,
      batch: params.batch,
      vocabSize: vocab.size,
      trainTokens: train.length,
      stopped,
      ...(resumed ? { resumedFromStep: this.startStep } : {}),
      kernel: this.ws.kind,
      history: this.history,
      samples: this.samples,
      lastSample: this.lastSample,
      teacherForcing: this.teacherForcing,
    };
    if (evaluatedAtEnd) this.reportEvaluation(this.lastLoss);
    return result;
  }
}

export async function trainLstm(rawParams: ParamValues, text: string, ctx: TrainContext, opts: TrainLstmOptions): Promise<TrainLstmResult> {
  const { params, resume } = resolveParams(rawParams, opts.resumeFrom);
  assertWritableModelDir(opts.outDir);
  const data = prepareData(params, text, resume, ctx, opts.resumeFrom);
  const run = new LstmRun(data, ctx, opts, resume);
  const { vocab, train, held, batcher } = data;
  const { batch: B } = data.params;
  const softmax = run.ws.sampled ? `sampled softmax (${run.ws.sampled.draws} draws a batch) for training, full for evaluation` : 'full softmax';
  ctx.log?.(`${params.cell.toUpperCase()} ${params.level}-level: vocabulary ${vocab.size}, ${train.length} training and ${held.length} held-out tokens, ${batcher.perEpoch} steps an epoch, ${softmax}, kernel ${run.ws.kind}${run.k > 1 ? `, each step in ${run.k} groups of ${B / run.k} streams` : ''}`);
  const stopped = await run.loop();
  return run.finish(stopped, resume !== undefined);
}

/** One line for a notification or a run list: what was trained and how well it does on held-out text. */
export function lstmSummary(r: TrainLstmResult): string {
  const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const bpc = r.bitsPerChar !== undefined ? `, ${f(r.bitsPerChar, 3)} bits/char` : '';
  return `${r.level}-level ${r.cell === 'rnn' ? 'tanh RNN' : r.cell.toUpperCase()}, ${r.steps} steps${r.stopped ? ' (stopped)' : ''}: held-out perplexity ${f(r.heldOutPerplexity, 2)}${bpc}, ${Math.round(r.tokensPerSecond)} ${r.level === 'char' ? 'chars' : 'tokens'}/s`;
}

export { ValidationError };
