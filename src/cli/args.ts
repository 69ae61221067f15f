import { coerceParam, flagOf, type ParamSpec, type ParamsOf, type ParamValues, ValidationError } from '../core/params';
import { type OptionSpec, type ParsedArgs, UsageError } from './types';
import { assertModelOut, ModelOutError, type SavedModelKind } from '../core/util/modelOut';

/** Options every command accepts. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'json', kind: 'bool', description: 'print one JSON object on stdout' },
  { name: 'debug', kind: 'bool', description: 'print stack traces on errors' },
  { name: 'help', short: 'h', kind: 'bool', description: 'show help for the command' },
];

/** Turn model parameter specs into CLI options (--epochs, --lr, ...). */
export function optionsFromParams(specs: readonly ParamSpec[]): OptionSpec[] {
  return specs.map((s) => ({
    name: flagOf(s),
    kind: s.kind === 'int' ? 'int' : s.kind === 'float' ? 'number' : s.kind === 'bool' ? 'bool' : 'string',
    description: `${s.description} (default ${s.default})`,
  }));
}

/** Collect the values of model parameters from parsed flags, validated against the specs (defaults fill gaps). */
export function paramsFromArgs<L extends readonly ParamSpec[]>(specs: L, args: ParsedArgs): ParamsOf<L> {
  const out: ParamValues = {};
  for (const s of specs) {
    const raw = args.options[flagOf(s)];
    try {
      out[s.name] = raw === undefined ? s.default : coerceParam(s, raw);
    } catch (e) {
      throw new UsageError(e instanceof ValidationError ? e.message : String(e));
    }
  }
  return out as ParamsOf<L>;
}

function coerce(spec: OptionSpec, flag: string, raw: string): string | number {
  if (spec.kind === 'string') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag} needs a number, got "${raw}"`);
  if (spec.kind === 'int' && !Number.isInteger(n)) throw new UsageError(`${flag} needs a whole number, got "${raw}"`);
  return n;
}

/** Parse argv against option specs. Unknown flags, missing values and bad numbers are usage errors. */
export function parseArgs(argv: string[], specs: OptionSpec[]): ParsedArgs {
  const all = [...specs, ...GLOBAL_OPTIONS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedArgs = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0 ? a.slice(eq + 1) : undefined;
      spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown option --${name}`);
    } else if (/^-[A-Za-z]$/.test(a)) {
      spec = byShort.get(a.slice(1));
      if (!spec) throw new UsageError(`unknown option ${a}`);
    } else {
      out.positionals.push(a);
      continue;
    }
    const flag = `--${spec.name}`;
    let value: string | number | boolean;
    if (spec.kind === 'bool') {
      if (inline !== undefined && !['true', 'false'].includes(inline)) throw new UsageError(`${flag} takes no value`);
      value = inline !== 'false';
    } else {
      const raw = inline ?? argv[++i];
      if (raw === undefined) throw new UsageError(`${flag} needs a value`);
      value = coerce(spec, flag, raw);
    }
    if (spec.repeat) {
      const prev = out.options[spec.name];
      out.options[spec.name] = [...(Array.isArray(prev) ? prev : []), value as string | number];
    } else {
      if (out.options[spec.name] !== undefined) throw new UsageError(`${flag} given twice`);
      out.options[spec.name] = value;
    }
  }
  if (!out.options.help) {
    for (const s of specs) {
      if (s.required && out.options[s.name] === undefined) throw new UsageError(`--${s.name} is required`);
    }
  }
  return out;
}

/** The `--force` flag of every command that writes a model folder. */
export const FORCE_OPTION: OptionSpec = { name: 'force', kind: 'bool', description: 'replace a model of the same kind already in --out' };

/** Check --out before any work: exit 2 with one line when it is a file, a foreign folder or another kind of model. */
export function guardModelOut(args: ParsedArgs, out: string, kind: SavedModelKind, resuming?: string): void {
  try {
    assertModelOut(out, kind, { force: args.options.force === true, resuming });
  } catch (e) {
    if (e instanceof ModelOutError) throw new UsageError(`--out ${e.message}`);
    throw e;
  }
}
