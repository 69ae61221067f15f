/**
 * GNU TeXmacs markup, as a .tm file stores a formula (`q<rsub|\<phi\>><around*|(|\<b-z\>|)>`), read as TeX
 * (`q_{\phi}(\mathbf{z})`): tags `<name|arg|…>` and `<\name>…</name>`, symbols `\<name\>`, `*` for an unwritten product.
 */
import { MAX_DEPTH } from './tex';

/**
 * Whether a formula is written in TeXmacs markup: a `\<symbol\>` (a name, or a font's prefix and a letter, `\<b-x\>`; not
 * markdown's escaped `\<t-1\>`) or one of the tags formulas are made of.
 */
export function isTexmacs(s: string): boolean {
  return /\\<(?:[A-Za-z]{2,}|(?:b|cal|bbb|frak|b-cal|b-up)-[A-Za-z0-9]+)\\>|<(?:rsub|rsup|lsub|lsup|frac|around\*?|big|math|wide\*?|sqrt|rprime)\|/.test(s);
}

/** Accents of `<wide|x|accent>`. */
const ACCENTS: Record<string, string> = { '^': 'hat', '~': 'tilde', '\\bar': 'bar', '\\wide-bar': 'bar', '\\vect': 'vec', '\\vector': 'vec', '\\dot': 'dot' };
/** Symbols TeXmacs names differently from TeX. */
const SYMBOLS: Record<string, string> = { thicksim: '\\sim', nobracket: '', less: '<', gtr: '>', leqslant: '\\leq', geqslant: '\\geq', um: '-', minus: '-', assign: ':=', mathd: 'd', mathe: 'e', cdummy: '', '||': '\\|', bbb: '', 'bbb-R': '\\mathbb{R}', 'bbb-E': '\\mathbb{E}', 'bbb-N': '\\mathbb{N}' };
const GREEK = /^(alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega)$/;

/** A `\<name\>` symbol as TeX: `b-x` is a bold x, `b-mu` a bold μ; other names are TeX's command of that name. */
function symbol(name: string): string {
  if (name in SYMBOLS) return SYMBOLS[name];
  const bold = /^b-(.+)$/.exec(name);
  if (bold) return GREEK.test(bold[1]) ? `\\boldsymbol{\\${bold[1]}}` : /^[A-Za-z0-9]$/.test(bold[1]) ? `\\mathbf{${bold[1]}}` : symbol(bold[1]);
  const cal = /^cal-([A-Za-z])$/.exec(name) ?? /^bbb-([A-Za-z])$/.exec(name);
  if (cal) return `\\math${name.startsWith('cal') ? 'cal' : 'bb'}{${cal[1]}}`;
  return /^[A-Za-z]+$/.test(name) ? `\\${name} ` : '';
}

/** Delimiters of `<around|(|…|)>` as TeX. */
const delimiter = (d: string) => ({ '.': '', '{': '\\{', '}': '\\}', '\\{': '\\{', '\\}': '\\}' } as Record<string, string>)[d.trim()] ?? d.trim();

/** A table's rows and cells as TeX's `&` and `\\`. */
function table(args: string[], name: string): string {
  if (name === 'table') return args.join(' \\\\ ');
  if (name === 'row') return args.join(' & ');
  return args[args.length - 1] ?? '';
}

/** One tag with its arguments (each already TeX) as TeX. */
function tag(name: string, args: string[]): string {
  const [a = '', b = '', c = ''] = args;
  switch (name) {
    case 'rsub': return `_{${a}}`;
    case 'rsup': return `^{${a}}`;
    case 'lsub': return `{}_{${a}}`;
    case 'lsup': return `{}^{${a}}`;
    case 'rprime': return a;
    case 'frac': case 'tfrac': case 'dfrac': return `\\frac{${a}}{${b}}`;
    case 'sqrt': return args.length > 1 ? `\\sqrt[${b}]{${a}}` : `\\sqrt{${a}}`;
    case 'around': case 'around*': case 'left': return `${delimiter(a)}${b}${delimiter(c)}`;
    case 'big': return /^\\?[A-Za-z]+\s*$/.test(a) ? `\\${a.replace(/^\\/, '').trim()} ` : '';
    case 'wide': case 'wide*': { const acc = ACCENTS[b.trim()]; return acc ? `\\${acc}{${a}}` : a; }
    case 'text': return `\\text{${a}}`;
    case 'matrix': return `\\begin{bmatrix} ${a} \\end{bmatrix}`;
    case 'det': return `\\begin{vmatrix} ${a} \\end{vmatrix}`;
    case 'choice': return `\\begin{cases} ${a} \\end{cases}`;
    case 'eqnarray': case 'eqnarray*': case 'align': case 'align*': return `\\begin{aligned} ${a} \\end{aligned}`;
    case 'table': case 'row': case 'cell': case 'tformat': return table(args, name);
    case 'space': case 'hspace': case 'htab': return ' ';
    case 'neg': return `\\neg ${a}`;
    case 'with': return args[args.length - 1] ?? '';
    default: return args.join(' ');
  }
}

/** A tag's name after its `<` (or `<\`). */
const TAG_NAME = /[A-Za-z][A-Za-z0-9*-]*/y;

/**
 * TeXmacs markup as TeX; text that is not markup is kept. Markup broken off (a tag never closed) ends where the text ends;
 * tags nested deeper than the parser reads (MAX_DEPTH) end the formula there.
 */
export function texmacsToTex(src: string): string {
  let i = 0;
  let depth = 0;
  // Reads until one of `stops` at this depth; returns the TeX read.
  const read = (stops: string[]): string => {
    let out = '';
    while (i < src.length) {
      if (stops.some((t) => src.startsWith(t, i))) return out;
      if (src.startsWith('\\<', i)) {
        const end = src.indexOf('\\>', i + 2);
        const name = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end).replace(/\\\|/g, '|');
        out += symbol(name);
        i = end < 0 ? src.length : end + 2;
      } else if (src[i] === '\\' && i + 1 < src.length && '|<>'.includes(src[i + 1])) {
        out += src[i + 1] === '|' ? '|' : src[i + 1];
        i += 2;
      } else if (src[i] === '<' && /[A-Za-z\\]/.test(src[i + 1] ?? '')) {
        out += element();
      } else {
        out += src[i] === '*' ? ' ' : src[i];
        i++;
      }
    }
    return out;
  };
  // `<name|a|b>` or `<\name>a<|name>b</name>`, at i.
  const element = (): string => {
    const block = src[i + 1] === '\\';
    TAG_NAME.lastIndex = i + (block ? 2 : 1);
    const m = TAG_NAME.exec(src);
    if (!m) { i++; return '<'; }
    if (depth >= MAX_DEPTH) { i = src.length; return ''; }
    const name = m[0];
    i = TAG_NAME.lastIndex;
    depth++;
    const args: string[] = [];
    if (block) {
      if (src[i] === '>') i++;
      for (;;) {
        args.push(read([`<|${name}>`, `</${name}>`]));
        if (src.startsWith(`<|${name}>`, i)) { i += name.length + 3; continue; }
        if (src.startsWith(`</${name}>`, i)) i += name.length + 3;
        break;
      }
    } else {
      while (src[i] === '|') { i++; args.push(read(['|', '>'])); }
      if (src[i] === '>') i++;
    }
    depth--;
    return tag(name, args);
  };
  return read([]).replace(/[ \t]+/g, ' ').trim();
}
