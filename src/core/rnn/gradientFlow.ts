/**
 * Vanishing gradients, measured: for a text, how strongly the loss at position t depends on the input k steps
 * back, ‖∂loss_t/∂x_{t−k}‖ (x = the embedded input token), for the plain tanh RNN and for the LSTM. Each loss_t
 * gets its own backward pass (the output gradient of every other position set to zero), so the numbers are
 * exact gradients of one position's cross-entropy. Returned per position (a heatmap) and averaged by distance.
 */
import type { LstmModel } from '../lstm/engine';
import { Workspace, type OpsKind } from '../lstm/model';
import type { FArr } from '../lstm/ops';
import { RnnWorkspace, type RnnConfig } from './model';

/** Most positions of a text analysed at once (one backward pass per position over all of them). */
export const MAX_FLOW_POSITIONS = 400;

export interface FlowResult {
  /** Number of positions t analysed (the text's tokens minus the last, which has no target). */
  positions: number;
  /** norms[t][k] = ‖∂loss_t/∂x_{t−k}‖ for k = 0..t. */
  norms: number[][];
  /** Mean over positions of ‖∂loss_t/∂x_{t−k}‖ for each distance k, and how many positions have that distance. */
  byDistance: { distance: number; mean: number; count: number }[];
}

/** What one model needs to provide: a forward over the sequence, then ∂loss_t/∂x_s for every s ≤ t. */
interface FlowModel {
  /** Rows of dlogits (R × V) set by the forward for the mean loss; the scale that makes a row ∂loss_t/∂logits_t. */
  dlogits: FArr;
  V: number;
  R: number;
  /** Backward from the current dlogits; returns ∂loss/∂x_s for s = 0..R−1 (each of length E). */
  inputGrads(): FArr[];
}

function checkIds(ids: ArrayLike<number>): void {
  if (ids.length < 2) throw new RangeError(`the text needs at least 2 tokens, got ${ids.length}`);
  if (ids.length - 1 > MAX_FLOW_POSITIONS) throw new RangeError(`the text has ${ids.length - 1} positions; the limit is ${MAX_FLOW_POSITIONS}`);
}

function flow(m: FlowModel): FlowResult {
  const { V, R } = m;
  const full = Float64Array.from(m.dlogits);
  const norms: number[][] = [];
  for (let t = 0; t < R; t++) {
    m.dlogits.fill(0);
    for (let v = 0; v < V; v++) m.dlogits[t * V + v] = full[t * V + v] * R;
    const g = m.inputGrads();
    const row: number[] = [];
    for (let k = 0; k <= t; k++) {
      const d = g[t - k];
      let s = 0;
      for (let i = 0; i < d.length; i++) s += d[i] * d[i];
      row.push(Math.sqrt(s));
    }
    norms.push(row);
  }
  const byDistance = Array.from({ length: R }, (_, k) => {
    let sum = 0;
    let count = 0;
    for (let t = k; t < R; t++) {
      sum += norms[t][k];
      count++;
    }
    return { distance: k, mean: sum / count, count };
  });
  return { positions: R, norms, byDistance };
}

/** ‖∂loss_t/∂x_{t−k}‖ for the RNN with parameters `theta` on token ids (inputs ids[0..n−2], targets ids[1..n−1]). */
export function rnnGradientFlow(cfg: RnnConfig, theta: ArrayLike<number>, ids: ArrayLike<number>, ops: OpsKind = 'wasm'): FlowResult {
  checkIds(ids);
  const T = ids.length - 1;
  const ws = new RnnWorkspace(cfg, 1, T, { ops });
  ws.theta.set(theta);
  ws.resetState();
  ws.forward(Array.from(ids).slice(0, T), Array.from(ids).slice(1));
  const E = cfg.embedding;
  return flow({
    dlogits: ws.dlogits,
    V: cfg.vocabSize,
    R: T,
    inputGrads() {
      ws.backward();
      return Array.from({ length: T }, (_, s) => ws.dX.subarray(s * E, (s + 1) * E) as FArr);
    },
  });
}

/** The same for an LSTM (run without dropout); ∂loss/∂x_s = dz⁰_s·Wx₀ᵀ from its own backward pass. */
export function lstmGradientFlow(model: LstmModel, ids: ArrayLike<number>, ops: OpsKind = model.ops ?? 'wasm'): FlowResult {
  checkIds(ids);
  if ((model.config.cell ?? 'lstm') !== 'lstm') throw new Error(`the gradient-flow comparison needs an LSTM; this model has a ${model.config.cell === 'gru' ? 'GRU' : 'plain RNN'} cell`);
  const T = ids.length - 1;
  const cfg = { ...model.config, dropout: 0 };
  const ws = new Workspace(cfg, 1, T, { ops, train: true });
  ws.theta.set(model.theta);
  ws.resetState();
  ws.forward(Array.from(ids).slice(0, T), Array.from(ids).slice(1), true);
  const { embedding: E, hidden: H } = cfg;
  const wx = ws.off.wx0;
  const th = ws.theta;
  const out = Array.from({ length: T }, () => new Float64Array(E));
  return flow({
    dlogits: ws.dlogits!,
    V: cfg.vocabSize,
    R: T,
    inputGrads() {
      ws.backward();
      const dZ = ws.dZ!;
      for (let s = 0; s < T; s++) {
        const d = out[s];
        for (let e = 0; e < E; e++) {
          let acc = 0;
          for (let j = 0; j < 4 * H; j++) acc += dZ[s * 4 * H + j] * th[wx + e * 4 * H + j];
          d[e] = acc;
        }
      }
      return out;
    },
  });
}
