/**
 * Long work shows in the status bar (always) and, when the setting asks for it, in a progress notification
 * whose Cancel stops the job.
 */
import * as vscode from 'vscode';
import type { JobInfo } from '../../shared/protocol';
import type { JobManager } from './jobManager';
import { readSettings } from '../config';

export function registerTrainingStatus(context: vscode.ExtensionContext, jobs: JobManager): void {
  const item = vscode.window.createStatusBarItem('mlStudy.training', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ML Study training';
  item.command = 'mlStudy.openStudyPanel';
  const update = () => {
    const running = jobs.running();
    if (!running.length) {
      item.hide();
      return;
    }
    const j = running[0];
    const pct = j.total ? ` ${Math.round(j.progress * 100)}%` : '';
    const loss = j.loss !== undefined ? ` · loss ${formatLoss(j.loss)}` : '';
    item.text = `$(loading~spin) ${j.label}${pct}${loss}${running.length > 1 ? ` (+${running.length - 1})` : ''}`;
    item.tooltip = `ML Study: ${running.map((r) => `${r.label} (${r.status})`).join(', ')} — click to open the study panel`;
    item.show();
  };
  const notified = new Set<string>();
  const maybeNotify = (job: JobInfo) => {
    if (notified.has(job.jobId) || (job.status !== 'running' && job.status !== 'queued') || !readSettings().progressNotification) return;
    notified.add(job.jobId);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `ML Study: ${job.label}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          token.onCancellationRequested(() => jobs.stop(job.jobId));
          let last = 0;
          const sub = jobs.onDidChangeJob((j) => {
            if (j.jobId !== job.jobId) return;
            const pct = Math.round(j.progress * 100);
            progress.report({ increment: pct - last, message: j.loss !== undefined ? `loss ${formatLoss(j.loss)}` : undefined });
            last = pct;
            if (j.endedAt) {
              sub.dispose();
              resolve();
            }
          });
        }),
    );
  };
  context.subscriptions.push(
    item,
    jobs.onDidChangeJob((j) => {
      maybeNotify(j);
      update();
    }),
    jobs.onDidChangeList(update),
  );
}

export function formatLoss(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 0.01 ? x.toFixed(4) : x.toExponential(2);
}
