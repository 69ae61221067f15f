/**
 * What every view of the study panel is given and may offer. A view is one module in webview/panel/, listed in
 * views.ts against the shared table of views (src/shared/panelViews.ts); the panel (main.ts) builds its tab and
 * section, routes its data, requests and job events, and shows its tools only while its tab is active.
 */
import type { JobInfo, PanelToHost, SeriesChunk } from '../../src/shared/protocol';
import type { PanelRequests, PanelView, PanelViews, ViewData } from '../../src/shared/panelViews';
import type { Channel, Handlers } from '../../src/shared/rpc';
import type { TypedText } from './viewFeed';

/** What the panel keeps across reloads of the webview (vscode.setState). */
export interface PanelState {
  view: PanelView;
  logScale: boolean;
  /** Runs the user hid in the loss chart. */
  hidden: string[];
  /** Text typed into the views' fields over the data on show (viewFeed.ts puts it back after a reload). */
  typed?: TypedText;
}

export interface ViewContext {
  /** Requests to the host, typed by the table of views (`PanelViews[view].toHost`). */
  readonly host: Channel<PanelRequests>;
  send(msg: PanelToHost): void;
  readonly state: Readonly<PanelState>;
  saveState(patch: Partial<PanelState>): void;
}

export interface PanelViewModule<V extends PanelView> {
  /** New data from the host; `live` means a running job's update (do not steal focus). */
  show?(data: ViewData<V>, live: boolean): void;
  /** Controls for the panel's toolbar, shown while this view is active. */
  readonly tools?: HTMLElement;
  /** What the view answers of the host's requests (`PanelViews[view].toPanel`). */
  readonly answers?: Handlers<PanelViews[V]['toPanel']>;
  /** The full job list and loss series (after `ready`, and whenever the list changes). */
  onState?(jobs: JobInfo[], series: SeriesChunk[]): void;
  /** A job changed (status, metrics, note), or appeared (`isNew`). Every job is passed; a view picks its own. */
  onJob?(job: JobInfo, isNew: boolean): void;
  /** New loss points of a job. */
  onPoints?(chunk: SeriesChunk, job: JobInfo | undefined): void;
  onRemoveJob?(jobId: string): void;
  /** The view became visible (redraw canvases sized while hidden). */
  redraw?(): void;
}

/** Builds a view into its section. */
export type ViewFactory<V extends PanelView> = (root: HTMLElement, ctx: ViewContext) => PanelViewModule<V>;
