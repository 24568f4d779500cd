/**
 * The engines the per-frame step runs when a frame does not bring its own detections or depth, kept to what the
 * step needs (plus a label for people) so the core imports none: the browser passes YOLOX on onnxruntime-web
 * and Depth Anything on Transformers.js (src/runtime/perception), Node its own, tests fakes. `P` is the
 * model-progress callback of whoever loads them (the core never looks inside it).
 */
import type { DepthImage, Detection, RgbImage } from '../perception/types';

export interface DetectorEngine<P = unknown> {
  load(progress?: P): Promise<void>;
  detect(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<readonly Detection[]>;
  /** What ran, for people: "YOLOX-Nano (wasm)". Accurate once loaded (after any WebGPU → wasm fallback). */
  label(): string;
}

/**
 * An estimated depth map: metres along the optical axis (`metric`), or affine-invariant inverse depth
 * (`relative-disparity`, Depth Anything's relative output), made metric by metricDepth.ts before fusion.
 */
export interface EstimatedDepth extends DepthImage {
  readonly scale: 'metric' | 'relative-disparity';
}

export interface DepthEngine<P = unknown> {
  load(progress?: P): Promise<void>;
  estimate(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<EstimatedDepth>;
  label(): string;
}

/**
 * An open-vocabulary detector (OWLv2): finds objects named in free text ("piano"), for the names a question asks
 * about that no closed-set class covers. Loaded only when such a name is asked for.
 */
export interface OpenVocabEngine<P = unknown> {
  load(progress?: P): Promise<void>;
  detect(
    image: RgbImage,
    names: readonly string[],
    opts?: { signal?: AbortSignal },
  ): Promise<readonly Detection[]>;
  label(): string;
}
