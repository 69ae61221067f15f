/**
 * The training worker (worker_threads). tfjs loads here and only here. It runs one job at a time, streams
 * progress, and stops a job within a second of being asked (trainers yield to the event loop often).
 * An exception in a job becomes a `failed` message; the host restarts the worker only if it dies.
 */
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, JobSpec, WorkerToHost } from '../shared/protocol';
import { answer } from '../shared/rpc';
import { StoppedError } from '../core/training';
import { initTf } from '../core/tf/backend';
import { RUNNERS } from './models';
import { vectorRequest } from './vectorRequests';
import { lmRequest } from './lmRequests';
import { attentionRequest } from './attentionRequests';

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
const post = (m: WorkerToHost) => port.postMessage(m);

const running = new Map<string, AbortController>();
/** Jobs stopped while still waiting in the queue. */
const cancelled = new Set<string>();
let backendReady: Promise<string> | undefined;

function ensureBackend(): Promise<string> {
  backendReady ??= initTf().then((b) => {
    post({ type: 'ready', backend: b });
    return b;
  });
  return backendReady;
}

async function run(job: JobSpec): Promise<void> {
  if (cancelled.delete(job.jobId)) {
    post({ type: 'stopped', jobId: job.jobId, summary: 'stopped before it started' });
    return;
  }
  const controller = new AbortController();
  running.set(job.jobId, controller);
  try {
    await ensureBackend();
    const runner = RUNNERS[job.model];
    if (!runner) throw new Error(`unknown model "${job.model}"`);
    const outcome = await runner(job, {
      signal: controller.signal,
      onProgress: (update) => post({ type: 'progress', jobId: job.jobId, update }),
      log: (message) => post({ type: 'log', message }),
    });
    if (outcome.stopped) post({ type: 'stopped', jobId: job.jobId, summary: outcome.summary, modelDir: outcome.modelDir });
    else post({ type: 'done', jobId: job.jobId, summary: outcome.summary, result: outcome.result, modelDir: outcome.modelDir });
  } catch (e) {
    if (e instanceof StoppedError) post({ type: 'stopped', jobId: job.jobId, summary: 'stopped' });
    else post({ type: 'failed', jobId: job.jobId, error: e instanceof Error ? e.message : String(e) });
  } finally {
    running.delete(job.jobId);
  }
}

// Jobs run one after another: training saturates a core, and tfjs holds global state.
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: HostToWorker) => {
  switch (msg.type) {
    case 'start':
      queue = queue.then(() => run(msg.job));
      break;
    case 'stop': {
      const c = running.get(msg.jobId);
      if (c) c.abort();
      else cancelled.add(msg.jobId);
      break;
    }
    case 'request':
      void answer(msg, handleRequest, post);
      break;
  }
});

async function handleRequest(method: string, params: unknown): Promise<unknown> {
  switch (method) {
    case 'ping':
      return { pong: true, backend: await ensureBackend() };
    case 'crash':
      // Development builds only, for the integration test of crash recovery: die the way a native fault would.
      // The production build defines process.env.NODE_ENV as "production", which leaves this request out.
      if (process.env.NODE_ENV === 'production') throw new Error('unknown worker request "crash"');
      if ((params as { really?: boolean })?.really === true) process.exit(70);
      return null;
    default: {
      const r = method.startsWith('w2v.') ? vectorRequest(method, params) : method.startsWith('lm.') ? await lmRequest(method, params) : method.startsWith('attn.') ? await attentionRequest(method, params) : undefined;
      if (r === undefined) throw new Error(`unknown worker request "${method}"`);
      return r;
    }
  }
}
