/**
 * Helper thread for data-parallel Transformer training (bundled to dist/attention-thread.js). It holds a replica
 * of the model; for each step it receives the current weights and half of the batch, and returns the loss and the
 * gradients of that half (computed by the same hand-written backward pass as the main thread).
 */
import { parentPort } from 'node:worker_threads';
import { initTf, tf } from '../tf/backend';
import { TransformerLM, type TransformerConfig, transformerShapes, weightNames, weightShape } from './transformer';
import { flattenTensors, splitFlat } from './weights';
import type { ThreadReply, ThreadRequest } from './parallel';

let model: TransformerLM | undefined;
let names: string[] = [];

function unpack(cfg: TransformerConfig, flat: Float32Array): Map<string, Float32Array> {
  return splitFlat(flat, transformerShapes(cfg));
}

parentPort!.on('message', async (msg: ThreadRequest) => {
  try {
    if (msg.type === 'init') {
      await initTf();
      model?.dispose();
      model = new TransformerLM(msg.cfg, unpack(msg.cfg, msg.weights));
      names = weightNames(msg.cfg);
      parentPort!.postMessage({ type: 'ready' } satisfies ThreadReply);
      return;
    }
    if (msg.type === 'step') {
      const m = model!;
      const w = unpack(m.cfg, msg.weights);
      for (const n of names) {
        const t = tf.tensor(w.get(n)!, weightShape(m.cfg, n));
        m.weights.get(n)!.assign(t);
        t.dispose();
      }
      const { loss, grads } = m.lossAndGrads(msg.inputs, msg.targets, msg.batch);
      const flat = flattenTensors(grads, names);
      const value = loss.dataSync()[0];
      loss.dispose();
      for (const g of Object.values(grads)) g.dispose();
      parentPort!.postMessage({ type: 'grads', loss: value, grads: flat } satisfies ThreadReply, [flat.buffer]);
      return;
    }
    if (msg.type === 'close') {
      model?.dispose();
      process.exit(0);
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies ThreadReply);
  }
});
