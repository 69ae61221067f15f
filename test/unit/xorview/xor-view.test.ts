/**
 * The playground view's pure geometry (webview/panel/xorGeometry.ts): line clipping, tones, edge widths, boxes.
 * Each result is checked against the defining equation, not a stored answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxAround, clipLine, edgeWidth, tone } from '../../../webview/panel/xorGeometry';

const box = { xmin: -1, xmax: 2, ymin: -0.5, ymax: 1.5 };
const inside = ([u, v]: [number, number]) => u >= box.xmin - 1e-9 && u <= box.xmax + 1e-9 && v >= box.ymin - 1e-9 && v <= box.ymax + 1e-9;
const onBorder = ([u, v]: [number, number]) => [Math.abs(u - box.xmin), Math.abs(u - box.xmax), Math.abs(v - box.ymin), Math.abs(v - box.ymax)].some((d) => d < 1e-9);

test('clipLine: both ends on the line and on the box border, distinct; null when the line misses', () => {
  const lines = [
    { a: 1, b: 1, c: -1 },
    { a: 0.3, b: -2, c: 0.1 },
    { a: 1, b: 0, c: -0.5 }, // vertical u = 0.5
    { a: 0, b: 2, c: -1 }, // horizontal v = 0.5
    { a: 1, b: -1, c: 0 }, // through a corner region
    { a: -1.5, b: 1, c: 1.5 }, // through the corner (2, 1.5)… and (1, 0)
  ];
  for (const l of lines) {
    const seg = clipLine(l, box);
    assert.ok(seg, `${JSON.stringify(l)} crosses the box`);
    for (const p of seg) {
      assert.ok(Math.abs(l.a * p[0] + l.b * p[1] + l.c) < 1e-9, `${JSON.stringify(p)} is not on ${JSON.stringify(l)}`);
      assert.ok(inside(p) && onBorder(p), `${JSON.stringify(p)} is not on the border of the box`);
    }
    assert.ok(Math.hypot(seg[0][0] - seg[1][0], seg[0][1] - seg[1][1]) > 1e-6, 'the two ends coincide');
  }
  assert.equal(clipLine({ a: 1, b: 1, c: -10 }, box), null);
  assert.equal(clipLine({ a: 1, b: 0, c: 5 }, box), null);
  assert.equal(clipLine({ a: 0, b: 0, c: 1 }, box), null);
});

test('tone: ½ and 0 are neutral, the ends are ±1, ReLU scaled by the largest value, clamped, NaN neutral', () => {
  assert.equal(tone(0.5, 'probability'), 0);
  assert.equal(tone(1, 'probability'), 1);
  assert.equal(tone(0, 'sigmoid'), -1);
  assert.ok(Math.abs(tone(0.75, 'probability') - 0.5) < 1e-15);
  assert.equal(tone(-0.25, 'tanh'), -0.25);
  assert.equal(tone(3, 'relu', 4), 0.75);
  assert.equal(tone(3, 'relu', 0), 0);
  assert.equal(tone(5, 'tanh'), 1);
  assert.equal(tone(Number.NaN, 'tanh'), 0);
});

test('edgeWidth grows with |w| from 0.5 to 6 and ignores the sign', () => {
  assert.equal(edgeWidth(0, 2), 0.5);
  assert.equal(edgeWidth(2, 2), 6);
  assert.equal(edgeWidth(-2, 2), 6);
  assert.equal(edgeWidth(1, 2), 0.5 + 5.5 / 2);
  assert.ok(edgeWidth(0.5, 2) < edgeWidth(-1, 2));
  assert.equal(edgeWidth(1, 0), 0.5);
});

test('boxAround holds every point with the margin, and is at least 1 wide around a single point', () => {
  const pts = [[0, 0], [2, -1], [1, 3]];
  const b = boxAround(pts, 0.1);
  assert.ok(Math.abs(b.xmin - -0.2) < 1e-12 && Math.abs(b.xmax - 2.2) < 1e-12);
  assert.ok(Math.abs(b.ymin - -1.4) < 1e-12 && Math.abs(b.ymax - 3.4) < 1e-12);
  const one = boxAround([[3, 3], [3, 3]]);
  assert.ok(Math.abs(one.xmax - one.xmin - 1) < 1e-12 && one.xmin < 3 && one.xmax > 3);
  // A line of points (the 1-unit hidden space: v = 0 for all) still gets a vertical extent.
  const flat = boxAround([[0, 0], [1, 0]]);
  assert.ok(flat.ymax > flat.ymin);
  assert.deepEqual(boxAround([]), { xmin: -1, xmax: 1, ymin: -1, ymax: 1 });
});
