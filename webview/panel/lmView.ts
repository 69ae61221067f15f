/** The Language Model view of the study panel. */
import type { JobInfo, LmPanelData, SeriesChunk } from '../../src/shared/protocol';
import { h, setChildren } from '../common/vscode';
import type { FeatureView, FeatureViewHooks } from './featureView';

export class LmView implements FeatureView<LmPanelData> {
  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: FeatureViewHooks,
  ) {
    void this.hooks;
  }

  show(data: LmPanelData, _live: boolean): void {
    setChildren(this.root, h('h2', {}, `Language model — ${data.name}`));
  }

  onJob(_job: JobInfo): void {}

  onPoints(_chunk: SeriesChunk, _job: JobInfo | undefined): void {}

  redraw(): void {}
}
