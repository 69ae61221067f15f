/**
 * Messages of the Head View, Neuron View and Step Through views (host ⇄ panel) and the worker requests behind
 * them. The numbers are the engine's (src/core/attention/inspect.ts). Types only.
 */
import type { HeadViewData, NeuronViewData, StepViewData } from '../../core/attention/inspect';

export type { HeadViewData, NeuronViewData, StepViewData };

/** The three views, by panel view id. */
export type HeadsViewId = 'attn-heads' | 'attn-neuron' | 'attn-step';

/** Which saved model and text a view shows. */
export interface InspectedModel {
  /** The saved model folder. */
  dir: string;
  /** Its name (the folder name), for headers. */
  name: string;
  kind: 'transformer' | 'mlm';
  text: string;
  /** Distinct per answer (a view redraws only what changed). */
  stamp: number;
}

export type HeadsPanelData = InspectedModel & HeadViewData;
export type NeuronPanelData = InspectedModel & NeuronViewData;
export type StepPanelData = InspectedModel & StepViewData;

/** What a view asks the host to open: a view of a saved model on a text (the Attention view's buttons too). */
export interface HeadsOpenParams {
  view: HeadsViewId;
  dir: string;
  text: string;
  layer?: number;
  head?: number;
  position?: number;
}

/** Requests of the Head View to the host (the Attention view's buttons ask it too): open a view of a model on a text. */
export interface HeadsPanelRequests {
  'heads.open': { params: HeadsOpenParams; result: null };
}

/** Requests of the Neuron View: another layer, head or query position (the host answers and keeps it). */
export interface NeuronPanelRequests {
  'heads.neuron': { params: { dir: string; text: string; layer: number; head: number; position: number }; result: NeuronPanelData };
}

/** Requests of the Step Through view: another position. */
export interface StepPanelRequests {
  'heads.step': { params: { dir: string; text: string; position: number }; result: StepPanelData };
}

/** A saved Transformer or masked language model, named by its folder, and a text. */
interface ModelText {
  dir: string;
  kind: 'transformer' | 'mlm';
  text: string;
}

/** Requests the host makes of the training worker for these views, by method. */
export interface HeadsWorkerRequests {
  'heads.view': { params: ModelText; result: HeadViewData };
  'heads.neuron': { params: ModelText & { layer: number; head: number; position: number }; result: NeuronViewData };
  'heads.step': { params: ModelText & { position: number }; result: StepViewData };
}
