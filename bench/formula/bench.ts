/**
 * `npm run bench:formula -- --dir <folder> [--out <file.json>]`: the formula recogniser on a folder of labelled
 * real-notes sets (`<slug>.txt`, `<slug>.roles.txt`; format in bench/formula/README.md). Prints, per source and
 * pooled: catalog formulas right / wrong concept named / unsure, null formulas that claim a concept, and the share
 * of letters whose role the explanation gets right. Writes the counts and line ids (never the labelled text) as
 * JSON to bench/results/ (or --out). Misses the labeller listed as also acceptable in the folder's SOURCES.md are
 * counted apart (the strict figures stay the headline).
 *
 * `npm run bench:formula -- --dir <folder> --agree <second labeller's folder>`: the second labeller's labels scored
 * against the first's as if they were the recogniser's answers (agreement between labellers; roles left out).
 *
 * `npm run bench:formula -- --dir <folder> --rescore <earlier.json>`: the same alternatives applied to the misses an
 * earlier run recorded (a first run stays a first run: nothing is recognised again).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, commitOf, repoRoot } from '../lib/results';
import { acceptableMisses, evaluateFolder, formatReport, labelsAsExplain, parseAlsoAcceptable, pool, readBounded, type FolderResult } from './evaluate';
import { detectorErrors } from '../../src/core/formula/recognise';

const USAGE = 'usage: bench:formula -- --dir <folder with <slug>.txt label files> [--out <file.json> | --rescore <earlier run.json> | --agree <second labeller folder>]\n';
const flags = new Flags(process.argv.slice(2), USAGE);
const dir = flags.string('dir', '');
if (!dir) {
  process.stderr.write(USAGE);
  process.exit(2);
}
function rescore(earlier: string): void {
  const run = JSON.parse(readBounded(earlier)) as { commit?: string; sources?: FolderResult['sources'] };
  if (!Array.isArray(run.sources)) throw new Error(`${earlier}: no "sources" array (not a bench:formula result)`);
  const notes = path.join(path.resolve(dir), 'SOURCES.md');
  const alternatives = fs.existsSync(notes) ? parseAlsoAcceptable(readBounded(notes)) : new Map<string, Map<number, Set<string>>>();
  const sources = run.sources.map((s) => ({ ...s, acceptable: acceptableMisses(s.misses ?? [], alternatives.get(s.source)) }));
  process.stdout.write(`rescored ${path.basename(earlier)} (commit ${run.commit ?? '?'}) with the alternatives of ${notes}\n`);
  process.stdout.write(formatReport({ dir: path.resolve(dir), sources: sources.map((s) => ({ ...s, misses: [], missLines: { wrong: [], unsure: [], claimed: [], roles: [] } })), pooled: pool(sources) }) + '\n');
}

try {
  if (flags.string('rescore', '')) {
    rescore(flags.string('rescore', ''));
    process.exit(0);
  }
  const second = flags.string('agree', '');
  if (second) {
    const res = evaluateFolder(path.resolve(dir), labelsAsExplain(path.resolve(second)));
    for (const s of [...res.sources, res.pooled]) s.roleLetters = s.roleRight = 0;
    for (const s of res.sources) s.missLines.roles = [];
    process.stdout.write(`the labels of ${second} scored against those of ${dir} (roles not compared)\n${formatReport(res)}\n`);
    process.exit(0);
  }
  const t0 = Date.now();
  const res = evaluateFolder(path.resolve(dir));
  process.stdout.write(formatReport(res) + '\n');
  // A detector that throws loses its rules for that formula (recognise carries on with the others): shown, never silent.
  if (detectorErrors.count) process.stdout.write(`detector errors: ${detectorErrors.count} (last: ${detectorErrors.last})\n`);
  const root = repoRoot();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = flags.string('out', '') || path.join(root, 'bench', 'results', `formula-${path.basename(path.resolve(dir))}-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = { when: new Date().toISOString(), commit: commitOf(root), folder: path.basename(res.dir), ms: Date.now() - t0, detectorErrors: detectorErrors.count, sources: res.sources, pooled: res.pooled };
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(json, null, 2) + '\n');
  fs.renameSync(tmp, out);
  process.stdout.write(`JSON: ${out}\n`);
} catch (e) {
  process.stderr.write(`bench:formula: ${(e as Error).message}\n`);
  process.exit(1);
}
