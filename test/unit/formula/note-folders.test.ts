/**
 * The formula map's worker over folders on disk (src/worker/formulaIndexRequests.ts): the notes of a folder created,
 * moved or renamed into the workspace are listed (the host's note filter, excluded folders never entered, no
 * symbolic link followed, bounded) and indexed, so they appear in the map; a deleted or renamed folder's notes leave
 * it. A FIFO or a folder named like a note is listed but left out when read, without blocking (checked in a child
 * process with a time limit, so a read that blocked would fail the test instead of hanging it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { folderMayHoldNotes, noteLanguageOf } from '../../../src/core/formula/notePaths';
import { formulaIndexHandlers, notesUnder } from '../../../src/worker/formulaIndexRequests';
import type { FormulaMap, NoteFile } from '../../../src/shared/views/formulas';

const LANGS = ['markdown', 'latex', 'plaintext'];
const STORAGE = ['ml-runs'];
const SOFTMAX_MD = 'The softmax:\n\n$$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n';
const SIGMOID_TEX = 'The sigmoid \\(\\sigma(x) = \\frac{1}{1 + e^{-x}}\\) squashes a score.\n';
const MAX_BYTES = 1024 * 1024;
const h = formulaIndexHandlers;

/** The note at an absolute path as the host describes it (formulaMapIndex.ts's noteOf, without vscode). */
function noteFile(root: string, p: string): NoteFile | undefined {
  const file = path.relative(root, p).split(path.sep).join('/');
  const languageId = noteLanguageOf(file, LANGS, STORAGE);
  return languageId ? { path: p, root, uri: pathToFileURL(p).href, file, languageId } : undefined;
}

/** What the host does for a folder created or moved in: list its notes, then read them. */
async function folderAppeared(root: string, folder: string) {
  const listed = await h['index.list']({ folders: [{ path: folder, root }], languages: LANGS, excluded: STORAGE, limit: 5000 });
  const files = listed.paths.map((p) => noteFile(root, p)).filter((n): n is NoteFile => n !== undefined);
  const report = await h['index.files']({ files, maxBytes: MAX_BYTES });
  return { listed, report };
}

/** The files of the map's formulas, and of the notes left out with why. */
function filesIn(m: FormulaMap): { formulas: string[]; skipped: Record<string, string> } {
  const formulas = new Set<string>();
  for (const g of m.groups) for (const c of g.concepts) for (const o of c.occurrences) formulas.add(o.file);
  for (const o of m.unrecognised) formulas.add(o.file);
  return { formulas: [...formulas].sort(), skipped: Object.fromEntries(m.skipped.map((s) => [s.file, s.reason])) };
}

function workspace(name: string) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `note-folders-${name}-`));
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(root);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.md'), SOFTMAX_MD);
  fs.writeFileSync(path.join(root, 'old.md'), SOFTMAX_MD);
  return { root, outside };
}

/** A folder of notes and of things that must not be read or walked. */
function writeCourse(folder: string, outside: string): void {
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), text);
  };
  w('a.md', SOFTMAX_MD);
  w('week 2/b.tex', SIGMOID_TEX);
  w('week 2/deeper/c.txt', SOFTMAX_MD);
  w('figure.png', SOFTMAX_MD);
  w('node_modules/pkg/readme.md', SOFTMAX_MD);
  w('.git/notes.md', SOFTMAX_MD);
  w('ml-runs/run/log.md', SOFTMAX_MD);
  fs.symlinkSync(outside, path.join(folder, 'linked'));
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'link.md'));
  fs.mkdirSync(path.join(folder, 'folder.md'));
}

/** Run in a child process: a folder holding a FIFO named like a note appears; writes what the map holds beside the workspace. */
async function fifoChild(root: string): Promise<void> {
  const { listed, report } = await folderAppeared(root, path.join(root, 'pipes'));
  const m = filesIn(await h['index.snapshot']({}));
  fs.writeFileSync(path.join(root, '..', 'child.json'), JSON.stringify({ listed: listed.paths.map((p) => path.basename(p)), report, m }));
}

// The FIFO test runs this file again as its child process, which registers no test.
if (process.env.NOTE_FOLDERS_FIFO_ROOT) {
  void fifoChild(process.env.NOTE_FOLDERS_FIFO_ROOT).then(() => process.exit(0));
} else {
  registerTests();
}

function registerTests(): void {
  test('notesUnder lists the notes of a new folder: the note filter, excluded folders not entered, links to folders not followed', () => {
    const { root, outside } = workspace('list');
    const course = path.join(root, 'course');
    writeCourse(course, outside);
    const listed = notesUnder([{ path: course, root }], { languages: LANGS, excluded: STORAGE }, 100);
    assert.equal(listed.truncated, false);
    const rel = listed.paths.map((p) => path.relative(course, p).split(path.sep).join('/'));
    assert.deepEqual(rel, ['a.md', 'link.md', 'week 2/b.tex', 'week 2/deeper/c.txt'].sort());
    // Each listed path is a note by the host's own filter; nothing listed comes from the link to a folder outside.
    for (const p of listed.paths) assert.ok(noteLanguageOf(path.relative(root, p), LANGS, STORAGE), p);
    assert.ok(listed.paths.every((p) => !p.includes(`${path.sep}linked${path.sep}`)));
    // Only the hover's languages: without plaintext, c.txt is no note.
    const noTxt = notesUnder([{ path: course, root }], { languages: ['markdown', 'latex'], excluded: STORAGE }, 100);
    assert.deepEqual(noTxt.paths, listed.paths.filter((p) => !p.endsWith('.txt')));
  });

  test('notesUnder is bounded and contained: at most `limit` notes and the entry budget; nothing outside the workspace, in an excluded folder, or not a folder', () => {
    const { root, outside } = workspace('bounds');
    const many = path.join(root, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(many, `n${String(i).padStart(2, '0')}.md`), SOFTMAX_MD);
    const all = notesUnder([{ path: many, root }], { languages: LANGS, excluded: STORAGE }, 100);
    assert.deepEqual([all.paths.length, all.truncated], [30, false]);
    const capped = notesUnder([{ path: many, root }], { languages: LANGS, excluded: STORAGE }, 7);
    assert.equal(capped.paths.length, 7);
    assert.equal(capped.truncated, true);
    assert.ok(capped.paths.every((p) => all.paths.includes(p)));
    const budget = notesUnder([{ path: many, root }], { languages: LANGS, excluded: STORAGE }, 100, 10);
    assert.ok(budget.paths.length <= 10 && budget.truncated, `${budget.paths.length} listed with a budget of 10 entries`);
    // A link in the workspace to a folder outside it, a folder outside, a folder in an excluded one, a file: nothing.
    fs.symlinkSync(outside, path.join(root, 'link-out'));
    fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'x', 'n.md'), SOFTMAX_MD);
    for (const folder of [path.join(root, 'link-out'), outside, path.join(root, 'node_modules', 'x'), path.join(root, 'old.md'), path.join(root, 'gone')]) {
      assert.deepEqual(notesUnder([{ path: folder, root }], { languages: LANGS, excluded: STORAGE }, 100), { paths: [], truncated: false }, folder);
    }
  });

  test('folderMayHoldNotes: the workspace\'s folders, not the excluded ones nor a path out of the workspace', () => {
    assert.equal(folderMayHoldNotes('course/week 2'), true);
    assert.equal(folderMayHoldNotes('course\\week 2'), true);
    assert.equal(folderMayHoldNotes('node_modules'), false);
    assert.equal(folderMayHoldNotes('a/.git/b'), false);
    assert.equal(folderMayHoldNotes('ml-runs/x', STORAGE), false);
    assert.equal(folderMayHoldNotes('ml-runs/x'), true);
    assert.equal(folderMayHoldNotes('../elsewhere'), false);
  });

  test('a folder created, renamed and deleted: its notes enter the map, move with it, and leave it', async () => {
    const { root, outside } = workspace('flow');
    await h['index.clear']({});
    await h['index.files']({ files: [noteFile(root, path.join(root, 'old.md'))!], maxBytes: MAX_BYTES });
    assert.deepEqual(filesIn(await h['index.snapshot']({})).formulas, ['old.md']);
    // Created (or moved in) with notes already in it: one event for the folder.
    const course = path.join(root, 'course');
    writeCourse(course, outside);
    const { report } = await folderAppeared(root, course);
    assert.deepEqual(report, { indexed: 3, unchanged: 0, skipped: 1 }, 'three notes read, the link out left out');
    let m = filesIn(await h['index.snapshot']({}));
    assert.deepEqual(m.formulas, ['course/a.md', 'course/week 2/b.tex', 'course/week 2/deeper/c.txt', 'old.md']);
    assert.match(m.skipped['course/link.md'], /outside the workspace/);
    // Renamed: the old folder's notes are forgotten, the new folder's listed and read.
    const renamed = path.join(root, 'lectures');
    fs.renameSync(course, renamed);
    assert.equal(await h['index.remove']({ paths: [course] }), 4, 'three notes and the skipped link under the old name');
    await folderAppeared(root, renamed);
    m = filesIn(await h['index.snapshot']({}));
    assert.deepEqual(m.formulas, ['lectures/a.md', 'lectures/week 2/b.tex', 'lectures/week 2/deeper/c.txt', 'old.md']);
    assert.deepEqual(Object.keys(m.skipped), ['lectures/link.md']);
    // Deleted: gone from the map, the rest kept.
    fs.rmSync(renamed, { recursive: true });
    await h['index.remove']({ paths: [renamed] });
    m = filesIn(await h['index.snapshot']({}));
    assert.deepEqual(m.formulas, ['old.md']);
    assert.deepEqual(m.skipped, {});
  });

  test('a FIFO and a folder named like notes are left out with the reason, without blocking the read', (t) => {
    const { root } = workspace('fifo');
    const pipes = path.join(root, 'pipes');
    fs.mkdirSync(pipes);
    execFileSync('mkfifo', [path.join(pipes, 'pipe.md')]);
    fs.mkdirSync(path.join(pipes, 'folder.tex'));
    fs.writeFileSync(path.join(pipes, 'real.md'), SOFTMAX_MD);
    const t0 = Date.now();
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const r = spawnSync(process.execPath, [__filename], { env: { ...env, NOTE_FOLDERS_FIFO_ROOT: root }, timeout: 30_000, encoding: 'utf8' });
    t.diagnostic(`the child listed and read the folder in ${Date.now() - t0} ms`);
    assert.equal(r.signal, null, `the child was stopped after 30 s (a read blocked on the FIFO): ${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(fs.readFileSync(path.join(root, '..', 'child.json'), 'utf8')) as { listed: string[]; report: Record<string, number>; m: ReturnType<typeof filesIn> };
    assert.deepEqual(out.listed, ['pipe.md', 'real.md'], 'the FIFO is named like a note; the folder named folder.tex is walked, not listed');
    assert.deepEqual(out.report, { indexed: 1, unchanged: 0, skipped: 1 });
    assert.deepEqual(out.m.formulas, ['pipes/real.md']);
    assert.match(out.m.skipped['pipes/pipe.md'], /is a pipe \(FIFO\), not a note/);
  });

  test('index.files reads no folder or device named like a note: each is left out with what it is', async () => {
    const { root } = workspace('kinds');
    fs.mkdirSync(path.join(root, 'dir.md'));
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
    await h['index.clear']({});
    const report = await h['index.files']({ files: ['dir.md', 'zero.md'].map((f) => noteFile(root, path.join(root, f))!), maxBytes: MAX_BYTES });
    assert.deepEqual(report, { indexed: 0, unchanged: 0, skipped: 2 });
    const m = filesIn(await h['index.snapshot']({}));
    assert.match(m.skipped['dir.md'], /a folder/);
    assert.match(m.skipped['zero.md'], /outside the workspace|a device/);
    assert.deepEqual(m.formulas, []);
  });
}
