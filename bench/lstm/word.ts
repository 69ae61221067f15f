/**
 * `npm run bench:lstm -- --word`: the word-level LSTM on Brown (10,000-word vocabulary) trained with the full softmax
 * and with the sampled softmax, interleaved, from the same initial weights on the same streams; both scored with the
 * full softmax on the same held-out windows (bench/lib/wordSoftmax.ts).
 */
import { StreamBatcher } from '../../src/core/lm/batcher';
import { Adam, clipGlobalNorm, initParams, Workspace, type LstmConfig } from '../../src/core/lstm/model';
import { UnigramSampler } from '../../src/core/nn/sampledSoftmax';
import { Rng } from '../../src/core/util/rng';
import { brownWords, runWordSoftmaxBench, type SoftmaxRunner } from '../lib/wordSoftmax';
import { type Flags, untimed } from '../lib/results';

const B = 32, T = 64, E = 32, H = 128, LR = 3e-3, CLIP = 5, SEED = 1;

export async function wordBench(flags: Flags): Promise<void> {
  const seconds = flags.number('budget', 30);
  const slice = flags.number('slice', 10);
  const repeats = flags.number('repeats', 3, true);
  const maxVocab = flags.number('vocab', 10000, true);
  const samples = flags.number('samples', 512, true);
  const evalTokens = flags.number('eval-tokens', 16384, true);
  const { vocab, train, held } = brownWords(maxVocab);
  const cfg: LstmConfig = { vocabSize: vocab.size, embedding: E, hidden: H, layers: 1, dropout: 0 };
  const theta0 = Float32Array.from(initParams(cfg, SEED));
  const sampler = UnigramSampler.fromIds(train, vocab.size);
  // held-out windows of T + 1 words, each scored from a zero state with the full softmax
  const nWin = Math.floor(Math.min(held.length, evalTokens) / (T + 1));
  const runner = (softmax: 'full' | 'sampled'): SoftmaxRunner => {
    const ws = new Workspace(cfg, B, T, { ops: 'wasm', ...(softmax === 'sampled' ? { sampledClasses: samples } : {}) });
    ws.theta.set(theta0);
    const adam = new Adam(ws.P, LR);
    const batcher = new StreamBatcher(train, B, T);
    let step = 0;
    return {
      name: softmax === 'full' ? 'full softmax' : `sampled softmax, ${samples} draws`,
      softmax,
      ...untimed(),
      lastLoss: NaN,
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
    };
  };
  await runWordSoftmaxBench({
    script: 'lstm',
    bench: 'lstm-word',
    title: `Word-level LSTM, Brown (${vocab.size} words): full vs sampled softmax, ${repeats} interleaved repeats of ${seconds} s per model (turns of ${slice} s)`,
    flags,
    config: { level: 'word', batch: B, seq: T, embedding: E, hidden: H, lr: LR, clip: CLIP, vocab: vocab.size, samples, seconds, slice, evalTokens: nWin * T, trainTokens: train.length, heldOutTokens: held.length },
    seconds,
    slice,
    repeats,
    tokensPerStep: B * T,
    make: () => [runner('full'), runner('sampled')],
  });
}
