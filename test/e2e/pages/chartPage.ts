/**
 * A bare page around the study panel's LossChart, for measuring it in a real browser without VS Code:
 * window.chartBench(runs, points) draws `runs` curves of `points` points and resolves with timings.
 */
import { LossChart } from '../../../webview/panel/lossChart';

declare global {
  interface Window {
    chartBench(runs: number, points: number, streamBatches: number): Promise<{ firstDrawMs: number; plainFirstMs: number; streamDrawMsP95: number; plainDrawMsP95: number; points: number; canvases: number }>;
  }
}

function nextDraw(host: HTMLElement, before: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const poll = () => (host.dataset.drawMs !== undefined && host.dataset.drawMs !== before ? resolve(Number(host.dataset.drawMs)) : requestAnimationFrame(poll));
    poll();
  });
}

/**
 * The reference: the same curves drawn as plain canvas polylines through every point on a canvas of the chart's size
 * (no axes, no decimation). `draw()` times one such draw.
 */
function plainPolylines(series: Array<{ steps: number[]; losses: number[] }>, width: number, height: number): { draw(): number; dispose(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  return {
    draw() {
      const maxStep = Math.max(...series.map((s) => s.steps[s.steps.length - 1]));
      const maxLoss = Math.max(...series.map((s) => Math.max(...s.losses)));
      const t0 = performance.now();
      ctx.clearRect(0, 0, width, height);
      for (const s of series) {
        ctx.beginPath();
        for (let i = 0; i < s.steps.length; i++) ctx.lineTo((s.steps[i] / maxStep) * width, height - (s.losses[i] / maxLoss) * height);
        ctx.stroke();
      }
      ctx.getImageData(0, 0, 1, 1);
      return performance.now() - t0;
    },
    dispose: () => canvas.remove(),
  };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))] ?? 0;

window.chartBench = async (runs, points, streamBatches) => {
  const host = document.getElementById('chart')!;
  const chart = new LossChart(host);
  const series = Array.from({ length: runs }, (_, r) => {
    const steps = Array.from({ length: points }, (_, i) => i + 1);
    return { id: `run${r}`, label: `run ${r}`, steps, losses: steps.map((s) => (1 + r) / Math.sqrt(s) + 0.01 * Math.sin(s / 50)), visible: true };
  });
  chart.reset(series);
  const firstDrawMs = await nextDraw(host, undefined);
  // its own copy of the points (the chart may keep the arrays it was given)
  const copy = series.map((x) => ({ steps: [...x.steps], losses: [...x.losses] }));
  const plain = plainPolylines(copy, host.clientWidth, host.clientHeight);
  const plainFirstMs = plain.draw();
  // Streaming: a running job appends a batch, the chart redraws (at most every 100 ms).
  const streamTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let b = 0; b < streamBatches; b++) {
    const before = host.dataset.drawMs + ':' + b;
    host.dataset.drawMs = before;
    const start = points + b * 100 + 1;
    chart.append('run0', Array.from({ length: 100 }, (_, i) => start + i), Array.from({ length: 100 }, (_, i) => 1 / Math.sqrt(start + i)));
    streamTimes.push(await nextDraw(host, before));
    copy[0].steps.push(...Array.from({ length: 100 }, (_, i) => start + i));
    copy[0].losses.push(...Array.from({ length: 100 }, (_, i) => 1 / Math.sqrt(start + i)));
    plainTimes.push(plain.draw());
  }
  plain.dispose();
  return {
    firstDrawMs,
    plainFirstMs,
    streamDrawMsP95: p95(streamTimes),
    plainDrawMsP95: p95(plainTimes),
    points: Number(host.dataset.points),
    canvases: host.querySelectorAll('canvas').length,
  };
};
