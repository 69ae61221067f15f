/**
 * Experiments that start from the note and worked examples from the user's own model, in the real extension host:
 * a hover's link starts a run with the note's values (the started job's parameters), hostile or invalid link
 * arguments are refused with a message and start nothing, and the Explain view's example from a saved word2vec model
 * equals σ(v_o · v_c) computed here from the model's files, again after a newer model is saved.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import type { ExtensionApi } from '../../src/extension/extension';
import type { ModelExample } from '../../src/shared/views/explain';

const FOLDER = 'zz-note-values';
const ADAM = String.raw`# Adam

We train with Adam, using $\beta_1 = 0.8$, $\beta_2 = 0.99$ and a learning rate $\eta = 0.02$:

$$\theta_t = \theta_{t-1} - \eta \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$$

In a second run the first moment is $m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$ with $\beta_1 = 1.5$.
`;
const SENTENCE = 'the king and the queen ruled the land while the king spoke to the queen about the land and the people . ';
const SGNS = String.raw`# Skip-gram with negative sampling

For each pair we draw k = 3 negative samples and maximise

$$\log \sigma(u_o^\top v_c) + \sum_{i=1}^{k} \mathbb{E}_{w_i \sim P_n(w)} \log \sigma(-u_{w_i}^\top v_c)$$

where the king and the queen are a centre and a context word.

${SENTENCE.repeat(12)}
`;

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

async function hoverLink(file: string, needle: string, label: string): Promise<{ command: string; args: unknown[]; label: string; md: string }> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), FOLDER, file)));
  const pos = doc.positionAt(doc.getText().indexOf(needle) + 2);
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) as vscode.Hover[];
  const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
  const m = new RegExp(String.raw`\[(${label}[^\]]*)\]\(command:([\w.]+)\?([^)]+)\)`).exec(md);
  assert.ok(m, `no link "${label}" in the hover:\n${md.slice(-1200)}`);
  return { label: m[1].replace(/\\(.)/g, '$1'), command: m[2], args: JSON.parse(decodeURIComponent(m[3])) as unknown[], md };
}

/** σ(v_o · v_c) from the saved model's own files: model.json's word list and vectors.f32, read here. */
function sigmaFromFiles(dir: string, c: string, o: string): { dot: number; sigma: number } {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as { words: string[]; dim: number };
  const buf = fs.readFileSync(path.join(dir, 'vectors.f32'));
  const row = (w: string) => {
    const i = meta.words.indexOf(w);
    assert.ok(i >= 0, `${w} is not in the saved vocabulary`);
    return Array.from({ length: meta.dim }, (_, k) => buf.readFloatLE((i * meta.dim + k) * 4));
  };
  const vc = row(c);
  const vo = row(o);
  let dot = 0;
  for (let k = 0; k < meta.dim; k++) dot += vc[k] * vo[k];
  return { dot, sigma: 1 / (1 + Math.exp(-dot)) };
}

async function trainedExample(a: ExtensionApi, model: string): Promise<ModelExample> {
  let ex: ModelExample | undefined;
  await waitFor(`the Explain view's example from ${model}`, () => {
    const fm = a.panel.dataOf('explain')?.fromModel;
    ex = fm && 'example' in fm && fm.example.model === model ? fm.example : undefined;
    return ex !== undefined;
  }, 60_000);
  return ex!;
}

describe('experiments from the note, examples from your model', function () {
  this.timeout(180_000);

  before(() => {
    fs.mkdirSync(path.join(root(), FOLDER), { recursive: true });
    fs.writeFileSync(path.join(root(), FOLDER, 'adam.md'), ADAM);
    fs.writeFileSync(path.join(root(), FOLDER, 'sgns.md'), SGNS);
  });
  after(() => fs.rmSync(path.join(root(), FOLDER), { recursive: true, force: true }));

  it('the Adam hover’s link starts an XOR run with the note’s β₁, β₂ and η; a value Adam cannot take is left out and said', async () => {
    const a = await api();
    const link = await hoverLink('adam.md', '\\theta_t =', 'Train XOR with Adam');
    assert.equal(link.label, 'Train XOR with Adam (β₁ = 0.8, β₂ = 0.99, η = 0.02) →');
    assert.equal(link.command, 'mlStudy.trainXor');
    const jobId = (await vscode.commands.executeCommand(link.command, ...link.args)) as string;
    const job = a.jobs.get(jobId)!;
    assert.equal(job.model, 'xor');
    assert.deepEqual([job.params.optimizer, job.params.beta1, job.params.beta2, job.params.lr], ['adam', 0.8, 0.99, 0.02]);
    await waitForJob(a, jobId, ['done', 'failed', 'stopped']);
    assert.equal(a.jobs.get(jobId)!.status, 'done', a.jobs.get(jobId)!.error);

    const bad = await hoverLink('adam.md', 'm_t =', 'Train XOR with Adam');
    assert.equal(bad.label, 'Train XOR with Adam →');
    assert.match(bad.md, /Not used from your note/);
    assert.match(bad.md, /β₁ = 1\\\.5\\: Adam β₁ \\\(beta1\\\) must be at least 0/);
  });

  it('refuses a link’s invalid or hostile arguments with one message, and starts nothing', async () => {
    const a = await api();
    const cases: Array<[string, unknown, RegExp]> = [
      ['mlStudy.trainXor', { optimizer: 'adam', beta1: 1.5 }, /bad XOR parameters: Adam β₁ \(beta1\) must be at least 0 and at most 0\.999999, got 1\.5/],
      ['mlStudy.trainXor', { lr: 'fast' }, /bad XOR parameters: Learning rate \(lr\) must be a number/],
      ['mlStudy.trainXor', { evil: true }, /bad XOR parameters: unknown parameter "evil"/],
      ['mlStudy.trainWord2vec', { params: { negative: 500 }, corpus: 'notes' }, /Negatives \(negative\) must be at least 0 and at most 63, got 500/],
      ['mlStudy.trainWord2vec', { params: {}, corpus: '../../etc' }, /corpus must be one of/],
      ['mlStudy.trainWord2vec', { params: {}, corpus: { folder: 'file:///etc/passwd' } }, /the note's folder must be a folder of this workspace/],
      ['mlStudy.trainWord2vec', { params: {}, corpus: { folder: `${vscode.Uri.file(root()).toString()}/../../etc/x.md` } }, /the note's folder must be a folder of this workspace/],
    ];
    for (const [command, arg, why] of cases) {
      const before = a.jobs.list().length;
      assert.equal(await vscode.commands.executeCommand(command, arg), undefined, JSON.stringify(arg));
      assert.equal(a.jobs.list().length, before, `a job started for ${JSON.stringify(arg)}`);
      assert.match(a.recentMessages().at(-1)!.message, why);
    }
    // Explain in the panel reads only an open document or a file of the workspace
    const shown = a.panel.dataOf('explain');
    assert.equal(await vscode.commands.executeCommand('mlStudy.explainFormulaAtCursor', { uri: 'file:///etc/hostname', offset: 0 }), false);
    assert.equal(a.panel.dataOf('explain'), shown);
  });

  it('the SGNS hover trains word2vec with k = 3 on the note’s folder; the Explain view then shows σ(v_o·v_c) of the note’s words from that model, and again from a newer one', async () => {
    const a = await api();
    const link = await hoverLink('sgns.md', '\\log \\sigma(u_o', 'Train word2vec');
    assert.equal(link.label, "Train word2vec, skip-gram with negative sampling (k = 3 negatives) on this note's folder →");
    const arg = link.args[0] as { params: Record<string, unknown>; corpus: unknown };
    // a small, quick model: the hover's values, plus a few of our own
    const train = async (seed: number) => {
      const jobId = (await vscode.commands.executeCommand(link.command, { ...arg, params: { ...arg.params, dim: 8, epochs: 2, seed } })) as string;
      const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 120_000);
      assert.equal(job.status, 'done', job.error);
      assert.equal(job.params.negative, 3);
      assert.equal(job.params.arch, 'sgns');
      assert.match(job.corpusName, new RegExp(`2 notes in ${FOLDER}`));
      await waitFor('the saved model to be listed', () => a.jobs.savedModels().some((m) => m.dir === job.modelDir), 30_000);
      return job;
    };
    const first = await train(1);

    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), FOLDER, 'sgns.md')));
    const offset = doc.getText().indexOf('\\log \\sigma(u_o') + 2;
    assert.equal(await vscode.commands.executeCommand('mlStudy.explainFormulaAtCursor', { uri: doc.uri.toString(), offset }), true);
    const ex = await trainedExample(a, path.basename(first.modelDir!));
    // the pair comes from the note's words around the formula, both in the vocabulary
    assert.deepEqual([ex.values.centre, ex.values.context], ['king', 'queen']);
    const ref = sigmaFromFiles(first.modelDir!, 'king', 'queen');
    assert.ok(Math.abs((ex.values.dot as number) - ref.dot) < 1e-6, `${ex.values.dot} vs ${ref.dot}`);
    assert.ok(Math.abs((ex.values.sigma as number) - ref.sigma) < 1e-6);
    assert.match(ex.title, /from your word vectors/);

    // a newer model: the example on show is computed again from it
    const second = await train(2);
    const again = await trainedExample(a, path.basename(second.modelDir!));
    const ref2 = sigmaFromFiles(second.modelDir!, 'king', 'queen');
    assert.ok(Math.abs((again.values.sigma as number) - ref2.sigma) < 1e-6);
    assert.notEqual(again.values.dot, ex.values.dot);
  });

  it('says how to train a Transformer when none is saved, or shows one of its attention rows summing to 1', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root(), '05-attention.md')));
    const text = doc.getText();
    const at = text.indexOf('\\mathrm{Attention}(Q, K, V)');
    assert.ok(at > 0, 'no attention formula in 05-attention.md');
    await vscode.commands.executeCommand('mlStudy.explainFormulaAtCursor', { uri: doc.uri.toString(), offset: at + 3 });
    const concept = a.panel.dataOf('explain')!.explanation.concept;
    assert.ok(concept && /attention/.test(concept), `explained as ${concept}`);
    await waitFor('the example from a model', () => a.panel.dataOf('explain')?.fromModel !== undefined, 60_000);
    const fm = a.panel.dataOf('explain')!.fromModel!;
    if (a.jobs.savedModels().some((m) => m.model === 'transformer')) {
      assert.ok('example' in fm, JSON.stringify(fm));
      const row = fm.example.values.row as number[];
      assert.ok(Math.abs(row.reduce((s, x) => s + x, 0) - 1) < 1e-4);
    } else {
      assert.ok('missing' in fm, JSON.stringify(fm));
      assert.match(fm.missing, /Train Transformer Language Model/);
    }
  });
});
