/** Knowledge distillation: the soft-target loss at a temperature plus the hard-label term. */
export * from './loss';
