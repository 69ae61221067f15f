/**
 * Every model trains from its command in the real extension host, on the demo notes (or its task), in the worker,
 * and is saved in the workspace and listed. Small configurations: this checks the pipe, the models' own tests check
 * their math and quality.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitForJob } from './helpers';

const CASES: Array<{ command: string; args: Record<string, unknown>; file: string }> = [
  { command: 'mlStudy.trainWord2vec', args: { corpus: 'notes', params: { arch: 'sgns', dim: 16, epochs: 3, minCount: 2, threads: 1 } }, file: 'model.json' },
  { command: 'mlStudy.trainWord2vec', args: { corpus: 'notes', params: { arch: 'cbow', dim: 16, epochs: 3, minCount: 2, threads: 1 } }, file: 'model.json' },
  { command: 'mlStudy.trainLstm', args: { corpus: 'notes', params: { hidden: 32, embedding: 16, batch: 4, seq: 16, steps: 30, evalEvery: 15 } }, file: 'model.json' },
  { command: 'mlStudy.trainTransformer', args: { corpus: 'notes', params: { dModel: 32, ffn: 64, heads: 2, seq: 16, batch: 4, steps: 20 } }, file: 'model.json' },
  { command: 'mlStudy.trainSeq2seq', args: { params: { task: 'reverse', steps: 20, evalEvery: 10 } }, file: 'model.json' },
];

describe('every model trains from the editor', function () {
  this.timeout(300_000);

  for (const c of CASES) {
    it(`${c.command} ${JSON.stringify(c.args.params)}`, async () => {
      const a = await api();
      const jobId = (await vscode.commands.executeCommand(c.command, c.args)) as string | undefined;
      assert.ok(jobId, `no job started; messages: ${a.recentMessages().slice(-2).map((m) => m.message).join(' | ')}`);
      const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 240_000);
      assert.equal(job.status, 'done', job.error);
      assert.ok(job.summary && job.summary.length > 10, job.summary);
      assert.ok(job.modelDir && fs.existsSync(path.join(job.modelDir, c.file)), `nothing saved in ${job.modelDir}`);
      assert.ok(a.jobs.savedModels().some((m) => m.dir === job.modelDir), 'the saved model is not listed');
      const series = a.jobs.allSeries().find((s) => s.jobId === jobId)!;
      assert.ok(series.steps.length >= 1, 'no progress was streamed');
      assert.ok(series.losses.every((l) => Number.isFinite(l)), 'a non-finite loss was streamed');
    });
  }

  it('refuses an empty selection and nonsense hyperparameters with a clear message', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'notes' });
    await vscode.window.showTextDocument(doc);
    assert.equal(await vscode.commands.executeCommand('mlStudy.trainWord2vec', { corpus: 'selection' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /select some text/);
    assert.equal(await vscode.commands.executeCommand('mlStudy.trainLstm', { corpus: 'notes', params: { hidden: 0 } }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /Hidden units/);
    assert.equal(await vscode.commands.executeCommand('mlStudy.trainWord2vec', { corpus: 'nowhere' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /corpus must be one of notes, active, selection, brown, file/);
  });
});
