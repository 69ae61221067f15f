/** findDistFile: one lookup for every file the build puts in dist/ (kernels, thread bundles, the packaged corpus). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { distCandidates, findDistFile, requireDistFile } from '../../../src/core/util/distFile';

test('a file in dist/ or in an extra folder of the working directory or a parent is found, nearest first', () => {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'distfile-')));
  const cwd = process.cwd();
  const name = `probe-${process.pid}-${Date.now()}.bin`;
  try {
    const deep = path.join(tmp, 'a', 'b');
    fs.mkdirSync(path.join(deep, 'dist'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'node_modules', 'pkg', name), 'far');
    process.chdir(deep);
    assert.equal(findDistFile(name), undefined);
    assert.equal(findDistFile(name, [path.join('node_modules', 'pkg')]), path.join(tmp, 'node_modules', 'pkg', name));
    fs.writeFileSync(path.join(deep, 'dist', name), 'near');
    assert.equal(findDistFile(name, [path.join('node_modules', 'pkg')]), path.join(deep, 'dist', name));
    assert.equal(requireDistFile(name, 'it'), path.join(deep, 'dist', name));
    assert.throws(() => requireDistFile(`missing-${name}`, 'the probe'), /missing-probe.*npm run build.*the probe/);
    const c = distCandidates(name);
    assert.ok(c.includes(path.join(deep, name)) && c.includes(path.join(tmp, 'dist', name)));
  } finally {
    process.chdir(cwd);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
