/**
 * The one list of command ids a formula hover may link to. The extension registers these commands and trusts the
 * hover markdown for exactly these (never `isTrusted: true`); hover.ts drops any other command link. No imports, so
 * the extension host can read it without loading the formula engine.
 */
export const EXPLAIN_COMMAND = 'mlStudy.explainFormulaAtCursor';

export const FORMULA_HOVER_COMMANDS: readonly string[] = Object.freeze([
  'mlStudy.trainWord2vec',
  'mlStudy.showAttention',
  'mlStudy.trainLstm',
  'mlStudy.trainMlm',
  'mlStudy.compareGradients',
  'mlStudy.trainXor',
  'mlStudy.plotFunction',
  'mlStudy.stepWord2vec',
  'mlStudy.showDistillation',
  'mlStudy.trainVaeLatent',
  'mlStudy.showHsTree',
  EXPLAIN_COMMAND,
]);
