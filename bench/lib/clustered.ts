/** Synthetic word vectors with known structure, for the projection bench and the map's tests. */
import { Rng } from '../../src/core/util/rng';

/** n points in `clusters` Gaussian clusters around random unit centres (spread 0.35 per coordinate / √dim). */
export function clusteredVectors(n: number, dim: number, clusters: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, rng.next()))) * Math.cos(2 * Math.PI * rng.next());
  const centres = Array.from({ length: clusters }, () => {
    const c = Array.from({ length: dim }, gauss);
    const norm = Math.hypot(...c);
    return c.map((x) => x / norm);
  });
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = centres[i % clusters];
    for (let j = 0; j < dim; j++) data[i * dim + j] = c[j] + (0.35 * gauss()) / Math.sqrt(dim);
  }
  return data;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'pe', 'da', 'gu', 'ho', 'ji', 'be', 'zo', 'fa', 'wi', 'qu', 'ly', 'ch', 'st', 'or', 'an', 'el'];

/** n distinct made-up words of two to four syllables, shortest first. */
export function madeUpWords(n: number): string[] {
  const out: string[] = [];
  const S = SYLLABLES.length;
  for (let len = 2; out.length < n; len++) {
    for (let k = 0; k < S ** len && out.length < n; k++) {
      let w = '';
      for (let t = 0, x = k; t < len; t++, x = Math.floor(x / S)) w += SYLLABLES[(x * 7 + t * 5) % S];
      out.push(w);
    }
  }
  return out;
}
