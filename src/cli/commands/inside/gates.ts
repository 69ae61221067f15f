import { loadLstm } from '../../../core/lstm/engine';
import { indicators, MAX_INSPECT_CHARS, rankUnits, traceLstm, unitSeries } from '../../../core/lstm/inspect';
import { asUsage, command, flag, intOpt, strOpt } from '../common';
import { checkModelFolder, textFromArgs } from './common';

const RANK = flag.int('rank', 'units listed per indicator (default 10)', { default: 10, min: 1, max: 1024 });
const TOP_K = flag.int('top-k', 'next-character guesses per position (default 5)', { default: 5, min: 1, max: 50 });

/** `ml-study gates DIR`: a saved LSTM's gates and cell per character, the unit ranking, and the top-k guesses. */
export const gatesCommand = command(
  'gates DIR',
  'Inside a character LSTM: per character, a unit\'s cell state and input/forget/output gates, units ranked by what they track, top-5 guesses',
  [
    flag.string('text', `the text to read (at most ${MAX_INSPECT_CHARS} characters)`),
    flag.string('file', 'or a UTF-8 text file with it'),
    flag.int('layer', 'LSTM layer, from 0 (default 0)'),
    flag.int('unit', 'a unit to report in full (repeatable; default: the best unit of each indicator)', { repeat: true }),
    flag.string('pattern', 'a regular expression: rank units also by "inside a match of it"'),
    RANK,
    TOP_K,
  ],
  async (args, io) => {
    const dir = args.positionals[0];
    const text = textFromArgs(args, 4 * MAX_INSPECT_CHARS);
    const topK = intOpt(args, TOP_K);
    const limit = intOpt(args, RANK);
    checkModelFolder(dir);
    const model = asUsage(() => loadLstm(dir));
    const layer = intOpt(args, 'layer', 0, 0, model.config.layers - 1);
    const trace = asUsage(() => traceLstm(model, text, topK));
    const inds = asUsage(() => indicators(trace.tokens, strOpt(args, 'pattern')));
    const ranking = rankUnits(trace, inds, layer, Math.min(limit, trace.hidden));
    const given = (args.options.unit as number[] | undefined) ?? [];
    const units = given.length ? given : [...new Set(ranking.map((r) => r.units[0].unit))];
    const series = units.map((u) => ({ unit: u, ...asUsage(() => unitSeries(trace, layer, u)) }));
    for (const r of ranking) io.out(`${r.description.padEnd(40)} ${r.units.slice(0, 5).map((s) => `unit ${s.unit} (${s.correlation >= 0 ? '+' : ''}${s.correlation.toFixed(2)})`).join(', ')}`);
    const show = Math.min(trace.tokens.length, 60);
    for (const s of series) io.out(`unit ${s.unit} cell: ${s.cell.slice(0, show).map((v, p) => `${JSON.stringify(trace.tokens[p])}${v.toFixed(2)}`).join(' ')}${show < trace.tokens.length ? ' …' : ''}`);
    return {
      model: 'lstm',
      layer,
      hidden: trace.hidden,
      layers: model.config.layers,
      tokens: trace.tokens,
      units: series,
      ranking,
      indicators: inds.map((i) => ({ name: i.name, description: i.description, values: i.values })),
      top: trace.top,
    };
  },
);
