/**
 * Requests of the Head View, Neuron View and Step Through views, answered in the training worker: a saved
 * Transformer or masked language model (resolved inside its models folder by savedModels.ts, loaded through the
 * attention models' cache) run over a short text by the inspection forward of core/attention/inspect.ts.
 */
import * as path from 'node:path';
import type { Handlers } from '../shared/rpc';
import type { HeadsWorkerRequests } from '../shared/views/heads';
import { headView, neuronView, stepView } from '../core/attention/inspect';
import { checkDirText, openAttentionModel } from './attentionRequests';
import { savedModelDir } from './savedModels';

/** The model folder, only as a saved model of its kind in its models folder (no paths elsewhere, no symlinks). */
async function modelOf(p: { dir: unknown; kind: unknown; text: unknown }, method: string) {
  const { dir, text } = checkDirText(p, method);
  if (p.kind !== 'transformer' && p.kind !== 'mlm') throw new Error(`${method} reads a Transformer or a masked language model`);
  const resolved = savedModelDir(dir, path.basename(dir), p.kind, 'the model');
  return { model: await openAttentionModel(resolved), text };
}

const int = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${what} must be a whole number`);
  return v;
};

export const headsHandlers: Handlers<HeadsWorkerRequests> = {
  'heads.view': async (p) => {
    const { model, text } = await modelOf(p, 'heads.view');
    return headView(model, text);
  },
  'heads.neuron': async (p) => {
    const { model, text } = await modelOf(p, 'heads.neuron');
    return neuronView(model, text, int(p.layer, 'the layer'), int(p.head, 'the head'), int(p.position, 'the position'));
  },
  'heads.step': async (p) => {
    const { model, text } = await modelOf(p, 'heads.step');
    return stepView(model, text, int(p.position, 'the position'));
  },
};
