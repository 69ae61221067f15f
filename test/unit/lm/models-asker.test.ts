import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelsAsker } from '../../../webview/panel/modelPicker';
import type { ModelPickerData } from '../../../src/shared/views/modelPicker';
import type { PanelRequests } from '../../../src/shared/panelViews';
import type { Channel } from '../../../src/shared/rpc';

/** A host whose answers are settled by the test, one pending request at a time. */
function fakeHost() {
  const calls: string[] = [];
  let settle: { resolve(v: ModelPickerData): void; reject(e: Error): void } | undefined;
  const host = {
    request(method: string) {
      calls.push(method);
      return new Promise<ModelPickerData>((resolve, reject) => (settle = { resolve, reject }));
    },
  } as unknown as Channel<PanelRequests>;
  return { host, calls, settle: () => settle! };
}

const flush = () => new Promise((r) => setImmediate(r));
const answer: ModelPickerData = { models: [{ name: 'a', dir: '/m/a', savedAt: 1 }], selected: '/m/a' };

test('modelsAsker: one request while one is pending, asked again after a failure, the answer kept and drawn', async () => {
  const { host, calls, settle } = fakeHost();
  const drawn: Array<ModelPickerData | undefined> = [];
  const data: { picker?: ModelPickerData; dir?: string } = { dir: '/m/b' };
  const ask = modelsAsker(host, 'lm.models', { update: (d) => drawn.push(d) }, () => data, () => data.dir);
  ask();
  ask();
  assert.deepEqual(calls, ['lm.models']);
  settle().reject(new Error('host busy'));
  await flush();
  assert.equal(drawn.length, 0);
  ask();
  assert.deepEqual(calls, ['lm.models', 'lm.models']);
  settle().resolve(answer);
  await flush();
  assert.equal(data.picker, answer);
  assert.deepEqual(drawn, [{ ...answer, selected: '/m/b' }]);
  ask();
  assert.equal(calls.length, 2, 'answered once: not asked again');
});

test('modelsAsker: an answer arriving after the host sent a picker is dropped; without selected() the answer’s own is drawn', async () => {
  const first = fakeHost();
  const drawn: Array<ModelPickerData | undefined> = [];
  const data: { picker?: ModelPickerData } = {};
  modelsAsker(first.host, 'attention.models', { update: (d) => drawn.push(d) }, () => data)();
  const fromHost: ModelPickerData = { models: [] };
  data.picker = fromHost;
  first.settle().resolve(answer);
  await flush();
  assert.equal(data.picker, fromHost);
  assert.equal(drawn.length, 0);

  const second = fakeHost();
  modelsAsker(second.host, 'attention.models', { update: (d) => drawn.push(d) }, () => undefined)();
  assert.deepEqual(second.calls, ['attention.models']);
  second.settle().resolve(answer);
  await flush();
  assert.deepEqual(drawn, [answer]);
});
