/**
 * Makes an estimated depth map metric for fusion. Depth Anything's relative output is inverse depth up to an
 * unknown affine map; with no metric depth for the frame, the scale comes from object-size priors (a detected
 * chair of known typical height at h pixels is ≈ fy·H/h away). Frames with no such object reuse the last fit:
 * a rough scale is better than dropping the frame, and the source says so.
 */
import type { Intrinsics } from '../geometry/types';
import {
  applyDepthScale,
  fitDepthScale,
  objectSizeSamples,
  type DepthScaleFit,
} from '../perception/depthScale';
import type { DepthImage, Detection } from '../perception/types';
import type { EstimatedDepth } from './engines';

export type ScaleSource = 'metric model' | 'object sizes' | 'previous frame' | 'assumed room scale';

/**
 * With no metric cue at all (no sensor depth, no pose, no object of known size), monocular depth and odometry
 * only agree up to one unknown scale; fixing it so that the first frame's median depth is this far gives a map
 * in roughly room-sized units, which later object-size fits then replace. Said as such in the status.
 */
export const ASSUMED_MEDIAN_DEPTH_M = 2;

/** A fit, and whether it came from the room-scale assumption rather than a measurement. */
export type KeptFit = DepthScaleFit & { readonly assumed?: boolean };

export interface MetricDepth {
  readonly depth: DepthImage;
  readonly scale: ScaleSource;
  /** The fit used (absent for a metric model); keep it for the next frame. */
  readonly fit?: KeptFit;
  /** Object-size samples the fit used (0 when reused). */
  readonly samples: number;
}

export function metricDepth(
  estimated: EstimatedDepth,
  detections: readonly Detection[],
  intrinsics: Intrinsics,
  previous?: KeptFit,
  /** No pose and no metric depth come with the frame: an assumed scale is better than nothing (see above). */
  assumeScale = false,
): MetricDepth | undefined {
  const plain: DepthImage = { width: estimated.width, height: estimated.height, data: estimated.data };
  if (estimated.scale === 'metric') return { depth: plain, scale: 'metric model', samples: 0 };
  const samples = objectSizeSamples(estimated, detections, intrinsics.fy, intrinsics);
  if (samples.length > 0) {
    try {
      const fit = fitDepthScale(samples, 'disparity');
      if (Number.isFinite(fit.a) && fit.a > 0) {
        return {
          depth: applyDepthScale(estimated, fit),
          scale: 'object sizes',
          fit,
          samples: samples.length,
        };
      }
    } catch {
      // No usable sample (e.g. zero disparity inside every box): fall through to the previous fit.
    }
  }
  if (!previous && assumeScale) {
    const fit = assumedFit(estimated);
    if (fit) return { depth: applyDepthScale(estimated, fit), scale: 'assumed room scale', fit, samples: 0 };
  }
  if (!previous) return undefined;
  return {
    depth: applyDepthScale(estimated, previous),
    scale: previous.assumed ? 'assumed room scale' : 'previous frame',
    fit: previous,
    samples: 0,
  };
}

/** Scale only (b = 0), chosen so that the median positive disparity maps to ASSUMED_MEDIAN_DEPTH_M. */
export function assumedFit(estimated: { readonly data: Float32Array }): KeptFit | undefined {
  const positive: number[] = [];
  const step = Math.max(1, Math.floor(estimated.data.length / 4096));
  for (let i = 0; i < estimated.data.length; i += step) {
    const v = estimated.data[i];
    if (Number.isFinite(v) && v > 0) positive.push(v);
  }
  if (positive.length === 0) return undefined;
  positive.sort((x, y) => x - y);
  const median = positive[positive.length >> 1];
  return {
    kind: 'disparity',
    a: 1 / (ASSUMED_MEDIAN_DEPTH_M * median),
    b: 0,
    inliers: 0,
    samples: 0,
    medianRelError: Number.NaN,
    assumed: true,
  };
}
