/**
 * The masked language model on the command line: `train mlm DIR --out M` (DIR a notes folder or file, or --brown)
 * and `fill M TEXT --mask-at N`, which prints the model's most probable tokens for the blank at N.
 */
import { initTf } from '../../core/tf/backend';
import { loadBrownText } from '../../core/corpus/brown';
import { readNotesFolder } from '../../core/corpus/notesFolder';
import { fillMask, loadMlm, MAX_FILL_K, MLM_PARAMS, trainMlm } from '../../core/mlm/index';
import { optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, UsageError } from '../types';
import { asUsage, asUsageAsync, command, fixed, flag, INPUT_ERRORS, intOpt, modelOut, modelOutFlags, progressLines } from './common';

const fmt = (x: number | undefined, digits = 4) => fixed(x, digits, '–');
/** A folder that is not a masked language model is the user's mistake too. */
const FILL_INPUT_ERRORS: ReadonlySet<string> = new Set([...INPUT_ERRORS, 'ModelFormatError']);

export const trainMlmCommand: CliCommand = {
  ...command(
    'train mlm',
    'Train a masked language model (a small bidirectional Transformer, BERT masking) on a notes folder or Brown',
    [flag.bool('brown', 'train on the Brown corpus instead of a notes folder'), ...modelOutFlags('folder to save the model in (new, empty, or a masked language model with --force)'), ...optionsFromParams(MLM_PARAMS)],
    async (args, io) => {
      const dir = args.positionals[0];
      const brown = args.options.brown === true;
      if (brown === (dir !== undefined)) throw new UsageError(brown ? 'give either a notes folder or --brown, not both' : 'give a notes folder (DIR) or --brown');
      const params = paramsFromArgs(MLM_PARAMS, args);
      const out = modelOut(args, 'mlm');
      const source = brown ? { text: loadBrownText(), files: 0 } : asUsage(() => readNotesFolder(dir!));
      const backend = await initTf();
      io.progress(`training a ${params.layers}-layer, ${params.heads}-head bidirectional Transformer (d_model ${params.dModel}, ${params.level} level, context ${params.seq}, ${Math.round(100 * params.maskRate)}% masked) on ${brown ? 'the Brown corpus' : `${dir} (${source.files} file(s))`} with tfjs ${backend}`);
      const onProgress = progressLines(io, 1000, (u: { step: number; total: number; loss: number; metrics?: Record<string, number> }) =>
        `step ${u.step}${u.total ? '/' + u.total : ''}  masked loss ${fmt(u.loss)}  held-out ${fmt(u.metrics?.heldOutLoss)} (unigram ${fmt(u.metrics?.unigramLoss)})  ${fmt(u.metrics?.stepsPerSecond, 2)} steps/s`,
      );
      const r = await trainMlm(params, source.text, { signal: io.signal, onProgress }, { outDir: out });
      io.out(`${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps in ${r.seconds.toFixed(1)} s, ${r.stepsPerSecond.toFixed(2)} steps/s`);
      io.out(`held-out masked loss ${fmt(r.heldOutLoss)} nats (untrained ${fmt(r.initialHeldOutLoss)}, unigram ${fmt(r.unigramLoss)}); ${(100 * r.heldOutAccuracy).toFixed(1)}% of ${r.heldOutBlanks} blanks right`);
      io.out(`saved to ${r.outDir}`);
      const { params: p, ...rest } = r;
      return { model: 'mlm', backend, ...rest, params: p };
    },
  ),
  positionals: '[DIR]',
  arity: [0, 1],
};

export const fillCommand = command(
  'fill MODEL TEXT',
  "Fill in the blank: the masked language model's most probable tokens at a position of a text",
  [
    flag.int('mask-at', 'position of the blank: a character index (char model) or word index (word model), from 0', { required: true }),
    flag.int('length', 'blank this many consecutive characters or words (default 1)'),
    flag.int('top', `how many candidates to print per blank (1–${MAX_FILL_K}, default 5)`, { short: 'k' }),
  ],
  async (args, io) => {
    const [dir, text] = args.positionals;
    const at = Number(args.options['mask-at']);
    if (at < 0) throw new UsageError(`--mask-at must be 0 or more, got ${at}`);
    const length = intOpt(args, 'length', 1, 1, 1_000_000);
    const k = args.options.top === undefined ? 5 : Number(args.options.top);
    const m = await asUsageAsync(() => loadMlm(dir), FILL_INPUT_ERRORS);
    try {
      const r = fillMask(m, text, at, length, k);
      if (r.lowercased) io.progress('note: the model knows no capital letters; the text was lowercased');
      io.out(`context: ${r.context.join(r.level === 'char' ? '' : ' ').replace(/\n/g, '⏎')}`);
      for (const b of r.blanks) {
        io.out(`blank at ${b.index} (was ${JSON.stringify(b.original)}):`);
        for (const c of b.candidates) io.out(`  ${JSON.stringify(c.token).padEnd(14)} ${(100 * c.p).toFixed(1).padStart(5)}%`);
      }
      io.out(`filled: ${r.filled}`);
      return { ...r };
    } finally {
      m.model.dispose();
    }
  },
);

export const mlmCommands: CliCommand[] = [trainMlmCommand, fillCommand];
