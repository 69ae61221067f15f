/**
 * Pure geometry of the playground's pictures (no DOM): where a line a·u + b·v + c = 0 crosses a box, how a value
 * of the output or of a hidden unit becomes a signed tone, how wide an edge is drawn, and a box around points.
 */

export interface Box {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** The segment of the line a·u + b·v + c = 0 inside the box, or null when it misses the box. */
export function clipLine(line: { a: number; b: number; c: number }, box: Box): [[number, number], [number, number]] | null {
  const { a, b, c } = line;
  const hits: [number, number][] = [];
  const add = (u: number, v: number) => {
    if (!Number.isFinite(u) || !Number.isFinite(v)) return;
    const epsU = 1e-9 * (box.xmax - box.xmin);
    const epsV = 1e-9 * (box.ymax - box.ymin);
    if (u < box.xmin - epsU || u > box.xmax + epsU || v < box.ymin - epsV || v > box.ymax + epsV) return;
    if (hits.some(([p, q]) => Math.abs(p - u) <= epsU && Math.abs(q - v) <= epsV)) return;
    hits.push([u, v]);
  };
  if (b !== 0) {
    add(box.xmin, -(a * box.xmin + c) / b);
    add(box.xmax, -(a * box.xmax + c) / b);
  }
  if (a !== 0) {
    add(-(b * box.ymin + c) / a, box.ymin);
    add(-(b * box.ymax + c) / a, box.ymax);
  }
  if (hits.length < 2) return null;
  return [hits[0], hits[1]];
}

/**
 * A value as a signed tone in [−1, 1] (positive: the class-1 colour, negative: the class-0 colour, 0: background).
 * Probabilities and sigmoid units are centred on ½, tanh units on 0; ReLU units (≥ 0) are scaled by `max`.
 */
export function tone(value: number, kind: 'probability' | 'tanh' | 'sigmoid' | 'relu', max = 1): number {
  const t = kind === 'probability' || kind === 'sigmoid' ? 2 * (value - 0.5) : kind === 'tanh' ? value : max > 0 ? value / max : 0;
  return Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
}

/** Line width of an edge for weight w when the largest |weight| drawn is `maxAbs`: 0.5 … 6 CSS pixels. */
export function edgeWidth(w: number, maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(w)) return 0.5;
  return 0.5 + 5.5 * Math.min(1, Math.abs(w) / maxAbs);
}

/** A box around points, widened by `margin` of its size (and to at least ±0.5 around a single value). */
export function boxAround(points: readonly (readonly number[])[], margin = 0.1): Box {
  let [xmin, xmax, ymin, ymax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [u, v] of points) {
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    xmin = Math.min(xmin, u);
    xmax = Math.max(xmax, u);
    ymin = Math.min(ymin, v);
    ymax = Math.max(ymax, v);
  }
  if (xmin > xmax) return { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };
  const mx = Math.max(0.5 - (xmax - xmin) / 2, margin * (xmax - xmin));
  const my = Math.max(0.5 - (ymax - ymin) / 2, margin * (ymax - ymin));
  return { xmin: xmin - mx, xmax: xmax + mx, ymin: ymin - my, ymax: ymax + my };
}
