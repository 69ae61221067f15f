/**
 * The Training view: live loss curves of every run (overlaid), a log-scale toggle, PNG/CSV export (also on the
 * host's request, `training.export`), and the runs with their status and a stop button.
 */
import type { JobInfo } from '../../src/shared/protocol';
import { formatNumber, h, onThemeChange, setChildren } from '../common/vscode';
import { JobsChart } from './jobsChart';
import type { PanelViewModule, ViewContext } from './viewModule';

export function trainingView(root: HTMLElement, ctx: ViewContext): PanelViewModule<'training'> {
  const jobs = new Map<string, JobInfo>();
  const app = document.getElementById('app')!;
  const runsEl = h('ul', { class: 'runs', 'aria-label': 'Runs' });
  const chartEl = h('div', { class: 'chart', id: 'loss-chart', 'aria-label': 'Loss curves' });
  const emptyEl = h('p', { class: 'empty' }, 'No runs yet. Start one from the Training view in the sidebar, or run “ML Study: Train XOR MLP” from the command palette.');
  const runs = new JobsChart(chartEl, undefined, (id) => !ctx.state.hidden.includes(id));
  const chart = runs.chart;
  const exported = (format: 'png' | 'csv') => (format === 'png' ? chart.toPng() : chart.toCsv());
  const logBox = h('vscode-checkbox', { id: 'log-scale', label: 'Log scale', checked: ctx.state.logScale });
  const button = (format: 'png' | 'csv', icon: string) =>
    h('vscode-button', { id: `export-${format}`, secondary: true, icon, onclick: () => ctx.send({ type: 'export', format, data: exported(format) }) }, format.toUpperCase());
  const tools = h('span', { class: 'tools' }, logBox, button('png', 'file-media'), button('csv', 'table'));
  setChildren(root, chartEl, emptyEl, runsEl);

  chart.setLogScale(ctx.state.logScale);
  logBox.addEventListener('change', () => {
    const on = (logBox as unknown as { checked: boolean }).checked;
    chart.setLogScale(on);
    ctx.saveState({ logScale: on });
  });

  const runItem = (j: JobInfo) => {
    const index = chart.runList.findIndex((r) => r.id === j.jobId);
    const box = h('vscode-checkbox', { checked: !ctx.state.hidden.includes(j.jobId), 'aria-label': `show ${j.label}` });
    box.addEventListener('change', () => {
      const on = (box as unknown as { checked: boolean }).checked;
      chart.setVisible(j.jobId, on);
      ctx.saveState({ hidden: on ? ctx.state.hidden.filter((x) => x !== j.jobId) : [...ctx.state.hidden, j.jobId] });
    });
    const active = j.status === 'running' || j.status === 'queued';
    return h(
      'li',
      { class: `run status-${j.status}`, 'data-job': j.jobId },
      box,
      h('span', { class: 'swatch', style: `background:${index >= 0 ? chart.colorOf(index) : 'transparent'}` }),
      h('span', { class: 'label' }, j.label),
      h('vscode-badge', { class: 'status' }, j.status),
      h('span', { class: 'detail' }, active ? `step ${j.step}${j.total ? `/${j.total}` : ''} · loss ${formatNumber(j.loss)}` : (j.error ?? j.summary ?? '')),
      active ? h('vscode-button', { class: 'stop', secondary: true, icon: 'debug-stop', onclick: () => ctx.send({ type: 'stopJob', jobId: j.jobId }) }, 'Stop') : null,
    );
  };
  const countFinished = () => {
    app.dataset.finished = String([...jobs.values()].filter((j) => j.status === 'done').length);
  };
  const renderRuns = () => {
    const list = [...jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
    emptyEl.hidden = list.length > 0;
    chartEl.hidden = list.length === 0;
    setChildren(runsEl, ...list.map(runItem));
    app.dataset.runs = String(list.length);
    countFinished();
  };
  // (The chart redraws itself in the new theme; the run list's swatches are drawn here.)
  onThemeChange(renderRuns);

  return {
    tools,
    answers: { 'training.export': ({ format }) => exported(format) },
    onState(list, series) {
      jobs.clear();
      for (const j of list) jobs.set(j.jobId, j);
      runs.reset(list, series);
      renderRuns();
    },
    onJob(job, isNew) {
      jobs.set(job.jobId, job);
      runs.onJob(job, isNew);
      // (A running job reports several times a second: only its own row is drawn again.)
      const row = isNew ? null : runsEl.querySelector(`li[data-job="${CSS.escape(job.jobId)}"]`);
      if (row) {
        row.replaceWith(runItem(job));
        countFinished();
      } else renderRuns();
    },
    onPoints: (chunk, job) => runs.onPoints(chunk, job),
    onRemoveJob(jobId) {
      jobs.delete(jobId);
      runs.remove(jobId);
      renderRuns();
    },
    redraw: () => chart.rebuild(),
  };
}
