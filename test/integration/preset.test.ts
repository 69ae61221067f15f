import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import { BROWN_WORD_TRANSFORMER } from '../../src/core/attention/presets';

describe('Train on Brown, word level (3 min)', () => {
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('starts a word-level Transformer on Brown with the sampled softmax and a 3-minute budget, and trains', async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainTransformerBrownWords')) as string | undefined;
    assert.ok(jobId, 'no job started');
    try {
      const job = a.jobs.get(jobId)!;
      assert.equal(job.model, 'transformer');
      assert.equal(job.corpusName, 'Brown corpus');
      for (const [k, v] of Object.entries(BROWN_WORD_TRANSFORMER.params)) assert.equal(job.params[k], v, `parameter ${k}`);
      assert.equal(job.params.level, 'word');
      assert.equal(job.params.softmax, 'sampled');
      assert.equal(job.params.timeBudget, 180);
      // the worker trains it: a step is reported with a finite loss
      await waitFor('a training step', () => (a.jobs.get(jobId)?.step ?? 0) >= 1 && Number.isFinite(a.jobs.get(jobId)?.loss ?? NaN), 120_000);
    } finally {
      await vscode.commands.executeCommand('mlStudy.stopTraining', jobId);
    }
    const end = await waitForJob(a, jobId, ['stopped', 'done', 'failed'], 60_000);
    assert.equal(end.status, 'stopped', end.error);
  }).timeout(200_000);
});
