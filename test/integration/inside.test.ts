/**
 * Inside the models, in the real extension host: Show LSTM Gates opens the Inside LSTM view with the forward pass
 * of the model (computed here again with the engine) for a given text or the selection, refreshes it from the
 * newest checkpoint while a model trains, and refuses bad requests from the view; Compare RNN and LSTM Gradients
 * trains both models in the worker with progress, shows their gradient norms, stops when asked, and refuses bad
 * arguments. (Refusal in an untrusted workspace: hostile.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { GatesPanelData, GradientsPanelData } from '../../src/shared/views/inside';
import { loadLstm } from '../../src/core/lstm/engine';
import { gatesReport } from '../../src/core/lstm/inspect';
import { api, waitFor, waitForJob } from './helpers';

const TEXT = 'The loss $L = -\\log p$ (in nats)\nof [one] char.';
const LAB_TEXT = 'the cat sat on the mat. (a dog) sat on a log; [the end] of it.\n'.repeat(12);
const LAB_OPTIONS = { steps: 30, hidden: 8, embedding: 6, seq: 16, batch: 4, window: 40 };

/** What the study panel's webview would reach: the handlers of its requests (they check what they are given). */
function viewRequest(a: ExtensionApi, method: string, params: unknown): Promise<unknown> {
  const handlers = (a.panel as unknown as { handlers: Record<string, (p: unknown) => unknown> }).handlers;
  return Promise.resolve().then(() => handlers[method](params));
}

const gates = (arg?: unknown) => vscode.commands.executeCommand<GatesPanelData | undefined>('mlStudy.showLstmGates', arg);
const compare = (arg?: unknown) => vscode.commands.executeCommand<GradientsPanelData | undefined>('mlStudy.compareGradients', arg);

async function trainLstm(a: ExtensionApi, params: Record<string, unknown>): Promise<string> {
  const jobId = (await vscode.commands.executeCommand('mlStudy.trainLstm', { corpus: 'notes', params: { hidden: 16, embedding: 8, batch: 4, seq: 16, ...params } })) as string | undefined;
  assert.ok(jobId, `no job started: ${a.recentMessages().at(-1)?.message}`);
  return jobId;
}

describe('inside the models: LSTM gates and RNN vs LSTM gradients', function () {
  this.timeout(240_000);
  let dir = '';

  before(async function () {
    this.timeout(240_000);
    const a = await api();
    const job = await waitForJob(a, await trainLstm(a, { steps: 30, evalEvery: 15 }), ['done', 'failed', 'stopped'], 200_000);
    assert.equal(job.status, 'done', job.error);
    dir = job.modelDir!;
  });

  it('Show LSTM Gates shows the forward pass of the model over the text (computed here again) in the Inside LSTM view', async () => {
    const a = await api();
    const shown = await gates({ dir, text: TEXT });
    assert.ok(shown?.report, `no report: ${shown?.error ?? a.recentMessages().at(-1)?.message}`);
    assert.equal(a.panel.dataOf('gates')!.stamp, shown.stamp);
    const r = shown.report;
    const here = gatesReport(loadLstm(dir), TEXT, { unit: r.unit });
    assert.deepEqual(r.tokens, Array.from(TEXT));
    assert.equal(shown.step, 30);
    for (const key of ['input', 'forget', 'candidate', 'output', 'cell', 'hidden'] as const) {
      here.series[key].forEach((v, p) => assert.ok(Math.abs(v - r.series[key][p]) < 1e-5, `${key} at ${p}: sent ${r.series[key][p]}, engine ${v}`));
    }
    here.top.forEach((g, p) => {
      assert.deepEqual(r.top[p].map((x) => x.token), g.map((x) => x.token), `top-5 at ${p}`);
      g.forEach((x, k) => assert.ok(Math.abs(x.prob - r.top[p][k].prob) < 1e-5));
    });
    assert.deepEqual(r.ranking.map((x) => x.indicator), ['position', 'math', 'brackets', 'afterSpace']);
    await waitFor('the panel webview', () => a.panel.webviewReady, 60_000);
  });

  it('reads the selection when no text is given', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: 'intro line\nthe (selected) part $x$\nrest', language: 'markdown' });
    const ed = await vscode.window.showTextDocument(doc);
    ed.selection = new vscode.Selection(1, 0, 1, 24);
    const shown = await gates({ dir });
    assert.equal(shown?.text, 'the (selected) part $x$');
    assert.equal(shown?.report?.tokens.join(''), 'the (selected) part $x$');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the view\'s requests: a unit asked for is read; a model not offered, a long text, unknown keys are refused', async () => {
    const a = await api();
    const d = (await viewRequest(a, 'gates.inspect', { dir, text: 'ab (c)', layer: 0, unit: 3 })) as GatesPanelData;
    assert.equal(d.report?.unit, 3);
    assert.equal(a.panel.dataOf('gates')!.report?.unit, 3);
    await assert.rejects(viewRequest(a, 'gates.inspect', { dir: path.dirname(dir), text: 'ab', layer: 0 }), /not one of the LSTM language models/);
    await assert.rejects(viewRequest(a, 'gates.inspect', { dir, text: 'x'.repeat(2001), layer: 0 }), /too long/);
    await assert.rejects(viewRequest(a, 'gates.inspect', { dir, text: 'ab', layer: 0, evil: 1 }), /unknown argument "evil"/);
    await assert.rejects(viewRequest(a, 'gates.inspect', { dir, text: 'ab', layer: 0, unit: -1 }), /unit must be a whole number/);
    await assert.rejects(viewRequest(a, 'gates.inspect', null), /bad parameters/);
    await assert.rejects(viewRequest(a, 'gradients.stop', { now: true }), /no parameters/);
    // A unit beyond the model's is the engine's refusal, shown in the view.
    const big = (await viewRequest(a, 'gates.inspect', { dir, text: 'ab', layer: 0, unit: 500 })) as GatesPanelData;
    assert.match(big.error ?? '', /unit must be 0\.\.15/);
    // The Language Model view's "Inside the LSTM" button opens this view on its model and prompt.
    assert.equal(await viewRequest(a, 'lm.gates', { dir, text: '(x) y' }), null);
    assert.equal(a.panel.dataOf('gates')!.text, '(x) y');
    assert.equal(a.panel.dataOf('gates')!.dir, dir);
    await assert.rejects(viewRequest(a, 'lm.gates', { dir: '/tmp', text: 'x' }), /not one of the saved language models/);
    assert.equal(await gates({ dir, layer: 'one' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /Show LSTM Gates: layer must be a whole number/);
  });

  it('follows a model while it trains: the view is read again through each newer checkpoint', async () => {
    const a = await api();
    const jobId = await trainLstm(a, { steps: 400, evalEvery: 20, checkpointEvery: 20 });
    await waitFor('the job to run', () => a.jobs.get(jobId)?.status === 'running' && a.jobs.get(jobId)!.modelDir !== undefined, 60_000);
    const liveDir = a.jobs.get(jobId)!.modelDir!;
    await waitFor('a first checkpoint', () => fs.existsSync(path.join(liveDir, 'model.json')), 120_000);
    const first = await gates({ dir: liveDir, text: TEXT });
    assert.ok(first?.report, first?.error);
    assert.ok(first.models.some((m) => m.dir === liveDir && m.training), 'offered as a model training now');
    const s0 = first.step!;
    await waitFor('a newer checkpoint in the view', () => (a.panel.dataOf('gates')?.step ?? 0) > s0 && a.jobs.get(jobId)?.status === 'running', 120_000);
    const later = a.panel.dataOf('gates')!;
    assert.equal(later.dir, liveDir);
    assert.equal(later.report!.unit, first.report.unit, 'the unit on show is kept');
    assert.notDeepEqual(later.report!.series.cell, first.report.series.cell, 'newer weights, other values');
    a.jobs.stop(jobId);
    await waitForJob(a, jobId, ['stopped', 'done'], 30_000);
  });

  it('Compare RNN and LSTM Gradients trains both models in the worker, with progress, and shows their gradient norms', async () => {
    const a = await api();
    const seen: GradientsPanelData[] = [];
    const orig = a.panel.showView;
    a.panel.showView = function (view, data, opts) {
      if (view === 'gradients') seen.push(data as GradientsPanelData);
      return orig.call(this, view, data, opts);
    };
    let d: GradientsPanelData | undefined;
    try {
      // (Long enough for several of the host's progress polls, 4 a second: 1,500 steps of 8 units took 0.36 s on an
      // idle machine, 5,000 steps of 24 units 1.8 s.)
      d = await compare({ text: LAB_TEXT, options: { ...LAB_OPTIONS, steps: 5000, hidden: 24 } });
    } finally {
      a.panel.showView = orig;
    }
    assert.ok(d?.result, `no result: ${d?.error ?? a.recentMessages().at(-1)?.message}`);
    assert.equal(d.status, 'done');
    assert.deepEqual(a.panel.dataOf('gradients'), d);
    assert.equal(seen[0].status, 'training');
    assert.ok(seen.some((s) => s.progress !== undefined), 'progress reached the view');
    const r = d.result;
    assert.equal(r.tokens.join(''), LAB_TEXT.slice(0, 40));
    for (const m of [r.rnn, r.lstm]) {
      assert.equal(m.norms.length, 39);
      m.norms.forEach((row, t) => assert.equal(row.length, t + 1));
      // byDistance is the mean over positions of norms[t][k], recomputed here.
      for (const k of [0, 1, 5, 20, 38]) {
        const col = m.norms.filter((row) => row.length > k).map((row) => row[k]);
        const mean = col.reduce((x, y) => x + y, 0) / col.length;
        assert.ok(Math.abs(m.byDistance[k].mean - mean) <= 1e-12 * Math.max(1, mean), `k = ${k}`);
        assert.equal(m.byDistance[k].count, col.length);
      }
      assert.ok(m.norms.every((row) => row.every((v) => Number.isFinite(v) && v >= 0)));
    }
  });

  it('stops a lab when asked, and refuses bad arguments with one clear message', async () => {
    const a = await api();
    const running = compare({ text: LAB_TEXT, options: { ...LAB_OPTIONS, steps: 5000, hidden: 24 } });
    await waitFor('lab progress', () => a.panel.dataOf('gradients')?.progress !== undefined, 60_000);
    await viewRequest(a, 'gradients.stop', {});
    const d = await running;
    assert.equal(d?.status, 'stopped');
    assert.equal(a.panel.dataOf('gradients')!.status, 'stopped');
    assert.equal(await compare({ options: { steps: -1 } }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /Compare RNN and LSTM Gradients: steps must be a whole number from 0 to 5000/);
    assert.equal(await compare({ text: LAB_TEXT, color: 'red' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /unknown argument "color"/);
    assert.equal(await compare({ text: 'too short' }), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /the lab needs at least/);
  });
});
