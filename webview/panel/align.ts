/** Pure data shaping for the loss chart (no DOM), so it can be unit-tested. */

export interface RunSeries {
  id: string;
  label: string;
  steps: number[];
  losses: number[];
  visible: boolean;
}

/** uPlot's aligned data: x values, then one y array per series (null = no point). */
export type Aligned = [number[], ...(number | null)[][]];

/**
 * Align runs on the union of their steps (a k-way merge; each run's steps ascend). Missing values are null;
 * in log mode non-positive losses are null too (log of 0 is undefined).
 */
export function align(runs: RunSeries[], log: boolean): Aligned {
  if (runs.length === 0) return [[]];
  if (runs.length === 1) {
    const r = runs[0];
    return [r.steps, log ? r.losses.map((v) => (v > 0 ? v : null)) : r.losses] as Aligned;
  }
  const idx = runs.map(() => 0);
  const xs: number[] = [];
  const ys: (number | null)[][] = runs.map(() => []);
  for (;;) {
    let next = Infinity;
    for (let k = 0; k < runs.length; k++) if (idx[k] < runs[k].steps.length && runs[k].steps[idx[k]] < next) next = runs[k].steps[idx[k]];
    if (next === Infinity) break;
    xs.push(next);
    for (let k = 0; k < runs.length; k++) {
      if (idx[k] < runs[k].steps.length && runs[k].steps[idx[k]] === next) {
        const v = runs[k].losses[idx[k]++];
        ys[k].push(log && !(v > 0) ? null : v);
      } else {
        ys[k].push(null);
      }
    }
  }
  return [xs, ...ys] as Aligned;
}
