/** What a feature's view in the study panel (Language Model, Attention) is given and must offer. */
import type { JobInfo, SeriesChunk } from '../../src/shared/protocol';

export interface FeatureViewHooks {
  /** A request to the host (answered by the feature's host side through StudyPanel.addRequestHandler). */
  request<T>(method: string, params: unknown, timeoutMs?: number): Promise<T>;
}

export interface FeatureView<D> {
  /** New data from the host; `live` means a running job's update (do not steal focus). */
  show(data: D, live: boolean): void;
  /** A job changed (status, metrics, note). Every job is passed; the view picks its own models. */
  onJob(job: JobInfo): void;
  /** New loss points of a job. */
  onPoints(chunk: SeriesChunk, job: JobInfo | undefined): void;
  /** The view became visible (redraw canvases sized while hidden). */
  redraw(): void;
}
