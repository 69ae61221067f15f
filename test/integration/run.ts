/**
 * Runs the integration suite (test/integration/*.test.ts, bundled into dist/test/integration/) inside code-server's
 * real extension host, and exits with the result the workbench reports. The main suites share one session on the demo
 * notes; the hostile-workspace suite (hostile.test.ts) gets its own, with workspace trust on and a crafted workspace
 * (see hostileWorkspace.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { grantTrust, ROOT, startSession, type SessionOptions } from '../harness/codeServer';
import { prepareHostileWorkspace } from './hostileWorkspace';

async function session(name: string, opts: SessionOptions, signalDir?: string): Promise<number> {
  const t0 = Date.now();
  const s = await startSession(opts);
  let polling = true;
  try {
    // The hostile suite asks for trust by writing a file; the workbench's trust dialog is answered here.
    if (signalDir) {
      void (async () => {
        while (polling) {
          if (fs.existsSync(path.join(signalDir, 'grant-trust'))) {
            fs.rmSync(path.join(signalDir, 'grant-trust'));
            await grantTrust(s.page).then(
              () => fs.writeFileSync(path.join(signalDir, 'trust-clicked'), ''),
              (e) => fs.writeFileSync(path.join(signalDir, 'trust-failed'), String(e)),
            );
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
    }
    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        process.stderr.write(`integration tests (${name}) timed out after 10 minutes\n`);
        resolve(1);
      }, 600_000),
    );
    const code = await Promise.race([s.exitCode, timeout]);
    process.stdout.write(`[integration] ${name}: workbench exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return code;
  } finally {
    polling = false;
    await s.stop();
  }
}

async function main(): Promise<number> {
  const workspace = process.env.MLSTUDY_WORKSPACE ?? path.join(ROOT, 'demo', 'notes');
  if (!fs.existsSync(workspace)) throw new Error(`the demo workspace ${workspace} is missing`);
  const extensionTestsPath = path.join(ROOT, 'dist', 'test', 'integration', 'index.js');
  const only = process.env.MLSTUDY_SUITE;
  let code = 0;
  // MLSTUDY_SUITE=<file name without .test.js> runs that suite alone (in the main session unless it is 'hostile').
  if (only !== 'hostile') code = await session('main', { workspace, extensionTestsPath, ...(only ? { env: { MLSTUDY_SUITE: only } } : {}) });
  if (!only || only === 'hostile') {
    const signalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-hostile-signal-'));
    const hostile = await session(
      'hostile',
      { workspace, extensionTestsPath, trust: true, env: { MLSTUDY_SUITE: 'hostile', MLSTUDY_SIGNAL_DIR: signalDir }, prepare: prepareHostileWorkspace },
      signalDir,
    );
    fs.rmSync(signalDir, { recursive: true, force: true });
    code = code || hostile;
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`integration run failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
