/**
 * How the panel hands the host's `view` messages to its views. The host numbers every data it shows (`rev`) and
 * replays each view's data, under the same number, whenever the webview loads; a view draws each number once. So a
 * replay of what a view already shows never draws it again: the words being typed in its fields and what is
 * selected stay as the user left them, in every view, while new data (a new number) is drawn as before.
 * A hidden panel's webview is torn down, and its fields with it: the text typed into a view's fields since its data
 * was drawn is kept in the webview's saved state (`TypedText`) and put back, once the replay has drawn the same data
 * again, as if typed; new data for the view forgets it.
 * No DOM here: the panel (main.ts) gives it the views, the way to open one, and its text fields by id.
 */
import type { PanelView, ViewMessage } from '../../src/shared/panelViews';

/** What the feed needs of a view: how it draws data (PanelViewModule's `show`). */
export interface DrawsData {
  show?(data: never, live: boolean): void;
}

/** Per view, the text typed into its fields (by element id) while the data numbered `rev` was on show. */
export type TypedText = { [V in PanelView]?: { rev: number; fields: Record<string, string> } };

/** Where typed text is kept across reloads of the webview, and how a field is found and filled again. */
export interface TypedTextStore {
  readonly saved: TypedText;
  save(typed: TypedText): void;
  /** Put text back into a field of a view (as if typed); false when the view has no such field now. */
  fill(view: PanelView, id: string, text: string): boolean;
}

export class ViewFeed {
  /** The number of the data each view drew last. */
  private readonly drawn = new Map<PanelView, number>();
  private readonly typed: TypedText;

  constructor(
    private readonly viewOf: (view: PanelView) => DrawsData,
    /** Switch the panel to a view (for a message that is not a live update). */
    private readonly open: (view: PanelView) => void,
    private readonly store?: TypedTextStore,
  ) {
    this.typed = { ...store?.saved };
  }

  /** Route one message: open its view unless live, draw its data unless the view drew it already; true if it drew. */
  take(msg: ViewMessage): boolean {
    if (!msg.live) this.open(msg.view);
    if (this.drawn.get(msg.view) === msg.rev) return false;
    this.drawn.set(msg.view, msg.rev);
    const view = this.viewOf(msg.view) as { show?(data: ViewMessage['data'], live: boolean): void };
    view.show?.(msg.data, msg.live === true);
    this.refill(msg.view, msg.rev);
    return true;
  }

  /** The user typed into a text field of a view: kept while the view's data stays the one on show. */
  typedInto(view: PanelView, id: string, text: string): void {
    const rev = this.drawn.get(view);
    if (rev === undefined || !this.store) return;
    const kept = this.typed[view]?.rev === rev ? this.typed[view] : { rev, fields: {} };
    kept.fields[id] = text;
    this.typed[view] = kept;
    this.store.save(this.typed);
  }

  /** After a view drew data: the text typed over that same data goes back into its fields; other typing is dropped. */
  private refill(view: PanelView, rev: number): void {
    const kept = this.typed[view];
    if (!kept || !this.store) return;
    if (kept.rev === rev) {
      for (const [id, text] of Object.entries(kept.fields)) this.store.fill(view, id, text);
      return;
    }
    delete this.typed[view];
    this.store.save(this.typed);
  }
}
