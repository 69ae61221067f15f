/**
 * `npm run bench:attention`: trains the project's Transformer (src/core/attention/transformer.ts) and a
 * straightforward tfjs implementation (bench/attention/straightforward.ts) with the same configuration — 1 layer,
 * 1 head, d_model 64, FFN 256, batch 32, sequence 64, characters of the Brown corpus, Adam 3e-3, wasm backend — for
 * the same wall time each, and reports steps/s and losses as median and range over --repeats repeats.
 *
 * Within a repeat the models alternate in turns of a few seconds, so a change of machine load hits all alike (the
 * one that goes first rotates from repeat to repeat). All draw the same random training windows in the same order
 * from the same initial weights; the held-out loss of each is measured on the same 32 windows of the held-out 10% of
 * the text, outside the timed budget.
 *
 * A third row trains the project's model with each batch split over two threads (ParallelTrainer, `--threads 2`).
 */
import { initTf } from '../../src/core/tf/backend';
import { loadBrownText } from '../../src/core/corpus/brown';
import { Vocab } from '../../src/core/lm/vocab';
import { heldOutSplit } from '../../src/core/lm/split';
import { Rng } from '../../src/core/util/rng';
import { initialWeights, Trainer, TransformerLM, type TransformerConfig } from '../../src/core/attention/transformer';
import { randomWindows } from '../../src/core/attention/transformerTrainer';
import { StraightforwardTransformer } from './straightforward';
import { ParallelTrainer } from '../../src/core/attention/parallel';
import { wordBench } from './word';
import { headsBench } from './heads';
import { columns, eachRepeat, Flags, interleave, loadAverage, log, saveResultTo, startResult, stats, untimed } from '../lib/results';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:attention -- [--seconds N] [--slice N] [--repeats N] [--one-thread] [--out FILE]
       npm run bench:attention -- --heads [--seconds N] [--windows N] [--set NAME=VALUE,...] [--out FILE]
       npm run bench:attention -- --word [--seconds N] [--slice N] [--repeats N] [--vocab N] [--samples N] [--out FILE]
  --seconds     training wall time per model in each repeat (default 30)
  --slice       seconds per turn (default 5)
  --repeats     independent repeats (default 3)
  --one-thread  leave out the two-thread row
  --out         result file (default bench/results/attention-<date>.json)
  --heads       instead: train the preset "Train on Brown, word level (3 min)" (--seconds, default 180) and count
                its previous-token and sentence-start heads on --windows held-out windows (default 64;
                bench/results/attention-heads-<date>.json); --set lr=0.01,warmup=50 trains a variant of the preset
  --word        instead: the Transformer on Brown words (--vocab words, default 10000; --layers, --heads, default 1)
                with the full softmax against the sampled softmax (--samples draws a batch, default 512),
                interleaved, both scored with the full softmax on --eval-windows held-out windows (default 128;
                defaults --seconds 30 --slice 10; bench/results/attention-word-<date>.json)
`,
);

interface Runner {
  name: string;
  step(inputs: Int32Array, targets: Int32Array): Promise<number>;
  heldOut(inputs: Int32Array, targets: Int32Array): number;
  dispose(): Promise<void> | void;
  rng: Rng;
  steps: number;
  ms: number;
  recent: number[];
}

const B = 32, T = 64, D = 64, FFN = 256, LR = 3e-3, SEED = 1;

async function makeRunners(cfg: TransformerConfig, twoThreads: boolean): Promise<Runner[]> {
  const fresh = () => ({ rng: new Rng(SEED + 1), ...untimed(), recent: [] as number[] });
  const plain = new StraightforwardTransformer({ vocab: cfg.vocab, d: D, ffn: FFN, seq: T, lr: LR, seed: SEED });
  const fast = new TransformerLM(cfg, initialWeights(cfg, SEED));
  const fastTrainer = new Trainer(fast, LR);
  const runners: Runner[] = [
    { name: 'straightforward tfjs', step: (x, y) => plain.step(x, y, B), heldOut: (x, y) => plain.evalLoss(x, y, B), dispose: () => plain.dispose(), ...fresh() },
    { name: 'project, 1 thread', step: (x, y) => fastTrainer.step(x, y, B), heldOut: (x, y) => fast.loss(x, y, B), dispose: () => (fastTrainer.dispose(), fast.dispose()), ...fresh() },
  ];
  if (twoThreads) {
    const fast2 = new TransformerLM(cfg, initialWeights(cfg, SEED));
    const parallel = await ParallelTrainer.create(fast2, LR);
    runners.push({ name: 'project, 2 threads (half batch each)', step: (x, y) => parallel.step(x, y, B), heldOut: (x, y) => fast2.loss(x, y, B), dispose: async () => (await parallel.dispose(), fast2.dispose()), ...fresh() });
  }
  return runners;
}

/** Turns of `slice` seconds, in the given order, until every runner has trained `seconds`. */
function trainInTurns(order: Runner[], text: Int32Array, seconds: number, slice: number): Promise<void> {
  const next = (r: Runner) => {
    const { inputs, targets } = randomWindows(text, B, T, r.rng);
    return async () => {
      r.recent.push(await r.step(inputs, targets));
      if (r.recent.length > 20) r.recent.shift();
    };
  };
  return interleave(order, seconds, slice, next, (r) => `train loss ${mean(r.recent).toFixed(3)}`);
}

async function main() {
  const seconds = flags.number('seconds', 30);
  const slice = flags.number('slice', 5);
  const repeats = flags.number('repeats', 3, true);
  const twoThreads = !flags.has('one-thread');
  const backend = await initTf();
  if (backend !== 'wasm') log('warning: the wasm backend is not available; timings are for the cpu backend');
  const text = loadBrownText();
  const vocab = Vocab.build(text, 'char');
  const { train: trainIds, heldOut } = heldOutSplit(vocab.encode(text).ids);
  const evalIn = new Int32Array(B * T);
  const evalOut = new Int32Array(B * T);
  for (let w = 0; w < B; w++) {
    evalIn.set(heldOut.subarray(w * T * 7, w * T * 7 + T), w * T);
    evalOut.set(heldOut.subarray(w * T * 7 + 1, w * T * 7 + T + 1), w * T);
  }
  const cfg: TransformerConfig = { vocab: vocab.size, layers: 1, heads: 1, dModel: D, ffn: FFN, seq: T };
  const result = startResult('attention', `Transformer language model, Brown characters: ${repeats} interleaved repeats of ${seconds} s per model (turns of ${slice} s)`, repeats, {
    layers: 1, heads: 1, dModel: D, ffn: FFN, batch: B, seq: T, lr: LR, seconds, slice, backend, vocab: vocab.size, trainChars: trainIds.length, heldOutChars: heldOut.length,
  });
  log(`Brown characters: ${trainIds.length} training, ${heldOut.length} held out, V = ${vocab.size}; ${repeats} × ${seconds} s per model in ${slice} s turns; load ${loadAverage().join(' ')}`);
  const per = new Map<string, { stepsPerSecond: number[]; msPerStep: number[]; steps: number[]; trainLoss: number[]; heldOut: number[]; ratio: number[] }>();
  await eachRepeat(result, repeats, async (rep) => {
    const runners = await makeRunners(cfg, twoThreads);
    const order = runners.map((_, i) => runners[(i + rep) % runners.length]);
    log(`order: ${order.map((r) => r.name).join(', then ')}`);
    await trainInTurns(order, trainIds, seconds, slice);
    const base = runners[0].steps / (runners[0].ms / 1000);
    for (const r of runners) {
      const p = per.get(r.name) ?? { stepsPerSecond: [], msPerStep: [], steps: [], trainLoss: [], heldOut: [], ratio: [] };
      per.set(r.name, p);
      const sps = r.steps / (r.ms / 1000);
      p.stepsPerSecond.push(sps);
      p.msPerStep.push(r.ms / r.steps);
      p.steps.push(r.steps);
      p.trainLoss.push(mean(r.recent));
      p.heldOut.push(r.heldOut(evalIn, evalOut));
      p.ratio.push(sps / base);
      await r.dispose();
    }
  });
  result.table.columns = columns({
    implementation: 'implementation', steps: 'steps', msPerStep: ['ms/step', 1], stepsPerSecond: ['steps/s', 2], ratio: ['speed ratio (same repeat)', 2], trainLoss: ['train loss (last 20 steps)', 3], heldOut: ['held-out loss (nats/char)', 3],
  });
  for (const [name, p] of per) result.table.rows.push({ implementation: name, ...stats(p) });
  saveResultTo(result, flags);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

(flags.has('heads') ? headsBench(flags) : flags.has('word') ? wordBench(flags) : main()).catch((e) => {
  process.stderr.write(`bench:attention: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
