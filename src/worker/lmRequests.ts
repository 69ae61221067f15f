/**
 * Language-model queries answered in the training worker ("lm." methods of LmWorkerRequests): generation,
 * perplexity, teacher forcing vs free running, a model's saved history. Loaded models are cached by folder and
 * reloaded when model.json changes (a running job rewrites it at every checkpoint). Returns undefined for a method
 * it does not know.
 */
import * as path from 'node:path';
import type { WorkerRequests } from '../shared/protocol';
import type { LmModelInfo, LmPerplexityReport, LmScoredToken } from '../shared/views/lm';
import { compareTeacherForcing, generate, loadLstm, perplexityOfAsync, scoreIds, type LstmModel } from '../core/lstm';
import { EOS, readModelType, splitTokens } from '../core/lm';
import { modelStamp } from '../core/util/atomicWrite';

type P<M extends keyof WorkerRequests> = WorkerRequests[M]['params'];

/** Texts with more tokens than this get the figure but no per-token detail. */
const DETAIL_LIMIT = 20_000;

const cache = new Map<string, { mtimeMs: string; model: LstmModel }>();

function open(dir: unknown): LstmModel {
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

/** Answer a language-model request, or return undefined when the method is not one of these. */
export async function lmRequest(method: string, params: unknown): Promise<unknown> {
  switch (method) {
    case 'lm.generate': {
      const p = params as P<'lm.generate'>;
      return generate(open(p.dir), { prompt: p.prompt, length: p.length, temperature: p.temperature, topK: p.topK, topP: p.topP, seed: p.seed });
    }
    case 'lm.perplexity': {
      const p = params as P<'lm.perplexity'>;
      if (typeof p.text !== 'string') throw new Error('no text to score');
      const model = open(p.dir);
      const r = await perplexityOfAsync(model, p.text);
      const report: LmPerplexityReport = { ...r, detail: detailOf(model, p.text), detailLimit: DETAIL_LIMIT };
      return report;
    }
    case 'lm.teacherForcing': {
      const p = params as P<'lm.teacherForcing'>;
      if (typeof p.text !== 'string') throw new Error('no text to compare on');
      return compareTeacherForcing(open(p.dir), p.text, { prefix: p.prefix, length: p.length });
    }
    case 'lm.info': {
      const p = params as P<'lm.info'>;
      const model = open(p.dir);
      const meta = model.meta!;
      const info: LmModelInfo = {
        dir: p.dir,
        level: model.vocab.level,
        vocabSize: model.vocab.size,
        embedding: model.config.embedding,
        hidden: model.config.hidden,
        layers: model.config.layers,
        step: meta.step,
        history: meta.history.map((h) => ({ step: h.step, trainLoss: h.trainLoss, heldOutLoss: h.heldOutLoss, perplexity: h.perplexity, bitsPerChar: h.bitsPerChar })),
        samples: meta.samples,
      };
      return info;
    }
    default:
      return undefined;
  }
}
