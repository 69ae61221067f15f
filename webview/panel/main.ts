/**
 * The study panel: one tab and one section per view of the table (src/shared/panelViews.ts, webview/panel/views.ts).
 * Routes what the host sends to the views, their requests to the host, and the host's requests to them.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '../../media/panel.css';
import type { HostToPanel, JobInfo, PanelToHost, SeriesChunk } from '../../src/shared/protocol';
import { PANEL_VIEW_IDS, PANEL_VIEWS, type PanelAnswers, type PanelRequests, type PanelView } from '../../src/shared/panelViews';
import { Channel, serve, type Handlers } from '../../src/shared/rpc';
import { h, setChildren, vscodeApi } from '../common/vscode';
import type { PanelState, PanelViewModule, ViewContext } from './viewModule';
import { VIEW_MODULES } from './views';
import { ViewFeed } from './viewFeed';

/** A field with an id that the user types text into (not a checkbox, slider or list). */
function isTextField(el: EventTarget | null): el is HTMLElement & { value: string } {
  if (!(el instanceof HTMLElement) || !el.id) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') return ['text', 'search', 'number'].includes((el as HTMLInputElement).type);
  return tag === 'textarea' || tag === 'vscode-textfield' || tag === 'vscode-textarea';
}

const vscode = vscodeApi<PanelState>();
const state: PanelState = vscode.getState() ?? { view: 'training', logScale: false, hidden: [] };
const send = (m: PanelToHost) => vscode.postMessage(m);
const ctx: ViewContext = {
  host: new Channel<PanelRequests>(send, 60_000),
  send,
  state,
  saveState(patch) {
    Object.assign(state, patch);
    vscode.setState(state);
  },
};
const jobs = new Map<string, JobInfo>();
/** Every listed job's loss series: the host sends it whole once (`state`), then only new points. */
const series = new Map<string, SeriesChunk>();

/** A job's series as kept here (empty for a job not seen before). */
function seriesOf(jobId: string): SeriesChunk {
  let kept = series.get(jobId);
  if (!kept) series.set(jobId, (kept = { jobId, steps: [], losses: [] }));
  return kept;
}

/** The list of jobs: each view gets it with the series of every listed job (a new job's is empty). */
function setJobs(list: JobInfo[]): void {
  jobs.clear();
  for (const j of list) jobs.set(j.jobId, j);
  for (const id of [...series.keys()]) if (!jobs.has(id)) series.delete(id);
  const known = list.map((j) => seriesOf(j.jobId));
  for (const m of all) m.onState?.(list, known);
}

/**
 * The points of a chunk not kept yet, now kept; null when it has none. A run's steps rise, so points the last `state`
 * had already (the host flushes them after it) are not drawn twice.
 */
function takeNew(c: SeriesChunk): SeriesChunk | null {
  const kept = seriesOf(c.jobId);
  const last = kept.steps.length ? kept.steps[kept.steps.length - 1] : -Infinity;
  let from = 0;
  while (from < c.steps.length && c.steps[from] <= last) from++;
  if (from === c.steps.length) return null;
  const fresh = from === 0 ? c : { jobId: c.jobId, steps: c.steps.slice(from), losses: c.losses.slice(from) };
  for (let i = 0; i < fresh.steps.length; i++) kept.steps.push(fresh.steps[i]), kept.losses.push(fresh.losses[i]);
  return fresh;
}

const app = document.getElementById('app')!;
const tabs = PANEL_VIEW_IDS.map((id, i) =>
  h('button', { class: 'tab', id: `tab-${id}`, role: 'tab', 'aria-controls': `view-${id}`, onclick: () => showView(id, true), onkeydown: (e: Event) => moveTab(e as KeyboardEvent, i) }, PANEL_VIEWS[id].title),
);
const sections = PANEL_VIEW_IDS.map((id) => h('section', { class: id, id: `view-${id}` }));
/** The views' modules, in the order of the table. */
const all: Array<PanelViewModule<PanelView>> = PANEL_VIEW_IDS.map((id, i) => VIEW_MODULES[id](sections[i], ctx));
const tools = all.map((m) => m.tools);
setChildren(app, h('header', { class: 'toolbar', role: 'tablist' }, ...tabs, h('span', { class: 'spacer' }), ...tools), ...sections);
const answers: Partial<Handlers<PanelAnswers>> = { 'panel.ping': () => true };
for (const m of all) Object.assign(answers, m.answers);
const answer = serve<PanelAnswers>(answers, send);

function showView(view: PanelView, byUser = false): void {
  if (byUser && view !== state.view) send({ type: 'viewChanged', view });
  ctx.saveState({ view });
  PANEL_VIEW_IDS.forEach((id, i) => {
    sections[i].hidden = id !== view;
    tabs[i].classList.toggle('active', id === view);
    tabs[i].setAttribute('aria-selected', String(id === view));
    tabs[i].tabIndex = id === view ? 0 : -1;
    if (tools[i]) tools[i].hidden = id !== view;
  });
  app.dataset.view = view;
  all[PANEL_VIEW_IDS.indexOf(view)].redraw?.();
}

/** Arrow keys, Home and End move between the tabs (the tab list's keyboard pattern); the focused tab opens. */
function moveTab(e: KeyboardEvent, i: number): void {
  const n = tabs.length;
  const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
  if (to < 0) return;
  e.preventDefault();
  tabs[to].focus();
  showView(PANEL_VIEW_IDS[to], true);
}

/** A view's data: switch to it unless it is a live update, then draw it unless the view shows it already (a replay). */
const feed = new ViewFeed(
  (view) => all[PANEL_VIEW_IDS.indexOf(view)],
  (view) => showView(view),
  {
    saved: state.typed ?? {},
    save: (typed) => ctx.saveState({ typed }),
    fill(view, id, text) {
      const el = document.getElementById(id);
      if (!isTextField(el) || !sections[PANEL_VIEW_IDS.indexOf(view)].contains(el)) return false;
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    },
  },
);
// What the user types into a view's text fields: `input` bubbles up from the field (out of a vscode-textfield's
// shadow too), after the field has taken the new text.
PANEL_VIEW_IDS.forEach((id, i) =>
  sections[i].addEventListener('input', (ev) => {
    if (isTextField(ev.target)) feed.typedInto(id, ev.target.id, ev.target.value);
  }),
);

showView(state.view);

window.addEventListener('message', (ev: MessageEvent<HostToPanel>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'state':
      series.clear();
      for (const c of msg.series) series.set(c.jobId, { jobId: c.jobId, steps: [...c.steps], losses: [...c.losses] });
      setJobs(msg.jobs);
      showView(msg.view);
      break;
    case 'jobs':
      setJobs(msg.jobs);
      break;
    case 'job': {
      const isNew = !jobs.has(msg.job.jobId);
      jobs.set(msg.job.jobId, msg.job);
      for (const m of all) m.onJob?.(msg.job, isNew);
      break;
    }
    case 'points':
      for (const c of msg.chunks) {
        const fresh = takeNew(c);
        if (fresh) for (const m of all) m.onPoints?.(fresh, jobs.get(c.jobId));
      }
      break;
    case 'removeJob':
      jobs.delete(msg.jobId);
      series.delete(msg.jobId);
      for (const m of all) m.onRemoveJob?.(msg.jobId);
      break;
    case 'showView':
      showView(msg.view);
      break;
    case 'view':
      feed.take(msg);
      break;
    case 'request':
      void answer(msg);
      break;
    case 'reply':
      ctx.host.handleReply(msg);
      break;
  }
});

send({ type: 'ready' });
