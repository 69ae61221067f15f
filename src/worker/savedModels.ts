/**
 * Saved models a job names by folder (a teacher, a word2vec model's vectors): names are resolved only inside the
 * models folder the job saves into (the parent of its `outDir`), never as paths; an empty name is the newest model
 * of the kind there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSavedModel, type SavedModelKind } from '../core/util/modelOut';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export class SavedModelError extends Error {}

/** The folder of the saved model `name` (or the newest of `kind` when empty) beside `outDir`. */
export function savedModelDir(outDir: string, name: string, kind: SavedModelKind, what: string): string {
  const models = path.dirname(outDir);
  if (name.trim() === '') {
    let best: { dir: string; at: number } | undefined;
    for (const n of fs.readdirSync(models)) {
      const dir = path.join(models, n);
      const found = NAME_RE.test(n) && !fs.lstatSync(dir).isSymbolicLink() ? safeRead(dir) : undefined;
      if (found?.kind !== kind) continue;
      const at = typeof found.meta.savedAt === 'number' ? found.meta.savedAt : fs.statSync(found.versionDir).mtimeMs;
      if (!best || at > best.at) best = { dir, at };
    }
    if (!best) throw new SavedModelError(`no saved ${what} yet: train one first`);
    return best.dir;
  }
  if (!NAME_RE.test(name) || name.includes('..')) throw new SavedModelError(`${what} must be the name of a saved model (a folder name from the Saved models list), got ${JSON.stringify(name)}`);
  const dir = path.join(models, name);
  const found = fs.existsSync(dir) && !fs.lstatSync(dir).isSymbolicLink() ? safeRead(dir) : undefined;
  if (!found) throw new SavedModelError(`there is no saved model named "${name}"`);
  if (found.kind !== kind) throw new SavedModelError(`"${name}" is a ${found.kind} model; the ${what} must be a ${kind} model`);
  return dir;
}

function safeRead(dir: string): ReturnType<typeof readSavedModel> {
  try {
    return readSavedModel(dir, 64 * 1024 * 1024);
  } catch {
    return undefined;
  }
}
