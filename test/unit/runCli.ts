/**
 * Run the CLI in this process and capture what it prints. The CLI writes strings; node:test's own (binary) reports
 * to its parent runner must still reach the real streams, so only strings are captured.
 */
import { main } from '../../src/cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: unknown, ...rest: never[]) => (typeof s === 'string' ? ((out += s), true) : o(s as Uint8Array, ...rest))) as typeof process.stdout.write;
  process.stderr.write = ((s: unknown, ...rest: never[]) => (typeof s === 'string' ? ((err += s), true) : e(s as Uint8Array, ...rest))) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}
