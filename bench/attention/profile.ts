/** Development aid: ms/step and per-kernel times of one training step (node dist/bench/attention/profile.js [fast|sf] [heads]). */
import { initTf, tf } from '../../src/core/tf/backend';
import { initialWeights, Trainer, TransformerLM } from '../../src/core/attention/transformer';
import { StraightforwardTransformer } from './straightforward';

async function main() {
  console.log('backend', await initTf());
  const which = process.argv[2] ?? 'fast';
  const heads = Number(process.argv[3] ?? 1);
  const B = 32, T = 64, V = 52;
  let step: () => Promise<number>;
  const x = new Int32Array(B * T).map((_, i) => (i * 7) % V);
  const y = new Int32Array(B * T).map((_, i) => (i * 11) % V);
  if (which === 'sf') {
    const m = new StraightforwardTransformer({ vocab: V, d: 64, ffn: 256, seq: T, lr: 3e-3, seed: 1 });
    step = () => m.step(x, y, B);
  } else {
    const cfg = { vocab: V, layers: 1, heads, dModel: 64, ffn: 256, seq: T };
    const tr = new Trainer(new TransformerLM(cfg, initialWeights(cfg, 1)), 3e-3);
    step = () => tr.step(x, y, B);
  }
  for (let i = 0; i < 3; i++) await step();
  const t0 = Date.now();
  for (let i = 0; i < 10; i++) await step();
  console.log('ms/step', (Date.now() - t0) / 10, 'tensors', tf.memory().numTensors);
  const prof = await tf.profile(async () => { await step(); });
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
  for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(e.ms.toFixed(2).padStart(8), e.n, k);
}
main();
