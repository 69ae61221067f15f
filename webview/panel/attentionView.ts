/**
 * The Attention view of the study panel. Self-attention of a Transformer: a heatmap with the tokens on both axes
 * (query rows, key columns) for one layer and head, the weight on hover, and an all-heads grid (one small map per
 * layer × head, like bertviz's model view; click one to open it large). Encoder–decoder attention of a seq2seq
 * model: the alignment map (output steps × input positions), updated live while the model trains.
 * Draws only: the host sends maps, typed texts go to the host as requests.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/attention.css';
import type { JobInfo, SeriesChunk } from '../../src/shared/protocol';
import type { AlignmentData, AttentionMap, AttentionPanelData } from '../../src/shared/views/attention';
import { h, onThemeChange, setChildren, themeVar } from '../common/vscode';
import type { FeatureView, FeatureViewHooks } from './featureView';

type SelfMap = NonNullable<AttentionPanelData['self']>;

/** How a token is written on an axis: whitespace made visible, long words shortened. */
export function tokenLabel(t: string): string {
  const s = t.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
  return s.length > 12 ? `${s.slice(0, 11)}…` : s;
}

interface Layout {
  x0: number;
  y0: number;
  cell: number;
  rows: number;
  cols: number;
}

interface HeatmapSpec {
  rows: string[];
  cols: string[];
  values: number[][];
  /** Cells masked by construction (drawn as masked, not as weight 0). */
  masked?: (r: number, c: number) => boolean;
  /** Cells to ring (the alignment a task expects). */
  expected?: (r: number, c: number) => boolean;
  /** Row labels to flag (a wrong output symbol). */
  wrongRow?: (r: number) => boolean;
  hover?: { r: number; c: number };
  maxCell: number;
  axisTitles?: { rows: string; cols: string };
}

function colours() {
  return {
    fg: themeVar('--vscode-foreground', '#cccccc'),
    dim: themeVar('--vscode-descriptionForeground', '#888888'),
    bg: themeVar('--vscode-editor-background', '#1e1e1e'),
    accent: themeVar('--vscode-charts-blue', '#3794ff'),
    masked: themeVar('--vscode-editorWidget-border', themeVar('--vscode-widget-border', '#80808040')),
    focus: themeVar('--vscode-focusBorder', '#007fd4'),
    error: themeVar('--vscode-errorForeground', '#f14c4c'),
    expected: themeVar('--vscode-charts-orange', '#d18616'),
    font: themeVar('--vscode-font-family', 'sans-serif'),
  };
}

/** Draw a labelled heatmap `width` CSS pixels wide at most; returns where the cells are, for hit tests. */
function drawHeatmap(canvas: HTMLCanvasElement, spec: HeatmapSpec, width: number): Layout {
  const c = colours();
  const dpr = devicePixelRatio || 1;
  const n = spec.rows.length;
  const m = spec.cols.length;
  const ctx = canvas.getContext('2d')!;
  const fontPx = 12;
  ctx.font = `${fontPx}px ${c.font}`;
  const widest = (labels: string[]) => Math.min(110, Math.max(8, ...labels.map((l) => ctx.measureText(tokenLabel(l)).width)));
  const titleSpace = spec.axisTitles ? 16 : 0;
  const rowW = widest(spec.rows) + 8;
  const colW = widest(spec.cols);
  let x0 = rowW + titleSpace;
  let cell = Math.max(2, Math.min(spec.maxCell, Math.floor((width - x0 - 8) / Math.max(1, m))));
  const labels = cell >= 9;
  // Short column labels (characters) stand upright; longer ones (words) are turned.
  const upright = colW <= cell - 2;
  let y0 = (upright ? fontPx + 8 : colW + 8) + titleSpace;
  if (!labels) {
    x0 = titleSpace + 4;
    y0 = titleSpace + 4;
    cell = Math.max(2, Math.min(spec.maxCell, Math.floor((width - x0 - 8) / Math.max(1, m))));
  }
  const cssW = Math.ceil(x0 + m * cell + 8);
  const cssH = Math.ceil(y0 + n * cell + 8);
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  canvas.width = Math.max(1, Math.round(cssW * dpr));
  canvas.height = Math.max(1, Math.round(cssH * dpr));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  ctx.font = `${Math.min(fontPx, cell - 1)}px ${c.font}`;
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < m; k++) {
      const x = x0 + k * cell;
      const y = y0 + r * cell;
      if (spec.masked?.(r, k)) {
        ctx.globalAlpha = 0.35;
        ctx.fillStyle = c.masked;
        ctx.fillRect(x, y, cell, cell);
        continue;
      }
      const w = spec.values[r]?.[k] ?? 0;
      ctx.globalAlpha = 1;
      ctx.fillStyle = c.bg;
      ctx.fillRect(x, y, cell, cell);
      ctx.globalAlpha = Math.max(0, Math.min(1, w));
      ctx.fillStyle = c.accent;
      ctx.fillRect(x, y, cell, cell);
    }
  }
  ctx.globalAlpha = 1;
  // Cell borders: a hairline grid when cells are large enough to read.
  if (cell >= 8) {
    ctx.strokeStyle = c.masked;
    ctx.lineWidth = 0.5;
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    for (let r = 0; r <= n; r++) {
      ctx.moveTo(x0, y0 + r * cell);
      ctx.lineTo(x0 + m * cell, y0 + r * cell);
    }
    for (let k = 0; k <= m; k++) {
      ctx.moveTo(x0 + k * cell, y0);
      ctx.lineTo(x0 + k * cell, y0 + n * cell);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  if (spec.expected) {
    ctx.strokeStyle = c.expected;
    ctx.lineWidth = 1.5;
    for (let r = 0; r < n; r++)
      for (let k = 0; k < m; k++) {
        if (!spec.expected(r, k)) continue;
        ctx.beginPath();
        ctx.arc(x0 + (k + 0.5) * cell, y0 + (r + 0.5) * cell, Math.max(2, cell * 0.28), 0, Math.PI * 2);
        ctx.stroke();
      }
  }
  const hv = spec.hover;
  if (hv && hv.r < n && hv.c < m) {
    ctx.strokeStyle = c.focus;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 + hv.c * cell + 1, y0 + hv.r * cell + 1, cell - 2, cell - 2);
  }
  if (labels) {
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (let r = 0; r < n; r++) {
      ctx.fillStyle = spec.wrongRow?.(r) ? c.error : hv?.r === r ? c.focus : c.fg;
      ctx.fillText(tokenLabel(spec.rows[r]), x0 - 5, y0 + (r + 0.5) * cell);
    }
    ctx.save();
    ctx.textAlign = upright ? 'center' : 'left';
    for (let k = 0; k < m && upright; k++) {
      ctx.fillStyle = hv?.c === k ? c.focus : c.fg;
      ctx.fillText(tokenLabel(spec.cols[k]), x0 + (k + 0.5) * cell, y0 - 4 - fontPx / 2);
    }
    for (let k = 0; k < m && !upright; k++) {
      ctx.save();
      ctx.translate(x0 + (k + 0.5) * cell, y0 - 5);
      ctx.rotate(-Math.PI / 2);
      ctx.fillStyle = hv?.c === k ? c.focus : c.fg;
      ctx.fillText(tokenLabel(spec.cols[k]), 0, 0);
      ctx.restore();
    }
    ctx.restore();
  }
  if (spec.axisTitles) {
    ctx.fillStyle = c.dim;
    ctx.font = `11px ${c.font}`;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(`${spec.axisTitles.cols} →`, x0, 1);
    ctx.save();
    ctx.translate(1, y0);
    ctx.rotate(Math.PI / 2);
    ctx.textBaseline = 'bottom';
    ctx.fillText(`${spec.axisTitles.rows} →`, 0, 0);
    ctx.restore();
  }
  // Where the cells are, for tests and assistive tools.
  canvas.dataset.x0 = String(x0);
  canvas.dataset.y0 = String(y0);
  canvas.dataset.cell = String(cell);
  return { x0, y0, cell, rows: n, cols: m };
}

/** A small unlabelled heatmap of `size` CSS pixels (the all-heads grid). */
function drawMini(canvas: HTMLCanvasElement, values: number[][], size: number, causal: boolean): void {
  const c = colours();
  const dpr = devicePixelRatio || 1;
  const n = values.length;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, size, size);
  const edge = (i: number) => Math.round((i * size) / Math.max(1, n));
  for (let r = 0; r < n; r++)
    for (let k = 0; k < n; k++) {
      const x = edge(k);
      const y = edge(r);
      const w = edge(k + 1) - x;
      const hh = edge(r + 1) - y;
      if (causal && k > r) {
        ctx.globalAlpha = 0.35;
        ctx.fillStyle = c.masked;
      } else {
        ctx.globalAlpha = Math.max(0, Math.min(1, values[r][k]));
        ctx.fillStyle = c.accent;
      }
      ctx.fillRect(x, y, w, hh);
    }
  ctx.globalAlpha = 1;
}

const val = (el: HTMLElement) => String((el as unknown as { value: string }).value ?? '');
const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);

export class AttentionView implements FeatureView<AttentionPanelData> {
  private data: AttentionPanelData | undefined;
  private layer = 0;
  private head = 0;
  private hoverSelf: { r: number; c: number } | undefined;
  private hoverAlign: { r: number; c: number } | undefined;
  private selfLayout: Layout | undefined;
  private alignLayout: Layout | undefined;
  private alignUpdates = 0;

  private readonly intro: HTMLElement;
  private readonly selfSection: HTMLElement;
  private readonly selfTitle: HTMLElement;
  private readonly selfStatus: HTMLElement;
  private readonly text: HTMLElement;
  private readonly layerHost: HTMLElement;
  private readonly headHost: HTMLElement;
  private layerSelect: HTMLElement | undefined;
  private headSelect: HTMLElement | undefined;
  private readonly heatmap: HTMLCanvasElement;
  private readonly heatWrap: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly grid: HTMLElement;
  private side!: HTMLElement;
  private readonly alignSection: HTMLElement;
  private readonly alignTitle: HTMLElement;
  private readonly alignStatus: HTMLElement;
  private readonly alignText: HTMLElement;
  private readonly alignShow: HTMLElement;
  private readonly alignCanvas: HTMLCanvasElement;
  private readonly alignWrap: HTMLElement;
  private readonly alignTip: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: FeatureViewHooks,
  ) {
    this.intro = h('p', { class: 'empty', id: 'attn-empty' }, 'Select text in a note and run “ML Study: Show Attention for Selection”, or train a seq2seq model to watch its alignment map grow.');
    this.selfTitle = h('h2', { id: 'attn-title' }, 'Self-attention');
    this.selfStatus = h('p', { class: 'muted', id: 'attn-status', 'aria-live': 'polite' });
    this.text = h('vscode-textfield', { id: 'attn-text', class: 'attn-textbox', placeholder: 'Type a text to see its attention…', 'aria-label': 'Text for the attention map' });
    const showBtn = h('vscode-button', { id: 'attn-show', onclick: () => void this.submitSelf() }, 'Show');
    this.layerHost = h('span', { class: 'attn-select' });
    this.headHost = h('span', { class: 'attn-select' });
    this.heatmap = h('canvas', { id: 'attn-heatmap', class: 'attn-heatmap', role: 'img', 'aria-label': 'Attention heatmap: query tokens in rows, key tokens in columns' });
    this.tip = h('div', { class: 'attn-tip', id: 'attn-tip', role: 'tooltip', hidden: true });
    this.heatWrap = h('div', { class: 'attn-wrap' }, this.heatmap, this.tip);
    this.grid = h('div', { class: 'attn-grid', id: 'attn-grid', 'aria-label': 'All heads' });
    this.selfSection = h(
      'section',
      { class: 'attn-self', id: 'attn-self', hidden: true },
      h('header', { class: 'attn-head' }, this.selfTitle),
      h('div', { class: 'attn-controls' }, this.text, showBtn, h('span', { class: 'spacer' }), this.layerHost, this.headHost),
      this.selfStatus,
      h('p', { class: 'muted attn-hint' }, 'Row: the query token (the one being computed); column: the key it attends to. Darker = more weight; each row sums to 1. Grey cells are masked: a token may not look at later tokens.'),
      h(
        'div',
        { class: 'attn-body' },
        this.heatWrap,
        (this.side = h('aside', { class: 'attn-side' }, h('h3', {}, 'All heads'), h('p', { class: 'muted attn-hint' }, 'One map per layer (rows) and head (columns). Click one to open it large.'), this.grid)),
      ),
    );
    this.alignTitle = h('h2', { id: 'attn-align-title' }, 'Encoder–decoder alignment');
    this.alignStatus = h('p', { class: 'muted', id: 'attn-align-status', 'aria-live': 'polite' });
    this.alignText = h('vscode-textfield', { id: 'attn-align-text', class: 'attn-textbox', placeholder: 'Type letters and digits, e.g. abc123', 'aria-label': 'Input for the seq2seq model', disabled: true });
    this.alignShow = h('vscode-button', { id: 'attn-align-show', disabled: true, onclick: () => void this.submitAlign() }, 'Run');
    this.alignCanvas = h('canvas', { id: 'attn-align-canvas', class: 'attn-heatmap', role: 'img', 'aria-label': 'Alignment map: output steps in rows, input positions in columns' });
    this.alignTip = h('div', { class: 'attn-tip', id: 'attn-align-tip', role: 'tooltip', hidden: true });
    this.alignWrap = h('div', { class: 'attn-wrap' }, this.alignCanvas, this.alignTip);
    this.alignSection = h(
      'section',
      { class: 'attn-align', id: 'attn-align', hidden: true },
      h('header', { class: 'attn-head' }, this.alignTitle),
      h('div', { class: 'attn-controls' }, this.alignText, this.alignShow),
      this.alignStatus,
      h('p', { class: 'muted attn-hint' }, 'Row t: the output step writing the t-th symbol; columns: the input positions it attends to (α = softmax(e), each row sums to 1). Rings mark where the task’s right alignment is.'),
      this.alignWrap,
    );
    setChildren(root, this.intro, this.selfSection, this.alignSection);
    for (const box of [this.text, this.alignText]) {
      box.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key !== 'Enter') return;
        if (box === this.text) void this.submitSelf();
        else void this.submitAlign();
      });
    }
    this.bindHover(this.heatmap, this.tip, () => this.selfLayout, (hv) => {
      this.hoverSelf = hv;
      this.drawSelf();
      return this.selfTip(hv);
    });
    this.bindHover(this.alignCanvas, this.alignTip, () => this.alignLayout, (hv) => {
      this.hoverAlign = hv;
      this.drawAlign();
      return this.alignTipText(hv);
    });
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
    // Messages arrive as fresh copies: compare stamps, so a live alignment update leaves the self-attention (and
    // whatever the user is typing) alone.
    if (data.self && data.self.stamp !== prevSelf?.stamp) this.renderSelf(data.self, prevSelf);
    if (data.alignment && data.alignment.stamp !== prevAlign?.stamp) this.renderAlign(data.alignment);
    this.intro.hidden = !!(data.self || data.alignment);
    if (!live) (data.focus === 'alignment' ? this.alignSection : this.selfSection).scrollIntoView({ block: 'nearest' });
  }

  onJob(job: JobInfo): void {
    void job;
  }

  onPoints(_chunk: SeriesChunk, _job: JobInfo | undefined): void {}

  redraw(): void {
    if (this.data?.self) {
      this.drawSelf();
      this.drawGrid();
    }
    if (this.data?.alignment) this.drawAlign();
  }

  // ------------------------------------------------------------ self-attention

  private renderSelf(m: SelfMap, prev: SelfMap | undefined): void {
    const layers = m.attention.length;
    const heads = m.attention[0]?.length ?? 0;
    const sameShape = prev && prev.attention.length === layers && (prev.attention[0]?.length ?? 0) === heads;
    if (!sameShape || this.layer >= layers || this.head >= heads) {
      this.layer = Math.min(this.layer, layers - 1);
      this.head = Math.min(this.head, heads - 1);
      this.layer = Math.max(0, this.layer);
      this.head = Math.max(0, this.head);
      this.buildSelects(layers, heads);
    }
    this.selfSection.hidden = false;
    this.selfTitle.textContent = `Self-attention — ${m.name}`;
    if (val(this.text) !== m.text) (this.text as unknown as { value: string }).value = m.text;
    const notes: string[] = [`${m.tokens.length} token${m.tokens.length === 1 ? '' : 's'}, ${layers} layer${layers === 1 ? '' : 's'} × ${heads} head${heads === 1 ? '' : 's'}.`];
    if (m.truncated) notes.push(`Only the first ${m.tokens.length} tokens fit the model’s context.`);
    if (m.lowercased) notes.push('Lowercased: the model never saw capitals.');
    if (m.unknown.length) notes.push(`Not in the vocabulary (shown as unknown): ${m.unknown.slice(0, 6).map((u) => `“${u}”`).join(', ')}${m.unknown.length > 6 ? ', …' : ''}.`);
    this.selfStatus.textContent = notes.join(' ');
    this.selfStatus.classList.remove('error');
    this.hoverSelf = undefined;
    this.tip.hidden = true;
    this.root.dataset.tokens = String(m.tokens.length);
    this.root.dataset.layers = String(layers);
    this.root.dataset.heads = String(heads);
    this.root.dataset.model = m.name;
    this.drawSelf();
    this.drawGrid();
  }

  private buildSelects(layers: number, heads: number): void {
    const select = (id: string, label: string, count: number, selected: number, onChange: (i: number) => void) => {
      const el = h('vscode-single-select', { id, 'aria-label': label }, ...Array.from({ length: count }, (_, i) => h('vscode-option', { value: String(i), selected: i === selected }, `${label} ${i + 1}`)));
      el.addEventListener('change', () => {
        const i = Number(val(el));
        if (Number.isInteger(i) && i >= 0 && i < count) onChange(i);
      });
      return el;
    };
    this.layerSelect = select('attn-layer', 'Layer', layers, this.layer, (i) => this.select(i, this.head));
    this.headSelect = select('attn-head', 'Head', heads, this.head, (i) => this.select(this.layer, i));
    setChildren(this.layerHost, this.layerSelect);
    setChildren(this.headHost, this.headSelect);
  }

  /** Open one layer and head in the large map. */
  private select(layer: number, head: number): void {
    this.layer = layer;
    this.head = head;
    if (this.layerSelect && val(this.layerSelect) !== String(layer)) (this.layerSelect as unknown as { value: string }).value = String(layer);
    if (this.headSelect && val(this.headSelect) !== String(head)) (this.headSelect as unknown as { value: string }).value = String(head);
    this.hoverSelf = undefined;
    this.tip.hidden = true;
    this.drawSelf();
    for (const fig of this.grid.querySelectorAll<HTMLElement>('.attn-mini')) fig.classList.toggle('selected', fig.dataset.layer === String(layer) && fig.dataset.head === String(head));
  }

  private drawSelf(): void {
    const m = this.data?.self;
    if (!m || this.selfSection.hidden || this.selfSection.getBoundingClientRect().width === 0) return;
    const values = m.attention[this.layer]?.[this.head] ?? [];
    const { heat } = this.selfWidths();
    this.heatWrap.style.width = `${heat}px`;
    this.selfLayout = drawHeatmap(this.heatmap, {
      rows: m.tokens,
      cols: m.tokens,
      values,
      masked: (r, c) => c > r,
      hover: this.hoverSelf,
      maxCell: 24,
      axisTitles: { rows: 'query', cols: 'key' },
    }, heat);
    this.root.dataset.layer = String(this.layer);
    this.root.dataset.head = String(this.head);
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
  }

  private drawGrid(): void {
    const m = this.data?.self;
    if (!m || this.selfSection.hidden || this.selfSection.getBoundingClientRect().width === 0) return;
    const { mini: size } = this.selfWidths();
    const rows: HTMLElement[] = [];
    m.attention.forEach((layer, l) => {
      const figs = layer.map((values, hd) => {
        const canvas = h('canvas', { class: 'attn-mini-canvas', 'aria-hidden': 'true' });
        drawMini(canvas, values, size, true);
        const fig = h(
          'button',
          { class: `attn-mini${l === this.layer && hd === this.head ? ' selected' : ''}`, 'data-layer': String(l), 'data-head': String(hd), title: `Layer ${l + 1}, head ${hd + 1}: open it large`, onclick: () => this.select(l, hd) },
          canvas,
          h('span', { class: 'attn-mini-caption' }, `L${l + 1} · H${hd + 1}`),
        );
        return fig;
      });
      rows.push(h('div', { class: 'attn-grid-row' }, h('span', { class: 'attn-grid-label muted' }, `Layer ${l + 1}`), ...figs));
    });
    setChildren(this.grid, ...rows);
  }

  /**
   * Widths of the large map and the grid's minis: side by side when the panel is wide enough (the grid beside the
   * map, like bertviz's model view), else stacked.
   */
  private selfWidths(): { heat: number; mini: number } {
    const total = Math.floor(this.selfSection.getBoundingClientRect().width);
    const heads = Math.max(1, this.data?.self?.attention[0]?.length ?? 1);
    const mini = 84;
    const side = 72 + heads * (mini + 16);
    if (total - side - 24 >= 420) {
      this.side.style.width = `${side}px`;
      return { heat: total - side - 24, mini };
    }
    this.side.style.width = '100%';
    return { heat: total, mini: Math.max(60, Math.min(140, Math.floor((total - 72) / heads) - 16)) };
  }

  private selfTip(hv: { r: number; c: number }): string {
    const m = this.data!.self!;
    const w = m.attention[this.layer][this.head][hv.r][hv.c];
    const q = `“${tokenLabel(m.tokens[hv.r])}” (${hv.r + 1})`;
    const k = `“${tokenLabel(m.tokens[hv.c])}” (${hv.c + 1})`;
    return hv.c > hv.r ? `${q} → ${k}: masked (a later token), 0` : `${q} → ${k}: ${w.toFixed(4)}`;
  }

  private async submitSelf(): Promise<void> {
    const m = this.data?.self;
    const text = val(this.text);
    if (!m) return;
    if (!text.trim()) {
      this.setStatus(this.selfStatus, 'Type some text first.', true);
      return;
    }
    this.setStatus(this.selfStatus, 'Computing…', false);
    try {
      const r = await this.hooks.request<AttentionMap>('attention.map', { dir: m.dir, text }, 120_000);
      if (r.kind !== 'transformer') throw new Error('the model answered with a seq2seq map');
      const self = r as SelfMap;
      const prev = this.data!.self;
      this.data = { ...this.data!, self, focus: 'self' };
      this.renderSelf(self, prev);
    } catch (e) {
      this.setStatus(this.selfStatus, e instanceof Error ? e.message : String(e), true);
    }
  }

  // ------------------------------------------------------------ seq2seq alignment

  private renderAlign(a: AlignmentData): void {
    this.alignSection.hidden = false;
    this.alignUpdates++;
    this.alignTitle.textContent = `Encoder–decoder alignment — ${a.name}`;
    const map = a.map;
    const right = map.target.join('') === map.expected.join('');
    const parts = [`Task ${map.task}: “${map.source.join('')}” → “${map.target.join('')}”${map.expected.length ? (right ? ' (right)' : ` (expected “${map.expected.join('')}”)`) : ''}.`];
    if (a.job) {
      parts.push(`${a.job.running ? 'Training' : 'Trained'}: step ${a.job.step}${a.job.total ? ` of ${a.job.total}` : ''}`);
      if (a.job.sequenceAccuracy !== undefined) parts.push(`· ${pct(a.job.sequenceAccuracy)} of fresh inputs right, ${pct(a.job.alignmentAccuracy)} of steps attend where expected.`);
    }
    this.setStatus(this.alignStatus, parts.join(' '), false);
    const canType = !!a.dir;
    (this.alignText as unknown as { disabled: boolean }).disabled = !canType;
    (this.alignShow as unknown as { disabled: boolean }).disabled = !canType;
    this.root.dataset.alignUpdates = String(this.alignUpdates);
    this.root.dataset.alignStep = String(a.job?.step ?? '');
    this.root.dataset.alignRows = String(map.target.length);
    this.root.dataset.alignCols = String(map.source.length);
    this.root.dataset.alignRunning = String(a.job?.running === true);
    this.root.dataset.alignDir = canType ? 'yes' : 'no';
    if (this.hoverAlign && (this.hoverAlign.r >= map.target.length || this.hoverAlign.c >= map.source.length)) this.hoverAlign = undefined;
    this.drawAlign();
    if (this.hoverAlign) this.alignTip.textContent = this.alignTipText(this.hoverAlign);
  }

  private expectedAt(r: number, c: number): boolean {
    const map = this.data!.alignment!.map;
    const n = map.source.length;
    if (map.task === 'reverse') return c === n - 1 - r && r < n;
    if (map.task === 'copy') return c === r;
    if (map.task === 'sort') return map.expected[r] !== undefined && map.source[c] === map.expected[r];
    return false;
  }

  private drawAlign(): void {
    const a = this.data?.alignment;
    if (!a || this.alignSection.hidden || this.alignWrap.getBoundingClientRect().width === 0) return;
    const map = a.map;
    const width = Math.floor(this.alignSection.getBoundingClientRect().width);
    this.alignLayout = drawHeatmap(this.alignCanvas, {
      rows: map.target,
      cols: map.source,
      values: map.attention,
      expected: (r, c) => this.expectedAt(r, c),
      wrongRow: (r) => map.expected.length > 0 && map.target[r] !== map.expected[r],
      hover: this.hoverAlign,
      maxCell: 32,
      axisTitles: { rows: 'output step', cols: 'input' },
    }, width);
    this.root.dataset.alignDrawn = String(Number(this.root.dataset.alignDrawn ?? 0) + 1);
  }

  private alignTipText(hv: { r: number; c: number }): string {
    const map = this.data!.alignment!.map;
    return `step ${hv.r + 1} writing “${map.target[hv.r]}” → input ${hv.c + 1} “${map.source[hv.c]}”: α = ${(map.attention[hv.r]?.[hv.c] ?? 0).toFixed(4)}`;
  }

  private async submitAlign(): Promise<void> {
    const a = this.data?.alignment;
    const text = val(this.alignText).trim();
    if (!a?.dir) return;
    if (!text) {
      this.setStatus(this.alignStatus, 'Type a few letters or digits first.', true);
      return;
    }
    this.setStatus(this.alignStatus, 'Decoding…', false);
    try {
      const r = await this.hooks.request<AttentionMap>('attention.map', { dir: a.dir, text }, 120_000);
      if (r.kind !== 'seq2seq') throw new Error('the model answered with a Transformer map');
      const { dir, name, text: _t, stamp, ...map } = r;
      this.data = { ...this.data!, alignment: { ...a, name, dir, map, stamp }, focus: 'alignment' };
      this.renderAlign(this.data.alignment!);
    } catch (e) {
      this.setStatus(this.alignStatus, e instanceof Error ? e.message : String(e), true);
    }
  }

  // ------------------------------------------------------------ shared

  private setStatus(el: HTMLElement, text: string, error: boolean): void {
    el.textContent = text;
    el.classList.toggle('error', error);
  }

  /** Hover: find the cell under the pointer, redraw with it outlined, and place the tooltip beside it. */
  private bindHover(canvas: HTMLCanvasElement, tip: HTMLElement, layout: () => Layout | undefined, onCell: (hv: { r: number; c: number }) => string): void {
    let last = '';
    canvas.addEventListener('mousemove', (e) => {
      const L = layout();
      if (!L) return;
      const rect = canvas.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      const c = Math.floor((x - L.x0) / L.cell);
      const r = Math.floor((y - L.y0) / L.cell);
      if (r < 0 || c < 0 || r >= L.rows || c >= L.cols) {
        tip.hidden = true;
        last = '';
        return;
      }
      if (last === `${r},${c}` && !tip.hidden) return;
      last = `${r},${c}`;
      tip.textContent = onCell({ r, c });
      tip.hidden = false;
      tip.dataset.row = String(r);
      tip.dataset.col = String(c);
      const wrap = tip.parentElement!.getBoundingClientRect();
      const left = Math.min(rect.left - wrap.left + L.x0 + (c + 1) * L.cell + 8, wrap.width - tip.offsetWidth - 4);
      let top = rect.top - wrap.top + L.y0 + (r + 1) * L.cell + 6;
      // Near the bottom edge, above the cell instead (the wrapper clips what overflows).
      if (top + tip.offsetHeight > wrap.height) top = rect.top - wrap.top + L.y0 + r * L.cell - tip.offsetHeight - 6;
      tip.style.left = `${Math.max(0, left)}px`;
      tip.style.top = `${top}px`;
    });
    canvas.addEventListener('mouseleave', () => {
      tip.hidden = true;
      last = '';
    });
  }
}
