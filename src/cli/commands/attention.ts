import { initTf } from '../../core/tf/backend';
import { loadBrownText } from '../../core/corpus/brown';
import { readTextFile } from '../../core/corpus/text';
import { attentionFor, disposeAttentionModel, loadAttentionModel, SEQ2SEQ_PARAMS, TRANSFORMER_PARAMS, trainSeq2seq, trainTransformer } from '../../core/attention/index';
import type { ProgressUpdate } from '../../core/training';
import { FORCE_OPTION, guardModelOut, optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, type CliIO, UsageError } from '../types';

/** Progress lines at most once a second; `header` goes first, once training has really started. */
function progressPrinter(io: CliIO, header: string, describe: (u: ProgressUpdate) => string): (u: ProgressUpdate) => void {
  let last = 0;
  return (u) => {
    if (header) {
      io.progress(header);
      header = '';
    }
    if (u.note) io.progress(`  sample: ${u.note}`);
    const now = Date.now();
    if (now - last >= 1000 || (u.total > 0 && u.step === u.total)) {
      last = now;
      io.progress(describe(u));
    }
  };
}

const fmt = (x: number | undefined, digits = 4) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

export const trainTransformerCommand: CliCommand = {
  path: ['train', 'transformer'],
  summary: 'Train a small causal Transformer language model (self-attention) on a text',
  options: [
    { name: 'corpus', kind: 'string', description: 'a UTF-8 text file, or "brown" for the Brown corpus', required: true },
    { name: 'out', kind: 'string', description: 'folder to save the model in (new, empty, or a Transformer model with --force)', required: true },
    FORCE_OPTION,
    ...optionsFromParams(TRANSFORMER_PARAMS),
  ],
  async run(args, io) {
    const given = ['epochs', 'steps', 'time-budget'].filter((f) => args.options[f] !== undefined);
    if (given.length > 1) throw new UsageError(`give only one of --epochs, --steps, --time-budget (got ${given.map((f) => '--' + f).join(' and ')})`);
    const params = paramsFromArgs(TRANSFORMER_PARAMS, args);
    if (given.length === 1 && given[0] !== 'time-budget' && params[given[0] === 'epochs' ? 'epochs' : 'steps'] === 0) {
      throw new UsageError(`--${given[0]} must be at least 1`);
    }
    guardModelOut(args, String(args.options.out), 'transformer');
    const corpus = String(args.options.corpus);
    const text = corpus === 'brown' ? loadBrownText() : readTextFile(corpus);
    const backend = await initTf();
    const header = `training a ${params.layers}-layer, ${params.heads}-head Transformer (d_model ${params.dModel}, ${params.level} level, context ${params.seq}, batch ${params.batch}) on ${corpus} with tfjs ${backend}`;
    const r = await trainTransformer(params, text, {
      signal: io.signal,
      onProgress: progressPrinter(io, header, (u) => `step ${u.step}${u.total ? '/' + u.total : ''}  loss ${fmt(u.loss)}  held-out ${fmt(u.metrics?.heldOutLoss)}  ${fmt(u.metrics?.stepsPerSecond, 2)} steps/s`),
    }, { outDir: String(args.options.out) });
    io.out(`${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps (${r.epochs.toFixed(2)} epochs) in ${r.seconds.toFixed(1)} s, ${r.stepsPerSecond.toFixed(2)} steps/s`);
    io.out(`training loss ${fmt(r.finalLoss)}, held-out loss ${fmt(r.heldOutLoss)} nats/token (perplexity ${fmt(r.heldOutPerplexity, 2)}${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar, 3)} bits/char` : ''})`);
    io.out(`saved to ${r.outDir}`);
    const { params: p, ...rest } = r;
    return { model: 'transformer', backend, ...rest, params: p };
  },
};

export const trainSeq2seqCommand: CliCommand = {
  path: ['train', 'seq2seq'],
  summary: 'Train an RNN encoder–decoder with attention on reverse, sort or copy of letter/digit strings',
  options: [{ name: 'out', kind: 'string', description: 'folder to save the model in (new, empty, or a seq2seq model with --force)', required: true }, FORCE_OPTION, ...optionsFromParams(SEQ2SEQ_PARAMS)],
  async run(args, io) {
    const params = paramsFromArgs(SEQ2SEQ_PARAMS, args);
    if (params.minLen > params.maxLen) throw new UsageError(`--min-len (${params.minLen}) is larger than --max-len (${params.maxLen})`);
    guardModelOut(args, String(args.options.out), 'seq2seq');
    const backend = await initTf();
    const header = `training a GRU encoder–decoder with ${params.attention} attention on "${params.task}" (lengths ${params.minLen}–${params.maxLen}) with tfjs ${backend}`;
    const r = await trainSeq2seq(params, {
      signal: io.signal,
      onProgress: progressPrinter(io, header, (u) => `step ${u.step}/${u.total}  loss ${fmt(u.loss)}  sequence acc ${fmt(u.metrics?.sequenceAccuracy, 3)}  alignment acc ${fmt(u.metrics?.alignmentAccuracy, 3)}  ${fmt(u.metrics?.stepsPerSecond, 1)} steps/s`),
    }, { outDir: String(args.options.out) });
    io.out(`${r.stopped ? 'stopped' : 'done'} after ${r.steps} steps in ${r.seconds.toFixed(1)} s (${r.stepsPerSecond.toFixed(1)} steps/s), loss ${fmt(r.finalLoss)}`);
    io.out(`on ${r.testInputs} fresh inputs: sequence accuracy ${(100 * r.sequenceAccuracy).toFixed(1)}%, alignment accuracy ${(100 * r.alignmentAccuracy).toFixed(1)}%`);
    io.out(`saved to ${r.outDir}`);
    const { params: p, ...rest } = r;
    return { model: 'seq2seq', backend, ...rest, params: p };
  },
};

export const attentionCommand: CliCommand = {
  path: ['attention'],
  summary: 'Attention maps of a trained Transformer or seq2seq model for a text',
  positionals: 'DIR TEXT',
  arity: [2, 2],
  options: [],
  async run(args, io) {
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
};

export const attentionCommands: CliCommand[] = [trainTransformerCommand, trainSeq2seqCommand, attentionCommand];
