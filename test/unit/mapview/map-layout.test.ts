/**
 * The word map's geometry (webview/panel/mapLayout.ts): label boxes never overlap and stay in the view, priority
 * wins, the grid index finds what a brute-force scan finds, colour classes by log rank and by word lists; and the
 * host's checks of what the view sends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GridIndex, listClasses, logRankClass, mix, parseWordLists, placeLabels } from '../../../webview/panel/mapLayout';
import { Rng } from '../../../src/core/util/rng';
import { objectParams, projectionParam, wordAndK } from '../../../src/shared/views/embeddingsParams';

function randomPoints(n: number, seed: number, spread = 1000): Float32Array {
  const rng = new Rng(seed);
  // clumps and a uniform background, like a word map
  return Float32Array.from({ length: 2 * n }, (_, k) => (k % 4 < 2 ? spread * rng.next() : spread / 2 + (rng.next() - 0.5) * spread * 0.1));
}

test('label placement: no two boxes overlap, all inside the view, and the first candidate is always placed', () => {
  for (const seed of [1, 2, 3]) {
    const n = 20_000, W = 900, H = 600, LINE = 14;
    const xy = randomPoints(n, seed, 1000);
    const sx = Float32Array.from({ length: n }, (_, i) => xy[2 * i] - 50);
    const sy = Float32Array.from({ length: n }, (_, i) => xy[2 * i + 1] * 0.7);
    const widths = Float32Array.from({ length: n }, (_, i) => 12 + ((i * 37) % 80));
    const cands = Int32Array.from({ length: n }, (_, i) => i).filter((i) => sx[i] > 30 && sx[i] < W - 120 && sy[i] > 20 && sy[i] < H - 20);
    const placed = placeLabels(cands, cands.length, sx, sy, (i) => widths[i], { width: W, height: H, lineHeight: LINE, maxLabels: 500, maxTries: 5000 });
    assert.ok(placed.count > 50, `placed ${placed.count}`);
    assert.equal(placed.index[0], cands[0]);
    for (let a = 0; a < placed.count; a++) {
      assert.ok(placed.x[a] >= 0 && placed.y[a] >= 0 && placed.x[a] + placed.w[a] <= W && placed.y[a] + LINE <= H);
      assert.equal(placed.w[a], widths[placed.index[a]]);
      // the box touches its point
      const i = placed.index[a];
      assert.ok(Math.abs(placed.x[a] + placed.w[a] / 2 - sx[i]) <= placed.w[a] / 2 + 5 && Math.abs(placed.y[a] + LINE / 2 - sy[i]) <= LINE / 2 + 4 + LINE);
      for (let b = a + 1; b < placed.count; b++) {
        const overlap = placed.x[a] < placed.x[b] + placed.w[b] && placed.x[b] < placed.x[a] + placed.w[a] && placed.y[a] < placed.y[b] + LINE && placed.y[b] < placed.y[a] + LINE;
        assert.ok(!overlap, `labels ${a} and ${b} overlap`);
      }
    }
    // priority: candidates placed in order
    const pos = new Map(Array.from(cands, (c, k) => [c, k]));
    for (let a = 1; a < placed.count; a++) assert.ok(pos.get(placed.index[a])! > pos.get(placed.index[a - 1])!);
  }
});

test('label placement: a candidate is refused only when all four spots are blocked or outside', () => {
  const sx = Float32Array.of(100, 100, 300);
  const sy = Float32Array.of(100, 100, 100);
  const placed = placeLabels([0, 1, 2], 3, sx, sy, () => 40, { width: 400, height: 200, lineHeight: 14, maxLabels: 10, maxTries: 10 });
  // the second point sits on the first: it gets the left spot; the third is far away
  assert.equal(placed.count, 3);
  assert.deepEqual([placed.x[0], placed.x[1]], [105, 55]);
  const edge = placeLabels([0], 1, Float32Array.of(2), Float32Array.of(3), () => 500, { width: 400, height: 200, lineHeight: 14, maxLabels: 10, maxTries: 10 });
  assert.equal(edge.count, 0);
});

test('grid index: a query returns every point in the rectangle; nearest matches a brute-force scan', () => {
  const n = 5000;
  const xy = randomPoints(n, 9, 50);
  const grid = new GridIndex(xy);
  const out = new Int32Array(n);
  const rng = new Rng(4);
  for (let t = 0; t < 50; t++) {
    const [x0, y0] = [rng.next() * 60 - 5, rng.next() * 60 - 5];
    const [x1, y1] = [x0 + rng.next() * 20, y0 + rng.next() * 20];
    const m = grid.query(x0, y0, x1, y1, out);
    const got = new Set(out.subarray(0, m));
    assert.equal(got.size, m, 'no duplicates');
    for (let i = 0; i < n; i++) if (xy[2 * i] >= x0 && xy[2 * i] <= x1 && xy[2 * i + 1] >= y0 && xy[2 * i + 1] <= y1) assert.ok(got.has(i), `point ${i} missing`);
    const [px, py, r] = [rng.next() * 50, rng.next() * 50, 0.5 + rng.next() * 2];
    let best = -1, bestD = r * r;
    for (let i = 0; i < n; i++) {
      const d = (xy[2 * i] - px) ** 2 + (xy[2 * i + 1] - py) ** 2;
      if (d <= bestD) [best, bestD] = [i, d];
    }
    const near = grid.nearest(px, py, r);
    assert.equal(near === -1 ? -1 : (xy[2 * near] - px) ** 2 + (xy[2 * near + 1] - py) ** 2, best === -1 ? -1 : bestD);
  }
});

test('colour classes: log rank rises with rank from 0 to the last class; word lists by line', () => {
  const n = 20_000;
  let last = 0;
  for (let r = 0; r < n; r++) {
    const c = logRankClass(r, n, 8);
    assert.ok(c >= last && c <= 7);
    last = c;
  }
  assert.equal(logRankClass(0, n, 8), 0);
  assert.equal(logRankClass(n - 1, n, 8), 7);
  // log scale: the top 1% of words take more than one class of eight
  assert.ok(logRankClass(n / 100, n, 8) >= 2);
  const lists = parseWordLists('King, queen  prince\n\n  red;green\tBlue \n');
  assert.deepEqual(lists, [['king', 'queen', 'prince'], ['red', 'green', 'blue']]);
  assert.deepEqual(Array.from(listClasses(['the', 'Queen', 'blue', 'king', 'sky'], lists)), [0, 1, 2, 1, 0]);
  assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
  assert.equal(mix('#102030', '#102030', 0.3), '#102030');
});

test("the host's checks of the view's requests: good params pass, bad ones are refused with one error", () => {
  assert.deepEqual(wordAndK('embeddings.isolate', { word: ' king ', k: 25.7 }, 500), { word: 'king', k: 25 });
  assert.deepEqual(wordAndK('embeddings.isolate', { word: 'king' }, 500), { word: 'king', k: 10 });
  assert.deepEqual(wordAndK('embeddings.isolate', { word: 'king', k: 1e9 }, 500), { word: 'king', k: 500 });
  assert.deepEqual(wordAndK('embeddings.isolate', { word: 'king', k: -3 }, 500), { word: 'king', k: 1 });
  for (const bad of [undefined, null, 7, 'king', [], { word: 7 }, { word: '  ' }, { word: 'a'.repeat(101) }, { word: 'king', k: 'many' }, { word: 'king', k: NaN }, { word: 'king', k: Infinity }]) {
    assert.throws(() => wordAndK('embeddings.isolate', bad, 500), /embeddings\.isolate/, JSON.stringify(bad));
  }
  assert.equal(projectionParam({ method: 'tsne' }), 'tsne');
  for (const bad of [undefined, null, { method: 'mds' }, { method: ['pca'] }, 'pca']) assert.throws(() => projectionParam(bad), /embeddings\.project/);
  assert.deepEqual(objectParams('embeddings.progress', undefined), {});
  assert.deepEqual(objectParams('embeddings.progress', {}), {});
  for (const bad of [null, 3, 'x', [1]]) assert.throws(() => objectParams('embeddings.cancel', bad), /embeddings\.cancel: bad params/);
});
