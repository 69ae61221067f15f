/**
 * The study panel: one WebviewPanel beside the editor, restored after a window reload by a serializer.
 * It replays the full state after the webview says `ready` (no retainContextWhenHidden), then streams batched
 * loss points. Messages from the webview are validated before anything acts on them.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type EmbeddingsView, type ExplainView, type HostToPanel, type PanelToHost, type PanelView, parsePanelMessage } from '../../shared/protocol';
import { answer } from '../../shared/rpc';
import type { JobManager } from '../jobs/jobManager';
import { buildWebviewHtml, webviewOptions } from '../webviewHtml';
import { showError, showInfo } from '../util/notify';

export const PANEL_VIEW_TYPE = 'mlStudy.studyPanel';

export class StudyPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private view: PanelView = 'training';
  private readonly subs: vscode.Disposable[] = [];
  private explainView: ExplainView | undefined;
  private embeddingsView: EmbeddingsView | undefined;
  /** The last data of the views that features draw (lm, attention), replayed when the webview reloads. */
  private readonly featureViews = new Map<'lm' | 'attention', Extract<HostToPanel, { type: 'lm' | 'attention' }>>();
  private readonly requestHandlers = new Map<string, (method: string, params: unknown) => Promise<unknown>>();
  /** Where the next export goes without asking (integration tests set it). */
  exportTarget: vscode.Uri | undefined;
  /** The last chart export written (tests read it). */
  lastExport: { format: string; bytes: number; file: string } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly jobs: JobManager,
  ) {
    this.subs.push(
      jobs.onDidAppendPoints((chunks) => this.post({ type: 'points', chunks })),
      jobs.onDidChangeJob((job) => this.post({ type: 'job', job })),
      jobs.onDidChangeList(() => this.sendState()),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get webviewReady(): boolean {
    return this.ready;
  }

  /** Open (or reveal) the panel beside the active editor. */
  show(view: PanelView = this.view, preserveFocus = true): void {
    this.view = view;
    if (this.panel) {
      // A hidden webview was torn down: revealing reloads it, and it is ready again only when it says so.
      if (!this.panel.visible) this.ready = false;
      this.panel.reveal(undefined, preserveFocus);
      this.post({ type: 'showView', view });
      return;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'ML Study', { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, webviewOptions(this.extensionUri));
    this.attach(panel);
  }

  /** Show a formula explanation in the panel (opening it if needed). */
  showExplain(view: ExplainView): void {
    this.explainView = view;
    this.show('explain', false);
    this.post({ type: 'explain', view });
  }

  /** The explanation on show, if any (tests read it). */
  get currentExplain(): ExplainView | undefined {
    return this.explainView;
  }

  /** Show a word-vector map in the Embeddings view (opening the panel if needed). */
  showEmbeddings(view: EmbeddingsView): void {
    this.embeddingsView = view;
    this.show('embeddings', false);
    this.post({ type: 'embeddings', view });
  }

  /**
   * Show a feature's view (Language Model, Attention) with its data, opening the panel; with `live`, only update
   * it (a running job's progress) without opening or switching.
   */
  showFeatureView(msg: Extract<HostToPanel, { type: 'lm' | 'attention' }>): void {
    this.featureViews.set(msg.type, msg);
    if (!msg.live) this.show(msg.type, false);
    this.post(msg);
  }

  /** The data on show in a feature's view (tests read it). */
  featureView(type: 'lm' | 'attention'): Extract<HostToPanel, { type: 'lm' | 'attention' }> | undefined {
    return this.featureViews.get(type);
  }

  /** Update the map from a running job's snapshot, without switching views or opening the panel. */
  updateEmbeddingsLive(view: EmbeddingsView): void {
    this.embeddingsView = view;
    this.post({ type: 'embeddings', view, live: true });
  }

  /** The map on show, if any (tests read it). */
  get currentEmbeddings(): EmbeddingsView | undefined {
    return this.embeddingsView;
  }

  /** A feature answers some of the webview's requests (e.g. recomputing a worked example, neighbours of a word). */
  addRequestHandler(methods: string[], handler: (method: string, params: unknown) => Promise<unknown>): void {
    for (const m of methods) this.requestHandlers.set(m, handler);
  }

  /** Adopt a panel restored by VS Code after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const v = (state as { view?: unknown } | undefined)?.view;
    if (v === 'training' || v === 'explain' || v === 'embeddings' || v === 'lm' || v === 'attention') this.view = v;
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.html = buildWebviewHtml(panel.webview, this.extensionUri, { bundle: 'panel', title: 'ML Study' });
    // A hidden webview is torn down and says `ready` again when shown, which replays the whole state; messages
    // posted while it is hidden are simply not seen. (Clearing `ready` on hide raced with that `ready` and could
    // leave a visible panel that was never sent anything.)
    const subs = [
      panel.webview.onDidReceiveMessage((raw) => {
        const msg = parsePanelMessage(raw);
        if (msg) void this.onMessage(msg);
      }),
    ];
    panel.onDidDispose(() => {
      for (const s of subs) s.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.ready = false;
      }
    });
  }

  private async onMessage(msg: PanelToHost): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.sendState();
        return;
      case 'viewChanged':
        this.view = msg.view;
        return;
      case 'stopJob':
        this.jobs.stop(msg.jobId);
        return;
      case 'export':
        await this.export(msg.format, msg.data);
        return;
      case 'request':
        await answer(
          msg,
          (method, params) => {
            const h = this.requestHandlers.get(method);
            if (!h) throw new Error(`unknown request ${method}`);
            return h(method, params);
          },
          (r) => this.post(r),
        );
        return;
    }
  }

  private async export(format: 'png' | 'csv', data: string): Promise<void> {
    let bytes: Buffer;
    if (format === 'png') {
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
      if (!m) {
        void showError('the chart image could not be exported (bad image data)');
        return;
      }
      bytes = Buffer.from(m[1], 'base64');
    } else {
      bytes = Buffer.from(data, 'utf8');
    }
    let target = this.exportTarget;
    if (!target) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        defaultUri: base ? vscode.Uri.joinPath(base, `loss-curves.${format}`) : undefined,
        filters: format === 'png' ? { 'PNG image': ['png'] } : { 'CSV table': ['csv'] },
        title: format === 'png' ? 'Export the loss chart as PNG' : 'Export the loss curves as CSV',
      });
      if (!target) return;
    }
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      this.lastExport = { format, bytes: bytes.length, file: target.fsPath };
      if (!this.exportTarget) void showInfo(`exported ${vscode.workspace.asRelativePath(target)}`);
    } catch (e) {
      void showError(`could not write ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private sendState(): void {
    this.post({ type: 'state', jobs: this.jobs.list(), series: this.jobs.allSeries(), view: this.view });
    if (this.explainView) this.post({ type: 'explain', view: this.explainView });
    if (this.embeddingsView) this.post({ type: 'embeddings', view: this.embeddingsView });
    for (const m of this.featureViews.values()) this.post({ ...m, live: true });
  }

  private post(msg: HostToPanel): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(msg);
  }

  /** Ask the webview for a chart export. With a target, writes there without a dialog and resolves to the size. */
  async requestExport(format: 'png' | 'csv', target?: vscode.Uri, timeoutMs = 10_000): Promise<number> {
    for (let t0 = Date.now(); this.panel && !this.ready && Date.now() - t0 < 5000; ) await new Promise((r) => setTimeout(r, 50));
    if (!this.panel || !this.ready) throw new Error('open the study panel first');
    if (!target) {
      this.post({ type: 'exportChart', format });
      return 0;
    }
    this.exportTarget = target;
    try {
      const before = this.lastExport;
      this.post({ type: 'exportChart', format });
      const t0 = Date.now();
      while (Date.now() - t0 < timeoutMs) {
        if (this.lastExport !== before && this.lastExport?.file === target.fsPath) return fs.statSync(target.fsPath).size;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the panel did not export in time');
    } finally {
      this.exportTarget = undefined;
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.panel?.dispose();
  }
}

export function registerStudyPanel(context: vscode.ExtensionContext, jobs: JobManager): StudyPanel {
  const panel = new StudyPanel(context.extensionUri, jobs);
  context.subscriptions.push(
    panel,
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(webviewPanel, state) {
        panel.restore(webviewPanel, state);
      },
    }),
  );
  return panel;
}
