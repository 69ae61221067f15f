/**
 * What every benchmark shares: flags, repeated measurements summarised as median and range, the machine's state
 * (commit, date, load average), and the result file under bench/results/ that `npm run bench:report` turns into the
 * tables of BENCHMARKS.md.
 *
 * A result file holds `table`: columns (key, label, digits) and rows whose cells are a Stat (median and range over
 * the repeats, with every value), a number or a text.
 */
import { execSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Stat {
  median: number;
  min: number;
  max: number;
  values: number[];
}

export type Cell = Stat | number | string;

export interface Column {
  key: string;
  label: string;
  /** Decimals when printed. */
  digits: number;
}

export interface BenchTable {
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface BenchResult {
  bench: string;
  title: string;
  command: string;
  commit: string;
  date: string;
  node: string;
  cpus: string;
  repeats: number;
  /** os.loadavg() (1, 5, 15 min) at the start and end of the run, and before each repeat. */
  load: { before: number[]; after: number[]; perRepeat: number[][] };
  config: Record<string, unknown>;
  table: BenchTable;
  notes: string[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function stat(xs: readonly number[]): Stat {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values: [...xs] };
}

/** "median (min–max)" with the given decimals. */
export function formatStat(s: Stat, digits: number): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
  return s.values.length > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

export function formatCell(c: Cell | undefined, digits: number): string {
  if (c === undefined) return '—';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isFinite(c) ? c.toFixed(digits) : '—';
  return formatStat(c, digits);
}

/** A Markdown table of the result. */
export function markdownTable(t: BenchTable): string {
  return [
    `| ${t.columns.map((c) => c.label).join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((r) => `| ${t.columns.map((c) => formatCell(r[c.key], c.digits)).join(' | ')} |`),
  ].join('\n');
}

/** Command-line flags: `--name value` and bare `--name`. */
export class Flags {
  constructor(
    private readonly argv: readonly string[],
    readonly usage: string,
  ) {
    if (argv.includes('--help')) {
      process.stdout.write(usage.trim() + '\n');
      process.exit(0);
    }
  }
  has(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }
  string(name: string, def: string): string {
    const i = this.argv.indexOf(`--${name}`);
    return i >= 0 && this.argv[i + 1] !== undefined ? this.argv[i + 1] : def;
  }
  /** A positive number (an integer when `integer`), or an error naming the flag. */
  number(name: string, def: number, integer = false): number {
    const raw = this.string(name, String(def));
    const v = Number(raw);
    if (!Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) throw new Error(`--${name} needs a positive ${integer ? 'whole ' : ''}number, got ${raw}`);
    return v;
  }
}

/** The repository root: the folder above this bundle with package.json and bench/. */
export function repoRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'bench'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

export function commitOf(root: string): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return '?';
  }
}

export const loadAverage = (): number[] => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** The fields every result starts with; fill in `table`, `notes` and the end load, then `save`. */
export function startResult(bench: string, title: string, repeats: number, config: Record<string, unknown>): BenchResult {
  const root = repoRoot();
  return {
    bench,
    title,
    command: `npm run bench:${bench} -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    commit: commitOf(root),
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    repeats,
    load: { before: loadAverage(), after: [], perRepeat: [] },
    config,
    table: { columns: [], rows: [] },
    notes: [],
  };
}

/**
 * Write the result as JSON: to `out` when given, else bench/results/<bench>-<date>.json. Returns the path and prints
 * the table.
 */
export function saveResult(r: BenchResult, out?: string): string {
  r.load.after = loadAverage();
  const file = out ?? path.join(repoRoot(), 'bench', 'results', `${r.bench}-${r.date.replace(/[:.]/g, '').slice(0, 15)}Z.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  process.stdout.write(`${r.title}\ncommit ${r.commit}, ${r.date}, node ${r.node}, ${r.cpus}, load ${r.load.before.join(' ')} → ${r.load.after.join(' ')}\n\n${markdownTable(r.table)}\n\n${r.notes.join('\n')}\n\nwritten to ${file}\n`);
  return file;
}

export const log = (s: string): void => void process.stderr.write(s + '\n');

/** Table columns from `key: label` (0 decimals) or `key: [label, decimals]`, in order. */
export function columns(spec: Record<string, string | [string, number]>): Column[] {
  return Object.entries(spec).map(([key, c]) => (typeof c === 'string' ? { key, label: c, digits: 0 } : { key, label: c[0], digits: c[1] }));
}

/** Every series of repeat values as its Stat. */
export function stats<K extends string>(series: Record<K, number[]>): Record<K, Stat> {
  return Object.fromEntries(Object.entries<number[]>(series).map(([k, v]) => [k, stat(v)])) as Record<K, Stat>;
}

/** A model being timed: wall time spent training and steps taken. */
export interface Timed {
  name: string;
  ms: number;
  steps: number;
}

/** The time counters a Timed starts from. */
export const untimed = (): { ms: number; steps: number } => ({ ms: 0, steps: 0 });

/**
 * Turns of `slice` seconds, in the given order, until every runner has trained `seconds`: a change of machine load
 * hits all alike. `next(r)` prepares one step untimed (e.g. draws its batch) and returns the step, whose time counts;
 * `report` is logged after each turn.
 */
export async function interleave<R extends Timed>(order: readonly R[], seconds: number, slice: number, next: (r: R) => () => Promise<void>, report: (r: R) => string): Promise<void> {
  const budget = seconds * 1000;
  while (order.some((r) => r.ms < budget)) {
    for (const r of order) {
      const turnEnd = Math.min(budget, r.ms + slice * 1000);
      while (r.ms < turnEnd) {
        const step = next(r);
        const t0 = performance.now();
        await step();
        r.ms += performance.now() - t0;
        r.steps++;
      }
      log(`${r.name.padEnd(38)} ${(r.ms / 1000).toFixed(0).padStart(4)} s  ${String(r.steps).padStart(5)} steps  ${report(r)}`);
    }
  }
}

/** Log the load average before each of `repeats` repeats, into the result too, and run them in turn. */
export async function eachRepeat(result: BenchResult, repeats: number, run: (repeat: number) => unknown): Promise<void> {
  for (let rep = 0; rep < repeats; rep++) {
    result.load.perRepeat.push(loadAverage());
    log(`repeat ${rep + 1}/${repeats}, load ${loadAverage().join(' ')}`);
    await run(rep);
  }
}

/** `saveResult` to the file of `--out`, if given. */
export const saveResultTo = (r: BenchResult, flags: Flags): string => saveResult(r, flags.has('out') ? flags.string('out', '') : undefined);

/** The first python3 that can import `module`, or an error saying how to install it. */
export function pythonWith(module: string, missing: string): string {
  for (const py of ['/usr/bin/python3', 'python3']) if (spawnSync(py, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0) return py;
  throw new Error(missing);
}
