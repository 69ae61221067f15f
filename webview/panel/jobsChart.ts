/** A loss chart that follows the jobs the panel is told about, keeping those `accept` picks (e.g. word2vec runs). */
import type { JobInfo, SeriesChunk } from '../../src/shared/protocol';
import { LossChart } from './lossChart';

export class JobsChart {
  readonly chart: LossChart;

  constructor(
    host: HTMLElement,
    private readonly accept: (job: JobInfo) => boolean = () => true,
    private readonly visible: (jobId: string) => boolean = () => true,
  ) {
    this.chart = new LossChart(host);
  }

  /** Every accepted job's whole series, oldest job first. */
  reset(jobs: JobInfo[], series: SeriesChunk[]): void {
    const byId = new Map(series.map((s) => [s.jobId, s]));
    const runs = jobs.filter(this.accept).sort((a, b) => a.startedAt - b.startedAt);
    this.chart.reset(runs.map((j) => ({ id: j.jobId, label: j.label, steps: [...(byId.get(j.jobId)?.steps ?? [])], losses: [...(byId.get(j.jobId)?.losses ?? [])], visible: this.visible(j.jobId) })));
  }

  onJob(job: JobInfo, isNew: boolean): void {
    if (!this.accept(job)) return;
    this.chart.ensureRun(job.jobId, job.label);
    if (isNew) this.chart.rebuild();
  }

  onPoints(chunk: SeriesChunk, job: JobInfo | undefined): void {
    if (!job || !this.accept(job)) return;
    this.chart.ensureRun(chunk.jobId, job.label);
    this.chart.append(chunk.jobId, chunk.steps, chunk.losses);
  }

  remove(jobId: string): void {
    this.chart.remove(jobId);
  }
}
