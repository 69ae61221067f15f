/**
 * A bare page around the study panel's LossChart, for measuring it in a real browser without VS Code:
 * window.chartBench(runs, points) draws `runs` curves of `points` points and resolves with timings.
 */
import { LossChart } from '../../../webview/panel/lossChart';

declare global {
  interface Window {
    chartBench(runs: number, points: number, streamBatches: number): Promise<{ firstDrawMs: number; streamDrawMsP95: number; plainDrawMs: number; points: number; canvases: number }>;
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
 * (no axes, no decimation), the best of three.
 */
function plainDrawMs(series: Array<{ steps: number[]; losses: number[] }>, width: number, height: number): number {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const maxStep = Math.max(...series.map((s) => s.steps[s.steps.length - 1]));
  const maxLoss = Math.max(...series.map((s) => Math.max(...s.losses)));
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    ctx.clearRect(0, 0, width, height);
    for (const s of series) {
      ctx.beginPath();
      for (let i = 0; i < s.steps.length; i++) ctx.lineTo((s.steps[i] / maxStep) * width, height - (s.losses[i] / maxLoss) * height);
      ctx.stroke();
    }
    ctx.getImageData(0, 0, 1, 1);
    best = Math.min(best, performance.now() - t0);
  }
  canvas.remove();
  return best;
}

window.chartBench = async (runs, points, streamBatches) => {
  const host = document.getElementById('chart')!;
  const chart = new LossChart(host);
  const series = Array.from({ length: runs }, (_, r) => {
    const steps = Array.from({ length: points }, (_, i) => i + 1);
    return { id: `run${r}`, label: `run ${r}`, steps, losses: steps.map((s) => (1 + r) / Math.sqrt(s) + 0.01 * Math.sin(s / 50)), visible: true };
  });
  chart.reset(series);
  const firstDrawMs = await nextDraw(host, undefined);
  // Streaming: a running job appends a batch, the chart redraws (at most every 100 ms).
  const streamTimes: number[] = [];
  for (let b = 0; b < streamBatches; b++) {
    const before = host.dataset.drawMs + ':' + b;
    host.dataset.drawMs = before;
    const start = points + b * 100 + 1;
    chart.append('run0', Array.from({ length: 100 }, (_, i) => start + i), Array.from({ length: 100 }, (_, i) => 1 / Math.sqrt(start + i)));
    streamTimes.push(await nextDraw(host, before));
  }
  streamTimes.sort((a, b) => a - b);
  return {
    firstDrawMs,
    plainDrawMs: plainDrawMs(series, host.clientWidth, host.clientHeight),
    streamDrawMsP95: streamTimes[Math.floor(0.95 * (streamTimes.length - 1))] ?? 0,
    points: Number(host.dataset.points),
    canvases: host.querySelectorAll('canvas').length,
  };
};
