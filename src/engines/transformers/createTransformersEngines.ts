/**
 * What a worker needs to build the Transformers.js engines from a models base URL (or a folder in Node).
 * In a browser worker pass `wasmPaths: BUNDLED_ORT_WASM_PATHS` (browserWasmPaths.ts) and the probed capabilities.
 */
import type { BackendCapabilities, BackendPreference } from '../../core/backend/decideBackend';
import { DepthAnythingEstimator } from '../depth/depthAnythingEstimator';
import { Owlv2Detector } from '../openvocab/owlv2Detector';
import { SmolVlm } from '../vlm/smolVlm';
import type { ModelSourceOptions } from './modelSource';

export interface TransformersEngineConfig {
  /** `/models/` in the browser (files at `/models/<id>/…`), a directory in Node. */
  readonly modelsBaseUrl: string;
  /** Hub downloads for files not found locally; only when the user allows network. */
  readonly allowRemoteModels: boolean;
  readonly capabilities: BackendCapabilities;
  readonly preference?: BackendPreference;
  readonly wasmPaths?: ModelSourceOptions['wasmPaths'];
  readonly onNotice?: (message: string) => void;
  readonly modelIds?: { readonly depth?: string; readonly vlm?: string; readonly openVocab?: string };
}

function common(cfg: TransformersEngineConfig) {
  const source: ModelSourceOptions = {
    localModelPath: cfg.modelsBaseUrl,
    allowRemoteModels: cfg.allowRemoteModels,
    ...(cfg.wasmPaths ? { wasmPaths: cfg.wasmPaths } : {}),
  };
  return { source, capabilities: cfg.capabilities, preference: cfg.preference, onNotice: cfg.onNotice };
}

export function createDepthEstimator(cfg: TransformersEngineConfig): DepthAnythingEstimator {
  return new DepthAnythingEstimator({ ...common(cfg), modelId: cfg.modelIds?.depth });
}

export function createVisionLanguageModel(cfg: TransformersEngineConfig): SmolVlm {
  return new SmolVlm({ ...common(cfg), modelId: cfg.modelIds?.vlm });
}

export function createOpenVocabularyDetector(cfg: TransformersEngineConfig): Owlv2Detector {
  return new Owlv2Detector({ ...common(cfg), modelId: cfg.modelIds?.openVocab });
}
