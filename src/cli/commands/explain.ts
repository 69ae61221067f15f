import * as path from 'node:path';
import { FORMULA_HOVER_COMMANDS, formulaHoverAt } from '../../core/formula/index';
import { UsageError } from '../types';
import { command, flag } from './common';
import { readTextFile } from '../../core/corpus/text';

/** Notes larger than this are not notes; explain refuses them. */
const MAX_NOTES_BYTES = 64 * 1024 * 1024;

/** Language id from a file name, the way VS Code would pick it for our notes. */
function languageOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tex' || ext === '.latex' || ext === '.ltx') return 'latex';
  if (ext === '.txt' || ext === '.text') return 'plaintext';
  return 'markdown';
}

export const explainCommand = command(
  'explain FILE',
  'Explain the formula at one or more offsets of a notes file (offsets in UTF-16 code units, like TextDocument.offsetAt)',
  [
    // Not `required` in the spec, so that `explain --help` works; checked in run().
    flag.int('offset', 'offset into the file (UTF-16 code units); repeat for several (required)', { repeat: true }),
    flag.string('language', 'language id (markdown, latex, plaintext); default from the extension'),
    flag.bool('render', 'include the rendered formula (SVG data URI) in the markdown'),
    flag.string('color', 'formula colour for --render (default #333333)'),
  ],
  async (args, io) => {
    const file = String(args.positionals[0]);
    const offsets = (args.options.offset as Array<number>) ?? [];
    if (offsets.length === 0) throw new UsageError('--offset is required (give one or more)');
    for (const o of offsets) if (!Number.isInteger(o) || o < 0) throw new UsageError(`--offset must be a whole number ≥ 0, got ${o}`);
    // A regular UTF-8 file of notes, size-checked before it is opened; decodeText drops a BOM, as VS Code does.
    const text = readTextFile(file, MAX_NOTES_BYTES);
    const language = typeof args.options.language === 'string' ? args.options.language : languageOf(file);
    const render = args.options.render === true;
    const color = typeof args.options.color === 'string' ? args.options.color : '#333333';
    const results: Array<{ offset: number; latex: string | null; concept: string | null; title: string | null; markdown: string | null }> = [];
    for (const offset of offsets) {
      if (offset > text.length) {
        io.progress(`offset ${offset} is past the end of the file (${text.length})`);
        results.push({ offset, latex: null, concept: null, title: null, markdown: null });
        continue;
      }
      const h = formulaHoverAt(text, offset, language, { allowedCommands: FORMULA_HOVER_COMMANDS, render, color });
      if (!h) {
        results.push({ offset, latex: null, concept: null, title: null, markdown: null });
        io.out(`${offset}: not inside math`);
        continue;
      }
      results.push({ offset, latex: h.span.latex, concept: h.explanation.concept, title: h.explanation.title, markdown: h.markdown });
      io.out(`${offset}: ${h.explanation.concept ?? '(no concept)'} — ${h.explanation.title}\n  ${h.span.latex.slice(0, 120)}\n  ${h.explanation.example?.text ?? ''}`);
    }
    return results;
  },
);
