/**
 * `npm run bench:lstm -- --word`: the word-level LSTM on Brown (10,000-word vocabulary) trained with the full softmax
 * and with the sampled softmax, interleaved, from the same initial weights on the same streams; both scored with the
 * full softmax on the same held-out windows (bench/lib/wordSoftmax.ts).
 */
import { StreamBatcher } from '../../src/core/lm/batcher';
import { Adam, clipGlobalNorm, initParams, Workspace, type LstmConfig } from '../../src/core/lstm/model';
import { Rng } from '../../src/core/util/rng';
import { runWordSoftmaxBench, softmaxRunner, type SoftmaxRunner, wordSetup } from '../lib/wordSoftmax';
import type { Flags } from '../lib/results';

const B = 32, T = 64, E = 32, H = 128, LR = 3e-3, CLIP = 5, SEED = 1;

export async function wordBench(flags: Flags): Promise<void> {
  const setup = wordSetup(flags, 'budget');
  const { vocab, train, held, sampler, samples } = setup;
  const evalTokens = flags.number('eval-tokens', 16384, true);
  const cfg: LstmConfig = { vocabSize: vocab.size, embedding: E, hidden: H, layers: 1, dropout: 0 };
  const theta0 = Float32Array.from(initParams(cfg, SEED));
  // held-out windows of T + 1 words, each scored from a zero state with the full softmax
  const nWin = Math.floor(Math.min(held.length, evalTokens) / (T + 1));
  const runner = (softmax: 'full' | 'sampled'): SoftmaxRunner => {
    const ws = new Workspace(cfg, B, T, { ops: 'wasm', ...(softmax === 'sampled' ? { sampledClasses: samples } : {}) });
    ws.theta.set(theta0);
    const adam = new Adam(ws.P, LR);
    const batcher = new StreamBatcher(train, B, T);
    let step = 0;
    return softmaxRunner(softmax, samples, {
      async step() {
        const b = batcher.next();
        if (b.reset) ws.resetState();
        if (softmax === 'sampled') ws.sampledSet = sampler.draw(samples, new Rng(SEED * 7919 + step));
        step++;
        const loss = ws.forward(b.inputs, b.targets, true);
        ws.backward();
        clipGlobalNorm(ws.grad, CLIP);
        adam.step(ws.theta, ws.grad);
        return loss;
      },
      async heldOut() {
        const ev = new Workspace(cfg, B, T, { ops: 'wasm', train: false });
        ev.theta.set(ws.theta);
        let sum = 0;
        const inp = new Int32Array(B * T);
        const tgt = new Int32Array(B * T);
        for (let s = 0; s < nWin; s += B) {
          const nb = Math.min(B, nWin - s);
          for (let w = 0; w < B; w++) {
            for (let t = 0; t < T; t++) {
              const at = (s + Math.min(w, nb - 1)) * (T + 1) + t;
              inp[w * T + t] = held[at];
              tgt[w * T + t] = held[at + 1];
            }
          }
          ev.resetState();
          ev.forward(inp, tgt, false);
          for (let t = 0; t < T; t++) for (let b = 0; b < nb; b++) sum += ev.surp[t * B + b];
        }
        return sum / (nWin * T);
      },
      dispose() {},
    });
  };
  await runWordSoftmaxBench({
    script: 'lstm',
    bench: 'lstm-word',
    model: 'Word-level LSTM',
    setup,
    config: { batch: B, seq: T, embedding: E, hidden: H, lr: LR, clip: CLIP, evalTokens: nWin * T },
    tokensPerStep: B * T,
    make: () => [runner('full'), runner('sampled')],
  });
}
