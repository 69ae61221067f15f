import { initTf } from '../../core/tf/backend';
import { trainXor } from '../../core/xor/mlp';
import { XOR_PARAMS } from '../../core/xor/params';
import { optionsFromParams, paramsFromArgs } from '../args';
import { command } from './common';

export const trainXorCommand = command(
  'train xor',
  'Train a two-layer perceptron on XOR (--hidden 0: a linear model, which cannot solve it)',
  optionsFromParams(XOR_PARAMS),
  async (args, io) => {
    const params = paramsFromArgs(XOR_PARAMS, args);
    const backend = await initTf();
    io.progress(`training XOR MLP (hidden ${params.hidden}, ${params.optimizer}, lr ${params.lr}) on tfjs ${backend}`);
    let lastPrint = 0;
    const r = await trainXor(params, {
      signal: io.signal,
      onProgress(u) {
        const now = Date.now();
        if (now - lastPrint > 500 || u.step === u.total) {
          lastPrint = now;
          io.progress(`epoch ${u.step}/${u.total}  loss ${u.loss.toFixed(5)}  accuracy ${u.metrics?.accuracy ?? ''}`);
        }
      },
    });
    io.out(`final loss ${r.finalLoss.toFixed(5)}, accuracy ${r.accuracy} (${r.accuracy * 4}/4 points) after ${r.epochs} epochs in ${r.seconds.toFixed(2)} s`);
    io.out(`predictions: ${XOR_POINTS.map((p, i) => `${p} → ${r.predictions[i].toFixed(3)}`).join(', ')}`);
    if (r.linear && r.accuracy < 1) io.out('a linear model cannot separate XOR: no single line puts (0,1),(1,0) on one side and (0,0),(1,1) on the other');
    return {
      model: 'xor',
      backend,
      epochs: r.epochs,
      hidden: r.hidden,
      linear: r.linear,
      finalLoss: r.finalLoss,
      accuracy: r.accuracy,
      predictions: r.predictions,
      stopped: r.stopped,
      seconds: r.seconds,
    };
  },
);

const XOR_POINTS = ['(0,0)', '(0,1)', '(1,0)', '(1,1)'];
