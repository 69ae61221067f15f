/**
 * Exporting a picture of the study panel (PNG or SVG) to a file or into the note being edited. Any view may ask;
 * the host (src/extension/export/) checks what arrives. Types only.
 */

/** The largest picture accepted from the panel: a PNG's bytes or an SVG's characters. */
export const MAX_EXPORT_BYTES = 32 * 1024 * 1024;

export interface ExportImageParams {
  format: 'png' | 'svg';
  /** A PNG as a `data:image/png;base64,` URL, or the SVG document's text. */
  data: string;
  /** File name without extension, e.g. "alignment-map". */
  name: string;
  /** What the picture shows (the markdown image's alt text). */
  alt: string;
  /** `save`: ask where and write; `note`: save beside the active note and insert a reference at its cursor. */
  action: 'save' | 'note';
}

/** What was done: the file written and the reference inserted; both absent when the user cancelled. */
export interface ExportImageResult {
  written?: string;
  inserted?: string;
}

/** Requests any view of the panel may make of the host. */
export interface ExportPanelRequests {
  'export.image': { params: ExportImageParams; result: ExportImageResult };
}
