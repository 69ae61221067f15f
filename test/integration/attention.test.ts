/**
 * Attention in the editor, in the real extension host: Show Attention for Selection on the demo notes with a tiny
 * Transformer trained here (every row of every layer and head sums to 1, nothing above the diagonal), the seq2seq
 * alignment map arriving live while its model trains, typed inputs, and clear errors for bad arguments.
 * Runs early (name order), so it trains its own small models.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, sleep, waitFor, waitForJob } from './helpers';
import { headRows, type AttentionMap } from '../../src/shared/views/attention';
import { AttentionFeature } from '../../src/extension/attention/attentionFeature';

type Shown = AttentionMap | undefined;

function assertRowsSumToOne(rows: number[][], what: string): void {
  rows.forEach((row, i) => {
    const s = row.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(s - 1) <= 1e-5, `${what}, row ${i} sums to ${s}`);
    assert.ok(row.every((x) => x >= 0 && x <= 1), `${what}, row ${i} has a weight outside [0, 1]`);
  });
}

/** Every layer and head: rows of length T summing to 1, and exactly 0 above the diagonal (the causal mask). */
function assertCausalMaps(m: AttentionMap & { kind: 'transformer' }, layers: number, heads: number): void {
  const T = m.tokens.length;
  assert.equal(m.layers, layers, 'layers');
  assert.equal(m.heads, heads, 'heads');
  assert.ok(m.weights instanceof Float32Array, 'the weights travel as a Float32Array');
  assert.equal(m.weights.length, layers * heads * T * T, 'one weight per layer, head, query and key');
  for (let l = 0; l < layers; l++) {
    for (let hd = 0; hd < heads; hd++) {
      const rows = headRows(m, l, hd).map((r) => Array.from(r));
      assert.equal(rows.length, T);
      assert.ok(rows.every((r) => r.length === T), 'square map');
      assertRowsSumToOne(rows, `layer ${l} head ${hd}`);
      for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) assert.equal(rows[i][j], 0, `layer ${l} head ${hd}: weight [${i}][${j}] above the diagonal`);
    }
  }
}

const lastMessage = async () => (await api()).recentMessages().at(-1)!;

async function openNote(name: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, name)));
  return vscode.window.showTextDocument(doc);
}

describe('attention before any Transformer is trained', () => {
  it('says clearly that a Transformer must be trained first', async () => {
    const a = await api();
    assert.equal(a.jobs.savedModels().filter((m) => m.model === 'transformer').length, 0, 'this suite expects a fresh workspace');
    const ed = await openNote('05-attention.md');
    ed.selection = new vscode.Selection(0, 0, 0, 11);
    assert.equal(await vscode.commands.executeCommand('mlStudy.showAttention'), undefined);
    const m = await lastMessage();
    assert.match(m.message, /no trained Transformer yet/);
    assert.equal(a.jobs.workerClient.alive, false, 'nothing should have started the worker');
  });
});

describe('attention in the editor', function () {
  this.timeout(300_000);
  let transformerDir = '';
  let seq2seqDir = '';

  before(async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainTransformer', { corpus: 'notes', params: { dModel: 32, ffn: 64, heads: 2, seq: 16, batch: 4, steps: 20 } })) as string | undefined;
    assert.ok(jobId, `no Transformer job started: ${(await lastMessage())?.message}`);
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 240_000);
    assert.equal(job.status, 'done', job.error);
    transformerDir = job.modelDir!;
  });

  // Leave the window as the next suites expect it: no notes or panel open, no notifications. (Every test that opens
  // the panel waits for its webview to answer: closing a study panel whose webview is still loading stalled the next
  // webview of the window for ~30 s in code-server, and the next suite's wait for the Explain view failed.)
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows the attention of the selection in a note: every row sums to 1, nothing above the diagonal', async () => {
    const a = await api();
    const ed = await openNote('05-attention.md');
    const doc = ed.document;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Scaled dot-product attention'));
    assert.ok(line > 0);
    const text = doc.lineAt(line).text;
    ed.selection = new vscode.Selection(line, 0, line, text.length);
    const m = (await vscode.commands.executeCommand('mlStudy.showAttention')) as Shown;
    assert.ok(m, `no map: ${(await lastMessage()).message}`);
    assert.ok(m.kind === 'transformer', `a ${m.kind} model, not a Transformer`);
    assert.equal(m.dir, transformerDir, 'the newest saved Transformer is used');
    assert.equal(m.text, text);
    // Character level, context 16: the first 16 characters of the selection, each one in the notes' vocabulary.
    assert.equal(m.tokens.length, 16);
    assert.equal(m.truncated, true);
    assert.equal(m.tokens.join(''), text.slice(0, 16));
    assertCausalMaps(m, 1, 2);
    // The view has it, and the panel is open on it.
    await waitFor('the panel', () => a.panel.isOpen && a.panel.webviewReady, 30_000);
    const data = a.panel.dataOf('attention');
    assert.ok(data, 'the Attention view has data');
    assert.equal(data.focus, 'self');
    assert.deepEqual(data.self?.tokens, m.tokens);
    assert.deepEqual(data.self?.weights, m.weights);
  });

  it('uses the current line when nothing is selected, and {dir, text} when given', async () => {
    const ed = await openNote('05-attention.md');
    const doc = ed.document;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('Several heads'));
    ed.selection = new vscode.Selection(line, 3, line, 3);
    const m = (await vscode.commands.executeCommand('mlStudy.showAttention')) as Shown;
    assert.ok(m && m.kind === 'transformer');
    assert.equal(m.text, doc.lineAt(line).text);
    assert.equal(m.tokens.join(''), 'Several heads at');

    const short = (await vscode.commands.executeCommand('mlStudy.showAttention', { dir: transformerDir, text: 'the softmax' })) as Shown;
    assert.ok(short && short.kind === 'transformer');
    assert.deepEqual(short.tokens, Array.from('the softmax'));
    assert.equal(short.truncated, false);
    assertCausalMaps(short, 1, 2);
    // The first query can only attend to itself.
    assert.equal(short.weights[0], 1);
    const a = await api();
    await waitFor('the panel on the last map', () => a.panel.webviewReady && a.panel.dataOf('attention')!.self?.text === 'the softmax', 60_000);
  });

  it('shows the seq2seq alignment map live while the model trains, then lets the user type inputs', async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainSeq2seq', { params: { task: 'reverse', steps: 60, evalEvery: 20 } })) as string | undefined;
    assert.ok(jobId, `no seq2seq job: ${(await lastMessage()).message}`);
    const seenWhileRunning = new Set<number>();
    for (;;) {
      const job = a.jobs.get(jobId)!;
      const data = a.panel.dataOf('attention');
      const al = data?.alignment;
      if (job.status === 'running' && al?.job?.jobId === jobId && al.job.running) {
        seenWhileRunning.add(al.job.step);
        assert.equal(al.map.source.length, al.map.attention[0]?.length, 'one column per source symbol');
        assert.equal(al.map.target.length, al.map.attention.length, 'one row per output step');
        assertRowsSumToOne(al.map.attention, `alignment at step ${al.job.step}`);
        assert.deepEqual(al.map.expected, [...al.map.source].reverse(), 'the expected output of the reverse task');
        assert.equal(al.dir, undefined, 'no model to query while it trains');
      }
      if (job.status !== 'running' && job.status !== 'queued') break;
      await sleep(15);
    }
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 1000);
    assert.equal(job.status, 'done', job.error);
    assert.ok([...seenWhileRunning].some((s) => s > 0 && s < 60), `no alignment arrived during training (seen at steps ${[...seenWhileRunning].join(', ') || 'none'})`);
    // After training: the saved model is attached, so the view can decode typed inputs.
    await waitFor('the finished alignment', () => a.panel.dataOf('attention')?.alignment?.dir === job.modelDir, 10_000);
    const al = (a.panel.dataOf('attention')!).alignment!;
    assert.equal(al.job?.running, false);
    assert.equal(al.job?.step, 60);
    seq2seqDir = job.modelDir!;

    const m = (await vscode.commands.executeCommand('mlStudy.showAttention', { dir: seq2seqDir, text: 'abc12' })) as Shown;
    assert.ok(m && m.kind === 'seq2seq', `no seq2seq map: ${(await lastMessage()).message}`);
    assert.deepEqual(m.source, ['a', 'b', 'c', '1', '2']);
    assert.deepEqual(m.expected, ['2', '1', 'c', 'b', 'a']);
    assert.ok(m.target.length >= 1 && m.attention.length === m.target.length);
    assert.ok(m.attention.every((r) => r.length === 5));
    assertRowsSumToOne(m.attention, 'typed input');
    const data = a.panel.dataOf('attention')!;
    assert.equal(data.focus, 'alignment');
    assert.deepEqual(data.alignment?.map.source, m.source);
    assert.ok(data.self, 'the self-attention stays on show beside it');
    await waitFor('the panel', () => a.panel.isOpen && a.panel.webviewReady, 60_000);
  });

  it('answers the view’s typed texts only for saved attention models', async () => {
    const a = await api();
    const f = new AttentionFeature(a.jobs, a.panel);
    const ask = f.viewHandlers['attention.map'];
    const r: AttentionMap = await ask({ dir: transformerDir, text: 'attention' });
    assert.equal(r.kind, 'transformer');
    if (r.kind === 'transformer') assert.deepEqual(r.tokens, Array.from('attention'));
    await assert.rejects(async () => ask({ dir: '/etc', text: 'x' }), /no longer saved/);
    await assert.rejects(async () => ask({ dir: transformerDir, text: '   ' }), /type some text/);
    await assert.rejects(async () => ask({ dir: transformerDir }), /needs \{dir, text\}/);
    await assert.rejects(async () => ask({ dir: transformerDir, text: 'x'.repeat(20_001) }), /at most 20000/);
    await assert.rejects(async () => ask(null), /needs \{dir, text\}/);
  });

  it('refuses bad arguments and unusable texts with clear messages', async () => {
    const a = await api();
    const cases: Array<[unknown, RegExp]> = [
      [42, /takes \{dir\?, text\?\}, not number/],
      [[transformerDir], /not an array/],
      [{ dir: 5, text: 'x' }, /dir must be the path of a model folder/],
      [{ text: 7 }, /text must be a string/],
      [{ text: '   ' }, /the text is empty/],
      [{ text: 'x'.repeat(20_001) }, /at most 20000/],
      [{ txt: 'hello' }, /unknown key "txt"/],
      [{ dir: '/nonexistent/model', text: 'hello' }, /no model at \/nonexistent\/model/],
      [{ dir: seq2seqDir, text: 'Hello world!' }, /unknown characters? .*lowercase letters/],
      [{ dir: seq2seqDir, text: 'a'.repeat(40) }, /at most 12/],
    ];
    for (const [arg, re] of cases) {
      const prev = a.recentMessages().at(-1);
      assert.equal(await vscode.commands.executeCommand('mlStudy.showAttention', arg), undefined, `accepted ${JSON.stringify(arg).slice(0, 60)}`);
      const m = a.recentMessages().at(-1)!;
      assert.notEqual(m, prev, `no message shown for ${JSON.stringify(arg).slice(0, 60)}`);
      assert.equal(m.level, 'error');
      assert.match(m.message, re);
    }
    // A blank line and no selection: nothing to show.
    const ed = await openNote('05-attention.md');
    const blank = ed.document.getText().split('\n').findIndex((l, i) => i > 0 && l.trim() === '');
    ed.selection = new vscode.Selection(blank, 0, blank, 0);
    assert.equal(await vscode.commands.executeCommand('mlStudy.showAttention'), undefined);
    assert.match((await lastMessage()).message, /select some text/);
  });

  it('keeps tfjs off the extension host', async () => {
    await api();
    assert.deepEqual(Object.keys(require.cache).filter((k) => /tensorflow|tfjs/i.test(k)), []);
  });
});
