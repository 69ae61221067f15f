import type { LearnedModel } from '../../../src/core/formula/learned';

/** A hand-made learned model: the letters of a formula known (weights 0) and a constant that favours one class. */
export function handModel(classes: string[], favour: string, letters: string[]): LearnedModel {
  const features = ['bias', ...letters.map((l) => `t:${l}`)];
  const q = new Int8Array(features.length * classes.length);
  q[classes.indexOf(favour)] = 127;
  return { classes, index: new Map(features.map((f, i) => [f, i])), q, scales: Float64Array.from(features, () => 0.1) };
}
