import type { RgbImage } from '../perception/types';

/**
 * What the reasoner needs from the outside world, kept small so that engines adapt to it (not the reverse):
 * the VLM behind `TextGenerator`, perception + fusion behind `FramePerceiver`, keyframe pixels behind
 * `FrameImages`.
 */
export interface GenerateOptions {
  readonly images?: RgbImage[];
  /** Called with each new piece of text as it streams. */
  readonly onToken?: (t: string) => void;
  readonly signal?: AbortSignal;
  readonly maxNewTokens?: number;
}

export interface TextGenerator {
  generate(prompt: string, opts: GenerateOptions): Promise<string>;
  /** Exact token count with the model's tokenizer; without it, prompts are estimated at ≈ 4 characters a token. */
  countTokens?(text: string): number;
}

export interface FramePerceiver {
  /** Frame indices that could be perceived (the sequence's frames). */
  framesAvailable(): number[];
  /** Frames already fused into the mosaic. */
  framesPerceived?(): number[];
  /** Perceive these frames and fuse them into the mosaic (the same object the reasoner holds). */
  perceive(frames: number[], signal?: AbortSignal): Promise<void>;
}

export interface FrameImages {
  image(frame: number): Promise<RgbImage | undefined>;
}

export class AbortedError extends Error {
  override name = 'AbortedError';
  constructor() {
    super('reasoning was aborted: the request was cancelled; ask again to restart');
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AbortedError();
}

/** ≈ 4 characters per token: the usual estimate for English BPE vocabularies when no tokenizer is given. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
