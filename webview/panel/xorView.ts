/**
 * The XOR playground view: the network (edges coloured by sign, as wide as |weight|), the output's decision
 * boundary over the input plane with the data, each hidden unit's own map, and the hidden space with the output
 * unit's separating line; play / pause / step / reset and the settings. Every number drawn comes from the engine's
 * snapshot, sent by the host; this module only draws and asks.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/xor.css';
import type { XorPanelData, XorSettings } from '../../src/shared/views/xor';
import type { Grid, HiddenSpace, Weights } from '../../src/core/xor/playground';
import { h, onThemeChange, setChildren, themeVar, formatNumber } from '../common/vscode';
import type { ViewContext, ViewFactory } from './viewModule';
import { type Box, boxAround, clipLine, edgeWidth, tone } from './xorGeometry';
import { context2d, makeCanvas, viewColours } from './canvas';
import { canvasSource, exportButtons } from './export';

const BIG = 280;
const SMALL = 84;
const DATASET_OPTIONS: [string, string][] = [['xor', 'XOR (4 corners)'], ['circle', 'Circle in a ring'], ['gaussians', 'Two Gaussians'], ['spiral', 'Two spirals'], ['csv', 'CSV file…']];
const ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];
/** The numeric settings the view offers, with their labels. */
const NUMBERS: [string, string][] = [['hidden', 'Hidden units'], ['lr', 'Learning rate'], ['l2', 'L2'], ['dropout', 'Dropout'], ['seed', 'Seed']];

type Valued = HTMLElement & { value: string };

function colours() {
  return viewColours((base) => ({
    one: base.blue,
    zero: base.orange,
    line: themeVar('--vscode-editor-foreground', base.fg),
    wrong: themeVar('--vscode-errorForeground', '#f14c4c'),
  }), ['bg', 'one', 'zero']);
}
type Colours = ReturnType<typeof colours>;

/**
 * Tones (n × n, row-major, each in [−1, 1]) painted over a side × side square: each cell blends the background
 * towards the class colour of its sign, as far as |tone|; the image is scaled smoothly, cell centres on the grid
 * points.
 */
function paintTones(ctx: CanvasRenderingContext2D, n: number, tones: readonly number[], side: number, col: Colours, strength = 0.8): void {
  const { bg, one, zero } = col.rgb;
  const img = new ImageData(n, n);
  for (let k = 0; k < n * n; k++) {
    const t = tones[k];
    const c = t >= 0 ? one : zero;
    const a = strength * Math.abs(t);
    for (let ch = 0; ch < 3; ch++) img.data[4 * k + ch] = Math.round(bg[ch] + a * (c[ch] - bg[ch]));
    img.data[4 * k + 3] = 255;
  }
  const off = document.createElement('canvas');
  off.width = off.height = n;
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(off, 0, 0, side, side);
}

/** A grid as tones of `toneOf` its values. */
function drawGrid(ctx: CanvasRenderingContext2D, g: Grid, side: number, col: Colours, toneOf: (v: number) => number): void {
  paintTones(ctx, g.size, g.values.map(toneOf), side, col);
}

/** Map a point of the grid's plane to canvas pixels (cell centres sit on the grid points). */
function planeToPx(g: Grid, side: number): (x: number, y: number) => [number, number] {
  const cell = side / g.size;
  const { xmin, xmax, ymin, ymax } = g.bounds;
  return (x, y) => [cell / 2 + ((x - xmin) / (xmax - xmin)) * (side - cell), cell / 2 + ((ymax - y) / (ymax - ymin)) * (side - cell)];
}

function drawPoints(ctx: CanvasRenderingContext2D, pts: readonly (readonly number[])[], labels: readonly number[], px: (x: number, y: number) => [number, number], col: Colours, predictions?: readonly number[]): void {
  const r = pts.length > 400 ? 2.5 : pts.length > 50 ? 3.5 : 6;
  ctx.lineWidth = pts.length > 50 ? 1 : 2;
  pts.forEach(([x, y], i) => {
    const [u, v] = px(x, y);
    ctx.beginPath();
    ctx.arc(u, v, r, 0, 2 * Math.PI);
    ctx.fillStyle = labels[i] === 1 ? col.one : col.zero;
    ctx.fill();
    const wrong = predictions !== undefined && (predictions[i] >= 0.5 ? 1 : 0) !== labels[i];
    ctx.strokeStyle = wrong ? col.wrong : col.fg;
    ctx.stroke();
  });
}

function hiddenTone(activation: string, g: Grid): (v: number) => number {
  if (activation === 'relu') {
    const max = g.values.reduce((m, v) => Math.max(m, v), 0);
    return (v) => tone(v, 'relu', max);
  }
  return (v) => tone(v, activation === 'sigmoid' ? 'sigmoid' : 'tanh');
}

const HIDDEN_SPACE_TITLES: Record<HiddenSpace['kind'], string> = {
  input: 'No hidden layer: the output sees the inputs themselves, and its boundary is one straight line',
  line: 'One hidden unit: the data on the line h₁, split at one point',
  plane: 'The hidden space (h₁, h₂): the data as the output unit sees it, with its line z = 0',
  projection: 'The hidden space seen by the output unit: across, the direction of its weights (its line z = 0 is exact there); up, the widest spread of the points across that direction',
};

class XorView {
  private data: XorPanelData | undefined;
  private drawnStamp = -1;
  private readonly status = h('span', { id: 'xor-status', class: 'xor-status' });
  private readonly errorEl = h('div', { id: 'xor-error', class: 'xor-error', role: 'alert' });
  private readonly playBtn: HTMLElement;
  private readonly fields: Record<string, Valued> = {};
  private readonly network = makeCanvas('xor-network', BIG, BIG, 'xor-network');
  private readonly boundary = makeCanvas('xor-boundary', BIG, BIG, 'xor-boundary');
  private readonly hiddenSpace = makeCanvas('xor-hidden-space', BIG, BIG, 'xor-hidden-space');
  private readonly hiddenTitle = h('div', { class: 'xor-caption muted', id: 'xor-hidden-space-title' });
  private readonly units = h('div', { class: 'xor-units', id: 'xor-units' });
  private readonly csvNote = h('span', { class: 'muted', id: 'xor-csv' });

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    root.classList.add('xor');
    this.playBtn = h('vscode-button', { id: 'xor-play', icon: 'play', onclick: () => void this.ask(() => this.ctx.host.request('xor.play', { playing: !this.data?.playing })) }, 'Play');
    const stepBtn = h('vscode-button', { id: 'xor-step', secondary: true, icon: 'debug-step-over', title: 'Pause and make one update', onclick: () => void this.ask(() => this.ctx.host.request('xor.step', { steps: 1 })) }, 'Step');
    const resetBtn = h('vscode-button', { id: 'xor-reset', secondary: true, icon: 'debug-restart', title: 'Pause and go back to the initial weights', onclick: () => void this.ask(() => this.ctx.host.request('xor.reset', {})) }, 'Reset');

    const dataset = h('vscode-single-select', { id: 'xor-dataset', 'aria-label': 'Data set' }, ...DATASET_OPTIONS.map(([v, label]) => h('vscode-option', { value: v }, label))) as Valued;
    dataset.addEventListener('change', () => (dataset.value === 'csv' ? void this.pickCsv() : this.configure()));
    const activation = h('vscode-single-select', { id: 'xor-activation', 'aria-label': 'Hidden activation' }, ...ACTIVATIONS.map((a) => h('vscode-option', { value: a }, a))) as Valued;
    activation.addEventListener('change', () => this.configure());
    this.fields.dataset = dataset;
    this.fields.activation = activation;
    for (const [name, label] of NUMBERS) {
      const f = h('vscode-textfield', { id: `xor-${name}`, 'aria-label': label, inputmode: name === 'hidden' ? 'numeric' : 'decimal', class: 'xor-number' }) as Valued;
      f.addEventListener('change', () => this.configure());
      f.addEventListener('keydown', (ev) => {
        if ((ev as KeyboardEvent).key === 'Enter') this.configure();
      });
      this.fields[name] = f;
    }
    const labelled = (label: string, el: HTMLElement) => h('label', { class: 'xor-labelled' }, h('span', {}, label), el);
    const figure = (title: string, ...body: HTMLElement[]) => h('figure', { class: 'xor-figure' }, h('figcaption', {}, title), ...body);
    const exportable = (canvas: HTMLCanvasElement, alt: string) => exportButtons(ctx, canvasSource(canvas, () => this.redraw(), { name: canvas.id, alt }), `${canvas.id}-export`);
    setChildren(
      root,
      h('h2', {}, 'XOR playground'),
      h('div', { class: 'xor-controls' }, this.playBtn, stepBtn, resetBtn, this.status),
      h('div', { class: 'xor-controls' }, labelled('Data set', dataset), labelled('Hidden activation', activation), ...NUMBERS.map(([name, label]) => labelled(label, this.fields[name])), this.csvNote),
      this.errorEl,
      h('div', { class: 'xor-figures' },
        figure('Network: edge colour = sign (blue +, orange −), width = |weight|', this.network, exportable(this.network, 'The XOR playground network: edge colour = sign, width = |weight|')),
        figure('Output p(class 1) over the input plane, with the data (red ring: misclassified)', this.boundary, exportable(this.boundary, 'The decision boundary: p(class 1) over the input plane, with the data')),
        figure('Hidden space', this.hiddenSpace, this.hiddenTitle, exportable(this.hiddenSpace, 'The hidden space with the output unit’s separating line')),
      ),
      h('h3', {}, 'Each hidden unit over the input plane'),
      this.units,
    );
    onThemeChange(() => this.redraw());
  }

  /** Send a request; its answer (also pushed by the host) is drawn, its error shown. */
  private async ask(req: () => Promise<XorPanelData | null>): Promise<void> {
    this.errorEl.textContent = '';
    try {
      const d = await req();
      if (d) this.show(d);
    } catch (e) {
      this.errorEl.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private settingsFromForm(): XorSettings {
    const s: XorSettings = { ...(this.data?.settings ?? {}) };
    s.dataset = this.fields.dataset.value;
    s.activation = this.fields.activation.value;
    for (const [name] of NUMBERS) s[name] = this.fields[name].value.trim();
    return s;
  }

  private configure(): void {
    void this.ask(() => this.ctx.host.request('xor.configure', { settings: this.settingsFromForm() }));
  }

  private async pickCsv(): Promise<void> {
    await this.ask(() => this.ctx.host.request('xor.pickCsv', { settings: this.settingsFromForm() }));
    // Cancelled: the select goes back to what is in use.
    if (this.data) this.fields.dataset.value = String(this.data.settings.dataset);
  }

  show(d: XorPanelData): void {
    if (d.stamp <= this.drawnStamp && this.data) return;
    this.data = d;
    this.drawnStamp = d.stamp;
    this.fillForm(d);
    this.redraw();
  }

  private fillForm(d: XorPanelData): void {
    for (const [name, el] of Object.entries(this.fields)) {
      // The field the user is typing in keeps what they typed.
      if (el === document.activeElement || el.contains(document.activeElement)) continue;
      const v = String(d.settings[name] ?? '');
      if (el.value !== v) el.value = v;
    }
    this.csvNote.textContent = d.csvName ? `points from ${d.csvName}` : '';
    this.playBtn.textContent = d.playing ? 'Pause' : 'Play';
    this.playBtn.setAttribute('icon', d.playing ? 'debug-pause' : 'play');
    this.errorEl.textContent = d.error ?? '';
  }

  redraw(): void {
    const d = this.data;
    if (!d) return;
    const s = d.snapshot;
    const col = colours();
    this.status.textContent = `update ${s.step} · loss ${formatNumber(s.loss)} · accuracy ${(100 * s.accuracy).toFixed(1)}%${d.playing ? ' · playing' : ''}`;
    this.root.dataset.step = String(s.step);
    this.root.dataset.accuracy = String(s.accuracy);
    this.root.dataset.playing = String(d.playing);
    this.drawNetwork(s.weights, col);
    this.drawBoundary(d, col);
    this.drawHiddenSpace(d, col);
    this.drawUnits(d, col);
  }

  private drawNetwork(w: Weights, col: Colours): void {
    const ctx = context2d(this.network, col);
    const H = w.b1.length;
    const column = (n: number, x: number) => Array.from({ length: n }, (_, i) => [x, (BIG * (i + 1)) / (n + 1)] as [number, number]);
    const inputs = column(2, 30);
    const hidden = column(H, BIG / 2);
    const out: [number, number] = [BIG - 30, BIG / 2];
    const edges: [[number, number], [number, number], number][] = [];
    if (H === 0) inputs.forEach((p, i) => edges.push([p, out, w.w2[i]]));
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < 2; i++) edges.push([inputs[i], hidden[j], w.w1[i * H + j]]);
      edges.push([hidden[j], out, w.w2[j]]);
    }
    const maxAbs = edges.reduce((m, e) => Math.max(m, Math.abs(e[2])), 0);
    ctx.globalAlpha = 0.9;
    for (const [a, b, wt] of edges) {
      ctx.strokeStyle = wt >= 0 ? col.one : col.zero;
      ctx.lineWidth = edgeWidth(wt, maxAbs);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    const r = H > 16 ? 4 : 10;
    const node = ([x, y]: [number, number], label: string, bias?: number) => {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = col.bg;
      ctx.fill();
      ctx.lineWidth = bias === undefined ? 1.5 : edgeWidth(bias, Math.max(maxAbs, Math.abs(bias)));
      ctx.strokeStyle = bias === undefined ? col.fg : bias >= 0 ? col.one : col.zero;
      ctx.stroke();
      if (r >= 10) {
        ctx.fillStyle = col.fg;
        ctx.fillText(label, x, y);
      }
    };
    ctx.font = `11px ${col.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    inputs.forEach((p, i) => node(p, `x${i + 1}`));
    hidden.forEach((p, j) => node(p, `h${j + 1}`, w.b1[j]));
    node(out, 'p', w.b2);
  }

  private drawBoundary(d: XorPanelData, col: Colours): void {
    const g = d.snapshot.boundary;
    const ctx = context2d(this.boundary, col);
    drawGrid(ctx, g, BIG, col, (v) => tone(v, 'probability'));
    drawPoints(ctx, d.points, d.labels, planeToPx(g, BIG), col, d.snapshot.predictions);
  }

  private drawHiddenSpace(d: XorPanelData, col: Colours): void {
    const hs = d.snapshot.hiddenSpace;
    const ctx = context2d(this.hiddenSpace, col);
    // Bounded units show their whole range (saturation is visible in the corners); otherwise the points' extent.
    const act = String(d.settings.activation);
    const range = act === 'tanh' ? [-1.15, 1.15] : act === 'sigmoid' ? [-0.15, 1.15] : undefined;
    const box: Box = range && (hs.kind === 'plane' || hs.kind === 'line') ? { xmin: range[0], xmax: range[1], ymin: hs.kind === 'line' ? -1 : range[0], ymax: hs.kind === 'line' ? 1 : range[1] } : boxAround(hs.points, 0.15);
    const pad = 8;
    const px = (u: number, v: number): [number, number] => [pad + ((u - box.xmin) / (box.xmax - box.xmin)) * (BIG - 2 * pad), pad + ((box.ymax - v) / (box.ymax - box.ymin)) * (BIG - 2 * pad)];
    const line = hs.line;
    if (line) {
      // The two half-planes, lightly tinted by the class the output gives them.
      const n = 140;
      const tones: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const [u, v] = [box.xmin + ((j + 0.5) / n) * (box.xmax - box.xmin), box.ymax - ((i + 0.5) / n) * (box.ymax - box.ymin)];
          tones.push(line.a * u + line.b * v + line.c >= 0 ? 1 : -1);
        }
      }
      paintTones(ctx, n, tones, BIG, col, 0.22);
      const seg = clipLine(line, box);
      if (seg) {
        ctx.strokeStyle = col.line;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(...px(...seg[0]));
        ctx.lineTo(...px(...seg[1]));
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    drawPoints(ctx, hs.points, d.labels, px, col, d.snapshot.predictions);
    // Points the hidden layer maps onto one spot (e.g. two XOR corners in a saturated corner) get a count.
    if (hs.points.length <= 50) {
      const spots = new Map<string, { at: [number, number]; n: number }>();
      for (const [u, v] of hs.points) {
        const at = px(u, v);
        const key = `${Math.round(at[0] / 3)},${Math.round(at[1] / 3)}`;
        const s = spots.get(key) ?? { at, n: 0 };
        s.n++;
        spots.set(key, s);
      }
      ctx.fillStyle = col.fg;
      ctx.font = `11px ${col.font}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      for (const { at, n } of spots.values()) if (n > 1) ctx.fillText(`×${n}`, at[0] + 9, at[1]);
    }
    const axes = hs.axes;
    ctx.fillStyle = col.dim;
    ctx.font = `11px ${col.font}`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(axes[0], BIG - 4, BIG - 2);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(axes[1], 4, 2);
    this.hiddenTitle.textContent = HIDDEN_SPACE_TITLES[hs.kind];
  }

  private drawUnits(d: XorPanelData, col: Colours): void {
    const grids = d.snapshot.hiddenGrids;
    const act = String(d.settings.activation);
    if (grids.length === 0) {
      setChildren(this.units, h('div', { class: 'muted' }, 'No hidden units: the network is a linear classifier, p = σ(w·x + b). On XOR no line separates the classes, so at most 3 of the 4 points come out right.'));
      return;
    }
    let cards = Array.from(this.units.querySelectorAll('canvas'));
    if (cards.length !== grids.length) {
      setChildren(this.units, ...grids.map((_, j) => h('figure', { class: 'xor-unit' }, makeCanvas('xor-unit-map', SMALL), h('figcaption', {}, `h${j + 1}`))));
      cards = Array.from(this.units.querySelectorAll('canvas'));
    }
    grids.forEach((g, j) => {
      const ctx = context2d(cards[j], col);
      drawGrid(ctx, g, SMALL, col, hiddenTone(act, g));
      const px = planeToPx(g, SMALL);
      ctx.globalAlpha = 0.9;
      d.points.forEach(([x, y], i) => {
        const [u, v] = px(x, y);
        ctx.fillStyle = d.labels[i] === 1 ? col.one : col.zero;
        ctx.strokeStyle = col.fg;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.arc(u, v, d.points.length > 50 ? 1.2 : 3, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
    });
  }
}

export const xorView: ViewFactory<'xor'> = (root, ctx) => {
  const v = new XorView(root, ctx);
  return { show: (data) => v.show(data), redraw: () => v.redraw() };
};
