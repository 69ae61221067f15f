import type { ParamSpec } from '../params';

/** Hyperparameters of the XOR multilayer perceptron. Pure data: the extension host may import it (no tfjs). */
export const XOR_PARAMS = [
  { kind: 'int', name: 'epochs', label: 'Epochs', description: 'Full-batch passes over the four XOR points', default: 2000, min: 1, max: 1_000_000 },
  { kind: 'float', name: 'lr', label: 'Learning rate', description: 'Step size of the optimizer', default: 0.05, min: 0, max: 10, exclusiveMin: true },
  { kind: 'int', name: 'hidden', label: 'Hidden units', description: 'Units in the hidden layer; 0 makes it a linear model (logistic regression), which cannot solve XOR', default: 4, min: 0, max: 256 },
  { kind: 'enum', name: 'activation', label: 'Hidden activation', description: 'Non-linearity of the hidden layer', default: 'tanh', options: ['tanh', 'sigmoid'] },
  { kind: 'enum', name: 'optimizer', label: 'Optimizer', description: 'Plain gradient descent or Adam', default: 'adam', options: ['adam', 'sgd'] },
  { kind: 'float', name: 'beta1', label: 'Adam β₁', description: "Decay rate of Adam's first moment (the running mean of the gradient); Adam only", default: 0.9, min: 0, max: 0.999999 },
  { kind: 'float', name: 'beta2', label: 'Adam β₂', description: "Decay rate of Adam's second moment (the running mean of the squared gradient); Adam only", default: 0.999, min: 0, max: 0.999999 },
  { kind: 'int', name: 'seed', label: 'Seed', description: 'Seed of the weight initialisation; the same seed gives the same run', default: 1, min: 0, max: 2 ** 31 - 1 },
] as const satisfies readonly ParamSpec[];

/** Settings of the playground (pure data, like XOR_PARAMS): data set, network, regularisation, updates. */
export const PLAYGROUND_PARAMS: readonly ParamSpec[] = [
  { kind: 'enum', name: 'dataset', label: 'Data set', description: 'Points to separate: the four XOR corners (noisy copies with more points), a circle inside a ring, two Gaussian blobs, two spirals', default: 'xor', options: ['xor', 'circle', 'gaussians', 'spiral'] },
  { kind: 'int', name: 'points', label: 'Points', description: 'Number of generated points (0: the data set\'s default, 4 for XOR — its corners — and 200 for the others)', default: 0, min: 0, max: 5000 },
  { kind: 'float', name: 'noise', label: 'Noise', description: 'Standard deviation of the jitter added to generated points (-1: the data set\'s default)', default: -1, min: -1, max: 10 },
  { kind: 'int', name: 'hidden', label: 'Hidden units', description: 'Units in the hidden layer; 0 makes it a linear model, which cannot solve XOR', default: 4, min: 0, max: 64 },
  { kind: 'enum', name: 'activation', label: 'Hidden activation', description: 'Non-linearity of the hidden layer', default: 'tanh', options: ['tanh', 'sigmoid', 'relu'] },
  { kind: 'enum', name: 'optimizer', label: 'Optimizer', description: 'Plain gradient descent or Adam', default: 'adam', options: ['adam', 'sgd'] },
  { kind: 'float', name: 'lr', label: 'Learning rate', description: 'Step size of the optimizer', default: 0.05, min: 0, max: 10, exclusiveMin: true },
  { kind: 'float', name: 'l2', label: 'L2', description: 'λ of the weight penalty (λ/2)‖W‖² (biases are not penalised)', default: 0, min: 0, max: 10 },
  { kind: 'float', name: 'dropout', label: 'Dropout', description: 'Probability of dropping each hidden unit in a training update', default: 0, min: 0, max: 0.9 },
  { kind: 'int', name: 'seed', label: 'Seed', description: 'Seed of the data and the weights; the same seed gives the same run', default: 1, min: 0, max: 2 ** 31 - 1 },
];
