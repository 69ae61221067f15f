/**
 * Helper thread for multi-threaded training (bundled to dist/w2v-thread.js). It instantiates the kernel on the
 * shared memory it is sent and trains its share of the corpus, Hogwild style (no locks: updates from threads
 * may interleave on a row, which word2vec tolerates). It stops at the next slice when the shared stop flag is set.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { instantiateKernel, type KernelConfig, type Layout, views } from './kernel';
import { type ShareConfig, trainShare } from './share';

export interface ThreadData {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  layout: Layout;
  thread: number;
  kernel: KernelConfig;
  share: ShareConfig;
}

if (parentPort) {
  const d = workerData as ThreadData;
  try {
    const k = instantiateKernel(d.module, d.memory, d.layout, d.thread, d.kernel);
    const v = views(d.memory, d.layout);
    for (const _ of trainShare(k, d.layout, v, d.thread, d.share)) void _;
    parentPort.postMessage({ done: true });
  } catch (e) {
    parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
}
