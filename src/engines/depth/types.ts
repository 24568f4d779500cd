import type { DepthImage, RgbImage } from '../../core/perception/types';
import type { ModelProgressCallback } from '../models/progress';

/**
 * What the values of an estimated depth map mean. `metric`: metres along the optical axis, as DepthImage.
 * `relative-disparity`: affine-invariant inverse depth (Depth Anything's relative output; larger = nearer),
 * to be made metric with src/core/perception/depthScale.ts before fusion.
 */
export type DepthScale = 'metric' | 'relative-disparity';

export interface EstimatedDepth extends DepthImage {
  readonly scale: DepthScale;
}

export interface DepthEstimator {
  /** Loads on first call (later calls share the same load); progress is the project's ModelProgress union. */
  load(progress?: ModelProgressCallback): Promise<void>;
  /** Depth at the input image's resolution. Rejects with an AbortError when `signal` aborts. */
  estimate(image: RgbImage, opts?: { signal?: AbortSignal }): Promise<EstimatedDepth>;
  /** Releases the ONNX sessions; a later load() starts afresh. */
  dispose(): Promise<void>;
}
