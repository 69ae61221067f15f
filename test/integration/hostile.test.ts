/**
 * A cloned repository is hostile: this suite runs in its own code-server session with workspace trust on, in the
 * workspace prepared by hostileWorkspace.ts. Untrusted, the extension must parse nothing from `.ml-study`, train
 * nothing and say why, while formula hovers work and practice keeps its progress in memory. Trusted (the
 * workbench's dialog is answered by run.ts), it lists only genuine runs, and clearing or training never touches a
 * byte outside `.ml-study`. Two jobs: stopping the queued one leaves the running one reporting progress to the end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, sleep, waitFor, waitForJob, watchReports } from './helpers';
import { RUN_IDS, treeHash, victimOf } from './hostileWorkspace';

const ws = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

describe('hostile workspace (workspace trust on)', function () {
  this.timeout(180_000);
  let victimBefore: Record<string, string>;
  let workspaceBefore: Record<string, string>;
  const untouched = () => {
    assert.deepEqual(treeHash(victimOf(ws())), victimBefore, 'the folder beside the workspace is byte-identical');
    assert.deepEqual(treeHash(ws(), '.ml-study'), workspaceBefore, 'the workspace outside .ml-study is byte-identical');
  };

  before(() => {
    victimBefore = treeHash(victimOf(ws()));
    workspaceBefore = treeHash(ws(), '.ml-study');
    assert.ok(Object.keys(victimBefore).length >= 4, 'the crafted victim folder is there');
  });

  it('untrusted: nothing from .ml-study is parsed, nothing trains, and the user is told why', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the session opens the workspace untrusted');
    const a = await api();
    assert.deepEqual(a.jobs.list(), [], 'no stored run was read');
    assert.deepEqual(a.jobs.savedModels(), [], 'no saved model was read');
    const r = await vscode.commands.executeCommand('mlStudy.trainXor', {});
    assert.equal(r, undefined);
    assert.deepEqual(a.jobs.list(), []);
    assert.ok(a.recentMessages().some((m) => m.level === 'error' && /untrusted workspace/.test(m.message)), 'the user is told training is disabled because the workspace is untrusted');
    assert.throws(() => a.jobs.start('xor', {}, { kind: 'none' }), /not trusted/);
    assert.equal(await vscode.commands.executeCommand('mlStudy.stepWord2vec', { source: 'note', note: 'notes.md' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /untrusted workspace/);
    const lab = await vscode.commands.executeCommand('mlStudy.compareGradients', { text: 'the cat sat on the mat. '.repeat(20), options: { steps: 5 } });
    assert.equal(lab, undefined, 'the RNN vs LSTM lab does not train');
    assert.match(a.recentMessages().at(-1)!.message, /Compare RNN and LSTM Gradients: training is disabled in an untrusted workspace/);
    assert.equal(a.panel.dataOf('gradients'), undefined);
    assert.equal(await vscode.commands.executeCommand('mlStudy.resumeTraining', 'lstm-20260101-000000-abcd'), undefined);
    const last = a.recentMessages().at(-1);
    assert.ok(last?.level === 'error' && /untrusted workspace/.test(last.message), 'resuming is refused like training');
    await assert.rejects(a.jobs.resume('lstm-20260101-000000-abcd', { kind: 'none' }), /not trusted/);
    await vscode.commands.executeCommand('mlStudy.clearFinishedRuns');
    await Promise.resolve(vscode.commands.executeCommand('mlStudy.importVectors', path.join(victimOf(ws()), 'x.json'))).catch(() => undefined);
    assert.deepEqual(fs.readdirSync(path.join(ws(), '.ml-study', 'models')).sort(), ['.hidden', 'linked'], 'nothing was imported');
    untouched();
  });

  it('untrusted: distillation, the latent space and the HS tree neither train nor read models', async () => {
    const a = await api();
    for (const [id, arg] of [
      ['mlStudy.trainDistill', { corpus: 'notes', params: {} }],
      ['mlStudy.trainVae', { params: {} }],
      ['mlStudy.trainVaeLatent', { kind: 'vae', data: 'points', beta: 1 }],
      ['mlStudy.showDistillation', { text: 'the' }],
      ['mlStudy.showLatentSpace', undefined],
      ['mlStudy.showHsTree', { context: 'the' }],
    ] as [string, unknown][]) {
      const r = await vscode.commands.executeCommand(id, arg);
      assert.equal(r, undefined, `${id} ran in an untrusted workspace`);
      assert.match(a.recentMessages().at(-1)?.message ?? '', /untrusted|not trusted/, id);
    }
    assert.deepEqual(a.jobs.list(), []);
    untouched();
  });

  it('untrusted: formula hovers still answer', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(ws(), '00-math-refresher.md'));
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('$') + 2;
    let hovers: vscode.Hover[] = [];
    await waitFor(
      'a formula hover',
      () => {
        void vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at)).then((h) => (hovers = h ?? []));
        return hovers.length > 0;
      },
      60_000,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('untrusted: practice keeps progress in memory only and says so', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(ws(), '01-xor-and-mlps.md'));
    await vscode.window.showTextDocument(doc);
    const data = (await vscode.commands.executeCommand('mlStudy.practiceNote')) as import('../../src/shared/views/practice').PracticePanelData;
    assert.equal(data.storage.kind, 'memory');
    assert.match(data.storage.note, /in memory only: the workspace is not trusted/);
    const a = await api();
    let q = data.question;
    for (let i = 0; i < 6; i++) assert.equal((q = a.practice.next().question)?.kind, 'numeric', 'no experiment runs untrusted');
    const r = await a.practice.answer({ id: q!.id, answer: `(${Array(q!.components).fill(12345).join(', ')})` });
    assert.equal(r.result?.correct, false);
    assert.equal(fs.existsSync(path.join(ws(), '.ml-study', 'practice.json')), false);
    untouched();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trusting the folder enables storage without a reload, listing only genuine runs', async () => {
    const signal = process.env.MLSTUDY_SIGNAL_DIR;
    assert.ok(signal, 'run.ts gives the suite a folder to ask for trust through');
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    fs.writeFileSync(path.join(signal, 'grant-trust'), '');
    await Promise.race([granted, sleep(60_000).then(() => assert.fail(`trust was not granted: ${fs.existsSync(path.join(signal, 'trust-failed')) ? fs.readFileSync(path.join(signal, 'trust-failed'), 'utf8') : 'no answer'}`))]);
    assert.equal(vscode.workspace.isTrusted, true);
    const a = await api();
    await waitFor('the stored runs', () => a.jobs.list().length > 0, 10_000);
    const ids = a.jobs.list().map((j) => j.jobId).sort();
    assert.deepEqual(ids, [RUN_IDS.absModel, RUN_IDS.running].sort(), 'traversal ids and symlinked run files are not listed');
    assert.equal(a.jobs.get(RUN_IDS.absModel)?.modelDir, undefined, 'a model folder outside models/ is dropped');
    assert.equal(a.jobs.get(RUN_IDS.running)?.status, 'stopped', 'a run stored as running is shown as interrupted');
    assert.deepEqual(a.jobs.savedModels(), [], 'symlinked and hidden folders are not models');
    await vscode.commands.executeCommand('mlStudy.clearFinishedRuns');
    assert.deepEqual(a.jobs.list(), []);
    assert.ok(fs.lstatSync(path.join(ws(), '.ml-study', 'runs', `${RUN_IDS.symlinked}.json`)).isSymbolicLink(), 'the symlinked run file is left alone');
    untouched();
  });

  it('two jobs: stopping the queued one leaves the running one reporting progress to the end', async () => {
    const a = await api();
    const first = a.jobs.start('xor', { epochs: 6000 }, { kind: 'none' });
    const second = a.jobs.start('xor', { epochs: 50 }, { kind: 'none' });
    const reports = watchReports(a, first.jobId);
    await waitForJob(a, first.jobId, ['running'], 60_000);
    const t0 = Date.now();
    assert.equal(a.jobs.stop(second.jobId), true);
    const stopped = await waitForJob(a, second.jobId, ['stopped', 'failed'], 5_000);
    const ms = Date.now() - t0;
    assert.equal(stopped.status, 'stopped');
    const stepAtStop = a.jobs.get(first.jobId)!.step;
    await sleep(2500); // past the host's 2 s kill timer: the worker must still be alive
    reports.dispose();
    assert.ok(ms < reports.bound(500), `the queued job ended ${ms} ms after the stop (the running job reported every ≤ ${reports.gap().toFixed(0)} ms)`);
    assert.ok(a.jobs.get(first.jobId)!.step > stepAtStop || a.jobs.get(first.jobId)!.status === 'done', 'the running job kept reporting progress');
    const done = await waitForJob(a, first.jobId, ['done', 'stopped', 'failed'], 120_000);
    assert.equal(done.status, 'done', done.error);
    assert.ok(done.modelDir && fs.existsSync(path.join(done.modelDir, 'model.json')), 'the model was saved in .ml-study/models');
    assert.ok(done.modelDir!.startsWith(path.join(ws(), '.ml-study', 'models')), done.modelDir);
    untouched();
  });
});
