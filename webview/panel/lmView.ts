/**
 * The Language Model view of the study panel, for any saved language model (an LSTM, GRU or RNN, or a causal
 * Transformer), chosen in its model picker: training and held-out loss and held-out perplexity curves, the samples
 * as training goes on, teacher forcing next to free running, a generate box whose output colours each token by its
 * surprisal (probability on hover), and "compare": two models' perplexity and surprisal colouring of one text side
 * by side. Draws only: every number comes from the host.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '../../media/lm.css';
import '../../media/picker.css';
import type { JobInfo, SeriesChunk } from '../../src/shared/protocol';
import type { LmComparison, LmGenerated, LmPanelData, LmPerplexityReport, LmScoredToken, TeacherForcingComparison } from '../../src/shared/views/lm';
import { ModelPicker, modelsAsker } from './modelPicker';
import { formatNumber, h, setChildren } from '../common/vscode';
import type { PanelViewModule, ViewContext } from './viewModule';
import { LossChart } from './lossChart';
import { domSource, exportButtons } from './export';

/** Upper bounds (nats) of the surprisal bands s0…s4; above the last is s5. */
const BANDS = [0.5, 1, 2, 3, 5];
/** Tokens of a scored file drawn at most (the figure covers them all). */
const MAX_DRAWN = 6000;

export function bandOf(surprisal: number): number {
  let b = 0;
  while (b < BANDS.length && surprisal >= BANDS[b]) b++;
  return b;
}

function tokenTitle(text: string, prob: number, surprisal: number): string {
  return `${JSON.stringify(text)}  p = ${prob < 1e-4 ? prob.toExponential(2) : prob.toFixed(4)} · surprisal ${surprisal.toFixed(2)} nats (${(surprisal / Math.LN2).toFixed(2)} bits)`;
}

/** Whitespace made visible in the aligned teacher-forcing grid. */
function visible(t: string): string {
  return t.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥') || '∅';
}

type Field = HTMLElement & { value: string };

/** A scored text, each token coloured by its surprisal (the first MAX_DRAWN). */
function scoredTokens(id: string, detail: LmScoredToken[]): HTMLElement {
  const drawn = detail.slice(0, MAX_DRAWN);
  return h('div', { class: 'lm-tokens', id }, ...drawn.map((t) => (t.surprisal === undefined || t.prob === undefined ? h('span', { class: 'tok ctx', title: 'context only (not scored)' }, t.display) : h('span', { class: `tok s${bandOf(t.surprisal)}`, title: tokenTitle(t.display, t.prob, t.surprisal) }, t.display))));
}

/** The perplexity line: the figure and how it is made. */
function perplexityLine(p: LmPerplexityReport, id: string): HTMLElement {
  const bpc = p.bitsPerChar !== undefined ? ` · ${formatNumber(p.bitsPerChar)} bits/char` : '';
  const unk = p.unknownCount ? ` · ${p.unknownCount} token(s) unknown to the model` : '';
  return h('p', { class: 'lm-figure-line', id }, h('strong', {}, formatNumber(p.perplexity)), ` = exp(${formatNumber(p.crossEntropy)} nats mean surprisal over ${p.tokens} tokens)${bpc}${unk}`);
}

export const lmView = (root: HTMLElement, ctx: ViewContext): PanelViewModule<'lm'> => new LmView(root, ctx);

class LmView implements PanelViewModule<'lm'> {
  private data: LmPanelData | undefined;
  private readonly titleEl = h('h2', { id: 'lm-title' }, 'Language model');
  private readonly statusEl = h('p', { class: 'muted', id: 'lm-status' }, 'No language model yet: train an LSTM or a Transformer language model (“ML Study: Train LSTM Language Model”, “ML Study: Train Transformer Language Model”, or the Training view); a language model’s curves and samples appear here as it trains.');
  private readonly lossHost = h('div', { class: 'lm-chart', id: 'lm-loss-chart', 'aria-label': 'Training and held-out loss' });
  private readonly pplHost = h('div', { class: 'lm-chart', id: 'lm-ppl-chart', 'aria-label': 'Held-out perplexity' });
  private readonly lossLegend = h('div', { class: 'lm-legend' });
  private readonly pplLegend = h('div', { class: 'lm-legend' });
  private readonly samplesEl = h('ol', { class: 'lm-samples', id: 'lm-samples' });
  private readonly tfEl = h('div', { class: 'lm-tf', id: 'lm-tf' });
  private readonly outputEl = h('div', { class: 'lm-tokens', id: 'lm-output', 'aria-live': 'polite' });
  private readonly outputInfo = h('p', { class: 'muted', id: 'lm-output-info' });
  private readonly errorEl = h('p', { class: 'field-error', id: 'lm-error', role: 'alert' });
  private readonly pplSection = h('section', { class: 'lm-block', id: 'lm-perplexity', hidden: true });
  private readonly picker: ModelPicker;
  private readonly cmpText: Field;
  private readonly cmpBtn: HTMLElement;
  private readonly cmpOut = h('div', { class: 'lm-cmp', id: 'lm-cmp-out' });
  private readonly cmpError = h('p', { class: 'field-error', id: 'lm-cmp-error', role: 'alert' });
  private lastComparisonKey = '';
  private readonly askModels: () => void;
  private readonly fields: Record<'prompt' | 'temperature' | 'topK' | 'topP' | 'length' | 'seed', Field>;
  private readonly generateBtn: HTMLElement;
  private readonly compareBtn: HTMLElement;
  private readonly gatesBtn: HTMLElement;
  private loss: LossChart | undefined;
  private ppl: LossChart | undefined;
  /** Last training-loss step drawn (points arriving twice, in the data and through onPoints, are drawn once). */
  private lastTrainStep = -Infinity;
  private lastGeneratedKey = '';
  private lastPerplexityKey = '';
  private infoAsked = '';
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
  ) {
    // Decimals are text fields (a number input with step 1 would mark 0.7 invalid); the host checks every value.
    const field = (name: string, label: string, value: string, inputmode: 'text' | 'numeric' | 'decimal'): Field => {
      const el = h('vscode-textfield', { id: `lm-${name}`, value, type: inputmode === 'numeric' ? 'number' : 'text', inputmode, 'aria-label': label, placeholder: label, class: `lm-field lm-field-${name}` }) as Field;
      el.addEventListener('input', () => (this.errorEl.textContent = ''));
      return el;
    };
    this.fields = {
      prompt: field('prompt', 'Prompt', '', 'text'),
      temperature: field('temperature', 'Temperature', '0.8', 'decimal'),
      topK: field('topk', 'Top-k', '0', 'numeric'),
      topP: field('topp', 'Top-p', '1', 'decimal'),
      length: field('length', 'Length', '200', 'numeric'),
      seed: field('seed', 'Seed', '1', 'numeric'),
    };
    this.fields.prompt.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') void this.generate();
    });
    this.generateBtn = h('vscode-button', { id: 'lm-generate', icon: 'sparkle', onclick: () => void this.generate() }, 'Generate');
    this.compareBtn = h('vscode-button', { id: 'lm-compare', secondary: true, icon: 'git-compare', title: 'Teacher forcing vs free running on the text in the prompt box', onclick: () => void this.compare() }, 'Teacher forcing vs free running');
    this.gatesBtn = h('vscode-button', { id: 'lm-gates', secondary: true, icon: 'eye', title: 'Each character of the prompt box (or the last text read) tinted by a unit\'s cell and gates', onclick: () => void this.run(this.gatesBtn, (dir) => this.ctx.host.request('lm.gates', { dir, text: this.fields.prompt.value }).then(() => undefined)) }, 'Inside the LSTM');
    this.picker = new ModelPicker({
      id: 'lm-picker',
      caption: 'Saved language models',
      empty: 'No saved language model yet: train an LSTM or a Transformer language model (Training view).',
      onUse: (dir) => void this.select(dir),
      onCompare: () => (this.cmpError.textContent = ''),
    });
    this.askModels = modelsAsker(ctx.host, 'lm.models', this.picker, () => this.data, () => this.data?.dir);
    this.cmpText = h('vscode-textfield', { id: 'lm-cmp-text', type: 'text', 'aria-label': 'Text to compare the two models on', placeholder: 'Text to score under both models…', class: 'lm-field lm-field-cmp' }) as Field;
    this.cmpBtn = h('vscode-button', { id: 'lm-cmp-run', icon: 'git-compare', title: 'Perplexity and surprisal colouring of the text under the model in use and the one chosen in the Compare column', onclick: () => void this.compareModels() }, 'Compare');
    const labelled = (label: string, el: HTMLElement) => h('label', { class: 'lm-labelled' }, h('span', {}, label), el);
    const legend = h(
      'div',
      { class: 'lm-legend lm-band-legend', 'aria-label': 'Surprisal colours' },
      h('span', { class: 'muted' }, 'surprisal (nats):'),
      ...BANDS.map((hi, i) => h('span', { class: `tok s${i}` }, `< ${hi}`)),
      h('span', { class: `tok s${BANDS.length}` }, `≥ ${BANDS[BANDS.length - 1]}`),
      h('span', { class: 'tok prompt s1' }, 'prompt'),
    );
    setChildren(
      root,
      h('header', { class: 'lm-head' }, this.titleEl),
      this.picker.el,
      this.statusEl,
      h(
        'div',
        { class: 'lm-charts' },
        h('figure', { class: 'lm-figure' }, h('figcaption', {}, 'Loss (cross-entropy, nats per token)'), this.lossHost, this.lossLegend),
        h('figure', { class: 'lm-figure' }, h('figcaption', {}, 'Held-out perplexity = exp(mean surprisal)'), this.pplHost, this.pplLegend),
      ),
      h(
        'section',
        { class: 'lm-block lm-generate' },
        h('h3', {}, 'Generate'),
        h('div', { class: 'lm-form' }, labelled('Prompt', this.fields.prompt), labelled('Temperature', this.fields.temperature), labelled('Top-k', this.fields.topK), labelled('Top-p', this.fields.topP), labelled('Length', this.fields.length), labelled('Seed', this.fields.seed)),
        h('div', { class: 'lm-actions' }, this.generateBtn, this.compareBtn, this.gatesBtn),
        this.errorEl,
        legend,
        this.outputInfo,
        this.outputEl,
        exportButtons(ctx, domSource(() => this.outputEl, { name: 'generated-text', alt: 'Generated text, each token coloured by its surprisal' }), 'lm-output-export'),
      ),
      h('section', { class: 'lm-block' }, h('h3', {}, 'Teacher forcing vs free running'), this.tfEl),
      h(
        'section',
        { class: 'lm-block', id: 'lm-compare-models' },
        h('h3', {}, 'Compare two models'),
        h('p', { class: 'muted' }, 'Choose a second model in the picker’s Compare column, type a text, and see both perplexities and colourings side by side.'),
        h('div', { class: 'lm-form' }, labelled('Text', this.cmpText), h('div', { class: 'lm-actions' }, this.cmpBtn)),
        this.cmpError,
        this.cmpOut,
      ),
      this.pplSection,
      h('section', { class: 'lm-block' }, h('h3', {}, 'Samples as training goes on'), this.samplesEl),
    );
    this.renderTeacherForcing(undefined);
  }

  show(data: LmPanelData, _live: boolean): void {
    const changed = !this.data || this.data.dir !== data.dir || this.data.jobId !== data.jobId;
    this.data = data;
    this.root.dataset.dir = data.dir ?? '';
    this.root.dataset.status = data.status ?? '';
    this.titleEl.textContent = `Language model — ${data.name}`;
    this.root.dataset.kind = data.kind ?? '';
    this.picker.update(data.picker);
    this.gatesBtn.hidden = data.kind === 'transformer';
    this.renderComparison(data.comparison);
    if (!data.picker) this.askModels();
    if (changed) {
      setChildren(this.outputEl);
      this.outputInfo.textContent = '';
      this.errorEl.textContent = '';
      this.lastGeneratedKey = '';
    }
    this.renderStatus();
    this.renderCharts();
    this.renderSamples();
    if (data.teacherForcing || changed) this.renderTeacherForcing(data.teacherForcing, data.teacherForcing?.step !== undefined ? `held-out text, step ${data.teacherForcing.step}` : undefined);
    if (data.generated) {
      const key = JSON.stringify(data.generated.options) + data.generated.text;
      if (key !== this.lastGeneratedKey) {
        this.lastGeneratedKey = key;
        this.setFields(data.generated.options);
        this.renderGenerated(data.generated);
      }
    }
    this.renderPerplexity();
    if (data.needsInfo && data.dir && this.infoAsked !== data.dir) {
      this.infoAsked = data.dir;
      void this.loadInfo(data.dir);
    }
  }

  onState(jobs: JobInfo[]): void {
    for (const j of jobs) this.onJob(j);
  }

  onJob(job: JobInfo): void {
    if (!this.data || job.jobId !== this.data.jobId) return;
    this.data.status = job.status;
    if (job.modelDir) this.data.dir = job.modelDir;
    this.root.dataset.status = job.status;
    this.renderStatus(job);
  }

  onPoints(chunk: SeriesChunk, _job: JobInfo | undefined): void {
    if (!this.data || chunk.jobId !== this.data.jobId || !this.loss) return;
    const steps: number[] = [];
    const losses: number[] = [];
    for (let i = 0; i < chunk.steps.length; i++) {
      if (chunk.steps[i] <= this.lastTrainStep) continue;
      steps.push(chunk.steps[i]);
      losses.push(chunk.losses[i]);
      this.lastTrainStep = chunk.steps[i];
    }
    if (steps.length) {
      this.loss.ensureRun('train', 'training loss');
      this.loss.append('train', steps, losses);
      this.root.dataset.trainPoints = String(Number(this.root.dataset.trainPoints ?? 0) + steps.length);
    }
  }

  redraw(): void {
    if (!this.data?.picker) this.askModels();
    this.loss?.rebuild();
    this.ppl?.rebuild();
  }

  // ------------------------------------------------------------------ drawing

  private renderStatus(job?: JobInfo): void {
    const d = this.data;
    if (!d) return;
    const last = d.history[d.history.length - 1];
    const parts: string[] = [];
    if (d.level) parts.push(`${d.level}-level`);
    if (d.status) parts.push(d.status);
    if (job && (job.status === 'running' || job.status === 'queued')) parts.push(`step ${job.step}${job.total ? `/${job.total}` : ''}`);
    if (job?.metrics?.tokensPerSecond) parts.push(`${Math.round(job.metrics.tokensPerSecond)} tokens/s`);
    if (last?.heldOutLoss !== undefined) parts.push(`held-out loss ${formatNumber(last.heldOutLoss)} at step ${last.step}`);
    if (last?.perplexity !== undefined) parts.push(`perplexity ${formatNumber(last.perplexity)}`);
    if (last?.bitsPerChar !== undefined) parts.push(`${formatNumber(last.bitsPerChar)} bits/char`);
    if (!d.dir) parts.push('not saved yet');
    this.statusEl.textContent = parts.join(' · ');
  }

  private renderCharts(): void {
    const d = this.data!;
    this.loss ??= new LossChart(this.lossHost, 'nats per token');
    this.ppl ??= new LossChart(this.pplHost, 'perplexity');
    const hist = d.history;
    const train = d.series ?? { steps: hist.filter((p) => p.trainLoss !== undefined).map((p) => p.step), losses: hist.filter((p) => p.trainLoss !== undefined).map((p) => p.trainLoss!) };
    const held = hist.filter((p) => p.heldOutLoss !== undefined);
    const ppl = hist.filter((p) => p.perplexity !== undefined);
    this.loss.reset([
      { id: 'train', label: 'training loss', steps: [...train.steps], losses: [...train.losses], visible: true },
      { id: 'heldout', label: 'held-out loss', steps: held.map((p) => p.step), losses: held.map((p) => p.heldOutLoss!), visible: true },
    ]);
    this.ppl.reset([{ id: 'ppl', label: 'held-out perplexity', steps: ppl.map((p) => p.step), losses: ppl.map((p) => p.perplexity!), visible: true }]);
    this.lastTrainStep = train.steps.length ? train.steps[train.steps.length - 1] : -Infinity;
    this.root.dataset.trainPoints = String(train.steps.length);
    this.root.dataset.heldOutPoints = String(held.length);
    this.root.dataset.perplexityPoints = String(ppl.length);
    const legend = (chart: LossChart, el: HTMLElement) =>
      setChildren(el, ...chart.runList.map((r, i) => h('span', { class: 'lm-key' }, h('span', { class: 'swatch', style: `background:${chart.colorOf(i)}` }), r.label)));
    legend(this.loss, this.lossLegend);
    legend(this.ppl, this.pplLegend);
  }

  private renderSamples(): void {
    const samples = this.data?.samples ?? [];
    this.root.dataset.samples = String(samples.length);
    if (!samples.length) {
      setChildren(this.samplesEl, h('li', { class: 'empty' }, 'Samples appear here as a language model trains (an LSTM’s every “Evaluate every” steps, a Transformer’s every ten seconds or so).'));
      return;
    }
    setChildren(this.samplesEl, ...samples.map((s) => h('li', { class: 'lm-sample', 'data-step': s.step }, h('span', { class: 'lm-step' }, `step ${s.step}`), h('pre', {}, s.text))));
  }

  private renderTeacherForcing(tf: TeacherForcingComparison | undefined, where?: string): void {
    if (!tf) {
      setChildren(this.tfEl, h('p', { class: 'empty' }, 'While a language model trains, each evaluation with a sample compares, on a held-out snippet, the model’s next-token guess given the TRUE history (teacher forcing, as in training) with its own continuation fed back into itself (free running). Or type text in the prompt box and press “Teacher forcing vs free running”.'));
      return;
    }
    const n = tf.teacherForced.length;
    const grid = h('div', { class: `lm-tf-grid ${tf.level}`, role: 'table', 'aria-label': 'Per position: the true token, the teacher-forced prediction, the free-running output' });
    grid.style.gridTemplateColumns = `max-content repeat(${n}, max-content)`;
    const rowHead = (t: string, tip: string) => h('span', { class: 'lm-tf-head', title: tip, role: 'rowheader' }, t);
    grid.append(rowHead('text', 'What the text really says next'));
    for (const s of tf.teacherForced) grid.append(h('span', { class: 'lm-tf-cell truth' }, visible(s.truth)));
    grid.append(rowHead('teacher forcing', 'Top prediction at each position given the TRUE history'));
    for (const s of tf.teacherForced) grid.append(h('span', { class: `lm-tf-cell ${s.correct ? 'ok' : 'bad'}`, title: `p(“${visible(s.truth)}”) = ${s.probOfTruth.toFixed(4)} · surprisal ${s.surprisal.toFixed(2)} nats` }, visible(s.predicted)));
    grid.append(rowHead('free running', 'Its own greedy continuation, each output fed back as the next input'));
    tf.freeRunning.forEach((t, i) => {
      const ok = tf.teacherForced[i] !== undefined && t.text === tf.teacherForced[i].truth;
      grid.append(h('span', { class: `lm-tf-cell ${ok ? 'ok' : 'bad'}`, title: tokenTitle(t.text, t.prob, t.surprisal) }, visible(t.text)));
    });
    const pct = Math.round(tf.teacherForcedAccuracy * 100);
    setChildren(
      this.tfEl,
      h('p', { class: 'muted' }, where ? `On ${where}. ` : '', 'Context: ', h('q', { class: 'lm-context' }, tf.prefix)),
      h('div', { class: 'lm-tf-scroll' }, grid),
      h(
        'p',
        { class: 'lm-tf-summary', id: 'lm-tf-summary' },
        `Teacher forcing: ${pct}% of next tokens right (${n} positions). Free running: ${tf.freeRunningMatches} of ${tf.freeRunning.length} positions match the text — once its own output drifts, it conditions on its mistakes and errors compound.`,
      ),
    );
    this.root.dataset.tfPositions = String(n);
  }

  private renderGenerated(g: LmGenerated): void {
    const toks = [...g.promptTokens.map((t) => ({ ...t, prompt: true })), ...g.tokens.map((t) => ({ ...t, prompt: false }))];
    setChildren(
      this.outputEl,
      ...toks.map((t) => {
        const text = t.display ?? t.text;
        return h('span', { class: `tok s${bandOf(t.surprisal)}${t.prompt ? ' prompt' : ''}${t.id === 0 ? ' unk' : ''}`, title: tokenTitle(t.text, t.prob, t.surprisal), 'data-p': t.prob.toPrecision(6) }, text);
      }),
    );
    const o = g.options;
    const how = o.temperature === 0 ? 'greedy' : `temperature ${o.temperature}${o.topK ? `, top-k ${o.topK}` : ''}${o.topP < 1 ? `, top-p ${o.topP}` : ''}`;
    const unk = g.unknownCount ? ` ${g.unknownCount} prompt token(s) unknown to the model: ${g.unknown.slice(0, 8).join(' ')}.` : '';
    this.outputInfo.textContent = `${g.tokens.length} ${g.level === 'char' ? 'characters' : 'words'} generated (${how}, seed ${o.seed}). Hover a token for its probability.${unk}`;
    this.root.dataset.generated = String(g.tokens.length);
  }

  private renderPerplexity(): void {
    const p = this.data?.perplexity;
    this.pplSection.hidden = !p;
    if (!p) return;
    const key = `${p.source}#${p.tokens}#${p.perplexity}`;
    if (key === this.lastPerplexityKey) return;
    this.lastPerplexityKey = key;
    const detail = p.detail;
    setChildren(
      this.pplSection,
      h('h3', {}, `Perplexity of ${p.source}`),
      perplexityLine(p, 'lm-perplexity-figure'),
      detail ? null : h('p', { class: 'muted' }, `The text has more than ${p.detailLimit} tokens: only the figure is shown.`),
      detail && detail.length > MAX_DRAWN ? h('p', { class: 'muted' }, `The first ${MAX_DRAWN} of ${detail.length} tokens are drawn.`) : null,
      scoredTokens('lm-perplexity-tokens', detail ?? []),
    );
  }

  /** Two models' perplexity and colouring of one text, in two columns. */
  private renderComparison(c: LmComparison | undefined): void {
    const key = c ? c.models.map((m) => `${m.dir}#${m.perplexity}`).join('|') + c.text : '';
    if (key === this.lastComparisonKey) return;
    this.lastComparisonKey = key;
    if (!c) return setChildren(this.cmpOut);
    if (!this.cmpText.value) this.cmpText.value = c.text;
    setChildren(
      this.cmpOut,
      ...c.models.map((m, i) =>
        h(
          'figure',
          { class: 'lm-cmp-col', 'data-dir': m.dir, 'data-perplexity': String(m.perplexity) },
          h('figcaption', {}, h('strong', {}, m.name)),
          perplexityLine(m, `lm-cmp-figure-${i}`),
          m.detail ? scoredTokens(`lm-cmp-tokens-${i}`, m.detail) : h('p', { class: 'muted' }, `More than ${m.detailLimit} tokens: only the figure is shown.`),
        ),
      ),
    );
    this.root.dataset.compared = String(c.models.length);
  }

  // ------------------------------------------------------------------ requests

  private async loadInfo(dir: string): Promise<void> {
    try {
      const info = await this.ctx.host.request('lm.info', { dir }, 60_000);
      if (this.data?.dir !== dir) return;
      this.show({ ...this.data, level: info.level, history: info.history, samples: info.samples, needsInfo: false }, true);
    } catch (e) {
      if (this.data?.dir === dir) this.statusEl.textContent = `Could not read the model: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Use another saved model (the picker's choice): the host answers with the view's data for it. */
  private async select(dir: string): Promise<void> {
    if (dir === this.data?.dir) return;
    this.statusEl.textContent = 'Opening the model…';
    try {
      this.show(await this.ctx.host.request('lm.select', { dir }, 60_000), true);
    } catch (e) {
      this.statusEl.textContent = `Could not open the model: ${e instanceof Error ? e.message : String(e)}`;
      this.picker.update(this.data?.picker);
    }
  }

  private async compareModels(): Promise<void> {
    const dir = this.data?.dir;
    const other = this.picker.compareDir;
    this.cmpError.textContent = '';
    if (!dir) return void (this.cmpError.textContent = 'Choose a model to use first.');
    if (!other) return void (this.cmpError.textContent = 'Choose the second model in the picker’s Compare column.');
    const text = this.cmpText.value;
    if (!text.trim()) return void (this.cmpError.textContent = 'Type or paste a text to score under both models.');
    this.cmpBtn.setAttribute('disabled', '');
    this.root.dataset.comparing = 'true';
    try {
      const c = await this.ctx.host.request('lm.compare', { dir, other, text }, 300_000);
      if (this.data) this.data.comparison = c;
      this.renderComparison(c);
    } catch (e) {
      this.cmpError.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      this.cmpBtn.removeAttribute('disabled');
      this.root.dataset.comparing = 'false';
    }
  }

  private setFields(o: LmGenerated['options']): void {
    this.fields.prompt.value = o.prompt;
    this.fields.temperature.value = String(o.temperature);
    this.fields.topK.value = String(o.topK);
    this.fields.topP.value = String(o.topP);
    this.fields.length.value = String(o.length);
    this.fields.seed.value = String(o.seed);
  }

  private numberField(name: 'temperature' | 'topK' | 'topP' | 'length' | 'seed', label: string): number {
    const raw = this.fields[name].value.trim();
    const x = Number(raw);
    if (raw === '' || !Number.isFinite(x)) throw new Error(`${label} must be a number`);
    return x;
  }

  private async run(btn: HTMLElement, fn: (dir: string) => Promise<void>): Promise<void> {
    if (this.busy) return;
    const dir = this.data?.dir;
    this.errorEl.textContent = '';
    if (!dir) {
      this.errorEl.textContent = 'No model yet: train a language model first (its saved folder is what generates).';
      return;
    }
    this.busy = true;
    btn.setAttribute('disabled', '');
    this.root.dataset.busy = 'true';
    try {
      await fn(dir);
    } catch (e) {
      this.errorEl.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
      btn.removeAttribute('disabled');
      this.root.dataset.busy = 'false';
    }
  }

  private generate(): Promise<void> {
    return this.run(this.generateBtn, async (dir) => {
      const params = {
        dir,
        prompt: this.fields.prompt.value,
        temperature: this.numberField('temperature', 'Temperature'),
        topK: this.numberField('topK', 'Top-k'),
        topP: this.numberField('topP', 'Top-p'),
        length: this.numberField('length', 'Length'),
        seed: this.numberField('seed', 'Seed'),
      };
      const g = await this.ctx.host.request('lm.generate', params, 120_000);
      if (this.data?.dir === dir) this.renderGenerated(g);
    });
  }

  private compare(): Promise<void> {
    return this.run(this.compareBtn, async (dir) => {
      const text = this.fields.prompt.value;
      if (!text.trim()) throw new Error('Type or paste a passage of your notes in the prompt box to compare on it.');
      const tf = await this.ctx.host.request('lm.teacherForcing', { dir, text }, 60_000);
      if (this.data?.dir === dir) this.renderTeacherForcing(tf, 'your text');
    });
  }
}
