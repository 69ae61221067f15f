/**
 * The Attention view's comparison of the encoder–decoder's attention scores: one alignment map per score (dot,
 * general, additive; trained on the same task, data, seed and steps) side by side, and their accuracy curves
 * together. Draws what the host sends; each map and chart can be exported.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VariantRun, VariantsData } from '../../src/shared/views/attention';
import { h, setChildren } from '../common/vscode';
import { drawHeatmap } from './heatmap';
import { lineChart } from './svgPlot';
import { canvasSource, exportButtons, svgSource } from './export';
import type { ViewContext } from './viewModule';

const FORMULA: Record<VariantRun['score'], string> = {
  dot: 'dot: e_i = s_tᵀ h_i',
  general: 'general: e_i = s_tᵀ W h_i',
  additive: 'additive: e_i = vᵀ tanh(W₁ h_i + W₂ s_t)',
};
const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);

interface Figure {
  canvas: HTMLCanvasElement;
  status: HTMLElement;
  el: HTMLElement;
}

export class VariantsSection {
  readonly section: HTMLElement;
  private data: VariantsData | undefined;
  private readonly intro = h('p', { class: 'muted', id: 'attn-variants-status', 'aria-live': 'polite' });
  private readonly maps = h('div', { class: 'attn-variants-maps', id: 'attn-variants-maps' });
  private readonly charts = h('div', { class: 'attn-variants-charts', id: 'attn-variants-charts' });
  private figures = new Map<string, Figure>();
  private drawn = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    this.section = h(
      'section',
      { class: 'attn-variants', id: 'attn-variants', hidden: true },
      h('header', { class: 'attn-head' }, h('h2', {}, 'Attention scores side by side')),
      this.intro,
      h('p', { class: 'muted attn-hint' }, 'The same encoder–decoder, task, training strings, seed and steps; only the score e_i that α = softmax(e) normalises differs. Rings mark the right alignment of the probe input.'),
      this.maps,
      this.charts,
    );
  }

  show(v: VariantsData | undefined): void {
    this.data = v;
    this.section.hidden = !v;
    if (!v) return;
    const key = v.runs.map((r) => r.jobId).join(',');
    if (this.maps.dataset.runs !== key) {
      this.maps.dataset.runs = key;
      this.figures = new Map(v.runs.map((r) => [r.score, this.figure(r)]));
      setChildren(this.maps, ...[...this.figures.values()].map((f) => f.el));
    }
    const done = v.runs.filter((r) => r.status === 'done').length;
    this.intro.textContent = `Task ${v.task}, ${v.steps} steps each, seed ${v.seed}: ${done} of ${v.runs.length} trained.`;
    Object.assign(this.root.dataset, { variantsDone: String(done), variantsPoints: String(Math.min(...v.runs.map((r) => r.curve.length))) });
    this.redraw();
  }

  private figure(r: VariantRun): Figure {
    const canvas = h('canvas', { class: 'attn-heatmap', id: `attn-variant-${r.score}`, role: 'img', 'aria-label': `Alignment map with the ${r.score} score` });
    const status = h('p', { class: 'muted', id: `attn-variant-${r.score}-status` });
    const redraw = () => this.drawMap(r.score);
    const source = canvasSource(canvas, redraw, { name: `alignment-${r.score}`, alt: () => `Alignment map of the seq2seq model with the ${r.score} attention score (${this.data?.task ?? ''})` });
    const el = h('figure', { class: 'attn-variant', 'data-score': r.score }, h('figcaption', {}, FORMULA[r.score]), h('div', { class: 'attn-wrap' }, canvas), status, exportButtons(this.ctx, source, `attn-variant-${r.score}-export`));
    return { canvas, status, el };
  }

  redraw(): void {
    const v = this.data;
    if (!v || this.section.hidden || this.section.getBoundingClientRect().width === 0) return;
    for (const r of v.runs) this.drawMap(r.score);
    this.drawCharts(v);
    this.root.dataset.variantsDrawn = String(++this.drawn);
  }

  private drawMap(score: string): void {
    const r = this.data?.runs.find((x) => x.score === score);
    const f = this.figures.get(score);
    if (!r || !f) return;
    const running = r.status === 'running' || r.status === 'queued';
    f.status.textContent = `${r.status === 'queued' ? 'Waiting' : running ? 'Training' : r.status === 'done' ? 'Trained' : r.status}: step ${r.step} of ${r.total} · ${pct(r.curve.at(-1)?.sequenceAccuracy)} right, ${pct(r.curve.at(-1)?.alignmentAccuracy)} aligned`;
    const map = r.map;
    if (!map) return;
    const width = Math.max(160, Math.floor(this.maps.getBoundingClientRect().width / Math.max(1, this.data!.runs.length)) - 16);
    const expectedAt = (row: number, c: number) => (map.task === 'reverse' ? c === map.source.length - 1 - row : map.task === 'copy' ? c === row : map.source[c] === map.expected[row]);
    drawHeatmap(f.canvas, { rows: map.target, cols: map.source, values: map.attention, expected: expectedAt, wrongRow: (row) => map.target[row] !== map.expected[row], maxCell: 18 }, width);
  }

  private drawCharts(v: VariantsData): void {
    const width = Math.max(260, Math.min(520, Math.floor(this.charts.getBoundingClientRect().width / 2) - 16));
    const chart = (key: 'sequenceAccuracy' | 'alignmentAccuracy', title: string, id: string) => {
      const series = v.runs.map((r, i) => ({ name: r.score, cls: `c${i}`, points: r.curve.map((p) => [p.step, p[key]] as [number, number]) }));
      const svg = lineChart(series, { width, height: 220, xLabel: 'step', yLabel: title, id });
      const source = svgSource(() => document.getElementById(id) as SVGSVGElement | null ?? undefined, { name: id, alt: `${title} of the dot, general and additive scores by training step (${v.task})` });
      return h('figure', { class: 'attn-variant-chart' }, h('figcaption', {}, `${title} on 50 fresh inputs`), svg, exportButtons(this.ctx, source, `${id}-export`));
    };
    setChildren(this.charts, chart('sequenceAccuracy', 'Sequence accuracy', 'attn-variants-seq'), chart('alignmentAccuracy', 'Alignment accuracy', 'attn-variants-align'));
  }
}
