import type { BackendChoice } from '../../core/backend/decideBackend';
import type { RgbImage } from '../../core/perception/types';
import type { ModelProgressCallback } from '../models/progress';

export interface GenerateRequest {
  /** The user's turn; the engine applies the model's chat template. */
  readonly prompt: string;
  /** Optional system turn placed before the user's. */
  readonly system?: string;
  /** Images shown before the prompt text, in order. */
  readonly images?: readonly RgbImage[];
  /** Default 256. */
  readonly maxNewTokens?: number;
  /** Called with each newly decodable piece of text as it is generated. */
  readonly onToken?: (text: string) => void;
  /** Aborting stops generation at the next token; the promise then resolves with what was generated. */
  readonly signal?: AbortSignal;
}

/** Why generation ended: the model's end token, the token budget, interrupt(), or the request's AbortSignal. */
export type FinishReason = 'eos' | 'length' | 'interrupted' | 'aborted';

export interface GenerateResult {
  readonly text: string;
  /** New tokens generated (the prompt excluded). */
  readonly tokens: number;
  /** Prompt tokens, image tokens included. */
  readonly promptTokens: number;
  /** Of the prompt tokens, the `<image>` tokens the processor expanded the images into. */
  readonly imageTokens: number;
  /** Wall time of the whole call, preprocessing included. */
  readonly ms: number;
  readonly finishReason: FinishReason;
}

/**
 * The VLM, under one name from the engine to the reasoner worker (which adapts it to the reasoning core's small
 * TextGenerator port where it asks).
 */
export interface VisionLanguageModel {
  /** The model's id (its folder under the models URL, or its Hub id). */
  readonly modelId: string;
  /** The device/dtype that the load ended up with, or null when not loaded. */
  readonly backend: BackendChoice | null;
  load(progress?: ModelProgressCallback): Promise<void>;
  /** One generation at a time: a new call interrupts the running one first (latest request wins). */
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Tokens of `text` under the model's real tokenizer (no special tokens added). Needs load() first. */
  countTokens(text: string): number;
  /** Stops the running generation at the next token; it resolves with finishReason 'interrupted'. */
  interrupt(): void;
  dispose(): Promise<void>;
}
