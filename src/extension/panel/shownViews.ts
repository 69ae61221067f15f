/**
 * The data on show in each view of the study panel, kept by the host to replay whenever the webview loads. Each
 * data shown gets a new number (`rev`); a replay sends the same data under the same number, and the panel's views
 * draw each number once (webview/panel/viewFeed.ts), so a replay never redraws what a view already shows. No vscode
 * here (unit tests drive it with the panel's feed).
 */
import type { PanelView, ViewData, ViewMessage } from '../../shared/panelViews';

type Shown = { [V in PanelView]?: Extract<ViewMessage, { view: V }> };

export class ShownViews {
  private readonly shown: Shown = {};
  /** Counted from the clock, so a restarted host never reuses a number a restored webview's saved state holds. */
  private rev = Date.now();

  /** A view's new data, kept under a new number; returns the message that draws it. */
  show<V extends PanelView>(view: V, data: ViewData<V>, live: boolean): ViewMessage {
    const msg = { type: 'view', view, data, live, rev: ++this.rev } as Extract<ViewMessage, { view: V }>;
    (this.shown as Record<V, typeof msg>)[view] = msg;
    return msg;
  }

  /** The data on show in a view. */
  dataOf<V extends PanelView>(view: V): ViewData<V> | undefined {
    return this.shown[view]?.data as ViewData<V> | undefined;
  }

  /** Every view's data as last shown, as live updates under the numbers it was shown with (for a webview just loaded). */
  replay(): ViewMessage[] {
    return Object.values(this.shown).map((m) => ({ ...m, live: true }) as ViewMessage);
  }
}
