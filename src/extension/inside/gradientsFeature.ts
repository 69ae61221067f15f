/**
 * Vanishing gradients, seen: Compare RNN and LSTM Gradients trains a plain tanh RNN and an LSTM on the same text
 * (the selection, the active note, or a given text) in the training worker (`inside.labRun`, core/rnn/lab.ts) and
 * shows ‖∂loss_t/∂x_{t−k}‖ for both in the RNN vs LSTM view. The host polls the lab's progress (≤ 4 times a
 * second) into the view and a cancellable notification; it refuses in an untrusted workspace.
 */
import * as vscode from 'vscode';
import { isObject } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { GradientsPanelData, GradientsPanelRequests, LabOptions } from '../../shared/views/inside';
import { LAB_LIMITS, LAB_MAX_TEXT, labOptions } from '../../core/rnn/lab';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { reportingCommand } from '../util/notify';
import { ArgError, onlyKeys } from '../lm/validate';
import { editorText, message } from './args';

const POLL_MS = 250;
const RUN_TIMEOUT_MS = 30 * 60_000;

export class GradientsFeature {
  private data: GradientsPanelData | undefined;
  private running: string | undefined;
  private next = 0;
  private readonly progressEmitter = new vscode.EventEmitter<string>();
  /** A line for the notification at each progress poll. */
  readonly onProgress = this.progressEmitter.event;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  get current(): GradientsPanelData | undefined {
    return this.data;
  }

  private publish(d: Omit<GradientsPanelData, 'stamp'>, live: boolean): GradientsPanelData {
    this.data = { ...d, stamp: (this.data?.stamp ?? 0) + 1 };
    this.panel.showView('gradients', this.data, { live });
    return this.data;
  }

  /** Stop the lab that is training, if any. */
  async stop(): Promise<void> {
    if (this.running) await this.jobs.request('inside.labStop', { id: this.running }, 10_000);
  }

  /** Train both models on `text` and show their gradients; resolves with what the view shows at the end. */
  async run(text: string, source: string, options: LabOptions, token?: vscode.CancellationToken): Promise<GradientsPanelData> {
    await this.stop();
    const id = `lab-${++this.next}`;
    this.running = id;
    this.publish({ source, status: 'training' }, false);
    const poll = setInterval(() => {
      void this.jobs.request('inside.labProgress', { id }, 5000).then(
        (progress) => {
          if (!progress || this.running !== id) return;
          this.publish({ source, status: 'training', progress }, true);
          const what = progress.phase === 'flow' ? 'measuring gradients' : `${progress.phase === 'rnn' ? 'RNN' : 'LSTM'} step ${progress.step}/${progress.total}`;
          this.progressEmitter.fire(progress.loss !== undefined && progress.phase !== 'flow' ? `${what}, loss ${progress.loss.toFixed(3)}` : what);
        },
        () => undefined,
      );
    }, POLL_MS);
    const cancel = token?.onCancellationRequested(() => void this.stop());
    try {
      const result = await this.jobs.request('inside.labRun', { id, text, options }, RUN_TIMEOUT_MS);
      return this.publish({ source, status: 'done', result }, true);
    } catch (e) {
      const stopped = /stopped/i.test(message(e));
      return this.publish({ source, status: stopped ? 'stopped' : 'failed', error: stopped ? undefined : message(e) }, true);
    } finally {
      clearInterval(poll);
      cancel?.dispose();
      if (this.running === id) this.running = undefined;
    }
  }

  readonly viewHandlers: UntrustedHandlers<GradientsPanelRequests> = {
    'gradients.stop': async (params) => {
      if (!isObject(params) || Object.keys(params).length) throw new ArgError('gradients.stop takes no parameters');
      await this.stop();
      return null;
    },
  };
}

/** The command's argument: nothing, or {text?, options?} with options among LAB_LIMITS' keys. */
export function parseLabArgs(arg: unknown): { text?: string; options: LabOptions } {
  if (arg === undefined || arg === null) return { options: labOptions({}) };
  if (!isObject(arg)) throw new ArgError('expects {text?, options?}');
  onlyKeys(arg, ['text', 'options'], 'Compare RNN and LSTM Gradients');
  if (arg.text !== undefined && (typeof arg.text !== 'string' || !arg.text.trim())) throw new ArgError('text must be a non-empty string');
  const raw = arg.options ?? {};
  if (!isObject(raw)) throw new ArgError('options must be an object');
  onlyKeys(raw, Object.keys(LAB_LIMITS), 'options');
  try {
    return { text: arg.text as string | undefined, options: labOptions(raw) };
  } catch (e) {
    throw new ArgError(message(e));
  }
}

export function registerGradientsFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): GradientsFeature {
  const f = new GradientsFeature(jobs, panel);
  context.subscriptions.push(
    reportingCommand('mlStudy.compareGradients', 'Compare RNN and LSTM Gradients', async (arg?: unknown) => {
      if (!vscode.workspace.isTrusted) throw new ArgError('training is disabled in an untrusted workspace; trust the workspace to train.');
      const { text: given, options } = parseLabArgs(arg);
      const picked = given !== undefined ? { text: given.slice(0, LAB_MAX_TEXT), source: 'the given text' } : editorText(LAB_MAX_TEXT, true);
      if (!picked) throw new ArgError('open a note or select some text to train on');
      const n = Array.from(picked.text).length;
      if (n < 3 * options.seq) throw new ArgError(`${picked.source} has ${n} characters; the lab needs at least ${3 * options.seq}`);
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'RNN vs LSTM gradients', cancellable: true },
        (progress, token) => {
          const sub = f.onProgress((line) => progress.report({ message: line }));
          return f.run(picked.text, picked.source, options, token).finally(() => sub.dispose());
        },
      );
    }),
  );
  panel.handle('gradients', f.viewHandlers);
  return f;
}
