/**
 * Messages of the study panel's Attention view (host ⇄ panel) and the worker requests behind it.
 * Re-exported by src/shared/protocol.ts; owned by the attention feature.
 */

/** What the host sends to draw the Attention view. */
export interface AttentionPanelData {
  /** The model folder on show. */
  dir: string;
  name: string;
}

/** Requests the Attention view makes of the host (PanelToHost `request`), by method. */
export interface AttentionPanelRequests {}

/** Requests the host makes of the training worker for attention models, by method ("attn." prefix). */
export interface AttentionWorkerRequests {}
