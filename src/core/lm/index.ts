/** Shared language-model pieces (vocabulary, split, batching, measures, sampling). No tfjs. */
export * from './vocab';
export * from './split';
export * from './batcher';
export * from './measures';
export * from './sampling';
export * from './modelDir';
export * from './types';
export * from './use';
