/**
 * Language-model commands: `train lstm`, and `generate` / `perplexity`, which read the model type stored in the
 * model folder and dispatch through LM_ENGINES (the LSTM with any cell, and the causal Transformer).
 */
import { readModelJson } from '../../core/lm/modelDir';
import { loadAttentionModel } from '../../core/attention';
import { generateTransformer, transformerPerplexity, type CausalLm } from '../../core/attention/causalLm';
import { GENERATION_DEFAULTS } from '../../core/lm/sampling';
import type { GenerateOptions, GenerateResult, PerplexityResult } from '../../core/lm/types';
import { generate, loadLstm, perplexityOf } from '../../core/lstm/engine';
import { LSTM_PARAMS } from '../../core/lstm/params';
import { trainLstm } from '../../core/lstm/train';
import { optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, UsageError } from '../types';
import { command, corpusFlag, finiteOrNull, fixed, flag, modelOut, modelOutFlags, needOpt, readCorpus, strOpt, throttle, trainingLength } from './common';

/** What generate/perplexity need from a language-model engine. */
export interface LmEngine {
  generate(dir: string, opts: GenerateOptions): Promise<GenerateResult>;
  perplexity(dir: string, text: string, opts: { maxTokens?: number }): Promise<PerplexityResult>;
}

/** A causal Transformer (not a masked language model or a seq2seq model) from its folder. */
async function loadCausal(dir: string): Promise<CausalLm> {
  const m = await loadAttentionModel(dir);
  if (m.kind !== 'transformer') throw new Error(`${dir} holds a ${m.kind} model, which cannot generate text or score a corpus`);
  return m;
}

/** Model type (model.json "type", or "kind" of an attention model) → engine. */
export const LM_ENGINES: Record<string, LmEngine> = {
  lstm: {
    generate: async (dir, opts) => generate(loadLstm(dir), opts),
    perplexity: async (dir, text, opts) => perplexityOf(loadLstm(dir), text, opts),
  },
  transformer: {
    generate: async (dir, opts) => generateTransformer(await loadCausal(dir), opts),
    perplexity: async (dir, text, opts) => transformerPerplexity(await loadCausal(dir), text, opts),
  },
};

function engineFor(dir: string): { type: string; engine: LmEngine } {
  const j = readModelJson(dir);
  const type = typeof j.type === 'string' ? j.type : typeof j.kind === 'string' ? j.kind : 'unknown';
  const engine = Object.hasOwn(LM_ENGINES, type) ? LM_ENGINES[type] : undefined;
  if (!engine) throw new Error(`${dir} holds a "${type}" model, which cannot generate text or score a corpus`);
  return { type, engine };
}

const fmt = (x: number | undefined, d = 3) => fixed(x, d);

export const trainLstmCommand = command(
  'train lstm',
  'Train a character- or word-level recurrent language model, LSTM, GRU or tanh RNN cell (held-out: the last 10% of the corpus)',
  [
    corpusFlag(),
    ...modelOutFlags('model folder to write: new, empty, the --resume folder, or an LSTM with --force; checkpoints replace it atomically'),
    flag.string('resume', 'continue from the checkpoint in this folder (same corpus)'),
    ...optionsFromParams(LSTM_PARAMS),
  ],
  async (args, io) => {
    const length = trainingLength(args);
    const corpus = String(args.options.corpus);
    const out = modelOut(args, 'lstm', strOpt(args, 'resume'));
    const params = paramsFromArgs(LSTM_PARAMS, args);
    // --epochs or --time-budget alone replace the default step count
    if (length !== undefined && length !== 'steps') params.steps = 0;
    const text = readCorpus(corpus);
    io.progress(`training a${params.cell === 'lstm' ? 'n' : ''} ${params.cell.toUpperCase()} language model on ${corpus} (${params.level}-level, embedding ${params.embedding}, hidden ${params.hidden}, layers ${params.layers}, batch ${params.batch}, seq ${params.seq})`);
    const due = throttle(1000);
    const unit = params.level === 'char' ? 'chars' : 'tokens';
    const r = await trainLstm(
      params,
      text,
      {
        signal: io.signal,
        log: (m) => io.progress(m),
        onProgress(u) {
          const m = u.metrics ?? {};
          if (due(Boolean(u.note))) {
            const held = m.heldOutLoss !== undefined ? `  held-out ${fmt(m.heldOutLoss)} (ppl ${fmt(m.perplexity, 2)}${m.bitsPerChar !== undefined ? `, ${fmt(m.bitsPerChar)} bits/char` : ''})` : '';
            io.progress(`step ${u.step}${u.total ? '/' + u.total : ''}  loss ${fmt(u.loss)}${held}  ${Math.round(m.tokensPerSecond ?? 0)} ${unit}/s`);
          }
          if (u.note) io.progress(`  sample: ${JSON.stringify(u.note.slice(0, 200))}`);
        },
      },
      { outDir: out, resumeFrom: strOpt(args, 'resume') },
    );
    io.out(`${r.stopped ? 'stopped' : 'trained'} ${r.steps} steps in ${r.seconds.toFixed(1)} s (${Math.round(r.tokensPerSecond)} ${unit}/s, kernel ${r.kernel})`);
    io.out(`train loss ${fmt(r.trainLoss)}, held-out cross-entropy ${fmt(r.heldOutLoss)} nats/token, perplexity ${fmt(r.heldOutPerplexity, 2)}${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar)} bits/char` : ''} (${r.heldOutTokens} held-out tokens)`);
    if (r.lastSample) io.out(`sample: ${r.lastSample}`);
    io.out(`model saved in ${r.outDir}`);
    return {
      model: 'lstm',
      level: r.level,
      cell: r.cell,
      out: r.outDir,
      steps: r.steps,
      epochs: r.epochs,
      seconds: r.seconds,
      tokensPerSecond: r.tokensPerSecond,
      trainLoss: finiteOrNull(r.trainLoss),
      heldOutLoss: finiteOrNull(r.heldOutLoss),
      heldOutPerplexity: finiteOrNull(r.heldOutPerplexity),
      ...(r.bitsPerChar !== undefined ? { bitsPerChar: finiteOrNull(r.bitsPerChar) } : {}),
      heldOutTokens: r.heldOutTokens,
      batch: r.batch,
      vocabSize: r.vocabSize,
      stopped: r.stopped,
      kernel: r.kernel,
      ...(r.resumedFromStep !== undefined ? { resumedFromStep: r.resumedFromStep } : {}),
      sample: r.lastSample ?? null,
    };
  },
);

export const generateCommand = command(
  'generate DIR',
  'Generate text from a trained language model (greedy with --temperature 0, else sampled; seeded)',
  [
    flag.string('prompt', 'text to continue (required; may be empty)'),
    flag.int('length', `tokens to generate (default ${GENERATION_DEFAULTS.length})`),
    flag.number('temperature', `0 = greedy; below 1 sharper, above 1 flatter (default ${GENERATION_DEFAULTS.temperature})`),
    flag.int('top-k', 'sample only from the k most likely tokens (0 = all)'),
    flag.number('top-p', `sample from the smallest set of tokens with this much probability (default ${GENERATION_DEFAULTS.topP})`),
    flag.int('seed', `seed of the sampling (default ${GENERATION_DEFAULTS.seed})`),
  ],
  async (args, io) => {
    const dir = args.positionals[0];
    const opts: GenerateOptions = {
      prompt: needOpt(args, 'prompt'),
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
    const r = await engine.generate(dir, opts);
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
);

export const perplexityCommand = command(
  'perplexity DIR',
  'Perplexity (exp of the mean surprisal) of a text under a trained language model',
  [corpusFlag('a text file, or "brown"'), flag.int('max-tokens', 'score at most this many tokens from the start')],
  async (args, io) => {
    const dir = args.positionals[0];
    const max = args.options['max-tokens'] as number | undefined;
    if (max !== undefined && max < 2) throw new UsageError(`--max-tokens must be at least 2, got ${max}`);
    const corpusSpec = String(args.options.corpus);
    const { type, engine } = engineFor(dir);
    const text = readCorpus(corpusSpec);
    const r = await engine.perplexity(dir, text, { maxTokens: max });
    if (r.unknownCount > 0) io.progress(`note: ${r.unknownCount} token(s) of the text are not in the model's vocabulary and were scored as the unknown token`);
    io.out(`perplexity ${fmt(r.perplexity, 3)}, cross-entropy ${fmt(r.crossEntropy, 4)} nats/token${r.bitsPerChar !== undefined ? `, ${fmt(r.bitsPerChar, 4)} bits/char` : ''} over ${r.tokens} tokens`);
    return { model: type, level: r.level, tokens: r.tokens, crossEntropy: r.crossEntropy, perplexity: r.perplexity, ...(r.bitsPerChar !== undefined ? { bitsPerChar: r.bitsPerChar } : {}), unknownCount: r.unknownCount };
  },
);

export const lstmCommands: CliCommand[] = [trainLstmCommand, generateCommand, perplexityCommand];
