/**
 * Text laid out as it reads (lines, spaces kept), each character its own cell whose background shows a value:
 * the gate view's per-character heatmaps and the gradient lab's. Colours are theme variables mixed with
 * transparency (color-mix), so a theme change recolours without a redraw; only draws what it is given.
 */
import { h } from '../common/vscode';

/** How strongly a cell is tinted at |value| = 1 (the text stays readable on the strongest tint). */
const MAX_TINT = 62;

/** A background of `colourVar` at strength |t| ∈ [0, 1]. */
export function tint(colourVar: string, t: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, Math.abs(t))) * MAX_TINT);
  return `color-mix(in srgb, var(${colourVar}) ${pct}%, transparent)`;
}

/** How a character is written in a cell: a newline as ↵ (then the line breaks), a tab as ⇥. */
export function visibleChar(ch: string): string {
  return ch === '\n' ? '↵' : ch === '\t' ? '⇥' : ch;
}

/**
 * The characters as lines of cells; `paint(p)` gives cell p's background (or undefined for none). Each cell has
 * `data-p` = its position, for hover and click handlers on the container.
 */
export function charText(tokens: readonly string[], paint: (p: number) => string | undefined, cls = ''): HTMLElement {
  const box = h('div', { class: `char-text ${cls}`.trim() });
  let line = h('div', { class: 'char-line' });
  tokens.forEach((ch, p) => {
    const cell = h('span', { class: 'char-cell', 'data-p': p }, visibleChar(ch));
    const bg = paint(p);
    if (bg) cell.style.backgroundColor = bg;
    line.append(cell);
    if (ch === '\n') {
      box.append(line);
      line = h('div', { class: 'char-line' });
    }
  });
  box.append(line);
  return box;
}

/** The position of the cell under an event (from `data-p`), or undefined. */
export function cellAt(ev: Event): number | undefined {
  const el = (ev.target as HTMLElement | null)?.closest?.('.char-cell') as HTMLElement | null;
  const p = el?.dataset.p;
  return p === undefined ? undefined : Number(p);
}

/** A legend: a few swatches from `from` to `to` with their labels. */
export function legend(items: readonly { label: string; bg: string }[]): HTMLElement {
  return h('div', { class: 'char-legend' }, ...items.map((it) => {
    const sw = h('span', { class: 'char-swatch' });
    sw.style.backgroundColor = it.bg;
    return h('span', { class: 'char-legend-item' }, sw, it.label);
  }));
}
