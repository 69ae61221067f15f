import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import './cli-argv';
import { runCli } from '../runCli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-cli-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const corpus = path.join(tmp, 'notes.txt');
fs.writeFileSync(corpus, Array.from({ length: 300 }, (_, i) => ['the cat sat on the mat.', 'a model predicts the next character.', 'surprisal is minus the log probability.'][i % 3]).join('\n'));
const model = path.join(tmp, 'model');
const SMALL = ['--batch', '4', '--seq', '16', '--hidden', '16', '--embedding', '8', '--eval-every', '4'];


test('train lstm --json prints the documented fields and writes the model', async () => {
  const r = await runCli('train', 'lstm', '--corpus', corpus, '--out', model, '--steps', '8', ...SMALL, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  for (const k of ['steps', 'seconds', 'tokensPerSecond', 'trainLoss', 'heldOutLoss', 'heldOutPerplexity', 'bitsPerChar']) assert.equal(typeof j[k], 'number', k);
  assert.equal(j.steps, 8);
  assert.ok(Math.abs(j.heldOutPerplexity - Math.exp(j.heldOutLoss)) < 1e-9 * j.heldOutPerplexity);
  assert.match(r.err, /step 8\/8/);
  assert.ok(fs.existsSync(path.join(model, 'model.json')));
  const epochs = await runCli('train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'ep'), '--epochs', '2', ...SMALL, '--json');
  assert.equal(epochs.code, 0, epochs.err);
  assert.equal(JSON.parse(epochs.out).epochs, 2, '--epochs alone sets the run length');
  const more = await runCli('train', 'lstm', '--corpus', corpus, '--out', model, '--resume', model, '--steps', '12', ...SMALL, '--json');
  assert.equal(more.code, 0, more.err);
  const m = JSON.parse(more.out);
  assert.equal(m.resumedFromStep, 8);
  assert.equal(m.steps, 12);
  assert.equal(m.cell, 'lstm');
  const gru = await runCli('train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'gru'), '--cell', 'gru', '--steps', '4', ...SMALL, '--json');
  assert.equal(gru.code, 0, gru.err);
  assert.equal(JSON.parse(gru.out).cell, 'gru');
  assert.match(gru.err, /training a GRU language model/);
  const gen = await runCli('generate', path.join(tmp, 'gru'), '--prompt', 'the', '--length', '5', '--json');
  assert.equal(gen.code, 0, gen.err);
});

test('generate and perplexity dispatch on the model folder', async () => {
  const g = await runCli('generate', model, '--prompt', 'the Cat', '--length', '12', '--temperature', '0.7', '--top-k', '5', '--top-p', '0.9', '--seed', '3', '--json');
  assert.equal(g.code, 0, g.err);
  const j = JSON.parse(g.out);
  assert.equal(j.model, 'lstm');
  assert.equal(j.tokens.length, 12);
  assert.deepEqual(j.unknown, ['C']);
  assert.match(g.err, /not in the model's vocabulary/);
  const again = await runCli('generate', model, '--prompt', 'the Cat', '--length', '12', '--temperature', '0.7', '--top-k', '5', '--top-p', '0.9', '--seed', '3', '--json');
  assert.equal(JSON.parse(again.out).text, j.text);
  const p = await runCli('perplexity', model, '--corpus', corpus, '--json');
  assert.equal(p.code, 0, p.err);
  const pj = JSON.parse(p.out);
  assert.ok(pj.tokens > 1000);
  assert.ok(Math.abs(pj.perplexity - Math.exp(pj.crossEntropy)) < 1e-9 * pj.perplexity);
  const human = await runCli('perplexity', model, '--corpus', corpus);
  assert.match(human.out, /^perplexity \d+\.\d+/);
});

test('usage errors exit 2, runtime errors exit 1, each with a one-line message', async () => {
  const empty = path.join(tmp, 'empty.txt');
  fs.writeFileSync(empty, '');
  const tiny = path.join(tmp, 'tiny.txt');
  fs.writeFileSync(tiny, 'a short note');
  const broken = path.join(tmp, 'broken');
  fs.cpSync(model, broken, { recursive: true });
  fs.truncateSync(path.join(broken, 'weights.bin'), 1000);
  const cases: [string[], number, RegExp][] = [
    [['train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--hidden', '0'], 2, /Hidden units/],
    [['train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--lr', 'fast'], 2, /--lr needs a number/],
    [['train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--steps', '5', '--epochs', '2'], 2, /only one of/],
    [['train', 'lstm', '--corpus', corpus], 2, /--out is required/],
    [['train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--level', 'byte'], 2, /char, word/],
    [['train', 'lstm', '--corpus', corpus, '--out', path.join(tmp, 'x'), '--cell', 'lstmm'], 2, /lstm, gru, rnn/],
    [['generate', model, '--prompt', 'x', '--top-p', '2'], 2, /top-p/],
    [['generate', '--prompt', 'x'], 2, /takes 1 argument/],
    [['train', 'lstm', '--corpus', empty, '--out', path.join(tmp, 'x')], 1, /empty/],
    [['train', 'lstm', '--corpus', tiny, '--out', path.join(tmp, 'x')], 1, /too short/],
    [['train', 'lstm', '--corpus', path.join(tmp, 'missing.txt'), '--out', path.join(tmp, 'x')], 1, /no such file/],
    [['generate', broken, '--prompt', 'the'], 1, /corrupt/],
    [['perplexity', path.join(tmp, 'nothing'), '--corpus', corpus], 1, /does not exist/],
    [['perplexity', model, '--corpus', tiny.replace('tiny', 'none')], 1, /no such file/],
  ];
  for (const [argv, code, re] of cases) {
    const r = await runCli(...argv);
    assert.equal(r.code, code, `${argv.join(' ')} → ${r.code}: ${r.err}`);
    assert.match(r.err, re, argv.join(' '));
    const lines = r.err.trim().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('ml-study:')).length, 1, `one error line: ${r.err}`);
    assert.match(lines[lines.length - 1], /^ml-study: /);
  }
  assert.equal(fs.existsSync(path.join(tmp, 'x')), false);
  assert.equal(fs.statSync(path.join(broken, 'weights.bin')).size, 1000, 'the broken model is left as it was');
});
