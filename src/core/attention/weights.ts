/**
 * Weights of the attention models (Transformer and seq2seq) as named tfjs variables: creation from plain arrays
 * with a shape check, Glorot-uniform initialisation, reading back for saving, flattening into one array in a fixed
 * name order (for the helper thread) and splitting it again.
 */
import { tf } from '../tf/backend';
import type { Rng } from '../util/rng';

export type Shape = readonly number[];

export const sizeOf = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

/** Uniform in ±√(6 / (fanIn + fanOut)), drawn from rng into `w`. */
export function glorotUniform(w: Float32Array, fanIn: number, fanOut: number, rng: Rng): void {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
}

/** One trainable variable per (name, shape), from `init`; a missing or wrongly sized array is an error. */
export function createVariables(shapes: Iterable<readonly [string, Shape]>, init: Map<string, Float32Array>, prefix: string): Map<string, tf.Variable> {
  const out = new Map<string, tf.Variable>();
  for (const [name, shape] of shapes) {
    const values = init.get(name);
    const size = sizeOf(shape);
    if (!values || values.length !== size) {
      for (const v of out.values()) v.dispose();
      throw new Error(`weight ${name} is missing or has ${values?.length ?? 0} values instead of ${size}`);
    }
    out.set(name, tf.variable(tf.tensor(values, [...shape]), true, `${prefix}_${name}`));
  }
  return out;
}

/** Current values as plain arrays (for saving). */
export async function variableValues(vars: Map<string, tf.Variable>): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  for (const [name, v] of vars) out.set(name, (await v.data()) as Float32Array);
  return out;
}

export function countParams(vars: Map<string, tf.Variable>): number {
  let n = 0;
  for (const v of vars.values()) n += v.size;
  return n;
}

export function disposeVariables(vars: Map<string, tf.Variable>): void {
  for (const v of vars.values()) v.dispose();
  vars.clear();
}

/** A model whose trainable state is one map of named variables: saving, counting and freeing them. */
export abstract class VariableModel {
  abstract readonly weights: Map<string, tf.Variable>;

  /** Current weights as plain arrays (for saving). */
  weightValues(): Promise<Map<string, Float32Array>> {
    return variableValues(this.weights);
  }

  paramCount(): number {
    return countParams(this.weights);
  }

  dispose(): void {
    disposeVariables(this.weights);
  }
}

/** The tensors of `names`, in that order, one after the other in one array. */
export function flattenTensors(tensors: ReadonlyMap<string, tf.Tensor> | Record<string, tf.Tensor>, names: readonly string[]): Float32Array<ArrayBuffer> {
  const get = (n: string) => (tensors instanceof Map ? tensors.get(n) : (tensors as Record<string, tf.Tensor>)[n])!;
  const flat = new Float32Array(names.reduce((s, n) => s + get(n).size, 0));
  let o = 0;
  for (const n of names) {
    const t = get(n);
    flat.set(t.dataSync() as Float32Array, o);
    o += t.size;
  }
  return flat;
}

/** The inverse of flattenTensors: views of `flat` by name, for the given (name, shape) order. */
export function splitFlat(flat: Float32Array, shapes: Iterable<readonly [string, Shape]>): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  let o = 0;
  for (const [name, shape] of shapes) {
    const size = sizeOf(shape);
    out.set(name, flat.subarray(o, o + size));
    o += size;
  }
  return out;
}
