import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePanelMessage, parseSidebarMessage, type Reply, type Request } from '../../../src/shared/protocol';
import { Channel, serve } from '../../../src/shared/rpc';
import { align, type RunSeries } from '../../../webview/panel/align';
import { bestOf } from '../timing';

describe('webview message validation', () => {
  it('accepts exactly the panel messages, nothing else', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePanelMessage({ type: 'stopJob', jobId: 'x', extra: 1 }), { type: 'stopJob', jobId: 'x' });
    assert.deepEqual(parsePanelMessage({ type: 'export', format: 'csv', data: 'a,b' }), { type: 'export', format: 'csv', data: 'a,b' });
    assert.deepEqual(parsePanelMessage({ type: 'viewChanged', view: 'attention' }), { type: 'viewChanged', view: 'attention' });
    assert.equal(parsePanelMessage({ type: 'viewChanged', view: 'settings' }), undefined);
    assert.equal(parsePanelMessage({ type: 'viewChanged', view: 'toString' }), undefined);
    assert.deepEqual(parsePanelMessage({ type: 'reply', requestId: 3, ok: true, result: 'data:,', x: 1 }), { type: 'reply', requestId: 3, ok: true, result: 'data:,' });
    assert.deepEqual(parsePanelMessage({ type: 'reply', requestId: 4, ok: false, error: 'no chart' }), { type: 'reply', requestId: 4, ok: false, error: 'no chart' });
    for (const bad of [null, 1, 'ready', [], {}, { type: 'stopJob' }, { type: 'stopJob', jobId: 5 }, { type: 'export', format: 'exe', data: '' }, { type: 'request', requestId: 1.5, method: 'x' }, { type: 'reply', requestId: 1, ok: 'yes' }, { type: 'reply', requestId: 1, ok: false, error: 5 }, { type: 'eval', code: '1' }, { type: 'stopJob', jobId: 'x'.repeat(1000) }]) {
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

interface TestMethods {
  double: { params: number; result: number };
  fail: { params: null; result: null };
  slow: { params: null; result: null };
}

describe('typed request channel', () => {
  it('matches replies to requests, passes errors, and times out', async () => {
    const sent: Request[] = [];
    const ch = new Channel<TestMethods>((m) => sent.push(m));
    const answer = serve<TestMethods>(
      {
        double: (x) => x * 2,
        fail: () => {
          throw new Error('nope');
        },
      },
      (r) => ch.handleReply(r),
    );
    const p1 = ch.request('double', 21);
    const p2 = ch.request('fail', null);
    const p3 = ch.request('slow', null, 30);
    await answer(sent[0]);
    await answer(sent[1]);
    assert.equal(await p1, 42);
    await assert.rejects(p2, /nope/);
    await assert.rejects(p3, /timed out/);
    assert.equal(ch.handleReply({ type: 'reply', requestId: 999, ok: true, result: 1 }), false);
    const p4 = ch.request('double', 1);
    ch.rejectAll('worker died');
    await assert.rejects(p4, /worker died/);
    assert.equal(ch.size, 0);
  });

  it('answers a method the table does not have with an error, not a crash', async () => {
    const replies: unknown[] = [];
    const answer = serve<TestMethods>({ double: (x) => x * 2 }, (r) => replies.push(r));
    await answer({ type: 'request', requestId: 7, method: 'slow', params: null });
    await answer({ type: 'request', requestId: 8, method: 'toString', params: null });
    assert.deepEqual(replies, [
      { type: 'reply', requestId: 7, ok: false, error: 'unknown request "slow"' },
      { type: 'reply', requestId: 8, ok: false, error: 'unknown request "toString"' },
    ]);
  });

  it('sends pending requests again after the other side reloads, and a second reply matches nothing', async () => {
    const sent: Request[] = [];
    const ch = new Channel<TestMethods>((m) => sent.push(m));
    const answer = serve<TestMethods>({ double: (x) => x * 2 }, (r) => ch.handleReply(r));
    const p1 = ch.request('double', 4);
    const p2 = ch.request('double', 5);
    await answer(sent[0]);
    ch.resend(); // only the unanswered request goes again
    assert.equal(sent.length, 3);
    assert.deepEqual(sent[2], sent[1]);
    await answer(sent[2]);
    assert.equal(await p1, 8);
    assert.equal(await p2, 10);
    const late: Reply[] = [];
    await serve<TestMethods>({ double: (x) => x * 2 }, (r) => late.push(r))(sent[1]);
    assert.equal(ch.handleReply(late[0]), false);
    assert.equal(ch.size, 0);
  });

  it('uses the channel default timeout', async () => {
    const ch = new Channel<TestMethods>(() => undefined, 20);
    await assert.rejects(ch.request('slow', null), /slow timed out after 20 ms/);
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
