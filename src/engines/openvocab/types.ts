import type { Detection, RgbImage } from '../../core/perception/types';
import type { ModelProgressCallback } from '../models/progress';

export interface OpenVocabularyOptions {
  /** Minimum score (0–1) kept. Default 0.1. */
  readonly threshold?: number;
  /** Keep at most this many, best first. */
  readonly topK?: number;
  readonly signal?: AbortSignal;
}

/** Detects objects named by free-text labels (the task's objects that a closed-set detector lacks). */
export interface OpenVocabularyDetector {
  load(progress?: ModelProgressCallback): Promise<void>;
  /** Boxes in pixels of `image`, labels drawn from `labels`, best first. Rejects with an AbortError on abort. */
  detect(image: RgbImage, labels: readonly string[], opts?: OpenVocabularyOptions): Promise<Detection[]>;
  dispose(): Promise<void>;
}
