/**
 * Makes an estimated depth map metric for fusion. Depth Anything's relative output is inverse depth up to an
 * unknown affine map; with no metric depth for the frame, the scale comes from object-size priors (a detected
 * chair of known typical height at h pixels is ≈ fy·H/h away). Frames with no such object reuse the last fit:
 * a rough scale is better than dropping the frame, and the source says so.
 */
import type { Intrinsics } from '../../core/geometry/types';
import {
  applyDepthScale,
  fitDepthScale,
  objectSizeSamples,
  type DepthScaleFit,
} from '../../core/perception/depthScale';
import type { DepthImage, Detection } from '../../core/perception/types';
import type { EstimatedDepth } from '../../engines/depth/types';

export type ScaleSource = 'metric model' | 'object sizes' | 'previous frame';

export interface MetricDepth {
  readonly depth: DepthImage;
  readonly scale: ScaleSource;
  /** The fit used (absent for a metric model); keep it for the next frame. */
  readonly fit?: DepthScaleFit;
  /** Object-size samples the fit used (0 when reused). */
  readonly samples: number;
}

export function metricDepth(
  estimated: EstimatedDepth,
  detections: readonly Detection[],
  intrinsics: Intrinsics,
  previous?: DepthScaleFit,
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
  if (!previous) return undefined;
  return { depth: applyDepthScale(estimated, previous), scale: 'previous frame', fit: previous, samples: 0 };
}
