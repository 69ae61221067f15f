/**
 * Vocabularies for language models, character- or word-level. Index 0 is always the unknown token, so any text can
 * be encoded: characters or words never seen in training map to it, and the caller is told which ones did.
 * Word-level text is tokenised with the notes tokenizer (src/core/corpus/tokenize.ts); sentence ends become an
 * explicit end-of-sentence token so generated text has line breaks.
 * No tfjs here: the extension host and tests may import it.
 */
import { tokenizeSentences } from '../corpus/tokenize';

export type LmLevel = 'char' | 'word';

export const UNK = '<unk>';
export const EOS = '<eos>';
/** How the unknown token is shown when decoding characters. */
export const UNK_CHAR_DISPLAY = '\uFFFD';

export class VocabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VocabError';
  }
}

export interface VocabJson {
  level: LmLevel;
  /** Tokens by id; tokens[0] is UNK. */
  tokens: string[];
}

export interface EncodeResult {
  ids: Int32Array;
  /** Distinct tokens of the input that are not in the vocabulary (each mapped to UNK), in order of appearance. */
  unknown: string[];
  /** How many input tokens were unknown. */
  unknownCount: number;
}

/** Split text into the tokens of a level. Characters are Unicode code points (an emoji is one token). */
export function splitTokens(text: string, level: LmLevel): string[] {
  if (level === 'char') return Array.from(text.replace(/\r\n?/g, '\n'));
  const out: string[] = [];
  for (const sentence of tokenizeSentences(text)) {
    for (const w of sentence) out.push(w);
    out.push(EOS);
  }
  return out;
}

export class Vocab {
  readonly level: LmLevel;
  readonly tokens: readonly string[];
  private readonly index: Map<string, number>;

  constructor(level: LmLevel, tokens: readonly string[]) {
    if (tokens[0] !== UNK) throw new VocabError('a vocabulary must start with the unknown token');
    this.level = level;
    this.tokens = tokens;
    this.index = new Map(tokens.map((t, i) => [t, i]));
    if (this.index.size !== tokens.length) throw new VocabError('a vocabulary has a duplicate token');
  }

  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token, or undefined when it is unknown. */
  idOf(token: string): number | undefined {
    return this.index.get(token);
  }

  /**
   * Build a vocabulary from training text: every character (char-level) or every word with at least `minCount`
   * occurrences, most frequent first, at most `maxSize` tokens including UNK.
   */
  static build(text: string, level: LmLevel, opts: { minCount?: number; maxSize?: number } = {}): Vocab {
    return Vocab.fromTokens(splitTokens(text, level), level, opts);
  }

  static fromTokens(toks: readonly string[], level: LmLevel, opts: { minCount?: number; maxSize?: number } = {}): Vocab {
    const minCount = opts.minCount ?? 1;
    const maxSize = opts.maxSize ?? Infinity;
    const counts = new Map<string, number>();
    for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
    counts.delete(UNK);
    const kept = [...counts.entries()]
      .filter(([, c]) => c >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, Math.max(0, maxSize - 1))
      .map(([t]) => t);
    if (level === 'char') kept.sort(); // stable, readable order for characters
    return new Vocab(level, [UNK, ...kept]);
  }

  /** Encode tokens; unknown ones become id 0 and are listed. */
  encodeTokens(toks: readonly string[]): EncodeResult {
    const ids = new Int32Array(toks.length);
    const unknown = new Set<string>();
    let unknownCount = 0;
    for (let i = 0; i < toks.length; i++) {
      const id = this.index.get(toks[i]);
      if (id === undefined || id === 0) {
        unknownCount++;
        unknown.add(toks[i]);
        ids[i] = 0;
      } else ids[i] = id;
    }
    return { ids, unknown: [...unknown], unknownCount };
  }

  encode(text: string): EncodeResult {
    return this.encodeTokens(splitTokens(text, this.level));
  }

  /** The display text of one token id. */
  tokenText(id: number): string {
    const t = this.tokens[id];
    if (t === undefined) throw new VocabError(`token id ${id} is outside the vocabulary (size ${this.size})`);
    if (id === 0) return this.level === 'char' ? UNK_CHAR_DISPLAY : UNK;
    return t;
  }

  /** Decode ids to text: characters are concatenated; words are joined by spaces, EOS becomes a line break. */
  decode(ids: ArrayLike<number>): string {
    if (this.level === 'char') {
      let s = '';
      for (let i = 0; i < ids.length; i++) s += this.tokenText(ids[i]);
      return s;
    }
    const parts: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const t = this.tokenText(ids[i]);
      if (t === EOS) parts.push('\n');
      else parts.push(parts.length && parts[parts.length - 1] !== '\n' ? ' ' + t : t);
    }
    return parts.join('');
  }

  toJSON(): VocabJson {
    return { level: this.level, tokens: [...this.tokens] };
  }

  static fromJSON(raw: unknown): Vocab {
    const j = raw as Partial<VocabJson> | null;
    if (!j || typeof j !== 'object') throw new VocabError('the vocabulary is not an object');
    if (j.level !== 'char' && j.level !== 'word') throw new VocabError(`the vocabulary level must be "char" or "word", got ${JSON.stringify(j.level)}`);
    if (!Array.isArray(j.tokens) || j.tokens.length < 2 || !j.tokens.every((t) => typeof t === 'string')) {
      throw new VocabError('the vocabulary token list is missing or malformed');
    }
    return new Vocab(j.level, j.tokens);
  }
}
