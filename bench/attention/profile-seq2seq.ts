/** Development aid: per-kernel times of one seq2seq training step (node dist/bench/attention/profile-seq2seq.js). */
import { initTf, tf } from '../../src/core/tf/backend';
import { profileStep } from '../lib/profile';
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
  await profileStep(step, 5, 25);
}
main();
