/**
 * word2vec one update at a time in the study panel: the command Step Through word2vec (on the selection, a chosen
 * note, or the note in the editor when it comes from a formula hover) and the view's requests (step 1 / 10 / 100 /
 * to the end of the epoch, reset, settings, a watched word). The stepper runs in the training worker
 * (`stepper.*` requests); the objective with its numbers is rendered by the formula worker. The host only checks
 * what comes in, routes it, and keeps what the view shows (the panel replays it to a reloaded webview).
 */
import * as vscode from 'vscode';
import { isObject } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { StepAmount, StepperFrame, W2vStepPanelData, W2vStepPanelRequests } from '../../shared/views/w2vStep';
import { STEPPER_PARAMS, type StepperParams } from '../../core/word2vec/params';
import { defaults, validateParams } from '../../core/params';
import { CorpusError, decodeText } from '../../core/corpus/text';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { type FormulaService, themeColor } from '../formula/formulaFeature';
import { noteFiles } from '../corpus';
import { showError } from '../util/notify';

export const STEP_COMMAND = 'mlStudy.stepWord2vec';
/** Most bytes of a note (or characters of a selection) the stepper reads: it is for a few sentences. */
export const MAX_STEP_TEXT = 1024 * 1024;
const STEP_AMOUNTS: readonly StepAmount[] = [1, 10, 100, 'epoch'];
const SESSION = 'panel';
const REQUEST_TIMEOUT_MS = 120_000;
const RENDER_TIMEOUT_MS = 10_000;
const UNTRUSTED = 'training is disabled in an untrusted workspace; trust the workspace to step through word2vec.';

/** Thrown for bad arguments or text; the message is shown to the user as is. */
export class StepArgError extends Error {}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface StepOpenArgs {
  /** Where the sentences come from: the selection, the note in the active editor, or a note of the workspace. */
  source?: 'selection' | 'editor' | 'note';
  /** With source 'note': the note's path relative to the workspace (else the user picks one). */
  note?: string;
  settings?: unknown;
  /** Updates to make at once after opening (tests, links). */
  steps?: number;
}

/** Check the command's argument: nothing (or the editor's URI from its context menu), or StepOpenArgs. */
export function parseStepArgs(arg: unknown): StepOpenArgs {
  if (arg === undefined || arg === null || arg instanceof vscode.Uri) return {};
  const usage = 'Step Through word2vec takes {source?: "selection" | "editor" | "note", note?, settings?, steps?}';
  if (!isObject(arg)) throw new StepArgError(usage);
  const unknownKey = Object.keys(arg).find((k) => !['source', 'note', 'settings', 'steps'].includes(k));
  if (unknownKey !== undefined) throw new StepArgError(`${usage}; unknown key ${JSON.stringify(unknownKey.slice(0, 40))}`);
  if (arg.source !== undefined && !['selection', 'editor', 'note'].includes(arg.source as string)) throw new StepArgError(usage);
  if (arg.note !== undefined && (typeof arg.note !== 'string' || arg.note.length > 1000)) throw new StepArgError('note must be a path relative to the workspace');
  if (arg.steps !== undefined && !(Number.isInteger(arg.steps) && (arg.steps as number) >= 1 && (arg.steps as number) <= 100_000)) throw new StepArgError('steps must be an integer 1..100000');
  if (arg.settings !== undefined) checkSettings(arg.settings);
  return { source: arg.source as StepOpenArgs['source'], note: arg.note as string | undefined, settings: arg.settings, steps: arg.steps as number | undefined };
}

/** STEPPER_PARAMS values, checked on the host before they go to the worker. */
export function checkSettings(raw: unknown): StepperParams {
  try {
    return validateParams(STEPPER_PARAMS, raw);
  } catch (e) {
    throw new StepArgError(`bad stepper settings: ${message(e)}`);
  }
}

function checkText(text: string, name: string): string {
  if (text.length > MAX_STEP_TEXT) throw new StepArgError(`${name} is too long to step through (over ${MAX_STEP_TEXT / 1024} K characters); select a few sentences`);
  if (!/\p{L}/u.test(text)) throw new StepArgError(`${name} has no words to step through`);
  return text;
}

/** A note of the workspace read with bounds: a regular file of at most MAX_STEP_TEXT bytes, UTF-8. */
async function readNote(uri: vscode.Uri): Promise<string> {
  const name = vscode.workspace.asRelativePath(uri);
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type !== vscode.FileType.File) throw new StepArgError(`${name} is not a regular file`);
  if (stat.size > MAX_STEP_TEXT) throw new StepArgError(`${name} is over ${MAX_STEP_TEXT / 1024} KB; select a few sentences of it instead`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.length > MAX_STEP_TEXT) throw new StepArgError(`${name} is over ${MAX_STEP_TEXT / 1024} KB; select a few sentences of it instead`);
  return decodeText(bytes, name);
}

/** The sentences and where they came from; undefined when the user cancelled the pick. */
export async function resolveSentences(args: StepOpenArgs): Promise<{ text: string; source: string } | undefined> {
  const ed = vscode.window.activeTextEditor;
  const selected = ed && !ed.selection.isEmpty ? ed.document.getText(ed.selection) : '';
  const source = args.source ?? (selected.trim() ? 'selection' : 'note');
  if (source === 'selection') {
    if (!ed || !selected.trim()) throw new StepArgError('select a few sentences in a note first');
    return { text: checkText(selected, 'the selection'), source: `selection in ${vscode.workspace.asRelativePath(ed.document.uri)}` };
  }
  if (source === 'editor') {
    if (!ed) throw new StepArgError('open a note first');
    const name = vscode.workspace.asRelativePath(ed.document.uri);
    return { text: checkText(ed.document.getText(), name), source: name };
  }
  const notes = await noteFiles();
  let uri: vscode.Uri | undefined;
  if (args.note !== undefined) {
    // Only a note the workspace search finds: a path outside the workspace (or not a note) is never read.
    uri = notes.find((u) => vscode.workspace.asRelativePath(u) === args.note);
    if (!uri) throw new StepArgError(`${args.note.slice(0, 200)} is not a note of this workspace`);
  } else {
    const pick = await vscode.window.showQuickPick(
      notes.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })),
      { title: 'ML Study: Step Through word2vec', placeHolder: 'Step through word2vec on which note? (or select a few sentences first)' },
    );
    if (!pick) return undefined;
    uri = pick.uri;
  }
  const name = vscode.workspace.asRelativePath(uri);
  return { text: checkText(await readNote(uri), name), source: name };
}

export class W2vStepFeature {
  private data: W2vStepPanelData | undefined;
  private text = '';
  private source = '';
  private settings: StepperParams = defaults(STEPPER_PARAMS);
  private stamp = 0;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
    private readonly formulas: FormulaService,
  ) {}

  /** What the view shows (tests read it). */
  get state(): W2vStepPanelData | undefined {
    return this.data;
  }

  /** A new stepper on these sentences with these settings, at update 0. */
  async open(text: string, source: string, rawSettings: unknown, live = false): Promise<W2vStepPanelData> {
    const settings = checkSettings(rawSettings ?? {});
    const frame = await this.jobs.request('stepper.create', { id: SESSION, params: settings, text }, REQUEST_TIMEOUT_MS);
    this.text = text;
    this.source = source;
    this.settings = settings;
    return this.publish(frame, live);
  }

  /** A request on the worker's stepper; a fresh worker (after a crash) has none, so it is rebuilt where it was. */
  private async onSession(req: () => Promise<StepperFrame>): Promise<StepperFrame> {
    if (!this.data) throw new StepArgError('run “ML Study: Step Through word2vec” on some sentences first');
    try {
      return await req();
    } catch (e) {
      if (!/^no stepper /.test(message(e))) throw e;
      const done = this.data.frame.updatesDone;
      await this.jobs.request('stepper.create', { id: SESSION, params: this.settings, text: this.text }, REQUEST_TIMEOUT_MS);
      if (done > 0) await this.jobs.request('stepper.step', { id: SESSION, steps: done }, REQUEST_TIMEOUT_MS);
      if (this.data.frame.watch) await this.jobs.request('stepper.watch', { id: SESSION, word: this.data.frame.watch.word }, REQUEST_TIMEOUT_MS);
      return req();
    }
  }

  /** Advance `steps` updates (1..100000) or to the end of the epoch. */
  async step(steps: number | 'epoch', live = true): Promise<W2vStepPanelData> {
    if (steps !== 'epoch' && !(Number.isInteger(steps) && steps >= 1 && steps <= 100_000)) throw new StepArgError('steps must be an integer 1..100000 or "epoch"');
    return this.publish(await this.onSession(() => this.jobs.request('stepper.step', { id: SESSION, steps }, REQUEST_TIMEOUT_MS)), live);
  }

  async reset(): Promise<W2vStepPanelData> {
    if (!this.data) throw new StepArgError('run “ML Study: Step Through word2vec” on some sentences first');
    const watched = this.data.frame.watch?.word;
    const out = await this.open(this.text, this.source, this.settings, true);
    return watched ? this.watch(watched) : out;
  }

  async configure(raw: unknown): Promise<W2vStepPanelData> {
    if (!this.data) throw new StepArgError('run “ML Study: Step Through word2vec” on some sentences first');
    return this.open(this.text, this.source, raw, true);
  }

  async watch(word: unknown): Promise<W2vStepPanelData> {
    if (typeof word !== 'string' || !word.trim() || word.length > 100) throw new StepArgError('type a word of the text (at most 100 characters)');
    return this.publish(await this.onSession(() => this.jobs.request('stepper.watch', { id: SESSION, word }, REQUEST_TIMEOUT_MS)), true);
  }

  /** Send a frame to the view, with its objective rendered (MathJax, in the formula worker). */
  private async publish(frame: StepperFrame, live: boolean): Promise<W2vStepPanelData> {
    let rendered: { svg?: string; renderError?: string } = {};
    if (frame.tex) {
      try {
        const r = await this.formulas.request('render', { latex: frame.tex, display: true, color: themeColor() }, RENDER_TIMEOUT_MS);
        rendered = 'svg' in r ? { svg: r.svg } : { renderError: r.error };
      } catch (e) {
        rendered = { renderError: message(e) };
      }
    }
    this.data = { frame, source: this.source, ...rendered, stamp: ++this.stamp };
    this.panel.showView('w2vStep', this.data, { live });
    return this.data;
  }

  /** Show an error beside the controls, keeping what is on show. */
  private showFailure(e: unknown): void {
    if (!this.data) return;
    this.data = { ...this.data, error: message(e), stamp: ++this.stamp };
    this.panel.showView('w2vStep', this.data, { live: true });
  }

  /** The theme changed: render the objective again in the new foreground colour. */
  async rerender(): Promise<void> {
    if (this.data) await this.publish(this.data.frame, true);
  }

  /** The view's requests (params from a webview: each is checked); failures are also shown in the view. */
  readonly viewHandlers: UntrustedHandlers<W2vStepPanelRequests> = {
    'w2vStep.step': (p) =>
      this.shown(() => {
        const steps = isObject(p) ? p.steps : undefined;
        if (!STEP_AMOUNTS.includes(steps as StepAmount)) throw new StepArgError('steps must be 1, 10, 100 or "epoch"');
        return this.step(steps as StepAmount);
      }),
    'w2vStep.reset': () => this.shown(() => this.reset()),
    'w2vStep.configure': (p) => this.shown(() => this.configure(isObject(p) ? p.settings : undefined)),
    'w2vStep.watch': (p) => this.shown(() => this.watch(isObject(p) ? p.word : undefined)),
  };

  private async shown<T>(act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } catch (e) {
      this.showFailure(e);
      throw e;
    }
  }
}

export function registerW2vStepFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel, formulas: FormulaService): W2vStepFeature {
  const f = new W2vStepFeature(jobs, panel, formulas);
  context.subscriptions.push(
    vscode.commands.registerCommand(STEP_COMMAND, async (arg?: unknown) => {
      if (!vscode.workspace.isTrusted) {
        void showError(UNTRUSTED);
        return undefined;
      }
      try {
        const args = parseStepArgs(arg);
        const got = await resolveSentences(args);
        if (!got) return undefined;
        let data = await f.open(got.text, got.source, args.settings);
        if (args.steps) data = await f.step(args.steps, false);
        return data;
      } catch (e) {
        const why = e instanceof StepArgError || e instanceof CorpusError ? e.message : message(e);
        void showError(`could not step through word2vec: ${why}`);
        return undefined;
      }
    }),
    vscode.window.onDidChangeActiveColorTheme(() => void f.rerender().catch(() => undefined)),
  );
  panel.handle('w2vStep', f.viewHandlers);
  return f;
}
