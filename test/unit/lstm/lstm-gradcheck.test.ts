import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, paramLayout, type LstmConfig } from '../../../src/core/lstm/model';
import { kernelModule } from '../../../src/core/lstm/ops';
import { assertGradientMatchesFiniteDifferences, setup } from './fdcheck';

function fdCheck(cfg: LstmConfig, B: number, T: number) {
  const { ws, loss } = setup(cfg, B, T, 'js64');
  assert.equal(ws.ops.kind, 'js64');
  assertGradientMatchesFiniteDifferences(ws, cfg, loss);
}

test('finite-difference gradient check, 2 layers, dropout, gathered embedding (float64)', () => {
  fdCheck({ vocabSize: 7, embedding: 3, hidden: 4, layers: 2, dropout: 0.3 }, 2, 4);
});

test('finite-difference gradient check, 1 layer, embedding·Wx table path (float64)', () => {
  const cfg = { vocabSize: 3, embedding: 2, hidden: 5, layers: 1, dropout: 0 };
  const ws = new Workspace(cfg, 2, 4, { ops: 'js64' });
  assert.equal(ws.useTable, true);
  fdCheck(cfg, 2, 4);
});

for (const cell of ['gru', 'rnn'] as const) {
  test(`finite-difference gradient check of the ${cell.toUpperCase()} cell, 2 layers, dropout, gathered embedding (float64)`, () => {
    fdCheck({ vocabSize: 7, embedding: 3, hidden: 4, layers: 2, dropout: 0.3, cell }, 2, 4);
  });

  test(`finite-difference gradient check of the ${cell.toUpperCase()} cell, 1 layer, embedding·Wx table path (float64)`, () => {
    const cfg = { vocabSize: 3, embedding: 2, hidden: 5, layers: 1, dropout: 0, cell };
    assert.equal(new Workspace(cfg, 2, 4, { ops: 'js64' }).useTable, true);
    fdCheck(cfg, 2, 4);
  });
}

test('the GRU has three gate blocks and carries its state from batch to batch', () => {
  const cfg: LstmConfig = { vocabSize: 5, embedding: 3, hidden: 4, layers: 1, dropout: 0, cell: 'gru' };
  const wx = paramLayout(cfg).entries.find((e) => e.name === 'wx0')!;
  assert.deepEqual(wx.shape, [3, 12]);
  const { ws } = setup(cfg, 1, 3, 'js64');
  const x = [1, 2, 3];
  ws.resetState();
  const first = ws.forward(x, x, false);
  const again = ws.forward(x, x, false);
  assert.notEqual(first, again, 'the second batch starts from the state the first left');
  ws.resetState();
  assert.equal(ws.forward(x, x, false), first);
});

test('the WebAssembly kernel computes the same loss and gradient as the JS reference', { skip: !kernelModule() && 'dist/lstm-kernel.wasm not built' }, () => {
  for (const [cfg, B, T] of [
    [{ vocabSize: 11, embedding: 8, hidden: 13, layers: 2, dropout: 0.25 }, 5, 6],
    [{ vocabSize: 6, embedding: 5, hidden: 16, layers: 1, dropout: 0 }, 4, 7],
    [{ vocabSize: 11, embedding: 8, hidden: 13, layers: 2, dropout: 0.25, cell: 'gru' }, 5, 6],
    [{ vocabSize: 6, embedding: 5, hidden: 16, layers: 1, dropout: 0, cell: 'rnn' }, 4, 7],
  ] as const) {
    const w = setup(cfg, B, T, 'wasm');
    const j = setup(cfg, B, T, 'js32');
    assert.equal(w.ws.ops.kind, 'wasm');
    const lw = w.loss();
    const lj = j.loss();
    assert.ok(Math.abs(lw - lj) < 1e-5 * Math.abs(lj), `loss ${lw} vs ${lj}`);
    w.ws.backward();
    j.ws.backward();
    for (const e of paramLayout(cfg).entries) {
      let num = 0;
      let den = 0;
      for (let i = e.offset; i < e.offset + e.size; i++) {
        num += (w.ws.grad[i] - j.ws.grad[i]) ** 2;
        den += j.ws.grad[i] ** 2;
      }
      assert.ok(den > 0, `${e.name}: zero gradient`);
      assert.ok(Math.sqrt(num / den) < 1e-4, `${e.name}: wasm vs js relative difference ${Math.sqrt(num / den)}`);
    }
  }
});
