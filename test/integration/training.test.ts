/**
 * The training pipe in the real extension host: command → worker → streamed loss → panel; stopping; a worker
 * crash; bad input; the host's responsiveness while the worker trains; export.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { api, sleep, waitFor, waitForJob, watchReports } from './helpers';

describe('training in the worker', function () {
  this.timeout(120_000);

  it('trains the XOR MLP from the command: loss falls below 0.05, all four points right, curve in the panel', async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 2000 })) as string;
    assert.match(jobId, /^xor-/);
    const job = await waitForJob(a, jobId, ['done', 'failed', 'stopped']);
    assert.equal(job.status, 'done', job.error);
    assert.ok(job.loss! < 0.05, `final loss ${job.loss}`);
    assert.equal(job.metrics?.accuracy, 1);
    assert.ok(a.jobs.workerClient.alive);
    const series = a.jobs.allSeries().find((s) => s.jobId === jobId)!;
    assert.ok(series.steps.length >= 100, `only ${series.steps.length} points streamed`);
    assert.ok(series.losses[series.losses.length - 1] < series.losses[0] / 10, 'loss did not fall');
    await waitFor('the study panel to open and say ready', () => a.panel.isOpen && a.panel.webviewReady, 30_000);
    assert.ok(job.modelDir && fs.existsSync(path.join(job.modelDir, 'model.json')), 'the model was not saved');
    const runFile = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.ml-study', 'runs', `${jobId}.json`);
    assert.ok(fs.existsSync(runFile), 'the finished run was not stored');
  });

  it('a linear model (0 hidden units) cannot get all four XOR points right', async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1500, hidden: 0 })) as string;
    const job = await waitForJob(a, jobId, ['done', 'failed']);
    assert.equal(job.status, 'done', job.error);
    assert.ok(job.metrics!.accuracy <= 0.75, `linear accuracy ${job.metrics!.accuracy}`);
  });

  it('keeps the extension host responsive while the worker trains (event-loop delay p99 < 50 ms, or near an idle stretch)', async () => {
    const a = await api();
    // The reference, measured here: the host's event loop over an idle stretch just before.
    const idle = monitorEventLoopDelay({ resolution: 5 });
    idle.enable();
    await new Promise((r) => setTimeout(r, 2000));
    idle.disable();
    const idleP99 = idle.percentile(99) / 1e6;
    const h = monitorEventLoopDelay({ resolution: 5 });
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 8000 })) as string;
    await waitForJob(a, jobId, ['running']);
    h.enable();
    await waitForJob(a, jobId, ['done', 'failed']);
    h.disable();
    const p99 = h.percentile(99) / 1e6;
    const max = h.max / 1e6;
    console.log(`      host event-loop delay during training: p50 ${(h.percentile(50) / 1e6).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${h.count} samples; idle p99 ${idleP99.toFixed(1)} ms`);
    assert.ok(h.count > 50, 'too few samples');
    // 50 ms on a quiet machine; on a loaded one, no more than twice the idle stretch's p99.
    assert.ok(p99 < Math.max(50, 2 * idleP99), `p99 event-loop delay ${p99.toFixed(1)} ms (idle p99 ${idleP99.toFixed(1)} ms)`);
  });

  it('stops a job within 1 s and says so', async () => {
    const a = await api();
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1_000_000 })) as string;
    const reports = watchReports(a, jobId);
    await waitForJob(a, jobId, ['running']);
    await waitFor('three progress reports', () => reports.count() >= 3, 30_000);
    reports.dispose();
    const t0 = Date.now();
    assert.equal(await vscode.commands.executeCommand('mlStudy.stopTraining', jobId), true);
    const job = await waitForJob(a, jobId, ['stopped', 'done', 'failed'], 5000);
    const ms = Date.now() - t0;
    console.log(`      stop took ${ms} ms (${reports.count()} reports, every ≤ ${reports.gap().toFixed(0)} ms)`);
    assert.equal(job.status, 'stopped');
    assert.ok(ms < reports.bound(1000), `stop took ${ms} ms (reports every ≤ ${reports.gap().toFixed(0)} ms)`);
    assert.ok(a.recentMessages().some((m) => m.message.includes(job.label) && m.message.includes('stopped')), 'the user was not told it stopped');
  });

  it('survives a worker crash mid-job: the user sees an error and the next job trains normally', async () => {
    const a = await api();
    const startsBefore = a.jobs.workerClient.starts;
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1_000_000 })) as string;
    await waitForJob(a, jobId, ['running']);
    await a.jobs.request('crash', { really: true }).catch(() => undefined);
    const job = await waitForJob(a, jobId, ['failed', 'stopped', 'done'], 10_000);
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /crashed/);
    assert.ok(a.recentMessages().some((m) => m.level === 'error' && /crashed/.test(m.message)), 'no error was shown to the user');
    const next = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 1000 })) as string;
    const done = await waitForJob(a, next, ['done', 'failed']);
    assert.equal(done.status, 'done', done.error);
    assert.equal(a.jobs.workerClient.starts, startsBefore + 1, 'a fresh worker should have started');
  });

  it('rejects bad hyperparameters with a clear error and starts nothing', async () => {
    const a = await api();
    const before = a.jobs.list().length;
    for (const bad of [{ epochs: -5 }, { lr: 'fast' }, { hidden: 1.5 }, { activation: 'relu6' }, { bogus: 1 }]) {
      const id = await vscode.commands.executeCommand('mlStudy.trainXor', bad);
      assert.equal(id, undefined, `started a job with ${JSON.stringify(bad)}`);
    }
    assert.equal(a.jobs.list().length, before);
    const errors = a.recentMessages().filter((m) => m.level === 'error' && m.message.startsWith('bad XOR parameters'));
    assert.ok(errors.length >= 5);
    assert.ok(errors.some((m) => /Epochs \(epochs\) must be at least 1/.test(m.message)), errors.map((e) => e.message).join(' | '));
  });

  it('a run starting and ending sends the panel the list of jobs, not every loss curve again', async () => {
    const a = await api();
    await vscode.commands.executeCommand('mlStudy.openStudyPanel');
    await waitFor('panel ready', () => a.panel.webviewReady, 15_000);
    const webview = (a.panel as unknown as { panel: vscode.WebviewPanel }).panel.webview;
    const posted: Array<{ type: string; bytes: number; series: boolean }> = [];
    const post = webview.postMessage.bind(webview);
    webview.postMessage = (m: { type: string }) => {
      posted.push({ type: m.type, bytes: JSON.stringify(m).length, series: 'series' in m });
      return post(m);
    };
    try {
      const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 300 })) as string;
      assert.equal((await waitForJob(a, jobId, ['done', 'failed'])).status, 'done');
      await sleep(300);
    } finally {
      webview.postMessage = post;
    }
    const lists = posted.filter((m) => m.type === 'jobs');
    assert.ok(lists.length >= 2, `the list was sent ${lists.length} times: ${posted.map((m) => m.type).join(' ')}`);
    const resent = posted.filter((m) => m.series);
    assert.equal(resent.length, 0, `every curve was sent again ${resent.length} times (${resent.map((m) => m.bytes).join(', ')} bytes)`);
  });

  it('exports the loss curves as CSV and PNG', async () => {
    const a = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-export-'));
    const csv = path.join(dir, 'loss.csv');
    const png = path.join(dir, 'loss.png');
    await vscode.commands.executeCommand('mlStudy.openStudyPanel');
    await waitFor('panel ready', () => a.panel.webviewReady, 15_000);
    await sleep(300);
    const shown = () => JSON.stringify(a.recentMessages().slice(-3));
    const csvBytes = (await vscode.commands.executeCommand('mlStudy.exportChart', { format: 'csv', path: csv })) as number | undefined;
    assert.ok(csvBytes !== undefined && csvBytes > 0, `CSV export wrote ${csvBytes} bytes; last messages: ${shown()}`);
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
    assert.equal(lines[0], 'run,label,step,loss');
    const points = a.jobs.allSeries().reduce((n, s) => n + s.steps.length, 0);
    const csvRows: Record<string, number> = {};
    for (const l of lines.slice(1)) csvRows[l.split(',')[0]] = (csvRows[l.split(',')[0]] ?? 0) + 1;
    const differ = a.jobs.allSeries().filter((s) => (csvRows[s.jobId] ?? 0) !== s.steps.length).map((s) => `${s.jobId}: ${s.steps.length} points, ${csvRows[s.jobId] ?? 0} rows`);
    assert.equal(lines.length - 1, points, `every point of every run is in the CSV, once (${differ.join('; ')})`);
    const pngBytes = (await vscode.commands.executeCommand('mlStudy.exportChart', { format: 'png', path: png })) as number | undefined;
    assert.ok(pngBytes !== undefined && pngBytes > 1000, `PNG export wrote ${pngBytes} bytes; last messages: ${shown()}`);
    const sig = fs.readFileSync(png).subarray(0, 8);
    assert.deepEqual([...sig], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG');
  });

  it('exports from a loaded panel the host took for reloading (VS Code reported it hidden too late)', async () => {
    const a = await api();
    await vscode.commands.executeCommand('mlStudy.openStudyPanel');
    await waitFor('panel ready', () => a.panel.webviewReady, 15_000);
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-export-')), 'loss.csv');
    // What a late view-state report leaves: the webview loaded and on show, the host waiting for a `ready` that will
    // not come (nothing reloads). The host asks the webview instead of waiting out its limit.
    (a.panel as unknown as { ready: boolean }).ready = false;
    const t0 = Date.now();
    const bytes = (await vscode.commands.executeCommand('mlStudy.exportChart', { format: 'csv', path: csv })) as number | undefined;
    const ms = Date.now() - t0;
    assert.ok(bytes !== undefined && bytes > 0, `CSV export wrote ${bytes} bytes; last messages: ${JSON.stringify(a.recentMessages().slice(-3))}`);
    assert.equal(fs.readFileSync(csv, 'utf8').split('\n')[0], 'run,label,step,loss');
    assert.ok(a.panel.webviewReady, 'the host knows the webview is loaded');
    assert.ok(ms < 4000, `export took ${ms} ms: it waited for a reload instead of asking the webview`);
  });
});
