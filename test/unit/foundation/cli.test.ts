/** The CLI as a user runs it: a child process, its exit codes, stdout JSON and stderr progress. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const BIN = path.resolve(__dirname, '..', '..', '..', '..', 'bin', 'ml-study.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ml-study CLI', () => {
  it('train xor --epochs 2000 --json: loss below 0.05 and all four points right; progress only on stderr', () => {
    const r = cli('train', 'xor', '--epochs', '2000', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(out.finalLoss < 0.05, `loss ${out.finalLoss}`);
    assert.equal(out.accuracy, 1);
    assert.equal(out.predictions.length, 4);
    assert.ok(out.predictions[0] < 0.5 && out.predictions[1] > 0.5 && out.predictions[2] > 0.5 && out.predictions[3] < 0.5);
    assert.match(r.stderr, /epoch \d+\/2000/);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'one JSON object on stdout');
  });

  it('the same config with zero hidden units (a linear model) cannot get all four right', () => {
    const r = cli('train', 'xor', '--epochs', '2000', '--hidden', '0', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.linear, true);
    assert.ok(out.accuracy < 1, `linear accuracy ${out.accuracy}`);
    assert.ok(out.finalLoss > 0.4, `a linear model cannot fit XOR, loss ${out.finalLoss}`);
  });

  it('is deterministic for a seed', () => {
    const a = JSON.parse(cli('train', 'xor', '--epochs', '50', '--seed', '3', '--json').stdout);
    const b = JSON.parse(cli('train', 'xor', '--epochs', '50', '--seed', '3', '--json').stdout);
    assert.deepEqual(a.predictions, b.predictions);
  });

  it('usage errors exit 2 with one clear line and no stack trace', () => {
    for (const args of [['train', 'xor', '--epochs', 'abc'], ['train', 'xor', '--epochs', '0'], ['train', 'xor', '--bogus'], ['train', 'xor', '--lr'], ['frobnicate'], ['train', 'xor', 'extra']]) {
      const r = cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(lines[0], /^ml-study: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.equal(r.stdout, '');
    }
  });

  it('prints help', () => {
    const r = cli('train', 'xor', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--hidden N/);
  });
});
