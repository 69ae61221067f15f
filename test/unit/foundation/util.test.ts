import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { writeDirAtomic, writeFileAtomic, writeJsonAtomic } from '../../../src/core/util/atomicWrite';
import { Rng } from '../../../src/core/util/rng';

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    assert.deepEqual(xs, Array.from({ length: 5 }, () => b.nextUint32()));
    assert.notDeepEqual(xs, Array.from({ length: 5 }, () => c.nextUint32()));
  });

  it('gives uniform floats in [0,1) and normals with mean 0 and variance 1', () => {
    const r = new Rng(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assert.ok(min >= 0 && max < 1);
    assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s1 += z;
      s2 += z * z;
    }
    assert.ok(Math.abs(s1 / n) < 0.01, `normal mean ${s1 / n}`);
    assert.ok(Math.abs(s2 / n - 1) < 0.02, `normal variance ${s2 / n}`);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.int(10)]++;
    for (const c of counts) assert.ok(Math.abs(c - 10_000) < 500, `bucket ${c}`);
  });
});

describe('atomic writes', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-atomic-'));

  it('writes files and JSON, leaving no temporary files', () => {
    const d = tmp();
    writeFileAtomic(path.join(d, 'sub', 'a.txt'), 'hello');
    writeJsonAtomic(path.join(d, 'b.json'), { x: 1 });
    assert.equal(fs.readFileSync(path.join(d, 'sub', 'a.txt'), 'utf8'), 'hello');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(d, 'b.json'), 'utf8')), { x: 1 });
    assert.deepEqual(fs.readdirSync(d).sort(), ['b.json', 'sub']);
  });

  it('replaces a folder whole, and leaves the old one untouched when filling fails', () => {
    const d = tmp();
    const target = path.join(d, 'model');
    writeDirAtomic(target, (t) => fs.writeFileSync(path.join(t, 'v1'), '1'));
    assert.deepEqual(fs.readdirSync(target), ['v1']);
    assert.throws(() =>
      writeDirAtomic(target, (t) => {
        fs.writeFileSync(path.join(t, 'v2'), '2');
        throw new Error('disk full');
      }),
    /disk full/);
    assert.deepEqual(fs.readdirSync(target), ['v1'], 'the old folder must survive a failed write');
    assert.deepEqual(fs.readdirSync(d), ['model'], 'no temporary folders left behind');
    writeDirAtomic(target, (t) => fs.writeFileSync(path.join(t, 'v2'), '2'));
    assert.deepEqual(fs.readdirSync(target), ['v2']);
  });
});
