/** Knowledge distillation: the soft-target loss at a temperature plus the hard-label term, training and inspection. */
export * from './loss';
export * from './params';
export * from './train';
export * from './inspect';
