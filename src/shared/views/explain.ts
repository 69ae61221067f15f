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
}

/** Requests the Explain view makes of the host, by method. */
export interface ExplainPanelRequests {
  /** Recompute the worked example of the explain view from edited inputs. */
  'explain.recompute': { params: { which: string; inputs: Record<string, unknown> }; result: WorkedExample | { error: string } };
}
