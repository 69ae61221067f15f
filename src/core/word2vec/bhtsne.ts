/**
 * Barnes–Hut t-SNE (van der Maaten 2014) for maps of thousands of words, where exact t-SNE's n × n matrices do not
 * fit: input affinities only between each point and its K = 3·perplexity nearest neighbours (found by the caller),
 * repulsion between far groups of points approximated by a quadtree's centres of mass (θ = 0.5). Gradient descent
 * with momentum and per-coordinate gains, early exaggeration 12 for the first 250 iterations. One `step()` is one
 * iteration, so a caller can report progress and stop between iterations.
 */
import { bounds2d } from '../util/bounds';
import { Rng } from '../util/rng';

export interface BhTsneOptions {
  perplexity: number;
  iterations: number;
  /** Default max(200, n / 12). */
  learningRate?: number;
  theta?: number;
  seed: number;
}

/** Row i's neighbours: `index[i*K .. i*K+K)` with squared distances `dist2` alongside. */
export interface NeighbourGraph {
  k: number;
  index: Int32Array;
  dist2: Float32Array;
}

const EXAGGERATION = 12;
const EXAGGERATION_ITERS = 250;

/** p_{j|i} over each row's neighbours, with the Gaussian's width set by binary search to the given perplexity. */
export function conditionalP(g: NeighbourGraph, n: number, perplexity: number): Float64Array {
  const { k } = g;
  const P = new Float64Array(n * k);
  const target = Math.log(perplexity);
  for (let i = 0; i < n; i++) {
    let beta = 1, lo = -Infinity, hi = Infinity;
    const off = i * k;
    let minD = Infinity;
    for (let j = 0; j < k; j++) minD = Math.min(minD, g.dist2[off + j]);
    for (let it = 0; it < 64; it++) {
      let sum = 0, hsum = 0;
      for (let j = 0; j < k; j++) {
        const p = Math.exp(-beta * (g.dist2[off + j] - minD));
        P[off + j] = p;
        sum += p;
        hsum += beta * (g.dist2[off + j] - minD) * p;
      }
      const H = Math.log(sum) + hsum / sum;
      for (let j = 0; j < k; j++) P[off + j] /= sum;
      if (Math.abs(H - target) < 1e-5) break;
      if (H > target) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
  }
  return P;
}

/** A quadtree in flat arrays: per node its square (centre, half-width), mass centre, count, children or one point. */
class QuadTree {
  cx = new Float64Array(0);
  cy = new Float64Array(0);
  hw = new Float64Array(0);
  mx = new Float64Array(0);
  my = new Float64Array(0);
  count = new Int32Array(0);
  child = new Int32Array(0);
  point = new Int32Array(0);
  size = 0;

  build(Y: Float64Array, n: number): void {
    const { x0, x1, y0, y1 } = bounds2d(Y.subarray(0, 2 * n));
    this.size = 0;
    this.ensure(4 * n + 8);
    this.node((x0 + x1) / 2, (y0 + y1) / 2, Math.max(x1 - x0, y1 - y0, 1e-9) / 2 + 1e-9);
    for (let i = 0; i < n; i++) this.insert(0, i, Y[2 * i], Y[2 * i + 1], 0);
  }

  private ensure(cap: number): void {
    if (this.cx.length >= cap) return;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (m: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    const f = (m: number) => new Float64Array(m);
    const g = (m: number) => new Int32Array(m);
    [this.cx, this.cy, this.hw, this.mx, this.my] = [this.cx, this.cy, this.hw, this.mx, this.my].map((a) => grow(a, f));
    [this.count, this.child, this.point] = [grow(this.count, g), grow(this.child, (m) => new Int32Array(4 * m)), grow(this.point, g)];
  }

  private node(cx: number, cy: number, hw: number): number {
    if (this.size + 1 > this.cx.length) this.ensure(this.cx.length * 2);
    const k = this.size++;
    this.cx[k] = cx;
    this.cy[k] = cy;
    this.hw[k] = hw;
    this.mx[k] = this.my[k] = 0;
    this.count[k] = 0;
    this.child.fill(-1, 4 * k, 4 * k + 4);
    this.point[k] = -1;
    return k;
  }

  private insert(k: number, i: number, x: number, y: number, depth: number): void {
    for (;;) {
      const c = this.count[k]++;
      this.mx[k] += (x - this.mx[k]) / (c + 1);
      this.my[k] += (y - this.my[k]) / (c + 1);
      if (c === 0) {
        this.point[k] = i;
        return;
      }
      if (depth > 40) return; // coincident points: they stay together in this node
      if (this.point[k] >= 0 && c === 1) {
        const j = this.point[k];
        this.point[k] = -1;
        const [px, py] = [(this.mx[k] * 2 - x), (this.my[k] * 2 - y)];
        const q = this.quadrant(k, px, py);
        this.count[q]++;
        this.mx[q] = px;
        this.my[q] = py;
        this.point[q] = j;
      }
      k = this.quadrant(k, x, y);
      depth++;
    }
  }

  private quadrant(k: number, x: number, y: number): number {
    const q = (x >= this.cx[k] ? 1 : 0) + (y >= this.cy[k] ? 2 : 0);
    let c = this.child[4 * k + q];
    if (c < 0) {
      const h = this.hw[k] / 2;
      c = this.node(this.cx[k] + (q & 1 ? h : -h), this.cy[k] + (q & 2 ? h : -h), h);
      this.child[4 * k + q] = c;
    }
    return c;
  }

  /** Repulsion on (x, y): adds Σ N·q²·(y_i − c) into out[0..1] and returns Σ N·q (q = 1 / (1 + d²)). */
  repulse(x: number, y: number, theta2: number, out: Float64Array, stack: Int32Array): number {
    let sumQ = 0, top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const k = stack[--top];
      const cnt = this.count[k];
      if (cnt === 0) continue;
      const dx = x - this.mx[k], dy = y - this.my[k];
      const d2 = dx * dx + dy * dy;
      const leaf = this.child[4 * k] < 0 && this.child[4 * k + 1] < 0 && this.child[4 * k + 2] < 0 && this.child[4 * k + 3] < 0;
      const side = 2 * this.hw[k];
      if (leaf || side * side < theta2 * d2) {
        if (d2 === 0) continue; // the point itself
        const q = 1 / (1 + d2);
        sumQ += cnt * q;
        out[0] += cnt * q * q * dx;
        out[1] += cnt * q * q * dy;
      } else {
        for (let c = 0; c < 4; c++) if (this.child[4 * k + c] >= 0) stack[top++] = this.child[4 * k + c];
      }
    }
    return sumQ;
  }
}

export class BhTsne {
  readonly Y: Float64Array;
  private readonly P: Float64Array;
  private readonly gains: Float64Array;
  private readonly update: Float64Array;
  private readonly grad: Float64Array;
  private readonly tree = new QuadTree();
  private readonly stack = new Int32Array(4096);
  private readonly lr: number;
  private readonly theta2: number;
  iteration = 0;

  constructor(
    private readonly graph: NeighbourGraph,
    private readonly n: number,
    private readonly opts: BhTsneOptions,
  ) {
    this.P = conditionalP(graph, n, opts.perplexity);
    const rng = new Rng(opts.seed);
    this.Y = Float64Array.from({ length: 2 * n }, () => 1e-4 * gaussian(rng));
    this.gains = new Float64Array(2 * n).fill(1);
    this.update = new Float64Array(2 * n);
    this.grad = new Float64Array(2 * n);
    this.lr = opts.learningRate ?? Math.max(200, n / EXAGGERATION);
    this.theta2 = (opts.theta ?? 0.5) ** 2;
  }

  get done(): boolean {
    return this.iteration >= this.opts.iterations;
  }

  /** One gradient-descent iteration. */
  step(): void {
    const { n, Y, grad } = this;
    const exaggerate = this.iteration < EXAGGERATION_ITERS ? EXAGGERATION : 1;
    grad.fill(0);
    this.attract(exaggerate);
    this.tree.build(Y, n);
    const rep = new Float64Array(2 * n);
    const acc = new Float64Array(2);
    let Z = 0;
    for (let i = 0; i < n; i++) {
      acc[0] = acc[1] = 0;
      Z += this.tree.repulse(Y[2 * i], Y[2 * i + 1], this.theta2, acc, this.stack);
      rep[2 * i] = acc[0];
      rep[2 * i + 1] = acc[1];
    }
    const momentum = this.iteration < EXAGGERATION_ITERS ? 0.5 : 0.8;
    for (let t = 0; t < 2 * n; t++) {
      const g = 4 * (grad[t] - rep[t] / Z);
      const sameSign = g > 0 === this.update[t] > 0;
      this.gains[t] = Math.max(0.01, sameSign ? this.gains[t] * 0.8 : this.gains[t] + 0.2);
      this.update[t] = momentum * this.update[t] - this.lr * this.gains[t] * g;
      Y[t] += this.update[t];
    }
    this.center();
    this.iteration++;
  }

  /** Attractive forces: symmetric P_ij = (p_{j|i} + p_{i|j}) / 2n, summed over both directed edges. */
  private attract(exaggerate: number): void {
    const { n, Y, grad, P } = this;
    const { k, index } = this.graph;
    const scale = exaggerate / (2 * n);
    for (let i = 0; i < n; i++) {
      for (let e = i * k; e < i * k + k; e++) {
        const j = index[e];
        if (j < 0 || j === i) continue;
        const dx = Y[2 * i] - Y[2 * j], dy = Y[2 * i + 1] - Y[2 * j + 1];
        const f = (scale * P[e]) / (1 + dx * dx + dy * dy);
        grad[2 * i] += f * dx;
        grad[2 * i + 1] += f * dy;
        grad[2 * j] -= f * dx;
        grad[2 * j + 1] -= f * dy;
      }
    }
  }

  private center(): void {
    let sx = 0, sy = 0;
    for (let i = 0; i < this.n; i++) {
      sx += this.Y[2 * i];
      sy += this.Y[2 * i + 1];
    }
    for (let i = 0; i < this.n; i++) {
      this.Y[2 * i] -= sx / this.n;
      this.Y[2 * i + 1] -= sy / this.n;
    }
  }
}

function gaussian(rng: Rng): number {
  const u = Math.max(1e-12, rng.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
