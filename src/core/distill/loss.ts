/**
 * Knowledge distillation loss (Hinton, Vinyals & Dean, 2015). A student with logits s learns from a teacher with
 * logits t at temperature T and from the true label y:
 *
 *   p^T = softmax(t / T),   q^T = softmax(s / T)
 *   L = α · CE(y, softmax(s))  +  (1 − α) · T² · D(p^T, q^T)
 *
 * where D is KL(p^T ‖ q^T) = Σ p^T (log p^T − log q^T), or the cross-entropy −Σ p^T log q^T (the same up to the
 * teacher's entropy, which does not depend on the student, so both have one gradient). The T² keeps the soft term's
 * gradient on the scale of the hard term's as T grows:
 *
 *   ∂L/∂s = α (softmax(s) − onehot(y))  +  (1 − α) · T · (q^T − p^T).
 */
import type { ParamSpec } from '../params';

export type SoftTerm = 'kl' | 'ce';

export interface DistillOptions {
  temperature: number;
  /** Weight of the hard-label term; the soft term has weight 1 − α. */
  alpha: number;
  soft?: SoftTerm;
}

/** Hyperparameters of the distillation loss, for the form and flags that show it. */
export const DISTILL_PARAMS: readonly ParamSpec[] = [
  { kind: 'float', name: 'temperature', label: 'Temperature T', description: 'Softens both distributions: softmax(logits / T); 1 leaves them as they are', default: 2, min: 0, max: 100, exclusiveMin: true },
  { kind: 'float', name: 'alpha', label: 'α (hard-label weight)', description: 'Weight of the cross-entropy with the true label; the teacher\'s soft targets get 1 − α', default: 0.5, min: 0, max: 1 },
  { kind: 'enum', name: 'soft', label: 'Soft term', description: 'KL(teacher ‖ student) or cross-entropy of the student against the teacher (same gradient)', default: 'kl', options: ['kl', 'ce'] },
];

/** softmax(logits / T), computed stably (the largest logit is subtracted first). */
export function softmaxT(logits: ArrayLike<number>, T = 1): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] / T);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] / T - max);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** log softmax(logits / T), stably. */
export function logSoftmaxT(logits: ArrayLike<number>, T = 1): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] / T);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i] / T - max);
  const lse = max + Math.log(sum);
  return Float64Array.from(logits, (v) => v / T - lse);
}

export interface DistillResult {
  /** α · hard + (1 − α) · T² · soft. */
  loss: number;
  /** −log softmax(s)_y. */
  hard: number;
  /** KL(p^T ‖ q^T) or −Σ p^T log q^T, before the T² scale. */
  soft: number;
  /** ∂loss/∂s. */
  grad: Float64Array;
  teacherSoft: Float64Array;
  studentSoft: Float64Array;
}

function check(student: ArrayLike<number>, teacher: ArrayLike<number>, label: number, opts: DistillOptions): void {
  if (student.length < 2 || student.length !== teacher.length) throw new RangeError(`student and teacher need the same number (≥ 2) of logits, got ${student.length} and ${teacher.length}`);
  if (!Number.isInteger(label) || label < 0 || label >= student.length) throw new RangeError(`the label must be a class index from 0 to ${student.length - 1}, got ${label}`);
  if (!(opts.temperature > 0) || !Number.isFinite(opts.temperature)) throw new RangeError(`the temperature must be a positive number, got ${opts.temperature}`);
  if (!(opts.alpha >= 0 && opts.alpha <= 1)) throw new RangeError(`α must be from 0 to 1, got ${opts.alpha}`);
}

/** The distillation loss of one position and its gradient with respect to the student's logits. */
export function distillationLoss(student: ArrayLike<number>, teacher: ArrayLike<number>, label: number, opts: DistillOptions): DistillResult {
  check(student, teacher, label, opts);
  const T = opts.temperature;
  const a = opts.alpha;
  const logQ1 = logSoftmaxT(student, 1);
  const logQ = logSoftmaxT(student, T);
  const logP = logSoftmaxT(teacher, T);
  const q1 = logQ1.map(Math.exp);
  const q = logQ.map(Math.exp);
  const p = logP.map(Math.exp);
  const hard = -logQ1[label];
  let soft = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] > 0) soft += opts.soft === 'ce' ? -p[i] * logQ[i] : p[i] * (logP[i] - logQ[i]);
  }
  const grad = new Float64Array(student.length);
  for (let i = 0; i < grad.length; i++) grad[i] = a * (q1[i] - (i === label ? 1 : 0)) + (1 - a) * T * (q[i] - p[i]);
  return { loss: a * hard + (1 - a) * T * T * soft, hard, soft, grad, teacherSoft: p, studentSoft: q };
}

/** The mean loss over rows (n × classes, row-major) and its gradient (same shape). */
export function distillationLossBatch(student: Float64Array, teacher: Float64Array, labels: ArrayLike<number>, classes: number, opts: DistillOptions): { loss: number; hard: number; soft: number; grad: Float64Array } {
  const n = labels.length;
  if (student.length !== n * classes || teacher.length !== n * classes) throw new RangeError(`expected ${n} rows of ${classes} logits`);
  const grad = new Float64Array(n * classes);
  let loss = 0;
  let hard = 0;
  let soft = 0;
  for (let r = 0; r < n; r++) {
    const res = distillationLoss(student.subarray(r * classes, (r + 1) * classes), teacher.subarray(r * classes, (r + 1) * classes), labels[r], opts);
    loss += res.loss / n;
    hard += res.hard / n;
    soft += res.soft / n;
    for (let c = 0; c < classes; c++) grad[r * classes + c] = res.grad[c] / n;
  }
  return { loss, hard, soft, grad };
}

/** The teacher's and the student's distributions at several temperatures (by default 1, 2 and 5), for one position. */
export function softenedDistributions(student: ArrayLike<number>, teacher: ArrayLike<number>, temperatures: readonly number[] = [1, 2, 5]): { temperature: number; teacher: number[]; student: number[] }[] {
  return temperatures.map((T) => ({ temperature: T, teacher: Array.from(softmaxT(teacher, T)), student: Array.from(softmaxT(student, T)) }));
}
