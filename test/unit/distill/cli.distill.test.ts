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

test('train distill: a teacher from train lstm, both curves in --json, the student usable by perplexity; bad input refused', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'distill-cli-'));
  try {
    const corpus = path.join(tmp, 'corpus.txt');
    fs.writeFileSync(corpus, Array.from({ length: 200 }, (_, i) => ['the cat sat on the mat.', 'a dog ran to the park.', 'the fox jumps over the dog.'][i % 3]).join('\n'));
    const teacher = path.join(tmp, 'teacher');
    const t = await runCli('train', 'lstm', '--corpus', corpus, '--out', teacher, '--steps', '30', '--hidden', '24', '--batch', '4', '--seq', '16', '--eval-every', '30', '--json');
    assert.equal(t.code, 0, t.err);
    const student = path.join(tmp, 'student');
    const r = await runCli('train', 'distill', corpus, '--teacher', teacher, '--out', student, '--steps', '20', '--eval-every', '10', '--hidden', '8', '--batch', '4', '--seq', '16', '--temperature', '3', '--alpha', '0.2', '--json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual(j.history.map((h: { step: number }) => h.step), [0, 10, 20]);
    assert.equal(j.temperature, 3);
    assert.equal(j.alpha, 0.2);
    assert.ok(j.history[2].distilled.perplexity > 1 && j.history[2].baseline.perplexity > 1);
    const p = await runCli('perplexity', student, '--corpus', corpus, '--json');
    assert.equal(p.code, 0, p.err);
    const s = await runCli('soften', teacher, 'the cat s', '--json');
    assert.equal(s.code, 0, s.err);
    assert.deepEqual(JSON.parse(s.out).temperatures.map((x: { temperature: number }) => x.temperature), [1, 2, 5]);
    for (const [argv, pattern] of [
      [['train', 'distill', corpus, '--out', path.join(tmp, 's2')], /--teacher is required/],
      [['train', 'distill', corpus, '--teacher', corpus, '--out', path.join(tmp, 's3')], /--teacher/],
      [['train', 'distill', corpus, '--teacher', teacher, '--out', path.join(tmp, 's4'), '--temperature', '0'], /temperature/i],
      [['train', 'distill', corpus, '--teacher', teacher, '--out', path.join(tmp, 's5'), '--alpha', '2'], /alpha|α/i],
      [['train', 'distill', corpus, '--teacher', teacher, '--out', tmp], /--out/],
      [['soften', teacher, 'the cat', '--position', '99'], /position/],
    ] as [string[], RegExp][]) {
      const bad = await runCli(...argv);
      assert.equal(bad.code, 2, `${argv.join(' ')}: ${bad.err}`);
      assert.match(bad.err, pattern);
      assert.equal(bad.err.trim().split('\n').length, 1, bad.err);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
