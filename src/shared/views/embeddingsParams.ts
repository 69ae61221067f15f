/**
 * Checks of what the Embeddings view sends the host (its params arrive from a webview, so they are `unknown`): each
 * returns the request's params, or throws one clear error naming the request.
 */
import { isObject } from '../protocol';
import type { ProjectionMethod } from './embeddings';

const PROJECTIONS: readonly ProjectionMethod[] = ['pca', 'umap', 'tsne'];

/** The largest neighbourhood the view may ask for. */
export const MAX_NEIGHBOURHOOD = 500;

/** Params that must be an object (absent counts as empty). */
export function objectParams(method: string, params: unknown): Record<string, unknown> {
  if (params !== undefined && !isObject(params)) throw new Error(`${method}: bad params`);
  return params ?? {};
}

/** {word, k}: a non-empty word of at most 100 characters, k a number clamped to a whole [1, max] (10 when absent). */
export function wordAndK(method: string, params: unknown, max: number): { word: string; k: number } {
  const p = objectParams(method, params);
  if (typeof p.word !== 'string' || !p.word.trim() || p.word.length > 100) throw new Error(`${method} needs {word, k}`);
  if (p.k !== undefined && (typeof p.k !== 'number' || !Number.isFinite(p.k))) throw new Error(`${method}: k must be a number`);
  const k = p.k === undefined ? 10 : Math.min(max, Math.max(1, Math.floor(p.k)));
  return { word: p.word.trim(), k };
}

/** {method}: one of the projections. */
export function projectionParam(params: unknown): ProjectionMethod {
  const method = objectParams('embeddings.project', params).method;
  const m = PROJECTIONS.find((x) => x === method);
  if (!m) throw new Error(`embeddings.project needs a method: ${PROJECTIONS.join(', ')}`);
  return m;
}
