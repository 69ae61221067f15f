import { Vocab } from '../../../core/lm/vocab';
import { loadLstm, type LstmModel } from '../../../core/lstm/engine';
import { initParams } from '../../../core/lstm/model';
import { type FlowResult, lstmGradientFlow, MAX_FLOW_POSITIONS, rnnGradientFlow } from '../../../core/rnn/gradientFlow';
import { initRnnParams } from '../../../core/rnn/model';
import { loadRnn, RNN_PARAMS, type RnnModel, trainRnn } from '../../../core/rnn/train';
import { optionsFromParams, paramsFromArgs } from '../../args';
import { type CliCommand, UsageError } from '../../types';
import { asUsage, asUsageAsync, assertRegularFile, checkModelFolder, intOpt, strOpt, textFromArgs } from './common';
import { readCorpus } from '../lstm';

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

/** `ml-study train rnn`: the plain tanh RNN language model on a text, saved to a folder. */
export const trainRnnCommand: CliCommand = {
  path: ['train', 'rnn'],
  summary: 'Train a plain tanh RNN character language model (for the vanishing-gradient lab; held-out: the last 10%)',
  options: [
    { name: 'corpus', kind: 'string', description: 'a text file, or "brown" for the Brown corpus (required)' },
    { name: 'out', kind: 'string', description: 'model folder to write, replaced atomically (required)' },
    ...optionsFromParams(RNN_PARAMS),
  ],
  async run(args, io) {
    const corpus = strOpt(args, 'corpus');
    const out = strOpt(args, 'out');
    if (corpus === undefined || out === undefined) throw new UsageError('--corpus and --out are required');
    const params = paramsFromArgs(RNN_PARAMS, args);
    if (corpus !== 'brown') assertRegularFile(corpus);
    const text = asUsage(() => readCorpus(corpus));
    let last = 0;
    const r = await asUsageAsync(() =>
      trainRnn(params, text, {
        signal: io.signal,
        onProgress(u) {
          if (Date.now() - last > 1000 || u.step === u.total) {
            last = Date.now();
            io.progress(`step ${u.step}/${u.total}  loss ${fmt(u.loss)}`);
          }
        },
      }, { outDir: out }),
    );
    io.out(`${r.stopped ? 'stopped' : 'trained'} ${r.steps} steps in ${r.seconds.toFixed(1)} s; train loss ${fmt(r.trainLoss)}, held-out ${fmt(r.heldOutLoss)} nats/char; model saved in ${out}`);
    return { model: 'rnn', steps: r.steps, trainLoss: r.trainLoss, heldOutLoss: Number.isFinite(r.heldOutLoss) ? r.heldOutLoss : null, stopped: r.stopped, seconds: r.seconds, history: r.history, outDir: out };
  },
};

/** `ml-study gradient-flow`: ‖∂loss_t/∂x_{t−k}‖ against k for the RNN and the LSTM on a text. */
export const gradientFlowCommand: CliCommand = {
  path: ['gradient-flow'],
  summary: 'Vanishing gradients: ‖∂loss_t/∂x_{t−k}‖ against the distance k, for a tanh RNN and an LSTM, on a text',
  options: [
    { name: 'text', kind: 'string', description: `the text (at most ${MAX_FLOW_POSITIONS + 1} characters)` },
    { name: 'file', kind: 'string', description: 'or a UTF-8 text file with it' },
    { name: 'rnn', kind: 'string', description: 'a folder saved by `train rnn` (default: an untrained RNN)' },
    { name: 'lstm', kind: 'string', description: 'a folder saved by `train lstm` (default: an untrained one-layer LSTM)' },
    { name: 'hidden', kind: 'int', description: 'hidden units of the untrained models (default 64)' },
    { name: 'embedding', kind: 'int', description: 'embedding size of the untrained models (default 16)' },
    { name: 'seed', kind: 'int', description: 'seed of the untrained models (default 1)' },
    { name: 'max-distance', kind: 'int', description: 'largest k reported in byDistance (default: all)' },
    { name: 'heatmap', kind: 'bool', description: 'include every position\'s norms (norms[t][k]) in the JSON' },
  ],
  async run(args, io) {
    const text = textFromArgs(args, 4 * (MAX_FLOW_POSITIONS + 1));
    const chars = Array.from(text);
    if (chars.length < 2 || chars.length > MAX_FLOW_POSITIONS + 1) throw new UsageError(`the text must have 2 to ${MAX_FLOW_POSITIONS + 1} characters, got ${chars.length}`);
    const hidden = intOpt(args, 'hidden', 64, 1, 1024);
    const embedding = intOpt(args, 'embedding', 16, 1, 1024);
    const seed = intOpt(args, 'seed', 1, 0, 2 ** 31 - 1);
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
};
