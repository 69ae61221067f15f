/**
 * The worker's model table: how each model kind trains and what it saves. One entry per model; the worker's
 * message loop (worker.ts) knows nothing model-specific.
 */
import * as path from 'node:path';
import type { JobSpec, ModelKind } from '../shared/protocol';
import type { TrainContext } from '../core/training';
import { validateParams } from '../core/params';
import { trainXor } from '../core/xor/mlp';
import { XOR_PARAMS } from '../core/xor/params';
import { writeDirAtomic, writeJsonAtomic } from '../core/util/atomicWrite';

export interface JobOutcome {
  summary: string;
  result: Record<string, unknown>;
  stopped: boolean;
  modelDir?: string;
}

export type ModelRunner = (job: JobSpec, ctx: TrainContext) => Promise<JobOutcome>;

async function runXor(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const params = validateParams(XOR_PARAMS, job.params);
  const r = await trainXor(params, ctx);
  const summary = `${r.linear ? 'linear model' : `${r.hidden} hidden units`}: loss ${r.finalLoss.toFixed(4)}, accuracy ${r.accuracy} (${r.accuracy * 4}/4)${r.stopped ? `, stopped at epoch ${r.epochs}` : ''}`;
  const { lossHistory: _history, ...result } = r;
  if (job.outDir) {
    writeDirAtomic(job.outDir, (tmp) => {
      writeJsonAtomic(path.join(tmp, 'model.json'), { format: 'ml-study-xor', version: 1, params, ...result, savedAt: Date.now() });
    });
  }
  return { summary, result, stopped: r.stopped, modelDir: job.outDir };
}

export const RUNNERS: Record<ModelKind, ModelRunner> = {
  xor: runXor,
};
