// Counting test results for the summary of `npm test` (scripts/test-all.mjs): from node:test's TAP output and from
// the integration suite's mocha output. Pure functions of the text.

/** { passed, failed, skipped } from a TAP file's closing comments (# pass, # fail, # cancelled, # skipped, # todo). */
export function tapCounts(text) {
  const n = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

/**
 * { passed, failed, skipped } from the integration run's output: the suites' closing "integration: N passed, N failed"
 * lines, and mocha's "N pending" summary lines for skipped tests. Null when no closing line is there.
 */
export function integrationCounts(output) {
  // one closing line (and one mocha summary) per code-server session: add them up
  const lines = [...output.matchAll(/integration: (\d+) passed, (\d+) failed/g)];
  if (!lines.length) return null;
  const sum = (ms, i) => ms.reduce((n, m) => n + Number(m[i]), 0);
  return { passed: sum(lines, 1), failed: sum(lines, 2), skipped: sum([...output.matchAll(/^\s*(\d+) pending\s*$/gm)], 1) };
}

/** The last line of `npm test`: "N passed, N failed, N skipped". */
export function summaryLine(results) {
  const sum = (k) => results.reduce((n, r) => n + (r[k] ?? 0), 0);
  return `${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`;
}
