/**
 * Attention in the editor: Show Attention for Selection, and the Attention view
 * of the study panel (heatmaps per layer and head, seq2seq alignment). Queries run in the training worker ("attn.").
 */
import type * as vscode from 'vscode';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';

export function registerAttentionFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): void {
  void context;
  void jobs;
  void panel;
}
