/**
 * The "inside." requests: the gate view's forward pass over a text (a saved LSTM, or the latest checkpoint of one
 * training now: the model cache reloads a folder whose model.json changed), and the RNN vs LSTM gradient lab, run
 * as a long request whose progress the host polls (the trainers yield, so polls and stops are answered meanwhile).
 */
import type { Handlers } from '../shared/rpc';
import type { InsideWorkerRequests, LabProgress } from '../shared/views/inside';
import { gatesReport } from '../core/lstm/inspect';
import { labOptions, runGradientLab } from '../core/rnn/lab';
import { open } from './lmRequests';

interface Lab {
  controller: AbortController;
  progress: LabProgress | null;
}

/** Labs running, by id (a new run of an id stops the old one). */
const labs = new Map<string, Lab>();

function labId(id: unknown): string {
  if (typeof id !== 'string' || !id || id.length > 100) throw new Error('a lab needs an id');
  return id;
}

export const insideHandlers: Handlers<InsideWorkerRequests> = {
  'inside.gates': (p) => {
    if (typeof p.text !== 'string') throw new Error('no text to read');
    const model = open(p.dir);
    return { ...gatesReport(model, p.text, { layer: p.layer, unit: p.unit }), step: model.meta?.step ?? 0 };
  },
  'inside.labRun': async (p) => {
    const id = labId(p.id);
    if (typeof p.text !== 'string') throw new Error('no text to train on');
    const options = labOptions(p.options ?? {});
    labs.get(id)?.controller.abort();
    const lab: Lab = { controller: new AbortController(), progress: null };
    labs.set(id, lab);
    try {
      const { result } = await runGradientLab(p.text, options, { signal: lab.controller.signal, onProgress: (u) => (lab.progress = u) });
      return result;
    } finally {
      if (labs.get(id) === lab) labs.delete(id);
    }
  },
  'inside.labProgress': (p) => labs.get(labId(p.id))?.progress ?? null,
  'inside.labStop': (p) => {
    labs.get(labId(p.id))?.controller.abort();
    return null;
  },
};
