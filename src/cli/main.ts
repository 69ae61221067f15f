/**
 * `ml-study`: the product's engine, headless. See src/cli/types.ts for the conventions every command follows.
 */
import { GLOBAL_OPTIONS, parseArgs } from './args';
import { COMMANDS } from './commands/index';
import { type CliCommand, type CliIO, UsageError } from './types';
import { ValidationError } from '../core/params';

const VERSION = '0.1.0';

function helpText(): string {
  const lines = ['usage: ml-study <command> [options]', '', 'commands:'];
  for (const c of COMMANDS) lines.push(`  ${[...c.path, c.positionals ?? ''].join(' ').trim().padEnd(34)} ${c.summary}`);
  lines.push('', 'every command takes --json (one JSON object on stdout), --debug, --help');
  return lines.join('\n');
}

function commandHelp(c: CliCommand): string {
  const lines = [`usage: ml-study ${[...c.path, c.positionals ?? ''].join(' ').trim()} [options]`, '', c.summary, '', 'options:'];
  for (const o of [...c.options, ...GLOBAL_OPTIONS]) {
    const flag = `--${o.name}${o.kind === 'bool' ? '' : ' ' + (o.kind === 'string' ? 'VALUE' : 'N')}${o.short ? `, -${o.short}` : ''}`;
    lines.push(`  ${flag.padEnd(26)} ${o.description}${o.required ? ' (required)' : ''}`);
  }
  return lines.join('\n');
}

/** Find the command whose path is the longest prefix of argv. */
function resolve(argv: string[]): { cmd: CliCommand; rest: string[] } | undefined {
  let best: CliCommand | undefined;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => argv[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return best ? { cmd: best, rest: argv.slice(best.path.length) } : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const json = argv.includes('--json');
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(helpText() + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('stopping…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const found = resolve(argv);
    if (!found) {
      const prefix = COMMANDS.filter((c) => c.path[0] === argv[0]).map((c) => c.path.join(' '));
      throw new UsageError(prefix.length ? `unknown command "${argv.slice(0, 2).join(' ')}"; try: ${prefix.join(', ')}` : `unknown command "${argv[0]}"; run ml-study --help`);
    }
    const { cmd, rest } = found;
    const args = parseArgs(rest, cmd.options);
    if (args.options.help) {
      process.stdout.write(commandHelp(cmd) + '\n');
      return 0;
    }
    const [lo, hi] = cmd.arity ?? [0, 0];
    if (args.positionals.length < lo || args.positionals.length > hi) {
      throw new UsageError(`${cmd.path.join(' ')} takes ${lo === hi ? lo : `${lo} to ${hi}`} argument(s)${cmd.positionals ? ` (${cmd.positionals})` : ''}, got ${args.positionals.length}`);
    }
    const io: CliIO = {
      json,
      signal: controller.signal,
      out: (line) => {
        if (!json) process.stdout.write(line + '\n');
      },
      progress: (line) => process.stderr.write(line + '\n'),
    };
    const result = await cmd.run(args, io);
    if (json) process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  } catch (e) {
    const usage = e instanceof UsageError || e instanceof ValidationError;
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`ml-study: ${usage ? '' : 'error: '}${msg.split('\n')[0]}\n`);
    if (debug && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    return usage ? 2 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Run the CLI on process.argv and set the exit code. Used by bin/ml-study.js and by `node dist/cli.js`. */
export function runFromProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`ml-study: error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

// `node dist/cli.js …` runs the CLI; a test bundle that imports this module (and is itself require.main) does not.
if (require.main === module && /(^|[\\/])cli\.js$/.test(__filename)) runFromProcess();
