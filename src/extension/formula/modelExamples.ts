/**
 * Worked examples from the user's own models in the Explain view. The host only picks the newest saved model of the
 * kind a concept needs (word vectors for skip-gram, a recurrent language model for a softmax, a Transformer for
 * attention), cuts a bounded piece of the note and asks the training worker (`example.*`, src/worker/exampleRequests.ts);
 * with no such model it says how to train one. When the saved models change, the example on show is computed again.
 */
import * as vscode from 'vscode';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import type { ExplainPanelData, FromModel, ModelExampleKind } from '../../shared/views/explain';
import type { SavedModelInfo } from '../../shared/protocol';

/** Which model a concept's example can come from. */
const KIND_OF_CONCEPT: Readonly<Record<string, ModelExampleKind>> = {
  sgns: 'word2vec',
  skipgram: 'word2vec',
  'skipgram-softmax': 'word2vec',
  softmax: 'lstm',
  lstm: 'lstm',
  'language-model': 'lstm',
  attention: 'transformer',
  'self-attention': 'transformer',
  'scaled-dot-product-attention': 'transformer',
  'multi-head-attention': 'transformer',
  'masked-self-attention': 'transformer',
};

const HOW_TO_TRAIN: Record<ModelExampleKind, string> = {
  word2vec: 'No word vectors are saved in this workspace yet. Train some ("ML Study: Train Word Vectors", or the skip-gram link of this formula\'s hover) and this example will use them.',
  lstm: 'No recurrent language model is saved in this workspace yet. Train one ("ML Study: Train LSTM Language Model") and this example will use its next-character scores.',
  transformer: 'No Transformer language model is saved in this workspace yet. Train one ("ML Study: Train Transformer Language Model") and this example will show one of its attention rows.',
};

/** Characters of the note around (word vectors) or before (language models) the formula sent to the worker. */
const AROUND = 1500;
const BEFORE = 200;

export interface NotePlace {
  text: string;
  offset: number;
}

function newest(jobs: JobManager, kind: ModelExampleKind): SavedModelInfo | undefined {
  return jobs
    .savedModels()
    .filter((m) => m.model === kind)
    .sort((a, b) => b.savedAt - a.savedAt)[0];
}

/** The example from the newest saved model of the concept's kind; undefined when the concept has none. */
export async function fromModel(jobs: JobManager, concept: string | null, note: NotePlace): Promise<FromModel | undefined> {
  const kind = concept && Object.hasOwn(KIND_OF_CONCEPT, concept) ? KIND_OF_CONCEPT[concept] : undefined;
  if (!kind) return undefined;
  if (!vscode.workspace.isTrusted) return { missing: 'Saved models are not read in an untrusted workspace; trust it to see this example with your own model.' };
  const m = newest(jobs, kind);
  if (!m) return { missing: HOW_TO_TRAIN[kind] };
  const at = Math.max(0, Math.min(note.offset, note.text.length));
  try {
    if (kind === 'word2vec') return { example: await jobs.request('example.word2vec', { dir: m.dir, text: note.text.slice(Math.max(0, at - AROUND), at + AROUND) }, 60_000) };
    const before = note.text.slice(Math.max(0, at - BEFORE), at);
    return { example: await jobs.request(kind === 'lstm' ? 'example.lstm' : 'example.transformer', { dir: m.dir, text: before }, 60_000) };
  } catch (e) {
    return { error: `could not compute the example with ${m.name}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Keeps the Explain view's example from a model current: `shown` records what was explained last; when the list of
 * saved models changes and the newest model of that kind is another (or saved again), it is computed again and the
 * view updated in place.
 */
export class ModelExampleWatch implements vscode.Disposable {
  private last: { data: ExplainPanelData; note: NotePlace; stamp: string } | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {
    this.subs.push(jobs.onDidChangeList(() => void this.refresh()));
    // a model saved from outside a job (the CLI, another window): read the list again, at most twice a second
    const ws = vscode.workspace.workspaceFolders?.[0];
    if (ws) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(ws, '**/models/*/model.json'));
      const later = () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => jobs.refreshModels(), 500);
      };
      this.subs.push(w, w.onDidCreate(later), w.onDidChange(later), w.onDidDelete(later));
    }
  }

  private stampOf(concept: string | null): string {
    const kind = concept && Object.hasOwn(KIND_OF_CONCEPT, concept) ? KIND_OF_CONCEPT[concept] : undefined;
    const m = kind ? newest(this.jobs, kind) : undefined;
    return m ? `${m.dir}@${m.savedAt}` : '';
  }

  /** Show an explanation, with its example from the user's model (asked for after the explanation is on show). */
  async show(data: ExplainPanelData, note: NotePlace): Promise<void> {
    const stamp = this.stampOf(data.explanation.concept);
    this.panel.showView('explain', data);
    this.last = { data, note, stamp };
    const fm = await fromModel(this.jobs, data.explanation.concept, note);
    if (fm && this.last?.data === data) this.panel.showView('explain', { ...data, fromModel: fm }, { live: true });
  }

  private async refresh(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const stamp = this.stampOf(last.data.explanation.concept);
    if (stamp === last.stamp) return;
    last.stamp = stamp;
    const fm = await fromModel(this.jobs, last.data.explanation.concept, last.note);
    if (fm && this.last === last) this.panel.showView('explain', { ...last.data, fromModel: fm }, { live: true });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subs) d.dispose();
  }
}
