/**
 * `npm run bench:report`: regenerates the benchmark tables of BENCHMARKS.md from the result files they quote.
 * Each table sits between `<!-- bench-table: bench/results/NAME.json -->` and `<!-- /bench-table -->`; everything
 * between the two markers is rewritten from that file (run description, table, notes).
 *
 * Flags: --check (exit 1 when BENCHMARKS.md is not what the result files give, change nothing), --print FILE (print
 * the block for one result file, to paste a new run in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Flags, markdownTable, repoRoot, type BenchResult } from './lib/results';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:report -- [--check] [--print bench/results/FILE.json]
  rewrites every block between <!-- bench-table: FILE --> and <!-- /bench-table --> in BENCHMARKS.md from FILE
  --check  only compare; exit 1 when BENCHMARKS.md differs from what the result files give
  --print  print the block for one result file
`,
);

const root = repoRoot();
const BLOCK = /(<!-- bench-table: (\S+) -->\n)([\s\S]*?)(<!-- \/bench-table -->)/g;

/** The Markdown between the markers for one result file. */
export function block(file: string): string {
  const abs = path.resolve(root, file);
  if (!fs.existsSync(abs)) throw new Error(`${file} is missing: BENCHMARKS.md quotes a result file that is not in bench/results/`);
  const r = JSON.parse(fs.readFileSync(abs, 'utf8')) as BenchResult;
  const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit}, node ${r.node}, ${r.cpus}; \`${r.command}\`; ${r.repeats} repeat(s), figures are median (min–max).`,
    `Load average (1/5/15 min) ${load(r.load.before)} at the start, ${load(r.load.after)} at the end; 1-minute load at the start of each repeat: ${r.load.perRepeat.map((l) => l[0].toFixed(2)).join(', ')}.`,
    '',
    markdownTable(r.table),
  ];
  if (r.notes.length) lines.push('', ...r.notes);
  return lines.join('\n') + '\n';
}

function main(): number {
  if (flags.has('print')) {
    process.stdout.write(block(flags.string('print', '')));
    return 0;
  }
  const md = path.join(root, 'BENCHMARKS.md');
  const before = fs.readFileSync(md, 'utf8');
  let count = 0;
  const after = before.replace(BLOCK, (_all, open: string, file: string, _old: string, close: string) => {
    count++;
    return open + block(file) + close;
  });
  if (flags.has('check')) {
    const same = after === before;
    process.stdout.write(`${count} table(s): BENCHMARKS.md ${same ? 'matches' : 'does NOT match'} the result files\n`);
    return same ? 0 : 1;
  }
  if (after !== before) fs.writeFileSync(md, after);
  process.stdout.write(`${count} table(s) regenerated in BENCHMARKS.md\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`bench:report: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
