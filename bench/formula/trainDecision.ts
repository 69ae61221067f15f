/**
 * `npm run train:decision -- --dirs <folder>,<folder>,… [--threshold 0.6] [--out src/core/formula/decisionModel.json] [--no-cv]`:
 * the decision step (src/core/formula/decide.ts) from label folders in the real-notes format (bench/formula/README.md),
 * which stay outside the repository.
 *
 * First a cross-validation that holds out one folder at a time: the weights are trained on the other folders, and each
 * held-out formula is explained as the hover would explain it with them (explain.ts, the learned model's naming rules
 * after it included), at several thresholds; beside them the learned model's fixed thresholds alone (`decision: false`)
 * and the decision model the extension ships.
 * The counts per policy, over every folder and over each one, are printed and written to
 * bench/results/formula-decision-cv-<time>.json. Then, with --out, the weights trained on every folder are written
 * with the threshold given (--no-cv: only that). The learned model (learnedModel.json) gives the probabilities the step weighs: train it first.
 */
import * as path from 'node:path';
import { Flags } from '../lib/results';
import { labelledFormulas, writeJson, writeResult } from './trainCommon';
import { decisionInputOf, explainFormula } from '../../src/core/formula/explain';
import type { MacroTable } from '../../src/core/formula/macros';
import { type DecisionExample, decisionOptions, type DecisionModel, storeDecisionModel, trainDecision } from '../../src/core/formula/decide';

const usage = 'usage: train:decision -- --dirs <folder>[,<folder>…] [--threshold 0.6] [--out <model.json>] [--no-cv]\n';
const flags = new Flags(process.argv.slice(2), usage);
const dirs = flags.string('dirs', '').split(',').filter(Boolean).map((d) => path.resolve(d));
const threshold = flags.number('threshold', 0.6);
const out = flags.string('out', '');
const cv = !flags.has('no-cv');
if (dirs.length < 2 || threshold >= 1) {
  process.stderr.write(usage);
  process.exit(2);
}
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7];

interface Row extends DecisionExample {
  latex: string;
  context: string;
  macros?: MacroTable;
  folder: number;
  source: string;
}

function readFolder(dir: string, folder: number): Row[] {
  return labelledFormulas(dir).flatMap(({ source, formula: fo, macros }) => {
    const input = decisionInputOf(fo.latex, { context: { before: fo.context }, macros });
    return input ? [{ options: decisionOptions(input), label: fo.expected, latex: fo.latex, context: fo.context, macros, folder, source }] : [];
  });
}

const rows = dirs.flatMap((d, i) => readFolder(d, i));
process.stdout.write(`${rows.length} formulas in ${dirs.length} folders\n`);

if (cv) crossValidate();

function crossValidate(): void {
interface Counts {
    right: number;
    wrong: number;
    claimed: number;
    catalog: number;
    nulls: number;
  }
  const empty = (): Counts => ({ right: 0, wrong: 0, claimed: 0, catalog: 0, nulls: 0 });
  const policies = ['fixed thresholds (decision: false)', 'the shipped decision model', ...THRESHOLDS.map((t) => `decision, threshold ${t}`)];
  const total = policies.map(empty);
  const perFolder = dirs.map(() => policies.map(empty));
  const count = (c: Counts, label: string | null, got: string | null) => {
    if (label) {
      c.catalog++;
      if (got === label) c.right++;
      else if (got) c.wrong++;
    } else {
      c.nulls++;
      if (got) c.claimed++;
    }
  };
  
  for (let k = 0; k < dirs.length; k++) {
    const weights = trainDecision(rows.filter((r) => r.folder !== k));
    for (const r of rows.filter((x) => x.folder === k)) {
      const explain = (decision: DecisionModel | false | undefined) => explainFormula(r.latex, { context: { before: r.context }, display: true, macros: r.macros, decision }).concept;
      const answers = [explain(false), explain(undefined), ...THRESHOLDS.map((t) => explain({ weights, threshold: t }))];
      answers.forEach((got, p) => {
        count(total[p], r.label, got);
        count(perFolder[k][p], r.label, got);
      });
    }
    process.stdout.write(`fold ${k + 1}/${dirs.length} (${path.basename(dirs[k])})\n`);
  }
  
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
  policies.forEach((p, i) => {
    const c = total[i];
    process.stdout.write(`${p.padEnd(36)} right ${pct(c.right, c.catalog)}  wrong ${pct(c.wrong, c.catalog)}  null claims ${pct(c.claimed, c.nulls)}\n`);
  });
  const folders = dirs.map((d, k) => ({ folder: path.basename(d), policies: Object.fromEntries(policies.map((p, i) => [p, perFolder[k][i]])) }));
  const file = writeResult('formula-decision-cv', { formulas: rows.length, policies: Object.fromEntries(policies.map((p, i) => [p, total[i]])), folders });
  process.stdout.write(`wrote ${file}\n`);
}

if (out) {
  const weights = trainDecision(rows);
  writeJson(out, storeDecisionModel({ weights, threshold, trainedOn: { sources: new Set(rows.map((r) => r.source)).size, formulas: rows.length } }), 1);
  process.stdout.write(`wrote ${out}\n`);
}
