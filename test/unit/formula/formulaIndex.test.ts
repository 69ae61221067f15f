import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FormulaIndex, GROUP_TITLES, indexNote, notationsOf, type FormulaOccurrence } from '../../../src/core/formula/formulaIndex';
import { noteLanguageOf } from '../../../src/core/formula/notePaths';
import { CATALOG } from '../../../src/core/formula/catalog';
import { findAllMath } from '../../../src/core/formula/find';
import { explainFormula } from '../../../src/core/formula/explain';

const SOFTMAX_MD = '# Softmax\n\nThe softmax function:\n\n$$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n\nand some text.\n';
const SOFTMAX_TEX = '\\section{Output layer}\nThe softmax over the logits\n\\begin{equation}\np_k = \\frac{\\exp(a_k)}{\\sum_{m=1}^{K} \\exp(a_m)}\n\\end{equation}\n';
const SIGMOID_TXT = 'Sigmoid\n\nthe logistic sigmoid $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ squashes.\n';
const UNKNOWN_MD = 'Some notation:\n\n$\\mathcal{Q} \\oplus \\mathfrak{R} \\cong \\star$\n';

test('indexNote: each formula with its position (0-based line/character) and the concept a hover would name', () => {
  const f = indexNote(SOFTMAX_MD, 'markdown');
  assert.equal(f.length, 1);
  const span = findAllMath(SOFTMAX_MD, 'markdown')[0];
  const before = SOFTMAX_MD.slice(0, span.start).split('\n');
  assert.equal(f[0].line, before.length - 1);
  assert.equal(f[0].character, before[before.length - 1].length);
  assert.equal(f[0].concept, 'softmax');
  assert.equal(f[0].latex, span.latex);
  // The letters are the symbols the explanation lists, in the note's own writing.
  const ex = explainFormula(span.latex, { display: true });
  assert.deepEqual(f[0].letters, [...new Set(ex.symbols.map((s) => s.symbol))]);
  assert.ok(f[0].letters.some((l) => l.includes('z')), f[0].letters.join(' '));
  // A byte-order mark does not shift positions (an editor does not show it).
  assert.deepEqual(indexNote('\ufeff' + SOFTMAX_MD, 'markdown')[0], f[0]);
  const t = indexNote(SOFTMAX_TEX, 'latex');
  assert.equal(t.length, 1);
  assert.equal(t[0].concept, 'softmax');
  assert.equal(t[0].line, 2, 'the equation environment starts on line 3');
  assert.equal(t[0].endLine, 4);
  assert.equal(indexNote('no math here', 'plaintext').length, 0);
});

test('indexNote: an unrecognised formula keeps the reason the hover gives; note macros are expanded', () => {
  const u = indexNote(UNKNOWN_MD, 'markdown');
  assert.equal(u.length, 1);
  assert.equal(u[0].concept, null);
  assert.match(u[0].reason ?? '', /\w/);
  const body = 'The output layer:\n$$p_i = \\frac{\\E{z_i}}{\\sum_j \\E{z_j}}$$\n';
  const withMacro = indexNote('\\newcommand{\\E}[1]{e^{#1}}\n\n' + body, 'markdown');
  assert.equal(withMacro[0].concept, 'softmax');
  assert.equal(withMacro[0].latex, findAllMath(body, 'markdown')[0].latex, 'the TeX shown is the note\'s own');
  // Without the definition \E is not e^: the recogniser does not read a softmax (the learned opinion, which reads the
  // shape and the words only, may still name one).
  assert.notEqual(explainFormula(findAllMath(body, 'markdown')[0].latex, { learned: false }).concept, 'softmax', 'without the definition \\E is not e^');
});

function occ(file: string, line: number, letters: string[]): FormulaOccurrence {
  return { uri: `file:///w/${file}`, file, line, character: 0, endLine: line, endCharacter: 5, latex: 'x', letters };
}

test('notationsOf: the same letters in any order count as one notation, most used first', () => {
  const n = notationsOf([occ('a', 1, ['z_i', 'z_j']), occ('b', 2, ['a_k', 'a_m']), occ('c', 3, ['z_j', 'z_i'])]);
  assert.deepEqual(n, [
    { letters: ['z_i', 'z_j'], count: 2 },
    { letters: ['a_k', 'a_m'], count: 1 },
  ]);
});

test('FormulaIndex: grouped by catalog group and concept with counts; the same concept across files together; unrecognised apart', () => {
  const idx = new FormulaIndex();
  idx.set('/w/a.md', { uri: 'file:///w/a.md', file: 'a.md' }, 'h1', indexNote(SOFTMAX_MD + SIGMOID_TXT.replace('Sigmoid', '# Sigmoid'), 'markdown'));
  idx.set('/w/b.tex', { uri: 'file:///w/b.tex', file: 'b.tex' }, 'h2', indexNote(SOFTMAX_TEX, 'latex'));
  idx.set('/w/c.md', { uri: 'file:///w/c.md', file: 'c.md' }, 'h3', indexNote(UNKNOWN_MD, 'markdown'));
  const m = idx.snapshot();
  assert.equal(m.notes, 3);
  assert.equal(m.formulas, 4);
  const act = m.groups.find((g) => g.group === CATALOG.softmax.group)!;
  assert.equal(act.title, GROUP_TITLES[CATALOG.softmax.group]);
  const soft = act.concepts.find((c) => c.id === 'softmax')!;
  assert.equal(soft.count, 2);
  assert.equal(soft.files, 2);
  assert.deepEqual(soft.occurrences.map((o) => o.file), ['a.md', 'b.tex']);
  assert.equal(soft.notations.length, 2, 'written in two different sets of letters');
  assert.equal(soft.title, CATALOG.softmax.title);
  // Group counts are the sum of their concepts'; concepts sorted by count; no empty group listed.
  for (const g of m.groups) {
    assert.equal(g.count, g.concepts.reduce((n, c) => n + c.count, 0));
    assert.ok(g.count > 0);
    for (let i = 1; i < g.concepts.length; i++) assert.ok(g.concepts[i - 1].count >= g.concepts[i].count);
  }
  const total = m.groups.reduce((n, g) => n + g.count, 0);
  assert.equal(total + m.unrecognisedCount, m.formulas);
  assert.equal(m.unrecognisedCount, 1);
  assert.equal(m.unrecognised[0].file, 'c.md');
  // Groups appear in the catalog's order.
  const order = Object.keys(GROUP_TITLES);
  const seen = m.groups.map((g) => order.indexOf(g.group));
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
});

test('FormulaIndex: incremental — a changed note replaces its entry, the same hash is current, a deleted folder forgets its notes, a skip is listed', () => {
  const idx = new FormulaIndex();
  idx.set('/w/a.md', { uri: 'file:///w/a.md', file: 'a.md' }, 'h1', indexNote(SOFTMAX_MD, 'markdown'));
  idx.set('/w/sub/b.md', { uri: 'file:///w/sub/b.md', file: 'sub/b.md' }, 'h2', indexNote(SOFTMAX_MD, 'markdown'));
  idx.set('/w/sub2.md', { uri: 'file:///w/sub2.md', file: 'sub2.md' }, 'h3', indexNote(UNKNOWN_MD, 'markdown'));
  assert.ok(idx.isCurrent('/w/a.md', 'h1'));
  assert.ok(!idx.isCurrent('/w/a.md', 'h9'));
  idx.set('/w/a.md', { uri: 'file:///w/a.md', file: 'a.md' }, 'h4', indexNote(UNKNOWN_MD, 'markdown'));
  assert.equal(idx.snapshot().unrecognisedCount, 2);
  assert.equal(idx.remove('/w/sub'), 1, 'the folder /w/sub holds one note; /w/sub2.md is not under it');
  const m = idx.snapshot();
  assert.equal(m.notes, 2);
  assert.equal(m.groups.length, 0);
  idx.skip('/w/big.md', 'big.md', 'too large');
  assert.deepEqual(idx.snapshot().skipped, [{ file: 'big.md', reason: 'too large' }]);
  idx.set('/w/big.md', { uri: 'file:///w/big.md', file: 'big.md' }, 'h5', []);
  assert.equal(idx.snapshot().skipped.length, 0, 'indexed again, no longer skipped');
  assert.equal(idx.retain(new Set(['/w/a.md'])), 2, 'a rescan that found only a.md forgets the rest');
  assert.equal(idx.size, 1);
  // The limit bounds each list, not the counts.
  for (let i = 0; i < 5; i++) idx.set(`/w/u${i}.md`, { uri: `file:///w/u${i}.md`, file: `u${i}.md` }, 'h', indexNote(UNKNOWN_MD, 'markdown'));
  const lim = idx.snapshot(3);
  assert.equal(lim.unrecognised.length, 3);
  assert.equal(lim.unrecognisedCount, 6);
});

test('noteLanguageOf: notes by extension and the hover languages; excluded folders and escaping paths are not notes', () => {
  const langs = ['markdown', 'latex', 'tex', 'plaintext'];
  assert.equal(noteLanguageOf('notes/a.md', langs), 'markdown');
  assert.equal(noteLanguageOf('a.TEX', langs), 'latex');
  assert.equal(noteLanguageOf('a.txt', langs), 'plaintext');
  assert.equal(noteLanguageOf('a.txt', ['markdown']), undefined);
  assert.equal(noteLanguageOf('a.tex', ['tex']), 'latex');
  assert.equal(noteLanguageOf('a.py', langs), undefined);
  assert.equal(noteLanguageOf('node_modules/x/readme.md', langs), undefined);
  assert.equal(noteLanguageOf('sub\\.git\\a.md', langs), undefined);
  assert.equal(noteLanguageOf('.ml-study/runs/a.txt', langs), undefined);
  assert.equal(noteLanguageOf('store/a.txt', langs, ['store']), undefined);
  assert.equal(noteLanguageOf('../outside/a.md', langs), undefined);
  assert.equal(noteLanguageOf('node_modules.md', langs), 'markdown', 'only folders are excluded');
});
