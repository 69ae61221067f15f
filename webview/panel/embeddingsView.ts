/**
 * The Embeddings view: a 2D map of a word-vector model (PCA of up to 20,000 words, UMAP or t-SNE of up to 10,000,
 * projected in the worker with progress and a Cancel button) drawn by MapCanvas: drag to pan, wheel or pinch to
 * zoom, labels that never overlap. Points are coloured by frequency (log rank) or by word lists the user types;
 * searching or clicking a word isolates its neighbourhood (its k nearest words by cosine in the vectors' own space,
 * from the worker), the rest dimmed. Below it, the loss curves of the word-vector runs.
 */
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import type { EmbeddingsPanelData, MapNeighbourhood, ProjectionMethod, ProjectionProgress } from '../../src/shared/views/embeddings';
import { h, isLightTheme, onThemeChange, setChildren, themeVar } from '../common/vscode';
import { JobsChart } from './jobsChart';
import { type MapColours, MapCanvas } from './mapCanvas';
import { listClasses, logRankClass, mix, parseWordLists } from './mapLayout';
import type { PanelViewModule, ViewContext } from './viewModule';
import { canvasSource, exportButtons } from './export';

export function embeddingsView(root: HTMLElement, ctx: ViewContext): PanelViewModule<'embeddings'> {
  const hint = h('p', { class: 'empty' }, 'Train word vectors, then run “ML Study: Show Word-Vector Map” or “Show Nearest Words”.');
  setChildren(root, hint);
  let map: EmbeddingsMap | undefined;
  const runs = new JobsChart(h('div', { class: 'mini-chart', id: 'embeddings-loss', 'aria-label': 'Word-vector training loss' }), (j) => j.model === 'word2vec');
  return {
    show(data) {
      map ??= new EmbeddingsMap(root, ctx, runs);
      map.show(data);
    },
    onState: (jobs, series) => runs.reset(jobs, series),
    onJob: (job, isNew) => runs.onJob(job, isNew),
    onPoints: (chunk, job) => runs.onPoints(chunk, job),
    onRemoveJob: (jobId) => runs.remove(jobId),
    redraw: () => map?.recolour(),
  };
}

const FREQUENCY_CLASSES = 8;
const K_CHOICES = [10, 25, 50, 100, 250];
type Field = HTMLElement & { value: string };

/** Two ends of the frequency ramp per theme kind (frequent words strong, rare words soft), and the dimmed grey. */
function themeColours(): { frequent: string; rare: string; dim: string } {
  return isLightTheme() ? { frequent: '#b0271a', rare: '#8fb0da', dim: '#d2d2d2' } : { frequent: '#ffd24a', rare: '#3d5d93', dim: '#4a4a4a' };
}

class EmbeddingsMap {
  private view: EmbeddingsPanelData | undefined;
  private index = new Map<string, number>();
  private readonly map = new MapCanvas('Word map');
  private readonly listEl = h('ol', { class: 'neighbours', id: 'neighbours' });
  private readonly titleEl = h('h2', { id: 'embeddings-title' }, 'Word vectors');
  private readonly statusEl = h('p', { class: 'muted', id: 'embeddings-status' });
  private readonly progressEl = h('div', { class: 'map-progress', id: 'embeddings-progress', hidden: true });
  private readonly search = h('vscode-textfield', { id: 'embeddings-search', placeholder: 'Find a word…', 'aria-label': 'Find a word' }) as Field;
  private readonly kSelect = h('vscode-single-select', { id: 'embeddings-k', 'aria-label': 'Neighbours' }, ...K_CHOICES.map((k) => h('vscode-option', { value: String(k) }, `${k} nearest`))) as Field;
  private readonly method = h('vscode-single-select', { id: 'embeddings-method', 'aria-label': 'Projection' }, ...['pca', 'umap', 'tsne'].map((m) => h('vscode-option', { value: m }, m === 'tsne' ? 't-SNE' : m.toUpperCase()))) as Field;
  private readonly colourBy = h('vscode-single-select', { id: 'embeddings-colour', 'aria-label': 'Colour by' }, h('vscode-option', { value: 'frequency' }, 'Colour: frequency'), h('vscode-option', { value: 'lists' }, 'Colour: word lists')) as Field;
  private readonly lists = h('vscode-textarea', { id: 'embeddings-lists', rows: 4, placeholder: 'One word list per line, e.g.\nking queen prince\nred green blue', 'aria-label': 'Word lists' }) as Field;
  private readonly showAll = h('vscode-button', { id: 'embeddings-show-all', secondary: true, icon: 'clear-all', hidden: true, onclick: () => this.unisolate() }, 'Show all');

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
    runs: JobsChart,
  ) {
    setChildren(
      root,
      h('header', { class: 'embeddings-head' }, this.titleEl, h('span', { class: 'spacer' }), this.search, this.kSelect, this.showAll, this.colourBy, this.method),
      this.statusEl,
      this.progressEl,
      h('div', { class: 'embeddings-body' }, h('div', { class: 'map-wrap' }, this.map.canvas), h('aside', {}, h('h3', {}, 'Nearest words'), this.listEl, h('h3', {}, 'Word lists'), this.lists)),
      exportButtons(ctx, canvasSource(this.map.canvas, () => this.map.renderNow(), { name: 'word-map', alt: () => `Word-vector map (${this.view?.method ?? 'PCA'})` }), 'embeddings-export'),
      h('h3', {}, 'Training loss (word vectors)'),
      runs.chart.host,
    );
    this.search.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') void this.select(this.search.value.trim().toLowerCase());
    });
    this.method.addEventListener('change', () => void this.reproject(this.method.value as ProjectionMethod));
    this.colourBy.addEventListener('change', () => this.recolour());
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.lists.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        this.colourBy.value = 'lists';
        this.recolour();
      }, 250);
    });
    this.map.onPick = (i) => void this.select(this.view!.words[i]);
    onThemeChange(() => this.recolour());
  }

  show(view: EmbeddingsPanelData): void {
    const same = this.view && this.view.words.length === view.words.length && this.view.method === view.method;
    this.view = view;
    this.index = new Map(view.words.map((w, i) => [w, i]));
    this.method.value = view.method;
    this.titleEl.textContent = `Word vectors — ${view.name}`;
    this.map.setData(view.words, view.xy);
    this.recolour();
    this.statusEl.textContent = `${view.words.length.toLocaleString('en')} most frequent words, ${this.methodName(view.method)}. Drag to pan, scroll or pinch to zoom, click a word to isolate its neighbourhood.`;
    this.root.dataset.words = String(view.words.length);
    this.root.dataset.method = view.method;
    if (view.focus && !view.live) void this.select(view.focus);
    else if (!same) this.unisolate();
  }

  private methodName(m: ProjectionMethod): string {
    return m === 'tsne' ? 't-SNE' : m.toUpperCase();
  }

  /** Colours from the theme and the chosen colouring; also on a theme change. */
  recolour(): void {
    if (!this.view) return;
    const words = this.view.words;
    const font = `12px ${themeVar('--vscode-font-family', 'sans-serif')}`;
    const tones = themeColours();
    const base = { fg: themeVar('--vscode-editor-foreground', '#cccccc'), bg: themeVar('--vscode-editor-background', '#1e1e1e'), dim: tones.dim, accent: themeVar('--vscode-charts-orange', '#d18616'), near: themeVar('--vscode-charts-blue', '#3794ff'), font };
    let colours: MapColours;
    let classOf: Uint8Array;
    const lists = parseWordLists(this.lists.value);
    const byLists = this.colourBy.value === 'lists' && lists.length > 0;
    if (byLists) {
      const palette = ['red', 'blue', 'green', 'purple', 'yellow', 'orange'].map((c) => themeVar(`--vscode-charts-${c}`, '#3794ff'));
      const pick = lists.map((_, k) => (k < palette.length ? palette[k] : mix(palette[k % palette.length], isLightTheme() ? '#000000' : '#ffffff', 0.4)));
      classOf = listClasses(words, lists);
      colours = { ...base, classes: [tones.dim, ...pick], legend: lists.map((l, k) => [pick[k], l.slice(0, 3).join(' ') + (l.length > 3 ? ' …' : '')]) };
    } else {
      const [a, b] = [tones.frequent, tones.rare];
      classOf = Uint8Array.from(words, (_, i) => logRankClass(i, words.length, FREQUENCY_CLASSES));
      const classes = Array.from({ length: FREQUENCY_CLASSES }, (_, c) => mix(a, b, c / (FREQUENCY_CLASSES - 1)));
      colours = { ...base, classes, legend: [[classes[0], 'frequent'], [classes[FREQUENCY_CLASSES >> 1], 'middle'], [classes[FREQUENCY_CLASSES - 1], 'rare (colour by log rank)']] };
    }
    this.root.dataset.colour = byLists ? 'lists' : 'frequency';
    this.map.setColours(classOf, colours, byLists);
  }

  /** Isolate a word's neighbourhood (or list its neighbours when it is not on the map). */
  private async select(word: string): Promise<void> {
    if (!word || !this.view) return;
    this.root.dataset.focus = word;
    const k = Number(this.kSelect.value) || 10;
    try {
      if (this.view.live) throw new Error('neighbourhoods can be isolated once the run has saved its vectors');
      if (!this.index.has(word)) {
        const ns = await this.ctx.host.request('embeddings.neighbours', { word, k }, 60_000);
        this.renderList(ns.map((n) => ({ word: n.word, score: n.score, i: -1 })));
        this.statusEl.textContent = `“${word}” is not among the words on the map; its nearest words in the whole vocabulary are listed.`;
        return;
      }
      const hood = await this.ctx.host.request('embeddings.isolate', { word, k }, 60_000);
      this.isolate(hood);
    } catch (e) {
      this.statusEl.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private isolate(hood: MapNeighbourhood): void {
    const words = this.view!.words;
    // rows of this map only: a reply about another model's words is ignored
    if (words[hood.focus] !== hood.word) return;
    this.map.isolate(hood.focus, hood.index);
    this.renderList(Array.from(hood.index, (i, k) => ({ word: words[i], score: hood.score[k], i })));
    this.showAll.hidden = false;
    this.statusEl.textContent = `“${hood.word}” and its ${hood.index.length} nearest words by cosine in the ${this.view!.name} vectors themselves (not on the 2D map); the rest dimmed.`;
    this.root.dataset.isolated = String(hood.index.length);
  }

  private unisolate(): void {
    this.map.clearIsolation();
    this.map.fit();
    this.showAll.hidden = true;
    this.renderList([]);
    delete this.root.dataset.isolated;
  }

  private renderList(items: Array<{ word: string; score: number; i: number }>): void {
    setChildren(this.listEl, ...items.map((n) => h('li', { class: 'neighbour', 'data-word': n.word, onclick: () => void this.select(n.word) }, h('span', {}, n.word), h('span', { class: 'muted' }, n.score.toFixed(3)))));
    this.root.dataset.neighbours = String(items.length);
  }

  /** Project again with another method; progress is asked for while the worker computes, and can be cancelled. */
  private async reproject(method: ProjectionMethod): Promise<void> {
    if (!this.view || method === this.view.method) return;
    const bar = h('progress', { max: 1, value: 0, id: 'embeddings-progress-bar' });
    const label = h('span', { class: 'muted' }, `${this.methodName(method)}: starting…`);
    const cancel = h('vscode-button', { id: 'embeddings-cancel', secondary: true, icon: 'debug-stop', onclick: () => void this.ctx.host.request('embeddings.cancel', {}, 10_000) }, 'Cancel');
    setChildren(this.progressEl, bar, label, cancel);
    this.progressEl.hidden = false;
    this.root.dataset.projecting = method;
    const poll = setInterval(() => {
      this.ctx.host.request('embeddings.progress', {}, 10_000).then((p) => p && showProgress(p), () => undefined);
    }, 400);
    const showProgress = (p: ProjectionProgress) => {
      bar.setAttribute('value', String(p.total ? p.done / p.total : 0));
      label.textContent = `${this.methodName(method)}: ${p.phase === 'neighbours' ? 'nearest neighbours' : p.phase === 'optimising' ? 'optimising' : 'done'} ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`;
    };
    try {
      const v = await this.ctx.host.request('embeddings.project', { method }, 31 * 60_000);
      this.show({ ...v, focus: this.root.dataset.isolated ? this.root.dataset.focus : undefined });
    } catch (e) {
      this.method.value = this.view.method;
      this.statusEl.textContent = `Not projected: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      clearInterval(poll);
      this.progressEl.hidden = true;
      delete this.root.dataset.projecting;
    }
  }
}
