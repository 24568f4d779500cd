/**
 * ORT's wasm binary and its loader, served from our own bundle (Vite `?url`), so Transformers.js never reaches
 * for a CDN. Browser-only: import this from a worker or page, never from Node code.
 */
import type { BackendCapabilities, BackendPreference } from '../../core/backend/decideBackend';
import type { TransformersEngineConfig } from './createTransformersEngines';
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

/**
 * The paths every engine of this JS context hands to ORT (read when a model first loads). The bundled files by
 * default; `setOrtWasmPaths` points them elsewhere (a CDN, a self-hosted folder) before the first load.
 */
export const BUNDLED_ORT_WASM_PATHS: { wasm: string; mjs: string } = { wasm, mjs };

/** The file names ORT looks for in a folder of its dist files. */
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.asyncify.wasm';
export const ORT_MJS_FILE = 'ort-wasm-simd-threaded.asyncify.mjs';

/**
 * Loads ORT's wasm from `base` (a folder URL ending in `/`, holding ORT's dist files) or from the two given URLs,
 * instead of the bundled copy. Call it before any model loads in this context (a worker's first lines).
 */
export function setOrtWasmPaths(where: string | { readonly wasm: string; readonly mjs: string }): void {
  const paths =
    typeof where === 'string'
      ? { wasm: new URL(ORT_WASM_FILE, where).href, mjs: new URL(ORT_MJS_FILE, where).href }
      : where;
  BUNDLED_ORT_WASM_PATHS.wasm = paths.wasm;
  BUNDLED_ORT_WASM_PATHS.mjs = paths.mjs;
}

/** A browser worker's Transformers.js engine config: the page's model settings, this context's probe, ORT as set here. */
export function browserEngineConfig(
  settings: {
    readonly modelsBaseUrl: string;
    readonly allowNetwork: boolean;
    readonly backend: BackendPreference;
  },
  capabilities: BackendCapabilities,
  onNotice: (message: string) => void,
): TransformersEngineConfig {
  return {
    modelsBaseUrl: settings.modelsBaseUrl,
    allowRemoteModels: settings.allowNetwork,
    capabilities,
    preference: settings.backend,
    wasmPaths: BUNDLED_ORT_WASM_PATHS,
    onNotice,
  };
}
