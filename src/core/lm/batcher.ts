/**
 * Batches for truncated backpropagation through time. The token sequence is cut into `batch` contiguous streams;
 * step k takes the next `seq` tokens of every stream as inputs and the tokens one position later as targets, so
 * the recurrent state at the end of one batch is the right starting state for the next (carry it; reset it when
 * `reset` is true, at the start of each epoch). Layout is batch-major: element (b, t) is at b * seq + t.
 */

export interface LmBatch {
  inputs: Int32Array;
  targets: Int32Array;
  /** True for the first batch of an epoch: recurrent state must be reset. */
  reset: boolean;
  epoch: number;
  /** Index of this batch within its epoch. */
  index: number;
}

export interface BatcherState {
  epoch: number;
  index: number;
}

export class BatcherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatcherError';
  }
}

export class StreamBatcher {
  readonly streamLen: number;
  readonly perEpoch: number;
  private epoch = 0;
  private index = 0;

  constructor(
    private readonly ids: Int32Array,
    readonly batch: number,
    readonly seq: number,
  ) {
    if (!(batch >= 1 && seq >= 1)) throw new BatcherError('batch and sequence length must be at least 1');
    this.streamLen = Math.floor((ids.length - 1) / batch);
    this.perEpoch = Math.floor(this.streamLen / seq);
    if (this.perEpoch < 1) {
      throw new BatcherError(
        `the training text is too short: ${ids.length} tokens make no batch of ${batch} sequences of ${seq} (need at least ${batch * seq + 1}); use more text or a smaller batch or sequence length`,
      );
    }
  }

  get state(): BatcherState {
    return { epoch: this.epoch, index: this.index };
  }

  set state(s: BatcherState) {
    if (!Number.isInteger(s.epoch) || !Number.isInteger(s.index) || s.epoch < 0 || s.index < 0 || s.index >= this.perEpoch) {
      throw new BatcherError(`invalid data position (epoch ${s.epoch}, batch ${s.index} of ${this.perEpoch})`);
    }
    this.epoch = s.epoch;
    this.index = s.index;
  }

  next(): LmBatch {
    const { batch, seq, ids } = this;
    const inputs = new Int32Array(batch * seq);
    const targets = new Int32Array(batch * seq);
    const off = this.index * seq;
    for (let b = 0; b < batch; b++) {
      const base = b * this.streamLen + off;
      for (let t = 0; t < seq; t++) {
        inputs[b * seq + t] = ids[base + t];
        targets[b * seq + t] = ids[base + t + 1];
      }
    }
    const out: LmBatch = { inputs, targets, reset: this.index === 0, epoch: this.epoch, index: this.index };
    this.index++;
    if (this.index >= this.perEpoch) {
      this.index = 0;
      this.epoch++;
    }
    return out;
  }
}
