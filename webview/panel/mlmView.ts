/**
 * The Fill-in-the-Blank view of the study panel: the text the masked language model read, the blank highlighted,
 * and for each blank the model's top-k tokens with their probabilities (a table with bars; the original token,
 * when among them, in bold). Draws only: every number comes from the engine through the host.
 */
import '../../media/mlm.css';
import type { MlmFillData } from '../../src/shared/views/mlm';
import { h, setChildren } from '../common/vscode';
import type { PanelViewModule, ViewContext } from './viewModule';

type Blank = MlmFillData['result']['blanks'][number];

/** How a token reads in the table: spaces and line breaks made visible. */
function shown(token: string): string {
  if (token === ' ') return '␣ (space)';
  if (token === '\n') return '⏎ (line break)';
  return token;
}

function blankTable(b: Blank, index: number): HTMLElement {
  const top = b.candidates[0]?.p ?? 1;
  const rows = b.candidates.map((c, i) =>
    h(
      'tr',
      { class: c.token === b.original ? 'mlm-right' : undefined, 'data-token': c.token, 'data-p': String(c.p) },
      h('td', {}, String(i + 1)),
      h('td', { class: 'mlm-token' }, shown(c.token)),
      h('td', { class: 'mlm-bar-cell' }, h('span', { class: 'mlm-bar', style: `width: ${Math.max(1, Math.round((140 * c.p) / Math.max(top, 1e-9)))}px` })),
      h('td', { class: 'mlm-p' }, `${(100 * c.p).toFixed(1)}%`),
    ),
  );
  return h(
    'table',
    { class: 'mlm-table', id: `mlm-blank-${index}` },
    h('caption', {}, `Blank at ${b.index} (was “${shown(b.original)}”)`),
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'token'), h('th', {}, ''), h('th', {}, 'p'))),
    h('tbody', {}, ...rows),
  );
}

export const mlmView = (root: HTMLElement, _ctx: ViewContext): PanelViewModule<'mlm-fill'> => {
  root.classList.add('mlm');
  setChildren(root, h('p', { class: 'empty', id: 'mlm-empty' }, 'Train a masked language model, select a word in a note and run “ML Study: Fill in the Blank”.'));
  let stamp = -1;
  return {
    show(data: MlmFillData) {
      if (data.stamp === stamp) return;
      stamp = data.stamp;
      const r = data.result;
      const sep = r.level === 'char' ? '' : ' ';
      const context = h('p', { class: 'mlm-context', id: 'mlm-context' }, ...r.context.map((t, i) => (t === '[MASK]' ? h('span', { class: 'mlm-blank' }, '[MASK]') : (i ? sep : '') + t)));
      const notes: string[] = [`${r.level === 'char' ? 'Character' : 'Word'} model “${data.name}”: it read ${r.context.length} ${r.level === 'char' ? 'characters' : 'words'} around the blank, both sides at once (no causal mask).`];
      if (r.lowercased) notes.push('The text was lowercased: the model never saw capitals.');
      setChildren(
        root,
        h('h2', {}, `Fill in the blank: “${data.selected}”`),
        context,
        h('div', { class: 'mlm-blanks' }, ...r.blanks.map(blankTable)),
        h('p', { class: 'mlm-note', id: 'mlm-filled' }, `Most probable filling: ${r.filled}`),
        h('p', { class: 'mlm-note' }, notes.join(' ')),
      );
      Object.assign(root.dataset, { blanks: String(r.blanks.length), model: data.name, stamp: String(data.stamp) });
    },
  };
};
