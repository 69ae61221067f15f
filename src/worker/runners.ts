/**
 * The worker's model table: how each model kind trains and what it saves. One entry per model; the worker's
 * message loop (worker.ts) knows nothing model-specific.
 */
import * as path from 'node:path';
import type { CorpusRef, JobSpec, ModelKind } from '../shared/protocol';
import type { TrainContext } from '../core/training';
import { validateParams } from '../core/params';
import { trainXor } from '../core/xor/mlp';
import { XOR_PARAMS } from '../core/xor/params';
import { writeDirAtomic, writeJsonAtomic } from '../core/util/atomicWrite';
import { loadBrownSentences, loadBrownText } from '../core/corpus/brown';
import { saveModel as saveWord2vec } from '../core/word2vec/store';
import { trainWord2vec } from '../core/word2vec/train';
import { word2vecKind } from '../core/word2vec/params';
import { lstmSummary, trainLstm } from '../core/lstm';
import { trainSeq2seq, trainTransformer } from '../core/attention';
import { trainMlm } from '../core/mlm';
import { distillSummary, trainDistill } from '../core/distill/train';
import { loadLstm } from '../core/lstm/engine';
import { loadDataset } from '../core/vae/data';
import { checkOutputDir, saveAutoencoder } from '../core/vae/store';
import { trainAutoencoder } from '../core/vae/train';
import type { AutoencoderKind } from '../core/vae/params';
import { savedModelDir } from './savedModels';

export interface JobOutcome {
  summary: string;
  result: Record<string, unknown>;
  stopped: boolean;
  modelDir?: string;
  /** The step training ended at (the step its checkpoint holds), when it differs from the last progress report. */
  finalStep?: number;
}

export type ModelRunner = (job: JobSpec, ctx: TrainContext) => Promise<JobOutcome>;

function needOutDir(job: JobSpec): string {
  if (!job.outDir) throw new Error('this model needs a folder to save into');
  return job.outDir;
}

function corpusText(corpus: CorpusRef): string {
  if (corpus.kind === 'brown') return loadBrownText();
  if (corpus.kind === 'text') {
    if (!corpus.text.trim()) throw new Error(`${corpus.name || 'the corpus'} is empty`);
    return corpus.text;
  }
  throw new Error('choose a corpus to train on');
}

const f = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

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

async function runWord2vec(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const corpus = job.corpus.kind === 'brown' ? loadBrownSentences() : corpusText(job.corpus);
  const model = await trainWord2vec(job.params as never, corpus, ctx, { keepLatexCommands: job.corpus.kind === 'text' && job.corpus.keepLatexCommands === true });
  saveWord2vec(out, model);
  const st = model.stats;
  const loss = st?.lossPerEpoch ?? [];
  const summary = `${word2vecKind(job.params)}, ${model.words.length} words × ${model.dim}: loss ${f(loss[loss.length - 1] ?? NaN)}, ${Math.round(st?.wordsPerSecond ?? 0).toLocaleString('en')} words/s${st?.stopped ? ' (stopped)' : ''}`;
  return { summary, result: { vocab: model.words.length, dim: model.dim, ...st }, stopped: st?.stopped === true, modelDir: out };
}

async function runLstm(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const r = await trainLstm(job.params, corpusText(job.corpus), ctx, { outDir: out, resumeFrom: job.resumeFrom });
  return { summary: lstmSummary(r), result: r as unknown as Record<string, unknown>, stopped: r.stopped, modelDir: out, finalStep: r.steps };
}

async function runTransformer(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const r = await trainTransformer(job.params, corpusText(job.corpus), ctx, { outDir: out, resumeFrom: job.resumeFrom });
  const bpc = r.bitsPerChar !== undefined ? `, ${f(r.bitsPerChar)} bits/char` : '';
  return { summary: `${r.steps} steps: held-out perplexity ${f(r.heldOutPerplexity, 2)}${bpc}${r.stopped ? ' (stopped)' : ''}`, result: r as unknown as Record<string, unknown>, stopped: r.stopped, modelDir: out, finalStep: r.steps };
}

async function runSeq2seq(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const r = await trainSeq2seq(job.params, ctx, { outDir: out });
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return { summary: `${r.task}, ${r.steps} steps: ${pct(r.sequenceAccuracy)} of fresh inputs right, attention on the expected position ${pct(r.alignmentAccuracy)}${r.stopped ? ' (stopped)' : ''}`, result: r as unknown as Record<string, unknown>, stopped: r.stopped, modelDir: out };
}

async function runDistill(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const { teacher = '', ...params } = job.params;
  const teacherDir = savedModelDir(out, String(teacher), 'lstm', 'teacher');
  const r = await trainDistill(params, corpusText(job.corpus), loadLstm(teacherDir), ctx, { outDir: out, teacherName: path.basename(teacherDir) });
  return { summary: distillSummary(r), result: r as unknown as Record<string, unknown>, stopped: r.stopped, modelDir: out };
}

/** `vectors:NAME` names a saved word2vec model (resolved in the models folder; empty: the newest). */
function dataSpecOf(raw: unknown, out: string): string {
  const s = String(raw ?? '');
  return s.startsWith('vectors:') ? `vectors:${savedModelDir(out, s.slice('vectors:'.length), 'word2vec', 'word vectors')}` : s;
}

const runAutoencoder = (kind: AutoencoderKind) => async (job: JobSpec, ctx: TrainContext): Promise<JobOutcome> => {
  const out = needOutDir(job);
  checkOutputDir(out, kind);
  const params = { ...job.params, data: dataSpecOf(job.params.data, out) };
  const data = loadDataset(params as { data: string; samples: number; glyphSize: number; seed: number });
  const r = await trainAutoencoder(kind, params, data, ctx, { snapshots: true });
  saveAutoencoder(out, r.model, data, r.history, r.seconds);
  const klPart = kind === 'vae' ? `, KL ${f(r.after.kl)} (β ${r.model.beta})` : '';
  const summary = `${kind === 'vae' ? 'VAE' : 'autoencoder'} on ${data.kind}, ${r.epochs} epochs: reconstruction ${f(r.after.recon)}${klPart}${r.stopped ? ' (stopped)' : ''}`;
  return { summary, result: { epochs: r.epochs, steps: r.steps, seconds: r.seconds, before: r.before, after: r.after, history: r.history, data: data.kind }, stopped: r.stopped, modelDir: out };
};

async function runMlm(job: JobSpec, ctx: TrainContext): Promise<JobOutcome> {
  const out = needOutDir(job);
  const r = await trainMlm(job.params, corpusText(job.corpus), ctx, { outDir: out });
  return { summary: `${r.steps} steps: held-out masked loss ${f(r.heldOutLoss)} nats (unigram ${f(r.unigramLoss)}), ${f(100 * r.heldOutAccuracy, 1)}% of blanks right${r.stopped ? ' (stopped)' : ''}`, result: r as unknown as Record<string, unknown>, stopped: r.stopped, modelDir: out };
}

export const RUNNERS: Record<ModelKind, ModelRunner> = {
  distill: runDistill,
  vae: runAutoencoder('vae'),
  autoencoder: runAutoencoder('autoencoder'),
  xor: runXor,
  word2vec: runWord2vec,
  lstm: runLstm,
  transformer: runTransformer,
  seq2seq: runSeq2seq,
  mlm: runMlm,
};
