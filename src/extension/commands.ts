/**
 * Command palette actions (category "ML Study"). Each validates its arguments: commands can be invoked from
 * hovers and from other extensions, not only from the palette.
 */
import * as vscode from 'vscode';
import type { JobManager } from './jobs/jobManager';
import type { StudyPanel } from './panel/studyPanel';
import { readSettings } from './config';
import { ValidationError } from '../core/params';
import { showError, showInfo } from './util/notify';
import { TRAINING_VIEW_ID } from './sidebar/trainingView';
import { CORPUS_CHOICES, resolveCorpus, resolveNoteFolder } from './corpus';
import { checkExperimentArgs } from '../core/formula/noteValues';
import { formOf } from './models';
import type { ModelKind } from '../shared/protocol';
import { resumeItem, resumeRun } from './jobs/resume';
import type { PanelView } from '../shared/panelViews';
import { BROWN_WORD_TRANSFORMER } from '../core/attention/presets';

/** The view a model's training opens (the Training view's loss curves otherwise). */
const VIEW_OF_MODEL: Partial<Record<ModelKind, PanelView>> = { distill: 'distill', vae: 'vae-latent', autoencoder: 'vae-latent' };

/** A training command's argument (from a hover link, or anyone) that cannot run: one message, and true. */
function refuses(command: string, args: unknown, what: string): boolean {
  const problem = checkExperimentArgs(command, args);
  if (problem) void showError(`bad ${what} parameters: ${problem}`);
  return problem !== undefined;
}

/** True, and the user told why, when the workspace is not trusted: nothing trains there. */
function trainingRefused(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void showError('training is disabled in an untrusted workspace; trust the workspace to train.');
  return true;
}

export function registerCommands(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg('mlStudy.openStudyPanel', () => panel.show('training', false));

  reg('mlStudy.showTrainingView', () => vscode.commands.executeCommand(`${TRAINING_VIEW_ID}.focus`));

  reg('mlStudy.trainXor', async (args?: unknown) => {
    if (trainingRefused()) return undefined;
    let params: unknown = args;
    if (params === undefined) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Two-layer MLP', description: '4 tanh hidden units, Adam', detail: 'Solves XOR: the hidden layer bends the decision boundary.', params: {} },
          { label: 'Linear model', description: '0 hidden units', detail: 'Logistic regression: no single line separates XOR, so it cannot get all four points right.', params: { hidden: 0 } },
          { label: 'Watch it learn in the XOR Playground', description: 'step by step', detail: 'The boundary, each hidden unit and the hidden space, live while it trains.', params: 'playground' as const },
        ],
        { title: 'ML Study: Train XOR', placeHolder: 'Which model? (hyperparameters: the Training view in the sidebar)' },
      );
      if (!pick) return undefined;
      if (pick.params === 'playground') {
        void vscode.commands.executeCommand('mlStudy.openXorPlayground');
        return undefined;
      }
      params = pick.params;
    }
    if (refuses('mlStudy.trainXor', params, 'XOR')) return undefined;
    try {
      const job = jobs.start('xor', params ?? {}, { kind: 'none' }, { corpusName: '' });
      if (readSettings().openPanelOnTrain) panel.show('training');
      return job.jobId;
    } catch (e) {
      void showError(e instanceof ValidationError ? `bad XOR parameters: ${e.message}` : String(e));
      return undefined;
    }
  });

  /** Train a model on a corpus: args {params?, corpus?}; without a corpus the user picks one. */
  const trainModel = (id: string, model: ModelKind) =>
    reg(id, async (args?: unknown) => {
      if (trainingRefused()) return undefined;
      const form = formOf(model);
      if (refuses(id, args, form.title)) return undefined;
      const a = (args ?? {}) as { params?: unknown; corpus?: unknown };
      let params = a.params;
      // From the palette (no arguments), ask which word2vec; callers with arguments get the default (skip-gram).
      if (model === 'word2vec' && args === undefined) {
        const arch = await vscode.window.showQuickPick(
          [
            { label: 'Skip-gram with negative sampling', description: 'sgns', detail: 'Predict each context word from the centre word; k noise words per pair.', arch: 'sgns' },
            { label: 'CBOW', description: 'cbow', detail: 'Predict the centre word from the average of its context vectors.', arch: 'cbow' },
          ],
          { title: 'ML Study: which word2vec model?' },
        );
        if (!arch) return undefined;
        params = { ...((params as object | undefined) ?? {}), arch: arch.arch };
      }
      let corpusId = typeof a.corpus === 'string' ? a.corpus : undefined;
      const folder = (a.corpus as { folder?: unknown } | undefined)?.folder; // a hover link: the note's folder
      if (form.usesCorpus && !corpusId && folder === undefined) {
        const pick = await vscode.window.showQuickPick(CORPUS_CHOICES.map((c) => ({ label: c.label, id: c.id })), { title: `ML Study: ${form.title} — train on which text?` });
        if (!pick) return undefined;
        corpusId = pick.id;
      }
      try {
        const corpus = folder !== undefined && form.usesCorpus ? await resolveNoteFolder(folder) : await resolveCorpus(form.usesCorpus ? corpusId! : 'none');
        const job = jobs.start(model, params ?? {}, corpus.ref, { corpusName: corpus.name, source: corpus.source });
        if (readSettings().openPanelOnTrain) panel.show(VIEW_OF_MODEL[model] ?? 'training');
        return job.jobId;
      } catch (e) {
        void showError(e instanceof ValidationError ? `bad ${form.title} parameters: ${e.message}` : e instanceof Error ? e.message : String(e));
        return undefined;
      }
    });
  trainModel('mlStudy.trainWord2vec', 'word2vec');
  trainModel('mlStudy.trainLstm', 'lstm');
  trainModel('mlStudy.trainTransformer', 'transformer');
  trainModel('mlStudy.trainSeq2seq', 'seq2seq');
  trainModel('mlStudy.trainDistill', 'distill');
  trainModel('mlStudy.trainVae', 'vae');
  trainModel('mlStudy.trainAutoencoder', 'autoencoder');
  trainModel('mlStudy.trainMlm', 'mlm');

  // The one-click preset: the Transformer form's command with every parameter and the corpus given.
  reg('mlStudy.trainTransformerBrownWords', () => vscode.commands.executeCommand('mlStudy.trainTransformer', { params: { ...BROWN_WORD_TRANSFORMER.params }, corpus: BROWN_WORD_TRANSFORMER.corpus }));

  reg('mlStudy.stopTraining', async (jobId?: unknown) => {
    const running = jobs.running();
    if (typeof jobId === 'string') return jobs.stop(jobId);
    if (!running.length) {
      void showInfo('no training job is running.');
      return false;
    }
    if (running.length === 1) return jobs.stop(running[0].jobId);
    const pick = await vscode.window.showQuickPick(
      [{ label: 'Stop all', id: '*' }, ...running.map((j) => ({ label: j.label, description: `${Math.round(j.progress * 100)}%`, id: j.jobId }))],
      { title: 'ML Study: Stop Training' },
    );
    if (!pick) return false;
    if (pick.id === '*') jobs.stopAll();
    else jobs.stop(pick.id);
    return true;
  });

  /** Continue a stopped or finished run from its checkpoint: arg the run's id, or pick one. */
  reg('mlStudy.resumeTraining', async (jobId?: unknown) => {
    if (trainingRefused()) return undefined;
    let id = typeof jobId === 'string' ? jobId : undefined;
    if (id === undefined) {
      const runs = jobs.resumable();
      if (!runs.length) {
        void showInfo('no stopped or finished run can be resumed (LSTM runs with a saved checkpoint can).');
        return undefined;
      }
      id = (await vscode.window.showQuickPick(runs.map(resumeItem), { title: 'ML Study: Resume Training', placeHolder: 'Continue which run from its checkpoint?' }))?.jobId;
      if (id === undefined) return undefined;
    }
    try {
      const job = await resumeRun(jobs, id);
      if (job && readSettings().openPanelOnTrain) panel.show('training');
      return job?.jobId;
    } catch (e) {
      void showError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  });

  reg('mlStudy.exportChart', async (args?: unknown) => {
    const a = (args ?? {}) as { format?: unknown; path?: unknown };
    let format = a.format;
    if (format === undefined) format = (await vscode.window.showQuickPick(['png', 'csv'], { title: 'Export the loss chart as' })) ?? undefined;
    if (format !== 'png' && format !== 'csv') return undefined;
    panel.show('training'); // the chart must be on show (a hidden panel has no webview to draw it)
    try {
      return await panel.requestExport(format, typeof a.path === 'string' ? vscode.Uri.file(a.path) : undefined);
    } catch (e) {
      void showError(String(e instanceof Error ? e.message : e));
      return undefined;
    }
  });

  reg('mlStudy.clearFinishedRuns', () => jobs.clearFinished());
}
