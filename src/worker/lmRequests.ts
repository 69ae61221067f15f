/**
 * Language-model queries answered in the training worker ("lm." methods of LmWorkerRequests): generation,
 * perplexity, teacher forcing vs free running, a model's saved history. Loaded models are cached by folder and
 * reloaded when model.json changes (a running job rewrites it at every checkpoint).
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import type { LmModelInfo, LmScoredToken, LmWorkerRequests } from '../shared/views/lm';
import { compareTeacherForcing, generate, loadCheckpoint, loadLstm, perplexityOfAsync, scoreIds, type LstmModel } from '../core/lstm';
import { EOS, readModelType, splitTokens } from '../core/lm';
import { modelStamp } from '../core/util/atomicWrite';

/** Texts with more tokens than this get the figure but no per-token detail. */
const DETAIL_LIMIT = 20_000;

/** Loaded models by folder (shared with the gate view's requests, insideRequests.ts). */
const cache = new Map<string, { mtimeMs: string; model: LstmModel }>();

export function open(dir: unknown): LstmModel {
  if (typeof dir !== 'string' || !dir) throw new Error('no model folder given');
  const type = readModelType(dir);
  if (type !== 'lstm') throw new Error(`${path.basename(dir)} is a ${type} model, not an LSTM language model`);
  const mtimeMs = modelStamp(dir);
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === mtimeMs) return hit.model;
  const model = loadLstm(dir);
  cache.set(dir, { mtimeMs, model });
  if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  return model;
}

/**
 * The surprisal of each token of `text`, in text order, exactly as perplexityOf scores it: scoreIds cuts the text
 * into B streams of L tokens and scores every token but each stream's first (context), so token b·L + t + 1 gets
 * surprisal s[b·L + t].
 */
function detailOf(model: LstmModel, text: string): LmScoredToken[] | undefined {
  const level = model.vocab.level;
  const toks = splitTokens(text, level);
  if (toks.length > DETAIL_LIMIT) return undefined;
  const ids = model.vocab.encodeTokens(toks).ids;
  const s = scoreIds(model, ids);
  const n = ids.length;
  // The layout of scoreIds (engine.ts): T positions per chunk, B streams of L tokens; checked against the count.
  const T = Math.min(model.config.vocabSize > 4096 ? 32 : 64, n - 1);
  const streams = Math.max(1, Math.min(32, Math.floor((n - 1) / T)));
  const L = Math.floor((n - 1) / streams);
  if (streams * L !== s.length) throw new Error(`internal: could not map ${s.length} scores onto ${n} tokens`);
  const out: LmScoredToken[] = [];
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    let display: string;
    if (level === 'char') display = t;
    else if (t === EOS) display = '\n';
    else display = (lineStart ? '' : ' ') + t;
    lineStart = level === 'word' && t === EOS;
    out.push({ display });
  }
  for (let b = 0; b < streams; b++) {
    for (let t = 0; t < L; t++) {
      const sv = s[b * L + t];
      const tok = out[b * L + t + 1];
      tok.surprisal = sv;
      tok.prob = Math.exp(-sv);
    }
  }
  return out;
}

function infoOf(dir: string): LmModelInfo {
  const model = open(dir);
  const meta = model.meta!;
  return {
    dir,
    level: model.vocab.level,
    vocabSize: model.vocab.size,
    embedding: model.config.embedding,
    hidden: model.config.hidden,
    layers: model.config.layers,
    step: meta.step,
    history: meta.history.map((h) => ({ step: h.step, trainLoss: h.trainLoss, heldOutLoss: h.heldOutLoss, perplexity: h.perplexity, bitsPerChar: h.bitsPerChar })),
    samples: meta.samples,
  };
}

function needText(text: unknown, what: string): string {
  if (typeof text !== 'string') throw new Error(what);
  return text;
}

/** The "lm." requests. */
export const lmHandlers: Handlers<LmWorkerRequests> = {
  'lm.generate': (p) => generate(open(p.dir), { prompt: p.prompt, length: p.length, temperature: p.temperature, topK: p.topK, topP: p.topP, seed: p.seed }),
  'lm.perplexity': async (p) => {
    const text = needText(p.text, 'no text to score');
    const model = open(p.dir);
    const r = await perplexityOfAsync(model, text);
    return { ...r, detail: detailOf(model, text), detailLimit: DETAIL_LIMIT };
  },
  'lm.teacherForcing': (p) => compareTeacherForcing(open(p.dir), needText(p.text, 'no text to compare on'), { prefix: p.prefix, length: p.length }),
  'lm.info': (p) => infoOf(p.dir),
  'lm.checkpoint': (p) => {
    if (typeof p.dir !== 'string' || !p.dir) throw new Error('no model folder given');
    const c = loadCheckpoint(p.dir);
    return { step: c.meta.step, corpusTokens: c.meta.corpus?.tokens ?? 0 };
  },
};
