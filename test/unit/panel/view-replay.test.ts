/**
 * The study panel's replay of its views' data (src/extension/panel/shownViews.ts on the host, webview/panel/viewFeed.ts
 * in the webview): data shown is drawn; a replay of the same data (the webview's state sent again) never draws it
 * again, so what a user typed into a view's fields or selected stays, in every view; a webview that just loaded
 * draws every replayed view, and puts back the text typed over that data before the reload (kept in the webview's
 * saved state); new data is drawn even when it equals the old, and forgets the typing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShownViews } from '../../../src/extension/panel/shownViews';
import type { PanelView, ViewData, ViewMessage } from '../../../src/shared/panelViews';
import { ViewFeed, type DrawsData, type TypedText, type TypedTextStore } from '../../../webview/panel/viewFeed';

/** A view with a field filled from its data (as the HS Tree view fills its words) and a selection the user changes. */
class FakeView implements DrawsData {
  field = '';
  selected = '';
  draws = 0;
  constructor(private readonly fill: (data: unknown) => string) {}
  show(data: never): void {
    this.draws++;
    this.field = this.fill(data);
    this.selected = 'first';
  }
}

const HS: ViewData<'w2v-hs-tree'> = { model: 'w2v-hs', context: 'king', words: ['queen', 'man'] } as unknown as ViewData<'w2v-hs-tree'>;
const FORMULAS = { notes: 3 } as unknown as ViewData<'formulas'>;

function panel() {
  const views = new Map<PanelView, FakeView>([
    ['w2v-hs-tree', new FakeView((d) => (d as { words: string[] }).words.join(', '))],
    ['formulas', new FakeView((d) => String((d as { notes: number }).notes))],
  ]);
  const opened: PanelView[] = [];
  const feed = new ViewFeed((v) => views.get(v) ?? {}, (v) => opened.push(v));
  return { views, opened, feed, hs: views.get('w2v-hs-tree')!, formulas: views.get('formulas')! };
}

/** What the webview gets over postMessage: a structured clone, never the host's own objects. */
const posted = (m: ViewMessage): ViewMessage => structuredClone(m);

test('a replay of the data a view shows leaves the user\'s typing and selection alone, in every view', () => {
  const host = new ShownViews();
  const p = panel();
  assert.equal(p.feed.take(posted(host.show('w2v-hs-tree', HS, false))), true);
  assert.equal(p.feed.take(posted(host.show('formulas', FORMULAS, true))), true);
  assert.equal(p.hs.field, 'queen, man');
  assert.equal(p.formulas.field, '3');
  assert.deepEqual(p.opened, ['w2v-hs-tree'], 'only the message that is not live opens its view');
  // The user types and selects in both views; then the host replays its state (twice).
  p.hs.field = 'king, queen, food';
  p.hs.selected = 'queen';
  p.formulas.selected = 'softmax';
  for (let k = 0; k < 2; k++) {
    const replay = host.replay();
    assert.equal(replay.length, 2);
    assert.ok(replay.every((m) => m.live === true), 'a replay is a live update: it opens nothing');
    for (const m of replay) assert.equal(p.feed.take(posted(m)), false, `${m.view} drew a replay of what it shows`);
  }
  assert.equal(p.hs.field, 'king, queen, food', 'the words being typed were overwritten by a replay');
  assert.equal(p.hs.selected, 'queen');
  assert.equal(p.formulas.selected, 'softmax', 'the selection was reset by a replay');
  assert.deepEqual([p.hs.draws, p.formulas.draws], [1, 1]);
  assert.deepEqual(p.opened, ['w2v-hs-tree']);
});

test('a webview that just loaded draws every view from the replay; new data is drawn even when equal to the old', () => {
  const host = new ShownViews();
  const before = panel();
  before.feed.take(posted(host.show('w2v-hs-tree', HS, false)));
  before.feed.take(posted(host.show('formulas', FORMULAS, true)));
  // A reloaded webview: a new feed and new views, nothing drawn yet.
  const after = panel();
  for (const m of host.replay()) assert.equal(after.feed.take(posted(m)), true, `${m.view} not drawn after a reload`);
  assert.equal(after.hs.field, 'queen, man');
  assert.equal(after.formulas.field, '3');
  assert.deepEqual(after.opened, [], 'the replay opens no view');
  // The host shows the same paths again (the user asked again): that is new data, drawn.
  after.hs.field = 'typed';
  assert.equal(after.feed.take(posted(host.show('w2v-hs-tree', { ...HS }, false))), true);
  assert.equal(after.hs.field, 'queen, man');
  assert.equal(after.hs.draws, 2);
  assert.deepEqual(after.opened, ['w2v-hs-tree']);
  // Only the view that got new data draws it; the other one's replay is skipped.
  after.formulas.selected = 'sigmoid';
  const drew = host.replay().map((m) => [m.view, after.feed.take(posted(m))]);
  assert.deepEqual(drew.sort(), [['formulas', false], ['w2v-hs-tree', false]]);
  assert.equal(after.formulas.selected, 'sigmoid');
  assert.equal(host.dataOf('w2v-hs-tree')?.context, 'king');
});

test('numbers are per data shown: a newer data for one view and the older one of another are told apart', () => {
  const host = new ShownViews();
  const p = panel();
  const first = host.show('formulas', FORMULAS, true);
  const second = host.show('w2v-hs-tree', HS, true);
  assert.notEqual(first.rev, second.rev);
  const third = host.show('formulas', { notes: 4 } as unknown as ViewData<'formulas'>, true);
  assert.ok(third.rev > second.rev);
  // Each view draws each number once.
  assert.equal(p.feed.take(posted(third)), true);
  assert.equal(p.feed.take(posted(second)), true);
  assert.equal(p.feed.take(posted(third)), false);
  assert.equal(p.formulas.field, '4');
  assert.equal(host.replay().find((m) => m.view === 'formulas')?.rev, third.rev, 'the replay carries the number the data was shown with');
});

/** The webview's saved state (vscode.setState keeps a copy) and the fields of the views of one page load. */
class Page implements TypedTextStore {
  saved: TypedText;
  constructor(
    saved: TypedText,
    private readonly views: Map<PanelView, FakeView>,
  ) {
    this.saved = saved;
  }
  save(typed: TypedText): void {
    this.saved = structuredClone(typed);
  }
  fill(view: PanelView, id: string, text: string): boolean {
    const v = this.views.get(view);
    if (!v || id !== 'field') return false;
    v.field = text;
    return true;
  }
}

function loadPage(saved: TypedText) {
  const p = panel();
  const page = new Page(saved, p.views);
  return { ...p, page, feed: new ViewFeed((v) => p.views.get(v) ?? {}, (v) => p.opened.push(v), page) };
}

test('a reloaded webview (the panel hidden, then shown) puts back the text typed over the data it shows again', () => {
  const host = new ShownViews();
  const first = loadPage({});
  first.feed.take(posted(host.show('w2v-hs-tree', HS, false)));
  first.feed.take(posted(host.show('formulas', FORMULAS, true)));
  first.hs.field = 'king, queen, food';
  first.feed.typedInto('w2v-hs-tree', 'field', first.hs.field);
  // Torn down and loaded again: the new page starts from the saved state and draws the replay.
  const second = loadPage(first.page.saved);
  for (const m of host.replay()) second.feed.take(posted(m));
  assert.equal(second.hs.field, 'king, queen, food', 'the typing was lost with the reload, or the replay overwrote it');
  assert.equal(second.formulas.field, '3', 'a view nobody typed into shows its data');
  // New data for the view (the user's words answered): it is drawn, and the old typing is forgotten for good.
  second.feed.take(posted(host.show('w2v-hs-tree', { ...HS, words: ['food'] } as typeof HS, false)));
  assert.equal(second.hs.field, 'food');
  assert.equal(second.page.saved['w2v-hs-tree'], undefined);
  const third = loadPage(second.page.saved);
  for (const m of host.replay()) third.feed.take(posted(m));
  assert.equal(third.hs.field, 'food');
});

test('typing saved over older data is not put back over newer data shown while the panel was hidden', async () => {
  const host = new ShownViews();
  const first = loadPage({});
  first.feed.take(posted(host.show('w2v-hs-tree', HS, false)));
  first.feed.typedInto('w2v-hs-tree', 'field', 'typed then hidden');
  // While hidden the host shows new data (the webview is not there to see it); the replay brings it.
  host.show('w2v-hs-tree', { ...HS, words: ['prince'] } as typeof HS, true);
  const second = loadPage(first.page.saved);
  for (const m of host.replay()) second.feed.take(posted(m));
  assert.equal(second.hs.field, 'prince');
  assert.deepEqual(second.page.saved, {}, 'the stale typing is dropped from the saved state');
  // A host started again (a window reload) numbers its data anew, never reusing a number the saved state holds.
  second.feed.typedInto('w2v-hs-tree', 'field', 'typed before the window reload');
  const saved = second.page.saved['w2v-hs-tree']!.rev;
  await new Promise((r) => setTimeout(r, 5));
  const restarted = new ShownViews();
  const next = restarted.show('w2v-hs-tree', HS, false);
  assert.ok(next.rev > saved, `the restarted host's first number ${next.rev} is not past the saved ${saved}`);
});
