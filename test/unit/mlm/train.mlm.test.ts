import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillMask, loadMlm, trainMlm } from '../../../src/core/mlm/index';
import { Rng } from '../../../src/core/util/rng';
import { initTf } from '../../../src/core/tf/backend';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlm-train-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** Sentences from a small grammar: which word fills a blank follows from the words on both sides. */
export function grammarText(n: number, seed: number): string {
  const rng = new Rng(seed);
  const pick = <T>(xs: T[]) => xs[rng.int(xs.length)];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`the ${pick(['cat', 'dog', 'cow'])} ${pick(['sat', 'ran'])} on the ${pick(['mat', 'log', 'hill'])}.`);
  return out.join(' ');
}

test('training lowers the held-out masked loss clearly below the unigram baseline; fill reads the saved model', async () => {
  await initTf();
  const dir = path.join(tmp, 'm');
  const r = await trainMlm(
    { layers: 1, heads: 2, dModel: 32, ffn: 64, seq: 16, batch: 16, lr: 0.01, steps: 500, seed: 3 },
    grammarText(400, 1),
    { signal: new AbortController().signal, onProgress: () => {} },
    { outDir: dir },
  );
  assert.equal(r.steps, 500);
  assert.ok(r.heldOutBlanks >= 32, `only ${r.heldOutBlanks} held-out blanks`);
  // The untrained model is near log V, above the unigram baseline; training must go well below the baseline.
  assert.ok(r.initialHeldOutLoss > r.unigramLoss, `untrained ${r.initialHeldOutLoss} vs unigram ${r.unigramLoss}`);
  assert.ok(r.heldOutLoss < 0.6 * r.unigramLoss, `held-out masked loss ${r.heldOutLoss} vs unigram ${r.unigramLoss}`);
  const m = await loadMlm(dir);
  try {
    assert.equal(m.model.cfg.causal, false);
    assert.equal(m.maskId, m.vocab.size);
    // "the cat s?t on": both sides say it is the a of "sat".
    const f = fillMask(m, 'the cat sat on the mat.', 9, 1, 3);
    assert.equal(f.blanks.length, 1);
    assert.equal(f.blanks[0].original, 'a');
    const at = f.context.indexOf('[MASK]');
    assert.equal(f.context.length, 16);
    assert.deepEqual(f.context.slice(at - 1, at + 2), ['s', '[MASK]', 't']);
    const ps = f.blanks[0].candidates.map((c) => c.p);
    assert.deepEqual(ps, [...ps].sort((a, b) => b - a));
    assert.ok(ps.reduce((a, b) => a + b, 0) <= 1 + 1e-6);
    assert.equal(f.blanks[0].candidates[0].token, 'a', JSON.stringify(f.blanks[0].candidates));
    assert.equal(f.filled, 'the cat sat on the mat.');
    assert.throws(() => fillMask(m, 'the cat', 7), /outside the text \(it has 7 characters/);
    assert.throws(() => fillMask(m, 'the cat', 0, 1, 0), /k must be/);
  } finally {
    m.model.dispose();
  }
});
