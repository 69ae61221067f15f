/**
 * The Head View, Neuron View and Step Through in the real extension host: the palette commands on a selection in
 * a note with a tiny Transformer trained here (the three views agree with each other and with the weights' rules),
 * the views' requests, and one clear message for bad input: no trained model, a selection longer than the model's
 * context, a bad argument.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import type { HeadsPanelData, NeuronPanelData, StepPanelData } from '../../src/shared/views/heads';
import { HeadsFeature } from '../../src/extension/heads/headsFeature';
import type { JobManager } from '../../src/extension/jobs/jobManager';
import type { StudyPanel } from '../../src/extension/panel/studyPanel';

const SEQ = 24;

async function openNote(name: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, name)));
  return vscode.window.showTextDocument(doc);
}

/** Run a command; its result and the messages it showed (after the last one shown before it). */
async function run<T>(command: string, arg?: unknown): Promise<{ result: T | undefined; shown: { level: string; message: string }[] }> {
  const a = await api();
  const last = a.recentMessages().at(-1);
  const result = (await vscode.commands.executeCommand(command, arg)) as T | undefined;
  const all = a.recentMessages();
  return { result, shown: all.slice(last ? all.indexOf(last) + 1 : 0) };
}

describe('head, neuron and step views with no trained model', () => {
  it('says once that a Transformer must be trained first', async () => {
    const stubJobs = { savedModels: () => [] } as unknown as JobManager;
    const stubPanel = { showView: () => assert.fail('nothing should be shown') } as unknown as StudyPanel;
    const f = new HeadsFeature(stubJobs, stubPanel);
    await assert.rejects(f.open('attn-heads', { text: 'the cat' }), /there is no trained Transformer yet: train one in the Training view/);
    await assert.rejects(f.open('attn-step', { text: 'the cat' }), /no trained Transformer yet/);
  });
});

describe('head, neuron and step views on a selection', function () {
  this.timeout(300_000);
  let dir = '';
  let selected = '';

  before(async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainTransformer', { corpus: 'notes', params: { dModel: 32, ffn: 64, heads: 2, layers: 2, seq: SEQ, batch: 4, steps: 10 } })) as string | undefined;
    assert.ok(jobId, `no Transformer job started: ${a.recentMessages().at(-1)?.message}`);
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 240_000);
    assert.equal(job.status, 'done', job.error);
    dir = job.modelDir!;
    const ed = await openNote('05-attention.md');
    const line = ed.document.getText().split('\n').findIndex((l) => l.startsWith('Scaled dot-product attention'));
    ed.selection = new vscode.Selection(line, 0, line, 14);
    selected = ed.document.getText(ed.selection);
    assert.equal(selected, 'Scaled dot-pro');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('the Head View command shows every layer and head of the selection', async () => {
    const a = await api();
    const { result: h } = await run<HeadsPanelData>('mlStudy.showHeadView');
    assert.ok(h, 'the command answered');
    assert.equal(h.dir, dir, 'the newest saved Transformer is used');
    assert.equal(h.text, selected);
    assert.equal(h.tokens.join(''), selected);
    assert.equal(h.causal, true);
    assert.equal(h.attention.length, 2);
    for (const layer of h.attention) {
      assert.equal(layer.length, 2);
      for (const head of layer) head.forEach((row, i) => {
        assert.ok(Math.abs(row.reduce((s, w) => s + w, 0) - 1) < 1e-5, `row ${i} sums to 1`);
        row.forEach((w, j) => j > i && assert.equal(w, 0, 'nothing above the diagonal'));
      });
    }
    await waitFor('the panel', () => a.panel.isOpen && a.panel.webviewReady, 60_000);
    assert.deepEqual(a.panel.dataOf('attn-heads')?.attention, h.attention);
  });

  it('the Neuron View command shows softmax(QKᵀ/√d_k)V of the last token, the same weights as the head view', async () => {
    const a = await api();
    const h = a.panel.dataOf('attn-heads')!;
    // Run with the panel focused (no active editor): the text on show is read again.
    const { result: n, shown } = await run<NeuronPanelData>('mlStudy.showAttentionNeurons', { layer: 1, head: 1 });
    assert.ok(n, JSON.stringify(shown));
    assert.equal(n.text, selected);
    assert.equal(n.position, selected.length - 1, 'the last token by default');
    assert.equal(n.keys.length, selected.length);
    assert.equal(n.dk, 16);
    n.keys.forEach((k, j) => assert.ok(Math.abs(k.weight - h.attention[1][1][n.position][j]) < 1e-4, `weight ${j} as in the head view`));
    assert.equal(n.output.length, 32);
    assert.deepEqual(a.panel.dataOf('attn-neuron')?.keys, n.keys);
    // The view's own request: another query position.
    // {dir, text, …} as the argument: another query position.
    const { result: other } = await run<NeuronPanelData>('mlStudy.showAttentionNeurons', { dir, text: selected, layer: 0, head: 0, position: 2 });
    assert.equal(other?.position, 2);
    assert.ok(other?.keys.slice(3).every((k) => k.masked && k.weight === 0), 'later keys are masked');
  });

  it('the Step Through command follows a token to its next-token probabilities', async () => {
    const a = await api();
    await openNote('05-attention.md');
    const { result: s, shown } = await run<StepPanelData>('mlStudy.stepThroughTransformer', { position: 3 });
    assert.ok(s, JSON.stringify(shown));
    assert.equal(s.text, selected, 'the selection, kept in the note');
    assert.equal(s.position, 3);
    assert.equal(s.predicts, 'next');
    assert.equal(s.actual, selected[4]);
    assert.equal(s.layerSteps.length, 2);
    assert.equal(s.top.length, 10);
    for (let i = 1; i < s.top.length; i++) assert.ok(s.top[i - 1].p >= s.top[i].p);
    assert.ok(s.top.reduce((x, t) => x + t.p, 0) <= 1 + 1e-9);
    assert.equal(a.panel.dataOf('attn-step')?.position, 3);
  });

  it('a selection longer than the model reads gives one clear message', async () => {
    const ed = await openNote('05-attention.md');
    const line = ed.document.getText().split('\n').findIndex((l) => l.startsWith('At decoder step'));
    ed.selection = new vscode.Selection(line, 0, line, 60);
    const { result, shown } = await run('mlStudy.showHeadView');
    assert.equal(result, undefined);
    assert.equal(shown.length, 1, `one message, got ${JSON.stringify(shown.map((m) => m.message))}`);
    assert.equal(shown[0].level, 'error');
    assert.match(shown[0].message, new RegExp(`^Head View: the selection is 60 tokens \\(characters\\) long; this model reads at most ${SEQ} at once: select less$`));
  });

  it('a bad argument gives one clear message', async () => {
    const first = await run('mlStudy.stepThroughTransformer', { position: 'last' });
    assert.equal(first.result, undefined);
    assert.deepEqual(first.shown.map((m) => m.level), ['error']);
    assert.match(first.shown[0].message, /^Step Through: position must be a whole number/);
    const second = await run('mlStudy.showAttentionNeurons', { dir: '/not/a/model', text: 'the' });
    assert.equal(second.result, undefined);
    assert.deepEqual(second.shown.map((m) => m.level), ['error']);
    assert.match(second.shown[0].message, /^Neuron View: that model is not a saved Transformer/);
  });
});
