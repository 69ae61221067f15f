/**
 * `npm run bench:attention -- --heads`: trains the one-click preset "Train on Brown, word level (3 min)"
 * (src/core/attention/presets.ts) exactly as the editor does (trainTransformer, its wall-time budget, the sampled
 * softmax), then reads its attention maps on held-out Brown text and counts the heads with a clear pattern:
 *
 * - previous-token heads: mean attention weight on position t−1 ≥ 0.5 (queries t ≥ 1);
 * - sentence-start heads: mean weight ≥ 0.5 on the start of the query's sentence — the latest end-of-sentence token
 *   before it, or the window's first token when there is none — over the queries where that position is neither
 *   the query itself nor t−1 (so the two patterns cannot count the same weight).
 *
 * Held-out text: consecutive windows of the model's context over the last 10% of the text (never trained on).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBrownText } from '../../src/core/corpus/brown';
import { trainTransformer } from '../../src/core/attention/transformerTrainer';
import { loadAttentionModelSync } from '../../src/core/attention/store';
import { BROWN_WORD_TRANSFORMER } from '../../src/core/attention/presets';
import { EOS, splitTokens } from '../../src/core/lm/vocab';
import { initTf } from '../../src/core/tf/backend';
import { columns, type Flags, log, saveResultTo, startResult } from '../lib/results';

export interface HeadPattern {
  layer: number;
  head: number;
  previous: number;
  sentenceStart: number;
  self: number;
  firstToken: number;
}

/** Mean weights of each head on t−1, the sentence start, itself and the window's first token, over the windows. */
export function headPatterns(maps: number[][][][][], windows: Int32Array[], eos: number): HeadPattern[] {
  const out: HeadPattern[] = [];
  const L = maps[0].length;
  const Hn = maps[0][0].length;
  for (let l = 0; l < L; l++) {
    for (let h = 0; h < Hn; h++) {
      const acc = { previous: [0, 0], sentenceStart: [0, 0], self: [0, 0], firstToken: [0, 0] };
      windows.forEach((ids, w) => {
        const A = maps[w][l][h];
        let start = 0;
        for (let t = 0; t < ids.length; t++) {
          const row = A[t];
          acc.self[0] += row[t];
          acc.self[1]++;
          acc.firstToken[0] += row[0];
          acc.firstToken[1]++;
          if (t >= 1) {
            acc.previous[0] += row[t - 1];
            acc.previous[1]++;
          }
          if (start < t - 1) {
            acc.sentenceStart[0] += row[start];
            acc.sentenceStart[1]++;
          }
          if (ids[t] === eos) start = t; // the next query's sentence starts at this end-of-sentence token
        }
      });
      const m = (p: number[]) => p[0] / Math.max(1, p[1]);
      out.push({ layer: l, head: h, previous: m(acc.previous), sentenceStart: m(acc.sentenceStart), self: m(acc.self), firstToken: m(acc.firstToken) });
    }
  }
  return out;
}

/** `--set lr=0.01,warmup=50`: parameters that differ from the preset's (for trying variants of it). */
function overrides(spec: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new Error(`--set needs name=value pairs separated by commas, got ${part}`);
    out[k] = Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

export async function headsBench(flags: Flags): Promise<void> {
  const seconds = flags.number('seconds', Number(BROWN_WORD_TRANSFORMER.params.timeBudget));
  const nWindows = flags.number('windows', 64, true);
  await initTf();
  const text = loadBrownText();
  const params = { ...BROWN_WORD_TRANSFORMER.params, ...overrides(flags.string('set', '')), timeBudget: seconds };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-study-heads-'));
  const variant = flags.string('set', '') ? ` with ${flags.string('set', '')}` : '';
  const result = startResult('attention-heads', `Attention heads of the preset "${BROWN_WORD_TRANSFORMER.title}"${variant} (${seconds} s of training), on held-out Brown text`, 1, { params, windows: nWindows });
  result.command = result.command.replace('bench:attention-heads', 'bench:attention');
  try {
    log(`training the preset for ${seconds} s …`);
    const r = await trainTransformer(params, text, { onProgress: (u) => u.step % 100 === 0 && log(`step ${u.step}, loss ${u.loss.toFixed(3)}`), signal: new AbortController().signal, log }, { outDir: dir });
    const loaded = loadAttentionModelSync(dir);
    if (loaded.kind !== 'transformer') throw new Error('expected a Transformer');
    const { model, vocab } = loaded;
    const T = model.cfg.seq;
    const ids = vocab.encodeTokens(splitTokens(text, 'word')).ids;
    const held = ids.subarray(ids.length - Math.max(1, Math.round(ids.length * 0.1)));
    const windows: Int32Array[] = [];
    for (let w = 0; w < nWindows && (w + 1) * T <= held.length; w++) windows.push(held.slice(w * T, (w + 1) * T));
    const maps = windows.map((win) => model.attention(win));
    const heads = headPatterns(maps, windows, vocab.idOf(EOS)!);
    model.dispose();
    const prev = heads.filter((h) => h.previous >= 0.5);
    const start = heads.filter((h) => h.sentenceStart >= 0.5);
    result.table.columns = columns({ head: 'layer.head', previous: ['mean weight on t−1', 3], sentenceStart: ['on the sentence start', 3], self: ['on itself', 3], firstToken: ['on the window\'s first token', 3], pattern: 'pattern' });
    for (const h of heads) {
      const pattern = [h.previous >= 0.5 ? 'previous token' : '', h.sentenceStart >= 0.5 ? 'sentence start' : ''].filter(Boolean).join(', ') || '—';
      result.table.rows.push({ head: `${h.layer}.${h.head}`, previous: h.previous, sentenceStart: h.sentenceStart, self: h.self, firstToken: h.firstToken, pattern });
    }
    result.notes.push(
      `${heads.length} heads (${model.cfg.layers} layers × ${model.cfg.heads}): ${prev.length} previous-token head(s) (mean weight on t−1 ≥ 0.5: ${prev.map((h) => `${h.layer}.${h.head}`).join(', ') || 'none'}), ${start.length} sentence-start head(s) (mean weight on the sentence start ≥ 0.5: ${start.map((h) => `${h.layer}.${h.head}`).join(', ') || 'none'}).`,
      `Measured on ${windows.length} consecutive held-out windows of ${T} words. The model: ${r.steps} steps in ${r.seconds.toFixed(0)} s, vocabulary ${r.vocabSize}, held-out perplexity ${r.heldOutPerplexity.toFixed(1)} (full softmax).`,
    );
    result.config.trained = { steps: r.steps, seconds: r.seconds, heldOutPerplexity: r.heldOutPerplexity, vocab: r.vocabSize };
    saveResultTo(result, flags);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
