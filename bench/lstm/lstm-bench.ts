/**
 * `npm run bench:lstm`: the project's char-level LSTM (src/core/lstm, hand-written forward/backward on the
 * WebAssembly SIMD kernel) against a plain `tf.layers` model (one-hot "embedding" dense 32 → LSTM 128 → dense
 * softmax; one-hot because tf.gather has no gradient on the wasm backend), on one thread each, with the same
 * configuration — batch 32, sequence 64, hidden 128, embedding 32, Adam lr 3e-3, no gradient clipping, no dropout —
 * the same initial weights (ours, copied into the tf.layers model) and the same stateful protocol: both read the
 * same 32 contiguous streams of the first 90% of the Brown text and carry the LSTM state from batch to batch (the
 * tf.layers model is `stateful`), resetting it at the start of each epoch.
 *
 * The two alternate in turns of --slice seconds until each has trained for --budget seconds; the whole is repeated
 * --repeats times (the one that goes first alternates) and each figure is reported as median and range. After
 * each repeat both are scored on the same held-out windows (the first --eval-tokens characters of the last 10%, cut
 * into windows of 65: 64 inputs, 64 targets, each from a zero state); ours also with the state carried across.
 */
import { loadBrownText } from '../../src/core/corpus/brown';
import { Vocab, splitTokens } from '../../src/core/lm/vocab';
import { StreamBatcher } from '../../src/core/lm/batcher';
import { Adam, initParams, paramLayout, Workspace, type LstmConfig } from '../../src/core/lstm/model';
import { scoreIds, type LstmModel } from '../../src/core/lstm/engine';
import { initTf, tf } from '../../src/core/tf/backend';
import { wordBench } from './word';
import { columns, eachRepeat, Flags, interleave, loadAverage, log, saveResultTo, startResult, stat, untimed } from '../lib/results';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:lstm -- [--budget SECONDS] [--slice SECONDS] [--repeats N] [--eval-tokens N] [--out FILE]
       npm run bench:lstm -- --word [--budget S] [--slice S] [--repeats N] [--vocab N] [--samples N] [--eval-tokens N] [--out FILE]
  --budget       training seconds per model in each repeat (default 40)
  --slice        seconds per turn before the other model trains (default 5)
  --repeats      independent repeats, each from the same initial weights (default 3)
  --eval-tokens  held-out characters scored after each repeat (default 65536)
  --out          result file (default bench/results/lstm-<date>.json)
  --word         instead: the word-level LSTM on Brown (--vocab words, default 10000) with the full softmax against
                 the sampled softmax (--samples draws a batch, default 512), interleaved, both scored with the full
                 softmax (defaults --budget 30 --slice 10 --eval-tokens 16384; bench/results/lstm-word-<date>.json)
`,
);
const BUDGET = flags.number('budget', 40);
const SLICE = flags.number('slice', 5);
const REPEATS = flags.number('repeats', 3, true);
const EVAL_TOKENS = flags.number('eval-tokens', 65536, true);
const B = 32;
const T = 64;
const E = 32;
const H = 128;
const LR = 3e-3;
const SEED = 1;

interface Runner {
  name: string;
  engine: string;
  /** One training step on the next batch of the streams; returns the loss. */
  step(): Promise<number>;
  /** Mean cross-entropy (nats) over the zero-state held-out windows. */
  heldOut(w: Windows): Promise<number>;
  dispose(): void;
  steps: number;
  ms: number;
  lastLoss: number;
}

interface Windows {
  inputs: Int32Array;
  targets: Int32Array;
  n: number;
}

/** Held-out windows of 65 characters: inputs [n, 64] and targets [n, 64], window-major. */
function windows(held: Int32Array): Windows {
  const n = Math.floor(Math.min(held.length, EVAL_TOKENS) / (T + 1));
  const inputs = new Int32Array(n * T);
  const targets = new Int32Array(n * T);
  for (let w = 0; w < n; w++) {
    for (let t = 0; t < T; t++) {
      inputs[w * T + t] = held[w * (T + 1) + t];
      targets[w * T + t] = held[w * (T + 1) + t + 1];
    }
  }
  return { inputs, targets, n };
}

function ours(cfg: LstmConfig, theta0: Float32Array, train: Int32Array): Runner & { ws: Workspace } {
  const ws = new Workspace(cfg, B, T, { ops: 'wasm' });
  ws.theta.set(theta0);
  const adam = new Adam(ws.P, LR);
  const batcher = new StreamBatcher(train, B, T);
  return {
    name: 'ours: hand-written LSTM, wasm SIMD kernel',
    engine: ws.ops.kind,
    ws,
    ...untimed(),
    lastLoss: NaN,
    async step() {
      const b = batcher.next();
      if (b.reset) ws.resetState();
      const loss = ws.forward(b.inputs, b.targets, true);
      ws.backward();
      adam.step(ws.theta, ws.grad);
      return loss;
    },
    async heldOut(w) {
      const ev = new Workspace(cfg, B, T, { ops: 'wasm', train: false });
      ev.theta.set(ws.theta);
      let sum = 0;
      for (let s = 0; s < w.n; s += B) {
        const nb = Math.min(B, w.n - s);
        const inp = new Int32Array(B * T);
        const tgt = new Int32Array(B * T);
        inp.set(w.inputs.subarray(s * T, (s + nb) * T));
        tgt.set(w.targets.subarray(s * T, (s + nb) * T));
        ev.resetState();
        ev.forward(inp, tgt, false);
        for (let t = 0; t < T; t++) for (let b = 0; b < nb; b++) sum += ev.surp[t * B + b];
      }
      return sum / (w.n * T);
    },
    dispose() {},
  };
}

/** The tf.layers weights in the order of model.getWeights(): emb, kernel, recurrent kernel, bias, dense W, dense b. */
function layersWeights(cfg: LstmConfig, theta: Float32Array): tf.Tensor[] {
  return paramLayout(cfg).entries.map((e) => tf.tensor(theta.slice(e.offset, e.offset + e.size), e.shape));
}

function layersModel(V: number, batch: number | null, stateful: boolean): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ ...(batch ? { batchInputShape: [batch, T, V] } : { inputShape: [T, V] }), units: E, useBias: false, name: 'onehot_embedding' }));
  model.add(tf.layers.lstm({ units: H, returnSequences: true, stateful }));
  model.add(tf.layers.dense({ units: V, activation: 'softmax' }));
  return model;
}

function baseline(cfg: LstmConfig, theta0: Float32Array, train: Int32Array, backend: string): Runner {
  const V = cfg.vocabSize;
  const model = layersModel(V, B, true);
  const w0 = layersWeights(cfg, theta0);
  model.setWeights(w0);
  w0.forEach((t) => t.dispose());
  model.compile({ optimizer: tf.train.adam(LR), loss: 'categoricalCrossentropy' });
  const batcher = new StreamBatcher(train, B, T);
  const oneHot = (ids: Int32Array) => tf.tidy(() => tf.oneHot(tf.tensor2d(ids, [ids.length / T, T], 'int32'), V).toFloat());
  return {
    name: 'baseline: tf.layers LSTM (one-hot embedding), stateful',
    engine: `tfjs ${backend}`,
    ...untimed(),
    lastLoss: NaN,
    async step() {
      const b = batcher.next();
      if (b.reset) model.resetStates();
      const x = oneHot(b.inputs);
      const y = oneHot(b.targets);
      const loss = Number(await model.trainOnBatch(x, y));
      x.dispose();
      y.dispose();
      return loss;
    },
    async heldOut(w) {
      // a stateless copy with the trained weights scores each window from a zero state
      const ev = layersModel(V, null, false);
      ev.setWeights(model.getWeights());
      let sum = 0;
      for (let s = 0; s < w.n; s += B) {
        const nb = Math.min(B, w.n - s);
        const part = tf.tidy(() => {
          const x = oneHot(w.inputs.subarray(s * T, (s + nb) * T));
          const p = ev.predict(x) as tf.Tensor3D;
          const y = oneHot(w.targets.subarray(s * T, (s + nb) * T));
          return tf.neg(tf.sum(tf.mul(y, tf.log(tf.maximum(p, 1e-30)))));
        });
        sum += (await part.data())[0];
        part.dispose();
      }
      ev.dispose();
      return sum / (w.n * T);
    },
    dispose() {
      model.dispose();
    },
  };
}

/** Alternate turns of SLICE seconds until every runner has trained BUDGET seconds. */
function trainInTurns(runners: Runner[]): Promise<void> {
  const next = (r: Runner) => async () => {
    r.lastLoss = await r.step();
  };
  return interleave(runners, BUDGET, SLICE, next, (r) => `loss ${r.lastLoss.toFixed(3)}`);
}

async function main() {
  const backend = await initTf('wasm');
  const text = loadBrownText();
  const toks = splitTokens(text, 'char');
  const cut = toks.length - Math.round(toks.length * 0.1);
  const vocab = Vocab.fromTokens(toks.slice(0, cut), 'char');
  const ids = vocab.encodeTokens(toks).ids;
  const train = ids.subarray(0, cut);
  const held = ids.subarray(cut);
  const cfg: LstmConfig = { vocabSize: vocab.size, embedding: E, hidden: H, layers: 1, dropout: 0 };
  const theta0 = Float32Array.from(initParams(cfg, SEED));
  const w = windows(held);
  const result = startResult('lstm', `LSTM language model, Brown characters: ${REPEATS} interleaved repeats of ${BUDGET} s per model (turns of ${SLICE} s)`, REPEATS, {
    batch: B, seq: T, embedding: E, hidden: H, lr: LR, budgetSeconds: BUDGET, sliceSeconds: SLICE, evalTokens: EVAL_TOKENS, vocab: vocab.size, trainChars: train.length, heldOutChars: held.length, backend,
  });
  log(`Brown: ${toks.length} characters, vocabulary ${vocab.size}, ${train.length} train / ${held.length} held-out; ${REPEATS} × ${BUDGET} s per model; load ${loadAverage().join(' ')}`);
  const per: Record<string, { name: string; engine: string; charsPerSecond: number[]; msPerStep: number[]; steps: number[]; ce: number[]; streaming: number[] }> = {};
  await eachRepeat(result, REPEATS, async (rep) => {
    const mine = ours(cfg, theta0, train);
    const base = baseline(cfg, theta0, train, backend);
    if (rep === 0) {
      // the same initial weights: both models give the same loss before training
      const few = { inputs: w.inputs.subarray(0, 32 * T), targets: w.targets.subarray(0, 32 * T), n: Math.min(32, w.n) };
      const [a, b] = [await mine.heldOut(few), await base.heldOut(few)];
      result.notes.push(`Before training, on the first ${few.n} held-out windows: ours ${a.toFixed(5)} nats, tf.layers ${b.toFixed(5)} nats (the same initial weights).`);
      if (Math.abs(a - b) > 1e-3) throw new Error(`the two models do not start from the same weights (${a} vs ${b})`);
    }
    const runners = rep % 2 === 0 ? [base, mine] : [mine, base];
    log(`${runners[0].name.split(':')[0]} first`);
    await trainInTurns(runners);
    for (const r of [base, mine]) {
      const key = r === base ? 'baseline' : 'ours';
      const p = (per[key] ??= { name: r.name, engine: r.engine, charsPerSecond: [], msPerStep: [], steps: [], ce: [], streaming: [] });
      p.charsPerSecond.push((r.steps * B * T) / (r.ms / 1000));
      p.msPerStep.push(r.ms / r.steps);
      p.steps.push(r.steps);
      p.ce.push(await r.heldOut(w));
    }
    const model: LstmModel = { type: 'lstm', config: cfg, vocab, theta: mine.ws.theta as Float32Array };
    const stream = scoreIds(model, held, EVAL_TOKENS);
    per.ours.streaming.push(stream.reduce((a, x) => a + x, 0) / stream.length);
    base.dispose();
  });
  const baseSpeed = per.baseline.charsPerSecond;
  result.table.columns = columns({
    model: 'model', engine: 'engine', steps: 'steps', charsPerSecond: 'chars/s', msPerStep: ['ms/step', 1], ratio: ['speed ratio (same repeat)', 2], ce: ['held-out CE, zero-state windows (nats)', 4], bits: ['bits/char', 4],
  });
  for (const key of ['baseline', 'ours']) {
    const p = per[key];
    result.table.rows.push({
      model: p.name,
      engine: p.engine,
      steps: stat(p.steps),
      charsPerSecond: stat(p.charsPerSecond),
      msPerStep: stat(p.msPerStep),
      ratio: stat(p.charsPerSecond.map((c, i) => c / baseSpeed[i])),
      ce: stat(p.ce),
      bits: stat(p.ce.map((c) => c / Math.LN2)),
    });
  }
  const s = stat(per.ours.streaming);
  result.notes.push(`Ours scored with the state carried across the held-out text (as it is trained and as \`ml-study perplexity\` scores): ${s.median.toFixed(4)} nats (${s.min.toFixed(4)}–${s.max.toFixed(4)}), ${(s.median / Math.LN2).toFixed(4)} bits/char.`);
  saveResultTo(result, flags);
}

(flags.has('word') ? wordBench(flags) : main()).catch((e) => {
  process.stderr.write(`bench:lstm failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
