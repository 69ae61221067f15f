/**
 * Work sharing between training threads. The corpus is cut into chunks of about CHUNK_WORDS words; every thread
 * (the calling one and the helpers) takes the next chunk of the whole run — epoch after epoch — from a shared
 * atomic counter, as gensim's job queue does. A thread that gets less CPU (a busy machine) then simply takes fewer
 * chunks instead of holding everyone up. Between chunks a thread can yield, report and notice a stop (a chunk
 * takes a few tens of milliseconds). With one thread the order is fixed, so a seed reproduces a run.
 */
import type { KernelExports, Layout, views } from './kernel';

export const CHUNK_WORDS = 10000;

export interface ShareConfig {
  lr: number;
  minLr: number;
  /** Words over the whole run (corpus tokens × epochs), for the learning-rate decay. */
  totalWords: number;
}

/** Sentence ranges [start, end) of about CHUNK_WORDS words each, covering the corpus in order. */
export function chunkRanges(offsets: Uint32Array, sentences: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < sentences; ) {
    let end = s + 1;
    const limit = offsets[s] + CHUNK_WORDS;
    while (end < sentences && offsets[end] < limit) end++;
    out.push([s, end]);
    s = end;
  }
  return out;
}

/**
 * Generator: takes chunks until the run is done (or stopped), yielding after each. Loss sums, pair counts and
 * words are added to the shared stats (f64 [thread][epoch][3]) so the calling thread can report per-epoch loss.
 */
export function* trainShare(k: KernelExports, layout: Layout, v: ReturnType<typeof views>, t: number, cfg: ShareConfig): Generator<void, void, void> {
  const chunks = chunkRanges(v.offsets, layout.sentences);
  const total = chunks.length * layout.epochs;
  for (;;) {
    if (Atomics.load(v.stop, 0) !== 0) return;
    const c = Atomics.add(v.nextChunk, 0, 1);
    if (c >= total) return;
    const e = Math.floor(c / chunks.length);
    const [s0, s1] = chunks[c % chunks.length];
    k.resetLoss();
    const words = k.trainRange(layout.ids, layout.offsets, s0, s1, cfg.lr, cfg.minLr, cfg.totalWords, layout.progress);
    const at = (t * layout.epochs + e) * 3;
    v.stats[at] += k.getLossSum();
    v.stats[at + 1] += k.getPairCount();
    v.stats[at + 2] += words;
    yield;
  }
}
