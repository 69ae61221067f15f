/**
 * The crafted workspace of the hostile suite, written beside and into the copy code-server opens. Everything an
 * attacker controls in a cloned repository: run files with traversal ids, absolute model paths, a run file that is
 * a symlink out of the folder, a symlinked and a hidden "model", workspace settings pointing out of the workspace.
 * The victim folder sits beside the workspace; the test checks it, and the notes, byte for byte.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const RUN_IDS = { traversal: 'xor-20260101-120000-aa01', absModel: 'xor-20260101-120000-aa02', symlinked: 'xor-20260101-120000-aa03', running: 'xor-20260101-120000-aa04' };

export const victimOf = (workspace: string) => path.join(path.dirname(workspace), 'victim');

function run(jobId: string, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    version: 1,
    job: { jobId, model: 'xor', label: `XOR ${jobId.slice(-4)}`, params: {}, corpusName: '', status: 'done', progress: 1, step: 10, total: 10, startedAt: Date.parse('2026-01-01T12:00:00Z'), endedAt: Date.parse('2026-01-01T12:01:00Z'), summary: 'crafted', ...extra },
    series: { jobId, steps: [1, 2], losses: [0.7, 0.6] },
  });
}

export function prepareHostileWorkspace(workspace: string): void {
  const victim = victimOf(workspace);
  fs.mkdirSync(path.join(victim, 'model'), { recursive: true });
  // runs/<id>.json with a traversal id resolves to <victim>/x.json in the code that joins the id into a path
  fs.writeFileSync(path.join(victim, 'x.json'), '{"precious": true}\n');
  fs.writeFileSync(path.join(victim, 'thesis.json'), '{"chapter": 1}\n');
  fs.writeFileSync(path.join(victim, 'model', 'model.json'), JSON.stringify({ format: 'ml-study-xor', version: 1, savedAt: 1 }));
  fs.writeFileSync(path.join(victim, 'run-target.json'), run(RUN_IDS.symlinked));

  const store = path.join(workspace, '.ml-study');
  fs.mkdirSync(path.join(store, 'runs'), { recursive: true });
  fs.mkdirSync(path.join(store, 'models', '.hidden'), { recursive: true });
  fs.writeFileSync(path.join(store, 'runs', `${RUN_IDS.traversal}.json`), run('../../../victim/x'));
  fs.writeFileSync(path.join(store, 'runs', 'evil.json'), run('../../../victim/thesis'));
  fs.writeFileSync(path.join(store, 'runs', `${RUN_IDS.absModel}.json`), run(RUN_IDS.absModel, { modelDir: path.join(victim, 'model') }));
  fs.symlinkSync(path.join(victim, 'run-target.json'), path.join(store, 'runs', `${RUN_IDS.symlinked}.json`));
  fs.writeFileSync(path.join(store, 'runs', `${RUN_IDS.running}.json`), run(RUN_IDS.running, { status: 'running', endedAt: undefined }));
  fs.symlinkSync(path.join(victim, 'model'), path.join(store, 'models', 'linked'));
  fs.writeFileSync(path.join(store, 'models', '.hidden', 'model.json'), JSON.stringify({ format: 'ml-study-xor', version: 1, savedAt: 2 }));

  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'mlStudy.storage.folder': '../victim', 'mlStudy.corpus.notesGlob': '../victim/**', 'mlStudy.models.keepVersions': 20 }, null, 2),
  );
}

/** sha256 of every file under `dir` (symlinks by target), skipping `skip` (a relative top-level name). */
export function treeHash(dir: string, skip?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (rel === skip) continue;
      if (e.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else out[rel] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
