import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initTf } from '../../../src/core/tf/backend';
import { trainTransformer } from '../../../src/core/attention/transformerTrainer';
import { loadTransformerCheckpoint, OPTIMIZER_FILE } from '../../../src/core/attention/checkpoint';
import { readModelDir } from '../../../src/core/attention/store';
import { modelVersionDir } from '../../../src/core/util/atomicWrite';
import type { ProgressUpdate, TrainContext } from '../../../src/core/training';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'transformer-resume-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const TEXT = Array.from({ length: 120 }, (_, i) => ['the cat sat on the mat.', 'keys meet queries.', 'values are mixed by weights.'][i % 3]).join('\n');
const N = 8;
const PARAMS = { dModel: 32, ffn: 32, seq: 12, batch: 4, heads: 2, layers: 1, lr: 0.01, seed: 7, steps: N };

const quiet = (onProgress: (u: ProgressUpdate) => void = () => {}, signal = new AbortController().signal): TrainContext => ({ onProgress, signal });

function weightsOf(dir: string): Map<string, Float32Array> {
  return readModelDir(dir).values;
}

function assertSameWeights(a: Map<string, Float32Array>, b: Map<string, Float32Array>, what: string): void {
  assert.deepEqual([...a.keys()], [...b.keys()]);
  for (const [name, v] of a) {
    const w = b.get(name)!;
    let worst = 0;
    for (let i = 0; i < v.length; i++) worst = Math.max(worst, Math.abs(v[i] - w[i]));
    assert.equal(worst, 0, `${what}: weight ${name} differs by up to ${worst}`);
  }
}

let straight: Map<string, Float32Array>;

test('N steps straight = N/2 steps, then resumed to N (same seed): identical weights and Adam state, steps continue', async () => {
  await initTf();
  const a = path.join(tmp, 'straight');
  const r = await trainTransformer(PARAMS, TEXT, quiet(), { outDir: a });
  assert.equal(r.steps, N);
  straight = weightsOf(a);

  const b = path.join(tmp, 'halves');
  const first = await trainTransformer({ ...PARAMS, steps: N / 2 }, TEXT, quiet(), { outDir: b });
  assert.equal(first.steps, N / 2);
  const half = loadTransformerCheckpoint(b);
  assert.equal(half.step, N / 2);
  assert.equal(half.adam.iterations, N / 2);
  const steps: number[] = [];
  const second = await trainTransformer(PARAMS, TEXT, quiet((u) => steps.push(u.step)), { outDir: b, resumeFrom: b });
  assert.equal(second.resumedFromStep, N / 2);
  assert.equal(second.steps, N);
  assert.ok(steps.length > 0 && steps[0] > N / 2, `progress after the resume starts at step ${steps[0]}`);
  assert.equal(steps.at(-1), N);
  assertSameWeights(straight, weightsOf(b), 'halves');
  const [ca, cb] = [loadTransformerCheckpoint(a), loadTransformerCheckpoint(b)];
  assert.equal(cb.step, N);
  assert.deepEqual(cb.rng.state, ca.rng.state, 'the batch generator is where the straight run left it');
  assert.deepEqual(cb.adam.m, ca.adam.m, 'Adam first moments');
  assert.deepEqual(cb.adam.v, ca.adam.v, 'Adam second moments');
  assert.equal(cb.adam.accBeta1, ca.adam.accBeta1);
});

test('a run stopped by the signal is checkpointed where it stopped and resumes to the same weights', async () => {
  await initTf();
  const dir = path.join(tmp, 'stopped');
  const stop = new AbortController();
  const first = await trainTransformer(PARAMS, TEXT, quiet(() => stop.abort(), stop.signal), { outDir: dir });
  assert.equal(first.stopped, true);
  assert.ok(first.steps >= 1 && first.steps < N, `stopped at ${first.steps}`);
  assert.equal(loadTransformerCheckpoint(dir).step, first.steps);
  const second = await trainTransformer(PARAMS, TEXT, quiet(), { outDir: dir, resumeFrom: dir });
  assert.equal(second.resumedFromStep, first.steps);
  assert.equal(second.steps, N);
  assertSameWeights(straight, weightsOf(dir), 'stopped and resumed');
});

test('a corrupt or foreign checkpoint is refused with one sentence and nothing is changed', async () => {
  await initTf();
  const dir = path.join(tmp, 'halves');
  const vdir = modelVersionDir(dir);
  const opt = path.join(vdir, OPTIMIZER_FILE);
  const good = fs.readFileSync(opt);
  const goodJson = fs.readFileSync(path.join(vdir, 'model.json'));
  const snapshot = () => new Map(fs.readdirSync(vdir).map((f) => [f, fs.readFileSync(path.join(vdir, f))]));
  const refused = async (re: RegExp, params: Record<string, unknown> = PARAMS, text = TEXT) => {
    const files = snapshot();
    const steps: number[] = [];
    await assert.rejects(trainTransformer({ ...params, steps: 2 * N }, text, quiet((u) => steps.push(u.step)), { outDir: dir, resumeFrom: dir }), (e: Error) => {
      assert.match(e.message, re);
      assert.ok(!e.message.includes('\n'), 'one line');
      return true;
    });
    assert.deepEqual(steps, [], 'no training happened');
    assert.deepEqual(snapshot(), files, 'the model folder is unchanged');
  };
  try {
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1] ^= 0xff;
    fs.writeFileSync(opt, flipped);
    await refused(/corrupt: optimizer\.bin does not match its checksum; nothing was changed/);
    fs.writeFileSync(opt, good.subarray(0, good.length - 8));
    await refused(/corrupt: .*optimizer\.bin/);
    fs.rmSync(opt);
    await refused(/optimizer\.bin is missing/);
    fs.writeFileSync(opt, good);
    await refused(/different text/, PARAMS, TEXT.replace(/cat/g, 'act'));
    await refused(/different model \(vocab/, PARAMS, TEXT.replace(/cat/g, 'dog'));
    const json = path.join(vdir, 'model.json');
    const j = JSON.parse(goodJson.toString('utf8'));
    fs.writeFileSync(json, JSON.stringify({ ...j, training: { ...j.training, rng: [0, 0, 0, 0] } }));
    await refused(/batch generator's position is invalid/);
    fs.writeFileSync(json, JSON.stringify({ ...j, training: { ...j.training, optimizer: { ...j.training.optimizer, m: 5 } } }));
    await refused(/optimiser table does not match/);
    fs.writeFileSync(json, goodJson);
  } finally {
    fs.writeFileSync(opt, good);
  }
  assertSameWeights(straight, weightsOf(dir), 'after the refusals');
});
