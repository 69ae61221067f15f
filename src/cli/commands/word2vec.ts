/**
 * Word-vector commands: train sgns|cbow (--hs for hierarchical softmax), neighbours, similarity, analogy, evaluate,
 * export, import, hs-tree.
 * Models are folders in the format of src/core/word2vec/FORMAT.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTextFile } from '../../core/corpus/text';
import { MAX_CORPUS_BYTES, readCorpus } from '../../core/word2vec/corpus';
import { evaluateAnalogies, evaluateSimilarity, parseAnalogyFile, parseSimilarityFile } from '../../core/word2vec/evaluate';
import { hsPathProbabilities, hsPaths } from '../../core/word2vec/huffman';
import { EXPORT_FORMATS, type ExportFormat, exportVectors, importVectors, type ImportFormat } from '../../core/word2vec/io';
import { PROJECTION_PARAMS, WORD2VEC_PARAMS, type Word2vecParams } from '../../core/word2vec/params';
import { project2d, type ProjectionMethod } from '../../core/word2vec/project';
import { frequentRows } from '../../core/word2vec/snapshot';
import { loadModel, saveModel } from '../../core/word2vec/store';
import { writeJsonAtomic } from '../../core/util/atomicWrite';
import { trainWord2vec } from '../../core/word2vec/train';
import type { ProgressUpdate } from '../../core/training';
import { type AnalogyMethod, WordVectors } from '../../core/word2vec/vectors';
import { optionsFromParams, paramsFromArgs } from '../args';
import { type CliCommand, type ParsedArgs, UsageError } from '../types';
import { command, corpusFlag, flag, modelOut, modelOutFlags, oneOf, progressLines, strOpt } from './common';

const TRAIN_SPECS = WORD2VEC_PARAMS.filter((s) => s.name !== 'arch');
const METHODS: AnalogyMethod[] = ['3cosadd', '3cosmul'];

function kOption(args: ParsedArgs, fallback: number): number {
  const k = (args.options.k as number | undefined) ?? fallback;
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`-k must be a whole number ≥ 1, got ${k}`);
  return k;
}

function method(args: ParsedArgs): AnalogyMethod {
  return oneOf('method', (strOpt(args, 'method') ?? '3cosadd').toLowerCase(), METHODS);
}

function trainCommand(arch: Word2vecParams['arch']): CliCommand {
  return command(
    `train ${arch}`,
    `Train word vectors: ${arch === 'sgns' ? 'skip-gram' : 'CBOW'} with negative sampling, or with --hs hierarchical softmax (negative 0)`,
    [
      corpusFlag(`a UTF-8 text file up to ${MAX_CORPUS_BYTES / 2 ** 20} MB (tokenized as notes: math, code and markup removed), or "brown"`),
      ...modelOutFlags('model folder to write (new, empty, or word vectors with --force; replaced atomically)'),
      flag.bool('keep-latex', 'count LaTeX command names (\\alpha → alpha) as words'),
      ...optionsFromParams(TRAIN_SPECS),
    ],
    async (args, io) => {
      const params = { ...paramsFromArgs(TRAIN_SPECS, args), arch } as unknown as Word2vecParams;
      // --hs alone means negative 0 (gensim's hs=1, negative=0); --hs with --negative > 0 is refused by validation.
      if (params.hs && args.options.negative === undefined) params.negative = 0;
      const corpus = String(args.options.corpus);
      const out = modelOut(args, 'word2vec');
      const sentences = readCorpus(corpus, { keepLatexCommands: Boolean(args.options['keep-latex']) });
      io.progress(`training ${arch} on ${corpus === 'brown' ? 'the Brown corpus' : corpus}: dim ${params.dim}, window ${params.window}, ${params.hs ? 'hierarchical softmax' : `negative ${params.negative}`}, ${params.epochs} epoch(s), ${params.threads} thread(s)`);
      const onProgress = progressLines(io, 1000, (u: ProgressUpdate) => {
        const m = u.metrics ?? {};
        return `epoch ${u.epoch}/${params.epochs}  ${((100 * u.step) / u.total).toFixed(0)}%  loss ${u.loss.toFixed(4)}  lr ${m.lr?.toFixed(5)}  ${Math.round(m.wordsPerSecond ?? 0)} words/s`;
      });
      const model = await trainWord2vec(params, sentences, { signal: io.signal, onProgress }, { snapshotWords: 0 });
      saveModel(out, model);
      const s = model.stats!;
      io.out(`${s.stopped ? 'stopped; saved the partly trained' : 'saved'} model (${model.words.length} words × ${model.dim}) to ${out}: ${s.tokens} tokens, ${s.seconds.toFixed(2)} s, ${Math.round(s.wordsPerSecond)} words/s, loss per epoch ${s.lossPerEpoch.map((l) => l.toFixed(4)).join(' ')}`);
      return { model: arch, out, tokens: s.tokens, rawTokens: s.rawTokens, vocab: model.words.length, dim: model.dim, threads: s.threads, seconds: s.seconds, wordsPerSecond: s.wordsPerSecond, lossPerEpoch: s.lossPerEpoch, stopped: s.stopped };
    },
  );
}

const kOpt = flag.int('k', 'how many words to list (default 10)', { short: 'k' });

const neighboursCommand = command(
  'neighbours DIR WORD',
  'Nearest words by cosine similarity',
  [kOpt],
  async (args, io) => {
    const k = kOption(args, 10);
    const [dir, word] = args.positionals;
    const vecs = new WordVectors(loadModel(dir));
    const list = vecs.neighbours(word, k);
    for (const n of list) io.out(`${n.word.padEnd(20)} ${n.score.toFixed(4)}`);
    return { word, neighbours: list };
  },
);

const similarityCommand = command(
  'similarity DIR W1 W2',
  'Cosine similarity of two words',
  [],
  async (args, io) => {
    const [dir, a, b] = args.positionals;
    const similarity = new WordVectors(loadModel(dir)).similarity(a, b);
    io.out(similarity.toFixed(4));
    return { a, b, similarity };
  },
);

const analogyCommand = command(
  'analogy DIR A B C',
  'A is to B as C is to ? (query words excluded)',
  [kOpt, flag.string('method', '3cosadd (default) or 3cosmul')],
  async (args, io) => {
    const k = kOption(args, 5);
    const m = method(args);
    const [dir, a, b, c] = args.positionals;
    const answers = new WordVectors(loadModel(dir)).analogy(a, b, c, k, m);
    for (const n of answers) io.out(`${n.word.padEnd(20)} ${n.score.toFixed(4)}`);
    return { a, b, c, method: m, answers };
  },
);

const evaluateCommand = command(
  'evaluate DIR',
  'Score vectors on similarity files (Spearman, OOV share) and analogy files (accuracy per section)',
  [
    flag.string('similarity', 'a similarity file (word1 TAB word2 TAB score), repeatable', { repeat: true }),
    flag.string('analogies', 'an analogy file (": section" headers, "a b c d" lines)', { repeat: true }),
    flag.string('method', 'analogy method: 3cosadd (default) or 3cosmul'),
  ],
  async (args, io) => {
    const sims = (args.options.similarity as string[] | undefined) ?? [];
    const anas = (args.options.analogies as string[] | undefined) ?? [];
    if (!sims.length && !anas.length) throw new UsageError('give at least one --similarity FILE or --analogies FILE');
    const m = method(args);
    const vecs = new WordVectors(loadModel(args.positionals[0]));
    const similarity = sims.map((f) => {
      const r = evaluateSimilarity(vecs, parseSimilarityFile(readTextFile(f), path.basename(f)));
      io.out(`${f}: Spearman ${r.spearman.toFixed(4)} over ${r.pairs} pairs (${(100 * r.oov).toFixed(1)}% out of vocabulary)`);
      return { file: f, ...r };
    });
    const analogies = anas.map((f) => {
      const r = evaluateAnalogies(vecs, parseAnalogyFile(readTextFile(f), path.basename(f)), m);
      io.out(`${f}: accuracy ${(100 * r.accuracy).toFixed(2)}% of ${r.covered} covered questions (${(100 * r.oov).toFixed(1)}% out of vocabulary)`);
      for (const s of r.sections) io.out(`  ${s.name.padEnd(30)} ${s.covered ? (100 * s.accuracy).toFixed(1) + '%' : '—'} (${s.correct}/${s.covered})`);
      return { file: f, method: m, ...r };
    });
    return { similarity, analogies };
  },
);

const exportCommand = command(
  'export DIR',
  'Write vectors as word2vec text or binary, or TensorFlow Projector vectors.tsv + metadata.tsv',
  [
    flag.string('format', EXPORT_FORMATS.join(' | '), { required: true }),
    flag.string('out', 'output file (a folder for projector)', { required: true }),
  ],
  async (args, io) => {
    const format: ExportFormat = oneOf('format', String(args.options.format), EXPORT_FORMATS);
    const out = String(args.options.out);
    if (format === 'projector' && fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; projector export writes a folder`);
    if (format !== 'projector' && fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder; give a file name`);
    const model = loadModel(args.positionals[0]);
    const files = exportVectors(model, format, out);
    io.out(`wrote ${model.words.length} vectors to ${files.join(', ')}`);
    return { format, files, words: model.words.length, dim: model.dim };
  },
);

const projectCommand = command(
  'project DIR',
  'Place the most frequent words on a 2D map (PCA, UMAP or t-SNE; seeded)',
  [...optionsFromParams(PROJECTION_PARAMS), flag.string('out', 'also write the map as JSON to this file')],
  async (args, io) => {
    const p = paramsFromArgs(PROJECTION_PARAMS, args);
    const model = loadModel(args.positionals[0]);
    const { words, data } = frequentRows(model, p.top as number);
    io.progress(`projecting ${words.length} words with ${p.method}…`);
    const xy = project2d(data, words.length, model.dim, p.method as ProjectionMethod, {
      seed: p.seed as number,
      nNeighbors: p.nNeighbors as number,
      minDist: p.minDist as number,
      perplexity: p.perplexity as number,
      learningRate: p.learningRate as number,
      iterations: p.iterations as number,
    });
    const result = { method: p.method, words, xy: Array.from(xy) };
    if (args.options.out !== undefined) writeJsonAtomic(String(args.options.out), result);
    words.forEach((w, i) => io.out(`${w.padEnd(20)} ${xy[2 * i].toFixed(4)} ${xy[2 * i + 1].toFixed(4)}`));
    return result;
  },
);

const hsTreeCommand = command(
  'hs-tree DIR',
  'Huffman codes and tree paths of words in a hierarchical-softmax model (inner nodes with count and depth)',
  [
    flag.string('words', 'comma-separated words, e.g. the,king,queen', { required: true }),
    flag.string('context', 'a context word: each inner node on the paths gets σ(v_context·u_node), each word P(word | context)'),
  ],
  async (args, io) => {
    const words = String(args.options.words).split(',').map((w) => w.trim()).filter((w) => w !== '');
    if (!words.length) throw new UsageError('--words needs at least one word');
    const model = loadModel(args.positionals[0]);
    const context = strOpt(args, 'context');
    if (context !== undefined) {
      const scored = hsPathProbabilities(model, context, words);
      io.out(`P(word | ${context}) = the product of the branch probabilities on the word's path`);
      for (const w of scored.words) io.out(`${w.word} code ${w.code}  P ${w.probability.toExponential(4)}  = ${w.path.map((s) => `${s.branch.toFixed(4)}${s.bit ? ' (1−σ)' : ' (σ)'}`).join(' × ')}`);
      return { ...scored };
    }
    const tree = hsPaths(model, words);
    io.out(`${tree.vocab} words, ${tree.innerNodes} inner nodes (root ${tree.root}), depth up to ${tree.maxDepth}, mean code length ${tree.meanCodeLength.toFixed(2)} per token`);
    for (const w of tree.words) {
      io.out(`${w.word} (count ${w.count}) code ${w.code}`);
      io.out(`  ${w.path.map((s) => `${s.node}[n=${s.count} d=${s.depth}]→${s.bit}`).join(' ')}`);
    }
    return { ...tree };
  },
);

const IMPORT_FORMATS: ImportFormat[] = ['word2vec', 'word2vec-binary', 'glove'];

const importCommand = command(
  'import FILE',
  'Import word2vec text/binary or GloVe vectors as a model folder',
  [
    ...modelOutFlags('model folder to write (new, empty, or word vectors with --force)'),
    flag.string('format', `${IMPORT_FORMATS.join(' | ')} (default: detected)`),
  ],
  async (args, io) => {
    const given = strOpt(args, 'format');
    const format = given === undefined ? undefined : oneOf('format', given, IMPORT_FORMATS);
    const out = modelOut(args, 'word2vec');
    const model = importVectors(args.positionals[0], format);
    saveModel(out, model);
    io.out(`imported ${model.words.length} vectors of ${model.dim} dimensions into ${out}`);
    return { out, words: model.words.length, dim: model.dim, source: model.source };
  },
);

export const word2vecCommands: CliCommand[] = [
  trainCommand('sgns'),
  trainCommand('cbow'),
  neighboursCommand,
  similarityCommand,
  analogyCommand,
  evaluateCommand,
  exportCommand,
  importCommand,
  projectCommand,
  hsTreeCommand,
];
