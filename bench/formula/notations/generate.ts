/**
 * Expands the notation grammar (grammar.ts) into formulas: many ways of writing each concept, in the letters, fonts,
 * vector conventions and damage real notes show. A template is TeX with three kinds of holes:
 *  - `$name`  a slot (SLOTS): one of its variants, chosen once per formula, so a letter stays the same letter;
 *  - `@name{a}{b}`  a function (FUNCS): one of its variants with `#1`, `#2`, … replaced by the expanded arguments;
 *  - `«a|b|c»`  one of the alternatives.
 * Everything is seeded: the same grammar and seed give the same formulas.
 */
import { seededRandom } from '../../../src/core/formula/learned';

export type Slots = Record<string, readonly string[]>;

export interface Expander {
  slots: Slots;
  funcs: Slots;
}

const MAX_DEPTH = 12;

/** The index of the brace closing the one opened at s[open]. */
function closing(s: string, open: number, o = '{', c = '}'): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s.startsWith(o, i)) depth++;
    else if (s.startsWith(c, i) && --depth === 0) return i;
  }
  throw new Error(`unbalanced ${o} in ${s.slice(open, open + 60)}`);
}

/** The alternatives of `«…»` at top level. */
function alternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '«') depth++;
    else if (ch === '»') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

const arity = (variants: readonly string[]) => Math.max(...variants.map((v) => Math.max(0, ...[...v.matchAll(/#(\d)/g)].map((m) => Number(m[1])))));

/** One formula of a template. */
export function expand(template: string, ex: Expander, random: () => number, memo = new Map<string, string>(), depth = 0): string {
  if (depth > MAX_DEPTH) throw new Error(`template nests too deep: ${template.slice(0, 60)}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '«') {
      const end = closing(template, i, '«', '»');
      out += expand(pick(alternatives(template.slice(i + 1, end))), ex, random, memo, depth + 1);
      i = end + 1;
    } else if (ch === '$' && /[A-Za-z]/.test(template[i + 1] ?? '')) {
      const name = /^[A-Za-z][A-Za-z0-9]*/.exec(template.slice(i + 1))![0];
      const variants = ex.slots[name];
      if (!variants) throw new Error(`unknown slot $${name}`);
      if (!memo.has(name)) memo.set(name, expand(pick(variants), ex, random, memo, depth + 1));
      out += memo.get(name)!;
      i += 1 + name.length;
      if (template[i] === ';') i++;
    } else if (ch === '@' && /[A-Za-z]/.test(template[i + 1] ?? '')) {
      const name = /^[A-Za-z][A-Za-z0-9]*/.exec(template.slice(i + 1))![0];
      const variants = ex.funcs[name];
      if (!variants) throw new Error(`unknown function @${name}`);
      i += 1 + name.length;
      const args: string[] = [];
      for (let k = 0; k < arity(variants); k++) {
        if (template[i] !== '{') throw new Error(`@${name} expects ${arity(variants)} arguments: ${template.slice(0, 80)}`);
        const end = closing(template, i);
        args.push(expand(template.slice(i + 1, end), ex, random, memo, depth + 1));
        i = end + 1;
      }
      const body = pick(variants).replace(/#(\d)/g, (_, k: string) => args[Number(k) - 1]);
      out += expand(body, ex, random, memo, depth + 1);
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Damage real notes show: bare function names, `*` for products, no spaces, `\left`/`\right` dropped. */
export function damage(tex: string, random: () => number): string {
  let s = tex;
  if (random() < 0.12) s = s.replace(/\\(log|exp|tanh|sigma|softmax|sum|ln)\b/g, (m, w: string) => (w === 'sigma' || w === 'sum' ? m : w));
  if (random() < 0.1) s = s.replace(/\s*\\cdot\s*/g, ' * ');
  if (random() < 0.15) s = s.replace(/\\left|\\right/g, '');
  if (random() < 0.15) s = s.replace(/ +/g, '');
  if (random() < 0.08) s = s.replace(/\\mathbf\{([^{}]+)\}/g, '$1');
  return s;
}

export interface Generated {
  latex: string;
  label: string;
  /** Which template: `label#k`. */
  template: string;
}

/** `perLabel` formulas of each label (spread over its templates), each damaged at random. */
export function generate(grammar: Record<string, readonly string[]>, ex: Expander, perLabel: number, seed = 1): Generated[] {
  const random = seededRandom(seed);
  const out: Generated[] = [];
  for (const [label, templates] of Object.entries(grammar)) {
    const n = label === 'null' ? perLabel * 4 : perLabel;
    for (let k = 0; k < n; k++) {
      const t = k % templates.length;
      const latex = damage(expand(templates[t], ex, random), random);
      out.push({ latex, label, template: `${label}#${t}` });
    }
  }
  return out;
}
