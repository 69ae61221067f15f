/**
 * Language-model queries answered in the training worker ("lm." methods of LmWorkerRequests): generation,
 * perplexity, teacher forcing vs free running, a model's saved history, for any saved language model — an LSTM
 * (GRU, RNN cells too) or a causal Transformer — and the picker's description of saved model folders. LSTMs are
 * cached by folder here and reloaded when model.json changes (a running job rewrites it at every checkpoint);
 * Transformers share the attention requests' cache.
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import type { LmModelInfo, LmPerplexityReport, LmScoredToken, LmWorkerRequests } from '../shared/views/lm';
import { compareTeacherForcing, generate, loadCheckpoint, loadLstm, perplexityOfAsync, scoreIds, type LstmModel } from '../core/lstm';
import { displayTokens, readModelJson, splitTokens, type LmLevel } from '../core/lm';
import { modelFacts } from '../core/lm/describe';
import { generateTransformer, transformerPerplexityAsync, transformerTeacherForcing, type CausalLm } from '../core/attention/causalLm';
import type { LoadedAttentionModel } from '../core/attention';
import { modelStamp, modelVersionDir } from '../core/util/atomicWrite';
import { readJsonBounded } from '../core/util/safeRead';
import { openAttentionModel } from './attentionRequests';

/** Texts with more tokens than this get the figure but no per-token detail. */
const DETAIL_LIMIT = 20_000;
/** A model.json larger than this is not described in a picker (the models here are far smaller). */
const MAX_DESCRIBE_BYTES = 64 * 1024 * 1024;
/** Folders described per request. */
const MAX_DESCRIBE = 200;

/** Loaded models by folder (shared with the gate view's requests, insideRequests.ts). */
const cache = new Map<string, { mtimeMs: string; model: LstmModel }>();
/** Which engine each folder needs, by its model.json stamp (read once per version). */
const kinds = new Map<string, { stamp: string; kind: 'lstm' | 'transformer' }>();

function lmKind(dir: string): 'lstm' | 'transformer' {
  const stamp = modelStamp(dir);
  const hit = kinds.get(dir);
  if (hit && hit.stamp === stamp) return hit.kind;
  const j = readModelJson(dir);
  const kind = j.type === 'lstm' ? 'lstm' : j.format === 'ml-study-attention' && j.kind === 'transformer' ? 'transformer' : undefined;
  if (!kind) {
    const what = typeof j.kind === 'string' ? j.kind : typeof j.type === 'string' ? j.type : 'unknown';
    throw new Error(`${path.basename(dir)} is a ${what.slice(0, 40)} model, not a language model (an LSTM or a causal Transformer)`);
  }
  kinds.set(dir, { stamp, kind });
  if (kinds.size > 64) kinds.delete(kinds.keys().next().value as string);
  return kind;
}

export function open(dir: unknown): LstmModel {
  if (typeof dir !== 'string' || !dir) throw new Error('no model folder given');
  if (lmKind(dir) !== 'lstm') throw new Error(`${path.basename(dir)} is a Transformer, not an LSTM language model`);
  const mtimeMs = modelStamp(dir);
  const hit = cache.get(dir);
  if (hit && hit.mtimeMs === mtimeMs) return hit.model;
  const model = loadLstm(dir);
  cache.set(dir, { mtimeMs, model });
  if (cache.size > 4) cache.delete(cache.keys().next().value as string);
  return model;
}

type OpenLm = { kind: 'lstm'; model: LstmModel } | { kind: 'transformer'; lm: CausalLm & { loaded: Extract<LoadedAttentionModel, { kind: 'transformer' }> } };

/** The language model in a folder, whichever engine made it. */
async function openLm(dir: unknown): Promise<OpenLm> {
  if (typeof dir !== 'string' || !dir || !path.isAbsolute(dir)) throw new Error('no model folder given (an absolute path)');
  if (lmKind(dir) === 'lstm') return { kind: 'lstm', model: open(dir) };
  const loaded = await openAttentionModel(dir);
  if (loaded.kind !== 'transformer') throw new Error(`${path.basename(dir)} is not a causal Transformer`);
  return { kind: 'transformer', lm: { model: loaded.model, vocab: loaded.vocab, loaded } };
}

/**
 * The text's tokens for the view, each scored token with its surprisal: `surprisalOf(i)` is token i's, or undefined
 * for a token read as context only.
 */
function detailOf(level: LmLevel, toks: string[], surprisalOf: (i: number) => number | undefined): LmScoredToken[] {
  return displayTokens(level, toks).map((display, i) => {
    const s = surprisalOf(i);
    return s === undefined ? { display } : { display, surprisal: s, prob: Math.exp(-s) };
  });
}

/**
 * LSTM: scoreIds cuts the text into B streams of L tokens and scores every token but each stream's first
 * (context), so token b·L + t + 1 gets surprisal s[b·L + t].
 */
function lstmDetail(model: LstmModel, toks: string[]): LmScoredToken[] {
  const ids = model.vocab.encodeTokens(toks).ids;
  const s = scoreIds(model, ids);
  const n = ids.length;
  // The layout of scoreIds (engine.ts): T positions per chunk, B streams of L tokens; checked against the count.
  const T = Math.min(model.config.vocabSize > 4096 ? 32 : 64, n - 1);
  const streams = Math.max(1, Math.min(32, Math.floor((n - 1) / T)));
  const L = Math.floor((n - 1) / streams);
  if (streams * L !== s.length) throw new Error(`internal: could not map ${s.length} scores onto ${n} tokens`);
  return detailOf(model.vocab.level, toks, (i) => {
    const b = Math.floor((i - 1) / L);
    return i >= 1 && b < streams ? s[i - 1] : undefined;
  });
}

async function perplexityReport(m: OpenLm, text: string): Promise<LmPerplexityReport> {
  if (m.kind === 'lstm') {
    const r = await perplexityOfAsync(m.model, text);
    const toks = splitTokens(text, m.model.vocab.level);
    return { ...r, detail: toks.length > DETAIL_LIMIT ? undefined : lstmDetail(m.model, toks), detailLimit: DETAIL_LIMIT };
  }
  const { surprisals, ...r } = await transformerPerplexityAsync(m.lm, text);
  // Token j (j ≥ 1) has surprisal s[j − 1]; the first is context only.
  const toks = splitTokens(text, m.lm.vocab.level);
  return { ...r, detail: toks.length > DETAIL_LIMIT ? undefined : detailOf(m.lm.vocab.level, toks, (i) => (i >= 1 ? surprisals[i - 1] : undefined)), detailLimit: DETAIL_LIMIT };
}

function infoOf(dir: string, m: OpenLm): LmModelInfo {
  if (m.kind === 'lstm') {
    const { model } = m;
    const meta = model.meta!;
    return {
      dir,
      kind: model.config.cell ?? 'lstm',
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
  const { json, vocab } = m.lm.loaded;
  const r = (json.result ?? {}) as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const step = num(r.steps) ?? num((json as { training?: { step?: unknown } }).training?.step) ?? 0;
  const held = num(r.heldOutLoss);
  return {
    dir,
    kind: 'transformer',
    level: vocab.level,
    vocabSize: vocab.size,
    embedding: json.config.dModel,
    hidden: json.config.ffn,
    layers: json.config.layers,
    heads: json.config.heads,
    context: json.config.seq,
    step,
    // The trainer saves its final evaluation (the live curve is the job's); one point for the chart.
    history: held === undefined ? [] : [{ step, trainLoss: num(r.finalLoss), heldOutLoss: held, perplexity: num(r.heldOutPerplexity), bitsPerChar: num(r.bitsPerChar) }],
    samples: [],
  };
}

function needText(text: unknown, what: string): string {
  if (typeof text !== 'string') throw new Error(what);
  return text;
}

/** The picker's facts of one folder, or why it cannot be described (bounded read, every field checked). */
function describe(dir: unknown): { dir: string; facts?: ReturnType<typeof modelFacts>; error?: string } {
  if (typeof dir !== 'string' || !path.isAbsolute(dir)) return { dir: String(dir).slice(0, 200), error: 'not a model folder' };
  try {
    return { dir, facts: modelFacts(readJsonBounded(path.join(modelVersionDir(dir), 'model.json'), MAX_DESCRIBE_BYTES, 'model description')) };
  } catch (e) {
    return { dir, error: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300) };
  }
}

/** The "lm." requests. */
export const lmHandlers: Handlers<LmWorkerRequests> = {
  'lm.generate': async (p) => {
    const m = await openLm(p.dir);
    const opts = { prompt: p.prompt, length: p.length, temperature: p.temperature, topK: p.topK, topP: p.topP, seed: p.seed };
    return m.kind === 'lstm' ? generate(m.model, opts) : generateTransformer(m.lm, opts);
  },
  'lm.perplexity': async (p) => perplexityReport(await openLm(p.dir), needText(p.text, 'no text to score')),
  'lm.teacherForcing': async (p) => {
    const m = await openLm(p.dir);
    const text = needText(p.text, 'no text to compare on');
    const opts = { prefix: p.prefix, length: p.length };
    return m.kind === 'lstm' ? compareTeacherForcing(m.model, text, opts) : transformerTeacherForcing(m.lm, text, opts);
  },
  'lm.info': async (p) => infoOf(p.dir, await openLm(p.dir)),
  'lm.checkpoint': (p) => {
    if (typeof p.dir !== 'string' || !p.dir) throw new Error('no model folder given');
    const c = loadCheckpoint(p.dir);
    return { step: c.meta.step, corpusTokens: c.meta.corpus?.tokens ?? 0 };
  },
  'lm.describe': (p) => {
    if (!Array.isArray(p.dirs) || p.dirs.length > MAX_DESCRIBE) throw new Error(`lm.describe takes at most ${MAX_DESCRIBE} folders`);
    return p.dirs.map(describe);
  },
};
