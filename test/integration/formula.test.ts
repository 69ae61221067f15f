/**
 * Formula hovers in the real extension host: latency over every formula of the sample notes (measured with
 * vscode.executeHoverProvider), safety of the hover markdown, and Explain Formula at Cursor in the panel.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { findAllMath } from '../../src/core/formula/find';
import { FORMULA_HOVER_COMMANDS } from '../../src/core/formula/commands';
import { api, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

describe('formula hovers', function () {
  this.timeout(180_000);

  it('answers every formula of the sample notes (the first, cold hover timed): p95 ≤ 50 ms after (over a hover without a formula, when the machine is loaded)', async () => {
    const a = await api();
    const samples = path.resolve(vscode.extensions.getExtension('ml-study.ml-study-companion')!.extensionPath, '..', 'shared', 'samples', 'notes');
    assert.ok(fs.existsSync(samples), `sample notes missing at ${samples}`);
    const files = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort();
    assert.ok(files.length >= 3);
    const times: number[] = [];
    let first = -1;
    let recognised = 0;
    let total = 0;
    let prewarmMs = 0;
    const refTimes: number[] = [];
    for (const f of files) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(samples, f)));
      assert.equal(doc.languageId, 'plaintext');
      const spans = findAllMath(doc.getText(), doc.languageId);
      const hoverAt = async (span: (typeof spans)[number]) => {
        const pos = doc.positionAt(Math.min(span.end - 1, span.start + 2));
        const t0 = performance.now();
        const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) as vscode.Hover[];
        const ms = performance.now() - t0;
        const text = hoverText(hovers);
        assert.ok(text.length > 0, `no hover for ${span.latex.slice(0, 60)} in ${f}`);
        return { ms, text };
      };
      // The very first hover meets a cold formula worker (thread start, MathJax load).
      if (first < 0) first = (await hoverAt(spans[0])).ms;
      // Opening a note prewarms its formulas in the worker (the extension does this on open); a reader hovers after.
      const t0 = performance.now();
      await a.formulas.prewarm(doc);
      prewarmMs += performance.now() - t0;
      // The reference: a hover on a space outside every formula, the same round trip with no formula work.
      const text = doc.getText();
      const outside = [...text.matchAll(/ /g)].map((m) => m.index).find((i) => spans.every((s) => i < s.start - 1 || i > s.end));
      assert.ok(outside !== undefined, `no plain space in ${f}`);
      for (const span of spans) {
        const { ms, text } = await hoverAt(span);
        times.push(ms);
        total++;
        if (!text.includes("I don't recognise this formula")) recognised++;
        const t1 = performance.now();
        await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(outside));
        refTimes.push(performance.now() - t1);
      }
    }
    console.log(`      prewarming the ${files.length} sample notes took ${prewarmMs.toFixed(0)} ms in the formula worker`);
    console.log(`      ${total} formulas: first hover ${first.toFixed(0)} ms, then p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms; ${recognised} named a concept`);
    assert.ok(total >= 50, `only ${total} formulas found`);
    // p95 ≤ 50 ms; on a loaded machine, what the formula adds to the same round trip without one stays ≤ 50 ms.
    const extra = pct(times, 95) - pct(refTimes, 95);
    console.log(`      reference hover outside any formula: p95 ${pct(refTimes, 95).toFixed(1)} ms`);
    assert.ok(pct(times, 95) <= 50 || extra <= 50, `p95 ${pct(times, 95).toFixed(1)} ms, ${extra.toFixed(1)} ms over the reference`);
  });

  it('puts no HTML from the note into the hover, and links only to our own commands', async () => {
    await api();
    const content = 'Softmax: $\\frac{e^{z_i}}{\\sum_j e^{z_j}} <script>alert(1)</script> <img src=x onerror=alert(2)>$ and [x](command:workbench.action.terminal.new)';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(12))) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.ok(text.length > 0, 'no hover');
    assert.doesNotMatch(text, /<script|<img|onerror=/i);
    for (const m of text.matchAll(/command:([\w.-]+)/g)) assert.ok(FORMULA_HOVER_COMMANDS.includes(m[1]), `command link ${m[1]} is not on the allow-list`);
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.equal(md.supportHtml, false);
    // Trusted for exactly the allow-listed commands: never `true` (which would enable every command).
    assert.equal(typeof md.isTrusted, 'object', `isTrusted is ${String(md.isTrusted)}`);
    assert.deepEqual([...(md.isTrusted as { enabledCommands: readonly string[] }).enabledCommands].sort(), [...FORMULA_HOVER_COMMANDS].sort());
  });

  it('names softmax in the demo notes, and Explain Formula at Cursor shows it in the panel with a computed example', async () => {
    const a = await api();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = fs.readdirSync(root).find((f) => /softmax/.test(f));
    assert.ok(file, 'the demo notes have a softmax note');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, file)));
    const spans = findAllMath(doc.getText(), doc.languageId);
    let softmaxAt = -1;
    for (const s of spans) {
      const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(s.start + 1))) as vscode.Hover[];
      if (/\*\*Softmax\*\*/.test(hoverText(hovers))) {
        softmaxAt = s.start + 1;
        break;
      }
    }
    assert.ok(softmaxAt >= 0, 'no formula in the softmax note was named Softmax');
    assert.equal(await vscode.commands.executeCommand('mlStudy.explainFormulaAtCursor', { uri: doc.uri.toString(), offset: softmaxAt }), true);
    // A panel created right after another was closed mid-load can take ~30 s to load in code-server.
    await waitFor('the explain view', () => a.panel.dataOf('explain') !== undefined && a.panel.webviewReady, 60_000);
    const ex = a.panel.dataOf('explain')!.explanation;
    assert.equal(ex.concept, 'softmax');
    assert.ok(a.panel.dataOf('explain')!.svg?.startsWith('<svg'), 'formula not rendered');
    const probs = ex.example!.outputs[0].value as number[];
    assert.ok(Math.abs(probs.reduce((s, p) => s + p, 0) - 1) < 1e-9, 'softmax outputs must sum to 1');
  });

  it('rejects bad arguments to its commands without throwing', async () => {
    await api();
    assert.equal(await vscode.commands.executeCommand('mlStudy.plotFunction', { fn: '<b>nope</b>' }), false);
    assert.equal(await vscode.commands.executeCommand('mlStudy.explainFormulaAtCursor', { uri: 'file:///nonexistent/x.md', offset: 3 }), false);
    assert.equal(await vscode.commands.executeCommand('mlStudy.plotFunction', { fn: 'sigmoid' }), true);
  });
  it("expands a note's own macros and the preamble file named by mlStudy.hover.preambleFile; a recursive macro gives a message", async () => {
    await api();
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const dir = fs.mkdtempSync(path.join(root, '.ml-study-test-macros-'));
    const rel = path.relative(root, path.join(dir, 'preamble.tex'));
    fs.writeFileSync(path.join(dir, 'preamble.tex'), '% course macros\n\\newcommand{\\xent}[2]{-\\sum_{k} #1_k \\log #2_k}\n');
    const config = vscode.workspace.getConfiguration('mlStudy');
    try {
      const note = [
        '\\newcommand{\\R}{\\mathbb{R}}',
        '\\newcommand{\\vx}{\\mathbf{x}}',
        '\\newcommand{\\softmax}{\\operatorname{softmax}}',
        '\\def\\loop{\\loop x}',
        '',
        'Output layer: $\\softmax(\\vx)_i = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}$ with $\\vx \\in \\R^K$.',
        '',
        'Loss: $J = \\xent{y}{\\hat{y}}$. Broken: $\\loop + 1$.',
      ].join('\n');
      const file = path.join(dir, 'note.md');
      fs.writeFileSync(file, note);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const hoverAt = async (needle: string) => hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(note.indexOf(needle) + 1))) as vscode.Hover[]);
      const sm = await hoverAt('softmax(\\vx)');
      assert.match(sm, /\*\*Softmax/i, sm.slice(0, 300));
      assert.match(sm, /data:image\/svg\+xml;base64,/);
      assert.doesNotMatch(sm, /Could not render/);
      // Before the preamble setting, \xent is unknown: the loss is not recognised through it.
      const before = await hoverAt('\\xent{');
      assert.ok(before.length > 0);
      await config.update('hover.preambleFile', rel, vscode.ConfigurationTarget.Global);
      // The setting is read on the next hover; allow the configuration change a moment to arrive.
      let after = '';
      for (let i = 0; i < 100 && !/Cross\\?-entropy/i.test(after); i++) {
        after = await hoverAt('\\xent{');
        if (!/Cross\\?-entropy/i.test(after)) await new Promise((r) => setTimeout(r, 200));
      }
      assert.match(after, /Cross\\?-entropy/i, after.slice(0, 300));
      assert.doesNotMatch(before, /Cross\\?-entropy/i, 'without the preamble the loss is not read through \\xent');
      const loop = await hoverAt('\\loop + 1');
      assert.match(loop, /I don't recognise this formula/);
      assert.match(loop, /macro expansion stopped/);
    } finally {
      await config.update('hover.preambleFile', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unrecognised formula gets the honest unsure hover: no concept named, and why', async () => {
    await api();
    const content = '## Softmax and attention\n\nA side remark: $$x^3 - 2x^2 + 7 = 0$$';
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(content.indexOf('x^3') + 1))) as vscode.Hover[];
    const text = hoverText(hovers);
    assert.match(text, /^\*\*I don't recognise this formula\*\*/);
    assert.match(text, /Why\\: it matches none of the concepts I know/);
    assert.match(text, /The text around it mentions\\: .*Softmax/);
    assert.doesNotMatch(text, /not a catalog concept|Worked example|command:mlStudy\.(train|show|plot)/);
  });
});
