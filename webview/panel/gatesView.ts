/**
 * Inside the LSTM (Karpathy's view): the text as it reads, each character tinted by one unit's cell state, and by
 * its input, forget and output gates; the units ranked by how strongly their cell tracks something nameable (|r|,
 * r shown); hovering a character shows the values there and the model's top-5 next-character guesses. Every number
 * comes from the engine's forward pass, sent by the host; this module only draws and asks.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/inside.css';
import type { GatesPanelData, GatesReport } from '../../src/shared/views/inside';
import { formatNumber, h, setChildren } from '../common/vscode';
import { cellAt, charText, legend, tint, visibleChar } from './charText';
import type { ViewContext, ViewFactory } from './viewModule';
import { domSource, exportButtons } from './export';

type Valued = HTMLElement & { value: string };

const POS = '--vscode-charts-blue';
const NEG = '--vscode-charts-orange';
const GATE = '--vscode-charts-green';

/** The four maps: which series, its title, and whether it is a gate (0…1) or the cell (signed). */
const MAPS: { key: 'cell' | 'input' | 'forget' | 'output'; title: string; gate: boolean }[] = [
  { key: 'cell', title: 'cell state c (from its lowest to its highest value in this text)', gate: false },
  { key: 'input', title: 'input gate i', gate: true },
  { key: 'forget', title: 'forget gate f', gate: true },
  { key: 'output', title: 'output gate o', gate: true },
];

const signed = (r: number) => `${r >= 0 ? '+' : '−'}${Math.abs(r).toFixed(2)}`;

class GatesView {
  private data: GatesPanelData | undefined;
  private readonly model = h('vscode-single-select', { id: 'gates-model', 'aria-label': 'Model' }) as Valued;
  private readonly layer = h('vscode-single-select', { id: 'gates-layer', 'aria-label': 'Layer' }) as Valued;
  private readonly text = h('textarea', { id: 'gates-text', class: 'inside-textarea', rows: 4, spellcheck: 'false', 'aria-label': 'Text for the model to read' });
  private readonly status = h('div', { id: 'gates-status', class: 'inside-status' });
  private readonly error = h('div', { id: 'gates-error', class: 'inside-error', role: 'alert' });
  private readonly ranking = h('div', { id: 'gates-ranking', class: 'gates-ranking' });
  private readonly maps = h('div', { id: 'gates-maps', class: 'gates-maps' });
  private readonly hover = h('div', { id: 'gates-hover', class: 'gates-hover' }, 'Hover a character: its values and the model’s top-5 guesses for the next one.');

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    const read = h('vscode-button', { id: 'gates-read', icon: 'eye', onclick: () => this.ask() }, 'Read');
    this.model.addEventListener('change', () => this.ask());
    this.layer.addEventListener('change', () => this.ask());
    this.text.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter' && ((ev as KeyboardEvent).ctrlKey || (ev as KeyboardEvent).metaKey)) this.ask();
    });
    this.maps.addEventListener('mouseover', (ev) => this.onHover(cellAt(ev)));
    root.classList.add('inside');
    setChildren(
      root,
      h('h2', {}, 'Inside the LSTM'),
      h('div', { class: 'inside-controls' }, h('label', { class: 'inside-labelled' }, 'Model', this.model), h('label', { class: 'inside-labelled' }, 'Layer', this.layer), read),
      this.text,
      this.status,
      this.error,
      h('h3', {}, 'Units that track something you can name (|Pearson r| of the cell with it)'),
      this.ranking,
      h('div', { class: 'gates-body' }, this.maps, this.hover),
      exportButtons(ctx, domSource(() => this.maps, { name: 'lstm-gates', alt: 'The text tinted by one LSTM unit’s cell state and its input, forget and output gates' }), 'gates-export'),
    );
  }

  /** Ask the host to read the text with the chosen model, layer and (optionally) unit. */
  private ask(unit?: number): void {
    const d = this.data;
    const dir = this.model.value || d?.dir;
    if (!dir) return;
    const layer = Number(this.layer.value || 0);
    const params = { dir, text: this.text.value, layer, ...(unit !== undefined ? { unit } : {}) };
    this.error.textContent = '';
    this.ctx.host.request('gates.inspect', params).then(
      (data) => this.show(data),
      (e: Error) => (this.error.textContent = e.message),
    );
  }

  show(d: GatesPanelData): void {
    this.data = d;
    this.root.dataset.stamp = String(d.stamp);
    setChildren(this.model, ...d.models.map((m) => h('vscode-option', { value: m.dir, selected: m.dir === d.dir }, `${m.name}${m.training ? ' (training: latest checkpoint)' : ''}`)));
    this.model.value = d.dir ?? '';
    const layers = d.report?.layers ?? 1;
    setChildren(this.layer, ...Array.from({ length: layers }, (_, l) => h('vscode-option', { value: String(l), selected: l === d.layer }, String(l))));
    this.layer.value = String(d.layer);
    if (document.activeElement !== this.text) this.text.value = d.text;
    this.error.textContent = d.error ?? (d.models.length ? '' : 'No LSTM language model yet: train one (ML Study: Train LSTM Language Model).');
    const r = d.report;
    if (!r) {
      this.status.textContent = d.name ? `${d.name}` : '';
      setChildren(this.ranking);
      setChildren(this.maps);
      delete this.root.dataset.unit;
      return;
    }
    this.root.dataset.unit = String(r.unit);
    this.status.textContent = `${d.name ?? ''} · weights of step ${d.step ?? 0} · layer ${r.layer}, unit ${r.unit} of ${r.hidden} · ${r.tokens.length} characters`;
    this.drawRanking(r);
    this.drawMaps(r);
  }

  private drawRanking(r: GatesReport): void {
    setChildren(
      this.ranking,
      ...r.ranking.map((rk) =>
        h(
          'div',
          { class: 'gates-rank-row', 'data-indicator': rk.indicator },
          h('span', { class: 'gates-rank-name' }, rk.description),
          ...rk.units.slice(0, 5).map((s) =>
            h('button', { class: `gates-pick${s.unit === r.unit ? ' on' : ''}`, 'data-unit': s.unit, title: `r = ${s.correlation.toFixed(4)}`, onclick: () => this.ask(s.unit) }, `unit ${s.unit} r ${signed(s.correlation)}`),
          ),
        ),
      ),
    );
  }

  private drawMaps(r: GatesReport): void {
    const s = r.series;
    // The cell on its own range over the text (its values are unbounded): orange at the lowest, blue at the highest.
    const lo = Math.min(...s.cell);
    const hi = Math.max(...s.cell);
    const mid = (lo + hi) / 2;
    const half = Math.max(1e-9, (hi - lo) / 2);
    const cellTint = (v: number) => tint(v >= mid ? POS : NEG, (v - mid) / half);
    setChildren(
      this.maps,
      ...MAPS.map((m) => {
        const vals = s[m.key];
        const paint = m.gate ? (p: number) => tint(GATE, vals[p]) : (p: number) => cellTint(vals[p]);
        const key = m.gate
          ? legend([{ label: '0', bg: tint(GATE, 0) }, { label: '0.5', bg: tint(GATE, 0.5) }, { label: '1', bg: tint(GATE, 1) }])
          : legend([{ label: `lowest ${formatNumber(lo)}`, bg: tint(NEG, 1) }, { label: formatNumber(mid), bg: tint(POS, 0) }, { label: `highest ${formatNumber(hi)}`, bg: tint(POS, 1) }]);
        return h('figure', { class: 'gates-map', id: `gates-map-${m.key}` }, h('figcaption', {}, h('strong', {}, m.title), key), charText(r.tokens, paint));
      }),
    );
  }

  private onHover(p: number | undefined): void {
    const r = this.data?.report;
    if (!r || p === undefined || p >= r.tokens.length) return;
    const s = r.series;
    const guesses = r.top[p] ?? [];
    setChildren(
      this.hover,
      h('div', { class: 'gates-hover-title' }, `after “${visibleChar(r.tokens[p])}” (position ${p})`),
      h('div', {}, `c ${formatNumber(s.cell[p])} · i ${s.input[p].toFixed(3)} · f ${s.forget[p].toFixed(3)} · o ${s.output[p].toFixed(3)} · h ${formatNumber(s.hidden[p])}`),
      h('div', { class: 'gates-hover-title' }, 'next character, top 5'),
      h('table', { id: 'gates-guesses' }, ...guesses.map((g) => h('tr', {}, h('td', { class: 'gates-guess-char' }, visibleChar(g.token === ' ' ? '␣' : g.token)), h('td', {}, g.prob.toFixed(3))))),
    );
    this.hover.dataset.p = String(p);
  }
}

export const gatesView: ViewFactory<'gates'> = (root, ctx) => {
  const v = new GatesView(root, ctx);
  return { show: (data) => v.show(data) };
};
