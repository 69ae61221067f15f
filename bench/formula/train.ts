/**
 * `npm run train:formula -- --dirs <folder>,<folder>,… [--folds 11] [--out src/core/formula/learnedModel.json]`:
 * the learned second opinion (src/core/formula/learned.ts) from label folders in the real-notes format
 * (bench/formula/README.md), which stay outside the repository.
 *
 * First a cross-validation by folder (folder i is held out in fold i mod k): each fold's model is trained without its
 * held-out folders and predicts them. Those held-out predictions are scored — right, wrong, null claims for the
 * recogniser alone, with the model at the shipped thresholds (learned.ts) and at neighbouring ones — printed and
 * written to bench/results/formula-learned-cv-<time>.json (counts only); with --dump, one line per held-out formula.
 * Then, with --out, the model trained on every folder is written. The model keeps only weights of features seen in
 * several sources.
 */
import * as fs from 'node:fs';
import { explainFormula, featuresOf, judgedLineOf } from '../../src/core/formula/explain';
import type { ConceptId } from '../../src/core/formula/concepts';
import { type Example, type HeldOut, judge, type LearnedModel, predictConcept, THRESHOLDS, trainModel } from '../../src/core/formula/learned';
import { labelledFormulas, startingModel, trainingRun, writeCrossValidation, writeModel } from './trainCommon';

const run = trainingRun('train:formula', 5);
const { dirs, out, dump, folds } = run;
/** With --init, every model starts from that one (which the table also scores on its own, on every formula). */
const start = startingModel(run);
const opts = { ...run.opts, init: start };

interface Row extends Example {
  folder: number;
  /** The recogniser's concept alone, and the score of its best candidate. */
  rules: ConceptId | null;
  rulesScore: number;
  /** The line works out a derivative, the recogniser's answer is firm (as explainFormula tells judge). */
  derivative: boolean;
  firm: boolean;
}

function readFolder(dir: string, folder: number): Row[] {
  return labelledFormulas(dir).map(({ source, formula: fo, macros }) => {
    const context = { before: fo.context };
    const e = explainFormula(fo.latex, { context, display: true, macros, learned: false });
    const { derivative, firm } = judgedLineOf(fo.latex, { context, macros });
    return { features: featuresOf(fo.latex, { context, macros }), label: fo.expected, source, folder, rules: e.concept, rulesScore: e.candidates[0]?.score ?? 0, derivative, firm };
  });
}

const rows = dirs.flatMap((d, i) => readFolder(d, i));
process.stdout.write(`${rows.length} formulas from ${new Set(rows.map((r) => r.source)).size} sources in ${dirs.length} folders\n`);

const held: HeldOut[] = new Array(rows.length);
for (let k = 0; k < folds; k++) {
  const isHeld = (r: Row) => r.folder % folds === k;
  const model: LearnedModel = trainModel(rows.filter((r) => !isHeld(r)), opts);
  rows.forEach((r, i) => {
    if (isHeld(r)) held[i] = { label: r.label, rules: r.rules, pred: predictConcept(model, r.features), derivative: r.derivative, firm: r.firm };
  });
  process.stdout.write(`fold ${k + 1}/${folds}\n`);
}
const catalog = rows.filter((r) => r.label).length;
const nulls = rows.length - catalog;
const score = (policy: string, said: (h: HeldOut, i: number) => string | null) => {
  const c = { policy, right: 0, wrong: 0, claimed: 0 };
  for (const [i, h] of held.entries()) {
    const got = said(h, i);
    if (h.label) got === h.label ? c.right++ : got && c.wrong++;
    else if (got) c.claimed++;
  }
  return { ...c, rightShare: c.right / catalog, wrongShare: c.wrong / catalog, claimShare: c.claimed / nulls };
};
const never = { ...THRESHOLDS, keepAtLeast: 0, otherAtLeast: 1.1, nameFrom: 1.1 };
const table = [
  score('recogniser alone', (h) => h.rules),
  score('with the model (shipped)', (h) => judge(h.rules, h.pred, THRESHOLDS, h.derivative, h.firm).concept),
  ...(start ? [score('with the --init model as it is', (h, i) => judge(h.rules, predictConcept(start, rows[i].features), THRESHOLDS, h.derivative, h.firm).concept)] : []),
  score('naming only', (h) => judge(h.rules, h.pred, { ...never, nameFrom: THRESHOLDS.nameFrom }, h.derivative, h.firm).concept),
  score('withdrawing only', (h) => judge(h.rules, h.pred, { ...THRESHOLDS, nameFrom: 1.1 }, h.derivative, h.firm).concept),
  // Neighbouring thresholds, to see where the shipped ones sit.
  ...[0.9, 0.95, 0.99].map((nameFrom) => score(`naming from ${nameFrom}`, (h) => judge(h.rules, h.pred, { ...THRESHOLDS, nameFrom }, h.derivative, h.firm).concept)),
  ...[0.05, 0.2].map((keepAtLeast) => score(`withdrawing below ${keepAtLeast}`, (h) => judge(h.rules, h.pred, { ...THRESHOLDS, keepAtLeast }, h.derivative, h.firm).concept)),
];
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const t of table) process.stdout.write(`${t.policy.padEnd(34)} right ${pct(t.rightShare)}  wrong ${pct(t.wrongShare)}  null claims ${pct(t.claimShare)}\n`);
const file = writeCrossValidation('formula-learned-cv', run, { catalog, nulls, thresholds: THRESHOLDS, table });
process.stdout.write(`wrote ${file}\n`);
// Each held-out formula's label, the recogniser's concept and score, and the model's top three (to study other policies).
if (dump) {
  const top = (h: HeldOut) => [...h.pred.probs].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, p]) => [c, Math.round(p * 1e4) / 1e4]);
  const lines = held.map((h, i) => JSON.stringify({ source: rows[i].source, label: h.label, rules: h.rules, rulesScore: rows[i].rulesScore, pRules: h.rules ? Math.round((h.pred.probs.get(h.rules) ?? 0) * 1e4) / 1e4 : null, known: h.pred.known, top: top(h) }));
  fs.writeFileSync(dump, lines.join('\n') + '\n');
  process.stdout.write(`wrote ${dump}\n`);
}

if (out) {
  const model = trainModel(rows, opts);
  writeModel(out, model);
  process.stdout.write(`wrote ${out}: ${model.classes.length} classes, ${model.index.size} features\n`);
}
