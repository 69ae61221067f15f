/**
 * The formula map in the real extension host: a fixture folder written into the workspace is indexed and grouped
 * (the tree and the panel page), a click reveals the formula in its note, and the map follows edits (unsaved ones
 * too), created and deleted files, a folder moved in, renamed and deleted, re-analysing only the note that
 * changed. A note over the size cap and a symbolic link out of the workspace are listed as left out, never read.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension/extension';
import type { FormulaNode } from '../../src/extension/formula/formulaMap';
import type { FormulaMapData } from '../../src/shared/views/formulas';
import { MAX_NOTE_BYTES } from '../../src/extension/formula/formulaMapIndex';
import { api, waitFor } from './helpers';

const SOFTMAX_MD = '# Softmax\n\nThe softmax function:\n\n$$\\hat{y}_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$$\n';
const SOFTMAX_TEX = '\\section{Output layer}\nThe softmax over the logits\n\\begin{equation}\np_k = \\frac{\\exp(a_k)}{\\sum_{m=1}^{K} \\exp(a_m)}\n\\end{equation}\n';
const UNKNOWN_TXT = 'Odd notation\n\nwe write $\\mathcal{Q} \\oplus \\mathfrak{R} \\cong \\star$ here.\n';
const SIGMOID = '\n\nThe logistic sigmoid $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ squashes a score.\n';

const FIXTURE = 'formula-map-fixture';

/** The fixture's formulas in the map: per concept id (null: not recognised), the files they are in. */
function fixtureFormulas(m: FormulaMapData): Map<string | null, string[]> {
  const out = new Map<string | null, string[]>();
  const add = (k: string | null, file: string) => {
    if (!file.startsWith(`${FIXTURE}/`)) return;
    out.set(k, [...(out.get(k) ?? []), file.slice(FIXTURE.length + 1)]);
  };
  for (const g of m.groups) for (const c of g.concepts) for (const o of c.occurrences) add(c.id, o.file);
  for (const o of m.unrecognised) add(null, o.file);
  return out;
}

describe('formula map', function () {
  this.timeout(120_000);
  let a: ExtensionApi;
  let dir: string;
  let outside: string;
  const settle = async (what: string, cond: (m: FormulaMapData) => boolean) => {
    await waitFor(what, () => cond(a.formulaMap.index.current), 30_000);
    await a.formulaMap.index.whenIdle();
  };

  before(async () => {
    a = await api();
    dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, FIXTURE);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.md'), SOFTMAX_MD);
    fs.writeFileSync(path.join(dir, 'sub', 'b.tex'), SOFTMAX_TEX);
    fs.writeFileSync(path.join(dir, 'c.txt'), UNKNOWN_TXT);
    fs.writeFileSync(path.join(dir, 'big.md'), `$$x^2$$\n${'a'.repeat(MAX_NOTE_BYTES)}`);
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-map-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.md'), SOFTMAX_MD);
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'link.md'));
    // The map may already be indexed (the ML Study sidebar shows the Formulas view): Refresh reads the new notes,
    // as it does for any change made on disk behind the editor's back.
    await a.formulaMap.index.start();
    await a.formulaMap.index.rescan();
    await settle('the fixture indexed', (m) => fixtureFormulas(m).get(null)?.includes('c.txt') === true);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('lists the fixture folder grouped by catalog group and concept: one concept in two notations across files; the unknown apart; the big note and the link out left out', async () => {
    const m = a.formulaMap.index.current;
    const f = fixtureFormulas(m);
    assert.deepEqual(f.get('softmax'), ['a.md', 'sub/b.tex']);
    assert.deepEqual(f.get(null), ['c.txt']);
    assert.equal([...f.values()].flat().length, 3, `only the three notes' formulas: ${JSON.stringify([...f])}`);
    const soft = m.groups.flatMap((g) => g.concepts).find((c) => c.id === 'softmax')!;
    const fixtureSoft = soft.occurrences.filter((o) => o.file.startsWith(FIXTURE));
    assert.notDeepEqual(fixtureSoft[0].letters, fixtureSoft[1].letters, 'written in different letters');
    assert.ok(fixtureSoft[1].letters.some((l) => l.startsWith('a')), fixtureSoft[1].letters.join(' '));
    assert.ok(m.skipped.some((s) => s.file === `${FIXTURE}/big.md` && /limit/.test(s.reason)), JSON.stringify(m.skipped));
    assert.ok(m.skipped.some((s) => s.file === `${FIXTURE}/link.md` && /outside the workspace/.test(s.reason)), JSON.stringify(m.skipped));
    assert.ok(!m.groups.some((g) => g.concepts.some((c) => c.occurrences.some((o) => o.file.endsWith('link.md')))));

    // The tree: groups with counts at the root, concepts under them, formulas (TeX, letters, file:line) under those.
    const tree = a.formulaMap.tree;
    const roots = tree.getChildren();
    const groupNode = roots.find((n) => n.kind === 'group' && n.group.concepts.some((c) => c.id === 'softmax'))!;
    const groupItem = tree.getTreeItem(groupNode);
    assert.equal(groupItem.description, String((groupNode as Extract<FormulaNode, { kind: 'group' }>).group.count));
    const conceptNode = tree.getChildren(groupNode).find((n) => n.kind === 'concept' && n.concept.id === 'softmax')!;
    assert.match(String(tree.getTreeItem(conceptNode).description), new RegExp(`^${soft.count} in ${soft.files} notes`));
    const formulaItems = tree.getChildren(conceptNode).map((n) => tree.getTreeItem(n));
    assert.ok(formulaItems.some((it) => String(it.description).endsWith(`${FIXTURE}/sub/b.tex:3`)), formulaItems.map((it) => it.description).join(' | '));
    const unknown = roots.find((n) => n.kind === 'unrecognised')!;
    assert.ok(tree.getChildren(unknown).some((n) => n.kind === 'formula' && n.formula.file === `${FIXTURE}/c.txt`));
    assert.ok(roots.some((n) => n.kind === 'skipped'));

    // The panel page gets the same map.
    assert.equal(await vscode.commands.executeCommand('mlStudy.showFormulaMap'), true);
    assert.equal(a.panel.dataOf('formulas')?.formulas, a.formulaMap.index.current.formulas);
  });

  it('reveals a formula on click: its note opens with the formula selected', async () => {
    const tree = a.formulaMap.tree;
    const group = tree.getChildren().find((n) => n.kind === 'group' && n.group.concepts.some((c) => c.id === 'softmax'))!;
    const concept = tree.getChildren(group).find((n) => n.kind === 'concept' && n.concept.id === 'softmax')!;
    const node = tree.getChildren(concept).find((n) => n.kind === 'formula' && n.formula.file === `${FIXTURE}/sub/b.tex`)!;
    const cmd = tree.getTreeItem(node).command!;
    assert.equal(await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? [])), true);
    const ed = vscode.window.activeTextEditor!;
    assert.equal(ed.document.uri.fsPath, path.join(dir, 'sub', 'b.tex'));
    const selected = ed.document.getText(ed.selection);
    assert.ok(selected.startsWith('\\begin{equation}') && selected.endsWith('\\end{equation}'), selected);
    // A location the map does not list is refused.
    assert.equal(await vscode.commands.executeCommand(cmd.command, { uri: vscode.Uri.file(path.join(outside, 'secret.md')).toString(), line: 0, character: 0, endLine: 0, endCharacter: 1 }), undefined);
    assert.match(a.recentMessages().at(-1)?.message ?? '', /not in the formula map/);
  });

  it('follows an unsaved edit, re-analysing only that note; a rescan analyses only what changed on disk', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(dir, 'a.md'));
    await vscode.window.showTextDocument(doc);
    const before = { ...a.formulaMap.index.stats };
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(doc.getText().length), SIGMOID);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await settle('the edit in the map', (m) => fixtureFormulas(m).get('sigmoid')?.includes('a.md') === true);
    assert.equal(a.formulaMap.index.stats.indexed - before.indexed, 1, 'one note analysed again');
    const sig = a.formulaMap.index.current.groups.flatMap((g) => g.concepts).find((c) => c.id === 'sigmoid')!.occurrences.find((o) => o.file === `${FIXTURE}/a.md`)!;
    assert.equal(sig.line, doc.positionAt(doc.getText().indexOf('$\\sigma')).line);
    // Changed on disk behind the editor's back (c.txt gains a sigmoid): Refresh reads every note, analyses that one.
    fs.appendFileSync(path.join(dir, 'c.txt'), SIGMOID);
    const mid = { ...a.formulaMap.index.stats };
    assert.equal(await vscode.commands.executeCommand('mlStudy.refreshFormulaMap'), true);
    await settle('the rescan', (m) => fixtureFormulas(m).get('sigmoid')?.includes('c.txt') === true);
    const notes = a.formulaMap.index.current.notes;
    const changed = a.formulaMap.index.stats.indexed - mid.indexed;
    assert.equal(changed, 1, `only c.txt analysed again, not ${changed} of ${notes} (a.md's unsaved text is unchanged)`);
    assert.ok(a.formulaMap.index.stats.unchanged - mid.unchanged >= notes - 1, 'the other notes were found unchanged');
  });

  it('follows a created note, a deleted note and a deleted folder', async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    const create = new vscode.WorkspaceEdit();
    create.createFile(vscode.Uri.file(path.join(dir, 'sub', 'd.md')), { contents: Buffer.from(SIGMOID) });
    assert.ok(await vscode.workspace.applyEdit(create));
    await settle('the new note', (m) => fixtureFormulas(m).get('sigmoid')?.includes('sub/d.md') === true);
    const del = new vscode.WorkspaceEdit();
    del.deleteFile(vscode.Uri.file(path.join(dir, 'a.md')));
    assert.ok(await vscode.workspace.applyEdit(del));
    await settle('the deleted note gone', (m) => !fixtureFormulas(m).get('softmax')?.includes('a.md'));
    assert.deepEqual(fixtureFormulas(a.formulaMap.index.current).get('softmax'), ['sub/b.tex']);
    const delDir = new vscode.WorkspaceEdit();
    delDir.deleteFile(vscode.Uri.file(path.join(dir, 'sub')), { recursive: true });
    assert.ok(await vscode.workspace.applyEdit(delDir));
    await settle('the deleted folder gone', (m) => [...fixtureFormulas(m).values()].flat().every((f) => !f.startsWith('sub/')));
    assert.deepEqual([...fixtureFormulas(a.formulaMap.index.current).values()].flat().sort(), ['c.txt', 'c.txt']);
  });

  it('follows a folder of notes moved in, renamed and deleted (one event for the folder, none for its notes)', async () => {
    // Written on disk beside the fixture (no watcher event reaches the map), then moved into it by the editor.
    const staging = `${dir}-staging`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(path.join(staging, 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(staging, 'e.md'), SOFTMAX_MD);
    fs.writeFileSync(path.join(staging, 'deeper', 'f.tex'), SOFTMAX_TEX);
    fs.mkdirSync(path.join(staging, 'node_modules'));
    fs.writeFileSync(path.join(staging, 'node_modules', 'g.md'), SOFTMAX_MD);
    const move = (from: string, to: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(vscode.Uri.file(from), vscode.Uri.file(to));
      return vscode.workspace.applyEdit(edit);
    };
    const softmaxFiles = () => fixtureFormulas(a.formulaMap.index.current).get('softmax') ?? [];
    try {
      assert.ok(await move(staging, path.join(dir, 'moved')));
      await settle('the moved-in folder\'s notes', (m) => fixtureFormulas(m).get('softmax')?.includes('moved/deeper/f.tex') === true);
      assert.deepEqual(softmaxFiles(), ['moved/deeper/f.tex', 'moved/e.md'].sort(), 'the notes under node_modules stay out');
      assert.ok(await move(path.join(dir, 'moved'), path.join(dir, 'renamed')));
      await settle('the renamed folder\'s notes', (m) => fixtureFormulas(m).get('softmax')?.includes('renamed/e.md') === true);
      assert.deepEqual(softmaxFiles(), ['renamed/deeper/f.tex', 'renamed/e.md'].sort(), 'the old name is gone');
      const del = new vscode.WorkspaceEdit();
      del.deleteFile(vscode.Uri.file(path.join(dir, 'renamed')), { recursive: true });
      assert.ok(await vscode.workspace.applyEdit(del));
      await settle('the deleted folder\'s notes gone', (m) => !fixtureFormulas(m).has('softmax'));
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  });
});
