/**
 * Training corpora from files: "brown" (the bundled Brown corpus, already tokenized) or a UTF-8 text file, read
 * with the size, binary and encoding checks of readTextFile and tokenized as notes. Files are read whole and
 * tokenized in memory (about 50 bytes per token), so they are refused above MAX_CORPUS_BYTES.
 */
import { loadBrownSentences } from '../corpus/brown';
import { readTextFile } from '../corpus/text';
import { tokenizeSentences, type TokenizeOptions } from '../corpus/tokenize';

export const MAX_CORPUS_BYTES = 64 * 1024 * 1024;

export function readCorpus(source: string, opts: TokenizeOptions = {}): string[][] {
  if (source === 'brown') return loadBrownSentences();
  return tokenizeSentences(readTextFile(source, MAX_CORPUS_BYTES), opts);
}
