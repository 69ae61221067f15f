/**
 * The study panel: one WebviewPanel beside the editor, restored after a window reload by a serializer.
 * Its views come from one table (src/shared/panelViews.ts): features show a view's data with `showView`, answer its
 * requests with `handle`, and the panel replays every view's data after the webview says `ready` (no
 * retainContextWhenHidden; shownViews.ts), then streams batched loss points. Messages from the webview are validated
 * before anything acts on them; requests go both ways through the typed channel (the host asks the Training view for
 * its chart).
 */
import type { ExportPanelRequests } from '../../shared/views/export';
import * as vscode from 'vscode';
import { type HostToPanel, MAX_CHART_EXPORT, type PanelToHost, parsePanelMessage } from '../../shared/protocol';
import { isPanelView, type PanelAnswers, type PanelRequests, type PanelView, type PanelViews, type ViewData } from '../../shared/panelViews';
import { Channel, serve, type Handlers, type ParamsOf, type UntrustedHandlers } from '../../shared/rpc';
import type { JobManager } from '../jobs/jobManager';
import { mountWebview, webviewOptions } from '../webviewHtml';
import { ShownViews } from './shownViews';
import { showError, showInfo } from '../util/notify';

export const PANEL_VIEW_TYPE = 'mlStudy.studyPanel';

/** How long a request waits for the webview to (re)load and say `ready`. */
const READY_TIMEOUT_MS = 5000;

export class StudyPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly readyWaiters: Array<() => void> = [];
  private view: PanelView = 'training';
  private readonly subs: vscode.Disposable[] = [];
  /** The data on show in each view, replayed whenever the webview loads. */
  private readonly shown = new ShownViews();
  /** What the views ask of the host, filled by the features (`handle`). */
  private readonly handlers: Partial<Handlers<PanelRequests>> = {};
  private readonly answer = serve<PanelRequests>(this.handlers, (r) => this.post(r));
  /** Requests to the views (PanelAnswers): sent whenever there is a webview (they are made once it is ready, or ask whether it is). */
  private readonly toPanel = new Channel<PanelAnswers>((m) => void this.panel?.webview.postMessage(m));
  /** The last chart export written (tests read it). */
  lastExport: { format: string; bytes: number; file: string } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly jobs: JobManager,
  ) {
    this.subs.push(
      jobs.onDidAppendPoints((chunks) => this.post({ type: 'points', chunks })),
      jobs.onDidChangeJob((job) => this.post({ type: 'job', job })),
      // (Only the list: the webview has every point already, from the last `state` and the `points` since.)
      jobs.onDidChangeList(() => this.post({ type: 'jobs', jobs: jobs.list() })),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get webviewReady(): boolean {
    return this.ready;
  }

  /** Open (or reveal) the panel beside the active editor, on a view. */
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

  /**
   * Show a view's data, opening the panel on that view; with `live` (a running job's progress), only update it
   * without opening or switching. The data is kept and replayed when the webview reloads.
   */
  showView<V extends PanelView>(view: V, data: ViewData<V>, opts: { live?: boolean } = {}): void {
    const msg = this.shown.show(view, data, opts.live === true);
    if (!opts.live) this.show(view, false);
    this.post(msg);
  }

  /** The data on show in a view (tests read it). */
  dataOf<V extends PanelView>(view: V): ViewData<V> | undefined {
    return this.shown.dataOf(view);
  }

  /** A feature answers its view's requests. The params come from a webview: each handler checks them. */
  handle<V extends PanelView>(_view: V, handlers: UntrustedHandlers<PanelViews[V]['toHost']>): void {
    Object.assign(this.handlers, handlers);
  }

  /** A feature answers requests any view may make (exporting a picture). */
  handleShared(handlers: UntrustedHandlers<ExportPanelRequests>): void {
    Object.assign(this.handlers, handlers);
  }

  /** Adopt a panel restored by VS Code after a reload. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const v = (state as { view?: unknown } | undefined)?.view;
    if (isPanelView(v)) this.view = v;
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    // A hidden webview is torn down and says `ready` again when shown, which replays the whole state; messages
    // posted while it is hidden are simply not seen. (Clearing `ready` on hide raced with that `ready` and could
    // leave a visible panel that was never sent anything.)
    const sub = mountWebview(panel.webview, this.extensionUri, { bundle: 'panel', title: 'ML Study' }, parsePanelMessage, (msg) => void this.onMessage(msg));
    panel.onDidDispose(() => {
      sub.dispose();
      if (this.panel === panel) {
        this.panel = undefined;
        this.ready = false;
        this.toPanel.rejectAll('the study panel was closed');
      }
    });
  }

  private async onMessage(msg: PanelToHost): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.onReady();
        // A webview that (re)loaded lost every request posted to the one before it, even one the host took for
        // visible: VS Code reports a hidden panel after the fact.
        this.toPanel.resend();
        return;
      case 'viewChanged':
        this.view = msg.view;
        return;
      case 'stopJob':
        this.jobs.stop(msg.jobId);
        return;
      case 'export':
        await this.writeExport(msg.format, msg.data, undefined);
        return;
      case 'request':
        await this.answer(msg);
        return;
      case 'reply':
        this.toPanel.handleReply(msg);
        return;
    }
  }

  /**
   * Export the loss chart: asks the Training view for it and writes it to `target`, or where the user picks.
   * Resolves to the bytes written (0 when the user cancels the dialog).
   */
  async requestExport(format: 'png' | 'csv', target?: vscode.Uri, timeoutMs = 10_000): Promise<number> {
    await this.whenReady();
    const data: unknown = await this.toPanel.request('training.export', { format }, timeoutMs);
    // The reply comes from a webview: its type is what the table promises only if the webview kept to it.
    if (typeof data !== 'string' || data.length > MAX_CHART_EXPORT) throw new Error('the panel sent no usable chart');
    return this.writeExport(format, data, target);
  }

  /** Ask a view (PanelAnswers) once the webview is ready. The answer comes from a webview: the caller checks it. */
  async ask<M extends keyof PanelAnswers & string>(method: M, params: ParamsOf<PanelAnswers, M>, timeoutMs = 10_000): Promise<unknown> {
    await this.whenReady();
    return this.toPanel.request(method, params, timeoutMs);
  }

  /** The webview is loaded: send it everything (a replay its views skip if they have it) and release the waiters. */
  private onReady(): void {
    this.ready = true;
    this.sendState();
    for (const w of this.readyWaiters.splice(0)) w();
  }

  private async whenReady(): Promise<void> {
    if (this.panel && this.ready) return;
    if (!this.panel) throw new Error('open the study panel first');
    const panel = this.panel;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the study panel did not load in time')), READY_TIMEOUT_MS);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      // The host takes a webview for reloading when VS Code last reported it hidden, a report that can come after
      // the panel is on show again (and then no reload and no `ready` follow): a loaded webview answers this.
      this.toPanel.request('panel.ping', null, READY_TIMEOUT_MS).then(
        () => {
          if (this.panel === panel && !this.ready) this.onReady();
        },
        () => undefined,
      );
    });
  }

  private async writeExport(format: 'png' | 'csv', data: string, target: vscode.Uri | undefined): Promise<number> {
    let bytes: Buffer;
    if (format === 'png') {
      const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(data);
      if (!m) {
        void showError('the chart image could not be exported (bad image data)');
        return 0;
      }
      bytes = Buffer.from(m[1], 'base64');
    } else {
      bytes = Buffer.from(data, 'utf8');
    }
    const chosen = target ?? (await askExportTarget(format));
    if (!chosen) return 0;
    try {
      await vscode.workspace.fs.writeFile(chosen, bytes);
      this.lastExport = { format, bytes: bytes.length, file: chosen.fsPath };
      if (!target) void showInfo(`exported ${vscode.workspace.asRelativePath(chosen)}`);
      return bytes.length;
    } catch (e) {
      void showError(`could not write ${chosen.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }

  /** Everything a webview that just loaded needs: the jobs, their loss series and every view's data. */
  private sendState(): void {
    this.post({ type: 'state', jobs: this.jobs.list(), series: this.jobs.allSeries(), view: this.view });
    for (const msg of this.shown.replay()) this.post(msg);
  }

  private post(msg: HostToPanel): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(msg);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.panel?.dispose();
  }
}

function askExportTarget(format: 'png' | 'csv'): Thenable<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: base ? vscode.Uri.joinPath(base, `loss-curves.${format}`) : undefined,
    filters: format === 'png' ? { 'PNG image': ['png'] } : { 'CSV table': ['csv'] },
    title: format === 'png' ? 'Export the loss chart as PNG' : 'Export the loss curves as CSV',
  });
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
