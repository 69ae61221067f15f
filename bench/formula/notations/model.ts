/** The notation model's training examples: the grammar's formulas, read as the recogniser reads them. */
import { recognise } from '../../../src/core/formula/recognise';
import { notationFeatures } from './features';
import type { Example } from '../../../src/core/formula/learned';
import { generate } from './generate';
import { GRAMMAR } from './grammar';
import { FUNCS, SLOTS } from './slots';

/** Formulas of each concept generated; formulas outside the catalog are four times as many. */
export const PER_LABEL = 160;

export function trainNotationModel(perLabel = PER_LABEL, seed = 1): { examples: Example[]; samples: number } {
  const generated = generate(GRAMMAR, { slots: SLOTS, funcs: FUNCS }, perLabel, seed);
  const examples: Example[] = generated.map((g) => ({
    features: notationFeatures(recognise(g.latex).tree.items),
    label: g.label === 'null' ? null : g.label,
    source: g.template,
  }));
  return { examples, samples: generated.length };
}
