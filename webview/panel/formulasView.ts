/**
 * The Formulas page of the study panel: every formula of the workspace notes, by the catalog's groups and concepts
 * with counts; per concept the notations it is written in (its letters, how often) and each formula with its TeX,
 * letters and file:line (a click opens the note on it); the formulas the recogniser does not know, and the notes
 * left out, listed apart. Draws only: the map comes from the formula worker's index through the host.
 */
import '../../media/formulas.css';
import type { FormulaLocation, FormulaMapData, FormulaOccurrence, UnrecognisedFormula } from '../../src/shared/views/formulas';
import { h, setChildren } from '../common/vscode';
import type { ViewFactory } from './viewModule';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const loc = (f: FormulaOccurrence): FormulaLocation => ({ uri: f.uri, line: f.line, character: f.character, endLine: f.endLine, endCharacter: f.endCharacter });

export const formulasView: ViewFactory<'formulas'> = (root, ctx) => {
  root.classList.add('formulas');
  setChildren(root, h('p', { class: 'empty', id: 'formulas-empty' }, 'Run “ML Study: Show Formula Map” to list the formulas of your notes.'));
  /** Concepts (and lists) the user opened stay open when the map is redrawn. */
  const open = new Set<string>();

  const reveal = (f: FormulaOccurrence) => void ctx.host.request('formulas.reveal', loc(f)).catch(() => undefined);
  const table = (list: Array<FormulaOccurrence | UnrecognisedFormula>) =>
    h(
      'table',
      { class: 'formulas-table' },
      h(
        'tbody',
        {},
        ...list.map((f) =>
          h(
            'tr',
            {},
            h('td', { class: 'formulas-tex' }, f.latex),
            h('td', { class: 'formulas-letters' }, 'reason' in f ? f.reason : f.letters.join(', ') || '—'),
            h('td', {}, h('button', { class: 'formulas-link', title: 'Show it in the note', onclick: () => reveal(f) }, `${f.file}:${f.line + 1}`)),
          ),
        ),
      ),
    );
  const details = (key: string, summary: Array<Node | string>, body: HTMLElement) => {
    const d = h('details', { 'data-key': key, open: open.has(key) }, h('summary', {}, ...summary), body);
    d.addEventListener('toggle', () => (d.open ? open.add(key) : open.delete(key)));
    return d;
  };
  const count = (n: number) => h('span', { class: 'formulas-count' }, String(n));

  return {
    show(m: FormulaMapData) {
      const concepts = m.groups.reduce((n, g) => n + g.concepts.length, 0);
      const summary = `${plural(m.formulas, 'formula')} in ${plural(m.notes, 'note')}: ${plural(concepts, 'concept')} recognised, ${m.unrecognisedCount} not recognised.${m.indexing ? ' Reading the notes…' : ''}`;
      const groups = m.groups.map((g) =>
        h(
          'section',
          { class: 'formulas-group', 'data-group': g.group },
          h('h3', {}, g.title, count(g.count)),
          ...g.concepts.map((c) =>
            details(
              c.id,
              [
                c.title,
                count(c.count),
                ` in ${plural(c.files, 'note')} · `,
                ...c.notations.slice(0, 6).map((n) => h('span', { class: 'formulas-notation', title: `${plural(n.count, 'formula')} with these letters` }, `${n.letters.join(', ') || '—'} ×${n.count}`)),
              ],
              table(c.occurrences),
            ),
          ),
        ),
      );
      const unknown = m.unrecognisedCount
        ? h('section', { id: 'formulas-unrecognised' }, h('h3', {}, 'Not recognised', count(m.unrecognisedCount)), h('p', { class: 'formulas-note' }, 'The recogniser names none of these: it says so rather than guess.'), details('unrecognised', ['The formulas, and why'], table(m.unrecognised)))
        : null;
      const skipped = m.skipped.length
        ? h('section', { id: 'formulas-skipped' }, h('h3', {}, 'Notes left out', count(m.skipped.length)), h('ul', {}, ...m.skipped.map((s) => h('li', {}, `${s.file}: ${s.reason}`))))
        : null;
      setChildren(root, h('h2', {}, 'Formulas in your notes'), h('p', { class: 'formulas-summary', id: 'formulas-summary' }, summary), ...groups, unknown, skipped);
    },
  };
};
