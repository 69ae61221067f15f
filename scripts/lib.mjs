// Shared by the npm scripts: make a fresh clone ready (npm packages, Debian packages, code-server).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function log(msg) {
  process.stderr.write(`${msg}\n`);
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('[setup] npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function ensureSystemDeps() {
  const r = spawnSync('bash', [path.join(root, 'scripts', 'ensure-system-deps.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('Debian packages are missing (see above)');
}

export async function ensureCodeServerInstalled() {
  const { ensureCodeServer } = await import('./ensure-code-server.mjs');
  return ensureCodeServer(log);
}

export function build(extra = []) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...extra], { cwd: root, stdio: 'inherit' });
}
