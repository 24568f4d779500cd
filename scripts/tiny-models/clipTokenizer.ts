/**
 * OWLv2's text tokenizer is CLIP's. hub-files holds CLIP's real BPE merges (bpe_simple_vocab_16e6.txt.gz) and
 * OpenAI's reference simple_tokenizer.py, not a tokenizer.json; this writes the tokenizer.json that Hugging Face's
 * CLIPTokenizerFast converter (transformers' CLIPConverter) produces from them: the vocabulary built exactly as
 * simple_tokenizer.py builds it (256 byte symbols, the same with "</w>", one entry per merge, then
 * <|startoftext|> 49406 and <|endoftext|> 49407), NFC + whitespace + lowercase normalisation, CLIP's split
 * pattern, byte-level symbols, BPE with the "</w>" end-of-word suffix, and <|startoftext|> … <|endoftext|> around
 * every text.
 */
import { gunzipSync } from 'node:zlib';

/** GPT-2 / CLIP bytes_to_unicode, in its own order: printable bytes first, then the rest mapped from 256 up. */
export function bytesToUnicode(): string[] {
  const bs: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  return cs.map((c) => String.fromCharCode(c));
}

export const CLIP_BOS = '<|startoftext|>';
export const CLIP_EOS = '<|endoftext|>';

/** tokenizer.json (as an object) from CLIP's gzipped merges file. */
export function clipTokenizerJson(mergesGz: Uint8Array): { json: unknown; vocabSize: number } {
  // simple_tokenizer.py: merges = lines[1 : 49152 - 256 - 2 + 1]
  const lines = new TextDecoder()
    .decode(gunzipSync(mergesGz))
    .split('\n')
    .slice(1, 49152 - 256 - 2 + 1);
  const merges = lines.map((l) => l.split(' ') as [string, string]);
  const symbols = bytesToUnicode();
  const tokens = [
    ...symbols,
    ...symbols.map((s) => `${s}</w>`),
    ...merges.map(([a, b]) => a + b),
    CLIP_BOS,
    CLIP_EOS,
  ];
  const vocab: Record<string, number> = {};
  tokens.forEach((t, i) => (vocab[t] = i));
  const added = (content: string, normalized: boolean) => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized,
    special: true,
  });
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [added(CLIP_BOS, true), added(CLIP_EOS, false)],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' },
        { type: 'Lowercase' },
      ],
    },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        {
          type: 'Split',
          pattern: { Regex: "'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+" },
          behavior: 'Removed',
          invert: true,
        },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
      ],
    },
    post_processor: {
      type: 'RobertaProcessing',
      sep: [CLIP_EOS, vocab[CLIP_EOS]],
      cls: [CLIP_BOS, vocab[CLIP_BOS]],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: CLIP_EOS,
      continuing_subword_prefix: '',
      end_of_word_suffix: '</w>',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
  return { json, vocabSize: tokens.length };
}
