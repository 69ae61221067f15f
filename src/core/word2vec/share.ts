/**
 * One thread's share of training: its sentences of every epoch, in slices of about SLICE_WORDS words, so the
 * caller can yield, report progress and notice a stop between slices (a slice takes well under 100 ms).
 * Used by the calling thread (asynchronously) and by helper threads (thread.ts, synchronously).
 */
import type { KernelExports, Layout } from './kernel';
import type { views } from './kernel';

export const SLICE_WORDS = 20000;

export interface ShareConfig {
  lr: number;
  minLr: number;
  /** Words over the whole run (corpus tokens × epochs), for the learning-rate decay. */
  totalWords: number;
}

/** Sentences [lo, hi) of thread t among `threads` (contiguous blocks of the corpus). */
export function shareRange(sentences: number, t: number, threads: number): [number, number] {
  return [Math.floor((sentences * t) / threads), Math.floor((sentences * (t + 1)) / threads)];
}

/**
 * Generator: trains thread t's share epoch by epoch and yields after each slice. Per-epoch loss sums, pair counts
 * and words go to the shared stats (f64 [t][epoch][3]) so any thread can read the running loss.
 */
export function* trainShare(k: KernelExports, layout: Layout, v: ReturnType<typeof views>, t: number, cfg: ShareConfig): Generator<void, void, void> {
  const [lo, hi] = shareRange(layout.sentences, t, layout.threads);
  for (let e = 0; e < layout.epochs; e++) {
    k.resetLoss();
    const at = (t * layout.epochs + e) * 3;
    let words = 0;
    for (let s = lo; s < hi; ) {
      if (Atomics.load(v.stop, 0) !== 0) return;
      let end = s + 1;
      const limit = v.offsets[s] + SLICE_WORDS;
      while (end < hi && v.offsets[end] < limit) end++;
      words += k.trainRange(layout.ids, layout.offsets, s, end, cfg.lr, cfg.minLr, cfg.totalWords, layout.progress);
      v.stats[at] = k.getLossSum();
      v.stats[at + 1] = k.getPairCount();
      v.stats[at + 2] = words;
      s = end;
      yield;
    }
  }
}
