/**
 * Messages of the study panel's XOR playground view (host ⇄ panel) and the worker requests behind it. Types only.
 * The engine (src/core/xor/playground.ts) lives in the training worker; every number the view draws comes from its
 * snapshots.
 */
import type { PlaygroundSnapshot } from '../../core/xor/playground';

export type { PlaygroundSnapshot };

/** The playground's settings: the values of PLAYGROUND_PARAMS, with `dataset` also 'csv' (the user's file). */
export type XorSettings = Record<string, number | string | boolean>;

/** What the host sends to draw the playground (always the whole state, so a replay restores everything). */
export interface XorPanelData {
  settings: XorSettings;
  /** The points file in use when `settings.dataset` is 'csv' (its base name). */
  csvName?: string;
  /** The data: points n × 2 and labels 0/1, in the engine's order. */
  points: number[][];
  labels: number[];
  snapshot: PlaygroundSnapshot;
  playing: boolean;
  /** Updates per frame while playing (frames come at most 10 times a second). */
  perFrame: number;
  /** Why the last action failed, if it did (the view shows it beside the controls). */
  error?: string;
  /** Distinct per message (the view redraws only what changed). */
  stamp: number;
}

/** Requests the playground view makes of the host, by method. */
export interface XorPanelRequests {
  /** A new network with these settings (dataset 'csv' keeps the file picked last). */
  'xor.configure': { params: { settings: XorSettings }; result: XorPanelData };
  /** Let the user pick a CSV of points (x,y,label) and train on it; null when the dialog was cancelled. */
  'xor.pickCsv': { params: { settings: XorSettings }; result: XorPanelData | null };
  'xor.play': { params: { playing: boolean }; result: XorPanelData };
  /** Pause and advance `steps` updates. */
  'xor.step': { params: { steps: number }; result: XorPanelData };
  /** Pause and go back to the initial weights. */
  'xor.reset': { params: Record<string, never>; result: XorPanelData };
}

/** A playground in the worker: its data and its snapshot after the latest update. */
export interface PlaygroundState {
  points: number[][];
  labels: number[];
  snapshot: PlaygroundSnapshot;
}

/** Requests the host makes of the training worker for the playground, by method. */
export interface PlaygroundWorkerRequests {
  /** Build a playground `id` (replacing one of that id) from PLAYGROUND_PARAMS values, or on a CSV of points. */
  'playground.create': { params: { id: string; params: Record<string, number | string | boolean>; csvPath?: string; gridSize: number }; result: PlaygroundState };
  /** Run `steps` updates (stopping early after `maxMs`) and snapshot. */
  'playground.run': { params: { id: string; steps: number; maxMs: number; gridSize: number }; result: PlaygroundSnapshot };
  'playground.reset': { params: { id: string; gridSize: number }; result: PlaygroundSnapshot };
  'playground.dispose': { params: { id: string }; result: null };
}
