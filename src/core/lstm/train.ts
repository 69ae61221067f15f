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
import { validateParams, ValidationError, type ParamValues } from '../params';
import { makeYielder, type TrainContext } from '../training';
import { Rng } from '../util/rng';
import { assertWritableModelDir, fingerprint, loadCheckpoint, saveCheckpoint, type Checkpoint, type HistoryPoint } from './checkpoint';
import { compareTeacherForcing, generate, LmInputError, scoreIds, type LstmModel, type TeacherForcingComparison } from './engine';
import { Adam, clipGlobalNorm, initParams, Workspace, type LstmConfig, type OpsKind } from './model';
import type { FArr } from './ops';
import { LSTM_ARCH_PARAMS, LSTM_PARAMS } from './params';

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

/** Approximate floating-point operations of one training step (forward + backward). */
export function stepFlops(cfg: LstmConfig, B: number, T: number): number {
  const { hidden: H, layers: L, vocabSize: V, embedding: E } = cfg;
  const perRow = 3 * 2 * (L * H * 4 * H + (L - 1) * H * 4 * H + H * V) + (V * 2 > B * T ? 3 * 2 * E * 4 * H : 0);
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
  constructor(cfg: LstmConfig, readonly B: number, readonly T: number, readonly k: number, ops: OpsKind) {
    const Bg = B / k;
    // the first workspace checks the memory of all k together before any other is made
    this.groups = [new Workspace(cfg, Bg, T, { ops, copies: k })];
    for (let i = 1; i < k; i++) this.groups.push(new Workspace(cfg, Bg, T, { ops }));
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
  async forwardBackward(inputs: Int32Array, targets: Int32Array, rng: Rng | null, shouldStop: () => boolean): Promise<number | null> {
    const { k } = this;
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

export async function trainLstm(rawParams: ParamValues, text: string, ctx: TrainContext, opts: TrainLstmOptions): Promise<TrainLstmResult> {
  let params = validateParams(LSTM_PARAMS, rawParams);
  let resume: Checkpoint | undefined;
  if (opts.resumeFrom) {
    resume = loadCheckpoint(opts.resumeFrom);
    const keep: ParamValues = {};
    for (const k of LSTM_ARCH_PARAMS) keep[k] = resume.meta.params[k];
    params = validateParams(LSTM_PARAMS, { ...params, ...keep });
  }
  assertWritableModelDir(opts.outDir);
  const level = params.level as 'char' | 'word';
  let B = params.batch as number;
  const T = params.seq as number;
  const seed = params.seed as number;
  if (!text || !text.trim()) throw new LmInputError('the corpus is empty: there is no text to train on');
  const toks = splitTokens(text, level);
  if (toks.length < 2) throw new LmInputError(`the corpus has ${toks.length} ${level === 'char' ? 'character' : 'word'}(s); a language model needs far more text`);
  const cut = toks.length - Math.max(1, Math.round(toks.length * HELD_OUT_FRACTION));
  const vocab = resume
    ? Vocab.fromJSON(resume.meta.vocab)
    : Vocab.fromTokens(toks.slice(0, cut), level, level === 'word' ? { minCount: params.minCount as number, maxSize: params.maxVocab as number } : {});
  if (vocab.size < 2) throw new LmInputError('the training text yields an empty vocabulary (every word is rarer than the minimum count)');
  const ids = vocab.encodeTokens(toks).ids;
  const train = ids.subarray(0, cut);
  const held = ids.subarray(cut);
  const fits = Math.floor((train.length - 1) / T);
  if (!resume && fits >= 1 && fits < B) {
    // Short text (a selection, a small note): fewer parallel streams rather than no training at all.
    ctx.log?.(`the training text (${train.length} tokens) is short for ${B} sequences of ${T}: the batch is reduced to ${fits}`);
    B = fits;
    params = { ...params, batch: B };
  }
  let batcher: StreamBatcher;
  try {
    batcher = new StreamBatcher(train, B, T);
  } catch (e) {
    if (e instanceof BatcherError) throw new LmInputError(`${e.message} (the training part is the first 90% of the corpus: ${train.length} ${level === 'char' ? 'characters' : 'tokens'})`);
    throw e;
  }
  const fp = fingerprint(ids);
  if (resume && resume.meta.corpus.fingerprint !== fp) {
    throw new LmInputError(`cannot resume from ${opts.resumeFrom}: it was trained on a different corpus (${resume.meta.corpus.tokens} tokens); give the same text`);
  }

  const cfg: LstmConfig = { vocabSize: vocab.size, embedding: params.embedding as number, hidden: params.hidden as number, layers: params.layers as number, dropout: params.dropout as number };
  let k = 1;
  while (k < B && (B % k !== 0 || stepFlops(cfg, B, T) / k > (opts.maxStepFlops ?? GROUP_FLOPS))) k++;
  const ws = new StreamGroups(cfg, B, T, k, opts.ops ?? 'wasm');
  const adam = new Adam(ws.P, params.lr as number);
  let step = 0;
  let tokens = 0;
  let secondsBefore = 0;
  let history: HistoryPoint[] = [];
  let samples: { step: number; text: string }[] = [];
  if (resume) {
    if (resume.theta.length !== ws.P) throw new LmInputError(`the checkpoint in ${opts.resumeFrom} does not fit this configuration`);
    ws.theta.set(resume.theta);
    adam.m.set(resume.m);
    adam.v.set(resume.v);
    adam.t = resume.meta.adam.t;
    try {
      batcher.state = resume.meta.data;
      ws.setState(resume.state);
    } catch (e) {
      throw new LmInputError(`the checkpoint in ${opts.resumeFrom} has an invalid training position: ${(e as Error).message}`);
    }
    step = resume.meta.step;
    tokens = resume.meta.tokens;
    secondsBefore = resume.meta.seconds;
    history = resume.meta.history ?? [];
    samples = resume.meta.samples ?? [];
  } else {
    initParams(cfg, seed, ws.theta);
  }
  ctx.log?.(`LSTM ${level}-level: vocabulary ${vocab.size}, ${train.length} training and ${held.length} held-out tokens, ${batcher.perEpoch} steps an epoch, kernel ${ws.kind}${k > 1 ? `, each step in ${k} groups of ${B / k} streams` : ''}`);

  const stepsParam = params.steps as number;
  const budget = params.timeBudget as number;
  const totalSteps = stepsParam > 0 ? stepsParam : budget > 0 ? 0 : (params.epochs as number) * batcher.perEpoch;
  const evalEvery = params.evalEvery as number;
  const ckEvery = params.checkpointEvery as number;
  const clip = params.clip as number;
  const evalTokens = params.evalTokens as number;
  const model: LstmModel = { type: 'lstm', config: cfg, vocab, theta: ws.theta as Float32Array, ops: opts.ops };
  const charLevel = level === 'char';
  const promptLen = charLevel ? 24 : 5;
  const snippet = held.length >= 2 ? vocab.decode(held.subarray(0, Math.min(held.length, charLevel ? 160 : 40))) : '';

  const started = Date.now();
  const startStep = step;
  const startTokens = tokens;
  const elapsed = () => (Date.now() - started) / 1000;
  const epochNow = () => batcher.state.epoch + batcher.state.index / batcher.perEpoch;
  let lastLoss = NaN;
  let lossSum = 0;
  let lossN = 0;
  let measures: LmMeasures | undefined;
  let lastSample: string | undefined;
  let tf: TeacherForcingComparison | undefined;
  let lastEvalStep = -1;

  const evaluate = (): void => {
    lastEvalStep = step;
    if (held.length < 2) return;
    const s = scoreIds(model, held, evalTokens, () => ctx.signal.aborted);
    if (ctx.signal.aborted) return;
    measures = summarise(s, charLevel);
  };
  const sample = (): void => {
    if (!snippet) return;
    const prompt = vocab.decode(held.subarray(0, Math.min(promptLen, held.length)));
    const g = generate(model, { prompt, length: params.sampleLength as number, temperature: 0.8, seed: mixSeed(seed, step) });
    lastSample = charLevel ? prompt + g.text : `${prompt} ${g.text}`;
    samples.push({ step, text: lastSample });
    if (samples.length > 50) samples.splice(0, samples.length - 50);
    tf = compareTeacherForcing(model, snippet, {});
  };
  const metrics = (): Record<string, number> => {
    const secs = elapsed();
    const m: Record<string, number> = { tokensPerSecond: secs > 0 ? (tokens - startTokens) / secs : 0 };
    if (measures) {
      m.heldOutLoss = measures.crossEntropy;
      m.perplexity = measures.perplexity;
      if (measures.bitsPerChar !== undefined) m.bitsPerChar = measures.bitsPerChar;
    }
    return m;
  };
  const save = (): void => {
    saveCheckpoint(
      opts.outDir,
      {
        config: cfg,
        params,
        vocab: vocab.toJSON(),
        step,
        tokens,
        seconds: secondsBefore + elapsed(),
        data: batcher.state,
        adam: { t: adam.t, beta1: adam.beta1, beta2: adam.beta2, eps: adam.eps },
        corpus: { tokens: ids.length, fingerprint: fp },
        history,
        samples,
      },
      { theta: Float32Array.from(ws.theta), m: adam.m, v: adam.v, state: ws.getState() },
    );
  };

  const pause = makeYielder(50);
  let lastReport = 0;
  let stopped = false;
  for (;;) {
    if (totalSteps > 0 && step >= totalSteps) break;
    if (budget > 0 && elapsed() >= budget) break;
    if (ctx.signal.aborted) {
      stopped = true;
      break;
    }
    const before = k > 1 ? { data: batcher.state, state: ws.getState() } : undefined;
    const batch = batcher.next();
    if (batch.reset) ws.resetState();
    const loss = await ws.forwardBackward(batch.inputs, batch.targets, cfg.dropout > 0 ? new Rng(mixSeed(seed, step)) : null, () => ctx.signal.aborted);
    if (loss === null) {
      // stopped between groups: undo the partial step so the checkpoint is exactly the state before it
      batcher.state = before!.data;
      ws.setState(before!.state);
      stopped = true;
      break;
    }
    if (!Number.isFinite(loss)) throw new Error(`the training loss diverged (${loss}) at step ${step + 1}; lower the learning rate or the gradient clip`);
    clipGlobalNorm(ws.grad, clip);
    adam.step(ws.theta, ws.grad);
    step++;
    tokens += B * T;
    lastLoss = loss;
    lossSum += loss;
    lossN++;
    const now = Date.now();
    if (step % evalEvery === 0) {
      evaluate();
      if (ctx.signal.aborted) continue;
      sample();
      const trainLoss = lossSum / lossN;
      history.push({ step, trainLoss, heldOutLoss: measures?.crossEntropy, perplexity: measures?.perplexity, bitsPerChar: measures?.bitsPerChar, seconds: secondsBefore + elapsed() });
      if (history.length > 5000) history.splice(0, history.length - 5000);
      ctx.onProgress({ step, total: totalSteps, loss: trainLoss, epoch: epochNow(), metrics: metrics(), note: lastSample, extra: { sample: lastSample, teacherForcing: tf } });
      lossSum = 0;
      lossN = 0;
      lastReport = now;
    } else if (now - lastReport >= REPORT_MS) {
      ctx.onProgress({ step, total: totalSteps, loss: lossSum / lossN, epoch: epochNow(), metrics: metrics() });
      lastReport = now;
    }
    if (step % ckEvery === 0) save();
    await pause();
  }
  const evaluatedAtEnd = !stopped && lastEvalStep !== step;
  if (evaluatedAtEnd) {
    evaluate();
    sample();
    if (lossN) history.push({ step, trainLoss: lossSum / lossN, heldOutLoss: measures?.crossEntropy, perplexity: measures?.perplexity, bitsPerChar: measures?.bitsPerChar, seconds: secondsBefore + elapsed() });
  }
  if (step > startStep || !resume) save();
  const seconds = elapsed();
  const result: TrainLstmResult = {
    model: 'lstm',
    level,
    outDir: opts.outDir,
    steps: step,
    epochs: epochNow(),
    seconds,
    tokensPerSecond: seconds > 0 ? (tokens - startTokens) / seconds : 0,
    trainLoss: lastLoss,
    heldOutLoss: measures?.crossEntropy ?? NaN,
    heldOutPerplexity: measures?.perplexity ?? NaN,
    ...(charLevel ? { bitsPerChar: measures?.bitsPerChar ?? NaN } : {}),
    heldOutTokens: measures?.tokens ?? 0,
    batch: B,
    vocabSize: vocab.size,
    trainTokens: train.length,
    stopped,
    ...(resume ? { resumedFromStep: startStep } : {}),
    kernel: ws.kind,
    history,
    samples,
    lastSample,
    teacherForcing: tf,
  };
  if (evaluatedAtEnd) ctx.onProgress({ step, total: totalSteps, loss: lastLoss, epoch: epochNow(), metrics: metrics(), note: lastSample, extra: { sample: lastSample, teacherForcing: tf } });
  return result;
}

/** One line for a notification or a run list: what was trained and how well it does on held-out text. */
export function lstmSummary(r: TrainLstmResult): string {
  const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '—');
  const bpc = r.bitsPerChar !== undefined ? `, ${f(r.bitsPerChar, 3)} bits/char` : '';
  return `${r.level}-level LSTM, ${r.steps} steps${r.stopped ? ' (stopped)' : ''}: held-out perplexity ${f(r.heldOutPerplexity, 2)}${bpc}, ${Math.round(r.tokensPerSecond)} ${r.level === 'char' ? 'chars' : 'tokens'}/s`;
}

export { ValidationError };
