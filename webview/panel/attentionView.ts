/**
 * The Attention view of the study panel. Self-attention of a Transformer: a heatmap with the tokens on both axes
 * (query rows, key columns) for one layer and head, the weight on hover, and an all-heads grid (one small map per
 * layer × head, like bertviz's model view; click one to open it large). Encoder–decoder attention of a seq2seq
 * model: the alignment map (output steps × input positions), updated live while the model trains. Both are one
 * AttentionMap component over the heatmap module. Draws only: the host sends maps, typed texts go to the host as
 * requests.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/attention.css';
import '../../media/picker.css';
import { headRows, type AlignmentData, type AttentionPanelData } from '../../src/shared/views/attention';
import { h, onThemeChange, setChildren } from '../common/vscode';
import { type Cell, drawMini, type HeatmapSpec, tokenLabel } from './heatmap';
import { AttentionMap, type MapLook } from './attentionMap';
import type { PanelViewModule, ViewContext } from './viewModule';
import { ModelPicker, modelsAsker } from './modelPicker';
import { VariantsSection } from './attentionVariants';

type SelfMap = NonNullable<AttentionPanelData['self']>;

const SELF_LOOK: MapLook = {
  ids: { section: 'attn-self', title: 'attn-title', status: 'attn-status', text: 'attn-text', button: 'attn-show', canvas: 'attn-heatmap', tip: 'attn-tip' },
  texts: { title: 'Self-attention', button: 'Show', placeholder: 'Type a text to see its attention…', label: 'Text for the attention map', canvas: 'Attention heatmap: query tokens in rows, key tokens in columns' },
  hint: 'Row: the query token (the one being computed); column: the key it attends to. Darker = more weight; each row sums to 1. Grey cells are masked: a token may not look at later tokens.',
};
const COMPARE_LOOK: MapLook = {
  ids: { section: 'attn-compare', title: 'attn-compare-title', status: 'attn-compare-status', text: 'attn-compare-text', button: 'attn-compare-show', canvas: 'attn-compare-heatmap', tip: 'attn-compare-tip' },
  texts: { title: 'Beside it', button: 'Show', placeholder: 'The text above is shown here too', label: 'Text of the second map (the one above)', canvas: 'Attention heatmap of the second model: query tokens in rows, key tokens in columns' },
  hint: 'The same text, layer and head in the other model. A masked language model attends both ways: no cell is masked, a token looks at the words after it as well as before.',
};
const ALIGN_LOOK: MapLook = {
  ids: { section: 'attn-align', title: 'attn-align-title', status: 'attn-align-status', text: 'attn-align-text', button: 'attn-align-show', canvas: 'attn-align-canvas', tip: 'attn-align-tip' },
  texts: { title: 'Encoder–decoder alignment', button: 'Run', placeholder: 'Type letters and digits, e.g. abc123', label: 'Input for the seq2seq model', canvas: 'Alignment map: output steps in rows, input positions in columns' },
  hint: 'Row t: the output step writing the t-th symbol; columns: the input positions it attends to (α = softmax(e), each row sums to 1). Rings mark where the task’s right alignment is.',
};

const val = (el: HTMLElement) => String((el as unknown as { value: string }).value ?? '');
const setVal = (el: HTMLElement | undefined, v: string) => {
  if (el && val(el) !== v) (el as unknown as { value: string }).value = v;
};
const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Whether output step r of a task's right answer reads input position c. */
function expectedAt(map: AlignmentData['map'], r: number, c: number): boolean {
  const n = map.source.length;
  if (map.task === 'reverse') return c === n - 1 - r && r < n;
  if (map.task === 'copy') return c === r;
  if (map.task === 'sort') return map.expected[r] !== undefined && map.source[c] === map.expected[r];
  return false;
}

/** The status line of a self-attention map: its size, its direction and what the model could not read. */
function selfNotes(m: SelfMap, layers: number, heads: number): string {
  const notes: string[] = [`${plural(m.tokens.length, 'token')}, ${plural(layers, 'layer')} × ${plural(heads, 'head')}, ${m.bidirectional ? 'bidirectional (a masked language model: no causal mask)' : 'causal (masked above the diagonal)'}.`];
  if (m.truncated) notes.push(`Only the first ${m.tokens.length} tokens fit the model’s context.`);
  if (m.lowercased) notes.push('Lowercased: the model never saw capitals.');
  if (m.unknown.length) notes.push(`Not in the vocabulary (shown as unknown): ${m.unknown.slice(0, 6).map((u) => `“${u}”`).join(', ')}${m.unknown.length > 6 ? ', …' : ''}.`);
  return notes.join(' ');
}

/** The status line of an alignment: the task, the output, and the job's progress and accuracy. */
function alignNotes(a: AlignmentData): string {
  const map = a.map;
  const right = map.target.join('') === map.expected.join('');
  const parts = [`Task ${map.task}: “${map.source.join('')}” → “${map.target.join('')}”${map.expected.length ? (right ? ' (right)' : ` (expected “${map.expected.join('')}”)`) : ''}.`];
  if (a.job) {
    parts.push(`${a.job.running ? 'Training' : 'Trained'}: step ${a.job.step}${a.job.total ? ` of ${a.job.total}` : ''}`);
    if (a.job.sequenceAccuracy !== undefined) parts.push(`· ${pct(a.job.sequenceAccuracy)} of fresh inputs right, ${pct(a.job.alignmentAccuracy)} of steps attend where expected.`);
  }
  return parts.join(' ');
}

/** A select of `count` options "<label> 1"…; calls onChange with the index chosen. */
function indexSelect(id: string, label: string, count: number, selected: number, onChange: (i: number) => void): HTMLElement {
  const el = h('vscode-single-select', { id, 'aria-label': label }, ...Array.from({ length: count }, (_, i) => h('vscode-option', { value: String(i), selected: i === selected }, `${label} ${i + 1}`)));
  el.addEventListener('change', () => {
    const i = Number(val(el));
    if (Number.isInteger(i) && i >= 0 && i < count) onChange(i);
  });
  return el;
}

/** Buttons that open the Head View, Neuron View and Step Through on the map's model and text. */
function readButtons(ctx: ViewContext, self: () => SelfMap | undefined, at: () => { layer: number; head: number }, fail: (e: unknown) => void): HTMLElement {
  const open = (view: 'attn-heads' | 'attn-neuron' | 'attn-step') => {
    const m = self();
    if (m) void ctx.host.request('heads.open', { view, dir: m.dir, text: m.text, ...(view === 'attn-neuron' ? at() : {}) }, 120_000).catch(fail);
  };
  const button = (id: string, view: 'attn-heads' | 'attn-neuron' | 'attn-step', label: string, title: string) => h('vscode-button', { id, secondary: true, title, onclick: () => open(view) }, label);
  return h('span', { class: 'attn-read' }, button('attn-to-heads', 'attn-heads', 'Head view', 'Every head’s attention as lines between the tokens'), button('attn-to-neuron', 'attn-neuron', 'Neuron view', 'softmax(QKᵀ/√d_k)V for the last token, number by number'), button('attn-to-step', 'attn-step', 'Step through', 'The last token through the whole model'));
}

export const attentionView = (root: HTMLElement, ctx: ViewContext): PanelViewModule<'attention'> => new AttentionView(root, ctx);

class AttentionView implements PanelViewModule<'attention'> {
  private data: AttentionPanelData | undefined;
  private layer = 0;
  private head = 0;
  private alignUpdates = 0;
  private readonly intro: HTMLElement;
  private readonly self: AttentionMap;
  private readonly compare: AttentionMap;
  private readonly align: AttentionMap;
  private readonly layerHost = h('span', { class: 'attn-select' });
  private readonly headHost = h('span', { class: 'attn-select' });
  private layerSelect: HTMLElement | undefined;
  private headSelect: HTMLElement | undefined;
  private readonly grid = h('div', { class: 'attn-grid', id: 'attn-grid', 'aria-label': 'All heads' });
  private readonly side: HTMLElement;
  private readonly picker: ModelPicker;
  private readonly askModels: () => void;
  private readonly variants: VariantsSection;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    this.intro = h('p', { class: 'empty', id: 'attn-empty' }, 'Select text in a note and run “ML Study: Show Attention for Selection”, or train a seq2seq model to watch its alignment map grow.');
    this.side = h('aside', { class: 'attn-side' }, h('h3', {}, 'All heads'), h('p', { class: 'muted attn-hint' }, 'One map per layer (rows) and head (columns). Click one to open it large.'), this.grid);
    const mapName = (m: { name: string } | undefined, what: string) => () => `${what}-${m?.name ?? 'map'}`;
    const selfExport = { ctx, name: () => mapName(this.data?.self, 'attention')(), alt: () => `Self-attention of ${this.data?.self?.name ?? 'a Transformer'}, layer ${this.layer + 1}, head ${this.head + 1}` };
    this.self = new AttentionMap(SELF_LOOK, { controls: [h('span', { class: 'spacer' }), this.layerHost, this.headHost, readButtons(ctx, () => this.data?.self, () => ({ layer: this.layer, head: this.head }), (e) => this.self.setStatus(errorText(e), true))], side: this.side, spec: (hover) => this.selfSpec(hover), redraw: () => this.drawSelf(), tip: (cell) => this.selfTip(cell), submit: (text) => void this.submitSelf(text), exportAs: selfExport });
    const compareExport = { ctx, name: () => mapName(this.data?.compare, 'attention')(), alt: () => `Self-attention of ${this.data?.compare?.name ?? 'a Transformer'}, layer ${this.layer + 1}, head ${this.head + 1}` };
    this.compare = new AttentionMap(COMPARE_LOOK, { spec: (hover) => this.mapSpec(this.data?.compare, hover), redraw: () => this.drawCompare(), tip: (cell) => this.mapTip(this.data!.compare!, cell), submit: () => undefined, exportAs: compareExport });
    this.compare.setInputEnabled(false);
    const alignExport = { ctx, name: () => mapName(this.data?.alignment, 'alignment')(), alt: () => `Encoder–decoder alignment map (${this.data?.alignment?.map.task ?? 'seq2seq'})` };
    const compareScores = h('vscode-button', { id: 'attn-variants-start', secondary: true, title: 'Train the seq2seq model with dot, general and additive attention on the same data, and compare them', onclick: () => void this.ctx.host.request('attention.variants', {}, 600_000).catch((e) => this.align.setStatus(errorText(e), true)) }, 'Compare scores');
    this.align = new AttentionMap(ALIGN_LOOK, { controls: [compareScores], spec: (hover) => this.alignSpec(hover), redraw: () => this.drawAlign(), tip: (cell) => this.alignTip(cell), submit: (text) => void this.submitAlign(text.trim()), exportAs: alignExport });
    this.align.setInputEnabled(false);
    this.picker = new ModelPicker({ id: 'attn-picker', caption: 'Saved attention models', empty: 'No saved attention model yet: train a Transformer, a masked language model or a seq2seq model (Training view).', onUse: (dir) => void this.use(dir) });
    this.askModels = modelsAsker(ctx.host, 'attention.models', this.picker, () => this.data);
    this.variants = new VariantsSection(root, ctx);
    setChildren(root, this.picker.el, this.intro, this.self.section, this.compare.section, this.align.section, this.variants.section);
    onThemeChange(() => this.redraw());
    let lastWidth = 0;
    new ResizeObserver(() => {
      const w = root.getBoundingClientRect().width;
      if (Math.abs(w - lastWidth) > 1) {
        lastWidth = w;
        this.redraw();
      }
    }).observe(root);
  }

  show(data: AttentionPanelData, live: boolean): void {
    const prevSelf = this.data?.self;
    const prevAlign = this.data?.alignment;
    this.data = data;
    this.picker.update(data.picker);
    if (!data.picker) this.askModels();
    // Messages arrive as fresh copies: compare stamps, so a live alignment update leaves the self-attention (and
    // whatever the user is typing) alone.
    if (data.self && data.self.stamp !== prevSelf?.stamp) this.renderSelf(data.self, prevSelf);
    if (data.compare?.stamp !== this.shownCompare) this.renderCompare(data.compare);
    if (data.alignment && data.alignment.stamp !== prevAlign?.stamp) this.renderAlign(data.alignment);
    if (data.variants?.stamp !== this.shownVariants) {
      this.shownVariants = data.variants?.stamp;
      this.variants.show(data.variants);
    }
    this.intro.hidden = !!(data.self || data.alignment || data.variants);
    if (!live) (data.focus === 'variants' ? this.variants : data.focus === 'alignment' ? this.align : this.self).section.scrollIntoView({ block: 'nearest' });
  }

  redraw(): void {
    if (!this.data?.picker) this.askModels();
    if (this.data?.self) {
      this.drawSelf();
      this.drawGrid();
    }
    if (this.data?.compare) this.drawCompare();
    if (this.data?.alignment) this.drawAlign();
    if (this.data?.variants) this.variants.redraw();
  }

  /** Show the model chosen in the picker (the host computes its map for the text on show). */
  private async use(dir: string): Promise<void> {
    this.root.dataset.selecting = 'true';
    try {
      this.show(await this.ctx.host.request('attention.select', { dir }, 120_000), true);
    } catch (e) {
      this.self.reveal();
      this.self.setStatus(errorText(e), true);
      this.picker.update(this.data?.picker);
    } finally {
      this.root.dataset.selecting = 'false';
    }
  }
  private shownVariants: number | undefined;

  // ------------------------------------------------------------ self-attention

  private renderSelf(m: SelfMap, prev: SelfMap | undefined): void {
    const started = performance.now();
    const { layers, heads } = m;
    const sameShape = prev && prev.layers === layers && prev.heads === heads;
    if (!sameShape || this.layer >= layers || this.head >= heads) {
      this.layer = Math.max(0, Math.min(this.layer, layers - 1));
      this.head = Math.max(0, Math.min(this.head, heads - 1));
      this.layerSelect = indexSelect('attn-layer', 'Layer', layers, this.layer, (i) => this.select(i, this.head));
      this.headSelect = indexSelect('attn-head', 'Head', heads, this.head, (i) => this.select(this.layer, i));
      setChildren(this.layerHost, this.layerSelect);
      setChildren(this.headHost, this.headSelect);
    }
    this.self.reveal();
    this.self.setTitle(m.name);
    this.self.text = m.text;
    this.self.setStatus(selfNotes(m, layers, heads));
    this.root.dataset.bidirectional = String(m.bidirectional);
    this.self.resetHover();
    Object.assign(this.root.dataset, { tokens: String(m.tokens.length), layers: String(layers), heads: String(heads), model: m.name });
    this.drawSelf();
    this.drawGrid();
    // How long the map took to draw (the end-to-end test reads it for long texts).
    this.root.dataset.drawMs = (performance.now() - started).toFixed(1);
  }

  /** One head's rows of a map, kept for the map on show (hover redraws ask again and again). */
  private rowsCache: { m: SelfMap; layer: number; head: number; rows: Float32Array[] } | undefined;
  private rowsOf(m: SelfMap, layer: number, head: number): Float32Array[] {
    const c = this.rowsCache;
    if (c && c.m === m && c.layer === layer && c.head === head) return c.rows;
    const rows = headRows(m, layer, head);
    if (m === this.data?.self) this.rowsCache = { m, layer, head, rows };
    return rows;
  }

  /** Open one layer and head in the large map. */
  private select(layer: number, head: number): void {
    this.layer = layer;
    this.head = head;
    setVal(this.layerSelect, String(layer));
    setVal(this.headSelect, String(head));
    this.self.resetHover();
    this.drawSelf();
    this.drawCompare();
    for (const fig of this.grid.querySelectorAll<HTMLElement>('.attn-mini')) fig.classList.toggle('selected', fig.dataset.layer === String(layer) && fig.dataset.head === String(head));
  }

  private selfSpec(hover: Cell | undefined): HeatmapSpec | undefined {
    return this.mapSpec(this.data?.self, hover);
  }

  /** A self-attention heatmap at the chosen layer and head (the last one the model has, if it has fewer). */
  private mapSpec(m: SelfMap | undefined, hover: Cell | undefined): HeatmapSpec | undefined {
    if (!m || m.layers === 0 || m.heads === 0) return undefined;
    const values = this.rowsOf(m, Math.min(this.layer, m.layers - 1), Math.min(this.head, m.heads - 1));
    return { rows: m.tokens, cols: m.tokens, values, masked: (r, c) => !m.bidirectional && c > r, hover, maxCell: 24, axisTitles: { rows: 'query', cols: 'key' } };
  }

  // ------------------------------------------------------------ the second model's map, beside the first

  private shownCompare: number | undefined;

  private renderCompare(m: SelfMap | undefined): void {
    this.shownCompare = m?.stamp;
    this.compare.section.hidden = !m;
    if (!m) return;
    this.compare.reveal();
    this.compare.setTitle(m.name);
    this.compare.text = m.text;
    this.compare.setStatus(selfNotes(m, m.layers, m.heads));
    this.compare.resetHover();
    this.root.dataset.compare = m.bidirectional ? 'bidirectional' : 'causal';
    this.drawCompare();
  }

  private drawCompare(): void {
    if (!this.data?.compare || this.compare.section.hidden) return;
    const { heat } = this.selfWidths();
    this.compare.wrap.style.width = `${heat}px`;
    if (this.compare.draw(heat)) this.root.dataset.compareDrawn = String(Number(this.root.dataset.compareDrawn ?? 0) + 1);
  }

  private drawSelf(): void {
    if (!this.data?.self || this.self.section.hidden) return;
    const { heat } = this.selfWidths();
    this.self.wrap.style.width = `${heat}px`;
    if (!this.self.draw(heat)) return;
    this.root.dataset.layer = String(this.layer);
    this.root.dataset.head = String(this.head);
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
  }

  private drawGrid(): void {
    const m = this.data?.self;
    if (!m || this.self.section.hidden || this.self.section.getBoundingClientRect().width === 0) return;
    const { mini: size } = this.selfWidths();
    const figure = (values: Float32Array[], l: number, hd: number) => {
      const canvas = h('canvas', { class: 'attn-mini-canvas', 'aria-hidden': 'true' });
      drawMini(canvas, values, size, true);
      const selected = l === this.layer && hd === this.head;
      const attrs = { class: `attn-mini${selected ? ' selected' : ''}`, 'data-layer': String(l), 'data-head': String(hd), title: `Layer ${l + 1}, head ${hd + 1}: open it large`, onclick: () => this.select(l, hd) };
      return h('button', attrs, canvas, h('span', { class: 'attn-mini-caption' }, `L${l + 1} · H${hd + 1}`));
    };
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    setChildren(this.grid, ...range(m.layers).map((l) => h('div', { class: 'attn-grid-row' }, h('span', { class: 'attn-grid-label muted' }, `Layer ${l + 1}`), ...range(m.heads).map((hd) => figure(headRows(m, l, hd), l, hd)))));
  }

  /**
   * Widths of the large map and the grid's minis: side by side when the panel is wide enough (the grid beside the
   * map, like bertviz's model view), else stacked.
   */
  private selfWidths(): { heat: number; mini: number } {
    const total = Math.floor(this.self.section.getBoundingClientRect().width);
    const heads = Math.max(1, this.data?.self?.heads ?? 1);
    const mini = 84;
    const side = 72 + heads * (mini + 16);
    if (total - side - 24 >= 420) {
      this.side.style.width = `${side}px`;
      return { heat: total - side - 24, mini };
    }
    this.side.style.width = '100%';
    return { heat: total, mini: Math.max(60, Math.min(140, Math.floor((total - 72) / heads) - 16)) };
  }

  private selfTip(hv: Cell): string {
    return this.mapTip(this.data!.self!, hv);
  }

  private mapTip(m: SelfMap, hv: Cell): string {
    const values = this.mapSpec(m, undefined)!.values;
    const w = values[hv.r]?.[hv.c] ?? 0;
    const q = `“${tokenLabel(m.tokens[hv.r])}” (${hv.r + 1})`;
    const k = `“${tokenLabel(m.tokens[hv.c])}” (${hv.c + 1})`;
    return hv.c > hv.r && !m.bidirectional ? `${q} → ${k}: masked (a later token), 0` : `${q} → ${k}: ${w.toFixed(4)}`;
  }

  private async submitSelf(text: string): Promise<void> {
    const m = this.data?.self;
    if (!m) return;
    if (!text.trim()) return this.self.setStatus('Type some text first.', true);
    this.self.setStatus('Computing…');
    try {
      const r = await this.ctx.host.request('attention.map', { dir: m.dir, text }, 120_000);
      if (r.kind !== 'transformer') throw new Error('the model answered with a seq2seq map');
      const self = r;
      const prev = this.data!.self;
      this.data = { ...this.data!, self, focus: 'self' };
      this.renderSelf(self, prev);
      const other = this.data.compare;
      if (other) {
        const c = await this.ctx.host.request('attention.map', { dir: other.dir, text, slot: 'compare' }, 120_000);
        if (c.kind === 'transformer') {
          this.data = { ...this.data, compare: c };
          this.renderCompare(c);
        }
      }
    } catch (e) {
      this.self.setStatus(errorText(e), true);
    }
  }

  // ------------------------------------------------------------ seq2seq alignment

  private renderAlign(a: AlignmentData): void {
    const map = a.map;
    this.align.reveal();
    this.alignUpdates++;
    this.align.setTitle(a.name);
    this.align.setStatus(alignNotes(a));
    this.align.setInputEnabled(!!a.dir);
    Object.assign(this.root.dataset, {
      alignUpdates: String(this.alignUpdates),
      alignStep: String(a.job?.step ?? ''),
      alignRows: String(map.target.length),
      alignCols: String(map.source.length),
      alignRunning: String(a.job?.running === true),
      alignDir: a.dir ? 'yes' : 'no',
    });
    this.align.resetHover((hv) => hv.r < map.target.length && hv.c < map.source.length);
    this.drawAlign();
  }

  private alignSpec(hover: Cell | undefined): HeatmapSpec | undefined {
    const map = this.data?.alignment?.map;
    if (!map) return undefined;
    const wrongRow = (r: number) => map.expected.length > 0 && map.target[r] !== map.expected[r];
    return { rows: map.target, cols: map.source, values: map.attention, expected: (r, c) => expectedAt(map, r, c), wrongRow, hover, maxCell: 32, axisTitles: { rows: 'output step', cols: 'input' } };
  }

  private drawAlign(): void {
    if (!this.data?.alignment) return;
    if (this.align.draw(Math.floor(this.align.section.getBoundingClientRect().width))) this.root.dataset.alignDrawn = String(Number(this.root.dataset.alignDrawn ?? 0) + 1);
  }

  private alignTip(hv: Cell): string {
    const map = this.data!.alignment!.map;
    return `step ${hv.r + 1} writing “${map.target[hv.r]}” → input ${hv.c + 1} “${map.source[hv.c]}”: α = ${(map.attention[hv.r]?.[hv.c] ?? 0).toFixed(4)}`;
  }

  private async submitAlign(text: string): Promise<void> {
    const a = this.data?.alignment;
    if (!a?.dir) return;
    if (!text) return this.align.setStatus('Type a few letters or digits first.', true);
    this.align.setStatus('Decoding…');
    try {
      const r = await this.ctx.host.request('attention.map', { dir: a.dir, text }, 120_000);
      if (r.kind !== 'seq2seq') throw new Error('the model answered with a Transformer map');
      const { dir, name, text: _t, stamp, ...map } = r;
      const alignment = { ...a, name, dir, map, stamp };
      this.data = { ...this.data!, alignment, focus: 'alignment' };
      this.renderAlign(alignment);
    } catch (e) {
      this.align.setStatus(errorText(e), true);
    }
  }
}
