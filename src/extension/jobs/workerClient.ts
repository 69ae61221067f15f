/**
 * Owns the worker thread: starts it lazily on first use, restarts it after a crash, terminates it on dispose.
 * Knows nothing about jobs; JobManager uses it.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { HostToWorker, WorkerToHost } from '../../shared/protocol';
import { Channel, type Methods, type ParamsOf, type ResultOf } from '../../shared/rpc';

export interface WorkerEvents {
  onMessage(msg: WorkerToHost): void;
  /** The worker died without being asked to (crash, out of memory, process.exit). */
  onCrash(reason: string): void;
}

/** `R`: the requests the worker answers (rpc.ts). */
export class WorkerClient<R extends Methods<R>> implements vscode.Disposable {
  private worker: Worker | undefined;
  private tracker: Channel<R> | undefined;
  private disposed = false;
  /** Starts of the worker so far (tests read it to see a fresh worker after a crash). */
  starts = 0;

  constructor(
    private readonly script: string,
    private readonly events: WorkerEvents,
    /** Extra environment of the worker (e.g. how many model versions a save keeps). */
    private readonly env: Record<string, string> = {},
  ) {}

  /** Whether a worker thread exists right now. */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  post(msg: HostToWorker): void {
    this.ensure().postMessage(msg);
  }

  request<M extends keyof R & string>(method: M, params: ParamsOf<R, M>, timeoutMs = 30_000): Promise<ResultOf<R, M>> {
    this.ensure();
    return this.tracker!.request(method, params, timeoutMs);
  }

  private ensure(): Worker {
    if (this.disposed) throw new Error('the training worker has been shut down');
    if (this.worker) return this.worker;
    const w = new Worker(this.script, {
      // Training heaps can be large (embedding matrices, tfjs tensors); give the worker room.
      resourceLimits: { maxOldGenerationSizeMb: 8192 },
      env: { ...process.env, ...this.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    this.starts++;
    const tracker = new Channel<R>((m) => w.postMessage(m));
    this.worker = w;
    this.tracker = tracker;
    w.on('message', (msg: WorkerToHost) => {
      if (msg.type === 'reply') tracker.handleReply(msg);
      else this.events.onMessage(msg);
    });
    let lastError: string | undefined;
    w.on('error', (err) => {
      lastError = err?.message ?? String(err);
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.tracker = undefined;
      const reason = lastError ?? `the training worker stopped unexpectedly (exit code ${code})`;
      tracker.rejectAll(reason);
      if (!this.disposed) this.events.onCrash(reason);
    });
    return w;
  }

  /** Terminate the current worker on purpose (no crash event); the next message starts a fresh one. */
  kill(): void {
    const w = this.worker;
    this.worker = undefined;
    this.tracker?.rejectAll('the training worker was restarted');
    this.tracker = undefined;
    void w?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    this.tracker?.rejectAll('the training worker was shut down');
    void w?.terminate();
  }
}

/** The worker bundle, next to the extension bundle in dist/. */
export function workerScript(extensionPath: string): string {
  return path.join(extensionPath, 'dist', 'worker.js');
}
