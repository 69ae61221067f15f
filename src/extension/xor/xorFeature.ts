/**
 * The XOR playground in the study panel: Open XOR Playground, and the view's requests (settings, play / pause,
 * step, reset, a CSV of points). The engine runs in the training worker (`playground.*` requests); the host only
 * validates, paces the frames (at most 10 a second while playing) and keeps what the view shows (the panel
 * replays it to a reloaded webview).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isObject } from '../../shared/protocol';
import type { UntrustedHandlers } from '../../shared/rpc';
import type { PlaygroundSnapshot, PlaygroundState, XorPanelData, XorPanelRequests, XorSettings } from '../../shared/views/xor';
import { PLAYGROUND_PARAMS } from '../../core/xor/params';
import { defaults, validateParams } from '../../core/params';
import type { JobManager } from '../jobs/jobManager';
import type { StudyPanel } from '../panel/studyPanel';
import { reportingCommand } from '../util/notify';

/** Shortest time between two frames while playing (≤ 10 Hz). */
export const FRAME_MS = 100;
/** Updates per frame while playing. */
export const PER_FRAME = 10;
/** Cells per side of the boundary and hidden-unit grids (coarser with many hidden units, whose maps are small). */
export function gridSizeFor(settings: XorSettings): number {
  return Number(settings.hidden) > 16 ? 25 : 41;
}
/** Most updates one Step asks for. */
export const MAX_STEP = 10_000;
/** Playing stops by itself at this many updates, or once the loss is this low. */
const MAX_PLAY_STEPS = 100_000;
const SOLVED_LOSS = 1e-3;
/** Playing pauses once the panel has been closed this long. */
const UNSEEN_PAUSE_MS = 3000;
const SESSION = 'panel';
const REQUEST_TIMEOUT_MS = 60_000;

/** Thrown for bad settings or arguments; the message is shown to the user as is. */
export class XorArgError extends Error {}

/** The settings a view or a command sends: PLAYGROUND_PARAMS values, with dataset 'csv' allowed when a file was picked. */
export function checkSettings(raw: unknown, haveCsv: boolean): { settings: XorSettings; engine: XorSettings; csv: boolean } {
  if (!isObject(raw)) throw new XorArgError('settings must be an object');
  const csv = raw.dataset === 'csv';
  if (csv && !haveCsv) throw new XorArgError('pick a CSV file of points first');
  let engine: XorSettings;
  try {
    engine = validateParams(PLAYGROUND_PARAMS, csv ? { ...raw, dataset: undefined } : raw);
  } catch (e) {
    throw new XorArgError(e instanceof Error ? e.message : String(e));
  }
  return { settings: csv ? { ...engine, dataset: 'csv' } : engine, engine, csv };
}

/** Check the command's argument: nothing, or {settings?, steps?, play?}. */
export function parseOpenArgs(arg: unknown): { settings?: unknown; steps?: number; play?: boolean } {
  if (arg === undefined || arg === null) return {};
  if (!isObject(arg)) throw new XorArgError('Open XOR Playground takes {settings?, steps?, play?}');
  const unknownKeys = Object.keys(arg).filter((k) => !['settings', 'steps', 'play'].includes(k));
  if (unknownKeys.length) throw new XorArgError(`Open XOR Playground takes {settings?, steps?, play?}; unknown key ${JSON.stringify(unknownKeys[0])}`);
  if (arg.steps !== undefined && !(Number.isInteger(arg.steps) && (arg.steps as number) >= 0 && (arg.steps as number) <= MAX_STEP)) throw new XorArgError(`steps must be an integer 0..${MAX_STEP}`);
  if (arg.play !== undefined && typeof arg.play !== 'boolean') throw new XorArgError('play must be true or false');
  return { settings: arg.settings, steps: arg.steps as number | undefined, play: arg.play as boolean | undefined };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class XorFeature {
  private data: XorPanelData | undefined;
  private engine: XorSettings = defaults(PLAYGROUND_PARAMS);
  /** The CSV of points picked last (kept when another data set is chosen, so it can be chosen again). */
  private csvPath: string | undefined;
  private useCsv = false;
  private stamp = 0;
  /** Bumped by every action that replaces or pauses the run: a frame of an older generation is dropped. */
  private gen = 0;

  constructor(
    private readonly jobs: JobManager,
    private readonly panel: StudyPanel,
  ) {}

  /** What the playground view shows (tests read it). */
  get state(): XorPanelData | undefined {
    return this.data;
  }

  private publish(patch: Partial<XorPanelData>, live: boolean): XorPanelData {
    this.data = { ...this.data!, error: undefined, ...patch, stamp: ++this.stamp };
    this.panel.showView('xor', this.data, { live });
    return this.data;
  }

  private async create(): Promise<PlaygroundState> {
    return this.jobs.request('playground.create', { id: SESSION, params: this.engine, csvPath: this.useCsv ? this.csvPath : undefined, gridSize: gridSizeFor(this.engine) }, REQUEST_TIMEOUT_MS);
  }

  /** A request on the worker's playground; a fresh worker (after a crash) has none, so it is built again first. */
  private async onSession<T>(req: () => Promise<T>): Promise<T> {
    try {
      return await req();
    } catch (e) {
      if (!/^no playground /.test(message(e))) throw e;
      await this.create();
      return req();
    }
  }

  /** A new network with these settings (the CSV file picked last when dataset is 'csv'). */
  async configure(raw: unknown, live: boolean, csvPath = this.csvPath): Promise<XorPanelData> {
    const { settings, engine, csv } = checkSettings(raw, csvPath !== undefined);
    const prev = { engine: this.engine, useCsv: this.useCsv, csvPath: this.csvPath };
    this.engine = engine;
    this.useCsv = csv;
    this.csvPath = csvPath;
    this.gen++;
    let st: PlaygroundState;
    try {
      st = await this.create();
    } catch (e) {
      ({ engine: this.engine, useCsv: this.useCsv, csvPath: this.csvPath } = prev);
      throw e;
    }
    this.data = { settings, csvName: csv && csvPath ? path.basename(csvPath) : undefined, points: st.points, labels: st.labels, snapshot: st.snapshot, playing: false, perFrame: PER_FRAME, stamp: 0 };
    return this.publish({}, live);
  }

  /** The playground as it is, built with the defaults the first time. */
  async open(): Promise<XorPanelData> {
    if (this.data) return this.publish({}, false);
    return this.configure(defaults(PLAYGROUND_PARAMS), false);
  }

  /** Pause and advance `steps` updates. */
  async step(steps: number, live = true): Promise<XorPanelData> {
    if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEP) throw new XorArgError(`steps must be an integer 1..${MAX_STEP}`);
    if (!this.data) await this.configure(this.settingsNow(), true);
    this.gen++;
    const snapshot = await this.onSession(() => this.jobs.request('playground.run', { id: SESSION, steps, maxMs: REQUEST_TIMEOUT_MS / 2, gridSize: gridSizeFor(this.engine) }, REQUEST_TIMEOUT_MS));
    return this.publish({ snapshot, playing: false }, live);
  }

  async reset(): Promise<XorPanelData> {
    if (!this.data) return this.configure(this.settingsNow(), true);
    this.gen++;
    const snapshot = await this.onSession(() => this.jobs.request('playground.reset', { id: SESSION, gridSize: gridSizeFor(this.engine) }, REQUEST_TIMEOUT_MS));
    return this.publish({ snapshot, playing: false }, true);
  }

  async play(playing: boolean): Promise<XorPanelData> {
    if (!this.data) await this.configure(this.settingsNow(), true);
    this.gen++;
    const out = this.publish({ playing }, true);
    if (playing) void this.loop(this.gen);
    return out;
  }

  private settingsNow(): XorSettings {
    return this.data?.settings ?? defaults(PLAYGROUND_PARAMS);
  }

  /**
   * Frames while playing: PER_FRAME updates in the worker, then the snapshot to the view, never sooner than
   * FRAME_MS after the previous frame (at most 10 a second). Stops when solved, after MAX_PLAY_STEPS, or when the
   * panel has been closed for UNSEEN_PAUSE_MS.
   */
  private async loop(gen: number): Promise<void> {
    // The message that started playing counts as a frame.
    let last = Date.now();
    let unseenSince: number | undefined;
    while (gen === this.gen && this.data?.playing) {
      let snapshot: PlaygroundSnapshot;
      try {
        snapshot = await this.onSession(() => this.jobs.request('playground.run', { id: SESSION, steps: PER_FRAME, maxMs: FRAME_MS / 2, gridSize: gridSizeFor(this.engine) }, REQUEST_TIMEOUT_MS));
      } catch (e) {
        if (gen === this.gen) this.publish({ playing: false, error: message(e) }, true);
        return;
      }
      // A timer can fire early by as long as the event loop was busy when it was set: wait again for the rest.
      for (let wait = last + FRAME_MS - Date.now(); wait > 0; wait = last + FRAME_MS - Date.now()) {
        await new Promise((r) => setTimeout(r, wait));
      }
      if (gen !== this.gen) return;
      // Nobody watching (the panel closed) for a while: pause rather than train unseen.
      if (this.panel.webviewReady) unseenSince = undefined;
      else unseenSince ??= Date.now();
      const unseen = unseenSince !== undefined && Date.now() - unseenSince > UNSEEN_PAUSE_MS;
      const done = snapshot.loss < SOLVED_LOSS || snapshot.step >= MAX_PLAY_STEPS || unseen;
      this.publish({ snapshot, playing: !done }, true);
      // (Counted from when the frame has reached the view, so the next one is never sooner than FRAME_MS after it.)
      last = Date.now();
      if (done) return;
    }
  }

  /** Ask for a CSV of points and train on it. */
  async pickCsv(raw: unknown): Promise<XorPanelData | null> {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use these points', filters: { 'Points (x,y,label)': ['csv', 'txt', 'tsv'] }, title: 'A CSV of 2-D points: x,y,label (0 or 1) per line' });
    const file = picked?.[0];
    if (!file) return null;
    if (file.scheme !== 'file') throw new XorArgError('pick a file on this machine');
    const base = isObject(raw) ? raw : {};
    return this.configure({ ...base, dataset: 'csv' }, true, file.fsPath);
  }

  /** The view's requests; failures are also shown in the view, beside the controls. */
  readonly viewHandlers: UntrustedHandlers<XorPanelRequests> = {
    'xor.configure': (p) => this.shown(() => this.configure(isObject(p) ? p.settings : undefined, true)),
    'xor.pickCsv': (p) => this.shown(() => this.pickCsv(isObject(p) ? p.settings : undefined)),
    'xor.play': (p) => this.shown(() => this.play(isObject(p) && p.playing === true)),
    'xor.step': (p) => this.shown(() => this.step(isObject(p) ? (p.steps as number) : NaN)),
    'xor.reset': () => this.shown(() => this.reset()),
  };

  private async shown<T>(act: () => Promise<T>): Promise<T> {
    try {
      return await act();
    } catch (e) {
      if (this.data) this.publish({ playing: false, error: message(e) }, true);
      throw e;
    }
  }
}

export function registerXorFeature(context: vscode.ExtensionContext, jobs: JobManager, panel: StudyPanel): XorFeature {
  const f = new XorFeature(jobs, panel);
  context.subscriptions.push(
    reportingCommand('mlStudy.openXorPlayground', 'could not open the XOR playground', async (arg?: unknown) => {
      const args = parseOpenArgs(arg);
      let data = args.settings !== undefined ? await f.configure(args.settings, false) : await f.open();
      if (args.steps) data = await f.step(args.steps, false);
      if (args.play) data = await f.play(true);
      return data;
    }),
  );
  panel.handle('xor', f.viewHandlers);
  return f;
}
