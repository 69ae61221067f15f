/**
 * Vanishing gradients, seen: the mean ‖∂loss_t/∂x_{t−k}‖ against the distance k for the tanh RNN and the LSTM
 * (log scale), and over the text: for a chosen position t, every earlier character tinted by how much the loss at
 * t depends on it, for both models on one scale. Training progress while the lab runs, and a Stop button. Every
 * number comes from the engines' gradient-flow code, sent by the host; this module only draws and asks.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../../media/inside.css';
import type { GradientsPanelData, LabCurve, LabResult } from '../../src/shared/views/inside';
import { h, onThemeChange, setChildren, themeVar } from '../common/vscode';
import { cellAt, charText, legend, tint, visibleChar } from './charText';
import type { ViewContext, ViewFactory } from './viewModule';
import { canvasSource, domSource, exportButtons } from './export';

const W = 560;
const H = 260;
const PAD = { l: 58, r: 12, t: 12, b: 34 };
const MODELS: { key: 'rnn' | 'lstm'; label: string; colourVar: string; fallback: string }[] = [
  { key: 'rnn', label: 'tanh RNN', colourVar: '--vscode-charts-orange', fallback: '#d18616' },
  { key: 'lstm', label: 'LSTM', colourVar: '--vscode-charts-blue', fallback: '#3794ff' },
];

const log10 = (x: number) => Math.log10(Math.max(x, 1e-30));
/** Decades of ‖∂loss_t/∂x_s‖ the text heatmap spans (below them, the faintest tint). */
const SPAN_DECADES = 4;
const HEAT = '--vscode-charts-blue';

/** Decades spanning the positive values of the curves. */
function decades(curves: LabCurve[]): [number, number] {
  const vals = curves.flatMap((c) => c.byDistance.map((d) => d.mean)).filter((x) => x > 0);
  if (!vals.length) return [-1, 0];
  const lo = Math.floor(Math.min(...vals.map(log10)));
  const hi = Math.ceil(Math.max(...vals.map(log10)));
  return [lo, hi > lo ? hi : lo + 1];
}

function drawCurves(canvas: HTMLCanvasElement, r: LabResult): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = W * dpr;
  canvas.height = H * dpr;
  canvas.style.width = `${W}px`;
  canvas.style.height = `${H}px`;
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  const fg = themeVar('--vscode-foreground', '#cccccc');
  const dim = themeVar('--vscode-descriptionForeground', '#888888');
  g.clearRect(0, 0, W, H);
  g.font = `11px ${themeVar('--vscode-font-family', 'sans-serif')}`;
  const [lo, hi] = decades([r.rnn, r.lstm]);
  const kMax = Math.max(1, r.rnn.byDistance.length - 1);
  const x = (k: number) => PAD.l + ((W - PAD.l - PAD.r) * k) / kMax;
  const y = (v: number) => PAD.t + ((H - PAD.t - PAD.b) * (hi - log10(v))) / (hi - lo);
  g.strokeStyle = dim;
  g.fillStyle = dim;
  g.globalAlpha = 0.35;
  for (let d = lo; d <= hi; d++) {
    g.beginPath();
    g.moveTo(PAD.l, y(10 ** d));
    g.lineTo(W - PAD.r, y(10 ** d));
    g.stroke();
  }
  g.globalAlpha = 1;
  g.fillStyle = fg;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (let d = lo; d <= hi; d++) g.fillText(`1e${d}`, PAD.l - 6, y(10 ** d));
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (let i = 0; i <= 5; i++) {
    const k = Math.round((kMax * i) / 5);
    g.fillText(String(k), x(k), H - PAD.b + 6);
  }
  g.fillText('distance k (characters back)', (PAD.l + W - PAD.r) / 2, H - 14);
  for (const m of MODELS) {
    g.strokeStyle = themeVar(m.colourVar, m.fallback);
    g.lineWidth = 2;
    g.beginPath();
    let started = false;
    for (const d of r[m.key].byDistance) {
      if (!(d.mean > 0)) continue;
      if (started) g.lineTo(x(d.distance), y(d.mean));
      else g.moveTo(x(d.distance), y(d.mean));
      started = true;
    }
    g.stroke();
  }
}

class GradientsView {
  private data: GradientsPanelData | undefined;
  /** The position t whose loss the text heatmap explains (default: the last). */
  private target: number | undefined;
  private readonly status = h('div', { id: 'grad-status', class: 'inside-status' });
  private readonly error = h('div', { id: 'grad-error', class: 'inside-error', role: 'alert' });
  private readonly stopBtn = h('vscode-button', { id: 'grad-stop', secondary: true, icon: 'debug-stop', onclick: () => void this.ctx.host.request('gradients.stop', {}).catch((e: Error) => (this.error.textContent = e.message)) }, 'Stop');
  private readonly curves = h('canvas', { id: 'grad-curves', class: 'grad-curves' });
  private readonly figures = h('div', { class: 'grad-figures' });
  private readonly text = h('div', { id: 'grad-text', class: 'grad-text' });

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    root.classList.add('inside');
    this.text.addEventListener('click', (ev) => {
      const p = cellAt(ev);
      const n = this.data?.result?.rnn.norms.length ?? 0;
      if (p !== undefined && p < n) {
        this.target = p;
        this.drawText();
      }
    });
    const curvesExport = exportButtons(ctx, canvasSource(this.curves, () => this.redraw(), { name: 'rnn-lstm-gradients', alt: 'Mean ‖∂loss_t/∂x_{t−k}‖ against k for a tanh RNN and an LSTM (log scale)' }), 'grad-curves-export');
    const textExport = exportButtons(ctx, domSource(() => this.text, { name: 'rnn-lstm-gradients-text', alt: 'Gradient norms of the RNN and the LSTM over the text' }), 'grad-text-export');
    setChildren(root, h('h2', {}, 'Vanishing gradients: a tanh RNN and an LSTM on the same text'), h('div', { class: 'inside-controls' }, this.status, this.stopBtn), this.error, this.figures, h('div', { class: 'inside-controls' }, curvesExport, textExport));
    onThemeChange(() => this.redraw());
  }

  /** Redraw the curves (the canvas was sized while hidden, or the theme changed). */
  redraw(): void {
    if (this.data?.result) drawCurves(this.curves, this.data.result);
  }

  show(d: GradientsPanelData): void {
    const fresh = d.result !== this.data?.result;
    this.data = d;
    this.root.dataset.status = d.status;
    this.root.dataset.stamp = String(d.stamp);
    this.stopBtn.hidden = d.status !== 'training';
    this.error.textContent = d.error ?? '';
    const p = d.progress;
    const phase = !p ? 'starting' : p.phase === 'flow' ? 'measuring ‖∂loss_t/∂x_{t−k}‖' : `training the ${p.phase === 'rnn' ? 'RNN' : 'LSTM'}: step ${p.step}/${p.total}${p.loss !== undefined ? `, loss ${p.loss.toFixed(3)}` : ''}`;
    const r = d.result;
    this.status.textContent =
      d.status === 'training' ? `On ${d.source}: ${phase}` : d.status === 'done' && r ? `On ${d.source}: ${r.steps} steps each; train loss RNN ${fmt(r.rnn.trainLoss)}, LSTM ${fmt(r.lstm.trainLoss)} nats/char; gradients on the first ${r.tokens.length} characters` : `On ${d.source}: ${d.status}`;
    if (!r) {
      setChildren(this.figures);
      return;
    }
    if (fresh) this.target = undefined;
    setChildren(
      this.figures,
      h('figure', { class: 'grad-figure' }, h('figcaption', {}, 'Mean ‖∂loss_t/∂x_{t−k}‖ against k (log scale)', legend(MODELS.map((m) => ({ label: m.label, bg: `var(${m.colourVar})` })))), this.curves),
      h('figure', { class: 'grad-figure' }, h('figcaption', { id: 'grad-text-caption' }), this.text),
    );
    drawCurves(this.curves, r);
    this.drawText();
  }

  /** Both models' ‖∂loss_t/∂x_s‖ over the text for the chosen t, on one log scale. */
  private drawText(): void {
    const r = this.data?.result;
    if (!r) return;
    const n = r.rnn.norms.length;
    const t = Math.min(this.target ?? n - 1, n - 1);
    const logs = MODELS.flatMap((m) => r[m.key].norms[t].filter((v) => v > 0).map(log10));
    // The strongest 4 decades: weaker dependences are all drawn faintest.
    const hi = Math.max(...logs);
    const lo = Math.max(Math.min(...logs), hi - SPAN_DECADES);
    const scale = (v: number) => (v > 0 && hi > lo ? Math.max(0, (log10(v) - lo) / (hi - lo)) : v > 0 ? 1 : 0);
    this.root.dataset.target = String(t);
    const caption = document.getElementById('grad-text-caption');
    if (caption) {
      setChildren(caption, `How much the loss at “${visibleChar(r.tokens[t + 1] ?? '')}” (position ${t + 1}) depends on each earlier character (click a character to choose another)`, legend([{ label: `≤ 1e${lo.toFixed(1)}`, bg: tint(HEAT, 0.04) }, { label: `1e${((lo + hi) / 2).toFixed(1)}`, bg: tint(HEAT, 0.5) }, { label: `1e${hi.toFixed(1)}`, bg: tint(HEAT, 1) }]));
    }
    setChildren(
      this.text,
      ...MODELS.map((m) => {
        const row = r[m.key].norms[t];
        const box = charText(r.tokens, (p) => (p <= t ? tint(HEAT, Math.max(0.04, scale(row[t - p]))) : undefined), `grad-model-${m.key}`);
        box.querySelector(`[data-p="${t + 1}"]`)?.classList.add('target');
        box.querySelectorAll('.char-cell').forEach((c) => {
          const p = Number((c as HTMLElement).dataset.p);
          if (p <= t) (c as HTMLElement).title = `‖∂loss_${t}/∂x_${p}‖ = ${row[t - p].toExponential(3)} (k = ${t - p})`;
        });
        return h('div', { class: 'grad-model' }, h('div', { class: 'grad-model-name' }, m.label), box);
      }),
    );
  }
}

const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export const gradientsView: ViewFactory<'gradients'> = (root, ctx) => {
  const v = new GradientsView(root, ctx);
  return { show: (data) => v.show(data), redraw: () => v.redraw() };
};
