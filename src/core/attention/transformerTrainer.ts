/**
 * Training the causal Transformer language model on a text. The text is split into tokens (characters or words,
 * src/core/lm), the last 10% is held out, the vocabulary is built from the training part, and each step trains on
 * `batch` windows of `seq` tokens drawn at random positions of the training part.
 */
import { Rng } from '../util/rng';
import { validateParams, ValidationError, type ParamValues, type ParamsOf } from '../params';
import { makeYielder, checkStopped, StoppedError, type ProgressExtras, type TrainContext } from '../training';
import { splitTokens, Vocab, type LmLevel } from '../lm/vocab';
import { heldOutSplit } from '../lm/split';
import { GENERATION_DEFAULTS, sampleIndex } from '../lm/sampling';
import { TRANSFORMER_PARAMS } from './params';
import { initialWeights, Trainer, TransformerLM, type SampledTraining, type TransformerConfig } from './transformer';
import { UnigramSampler, usesSampled } from '../nn/sampledSoftmax';
import { ModelFormatError, saveTransformer } from './store';
import { ParallelTrainer } from './parallel';
import { assertSameConfig, checkpointFiles, loadTransformerCheckpoint, type TransformerCheckpoint } from './checkpoint';
import { fingerprint } from '../lstm/checkpoint';
import { transformerTeacherForcing } from './causalLm';

export interface TransformerTrainResult {
  steps: number;
  epochs: number;
  finalLoss: number;
  heldOutLoss: number;
  heldOutPerplexity: number;
  bitsPerChar?: number;
  stepsPerSecond: number;
  seconds: number;
  stopped: boolean;
  /** Threads actually used (2 only when the helper thread started). */
  threads: number;
  vocabSize: number;
  trainTokens: number;
  heldOutTokens: number;
  paramCount: number;
  outDir: string;
  params: ParamValues;
  /** The step the run continued from, when it resumed from a checkpoint. */
  resumedFromStep?: number;
}

export interface TransformerTrainOptions {
  outDir: string;
  /** A model folder with a checkpoint to continue from (may be outDir); `steps` then counts the steps before too. */
  resumeFrom?: string;
}

/** Seconds between checkpoints while training (one is also written when the run stops or ends). */
const CHECKPOINT_SECONDS = 30;

/** Parameters a resumed run takes from its checkpoint: what shapes the model, its vocabulary and its batches. */
const KEPT_ON_RESUME = ['level', 'layers', 'heads', 'dModel', 'ffn', 'seq', 'minCount', 'maxVocab', 'seed'] as const;

/** WebAssembly memory tfjs can use (32-bit addressing), with room for the rest of the process. */
const WASM_BUDGET_BYTES = 2 * 1024 ** 3;

/**
 * Rough float32 working memory of one training step: per layer about six [B·H, T, T] attention tensors (mask,
 * scores, weights and their gradients) and twenty [N, d] plus four [N, FFN] activations; at the output about five
 * [N, V] tensors (logits, log-probabilities, probabilities, one-hot targets, their gradient). N = B·T.
 */
function stepBytes(cfg: TransformerConfig, B: number): number {
  const N = B * cfg.seq;
  const perLayer = 6 * B * cfg.heads * cfg.seq * cfg.seq + N * (20 * cfg.dModel + 4 * cfg.ffn);
  return 4 * (cfg.layers * perLayer + 5 * N * cfg.vocab + 4 * N * cfg.dModel);
}

/** Random windows of T+1 tokens from `ids` as inputs and next-token targets. */
export function randomWindows(ids: Int32Array, B: number, T: number, rng: Rng): { inputs: Int32Array; targets: Int32Array } {
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  const span = ids.length - T; // start positions 0..span-1
  for (let b = 0; b < B; b++) {
    const s = rng.int(span);
    inputs.set(ids.subarray(s, s + T), b * T);
    targets.set(ids.subarray(s + 1, s + T + 1), b * T);
  }
  return { inputs, targets };
}

/**
 * Continue `prompt` (token ids) by `count` tokens sampled at `temperature` (the context slides when it exceeds the
 * model's length). Returns the new token ids.
 */
export function generateIds(model: TransformerLM, prompt: Int32Array, count: number, rng: Rng, temperature: number = GENERATION_DEFAULTS.temperature): number[] {
  const ctx = Array.from(prompt);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const window = Int32Array.from(ctx.slice(-model.cfg.seq));
    const next = sampleIndex(model.nextProbabilities(window), { temperature }, rng);
    ctx.push(next);
    out.push(next);
  }
  return out;
}

/** Mean held-out cross-entropy over consecutive windows (at most `maxWindows` of them), in nats per token. */
export function heldOutLoss(model: TransformerLM, ids: Int32Array, T: number, maxWindows = 32): number {
  if (ids.length < 2) return NaN;
  const len = Math.min(T, ids.length - 1);
  const windows = Math.min(maxWindows, Math.floor((ids.length - 1) / len));
  const inputs = new Int32Array(windows * len);
  const targets = new Int32Array(windows * len);
  for (let w = 0; w < windows; w++) {
    inputs.set(ids.subarray(w * len, w * len + len), w * len);
    targets.set(ids.subarray(w * len + 1, w * len + len + 1), w * len);
  }
  return model.loss(inputs, targets, windows);
}

/** Validated Transformer hyperparameters, typed from TRANSFORMER_PARAMS. */
type TransformerParams = ParamsOf<typeof TRANSFORMER_PARAMS>;

/** What planning a run needs of the parameters (the masked language model has these too, without epochs). */
type PlanParams = Pick<TransformerParams, 'level' | 'batch' | 'seq' | 'heads' | 'dModel' | 'layers' | 'ffn' | 'steps' | 'timeBudget' | 'minCount' | 'maxVocab'> & { epochs?: number };

/** The text cut into training and held-out ids, the model configuration, and how long to train. */
export interface TransformerPlan {
  level: LmLevel;
  vocab: Vocab;
  train: Int32Array;
  heldOut: Int32Array;
  cfg: TransformerConfig;
  stepsPerEpoch: number;
  /** 0: train for budgetMs instead. */
  totalSteps: number;
  budgetMs: number;
}

/**
 * Check the parameters against the text and plan the run, or throw a ValidationError that says what to change.
 * `extra`: token ids the model has beyond the vocabulary (the masked language model's [MASK]), and its attention.
 */
export function planTransformer(params: PlanParams, text: string, extra: { tokens: number; causal: boolean } = { tokens: 0, causal: true }): TransformerPlan {
  const { level, batch: B, seq: T, heads, dModel } = params;
  if (dModel % heads !== 0) throw new ValidationError(`the model width (${dModel}) must be divisible by the number of heads (${heads})`, 'heads');
  if (typeof text !== 'string' || text.trim().length === 0) throw new ValidationError('the training text is empty');
  const tokens = splitTokens(text, level);
  const cut = tokens.length - Math.max(1, Math.round(tokens.length * 0.1));
  const vocab = Vocab.fromTokens(tokens.slice(0, cut), level, level === 'word' ? { minCount: params.minCount, maxSize: params.maxVocab } : {});
  if (vocab.size < 3) throw new ValidationError(`the training text has only ${vocab.size - 1} distinct ${level === 'char' ? 'character' : 'word'}(s); a language model needs more`);
  const { train, heldOut } = heldOutSplit(vocab.encodeTokens(tokens).ids);
  if (train.length < T + 2) {
    throw new ValidationError(`the training text has ${train.length} ${level === 'char' ? 'characters' : 'words'} after holding out 10%; it needs more than the context length (${T}) — use more text or a smaller --seq`);
  }
  const stepsPerEpoch = Math.max(1, Math.floor(train.length / (B * T)));
  const { steps } = params;
  const epochs = params.epochs ?? 0;
  if (steps > 0 && epochs > 0) throw new ValidationError('give either epochs or steps, not both');
  const totalSteps = steps > 0 ? steps : epochs > 0 ? epochs * stepsPerEpoch : 0;
  const budgetMs = totalSteps > 0 ? Infinity : params.timeBudget * 1000;
  const cfg: TransformerConfig = { vocab: vocab.size + extra.tokens, layers: params.layers, heads, dModel, ffn: params.ffn, seq: T, ...(extra.causal ? {} : { causal: false }) };
  const need = stepBytes(cfg, B);
  if (need > WASM_BUDGET_BYTES) {
    throw new ValidationError(
      `this configuration needs about ${(need / 1024 ** 3).toFixed(1)} GB of working memory per step (batch ${B} × context ${T}${level === 'word' ? `, ${vocab.size} words` : ''}); WebAssembly gives tfjs at most about 2 GB — lower the batch size, the context length${level === 'word' ? ' or the vocabulary limit' : ''}`,
    );
  }
  return { level, vocab, train, heldOut, cfg, stepsPerEpoch, totalSteps, budgetMs };
}

/** The sizes a trained model's summary reports: its vocabulary (with any extra tokens), the data and the weights. */
export function runSizes(plan: TransformerPlan, model: TransformerLM): { vocabSize: number; trainTokens: number; heldOutTokens: number; paramCount: number } {
  return { vocabSize: plan.cfg.vocab, trainTokens: plan.train.length, heldOutTokens: plan.heldOut.length, paramCount: model.paramCount() };
}

/** The sampled softmax's training setup when the parameters ask for it at this vocabulary (else undefined). */
export function sampledTraining(params: Pick<TransformerParams, 'softmax' | 'samples' | 'seed'>, plan: TransformerPlan): SampledTraining | undefined {
  if (!usesSampled(params.softmax, plan.cfg.vocab)) return undefined;
  return { sampler: UnigramSampler.fromIds(plan.train, plan.cfg.vocab), draws: params.samples, seed: params.seed ^ 0x5a5a5a5a };
}

/**
 * The one-thread trainer, or the two-thread one when asked for and its helper thread starts (with the full softmax
 * only: the sampled softmax trains on one thread).
 */
async function createTrainer(model: TransformerLM, params: TransformerParams, ctx: TrainContext, sampled?: SampledTraining): Promise<{ trainer: Trainer | ParallelTrainer; threads: number }> {
  const single = new Trainer(model, params.lr, sampled, params.warmup);
  if (params.threads !== 2) return { trainer: single, threads: 1 };
  if (sampled) {
    ctx.log?.('training on one thread: the sampled softmax runs on the main thread');
    return { trainer: single, threads: 1 };
  }
  try {
    const parallel = await ParallelTrainer.create(model, params.lr, params.warmup);
    single.dispose();
    return { trainer: parallel, threads: 2 };
  } catch (e) {
    ctx.log?.(`training on one thread: ${e instanceof Error ? e.message : String(e)}`);
    return { trainer: single, threads: 1 };
  }
}

/**
 * Progress reports at most ~4 a second; the held-out loss refreshed every ~3 s (or rarer, so that scoring takes at
 * most a tenth of the time: at a large vocabulary the full softmax of the held-out windows costs many training steps)
 * and, at one of those refreshes every ~10 s (or rarer, likewise), a short sample and teacher forcing vs free running
 * on a held-out snippet. A report with a fresh held-out loss carries the language models' progress extra (as the
 * LSTM's evaluations do), so the Language Model view follows the run.
 */
class TransformerProgress {
  private lastReport = 0;
  private lastHeld = 0;
  private lastSample = 0;
  /** Milliseconds the last held-out scoring and the last sample (with its comparison) took. */
  private heldMs = 0;
  private sampleMs = 0;
  held = NaN;
  private readonly sampleRng: Rng;
  private readonly prompt: Int32Array;
  /** The held-out text teacher forcing and free running are compared on. */
  private readonly snippet: string;

  constructor(
    private readonly model: TransformerLM,
    private readonly plan: TransformerPlan,
    private readonly ctx: TrainContext,
    seed: number,
    private readonly started: number,
    private readonly startStep: number,
  ) {
    this.sampleRng = new Rng(seed + 2);
    const char = plan.level === 'char';
    this.prompt = plan.heldOut.subarray(0, Math.min(char ? 24 : 6, plan.heldOut.length));
    this.snippet = plan.heldOut.length >= 2 ? plan.vocab.decode(plan.heldOut.subarray(0, Math.min(plan.heldOut.length, char ? 160 : 40))) : '';
  }

  report(step: number, loss: number, last: boolean): void {
    const now = Date.now();
    if (now - this.lastReport < 250 && !last) return;
    const { plan, model } = this;
    const fresh = now - this.lastHeld >= Math.max(3000, 9 * this.heldMs) || last;
    if (fresh) {
      this.held = heldOutLoss(model, plan.heldOut, plan.cfg.seq);
      this.lastHeld = Date.now();
      this.heldMs = this.lastHeld - now;
    }
    this.lastReport = now;
    const metrics: Record<string, number> = { stepsPerSecond: (step - this.startStep) / ((now - this.started) / 1000) };
    if (Number.isFinite(this.held)) {
      metrics.heldOutLoss = this.held;
      metrics.heldOutPerplexity = Math.exp(this.held);
      if (plan.level === 'char') metrics.bitsPerChar = this.held / Math.LN2;
    }
    let note: string | undefined;
    let extra: ProgressExtras['lstm'] | undefined;
    if (fresh && Number.isFinite(this.held)) extra = {};
    if (extra && (now - this.lastSample >= Math.max(10_000, 9 * this.sampleMs) || last) && this.prompt.length > 0) {
      const t0 = Date.now();
      const gen = generateIds(model, this.prompt, plan.level === 'char' ? 60 : 15, this.sampleRng);
      note = `${plan.vocab.decode(this.prompt)}⟶${plan.vocab.decode(gen)}`.replace(/\n/g, ' ⏎ ');
      extra.sample = plan.vocab.decode(Int32Array.from([...this.prompt, ...gen]));
      if (this.snippet) extra.teacherForcing = transformerTeacherForcing({ model, vocab: plan.vocab }, this.snippet);
      this.lastSample = Date.now();
      this.sampleMs = this.lastSample - t0;
    }
    this.ctx.onProgress({ step, total: plan.totalSteps, loss, epoch: step / plan.stepsPerEpoch, metrics, ...(note ? { note } : {}), ...(extra ? { extra } : {}) });
  }
}

/**
 * Train until the planned steps or time budget, drawing windows from `rng` and calling `checkpoint` every
 * CHECKPOINT_SECONDS; throws StoppedError when ctx.signal aborts.
 */
async function runSteps(trainer: Trainer | ParallelTrainer, plan: TransformerPlan, progress: TransformerProgress, ctx: TrainContext, rng: Rng, started: number, done: { step: number; loss: number }, B: number, checkpoint: () => Promise<void>): Promise<void> {
  const { totalSteps, budgetMs, train, cfg } = plan;
  const pause = makeYielder(100);
  let saved = Date.now();
  while (totalSteps > 0 ? done.step < totalSteps : Date.now() - started < budgetMs) {
    const { inputs, targets } = randomWindows(train, B, cfg.seq, rng);
    done.loss = await trainer.step(inputs, targets, B);
    done.step++;
    if (!Number.isFinite(done.loss)) throw new Error(`the loss diverged (${done.loss}) at step ${done.step}; lower the learning rate`);
    const last = totalSteps > 0 ? done.step === totalSteps : Date.now() - started >= budgetMs;
    progress.report(done.step, done.loss, last);
    checkStopped(ctx.signal);
    if (!last && Date.now() - saved >= CHECKPOINT_SECONDS * 1000) {
      await checkpoint();
      saved = Date.now();
    }
    await pause();
  }
}

/** The validated parameters and, when resuming, the checkpoint (whose model-shaping parameters win). */
function resolveParams(rawParams: ParamValues, resumeFrom: string | undefined): { params: TransformerParams; resume?: TransformerCheckpoint } {
  const params = validateParams(TRANSFORMER_PARAMS, rawParams);
  if (!resumeFrom) return { params };
  const resume = loadTransformerCheckpoint(resumeFrom);
  const kept: ParamValues = {};
  for (const k of KEPT_ON_RESUME) if (resume.json.params[k] !== undefined) kept[k] = resume.json.params[k];
  return { params: validateParams(TRANSFORMER_PARAMS, { ...params, ...kept }), resume };
}

/** The corpus as the checkpoint records it; a resumed run must train on the same tokens. */
function corpusOf(plan: TransformerPlan, resume: TransformerCheckpoint | undefined, resumeFrom: string | undefined): { tokens: number; fingerprint: string } {
  const ids = new Int32Array(plan.train.length + plan.heldOut.length);
  ids.set(plan.train);
  ids.set(plan.heldOut, plan.train.length);
  const corpus = { tokens: ids.length, fingerprint: fingerprint(ids) };
  if (resume) {
    assertSameConfig(plan.cfg, resume, resumeFrom!);
    if (resume.json.training.corpus.fingerprint !== corpus.fingerprint) throw new ModelFormatError(`cannot resume from ${resumeFrom}: it was trained on a different text (${resume.json.training.corpus.tokens} tokens); give the same text`);
  }
  return corpus;
}

/**
 * Train on `text`, save to opts.outDir. Progress at most ~4 times a second with metrics {stepsPerSecond,
 * heldOutLoss (refreshed every few seconds), heldOutPerplexity, bitsPerChar (char level)} and, with each fresh
 * held-out loss, a progress extra (a sample and teacher forcing every ~10 s; see TransformerProgress); stops within about a second of ctx.signal aborting
 * (what was trained is saved). A checkpoint (weights, Adam state, step, batch generator position) is written every
 * CHECKPOINT_SECONDS, on a stop and at the end; `opts.resumeFrom` continues one exactly. Throws ValidationError on
 * bad parameters or unusable text, ModelFormatError on an unusable checkpoint (before anything is written).
 */
export async function trainTransformer(rawParams: ParamValues, text: string, ctx: TrainContext, opts: TransformerTrainOptions): Promise<TransformerTrainResult> {
  const { params, resume } = resolveParams(rawParams, opts.resumeFrom);
  const plan = planTransformer(params, text);
  const corpus = corpusOf(plan, resume, opts.resumeFrom);
  const model = new TransformerLM(plan.cfg, resume ? resume.weights : initialWeights(plan.cfg, params.seed));
  const sampled = sampledTraining(params, plan);
  ctx.log?.(`Transformer ${plan.level}-level: vocabulary ${plan.cfg.vocab}, ${sampled ? `sampled softmax (${sampled.draws} draws a batch) for training, full for evaluation` : 'full softmax'}`);
  const { trainer, threads } = await createTrainer(model, params, ctx, sampled);
  const startStep = resume?.step ?? 0;
  const started = Date.now();
  const progress = new TransformerProgress(model, plan, ctx, params.seed, started, startStep);
  const done = { step: startStep, loss: NaN };
  const rng = resume ? resume.rng : new Rng(params.seed + 1);
  const save = async (result?: Record<string, unknown>) => {
    const adam = await (trainer instanceof ParallelTrainer ? trainer.trainer : trainer).adamState();
    const state = { step: done.step, seconds: (resume?.seconds ?? 0) + (Date.now() - started) / 1000, rng, adam, corpus };
    await saveTransformer(opts.outDir, model, plan.vocab, params, result, checkpointFiles(state));
  };
  let stopped = false;
  try {
    if (resume) await (trainer instanceof ParallelTrainer ? trainer.trainer : trainer).restoreAdam(resume.adam);
    await runSteps(trainer, plan, progress, ctx, rng, started, done, params.batch, () => save());
  } catch (err) {
    if (!(err instanceof StoppedError)) {
      await trainer.dispose();
      model.dispose();
      throw err;
    }
    stopped = true;
  }
  const seconds = (Date.now() - started) / 1000;
  try {
    const held = heldOutLoss(model, plan.heldOut, plan.cfg.seq);
    const result: TransformerTrainResult = {
      steps: done.step,
      epochs: done.step / plan.stepsPerEpoch,
      finalLoss: done.loss,
      heldOutLoss: held,
      heldOutPerplexity: Math.exp(held),
      ...(plan.level === 'char' && Number.isFinite(held) ? { bitsPerChar: held / Math.LN2 } : {}),
      stepsPerSecond: (done.step - startStep) / Math.max(seconds, 1e-9),
      seconds,
      stopped,
      threads,
      ...runSizes(plan, model),
      outDir: opts.outDir,
      params,
      ...(resume ? { resumedFromStep: startStep } : {}),
    };
    const { params: _p, outDir: _o, ...summary } = result;
    // a resumed run that trained no further leaves its checkpoint as it was
    if (done.step > startStep || !resume) await save(summary);
    return result;
  } finally {
    await trainer.dispose();
    model.dispose();
  }
}
