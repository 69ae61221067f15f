/**
 * Principal component analysis of row vectors, by power iteration with deflation on the d×d covariance matrix
 * (d is small: word vectors). Deterministic: the start vectors are fixed, and each component's sign is chosen so
 * its largest-magnitude loading is positive, so the same vectors always give the same picture.
 */

/** Project `n` rows of `data` (row-major, `dim` columns) onto their top `k` principal components. Returns n × k. */
export function pca(data: Float32Array, n: number, dim: number, k = 2, iterations = 200): Float64Array {
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += data[i * dim + j] / n;
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) row[j] = data[i * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ra = row[a];
      if (ra === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b] += ra * row[b];
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) cov[a * dim + b] = cov[b * dim + a];
  const comps: Float64Array[] = [];
  for (let c = 0; c < Math.min(k, dim); c++) {
    let v = Float64Array.from({ length: dim }, (_, j) => 1 / Math.sqrt(dim) + (j === c ? 0.5 : 0));
    for (let it = 0; it < iterations; it++) {
      const w = new Float64Array(dim);
      for (let a = 0; a < dim; a++) {
        let s = 0;
        for (let b = 0; b < dim; b++) s += cov[a * dim + b] * v[b];
        w[a] = s;
      }
      for (const u of comps) {
        let d = 0;
        for (let j = 0; j < dim; j++) d += w[j] * u[j];
        for (let j = 0; j < dim; j++) w[j] -= d * u[j];
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      for (let j = 0; j < dim; j++) w[j] /= norm;
      v = w;
    }
    let big = 0;
    for (let j = 0; j < dim; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    if (v[big] < 0) for (let j = 0; j < dim; j++) v[j] = -v[j];
    comps.push(v);
  }
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < comps.length; c++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (data[i * dim + j] - mean[j]) * comps[c][j];
      out[i * k + c] = s;
    }
  }
  return out;
}
