/**
 * `npm run bench:attention`: trains, in one run, the project's Transformer (src/core/attention/transformer.ts) and a
 * straightforward tfjs implementation (bench/attention/straightforward.ts) with the same configuration — 1 layer,
 * 1 head, d_model 64, FFN 256, batch 32, sequence 64, characters of the Brown corpus, Adam 3e-3, wasm backend — for
 * the same wall time each, and prints steps/s and losses.
 *
 * The two alternate in slices of a few seconds, so a change of machine load in the middle hits both alike. Both
 * draw the same random training windows in the same order; the held-out loss of both is measured on the same 32
 * windows of the held-out 10% of the text, outside the timed budget.
 *
 * A third row trains the project's model with each batch split over two threads (ParallelTrainer, `--threads 2`);
 * the ≥ 2× target is checked on the one-thread row.
 *
 * Flags: --seconds N (training wall time per model, default 60), --slice N (seconds per turn, default 5),
 * --one-thread (skip the two-thread row), --json.
 */
import * as os from 'node:os';
import { initTf } from '../../src/core/tf/backend';
import { loadBrownText } from '../../src/core/corpus/brown';
import { Vocab } from '../../src/core/lm/vocab';
import { heldOutSplit } from '../../src/core/lm/split';
import { Rng } from '../../src/core/util/rng';
import { initialWeights, Trainer, TransformerLM } from '../../src/core/attention/transformer';
import { randomWindows } from '../../src/core/attention/transformerTrainer';
import { StraightforwardTransformer } from './straightforward';
import { ParallelTrainer } from '../../src/core/attention/parallel';

function flag(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return def;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

interface Runner {
  name: string;
  step(inputs: Int32Array, targets: Int32Array): Promise<number>;
  heldOut(inputs: Int32Array, targets: Int32Array): number;
  rng: Rng;
  steps: number;
  ms: number;
  recent: number[];
}

async function main() {
  const seconds = flag('seconds', 60);
  const slice = flag('slice', 5);
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(s + '\n');
  const backend = await initTf();
  if (backend !== 'wasm') log('warning: the wasm backend is not available; timings are for the cpu backend');
  const B = 32, T = 64, d = 64, ffn = 256, lr = 3e-3, seed = 1;
  const text = loadBrownText();
  const vocab = Vocab.build(text, 'char');
  const { train, heldOut } = heldOutSplit(vocab.encode(text).ids);
  const V = vocab.size;
  const evalIn = new Int32Array(B * T);
  const evalOut = new Int32Array(B * T);
  for (let w = 0; w < B; w++) {
    evalIn.set(heldOut.subarray(w * T * 7, w * T * 7 + T), w * T);
    evalOut.set(heldOut.subarray(w * T * 7 + 1, w * T * 7 + T + 1), w * T);
  }
  const load0 = os.loadavg();
  log(`Brown characters: ${train.length} training, ${heldOut.length} held out, V = ${V}; ${seconds} s per model in ${slice} s turns; load ${load0.map((x) => x.toFixed(2)).join(' ')}`);

  const cfg = { vocab: V, layers: 1, heads: 1, dModel: d, ffn, seq: T };
  const fast = new TransformerLM(cfg, initialWeights(cfg, seed));
  const fastTrainer = new Trainer(fast, lr);
  const plain = new StraightforwardTransformer({ vocab: V, d, ffn, seq: T, lr, seed });
  const runners: Runner[] = [
    { name: 'straightforward tfjs', step: (x, y) => plain.step(x, y, B), heldOut: (x, y) => plain.evalLoss(x, y, B), rng: new Rng(seed + 1), steps: 0, ms: 0, recent: [] },
    { name: 'project, 1 thread', step: (x, y) => fastTrainer.step(x, y, B), heldOut: (x, y) => fast.loss(x, y, B), rng: new Rng(seed + 1), steps: 0, ms: 0, recent: [] },
  ];
  // The same model with each batch split over two threads (--threads 2), unless --one-thread.
  let parallel: ParallelTrainer | undefined;
  let fast2: TransformerLM | undefined;
  if (!process.argv.includes('--one-thread')) {
    fast2 = new TransformerLM(cfg, initialWeights(cfg, seed));
    parallel = await ParallelTrainer.create(fast2, lr);
    const m2 = fast2;
    const p2 = parallel;
    runners.push({ name: 'project, 2 threads (half batch each)', step: (x, y) => p2.step(x, y, B), heldOut: (x, y) => m2.loss(x, y, B), rng: new Rng(seed + 1), steps: 0, ms: 0, recent: [] });
  }
  const initial = runners.map((r) => r.heldOut(evalIn, evalOut));
  const budget = seconds * 1000;
  while (runners.some((r) => r.ms < budget)) {
    for (const r of runners) {
      const turnEnd = Math.min(budget, r.ms + slice * 1000);
      while (r.ms < turnEnd) {
        const { inputs, targets } = randomWindows(train, B, T, r.rng);
        const t0 = performance.now();
        const loss = await r.step(inputs, targets);
        r.ms += performance.now() - t0;
        r.steps++;
        r.recent.push(loss);
        if (r.recent.length > 20) r.recent.shift();
      }
      log(`${r.name.padEnd(32)} ${(r.ms / 1000).toFixed(0).padStart(4)} s  ${String(r.steps).padStart(5)} steps  train loss ${mean(r.recent).toFixed(3)}`);
    }
  }
  const load1 = os.loadavg();
  const rows = runners.map((r, i) => ({
    implementation: r.name,
    steps: r.steps,
    seconds: r.ms / 1000,
    stepsPerSecond: r.steps / (r.ms / 1000),
    msPerStep: r.ms / r.steps,
    trainLoss: mean(r.recent),
    heldOutLossBefore: initial[i],
    heldOutLoss: r.heldOut(evalIn, evalOut),
  }));
  // The target is checked on the one-thread row; the two-thread row shows what a second core adds.
  const speedup = rows[1].stepsPerSecond / rows[0].stepsPerSecond;
  const lossOk = rows[1].heldOutLoss <= rows[0].heldOutLoss;
  const speedup2 = rows[2] ? rows[2].stepsPerSecond / rows[0].stepsPerSecond : undefined;
  const table = [
    '| implementation | steps | ms/step | steps/s | ratio | train loss (last 20) | held-out loss |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.implementation} | ${r.steps} | ${r.msPerStep.toFixed(1)} | ${r.stepsPerSecond.toFixed(2)} | ${(r.stepsPerSecond / rows[0].stepsPerSecond).toFixed(2)}× | ${r.trainLoss.toFixed(3)} | ${r.heldOutLoss.toFixed(3)} |`),
  ].join('\n');
  const summary = `one thread: speed-up ${speedup.toFixed(2)}× (target ≥ 2×: ${speedup >= 2 ? 'met' : 'NOT met'})${speedup2 ? `; two threads: ${speedup2.toFixed(2)}×` : ''}; held-out loss ${rows[1].heldOutLoss.toFixed(3)} vs ${rows[0].heldOutLoss.toFixed(3)} (${lossOk ? 'equal or lower' : 'HIGHER'}); load average ${load0[0].toFixed(2)} → ${load1[0].toFixed(2)}, ${os.cpus().length} CPUs, ${backend}, node ${process.version}`;
  if (json) process.stdout.write(JSON.stringify({ backend, seconds, batch: B, seq: T, rows, speedup, speedupTwoThreads: speedup2, targetMet: speedup >= 2 && lossOk, loadAverage: [load0[0], load1[0]] }) + '\n');
  else process.stdout.write(`${table}\n\n${summary}\n`);
  plain.dispose();
  fastTrainer.dispose();
  fast.dispose();
  await parallel?.dispose();
  fast2?.dispose();
  process.exitCode = speedup >= 2 && lossOk ? 0 : 1;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

main().catch((e) => {
  process.stderr.write(`bench:attention: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
