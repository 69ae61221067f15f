// Counting test results for the summary of `npm test` (scripts/test-all.mjs): from node:test's TAP output and from
// the integration suite's mocha output. Pure functions of the text.

/** { passed, failed, skipped } from a TAP file's closing comments (# pass, # fail, # cancelled, # skipped, # todo). */
export function tapCounts(text) {
  const n = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

/**
 * { passed, failed, skipped } from the integration run's output: the suite's closing "integration: N passed, N failed"
 * line, and mocha's "N pending" summary line for skipped tests. Null when the closing line is missing.
 */
export function integrationCounts(output) {
  const m = /integration: (\d+) passed, (\d+) failed/.exec(output);
  if (!m) return null;
  const pending = /^\s*(\d+) pending\s*$/m.exec(output);
  return { passed: Number(m[1]), failed: Number(m[2]), skipped: pending ? Number(pending[1]) : 0 };
}

/** The last line of `npm test`: "N passed, N failed, N skipped". */
export function summaryLine(results) {
  const sum = (k) => results.reduce((n, r) => n + (r[k] ?? 0), 0);
  return `${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`;
}
