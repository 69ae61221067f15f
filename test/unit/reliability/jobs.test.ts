/**
 * The training worker's queue: a job stopped while it waits is answered at once (so the host never arms its kill
 * timer for it), and the running job keeps reporting progress and finishes.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { WorkerToHost } from '../../../src/shared/protocol';
import { repoRoot } from './helpers';
import { ProgressClock } from '../timing';

const job = (jobId: string, epochs: number) => ({
  type: 'start' as const,
  job: { jobId, model: 'xor' as const, params: { epochs, lr: 0.05, hidden: 4, activation: 'tanh', optimizer: 'adam', seed: 1 }, corpus: { kind: 'none' as const } },
});

test('two jobs: stopping the queued one answers at once; the running one keeps going and finishes', async () => {
  const w = new Worker(process.env.ML_STUDY_TEST_WORKER ?? path.join(repoRoot(), 'dist', 'worker.js'));
  const seen: Array<{ at: number; m: WorkerToHost }> = [];
  const waitFor = (pred: (m: WorkerToHost) => boolean, ms: number, what: string) =>
    new Promise<number>((resolve, reject) => {
      const hit = seen.find((s) => pred(s.m));
      if (hit) return resolve(hit.at);
      const t = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
      const on = (m: WorkerToHost) => {
        if (!pred(m)) return;
        clearTimeout(t);
        w.off('message', on);
        resolve(Date.now());
      };
      w.on('message', on);
    });
  w.on('message', (m: WorkerToHost) => seen.push({ at: Date.now(), m }));
  try {
    w.postMessage(job('xor-20260101-120000-aaaa', 4000));
    w.postMessage(job('xor-20260101-120000-bbbb', 10));
    await waitFor((m) => m.type === 'progress' && m.jobId === 'xor-20260101-120000-aaaa', 60_000, 'progress of the first job');
    const asked = Date.now();
    w.postMessage({ type: 'stop', jobId: 'xor-20260101-120000-bbbb' });
    const answered = await waitFor((m) => m.type === 'stopped' && m.jobId === 'xor-20260101-120000-bbbb', 1500, 'answer to the stop of the queued job');
    const progressBefore = seen.filter((s) => s.m.type === 'progress' && s.m.jobId === 'xor-20260101-120000-aaaa').length;
    await waitFor((m) => m.type === 'done' && m.jobId === 'xor-20260101-120000-aaaa', 120_000, 'the first job to finish');
    // "At once": within half a second, or — on a machine slow enough that the running job's own progress reports
    // came further apart — within three of its longest gaps (the worker reads messages between training steps).
    const clock = new ProgressClock();
    for (const s of seen) if (s.m.type === 'progress' && s.m.jobId === 'xor-20260101-120000-aaaa') clock.tickAt(s.at);
    assert.ok(answered - asked <= clock.stopBound(500), `answered after ${answered - asked} ms (progress every ≤ ${clock.gap().toFixed(0)} ms)`);
    const after = seen.filter((s) => s.at > answered && s.m.type === 'progress' && s.m.jobId === 'xor-20260101-120000-aaaa').length;
    assert.ok(after > 0, `the running job reported progress after the stop (${progressBefore} before, ${after} after)`);
    // the stopped job never ran
    assert.equal(seen.filter((s) => s.m.type !== 'stopped' && 'jobId' in s.m && s.m.jobId === 'xor-20260101-120000-bbbb').length, 0);
    assert.equal(seen.filter((s) => s.m.type === 'stopped' && s.m.jobId === 'xor-20260101-120000-bbbb').length, 1, 'answered once');
  } finally {
    await w.terminate();
  }
});
