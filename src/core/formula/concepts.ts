/** The concept ids of the catalog. */
export const CONCEPT_IDS = [
  // activations and outputs
  'sigmoid', 'tanh', 'hardtanh', 'relu', 'leaky-relu', 'step-function', 'softmax',
  // losses
  'mse', 'cross-entropy', 'binary-cross-entropy', 'hinge-loss', 'zero-one-loss', 'negative-log-likelihood', 'distillation-loss', 'empirical-risk',
  // linear models
  'linear-regression', 'logistic-regression', 'softmax-regression', 'affine-layer',
  // networks
  'mlp', 'rnn', 'lstm', 'gru', 'bidirectional-rnn', 'seq2seq', 'fixed-window-lm',
  // training
  'gradient-descent', 'minibatch-sgd', 'adam', 'chain-rule', 'backpropagation-through-time', 'regularization', 'dropout',
  // language models
  'language-model', 'ngram-markov', 'surprisal', 'perplexity', 'masked-lm', 'teacher-forcing',
  // word vectors
  'skipgram', 'skipgram-softmax', 'sgns', 'cbow', 'cosine-similarity', 'collobert-weston', 'hierarchical-softmax',
  // attention
  'attention', 'mlp-attention', 'self-attention', 'scaled-dot-product-attention', 'multi-head-attention', 'masked-self-attention', 'positional-encoding',
  // probability and linear algebra
  'bayes-rule', 'probability-chain-rule', 'maximum-likelihood', 'kl-divergence', 'elbo', 'autoencoder', 'norms', 'trace', 'cauchy-schwarz', 'spectral-theorem',
] as const;

export type ConceptId = (typeof CONCEPT_IDS)[number];

export function isConceptId(s: unknown): s is ConceptId {
  return typeof s === 'string' && (CONCEPT_IDS as readonly string[]).includes(s);
}
