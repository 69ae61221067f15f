/** Helpers of the reliability tests: the built CLI as a child process, with its time and peak memory. */
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function repoRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'src'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

/** The CLI under test: this build, or another (ML_STUDY_TEST_CLI) to show a test fails on an older build. */
export const CLI = () => process.env.ML_STUDY_TEST_CLI ?? path.join(repoRoot(), 'dist', 'cli.js');

export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `mls-rel-${tag}-`));
}

/** Runs the CLI in a child node and reports its peak resident memory (maxRSS, in MB) on the last stderr line. */
const WRAP = `const m=require(process.argv[1]);m.main(process.argv.slice(2)).then((c)=>{process.stderr.write('\\nMAXRSS '+(process.resourceUsage().maxRSS/1024).toFixed(1)+'\\n');process.exitCode=c;});`;

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  /** Peak memory of the child in MB (undefined if it was killed). */
  maxRssMb?: number;
  timedOut: boolean;
}

/** Run `ml-study ARGS` in a child process with a timeout; never hangs the test. */
export function cli(args: string[], opts: { timeoutMs?: number; env?: Record<string, string> } = {}): CliRun {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', WRAP, CLI(), ...args], { encoding: 'utf8', timeout: opts.timeoutMs ?? 20_000, env: { ...process.env, ...opts.env }, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /\nMAXRSS ([0-9.]+)\n$/.exec(r.stderr ?? '');
  return { code: r.status, out: r.stdout ?? '', err: (r.stderr ?? '').replace(/\nMAXRSS [0-9.]+\n$/, ''), ms, maxRssMb: m ? Number(m[1]) : undefined, timedOut: r.error !== undefined || r.signal === 'SIGKILL' };
}

/** Start the CLI in the background (for crash tests); resolves when the child exits. */
export function cliChild(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI(), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, err })));
  return { child, exited };
}

/** sha256 of every file under `dir` (relative path → hash), to prove a tree was not touched. */
export function treeHash(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else out[rel] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
