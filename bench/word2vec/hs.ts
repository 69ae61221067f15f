/**
 * `npm run bench:word2vec-hs`: hierarchical softmax, this project (`ml-study train sgns|cbow --hs`) against gensim
 * (hs=1, negative=0) on the same normalised Brown text with the same settings: dim 100, window 5, min-count 5,
 * sample 1e-3, 5 epochs, lr 0.025 → 0.0001, the same thread count. Runs alternate (ours, gensim, ours, gensim, …)
 * so a change in machine load hits both sides alike; the summary gives the median and range of each side's
 * training seconds (the training loop only, vocabulary building excluded, on both sides) and of its WordSim353
 * Spearman ρ, scored by this project's evaluation code. The result is written as JSON to bench/results/ (the
 * format `npm run bench:report` turns into a BENCHMARKS.md table).
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
import { columns, loadAverage, pythonWith, saveResult, startResult, stat } from '../lib/results';

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
  const result = startResult('word2vec-hs', `word2vec ${ARCH} with hierarchical softmax on Brown: ml-study --hs vs gensim hs=1`, RUNS, { arch: ARCH, hs: 1, negative: 0, dim: 100, window: 5, minCount: 5, sample: 1e-3, epochs: EPOCHS, lr: 0.025, minLr: 0.0001, threads: THREADS });
  log(`Brown text: ${corpus}; ${ARCH} --hs, ${THREADS} thread(s), ${RUNS} runs per side; load average ${result.load.before.join(' ')}`);
  const runs: Run[] = [];
  let gensimVersion = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      const load1 = os.loadavg()[0];
      result.load.perRepeat.push(loadAverage());
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
  const side = (engine: Run['engine']) => runs.filter((r) => r.engine === engine);
  const ours = side('ml-study');
  const theirs = side('gensim');
  const sec = (rs: Run[]) => stat(rs.map((r) => r.seconds));
  const ws = (rs: Run[]) => stat(rs.map((r) => r.ws353));
  const speedRatio = sec(theirs).median / sec(ours).median;
  const deltaWs353 = ws(ours).median - ws(theirs).median;
  const pass = deltaWs353 >= -0.02;
  result.table = {
    columns: columns({ engine: 'engine', seconds: ['training seconds', 2], ws353: ['WordSim353 ρ', 4], oov: ['WS353 pairs out of vocabulary', 0] }),
    rows: [
      { engine: 'ml-study --hs', seconds: sec(ours), ws353: ws(ours), oov: ours[0].oov },
      { engine: `gensim ${gensimVersion} hs=1`, seconds: sec(theirs), ws353: ws(theirs), oov: theirs[0].oov },
    ],
  };
  result.notes.push(
    `${ARCH} with hierarchical softmax on Brown (dim 100, window 5, min-count 5, sample 1e-3, ${EPOCHS} epochs, lr 0.025 → 0.0001, negative 0, ${THREADS} thread(s)); runs alternate ours, gensim, ours, … Training seconds are each side's training loop (vocabulary building excluded).`,
    `Speed ${speedRatio.toFixed(2)}× gensim (median seconds); WordSim353 Δ ${deltaWs353.toFixed(4)} (target ≥ −0.02: ${pass ? 'met' : 'missed'}).`,
  );
  saveResult(result);
  return pass ? 0 : 1;
}

process.exitCode = main();
