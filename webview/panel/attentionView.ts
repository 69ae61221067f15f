/** The Attention view of the study panel. */
import type { JobInfo, AttentionPanelData, SeriesChunk } from '../../src/shared/protocol';
import { h, setChildren } from '../common/vscode';
import type { FeatureView, FeatureViewHooks } from './featureView';

export class AttentionView implements FeatureView<AttentionPanelData> {
  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: FeatureViewHooks,
  ) {
    void this.hooks;
  }

  show(data: AttentionPanelData, _live: boolean): void {
    setChildren(this.root, h('h2', {}, `Attention — ${data.name}`));
  }

  onJob(_job: JobInfo): void {}

  onPoints(_chunk: SeriesChunk, _job: JobInfo | undefined): void {}

  redraw(): void {}
}
