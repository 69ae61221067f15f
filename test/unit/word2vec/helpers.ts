/** Shared helpers of the word2vec tests: locating files, a Python with gensim, small models. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Word2vecModel } from '../../../src/core/word2vec/model';

/** The repository root (the folder with package.json above the running bundle). */
export function repoRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'src'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

export const FIXTURES = () => path.join(repoRoot(), 'test', 'fixtures', 'word2vec');

/** ../shared/eval beside the repository (where CI and the developers have it), if present. */
export function sharedEval(): string | undefined {
  const d = path.join(repoRoot(), '..', 'shared', 'eval');
  return fs.existsSync(path.join(d, 'wordsim353.tsv')) ? d : undefined;
}

/** A python3 that can import gensim (Debian's python3-gensim lives in /usr/bin/python3), else a clear failure. */
export function pythonWithGensim(): string {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import gensim'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  throw new Error('gensim is not installed: the evaluation test compares against it (apt-get install python3-gensim)');
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `w2v-${prefix}-`));
}

/** A small model with given words and random vectors (seeded), for I/O and vector tests. */
export function randomModel(words: string[], dim: number, seed = 1): Word2vecModel {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  return { words, counts: words.map((_, i) => 100 - i), dim, vectors: Float32Array.from({ length: words.length * dim }, next), source: 'test' };
}

export const neverStop = () => new AbortController().signal;
