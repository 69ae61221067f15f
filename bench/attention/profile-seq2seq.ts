/** Development aid: per-kernel times of one seq2seq training step (node dist/bench/attention/profile-seq2seq.js). */
import { initTf, tf } from '../../src/core/tf/backend';
import { initialSeq2seqWeights, Seq2seqModel } from '../../src/core/attention/seq2seq';
import { SEQ2SEQ_ALPHABET } from '../../src/core/attention/params';
import { randomString, taskTarget } from '../../src/core/attention/tasks';
import { Rng } from '../../src/core/util/rng';

async function main() {
  console.log('backend', await initTf());
  const cfg = { hidden: 64, attention: 'dot' as const, maxLen: 12, alphabet: SEQ2SEQ_ALPHABET };
  const m = new Seq2seqModel(cfg, initialSeq2seqWeights(cfg, 1));
  const opt = tf.train.adam(0.005);
  const rng = new Rng(1);
  const step = async () => {
    const src = Array.from({ length: 64 }, () => randomString(rng, 5, 12));
    const e = m.encodeBatch(src);
    const l = opt.minimize(() => m.loss(e, src.map((s) => taskTarget('reverse', s))), true, [...m.weights.values()])!;
    m.disposeBatch(e);
    await l.data();
    l.dispose();
  };
  for (let i = 0; i < 3; i++) await step();
  const t0 = Date.now();
  for (let i = 0; i < 5; i++) await step();
  console.log('ms/step', (Date.now() - t0) / 5);
  const prof = await tf.profile(step);
  const by = new Map<string, { n: number; ms: number }>();
  let total = 0;
  for (const k of prof.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    total += ms;
    const key = k.name + ' ' + JSON.stringify(k.inputShapes);
    const e = by.get(key) ?? { n: 0, ms: 0 };
    e.n++; e.ms += ms; by.set(key, e);
  }
  console.log('kernels', prof.kernels.length, 'kernel ms', total.toFixed(1));
  for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(e.ms.toFixed(2).padStart(8), e.n, k);
}
main();
