/**
 * The training worker (worker_threads). tfjs loads here and only here. It runs one job at a time, streams
 * progress, and stops a job within a second of being asked (trainers yield to the event loop often).
 * An exception in a job becomes a `failed` message; the host restarts the worker only if it dies.
 */
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, JobSpec, WorkerRequests, WorkerToHost } from '../shared/protocol';
import { type Handlers, serve } from '../shared/rpc';
import { StoppedError } from '../core/training';
import { initTf } from '../core/tf/backend';
import { RUNNERS } from './runners';
import { vectorsHandlers } from './vectorsRequests';
import { lmHandlers } from './lmRequests';
import { attentionHandlers } from './attentionRequests';
import { mlmHandlers } from './mlmRequests';
import { playgroundHandlers } from './playgroundRequests';
import { stepperHandlers } from './stepperRequests';
import { insideHandlers } from './insideRequests';
import { modelViewHandlers } from './modelViewRequests';
import { exampleHandlers } from './exampleRequests';
import { headsHandlers } from './headsRequests';
import { practiceHandlers } from './practiceRequests';

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;
const post = (m: WorkerToHost) => port.postMessage(m);

const running = new Map<string, AbortController>();
/** Jobs waiting in the queue. */
const waiting = new Set<string>();
/** Jobs stopped while still waiting in the queue: answered at once, skipped when their turn comes. */
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
  waiting.delete(job.jobId);
  if (cancelled.delete(job.jobId)) return;
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
    const last = outcome.finalStep !== undefined ? { step: outcome.finalStep } : {};
    if (outcome.stopped) post({ type: 'stopped', jobId: job.jobId, summary: outcome.summary, modelDir: outcome.modelDir, ...last });
    else post({ type: 'done', jobId: job.jobId, summary: outcome.summary, result: outcome.result, modelDir: outcome.modelDir, ...last });
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
      waiting.add(msg.job.jobId);
      queue = queue.then(() => run(msg.job));
      break;
    case 'stop': {
      const c = running.get(msg.jobId);
      if (c) c.abort();
      else if (waiting.has(msg.jobId) && !cancelled.has(msg.jobId)) {
        cancelled.add(msg.jobId);
        post({ type: 'stopped', jobId: msg.jobId, summary: 'stopped before it started' });
      }
      break;
    }
    case 'request':
      void answerRequest(msg);
      break;
  }
});

const handlers: Handlers<WorkerRequests> = {
  ping: async () => ({ pong: true, backend: await ensureBackend() }),
  // Development builds only, for the integration test of crash recovery: die the way a native fault would.
  // The production build defines process.env.NODE_ENV as "production", which makes this request an error.
  crash: (p) => {
    if (process.env.NODE_ENV === 'production') throw new Error('unknown worker request "crash"');
    return p.really === true ? process.exit(70) : null;
  },
  // Development builds only, for the integration test of the forced stop: a job that never yields, so no stop reaches it.
  hang: (p) => {
    if (process.env.NODE_ENV === 'production') throw new Error('unknown worker request "hang"');
    const end = Date.now() + Math.min(Math.max(0, Number(p.ms) || 0), 120_000);
    while (Date.now() < end) {
      // busy: messages (stops included) wait until this returns
    }
    return null;
  },
  ...vectorsHandlers,
  ...lmHandlers,
  ...attentionHandlers,
  ...mlmHandlers,
  ...playgroundHandlers,
  ...stepperHandlers,
  ...insideHandlers,
  ...modelViewHandlers,
  ...exampleHandlers,
  ...headsHandlers,
  ...practiceHandlers,
};
const answerRequest = serve<WorkerRequests>(handlers, post);
