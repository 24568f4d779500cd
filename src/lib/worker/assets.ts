import { YOLOX_MODEL_FILE, YOLOX_MODEL_ID } from '../../engines/detector/yoloxDetectorBase';
import { registerBundledModelFile } from '../../engines/models/modelLoader';
import { setOrtWasmPaths } from '../../engines/transformers/browserWasmPaths';

/** Where a worker's runtime files come from; by default the copies shipped with the package. */
export interface WorkerAssetOptions {
  /**
   * onnxruntime-web's wasm: a folder URL (ending in `/`) holding `ort-wasm-simd-threaded.asyncify.{wasm,mjs}`,
   * e.g. a CDN's `onnxruntime-web/dist/`, or both URLs. Default: the copy shipped next to this module.
   */
  readonly ortWasm?: string | { readonly wasm: string; readonly mjs: string };
}

/**
 * Applies the options in this worker: the ORT wasm location, and the bundled YOLOX-Nano as the file used when
 * the models base URL has none (a `models-base` folder with yolox-nano/ still wins).
 */
export function applyWorkerAssets(options: WorkerAssetOptions): void {
  if (options.ortWasm) setOrtWasmPaths(options.ortWasm);
  // One copy in the package, public/models/ (the CLI reads it too), two folders above the built chunk
  // (dist-lib/browser/). `@vite-ignore` keeps this library's build from copying it; the build strips the comment,
  // so a consumer's bundler copies it into its own output.
  const yoloxUrl = new URL(
    /* @vite-ignore */ '../../public/models/yolox-nano/yolox_nano.onnx',
    import.meta.url,
  );
  registerBundledModelFile(YOLOX_MODEL_ID, YOLOX_MODEL_FILE, yoloxUrl.href);
}
