import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROWN_WORD_TRANSFORMER } from '../../../src/core/attention/presets';
import { TRANSFORMER_PARAMS } from '../../../src/core/attention/params';
import { validateParams } from '../../../src/core/params';
import { usesSampled } from '../../../src/core/nn/sampledSoftmax';
import { formOf } from '../../../src/extension/models';
import { repoRoot } from '../word2vec/helpers';

const root = repoRoot();

test('the Brown word-level preset is a valid Transformer run: word level, sampled softmax, 3 minutes of wall time', () => {
  const p = validateParams(TRANSFORMER_PARAMS, BROWN_WORD_TRANSFORMER.params);
  // every parameter is given, so a change of the form's defaults cannot change the preset's run
  assert.deepEqual(Object.keys(BROWN_WORD_TRANSFORMER.params).sort(), TRANSFORMER_PARAMS.map((s) => s.name).sort());
  assert.equal(p.level, 'word');
  assert.equal(p.timeBudget, 180);
  assert.equal(p.steps, 0);
  assert.equal(p.epochs, 0);
  assert.equal(p.softmax, 'sampled');
  assert.equal(usesSampled(p.softmax, p.maxVocab), true);
  assert.equal(p.maxVocab, 10000);
  assert.ok(p.layers * p.heads >= 8, 'enough heads to count patterns in');
  assert.equal(BROWN_WORD_TRANSFORMER.corpus, 'brown');
  assert.deepEqual(validateParams(formOf('transformer').params, BROWN_WORD_TRANSFORMER.params), p);
});

test('the preset is a palette command and a button of the Training view', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'mlStudy.trainTransformerBrownWords');
  assert.ok(cmd, 'command contributed');
  assert.match(cmd.title, /Brown, Word Level \(3 min\)/);
  assert.equal(cmd.category, 'ML Study');
  const button = pkg.contributes.menus['view/title'].find((m: { command: string }) => m.command === 'mlStudy.trainTransformerBrownWords');
  assert.equal(button?.when, 'view == mlStudy.trainingView');
  const src = fs.readFileSync(path.join(root, 'src', 'extension', 'commands.ts'), 'utf8');
  assert.match(src, /reg\('mlStudy\.trainTransformerBrownWords'/);
});
