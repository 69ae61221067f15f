import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coerceParam, defaults, flagOf, type ParamSpec, validateParams, ValidationError } from '../../../src/core/params';
import { XOR_PARAMS } from '../../../src/core/xor/params';

const lr = XOR_PARAMS.find((p) => p.name === 'lr')!;
const epochs = XOR_PARAMS.find((p) => p.name === 'epochs')!;

describe('hyperparameter validation', () => {
  it('coerces numbers from strings and checks ranges', () => {
    assert.equal(coerceParam(epochs, '300'), 300);
    assert.equal(coerceParam(lr, ' 0.5 '), 0.5);
    assert.throws(() => coerceParam(epochs, '1.5'), /whole number/);
    assert.throws(() => coerceParam(epochs, 0), /at least 1/);
    assert.throws(() => coerceParam(lr, 0), /greater than 0/);
    assert.throws(() => coerceParam(lr, 'fast'), /must be a number/);
    assert.throws(() => coerceParam(lr, ''), /must be a number/);
    assert.throws(() => coerceParam(lr, Infinity), /must be a number/);
    assert.throws(() => coerceParam(lr, NaN), /must be a number/);
  });

  it('checks enums, booleans and strings', () => {
    const act = XOR_PARAMS.find((p) => p.name === 'activation')!;
    assert.equal(coerceParam(act, 'sigmoid'), 'sigmoid');
    assert.throws(() => coerceParam(act, 'relu6'), /one of tanh, sigmoid/);
    const b: ParamSpec = { kind: 'bool', name: 'x', label: 'X', description: '', default: false };
    assert.equal(coerceParam(b, 'false'), false);
    assert.equal(coerceParam(b, true), true);
    assert.throws(() => coerceParam(b, 'maybe'), ValidationError);
    const s: ParamSpec = { kind: 'string', name: 's', label: 'S', description: '', default: '', maxLength: 3 };
    assert.throws(() => coerceParam(s, 'abcd'), /at most 3/);
  });

  it('validates whole objects: defaults fill gaps, unknown keys are refused, the input is untouched', () => {
    const input = { epochs: '10' };
    const v = validateParams(XOR_PARAMS, input);
    assert.deepEqual(v, { ...defaults(XOR_PARAMS), epochs: 10 });
    assert.deepEqual(input, { epochs: '10' });
    assert.throws(() => validateParams(XOR_PARAMS, { epoch: 3 }), /unknown parameter "epoch"/);
    assert.throws(() => validateParams(XOR_PARAMS, null), /must be an object/);
    assert.throws(() => validateParams(XOR_PARAMS, [1]), /must be an object/);
    try {
      validateParams(XOR_PARAMS, { hidden: -1 });
      assert.fail('accepted hidden -1');
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.field, 'hidden');
    }
  });

  it('derives kebab-case CLI flags', () => {
    assert.equal(flagOf({ kind: 'int', name: 'minCount', label: '', description: '', default: 1, min: 0, max: 9 }), 'min-count');
    assert.equal(flagOf(lr), 'lr');
  });
});
