/**
 * `npm run bench:projection`: the time to project 10,000 words to 2D with each method of the Embeddings view
 * (src/core/word2vec/project.ts: PCA, UMAP via umap-js on our own neighbour search, Barnes–Hut t-SNE), split into the
 * nearest-neighbour search and the optimisation, and how much of each word's neighbourhood the map keeps (the share
 * of its 10 nearest words on the map that are among its 10 nearest by cosine in the vectors).
 *
 * The vectors are a saved word-vector model's most frequent words (`--model DIR`, e.g. one trained on Brown), or by
 * default synthetic clustered vectors (Gaussian clusters on random unit centres). The methods run in turn within each
 * repeat, the first rotating from repeat to repeat, so a change of machine load hits all alike.
 */
import { loadModel } from '../../src/core/word2vec/store';
import { frequentRows } from '../../src/core/word2vec/snapshot';
import { projection, type ProjectionMethod } from '../../src/core/word2vec/project';
import { WordVectors } from '../../src/core/word2vec/vectors';
import { clusteredVectors } from '../lib/clustered';
import { columns, Flags, loadAverage, log, saveResultTo, startResult, stats } from '../lib/results';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:projection -- [--words N] [--model DIR] [--dim N] [--clusters N] [--repeats N] [--methods LIST] [--out FILE]
  --words     words to project (default 10000)
  --model     a saved word-vector model folder (default: synthetic clustered vectors)
  --dim       dimensions of the synthetic vectors (default 100)
  --clusters  clusters of the synthetic vectors (default 50)
  --repeats   independent repeats (default 3)
  --methods   comma-separated, of pca, umap, tsne (default all three)
  --out       result file (default bench/results/projection-<date>.json)
`,
);

/**
 * For 1,000 evenly spaced points: the share of their 10 nearest on the map that are among their 10 nearest in the
 * vectors (cosine), and (synthetic vectors, `clusters` > 0) the share in the point's own cluster.
 */
function neighbourhoods(data: Float32Array, n: number, dim: number, xy: Float64Array, clusters: number): { kept: number; sameCluster: number } {
  const K = 10;
  const vectors = new WordVectors({ words: Array.from({ length: n }, (_, i) => String(i)), dim, vectors: data });
  const sample = Math.min(n, 1000);
  let kept = 0, same = 0;
  for (let s = 0; s < sample; s++) {
    const i = Math.floor((s * n) / sample);
    const near = new Set(vectors.nearestRows(i, K).index);
    const d = Array.from({ length: n }, (_, j) => [j, (xy[2 * j] - xy[2 * i]) ** 2 + (xy[2 * j + 1] - xy[2 * i + 1]) ** 2] as const);
    d.sort((a, b) => a[1] - b[1]);
    const onMap = d.slice(1, K + 1).map(([j]) => j);
    kept += onMap.filter((j) => near.has(j)).length / K;
    if (clusters > 0) same += onMap.filter((j) => j % clusters === i % clusters).length / K;
  }
  return { kept: kept / sample, sameCluster: clusters > 0 ? same / sample : NaN };
}

/** Run one projection, timing its neighbour phase and its optimisation. */
function timed(data: Float32Array, n: number, dim: number, method: ProjectionMethod): { seconds: number; cpuSeconds: number; neighbourSeconds: number; xy: Float64Array } {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const p = projection(data, n, dim, method, { seed: 1 });
  let tNeighbours = t0;
  let done = false;
  while (!done) {
    done = p.step();
    if (p.progress().phase === 'neighbours') tNeighbours = performance.now();
  }
  const xy = p.result();
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (!xy.every(Number.isFinite) || xy.length !== 2 * n) throw new Error(`${method} gave a bad map`);
  return { seconds: (t1 - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, neighbourSeconds: (tNeighbours - t0) / 1000, xy };
}

async function main(): Promise<void> {
  const words = flags.number('words', 10_000, true);
  const repeats = flags.number('repeats', 3, true);
  const methods = flags.string('methods', 'pca,umap,tsne').split(',') as ProjectionMethod[];
  if (methods.some((m) => !['pca', 'umap', 'tsne'].includes(m))) throw new Error(`--methods: pca, umap, tsne; got ${methods.join(',')}`);
  const modelDir = flags.has('model') ? flags.string('model', '') : undefined;
  let data: Float32Array, dim: number, n: number, source: string, clusters = 0;
  if (modelDir) {
    const model = loadModel(modelDir);
    const rows = frequentRows(model, words);
    [data, dim, n, source] = [rows.data, model.dim, rows.words.length, `${modelDir} (${model.source}), its ${rows.words.length} most frequent words`];
  } else {
    dim = flags.number('dim', 100, true);
    clusters = flags.number('clusters', 50, true);
    [data, n, source] = [clusteredVectors(words, dim, clusters, 7), words, `synthetic: ${clusters} Gaussian clusters`];
  }
  const result = startResult('projection', `2D projection of ${n} words × ${dim}: ${repeats} repeats, methods in rotating order`, repeats, { words: n, dim, source, methods });
  const per = new Map(methods.map((m) => [m, { seconds: [] as number[], cpu: [] as number[], neighbours: [] as number[], kept: [] as number[], same: [] as number[] }]));
  for (let r = 0; r < repeats; r++) {
    result.load.perRepeat.push(loadAverage());
    const order = methods.map((_, k) => methods[(k + r) % methods.length]);
    for (const m of order) {
      const t = timed(data, n, dim, m);
      const q = neighbourhoods(data, n, dim, t.xy, clusters);
      const s = per.get(m)!;
      s.seconds.push(t.seconds);
      s.cpu.push(t.cpuSeconds);
      s.neighbours.push(t.neighbourSeconds);
      s.kept.push(100 * q.kept);
      s.same.push(100 * q.sameCluster);
      log(`repeat ${r + 1}/${repeats} ${m}: ${t.seconds.toFixed(1)} s, CPU ${t.cpuSeconds.toFixed(1)} s (neighbours ${t.neighbourSeconds.toFixed(1)} s), 10-NN kept ${q.kept.toFixed(3)}, same cluster ${q.sameCluster.toFixed(3)}`);
    }
  }
  result.table.columns = columns({
    method: 'method',
    seconds: ['seconds (wall)', 1],
    cpu: ['CPU seconds', 1],
    neighbours: ['of which neighbour search', 1],
    kept: ['10-NN kept on the map (%)', 1],
    ...(clusters > 0 ? { same: ['10-NN on the map in the same cluster (%)', 1] as [string, number] } : {}),
  });
  for (const [m, s] of per) result.table.rows.push({ method: m, ...stats({ seconds: s.seconds, cpu: s.cpu, neighbours: s.neighbours, kept: s.kept, same: s.same }) });
  result.notes.push(
    `${n} words × ${dim} (${source}); one thread; seed 1.`,
    'UMAP: umap-js with 15 neighbours from our exact cosine search (WordVectors.nearestRows), its default epochs for the size; t-SNE: Barnes–Hut (θ = 0.5), perplexity 30, 750 iterations (exact @keckelt/tsne, 500 iterations, up to 1,500 words); PCA: power iteration on the covariance.',
    '10-NN kept: for 1,000 evenly spaced words, the share of their 10 nearest on the map that are among their 10 nearest by cosine; same cluster: the share of their 10 nearest on the map drawn from their own cluster (synthetic vectors; clusters without inner structure keep few exact neighbours).',
    'CPU seconds: this process (one thread); the wall time grows with the load average the machine had meanwhile.',
  );
  saveResultTo(result, flags);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
