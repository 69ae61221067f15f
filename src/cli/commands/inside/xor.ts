import { readPointsCsv } from '../../../core/xor/datasets';
import { playgroundFromParams } from '../../../core/xor/playground';
import { PLAYGROUND_PARAMS } from '../../../core/xor/params';
import { optionsFromParams, paramsFromArgs } from '../../args';
import { asUsage, command, flag, intOpt, strOpt } from '../common';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const STEPS = flag.int('steps', 'updates to run (default 1000)', { default: 1000, min: 0, max: 1_000_000 });
const GRID = flag.int('grid', 'grid size N: the grids are N × N over the data\'s extent (default 41)', { default: 41, min: 2, max: 401 });

/** `ml-study xor`: the playground headless — train N updates, then everything the views draw, as JSON. */
export const xorPlaygroundCommand = command(
  'xor',
  'XOR playground: N full-batch updates, then the decision boundary grid, each hidden unit\'s grid and the hidden space',
  [
    ...optionsFromParams(PLAYGROUND_PARAMS),
    flag.string('points-file', 'a CSV of 2-D points "x,y,label" (label 0/1) instead of a generated data set'),
    STEPS,
    GRID,
    flag.int('every', 'also report the weights and loss every K updates (at most 1000 entries)'),
  ],
  async (args, io) => {
    const params = paramsFromArgs(PLAYGROUND_PARAMS, args);
    const steps = intOpt(args, STEPS);
    const grid = intOpt(args, GRID);
    const file = strOpt(args, 'points-file');
    const pg = asUsage(() => playgroundFromParams(params, file === undefined ? undefined : readPointsCsv(file)));
    const every = args.options.every === undefined ? 0 : intOpt(args, 'every', 1, Math.max(1, Math.ceil(steps / 1000)), 1_000_000);
    const trace: { step: number; loss: number; weights: ReturnType<typeof pg.weights> }[] = [];
    const losses: number[] = [];
    for (let i = 0; i < steps; i++) {
      losses.push(pg.update());
      if (every && pg.step % every === 0) trace.push({ step: pg.step, loss: losses[i], weights: pg.weights() });
    }
    const s = pg.snapshot(grid);
    io.out(`${pg.data.name}: ${pg.data.x.length} points, ${pg.H} hidden unit(s); after ${s.step} updates loss ${s.loss.toFixed(5)}, accuracy ${s.accuracy.toFixed(3)}`);
    if (pg.H === 0 && pg.data.name === 'xor' && s.accuracy < 1) io.out('a linear model cannot separate XOR: no single line puts (0,1),(1,0) on one side and (0,0),(1,1) on the other');
    io.out(`hidden space: ${s.hiddenSpace.kind}; separating line ${s.hiddenSpace.line ? `${s.hiddenSpace.line.a.toFixed(3)}·u + ${s.hiddenSpace.line.b.toFixed(3)}·v + ${s.hiddenSpace.line.c.toFixed(3)} = 0` : 'none'}`);
    const thin = Math.max(1, Math.ceil(losses.length / 1000));
    return {
      model: 'xor-playground',
      config: pg.cfg,
      data: { name: pg.data.name, x: pg.data.x, y: pg.data.y, bounds: pg.data.bounds },
      lossHistory: { every: thin, values: losses.filter((_, i) => i % thin === 0).map(round) },
      ...(every ? { trace } : {}),
      ...s,
    };
  },
);
