/**
 * Explanations: recognise a formula, then assemble everything the hover and the study panel show — name,
 * plain-words paragraph, symbols in the note's letters, pitfalls, a worked example computed now, a plot, and the
 * experiment to offer. Structured data only (no markup); hover.ts turns it into safe markdown.
 */
import { CATALOG, type Experiment } from './catalog';
import { type ConceptId, isConceptId } from './concepts';
import { computeExample, type ExampleKind, isExampleKind, type WorkedExample } from './examples';
import { cleanTex } from './find';
import { type PlotFn, plotPoints } from './plot';
import { ancestors, conceptsMentioned, CONTINUES, derivativeLine, derivativeOnLeft, MARGIN, onlyDeclares, ownMeanDeviation, recognise, type Recognition, type RecogniseContext } from './recognise';
import { expandMacros, type MacroTable, parseMacros } from './macros';
import { describeOperators, describeSymbols, type SymbolNote } from './symbols';
import { bracketedNumbers, type NoteValues } from './noteValues';
import { rolesNamedInProse } from './proseRoles';
import { namedInOtherLanguage } from './conceptNames';
import { type Node, parseTex } from './tex';
import { normaliseTex } from './normalise';
import { judge, loadModel, learnedFeatures, type LearnedModel, MIN_KNOWN, type Prediction, predictConcept, THRESHOLDS, type Verdict } from './learned';
import learnedModelData from './learnedModel.json';
import { decide, type DecisionInput, type DecisionModel, loadDecisionModel } from './decide';
import decisionModelData from './decisionModel.json';
import { letterFeatures, predictRole, SHAPE_ONLY, shippedRoleModel, withRole } from './letterRoles';

/** The shipped model (learned.ts), decoded and checked on the first explanation rather than when the module loads. */
let shipped: LearnedModel | undefined;
const shippedModel = (): LearnedModel => (shipped ??= loadModel(learnedModelData));
/** The shipped decision step (decide.ts), likewise. */
let shippedDecision: DecisionModel | undefined;
const shippedDecisionModel = (): DecisionModel => (shippedDecision ??= loadDecisionModel(decisionModelData));

export interface Explanation {
  latex: string;
  display: boolean;
  concept: ConceptId | null;
  title: string;
  summary: string;
  /** Why this concept: the structural pattern that matched. */
  why: string;
  symbols: SymbolNote[];
  operators: SymbolNote[];
  pitfalls: string[];
  exampleKind: ExampleKind | null;
  example: WorkedExample | null;
  plot: { fn: PlotFn; points: Array<[number, number]> } | null;
  experiment: Experiment | null;
  /** A second experiment offered beside the first, when the concept has one. */
  also: Experiment | null;
  /** Set when no concept is named: why, in words, and the catalog concepts the text around the formula mentions. */
  unsure: { reason: string; mentioned: Array<{ id: ConceptId; title: string }> } | null;
  /** Other concepts that scored, best first. */
  candidates: Array<{ id: ConceptId; score: number }>;
  /** What the learned model (learned.ts) made of the recogniser's answer: kept, named by it, withdrawn, or none. */
  learned: Verdict;
  /**
   * Set when the formula is the derivative of the activation it is explained with (σ′(x) = σ(x)(1 − σ(x)),
   * tanh'(z) = 1 − tanh²(z)): a sentence saying the line is about the function's slope, the explanation about the function.
   */
  derivativeNote?: string;
  /** What the note writes beside the formula (noteValues.ts): the values read, and those the model refuses. */
  fromNote?: { values: NoteValues; refused: string[] };
}

export interface ExplainOptions {
  context?: RecogniseContext;
  display?: boolean;
  /** Macro definitions the note (or its preamble file) makes: `\\newcommand`, `\\def`, `\\DeclareMathOperator` … */
  macros?: string | MacroTable;
  /** The learned second opinion: the shipped model by default, another one (tests, cross-validation), or `false` for the recogniser alone. */
  learned?: LearnedModel | false;
  /** The learned reading of letters' roles (letterRoles.ts): the shipped model by default, another one, or `false` for none. */
  roles?: LearnedModel | false;
  /**
   * The step that weighs the recogniser's candidates and the learned model's probabilities (decide.ts): the shipped one
   * by default, another one (cross-validation), or `false` for the learned model's fixed thresholds alone (learned.ts, judge).
   */
  decision?: DecisionModel | false;
}

/** Longest formula we try to recognise; longer ones are explained as "not recognised". */
export const MAX_EXPLAIN_CHARS = 8000;

/** Numbers the note itself gives near a softmax, e.g. "t = [1.8, -1.9, 2.9, -0.9]" — used as example inputs. */
function numbersFromContext(ctx: RecogniseContext | undefined): number[] | undefined {
  return bracketedNumbers(ctx?.before ?? '');
}

function unsureReason(rec: Recognition | null, tooLong: boolean, macroError: string | undefined, verdict: Verdict): string {
  const why = rec?.unsure;
  const ruled = rec?.concept ?? null;
  const best = rec?.candidates[0];
  if (macroError) return macroError;
  if (tooLong) return `it is longer than ${MAX_EXPLAIN_CHARS} characters`;
  if (verdict.by === 'withdrawn' && ruled && verdict.instead === ruled) {
    return `it partly matches ${CATALOG[ruled].title}, but formulas written like this, with words like these around them, are that concept only ${Math.round((verdict.p ?? 0) * 100)}% of the time in the labelled notes I learned from: too seldom to name it`;
  }
  if (verdict.by === 'withdrawn' && ruled) {
    const usual = verdict.instead ? `more often ${CATALOG[verdict.instead].title}` : "more often none of the concepts I know";
    return `it partly matches ${CATALOG[ruled].title}, but formulas written like this, with words like these around them, are ${usual} in the labelled notes I learned from`;
  }
  if (why === 'resembles' && best) return `it looks like ${CATALOG[best.id].title} in part, but what it states is not that concept itself (a step of a derivation, a property, or a method built on it)`;
  if (why === 'conflict') return 'it fits two different concepts about equally well';
  // (A partial match scoring this much is named, with the pattern it matched; a fainter one is not.)
  if (why === 'weak' && best && best.score >= 1.5 && !best.why.startsWith('related')) return `it only partly matches ${CATALOG[best.id].title} (${best.why})`;
  if (why === 'weak') return 'it only partly matches a concept I know';
  if (why === 'mention') return 'it names a function without defining anything';
  return 'it matches none of the concepts I know';
}

/** The formula as the recogniser reads it: cleaned, the note's macros expanded (an expansion error kept, to report). */
function expandFormula(latexIn: string, table: MacroTable | undefined): { latex: string; error?: string } {
  const clean = cleanTex(String(latexIn ?? ''));
  return table ? expandMacros(clean, table) : { latex: clean };
}

const macroTableOf = (macros: ExplainOptions['macros']): MacroTable | undefined => (macros ? (typeof macros === 'string' ? parseMacros(macros) : macros) : undefined);

/** The features the learned model reads of an expanded formula: its normalised TeX and the words before it. */
function expandedFeatures(latex: string, context: RecogniseContext | undefined): string[] {
  return learnedFeatures(normaliseTex(latex), `${context?.heading ?? ''} ${context?.before ?? ''}`);
}

/** The features the learned model reads of a formula given as explainFormula is given it (training reads them so). */
export function featuresOf(latexIn: string, opts: Pick<ExplainOptions, 'context' | 'macros'> = {}): string[] {
  return expandedFeatures(expandFormula(latexIn, macroTableOf(opts.macros)).latex, opts.context);
}

/** What explainFormula tells judge of a formula given as it is given it: whether it works out a derivative, whether the recogniser's answer is firm. */
export function judgedLineOf(latexIn: string, opts: Pick<ExplainOptions, 'context' | 'macros'> = {}): { derivative: boolean; firm: boolean } {
  const rec = recognise(expandFormula(latexIn, macroTableOf(opts.macros)).latex, opts.context);
  return { derivative: derivativeLine(rec.tree.items), firm: !!rec.firm };
}

/** The words a formula writes itself (`\text{LSTM}`, `GRU(h, x)`), its TeX commands left out: a model it names counts as mentioned. */
const formulaWords = (latex: string) => latex.replace(/\\[a-zA-Z]+/g, ' ').replace(/[^A-Za-z0-9-]+/g, ' ');

/**
 * The letters of a formula no concept was claimed for. Where it partly matches concepts (the best scoring at least 2),
 * a letter both of the two closest candidates describe alike (the weights of W x + b in a layer and in logistic
 * regression) gets that description; every other letter what the formula's shape and sentence alone say.
 */
export function symbolsOfUnsure(tree: Parameters<typeof describeSymbols>[0], rec: Recognition | null, named: Map<string, string>, words: string): SymbolNote[] {
  const own = (rec?.mentions ? [] : rec?.candidates ?? []).filter((c) => !c.why.startsWith('related'));
  if (!own[0] || own[0].score < 2) return describeSymbols(tree, null, named, words);
  const first = describeSymbols(tree, own[0].id, named, words);
  if (!own[1] || own[0].score - own[1].score >= 0.5) return first;
  const second = new Map(describeSymbols(tree, own[1].id, named, words).map((s) => [s.symbol, s.meaning]));
  const bare = new Map(describeSymbols(tree, null, named, words).map((s) => [s.symbol, s.meaning]));
  return first.map((s) => (second.get(s.symbol) === s.meaning ? s : { symbol: s.symbol, meaning: bare.get(s.symbol) ?? s.meaning }));
}

/**
 * The tree the letters are named on: a parse that reads multi-letter words as identifiers (`loss`, `head_i`).
 * (normaliseTex drops \label{…} and \tag{…}: they name the equation, their text is no letter of it.)
 */
const lettersOf = (expandedLatex: string) => parseTex(normaliseTex(expandedLatex), { identifiers: true });

/** The formula's tree as the letters are named on it, after the note's macros (as explainFormula names them). */
export function letterTreeOf(latexIn: string, macros?: ExplainOptions['macros']): Node {
  return lettersOf(expandFormula(latexIn, macroTableOf(macros)).latex);
}

/**
 * Whether a formula is one of machine learning's, so that the role model (trained on letters of such formulas) may
 * speak: a concept named, a concept it partly matches, a concept its words or the sentence around it name, or the
 * concept model putting its weight on some concept. `E = mc²` or `A = πr²` in a note gets no "probably the loss".
 */
function machineLearning(concept: ConceptId | null, rec: Recognition, prediction: Prediction | null, mentioned: ConceptId[]): boolean {
  if (concept || mentioned.length) return true;
  if (rec.candidates.some((c) => c.score >= 2 && !c.why.startsWith('related'))) return true;
  return !!prediction && prediction.known >= MIN_KNOWN && (prediction.probs.get('null') ?? 1) < 0.5;
}

/** Letters described by their shape alone get the role the role model reads of where they stand, when it is sure enough. */
function withLearnedRoles(symbols: SymbolNote[], tree: Node, concept: ConceptId | null, model: LearnedModel | false): SymbolNote[] {
  if (!model) return symbols;
  return symbols.map((s) => {
    if (!SHAPE_ONLY.test(s.meaning)) return s;
    const r = predictRole(model, letterFeatures(tree, s.symbol, concept));
    return r ? { symbol: s.symbol, meaning: withRole(s.meaning, r.role) } : s;
  });
}

/** Why a concept the learned model named: what it is, and that no structural pattern matched. */
function learnedWhy(v: Verdict): string {
  return `no pattern I know matched its structure, but a model trained on formulas labelled in other people's notes reads it as this concept (${Math.round((v.p ?? 0) * 100)}% likely), from its symbols and the words before it`;
}

/**
 * Another concept the structure reads nearly as well as its best, which the learned model gives as what such formulas
 * usually are when it takes the best back: the formula is named by that one (p = 1/(1 + e^{−(wᵀx + b)}) has the
 * sigmoid's shape and logistic regression's, and notes that write it so mean the model).
 */
function switchedTo(rec: Recognition | null, judged: Verdict): Recognition['candidates'][number] | undefined {
  const top = rec?.candidates[0];
  if (!rec || !top || judged.by !== 'withdrawn' || !judged.instead) return undefined;
  // (Nearly as well: within the margin under which recognise counts two concepts as close contenders.)
  const close = rec.candidates.find((c) => c.id === judged.instead && !c.why.startsWith('related') && top.score - c.score < MARGIN && !rec.ruledOut?.includes(c.id));
  if (close) return close;
  // The general concept the best is a kind of (the chain rule for backpropagation through time's step): what the
  // formula is all the same, when the model takes the specific reading back.
  const instead = judged.instead;
  return ancestors(top.id).includes(instead) && !rec.ruledOut?.includes(instead) ? { ...top, id: instead } : undefined;
}

/** What the decision step is given: the recogniser's answer and candidates, whether its answer is firm, the line a derivative's, the model's prediction. */
function decisionInput(rec: Recognition, prediction: Prediction | null, words: string): DecisionInput {
  // (The model reads few words of other languages: a concept the sentence names in the note's own language, "由线性回归
  // 模型产生的预测值", counts as firm.)
  const namedAbroad = !!rec.concept && namedInOtherLanguage(rec.concept, words);
  return { rules: rec.concept, candidates: rec.candidates, firm: !!rec.firm || namedAbroad, derivative: derivativeLine(rec.tree.items), pred: prediction };
}

/** The decision step's answer as a verdict: the recogniser's concept kept, another its structure scored, one only the model offers, or none (the recogniser's taken back). */
function decided(model: DecisionModel, rec: Recognition, input: DecisionInput): Verdict {
  const d = decide(model, input);
  if (d.concept) return { concept: d.concept, by: rec.candidates.some((c) => c.id === d.concept) ? 'rules' : 'learned', p: d.p };
  return rec.concept ? { concept: null, by: 'withdrawn', p: d.pRules, instead: d.best } : { concept: null, by: 'none' };
}

/**
 * The formula's verdict. The model does not name what the recogniser's structure ruled out, or found the formula only
 * resembles, nor a line that goes on from an earlier one, `= …`, whose left side is elsewhere, nor settings and declared
 * shapes, nor anything for a function's name written on its own, a mention.
 */
function weigh(rec: Recognition, prediction: Prediction | null, latex: string, words: string, decision: DecisionModel | false): Verdict {
  const input = decisionInput(rec, prediction, words);
  // (Without the model's opinion — `learned: false` — there is nothing to weigh: the recogniser's answer stands.)
  const step = prediction ? decision : false;
  // (A closed form of one concept only is kept whatever the model says of its words.)
  const judged = step && rec.closedForm && rec.concept ? { concept: rec.concept, by: 'rules' as const } : step ? decided(step, rec, input) : judge(input.rules, prediction, THRESHOLDS, input.derivative, input.firm);
  const resembled = rec.unsure === 'resembles' ? rec.candidates[0]?.id : undefined;
  const unnameable = judged.by === 'learned' && !!judged.concept && (!!rec.ruledOut?.includes(judged.concept) || judged.concept === resembled || !!rec.mentions || CONTINUES.test(latex) || onlyDeclares(rec.tree.items) || ownMeanDeviation(rec.tree.items));
  if (unnameable) return { concept: null, by: 'none' };
  const switched = step ? undefined : switchedTo(rec, judged);
  return switched ? { concept: switched.id, by: 'rules', p: judged.p } : judged;
}

/** The decision step's input for a formula given as explainFormula is given it (the trainer's examples), or null when it is too long to recognise. */
export function decisionInputOf(latexIn: string, opts: Pick<ExplainOptions, 'context' | 'macros'> = {}): DecisionInput | null {
  const latex = expandFormula(latexIn, macroTableOf(opts.macros)).latex;
  if (latex.length > MAX_EXPLAIN_CHARS) return null;
  const rec = recognise(latex, opts.context);
  return decisionInput(rec, predictConcept(shippedModel(), expandedFeatures(latex, opts.context)), `${opts.context?.heading ?? ''} ${opts.context?.before ?? ''}`);
}

export function explainFormula(latexIn: string, opts: ExplainOptions = {}): Explanation {
  const table = macroTableOf(opts.macros);
  const expanded = expandFormula(latexIn, table);
  // The note's macros apply to the letters its sentences write too (`the query \(\vq\)`).
  const expandProse = (tex: string) => (table ? expandMacros(cleanTex(tex), table).latex : tex);
  const latex = expanded.latex;
  const tooLong = latex.length > MAX_EXPLAIN_CHARS;
  const rec = tooLong ? null : recognise(latex, opts.context);
  const model = opts.learned === undefined ? shippedModel() : opts.learned;
  const prediction = model && rec ? predictConcept(model, expandedFeatures(latex, opts.context)) : null;
  const words = `${opts.context?.heading ?? ''} ${opts.context?.before ?? ''}`;
  const verdict: Verdict = rec ? weigh(rec, prediction, latex, words, opts.decision === undefined ? shippedDecisionModel() : opts.decision) : { concept: null, by: 'none' };
  const concept = verdict.concept;
  const info = concept ? CATALOG[concept] : null;
  const tree = rec?.tree ?? { k: 'row' as const, items: [] };
  const letterTree = rec ? lettersOf(latex) : tree;
  const named = rolesNamedInProse(`${opts.context?.heading ?? ''}\n${opts.context?.before ?? ''}`, letterTree, expandProse);
  // (Only a formula without a concept needs what its words mention: its unsure hover lists them, and they let the role model speak.)
  const mentioned = concept ? [] : [...new Set([...(rec?.mentions ? [rec.mentions] : []), ...conceptsMentioned(`${words} ${formulaWords(latex)}`)])];
  const roleModel = rec && machineLearning(concept, rec, prediction, mentioned) ? (opts.roles ?? shippedRoleModel()) : false;
  let example: WorkedExample | null = null;
  if (info?.example) {
    let inputs: Record<string, unknown> | undefined;
    const nums = info.example === 'softmax' ? numbersFromContext(opts.context) : null;
    if (nums) inputs = { z: nums };
    const r = computeExample(info.example, inputs);
    example = 'error' in r ? (computeExample(info.example) as WorkedExample) : r;
  }
  return {
    latex,
    display: !!opts.display,
    concept,
    title: info?.title ?? 'Formula',
    summary: info?.summary ?? (tooLong ? 'This formula is too long to analyse.' : rec?.mentions ? `A name (${CATALOG[rec.mentions].title}) written on its own: a mention in the sentence, not a formula that defines something; a formula that defines it gets its full explanation.` : "It does not match any concept of the study catalog closely enough, so I won't guess what it is. Its symbols and operators are listed below."),
    why: verdict.by === 'learned' ? learnedWhy(verdict) : concept ? (rec!.candidates.find((c) => c.id === concept) ?? rec!.candidates[0])?.why ?? '' : '',
    symbols: withLearnedRoles(concept || !rec ? describeSymbols(letterTree, concept, named, words) : symbolsOfUnsure(letterTree, rec, named, words), letterTree, concept, roleModel),
    operators: describeOperators(tree),
    pitfalls: info?.pitfalls ?? [],
    exampleKind: info?.example ?? null,
    example,
    plot: info?.plot ? { fn: info.plot, points: plotPoints(info.plot, 61) } : null,
    experiment: info?.experiment ?? null,
    also: info?.also ?? null,
    unsure: concept ? null : { reason: unsureReason(rec, tooLong, expanded.error, verdict), mentioned: mentioned.slice(0, 5).map((id) => ({ id, title: CATALOG[id].title })) },
    candidates: (rec?.candidates ?? []).slice(0, 5).map((c) => ({ id: c.id, score: Math.round(c.score * 100) / 100 })),
    learned: verdict,
    ...(concept && SLOPED.has(concept) && derivativeOnLeft(tree.items) ? { derivativeNote: `This line is the derivative of the function explained below (${info!.title}): its slope, not the function itself.` } : {}),
  };
}

/** Activations whose derivative a note writes out on its own line. */
const SLOPED = new Set<ConceptId>(['sigmoid', 'tanh', 'relu', 'leaky-relu', 'hardtanh', 'step-function', 'softmax']);

/**
 * Recompute a worked example from inputs edited in the panel. `which` is a concept id or an example kind; inputs
 * are by field name (numbers, arrays, or comma-separated strings). Returns `{ error }` on bad input.
 */
export function recomputeExample(which: string, inputs: Record<string, unknown>): WorkedExample | { error: string } {
  const kind = isExampleKind(which) ? which : isConceptId(which) ? CATALOG[which].example : undefined;
  if (!kind) return { error: `no worked example for "${String(which).slice(0, 60)}"` };
  return computeExample(kind, inputs);
}
