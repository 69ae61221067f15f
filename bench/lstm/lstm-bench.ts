/**
 * `npm run bench:lstm`: trains, in one run, the project's char-level LSTM (src/core/lstm, hand-written
 * forward/backward on the WebAssembly SIMD kernel) and a plain `tf.layers` model (one-hot "embedding" dense 32 →
 * LSTM 128 → dense softmax; one-hot because tf.gather has no gradient on the wasm backend) with the same
 * configuration — batch 32, sequence 64, hidden 128, embedding 32, Adam lr 3e-3, no gradient clipping, no dropout —
 * both on one thread, on the Brown text (first 90% for training, same batches), each for the same wall-clock
 * budget. Then both are scored on the same held-out windows (the first --eval-tokens characters of the last 10%,
 * cut into windows of 65: 64 inputs, 64 targets, each window from a zero state, as the baseline is trained).
 *
 * Flags: --budget SECONDS (default 120), --eval-tokens N (default 65536), --only ours|baseline, --json.
 */
import { execSync } from 'node:child_process';
import * as os from 'node:os';
import { loadBrownText } from '../../src/core/corpus/brown';
import { Vocab, splitTokens } from '../../src/core/lm/vocab';
import { StreamBatcher } from '../../src/core/lm/batcher';
import { Adam, initParams, Workspace, type LstmConfig } from '../../src/core/lstm/model';
import { scoreIds, type LstmModel } from '../../src/core/lstm/engine';
import { initTf, tf } from '../../src/core/tf/backend';

const argv = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const BUDGET = Number(flag('budget', '120'));
const EVAL_TOKENS = Number(flag('eval-tokens', '65536'));
const ONLY = flag('only', 'both');
const JSON_OUT = argv.includes('--json');
const B = 32;
const T = 64;
const E = 32;
const H = 128;
const LR = 3e-3;
const log = (s: string) => process.stderr.write(s + '\n');
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

interface Row {
  model: string;
  steps: number;
  seconds: number;
  charsPerSecond: number;
  msPerStep: number;
  heldOutCE: number;
  bitsPerChar: number;
  streamingCE?: number;
  engine: string;
}

/** Held-out windows of 65 characters: inputs [nw, 64] and targets [nw, 64], batch-major. */
function windows(held: Int32Array): { inputs: Int32Array; targets: Int32Array; n: number } {
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

async function ours(train: Int32Array, held: Int32Array, V: number): Promise<Row> {
  const cfg: LstmConfig = { vocabSize: V, embedding: E, hidden: H, layers: 1, dropout: 0 };
  const ws = new Workspace(cfg, B, T, { ops: 'wasm' });
  initParams(cfg, 1, ws.theta);
  const adam = new Adam(ws.P, LR);
  const batcher = new StreamBatcher(train, B, T);
  let steps = 0;
  const t0 = performance.now();
  let last = t0;
  while ((performance.now() - t0) / 1000 < BUDGET) {
    const b = batcher.next();
    if (b.reset) ws.resetState();
    const loss = ws.forward(b.inputs, b.targets, true);
    ws.backward();
    adam.step(ws.theta, ws.grad);
    steps++;
    if (performance.now() - last > 10000) {
      last = performance.now();
      log(`  ours: step ${steps}, loss ${loss.toFixed(3)}, ${(((performance.now() - t0) / steps)).toFixed(1)} ms/step`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  // held-out: the same zero-state windows as the baseline
  const w = windows(held);
  const ev = new Workspace(cfg, B, T, { ops: 'wasm', train: false });
  ev.theta.set(ws.theta);
  let sum = 0;
  let count = 0;
  for (let s = 0; s < w.n; s += B) {
    const nb = Math.min(B, w.n - s);
    const inp = new Int32Array(B * T);
    const tgt = new Int32Array(B * T);
    inp.set(w.inputs.subarray(s * T, (s + nb) * T));
    tgt.set(w.targets.subarray(s * T, (s + nb) * T));
    ev.resetState();
    ev.forward(inp, tgt, false);
    for (let t = 0; t < T; t++) for (let b = 0; b < nb; b++) sum += ev.surp[t * B + b];
    count += nb * T;
  }
  const ce = sum / count;
  const model: LstmModel = { type: 'lstm', config: cfg, vocab: new Vocab('char', ['<unk>', ...Array.from({ length: V - 1 }, (_, i) => String(i))]), theta: ws.theta as Float32Array };
  const stream = scoreIds(model, held, EVAL_TOKENS);
  let ss = 0;
  for (const x of stream) ss += x;
  return { model: 'ours: hand-written LSTM, wasm SIMD kernel', steps, seconds, charsPerSecond: (steps * B * T) / seconds, msPerStep: (seconds * 1000) / steps, heldOutCE: ce, bitsPerChar: ce / Math.LN2, streamingCE: ss / stream.length, engine: ws.ops.kind };
}

async function baseline(train: Int32Array, held: Int32Array, V: number): Promise<Row> {
  const backend = await initTf('wasm');
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [T, V], units: E, useBias: false, name: 'onehot_embedding' }));
  model.add(tf.layers.lstm({ units: H, returnSequences: true }));
  model.add(tf.layers.dense({ units: V, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(LR), loss: 'categoricalCrossentropy' });
  const batcher = new StreamBatcher(train, B, T);
  const oneHot = (ids: Int32Array) => tf.tidy(() => tf.oneHot(tf.tensor2d(ids, [ids.length / T, T], 'int32'), V).toFloat());
  let steps = 0;
  const t0 = performance.now();
  let last = t0;
  while ((performance.now() - t0) / 1000 < BUDGET) {
    const b = batcher.next();
    const x = oneHot(b.inputs);
    const y = oneHot(b.targets);
    const loss = (await model.trainOnBatch(x, y)) as number;
    x.dispose();
    y.dispose();
    steps++;
    if (performance.now() - last > 10000) {
      last = performance.now();
      log(`  baseline: step ${steps}, loss ${Number(loss).toFixed(3)}, ${(((performance.now() - t0) / steps)).toFixed(1)} ms/step`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const w = windows(held);
  let sum = 0;
  for (let s = 0; s < w.n; s += B) {
    const nb = Math.min(B, w.n - s);
    const part = tf.tidy(() => {
      const x = oneHot(w.inputs.subarray(s * T, (s + nb) * T));
      const p = model.predict(x) as tf.Tensor3D;
      const y = oneHot(w.targets.subarray(s * T, (s + nb) * T));
      return tf.neg(tf.sum(tf.mul(y, tf.log(tf.maximum(p, 1e-30)))));
    });
    sum += (await part.data())[0];
    part.dispose();
  }
  const ce = sum / (w.n * T);
  return { model: 'baseline: tf.layers LSTM (one-hot embedding)', steps, seconds, charsPerSecond: (steps * B * T) / seconds, msPerStep: (seconds * 1000) / steps, heldOutCE: ce, bitsPerChar: ce / Math.LN2, engine: `tfjs ${backend}` };
}

async function main() {
  const loadBefore = load();
  const text = loadBrownText();
  const toks = splitTokens(text, 'char');
  const cut = toks.length - Math.round(toks.length * 0.1);
  const vocab = Vocab.fromTokens(toks.slice(0, cut), 'char');
  const ids = vocab.encodeTokens(toks).ids;
  const train = ids.subarray(0, cut);
  const held = ids.subarray(cut);
  log(`Brown: ${toks.length} characters, vocabulary ${vocab.size} (with <unk>), ${train.length} train / ${held.length} held-out; budget ${BUDGET} s each; load ${loadBefore}`);
  const rows: Row[] = [];
  if (ONLY !== 'ours') {
    log('training the tf.layers baseline…');
    rows.push(await baseline(train, held, vocab.size));
  }
  if (ONLY !== 'baseline') {
    log('training ours…');
    rows.push(await ours(train, held, vocab.size));
  }
  const loadAfter = load();
  const base = rows.find((r) => r.model.startsWith('baseline'));
  const mine = rows.find((r) => r.model.startsWith('ours'));
  const ratio = base && mine ? mine.charsPerSecond / base.charsPerSecond : NaN;
  const heldOk = base && mine ? mine.heldOutCE <= base.heldOutCE : undefined;
  const cpu = os.cpus()[0]?.model ?? '?';
  let commit = '';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    /* not a checkout */
  }
  const lines = [
    `LSTM LM bench — Brown chars, batch ${B}, seq ${T}, embedding ${E}, hidden ${H}, Adam lr ${LR}, budget ${BUDGET} s each, held-out ${EVAL_TOKENS} chars in 65-char windows`,
    `node ${process.version}, ${os.cpus().length} × ${cpu}, commit ${commit || '?'}, load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}`,
    '',
    '| model | engine | steps | chars/s | ms/step | ratio | held-out CE (nats) | bits/char |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.model} | ${r.engine} | ${r.steps} | ${Math.round(r.charsPerSecond)} | ${r.msPerStep.toFixed(1)} | ${base ? (r.charsPerSecond / base.charsPerSecond).toFixed(2) + '×' : '—'} | ${r.heldOutCE.toFixed(4)} | ${r.bitsPerChar.toFixed(4)} |`),
  ];
  if (mine?.streamingCE !== undefined) lines.push('', `ours, scored with the state carried across the held-out text (as it is trained): ${mine.streamingCE.toFixed(4)} nats, ${(mine.streamingCE / Math.LN2).toFixed(4)} bits/char`);
  if (base && mine) lines.push('', `speed ratio ${ratio.toFixed(2)}× (target ≥ 3×): ${ratio >= 3 ? 'MET' : 'NOT MET'}; held-out CE ours ≤ baseline: ${heldOk ? 'MET' : 'NOT MET'}`);
  if (JSON_OUT) process.stdout.write(JSON.stringify({ budget: BUDGET, loadBefore, loadAfter, rows, ratio, heldOutOk: heldOk }) + '\n');
  else process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
