/**
 * Messages of the study panel's Explain view: a formula explained (from the formula worker) and the worked
 * example recomputed from inputs the user edits. Types only.
 */
import type { Explanation, WorkedExample } from '../../core/formula';

/** A formula explained for the panel: the structured explanation plus the rendered formula. */
export interface ExplainPanelData {
  explanation: Explanation;
  /** The formula as SVG (MathJax), or why it could not be rendered. */
  svg?: string;
  renderError?: string;
  /** A larger plot of the activation or loss, when the concept has one. */
  plotSvg?: string;
  /** Where it came from, e.g. "notes.md, line 12". */
  source: string;
  /** The worked example from the user's own model, when the concept has one (absent: the concept has none). */
  fromModel?: FromModel;
}

/** Requests the Explain view makes of the host, by method. */
export interface ExplainPanelRequests {
  /** Recompute the worked example of the explain view from edited inputs. */
  'explain.recompute': { params: { which: string; inputs: Record<string, unknown> }; result: WorkedExample | { error: string } };
}

/** Which trained model a worked example can use: word vectors, a recurrent language model, a Transformer. */
export type ModelExampleKind = 'word2vec' | 'lstm' | 'transformer';

/** A worked example computed from one of the user's saved models (in the training worker, by the engines). */
export interface ModelExample {
  kind: ModelExampleKind;
  /** The saved model's folder name. */
  model: string;
  /** What was computed, e.g. "σ(v_o · v_c) for (king, queen) from your word vectors". */
  title: string;
  /** The numbers, as label and value; `values` keeps them unrounded (the tests compare them). */
  rows: Array<{ label: string; value: string }>;
  values: Record<string, number | number[] | string | string[]>;
  /** One or two sentences on what it shows and where it came from (which words or which position of the note). */
  text: string;
}

/** What the Explain view shows under the worked example about the user's models. */
export type FromModel = { example: ModelExample } | { missing: string } | { error: string };

/** Worker requests behind the examples from a model. */
export interface ExampleWorkerRequests {
  /** σ(v_o · v_c) for a pair of the note's words found in a word2vec model (`words`: the note's text near the formula). */
  'example.word2vec': { params: { dir: string; text: string }; result: ModelExample };
  /** The softmax over a recurrent language model's next-token scores after the note's text before the formula. */
  'example.lstm': { params: { dir: string; text: string }; result: ModelExample };
  /** One row of a Transformer's attention over the note's text near the formula (last layer, head 1, last token). */
  'example.transformer': { params: { dir: string; text: string }; result: ModelExample };
}
