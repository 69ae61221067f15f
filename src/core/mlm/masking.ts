/**
 * BERT's masking of a batch for the masked-language-model objective. In each sequence of T tokens,
 * round(rate·T) positions (at least one) are chosen uniformly without replacement; a chosen position's input
 * becomes [MASK] with probability 0.8, a uniformly random ordinary token with probability 0.1, and stays as it is
 * with probability 0.1. The target of every position is its original token; the loss counts only chosen positions
 * (weight 1), so the model must predict them from both sides, and cannot learn to trust unmasked inputs blindly.
 */
import { Rng } from '../util/rng';

/** What happened to a position: not chosen, replaced by [MASK], replaced by a random token, chosen but kept. */
export const MaskKind = { None: 0, Mask: 1, Random: 2, Keep: 3 } as const;

export interface MaskedBatch {
  inputs: Int32Array;
  targets: Int32Array;
  /** 1 at chosen positions, 0 elsewhere. */
  weights: Float32Array;
  kinds: Uint8Array;
}

/**
 * Mask B sequences of T tokens (`ids`, batch-major). Ordinary token ids are 1..maskId−1 (0 is the unknown token,
 * never drawn as a random replacement); `maskId` is the [MASK] token.
 */
export function maskBatch(ids: Int32Array, B: number, T: number, maskId: number, rate: number, rng: Rng): MaskedBatch {
  if (ids.length !== B * T) throw new Error(`expected ${B}×${T} tokens, got ${ids.length}`);
  if (!(rate > 0 && rate < 1)) throw new RangeError(`the masked fraction must be in (0, 1), got ${rate}`);
  if (maskId < 2) throw new RangeError('the vocabulary needs at least one ordinary token besides the unknown one');
  const inputs = Int32Array.from(ids);
  const weights = new Float32Array(B * T);
  const kinds = new Uint8Array(B * T);
  const chosenPerSeq = Math.max(1, Math.round(rate * T));
  const order = new Int32Array(T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) order[t] = t;
    // Partial Fisher–Yates: the first chosenPerSeq entries are a uniform sample without replacement.
    for (let i = 0; i < chosenPerSeq; i++) {
      const j = i + rng.int(T - i);
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
      const p = b * T + order[i];
      weights[p] = 1;
      const u = rng.next();
      if (u < 0.8) {
        inputs[p] = maskId;
        kinds[p] = MaskKind.Mask;
      } else if (u < 0.9) {
        inputs[p] = 1 + rng.int(maskId - 1);
        kinds[p] = MaskKind.Random;
      } else kinds[p] = MaskKind.Keep;
    }
  }
  return { inputs, targets: Int32Array.from(ids), weights, kinds };
}
