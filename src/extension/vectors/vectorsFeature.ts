/**
 * Using trained word vectors in the editor: neighbours of the word under the cursor (command and hover), analogies,
 * the Embeddings view (the map) in the study panel, export and import. The vectors live in the worker ("vectors."
 * requests); the host routes.
 * "The model" is the one the user chose with Use Word Vectors, else the newest saved word-vector model.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SavedModelInfo } from '../../shared/protocol';
import { type EmbeddingsPanelData, type EmbeddingsPanelRequests, MAP_MAX_WORDS, PROJECT_MAX_WORDS, type ProjectionMethod, type ScoredWord } from '../../shared/views/embeddings';
import type { UntrustedHandlers } from '../../shared/rpc';
import { MAX_NEIGHBOURHOOD, objectParams, projectionParam, wordAndK } from '../../shared/views/embeddingsParams';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { SECTION } from '../config';
import { showError, showInfo } from '../util/notify';

/** The longest a projection may take (t-SNE of 10,000 words on a loaded machine). */
const PROJECT_TIMEOUT_MS = 30 * 60_000;
const WORD_RE = /[\p{L}][\p{L}\p{N}'’-]*/u;

export class VectorsFeature {
  private chosen: string | undefined;
  private mapIds = 0;
  /** The projection under way (its id in the worker). */
  private projecting: number | undefined;
  /** The model of the last map made. */
  private mapDir: string | undefined;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  /** The word-vector model in use, or undefined when none is saved. */
  current(): SavedModelInfo | undefined {
    const all = this.jobs.savedModels().filter((m) => m.model === 'word2vec');
    return all.find((m) => m.dir === this.chosen) ?? all[0];
  }

  private need(): SavedModelInfo {
    const m = this.current();
    if (!m) throw new Error('no word vectors yet: train some (ML Study: Train Word Vectors) or import a vectors file');
    return m;
  }

  use(dir: string): void {
    this.chosen = dir;
  }

  async neighbours(word: string, k = 10): Promise<ScoredWord[]> {
    return this.jobs.request('vectors.neighbours', { dir: this.need().dir, word, k }, 60_000);
  }

  async analogy(a: string, b: string, c: string, k = 10): Promise<ScoredWord[]> {
    return this.jobs.request('vectors.analogy', { dir: this.need().dir, a, b, c, k, method: '3cosadd' }, 60_000);
  }

  /** The map of the model in use: up to MAP_MAX_WORDS words by PCA, PROJECT_MAX_WORDS by UMAP or t-SNE. */
  map(method: ProjectionMethod): Promise<EmbeddingsPanelData> {
    return this.mapOf(this.need(), method);
  }

  /** The map of a saved model; the view's neighbourhoods are then asked of this model. */
  async mapOf(m: { dir: string; name: string }, method: ProjectionMethod): Promise<EmbeddingsPanelData> {
    if (this.projecting !== undefined) await this.cancelProjection();
    const id = (this.projecting = ++this.mapIds);
    const top = method === 'pca' ? MAP_MAX_WORDS : PROJECT_MAX_WORDS;
    try {
      const map = await this.jobs.request('vectors.map', { dir: m.dir, method, top, id }, PROJECT_TIMEOUT_MS);
      this.mapDir = m.dir;
      return { name: m.name, ...map, method };
    } finally {
      if (this.projecting === id) this.projecting = undefined;
    }
  }

  /** Stop the projection under way; true when there was one. */
  async cancelProjection(): Promise<boolean> {
    const id = this.projecting;
    if (id === undefined) return false;
    this.projecting = undefined;
    return this.jobs.request('vectors.mapCancel', { id }, 10_000);
  }

  /** A word's k nearest among the words of the map on show, by cosine in the vectors' own space. */
  private async isolate(word: string, k: number) {
    const shown = this.panel.dataOf('embeddings');
    if (!shown || shown.live || !this.mapDir) throw new Error('a neighbourhood needs saved vectors: wait until the run ends');
    return this.jobs.request('vectors.mapNeighbours', { dir: this.mapDir, word, k, top: shown.words.length }, 60_000);
  }

  /** Open the Embeddings view on the model (optionally focused on a word and its neighbours). */
  async showMap(method: ProjectionMethod = 'pca', focus?: string): Promise<EmbeddingsPanelData> {
    const data = await this.map(method);
    if (focus) {
      data.focus = focus;
      data.neighbours = await this.neighbours(focus, 10);
    }
    this.panel.showView('embeddings', data);
    return data;
  }

  /** The Embeddings view's requests, about the model in use; their params come from the webview. */
  readonly viewHandlers: UntrustedHandlers<EmbeddingsPanelRequests> = {
    'embeddings.neighbours': (params) => {
      const p = wordAndK('embeddings.neighbours', params, 50);
      return this.neighbours(p.word, p.k);
    },
    'embeddings.isolate': (params) => {
      const p = wordAndK('embeddings.isolate', params, MAX_NEIGHBOURHOOD);
      return this.isolate(p.word, p.k);
    },
    'embeddings.project': (params) => this.map(projectionParam(params)),
    'embeddings.progress': async (params) => {
      objectParams('embeddings.progress', params);
      const id = this.projecting;
      return id === undefined ? null : this.jobs.request('vectors.mapProgress', { id }, 10_000);
    },
    'embeddings.cancel': (params) => {
      objectParams('embeddings.cancel', params);
      return this.cancelProjection();
    },
  };
}


function wordAtCursor(): string | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  const sel = ed.document.getText(ed.selection).trim();
  if (sel) return sel.split(/\s+/)[0];
  const range = ed.document.getWordRangeAtPosition(ed.selection.active, WORD_RE);
  return range ? ed.document.getText(range) : undefined;
}

const fmt = (ns: ScoredWord[]) => ns.map((n) => `${n.word} (${n.score.toFixed(2)})`).join(', ');

export function registerVectorsFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): VectorsFeature {
  const f = new VectorsFeature(jobs, panel);
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  const fail = (e: unknown) => {
    void showError(e instanceof Error ? e.message : String(e));
    return undefined;
  };

  reg('mlStudy.showNeighbours', async (arg?: unknown) => {
    const word = (typeof arg === 'string' ? arg : (arg as { word?: unknown } | undefined)?.word) ?? wordAtCursor();
    if (typeof word !== 'string' || !word.trim()) {
      void showInfo('put the cursor on a word (or select one) first.');
      return undefined;
    }
    try {
      const view = await f.showMap('pca', word.toLowerCase());
      return view.neighbours;
    } catch (e) {
      return fail(e);
    }
  });

  reg('mlStudy.solveAnalogy', async (arg?: unknown) => {
    let text = typeof arg === 'string' ? arg : undefined;
    text ??= await vscode.window.showInputBox({ title: 'ML Study: analogy', prompt: 'A is to B as C is to ?  — type three words: A B C', placeHolder: 'man king woman' });
    if (text === undefined) return undefined;
    const words = text.trim().toLowerCase().split(/\s+/);
    if (words.length !== 3) {
      void showError(`an analogy needs three words (A B C), got ${words.length}`);
      return undefined;
    }
    try {
      const r = await f.analogy(words[0], words[1], words[2]);
      void showInfo(`${words[0]} : ${words[1]} :: ${words[2]} : ${fmt(r.slice(0, 5))}`);
      return r;
    } catch (e) {
      return fail(e);
    }
  });

  reg('mlStudy.showEmbeddings', async () => {
    try {
      await f.showMap('pca');
      return true;
    } catch (e) {
      return fail(e);
    }
  });

  reg('mlStudy.useWordVectors', async (arg?: unknown) => {
    const models = jobs.savedModels().filter((m) => m.model === 'word2vec');
    let dir = typeof arg === 'string' ? arg : undefined;
    if (!dir) {
      const pick = await vscode.window.showQuickPick(models.map((m) => ({ label: m.name, description: m.summary, dir: m.dir })), { title: 'ML Study: use which word vectors?' });
      dir = pick?.dir;
    }
    if (!dir || !models.some((m) => m.dir === dir)) return false;
    f.use(dir);
    return true;
  });

  reg('mlStudy.exportVectors', async (arg?: unknown) => {
    const a = (arg ?? {}) as { format?: unknown; out?: unknown };
    try {
      const m = f.current() ?? (() => { throw new Error('no word vectors to export yet'); })();
      let format = a.format;
      format ??= (await vscode.window.showQuickPick(['word2vec', 'word2vec-binary', 'projector'], { title: 'Export word vectors as' })) ?? undefined;
      if (format !== 'word2vec' && format !== 'word2vec-binary' && format !== 'projector') return undefined;
      let out = typeof a.out === 'string' ? a.out : undefined;
      if (!out) {
        const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
        const pick = await vscode.window.showSaveDialog({ defaultUri: ws ? vscode.Uri.joinPath(ws, format === 'projector' ? `${m.name}-projector` : `${m.name}.${format === 'word2vec' ? 'txt' : 'bin'}`) : undefined, title: 'Export word vectors to' });
        out = pick?.fsPath;
      }
      if (!out) return undefined;
      const files = await jobs.request('vectors.export', { dir: m.dir, format, out }, 120_000);
      void showInfo(`exported ${files.length} file(s): ${files.map((x) => path.basename(x)).join(', ')}`);
      return files;
    } catch (e) {
      return fail(e);
    }
  });

  reg('mlStudy.importVectors', async (arg?: unknown) => {
    let file = typeof arg === 'string' ? arg : (arg as { file?: unknown } | undefined)?.file;
    if (typeof file !== 'string') {
      const pick = await vscode.window.showOpenDialog({ title: 'Import word vectors (word2vec text/binary, GloVe text)', canSelectMany: false });
      file = pick?.[0]?.fsPath;
    }
    if (typeof file !== 'string') return undefined;
    const name = `imported-${path.basename(file).replace(/[^\w.-]+/g, '_')}`;
    const out = path.join(jobs.modelsFolder, name);
    try {
      const r = await jobs.request('vectors.import', { file, out }, 300_000);
      jobs.refreshModels();
      f.use(out);
      void showInfo(`imported ${r.words} words × ${r.dim} as ${name}`);
      return out;
    } catch (e) {
      return fail(e);
    }
  });

  // Neighbours on hover over an ordinary word (not a LaTeX command), when a model exists and the setting allows.
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(['markdown', 'latex', 'tex', 'plaintext'].map((language) => ({ language })), {
      async provideHover(doc, pos, token) {
        if (vscode.workspace.getConfiguration(SECTION).get('hover.neighbours', true) !== true || !f.current()) return undefined;
        const range = doc.getWordRangeAtPosition(pos, WORD_RE);
        if (!range || range.start.character > 0 && doc.getText(new vscode.Range(range.start.translate(0, -1), range.start)) === '\\') return undefined;
        const word = doc.getText(range).toLowerCase();
        try {
          const ns = await f.neighbours(word, 8);
          if (token.isCancellationRequested) return undefined;
          const md = new vscode.MarkdownString();
          md.appendMarkdown(`**Nearest words** to “`).appendText(word).appendMarkdown(`” in `).appendText(f.current()!.name).appendMarkdown(':\n\n');
          md.appendText(fmt(ns));
          return new vscode.Hover(md, range);
        } catch {
          return undefined; // not in the vocabulary: no hover
        }
      },
    }),
  );
  // The map follows a word2vec job as it trains (a PCA snapshot arrives with each epoch).
  context.subscriptions.push(
    jobs.onDidReceiveExtra(({ job, extra }) => {
      if (!('snapshot' in extra)) return;
      const epoch = job.step && job.total ? Math.ceil((job.step / job.total) * Number(job.params.epochs ?? 1)) : '…';
      const { words, xy } = extra.snapshot;
      panel.showView('embeddings', { name: `${job.label} (epoch ${epoch})`, words, xy: Float32Array.from(xy), method: 'pca', live: true }, { live: true });
    }),
  );
  // When the run ends, its saved vectors replace the last snapshot (the full map, with neighbourhoods).
  context.subscriptions.push(
    jobs.onDidChangeJob((job) => {
      if (job.model !== 'word2vec' || job.status !== 'done' || !job.modelDir || !panel.dataOf('embeddings')?.live) return;
      f.mapOf({ dir: job.modelDir, name: job.label }, 'pca').then(
        (data) => panel.showView('embeddings', data, { live: true }),
        () => undefined, // the snapshot stays; the map can be asked for again from the palette
      );
    }),
  );
  panel.handle('embeddings', f.viewHandlers);
  return f;
}
