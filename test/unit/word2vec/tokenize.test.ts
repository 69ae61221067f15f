/** The note tokenizer keeps prose and drops formulas, code and markup. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizeSentences, tokenizeWords } from '../../../src/core/corpus/tokenize';

test('math in every notation is removed; command names only when asked', () => {
  const text = 'The loss $L = -\\log \\sigma(x)$ falls. Also $$\\sum_i x_i$$ and \\(\\alpha\\) and \\[\\beta\\].\n' +
    '\\begin{equation}\n  \\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{Z}\n\\end{equation}\nDone.';
  assert.deepEqual(tokenizeWords(text), ['the', 'loss', 'falls', 'also', 'and', 'and', 'done']);
  const kept = tokenizeWords(text, { keepLatexCommands: true });
  for (const w of ['log', 'sigma', 'sum', 'alpha', 'beta', 'mathrm', 'frac']) assert.ok(kept.includes(w), w);
  assert.ok(!kept.includes('equation') && !kept.includes('begin') && !kept.includes('z_i'));
});

test('code, HTML, link targets, URLs and front matter are removed; link text stays', () => {
  const text = '---\ntitle: Notes\ntags: [ml]\n---\n# Word vectors\nSee [the paper](https://arxiv.org/abs/1301.3781 "w2v") and ![a figure](img/fig1.png).\n' +
    '<!-- hidden note --> <span class="k">kept words</span> at www.example.com/x\n```python\nimport numpy as np\n```\nUse ``a ` b`` or `np.dot` here.';
  const words = tokenizeWords(text);
  assert.deepEqual(words, ['word', 'vectors', 'see', 'the', 'paper', 'and', 'a', 'figure', 'kept', 'words', 'at', 'use', 'or', 'here']);
});

test('LaTeX prose commands keep their text; reference commands lose their keys', () => {
  const text = '\\section{Skip-gram model} As shown by \\cite{mikolov2013} in Eq.~\\eqref{eq:sgns}, \\emph{negative} sampling works.\n\\begin{itemize}\\item fast\\end{itemize}';
  assert.deepEqual(tokenizeWords(text), ['skip-gram', 'model', 'as', 'shown', 'by', 'in', 'eq', 'negative', 'sampling', 'works', 'fast']);
});

test('sentences end at lines and sentence punctuation; case and short numbers kept as asked', () => {
  assert.deepEqual(tokenizeSentences('One two. Three! Four?\nFive 2024 and 1234567'), [['one', 'two'], ['three'], ['four'], ['five', '2024', 'and']]);
  assert.deepEqual(tokenizeWords("Don't stop: X-ray GPU", { lowercase: false }), ["Don't", 'stop', 'X-ray', 'GPU']);
  assert.deepEqual(tokenizeSentences('$x$ `y`\n\n'), []);
});
