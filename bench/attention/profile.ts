/**
 * Development aid: ms/step and per-kernel times of one training step (node dist/bench/attention/profile.js
 * [fast|sf|word] [heads]); `word`: Brown words, 10,000-word vocabulary, the sampled softmax (512 draws).
 */
import { initTf } from '../../src/core/tf/backend';
import { profileStep } from '../lib/profile';
import { initialWeights, Trainer, TransformerLM } from '../../src/core/attention/transformer';
import { StraightforwardTransformer } from './straightforward';
import { brownWords } from '../lib/wordSoftmax';
import { SampledSoftmax, UnigramSampler } from '../../src/core/nn/sampledSoftmax';
import { randomWindows } from '../../src/core/attention/transformerTrainer';
import { Rng } from '../../src/core/util/rng';

async function main() {
  console.log('backend', await initTf());
  const which = process.argv[2] ?? 'fast';
  const heads = Number(process.argv[3] ?? 1);
  const B = 32, T = 64, V = 52;
  let step: () => Promise<number>;
  const x = new Int32Array(B * T).map((_, i) => (i * 7) % V);
  const y = new Int32Array(B * T).map((_, i) => (i * 11) % V);
  if (which === 'word') {
    const { vocab, train } = brownWords(10000);
    const cfg = { vocab: vocab.size, layers: 1, heads, dModel: 64, ffn: 256, seq: T };
    const sampler = UnigramSampler.fromIds(train, vocab.size);
    const tr = new Trainer(new TransformerLM(cfg, initialWeights(cfg, 1)), 3e-3, { sampler, draws: 512, seed: 1 });
    const rng = new Rng(2);
    // phases: the sampled output layer (forward and backward), Adam's update, the rest of the step
    const ms = { layer: 0, apply: 0, step: 0, n: 0, warm: 0 };
    const timed = <F extends (...a: never[]) => unknown>(f: F, key: 'layer' | 'apply'): F =>
      function (this: unknown, ...a: Parameters<F>) {
        const t0 = performance.now();
        const r = f.apply(this, a);
        ms[key] += performance.now() - t0;
        return r;
      } as F;
    SampledSoftmax.prototype.lossAndGrad = timed(SampledSoftmax.prototype.lossAndGrad, 'layer');
    tr.apply = timed(tr.apply.bind(tr), 'apply');
    step = async () => {
      const w = randomWindows(train, B, T, rng);
      const t0 = performance.now();
      const loss = await tr.step(w.inputs, w.targets, B);
      ms.step += performance.now() - t0;
      // the first three steps (compilation, first allocations) are left out
      if (++ms.warm <= 3) Object.assign(ms, { layer: 0, apply: 0, step: 0, n: 0 });
      else if (++ms.n % 10 === 0) {
        const f = (x: number) => (x / ms.n).toFixed(1);
        console.log(`over ${ms.n} steps, ms/step: ${f(ms.step)} — sampled output layer ${f(ms.layer)}, Adam ${f(ms.apply)}, the rest (embedding, attention, FFN, layer norms, backward, row bookkeeping) ${f(ms.step - ms.layer - ms.apply)}`);
      }
      return loss;
    };
  } else if (which === 'sf') {
    const m = new StraightforwardTransformer({ vocab: V, d: 64, ffn: 256, seq: T, lr: 3e-3, seed: 1 });
    step = () => m.step(x, y, B);
  } else {
    const cfg = { vocab: V, layers: 1, heads, dModel: 64, ffn: 256, seq: T };
    const tr = new Trainer(new TransformerLM(cfg, initialWeights(cfg, 1)), 3e-3);
    step = () => tr.step(x, y, B);
  }
  await profileStep(step, which === 'word' ? 20 : 10, 30);
}
main();
