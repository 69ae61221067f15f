/**
 * Training the encoder–decoder with attention on a synthetic task. Every step draws fresh random strings; the
 * reported accuracies are measured on inputs drawn from a separate random stream (never the training stream).
 */
import { tf } from '../tf/backend';
import { Rng } from '../util/rng';
import type { ParamValues } from '../params';
import { validateParams } from '../params';
import { checkStopped, type ProgressExtras, StoppedError, type TrainContext } from '../training';
import { SEQ2SEQ_ALPHABET, SEQ2SEQ_PARAMS, type Seq2seqTask } from './params';
import { initialSeq2seqWeights, Seq2seqModel, type Seq2seqConfig, type AttentionScore } from './seq2seq';
import { createHash } from 'node:crypto';
import { alignedAt, randomString, taskTarget } from './tasks';
import { saveSeq2seq } from './store';

export interface Seq2seqEval {
  sequenceAccuracy: number;
  alignmentAccuracy: number;
  inputs: number;
}

/** Seed offset of the evaluation stream, so test strings are drawn independently of the training strings. */
const EVAL_SEED_OFFSET = 0x5eed;

/** The probe input whose alignment map is sent with progress: fixed, of the longest training length. */
export function probeInput(maxLen: number): string {
  return 'k3v8q1m5x2c7w9z4f6'.slice(0, Math.min(maxLen, 18)).padEnd(maxLen, 'a');
}

/** Greedy-decode `count` fresh inputs and score whole-sequence accuracy and attention alignment. */
export function evaluateSeq2seq(model: Seq2seqModel, task: Seq2seqTask, opts: { count: number; minLen: number; maxLen: number; seed: number }): Seq2seqEval {
  const rng = new Rng(opts.seed);
  const sources = Array.from({ length: opts.count }, () => randomString(rng, opts.minLen, opts.maxLen, model.cfg.alphabet));
  let right = 0;
  let steps = 0;
  let aligned = 0;
  const chunk = 100;
  for (let i = 0; i < sources.length; i += chunk) {
    const batch = sources.slice(i, i + chunk);
    const { outputs, attention } = model.decode(batch);
    batch.forEach((src, b) => {
      const want = taskTarget(task, src);
      if (outputs[b] === want) right++;
      // Every expected output step counts; steps the model never produced count as misaligned.
      for (let t = 0; t < want.length; t++) {
        steps++;
        const row = attention[b][t];
        if (!row) continue;
        let best = 0;
        for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
        if (alignedAt(task, src, want, t, best)) aligned++;
      }
    });
  }
  return { sequenceAccuracy: right / sources.length, alignmentAccuracy: steps ? aligned / steps : 0, inputs: sources.length };
}

/** One point of the accuracy curve: the accuracies on 50 fresh inputs at a probe step. */
export interface Seq2seqCurvePoint {
  step: number;
  loss: number;
  sequenceAccuracy: number;
  alignmentAccuracy: number;
}

/** The probe input's alignment map as the model decodes it now. */
function probeAlignment(model: Seq2seqModel, task: Seq2seqTask, probe: string): Seq2seqTrainResult['alignment'] {
  const d = model.decode([probe]);
  return { source: Array.from(probe), target: Array.from(d.outputs[0]), expected: Array.from(taskTarget(task, probe)), attention: d.attention[0] };
}

export interface Seq2seqTrainResult {
  task: Seq2seqTask;
  attention: AttentionScore;
  steps: number;
  /** The accuracies at every probe step. */
  curve: Seq2seqCurvePoint[];
  /** sha256 (hex) of every training string in the order drawn: equal for runs that saw the same data. */
  dataSha256: string;
  /** The probe input's alignment at the end. */
  alignment: { source: string[]; target: string[]; expected: string[]; attention: number[][] };
  finalLoss: number;
  sequenceAccuracy: number;
  alignmentAccuracy: number;
  testInputs: number;
  stepsPerSecond: number;
  seconds: number;
  stopped: boolean;
  outDir?: string;
  params: ParamValues;
}

export interface Seq2seqTrainOptions {
  /** Where the model is saved; nothing is saved without it. */
  outDir?: string;
  /** Fresh test inputs for the final accuracies (default 200). */
  testInputs?: number;
  /** Gradient clipping by global norm (default 5). */
  clipNorm?: number;
}

/**
 * Train on the task in `params` (see SEQ2SEQ_PARAMS), save to `opts.outDir`, and return the accuracies on fresh
 * inputs. Progress at most ~4 times a second; every `evalEvery` steps an `alignment` snapshot of a fixed probe input
 * ({source, target (what the model writes), expected (the right answer), attention[targetStep][sourcePos]}) and
 * accuracies on 50 fresh inputs go with it.
 * Stops within about a second of ctx.signal aborting (the model trained so far is still saved and scored).
 */
export async function trainSeq2seq(rawParams: ParamValues, ctx: TrainContext, opts: Seq2seqTrainOptions): Promise<Seq2seqTrainResult> {
  const params = validateParams(SEQ2SEQ_PARAMS, rawParams);
  const task = params.task;
  const minLen = params.minLen;
  const maxLen = params.maxLen;
  if (minLen > maxLen) throw new Error(`the shortest input (${minLen}) is longer than the longest (${maxLen})`);
  const totalSteps = params.steps;
  const batch = params.batch;
  const evalEvery = params.evalEvery;
  const seed = params.seed;
  const cfg: Seq2seqConfig = { hidden: params.hidden, attention: params.attention, maxLen, alphabet: SEQ2SEQ_ALPHABET };
  const model = new Seq2seqModel(cfg, initialSeq2seqWeights(cfg, seed));
  const baseLr = params.lr;
  const optimizer = tf.train.adam(baseLr);
  const vars = [...model.weights.values()];
  const rng = new Rng(seed + 1);
  const clip = opts.clipNorm ?? 5;
  const probe = probeInput(maxLen);
  const started = Date.now();
  let lastReport = 0;
  let step = 0;
  let loss = NaN;
  let stopped = false;
  let lastEval: Seq2seqEval | undefined;
  let evalRound = 0;
  const curve: Seq2seqCurvePoint[] = [];
  const dataHash = createHash('sha256');
  try {
    for (step = 1; step <= totalSteps; step++) {
      // Cosine decay of the learning rate to 10% at the last step: Adam at a constant 5e-3 reaches the target
      // quickly but has occasional loss spikes; decaying it makes the end of a run (what is saved) stable.
      (optimizer as unknown as { learningRate: number }).learningRate = baseLr * (0.1 + 0.45 * (1 + Math.cos((Math.PI * (step - 1)) / totalSteps)));
      const sources = Array.from({ length: batch }, () => randomString(rng, minLen, maxLen));
      const targets = sources.map((s) => taskTarget(task, s));
      dataHash.update(sources.join('\n') + '\n');
      const e = model.encodeBatch(sources);
      const { value, grads } = optimizer.computeGradients(() => model.loss(e, targets), vars);
      model.disposeBatch(e);
      const clipped = tf.tidy(() => {
        const list = Object.values(grads);
        const norm = tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g))))).dataSync()[0];
        const f = norm > clip ? clip / norm : 1;
        const out: Record<string, tf.Tensor> = {};
        for (const [k, g] of Object.entries(grads)) out[k] = f === 1 ? g.clone() : tf.mul(g, f);
        return out;
      });
      tf.dispose(Object.values(grads));
      optimizer.applyGradients(clipped as tf.NamedTensorMap as Record<string, tf.Variable>);
      tf.dispose(Object.values(clipped));
      loss = (await value.data())[0];
      value.dispose();
      if (!Number.isFinite(loss)) throw new Error(`the loss diverged (${loss}) at step ${step}; lower the learning rate`);
      const now = Date.now();
      const isEval = step % evalEvery === 0 || step === totalSteps;
      if (isEval || now - lastReport >= 250) {
        lastReport = now;
        const metrics: Record<string, number> = { stepsPerSecond: step / ((now - started) / 1000) };
        let extra: ProgressExtras['seq2seq'] | undefined;
        if (isEval) {
          lastEval = evaluateSeq2seq(model, task, { count: 50, minLen, maxLen, seed: seed + EVAL_SEED_OFFSET + 1 + evalRound++ });
          curve.push({ step, loss, sequenceAccuracy: lastEval.sequenceAccuracy, alignmentAccuracy: lastEval.alignmentAccuracy });
          extra = { alignment: probeAlignment(model, task, probe) };
        }
        if (lastEval) {
          metrics.sequenceAccuracy = lastEval.sequenceAccuracy;
          metrics.alignmentAccuracy = lastEval.alignmentAccuracy;
        }
        ctx.onProgress({ step, total: totalSteps, loss, metrics, ...(extra ? { extra } : {}) });
      }
      checkStopped(ctx.signal);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    step = totalSteps;
  } catch (err) {
    if (!(err instanceof StoppedError)) {
      optimizer.dispose();
      model.dispose();
      throw err;
    }
    stopped = true;
  }
  const seconds = (Date.now() - started) / 1000;
  try {
    const final = evaluateSeq2seq(model, task, { count: opts.testInputs ?? 200, minLen, maxLen, seed: seed + EVAL_SEED_OFFSET });
    const result: Seq2seqTrainResult = {
      task,
      attention: cfg.attention,
      steps: step,
      curve,
      dataSha256: dataHash.digest('hex'),
      alignment: probeAlignment(model, task, probe),
      finalLoss: loss,
      sequenceAccuracy: final.sequenceAccuracy,
      alignmentAccuracy: final.alignmentAccuracy,
      testInputs: final.inputs,
      stepsPerSecond: step / Math.max(seconds, 1e-9),
      seconds,
      stopped,
      outDir: opts.outDir,
      params,
    };
    if (opts.outDir) await saveSeq2seq(opts.outDir, model, { task, params, result: { steps: step, finalLoss: loss, sequenceAccuracy: final.sequenceAccuracy, alignmentAccuracy: final.alignmentAccuracy, stopped, dataSha256: result.dataSha256 } });
    return result;
  } finally {
    optimizer.dispose();
    model.dispose();
  }
}

/** The same task, seed, data and steps trained once per attention score, side by side. */
export interface Seq2seqVariantsResult {
  task: Seq2seqTask;
  steps: number;
  seed: number;
  runs: Seq2seqTrainResult[];
}

/**
 * Train one model per score in `scores` on exactly the same training strings (the data stream depends on the seed
 * only), from the same initial values of every weight they share (the score's own weights are drawn after them),
 * for the same steps; nothing is saved. Progress of run i is reported as steps i·total + step of scores.length·total.
 */
export async function trainSeq2seqVariants(rawParams: ParamValues, scores: readonly AttentionScore[], ctx: TrainContext): Promise<Seq2seqVariantsResult> {
  if (!scores.length || new Set(scores).size !== scores.length) throw new Error('name each attention score once');
  const params = validateParams(SEQ2SEQ_PARAMS, rawParams);
  const runs: Seq2seqTrainResult[] = [];
  for (const [i, attention] of scores.entries()) {
    const r = await trainSeq2seq({ ...params, attention }, {
      signal: ctx.signal,
      onProgress: (u) => ctx.onProgress({ ...u, step: i * params.steps + u.step, total: scores.length * params.steps, metrics: { ...u.metrics, variant: i } }),
    }, {});
    runs.push(r);
    if (r.stopped) break;
  }
  return { task: params.task, steps: params.steps, seed: params.seed, runs };
}
