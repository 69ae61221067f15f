/**
 * Hyperparameter schemas. Every model describes its parameters once, here-style; the same description drives
 * the sidebar form, CLI flag parsing, validation in the worker, and the settings defaults.
 */

export type ParamSpec =
  | { kind: 'int'; name: string; label: string; description: string; default: number; min: number; max: number; flag?: string }
  | { kind: 'float'; name: string; label: string; description: string; default: number; min: number; max: number; exclusiveMin?: boolean; flag?: string }
  | { kind: 'enum'; name: string; label: string; description: string; default: string; options: readonly string[]; flag?: string }
  | { kind: 'string'; name: string; label: string; description: string; default: string; maxLength: number; flag?: string }
  | { kind: 'bool'; name: string; label: string; description: string; default: boolean; flag?: string };

export type ParamValues = Record<string, number | string | boolean>;

/** The value type of one spec: a number, a boolean, one of an enum's options, or text. */
export type ParamValue<S extends ParamSpec> = S extends { kind: 'int' | 'float' }
  ? number
  : S extends { kind: 'bool' }
    ? boolean
    : S extends { kind: 'enum'; options: readonly (infer O)[] }
      ? O
      : string;

/**
 * The validated values of a spec list, keyed by name and typed by kind. A list declared `as const satisfies
 * readonly ParamSpec[]` gives exact keys and types; a plain `readonly ParamSpec[]` gives `ParamValues`.
 */
export type ParamsOf<L extends readonly ParamSpec[]> = { [S in L[number] as S['name']]: ParamValue<S> };

/*
 * Builders of the specs several models share. Each keeps the shared name, label, kind and range in one place and
 * takes what differs (description, default, range) from the model's list; `as const` keeps names and kinds literal
 * so ParamsOf still types the values.
 */

/** The seed: a whole number in 0..2³¹−1, default 1. */
export const seedSpec = (description: string) =>
  ({ kind: 'int', name: 'seed', label: 'Seed', description, default: 1, min: 0, max: 2 ** 31 - 1 }) as const;

/** The learning rate: greater than 0 and at most 1. */
export const lrSpec = (description: string, dflt: number) =>
  ({ kind: 'float', name: 'lr', label: 'Learning rate', description, default: dflt, min: 0, max: 1, exclusiveMin: true }) as const;

/** Examples per step: a whole number from 1. */
export const batchSpec = (description: string, dflt: number, max: number) =>
  ({ kind: 'int', name: 'batch', label: 'Batch size', description, default: dflt, min: 1, max }) as const;

/** Units of a hidden layer: a whole number. */
export const hiddenSpec = (description: string, dflt: number, min: number, max: number) =>
  ({ kind: 'int', name: 'hidden', label: 'Hidden units', description, default: dflt, min, max }) as const;

/** Passes over the data. */
export const epochsSpec = (description: string, dflt: number, min: number, max: number) =>
  ({ kind: 'int', name: 'epochs', label: 'Epochs', description, default: dflt, min, max }) as const;

/** Training steps. */
export const stepsSpec = (description: string, dflt: number, min: number, max: number) =>
  ({ kind: 'int', name: 'steps', label: 'Steps', description, default: dflt, min, max }) as const;

/** Character or word tokens of a language model. */
export const levelSpec = () =>
  ({ kind: 'enum', name: 'level', label: 'Tokens', description: 'Model characters or words', default: 'char', options: ['char', 'word'] }) as const;

export class ValidationError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The CLI flag of a parameter: explicit, else its camelCase name in kebab-case. */
export function flagOf(spec: ParamSpec): string {
  return spec.flag ?? spec.name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

export function defaults<L extends readonly ParamSpec[]>(specs: L): ParamsOf<L> {
  const out: ParamValues = {};
  for (const s of specs) out[s.name] = s.default;
  return out as ParamsOf<L>;
}

/** Coerce one raw value (a string from a flag or a form, or a JSON value) to the spec's type, or throw. */
export function coerceParam(spec: ParamSpec, raw: unknown): number | string | boolean {
  const what = `${spec.label} (${flagOf(spec)})`;
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(n)) throw new ValidationError(`${what} must be a number, got ${JSON.stringify(raw)}`, spec.name);
      if (spec.kind === 'int' && !Number.isInteger(n)) throw new ValidationError(`${what} must be a whole number, got ${n}`, spec.name);
      const tooLow = spec.kind === 'float' && spec.exclusiveMin ? n <= spec.min : n < spec.min;
      if (tooLow || n > spec.max) {
        const lo = spec.kind === 'float' && spec.exclusiveMin ? `greater than ${spec.min}` : `at least ${spec.min}`;
        throw new ValidationError(`${what} must be ${lo} and at most ${spec.max}, got ${n}`, spec.name);
      }
      return n;
    }
    case 'enum': {
      const v = String(raw);
      if (!spec.options.includes(v)) throw new ValidationError(`${what} must be one of ${spec.options.join(', ')}, got ${JSON.stringify(raw)}`, spec.name);
      return v;
    }
    case 'string': {
      if (typeof raw !== 'string') throw new ValidationError(`${what} must be text`, spec.name);
      if (raw.length > spec.maxLength) throw new ValidationError(`${what} must be at most ${spec.maxLength} characters`, spec.name);
      return raw;
    }
    case 'bool': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === '1' || raw === '') return true;
      if (raw === 'false' || raw === '0') return false;
      throw new ValidationError(`${what} must be true or false, got ${JSON.stringify(raw)}`, spec.name);
    }
  }
}

/**
 * Validate a whole set of values against the specs: unknown keys are rejected, missing keys take defaults.
 * Returns a new object; the input is untouched.
 */
export function validateParams<L extends readonly ParamSpec[]>(specs: L, raw: unknown): ParamsOf<L> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('parameters must be an object');
  const input = raw as Record<string, unknown>;
  const known = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new ValidationError(`unknown parameter "${key}"`, key);
  }
  const out: ParamValues = {};
  for (const s of specs) out[s.name] = input[s.name] === undefined ? s.default : coerceParam(s, input[s.name]);
  // every name of the list now holds a value its spec accepted
  return out as ParamsOf<L>;
}
