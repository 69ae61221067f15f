/**
 * The word-level rows of `bench:lstm -- --word` and `bench:attention -- --word`: one model trained with the full
 * softmax and the same model trained with the sampled softmax (src/core/nn/sampledSoftmax.ts), from the same initial
 * weights on the same batches, alternating in turns of a few seconds until each has trained the same wall time; then
 * both scored on the same held-out text with the full softmax. Repeated; every figure is median and range.
 */
import { loadBrownText } from '../../src/core/corpus/brown';
import { splitTokens, Vocab } from '../../src/core/lm/vocab';
import { HELD_OUT_FRACTION } from '../../src/core/lm/split';
import { UnigramSampler } from '../../src/core/nn/sampledSoftmax';
import { columns, eachRepeat, type Flags, interleave, loadAverage, log, saveResultTo, startResult, stat, type Timed, untimed } from './results';

/** One model being trained: a step on its next batch, and its full-softmax cross-entropy on the held-out text. */
export interface SoftmaxRunner extends Timed {
  softmax: 'full' | 'sampled';
  lastLoss: number;
  step(): Promise<number>;
  heldOut(): Promise<number>;
  dispose(): void | Promise<void>;
}

/** Brown as words: the first 90% for training, its vocabulary capped at `maxVocab` (rarer words are <unk>). */
export function brownWords(maxVocab: number, minCount = 2): { vocab: Vocab; train: Int32Array; held: Int32Array } {
  const toks = splitTokens(loadBrownText(), 'word');
  const cut = toks.length - Math.round(toks.length * HELD_OUT_FRACTION);
  const vocab = Vocab.fromTokens(toks.slice(0, cut), 'word', { minCount, maxSize: maxVocab });
  const ids = vocab.encodeTokens(toks).ids;
  return { vocab, train: ids.subarray(0, cut), held: ids.subarray(cut) };
}

/** What both word-level benches read from their flags and the corpus. */
export interface WordSetup {
  flags: Flags;
  seconds: number;
  slice: number;
  repeats: number;
  samples: number;
  vocab: Vocab;
  train: Int32Array;
  held: Int32Array;
  /** The unigram distribution of the training words the sampled softmax draws from. */
  sampler: UnigramSampler;
}

/** The shared flags (`secondsFlag`, default 30; --slice 10; --repeats 3; --vocab 10000; --samples 512) and Brown as words. */
export function wordSetup(flags: Flags, secondsFlag: 'seconds' | 'budget'): WordSetup {
  const seconds = flags.number(secondsFlag, 30);
  const slice = flags.number('slice', 10);
  const repeats = flags.number('repeats', 3, true);
  const maxVocab = flags.number('vocab', 10000, true);
  const samples = flags.number('samples', 512, true);
  const { vocab, train, held } = brownWords(maxVocab);
  return { flags, seconds, slice, repeats, samples, vocab, train, held, sampler: UnigramSampler.fromIds(train, vocab.size) };
}

/** A runner named for its softmax, with its counters at zero. */
export function softmaxRunner(softmax: 'full' | 'sampled', samples: number, body: Pick<SoftmaxRunner, 'step' | 'heldOut' | 'dispose'>): SoftmaxRunner {
  return { name: softmax === 'full' ? 'full softmax' : `sampled softmax, ${samples} draws`, softmax, ...untimed(), lastLoss: NaN, ...body };
}

export interface WordBenchOptions {
  /** The npm script (bench:SCRIPT) and the result's name. */
  script: string;
  bench: string;
  /** The model, as the title names it ("Word-level LSTM"). */
  model: string;
  setup: WordSetup;
  /** The model's own settings (the shared ones are added). */
  config: Record<string, unknown>;
  tokensPerStep: number;
  /** Fresh runners (full first, then sampled) from the same initial weights. */
  make(): Promise<SoftmaxRunner[]> | SoftmaxRunner[];
}

export async function runWordSoftmaxBench(o: WordBenchOptions): Promise<void> {
  const { seconds, slice, repeats, samples, vocab, train, held } = o.setup;
  const title = `${o.model}, Brown (${vocab.size} words): full vs sampled softmax, ${repeats} interleaved repeats of ${seconds} s per model (turns of ${slice} s)`;
  const config = { level: 'word', ...o.config, vocab: vocab.size, samples, seconds, slice, trainTokens: train.length, heldOutTokens: held.length };
  const result = startResult(o.bench, title, repeats, config);
  result.command = result.command.replace(`bench:${o.bench}`, `bench:${o.script}`);
  log(`${title}; load ${loadAverage().join(' ')}`);
  const per: Record<string, { tokensPerSecond: number[]; msPerStep: number[]; steps: number[]; trainLoss: number[]; ce: number[]; ratio: number[]; pplRatio: number[] }> = {};
  await eachRepeat(result, repeats, async (rep) => {
    const runners = await o.make();
    const order = rep % 2 === 0 ? runners : [...runners].reverse();
    log(`${order[0].name} first`);
    await interleave(order, seconds, slice, (r) => async () => void (r.lastLoss = await r.step()), (r) => `train loss ${r.lastLoss.toFixed(3)}`);
    const full = runners.find((r) => r.softmax === 'full')!;
    const fullSpeed = full.steps / full.ms;
    const ces = new Map<SoftmaxRunner, number>();
    for (const r of runners) ces.set(r, await r.heldOut());
    for (const r of runners) {
      const p = (per[r.name] ??= { tokensPerSecond: [], msPerStep: [], steps: [], trainLoss: [], ce: [], ratio: [], pplRatio: [] });
      p.tokensPerSecond.push((r.steps * o.tokensPerStep) / (r.ms / 1000));
      p.msPerStep.push(r.ms / r.steps);
      p.steps.push(r.steps);
      p.trainLoss.push(r.lastLoss);
      p.ce.push(ces.get(r)!);
      p.ratio.push(r.steps / r.ms / fullSpeed);
      p.pplRatio.push(Math.exp(ces.get(r)! - ces.get(full)!));
      await r.dispose();
    }
  });
  result.table.columns = columns({
    softmax: 'training softmax', steps: 'steps', tokensPerSecond: 'tokens/s', msPerStep: ['ms/step', 0], ratio: ['speed vs full (same repeat)', 2], trainLoss: ['last training loss', 3], ce: ['held-out CE, full softmax (nats)', 3], ppl: ['held-out perplexity', 1], pplRatio: ['perplexity vs full (same repeat)', 3],
  });
  for (const [name, p] of Object.entries(per)) {
    result.table.rows.push({ softmax: name, steps: stat(p.steps), tokensPerSecond: stat(p.tokensPerSecond), msPerStep: stat(p.msPerStep), ratio: stat(p.ratio), trainLoss: stat(p.trainLoss), ce: stat(p.ce), ppl: stat(p.ce.map(Math.exp)), pplRatio: stat(p.pplRatio) });
  }
  const sampled = Object.entries(per).find(([n]) => n.startsWith('sampled'));
  if (sampled) {
    const speed = stat(sampled[1].ratio).median;
    const ppl = stat(sampled[1].pplRatio).median;
    result.notes.push(`${speed >= 10 && ppl <= 1 ? 'PASS' : 'FAIL'}: the sampled softmax trains ${speed.toFixed(1)}× the full softmax's tokens/s (target ≥ 10) and reaches ${ppl.toFixed(3)}× its held-out perplexity after the same wall time (target ≤ 1), medians over the repeats.`);
  }
  saveResultTo(result, o.setup.flags);
}
