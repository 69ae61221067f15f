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
import { AttentionFeature } from '../../src/extension/attention/attentionFeature';
import type { LmComparison, LmGenerated, LmModelInfo, LmPanelData, LmPerplexityReport, TeacherForcingComparison } from '../../src/shared/views/lm';
import type { AttentionPanelData } from '../../src/shared/views/attention';
import type { ModelPickerData } from '../../src/shared/views/modelPicker';
import { api, waitFor, waitForJob } from './helpers';

/** exp(mean surprisal) of the scored tokens of a report: the figure it claims. */
function assertPerplexityOfDetail(r: LmPerplexityReport, text: string): void {
  assert.ok(r.detail, 'per-token detail for a short text');
  assert.equal(r.detail.map((t) => t.display).join(''), text, 'the tokens spell the text');
  const scored = r.detail.filter((t) => t.surprisal !== undefined);
  assert.equal(scored.length, r.tokens, 'as many scored tokens as the figure counts');
  assert.equal(r.detail[0].surprisal, undefined, 'the first token is context only');
  const mean = scored.reduce((s, t) => s + t.surprisal!, 0) / scored.length;
  assert.ok(Math.abs(Math.exp(mean) - r.perplexity) < 1e-4 * r.perplexity, `exp(mean surprisal) ${Math.exp(mean)} vs perplexity ${r.perplexity}`);
}

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
    assertPerplexityOfDetail(r, text);
    const scored = r.detail!.filter((t) => t.surprisal !== undefined);
    const mean = scored.reduce((s, t) => s + t.surprisal!, 0) / scored.length;
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
    // a folder that holds another kind of model (word vectors)
    const w2v = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-w2v-'));
    fs.writeFileSync(path.join(w2v, 'model.json'), JSON.stringify({ type: 'word2vec', format: 'ml-study-word2vec', dim: 2, vocab: ['a', 'b'] }));
    assert.equal(await vscode.commands.executeCommand('mlStudy.generateText', { dir: w2v, prompt: 'x' }), undefined);
    assert.match(await lastMessage(), /not a language model|not a trained model folder/);
    fs.rmSync(w2v, { recursive: true, force: true });
    // a corrupt checkpoint: a clear message, and the model is left as it was
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-lm-'));
    fs.writeFileSync(path.join(bad, 'model.json'), '{"type": "lstm", "format": "ml-study-lm"');
    assert.equal(await vscode.commands.executeCommand('mlStudy.generateText', { dir: bad, prompt: 'x' }), undefined);
    assert.match(await lastMessage(), /corrupt/);
  });
});

describe('the Transformer as a language model, the model pickers and compare', function () {
  this.timeout(240_000);
  let transformer = '';
  let lstm = '';
  let broken = '';
  const text = 'The attention weights of each query sum to one over the keys.\n';

  before(async function () {
    this.timeout(240_000);
    const a = await api();
    lstm = a.jobs.savedModels().find((m) => m.model === 'lstm')!.dir;
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainTransformer', { corpus: 'notes', params: { dModel: 32, ffn: 64, heads: 2, seq: 32, batch: 4, steps: 30 } })) as string | undefined;
    assert.ok(jobId, `no job started: ${a.recentMessages().at(-1)?.message}`);
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 200_000);
    assert.equal(job.status, 'done', job.error);
    transformer = job.modelDir!;
    // A crafted folder the run store lists (it says it is an LSTM) whose description is unusable.
    broken = path.join(path.dirname(transformer), 'crafted-lm');
    fs.mkdirSync(broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'model.json'), JSON.stringify({ format: 'ml-study-lm', type: 'lstm', vocab: { level: 'char' } }));
    a.jobs.refreshModels();
  });

  after(async () => {
    fs.rmSync(broken, { recursive: true, force: true });
    (await api()).jobs.refreshModels();
  });

  it('followed the Transformer’s run in the Language Model view (held-out evaluations, samples, teacher forcing)', async () => {
    const a = await api();
    await waitFor('the LM view data of the Transformer run', () => a.panel.dataOf('lm')?.dir === transformer && a.panel.dataOf('lm')?.status === 'done', 20_000);
    const data = a.panel.dataOf('lm')!;
    assert.equal(data.kind, 'transformer');
    assert.equal(data.level, 'char');
    assert.ok(data.history.length >= 1 && data.history.at(-1)!.step === 30, `evaluations at steps ${data.history.map((h) => h.step)}`);
    assert.ok(data.history.every((h) => h.heldOutLoss! > 0 && Math.abs(h.perplexity! - Math.exp(h.heldOutLoss!)) < 1e-6 * h.perplexity! && Math.abs(h.bitsPerChar! - h.heldOutLoss! / Math.LN2) < 1e-9), 'perplexity = exp(held-out loss), bits/char = loss / ln 2');
    assert.equal(data.samples.at(-1)?.step, 30, 'a sample of the final model');
    assert.ok(data.samples.every((s) => s.text.length > 24));
    assert.ok(data.teacherForcing && data.teacherForcing.teacherForced.length > 0 && data.teacherForcing.freeRunning.length === data.teacherForcing.teacherForced.length);
    assert.ok(data.series && data.series.steps.at(-1) === 30, 'the training-loss series of the run');
    // opening the finished model keeps what the run showed (its model.json has only the last evaluation, no samples)
    const opened = (await vscode.commands.executeCommand('mlStudy.showLanguageModel', transformer)) as LmPanelData;
    assert.equal(opened.kind, 'transformer');
    assert.deepEqual(opened.samples.map((s) => s.step), data.samples.map((s) => s.step));
    assert.deepEqual(opened.history.map((h) => h.step), data.history.map((h) => h.step));
  });

  it('Generate Text takes a Transformer: probabilities in (0, 1], surprisal −ln p, seeded, shown in the view', async () => {
    const a = await api();
    const args = { dir: transformer, prompt: 'The softmax ', length: 30, temperature: 0.9, topK: 10, topP: 1, seed: 5 };
    const r = (await vscode.commands.executeCommand('mlStudy.generateText', args)) as GenerateOutcome | undefined;
    assert.ok(r, `no result: ${a.recentMessages().at(-1)?.message}`);
    assert.equal(r.tokens.length, 30);
    assert.equal(r.promptTokens.map((t) => t.display).join(''), 'The softmax ');
    for (const t of [...r.promptTokens, ...r.tokens]) {
      assert.ok(t.prob > 0 && t.prob <= 1, `probability ${t.prob}`);
      assert.ok(Math.abs(t.surprisal + Math.log(t.prob)) < 1e-6);
    }
    assert.ok(r.tokens.every((t) => t.id !== 0), 'never the unknown token');
    const again = (await vscode.commands.executeCommand('mlStudy.generateText', args)) as GenerateOutcome;
    assert.equal(again.text, r.text, 'the same seed, the same text');
    const shown = a.panel.dataOf('lm')!;
    assert.equal(shown.dir, transformer);
    assert.equal(shown.generated?.text, r.text);
    assert.ok(shown.picker?.models.some((m) => m.dir === transformer), 'the picker lists it');
    assert.equal(shown.picker?.selected, transformer);
  });

  it('Perplexity of File or Selection takes a Transformer: the figure is exp(mean surprisal) of its tokens', async () => {
    const a = await api();
    const r = (await vscode.commands.executeCommand('mlStudy.perplexity', { dir: transformer, text })) as PerplexityOutcome | undefined;
    assert.ok(r, `no result: ${a.recentMessages().at(-1)?.message}`);
    assertPerplexityOfDetail(r, text);
    assert.ok(r.perplexity > 1 && r.perplexity < 200, `perplexity ${r.perplexity}`);
    assert.equal(a.panel.dataOf('lm')!.perplexity?.perplexity, r.perplexity);
  });

  it('the LM view’s picker lists every saved language model with its facts, and a crafted folder with its reason', async () => {
    const a = await api();
    const f = new LmFeature(a.jobs, a.panel);
    const picker: ModelPickerData = await f.viewHandlers['lm.models']({});
    const saved = a.jobs.savedModels().filter((m) => m.model === 'lstm' || m.model === 'transformer');
    assert.deepEqual(picker.models.map((m) => m.dir).sort(), saved.map((m) => m.dir).sort(), 'every saved language model, nothing else');
    const t = picker.models.find((m) => m.dir === transformer)!;
    assert.equal(t.kind, 'transformer');
    assert.equal(t.level, 'char');
    assert.ok(t.parameters! > 1000, `parameters ${t.parameters}`);
    assert.ok(t.heldOutPerplexity! > 1, 'the held-out perplexity the trainer saved');
    const corpusName = a.jobs.list().find((j) => j.modelDir === transformer)!.corpusName;
    assert.ok(corpusName, 'the run recorded its corpus');
    assert.equal(t.corpus, corpusName, 'the corpus of the run that made it');
    const l = picker.models.find((m) => m.dir === lstm)!;
    assert.equal(l.kind, 'lstm');
    assert.ok(l.heldOutPerplexity! > 1 && l.parameters! > 1000);
    const b = picker.models.find((m) => m.dir === broken);
    assert.ok(b, 'the crafted folder is listed');
    assert.match(b.error ?? '', /configuration is missing/);
    await assert.rejects(async () => f.viewHandlers['lm.select']({ dir: broken }), /./, 'a crafted folder cannot be opened');
    await assert.rejects(async () => f.viewHandlers['lm.models']({ x: 1 }), /no arguments/);
  });

  it('the LM view switches models through its picker (Transformer and LSTM)', async () => {
    const a = await api();
    const f = new LmFeature(a.jobs, a.panel);
    const t: LmPanelData = await f.viewHandlers['lm.select']({ dir: transformer });
    assert.equal(t.dir, transformer);
    assert.equal(t.kind, 'transformer');
    assert.equal(t.history.length, 1, 'the final evaluation the trainer saved');
    assert.ok(Math.abs(t.history[0].perplexity! - Math.exp(t.history[0].heldOutLoss!)) < 1e-6 * t.history[0].perplexity!);
    assert.equal(t.picker?.selected, transformer);
    const info: LmModelInfo = await f.viewHandlers['lm.info']({ dir: transformer });
    assert.equal(info.kind, 'transformer');
    assert.equal(info.context, 32);
    const tf: TeacherForcingComparison = await f.viewHandlers['lm.teacherForcing']({ dir: transformer, text: 'The perplexity is the exponential of the mean surprisal of a held-out text.' });
    assert.ok(tf.teacherForced.length > 0 && tf.freeRunning.length === tf.teacherForced.length);
    const l: LmPanelData = await f.viewHandlers['lm.select']({ dir: lstm });
    assert.equal(l.kind, 'lstm');
    assert.equal(l.picker?.selected, lstm);
    assert.deepEqual(l.history.map((h) => h.step), [20, 40]);
    await assert.rejects(async () => f.viewHandlers['lm.select']({ dir: os.tmpdir() }), /not one of the saved language models/);
  });

  it('compare: the LSTM’s and the Transformer’s perplexity and surprisals of the same text, side by side', async () => {
    const a = await api();
    const f = new LmFeature(a.jobs, a.panel);
    await f.viewHandlers['lm.select']({ dir: lstm });
    const c: LmComparison = await f.viewHandlers['lm.compare']({ dir: lstm, other: transformer, text });
    assert.deepEqual(c.models.map((m) => m.dir), [lstm, transformer]);
    for (const m of c.models) assertPerplexityOfDetail(m, text);
    const direct = (await vscode.commands.executeCommand('mlStudy.perplexity', { dir: transformer, text })) as PerplexityOutcome;
    assert.equal(c.models[1].perplexity, direct.perplexity, 'the same figure as the Perplexity command');
    assert.equal(f.current?.comparison?.text, text, 'kept with the view’s data');
    assert.equal(f.current?.picker?.compare, transformer);
    await assert.rejects(async () => f.viewHandlers['lm.compare']({ dir: lstm, other: broken, text }), /./);
    await assert.rejects(async () => f.viewHandlers['lm.compare']({ dir: lstm, other: os.tmpdir(), text }), /choose a saved language model/);
    await assert.rejects(async () => f.viewHandlers['lm.compare']({ dir: lstm, other: transformer, text: ' ' }), /type or paste/);
  });

  it('the Attention view’s picker lists the attention models and shows the one chosen', async () => {
    const a = await api();
    const f = new AttentionFeature(a.jobs, a.panel);
    const picker: ModelPickerData = await f.viewHandlers['attention.models']({});
    const saved = a.jobs.savedModels().filter((m) => m.model === 'transformer' || m.model === 'mlm' || m.model === 'seq2seq');
    assert.deepEqual(picker.models.map((m) => m.dir).sort(), saved.map((m) => m.dir).sort());
    assert.ok(!picker.models.some((m) => m.dir === lstm), 'no LSTM in the attention picker');
    const data: AttentionPanelData = await f.viewHandlers['attention.select']({ dir: transformer, text: 'the keys and the values' });
    assert.equal(data.self?.dir, transformer);
    assert.equal(data.picker?.selected, transformer);
    assert.ok(data.self!.weights instanceof Float32Array);
    await assert.rejects(async () => f.viewHandlers['attention.select']({ dir: lstm }), /choose a saved attention model/);
  });
});
