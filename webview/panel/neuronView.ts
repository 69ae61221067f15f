/**
 * The Neuron View: Attention(Q, K, V) = softmax(QKᵀ/√d_k)V for one query token in one head, every number of it.
 * A row per key token: its k as bars, the elementwise products q⊙k, their sum q·k, the scaled score ÷√d_k, the
 * mask, the softmax weight, v and weight·v; under them the head's context Σ weight·v, and the attention sublayer's
 * output at this position (all heads · W_o + b_o). Layer, head and query are chosen here; the host computes.
 */
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../../media/heads.css';
import type { NeuronPanelData } from '../../src/shared/views/heads';
import { h, onThemeChange, setChildren } from '../common/vscode';
import { context2d, sizeCanvas } from './canvas';
import { canvasSource, exportButtons } from './export';
import { tokenLabel } from './heatmap';
import { headsSummary, numberedSelect, openAt } from './headView';
import { attentionColours, type AttentionColours, drawBars, drawStrip, headColour, maxAbs, n3 } from './vectorBars';
import type { PanelViewModule, ViewContext, ViewFactory } from './viewModule';

const ROW = 24;
const HEAD = 34;
const LABEL_W = 96;
const NUM_W = 62;
const WEIGHT_W = 110;
const PAD = 10;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Column layout of the table for a head size d_k. */
function columns(dk: number) {
  const vw = Math.max(64, Math.min(160, dk * 6));
  const cols: { key: string; title: string; w: number }[] = [
    { key: 'token', title: 'key', w: LABEL_W },
    { key: 'k', title: 'k', w: vw },
    { key: 'prod', title: 'q ⊙ k', w: vw },
    { key: 'score', title: 'q·k', w: NUM_W },
    { key: 'scaled', title: '÷ √d_k', w: NUM_W },
    { key: 'mask', title: 'mask', w: 46 },
    { key: 'weight', title: 'softmax', w: WEIGHT_W },
    { key: 'v', title: 'v', w: vw },
    { key: 'wv', title: 'weight · v', w: vw },
  ];
  let x = 0;
  return cols.map((c) => {
    const at = { ...c, x };
    x += c.w + PAD;
    return at;
  });
}

class NeuronView implements PanelViewModule<'attn-neuron'> {
  private data: NeuronPanelData | undefined;
  private hoverRow: number | undefined;
  private readonly title = h('h2', { id: 'neuron-title' }, 'Neuron view');
  private readonly status = h('p', { class: 'muted heads-status', id: 'neuron-status' });
  private readonly formula = h('p', { class: 'neuron-formula', id: 'neuron-formula' });
  private readonly selects = h('span', { class: 'heads-selects' });
  private readonly actions = h('span', { class: 'heads-actions' });
  private readonly canvas = h('canvas', { class: 'neuron-canvas', id: 'neuron-canvas', role: 'img', 'aria-label': 'The query vector, each key vector, their products, scores, softmax weights and values' });
  private readonly outCanvas = h('canvas', { class: 'neuron-out', id: 'neuron-output', role: 'img', 'aria-label': 'The attention sublayer output at this position' });
  private readonly outCaption = h('p', { class: 'muted heads-hint', id: 'neuron-output-caption' });
  private readonly tip = h('div', { class: 'heads-tip', id: 'neuron-tip', hidden: true });
  private readonly empty = h('p', { class: 'empty' }, 'Select a few words in a note and run “ML Study: Show Attention Neuron View for Selection”, or click a token in the Head view.');

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    const controls = h('div', { class: 'heads-controls' }, this.selects, h('span', { class: 'spacer' }), this.actions);
    const hint = h('p', { class: 'muted heads-hint' }, 'Each row is one key token j: s_j = q·k_j (the sum of the products), scaled by 1/√d_k, masked (−∞) for later tokens in a causal model, softmax over the row gives the weights w_j, and the head’s output is Σ_j w_j v_j. Blue bars are positive, orange negative; each column has its own scale.');
    setChildren(root, this.empty, this.title, this.status, controls, this.formula, hint, h('div', { class: 'heads-wrap' }, this.canvas, this.tip), exportButtons(ctx, canvasSource(this.canvas, () => this.redraw(), { name: 'neuron-view', alt: 'Neuron view: q, each k, q·k, the scaled scores, the softmax weights and the values for one query position' }), 'neuron-export'), this.outCaption, h('div', { class: 'heads-wrap' }, this.outCanvas));
    this.canvas.addEventListener('mousemove', (ev) => this.onMove(ev));
    this.canvas.addEventListener('mouseleave', () => {
      this.tip.hidden = true;
      this.hoverRow = undefined;
      this.draw();
    });
    onThemeChange(() => this.draw());
  }

  show(data: NeuronPanelData): void {
    this.data = data;
    this.hoverRow = undefined;
    this.root.classList.add('heads-has-data');
    this.title.textContent = `Neuron view — ${data.name}${data.kind === 'mlm' ? ' (masked language model)' : ''}`;
    this.status.textContent = headsSummary(data);
    this.status.classList.remove('error');
    const tok = `“${tokenLabel(data.tokens[data.position])}”`;
    const sum = data.keys.reduce((s, k) => s + k.weight, 0);
    this.formula.textContent = `Attention(Q, K, V) = softmax(QKᵀ/√d_k)V for the query ${tok} (position ${data.position + 1}), layer ${data.layer + 1}, head ${data.head + 1}: d_k = ${data.dk}, 1/√d_k = ${n3(data.scale)}, Σ weights = ${sum.toFixed(4)}.`;
    const ask = (patch: Partial<{ layer: number; head: number; position: number }>) => void this.select({ layer: data.layer, head: data.head, position: data.position, ...patch });
    setChildren(
      this.selects,
      numberedSelect('neuron-layer', 'Layer', Array.from({ length: data.layers }, (_, i) => `Layer ${i + 1}`), data.layer, (layer) => ask({ layer })),
      numberedSelect('neuron-head', 'Head', Array.from({ length: data.heads }, (_, i) => `Head ${i + 1}`), data.head, (head) => ask({ head })),
      numberedSelect('neuron-query', 'Query token', data.tokens.map((t, i) => `${i + 1} · “${tokenLabel(t)}”`), data.position, (position) => ask({ position })),
    );
    setChildren(this.actions, h('vscode-button', { id: 'neuron-to-step', secondary: true, onclick: () => openAt(this.ctx, this.status, data, 'attn-step', { position: data.position }) }, `Step through ${tok}`));
    Object.assign(this.root.dataset, { layer: String(data.layer), head: String(data.head), position: String(data.position), keys: String(data.keys.length), model: data.name });
    this.draw();
  }

  redraw(): void {
    this.draw();
  }

  private async select(at: { layer: number; head: number; position: number }): Promise<void> {
    const d = this.data;
    if (!d) return;
    this.status.textContent = 'Computing…';
    try {
      this.show(await this.ctx.host.request('heads.neuron', { dir: d.dir, text: d.text, ...at }, 120_000));
    } catch (e) {
      this.status.textContent = errorText(e);
      this.status.classList.add('error');
    }
  }

  private onMove(ev: MouseEvent): void {
    const d = this.data;
    if (!d) return;
    const r = this.canvas.getBoundingClientRect();
    const row = Math.floor((ev.clientY - r.top - HEAD - ROW) / ROW);
    const key = d.keys[row];
    if (row !== this.hoverRow) {
      this.hoverRow = key ? row : undefined;
      this.draw();
    }
    if (!key) {
      this.tip.hidden = true;
      return;
    }
    const t = `“${tokenLabel(d.tokens[row])}” (${row + 1})`;
    this.tip.textContent = key.masked ? `${t}: later than the query, masked: weight 0` : `${t}: q·k = ${n3(key.score)}, ÷√d_k = ${n3(key.scaled)}, softmax = ${key.weight.toFixed(4)}`;
    this.tip.hidden = false;
    this.tip.style.left = `${Math.min(ev.clientX - r.left + 14, r.width - 60)}px`;
    this.tip.style.top = `${ev.clientY - r.top + 14}px`;
  }

  private draw(): void {
    const d = this.data;
    if (!d) return;
    const col = attentionColours();
    const cols = columns(d.dk);
    const at = Object.fromEntries(cols.map((c) => [c.key, c]));
    const width = cols[cols.length - 1].x + cols[cols.length - 1].w + 4;
    const rows = d.keys.length + 2;
    sizeCanvas(this.canvas, width, HEAD + rows * ROW + 6);
    const ctx = context2d(this.canvas, col);
    ctx.textBaseline = 'middle';
    ctx.font = `bold 12px ${col.font}`;
    ctx.fillStyle = col.fg;
    for (const c of cols) ctx.fillText(c.title, c.x, HEAD / 2);
    const kScale = maxAbs([...d.q, ...d.keys.flatMap((k) => k.k)]);
    const pScale = maxAbs(d.keys.flatMap((k) => k.products));
    const vScale = maxAbs(d.keys.flatMap((k) => k.v));
    // weight·v and their sum on their own scale (a weight of 0.05 would leave v's bars a pixel high).
    const wvScale = maxAbs([...d.context, ...d.keys.flatMap((k) => k.weighted)]);
    const box = (c: { x: number; w: number }, r: number) => ({ x: c.x, y: HEAD + r * ROW + 3, w: c.w, h: ROW - 6 });
    const text = (s: string, c: { x: number }, r: number, bold = false) => {
      ctx.font = `${bold ? 'bold ' : ''}12px ${col.mono}`;
      ctx.fillStyle = col.fg;
      ctx.fillText(s, c.x, HEAD + r * ROW + ROW / 2);
    };
    // The query row.
    text(`q “${tokenLabel(d.tokens[d.position])}”`, at.token, 0, true);
    drawBars(ctx, d.q, box(at.k, 0), kScale, col);
    d.keys.forEach((k, j) => this.drawKey(ctx, col, k, j + 1, { at, box, text, kScale, pScale, vScale, wvScale }));
    // The context: Σ weight·v.
    const last = d.keys.length + 1;
    text('Σ', at.v, last, true);
    ctx.textAlign = 'right';
    text('context', { x: at.v.x + at.v.w }, last);
    ctx.textAlign = 'left';
    drawBars(ctx, d.context, box(at.wv, last), wvScale, col);
    ctx.strokeStyle = headColour(d.head);
    ctx.lineWidth = 2;
    ctx.strokeRect(at.wv.x - 2, HEAD + last * ROW + 1, at.wv.w + 4, ROW - 2);
    this.drawOutput(col);
    this.root.dataset.drawn = String(Number(this.root.dataset.drawn ?? 0) + 1);
  }

  private drawKey(ctx: CanvasRenderingContext2D, col: AttentionColours, k: NeuronPanelData['keys'][number], r: number, g: {
    at: Record<string, { x: number; w: number }>;
    box: (c: { x: number; w: number }, r: number) => { x: number; y: number; w: number; h: number };
    text: (s: string, c: { x: number }, r: number, bold?: boolean) => void;
    kScale: number;
    pScale: number;
    vScale: number;
    wvScale: number;
  }): void {
    const d = this.data!;
    const { at, box, text } = g;
    const j = r - 1;
    if (this.hoverRow === j) {
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = col.accent;
      ctx.fillRect(0, HEAD + r * ROW, this.canvas.width, ROW);
    }
    ctx.globalAlpha = k.masked ? 0.35 : 1;
    text(`${j + 1} “${tokenLabel(d.tokens[j])}”`, at.token, r, j === d.position);
    drawBars(ctx, k.k, box(at.k, r), g.kScale, col);
    drawBars(ctx, k.products, box(at.prod, r), g.pScale, col);
    text(n3(k.score), at.score, r);
    text(n3(k.scaled), at.scaled, r);
    text(k.masked ? '−∞' : '0', at.mask, r);
    const wb = box(at.weight, r);
    ctx.fillStyle = headColour(d.head);
    ctx.fillRect(wb.x, wb.y, Math.max(k.weight > 0 ? 1 : 0, k.weight * (wb.w - 46)), wb.h);
    text(k.weight.toFixed(3), { x: wb.x + wb.w - 42 }, r);
    drawBars(ctx, k.v, box(at.v, r), g.vScale, col);
    drawBars(ctx, k.weighted, box(at.wv, r), g.wvScale, col);
    ctx.globalAlpha = 1;
  }

  /** The attention sublayer's output at this position (all heads, through W_o): a heat strip with its numbers. */
  private drawOutput(col: AttentionColours): void {
    const d = this.data!;
    const cell = Math.max(6, Math.min(14, Math.floor(720 / d.output.length)));
    sizeCanvas(this.outCanvas, d.output.length * cell + 2, 26);
    const ctx = context2d(this.outCanvas, col);
    const scale = maxAbs(d.output);
    drawStrip(ctx, d.output, { x: 1, y: 1, w: d.output.length * cell, h: 24 }, scale, col);
    const norm = Math.sqrt(d.output.reduce((s, v) => s + v * v, 0));
    this.outCaption.textContent = `The attention sublayer’s output at this position (every head’s context, concatenated, · W_o + b_o; added to the residual stream): d = ${d.output.length}, ‖·‖ = ${n3(norm)}, range ${n3(Math.min(...d.output))} … ${n3(Math.max(...d.output))}. First values: ${d.output.slice(0, 6).map(n3).join(', ')}…`;
  }
}

export const neuronView: ViewFactory<'attn-neuron'> = (root, ctx) => new NeuronView(root, ctx);
