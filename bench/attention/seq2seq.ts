/**
 * Time to target of the reversal seq2seq (node dist/bench/attention/seq2seq.js [steps] [attention] [hidden] [batch] [lr]):
 * trains with the product's trainer and prints steps/s and the accuracies on 200 fresh inputs of length 5–12.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf } from '../../src/core/tf/backend';
import { trainSeq2seq } from '../../src/core/attention/seq2seqTrainer';

async function main() {
  const [steps = '1500', attention = 'dot', hidden = '64', batch = '64', lr = '0.005', task = 'reverse'] = process.argv.slice(2);
  console.log('backend', await initTf(), 'load', os.loadavg()[0].toFixed(2));
  const r = await trainSeq2seq({ task, steps: Number(steps), attention, hidden: Number(hidden), batch: Number(batch), lr: Number(lr), evalEvery: 100 }, {
    signal: new AbortController().signal,
    onProgress: (u) => {
      if (u.extra) console.log(`step ${u.step} loss ${u.loss.toFixed(4)} seq ${u.metrics?.sequenceAccuracy} align ${u.metrics?.alignmentAccuracy?.toFixed(3)} steps/s ${u.metrics?.stepsPerSecond.toFixed(1)}`);
    },
  }, { outDir: path.join(os.tmpdir(), 'ml-study-bench-seq2seq') });
  console.log(JSON.stringify({ ...r, params: undefined }));
}
main();
