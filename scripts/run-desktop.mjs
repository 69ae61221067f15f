#!/usr/bin/env node
// `npm run test:desktop`: the same integration suite in desktop VS Code through @vscode/test-electron, for
// machines that can download VS Code (not possible on the CI machine; there `npm test` uses code-server).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './lib.mjs';

if (process.argv.includes('--help')) {
  process.stdout.write('usage: node scripts/run-desktop.mjs\n  the integration suite in desktop VS Code (downloaded by @vscode/test-electron)\n');
  process.exit(0);
}
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-desktop-'));
fs.cpSync(path.join(root, 'demo', 'notes'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${path.join(workspace, '.user-data')}`],
  });
} catch (e) {
  console.error(`desktop integration tests failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
