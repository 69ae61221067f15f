/**
 * `npm run bench:formula-learned -- [--repeats 7]`: what the learned second opinion (src/core/formula/learned.ts) costs
 * an explanation. Every formula of the fixture sets is explained with the recogniser alone (the reference) and with the
 * shipped model, the two interleaved in each repeat (which goes first alternates); per formula, median and range over
 * the repeats. Also the model's one-time decoding (`loadModel`), which the first explanation pays.
 */
import { columns, eachRepeat, Flags, saveResult, startResult, stats } from '../lib/results';
import { explainFormula } from '../../src/core/formula/explain';
import { loadModel } from '../../src/core/formula/learned';
import learnedModelData from '../../src/core/formula/learnedModel.json';
import { loadCases } from '../../test/unit/formula/fixtures';

const flags = new Flags(process.argv.slice(2), 'usage: npm run bench:formula-learned -- [--repeats 7] [--out FILE]\n');
const repeats = flags.number('repeats', 7, true);
const SETS = ['dev', 'heldout', 'heldout-b', 'heldout-c', 'heldout-d', 'heldout-e', 'heldout-f', 'heldout-g', 'heldout-h', 'heldout-i', 'heldout-j', 'heldout-k', 'heldout-l'];
const cases = SETS.flatMap((s) => loadCases(s));

/** Microseconds per formula to explain every case. */
function pass(learned: boolean): number {
  const t = process.hrtime.bigint();
  for (const c of cases) explainFormula(c.latex, { context: { before: c.context }, display: true, ...(learned ? {} : { learned: false as const }) });
  return Number(process.hrtime.bigint() - t) / 1e3 / cases.length;
}

function loadMs(): number {
  const t = process.hrtime.bigint();
  loadModel(learnedModelData);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const r = startResult('formula-learned', `Formula explanations with and without the learned second opinion (${cases.length} fixture formulas)`, repeats, { formulas: cases.length });
  pass(true);
  pass(false);
  const series = { alone: [] as number[], model: [] as number[], load: [] as number[] };
  await eachRepeat(r, repeats, (i) => {
    if (i % 2) series.alone.push(pass(false)), series.model.push(pass(true));
    else series.model.push(pass(true)), series.alone.push(pass(false));
    series.load.push(loadMs());
  });
  const s = stats(series);
  r.table = {
    columns: columns({ what: 'what', time: ['median (range)', 2], unit: 'unit' }),
    rows: [
      { what: 'explain a formula, recogniser alone (reference)', time: s.alone, unit: 'µs' },
      { what: 'explain a formula, with the learned second opinion', time: s.model, unit: 'µs' },
      { what: 'decode and check the model once (first explanation)', time: s.load, unit: 'ms' },
    ],
  };
  saveResult(r, flags.string('out', '') || undefined);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:formula-learned: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
