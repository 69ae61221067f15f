/**
 * The model picker of the Language Model and Attention views: every saved model of the kinds a view uses, with
 * what its model.json says (read bounded in the worker, `lm.describe`) or, for a folder that cannot be described,
 * one sentence why. Types only.
 */
import type { ModelFacts, PickerKind } from '../../core/lm/describe';

export type { ModelFacts, PickerKind };

/** One saved model in a picker. */
export interface PickerEntry extends Partial<ModelFacts> {
  /** The folder name (as in the Saved models list). */
  name: string;
  dir: string;
  /** When it was saved (ms since 1970). */
  savedAt: number;
  /** The text it was trained on, when the run that made it is known (e.g. "notes", "brown"). */
  corpus?: string;
  /** Why the folder cannot be used; the entry is shown but cannot be chosen. */
  error?: string;
}

/** A view's picker: its entries, the model in use and (Language Model view) the one compared with it. */
export interface ModelPickerData {
  models: PickerEntry[];
  selected?: string;
  compare?: string;
}

/** Asked of the training worker: the facts of each folder, or why it cannot be described. */
export interface ModelPickerWorkerRequests {
  'lm.describe': { params: { dirs: string[] }; result: Array<{ dir: string; facts?: ModelFacts; error?: string }> };
}
