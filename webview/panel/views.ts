/**
 * The webview side of the table of views (src/shared/panelViews.ts): one module per view. The compiler checks that
 * every view of the shared table has a module here, and that each module takes its view's data and answers its
 * view's requests.
 */
import type { PanelView } from '../../src/shared/panelViews';
import type { ViewFactory } from './viewModule';
import { trainingView } from './trainingView';
import { explainView } from './explainView';
import { embeddingsView } from './embeddingsView';
import { lmView } from './lmView';
import { attentionView } from './attentionView';
import { xorView } from './xorView';
import { w2vStepView } from './w2vStepView';
import { mlmView } from './mlmView';
import { gatesView } from './gatesView';
import { gradientsView } from './gradientsView';
import { distillView } from './distillView';
import { vaeLatentView } from './vaeLatentView';
import { hsTreeView } from './hsTreeView';
import { headView } from './headView';
import { neuronView } from './neuronView';
import { stepView } from './stepView';
import { formulasView } from './formulasView';
import { practiceView } from './practiceView';

export const VIEW_MODULES: { readonly [V in PanelView]: ViewFactory<V> } = {
  training: trainingView,
  explain: explainView,
  embeddings: embeddingsView,
  lm: lmView,
  attention: attentionView,
  xor: xorView,
  w2vStep: w2vStepView,
  'mlm-fill': mlmView,
  gates: gatesView,
  gradients: gradientsView,
  distill: distillView,
  'vae-latent': vaeLatentView,
  'w2v-hs-tree': hsTreeView,
  'attn-heads': headView,
  'attn-neuron': neuronView,
  'attn-step': stepView,
  formulas: formulasView,
  practice: practiceView,
};
