/**
 * The formula engine behind hover explanations. No vscode, no DOM: the extension host, the CLI and the
 * tests share it.
 *
 *   findMathAt / findAllMath       — where the math is (find.ts)
 *   recognise                      — which concept, by structure (recognise.ts)
 *   explainFormula                 — structured explanation for the panel (explain.ts)
 *   recomputeExample               — the panel's interactive worked example
 *   buildHoverMarkdown / formulaHoverAt — safe hover markdown with allow-listed command links (hover.ts)
 *   renderTexToSvg                 — MathJax TeX → SVG, cached, size-limited (render.ts)
 */
export { CONCEPT_IDS, type ConceptId, isConceptId } from './concepts';
export { CATALOG, GLOSSARY, type ConceptInfo, type Experiment } from './catalog';
export { findMathAt, findAllMath, mathContext, cleanTex, mathLanguageOf, type MathSpan, type MathContext, MAX_MATH_CHARS } from './find';
export { recognise, conceptsMentioned, type Recognition, type RecogniseContext } from './recognise';
export { parseMacros, expandMacros, macrosOf, type MacroTable, type Macro, MAX_EXPANSIONS } from './macros';
export { normaliseTex } from './normalise';
export { explainFormula, recomputeExample, type Explanation, type ExplainOptions } from './explain';
export { computeExample, defaultInputs, type ExampleKind, type WorkedExample, type ExampleField } from './examples';
export { plotSvg, plotPoints, type PlotFn, isPlotFn } from './plot';
export { renderTexToSvg, svgDataUri, clearRenderCache, type RenderOptions, type RenderResult, MAX_RENDER_CHARS } from './render';
export { buildHoverMarkdown, formulaHoverAt, formulaPanelAt, prewarmDocument, escapeMarkdown, EXPLAIN_COMMAND, FORMULA_HOVER_COMMANDS, type HoverMarkdownOptions, type FormulaHover, type FormulaPanel } from './hover';
