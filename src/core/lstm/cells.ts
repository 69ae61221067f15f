/**
 * The recurrent cells the language model can use besides the LSTM, one time step of B rows at a time, forward
 * and backward, written in JavaScript over the workspace's buffers (the LSTM's own step runs on the WebAssembly
 * kernel, ops.ts). Rows of B × H, gates side by side per row as in the LSTM.
 *
 * GRU (gate order r, u, n; the reset gate applied to the recurrent product, as in cuDNN and Keras' reset_after):
 *   r = σ(a_r + s_r),  u = σ(a_u + s_u),  n = tanh(a_n + r ⊙ s_n),  h = (1 − u) ⊙ n + u ⊙ h₋
 *   where a = x·Wx + b (all steps at once) and s = h₋·Wh (per step).
 * Plain tanh RNN: h = tanh(x·Wx + h₋·Wh + b).
 */
import type { FArr } from './ops';

export type CellKind = 'lstm' | 'gru' | 'rnn';
export const CELL_KINDS: readonly CellKind[] = ['lstm', 'gru', 'rnn'];

/** Gate blocks of width H in Wx, Wh and b. */
export function gatesOf(cell: CellKind | undefined): number {
  return cell === 'gru' ? 3 : cell === 'rnn' ? 1 : 4;
}

const sigm = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * GRU forward at one step: z (at zo, B × 3H) holds a = x·Wx + b and is overwritten with the activations r, u, n;
 * s (B × 3H) holds h₋·Wh; sn (at sno, B × H) keeps s_n for the backward pass; h (at ho) gets the new state.
 */
export function gruForward(z: FArr, zo: number, s: FArr, hPrev: FArr, hpo: number, h: FArr, ho: number, sn: FArr, sno: number, B: number, H: number): void {
  for (let b = 0; b < B; b++) {
    const zr = zo + b * 3 * H;
    const sr = b * 3 * H;
    for (let j = 0; j < H; j++) {
      const r = sigm(z[zr + j] + s[sr + j]);
      const u = sigm(z[zr + H + j] + s[sr + H + j]);
      const snv = s[sr + 2 * H + j];
      const n = Math.tanh(z[zr + 2 * H + j] + r * snv);
      z[zr + j] = r;
      z[zr + H + j] = u;
      z[zr + 2 * H + j] = n;
      sn[sno + b * H + j] = snv;
      h[ho + b * H + j] = (1 - u) * n + u * hPrev[hpo + b * H + j];
    }
  }
}

/**
 * GRU backward at one step. dh = dOut + dhNext (dhNext only when `hasNext`). Writes ∂loss/∂a into dz (at dzo) and
 * ∂loss/∂s into ds (at dso), both B × 3H, and the direct part of ∂loss/∂h₋, dh ⊙ u, into dhNext (the caller adds
 * ds·Whᵀ to it).
 */
export function gruBackward(act: FArr, ao: number, hPrev: FArr, hpo: number, sn: FArr, sno: number, dOut: FArr, doo: number, dhNext: FArr, dz: FArr, dzo: number, ds: FArr, dso: number, B: number, H: number, hasNext: boolean): void {
  // k runs over the B × H units; g is the unit's offset in a row of three gate blocks (r | u | n).
  for (let k = 0; k < B * H; k++) {
    const g = k + 2 * H * Math.floor(k / H);
    const r = act[ao + g];
    const u = act[ao + g + H];
    const n = act[ao + g + 2 * H];
    const dh = dOut[doo + k] + (hasNext ? dhNext[k] : 0);
    const dan = dh * (1 - u) * (1 - n * n);
    const dar = dan * sn[sno + k] * r * (1 - r);
    const dau = dh * (hPrev[hpo + k] - n) * u * (1 - u);
    dz[dzo + g] = ds[dso + g] = dar;
    dz[dzo + g + H] = ds[dso + g + H] = dau;
    dz[dzo + g + 2 * H] = dan;
    ds[dso + g + 2 * H] = dan * r;
    dhNext[k] = dh * u;
  }
}

/** Plain RNN forward at one step: z (at zo, B × H) holds x·Wx + b + h₋·Wh; h (at ho) = tanh(z). */
export function rnnForward(z: FArr, zo: number, h: FArr, ho: number, B: number, H: number): void {
  for (let i = 0; i < B * H; i++) h[ho + i] = Math.tanh(z[zo + i]);
}

/** Plain RNN backward at one step: dz = (dOut + dhNext) ⊙ (1 − h²), h the step's output (at ho). */
export function rnnBackward(h: FArr, ho: number, dOut: FArr, doo: number, dhNext: FArr, dz: FArr, dzo: number, B: number, H: number, hasNext: boolean): void {
  for (let i = 0; i < B * H; i++) {
    const hv = h[ho + i];
    dz[dzo + i] = (dOut[doo + i] + (hasNext ? dhNext[i] : 0)) * (1 - hv * hv);
  }
}
