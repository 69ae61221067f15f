// @ts-nocheck — AssemblyScript, not TypeScript: compiled by scripts/build.mjs (npm `assemblyscript`) to
// dist/lstm-kernel.wasm with SIMD. tsc and esbuild never see it (nothing imports it).
//
// The hot loops of the LSTM language model (src/core/lstm/model.ts) on raw pointers into an imported memory.
// Pointers are byte addresses of f32 (or i32) arrays; strides are in elements. Semantics are exactly those of the
// plain-JS reference in src/core/lstm/ops.ts; tests compare the two.

@inline function sigm(x: f32): f32 {
  return <f32>1 / (<f32>1 + Mathf.exp(-x));
}

@inline function tanhf(x: f32): f32 {
  const t = Mathf.exp(<f32>-2 * Mathf.abs(x));
  const r = (<f32>1 - t) / (<f32>1 + t);
  return x < 0 ? -r : r;
}

export { gemm } from '../../wasm/gemm.as';

/**
 * One LSTM time step for B rows of H units. z holds the pre-activations [B, 4H] (gate order i, f, g, o) and is
 * overwritten with the activations. c = f*cPrev + i*g, tc = tanh(c), h = o*tc.
 */
export function lstmFwd(z: usize, cPrev: usize, c: usize, tc: usize, h: usize, B: i32, H: i32): void {
  const h4 = <usize>H << 2;
  for (let b = 0; b < B; b++) {
    const zr = z + ((<usize>b * <usize>H * 4) << 2);
    const hr = (<usize>b * <usize>H) << 2;
    for (let j = 0; j < H; j++) {
      const o4 = <usize>j << 2;
      const gi = sigm(load<f32>(zr + o4));
      const gf = sigm(load<f32>(zr + h4 + o4));
      const gg = tanhf(load<f32>(zr + 2 * h4 + o4));
      const go = sigm(load<f32>(zr + 3 * h4 + o4));
      store<f32>(zr + o4, gi);
      store<f32>(zr + h4 + o4, gf);
      store<f32>(zr + 2 * h4 + o4, gg);
      store<f32>(zr + 3 * h4 + o4, go);
      const cv = gf * load<f32>(cPrev + hr + o4) + gi * gg;
      const t = tanhf(cv);
      store<f32>(c + hr + o4, cv);
      store<f32>(tc + hr + o4, t);
      store<f32>(h + hr + o4, go * t);
    }
  }
}

/**
 * Backward of one LSTM step. act: gate activations [B,4H]; dOut: gradient reaching h from above (or 0 pointer);
 * dhNext: gradient reaching h from the next time step (hasNext=0: none); dcNext: in = gradient reaching c from the
 * next step (hasNext=0: none), out = gradient to cPrev. dz receives the pre-activation gradients [B,4H].
 */
export function lstmBwd(act: usize, cPrev: usize, tc: usize, dOut: usize, dhNext: usize, dcNext: usize, dz: usize, B: i32, H: i32, hasNext: i32): void {
  const h4 = <usize>H << 2;
  for (let b = 0; b < B; b++) {
    const zr = act + ((<usize>b * <usize>H * 4) << 2);
    const dr = dz + ((<usize>b * <usize>H * 4) << 2);
    const hr = (<usize>b * <usize>H) << 2;
    for (let j = 0; j < H; j++) {
      const o4 = <usize>j << 2;
      const gi = load<f32>(zr + o4);
      const gf = load<f32>(zr + h4 + o4);
      const gg = load<f32>(zr + 2 * h4 + o4);
      const go = load<f32>(zr + 3 * h4 + o4);
      let dh: f32 = dOut ? load<f32>(dOut + hr + o4) : 0;
      let dcn: f32 = 0;
      if (hasNext) {
        dh += load<f32>(dhNext + hr + o4);
        dcn = load<f32>(dcNext + hr + o4);
      }
      const t = load<f32>(tc + hr + o4);
      const dc = dh * go * (<f32>1 - t * t) + dcn;
      store<f32>(dcNext + hr + o4, dc * gf);
      store<f32>(dr + o4, dc * gg * gi * (<f32>1 - gi));
      store<f32>(dr + h4 + o4, dc * load<f32>(cPrev + hr + o4) * gf * (<f32>1 - gf));
      store<f32>(dr + 2 * h4 + o4, dc * gi * (<f32>1 - gg * gg));
      store<f32>(dr + 3 * h4 + o4, dh * t * go * (<f32>1 - go));
    }
  }
}

/**
 * Softmax cross-entropy of n rows of V logits against i32 targets. Returns the summed loss (nats). If dl != 0 it
 * receives (softmax − onehot) * scale; if surp != 0 it receives each row's loss (the surprisal of its target).
 */
export function softmaxXent(logits: usize, targets: usize, n: i32, V: i32, dl: usize, scale: f32, surp: usize): f64 {
  let total: f64 = 0;
  for (let r = 0; r < n; r++) {
    const row = logits + ((<usize>r * <usize>V) << 2);
    let mx: f32 = load<f32>(row);
    for (let k = 1; k < V; k++) mx = max(mx, load<f32>(row + (<usize>k << 2)));
    let s: f32 = 0;
    for (let k = 0; k < V; k++) s += Mathf.exp(load<f32>(row + (<usize>k << 2)) - mx);
    const lse = Mathf.log(s) + mx;
    const tgt = load<i32>(targets + (<usize>r << 2));
    const loss = lse - load<f32>(row + (<usize>tgt << 2));
    total += <f64>loss;
    if (surp) store<f32>(surp + (<usize>r << 2), loss);
    if (dl) {
      const drow = dl + ((<usize>r * <usize>V) << 2);
      for (let k = 0; k < V; k++) store<f32>(drow + (<usize>k << 2), Mathf.exp(load<f32>(row + (<usize>k << 2)) - lse) * scale);
      store<f32>(drow + (<usize>tgt << 2), load<f32>(drow + (<usize>tgt << 2)) - scale);
    }
  }
  return total;
}

/**
 * e^x for four lanes with x ≤ 0 (clamped at −87, where e^x is below float32's normal range): x = n·ln 2 + r with
 * |r| ≤ ln 2 / 2, e^r by a degree-7 polynomial (Cephes' expf coefficients, relative error ~2·10⁻⁷), 2ⁿ built in the
 * exponent bits.
 */
// @ts-ignore: decorator
@inline
function expNeg4(x: v128): v128 {
  x = f32x4.max(x, f32x4.splat(-87.0));
  const fx = f32x4.floor(f32x4.add(f32x4.mul(x, f32x4.splat(1.44269504088896341)), f32x4.splat(0.5)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(0.693359375)));
  x = f32x4.sub(x, f32x4.mul(fx, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(x, x);
  let y = f32x4.splat(1.9875691500e-4);
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.3981999507e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(8.3334519073e-3));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(4.1665795894e-2));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(1.6666665459e-1));
  y = f32x4.add(f32x4.mul(y, x), f32x4.splat(5.0000001201e-1));
  y = f32x4.add(f32x4.add(f32x4.mul(y, z), x), f32x4.splat(1.0));
  const n = i32x4.trunc_sat_f32x4_s(fx);
  const pow2n = i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
  return f32x4.mul(y, pow2n);
}

/**
 * The rows of the sampled softmax (src/core/nn/sampledSoftmax.ts). Row r of z (n × K) holds the sampled classes'
 * scores before their corrections cb (K values); zt[r] is the row's true-class score (corrected) and hits[r] the
 * column of a sampled class equal to it (−1: none), which the row leaves out. Each row's loss (nats) goes to
 * surp[r]; z's row becomes scale·p (0 at the hit) and dzt[r] scale·(p_true − 1). Returns the summed loss.
 */
export function sampledRows(z: usize, cb: usize, zt: usize, hits: usize, n: i32, K: i32, scale: f32, dzt: usize, surp: usize): f64 {
  let total: f64 = 0;
  const K4 = K & ~3;
  for (let r = 0; r < n; r++) {
    const row = z + ((<usize>r * <usize>K) << 2);
    const hit = load<i32>(hits + (<usize>r << 2));
    const t = load<f32>(zt + (<usize>r << 2));
    // corrected scores in place, the hit's far below every other (so never the maximum)
    if (hit >= 0) store<f32>(row + (<usize>hit << 2), -3.0e38);
    let vmx = f32x4.splat(t);
    let k = 0;
    for (; k < K4; k += 4) {
      const a = row + (<usize>k << 2);
      const v = f32x4.add(v128.load(a), v128.load(cb + (<usize>k << 2)));
      v128.store(a, v);
      vmx = f32x4.max(vmx, v);
    }
    let mx: f32 = max(max(f32x4.extract_lane(vmx, 0), f32x4.extract_lane(vmx, 1)), max(f32x4.extract_lane(vmx, 2), f32x4.extract_lane(vmx, 3)));
    for (; k < K; k++) {
      const a = row + (<usize>k << 2);
      const v = load<f32>(a) + load<f32>(cb + (<usize>k << 2));
      store<f32>(a, v);
      mx = max(mx, v);
    }
    const vm = f32x4.splat(mx);
    let vs = f32x4.splat(0);
    k = 0;
    for (; k < K4; k += 4) {
      const a = row + (<usize>k << 2);
      const e = expNeg4(f32x4.sub(v128.load(a), vm));
      v128.store(a, e);
      vs = f32x4.add(vs, e);
    }
    let s: f64 = <f64>f32x4.extract_lane(vs, 0) + <f64>f32x4.extract_lane(vs, 1) + <f64>f32x4.extract_lane(vs, 2) + <f64>f32x4.extract_lane(vs, 3);
    for (; k < K; k++) {
      const a = row + (<usize>k << 2);
      const e = Mathf.exp(load<f32>(a) - mx);
      store<f32>(a, e);
      s += <f64>e;
    }
    if (hit >= 0) {
      s -= <f64>load<f32>(row + (<usize>hit << 2));
      store<f32>(row + (<usize>hit << 2), 0);
    }
    const et = Mathf.exp(t - mx);
    s += <f64>et;
    const loss = <f32>(Math.log(s) - <f64>(t - mx));
    total += <f64>loss;
    store<f32>(surp + (<usize>r << 2), loss);
    const inv = <f32>(<f64>scale / s);
    const vi = f32x4.splat(inv);
    k = 0;
    for (; k < K4; k += 4) {
      const a = row + (<usize>k << 2);
      v128.store(a, f32x4.mul(v128.load(a), vi));
    }
    for (; k < K; k++) {
      const a = row + (<usize>k << 2);
      store<f32>(a, load<f32>(a) * inv);
    }
    store<f32>(dzt + (<usize>r << 2), et * inv - scale);
  }
  return total;
}

/** out[r, :] = table[ids[r], :] + (bias ? bias : 0), rows of width w. */
export function gatherRows(table: usize, ids: usize, n: i32, w: i32, bias: usize, out: usize): void {
  const wb = <usize>w << 2;
  for (let r = 0; r < n; r++) {
    const src = table + <usize>load<i32>(ids + (<usize>r << 2)) * wb;
    const dst = out + <usize>r * wb;
    if (bias) for (let k = 0; k < w; k++) store<f32>(dst + (<usize>k << 2), load<f32>(src + (<usize>k << 2)) + load<f32>(bias + (<usize>k << 2)));
    else memory.copy(dst, src, wb);
  }
}

/** dst[0..w) += src[0..w), four at a time. */
@inline function addRow(dst: usize, src: usize, w: i32): void {
  let k = 0;
  for (; k + 4 <= w; k += 4) v128.store(dst + (<usize>k << 2), f32x4.add(v128.load(dst + (<usize>k << 2)), v128.load(src + (<usize>k << 2))));
  for (; k < w; k++) store<f32>(dst + (<usize>k << 2), load<f32>(dst + (<usize>k << 2)) + load<f32>(src + (<usize>k << 2)));
}

/** out[ids[r], :] += d[r, :]. */
export function scatterAddRows(d: usize, ids: usize, n: i32, w: i32, out: usize): void {
  const wb = <usize>w << 2;
  for (let r = 0; r < n; r++) {
    addRow(out + <usize>load<i32>(ids + (<usize>r << 2)) * wb, d + <usize>r * wb, w);
  }
}

/** out[:] += sum over rows of x[rows, w]. */
export function colSumAdd(x: usize, rows: i32, w: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    addRow(out, x + ((<usize>r * <usize>w) << 2), w);
  }
}

/** x[r, :] += bias[:] for n rows of width w. */
export function addRowBias(x: usize, bias: usize, n: i32, w: i32): void {
  for (let r = 0; r < n; r++) {
    addRow(x + ((<usize>r * <usize>w) << 2), bias, w);
  }
}

/** x[i] *= m[i] for n elements. */
export function mulInPlace(x: usize, m: usize, n: i32): void {
  let k = 0;
  for (; k + 4 <= n; k += 4) v128.store(x + (<usize>k << 2), f32x4.mul(v128.load(x + (<usize>k << 2)), v128.load(m + (<usize>k << 2))));
  for (; k < n; k++) store<f32>(x + (<usize>k << 2), load<f32>(x + (<usize>k << 2)) * load<f32>(m + (<usize>k << 2)));
}
