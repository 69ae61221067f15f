/**
 * `npm run bench:formula-notations -- --dirs <folder>,<folder>,… [--out <file.json>]`: trains the notation model
 * (features.ts) on the grammar's generated formulas and measures it on label folders in the real-notes format
 * (bench/formula/README.md):
 *  - alone: its most probable class as the answer, at every probability and from 0.5 and 0.9 on;
 *  - as a second opinion beside the shipped hover (explainFormula with the learned model): naming a concept where the
 *    hover names none (a bare mention excepted), from several probabilities on, and withdrawing the hover's concept
 *    where the model gives it under 1% and `null` 90% or more.
 * Counts only are written (no formula of the folders): bench/results/formula-notations-<time>.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../../lib/results';
import { parseLabelFile, readBounded } from '../evaluate';
import { explainFormula } from '../../../src/core/formula/explain';
import { recognise } from '../../../src/core/formula/recognise';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';
import { predictConcept, trainSoftmax } from '../../../src/core/formula/learned';
import { notationFeatures } from './features';
import { PER_LABEL, trainNotationModel } from './model';

const USAGE = 'usage: bench:formula-notations -- --dirs <folder>[,<folder>…] [--out <file.json>] [--per-label 160] [--seed 1]\n';
const flags = new Flags(process.argv.slice(2), USAGE);
const dirs = flags.string('dirs', '').split(',').filter(Boolean).map((d) => path.resolve(d));
if (!dirs.length) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const perLabel = flags.number('per-label', PER_LABEL, true);
const seed = flags.number('seed', 1, true);

interface Seen {
  label: string | null;
  /** The shipped hover's concept, and whether the recogniser called the formula a bare mention. */
  shipped: string | null;
  mention: boolean;
  best: string | null;
  p: number;
  probs: Map<string, number>;
}

/** Right, wrong and claimed answers of a way of answering. */
function tally(rows: Seen[], answer: (r: Seen) => string | null): { right: number; wrong: number; claims: number } {
  let right = 0;
  let wrong = 0;
  let claims = 0;
  for (const r of rows) {
    const a = answer(r);
    if (!a) continue;
    if (!r.label) claims++;
    else if (a === r.label) right++;
    else wrong++;
  }
  return { right, wrong, claims };
}

function main(): void {
  const t0 = Date.now();
  const { examples, samples } = trainNotationModel(perLabel, seed);
  const model = trainSoftmax(examples, ['null', ...CONCEPT_IDS], { epochs: 10, minSources: 2, seed: 7 });
  process.stderr.write(`trained on ${samples} generated formulas (${model.index.size} features) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const rows: Seen[] = [];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt') && !x.endsWith('.roles.txt')).sort()) {
      const labels = parseLabelFile(readBounded(path.join(dir, f), 4_000_000), false);
      for (const fo of labels.formulas) {
        const context = { before: fo.context };
        const ex = explainFormula(fo.latex, { context, display: true, macros: labels.macros });
        const rec = recognise(ex.latex, context);
        const pred = predictConcept(model, notationFeatures(rec.tree.items));
        rows.push({ label: fo.expected, shipped: ex.concept, mention: rec.unsure === 'mention', best: pred.best, p: pred.p, probs: pred.probs });
      }
    }
  }
  const catalog = rows.filter((r) => r.label).length;
  const results: Record<string, { right: number; wrong: number; claims: number }> = {
    'shipped hover': tally(rows, (r) => r.shipped),
  };
  for (const from of [0, 0.5, 0.9]) results[`notation model alone, from ${from}`] = tally(rows, (r) => (r.p >= from ? r.best : null));
  for (const from of [0.5, 0.7, 0.9, 0.95]) {
    results[`hover, and the model naming where it names none, from ${from}`] = tally(rows, (r) => r.shipped ?? (!r.mention && r.p >= from ? r.best : null));
  }
  results['hover, and the model withdrawing (its concept < 1%, null ≥ 90%)'] = tally(rows, (r) => (r.shipped && (r.probs.get(r.shipped) ?? 0) < 0.01 && (r.probs.get('null') ?? 0) >= 0.9 ? null : r.shipped));
  const nulls = rows.length - catalog;
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  for (const [k, v] of Object.entries(results)) {
    process.stdout.write(`${k.padEnd(66)} right ${v.right}/${catalog} (${pct(v.right, catalog)})  wrong ${v.wrong} (${pct(v.wrong, catalog)})  claims ${v.claims}/${nulls} (${pct(v.claims, nulls)})\n`);
  }
  const root = repoRoot();
  const out = flags.string('out', '') || path.join(root, 'bench', 'results', `formula-notations-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const json = { when: new Date().toISOString(), commit: commitOf(root), folders: dirs.map((d) => path.basename(d)), generated: samples, features: model.index.size, perLabel, seed, formulas: rows.length, catalog, nulls, results };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.tmp-${process.pid}`, JSON.stringify(json, null, 2) + '\n');
  fs.renameSync(`${out}.tmp-${process.pid}`, out);
  process.stdout.write(`wrote ${out}\n`);
}

main();
