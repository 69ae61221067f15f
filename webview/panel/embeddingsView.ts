/**
 * The Embeddings view: a 2D map of a word-vector model (PCA, UMAP or t-SNE), on a canvas with wheel zoom, drag to
 * pan, search and highlight; clicking a word lists its nearest neighbours (cosine, computed in the worker). Below
 * it, the loss curves of the word-vector runs.
 */
import type { EmbeddingsPanelData, ProjectionMethod, ScoredWord } from '../../src/shared/views/embeddings';
import { h, setChildren, themeVar } from '../common/vscode';
import { JobsChart } from './jobsChart';
import type { PanelViewModule, ViewContext } from './viewModule';

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
    redraw: () => map?.draw(),
  };
}

class EmbeddingsMap {
  private view: EmbeddingsPanelData | undefined;
  private scale = 1;
  private tx = 0;
  private ty = 0;
  private focus: string | undefined;
  private neighbours: ScoredWord[] = [];
  private readonly canvas: HTMLCanvasElement;
  private readonly listEl: HTMLElement;
  private readonly titleEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly search: HTMLElement;
  private readonly method: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: ViewContext,
    runs: JobsChart,
  ) {
    this.canvas = h('canvas', { class: 'map', id: 'embeddings-canvas', 'aria-label': 'Word map' });
    this.listEl = h('ol', { class: 'neighbours', id: 'neighbours' });
    this.titleEl = h('h2', { id: 'embeddings-title' }, 'Word vectors');
    this.statusEl = h('p', { class: 'muted', id: 'embeddings-status' });
    this.search = h('vscode-textfield', { id: 'embeddings-search', placeholder: 'Find a word…', 'aria-label': 'Find a word' });
    this.method = h('vscode-single-select', { id: 'embeddings-method', 'aria-label': 'Projection' }, ...['pca', 'umap', 'tsne'].map((m) => h('vscode-option', { value: m }, m.toUpperCase())));
    setChildren(
      root,
      h('header', { class: 'embeddings-head' }, this.titleEl, h('span', { class: 'spacer' }), this.search, this.method),
      this.statusEl,
      h('div', { class: 'embeddings-body' }, h('div', { class: 'map-wrap' }, this.canvas), h('aside', {}, h('h3', {}, 'Nearest words'), this.listEl)),
      h('h3', {}, 'Training loss (word vectors)'),
      runs.chart.host,
    );
    this.search.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') void this.select(String((this.search as unknown as { value: string }).value).trim().toLowerCase(), true);
    });
    this.method.addEventListener('change', () => void this.reproject(String((this.method as unknown as { value: string }).value) as ProjectionMethod));
    this.bindPointer();
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  show(view: EmbeddingsPanelData): void {
    this.view = view;
    (this.method as unknown as { value: string }).value = view.method;
    this.titleEl.textContent = `Word vectors — ${view.name}`;
    this.statusEl.textContent = `${view.words.length} most frequent words, ${view.method.toUpperCase()}. Scroll to zoom, drag to pan, click a word for its neighbours.`;
    this.fit();
    this.focus = view.focus;
    this.neighbours = view.neighbours ?? [];
    this.renderList();
    this.draw();
    this.root.dataset.words = String(view.words.length);
  }

  private async reproject(method: ProjectionMethod): Promise<void> {
    if (!this.view || method === this.view.method) return;
    this.statusEl.textContent = `Projecting with ${method.toUpperCase()}…`;
    try {
      const v = await this.ctx.host.request('embeddings.project', { method }, 180_000);
      this.show({ ...v, focus: this.focus, neighbours: this.neighbours });
    } catch (e) {
      this.statusEl.textContent = `Could not project: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private async select(word: string, center: boolean): Promise<void> {
    if (!word || !this.view) return;
    this.focus = word;
    this.root.dataset.focus = word;
    const i = this.view.words.indexOf(word);
    if (center && i >= 0) this.centerOn(i);
    try {
      this.neighbours = await this.ctx.host.request('embeddings.neighbours', { word, k: 12 }, 60_000);
      this.statusEl.textContent = i >= 0 ? '' : `“${word}” is not among the words on the map; its neighbours are listed.`;
    } catch (e) {
      this.neighbours = [];
      this.statusEl.textContent = e instanceof Error ? e.message : String(e);
    }
    this.renderList();
    this.draw();
  }

  private renderList(): void {
    setChildren(
      this.listEl,
      ...this.neighbours.map((n) => h('li', { class: 'neighbour', 'data-word': n.word, onclick: () => void this.select(n.word, true) }, h('span', {}, n.word), h('span', { class: 'muted' }, n.score.toFixed(3)))),
    );
    this.root.dataset.neighbours = String(this.neighbours.length);
  }

  private bounds(): { x0: number; x1: number; y0: number; y1: number } {
    const xy = this.view!.xy;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (let i = 0; i < xy.length; i += 2) {
      x0 = Math.min(x0, xy[i]);
      x1 = Math.max(x1, xy[i]);
      y0 = Math.min(y0, xy[i + 1]);
      y1 = Math.max(y1, xy[i + 1]);
    }
    return { x0, x1, y0, y1 };
  }

  private fit(): void {
    const { width, height } = this.canvas.getBoundingClientRect();
    const b = this.bounds();
    const w = Math.max(1e-9, b.x1 - b.x0);
    const hh = Math.max(1e-9, b.y1 - b.y0);
    this.scale = 0.9 * Math.min((width || 600) / w, (height || 400) / hh);
    this.tx = (width || 600) / 2 - this.scale * (b.x0 + w / 2);
    this.ty = (height || 400) / 2 + this.scale * (b.y0 + hh / 2);
  }

  private toScreen(i: number): [number, number] {
    const xy = this.view!.xy;
    return [this.tx + this.scale * xy[2 * i], this.ty - this.scale * xy[2 * i + 1]];
  }

  private centerOn(i: number): void {
    const { width, height } = this.canvas.getBoundingClientRect();
    const [sx, sy] = this.toScreen(i);
    this.tx += width / 2 - sx;
    this.ty += height / 2 - sy;
  }

  private nearest(px: number, py: number): number {
    if (!this.view) return -1;
    let best = -1;
    let bestD = 100; // 10 px
    for (let i = 0; i < this.view.words.length; i++) {
      const [x, y] = this.toScreen(i);
      const d = (x - px) ** 2 + (y - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  private bindPointer(): void {
    let drag: { x: number; y: number; moved: boolean } | undefined;
    this.canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = this.canvas.getBoundingClientRect();
      const px = e.clientX - r.left;
      const py = e.clientY - r.top;
      const k = Math.exp(-e.deltaY * 0.0015);
      this.tx = px - k * (px - this.tx);
      this.ty = py - k * (py - this.ty);
      this.scale *= k;
      this.draw();
    }, { passive: false });
    this.canvas.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, moved: false };
      this.canvas.setPointerCapture(e.pointerId);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) {
        this.tx += dx;
        this.ty += dy;
        drag.x = e.clientX;
        drag.y = e.clientY;
        this.draw();
      }
    });
    this.canvas.addEventListener('pointerup', (e) => {
      const wasClick = drag && !drag.moved;
      drag = undefined;
      if (!wasClick) return;
      const r = this.canvas.getBoundingClientRect();
      const i = this.nearest(e.clientX - r.left, e.clientY - r.top);
      if (i >= 0) void this.select(this.view!.words[i], false);
    });
  }

  draw(): void {
    const v = this.view;
    const dpr = devicePixelRatio || 1;
    const { width, height } = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (!v) return;
    const fg = themeVar('--vscode-editor-foreground', '#cccccc');
    const dim = themeVar('--vscode-descriptionForeground', '#888888');
    const accent = themeVar('--vscode-charts-orange', '#d18616');
    const hi = themeVar('--vscode-charts-blue', '#3794ff');
    const near = new Set(this.neighbours.map((n) => n.word));
    ctx.font = `12px ${themeVar('--vscode-font-family', 'sans-serif')}`;
    ctx.textBaseline = 'middle';
    // Labels: the most frequent words, more as the user zooms in, always the focus and its neighbours.
    const labelBudget = Math.min(v.words.length, Math.round(40 * Math.max(1, this.scale / this.baseScale())));
    for (let i = 0; i < v.words.length; i++) {
      const [x, y] = this.toScreen(i);
      if (x < -20 || y < -20 || x > width + 20 || y > height + 20) continue;
      const w = v.words[i];
      const isFocus = w === this.focus;
      const isNear = near.has(w);
      ctx.fillStyle = isFocus ? accent : isNear ? hi : dim;
      ctx.beginPath();
      ctx.arc(x, y, isFocus ? 5 : isNear ? 4 : 2.2, 0, Math.PI * 2);
      ctx.fill();
      if (isFocus || isNear || i < labelBudget) {
        ctx.fillStyle = isFocus ? accent : isNear ? hi : fg;
        ctx.fillText(w, x + 6, y);
      }
    }
  }

  private base = 0;
  private baseScale(): number {
    if (!this.base) this.base = this.scale;
    return this.base;
  }
}
