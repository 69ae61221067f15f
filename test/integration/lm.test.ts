/**
 * The LSTM language model in the editor: generate text and the perplexity of a text or the active file, answered by
 * the worker, shown in the Language Model view; clear messages for bad arguments. Trains its own tiny model first
 * (this file runs before models.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LmFeature, type GenerateOutcome, type PerplexityOutcome } from '../../src/extension/lm/lmFeature';
import type { LmGenerated, LmModelInfo, TeacherForcingComparison } from '../../src/shared/views/lm';
import { api, waitFor, waitForJob } from './helpers';

describe('the LSTM language model in the editor', function () {
  this.timeout(240_000);
  let dir = '';

  before(async function () {
    this.timeout(240_000);
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainLstm', { corpus: 'notes', params: { hidden: 32, embedding: 16, batch: 4, seq: 16, steps: 40, evalEvery: 20 } })) as string | undefined;
    assert.ok(jobId, `no job started: ${a.recentMessages().at(-1)?.message}`);
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 200_000);
    assert.equal(job.status, 'done', job.error);
    dir = job.modelDir!;
    assert.ok(fs.existsSync(path.join(dir, 'model.json')));
  });

  const lastMessage = async (): Promise<string> => (await api()).recentMessages().at(-1)?.message ?? '';

  it('followed the training run in the Language Model view (held-out evaluations, samples, teacher forcing)', async () => {
    const a = await api();
    await waitFor('the LM view data of the run', () => a.panel.dataOf('lm')?.status === 'done', 20_000);
    const data = a.panel.dataOf('lm')!;
    assert.equal(data.dir, dir);
    assert.deepEqual(data.history.map((h) => h.step), [20, 40], 'one held-out evaluation every 20 steps');
    assert.ok(data.history.every((h) => h.heldOutLoss! > 0 && Math.abs(h.perplexity! - Math.exp(h.heldOutLoss!)) < 1e-6 * h.perplexity!), 'perplexity = exp(held-out loss)');
    assert.deepEqual(data.samples.map((s) => s.step), [20, 40]);
    assert.ok(data.samples.every((s) => s.text.length > 10));
    assert.ok(data.teacherForcing && data.teacherForcing.teacherForced.length > 0 && data.teacherForcing.freeRunning.length === data.teacherForcing.teacherForced.length);
    assert.ok(data.series && data.series.steps.length > 0 && data.series.steps.at(-1)! <= 40);
  });

  it('generates text: every token has a probability in (0, 1] and its surprisal is −ln p', async () => {
    const a = await api();
    const r = (await vscode.commands.executeCommand('mlStudy.generateText', { dir, prompt: 'The softmax ', length: 60, temperature: 0.9, topK: 10, topP: 0.95, seed: 7 })) as GenerateOutcome | undefined;
    assert.ok(r, `no result: ${await lastMessage()}`);
    assert.equal(r.tokens.length, 60);
    assert.equal(r.level, 'char');
    assert.equal(r.promptTokens.map((t) => t.display).join(''), 'The softmax ');
    for (const t of [...r.promptTokens, ...r.tokens]) {
      assert.ok(t.prob > 0 && t.prob <= 1, `probability ${t.prob} of ${JSON.stringify(t.text)}`);
      assert.ok(Math.abs(t.surprisal + Math.log(t.prob)) < 1e-6, `surprisal ${t.surprisal} ≠ −ln ${t.prob}`);
    }
    assert.equal(r.tokens.map((t) => t.display).join(''), r.text);
    // top-k 10: no generated token can be the unknown token
    assert.ok(r.tokens.every((t) => t.id !== 0));
    // the same seed gives the same text; another seed (almost surely) another
    const again = (await vscode.commands.executeCommand('mlStudy.generateText', { dir, prompt: 'The softmax ', length: 60, temperature: 0.9, topK: 10, topP: 0.95, seed: 7 })) as GenerateOutcome;
    assert.equal(again.text, r.text);
    const greedy = (await vscode.commands.executeCommand('mlStudy.generateText', { dir, prompt: 'The softmax ', length: 30, temperature: 0 })) as GenerateOutcome;
    assert.equal(greedy.tokens.length, 30);
    // it is on show in the view
    const shown = a.panel.dataOf('lm')!;
    assert.equal(shown.generated?.text, greedy.text);
    assert.equal(shown.generated?.options.temperature, 0);
  });

  it('uses the newest saved LSTM and the selection as the prompt when no arguments say otherwise', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Attention weights sum to one.' });
    const ed = await vscode.window.showTextDocument(doc);
    ed.selection = new vscode.Selection(0, 0, 0, 9);
    const r = (await vscode.commands.executeCommand('mlStudy.generateText', { length: 20 })) as GenerateOutcome;
    assert.ok(r, await lastMessage());
    assert.equal(r.dir, dir, 'the newest LSTM');
    assert.equal(r.prompt, 'Attention');
    assert.equal(r.tokens.length, 20);
  });

  it('perplexity of a text equals exp(mean surprisal) of the tokens it reports', async () => {
    const a = await api();
    const text = 'The cross-entropy of a language model is the mean surprisal of each token given the tokens before it.\n';
    const r = (await vscode.commands.executeCommand('mlStudy.perplexity', { dir, text })) as PerplexityOutcome | undefined;
    assert.ok(r, `no result: ${await lastMessage()}`);
    assert.ok(r.detail, 'per-token detail for a short text');
    assert.equal(r.detail.map((t) => t.display).join(''), text, 'the tokens spell the text');
    const scored = r.detail.filter((t) => t.surprisal !== undefined);
    assert.equal(scored.length, r.tokens, 'as many scored tokens as the figure counts');
    assert.equal(r.detail[0].surprisal, undefined, 'the first token is context only');
    const mean = scored.reduce((s, t) => s + t.surprisal!, 0) / scored.length;
    assert.ok(Math.abs(Math.exp(mean) - r.perplexity) < 1e-4 * r.perplexity, `exp(mean surprisal) ${Math.exp(mean)} vs perplexity ${r.perplexity}`);
    assert.ok(Math.abs(r.crossEntropy - mean) < 1e-5);
    assert.ok(Math.abs(r.bitsPerChar! - mean / Math.LN2) < 1e-5);
    assert.ok(scored.every((t) => t.prob! > 0 && t.prob! <= 1 && Math.abs(t.prob! - Math.exp(-t.surprisal!)) < 1e-9));
    // a trained model finds its own notes far less surprising than a uniform guess over its vocabulary
    assert.ok(r.perplexity > 1 && r.perplexity < 60, `perplexity ${r.perplexity}`);
    assert.match(await lastMessage(), /^perplexity \d+\.\d\d on the given text/);
    const shown = a.panel.dataOf('lm')!;
    assert.equal(shown.perplexity?.perplexity, r.perplexity);
  });

  it('scores the whole active file, or its selection', async () => {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = fs.readdirSync(root).find((f) => /\.(tex|md)$/.test(f))!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, file)));
    const ed = await vscode.window.showTextDocument(doc);
    ed.selection = new vscode.Selection(0, 0, 0, 0);
    const whole = (await vscode.commands.executeCommand('mlStudy.perplexity')) as PerplexityOutcome;
    assert.ok(whole, await lastMessage());
    assert.equal(whole.source, file);
    assert.equal(whole.detail!.map((t) => t.display).join(''), doc.getText().replace(/\r\n?/g, '\n'));
    ed.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(200));
    const part = (await vscode.commands.executeCommand('mlStudy.perplexity')) as PerplexityOutcome;
    assert.equal(part.source, `the selection in ${file}`);
    assert.ok(part.tokens < whole.tokens && part.tokens >= 150, `${part.tokens} vs ${whole.tokens}`);
  });

  it('answers the view’s requests only for saved LSTMs, with checked parameters', async () => {
    const a = await api();
    const f = new LmFeature(a.jobs, a.panel);
    const ask = f.viewHandlers;
    const g: LmGenerated = await ask['lm.generate']({ dir, prompt: 'the ', length: 25, temperature: 0, topK: 0, topP: 1, seed: 1 });
    assert.equal(g.tokens.length, 25);
    assert.equal(g.options.temperature, 0);
    const tf: TeacherForcingComparison = await ask['lm.teacherForcing']({ dir, text: 'The perplexity is the exponential of the mean surprisal of the tokens of a held-out text.' });
    assert.ok(tf.teacherForced.length > 0 && tf.freeRunning.length === tf.teacherForced.length);
    assert.equal(tf.teacherForcedAccuracy, tf.teacherForced.filter((x) => x.correct).length / tf.teacherForced.length);
    assert.ok(tf.teacherForced.every((x) => x.probOfTruth > 0 && x.probOfTruth <= 1 && x.correct === (x.predicted === x.truth)));
    const info: LmModelInfo = await ask['lm.info']({ dir });
    assert.deepEqual(info.history.map((h) => h.step), [20, 40]);
    assert.equal(info.level, 'char');
    await assert.rejects(async () => ask['lm.generate']({ dir: os.tmpdir(), prompt: 'x' }), /not one of the saved language models/);
    await assert.rejects(async () => ask['lm.generate']({ dir, prompt: 'x', topP: 2 }), /topP must be a number in \(0, 1\]/);
    await assert.rejects(async () => ask['lm.generate']({ dir, prompt: 'x', extra: 1 }), /unknown argument "extra"/);
    await assert.rejects(async () => ask['lm.teacherForcing']({ dir, text: '  ' }), /type or paste a piece of text/);
    await assert.rejects(async () => ask['lm.info'](null), /bad parameters/);
  });

  it('refuses bad arguments with clear messages', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['mlStudy.generateText', { dir, temperature: -1 }, /temperature must be a number from 0/],
      ['mlStudy.generateText', { dir, topP: 0 }, /topP must be a number in \(0, 1\]/],
      ['mlStudy.generateText', { dir, length: 2.5 }, /length must be a whole number/],
      ['mlStudy.generateText', { dir, topK: '5' }, /topK must be a whole number/],
      ['mlStudy.generateText', { dir, topk: 5 }, /unknown argument "topk"/],
      ['mlStudy.generateText', { dir: 'relative/model' }, /absolute path/],
      ['mlStudy.generateText', { dir: path.join(os.tmpdir(), 'no-such-model-folder') }, /does not exist/],
      ['mlStudy.generateText', 42, /expects a prompt/],
      ['mlStudy.perplexity', { dir, text: '' }, /empty/],
      ['mlStudy.perplexity', { dir, text: 7 }, /text must be a string/],
      ['mlStudy.perplexity', { dir, text: 'a' }, /too short to score/],
      ['mlStudy.perplexity', 'some text', /expects \{dir, text\}/],
    ];
    for (const [command, arg, re] of cases) {
      assert.equal(await vscode.commands.executeCommand(command, arg), undefined, `${command} ${JSON.stringify(arg)} should fail`);
      const a = await api();
      const m = a.recentMessages().at(-1)!;
      assert.equal(m.level, 'error', `${command} ${JSON.stringify(arg)}: ${m.message}`);
      assert.match(m.message, re);
    }
    // a folder that holds another kind of model
    const w2v = (await api()).jobs.savedModels().find((m) => m.model !== 'lstm');
    if (w2v) {
      assert.equal(await vscode.commands.executeCommand('mlStudy.generateText', { dir: w2v.dir, prompt: 'x' }), undefined);
      assert.match(await lastMessage(), /not an LSTM|not a trained model folder|does not say which kind/);
    }
    // a corrupt checkpoint: a clear message, and the model is left as it was
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-lm-'));
    fs.writeFileSync(path.join(bad, 'model.json'), '{"type": "lstm", "format": "ml-study-lm"');
    assert.equal(await vscode.commands.executeCommand('mlStudy.generateText', { dir: bad, prompt: 'x' }), undefined);
    assert.match(await lastMessage(), /corrupt/);
  });
});
