/**
 * The word2vec stepper view: the current update of SGNS or CBOW on the user's sentences — centre, context,
 * negatives, each target's dot product, σ, loss term and gradient, the change applied — as a table, as colour rows
 * of the input and output matrices (before → after, gradients → applied change), as the objective with the numbers
 * substituted (rendered by the host), and as a PCA map of the vocabulary where the moved vectors leave arrows.
 * Step 1 / 10 / 100 / to the end of the epoch, reset, settings, and a watched word's nearest neighbours. Every
 * number drawn comes from the engine's frame, sent by the host; this module only draws and asks.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/w2vStep.css';
import type { MapPoint, StepAmount, StepRecord, W2vStepPanelData } from '../../src/shared/views/w2vStep';
import { formatNumber, h, onThemeChange, setChildren, themeVar } from '../common/vscode';
import { baseColours, context2d, makeCanvas, rgbOf, sizeCanvas } from './canvas';
import type { ViewContext, ViewFactory } from './viewModule';
import { svgImage } from './explainView';

const MAP_W = 420;
const MAP_H = 340;
const LABEL_W = 150;
const CELL_W = 46;
const CELL_H = 20;
/** The numeric settings the view offers, with their labels. */
const NUMBERS: [string, string][] = [['window', 'Window'], ['negative', 'Negatives k'], ['dim', 'Dimensions'], ['lr', 'Learning rate'], ['epochs', 'Epochs'], ['seed', 'Seed']];
const STEPS: [StepAmount, string, string][] = [[1, 'Step', 'One update'], [10, '+10', 'Ten updates'], [100, '+100', 'A hundred updates'], ['epoch', 'To end of epoch', 'Every update left in this pass over the sentences']];

type Valued = HTMLElement & { value: string };

function colours() {
  const base = baseColours();
  const c = {
    ...base,
    pos: base.blue,
    neg: base.orange,
    current: themeVar('--vscode-charts-red', '#f14c4c'),
    output: themeVar('--vscode-charts-purple', '#b180d7'),
    mono: themeVar('--vscode-editor-font-family', 'monospace'),
  };
  return { ...c, rgb: { bg: rgbOf(c.bg), pos: rgbOf(c.pos), neg: rgbOf(c.neg), fg: rgbOf(c.fg) } };
}
type Colours = ReturnType<typeof colours>;

/** 3 significant digits, for cells and tables. */
const n3 = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 0.001 && Math.abs(x) < 1000 ? x.toPrecision(3).replace(/^(-?)0\./, '$1.') : x.toExponential(1));

/** One row of a vector picture: a label, an optional group line above it, and the numbers. */
interface VectorRow {
  label: string;
  values: number[];
  group?: string;
  highlight?: boolean;
}

/** Rows of numbers as diverging colour cells (blue +, orange −, the same scale for every row), numbers inside. */
function drawRows(canvas: HTMLCanvasElement, rows: VectorRow[], col: Colours): void {
  const dim = rows.reduce((m, r) => Math.max(m, r.values.length), 0);
  const groups = rows.filter((r) => r.group).length;
  const width = LABEL_W + dim * CELL_W + 8;
  const height = rows.length * CELL_H + groups * 18 + 4;
  sizeCanvas(canvas, width, height);
  const ctx = context2d(canvas, col);
  const max = rows.reduce((m, r) => r.values.reduce((a, v) => Math.max(a, Math.abs(v)), m), 0) || 1;
  ctx.textBaseline = 'middle';
  let y = 2;
  for (const r of rows) {
    if (r.group) {
      ctx.fillStyle = col.dim;
      ctx.font = `600 11px ${col.font}`;
      ctx.textAlign = 'left';
      ctx.fillText(r.group, 2, y + 10);
      y += 18;
    }
    ctx.fillStyle = r.highlight ? col.fg : col.dim;
    ctx.font = `12px ${col.font}`;
    ctx.textAlign = 'right';
    ctx.fillText(r.label, LABEL_W - 8, y + CELL_H / 2);
    r.values.forEach((v, j) => {
      const a = Math.min(1, Math.abs(v) / max);
      const c = v >= 0 ? col.rgb.pos : col.rgb.neg;
      const rgb = col.rgb.bg.map((b, ch) => Math.round(b + 0.85 * a * (c[ch] - b)));
      ctx.fillStyle = `rgb(${rgb.join(',')})`;
      const x = LABEL_W + j * CELL_W;
      ctx.fillRect(x, y + 1, CELL_W - 2, CELL_H - 2);
      // text in the foreground colour, or the background's where the cell is strongly coloured
      ctx.fillStyle = a > 0.6 ? col.bg : col.fg;
      ctx.font = `10px ${col.mono}`;
      ctx.textAlign = 'center';
      ctx.fillText(n3(v), x + (CELL_W - 2) / 2, y + CELL_H / 2);
    });
    y += CELL_H;
  }
}

/** The matrix rows the update moved: before and after, input rows (v) first, then the output rows (u). */
function matrixRows(d: W2vStepPanelData): VectorRow[] {
  const out: VectorRow[] = [];
  for (const r of d.frame.rows) {
    const name = `${r.matrix === 'input' ? 'v' : 'u'}(${r.word})`;
    const role = r.role === 'centre' ? 'centre word: input vector v' : r.role === 'context' ? 'context word: input vector v' : r.role === 'positive' ? 'positive target: output vector u' : 'negative sample: output vector u';
    out.push({ label: `${name} before`, values: r.before, group: `${r.word} — ${role}` });
    out.push({ label: `after`, values: r.after, highlight: true });
  }
  return out;
}

/** The gradients of the update and the changes it applied. */
function gradientRows(r: StepRecord): VectorRow[] {
  const x = r.arch === 'sgns' ? `v(${r.center})` : 'h';
  const out: VectorRow[] = [
    { label: `${x}`, values: r.input, group: r.arch === 'sgns' ? 'input x = v_c' : `input x = h, the mean of ${r.context.length} context vectors` },
    { label: `∂L/∂${x}`, values: r.inputGrad },
    { label: `applied Δv`, values: r.inputApplied, highlight: true },
  ];
  for (const t of r.targets) {
    out.push({ label: `∂L/∂u = (σ−${t.label})·x`, values: t.grad, group: `${t.word} (${t.label ? 'positive' : 'negative'})` });
    out.push({ label: 'applied Δu', values: t.applied, highlight: true });
  }
  return out;
}

/** The map: arrows from each shown vector's position before the last request to its position now. */
function drawMap(canvas: HTMLCanvasElement, points: MapPoint[], col: Colours): string {
  const ctx = context2d(canvas, col);
  if (!points.length) return '';
  const xs = points.flatMap((p) => [p.x, p.x0]);
  const ys = points.flatMap((p) => [p.y, p.y0]);
  const [xmin, xmax, ymin, ymax] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 28;
  const sx = (MAP_W - 2 * pad) / (xmax - xmin || 1);
  const sy = (MAP_H - 2 * pad) / (ymax - ymin || 1);
  const px = (x: number, y: number): [number, number] => [pad + (x - xmin) * sx, MAP_H - pad - (y - ymin) * sy];
  // Moves too short to see are drawn longer, by one factor for all, and the caption says so.
  const longest = points.reduce((m, p) => Math.max(m, Math.hypot((p.x - p.x0) * sx, (p.y - p.y0) * sy)), 0);
  const magnify = longest > 0 && longest < 14 ? 14 / longest : 1;
  for (const p of points) {
    const [x1, y1] = px(p.x, p.y);
    const dx = (p.x - p.x0) * sx * magnify;
    const dy = -(p.y - p.y0) * sy * magnify;
    const colour = p.current ? col.current : p.matrix === 'output' ? col.output : col.pos;
    if (Math.hypot(dx, dy) > 0.5) arrow(ctx, x1 - dx, y1 - dy, x1, y1, colour, p.current ? 2 : 1.2);
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    if (p.matrix === 'output') {
      ctx.lineWidth = 1.5;
      ctx.rect(x1 - 3.5, y1 - 3.5, 7, 7);
      ctx.stroke();
    } else {
      ctx.arc(x1, y1, p.current ? 4.5 : 3, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  drawLabels(ctx, points, px, col);
  return magnify > 1 ? ` (arrows drawn ×${magnify.toFixed(magnify < 10 ? 1 : 0)} longer)` : '';
}

/**
 * Word labels beside their points, the moved vectors' first (in bold); a label that would overlap one already
 * placed tries below and to the left of its point, and is left out when no place is free (its point stays).
 */
function drawLabels(ctx: CanvasRenderingContext2D, points: MapPoint[], px: (x: number, y: number) => [number, number], col: Colours): void {
  const placed: [number, number, number, number][] = [];
  const free = (b: [number, number, number, number]) => b[0] >= 0 && b[2] <= MAP_W && b[1] >= 0 && b[3] <= MAP_H && placed.every((o) => b[2] < o[0] || b[0] > o[2] || b[3] < o[1] || b[1] > o[3]);
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  const order = [...points.filter((p) => p.current), ...points.filter((p) => !p.current && p.matrix === 'input')];
  for (const p of order) {
    const [x, y] = px(p.x, p.y);
    const text = p.matrix === 'output' ? `u:${p.word}` : p.word;
    ctx.font = `${p.current ? '600 ' : ''}11px ${col.font}`;
    const w = ctx.measureText(text).width;
    const spots: [number, number][] = [[x + 6, y - 14], [x + 6, y + 2], [x - 6 - w, y - 14], [x - 6 - w, y + 2]];
    const at = spots.map(([lx, ly]) => [lx, ly, lx + w, ly + 12] as [number, number, number, number]).find(free);
    if (!at) continue;
    placed.push(at);
    ctx.fillStyle = p.current ? col.fg : col.dim;
    ctx.fillText(text, at[0], at[1]);
  }
}

function arrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, colour: string, width: number): void {
  const a = Math.atan2(y1 - y0, x1 - x0);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = width;
  ctx.globalAlpha = 0.85;
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 7 * Math.cos(a - 0.4), y1 - 7 * Math.sin(a - 0.4));
  ctx.lineTo(x1 - 7 * Math.cos(a + 0.4), y1 - 7 * Math.sin(a + 0.4));
  ctx.closePath();
  ctx.fill();
  ctx.globalAlpha = 1;
}

class W2vStepView {
  private data: W2vStepPanelData | undefined;
  private drawnStamp = -1;
  private readonly status = h('span', { id: 'w2v-step-status', class: 'w2v-status' });
  private readonly source = h('div', { class: 'muted', id: 'w2v-step-source' });
  private readonly errorEl = h('div', { id: 'w2v-step-error', class: 'w2v-error', role: 'alert' });
  private readonly fields: Record<string, Valued> = {};
  private readonly update = h('div', { class: 'w2v-update', id: 'w2v-step-update' });
  private readonly targets = h('div', { class: 'w2v-targets', id: 'w2v-step-targets' });
  private readonly formula = h('div', { class: 'w2v-formula', id: 'w2v-step-formula' });
  private readonly matrices = makeCanvas('w2v-rows', 300, 100, 'w2v-step-matrices');
  private readonly gradients = makeCanvas('w2v-rows', 300, 100, 'w2v-step-gradients');
  private readonly map = makeCanvas('w2v-map', MAP_W, MAP_H, 'w2v-step-map');
  private readonly mapNote = h('div', { class: 'w2v-caption muted', id: 'w2v-step-map-note' });
  private readonly watchField: Valued;
  private readonly neighbours = h('ol', { class: 'w2v-neighbours', id: 'w2v-step-neighbours' });

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    root.classList.add('w2v-step');
    const stepBtns = STEPS.map(([n, label, title], i) =>
      h('vscode-button', { id: `w2v-step-${n}`, secondary: i > 0, icon: i === 0 ? 'debug-step-over' : undefined, title, onclick: () => void this.ask(() => this.ctx.host.request('w2vStep.step', { steps: n })) }, label),
    );
    const reset = h('vscode-button', { id: 'w2v-step-reset', secondary: true, icon: 'debug-restart', title: 'Back to the initial vectors', onclick: () => void this.ask(() => this.ctx.host.request('w2vStep.reset', {})) }, 'Reset');
    const arch = h('vscode-single-select', { id: 'w2v-step-arch', 'aria-label': 'Objective' }, h('vscode-option', { value: 'sgns' }, 'Skip-gram (SGNS)'), h('vscode-option', { value: 'cbow' }, 'CBOW')) as Valued;
    arch.addEventListener('change', () => this.configure());
    this.fields.arch = arch;
    for (const [name, label] of NUMBERS) {
      const f = h('vscode-textfield', { id: `w2v-step-${name}`, 'aria-label': label, class: 'w2v-number' }) as Valued;
      f.addEventListener('change', () => this.configure());
      f.addEventListener('keydown', (ev) => (ev as KeyboardEvent).key === 'Enter' && this.configure());
      this.fields[name] = f;
    }
    this.watchField = h('vscode-textfield', { id: 'w2v-step-watch', 'aria-label': 'Watch a word', placeholder: 'a word of the text' }) as Valued;
    const watch = () => void this.ask(() => this.ctx.host.request('w2vStep.watch', { word: this.watchField.value }));
    this.watchField.addEventListener('change', watch);
    this.watchField.addEventListener('keydown', (ev) => (ev as KeyboardEvent).key === 'Enter' && watch());
    const labelled = (label: string, el: HTMLElement) => h('label', { class: 'w2v-labelled' }, h('span', {}, label), el);
    const figure = (title: string, ...body: HTMLElement[]) => h('figure', { class: 'w2v-figure' }, h('figcaption', {}, title), ...body);
    setChildren(
      root,
      h('h2', {}, 'word2vec, one update at a time'),
      this.source,
      h('div', { class: 'w2v-controls' }, ...stepBtns, reset, this.status),
      h('div', { class: 'w2v-controls' }, labelled('Objective', arch), ...NUMBERS.map(([name, label]) => labelled(label, this.fields[name]))),
      this.errorEl,
      h('p', { class: 'w2v-empty muted' }, 'Run “ML Study: Step Through word2vec” on a selection or a note, or follow the link in the hover of an SGNS or CBOW formula.'),
      this.update,
      this.targets,
      this.formula,
      h('div', { class: 'w2v-figures' },
        figure('Rows of the input (v) and output (u) matrices this update moved: before → after (blue +, orange −)', this.matrices),
        figure('Gradients and the change applied (Δ = −η · gradient)', this.gradients),
      ),
      h('div', { class: 'w2v-figures' },
        figure('PCA of the word vectors v (dots) and of this update’s output vectors u (squares): arrows from before the last step to now', this.map, this.mapNote),
        figure('Nearest neighbours (cosine of the vectors v)', labelled('Watch a word', this.watchField), this.neighbours),
      ),
    );
    onThemeChange(() => this.redraw());
  }

  /** Send a request; its answer (also pushed by the host) is drawn, its error shown. */
  private async ask(req: () => Promise<W2vStepPanelData>): Promise<void> {
    this.errorEl.textContent = '';
    try {
      this.show(await req());
    } catch (e) {
      this.errorEl.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private configure(): void {
    const settings: Record<string, unknown> = { arch: this.fields.arch.value };
    for (const [name] of NUMBERS) settings[name] = this.fields[name].value.trim();
    void this.ask(() => this.ctx.host.request('w2vStep.configure', { settings }));
  }

  /** What was drawn last (the host asks, in tests). */
  drawn(): { stamp: number; updatesDone: number; center: string | null; loss: number | null } {
    const r = this.data?.frame.record;
    return { stamp: this.drawnStamp, updatesDone: this.data?.frame.updatesDone ?? 0, center: r?.center ?? null, loss: r?.loss ?? null };
  }

  show(d: W2vStepPanelData): void {
    if (d.stamp <= this.drawnStamp && this.data) return;
    this.data = d;
    this.drawnStamp = d.stamp;
    for (const [name, el] of Object.entries(this.fields)) {
      if (el === document.activeElement || el.contains(document.activeElement)) continue;
      const v = String((d.frame.settings as Record<string, unknown>)[name] ?? '');
      if (el.value !== v) el.value = v;
    }
    if (d.frame.watch && document.activeElement !== this.watchField) this.watchField.value = d.frame.watch.word;
    this.errorEl.textContent = d.error ?? '';
    this.redraw();
  }

  redraw(): void {
    const d = this.data;
    if (!d) return;
    const f = d.frame;
    const col = colours();
    this.root.classList.add('w2v-has-data');
    this.root.dataset.updates = String(f.updatesDone);
    this.root.dataset.stamp = String(d.stamp);
    this.source.textContent = `On ${d.source}: ${f.sentences} sentence${f.sentences === 1 ? '' : 's'}, ${f.tokens} words, ${f.vocabulary} distinct · ${f.settings.arch === 'sgns' ? 'skip-gram' : 'CBOW'}, window ${f.settings.window}, k = ${f.settings.negative}, ${f.settings.dim} dimensions`;
    const r = f.record;
    const batch = f.batch > 1 && f.batchLoss !== null ? ` · mean loss of the last ${f.batch}: ${formatNumber(f.batchLoss)}` : '';
    this.status.textContent = r ? `update ${f.updatesDone} · epoch ${r.epoch} of ${f.settings.epochs} · η = ${n3(r.lr)} · loss ${formatNumber(r.loss)}${batch}${f.done ? ' · every epoch done' : ''}` : 'update 0: the initial vectors (u all zero)';
    this.drawUpdate(r);
    this.drawTargets(r);
    setChildren(this.formula, d.svg ? svgImage(d.svg, r?.formula ?? '', 'w2v-formula-img') : d.renderError ? h('pre', {}, r?.formula ?? '', '\n', `(${d.renderError})`) : null);
    drawRows(this.matrices, r ? matrixRows(d) : [], col);
    drawRows(this.gradients, r ? gradientRows(r) : [], col);
    this.mapNote.textContent = `${f.map.filter((p) => p.matrix === 'input').length} word vectors shown (the most frequent and this update's)${drawMap(this.map, f.map, col)}`;
    const nb = f.watch?.neighbours ?? [];
    setChildren(this.neighbours, ...nb.map((n) => h('li', {}, h('span', { class: 'w2v-nb-word' }, n.word), bar(n.similarity), h('span', { class: 'w2v-nb-sim' }, n.similarity.toFixed(3)))));
  }

  private drawUpdate(r: StepRecord | null | undefined): void {
    if (!r) {
      setChildren(this.update);
      return;
    }
    const word = (w: string, cls: string) => h('span', { class: `w2v-word ${cls}` }, w);
    const line =
      r.arch === 'sgns'
        ? [h('span', {}, 'centre '), word(r.center, 'w2v-centre'), h('span', {}, ' predicts context '), word(r.context[0], 'w2v-context')]
        : [h('span', {}, 'context '), ...r.context.map((w) => word(w, 'w2v-context')), h('span', {}, ` (averaged: h) predicts centre `), word(r.center, 'w2v-centre')];
    setChildren(this.update, ...line, h('span', {}, ` against k = ${r.negatives.length} negatives `), ...r.negatives.map((w) => word(w, 'w2v-negative')), h('span', { class: 'muted' }, ` · epoch ${r.epoch}, sentence ${r.sentence + 1}`));
  }

  private drawTargets(r: StepRecord | null | undefined): void {
    if (!r) {
      setChildren(this.targets);
      return;
    }
    const x = r.arch === 'sgns' ? 'v_c' : 'h';
    const head = h('tr', {}, ...['target', 'label', `u·${x}`, `σ(u·${x})`, 'loss term', '‖∂L/∂u‖', '‖Δu‖'].map((t) => h('th', {}, t)));
    const norm = (v: number[]) => Math.hypot(...v);
    const rows = r.targets.map((t) =>
      h('tr', { class: t.label ? 'w2v-pos' : 'w2v-negrow' }, h('td', {}, t.word), h('td', {}, t.label ? '1 real' : '0 noise'), h('td', {}, n3(t.dot)), h('td', {}, n3(t.sigma)), h('td', {}, n3(t.loss)), h('td', {}, n3(norm(t.grad))), h('td', {}, n3(norm(t.applied)))),
    );
    const total = h('tr', { class: 'w2v-total' }, h('td', {}, 'loss L'), h('td'), h('td'), h('td'), h('td', {}, n3(r.loss)), h('td'), h('td'));
    const input = h('div', { class: 'w2v-input-note muted' }, `input ${r.arch === 'sgns' ? `v_c = v(${r.center})` : 'h = mean of the context vectors'}: ‖∂L/∂${x}‖ = ${n3(norm(r.inputGrad))}, ‖Δv‖ = ${n3(norm(r.inputApplied))} (η = ${n3(r.lr)})`);
    setChildren(this.targets, h('table', { class: 'w2v-table' }, h('thead', {}, head), h('tbody', {}, ...rows, total)), input);
  }
}

/** A bar as long as the similarity is above −1 (0 at −1, full at 1). */
function bar(similarity: number): HTMLElement {
  const outer = h('span', { class: 'w2v-nb-bar' });
  const inner = h('span', { class: 'w2v-nb-fill' });
  inner.style.width = `${Math.max(0, Math.min(100, 50 * (similarity + 1)))}%`;
  outer.append(inner);
  return outer;
}

export const w2vStepView: ViewFactory<'w2vStep'> = (root, ctx) => {
  const v = new W2vStepView(root, ctx);
  return { show: (data) => v.show(data), redraw: () => v.redraw(), answers: { 'w2vStep.drawn': () => v.drawn() } };
};
