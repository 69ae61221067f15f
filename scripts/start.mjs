#!/usr/bin/env node
// `npm start`: install what is needed, build, and start code-server (a real VS Code) on 127.0.0.1 with this
// extension in development mode and the demo notes as the workspace. Prints the URL; Ctrl-C stops it.
// Options: --port N (default 8080), --workspace DIR (default demo/notes).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, ensureCodeServerInstalled, ensureNodeModules, ensureSystemDeps, log, root } from './lib.mjs';

if (process.argv.includes('--help')) {
  process.stdout.write('usage: npm start -- [--port N] [--workspace DIR]\n  code-server with this extension on 127.0.0.1 (default port 8080, workspace demo/notes)\n');
  process.exit(0);
}
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const port = Number(arg('port', process.env.PORT ?? '8080'));
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  log(`npm start: --port must be a port number, got ${arg('port')}`);
  process.exit(2);
}
const workspace = path.resolve(arg('workspace', path.join(root, 'demo', 'notes')));
if (!fs.existsSync(workspace)) {
  log(`npm start: no such folder ${workspace}`);
  process.exit(2);
}

ensureNodeModules();
ensureSystemDeps();
const codeServer = await ensureCodeServerInstalled();
build();

const state = path.join(root, '.vscode-test', 'start');
const dirs = Object.fromEntries(['user-data', 'extensions', 'home'].map((d) => [d, path.join(state, d)]));
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', remote(root)]]));
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${payload}`;

const proc = spawn(
  process.execPath,
  [codeServer, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, workspace],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dirs.home, TMPDIR: os.tmpdir() } },
);
proc.stderr.pipe(process.stderr);
let announced = false;
proc.stdout.on('data', (d) => {
  if (!announced && String(d).includes('HTTP server listening')) {
    announced = true;
    console.log(`\nML Study Companion is running in code-server (VS Code ${'1.100.3'}).\nOpen: ${url}\n(Ctrl-C to stop)\n`);
  }
});
const stop = () => proc.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
proc.on('exit', (code) => process.exit(code ?? 0));
