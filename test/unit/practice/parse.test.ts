/** Lenient reading of answers: numbers, fractions, percentages, e^x, vectors with any brackets; one message otherwise. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnswer, parseNumber } from '../../../src/core/practice/parse';

test('numbers in the forms students type', () => {
  const cases: Array<[string, number]> = [
    ['0.5', 0.5], ['-1.25', -1.25], ['−0.27', -0.27], ['.5', 0.5], ['1e-3', 0.001], ['2.5E2', 250], ['1/2', 0.5], [' 3 / 4 ', 0.75], ['50%', 0.5], ['e', Math.E], ['e^2', Math.E ** 2], ['e^(-1)', 1 / Math.E], ['+7', 7],
  ];
  for (const [s, v] of cases) {
    const r = parseAnswer(s, 1);
    assert.ok(r.ok, s);
    assert.ok(r.ok && Math.abs(r.value[0] - v) < 1e-12, `${s} → ${r.ok && r.value[0]}`);
  }
  assert.deepEqual(parseAnswer('0,5', 1), { ok: true, value: [0.5] }, 'a decimal comma');
  assert.ok(Number.isNaN(parseNumber('1/0')));
});

test('vectors with any brackets and separators', () => {
  for (const s of ['(0.09, 0.24, 0.67)', '[0.09 0.24 0.67]', '0.09; 0.24; 0.67', '{0.09,0.24,0.67}', '  ( 0.09 ,0.24,  0.67 ) ', '⟨0.09, 0.24, 0.67⟩']) {
    assert.deepEqual(parseAnswer(s, 3), { ok: true, value: [0.09, 0.24, 0.67] }, s);
  }
  assert.deepEqual(parseAnswer('(1/4, 3/4)', 2), { ok: true, value: [0.25, 0.75] });
});

test('unreadable input gives one clear message, never a number', () => {
  const bad: Array<[unknown, number, RegExp]> = [
    ['', 1, /Type a number/],
    ['   ', 1, /Type a number/],
    [undefined, 1, /Type a number/],
    [42, 1, /Type a number/],
    ['abc', 1, /“abc” is not a number/],
    ['0.5.5', 1, /not a number/],
    ['(0.1, 0.2)', 3, /has 2 numbers; type 3 numbers/],
    ['(0.1, x, 0.3)', 3, /“x” is not a number/],
    ['1 2', 1, /has 2 numbers; type a number/],
    ['9'.repeat(500), 1, /too long/],
    [Array(40).fill('1').join(','), 40, /has 40 numbers/],
  ];
  for (const [s, n, re] of bad) {
    const r = parseAnswer(s, n);
    assert.equal(r.ok, false, String(s).slice(0, 20));
    assert.match((r as { message: string }).message, re);
  }
});
