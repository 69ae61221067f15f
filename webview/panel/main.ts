/**
 * The study panel: draws what the host sends. Training view: live loss curves of every run (overlaid), a log-scale
 * toggle, PNG/CSV export, and the runs with their status and a stop button.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../../media/panel.css';
import type { HostToPanel, JobInfo, PanelToHost, PanelView } from '../../src/shared/protocol';
import { formatNumber, h, onThemeChange, setChildren, vscodeApi } from '../common/vscode';
import { LossChart } from './lossChart';
import { renderExplain } from './explainView';
import { EmbeddingsMap } from './embeddingsView';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { EmbeddingsView } from '../../src/shared/protocol';
import { LmView } from './lmView';
import { AttentionView } from './attentionView';
import type { FeatureViewHooks } from './featureView';
import { RequestTracker } from '../../src/shared/rpc';

interface PanelState {
  view: PanelView;
  logScale: boolean;
  hidden: string[];
}

const vscode = vscodeApi<PanelState>();
const saved: PanelState = vscode.getState() ?? { view: 'training', logScale: false, hidden: [] };
const send = (m: PanelToHost) => vscode.postMessage(m);
const requests = new RequestTracker((m) => send(m));
const jobs = new Map<string, JobInfo>();

const app = document.getElementById('app')!;
const runsEl = h('ul', { class: 'runs', 'aria-label': 'Runs' });
const chartEl = h('div', { class: 'chart', id: 'loss-chart', 'aria-label': 'Loss curves' });
const emptyEl = h('p', { class: 'empty' }, 'No runs yet. Start one from the Training view in the sidebar, or run “ML Study: Train XOR MLP” from the command palette.');
const logBox = h('vscode-checkbox', { id: 'log-scale', label: 'Log scale', checked: saved.logScale });
const pngBtn = h('vscode-button', { id: 'export-png', secondary: true, icon: 'file-media', onclick: () => exportChart('png') }, 'PNG');
const csvBtn = h('vscode-button', { id: 'export-csv', secondary: true, icon: 'table', onclick: () => exportChart('csv') }, 'CSV');

const trainingTab = h('button', { class: 'tab', id: 'tab-training', role: 'tab', onclick: () => showView('training', true) }, 'Training');
const explainTab = h('button', { class: 'tab', id: 'tab-explain', role: 'tab', onclick: () => showView('explain', true) }, 'Explain');
const embeddingsTab = h('button', { class: 'tab', id: 'tab-embeddings', role: 'tab', onclick: () => showView('embeddings', true) }, 'Embeddings');
const lmTab = h('button', { class: 'tab', id: 'tab-lm', role: 'tab', onclick: () => showView('lm', true) }, 'Language Model');
const attentionTab = h('button', { class: 'tab', id: 'tab-attention', role: 'tab', onclick: () => showView('attention', true) }, 'Attention');
const lmSection = h('section', { class: 'lm', id: 'view-lm' }, h('p', { class: 'empty' }, 'Train a language model (LSTM or Transformer) from the Training view or the command palette; its curves, samples and a generate box appear here.'));
const attentionSection = h('section', { class: 'attention', id: 'view-attention' }, h('p', { class: 'empty' }, 'Select text in a note and run “ML Study: Show Attention for Selection”, or train a seq2seq model to watch its alignment map grow.'));
const featureHooks: FeatureViewHooks = { request: (method, params, timeoutMs = 60_000) => requests.request(method, params, timeoutMs) };
const lmView = new LmView(lmSection, featureHooks);
const attentionView = new AttentionView(attentionSection, featureHooks);
const trainingSection = h('section', { class: 'training', id: 'view-training' }, chartEl, emptyEl, runsEl);
const explainSection = h('section', { class: 'explain', id: 'view-explain' }, h('p', { class: 'empty' }, 'Hover a formula in your notes and choose “Explain in the panel”, or run “ML Study: Explain Formula at Cursor”.'));
const embeddingsSection = h('section', { class: 'embeddings', id: 'view-embeddings' }, h('p', { class: 'empty' }, 'Train word vectors, then run “ML Study: Show Word-Vector Map” or “Show Nearest Words”.'));
const trainingTools = h('span', { class: 'tools' }, logBox, pngBtn, csvBtn);
setChildren(app, h('header', { class: 'toolbar', role: 'tablist' }, trainingTab, explainTab, embeddingsTab, lmTab, attentionTab, h('span', { class: 'spacer' }), trainingTools), trainingSection, explainSection, embeddingsSection, lmSection, attentionSection);
let embeddings: EmbeddingsMap | undefined;
let w2vChart: LossChart | undefined;

/** The Embeddings view, made on first use, with its own chart of the word-vector jobs' losses. */
function embeddingsMap(): EmbeddingsMap {
  if (embeddings) return embeddings;
  embeddings = new EmbeddingsMap(embeddingsSection, {
    neighbours: (word) => requests.request('neighbours', { word, k: 12 }, 60_000),
    project: (method) => requests.request<EmbeddingsView>('project', { method }, 180_000),
  });
  w2vChart = new LossChart(embeddings.chartHost);
  syncW2vChart();
  return embeddings;
}

function syncW2vChart(): void {
  if (!w2vChart) return;
  const runs = chart.runList.filter((r) => jobs.get(r.id)?.model === 'word2vec');
  w2vChart.reset(runs.map((r) => ({ ...r, steps: [...r.steps], losses: [...r.losses], visible: true })));
}

function showView(view: PanelView, byUser = false): void {
  if (byUser && view !== saved.view) send({ type: 'viewChanged', view });
  saveState({ view });
  trainingSection.hidden = view !== 'training';
  trainingTools.hidden = view !== 'training';
  explainSection.hidden = view !== 'explain';
  embeddingsSection.hidden = view !== 'embeddings';
  lmSection.hidden = view !== 'lm';
  attentionSection.hidden = view !== 'attention';
  lmTab.classList.toggle('active', view === 'lm');
  attentionTab.classList.toggle('active', view === 'attention');
  if (view === 'lm') lmView.redraw();
  if (view === 'attention') attentionView.redraw();
  embeddingsTab.classList.toggle('active', view === 'embeddings');
  if (view === 'embeddings') embeddings?.draw();
  trainingTab.classList.toggle('active', view === 'training');
  explainTab.classList.toggle('active', view === 'explain');
  app.dataset.view = view;
  if (view === 'training') chart.rebuild();
}

const chart = new LossChart(chartEl);
showView(saved.view);
chart.setLogScale(saved.logScale);
logBox.addEventListener('change', () => {
  const on = (logBox as unknown as { checked: boolean }).checked;
  chart.setLogScale(on);
  saveState({ logScale: on });
});
onThemeChange(() => {
  chart.rebuild();
  renderRuns();
});

function saveState(patch: Partial<PanelState>): void {
  Object.assign(saved, patch);
  vscode.setState(saved);
}

function exportChart(format: 'png' | 'csv'): void {
  send({ type: 'export', format, data: format === 'png' ? chart.toPng() : chart.toCsv() });
}

function renderRuns(): void {
  const list = [...jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
  emptyEl.hidden = list.length > 0;
  chartEl.hidden = list.length === 0;
  setChildren(
    runsEl,
    ...list.map((j) => {
      const index = chart.runList.findIndex((r) => r.id === j.jobId);
      const visible = !saved.hidden.includes(j.jobId);
      const box = h('vscode-checkbox', { checked: visible, 'aria-label': `show ${j.label}` });
      box.addEventListener('change', () => {
        const on = (box as unknown as { checked: boolean }).checked;
        chart.setVisible(j.jobId, on);
        saveState({ hidden: on ? saved.hidden.filter((x) => x !== j.jobId) : [...saved.hidden, j.jobId] });
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
        active ? h('vscode-button', { class: 'stop', secondary: true, icon: 'debug-stop', onclick: () => send({ type: 'stopJob', jobId: j.jobId }) }, 'Stop') : null,
      );
    }),
  );
  app.dataset.runs = String(list.length);
  app.dataset.finished = String(list.filter((j) => j.status === 'done').length);
}

window.addEventListener('message', (ev: MessageEvent<HostToPanel>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'state': {
      jobs.clear();
      for (const j of msg.jobs) jobs.set(j.jobId, j);
      const byId = new Map(msg.series.map((s) => [s.jobId, s]));
      chart.reset(
        msg.jobs
          .slice()
          .sort((a, b) => a.startedAt - b.startedAt)
          .map((j) => ({ id: j.jobId, label: j.label, steps: [...(byId.get(j.jobId)?.steps ?? [])], losses: [...(byId.get(j.jobId)?.losses ?? [])], visible: !saved.hidden.includes(j.jobId) })),
      );
      showView(msg.view);
      renderRuns();
      syncW2vChart();
      for (const j of msg.jobs) {
        lmView.onJob(j);
        attentionView.onJob(j);
      }
      break;
    }
    case 'job': {
      const isNew = !jobs.has(msg.job.jobId);
      jobs.set(msg.job.jobId, msg.job);
      chart.ensureRun(msg.job.jobId, msg.job.label);
      if (isNew) chart.rebuild();
      lmView.onJob(msg.job);
      attentionView.onJob(msg.job);
      if (msg.job.model === 'word2vec' && w2vChart) {
        w2vChart.ensureRun(msg.job.jobId, msg.job.label);
        if (isNew) w2vChart.rebuild();
      }
      renderRuns();
      break;
    }
    case 'points':
      for (const c of msg.chunks) {
        const j = jobs.get(c.jobId);
        if (j) chart.ensureRun(c.jobId, j.label);
        chart.append(c.jobId, c.steps, c.losses);
        lmView.onPoints(c, j);
        attentionView.onPoints(c, j);
        if (j?.model === 'word2vec' && w2vChart) {
          w2vChart.ensureRun(c.jobId, j.label);
          w2vChart.append(c.jobId, c.steps, c.losses);
        }
      }
      break;
    case 'removeJob':
      jobs.delete(msg.jobId);
      chart.remove(msg.jobId);
      renderRuns();
      break;
    case 'showView':
      showView(msg.view);
      break;
    case 'explain':
      renderExplain(explainSection, msg.view, (which, inputs) => requests.request('recompute', { which, inputs }, 10_000));
      showView('explain');
      break;
    case 'exportChart':
      exportChart(msg.format);
      break;
    case 'lm':
      if (!msg.live) showView('lm');
      lmView.show(msg.data, msg.live === true);
      break;
    case 'attention':
      if (!msg.live) showView('attention');
      attentionView.show(msg.data, msg.live === true);
      break;
    case 'embeddings':
      if (!msg.live) showView('embeddings');
      embeddingsMap().show(msg.view);
      break;
    case 'reply':
      requests.handleReply(msg);
      break;
  }
});

send({ type: 'ready' });
