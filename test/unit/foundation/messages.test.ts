import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePanelMessage, parseSidebarMessage, type Request } from '../../../src/shared/protocol';
import { answer, RequestTracker } from '../../../src/shared/rpc';
import { align, type RunSeries } from '../../../webview/panel/align';
import { bestOf } from '../timing';

describe('webview message validation', () => {
  it('accepts exactly the panel messages, nothing else', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePanelMessage({ type: 'stopJob', jobId: 'x', extra: 1 }), { type: 'stopJob', jobId: 'x' });
    assert.deepEqual(parsePanelMessage({ type: 'export', format: 'csv', data: 'a,b' }), { type: 'export', format: 'csv', data: 'a,b' });
    assert.deepEqual(parsePanelMessage({ type: 'viewChanged', view: 'attention' }), { type: 'viewChanged', view: 'attention' });
    assert.equal(parsePanelMessage({ type: 'viewChanged', view: 'settings' }), undefined);
    for (const bad of [null, 1, 'ready', [], {}, { type: 'stopJob' }, { type: 'stopJob', jobId: 5 }, { type: 'export', format: 'exe', data: '' }, { type: 'request', requestId: 1.5, method: 'x' }, { type: 'eval', code: '1' }, { type: 'stopJob', jobId: 'x'.repeat(1000) }]) {
      assert.equal(parsePanelMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('accepts exactly the sidebar messages, nothing else', () => {
    assert.deepEqual(parseSidebarMessage({ type: 'start', model: 'xor', params: { epochs: '5' }, corpus: 'none' }), { type: 'start', model: 'xor', params: { epochs: '5' }, corpus: 'none' });
    for (const bad of [{ type: 'start', model: 'gpt', params: {}, corpus: 'none' }, { type: 'start', model: 'xor', params: [], corpus: 'none' }, { type: 'start', model: 'xor', params: {} }, { type: 'openPanel2' }]) {
      assert.equal(parseSidebarMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('request/reply helper', () => {
  it('matches replies to requests, passes errors, and times out', async () => {
    const sent: Request[] = [];
    const t = new RequestTracker((m) => sent.push(m));
    const p1 = t.request<number>('double', 21);
    const p2 = t.request('fail', null);
    const p3 = t.request('slow', null, 30);
    await answer(sent[0], (_m, x) => (x as number) * 2, (r) => t.handleReply(r));
    await answer(sent[1], () => {
      throw new Error('nope');
    }, (r) => t.handleReply(r));
    assert.equal(await p1, 42);
    await assert.rejects(p2, /nope/);
    await assert.rejects(p3, /timed out/);
    assert.equal(t.handleReply({ type: 'reply', requestId: 999, ok: true, result: 1 }), false);
    const p4 = t.request('x', null);
    t.rejectAll('worker died');
    await assert.rejects(p4, /worker died/);
    assert.equal(t.size, 0);
  });
});

describe('loss chart alignment', () => {
  const run = (id: string, steps: number[], losses: number[]): RunSeries => ({ id, label: id, steps, losses, visible: true });

  it('merges runs on the union of their steps with gaps as null', () => {
    const [x, a, b] = align([run('a', [1, 2, 4], [0.9, 0.5, 0.1]), run('b', [2, 3], [0.8, 0.7])], false);
    assert.deepEqual(x, [1, 2, 3, 4]);
    assert.deepEqual(a, [0.9, 0.5, null, 0.1]);
    assert.deepEqual(b, [null, 0.8, 0.7, null]);
  });

  it('drops non-positive values on a log scale', () => {
    const [, a] = align([run('a', [1, 2, 3], [1, 0, -1])], true);
    assert.deepEqual(a, [1, null, null]);
  });

  it('aligns two 100k-point runs in time comparable to one pass that copies their points', () => {
    const n = 100_000;
    const steps = Array.from({ length: n }, (_, i) => i + 1);
    const runs = [run('a', steps, steps.map((s) => 1 / s)), run('b', steps.map((s) => s * 2), steps.map((s) => 2 / s))];
    assert.equal(align(runs, false)[0].length, 150_000);
    // the reference, timed here on the same machine at the same moment: build output arrays of the same size in
    // one pass (what any alignment must at least do); a merge that is linear stays within a small factor of it
    const copy = () => {
      const xs: number[] = [];
      const ys: (number | null)[][] = [[], []];
      for (const r of runs) for (let i = 0; i < r.steps.length; i++) (xs.push(r.steps[i]), ys[0].push(r.losses[i]), ys[1].push(null));
      return xs.length;
    };
    const ratio = bestOf(5, () => align(runs, false)) / bestOf(5, copy);
    assert.ok(ratio < 20, `align took ${ratio.toFixed(1)}× as long as one copying pass`);
  });
});
