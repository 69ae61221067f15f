import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf } from '../../../src/core/tf/backend';
import { initialWeights, TransformerLM, type TransformerConfig } from '../../../src/core/attention/transformer';
import { attentionFor, disposeAttentionModel, loadAttentionModel, ModelFormatError, trainTransformer } from '../../../src/core/attention/index';
import { saveTransformer } from '../../../src/core/attention/store';
import { Vocab } from '../../../src/core/lm/vocab';
import { ValidationError } from '../../../src/core/params';
import { ProgressClock } from '../timing';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attention-maps-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const TEXT = Array.from({ length: 200 }, (_, i) => ['the cat sat on the mat.', 'attention weights sum to one.', 'a query looks at earlier keys.'][i % 3]).join('\n');
const never = { signal: new AbortController().signal, onProgress: () => {} };

function checkMaps(att: number[][][][], T: number, layers: number, heads: number): void {
  assert.equal(att.length, layers);
  for (const layer of att) {
    assert.equal(layer.length, heads);
    for (const head of layer) {
      assert.equal(head.length, T);
      head.forEach((row, q) => {
        assert.equal(row.length, T);
        const sum = row.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) <= 1e-5, `row ${q} sums to ${sum}`);
        for (let k = q + 1; k < T; k++) assert.equal(row[k], 0, `weight above the diagonal at (${q}, ${k}) is ${row[k]}`);
        for (let k = 0; k <= q; k++) assert.ok(row[k] >= 0 && row[k] <= 1);
      });
    }
  }
}

test('trained Transformer: every row of every layer and head sums to 1, causal zeros, save/load round trip', async () => {
  await initTf();
  const dir = path.join(tmp, 'tr');
  const r = await trainTransformer({ layers: 2, heads: 4, dModel: 32, ffn: 64, seq: 24, batch: 8, steps: 40, lr: 0.01 }, TEXT, never, { outDir: dir });
  assert.equal(r.steps, 40);
  assert.ok(r.heldOutLoss < Math.log(r.vocabSize), `held-out loss ${r.heldOutLoss} is no better than uniform (${Math.log(r.vocabSize)})`);
  const m = await loadAttentionModel(dir);
  assert.equal(m.kind, 'transformer');
  for (const text of ['the cat', 'a query looks at earlier keys, the cat sat on the mat.', 't']) {
    const a = attentionFor(m, text);
    assert.ok(a.kind === 'transformer', `a ${a.kind} model, not a Transformer`);
    const T = Math.min(Array.from(text).length, 24);
    assert.equal(a.tokens.length, T);
    assert.equal(a.truncated, Array.from(text).length > 24);
    checkMaps(a.attention, T, 2, 4);
  }
  // The training text has no capitals, so the text is read lowercased; '%' is not in it: listed as unknown and
  // shown as the unknown token.
  const u = attentionFor(m, 'The %');
  assert.ok(u.kind === 'transformer');
  if (u.kind === 'transformer') {
    assert.equal(u.lowercased, true);
    assert.deepEqual(u.tokens.slice(0, 4), ['t', 'h', 'e', ' ']);
    assert.deepEqual(u.unknown, ['%']);
    assert.notEqual(u.tokens[4], '%');
  }
  const plain = attentionFor(m, 'the cat');
  assert.ok(plain.kind === 'transformer' && plain.lowercased === false);
  disposeAttentionModel(m);
});

test('save/load round trip reproduces weights, attention and loss exactly', async () => {
  await initTf();
  const vocab = Vocab.build('abcdefgh \n', 'char');
  const cfg: TransformerConfig = { vocab: vocab.size, layers: 2, heads: 2, dModel: 32, ffn: 48, seq: 16 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 7));
  const dir = path.join(tmp, 'rt');
  await saveTransformer(dir, model, vocab, { note: 'test' });
  const ids = vocab.encode('abc defg hab').ids;
  const targets = vocab.encode('bc defg habc').ids;
  const before = model.attention(ids);
  const lossBefore = model.loss(ids, targets, 1);
  const m = await loadAttentionModel(dir);
  assert.ok(m.kind === 'transformer', `a ${m.kind} model, not a Transformer`);
  assert.deepEqual(m.vocab.tokens, vocab.tokens);
  assert.deepEqual(m.model.attention(ids), before);
  assert.equal(m.model.loss(ids, targets, 1), lossBefore);
  const w1 = await model.weightValues();
  const w2 = await m.model.weightValues();
  for (const [k, v] of w1) assert.deepEqual(w2.get(k), v, k);
  model.dispose();
  disposeAttentionModel(m);
});

test('bad input: empty text, unusable text, nonsense hyperparameters', async () => {
  await initTf();
  const out = { outDir: path.join(tmp, 'bad') };
  await assert.rejects(trainTransformer({}, '', never, out), (e: Error) => e instanceof ValidationError && /empty/.test(e.message));
  await assert.rejects(trainTransformer({}, '   \n ', never, out), /empty/);
  await assert.rejects(trainTransformer({ seq: 64 }, 'abcabc abc', never, out), /context length|more text/);
  await assert.rejects(trainTransformer({ heads: 3, dModel: 64 }, TEXT, never, out), /divisible/);
  await assert.rejects(trainTransformer({ layers: 7 }, TEXT, never, out), /Layers.*at most 2/);
  await assert.rejects(trainTransformer({ lr: -1 }, TEXT, never, out), /Learning rate.*greater than 0/);
  await assert.rejects(trainTransformer({ dModel: 'wide' }, TEXT, never, out), /must be a number/);
  await assert.rejects(trainTransformer({ steps: 5, epochs: 1 }, TEXT, never, out), /either epochs or steps/);
  await assert.rejects(trainTransformer({ bogus: 1 }, TEXT, never, out), /unknown parameter "bogus"/);
  const long = Array.from({ length: 300 }, () => TEXT).join('\n');
  await assert.rejects(trainTransformer({ batch: 512, seq: 256, heads: 4 }, long, never, out), /GB of working memory.*lower the batch size/);
  assert.equal(fs.existsSync(out.outDir), false, 'nothing is written when training is refused');
});

test('corrupt or missing model folders fail with one clear sentence', async () => {
  await initTf();
  const vocab = Vocab.build('abc ', 'char');
  const cfg: TransformerConfig = { vocab: vocab.size, layers: 1, heads: 1, dModel: 32, ffn: 32, seq: 8 };
  const model = new TransformerLM(cfg, initialWeights(cfg, 1));
  const good = path.join(tmp, 'good');
  await saveTransformer(good, model, vocab, {});
  model.dispose();
  const variant = (name: string, edit: (dir: string) => void) => {
    const dir = path.join(tmp, name);
    fs.cpSync(good, dir, { recursive: true });
    edit(dir);
    return dir;
  };
  const expect = async (dir: string, re: RegExp) => {
    await assert.rejects(loadAttentionModel(dir), (e: Error) => {
      assert.ok(e instanceof ModelFormatError, `${e.name}: ${e.message}`);
      assert.match(e.message, re);
      assert.ok(!e.message.includes('\n'), 'one line');
      return true;
    });
  };
  await expect(path.join(tmp, 'nowhere'), /does not exist/);
  await expect(variant('nojson', (d) => fs.rmSync(path.join(d, 'model.json'))), /model\.json is missing/);
  await expect(variant('garbage', (d) => fs.writeFileSync(path.join(d, 'model.json'), '{"format": "ml-study-att')), /not valid JSON/);
  await expect(variant('otherformat', (d) => fs.writeFileSync(path.join(d, 'model.json'), '{"format": "lstm"}')), /not an attention model/);
  await expect(variant('nobin', (d) => fs.rmSync(path.join(d, 'weights.bin'))), /weights\.bin is missing/);
  await expect(variant('truncated', (d) => fs.truncateSync(path.join(d, 'weights.bin'), 400)), /truncated or corrupt/);
  await expect(variant('oddbytes', (d) => fs.appendFileSync(path.join(d, 'weights.bin'), Buffer.from([1]))), /whole number of float32/);
  await expect(
    variant('badheads', (d) => {
      const j = JSON.parse(fs.readFileSync(path.join(d, 'model.json'), 'utf8'));
      j.config.heads = 3;
      fs.writeFileSync(path.join(d, 'model.json'), JSON.stringify(j));
    }),
    /divisible/,
  );
  await expect(
    variant('nan', (d) => {
      const b = fs.readFileSync(path.join(d, 'weights.bin'));
      b.writeFloatLE(NaN, 8);
      fs.writeFileSync(path.join(d, 'weights.bin'), b);
    }),
    /non-finite/,
  );
  const m = await loadAttentionModel(good);
  assert.throws(() => attentionFor(m, ''), /empty/);
  assert.throws(() => attentionFor(m, 'zzz'), /none of the characters/);
  disposeAttentionModel(m);
});

test('Transformer trainer: progress fields, and it stops within a second of the signal with the model saved', async () => {
  await initTf();
  const ac = new AbortController();
  const dir = path.join(tmp, 'stopped');
  let abortedAt = 0;
  const clock = new ProgressClock();
  const seen: Array<{ step: number; metrics?: Record<string, number> }> = [];
  const r = await trainTransformer({ dModel: 32, ffn: 32, seq: 16, batch: 8, timeBudget: 600 }, TEXT, {
    signal: ac.signal,
    onProgress: (u) => {
      seen.push(u);
      if (abortedAt) return;
      clock.tick();
      if (u.step >= 3) {
        abortedAt = Date.now();
        ac.abort();
      }
    },
  }, { outDir: dir });
  const took = Date.now() - abortedAt;
  assert.ok(r.stopped);
  assert.ok(took < clock.stopBound(), `took ${took} ms to stop (progress every ≤ ${clock.gap().toFixed(0)} ms)`);
  assert.ok(seen.length >= 1);
  for (const k of ['stepsPerSecond', 'heldOutLoss', 'heldOutPerplexity']) assert.equal(typeof seen[0].metrics?.[k], 'number', k);
  const m = await loadAttentionModel(dir);
  assert.equal(m.kind, 'transformer');
  disposeAttentionModel(m);
});
