/**
 * Resume Training: a stopped LSTM or Transformer run continues from its checkpoint as the same run — its step count goes on from
 * where it stopped and its loss curve stays one series with one point per step. A corrupt checkpoint is refused
 * with a clear message and the run is left as it was.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { modelVersionDir } from '../../src/core/util/atomicWrite';
import { api, waitFor, waitForJob } from './helpers';

const TINY = { hidden: 16, embedding: 8, batch: 4, seq: 16, steps: 1_000_000, evalEvery: 1_000_000, checkpointEvery: 1_000_000, sampleLength: 10 };
const TINY_TRANSFORMER = { layers: 1, heads: 1, dModel: 32, ffn: 32, seq: 16, batch: 4, steps: 1_000_000 };

describe('Resume Training', function () {
  this.timeout(240_000);

  const seriesOf = async (jobId: string) => (await api()).jobs.allSeries().filter((s) => s.jobId === jobId);

  /** The step a model folder's checkpoint holds. */
  const savedStep = (dir: string): number => {
    const j = JSON.parse(fs.readFileSync(path.join(modelVersionDir(dir), 'model.json'), 'utf8')) as { step?: number; training?: { step: number } };
    return j.training?.step ?? j.step!;
  };

  /** Train with `command`, stop, resume, stop again: the step count goes on and the loss curve is one series. */
  async function stopResumeStop(command: string, params: Record<string, unknown>, model: string): Promise<void> {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand(command, { corpus: 'notes', params })) as string | undefined;
    assert.ok(jobId, `no job started: ${a.recentMessages().at(-1)?.message}`);
    await waitFor('a few steps', () => (a.jobs.get(jobId)?.step ?? 0) >= 5, 120_000);
    assert.equal(await vscode.commands.executeCommand('mlStudy.stopTraining', jobId), true);
    const stopped = await waitForJob(a, jobId, ['stopped', 'done', 'failed'], 30_000);
    assert.equal(stopped.status, 'stopped', stopped.error);
    assert.ok(stopped.resumable, `a stopped ${model} run with a checkpoint is resumable`);
    assert.ok(a.jobs.resumable().some((j) => j.jobId === jobId));
    const stepAtStop = stopped.step;
    assert.equal(savedStep(stopped.modelDir!), stepAtStop, 'the checkpoint holds the step the run stopped at');
    const [before] = await seriesOf(jobId);
    const stepsBefore = [...before.steps];
    const lossesBefore = [...before.losses];

    // the same job goes on (the run's own text, the workspace notes, is read again)
    const resumedId = await vscode.commands.executeCommand('mlStudy.resumeTraining', jobId);
    assert.equal(resumedId, jobId, `not resumed: ${a.recentMessages().at(-1)?.message}`);
    await waitFor('steps after the resume', () => a.jobs.get(jobId)?.status === 'running' && a.jobs.get(jobId)!.step >= stepAtStop + 5, 120_000);
    assert.equal(await vscode.commands.executeCommand('mlStudy.stopTraining', jobId), true);
    const again = await waitForJob(a, jobId, ['stopped', 'done', 'failed'], 30_000);
    assert.equal(again.status, 'stopped', again.error);
    assert.ok(again.step >= stepAtStop + 5, `step ${again.step} after a resume at ${stepAtStop}`);

    const series = await seriesOf(jobId);
    assert.equal(series.length, 1, 'one series for the run');
    const { steps, losses } = series[0];
    assert.deepEqual(steps.slice(0, stepsBefore.length), stepsBefore, 'the curve before the stop is kept');
    assert.deepEqual(losses.slice(0, lossesBefore.length), lossesBefore);
    assert.ok(steps.length > stepsBefore.length, 'the curve goes on');
    assert.ok(steps[stepsBefore.length] > stepAtStop, `the first step after the resume is ${steps[stepsBefore.length]}, the run stopped at ${stepAtStop}`);
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i] > steps[i - 1], `steps go up: ${steps[i - 1]} then ${steps[i]}`);
    assert.ok(steps.at(-1)! <= again.step, `the curve ends at ${steps.at(-1)}, the run at ${again.step}`);
    assert.equal(savedStep(again.modelDir!), again.step, 'the checkpoint moved on with the run');
  }

  it('continues a stopped LSTM run: the step count goes on and the loss curve is one series', async () => {
    await stopResumeStop('mlStudy.trainLstm', TINY, 'LSTM');
  });

  it('continues a stopped Transformer run the same way', async () => {
    await stopResumeStop('mlStudy.trainTransformer', TINY_TRANSFORMER, 'Transformer');
  });

  it('refuses a corrupt checkpoint with one clear message and leaves the run as it was', async () => {
    const a = await api();
    const run = a.jobs.resumable().find((j) => j.model === 'lstm')!;
    assert.ok(run, 'the run of the test above');
    const weights = path.join(modelVersionDir(run.modelDir!), 'weights.bin');
    const good = fs.readFileSync(weights);
    const [seriesBefore] = await seriesOf(run.jobId);
    const snapshot = JSON.stringify({ status: run.status, step: run.step, loss: run.loss, summary: run.summary, modelDir: run.modelDir, n: seriesBefore.steps.length });
    try {
      const bad = Buffer.from(good);
      bad[bad.length >> 1] ^= 0xff;
      fs.writeFileSync(weights, bad);
      const r = await vscode.commands.executeCommand('mlStudy.resumeTraining', run.jobId);
      assert.equal(r, undefined);
      const msg = a.recentMessages().at(-1)?.message ?? '';
      assert.match(msg, /cannot resume .*checksum/, msg);
      const now = a.jobs.get(run.jobId)!;
      const [seriesAfter] = await seriesOf(run.jobId);
      assert.equal(JSON.stringify({ status: now.status, step: now.step, loss: now.loss, summary: now.summary, modelDir: now.modelDir, n: seriesAfter.steps.length }), snapshot);
      assert.ok(now.resumable);
      assert.deepEqual(fs.readFileSync(weights), bad, 'nothing was written over the checkpoint');
    } finally {
      fs.writeFileSync(weights, good);
    }
  });

  it('refuses runs that cannot be resumed with a reason', async () => {
    const a = await api();
    const xorId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 50 })) as string;
    await waitForJob(a, xorId, ['done', 'failed', 'stopped'], 60_000);
    assert.equal(a.jobs.get(xorId)!.resumable, false);
    assert.equal(await vscode.commands.executeCommand('mlStudy.resumeTraining', xorId), undefined);
    assert.match(a.recentMessages().at(-1)?.message ?? '', /cannot be resumed/);
  });
});
