import type { ParamSpec } from '../../../core/params';
import { WORD2VEC_PARAMS, type Word2vecParams } from '../../../core/word2vec/params';
import { type StepRecord, Word2vecStepper } from '../../../core/word2vec/stepper';
import { optionsFromParams, paramsFromArgs } from '../../args';
import { UsageError } from '../../types';
import { asUsage, command, flag, intOpt, strOpt } from '../common';
import { textFromArgs } from './common';

const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** word2vec's parameters with defaults for a few sentences (every word counts, no subsampling, one epoch); no threads. */
const STEP_DEFAULTS: Record<string, number> = { dim: 10, minCount: 1, sample: 0, epochs: 1 };
const STEP_PARAMS: ParamSpec[] = WORD2VEC_PARAMS.filter((s) => s.name !== 'threads' && s.name !== 'hs').map((s) => (s.name in STEP_DEFAULTS ? ({ ...s, default: STEP_DEFAULTS[s.name] } as ParamSpec) : s));

const STEPS = flag.int('steps', 'updates to run and report (default 1; at most 100000)', { default: 1, min: 1, max: 100_000 });
const SKIP = flag.int('skip', 'updates to run first without reporting them (default 0)', { default: 0, min: 0, max: 10_000_000 });

/** `ml-study step`: word2vec one update at a time, each update's numbers as JSON. */
export const stepCommand = command(
  'step',
  'word2vec one update at a time: centre, context, negatives, dot products, σ, loss, gradients, the update applied',
  [
    flag.string('text', 'the sentences to train on'),
    flag.string('file', 'or a UTF-8 text file with them (at most 4 MB)'),
    ...optionsFromParams(STEP_PARAMS),
    STEPS,
    flag.bool('to-epoch-end', 'run and report the updates to the end of the first epoch instead'),
    SKIP,
    flag.string('watch', 'a word whose 5 nearest neighbours are reported after each update'),
    flag.bool('brief', 'leave the vectors out of the JSON (input, gradients, applied changes): scalars and words only'),
  ],
  async (args, io) => {
    const text = textFromArgs(args, MAX_TEXT_BYTES);
    const params = paramsFromArgs(STEP_PARAMS, args) as unknown as Word2vecParams;
    const toEnd = args.options['to-epoch-end'] === true;
    if (toEnd && args.options.steps !== undefined) throw new UsageError('give either --steps or --to-epoch-end');
    const steps = intOpt(args, STEPS);
    const skip = intOpt(args, SKIP);
    const st = asUsage(() => new Word2vecStepper(params, text));
    const watch = strOpt(args, 'watch');
    if (watch !== undefined) asUsage(() => st.neighbours(watch));
    for (let i = 0; i < skip && st.next(); i++);
    const out: (StepRecord & { neighbours?: ReturnType<Word2vecStepper['neighbours']> })[] = [];
    const brief = args.options.brief === true;
    const take = (r: StepRecord) => {
      const rec = brief ? { ...r, input: [], inputGrad: [], inputApplied: [], inputRows: [], targets: r.targets.map((t) => ({ ...t, vector: [], grad: [], applied: [] })) } : r;
      out.push(watch === undefined ? rec : { ...rec, neighbours: st.neighbours(watch) });
      if (out.length > 100_000) throw new UsageError('more than 100000 updates to report; use --steps');
      io.out(`${r.step} (epoch ${r.epoch}) ${r.center} → ${r.context.join(' ')} | negatives ${r.negatives.join(' ') || '—'} | lr ${r.lr.toPrecision(4)}`);
      io.out(`   ${r.formula}`);
    };
    if (toEnd) {
      st.toEpochEnd(take);
    } else {
      for (let i = 0; i < steps; i++) {
        const r = st.next();
        if (!r) break;
        take(r);
      }
    }
    if (st.done) io.out('training is complete: every epoch has been stepped through');
    return {
      model: 'word2vec-stepper',
      params: st.p,
      vocabulary: st.vocab.words.length,
      tokens: st.ids.length,
      updatesDone: st.steps,
      done: st.done,
      steps: out,
    };
  },
);
