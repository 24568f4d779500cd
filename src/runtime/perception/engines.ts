/**
 * The engines the perception worker runs when a frame does not bring its own detections or depth: the pipeline
 * core's engine interfaces (src/core/pipeline/engines.ts) with this project's model progress and a dispose, so
 * tests pass fakes and the browser passes YOLOX on onnxruntime-web and Depth Anything on Transformers.js
 * (browserEngines.ts).
 */
import type {
  DepthEngine as CoreDepthEngine,
  DetectorEngine as CoreDetectorEngine,
  OpenVocabEngine as CoreOpenVocabEngine,
} from '../../core/pipeline/engines';
import type { Detection, RgbImage } from '../../core/perception/types';
import type { EstimatedDepth } from '../../engines/depth/types';
import type { ModelProgressCallback } from '../../engines/models/progress';

export interface DetectorEngine extends CoreDetectorEngine<ModelProgressCallback> {
  detect(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<Detection[]>;
  dispose(): Promise<void>;
}

export interface DepthEngine extends CoreDepthEngine<ModelProgressCallback> {
  estimate(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<EstimatedDepth>;
  dispose(): Promise<void>;
}

/** The core's open-vocabulary detector (OWLv2, for names no closed-set class covers), disposable. */
export interface OpenVocabEngine extends CoreOpenVocabEngine<ModelProgressCallback> {
  detect(image: RgbImage, names: readonly string[], opts?: { signal?: AbortSignal }): Promise<Detection[]>;
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
