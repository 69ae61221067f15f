/**
 * Practice questions: each numeric template's answer against a computation written out here from the definition
 * (not the functions the questions use), over many seeds; the tolerance; and the experiments' grading by the run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONCEPT_TEMPLATES, gradeNumeric, NUMERIC_TEMPLATES, numericQuestion, type NumericTemplateId } from '../../../src/core/practice/questions';
import { CONCEPT_IDS } from '../../../src/core/formula/concepts';
import { isTemplate } from '../../../src/core/practice/questions';

/** The numbers of a prompt, in order (minus signs of either kind). */
const numbersIn = (s: string): number[] => (s.replace(/−/g, '-').match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
/** The groups "(a, b, c)" of a prompt as vectors. */
const vectorsIn = (s: string): number[][] => [...s.replace(/−/g, '-').matchAll(/\(([-\d., ]+)\)/g)].map((m) => m[1].split(',').map(Number));

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
function softmaxByHand(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
const dotByHand = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

/** An independent answer for each template, from the numbers shown in the prompt. */
const INDEPENDENT: Record<NumericTemplateId, (prompt: string) => number[]> = {
  sigmoid: (p) => [logistic(numbersIn(p)[0])],
  tanh: (p) => {
    const z = numbersIn(p)[0];
    return [(Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z))];
  },
  relu: (p) => vectorsIn(p)[0].map((v) => (v > 0 ? v : 0)),
  softmax: (p) => softmaxByHand(vectorsIn(p)[0]),
  'cross-entropy': (p) => {
    const q = vectorsIn(p)[0];
    const cls = Number(/class is (\d)/.exec(p)![1]);
    return [-Math.log(q[cls - 1])];
  },
  perplexity: (p) => [numbersIn(p)[0]],
  surprisal: (p) => [-Math.log(numbersIn(p)[0])],
  cosine: (p) => {
    const [a, b] = vectorsIn(p);
    return [dotByHand(a, b) / Math.sqrt(dotByHand(a, a) * dotByHand(b, b))];
  },
  sgns: (p) => {
    const [v, u, n] = vectorsIn(p);
    return [-Math.log(logistic(dotByHand(u, v))) - Math.log(1 - logistic(dotByHand(n, v)))];
  },
  attention: (p) => {
    const [q, k1, k2, k3] = vectorsIn(p);
    const i = Number(/weight on key (\d)/.exec(p)![1]);
    return [softmaxByHand([k1, k2, k3].map((k) => dotByHand(q, k) / 2))[i - 1]];
  },
  kl: (p) => {
    const [a, b] = vectorsIn(p);
    return [a.reduce((s, ai, i) => s + ai * Math.log(ai / b[i]), 0)];
  },
  mse: (p) => {
    const [yh, y] = vectorsIn(p);
    return [yh.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / y.length];
  },
};

test('every numeric template: the answer equals an independent computation from the numbers shown, over 60 seeds', () => {
  for (const t of NUMERIC_TEMPLATES) {
    for (let seed = 1; seed <= 60; seed++) {
      const q = numericQuestion(t, seed);
      const want = INDEPENDENT[t](q.prompt);
      assert.equal(q.answer.length, want.length, `${t}:${seed} components`);
      // the numbers shown are rounded like the prompt; the answer must agree within the question's own tolerance
      q.answer.forEach((a, i) => assert.ok(Math.abs(a - want[i]) <= q.tolerance / 2, `${t}:${seed}: ${a} vs ${want[i]} (${q.prompt})`));
      assert.ok(gradeNumeric(q, want), `${t}:${seed}: the independent answer is graded right`);
      assert.ok(q.solution.length >= 1 && q.solution.every((s) => s.length > 0));
    }
  }
});

test('numbers vary with the seed and repeat for the same seed', () => {
  for (const t of NUMERIC_TEMPLATES) {
    const prompts = new Set(Array.from({ length: 20 }, (_, s) => numericQuestion(t, s + 1).prompt));
    assert.ok(prompts.size >= 4, `${t}: only ${prompts.size} distinct questions in 20 seeds`);
    assert.deepEqual(numericQuestion(t, 7), numericQuestion(t, 7));
  }
});

test('grading: within tolerance right, just outside wrong, wrong length wrong', () => {
  const q = numericQuestion('softmax', 3);
  assert.ok(gradeNumeric(q, q.answer.map((a) => a + q.tolerance * 0.9)));
  assert.ok(!gradeNumeric(q, q.answer.map((a, i) => (i === 0 ? a + q.tolerance * 1.5 + 0.01 : a))));
  assert.ok(!gradeNumeric(q, q.answer.slice(0, 2)));
  const s = numericQuestion('sigmoid', 1);
  assert.ok(!gradeNumeric(s, [1 - s.answer[0] + 0.2]));
});

test('concept → templates: known concepts and known templates only', () => {
  for (const [c, ts] of Object.entries(CONCEPT_TEMPLATES)) {
    assert.ok((CONCEPT_IDS as readonly string[]).includes(c), c);
    for (const t of ts ?? []) assert.ok(isTemplate(t), t);
  }
});
