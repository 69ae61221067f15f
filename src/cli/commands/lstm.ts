/**
 * Language-model commands: `train lstm`, and `generate` / `perplexity`, which read the model type stored in the
 * model folder and dispatch through LM_ENGINES — add an entry there for another model type (e.g. a Transformer).
 */
import { loadBrownText } from '../../core/corpus/brown';
import { readTextFile } from '../../core/corpus/text';
import { readModelType } from '../../core/lm/modelDir';
import { GENERATION_DEFAULTS } from '../../core/lm/sampling';
import type { GenerateOptions, GenerateResult, PerplexityResult } from '../../core/lm/types';
import { generate, loadLstm, perplexityOf } from '../../core/lstm/engine';
import { LSTM_PARAMS } from '../../core/lstm/params';
import { trainLstm } from '../../core/lstm/train';
import { FORCE_OPTION, guardModelOut, optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, type ParsedArgs, UsageError } from '../types';

/** What generate/perplexity need from a language-model engine. */
export interface LmEngine {
  generate(dir: string, opts: GenerateOptions): GenerateResult;
  perplexity(dir: string, text: string, opts: { maxTokens?: number }): PerplexityResult;
}

/** Model type (model.json "type") → engine. */
export const LM_ENGINES: Record<string, LmEngine> = {
  lstm: {
    generate: (dir, opts) => generate(loadLstm(dir), opts),
    perplexity: (dir, text, opts) => perplexityOf(loadLstm(dir), text, opts),
  },
};

function engineFor(dir: string): { type: string; engine: LmEngine } {
  const type = readModelType(dir);
  const engine = Object.hasOwn(LM_ENGINES, type) ? LM_ENGINES[type] : undefined;
  if (!engine) throw new Error(`${dir} holds a "${type}" model, which cannot generate text or score a corpus`);
  return { type, engine };
}

/** `--corpus brown` or a text file. */
export function readCorpus(spec: string): string {
  return spec === 'brown' ? loadBrownText() : readTextFile(spec);
}

const fmt = (x: number | undefined, d = 3) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d));

function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return v === undefined ? undefined : String(v);
}

/** Required options are checked here rather than by the parser, so that `--help` works without them. */
function need(args: ParsedArgs, name: string): string {
  const v = str(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

export const trainLstmCommand: CliCommand = {
  path: ['train', 'lstm'],
  summary: 'Train a character- or word-level recurrent language model, LSTM, GRU or tanh RNN cell (held-out: the last 10% of the corpus)',
  options: [
    { name: 'corpus', kind: 'string', description: 'a text file, or "brown" for the Brown corpus (required)' },
    { name: 'out', kind: 'string', description: 'model folder to write: new, empty, the --resume folder, or an LSTM with --force; checkpoints replace it atomically (required)' },
    FORCE_OPTION,
    { name: 'resume', kind: 'string', description: 'continue from the checkpoint in this folder (same corpus)' },
    ...optionsFromParams(LSTM_PARAMS),
  ],
  async run(args, io) {
    const given = ['epochs', 'steps', 'time-budget'].filter((f) => args.options[f] !== undefined);
    if (given.length > 1) throw new UsageError(`give only one of --epochs, --steps, --time-budget (got ${given.map((g) => '--' + g).join(' and ')})`);
    const corpus = need(args, 'corpus');
    const out = need(args, 'out');
    guardModelOut(args, out, 'lstm', str(args, 'resume'));
    const params = paramsFromArgs(LSTM_PARAMS, args);
    // --epochs or --time-budget alone replace the default step count
    if (given.length === 1 && given[0] !== 'steps') params.steps = 0;
    const text = readCorpus(corpus);
    io.progress(`training a${params.cell === 'lstm' ? 'n' : ''} ${params.cell.toUpperCase()} language model on ${corpus} (${params.level}-level, embedding ${params.embedding}, hidden ${params.hidden}, layers ${params.layers}, batch ${params.batch}, seq ${params.seq})`);
    let lastPrint = 0;
    const unit = params.level === 'char' ? 'chars' : 'tokens';
    const r = await trainLstm(
      params,
      text,
      {
        signal: io.signal,
        log: (m) => io.progress(m),
        onProgress(u) {
          const now = Date.now();
          const m = u.metrics ?? {};
          if (u.note || now - lastPrint > 1000) {
            lastPrint = now;
            const held = m.heldOutLoss !== undefined ? `  held-out ${fmt(m.heldOutLoss)} (ppl ${fmt(m.perplexity, 2)}${m.bitsPerChar !== undefined ? `, ${fmt(m.bitsPerChar)} bits/char` : ''})` : '';
            io.progress(`step ${u.step}${u.total ? '/' + u.total : ''}  loss ${fmt(u.loss)}${held}  ${Math.round(m.tokensPerSecond ?? 0)} ${unit}/s`);
          }
          if (u.note) io.progress(`  sample: ${JSON.stringify(u.note.slice(0, 200))}`);
        },
      },
      { outDir: out, resumeFrom: str(args, 'resume') },
    );
    io.out(`${r.stopped ? 'stopped' : 'trained'} ${r.steps} steps in ${r.seconds.toFixed(1)} s (${Math.round(r.tokensPerSecond)} ${unit}/s, kernel ${r.kernel})`);
    io.out(`train loss ${fmt(r.trainLoss)}, held-out cross-entropy ${fmt(r.heldOutLoss)} nats/token, perplexity ${fmt(r.heldOutPerplexity, 2)}${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar)} bits/char` : ''} (${r.heldOutTokens} held-out tokens)`);
    if (r.lastSample) io.out(`sample: ${r.lastSample}`);
    io.out(`model saved in ${r.outDir}`);
    const nz = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      model: 'lstm',
      level: r.level,
      cell: r.cell,
      out: r.outDir,
      steps: r.steps,
      epochs: r.epochs,
      seconds: r.seconds,
      tokensPerSecond: r.tokensPerSecond,
      trainLoss: nz(r.trainLoss),
      heldOutLoss: nz(r.heldOutLoss),
      heldOutPerplexity: nz(r.heldOutPerplexity),
      ...(r.bitsPerChar !== undefined ? { bitsPerChar: nz(r.bitsPerChar) } : {}),
      heldOutTokens: r.heldOutTokens,
      batch: r.batch,
      vocabSize: r.vocabSize,
      stopped: r.stopped,
      kernel: r.kernel,
      ...(r.resumedFromStep !== undefined ? { resumedFromStep: r.resumedFromStep } : {}),
      sample: r.lastSample ?? null,
    };
  },
};

export const generateCommand: CliCommand = {
  path: ['generate'],
  summary: 'Generate text from a trained language model (greedy with --temperature 0, else sampled; seeded)',
  positionals: 'DIR',
  arity: [1, 1],
  options: [
    { name: 'prompt', kind: 'string', description: 'text to continue (required; may be empty)' },
    { name: 'length', kind: 'int', description: `tokens to generate (default ${GENERATION_DEFAULTS.length})` },
    { name: 'temperature', kind: 'number', description: `0 = greedy; below 1 sharper, above 1 flatter (default ${GENERATION_DEFAULTS.temperature})` },
    { name: 'top-k', kind: 'int', description: 'sample only from the k most likely tokens (0 = all)' },
    { name: 'top-p', kind: 'number', description: `sample from the smallest set of tokens with this much probability (default ${GENERATION_DEFAULTS.topP})` },
    { name: 'seed', kind: 'int', description: `seed of the sampling (default ${GENERATION_DEFAULTS.seed})` },
  ],
  async run(args, io) {
    const dir = args.positionals[0];
    const opts: GenerateOptions = {
      prompt: need(args, 'prompt'),
      length: (args.options.length as number | undefined) ?? GENERATION_DEFAULTS.length,
      temperature: (args.options.temperature as number | undefined) ?? GENERATION_DEFAULTS.temperature,
      topK: (args.options['top-k'] as number | undefined) ?? GENERATION_DEFAULTS.topK,
      topP: (args.options['top-p'] as number | undefined) ?? GENERATION_DEFAULTS.topP,
      seed: (args.options.seed as number | undefined) ?? GENERATION_DEFAULTS.seed,
    };
    if (!(opts.length! >= 0 && opts.length! <= 100000)) throw new UsageError(`--length must be from 0 to 100000, got ${opts.length}`);
    if (!(opts.temperature! >= 0 && opts.temperature! <= 100)) throw new UsageError(`--temperature must be from 0 to 100, got ${opts.temperature}`);
    if (!(opts.topK! >= 0)) throw new UsageError(`--top-k must be 0 or more, got ${opts.topK}`);
    if (!(opts.topP! > 0 && opts.topP! <= 1)) throw new UsageError(`--top-p must be greater than 0 and at most 1, got ${opts.topP}`);
    const { type, engine } = engineFor(dir);
    const r = engine.generate(dir, opts);
    if (r.unknownCount > 0) {
      io.progress(`note: ${r.unknownCount} prompt ${r.level === 'char' ? 'character' : 'word'}(s) are not in the model's vocabulary and were read as the unknown token: ${r.unknown.slice(0, 10).map((u) => JSON.stringify(u)).join(', ')}`);
    }
    io.out(r.level === 'char' ? r.prompt + r.text : [r.prompt, r.text].filter(Boolean).join(' '));
    return {
      model: type,
      level: r.level,
      prompt: r.prompt,
      text: r.text,
      tokens: r.tokens.map((t) => ({ text: t.text, display: t.display, prob: t.prob, surprisal: t.surprisal })),
      promptTokens: r.promptTokens.map((t) => ({ text: t.text, display: t.display, prob: t.prob, surprisal: t.surprisal, known: t.id !== 0 })),
      unknown: r.unknown,
      unknownCount: r.unknownCount,
    };
  },
};

export const perplexityCommand: CliCommand = {
  path: ['perplexity'],
  summary: 'Perplexity (exp of the mean surprisal) of a text under a trained language model',
  positionals: 'DIR',
  arity: [1, 1],
  options: [
    { name: 'corpus', kind: 'string', description: 'a text file, or "brown" (required)' },
    { name: 'max-tokens', kind: 'int', description: 'score at most this many tokens from the start' },
  ],
  async run(args, io) {
    const dir = args.positionals[0];
    const max = args.options['max-tokens'] as number | undefined;
    if (max !== undefined && max < 2) throw new UsageError(`--max-tokens must be at least 2, got ${max}`);
    const corpusSpec = need(args, 'corpus');
    const { type, engine } = engineFor(dir);
    const text = readCorpus(corpusSpec);
    const r = engine.perplexity(dir, text, { maxTokens: max });
    if (r.unknownCount > 0) io.progress(`note: ${r.unknownCount} token(s) of the text are not in the model's vocabulary and were scored as the unknown token`);
    io.out(`perplexity ${fmt(r.perplexity, 3)}, cross-entropy ${fmt(r.crossEntropy, 4)} nats/token${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar, 4)} bits/char` : ''} over ${r.tokens} tokens`);
    return { model: type, level: r.level, tokens: r.tokens, crossEntropy: r.crossEntropy, perplexity: r.perplexity, ...(r.bitsPerChar !== undefined ? { bitsPerChar: r.bitsPerChar } : {}), unknownCount: r.unknownCount };
  },
};

export const lstmCommands: CliCommand[] = [trainLstmCommand, generateCommand, perplexityCommand];
