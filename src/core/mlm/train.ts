/**
 * Training the masked language model: the text is split into tokens (characters or words), the last 10% held out,
 * and each step masks `batch` random windows of `seq` tokens as BERT does (./masking.ts) and trains the
 * bidirectional Transformer (attention/transformer.ts with `causal: false`, the same hand-written backward pass)
 * on the cross-entropy of the chosen positions only. The model's vocabulary is the text's plus one [MASK] token
 * (the last id). Progress reports the held-out masked loss beside the unigram baseline: what predicting every blank
 * from token frequencies alone scores on the same blanks.
 */
import { Rng } from '../util/rng';
import { validateParams, type ParamValues, type ParamsOf } from '../params';
import { checkStopped, makeYielder, StoppedError, type TrainContext } from '../training';
import { planTransformer, runSizes, type TransformerPlan } from '../attention/transformerTrainer';
import { initialWeights, Trainer, TransformerLM } from '../attention/transformer';
import { saveMlm } from '../attention/store';
import { maskBatch, type MaskedBatch } from './masking';
import { MLM_PARAMS } from './params';

export type MlmParams = ParamsOf<typeof MLM_PARAMS>;

type RunSizes = ReturnType<typeof runSizes>;

/** A finished (or stopped) masked-LM run: the losses, the timing, and the sizes of `runSizes`. */
export interface MlmTrainResult extends RunSizes {
  steps: number;
  finalLoss: number;
  /** Mean cross-entropy (nats) of the held-out blanks, and of the unigram model on the same blanks. */
  heldOutLoss: number;
  unigramLoss: number;
  /** The untrained model's held-out masked loss (≈ log of the vocabulary size). */
  initialHeldOutLoss: number;
  /** Fraction of held-out blanks whose most probable token is the right one. */
  heldOutAccuracy: number;
  heldOutBlanks: number;
  stepsPerSecond: number;
  seconds: number;
  stopped: boolean;
  outDir: string;
  params: ParamValues;
}

/** Random windows of T tokens from `ids`, concatenated (B·T ids). */
export function randomSpans(ids: Int32Array, B: number, T: number, rng: Rng): Int32Array {
  const out = new Int32Array(B * T);
  const span = ids.length - T + 1;
  for (let b = 0; b < B; b++) {
    const s = rng.int(span);
    out.set(ids.subarray(s, s + T), b * T);
  }
  return out;
}

/** The held-out text cut into consecutive windows (at most 32), masked once with a fixed seed. */
export function heldOutBatch(heldOut: Int32Array, T: number, maskId: number, rate: number, seed: number): { batch: MaskedBatch; B: number; T: number } | undefined {
  const len = Math.min(T, heldOut.length);
  const B = Math.min(32, Math.floor(heldOut.length / len));
  if (B < 1 || len < 2) return undefined;
  const ids = heldOut.subarray(0, B * len);
  return { batch: maskBatch(Int32Array.from(ids), B, len, maskId, rate, new Rng(seed)), B, T: len };
}

/** Cross-entropy (nats) of the chosen positions under token frequencies of `train` (add-one smoothing over V). */
export function unigramLoss(train: Int32Array, V: number, batch: MaskedBatch): number {
  const counts = new Float64Array(V).fill(1);
  for (let i = 0; i < train.length; i++) counts[train[i]]++;
  const total = train.length + V;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < batch.targets.length; i++) {
    if (batch.weights[i] === 0) continue;
    sum -= Math.log(counts[batch.targets[i]] / total);
    n++;
  }
  return sum / n;
}

/** Held-out masked loss and accuracy of the model on a fixed masked batch. */
export function maskedScore(model: TransformerLM, held: { batch: MaskedBatch; B: number }): { loss: number; accuracy: number; blanks: number } {
  const { batch, B } = held;
  const loss = model.loss(batch.inputs, batch.targets, B, batch.weights);
  const logits = model.logits(batch.inputs, B);
  const z = logits.dataSync();
  logits.dispose();
  const V = model.cfg.vocab;
  let right = 0;
  let blanks = 0;
  for (let i = 0; i < batch.targets.length; i++) {
    if (batch.weights[i] === 0) continue;
    let best = 0;
    for (let v = 1; v < V; v++) if (z[i * V + v] > z[i * V + best]) best = v;
    blanks++;
    if (best === batch.targets[i]) right++;
  }
  return { loss, accuracy: right / blanks, blanks };
}

interface Run {
  step: number;
  loss: number;
  stopped: boolean;
}

/** Train until the planned steps or the time budget; a stop ends the loop (StoppedError is caught here). */
async function runSteps(model: TransformerLM, plan: TransformerPlan, params: MlmParams, ctx: TrainContext, held: ReturnType<typeof heldOutBatch>, unigram: number): Promise<Run> {
  const trainer = new Trainer(model, params.lr);
  const rng = new Rng(params.seed + 1);
  const maskId = plan.vocab.size;
  const pause = makeYielder(100);
  const started = Date.now();
  const run: Run = { step: 0, loss: NaN, stopped: false };
  let lastReport = 0;
  let lastHeld = 0;
  let heldLoss = NaN;
  const more = () => (plan.totalSteps > 0 ? run.step < plan.totalSteps : Date.now() - started < plan.budgetMs);
  try {
    while (more()) {
      const b = maskBatch(randomSpans(plan.train, params.batch, plan.cfg.seq, rng), params.batch, plan.cfg.seq, maskId, params.maskRate, rng);
      run.loss = await trainer.step(b.inputs, b.targets, params.batch, b.weights);
      run.step++;
      if (!Number.isFinite(run.loss)) throw new Error(`the loss diverged (${run.loss}) at step ${run.step}; lower the learning rate`);
      const now = Date.now();
      const last = !more();
      if (now - lastReport >= 250 || last) {
        if (held && (now - lastHeld >= 3000 || last)) {
          heldLoss = maskedScore(model, held).loss;
          lastHeld = Date.now();
        }
        lastReport = now;
        const metrics: Record<string, number> = { stepsPerSecond: run.step / ((now - started) / 1000), unigramLoss: unigram };
        if (Number.isFinite(heldLoss)) metrics.heldOutLoss = heldLoss;
        ctx.onProgress({ step: run.step, total: plan.totalSteps, loss: run.loss, epoch: run.step / plan.stepsPerEpoch, metrics });
      }
      checkStopped(ctx.signal);
      await pause();
    }
  } catch (e) {
    if (!(e instanceof StoppedError)) throw e;
    run.stopped = true;
  } finally {
    trainer.dispose();
  }
  return run;
}

/**
 * Train a masked language model on `text` and save it to opts.outDir (what was trained is saved when stopped).
 * Throws ValidationError on bad parameters or unusable text.
 */
export async function trainMlm(rawParams: ParamValues, text: string, ctx: TrainContext, opts: { outDir: string }): Promise<MlmTrainResult> {
  const params = validateParams(MLM_PARAMS, rawParams);
  const plan = planTransformer(params, text, { tokens: 1, causal: false });
  const maskId = plan.vocab.size;
  const model = new TransformerLM(plan.cfg, initialWeights(plan.cfg, params.seed));
  try {
    const held = heldOutBatch(plan.heldOut, plan.cfg.seq, maskId, params.maskRate, params.seed + 7);
    const unigram = held ? unigramLoss(plan.train, plan.cfg.vocab, held.batch) : NaN;
    const initial = held ? maskedScore(model, held).loss : NaN;
    const started = Date.now();
    const run = await runSteps(model, plan, params, ctx, held, unigram);
    const seconds = (Date.now() - started) / 1000;
    const score = held ? maskedScore(model, held) : { loss: NaN, accuracy: NaN, blanks: 0 };
    const result: Omit<MlmTrainResult, 'outDir' | 'params'> = {
      steps: run.step,
      finalLoss: run.loss,
      heldOutLoss: score.loss,
      unigramLoss: unigram,
      initialHeldOutLoss: initial,
      heldOutAccuracy: score.accuracy,
      heldOutBlanks: score.blanks,
      stepsPerSecond: run.step / Math.max(seconds, 1e-9),
      seconds,
      stopped: run.stopped,
      ...runSizes(plan, model),
    };
    await saveMlm(opts.outDir, model, plan.vocab, params, result);
    return { ...result, outDir: opts.outDir, params };
  } finally {
    model.dispose();
  }
}
