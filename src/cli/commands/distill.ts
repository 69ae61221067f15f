/**
 * Distillation commands: `train distill CORPUS --teacher M --out S` trains a small LSTM student from a trained LSTM
 * teacher (and, on the same batches, a twin on the labels alone) and prints both held-out curves; `soften DIR TEXT`
 * prints the teacher's next-token distribution after TEXT at T = 1, 2, 5 (the soft targets).
 */
import { DISTILL_TRAIN_PARAMS } from '../../core/distill/params';
import { distillSummary, trainDistill } from '../../core/distill/train';
import { softenedAt } from '../../core/distill/inspect';
import { loadLstm, type LstmModel } from '../../core/lstm/engine';
import { readModelType } from '../../core/lm/modelDir';
import { optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, UsageError } from '../types';
import { asUsage, asUsageAsync, command, fixed, flag, intOpt, modelOut, modelOutFlags, needOpt, progressLines, readCorpus } from './common';

/** The teacher: an LSTM language model folder (a usage error for anything else). */
function teacherAt(dir: string, what: string): LstmModel {
  let type: string;
  try {
    type = asUsage(() => readModelType(dir));
  } catch (e) {
    throw e instanceof UsageError ? new UsageError(`${what}: ${e.message}`) : e;
  }
  if (type !== 'lstm') throw new UsageError(`${what} ${dir} holds a "${type}" model; the teacher must be an LSTM language model (ml-study train lstm)`);
  return loadLstm(dir);
}

export const trainDistillCommand = command(
  'train distill CORPUS',
  'Distil a trained LSTM language model into a smaller student (soft targets at T + hard labels); a twin trained without the teacher is the baseline. CORPUS: a text file or "brown"',
  [flag.string('teacher', 'folder of the trained LSTM teacher (required)'), ...modelOutFlags('folder of the distilled student, an LSTM model folder (required)'), ...optionsFromParams(DISTILL_TRAIN_PARAMS)],
  async (args, io) => {
    const teacherDir = needOpt(args, 'teacher');
    const params = paramsFromArgs(DISTILL_TRAIN_PARAMS, args);
    const out = modelOut(args, 'lstm');
    const teacher = teacherAt(teacherDir, '--teacher');
    const text = asUsage(() => readCorpus(args.positionals[0]));
    const onProgress = progressLines<{ step: number; total: number; metrics?: Record<string, number> }>(io, 500, (u) => `step ${u.step}/${u.total}  held-out perplexity ${fixed(u.metrics?.perplexity, 2)} with the teacher, ${fixed(u.metrics?.baselinePerplexity, 2)} without`);
    const r = await asUsageAsync(() => trainDistill(params, text, teacher, { signal: io.signal, log: (m) => io.progress(m), onProgress }, { outDir: out }));
    io.out(distillSummary(r));
    io.out('step   with teacher (loss, ppl)   without (loss, ppl)');
    for (const h of r.history) io.out(`${String(h.step).padStart(5)}   ${fixed(h.distilled.heldOutLoss, 3)}  ${fixed(h.distilled.perplexity, 2).padStart(8)}      ${fixed(h.baseline.heldOutLoss, 3)}  ${fixed(h.baseline.perplexity, 2).padStart(8)}`);
    io.out(`student saved in ${out}`);
    return { ...r };
  },
);

const TOP = flag.int('top', 'tokens shown (1..50, default 8)', { default: 8, min: 1, max: 50 });

export const softenCommand = command(
  'soften DIR TEXT',
  "The teacher LSTM's next-token distribution after TEXT at temperatures 1, 2 and 5 (the soft targets of distillation)",
  [flag.int('position', 'token index whose distribution is shown (default: after the whole text)'), TOP],
  async (args, io) => {
    const model = teacherAt(args.positionals[0], 'DIR');
    const position = args.options.position === undefined ? undefined : intOpt(args, 'position', 0, 0, Number.MAX_SAFE_INTEGER);
    const s = asUsage(() => softenedAt(model, args.positionals[1], position, undefined, intOpt(args, TOP)));
    const cell = (x: number) => x.toFixed(4).padStart(8);
    io.out(`after ${JSON.stringify(s.context.join(s.level === 'char' ? '' : ' ').slice(-60))}${s.next !== null ? ` (the text goes on with ${JSON.stringify(s.next)})` : ''}:`);
    io.out(`token        ${s.temperatures.map((t) => `T=${t.temperature}`.padStart(8)).join('')}`);
    s.tokens.forEach((tok, k) => io.out(`${JSON.stringify(tok).padEnd(12)} ${s.temperatures.map((t) => cell(t.probs[k])).join('')}`));
    io.out(`${'(the rest)'.padEnd(12)} ${s.temperatures.map((t) => cell(t.rest)).join('')}`);
    return { ...s };
  },
);

export const distillCommands: CliCommand[] = [trainDistillCommand, softenCommand];
