/**
 * `npm run bench:word2vec-hs`: hierarchical softmax, this project (`ml-study train sgns|cbow --hs`) against gensim
 * (hs=1, negative=0) on the same normalised Brown text with the same settings: dim 100, window 5, min-count 5,
 * sample 1e-3, 5 epochs, lr 0.025 → 0.0001, the same thread count. Runs alternate (ours, gensim, ours, gensim, …)
 * so a change in machine load hits both sides alike; the summary gives the median and range of each side's
 * training seconds (the training loop only, vocabulary building excluded, on both sides) and of its WordSim353
 * Spearman ρ, scored by this project's evaluation code. The result is also written as JSON to bench/results/.
 *
 * Flags: --arch sgns|cbow (default sgns), --threads N (default 1), --runs N per side (default 3, at least 3).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBrownText } from '../../src/core/corpus/brown';
import { evaluateSimilarity, parseSimilarityFile } from '../../src/core/word2vec/evaluate';
import { importVectors } from '../../src/core/word2vec/io';
import { loadModel } from '../../src/core/word2vec/store';
import { WordVectors } from '../../src/core/word2vec/vectors';
import { pythonWith } from '../lib/results';

const root = path.resolve(__dirname, '..', '..', '..');
const args = process.argv.slice(2);
const USAGE = 'usage: hs.js [--arch sgns|cbow] [--threads N] [--runs N]';
if (args.includes('--help')) {
  process.stdout.write(`${USAGE}\nTrains word2vec with hierarchical softmax on Brown, ours and gensim hs=1 alternately, and writes bench/results/*.json.\n`);
  process.exit(0);
}
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const ARCH = flag('arch', 'sgns');
const THREADS = Number(flag('threads', '1'));
const RUNS = Math.max(3, Number(flag('runs', '3')));
const EPOCHS = 5;
if (!['sgns', 'cbow'].includes(ARCH) || !Number.isInteger(THREADS) || THREADS < 1 || !Number.isInteger(RUNS)) {
  throw new Error(USAGE);
}
const log = (s: string): void => void process.stderr.write(s + '\n');

const GENSIM = `
import json, sys, time
from gensim.models import Word2Vec
f, sg, workers, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
sents = [l.split() for l in open(f, encoding="utf8")]
m = Word2Vec(vector_size=100, window=5, hs=1, negative=0, sg=sg, min_count=5, sample=1e-3, epochs=${EPOCHS}, alpha=0.025, min_alpha=0.0001, workers=workers, seed=1)
m.build_vocab(sents)
t = time.perf_counter()
m.train(sents, total_examples=m.corpus_count, epochs=${EPOCHS})
sec = time.perf_counter() - t
m.wv.save_word2vec_format(out)
import gensim
print(json.dumps({"seconds": sec, "version": gensim.__version__}))
`;

interface Run {
  engine: 'ml-study' | 'gensim';
  seconds: number;
  ws353: number;
  oov: number;
  load1: number;
}

const gensimPython = (): string => pythonWith('gensim', 'gensim is not installed (Debian: apt-get install python3-gensim)');

function main(): number {
  const evalFile = ['/work/shared/eval', path.join(root, '..', 'shared', 'eval')].map((d) => path.join(d, 'wordsim353.tsv')).find((f) => fs.existsSync(f));
  if (!evalFile) throw new Error('wordsim353.tsv not found (../shared/eval beside the repository)');
  const pairs = parseSimilarityFile(fs.readFileSync(evalFile, 'utf8'));
  const py = gensimPython();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-w2v-hs-'));
  const corpus = path.join(tmp, 'brown.txt');
  fs.writeFileSync(corpus, loadBrownText());
  const cli = path.join(root, 'dist', 'cli.js');
  const loadBefore = os.loadavg();
  log(`Brown text: ${corpus}; ${ARCH} --hs, ${THREADS} thread(s), ${RUNS} runs per side; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);
  const runs: Run[] = [];
  let gensimVersion = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      const load1 = os.loadavg()[0];
      const dir = path.join(tmp, `ours-${i}`);
      const o = JSON.parse(execFileSync('node', [cli, 'train', ARCH, '--hs', '--corpus', 'brown', '--threads', String(THREADS), '--epochs', String(EPOCHS), '--out', dir, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { seconds: number };
      const ours = evaluateSimilarity(new WordVectors(loadModel(dir)), pairs);
      runs.push({ engine: 'ml-study', seconds: o.seconds, ws353: ours.spearman, oov: ours.oov, load1 });
      log(`run ${i + 1} ml-study: ${o.seconds.toFixed(2)} s, WS353 ${ours.spearman.toFixed(4)} (load ${load1.toFixed(2)})`);

      const load1g = os.loadavg()[0];
      const vec = path.join(tmp, `gensim-${i}.txt`);
      const g = JSON.parse(execFileSync(py, ['-c', GENSIM, corpus, ARCH === 'sgns' ? '1' : '0', String(THREADS), vec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()!) as { seconds: number; version: string };
      gensimVersion = g.version;
      const theirs = evaluateSimilarity(new WordVectors(importVectors(vec)), pairs);
      runs.push({ engine: 'gensim', seconds: g.seconds, ws353: theirs.spearman, oov: theirs.oov, load1: load1g });
      log(`run ${i + 1} gensim ${g.version}: ${g.seconds.toFixed(2)} s, WS353 ${theirs.spearman.toFixed(4)} (load ${load1g.toFixed(2)})`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const stats = (engine: Run['engine']) => {
    const rs = runs.filter((r) => r.engine === engine);
    const sec = rs.map((r) => r.seconds);
    const ws = rs.map((r) => r.ws353);
    return { runs: rs.length, seconds: { median: median(sec), min: Math.min(...sec), max: Math.max(...sec) }, ws353: { median: median(ws), min: Math.min(...ws), max: Math.max(...ws) }, oov: rs[0].oov };
  };
  const ours = stats('ml-study');
  const theirs = stats('gensim');
  const speedRatio = theirs.seconds.median / ours.seconds.median;
  const deltaWs353 = ours.ws353.median - theirs.ws353.median;
  const pass = deltaWs353 >= -0.02;
  const result = {
    benchmark: 'word2vec hierarchical softmax on Brown',
    date: new Date().toISOString(),
    settings: { arch: ARCH, hs: 1, negative: 0, dim: 100, window: 5, minCount: 5, sample: 1e-3, epochs: EPOCHS, lr: 0.025, minLr: 0.0001, threads: THREADS },
    machine: { cpus: os.cpus().length, loadBefore, loadAfter, note: 'shared machine under load from other jobs; runs interleaved ours/gensim' },
    gensimVersion,
    mlStudy: ours,
    gensim: theirs,
    speedRatio,
    deltaWs353,
    pass,
    runs,
  };
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `word2vec-hs-${ARCH}-${THREADS}t-${result.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
  const fmt = (s: ReturnType<typeof stats>) => `${s.seconds.median.toFixed(2)} s [${s.seconds.min.toFixed(2)}–${s.seconds.max.toFixed(2)}], WS353 ρ ${s.ws353.median.toFixed(4)} [${s.ws353.min.toFixed(4)}–${s.ws353.max.toFixed(4)}]`;
  process.stdout.write(`\n${ARCH} hierarchical softmax on Brown, ${THREADS} thread(s), ${RUNS} interleaved runs each, ${result.date}\n`);
  process.stdout.write(`load average (1/5/15 min) before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}; ${os.cpus().length} CPUs (shared)\n`);
  process.stdout.write(`ml-study --hs      ${fmt(ours)}\n`);
  process.stdout.write(`gensim ${gensimVersion} hs=1 ${fmt(theirs)}\n`);
  process.stdout.write(`${pass ? 'PASS' : 'FAIL'}: WS353 Δ ${deltaWs353.toFixed(4)} (target ≥ −0.02); speed ${speedRatio.toFixed(2)}× gensim (median training seconds)\n`);
  process.stdout.write(`JSON: ${path.relative(root, outFile)}\n`);
  return pass ? 0 : 1;
}

process.exitCode = main();
