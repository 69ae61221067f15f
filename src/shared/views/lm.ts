/**
 * Messages of the study panel's Language Model view (host ⇄ panel) and the worker requests behind it.
 * Re-exported by src/shared/protocol.ts; owned by the language-model feature.
 */

/** What the host sends to draw the Language Model view. */
export interface LmPanelData {
  /** The model folder on show. */
  dir: string;
  name: string;
}

/** Requests the LM view makes of the host (PanelToHost `request`), by method. */
export interface LmPanelRequests {}

/** Requests the host makes of the training worker for language models, by method ("lm." prefix). */
export interface LmWorkerRequests {}
