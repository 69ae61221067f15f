/** The bounding box of 2D points stored flat as [x0, y0, x1, y1, ...]: all of them, or those at `indices`. */
export function bounds2d(xy: ArrayLike<number>, indices?: Iterable<number>): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const each = indices ?? Array.from({ length: xy.length >> 1 }, (_, i) => i);
  for (const i of each) {
    const x = xy[2 * i], y = xy[2 * i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, x1, y0, y1 };
}
