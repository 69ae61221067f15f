/**
 * The Embeddings map's engine: neighbours against brute-force cosine, projections of the right size and finite
 * (Barnes–Hut t-SNE keeping clusters apart), PCA against an independent eigen-decomposition (Jacobi rotations, the playground's symmetricEigen), the
 * perplexity calibration, and the worker's map requests (typed arrays, neighbourhoods, progress and cancel).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { conditionalP } from '../../../src/core/word2vec/bhtsne';
import { pca } from '../../../src/core/word2vec/pca';
import { symmetricEigen } from '../../../src/core/xor/playground';
import { project2d, projectAsync } from '../../../src/core/word2vec/project';
import { saveModel } from '../../../src/core/word2vec/store';
import { WordVectors } from '../../../src/core/word2vec/vectors';
import { vectorsHandlers } from '../../../src/worker/vectorsRequests';
import { clusteredVectors } from '../../../bench/lib/clustered';

/** Cosines of row i against every row, in float64 from the raw vectors. */
function bruteCosines(data: Float32Array, n: number, dim: number, i: number): number[] {
  const norm = (r: number) => Math.sqrt(Array.from(data.subarray(r * dim, (r + 1) * dim)).reduce((s, x) => s + x * x, 0));
  return Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += data[i * dim + d] * data[j * dim + d];
    return s / (norm(i) * norm(j));
  });
}

test('nearestRows: the k best rows by brute-force cosine, best first, itself excluded, within the limit', () => {
  const n = 300, dim = 17;
  const data = clusteredVectors(n, dim, 6, 3);
  const v = new WordVectors({ words: Array.from({ length: n }, (_, i) => `w${i}`), dim, vectors: data });
  for (const [i, k, limit] of [[0, 10, n], [17, 25, n], [250, 5, 120], [5, 400, 50]] as const) {
    const got = v.nearestRows(i, k, limit);
    const cos = bruteCosines(data, n, dim, i);
    const want = Array.from({ length: limit }, (_, j) => j).filter((j) => j !== i).sort((a, b) => cos[b] - cos[a]).slice(0, k);
    assert.equal(got.index.length, want.length);
    assert.ok(got.index instanceof Int32Array && got.score instanceof Float32Array);
    for (let r = 0; r < want.length; r++) {
      // ties aside, the same rows; the scores equal the brute-force cosines
      assert.ok(Math.abs(got.score[r] - cos[want[r]]) < 1e-5, `row ${r}: ${got.score[r]} vs ${cos[want[r]]}`);
      assert.ok(Math.abs(cos[got.index[r]] - got.score[r]) < 1e-5);
      assert.notEqual(got.index[r], i);
      assert.ok(got.index[r] < limit);
    }
  }
});

test('PCA: the projection on the top two eigenvectors of the covariance (Jacobi), up to sign', () => {
  const n = 400, dim = 12;
  const data = clusteredVectors(n, dim, 5, 11);
  const mean = Array.from({ length: dim }, (_, j) => Array.from({ length: n }, (_, i) => data[i * dim + j]).reduce((s, x) => s + x, 0) / n);
  const cov = Array.from({ length: dim }, (_, a) => Array.from({ length: dim }, (_, b) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (data[i * dim + a] - mean[a]) * (data[i * dim + b] - mean[b]);
    return s;
  }));
  const { values, vectors: V } = symmetricEigen(cov);
  const order = values.map((_, i) => i).sort((x, y) => values[y] - values[x]);
  assert.ok(values[order[1]] > 1.05 * values[order[2]], 'the test data needs distinct top eigenvalues');
  const got = pca(data, n, dim, 2);
  for (let c = 0; c < 2; c++) {
    const e = order[c];
    const want = Array.from({ length: n }, (_, i) => mean.reduce((s, m, j) => s + (data[i * dim + j] - m) * V[j][e], 0));
    const sign = Math.sign(want.reduce((s, w, i) => s + w * got[2 * i + c], 0));
    const scale = Math.max(...want.map(Math.abs));
    for (let i = 0; i < n; i++) assert.ok(Math.abs(got[2 * i + c] - sign * want[i]) < 1e-6 * scale, `component ${c}, row ${i}`);
  }
});

/** The share of points whose nearest other point on the map is in the same cluster (cluster = i mod clusters). */
function sameClusterShare(xy: Float64Array, n: number, clusters: number): number {
  let same = 0;
  for (let i = 0; i < n; i++) {
    let best = -1, bestD = Infinity;
    for (let j = 0; j < n; j++) {
      const d = (xy[2 * i] - xy[2 * j]) ** 2 + (xy[2 * i + 1] - xy[2 * j + 1]) ** 2;
      if (j !== i && d < bestD) [best, bestD] = [j, d];
    }
    if (best % clusters === i % clusters) same++;
  }
  return same / n;
}

test('every projection gives n finite 2D points, and t-SNE and UMAP keep clusters together', () => {
  const n = 600, dim = 20, clusters = 8;
  const data = clusteredVectors(n, dim, clusters, 5);
  const runs: Array<[string, Float64Array]> = [
    ['pca', project2d(data, n, dim, 'pca')],
    ['umap', project2d(data, n, dim, 'umap', { nEpochs: 100 })],
    ['tsne exact', project2d(data, n, dim, 'tsne', { iterations: 200 })],
    ['tsne Barnes-Hut', project2d(data, n, dim, 'tsne', { iterations: 400, exactMax: 0 })],
  ];
  for (const [name, xy] of runs) {
    assert.equal(xy.length, 2 * n, name);
    assert.ok(xy.every(Number.isFinite), `${name}: finite`);
    assert.ok(new Set(Array.from(xy, (x) => x.toFixed(6))).size > n, `${name}: not collapsed`);
  }
  for (const [name, xy] of runs.slice(1)) assert.ok(sameClusterShare(xy, n, clusters) > 0.9, `${name}: ${sameClusterShare(xy, n, clusters)}`);
  // the same seed gives the same Barnes-Hut map
  assert.deepEqual(Array.from(project2d(data, n, dim, 'tsne', { iterations: 50, exactMax: 0 })), Array.from(project2d(data, n, dim, 'tsne', { iterations: 50, exactMax: 0 })));
});

test('t-SNE affinities: each row sums to 1 with the entropy of the asked perplexity', () => {
  const n = 50, k = 30;
  const index = new Int32Array(n * k);
  const dist2 = Float32Array.from({ length: n * k }, (_, e) => 0.1 + ((e * 7919) % 101) / 50);
  const P = conditionalP({ k, index, dist2 }, n, 10);
  for (let i = 0; i < n; i++) {
    const row = Array.from(P.subarray(i * k, (i + 1) * k));
    assert.ok(Math.abs(row.reduce((s, p) => s + p, 0) - 1) < 1e-9);
    const H = -row.reduce((s, p) => s + (p > 0 ? p * Math.log(p) : 0), 0);
    assert.ok(Math.abs(Math.exp(H) - 10) < 1e-3, `row ${i}: perplexity ${Math.exp(H)}`);
  }
});

test('projectAsync reports progress through both phases and stops on abort', async () => {
  const n = 800, dim = 16;
  const data = clusteredVectors(n, dim, 4, 9);
  const phases = new Set<string>();
  const xy = await projectAsync(data, n, dim, 'tsne', { iterations: 60, exactMax: 0 }, { onProgress: (p) => phases.add(p.phase) });
  assert.equal(xy.length, 2 * n);
  assert.ok(phases.has('done'));
  const stop = new AbortController();
  const started = projectAsync(data, n, dim, 'tsne', { iterations: 100_000, exactMax: 0 }, { signal: stop.signal });
  setTimeout(() => stop.abort(), 50);
  await assert.rejects(started, /stopped/);
});

test('the worker: maps as Float32Array, neighbourhoods among the map words by cosine, progress and cancel', async () => {
  const n = 1200, dim = 16;
  const vectors = clusteredVectors(n, dim, 10, 21);
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const counts = words.map((_, i) => n - i);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'map-test-'));
  try {
    saveModel(dir, { words, counts, dim, vectors, source: 'test' });
    const map = await vectorsHandlers['vectors.map']({ dir, method: 'pca', top: 1000 });
    assert.ok(map.xy instanceof Float32Array);
    assert.equal(map.xy.length, 2000);
    assert.deepEqual(map.words, words.slice(0, 1000));
    const hood = await vectorsHandlers['vectors.mapNeighbours']({ dir, word: 'w42', k: 20, top: 1000 });
    assert.equal(hood.focus, 42);
    const cos = bruteCosines(vectors, 1000, dim, 42);
    const want = cos.map((c, j) => [j, c] as const).filter(([j]) => j !== 42).sort((a, b) => b[1] - a[1]).slice(0, 20);
    assert.deepEqual(Array.from(hood.index), want.map(([j]) => j));
    await assert.rejects(Promise.resolve().then(() => vectorsHandlers['vectors.mapNeighbours']({ dir, word: 'w1100', k: 5, top: 1000 })), /not among the 1000 words/);
    const running = Promise.resolve(vectorsHandlers['vectors.map']({ dir, method: 'tsne', top: 1200, id: 7 }));
    let progress = null;
    for (let t = 0; t < 200 && !progress; t++) {
      await new Promise((r) => setTimeout(r, 20));
      progress = await vectorsHandlers['vectors.mapProgress']({ id: 7 });
    }
    assert.ok(progress && progress.total > 0, 'progress while projecting');
    assert.equal(await vectorsHandlers['vectors.mapCancel']({ id: 7 }), true);
    await assert.rejects(running, /stopped/);
    assert.equal(await vectorsHandlers['vectors.mapProgress']({ id: 7 }), null);
    assert.equal(await vectorsHandlers['vectors.mapCancel']({ id: 7 }), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
