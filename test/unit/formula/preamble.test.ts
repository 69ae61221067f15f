import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkPreamblePath, MAX_PREAMBLE_BYTES } from '../../../src/extension/formula/preamblePath';

test('the preamble file must be a small regular file inside the workspace folder', async () => {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'preamble-')));
  const root = path.join(base, 'ws');
  fs.mkdirSync(path.join(root, 'tex'), { recursive: true });
  fs.writeFileSync(path.join(root, 'tex', 'macros.tex'), '\\newcommand{\\R}{\\mathbb{R}}');
  fs.writeFileSync(path.join(base, 'outside.tex'), 'x');
  fs.writeFileSync(path.join(root, 'big.tex'), Buffer.alloc(MAX_PREAMBLE_BYTES + 1, 0x41));
  fs.symlinkSync(path.join(base, 'outside.tex'), path.join(root, 'link.tex'));
  try {
    assert.deepEqual(await checkPreamblePath(root, 'tex/macros.tex'), { file: path.join(root, 'tex', 'macros.tex') });
    assert.match((await checkPreamblePath(root, '../outside.tex') as { error: string }).error, /outside the workspace/);
    assert.match((await checkPreamblePath(root, path.join(base, 'outside.tex')) as { error: string }).error, /relative/);
    assert.match((await checkPreamblePath(root, 'link.tex') as { error: string }).error, /not a regular file/);
    assert.match((await checkPreamblePath(root, 'tex') as { error: string }).error, /not a regular file/);
    assert.match((await checkPreamblePath(root, 'nope.tex') as { error: string }).error, /does not exist/);
    assert.match((await checkPreamblePath(root, 'big.tex') as { error: string }).error, /larger than 256 KB/);
    assert.match((await checkPreamblePath(root, 'a\0b') as { error: string }).error, /not a file path/);
    assert.match((await checkPreamblePath(root, '  ') as { error: string }).error, /not a file path/);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
