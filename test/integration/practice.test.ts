/**
 * Practice in the real extension host: Practice This Note finds the note's concepts through the formula worker,
 * asks a question, grades a right and a wrong answer (the wrong one back to Leitner box 1, due in 10 minutes), keeps
 * progress in .ml-study/practice.json, refuses a crafted practice.json (left untouched, progress in memory), grades a
 * "what happens if…" question by a run in the training worker, and the Get Started walkthrough's steps complete.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, waitForJob } from './helpers';
import type { PracticePanelData } from '../../src/shared/views/practice';
import { parseProgress } from '../../src/core/practice/progress';
import { BOX_INTERVALS_MS } from '../../src/core/practice/schedule';
import { WALKTHROUGH_KEYS } from '../../src/extension/practice/walkthrough';

const root = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const practiceFile = () => path.join(root(), '.ml-study', 'practice.json');
const note = (name: string) => path.join(root(), name);

async function practise(name: string): Promise<PracticePanelData> {
  const doc = await vscode.workspace.openTextDocument(note(name));
  await vscode.window.showTextDocument(doc);
  const data = (await vscode.commands.executeCommand('mlStudy.practiceNote')) as PracticePanelData | undefined;
  assert.ok(data, 'Practice This Note returned nothing');
  return data;
}

/** The open numeric question's answer, typed as a student would (a vector in brackets). */
async function rightAnswer(): Promise<string> {
  const q = (await api()).practice.currentQuestion();
  assert.ok(q && q.kind === 'numeric', 'a numeric question is open');
  return q.answer.length === 1 ? String(q.answer[0]) : `(${q.answer.join(', ')})`;
}

describe('Practice', () => {
  let saved: Buffer | undefined;
  before(() => {
    saved = fs.existsSync(practiceFile()) ? fs.readFileSync(practiceFile()) : undefined;
    fs.rmSync(practiceFile(), { force: true });
  });
  after(() => {
    fs.rmSync(practiceFile(), { force: true });
    if (saved) fs.writeFileSync(practiceFile(), saved);
  });

  it('grades a right and a wrong answer, reschedules the wrong one and keeps progress in practice.json', async () => {
    const a = await api();
    const first = await practise('02-softmax-and-cross-entropy.md');
    assert.ok(first.concepts.some((c) => /softmax/i.test(c)), `concepts: ${first.concepts.join(', ')}`);
    assert.equal(first.storage.kind, 'file');
    const q1 = first.question!;
    assert.equal(q1.kind, 'numeric');

    const right = await a.practice.answer({ id: q1.id, answer: await rightAnswer() });
    assert.equal(right.result?.correct, true);
    assert.equal(right.result?.next, 'in 1 day');
    let onDisk = parseProgress(JSON.parse(fs.readFileSync(practiceFile(), 'utf8')));
    const t1 = a.practice.currentQuestion()!.template;
    assert.equal(onDisk.cards[t1]?.box, 2);
    assert.equal(onDisk.cards[t1]?.right, 1);

    const second = a.practice.next();
    const q2 = second.question!;
    assert.notEqual(a.practice.currentQuestion()!.template, t1, 'another kind of question next');
    const before = fs.readFileSync(practiceFile(), 'utf8');
    const unread = await a.practice.answer({ id: q2.id, answer: 'forty-two' });
    assert.match(unread.parseError ?? '', /is not a number I can read/);
    assert.equal(unread.result, null);
    assert.equal(fs.readFileSync(practiceFile(), 'utf8'), before, 'an unreadable answer records nothing');

    const wrong = await a.practice.answer({ id: q2.id, answer: `(${Array(q2.components).fill(1000).join(', ')})` });
    const t2 = a.practice.currentQuestion()!.template;
    assert.equal(wrong.result?.correct, false);
    assert.equal(wrong.result?.next, 'in 10 minutes');
    onDisk = parseProgress(JSON.parse(fs.readFileSync(practiceFile(), 'utf8')));
    const card = onDisk.cards[t2]!;
    assert.equal(card.box, 1);
    assert.equal(card.wrong, 1);
    assert.equal(card.due - card.last, BOX_INTERVALS_MS[0], 'due again in 10 minutes');
    assert.equal(a.panel.dataOf('practice')?.progress.some((r) => r.wrong === 1), true);
    await assert.rejects(a.practice.answer({ id: q2.id, answer: '1' }), /answered already/);
    assert.ok(a.walkthroughDone().includes('practiced'));
  });

  it('refuses a crafted practice.json cleanly: left untouched, progress in memory only', async () => {
    const a = await api();
    const crafted = JSON.stringify({ version: 1, cards: { sigmoid: { box: 99, due: 0, right: 0, wrong: 0, last: 0 } }, asked: {} });
    fs.writeFileSync(practiceFile(), crafted);
    const data = await practise('02-softmax-and-cross-entropy.md');
    assert.equal(data.storage.kind, 'memory');
    assert.match(data.storage.note, /practice\.json was refused and left untouched \(card "sigmoid": box must be 1\.\.5\)/);
    assert.ok(data.question, 'practice goes on');
    const r = await a.practice.answer({ id: data.question!.id, answer: await rightAnswer() });
    assert.equal(r.result?.correct, true);
    assert.equal(fs.readFileSync(practiceFile(), 'utf8'), crafted, 'the crafted file is not overwritten');
    fs.rmSync(practiceFile());
  });

  it('a "what happens if…" question is graded by a run in the training worker', async () => {
    const a = await api();
    let data = await practise('01-xor-and-mlps.md');
    for (let i = 0; i < 8 && data.question?.kind !== 'experiment'; i++) data = a.practice.next();
    const q = data.question!;
    assert.equal(q.kind, 'experiment', 'the XOR note leads to the 0-hidden-units question');
    const r = await a.practice.answer({ id: q.id, answer: 0 });
    const o = r.result!.outcome!;
    assert.equal(o.template, 'xor-hidden0');
    assert.ok(o.template === 'xor-hidden0' && o.runs[0].hidden === 0 && o.runs[0].accuracy < 1, 'the linear model misses a point');
    assert.equal(r.result!.correct, false, 'choice 0 says accuracy 1: the run says otherwise');
    assert.ok(r.result!.solution.some((s) => /0 hidden units: accuracy 0\.\d+/.test(s)));
  });

  it('Practice the Course gathers the concepts of every note; the window question trains word2vec twice in the worker', async () => {
    const a = await api();
    const data = (await vscode.commands.executeCommand('mlStudy.practiceCourse')) as PracticePanelData;
    assert.match(data.scope, /^the course: 6 notes$/);
    for (const title of [/softmax/i, /sigmoid|logistic/i, /perplexity/i, /skip-gram|negative sampling/i, /attention/i]) assert.ok(data.concepts.some((c) => title.test(c)), `${title} in ${data.concepts.join(', ')}`);
    let d = data;
    for (let i = 0; i < 20 && !d.question?.id.startsWith('window-neighbours'); i++) d = a.practice.next();
    const q = d.question!;
    assert.ok(q.id.startsWith('window-neighbours:'), 'the word2vec notes lead to the window question');
    const r = await a.practice.answer({ id: q.id, answer: 1 });
    const o = r.result!.outcome!;
    assert.ok(o.template === 'window-neighbours');
    assert.deepEqual(o.runs.map((x) => [x.window, x.neighbours.length]), [[1, 5], [10, 5]]);
    const second = new Set(o.runs[1].neighbours.map((n) => n.word));
    const shared = o.runs[0].neighbours.filter((n) => second.has(n.word)).length;
    assert.equal(r.result!.correct, (shared > 0 && shared < 5), 'graded by the overlap the run found');
  });

  it('the Get Started walkthrough: valid steps whose completion events fire', async () => {
    const a = await api();
    const extPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const pkg = JSON.parse(fs.readFileSync(path.join(extPath, 'package.json'), 'utf8'));
    const [walk] = pkg.contributes.walkthroughs;
    const commands = new Set(await vscode.commands.getCommands(true));
    const keys = new Set<string>(Object.values(WALKTHROUGH_KEYS));
    for (const step of walk.steps) {
      assert.ok(fs.existsSync(path.join(extPath, step.media.markdown)), step.media.markdown);
      for (const ev of step.completionEvents as string[]) {
        const [kind, arg] = [ev.slice(0, ev.indexOf(':')), ev.slice(ev.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(arg), arg);
        else assert.ok(kind === 'onContext' && (keys.has(arg) || arg === 'workspaceFolderCount != 0'), ev);
      }
      for (const m of (step.description as string).matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(m[1]), m[1]);
    }
    // the hover step: a formula hover shown
    const doc = await vscode.workspace.openTextDocument(note('02-softmax-and-cross-entropy.md'));
    const at = doc.getText().indexOf('\\frac');
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(at))) as vscode.Hover[];
    assert.ok(hovers.length > 0);
    assert.ok(a.walkthroughDone().includes('hoverShown'));
    // the training step: a run finished
    const jobId = (await vscode.commands.executeCommand('mlStudy.trainXor', { epochs: 50 })) as string;
    await waitForJob(a, jobId, ['done']);
    assert.ok(a.walkthroughDone().includes('runFinished'));
  });
});
