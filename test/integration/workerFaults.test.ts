/**
 * Workers that stop answering, in the real extension host: a training job that ignores a stop (the worker's thread
 * blocked by the development-only `hang` request) ends by terminating the worker, and so does every job queued behind
 * it; a formula worker silent for longer than its limit is replaced, and the next request is answered by a fresh one.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FormulaService } from '../../src/extension/formula/formulaFeature';
import { api, EXTENSION_ID, sleep, waitFor, waitForJob } from './helpers';

describe('workers that stop answering', function () {
  this.timeout(120_000);

  it('a running job that ignores a stop for 2 s: the worker is terminated, every job it held ends, the next starts a fresh worker', async () => {
    const a = await api();
    const runningId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1_000_000 })) as string;
    await waitForJob(a, runningId, ['running']);
    await waitFor('some progress', () => (a.jobs.get(runningId)?.step ?? 0) > 10);
    const startsBefore = a.jobs.workerClient.starts;
    const queuedId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1000 })) as string;
    assert.equal(a.jobs.get(queuedId)?.status, 'queued');
    // The worker takes the request at the trainer's next yield and then blocks for 60 s: no stop reaches the job.
    const hung = a.jobs.request('hang', { ms: 60_000 }, 90_000).then(
      () => 'answered',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    const stepAtHang = a.jobs.get(runningId)!.step;
    await sleep(500);
    assert.ok(a.jobs.get(runningId)!.step - stepAtHang < 200, 'the worker kept training: the hang request did not block it');
    const t0 = Date.now();
    assert.equal(await vscode.commands.executeCommand('mlStudy.stopTraining', runningId), true);
    const stopped = await waitForJob(a, runningId, ['stopped', 'failed', 'done'], 8000);
    const ms = Date.now() - t0;
    console.log(`      the job that ignored its stop ended after ${ms} ms`);
    assert.equal(stopped.status, 'stopped');
    assert.match(stopped.summary ?? '', /did not answer in time/);
    assert.ok(ms >= 1800, `ended after ${ms} ms: before the 2 s grace`);
    const queued = await waitForJob(a, queuedId, ['stopped', 'failed', 'done'], 2000);
    assert.equal(queued.status, 'failed');
    assert.match(queued.error ?? '', /restarted to stop .* start it again/);
    assert.deepEqual(a.jobs.running().filter((j) => j.jobId === runningId || j.jobId === queuedId), [], 'a job the kill affected is still running');
    assert.equal(await hung, 'the training worker was restarted');
    assert.equal(a.jobs.workerClient.alive, false, 'the blocked worker is still the current one');
    const next = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1000 })) as string;
    const done = await waitForJob(a, next, ['done', 'failed', 'stopped']);
    assert.equal(done.status, 'done', done.error);
    assert.equal(a.jobs.workerClient.starts, startsBefore + 1, 'a fresh worker should have started');
  });

  it('a formula worker silent for longer than its limit is replaced; the next hover is answered by a fresh worker', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const svc = new FormulaService(ext.extensionPath, { hungMs: 2000 });
    try {
      const hover = (timeoutMs: number) =>
        svc.request('hover', { text: '$\\sigma(z) = \\frac{1}{1 + e^{-z}}$', offset: 3, languageId: 'markdown', color: '#cccccc', allowedCommands: [], explainArgs: null }, timeoutMs);
      const first = await hover(20_000);
      assert.ok(first && /sigmoid/i.test(first.markdown), `first hover: ${JSON.stringify(first)}`);
      assert.equal(svc.starts, 1);
      const t0 = Date.now();
      // Block the worker for 60 s; ask (with short timeouts, as hovers do) until something answers.
      void svc.request('hang', { ms: 60_000 }, 500).catch(() => undefined);
      let answer: Awaited<ReturnType<typeof hover>> | undefined;
      let tries = 0;
      while (answer === undefined && Date.now() - t0 < 40_000) {
        tries++;
        answer = await hover(1000).catch((e: unknown) => {
            assert.match(e instanceof Error ? e.message : String(e), /timed out|restarted/);
            return undefined;
          });
      }
      const ms = Date.now() - t0;
      console.log(`      after the hang a hover was answered in ${ms} ms, ${tries} tries`);
      assert.ok(answer && /sigmoid/i.test(answer.markdown), `no hover answered within 40 s of the hang (${tries} tries)`);
      assert.equal(svc.starts, 2, 'the answer should come from a fresh worker');
      assert.ok(ms >= 2000, `answered after ${ms} ms, before the worker could be judged hung`);
    } finally {
      svc.dispose();
    }
  });
});
