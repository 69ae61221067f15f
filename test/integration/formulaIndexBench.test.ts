/**
 * The formula map's benchmark, inside the real extension host (run by `npm run bench:formula-index` in a session of
 * its own on a generated notes folder; not part of the main suite). It measures the host's event-loop delay
 * (perf_hooks monitorEventLoopDelay) while the whole workspace is indexed, and over an idle stretch of the same
 * length just after as the reference, the time to index, and a rescan with nothing changed; the figures go to the
 * JSON file named by MLSTUDY_BENCH_OUT.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { api, sleep } from './helpers';

/** Event-loop delay percentiles in ms over what `run` awaits. */
async function delays<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; p50: number; p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  h.disable();
  const toMs = (ns: number) => Math.round(ns / 1e4) / 100;
  return { result, ms: Math.round(ms), p50: toMs(h.percentile(50)), p99: toMs(h.percentile(99)), max: toMs(h.max) };
}

describe('formula map benchmark', function () {
  this.timeout(600_000);

  it('indexes the generated folder without blocking the extension host', async () => {
    const out = process.env.MLSTUDY_BENCH_OUT;
    const expected = Number(process.env.MLSTUDY_BENCH_NOTES);
    assert.ok(out && expected > 0, 'MLSTUDY_BENCH_OUT and MLSTUDY_BENCH_NOTES are set by the bench script');
    const a = await api();
    await sleep(3000); // let the workbench settle after activation
    const index = a.formulaMap.index;
    const first = await delays(() => index.start());
    const idle = await delays(() => sleep(Math.min(Math.max(first.ms, 5000), 30_000)));
    const rescan = await delays(() => index.rescan());
    const m = index.current;
    assert.equal(m.notes, expected, `every generated note indexed (${m.notes} of ${expected}); left out: ${JSON.stringify(m.skipped.slice(0, 3))}`);
    assert.ok(m.formulas > expected, `${m.formulas} formulas`);
    assert.equal(index.stats.indexed, expected, 'the rescan analysed no note again');
    fs.writeFileSync(out!, JSON.stringify({ notes: m.notes, formulas: m.formulas, unrecognised: m.unrecognisedCount, concepts: m.groups.reduce((n, g) => n + g.concepts.length, 0), index: first, idle, rescan }, null, 2));
  });
});
