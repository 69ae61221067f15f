/**
 * Loss curves of several runs, overlaid, with uPlot (canvas; fast with 100k+ points). Runs keep their own step
 * arrays; the chart aligns them on the union of steps only when it redraws: at most every REDRAW_MS (less often when a
 * draw is slow), and not while its view is hidden.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { isLightTheme, onThemeChange, themeVar } from '../common/vscode';
import { align, type RunSeries } from './align';

export type { RunSeries };

const REDRAW_MS = 100;
const PALETTE_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];
const PALETTE_FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

export class LossChart {
  private plot: uPlot | undefined;
  private readonly runs: RunSeries[] = [];
  private logScale = false;
  private pending = false;
  /** A redraw came while the chart was not on show (its view hidden): it draws when it is shown again. */
  private stale = false;
  private lastDraw = 0;
  private shape = '';
  /** Milliseconds the last redraw took (the e2e test reads it through a data attribute). */
  lastDrawMs = 0;

  /** `yLabel` names the y axis (default "loss"; e.g. "perplexity"). */
  constructor(
    readonly host: HTMLElement,
    private readonly yLabel = 'loss',
  ) {
    new ResizeObserver(() => this.resize()).observe(host);
    // Axis, grid and run colours come from the theme: a change of theme redraws the plot in the new one.
    onThemeChange(() => this.rebuild());
  }

  get runList(): readonly RunSeries[] {
    return this.runs;
  }

  colorOf(index: number): string {
    return themeVar(PALETTE_VARS[index % PALETTE_VARS.length], PALETTE_FALLBACK[index % PALETTE_FALLBACK.length]);
  }

  setLogScale(on: boolean): void {
    this.logScale = on;
    this.rebuild();
  }

  get isLog(): boolean {
    return this.logScale;
  }

  /** Replace every run (full state from the host). */
  reset(runs: RunSeries[]): void {
    this.runs.splice(0, this.runs.length, ...runs);
    this.rebuild();
  }

  ensureRun(id: string, label: string): RunSeries {
    let r = this.runs.find((x) => x.id === id);
    if (!r) {
      r = { id, label, steps: [], losses: [], visible: true };
      this.runs.push(r);
    } else {
      r.label = label;
    }
    return r;
  }

  append(id: string, steps: number[], losses: number[]): void {
    const r = this.runs.find((x) => x.id === id);
    if (!r) return;
    for (let i = 0; i < steps.length; i++) {
      r.steps.push(steps[i]);
      r.losses.push(losses[i]);
    }
    this.schedule();
  }

  setVisible(id: string, visible: boolean): void {
    const r = this.runs.find((x) => x.id === id);
    if (r) r.visible = visible;
    this.rebuild();
  }

  remove(id: string): void {
    const i = this.runs.findIndex((x) => x.id === id);
    if (i >= 0) this.runs.splice(i, 1);
    this.rebuild();
  }

  /** Re-create the plot (series set, theme or scale changed). */
  rebuild(): void {
    this.shape = '';
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    // (A chart slow to draw, many long runs, draws less often: at most a fifth of the webview's time goes to it.)
    const wait = Math.max(0, Math.max(REDRAW_MS, 4 * this.lastDrawMs) - (performance.now() - this.lastDraw));
    setTimeout(() => requestAnimationFrame(() => this.draw()), wait);
  }

  private visibleRuns(): RunSeries[] {
    return this.runs.filter((r) => r.visible && r.steps.length > 0);
  }

  /** On show: a hidden element has no boxes. */
  private get onShow(): boolean {
    return this.host.isConnected && this.host.getClientRects().length > 0;
  }

  private draw(): void {
    this.pending = false;
    // (A chart in a hidden view is not drawn while runs stream: it would take the webview's time for nothing.)
    if (!this.onShow) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const t0 = performance.now();
    const runs = this.visibleRuns();
    const data = align(runs, this.logScale) as uPlot.AlignedData;
    const shape = `${runs.map((r) => r.id).join('|')}#${this.logScale}#${document.body.className}`;
    if (shape !== this.shape || !this.plot) {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(runs), data, this.host);
      this.shape = shape;
    } else {
      this.plot.setData(data);
    }
    this.lastDraw = performance.now();
    this.lastDrawMs = this.lastDraw - t0;
    this.host.dataset.points = String(runs.reduce((n, r) => n + r.steps.length, 0));
    this.host.dataset.drawMs = this.lastDrawMs.toFixed(1);
    // The theme kind the plot was drawn in (tests check it follows a change of theme).
    this.host.dataset.theme = isLightTheme() ? 'light' : 'dark';
  }

  private options(runs: RunSeries[]): uPlot.Options {
    const fg = themeVar('--vscode-editor-foreground', '#cccccc');
    const grid = themeVar('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const font = `11px ${themeVar('--vscode-font-family', 'sans-serif')}`;
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font };
    const rect = this.host.getBoundingClientRect();
    return {
      width: Math.max(200, rect.width),
      height: Math.max(160, rect.height),
      scales: { x: { time: false }, y: this.logScale ? { distr: 3 } : { auto: true } },
      axes: [
        { ...axis, label: 'step', labelFont: font },
        { ...axis, label: this.logScale ? `${this.yLabel} (log scale)` : this.yLabel, labelFont: font, size: 60 },
      ],
      cursor: { drag: { x: true, y: false } },
      legend: { show: false },
      series: [
        { label: 'step' },
        ...runs.map((r) => ({ label: r.label, stroke: this.colorOf(this.runs.indexOf(r)), width: 1.5, spanGaps: true, points: { show: r.steps.length < 60, size: 5, fill: this.colorOf(this.runs.indexOf(r)) } })),
      ],
    };
  }

  private resize(): void {
    if (this.stale && this.onShow) {
      this.schedule();
      return;
    }
    if (!this.plot) return;
    const rect = this.host.getBoundingClientRect();
    this.plot.setSize({ width: Math.max(200, rect.width), height: Math.max(160, rect.height) });
  }

  /** The chart as a PNG data URL, on the theme's background, with a legend. */
  toPng(): string {
    if ((this.stale || this.pending) && this.onShow) this.draw();
    const canvas = this.plot?.ctx.canvas;
    const out = document.createElement('canvas');
    const w = canvas?.width ?? 600;
    const legend = this.visibleRuns();
    const lineH = 18 * devicePixelRatio;
    out.width = w;
    out.height = (canvas?.height ?? 300) + lineH * (legend.length + 1);
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = themeVar('--vscode-editor-background', '#1e1e1e');
    ctx.fillRect(0, 0, out.width, out.height);
    if (canvas) ctx.drawImage(canvas, 0, 0);
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    legend.forEach((r, i) => {
      const y = (canvas?.height ?? 300) + lineH * (i + 1);
      ctx.fillStyle = this.colorOf(this.runs.indexOf(r));
      ctx.fillRect(10, y - 8 * devicePixelRatio, 14 * devicePixelRatio, 4 * devicePixelRatio);
      ctx.fillStyle = themeVar('--vscode-editor-foreground', '#cccccc');
      ctx.fillText(`${r.label}  (final loss ${r.losses[r.losses.length - 1]?.toPrecision(4) ?? '–'})`, 30 * devicePixelRatio, y);
    });
    return out.toDataURL('image/png');
  }

  /** Every visible run's points as CSV: run,label,step,loss. */
  toCsv(): string {
    const lines = ['run,label,step,loss'];
    for (const r of this.runs) {
      const label = `"${r.label.replace(/"/g, '""')}"`;
      for (let i = 0; i < r.steps.length; i++) lines.push(`${r.id},${label},${r.steps[i]},${r.losses[i]}`);
    }
    return lines.join('\n') + '\n';
  }
}

