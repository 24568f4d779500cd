/**
 * onnxruntime-web for the browser, set up to work offline: the wasm binary and its loader are bundled by
 * Vite (`?url`) instead of being fetched from a CDN. Always the `webgpu` build: it is the one that
 * Transformers.js pins, so the app ships one wasm (see ../shared/notes/TOOLCHAIN.md).
 */
import * as ort from 'onnxruntime-web/webgpu';
import { BUNDLED_ORT_WASM_PATHS } from './transformers/browserWasmPaths';
import { wasmThreadCount } from '../core/backend/decideBackend';

/**
 * The runtime files (bundled, or where `setOrtWasmPaths` points); Transformers.js takes the same object
 * (`env.backends.onnx.wasm.wasmPaths`).
 */
export const ORT_WASM_PATHS = BUNDLED_ORT_WASM_PATHS;

export interface OrtWebSetup {
  /** wasm threads; default: wasmThreadCount (cores − 1, at most 4, where cross-origin isolated; else 1). */
  readonly threads?: number;
}

let configured = false;

/** Configure the shared ORT environment once and return the module. */
export function ortWeb(setup: OrtWebSetup = {}): typeof ort {
  if (!configured) {
    ort.env.wasm.wasmPaths = { ...ORT_WASM_PATHS };
    const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
    const cores = typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 1) : 1;
    ort.env.wasm.numThreads = setup.threads ?? wasmThreadCount(isolated, cores);
    configured = true;
  }
  return ort;
}
