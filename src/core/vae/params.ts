import { batchSpec, epochsSpec, hiddenSpec, lrSpec, type ParamSpec, seedSpec } from '../params';

/**
 * Hyperparameters of the autoencoder and the variational autoencoder (VAE). Pure data: the extension host may
 * import it to draw the sidebar form, the CLI draws its flags from it. The plain autoencoder has no β.
 */
export const VAE_PARAMS: readonly ParamSpec[] = [
  { kind: 'string', name: 'data', label: 'Data', description: 'points (2-D point clouds), glyphs (small drawn shapes), or vectors:DIR (the word vectors of a saved word2vec model)', default: 'glyphs', maxLength: 4096 },
  { kind: 'int', name: 'latent', label: 'Latent size', description: 'Dimensions of the code z; 2 lets the latent plane be drawn', default: 2, min: 1, max: 16 },
  hiddenSpec('Units of the tanh hidden layer of the encoder and of the decoder', 32, 1, 512),
  { kind: 'float', name: 'beta', label: 'β (KL weight)', description: 'Weight of the KL term of the ELBO: 1 is the VAE, 0 an autoencoder with noisy codes, above 1 a β-VAE', default: 1, min: 0, max: 100 },
  epochsSpec('Passes over the data', 25, 1, 10_000),
  lrSpec('Step size of Adam', 0.003),
  batchSpec('Examples per Adam step', 32, 4096),
  { kind: 'int', name: 'samples', label: 'Examples', description: 'How many points or glyphs to generate; for word vectors, how many of the most frequent words to use', default: 1200, min: 10, max: 50_000 },
  { kind: 'int', name: 'glyphSize', label: 'Glyph size', description: 'Glyphs are drawn on a square of this many pixels per side', default: 12, min: 6, max: 24 },
  seedSpec('Seed of the data, the initialisation and the noise; the same seed gives the same run'),
];

/** The plain autoencoder: the same list without β. */
export const AUTOENCODER_PARAMS: readonly ParamSpec[] = VAE_PARAMS.filter((s) => s.name !== 'beta');

export type AutoencoderKind = 'autoencoder' | 'vae';

export function paramsFor(kind: AutoencoderKind): readonly ParamSpec[] {
  return kind === 'vae' ? VAE_PARAMS : AUTOENCODER_PARAMS;
}
