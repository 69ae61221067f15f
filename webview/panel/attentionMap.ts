/**
 * One attention map of the Attention view, used for both the Transformer's self-attention and the seq2seq
 * alignment: a header, a text box to compute the map of a typed text, a status line, a hint, and the heatmap with
 * its hover tooltip (optionally something beside it, e.g. the all-heads grid). The view supplies what to draw.
 */
import { h } from '../common/vscode';
import { bindCellHover, type Cell, drawHeatmap, type HeatmapSpec, type Layout } from './heatmap';
import { canvasSource, exportButtons } from './export';
import type { ViewContext } from './viewModule';

/** A map's element ids (tests and styles find the parts by them) and texts. */
export interface MapLook {
  ids: { section: string; title: string; status: string; text: string; button: string; canvas: string; tip: string };
  /** The header, the button, the text box's placeholder and label, the canvas's label. */
  texts: { title: string; button: string; placeholder: string; label: string; canvas: string };
  hint: string;
}

export interface MapBehaviour {
  /** More controls after the button (e.g. layer and head selects). */
  controls?: HTMLElement[];
  /** Beside the map (e.g. the all-heads grid). */
  side?: HTMLElement;
  /** What to draw, with the hovered cell; undefined while there is nothing. */
  spec(hover: Cell | undefined): HeatmapSpec | undefined;
  /** Redraw everything that shows the hovered cell (at least this map). */
  redraw(): void;
  /** The tooltip of a cell. */
  tip(cell: Cell): string;
  /** The user asked for the map of a typed text. */
  submit(text: string): void;
  /** PNG / SVG / Insert into note buttons in the header: the file name and alt text of the picture. */
  exportAs?: { ctx: ViewContext; name: () => string; alt: () => string };
}

type Field = HTMLElement & { value: string; disabled: boolean };

export class AttentionMap {
  readonly section: HTMLElement;
  readonly wrap: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly textEl: Field;
  private readonly buttonEl: Field;
  private readonly canvas: HTMLCanvasElement;
  private readonly tipEl: HTMLElement;
  private layout: Layout | undefined;
  private lastWidth = 0;
  /** The cell under the pointer, if any. */
  hover: Cell | undefined;

  constructor(
    private readonly look: MapLook,
    private readonly opts: MapBehaviour,
  ) {
    const { ids, texts } = look;
    this.titleEl = h('h2', { id: ids.title }, texts.title);
    this.statusEl = h('p', { class: 'muted', id: ids.status, 'aria-live': 'polite' });
    this.textEl = h('vscode-textfield', { id: ids.text, class: 'attn-textbox', placeholder: texts.placeholder, 'aria-label': texts.label }) as Field;
    this.buttonEl = h('vscode-button', { id: ids.button, onclick: () => opts.submit(this.text) }, texts.button) as Field;
    this.textEl.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') opts.submit(this.text);
    });
    this.canvas = h('canvas', { id: ids.canvas, class: 'attn-heatmap', role: 'img', 'aria-label': texts.canvas });
    this.tipEl = h('div', { class: 'attn-tip', id: ids.tip, role: 'tooltip', hidden: true });
    this.wrap = h('div', { class: 'attn-wrap' }, this.canvas, this.tipEl);
    this.section = h(
      'section',
      { class: ids.section, id: ids.section, hidden: true },
      h('header', { class: 'attn-head' }, this.titleEl, ...(opts.exportAs ? [exportButtons(opts.exportAs.ctx, canvasSource(this.canvas, () => this.draw(this.lastWidth), opts.exportAs), `${ids.section}-export`)] : [])),
      h('div', { class: 'attn-controls' }, this.textEl, this.buttonEl, ...(opts.controls ?? [])),
      this.statusEl,
      h('p', { class: 'muted attn-hint' }, look.hint),
      opts.side ? h('div', { class: 'attn-body' }, this.wrap, opts.side) : this.wrap,
    );
    bindCellHover(this.canvas, this.tipEl, () => this.layout, (cell) => {
      this.hover = cell;
      opts.redraw();
      return opts.tip(cell);
    });
  }

  get text(): string {
    return String(this.textEl.value ?? '');
  }

  set text(t: string) {
    if (this.text !== t) this.textEl.value = t;
  }

  setTitle(name: string): void {
    this.titleEl.textContent = `${this.look.texts.title} — ${name}`;
  }

  setStatus(text: string, error = false): void {
    this.statusEl.textContent = text;
    this.statusEl.classList.toggle('error', error);
  }

  /** Whether the user can type a text (a model to run it through exists). */
  setInputEnabled(on: boolean): void {
    this.textEl.disabled = !on;
    this.buttonEl.disabled = !on;
  }

  /** Forget the hovered cell and hide its tooltip, or (`keep`) only refresh the tooltip's text. */
  resetHover(keep?: (cell: Cell) => boolean): void {
    if (this.hover && keep?.(this.hover)) {
      this.tipEl.textContent = this.opts.tip(this.hover);
      return;
    }
    this.hover = undefined;
    this.tipEl.hidden = true;
  }

  /** Show the section. */
  reveal(): void {
    this.section.hidden = false;
  }

  /** Draw at most `width` CSS pixels wide; false when hidden or there is nothing to draw. */
  draw(width: number): boolean {
    if (this.section.hidden || this.section.getBoundingClientRect().width === 0) return false;
    const spec = this.opts.spec(this.hover);
    if (!spec) return false;
    this.lastWidth = width;
    this.layout = drawHeatmap(this.canvas, spec, width);
    return true;
  }
}
