import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the first folder above the running bundle with package.json and scripts/. */
export function repoRoot(): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'scripts'))) return d;
    if (path.dirname(d) === d) throw new Error(`no repository root above ${__dirname}`);
  }
}
