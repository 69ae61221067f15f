/**
 * Answers typed by a student, read leniently: a number ("0.5", "-1.2e-3", "−0.27", "1/2", "50%", "e^2"), or a vector
 * of them with any brackets and separators ("(0.09, 0.24, 0.67)", "[0.09 0.24 0.67]", "0.09; 0.24; 0.67"). Anything
 * else gives one message saying what was expected.
 */

export type ParsedAnswer = { ok: true; value: number[] } | { ok: false; message: string };

/** The longest answer read (characters). */
export const MAX_ANSWER_CHARS = 400;
/** The most components a vector answer may have. */
export const MAX_COMPONENTS = 32;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** One number: decimal or scientific, a fraction a/b, a percentage, e, e^x. NaN when it is none of these. */
export function parseNumber(raw: string): number {
  const s = raw.trim().replace(/[−–]/g, '-').replace(/\s*([/^])\s*/g, '$1');
  if (NUMBER.test(s)) return Number(s);
  const pct = /^(.+)%$/.exec(s);
  if (pct && NUMBER.test(pct[1])) return Number(pct[1]) / 100;
  const frac = /^(.+)\/(.+)$/.exec(s);
  if (frac && NUMBER.test(frac[1]) && NUMBER.test(frac[2]) && Number(frac[2]) !== 0) return Number(frac[1]) / Number(frac[2]);
  const exp = /^([+-]?)e(?:\^\(?([+-]?(?:\d+\.?\d*|\.\d+))\)?)?$/.exec(s);
  if (exp) return (exp[1] === '-' ? -1 : 1) * Math.exp(exp[2] === undefined ? 1 : Number(exp[2]));
  return NaN;
}

/** A number or a vector of numbers; `expected` is the number of components wanted (for the message). */
export function parseAnswer(input: unknown, expected = 1): ParsedAnswer {
  const want = expected === 1 ? 'a number such as 0.27 (fractions like 1/2 and percentages are fine)' : `${expected} numbers such as (0.09, 0.24, 0.67)`;
  if (typeof input !== 'string' || !input.trim()) return { ok: false, message: `Type ${want}.` };
  if (input.length > MAX_ANSWER_CHARS) return { ok: false, message: `That answer is too long; type ${want}.` };
  const inner = input.trim().replace(/^[([{⟨]\s*/, '').replace(/\s*[)\]}⟩]$/, '');
  if (expected === 1 && Number.isFinite(parseNumber(inner))) return { ok: true, value: [parseNumber(inner)] };
  // commas separate components unless the answer is one number written with a decimal comma ("0,5")
  const decimalComma = /^[-+−]?\d+,\d+$/.test(inner) && expected === 1;
  const parts = (decimalComma ? [inner.replace(',', '.')] : inner.split(/\s*[,;]\s*|\s+/)).filter((p) => p !== '');
  if (parts.length > MAX_COMPONENTS) return { ok: false, message: `That has ${parts.length} numbers; type ${want}.` };
  const value = parts.map(parseNumber);
  const bad = parts.find((_, i) => !Number.isFinite(value[i]));
  if (bad !== undefined) return { ok: false, message: `“${bad.slice(0, 40)}” is not a number I can read; type ${want}.` };
  if (value.length !== expected) return { ok: false, message: `That has ${value.length} number${value.length === 1 ? '' : 's'}; type ${want}.` };
  return { ok: true, value };
}
