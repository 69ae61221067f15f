/**
 * How the panel hands the host's `view` messages to its views. The host numbers every data it shows (`rev`) and
 * replays each view's data, under the same number, whenever the webview loads; a view draws each number once. So a
 * replay of what a view already shows never draws it again: the words being typed in its fields and what is
 * selected stay as the user left them, in every view, while new data (a new number) is drawn as before.
 * No DOM here: the panel (main.ts) gives it the views and the way to open one.
 */
import type { PanelView, ViewMessage } from '../../src/shared/panelViews';

/** What the feed needs of a view: how it draws data (PanelViewModule's `show`). */
export interface DrawsData {
  show?(data: never, live: boolean): void;
}

export class ViewFeed {
  /** The number of the data each view drew last. */
  private readonly drawn = new Map<PanelView, number>();

  constructor(
    private readonly viewOf: (view: PanelView) => DrawsData,
    /** Switch the panel to a view (for a message that is not a live update). */
    private readonly open: (view: PanelView) => void,
  ) {}

  /** Route one message: open its view unless it is live, and draw its data unless the view drew it already. Returns whether it drew. */
  take(msg: ViewMessage): boolean {
    if (!msg.live) this.open(msg.view);
    if (this.drawn.get(msg.view) === msg.rev) return false;
    this.drawn.set(msg.view, msg.rev);
    const view = this.viewOf(msg.view) as { show?(data: ViewMessage['data'], live: boolean): void };
    view.show?.(msg.data, msg.live === true);
    return true;
  }
}
