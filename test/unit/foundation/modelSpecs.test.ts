import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SEQ2SEQ_PARAMS, TRANSFORMER_PARAMS } from '../../../src/core/attention/params';
import { LSTM_PARAMS } from '../../../src/core/lstm/params';
import { MLM_PARAMS } from '../../../src/core/mlm/params';
import { AUTOENCODER_PARAMS, VAE_PARAMS } from '../../../src/core/vae/params';
import { DISTILL_TRAIN_PARAMS } from '../../../src/core/distill/params';
import { PROJECTION_PARAMS, STEPPER_PARAMS, WORD2VEC_PARAMS } from '../../../src/core/word2vec/params';
import { repoRoot } from '../word2vec/helpers';

/**
 * The models' parameter lists, field by field, against a JSON record of them (test/fixtures/params/model-specs.json).
 * The sidebar form, the CLI flags and the worker's validation are all drawn from these lists, so a spec built by a
 * shared helper must come out exactly as the record says: same names, labels, descriptions, defaults and ranges.
 */
describe('model parameter lists', () => {
  const record = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'params', 'model-specs.json'), 'utf8')) as Record<string, unknown>;
  const lists: Record<string, unknown> = { TRANSFORMER_PARAMS, SEQ2SEQ_PARAMS, LSTM_PARAMS, VAE_PARAMS, AUTOENCODER_PARAMS, WORD2VEC_PARAMS, PROJECTION_PARAMS, DISTILL_TRAIN_PARAMS, MLM_PARAMS, STEPPER_PARAMS };

  it('covers every recorded list', () => {
    assert.deepEqual(Object.keys(lists).sort(), Object.keys(record).sort());
  });

  for (const [name, list] of Object.entries(lists)) {
    it(`${name} matches its record`, () => {
      assert.deepStrictEqual(list, record[name]);
    });
  }
});
