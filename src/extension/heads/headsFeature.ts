/**
 * Reading a Transformer's attention: the Head View (bertviz's head view), the Neuron View (one query position's
 * softmax(QKᵀ/√d_k)V, number by number) and Step Through (one position from its embedding to the next-token
 * probabilities). Commands on the selection, the Attention view's buttons and the views' own requests all land
 * here; the host checks them, asks the training worker (`heads.*`, src/worker/headsRequests.ts) and keeps what each
 * view shows (the panel replays it to a reloaded webview).
 */
import * as vscode from 'vscode';
import { isObject, type SavedModelInfo } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { HeadsPanelData, HeadsPanelRequests, HeadsViewId, InspectedModel, NeuronPanelData, NeuronPanelRequests, StepPanelData, StepPanelRequests } from '../../shared/views/heads';
import { MAX_INSPECT_CHARS } from '../../core/attention/inspectLimits';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { reportingCommand } from '../util/notify';

/** A bad argument from a command or a view; its message is shown as is. */
export class HeadsArgError extends Error {}

const TIMEOUT_MS = 120_000;
const VIEWS: readonly HeadsViewId[] = ['attn-heads', 'attn-neuron', 'attn-step'];
const KEYS = ['dir', 'text', 'layer', 'head', 'position'] as const;

/** What a command or a view asks: a model (absent: the newest), a text, and where to look. */
export interface HeadsAsk {
  dir?: string;
  text?: string;
  layer?: number;
  head?: number;
  position?: number;
}

const index = (v: unknown, what: string): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100_000) throw new HeadsArgError(`${what} must be a whole number ≥ 0 (counted from 0)`);
  return v;
};

/** Check a command's argument or a view's request: {dir?, text?, layer?, head?, position?} and nothing else. */
export function parseHeadsAsk(arg: unknown, what: string): HeadsAsk {
  if (arg === undefined || arg === null) return {};
  if (!isObject(arg)) throw new HeadsArgError(`${what} takes {${KEYS.join(', ')}}`);
  const bad = Object.keys(arg).find((k) => !(KEYS as readonly string[]).includes(k) && k !== 'view');
  if (bad !== undefined) throw new HeadsArgError(`${what} takes {${KEYS.join(', ')}}; unknown key ${JSON.stringify(bad.slice(0, 40))}`);
  if (arg.dir !== undefined && (typeof arg.dir !== 'string' || !arg.dir)) throw new HeadsArgError('dir must be the folder of a saved model');
  if (arg.text !== undefined && typeof arg.text !== 'string') throw new HeadsArgError('text must be a string');
  return { dir: arg.dir as string | undefined, text: arg.text as string | undefined, layer: index(arg.layer, 'layer'), head: index(arg.head, 'head'), position: index(arg.position, 'position') };
}

/** The selection in the active editor (the current line when nothing is selected); undefined when blank. */
function selectedText(): string | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  const sel = ed.selection.isEmpty ? ed.document.lineAt(ed.selection.active.line).text : ed.document.getText(ed.selection);
  return sel.trim() ? sel : undefined;
}

export class HeadsFeature {
  heads: HeadsPanelData | undefined;
  neuron: NeuronPanelData | undefined;
  step: StepPanelData | undefined;
  private stamp = 0;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  /** The text the views show last (a command run with the panel focused reads it again). */
  lastText(): string | undefined {
    return [this.heads, this.neuron, this.step].filter((d) => d !== undefined).sort((x, y) => y!.stamp - x!.stamp)[0]?.text;
  }

  /** The saved model in `dir` (a Transformer or a masked language model), or the newest such (causal first). */
  private modelOf(dir: string | undefined): SavedModelInfo & { model: 'transformer' | 'mlm' } {
    const usable = this.jobs.savedModels().filter((m): m is SavedModelInfo & { model: 'transformer' | 'mlm' } => m.model === 'transformer' || m.model === 'mlm');
    if (dir !== undefined) {
      const m = usable.find((x) => x.dir === dir);
      if (!m) throw new HeadsArgError('that model is not a saved Transformer (any more): pick one from the Saved models list');
      return m;
    }
    const m = usable.find((x) => x.model === 'transformer') ?? usable[0];
    if (!m) throw new HeadsArgError('there is no trained Transformer yet: train one in the Training view (a small one takes about a minute), then select a few words and run this again');
    return m;
  }

  private text(text: string | undefined): string {
    if (text === undefined || !text.trim()) throw new HeadsArgError('select a few words in a note first');
    if (text.length > MAX_INSPECT_CHARS) throw new HeadsArgError(`the selection has ${text.length} characters; select at most the model's context (a few dozen characters or words)`);
    return text;
  }

  /** Compute a view's data in the worker and show it (`live`: without switching tabs, for the views' own requests). */
  async open(view: 'attn-heads', ask: HeadsAsk, live?: boolean): Promise<HeadsPanelData>;
  async open(view: 'attn-neuron', ask: HeadsAsk, live?: boolean): Promise<NeuronPanelData>;
  async open(view: 'attn-step', ask: HeadsAsk, live?: boolean): Promise<StepPanelData>;
  async open(view: HeadsViewId, ask: HeadsAsk, live = false): Promise<HeadsPanelData | NeuronPanelData | StepPanelData> {
    const m = this.modelOf(ask.dir);
    const text = this.text(ask.text);
    const q = { dir: m.dir, kind: m.model, text };
    const about: InspectedModel = { dir: m.dir, name: m.name, kind: m.model, text, stamp: ++this.stamp };
    // The last token by default (−1): in a causal model it has the whole text to look at.
    const position = ask.position ?? -1;
    if (view === 'attn-heads') {
      this.heads = { ...about, ...(await this.jobs.request('heads.view', q, TIMEOUT_MS)) };
      this.panel.showView(view, this.heads, { live });
      return this.heads;
    }
    if (view === 'attn-neuron') {
      this.neuron = { ...about, ...(await this.jobs.request('heads.neuron', { ...q, layer: ask.layer ?? 0, head: ask.head ?? 0, position }, TIMEOUT_MS)) };
      this.panel.showView(view, this.neuron, { live });
      return this.neuron;
    }
    this.step = { ...about, ...(await this.jobs.request('heads.step', { ...q, position }, TIMEOUT_MS)) };
    this.panel.showView(view, this.step, { live });
    return this.step;
  }

  /** What the views ask: checked here (a model folder must be a saved Transformer, the text bounded). */
  readonly headsHandlers: UntrustedHandlers<HeadsPanelRequests> = {
    'heads.open': async (params) => {
      const view = isObject(params) ? params.view : undefined;
      if (!VIEWS.includes(view as HeadsViewId)) throw new HeadsArgError('heads.open needs a view: attn-heads, attn-neuron or attn-step');
      const ask = parseHeadsAsk(params, 'heads.open');
      if (ask.dir === undefined) throw new HeadsArgError('heads.open needs a model folder');
      await this.open(view as 'attn-heads', ask);
      return null;
    },
  };

  readonly neuronHandlers: UntrustedHandlers<NeuronPanelRequests> = {
    'heads.neuron': (params) => this.open('attn-neuron', this.viewAsk(params, 'heads.neuron'), true),
  };

  readonly stepHandlers: UntrustedHandlers<StepPanelRequests> = {
    'heads.step': (params) => this.open('attn-step', this.viewAsk(params, 'heads.step'), true),
  };

  private viewAsk(params: unknown, method: string): HeadsAsk {
    const ask = parseHeadsAsk(params, method);
    if (ask.dir === undefined || ask.text === undefined) throw new HeadsArgError(`${method} needs {dir, text}`);
    return ask;
  }
}

export function registerHeadsFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): HeadsFeature {
  const f = new HeadsFeature(jobs, panel);
  const command = (id: string, what: string, view: HeadsViewId) =>
    reportingCommand(id, what, async (arg?: unknown) => {
      const ask = parseHeadsAsk(arg, what);
      // The selection; with the panel focused (no editor), the text the views show.
      return f.open(view as 'attn-heads', { ...ask, text: ask.text ?? selectedText() ?? f.lastText() });
    });
  context.subscriptions.push(
    command('mlStudy.showHeadView', 'Head View', 'attn-heads'),
    command('mlStudy.showAttentionNeurons', 'Neuron View', 'attn-neuron'),
    command('mlStudy.stepThroughTransformer', 'Step Through', 'attn-step'),
  );
  panel.handle('attn-heads', f.headsHandlers);
  panel.handle('attn-neuron', f.neuronHandlers);
  panel.handle('attn-step', f.stepHandlers);
  return f;
}
