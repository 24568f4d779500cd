/**
 * A closed-set 2D object detector. Lazy: `load` on first use (or ahead, to show download progress);
 * `dispose` frees the session. Implementations: YOLOX-Nano on onnxruntime-node (CLI) and
 * onnxruntime-web (browser).
 */
import type { Detection, RgbImage } from '../../core/perception/types';
import type { ModelProgressCallback } from '../models/progress';

export interface DetectOptions {
  /** Minimum objectness × class score; default 0.3. */
  readonly scoreThreshold?: number;
  /** A stale request is abandoned: the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

export interface ObjectDetector {
  readonly name: string;
  load(progress?: ModelProgressCallback): Promise<void>;
  /** Boxes in pixels of `image`, best first. */
  detect(image: RgbImage, opts?: DetectOptions): Promise<Detection[]>;
  dispose(): Promise<void>;
}

/** Something the user should see: e.g. WebGPU failed and the detector runs on wasm instead. */
export interface BackendNotice {
  readonly kind: 'backend-fallback';
  readonly engine: string;
  readonly from: 'webgpu';
  readonly to: 'wasm';
  readonly reason: string;
}
