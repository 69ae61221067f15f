/**
 * The model picker of the Language Model and Attention views: a table of the saved models a view can use (name,
 * kind, token level, corpus, size in parameters, held-out perplexity, date), a radio per row to choose the model in
 * use and, when the view compares, a second radio for the model beside it. A folder that cannot be used shows why
 * and cannot be chosen. Draws only: the entries come from the host.
 */
import type { ModelPickerData, PickerEntry, PickerKind } from '../../src/shared/views/modelPicker';
import type { PanelRequests } from '../../src/shared/panelViews';
import type { Channel } from '../../src/shared/rpc';
import { formatNumber, h, setChildren } from '../common/vscode';

const KIND_LABELS: Record<PickerKind, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'RNN', transformer: 'Transformer', mlm: 'masked LM', seq2seq: 'seq2seq' };

/** 1234 → "1.2k", 2500000 → "2.5M". */
export function compactCount(n: number | undefined): string {
  if (n === undefined) return '–';
  if (n < 1000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e4 ? 1 : 0)}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)}M`;
}

function dateOf(ms: number): string {
  const d = new Date(ms);
  const two = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export interface PickerOptions {
  /** Element id prefix (also the radios' group names). */
  id: string;
  caption: string;
  /** Shown when no model of the view's kinds is saved. */
  empty: string;
  onUse(dir: string): void;
  /** Given: a "compare with" column. */
  onCompare?(dir: string): void;
}

export class ModelPicker {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private data: ModelPickerData | undefined;
  /** The model chosen for comparison (the host's, until the user picks another). */
  compareDir: string | undefined;

  constructor(private readonly opts: PickerOptions) {
    this.body = h('div', { class: 'picker-body' });
    this.el = h('details', { class: 'picker', id: opts.id, open: true }, h('summary', {}, opts.caption), this.body);
  }

  update(data: ModelPickerData | undefined): void {
    this.data = data;
    if (data?.compare && data.models.some((m) => m.dir === data.compare)) this.compareDir = data.compare;
    if (this.compareDir && !data?.models.some((m) => m.dir === this.compareDir && !m.error)) this.compareDir = undefined;
    this.render();
  }

  private render(): void {
    const d = this.data;
    this.el.dataset.models = String(d?.models.length ?? 0);
    this.el.dataset.selected = d?.selected ?? '';
    if (!d) return setChildren(this.body, h('p', { class: 'muted' }, 'Reading the saved models…'));
    if (!d.models.length) return setChildren(this.body, h('p', { class: 'muted picker-empty' }, this.opts.empty));
    const compare = !!this.opts.onCompare;
    const head = ['Use', ...(compare ? ['Compare'] : []), 'Model', 'Kind', 'Level', 'Corpus', 'Parameters', 'Held-out perplexity', 'Saved'];
    const table = h('table', { class: 'picker-table' }, h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, ...d.models.map((m) => this.row(m, d.selected))));
    setChildren(this.body, h('div', { class: 'picker-scroll' }, table));
  }

  private radio(group: string, m: PickerEntry, checked: boolean, label: string, onPick: () => void): HTMLElement {
    const input = h('input', { type: 'radio', name: `${this.opts.id}-${group}`, value: m.dir, checked, disabled: !!m.error, 'aria-label': `${label} ${m.name}`, class: `picker-${group}` });
    input.addEventListener('change', () => {
      if ((input as HTMLInputElement).checked) onPick();
    });
    return h('td', { class: 'picker-radio' }, input);
  }

  private row(m: PickerEntry, selected: string | undefined): HTMLElement {
    const cells: HTMLElement[] = [this.radio('use', m, m.dir === selected, 'Use', () => this.opts.onUse(m.dir))];
    if (this.opts.onCompare) {
      cells.push(
        this.radio('compare', m, m.dir === this.compareDir, 'Compare with', () => {
          this.compareDir = m.dir;
          this.opts.onCompare!(m.dir);
        }),
      );
    }
    cells.push(h('td', { class: 'picker-name' }, m.name));
    if (m.error) {
      cells.push(h('td', { class: 'picker-error', colspan: '5', role: 'note' }, `Cannot be used: ${m.error}`), h('td', {}, dateOf(m.savedAt)));
    } else {
      const corpus = [m.corpus, m.corpusTokens !== undefined ? `${compactCount(m.corpusTokens)} tokens` : undefined].filter(Boolean).join(', ') || (m.task ? `task ${m.task}` : '–');
      cells.push(
        h('td', {}, m.kind ? KIND_LABELS[m.kind] : '–'),
        h('td', {}, m.level ?? '–'),
        h('td', {}, corpus),
        h('td', { class: 'num', title: m.parameters !== undefined ? `${m.parameters} weights` : undefined }, compactCount(m.parameters)),
        h('td', { class: 'num' }, m.heldOutPerplexity !== undefined ? formatNumber(m.heldOutPerplexity) : '–'),
        h('td', {}, dateOf(m.savedAt)),
      );
    }
    return h('tr', { class: `picker-row${m.dir === selected ? ' selected' : ''}${m.error ? ' broken' : ''}`, 'data-dir': m.dir, 'data-name': m.name, 'data-kind': m.kind ?? '' }, ...cells);
  }
}

/** The host requests that answer a view's saved models. */
export type ModelsRequest = 'lm.models' | 'attention.models';

/**
 * Asks the host for a view's saved models once (the host keeps the picker fresh after that); a failed request may be
 * asked again. `view()` is the view's current data: an answer that arrives after the host already sent a picker is
 * dropped, otherwise it is kept in that data and drawn with the model `selected()` names (default: the answer's).
 */
export function modelsAsker(
  host: Channel<PanelRequests>,
  request: ModelsRequest,
  picker: Pick<ModelPicker, 'update'>,
  view: () => { picker?: ModelPickerData } | undefined,
  selected?: () => string | undefined,
): () => void {
  let asked = false;
  return () => {
    if (asked) return;
    asked = true;
    void host.request(request, {}, 60_000).then(
      (answer) => {
        const data = view();
        if (data?.picker) return;
        if (data) data.picker = answer;
        picker.update(selected ? { ...answer, selected: selected() } : answer);
      },
      () => (asked = false),
    );
  };
}
