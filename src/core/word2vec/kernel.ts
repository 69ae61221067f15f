/**
 * The JavaScript side of the WebAssembly kernel (wasm/kernel.ts): finding and compiling the module, laying out the
 * one shared memory every thread's instance works on, and typed views onto it.
 */
import * as fs from 'node:fs';
import type { HuffmanTree } from './huffman';
import { requireDistFile } from '../util/distFile';

export const KERNEL_FILE = 'w2v-kernel.wasm';
/** Bytes below this are left to the kernel module itself; our tables start here. */
const BASE = 65536;
/** Must match MAX_SENTENCE in wasm/kernel.ts (and its MAX_TARGETS = 64 bounds `negative` at 63 in params.ts). */
export const MAX_SENTENCE = 10000;

/** The exports of one kernel instance. Pointers are byte offsets into the shared memory. */
export interface KernelExports {
  scratchBytes(strideBytes: number): number;
  setup(syn0: number, syn1: number, aliasProb: number, aliasIdx: number, keep: number, vocab: number, strideBytes: number,
    negative: number, window: number, cbow: number, scratch: number, seed: bigint): void;
  setupHs(pathOffsets: number, pathNodes: number, pathCodes: number): void;
  getLossSum(): number;
  getPairCount(): number;
  resetLoss(): void;
  trainRange(ids: number, offs: number, s0: number, s1: number, lr0: number, lrMin: number, totalWords: number, progress: number): number;
  stepSgns(c: number, o: number, negs: number, k: number, lr: number): void;
  stepCbow(ctx: number, n: number, c: number, negs: number, k: number, lr: number): void;
  stepHsSg(c: number, o: number, lr: number): void;
  stepHsCbow(ctx: number, n: number, c: number, lr: number): void;
  dotRows(mat: number, rows: number, rowBytes: number, q: number, out: number): void;
}

/** Byte offsets of everything in the shared memory. Plain data, so it can be posted to a worker thread. */
export interface Layout {
  vocab: number;
  dim: number;
  /** Bytes per row: dim rounded up to 4 floats. */
  stride: number;
  threads: number;
  epochs: number;
  /** i64 words processed (all threads) at progress; i32 stop flag at progress + 8; i32 next chunk at + 12. */
  progress: number;
  /** f64 per thread per epoch: [lossSum, pairs, words]. */
  stats: number;
  syn0: number;
  syn1: number;
  aliasProb: number;
  aliasIdx: number;
  keep: number;
  /** Hierarchical softmax only (else 0): the Huffman paths, u32 each (see huffman.ts); pathSteps entries. */
  pathOffsets: number;
  pathNodes: number;
  pathCodes: number;
  pathSteps: number;
  ids: number;
  tokens: number;
  offsets: number;
  sentences: number;
  /** Start of thread t's scratch block is scratch + t × scratchSize. */
  scratch: number;
  scratchSize: number;
  bytes: number;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled kernel module (compiled once per thread; a Module can also be posted to workers). */
export function kernelModule(): WebAssembly.Module {
  if (!compiled) compiled = new WebAssembly.Module(fs.readFileSync(requireDistFile(KERNEL_FILE, 'the word2vec kernel')));
  return compiled;
}

const align = (n: number, a = 16) => Math.ceil(n / a) * a;

/** Plan the memory for a vocabulary, corpus and thread count. */
export function planLayout(o: { vocab: number; dim: number; threads: number; epochs: number; tokens: number; sentences: number; pathSteps?: number }): Layout {
  const stride = align(o.dim * 4);
  let p = BASE;
  const take = (bytes: number) => {
    const at = p;
    p = align(p + bytes);
    return at;
  };
  const progress = take(16);
  const stats = take(o.threads * o.epochs * 3 * 8);
  const syn0 = take(o.vocab * stride);
  const syn1 = take(o.vocab * stride);
  const aliasProb = take(o.vocab * 4);
  const aliasIdx = take(o.vocab * 4);
  const keep = take(o.vocab * 4);
  const pathSteps = o.pathSteps ?? 0;
  const pathOffsets = pathSteps ? take((o.vocab + 1) * 4) : 0;
  const pathNodes = pathSteps ? take(pathSteps * 4) : 0;
  const pathCodes = pathSteps ? take(pathSteps * 4) : 0;
  const ids = take(o.tokens * 4);
  const offsets = take((o.sentences + 1) * 4);
  const scratchSize = align(72 * 12 + 32 + 3 * stride + MAX_SENTENCE * 4); // ≥ scratchBytes() of the kernel, checked at instantiation
  const scratch = take(o.threads * scratchSize);
  return { vocab: o.vocab, dim: o.dim, stride, threads: o.threads, epochs: o.epochs, progress, stats, syn0, syn1, aliasProb, aliasIdx, keep, pathOffsets, pathNodes, pathCodes, pathSteps, ids, tokens: o.tokens, offsets, sentences: o.sentences, scratch, scratchSize, bytes: p };
}

/** A shared memory big enough for the layout (zero-filled). */
export function allocMemory(layout: Layout): WebAssembly.Memory {
  const pages = Math.ceil(layout.bytes / 65536);
  if (pages > 65536) throw new Error(`the model and corpus need ${(layout.bytes / 2 ** 30).toFixed(1)} GiB, more than WebAssembly's 4 GiB`);
  return new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
}

export interface KernelConfig {
  negative: number;
  window: number;
  cbow: boolean;
  /** Hierarchical softmax over the Huffman paths in the layout (negative is then unused). */
  hs?: boolean;
  seed: number;
}

/** Instantiate the kernel for thread `t` on the shared memory and point it at the tables. */
export function instantiateKernel(module: WebAssembly.Module, memory: WebAssembly.Memory, layout: Layout, t: number, cfg: KernelConfig): KernelExports {
  const inst = new WebAssembly.Instance(module, { env: { memory } });
  const k = inst.exports as unknown as KernelExports;
  if (k.scratchBytes(layout.stride) > layout.scratchSize) throw new Error('kernel scratch larger than planned');
  // Distinct, seed-derived RNG streams per thread (SplitMix64-style odd increments).
  const seed = (BigInt(cfg.seed >>> 0) * 0x9e3779b97f4a7c15n + BigInt(t + 1) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  k.setup(layout.syn0, layout.syn1, layout.aliasProb, layout.aliasIdx, layout.keep, layout.vocab, layout.stride,
    cfg.negative, cfg.window, cfg.cbow ? 1 : 0, layout.scratch + t * layout.scratchSize, seed);
  if (cfg.hs) {
    if (!layout.pathSteps) throw new Error('hierarchical softmax needs the Huffman paths in the layout');
    k.setupHs(layout.pathOffsets, layout.pathNodes, layout.pathCodes);
  }
  return k;
}

/**
 * A kernel instance on a fresh memory of at least `bytes` usable bytes (from `base`), for its stateless scans
 * (dotRows) outside training.
 */
export function scanKernel(bytes: number): { k: KernelExports; memory: WebAssembly.Memory; base: number } {
  const pages = Math.ceil((BASE + bytes) / 65536);
  if (pages > 65536) throw new Error(`the vectors need ${(bytes / 2 ** 30).toFixed(1)} GiB, more than WebAssembly's 4 GiB`);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const k = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports as unknown as KernelExports;
  return { k, memory, base: BASE };
}

/** Typed views onto the shared memory. Views stay valid: the memory never grows. */
export function views(memory: WebAssembly.Memory, layout: Layout) {
  const buf = memory.buffer;
  const rowFloats = layout.stride / 4;
  return {
    syn0: new Float32Array(buf, layout.syn0, layout.vocab * rowFloats),
    syn1: new Float32Array(buf, layout.syn1, layout.vocab * rowFloats),
    aliasProb: new Uint32Array(buf, layout.aliasProb, layout.vocab),
    aliasIdx: new Uint32Array(buf, layout.aliasIdx, layout.vocab),
    keep: new Uint32Array(buf, layout.keep, layout.vocab),
    pathOffsets: new Uint32Array(buf, layout.pathOffsets, layout.pathSteps ? layout.vocab + 1 : 0),
    pathNodes: new Uint32Array(buf, layout.pathNodes, layout.pathSteps),
    pathCodes: new Uint32Array(buf, layout.pathCodes, layout.pathSteps),
    ids: new Uint32Array(buf, layout.ids, layout.tokens),
    offsets: new Uint32Array(buf, layout.offsets, layout.sentences + 1),
    progress: new BigInt64Array(buf, layout.progress, 1),
    stop: new Int32Array(buf, layout.progress + 8, 1),
    nextChunk: new Int32Array(buf, layout.progress + 12, 1),
    stats: new Float64Array(buf, layout.stats, layout.threads * layout.epochs * 3),
    rowFloats,
  };
}

/** Copy a Huffman tree's paths into the memory laid out for it. */
export function writeTree(v: ReturnType<typeof views>, tree: HuffmanTree): void {
  v.pathOffsets.set(tree.pathOffsets);
  v.pathNodes.set(tree.pathNodes);
  v.pathCodes.set(tree.pathCodes);
}

/**
 * A one-thread kernel on a fresh memory with room for `vocab` rows of `dim` and `ids` spare u32 slots (at
 * layout.ids), with no corpus: for single-example steps (the gradient test) and for scoring. With `tree` (and
 * cfg.hs) it trains hierarchical softmax over that tree.
 */
export function standaloneKernel(vocab: number, dim: number, ids: number, cfg: KernelConfig, tree?: HuffmanTree) {
  const layout = planLayout({ vocab, dim, threads: 1, epochs: 1, tokens: ids, sentences: 0, pathSteps: tree?.pathNodes.length });
  const memory = allocMemory(layout);
  const v = views(memory, layout);
  if (tree) writeTree(v, tree);
  const k = instantiateKernel(kernelModule(), memory, layout, 0, cfg);
  return { k, layout, memory, v };
}
