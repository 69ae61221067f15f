/** Development aid shared by the profile scripts: ms per training step, then the slowest kernels of one step. */
import { tf } from '../../src/core/tf/backend';

export async function profileStep(step: () => Promise<unknown>, timed: number, top: number): Promise<void> {
  for (let i = 0; i < 3; i++) await step();
  const t0 = Date.now();
  for (let i = 0; i < timed; i++) await step();
  console.log('ms/step', (Date.now() - t0) / timed, 'tensors', tf.memory().numTensors);
  const prof = await tf.profile(async () => {
    await step();
  });
  const by = new Map<string, { n: number; ms: number }>();
  let total = 0;
  for (const k of prof.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    total += ms;
    const key = k.name + ' ' + JSON.stringify(k.inputShapes);
    const e = by.get(key) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    by.set(key, e);
  }
  console.log('kernels', prof.kernels.length, 'kernel ms', total.toFixed(1));
  for (const [k, e] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(e.ms.toFixed(2).padStart(8), e.n, k);
}
