/**
 * `npm run bench:formula -- --dir <folder> [--out <file.json>]`: the formula recogniser on a folder of labelled
 * real-notes sets (`<slug>.txt`, `<slug>.roles.txt`; format in bench/formula/README.md). Prints, per source and
 * pooled: catalog formulas right / wrong concept named / unsure, null formulas that claim a concept, and the share
 * of letters whose role the explanation gets right. Writes the counts and line ids (never the labelled text) as
 * JSON to bench/results/ (or --out).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../lib/results';
import { evaluateFolder, formatReport } from './evaluate';

const USAGE = 'usage: bench:formula -- --dir <folder with <slug>.txt label files> [--out <file.json>]\n';
const flags = new Flags(process.argv.slice(2), USAGE);
const dir = flags.string('dir', '');
if (!dir) {
  process.stderr.write(USAGE);
  process.exit(2);
}
try {
  const t0 = Date.now();
  const res = evaluateFolder(path.resolve(dir));
  process.stdout.write(formatReport(res) + '\n');
  const root = repoRoot();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = flags.string('out', '') || path.join(root, 'bench', 'results', `formula-${path.basename(path.resolve(dir))}-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = { when: new Date().toISOString(), commit: commitOf(root), folder: path.basename(res.dir), ms: Date.now() - t0, sources: res.sources, pooled: res.pooled };
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(json, null, 2) + '\n');
  fs.renameSync(tmp, out);
  process.stdout.write(`JSON: ${out}\n`);
} catch (e) {
  process.stderr.write(`bench:formula: ${(e as Error).message}\n`);
  process.exit(1);
}
