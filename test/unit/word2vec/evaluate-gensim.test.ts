/**
 * The evaluation code agrees with gensim on the same vectors file (to 0.005): Spearman and OOV share on
 * similarity files, accuracy on analogy files. The vectors come from a short training run on Brown, so the scores
 * are real ones; the eval files are ../shared/eval when present, and always the small fixtures (with ties, a
 * capitalised word and unknown words).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadBrownSentences } from '../../../src/core/corpus/brown';
import { evaluateAnalogies, evaluateSimilarity, parseAnalogyFile, parseSimilarityFile, spearman } from '../../../src/core/word2vec/evaluate';
import { exportVectors } from '../../../src/core/word2vec/io';
import { trainWord2vec } from '../../../src/core/word2vec/train';
import { WordVectors } from '../../../src/core/word2vec/vectors';
import { FIXTURES, neverStop, pythonWithGensim, sharedEval, tmpDir } from './helpers';

const GENSIM_EVAL = `
import json, sys, logging
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=False)
out = {"similarity": [], "analogies": []}
for f in json.loads(sys.argv[2]):
    pearson, spear, oov = kv.evaluate_word_pairs(f)
    out["similarity"].append({"file": f, "spearman": float(spear[0]), "oov": oov / 100.0})
for f in json.loads(sys.argv[3]):
    score, sections = kv.evaluate_word_analogies(f)
    out["analogies"].append({"file": f, "accuracy": float(score), "covered": sum(len(s["correct"]) + len(s["incorrect"]) for s in sections[:-1]),
        "sections": {s["section"]: len(s["correct"]) for s in sections[:-1]}})
print(json.dumps(out))
`;

test('tie-aware Spearman: ties get average ranks', () => {
  // x has a tie; with average ranks ρ = 0.9486832980505138 (scipy.stats.spearmanr gives the same).
  assert.ok(Math.abs(spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 0.9486832980505138) < 1e-12);
  assert.equal(spearman([1, 2, 3], [3, 2, 1]), -1);
});

test('similarity and analogy scores match gensim on the same vectors file', async () => {
  const py = pythonWithGensim();
  const model = await trainWord2vec({ epochs: 1, minCount: 10, seed: 7 }, loadBrownSentences(), { signal: neverStop(), onProgress() {} }, { snapshotWords: 0 });
  const dir = tmpDir('gensim');
  const vecFile = path.join(dir, 'vectors.txt');
  exportVectors(model, 'word2vec', vecFile);
  const shared = sharedEval();
  const simFiles = [path.join(FIXTURES(), 'sim-small.tsv'), ...(shared ? [path.join(shared, 'wordsim353.tsv'), path.join(shared, 'simlex999.txt')] : [])];
  const anaFiles = [path.join(FIXTURES(), 'analogies-small.txt'), ...(shared ? [path.join(shared, 'questions-words.txt')] : [])];
  const r = spawnSync(py, ['-c', GENSIM_EVAL, vecFile, JSON.stringify(simFiles), JSON.stringify(anaFiles)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, `gensim failed: ${r.stderr}`);
  const ref = JSON.parse(r.stdout) as { similarity: Array<{ spearman: number; oov: number }>; analogies: Array<{ accuracy: number; covered: number; sections: Record<string, number> }> };

  // Score the vectors as read back from the same file, as gensim does.
  const vecs = new WordVectors(model);
  simFiles.forEach((f, i) => {
    const mine = evaluateSimilarity(vecs, parseSimilarityFile(fs.readFileSync(f, 'utf8')));
    assert.ok(Math.abs(mine.spearman - ref.similarity[i].spearman) <= 0.005, `${path.basename(f)}: Spearman ${mine.spearman} vs gensim ${ref.similarity[i].spearman}`);
    assert.ok(Math.abs(mine.oov - ref.similarity[i].oov) <= 0.005, `${path.basename(f)}: OOV ${mine.oov} vs gensim ${ref.similarity[i].oov}`);
  });
  anaFiles.forEach((f, i) => {
    const mine = evaluateAnalogies(vecs, parseAnalogyFile(fs.readFileSync(f, 'utf8')));
    assert.equal(mine.covered, ref.analogies[i].covered, `${path.basename(f)}: covered questions`);
    assert.ok(Math.abs(mine.accuracy - ref.analogies[i].accuracy) <= 0.005, `${path.basename(f)}: accuracy ${mine.accuracy} vs gensim ${ref.analogies[i].accuracy}`);
  });
  fs.rmSync(dir, { recursive: true, force: true });
});
