/**
 * Where Transformers.js finds model folders, and how it is allowed to get them. Applied to the library's global
 * `env` just before a load: one JS context (one worker) holds one heavy model, so there is no contention.
 */
import type { env as TransformersEnv } from '@huggingface/transformers';

export interface ModelSourceOptions {
  /**
   * Base of the local model folders: a URL path in the browser (e.g. `/models/`, files at `/models/<id>/config.json`),
   * a directory in Node (e.g. `fixtures/models`).
   */
  readonly localModelPath: string;
  /** Download from the Hugging Face Hub when a file is not local. Only when the user allows network. */
  readonly allowRemoteModels: boolean;
  /** Browser: ORT's wasm files from the bundle (see browserWasmPaths.ts), never a CDN. */
  readonly wasmPaths?: { readonly wasm: string; readonly mjs: string };
  /** Node: cache folder for Hub downloads; null disables the file-system cache. */
  readonly cacheDir?: string | null;
}

export function applyModelSource(env: typeof TransformersEnv, source: ModelSourceOptions): void {
  env.allowLocalModels = true;
  env.localModelPath = source.localModelPath.endsWith('/')
    ? source.localModelPath
    : `${source.localModelPath}/`;
  env.allowRemoteModels = source.allowRemoteModels;
  if (source.cacheDir !== undefined) {
    env.useFSCache = source.cacheDir !== null;
    if (source.cacheDir !== null) env.cacheDir = source.cacheDir;
  }
  const wasm = env.backends.onnx.wasm;
  if (source.wasmPaths && wasm) {
    // Mutate the existing object: Transformers.js keeps a reference to env.backends.onnx.
    wasm.wasmPaths = { wasm: source.wasmPaths.wasm, mjs: source.wasmPaths.mjs };
  }
}

/** The library is imported on first load, not at module load: constructing an engine stays cheap. */
export async function importTransformers(
  source: ModelSourceOptions,
): Promise<typeof import('@huggingface/transformers')> {
  const lib = await import('@huggingface/transformers');
  applyModelSource(lib.env, source);
  return lib;
}
