/**
 * Activation is short: build the shared services, hand each feature its own register(), return the API that
 * integration tests use. Nothing heavy runs here: the training worker starts with the first job, and tfjs is
 * never loaded on the extension host.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readSettings } from './config';
import { JobManager } from './jobs/jobManager';
import { RunStore } from './jobs/runStore';
import { registerTrainingStatus } from './jobs/statusBar';
import { workerScript } from './jobs/workerClient';
import { registerStudyPanel, type StudyPanel } from './panel/studyPanel';
import { registerTrainingView, type TrainingViewProvider } from './sidebar/trainingView';
import { registerCommands } from './commands';
import { recentMessages } from './util/notify';
import { type FormulaService, registerFormulaFeature } from './formula/formulaFeature';
import { type FormulaMapFeature, registerFormulaMap } from './formula/formulaMap';
import { registerVectorsFeature, type VectorsFeature } from './vectors/vectorsFeature';
import { registerLmFeature } from './lm/lmFeature';
import { type AttentionFeature, registerAttentionFeature } from './attention/attentionFeature';
import { type ExportFeature, registerExportFeature } from './export/exportFeature';
import { registerXorFeature } from './xor/xorFeature';
import { registerW2vStepFeature, type W2vStepFeature } from './w2vStep/stepFeature';
import { registerMlmFeature } from './mlm/mlmFeature';
import { registerGatesFeature } from './inside/gatesFeature';
import { registerGradientsFeature } from './inside/gradientsFeature';
import { registerModelViewsFeature, type ModelViewsFeature } from './modelViews/modelViewsFeature';
import { registerHeadsFeature } from './heads/headsFeature';
import { type PracticeFeature, registerPracticeFeature } from './practice/practiceFeature';
import { walkthroughDone } from './practice/walkthrough';

/** What activate() returns: used by integration tests (and available to other extensions). */
export interface ExtensionApi {
  jobs: JobManager;
  panel: StudyPanel;
  trainingView: TrainingViewProvider;
  formulas: FormulaService;
  /** The map of the notes' formulas: `formulaMap.index.current` and `onDidChange` (src/shared/views/formulas.ts). */
  formulaMap: FormulaMapFeature;
  vectors: VectorsFeature;
  w2vStep: W2vStepFeature;
  modelViews: ModelViewsFeature;
  attention: AttentionFeature;
  exportImages: ExportFeature;
  practice: PracticeFeature;
  /** The Get Started walkthrough's steps done in this session. */
  walkthroughDone: typeof walkthroughDone;
  recentMessages: typeof recentMessages;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  try {
    const settings = readSettings();
    // In an untrusted workspace the storage folder is neither read nor written; trusting it enables it, no reload.
    const jobs = new JobManager(workerScript(context.extensionPath), runStore(context, settings.storageFolder), settings.keepRuns, {
      trusted: vscode.workspace.isTrusted,
      keepVersions: settings.keepVersions,
    });
    context.subscriptions.push(
      jobs,
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        const s = readSettings();
        jobs.enableStorage(runStore(context, s.storageFolder), s.keepRuns);
      }),
    );
    const panel = registerStudyPanel(context, jobs);
    const trainingView = registerTrainingView(context, jobs, () => panel.show('training'));
    registerTrainingStatus(context, jobs);
    registerCommands(context, jobs, panel);
    const formulas = registerFormulaFeature(context, panel, jobs);
    const formulaMap = registerFormulaMap(context, panel, formulas);
    const vectors = registerVectorsFeature(context, jobs, panel);
    registerLmFeature(context, jobs, panel);
    const attention = registerAttentionFeature(context, jobs, panel);
    const exportImages = registerExportFeature(context, panel);
    registerXorFeature(context, jobs, panel);
    const w2vStep = registerW2vStepFeature(context, jobs, panel, formulas);
    registerMlmFeature(context, jobs, panel);
    registerGatesFeature(context, jobs, panel);
    registerGradientsFeature(context, jobs, panel);
    const modelViews = registerModelViewsFeature(context, jobs, panel);
    registerHeadsFeature(context, jobs, panel);
    const practice = registerPracticeFeature(context, jobs, panel, formulas);
    return { jobs, panel, trainingView, formulas, formulaMap, vectors, w2vStep, modelViews, attention, exportImages, practice, walkthroughDone, recentMessages };
  } catch (e) {
    void vscode.window.showErrorMessage(`ML Study could not start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything (the worker included) is in context.subscriptions and is disposed by VS Code.
}

/** `<first workspace folder>/<folder>`, kept inside that workspace folder; the global storage without a folder. */
function runStore(context: vscode.ExtensionContext, folder: string): RunStore {
  const ws = vscode.workspace.workspaceFolders?.[0];
  if (ws && ws.uri.scheme === 'file') return new RunStore(path.join(ws.uri.fsPath, folder), ws.uri.fsPath);
  return new RunStore(context.globalStorageUri.fsPath);
}
