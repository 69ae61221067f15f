/**
 * The Practice view of the study panel: the question, an answer box (or the choices of a "what happens if…"
 * question), the grade with the worked solution or the run's numbers, progress per concept and the count of
 * question kinds due. Draws only: questions, grades and numbers come from the host (src/core/practice).
 */
import '../../media/practice.css';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { PracticePanelData } from '../../src/shared/views/practice';
import { h, setChildren } from '../common/vscode';
import type { PanelViewModule, ViewContext } from './viewModule';

type Valued = HTMLElement & { value: string; disabled?: boolean };

const BOX_WORDS = ['new', 'box 1', 'box 2', 'box 3', 'box 4', 'box 5'];

function progressTable(data: PracticePanelData): HTMLElement {
  if (!data.progress.length) return h('p', { class: 'practice-muted', id: 'practice-progress' }, 'No answers yet: progress per concept appears here.');
  return h(
    'table',
    { class: 'practice-progress', id: 'practice-progress' },
    h('thead', {}, h('tr', {}, h('th', {}, 'concept'), h('th', {}, 'right'), h('th', {}, 'wrong'), h('th', {}, 'Leitner box'), h('th', {}, ''))),
    h('tbody', {}, ...data.progress.map((r) => h('tr', { 'data-concept': r.concept }, h('td', {}, r.title), h('td', {}, String(r.right)), h('td', {}, String(r.wrong)), h('td', {}, BOX_WORDS[r.box] ?? ''), h('td', { class: 'practice-due' }, r.due ? 'due' : '')))),
  );
}

function resultBlock(data: PracticePanelData): HTMLElement | null {
  const r = data.result;
  if (!r) return null;
  return h(
    'div',
    { class: `practice-result ${r.correct ? 'practice-right' : 'practice-wrong'}`, id: 'practice-result', 'data-correct': String(r.correct) },
    h('p', { class: 'practice-grade' }, r.correct ? `Right: ${r.given}` : `Not quite: you said ${r.given}; the answer is ${r.expected}`),
    h('p', { class: 'practice-muted' }, r.outcome ? 'What the run in the worker gave:' : 'Worked solution:'),
    h('ol', { class: 'practice-solution', id: 'practice-solution' }, ...r.solution.map((s) => h('li', {}, s))),
    h('p', { class: 'practice-muted' }, `This kind of question comes back ${r.next}.`),
  );
}

export const practiceView = (root: HTMLElement, ctx: ViewContext): PanelViewModule<'practice'> => {
  root.classList.add('practice');
  setChildren(root, h('p', { class: 'empty', id: 'practice-empty' }, 'Run “ML Study: Practice This Note” or “ML Study: Practice the Course” to get questions from the formulas of your notes.'));
  let stamp = -1;
  let status: HTMLElement;
  /** What was typed last: kept in the box when the answer could not be read. */
  let typed = '';

  const ask = (p: Promise<PracticePanelData>, busy: string) => {
    status.textContent = busy;
    p.then(
      (d) => draw(d),
      (e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)),
    );
  };

  function questionBlock(data: PracticePanelData): HTMLElement {
    const q = data.question;
    if (!q) return h('p', { class: 'practice-muted', id: 'practice-question' }, 'No question for these notes: none of their recognised formulas has practice questions yet.');
    const answered = data.result?.id === q.id;
    let input: HTMLElement;
    if (q.kind === 'numeric') {
      const field = h('vscode-textfield', { id: 'practice-answer', placeholder: q.components === 1 ? 'a number, e.g. 0.27 or 1/2' : `${q.components} numbers, e.g. (0.09, 0.24, 0.67)`, 'aria-label': 'Your answer' }) as Valued;
      if (data.parseError) field.value = typed;
      const submit = () => ask(ctx.host.request('practice.answer', { id: q.id, answer: (typed = field.value) }), 'Grading…');
      field.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && !answered && submit());
      if (answered) Object.assign(field, { value: data.result?.given ?? '', disabled: true });
      input = h('div', { class: 'practice-row' }, field, h('vscode-button', { id: 'practice-submit', onclick: () => !answered && submit(), disabled: answered }, 'Check'));
    } else {
      input = h(
        'div',
        { class: 'practice-choices', id: 'practice-choices' },
        ...(q.choices ?? []).map((c, i) =>
          h('vscode-button', { class: 'practice-choice', secondary: true, 'data-choice': String(i), disabled: answered, onclick: () => !answered && ask(ctx.host.request('practice.answer', { id: q.id, answer: i }), 'Running the experiment in the worker…') }, c),
        ),
      );
    }
    return h('div', { class: 'practice-question', id: 'practice-question', 'data-id': q.id, 'data-kind': q.kind, 'data-components': String(q.components) }, h('p', { class: 'practice-concept' }, q.conceptTitle), h('p', { class: 'practice-prompt' }, q.prompt), input);
  }

  function draw(data: PracticePanelData): void {
    if (data.stamp === stamp) return;
    stamp = data.stamp;
    status = h('p', { class: 'practice-status', id: 'practice-status', role: 'status' }, data.parseError ?? '');
    setChildren(
      root,
      h('h2', {}, `Practice — ${data.scope}`),
      h('p', { class: 'practice-muted', id: 'practice-summary' }, `${data.due} due now · concepts: ${data.concepts.join(', ') || 'none recognised'}`),
      questionBlock(data),
      status,
      resultBlock(data),
      h('vscode-button', { id: 'practice-next', onclick: () => ask(ctx.host.request('practice.next', {}), 'Next question…') }, 'Next question'),
      h('h3', {}, 'Progress'),
      progressTable(data),
      h('p', { class: 'practice-muted', id: 'practice-storage' }, data.storage.note),
    );
    Object.assign(root.dataset, { stamp: String(data.stamp), due: String(data.due), question: data.question?.id ?? '' });
  }

  return { show: (data) => draw(data) };
};
