/**
 * Worked examples, computed at hover time by our own math code. Each kind has default inputs (small, readable
 * numbers) and a compute function; the study panel may call `computeExample(kind, editedInputs)` with new numbers.
 */

export type ExampleKind =
  | 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'hardtanh' | 'step' | 'softmax' | 'mse' | 'cross-entropy'
  | 'binary-cross-entropy' | 'hinge' | 'zero-one' | 'nll' | 'empirical-risk' | 'linear' | 'logistic' | 'affine'
  | 'mlp-xor' | 'rnn' | 'lstm' | 'gru' | 'gradient-descent' | 'adam' | 'chain-rule' | 'bptt' | 'regularization'
  | 'dropout' | 'sequence-probability' | 'ngram' | 'surprisal' | 'perplexity' | 'skipgram-softmax' | 'sgns' | 'cosine'
  | 'attention' | 'sdpa' | 'masked-attention' | 'positional' | 'bayes' | 'mle' | 'kl' | 'norms' | 'trace' | 'cauchy-schwarz';

export type Value = number | number[] | number[][];

export interface ExampleField {
  name: string;
  label: string;
  value: Value;
}

export interface WorkedExample {
  kind: ExampleKind;
  inputs: ExampleField[];
  outputs: ExampleField[];
  /** One or two plain sentences with the numbers (no markup). */
  text: string;
}

// ---------- math ----------

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
export const relu = (z: number): number => Math.max(0, z);
export const leakyRelu = (z: number, a = 0.01): number => (z >= 0 ? z : a * z);
export const hardtanh = (z: number): number => Math.max(-1, Math.min(1, z));
export const step = (z: number): number => (z >= 0 ? 1 : 0);
export const hinge = (margin: number): number => Math.max(0, 1 - margin);

/** Numerically stable softmax (subtracts the maximum first). */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) return [];
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
export const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
export const norm2 = (a: readonly number[]): number => Math.sqrt(dot(a, a));
export function cosine(a: readonly number[], b: readonly number[]): number {
  const d = norm2(a) * norm2(b);
  return d === 0 ? NaN : dot(a, b) / d;
}
/** −Σ p log q (natural log); q entries are clipped at 1e-12. */
export const crossEntropy = (p: readonly number[], q: readonly number[]): number => -p.reduce((s, pi, i) => s + (pi === 0 ? 0 : pi * Math.log(Math.max(q[i] ?? 0, 1e-12))), 0);
export const kl = (p: readonly number[], q: readonly number[]): number => p.reduce((s, pi, i) => s + (pi === 0 ? 0 : pi * Math.log(pi / Math.max(q[i] ?? 0, 1e-12))), 0);
export const perplexity = (probs: readonly number[]): number => Math.exp(-probs.reduce((s, p) => s + Math.log(Math.max(p, 1e-12)), 0) / Math.max(1, probs.length));
export const matVec = (W: readonly number[][], x: readonly number[]): number[] => W.map((row) => dot(row, x));

// ---------- formatting ----------

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'undefined' : v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  let s: string;
  if (a !== 0 && (a < 0.001 || a >= 1e6)) s = v.toExponential(2);
  else if (a < 0.01) s = v.toFixed(4);
  else if (a < 0.1) s = v.toFixed(3);
  else s = v.toFixed(2);
  s = s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return s.replace(/^-/, '−');
}
export const vec = (v: readonly number[]): string => `(${v.map(fmt).join(', ')})`;
const mat = (m: readonly number[][]): string => `[${m.map(vec).join(', ')}]`;

// ---------- the examples ----------

interface Spec {
  inputs: ExampleField[];
  compute(get: (name: string) => Value): { outputs: ExampleField[]; text: string };
}

const num = (v: Value): number => (typeof v === 'number' ? v : Array.isArray(v) && typeof v[0] === 'number' ? (v[0] as number) : NaN);
const arr = (v: Value): number[] => (typeof v === 'number' ? [v] : (v as unknown[]).map((x) => (typeof x === 'number' ? x : NaN)));
const matrix = (v: Value): number[][] => (Array.isArray(v) && Array.isArray(v[0]) ? (v as number[][]) : [arr(v)]);

function pointwise(name: string, f: (z: number) => number, inputs = [-2, 0, 2]): Spec {
  return {
    inputs: [{ name: 'z', label: 'inputs z', value: inputs }],
    compute(get) {
      const z = arr(get('z'));
      const y = z.map(f);
      return { outputs: [{ name: 'y', label: `${name}(z)`, value: y }], text: z.map((v, i) => `${name}(${fmt(v)}) = ${fmt(y[i])}`).join(', ') + '.' };
    },
  };
}

const SPECS: Record<ExampleKind, Spec> = {
  sigmoid: pointwise('σ', sigmoid),
  tanh: pointwise('tanh', Math.tanh),
  relu: pointwise('ReLU', relu, [-2, -0.5, 0, 1.5]),
  'leaky-relu': {
    inputs: [{ name: 'z', label: 'inputs z', value: [-2, -0.5, 0, 1.5] }, { name: 'alpha', label: 'negative slope α', value: 0.01 }],
    compute(get) {
      const z = arr(get('z'));
      const a = num(get('alpha'));
      const y = z.map((v) => leakyRelu(v, a));
      return { outputs: [{ name: 'y', label: 'LeakyReLU(z)', value: y }], text: `With α = ${fmt(a)}: ` + z.map((v, i) => `f(${fmt(v)}) = ${fmt(y[i])}`).join(', ') + '.' };
    },
  },
  hardtanh: pointwise('hardtanh', hardtanh, [-2, -0.5, 0.3, 1.7]),
  step: pointwise('step', step, [-1, -0.1, 0, 0.4]),
  softmax: {
    inputs: [{ name: 'z', label: 'scores z', value: [1.8, -1.9, 2.9, -0.9] }],
    compute(get) {
      const z = arr(get('z'));
      const p = softmax(z);
      const best = p.indexOf(Math.max(...p));
      return {
        outputs: [{ name: 'p', label: 'softmax(z)', value: p }],
        text: `softmax${vec(z)} = ${vec(p)}; the probabilities sum to ${fmt(p.reduce((a, b) => a + b, 0))}, and entry ${best + 1} (score ${fmt(z[best])}) gets the largest share.`,
      };
    },
  },
  mse: {
    inputs: [{ name: 'y', label: 'targets y', value: [3, -0.5, 2] }, { name: 'yhat', label: 'predictions ŷ', value: [2.5, 0, 2] }],
    compute(get) {
      const [y, yh] = [arr(get('y')), arr(get('yhat'))];
      const sq = y.map((v, i) => (v - (yh[i] ?? 0)) ** 2);
      const m = sq.reduce((a, b) => a + b, 0) / Math.max(1, sq.length);
      return { outputs: [{ name: 'squared', label: 'squared errors', value: sq }, { name: 'mse', label: 'MSE', value: m }], text: `Squared errors ${vec(sq)}, mean ${fmt(m)}.` };
    },
  },
  'cross-entropy': {
    inputs: [{ name: 'y', label: 'true distribution y', value: [0, 0, 1, 0] }, { name: 'q', label: 'predicted ŷ', value: softmax([1.8, -1.9, 2.9, -0.9]) }],
    compute(get) {
      const [y, q] = [arr(get('y')), arr(get('q'))];
      const h = crossEntropy(y, q);
      return { outputs: [{ name: 'ce', label: 'cross-entropy (nats)', value: h }], text: `−Σ y log ŷ with y = ${vec(y)}, ŷ = ${vec(q)} gives ${fmt(h)} nats (${fmt(h / Math.LN2)} bits).` };
    },
  },
  'binary-cross-entropy': {
    inputs: [{ name: 'y', label: 'label y (0 or 1)', value: 1 }, { name: 'p', label: 'predicted P(y = 1)', value: 0.8 }],
    compute(get) {
      const y = num(get('y'));
      const p = Math.min(1 - 1e-12, Math.max(1e-12, num(get('p'))));
      const l = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      const l2 = -((1 - y) * Math.log(p) + y * Math.log(1 - p));
      return { outputs: [{ name: 'loss', label: 'BCE', value: l }], text: `y = ${fmt(y)}, p = ${fmt(p)}: loss = ${fmt(l)}; had the label been ${fmt(1 - y)} the same p would cost ${fmt(l2)}.` };
    },
  },
  hinge: {
    inputs: [{ name: 'y', label: 'label y (±1)', value: 1 }, { name: 's', label: 'scores s', value: [-0.5, 0.3, 1.2] }],
    compute(get) {
      const y = num(get('y'));
      const s = arr(get('s'));
      const l = s.map((v) => hinge(y * v));
      return { outputs: [{ name: 'loss', label: 'max(0, 1 − y·s)', value: l }], text: `With y = ${fmt(y)}: ` + s.map((v, i) => `s = ${fmt(v)} → ${fmt(l[i])}`).join(', ') + ' (zero once the margin y·s reaches 1).' };
    },
  },
  'zero-one': {
    inputs: [{ name: 'y', label: 'labels y', value: [1, 0, 1, 1] }, { name: 'yhat', label: 'predictions ŷ', value: [1, 1, 1, 0] }],
    compute(get) {
      const [y, yh] = [arr(get('y')), arr(get('yhat'))];
      const l: number[] = y.map((v, i) => (v === yh[i] ? 0 : 1));
      const rate = l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
      return { outputs: [{ name: 'loss', label: '0–1 losses', value: l }, { name: 'rate', label: 'error rate', value: rate }], text: `Losses ${vec(l)}: error rate ${fmt(rate)}.` };
    },
  },
  nll: {
    inputs: [{ name: 'p', label: 'probability of the correct answer, per example', value: [0.7, 0.2, 0.9] }],
    compute(get) {
      const p = arr(get('p'));
      const l = p.map((v) => -Math.log(Math.max(v, 1e-12)));
      const s = l.reduce((a, b) => a + b, 0);
      return { outputs: [{ name: 'terms', label: '−log p', value: l }, { name: 'sum', label: 'sum', value: s }, { name: 'mean', label: 'mean', value: s / Math.max(1, l.length) }], text: `−log p = ${vec(l)}; sum ${fmt(s)}, mean ${fmt(s / Math.max(1, l.length))} nats. The 0.2 example costs most.` };
    },
  },
  'empirical-risk': {
    inputs: [{ name: 'losses', label: 'loss of each training example', value: [0.1, 0.7, 0.2, 1.4] }],
    compute(get) {
      const l = arr(get('losses'));
      const m = l.reduce((a, b) => a + b, 0) / Math.max(1, l.length);
      return { outputs: [{ name: 'risk', label: 'empirical risk', value: m }], text: `The average of ${vec(l)} is ${fmt(m)}.` };
    },
  },
  linear: {
    inputs: [{ name: 'w', label: 'weights w', value: [2, -1] }, { name: 'x', label: 'input x', value: [1.5, 0.5] }, { name: 'b', label: 'bias b', value: 0.5 }],
    compute(get) {
      const [w, x] = [arr(get('w')), arr(get('x'))];
      const b = num(get('b'));
      const y = dot(w, x) + b;
      return { outputs: [{ name: 'yhat', label: 'ŷ', value: y }], text: `w·x + b = ${w.map((wi, i) => `${fmt(wi)}·${fmt(x[i] ?? 0)}`).join(' + ')} + ${fmt(b)} = ${fmt(y)}.` };
    },
  },
  logistic: {
    inputs: [{ name: 'w', label: 'weights w', value: [2, -1] }, { name: 'x', label: 'input x', value: [1.5, 0.5] }, { name: 'b', label: 'bias b', value: -1 }],
    compute(get) {
      const [w, x] = [arr(get('w')), arr(get('x'))];
      const b = num(get('b'));
      const z = dot(w, x) + b;
      const p = sigmoid(z);
      return { outputs: [{ name: 'z', label: 'score w·x + b', value: z }, { name: 'p', label: 'P(y = 1 | x)', value: p }], text: `Score w·x + b = ${fmt(z)}, so P(y = 1 | x) = σ(${fmt(z)}) = ${fmt(p)}: predict ${p >= 0.5 ? '1' : '0'}.` };
    },
  },
  affine: {
    inputs: [{ name: 'W', label: 'weight matrix W', value: [[1, -1], [0.5, 2]] }, { name: 'x', label: 'input x', value: [1, 2] }, { name: 'b', label: 'bias b', value: [0, -1] }],
    compute(get) {
      const W = matrix(get('W'));
      const [x, b] = [arr(get('x')), arr(get('b'))];
      const z = matVec(W, x).map((v, i) => v + (b[i] ?? 0));
      return { outputs: [{ name: 'z', label: 'Wx + b', value: z }, { name: 'relu', label: 'ReLU(Wx + b)', value: z.map(relu) }], text: `Wx + b = ${vec(z)}; after a ReLU: ${vec(z.map(relu))}.` };
    },
  },
  'mlp-xor': {
    inputs: [{ name: 'W1', label: 'hidden weights W₁', value: [[1, 1], [1, 1]] }, { name: 'b1', label: 'hidden bias b₁', value: [0, -1] }, { name: 'w2', label: 'output weights w₂', value: [1, -2] }],
    compute(get) {
      const W1 = matrix(get('W1'));
      const [b1, w2] = [arr(get('b1')), arr(get('w2'))];
      const pts = [[0, 0], [0, 1], [1, 0], [1, 1]];
      const out = pts.map((x) => dot(w2, matVec(W1, x).map((v, i) => relu(v + (b1[i] ?? 0)))));
      return { outputs: [{ name: 'y', label: 'outputs on (0,0), (0,1), (1,0), (1,1)', value: out }], text: `A 2-2-1 ReLU network: outputs ${vec(out)} on (0,0), (0,1), (1,0), (1,1) — XOR, which no linear model can produce.` };
    },
  },
  rnn: {
    inputs: [{ name: 'xs', label: 'inputs x₁…x₄', value: [1, 0, 0, 0] }, { name: 'wh', label: 'recurrent weight', value: 0.5 }, { name: 'wx', label: 'input weight', value: 1 }],
    compute(get) {
      const xs = arr(get('xs'));
      const wh = num(get('wh'));
      const wx = num(get('wx'));
      const hs: number[] = [];
      let h = 0;
      for (const x of xs) {
        h = Math.tanh(wh * h + wx * x);
        hs.push(h);
      }
      return { outputs: [{ name: 'h', label: 'states h₁…h_T', value: hs }], text: `Starting from h₀ = 0 with tanh units: h = ${vec(hs)}. The first input fades by about a factor ${fmt(wh)} per step.` };
    },
  },
  lstm: {
    inputs: [
      { name: 'pre', label: 'pre-activations of the forget, input, output gates and candidate', value: [2, -1, 0.5, 1] },
      { name: 'c_prev', label: 'previous cell c_{t−1}', value: 0.8 },
    ],
    compute(get) {
      const pre = arr(get('pre'));
      const [pf, pi, po, pg] = [pre[0] ?? 0, pre[1] ?? 0, pre[2] ?? 0, pre[3] ?? 0];
      const c0 = num(get('c_prev'));
      const f = sigmoid(pf ?? 0);
      const i = sigmoid(pi ?? 0);
      const o = sigmoid(po ?? 0);
      const g = Math.tanh(pg ?? 0);
      const c = f * c0 + i * g;
      const h = o * Math.tanh(c);
      return {
        outputs: [
          { name: 'gates', label: 'f, i, o', value: [f, i, o] },
          { name: 'g', label: 'candidate', value: g },
          { name: 'c', label: 'new cell c_t', value: c },
          { name: 'h', label: 'new hidden h_t', value: h },
        ],
        text: `f = σ(${fmt(pf)}) = ${fmt(f)}, i = σ(${fmt(pi)}) = ${fmt(i)}, o = σ(${fmt(po)}) = ${fmt(o)}, candidate tanh(${fmt(pg)}) = ${fmt(g)}; c_t = ${fmt(f)}·${fmt(c0)} + ${fmt(i)}·${fmt(g)} = ${fmt(c)}, h_t = ${fmt(o)}·tanh(${fmt(c)}) = ${fmt(h)}.`,
      };
    },
  },
  gru: {
    inputs: [{ name: 'z', label: 'update gate pre-activation', value: 0 }, { name: 'h_prev', label: 'previous state', value: 0.9 }, { name: 'cand', label: 'candidate state', value: -0.3 }],
    compute(get) {
      const z = sigmoid(num(get('z')));
      const h0 = num(get('h_prev'));
      const c = num(get('cand'));
      const h = (1 - z) * h0 + z * c;
      return { outputs: [{ name: 'zt', label: 'z_t', value: z }, { name: 'h', label: 'h_t', value: h }], text: `z_t = ${fmt(z)}: h_t = (1 − ${fmt(z)})·${fmt(h0)} + ${fmt(z)}·${fmt(c)} = ${fmt(h)}.` };
    },
  },
  'gradient-descent': {
    inputs: [{ name: 'theta', label: 'start θ (minimising L(θ) = θ²)', value: 3 }, { name: 'eta', label: 'learning rate η', value: 0.1 }, { name: 'steps', label: 'steps', value: 5 }],
    compute(get) {
      let th = num(get('theta'));
      const eta = num(get('eta'));
      const n = Math.max(0, Math.min(50, Math.round(num(get('steps')) || 0)));
      const path = [th];
      for (let k = 0; k < n; k++) {
        th = th - eta * 2 * th;
        path.push(th);
      }
      return { outputs: [{ name: 'path', label: 'θ after each step', value: path }], text: `On L(θ) = θ² (gradient 2θ) with η = ${fmt(eta)}: θ goes ${path.map(fmt).join(' → ')}${Math.abs(1 - 2 * eta) >= 1 ? ' — η is too large, it does not converge' : ''}.` };
    },
  },
  adam: {
    inputs: [{ name: 'g', label: 'gradients g₁, g₂, g₃', value: [0.5, 0.4, 0.6] }, { name: 'lr', label: 'step size α', value: 0.1 }],
    compute(get) {
      const gs = arr(get('g'));
      const lr = num(get('lr'));
      const b1 = 0.9;
      const b2 = 0.999;
      let m = 0;
      let v = 0;
      const steps: number[] = [];
      gs.forEach((g, k) => {
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        const mh = m / (1 - b1 ** (k + 1));
        const vh = v / (1 - b2 ** (k + 1));
        steps.push(-lr * mh / (Math.sqrt(vh) + 1e-8));
      });
      return { outputs: [{ name: 'steps', label: 'parameter updates', value: steps }], text: `With β₁ = 0.9, β₂ = 0.999 the updates are ${vec(steps)}: about α per step whatever the gradient's scale.` };
    },
  },
  'chain-rule': {
    inputs: [{ name: 'x', label: 'x (for z = sin(y), y = x²)', value: 1 }],
    compute(get) {
      const x = num(get('x'));
      const y = x * x;
      const dzdy = Math.cos(y);
      const dydx = 2 * x;
      return { outputs: [{ name: 'dzdx', label: 'dz/dx', value: dzdy * dydx }], text: `z = sin(y), y = x² at x = ${fmt(x)}: dz/dy = cos(${fmt(y)}) = ${fmt(dzdy)}, dy/dx = ${fmt(dydx)}, so dz/dx = ${fmt(dzdy * dydx)}.` };
    },
  },
  bptt: {
    inputs: [{ name: 'factor', label: 'each Jacobian factor ∂h_t/∂h_{t−1}', value: 0.5 }, { name: 'steps', label: 'steps back', value: 10 }],
    compute(get) {
      const f = num(get('factor'));
      const n = Math.max(0, Math.min(200, Math.round(num(get('steps')) || 0)));
      const g = f ** n;
      return { outputs: [{ name: 'g', label: 'gradient scale', value: g }], text: `${n} factors of ${fmt(f)} multiply to ${fmt(g)}: ${Math.abs(g) < 0.01 ? 'the gradient vanishes' : Math.abs(g) > 100 ? 'the gradient explodes' : 'still usable'}.` };
    },
  },
  regularization: {
    inputs: [{ name: 'loss', label: 'data loss', value: 0.4 }, { name: 'w', label: 'weights w', value: [3, -1, 0.5] }, { name: 'lambda', label: 'λ', value: 0.01 }],
    compute(get) {
      const l = num(get('loss'));
      const w = arr(get('w'));
      const lam = num(get('lambda'));
      const l2 = dot(w, w);
      const l1 = w.reduce((s, v) => s + Math.abs(v), 0);
      return { outputs: [{ name: 'l2', label: 'loss + λ‖w‖²', value: l + lam * l2 }, { name: 'l1', label: 'loss + λ‖w‖₁', value: l + lam * l1 }], text: `‖w‖² = ${fmt(l2)}, ‖w‖₁ = ${fmt(l1)}: total ${fmt(l + lam * l2)} with L2, ${fmt(l + lam * l1)} with L1.` };
    },
  },
  dropout: {
    inputs: [{ name: 'h', label: 'activations h', value: [0.5, 1.2, -0.3, 0.8] }, { name: 'mask', label: 'mask m (1 = keep)', value: [1, 0, 1, 1] }, { name: 'p', label: 'drop probability p', value: 0.25 }],
    compute(get) {
      const [h, m] = [arr(get('h')), arr(get('mask'))];
      const p = num(get('p'));
      const out = h.map((v, i) => (m[i] ? v / (1 - p) : 0));
      return { outputs: [{ name: 'out', label: 'm ⊙ h / (1 − p)', value: out }], text: `Kept units are scaled by 1/(1 − ${fmt(p)}) = ${fmt(1 / (1 - p))}: ${vec(out)}.` };
    },
  },
  'sequence-probability': {
    inputs: [{ name: 'p', label: 'P(w_t | w_<t) for each token', value: [0.2, 0.5, 0.4] }],
    compute(get) {
      const p = arr(get('p'));
      const prod = p.reduce((a, b) => a * b, 1);
      return { outputs: [{ name: 'joint', label: 'P(sequence)', value: prod }], text: `P(w₁w₂w₃) = ${p.map(fmt).join(' × ')} = ${fmt(prod)}; log-probability ${fmt(Math.log(prod))}.` };
    },
  },
  ngram: {
    inputs: [{ name: 'pair', label: 'count("opened their")', value: 6 }, { name: 'prefix', label: 'count("opened")', value: 20 }],
    compute(get) {
      const a = num(get('pair'));
      const b = num(get('prefix'));
      return { outputs: [{ name: 'p', label: 'P(their | opened)', value: a / b }], text: `P(their | opened) = ${fmt(a)} / ${fmt(b)} = ${fmt(a / b)}.` };
    },
  },
  surprisal: {
    inputs: [{ name: 'p', label: 'probabilities', value: [0.5, 0.1, 0.01] }],
    compute(get) {
      const p = arr(get('p'));
      const bits = p.map((v) => -Math.log2(Math.max(v, 1e-12)));
      return { outputs: [{ name: 'bits', label: 'surprisal (bits)', value: bits }], text: p.map((v, i) => `p = ${fmt(v)} → ${fmt(bits[i])} bits`).join(', ') + '.' };
    },
  },
  perplexity: {
    inputs: [{ name: 'p', label: 'probability of each actual next token', value: [0.25, 0.5, 0.1, 0.2] }],
    compute(get) {
      const p = arr(get('p'));
      const pp = perplexity(p);
      return { outputs: [{ name: 'pp', label: 'perplexity', value: pp }, { name: 'avg', label: 'average −log p (nats)', value: Math.log(pp) }], text: `Average −log p = ${fmt(Math.log(pp))} nats, so perplexity = e^${fmt(Math.log(pp))} = ${fmt(pp)}: as unsure as a uniform choice among about ${fmt(pp)} words.` };
    },
  },
  'skipgram-softmax': {
    inputs: [{ name: 'scores', label: 'u_w·v_c for each vocabulary word (the first is the true context word o)', value: [2.1, 0.3, -1, 0.5] }],
    compute(get) {
      const s = arr(get('scores'));
      const p = softmax(s);
      return { outputs: [{ name: 'p', label: 'P(w | c)', value: p }], text: `P(o | c) = ${fmt(p[0])}; the loss −log P(o | c) = ${fmt(-Math.log(p[0]))}. A real vocabulary has tens of thousands of terms in the denominator.` };
    },
  },
  sgns: {
    inputs: [{ name: 'pos', label: 'u_o·v_c (true context word)', value: 2 }, { name: 'neg', label: 'u_k·v_c for k negative samples', value: [0.5, -1, 1.5] }],
    compute(get) {
      const pos = num(get('pos'));
      const neg = arr(get('neg'));
      const lp = Math.log(sigmoid(pos));
      const ln = neg.map((v) => Math.log(sigmoid(-v)));
      const obj = lp + ln.reduce((a, b) => a + b, 0);
      return { outputs: [{ name: 'objective', label: 'log σ(u_o·v_c) + Σ log σ(−u_k·v_c)', value: obj }, { name: 'loss', label: 'loss (negated)', value: -obj }], text: `log σ(${fmt(pos)}) = ${fmt(lp)}; negatives ${vec(ln)}; objective ${fmt(obj)}, loss ${fmt(-obj)}. The negative with score ${fmt(Math.max(...neg))} costs most.` };
    },
  },
  cosine: {
    inputs: [{ name: 'a', label: 'vector a', value: [1, 2, 0] }, { name: 'b', label: 'vector b', value: [2, 1, 1] }],
    compute(get) {
      const [a, b] = [arr(get('a')), arr(get('b'))];
      const c = cosine(a, b);
      return { outputs: [{ name: 'cos', label: 'cosine', value: c }], text: `a·b = ${fmt(dot(a, b))}, ‖a‖ = ${fmt(norm2(a))}, ‖b‖ = ${fmt(norm2(b))}, cosine = ${fmt(c)} (angle ${fmt((Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI)}°).` };
    },
  },
  attention: {
    inputs: [{ name: 'scores', label: 'scores e_i for each encoder state', value: [1, 3, 0.5] }, { name: 'h', label: 'encoder states h_i (one per row)', value: [[1, 0], [0, 1], [1, 1]] }],
    compute(get) {
      const e = arr(get('scores'));
      const H = matrix(get('h'));
      const a = softmax(e);
      const ctx = (H[0] ?? []).map((_, j) => a.reduce((s, ai, i) => s + ai * (H[i]?.[j] ?? 0), 0));
      return { outputs: [{ name: 'alpha', label: 'weights α', value: a }, { name: 'context', label: 'Σ α_i h_i', value: ctx }], text: `α = softmax${vec(e)} = ${vec(a)}; output Σ α_i h_i = ${vec(ctx)}, mostly state ${a.indexOf(Math.max(...a)) + 1}.` };
    },
  },
  sdpa: {
    inputs: [{ name: 'q', label: 'query q', value: [1, 0] }, { name: 'K', label: 'keys K (one per row)', value: [[1, 0], [0, 1], [1, 1]] }, { name: 'V', label: 'values V (one per row)', value: [[1, 2], [3, 4], [5, 6]] }],
    compute(get) {
      const q = arr(get('q'));
      const K = matrix(get('K'));
      const V = matrix(get('V'));
      const d = Math.max(1, q.length);
      const s = K.map((k) => dot(q, k) / Math.sqrt(d));
      const a = softmax(s);
      const out = (V[0] ?? []).map((_, j) => a.reduce((acc, ai, i) => acc + ai * (V[i]?.[j] ?? 0), 0));
      return { outputs: [{ name: 'scores', label: 'q·k/√d', value: s }, { name: 'weights', label: 'softmax weights', value: a }, { name: 'out', label: 'output', value: out }], text: `Scores q·k/√${d} = ${vec(s)}, weights ${vec(a)}, output ${vec(out)}.` };
    },
  },
  'masked-attention': {
    inputs: [{ name: 'scores', label: 'scores of row i = 2 against positions 1…4', value: [0.5, 1, 2, 3] }, { name: 'i', label: 'position i', value: 2 }],
    compute(get) {
      const s = arr(get('scores'));
      const i = Math.round(num(get('i')));
      const masked = s.map((v, j) => (j + 1 <= i ? v : -Infinity));
      const a = softmax(masked.map((v) => (Number.isFinite(v) ? v : -1e9)));
      return { outputs: [{ name: 'weights', label: 'weights after the mask', value: a }], text: `Future positions get −∞ before the softmax: weights ${vec(a)} (exactly 0 after position ${i}).` };
    },
  },
  positional: {
    inputs: [{ name: 'pos', label: 'position', value: 3 }, { name: 'd', label: 'model dimension d', value: 8 }],
    compute(get) {
      const pos = num(get('pos'));
      const d = Math.max(2, Math.min(64, Math.round(num(get('d')) || 2)));
      const pe: number[] = [];
      for (let k = 0; k < d; k++) {
        const i = Math.floor(k / 2);
        const w = pos / 10000 ** ((2 * i) / d);
        pe.push(k % 2 === 0 ? Math.sin(w) : Math.cos(w));
      }
      return { outputs: [{ name: 'pe', label: 'PE(pos)', value: pe }], text: `PE(${fmt(pos)}) with d = ${d}: ${vec(pe)}; early dimensions oscillate fast, later ones slowly.` };
    },
  },
  bayes: {
    inputs: [{ name: 'likelihood', label: 'P(B | A)', value: 0.9 }, { name: 'prior', label: 'P(A)', value: 0.01 }, { name: 'false', label: 'P(B | not A)', value: 0.05 }],
    compute(get) {
      const l = num(get('likelihood'));
      const p = num(get('prior'));
      const f = num(get('false'));
      const ev = l * p + f * (1 - p);
      const post = (l * p) / ev;
      return { outputs: [{ name: 'evidence', label: 'P(B)', value: ev }, { name: 'posterior', label: 'P(A | B)', value: post }], text: `P(B) = ${fmt(l)}·${fmt(p)} + ${fmt(f)}·${fmt(1 - p)} = ${fmt(ev)}; P(A | B) = ${fmt(l * p)} / ${fmt(ev)} = ${fmt(post)} — far below P(B | A) = ${fmt(l)}.` };
    },
  },
  mle: {
    inputs: [{ name: 'data', label: 'coin flips (1 = heads)', value: [1, 0, 1, 1, 0, 1, 1, 0] }],
    compute(get) {
      const x = arr(get('data'));
      const k = x.filter((v) => v === 1).length;
      const p = k / Math.max(1, x.length);
      const ll = k * Math.log(Math.max(p, 1e-12)) + (x.length - k) * Math.log(Math.max(1 - p, 1e-12));
      return { outputs: [{ name: 'p', label: 'θ̂', value: p }, { name: 'll', label: 'log-likelihood at θ̂', value: ll }], text: `${k} heads in ${x.length} flips: θ̂ = ${k}/${x.length} = ${fmt(p)}, log-likelihood ${fmt(ll)}.` };
    },
  },
  kl: {
    inputs: [{ name: 'p', label: 'P', value: [0.5, 0.3, 0.2] }, { name: 'q', label: 'Q', value: [0.4, 0.4, 0.2] }],
    compute(get) {
      const [p, q] = [arr(get('p')), arr(get('q'))];
      const a = kl(p, q);
      const b = kl(q, p);
      return { outputs: [{ name: 'pq', label: 'KL(P‖Q)', value: a }, { name: 'qp', label: 'KL(Q‖P)', value: b }], text: `KL(P‖Q) = ${fmt(a)} nats but KL(Q‖P) = ${fmt(b)}: not symmetric.` };
    },
  },
  norms: {
    inputs: [{ name: 'x', label: 'vector x', value: [3, -4, 0] }],
    compute(get) {
      const x = arr(get('x'));
      const l1 = x.reduce((s, v) => s + Math.abs(v), 0);
      const l2 = norm2(x);
      const li = Math.max(...x.map(Math.abs));
      return { outputs: [{ name: 'l1', label: '‖x‖₁', value: l1 }, { name: 'l2', label: '‖x‖₂', value: l2 }, { name: 'linf', label: '‖x‖∞', value: li }], text: `x = ${vec(x)}: ‖x‖₁ = ${fmt(l1)}, ‖x‖₂ = ${fmt(l2)}, ‖x‖∞ = ${fmt(li)}.` };
    },
  },
  trace: {
    inputs: [{ name: 'A', label: 'matrix A', value: [[2, 1], [1, 3]] }],
    compute(get) {
      const A = matrix(get('A'));
      const t = A.reduce((s, row, i) => s + (row[i] ?? 0), 0);
      let extra = '';
      if (A.length === 2 && A[0].length === 2) {
        const [[a, b], [c, d]] = A;
        const disc = Math.sqrt(Math.max(0, ((a + d) / 2) ** 2 - (a * d - b * c)));
        const l1 = (a + d) / 2 + disc;
        const l2 = (a + d) / 2 - disc;
        extra = ` Its eigenvalues ${fmt(l1)} and ${fmt(l2)} add up to the same ${fmt(l1 + l2)}.`;
      }
      return { outputs: [{ name: 'tr', label: 'tr(A)', value: t }], text: `tr${mat(A)} = ${fmt(t)}.${extra}` };
    },
  },
  'cauchy-schwarz': {
    inputs: [{ name: 'u', label: 'u', value: [1, 2] }, { name: 'v', label: 'v', value: [3, -1] }],
    compute(get) {
      const [u, v] = [arr(get('u')), arr(get('v'))];
      const l = Math.abs(dot(u, v));
      const r = norm2(u) * norm2(v);
      return { outputs: [{ name: 'lhs', label: '|u·v|', value: l }, { name: 'rhs', label: '‖u‖‖v‖', value: r }], text: `|u·v| = ${fmt(l)} ≤ ‖u‖‖v‖ = ${fmt(r)}.` };
    },
  },
};

/** Default inputs of an example kind (copies, safe to edit). */
export function defaultInputs(kind: ExampleKind): ExampleField[] {
  return structuredClone(SPECS[kind].inputs);
}

export function isExampleKind(s: unknown): s is ExampleKind {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(SPECS, s);
}

const MAX_LEN = 64;

/** Validate one edited value against the default's shape: numbers only, finite, bounded length. */
function coerceValue(def: Value, v: unknown): Value {
  const n = (x: unknown) => {
    const y = typeof x === 'string' ? Number(x) : x;
    if (typeof y !== 'number' || !Number.isFinite(y)) throw new Error('inputs must be finite numbers');
    return y;
  };
  if (typeof def === 'number') return n(Array.isArray(v) ? v[0] : v);
  if (!Array.isArray(v)) v = typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : [v];
  const a = v as unknown[];
  if (a.length === 0 || a.length > MAX_LEN) throw new Error(`between 1 and ${MAX_LEN} values`);
  if (Array.isArray(def[0])) return a.map((row) => (Array.isArray(row) ? row.slice(0, MAX_LEN).map(n) : [n(row)]));
  return a.map(n);
}

/**
 * Compute a worked example, with the defaults or with edited inputs (by field name). Bad input gives
 * `{ error }`, never a throw.
 */
export function computeExample(kind: ExampleKind, inputs?: Record<string, unknown> | ExampleField[]): WorkedExample | { error: string } {
  const spec = SPECS[kind];
  if (!spec) return { error: `unknown example "${String(kind)}"` };
  try {
    const given: Record<string, unknown> = Array.isArray(inputs) ? Object.fromEntries(inputs.map((f) => [f.name, f.value])) : (inputs ?? {});
    const fields = spec.inputs.map((f) => ({ ...f, value: f.name in given ? coerceValue(f.value, given[f.name]) : structuredClone(f.value) }));
    const byName = new Map(fields.map((f) => [f.name, f.value]));
    const r = spec.compute((name) => byName.get(name) ?? 0);
    return { kind, inputs: fields, outputs: r.outputs, text: r.text };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
