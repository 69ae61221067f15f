/**
 * Timing bounds that hold on a loaded machine: a latency is compared with a reference measured in the same test
 * (how far apart the trainer's own progress reports were), not with a fixed number of milliseconds alone.
 */

/** Record when each progress report arrives; `gap()` is the longest time between two consecutive ones. */
export class ProgressClock {
  private last: number | undefined;
  private longest = 0;
  tick(): void {
    this.tickAt(performance.now());
  }
  /** A report that arrived at `now` (milliseconds on any one clock). */
  tickAt(now: number): void {
    if (this.last !== undefined) this.longest = Math.max(this.longest, now - this.last);
    this.last = now;
  }
  gap(): number {
    return this.longest;
  }
  /**
   * How long a stop may take: `ms` on an idle machine, or — when the machine is slow enough that progress reports
   * (which the trainer sends between steps, a few a second) came further apart — three of the longest gaps.
   */
  stopBound(ms = 1000): number {
    return Math.max(ms, 3 * this.longest);
  }
}

/** The best (smallest) of `n` timings of fn, in milliseconds. */
export function bestOf(n: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
