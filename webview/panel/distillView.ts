/**
 * The Distillation view: the held-out perplexity of the student trained with the teacher and of its twin trained
 * without (same data, same steps), the teacher's for reference, and the teacher's softened next-token
 * distributions at T = 1, 2, 5 for one position of a text. Every number comes from the engine via the host.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../../media/models.css';
import type { DistillPanelData, SoftenedTokens } from '../../src/shared/views/models';
import { formatNumber, h, setChildren } from '../common/vscode';
import { lineChart, type Series } from './svgPlot';
import type { ViewFactory } from './viewModule';

type Valued = HTMLElement & { value: string };

function curves(d: DistillPanelData): HTMLElement {
  if (!d.history.length) return h('p', { class: 'models-empty' }, 'No distillation yet: train one (ML Study: Train Distilled Student, or Knowledge distillation in the Training view). A saved LSTM is the teacher.');
  const series: Series[] = [
    { name: 'with the teacher', cls: 'c0', points: d.history.map((p) => [p.step, p.distilled.perplexity]) },
    { name: 'without (labels only)', cls: 'c1', points: d.history.map((p) => [p.step, p.baseline.perplexity]) },
  ];
  if (d.teacherPerplexity !== undefined && Number.isFinite(d.teacherPerplexity)) {
    const steps = d.history.map((p) => p.step);
    series.push({ name: 'teacher', cls: 'c2', dashed: true, points: [[Math.min(...steps), d.teacherPerplexity], [Math.max(...steps), d.teacherPerplexity]] });
  }
  const last = d.history[d.history.length - 1];
  return h(
    'figure',
    { class: 'models-figure' },
    lineChart(series, { width: 520, height: 260, xLabel: 'step', yLabel: 'held-out perplexity', id: 'distill-curves' }),
    h(
      'figcaption',
      {},
      `Step ${last.step}: held-out loss ${formatNumber(last.distilled.heldOutLoss)} (perplexity ${formatNumber(last.distilled.perplexity)}) with the teacher, ${formatNumber(last.baseline.heldOutLoss)} (${formatNumber(last.baseline.perplexity)}) without.`,
    ),
  );
}

/** One bar group per temperature: the top tokens' probabilities and the rest of the vocabulary. */
function distributions(sd: SoftenedTokens): HTMLElement {
  const shown = (t: string) => (t === ' ' ? '␣' : t === '\n' ? '↵' : t);
  const groups = sd.temperatures.map((t) =>
    h(
      'div',
      { class: 'soft-group' },
      h('div', { class: 'soft-title' }, `T = ${t.temperature}`),
      ...sd.tokens.map((tok, k) =>
        h('div', { class: 'soft-row' }, h('span', { class: 'soft-token' }, shown(tok)), h('span', { class: 'soft-bar-box' }, h('span', { class: `soft-bar t${t.temperature}`, 'data-p': t.probs[k] })), h('span', { class: 'soft-p' }, t.probs[k].toFixed(3))),
      ),
      h('div', { class: 'soft-row soft-rest' }, h('span', { class: 'soft-token' }, 'rest'), h('span', { class: 'soft-bar-box' }, h('span', { class: 'soft-bar rest', 'data-p': t.rest })), h('span', { class: 'soft-p' }, t.rest.toFixed(3))),
    ),
  );
  // widths through the CSSOM (inline style attributes are refused by the CSP)
  for (const g of groups) for (const b of Array.from(g.querySelectorAll<HTMLElement>('.soft-bar'))) b.style.width = `${Math.max(0, Math.min(1, Number(b.dataset.p))) * 100}%`;
  const ctx = sd.context.join(sd.level === 'char' ? '' : ' ');
  return h(
    'div',
    {},
    h('p', { class: 'models-caption' }, `After “${ctx.slice(-80)}”${sd.next !== null ? ` (the text goes on with “${shown(sd.next)}”)` : ''}: the teacher's next-token distribution softmax(z / T), top ${sd.tokens.length} of ${sd.vocabSize} tokens.`),
    h('div', { class: 'soft-groups', id: 'distill-softened' }, ...groups),
  );
}

export const distillView: ViewFactory<'distill'> = (root, ctx) => {
  const wrap = h('div', { class: 'models' });
  root.append(wrap);
  const text = h('vscode-textfield', { class: 'models-text', id: 'distill-text', placeholder: 'a text; the distribution of the token after it' }) as Valued;
  const error = h('div', { class: 'models-error', id: 'distill-error' });
  const ask = () => {
    error.textContent = '';
    ctx.host.request('distill.soften', { text: text.value }).catch((e: Error) => (error.textContent = e.message));
  };
  const button = h('vscode-button', { id: 'distill-soften', onclick: ask }, 'Soften');
  const status = h('div', { class: 'models-status', id: 'distill-status' });
  const chart = h('div', {});
  const soft = h('div', {});
  setChildren(
    wrap,
    h('h2', {}, 'Knowledge distillation'),
    status,
    chart,
    h('h3', {}, "The teacher's soft targets at T = 1, 2, 5"),
    h('div', { class: 'models-controls' }, text, button),
    error,
    soft,
  );
  return {
    show(d) {
      const job = d.job ? `${d.job.label} (${d.job.status})` : 'no job';
      status.textContent = `${job}${d.temperature !== undefined ? ` · T ${d.temperature}, α ${d.alpha}` : ''}${d.teacher ? ` · teacher ${d.teacher}` : ''}${d.teacherPerplexity !== undefined ? `, held-out perplexity ${formatNumber(d.teacherPerplexity)}` : ''}`;
      setChildren(chart, curves(d));
      if (d.text !== undefined && text.value === '') text.value = d.text;
      setChildren(soft, d.softened ? distributions(d.softened) : null);
      error.textContent = d.error ?? '';
      root.dataset.status = d.job?.status ?? '';
      root.dataset.points = String(d.history.length);
      root.dataset.softened = d.softened ? String(d.softened.tokens.length) : '0';
    },
  };
};
