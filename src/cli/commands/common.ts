/**
 * What every command shares: the command builder, flag specs and typed flag reading, engine input errors as usage
 * errors, the corpus flag, the model folder a training command writes, progress lines and number formatting.
 * A new command is `command('name ARG', summary, [flags], run)`.
 */
import { loadBrownText } from '../../core/corpus/brown';
import { readTextFile } from '../../core/corpus/text';
import type { SavedModelKind } from '../../core/util/modelOut';
import { FORCE_OPTION, guardModelOut } from '../args';
import { type CliCommand, type CliIO, type OptionSpec, type ParsedArgs, UsageError } from '../types';

/**
 * A command from its usage line: lower-case words name it, upper-case words are its arguments (each required),
 * e.g. `command('similarity DIR W1 W2', …)` takes exactly three.
 */
export function command(usage: string, summary: string, options: OptionSpec[], run: CliCommand['run']): CliCommand {
  const words = usage.split(' ');
  const positional = words.filter((w) => /^[A-Z][A-Z0-9]*$/.test(w));
  const n = positional.length;
  return { path: words.filter((w) => !positional.includes(w)), summary, ...(n ? { positionals: positional.join(' '), arity: [n, n] } : {}), options, run };
}

type FlagExtra = Partial<Pick<OptionSpec, 'short' | 'repeat' | 'required' | 'default' | 'min' | 'max'>>;
const flagOf = (kind: OptionSpec['kind']) => (name: string, description: string, extra: FlagExtra = {}): OptionSpec => ({ name, kind, description, ...extra });

/** Flag specs: `flag.int('grid', 'grid size (default 41)')`. */
export const flag = { string: flagOf('string'), int: flagOf('int'), number: flagOf('number'), bool: flagOf('bool') };

export function strOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return v === undefined ? undefined : String(v);
}

/** A flag checked here rather than by the parser, so that `--help` works without it. */
export function needOpt(args: ParsedArgs, name: string, hint = ''): string {
  const v = strOpt(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required${hint}`);
  return v;
}

/**
 * A whole-number flag from lo to hi, `def` when absent; or, given the flag's spec, its own default and range
 * (`flag.int('grid', 'grid size', { default: 8, min: 1, max: 32 })`).
 */
export function intOpt(args: ParsedArgs, spec: OptionSpec): number;
export function intOpt(args: ParsedArgs, name: string, def: number, lo: number, hi: number): number;
export function intOpt(args: ParsedArgs, flag: string | OptionSpec, def?: number, lo?: number, hi?: number): number {
  if (typeof flag !== 'string') return intOpt(args, flag.name, flag.default ?? 0, flag.min ?? -Infinity, flag.max ?? Infinity);
  const name = flag;
  const v = args.options[name];
  if (v === undefined) return def!;
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo! || n > hi!) throw new UsageError(`--${name} must be a whole number from ${lo} to ${hi}, got ${v}`);
  return n;
}

/** The value of flag `name`, which must be one of `choices`. */
export function oneOf<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!choices.includes(value as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

/** Errors that mean the user's input was wrong (exit 2), by name, from the engines the commands call. */
export const INPUT_ERRORS: ReadonlySet<string> = new Set(['CorpusError', 'DatasetError', 'LmInputError', 'ModelDirError', 'VocabError', 'StepperError', 'InspectError']);

/** Run `f`, turning an error named in `names` into a usage error (one line, exit 2). */
export function asUsage<T>(f: () => T, names: ReadonlySet<string> = INPUT_ERRORS): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && names.has(e.name)) throw new UsageError(e.message);
    throw e;
  }
}

/** asUsage for an async engine call. */
export async function asUsageAsync<T>(f: () => Promise<T>, names: ReadonlySet<string> = INPUT_ERRORS): Promise<T> {
  try {
    return await f();
  } catch (e) {
    return asUsage(() => {
      throw e;
    }, names);
  }
}

/** The `--corpus` flag of the training commands. */
export function corpusFlag(description = 'a text file, or "brown" for the Brown corpus'): OptionSpec {
  return flag.string('corpus', description, { required: true });
}

/** `--corpus brown` or a text file. */
export function readCorpus(spec: string): string {
  return spec === 'brown' ? loadBrownText() : readTextFile(spec);
}

/** `--out` (required) and `--force` of a command that writes a model folder. */
export function modelOutFlags(description: string): OptionSpec[] {
  return [flag.string('out', description, { required: true }), FORCE_OPTION];
}

/** The checked `--out` folder, before any work: one line and exit 2 when it is missing, a file or a foreign folder. */
export function modelOut(args: ParsedArgs, kind: SavedModelKind, resuming?: string): string {
  const out = needOpt(args, 'out');
  guardModelOut(args, out, kind, resuming);
  return out;
}

/** At most one of --epochs, --steps, --time-budget: the one given, if any. */
export function trainingLength(args: ParsedArgs): 'epochs' | 'steps' | 'time-budget' | undefined {
  const given = (['epochs', 'steps', 'time-budget'] as const).filter((f) => args.options[f] !== undefined);
  if (given.length > 1) throw new UsageError(`give only one of --epochs, --steps, --time-budget (got ${given.map((g) => '--' + g).join(' and ')})`);
  return given[0];
}

/** True at most once per `ms` (and whenever `force` is). */
export function throttle(ms: number): (force?: boolean) => boolean {
  let last = 0;
  return (force = false) => {
    const now = Date.now();
    if (!force && now - last < ms) return false;
    last = now;
    return true;
  };
}

/** A progress callback that prints `describe(update)` at most once per `ms`, and always for the last update. */
export function progressLines<U extends { step: number; total: number }>(io: CliIO, ms: number, describe: (u: U) => string): (u: U) => void {
  const due = throttle(ms);
  return (u) => {
    if (due(u.total > 0 && u.step === u.total)) io.progress(describe(u));
  };
}

/** `x` with `digits` decimals, or `missing` when it is absent or not finite. */
export function fixed(x: number | undefined, digits: number, missing = '—'): string {
  return x === undefined || !Number.isFinite(x) ? missing : x.toFixed(digits);
}

/** JSON has no NaN or Infinity: those become null. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
