/**
 * `node dist/test/e2e/run.js <node's arguments>` (scripts/test-all.mjs runs the e2e suites this way): starts one
 * code-server and one Chromium for the run (test/harness/sharedServer.ts), runs `node <node's arguments>` with their
 * addresses in its environment, stops them, and exits with node's exit code. The suites of `describeInThemes` take
 * their sessions on that server; run without it (`node --test dist/test/e2e/x.test.js`), each starts its own.
 */
import { spawn } from 'node:child_process';
import { SHARED_ENV, startSharedServer } from '../harness/sharedServer';

async function main(): Promise<void> {
  let shared: Awaited<ReturnType<typeof startSharedServer>> | undefined;
  try {
    shared = await startSharedServer('light');
  } catch (e) {
    process.stderr.write(`# no shared code-server (${e instanceof Error ? e.message : String(e)}): each suite starts its own\n`);
  }
  const child = spawn(process.execPath, process.argv.slice(2), { stdio: 'inherit', env: { ...process.env, ...(shared ? { [SHARED_ENV]: JSON.stringify(shared.info) } : {}) } });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  await shared?.stop();
  process.exit(code);
}

void main();
