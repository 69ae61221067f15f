/**
 * The CLI's command interface. Conventions for every command: `--json` prints one JSON object on stdout; progress
 * goes to stderr; exit 0 on success, 2 on a usage error, 1 on a runtime error; errors are one line on stderr,
 * with a stack trace only under `--debug`.
 */

export type OptionKind = 'string' | 'number' | 'int' | 'bool';

export interface OptionSpec {
  /** Long name without dashes, e.g. "epochs" for --epochs. */
  name: string;
  short?: string;
  kind: OptionKind;
  description: string;
  /** May be given several times; the value is then an array. */
  repeat?: boolean;
  required?: boolean;
  /** Whole-number flags: the value when absent and the range it must lie in (read with `intOpt`). */
  default?: number;
  min?: number;
  max?: number;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean | Array<string | number>>;
}

export interface CliIO {
  /** Human-readable output (stdout); suppressed under --json. */
  out(line: string): void;
  /** Progress and diagnostics (stderr). */
  progress(line: string): void;
  json: boolean;
  /** Aborted on SIGINT: long commands stop cleanly and save what they have. */
  signal: AbortSignal;
}

export interface CliCommand {
  /** Words that select it, e.g. ["train", "xor"] or ["neighbours"]. */
  path: string[];
  summary: string;
  /** Positional arguments, for the usage line, e.g. "DIR WORD". */
  positionals?: string;
  /** Minimum and maximum number of positionals. */
  arity?: [number, number];
  options: OptionSpec[];
  /** Runs the command; the returned object is what --json prints. */
  run(args: ParsedArgs, io: CliIO): Promise<Record<string, unknown> | unknown[]>;
}

/** Bad flags or arguments: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
