/**
 * Using word vectors in the editor (after models.test.ts trained some on the demo notes): neighbours from the
 * command and from a hover, the Embeddings map, an analogy, export and import, and clear errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, waitFor } from './helpers';

describe('word vectors in the editor', function () {
  this.timeout(180_000);

  it('shows the nearest words of the word at the cursor, in the Embeddings view', async () => {
    const a = await api();
    assert.ok(a.vectors.current(), 'no word-vector model was trained before this suite');
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, '03-word2vec.tex')));
    const ed = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('every word') + 'every '.length;
    assert.ok(at > 10);
    ed.selection = new vscode.Selection(doc.positionAt(at + 2), doc.positionAt(at + 2));
    const ns = (await vscode.commands.executeCommand('mlStudy.showNeighbours')) as Array<{ word: string; score: number }>;
    assert.ok(ns, `no neighbours: ${a.recentMessages().at(-1)?.message}`);
    assert.equal(ns.length, 10);
    assert.ok(ns.every((n, i) => n.word !== 'word' && n.score <= 1 + 1e-6 && (i === 0 || ns[i - 1].score >= n.score)), 'neighbours sorted by cosine, the word itself excluded');
    await waitFor('the Embeddings view', () => a.panel.dataOf('embeddings')?.focus === 'word' && a.panel.webviewReady, 20_000);
    const map = a.panel.dataOf('embeddings')!;
    assert.ok(map.words.length >= 50 && map.xy.length === 2 * map.words.length);
  });

  it('hovering an ordinary word lists its neighbours; a LaTeX command does not', async () => {
    await api();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, '03-word2vec.tex')));
    const text = doc.getText();
    const hoverText = async (offset: number) =>
      ((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) as vscode.Hover[])
        .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
        .join('\n');
    assert.match(await hoverText(text.indexOf('every word') + 8), /Nearest words/);
    assert.doesNotMatch(await hoverText(text.indexOf('\\section') + 3), /Nearest words/);
  });

  it('solves an analogy and reports unknown words clearly', async () => {
    const a = await api();
    const r = (await vscode.commands.executeCommand('mlStudy.solveAnalogy', 'softmax logistic attention')) as Array<{ word: string }>;
    assert.ok(Array.isArray(r) && r.length > 0);
    assert.ok(!r.some((n) => ['softmax', 'logistic', 'attention'].includes(n.word)), 'query words are excluded');
    assert.equal(await vscode.commands.executeCommand('mlStudy.solveAnalogy', 'softmax logistic zzzzqx'), undefined);
    assert.match(a.recentMessages().at(-1)!.message, /zzzzqx/);
  });

  it('exports word2vec text and imports it back as a model of the same vocabulary', async () => {
    const a = await api();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-vec-'));
    const out = path.join(dir, 'vectors.txt');
    const files = (await vscode.commands.executeCommand('mlStudy.exportVectors', { format: 'word2vec', out })) as string[];
    assert.deepEqual(files, [out]);
    const [header] = fs.readFileSync(out, 'utf8').split('\n', 1);
    const [n, dim] = header.split(' ').map(Number);
    assert.ok(n > 50 && dim === 16, header);
    const imported = (await vscode.commands.executeCommand('mlStudy.importVectors', out)) as string;
    assert.ok(imported && fs.existsSync(path.join(imported, 'model.json')));
    assert.equal(a.vectors.current()!.dir, imported, 'the imported vectors are in use');
    const ns = (await vscode.commands.executeCommand('mlStudy.showNeighbours', 'word')) as unknown[];
    assert.equal(ns.length, 10);
    // A corrupt file is refused and nothing is written.
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(bad, '3 4\nfoo 1 2 3\n');
    const before = a.jobs.savedModels().length;
    assert.equal(await vscode.commands.executeCommand('mlStudy.importVectors', bad), undefined);
    assert.equal(a.jobs.savedModels().length, before);
    assert.equal(a.recentMessages().at(-1)!.level, 'error');
  });
});
