/**
 * The independent check of the softened distributions, shared by the unit and integration tests: the teacher's
 * logits after `position` tokens of `text` from ONE forward over the whole sequence [start, ...tokens] (not the
 * engine's token-by-token reading), and softmax(z / T) with naive exponentials.
 */
import assert from 'node:assert/strict';
import type { SoftenedTokens } from '../../../src/core/distill/inspect';
import type { LstmModel } from '../../../src/core/lstm/engine';
import { startId } from '../../../src/core/lstm/inspect';
import { Workspace } from '../../../src/core/lstm/model';
import { splitTokens } from '../../../src/core/lm/vocab';

export function assertSoftenedMatches(model: LstmModel, text: string, position: number | undefined, shown: SoftenedTokens): void {
  const ids = Array.from(model.vocab.encodeTokens(splitTokens(text, model.vocab.level)).ids);
  const seq = [startId(model), ...ids.slice(0, position ?? ids.length)];
  const ws = new Workspace(model.config, 1, seq.length, { ops: 'js64', train: false });
  ws.theta.set(model.theta);
  ws.resetState();
  ws.forward(seq, null, false);
  const V = model.config.vocabSize;
  const z = Array.from(ws.logits.subarray((seq.length - 1) * V, seq.length * V));
  for (const { temperature: T, probs, rest } of shown.temperatures) {
    const e = z.map((v) => Math.exp(v / T));
    const sum = e.reduce((a, b) => a + b, 0);
    shown.tokens.forEach((tok, k) => {
      const id = model.vocab.idOf(tok)!;
      assert.ok(Math.abs(probs[k] - e[id] / sum) < 1e-5, `T ${T}, ${JSON.stringify(tok)}: ${probs[k]} vs ${e[id] / sum}`);
    });
    assert.ok(Math.abs(rest + probs.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  }
}
