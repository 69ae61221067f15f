import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../runCli';

test('distill-loss --json gives the loss, its terms, the gradient and the softened distributions', async () => {
  const r = await runCli('distill-loss', '--student', '2,1,0.5,-1', '--teacher', '3,1,-1,-2', '--label', '0', '--temperature', '2', '--alpha', '0.25', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  // recomputed here from the definition
  const sm = (z: number[], T: number) => {
    const e = z.map((v) => Math.exp(v / T));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  const p = sm([3, 1, -1, -2], 2);
  const q = sm([2, 1, 0.5, -1], 2);
  const hard = -Math.log(sm([2, 1, 0.5, -1], 1)[0]);
  const kl = p.reduce((a, pi, i) => a + pi * Math.log(pi / q[i]), 0);
  assert.ok(Math.abs(j.hard - hard) < 1e-12);
  assert.ok(Math.abs(j.softTerm - kl) < 1e-12);
  assert.ok(Math.abs(j.loss - (0.25 * hard + 0.75 * 4 * kl)) < 1e-12);
  assert.equal(j.grad.length, 4);
  assert.ok(Math.abs(j.grad.reduce((a: number, b: number) => a + b, 0)) < 1e-12, 'softmax gradients sum to 0');
  assert.deepEqual(j.softened.map((d: { temperature: number }) => d.temperature), [1, 2, 5]);
  j.softened[1].teacher.forEach((v: number, i: number) => assert.ok(Math.abs(v - p[i]) < 1e-12));
});

test('distill-loss refuses bad logits, labels and temperatures with one line and exit 2', async () => {
  for (const [argv, pattern] of [
    [['--student', '1,x', '--teacher', '1,2', '--label', '0'], /not one/],
    [['--student', '1,2,3', '--teacher', '1,2', '--label', '0'], /one per class/],
    [['--student', '1,2', '--teacher', '1,2', '--label', '2'], /--label/],
    [['--student', '1,2', '--teacher', '1,2'], /--label is required/],
    [['--student', '1,2', '--teacher', '1,2', '--label', '0', '--temperature', '0'], /Temperature/],
    [['--student', '1,2', '--teacher', '1,2', '--label', '0', '--temperatures', '1,-2'], /--temperatures/],
  ] as const) {
    const r = await runCli('distill-loss', ...argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').length, 1);
    assert.match(r.err, pattern);
  }
});
