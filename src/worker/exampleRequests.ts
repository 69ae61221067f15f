/**
 * Worked examples from the user's own saved models, answered in the training worker by the engines: σ(v_o · v_c)
 * for a pair of the note's words in a word2vec model, the softmax over a recurrent language model's next-token
 * scores after the note's text, one row of a Transformer's attention over the note's text. The host sends a model
 * folder it listed (a saved model) and a bounded piece of the note.
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import type { ExampleWorkerRequests, ModelExample } from '../shared/views/explain';
import { loadModel } from '../core/word2vec/store';
import type { Word2vecModel } from '../core/word2vec/model';
import { modelStamp } from '../core/util/atomicWrite';
import { dot, sigmoid, softmax } from '../core/formula/examples';
import { Workspace } from '../core/lstm/model';
import { startId } from '../core/lstm/inspect';
import { splitTokens } from '../core/lm';
import { attentionFor } from '../core/attention';
import { open as openLstm } from './lmRequests';
import { openAttentionModel } from './attentionRequests';

/** The most of the note a request may carry (characters). */
export const MAX_EXAMPLE_TEXT = 4000;
/** Characters of the note before the formula the language model reads. */
const LM_CONTEXT = 200;

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new Error('no text from the note');
  if (text.length > MAX_EXAMPLE_TEXT) throw new Error(`the text is over ${MAX_EXAMPLE_TEXT} characters`);
  return text;
}

let w2v: { dir: string; stamp: string; model: Word2vecModel; index: Map<string, number> } | undefined;
function openVectors(dir: string): NonNullable<typeof w2v> {
  const stamp = modelStamp(dir);
  if (w2v?.dir === dir && w2v.stamp === stamp) return w2v;
  const model = loadModel(dir);
  w2v = { dir, stamp, model, index: new Map(model.words.map((w, i) => [w, i])) };
  return w2v;
}

/** English function words, passed over when the note has a pair of other words. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the and or but if of to in on at by for with from as is are was were be been it its this that these those we you he she they i not no so then than there here which who what when where how all any each every some such can will would should may might do does did has have had our your their his her them us me my into over under about'.split(' '),
);

/**
 * A (centre, context) pair of the note's words that are both in the vocabulary, within 5 known words of each other
 * as in training; function words (the, and, of …) are passed over while another pair exists.
 */
export function notePair(words: readonly string[], index: ReadonlyMap<string, number>): [string, string] | undefined {
  const known = words.filter((w) => index.has(w));
  for (const skipFunctionWords of [true, false]) {
    const cand = skipFunctionWords ? known.filter((w) => !FUNCTION_WORDS.has(w)) : known;
    for (let i = 0; i < cand.length; i++) {
      for (let j = i + 1; j < Math.min(cand.length, i + 6); j++) if (cand[j] !== cand[i]) return [cand[i], cand[j]];
    }
  }
  return undefined;
}

function word2vecExample(p: { dir: string; text: string }): ModelExample {
  const { model, index } = openVectors(p.dir);
  const words = checkText(p.text).toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]*/gu) ?? [];
  const fromNote = notePair(words, index);
  const pair = fromNote ?? (model.words.length >= 22 ? [model.words[20], model.words[21]] : model.words.slice(0, 2));
  if (pair.length < 2) throw new Error('the model has fewer than two words');
  const [c, o] = pair as [string, string];
  const row = (w: string) => Array.from(model.vectors.subarray(index.get(w)! * model.dim, (index.get(w)! + 1) * model.dim));
  const vc = row(c);
  const vo = row(o);
  const d = dot(vo, vc);
  const s = sigmoid(d);
  return {
    kind: 'word2vec',
    model: path.basename(p.dir),
    title: `σ(v_o · v_c) for c = “${c}”, o = “${o}” from your word vectors`,
    rows: [
      { label: 'v_c · v_o', value: String(round(d)) },
      { label: 'σ(v_o · v_c)', value: String(round(s)) },
      { label: 'σ(−v_o · v_c)', value: String(round(1 - s)) },
    ],
    values: { centre: c, context: o, dot: d, sigma: s, dim: model.dim },
    text:
      `${fromNote ? 'Both words are from your note and in the vocabulary' : "No two nearby words of the note are in the model's vocabulary, so the pair is two of its words"}; ` +
      `${model.dim}-dimensional vectors. A saved word2vec model keeps only the word (input) vectors v, not the output vectors u, so this scores the pair with v_o in the place of u_o.`,
  };
}

function lstmExample(p: { dir: string; text: string }): ModelExample {
  const model = openLstm(p.dir);
  const text = checkText(p.text).slice(-LM_CONTEXT);
  const toks = splitTokens(text, model.vocab.level);
  if (!toks.length) throw new Error('no text before the formula to read');
  const ids = Array.from(model.vocab.encodeTokens(toks).ids);
  const T = ids.length + 1;
  const ws = new Workspace(model.config, 1, T, { ops: model.ops ?? 'wasm', train: false });
  ws.theta.set(model.theta);
  ws.resetState();
  ws.forward([startId(model), ...ids], null, false);
  const V = model.config.vocabSize;
  const z = Array.from(ws.logits.subarray((T - 1) * V, T * V));
  const p1 = softmax(z);
  const top = Array.from({ length: V }, (_, k) => k).sort((a, b) => p1[b] - p1[a]).slice(0, 5);
  const show = (k: number) => JSON.stringify(model.vocab.tokenText(k));
  const after = JSON.stringify(text.slice(-24));
  return {
    kind: 'lstm',
    model: path.basename(p.dir),
    title: `softmax over your language model's next-${model.vocab.level === 'char' ? 'character' : 'word'} scores after ${after}`,
    rows: top.map((k) => ({ label: `${show(k)}: z = ${round(z[k], 3)}`, value: `p = ${round(p1[k])}` })),
    values: { after: text, tokens: top.map((k) => model.vocab.tokenText(k)), scores: top.map((k) => z[k]), probs: top.map((k) => p1[k]), vocabSize: V },
    text: `The model read the ${toks.length} ${model.vocab.level === 'char' ? 'characters' : 'words'} of your note before the formula; softmax turns its ${V} scores z into probabilities (the 5 largest shown).`,
  };
}

async function transformerExample(p: { dir: string; text: string }): Promise<ModelExample> {
  const m = await openAttentionModel(p.dir);
  if (m.kind === 'seq2seq') throw new Error(`${path.basename(p.dir)} is a seq2seq model, not a Transformer language model`);
  const r = attentionFor(m, checkText(p.text));
  if (r.kind !== 'transformer') throw new Error('not a Transformer');
  const layer = r.attention.length - 1;
  const row = r.attention[layer][0][r.tokens.length - 1];
  const order = row.map((_, j) => j).sort((a, b) => row[b] - row[a]).slice(0, 5);
  const last = JSON.stringify(r.tokens[r.tokens.length - 1]);
  return {
    kind: 'transformer',
    model: path.basename(p.dir),
    title: `one attention row of your Transformer: what the last token ${last} attends to`,
    rows: order.map((j) => ({ label: `${JSON.stringify(r.tokens[j])} (position ${j + 1})`, value: String(round(row[j])) })),
    values: { layer: layer + 1, head: 1, tokens: r.tokens, row },
    text: `Layer ${layer + 1}, head 1, over the ${r.tokens.length} tokens of your note's text around the formula: softmax(q·kᵀ/√d) of the last token's query; the row sums to 1 (the 5 largest weights shown).`,
  };
}

/** The "example." requests. */
export const exampleHandlers: Handlers<ExampleWorkerRequests> = {
  'example.word2vec': word2vecExample,
  'example.lstm': lstmExample,
  'example.transformer': transformerExample,
};
