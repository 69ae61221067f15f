/**
 * Distillation commands: `train distill --teacher M CORPUS --out S` trains a small LSTM student from a trained LSTM
 * teacher (and, on the same batches, a twin on the labels alone) and prints both held-out curves; `soften M TEXT`
 * prints the teacher's next-token distribution after TEXT at T = 1, 2, 5 (the soft targets).
 */
import { DISTILL_TRAIN_PARAMS } from '../../core/distill/params';
import { distillSummary, trainDistill } from '../../core/distill/train';
import { softenedAt } from '../../core/distill/inspect';
import { LmInputError, loadLstm } from '../../core/lstm/engine';
import { readModelType } from '../../core/lm/modelDir';
import { FORCE_OPTION, guardModelOut, optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, UsageError } from '../types';
import { readCorpus } from './lstm';

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** The teacher: an LSTM language model folder (a clear usage error for anything else). */
function teacherAt(dir: string): ReturnType<typeof loadLstm> {
  let type: string;
  try {
    type = readModelType(dir);
  } catch (e) {
    throw new UsageError(`--teacher ${dir}: ${(e as Error).message}`);
  }
  if (type !== 'lstm') throw new UsageError(`--teacher ${dir} holds a "${type}" model; the teacher must be an LSTM language model (ml-study train lstm)`);
  return loadLstm(dir);
}

export const trainDistillCommand: CliCommand = {
  path: ['train', 'distill'],
  summary: 'Distil a trained LSTM language model into a smaller student (soft targets at T + hard labels); a twin trained without the teacher is the baseline',
  positionals: 'CORPUS',
  arity: [1, 1],
  options: [
    { name: 'teacher', kind: 'string', description: 'folder of the trained LSTM teacher (required)' },
    { name: 'out', kind: 'string', description: 'folder of the distilled student (an LSTM model folder; required)' },
    FORCE_OPTION,
    ...optionsFromParams(DISTILL_TRAIN_PARAMS),
  ],
  async run(args, io) {
    const teacherDir = args.options.teacher;
    const out = args.options.out;
    if (typeof teacherDir !== 'string') throw new UsageError('--teacher is required');
    if (typeof out !== 'string') throw new UsageError('--out is required');
    const params = paramsFromArgs(DISTILL_TRAIN_PARAMS, args);
    guardModelOut(args, out, 'lstm');
    const teacher = teacherAt(teacherDir);
    const text = readCorpus(args.positionals[0]);
    let r;
    try {
      r = await trainDistill(params, text, teacher, { signal: io.signal, log: (m) => io.progress(m), onProgress: (u) => {
        const m = u.metrics ?? {};
        io.progress(`step ${u.step}/${u.total}  held-out perplexity ${fmt(m.perplexity, 2)} with the teacher, ${fmt(m.baselinePerplexity, 2)} without`);
      } }, { outDir: out });
    } catch (e) {
      if (e instanceof LmInputError) throw new UsageError(e.message);
      throw e;
    }
    io.out(distillSummary(r));
    io.out('step   with teacher (loss, ppl)   without (loss, ppl)');
    for (const h of r.history) io.out(`${String(h.step).padStart(5)}   ${fmt(h.distilled.heldOutLoss)}  ${fmt(h.distilled.perplexity, 2).padStart(8)}      ${fmt(h.baseline.heldOutLoss)}  ${fmt(h.baseline.perplexity, 2).padStart(8)}`);
    io.out(`student saved in ${out}`);
    return { ...r } as unknown as Record<string, unknown>;
  },
};

export const softenCommand: CliCommand = {
  path: ['soften'],
  summary: 'The teacher LSTM\'s next-token distribution after TEXT at temperatures 1, 2 and 5 (the soft targets of distillation)',
  positionals: 'DIR TEXT',
  arity: [2, 2],
  options: [
    { name: 'position', kind: 'int', description: 'token index whose distribution is shown (default: after the whole text)' },
    { name: 'top', kind: 'int', description: 'tokens shown (1..50, default 8)' },
  ],
  async run(args, io) {
    const model = teacherAt(args.positionals[0]);
    let s;
    try {
      s = softenedAt(model, args.positionals[1], args.options.position as number | undefined, undefined, (args.options.top as number | undefined) ?? 8);
    } catch (e) {
      if (e instanceof LmInputError) throw new UsageError(e.message);
      throw e;
    }
    io.out(`after ${JSON.stringify(s.context.join(s.level === 'char' ? '' : ' ').slice(-60))}${s.next !== null ? ` (the text goes on with ${JSON.stringify(s.next)})` : ''}:`);
    io.out(`token        ${s.temperatures.map((t) => `T=${t.temperature}`.padStart(8)).join('')}`);
    s.tokens.forEach((tok, k) => io.out(`${JSON.stringify(tok).padEnd(12)} ${s.temperatures.map((t) => t.probs[k].toFixed(4).padStart(8)).join('')}`));
    io.out(`${'(the rest)'.padEnd(12)} ${s.temperatures.map((t) => t.rest.toFixed(4).padStart(8)).join('')}`);
    return { ...s } as unknown as Record<string, unknown>;
  },
};

export const distillCommands: CliCommand[] = [trainDistillCommand, softenCommand];
