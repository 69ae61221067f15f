/**
 * Fill in the Blank in the editor: the selected word (or the word at the cursor) becomes the blank of its line, the
 * newest saved masked language model (or the one given) fills it in the training worker (`mlm.fill`), and the
 * Fill-in-the-Blank view of the study panel shows the top-k tokens with their probabilities. The host only checks
 * arguments, finds the text and routes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlmFillData } from '../../shared/views/mlm';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { showError, showInfo } from '../util/notify';

/** Longest line the command sends (the model reads at most its context length around the blank). */
export const MAX_FILL_TEXT = 20_000;
const REQUEST_TIMEOUT_MS = 120_000;
const DEFAULT_K = 8;

export interface FillArgs {
  dir?: string;
  text?: string;
  from?: number;
  to?: number;
  k?: number;
}

/** Check the command's argument: nothing, or {dir?, text?, from?, to?, k?} (text with from and to). */
export function parseFillArgs(arg: unknown): FillArgs {
  if (arg === undefined || arg === null) return {};
  if (typeof arg !== 'object' || Array.isArray(arg)) throw new Error('Fill in the Blank takes {dir?, text?, from?, to?, k?}');
  const a = arg as Record<string, unknown>;
  const extra = Object.keys(a).filter((k) => !['dir', 'text', 'from', 'to', 'k'].includes(k));
  if (extra.length) throw new Error(`Fill in the Blank: unknown key ${JSON.stringify(extra[0])}`);
  if (a.dir !== undefined && (typeof a.dir !== 'string' || !a.dir.trim())) throw new Error('dir must be the path of a model folder');
  if (a.text !== undefined && (typeof a.text !== 'string' || a.text.length > MAX_FILL_TEXT)) throw new Error(`text must be a string of at most ${MAX_FILL_TEXT} characters`);
  const int = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
  if (!int(a.from) || !int(a.to) || !int(a.k)) throw new Error('from, to and k must be whole numbers ≥ 0');
  if ((a.text === undefined) !== (a.from === undefined) || (a.from === undefined) !== (a.to === undefined)) throw new Error('give text, from and to together');
  return a as FillArgs;
}

/** The line of the selection (or of the word at the cursor) and the selection's offsets in it. */
function fromEditor(): { text: string; from: number; to: number } | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  let range: vscode.Range | undefined = ed.selection.isEmpty ? ed.document.getWordRangeAtPosition(ed.selection.active) : ed.selection;
  if (!range || range.start.line !== range.end.line) range = range && new vscode.Range(range.start, ed.document.lineAt(range.start.line).range.end);
  if (!range || range.isEmpty) return undefined;
  const text = ed.document.lineAt(range.start.line).text;
  if (text.length > MAX_FILL_TEXT) return undefined;
  return { text, from: range.start.character, to: range.end.character };
}

export class MlmFeature {
  private stamp = 0;
  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  newestMlm(): { dir: string; name: string } | undefined {
    return this.jobs.savedModels().find((m) => m.model === 'mlm');
  }

  /** Fill the blank and show it; returns what the view shows (undefined after telling the user why not). */
  async fill(arg: unknown): Promise<MlmFillData | undefined> {
    let a: FillArgs;
    try {
      a = parseFillArgs(arg);
    } catch (e) {
      void showError(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    const where = a.text !== undefined ? { text: a.text, from: a.from!, to: a.to! } : fromEditor();
    if (!where) {
      void showError('select a word in a note (or put the cursor on one), then run Fill in the Blank.');
      return undefined;
    }
    const model = a.dir ? { dir: a.dir, name: path.basename(a.dir) } : this.newestMlm();
    if (!model) {
      const train = 'Train one on the notes';
      void showInfo('there is no trained masked language model yet. Train one (a small one takes about a minute), then fill in a blank.', train).then((pick) => {
        if (pick === train) void vscode.commands.executeCommand('mlStudy.trainMlm', { corpus: 'notes', params: { timeBudget: 60 } });
      });
      return undefined;
    }
    if (!path.isAbsolute(model.dir)) {
      void showError(`dir must be an absolute path (got ${JSON.stringify(model.dir.slice(0, 200))})`);
      return undefined;
    }
    try {
      const result = await this.jobs.request('mlm.fill', { dir: model.dir, ...where, k: a.k || DEFAULT_K }, REQUEST_TIMEOUT_MS);
      const data: MlmFillData = { name: model.name, dir: model.dir, text: where.text, selected: where.text.slice(where.from, where.to), result, stamp: ++this.stamp };
      this.panel.showView('mlm-fill', data);
      return data;
    } catch (e) {
      void showError(`could not fill in the blank: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
}

export function registerMlmFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): MlmFeature {
  const f = new MlmFeature(jobs, panel);
  context.subscriptions.push(vscode.commands.registerCommand('mlStudy.fillMask', (arg?: unknown) => f.fill(arg)));
  return f;
}
