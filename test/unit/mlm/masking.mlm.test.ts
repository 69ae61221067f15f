import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskBatch, MaskKind } from '../../../src/core/mlm/masking';
import { Rng } from '../../../src/core/util/rng';

test('BERT masking: 15% of positions chosen; of those 80% [MASK], 10% random, 10% kept, over many draws', () => {
  const B = 100;
  const T = 40;
  const maskId = 30;
  const rng = new Rng(17);
  const counts = [0, 0, 0, 0];
  const perPosition = new Float64Array(T);
  const randomSeen = new Set<number>();
  let draws = 0;
  for (let d = 0; d < 60; d++) {
    const ids = Int32Array.from({ length: B * T }, () => 1 + rng.int(maskId - 1));
    const m = maskBatch(ids, B, T, maskId, 0.15, rng);
    draws++;
    for (let b = 0; b < B; b++) {
      let chosen = 0;
      for (let t = 0; t < T; t++) {
        const p = b * T + t;
        const k = m.kinds[p];
        counts[k]++;
        assert.equal(m.targets[p], ids[p]);
        assert.equal(m.weights[p], k === MaskKind.None ? 0 : 1);
        if (k !== MaskKind.None) {
          chosen++;
          perPosition[t]++;
        }
        if (k === MaskKind.Mask) assert.equal(m.inputs[p], maskId);
        else if (k === MaskKind.Random) {
          assert.ok(m.inputs[p] >= 1 && m.inputs[p] < maskId, `random token ${m.inputs[p]}`);
          randomSeen.add(m.inputs[p]);
        } else assert.equal(m.inputs[p], ids[p]);
      }
      assert.equal(chosen, 6); // round(0.15 · 40)
    }
  }
  const chosen = counts[1] + counts[2] + counts[3];
  assert.equal(chosen, draws * B * 6);
  assert.ok(Math.abs(chosen / (draws * B * T) - 0.15) < 1e-9);
  // 36 000 chosen positions: the standard error of a 10% share is 0.16 percentage points.
  assert.ok(Math.abs(counts[MaskKind.Mask] / chosen - 0.8) < 0.01, `[MASK] share ${counts[MaskKind.Mask] / chosen}`);
  assert.ok(Math.abs(counts[MaskKind.Random] / chosen - 0.1) < 0.01, `random share ${counts[MaskKind.Random] / chosen}`);
  assert.ok(Math.abs(counts[MaskKind.Keep] / chosen - 0.1) < 0.01, `kept share ${counts[MaskKind.Keep] / chosen}`);
  assert.equal(randomSeen.size, maskId - 1, 'every ordinary token is drawn as a random replacement, and only those');
  // Every position is chosen about equally often (6000 sequences, p = 0.15: standard error 0.0046).
  for (let t = 0; t < T; t++) assert.ok(Math.abs(perPosition[t] / (draws * B) - 0.15) < 0.025, `position ${t}: ${perPosition[t] / (draws * B)}`);
});

test('masking is reproducible from the seed and refuses a bad rate', () => {
  const ids = Int32Array.from({ length: 64 }, (_, i) => 1 + (i % 7));
  const a = maskBatch(ids, 4, 16, 8, 0.15, new Rng(2));
  const b = maskBatch(ids, 4, 16, 8, 0.15, new Rng(2));
  assert.deepEqual(Array.from(a.inputs), Array.from(b.inputs));
  assert.throws(() => maskBatch(ids, 4, 16, 8, 0, new Rng(2)), /masked fraction/);
  assert.throws(() => maskBatch(ids, 4, 15, 8, 0.15, new Rng(2)), /expected 4×15/);
});
