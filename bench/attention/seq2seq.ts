/**
 * Time to target of the seq2seq tasks (node dist/bench/attention/seq2seq.js [steps] [attention] [task]): trains with
 * the product's trainer (defaults: reverse, dot attention, 600 steps, lengths 5–12), prints the probe accuracies
 * (50 fresh inputs every 50 steps) with the training time so far, and the final accuracies on 200 fresh inputs.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf } from '../../src/core/tf/backend';
import { trainSeq2seq } from '../../src/core/attention/seq2seqTrainer';

async function main() {
  const [steps = '600', attention = 'dot', task = 'reverse'] = process.argv.slice(2);
  const load0 = os.loadavg()[0];
  console.log(`backend ${await initTf()}, load ${load0.toFixed(2)}`);
  const t0 = Date.now();
  let reached: string | undefined;
  const r = await trainSeq2seq({ task, steps: Number(steps), attention, evalEvery: 50 }, {
    signal: new AbortController().signal,
    onProgress: (u) => {
      if (!u.extra) return;
      const seq = u.metrics?.sequenceAccuracy ?? 0;
      const align = u.metrics?.alignmentAccuracy ?? 0;
      const line = `step ${u.step}  ${((Date.now() - t0) / 1000).toFixed(1)} s  loss ${u.loss.toFixed(4)}  sequence ${seq.toFixed(2)}  alignment ${align.toFixed(3)}  ${u.metrics?.stepsPerSecond.toFixed(2)} steps/s`;
      console.log(line);
      if (!reached && seq >= 0.9 && align >= 0.9) reached = line;
    },
  }, { outDir: path.join(os.tmpdir(), `ml-study-bench-seq2seq-${process.pid}`) });
  console.log(`first probe at ≥ 90% / ≥ 90%: ${reached ?? 'never'}`);
  console.log(`final on ${r.testInputs} fresh inputs: sequence ${r.sequenceAccuracy.toFixed(3)}, alignment ${r.alignmentAccuracy.toFixed(3)}, ${r.steps} steps in ${r.seconds.toFixed(1)} s (${r.stepsPerSecond.toFixed(2)} steps/s); load ${load0.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`);
}
main();
