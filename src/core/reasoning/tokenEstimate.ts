/**
 * A conservative token count for prompts when no tokenizer is loaded, modelled on SmolVLM2's text tokenizer
 * (SmolLM2's byte-level BPE, 49k vocabulary). That tokenizer pre-tokenizes in two steps before any merge:
 *   1. Digits(individual_digits): every digit is its own piece, so "2.00" is four tokens, not one;
 *   2. ByteLevel with the GPT-2 split: a word with its leading space (" table"), a run of other symbols with
 *      its leading space (" (", "...."), a run of whitespace; a space left in front of a digit (step 1 cut it
 *      off) is a piece of its own.
 * BPE merges only inside a piece, so the number of pieces is an exact lower bound of the real count. On top of
 * it we add what merging may leave split: words longer than 6 letters at 4 letters a token, symbol runs at 2
 * characters a token, non-ASCII characters at one token per UTF-8 byte. Numbers-heavy text such as
 * the map costs 2–3× what "4 characters a token" says. Measured against SmolVLM's real tokenizer.json
 * (scripts/bench/promptTokens.test.ts): maps and whole prompts come out 0–40% over, never under; a short text
 * alone can be a token under, because a word of up to 6 letters is not always one token ("potted" is two).
 * Where the model is loaded its tokenizer counts instead (VisionLanguageModel.countTokens).
 */
const PIECE = /\p{N}|'(?:s|t|re|ve|m|ll|d)| ?\p{L}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Bytes beyond the first of each non-ASCII character (byte-level BPE may leave every byte a token). */
const nonAscii = (s: string): number => {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c > 0xffff ? 3 : c > 0x7ff ? 2 : c > 0x7f ? 1 : 0;
  }
  return n;
};

function pieceTokens(p: string): number {
  const extra = nonAscii(p);
  const body = p.startsWith(' ') && p.length > 1 ? p.slice(1) : p;
  if (/^\p{L}+$/u.test(body)) return Math.max(1, body.length <= 6 ? 1 : Math.ceil(body.length / 4)) + extra;
  if (/^\s+$/.test(p)) return 1;
  if (/^\p{N}$/u.test(p)) return 1 + extra;
  return Math.max(1, Math.ceil(body.length / 2)) + extra;
}

/** Pre-token pieces as SmolLM2's pre-tokenizer would cut them (digits isolated first, then the GPT-2 split). */
export function preTokenPieces(text: string): string[] {
  const out: string[] = [];
  // Step 1: isolate digits; step 2: split each remaining stretch with the GPT-2 pattern.
  for (const part of text.split(/(\p{N})/u)) {
    if (part === '') continue;
    if (/^\p{N}$/u.test(part)) out.push(part);
    else out.push(...(part.match(PIECE) ?? []));
  }
  return out;
}

/** Estimated tokens of `text` for SmolVLM2 (see above): over the real count on prompts, by up to ~40%. */
export function estimateTokens(text: string): number {
  let n = 0;
  for (const p of preTokenPieces(text)) n += pieceTokens(p);
  return n;
}
