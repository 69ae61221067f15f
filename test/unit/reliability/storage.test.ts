/**
 * The storage folder of a workspace someone else wrote: crafted run files (traversal ids, absolute model paths,
 * symlinks out of the folder), a symlinked storage folder, hidden folders posing as models. Everything outside
 * `.ml-study` must be byte-identical afterwards, and nothing crafted may be listed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RunStore, type StoredRun } from '../../../src/extension/jobs/runStore';
import { treeHash, tmpDir } from './helpers';

const ID = 'xor-20260101-120000-ab12';

function run(jobId: string, extra: Record<string, unknown> = {}): StoredRun {
  return {
    version: 1,
    job: { jobId, model: 'xor', label: 'XOR #1', params: {}, corpusName: '', status: 'done', progress: 1, step: 1, total: 1, startedAt: 1, ...extra } as StoredRun['job'],
    series: { jobId, steps: [1], losses: [0.5] },
  };
}

/** A workspace with a victim folder beside it (outside the workspace) and one inside it (outside .ml-study). */
function workspace() {
  const top = tmpDir('ws');
  const ws = path.join(top, 'ws');
  const victim = path.join(top, 'victim');
  fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'notes', 'lecture.md'), '# notes\n$x^2$\n');
  fs.mkdirSync(victim);
  fs.writeFileSync(path.join(victim, 'x.json'), '{"precious":true}\n');
  fs.writeFileSync(path.join(victim, 'thesis.tex'), 'do not delete\n');
  const root = path.join(ws, '.ml-study');
  fs.mkdirSync(path.join(root, 'runs'), { recursive: true });
  fs.mkdirSync(path.join(root, 'models'), { recursive: true });
  const before = () => ({ victim: treeHash(victim), notes: treeHash(path.join(ws, 'notes')) });
  return { top, ws, victim, root, store: new RunStore(root, ws), snapshot: before, initial: before() };
}

describe('stored runs are contained in the runs folder', () => {
  it('a traversal id in a run file is not loaded, and remove/save with it touch nothing', () => {
    const w = workspace();
    // the file name is a valid id, the id inside points out of the folder
    fs.writeFileSync(path.join(w.root, 'runs', `${ID}.json`), JSON.stringify(run('../../../victim/x')));
    fs.writeFileSync(path.join(w.root, 'runs', 'evil.json'), JSON.stringify(run('../../../victim/thesis')));
    assert.deepEqual(w.store.loadRuns(50), []);
    w.store.remove('../../../victim/x');
    w.store.remove(path.join(w.victim, 'x'));
    assert.throws(() => w.store.save(run('../../../victim/x')), /not a job id/);
    assert.deepEqual(w.snapshot(), w.initial);
  });

  it('a run whose model folder points outside models/ is listed without it', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.root, 'runs', `${ID}.json`), JSON.stringify(run(ID, { modelDir: w.victim })));
    const runs = w.store.loadRuns(50);
    assert.equal(runs.length, 1);
    assert.equal(runs[0].job.modelDir, undefined);
    const inside = path.join(w.root, 'models', ID);
    fs.writeFileSync(path.join(w.root, 'runs', `${ID}.json`), JSON.stringify(run(ID, { modelDir: inside })));
    assert.equal(w.store.loadRuns(50)[0].job.modelDir, inside, 'a model folder of ours is kept');
    fs.writeFileSync(path.join(w.root, 'runs', `${ID}.json`), JSON.stringify(run(ID, { modelDir: path.join(w.root, 'models', '..', '..', 'notes') })));
    assert.equal(w.store.loadRuns(50)[0].job.modelDir, undefined, 'a dotted path out of models/ is dropped');
  });

  it('a run stored as running is shown as interrupted, not running forever', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.root, 'runs', `${ID}.json`), JSON.stringify(run(ID, { status: 'running' })));
    assert.equal(w.store.loadRuns(50)[0].job.status, 'stopped');
  });

  it('a run file that is a symlink out of the folder is neither read nor deleted', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.victim, `${ID}.json`), JSON.stringify(run(ID)));
    const initial = w.snapshot();
    fs.symlinkSync(path.join(w.victim, `${ID}.json`), path.join(w.root, 'runs', `${ID}.json`));
    assert.deepEqual(w.store.loadRuns(50), []);
    w.store.remove(ID);
    assert.throws(() => w.store.save(run(ID)), /not a regular file/);
    assert.deepEqual(w.snapshot(), initial);
  });

  it('a runs folder or a storage folder that is a symlink out of the workspace is refused', () => {
    const w = workspace();
    fs.writeFileSync(path.join(w.victim, `${ID}.json`), JSON.stringify(run(ID)));
    const initial = w.snapshot();
    fs.rmSync(path.join(w.root, 'runs'), { recursive: true });
    fs.symlinkSync(w.victim, path.join(w.root, 'runs'));
    assert.deepEqual(w.store.loadRuns(50), []);
    w.store.remove(ID);
    assert.throws(() => w.store.save(run(ID)), /symbolic link/);
    assert.deepEqual(w.snapshot(), initial);

    const w2 = workspace();
    fs.rmSync(w2.root, { recursive: true });
    fs.mkdirSync(path.join(w2.victim, 'runs'));
    fs.writeFileSync(path.join(w2.victim, 'runs', `${ID}.json`), JSON.stringify(run(ID)));
    const initial2 = w2.snapshot();
    fs.symlinkSync(w2.victim, w2.root);
    assert.deepEqual(w2.store.loadRuns(50), []);
    assert.deepEqual(w2.store.loadModels(), []);
    w2.store.remove(ID);
    assert.throws(() => w2.store.save(run(ID)), /symbolic link/);
    assert.deepEqual(w2.snapshot(), initial2);
  });

  it('oversized and malformed run files are skipped and left alone', () => {
    const w = workspace();
    const big = path.join(w.root, 'runs', `${ID}.json`);
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 64 * 1024 * 1024);
    const other = 'xor-20260101-120001-cd34';
    fs.writeFileSync(path.join(w.root, 'runs', `${other}.json`), JSON.stringify({ ...run(other), series: { steps: 'x' } }));
    const t0 = Date.now();
    assert.deepEqual(w.store.loadRuns(50), []);
    assert.ok(Date.now() - t0 < 1000);
    assert.equal(fs.statSync(big).size, 64 * 1024 * 1024);
  });
});

describe('saved models are listed only from real folders in models/', () => {
  it('hidden folders, symlinked folders and foreign JSON are not models', () => {
    const w = workspace();
    const meta = JSON.stringify({ format: 'ml-study-xor', version: 1, savedAt: 5 });
    for (const name of ['.model.tmp-x', 'real']) {
      fs.mkdirSync(path.join(w.root, 'models', name));
      fs.writeFileSync(path.join(w.root, 'models', name, 'model.json'), meta);
    }
    fs.mkdirSync(path.join(w.victim, 'm'));
    fs.writeFileSync(path.join(w.victim, 'm', 'model.json'), meta);
    fs.symlinkSync(path.join(w.victim, 'm'), path.join(w.root, 'models', 'linked'));
    fs.mkdirSync(path.join(w.root, 'models', 'foreign'));
    fs.writeFileSync(path.join(w.root, 'models', 'foreign', 'model.json'), '{"format":"something-else"}');
    assert.deepEqual(w.store.loadModels().map((m) => m.name), ['real']);
  });
});
