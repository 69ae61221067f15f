/**
 * Messages of the study panel's Attention view (host ⇄ panel) and the worker requests behind it. Types only.
 */
import type { AttentionResult, Seq2seqAttention, TransformerAttention } from '../../core/attention';
import type { ModelPickerData } from './modelPicker';
import type { AttentionScore } from '../../core/attention/params';

export type { AttentionResult, Seq2seqAttention, TransformerAttention };

/**
 * A Transformer's self-attention as it travels to the host and the webview: the weights of every layer and head
 * in one Float32Array (structured clone to the host, VS Code's typed-array transfer to the webview), not JSON lists
 * of numbers; entry (layer l, head h, query i, key j) is at ((l·heads + h)·T + i)·T + j, T = tokens.length.
 */
export type TransformerAttentionWire = Omit<TransformerAttention, 'attention'> & { layers: number; heads: number; weights: Float32Array };

/** What the worker answers for a text: a Transformer's weights packed, a seq2seq alignment as it is. */
export type AttentionWire = TransformerAttentionWire | Seq2seqAttention;

/** The map of one layer and head: T rows of T weights each (views into `weights`, no copy). */
export function headRows(m: TransformerAttentionWire, layer: number, head: number): Float32Array[] {
  const T = m.tokens.length;
  const base = (layer * m.heads + head) * T * T;
  return Array.from({ length: T }, (_, i) => m.weights.subarray(base + i * T, base + (i + 1) * T));
}

/** Pack [layer][head][query][key] weights into one Float32Array (see TransformerAttentionWire). */
export function packAttention(a: TransformerAttention): TransformerAttentionWire {
  const { attention, ...rest } = a;
  const layers = attention.length;
  const heads = attention[0]?.length ?? 0;
  const T = a.tokens.length;
  const weights = new Float32Array(layers * heads * T * T);
  attention.forEach((layer, l) => layer.forEach((rows, hd) => rows.forEach((row, i) => weights.set(row, ((l * heads + hd) * T + i) * T))));
  return { ...rest, layers, heads, weights };
}

/** A model's attention for one text, with where it came from. */
export type AttentionMap = AttentionWire & {
  /** The model folder. */
  dir: string;
  /** The model's name (its folder name) for headers. */
  name: string;
  /** The text it was computed for. */
  text: string;
  /** Distinct per computed map (the view redraws only what changed). */
  stamp: number;
};

/** The encoder–decoder alignment on show: from a saved seq2seq model, or a training job's probe input. */
export interface AlignmentData {
  /** Header text: the model's name or the job's label. */
  name: string;
  /** The saved model folder (absent while its job still trains): lets the user type inputs. */
  dir?: string;
  map: Seq2seqAttention;
  /** Distinct per map (the view redraws only what changed). */
  stamp: number;
  /** The training job the map comes from, if any. */
  job?: { jobId: string; label: string; step: number; total: number; running: boolean; sequenceAccuracy?: number; alignmentAccuracy?: number };
}

/** One attention score's run of a side-by-side comparison: its training job, accuracy curve and alignment map. */
export interface VariantRun {
  score: AttentionScore;
  jobId: string;
  label: string;
  step: number;
  total: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'stopped';
  /** Accuracies on 50 fresh inputs at each probe step. */
  curve: { step: number; sequenceAccuracy: number; alignmentAccuracy: number }[];
  /** The probe input's alignment at the latest probe. */
  map?: Seq2seqAttention;
}

/** The seq2seq model trained once per attention score on the same task, data, seed and steps. */
export interface VariantsData {
  task: string;
  steps: number;
  seed: number;
  runs: VariantRun[];
  /** Distinct per update (the view redraws only what changed). */
  stamp: number;
}

/** What the host sends to draw the Attention view (always the whole state, so a replay restores everything). */
export interface AttentionPanelData {
  /** The Transformer self-attention on show. */
  self?: AttentionMap & { kind: 'transformer' };
  /**
   * Another model's self-attention of the same text, drawn beside it: a masked language model's (bidirectional)
   * next to a causal Transformer's.
   */
  compare?: AttentionMap & { kind: 'transformer' };
  /** The seq2seq alignment on show. */
  alignment?: AlignmentData;
  /** The attention scores side by side. */
  variants?: VariantsData;
  /** Which part the latest message is about (the view scrolls it into sight when not live). */
  focus: 'self' | 'alignment' | 'variants';
  /** Every saved attention model (Transformer, masked language model, seq2seq); `selected` is the one on show. */
  picker?: ModelPickerData;
}

/** Requests the Attention view makes of the host, by method. */
export interface AttentionPanelRequests {
  /** Attention of a saved attention model (Transformer or seq2seq) for a typed text. */
  'attention.map': { params: { dir: string; text: string; slot?: 'self' | 'compare' }; result: AttentionMap };
  /** Show a saved model chosen in the picker (on the text on show, or `text`); the view's new data. */
  'attention.select': { params: { dir: string; text?: string }; result: AttentionPanelData };
  /** Read the saved models again (the picker). */
  'attention.models': { params: Record<string, never>; result: ModelPickerData };
  /** Train the seq2seq model once per attention score, side by side (asks the task and steps); the jobs started. */
  'attention.variants': { params: Record<string, never>; result: { jobIds: string[] } };
}

/** Requests the host makes of the training worker for attention models, by method. */
export interface AttentionWorkerRequests {
  /** Load (cached per folder) and run a model on a text. */
  'attention.map': { params: { dir: string; text: string }; result: AttentionWire };
  /** The checkpoint a stopped Transformer run would continue from, read with every check of a resume; throws when unusable. */
  'attention.checkpoint': { params: { dir: string }; result: { step: number; corpusTokens: number } };
}
