/**
 * What the trainers (train.ts: the concept model; trainRoles.ts: the role model; trainDecision.ts: the decision step)
 * share: their flags, the formulas of a label folder, the result files, and model files written whole or not at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../lib/results';
import { type LabelledFormula, parseLabelFile, readBounded } from './evaluate';
import { type MacroTable, parseMacros } from '../../src/core/formula/macros';
import { type LearnedModel, loadModel, storeModel, type TrainOptions } from '../../src/core/formula/learned';

export interface TrainingRun {
  dirs: string[];
  out: string;
  dump: string;
  folds: number;
  opts: Required<Pick<TrainOptions, 'epochs' | 'minSources' | 'seed' | 'rate' | 'initWeight'>>;
  /** A stored model to start from (`--init`), or '' to start from zero. */
  init: string;
}

/** `--dirs a,b --folds 11 --out m.json --dump d.jsonl --epochs 12 --min-sources N --seed 1 --rate 0.3 --init m.json --init-weight 1`, checked; usage and exit 2 when wrong. */
export function trainingRun(name: string, minSources: number): TrainingRun {
  const usage = `usage: ${name} -- --dirs <folder>[,<folder>…] [--folds 11] [--out <model.json>] [--dump <held-out.jsonl>] [--epochs 12] [--min-sources ${minSources}] [--seed 1] [--rate 0.3] [--init <model.json> [--init-weight 1]]\n`;
  const flags = new Flags(process.argv.slice(2), usage);
  const run = {
    dirs: flags.string('dirs', '').split(',').filter(Boolean).map((d) => path.resolve(d)),
    out: flags.string('out', ''),
    dump: flags.string('dump', ''),
    folds: flags.number('folds', 11, true),
    opts: { epochs: flags.number('epochs', 12, true), minSources: flags.number('min-sources', minSources, true), seed: flags.number('seed', 1, true), rate: flags.number('rate', 0.3), initWeight: flags.number('init-weight', 1) },
    init: flags.string('init', ''),
  };
  if (!run.dirs.length || run.folds < 2) {
    process.stderr.write(usage);
    process.exit(2);
  }
  return run;
}

/** Each formula of a folder's concept label files (`<slug>.txt`, not the roles files), by file name, with its file's macros. */
export function labelledFormulas(dir: string): Array<{ source: string; formula: LabelledFormula; macros?: MacroTable }> {
  const out: Array<{ source: string; formula: LabelledFormula; macros?: MacroTable }> = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt') && !x.endsWith('.roles.txt')).sort()) {
    const labels = parseLabelFile(readBounded(path.join(dir, f), 4_000_000), false);
    const macros = labels.macros ? parseMacros(labels.macros) : undefined;
    for (const formula of labels.formulas) out.push({ source: `${path.basename(dir)}/${f}`, formula, macros });
  }
  return out;
}

/** A result as bench/results/<prefix>-<time>.json, with when and the commit; its path. */
export function writeResult(prefix: string, body: Record<string, unknown>): string {
  const root = repoRoot();
  const file = path.join(root, 'bench', 'results', `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), commit: commitOf(root), ...body }, null, 2) + '\n');
  return file;
}

/** The cross-validation's counts as a result (writeResult), with the folders and options. */
export function writeCrossValidation(prefix: string, run: TrainingRun, counts: Record<string, unknown>): string {
  return writeResult(prefix, { folders: run.dirs.map((d) => path.basename(d)), folds: run.folds, options: run.opts, ...(run.init ? { init: path.basename(run.init) } : {}), ...counts });
}

/** A value as JSON at `out`, through a temporary file renamed over it. */
export function writeJson(out: string, value: unknown, indent?: number): void {
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, indent) + '\n');
  fs.renameSync(tmp, out);
}

/** The model as JSON at `out`, written whole or not at all. */
export function writeModel(out: string, model: LearnedModel): void {
  writeJson(out, storeModel(model));
}

/** The model `--init` names (its classes checked by `known`), or undefined when training starts from zero. */
export function startingModel(run: TrainingRun, known?: (c: string) => boolean): LearnedModel | undefined {
  return run.init ? loadModel(JSON.parse(readBounded(run.init, 64_000_000)), known) : undefined;
}
