/**
 * Pictures leave the panel, in the real extension host: Insert into note writes the image where the (stubbed) save
 * dialog says, atomically, and inserts a reference at the note's cursor that resolves, relative to the note, to the
 * written file (markdown and LaTeX); bad pictures and a restricted workspace are refused with nothing written. Then
 * the attention scores side by side: Compare Attention Scores trains dot, general and additive on the same task,
 * seed and steps, and the Attention view's data holds each one's curve and map.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { api, waitFor, waitForJob } from './helpers';
import { modelVersionDir } from '../../src/core/util/atomicWrite';

/** A real 6 × 4 PNG (chunks with their CRCs). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(6, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(7 * 4))), chunk('IEND', Buffer.alloc(0))]);
}

describe('export: Insert into note', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlstudy-export-'));
  const picked: vscode.Uri[] = [];
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openNote(name: string, text: string, line: number, ch: number): Promise<vscode.TextEditor> {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const ed = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    ed.selection = new vscode.Selection(line, ch, line, ch);
    return ed;
  }

  it('writes the PNG where the dialog says and inserts a markdown link at the cursor that resolves to it', async () => {
    const a = await api();
    const ed = await openNote('notes/week1.md', '# Attention\n\nThe map:\n\nEnd.\n', 3, 0);
    fs.mkdirSync(path.join(dir, 'notes', 'figures'));
    a.exportImages.pickTarget = async (def, format) => {
      // The dialog opens in the note's folder, with the picture's name.
      assert.equal(path.dirname(def.fsPath), path.join(dir, 'notes'));
      assert.equal(path.basename(def.fsPath), 'alignment-map.png');
      assert.equal(format, 'png');
      const u = vscode.Uri.file(path.join(dir, 'notes', 'figures', 'alignment map'));
      picked.push(u);
      return u;
    };
    const bytes = png();
    const r = await a.exportImages.exportImage({ format: 'png', data: `data:image/png;base64,${bytes.toString('base64')}`, name: 'Alignment map', alt: 'The alignment map', action: 'note' });
    assert.equal(r.written, path.join(dir, 'notes', 'figures', 'alignment map.png'));
    assert.deepEqual(fs.readFileSync(r.written!), bytes);
    assert.equal(r.inserted, '![The alignment map](<figures/alignment map.png>)');
    await waitFor('the note to change', () => ed.document.getText().includes(r.inserted!));
    assert.equal(ed.document.lineAt(3).text, r.inserted);
    const link = /\(<(.+)>\)/.exec(ed.document.lineAt(3).text)![1];
    assert.ok(fs.existsSync(path.resolve(path.dirname(ed.document.uri.fsPath), link)), 'the link does not resolve to the image');
    // No temporary file is left beside it.
    assert.deepEqual(fs.readdirSync(path.join(dir, 'notes', 'figures')), ['alignment map.png']);
  });

  it('inserts \\includegraphics in a LaTeX note, and an SVG file parses back as what was sent', async () => {
    const a = await api();
    const ed = await openNote('tex/main.tex', '\\section{Maps}\n\n', 1, 0);
    a.exportImages.pickTarget = async (def) => vscode.Uri.file(path.join(path.dirname(def.fsPath), 'fig', 'map.png'));
    fs.mkdirSync(path.join(dir, 'tex', 'fig'));
    const r = await a.exportImages.exportImage({ format: 'png', data: `data:image/png;base64,${png().toString('base64')}`, name: 'map', alt: 'm', action: 'note' });
    assert.equal(r.inserted, '\\includegraphics{fig/map}');
    await waitFor('the note to change', () => ed.document.getText().includes(r.inserted!));
    assert.ok(fs.existsSync(path.resolve(path.dirname(ed.document.uri.fsPath), 'fig/map.png')));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#123456"/></svg>';
    a.exportImages.pickTarget = async () => vscode.Uri.file(path.join(dir, 'tex', 'fig', 'map.svg'));
    const s = await a.exportImages.exportImage({ format: 'svg', data: svg, name: 'map', alt: 'm', action: 'save' });
    assert.equal(fs.readFileSync(s.written!, 'utf8'), svg);
    assert.equal(s.inserted, undefined);
  });

  it('refuses bad pictures and a restricted workspace with one clear message, writing nothing', async () => {
    const a = await api();
    await openNote('notes/refused.md', 'x\n', 0, 0);
    let asked = 0;
    a.exportImages.pickTarget = async () => {
      asked++;
      return vscode.Uri.file(path.join(dir, 'refused.png'));
    };
    const bad = png();
    bad[0] = 0;
    await assert.rejects(a.exportImages.exportImage({ format: 'png', data: `data:image/png;base64,${bad.toString('base64')}`, name: 'm', alt: 'm', action: 'note' }), /not saved: .*not a PNG/);
    await assert.rejects(a.exportImages.exportImage({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', name: 'm', alt: 'm', action: 'note' }), /not saved: .*<script>/);
    await assert.rejects(a.exportImages.exportImage({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', name: 'm', alt: 'm', action: 'save' }), /not saved/);
    const trusted = a.exportImages.trusted;
    a.exportImages.trusted = () => false;
    try {
      await assert.rejects(a.exportImages.exportImage({ format: 'png', data: `data:image/png;base64,${png().toString('base64')}`, name: 'm', alt: 'm', action: 'note' }), /restricted \(untrusted\) workspace/);
    } finally {
      a.exportImages.trusted = trusted;
    }
    assert.equal(asked, 0, 'the save dialog opened for a refused picture');
    assert.ok(!fs.existsSync(path.join(dir, 'refused.png')));
    assert.equal(fs.readFileSync(path.join(dir, 'notes', 'refused.md'), 'utf8'), 'x\n');
    // Through the panel's request table too: the handler the webview reaches.
    const handler = a.exportImages.viewHandlers['export.image'];
    await assert.rejects(Promise.resolve(handler({ format: 'png', data: 'data:image/png;base64,AAAA', name: 'm', alt: 'm', action: 'save' })), /not saved/);
  });
});

describe('attention scores side by side', () => {
  it('trains dot, general and additive on the same task, seed and steps; each run has its curve and map', async function () {
    this.timeout(240_000);
    const a = await api();
    const jobIds = (await vscode.commands.executeCommand('mlStudy.compareAttentionScores', { task: 'reverse', steps: 10, params: { hidden: 8, batch: 8, minLen: 2, maxLen: 4 } })) as string[];
    assert.equal(jobIds.length, 3);
    const jobs = await Promise.all(jobIds.map((id) => waitForJob(a, id, ['done', 'failed'], 220_000)));
    assert.deepEqual(jobs.map((j) => j.status), ['done', 'done', 'done'], jobs.map((j) => j.error ?? '').join(' '));
    assert.deepEqual(jobs.map((j) => j.params.attention), ['dot', 'general', 'additive']);
    for (const key of ['task', 'seed', 'steps', 'hidden', 'batch', 'minLen', 'maxLen', 'evalEvery', 'lr']) assert.equal(new Set(jobs.map((j) => j.params[key])).size, 1, `${key} differs between the variants`);
    // Same training strings: the trainer's fingerprint of every string it drew, saved with each model.
    const sha = jobs.map((j) => (JSON.parse(fs.readFileSync(path.join(modelVersionDir(j.modelDir!), 'model.json'), 'utf8')) as { result: { dataSha256: string } }).result.dataSha256);
    assert.equal(new Set(sha).size, 1);
    assert.match(sha[0], /^[0-9a-f]{64}$/);
    await waitFor('the variants view data', () => a.attention.state.variants?.runs.every((r) => r.status === 'done') === true, 10_000);
    const v = a.attention.state.variants!;
    assert.deepEqual(v.runs.map((r) => r.score), ['dot', 'general', 'additive']);
    for (const r of v.runs) {
      assert.deepEqual(r.curve.map((p) => p.step), [5, 10], `${r.score}: probe steps`);
      assert.ok(r.map && r.map.attention.every((row) => Math.abs(row.reduce((s, x) => s + x, 0) - 1) < 1e-4), `${r.score}: map rows`);
    }
    assert.deepEqual(a.panel.dataOf('attention')?.variants?.runs.map((r) => r.jobId), jobIds);
    // Bad arguments: one clear message, nothing started.
    const before = a.jobs.list().length;
    assert.deepEqual(await vscode.commands.executeCommand('mlStudy.compareAttentionScores', { task: 'shuffle', steps: 10 }), []);
    assert.equal(a.jobs.list().length, before);
  });
});
