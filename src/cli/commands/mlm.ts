/**
 * The masked language model on the command line: `train mlm DIR --out M` (DIR a notes folder or file, or --brown)
 * and `fill M TEXT --mask-at N`, which prints the model's most probable tokens for the blank at N.
 */
import { initTf } from '../../core/tf/backend';
import { loadBrownText } from '../../core/corpus/brown';
import { CorpusError } from '../../core/corpus/text';
import { readNotesFolder } from '../../core/corpus/notesFolder';
import { ModelFormatError } from '../../core/attention/store';
import { fillMask, loadMlm, MAX_FILL_K, MLM_PARAMS, trainMlm } from '../../core/mlm/index';
import { FORCE_OPTION, guardModelOut, optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, UsageError } from '../types';

const fmt = (x: number | undefined, digits = 4) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

/** Errors about what the user gave (a folder, a model) are usage errors: exit 2, one line. */
function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CorpusError || e instanceof ModelFormatError) throw new UsageError(e.message);
    throw e;
  }
}

export const trainMlmCommand: CliCommand = {
  path: ['train', 'mlm'],
  summary: 'Train a masked language model (a small bidirectional Transformer, BERT masking) on notes or Brown',
  positionals: '[DIR]',
  arity: [0, 1],
  options: [
    { name: 'brown', kind: 'bool', description: 'train on the Brown corpus instead of a notes folder' },
    { name: 'out', kind: 'string', description: 'folder to save the model in (new, empty, or a masked language model with --force)', required: true },
    FORCE_OPTION,
    ...optionsFromParams(MLM_PARAMS),
  ],
  async run(args, io) {
    const dir = args.positionals[0];
    const brown = args.options.brown === true;
    if (brown === (dir !== undefined)) throw new UsageError(brown ? 'give either a notes folder or --brown, not both' : 'give a notes folder (DIR) or --brown');
    const params = paramsFromArgs(MLM_PARAMS, args);
    guardModelOut(args, String(args.options.out), 'mlm');
    const source = brown ? { text: loadBrownText(), files: 0 } : asUsage(() => readNotesFolder(dir!));
    const backend = await initTf();
    io.progress(`training a ${params.layers}-layer, ${params.heads}-head bidirectional Transformer (d_model ${params.dModel}, ${params.level} level, context ${params.seq}, ${Math.round(100 * params.maskRate)}% masked) on ${brown ? 'the Brown corpus' : `${dir} (${source.files} file(s))`} with tfjs ${backend}`);
    let last = 0;
    const r = await trainMlm(params, source.text, {
      signal: io.signal,
      onProgress(u) {
        const now = Date.now();
        if (now - last < 1000 && !(u.total > 0 && u.step === u.total)) return;
        last = now;
        io.progress(`step ${u.step}${u.total ? '/' + u.total : ''}  masked loss ${fmt(u.loss)}  held-out ${fmt(u.metrics?.heldOutLoss)} (unigram ${fmt(u.metrics?.unigramLoss)})  ${fmt(u.metrics?.stepsPerSecond, 2)} steps/s`);
      },
    }, { outDir: String(args.options.out) });
    io.out(`${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps in ${r.seconds.toFixed(1)} s, ${r.stepsPerSecond.toFixed(2)} steps/s`);
    io.out(`held-out masked loss ${fmt(r.heldOutLoss)} nats (untrained ${fmt(r.initialHeldOutLoss)}, unigram ${fmt(r.unigramLoss)}); ${(100 * r.heldOutAccuracy).toFixed(1)}% of ${r.heldOutBlanks} blanks right`);
    io.out(`saved to ${r.outDir}`);
    const { params: p, ...rest } = r;
    return { model: 'mlm', backend, ...rest, params: p };
  },
};

export const fillCommand: CliCommand = {
  path: ['fill'],
  summary: 'Fill in the blank: the masked language model\'s most probable tokens at a position of a text',
  positionals: 'MODEL TEXT',
  arity: [2, 2],
  options: [
    { name: 'mask-at', kind: 'int', description: 'position of the blank: a character index (char model) or word index (word model), from 0', required: true },
    { name: 'length', kind: 'int', description: 'blank this many consecutive characters or words (default 1)' },
    { name: 'top', short: 'k', kind: 'int', description: `how many candidates to print per blank (1–${MAX_FILL_K}, default 5)` },
  ],
  async run(args, io) {
    const [dir, text] = args.positionals;
    const at = Number(args.options['mask-at']);
    const length = args.options.length === undefined ? 1 : Number(args.options.length);
    const k = args.options.top === undefined ? 5 : Number(args.options.top);
    if (at < 0) throw new UsageError(`--mask-at must be 0 or more, got ${at}`);
    const m = await loadMlm(dir).catch((e) => {
      throw e instanceof ModelFormatError ? new UsageError(e.message) : e;
    });
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
};

export const mlmCommands: CliCommand[] = [trainMlmCommand, fillCommand];
