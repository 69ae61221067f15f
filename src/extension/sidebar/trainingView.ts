/**
 * The sidebar training view (a WebviewView in its own activity-bar container): the jobs with progress bars and
 * stop buttons, saved models, and a form to start a job. The form is drawn from the models' parameter specs;
 * every submission is validated here again before a job starts. State is replayed when the view is shown.
 */
import * as vscode from 'vscode';
import { type HostToSidebar, parseSidebarMessage, type SidebarToHost } from '../../shared/protocol';
import { ValidationError } from '../../core/params';
import type { JobManager } from '../jobs/jobManager';
import { MODEL_FORMS } from '../models';
import { mountWebview, webviewOptions } from '../webviewHtml';
import { CORPUS_CHOICES, resolveCorpus } from '../corpus';
import { formOf } from '../models';

export const TRAINING_VIEW_ID = 'mlStudy.trainingView';

export class TrainingViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly jobs: JobManager,
    private readonly openPanel: () => void,
  ) {
    this.subs.push(
      jobs.onDidChangeJob((job) => this.post({ type: 'job', job })),
      jobs.onDidChangeList(() => this.sendState()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.sendState()),
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    const sub = mountWebview(view.webview, this.extensionUri, { bundle: 'sidebar', title: 'Training' }, parseSidebarMessage, (msg) => void this.onMessage(msg));
    view.onDidDispose(() => {
      sub.dispose();
      if (this.view === view) this.view = undefined;
    });
  }

  private async onMessage(msg: SidebarToHost): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.sendState();
        return;
      case 'openPanel':
        this.openPanel();
        return;
      case 'stopJob':
        this.jobs.stop(msg.jobId);
        return;
      case 'resumeJob':
        // the same checks as the palette command (trust, the run, its checkpoint, its text)
        await vscode.commands.executeCommand('mlStudy.resumeTraining', msg.jobId);
        return;
      case 'clearFinished':
        this.jobs.clearFinished();
        return;
      case 'start': {
        if (!vscode.workspace.isTrusted) {
          this.post({ type: 'formError', message: 'Training is disabled in an untrusted workspace (it reads and writes files here). Trust the workspace to train.' });
          return;
        }
        try {
          const corpus = await resolveCorpus(formOf(msg.model).usesCorpus ? msg.corpus : 'none');
          this.jobs.start(msg.model, msg.params, corpus.ref, { corpusName: corpus.name, source: corpus.source });
          this.openPanel();
        } catch (e) {
          this.post({ type: 'formError', field: e instanceof ValidationError ? e.field : undefined, message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
    }
  }

  private sendState(): void {
    this.post({ type: 'state', jobs: this.jobs.list(), models: this.jobs.savedModels(), forms: [...MODEL_FORMS], corpora: CORPUS_CHOICES, trusted: vscode.workspace.isTrusted });
  }

  private post(msg: HostToSidebar): void {
    if (this.view && this.ready) void this.view.webview.postMessage(msg);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}

export function registerTrainingView(context: vscode.ExtensionContext, jobs: JobManager, openPanel: () => void): TrainingViewProvider {
  const provider = new TrainingViewProvider(context.extensionUri, jobs, openPanel);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(TRAINING_VIEW_ID, provider));
  return provider;
}
