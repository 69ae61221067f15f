/**
 * The hierarchical-softmax tree view: the Huffman tree's paths of a few words drawn from the root down, each inner
 * node with σ(v_context · u_node) and each edge with its code bit and the probability of taking it; a word's leaf
 * shows P(word | context), the product along its path. The numbers are the engine's (hsPathProbabilities).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../../media/models.css';
import type { HsScoredTree } from '../../src/shared/views/models';
import { h, setChildren } from '../common/vscode';
import { s } from './svgPlot';
import type { ViewFactory } from './viewModule';

type Valued = HTMLElement & { value: string };

interface TreeNode {
  key: string;
  depth: number;
  sigma?: number;
  children: Map<string, TreeNode>;
  /** The edge into this node: its bit and branch probability. */
  bit?: number;
  branch?: number;
  word?: string;
  probability?: number;
  x: number;
}

/** The union of the words' paths as a tree (keys are code prefixes), leaves placed left to right by code. */
function buildTree(tree: HsScoredTree): { root: TreeNode; depth: number; leaves: number } {
  const root: TreeNode = { key: '', depth: 0, children: new Map(), x: 0 };
  for (const w of [...tree.words].sort((a, b) => a.code.localeCompare(b.code))) {
    let node = root;
    w.path.forEach((step, d) => {
      node.sigma = step.sigma;
      const key = w.code.slice(0, d + 1);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { key, depth: d + 1, children: new Map(), bit: step.bit, branch: step.branch, x: 0 }));
      node = next;
    });
    node.word = w.word;
    node.probability = w.probability;
  }
  let leaves = 0;
  let depth = 0;
  const place = (n: TreeNode): void => {
    depth = Math.max(depth, n.depth);
    const kids = [...n.children.values()].sort((a, b) => (a.bit ?? 0) - (b.bit ?? 0));
    kids.forEach(place);
    n.x = kids.length ? kids.reduce((a, k) => a + k.x, 0) / kids.length : leaves++;
  };
  place(root);
  return { root, depth, leaves };
}

function drawTree(tree: HsScoredTree): SVGElement {
  const { root, depth, leaves } = buildTree(tree);
  const colW = 110;
  const rowH = Math.max(34, Math.min(60, 520 / Math.max(1, depth)));
  const width = Math.max(360, leaves * colW + 40);
  const height = depth * rowH + 80;
  const X = (n: TreeNode) => 20 + colW / 2 + n.x * colW;
  const Y = (n: TreeNode) => 24 + n.depth * rowH;
  const svg = s('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'plot hs-tree', id: 'hs-tree-svg' });
  const visit = (n: TreeNode): void => {
    for (const k of n.children.values()) {
      svg.append(s('line', { x1: X(n), y1: Y(n), x2: X(k), y2: Y(k), class: `hs-edge b${k.bit}` }));
      const mx = (X(n) + X(k)) / 2;
      const my = (Y(n) + Y(k)) / 2;
      svg.append(s('text', { x: mx + (k.bit ? 4 : -4), y: my, class: 'plot-tick', 'text-anchor': k.bit ? 'start' : 'end' }, `${k.bit}: ${k.branch!.toFixed(3)}`));
      visit(k);
    }
    if (n.children.size) {
      svg.append(s('circle', { cx: X(n), cy: Y(n), r: 5, class: 'hs-node' }));
      svg.append(s('text', { x: X(n) + 8, y: Y(n) - 6, class: 'plot-tick' }, `σ ${n.sigma!.toFixed(3)}`));
    }
    if (n.word !== undefined) {
      svg.append(s('rect', { x: X(n) - 5, y: Y(n) - 5, width: 10, height: 10, class: 'hs-leaf' }));
      svg.append(s('text', { x: X(n), y: Y(n) + 20, class: 'hs-word', 'text-anchor': 'middle' }, n.word));
      svg.append(s('text', { x: X(n), y: Y(n) + 34, class: 'plot-tick', 'text-anchor': 'middle' }, `P ${n.probability!.toExponential(2)}`));
    }
  };
  visit(root);
  return svg;
}

function pathTable(tree: HsScoredTree): HTMLElement {
  return h(
    'table',
    { class: 'hs-table', id: 'hs-paths' },
    h('tr', {}, h('th', {}, 'word'), h('th', {}, 'count'), h('th', {}, 'code'), h('th', {}, 'branch probabilities (σ for 0, 1 − σ for 1)'), h('th', {}, `P(word | ${tree.context})`)),
    ...tree.words.map((w) => h('tr', {}, h('td', {}, w.word), h('td', {}, String(w.count)), h('td', { class: 'hs-code' }, w.code), h('td', { class: 'hs-code' }, w.path.map((p) => p.branch.toFixed(3)).join(' × ')), h('td', {}, w.probability.toExponential(3)))),
  );
}

export const hsTreeView: ViewFactory<'w2v-hs-tree'> = (root, ctx) => {
  const wrap = h('div', { class: 'models' });
  root.append(wrap);
  const context = h('vscode-textfield', { id: 'hs-context', placeholder: 'context word' }) as Valued;
  const words = h('vscode-textfield', { id: 'hs-words', class: 'models-text', placeholder: 'words, comma-separated' }) as Valued;
  const error = h('div', { class: 'models-error', id: 'hs-error' });
  const ask = () => {
    error.textContent = '';
    const list = words.value.split(',').map((w) => w.trim()).filter((w) => w !== '');
    ctx.host.request('hsTree.show', { context: context.value.trim(), words: list }).catch((e: Error) => (error.textContent = e.message));
  };
  const status = h('div', { class: 'models-status', id: 'hs-status' });
  const body = h('div', {});
  const label = (text: string, el: HTMLElement) => h('label', { class: 'models-labelled' }, text, el);
  setChildren(wrap, h('h2', {}, 'Hierarchical softmax: the Huffman tree'), h('div', { class: 'models-controls' }, label('Context word', context), label('Words', words), h('vscode-button', { id: 'hs-show', onclick: ask }, 'Show paths')), error, status, body);
  return {
    show(d) {
      error.textContent = d.error ?? '';
      const t = d.tree;
      root.dataset.words = String(t?.words.length ?? 0);
      if (!t) return setChildren(body, h('p', { class: 'models-empty' }, 'Train word2vec with hierarchical softmax, then show the paths of a few words.'));
      context.value = d.context;
      words.value = d.words.join(', ');
      status.textContent = `${d.model ?? 'model'}: ${t.vocab} words, ${t.innerNodes} inner nodes, depth up to ${t.maxDepth}, mean code length ${t.meanCodeLength.toFixed(2)} per token`;
      setChildren(body, h('div', { class: 'hs-scroll' }, drawTree(t)), pathTable(t));
    },
  };
};
