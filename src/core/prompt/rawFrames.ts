/**
 * What the same question costs SmolVLM2 when it is given raw video frames instead of the map: the baseline the
 * compact prompt is measured against. Transformers' SmolVLMProcessor (process_video) expands a video into
 *   "You are provided the following series of {frame_count in words} frames from a {H:MM:SS} [H:MM:SS] video.\n"
 *   then per frame "\nFrame from {MM:SS}:" + <fake_token_around_image><global-img> + image_seq_len × <image>
 *   + <fake_token_around_image>, then "\n\n".
 * SmolVLM2-256M/500M-Video-Instruct: image_seq_len 64 (a 512 px tile, 32×32 patches of 16 px, pixel shuffle
 * 4), and video frames are resized to 512 px on the longest edge and never split, so each frame is one tile:
 * 64 + 3 special tokens, plus the timestamp text. The text parts are counted with the same counter as the map.
 */
export const SMOLVLM2_IMAGE_SEQ_LEN = 64;
/** <fake_token_around_image>, <global-img>, <fake_token_around_image>. */
export const FRAME_WRAPPER_SPECIAL_TOKENS = 3;

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** num2words for 0–99, as the processor writes the frame count ("thirty-two"). */
export function numberWords(n: number): string {
  if (n < 20) return ONES[n];
  const t = TENS[Math.floor(n / 10)];
  return n % 10 ? `${t}-${ONES[n % 10]}` : t;
}

const two = (n: number): string => String(n).padStart(2, '0');

export interface RawFramesPrompt {
  /** The text around the frames, as the processor writes it (special tokens left out). */
  readonly text: string;
  /** Image and wrapper special tokens: frames × (image_seq_len + 3). */
  readonly specialTokens: number;
}

/** The video part of SmolVLM2's prompt for `frames` frames sampled evenly from a clip of `seconds`. */
export function rawFramesPrompt(frames: number, seconds: number): RawFramesPrompt {
  const d = Math.floor(seconds);
  const parts = [
    `You are provided the following series of ${numberWords(frames)} frames from a ${Math.floor(d / 3600)}:${two(Math.floor(d / 60) % 60)}:${two(d % 60)} [H:MM:SS] video.\n`,
  ];
  for (let i = 0; i < frames; i++) {
    const t = Math.floor((i * seconds) / frames);
    parts.push(`\nFrame from ${two(Math.floor(t / 60))}:${two(t % 60)}:`);
  }
  parts.push('\n\n');
  return {
    text: parts.join(''),
    specialTokens: frames * (SMOLVLM2_IMAGE_SEQ_LEN + FRAME_WRAPPER_SPECIAL_TOKENS),
  };
}

/** Tokens of the video part: special tokens exactly, the text with `count`. */
export function rawFramesTokens(frames: number, seconds: number, count: (text: string) => number): number {
  const p = rawFramesPrompt(frames, seconds);
  return p.specialTokens + count(p.text);
}
