/**
 * A learned reading of a letter's role where the formula's grammar and the note's words left only its shape
 * ("a quantity indexed by t"). Trained (bench/formula/trainRoles.ts) on letters whose role readers labelled in other
 * people's notes (every labelled letter, those the grammar explains too), it reads where the letter stands: its own
 * letter and marks, what it is written next to, what it sits inside (a derivative's top or bottom, a function's
 * argument, a sum, a script), which side of `=`, and the concept named. It only speaks when it gives one role at least
 * ROLE_AT_LEAST; the hover then says "probably …" after the shape, never more.
 */
import { type LearnedModel, loadModel, predictClasses } from './learned';
import { symbolKey } from './symbols';
import { children, type Node } from './tex';
import roleModelData from './roleModel.json';

/** The roles the model may name, and how the hover says each (a phrase that claims that role and no other). */
export const ROLE_PHRASES = {
  'center-vector': 'the vector of the centre word',
  'context-vector': 'the vector of a context word',
  'negative-vector': 'the vector of a negative (noise) word',
  embedding: 'an embedding',
  input: 'the input',
  output: 'the output (prediction)',
  target: 'the target (true label)',
  weight: 'a weight',
  bias: 'a bias',
  'pre-activation': 'a pre-activation (a unit’s weighted sum)',
  activation: 'an activation (what a unit passes on)',
  'activation-function': 'an activation function (nonlinearity)',
  'hidden-state': 'a hidden state',
  'cell-state': 'the cell state',
  'input-gate': 'the input gate',
  'forget-gate': 'the forget gate',
  'output-gate': 'the output gate',
  'update-gate': 'the update gate',
  'reset-gate': 'the reset gate',
  candidate: 'the candidate',
  query: 'a query',
  key: 'a key',
  value: 'a value vector',
  'attention-weight': 'an attention weight',
  score: 'a score',
  logits: 'the logits',
  probability: 'a probability',
  loss: 'the loss',
  parameters: 'the parameters',
  'learning-rate': 'the learning rate',
  gradient: 'a gradient',
  index: 'an index',
  count: 'a count (the number of items)',
  temperature: 'the temperature',
  mean: 'a mean',
  variance: 'a variance',
  latent: 'a latent variable',
  dimension: 'a dimension',
  'context-vector-attn': 'a context vector (the attention-weighted sum of the items attended to)',
} as const;
export type LetterRole = keyof typeof ROLE_PHRASES;
/** Classes of the model: `shape` (the letter's role cannot be told) and the roles above. */
export const ROLE_CLASSES: readonly string[] = ['shape', ...Object.keys(ROLE_PHRASES)];
export const isRoleClass = (c: string): boolean => ROLE_CLASSES.includes(c);

/**
 * From this probability on, the model's role is said ("probably …"). (On the letters of real-notes rounds 28–34, which
 * it never saw, 0.5 rather than 0.6 read 121 more letters right and 55 more wrong.)
 */
export const ROLE_AT_LEAST = 0.5;

/** A meaning that only describes a letter's shape or place (what the model may add a role to). */
export const SHAPE_ONLY = /^(a quantity|a vector|a matrix|entry \S+ of|a function of|an intermediate variable|the value of|the quantity this formula defines)\b/;

type Sym = Extract<Node, { k: 'sym' }>;

/** What a neighbouring node is, for the features: its letter, operator, function or kind. */
function kindOf(n: Node | undefined): string {
  if (!n) return 'edge';
  switch (n.k) {
    case 'sym':
      return `s:${n.name}`;
    case 'op':
      return `o:${n.v}`;
    case 'apply':
      return `f:${n.fn}`;
    case 'name':
      return `n:${n.v}`;
    case 'big':
      return `g:${n.v}`;
    case 'group':
      return `p:${n.delim}`;
    default:
      return n.k;
  }
}

/** What a script holds: a number, a single index letter, a bracketed layer or step, or something longer. */
function scriptKind(n: Node | undefined): string {
  if (!n) return 'none';
  const items = n.k === 'row' ? n.items : [n];
  if (items.length === 1 && items[0].k === 'num') return 'num';
  if (items.length === 1 && items[0].k === 'sym') return /^[A-Z]$/.test(items[0].name) ? (items[0].name === 'T' ? 'T' : 'upper') : 'letter';
  if (items.length === 1 && items[0].k === 'group') return `br${items[0].delim}`;
  return items.some((x) => x.k === 'op' && /[+−-]/.test(x.v)) ? 'offset' : 'long';
}

/** A fraction whose top starts with ∂, d or δ: a derivative. */
function isDerivative(n: Extract<Node, { k: 'frac' }>): boolean {
  const first = n.num.k === 'row' ? n.num.items[0] : n.num;
  return first?.k === 'sym' && /^(∂|d|partial|δ|delta)$/.test(first.name);
}

/** A relation that splits a row into sides (an arrow only ends a left side, it does not start one). */
const RELATION = /^(=|:=|≈|←|≡|≜)$/;

const MAX_NODES = 4000;

/**
 * The features of the letter written `key` in a formula's tree: its own letter and marks, and for each place it stands
 * (up to 8) its neighbours, the nodes it sits inside and its side of `=`; the concept named; whether the explanation
 * could only describe its shape (the model learns from every labelled letter, and is asked about those); a constant.
 */
export function letterFeatures(tree: Node, key: string, concept: string | null, shapeOnly = true): string[] {
  const f = new Set<string>(['bias', `k:${concept ?? 'none'}`, shapeOnly ? 'm:shape' : 'm:said']);
  let seen = 0;
  let places = 0;
  let own: Sym | null = null;
  const visit = (n: Node, path: string[], left: Node | undefined, right: Node | undefined, side: string): void => {
    if (++seen > MAX_NODES || places >= 8) return;
    const head = n.k === 'apply' && n.head.k === 'sym' ? n.head : null;
    const sym = n.k === 'sym' ? n : head;
    if (sym && symbolKey(sym) === key) {
      places++;
      own ??= sym;
      if (head) f.add('applied');
      f.add(`l:${kindOf(left)}`);
      f.add(`r:${kindOf(right)}`);
      f.add(`side:${side}`);
      for (let i = 0; i < Math.min(3, path.length); i++) f.add(`in${i}:${path[path.length - 1 - i]}`);
      if (path.length) f.add(`in:${path[path.length - 1]}|l:${kindOf(left)}`);
      f.add(`b:${sym.name}|in:${path[path.length - 1] ?? 'top'}`);
      f.add(`b:${sym.name}|side:${side}`);
      f.add(`b:${sym.name}|l:${kindOf(left)}`);
      f.add(`b:${sym.name}|r:${kindOf(right)}`);
    }
    const into = (c: Node | undefined, label: string) => c && visit(c, [...path, label], undefined, undefined, side);
    if (n.k === 'row') {
      // (Before the row's last relation a top-level item is on the left; without one, on no side.)
      let lastRelation = -1;
      n.items.forEach((y, i) => void (y.k === 'op' && RELATION.test(y.v) && (lastRelation = i)));
      let s = side;
      n.items.forEach((x, i) => {
        if (x.k === 'op' && (RELATION.test(x.v) || x.v === '→')) s = s === 'top' || s === 'lhs' ? 'rhs' : s;
        visit(x, path, n.items[i - 1], n.items[i + 1], s === 'top' ? (i < lastRelation ? 'lhs' : 'none') : s);
      });
      return;
    }
    if (n.k === 'frac') {
      const d = isDerivative(n) ? 'd' : '';
      into(n.num, `${d}num`);
      into(n.den, `${d}den`);
    } else if (n.k === 'apply') {
      into(n.arg, `arg:${n.fn}`);
      if (n.head.k !== 'sym' && n.head.k !== 'name') into(n.head, 'head');
    } else if (n.k === 'group') into(n.body, `grp${n.delim}`);
    else if (n.k === 'sqrt') into(n.body, 'sqrt');
    else if (n.k === 'env') n.rows.forEach((r) => r.forEach((c) => visit(c, path, undefined, undefined, 'top')));
    else for (const c of children(n)) into(c, n.k);
    const scripts = n as { sub?: Node; sup?: Node };
    if (n.k !== 'apply') {
      into(scripts.sub, n.k === 'big' ? 'bigsub' : 'sub');
      into(scripts.sup, n.k === 'big' ? 'bigsup' : 'sup');
    }
  };
  visit(tree, [], undefined, undefined, 'top');
  const s = own as Sym | null;
  if (!s) return [...f, 'unplaced'];
  f.add(`b:${s.name}`);
  f.add(`case:${/^[A-Z]/.test(s.name) ? 'upper' : /^[a-z]$/.test(s.name) ? 'lower' : 'other'}`);
  for (const m of s.mods) f.add(`m:${m}`);
  f.add(`sub:${scriptKind(s.sub)}`);
  f.add(`sup:${scriptKind(s.sup)}`);
  f.add(`b:${s.name}|k:${concept ?? 'none'}`);
  f.add(`b:${s.name}|sub:${scriptKind(s.sub)}`);
  f.add(`places:${Math.min(places, 3)}`);
  return [...f];
}

let shipped: LearnedModel | undefined;
/** The shipped role model, decoded on first use. */
export const shippedRoleModel = (): LearnedModel => (shipped ??= loadModel(roleModelData, isRoleClass));

/** The role letters standing like this one had in the labelled notes, when one role had at least `atLeast` of them. */
export function predictRole(model: LearnedModel, features: string[], atLeast = ROLE_AT_LEAST): { role: LetterRole; p: number } | null {
  const pred = predictClasses(model, features);
  return pred.best !== 'shape' && pred.best in ROLE_PHRASES && pred.p >= atLeast ? { role: pred.best as LetterRole, p: pred.p } : null;
}

/** A shape-only meaning with the role the model reads added: "a quantity indexed by t — probably a weight (…)", the shape kept first. */
export function withRole(meaning: string, role: LetterRole): string {
  return `${meaning} — probably ${ROLE_PHRASES[role]} (in the notes I learned from, letters standing where this one stands usually are)`;
}
