/**
 * What the two trainers (train.ts: the concept model; trainRoles.ts: the role model) share: their flags, the
 * cross-validation result file, and the model file written whole or not at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../lib/results';
import { readBounded } from './evaluate';
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

/** The cross-validation's counts as bench/results/<prefix>-<time>.json, with when, the commit, the folders and options. */
export function writeCrossValidation(prefix: string, run: TrainingRun, counts: Record<string, unknown>): string {
  const root = repoRoot();
  const file = path.join(root, 'bench', 'results', `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), commit: commitOf(root), folders: run.dirs.map((d) => path.basename(d)), folds: run.folds, options: run.opts, ...(run.init ? { init: path.basename(run.init) } : {}), ...counts }, null, 2) + '\n');
  return file;
}

/** The model as JSON at `out`, through a temporary file renamed over it. */
export function writeModel(out: string, model: LearnedModel): void {
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(storeModel(model)) + '\n');
  fs.renameSync(tmp, out);
}

/** The model `--init` names (its classes checked by `known`), or undefined when training starts from zero. */
export function startingModel(run: TrainingRun, known?: (c: string) => boolean): LearnedModel | undefined {
  return run.init ? loadModel(JSON.parse(readBounded(run.init, 64_000_000)), known) : undefined;
}
