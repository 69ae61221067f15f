/** Limits of the Transformer inspection (./inspect.ts), without tfjs: the extension host checks them too. */

/** Longest text (in characters) an inspection reads; the model's context limits it further, in tokens. */
export const MAX_INSPECT_CHARS = 4000;
