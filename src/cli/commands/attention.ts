import { initTf } from '../../core/tf/backend';
import { ATTENTION_SCORES, type AttentionScore, attentionFor, disposeAttentionModel, loadAttentionModel, SEQ2SEQ_PARAMS, type Seq2seqTrainResult, TRANSFORMER_PARAMS, trainSeq2seq, trainSeq2seqVariants, trainTransformer } from '../../core/attention/index';
import type { ProgressUpdate, TrainContext } from '../../core/training';
import { optionsFromParams, paramsFromArgs } from '../args';
import type { ParamsOf } from '../../core/params';
import { type CliCommand, type CliIO, type ParsedArgs, UsageError } from '../types';
import { command, corpusFlag, fixed, flag, modelOut, modelOutFlags, oneOf, readCorpus, strOpt, throttle, trainingLength } from './common';

/** Progress lines at most once a second; `header` goes first, once training has really started. */
function progressPrinter(io: CliIO, header: string, describe: (u: ProgressUpdate) => string): (u: ProgressUpdate) => void {
  const due = throttle(1000);
  return (u) => {
    if (header) {
      io.progress(header);
      header = '';
    }
    if (u.note) io.progress(`  sample: ${u.note}`);
    if (due(u.total > 0 && u.step === u.total)) io.progress(describe(u));
  };
}

const fmt = (x: number | undefined, digits = 4) => fixed(x, digits, '–');

/** Initialise tfjs, train with progress lines, print the summary and where the model is; the JSON result. */
async function trainOnTf<R extends { outDir?: string; params: unknown }>(
  io: CliIO,
  model: string,
  header: (backend: string) => string,
  describe: (u: ProgressUpdate) => string,
  train: (context: TrainContext) => Promise<R>,
  summary: (r: R) => string[],
): Promise<Record<string, unknown>> {
  const backend = await initTf();
  const r = await train({ signal: io.signal, onProgress: progressPrinter(io, header(backend), describe) });
  for (const line of [...summary(r), `saved to ${r.outDir}`]) io.out(line);
  const { params, ...rest } = r;
  return { model, backend, ...rest, params };
}

export const trainTransformerCommand = command(
  'train transformer',
  'Train a small causal Transformer language model (self-attention) on a text',
  [
    corpusFlag('a UTF-8 text file, or "brown" for the Brown corpus'),
    ...modelOutFlags('folder to save the model in (new, empty, the --resume folder, or a Transformer model with --force); checkpoints replace it atomically'),
    flag.string('resume', 'continue from the checkpoint in this folder (same corpus; --steps counts the steps before too)'),
    ...optionsFromParams(TRANSFORMER_PARAMS),
  ],
  async (args, io) => {
    const length = trainingLength(args);
    const params = paramsFromArgs(TRANSFORMER_PARAMS, args);
    if (length !== undefined && length !== 'time-budget' && params[length] === 0) throw new UsageError(`--${length} must be at least 1`);
    const resume = strOpt(args, 'resume');
    const out = modelOut(args, 'transformer', resume);
    const corpus = String(args.options.corpus);
    const text = readCorpus(corpus);
    return trainOnTf(
      io,
      'transformer',
      (backend) => `training a ${params.layers}-layer, ${params.heads}-head Transformer (d_model ${params.dModel}, ${params.level} level, context ${params.seq}, batch ${params.batch}) on ${corpus} with tfjs ${backend}`,
      (u) => `step ${u.step}${u.total ? '/' + u.total : ''}  loss ${fmt(u.loss)}  held-out ${fmt(u.metrics?.heldOutLoss)}  ${fmt(u.metrics?.stepsPerSecond, 2)} steps/s`,
      (context) => trainTransformer(params, text, context, { outDir: out, resumeFrom: resume }),
      (r) => [
        `${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps${r.resumedFromStep !== undefined ? ` (resumed at step ${r.resumedFromStep})` : ''} (${r.epochs.toFixed(2)} epochs) in ${r.seconds.toFixed(1)} s, ${r.stepsPerSecond.toFixed(2)} steps/s`,
        `training loss ${fmt(r.finalLoss)}, held-out loss ${fmt(r.heldOutLoss)} nats/token (perplexity ${fmt(r.heldOutPerplexity, 2)}${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar, 3)} bits/char` : ''})`,
      ],
    );
  },
);

/** `--score`: one attention score, or several (`dot,general,additive` or `all`) trained side by side. */
function scoresOf(args: ParsedArgs): AttentionScore[] | undefined {
  const v = strOpt(args, 'score');
  if (v === undefined) return undefined;
  if (args.options.attention !== undefined) throw new UsageError('give the score once: --score or --attention');
  const names = v === 'all' ? [...ATTENTION_SCORES] : v.split(',').map((x) => x.trim());
  const scores = names.map((n) => oneOf('score', n, ATTENTION_SCORES));
  if (new Set(scores).size !== scores.length) throw new UsageError(`--score names a score twice: ${v}`);
  return scores;
}

const seq2seqLine = (u: ProgressUpdate) => `step ${u.step}/${u.total}  loss ${fmt(u.loss)}  sequence acc ${fmt(u.metrics?.sequenceAccuracy, 3)}  alignment acc ${fmt(u.metrics?.alignmentAccuracy, 3)}  ${fmt(u.metrics?.stepsPerSecond, 1)} steps/s`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Several scores: trained in turn on the same data, printed side by side (accuracy curves and final accuracies). */
async function trainVariants(args: ParsedArgs, io: CliIO, params: ParamsOf<typeof SEQ2SEQ_PARAMS>, scores: AttentionScore[]): Promise<Record<string, unknown>> {
  if (strOpt(args, 'out') !== undefined) throw new UsageError('--out saves one model; with several scores nothing is saved (train one score to save it)');
  const backend = await initTf();
  const header = `training a GRU encoder–decoder with ${scores.join(', ')} attention on "${params.task}" (same data, seed ${params.seed}, ${params.steps} steps each) with tfjs ${backend}`;
  const r = await trainSeq2seqVariants(params, scores, { signal: io.signal, onProgress: progressPrinter(io, header, (u) => `${scores[u.metrics?.variant ?? 0]}: ${seq2seqLine(u)}`) });
  const row = (label: string, cell: (x: Seq2seqTrainResult) => string) => io.out(`${label.padEnd(22)}${r.runs.map((x) => cell(x).padStart(12)).join('')}`);
  row('score', (x) => x.attention);
  row('sequence accuracy', (x) => pct(x.sequenceAccuracy));
  row('alignment accuracy', (x) => pct(x.alignmentAccuracy));
  row('final loss', (x) => fmt(x.finalLoss));
  row('seconds', (x) => x.seconds.toFixed(1));
  io.out('sequence accuracy on 50 fresh inputs by step:');
  r.runs[0].curve.forEach((p, i) => row(`  step ${p.step}`, (x) => (x.curve[i] ? pct(x.curve[i].sequenceAccuracy) : '–')));
  return { model: 'seq2seq', backend, ...r, runs: r.runs.map(({ params: _p, ...run }) => run) };
}

export const trainSeq2seqCommand = command(
  'train seq2seq',
  'Train an RNN encoder–decoder with attention on reverse, sort or copy of letter/digit strings',
  [
    // --out is checked when one model is trained (several scores are compared, not saved).
    ...modelOutFlags('folder to save the model in (new, empty, or a seq2seq model with --force); required unless --score names several').map((f) => ({ ...f, required: false })),
    flag.string('score', 'attention score: dot, general or additive (as --attention); several, comma-separated, or "all": each trained on the same data, seed and steps, compared side by side (not saved)'),
    ...optionsFromParams(SEQ2SEQ_PARAMS),
  ],
  async (args, io) => {
    const scores = scoresOf(args);
    const params = paramsFromArgs(SEQ2SEQ_PARAMS, args);
    if (params.minLen > params.maxLen) throw new UsageError(`--min-len (${params.minLen}) is larger than --max-len (${params.maxLen})`);
    if (scores && scores.length > 1) return trainVariants(args, io, params, scores);
    if (scores) params.attention = scores[0];
    const out = modelOut(args, 'seq2seq');
    return trainOnTf(
      io,
      'seq2seq',
      (backend) => `training a GRU encoder–decoder with ${params.attention} attention on "${params.task}" (lengths ${params.minLen}–${params.maxLen}) with tfjs ${backend}`,
      seq2seqLine,
      (context) => trainSeq2seq(params, context, { outDir: out }),
      (r) => [
        `${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps in ${r.seconds.toFixed(1)} s (${r.stepsPerSecond.toFixed(1)} steps/s), loss ${fmt(r.finalLoss)}`,
        `on ${r.testInputs} fresh inputs: sequence accuracy ${pct(r.sequenceAccuracy)}, alignment accuracy ${pct(r.alignmentAccuracy)}`,
      ],
    );
  },
);

export const attentionCommand = command(
  'attention DIR TEXT',
  'Attention maps of a trained Transformer or seq2seq model for a text',
  [],
  async (args, io) => {
    const [dir, text] = args.positionals;
    const m = await loadAttentionModel(dir);
    try {
      const r = attentionFor(m, text);
      if (r.kind === 'transformer') {
        if (r.unknown.length) io.progress(`note: not in the vocabulary (shown as ${JSON.stringify(m.kind === 'transformer' ? m.vocab.tokenText(0) : '')}): ${r.unknown.slice(0, 10).map((t) => JSON.stringify(t)).join(' ')}`);
        if (r.lowercased) io.progress('note: the model knows no capital letters; the text was lowercased');
        if (r.truncated) io.progress(`note: the text is longer than the context; only its first ${r.tokens.length} tokens were used`);
        io.out(`${r.tokens.length} tokens, ${r.attention.length} layer(s) × ${r.attention[0].length} head(s)`);
        r.attention.forEach((layer, l) =>
          layer.forEach((head, h) => {
            io.out(`layer ${l + 1}, head ${h + 1}: most attended earlier token per position`);
            io.out(
              '  ' +
                head
                  .map((row, q) => {
                    let best = 0;
                    for (let k = 1; k <= q; k++) if (row[k] > row[best]) best = k;
                    return `${JSON.stringify(r.tokens[q])}→${JSON.stringify(r.tokens[best])} ${row[best].toFixed(2)}`;
                  })
                  .join('  '),
            );
          }),
        );
        return { tokens: r.tokens, attention: r.attention };
      }
      io.out(`${r.task}: ${r.source.join('')} → ${r.target.join('')}${r.target.join('') === r.expected.join('') ? ' (right)' : ` (expected ${r.expected.join('')})`}`);
      io.out('attention (rows: output steps, columns: input positions):');
      io.out('    ' + r.source.map((c) => c.padStart(5)).join(''));
      r.attention.forEach((row, t) => io.out(`${r.target[t].padStart(3)} ${row.map((a) => a.toFixed(2).padStart(5)).join('')}`));
      return { source: r.source, target: r.target, attention: r.attention };
    } finally {
      disposeAttentionModel(m);
    }
  },
);

export const attentionCommands: CliCommand[] = [trainTransformerCommand, trainSeq2seqCommand, attentionCommand];
