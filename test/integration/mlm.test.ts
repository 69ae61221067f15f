/**
 * The masked language model and the GRU in the real extension host: Fill in the Blank before any model (a clear
 * message), Train Masked Language Model on the demo notes, Fill in the Blank on a word selected in a note (the
 * panel's Fill-in-the-Blank view gets the model's top-k tokens per blank), its bad arguments, its attention maps
 * (bidirectional) beside a causal Transformer's in the Attention view, and the language model trained with a GRU
 * cell from its command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import type { MlmFillData } from '../../src/shared/views/mlm';
import { headRows, type AttentionMap } from '../../src/shared/views/attention';
import { formOf } from '../../src/extension/models';
import { CATALOG } from '../../src/core/formula/catalog';

const lastMessage = async () => (await api()).recentMessages().at(-1)!;

async function openNote(name: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, name))));
}

async function train(command: string, args: Record<string, unknown>): Promise<string> {
  const a = await api();
  const jobId = (await vscode.commands.executeCommand(command, args)) as string | undefined;
  assert.ok(jobId, `no job started: ${(await lastMessage())?.message}`);
  const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 240_000);
  assert.equal(job.status, 'done', job.error);
  return job.modelDir!;
}

describe('masked language model and GRU in the editor', function () {
  this.timeout(300_000);
  let mlmDir = '';

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('Fill in the Blank before any masked language model says to train one', async () => {
    const a = await api();
    assert.ok(!a.jobs.savedModels().some((m) => m.model === 'mlm'), 'this suite runs before any masked language model is trained in the session');
    const ed = await openNote('05-attention.md');
    ed.selection = new vscode.Selection(0, 0, 0, 5);
    assert.equal(await vscode.commands.executeCommand('mlStudy.fillMask'), undefined);
    assert.match((await lastMessage()).message, /no trained masked language model yet/);
  });

  it('trains a masked language model from its command; it is saved and listed', async () => {
    const a = await api();
    mlmDir = await train('mlStudy.trainMlm', { corpus: 'notes', params: { layers: 1, heads: 2, dModel: 32, ffn: 64, seq: 16, batch: 8, steps: 30 } });
    const meta = JSON.parse(fs.readFileSync(path.join(mlmDir, 'model.json'), 'utf8'));
    assert.equal(meta.kind, 'mlm');
    assert.equal(meta.config.causal, false);
    assert.ok(a.jobs.savedModels().some((m) => m.dir === mlmDir && m.model === 'mlm'));
    const job = a.jobs.list().find((j) => j.modelDir === mlmDir)!;
    assert.match(job.summary ?? '', /held-out masked loss .* \(unigram/);
  });

  it('fills in the word selected in a note: one blank per character, top-k with probabilities, in the panel', async () => {
    const a = await api();
    const ed = await openNote('05-attention.md');
    const doc = ed.document;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Scaled dot-product attention'));
    assert.ok(line >= 0);
    const col = doc.lineAt(line).text.indexOf('dot');
    ed.selection = new vscode.Selection(line, col, line, col + 3);
    const d = (await vscode.commands.executeCommand('mlStudy.fillMask')) as MlmFillData | undefined;
    assert.ok(d, `no answer: ${(await lastMessage()).message}`);
    assert.equal(d.dir, mlmDir);
    assert.equal(d.selected, 'dot');
    assert.equal(d.result.level, 'char');
    assert.deepEqual(d.result.blanks.map((b) => b.original), ['d', 'o', 't']);
    assert.deepEqual(d.result.blanks.map((b) => b.index), [col, col + 1, col + 2]);
    for (const b of d.result.blanks) {
      assert.equal(b.candidates.length, 8);
      const ps = b.candidates.map((c) => c.p);
      assert.deepEqual(ps, [...ps].sort((x, y) => y - x));
      assert.ok(ps.every((p) => p > 0 && p < 1) && ps.reduce((s, p) => s + p, 0) <= 1 + 1e-6);
      assert.ok(b.candidates.every((c) => c.token !== '[MASK]'));
    }
    assert.equal(d.result.context.filter((t) => t === '[MASK]').length, 3);
    await waitFor('the Fill-in-the-Blank view', () => a.panel.isOpen && a.panel.webviewReady && a.panel.dataOf('mlm-fill')?.stamp === d.stamp, 60_000);
    // The word at the cursor when nothing is selected; {text, from, to, k} when given.
    // The panel took the focus: back to the note, the cursor inside the word.
    const again = await vscode.window.showTextDocument(doc);
    again.selection = new vscode.Selection(line, col + 1, line, col + 1);
    const atCursor = (await vscode.commands.executeCommand('mlStudy.fillMask')) as MlmFillData | undefined;
    assert.equal(atCursor?.selected, 'dot');
    const given = (await vscode.commands.executeCommand('mlStudy.fillMask', { text: 'the softmax of the scores', from: 4, to: 5, k: 3 })) as MlmFillData | undefined;
    assert.ok(given);
    assert.equal(given.result.blanks.length, 1);
    assert.equal(given.result.blanks[0].original, 's');
    assert.equal(given.result.blanks[0].candidates.length, 3);
  });

  it('refuses bad arguments and models of another kind with one clear message', async () => {
    const a = await api();
    const other = a.jobs.savedModels().find((m) => m.model === 'transformer' || m.model === 'seq2seq');
    const cases: Array<[unknown, RegExp]> = [
      [42, /takes \{dir\?, text\?, from\?, to\?, k\?\}/],
      [{ text: 'abc', from: 1 }, /give text, from and to together/],
      [{ text: 'abc', from: -1, to: 2 }, /whole numbers/],
      [{ text: 'abc', from: 2, to: 9 }, /outside the text/],
      [{ txt: 'abc' }, /unknown key "txt"/],
      [{ text: 'abc', from: 0, to: 1, k: 500 }, /k from 1 to 50/],
      [{ dir: '/nonexistent/model', text: 'abc', from: 0, to: 1 }, /no model at \/nonexistent\/model/],
    ];
    if (other) cases.push([{ dir: other.dir, text: 'abc', from: 0, to: 1 }, /not a masked language model/]);
    for (const [arg, re] of cases) {
      assert.equal(await vscode.commands.executeCommand('mlStudy.fillMask', arg), undefined, JSON.stringify(arg));
      assert.match((await lastMessage()).message, re, JSON.stringify(arg));
    }
  });

  it('shows its bidirectional attention beside a causal Transformer’s in the Attention view', async () => {
    const a = await api();
    if (!a.jobs.savedModels().some((m) => m.model === 'transformer')) await train('mlStudy.trainTransformer', { corpus: 'notes', params: { dModel: 32, ffn: 64, heads: 2, seq: 16, batch: 4, steps: 5 } });
    const ed = await openNote('05-attention.md');
    ed.selection = new vscode.Selection(0, 0, 0, 12);
    const shown = (await vscode.commands.executeCommand('mlStudy.showAttention')) as AttentionMap | undefined;
    assert.ok(shown && shown.kind === 'transformer', `no map: ${(await lastMessage()).message}`);
    assert.equal(shown.bidirectional, false);
    const data = a.panel.dataOf('attention')!;
    const cmp = data.compare;
    assert.ok(cmp, 'the masked language model is drawn beside it');
    assert.equal(cmp.dir, mlmDir);
    assert.equal(cmp.bidirectional, true);
    assert.deepEqual(cmp.tokens, shown.tokens);
    let above = 0;
    for (let l = 0; l < cmp.layers; l++) for (let hd = 0; hd < cmp.heads; hd++) headRows(cmp, l, hd).forEach((row, q) => row.forEach((w, k) => (above += k > q ? w : 0)));
    assert.ok(above > 0.1, `the bidirectional maps put ${above} above the diagonal`);
    await waitFor('the Attention view', () => a.panel.isOpen && a.panel.webviewReady, 60_000);
  });

  it('trains the language model with a GRU cell from its command (the form has the cell field; the catalog links it)', async () => {
    assert.deepEqual(formOf('lstm').params.find((p) => p.name === 'cell')?.kind, 'enum');
    assert.deepEqual(CATALOG.gru.experiment?.args, { params: { cell: 'gru' } });
    assert.equal(CATALOG['masked-lm'].experiment?.command, 'mlStudy.trainMlm');
    const dir = await train('mlStudy.trainLstm', { corpus: 'notes', params: { cell: 'gru', hidden: 32, embedding: 16, batch: 4, seq: 16, steps: 20, evalEvery: 10 } });
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
    assert.equal(meta.config.cell, 'gru');
    const a = await api();
    assert.match(a.jobs.list().find((j) => j.modelDir === dir)?.summary ?? '', /GRU/);
  });
});
