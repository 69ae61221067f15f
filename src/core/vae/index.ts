/** The autoencoder and VAE engine: data, model, training, storage. */
export * from './data';
export * from './model';
export * from './params';
export * from './store';
export * from './train';
export * from './snapshot';
