/**
 * The held-out split of a language-model corpus: the LAST `fraction` (default 10%) of the token sequence is held
 * out; training uses the first part. Splitting by position (not at random) keeps held-out text unseen as a whole.
 */
export interface LmSplit {
  train: Int32Array;
  heldOut: Int32Array;
}

export const HELD_OUT_FRACTION = 0.1;

export function heldOutSplit(ids: Int32Array, fraction = HELD_OUT_FRACTION): LmSplit {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`held-out fraction must be in (0, 1), got ${fraction}`);
  const nHeld = Math.max(1, Math.round(ids.length * fraction));
  const cut = ids.length - nHeld;
  return { train: ids.subarray(0, cut), heldOut: ids.subarray(cut) };
}
