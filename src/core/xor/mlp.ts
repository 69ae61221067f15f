/**
 * The XOR problem from the notes: four points that no line separates. A two-layer perceptron
 *   h = act(x W1 + b1),  p = σ(h W2 + b2)
 * trained on binary cross-entropy  L = −mean[y log p + (1−y) log(1−p)]  solves it; with zero hidden units the
 * model is p = σ(x w + b), a linear classifier, which at best gets three of the four points right.
 */
import { tf } from '../tf/backend';
import { Rng } from '../util/rng';
import type { ParamsOf } from '../params';
import type { XOR_PARAMS } from './params';

/** Validated XOR hyperparameters, typed from XOR_PARAMS. */
export type XorParams = ParamsOf<typeof XOR_PARAMS>;
import { checkStopped, makeYielder, StoppedError, type TrainContext } from '../training';

export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_Y = [0, 1, 1, 0];

export interface XorResult {
  epochs: number;
  finalLoss: number;
  accuracy: number;
  predictions: number[];
  hidden: number;
  linear: boolean;
  stopped: boolean;
  seconds: number;
  lossHistory: number[];
  /** Decision boundary: p on a grid over [-0.5, 1.5]², row-major, `gridSize` × `gridSize`. */
  grid: number[];
  gridSize: number;
}

function glorot(rng: Rng, rows: number, cols: number): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = (rng.next() * 2 - 1) * limit;
  return out;
}

export async function trainXor(params: XorParams, ctx: TrainContext): Promise<XorResult> {
  const epochs = params.epochs;
  const lr = params.lr;
  const hidden = params.hidden;
  const act = params.activation === 'sigmoid' ? tf.sigmoid : tf.tanh;
  const rng = new Rng(params.seed);
  const started = Date.now();

  const x = tf.tensor2d(XOR_X);
  const y = tf.tensor2d(XOR_Y, [4, 1]);
  const vars: tf.Variable[] = [];
  const variable = (values: Float32Array, shape: [number, number] | [number]) => {
    const v = tf.variable(tf.tensor(values, shape));
    vars.push(v);
    return v;
  };
  const linear = hidden === 0;
  const w1 = linear ? undefined : variable(glorot(rng, 2, hidden), [2, hidden]);
  const b1 = linear ? undefined : variable(new Float32Array(hidden), [hidden]);
  const inDim = linear ? 2 : hidden;
  const w2 = variable(glorot(rng, inDim, 1), [inDim, 1]);
  const b2 = variable(new Float32Array(1), [1]);

  const logits = (inp: tf.Tensor2D): tf.Tensor2D => {
    const h = linear ? inp : (act(inp.matMul(w1!).add(b1!)) as tf.Tensor2D);
    return h.matMul(w2).add(b2);
  };
  // BCE from logits, numerically stable: softplus(z) − y·z.
  const lossFn = (): tf.Scalar => tf.tidy(() => {
    const z = logits(x);
    return tf.softplus(z).sub(y.mul(z)).mean() as tf.Scalar;
  });
  const optimizer = params.optimizer === 'sgd' ? tf.train.sgd(lr) : tf.train.adam(lr, params.beta1, params.beta2);
  const pause = makeYielder();
  const lossHistory: number[] = [];
  let stopped = false;
  let epoch = 0;
  try {
    for (epoch = 1; epoch <= epochs; epoch++) {
      const lossT = optimizer.minimize(lossFn, true, vars) as tf.Scalar;
      const loss = (await lossT.data())[0];
      lossT.dispose();
      lossHistory.push(loss);
      if (!Number.isFinite(loss)) throw new Error(`the loss diverged (${loss}) at epoch ${epoch}; lower the learning rate`);
      const report = epoch === epochs || epoch % Math.max(1, Math.floor(epochs / 2000)) === 0;
      if (report) {
        const acc = accuracyOf(await predict(logits, x));
        ctx.onProgress({ step: epoch, total: epochs, loss, epoch, metrics: { accuracy: acc } });
      }
      checkStopped(ctx.signal);
      await pause();
    }
    epoch = epochs;
  } catch (e) {
    if (!(e instanceof StoppedError)) {
      disposeAll();
      throw e;
    }
    stopped = true;
  }
  const predictions = await predict(logits, x);
  const gridSize = 41;
  const pts: number[][] = [];
  for (let i = 0; i < gridSize; i++) for (let j = 0; j < gridSize; j++) pts.push([-0.5 + (2 * j) / (gridSize - 1), 1.5 - (2 * i) / (gridSize - 1)]);
  const gridT = tf.tensor2d(pts);
  const grid = await predict(logits, gridT);
  gridT.dispose();
  disposeAll();
  return {
    epochs: Math.min(epoch, epochs),
    finalLoss: lossHistory.length ? lossHistory[lossHistory.length - 1] : NaN,
    accuracy: accuracyOf(predictions),
    predictions,
    hidden,
    linear,
    stopped,
    seconds: (Date.now() - started) / 1000,
    lossHistory,
    grid,
    gridSize,
  };

  function disposeAll() {
    x.dispose();
    y.dispose();
    optimizer.dispose();
    for (const v of vars) v.dispose();
  }
}

async function predict(logits: (x: tf.Tensor2D) => tf.Tensor2D, inp: tf.Tensor2D): Promise<number[]> {
  const p = tf.tidy(() => tf.sigmoid(logits(inp)));
  const out = Array.from(await p.data());
  p.dispose();
  return out;
}

export function accuracyOf(predictions: number[]): number {
  let right = 0;
  for (let i = 0; i < XOR_Y.length; i++) if ((predictions[i] >= 0.5 ? 1 : 0) === XOR_Y[i]) right++;
  return right / XOR_Y.length;
}
