import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distillationLoss, distillationLossBatch, softenedDistributions, softmaxT } from '../../../src/core/distill/loss';
import { Rng } from '../../../src/core/util/rng';

/** The loss written straight from its definition, with naive exponentials (no shared code with the engine). */
function byFormula(s: number[], t: number[], y: number, T: number, alpha: number, soft: 'kl' | 'ce'): number {
  const sm = (z: number[], temp: number) => {
    const e = z.map((v) => Math.exp(v / temp));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / total);
  };
  const p = sm(t, T);
  const q = sm(s, T);
  const hard = -Math.log(sm(s, 1)[y]);
  const softTerm = soft === 'kl' ? p.reduce((acc, pi, i) => acc + pi * Math.log(pi / q[i]), 0) : -p.reduce((acc, pi, i) => acc + pi * Math.log(q[i]), 0);
  return alpha * hard + (1 - alpha) * T * T * softTerm;
}

const rows = (rng: Rng, n: number, scale: number) => Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);

test('the distillation loss at T equals the formula computed independently (KL and cross-entropy forms)', () => {
  const rng = new Rng(4);
  for (const T of [1, 2, 5, 0.5]) {
    for (const alpha of [0, 0.3, 1]) {
      for (const soft of ['kl', 'ce'] as const) {
        const s = rows(rng, 6, 3);
        const t = rows(rng, 6, 4);
        const y = rng.int(6);
        const got = distillationLoss(s, t, y, { temperature: T, alpha, soft }).loss;
        const want = byFormula(s, t, y, T, alpha, soft);
        assert.ok(Math.abs(got - want) < 1e-10 * Math.max(1, Math.abs(want)), `T ${T} α ${alpha} ${soft}: ${got} vs ${want}`);
      }
    }
  }
  // KL of identical distributions is 0, so with α = 0 a student equal to the teacher has loss 0
  assert.ok(Math.abs(distillationLoss([1, 2, 3], [1, 2, 3], 0, { temperature: 3, alpha: 0 }).loss) < 1e-12);
});

test('its gradient with respect to the student logits matches finite differences', () => {
  const rng = new Rng(8);
  for (const T of [1, 2, 5]) {
    for (const alpha of [0, 0.5, 0.9]) {
      for (const soft of ['kl', 'ce'] as const) {
        const s = rows(rng, 5, 2);
        const t = rows(rng, 5, 3);
        const y = rng.int(5);
        const opts = { temperature: T, alpha, soft };
        const g = distillationLoss(s, t, y, opts).grad;
        const h = 1e-6;
        let maxAbs = 0;
        for (let i = 0; i < s.length; i++) {
          const up = s.slice();
          up[i] += h;
          const down = s.slice();
          down[i] -= h;
          const num = (distillationLoss(up, t, y, opts).loss - distillationLoss(down, t, y, opts).loss) / (2 * h);
          assert.ok(Math.abs(g[i] - num) < 1e-7, `T ${T} α ${alpha} ${soft} ∂/∂s_${i}: ${g[i]} vs ${num}`);
          maxAbs = Math.max(maxAbs, Math.abs(g[i]));
        }
        assert.ok(maxAbs > 1e-3, 'the gradient is not trivially zero');
      }
    }
  }
});

test('the batch loss is the mean of the rows, and its gradient matches finite differences', () => {
  const rng = new Rng(2);
  const n = 3;
  const K = 4;
  const s = Float64Array.from(rows(rng, n * K, 2));
  const t = Float64Array.from(rows(rng, n * K, 2));
  const y = [1, 3, 0];
  const opts = { temperature: 2, alpha: 0.4 };
  const b = distillationLossBatch(s, t, y, K, opts);
  const mean = y.reduce((acc, yi, r) => acc + byFormula(Array.from(s.subarray(r * K, (r + 1) * K)), Array.from(t.subarray(r * K, (r + 1) * K)), yi, 2, 0.4, 'kl'), 0) / n;
  assert.ok(Math.abs(b.loss - mean) < 1e-12);
  for (let i = 0; i < s.length; i++) {
    const keep = s[i];
    s[i] = keep + 1e-6;
    const up = distillationLossBatch(s, t, y, K, opts).loss;
    s[i] = keep - 1e-6;
    const down = distillationLossBatch(s, t, y, K, opts).loss;
    s[i] = keep;
    assert.ok(Math.abs(b.grad[i] - (up - down) / 2e-6) < 1e-7);
  }
});

test('the T² scale keeps the soft gradient on one scale at high temperatures: it tends to ((s − s̄) − (t − t̄)) / K', () => {
  const s = [1.5, -0.5, 0.3, -1.3];
  const t = [2.2, 0.1, -0.9, -1.4];
  const K = s.length;
  const mean = (z: number[]) => z.reduce((a, b) => a + b, 0) / K;
  const limit = s.map((v, i) => (v - mean(s) - (t[i] - mean(t))) / K);
  for (const T of [50, 200]) {
    const g = distillationLoss(s, t, 0, { temperature: T, alpha: 0 }).grad;
    for (let i = 0; i < K; i++) assert.ok(Math.abs(g[i] - limit[i]) < 0.03 * Math.max(...limit.map(Math.abs)), `T ${T}: ${g[i]} vs ${limit[i]}`);
  }
  // at T 1 it is far from that limit, so the comparison above is not vacuous
  const g1 = distillationLoss(s, t, 0, { temperature: 1, alpha: 0 }).grad;
  assert.ok(g1.some((v, i) => Math.abs(v - limit[i]) > 0.05));
});

test('softened distributions at T = 1, 2, 5: each sums to 1, keeps the order, and flattens as T grows', () => {
  const teacher = [4, 1, 0.5, -2];
  const student = [2, 1.5, 0, -1];
  const d = softenedDistributions(student, teacher);
  assert.deepEqual(d.map((x) => x.temperature), [1, 2, 5]);
  const entropy = (p: number[]) => -p.reduce((a, v) => a + v * Math.log(v), 0);
  for (const x of d) {
    assert.ok(Math.abs(x.teacher.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.deepEqual(x.teacher.map((_, i) => i).sort((a, b) => x.teacher[b] - x.teacher[a]), [0, 1, 2, 3]);
  }
  assert.ok(entropy(d[0].teacher) < entropy(d[1].teacher) && entropy(d[1].teacher) < entropy(d[2].teacher));
  const e = teacher.map((v) => Math.exp(v / 2));
  const total = e.reduce((a, b) => a + b, 0);
  d[1].teacher.forEach((v, i) => assert.ok(Math.abs(v - e[i] / total) < 1e-12));
  // large logits do not overflow
  assert.ok(Array.from(softmaxT([1000, 999, -1000], 1)).every(Number.isFinite));
});

test('bad inputs are refused with one clear message', () => {
  assert.throws(() => distillationLoss([1, 2], [1, 2, 3], 0, { temperature: 1, alpha: 0.5 }), /same number/);
  assert.throws(() => distillationLoss([1, 2], [1, 2], 2, { temperature: 1, alpha: 0.5 }), /label/);
  assert.throws(() => distillationLoss([1, 2], [1, 2], 0, { temperature: 0, alpha: 0.5 }), /temperature/);
  assert.throws(() => distillationLoss([1, 2], [1, 2], 0, { temperature: 1, alpha: 1.5 }), /α/);
});
