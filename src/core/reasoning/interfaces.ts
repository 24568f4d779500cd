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
  /** Exact token count with the model's tokenizer; without it, prompts are estimated conservatively (estimateTokens). */
  countTokens?(text: string): number;
}

export interface FramePerceiver {
  /** Frame indices that could be perceived (the sequence's frames). */
  framesAvailable(): number[];
  /** Frames already fused into the mosaic. */
  framesPerceived?(): number[];
  /**
   * Perceive these frames and fuse them into the mosaic (the same object the reasoner holds). `prompts`: object
   * names the question asks for that no closed-set detector class covers ("piano", "rubber duck"), for an
   * open-vocabulary detector to look for in these frames; a closed-set perceiver ignores them.
   */
  perceive(frames: number[], signal?: AbortSignal, prompts?: readonly string[]): Promise<void>;
}

export interface FrameImages {
  image(frame: number): Promise<RgbImage | undefined>;
}

/** Conservative count for SmolVLM2's tokenizer when none is loaded (digits count one each): see tokenEstimate. */
export { estimateTokens } from './tokenEstimate';
