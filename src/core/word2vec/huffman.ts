/**
 * The Huffman tree of hierarchical softmax, built as word2vec.c builds it: the vocabulary sorted by count (most
 * frequent first) is merged bottom-up with two queues, so the tree is a pure function of the counts in vocabulary
 * order — a saved model's tree is rebuilt from its `counts`, never stored. Frequent words get short codes.
 *
 * There are V − 1 inner nodes, numbered in merge order (0 merges the two rarest words; V − 2 is the root); inner
 * node n owns row n of syn1. A word's path runs from the root down to the word: at step d it passes inner node
 * nodes[d] and takes the branch with code bit codes[d] (the training label at that node is 1 − bit).
 */
import type { Word2vecModel } from './model';
import { UnknownWordError } from './vectors';

/** Longest path the kernel handles (MAX_PATH in wasm/kernel.ts). Reaching it needs counts growing like Fibonacci numbers. */
export const MAX_PATH = 66;

export interface HuffmanTree {
  vocab: number;
  /** Word w's path is pathNodes/pathCodes[pathOffsets[w] .. pathOffsets[w + 1]), root first. */
  pathOffsets: Uint32Array;
  pathNodes: Uint32Array;
  pathCodes: Uint32Array;
  /** Per inner node: the summed count of the words below it, and its depth (the root's is 0). */
  nodeCounts: Float64Array;
  nodeDepths: Uint32Array;
  /** The longest path (the deepest word's code length). */
  maxDepth: number;
}

export class HuffmanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HuffmanError';
  }
}

/** Build the tree for `counts` (most frequent first, at least two words). */
export function huffmanTree(counts: readonly number[]): HuffmanTree {
  const V = counts.length;
  if (V < 2) throw new HuffmanError(`a Huffman tree needs at least 2 words, got ${V}`);
  for (let i = 1; i < V; i++) {
    if (!(counts[i] <= counts[i - 1])) throw new HuffmanError('the counts must be sorted, most frequent first');
  }
  // Nodes 0..V-1 are the words, V..2V-2 the inner nodes in merge order; both queues are ascending by count.
  const count = new Float64Array(2 * V - 1);
  for (let i = 0; i < V; i++) count[i] = counts[i];
  const parent = new Uint32Array(2 * V - 1);
  const bit = new Uint8Array(2 * V - 1);
  let leaf = V - 1; // next rarest word
  let inner = V; // next smallest inner node
  const pick = (made: number) => (leaf >= 0 && (inner >= V + made || count[leaf] < count[inner]) ? leaf-- : inner++);
  for (let i = 0; i < V - 1; i++) {
    const a = pick(i);
    const b = pick(i);
    count[V + i] = count[a] + count[b];
    parent[a] = V + i;
    parent[b] = V + i;
    bit[b] = 1;
  }
  // A parent is made after its children, so walking down from the root visits parents first.
  const depth = new Uint32Array(2 * V - 1);
  for (let n = 2 * V - 3; n >= 0; n--) depth[n] = depth[parent[n]] + 1;
  const pathOffsets = new Uint32Array(V + 1);
  let maxDepth = 0;
  for (let w = 0; w < V; w++) {
    pathOffsets[w + 1] = pathOffsets[w] + depth[w];
    maxDepth = Math.max(maxDepth, depth[w]);
  }
  if (maxDepth > MAX_PATH) throw new HuffmanError(`the Huffman tree is ${maxDepth} levels deep; hierarchical softmax handles at most ${MAX_PATH}`);
  const pathNodes = new Uint32Array(pathOffsets[V]);
  const pathCodes = new Uint32Array(pathOffsets[V]);
  for (let w = 0; w < V; w++) {
    for (let node = w, k = pathOffsets[w + 1]; node !== 2 * V - 2; node = parent[node]) {
      k--;
      pathNodes[k] = parent[node] - V;
      pathCodes[k] = bit[node];
    }
  }
  return { vocab: V, pathOffsets, pathNodes, pathCodes, nodeCounts: count.slice(V), nodeDepths: depth.slice(V), maxDepth };
}

export interface HsPathStep {
  /** Inner-node id (its row in the model's syn1). */
  node: number;
  /** Summed count of the words below this node. */
  count: number;
  /** Depth of this node (the root's is 0). */
  depth: number;
  /** The branch the word takes here. */
  bit: 0 | 1;
}

export interface HsWordPath {
  word: string;
  count: number;
  /** The Huffman code, root first, e.g. "0110". */
  code: string;
  path: HsPathStep[];
}

export interface HsTreeSummary {
  vocab: number;
  innerNodes: number;
  root: number;
  maxDepth: number;
  /** Code length averaged over the corpus tokens (count-weighted): the expected number of nodes per prediction. */
  meanCodeLength: number;
  words: HsWordPath[];
}

/** The paths of `words` in the Huffman tree of a model trained with hierarchical softmax (unknown words throw). */
export function hsPaths(model: Pick<Word2vecModel, 'words' | 'counts' | 'params'>, words: readonly string[]): HsTreeSummary {
  if (!model.params?.hs) throw new HuffmanError('this model was not trained with hierarchical softmax (train it with --hs)');
  const tree = huffmanTree(model.counts);
  const index = new Map(model.words.map((w, i) => [w, i]));
  const out = words.map((word): HsWordPath => {
    const w = index.get(word);
    if (w === undefined) throw new UnknownWordError(word);
    const path: HsPathStep[] = [];
    for (let k = tree.pathOffsets[w]; k < tree.pathOffsets[w + 1]; k++) {
      const node = tree.pathNodes[k];
      path.push({ node, count: tree.nodeCounts[node], depth: tree.nodeDepths[node], bit: tree.pathCodes[k] as 0 | 1 });
    }
    return { word, count: model.counts[w], code: path.map((s) => s.bit).join(''), path };
  });
  let tokens = 0;
  let weighted = 0;
  for (let w = 0; w < tree.vocab; w++) {
    tokens += model.counts[w];
    weighted += model.counts[w] * (tree.pathOffsets[w + 1] - tree.pathOffsets[w]);
  }
  return { vocab: tree.vocab, innerNodes: tree.vocab - 1, root: tree.vocab - 2, maxDepth: tree.maxDepth, meanCodeLength: tokens > 0 ? weighted / tokens : NaN, words: out };
}

/** One step of a word's path scored for a context word: the inner node's dot product, σ, and the branch taken. */
export interface HsScoredStep extends HsPathStep {
  /** v_context · u_node (u_node: the node's row of syn1). */
  dot: number;
  /** σ(dot): the probability of branch 0 at this node. */
  sigma: number;
  /** The probability of the branch the word takes: σ(dot) for bit 0, 1 − σ(dot) for bit 1. */
  branch: number;
}

export interface HsScoredWord extends HsWordPath {
  path: HsScoredStep[];
  /** P(word | context) = the product of the branch probabilities along the path. */
  probability: number;
}

export interface HsScoredTree extends HsTreeSummary {
  context: string;
  words: HsScoredWord[];
}

/** σ(x) = 1 / (1 + e^−x), computed without overflow for large |x|. */
function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * The paths of `words` scored for `context` (skip-gram: the context word's input vector predicts each word):
 * at every inner node on a word's path σ(v_context · u_node), the branch probability, and their product
 * P(word | context). Over the whole vocabulary these probabilities sum to 1.
 */
export function hsPathProbabilities(model: Pick<Word2vecModel, 'words' | 'counts' | 'params' | 'vectors' | 'syn1' | 'dim'>, context: string, words: readonly string[]): HsScoredTree {
  const summary = hsPaths(model, words);
  const syn1 = model.syn1;
  if (!syn1) throw new HuffmanError('this model has no inner-node vectors (syn1); train it again with hierarchical softmax');
  const c = model.words.indexOf(context);
  if (c < 0) throw new UnknownWordError(context);
  const { dim, vectors } = model;
  const scored = summary.words.map((w): HsScoredWord => {
    let probability = 1;
    const path = w.path.map((s): HsScoredStep => {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += vectors[c * dim + d] * syn1[s.node * dim + d];
      const sigma = sigmoid(dot);
      const branch = s.bit === 0 ? sigma : 1 - sigma;
      probability *= branch;
      return { ...s, dot, sigma, branch };
    });
    return { ...w, path, probability };
  });
  return { ...summary, context, words: scored };
}

/** A context word and a few words to show when none are chosen: spread over the frequency ranks (frequent → rare). */
export function hsExampleWords(words: readonly string[]): { context: string; words: string[] } {
  const pick = (rank: number) => words[Math.min(words.length - 1, rank)];
  const shown = [...new Set([2, 20, 200, 2000].map(pick))];
  return { context: pick(8), words: shown };
}
