/**
 * Autoencoder commands: `train autoencoder`, `train vae` (models are folders, see src/core/vae/store.ts), and
 * `latent DIR`, which prints the codes of the stored data with their classes, reconstructions of a few rows and the
 * decodings across the latent plane — everything the latent-space views draw, headless. Beside them,
 * `distill-loss`: the knowledge-distillation loss of one position, its gradient and the softened distributions.
 */
import { DISTILL_PARAMS, distillationLoss, type SoftTerm, softenedDistributions } from '../../core/distill/loss';
import { loadDataset, type Dataset } from '../../core/vae/data';
import { type AutoencoderKind, paramsFor } from '../../core/vae/params';
import { checkOutputDir, loadAutoencoder, saveAutoencoder } from '../../core/vae/store';
import { decodeAll, encodeAll, knnAccuracy, latentGrid, sampleRows, trainAutoencoder } from '../../core/vae/train';
import { nearestRow } from '../../core/vae/snapshot';
import type { ProgressUpdate } from '../../core/training';
import { optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, type ParsedArgs, UsageError } from '../types';
import { asUsage as asUsageOf, command, fixed, flag, intOpt, needOpt, progressLines } from './common';

/** Errors about what the user gave (a folder, a data set) are usage errors: exit 2, one line. */
const INPUT = new Set(['AutoencoderDirError', 'ModelFormatError', 'ValidationError']);
const asUsage = <T>(f: () => T): T => asUsageOf(f, INPUT);

const fmt = (x: number, d = 4) => fixed(x, d, String(x));

function trainCommand(kind: AutoencoderKind): CliCommand {
  const specs = paramsFor(kind);
  return command(
    `train ${kind}`,
    kind === 'vae' ? 'Train a variational autoencoder (ELBO: reconstruction + β·KL) on points, glyphs or word vectors' : 'Train an autoencoder on points, glyphs or word vectors',
    [flag.string('out', 'model folder to write (replaced atomically; required)'), ...optionsFromParams(specs)],
    async (args, io) => {
      const out = needOpt(args, 'out');
      const params = paramsFromArgs(specs, args);
      asUsage(() => checkOutputDir(String(out), kind));
      const data = asUsage(() => loadDataset(params as { data: string; samples: number; glyphSize: number; seed: number }));
      io.progress(`training ${kind === 'vae' ? `a VAE (β ${params.beta})` : 'an autoencoder'} on ${data.source}: ${data.n} rows of ${data.dim}, hidden ${params.hidden}, latent ${params.latent}, ${params.epochs} epochs`);
      const onProgress = progressLines(io, 500, (u: ProgressUpdate) => {
        const m = u.metrics ?? {};
        return `epoch ${u.epoch}/${params.epochs}  loss ${fmt(u.loss)}  reconstruction ${fmt(m.recon)}${kind === 'vae' ? `  KL ${fmt(m.kl)}` : ''}`;
      });
      const r = await trainAutoencoder(kind, params, data, { signal: io.signal, onProgress });
      saveAutoencoder(String(out), r.model, data, r.history, r.seconds);
      const codes = encodeAll(r.model, data.x, data.n);
      const sep = separation(codes, data, r.model.cfg.latent);
      io.out(`${r.stopped ? 'stopped' : 'trained'} ${r.epochs} epochs (${r.steps} steps) in ${r.seconds.toFixed(2)} s`);
      io.out(`reconstruction ${fmt(r.before.recon)} → ${fmt(r.after.recon)}${kind === 'vae' ? `, KL ${fmt(r.before.kl)} → ${fmt(r.after.kl)}` : ''} per example (untrained → trained)`);
      io.out(`classes from the codes (5-nearest-neighbour, leave-one-out): ${(100 * sep.accuracy).toFixed(1)}% (chance ${(100 * sep.chance).toFixed(1)}%)`);
      io.out(`model saved in ${out}`);
      return {
        model: kind,
        out: String(out),
        data: data.kind,
        rows: data.n,
        dim: data.dim,
        latent: r.model.cfg.latent,
        hidden: r.model.cfg.hidden,
        beta: r.model.beta,
        epochs: r.epochs,
        steps: r.steps,
        seconds: r.seconds,
        stopped: r.stopped,
        before: r.before,
        after: r.after,
        separation: sep,
        history: r.history,
      };
    },
  );
}

/** k-NN separation of the classes from the codes, on at most 1000 rows drawn at random (it is quadratic). */
function separation(codes: Float64Array, data: Dataset, latent: number): { accuracy: number; chance: number; rows: number } {
  const idx = sampleRows(data.n, 1000);
  const sub = new Float64Array(idx.length * latent);
  idx.forEach((i, r) => sub.set(codes.subarray(i * latent, (i + 1) * latent), r * latent));
  return { ...knnAccuracy(sub, Int32Array.from(idx.map((i) => data.labels[i])), latent), rows: idx.length };
}

const SHADES = ' .:-=+*#%@';

/** A glyph as text, one line per pixel row. */
function glyphText(values: ArrayLike<number>, side: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < side; r++) {
    let s = '';
    for (let q = 0; q < side; q++) s += SHADES[Math.max(0, Math.min(9, Math.round(values[r * side + q] * 9)))];
    lines.push(s);
  }
  return lines;
}


const round = (v: number) => Math.round(v * 1e6) / 1e6;

const LATENT_FLAGS = {
  grid: flag.int('grid', 'decode an N × N grid across the plane of the first two latent axes (default 8, at most 32)', { default: 8, min: 1, max: 32 }),
  examples: flag.int('examples', 'the first N rows, shown with their reconstructions (default 8)', { default: 8, min: 0, max: 100 }),
  maxPoints: flag.int('max-points', 'give the codes of at most this many rows, drawn at random (default 5000)', { default: 5000, min: 1, max: 50_000 }),
};

export const latentCommand = command(
  'latent DIR',
  'Codes of a trained autoencoder\'s data with their classes, reconstructions, and decodings across the latent plane',
  Object.values(LATENT_FLAGS),
  async (args, io) => {
    const dir = args.positionals[0];
    const gridN = intOpt(args, LATENT_FLAGS.grid);
    const nExamples = intOpt(args, LATENT_FLAGS.examples);
    const maxPoints = intOpt(args, LATENT_FLAGS.maxPoints);
    const saved = asUsage(() => loadAutoencoder(dir));
    const { model, data } = saved;
    const L = model.cfg.latent;
    const codes = encodeAll(model, data.x, data.n);
    const points = sampleRows(data.n, maxPoints).map((i) => ({ index: i, z: Array.from(codes.subarray(i * L, (i + 1) * L), round), label: data.labels[i], ...(data.words ? { word: data.words[i] } : {}) }));
    const grid = latentGrid(model, codes, data.n, gridN);
    // the first rows: generated data has its classes in turn, word vectors their most frequent words first
    const ex = Array.from({ length: Math.min(nExamples, data.n) }, (_, k) => k);
    const exZ = Float64Array.from(ex.flatMap((i) => Array.from(codes.subarray(i * L, (i + 1) * L))));
    const recon = decodeAll(model, exZ, ex.length);
    const D = data.dim;
    const examples = ex.map((i, k) => ({
      index: i,
      label: data.labels[i],
      ...(data.words ? { word: data.words[i] } : {}),
      input: Array.from(data.x.subarray(i * D, (i + 1) * D), round),
      reconstruction: Array.from(recon.subarray(k * D, (k + 1) * D), round),
    }));
    const sep = separation(codes, data, L);
    const cells = grid.z.map((z, c) => ({
      z: z.map(round),
      decoded: grid.decoded[c].map(round),
      ...(data.words ? { nearest: data.words[nearestRow(data.x, data.n, D, grid.decoded[c])] } : {}),
    }));
    io.out(`${model.cfg.kind} on ${data.source}: ${data.n} rows, latent ${L}${model.cfg.kind === 'vae' ? `, β ${model.beta}` : ''}`);
    io.out(`classes from the codes (5-nearest-neighbour): ${(100 * sep.accuracy).toFixed(1)}% (chance ${(100 * sep.chance).toFixed(1)}%)`);
    if (data.kind === 'glyphs') {
      const side = data.shape[0];
      io.out(`decodings across the latent plane (${grid.range.map(([a, b]) => `${a.toFixed(2)}..${b.toFixed(2)}`).join(' × ')}):`);
      const rows = L >= 2 ? gridN : 1;
      for (let i = 0; i < rows; i++) {
        const pics = Array.from({ length: gridN }, (_, k) => glyphText(grid.decoded[i * gridN + k], side));
        for (let r = 0; r < side; r++) io.out(pics.map((p) => p[r]).join('|'));
        io.out('-'.repeat(gridN * (side + 1) - 1));
      }
    } else if (data.words) {
      io.out(`nearest words to the decodings across the latent plane:`);
      const rows = L >= 2 ? gridN : 1;
      for (let i = 0; i < rows; i++) io.out(cells.slice(i * gridN, (i + 1) * gridN).map((c) => c.nearest).join(' '));
    }
    return {
      model: model.cfg.kind,
      data: data.kind,
      source: data.source,
      shape: data.shape,
      latent: L,
      beta: model.beta,
      classNames: data.classNames,
      rows: data.n,
      points,
      separation: sep,
      examples,
      grid: { n: gridN, range: grid.range, cells },
      history: saved.history,
    };
  },
);

/** A comma-separated list of 2 to 10000 finite numbers. */
function numberList(args: ParsedArgs, name: string): number[] {
  const raw = args.options[name];
  if (raw === undefined) throw new UsageError(`--${name} is required (comma-separated logits, e.g. 2,0.5,-1)`);
  const parts = String(raw).split(',');
  const values = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UsageError(`--${name} must be comma-separated numbers; ${JSON.stringify(parts[bad])} is not one`);
  if (values.length < 2 || values.length > 10_000) throw new UsageError(`--${name} needs from 2 to 10000 numbers, got ${values.length}`);
  return values;
}

export const distillLossCommand = command(
  'distill-loss',
  'Knowledge-distillation loss of one position (α·hard + (1−α)·T²·soft), its gradient, and the softened distributions',
  [
    flag.string('student', 'the student\'s logits, comma-separated (required)'),
    flag.string('teacher', 'the teacher\'s logits, comma-separated (required)'),
    flag.int('label', 'index of the true class (required)'),
    flag.string('temperatures', 'temperatures to show the softened distributions at (default 1,2,5)'),
    ...optionsFromParams(DISTILL_PARAMS),
  ],
  async (args, io) => {
    const student = numberList(args, 'student');
    const teacher = numberList(args, 'teacher');
    if (student.length !== teacher.length) throw new UsageError(`--student has ${student.length} logits and --teacher ${teacher.length}; give one per class to both`);
    const label = args.options.label;
    if (label === undefined) throw new UsageError('--label is required');
    if (!Number.isInteger(label) || (label as number) < 0 || (label as number) >= student.length) throw new UsageError(`--label must be a class index from 0 to ${student.length - 1}, got ${label}`);
    const p = paramsFromArgs(DISTILL_PARAMS, args);
    const temps = args.options.temperatures === undefined ? [1, 2, 5] : numberList({ ...args, options: { t: String(args.options.temperatures) } }, 't');
    if (temps.some((t) => !(t > 0 && t <= 100))) throw new UsageError('--temperatures must be numbers greater than 0 and at most 100');
    const r = distillationLoss(student, teacher, label as number, { temperature: p.temperature as number, alpha: p.alpha as number, soft: p.soft as SoftTerm });
    const softened = softenedDistributions(student, teacher, temps);
    const list = (v: ArrayLike<number>) => Array.from(v, (x) => x.toFixed(4)).join(' ');
    io.out(`loss ${fmt(r.loss, 6)} = ${p.alpha} × hard ${fmt(r.hard, 6)} + ${fmt(1 - (p.alpha as number), 4)} × T² (${fmt((p.temperature as number) ** 2, 4)}) × soft ${fmt(r.soft, 6)} (${p.soft === 'ce' ? 'cross-entropy' : 'KL'})`);
    io.out(`gradient w.r.t. the student logits: ${list(r.grad)}`);
    for (const d of softened) io.out(`T ${d.temperature}: teacher ${list(d.teacher)} | student ${list(d.student)}`);
    return { temperature: p.temperature, alpha: p.alpha, soft: p.soft, label, loss: r.loss, hard: r.hard, softTerm: r.soft, grad: Array.from(r.grad), softened };
  },
);

export const vaeCommands: CliCommand[] = [trainCommand('autoencoder'), trainCommand('vae'), latentCommand, distillLossCommand];
