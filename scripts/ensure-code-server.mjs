#!/usr/bin/env node
// Installs code-server 4.100.3 (a real VS Code 1.100.3 with a Node extension host) into .vscode-test/code-server,
// from the npm registry only. Prints the path of its launcher. Idempotent: does nothing when already installed.
// Needs Debian's ripgrep and libkrb5-dev (scripts/ensure-system-deps.sh installs them).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.vscode-test', 'code-server');
export const codeServerBin = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export function ensureCodeServer(log = (m) => process.stderr.write(m + '\n')) {
  const pkg = path.join(dir, 'node_modules', 'code-server', 'package.json');
  if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION && fs.existsSync(codeServerBin)) {
    return codeServerBin;
  }
  log(`[code-server] installing code-server@${CODE_SERVER_VERSION} from npm into ${path.relative(root, dir)} (about a minute)…`);
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-server-for-tests', private: true }, null, 2));
  }
  // @vscode/ripgrep downloads rg from GitHub unless it finds it in its cache: give it Debian's rg.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-install-'));
  const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) throw new Error('ripgrep is missing: apt-get install -y ripgrep (scripts/ensure-system-deps.sh does it)');
  const cache = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['-czf', path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', path.dirname(rg), 'rg']);
  // The native builds are verbose: keep their output in a log, and show its end only if the install fails.
  const logFile = path.join(root, '.vscode-test', 'code-server-install.log');
  const out = fs.openSync(logFile, 'w');
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      stdio: ['ignore', out, out],
      env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
    });
  } catch (e) {
    log(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    throw new Error(`installing code-server failed (full log: ${logFile})`);
  } finally {
    fs.closeSync(out);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!fs.existsSync(codeServerBin)) throw new Error(`code-server install finished but ${codeServerBin} is missing`);
  log('[code-server] installed');
  return codeServerBin;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(ensureCodeServer());
}
