// @ts-nocheck — AssemblyScript, not TypeScript: compiled to dist/w2v-kernel.wasm by scripts/build-wasm-kernels.mjs.
/**
 * The word2vec inner loop in WebAssembly SIMD (f32x4). One module instance per thread; every instance imports the
 * same shared memory, where the JavaScript side lays out the matrices, the noise and subsampling tables and the
 * corpus (see ../kernel.ts). Nothing here allocates: all state is pointers and scalars in per-instance globals.
 *
 * Why it is faster than gensim's loop: a (centre, context) pair and its negatives are one small matrix, handled six
 * target rows at a time with pointers, step sizes and accumulators in registers — the dot products first (the input
 * loaded once for all six), the sigmoids and losses four per instruction, then a single pass over the dimensions that
 * updates every output row and the input row, so each row is read once and written once; the random numbers are
 * integer xorshift64*, negatives come from an alias table (one random draw each, no binary search), and
 * sigmoid/log-sigmoid use an exact polynomial exp instead of a coarse table (needed for the gradient test, and for
 * a true loss).
 */

// Shared tables (byte addresses), set by setup().
let syn0: usize = 0; // input vectors, V rows of `stride` bytes
let syn1: usize = 0; // output ("context") vectors, same shape
let aliasProb: usize = 0; // u32 per word: threshold of the alias method, scaled to 2^32
let aliasIdx: usize = 0; // u32 per word: the alias
let keepThr: usize = 0; // u32 per word: keep a token when a random u32 is below this (subsampling)
let V: u64 = 0;
let stride: usize = 0; // bytes per row, a multiple of 16 (dim padded to 4 floats; the padding stays zero)
let negative: i32 = 0;
let window: i32 = 0;
let cbow: bool = false;
// Hierarchical softmax (setupHs): instead of a positive row and negatives, a word's targets are the inner nodes on
// its Huffman path (rows of syn1), each with label 1 − code bit.
let hs: bool = false;
let pathOff: usize = 0; // u32 per word, plus one: start of the word's path in pathNode/pathCode
let pathNode: usize = 0; // u32 per path step: inner-node id (its row in syn1), root first
let pathCode: usize = 0; // u32 per path step: the code bit (0 or 1)

// Per-thread scratch (byte addresses inside this thread's scratch block).
let tgt: usize = 0; // usize per target row (target 0 is the positive one)
let grad: usize = 0; // f32 per target: lr × (label − σ(score))
let neu1: usize = 0; // CBOW: mean of the context rows
let neu1e: usize = 0; // the input's error Σ lr·(label − σ)·u (CBOW adds all of it to every context row)
let zeroRow: usize = 0; // a row of zeros: pads the targets to a multiple of 6
let kept: usize = 0; // u32 per token of the current sentence that survived subsampling
let labels: usize = 0; // hierarchical softmax: f32 label per target (1 − code bit), MAX_TARGETS + 8 of them

export const MAX_TARGETS: i32 = 72; // 63 negatives + the positive, padded up to a multiple of 6
export const MAX_PATH: i32 = 66; // longest Huffman path: padded to a multiple of 6, its steps stay inside grad
export const MAX_SENTENCE: i32 = 10000;

let rng: u64 = 1;
let lossSum: f64 = 0;
let pairCount: f64 = 0;

/** Bytes of scratch one thread needs for rows of `strideBytes`. */
export function scratchBytes(strideBytes: usize): usize {
  return <usize>MAX_TARGETS * 12 + 32 + 3 * strideBytes + <usize>MAX_SENTENCE * 4;
}

export function setup(
  pSyn0: usize, pSyn1: usize, pAliasProb: usize, pAliasIdx: usize, pKeep: usize,
  vocab: u32, strideBytes: usize, neg: i32, win: i32, useCbow: i32, pScratch: usize, seed: u64,
): void {
  syn0 = pSyn0; syn1 = pSyn1; aliasProb = pAliasProb; aliasIdx = pAliasIdx; keepThr = pKeep;
  V = <u64>vocab; stride = strideBytes; negative = neg; window = win; cbow = useCbow != 0;
  tgt = pScratch;
  grad = tgt + <usize>MAX_TARGETS * 4;
  neu1 = grad + <usize>MAX_TARGETS * 4;
  neu1e = neu1 + strideBytes;
  zeroRow = neu1e + strideBytes;
  kept = zeroRow + strideBytes;
  labels = kept + <usize>MAX_SENTENCE * 4;
  rng = seed == 0 ? 0x9e3779b97f4a7c15 : seed;
  lossSum = 0; pairCount = 0;
  hs = false;
}

/** Switch this instance to hierarchical softmax over the Huffman paths at (pOff, pNode, pCode); `negative` is unused. */
export function setupHs(pOff: usize, pNode: usize, pCode: usize): void {
  hs = true; pathOff = pOff; pathNode = pNode; pathCode = pCode;
}

export function getLossSum(): f64 { return lossSum; }
export function getPairCount(): f64 { return pairCount; }
export function resetLoss(): void { lossSum = 0; pairCount = 0; }

function nextRand(): u64 {
  let x = rng;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  rng = x;
  return x * 0x2545f4914f6cdd1d;
}

/** A word drawn from unigram^0.75 (alias method: the high bits choose a bucket, the low bits the side). */
function sampleNoise(): u32 {
  const r = nextRand();
  const b = <usize>(((r >> 32) * V) >> 32);
  return <u32>r < load<u32>(aliasProb + (b << 2)) ? <u32>b : load<u32>(aliasIdx + (b << 2));
}

/** (Σa, Σb, Σc, Σd): four horizontal sums at once (transpose and add). */
function hsum4(a: v128, b: v128, c: v128, d: v128): v128 {
  const ab = f32x4.add(f32x4.shuffle(a, b, 0, 4, 1, 5), f32x4.shuffle(a, b, 2, 6, 3, 7));
  const cd = f32x4.add(f32x4.shuffle(c, d, 0, 4, 1, 5), f32x4.shuffle(c, d, 2, 6, 3, 7));
  return f32x4.add(f32x4.shuffle(ab, cd, 0, 1, 4, 5), f32x4.shuffle(ab, cd, 2, 3, 6, 7));
}

function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** c + x·p per lane: one step of Horner's rule. */
@inline function hornerStep(c: f32, x: v128, p: v128): v128 {
  return f32x4.add(f32x4.splat(c), f32x4.mul(x, p));
}

/** c0 + c1·x + … + c6·x⁶ per lane, by Horner's rule. */
@inline function poly6(x: v128, c0: f32, c1: f32, c2: f32, c3: f32, c4: f32, c5: f32, c6: f32): v128 {
  let p = hornerStep(c5, x, f32x4.splat(c6));
  p = hornerStep(c4, x, p);
  p = hornerStep(c3, x, p);
  p = hornerStep(c2, x, p);
  p = hornerStep(c1, x, p);
  return hornerStep(c0, x, p);
}

/** e^t per lane for t ≤ 0 (clamped at −87), relative error ≈ 2e-7: range reduction by ln 2, degree-6 polynomial. */
function expNeg4(t: v128): v128 {
  const x = f32x4.max(t, f32x4.splat(-87.0));
  const k = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.4426950408889634)));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(k, f32x4.splat(0.693145751953125))), f32x4.mul(k, f32x4.splat(1.428606765330187e-6)));
  const p = poly6(r, 1.0, 1.0, 0.5, 0.16666667, 0.041666668, 0.008333334, 0.0013888889);
  return f32x4.mul(p, i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(k), i32x4.splat(127)), 23));
}

/** log(1 + e) per lane for e in [0, 1]: 2·atanh(e / (2 + e)) as an odd series (8 terms, error < 1e-7). */
function log1p4(e: v128): v128 {
  const s = f32x4.div(e, f32x4.add(f32x4.splat(2.0), e));
  const z = f32x4.mul(s, s);
  const p = hornerStep(1.0, z, poly6(z, 0.33333334, 0.2, 0.14285715, 0.11111111, 0.09090909, 0.07692308, 0.06666667));
  return f32x4.mul(f32x4.mul(f32x4.splat(2.0), s), p);
}

/**
 * Scores f of targets t..t+3 → their steps lr·(label − σ(f)) in grad[t..t+3] (label 1 for target 0 only; 0 for
 * targets ≥ `limit`, i.e. padding or the next group) and the sum of their losses −log σ(±f) = softplus(∓f), each
 * from one exp and one log1p. Four targets per instruction.
 */
function scoreTargets(t: i32, limit: i32, f: v128, lr: f32): f32 {
  const e = expNeg4(f32x4.neg(f32x4.abs(f)));
  const inv = f32x4.div(f32x4.splat(1.0), f32x4.add(f32x4.splat(1.0), e));
  const sig = v128.bitselect(inv, f32x4.mul(e, inv), f32x4.ge(f, f32x4.splat(0)));
  const positive = t == 0;
  let label: v128;
  let signed: v128;
  if (hs) {
    // Each path node has its own label; softplus(∓f) flips the sign where the label is 1.
    label = v128.load(labels + (<usize>t << 2));
    signed = f32x4.mul(f, f32x4.sub(f32x4.splat(1.0), f32x4.add(label, label)));
  } else {
    label = positive ? f32x4(1.0, 0.0, 0.0, 0.0) : f32x4.splat(0);
    // softplus(∓f) = log1p(e^−|f|) + max(∓f, 0): the positive target's sign is flipped.
    signed = positive ? f32x4.mul(f, f32x4(-1.0, 1.0, 1.0, 1.0)) : f;
  }
  const valid = i32x4.lt_s(i32x4.add(i32x4.splat(t), i32x4(0, 1, 2, 3)), i32x4.splat(limit));
  v128.store(grad + (<usize>t << 2), v128.and(f32x4.mul(f32x4.sub(label, sig), f32x4.splat(lr)), valid));
  return hsum(v128.and(f32x4.add(log1p4(e), f32x4.max(signed, f32x4.splat(0))), valid));
}

/**
 * One SGD step of the output layer for input row `inp` against the `nT` target rows in `tgt` (negative sampling:
 * target 0 has label 1, the others label 0; hierarchical softmax: the labels in `labels`). Every target row moves by
 * lr·(label − σ)·inp; the input's error e = Σ lr·(label − σ)·u goes into neu1e, and into inp too when `addToInput`.
 * The loss −Σ log σ(±u·x) is added to lossSum.
 *
 * The targets are handled six at a time (padded with a zero row; a last group of one to four targets is padded to
 * four instead), with an accumulator, a row pointer and a step size per target in registers: the input is loaded
 * once per group, and each row is read once for the scores and once for the update. All scores are computed before
 * any row moves, so the step is exactly −lr × the gradient.
 */
function sgd(inp: usize, nT: i32, lr: f32, addToInput: bool): void {
  const rem = nT % 6;
  const tail = rem != 0 && rem <= 4 ? 4 : 0;
  const full = tail != 0 ? nT - rem : nT + (rem == 0 ? 0 : 6 - rem);
  const n = full + tail;
  for (let i = nT; i < n; i++) store<usize>(tgt + (<usize>i << 2), zeroRow);
  let loss: f32 = 0;
  for (let t = 0; t < full; t += 6) loss += group(inp, t, nT, lr, false, true, false);
  if (tail != 0) loss += group(inp, full, nT, lr, false, false, false);
  lossSum += <f64>loss;
  pairCount += 1;
  // One group (the usual 5 negatives, a short path): the error stays in a register and goes straight into the input.
  const direct = (n == 6 || n == 4) && addToInput;
  for (let t = 0; t < full; t += 6) group(inp, t, nT, lr, direct, true, true);
  if (tail != 0) group(inp, full, nT, lr, direct, false, true);
  if (addToInput && !direct) {
    for (let j: usize = 0; j < stride; j += 16) v128.store(inp + j, f32x4.add(v128.load(inp + j), v128.load(neu1e + j)));
  }
}

/** acc + x · (the 4 floats at `row`). */
@inline function dotStep(acc: v128, x: v128, row: usize): v128 {
  return f32x4.add(acc, f32x4.mul(x, v128.load(row)));
}

/** Move the target row at `row` by g·x; return e + g·(the row before the move). */
@inline function moveRow(e: v128, row: usize, g: v128, x: v128): v128 {
  const u = v128.load(row);
  v128.store(row, f32x4.add(u, f32x4.mul(g, x)));
  return f32x4.add(e, f32x4.mul(g, u));
}

/**
 * One pass over the group of targets from `t` — six rows when `wide`, else four. The scoring pass (`update` false)
 * returns the group's loss and leaves the step sizes in grad (scoreTargets); the update pass moves each row by its
 * step size and adds the input's error to neu1e, or straight to the input when `direct`. Inlined with constant
 * `wide` and `update`, so each call compiles to its own fully unrolled loop with the rows in registers.
 */
@inline function group(inp: usize, t: i32, nT: i32, lr: f32, direct: bool, wide: bool, update: bool): f32 {
  const p = tgt + (<usize>t << 2);
  const r0 = load<usize>(p);
  const r1 = load<usize>(p, 4);
  const r2 = load<usize>(p, 8);
  const r3 = load<usize>(p, 12);
  const r4 = wide ? load<usize>(p, 16) : 0;
  const r5 = wide ? load<usize>(p, 20) : 0;
  const zero = f32x4.splat(0);
  if (!update) {
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
    for (let j: usize = 0; j < stride; j += 16) {
      const x = v128.load(inp + j);
      a0 = dotStep(a0, x, r0 + j);
      a1 = dotStep(a1, x, r1 + j);
      a2 = dotStep(a2, x, r2 + j);
      a3 = dotStep(a3, x, r3 + j);
      if (wide) {
        a4 = dotStep(a4, x, r4 + j);
        a5 = dotStep(a5, x, r5 + j);
      }
    }
    const limit = min<i32>(nT, t + 6);
    const loss = scoreTargets(t, limit, hsum4(a0, a1, a2, a3), lr);
    return wide ? loss + scoreTargets(t + 4, limit, hsum4(a4, a5, zero, zero), lr) : loss;
  }
  const q = grad + (<usize>t << 2);
  const g0 = v128.load32_splat(q);
  const g1 = v128.load32_splat(q, 4);
  const g2 = v128.load32_splat(q, 8);
  const g3 = v128.load32_splat(q, 12);
  const g4 = wide ? v128.load32_splat(q, 16) : zero;
  const g5 = wide ? v128.load32_splat(q, 20) : zero;
  for (let j: usize = 0; j < stride; j += 16) {
    const x = v128.load(inp + j);
    let e = t == 0 ? zero : v128.load(neu1e + j);
    e = moveRow(e, r0 + j, g0, x);
    e = moveRow(e, r1 + j, g1, x);
    e = moveRow(e, r2 + j, g2, x);
    e = moveRow(e, r3 + j, g3, x);
    if (wide) {
      e = moveRow(e, r4 + j, g4, x);
      e = moveRow(e, r5 + j, g5, x);
    }
    if (direct) v128.store(inp + j, f32x4.add(x, e));
    else v128.store(neu1e + j, e);
  }
  return 0;
}

/** Fill tgt[1..] with `negative` noise words, skipping draws equal to the positive word (as word2vec does). */
function drawNegatives(positive: u32): i32 {
  let nT = 1;
  for (let k = 0; k < negative; k++) {
    const w = sampleNoise();
    if (w == positive) continue;
    store<usize>(tgt + (<usize>nT << 2), syn1 + <usize>w * stride);
    nT++;
  }
  return nT;
}

/**
 * Hierarchical softmax: the targets are the inner nodes on word w's Huffman path, label 1 − code bit, so the loss
 * is −Σ log σ(±u_n·x) = −log p(w | x). Returns the path length.
 */
function fillPath(w: u32): i32 {
  const a = load<u32>(pathOff + (<usize>w << 2));
  const n = <i32>(load<u32>(pathOff + (<usize>(w + 1) << 2)) - a);
  for (let d = 0; d < n; d++) {
    const at = <usize>(a + <u32>d) << 2;
    store<usize>(tgt + (<usize>d << 2), syn1 + <usize>load<u32>(pathNode + at) * stride);
    store<f32>(labels + (<usize>d << 2), 1.0 - <f32>load<u32>(pathCode + at));
  }
  // The padding targets' labels are masked out in scoreTargets, but must be finite numbers.
  for (let d = n; d < n + 8; d++) store<f32>(labels + (<usize>d << 2), 0);
  return n;
}

/** The targets for predicting word w: its Huffman path, or w and `negative` noise words. */
function targets(w: u32): i32 {
  return hs ? fillPath(w) : drawNegatives(w);
}

/** Skip-gram: input v_c, predicting o (positive u_o, or o's Huffman path). */
function sgnsPair(c: u32, o: u32, lr: f32, nT: i32): void {
  if (!hs) store<usize>(tgt, syn1 + <usize>o * stride);
  sgd(syn0 + <usize>c * stride, nT, lr, true);
}

/** CBOW: input the mean of the `n` context rows whose word ids are at ctx; predicting c (u_c, or c's path). */
function cbowStep(ctx: usize, n: i32, c: u32, lr: f32, nT: i32): void {
  for (let j: usize = 0; j < stride; j += 16) v128.store(neu1 + j, f32x4.splat(0));
  for (let i = 0; i < n; i++) {
    const row = syn0 + <usize>load<u32>(ctx + (<usize>i << 2)) * stride;
    for (let j: usize = 0; j < stride; j += 16) v128.store(neu1 + j, f32x4.add(v128.load(neu1 + j), v128.load(row + j)));
  }
  const inv = f32x4.splat(1.0 / <f32>n);
  for (let j: usize = 0; j < stride; j += 16) v128.store(neu1 + j, f32x4.mul(v128.load(neu1 + j), inv));
  if (!hs) store<usize>(tgt, syn1 + <usize>c * stride);
  sgd(neu1, nT, lr, false);
  // As word2vec.c and gensim (cbow_mean=1): every context row receives the whole error neu1e, not its 1/n share.
  for (let i = 0; i < n; i++) {
    const row = syn0 + <usize>load<u32>(ctx + (<usize>i << 2)) * stride;
    for (let j: usize = 0; j < stride; j += 16) v128.store(row + j, f32x4.add(v128.load(row + j), v128.load(neu1e + j)));
  }
}

/** Train on one sentence of `len` word ids at `ids`: subsampling, then a reduced window around every token. */
function trainSentence(ids: usize, len: i32, lr: f32): void {
  let n = 0;
  for (let i = 0; i < len; i++) {
    const w = load<u32>(ids + (<usize>i << 2));
    if (<u32>nextRand() < load<u32>(keepThr + (<usize>w << 2))) {
      store<u32>(kept + (<usize>n << 2), w);
      n++;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = <i32>(<u32>nextRand() % <u32>window);
    const lo = max<i32>(0, i - window + b);
    const hi = min<i32>(n, i + window + 1 - b);
    const c = load<u32>(kept + (<usize>i << 2));
    if (cbow) {
      // Contexts are the window minus the centre: gather them just after the sentence's kept ids.
      const ctx = kept + (<usize>MAX_SENTENCE << 2) - (<usize>(2 * window) << 2);
      let m = 0;
      for (let j = lo; j < hi; j++) {
        if (j == i) continue;
        store<u32>(ctx + (<usize>m << 2), load<u32>(kept + (<usize>j << 2)));
        m++;
      }
      if (m == 0) continue;
      cbowStep(ctx, m, c, lr, targets(c));
    } else {
      for (let j = lo; j < hi; j++) {
        if (j == i) continue;
        const o = load<u32>(kept + (<usize>j << 2));
        sgnsPair(c, o, lr, targets(o));
      }
    }
  }
}

/**
 * Train on sentences [s0, s1) of the corpus (`ids`: u32 word ids; `offs`: u32 start of each sentence, plus one).
 * The learning rate falls linearly from lr0 to lrMin over `totalWords` words, counted across all threads in the
 * shared i64 at `progress`. Returns the number of words read.
 */
export function trainRange(ids: usize, offs: usize, s0: i32, s1: i32, lr0: f32, lrMin: f32, totalWords: f64, progress: usize): i32 {
  let words = 0;
  for (let s = s0; s < s1; s++) {
    const a = load<u32>(offs + (<usize>s << 2));
    const len = <i32>(load<u32>(offs + (<usize>(s + 1) << 2)) - a);
    const done = <f64>atomic.load<i64>(progress);
    let lr = lr0 - <f32>((<f64>(lr0 - lrMin)) * (done / totalWords));
    if (lr < lrMin) lr = lrMin;
    trainSentence(ids + (<usize>a << 2), min<i32>(len, MAX_SENTENCE - 2 * window), lr);
    atomic.add<i64>(progress, <i64>len);
    words += len;
  }
  return words;
}

/** One skip-gram step with given negatives (u32 word ids at negs), for the gradient test. */
export function stepSgns(c: u32, o: u32, negs: usize, k: i32, lr: f32): void {
  for (let i = 0; i < k; i++) store<usize>(tgt + (<usize>(i + 1) << 2), syn1 + <usize>load<u32>(negs + (<usize>i << 2)) * stride);
  sgnsPair(c, o, lr, k + 1);
}

/** One CBOW step with given contexts and negatives, for the gradient test. */
export function stepCbow(ctx: usize, n: i32, c: u32, negs: usize, k: i32, lr: f32): void {
  for (let i = 0; i < k; i++) store<usize>(tgt + (<usize>(i + 1) << 2), syn1 + <usize>load<u32>(negs + (<usize>i << 2)) * stride);
  cbowStep(ctx, n, c, lr, k + 1);
}

/** One hierarchical-softmax skip-gram step (input v_c, the path of o), for the gradient test. */
export function stepHsSg(c: u32, o: u32, lr: f32): void {
  sgnsPair(c, o, lr, fillPath(o));
}

/** One hierarchical-softmax CBOW step (the mean of the contexts at ctx, the path of c), for the gradient test. */
export function stepHsCbow(ctx: usize, n: i32, c: u32, lr: f32): void {
  cbowStep(ctx, n, c, lr, fillPath(c));
}

/**
 * out[i] = row i · q for `rows` rows of `rowBytes` (a multiple of 16) starting at `mat`; q is padded like a row.
 * The scan behind neighbours, analogies and evaluation (one query against the whole vocabulary).
 */
export function dotRows(mat: usize, rows: i32, rowBytes: usize, q: usize, out: usize): void {
  for (let i = 0; i < rows; i++) {
    const r = mat + <usize>i * rowBytes;
    let a0 = f32x4.splat(0);
    let a1 = f32x4.splat(0);
    let j: usize = 0;
    for (; j + 32 <= rowBytes; j += 32) {
      a0 = f32x4.add(a0, f32x4.mul(v128.load(r + j), v128.load(q + j)));
      a1 = f32x4.add(a1, f32x4.mul(v128.load(r + j, 16), v128.load(q + j, 16)));
    }
    if (j < rowBytes) a0 = f32x4.add(a0, f32x4.mul(v128.load(r + j), v128.load(q + j)));
    const s = f32x4.add(a0, a1);
    store<f32>(out + (<usize>i << 2), f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
  }
}
