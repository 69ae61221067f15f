import type { ParamSpec } from '../params';

/** Hyperparameters of the XOR multilayer perceptron. Pure data: the extension host may import it (no tfjs). */
export const XOR_PARAMS = [
  { kind: 'int', name: 'epochs', label: 'Epochs', description: 'Full-batch passes over the four XOR points', default: 2000, min: 1, max: 1_000_000 },
  { kind: 'float', name: 'lr', label: 'Learning rate', description: 'Step size of the optimizer', default: 0.05, min: 0, max: 10, exclusiveMin: true },
  { kind: 'int', name: 'hidden', label: 'Hidden units', description: 'Units in the hidden layer; 0 makes it a linear model (logistic regression), which cannot solve XOR', default: 4, min: 0, max: 256 },
  { kind: 'enum', name: 'activation', label: 'Hidden activation', description: 'Non-linearity of the hidden layer', default: 'tanh', options: ['tanh', 'sigmoid'] },
  { kind: 'enum', name: 'optimizer', label: 'Optimizer', description: 'Plain gradient descent or Adam', default: 'adam', options: ['adam', 'sgd'] },
  { kind: 'int', name: 'seed', label: 'Seed', description: 'Seed of the weight initialisation; the same seed gives the same run', default: 1, min: 0, max: 2 ** 31 - 1 },
] as const satisfies readonly ParamSpec[];
