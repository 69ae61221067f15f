/**
 * The XOR playground in the training worker (PlaygroundWorkerRequests): the engine of src/core/xor/playground.ts,
 * one instance per id (a few at most), advanced and snapshotted on the host's request. A user's CSV of points is
 * read here with the engine's bounded, validated reader.
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import type { PlaygroundWorkerRequests } from '../shared/views/xor';
import { type Playground, playgroundFromParams } from '../core/xor/playground';
import { readPointsCsv } from '../core/xor/datasets';
import { PLAYGROUND_PARAMS } from '../core/xor/params';
import { validateParams } from '../core/params';
import { Sessions } from './sessions';

/** Most updates one request runs. */
const MAX_STEPS = 100_000;

const sessions = new Sessions<Playground>('playground', 4);

function checkGrid(n: unknown): number {
  if (!Number.isInteger(n) || (n as number) < 2 || (n as number) > 201) throw new Error('gridSize must be an integer 2..201');
  return n as number;
}

export const playgroundHandlers: Handlers<PlaygroundWorkerRequests> = {
  'playground.create': (p) => {
    const id = sessions.checkId(p.id);
    const gridSize = checkGrid(p.gridSize);
    const values = validateParams(PLAYGROUND_PARAMS, p.params);
    let data;
    if (p.csvPath !== undefined) {
      if (typeof p.csvPath !== 'string' || !path.isAbsolute(p.csvPath)) throw new Error('csvPath must be an absolute path');
      data = readPointsCsv(p.csvPath);
      data.name = path.basename(p.csvPath);
    }
    const pg = sessions.set(id, playgroundFromParams(values, data));
    return { points: pg.data.x, labels: pg.data.y, snapshot: pg.snapshot(gridSize) };
  },
  'playground.run': (p) => {
    const pg = sessions.get(p.id);
    const gridSize = checkGrid(p.gridSize);
    if (!Number.isInteger(p.steps) || p.steps < 0 || p.steps > MAX_STEPS) throw new Error(`steps must be an integer 0..${MAX_STEPS}`);
    const maxMs = Number.isFinite(p.maxMs) && p.maxMs > 0 ? p.maxMs : 50;
    const t0 = performance.now();
    for (let i = 0; i < p.steps; i++) {
      pg.update();
      if (performance.now() - t0 > maxMs) break;
    }
    return pg.snapshot(gridSize);
  },
  'playground.reset': (p) => {
    const pg = sessions.get(p.id);
    pg.reset();
    return pg.snapshot(checkGrid(p.gridSize));
  },
  'playground.dispose': (p) => {
    sessions.delete(p.id);
    return null;
  },
};
