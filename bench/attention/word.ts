/**
 * `npm run bench:attention -- --word`: the causal Transformer on Brown words (10,000-word vocabulary) trained with
 * the full softmax and with the sampled softmax, interleaved, from the same initial weights on the same random
 * windows; both scored with the full softmax on the same held-out windows (bench/lib/wordSoftmax.ts).
 */
import { initialWeights, Trainer, TransformerLM, type TransformerConfig } from '../../src/core/attention/transformer';
import { heldOutLoss, randomWindows } from '../../src/core/attention/transformerTrainer';
import { initTf } from '../../src/core/tf/backend';
import { Rng } from '../../src/core/util/rng';
import { runWordSoftmaxBench, softmaxRunner, type SoftmaxRunner, wordSetup } from '../lib/wordSoftmax';
import { type Flags, log } from '../lib/results';

const B = 32, T = 64, D = 64, FFN = 256, LR = 3e-3, SEED = 1;

export async function wordBench(flags: Flags): Promise<void> {
  const setup = wordSetup(flags, 'seconds');
  const { vocab, train, held, sampler, samples } = setup;
  const evalWindows = flags.number('eval-windows', 128, true);
  const layers = flags.number('layers', 1, true);
  const heads = flags.number('heads', 1, true);
  const backend = await initTf();
  if (backend !== 'wasm') log('warning: the wasm backend is not available; timings are for the cpu backend');
  const cfg: TransformerConfig = { vocab: vocab.size, layers, heads, dModel: D, ffn: FFN, seq: T };
  const runner = (softmax: 'full' | 'sampled'): SoftmaxRunner => {
    const model = new TransformerLM(cfg, initialWeights(cfg, SEED));
    const trainer = new Trainer(model, LR, softmax === 'sampled' ? { sampler, draws: samples, seed: SEED } : undefined);
    const rng = new Rng(SEED + 1);
    return softmaxRunner(softmax, samples, {
      step() {
        const { inputs, targets } = randomWindows(train, B, T, rng);
        return trainer.step(inputs, targets, B);
      },
      async heldOut() {
        // consecutive windows of the held-out text, in batches of 32, full softmax
        let sum = 0;
        const n = Math.floor(evalWindows / 32);
        for (let i = 0; i < n; i++) sum += heldOutLoss(model, held.subarray(i * 32 * T), T, 32);
        return sum / n;
      },
      dispose() {
        trainer.dispose();
        model.dispose();
      },
    });
  };
  await runWordSoftmaxBench({
    script: 'attention',
    bench: 'attention-word',
    model: 'Word-level Transformer',
    setup,
    config: { layers, heads, dModel: D, ffn: FFN, batch: B, seq: T, lr: LR, evalTokens: Math.floor(evalWindows / 32) * 32 * T, backend },
    tokensPerStep: B * T,
    make: () => [runner('full'), runner('sampled')],
  });
}
