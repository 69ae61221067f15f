/**
 * Distillation, Latent Space and HS Tree in the real extension host: each command trains or opens its view through
 * the worker, and what the view is given is checked against an independent computation on the saved models
 * (the teacher's logits → softmax(z / T), the decoder's forward pass over the grid, the product of the branch
 * sigmoids along a Huffman path). Bad arguments give one clear error and start nothing.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import type { DistillPanelData, HsTreePanelData, VaePanelData } from '../../src/shared/views/models';
import { loadLstm } from '../../src/core/lstm/engine';
import { assertSoftenedMatches } from '../unit/distill/softenedReference';
import { loadAutoencoder } from '../../src/core/vae/store';
import { paramLayout } from '../../src/core/vae/model';
import { huffmanTree } from '../../src/core/word2vec/huffman';
import { loadModel } from '../../src/core/word2vec/store';

const run = <T>(id: string, arg?: unknown) => vscode.commands.executeCommand<T | undefined>(id, arg);

async function lastError(): Promise<string> {
  return (await api()).recentMessages().filter((m) => m.level === 'error').at(-1)?.message ?? '';
}

/** A command that must refuse: it returns undefined, starts no job and says why. */
async function refused(id: string, arg: unknown, pattern: RegExp): Promise<void> {
  const a = await api();
  const jobsBefore = a.jobs.list().length;
  const r = await run(id, arg);
  assert.equal(r, undefined, `${id} ${JSON.stringify(arg)} was not refused`);
  assert.equal(a.jobs.list().length, jobsBefore, 'no job started');
  assert.match(await lastError(), pattern);
}

describe('Distillation, Latent Space and HS Tree views', function () {
  this.timeout(300_000);

  describe('knowledge distillation', () => {
    let teacherDir = '';
    before(async function () {
      this.timeout(240_000);
      const a = await api();
      const jobId = await run<string>('mlStudy.trainLstm', { corpus: 'notes', params: { hidden: 32, embedding: 16, batch: 4, seq: 16, steps: 40, evalEvery: 40 } });
      assert.ok(jobId, await lastError());
      const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 200_000);
      assert.equal(job.status, 'done', job.error);
      teacherDir = job.modelDir!;
    });

    it('trains the student with and without the teacher and the view follows both curves', async () => {
      const a = await api();
      const teacher = path.basename(teacherDir);
      const jobId = await run<string>('mlStudy.trainDistill', { corpus: 'notes', params: { teacher, hidden: 8, embedding: 8, batch: 4, seq: 16, steps: 20, evalEvery: 10, temperature: 3, alpha: 0.25 } });
      assert.ok(jobId, await lastError());
      const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 200_000);
      assert.equal(job.status, 'done', job.error);
      await waitFor('the distill view of the run', () => a.panel.dataOf('distill')?.job?.status === 'done', 20_000);
      const d = a.panel.dataOf('distill')!;
      assert.equal(d.job!.jobId, jobId);
      assert.equal(d.teacher, teacher);
      assert.equal(d.temperature, 3);
      assert.equal(d.alpha, 0.25);
      assert.deepEqual(d.history.map((p) => p.step), [0, 10, 20]);
      assert.equal(d.history[0].distilled.heldOutLoss, d.history[0].baseline.heldOutLoss, 'both students start from the same weights');
      for (const p of d.history) for (const s of [p.distilled, p.baseline]) assert.ok(Math.abs(s.perplexity - Math.exp(s.heldOutLoss)) < 1e-6 * s.perplexity);
      assert.ok(a.jobs.savedModels().some((m) => m.dir === job.modelDir && m.model === 'lstm'), 'the student is saved as an LSTM');
    });

    it('shows the teacher\'s softened distributions: softmax(z / T) of its logits, computed here', async () => {
      const text = 'the softmax turns sc';
      const d = await run<DistillPanelData>('mlStudy.showDistillation', { text });
      assert.ok(d?.softened, await lastError());
      const sd = d.softened;
      assert.deepEqual(sd.temperatures.map((t) => t.temperature), [1, 2, 5]);
      // the teacher named by the run, its logits after the text from one forward over [start, ...tokens]
      const saved = (await api()).jobs.savedModels().find((m) => m.name === d.teacher)!;
      assertSoftenedMatches(loadLstm(saved.dir), text, undefined, sd);
    });

    it('refuses bad arguments with one clear message', async () => {
      await refused('mlStudy.showDistillation', { text: 5 }, /text must be text/);
      await refused('mlStudy.showDistillation', { txt: 'a' }, /unknown key "txt"/);
      await refused('mlStudy.showDistillation', { text: 'abc', position: 99 }, /position/);
      await refused('mlStudy.trainDistill', { corpus: 'notes', params: { temperature: 0 } }, /temperature/i);
      const a = await api();
      const jobId = await run<string>('mlStudy.trainDistill', { corpus: 'notes', params: { teacher: '../x', steps: 2 } });
      const job = await waitForJob(a, jobId!, ['done', 'failed', 'stopped'], 60_000);
      assert.equal(job.status, 'failed');
      assert.match(job.error ?? '', /name of a saved model/);
    });
  });

  describe('autoencoder and VAE', () => {
    it('trains a VAE on points; the grid decodings are the decoder\'s forward pass and the curves the trainer\'s terms', async () => {
      const a = await api();
      const started = await run<VaePanelData>('mlStudy.trainVaeLatent', { kind: 'vae', data: 'points', beta: 0.5 });
      assert.ok(started?.job, await lastError());
      const job = await waitForJob(a, started.job.jobId, ['done', 'failed', 'stopped'], 200_000);
      assert.equal(job.status, 'done', job.error);
      await waitFor('the last snapshot', () => a.panel.dataOf('vae-latent')?.job?.status === 'done' && a.panel.dataOf('vae-latent')!.snapshot?.history.length === 25, 20_000);
      const snap = a.panel.dataOf('vae-latent')!.snapshot!;
      assert.equal(snap.kind, 'vae');
      assert.equal(snap.beta, 0.5);
      const saved = loadAutoencoder(job.modelDir!);
      assert.deepEqual(snap.history.map((h) => [h.recon, h.kl]), saved.history.map((h) => [h.recon, h.kl]));
      assert.equal(job.metrics?.recon, saved.history.at(-1)!.recon);
      const e = Object.fromEntries(paramLayout(saved.model.cfg).entries.map((p) => [p.name, p.offset]));
      const th = saved.model.theta;
      const { hidden: H, latent: L, inputDim: D } = saved.model.cfg;
      snap.grid.z.forEach((z, c) => {
        const hdn = Array.from({ length: H }, (_, j) => Math.tanh(th[e['decoder.b3'] + j] + z.reduce((s, zi, i) => s + zi * th[e['decoder.W3'] + i * H + j], 0)));
        for (let k = 0; k < D; k++) {
          const out = th[e['decoder.b4'] + k] + hdn.reduce((s, hj, j) => s + hj * th[e['decoder.W4'] + j * D + k], 0);
          assert.ok(Math.abs(snap.grid.decoded[c][k] - out) < 1e-9, `cell ${c}, output ${k}`);
        }
        assert.equal(z.length, L);
      });
      const reopened = await run<VaePanelData>('mlStudy.showLatentSpace');
      assert.equal(reopened?.snapshot?.kind, 'vae');
    });

    it('refuses bad arguments with one clear message', async () => {
      await refused('mlStudy.trainVaeLatent', { kind: 'gan' }, /kind must be/);
      await refused('mlStudy.trainVaeLatent', { beta: -1 }, /β must be/);
      await refused('mlStudy.trainVaeLatent', { beta: 1, extra: true }, /unknown key "extra"/);
      await refused('mlStudy.trainVae', { params: { latent: 0 } }, /latent/i);
    });
  });

  describe('hierarchical softmax', () => {
    it('the word2vec form rule: hs sets negative 0 on the host, hs with negatives is refused', async () => {
      const a = await api();
      await refused('mlStudy.trainWord2vec', { corpus: 'notes', params: { hs: true, negative: 5 } }, /negative/);
      const jobId = await run<string>('mlStudy.trainWord2vec', { corpus: 'notes', params: { hs: true, epochs: 3, dim: 16, minCount: 1 } });
      assert.ok(jobId, await lastError());
      const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped'], 200_000);
      assert.equal(job.status, 'done', job.error);
      assert.equal(job.params.negative, 0);
    });

    it('draws the paths of chosen words with P(word | context) = the product of the sigmoids, computed here', async () => {
      const a = await api();
      const d = await run<HsTreePanelData>('mlStudy.showHsTree', { context: 'the' });
      assert.ok(d?.tree, await lastError());
      assert.equal(a.panel.dataOf('w2v-hs-tree')?.context, 'the');
      assert.ok(d.tree.words.length >= 2, 'the engine chose a few words');
      const model = loadModel(d.tree.dir);
      const tree = huffmanTree(model.counts);
      const c = model.words.indexOf('the');
      for (const w of d.tree.words) {
        const i = model.words.indexOf(w.word);
        let p = 1;
        let code = '';
        for (let k = tree.pathOffsets[i]; k < tree.pathOffsets[i + 1]; k++) {
          let dot = 0;
          for (let j = 0; j < model.dim; j++) dot += model.vectors[c * model.dim + j] * model.syn1![tree.pathNodes[k] * model.dim + j];
          const sg = 1 / (1 + Math.exp(-dot));
          p *= tree.pathCodes[k] ? 1 - sg : sg;
          code += tree.pathCodes[k];
        }
        assert.equal(w.code, code);
        assert.ok(Math.abs(w.probability - p) < 1e-12 * Math.max(1, p), `${w.word}: ${w.probability} vs ${p}`);
      }
    });

    it('refuses bad arguments with one clear message', async () => {
      await refused('mlStudy.showHsTree', { words: 'x'.repeat(300) }, /words must be/);
      await refused('mlStudy.showHsTree', { context: 'zzqqxx-unknown' }, /zzqqxx-unknown/);
      await refused('mlStudy.showHsTree', 'the', /takes \{context, words\}/);
    });
  });
});
