/** The view's export request, checked (no vscode here: unit-tested). */
import { isObject } from '../../shared/protocol';
import type { ExportImageParams } from '../../shared/views/export';
import { checkPng, checkSvg, ExportDataError } from './validate';

/** Thrown for a refused export; the message is shown to the user as is. */
export class ExportRefusedError extends Error {}

/** Check the view's request: the shape, then the picture itself. Returns the bytes to write. */
export function parseExportParams(p: unknown): ExportImageParams & { bytes: Buffer } {
  if (!isObject(p)) throw new ExportRefusedError('export.image needs {format, data, name, alt, action}');
  const { format, data, name, alt, action } = p;
  if (format !== 'png' && format !== 'svg') throw new ExportRefusedError('the format must be png or svg');
  if (action !== 'save' && action !== 'note') throw new ExportRefusedError('the action must be save or note');
  if (typeof data !== 'string' || typeof name !== 'string' || typeof alt !== 'string' || name.length > 200 || alt.length > 500) throw new ExportRefusedError('export.image needs text data, name and alt');
  try {
    const bytes = format === 'png' ? checkPng(data).bytes : (checkSvg(data), Buffer.from(data, 'utf8'));
    return { format, data, name, alt, action, bytes };
  } catch (e) {
    if (e instanceof ExportDataError) throw new ExportRefusedError(`the picture was not saved: ${e.message}`);
    throw e;
  }
}

