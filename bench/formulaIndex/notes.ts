/**
 * A generated course folder for the formula map's benchmark: `count` notes (markdown, LaTeX and plain text), each a
 * few sections of prose with formulas drawn from a fixed pool — the same concepts in different letters, and some
 * formulas the recogniser does not know. Deterministic for a seed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng } from '../../src/core/util/rng';

const LETTERS = [
  ['z', 'j', 'K'],
  ['t', 'i', 'n'],
  ['a', 'k', 'm'],
];

/** Formulas by letter set (x: input, i: index, n: count), with a sentence before each. */
const POOL: Array<(l: string[]) => [string, string]> = [
  ([x, i, n]) => ['The softmax turns scores into probabilities:', `p_${i} = \\frac{e^{${x}_${i}}}{\\sum_{${i}'=1}^{${n}} e^{${x}_{${i}'}}}`],
  ([x]) => ['The logistic sigmoid squashes a score:', `\\sigma(${x}) = \\frac{1}{1 + e^{-${x}}}`],
  ([x, i, n]) => ['The cross-entropy loss of the prediction:', `L = -\\sum_{${i}=1}^{${n}} y_${i} \\log \\hat{y}_${i}`],
  ([x, i, n]) => ['The mean squared error:', `\\frac{1}{${n}} \\sum_{${i}=1}^{${n}} (y_${i} - \\hat{y}_${i})^2`],
  ([x]) => ['The rectified linear unit:', `\\mathrm{ReLU}(${x}) = \\max(0, ${x})`],
  () => ['Scaled dot-product attention:', '\\mathrm{Attention}(Q, K, V) = \\mathrm{softmax}\\left(\\frac{Q K^\\top}{\\sqrt{d_k}}\\right) V'],
  ([x, i, n]) => ['The perplexity of the model on the text:', `\\mathrm{PP} = \\exp\\left(-\\frac{1}{${n}} \\sum_{${i}=1}^{${n}} \\log p(w_${i} \\mid w_{<${i}})\\right)`],
  () => ['The gradient descent update:', '\\theta \\leftarrow \\theta - \\eta \\nabla_\\theta L(\\theta)'],
  ([x]) => ['The hidden state of the recurrent network:', `h_t = \\tanh(W_{hh} h_{t-1} + W_{x${x}} ${x}_t + b)`],
  () => ['Some notation of our own:', '\\mathcal{Q} \\oplus \\mathfrak{R} \\cong \\star'],
  () => ['A bound we will need:', '\\|u\\|_{\\infty} \\le C \\int_\\Omega |\\nabla u| \\, d\\mu'],
];

const PROSE = 'We read this line by line and work an example by hand before training anything. The numbers are small on purpose.';

function note(rng: Rng, kind: 'md' | 'tex' | 'txt', index: number): string {
  const out: string[] = [];
  const sections = 3 + Math.floor(rng.next() * 3);
  for (let s = 0; s < sections; s++) {
    const title = `Part ${index}.${s + 1}`;
    out.push(kind === 'md' ? `## ${title}` : kind === 'tex' ? `\\section{${title}}` : title, '', PROSE, '');
    for (let f = 0; f < 3; f++) {
      const [sentence, tex] = POOL[Math.floor(rng.next() * POOL.length)](LETTERS[Math.floor(rng.next() * LETTERS.length)]);
      const inline = rng.next() < 0.4;
      if (kind === 'tex') out.push(sentence, inline ? `here $${tex}$ holds.` : `\\begin{equation}\n${tex}\n\\end{equation}`, '');
      else out.push(inline ? `${sentence} $${tex}$ as usual.` : `${sentence}\n\n$$${tex}$$`, '');
    }
  }
  return out.join('\n');
}

/** Write `count` notes into `dir` (in sub-folders of 50); returns how many formulas they hold in all. */
export function writeNotes(dir: string, count: number, seed = 1): void {
  const rng = new Rng(seed);
  for (let i = 0; i < count; i++) {
    const kind = i % 5 === 3 ? 'tex' : i % 5 === 4 ? 'txt' : 'md';
    const folder = path.join(dir, `week-${String(Math.floor(i / 50)).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `note-${String(i).padStart(4, '0')}.${kind}`), note(rng, kind, i));
  }
}
