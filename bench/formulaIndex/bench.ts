/**
 * `npm run bench:formula-index`: the formula map on a generated course folder (default 500 notes). Starts
 * code-server with the folder as its workspace and runs the benchmark suite inside the real extension host
 * (test/integration/formulaIndexBench.test.ts): the time to index every note, the host's event-loop delay p50 / p99 /
 * max meanwhile (perf_hooks monitorEventLoopDelay), the same over an idle stretch just after as the reference (the
 * machine's own noise), and a rescan with nothing changed. Needs the build (`npm run build`) and the code-server of
 * `npm test`; run it under the lock the tests use.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { columns, Flags, log, repoRoot, saveResult, startResult } from '../lib/results';
import { writeNotes } from './notes';

const flags = new Flags(
  process.argv.slice(2),
  `
usage: npm run bench:formula-index -- [--notes N] [--out FILE]
  --notes  generated notes (default 500)
  --out    result file (default bench/results/formula-index-<date>.json)
`,
);

interface Delays {
  ms: number;
  p50: number;
  p99: number;
  max: number;
}

function main(): void {
  const notes = flags.number('notes', 500, true);
  const root = repoRoot();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-index-bench-'));
  const json = path.join(dir, 'result.json');
  const workspace = path.join(dir, 'notes');
  writeNotes(workspace, notes);
  log(`${notes} notes written to ${workspace}; starting code-server`);
  const r = startResult('formula-index', `Formula map: indexing ${notes} generated notes in the extension host`, 1, { notes });
  try {
    const run = spawnSync(process.execPath, [path.join(root, 'dist', 'test', 'integration', 'run.js')], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, MLSTUDY_WORKSPACE: workspace, MLSTUDY_SUITE: 'formulaIndexBench', MLSTUDY_BENCH_OUT: json, MLSTUDY_BENCH_NOTES: String(notes) },
    });
    if (run.status !== 0 || !fs.existsSync(json)) throw new Error(`the benchmark suite failed (exit ${run.status})`);
    const m = JSON.parse(fs.readFileSync(json, 'utf8')) as { notes: number; formulas: number; unrecognised: number; concepts: number; index: Delays; idle: Delays; rescan: Delays };
    r.table = {
      columns: columns({ phase: 'phase', seconds: ['time (s)', 1], p50: ['event-loop p50 (ms)', 1], p99: ['event-loop p99 (ms)', 1], max: ['max (ms)', 1] }),
      rows: [
        { phase: `index ${m.notes} notes (${m.formulas} formulas)`, seconds: m.index.ms / 1000, p50: m.index.p50, p99: m.index.p99, max: m.index.max },
        { phase: 'idle, just after (reference)', seconds: m.idle.ms / 1000, p50: m.idle.p50, p99: m.idle.p99, max: m.idle.max },
        { phase: 'rescan, nothing changed', seconds: m.rescan.ms / 1000, p50: m.rescan.p50, p99: m.rescan.p99, max: m.rescan.max },
      ],
    };
    r.notes.push(`${m.concepts} concepts recognised, ${m.unrecognised} formulas not recognised. Limit: event-loop p99 ≤ 50 ms while indexing.`);
    saveResult(r, flags.string('out', '') || undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`bench:formula-index: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
