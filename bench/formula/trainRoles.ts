/**
 * `npm run train:roles -- --dirs <folder>,<folder>,… [--folds 11] [--out src/core/formula/roleModel.json]`: the learned
 * reading of letters' roles (src/core/formula/letterRoles.ts) from the `<slug>.roles.txt` files of label folders in the
 * real-notes format (bench/formula/README.md), which stay outside the repository.
 *
 * The examples are every labelled letter the explanation lists, each marked by whether the explanation could only
 * describe its shape (the letters the model is asked about; the others teach it how letters standing so are used).
 * First a cross-validation by folder (folder i held out in fold i mod k): for the held-out letters, how
 * many get a role at each threshold and how many of those roles the label accepts (as the bench scores roles), against
 * the letters labelled `shape` that a role would now miss. Counts go to bench/results/formula-roles-cv-<time>.json.
 * Then, with --out, the model trained on every folder is written (weights of features seen in several sources only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLabelFile, readBounded, roleMatches, rolesOfMeaning, symbolFinder } from './evaluate';
import { explainFormula, letterTreeOf } from '../../src/core/formula/explain';
import { parseMacros } from '../../src/core/formula/macros';
import { type Example, predictClasses, trainSoftmax } from '../../src/core/formula/learned';
import { startingModel, trainingRun, writeCrossValidation, writeModel } from './trainCommon';
import { letterFeatures, ROLE_AT_LEAST, ROLE_CLASSES, type LetterRole, SHAPE_ONLY, withRole } from '../../src/core/formula/letterRoles';

const run = trainingRun('train:roles', 3);
const { dirs, out, dump, folds } = run;
/** With --init, every model starts from that role model. */
const start = startingModel(run, (c) => (ROLE_CLASSES as readonly string[]).includes(c));
const opts = { ...run.opts, init: start };

interface Row extends Example {
  folder: number;
  meaning: string;
  /** The explanation describes the letter by its shape alone (the letters the model is asked about). */
  shape: boolean;
}

function readFolder(dir: string, folder: number): Row[] {
  const rows: Row[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.roles.txt')).sort()) {
    const labels = parseLabelFile(readBounded(path.join(dir, f), 4_000_000), true);
    const table = labels.macros ? parseMacros(labels.macros) : undefined;
    for (const fo of labels.formulas) {
      const ex = explainFormula(fo.latex, { context: { before: fo.context }, display: true, macros: labels.macros, roles: false });
      const find = symbolFinder(ex.symbols);
      let tree: ReturnType<typeof letterTreeOf> | null = null;
      for (const { symbol, role } of fo.roles ?? []) {
        const note = find(symbol, table);
        if (!note) continue;
        const shape = SHAPE_ONLY.test(note.meaning);
        tree ??= letterTreeOf(fo.latex, labels.macros);
        rows.push({ features: letterFeatures(tree, note.symbol, ex.concept, shape), label: role, source: `${path.basename(dir)}/${f}`, folder, meaning: note.meaning, shape });
      }
    }
  }
  return rows;
}

const rows = dirs.flatMap((d, i) => readFolder(d, i));
process.stdout.write(`${rows.length} letters (${rows.filter((r) => r.shape).length} described by shape alone) from ${new Set(rows.map((r) => r.source)).size} sources in ${dirs.length} folders\n`);
const classes = [...ROLE_CLASSES];
const held: Array<{ best: string; p: number }> = new Array(rows.length);
for (let k = 0; k < folds; k++) {
  const isHeld = (r: Row) => r.folder % folds === k;
  const model = trainSoftmax(rows.filter((r) => !isHeld(r)), classes, opts);
  rows.forEach((r, i) => {
    if (isHeld(r)) held[i] = predictClasses(model, r.features);
  });
  process.stdout.write(`fold ${k + 1}/${folds}\n`);
}
const accepted = (label: string | null, role: string) => roleMatches(label ?? 'shape', rolesOfMeaning(withRole('a quantity', role as LetterRole)));
const table = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95].map((at) => {
  let said = 0;
  let right = 0;
  let shapeLost = 0;
  held.forEach((h, i) => {
    if (!rows[i].shape || h.best === 'shape' || h.p < at) return;
    said++;
    if (accepted(rows[i].label, h.best)) right++;
    if (rows[i].label === 'shape') shapeLost++;
  });
  return { atLeast: at, said, right, shapeLost, precision: said ? right / said : 0, netLetters: right - shapeLost };
});
const shapeLabelled = rows.filter((r) => r.shape && r.label === 'shape').length;
process.stdout.write(`letters labelled shape among them: ${shapeLabelled}\n`);
for (const t of table) process.stdout.write(`from ${t.atLeast}${t.atLeast === ROLE_AT_LEAST ? ' (shipped)' : ''}: role said for ${t.said}, accepted ${t.right} (${(100 * t.precision).toFixed(1)}%), shape labels lost ${t.shapeLost}, net ${t.netLetters} of ${rows.filter((r) => r.shape).length}\n`);
const file = writeCrossValidation('formula-roles-cv', run, { letters: rows.length, shapeOnly: rows.filter((r) => r.shape).length, shapeLabelled, shipped: ROLE_AT_LEAST, table });
process.stdout.write(`wrote ${file}\n`);
// Each held-out letter's label, the model's role and probability, its meaning and features (to study other policies).
if (dump) {
  fs.writeFileSync(dump, held.map((h, i) => JSON.stringify({ source: rows[i].source, label: rows[i].label, best: h.best, p: Math.round(h.p * 1e4) / 1e4, meaning: rows[i].meaning, features: rows[i].features })).join('\n') + '\n');
  process.stdout.write(`wrote ${dump}\n`);
}
if (out) {
  const model = trainSoftmax(rows, classes, opts);
  writeModel(out, model);
  process.stdout.write(`wrote ${out}: ${model.classes.length} classes, ${model.index.size} features\n`);
}
