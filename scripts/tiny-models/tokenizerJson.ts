/**
 * Builds a real byte-level BPE `tokenizer.json` (the GPT-2 / SmolLM2 family's format) with a handful of merges,
 * so that tokenisation, special tokens and decoding run through the real tokenizer code, on a tiny vocabulary.
 */

/** GPT-2's bytes_to_unicode: every byte maps to a printable character. */
export function byteLevelAlphabet(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const out = new Array<string>(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    out[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + extra++);
  }
  return out;
}

/** Common English pairs, in merge order ('Ġ' is the byte-level space). */
const MERGES: readonly [string, string][] = [
  ['Ġ', 't'],
  ['h', 'e'],
  ['Ġt', 'he'],
  ['i', 'n'],
  ['Ġ', 'a'],
  ['e', 'r'],
  ['o', 'n'],
  ['Ġ', 's'],
  ['r', 'e'],
  ['a', 't'],
  ['Ġ', 'c'],
  ['o', 'r'],
  ['e', 'n'],
  ['Ġ', 'w'],
  ['i', 's'],
  ['Ġ', 'o'],
  ['Ġ', 'b'],
  ['Ġ', 'i'],
  ['a', 'n'],
  ['Ġ', 'h'],
  ['Ġ', 'f'],
  ['i', 't'],
  ['Ġ', 'm'],
  ['Ġ', 'd'],
  ['o', 'u'],
  ['l', 'e'],
  ['a', 'r'],
  ['Ġ', 'p'],
  ['Ġt', 'o'],
  ['Ġ', 'l'],
];

export interface TokenizerSpec {
  /** Special tokens placed first in the vocabulary (ids 0..). */
  readonly headSpecial: readonly string[];
  /** Special tokens appended after the byte-level vocabulary and merges. */
  readonly tailSpecial: readonly string[];
  /** Optional post-processor (e.g. TemplateProcessing adding BOS/EOS); null adds nothing. */
  readonly postProcessor?: (vocab: Record<string, number>) => unknown;
  /** Lowercase the input first (CLIP does). */
  readonly lowercase?: boolean;
}

export interface BuiltTokenizer {
  readonly json: unknown;
  /** The slow-tokenizer files that real repos ship beside tokenizer.json. */
  readonly merges: readonly (readonly [string, string])[];
  readonly vocab: Record<string, number>;
  readonly vocabSize: number;
  readonly specialIds: readonly number[];
}

export function buildByteLevelBpe(spec: TokenizerSpec): BuiltTokenizer {
  const vocab: Record<string, number> = {};
  let next = 0;
  const add = (t: string): number => (vocab[t] ??= next++);
  const specials = spec.headSpecial.map(add);
  for (const ch of byteLevelAlphabet()) add(ch);
  for (const [a, b] of MERGES) add(a + b);
  specials.push(...spec.tailSpecial.map(add));
  const addedTokens = [...spec.headSpecial, ...spec.tailSpecial].map((content) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: spec.lowercase ? { type: 'Lowercase' } : null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: spec.postProcessor ? spec.postProcessor(vocab) : null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: MERGES.map(([a, b]) => [a, b]),
    },
  };
  return { json, merges: MERGES, vocab, vocabSize: next, specialIds: specials };
}
