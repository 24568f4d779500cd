/**
 * ORT's wasm binary and its loader, served from our own bundle (Vite `?url`), so Transformers.js never reaches
 * for a CDN. Browser-only: import this from a worker or page, never from Node code.
 */
import wasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';

export const BUNDLED_ORT_WASM_PATHS = { wasm, mjs } as const;
