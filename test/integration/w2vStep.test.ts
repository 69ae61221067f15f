/**
 * The word2vec stepper in the real extension host: Step Through word2vec on the selection opens the panel's view
 * with the training worker's stepper at the requested update, whose record equals an independent Word2vecStepper's
 * on the same text; the webview draws each update it is sent (it says which); the view's requests step 10 / to the
 * end of the epoch and watch a word; a chosen note and the SGNS hover's link open it on a note; bad arguments and
 * bad view messages are refused with one clear message and leave the view as it was.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, sleep, waitFor } from './helpers';
import type { W2vStepPanelData } from '../../src/shared/views/w2vStep';
import { Word2vecStepper } from '../../src/core/word2vec/stepper';
import type { ExtensionApi } from '../../src/extension/extension';

const STEP = 'mlStudy.stepWord2vec';
const step = (arg?: unknown) => vscode.commands.executeCommand<W2vStepPanelData | undefined>(STEP, arg);
const settings = { arch: 'sgns', dim: 4, negative: 2, window: 2, lr: 0.1, epochs: 2, seed: 3 };

async function openNote(name: string): Promise<vscode.TextEditor> {
  const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, name)));
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

/** What the webview says it drew, once it has drawn `stamp`. */
async function drawn(a: ExtensionApi, stamp: number): Promise<{ stamp: number; updatesDone: number; center: string | null; loss: number | null }> {
  await waitFor('the panel webview', () => a.panel.webviewReady, 60_000);
  const t0 = Date.now();
  for (;;) {
    const d = (await a.panel.ask('w2vStep.drawn', {})) as { stamp: number; updatesDone: number; center: string | null; loss: number | null };
    if (d.stamp >= stamp) return d;
    if (Date.now() - t0 > 30_000) throw new Error(`the view drew stamp ${d.stamp}, not ${stamp}`);
    await sleep(100);
  }
}

describe('word2vec stepper', () => {
  it('steps through the selection with the engine’s stepper, and the view draws each update', async () => {
    const a = await api();
    const ed = await openNote('03-word2vec.tex');
    const text = ed.document.getText();
    const from = text.indexOf('The softmax above');
    const to = text.indexOf('\\section{CBOW');
    ed.selection = new vscode.Selection(ed.document.positionAt(from), ed.document.positionAt(to));
    const data = await step({ settings, steps: 5 });
    assert.ok(data, 'the command returned nothing');
    assert.match(data.source, /^selection in 03-word2vec\.tex$/);
    assert.equal(a.panel.dataOf('w2vStep')!.stamp, data.stamp);
    const ref = new Word2vecStepper({ ...settings, arch: 'sgns', minCount: 1, sample: 0 }, text.slice(from, to));
    const recs = ref.step(5);
    assert.equal(data.frame.updatesDone, 5);
    assert.deepEqual(data.frame.record, recs[4]);
    assert.ok(data.svg && data.svg.startsWith('<svg'), `the objective was not rendered: ${data.renderError}`);
    let seen = await drawn(a, data.stamp);
    assert.deepEqual(seen, { stamp: data.stamp, updatesDone: 5, center: recs[4].center, loss: recs[4].loss });

    // the view's requests, as the webview sends them
    const h = a.w2vStep.viewHandlers;
    const ten = await h['w2vStep.step']({ steps: 10 });
    const more = ref.step(10);
    assert.deepEqual(ten.frame.record, more[9]);
    seen = await drawn(a, ten.stamp);
    assert.equal(seen.updatesDone, 15);
    const epoch = await h['w2vStep.step']({ steps: 'epoch' });
    assert.equal(epoch.frame.record!.epoch, 1);
    const next = await h['w2vStep.step']({ steps: 1 });
    assert.equal(next.frame.record!.epoch, 2);
    assert.equal(next.frame.updatesDone, epoch.frame.updatesDone + 1);
    const watched = await h['w2vStep.watch']({ word: 'vocabulary' });
    assert.equal(watched.frame.watch!.word, 'vocabulary');
    const reset = await h['w2vStep.reset']({});
    assert.equal(reset.frame.updatesDone, 0);
    assert.equal(reset.frame.watch!.word, 'vocabulary');
    seen = await drawn(a, reset.stamp);
    assert.equal(seen.updatesDone, 0);
  });

  it('refuses bad view messages with one error, and keeps the stepper where it was', async () => {
    const a = await api();
    const h = a.w2vStep.viewHandlers;
    const before = (await h['w2vStep.step']({ steps: 1 })).frame.updatesDone;
    const bad: [keyof typeof h, unknown, RegExp][] = [
      ['w2vStep.step', { steps: 7 }, /steps must be 1, 10, 100 or "epoch"/],
      ['w2vStep.step', { steps: '1' }, /steps must be/],
      ['w2vStep.step', null, /steps must be/],
      ['w2vStep.watch', { word: 42 }, /type a word/],
      ['w2vStep.watch', { word: 'x'.repeat(500) }, /type a word/],
      ['w2vStep.watch', { word: 'zebra' }, /not in the vocabulary/],
      ['w2vStep.configure', { settings: { dim: 99 } }, /Dimensions/],
      ['w2vStep.configure', { settings: { arch: 'glove' } }, /Objective/],
      ['w2vStep.configure', { settings: { bogus: 1 } }, /unknown parameter/],
    ];
    for (const [method, params, why] of bad) {
      await assert.rejects(Promise.resolve((h[method] as (p: unknown) => Promise<W2vStepPanelData>)(params)), why, `${method} ${JSON.stringify(params)?.slice(0, 60)}`);
      assert.match(a.panel.dataOf('w2vStep')!.error ?? '', why);
    }
    const d = a.panel.dataOf('w2vStep')!;
    assert.equal(d.frame.updatesDone, before);
    assert.equal(d.frame.settings.dim, 4);
  });

  it('refuses bad command arguments with one clear message', async () => {
    const a = await api();
    const stamp = a.panel.dataOf('w2vStep')!.stamp;
    const cases: [unknown, RegExp][] = [
      [{ settings: { dim: 50 } }, /could not step through word2vec: bad stepper settings: Dimensions/],
      [{ steps: 0 }, /steps must be an integer/],
      [{ bogus: 1 }, /unknown key "bogus"/],
      [{ source: 'web' }, /takes \{source/],
      [{ source: 'note', note: '../../etc/passwd' }, /is not a note of this workspace/],
      ['some string', /takes \{source/],
    ];
    for (const [arg, why] of cases) {
      assert.equal(await step(arg), undefined, JSON.stringify(arg));
      assert.match(a.recentMessages().at(-1)!.message, why);
    }
    assert.equal(a.panel.dataOf('w2vStep')!.stamp, stamp, 'the view was left as it was');
  });

  it('opens on a chosen note, and from the SGNS formula’s hover on the note it is in', async () => {
    const a = await api();
    const note = await step({ source: 'note', note: '01-xor-and-mlps.md', settings: { arch: 'cbow', dim: 3 } });
    assert.ok(note);
    assert.equal(note.source, '01-xor-and-mlps.md');
    assert.equal(note.frame.settings.arch, 'cbow');
    const ed = await openNote('03-word2vec.tex');
    const text = ed.document.getText();
    const at = ed.document.positionAt(text.indexOf('\\log \\sigma(u_o^\\top v_c)') + 3);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', ed.document.uri, at)) as vscode.Hover[];
    const md = hovers.flatMap((x) => x.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    const link = /\[Step through this objective on your notes\]\(command:mlStudy\.stepWord2vec\?([^)]+)\)/.exec(md);
    assert.ok(link, `no stepper link in the hover:\n${md.slice(0, 800)}`);
    const [args] = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    const fromHover = await step(args);
    assert.ok(fromHover);
    assert.equal(fromHover.source, '03-word2vec.tex');
    assert.equal(fromHover.frame.settings.arch, 'sgns');
    assert.equal(fromHover.frame.updatesDone, 0);
    await drawn(a, fromHover.stamp);
  });
});
