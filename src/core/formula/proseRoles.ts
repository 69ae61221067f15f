/**
 * Letters the sentence around a formula names: "the query $q_i$", "weight matrices $W_q$, $W_k$ and $W_v$",
 * "$x$ is the input", "$h_t$: the hidden state". The note's own words are the best evidence of a letter's role when
 * the formula alone does not tell; a letter the words do not name keeps its structural or shape description.
 * Pure and bounded: at most MAX_WORDS characters of prose and MAX_SPANS inline formulas are read.
 */
import { normaliseTex } from './normalise';
import { parseTex, walk, type Node } from './tex';
import { symbolKey } from './symbols';

const MAX_WORDS = 4000;
const MAX_SPANS = 60;

/** Role phrases (nearest one wins) and the meaning the hover gives a letter they name. */
const PHRASES: Array<[RegExp, string]> = [
  [/attention (weights?|values?|scores? after|distribution|probabilit)/i, 'the attention weights (as the text calls them)'],
  [/cent(re|er) words?|input words?/i, 'the centre-word vector (as the text calls it)'],
  [/context words?|outside words?|output words?/i, 'the context-word vector (as the text calls it)'],
  [/negative (samples?|words?)/i, 'the vector of a negative (noise) word (as the text calls it)'],
  [/forget(\/\w+?)?\s?gate/i, 'the forget gate (as the text calls it)'],
  [/input(\/\w+?)?\s?gate/i, 'the input gate (as the text calls it)'],
  [/output(\/\w+?)?\s?gate/i, 'the output gate (as the text calls it)'],
  [/update(\/\w+?)?\s?gate/i, 'the update gate (as the text calls it)'],
  [/reset(\/\w+?)?\s?gate/i, 'the reset gate (as the text calls it)'],
  [/cell state|memory cell/i, 'the cell state (as the text calls it)'],
  [/hidden (state|representation|vector|layer|units?)s?/i, 'the hidden state (as the text calls it)'],
  [/learning rate|step size/i, 'the learning rate (as the text calls it)'],
  [/quer(y|ies)/i, 'the query (as the text calls it)'],
  [/\bkeys?\b/i, 'the keys (as the text calls them)'],
  [/\bvalues?\b(?! of)/i, 'the values (as the text calls them)'],
  [/weight (matrix|matrices|vectors?)|\bweights?\b|projection matri(x|ces)/i, 'a weight matrix (learned; as the text calls it)'],
  [/\bbias(es)?\b/i, 'the bias (as the text calls it)'],
  [/\blogits?\b/i, 'the logits (as the text calls them)'],
  [/\bscores?\b/i, 'the scores (as the text calls them)'],
  [/\b(loss|objective|cost)( function)?\b/i, 'the loss (as the text calls it)'],
  [/\blabels?\b|\btargets?\b|ground truth|true (class|label)/i, 'the target (true label, as the text calls it)'],
  [/\bpredict(ion|ed)\b|\boutputs?\b/i, 'the output (prediction, as the text calls it)'],
  [/\binputs?\b|\bfeatures?\b/i, 'the input (as the text calls it)'],
  [/\bembeddings?\b|word vectors?/i, 'an embedding (as the text calls it)'],
  [/\blatent\b/i, 'the latent variable (as the text calls it)'],
  [/\btemperature\b/i, 'the temperature (as the text calls it)'],
  // ("bias parameters", "weight parameters" are the bias and the weights.)
  [/(?<!bias |weight )\bparameters?\b/i, 'the parameters (as the text calls them)'],
  [/\bprobabilit(y|ies)\b|\bdistribution\b/i, 'a probability distribution (as the text calls it)'],
  [/number of|how many|\bsize of\b/i, 'a count (the number of …, as the text calls it)'],
  [/\bdimension(ality)?\b/i, 'a dimension (as the text calls it)'],
];

/**
 * The meaning of the role phrase nearest to one end of a stretch of prose, if it is close enough to that end (at most
 * `reach` characters between them: "the query vector $q$", "$x$ is the input"), or null.
 */
function nearestPhrase(text: string, atEnd: boolean, reach: number): string | null {
  let best: { gap: number; meaning: string } | null = null;
  for (const [re, meaning] of PHRASES) {
    const g = new RegExp(re.source, 'gi');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const gap = atEnd ? text.length - (m.index + m[0].length) : m.index;
      // Before a letter only a head noun may stand between the phrase and it ("the query vector $q$", not "the input, and $m$").
      const between = atEnd ? text.slice(m.index + m[0].length) : '';
      const adjacent = !atEnd || /^\s*(vectors?|matri(x|ces)|terms?|states?|words?|tokens?|units?|functions?|layers?|variables?|sequences?|parameters?)?\s*$/i.test(between);
      if (gap <= reach && adjacent && (!best || gap < best.gap)) best = { gap, meaning };
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  return best?.meaning ?? null;
}

/** The one letter an inline formula is (`$W_q$`, `$\mathbf{h}_t$`), as the display key the hover uses. */
function letterKey(tex: string): string | null {
  if (tex.length > 40) return null;
  // "$x \\in \\mathbb{R}^d$": the sentence introduces the letter on the left.
  const all = parseTex(normaliseTex(tex)).items;
  const rel = all.findIndex((x) => x.k === 'op' && x.v === '∈');
  const items = rel > 0 ? all.slice(0, rel) : all;
  let n: Node | undefined = items.length === 1 ? items[0] : undefined;
  if (n && n.k === 'group' && n.delim === '{' && n.body.k === 'row' && n.body.items.length === 1) n = n.body.items[0];
  return n && n.k === 'sym' ? symbolKey(n) : null;
}

/**
 * Letter → meaning for the letters the words name. The words between the previous inline formula and this one are
 * read backwards for the nearest role phrase ("the query $q$"); a letter in a list after a phrase (", $W_k$ and
 * $W_v$") shares it; else the words right after it when they say what it is ("$x$ is the input", "$h_t$: …").
 */
export function rolesNamedInProse(words: string, tree?: { k: 'row'; items: Node[] }, expand: (tex: string) => string = (t) => t): Map<string, string> {
  const out = new Map<string, string>();
  // The formula's own annotation (`f_t = σ(…) \text{(forget gate)}`) names the letter it defines.
  const eq = tree ? tree.items.findIndex((x) => x.k === 'op' && (x.v === '=' || x.v === '←')) : -1;
  const head = tree && eq > 0 && eq <= 3 ? tree.items.slice(0, eq).find((x): x is Extract<Node, { k: 'sym' }> => x.k === 'sym') : undefined;
  const notes: string[] = [];
  if (head) walk(tree, (n) => void (n.k === 'text' && notes.length < 8 && notes.push(n.v)));
  const annotated = notes.length ? nearestPhrase(notes.join(' ').slice(0, 200), false, 40) : null;
  if (head && annotated) out.set(symbolKey(head), annotated);
  const text = String(words ?? '').slice(0, MAX_WORDS);
  const spans: Array<{ start: number; end: number; tex: string }> = [];
  const re = /\$\$?([^$]{1,60})\$\$?|\\\(([^)]{1,60})\\\)/g;
  for (let m = re.exec(text); m && spans.length < MAX_SPANS; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length, tex: (m[1] ?? m[2]).trim() });
  let carried: string | null = null;
  spans.forEach((s, i) => {
    const key = letterKey(expand(s.tex));
    const gapStart = i > 0 ? spans[i - 1].end : Math.max(0, s.start - 60);
    const before = text.slice(Math.max(gapStart, s.start - 60), s.start);
    const listed = i > 0 && /^[\s,;]*(and|or)?[\s,;]*$/i.test(text.slice(spans[i - 1].end, s.start));
    const after = text.slice(s.end, Math.min(s.end + 50, spans[i + 1]?.start ?? text.length));
    // ("$z$ is not a probability" names no role.)
    const said = /^\s*(is|are|denotes?|represents?|stands? for|:)\s(?!\s*(not|no longer|never)\b)/i.test(after) ? nearestPhrase(after.split(/[.;]/)[0], false, 24) : null;
    const meaning = (listed ? carried : null) ?? nearestPhrase(before.split(/[.;:!?]/).pop() ?? '', true, 16) ?? said;
    carried = meaning;
    if (key && meaning && !out.has(key)) out.set(key, meaning);
  });
  // The sentence leading into the formula says what its left side is ("and our output matrix is", "the loss becomes:").
  const lead = head && !out.has(symbolKey(head)) ? leadIn(text) : null;
  if (head && lead) out.set(symbolKey(head), lead);
  return out;
}

/**
 * The role a sentence ending in "the/our <role> is" (as, becomes, :) gives what comes next, or null: the role phrase must
 * open the noun phrase, which holds no verb of its own ("the weights are updated as" names the weights; "the state is
 * then passed on as" names nothing).
 */
function leadIn(text: string): string | null {
  const tail = (text.slice(-300).split(/[.!?。]\s/).pop() ?? '').replace(/\$\$?[^$]{0,60}\$\$?/g, 'X');
  const m = /^(?:.*\s)?(?<!\b(?:to|into|from|of|by|with|for|on|in|at|over|through)\s)(?:the|our|its|their|this|each)\s+([^.;:,]{1,40}?)\s+(?:is|are|as|becomes|reads|(?:is|are)\s+(?:given|computed|defined|written|updated)\s+(?:by|as))\s*:?\s*$/i.exec(tail);
  if (!m || /\b(is|are|was|were|be|been|then|to|into|from)\b/i.test(m[1])) return null;
  return nearestPhrase(m[1], false, 0);
}
