/**
 * Runs the integration suite (test/integration/*.test.ts, bundled into dist/test/integration/) inside code-server's
 * real extension host, and exits with the result the workbench reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, startSession } from '../harness/codeServer';

async function main(): Promise<number> {
  const workspace = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');
  if (!fs.existsSync(workspace)) throw new Error(`the demo workspace ${workspace} is missing`);
  const t0 = Date.now();
  const session = await startSession({ workspace, extensionTestsPath: path.join(ROOT, 'dist', 'test', 'integration', 'index.js') });
  try {
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        process.stderr.write('integration tests timed out after 10 minutes\n');
        resolve(1);
      }, 600_000),
    );
    const code = await Promise.race([session.exitCode, timeout]);
    process.stdout.write(`[integration] workbench exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return code;
  } finally {
    await session.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`integration run failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
