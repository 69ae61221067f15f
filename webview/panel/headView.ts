/**
 * The Head View (after bertviz): the text's tokens in two columns, the query on the left and the keys on the right,
 * a line from each query to each key whose opacity is the attention weight, one colour per head. Pick the layer,
 * switch heads on and off, hover a token to see only its attention (a query's lines out, or a key's lines in), and
 * open the Neuron View or Step Through at a token. Draws only: every weight comes from the host.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/heads.css';
import type { HeadsPanelData, HeadsViewId } from '../../src/shared/views/heads';
import { h, onThemeChange, setChildren } from '../common/vscode';
import { context2d, sizeCanvas } from './canvas';
import { canvasSource, exportButtons } from './export';
import { tokenLabel } from './heatmap';
import { attentionColours, headColour, n3 } from './vectorBars';
import type { PanelViewModule, ViewContext, ViewFactory } from './viewModule';

const ROW = 20;
const TOP = 26;
const LABEL_W = 120;
const GAP = 260;

type Side = 'query' | 'key';
interface Hover {
  side: Side;
  index: number;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The status line: the text's size, the model's shape and direction, and what it could not read. */
export function headsSummary(d: Pick<HeadsPanelData, 'tokens' | 'layers' | 'heads' | 'causal' | 'lowercased' | 'unknown'>): string {
  const parts = [`${plural(d.tokens.length, 'token')}, ${plural(d.layers, 'layer')} × ${plural(d.heads, 'head')}, ${d.causal ? 'causal (a token attends to itself and earlier tokens)' : 'bidirectional (a masked language model: no mask)'}.`];
  if (d.lowercased) parts.push('Lowercased: the model never saw capitals.');
  if (d.unknown.length) parts.push(`Not in the vocabulary: ${d.unknown.slice(0, 6).map((u) => `“${u}”`).join(', ')}.`);
  return parts.join(' ');
}

/** A select of `count` options "<label> 1"…, calling onChange with the index chosen. */
export function numberedSelect(id: string, label: string, options: string[], selected: number, onChange: (i: number) => void): HTMLElement {
  const el = h('vscode-single-select', { id, 'aria-label': label }, ...options.map((o, i) => h('vscode-option', { value: String(i), selected: i === selected }, o)));
  el.addEventListener('change', () => {
    const i = Number((el as unknown as { value: string }).value);
    if (Number.isInteger(i) && i >= 0 && i < options.length) onChange(i);
  });
  return el;
}

/** Ask the host to open one of the three views at a token (errors go to `status`). */
export function openAt(ctx: ViewContext, status: HTMLElement, d: { dir: string; text: string }, view: HeadsViewId, at: { layer?: number; head?: number; position?: number }): void {
  ctx.host.request('heads.open', { view, dir: d.dir, text: d.text, ...at }, 120_000).catch((e) => {
    status.textContent = errorText(e);
    status.classList.add('error');
  });
}

class HeadView implements PanelViewModule<'attn-heads'> {
  private data: HeadsPanelData | undefined;
  private layer = 0;
  private on: boolean[] = [];
  private hover: Hover | undefined;
  private pinned: Hover | undefined;
  private readonly title = h('h2', { id: 'heads-title' }, 'Head view');
  private readonly status = h('p', { class: 'muted heads-status', id: 'heads-status' });
  private readonly layerHost = h('span', { class: 'heads-select' });
  private readonly toggles = h('span', { class: 'heads-toggles', id: 'heads-toggles', role: 'group', 'aria-label': 'Heads shown' });
  private readonly canvas = h('canvas', { class: 'heads-canvas', id: 'heads-canvas', role: 'img', 'aria-label': 'Attention lines from each query token (left) to each key token (right)' });
  private readonly tip = h('div', { class: 'heads-tip', id: 'heads-tip', hidden: true });
  private readonly actions = h('span', { class: 'heads-actions' });
  private readonly empty = h('p', { class: 'empty', id: 'heads-empty' }, 'Select a few words in a note and run “ML Study: Show Attention Head View for Selection”, or use the Head view button of the Attention view.');

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    const hint = h('p', { class: 'muted heads-hint' }, 'Left: the query token (the one being computed); right: the keys it attends to. A line’s opacity grows with the attention weight (√weight, so that small weights stay visible); one colour per head. Hover a token to see only its attention; click one to keep it.');
    const controls = h('div', { class: 'heads-controls' }, h('span', { class: 'muted' }, 'Layer'), this.layerHost, h('span', { class: 'muted' }, 'Heads'), this.toggles, h('span', { class: 'spacer' }), this.actions);
    const wrap = h('div', { class: 'heads-wrap' }, this.canvas, this.tip);
    const save = exportButtons(ctx, canvasSource(this.canvas, () => this.draw(), { name: 'head-view', alt: () => `Attention head view, layer ${this.layer + 1}` }), 'heads-export');
    setChildren(root, this.empty, this.title, this.status, controls, hint, wrap, save);
    this.canvas.addEventListener('mousemove', (ev) => this.onMove(ev));
    this.canvas.addEventListener('mouseleave', () => this.setHover(undefined));
    this.canvas.addEventListener('click', (ev) => {
      const hit = this.hit(ev);
      this.pinned = hit && this.pinned && hit.side === this.pinned.side && hit.index === this.pinned.index ? undefined : hit;
      this.renderActions();
      this.draw();
    });
    onThemeChange(() => this.draw());
  }

  show(data: HeadsPanelData): void {
    const reshaped = !this.data || this.data.layers !== data.layers || this.data.heads !== data.heads;
    this.data = data;
    if (reshaped) {
      this.layer = Math.min(this.layer, data.layers - 1);
      this.on = Array.from({ length: data.heads }, () => true);
    }
    this.hover = undefined;
    this.pinned = undefined;
    this.root.classList.add('heads-has-data');
    this.title.textContent = `Head view — ${data.name}${data.kind === 'mlm' ? ' (masked language model)' : ''}`;
    this.status.textContent = headsSummary(data);
    this.status.classList.remove('error');
    setChildren(this.layerHost, numberedSelect('heads-layer', 'Layer', Array.from({ length: data.layers }, (_, i) => `Layer ${i + 1}`), this.layer, (i) => {
      this.layer = i;
      this.draw();
    }));
    this.renderToggles();
    this.renderActions();
    Object.assign(this.root.dataset, { tokens: String(data.tokens.length), layers: String(data.layers), heads: String(data.heads), model: data.name });
    this.draw();
  }

  redraw(): void {
    this.draw();
  }

  private renderToggles(): void {
    const d = this.data!;
    const buttons = Array.from({ length: d.heads }, (_, hd) => {
      const b = h('button', { class: 'heads-toggle', 'data-head': String(hd), 'aria-pressed': String(this.on[hd]), title: `Head ${hd + 1}: show or hide its lines` }, h('span', { class: 'heads-swatch' }), `Head ${hd + 1}`);
      (b.firstChild as HTMLElement).style.background = headColour(hd);
      b.addEventListener('click', () => {
        this.on[hd] = !this.on[hd];
        b.setAttribute('aria-pressed', String(this.on[hd]));
        this.draw();
      });
      return b;
    });
    const all = h('button', { class: 'heads-toggle heads-all', id: 'heads-all', title: 'Show every head' }, 'All');
    all.addEventListener('click', () => {
      this.on = this.on.map(() => true);
      this.renderToggles();
      this.draw();
    });
    setChildren(this.toggles, ...buttons, all);
  }

  /** Buttons that open the other views at the kept (or last) query token. */
  private renderActions(): void {
    const d = this.data;
    if (!d) return;
    const position = this.pinned?.side === 'query' ? this.pinned.index : d.tokens.length - 1;
    const head = Math.max(0, this.on.indexOf(true));
    const label = `“${tokenLabel(d.tokens[position])}”`;
    setChildren(
      this.actions,
      h('vscode-button', { id: 'heads-to-neuron', secondary: true, title: `The numbers of softmax(QKᵀ/√d_k)V for ${label}`, onclick: () => openAt(this.ctx, this.status, d, 'attn-neuron', { layer: this.layer, head, position }) }, `Neuron view of ${label}`),
      h('vscode-button', { id: 'heads-to-step', secondary: true, title: `Follow ${label} through the whole model`, onclick: () => openAt(this.ctx, this.status, d, 'attn-step', { position }) }, `Step through ${label}`),
    );
  }

  private geometry(): { width: number; height: number; left: number; right: number } {
    const n = this.data?.tokens.length ?? 0;
    const width = LABEL_W * 2 + GAP;
    return { width, height: TOP + n * ROW + 8, left: LABEL_W, right: LABEL_W + GAP };
  }

  private hit(ev: MouseEvent): Hover | undefined {
    const d = this.data;
    if (!d) return undefined;
    const r = this.canvas.getBoundingClientRect();
    const x = ev.clientX - r.left;
    const y = ev.clientY - r.top;
    const { left, right } = this.geometry();
    const index = Math.floor((y - TOP) / ROW);
    if (index < 0 || index >= d.tokens.length) return undefined;
    if (x <= left + 6) return { side: 'query', index };
    if (x >= right - 6) return { side: 'key', index };
    return undefined;
  }

  private onMove(ev: MouseEvent): void {
    const hit = this.hit(ev);
    this.setHover(hit);
    if (!hit) return;
    const r = this.canvas.getBoundingClientRect();
    this.tip.textContent = this.tipText(hit);
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(ev.clientX - r.left + 14, r.width - 40)}px`;
    this.tip.style.top = `${ev.clientY - r.top + 14}px`;
  }

  private setHover(hit: Hover | undefined): void {
    if (!hit) this.tip.hidden = true;
    if (hit?.side === this.hover?.side && hit?.index === this.hover?.index) return;
    this.hover = hit;
    this.root.dataset.hover = hit ? `${hit.side}:${hit.index}` : '';
    this.draw();
  }

  /** For a hovered token: each shown head's strongest link (from a query, or into a key). */
  private tipText(hit: Hover): string {
    const d = this.data!;
    const maps = d.attention[this.layer];
    const parts = maps.flatMap((m, hd) => {
      if (!this.on[hd]) return [];
      const row = hit.side === 'query' ? m[hit.index] : m.map((r) => r[hit.index]);
      let best = 0;
      row.forEach((w, j) => {
        if (w > row[best]) best = j;
      });
      return [`H${hd + 1} ${hit.side === 'query' ? '→' : '←'} “${tokenLabel(d.tokens[best])}” ${n3(row[best])}`];
    });
    return `“${tokenLabel(d.tokens[hit.index])}” (${hit.index + 1}) as ${hit.side}: ${parts.join(' · ') || 'no head shown'}`;
  }

  private draw(): void {
    const d = this.data;
    if (!d) return;
    const col = attentionColours();
    const { width, height, left, right } = this.geometry();
    sizeCanvas(this.canvas, width, height);
    const ctx = context2d(this.canvas, col);
    const focus = this.hover ?? this.pinned;
    const y = (i: number) => TOP + i * ROW + ROW / 2;
    ctx.font = `12px ${col.font}`;
    ctx.fillStyle = col.fg;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.fillText('query', left - 6, TOP / 2);
    ctx.textAlign = 'left';
    ctx.fillText('key', right + 6, TOP / 2);
    const maps = d.attention[this.layer] ?? [];
    const shown = this.on.filter(Boolean).length || 1;
    let lines = 0;
    // Each head's lines at an opacity of √weight (a weight of 0.04, uniform over 25 keys, still shows), thinner when
    // many heads overlap.
    maps.forEach((m, hd) => {
      if (!this.on[hd]) return;
      ctx.strokeStyle = headColour(hd);
      ctx.lineWidth = shown > 2 ? 1.5 : 2;
      m.forEach((row, i) => row.forEach((w, j) => {
        if (w < 0.01) return;
        if (focus && (focus.side === 'query' ? i !== focus.index : j !== focus.index)) return;
        ctx.globalAlpha = Math.min(1, Math.sqrt(w));
        ctx.beginPath();
        ctx.moveTo(left + 4, y(i));
        ctx.lineTo(right - 4, y(j));
        ctx.stroke();
        lines++;
      }));
    });
    ctx.globalAlpha = 1;
    d.tokens.forEach((t, i) => {
      for (const side of ['query', 'key'] as Side[]) {
        const active = focus?.side === side && focus.index === i;
        const x = side === 'query' ? left - 6 : right + 6;
        ctx.textAlign = side === 'query' ? 'right' : 'left';
        ctx.font = `${active ? 'bold ' : ''}13px ${col.mono}`;
        if (active) {
          ctx.fillStyle = col.accent;
          ctx.globalAlpha = 0.25;
          ctx.fillRect(side === 'query' ? 0 : right, y(i) - ROW / 2 + 1, LABEL_W, ROW - 2);
          ctx.globalAlpha = 1;
        }
        ctx.fillStyle = col.fg;
        ctx.fillText(tokenLabel(t), x, y(i));
      }
    });
    Object.assign(this.root.dataset, { layer: String(this.layer), headsOn: this.on.map((o, i) => (o ? i : -1)).filter((i) => i >= 0).join(','), lines: String(lines), drawn: String(Number(this.root.dataset.drawn ?? 0) + 1) });
  }
}

export const headView: ViewFactory<'attn-heads'> = (root, ctx) => new HeadView(root, ctx);
