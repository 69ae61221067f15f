/**
 * The sidebar Training view: a form to start a job (drawn from the models' parameter specs and validated as the
 * user types, with the same code the host validates with), the jobs with progress bars and stop buttons, and the
 * saved models. Draws only; every decision is the host's.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '../../media/sidebar.css';
import type { CorpusChoice, HostToSidebar, JobInfo, ModelForm, ModelKind, SavedModelInfo, SidebarToHost } from '../../src/shared/protocol';
import { coerceParam, flagOf, type ParamSpec, ValidationError } from '../../src/core/params';
import { formatNumber, h, setChildren, vscodeApi } from '../common/vscode';

interface SidebarState {
  model?: ModelKind;
  values: Record<string, Record<string, string>>;
  /** The corpus chosen last (an id of the host's choices). */
  corpus?: string;
}

const vscode = vscodeApi<SidebarState>();
const saved: SidebarState = vscode.getState() ?? { values: {} };
const send = (m: SidebarToHost) => vscode.postMessage(m);

let forms: ModelForm[] = [];
let corpora: CorpusChoice[] = [];
let trusted = true;
const jobs = new Map<string, JobInfo>();
let models: SavedModelInfo[] = [];
/** What the form on show was drawn from (the host's forms, corpora and trust), as JSON. */
let formKey = '';

const app = document.getElementById('app')!;
const formEl = h('form', { class: 'start-form', id: 'start-form', novalidate: true });
const jobsEl = h('ul', { class: 'jobs', id: 'jobs', 'aria-label': 'Jobs' });
const modelsEl = h('ul', { class: 'models', id: 'models', 'aria-label': 'Saved models' });
setChildren(
  app,
  h('vscode-collapsible', { title: 'Start a job', open: true, class: 'section' }, formEl),
  h('vscode-collapsible', { title: 'Jobs', open: true, class: 'section' }, jobsEl),
  h('vscode-collapsible', { title: 'Saved models', open: true, class: 'section' }, modelsEl),
);

function currentForm(): ModelForm | undefined {
  return forms.find((f) => f.model === saved.model) ?? forms[0];
}

function valueOf(el: Element): string {
  return String((el as unknown as { value: unknown }).value ?? '');
}

/**
 * Redraw the form only when what it is drawn from changed: a job or a saved model arriving must not close a list the
 * user has open or reset what they are choosing.
 */
function renderFormIfChanged(): void {
  const key = JSON.stringify([forms, corpora, trusted]);
  if (key === formKey) return;
  formKey = key;
  renderForm();
}

function renderForm(): void {
  const form = currentForm();
  if (!form) {
    setChildren(formEl);
    return;
  }
  saved.model = form.model;
  const values = (saved.values[form.model] ??= {});
  const modelSelect = h('vscode-single-select', { id: 'model', 'aria-label': 'Model' }, ...forms.map((f) => h('vscode-option', { value: f.model, selected: f.model === form.model }, f.title)));
  modelSelect.addEventListener('change', () => {
    saved.model = valueOf(modelSelect) as ModelKind;
    vscode.setState(saved);
    renderForm();
  });
  const fields = form.params.map((spec) => field(spec, values));
  const corpusRow = form.usesCorpus
    ? h('div', { class: 'row' }, h('label', { for: 'corpus' }, 'Corpus'), corpusSelect())
    : null;
  const submit = h('vscode-button', { id: 'train', icon: 'play', disabled: !trusted, onclick: () => submitForm(form) }, 'Train');
  setChildren(
    formEl,
    h('div', { class: 'row' }, h('label', { for: 'model' }, 'Model'), modelSelect),
    h('p', { class: 'hint' }, form.description),
    corpusRow,
    ...fields,
    h('p', { class: 'form-error', id: 'form-error', role: 'alert' }),
    trusted ? null : h('p', { class: 'form-error' }, 'Training is disabled in an untrusted workspace.'),
    h('div', { class: 'actions' }, submit),
  );
  bindExclusive(form, values);
}

/** The corpus choice, kept in the view's state so that redrawing the form leaves it as the user set it. */
function corpusSelect(): HTMLElement {
  const chosen = corpora.some((c) => c.id === saved.corpus) ? saved.corpus : corpora[0]?.id;
  const select = h('vscode-single-select', { id: 'corpus', name: 'corpus' }, ...corpora.map((c) => h('vscode-option', { value: c.id, selected: c.id === chosen }, c.label)));
  select.addEventListener('change', () => {
    saved.corpus = valueOf(select);
    vscode.setState(saved);
  });
  return select;
}

/**
 * A form's exclusive fields: while the checkbox `when` is on, `field` shows the only value it may have and cannot be
 * edited (the host refuses any other); turning it off gives back what was there before.
 */
function bindExclusive(form: ModelForm, values: Record<string, string>): void {
  for (const r of form.exclusive ?? []) {
    const toggle = formEl.querySelector(`#param-${r.when}`) as (HTMLElement & { checked: boolean }) | null;
    const input = formEl.querySelector(`#param-${r.field}`) as (HTMLElement & { value: string; validateNow?: () => boolean }) | null;
    if (!toggle || !input) continue;
    let before = input.value === String(r.value) ? undefined : input.value;
    const sync = () => {
      if (toggle.checked) {
        if (input.value !== String(r.value)) before = input.value;
        input.value = String(r.value);
        input.toggleAttribute('disabled', true);
        input.title = r.why;
      } else {
        if (input.hasAttribute('disabled') && before !== undefined) input.value = before;
        input.toggleAttribute('disabled', false);
        input.title = '';
      }
      values[r.field] = input.value;
      input.validateNow?.();
    };
    toggle.addEventListener('change', sync);
    sync();
  }
}

function field(spec: ParamSpec, values: Record<string, string>): HTMLElement {
  const id = `param-${spec.name}`;
  const current = values[spec.name] ?? String(spec.default);
  let input: HTMLElement;
  if (spec.kind === 'enum') {
    input = h('vscode-single-select', { id, name: spec.name }, ...spec.options.map((o) => h('vscode-option', { value: o, selected: o === current }, o)));
  } else if (spec.kind === 'bool') {
    input = h('vscode-checkbox', { id, name: spec.name, checked: current === 'true' });
  } else {
    input = h('vscode-textfield', { id, name: spec.name, value: current, type: spec.kind === 'int' ? 'number' : 'text', inputmode: spec.kind === 'float' ? 'decimal' : undefined });
  }
  const err = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  const check = () => {
    const raw = spec.kind === 'bool' ? String((input as unknown as { checked: boolean }).checked) : valueOf(input);
    values[spec.name] = raw;
    vscode.setState(saved);
    try {
      coerceParam(spec, raw);
      err.textContent = '';
      input.toggleAttribute('invalid', false);
      return true;
    } catch (e) {
      err.textContent = e instanceof ValidationError ? e.message : String(e);
      input.toggleAttribute('invalid', true);
      return false;
    }
  };
  input.addEventListener('input', check);
  input.addEventListener('change', check);
  (input as HTMLElement & { validateNow?: () => boolean }).validateNow = check;
  return h('div', { class: 'row', title: `${spec.description} (--${flagOf(spec)})` }, h('label', { for: id }, spec.label), input, h('div', { class: 'hint' }, spec.description), err);
}

function submitForm(form: ModelForm): void {
  const params: Record<string, unknown> = {};
  let ok = true;
  for (const spec of form.params) {
    const input = formEl.querySelector(`#param-${spec.name}`) as (HTMLElement & { validateNow?: () => boolean }) | null;
    if (!input) continue;
    if (input.validateNow && !input.validateNow()) ok = false;
    params[spec.name] = spec.kind === 'bool' ? (input as unknown as { checked: boolean }).checked : valueOf(input);
  }
  const errEl = formEl.querySelector('#form-error')!;
  if (!ok) {
    errEl.textContent = 'Fix the fields marked above.';
    return;
  }
  errEl.textContent = '';
  const corpusEl = formEl.querySelector('#corpus');
  send({ type: 'start', model: form.model, params, corpus: corpusEl ? valueOf(corpusEl) : 'none' });
}

function renderJobs(): void {
  const list = [...jobs.values()].sort((a, b) => b.startedAt - a.startedAt);
  if (!list.length) {
    setChildren(jobsEl, h('li', { class: 'empty' }, 'No jobs yet.'));
    return;
  }
  setChildren(
    jobsEl,
    ...list.map((j) => {
      const active = j.status === 'running' || j.status === 'queued';
      return h(
        'li',
        { class: `job status-${j.status}`, 'data-job': j.jobId, 'data-status': j.status },
        h('div', { class: 'job-head' }, h('span', { class: 'label' }, j.label), h('vscode-badge', { class: 'status' }, j.status), active ? h('vscode-button', { class: 'stop', secondary: true, icon: 'debug-stop', 'aria-label': `Stop ${j.label}`, onclick: () => send({ type: 'stopJob', jobId: j.jobId }) }, 'Stop') : null, j.resumable && trusted ? h('vscode-button', { class: 'resume', secondary: true, icon: 'debug-continue', 'aria-label': `Resume ${j.label}`, title: 'Continue from its checkpoint', onclick: () => send({ type: 'resumeJob', jobId: j.jobId }) }, 'Resume') : null),
        h('vscode-progress-bar', { value: Math.round(j.progress * 100), max: 100, 'aria-label': `${j.label} progress` }),
        h('div', { class: 'job-detail' }, active ? `step ${j.step}${j.total ? ` of ${j.total}` : ''} · loss ${formatNumber(j.loss)}` : (j.error ?? j.summary ?? '')),
      );
    }),
  );
}

function renderModels(): void {
  setChildren(
    modelsEl,
    ...(models.length
      ? models.map((m) => h('li', { class: 'saved-model', title: m.dir }, h('span', { class: 'label' }, m.name), h('span', { class: 'job-detail' }, m.summary)))
      : [h('li', { class: 'empty' }, 'Trained models are saved in the workspace and listed here.')]),
  );
}

window.addEventListener('message', (ev: MessageEvent<HostToSidebar>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'state':
      forms = msg.forms;
      corpora = msg.corpora;
      trusted = msg.trusted;
      models = msg.models;
      jobs.clear();
      for (const j of msg.jobs) jobs.set(j.jobId, j);
      renderFormIfChanged();
      renderJobs();
      renderModels();
      break;
    case 'job':
      jobs.set(msg.job.jobId, msg.job);
      renderJobs();
      break;
    case 'formError': {
      const target = msg.field ? formEl.querySelector(`#param-${msg.field}-error`) : null;
      (target ?? formEl.querySelector('#form-error'))!.textContent = msg.message;
      break;
    }
  }
});

send({ type: 'ready' });
