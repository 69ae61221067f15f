/**
 * Training the tanh RNN language model on a text (character level), like the LSTM: the last 10% of the text held
 * out, the rest cut into `batch` streams for truncated BPTT with the state carried, global-norm clipping, Adam.
 * A model folder holds model.json (config, vocabulary, parameters, history, checksum) and weights.bin (float32 LE
 * parameters), written atomically; loadRnn reads it back with checks.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BatcherError, StreamBatcher } from '../lm/batcher';
import { MODEL_JSON, ModelDirError, readModelJson } from '../lm/modelDir';
import { HELD_OUT_FRACTION } from '../lm/split';
import { splitTokens, Vocab, type VocabJson } from '../lm/vocab';
import { Adam, clipGlobalNorm, type OpsKind } from '../lstm/model';
import { LmInputError } from '../lstm/engine';
import { assertWritableModelDir } from '../lstm/checkpoint';
import { LSTM_PARAMS } from '../lstm/params';
import type { ParamSpec, ParamValues } from '../params';
import { validateParams } from '../params';
import { checkStopped, makeYielder, StoppedError, type TrainContext } from '../training';
import { writeDirAtomic } from '../util/atomicWrite';
import { initRnnParams, rnnLayout, RnnWorkspace, type RnnConfig } from './model';

/** Hyperparameters of the RNN language model (pure data): the LSTM's, where they mean the same thing. */
const RNN_OVERRIDES: Record<string, Partial<ParamSpec>> = {
  embedding: { description: 'Dimension of the character embeddings' },
  hidden: { description: 'Units of the recurrent layer' },
  steps: { description: 'Training steps', default: 1000, min: 0 },
};
export const RNN_PARAMS: readonly ParamSpec[] = ['embedding', 'hidden', 'batch', 'seq', 'lr', 'clip', 'steps', 'seed'].map((name) => {
  const spec = LSTM_PARAMS.find((s) => s.name === name);
  if (!spec) throw new Error(`internal: LSTM_PARAMS has no ${name}`);
  return { ...spec, ...RNN_OVERRIDES[name] } as ParamSpec;
});

export const RNN_FORMAT = 'ml-study-rnn';
const WEIGHTS = 'weights.bin';

export interface RnnModel {
  type: 'rnn';
  config: RnnConfig;
  vocab: Vocab;
  theta: Float32Array;
}

export interface TrainRnnResult {
  model: RnnModel;
  steps: number;
  /** Mean training loss of each report interval. */
  history: { step: number; trainLoss: number }[];
  trainLoss: number;
  heldOutLoss: number;
  stopped: boolean;
  seconds: number;
  outDir?: string;
}

/** Mean cross-entropy (nats per token) of the model on ids, with the state carried along one stream. */
export function rnnLoss(model: RnnModel, ids: Int32Array, ops: OpsKind = 'wasm'): number {
  const T = Math.min(64, ids.length - 1);
  if (T < 1) return NaN;
  const ws = new RnnWorkspace(model.config, 1, T, { ops });
  ws.theta.set(model.theta);
  ws.resetState();
  let sum = 0;
  let n = 0;
  for (let s = 0; s + T < ids.length; s += T) {
    sum += ws.forward(ids.subarray(s, s + T), ids.subarray(s + 1, s + T + 1)) * T;
    n += T;
  }
  return sum / n;
}

export async function trainRnn(raw: ParamValues, text: string, ctx: TrainContext, opts: { outDir?: string; ops?: OpsKind } = {}): Promise<TrainRnnResult> {
  const p = validateParams(RNN_PARAMS, raw);
  if (opts.outDir) assertWritableModelDir(opts.outDir);
  const toks = splitTokens(text, 'char');
  if (toks.length < 4) throw new LmInputError(`the text has ${toks.length} character(s); a language model needs far more`);
  const cut = toks.length - Math.max(1, Math.round(toks.length * HELD_OUT_FRACTION));
  const vocab = Vocab.fromTokens(toks.slice(0, cut), 'char');
  const ids = vocab.encodeTokens(toks).ids;
  const trainIds = ids.subarray(0, cut);
  const held = ids.subarray(cut);
  const T = p.seq as number;
  const B = Math.max(1, Math.min(p.batch as number, Math.floor((trainIds.length - 1) / T)));
  let batcher: StreamBatcher;
  try {
    batcher = new StreamBatcher(trainIds, B, T);
  } catch (e) {
    if (e instanceof BatcherError) throw new LmInputError(e.message);
    throw e;
  }
  const config: RnnConfig = { vocabSize: vocab.size, embedding: p.embedding as number, hidden: p.hidden as number };
  const ws = new RnnWorkspace(config, B, T, { ops: opts.ops });
  initRnnParams(config, p.seed as number, ws.theta);
  const adam = new Adam(ws.P, p.lr as number);
  const steps = p.steps as number;
  const history: { step: number; trainLoss: number }[] = [];
  const pause = makeYielder();
  const started = Date.now();
  let step = 0;
  let stopped = false;
  let sum = 0;
  let count = 0;
  const every = Math.max(1, Math.floor(steps / 200));
  try {
    for (step = 0; step < steps; ) {
      const batch = batcher.next();
      if (batch.reset) ws.resetState();
      const loss = ws.forward(batch.inputs, batch.targets);
      if (!Number.isFinite(loss)) throw new Error(`the loss diverged (${loss}) at step ${step + 1}; lower the learning rate`);
      ws.backward();
      clipGlobalNorm(ws.grad, p.clip as number);
      adam.step(ws.theta, ws.grad);
      step++;
      sum += loss;
      count++;
      if (step % every === 0 || step === steps) {
        history.push({ step, trainLoss: sum / count });
        ctx.onProgress({ step, total: steps, loss: sum / count, epoch: batch.epoch + 1 });
        sum = 0;
        count = 0;
      }
      checkStopped(ctx.signal);
      await pause();
    }
  } catch (e) {
    if (!(e instanceof StoppedError)) throw e;
    stopped = true;
  }
  const model: RnnModel = { type: 'rnn', config, vocab, theta: Float32Array.from(ws.theta) };
  const heldOutLoss = held.length >= 2 ? rnnLoss(model, held, opts.ops) : NaN;
  const result: TrainRnnResult = { model, steps: step, history, trainLoss: history.length ? history[history.length - 1].trainLoss : NaN, heldOutLoss, stopped, seconds: (Date.now() - started) / 1000 };
  if (opts.outDir) {
    saveRnn(opts.outDir, model, { params: p, step, history });
    result.outDir = opts.outDir;
  }
  return result;
}

export function saveRnn(dir: string, model: RnnModel, extra: Record<string, unknown>): void {
  const buf = Buffer.alloc(model.theta.length * 4);
  for (let i = 0; i < model.theta.length; i++) buf.writeFloatLE(model.theta[i], i * 4);
  const meta = {
    format: RNN_FORMAT,
    version: 1,
    type: 'rnn',
    config: model.config,
    vocab: model.vocab.toJSON(),
    ...extra,
    weights: { file: WEIGHTS, bytes: buf.length, sha256: crypto.createHash('sha256').update(buf).digest('hex') },
    savedAt: new Date().toISOString(),
  };
  writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, WEIGHTS), buf);
    fs.writeFileSync(path.join(tmp, MODEL_JSON), JSON.stringify(meta, null, 1) + '\n');
  });
}

/** Load an RNN model folder, refusing a corrupt or mismatched one with one clear sentence. */
export function loadRnn(dir: string): RnnModel {
  const j = readModelJson(dir) as { format?: unknown; type?: unknown; config?: RnnConfig; vocab?: VocabJson; weights?: { bytes?: number; sha256?: string } };
  const corrupt = (what: string) => new ModelDirError(`the RNN model in ${dir} is corrupt: ${what}`);
  if (j.type !== 'rnn') throw new ModelDirError(`${dir} holds a ${String(j.type)} model, not an RNN`);
  if (j.format !== RNN_FORMAT) throw corrupt('unknown format');
  const c = j.config;
  const okInt = (x: unknown, lo: number, hi: number) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!c || !okInt(c.vocabSize, 2, 1_000_000) || !okInt(c.embedding, 1, 1024) || !okInt(c.hidden, 1, 1024)) throw corrupt('the configuration is missing or out of range');
  let vocab: Vocab;
  try {
    vocab = Vocab.fromJSON(j.vocab);
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  if (vocab.size !== c.vocabSize) throw corrupt(`the vocabulary has ${vocab.size} tokens, the model expects ${c.vocabSize}`);
  const P = rnnLayout(c).total;
  const file = path.join(dir, WEIGHTS);
  if (!fs.existsSync(file)) throw corrupt(`${WEIGHTS} is missing`);
  const buf = fs.readFileSync(file);
  if (buf.length !== P * 4 || j.weights?.bytes !== P * 4) throw corrupt(`${WEIGHTS} has ${buf.length} bytes, expected ${P * 4}`);
  if (crypto.createHash('sha256').update(buf).digest('hex') !== j.weights?.sha256) throw corrupt(`${WEIGHTS} does not match its checksum`);
  const theta = new Float32Array(P);
  for (let i = 0; i < P; i++) theta[i] = buf.readFloatLE(i * 4);
  if (!theta.every(Number.isFinite)) throw corrupt('the weights contain NaN or infinite values');
  return { type: 'rnn', config: c, vocab, theta };
}
