/**
 * The engines the perception pipeline runs when a frame does not bring its own detections or depth. Kept to
 * what the pipeline needs (plus a human label for the status line) so tests pass fakes and the browser passes
 * YOLOX on onnxruntime-web and Depth Anything on Transformers.js (browserEngines.ts).
 */
import type { Detection, RgbImage } from '../../core/perception/types';
import type { EstimatedDepth } from '../../engines/depth/types';
import type { ModelProgressCallback } from '../../engines/models/progress';

export interface DetectorEngine {
  load(progress?: ModelProgressCallback): Promise<void>;
  detect(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<Detection[]>;
  /** What ran, for people: "YOLOX-Nano (wasm)". Accurate once loaded (after any WebGPU → wasm fallback). */
  label(): string;
  dispose(): Promise<void>;
}

export interface DepthEngine {
  load(progress?: ModelProgressCallback): Promise<void>;
  estimate(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<EstimatedDepth>;
  label(): string;
  dispose(): Promise<void>;
}

/**
 * An open-vocabulary detector (OWLv2): finds objects named in free text ("piano"), for the names a question asks
 * about that no closed-set class covers. Loaded only when such a name is asked for.
 */
export interface OpenVocabEngine {
  load(progress?: ModelProgressCallback): Promise<void>;
  detect(image: RgbImage, names: readonly string[], opts?: { signal?: AbortSignal }): Promise<Detection[]>;
  label(): string;
  dispose(): Promise<void>;
}

/** Where models come from and which backend to prefer; sent by the page with `configure`. */
export interface PerceptionConfig {
  readonly backend: 'auto' | 'webgpu' | 'wasm';
  /** URL path of the model folders (`/models/`): files at `<base><id>/<file>` as in the manifest. */
  readonly modelsBaseUrl: string;
  /** Hub downloads for models not found under the base URL (a user setting; off by default). */
  readonly allowNetwork: boolean;
}

export const DEFAULT_PERCEPTION_CONFIG: PerceptionConfig = {
  backend: 'auto',
  modelsBaseUrl: '/models/',
  allowNetwork: false,
};

/** Builds the engines for one configuration; `onNotice` carries fallbacks and failures to the status line. */
export interface PerceptionEngineFactory {
  detector?(config: PerceptionConfig, onNotice: (message: string) => void): DetectorEngine;
  depth?(config: PerceptionConfig, onNotice: (message: string) => void): DepthEngine;
  openVocab?(config: PerceptionConfig, onNotice: (message: string) => void): OpenVocabEngine;
}
