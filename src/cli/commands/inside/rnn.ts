import { Vocab } from '../../../core/lm/vocab';
import { loadLstm, type LstmModel } from '../../../core/lstm/engine';
import { initParams } from '../../../core/lstm/model';
import { type FlowResult, lstmGradientFlow, MAX_FLOW_POSITIONS, rnnGradientFlow } from '../../../core/rnn/gradientFlow';
import { initRnnParams } from '../../../core/rnn/model';
import { loadRnn, RNN_PARAMS, type RnnModel, trainRnn } from '../../../core/rnn/train';
import type { ProgressUpdate } from '../../../core/training';
import { optionsFromParams, paramsFromArgs } from '../../args';
import { UsageError } from '../../types';
import { asUsage, asUsageAsync, command, corpusFlag, fixed, flag, finiteOrNull, intOpt, progressLines, readCorpus, strOpt } from '../common';
import { assertRegularFile, checkModelFolder, textFromArgs } from './common';

const fmt = (x: number) => fixed(x, 3);

/** `ml-study train rnn`: the plain tanh RNN language model on a text, saved to a folder. */
export const trainRnnCommand = command(
  'train rnn',
  'Train a plain tanh RNN character language model (for the vanishing-gradient lab; held-out: the last 10%)',
  [
    corpusFlag(),
    flag.string('out', 'model folder to write, replaced atomically', { required: true }),
    ...optionsFromParams(RNN_PARAMS),
  ],
  async (args, io) => {
    const corpus = String(args.options.corpus);
    const out = String(args.options.out);
    const params = paramsFromArgs(RNN_PARAMS, args);
    if (corpus !== 'brown') assertRegularFile(corpus);
    const text = asUsage(() => readCorpus(corpus));
    const onProgress = progressLines(io, 1000, (u: ProgressUpdate) => `step ${u.step}/${u.total}  loss ${fmt(u.loss)}`);
    const r = await asUsageAsync(() => trainRnn(params, text, { signal: io.signal, onProgress }, { outDir: out }));
    io.out(`${r.stopped ? 'stopped' : 'trained'} ${r.steps} steps in ${r.seconds.toFixed(1)} s; train loss ${fmt(r.trainLoss)}, held-out ${fmt(r.heldOutLoss)} nats/char; model saved in ${out}`);
    return { model: 'rnn', steps: r.steps, trainLoss: r.trainLoss, heldOutLoss: finiteOrNull(r.heldOutLoss), stopped: r.stopped, seconds: r.seconds, history: r.history, outDir: out };
  },
);

/** The untrained models' sizes and seed. */
const UNTRAINED = {
  hidden: flag.int('hidden', 'hidden units of the untrained models (default 64)', { default: 64, min: 1, max: 1024 }),
  embedding: flag.int('embedding', 'embedding size of the untrained models (default 16)', { default: 16, min: 1, max: 1024 }),
  seed: flag.int('seed', 'seed of the untrained models (default 1)', { default: 1, min: 0, max: 2 ** 31 - 1 }),
};

/** `ml-study gradient-flow`: ‖∂loss_t/∂x_{t−k}‖ against k for the RNN and the LSTM on a text. */
export const gradientFlowCommand = command(
  'gradient-flow',
  'Vanishing gradients: ‖∂loss_t/∂x_{t−k}‖ against the distance k, for a tanh RNN and an LSTM, on a text',
  [
    flag.string('text', `the text (at most ${MAX_FLOW_POSITIONS + 1} characters)`),
    flag.string('file', 'or a UTF-8 text file with it'),
    flag.string('rnn', 'a folder saved by `train rnn` (default: an untrained RNN)'),
    flag.string('lstm', 'a folder saved by `train lstm` (default: an untrained one-layer LSTM)'),
    ...Object.values(UNTRAINED),
    flag.int('max-distance', 'largest k reported in byDistance (default: all)'),
    flag.bool('heatmap', 'include every position\'s norms (norms[t][k]) in the JSON'),
  ],
  async (args, io) => {
    const text = textFromArgs(args, 4 * (MAX_FLOW_POSITIONS + 1));
    const chars = Array.from(text);
    if (chars.length < 2 || chars.length > MAX_FLOW_POSITIONS + 1) throw new UsageError(`the text must have 2 to ${MAX_FLOW_POSITIONS + 1} characters, got ${chars.length}`);
    const [hidden, embedding, seed] = [UNTRAINED.hidden, UNTRAINED.embedding, UNTRAINED.seed].map((f) => intOpt(args, f));
    const maxK = intOpt(args, 'max-distance', chars.length - 2, 0, MAX_FLOW_POSITIONS);
    const own = Vocab.build(text, 'char');
    const rnnDir = strOpt(args, 'rnn');
    const lstmDir = strOpt(args, 'lstm');
    if (rnnDir !== undefined) checkModelFolder(rnnDir);
    if (lstmDir !== undefined) checkModelFolder(lstmDir);
    const rnn: RnnModel = rnnDir !== undefined
      ? asUsage(() => loadRnn(rnnDir))
      : (() => {
          const config = { vocabSize: own.size, embedding, hidden };
          return { type: 'rnn' as const, config, vocab: own, theta: initRnnParams(config, seed) as Float32Array };
        })();
    const lstm: LstmModel = lstmDir !== undefined
      ? asUsage(() => loadLstm(lstmDir))
      : (() => {
          const config = { vocabSize: own.size, embedding, hidden, layers: 1, dropout: 0 };
          return { type: 'lstm' as const, config, vocab: own, theta: initParams(config, seed) as Float32Array };
        })();
    if (lstm.vocab.level !== 'char') throw new UsageError('the LSTM must be a character-level model');
    const summary = (source: string, r: FlowResult) => ({
      source,
      byDistance: r.byDistance.slice(0, maxK + 1),
      ...(args.options.heatmap ? { norms: r.norms } : {}),
    });
    const rf = asUsage(() => rnnGradientFlow(rnn.config, rnn.theta, rnn.vocab.encodeTokens(chars).ids));
    const lf = asUsage(() => lstmGradientFlow(lstm, lstm.vocab.encodeTokens(chars).ids));
    io.out('distance k   mean ‖∂loss_t/∂x_{t−k}‖   RNN          LSTM');
    for (let k = 0; k <= maxK; k = k < 4 ? k + 1 : k * 2) io.out(`${String(k).padStart(10)}   ${' '.repeat(22)}${rf.byDistance[k].mean.toExponential(3).padEnd(13)}${lf.byDistance[k].mean.toExponential(3)}`);
    return {
      tokens: chars,
      positions: rf.positions,
      rnn: summary(rnnDir ?? 'untrained', rf),
      lstm: summary(lstmDir ?? 'untrained', lf),
    };
  },
);
