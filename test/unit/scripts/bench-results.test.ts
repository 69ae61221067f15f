/** The benchmark summaries: median and range over repeats, and the Markdown tables BENCHMARKS.md is generated with. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatCell, markdownTable, median, stat } from '../../../bench/lib/results';

test('median of odd and even counts, and the range with every value kept', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
  assert.deepEqual(stat([2, 9, 4]), { median: 4, min: 2, max: 9, values: [2, 9, 4] });
});

test('cells: a statistic as "median (min–max)", a single value alone, numbers and text as they are', () => {
  assert.equal(formatCell(stat([1.234, 2.5, 1.9]), 2), '1.90 (1.23–2.50)');
  assert.equal(formatCell(stat([7]), 1), '7.0');
  assert.equal(formatCell(3.14159, 3), '3.142');
  assert.equal(formatCell(NaN, 3), '—');
  assert.equal(formatCell('gensim 4.2.0', 0), 'gensim 4.2.0');
  assert.equal(formatCell(undefined, 0), '—');
});

test('a table: header from the column labels, one row per result row, cells in column order', () => {
  const md = markdownTable({
    columns: [
      { key: 'name', label: 'model', digits: 0 },
      { key: 'speed', label: 'steps/s', digits: 1 },
    ],
    rows: [
      { name: 'ours', speed: stat([10, 12, 11]) },
      { name: 'reference', speed: 2 },
    ],
  });
  assert.equal(md, ['| model | steps/s |', '|---|---|', '| ours | 11.0 (10.0–12.0) |', '| reference | 2.0 |'].join('\n'));
});
