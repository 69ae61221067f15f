/**
 * Data parallelism over two threads for the Transformer: the main thread and one helper thread
 * (dist/attention-thread.js) each compute the loss and gradients of half of the batch with the current weights;
 * the gradients are averaged (weighted by the halves' sizes, so it is exactly the gradient of the whole batch) and
 * Adam updates the weights on the main thread. Same batch, same result as one thread up to float rounding; about
 * twice the steps per second when a second core is free.
 */
import { findDistFile } from '../util/distFile';
import { Worker } from 'node:worker_threads';
import { tf } from '../tf/backend';
import { Trainer, TransformerLM, type TransformerConfig, transformerShapes, weightNames } from './transformer';
import { flattenTensors, splitFlat } from './weights';

export const THREAD_FILE = 'attention-thread.js';

export type ThreadRequest =
  | { type: 'init'; cfg: TransformerConfig; weights: Float32Array }
  | { type: 'step'; weights: Float32Array; inputs: Int32Array; targets: Int32Array; batch: number }
  | { type: 'close' };

export type ThreadReply = { type: 'ready' } | { type: 'grads'; loss: number; grads: Float32Array } | { type: 'error'; message: string };

/** The helper-thread bundle beside this bundle (dist/), or in a dist/ folder above it (tests, benchmarks). */
function findThreadScript(): string | undefined {
  return findDistFile(THREAD_FILE);
}

function flatten(model: TransformerLM): Float32Array {
  return flattenTensors(model.weights, weightNames(model.cfg));
}

export class ParallelTrainer {
  private pending?: { resolve: (r: ThreadReply) => void; reject: (e: Error) => void };
  private failed?: Error;

  private constructor(readonly model: TransformerLM, readonly trainer: Trainer, private readonly worker: Worker) {
    worker.on('message', (r: ThreadReply) => {
      const p = this.pending;
      this.pending = undefined;
      if (r.type === 'error') p?.reject(new Error(`training thread: ${r.message}`));
      else p?.resolve(r);
    });
    worker.on('error', (e) => {
      this.failed = e instanceof Error ? e : new Error(String(e));
      this.pending?.reject(this.failed);
      this.pending = undefined;
    });
  }

  /** Start the helper thread with a replica of `model`. Throws when the thread script is missing. */
  static async create(model: TransformerLM, lr: number, warmup = 0): Promise<ParallelTrainer> {
    const script = findThreadScript();
    if (!script) throw new Error(`the training-thread script ${THREAD_FILE} was not found (run the build)`);
    const worker = new Worker(script);
    worker.unref();
    const t = new ParallelTrainer(model, new Trainer(model, lr, undefined, warmup), worker);
    const reply = await t.request({ type: 'init', cfg: model.cfg, weights: flatten(model) });
    if (reply.type !== 'ready') throw new Error('the training thread did not start');
    return t;
  }

  private request(msg: ThreadRequest, transfer: ArrayBuffer[] = []): Promise<ThreadReply> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(msg, transfer);
    });
  }

  /** One Adam step on B sequences (the helper takes the first half); returns the batch's mean loss. */
  async step(ids: Int32Array, targets: Int32Array, B: number): Promise<number> {
    const T = ids.length / B;
    const bHelper = Math.floor(B / 2);
    const bMain = B - bHelper;
    if (bHelper === 0) return this.trainer.step(ids, targets, B);
    const hIds = ids.slice(0, bHelper * T);
    const hTargets = targets.slice(0, bHelper * T);
    const weights = flatten(this.model);
    const reply = this.request({ type: 'step', weights, inputs: hIds, targets: hTargets, batch: bHelper }, [weights.buffer as ArrayBuffer, hIds.buffer as ArrayBuffer, hTargets.buffer as ArrayBuffer]);
    const mine = this.model.lossAndGrads(ids.subarray(bHelper * T), targets.subarray(bHelper * T), bMain);
    let r: ThreadReply;
    try {
      r = await reply;
    } catch (e) {
      tf.dispose([mine.loss, ...Object.values(mine.grads)]);
      throw e;
    }
    if (r.type !== 'grads') throw new Error('unexpected reply from the training thread');
    const wMain = bMain / B;
    const wHelper = bHelper / B;
    const combined: Record<string, tf.Tensor> = {};
    for (const [n, other] of splitFlat(r.grads, transformerShapes(this.model.cfg))) {
      const g = mine.grads[n];
      combined[n] = tf.tidy(() => tf.add(tf.mul(g, wMain), tf.mul(tf.tensor(other, g.shape), wHelper)));
    }
    tf.dispose(Object.values(mine.grads));
    this.trainer.apply(combined);
    const lossMain = (await mine.loss.data())[0];
    mine.loss.dispose();
    return wMain * lossMain + wHelper * r.loss;
  }

  async dispose(): Promise<void> {
    this.trainer.dispose();
    this.worker.postMessage({ type: 'close' } satisfies ThreadRequest);
    await this.worker.terminate();
  }
}
