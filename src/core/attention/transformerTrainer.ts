/**
 * Training the causal Transformer language model on a text. The text is split into tokens (characters or words,
 * src/core/lm), the last 10% is held out, the vocabulary is built from the training part, and each step trains on
 * `batch` windows of `seq` tokens drawn at random positions of the training part.
 */
import { Rng } from '../util/rng';
import { validateParams, ValidationError, type ParamValues } from '../params';
import { makeYielder, checkStopped, StoppedError, type TrainContext } from '../training';
import { splitTokens, Vocab, type LmLevel } from '../lm/vocab';
import { heldOutSplit } from '../lm/split';
import { sampleIndex } from '../lm/sampling';
import { TRANSFORMER_PARAMS } from './params';
import { initialWeights, Trainer, TransformerLM, type TransformerConfig } from './transformer';
import { saveTransformer } from './store';
import { ParallelTrainer } from './parallel';

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
}

export interface TransformerTrainOptions {
  outDir: string;
}

/** WebAssembly memory tfjs can use (32-bit addressing), with room for the rest of the process. */
const WASM_BUDGET_BYTES = 2 * 1024 ** 3;

/**
 * Rough float32 working memory of one training step: per layer about six [B·H, T, T] attention tensors (mask,
 * scores, weights and their gradients) and twenty [N, d] plus four [N, FFN] activations; at the output about five
 * [N, V] tensors (logits, log-probabilities, probabilities, one-hot targets, their gradient). N = B·T.
 */
export function stepBytes(cfg: TransformerConfig, B: number): number {
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
export function generateIds(model: TransformerLM, prompt: Int32Array, count: number, rng: Rng, temperature = 0.8): number[] {
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

/**
 * Train on `text`, save to opts.outDir. Progress at most ~4 times a second with metrics {stepsPerSecond,
 * heldOutLoss (refreshed every few seconds), heldOutPerplexity}; stops within about a second of ctx.signal aborting
 * (what was trained is saved). Throws ValidationError on bad parameters or unusable text.
 */
export async function trainTransformer(rawParams: ParamValues, text: string, ctx: TrainContext, opts: TransformerTrainOptions): Promise<TransformerTrainResult> {
  const params = validateParams(TRANSFORMER_PARAMS, rawParams);
  const level = params.level as LmLevel;
  const B = params.batch as number;
  const T = params.seq as number;
  const heads = params.heads as number;
  const dModel = params.dModel as number;
  if (dModel % heads !== 0) throw new ValidationError(`the model width (${dModel}) must be divisible by the number of heads (${heads})`, 'heads');
  if (typeof text !== 'string' || text.trim().length === 0) throw new ValidationError('the training text is empty');
  const tokens = splitTokens(text, level);
  const cut = tokens.length - Math.max(1, Math.round(tokens.length * 0.1));
  const trainTokens = tokens.slice(0, cut);
  const vocab = Vocab.fromTokens(trainTokens, level, level === 'word' ? { minCount: params.minCount as number, maxSize: params.maxVocab as number } : {});
  if (vocab.size < 3) throw new ValidationError(`the training text has only ${vocab.size - 1} distinct ${level === 'char' ? 'character' : 'word'}(s); a language model needs more`);
  const all = vocab.encodeTokens(tokens).ids;
  const { train, heldOut } = heldOutSplit(all);
  if (train.length < T + 2) {
    throw new ValidationError(`the training text has ${train.length} ${level === 'char' ? 'characters' : 'words'} after holding out 10%; it needs more than the context length (${T}) — use more text or a smaller --seq`);
  }
  const stepsPerEpoch = Math.max(1, Math.floor(train.length / (B * T)));
  const steps = params.steps as number;
  const epochs = params.epochs as number;
  if (steps > 0 && epochs > 0) throw new ValidationError('give either epochs or steps, not both');
  const totalSteps = steps > 0 ? steps : epochs > 0 ? epochs * stepsPerEpoch : 0;
  const budgetMs = totalSteps > 0 ? Infinity : (params.timeBudget as number) * 1000;

  const cfg: TransformerConfig = { vocab: vocab.size, layers: params.layers as number, heads, dModel, ffn: params.ffn as number, seq: T };
  const need = stepBytes(cfg, B);
  if (need > WASM_BUDGET_BYTES) {
    throw new ValidationError(
      `this configuration needs about ${(need / 1024 ** 3).toFixed(1)} GB of working memory per step (batch ${B} × context ${T}${level === 'word' ? `, ${vocab.size} words` : ''}); WebAssembly gives tfjs at most about 2 GB — lower the batch size, the context length${level === 'word' ? ' or the vocabulary limit' : ''}`,
    );
  }
  const model = new TransformerLM(cfg, initialWeights(cfg, params.seed as number));
  let trainer: Trainer | ParallelTrainer = new Trainer(model, params.lr as number);
  let threads = 1;
  if ((params.threads as number) === 2) {
    try {
      const parallel = await ParallelTrainer.create(model, params.lr as number);
      trainer.dispose();
      trainer = parallel;
      threads = 2;
    } catch (e) {
      ctx.log?.(`training on one thread: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const rng = new Rng((params.seed as number) + 1);
  const pause = makeYielder(100);
  const started = Date.now();
  let step = 0;
  let loss = NaN;
  let held = NaN;
  let lastReport = 0;
  let lastHeld = 0;
  let lastSample = 0;
  const sampleRng = new Rng((params.seed as number) + 2);
  const prompt = heldOut.subarray(0, Math.min(level === 'char' ? 24 : 6, heldOut.length));
  let stopped = false;
  try {
    while (totalSteps > 0 ? step < totalSteps : Date.now() - started < budgetMs) {
      const { inputs, targets } = randomWindows(train, B, T, rng);
      loss = await trainer.step(inputs, targets, B);
      step++;
      if (!Number.isFinite(loss)) throw new Error(`the loss diverged (${loss}) at step ${step}; lower the learning rate`);
      const now = Date.now();
      const last = totalSteps > 0 ? step === totalSteps : now - started >= budgetMs;
      if (now - lastReport >= 250 || last) {
        if (now - lastHeld >= 3000 || last) {
          held = heldOutLoss(model, heldOut, T);
          lastHeld = Date.now();
        }
        lastReport = now;
        const metrics: Record<string, number> = { stepsPerSecond: step / ((now - started) / 1000) };
        if (Number.isFinite(held)) {
          metrics.heldOutLoss = held;
          metrics.heldOutPerplexity = Math.exp(held);
        }
        // A short sample every ~10 s, continuing the start of the held-out text.
        let note: string | undefined;
        if ((now - lastSample >= 10_000 || last) && prompt.length > 0) {
          lastSample = now;
          const gen = generateIds(model, prompt, level === 'char' ? 60 : 15, sampleRng);
          note = `${vocab.decode(prompt)}⟶${vocab.decode(gen)}`.replace(/\n/g, ' ⏎ ');
        }
        ctx.onProgress({ step, total: totalSteps, loss, epoch: step / stepsPerEpoch, metrics, ...(note ? { note } : {}) });
      }
      checkStopped(ctx.signal);
      await pause();
    }
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
    held = heldOutLoss(model, heldOut, T);
    const result: TransformerTrainResult = {
      steps: step,
      epochs: step / stepsPerEpoch,
      finalLoss: loss,
      heldOutLoss: held,
      heldOutPerplexity: Math.exp(held),
      ...(level === 'char' && Number.isFinite(held) ? { bitsPerChar: held / Math.LN2 } : {}),
      stepsPerSecond: step / Math.max(seconds, 1e-9),
      seconds,
      stopped,
      threads,
      vocabSize: vocab.size,
      trainTokens: train.length,
      heldOutTokens: heldOut.length,
      paramCount: model.paramCount(),
      outDir: opts.outDir,
      params,
    };
    const { params: _p, outDir: _o, ...summary } = result;
    await saveTransformer(opts.outDir, model, vocab, params, summary);
    return result;
  } finally {
    await trainer.dispose();
    model.dispose();
  }
}
