/**
 * `npm run train:formula -- --dirs <folder>,<folder>,… [--folds 11] [--out src/core/formula/learnedModel.json]`:
 * the learned second opinion (src/core/formula/learned.ts) from label folders in the real-notes format
 * (bench/formula/README.md), which stay outside the repository.
 *
 * First a cross-validation by folder (folder i is held out in fold i mod k): each fold's model is trained without its
 * held-out folders and predicts them. Those held-out predictions set the model's gates (gatesFrom) and are scored:
 * right, wrong, null claims for the recogniser alone and with the model (gates set from these same predictions, so
 * that figure flatters; batches no model has seen are the real test), printed and written to
 * bench/results/formula-learned-cv-<time>.json (counts only). Then, with --out, the model trained on every folder is
 * written with those gates. The model keeps only weights of features seen in several sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../lib/results';
import { parseLabelFile, readBounded } from './evaluate';
import { explainFormula, featuresOf } from '../../src/core/formula/explain';
import { parseMacros } from '../../src/core/formula/macros';
import type { ConceptId } from '../../src/core/formula/concepts';
import { type Example, gatesFrom, type HeldOut, judge, type LearnedModel, OPEN_GATES, predictConcept, storeModel, trainModel } from '../../src/core/formula/learned';

const USAGE = 'usage: train:formula -- --dirs <folder>[,<folder>…] [--folds 11] [--out <model.json>] [--epochs 12] [--min-sources 5] [--seed 1]\n';
const flags = new Flags(process.argv.slice(2), USAGE);
const dirs = flags.string('dirs', '').split(',').filter(Boolean).map((d) => path.resolve(d));
const out = flags.string('out', '');
const folds = flags.number('folds', 11, true);
if (!dirs.length || folds < 2) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const opts = { epochs: flags.number('epochs', 12, true), minSources: flags.number('min-sources', 5, true), seed: flags.number('seed', 1, true) };

interface Row extends Example {
  folder: number;
  /** The recogniser's concept alone. */
  rules: ConceptId | null;
}

function readFolder(dir: string, folder: number): Row[] {
  const rows: Row[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt') && !x.endsWith('.roles.txt')).sort()) {
    const labels = parseLabelFile(readBounded(path.join(dir, f), 4_000_000), false);
    const macros = labels.macros ? parseMacros(labels.macros) : undefined;
    for (const fo of labels.formulas) {
      const context = { before: fo.context };
      const rules = explainFormula(fo.latex, { context, display: true, macros, learned: false }).concept;
      rows.push({ features: featuresOf(fo.latex, { context, macros }), label: fo.expected, source: `${path.basename(dir)}/${f}`, folder, rules });
    }
  }
  return rows;
}

const rows = dirs.flatMap((d, i) => readFolder(d, i));
process.stdout.write(`${rows.length} formulas from ${new Set(rows.map((r) => r.source)).size} sources in ${dirs.length} folders\n`);

const held: HeldOut[] = new Array(rows.length);
for (let k = 0; k < folds; k++) {
  const isHeld = (r: Row) => r.folder % folds === k;
  const model: LearnedModel = trainModel(rows.filter((r) => !isHeld(r)), opts);
  rows.forEach((r, i) => {
    if (isHeld(r)) held[i] = { label: r.label, rules: r.rules, pred: predictConcept(model, r.features) };
  });
  process.stdout.write(`fold ${k + 1}/${folds}\n`);
}
const gates = gatesFrom(held);
const catalog = rows.filter((r) => r.label).length;
const nulls = rows.length - catalog;
const score = (policy: string, said: (h: HeldOut) => string | null) => {
  const c = { policy, right: 0, wrong: 0, claimed: 0 };
  for (const h of held) {
    const got = said(h);
    if (h.label) got === h.label ? c.right++ : got && c.wrong++;
    else if (got) c.claimed++;
  }
  return { ...c, rightShare: c.right / catalog, wrongShare: c.wrong / catalog, claimShare: c.claimed / nulls };
};
const table = [
  score('recogniser alone', (h) => h.rules),
  score('with the model, gated (shipped)', (h) => judge(h.rules, h.pred, gates).concept),
  score('with the model, no gates', (h) => judge(h.rules, h.pred, OPEN_GATES).concept),
  score('naming only, gated', (h) => judge(h.rules, h.pred, { withdraw: new Set(), name: gates.name }).concept),
  score('withdrawing only, gated', (h) => judge(h.rules, h.pred, { withdraw: gates.withdraw, name: new Set() }).concept),
];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const t of table) process.stdout.write(`${t.policy.padEnd(34)} right ${pct(t.rightShare)}  wrong ${pct(t.wrongShare)}  null claims ${pct(t.claimShare)}\n`);
process.stdout.write(`gates: may withdraw ${[...gates.withdraw].sort().join(' ')}\n       may name ${[...gates.name].sort().join(' ')}\n`);
const root = repoRoot();
const file = path.join(root, 'bench', 'results', `formula-learned-cv-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), commit: commitOf(root), folders: dirs.map((d) => path.basename(d)), folds, options: opts, catalog, nulls, table, gates: { withdraw: [...gates.withdraw].sort(), name: [...gates.name].sort() } }, null, 2) + '\n');
process.stdout.write(`wrote ${file}\n`);

if (out) {
  const model = { ...trainModel(rows, opts), ...gates };
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(storeModel(model)) + '\n');
  fs.renameSync(tmp, out);
  process.stdout.write(`wrote ${out}: ${model.classes.length} classes, ${model.index.size} features\n`);
}
