/**
 * The study panel's views, in one table. Each view has an id (its tab, its section, its `view` messages), a tab
 * title, the data the host sends to draw it (replayed whenever the webview reloads), the requests it makes of the
 * host (`toHost`) and the requests the host makes of it (`toPanel`). The host (src/extension/panel/studyPanel.ts)
 * and the webview (webview/panel/views.ts) build registration, replay and tab switching from this table; the
 * compiler checks that every view here has a webview module.
 */
import type { AttentionPanelData, AttentionPanelRequests } from './views/attention';
import type { EmbeddingsPanelData, EmbeddingsPanelRequests } from './views/embeddings';
import type { ExplainPanelData, ExplainPanelRequests } from './views/explain';
import type { LmPanelData, LmPanelRequests } from './views/lm';
import type { XorPanelData, XorPanelRequests } from './views/xor';
import type { W2vStepPanelAnswers, W2vStepPanelData, W2vStepPanelRequests } from './views/w2vStep';
import type { MlmFillData } from './views/mlm';
import type { GatesPanelData, GatesPanelRequests, GradientsPanelData, GradientsPanelRequests } from './views/inside';
import type { HeadsPanelData, HeadsPanelRequests, NeuronPanelData, NeuronPanelRequests, StepPanelData, StepPanelRequests } from './views/heads';
import type { FormulaMapData, FormulasPanelRequests } from './views/formulas';
import type { ExportPanelRequests } from './views/export';
import type { PracticePanelData, PracticePanelRequests } from './views/practice';
import type { DistillPanelData, DistillPanelRequests, HsTreePanelData, HsTreePanelRequests, VaePanelData, VaePanelRequests } from './views/models';

/** Requests the host makes of the Training view. */
export interface TrainingPanelAnswers {
  /** The loss chart as a PNG data: URL or as CSV text. */
  'training.export': { params: { format: 'png' | 'csv' }; result: string };
}

/** Per view: the data the host sends, the requests the view makes, and the requests the host makes of it. */
export interface PanelViews {
  /** The loss curves of every run (drawn from the job list, so it has no data of its own). */
  training: { data: never; toHost: {}; toPanel: TrainingPanelAnswers };
  explain: { data: ExplainPanelData; toHost: ExplainPanelRequests; toPanel: {} };
  embeddings: { data: EmbeddingsPanelData; toHost: EmbeddingsPanelRequests; toPanel: {} };
  lm: { data: LmPanelData; toHost: LmPanelRequests; toPanel: {} };
  attention: { data: AttentionPanelData; toHost: AttentionPanelRequests; toPanel: {} };
  xor: { data: XorPanelData; toHost: XorPanelRequests; toPanel: {} };
  w2vStep: { data: W2vStepPanelData; toHost: W2vStepPanelRequests; toPanel: W2vStepPanelAnswers };
  'mlm-fill': { data: MlmFillData; toHost: {}; toPanel: {} };
  gates: { data: GatesPanelData; toHost: GatesPanelRequests; toPanel: {} };
  gradients: { data: GradientsPanelData; toHost: GradientsPanelRequests; toPanel: {} };
  distill: { data: DistillPanelData; toHost: DistillPanelRequests; toPanel: {} };
  'vae-latent': { data: VaePanelData; toHost: VaePanelRequests; toPanel: {} };
  'w2v-hs-tree': { data: HsTreePanelData; toHost: HsTreePanelRequests; toPanel: {} };
  'attn-heads': { data: HeadsPanelData; toHost: HeadsPanelRequests; toPanel: {} };
  'attn-neuron': { data: NeuronPanelData; toHost: NeuronPanelRequests; toPanel: {} };
  'attn-step': { data: StepPanelData; toHost: StepPanelRequests; toPanel: {} };
  formulas: { data: FormulaMapData; toHost: FormulasPanelRequests; toPanel: {} };
  practice: { data: PracticePanelData; toHost: PracticePanelRequests; toPanel: {} };
}

export type PanelView = keyof PanelViews;
/** Each view's data, by view (indexing it with a view id keeps the id and its data together for the compiler). */
export type ViewDataTable = { [V in PanelView]: PanelViews[V]['data'] };
export type ViewData<V extends PanelView> = ViewDataTable[V];

/** The tabs, in order. Every view of PanelViews must be here (and nothing else). */
export const PANEL_VIEWS: { readonly [V in PanelView]: { readonly title: string } } = {
  training: { title: 'Training' },
  explain: { title: 'Explain' },
  embeddings: { title: 'Embeddings' },
  lm: { title: 'Language Model' },
  attention: { title: 'Attention' },
  xor: { title: 'Playground' },
  w2vStep: { title: 'word2vec Steps' },
  'mlm-fill': { title: 'Fill in the Blank' },
  gates: { title: 'Inside LSTM' },
  gradients: { title: 'RNN vs LSTM' },
  distill: { title: 'Distillation' },
  'vae-latent': { title: 'Latent Space' },
  'w2v-hs-tree': { title: 'HS Tree' },
  'attn-heads': { title: 'Head View' },
  'attn-neuron': { title: 'Neuron View' },
  'attn-step': { title: 'Step Through' },
  formulas: { title: 'Formulas' },
  practice: { title: 'Practice' },
};

export const PANEL_VIEW_IDS = Object.keys(PANEL_VIEWS) as PanelView[];

export function isPanelView(v: unknown): v is PanelView {
  return typeof v === 'string' && Object.hasOwn(PANEL_VIEWS, v);
}

/** The requests of all views together (one method table per direction), and those any view may make (export). */
type Merge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type PanelRequests = Merge<PanelViews[PanelView]['toHost']> & ExportPanelRequests;
export type PanelAnswers = Merge<PanelViews[PanelView]['toPanel']> & PanelPing;

/** The panel page itself answers: the host asks whether a webview it took for hidden is loaded after all. */
export interface PanelPing {
  'panel.ping': { params: null; result: true };
}

/**
 * The host's message that draws a view: `live` updates it without opening the panel or switching tabs. `rev` numbers
 * the data (a replay of the same data carries the same number, and a view draws each number once).
 */
export type ViewMessage = { [V in PanelView]: { type: 'view'; view: V; data: ViewData<V>; live?: boolean; rev: number } }[PanelView];
