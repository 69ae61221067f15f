/**
 * Adam for the rows of a large matrix of which each step touches only a few: a word-level model's token embeddings
 * (the rows of the batch's words) and, with the sampled softmax, the output layer's class weights (the sampled
 * classes and the batch's targets). Dense Adam updates every row every step, although an untouched row's gradient
 * is zero; here a row is brought up to date only when it is read or written.
 *
 * A row last updated at step a, untouched until step b, goes through b − a steps of zero gradient. Dense Adam's
 * moments then decay geometrically, m_u = β₁ʲ m_a and v_u = β₂ʲ v_a (j = u − a), and the weight moves by
 *
 *   Δw = −Σ_u lr_u (m_u / c1_u) / (√(v_u / c2_u) + ε),    c1_u = 1 − β₁ᵘ, c2_u = 1 − β₂ᵘ.
 *
 * Without ε the sum factors into the row's ratio m_a/√v_a times one number shared by every row of the same a and b,
 *
 *   Δw = −(m_a / √v_a) · Σ_{j=1}^{b−a} lr_{a+j} ρʲ √c2_{a+j} / c1_{a+j},    ρ = β₁/√β₂ ≈ 0.9005,
 *
 * so bringing a row up to date costs one pass over it whatever the gap. ρʲ falls below 10⁻¹² after 263 steps; the
 * sum stops there. The steps that touch a row are Adam's own, with ε. The only difference from dense Adam is ε in
 * the untouched steps (each moved by the factor √v̂/(√v̂ + ε) there, here by 1): with ε = 0 both compute the same
 * weights, which the unit tests check.
 */

/** Adam's constants (tfjs's defaults: the epsilon is its float32 backends'). */
export const BETA1 = 0.9, BETA2 = 0.999, ADAM_EPS = 1e-7;

const RHO = BETA1 / Math.sqrt(BETA2);
/** ρʲ < 10⁻¹² beyond this many untouched steps: later ones add nothing a float32 weight can hold. */
const MAX_GAP_TERMS = Math.ceil(Math.log(1e-12) / Math.log(RHO));

/** Where row r's element j of a flat matrix is: r·rowStride + j·colStride (a [rows, width] matrix or its transpose). */
export interface RowLayout {
  rows: number;
  width: number;
  rowStride: number;
  colStride: number;
}

/** One step's gradient of some rows: `ids` distinct, `values` [ids.length, width] (row i of ids[i]). */
export interface RowGrad {
  ids: Int32Array;
  values: Float32Array;
}

/** Adam's first- and second-moment corrections of step s (from 1), 1 − β₁ˢ and 1 − β₂ˢ. */
export const corrections = (s: number): [number, number] => [1 - Math.pow(BETA1, s), 1 - Math.pow(BETA2, s)];

/** The rows of one matrix under lazy Adam: its moments and the step each row is up to date with. */
export class LazyRows {
  /** The step each row is up to date with (its last update, or the first step's predecessor). */
  readonly last: Int32Array;
  /** Σ_j lr ρʲ √c2/c1 by start step, for the step `factorsTo` the rows are brought up to. */
  private readonly factors = new Map<number, number>();
  private factorsTo = -1;

  /**
   * `m`, `v`: the moments (the matrix's size, as its layout), taken over. `lrAt(s)`: the step size of step s.
   * `start`: the step every row is up to date with now.
   */
  constructor(
    readonly layout: RowLayout,
    readonly m: Float32Array,
    readonly v: Float32Array,
    private readonly lrAt: (step: number) => number,
    start: number,
    readonly eps = ADAM_EPS,
  ) {
    this.last = new Int32Array(layout.rows).fill(start);
  }

  /** Σ_{j=1}^{to−from} lr_{from+j} ρʲ √c2_{from+j} / c1_{from+j} (at most MAX_GAP_TERMS terms). */
  private factor(from: number, to: number): number {
    if (this.factorsTo !== to) (this.factors.clear(), (this.factorsTo = to));
    let f = this.factors.get(from);
    if (f !== undefined) return f;
    f = 0;
    let rj = 1;
    for (let u = from + 1; u <= to && u - from <= MAX_GAP_TERMS; u++) {
      rj *= RHO;
      const [c1, c2] = corrections(u);
      f += (this.lrAt(u) * rj * Math.sqrt(c2)) / c1;
    }
    this.factors.set(from, f);
    return f;
  }

  /** Bring row r of `w` up to date with step `to`: the untouched steps since its last update, in closed form. */
  private catchUpRow(w: Float32Array, r: number, to: number): void {
    const from = this.last[r];
    if (from >= to) return;
    const { width, rowStride, colStride } = this.layout;
    const f = this.factor(from, to);
    const d1 = Math.pow(BETA1, to - from);
    const d2 = Math.pow(BETA2, to - from);
    const { m, v } = this;
    for (let j = 0, i = r * rowStride; j < width; j++, i += colStride) {
      const mi = m[i];
      const vi = v[i];
      // v = 0 with m ≠ 0 needs a gradient whose square underflows float32; such a row is left where it is
      if (vi > 0) w[i] -= (f * mi) / Math.sqrt(vi);
      m[i] = mi * d1;
      v[i] = vi * d2;
    }
    this.last[r] = to;
  }

  /** Bring `rows` of `w` up to date with step `to` (before they are read). */
  catchUp(w: Float32Array, rows: ArrayLike<number>, to: number): void {
    for (let i = 0; i < rows.length; i++) this.catchUpRow(w, rows[i], to);
  }

  /** Bring every row of `w` up to date with step `to`. */
  catchUpAll(w: Float32Array, to: number): void {
    for (let r = 0; r < this.layout.rows; r++) this.catchUpRow(w, r, to);
  }

  /**
   * Adam's step `step` on the rows of `g` (each up to date with the step before), with step size `lr` and the
   * corrections c1 = 1 − β₁ˢ, c2 = 1 − β₂ˢ the dense update uses.
   */
  update(w: Float32Array, g: RowGrad, step: number, lr: number, c1: number, c2: number): void {
    const { width, rowStride, colStride } = this.layout;
    const { m, v, eps } = this;
    for (let k = 0; k < g.ids.length; k++) {
      const r = g.ids[k];
      if (this.last[r] !== step - 1) throw new Error(`internal: row ${r} is up to date with step ${this.last[r]}, not ${step - 1}`);
      for (let j = 0, i = r * rowStride, o = k * width; j < width; j++, i += colStride, o++) {
        const gi = g.values[o];
        const mi = (m[i] = BETA1 * m[i] + (1 - BETA1) * gi);
        const vi = (v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi);
        w[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
      }
      this.last[r] = step;
    }
  }
}

/**
 * The distinct values of the lists, in order of first appearance (values in 0..size−1). `seen` is a scratch array of
 * `size` entries, all −1 before and after.
 */
export function distinctRows(lists: ArrayLike<number>[], seen: Int32Array): Int32Array {
  const out: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (seen[c] < 0) (seen[c] = out.length), out.push(c);
    }
  }
  for (const c of out) seen[c] = -1;
  return Int32Array.from(out);
}
