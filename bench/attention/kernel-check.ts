/** Development aid: the attention kernel against tf.matMul, all transpose combinations, and timings. */
import { initTf, tf } from '../../src/core/tf/backend';
import { bmm, kernelAvailable } from '../../src/core/attention/kernel';
async function main() {
  await initTf();
  console.log('kernel', kernelAvailable());
  for (const [B, M, K, N] of [[32, 64, 64, 64], [3, 7, 5, 13], [128, 64, 16, 64], [2, 9, 16, 8]]) {
    for (const ta of [false, true]) for (const tb of [false, true]) {
      const a = tf.randomNormal(ta ? [B, K, M] : [B, M, K]) as tf.Tensor3D;
      const b = tf.randomNormal(tb ? [B, N, K] : [B, K, N]) as tf.Tensor3D;
      const r = tf.matMul(a, b, ta, tb);
      const m = bmm(a, b, ta, tb);
      const d = tf.max(tf.abs(tf.sub(r, m))).dataSync()[0];
      let t0 = performance.now();
      for (let i = 0; i < 10; i++) bmm(a, b, ta, tb).dispose();
      const tk = (performance.now() - t0) / 10;
      t0 = performance.now();
      for (let i = 0; i < 10; i++) { const x = tf.matMul(a, b, ta, tb); x.dataSync(); x.dispose(); }
      const tt = (performance.now() - t0) / 10;
      console.log(`[${B},${M},${K},${N}] ta=${ta} tb=${tb} maxdiff ${d.toExponential(2)} kernel ${tk.toFixed(3)} ms tf ${tt.toFixed(3)} ms`);
    }
  }
}
main();
