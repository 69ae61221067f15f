/** Activation: runs first (files run in name order), before anything has started the training worker. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api } from './helpers';

describe('activation', () => {
  it('contributes its commands under the ML Study category and activates without training anything', async () => {
    const a = await api();
    const all = await vscode.commands.getCommands(true);
    for (const id of ['mlStudy.openStudyPanel', 'mlStudy.trainXor', 'mlStudy.stopTraining', 'mlStudy.exportChart']) assert.ok(all.includes(id), `${id} missing`);
    assert.equal(a.jobs.workerClient.alive, false, 'the worker must start lazily, not on activation');
  });

  it('never loads tfjs on the extension host', async () => {
    await api();
    const loaded = Object.keys(require.cache).filter((k) => /tensorflow|tfjs/i.test(k));
    assert.deepEqual(loaded, []);
    const bundle = fs.readFileSync(path.join(vscode.extensions.getExtension('ml-study.ml-study-companion')!.extensionPath, 'dist', 'extension.js'), 'utf8');
    assert.ok(!bundle.includes('@tensorflow/tfjs-core'), 'the extension bundle must not contain tfjs');
  });

});
